//! The incremental state of `serve`: what one build keeps for the next (the content as read,
//! parsed files, rendered Markdown, the compiled theme), and the compile that reuses it: the
//! content read again only where files changed, every file parsed and every Markdown body
//! rendered again only when what it was made from changed, and the site resolved in full from
//! that. Debug builds check every such compile against one that reuses nothing.

use crate::build::{self, BuildOptions, Compiled, ParsedFile};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{self, Loaded};
use crate::packed::Text;
use crate::render::{self, Renderer};
use crate::resolve;
use foldhash::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What one language file gave, kept by `serve` with what it was made from (the language file
/// and its shared file).
pub(crate) struct CachedEntry {
    sources: Sources,
    parsed: ParsedFile,
}

/// (the shared-fields file's text, whether it parsed or its problem)
pub(crate) type CachedShared = (Sources, Result<(), Vec<Diagnostic>>);

/// The texts a cached result was made from, kept alive so that a file `serve` did not read
/// again (the same `Arc`) is recognised without hashing it, and their hash for files that were.
pub(crate) struct Sources {
    texts: Vec<Arc<Text>>,
    hash: u64,
}

impl Sources {
    fn new(texts: &[&Arc<Text>]) -> Sources {
        Sources {
            texts: texts.iter().map(|t| Arc::clone(t)).collect(),
            hash: hash_texts(texts),
        }
    }

    fn matches(&self, texts: &[&Arc<Text>]) -> bool {
        let same = self.texts.len() == texts.len()
            && self.texts.iter().zip(texts).all(|(a, b)| Arc::ptr_eq(a, b));
        same || self.hash == hash_texts(texts)
    }
}

fn hash_texts(texts: &[&Arc<Text>]) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for text in texts {
        // As held: a text packed once and read plain once only misses the cache.
        let (packed, bytes) = text.as_held();
        hasher.update(&[u8::from(packed)]);
        hasher.update(&bytes.len().to_le_bytes());
        hasher.update(bytes);
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
    /// A hash of the `Vocabulary` the kept entries were checked against: when site.yaml
    /// changes it, every entry is parsed again (a theme taken away makes entries wrong).
    vocabulary: std::sync::Mutex<Option<u64>>,
    /// Shared-fields file → (its text, whether it parsed).
    shared: std::sync::RwLock<HashMap<OsString, CachedShared>>,
    /// Rendered Markdown per language file.
    pub markdown: resolve::MarkdownCache,
    /// The pages of the last build, placed in their lists.
    pub placement: resolve::KeptPlacement,
    /// Search-index records and directory facets.
    pub render: Arc<render::RenderCache>,
    /// The compiled theme, when compiling it reported nothing.
    renderer: std::sync::Mutex<Option<Arc<Renderer>>>,
    /// The content as last read, with what reading it reported.
    loaded: std::sync::Mutex<Option<(Arc<Loaded>, Diagnostics)>>,
    /// What checking each document found.
    pub(crate) documents: CheckedDocuments,
}

/// What checking each document beside the content found (`build::inspect_document`), by its
/// path, with the size and time of change it had: read again only when one of them changed.
#[derive(Default)]
pub(crate) struct CheckedDocuments(std::sync::Mutex<HashMap<PathBuf, CheckedDocument>>);

/// (size, time of change, what checking found)
type CheckedDocument = (u64, std::time::SystemTime, Vec<Diagnostic>);

impl CheckedDocuments {
    pub(crate) fn get_or_check(
        &self,
        path: &Path,
        check: impl FnOnce() -> Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        let stamp = std::fs::metadata(path).and_then(|m| Ok((m.len(), m.modified()?)));
        let Ok((size, modified)) = stamp else {
            return check();
        };
        if let Ok(checked) = self.0.lock()
            && let Some((was, at, found)) = checked.get(path)
            && (*was, *at) == (size, modified)
        {
            return found.clone();
        }
        let found = check();
        if let Ok(mut checked) = self.0.lock() {
            checked.insert(path.to_path_buf(), (size, modified, found.clone()));
        }
        found
    }
}

impl Caches {
    /// Reads the content folder, or — when `serve` knows exactly which entry files changed,
    /// appeared or went — only those files. An unreadable file, site.yaml, an asset, a folder,
    /// a file reading reported on, or the theme means the whole folder is read again.
    pub(crate) fn load(
        &self,
        root: &Path,
        languages: &[crate::lang::Lang],
        changed: &[PathBuf],
        diagnostics: &mut Diagnostics,
    ) -> Arc<Loaded> {
        if !changed.is_empty()
            && let Ok(mut guard) = self.loaded.lock()
            && let Some((previous, reported)) = guard.as_mut()
            // Shared only with the compile that read it, which is over: not copied.
            && reread(root, Arc::make_mut(previous), changed, (languages, reported)).is_some()
        {
            Arc::make_mut(previous).pack();
            diagnostics.extend(reported.clone());
            return previous.clone();
        }
        let mut found = Diagnostics::new();
        let mut loaded = load::load(root, languages, &mut found);
        loaded.pack();
        let loaded = Arc::new(loaded);
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

    /// The kept shared-fields files, for one parse (see `Kept`).
    pub(crate) fn kept_shared(&self) -> Kept<'_, CachedShared> {
        Kept(self.shared.read().ok())
    }

    pub(crate) fn keep_shared<'a>(
        &self,
        kept: impl IntoIterator<Item = (&'a Path, [&'a Arc<Text>; 1], Result<(), Vec<Diagnostic>>)>,
    ) {
        if let Ok(mut shared) = self.shared.write() {
            for (path, texts, parsed) in kept {
                shared.insert(path.as_os_str().to_owned(), (Sources::new(&texts), parsed));
            }
        }
    }

    /// Forgets every kept entry when they were checked against another vocabulary.
    pub(crate) fn check_against(&self, vocabulary: &crate::model::Vocabulary<'_>) {
        use std::hash::BuildHasher;
        let hash = foldhash::quality::FixedState::default().hash_one(vocabulary);
        if let Ok(mut kept) = self.vocabulary.lock()
            && kept.replace(hash) != Some(hash)
            && let Ok(mut entries) = self.entries.write()
        {
            entries.clear();
        }
    }

    /// The kept entries, for one parse (see `Kept`).
    pub(crate) fn kept_entries(&self) -> Kept<'_, CachedEntry> {
        Kept(self.entries.read().ok())
    }

    /// Keeps what language files gave (path, the texts it was made from, what it gave).
    pub(crate) fn keep_entries<'a>(
        &self,
        kept: impl IntoIterator<Item = (&'a Path, SourceTexts<'a>, ParsedFile)>,
    ) {
        if let Ok(mut entries) = self.entries.write() {
            for (path, texts, parsed) in kept {
                let sources = Sources::new(texts.as_slice());
                entries.insert(path.as_os_str().to_owned(), CachedEntry { sources, parsed });
            }
        }
    }
}

/// The texts what a language file gives is made from: its own, and its shared file's if it
/// has one. Made for every file on every edit: no allocation.
pub(crate) struct SourceTexts<'a> {
    texts: [&'a Arc<Text>; 2],
    len: usize,
}

impl<'a> SourceTexts<'a> {
    pub(crate) fn new(own: &'a Arc<Text>, shared: Option<&'a Arc<Text>>) -> SourceTexts<'a> {
        SourceTexts {
            texts: [own, shared.unwrap_or(own)],
            len: 1 + usize::from(shared.is_some()),
        }
    }
    pub(crate) fn as_slice(&self) -> &[&'a Arc<Text>] {
        &self.texts[..self.len]
    }
}

/// What `serve` kept of one kind of file, read by every worker of one parse under one lock,
/// taken once: taking it per file made the two threads fight over it (a tenth of an edit's
/// parse at 100,000 entries). What a parse makes is kept after it, under the write lock.
pub(crate) struct Kept<'a, V>(Option<std::sync::RwLockReadGuard<'a, HashMap<OsString, V>>>);

impl Kept<'_, CachedShared> {
    /// What the shared-fields file at `path` gave when it had these texts.
    pub(crate) fn get(
        &self,
        path: &Path,
        texts: &[&Arc<Text>],
    ) -> Option<Result<(), Vec<Diagnostic>>> {
        let (sources, parsed) = self.0.as_ref()?.get(path.as_os_str())?;
        sources.matches(texts).then(|| parsed.clone())
    }
}

impl Kept<'_, CachedEntry> {
    /// What the language file at `path` gave when it and its shared file had these texts.
    pub(crate) fn get(&self, path: &Path, texts: &SourceTexts<'_>) -> Option<ParsedFile> {
        let cached = self.0.as_ref()?.get(path.as_os_str())?;
        cached
            .sources
            .matches(texts.as_slice())
            .then(|| cached.parsed.clone())
    }
}

/// `build::compile` for `serve`, reusing what `caches` holds from the previous build.
/// `changed`: the files `serve` was told about; when they are all known entry files, only they
/// are read again instead of the whole content folder.
pub fn compile(
    options: &BuildOptions,
    caches: &Caches,
    changed: &[PathBuf],
    diagnostics: &mut Diagnostics,
) -> Compiled {
    let mut found = Diagnostics::new();
    let compiled = build::compile_reusing(options, Some((caches, changed)), &mut found);
    #[cfg(debug_assertions)]
    crate::fault::oracle(|| assert_same_as_full_compile(options, caches, &compiled, &found));
    diagnostics.extend(found);
    compiled
}

/// Reads the changed files into `loaded`; `None` when one of them is not an entry file that
/// was edited, appeared or went (then `loaded` may be half updated, and the caller reads
/// everything again), or reading the folder reported on it (`reported`).
fn reread(
    root: &Path,
    loaded: &mut Loaded,
    changed: &[PathBuf],
    (languages, reported): (&[crate::lang::Lang], &Diagnostics),
) -> Option<()> {
    let root = std::fs::canonicalize(root).ok()?;
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
        match (known, load::read_text(&root, &relative)) {
            (Some(known), Ok(text)) => known.text = Arc::new(text.into()),
            (known, _) => {
                let read = !reported.iter().any(|d| d.path == relative)
                    && if std::fs::symlink_metadata(root.join(&relative)).is_err() {
                        load::remove_entry_file(&root, &relative, languages, loaded)
                    } else {
                        known.is_none() && load::add_entry_file(&root, &relative, languages, loaded)
                    };
                read.then_some(())?;
            }
        }
    }
    Some(())
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

/// Debug builds (the tests) compile the whole site again, reusing nothing, after every compile
/// of `serve` and compare: what the caches kept must give exactly the pages, Markdown and
/// problems of a compile of the same files from scratch.
#[cfg(debug_assertions)]
fn assert_same_as_full_compile(
    options: &BuildOptions,
    caches: &Caches,
    reused: &Compiled,
    found: &Diagnostics,
) {
    let mut full_found = Diagnostics::new();
    let full = build::compile(options, &mut full_found);
    if !read_as_on_disk(options, caches, reused) {
        return;
    }
    assert_same_site(&reused.site, &full.site);
    assert_eq!(
        found.sorted(),
        full_found.sorted(),
        "problems found reusing the caches"
    );
}

/// Whether the files the compile read are still those on disk. A file saved again since it was
/// read makes the two compiles differ rightly: no comparison. (Also site.yaml and the files
/// beside the content: a copy of a whole site is seen in several batches of events.) The same
/// files in another order fail: a new file was put in the wrong place.
#[cfg(debug_assertions)]
fn read_as_on_disk(options: &BuildOptions, caches: &Caches, reused: &Compiled) -> bool {
    let texts = |loaded: &Loaded| {
        let language = loaded.language_files.iter().map(|f| &f.file);
        let shared = loaded.shared_files.iter().map(|f| &f.file);
        let texts = (loaded.config.iter().chain(language).chain(shared))
            .map(|f| (f.path.clone(), f.text.read().into_owned()))
            .collect::<Vec<_>>();
        let assets = (loaded.assets.iter())
            .map(|a| a.path.clone())
            .collect::<Vec<_>>();
        (texts, assets)
    };
    let on_disk = load::load(
        &options.root,
        &reused.site.config.languages,
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

/// The pages, Markdown and what was held back of a site made reusing the caches are those of a
/// full compile.
#[cfg(debug_assertions)]
fn assert_same_site(reused: &resolve::Site, full: &resolve::Site) {
    let pages = |site: &resolve::Site| {
        site.pages
            .iter()
            .map(|p| {
                (
                    p.key.clone(),
                    p.entry.lang,
                    p.url.clone(),
                    p.rendered.html().into_owned(),
                    p.rendered.links_to.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(pages(reused), pages(full), "pages made reusing the caches");
    assert_eq!(reused.frame, full.frame);
    assert_eq!(reused.keep_metadata, full.keep_metadata);
    assert_eq!(reused.held_back, full.held_back);
}
