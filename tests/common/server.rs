//! `wdhs serve` driven from a test: the real binary on a free port, plain HTTP requests, the
//! live-reload stream, the lines it prints, and the comparison of what it serves with a fresh
//! `wdhs build`. (Copied from `tests/serve.rs`, made public, so other test files can use them.)

use super::Site;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// How long a test waits for a server to start, a rebuild or an event.
pub const WAIT: Duration = Duration::from_secs(30);

/// The tag `serve` adds to every page it serves (never in `wdhs build`).
pub const LIVE_SCRIPT: &str = "<script src=\"/__wdhs/live.js\"></script>";

/// A running `wdhs serve`: stopped when dropped.
pub struct Server {
    pub child: Child,
    /// host:port it serves on.
    pub address: String,
    /// Its stdout, line by line (`WDHS_TRACE=1` adds a `rendered <path>` line per output).
    pub lines: Receiver<String>,
    /// Its stderr, line by line (the problems of a build), when started with `start_with`.
    pub problems: Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        // A failing test shows what the server said on stderr: a fault of its own (in debug
        // builds, a partial build that differs from a full one) ends it with the reason there.
        if std::thread::panicking() {
            while let Ok(line) = self.problems.recv_timeout(Duration::from_millis(300)) {
                eprintln!("serve said: {line}");
            }
        }
        // Asked to end as `kill` asks, so the server removes its preview folder; killed outright
        // if it does not end in time. (A server already reaped is left alone: its pid may be
        // another process's by now.)
        if matches!(self.child.try_wait(), Ok(None)) && ask_to_end(&mut self.child).is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Sends SIGTERM and waits up to 20 s for the server to end; its exit status, if it did.
#[cfg(unix)]
pub fn ask_to_end(child: &mut Child) -> Option<std::process::ExitStatus> {
    let sent = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    if !sent.is_ok_and(|s| s.success()) {
        return None;
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => return None,
        }
    }
    None
}

#[cfg(not(unix))]
pub fn ask_to_end(_: &mut Child) -> Option<std::process::ExitStatus> {
    None
}

/// `wdhs serve --port 0` with `WDHS_TRACE=1`, once it has built the site and says where it
/// serves.
pub fn start(site: &Site) -> Server {
    start_with(site, &[])
}

/// `start`, with these environment variables set too.
pub fn start_with(site: &Site, variables: &[(&str, &str)]) -> Server {
    let variables: Vec<(&str, &str)> = [("WDHS_TRACE", "1")]
        .into_iter()
        .chain(variables.iter().copied())
        .collect();
    start_saying(site, &[], &variables).0
}

/// `wdhs serve --port 0` with these arguments and environment variables, and the lines it
/// printed up to and with the one that says where it serves.
pub fn start_saying(
    site: &Site,
    args: &[&str],
    variables: &[(&str, &str)],
) -> (Server, Vec<String>) {
    let mut child = super::wdhs()
        .args(["serve", "--port", "0"])
        .args(args)
        .current_dir(site.path())
        .envs(variables.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start wdhs serve");
    let stdout = child.stdout.take();
    let stderr = child.stderr.take();
    // Owned by the guard from here on, so the server is stopped whatever happens below.
    let mut server = Server {
        child,
        address: String::new(),
        lines: mpsc::channel().1,
        problems: mpsc::channel().1,
    };
    let (Some(stdout), Some(stderr)) = (stdout, stderr) else {
        panic!("no stdout or stderr")
    };
    // Read as it comes, so a server that prints many problems never blocks on a full pipe.
    server.problems = super::lines(stderr);
    let rx = super::lines(stdout);
    let deadline = Instant::now() + WAIT;
    let mut said = Vec::new();
    loop {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .unwrap_or_else(|_| panic!("serve printed no address within {WAIT:?}: {said:?}"));
        let address = (line.strip_prefix("Serving the site on http://"))
            .or_else(|| line.strip_prefix("De site staat klaar op http://"))
            .map(|rest| rest.split('/').next().expect("address").to_string());
        said.push(line);
        if let Some(address) = address {
            server.address = address;
            server.lines = rx;
            return (server, said);
        }
    }
}

/// A server with a live-reload stream open, and what its first build printed read, so the
/// next lines are those of the next rebuild.
pub fn start_listening(site: &Site) -> (Server, Events) {
    let server = start(site);
    let events = Events::open(&server.address);
    server.forget_output();
    (server, events)
}

/// One answer of the server.
pub struct Response {
    pub status: u16,
    pub head: String,
    /// The body as text (lossy for binary files).
    pub body: String,
    /// The body's bytes.
    pub bytes: Vec<u8>,
}

/// `GET raw_path` on a connection of its own.
pub fn request(address: &str, raw_path: &str) -> Response {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "GET {raw_path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut all = Vec::new();
    let _ = stream.read_to_end(&mut all);
    parse_response(&all)
}

/// A response as read off the connection: its status, head and body.
pub fn parse_response(all: &[u8]) -> Response {
    let split = all.windows(4).position(|w| w == b"\r\n\r\n");
    let (head, bytes) = match split {
        Some(at) => (&all[..at], all[at + 4..].to_vec()),
        None => (all, Vec::new()),
    };
    let head = String::from_utf8_lossy(head).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Response {
        status,
        head,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes,
    }
}

/// The address of an output file: `a/b/index.html` is `/a/b/`, every segment percent-encoded
/// as a browser sends it.
pub fn url_of(path: &str) -> String {
    let folder = path.strip_suffix("index.html").unwrap_or(path);
    let encoded: String = folder
        .split('/')
        .map(|segment| {
            segment
                .bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                        (b as char).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/");
    format!("/{encoded}")
}

/// An open live-reload stream; `wait_for` reads events until one arrives.
pub struct Events {
    pub reader: BufReader<TcpStream>,
}

impl Events {
    pub fn open(address: &str) -> Events {
        let mut events = Events::open_raw(address);
        events.wait_for("hello", WAIT);
        events
    }

    /// Opens a stream as the tab showing `page` does (`live.js`).
    pub fn open_viewing(address: &str, page: &str) -> Events {
        let page: String = (page.bytes())
            .map(|b| match b {
                b'/' => "%2F".to_string(),
                b => (b as char).to_string(),
            })
            .collect();
        let mut events = Events::open_at(address, &format!("/__wdhs/events?page={page}"));
        events.wait_for("hello", WAIT);
        events
    }

    /// Opens a stream without waiting for `hello` (a broken site sends `failed` first).
    pub fn open_raw(address: &str) -> Events {
        Events::open_at(address, "/__wdhs/events")
    }

    fn open_at(address: &str, path: &str) -> Events {
        let mut stream = TcpStream::connect(address).expect("connect");
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\n\r\n").expect("send");
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .expect("timeout");
        Events {
            reader: BufReader::new(stream),
        }
    }

    /// The names of the events that arrive within `limit`.
    pub fn names_within(&mut self, limit: Duration) -> Vec<String> {
        let deadline = Instant::now() + limit;
        let mut names = Vec::new();
        while Instant::now() < deadline {
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => break,
                Ok(_) => {
                    if let Some(event) = line.trim_end().strip_prefix("event: ") {
                        names.push(event.to_string());
                    }
                }
                Err(_) => continue,
            }
        }
        names
    }

    /// Waits for `event: <name>` and returns its data.
    pub fn wait_for(&mut self, name: &str, limit: Duration) -> String {
        let deadline = Instant::now() + limit;
        let mut current = String::new();
        let mut data = String::new();
        while Instant::now() < deadline {
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => panic!("the event stream closed"),
                Ok(_) => {
                    let line = line.trim_end();
                    if let Some(event) = line.strip_prefix("event: ") {
                        current = event.to_string();
                        data.clear();
                    } else if let Some(d) = line.strip_prefix("data: ") {
                        data.push_str(d);
                    } else if line.is_empty() && current == name {
                        return data;
                    }
                }
                Err(_) => continue,
            }
        }
        panic!("no `{name}` event within {limit:?}");
    }
}

/// One rebuild of a server, as its stdout tells it.
pub struct Rebuild {
    /// The `changed: …` line that started it (empty if none was read).
    pub changed: String,
    /// The files it rendered (`WDHS_TRACE` names them).
    pub rendered: Vec<String>,
    /// Its summary: `rebuilt in …` or `build failed …`.
    pub summary: String,
}

impl Rebuild {
    pub fn failed(&self) -> bool {
        self.summary.starts_with("build failed")
    }
}

impl Server {
    /// Forgets what the server printed so far: the next lines are those of the next rebuild.
    pub fn forget_output(&self) {
        while self.lines.try_recv().is_ok() {}
        while self.problems.try_recv().is_ok() {}
    }

    /// What the server printed on stderr so far (the problems of its builds), waiting a little
    /// for the last lines.
    pub fn printed_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        while let Ok(line) = self.problems.recv_timeout(Duration::from_millis(300)) {
            problems.push(line);
        }
        problems
    }

    /// Saves `text` at `path` in the site and waits for the rebuild and its reload event:
    /// `next_rebuild_traced`.
    pub fn save(
        &self,
        site: &Site,
        events: &mut Events,
        path: &str,
        text: &str,
    ) -> (Vec<String>, String) {
        site.replace(path, text);
        let rebuild = self.next_rebuild();
        events.wait_for("reload", WAIT);
        rebuild
    }

    /// The files rendered by the next rebuild (`WDHS_TRACE` names them), and its summary line.
    pub fn next_rebuild(&self) -> (Vec<String>, String) {
        let rebuild = self.next_rebuild_traced();
        (rebuild.rendered, rebuild.summary)
    }

    /// The next rebuild: the line that started it, what it rendered and its summary.
    pub fn next_rebuild_traced(&self) -> Rebuild {
        self.next_rebuild_within(WAIT)
            .unwrap_or_else(|| panic!("no rebuild within {WAIT:?}"))
    }

    /// The next rebuild, if it ends within `limit`.
    pub fn next_rebuild_within(&self, limit: Duration) -> Option<Rebuild> {
        let mut rebuild = Rebuild {
            changed: String::new(),
            rendered: Vec::new(),
            summary: String::new(),
        };
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            let Ok(line) = self.lines.recv_timeout(Duration::from_millis(200)) else {
                continue;
            };
            if let Some(path) = line.strip_prefix("rendered ") {
                rebuild.rendered.push(path.to_string());
            } else if line.starts_with("changed: ") {
                rebuild.changed = line;
            } else if line.starts_with("rebuilt in ") || line.starts_with("build failed") {
                rebuild.summary = line;
                return Some(rebuild);
            }
        }
        None
    }
}

/// Compares every file of a fresh `wdhs build` whose path `wanted` selects with what `serve`
/// serves at its address; returns how many were compared.
pub fn assert_served_as_built(
    site: &Site,
    server: &Server,
    wanted: impl Fn(&str) -> bool,
) -> usize {
    // serve's pages name the local address, and load the live-reload script.
    let base_url = format!("http://{}/", server.address);
    site.run(&["build", "--output", "fresh", "--base-url", &base_url])
        .assert_code(0);
    let mut compared = 0;
    for (path, bytes) in site.snapshot("fresh") {
        if !wanted(&path) {
            continue;
        }
        let url = path.strip_suffix("index.html").unwrap_or(&path);
        let served = request(&server.address, &format!("/{url}"));
        assert_eq!(served.status, 200, "/{url}");
        let expected = String::from_utf8_lossy(&bytes);
        assert_eq!(served.body.replace(LIVE_SCRIPT, ""), expected, "/{url}");
        compared += 1;
    }
    compared
}

/// What `serve` answers at the address of an output file, as a build writes it: the bytes,
/// without the live-reload script in pages. `Err` with the status when it is not 200.
pub fn served_as_file(address: &str, path: &str) -> Result<Vec<u8>, u16> {
    let served = request(address, &url_of(path));
    if served.status != 200 {
        return Err(served.status);
    }
    if served
        .head
        .to_ascii_lowercase()
        .contains("content-type: text/html")
    {
        let text = String::from_utf8_lossy(&served.bytes).replace(LIVE_SCRIPT, "");
        Ok(text.into_bytes())
    } else {
        Ok(served.bytes)
    }
}

/// Where two files first differ: the line, and the text around the first differing byte in
/// each (pages can be long lines).
pub fn first_difference(expected: &[u8], actual: &[u8]) -> String {
    let at = (expected.iter().zip(actual))
        .position(|(e, a)| e != a)
        .unwrap_or(expected.len().min(actual.len()));
    let line = expected[..at].iter().filter(|b| **b == b'\n').count() + 1;
    let around = |bytes: &[u8]| -> String {
        let from = at.saturating_sub(120);
        let to = (at + 200).min(bytes.len());
        String::from_utf8_lossy(&bytes[from.min(to)..to]).into_owned()
    };
    format!(
        "    first difference at byte {at}, line {line} ({} bytes built, {} served)\n    built:  …{}…\n    served: …{}…",
        expected.len(),
        actual.len(),
        around(expected),
        around(actual)
    )
}

/// The preview folders of servers in the temporary folder `temp`.
pub fn previews(temp: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<std::path::PathBuf> = std::fs::read_dir(temp)
        .expect("read the temporary folder")
        .flatten()
        .filter(|item| {
            item.file_name()
                .to_string_lossy()
                .starts_with("wdhs-serve-")
        })
        .map(|item| item.path())
        .collect();
    found.sort();
    found
}
