//! The incremental state of `serve`: what one build keeps for the next (the content as read,
//! parsed files, the compiled theme, the site), and the compile that reuses it — the content
//! read again only where files changed, and the previous site patched when only entries
//! changed. Debug builds check every patch against a full compile of the same files.

use crate::build::{self, BuildOptions, Compiled, ParsedFile, Trace};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{self, Loaded};
use crate::model::{Entry, Vocabulary, parse_entry};
use crate::render::{self, Renderer};
use crate::resolve::{self, Site};
use crate::yaml::{self, Node};
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What one language file gave, kept by `serve` with what it was made from (the language file
/// and its shared file).
struct CachedEntry {
    sources: Sources,
    parsed: ParsedFile,
}

/// (the shared-fields file's text, its parsed YAML or the problem)
type CachedShared = (Sources, Result<Arc<Node>, Diagnostic>);

/// The texts a cached result was made from, kept alive so that a file `serve` did not read
/// again (the same `Arc`) is recognised without hashing it, and their hash for files that were.
struct Sources {
    texts: Vec<Arc<String>>,
    hash: u64,
}

impl Sources {
    fn new(texts: &[&Arc<String>]) -> Sources {
        Sources {
            texts: texts.iter().map(|t| Arc::clone(t)).collect(),
            hash: hash_texts(texts),
        }
    }

    fn matches(&self, texts: &[&Arc<String>]) -> bool {
        let same = self.texts.len() == texts.len()
            && self.texts.iter().zip(texts).all(|(a, b)| Arc::ptr_eq(a, b));
        same || self.hash == hash_texts(texts)
    }
}

fn hash_texts(texts: &[&Arc<String>]) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for text in texts {
        hasher.update(text.as_bytes());
        hasher.update(&[0]);
    }
    hasher.digest()
}

/// Work kept between the builds of `serve`, each piece with what it was made from, so an edit
/// re-parses and re-renders one file.
#[derive(Default)]
pub struct Caches {
    /// Language file → what it gave. Keyed by the path's bytes: hashing a `Path` splits it
    /// into components, which for 20,000 files was most of a rebuild's parse phase.
    entries: std::sync::RwLock<HashMap<OsString, CachedEntry>>,
    /// Shared-fields file → (its text, parse result).
    shared: std::sync::RwLock<HashMap<OsString, CachedShared>>,
    /// Rendered Markdown per language file.
    pub markdown: resolve::MarkdownCache,
    /// Search-index records and directory facets.
    pub render: Arc<render::RenderCache>,
    /// The compiled theme, when compiling it reported nothing.
    renderer: std::sync::Mutex<Option<Arc<Renderer>>>,
    /// The content as last read, with what reading it reported.
    loaded: std::sync::Mutex<Option<(Loaded, Diagnostics)>>,
    /// The site of the last build, given back by `serve` after rendering it, to be patched
    /// when only Markdown bodies change.
    site: std::sync::Mutex<Option<Site>>,
}

impl Caches {
    /// Keeps the site `serve` just rendered for the next build (see `patch_bodies`).
    pub fn keep_site(&self, site: Site) {
        if let Ok(mut kept) = self.site.lock() {
            *kept = Some(site);
        }
    }

    /// Reads the content folder, or — when `serve` knows exactly which entry files changed,
    /// appeared or went — only those files. An unreadable file, site.yaml, an asset, a folder,
    /// a file reading reported on, or the theme means the whole folder is read again.
    pub(crate) fn load(
        &self,
        root: &Path,
        languages: &[crate::lang::Lang],
        changed: &[PathBuf],
        diagnostics: &mut Diagnostics,
    ) -> Loaded {
        if !changed.is_empty()
            && let Ok(mut guard) = self.loaded.lock()
            && let Some((previous, reported)) = guard.as_mut()
            && reread(root, previous, changed, Some((languages, reported))).is_some()
        {
            diagnostics.extend(reported.clone());
            return previous.clone();
        }
        let mut found = Diagnostics::new();
        let loaded = load::load(root, languages, &mut found);
        if let Ok(mut guard) = self.loaded.lock() {
            *guard = Some((loaded.clone(), found.clone()));
        }
        diagnostics.extend(found);
        loaded
    }

    /// Compiles the theme, or — when only entry files changed — takes the one compiled for the
    /// previous build.
    pub(crate) fn theme(
        &self,
        root: &Path,
        config: &Config,
        changed: &[PathBuf],
        diagnostics: &mut Diagnostics,
    ) -> Option<Arc<Renderer>> {
        let only_entries = !changed.is_empty() && only_entry_files(root, changed);
        if only_entries
            && let Ok(cached) = self.renderer.lock()
            && let Some(renderer) = cached.as_ref()
        {
            return Some(renderer.clone());
        }
        let (renderer, clean) = build::compile_theme(root, config, diagnostics);
        if let Ok(mut cached) = self.renderer.lock() {
            *cached = renderer.clone().filter(|_| clean);
        }
        renderer
    }

    /// What the shared-fields file at `path` gave when it had these texts.
    pub(crate) fn parsed_shared(
        &self,
        path: &Path,
        texts: &[&Arc<String>],
    ) -> Option<Result<Arc<Node>, Diagnostic>> {
        let shared = self.shared.read().ok()?;
        let (sources, parsed) = shared.get(path.as_os_str())?;
        sources.matches(texts).then(|| parsed.clone())
    }

    pub(crate) fn keep_shared(
        &self,
        path: &Path,
        texts: &[&Arc<String>],
        parsed: Result<Arc<Node>, Diagnostic>,
    ) {
        if let Ok(mut shared) = self.shared.write() {
            shared.insert(path.as_os_str().to_owned(), (Sources::new(texts), parsed));
        }
    }

    /// What the language file at `path` gave when it and its shared file had these texts.
    pub(crate) fn parsed_entry(&self, path: &Path, texts: &[&Arc<String>]) -> Option<ParsedFile> {
        let entries = self.entries.read().ok()?;
        let cached = entries.get(path.as_os_str())?;
        cached.sources.matches(texts).then(|| cached.parsed.clone())
    }

    pub(crate) fn keep_entry(&self, path: &Path, texts: &[&Arc<String>], parsed: ParsedFile) {
        if let Ok(mut entries) = self.entries.write() {
            entries.insert(
                path.as_os_str().to_owned(),
                CachedEntry {
                    sources: Sources::new(texts),
                    parsed,
                },
            );
        }
    }
}

/// `build::compile` for `serve`, reusing what `caches` holds from the previous build.
/// `changed`: the files `serve` was told about; when they are all known entry files, only they
/// are read again instead of the whole content folder, and the previous site may be patched.
pub fn compile(
    options: &BuildOptions,
    caches: &Caches,
    changed: &[PathBuf],
    diagnostics: &mut Diagnostics,
) -> Compiled {
    let trace = Trace::start();
    let mut found = Diagnostics::new();
    if let Some(compiled) = patch_bodies(&options.root, caches, changed, &mut found) {
        trace.phase("patched");
        #[cfg(debug_assertions)]
        assert_same_as_full_compile(options, caches, &compiled, &found);
        diagnostics.extend(found);
        return compiled;
    }
    // Resolved again below: the previous site only takes memory meanwhile. Freeing 20,000
    // pages takes a few milliseconds, done beside the build rather than before it.
    if let Ok(mut kept) = caches.site.lock()
        && let Some(previous) = kept.take()
    {
        build::free_beside(previous);
    }
    build::compile_reusing(options, Some((caches, changed)), diagnostics)
}

/// What happened to a file `serve` was told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileChange {
    Edited,
    Added,
    Removed,
}

/// Reads the changed files into `loaded`; `None` when one of them is not a known entry file
/// (then `loaded` may be half updated, and the caller reads everything again). With
/// `new_and_gone` (the site's languages and what reading the folder reported), an entry file
/// may also have appeared or gone, unless reading reported on it. Returns each file's path
/// relative to the root, and what happened to it.
fn reread(
    root: &Path,
    loaded: &mut Loaded,
    changed: &[PathBuf],
    new_and_gone: Option<(&[crate::lang::Lang], &Diagnostics)>,
) -> Option<Vec<(PathBuf, FileChange)>> {
    let root = std::fs::canonicalize(root).ok()?;
    let mut paths = Vec::with_capacity(changed.len());
    for path in changed {
        let parent = std::fs::canonicalize(path.parent()?).ok()?;
        let relative = parent
            .join(path.file_name()?)
            .strip_prefix(&root)
            .ok()?
            .to_path_buf();
        // Compared as bytes: `Path`'s equality goes component by component, which for 20,000
        // files that differ was most of the time of this function.
        let known = loaded
            .language_files
            .iter_mut()
            .map(|f| &mut f.file)
            .chain(loaded.shared_files.iter_mut().map(|f| &mut f.file))
            .find(|f| f.path.as_os_str() == relative.as_os_str());
        let change = match (known, load::read_text(&root, &relative)) {
            (Some(known), Ok(text)) => {
                known.text = text.into();
                FileChange::Edited
            }
            (known, _) => {
                let (languages, reported) = new_and_gone?;
                if reported.iter().any(|d| d.path == relative) {
                    return None;
                }
                if std::fs::symlink_metadata(root.join(&relative)).is_err() {
                    load::remove_entry_file(&root, &relative, languages, loaded)
                        .then_some(FileChange::Removed)?
                } else {
                    (known.is_none() && load::add_entry_file(&root, &relative, languages, loaded))
                        .then_some(FileChange::Added)?
                }
            }
        };
        paths.push((relative, change));
    }
    Some(paths)
}

/// Whether every path is a file in `content/` other than site.yaml (whose languages the theme
/// is compiled for).
fn only_entry_files(root: &Path, changed: &[PathBuf]) -> bool {
    let Ok(content) = std::fs::canonicalize(root.join("content")) else {
        return false;
    };
    changed.iter().all(|path| {
        let parent = path.parent().and_then(|p| std::fs::canonicalize(p).ok());
        parent.is_some_and(|p| p.starts_with(&content))
            && path.file_name().is_some_and(|n| n != "site.yaml")
    })
}

/// The fast path of `serve` for the most common edits, a page's text, title, date or slug:
/// when every changed file is a known language or shared-fields file that still parses without
/// a problem, and every entry made from them is `resolve::same_but_place` as before, no
/// reference or check between pages reads anything that changed but a place in a list or an
/// address, so the previous site is patched (`resolve::patch`) instead of resolved again. New
/// and deleted language files go to `patch_added_and_removed`. `None` when that does not hold;
/// then the whole site is compiled.
fn patch_bodies(
    root: &Path,
    caches: &Caches,
    changed: &[PathBuf],
    diagnostics: &mut Diagnostics,
) -> Option<Compiled> {
    let entry_files = changed
        .iter()
        .all(|p| p.extension().is_some_and(|e| e == "md" || e == "yaml"));
    if changed.is_empty() || !entry_files || !only_entry_files(root, changed) {
        return None;
    }
    let mut site = caches.site.lock().ok()?.take()?;
    let renderer = caches.renderer.lock().ok()?.clone()?;
    let mut loaded = caches.loaded.lock().ok()?;
    let (loaded, reported) = loaded.as_mut()?;
    // Owned: the site is patched while entries are parsed with them.
    let languages = site.config.languages.clone();
    let themes: Vec<String> = (site.config.themes.iter())
        .map(|(id, _)| id.clone())
        .collect();
    let paths = reread(root, loaded, changed, Some((&languages, reported)))?;
    let vocabulary = Vocabulary {
        themes: (!site.config.broken).then(|| themes.iter().map(String::as_str).collect()),
        programme_goals: site.config.programme_goals,
    };
    let mut entries = caches.entries.write().ok()?;
    let mut shared = caches.shared.write().ok()?;
    let found = if paths
        .iter()
        .any(|(_, change)| *change != FileChange::Edited)
    {
        let parsing = Parsing {
            loaded,
            shared: &shared,
            vocabulary: &vocabulary,
        };
        patch_added_and_removed(&mut site, &parsing, &mut entries, &paths, caches)?
    } else {
        let edits = Edits {
            loaded,
            vocabulary: &vocabulary,
            paths: &paths,
        };
        patch_edited(&mut site, &edits, &mut shared, &mut entries, caches)?
    };
    diagnostics.extend(found);
    Some(Compiled {
        site,
        renderer: Some(renderer),
    })
}

/// What `patch_added_and_removed` parses new files with.
struct Parsing<'a> {
    loaded: &'a Loaded,
    shared: &'a HashMap<OsString, CachedShared>,
    vocabulary: &'a Vocabulary<'a>,
}

/// The files `patch_edited` parses again, and what it parses them with.
struct Edits<'a> {
    loaded: &'a Loaded,
    vocabulary: &'a Vocabulary<'a>,
    paths: &'a [(PathBuf, FileChange)],
}

/// `patch_bodies` for files that were only edited: each entry made from them must parse without
/// a problem and be `resolve::same_but_place` as before; the site is patched by
/// `resolve::patch`.
fn patch_edited(
    site: &mut Site,
    edits: &Edits<'_>,
    shared: &mut HashMap<OsString, CachedShared>,
    entries: &mut HashMap<OsString, CachedEntry>,
    caches: &Caches,
) -> Option<Diagnostics> {
    let language_files = files_to_parse_again(edits.loaded, edits.paths, shared)?;
    let parsing = Parsing {
        loaded: edits.loaded,
        shared,
        vocabulary: edits.vocabulary,
    };
    let mut edited = Vec::with_capacity(language_files.len());
    for file in language_files {
        let path = &file.file.path;
        let before = &entries.get(path.as_os_str())?.parsed;
        if !before.found.is_empty() || crate::scaffold::is_placeholder(&file.file.text) {
            return None;
        }
        let before = before.entry.clone()?;
        let (entry, cached) = parse_cleanly(file, &parsing)?;
        if !resolve::same_but_place(&before, &entry) {
            return None;
        }
        entries.insert(path.as_os_str().to_owned(), cached);
        edited.push((before, entry));
    }
    resolve::patch(site, edited, &caches.markdown)
}

/// The language files to parse again: those edited, and every one of an edited shared file,
/// whose new YAML goes into `shared`. `None` when a path is neither, or a shared file does not
/// parse (a problem in it is reported by the full compile).
fn files_to_parse_again<'a>(
    loaded: &'a Loaded,
    paths: &[(PathBuf, FileChange)],
    shared: &mut HashMap<OsString, CachedShared>,
) -> Option<Vec<&'a load::LanguageFile>> {
    let mut language_files: Vec<&load::LanguageFile> = Vec::with_capacity(paths.len());
    for (path, _) in paths {
        let named = |file: &load::TextFile| file.path.as_os_str() == path.as_os_str();
        if let Some(file) = loaded.language_files.iter().find(|f| named(&f.file)) {
            language_files.push(file);
            continue;
        }
        let file = loaded.shared_files.iter().find(|f| named(&f.file))?;
        let node = yaml::parse(&file.file.text, 0).ok()?;
        shared.insert(
            path.as_os_str().to_owned(),
            (Sources::new(&[&file.file.text]), Ok(Arc::new(node))),
        );
        language_files.extend(
            (loaded.language_files.iter()).filter(|f| f.kind == file.kind && f.stem == file.stem),
        );
    }
    language_files.sort_by(|a, b| a.file.path.cmp(&b.file.path));
    language_files.dedup_by(|a, b| a.file.path == b.file.path);
    Some(language_files)
}

/// Parses one language file with its shared fields (already parsed) for a patch: the entry and
/// what the cache keeps of it. `None` when its shared file is broken or anything is reported.
fn parse_cleanly(
    file: &load::LanguageFile,
    parsing: &Parsing<'_>,
) -> Option<(Arc<Entry>, CachedEntry)> {
    let shared_file =
        (parsing.loaded.shared_files.iter()).find(|s| s.kind == file.kind && s.stem == file.stem);
    let shared_node = match shared_file {
        Some(s) => match parsing.shared.get(s.file.path.as_os_str())? {
            (_, Ok(node)) => Some((s.file.path.as_path(), node.clone())),
            (_, Err(_)) => return None,
        },
        None => None,
    };
    let mut found = Diagnostics::new();
    let source = build::entry_source(file, shared_node.as_ref().map(|(p, n)| (*p, &**n)));
    let entry = Arc::new(parse_entry(&source, parsing.vocabulary, &mut found)?);
    if !found.is_empty() {
        return None;
    }
    let mut texts = vec![&file.file.text];
    texts.extend(shared_file.map(|s| &s.file.text));
    let cached = CachedEntry {
        sources: Sources::new(&texts),
        parsed: ParsedFile {
            placeholder: false,
            entry: Some(entry.clone()),
            found,
        },
    };
    Some((entry, cached))
}

/// `patch_bodies` for language files that appeared or went, and nothing else: each new one must
/// parse without a problem and each deleted one must have, and a shared-fields file beside
/// them must keep a language file (else it is reported as left alone). The entries go into or
/// out of the site by `resolve::add_and_remove`.
fn patch_added_and_removed(
    site: &mut Site,
    parsing: &Parsing<'_>,
    entries: &mut HashMap<OsString, CachedEntry>,
    paths: &[(PathBuf, FileChange)],
    caches: &Caches,
) -> Option<Diagnostics> {
    let loaded = parsing.loaded;
    let mut added = Vec::new();
    let mut removed = Vec::new();
    // A shared-fields file beside the entry must keep a language file, else it is reported as
    // left alone, which only a full compile does.
    let keeps_shared_file_company = |kind, stem: &str, lang| {
        !(loaded.shared_files.iter()).any(|s| s.kind == kind && s.stem == stem)
            || (loaded.language_files.iter())
                .any(|f| f.kind == kind && f.stem == stem && f.lang != lang)
    };
    for (path, change) in paths {
        match change {
            FileChange::Edited => return None,
            FileChange::Removed => {
                // What the file was is known from what it gave: its path is gone.
                let before = entries.remove(path.as_os_str())?;
                let entry = before
                    .parsed
                    .entry
                    .filter(|_| before.parsed.found.is_empty())?;
                if !keeps_shared_file_company(entry.kind, &entry.stem, entry.lang) {
                    return None;
                }
                removed.push((entry.kind, entry.stem.clone(), entry.lang));
            }
            FileChange::Added => {
                let file = (loaded.language_files.iter())
                    .find(|f| f.file.path.as_os_str() == path.as_os_str())?;
                if crate::scaffold::is_placeholder(&file.file.text)
                    || !keeps_shared_file_company(file.kind, &file.stem, file.lang)
                {
                    return None;
                }
                let (entry, cached) = parse_cleanly(file, parsing)?;
                entries.insert(path.as_os_str().to_owned(), cached);
                added.push(entry);
            }
        }
    }
    resolve::add_and_remove(site, added, removed, &caches.markdown)
}

/// Debug builds (the tests) compile the whole site again after every patch and compare: a patch
/// must give exactly the pages, Markdown and problems of a full compile of the same files.
#[cfg(debug_assertions)]
fn assert_same_as_full_compile(
    options: &BuildOptions,
    caches: &Caches,
    patched: &Compiled,
    found: &Diagnostics,
) {
    let mut full_found = Diagnostics::new();
    let full = build::compile(options, &mut full_found);
    if !read_as_on_disk(options, caches, patched) {
        return;
    }
    assert_same_site(&patched.site, &full.site);
    assert_eq!(found.sorted(), full_found.sorted(), "patched problems");
}

/// Whether the files the patch read are still those on disk. A file saved again since the patch
/// read it makes the two compiles differ rightly: no comparison. (Also site.yaml and the files
/// beside the content: a copy of a whole site is seen in several batches of events.) The same
/// files in another order fail: a new file was put in the wrong place.
#[cfg(debug_assertions)]
fn read_as_on_disk(options: &BuildOptions, caches: &Caches, patched: &Compiled) -> bool {
    let texts = |loaded: &Loaded| {
        let language = loaded.language_files.iter().map(|f| &f.file);
        let shared = loaded.shared_files.iter().map(|f| &f.file);
        let texts = (loaded.config.iter().chain(language).chain(shared))
            .map(|f| (f.path.clone(), f.text.to_string()))
            .collect::<Vec<_>>();
        let assets = (loaded.assets.iter())
            .map(|a| a.path.clone())
            .collect::<Vec<_>>();
        (texts, assets)
    };
    let on_disk = load::load(
        &options.root,
        &patched.site.config.languages,
        &mut Diagnostics::new(),
    );
    let read = caches
        .loaded
        .lock()
        .ok()
        .and_then(|l| l.as_ref().map(|(l, _)| texts(l)));
    let on_disk = texts(&on_disk);
    if read.as_ref() == Some(&on_disk) {
        return true;
    }
    let sorted = |(mut texts, mut assets): (Vec<(PathBuf, String)>, Vec<PathBuf>)| {
        texts.sort();
        assets.sort();
        (texts, assets)
    };
    assert!(
        read.map(sorted) != Some(sorted(on_disk)),
        "the files serve read are in another order than a walk of the folder gives"
    );
    false
}

/// The pages, Markdown, index, lists and what was held back of a patched site are those of a
/// full compile.
#[cfg(debug_assertions)]
fn assert_same_site(patched: &Site, full: &Site) {
    let pages = |site: &Site| {
        site.pages
            .iter()
            .map(|p| {
                (
                    p.key.clone(),
                    p.entry.lang,
                    p.url.clone(),
                    p.rendered.html.clone(),
                    p.rendered.links_to.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(pages(patched), pages(full), "patched pages");
    assert_eq!(patched.structure, full.structure);
    assert_eq!(patched.frame, full.frame);
    // The index and the lists, which patches shift rather than make again.
    for lang in &full.config.languages {
        for kind in crate::model::KINDS {
            assert_eq!(
                patched.list_indices(kind, *lang),
                full.list_indices(kind, *lang),
                "patched list of {kind:?} in {lang:?}"
            );
        }
    }
    for (i, page) in patched.pages.iter().enumerate() {
        let found = patched.page(page.entry.kind, &page.entry.stem, page.entry.lang);
        assert!(
            found.is_some_and(|p| std::ptr::eq(p, page)),
            "the index does not find page {i} ({}) in its place",
            page.key
        );
    }
    assert_eq!(patched.keep_metadata, full.keep_metadata);
    assert_eq!(patched.held_back, full.held_back);
}
