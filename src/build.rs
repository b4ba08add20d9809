//! The `build` and `check` commands: load → parse → resolve → render → write, composed once so
//! `check` is exactly `build` without writing.

use crate::config::{Config, config_path, parse_config};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceLookup};
use crate::lang::Lang;
use crate::load::{self, Loaded};
use crate::model::{Entry, EntrySource, Vocabulary, parse_entry};
use crate::render::{self, RenderStats, Renderer};
use crate::resolve::{self, HeldBack, ResolveOptions, Site};
use crate::yaml::{self, Node};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub today: Date,
    /// Show progress on stderr while images are processed (`progress.rs`); not with `--quiet`.
    pub progress: bool,
}

/// Today in the Netherlands: the day embargoed press releases are compared with.
pub fn today() -> Date {
    jiff::Zoned::now()
        .with_time_zone(
            jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC),
        )
        .date()
}

pub struct Report {
    pub diagnostics: Diagnostics,
    pub stats: RenderStats,
    pub pages_per_lang: BTreeMap<Lang, usize>,
    pub held_back: Vec<HeldBack>,
    pub elapsed: Duration,
    /// An I/O problem with the output (exit code 2), as opposed to content errors.
    pub io_error: Option<String>,
    /// Things `check` could not check, said once ("not a git repository").
    pub notes: Vec<String>,
}

/// Everything before rendering: the typed site and the compiled templates.
pub struct Compiled {
    pub site: Site,
    /// Shared with the cache of `serve`, which keeps it while the theme is unchanged.
    pub renderer: Option<Arc<Renderer>>,
}

/// What one language file gave, kept by `serve` with what it was made from (the language file
/// and its shared file).
struct CachedEntry {
    sources: Sources,
    parsed: ParsedFile,
}

/// One language file, parsed: whether it is still a placeholder from `wdhs new` (then it has
/// no entry), its entry and its problems.
#[derive(Clone)]
struct ParsedFile {
    placeholder: bool,
    entry: Option<Arc<Entry>>,
    found: Diagnostics,
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
}

/// Reads the content folder, or — when `serve` knows exactly which entry files changed, appeared
/// or went — only those files. An unreadable file, site.yaml, an asset, a folder, a file reading
/// reported on, or the theme means the whole folder is read again.
fn load_with_cache(
    root: &Path,
    languages: &[crate::lang::Lang],
    caches: Option<&Caches>,
    changed: Option<&[PathBuf]>,
    diagnostics: &mut Diagnostics,
) -> Loaded {
    if let (Some(cache), Some(changed)) = (caches, changed.filter(|c| !c.is_empty()))
        && let Ok(mut guard) = cache.loaded.lock()
        && let Some((previous, reported)) = guard.as_mut()
        && reread(root, previous, changed, Some((languages, reported))).is_some()
    {
        diagnostics.extend(reported.clone());
        return previous.clone();
    }
    let mut found = Diagnostics::new();
    let loaded = load::load(root, languages, &mut found);
    if let Some(cache) = caches
        && let Ok(mut guard) = cache.loaded.lock()
    {
        *guard = Some((loaded.clone(), found.clone()));
    }
    diagnostics.extend(found);
    loaded
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
    if paths
        .iter()
        .any(|(_, change)| *change != FileChange::Edited)
    {
        let parsing = Parsing {
            loaded,
            shared: &shared,
            vocabulary: &vocabulary,
        };
        let found = patch_added_and_removed(&mut site, &parsing, &mut entries, &paths, caches)?;
        diagnostics.extend(found);
        return Some(Compiled {
            site,
            renderer: Some(renderer),
        });
    }
    // The language files to parse again: those edited, and every one of an edited shared file.
    let mut language_files: Vec<&load::LanguageFile> = Vec::with_capacity(paths.len());
    for (path, _) in &paths {
        let named = |file: &load::TextFile| file.path.as_os_str() == path.as_os_str();
        if let Some(file) = loaded.language_files.iter().find(|f| named(&f.file)) {
            language_files.push(file);
            continue;
        }
        let file = loaded.shared_files.iter().find(|f| named(&f.file))?;
        // A problem in it is reported by the full compile.
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
    let parsing = Parsing {
        loaded,
        shared: &shared,
        vocabulary: &vocabulary,
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
    diagnostics.extend(resolve::patch(&mut site, edited, &caches.markdown)?);
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
    let source = entry_source(file, shared_node.as_ref().map(|(p, n)| (*p, &**n)));
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

/// Loads and compiles the theme, or — when `serve` knows only entry files changed — takes the
/// one compiled for the previous build.
fn prepare_theme(
    root: &Path,
    config: &Config,
    caches: Option<&Caches>,
    changed: Option<&[PathBuf]>,
    diagnostics: &mut Diagnostics,
) -> Option<Arc<Renderer>> {
    let only_entries = changed.is_some_and(|c| !c.is_empty() && only_entry_files(root, c));
    if only_entries
        && let Some(cache) = caches
        && let Ok(cached) = cache.renderer.lock()
        && let Some(renderer) = cached.as_ref()
    {
        return Some(renderer.clone());
    }
    let mut found = Diagnostics::new();
    let theme = crate::theme::load_theme(root, &config.languages, &mut found);
    let renderer = render::prepare(theme, &mut found).map(Arc::new);
    if let Some(cache) = caches
        && let Ok(mut cached) = cache.renderer.lock()
    {
        *cached = renderer.clone().filter(|_| found.is_empty());
    }
    diagnostics.extend(found);
    renderer
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

/// Reads and checks the whole site. Problems go into `diagnostics`.
pub fn compile(options: &BuildOptions, diagnostics: &mut Diagnostics) -> Compiled {
    compile_with(options, None, None, diagnostics)
}

/// `compile`, reusing what `caches` holds from the previous build (`serve`).
/// `changed`: the files `serve` was told about; when they are all known entry files, only they
/// are read again instead of the whole content folder.
pub fn compile_with(
    options: &BuildOptions,
    caches: Option<&Caches>,
    changed: Option<&[PathBuf]>,
    diagnostics: &mut Diagnostics,
) -> Compiled {
    let root = &options.root;
    if let Some(caches) = caches {
        let trace = Trace::start();
        let mut found = Diagnostics::new();
        if let Some(changed) = changed
            && let Some(compiled) = patch_bodies(root, caches, changed, &mut found)
        {
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
            free_beside(previous);
        }
    }
    let config_text = load::read_text(root, &config_path());
    let mut config = match config_text {
        Ok(text) => parse_config(&text, &config_path(), diagnostics),
        Err(mut d) => {
            if !root.join(config_path()).exists() {
                d = Diagnostic::error(config_path(), 0, 0, crate::tr!("build-no-site-yaml"))
                    .with_hint(crate::tr!("build-no-site-yaml-hint"));
            }
            diagnostics.push(d);
            parse_config("", &config_path(), &mut Diagnostics::new())
        }
    };
    if let Some(url) = &options.base_url {
        config.set_base_url(url);
    }
    let trace = Trace::start();
    let loaded = load_with_cache(root, &config.languages, caches, changed, diagnostics);
    trace.phase("load");
    let renderer = prepare_theme(root, &config, caches, changed, diagnostics);
    trace.phase("theme");
    let Loaded {
        language_files,
        shared_files,
        assets,
        unreadable,
        ..
    } = loaded;
    let files = language_files
        .iter()
        .map(|f| (f.kind, f.stem.clone(), f.lang))
        .chain(unreadable)
        .collect();
    // Each file's text is dropped as soon as it is parsed, so the texts and the entries made
    // from them are never all held at once.
    let entries = parse_all(&config, language_files, &shared_files, caches, diagnostics);
    drop(shared_files);
    trace.phase("parse");
    // Header notes are read from the cache beside the site even when `build` does not trust it
    // (a cache in git): a note matches only the very file it was written for on this machine
    // (`image_cache::file_note`), so one from a commit never does.
    let images = inspect_assets(&assets, &crate::image_cache::cache_dir(root), diagnostics);
    let input = resolve::ResolveInput {
        entries,
        assets,
        files,
        images,
        markdown_cache: caches.map(|c| &c.markdown),
    };
    let site = resolve::resolve(
        config,
        input,
        &ResolveOptions {
            drafts: options.drafts,
            today: options.today,
        },
        diagnostics,
    );
    trace.phase("resolve");
    Compiled { site, renderer }
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
    let full = compile_with(options, None, None, &mut full_found);
    // A file saved again since the patch read it makes the two differ rightly: no comparison.
    // (Also site.yaml and the files beside the content: a copy of a whole site is seen in
    // several batches of events.)
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
    if read.as_ref() != Some(&on_disk) {
        // The same files in another order: a new file was put in the wrong place.
        let sorted = |(mut texts, mut assets): (Vec<(PathBuf, String)>, Vec<PathBuf>)| {
            texts.sort();
            assets.sort();
            (texts, assets)
        };
        assert!(
            read.map(sorted) != Some(sorted(on_disk)),
            "the files serve read are in another order than a walk of the folder gives"
        );
        return;
    }
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
    assert_eq!(pages(&patched.site), pages(&full.site), "patched pages");
    assert_eq!(patched.site.structure, full.site.structure);
    assert_eq!(patched.site.frame, full.site.frame);
    // The index and the lists, which patches shift rather than make again.
    for lang in &full.site.config.languages {
        for kind in crate::model::KINDS {
            assert_eq!(
                patched.site.list_indices(kind, *lang),
                full.site.list_indices(kind, *lang),
                "patched list of {kind:?} in {lang:?}"
            );
        }
    }
    for (i, page) in patched.site.pages.iter().enumerate() {
        let found = patched
            .site
            .page(page.entry.kind, &page.entry.stem, page.entry.lang);
        assert!(
            found.is_some_and(|p| std::ptr::eq(p, page)),
            "the index does not find page {i} ({}) in its place",
            page.key
        );
    }
    assert_eq!(patched.site.keep_metadata, full.site.keep_metadata);
    assert_eq!(patched.site.held_back, full.site.held_back);
    assert_eq!(found.sorted(), full_found.sorted(), "patched problems");
}

/// Phase timings and memory on stdout when `WDHS_TRACE` is set, for benchmarks and for the
/// tests of `serve`; silent otherwise.
pub struct Trace {
    started: Option<Instant>,
}

impl Trace {
    pub fn start() -> Trace {
        Trace {
            started: std::env::var_os("WDHS_TRACE").map(|_| Instant::now()),
        }
    }

    pub fn enabled(&self) -> bool {
        self.started.is_some()
    }

    /// "  parse 28 ms, cpu 51 ms, memory 199 MB (peak 209 MB)": time since the start, the
    /// processor time of all threads so far (cpu ÷ time is how parallel the work was), and the
    /// resident memory now and at its highest (Linux only; left out elsewhere).
    pub fn phase(&self, label: &str) {
        let Some(started) = self.started else {
            return;
        };
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let megabytes = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|rest| {
                    rest.trim()
                        .trim_end_matches("kB")
                        .trim()
                        .parse::<u64>()
                        .ok()
                })
                .map(|kb| kb / 1024)
        };
        let memory = match (megabytes("VmRSS:"), megabytes("VmHWM:")) {
            (Some(now), Some(peak)) => format!(", memory {now} MB (peak {peak} MB)"),
            _ => String::new(),
        };
        // utime and stime, fields 14 and 15, in ticks of 10 ms; the command name (field 2)
        // may hold spaces, so count from the `)` that ends it.
        let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
        let ticks: Option<u64> = stat.rsplit_once(')').and_then(|(_, rest)| {
            let fields: Vec<&str> = rest.split_whitespace().collect();
            Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
        });
        let cpu = ticks.map_or(String::new(), |t| format!(", cpu {} ms", t * 10));
        println!(
            "  {label} {} ms{cpu}{memory}",
            started.elapsed().as_millis()
        );
    }
}

/// What `parse_entry` reads of a language file, with its parsed shared file if it has one.
fn entry_source<'a>(
    file: &'a load::LanguageFile,
    shared: Option<(&'a Path, &'a Node)>,
) -> EntrySource<'a> {
    EntrySource {
        kind: file.kind,
        stem: &file.stem,
        lang: file.lang,
        path: &file.file.path,
        text: &file.file.text,
        shared,
    }
}

/// Parses shared files, then every language file, in parallel.
pub fn parse_all(
    config: &Config,
    language_files: Vec<load::LanguageFile>,
    shared_files: &[load::SharedFile],
    caches: Option<&Caches>,
    diagnostics: &mut Diagnostics,
) -> Vec<Arc<Entry>> {
    let shared_text: HashMap<(crate::model::Kind, &str), &Arc<String>> = shared_files
        .iter()
        .map(|f| ((f.kind, f.stem.as_str()), &f.file.text))
        .collect();
    let shared: Vec<(usize, Result<Arc<Node>, Diagnostic>)> = shared_files
        .par_iter()
        .enumerate()
        .map(|(i, f)| {
            let texts = [&f.file.text];
            if let Some(cache) = caches
                && let Ok(shared) = cache.shared.read()
                && let Some((sources, parsed)) = shared.get(f.file.path.as_os_str())
                && sources.matches(&texts)
            {
                return (i, parsed.clone());
            }
            let parsed = yaml::parse(&f.file.text, 0)
                .map(Arc::new)
                .map_err(|e| e.diagnostic(&f.file.path, ""));
            if let Some(cache) = caches
                && let Ok(mut shared) = cache.shared.write()
            {
                shared.insert(
                    f.file.path.as_os_str().to_owned(),
                    (Sources::new(&texts), parsed.clone()),
                );
            }
            (i, parsed)
        })
        .collect();
    let mut shared_nodes: HashMap<(crate::model::Kind, &str), (&Path, Arc<Node>)> = HashMap::new();
    // Entries whose shared file is broken are not parsed: every field in it would be reported
    // missing again.
    let mut broken: HashSet<(crate::model::Kind, &str)> = HashSet::new();
    for (i, parsed) in shared {
        let file = &shared_files[i];
        match parsed {
            Ok(node) => {
                shared_nodes.insert(
                    (file.kind, file.stem.as_str()),
                    (file.file.path.as_path(), node),
                );
            }
            Err(d) => {
                diagnostics.push(d);
                broken.insert((file.kind, file.stem.as_str()));
            }
        }
    }
    let with_language_file: HashSet<(crate::model::Kind, &str)> = language_files
        .iter()
        .map(|l| (l.kind, l.stem.as_str()))
        .collect();
    for file in shared_files {
        if !with_language_file.contains(&(file.kind, file.stem.as_str())) {
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
    let vocabulary = Vocabulary {
        themes: (!config.broken).then(|| config.themes.iter().map(|(id, _)| id.as_str()).collect()),
        programme_goals: config.programme_goals,
    };
    drop(with_language_file);
    // In parallel, each text dropped once parsed. An unchanged file (the same texts) keeps what
    // it gave in `serve`'s cache, without even searching it for the placeholder marker again.
    let parsed: Vec<(ParsedFile, Option<(PathBuf, crate::lang::Lang)>)> = language_files
        .into_par_iter()
        .map(|file| {
            let key = (file.kind, file.stem.as_str());
            // The vocabulary comes from site.yaml, which when changed means a fresh cache.
            let mut texts = vec![&file.file.text];
            texts.extend(shared_text.get(&key).copied());
            let cached = caches.and_then(|cache| {
                let entries = cache.entries.read().ok()?;
                let cached = entries.get(file.file.path.as_os_str())?;
                cached
                    .sources
                    .matches(&texts)
                    .then(|| cached.parsed.clone())
            });
            let parsed = cached.unwrap_or_else(|| {
                let placeholder = crate::scaffold::is_placeholder(&file.file.text);
                let mut found = Diagnostics::new();
                // Entries whose shared file is broken are not parsed (see above), nor kept.
                if placeholder || broken.contains(&key) {
                    return ParsedFile {
                        placeholder,
                        entry: None,
                        found,
                    };
                }
                let source = entry_source(&file, shared_nodes.get(&key).map(|(p, n)| (*p, &**n)));
                let entry = parse_entry(&source, &vocabulary, &mut found).map(Arc::new);
                let parsed = ParsedFile {
                    placeholder,
                    entry,
                    found,
                };
                if let Some(cache) = caches
                    && let Ok(mut entries) = cache.entries.write()
                {
                    entries.insert(
                        file.file.path.as_os_str().to_owned(),
                        CachedEntry {
                            sources: Sources::new(&texts),
                            parsed: parsed.clone(),
                        },
                    );
                }
                parsed
            });
            let named = parsed
                .placeholder
                .then(|| (file.file.path.clone(), file.lang));
            (parsed, named)
        })
        .collect();
    for (path, lang) in parsed.iter().filter_map(|(_, named)| named.as_ref()) {
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
    let parsed: Vec<ParsedFile> = parsed.into_iter().map(|(parsed, _)| parsed).collect();
    let mut entries = Vec::with_capacity(parsed.len());
    let mut found_all = Vec::new();
    for ParsedFile { entry, found, .. } in parsed {
        found_all.extend(found.sorted());
        entries.extend(entry);
    }
    for d in merge_missing_shared_fields(found_all, &shared_nodes) {
        diagnostics.push(d);
    }
    entries
}

/// A required field missing in every language of an entry that has a shared file belongs in
/// that shared file: say so once, there, instead of once per language.
fn merge_missing_shared_fields(
    found: Vec<Diagnostic>,
    shared: &HashMap<(crate::model::Kind, &str), (&Path, Arc<Node>)>,
) -> Vec<Diagnostic> {
    let shared_for = |path: &Path| -> Option<PathBuf> {
        let name = path.file_name()?.to_str()?;
        let stem = name.strip_suffix(".md")?.rsplit_once('.')?.0;
        shared
            .values()
            .map(|(p, _)| *p)
            .find(|p| {
                p.parent() == path.parent() && p.file_stem().and_then(|s| s.to_str()) == Some(stem)
            })
            .map(Path::to_path_buf)
    };
    let is_missing = |d: &Diagnostic| crate::model::missing_field(&d.message).is_some();
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
        let key = shared_for(&d.path)
            .filter(|_| is_missing(&d))
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

/// How `build` and `serve` render: images processed with the cache `ImageCache::open` chose.
pub fn render_options(image_cache: &Path) -> render::RenderOptions {
    render::RenderOptions {
        image_cache: Some(image_cache.to_path_buf()),
        cache: None,
        only: None,
        counters: None,
    }
}

/// Reads the header of every raster image and checks every SVG, in parallel.
fn inspect_assets(
    assets: &[load::Asset],
    image_cache: &Path,
    diagnostics: &mut Diagnostics,
) -> crate::images::Headers {
    let inspected: Vec<AssetInspection> = assets
        .par_iter()
        .map(|asset| inspect_asset(asset, image_cache))
        .collect();
    let mut headers = crate::images::Headers::new();
    for (asset, inspection) in assets.iter().zip(inspected) {
        match inspection {
            AssetInspection::Raster(info) => {
                headers.insert((asset.kind, asset.relative.clone()), info);
            }
            AssetInspection::Problems(problems) => {
                for problem in problems {
                    diagnostics.push(problem);
                }
            }
            AssetInspection::Fine => {}
        }
    }
    headers
}

/// A document (PDF, office file) is published only when its first bytes are what its name says.
fn inspect_document(asset: &load::Asset) -> AssetInspection {
    use std::io::Read;
    let mut head = Vec::with_capacity(1024);
    let read = std::fs::File::open(&asset.absolute)
        .and_then(|file| file.take(1024).read_to_end(&mut head));
    let problem = match read {
        Err(e) => crate::tr!("load-cannot-read-file", error = e.to_string()),
        Ok(_) => match load::document_signature_fits(&asset.relative, &head) {
            Some(false) => crate::tr!("build-document-not-what-it-says", name = &asset.relative),
            _ => return AssetInspection::Fine,
        },
    };
    AssetInspection::Problems(vec![
        Diagnostic::error(&asset.path, 0, 0, problem)
            .with_hint(crate::tr!("build-document-not-what-it-says-hint")),
    ])
}

enum AssetInspection {
    Raster(Result<crate::images::ImageInfo, String>),
    Problems(Vec<Diagnostic>),
    Fine,
}

fn inspect_asset(asset: &load::Asset, image_cache: &Path) -> AssetInspection {
    if crate::images::is_raster(&asset.relative) {
        let info = crate::images::inspect_file_cached(&asset.absolute, image_cache);
        return AssetInspection::Raster(info);
    }
    if !asset.relative.to_ascii_lowercase().ends_with(".svg") {
        return inspect_document(asset);
    }
    match std::fs::read(&asset.absolute) {
        Ok(bytes) => {
            let problems = crate::svg::check_bytes(&bytes);
            if problems.is_empty() {
                return AssetInspection::Fine;
            }
            AssetInspection::Problems(
                problems
                    .into_iter()
                    .map(|p| {
                        Diagnostic::error(&asset.path, p.line, p.col, p.message).with_hint(p.hint)
                    })
                    .collect(),
            )
        }
        Err(e) => AssetInspection::Problems(vec![Diagnostic::error(
            &asset.path,
            0,
            0,
            crate::tr!("load-cannot-read-file", error = e.to_string()),
        )]),
    }
}

/// `wdhs build`: renders into a staging folder and swaps it in only when there are no errors.
pub fn build(options: &BuildOptions) -> Report {
    let started = Instant::now();
    let trace = Trace::start();
    let mut diagnostics = Diagnostics::new();
    // Before anything reads the cache: links in it are removed, a cache in git is set aside.
    let image_cache = crate::image_cache::ImageCache::open(&options.root);
    if let Ok(cache) = &image_cache {
        for (message, hint) in &cache.warnings {
            diagnostics.push(
                Diagnostic::warning(".wdhs-cache", 0, 0, message.clone()).with_hint(hint.clone()),
            );
        }
    }
    let compiled = compile(options, &mut diagnostics);
    let mut report = Report {
        stats: RenderStats::default(),
        pages_per_lang: pages_per_lang(&compiled.site),
        held_back: compiled.site.held_back.clone(),
        diagnostics: Diagnostics::new(),
        elapsed: Duration::ZERO,
        io_error: None,
        notes: Vec::new(),
    };
    let Some(renderer) = compiled
        .renderer
        .as_ref()
        .filter(|_| !diagnostics.has_errors())
    else {
        report.diagnostics = diagnostics;
        report.elapsed = started.elapsed();
        return report;
    };
    let image_cache = match image_cache {
        Ok(cache) => cache,
        Err(reason) => {
            report.io_error = Some(reason);
            report.diagnostics = diagnostics;
            return report;
        }
    };
    if let Some(reason) = output_in_the_way(&options.root, &options.output) {
        report.io_error = Some(reason);
        report.diagnostics = diagnostics;
        return report;
    }
    let staging = match crate::write::stage(&options.output) {
        Ok(staging) => staging,
        Err(error) => {
            report.io_error = Some(crate::tr!(
                "build-cannot-stage",
                output = options.output.display(),
                error = error.to_string()
            ));
            report.diagnostics = diagnostics;
            return report;
        }
    };
    // A third thread makes the entry pages' folders while the pages render: at 10,000 entries
    // per language the 20,000 `mkdir`s cost about as much as writing the pages, and two
    // renderers making folders in one parent folder wait on each other's lock. (10k build:
    // 1.79 s → 1.62 s, medians of 6 interleaved.) List pages still make their own folders.
    let site = &compiled.site;
    let counters = std::sync::Arc::new(crate::images::Counters::default());
    let mut options_for_render = render_options(image_cache.dir());
    options_for_render.counters = Some(counters.clone());
    let progress = crate::progress::Reporter::start(counters, options.progress);
    report.stats = std::thread::scope(|scope| {
        scope.spawn(|| staging.make_folders(site.pages.iter().map(|p| render::html_path(&p.url))));
        render::render_site(
            site,
            renderer,
            &options_for_render,
            &|path, content| staging.write(path, &content),
            &mut diagnostics,
        )
    });
    progress.finish();
    trace.phase("render and write");
    if diagnostics.has_errors() {
        staging.abandon();
    } else if let Err(error) = staging.commit() {
        report.io_error = Some(crate::tr!(
            "build-cannot-replace",
            output = options.output.display(),
            error = error.to_string()
        ));
    }
    report.diagnostics = diagnostics;
    report.elapsed = started.elapsed();
    free_beside(compiled);
    report
}

/// Frees `value` on a thread of its own. A site of 20,000 pages takes a tenth of a second to
/// free, one allocation at a time; the command is done by then, and the process may end first.
fn free_beside<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// Why `output` must not be written to, if it must not: a build leaves exactly the site in its
/// output folder, so an output that holds the site's own folder, or lies in `content/` or
/// `themes/`, would lose the editors' work.
fn output_in_the_way(root: &Path, output: &Path) -> Option<String> {
    let root = std::fs::canonicalize(root).ok()?;
    let output = std::fs::canonicalize(output).ok().or_else(|| {
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        Some(
            std::fs::canonicalize(parent)
                .ok()?
                .join(output.file_name()?),
        )
    })?;
    let sources = ["content", "themes"].map(|d| root.join(d));
    (root.starts_with(&output) || sources.iter().any(|s| output.starts_with(s)))
        .then(|| crate::tr!("build-output-in-the-way", output = output.display()))
}

/// `wdhs check`: everything `build` does, without writing.
pub fn check(options: &BuildOptions) -> Report {
    check_with(options, false)
}

/// `check`, and with `external` every link to another website asked too (`external.rs`).
pub fn check_with(options: &BuildOptions, external: bool) -> Report {
    let started = Instant::now();
    let mut diagnostics = Diagnostics::new();
    let compiled = compile(options, &mut diagnostics);
    let mut stats = RenderStats::default();
    if let Some(renderer) = &compiled.renderer {
        stats = render::render_site(
            &compiled.site,
            renderer,
            &render::RenderOptions {
                image_cache: None,
                cache: None,
                only: None,
                counters: None,
            },
            &|_, _| Ok(()),
            &mut diagnostics,
        );
    }
    if external {
        crate::external::check(&compiled.site, &options.root, &mut diagnostics);
    }
    let mut notes = Vec::new();
    match crate::history::last_changes(&options.root) {
        Ok(changes) => {
            for d in outdated_translations(&compiled.site, &changes) {
                diagnostics.push(d);
            }
        }
        Err(reason) => notes.push(crate::tr!("build-no-history", reason = reason)),
    }
    let report = Report {
        notes,
        pages_per_lang: pages_per_lang(&compiled.site),
        held_back: compiled.site.held_back.clone(),
        diagnostics,
        stats,
        elapsed: started.elapsed(),
        io_error: None,
    };
    free_beside(compiled);
    report
}

/// Every translation whose source (the default language) changed after it, by git history.
pub fn outdated_translations(
    site: &Site,
    changes: &HashMap<PathBuf, crate::history::Change>,
) -> Vec<Diagnostic> {
    let source_lang = site.config.default_lang();
    site.pages
        .iter()
        .filter(|p| p.entry.lang != source_lang)
        .filter_map(|translation| {
            let source = site.translation(translation, source_lang)?;
            crate::history::outdated(
                &source.entry.path,
                &translation.entry.path,
                translation.entry.lang,
                changes,
            )
        })
        .collect()
}

pub fn pages_per_lang(site: &Site) -> BTreeMap<Lang, usize> {
    let mut counts: BTreeMap<Lang, usize> = site.config.languages.iter().map(|l| (*l, 0)).collect();
    for page in &site.pages {
        *counts.entry(page.entry.lang).or_default() += 1;
    }
    counts
}

/// The text of every file a diagnostic names, read again from disk for excerpts.
pub struct DiskSources {
    texts: BTreeMap<PathBuf, String>,
}

impl DiskSources {
    pub fn for_diagnostics(root: &Path, diagnostics: &Diagnostics) -> Self {
        let mut texts = BTreeMap::new();
        for d in diagnostics.sorted() {
            // Read leniently: a file that is not UTF-8 still gets its excerpt.
            if d.line > 0
                && !texts.contains_key(&d.path)
                && let Ok(bytes) = std::fs::read(root.join(&d.path))
            {
                texts.insert(d.path.clone(), String::from_utf8_lossy(&bytes).into_owned());
            }
        }
        DiskSources { texts }
    }
}

impl SourceLookup for DiskSources {
    fn source_text(&self, path: &Path) -> Option<&str> {
        self.texts.get(path).map(String::as_str)
    }
}
