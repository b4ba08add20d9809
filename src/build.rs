//! The `build` and `check` commands: load → parse → resolve → render → write, composed once so
//! `check` is exactly `build` without writing.

use crate::config::{Config, config_path, parse_config};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceLookup};
use crate::incremental::Caches;
use crate::lang::Lang;
use crate::load::{self, Loaded};
use crate::render::{self, RenderStats, Renderer};
use crate::resolve::{self, HeldBack, ResolveOptions, Site};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

mod parse;

pub(crate) use parse::ParsedFile;
pub use parse::parse_all;

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
    /// Pages per language, in the order site.yaml gives the languages.
    pub pages_per_lang: Vec<(Lang, usize)>,
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

/// Reads and checks the whole site. Problems go into `diagnostics`.
pub fn compile(options: &BuildOptions, diagnostics: &mut Diagnostics) -> Compiled {
    compile_reusing(options, None, diagnostics)
}

/// `compile`, reusing where they still hold the caches `serve` kept from its previous build,
/// given with the files it was told changed (`incremental`).
pub(crate) fn compile_reusing(
    options: &BuildOptions,
    reuse: Option<(&Caches, &[PathBuf])>,
    diagnostics: &mut Diagnostics,
) -> Compiled {
    let root = &options.root;
    let config = read_config(options, diagnostics);
    let trace = Trace::start();
    // `serve` shares what it read with its cache: no copy of 200,000 paths per edit.
    let loaded: Arc<Loaded> = match reuse {
        Some((caches, changed)) => caches.load(root, &config.languages, changed, diagnostics),
        None => Arc::new(load::load(root, &config.languages, diagnostics)),
    };
    trace.phase("load");
    let renderer = match reuse {
        Some((caches, changed)) => caches.theme(root, &config, changed, diagnostics),
        None => compile_theme(root, &config, diagnostics).0,
    };
    trace.phase("theme");
    let caches = reuse.map(|(caches, _)| caches);
    let files = loaded.entry_files();
    let entries = parse_all(&config, &loaded, caches, diagnostics);
    let assets = loaded.assets.clone();
    drop(loaded);
    trace.phase("parse");
    // Header notes are read from the cache beside the site even when `build` does not trust it
    // (a cache in git): a note matches only the very file it was written for on this machine
    // (`image_cache::file_note`), so one from a commit never does.
    let checked = caches.map(|c| &c.documents);
    let image_cache = crate::image_cache::cache_dir(root);
    let images = inspect_assets(&assets, (&image_cache, checked), diagnostics);
    let input = resolve::ResolveInput {
        entries,
        assets,
        files,
        images,
        markdown_cache: caches.map(|c| &c.markdown),
        placement: caches.map(|c| &c.placement),
        checks: caches.map(|c| &c.checks),
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

/// site.yaml, read and checked, with `--base-url` over its own; when it cannot be read, the
/// problem and the configuration of an empty file.
fn read_config(options: &BuildOptions, diagnostics: &mut Diagnostics) -> Config {
    let root = &options.root;
    let config_text = load::read_config_text(root);
    let mut config = match config_text {
        Ok(text) => parse_config(&text, &config_path(), diagnostics),
        Err(mut d) => {
            if !root.join(config_path()).exists() {
                d = Diagnostic::error(config_path(), 0, 0, crate::tr!("build-no-site-yaml"))
                    .with_hint(crate::tr!("build-no-site-yaml-hint"));
            }
            diagnostics.push(d);
            let mut config = parse_config("", &config_path(), &mut Diagnostics::new());
            config.broken = true;
            config
        }
    };
    if let Some(url) = &options.base_url {
        config.set_base_url(url);
    }
    config
}

/// Loads and compiles the theme for the site's languages; with it, whether that reported
/// nothing (only such a theme is kept by `serve`).
pub(crate) fn compile_theme(
    root: &Path,
    config: &Config,
    diagnostics: &mut Diagnostics,
) -> (Option<Arc<Renderer>>, bool) {
    let mut found = Diagnostics::new();
    let theme = crate::theme::load_theme(root, &config.languages, &mut found);
    let renderer = render::prepare(theme, &mut found).map(Arc::new);
    let clean = found.is_empty();
    diagnostics.extend(found);
    (renderer, clean)
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

/// How `build` and `serve` render: images processed with the cache `ImageCache::open` chose.
pub fn render_options(image_cache: &Path) -> render::RenderOptions<'static> {
    render::RenderOptions {
        image_cache: Some(image_cache.to_path_buf()),
        cache: None,
        only: None,
        counters: None,
        before_later: None,
    }
}

/// Reads the header of every raster image and checks every SVG, in parallel.
fn inspect_assets(
    assets: &[load::Asset],
    (image_cache, checked): (&Path, Option<&crate::incremental::CheckedDocuments>),
    diagnostics: &mut Diagnostics,
) -> crate::images::Headers {
    let inspected: Vec<AssetInspection> = assets
        .par_iter()
        .map(|asset| inspect_asset(asset, image_cache, checked))
        .collect();
    let mut headers = crate::images::Headers::new();
    for (asset, inspection) in assets.iter().zip(inspected) {
        match inspection {
            AssetInspection::Raster(info) => {
                // Said at the file too: a photo no page shows yet would otherwise be left out
                // without a word (where one is shown, that is an error as well).
                if let Err(unusable) = &info {
                    let message = crate::tr!("build-image-left-out", problem = &unusable.problem);
                    let hint = (unusable.hint.clone())
                        .unwrap_or_else(|| crate::tr!("resolve-image-unusable-hint"));
                    diagnostics
                        .push(Diagnostic::warning(&asset.path, 0, 0, message).with_hint(hint));
                }
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

/// The bytes of an SVG file, or its size when it is over `svg::MAX_BYTES` (read no further).
fn read_svg(path: &Path) -> std::io::Result<Result<Vec<u8>, u64>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(crate::svg::MAX_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > crate::svg::MAX_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Ok(Err(size));
    }
    Ok(Ok(bytes))
}

/// A document (PDF, office file, CSV) is published only when its first bytes are what its name
/// says and it carries nothing a reader's program would run (`documents`).
fn inspect_document(asset: &load::Asset) -> Vec<Diagnostic> {
    let bytes = match std::fs::read(&asset.absolute) {
        Ok(bytes) => bytes,
        Err(e) => {
            let problem = crate::tr!("load-cannot-read-file", error = crate::i18n::io_error(&e));
            return vec![Diagnostic::error(&asset.path, 0, 0, problem)];
        }
    };
    let head = &bytes[..bytes.len().min(1024)];
    if load::document_signature_fits(&asset.relative, head) == Some(false) {
        let problem = crate::tr!("build-document-not-what-it-says", name = &asset.relative);
        return vec![
            Diagnostic::error(&asset.path, 0, 0, problem)
                .with_hint(crate::tr!("build-document-not-what-it-says-hint")),
        ];
    }
    let found = crate::documents::problem(&asset.relative, &bytes);
    (found.into_iter())
        .map(|found| {
            Diagnostic::error(&asset.path, found.line, found.col, found.message)
                .with_hint(found.hint)
        })
        .collect()
}

enum AssetInspection {
    Raster(Result<crate::images::ImageInfo, crate::images::Unusable>),
    Problems(Vec<Diagnostic>),
    Fine,
}

fn inspect_asset(
    asset: &load::Asset,
    image_cache: &Path,
    checked: Option<&crate::incremental::CheckedDocuments>,
) -> AssetInspection {
    if crate::images::is_raster(&asset.relative) {
        let info = crate::images::inspect_file_cached(&asset.absolute, image_cache);
        return AssetInspection::Raster(info);
    }
    if !asset.relative.to_ascii_lowercase().ends_with(".svg") {
        // `serve` reads a document again only when it changed: a site's reports are read in
        // full, and would be on every edit.
        let Some(checked) = checked else {
            return AssetInspection::Problems(inspect_document(asset));
        };
        return AssetInspection::Problems(
            checked.get_or_check(&asset.absolute, || inspect_document(asset)),
        );
    }
    match read_svg(&asset.absolute) {
        Ok(Err(size)) => AssetInspection::Problems(vec![
            Diagnostic::error(
                &asset.path,
                0,
                0,
                crate::tr!(
                    "svg-too-large",
                    size = crate::i18n::megabytes(size),
                    limit = crate::i18n::megabytes(crate::svg::MAX_BYTES)
                ),
            )
            .with_hint(crate::tr!("svg-too-large-hint")),
        ]),
        Ok(Ok(bytes)) => {
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
            crate::tr!("load-cannot-read-file", error = crate::i18n::io_error(&e)),
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
    let (image_cache, staging) = match prepare_output(options, image_cache) {
        Ok(prepared) => prepared,
        Err(reason) => {
            report.io_error = Some(reason);
            report.diagnostics = diagnostics;
            return report;
        }
    };
    let counters = std::sync::Arc::new(crate::images::Counters::default());
    let mut options_for_render = render_options(image_cache.dir());
    options_for_render.counters = Some(counters.clone());
    let progress = crate::progress::Reporter::start(counters, options.progress);
    report.stats = render_into(
        &staging,
        &compiled.site,
        renderer,
        &options_for_render,
        &mut diagnostics,
    );
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
    } else {
        crate::write::remember(&options.root, &options.output);
        // Only after a whole good build has every photo it publishes marked its entry as used.
        crate::image_cache::prune(image_cache.dir());
    }
    report.diagnostics = diagnostics;
    report.elapsed = started.elapsed();
    free_beside(compiled);
    report
}

/// The image cache and a staging folder beside the output to render into, or why the output
/// cannot be written.
fn prepare_output(
    options: &BuildOptions,
    image_cache: Result<crate::image_cache::ImageCache, String>,
) -> Result<(crate::image_cache::ImageCache, crate::write::Staging), String> {
    let image_cache = image_cache?;
    if let Some(reason) = output_in_the_way(&options.root, &options.output) {
        return Err(reason);
    }
    let staging = crate::write::stage(&options.output).map_err(|error| {
        crate::tr!(
            "build-cannot-stage",
            output = options.output.display(),
            error = error.to_string()
        )
    })?;
    Ok((image_cache, staging))
}

/// Renders the site into the staging folder. A third thread makes the entry pages' folders
/// while the pages render: at 10,000 entries per language the 20,000 `mkdir`s cost about as
/// much as writing the pages, and two renderers making folders in one parent folder wait on
/// each other's lock. (10k build: 1.79 s → 1.62 s, medians of 6 interleaved.) List pages still
/// make their own folders.
fn render_into(
    staging: &crate::write::Staging,
    site: &Site,
    renderer: &Renderer,
    options: &render::RenderOptions,
    diagnostics: &mut Diagnostics,
) -> RenderStats {
    std::thread::scope(|scope| {
        scope.spawn(|| staging.make_folders(site.pages.iter().map(|p| render::html_path(&p.url))));
        render::render_site(
            site,
            renderer,
            options,
            &|path, content| staging.write(path, &content),
            diagnostics,
        )
    })
}

/// Frees `value` on a thread of its own. A site of 20,000 pages takes a tenth of a second to
/// free, one allocation at a time; the command is done by then, and the process may end first.
pub(crate) fn free_beside<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// Why `output` must not be written to, if it must not: a build leaves exactly the site in its
/// output folder, so an output that holds the site's own folder, or lies in `content/` or
/// `themes/`, or holds files wdhs did not write (`write::may_replace`), would lose work.
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
    if root.starts_with(&output) || sources.iter().any(|s| output.starts_with(s)) {
        return Some(crate::tr!(
            "build-output-in-the-way",
            output = output.display()
        ));
    }
    (!crate::write::may_replace(&root, &output))
        .then(|| crate::tr!("build-output-not-ours", output = output.display()))
}

/// `wdhs check`: everything `build` does, without writing; with `external` every link to
/// another website asked too (`external.rs`).
pub fn check(options: &BuildOptions, external: bool) -> Report {
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
                before_later: None,
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
        .filter(|p| p.lang != source_lang)
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

pub fn pages_per_lang(site: &Site) -> Vec<(Lang, usize)> {
    (site.config.languages.iter())
        .map(|l| (*l, site.pages.iter().filter(|p| p.lang == *l).count()))
        .collect()
}

/// The text of every file a diagnostic names, read again from disk for excerpts.
pub struct DiskSources {
    texts: BTreeMap<PathBuf, String>,
}

impl DiskSources {
    pub fn for_diagnostics(root: &Path, diagnostics: &Diagnostics) -> Self {
        let mut texts = BTreeMap::new();
        for d in diagnostics.listed() {
            // Read leniently: a file that is not UTF-8 still gets its excerpt.
            if d.line > 0
                && !texts.contains_key(&d.path)
                && let Some(text) = load::read_for_excerpt(root, &d.path)
            {
                texts.insert(d.path.clone(), text);
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
