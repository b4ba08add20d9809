//! The only module that writes the site to disk. Nothing in the output changes until the whole
//! site has rendered without errors, so a failed build leaves `public/` as it was.
//!
//! Two ways to get there, chosen by what is on disk:
//! - no output yet, or an empty folder: every file goes into a staging folder beside it, renamed
//!   into place at once (into an empty folder: its top-level entries are);
//! - an output from an earlier build: each file is compared with the one already there and only
//!   changed files are staged (flat, in one folder); the commit renames them into place one by
//!   one and removes what this build no longer produces. Unchanged files keep their inode and
//!   modification time, and no build deletes and recreates the whole tree, which on a large site
//!   costs more than rendering it.

use std::collections::HashSet;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What one output file holds.
#[derive(Debug, Clone)]
pub enum Content {
    /// Bytes made by this build.
    Bytes(Vec<u8>),
    /// A file wdhs keeps itself (a processed image in the cache): published as a hard link
    /// where the file system allows, so a rebuild neither reads nor copies it.
    Link(PathBuf),
}

impl Content {
    /// The bytes, read from the file when the content is one (`serve` keeps them in memory).
    pub fn into_bytes(self) -> io::Result<Vec<u8>> {
        match self {
            Content::Bytes(bytes) => Ok(bytes),
            Content::Link(path) => std::fs::read(path),
        }
    }
}

pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    mode: Mode,
}

enum Mode {
    /// No earlier output: the staging folder becomes the output.
    Fresh {
        /// Folders already made, so thousands of pages in a few folders cost one `mkdir` each.
        made: Mutex<HashSet<PathBuf>>,
        /// The output is an empty folder, kept (it may be a mount point or have its own
        /// permissions): what is staged is moved into it.
        into_empty: bool,
    },
    /// An earlier output folder is updated in place at commit.
    Update {
        next: AtomicUsize,
        /// (output path, staged file) of every file that differs from the output.
        staged: Mutex<Vec<(PathBuf, PathBuf)>>,
        /// Every path this build produces, changed or not.
        produced: Mutex<HashSet<PathBuf>>,
    },
}

/// A staging folder beside `output` (same file system, so moving files in is a rename).
pub fn stage(output: &Path) -> io::Result<Staging> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let name = output.file_name().map_or_else(
        || "public".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let dir = tempfile::Builder::new()
        .prefix(&format!(".{name}.staging-"))
        .tempdir_in(&parent)?
        .keep();
    let is_dir = std::fs::metadata(output).is_ok_and(|m| m.is_dir());
    let is_empty = || std::fs::read_dir(output).is_ok_and(|mut items| items.next().is_none());
    let mode = if is_dir && !is_empty() {
        Mode::Update {
            next: AtomicUsize::new(0),
            staged: Mutex::new(Vec::new()),
            produced: Mutex::new(HashSet::new()),
        }
    } else {
        Mode::Fresh {
            made: Mutex::new(HashSet::new()),
            into_empty: is_dir,
        }
    };
    Ok(Staging {
        dir,
        target: output.to_path_buf(),
        mode,
    })
}

/// Output paths come from slugs and asset names; refuse anything that could leave the folder.
fn safe_relative(relative: &str) -> io::Result<PathBuf> {
    let path = Path::new(relative);
    if relative.is_empty() || !path.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("unsafe output path `{relative}`"),
        ));
    }
    Ok(path.to_path_buf())
}

/// Writes one file below `root`, creating folders as needed (`serve`'s preview folder, which
/// only `serve` reads).
///
/// A file already there is written over in place and then cut to length, not truncated
/// first: on ext4 a file truncated to nothing and written again is flushed to disk when it is
/// closed (`auto_da_alloc`), which made rewriting a list page five to ten times slower.
pub fn write_file(root: &Path, relative: &str, bytes: &[u8]) -> io::Result<()> {
    let path = root.join(safe_relative(relative)?);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)?;
    std::io::Write::write_all(&mut file, bytes)?;
    file.set_len(bytes.len() as u64)
}

/// Removes a file written by an earlier `serve` build that this build no longer produces.
pub fn remove_file(root: &Path, relative: &str) -> io::Result<()> {
    let path = root.join(safe_relative(relative)?);
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Creates a new file for `wdhs new`; never overwrites one that exists.
pub fn create_new_file(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    std::io::Write::write_all(&mut file, text.as_bytes())
}

/// Whether the file at `path` holds exactly `bytes` (the size is compared before any reading).
fn holds_bytes(path: &Path, bytes: &[u8]) -> bool {
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    if !file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
    {
        return false;
    }
    let mut old = Vec::with_capacity(bytes.len());
    file.read_to_end(&mut old).is_ok() && old == bytes
}

/// Whether `path` already is `source`, by hard link. (A copy of it is copied again: only
/// caches on another file system give copies, and those are small sites' worth of images.)
fn holds_link(path: &Path, source: &Path) -> bool {
    match (std::fs::symlink_metadata(path), std::fs::metadata(source)) {
        (Ok(old), Ok(new)) => old.is_file() && same_inode(&old, &new),
        _ => false,
    }
}

#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// Makes the folder `path` goes in unless `made` holds it already: thousands of pages in a few
/// folders cost one `mkdir` each.
fn make_parent(made: &Mutex<HashSet<PathBuf>>, path: &Path) -> io::Result<()> {
    let Some(parent) = path.parent() else {
        return Ok(());
    };
    if made.lock().is_ok_and(|m| m.contains(parent)) {
        return Ok(());
    }
    std::fs::create_dir_all(parent)?;
    if let Ok(mut made) = made.lock() {
        made.insert(parent.to_path_buf());
    }
    Ok(())
}

/// Puts `body` at `path`, which does not exist yet.
fn put(path: &Path, content: &Content) -> io::Result<()> {
    match content {
        Content::Bytes(bytes) => std::fs::write(path, bytes),
        // A cache on another file system, or one that has no hard links: copy instead.
        Content::Link(source) => {
            std::fs::hard_link(source, path).or_else(|_| std::fs::copy(source, path).map(|_| ()))
        }
    }
}

impl Staging {
    pub fn write(&self, relative: &str, content: &Content) -> io::Result<()> {
        let relative = safe_relative(relative)?;
        match &self.mode {
            Mode::Fresh { made, .. } => {
                let path = self.dir.join(&relative);
                make_parent(made, &path)?;
                put(&path, content)
            }
            Mode::Update {
                next,
                staged,
                produced,
            } => {
                let current = self.target.join(&relative);
                let unchanged = match content {
                    Content::Bytes(bytes) => holds_bytes(&current, bytes),
                    Content::Link(source) => holds_link(&current, source),
                };
                if !unchanged {
                    let file = self
                        .dir
                        .join(next.fetch_add(1, Ordering::Relaxed).to_string());
                    put(&file, content)?;
                    lock(staged)?.push((relative.clone(), file));
                }
                lock(produced)?.insert(relative);
                Ok(())
            }
        }
    }

    /// Makes the folders of files about to be written, ahead of the threads that write them.
    /// Only a fresh output benefits: an update stages its files flat.
    pub fn make_folders(&self, files: impl IntoIterator<Item = impl AsRef<str>>) {
        let Mode::Fresh { made, .. } = &self.mode else {
            return;
        };
        for relative in files {
            let Ok(relative) = safe_relative(relative.as_ref()) else {
                continue;
            };
            if make_parent(made, &self.dir.join(relative)).is_err() {
                // The writer meets the same error and reports it on its file.
                return;
            }
        }
    }

    /// Puts the staged files in place of the output.
    pub fn commit(self) -> io::Result<()> {
        match self.mode {
            Mode::Fresh {
                into_empty: true, ..
            } => move_into(&self.dir, &self.target),
            Mode::Fresh { .. } => swap_in(&self.dir, &self.target),
            Mode::Update {
                staged, produced, ..
            } => {
                let staged = staged.into_inner().map_err(poisoned)?;
                let produced = produced.into_inner().map_err(poisoned)?;
                remove_stale(&self.target, &produced)?;
                let mut made: HashSet<PathBuf> = HashSet::new();
                for (relative, file) in staged {
                    let path = self.target.join(&relative);
                    if let Some(parent) = path.parent()
                        && !made.contains(parent)
                    {
                        std::fs::create_dir_all(parent)?;
                        made.insert(parent.to_path_buf());
                    }
                    if std::fs::rename(&file, &path).is_err() {
                        // The output is a link to another file system: copy across.
                        std::fs::copy(&file, &path)?;
                    }
                }
                std::fs::remove_dir_all(&self.dir)
            }
        }
    }

    /// Drops the staged files; the output stays as it was.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn lock<T>(mutex: &Mutex<T>) -> io::Result<std::sync::MutexGuard<'_, T>> {
    mutex.lock().map_err(poisoned)
}

fn poisoned<T>(_: std::sync::PoisonError<T>) -> io::Error {
    io::Error::other("a writer thread failed")
}

/// Renames `staged` to `target`; whatever was at `target` (not a folder, or nothing) goes.
fn swap_in(staged: &Path, target: &Path) -> io::Result<()> {
    if std::fs::symlink_metadata(target).is_err() {
        return std::fs::rename(staged, target);
    }
    let parent = staged
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let old = tempfile::Builder::new()
        .prefix(".old-output-")
        .tempdir_in(&parent)?
        .keep();
    let old_site = old.join("site");
    std::fs::rename(target, &old_site)?;
    if let Err(error) = std::fs::rename(staged, target) {
        // Put the previous output back: a failed swap must not lose it.
        let _ = std::fs::rename(&old_site, target);
        let _ = std::fs::remove_dir_all(staged);
        let _ = std::fs::remove_dir_all(&old);
        return Err(error);
    }
    std::fs::remove_dir_all(&old)
}

/// Moves what is in `staged` into the folder `target`, then removes `staged`. Each top-level
/// entry is one rename; one that cannot be renamed (another file system) is copied.
fn move_into(staged: &Path, target: &Path) -> io::Result<()> {
    for item in std::fs::read_dir(staged)? {
        let item = item?;
        let destination = target.join(item.file_name());
        if std::fs::rename(item.path(), &destination).is_err() {
            copy_tree(&item.path(), &destination)?;
        }
    }
    std::fs::remove_dir_all(staged)
}

/// Copies a file or a folder with everything in it (links are copied as the files they are).
fn copy_tree(source: &Path, destination: &Path) -> io::Result<()> {
    for item in walkdir::WalkDir::new(source) {
        let item = item.map_err(io::Error::other)?;
        let relative = item.path().strip_prefix(source).map_err(io::Error::other)?;
        let path = destination.join(relative);
        if item.file_type().is_dir() {
            std::fs::create_dir_all(&path)?;
        } else {
            std::fs::copy(item.path(), &path)?;
        }
    }
    Ok(())
}

/// Removes every file below `root` that is not in `produced`, then the folders left empty.
/// Links are removed, never followed.
fn remove_stale(root: &Path, produced: &HashSet<PathBuf>) -> io::Result<()> {
    for item in walkdir::WalkDir::new(root)
        .min_depth(1)
        .contents_first(true)
    {
        let item = item.map_err(io::Error::other)?;
        let relative = item.path().strip_prefix(root).map_err(io::Error::other)?;
        if item.file_type().is_dir() {
            // Fails when something is left inside, which is what should stay.
            let _ = std::fs::remove_dir(item.path());
        } else if !produced.contains(relative) {
            std::fs::remove_file(item.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_the_folder() {
        assert!(safe_relative("../x").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("a/../../b").is_err());
        assert!(safe_relative("pers/x/index.html").is_ok());
    }

    #[test]
    fn a_file_written_over_holds_only_the_new_bytes() {
        let root = tempfile::tempdir().expect("temporary folder");
        write_file(root.path(), "pers/x/index.html", b"a longer first version").expect("write");
        write_file(root.path(), "pers/x/index.html", b"shorter").expect("write again");
        let path = root.path().join("pers/x/index.html");
        assert_eq!(std::fs::read(&path).expect("read"), b"shorter");
        write_file(root.path(), "pers/x/index.html", b"longer than before").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"longer than before");
    }

    #[test]
    fn folders_made_ahead_hold_the_files_written_later() {
        let root = tempfile::tempdir().expect("temporary folder");
        let output = root.path().join("public");
        let staging = stage(&output).expect("stage");
        let files = ["pers/x/index.html", "../outside/index.html", "index.html"];
        staging.make_folders(files);
        assert!(staging.dir.join("pers/x").is_dir(), "made before any write");
        assert!(
            !root.path().join("outside").exists(),
            "a path that leaves is skipped"
        );
        let page = Content::Bytes(b"<p>x</p>".to_vec());
        staging.write("pers/x/index.html", &page).expect("write");
        staging
            .write("pers/y/index.html", &page)
            .expect("a folder not made ahead");
        staging.commit().expect("commit");
        for file in ["pers/x/index.html", "pers/y/index.html"] {
            assert_eq!(std::fs::read(output.join(file)).expect("read"), b"<p>x</p>");
        }
    }
}
