//! `wdhs serve`: builds the site for the local address into a private folder, serves it over
//! HTTP on 127.0.0.1 (through `front`, which bounds clients and checks the Host), watches
//! `content/` and `themes/`, rebuilds on change and tells open browser tabs to reload
//! (Server-Sent Events). A failed build never stops the server: the last good site stays
//! served and the error is shown in every tab until it is fixed.
//!
//! This file only wires the rooms together: `http` answers requests, `watch` says which files
//! changed, `session` rebuilds and writes what changed.

mod front;
mod http;
mod preview;
mod session;
mod watch;

pub use http::safe_path;

use crate::build::{self, BuildOptions};
use crate::diagnostic::{self, Diagnostic, Diagnostics};
use http::Shared;
use session::Session;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;
use watch::WatchEvent;

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

/// Runs until Ctrl-C (or until it is asked to end: SIGTERM, SIGHUP). Returns an error message
/// for problems that stop it from starting.
pub fn serve(options: ServeOptions) -> Result<(), String> {
    let preview = preview::make_preview()
        .map_err(|e| crate::tr!("serve-no-preview-folder", error = crate::i18n::io_error(&e)))?;
    // From the start: a server asked to end while it builds still removes its preview.
    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    })
    .map_err(|e| crate::tr!("serve-no-ctrl-c", error = e.to_string()))?;
    let listener = front::listen(&options.bind, options.port)?;
    let address = (listener.local_addr())
        .map_err(|e| crate::tr!("serve-no-address", error = e.to_string()))?;
    let (server, internal) = http::internal_server()?;
    let shared = Arc::new(Shared::new(preview.site(), front::Token::random()));
    let url = format!("http://{address}/");
    // Watch before the first build, so no save is missed between the two.
    let (change_tx, change_rx) = mpsc::channel::<WatchEvent>();
    let mut watching = watch::watch(&options, change_tx)?;
    let mut session = first_build(&options, &shared, &url)?;
    announce(&options, address, internal);
    http::answer_requests(server, &shared);
    let front = front::Front::new(listener, address, internal, shared.token.clone());
    std::thread::spawn(move || front.run());
    if options.open {
        open_browser(&url);
    }
    keep_streams_alive(&shared);
    run_loop(
        &mut session,
        &shared,
        (&change_rx, &mut watching),
        &stop_rx,
        &options,
    );
    println!("{}", crate::tr!("serve-stopped"));
    drop(preview);
    Ok(())
}

/// Opens the image cache (printing its warnings) and builds the site for `url` the first time.
fn first_build(options: &ServeOptions, shared: &Shared, url: &str) -> Result<Session, String> {
    let build_options = BuildOptions {
        root: options.root.clone(),
        output: shared.output.clone(),
        base_url: Some(url.to_string()),
        drafts: options.drafts,
        today: build::today(),
        progress: !options.quiet,
    };
    let image_cache = crate::image_cache::ImageCache::open(&options.root)?;
    if !image_cache.warnings.is_empty() {
        let mut warnings = Diagnostics::new();
        for (message, hint) in &image_cache.warnings {
            warnings.push(
                Diagnostic::warning(".wdhs-cache", 0, 0, message.clone()).with_hint(hint.clone()),
            );
        }
        session::print_problems(&options.root, &warnings);
    }
    let mut session = Session::new(build_options, image_cache);
    // The first build of a site with many new photos takes seconds: never in silence.
    if !options.quiet {
        println!("{}", crate::tr!("serve-starting"));
        let _ = std::io::stdout().flush();
    }
    let first = rebuild(&mut session, shared, &[]);
    if !options.quiet || !session.last_good {
        println!("{first}");
    }
    Ok(session)
}

/// Every 15 s a comment line to every tab: it keeps proxies from closing idle streams and finds
/// dead tabs.
fn keep_streams_alive(shared: &Arc<Shared>) {
    let keepalive = Arc::clone(shared);
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(15));
            keepalive.broadcast("ping", "");
        }
    });
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

/// Rebuilds on every change until the server is asked to stop or the watcher goes away.
fn run_loop(
    session: &mut Session,
    shared: &Arc<Shared>,
    (changes, watching): (&Receiver<WatchEvent>, &mut watch::Watching),
    stop: &Receiver<()>,
    options: &ServeOptions,
) {
    loop {
        if stop.try_recv().is_ok() {
            return;
        }
        match changes.recv_timeout(Duration::from_millis(100)) {
            Ok(event) => {
                let Some(paths) = watch::next_change(event, changes) else {
                    continue;
                };
                // Before the rebuild reads the folder: what changes after is seen.
                watching.follow(&paths);
                if !options.quiet {
                    println!("{}", changed_line(options, &paths));
                }
                let line = rebuild(session, shared, &paths);
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

/// `Session::rebuild`, going on after a fault of wdhs itself: one save that meets a bug must not
/// end the preview an editor works with.
fn rebuild(session: &mut Session, shared: &Shared, paths: &[PathBuf]) -> String {
    crate::fault::caught(|| session.rebuild(shared, paths))
        .unwrap_or_else(|| session.after_fault(shared, paths))
}

/// "changed: a, b, c and 2 more": the first three files of a change, relative to the site.
fn changed_line(options: &ServeOptions, paths: &[PathBuf]) -> String {
    let root = &options.root;
    let shown: Vec<String> = paths
        .iter()
        .take(3)
        .map(|p| diagnostic::display_path(p.strip_prefix(root).unwrap_or(p)))
        .collect();
    crate::tr!(
        "serve-changed",
        files = shown.join(", "),
        more = paths.len().saturating_sub(3)
    )
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
