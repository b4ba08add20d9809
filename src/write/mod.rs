//! The only module that writes the site to disk. Nothing in the output changes until the whole
//! site has rendered without errors, and on Linux and macOS a build killed at any moment leaves
//! either the old site or the new one in the output, each in full.
//!
//! The way in is chosen by what is on disk:
//! - no output yet, or an empty folder: every file goes into a staging folder beside it, renamed
//!   into place at once (into an empty folder, which is kept: its top-level entries are moved
//!   in, one rename each);
//! - an output from an earlier build: beside it is a spare tree, `.public.previous` (made on
//!   the first such build), holding the site before. The build brings the spare tree to the new
//!   site: each file is compared with the output's; an unchanged one becomes a hard link to the
//!   output's file (same inode and modification time, so hosts and rsync see it unchanged), a
//!   changed one is written anew, and what the site no longer has is removed. The commit then
//!   swaps the two folders in one step (`renameat2(RENAME_EXCHANGE)` on Linux,
//!   `renamex_np(RENAME_SWAP)` on macOS). The old site stays as the next build's spare tree, so
//!   a build only touches what changed since the one before last (making a tree of links and
//!   removing the old one on every build made a repeated 10k build many times slower: see
//!   `bench/README.md`, "Rebuilds");
//! - where the folders cannot be swapped (Windows and other systems, an output that is a link or
//!   a mount point, a file system without the exchange), only changed files are staged and the
//!   commit moves them in one by one and removes what this build no longer produces. A build
//!   killed during that loop leaves a mix of old and new files, which the next build puts right.
//!
//! Files in the output are never written in place: the spare tree shares most of its files with
//! the output, so a file that changes is unlinked from it and made anew. A killed build leaves
//! its staging folder beside the output (the next build removes such folders, known by their
//! exact names), or a spare tree partly brought up to date (the next build checks every file of
//! it against what it should be, so it needs nothing more).

use std::collections::HashSet;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

mod files;
mod owned;
mod pieces;
pub use files::*;
pub use owned::{may_replace, remember};
pub use pieces::Pieces;

/// Random letters and digits after a staging folder's prefix (`.public.staging-a1B2c3`): the
/// name pattern by which a later build knows a leftover folder as its own.
const RANDOM_LEN: usize = 6;
/// Where `swap_in` moved an old output aside (inside it: `site`) where there is no exchange.
const OLD_OUTPUT_PREFIX: &str = ".old-output-";

/// What one output file holds.
#[derive(Debug, Clone)]
pub enum Content {
    /// Bytes made by this build.
    Bytes(Vec<u8>),
    /// Bytes made by this build that `serve` keeps too (a large site's search index, which
    /// the next edit patches): shared, not copied.
    Shared(Pieces),
    /// A file wdhs keeps itself (a processed image in the cache): published as a hard link
    /// where the file system allows, so a rebuild neither reads nor copies it.
    Link(PathBuf),
}

impl Content {
    /// The bytes, read from the file when the content is one (`serve` keeps them in memory).
    pub fn into_bytes(self) -> io::Result<Vec<u8>> {
        match self {
            Content::Bytes(bytes) => Ok(bytes),
            Content::Shared(pieces) => Ok(pieces.into_vec()),
            Content::Link(path) => std::fs::read(path),
        }
    }

    /// Whether this build made the bytes `old`; `None` for a file kept by wdhs (`Link`).
    fn made_same(&self, old: &[u8]) -> Option<bool> {
        match self {
            Content::Bytes(bytes) => Some(bytes == old),
            Content::Shared(pieces) => Some(pieces.same_as(old)),
            Content::Link(_) => None,
        }
    }

    /// The length of the bytes made by this build; `None` for a file kept by wdhs (`Link`).
    fn made_len(&self) -> Option<usize> {
        match self {
            Content::Bytes(bytes) => Some(bytes.len()),
            Content::Shared(pieces) => Some(pieces.len()),
            Content::Link(_) => None,
        }
    }
}

pub struct Staging {
    /// The staging folder, or the spare tree when swapping.
    dir: PathBuf,
    target: PathBuf,
    mode: Mode,
    /// The output's parent folder, locked until this build is done with it: two builds into
    /// one folder take turns, so neither writes into the other's spare tree or takes its
    /// staging folder for a leftover.
    _lock: Option<std::fs::File>,
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
    /// An earlier output is replaced by this build's.
    Update {
        /// `dir` is the spare tree, brought to the whole new site and swapped with the output;
        /// `false` where that cannot work (see `can_swap`): `dir` is a staging folder for the
        /// changed files only, moved in one by one.
        swap: bool,
        made: Mutex<HashSet<PathBuf>>,
        /// Every file whose content differs from the output's.
        changed: Mutex<Vec<PathBuf>>,
        /// Every path this build produces, changed or not.
        produced: Mutex<HashSet<PathBuf>>,
    },
}

/// Where this build's files go beside `output` (same file system, so moving them in is a
/// rename). What killed builds left there is removed first.
pub fn stage(output: &Path) -> io::Result<Staging> {
    let parent = parent_of(output);
    std::fs::create_dir_all(&parent)?;
    let lock = lock_folder(&parent);
    let prefix = staging_prefix(output);
    remove_leftovers(&parent, &prefix);
    let is_dir = std::fs::metadata(output).is_ok_and(|m| m.is_dir());
    let is_empty = || std::fs::read_dir(output).is_ok_and(|mut items| items.next().is_none());
    let update = is_dir && !is_empty();
    let swap = update && can_swap(output, &parent);
    let dir = if swap {
        spare_tree(output)?
    } else {
        tempfile::Builder::new()
            .prefix(&prefix)
            .rand_bytes(RANDOM_LEN)
            .tempdir_in(&parent)?
            .keep()
    };
    let made = Mutex::new(HashSet::new());
    let mode = if update {
        Mode::Update {
            swap,
            made,
            changed: Mutex::new(Vec::new()),
            produced: Mutex::new(HashSet::new()),
        }
    } else {
        Mode::Fresh {
            made,
            into_empty: is_dir,
        }
    };
    Ok(Staging {
        dir,
        target: output.to_path_buf(),
        mode,
        _lock: lock,
    })
}

fn parent_of(output: &Path) -> PathBuf {
    match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn output_name(output: &Path) -> String {
    output.file_name().map_or_else(
        || "public".to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// `.public.staging-`: what a staging folder's name starts with, for the output `public`.
fn staging_prefix(output: &Path) -> String {
    format!(".{}.staging-", output_name(output))
}

/// `.public.previous` beside `public`, made when missing (a file or a link with its name is
/// removed first: the spare tree is always a real folder of ours).
fn spare_tree(output: &Path) -> io::Result<PathBuf> {
    let path = parent_of(output).join(format!(".{}.previous", output_name(output)));
    match std::fs::symlink_metadata(&path) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            std::fs::remove_file(&path)?;
            std::fs::create_dir(&path)?;
        }
        Err(_) => std::fs::create_dir(&path)?,
    }
    Ok(path)
}

/// Locks `folder` (an advisory `flock` on the folder itself: no lock file is left behind).
/// Where locks are not available the build goes on without one, as before.
fn lock_folder(folder: &Path) -> Option<std::fs::File> {
    #[cfg(unix)]
    {
        let file = std::fs::File::open(folder).ok()?;
        file.lock().ok()?;
        Some(file)
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        None
    }
}

/// Removes what killed builds into this output left beside it: folders named exactly
/// `prefix` + six letters or digits (the staging folders `stage` makes), and `.old-output-` +
/// six letters or digits folders that hold nothing but an old `site` folder. Only real
/// folders: a file, a link or a folder with another name is not ours and stays, and so do
/// other outputs' staging folders (their prefix differs) and the spare tree (it is reused).
fn remove_leftovers(parent: &Path, prefix: &str) {
    let Ok(items) = std::fs::read_dir(parent) else {
        return;
    };
    for item in items.filter_map(Result::ok) {
        let name = item.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        // `file_type` does not follow links: a link to a folder is not a folder here.
        if !item.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let ours = named(name, prefix)
            || (named(name, OLD_OUTPUT_PREFIX) && holds_only_site(&item.path()));
        if ours {
            let _ = std::fs::remove_dir_all(item.path());
        }
    }
}

/// Whether `name` is `prefix` followed by exactly `RANDOM_LEN` ASCII letters or digits.
fn named(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix).is_some_and(|random| {
        random.len() == RANDOM_LEN && random.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

fn holds_only_site(folder: &Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|items| {
        items
            .filter_map(Result::ok)
            .all(|item| item.file_name() == "site")
    })
}

/// Whether a spare tree beside `output` can be swapped with it: the system has the exchange,
/// and the output is a real folder (a link would be swapped itself, leaving the folder it
/// points to behind) on the file system of the folder it is in (hard links cannot cross; a
/// mount point of another file system cannot be swapped). A mount point of the same file
/// system (a bind mount) is found at the commit, when the exchange refuses it.
fn can_swap(output: &Path, parent: &Path) -> bool {
    if !exchange::AVAILABLE || test_switch("WDHS_TEST_NO_SWAP") {
        return false;
    }
    match (std::fs::symlink_metadata(output), std::fs::metadata(parent)) {
        (Ok(output), Ok(parent)) => output.is_dir() && exchange::same_device(&output, &parent),
        _ => false,
    }
}

/// Swapping two folders in one step, where the system has it.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
mod exchange {
    use std::io;
    use std::path::Path;

    pub const AVAILABLE: bool = true;

    /// `a` becomes `b` and `b` becomes `a`, atomically: `renameat2(RENAME_EXCHANGE)` on Linux,
    /// `renamex_np(RENAME_SWAP)` on macOS.
    pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
        if super::test_switch("WDHS_TEST_NO_EXCHANGE") {
            return Err(io::Error::from(io::ErrorKind::Unsupported));
        }
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
    }

    pub fn same_device(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev()
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
mod exchange {
    use std::io;
    use std::path::Path;

    pub const AVAILABLE: bool = false;

    pub fn exchange(_: &Path, _: &Path) -> io::Result<()> {
        Err(io::Error::from(io::ErrorKind::Unsupported))
    }

    pub fn same_device(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
        false
    }
}

/// The errors of an exchange this file system or folder cannot do (ENOSYS, EOPNOTSUPP, EINVAL,
/// EXDEV, EBUSY for a mount point): nothing was changed, and the slower way still works.
fn cannot_exchange(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::Unsupported
            | io::ErrorKind::InvalidInput
            | io::ErrorKind::CrossesDevices
            | io::ErrorKind::ResourceBusy
    )
}

/// Debug builds (the tests) read switches from the environment; release builds never do.
fn test_switch(name: &str) -> bool {
    cfg!(debug_assertions) && std::env::var_os(name).is_some()
}

/// Debug builds (the tests) stop dead at the named step of the commit when
/// `WDHS_TEST_ABORT_AT` names it, as a `kill -9` at that moment would; release builds never.
fn abort_at(step: &str) {
    if cfg!(debug_assertions) && std::env::var_os("WDHS_TEST_ABORT_AT").is_some_and(|s| s == step) {
        std::process::abort();
    }
}

/// Output paths come from slugs and asset names; refuse anything that could leave the folder.
fn safe_relative(relative: &str) -> io::Result<PathBuf> {
    let path = Path::new(relative);
    if relative.is_empty() || !path.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            crate::tr!("write-unsafe-path", path = relative),
        ));
    }
    Ok(path.to_path_buf())
}

/// When the output's file at `current` already holds `content`: the file an unchanged output is
/// linked from (the output's own, or the cache's) and its metadata. A link in the output holds
/// nothing: it is replaced, never kept. (A copy of a cached file is copied again: only caches
/// on another file system give copies, and those are small sites' worth of images.)
fn unchanged_source<'a>(
    current: &'a Path,
    content: &'a Content,
) -> Option<(&'a Path, std::fs::Metadata)> {
    if let Content::Link(source) = content {
        let old = std::fs::symlink_metadata(current).ok()?;
        let new = std::fs::metadata(source).ok()?;
        return (old.is_file() && same_inode(&old, &new)).then_some((source.as_path(), new));
    }
    let length = content.made_len()?;
    // The size is compared before any reading.
    let (mut file, metadata) = open_regular(current).ok()?;
    if metadata.len() != length as u64 {
        return None;
    }
    let mut old = Vec::with_capacity(length);
    let same = file.read_to_end(&mut old).is_ok() && content.made_same(&old) == Some(true);
    same.then_some((current, metadata))
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
/// folders cost one `mkdir` each. In a spare tree (`look_first`) most folders are there from
/// the build before, so they are looked up first: a `mkdir` of a folder that is there fails
/// only after taking its parent's lock, which the writing threads then wait for; a lookup
/// takes none.
fn make_parent(made: &Mutex<HashSet<PathBuf>>, path: &Path, look_first: bool) -> io::Result<()> {
    let Some(parent) = path.parent() else {
        return Ok(());
    };
    if made.lock().is_ok_and(|m| m.contains(parent)) {
        return Ok(());
    }
    if !(look_first && std::fs::symlink_metadata(parent).is_ok_and(|m| m.is_dir())) {
        std::fs::create_dir_all(parent)?;
    }
    if let Ok(mut made) = made.lock() {
        made.insert(parent.to_path_buf());
    }
    Ok(())
}

/// Puts `content` at `path`, which does not exist yet.
fn put(path: &Path, content: &Content) -> io::Result<()> {
    match content {
        Content::Bytes(bytes) => std::fs::write(path, bytes),
        Content::Shared(pieces) => pieces.write_to(&mut std::fs::File::create(path)?),
        // A cache on another file system, or one that has no hard links: copy instead.
        Content::Link(source) => {
            std::fs::hard_link(source, path).or_else(|_| std::fs::copy(source, path).map(|_| ()))
        }
    }
}

/// Empties the place of `path` in the spare tree `root` for a new file: what is at `path` is
/// removed (a file there may be shared with the output by hard link: it is unlinked, never
/// written into), and a file or link where a folder above it must be (the site's layout
/// changed) goes too. Then the folders are made.
fn clear_place(root: &Path, made: &Mutex<HashSet<PathBuf>>, path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(old) if old.is_dir() => std::fs::remove_dir_all(path)?,
        Ok(_) => std::fs::remove_file(path)?,
        Err(_) => {}
    }
    if make_parent(made, path, true).is_ok() {
        return Ok(());
    }
    let mut folder = root.to_path_buf();
    let relative = path.strip_prefix(root).map_err(io::Error::other)?;
    for part in relative.parent().into_iter().flat_map(Path::components) {
        folder.push(part);
        if std::fs::symlink_metadata(&folder).is_ok_and(|m| !m.is_dir()) {
            std::fs::remove_file(&folder)?;
        }
    }
    make_parent(made, path, true)
}

impl Staging {
    pub fn write(&self, relative: &str, content: &Content) -> io::Result<()> {
        let relative = safe_relative(relative)?;
        let path = self.dir.join(&relative);
        match &self.mode {
            Mode::Fresh { made, .. } => {
                make_parent(made, &path, false)?;
                put(&path, content)
            }
            Mode::Update {
                swap,
                made,
                changed,
                produced,
            } => {
                let current = self.target.join(&relative);
                let unchanged = unchanged_source(&current, content);
                match (unchanged, *swap) {
                    // Stays where it is; the commit moves only changed files.
                    (Some(_), false) => {}
                    (Some((source, metadata)), true) => {
                        self.link_unchanged(made, &path, source, &metadata, content)?;
                    }
                    (None, _) => {
                        if *swap {
                            clear_place(&self.dir, made, &path)?;
                        } else {
                            make_parent(made, &path, false)?;
                        }
                        put(&path, content)?;
                        lock(changed)?.push(relative.clone());
                    }
                }
                lock(produced)?.insert(relative);
                Ok(())
            }
        }
    }

    /// Makes `path` in the spare tree the same file as `source` (the output's file or the
    /// cache's), unless it already is: most of the spare tree is, from the build before.
    fn link_unchanged(
        &self,
        made: &Mutex<HashSet<PathBuf>>,
        path: &Path,
        source: &Path,
        metadata: &std::fs::Metadata,
        content: &Content,
    ) -> io::Result<()> {
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && same_inode(&m, metadata)) {
            return Ok(());
        }
        clear_place(&self.dir, made, path)?;
        // Where this file system has no hard links: a copy (a new file, the same bytes).
        std::fs::hard_link(source, path).or_else(|_| put(path, content))
    }

    /// Makes the folders of files about to be written, ahead of the threads that write them.
    /// An update that moves files one by one makes only the folders of changed files.
    pub fn make_folders(&self, files: impl IntoIterator<Item = impl AsRef<str>>) {
        let (made, look_first) = match &self.mode {
            Mode::Fresh { made, .. } => (made, false),
            Mode::Update {
                swap: true, made, ..
            } => (made, true),
            Mode::Update { .. } => return,
        };
        for relative in files {
            let Ok(relative) = safe_relative(relative.as_ref()) else {
                continue;
            };
            if make_parent(made, &self.dir.join(relative), look_first).is_err() {
                // The writer meets the same error and clears the way, or reports it.
                return;
            }
        }
    }

    /// Puts the staged site in place of the output.
    pub fn commit(self) -> io::Result<()> {
        abort_at("commit");
        match self.mode {
            Mode::Fresh {
                into_empty: true, ..
            } => move_into(&self.dir, &self.target),
            Mode::Fresh { .. } => swap_in(&self.dir, &self.target),
            Mode::Update {
                swap,
                changed,
                produced,
                ..
            } => {
                let changed = changed.into_inner().map_err(poisoned)?;
                let produced = produced.into_inner().map_err(poisoned)?;
                if swap {
                    remove_stale(&self.dir, &produced)?;
                    abort_at("spare-ready");
                    if swap_folders(&self.dir, &self.target)? {
                        abort_at("exchanged");
                        return Ok(());
                    }
                    // The spare tree stays for the next build (which finds the moved files
                    // missing from it and links them again).
                    return move_changed(&self.dir, &self.target, &changed, &produced);
                }
                move_changed(&self.dir, &self.target, &changed, &produced)?;
                std::fs::remove_dir_all(&self.dir)
            }
        }
    }

    /// Drops what was staged; the output stays as it was. A spare tree stays too: the next
    /// build checks all of it anyway.
    pub fn abandon(self) {
        if !matches!(self.mode, Mode::Update { swap: true, .. }) {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> io::Result<std::sync::MutexGuard<'_, T>> {
    mutex.lock().map_err(poisoned)
}

fn poisoned<T>(_: std::sync::PoisonError<T>) -> io::Error {
    io::Error::other(crate::tr!("write-thread-failed"))
}

/// Swaps the spare tree, which now holds the whole new site, with the output in one step.
/// `Ok(false)`: this file system or folder cannot be swapped; nothing changed.
fn swap_folders(spare: &Path, target: &Path) -> io::Result<bool> {
    // The new folder takes the old one's permissions: they may have been set for a web server.
    if let Ok(old) = std::fs::metadata(target) {
        let _ = std::fs::set_permissions(spare, old.permissions());
    }
    match exchange::exchange(spare, target) {
        Ok(()) => Ok(true),
        Err(error) if cannot_exchange(&error) => Ok(false),
        Err(error) => Err(error),
    }
}

/// Moves the staged changed files into the output one by one and removes what this build no
/// longer produces. Where the folders cannot be swapped only: a build killed during this loop
/// leaves a mix of old and new files (and removed pages gone), which the next build puts right.
fn move_changed(
    staged: &Path,
    target: &Path,
    changed: &[PathBuf],
    produced: &HashSet<PathBuf>,
) -> io::Result<()> {
    remove_stale(target, produced)?;
    let mut made: HashSet<PathBuf> = HashSet::new();
    for relative in changed {
        let path = target.join(relative);
        if let Some(parent) = path.parent()
            && made.insert(parent.to_path_buf())
        {
            std::fs::create_dir_all(parent)?;
        }
        let file = staged.join(relative);
        if std::fs::rename(&file, &path).is_err() {
            // The output is a mount point or a link to another file system: copy across.
            std::fs::copy(&file, &path)?;
        }
    }
    Ok(())
}

/// Renames `staged` to `target`; whatever was at `target` (not a folder, or nothing) goes.
fn swap_in(staged: &Path, target: &Path) -> io::Result<()> {
    if std::fs::symlink_metadata(target).is_err() {
        return std::fs::rename(staged, target);
    }
    if exchange::exchange(staged, target).is_ok() {
        abort_at("exchanged");
        // What was at `target` is now at the staging name: a file, a link or a folder.
        return match std::fs::symlink_metadata(staged) {
            Ok(old) if old.is_dir() => std::fs::remove_dir_all(staged),
            _ => std::fs::remove_file(staged),
        };
    }
    let old = tempfile::Builder::new()
        .prefix(OLD_OUTPUT_PREFIX)
        .rand_bytes(RANDOM_LEN)
        .tempdir_in(parent_of(staged))?
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
    // The folders that hold produced files are not even tried: removing a folder that is not
    // empty fails, but takes its parent's lock first (20,000 of them on a large site).
    let mut needed: HashSet<&Path> = HashSet::new();
    for path in produced {
        for folder in path.ancestors().skip(1) {
            if !needed.insert(folder) {
                break;
            }
        }
    }
    for item in walkdir::WalkDir::new(root)
        .min_depth(1)
        .contents_first(true)
    {
        let item = item.map_err(io::Error::other)?;
        let relative = item.path().strip_prefix(root).map_err(io::Error::other)?;
        if item.file_type().is_dir() {
            if !needed.contains(relative) {
                // Fails when something is left inside, which is what should stay.
                let _ = std::fs::remove_dir(item.path());
            }
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
        write_file(
            root.path(),
            "pers/x/index.html",
            &b"a longer first version".to_vec().into(),
        )
        .expect("write");
        write_file(
            root.path(),
            "pers/x/index.html",
            &b"shorter".to_vec().into(),
        )
        .expect("write again");
        let path = root.path().join("pers/x/index.html");
        assert_eq!(std::fs::read(&path).expect("read"), b"shorter");
        write_file(
            root.path(),
            "pers/x/index.html",
            &b"longer than before".to_vec().into(),
        )
        .expect("write");
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
