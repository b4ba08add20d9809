//! Reads the site from disk: walks `content/`, sorts files into language files, shared-field
//! files and assets, and reads their text. Interprets no fields.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::model::Kind;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

mod classify;
use classify::classify;
pub use classify::{PUBLISHED_FILE_TYPES, document_signature_fits, language_file_name};

/// Markdown files larger than this are refused: no real page is this long, and a cap keeps
/// hostile input from costing minutes.
pub const MAX_TEXT_BYTES: u64 = 2 * 1024 * 1024;

/// A text file of the site, read and decoded. `path` is relative to the site root.
#[derive(Debug, Clone)]
pub struct TextFile {
    pub path: PathBuf,
    /// Shared, so `serve` keeps the texts between builds without copying them; it keeps them
    /// packed (`Loaded::pack`).
    pub text: std::sync::Arc<crate::packed::Text>,
}

/// `<stem>.<lang>.md`
#[derive(Debug, Clone)]
pub struct LanguageFile {
    pub kind: Kind,
    pub stem: String,
    pub lang: Lang,
    pub file: TextFile,
}

/// `<stem>.yaml`
#[derive(Debug, Clone)]
pub struct SharedFile {
    pub kind: Kind,
    pub stem: String,
    pub file: TextFile,
}

/// Any other file beside the content, copied to the output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Asset {
    pub kind: Kind,
    /// Relative to the kind's folder: `logos/katalys.svg`.
    pub relative: String,
    /// Relative to the site root, for messages.
    pub path: PathBuf,
    pub absolute: PathBuf,
}

#[derive(Debug, Default, Clone)]
pub struct Loaded {
    pub config: Option<TextFile>,
    pub language_files: Vec<LanguageFile>,
    pub shared_files: Vec<SharedFile>,
    pub assets: Vec<Asset>,
    /// Language files that exist but could not be read (reported already): they still count as
    /// present, so no "missing translation" follows.
    pub unreadable: Vec<(Kind, String, Lang)>,
    /// Derived from the lists above on first use; brought up to date or forgotten when a file
    /// comes or goes.
    entry_files: OnceLock<Arc<EntryFiles>>,
    shared_pairs: OnceLock<Arc<SharedPairs>>,
}

/// Which shared-fields file goes with each language file, by their places in the lists. Kept
/// like `EntryFiles`: at 100,000 entries, pairing them by name took a tenth of an edit.
#[derive(Debug, Default, PartialEq)]
pub struct SharedPairs {
    /// For each language file, the place of its entry's shared-fields file.
    pub shared_of: Vec<Option<usize>>,
    /// The shared-fields files that no language file goes with.
    pub lonely: Vec<usize>,
}

/// Which entries have a language file, in which languages (files that could not be read
/// too): how `resolve` tells a missing page from a draft. `serve` edits texts far more often
/// than files come or go, so it is derived once and kept with the lists (`Loaded::entry_files`).
#[derive(Debug, Default, PartialEq)]
pub struct EntryFiles {
    /// (kind, stem, language) of every language file.
    pub files: BTreeSet<(Kind, String, Lang)>,
    /// (kind, stem) of every entry with a language file.
    pub keys: BTreeSet<(Kind, String)>,
}

/// What is derived from the lists (`EntryFiles`, `SharedPairs`), to be brought up to date in
/// place when no build holds it any more (deriving the entry files again copies 200,000 stems
/// at 100,000 entries); `None`, and forgotten, when one does.
fn derived_to_update<T>(derived: &mut OnceLock<Arc<T>>) -> Option<&mut T> {
    if derived.get_mut().is_some_and(|d| Arc::get_mut(d).is_none()) {
        *derived = OnceLock::new();
    }
    derived.get_mut().and_then(Arc::get_mut)
}

impl Loaded {
    /// Which entries have files in which languages.
    pub fn entry_files(&self) -> Arc<EntryFiles> {
        let kept = (self.entry_files).get_or_init(|| Arc::new(self.derive_entry_files()));
        debug_assert!(
            **kept == self.derive_entry_files(),
            "the entry files kept are those of the lists"
        );
        kept.clone()
    }

    /// Which shared-fields file goes with each language file.
    pub fn shared_pairs(&self) -> &SharedPairs {
        let kept = (self.shared_pairs).get_or_init(|| Arc::new(self.derive_shared_pairs()));
        debug_assert!(
            **kept == self.derive_shared_pairs(),
            "the shared pairs kept are those of the lists"
        );
        kept
    }

    fn derive_shared_pairs(&self) -> SharedPairs {
        let by_entry: foldhash::HashMap<(Kind, &str), usize> = (self.shared_files.iter())
            .enumerate()
            .map(|(i, f)| ((f.kind, f.stem.as_str()), i))
            .collect();
        let shared_of: Vec<Option<usize>> = (self.language_files.iter())
            .map(|f| by_entry.get(&(f.kind, f.stem.as_str())).copied())
            .collect();
        let mut paired = vec![false; self.shared_files.len()];
        shared_of.iter().flatten().for_each(|i| paired[*i] = true);
        let lonely = (0..paired.len()).filter(|i| !paired[*i]).collect();
        SharedPairs { shared_of, lonely }
    }

    /// A language file came, to be put at place `at` of the list.
    fn language_file_came(&mut self, at: usize, (kind, stem, lang): (Kind, String, Lang)) {
        let files = self.language_files.len();
        match derived_to_update(&mut self.shared_pairs) {
            Some(pairs) if pairs.shared_of.len() == files && at <= files => {
                // One look along the shared files, not a map of them all.
                let shared =
                    (self.shared_files.iter()).position(|f| f.kind == kind && f.stem == stem);
                if let Some(shared) = shared
                    && let Ok(lonely) = pairs.lonely.binary_search(&shared)
                {
                    pairs.lonely.remove(lonely);
                }
                pairs.shared_of.insert(at, shared);
            }
            _ => self.shared_pairs = OnceLock::new(),
        }
        if let Some(files) = derived_to_update(&mut self.entry_files) {
            files.keys.insert((kind, stem.clone()));
            files.files.insert((kind, stem, lang));
        }
    }

    /// The language file at place `at` of the list went (one that could not be read stays
    /// counted in the entry files).
    fn language_file_went(&mut self, at: usize, languages: &[Lang]) {
        let files = self.language_files.len();
        let LanguageFile {
            kind, stem, lang, ..
        } = self.language_files.remove(at);
        match derived_to_update(&mut self.shared_pairs) {
            Some(pairs) if pairs.shared_of.len() == files => {
                let shared = pairs.shared_of.remove(at);
                if let Some(shared) = shared
                    && !pairs.shared_of.contains(&Some(shared))
                    && let Err(lonely) = pairs.lonely.binary_search(&shared)
                {
                    pairs.lonely.insert(lonely, shared);
                }
            }
            _ => self.shared_pairs = OnceLock::new(),
        }
        let Some(files) = derived_to_update(&mut self.entry_files) else {
            return;
        };
        let key = (kind, stem, lang);
        if !self.unreadable.contains(&key) {
            files.files.remove(&key);
        }
        let (kind, stem, _) = key;
        let has_file = |l: &Lang| files.files.contains(&(kind, stem.clone(), *l));
        if !languages.iter().any(has_file) {
            files.keys.remove(&(kind, stem));
        }
    }

    fn derive_entry_files(&self) -> EntryFiles {
        let files: BTreeSet<(Kind, String, Lang)> = (self.language_files.iter())
            .map(|f| (f.kind, f.stem.clone(), f.lang))
            .chain(self.unreadable.iter().cloned())
            .collect();
        let keys = (files.iter())
            .map(|(kind, stem, _)| (*kind, stem.clone()))
            .collect();
        EntryFiles { files, keys }
    }

    /// Packs every text not packed yet (`packed`), for `serve`, which keeps them for its next
    /// build.
    pub fn pack(&mut self) {
        use crate::packed::Text;
        let language = self.language_files.iter_mut().map(|f| &mut f.file);
        let shared = self.shared_files.iter_mut().map(|f| &mut f.file);
        let plain: Vec<&mut TextFile> = (self.config.iter_mut().chain(language).chain(shared))
            .filter(|f| matches!(*f.text, Text::Plain(_)))
            .collect();
        // Freshly read, so held only here: packed in place.
        plain
            .into_par_iter()
            .for_each(|file| std::sync::Arc::make_mut(&mut file.text).pack());
    }
}

/// Editor swap, backup and temporary files, and system clutter: never content.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name.contains("___jb_tmp___")
        || name.contains("___jb_old___")
        || name == "4913"
        // Word and Excel's note that a document is open (`~$verslag.docx`), beside it while open.
        || name.starts_with("~$")
        || name == "Thumbs.db"
        || name == "desktop.ini"
}

enum Found {
    Config(PathBuf),
    Language {
        kind: Kind,
        stem: String,
        lang: Lang,
        path: PathBuf,
    },
    Shared {
        kind: Kind,
        stem: String,
        path: PathBuf,
    },
    Asset(Asset),
}

/// Walks `root/content`. Problems (unreadable files, bad names, symlink loops) are diagnostics;
/// the walk goes on.
pub fn load(root: &Path, languages: &[Lang], diagnostics: &mut Diagnostics) -> Loaded {
    let content = root.join("content");
    if !content.is_dir() {
        diagnostics.push(
            Diagnostic::error("content", 0, 0, crate::tr!("load-no-content"))
                .with_hint(crate::tr!("load-no-content-hint", path = content.display())),
        );
        return Loaded::default();
    }
    // The walk (one thread: a folder is read in order) hands each file it finds to the readers
    // at once, so reading starts with the walk instead of after it; the order is restored below.
    let (found_tx, found_rx) = std::sync::mpsc::channel::<(usize, Found)>();
    let ((), mut read) = rayon::join(
        || walk(root, &content, languages, diagnostics, found_tx),
        || {
            (found_rx.into_iter().par_bridge())
                .map(|(order, item)| {
                    let text = match &item {
                        Found::Config(path)
                        | Found::Language { path, .. }
                        | Found::Shared { path, .. } => read_text(root, path).map(Some),
                        Found::Asset(_) => Ok(None),
                    };
                    (order, item, text)
                })
                .collect::<Vec<_>>()
        },
    );
    read.sort_unstable_by_key(|(order, _, _)| *order);
    let mut loaded = Loaded::default();
    for (_, item, text) in read {
        let text = match text {
            Ok(text) => text.unwrap_or_default(),
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                if let Found::Language {
                    kind, stem, lang, ..
                } = item
                {
                    loaded.unreadable.push((kind, stem, lang));
                }
                continue;
            }
        };
        match item {
            Found::Config(path) => {
                loaded.config = Some(TextFile {
                    path,
                    text: std::sync::Arc::new(text.into()),
                })
            }
            Found::Language {
                kind,
                stem,
                lang,
                path,
            } => loaded.language_files.push(LanguageFile {
                kind,
                stem,
                lang,
                file: TextFile {
                    path,
                    text: std::sync::Arc::new(text.into()),
                },
            }),
            Found::Shared { kind, stem, path } => loaded.shared_files.push(SharedFile {
                kind,
                stem,
                file: TextFile {
                    path,
                    text: std::sync::Arc::new(text.into()),
                },
            }),
            Found::Asset(asset) => loaded.assets.push(asset),
        }
    }
    loaded
}

/// Walks `content` in name order and sends each file worth loading to `found`, numbered in
/// walk order. Unreadable folders, symlink loops and links that leave the content folder are
/// reported; the walk goes on.
fn walk(
    root: &Path,
    content: &Path,
    languages: &[Lang],
    diagnostics: &mut Diagnostics,
    found: std::sync::mpsc::Sender<(usize, Found)>,
) {
    let Some(within) = canonical_within(root, content, diagnostics) else {
        return;
    };
    let refused = std::cell::RefCell::new(Vec::new());
    let mut sent = 0;
    for entry in walk_files(root, content, &within, &refused) {
        if let Some(item) = classify(root, content, entry.path(), languages, diagnostics) {
            // The readers hang up only by panicking, which ends the build anyway.
            let _ = found.send((sent, item));
            sent += 1;
        }
    }
    for problem in refused.into_inner() {
        diagnostics.push(problem);
    }
}

/// Every file below `folder` in name order, but editor and hidden files. Links are followed
/// only to files and folders inside `within` (the canonical content or theme folder): a link
/// out of it (to `/proc/self/environ`, `~/.ssh`, the repository's `.git/config`) would publish
/// the build machine's files. Refused links, loops and unreadable folders go to `refused`.
pub fn walk_files<'a>(
    root: &'a Path,
    folder: &Path,
    within: &'a Path,
    refused: &'a std::cell::RefCell<Vec<Diagnostic>>,
) -> impl Iterator<Item = walkdir::DirEntry> + 'a {
    walkdir::WalkDir::new(folder)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            if e.depth() > 0 && is_ignored_name(&e.file_name().to_string_lossy()) {
                return false;
            }
            let problem = (e.path_is_symlink())
                .then(|| link_problem(root, e.path(), within))
                .flatten();
            problem.map(|p| refused.borrow_mut().push(p)).is_none()
        })
        .filter_map(move |item| match item {
            Ok(entry) => Some(entry),
            // A folder that is not there has no files (a theme without `static/`).
            Err(error)
                if error.depth() == 0
                    && error.io_error().map(std::io::Error::kind)
                        == Some(std::io::ErrorKind::NotFound) =>
            {
                None
            }
            Err(error) => {
                // A link to nothing fails before the filter sees it.
                let dangling = (error.path())
                    .filter(|p| p.is_symlink())
                    .and_then(|p| link_problem(root, p, within));
                refused
                    .borrow_mut()
                    .push(dangling.unwrap_or_else(|| walk_error(root, &error)));
                None
            }
        })
        .filter(|entry| entry.file_type().is_file())
}

fn walk_error(root: &Path, error: &walkdir::Error) -> Diagnostic {
    let path = error
        .path()
        .map(|p| relative(root, p))
        .unwrap_or_else(|| PathBuf::from("content"));
    let message = if error.loop_ancestor().is_some() {
        crate::tr!("load-link-loop")
    } else {
        let reason = (error.io_error()).map_or_else(|| error.to_string(), ToString::to_string);
        crate::tr!("load-cannot-read", error = reason)
    };
    Diagnostic::error(path, 0, 0, message).with_hint(crate::tr!("load-cannot-read-hint"))
}

/// The canonical form of `folder` (the content or theme folder), which must itself lie in the
/// site's folder: `content` may not be a link to somewhere else on the machine.
pub fn canonical_within(
    root: &Path,
    folder: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<PathBuf> {
    let inside = std::fs::canonicalize(root)
        .ok()
        .zip(std::fs::canonicalize(folder).ok())
        .filter(|(root, folder)| folder.starts_with(root));
    match inside {
        Some((_, folder)) => Some(folder),
        // Deleted between the look and the walk (a folder being replaced): said as such, not as
        // a link that leads elsewhere.
        None if folder.symlink_metadata().is_err() => {
            let message = crate::tr!(
                "load-folder-gone",
                folder = relative(root, folder).display()
            );
            diagnostics.push(
                Diagnostic::error(relative(root, folder), 0, 0, message)
                    .with_hint(crate::tr!("load-folder-gone-hint")),
            );
            None
        }
        None => {
            diagnostics.push(outside_link(root, folder));
            None
        }
    }
}

/// Why the symbolic link at `link` may not be followed, if it may not: its target must exist
/// and lie inside `within` (canonical), and not in a hidden file or folder there.
pub fn link_problem(root: &Path, link: &Path, within: &Path) -> Option<Diagnostic> {
    let target = std::fs::canonicalize(link);
    // Links that lead to each other in a circle: said as such, not as leading nowhere.
    #[cfg(unix)]
    if let Err(error) = &target
        && error.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
    {
        let message = crate::tr!("load-link-circle");
        return Some(Diagnostic::error(relative(root, link), 0, 0, message));
    }
    let Ok(target) = target else {
        let shown = std::fs::read_link(link).unwrap_or_default();
        return Some(
            Diagnostic::error(
                relative(root, link),
                0,
                0,
                crate::tr!("load-link-to-nothing", target = shown.display()),
            )
            .with_hint(crate::tr!("load-link-to-nothing-hint")),
        );
    };
    let hidden = target
        .strip_prefix(within)
        .map(|inside| {
            inside
                .components()
                .any(|c| is_ignored_name(&c.as_os_str().to_string_lossy()))
        })
        .unwrap_or(true);
    if hidden {
        return Some(outside_link(root, link));
    }
    // A link stands for an image or document of its own kind, never for an entry's text: a
    // `.csv` or a page linked to an embargoed release would publish it under another name.
    let extension = |p: &Path| p.extension().map(|e| e.to_string_lossy().to_lowercase());
    let text = matches!(extension(&target).as_deref(), Some("md" | "yaml" | "yml"));
    let other_kind = target.is_file() && extension(&target) != extension(link);
    (text || other_kind).then(|| {
        let base = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let shown = target.strip_prefix(&base).unwrap_or(&target).display();
        Diagnostic::error(
            relative(root, link),
            0,
            0,
            crate::tr!("load-link-other-kind", target = shown.to_string()),
        )
        .with_hint(crate::tr!("load-link-outside-hint"))
    })
}

fn outside_link(root: &Path, link: &Path) -> Diagnostic {
    let target = std::fs::read_link(link)
        .map(|t| t.display().to_string())
        .unwrap_or_else(|_| crate::tr!("load-link-outside-elsewhere"));
    Diagnostic::error(
        relative(root, link),
        0,
        0,
        crate::tr!("load-link-outside", target = target),
    )
    .with_hint(crate::tr!("load-link-outside-hint"))
}

/// Puts one new file into `loaded` where a walk of the folder would have put it (`serve`, told
/// that the file appeared): `true` when it is a language or shared-fields file that reads
/// without a problem. `false` for anything else — an asset, site.yaml, a folder, a file a walk
/// would skip or report — and then `loaded` is unchanged and the whole folder must be read.
/// `root` is canonical; `relative` is below it.
pub fn add_entry_file(
    root: &Path,
    relative: &Path,
    languages: &[Lang],
    loaded: &mut Loaded,
) -> bool {
    let path = root.join(relative);
    let skipped = relative
        .components()
        .any(|c| is_ignored_name(&c.as_os_str().to_string_lossy()));
    // Only a plain file with no link on its way: a link is checked by the walk (where it
    // points), so a new one reads the whole folder.
    let plain = std::fs::canonicalize(&path).is_ok_and(|real| real == path);
    if skipped || !plain || !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut found = Diagnostics::new();
    let item = classify(root, &root.join("content"), &path, languages, &mut found);
    // Only a language or shared-fields file is read: an asset (a photo) never is.
    let entry_file = matches!(item, Some(Found::Language { .. } | Found::Shared { .. }));
    if !found.is_empty() || !entry_file {
        return false;
    }
    let Ok(text) = read_text(root, relative) else {
        return false;
    };
    let file = TextFile {
        path: relative.to_path_buf(),
        text: std::sync::Arc::new(text.into()),
    };
    match item {
        Some(Found::Language {
            kind, stem, lang, ..
        }) => {
            if loaded.unreadable.contains(&(kind, stem.clone(), lang)) {
                return false;
            }
            let at = (loaded.language_files).partition_point(|f| f.file.path < file.path);
            loaded.language_file_came(at, (kind, stem.clone(), lang));
            let file = LanguageFile {
                kind,
                stem,
                lang,
                file,
            };
            loaded.language_files.insert(at, file);
        }
        Some(Found::Shared { kind, stem, .. }) => {
            let at = (loaded.shared_files).partition_point(|f| f.file.path < file.path);
            let file = SharedFile { kind, stem, file };
            loaded.shared_files.insert(at, file);
            loaded.shared_pairs = OnceLock::new();
        }
        _ => return false,
    }
    true
}

/// Takes a language or shared-fields file that no longer exists out of `loaded` (`serve`,
/// told that it went); `false` when it was not one. A file named like one that `loaded` does
/// not hold was taken out already: nothing to do.
pub fn remove_entry_file(
    root: &Path,
    relative: &Path,
    languages: &[Lang],
    loaded: &mut Loaded,
) -> bool {
    let path = root.join(relative);
    if std::fs::symlink_metadata(&path).is_ok() {
        return false;
    }
    let this = |file: &TextFile| file.path.as_os_str() == relative.as_os_str();
    let language = loaded.language_files.iter().position(|f| this(&f.file));
    let shared = loaded.shared_files.iter().position(|f| this(&f.file));
    if let Some(at) = language {
        loaded.language_file_went(at, languages);
    }
    if let Some(at) = shared {
        loaded.shared_files.remove(at);
        loaded.shared_pairs = OnceLock::new();
    }
    language.is_some()
        || shared.is_some()
        || matches!(
            classify(
                root,
                &root.join("content"),
                &path,
                languages,
                &mut Diagnostics::new()
            ),
            Some(Found::Language { .. } | Found::Shared { .. })
        )
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Reads a text file: UTF-8 only (a BOM is fine), with the position of the first bad byte.
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        Diagnostic::error(
            rel,
            0,
            0,
            crate::tr!("load-cannot-read-file", error = crate::i18n::io_error(&e)),
        )
    };
    let too_large = |len: u64| {
        Diagnostic::error(
            rel,
            0,
            0,
            crate::tr!(
                "load-too-large",
                size = crate::i18n::megabytes(len),
                limit = crate::i18n::megabytes(MAX_TEXT_BYTES)
            ),
        )
        .with_hint(crate::tr!("load-too-large-hint"))
    };
    // One open and the size from the open file: a site reads tens of thousands of these, and
    // looking the path up twice (stat, then open) was a tenth of reading them.
    let file = std::fs::File::open(root.join(rel)).map_err(cannot)?;
    let len = file.metadata().map_err(cannot)?.len();
    if len > MAX_TEXT_BYTES {
        return Err(too_large(len));
    }
    // The exact size: the read that finds the end uses a small buffer of its own.
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // Bounded: a file that grows while it is read still stops at the limit.
    file.take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let text = decode_utf8(rel, bytes)?;
    match text.find('\0') {
        None => Ok(text),
        Some(offset) => Err(nul_byte(rel, &text, offset)),
    }
}

/// The text of `content/site.yaml`, read as the walk reads content: a link is followed only to
/// a file inside `content/` (never to `/etc/passwd`, `.git/config` or `/dev/zero`), and only a
/// plain file is read, at most `MAX_TEXT_BYTES`.
pub fn read_config_text(root: &Path) -> Result<String, Diagnostic> {
    let relative = crate::config::config_path();
    let path = root.join(&relative);
    // `content` itself a link out of the site: its site.yaml is not the site's either.
    let content = root.join("content");
    if std::fs::symlink_metadata(&content).is_ok_and(|m| m.file_type().is_symlink()) {
        let inside = match (std::fs::canonicalize(&content), std::fs::canonicalize(root)) {
            (Ok(content), Ok(root)) => content.starts_with(root),
            _ => false,
        };
        if !inside {
            return Err(outside_link(root, &content));
        }
    }
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
        let content = std::fs::canonicalize(root.join("content"));
        let problem = match &content {
            Ok(content) => link_problem(root, &path, content),
            Err(_) => Some(outside_link(root, &path)),
        };
        if let Some(problem) = problem {
            return Err(problem);
        }
    }
    // Checked before opening: opening a FIFO or a terminal would wait for ever.
    if std::fs::metadata(&path).is_ok_and(|m| !m.is_file()) {
        let message = crate::tr!("load-not-a-file");
        return Err(Diagnostic::error(relative, 0, 0, message));
    }
    read_text(root, &relative)
}

/// A file's text for the excerpt under a problem: only a plain file that is no link (a link's
/// target was checked, or refused, when the site was read), at most `MAX_TEXT_BYTES`; not
/// UTF-8 is read leniently.
pub fn read_for_excerpt(root: &Path, relative: &Path) -> Option<String> {
    use std::io::Read;
    let (file, metadata) = crate::write::open_regular(&root.join(relative)).ok()?;
    if metadata.len() > MAX_TEXT_BYTES {
        return None;
    }
    let mut bytes = Vec::new();
    file.take(MAX_TEXT_BYTES).read_to_end(&mut bytes).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// Whether most of the first bytes at even, or at odd, places are zero: plain text saved as
/// UTF-16 (Windows' "Unicode").
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64)];
    let zeros_at = |parity: usize| {
        let places = head.iter().skip(parity).step_by(2);
        places.filter(|b| **b == 0).count()
    };
    head.len() >= 4 && zeros_at(0).max(zeros_at(1)) * 4 >= head.len() * 3 / 2
}

/// A zero byte is invisible in an editor and illegal in HTML: reported at its place, never
/// published.
fn nul_byte(rel: &Path, text: &str, offset: usize) -> Diagnostic {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Diagnostic::error(rel, line, col, crate::tr!("load-zero-character"))
        .with_hint(crate::tr!("load-zero-character-hint"))
}

pub fn decode_utf8(rel: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    // UTF-16 without a byte-order mark: a zero beside every letter of plain text. It may even
    // be valid UTF-8 (zeros are), so it is named as a whole, at its start.
    if looks_like_utf16(&bytes) {
        return Err(Diagnostic::error(rel, 1, 1, crate::tr!("load-not-utf8"))
            .with_hint(crate::tr!("load-not-utf8-hint")));
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let before = &error.as_bytes()[..valid];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        Diagnostic::error(rel, line, col, crate::tr!("load-not-utf8"))
            .with_hint(crate::tr!("load-not-utf8-hint"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gone_before_the_walk_is_said_to_be_gone_not_a_link() {
        let site = tempfile::tempdir().expect("temporary folder");
        let mut found = Diagnostics::new();
        let content = site.path().join("content");
        assert_eq!(canonical_within(site.path(), &content, &mut found), None);
        let said: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            said,
            ["the folder `content` was removed while wdhs read it"]
        );
    }
}
