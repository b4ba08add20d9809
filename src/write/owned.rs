//! Which output folders a build may replace. A build leaves only the site in its output, so a
//! folder that already holds files is replaced only when wdhs made it: the site's `public/`,
//! or a folder an earlier build of this site wrote (listed in `.wdhs-cache/outputs`).

use std::path::{Path, PathBuf};

/// The list of output folders this site was built into, beside the image cache.
fn record(root: &Path) -> PathBuf {
    root.join(".wdhs-cache").join("outputs")
}

/// Whether a build may put the site in `output`: it does not exist yet, is an empty folder,
/// is the site's `public/`, or an earlier build of this site wrote it. A file, or a folder
/// holding someone's own files, is never replaced: the build would lose them.
pub fn may_replace(root: &Path, output: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(output) else {
        return true;
    };
    let empty = || std::fs::read_dir(output).is_ok_and(|mut items| items.next().is_none());
    if meta.is_dir() && empty() {
        return true;
    }
    let (Ok(root), Ok(output)) = (std::fs::canonicalize(root), std::fs::canonicalize(output))
    else {
        return false;
    };
    meta.is_dir() && (output == public(&root) || recorded(&root).contains(&output))
}

/// The site's `public/`, where it leads if it is a link (to a host's web folder, say).
fn public(root: &Path) -> PathBuf {
    let public = root.join("public");
    std::fs::canonicalize(&public).unwrap_or(public)
}

/// Notes that this build wrote `output`, so the next one may replace it. At worst (the list
/// cannot be written) the next build refuses the folder and says why. The list is replaced by
/// a rename, never written through a link put in its place, and not at all when
/// `.wdhs-cache` is a link.
pub fn remember(root: &Path, output: &Path) {
    let (Ok(root), Ok(output)) = (std::fs::canonicalize(root), std::fs::canonicalize(output))
    else {
        return;
    };
    let mut known = recorded(&root);
    if output == public(&root) || known.contains(&output) {
        return;
    }
    // Folders removed since (a test's or a CI run's temporary output) are forgotten.
    known.retain(|folder| folder.is_dir());
    known.push(output);
    let lines: String = (known.iter())
        .filter_map(|p| p.to_str())
        .map(|p| format!("{p}\n"))
        .collect();
    let folder = root.join(".wdhs-cache");
    let _ = std::fs::create_dir(&folder);
    if std::fs::symlink_metadata(&folder).is_ok_and(|m| m.is_dir()) {
        let _ = tempfile::NamedTempFile::new_in(&folder)
            .and_then(|mut file| {
                std::io::Write::write_all(&mut file, lines.as_bytes()).map(|()| file)
            })
            .map(|file| file.persist(record(&root)));
    }
}

/// The output folders written before, as listed (one absolute path per line); read only from
/// a regular file, not through a link.
fn recorded(root: &Path) -> Vec<PathBuf> {
    let mut text = String::new();
    if let Ok((mut file, _)) = super::open_regular(&record(root)) {
        let _ = std::io::Read::read_to_string(&mut file, &mut text);
    }
    text.lines()
        .filter(|line| !line.is_empty())
        .map(PathBuf::from)
        .collect()
}
