//! When each content file last changed, from git: finds translations older than their source.
//! Runs `git` once per call; without git (or outside a repository) it says so and checks nothing.

use crate::diagnostic::{Diagnostic, display_path};
use crate::lang::Lang;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The last change of a file: a commit, or the working tree when it has uncommitted edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Short commit hash, or "uncommitted".
    pub commit: String,
    /// Seconds since the epoch; `i64::MAX` for uncommitted edits.
    pub time: i64,
    /// YYYY-MM-DD, or "not committed yet".
    pub date: String,
}

impl Change {
    /// "in 1a2b3c4 (2024-05-02)" or "in edits not committed yet", in the run's language.
    pub fn describe(&self) -> String {
        if self.time == i64::MAX {
            crate::tr!("history-uncommitted")
        } else {
            crate::tr!(
                "history-in-commit",
                commit = &self.commit,
                date = &self.date
            )
        }
    }
}

/// What a commit's first line holds when its change needs no new translation: such a commit
/// does not count as a change of its files (`last_changes`).
pub const TRANSLATION_FITS: &[&str] = &["[vertaling klopt]", "[translation ok]"];

/// Last change per file below `root/content`, paths relative to `root`, leaving out commits
/// marked `TRANSLATION_FITS`.
pub fn last_changes(root: &Path) -> Result<HashMap<PathBuf, Change>, String> {
    let log = Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "log",
            "--relative",
            "--format=%x1e%h%x1f%ct%x1f%cs%x1f%s",
            "--name-only",
            "--",
            "content",
        ])
        .output()
        .map_err(|_| crate::tr!("history-no-git"))?;
    if !log.status.success() {
        return Err(crate::tr!("history-no-repository"));
    }
    let mut changes = HashMap::new();
    for record in String::from_utf8_lossy(&log.stdout)
        .split('\u{1e}')
        .filter(|r| !r.trim().is_empty())
    {
        let mut lines = record.lines();
        let mut head = lines.next().unwrap_or("").split('\u{1f}');
        let commit = head.next().unwrap_or("").to_string();
        let time = head.next().and_then(|t| t.parse().ok()).unwrap_or(0);
        let date = head.next().unwrap_or("").to_string();
        // The editor said the change needs no new translation (a typo mended): the files
        // keep the change before it.
        let subject = head.next().unwrap_or("").to_lowercase();
        if TRANSLATION_FITS.iter().any(|mark| subject.contains(mark)) {
            continue;
        }
        for name in lines.filter(|l| !l.is_empty()) {
            // The log is newest first: the first mention of a file is its last change.
            changes
                .entry(PathBuf::from(name))
                .or_insert_with(|| Change {
                    commit: commit.clone(),
                    time,
                    date: date.clone(),
                });
        }
    }
    let status = Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "status",
            "--porcelain",
            "--untracked-files=no",
            "--",
            "content",
        ])
        .output();
    if let Ok(status) = status {
        // Porcelain paths are relative to the repository top; make them relative to `root`.
        let prefix = Command::new("git")
            .arg("-C")
            .arg(root)
            .args(["rev-parse", "--show-prefix"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        for line in String::from_utf8_lossy(&status.stdout).lines() {
            let Some(name) = line.get(3..) else { continue };
            let name = name.rsplit(" -> ").next().unwrap_or(name).trim_matches('"');
            let relative = name.strip_prefix(&prefix).unwrap_or(name);
            changes.insert(
                PathBuf::from(relative),
                Change {
                    commit: "uncommitted".to_string(),
                    time: i64::MAX,
                    date: "not committed yet".to_string(),
                },
            );
        }
    }
    Ok(changes)
}

/// Is `translation` older than `source`? Then the warning that says so, on the translation.
pub fn outdated(
    source: &Path,
    translation: &Path,
    lang: Lang,
    changes: &HashMap<PathBuf, Change>,
) -> Option<Diagnostic> {
    let source_change = changes.get(source)?;
    let translation_change = changes.get(translation)?;
    if source_change.time <= translation_change.time {
        return None;
    }
    Some(
        Diagnostic::warning(
            translation,
            0,
            0,
            crate::tr!(
                "history-outdated",
                lang = lang.code(),
                source = display_path(source),
                source_change = source_change.describe(),
                change = translation_change.describe()
            ),
        )
        .with_hint(crate::tr!("history-outdated-hint")),
    )
}
