//! Output paths claimed by one render: two outputs at one path, or a file where another
//! output needs a folder, would replace each other or fail to be written; each such pair is
//! reported once, on the editor's file.

use super::html_path;
use super::plan::Job;
use crate::diagnostic::Diagnostic;
use crate::resolve::{Site, section_url};
use foldhash::{HashMap, HashSet};
use std::path::PathBuf;

/// The output paths made so far by this render, and what made each: two outputs at one path
/// (an asset named like a page or like another image's variant, `logo.png` and `logo.jpg`
/// both giving `logo-480.webp`; a page whose address is the search page or a list) would
/// silently replace each other. One problem per pair of clashing files, however many outputs
/// they share.
#[derive(Default)]
pub(super) struct Claimed(std::sync::Mutex<ClaimedPaths>);

/// Paths in lower case (see `claim`).
#[derive(Default)]
struct ClaimedPaths {
    /// Output path in lower case → the first claim of it.
    files: HashMap<String, Claim>,
    /// The clashes reported: (file, message).
    reported: HashSet<(PathBuf, String)>,
}

/// An output path as made (with its capitals), and what made it.
pub(super) struct Claim {
    pub(super) path: String,
    by: Claimant,
}

/// What made an output: a file of the site copied or converted, the page of an entry (by its
/// file), or a page the site makes itself (a home, list, search or feed).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Claimant {
    Asset(PathBuf),
    /// The entry's file, and where its `slug:` stands (0, 0 without one).
    Entry(PathBuf, usize, usize),
    /// An old address of an entry (`aliases`): where it is written.
    Alias(PathBuf, usize, usize),
    Generated,
}

impl Claimed {
    /// Runs `read` on the paths claimed (by their lower case), when the lock can be had.
    pub(super) fn with_files(&self, read: impl FnOnce(&HashMap<String, Claim>)) {
        if let Ok(guard) = self.0.lock() {
            read(&guard.files);
        }
    }

    /// Claims `path` for `job`; the problem, if something else has it already. Compared without
    /// case: the site must also work on a host (or an editor's Mac) that ignores it.
    pub(super) fn claim(&self, path: &str, site: &Site, job: &Job) -> Option<Diagnostic> {
        let claimant = match job {
            Job::Asset(i) => Claimant::Asset(site.assets.get(*i)?.source.path.clone()),
            Job::Alias(i, n) => {
                let alias = site.pages.get(*i)?.entry.aliases.get(*n)?;
                Claimant::Alias(alias.path.to_path_buf(), alias.line, alias.col)
            }
            Job::Entry(i) | Job::Calendar(i) => {
                let slug = &site.pages.get(*i)?.entry.slug;
                Claimant::Entry(slug.path.to_path_buf(), slug.line, slug.col)
            }
            _ => Claimant::Generated,
        };
        let mut guard = self.0.lock().ok()?;
        let ClaimedPaths { files, reported } = &mut *guard;
        let claim = Claim {
            path: path.to_string(),
            by: claimant.clone(),
        };
        let earlier = files.insert(path.to_lowercase(), claim)?.by;
        // An old address that is taken is reported on the alias, whatever took it.
        let alias = [&claimant, &earlier]
            .into_iter()
            .find(|c| matches!(c, Claimant::Alias(..)));
        if let Some(Claimant::Alias(file, line, col)) = alias.cloned() {
            let address = path.trim_end_matches("index.html");
            let message = crate::tr!("render-alias-taken", path = address);
            let hint = crate::tr!("render-alias-taken-hint");
            return (reported.insert((file.clone(), message.clone())))
                .then(|| Diagnostic::error(file, line, col, message).with_hint(hint));
        }
        // Reported on the later name either way: threads claim in any order.
        let (first, later) = if claimant < earlier {
            (claimant, earlier)
        } else {
            (earlier, claimant)
        };
        let (file, (line, col), message, hint) = match (first, later) {
            (Claimant::Alias(..), _) | (_, Claimant::Alias(..)) => return None,
            (Claimant::Asset(first), Claimant::Asset(later)) => (
                later,
                (0, 0),
                crate::tr!("render-same-name", other = first.display()),
                crate::tr!("render-same-name-hint"),
            ),
            (Claimant::Asset(file), _) => (
                file,
                (0, 0),
                crate::tr!("render-published-as", path = path),
                crate::tr!("render-published-as-hint"),
            ),
            // Two pages at one address, or a page at a section's: reported on the pages, with
            // the other's name (`between`).
            (Claimant::Entry(..), Claimant::Entry(..)) => return None,
            (Claimant::Entry(..), Claimant::Generated) if at_a_section(site, path) => return None,
            (Claimant::Entry(file, line, col), Claimant::Generated) => (
                file,
                (line, col),
                crate::tr!("render-page-at-site-page", path = path),
                crate::tr!("render-page-at-site-page-hint"),
            ),
            // Two sections of one name: reported on site.yaml's line (`config`).
            (Claimant::Generated, Claimant::Generated) if sections_at(site, path) > 1 => {
                return None;
            }
            (Claimant::Generated, _) => (
                crate::config::config_path(),
                (0, 0),
                crate::tr!("render-site-pages-at-one-address", path = path),
                crate::tr!("render-site-pages-at-one-address-hint"),
            ),
            (Claimant::Entry(..), Claimant::Asset(_)) => return None,
        };
        reported
            .insert((file.clone(), message.clone()))
            .then(|| Diagnostic::error(file, line, col, message).with_hint(hint))
    }
}

/// Outputs that need a folder where another output is a file (`pers/index.html/a.pdf` beside
/// the press list's `pers/index.html`): `build` could write only one of them. One problem per
/// such file, on the editor's file of the two (a file of the content before a page), naming the
/// first output below it. Needs every output: made after a whole render.
pub(super) fn folder_clashes(files: &HashMap<String, Claim>) -> Vec<Diagnostic> {
    let sorted: std::collections::BTreeMap<&str, &Claim> = files
        .iter()
        .map(|(lower, claim)| (lower.as_str(), claim))
        .collect();
    let mut found = Vec::new();
    for (&lower, &claim) in &sorted {
        // Everything below `file/` sorts between `file/` and `file0` ('0' follows '/').
        let (from, to) = (format!("{lower}/"), format!("{lower}0"));
        let Some((_, &under)) = sorted.range(from.as_str()..to.as_str()).next() else {
            continue;
        };
        let (file, made_file, below, made_below) =
            (&*claim.path, &claim.by, &*under.path, &under.by);
        let folder = file.rsplit('/').next().unwrap_or(file);
        let (at, message, hint) = match (made_file, made_below) {
            (_, Claimant::Asset(at))
            | (Claimant::Generated, Claimant::Entry(at, ..) | Claimant::Alias(at, ..)) => (
                at.clone(),
                crate::tr!("render-in-folder-of-file", path = below, file = file),
                crate::tr!("render-in-folder-of-file-hint", folder = folder),
            ),
            (Claimant::Asset(at) | Claimant::Entry(at, ..) | Claimant::Alias(at, ..), _) => (
                at.clone(),
                crate::tr!("render-file-at-folder", path = file, below = below),
                crate::tr!("render-file-at-folder-hint"),
            ),
            (Claimant::Generated, Claimant::Generated) => (
                crate::config::config_path(),
                crate::tr!("render-file-at-folder", path = file, below = below),
                String::new(),
            ),
        };
        found.push(Diagnostic::error(at, 0, 0, message).with_hint(hint));
    }
    found
}

/// Outputs whose name, or whole path, is longer than file systems take (255 bytes a name, and
/// room for the output folder in the 4,096 of a path): `build` could not write them. One
/// problem per file of the editor's. Needs every output: made after a whole render.
pub(super) fn too_long(files: &HashMap<String, Claim>) -> Vec<Diagnostic> {
    const NAME_MAX: usize = 255;
    const PATH_MAX: usize = 3_000;
    let sorted: std::collections::BTreeMap<&str, &Claim> = files
        .iter()
        .map(|(lower, claim)| (lower.as_str(), claim))
        .collect();
    let mut reported = std::collections::BTreeSet::new();
    let mut found = Vec::new();
    for (path, claimant) in sorted.values().map(|claim| (&*claim.path, &claim.by)) {
        let long = path.len() > PATH_MAX || path.split('/').any(|name| name.len() > NAME_MAX);
        let at = match claimant {
            Claimant::Asset(at) | Claimant::Entry(at, ..) | Claimant::Alias(at, ..) => at.clone(),
            Claimant::Generated => crate::config::config_path(),
        };
        if long && reported.insert(at.clone()) {
            let message = crate::tr!("render-name-too-long", path = path);
            let hint = crate::tr!("render-name-too-long-hint");
            found.push(Diagnostic::error(at, 0, 0, message).with_hint(hint));
        }
    }
    found
}

/// Whether `path` is the first page of a section's list in some language.
fn at_a_section(site: &Site, path: &str) -> bool {
    sections_at(site, path) > 0
}

/// How many sections, in any language, have their first list page at `path`.
fn sections_at(site: &Site, path: &str) -> usize {
    let path = path.to_lowercase();
    let config = &site.config;
    (config.languages.iter())
        .flat_map(|lang| {
            (crate::model::KINDS.into_iter())
                .filter(|kind| kind.has_section())
                .map(|kind| html_path(&section_url(config, kind, *lang)).to_lowercase())
        })
        .filter(|section| *section == path)
        .count()
}
