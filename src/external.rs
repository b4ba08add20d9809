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
    let rest = url.split_once("://").map_or("", |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host).to_ascii_lowercase();
    host.strip_prefix("www.").unwrap_or(&host).to_string()
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
        .max_redirects(5)
        .user_agent(concat!("wdhs-link-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// `None` when the link answers; else why not, in the editor's words. HEAD first; servers
/// that do not answer HEAD properly are asked with GET.
fn ask(agent: &ureq::Agent, url: &str) -> Option<String> {
    let status = match agent.head(url).call() {
        Ok(response) if !matches!(response.status().as_u16(), 403 | 405 | 501) => {
            Ok(response.status().as_u16())
        }
        _ => agent.get(url).call().map(|r| r.status().as_u16()),
    };
    match status {
        Ok(status) if status < 400 => None,
        Ok(status) => Some(crate::tr!("external-status", status = status)),
        Err(ureq::Error::HostNotFound) => Some(crate::tr!("external-no-host")),
        // ureq reports a failed name lookup as an I/O error.
        Err(ureq::Error::Io(error)) if error.to_string().contains("lookup") => {
            Some(crate::tr!("external-no-host"))
        }
        Err(ureq::Error::Timeout(_)) => {
            Some(crate::tr!("external-timeout", seconds = TIMEOUT.as_secs()))
        }
        Err(error) => Some(crate::tr!("external-failed", detail = error.to_string())),
    }
}
