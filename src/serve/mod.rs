//! `wdhs serve`: builds the site for the local address into a private folder, serves it over
//! HTTP on 127.0.0.1 (through `front`, which bounds clients and checks the Host), watches
//! `content/` and `themes/`, rebuilds on change and tells open browser tabs to reload
//! (Server-Sent Events). A failed build never stops the server: the last good site stays
//! served and the error is shown in every tab until it is fixed.

mod front;
mod preview;

use crate::build::{self, BuildOptions, DiskSources};
use crate::diagnostic::{self, Diagnostic, Diagnostics, Severity};
use crate::render;
use notify::RecursiveMode;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

pub const EVENTS_PATH: &str = "/__wdhs/events";
pub const SCRIPT_PATH: &str = "/__wdhs/live.js";
/// More open tabs than this are refused a live-reload stream (they still get pages).
const MAX_CLIENTS: usize = 64;
/// Requests longer than this are refused before any path handling.
const MAX_URL_BYTES: usize = 2048;
const LIVE_SCRIPT: &str = include_str!("live.js");

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: String,
    /// 0 lets the system choose a free port.
    pub port: u16,
    pub drafts: bool,
    pub open: bool,
    pub poll: bool,
    /// `--quiet`: no progress, and no line for a good build (problems are still printed).
    pub quiet: bool,
}

/// Outputs this large are kept in memory and served from there instead of the folder: the
/// search indexes and the sitemap of a large site change with most edits, and writing tens of
/// megabytes to disk each time took longer than making them.
const HELD_IN_MEMORY_FROM: usize = 1024 * 1024;

/// What the server shows: the folder with the last good site, and the last build's problems.
struct Shared {
    output: PathBuf,
    /// Output path → bytes of the outputs held in memory: those of `held_from` bytes or more
    /// (`HELD_IN_MEMORY_FROM`, or `WDHS_SERVE_MEMORY_FROM`, which the tests set low).
    held: RwLock<HashMap<String, Arc<Vec<u8>>>>,
    held_from: usize,
    /// Errors of the last build; `None` when it succeeded.
    failure: RwLock<Option<FailureView>>,
    clients: Mutex<Vec<SyncSender<String>>>,
    /// What the front adds to every request it passes on (`front::TOKEN_HEADER`).
    token: front::Token,
}

#[derive(Clone, serde::Serialize)]
/// What the error box in the browser shows, every word in the editor's language.
struct FailureView {
    /// The language of the texts, for the box's `lang` (screen readers).
    lang: &'static str,
    title: String,
    hint_label: String,
    summary: String,
    problems: Vec<ProblemView>,
}

#[derive(Clone, serde::Serialize)]
struct ProblemView {
    location: String,
    severity: String,
    message: String,
    hint: String,
}

impl Shared {
    /// Sends an event to every open tab; a tab that is slow or gone is dropped, never waited for.
    fn broadcast(&self, event: &str, data: &str) {
        let message = format!(
            "event: {event}\ndata: {}\n\n",
            data.replace('\n', "\ndata: ")
        );
        let Ok(mut clients) = self.clients.lock() else {
            return;
        };
        clients.retain(|client| match client.try_send(message.clone()) {
            Ok(()) => true,
            Err(TrySendError::Full(_)) | Err(TrySendError::Disconnected(_)) => false,
        });
    }
}

/// Runs until Ctrl-C (or until it is asked to end: SIGTERM, SIGHUP). Returns an error message
/// for problems that stop it from starting.
pub fn serve(options: ServeOptions) -> Result<(), String> {
    let preview = preview::make_preview()
        .map_err(|e| crate::tr!("serve-no-preview-folder", error = e.to_string()))?;
    // From the start: a server asked to end while it builds still removes its preview.
    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    })
    .map_err(|e| crate::tr!("serve-no-ctrl-c", error = e.to_string()))?;
    let listener = front::listen(&options.bind, options.port)?;
    let address = (listener.local_addr())
        .map_err(|e| crate::tr!("serve-no-address", error = e.to_string()))?;
    let (server, internal) = internal_server()?;
    let shared = Arc::new(Shared {
        output: preview.site(),
        held: RwLock::new(HashMap::new()),
        held_from: std::env::var("WDHS_SERVE_MEMORY_FROM")
            .ok()
            .and_then(|bytes| bytes.parse().ok())
            .unwrap_or(HELD_IN_MEMORY_FROM),
        failure: RwLock::new(None),
        clients: Mutex::new(Vec::new()),
        token: front::Token::random(),
    });
    let url = format!("http://{address}/");
    let build_options = BuildOptions {
        root: options.root.clone(),
        output: shared.output.clone(),
        base_url: Some(url.clone()),
        drafts: options.drafts,
        today: build::today(),
        progress: !options.quiet,
    };
    // Watch before the first build, so no save is missed between the two.
    let (change_tx, change_rx) = mpsc::channel::<WatchEvent>();
    let _watcher = watch(&options, change_tx)?;
    let image_cache = crate::image_cache::ImageCache::open(&options.root)?;
    if !image_cache.warnings.is_empty() {
        let mut warnings = Diagnostics::new();
        for (message, hint) in &image_cache.warnings {
            warnings.push(
                Diagnostic::warning(".wdhs-cache", 0, 0, message.clone()).with_hint(hint.clone()),
            );
        }
        eprint!(
            "{}",
            diagnostic::format_text(
                &warnings,
                &DiskSources::for_diagnostics(&options.root, &warnings)
            )
        );
    }
    let mut session = Session {
        options: build_options,
        image_cache,
        written: HashMap::new(),
        caches: build::Caches::default(),
        frame: None,
        order: Arc::default(),
        urls: crate::resolve::PageUrls::new(),
        moved: Vec::new(),
        last_good: false,
        unwritten: Vec::new(),
    };
    // The first build of a site with many new photos takes seconds: never in silence.
    if !options.quiet {
        println!("{}", crate::tr!("serve-starting"));
        let _ = std::io::stdout().flush();
    }
    let first = session.rebuild(&shared, &[]);
    if !options.quiet || !session.last_good {
        println!("{first}");
    }
    announce(&options, address, internal);
    answer_requests(server, &shared);
    let front = front::Front::new(listener, address, internal, shared.token.clone());
    std::thread::spawn(move || front.run());
    if options.open {
        open_browser(&url);
    }
    let keepalive = Arc::clone(&shared);
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(15));
            // A comment line keeps proxies from closing idle streams and finds dead tabs.
            keepalive.broadcast("ping", "");
        }
    });
    run_loop(&mut session, &shared, &change_rx, &stop_rx, &options);
    println!("{}", crate::tr!("serve-stopped"));
    drop(preview);
    Ok(())
}

/// Prints where the preview is, and warns when other machines can reach it.
fn announce(options: &ServeOptions, address: SocketAddr, internal: SocketAddr) {
    if build::Trace::start().enabled() {
        println!("tiny_http answers on {internal}, behind the front");
    }
    println!(
        "{}",
        crate::tr!("serve-serving", url = format!("http://{address}/"))
    );
    if options.port != 0 && address.port() != options.port {
        println!(
            "{}",
            crate::tr!(
                "serve-port-busy",
                wanted = options.port,
                used = address.port()
            )
        );
    }
    if let Some(warning) = front::exposure_warning(address, options.drafts) {
        eprintln!("{warning}");
    }
    let _ = std::io::stdout().flush();
}

fn run_loop(
    session: &mut Session,
    shared: &Arc<Shared>,
    changes: &Receiver<WatchEvent>,
    stop: &Receiver<()>,
    options: &ServeOptions,
) {
    let root = &options.root;
    loop {
        if stop.try_recv().is_ok() {
            return;
        }
        match changes.recv_timeout(Duration::from_millis(100)) {
            Ok(event) => {
                let mut paths = changed_paths(event);
                if paths.is_empty() {
                    continue;
                }
                paths.extend(settle(changes, SETTLE));
                paths.sort();
                paths.dedup();
                let shown: Vec<String> = paths
                    .iter()
                    .take(3)
                    .map(|p| diagnostic::display_path(p.strip_prefix(root).unwrap_or(p)))
                    .collect();
                if !options.quiet {
                    println!(
                        "{}",
                        crate::tr!(
                            "serve-changed",
                            files = shown.join(", "),
                            more = paths.len().saturating_sub(3)
                        )
                    );
                }
                let line = session.rebuild(shared, &paths);
                if !options.quiet || !session.last_good {
                    println!("{line}");
                }
                let _ = std::io::stdout().flush();
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// How long the watched folders must be quiet after a change before the rebuild starts, and
/// the longest a rebuild waits for that.
#[derive(Debug, Clone, Copy)]
struct Settle {
    quiet: Duration,
    at_most: Duration,
}

/// An editor's save comes as a few events within a millisecond or two (a write, or a temporary
/// file renamed over the original, or the original renamed to a backup first): 4 ms of quiet
/// groups them into one rebuild while keeping edit → reload short (scripts/bench-serve.sh). A
/// change that never ends (a tool writing file after file) still rebuilds every 250 ms.
const SETTLE: Settle = Settle {
    quiet: Duration::from_millis(4),
    at_most: Duration::from_millis(250),
};

/// The changed paths of the events that follow a first change until the folders are quiet.
fn settle(changes: &Receiver<WatchEvent>, settle: Settle) -> Vec<PathBuf> {
    let started = Instant::now();
    let mut last_change = started;
    let mut paths = Vec::new();
    loop {
        let left = (settle.at_most.saturating_sub(started.elapsed()))
            .min(settle.quiet.saturating_sub(last_change.elapsed()));
        if left.is_zero() {
            return paths;
        }
        match changes.recv_timeout(left) {
            Ok(event) => {
                let more = changed_paths(event);
                // Only a change keeps the wait going: reading files (the build's own) does not.
                if !more.is_empty() {
                    paths.extend(more);
                    last_change = Instant::now();
                }
            }
            Err(_) => return paths,
        }
    }
}

/// The entries behind changed paths, when every path is an entry's Markdown or shared-fields
/// file; `None` (render everything) for anything else: site.yaml, the theme, images, files.
fn entry_changes(root: &Path, paths: &[PathBuf]) -> Option<render::Changes> {
    let content = root.join("content");
    let content = std::fs::canonicalize(&content).unwrap_or(content);
    let mut changes = render::Changes::default();
    if paths.is_empty() {
        return None;
    }
    for path in paths {
        let path = path
            .parent()
            .and_then(|p| std::fs::canonicalize(p).ok())
            .map_or_else(
                || path.clone(),
                |p| p.join(path.file_name().unwrap_or_default()),
            );
        let relative = path.strip_prefix(&content).ok()?;
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let (kind, name) = match parts.as_slice() {
            [name] if name.starts_with("home.") && name.ends_with(".md") => {
                (crate::model::Kind::Home, name.clone())
            }
            [folder, name] => (crate::model::Kind::from_folder(folder)?, name.clone()),
            _ => return None,
        };
        let stem = if let Some(stem) = name.strip_suffix(".yaml") {
            // Shared fields: every language's page.
            changes.langs.extend(crate::lang::SUPPORTED);
            stem.to_string()
        } else {
            let (stem, lang) = name.strip_suffix(".md")?.rsplit_once('.')?;
            changes.langs.insert(crate::lang::Lang::parse(lang)?);
            stem.to_string()
        };
        changes.keys.insert(format!("{}/{stem}", kind.folder()));
        changes.kinds.insert(kind);
    }
    Some(changes)
}

/// The files an event changed; a watch error is printed. Reading a file is no change: the build
/// itself reads every file, and counting that would rebuild forever.
fn changed_paths(event: WatchEvent) -> Vec<PathBuf> {
    match event {
        Ok(event) => {
            if matches!(
                event.kind,
                notify::EventKind::Access(_) | notify::EventKind::Other
            ) {
                return Vec::new();
            }
            event.paths.into_iter().filter(|p| is_relevant(p)).collect()
        }
        Err(error) => {
            eprintln!(
                "{}",
                crate::tr!("serve-watch-error", error = error.to_string())
            );
            Vec::new()
        }
    }
}

/// Editor swap and backup files never trigger a rebuild.
fn is_relevant(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| !crate::load::is_ignored_name(&name.to_string_lossy()))
}

/// Files whose bytes changed since the last build (path, bytes, hash), and every path produced.
type RenderedOutputs = (Vec<(String, Vec<u8>, u64)>, HashSet<String>);

struct Session {
    options: BuildOptions,
    /// Checked once for the session (`ImageCache::open`), its warnings printed at the start.
    image_cache: crate::image_cache::ImageCache,
    caches: build::Caches,
    /// `Site::frame` of the last good build.
    frame: Option<u64>,
    /// The order of its lists, to render only the list pages an edit reorders.
    order: Arc<render::ListOrder>,
    /// The address of every page at the last build, and the pages that moved since the last
    /// good one (key, address before), to render only what shows or links to them.
    urls: crate::resolve::PageUrls,
    moved: Vec<crate::resolve::MovedPage>,
    /// Whether the last build was good: then the site kept for the next patch is the one
    /// `urls` was made from.
    last_good: bool,
    /// Files changed since the last good build: what failed builds did not write.
    unwritten: Vec<PathBuf>,
    /// Output path → hash of what was written last, so unchanged files are not touched.
    written: HashMap<String, u64>,
}

impl Session {
    /// Builds the site into the served folder, writing only what changed; on errors keeps the
    /// last good site and pushes the errors to every tab. Returns the line to print.
    fn rebuild(&mut self, shared: &Shared, changed_paths: &[PathBuf]) -> String {
        let started = Instant::now();
        let mut diagnostics = Diagnostics::new();
        let compiled = build::compile_with(
            &self.options,
            Some(&self.caches),
            Some(changed_paths),
            &mut diagnostics,
        );
        self.unwritten.extend_from_slice(changed_paths);
        let line = self.render(shared, &compiled, diagnostics, started);
        // The next edit of a Markdown body patches this site instead of resolving a new one.
        self.caches.keep_site(compiled.site);
        line
    }

    /// The rendering half of `rebuild`.
    fn render(
        &mut self,
        shared: &Shared,
        compiled: &build::Compiled,
        mut diagnostics: Diagnostics,
        started: Instant,
    ) -> String {
        // Re-render only what depends on the entries edited, added, removed or moved to a new
        // address since the last good build, when no file or setting changed (the frame). Files
        // at the address an entry left go, unless something else took it.
        let mut left: Vec<String> = Vec::new();
        let mut left_urls: HashSet<&str> = HashSet::new();
        // Moves since the last good build: a failed one renders nothing.
        // A patch of the last good build says what moved; anything else is compared page by page.
        let moved = match &compiled.site.address_changes {
            Some(changes) if self.last_good => {
                crate::resolve::apply_address_changes(&mut self.urls, changes)
            }
            _ => crate::resolve::update_page_urls(&mut self.urls, &compiled.site.pages),
        };
        self.last_good = false;
        // Debug builds (the tests) check the table against every page.
        #[cfg(debug_assertions)]
        {
            let mut fresh = crate::resolve::PageUrls::new();
            crate::resolve::update_page_urls(&mut fresh, &compiled.site.pages);
            let kept: crate::resolve::PageUrls = (self.urls.iter())
                .filter(|(_, urls)| !urls.is_empty())
                .map(|(lang, urls)| (*lang, urls.clone()))
                .collect();
            assert_eq!(kept, fresh, "the addresses serve keeps");
        }
        self.moved.extend(moved);
        let only = (self.frame == Some(compiled.site.frame))
            .then(|| entry_changes(&self.options.root, &self.unwritten))
            .flatten()
            .map(|mut changes| {
                // An entry at a new address, or one that appeared or went, changes every page
                // that shows it (like a new title), and the pages whose text links to it (their
                // Markdown was rendered again for it).
                for crate::resolve::MovedPage { key, lang, before } in &self.moved {
                    let folder = key.split_once('/').map_or("", |(folder, _)| folder);
                    if let Some(kind) = crate::model::Kind::from_folder(folder) {
                        changes.kinds.insert(kind);
                    }
                    changes.keys.insert(key.clone());
                    changes.langs.insert(*lang);
                    changes.addresses = true;
                    left.extend(before.iter().map(|url| render::html_path(url)));
                    left.extend(before.iter().map(|url| crate::calendar::path(url)));
                    left_urls.extend(before.iter().map(String::as_str));
                }
                for page in compiled.site.markdown_rendered_again() {
                    changes.keys.insert(page.key.clone());
                    changes.langs.insert(page.entry.lang);
                }
                render::Changes {
                    previous_order: self.order.clone(),
                    ..changes
                }
            });
        let Some(renderer) = compiled
            .renderer
            .as_ref()
            .filter(|_| !diagnostics.has_errors())
        else {
            return self.fail(shared, diagnostics, started);
        };
        let outputs: Mutex<RenderedOutputs> = Mutex::new((Vec::new(), HashSet::new()));
        let previous = &self.written;
        let partial = only.is_some();
        let mut render_options = build::render_options(self.image_cache.dir());
        render_options.only = only;
        render_options.cache = Some(self.caches.render.clone());
        let counters = Arc::new(crate::images::Counters::default());
        render_options.counters = Some(counters.clone());
        let progress = crate::progress::Reporter::start(counters, self.options.progress);
        let trace = build::Trace::start().enabled();
        if trace {
            println!("compiled in {} ms", started.elapsed().as_millis());
        }
        let stats = render::render_site(
            &compiled.site,
            renderer,
            &render_options,
            &|path, content| {
                if trace {
                    println!("rendered {path}");
                }
                // Taken, not copied: a large site's search index is megabytes.
                let bytes = content.into_bytes()?;
                let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
                let changed = previous.get(path) != Some(&hash);
                if let Ok(mut outputs) = outputs.lock() {
                    if changed {
                        outputs.0.push((path.to_string(), bytes, hash));
                    }
                    outputs.1.insert(path.to_string());
                }
                Ok(())
            },
            &mut diagnostics,
        );
        progress.finish();
        if diagnostics.has_errors() {
            return self.fail(shared, diagnostics, started);
        }
        if trace {
            println!("outputs made in {} ms", started.elapsed().as_millis());
        }
        // Only now, with a complete good build, is the served folder changed.
        let (changed, current) = outputs.into_inner().unwrap_or_default();
        // Taken, not copied (it names every output file); put back below whatever happens.
        let mut produced: HashMap<String, u64> = std::mem::take(&mut self.written);
        let css_only = !changed.is_empty() && changed.iter().all(|(p, _, _)| p.ends_with(".css"));
        let changed_count = changed.len();
        let (large, changed): (Vec<_>, Vec<_>) =
            (changed.into_iter()).partition(|(_, bytes, _)| bytes.len() >= shared.held_from);
        // Side by side: a new entry changes a few hundred files.
        let written: Vec<Result<(), std::io::Error>> = changed
            .par_iter()
            .map(|(path, bytes, _)| crate::write::write_file(&shared.output, path, bytes))
            .collect();
        let mut failed = Diagnostics::new();
        for ((path, _, hash), result) in changed.iter().zip(written) {
            match result {
                Ok(()) => {
                    produced.insert(path.clone(), *hash);
                }
                Err(error) => failed.push(Diagnostic::error(
                    PathBuf::from(path),
                    0,
                    0,
                    crate::tr!("serve-cannot-write", error = error.to_string()),
                )),
            }
        }
        if !failed.is_empty() {
            self.written = produced;
            return self.fail(shared, failed, started);
        }
        // Only with every file written do the outputs held in memory change too.
        if let Ok(mut held) = shared.held.write() {
            for (path, _, _) in &changed {
                held.remove(path);
            }
            for (path, bytes, hash) in large {
                // Served from memory from now on: a smaller version on disk would be stale.
                let _ = crate::write::remove_file(&shared.output, &path);
                held.insert(path.clone(), Arc::new(bytes));
                produced.insert(path, hash);
            }
        }
        if trace {
            println!("written in {} ms", started.elapsed().as_millis());
        }
        let order = render::list_order(&compiled.site, &self.caches.render);
        // A partial render produced only some paths: what can have gone stale is what was at
        // the address an entry left, and the pages of lists that got shorter or went.
        let stale: Vec<String> = if partial {
            left.extend(
                (self.order.paths.iter())
                    .filter(|p| !order.paths.contains(*p))
                    .cloned(),
            );
            left.sort_unstable();
            left.dedup();
            // An address an entry left may be another page's, which kept it: one entry took
            // another's address in a build that failed (a clash), then gave it back. That
            // page's file is as the last good build wrote it.
            let left_hashes: HashSet<u64> = (left_urls.iter())
                .map(|url| crate::resolve::folded_url_hash(url))
                .collect();
            let kept: HashSet<String> = (compiled.site.pages.iter())
                .filter(|page| {
                    !left_hashes.is_empty()
                        && left_hashes.contains(&page.url_hash())
                        && left_urls.contains(page.url.as_str())
                })
                .flat_map(|page| {
                    let calendar = matches!(page.entry.kind, crate::model::Kind::Festival)
                        .then(|| crate::calendar::path(&page.url));
                    std::iter::once(render::html_path(&page.url)).chain(calendar)
                })
                .collect();
            left.into_iter()
                .filter(|p| {
                    produced.contains_key(p) && !current.contains(p.as_str()) && !kept.contains(p)
                })
                .collect()
        } else {
            produced
                .keys()
                .filter(|p| !current.contains(p.as_str()))
                .cloned()
                .collect()
        };
        if let Ok(mut held) = shared.held.write() {
            for path in &stale {
                held.remove(path);
            }
        }
        for path in &stale {
            let _ = crate::write::remove_file(&shared.output, path);
            produced.remove(path);
        }
        self.written = produced;
        self.frame = Some(compiled.site.frame);
        self.order = Arc::new(order);
        self.moved.clear();
        self.unwritten.clear();
        self.last_good = true;
        let had_failure = shared
            .failure
            .write()
            .map(|mut f| f.take().is_some())
            .unwrap_or(false);
        let warnings = diagnostics.count(Severity::Warning);
        if warnings > 0 {
            eprint!(
                "{}",
                diagnostic::format_text(
                    &diagnostics,
                    &DiskSources::for_diagnostics(&self.options.root, &diagnostics)
                )
            );
        }
        if had_failure {
            shared.broadcast("fixed", "");
        }
        if css_only {
            shared.broadcast("css", "");
        } else if changed_count > 0 || !stale.is_empty() || had_failure {
            shared.broadcast("reload", "");
        }
        crate::tr!(
            "serve-rebuilt",
            ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            partial = if partial { "yes" } else { "no" },
            pages = stats.pages,
            changed = changed_count,
            removed = stale.len(),
            warnings = warnings
        )
    }

    fn fail(&self, shared: &Shared, diagnostics: Diagnostics, started: Instant) -> String {
        let sources = DiskSources::for_diagnostics(&self.options.root, &diagnostics);
        eprint!("{}", diagnostic::format_text(&diagnostics, &sources));
        let summary = diagnostic::summary(&diagnostics);
        let view = FailureView {
            lang: crate::i18n::current().code(),
            title: crate::tr!("serve-box-title", summary = &summary),
            hint_label: crate::tr!("hint-label"),
            summary,
            problems: diagnostics
                .sorted()
                .into_iter()
                .map(|d| ProblemView {
                    location: d.location(),
                    severity: d.severity.word(),
                    message: d.message.clone(),
                    hint: d.hint.clone().unwrap_or_default(),
                })
                .collect(),
        };
        let json = serde_json::to_string(&view).unwrap_or_else(|_| "{}".to_string());
        if let Ok(mut failure) = shared.failure.write() {
            *failure = Some(view);
        }
        shared.broadcast("failed", &json);
        crate::tr!(
            "serve-build-failed",
            ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            counts = diagnostic::summary(&diagnostics)
        )
    }
}

/// tiny_http on a free loopback port, reached only through the front (`front.rs`).
fn internal_server() -> Result<(tiny_http::Server, SocketAddr), String> {
    let mut last_error = String::new();
    for address in ["127.0.0.1:0", "[::1]:0"] {
        match tiny_http::Server::http(address) {
            Ok(server) => {
                if let Some(actual) = server.server_addr().to_ip() {
                    return Ok((server, actual));
                }
            }
            Err(error) => last_error = error.to_string(),
        }
    }
    Err(crate::tr!("serve-no-loopback", error = last_error))
}

/// Answers requests on as many threads as the front lets connections be open, so every request
/// it passes on has one: a client that reads slowly holds up only its own (the front closes it
/// after a while). Live-reload streams have threads of their own (`open_stream`).
fn answer_requests(server: tiny_http::Server, shared: &Arc<Shared>) {
    let server = Arc::new(server);
    for _ in 0..front::MAX_CONNECTIONS {
        let server = Arc::clone(&server);
        let shared = Arc::clone(shared);
        let worker = std::thread::Builder::new().spawn(move || {
            while let Ok(request) = server.recv() {
                handle(request, &shared);
            }
        });
        if worker.is_err() {
            break; // the system has no more threads to give: the workers there are will do
        }
    }
}

/// Whether a request came through the front: it carries this run's token.
fn came_through_front(request: &tiny_http::Request, token: &front::Token) -> bool {
    (request.headers().iter())
        .any(|h| h.field.equiv(front::TOKEN_HEADER) && token.matches(h.value.as_str()))
}

/// What the watcher sends for each change it sees, ungrouped (`settle` groups them).
type WatchEvent = notify::Result<notify::Event>;

fn watch(
    options: &ServeOptions,
    sender: mpsc::Sender<WatchEvent>,
) -> Result<Box<dyn std::any::Any>, String> {
    let roots: Vec<PathBuf> = ["content", "themes"]
        .iter()
        .map(|d| options.root.join(d))
        .filter(|p| p.is_dir())
        .collect();
    let explain = |error: notify::Error| -> String {
        if matches!(error.kind, notify::ErrorKind::MaxFilesWatch) {
            crate::tr!("serve-watch-limit")
        } else {
            crate::tr!("serve-cannot-watch", error = error.to_string())
        }
    };
    if options.poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(300));
        let mut watcher = notify::PollWatcher::new(sender, config).map_err(explain)?;
        watch_roots(&mut watcher, &roots).map_err(explain)?;
        Ok(Box::new(watcher))
    } else {
        let mut watcher = notify::recommended_watcher(sender).map_err(explain)?;
        watch_roots(&mut watcher, &roots).map_err(explain)?;
        Ok(Box::new(watcher))
    }
}

/// Folders, never single files: editors that save by rename replace the file's inode.
fn watch_roots(watcher: &mut dyn notify::Watcher, roots: &[PathBuf]) -> Result<(), notify::Error> {
    for root in roots {
        watcher.watch(root, RecursiveMode::Recursive)?;
    }
    Ok(())
}

fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(program)
        .arg(url)
        .spawn()
        .is_err()
    {
        println!("{}", crate::tr!("serve-no-browser", url = url));
    }
}

/// Why a request path is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum PathError {
    BadRequest,
    TooLong,
}

/// The request path as a relative file path inside the output folder, or why not. Decodes
/// percent escapes once and refuses anything that could name a file outside the folder.
pub fn safe_path(url: &str) -> Result<PathBuf, PathError> {
    if url.len() > MAX_URL_BYTES {
        return Err(PathError::TooLong);
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Err(PathError::BadRequest);
    }
    let mut relative = PathBuf::new();
    for raw in path.split('/').filter(|s| !s.is_empty()) {
        let segment = percent_decode(raw).ok_or(PathError::BadRequest)?;
        if segment == "."
            || segment == ".."
            || segment.contains(['/', '\\', '\0', ':'])
            || segment.starts_with('~')
        {
            return Err(PathError::BadRequest);
        }
        relative.push(segment);
    }
    Ok(relative)
}

fn percent_decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    // Only our own constant names and values reach here, never request bytes.
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|_| {
        tiny_http::Header::from_bytes(&b"X-Invalid"[..], &b"1"[..])
            .unwrap_or_else(|_| unreachable!())
    })
}

fn respond(request: tiny_http::Request, status: u16, content_type: &str, body: Vec<u8>) {
    let head = request.method() == &tiny_http::Method::Head;
    let length = body.len();
    let response = tiny_http::Response::new(
        tiny_http::StatusCode(status),
        vec![
            header("Content-Type", content_type),
            header("Cache-Control", "no-store"),
            header("X-Content-Type-Options", "nosniff"),
        ],
        std::io::Cursor::new(if head { Vec::new() } else { body }),
        Some(if head { 0 } else { length }),
        None,
    );
    let _ = request.respond(response);
}

fn handle(request: tiny_http::Request, shared: &Arc<Shared>) {
    if !came_through_front(&request, &shared.token) {
        return respond(
            request,
            403,
            "text/plain; charset=utf-8",
            b"Forbidden: open the address that wdhs serve printed\n".to_vec(),
        );
    }
    let method = request.method().clone();
    if method != tiny_http::Method::Get && method != tiny_http::Method::Head {
        return respond(
            request,
            405,
            "text/plain; charset=utf-8",
            b"Method not allowed\n".to_vec(),
        );
    }
    let url = request.url().to_string();
    if url.split('?').next() == Some(EVENTS_PATH) {
        return open_stream(request, shared);
    }
    if url.split('?').next() == Some(SCRIPT_PATH) {
        return respond(
            request,
            200,
            "text/javascript; charset=utf-8",
            LIVE_SCRIPT.as_bytes().to_vec(),
        );
    }
    let relative = match safe_path(&url) {
        Ok(relative) => relative,
        Err(PathError::TooLong) => {
            return respond(
                request,
                414,
                "text/plain; charset=utf-8",
                b"URI too long\n".to_vec(),
            );
        }
        Err(PathError::BadRequest) => {
            return respond(
                request,
                400,
                "text/plain; charset=utf-8",
                b"Bad request\n".to_vec(),
            );
        }
    };
    let folder_url = url.split('?').next().unwrap_or("").ends_with('/');
    // Held in memory: the file itself, or the page of a folder.
    let key: Vec<String> = (relative.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let page_key: Vec<&str> = key
        .iter()
        .map(String::as_str)
        .chain(["index.html"])
        .collect();
    let held = shared.held.read().ok().and_then(|held| {
        let file = held
            .get(&key.join("/"))
            .map(|b| (b.clone(), relative.clone()));
        file.or_else(|| {
            (held.get(&page_key.join("/"))).map(|b| (b.clone(), relative.join("index.html")))
        })
    });
    if let Some((bytes, path)) = held {
        if path != relative && !folder_url {
            return redirect_to_folder(request, &relative);
        }
        let kind = content_type(&path);
        let bytes = Arc::unwrap_or_clone(bytes);
        let body = if kind.starts_with("text/html") {
            inject_live_script(bytes)
        } else {
            bytes
        };
        return respond(request, 200, kind, body);
    }
    let mut file = shared.output.join(&relative);
    if file.is_dir() {
        if !folder_url {
            return redirect_to_folder(request, &relative);
        }
        file = file.join("index.html");
    }
    // Never follow a link out of the output folder.
    let inside = std::fs::canonicalize(&file)
        .ok()
        .zip(std::fs::canonicalize(&shared.output).ok())
        .is_some_and(|(f, root)| f.starts_with(root));
    match std::fs::read(&file) {
        Ok(bytes) if inside && file.is_file() => {
            let kind = content_type(&file);
            let body = if kind.starts_with("text/html") {
                inject_live_script(bytes)
            } else {
                bytes
            };
            respond(request, 200, kind, body)
        }
        _ => not_found(request, shared, &relative),
    }
}

/// Redirects to the folder URL; the Location is rebuilt from the checked path only.
fn redirect_to_folder(request: tiny_http::Request, relative: &Path) {
    let location: String = relative
        .components()
        .map(|c| format!("/{}", encode_segment(&c.as_os_str().to_string_lossy())))
        .collect::<String>()
        + "/";
    let response = tiny_http::Response::empty(tiny_http::StatusCode(301))
        .with_header(header("Location", &location));
    let _ = request.respond(response);
}

fn encode_segment(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The site's own 404 page, in the language of the requested path, with status 404.
fn not_found(request: tiny_http::Request, shared: &Arc<Shared>, relative: &Path) {
    let first = relative
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    let read = |path: &str| {
        let held = shared
            .held
            .read()
            .ok()
            .and_then(|held| held.get(path).cloned());
        held.map(Arc::unwrap_or_clone)
            .or_else(|| std::fs::read(shared.output.join(path)).ok())
    };
    let localized =
        crate::lang::Lang::parse(&first).and_then(|_| read(&format!("{first}/404.html")));
    let body = localized
        .or_else(|| read("404.html"))
        .map(inject_live_script)
        .unwrap_or_else(|| error_page(shared));
    respond(request, 404, "text/html; charset=utf-8", body)
}

/// Shown when there is no site yet because the first build failed.
fn error_page(shared: &Arc<Shared>) -> Vec<u8> {
    let _ = shared;
    let html = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><main><h1>{}</h1><p>{}</p></main></body></html>",
        crate::i18n::current().code(),
        crate::tr!("serve-no-site-title"),
        crate::tr!("serve-no-site-heading"),
        crate::tr!("serve-no-site-text")
    );
    inject_live_script(html.into_bytes())
}

/// Adds the live-reload script before `</body>`: only in served pages, never in `wdhs build`.
fn inject_live_script(mut html: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_PATH}\"></script>");
    let position = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    html.splice(position..position, tag.into_bytes());
    html
}

/// A Server-Sent Events stream for one tab, served by its own thread so a slow tab only slows
/// itself; it is dropped when its queue is full or the socket fails.
fn open_stream(request: tiny_http::Request, shared: &Arc<Shared>) {
    let Ok(mut clients) = shared.clients.lock() else {
        return;
    };
    if clients.len() >= MAX_CLIENTS {
        drop(clients);
        return respond(
            request,
            503,
            "text/plain; charset=utf-8",
            b"Too many live-reload connections\n".to_vec(),
        );
    }
    let (sender, receiver) = mpsc::sync_channel::<String>(16);
    clients.push(sender.clone());
    drop(clients);
    let initial = match shared.failure.read().ok().and_then(|f| f.clone()) {
        Some(failure) => format!(
            "event: failed\ndata: {}\n\n",
            serde_json::to_string(&failure).unwrap_or_default()
        ),
        None => "event: hello\ndata: \n\n".to_string(),
    };
    let _ = sender.try_send(initial);
    drop(sender);
    let mut writer = request.into_writer();
    std::thread::spawn(move || {
        if writer.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n").is_err() || writer.flush().is_err() {
            return;
        }
        while let Ok(message) = receiver.recv() {
            if writer.write_all(message.as_bytes()).is_err() || writer.flush().is_err() {
                return;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: notify::EventKind, paths: &[&str]) -> WatchEvent {
        Ok(paths.iter().fold(notify::Event::new(kind), |e, p| {
            e.add_path(PathBuf::from(p))
        }))
    }

    #[test]
    fn a_save_in_several_events_is_one_change_without_reads_or_swap_files() {
        use notify::event::{AccessKind, CreateKind, ModifyKind, RenameMode};
        let (sender, changes) = mpsc::channel();
        // vim: the original renamed to a backup, the new text written, the backup removed.
        for queued in [
            event(
                notify::EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["c/about.en.md", "c/about.en.md~"],
            ),
            event(
                notify::EventKind::Access(AccessKind::Read),
                &["c/home.nl.md"],
            ),
            event(
                notify::EventKind::Create(CreateKind::File),
                &["c/.about.en.md.swp"],
            ),
            Err(notify::Error::generic("a lost event")),
            event(
                notify::EventKind::Create(CreateKind::File),
                &["c/about.en.md"],
            ),
            event(
                notify::EventKind::Remove(notify::event::RemoveKind::File),
                &["c/about.en.md~"],
            ),
        ] {
            sender.send(queued).expect("send");
        }
        let settle_for = Settle {
            quiet: Duration::from_millis(4),
            at_most: Duration::from_secs(60),
        };
        // The sender stays open: `settle` returns because nothing more came, not because the
        // watcher went away.
        assert_eq!(
            settle(&changes, settle_for),
            ["c/about.en.md", "c/about.en.md"].map(PathBuf::from)
        );
        drop(sender);
    }

    #[test]
    fn changes_that_go_on_do_not_hold_the_rebuild_back_past_the_limit() {
        let (sender, changes) = mpsc::channel();
        let kind = notify::EventKind::Modify(notify::event::ModifyKind::Any);
        sender.send(event(kind, &["c/a.nl.md"])).expect("send");
        let no_time = Settle {
            quiet: Duration::from_secs(60),
            at_most: Duration::ZERO,
        };
        assert!(settle(&changes, no_time).is_empty());
        // The change waits for the next rebuild.
        assert!(changes.try_recv().is_ok());
    }

    #[test]
    fn refuses_paths_out_of_the_folder() {
        for url in [
            "/../etc/passwd",
            "/%2e%2e/x",
            "/a/%2e%2e/%2e%2e/x",
            "/a%2fb",
            "/a%5c..%5cb",
            "/x%00",
            "/C:/x",
            "/%zz",
            "relative",
        ] {
            assert_eq!(safe_path(url), Err(PathError::BadRequest), "{url}");
        }
        assert_eq!(
            safe_path(&format!("/{}", "a".repeat(3000))),
            Err(PathError::TooLong)
        );
        assert_eq!(
            safe_path("/en/press/x/?q=1"),
            Ok(PathBuf::from("en/press/x"))
        );
        assert_eq!(safe_path("/"), Ok(PathBuf::new()));
    }

    #[test]
    fn script_goes_before_the_closing_body_tag() {
        let html = inject_live_script(b"<html><body><p>x</p></body></html>".to_vec());
        assert_eq!(
            String::from_utf8(html).unwrap(),
            format!("<html><body><p>x</p><script src=\"{SCRIPT_PATH}\"></script></body></html>")
        );
    }
}
