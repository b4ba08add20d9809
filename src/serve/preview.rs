//! The preview folder of `wdhs serve`: where it builds the site, removed when the server stops,
//! with a lock file that tells a running server's folder from one a killed server left.

use std::path::{Path, PathBuf};

/// The preview folders of `serve` are `wdhs-serve-*` in the system's temporary folder; each
/// holds the site (`site/`) and a file its server keeps locked while it runs (`lock`).
const PREVIEW_PREFIX: &str = "wdhs-serve-";
const PREVIEW_LOCK: &str = "lock";
const PREVIEW_SITE: &str = "site";

/// A preview folder of this server, and its lock: the folder is removed when the server stops,
/// and kept from other servers while the lock file is open.
pub struct Preview {
    folder: tempfile::TempDir,
    _lock: std::fs::File,
}

impl Preview {
    pub fn site(&self) -> PathBuf {
        self.folder.path().join(PREVIEW_SITE)
    }
}

/// A new preview folder. Those of servers that stopped without removing theirs (killed, or a
/// crash) are removed beside it, off the start-up path: a large site's preview is hundreds of
/// megabytes, and the temporary folder may not be emptied until the machine restarts.
pub fn make_preview() -> std::io::Result<Preview> {
    let temp = std::env::temp_dir();
    let sweep = temp.clone();
    std::thread::spawn(move || remove_ended_previews(&sweep));
    let folder = tempfile::Builder::new()
        .prefix(PREVIEW_PREFIX)
        .tempdir_in(&temp)?;
    // Locked before it has its name: a server looking for ended previews opens only `lock`,
    // and finds it locked from the start.
    let unnamed = folder.path().join("lock.new");
    let lock = std::fs::File::create(&unnamed)?;
    lock.try_lock().map_err(std::io::Error::other)?;
    std::fs::rename(&unnamed, folder.path().join(PREVIEW_LOCK))?;
    std::fs::create_dir(folder.path().join(PREVIEW_SITE))?;
    Ok(Preview {
        folder,
        _lock: lock,
    })
}

/// Removes the preview folders whose lock nobody holds: their server has ended. A folder
/// without a lock file (of an older wdhs, or someone else's) is left alone.
fn remove_ended_previews(temp: &Path) {
    let Ok(items) = std::fs::read_dir(temp) else {
        return;
    };
    for item in items.flatten() {
        if !item
            .file_name()
            .to_string_lossy()
            .starts_with(PREVIEW_PREFIX)
        {
            continue;
        }
        let folder = item.path();
        let Ok(lock) = std::fs::File::open(folder.join(PREVIEW_LOCK)) else {
            continue;
        };
        if lock.try_lock().is_ok() {
            let _ = std::fs::remove_dir_all(&folder);
        }
    }
}
