//! The parse step of `build` and `check`: every shared-fields file, then every language file,
//! in parallel, into entries, with the problems of each; `serve`'s caches (`incremental`) keep
//! what unchanged files gave.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::incremental::{Caches, Parsed, SourceTexts};
use crate::load;
use crate::model::{Entry, EntrySource, Vocabulary, parse_entry};
use crate::yaml::{self, Node};
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One language file, parsed: whether it is still a placeholder from `wdhs new` (then it has
/// no entry), its entry and its problems.
#[derive(Clone)]
pub(crate) struct ParsedFile {
    pub(crate) placeholder: bool,
    pub(crate) entry: Option<Arc<Entry>>,
    pub(crate) found: Diagnostics,
}

/// What `parse_entry` reads of a language file (`text`: its text, read), with its parsed
/// shared file if it has one.
pub(crate) fn entry_source<'a>(
    file: &'a load::LanguageFile,
    text: &'a str,
    shared: Option<(&'a Path, &'a Node)>,
) -> EntrySource<'a> {
    EntrySource {
        kind: file.kind,
        stem: &file.stem,
        lang: file.lang,
        path: &file.file.path,
        text,
        kept: &file.file.text,
        shared,
    }
}

/// Parses shared files, then every language file, in parallel.
pub fn parse_all(
    config: &Config,
    loaded: &load::Loaded,
    caches: Option<&Caches>,
    diagnostics: &mut Diagnostics,
) -> Vec<Arc<Entry>> {
    let (language_files, shared_files) = (&loaded.language_files, &loaded.shared_files);
    let pairs = loaded.shared_pairs();
    let shared = parse_shared_files(shared_files, pairs, caches, diagnostics);
    warn_shared_without_language(config, pairs, shared_files, diagnostics);
    let vocabulary = Vocabulary {
        themes: (!config.broken).then(|| config.themes.iter().map(|(id, _)| id.as_str()).collect()),
        programme_goals: config.programme_goals,
    };
    if let Some(caches) = caches {
        caches.check_against(&vocabulary);
    }
    let parsed = parse_language_files(language_files, &shared, &vocabulary, caches);
    warn_placeholders(&parsed, diagnostics);
    let mut entries = Vec::with_capacity(parsed.len());
    let mut found_all = Vec::new();
    for ParsedLanguageFile { parsed, .. } in parsed {
        // Nearly every file has no problem: not sorted for nothing (200,000 at a large site).
        if !parsed.found.is_empty() {
            found_all.extend(parsed.found.sorted());
        }
        entries.extend(parsed.entry);
    }
    for d in merge_missing_shared_fields(found_all, &shared) {
        diagnostics.push(d);
    }
    entries
}

/// The shared-fields files, parsed, and which goes with each language file.
struct SharedFields<'a> {
    pairs: &'a load::SharedPairs,
    /// For each shared-fields file, its YAML when it parsed; `None` when it is broken.
    nodes: Vec<Option<SharedNode<'a>>>,
}

impl SharedFields<'_> {
    /// The shared-fields file of the language file at `i`: `Some(None)` when it is broken.
    fn of(&self, i: usize) -> Option<Option<&SharedNode<'_>>> {
        let at = self.pairs.shared_of.get(i).copied().flatten()?;
        self.nodes.get(at).map(Option::as_ref)
    }

    fn is_broken(&self, i: usize) -> bool {
        matches!(self.of(i), Some(None))
    }

    /// The texts what the language file at `i` gives is made from: its own and its shared
    /// file's.
    fn texts<'t>(&'t self, i: usize, file: &'t load::LanguageFile) -> SourceTexts<'t> {
        let shared = self.of(i).flatten().map(|node| node.text);
        SourceTexts::new(&file.file.text, shared)
    }
}

/// The YAML of a shared-fields file that parsed. `serve` keeps only that it parsed, not the
/// YAML (for 10,000 initiatives, megabytes it reads only when a language file changes): it is
/// parsed again from the text when a language file needs it.
struct SharedNode<'a> {
    path: &'a Path,
    text: &'a Arc<crate::packed::Text>,
    /// Boxed: one is made for every shared file on every edit (100,000 at a large site),
    /// and nearly all stay empty.
    node: std::sync::OnceLock<Option<Box<Node>>>,
}

impl SharedNode<'_> {
    fn get(&self) -> Option<&Node> {
        let parse = || yaml::parse_content(&self.text.read(), 0).ok().map(Box::new);
        self.node.get_or_init(parse).as_deref()
    }
}

/// What parsing a shared-fields file gave: its YAML (`None` when `serve` kept only that it
/// parsed), or its mistakes.
type SharedParse = Result<Option<Box<Node>>, Vec<Diagnostic>>;

/// Parses the shared-fields files in parallel; the mistakes of each broken one are reported.
fn parse_shared_files<'a>(
    shared_files: &'a [load::SharedFile],
    pairs: &'a load::SharedPairs,
    caches: Option<&Caches>,
    diagnostics: &mut Diagnostics,
) -> SharedFields<'a> {
    let kept = caches.map(|c| c.shared.read());
    // `None`: it parsed, and `serve` kept only that. `true`: parsed now, to be kept.
    let parsed: Vec<(SharedParse, bool)> = (shared_files.par_iter().enumerate())
        .map(|(i, f)| {
            let texts = SourceTexts::new(&f.file.text, None);
            if let Some(parsed) = kept.as_ref().and_then(|k| k.get(i, &f.file.path, &texts)) {
                return (parsed.map(|()| None), false);
            }
            let parsed = yaml::parse_fields(&f.file.text.read(), 0).map_err(|mistakes| {
                (mistakes.iter())
                    .map(|e| e.diagnostic(&f.file.path, ""))
                    .collect()
            });
            (parsed.map(|node| Some(Box::new(node))), true)
        })
        .collect();
    drop(kept);
    if let Some(cache) = caches {
        let files = shared_files
            .iter()
            .zip(&parsed)
            .map(|(f, (parsed, fresh))| Parsed {
                path: &f.file.path,
                texts: SourceTexts::new(&f.file.text, None),
                value: Cow::Owned(parsed.as_ref().map(|_| ()).map_err(Vec::clone)),
                fresh: *fresh,
                keep: true,
            });
        cache.shared.keep(shared_files.len(), files);
    }
    // Entries whose shared file is broken are not parsed: every field in it would be reported
    // missing again.
    let nodes = (shared_files.iter().zip(parsed))
        .map(|(file, (parsed, _))| match parsed {
            Ok(node) => Some(SharedNode {
                path: &file.file.path,
                text: &file.file.text,
                node: node.map(Some).map(Into::into).unwrap_or_default(),
            }),
            Err(found) => {
                found.into_iter().for_each(|d| diagnostics.push(d));
                None
            }
        })
        .collect();
    SharedFields { pairs, nodes }
}

/// A shared-fields file without a language file beside it publishes nothing: say so.
fn warn_shared_without_language(
    config: &Config,
    pairs: &load::SharedPairs,
    shared_files: &[load::SharedFile],
    diagnostics: &mut Diagnostics,
) {
    for file in pairs.lonely.iter().filter_map(|i| shared_files.get(*i)) {
        diagnostics.push(
            Diagnostic::warning(
                &file.file.path,
                0,
                0,
                crate::tr!("build-shared-without-language"),
            )
            .with_hint(crate::tr!(
                "build-shared-without-language-hint",
                stem = &file.stem,
                lang = config.default_lang().code()
            )),
        );
    }
}

/// A language file parsed now or kept: what it gave, with its path and language when it is
/// still a placeholder, and what `serve`'s cache is told of it (`Parsed`).
struct ParsedLanguageFile<'a> {
    parsed: ParsedFile,
    placeholder: Option<(PathBuf, crate::lang::Lang)>,
    fresh: bool,
    keep: bool,
    texts: SourceTexts<'a>,
}

/// Parses every language file in parallel. An unchanged file (the same texts) keeps what it
/// gave in `serve`'s cache, without even searching it for the placeholder marker again.
fn parse_language_files<'a>(
    language_files: &'a [load::LanguageFile],
    shared: &'a SharedFields<'_>,
    vocabulary: &Vocabulary<'_>,
    caches: Option<&Caches>,
) -> Vec<ParsedLanguageFile<'a>> {
    let kept = caches.map(|c| c.entries.read());
    let parsed: Vec<ParsedLanguageFile<'a>> = (language_files.par_iter())
        .enumerate()
        .map(|(i, file)| {
            let texts = shared.texts(i, file);
            // Kept entries were checked against this vocabulary (`Caches::check_against`); one
            // beside a broken shared file is never kept, and its texts do not say so.
            let keep = !shared.is_broken(i);
            let kept =
                (kept.as_ref().filter(|_| keep)).and_then(|k| k.get(i, &file.file.path, &texts));
            let fresh = kept.is_none();
            let parsed = kept.unwrap_or_else(|| parse_language_file((i, file), shared, vocabulary));
            let placeholder = (parsed.placeholder).then(|| (file.file.path.clone(), file.lang));
            ParsedLanguageFile {
                parsed,
                placeholder,
                fresh,
                keep,
                texts,
            }
        })
        .collect();
    drop(kept);
    if let Some(cache) = caches {
        let files = (language_files.iter().zip(&parsed)).map(|(f, parsed)| Parsed {
            path: &f.file.path,
            texts: parsed.texts,
            value: Cow::Borrowed(&parsed.parsed),
            fresh: parsed.fresh,
            keep: parsed.keep,
        });
        cache.entries.keep(language_files.len(), files);
    }
    parsed
}

/// Parses one language file with its shared fields.
fn parse_language_file(
    (i, file): (usize, &load::LanguageFile),
    shared: &SharedFields<'_>,
    vocabulary: &Vocabulary<'_>,
) -> ParsedFile {
    let text = file.file.text.read();
    let placeholder = crate::scaffold::is_placeholder(&text);
    let mut found = Diagnostics::new();
    // Entries whose shared file is broken are not parsed (`parse_shared_files`), nor kept.
    if placeholder || shared.is_broken(i) {
        return ParsedFile {
            placeholder,
            entry: None,
            found,
        };
    }
    let shared_node = (shared.of(i).flatten()).and_then(|n| Some((n.path, n.get()?)));
    let source = entry_source(file, &text, shared_node);
    let entry = parse_entry(&source, vocabulary, &mut found).map(Arc::new);
    ParsedFile {
        placeholder,
        entry,
        found,
    }
}

/// A language file still as `wdhs new` wrote it is not published: say which.
fn warn_placeholders(parsed: &[ParsedLanguageFile], diagnostics: &mut Diagnostics) {
    for (path, lang) in parsed.iter().filter_map(|file| file.placeholder.as_ref()) {
        diagnostics.push(
            Diagnostic::warning(
                path,
                0,
                0,
                crate::tr!("build-still-placeholder", lang = lang.code()),
            )
            .with_hint(crate::tr!(
                "build-still-placeholder-hint",
                marker = crate::scaffold::PLACEHOLDER_MARKER
            )),
        );
    }
}

/// A required field missing in every language of an entry that has a shared file belongs in
/// that shared file: say so once, there, instead of once per language.
fn merge_missing_shared_fields(
    found: Vec<Diagnostic>,
    shared: &SharedFields<'_>,
) -> Vec<Diagnostic> {
    let is_missing = |d: &Diagnostic| crate::model::missing_field(&d.message).is_some();
    // The usual case, and on every edit in `serve`: nothing is missing, and the map below,
    // one line per shared file, would be made for nothing (5 % of an edit at 100,000 entries).
    if !found.iter().any(is_missing) {
        return found;
    }
    // By folder and stem, made once: searching every shared file for every problem was
    // quadratic on a large site with many problems.
    let by_place: HashMap<(Option<&Path>, &str), &Path> = (shared.nodes.iter().flatten())
        .map(|node| node.path)
        .filter_map(|p| Some(((p.parent(), p.file_stem()?.to_str()?), p)))
        .collect();
    let shared_for = |path: &Path| -> Option<PathBuf> {
        let name = path.file_name()?.to_str()?;
        let stem = name.strip_suffix(".md")?.rsplit_once('.')?.0;
        by_place
            .get(&(path.parent(), stem))
            .map(|p| p.to_path_buf())
    };
    // In how many language files each required field is missing, per shared file.
    let mut missing_in: HashMap<(PathBuf, String), usize> = HashMap::new();
    for d in found.iter().filter(|d| is_missing(d)) {
        if let Some(shared_path) = shared_for(&d.path) {
            *missing_in
                .entry((shared_path, d.message.clone()))
                .or_default() += 1;
        }
    }
    let mut out = Vec::new();
    let mut merged: std::collections::BTreeSet<(PathBuf, String)> =
        std::collections::BTreeSet::new();
    for d in found {
        let key = (is_missing(&d))
            .then(|| shared_for(&d.path))
            .flatten()
            .map(|p| (p, d.message.clone()));
        match key {
            // Missing in more than one language: with two languages, that is all of them.
            Some(key) if missing_in.get(&key).copied().unwrap_or(0) > 1 => {
                if merged.insert(key.clone()) {
                    let field = crate::model::missing_field(&d.message).unwrap_or("");
                    out.push(
                        Diagnostic::error(&key.0, 1, 1, d.message.clone())
                            .with_hint(crate::model::missing_in_shared_hint(field)),
                    );
                }
            }
            _ => out.push(d),
        }
    }
    out
}
