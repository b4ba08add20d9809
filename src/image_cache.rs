//! The cache of processed images, `.wdhs-cache/images/` beside the site: whether a build may use
//! it, and reading and writing its entries and notes. The cache is never input: a file in it is
//! published only when it is a regular file with the size and xxh3-128 hash wdhs recorded when
//! it made it, and (unless the editor kept the original's metadata) carries no metadata; its
//! folders are never followed as links; a cache that git tracks is not used at all. Anything
//! else is made again from the photo.

use crate::write::Content;
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The cache folder beside the site; safe to delete.
pub fn cache_dir(root: &Path) -> PathBuf {
    root.join(".wdhs-cache").join("images")
}

/// The image cache one build (or one `serve` session) uses.
pub struct ImageCache {
    dir: PathBuf,
    /// What to tell the user once: links removed, a cache in git not used. (message, hint)
    pub warnings: Vec<(String, String)>,
    /// A fresh cache in the temporary folder, used instead of the one beside the site when git
    /// tracks that one; removed when this is dropped.
    _temporary: Option<tempfile::TempDir>,
}

impl ImageCache {
    /// Checks the cache beside the site before anything reads it: a cache that git tracks is
    /// replaced, for this build, by a fresh temporary one (it may have come in with a pull
    /// request); otherwise `.wdhs-cache`, `images/` and the folders in it that are links are
    /// removed (the links, not what they point to). Nothing is created here: a site without
    /// images gets no cache folder.
    pub fn open(root: &Path) -> Result<ImageCache, String> {
        let base = root.join(".wdhs-cache");
        let mut cache = ImageCache {
            dir: cache_dir(root),
            warnings: Vec::new(),
            _temporary: None,
        };
        if std::fs::symlink_metadata(&base).is_err() {
            return Ok(cache);
        }
        let tracked = tracked_in_git(root);
        if tracked > 0 {
            let temporary = tempfile::Builder::new()
                .prefix("wdhs-images-")
                .tempdir()
                .map_err(|e| crate::tr!("cache-no-temporary", error = e.to_string()))?;
            cache.dir = temporary.path().to_path_buf();
            cache._temporary = Some(temporary);
            cache.warnings.push((
                crate::tr!("cache-in-git", count = tracked),
                crate::tr!("cache-in-git-hint"),
            ));
            return Ok(cache);
        }
        // The two folders first: once they are real, listing `images/` lists the cache's own
        // entries, not those of a folder somewhere else.
        let mut warnings: Vec<_> = [base, cache.dir.clone()]
            .iter()
            .filter_map(|folder| unlink_folder(root, folder))
            .collect();
        if let Ok(items) = std::fs::read_dir(&cache.dir) {
            // `by-file`, `headers` and the folders of keys (`3f/`); deeper ones are checked
            // where they are read (`read_entry`).
            for item in items.filter_map(Result::ok) {
                if item.file_type().is_ok_and(|t| t.is_symlink()) {
                    warnings.extend(unlink_folder(root, &item.path()));
                }
            }
        }
        cache.warnings = warnings;
        Ok(cache)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Replaces `folder` by a real, empty folder when it is a link (the link is removed; what it
/// points to is not touched), with the warning to give.
fn unlink_folder(root: &Path, folder: &Path) -> Option<(String, String)> {
    let link = std::fs::symlink_metadata(folder).ok()?;
    if !link.file_type().is_symlink() {
        return None;
    }
    let target = std::fs::read_link(folder).unwrap_or_default();
    let made = std::fs::remove_file(folder).and_then(|()| std::fs::create_dir(folder));
    let shown = crate::diagnostic::display_path(folder.strip_prefix(root).unwrap_or(folder));
    Some(match made {
        Ok(()) => (
            crate::tr!(
                "cache-link-replaced",
                folder = &shown,
                target = target.display()
            ),
            crate::tr!("cache-link-replaced-hint"),
        ),
        Err(e) => (
            crate::tr!("cache-link-kept", folder = &shown, error = e.to_string()),
            crate::tr!("cache-link-kept-hint", folder = &shown),
        ),
    })
}

/// How many files under `.wdhs-cache/` git tracks (`git ls-files`); 0 without git or outside a
/// repository, like `history`.
fn tracked_in_git(root: &Path) -> usize {
    let Ok(output) = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["ls-files", "-z", "--", ".wdhs-cache"])
        .output()
    else {
        return 0;
    };
    if !output.status.success() {
        return 0;
    }
    output
        .stdout
        .split(|b| *b == 0)
        .filter(|name| !name.is_empty())
        .count()
}

/// A note's file name for `source`: its path in the site, size, modification time and, on
/// Unix, inode and change time, hashed, with what the note is for. The inode and change time
/// make a note match only the very file it was written for: a checkout (of a note committed to
/// git, say) gives the file a new change time, and nothing can set it back.
pub fn file_note(relative: &str, source: &Path, purpose: &str) -> Option<String> {
    let metadata = std::fs::metadata(source).ok()?;
    let modified = metadata
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    #[cfg(unix)]
    let identity = {
        use std::os::unix::fs::MetadataExt;
        format!(
            "{}|{}.{}",
            metadata.ino(),
            metadata.ctime(),
            metadata.ctime_nsec()
        )
    };
    #[cfg(not(unix))]
    let identity = String::new();
    let text = format!(
        "{}|{relative}|{}|{}|{identity}|{purpose}",
        crate::images::PROCESS_VERSION,
        metadata.len(),
        modified.as_nanos()
    );
    Some(format!(
        "{:032x}",
        xxhash_rust::xxh3::xxh3_128(text.as_bytes())
    ))
}

/// The bytes of a regular file of the cache, never read through a link; `max` bounds what a
/// note may hold.
pub fn read_regular(path: &Path, max: u64) -> Option<Vec<u8>> {
    let (file, _) = crate::write::open_regular(path).ok()?;
    let mut bytes = Vec::new();
    file.take(max).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// Written whole and renamed: a half-written note is never read, and a link in its place is
/// replaced, not written through.
pub fn write_whole(path: &Path, bytes: &[u8]) {
    let temp = path.with_extension(format!("tmp-{}", std::process::id()));
    if std::fs::write(&temp, bytes).is_ok() && std::fs::rename(&temp, path).is_err() {
        let _ = std::fs::remove_file(&temp);
    }
}

/// Makes `folder` (inside the cache) for writing into; a link in its place is removed first,
/// so nothing is written through it.
pub fn make_folder(folder: &Path) -> bool {
    match std::fs::symlink_metadata(folder) {
        Ok(m) if m.is_dir() => true,
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::remove_file(folder).is_ok() && std::fs::create_dir_all(folder).is_ok()
        }
        Ok(_) => false,
        Err(_) => std::fs::create_dir_all(folder).is_ok(),
    }
}

/// A cache key as wdhs writes them (32 lowercase hex digits): a note that says otherwise, say
/// `../../somewhere`, is not followed.
pub fn valid_key(key: &str) -> bool {
    key.len() == 32 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The folder of the processed files of `key`.
pub fn entry_folder(cache: &Path, key: &str) -> PathBuf {
    cache.join(key.get(..2).unwrap_or("")).join(key)
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    files: Vec<CachedFile>,
}

/// One processed file, as wdhs wrote it.
#[derive(Serialize, Deserialize)]
struct CachedFile {
    /// Relative to the image's path without extension: `-480.webp`, `.jpg` for the original.
    suffix: String,
    size: u64,
    /// xxh3-128 of the bytes, 32 hex digits.
    xxh3: String,
}

/// What a cache entry must hold: its files' suffixes in order (see `images::suffixes`), and
/// the one whose metadata the editor asked to keep, if any.
pub struct Expected<'a> {
    pub suffixes: &'a [String],
    pub unstripped: Option<&'a str>,
}

fn hash_hex(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

fn file_name(suffix: &str) -> String {
    format!("file{}", suffix.replace('/', "_"))
}

/// The published files of a cached entry for the image at `relative`, as links to the cache's
/// files; `None` (process again) unless the manifest lists exactly the expected files and each
/// one checks out (`verified`). A warm build reads these small files to check them (a few
/// hundred kilobytes per image, hashed at gigabytes a second) but never the photos: those
/// are what takes time to read and decode.
pub fn read_entry(
    folder: &Path,
    relative: &str,
    expected: &Expected<'_>,
) -> Option<Vec<(String, Content)>> {
    // The key's folder and the one above it must be folders, not links to somewhere else.
    let real = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir());
    if !real(folder) || !folder.parent().is_some_and(real) {
        return None;
    }
    let manifest_path = folder.join("manifest.json");
    let manifest: Manifest =
        serde_json::from_slice(&read_regular(&manifest_path, 1 << 20)?).ok()?;
    // Marked as used, so `prune` keeps it however long ago it was made.
    let _ = std::fs::File::options()
        .write(true)
        .open(&manifest_path)
        .and_then(|file| file.set_modified(std::time::SystemTime::now()));
    if !manifest
        .files
        .iter()
        .map(|f| &f.suffix)
        .eq(expected.suffixes)
    {
        return None;
    }
    let stem = relative.rsplit_once('.').map_or(relative, |(s, _)| s);
    manifest
        .files
        .iter()
        .map(|cached| {
            let path = folder.join(file_name(&cached.suffix));
            let stripped = expected.unstripped != Some(cached.suffix.as_str());
            verified(&path, cached, stripped)
                .then(|| (format!("{stem}{}", cached.suffix), Content::Link(path)))
        })
        .collect()
}

/// Whether the file at `path` is what the manifest says wdhs made: a regular file (not a
/// link), of its size and hash, and without metadata when it was made without.
fn verified(path: &Path, cached: &CachedFile, stripped: bool) -> bool {
    let Ok((file, metadata)) = crate::write::open_regular(path) else {
        return false;
    };
    if metadata.len() != cached.size {
        return false;
    }
    let mut bytes = Vec::new();
    if file.take(cached.size).read_to_end(&mut bytes).is_err() || hash_hex(&bytes) != cached.xxh3 {
        return false;
    }
    !stripped || crate::stripped::check(&bytes).is_ok()
}

/// Writes an entry: its files (suffix, bytes) and a manifest with their sizes and hashes, in a
/// temporary folder renamed into place. A folder already there is kept when `valid` says it
/// holds the same entry (another thread of this build wrote it), else it is moved aside and
/// removed. A failed write only costs time on the next build, so it is not an error.
pub fn write_entry(folder: &Path, files: &[(String, &[u8])], valid: impl Fn() -> bool) {
    let Some(parent) = folder.parent() else {
        return;
    };
    if !make_folder(parent) {
        return;
    }
    let Ok(staging) = tempfile::Builder::new().prefix(".tmp-").tempdir_in(parent) else {
        return;
    };
    let mut listed = Vec::new();
    for (suffix, bytes) in files {
        if std::fs::write(staging.path().join(file_name(suffix)), bytes).is_err() {
            return;
        }
        listed.push(CachedFile {
            suffix: suffix.clone(),
            size: bytes.len() as u64,
            xxh3: hash_hex(bytes),
        });
    }
    let Ok(manifest) = serde_json::to_vec(&Manifest { files: listed }) else {
        return;
    };
    if std::fs::write(staging.path().join("manifest.json"), manifest).is_err() {
        return;
    }
    if std::fs::rename(staging.path(), folder).is_ok() {
        let _ = staging.keep();
        return;
    }
    if valid() {
        return;
    }
    // A folder that failed the checks (or a link, or a file): moved aside in one step, then
    // removed; a link is removed itself, never what it points to.
    let Ok(aside) = tempfile::Builder::new()
        .prefix(".tmp-bad-")
        .tempdir_in(parent)
    else {
        return;
    };
    let old = aside.path().join("old");
    if std::fs::rename(folder, &old).is_ok() && std::fs::rename(staging.path(), folder).is_ok() {
        let _ = staging.keep();
    }
}

/// How long an entry no build has used stays in the cache: long enough for a branch that is
/// weeks old, short enough that the photos an editor replaced do not pile up for ever.
pub const UNUSED_FOR: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 60 * 60);

/// Removes the entries of `cache` that no build or `serve` has used (`read_entry` marks them)
/// for `UNUSED_FOR`, and leftovers of writes that were stopped. Links are removed, never
/// followed. A failure only leaves an entry in place.
pub fn prune(cache: &Path) {
    let Some(limit) = std::time::SystemTime::now().checked_sub(UNUSED_FOR) else {
        return;
    };
    let folders = |path: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(path)
            .map(|items| items.flatten().map(|item| item.path()).collect())
            .unwrap_or_default()
    };
    for shard in folders(cache) {
        if !std::fs::symlink_metadata(&shard).is_ok_and(|m| m.is_dir()) {
            continue;
        }
        for entry in folders(&shard) {
            let used = std::fs::symlink_metadata(entry.join("manifest.json"))
                .and_then(|m| m.modified())
                .or_else(|_| std::fs::symlink_metadata(&entry).and_then(|m| m.modified()));
            if used.is_ok_and(|time| time < limit) {
                let _ = match std::fs::symlink_metadata(&entry) {
                    Ok(m) if m.is_dir() => std::fs::remove_dir_all(&entry),
                    _ => std::fs::remove_file(&entry),
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_matches_only_the_file_it_was_written_for() {
        let folder = tempfile::tempdir().expect("temp dir");
        let photo = folder.path().join("molen.jpg");
        std::fs::write(&photo, b"the same bytes").expect("write");
        let first = file_note("molen.jpg", &photo, "true").expect("note");
        assert_eq!(file_note("molen.jpg", &photo, "true"), Some(first.clone()));
        // The same name, bytes and modification time, as a checkout or a copy gives: another
        // file (another change time, most likely another inode), so another note.
        let modified = std::fs::metadata(&photo)
            .and_then(|m| m.modified())
            .expect("mtime");
        std::fs::remove_file(&photo).expect("rm");
        std::thread::sleep(std::time::Duration::from_millis(10));
        std::fs::write(&photo, b"the same bytes").expect("write");
        std::fs::File::options()
            .write(true)
            .open(&photo)
            .and_then(|f| f.set_modified(modified))
            .expect("set mtime");
        assert_ne!(file_note("molen.jpg", &photo, "true"), Some(first));
    }

    #[test]
    fn only_keys_as_wdhs_writes_them_are_followed() {
        assert!(valid_key("0123456789abcdef0123456789abcdef"));
        assert!(!valid_key("../../../../etc/passwd0000000000"));
        assert!(!valid_key("0123456789ABCDEF0123456789ABCDEF"));
        assert!(!valid_key("0123"));
    }

    #[test]
    fn an_entry_is_read_only_as_it_was_written() {
        let cache = tempfile::tempdir().expect("temp dir");
        let folder = entry_folder(cache.path(), "0123456789abcdef0123456789abcdef");
        let webp = webp::Encoder::from_rgb(&[90; 4 * 4 * 3], 4, 4)
            .encode(75.0)
            .to_vec();
        let suffixes = vec![".webp".to_string(), "-4.webp".to_string()];
        let files = [
            (suffixes[0].clone(), &webp[..]),
            (suffixes[1].clone(), &webp[..]),
        ];
        write_entry(&folder, &files, || false);
        let expected = Expected {
            suffixes: &suffixes,
            unstripped: None,
        };
        let read = read_entry(&folder, "x/molen.webp", &expected).expect("read");
        assert_eq!(read.len(), 2);
        assert_eq!(read[1].0, "x/molen-4.webp");
        // Other files than expected: not this entry.
        let fewer = [suffixes[0].clone()];
        let other = Expected {
            suffixes: &fewer,
            unstripped: None,
        };
        assert!(read_entry(&folder, "x/molen.webp", &other).is_none());
        // A key folder that is a link is not followed.
        let elsewhere = cache.path().join("elsewhere");
        std::fs::rename(&folder, &elsewhere).expect("move");
        std::os::unix::fs::symlink(&elsewhere, &folder).expect("link");
        assert!(read_entry(&folder, "x/molen.webp", &expected).is_none());
        // Writing it again replaces the link, not what it points to.
        write_entry(&folder, &files, || false);
        assert!(std::fs::symlink_metadata(&folder).is_ok_and(|m| m.is_dir()));
        assert!(read_entry(&folder, "x/molen.webp", &expected).is_some());
        assert!(elsewhere.join("manifest.json").exists());
    }
}
