//! `render_site`: runs the plan's jobs in parallel, turns each into its output files, claims
//! their paths (no two outputs at one path) and streams them to the sink.

use super::cache::RenderCache;
use super::claims::Claimed;
use super::plan::{Job, plan};
use super::templates::Renderer;
use super::{RenderContext, html_path};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::incremental::Partial;
use crate::incremental::dependencies::{self, Recorded};
use crate::model::Kind;
use crate::resolve::{Site, lang_prefix, section_url};
use crate::write::Content;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Receives each output file: its path below the output root and its bytes.
pub type Sink<'a> = dyn Fn(&str, Content) -> std::io::Result<()> + Sync + 'a;

/// What was produced, for the build summary.
#[derive(Debug, Default)]
pub struct RenderStats {
    pub pages: usize,
    pub assets: usize,
    /// Images decoded and encoded in this build, and images taken from the cache.
    pub images_processed: usize,
    pub images_cached: usize,
    /// What each output made read of the site (`serve`, with `RenderOptions::cache`).
    pub recorded: Option<Recorded>,
}

/// Called by a partial render of `serve` once the outputs that cannot wait are made, with the
/// paths of those that can (`Job::can_wait`) and are still to make: `serve` writes what it
/// has and reloads the tabs while they are made.
pub type BeforeLater<'a> = dyn Fn(&[String]) + Sync + 'a;

/// Where rendering may keep work between builds.
pub struct RenderOptions<'a> {
    /// The image cache folder (see `images::cache_dir`); `None` skips processing images
    /// altogether (`check`, which writes nothing and only needs their headers).
    pub image_cache: Option<PathBuf>,
    /// Search-index records kept between the builds of `serve`.
    pub cache: Option<std::sync::Arc<RenderCache>>,
    /// Render only the files whose reads read something that changed (`serve`); `None`
    /// renders everything.
    pub only: Option<Partial>,
    /// Counts the images as they are done, for the progress `build` and `serve` show while
    /// rendering (`progress.rs`); fresh for each render. `None`: counted privately.
    pub counters: Option<std::sync::Arc<crate::images::Counters>>,
    /// See `BeforeLater`; only with `only`.
    pub before_later: Option<&'a BeforeLater<'a>>,
}

/// Renders every output file of the site into `sink`, in parallel.
pub fn render_site(
    site: &Site,
    renderer: &Renderer,
    options: &RenderOptions,
    sink: &Sink<'_>,
    diagnostics: &mut Diagnostics,
) -> RenderStats {
    let private = crate::images::Counters::default();
    let counters = options.counters.as_deref().unwrap_or(&private);
    let context = RenderContext::new(site, renderer, options, counters);
    let (jobs, planned) = plan(&context);
    counters.set_total(
        (jobs.iter())
            .filter(|job| matches!(job, Job::Asset(i) if context.processes_image(*i)))
            .count(),
    );
    let pages = AtomicUsize::new(0);
    let claimed = Claimed::default();
    let recorded: std::sync::Mutex<Vec<_>> = Default::default();
    let run = |jobs: &[Job]| -> Vec<Diagnostic> {
        (jobs.par_iter())
            .flat_map_iter(|job| {
                if options.cache.is_none() {
                    return context.send_outputs(job, sink, &claimed, &pages);
                }
                let (found, reads) =
                    dependencies::record(|| context.send_outputs(job, sink, &claimed, &pages));
                if let Some(key) = job.key(site)
                    && let Some(path) = context.output_path(job)
                    && let Ok(mut recorded) = recorded.lock()
                {
                    recorded.push((key, path, reads));
                }
                found
            })
            .collect()
    };
    let (now, later) = split_later(&context, &jobs, options);
    let mut found = run(&now);
    if !found
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error)
    {
        tell_before_later(&context, &later, options);
    }
    found.extend(run(&later));
    for d in found {
        diagnostics.push(d);
    }
    // Only a whole render knows every file: an incremental one leaves most unwritten.
    if options.only.is_none() {
        check_written(site, &claimed, diagnostics);
    }
    if let Some(cache) = options.cache.as_deref() {
        let changed = options.only.as_ref().map(|partial| &partial.changed);
        cache.keep_cards(
            site,
            (context.kept_cards, changed),
            context.initiative_cards,
        );
    }
    let (images_processed, images_cached) = counters.get();
    RenderStats {
        pages: pages.into_inner(),
        assets: site.assets.len(),
        images_processed,
        images_cached,
        recorded: planned.map(|planned| Recorded {
            outputs: recorded.into_inner().unwrap_or_default(),
            still_there: planned.still_there,
            lists: planned.lists,
            planned: planned.keys,
        }),
    }
}

/// Tells `serve` (`RenderOptions::before_later`) which outputs are still to be made, when
/// any are.
fn tell_before_later(context: &RenderContext<'_>, later: &[Job], options: &RenderOptions) {
    if let Some(before_later) = options.before_later
        && !later.is_empty()
    {
        let paths: Vec<String> = (later.iter())
            .filter_map(|job| context.output_path(job))
            .collect();
        before_later(&paths);
    }
}

/// What only the files of a whole render show: paths that clash as folders or are too long,
/// and internal links to a file no output wrote.
fn check_written(site: &Site, claimed: &Claimed, diagnostics: &mut Diagnostics) {
    claimed.with_files(|files| {
        let clashes = super::claims::folder_clashes(files);
        for clash in clashes.into_iter().chain(super::claims::too_long(files)) {
            diagnostics.push(clash);
        }
        let written = |lower: &str| files.get(lower).map(|claim| claim.path.clone());
        crate::site_links::check(site, &written, diagnostics);
    });
}

/// The jobs to run first, and those that can wait (`Job::can_wait`) when a partial render of
/// `serve` may write before they are made (`RenderOptions::before_later`), unless a tab shows
/// one. (Every job is run first otherwise: not copied.)
fn split_later<'j>(
    context: &RenderContext<'_>,
    jobs: &'j [Job],
    options: &RenderOptions,
) -> (std::borrow::Cow<'j, [Job]>, Vec<Job>) {
    let viewed = match (&options.only, options.before_later) {
        (Some(partial), Some(_)) => &partial.viewed,
        _ => return (std::borrow::Cow::Borrowed(jobs), Vec::new()),
    };
    let (now, later) = (jobs.iter().cloned()).partition(|job| {
        !job.can_wait()
            || context
                .output_path(job)
                .is_some_and(|p| viewed.contains(&p))
    });
    (std::borrow::Cow::Owned(now), later)
}

impl<'a> RenderContext<'a> {
    /// Whether asset `i` is an image this render processes (or takes from the cache): a raster
    /// image whose header could be read, when there is a cache (not in `check`).
    fn processes_image(&self, i: usize) -> bool {
        let source = &self.site.assets[i].source;
        self.image_cache.is_some()
            && crate::images::is_raster(&source.relative)
            && (self.site.images).contains_key(&(source.kind, source.relative.clone()))
    }

    /// Where the one output of a job that reads the site is written; `None` for the theme's
    /// and the site's files and robots.txt, which read only settings and files.
    pub(super) fn output_path(&self, job: &Job) -> Option<String> {
        let site = self.site;
        let prefix = |lang: &crate::lang::Lang| lang_prefix(&site.config, *lang);
        Some(match job {
            Job::Entry(i) => html_path(&site.pages.get(*i)?.url),
            Job::Calendar(i) => crate::calendar::path(&site.pages.get(*i)?.url),
            Job::Alias(i, n) => site.pages.get(*i)?.entry.aliases.get(*n)?.value.clone(),
            Job::Home(lang) => html_path(&prefix(lang)),
            Job::SectionIndex(..) | Job::InitiativeFilter(..) => html_path(&job.list_path(self)?),
            Job::Search(lang) => html_path(&self.search_url(*lang)),
            Job::SearchIndex(lang) => format!("{}index.json", self.search_url(*lang)),
            Job::NotFound(lang) => format!("{}404.html", prefix(lang)),
            Job::Feed(lang) => format!("{}atom.xml", section_url(&site.config, Kind::Press, *lang)),
            Job::Sitemap => "sitemap.xml".to_string(),
            Job::SitemapPart(n) => crate::feed::sitemap_part_path(*n),
            Job::Robots | Job::Asset(_) | Job::ThemeFile(_) | Job::Css | Job::Js => return None,
        })
    }

    fn run(&self, job: &Job) -> Result<Vec<(String, Content)>, Diagnostic> {
        let site = self.site;
        let one = |bytes: String| {
            let path = self.output_path(job).unwrap_or_default();
            Ok(vec![(path, Content::Bytes(bytes.into_bytes()))])
        };
        let file = |path: &str, text: &str| {
            Ok(vec![(
                path.to_string(),
                Content::Bytes(text.as_bytes().to_vec()),
            )])
        };
        match job {
            Job::Entry(i) => one(self.entry_page(*i)?),
            Job::Alias(i, _) => one(self.alias_page(*i)?),
            Job::Home(lang) => one(self.home(*lang)?),
            Job::SectionIndex(kind, lang, n) => one(self.section_index(*kind, *lang, *n)?),
            Job::InitiativeFilter(lang, filter, n) => {
                one(self.initiatives(*lang, Some(filter), *n)?)
            }
            Job::Search(lang) => one(self.search(*lang)?),
            Job::SearchIndex(lang) => {
                let path = self.output_path(job).unwrap_or_default();
                let index =
                    crate::search_index::build(site, *lang, &self.base_path, self.search_indexes);
                Ok(vec![(path, Content::Shared(index))])
            }
            Job::NotFound(lang) => one(self.not_found(*lang)?),
            Job::Feed(lang) => one(crate::feed::atom(
                site,
                *lang,
                &self.text(*lang).get("press_feed_title"),
            )),
            Job::Sitemap => one(self.sitemap()),
            Job::SitemapPart(n) => one(self.sitemap_part(*n)),
            Job::Robots => file("robots.txt", &self.robots_txt()),
            Job::Calendar(i) => {
                let page = site.page_at(*i).ok_or_else(|| {
                    Diagnostic::error("", 0, 0, crate::tr!("render-internal-no-page"))
                })?;
                one(crate::calendar::festival_ics(site, page))
            }
            Job::Asset(i) => self.asset_outputs(*i),
            Job::ThemeFile(i) => {
                let (name, bytes) = &self.renderer.static_files[*i];
                let path = match name.strip_prefix(crate::theme::ROOT_STATIC) {
                    Some(at_root) => at_root.to_string(),
                    None => format!("assets/{name}"),
                };
                Ok(vec![(path, Content::Bytes(bytes.clone()))])
            }
            Job::Css => file(&self.renderer.css_name, &self.renderer.css),
            Job::Js => file(&self.renderer.js_name, &self.renderer.js),
        }
    }

    /// Runs `job` and sends its outputs to `sink`, each at a path no other output claimed;
    /// counts the pages among them. The problems found on the way.
    fn send_outputs(
        &self,
        job: &Job,
        sink: &Sink<'_>,
        claimed: &Claimed,
        pages: &AtomicUsize,
    ) -> Vec<Diagnostic> {
        let outputs = match self.run(job) {
            Ok(outputs) => outputs,
            Err(diagnostic) => return vec![diagnostic],
        };
        let mut problems = Vec::new();
        for (path, content) in outputs {
            if path.ends_with(".html") {
                pages.fetch_add(1, Ordering::Relaxed);
            }
            if let Some(clash) = claimed.claim(&path, self.site, job) {
                problems.push(clash);
                continue;
            }
            if let Err(error) = sink(&path, content) {
                problems.push(Diagnostic::error(
                    PathBuf::from(&path),
                    0,
                    0,
                    crate::tr!("render-cannot-write", error = crate::i18n::io_error(&error)),
                ));
            }
        }
        problems
    }

    /// The files of asset `i`: a copy of it, or the variants of a raster image (none for an
    /// image whose header could not be read).
    fn asset_outputs(&self, i: usize) -> Result<Vec<(String, Content)>, Diagnostic> {
        let site = self.site;
        let asset = &site.assets[i];
        let read_error = |e: std::io::Error| {
            Diagnostic::error(
                &asset.source.path,
                0,
                0,
                crate::tr!("load-cannot-read-file", error = crate::i18n::io_error(&e)),
            )
        };
        let key = (asset.source.kind, asset.source.relative.clone());
        if !crate::images::is_raster(&asset.source.relative) {
            let bytes = std::fs::read(&asset.source.absolute).map_err(read_error)?;
            return Ok(vec![(asset.url.clone(), Content::Bytes(bytes))]);
        }
        // Unreadable images are reported where they are used; never publish one with
        // its metadata. (`processes_image` says the same, for the progress's total.)
        let Some(info) = site.images.get(&key) else {
            return Ok(Vec::new());
        };
        // `check` makes no image, but claims the files `build` would make.
        let Some(cache) = self.image_cache else {
            let paths = crate::images::output_paths(&asset.url, info);
            return Ok((paths.into_iter())
                .map(|path| (path, Content::Bytes(Vec::new())))
                .collect());
        };
        crate::images::remember_header(&asset.source.absolute, cache, info);
        let outputs = crate::images::process(
            &asset.url,
            &asset.source.absolute,
            info,
            site.keep_metadata.contains(&key),
            cache,
            self.counters,
        );
        self.counters.finished_one();
        let outputs = outputs.map_err(|message| {
            Diagnostic::error(
                &asset.source.path,
                0,
                0,
                crate::tr!("render-image-unpublishable", reason = message),
            )
            .with_hint(crate::tr!("render-image-unpublishable-hint"))
        })?;
        Ok(outputs)
    }

    fn robots_txt(&self) -> String {
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            self.absolute("sitemap.xml")
        )
    }
}
