//! The front of `wdhs serve`: the socket browsers talk to. It reads each request's head itself,
//! within limits tiny_http does not have (size, time, open connections), answers only requests
//! for the preview's own address (DNS rebinding), and passes one request per connection on to
//! tiny_http on an internal loopback port, marked with a per-run token that `handle` checks.

use std::hash::BuildHasher;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Connections open at once (live-reload streams included); more are closed on arrival. Also
/// the number of tiny_http workers, so every request passed on has one.
pub const MAX_CONNECTIONS: usize = 128;
/// A request head (request line and headers) longer than this is refused with 431.
const MAX_HEAD_BYTES: usize = 16 * 1024;
/// The time a client has to send its whole request head.
const HEAD_TIME: Duration = Duration::from_secs(10);
/// The longest one write to a client may wait for the client to read. A live-reload stream
/// idles between events (a ping every 15 s), which needs no write and so never times out.
const WRITE_TIME: Duration = Duration::from_secs(30);
/// The longest the front waits for tiny_http's next bytes; a live-reload stream gets a ping
/// every 15 s.
const BACKEND_TIME: Duration = Duration::from_secs(60);
/// The header that carries the token from the front to `handle`.
pub const TOKEN_HEADER: &str = "X-Wdhs-Front";
/// Request headers that are about one connection, or about a body: none is passed on (the
/// front sends exactly one request and no body, and asks tiny_http to close afterwards).
const DROPPED_HEADERS: [&str; 9] = [
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "content-length",
    "upgrade",
    "expect",
];

/// A secret of this run: requests to tiny_http that do not carry it did not pass the front.
#[derive(Clone)]
pub struct Token(Arc<str>);

impl Token {
    /// 128 random bits, from the system (`/dev/urandom`, or std's `RandomState`, which the
    /// system seeds, where there is none).
    pub fn random() -> Token {
        let mut bytes = [0u8; 16];
        let from_system = std::fs::File::open("/dev/urandom")
            .and_then(|mut file| file.read_exact(&mut bytes))
            .is_ok();
        if !from_system {
            for (part, chunk) in bytes.chunks_mut(8).enumerate() {
                let seed = (part, std::process::id(), std::time::SystemTime::now());
                let hash = std::collections::hash_map::RandomState::new().hash_one(seed);
                chunk.copy_from_slice(&hash.to_le_bytes());
            }
        }
        Token(
            bytes
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
                .into(),
        )
    }

    /// Whether a header's value is the token (in time that does not depend on where it differs).
    pub fn matches(&self, value: &str) -> bool {
        let (ours, theirs) = (self.0.as_bytes(), value.trim().as_bytes());
        ours.len() == theirs.len()
            && ours
                .iter()
                .zip(theirs)
                .fold(0u8, |diff, (a, b)| diff | (a ^ b))
                == 0
    }
}

/// The `Host` headers the preview answers: its own address and `localhost`, with its port;
/// any at all when it listens on every address (`0.0.0.0`, `::`).
#[derive(Clone, Copy)]
pub struct Hosts {
    pub address: SocketAddr,
}

impl Hosts {
    pub fn allows(&self, host: Option<&str>) -> bool {
        if self.address.ip().is_unspecified() {
            return true;
        }
        let Some((name, port)) = host.and_then(|host| split_host(host.trim())) else {
            return false;
        };
        let port_matches = match port {
            Some(port) => port.parse::<u16>() == Ok(self.address.port()),
            None => self.address.port() == 80,
        };
        port_matches
            && (name.eq_ignore_ascii_case("localhost")
                || name.parse::<IpAddr>() == Ok(self.address.ip()))
    }
}

/// `name:port` or `[v6]:port` as (name, port); the port may be left out.
fn split_host(host: &str) -> Option<(&str, Option<&str>)> {
    if let Some(rest) = host.strip_prefix('[') {
        let (name, after) = rest.split_once(']')?;
        if after.is_empty() {
            return Some((name, None));
        }
        return Some((name, Some(after.strip_prefix(':')?)));
    }
    Some(match host.split_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (host, None),
    })
}

/// Listens on `bind` at `port`, or on the next of 9 more ports while they are busy (0: any
/// free port).
pub fn listen(bind: &str, port: u16) -> Result<TcpListener, String> {
    let host = bind.trim_start_matches('[').trim_end_matches(']');
    let last = if port == 0 { 0 } else { port.saturating_add(9) };
    let mut last_error = String::new();
    for port in port..=last {
        match TcpListener::bind((host, port)) {
            Ok(listener) => return Ok(listener),
            Err(error) => last_error = error.to_string(),
        }
    }
    Err(crate::tr!(
        "serve-port-taken",
        bind = bind,
        port = port,
        error = last_error
    ))
}

/// What to tell the editor when the preview can be reached from other machines.
pub fn exposure_warning(address: SocketAddr, drafts: bool) -> Option<String> {
    if address.ip().is_loopback() {
        return None;
    }
    Some(crate::tr!(
        "serve-exposed",
        address = address.ip().to_string(),
        everywhere = if address.ip().is_unspecified() {
            "yes"
        } else {
            "no"
        },
        drafts = if drafts { "yes" } else { "no" }
    ))
}

/// The front: accepts connections on the preview's address and passes their requests on.
pub struct Front {
    listener: TcpListener,
    /// tiny_http's internal address.
    backend: SocketAddr,
    token: Token,
    hosts: Hosts,
    open: AtomicUsize,
}

impl Front {
    /// The front of `listener`, which listens on `address`, for tiny_http at `backend`.
    pub fn new(
        listener: TcpListener,
        address: SocketAddr,
        backend: SocketAddr,
        token: Token,
    ) -> Front {
        Front {
            listener,
            backend,
            token,
            hosts: Hosts { address },
            open: AtomicUsize::new(0),
        }
    }

    /// Accepts connections for as long as the program runs, each on a thread of its own.
    pub fn run(self) {
        let front = Arc::new(self);
        for client in front.listener.incoming() {
            let Ok(client) = client else {
                // Out of file descriptors, or a connection gone before it was accepted.
                std::thread::sleep(Duration::from_millis(20));
                continue;
            };
            let Some(place) = Place::take(&front) else {
                continue; // `client` is closed here
            };
            // Without a thread, the connection and its place are given up at once.
            let _ = std::thread::Builder::new()
                .name("wdhs-front".into())
                .spawn(move || serve_connection(client, &place.0));
        }
    }
}

/// One of the `MAX_CONNECTIONS` places, held while its connection is open.
struct Place(Arc<Front>);

impl Place {
    fn take(front: &Arc<Front>) -> Option<Place> {
        let place = Place(Arc::clone(front));
        // Counted before the check: a place over the cap is dropped at once, which gives it back.
        (front.open.fetch_add(1, Ordering::AcqRel) < MAX_CONNECTIONS).then_some(place)
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Why the front answers a request itself.
#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    BadRequest,
    Timeout,
    Misdirected,
    TooLarge,
    BadGateway,
}

/// One connection: its request head read and checked, passed on, and the answer relayed.
fn serve_connection(mut client: TcpStream, front: &Front) {
    let _ = client.set_nodelay(true);
    let _ = client.set_write_timeout(Some(WRITE_TIME));
    let forwarded = match read_head(&mut client) {
        Ok(Some(head)) => check(&head, front),
        Ok(None) => return, // the client left
        Err(refusal) => Err(refusal),
    };
    let forwarded = match forwarded {
        Ok(forwarded) => forwarded,
        Err(refusal) => return refuse(&mut client, &refusal, front.hosts.address),
    };
    let backend = TcpStream::connect(front.backend).and_then(|mut backend| {
        backend.set_nodelay(true)?;
        backend.set_read_timeout(Some(BACKEND_TIME))?;
        backend.write_all(&forwarded)?;
        Ok(backend)
    });
    match backend {
        Ok(mut backend) => {
            let _ = relay(&mut backend, &mut client);
        }
        Err(_) => refuse(&mut client, &Refusal::BadGateway, front.hosts.address),
    }
}

/// The request head without its closing blank line, read within `HEAD_TIME` and
/// `MAX_HEAD_BYTES`; `None` when the client closed the connection first.
fn read_head(client: &mut TcpStream) -> Result<Option<Vec<u8>>, Refusal> {
    let deadline = Instant::now() + HEAD_TIME;
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || client.set_read_timeout(Some(left)).is_err() {
            return Err(Refusal::Timeout);
        }
        let read = match client.read(&mut chunk) {
            Ok(0) => return Ok(None),
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Err(Refusal::Timeout);
            }
            Err(_) => return Ok(None),
        };
        let searched_from = head.len().saturating_sub(3);
        head.extend_from_slice(&chunk[..read]);
        match find(&head[searched_from..], b"\r\n\r\n") {
            Some(end) if searched_from + end <= MAX_HEAD_BYTES => {
                head.truncate(searched_from + end);
                return Ok(Some(head));
            }
            _ if head.len() > MAX_HEAD_BYTES => return Err(Refusal::TooLarge),
            _ => {}
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The head to send to tiny_http: the request line and the client's headers, less those of
/// `DROPPED_HEADERS` and any token, plus `Connection: close` and the token. Refused when it is
/// not a plain HTTP/1 request head, or names another host.
fn check(head: &[u8], front: &Front) -> Result<Vec<u8>, Refusal> {
    let text = std::str::from_utf8(head).map_err(|_| Refusal::BadRequest)?;
    // Lines of printable ASCII and tabs only: tiny_http refuses the rest anyway, and no lone
    // CR or LF can end a line for one reader and not for the other.
    let printable = |line: &str| {
        line.bytes()
            .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
    };
    if !text.split("\r\n").all(printable) {
        return Err(Refusal::BadRequest);
    }
    let mut lines = text.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    if !is_request_line(request_line) {
        return Err(Refusal::BadRequest);
    }
    let mut forwarded = Vec::with_capacity(head.len() + 96);
    forwarded.extend_from_slice(request_line.as_bytes());
    forwarded.extend_from_slice(b"\r\n");
    let mut host = None;
    for line in lines {
        let (name, value) = line.split_once(':').ok_or(Refusal::BadRequest)?;
        // A name with spaces, or a line that continues the one before (obsolete folding), could
        // be read as another header by another reader.
        if name.is_empty() || name.bytes().any(|b| b.is_ascii_whitespace()) {
            return Err(Refusal::BadRequest);
        }
        if name.eq_ignore_ascii_case("host") {
            if host.replace(value.trim()).is_some() {
                return Err(Refusal::BadRequest);
            }
        } else if name.eq_ignore_ascii_case(TOKEN_HEADER)
            || DROPPED_HEADERS.iter().any(|d| name.eq_ignore_ascii_case(d))
        {
            continue;
        }
        forwarded.extend_from_slice(line.as_bytes());
        forwarded.extend_from_slice(b"\r\n");
    }
    if !front.hosts.allows(host) {
        return Err(Refusal::Misdirected);
    }
    forwarded.extend_from_slice(b"Connection: close\r\n");
    forwarded.extend_from_slice(format!("{TOKEN_HEADER}: {}\r\n\r\n", front.token.0).as_bytes());
    Ok(forwarded)
}

/// `METHOD /path HTTP/1.x`: a path on this server, never another server's address.
fn is_request_line(line: &str) -> bool {
    let parts: Vec<&str> = line.split(' ').collect();
    matches!(
        parts.as_slice(),
        [method, target, "HTTP/1.0" | "HTTP/1.1"]
            if !method.is_empty()
                && method.bytes().all(|b| b.is_ascii_alphabetic())
                && target.starts_with('/')
    )
}

/// Copies tiny_http's answer to the client, with `Connection: close` in its head.
fn relay(backend: &mut TcpStream, client: &mut TcpStream) -> io::Result<()> {
    let mut buffer = vec![0u8; 64 * 1024];
    let mut start = Vec::new();
    let first = loop {
        let read = backend.read(&mut buffer)?;
        if read == 0 {
            return client.write_all(&start);
        }
        start.extend_from_slice(&buffer[..read]);
        if let Some(end) = find(&start, b"\r\n\r\n") {
            break closing(start, end);
        }
        if start.len() > MAX_HEAD_BYTES {
            break start;
        }
    };
    client.write_all(&first)?;
    loop {
        let read = backend.read(&mut buffer)?;
        if read == 0 {
            let _ = client.shutdown(Shutdown::Write);
            return Ok(());
        }
        client.write_all(&buffer[..read])?;
    }
}

/// The response with `Connection: close` added to its head (which ends at `end`), unless the
/// head has a `Connection` header already.
fn closing(mut response: Vec<u8>, end: usize) -> Vec<u8> {
    let says = response[..end].split(|&b| b == b'\n').any(|line| {
        line.get(..11)
            .is_some_and(|name| name.eq_ignore_ascii_case(b"connection:"))
    });
    if !says {
        response.splice(end..end, b"\r\nConnection: close".iter().copied());
    }
    response
}

/// The front's own short answer, and the end of the connection.
fn refuse(client: &mut TcpStream, refusal: &Refusal, address: SocketAddr) {
    let port = address.port();
    // 400, 408 and 431 answer clients that break HTTP or stall, never an editor's browser: they
    // stay in the protocol's English, like the status line.
    let (status, text) = match refusal {
        Refusal::BadRequest => ("400 Bad Request", "Bad request\n".to_string()),
        Refusal::Timeout => ("408 Request Timeout", "Request timeout\n".to_string()),
        // What an editor may see: a browser pointed at this computer by another name.
        Refusal::Misdirected => (
            "421 Misdirected Request",
            crate::tr!(
                "serve-misdirected",
                address = format!("http://{address}/"),
                localhost = format!("http://localhost:{port}/")
            ) + "\n",
        ),
        Refusal::TooLarge => (
            "431 Request Header Fields Too Large",
            "Request header too large\n".to_string(),
        ),
        Refusal::BadGateway => ("502 Bad Gateway", crate::tr!("serve-not-answering") + "\n"),
    };
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n{text}",
        text.len()
    );
    let _ = client.write_all(response.as_bytes());
    let _ = client.shutdown(Shutdown::Write);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(address: &str) -> Hosts {
        Hosts {
            address: address.parse().expect("address"),
        }
    }

    #[test]
    fn only_the_previews_own_address_is_a_host() {
        let local = hosts("127.0.0.1:1111");
        for host in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LocalHost:1111",
            " 127.0.0.1:1111 ",
        ] {
            assert!(local.allows(Some(host)), "{host}");
        }
        for host in [
            "evil.example:1111",
            "evil.example",
            "127.0.0.1",
            "localhost",
            "127.0.0.1:1112",
            "localhost.evil.example:1111",
            "127.0.0.2:1111",
            "[::1]:1111",
            "",
        ] {
            assert!(!local.allows(Some(host)), "{host}");
        }
        assert!(!local.allows(None));
        let six = hosts("[::1]:1111");
        assert!(six.allows(Some("[::1]:1111")));
        assert!(six.allows(Some("[0:0:0:0:0:0:0:1]:1111")));
        assert!(six.allows(Some("localhost:1111")));
        assert!(!six.allows(Some("::1:1111")));
        assert!(!six.allows(Some("127.0.0.1:1111")));
        // Port 80 is left out of the Host by browsers.
        assert!(hosts("127.0.0.1:80").allows(Some("localhost")));
        assert!(hosts("192.168.1.5:1111").allows(Some("192.168.1.5:1111")));
        assert!(!hosts("192.168.1.5:1111").allows(Some("evil.example:1111")));
        // Every address: any name can be the machine's.
        assert!(hosts("0.0.0.0:1111").allows(Some("laptop.local:1111")));
        assert!(hosts("[::]:1111").allows(None));
    }

    #[test]
    fn the_token_matches_only_itself() {
        let token = Token::random();
        assert_eq!(token.0.len(), 32);
        assert!(token.matches(&token.0));
        assert!(!token.matches(""));
        assert!(!token.matches(&token.0[1..]));
        assert!(!token.matches(&Token::random().0));
    }

    fn front() -> Front {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let address = listener.local_addr().expect("address");
        let backend = "127.0.0.1:9".parse().expect("address");
        Front::new(listener, address, backend, Token(Arc::from("secret")))
    }

    #[test]
    fn the_head_passed_on_has_the_token_and_no_connection_or_body_headers() {
        let front = front();
        let port = front.hosts.address.port();
        let head = format!(
            "GET /nl/?q=1 HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: keep-alive\r\nX-Wdhs-Front: guessed\r\nContent-Length: 5\r\nAccept: text/html"
        );
        let forwarded = check(head.as_bytes(), &front).expect("passed on");
        assert_eq!(
            String::from_utf8(forwarded).expect("text"),
            format!(
                "GET /nl/?q=1 HTTP/1.1\r\nHost: localhost:{port}\r\nAccept: text/html\r\nConnection: close\r\nX-Wdhs-Front: secret\r\n\r\n"
            )
        );
    }

    #[test]
    fn heads_that_readers_could_read_differently_are_refused() {
        let front = front();
        let port = front.hosts.address.port();
        let host = format!("Host: 127.0.0.1:{port}");
        for head in [
            format!("GET / HTTP/1.1\r\n{host}\r\n{host}"),
            format!("GET / HTTP/1.1\r\n{host}\r\n Host: evil.example"),
            format!("GET / HTTP/1.1\r\nHost : evil.example\r\n{host}"),
            format!("GET / HTTP/1.1\r\n{host}\r\nX: a\nHost: evil.example"),
            format!("GET / HTTP/1.1\r\n{host}\r\nX: \u{e9}"),
            format!("GET http://evil.example/ HTTP/1.1\r\n{host}"),
            format!("GET  / HTTP/1.1\r\n{host}"),
            format!("GET / HTTP/2.0\r\n{host}"),
            format!("GET / HTTP/1.1\r\n{host}\r\nno colon"),
        ] {
            assert_eq!(
                check(head.as_bytes(), &front),
                Err(Refusal::BadRequest),
                "{head:?}"
            );
        }
        for head in [
            "GET / HTTP/1.1\r\nHost: evil.example".to_string(),
            "GET / HTTP/1.1\r\nAccept: */*".to_string(),
            format!("GET / HTTP/1.1\r\nHost: evil.example:{port}"),
        ] {
            assert_eq!(check(head.as_bytes(), &front), Err(Refusal::Misdirected));
        }
    }

    #[test]
    fn responses_say_the_connection_closes() {
        let response = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".to_vec();
        let end = find(&response, b"\r\n\r\n").expect("head");
        assert_eq!(
            closing(response, end),
            b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
        );
        let stream = b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n".to_vec();
        assert_eq!(closing(stream.clone(), stream.len() - 4), stream);
    }

    #[test]
    fn the_warning_is_for_addresses_other_machines_reach() {
        let at = |a: &str| a.parse::<SocketAddr>().expect("address");
        assert!(exposure_warning(at("127.0.0.1:1111"), true).is_none());
        assert!(exposure_warning(at("[::1]:1111"), true).is_none());
        let everywhere = exposure_warning(at("0.0.0.0:1111"), true).expect("warning");
        assert!(everywhere.contains("embargoed press releases"));
        assert!(everywhere.contains("127.0.0.1"));
        let lan = exposure_warning(at("192.168.1.5:1111"), false).expect("warning");
        assert!(!lan.contains("embargoed"));
    }
}
