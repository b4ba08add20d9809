//! `wdhs serve` against hostile pages and clients: the real binary on a free port, raw TCP
//! clients that lie about the host, send endless or unfinished headers, never read, or skip the
//! front and talk to tiny_http's internal port. Every wait is bounded.

mod common;
use common::Site;
use common::server::{Response, parse_response};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// The longest a normal request may take while other clients misbehave.
const PROMPT: Duration = Duration::from_secs(5);

struct Server {
    child: Child,
    /// The address it printed, `127.0.0.1:PORT`.
    address: String,
    /// tiny_http's internal address, from the `WDHS_TRACE` line.
    internal: Option<String>,
    stderr: Receiver<String>,
}

impl Server {
    fn port(&self) -> &str {
        self.address.rsplit(':').next().unwrap_or_default()
    }

    /// Asks the server to end (SIGTERM) and waits up to 20 s; killed if it does not.
    fn stop(&mut self) {
        if !matches!(self.child.try_wait(), Ok(None)) {
            return;
        }
        let asked = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .is_ok_and(|s| s.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        while asked && Instant::now() < deadline {
            if !matches!(self.child.try_wait(), Ok(None)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// What it printed on stderr until now (all of it once it has stopped).
    fn stderr_text(&self, within: Duration) -> String {
        let deadline = Instant::now() + within;
        let mut text = String::new();
        while let Ok(line) =
            (self.stderr).recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            text.push_str(&line);
            text.push('\n');
        }
        text
    }

    /// The resident memory of the server, in kB (Linux).
    fn resident_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find_map(|l| l.strip_prefix("VmRSS:"))?;
        line.trim().trim_end_matches("kB").trim().parse().ok()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `wdhs serve --port 0 <args>` in the site's folder, once it has printed its address.
fn start(site: &Site, args: &[&str]) -> Server {
    let mut child = common::wdhs()
        .args(["serve", "--port", "0"])
        .args(args)
        .current_dir(site.path())
        .env("WDHS_TRACE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start wdhs serve");
    let (stdout, stderr) = (child.stdout.take(), child.stderr.take());
    let (Some(stdout), Some(stderr)) = (stdout, stderr) else {
        panic!("no stdout or stderr")
    };
    let mut server = Server {
        child,
        address: String::new(),
        internal: None,
        stderr: common::lines(stderr),
    };
    let rx = common::lines(stdout);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("serve printed its address");
        if let Some(rest) = line.strip_prefix("tiny_http answers on ") {
            server.internal = rest.split(',').next().map(str::to_string);
        }
        if let Some(rest) = line.strip_prefix("Serving the site on http://") {
            server.address = rest.split('/').next().expect("address").to_string();
            return server;
        }
    }
}

/// Sends `head` (a whole request head) and reads the answer until the server closes.
fn send(address: &str, head: &str) -> Response {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream.set_read_timeout(Some(PROMPT)).expect("timeout");
    stream.write_all(head.as_bytes()).expect("send");
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    parse_response(&bytes)
}

fn get(address: &str, path: &str, host: &str) -> Response {
    send(
        address,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
}

/// A normal request for the home page, answered in full within `PROMPT`.
fn assert_prompt_home(server: &Server, while_what: &str) {
    let started = Instant::now();
    let home = get(&server.address, "/", &server.address);
    assert_eq!(home.status, 200, "home page {while_what}");
    assert!(home.body.contains("Welkom"), "home page {while_what}");
    assert!(
        started.elapsed() < PROMPT,
        "home page {while_what}: {:?}",
        started.elapsed()
    );
}

#[test]
fn only_requests_for_the_previews_own_address_are_answered() {
    let site = Site::fixture("basic");
    let server = start(&site, &[]);
    let port = server.port().to_string();
    for host in [server.address.clone(), format!("localhost:{port}")] {
        let home = get(&server.address, "/", &host);
        assert_eq!(home.status, 200, "{host}");
        assert!(home.body.contains("Welkom"), "{host}");
        assert!(
            home.head.to_lowercase().contains("connection: close"),
            "{host}"
        );
    }
    // A page on another site that had its name point at 127.0.0.1 (DNS rebinding) sends its own
    // name; so does one that guessed the port under another name.
    for host in [
        format!("evil.example:{port}"),
        "evil.example".to_string(),
        format!("127.0.0.1.evil.example:{port}"),
    ] {
        for path in ["/", "/nl/", "/__wdhs/live.js", "/sitemap.xml"] {
            let refused = get(&server.address, path, &host);
            assert_eq!(refused.status, 421, "{host} {path}");
            assert!(refused.head.contains("text/plain"), "{host} {path}");
            assert!(
                !refused.body.contains('<'),
                "{host} {path}: {}",
                refused.body
            );
            assert!(refused.body.len() < 200, "{host} {path}");
        }
    }
    // No Host at all (HTTP/1.0), and two of them.
    let none = send(&server.address, "GET / HTTP/1.0\r\n\r\n");
    assert_eq!(none.status, 421);
    let two = send(
        &server.address,
        &format!(
            "GET / HTTP/1.1\r\nHost: {}\r\nHost: evil.example:{port}\r\n\r\n",
            server.address
        ),
    );
    assert_eq!(two.status, 400);
    assert!(!two.body.contains("Welkom"));
}

#[test]
fn the_live_reload_stream_refuses_a_foreign_host() {
    let site = Site::fixture("basic");
    let server = start(&site, &[]);
    let foreign = format!("evil.example:{}", server.port());
    let refused = get(&server.address, "/__wdhs/events", &foreign);
    assert_eq!(refused.status, 421);
    assert!(!refused.body.contains("event:"));
    // The preview's own address gets the stream, which stays open.
    let mut stream = TcpStream::connect(&server.address).expect("connect");
    stream.set_read_timeout(Some(PROMPT)).expect("timeout");
    write!(
        stream,
        "GET /__wdhs/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )
    .expect("send");
    let mut reader = BufReader::new(stream);
    let mut seen = String::new();
    while !seen.contains("event: hello") {
        let mut line = String::new();
        assert!(
            reader.read_line(&mut line).expect("stream line") > 0,
            "stream closed: {seen}"
        );
        seen.push_str(&line);
    }
    assert!(seen.starts_with("HTTP/1.1 200"));
    assert!(seen.contains("text/event-stream"));
}

#[test]
fn tiny_https_own_port_refuses_requests_that_did_not_pass_the_front() {
    let site = Site::fixture("basic");
    let server = start(&site, &[]);
    let internal = server
        .internal
        .clone()
        .expect("the trace names tiny_http's port");
    assert_ne!(internal, server.address);
    for extra in ["", "X-Wdhs-Front: 00000000000000000000000000000000\r\n"] {
        for path in ["/", "/__wdhs/events"] {
            let direct = send(
                &internal,
                &format!(
                    "GET {path} HTTP/1.1\r\nHost: {}\r\n{extra}Connection: close\r\n\r\n",
                    server.address
                ),
            );
            assert_eq!(direct.status, 403, "{path} {extra}");
            assert!(!direct.body.contains("Welkom"), "{path} {extra}");
            assert!(!direct.body.contains("event:"), "{path} {extra}");
        }
    }
    // A token sent to the front is not passed on as the client's.
    let through = send(
        &server.address,
        &format!(
            "GET / HTTP/1.1\r\nHost: {}\r\nX-Wdhs-Front: guessed\r\nConnection: close\r\n\r\n",
            server.address
        ),
    );
    assert_eq!(through.status, 200);
}

#[test]
fn a_huge_header_is_cut_off_early_while_others_are_answered() {
    const SENT: usize = 20 * 1024 * 1024;
    let site = Site::fixture("basic");
    let server = start(&site, &[]);
    assert_prompt_home(&server, "before");
    let before = server.resident_kb();
    let address = server.address.clone();
    let sender = std::thread::spawn(move || {
        let mut stream = TcpStream::connect(&address).expect("connect");
        stream.set_write_timeout(Some(PROMPT)).expect("timeout");
        stream.set_read_timeout(Some(PROMPT)).expect("timeout");
        let mut accepted = 0;
        let start = format!("GET / HTTP/1.1\r\nHost: {address}\r\nX-Big: ");
        if stream.write_all(start.as_bytes()).is_ok() {
            let chunk = vec![b'a'; 64 * 1024];
            while accepted < SENT {
                match stream.write(&chunk) {
                    Ok(0) | Err(_) => break,
                    Ok(written) => accepted += written,
                }
            }
        }
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        (accepted, parse_response(&answer).status)
    });
    assert_prompt_home(&server, "while a huge header comes in");
    let (accepted, status) = sender.join().expect("sender");
    // Refused after 16 KiB: what else was accepted is what the two sockets' buffers held.
    assert!(accepted < SENT / 2, "{accepted} bytes of header accepted");
    assert!(matches!(status, 0 | 431), "answered {status}");
    if let (Some(before), Some(after)) = (before, server.resident_kb()) {
        assert!(
            after < before + 8 * 1024,
            "memory grew from {before} kB to {after} kB"
        );
    }
    assert_prompt_home(&server, "after");
}

#[test]
fn unfinished_heads_and_clients_that_never_read_hold_up_no_one_else() {
    let site = Site::fixture("basic");
    // Larger than what the sockets on the way can hold, so a writer to a client that does not
    // read must wait.
    // (A PDF readers open: a file that is not what its name says is refused.)
    let pdf = common::pdf(16 * 1024 * 1024);
    std::fs::write(site.path().join("content/press/big.pdf"), pdf).expect("write a large file");
    let server = start(&site, &[]);
    // Slowloris: a head begun and never finished, a byte now and then.
    let mut slow = TcpStream::connect(&server.address).expect("connect");
    write!(
        slow,
        "GET / HTTP/1.1\r\nHost: {}\r\nX-Slow: ",
        server.address
    )
    .expect("send");
    // More clients that never read than the 4 workers tiny_http had before the front.
    let stalled: Vec<TcpStream> = (0..6)
        .map(|_| {
            let mut stream = TcpStream::connect(&server.address).expect("connect");
            write!(
                stream,
                "GET /pers/big.pdf HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                server.address
            )
            .expect("send");
            stream
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    for _ in 0..3 {
        let _ = slow.write_all(b"a");
        assert_prompt_home(&server, "while clients stall");
    }
    // The unfinished head is answered 408 and closed within the front's 10 s (and the time
    // since this test opened it).
    slow.set_read_timeout(Some(Duration::from_secs(15)))
        .expect("timeout");
    let started = Instant::now();
    let mut answer = Vec::new();
    let _ = slow.read_to_end(&mut answer);
    assert!(
        started.elapsed() < Duration::from_secs(12),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(parse_response(&answer).status, 408);
    // The stalled clients still get their file when they read at last.
    let mut reader = stalled.into_iter().next().expect("a stalled client");
    reader.set_read_timeout(Some(PROMPT)).expect("timeout");
    let mut first = vec![0u8; 64 * 1024];
    assert!(reader.read(&mut first).expect("the file") > 0);
    assert!(first.starts_with(b"HTTP/1.1 200"));
    let _ = reader.shutdown(Shutdown::Both);
}

#[test]
fn connections_past_the_cap_are_closed_at_once() {
    let site = Site::fixture("basic");
    let server = start(&site, &[]);
    let idle: Vec<TcpStream> = (0..128)
        .map(|_| TcpStream::connect(&server.address).expect("connect"))
        .collect();
    // The front has taken them all once a request on the last one is being read.
    std::thread::sleep(Duration::from_millis(500));
    let mut extra = TcpStream::connect(&server.address).expect("connect");
    extra.set_read_timeout(Some(PROMPT)).expect("timeout");
    let started = Instant::now();
    let mut bytes = Vec::new();
    let _ = extra.read_to_end(&mut bytes);
    assert!(bytes.is_empty());
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    drop(idle);
    // The closed connections free their places (the front sees each close at once).
    let deadline = Instant::now() + PROMPT;
    loop {
        let home = get(&server.address, "/", &server.address);
        if home.status == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "no place freed");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn listening_on_every_address_warns_that_the_preview_is_reachable() {
    let site = Site::fixture("basic");
    let mut server = start(&site, &["--bind", "0.0.0.0", "--drafts"]);
    let port = server.port().to_string();
    // Any name may be this machine's then: the warning is the defence.
    let home = get(
        &format!("127.0.0.1:{port}"),
        "/",
        &format!("laptop.example:{port}"),
    );
    assert_eq!(home.status, 200);
    server.stop();
    let warning = server.stderr_text(Duration::from_secs(5));
    assert!(warning.contains("warning: --bind 0.0.0.0"), "{warning}");
    assert!(warning.contains("embargoed press releases"), "{warning}");
    assert!(warning.contains("127.0.0.1"), "{warning}");

    let mut local = start(&site, &[]);
    local.stop();
    let quiet = local.stderr_text(Duration::from_secs(5));
    assert!(!quiet.contains("--bind"), "{quiet}");
}
