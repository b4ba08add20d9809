//! The incremental state of `serve`: what one build keeps for the next (the content as read,
//! parsed files, rendered Markdown, the compiled theme), and the compile that reuses it: the
//! content read again only where files changed, every file parsed and every Markdown body
//! rendered again only when what it was made from changed, and the site resolved in full from
//! that. Debug builds check every such compile against one that reuses nothing. Then which
//! pages the edit changed (`changes.rs`) and which outputs read them (`dependencies.rs`).

use crate::build::{self, BuildOptions, Compiled, ParsedFile};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{self, Loaded};
use crate::packed::Text;
use crate::render::{self, Renderer};
use crate::resolve;
use foldhash::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub mod changes;
pub mod dependencies;
mod kept_files;
pub use changes::{PageDiff, Partial, Published};
pub(crate) use kept_files::{KeptFiles, Parsed, SourceTexts};

/// Work kept between the builds of `serve`, each piece with what it was made from, so an edit
/// re-parses and re-renders one file.
#[derive(Default)]
pub struct Caches {
    /// What each language file gave.
    pub(crate) entries: KeptFiles<ParsedFile>,
    /// A hash of the `Vocabulary` the kept entries were checked against: when site.yaml
    /// changes it, every entry is parsed again (a theme taken away makes entries wrong).
    vocabulary: std::sync::Mutex<Option<u64>>,
    /// Whether each shared-fields file parsed, or its problems.
    pub(crate) shared: KeptFiles<Result<(), Vec<Diagnostic>>>,
    /// Rendered Markdown per language file.
    pub markdown: resolve::MarkdownCache,
    /// The pages of the last build, placed in their lists.
    pub placement: resolve::KeptPlacement,
    /// What the checks between pages found on each page.
    pub checks: resolve::KeptChecks,
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
            && let Some(added) = reread(root, Arc::make_mut(previous), changed, (languages, reported))
        {
            // What was read in place of a text is packed already: only a new file asks for a
            // look at every text.
            if added {
                Arc::make_mut(previous).pack();
            }
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

    /// Forgets every kept entry when they were checked against another vocabulary.
    pub(crate) fn check_against(&self, vocabulary: &crate::model::Vocabulary<'_>) {
        use std::hash::BuildHasher;
        let hash = foldhash::quality::FixedState::default().hash_one(vocabulary);
        if let Ok(mut kept) = self.vocabulary.lock()
            && kept.replace(hash) != Some(hash)
        {
            self.entries.clear();
        }
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

/// Reads the changed files into `loaded`, packed, and says whether a file came; `None` when one
/// of them is not an entry file that was edited, appeared or went (then `loaded` may be half
/// updated, and the caller reads everything again), or reading the folder reported on it
/// (`reported`).
fn reread(
    root: &Path,
    loaded: &mut Loaded,
    changed: &[PathBuf],
    (languages, reported): (&[crate::lang::Lang], &Diagnostics),
) -> Option<bool> {
    let root = std::fs::canonicalize(root).ok()?;
    let mut added = false;
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
            (Some(known), Ok(text)) => known.text = Arc::new(Text::packed(&text)),
            (known, _) => {
                let read = !reported.iter().any(|d| d.path == relative)
                    && if std::fs::symlink_metadata(root.join(&relative)).is_err() {
                        load::remove_entry_file(&root, &relative, languages, loaded)
                    } else {
                        let came = known.is_none()
                            && load::add_entry_file(&root, &relative, languages, loaded);
                        added |= came;
                        came
                    };
                read.then_some(())?;
            }
        }
    }
    Some(added)
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
    // site.yaml is read before the content (its languages say which files are entries): one
    // saved, deleted or put back between the two compiles gives each another configuration.
    if reused.site.config != full.site.config || !read_as_on_disk(options, caches, reused) {
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
    // Without site.yaml the folder is mid-copy or gone, and whether `content/` itself was
    // there when each compile looked is no file's text: nothing to compare.
    if on_disk.config.is_none() {
        return false;
    }
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
                    p.lang,
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
