//! One file at a time: `serve`'s preview folder, the files of `wdhs new`, and opening a file
//! without following a link.

use super::{Pieces, safe_relative};
use std::io;
use std::path::Path;

/// Writes one file below `root`, creating folders as needed (`serve`'s preview folder, which
/// only `serve` reads).
///
/// A file already there is written over in place and then cut to length, not truncated
/// first: on ext4 a file truncated to nothing and written again is flushed to disk when it is
/// closed (`auto_da_alloc`), which made rewriting a list page five to ten times slower.
pub fn write_file(root: &Path, relative: &str, bytes: &Pieces) -> io::Result<()> {
    let path = root.join(safe_relative(relative)?);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)?;
    bytes.write_to(&mut file)?;
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

/// Moves the file `relative` below `from` to the same place below `to` (`serve`'s staging
/// folder into its preview folder, on one file system), creating folders as needed.
pub fn move_file(from: &Path, to: &Path, relative: &str) -> io::Result<()> {
    let relative = safe_relative(relative)?;
    let target = to.join(&relative);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::rename(from.join(relative), target)
}

/// Removes a folder `serve` made for itself (its staging folder) with all it holds.
pub fn remove_folder(path: &Path) -> io::Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Empties a folder `serve` made for itself (its preview of the site), keeping the folder.
pub fn empty_folder(path: &Path) -> io::Result<()> {
    remove_folder(path)?;
    std::fs::create_dir_all(path)
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

/// Opens a regular file for reading, never through a link (`O_NOFOLLOW`; `O_NONBLOCK` so that
/// a named pipe in its place cannot make the build wait), with its metadata.
pub fn open_regular(path: &Path) -> io::Result<(std::fs::File, std::fs::Metadata)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        let flags = (OFlags::NOFOLLOW | OFlags::NONBLOCK).bits();
        options.custom_flags(i32::try_from(flags).unwrap_or(0));
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    if metadata.is_file() {
        Ok((file, metadata))
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "not a regular file",
        ))
    }
}
