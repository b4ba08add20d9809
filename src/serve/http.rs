//! The HTTP side of `wdhs serve`: answers the requests the front passes on from the served
//! folder (or from memory for large outputs), the live-reload endpoint (Server-Sent Events and
//! its script) and the error box a failed build shows in every tab.

use super::front;
use crate::diagnostic::{self, Diagnostics};
use std::collections::HashMap;
use std::collections::HashSet;
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, SyncSender, TrySendError};
use std::sync::{Arc, Condvar, Mutex, RwLock};

pub const EVENTS_PATH: &str = "/__wdhs/events";
pub const SCRIPT_PATH: &str = "/__wdhs/live.js";
/// More open tabs than this are refused a live-reload stream (they still get pages).
const MAX_CLIENTS: usize = 64;
/// Requests longer than this are refused before any path handling.
const MAX_URL_BYTES: usize = 2048;
const LIVE_SCRIPT: &str = include_str!("live.js");

/// Outputs this large are kept in memory and served from there instead of the folder: the
/// search indexes and the sitemap of a large site change with most edits, and writing tens of
/// megabytes to disk each time took longer than making them.
const HELD_IN_MEMORY_FROM: usize = 1024 * 1024;

/// What the server shows: the folder with the last good site, and the last build's problems.
pub(super) struct Shared {
    pub(super) output: PathBuf,
    /// Output path → bytes of the outputs held in memory: those of `held_from` bytes or more
    /// (`HELD_IN_MEMORY_FROM`, or `WDHS_SERVE_MEMORY_FROM`, which the tests set low).
    pub(super) held: RwLock<HashMap<String, crate::write::Pieces>>,
    pub(super) held_from: usize,
    /// Errors of the last build; `None` when it succeeded.
    failure: RwLock<Option<FailureView>>,
    /// Each open tab's stream, with the output path of the page it shows.
    clients: Mutex<Vec<(SyncSender<String>, String)>>,
    /// Output paths a render is still making after the tabs were reloaded (`BeforeLater`): a
    /// request for one waits until it is written.
    pending: Mutex<HashSet<String>>,
    made: Condvar,
    /// What the front adds to every request it passes on (`front::TOKEN_HEADER`).
    pub(super) token: front::Token,
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
    /// Nothing to show yet: no outputs held, no failure, no tabs.
    pub(super) fn new(output: PathBuf, token: front::Token) -> Shared {
        Shared {
            output,
            held: RwLock::new(HashMap::new()),
            held_from: std::env::var("WDHS_SERVE_MEMORY_FROM")
                .ok()
                .and_then(|bytes| bytes.parse().ok())
                .unwrap_or(HELD_IN_MEMORY_FROM),
            failure: RwLock::new(None),
            clients: Mutex::new(Vec::new()),
            pending: Mutex::new(HashSet::new()),
            made: Condvar::new(),
            token,
        }
    }

    /// Sends an event to every open tab; a tab that is slow or gone is dropped, never waited for.
    pub(super) fn broadcast(&self, event: &str, data: &str) {
        self.send_to(event, data, |_| true);
    }

    /// Sends an event to the open tabs whose page (its output path) `showing` picks.
    pub(super) fn send_to(&self, event: &str, data: &str, showing: impl Fn(&str) -> bool) {
        let message = format!(
            "event: {event}\ndata: {}\n\n",
            data.replace('\n', "\ndata: ")
        );
        let Ok(mut clients) = self.clients.lock() else {
            return;
        };
        clients.retain(|(client, page)| match showing(page) {
            false => true,
            true => match client.try_send(message.clone()) {
                Ok(()) => true,
                Err(TrySendError::Full(_)) | Err(TrySendError::Disconnected(_)) => false,
            },
        });
    }

    /// The output path of the page each open tab shows.
    pub(super) fn viewed(&self) -> foldhash::HashSet<String> {
        let clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.iter().map(|(_, page)| page.clone()).collect()
    }

    /// Whether a tab shows an error box now.
    pub(super) fn shows_failure(&self) -> bool {
        self.failure.read().map(|f| f.is_some()).unwrap_or(true)
    }

    /// Makes requests for these output paths wait (`wait_until_made`) until `made_all`.
    pub(super) fn make_wait(&self, paths: &[String]) {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        pending.extend(paths.iter().cloned());
    }

    /// Lets every waiting request go on: what they wait for is written, or will not be.
    pub(super) fn made_all(&self) {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        if !pending.is_empty() {
            pending.clear();
            self.made.notify_all();
        }
    }

    /// Waits while the output at `relative` (or the page of that folder) is still being made,
    /// for a minute at most: then the last good version is served.
    fn wait_until_made(&self, relative: &Path) {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        // Nearly always: nothing is being made after a reload.
        if pending.is_empty() {
            return;
        }
        let path = output_key(relative);
        let page = page_of_folder(&path);
        let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while pending.contains(&path) || pending.contains(&page) {
            let left = until.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return;
            }
            pending = match self.made.wait_timeout(pending, left) {
                Ok((pending, _)) => pending,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
    }

    /// Puts the problems of a failed build in the error box of every tab, open and to come.
    pub(super) fn show_failure(&self, diagnostics: &Diagnostics) {
        let summary = diagnostic::summary(diagnostics);
        let view = FailureView {
            lang: crate::i18n::current().code(),
            title: crate::tr!("serve-box-title", summary = &summary),
            hint_label: crate::tr!("hint-label"),
            summary,
            problems: diagnostics
                .listed()
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
        if let Ok(mut failure) = self.failure.write() {
            *failure = Some(view);
        }
        self.broadcast("failed", &json);
    }

    /// Closes the error box after a good build; whether one was shown.
    pub(super) fn clear_failure(&self) -> bool {
        self.failure
            .write()
            .map(|mut f| f.take().is_some())
            .unwrap_or(false)
    }
}

/// tiny_http on a free loopback port, reached only through the front (`front.rs`).
pub(super) fn internal_server() -> Result<(tiny_http::Server, SocketAddr), String> {
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
pub(super) fn answer_requests(server: tiny_http::Server, shared: &Arc<Shared>) {
    let server = Arc::new(server);
    for _ in 0..front::MAX_CONNECTIONS {
        let server = Arc::clone(&server);
        let shared = Arc::clone(shared);
        let worker = std::thread::Builder::new().spawn(move || {
            while let Ok(request) = server.recv() {
                // A fault in one answer (said by the panic hook) must not take a worker away.
                crate::fault::caught(|| handle(request, &shared));
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
        let segment = crate::safe_url::percent_decode(raw).ok_or(PathError::BadRequest)?;
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

/// A short plain-text answer for a request that is refused.
fn refuse(request: tiny_http::Request, status: u16, text: &str) {
    respond(
        request,
        status,
        "text/plain; charset=utf-8",
        text.as_bytes().to_vec(),
    )
}

fn handle(request: tiny_http::Request, shared: &Arc<Shared>) {
    if !came_through_front(&request, &shared.token) {
        return refuse(
            request,
            403,
            "Forbidden: open the address that wdhs serve printed\n",
        );
    }
    let method = request.method().clone();
    if method != tiny_http::Method::Get && method != tiny_http::Method::Head {
        return refuse(request, 405, "Method not allowed\n");
    }
    let url = request.url().to_string();
    #[cfg(debug_assertions)]
    crate::fault::fail_point(std::path::Path::new(&url));
    let path = url.split('?').next();
    if path == Some(EVENTS_PATH) {
        return open_stream(request, shared);
    }
    if path == Some(SCRIPT_PATH) {
        return respond(
            request,
            200,
            "text/javascript; charset=utf-8",
            LIVE_SCRIPT.as_bytes().to_vec(),
        );
    }
    let relative = match safe_path(&url) {
        Ok(relative) => relative,
        Err(PathError::TooLong) => return refuse(request, 414, "URI too long\n"),
        Err(PathError::BadRequest) => return refuse(request, 400, "Bad request\n"),
    };
    let folder_url = path.unwrap_or("").ends_with('/');
    shared.wait_until_made(&relative);
    if let Some((bytes, path)) = held_output(shared, &relative) {
        if path != relative && !folder_url {
            return redirect_to_folder(request, &relative);
        }
        return respond_with_file(request, &path, bytes.into_vec());
    }
    serve_from_folder(request, shared, &relative, folder_url)
}

/// An output held in memory at the checked path: the file itself, or the page of a folder,
/// with the path of what was found.
fn held_output(shared: &Shared, relative: &Path) -> Option<(crate::write::Pieces, PathBuf)> {
    let key = output_key(relative);
    let page_key = page_of_folder(&key);
    shared.held.read().ok().and_then(|held| {
        let file = held.get(&key).map(|b| (b.clone(), relative.to_path_buf()));
        file.or_else(|| (held.get(&page_key)).map(|b| (b.clone(), relative.join("index.html"))))
    })
}

/// A checked request path as the renderer names outputs: `pers/x/index.html`.
fn output_key(relative: &Path) -> String {
    let parts: Vec<String> = (relative.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// The output of the page of the folder `output_key` names: `pers/x/index.html`.
fn page_of_folder(key: &str) -> String {
    match key.is_empty() {
        true => "index.html".to_string(),
        false => format!("{key}/index.html"),
    }
}

/// A file from the served folder, or the site's 404 page.
fn serve_from_folder(
    request: tiny_http::Request,
    shared: &Arc<Shared>,
    relative: &Path,
    folder_url: bool,
) {
    let mut file = shared.output.join(relative);
    if file.is_dir() {
        if !folder_url {
            return redirect_to_folder(request, relative);
        }
        file = file.join("index.html");
    }
    // Never follow a link out of the output folder.
    let inside = std::fs::canonicalize(&file)
        .ok()
        .zip(std::fs::canonicalize(&shared.output).ok())
        .is_some_and(|(f, root)| f.starts_with(root));
    match std::fs::read(&file) {
        Ok(bytes) if inside && file.is_file() => respond_with_file(request, &file, bytes),
        _ => not_found(request, shared, relative),
    }
}

/// Status 200 with the file's bytes; a page gets the live-reload script.
fn respond_with_file(request: tiny_http::Request, path: &Path, bytes: Vec<u8>) {
    let kind = content_type(path);
    let body = if kind.starts_with("text/html") {
        inject_live_script(bytes)
    } else {
        bytes
    };
    respond(request, 200, kind, body)
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
        held.map(crate::write::Pieces::into_vec)
            .or_else(|| std::fs::read(shared.output.join(path)).ok())
    };
    // A language's own 404 page is in its folder (`en/404.html`); no other folder has one.
    let localized = (!first.is_empty())
        .then(|| read(&format!("{first}/404.html")))
        .flatten();
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

/// The output path of the page a tab says it shows (`?page=` on its stream, as `live.js`
/// sends it): `pers/index.html`; empty when it says none that could be served.
fn viewed_page(url: &str) -> String {
    let query = url.split_once('?').map_or("", |(_, query)| query);
    let said = (query.split('&')).find_map(|pair| pair.strip_prefix("page="));
    let Some(path) = said.and_then(crate::safe_url::percent_decode) else {
        return String::new();
    };
    match safe_path(&path) {
        Ok(relative) if path.ends_with('/') => page_of_folder(&output_key(&relative)),
        Ok(relative) => output_key(&relative),
        Err(_) => String::new(),
    }
}

/// A Server-Sent Events stream for one tab, served by its own thread so a slow tab only slows
/// itself; it is dropped when its queue is full or the socket fails.
fn open_stream(request: tiny_http::Request, shared: &Arc<Shared>) {
    let Ok(mut clients) = shared.clients.lock() else {
        return;
    };
    if clients.len() >= MAX_CLIENTS {
        drop(clients);
        return refuse(request, 503, "Too many live-reload connections\n");
    }
    let (sender, receiver) = mpsc::sync_channel::<String>(16);
    clients.push((sender.clone(), viewed_page(request.url())));
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

    #[test]
    fn a_tab_says_the_page_it_shows_as_an_output_path() {
        let said = |query: &str| viewed_page(&format!("/__wdhs/events{query}"));
        assert_eq!(
            said("?page=%2Fpers%2Fpagina%2F2%2F"),
            "pers/pagina/2/index.html"
        );
        assert_eq!(said("?page=%2F"), "index.html");
        assert_eq!(said("?page=%2Fsitemap.xml"), "sitemap.xml");
        assert_eq!(said(""), "");
        assert_eq!(said("?page=%2F..%2F..%2Fetc%2F"), "");
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
