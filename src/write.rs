//! The only module that writes the site to disk. Files stream into a staging folder beside the
//! output; a successful build swaps it in, a failed one removes it, so `public/` is never half
//! written.

use std::io;
use std::path::{Component, Path, PathBuf};

pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// Folders already made, so thousands of pages in a few folders cost one `mkdir` each.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

/// A staging folder beside `output` (same file system, so the swap is a rename).
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
    Ok(Staging {
        dir,
        target: output.to_path_buf(),
        made: std::sync::Mutex::new(std::collections::HashSet::new()),
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

/// Writes one file below `root`, creating folders as needed.
pub fn write_file(root: &Path, relative: &str, bytes: &[u8]) -> io::Result<()> {
    let path = root.join(safe_relative(relative)?);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}

/// Writes only when the bytes differ, so `serve` leaves unchanged files (and their mtimes) alone.
pub fn write_file_if_changed(root: &Path, relative: &str, bytes: &[u8]) -> io::Result<bool> {
    let path = root.join(safe_relative(relative)?);
    if std::fs::read(&path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    write_file(root, relative, bytes)?;
    Ok(true)
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

impl Staging {
    pub fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(safe_relative(relative)?);
        if let Some(parent) = path.parent() {
            let known = self
                .made
                .lock()
                .map(|made| made.contains(parent))
                .unwrap_or(false);
            if !known {
                std::fs::create_dir_all(parent)?;
                if let Ok(mut made) = self.made.lock() {
                    made.insert(parent.to_path_buf());
                }
            }
        }
        std::fs::write(path, bytes)
    }

    /// Replaces the output with the staged folder.
    pub fn commit(self) -> io::Result<()> {
        if self.target.exists() {
            let parent = self
                .dir
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."));
            let old = tempfile::Builder::new()
                .prefix(".old-output-")
                .tempdir_in(&parent)?
                .keep();
            let old_site = old.join("site");
            std::fs::rename(&self.target, &old_site)?;
            if let Err(error) = std::fs::rename(&self.dir, &self.target) {
                // Put the previous site back: a failed swap must not lose it.
                let _ = std::fs::rename(&old_site, &self.target);
                let _ = std::fs::remove_dir_all(&self.dir);
                let _ = std::fs::remove_dir_all(&old);
                return Err(error);
            }
            std::fs::remove_dir_all(&old)?;
        } else {
            std::fs::rename(&self.dir, &self.target)?;
        }
        Ok(())
    }

    /// Drops the staged files; the output stays as it was.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
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
}
