//! `wdhs check --external`: every link to another website (in the text and in fields such as a
//! partner's `url`) is tried, in parallel but one at a time per host, with a timeout; a dead one
//! (404, an unknown host, a TLS or connection error) is a warning at its line. Results are kept
//! in `.wdhs-cache/links.json` for a day, so a second check asks only what it did not know.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::resolve::Site;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long one request may take, connecting included.
const TIMEOUT: Duration = Duration::from_secs(10);
/// Requests under way at once (each to another host).
const WORKERS: usize = 8;
/// Redirects followed from one link before it counts as dead.
const MAX_REDIRECTS: usize = 5;
/// How long a link that answered is believed without asking again.
const KEEP_GOOD_FOR: Duration = Duration::from_secs(24 * 60 * 60);

/// A link to another site and where it is written.
#[derive(Debug, Clone)]
struct Found {
    url: String,
    path: PathBuf,
    line: usize,
    col: usize,
}

/// What asking gave: `None` when the link works, else why not.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Answer {
    dead: Option<String>,
    /// Seconds since 1970, when asked.
    asked: u64,
}

/// Checks every external link of the site, reporting dead ones as warnings.
pub fn check(site: &Site, root: &Path, diagnostics: &mut Diagnostics) {
    let found = links(site);
    // Only inside a real `.wdhs-cache` folder: a link in its place (content is untrusted; so is
    // what a pull request commits beside it) is neither read nor written through.
    let cache_path = crate::image_cache::cache_dir(root)
        .parent()
        .filter(|folder| {
            std::fs::symlink_metadata(folder)
                .map_or(true, |m| m.is_dir() && !m.file_type().is_symlink())
        })
        .map(|p| p.join("links.json"))
        .filter(|file| std::fs::symlink_metadata(file).map_or(true, |m| m.is_file()));
    let mut cache: BTreeMap<String, Answer> = cache_path
        .as_ref()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    let now = now();
    let to_ask: Vec<String> = {
        let mut seen = HashSet::new();
        (found.iter())
            .map(|f| f.url.clone())
            .filter(|url| seen.insert(url.clone()))
            .filter(|url| {
                cache.get(url).is_none_or(|answer| {
                    answer.dead.is_some()
                        || now.saturating_sub(answer.asked) > KEEP_GOOD_FOR.as_secs()
                })
            })
            .collect()
    };
    for (url, dead) in ask_all(to_ask) {
        cache.insert(url, Answer { dead, asked: now });
    }
    for link in &found {
        if let Some(Answer {
            dead: Some(why), ..
        }) = cache.get(&link.url)
        {
            diagnostics.push(
                Diagnostic::warning(
                    &link.path,
                    link.line,
                    link.col,
                    crate::tr!("external-dead", url = &link.url, why = why),
                )
                .with_hint(crate::tr!("external-dead-hint")),
            );
        }
    }
    // A cache that cannot be written costs only the next check's time.
    if let Some(path) = cache_path
        && let Ok(json) = serde_json::to_vec_pretty(&cache)
        && path
            .parent()
            .is_some_and(|p| std::fs::create_dir_all(p).is_ok())
    {
        let _ = std::fs::write(path, json);
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Every `http:`/`https:` link of the published pages that does not lead into the site itself
/// (those are checked by every build), in page order.
fn links(site: &Site) -> Vec<Found> {
    let own = host(&site.config.site_url);
    let mut found = Vec::new();
    for page in &site.pages {
        let entry = &page.entry;
        for field in web_addresses(&entry.data) {
            found.push(Found {
                url: field.value.clone(),
                path: field.path.to_path_buf(),
                line: field.line,
                col: field.col,
            });
        }
        for (url, line, col) in &page.rendered.external_links {
            found.push(Found {
                url: url.clone(),
                path: entry.path.clone(),
                line: *line,
                col: *col,
            });
        }
    }
    found.retain(|f| {
        matches!(
            crate::safe_url::scheme(&f.url).as_deref(),
            Some("http" | "https")
        ) && (own.is_empty() || host(&f.url) != own)
    });
    found
}

/// The fields that hold another site's address: a partner's `url`, an initiative's `website`.
fn web_addresses(data: &crate::model::EntryData) -> Vec<&crate::fields::Located<String>> {
    use crate::model::EntryData;
    match data {
        EntryData::Partner(partner) => vec![&partner.url],
        EntryData::Initiative(initiative) => initiative.website.iter().collect(),
        _ => Vec::new(),
    }
}

/// The host of a URL, lower case and without `www.`: `https://www.x.nl/a` → `x.nl`.
fn host(url: &str) -> String {
    let host = split_url(url).map_or("", |(_, authority, _)| authority);
    let host = host.rsplit('@').next().unwrap_or(host).to_ascii_lowercase();
    host.strip_prefix("www.").unwrap_or(&host).to_string()
}

/// `https://www.x.nl/a?b` → (`https`, `www.x.nl`, `/a?b`); `None` without a scheme.
fn split_url(url: &str) -> Option<(&str, &str, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some((scheme, &rest[..end], &rest[end..]))
}

/// Asks every URL, one at a time per host and `WORKERS` hosts at once: (URL, why it is dead).
fn ask_all(urls: Vec<String>) -> Vec<(String, Option<String>)> {
    let mut by_host: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for url in urls {
        by_host.entry(host(&url)).or_default().push(url);
    }
    let queue = Mutex::new(by_host.into_values().collect::<Vec<_>>());
    let answers = Mutex::new(Vec::new());
    let agent = agent();
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| {
                while let Some(host_urls) = queue.lock().ok().and_then(|mut q| q.pop()) {
                    for url in host_urls {
                        let dead = ask(&agent, &url);
                        if let Ok(mut answers) = answers.lock() {
                            answers.push((url, dead));
                        }
                    }
                }
            });
        }
    });
    answers.into_inner().unwrap_or_default()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        // Followed by `ask`, which checks where each one leads.
        .max_redirects(0)
        .user_agent(concat!("wdhs-link-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// `None` when the link answers; else why not, in the editor's words. Redirects are followed
/// here, each to an address checked like the first.
fn ask(agent: &ureq::Agent, url: &str) -> Option<String> {
    let mut url = url.to_string();
    for _ in 0..=MAX_REDIRECTS {
        if let Some(refused) = private_address(&url) {
            return Some(refused);
        }
        match status_and_location(agent, &url) {
            Ok((status, Some(location))) if (300..400).contains(&status) => {
                url = follow(&url, &location);
            }
            Ok((status, _)) if status < 400 => return None,
            Ok((status, _)) => return Some(crate::tr!("external-status", status = status)),
            Err(error) => return Some(describe(error)),
        }
    }
    Some(crate::tr!("external-redirects", count = MAX_REDIRECTS))
}

/// The status and `Location` of one request: HEAD first, GET for servers that do not answer
/// HEAD properly.
fn status_and_location(
    agent: &ureq::Agent,
    url: &str,
) -> Result<(u16, Option<String>), ureq::Error> {
    let response = match agent.head(url).call() {
        Ok(response) if !matches!(response.status().as_u16(), 403 | 405 | 501) => response,
        _ => agent.get(url).call()?,
    };
    let location = (response.headers().get("location"))
        .and_then(|value| value.to_str().ok())
        .map(str::to_string);
    Ok((response.status().as_u16(), location))
}

fn describe(error: ureq::Error) -> String {
    match error {
        ureq::Error::HostNotFound => crate::tr!("external-no-host"),
        // ureq reports a failed name lookup as an I/O error.
        ureq::Error::Io(error) if error.to_string().contains("lookup") => {
            crate::tr!("external-no-host")
        }
        ureq::Error::Timeout(_) => {
            crate::tr!("external-timeout", seconds = TIMEOUT.as_secs())
        }
        error => crate::tr!("external-failed", detail = error.to_string()),
    }
}

/// Where a redirect leads: `location` read against the address that answered with it.
fn follow(from: &str, location: &str) -> String {
    let Some((scheme, authority, path)) = split_url(from) else {
        return location.to_string();
    };
    if location.contains("://") {
        location.to_string()
    } else if let Some(no_scheme) = location.strip_prefix("//") {
        format!("{scheme}://{no_scheme}")
    } else if location.starts_with('/') {
        format!("{scheme}://{authority}{location}")
    } else {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
        format!("{scheme}://{authority}{folder}/{location}")
    }
}

/// Why `url` is not asked, when its host is on this machine or a private network. Content is
/// untrusted and CI runs this check on its own network: a link to `http://169.254.169.254/`
/// (a cloud's metadata service) or `http://localhost:8080/admin` must not make wdhs ask there.
/// `WDHS_EXTERNAL_ALLOW_PRIVATE=1` allows it, for a site whose links lead into an intranet.
fn private_address(url: &str) -> Option<String> {
    if std::env::var_os("WDHS_EXTERNAL_ALLOW_PRIVATE").is_some_and(|v| v == "1") {
        return None;
    }
    let uri: ureq::http::Uri = url.parse().ok()?;
    let host = uri.host()?.trim_start_matches('[').trim_end_matches(']');
    let port = uri
        .port_u16()
        .unwrap_or(if uri.scheme_str() == Some("https") {
            443
        } else {
            80
        });
    // A name that cannot be looked up is left to the request, which says so.
    let addresses = std::net::ToSocketAddrs::to_socket_addrs(&(host, port)).ok()?;
    for address in addresses {
        let ip = address.ip();
        if !is_public(ip) {
            // An IPv4 address inside an IPv6 one is named: that is where the link leads, and
            // `::7f00:1` would not tell an editor it is this machine.
            let shown = match ip {
                std::net::IpAddr::V6(v6) => embedded_ipv4(v6).map_or(ip, std::net::IpAddr::V4),
                std::net::IpAddr::V4(_) => ip,
            };
            return Some(crate::tr!("external-private", address = shown.to_string()));
        }
    }
    None
}

/// Whether an address is on the public internet: not this machine, a private or link-local
/// network, a shared (carrier) network, multicast or a reserved range. An IPv6 address that
/// carries an IPv4 one is judged by the IPv4 one: `[::127.0.0.1]` reaches this machine as
/// surely as `127.0.0.1` on some systems and translators.
fn is_public(ip: std::net::IpAddr) -> bool {
    use std::net::IpAddr;
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || a >= 240
                || (a == 100 && (64..128).contains(&b))
                || (a == 198 && (18..20).contains(&b))
                || (a == 192 && b == 0 && c == 0))
        }
        IpAddr::V6(v6) => match embedded_ipv4(v6) {
            Some(v4) => is_public(IpAddr::V4(v4)),
            None => is_public_v6(v6),
        },
    }
}

/// The IPv4 address inside an IPv6 one, for each form that is delivered to that IPv4 host by
/// the system itself or by a translator or relay on the way:
/// - IPv4-mapped `::ffff:a.b.c.d` and IPv4-compatible `::a.b.c.d` (deprecated, but a system may
///   still send it over IPv4), except `::` and `::1`, which are IPv6's own;
/// - IPv4-translated `::ffff:0:a.b.c.d` (RFC 2765/6145, for a stateless translator);
/// - NAT64 `64:ff9b::a.b.c.d` (RFC 6052's well-known prefix);
/// - 6to4 `2002:aabb:ccdd::/48` (RFC 3056), which is tunnelled to `a.b.c.d`.
///
/// A public IPv4 address in these forms is allowed. On an IPv6-only network with DNS64 every
/// website that has only IPv4 is looked up as `64:ff9b::a.b.c.d`; refusing NAT64 as a whole
/// would make all those links look private. The translator sends the request to `a.b.c.d`, so
/// judging that address is exactly as strict as judging a plain IPv4 link. (A NAT64 prefix a
/// network chose for itself looks like any other address and cannot be recognised here.)
fn embedded_ipv4(v6: std::net::Ipv6Addr) -> Option<std::net::Ipv4Addr> {
    let joined = |high: u16, low: u16| (u32::from(high) << 16 | u32::from(low)).into();
    match v6.segments() {
        [0, 0, 0, 0, 0, 0xffff, high, low]
        | [0, 0, 0, 0, 0xffff, 0, high, low]
        | [0x64, 0xff9b, 0, 0, 0, 0, high, low] => Some(joined(high, low)),
        [0, 0, 0, 0, 0, 0, high, low] if !v6.is_loopback() && !v6.is_unspecified() => {
            Some(joined(high, low))
        }
        [0x2002, high, low, ..] => Some(joined(high, low)),
        _ => None,
    }
}

/// `is_public` for an IPv6 address without an IPv4 address in it.
fn is_public_v6(v6: std::net::Ipv6Addr) -> bool {
    let [first, second, ..] = v6.segments();
    !(v6.is_loopback()
        || v6.is_unspecified()
        || v6.is_multicast()
        || v6.is_unique_local()
        || v6.is_unicast_link_local()
        // Site-local (deprecated, still routed inside some networks).
        || first & 0xffc0 == 0xfec0
        // Documentation.
        || first == 0x2001 && second == 0x0db8
        || first == 0x3fff && second < 0x1000
        // Teredo: its IPv4 address is scrambled and the tunnel is long out of use.
        || first == 0x2001 && second == 0
        // The rest of NAT64's range: 64:ff9b:1::/48 is a network's own translator (RFC 8215),
        // which may put its IPv4 address anywhere in the address.
        || first == 0x0064 && second == 0xff9b
        // Discard-only (RFC 6666).
        || v6.segments()[..4] == [0x0100, 0, 0, 0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_are_asked() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "fec0::1",
            "2001:db8::1",
            "3fff::1",
            "100::1",
        ] {
            let ip: std::net::IpAddr = private.parse().expect("an address");
            assert!(!is_public(ip), "{private}");
        }
        for public in ["93.184.215.14", "145.97.39.155", "2a00:1450:400e:80f::2003"] {
            let ip: std::net::IpAddr = public.parse().expect("an address");
            assert!(is_public(ip), "{public}");
        }
    }

    #[test]
    fn an_ipv4_address_inside_an_ipv6_one_is_judged_as_ipv4() {
        for private in [
            // IPv4-mapped.
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            // IPv4-compatible (deprecated).
            "::127.0.0.1",
            "::169.254.169.254",
            "::192.168.1.1",
            "::0.0.0.2",
            // IPv4-translated (RFC 2765/6145).
            "::ffff:0:127.0.0.1",
            "::ffff:0:172.16.0.1",
            // NAT64, well-known prefix.
            "64:ff9b::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "64:ff9b::192.168.0.1",
            // 6to4: 2002:7f00:1:: is 127.0.0.1's, 2002:a9fe:a9fe:: the metadata service's.
            "2002:7f00:1::",
            "2002:7f00:1::1",
            "2002:a9fe:a9fe::1",
            "2002:c0a8:101::",
        ] {
            let ip: std::net::IpAddr = private.parse().expect("an address");
            assert!(!is_public(ip), "{private}");
        }
        // Whole ranges, whatever IPv4 address they seem to hold: Teredo, NAT64 local use
        // (RFC 8215) and the unassigned rest of 64:ff9b::/32.
        for refused in [
            "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            "2001:0:5db8:d7e7::1",
            "64:ff9b:1::5db8:d7e7",
            "64:ff9b:0:0:1::5db8:d7e7",
        ] {
            let ip: std::net::IpAddr = refused.parse().expect("an address");
            assert!(!is_public(ip), "{refused}");
        }
        // A public IPv4 address stays public in every form: DNS64 gives `64:ff9b::a.b.c.d`
        // for any website that has only IPv4.
        for public in [
            "::ffff:93.184.215.14",
            "::93.184.215.14",
            "::ffff:0:93.184.215.14",
            "64:ff9b::93.184.215.14",
            "2002:5db8:d70e::1",
        ] {
            let ip: std::net::IpAddr = public.parse().expect("an address");
            assert!(is_public(ip), "{public}");
        }
    }

    #[test]
    fn the_refusal_names_the_ipv4_address_inside() {
        // With WDHS_EXTERNAL_ALLOW_PRIVATE=1 in the environment nothing is refused to see.
        if std::env::var_os("WDHS_EXTERNAL_ALLOW_PRIVATE").is_some_and(|v| v == "1") {
            return;
        }
        let refused = |url: &str| private_address(url).unwrap_or_default();
        assert!(refused("http://[::127.0.0.1]/").contains("`127.0.0.1`"));
        assert!(refused("http://[::ffff:0:127.0.0.1]:8080/").contains("`127.0.0.1`"));
        assert!(refused("http://[2002:a9fe:a9fe::]/").contains("`169.254.169.254`"));
        assert!(refused("http://[::1]/").contains("`::1`"));
        assert!(refused("http://[64:ff9b::93.184.215.14]/").is_empty());
    }

    #[test]
    fn redirects_are_read_against_the_address_that_gave_them() {
        let from = "https://www.x.nl/a/b?c=1";
        assert_eq!(follow(from, "https://y.nl/"), "https://y.nl/");
        assert_eq!(follow(from, "//y.nl/z"), "https://y.nl/z");
        assert_eq!(follow(from, "/z"), "https://www.x.nl/z");
        assert_eq!(follow(from, "z"), "https://www.x.nl/a/z");
        assert_eq!(follow("http://x.nl", "z"), "http://x.nl/z");
    }
}
