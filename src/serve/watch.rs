//! Watching for `wdhs serve`: the notify watcher on `content/` and `themes/`, the grouping of
//! an editor's save into one change (debouncing), and which files and entries a change touched.

use super::ServeOptions;
use notify::RecursiveMode;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// What the watcher sends for each change it sees, ungrouped (`settle` groups them).
pub(super) type WatchEvent = notify::Result<notify::Event>;

/// The folders watched in full: `content/` and `themes/`.
const WATCHED: [&str; 2] = ["content", "themes"];

/// The watcher on the site: `content/` and `themes/` in full, and the site's folder itself
/// (only what is directly in it), so that a `content/` or `themes/` deleted and copied back, or
/// made after `serve` started, is watched again (`follow`). It stops when dropped.
pub(super) struct Watching {
    watcher: Box<dyn notify::Watcher>,
    root: PathBuf,
}

/// Starts watching the site of `options`; what changes is sent to `sender`.
pub(super) fn watch(
    options: &ServeOptions,
    sender: mpsc::Sender<WatchEvent>,
) -> Result<Watching, String> {
    let explain = |error: notify::Error| -> String {
        if matches!(error.kind, notify::ErrorKind::MaxFilesWatch) {
            crate::tr!("serve-watch-limit")
        } else {
            crate::tr!("serve-cannot-watch", error = error.to_string())
        }
    };
    // As the events name it: the watcher reports absolute paths.
    let root = std::fs::canonicalize(&options.root).unwrap_or_else(|_| options.root.clone());
    // In the site's folder, only `content/` and `themes/` count: a build's output beside them
    // (`public/`, its staging folders) is no change to the site.
    let in_root = root.clone();
    let handler = move |event: WatchEvent| {
        let elsewhere = |p: &PathBuf| {
            p.parent() == Some(in_root.as_path())
                && !WATCHED.iter().any(|d| p.file_name() == Some(d.as_ref()))
        };
        if event.as_ref().is_ok_and(|e| e.paths.iter().all(elsewhere)) {
            return;
        }
        let _ = sender.send(event);
    };
    let watcher: Box<dyn notify::Watcher> = if options.poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(300));
        Box::new(notify::PollWatcher::new(handler, config).map_err(explain)?)
    } else {
        Box::new(notify::recommended_watcher(handler).map_err(explain)?)
    };
    let mut watching = Watching { watcher, root };
    // Folders, never single files: editors that save by rename replace the file's inode.
    for folder in WATCHED.map(|d| watching.root.join(d)) {
        if folder.is_dir() {
            watching
                .watcher
                .watch(&folder, RecursiveMode::Recursive)
                .map_err(explain)?;
        }
    }
    // Without it, only a `content/` replaced as a whole goes unseen: not worth refusing to start.
    let _ = (watching.watcher).watch(&watching.root, RecursiveMode::NonRecursive);
    Ok(watching)
}

impl Watching {
    /// Watches `content/` or `themes/` again when a change names the folder itself: it was
    /// deleted, made, or replaced by another (a copy put back, an unpacked archive), and the
    /// watch on the old one is gone with it.
    pub(super) fn follow(&mut self, paths: &[PathBuf]) {
        for folder in WATCHED.map(|d| self.root.join(d)) {
            if paths.contains(&folder) {
                let _ = self.watcher.unwatch(&folder);
                if folder.is_dir() {
                    let _ = self.watcher.watch(&folder, RecursiveMode::Recursive);
                }
            }
        }
    }
}

/// The files of one change that began with `event`, once the folders are quiet (`SETTLE`),
/// sorted and each once; `None` when the event changed nothing that counts.
pub(super) fn next_change(
    event: WatchEvent,
    changes: &Receiver<WatchEvent>,
) -> Option<Vec<PathBuf>> {
    let mut paths = changed_paths(event);
    if paths.is_empty() {
        return None;
    }
    paths.extend(settle(changes, SETTLE));
    paths.sort();
    paths.dedup();
    Some(paths)
}

/// How long the watched folders must be quiet after a change before the rebuild starts, and
/// the longest a rebuild waits for that.
#[derive(Debug, Clone, Copy)]
struct Settle {
    quiet: Duration,
    at_most: Duration,
}

/// An editor's save comes as a few events within a millisecond or two (a write, or a temporary
/// file renamed over the original, or the original renamed to a backup first): 4 ms of quiet
/// groups them into one rebuild while keeping edit → reload short (scripts/bench-serve.sh). A
/// change that never ends (a tool writing file after file) still rebuilds every 250 ms.
const SETTLE: Settle = Settle {
    quiet: Duration::from_millis(4),
    at_most: Duration::from_millis(250),
};

/// The changed paths of the events that follow a first change until the folders are quiet.
fn settle(changes: &Receiver<WatchEvent>, settle: Settle) -> Vec<PathBuf> {
    let started = Instant::now();
    let mut last_change = started;
    let mut paths = Vec::new();
    loop {
        let left = (settle.at_most.saturating_sub(started.elapsed()))
            .min(settle.quiet.saturating_sub(last_change.elapsed()));
        if left.is_zero() {
            return paths;
        }
        match changes.recv_timeout(left) {
            Ok(event) => {
                let more = changed_paths(event);
                // Only a change keeps the wait going: reading files (the build's own) does not.
                if !more.is_empty() {
                    paths.extend(more);
                    last_change = Instant::now();
                }
            }
            Err(_) => return paths,
        }
    }
}

/// Whether every changed path is an entry's Markdown or shared-fields file: anything else
/// (site.yaml, the theme, images, files) may change any output.
pub(super) fn only_entry_files(root: &Path, paths: &[PathBuf]) -> bool {
    let content = root.join("content");
    let content = std::fs::canonicalize(&content).unwrap_or(content);
    !paths.is_empty() && paths.iter().all(|path| is_entry_file(&content, path))
}

fn is_entry_file(content: &Path, path: &Path) -> bool {
    let path = path
        .parent()
        .and_then(|p| std::fs::canonicalize(p).ok())
        .map_or_else(
            || path.to_path_buf(),
            |p| p.join(path.file_name().unwrap_or_default()),
        );
    let Ok(relative) = path.strip_prefix(content) else {
        return false;
    };
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let name = match parts.as_slice() {
        [name] if name.starts_with("home.") => name,
        [folder, name] if crate::model::Kind::from_folder(folder).is_some() => name,
        _ => return false,
    };
    // Any `stem.code.md`: which codes are the site's languages is for the build to say.
    name.ends_with(".yaml") || (name.strip_suffix(".md").and_then(|n| n.rsplit_once('.'))).is_some()
}

/// The files an event changed; a watch error is printed. Reading a file is no change: the build
/// itself reads every file, and counting that would rebuild forever.
fn changed_paths(event: WatchEvent) -> Vec<PathBuf> {
    match event {
        Ok(event) => {
            if matches!(
                event.kind,
                notify::EventKind::Access(_) | notify::EventKind::Other
            ) {
                return Vec::new();
            }
            event.paths.into_iter().filter(|p| is_relevant(p)).collect()
        }
        Err(error) => {
            eprintln!(
                "{}",
                crate::tr!("serve-watch-error", error = error.to_string())
            );
            Vec::new()
        }
    }
}

/// Editor swap and backup files never trigger a rebuild.
fn is_relevant(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| !crate::load::is_ignored_name(&name.to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: notify::EventKind, paths: &[&str]) -> WatchEvent {
        Ok(paths.iter().fold(notify::Event::new(kind), |e, p| {
            e.add_path(PathBuf::from(p))
        }))
    }

    #[test]
    fn a_save_in_several_events_is_one_change_without_reads_or_swap_files() {
        use notify::event::{AccessKind, CreateKind, ModifyKind, RenameMode};
        let (sender, changes) = mpsc::channel();
        // vim: the original renamed to a backup, the new text written, the backup removed.
        for queued in [
            event(
                notify::EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["c/about.en.md", "c/about.en.md~"],
            ),
            event(
                notify::EventKind::Access(AccessKind::Read),
                &["c/home.nl.md"],
            ),
            event(
                notify::EventKind::Create(CreateKind::File),
                &["c/.about.en.md.swp"],
            ),
            Err(notify::Error::generic("a lost event")),
            event(
                notify::EventKind::Create(CreateKind::File),
                &["c/about.en.md"],
            ),
            event(
                notify::EventKind::Remove(notify::event::RemoveKind::File),
                &["c/about.en.md~"],
            ),
        ] {
            sender.send(queued).expect("send");
        }
        let settle_for = Settle {
            quiet: Duration::from_millis(4),
            at_most: Duration::from_secs(60),
        };
        // The sender stays open: `settle` returns because nothing more came, not because the
        // watcher went away.
        assert_eq!(
            settle(&changes, settle_for),
            ["c/about.en.md", "c/about.en.md"].map(PathBuf::from)
        );
        drop(sender);
    }

    #[test]
    fn changes_that_go_on_do_not_hold_the_rebuild_back_past_the_limit() {
        let (sender, changes) = mpsc::channel();
        let kind = notify::EventKind::Modify(notify::event::ModifyKind::Any);
        sender.send(event(kind, &["c/a.nl.md"])).expect("send");
        let no_time = Settle {
            quiet: Duration::from_secs(60),
            at_most: Duration::ZERO,
        };
        assert!(settle(&changes, no_time).is_empty());
        // The change waits for the next rebuild.
        assert!(changes.try_recv().is_ok());
    }
}
