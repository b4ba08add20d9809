//! Links into the site written as addresses (`/doelen/x/`, `https://www.wedoenhetsamen.nu/…`)
//! checked against the files a build writes, once they are all known: a reader must never
//! follow a link of the site's own to a page it does not have.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::resolve::Site;
use std::collections::{BTreeSet, HashMap};

/// Reports each link in the pages' Markdown whose file `written` does not hold, or holds with
/// other capitals, or whose `#anchor` its page does not have. `written` answers for a path
/// relative to the output folder, in lower case, with the path as written.
pub fn check(site: &Site, written: &dyn Fn(&str) -> Option<String>, diagnostics: &mut Diagnostics) {
    // Pages by the file they are written to, made only when a link names an anchor.
    let mut by_file: Option<HashMap<String, usize>> = None;
    for page in &site.pages {
        // Hints are searched for as many problems as a file lists: each compares with every
        // page, and the rest are counted, their hints never shown.
        let mut found = 0;
        for link in &page.rendered.site_links {
            let file = link.file.to_lowercase();
            let explain = found < crate::diagnostic::LISTED_PER_FILE;
            let exact = written(&file);
            let problem = if exact.is_none() && is_held_file(site, &file) {
                Some((
                    crate::tr!("resolve-file-held", file = &link.written),
                    crate::tr!("resolve-file-held-hint"),
                ))
            } else if exact.is_none() {
                let hint = match explain {
                    true => hint(site, &link.file, page.lang),
                    false => crate::tr!("link-write-at-links"),
                };
                Some((crate::tr!("link-not-on-site", link = &link.written), hint))
            } else if let Some(exact) = exact.filter(|exact| *exact != link.file) {
                // Found only because case was ignored: most hosts do not ignore it.
                let fixed = with_capitals_of(&link.written, &link.file, &exact);
                Some((
                    crate::tr!("link-other-capitals", link = &link.written),
                    crate::tr!("link-other-capitals-hint", fixed = fixed),
                ))
            } else if let Some(anchor) = link.anchor.as_deref().filter(|a| !a.is_empty()) {
                let pages = by_file.get_or_insert_with(|| {
                    (site.pages.iter().enumerate())
                        .map(|(i, p)| {
                            (
                                crate::render::html_path(&p.url)
                                    .trim_start_matches('/')
                                    .to_lowercase(),
                                i,
                            )
                        })
                        .collect()
                });
                missing_anchor(site, pages.get(&file).copied(), anchor, link, explain)
            } else {
                None
            };
            if let Some((message, hint)) = problem {
                found += 1;
                diagnostics.push(
                    Diagnostic::error(&page.entry.path, link.line, link.col, message)
                        .with_hint(hint),
                );
            }
        }
    }
}

/// The file held back with a draft or an embargoed release whose address is `file` (in lower
/// case, relative to the output folder): a link to it would publish it before that entry.
fn is_held_file(site: &Site, file: &str) -> bool {
    (site.held_files.iter()).any(|(kind, relative)| {
        crate::resolve::asset_url(&site.config, *kind, relative).to_lowercase() == file
    })
}

/// The link `written`, which names the file `file`, with the capitals of the file as it is
/// (`exact`); the file itself when they cannot be matched up.
fn with_capitals_of(written: &str, file: &str, exact: &str) -> String {
    // `/PERS/` names `PERS/index.html`: the part written is what precedes `index.html`.
    let named = |path: &'_ str| -> String {
        match written.contains("index.html") {
            true => path.to_string(),
            false => path
                .trim_end_matches("index.html")
                .trim_end_matches('/')
                .to_string(),
        }
    };
    let (file, exact) = (named(file), named(exact));
    match !file.is_empty() && written.contains(&file) {
        true => written.replacen(&file, &exact, 1),
        false => exact,
    }
}

/// The anchor problem of a link to a page the site has, if any: an entry page has its
/// headings' ids, every page the theme's own.
fn missing_anchor(
    site: &Site,
    page: Option<usize>,
    anchor: &str,
    link: &crate::markdown::SiteLink,
    explain: bool,
) -> Option<(String, String)> {
    if crate::markdown::THEME_IDS.contains(&anchor) {
        return None;
    }
    let headings = page.map_or(&[][..], |i| &site.pages[i].rendered.headings[..]);
    if headings.iter().any(|h| h.id == anchor) {
        return None;
    }
    // The anchors to choose from, only for a problem that is listed.
    let ids: BTreeSet<String> = (headings.iter())
        .filter(|_| explain)
        .map(|h| h.id.clone())
        .collect();
    Some((
        crate::tr!("link-anchor-missing", link = &link.written, anchor = anchor),
        crate::markdown::suggest_anchor(anchor, &ids, crate::markdown::Which::ThatPage),
    ))
}

/// "did you mean" the page whose address ends like the one written, and the advice to write
/// `@/` links, which wdhs keeps right when addresses change.
/// Pages of the linking page's language are suggested: a Dutch text links to Dutch pages.
fn hint(site: &Site, file: &str, lang: crate::lang::Lang) -> String {
    let wanted = file.trim_end_matches("index.html").trim_end_matches('/');
    let last = wanted.rsplit('/').next().unwrap_or(wanted);
    let same_language = || site.pages.iter().filter(|p| p.lang == lang);
    let close = crate::diagnostic::suggest(
        last,
        same_language().filter_map(|p| p.url.trim_end_matches('/').rsplit('/').next()),
    );
    let page = close.and_then(|slug| {
        same_language().find(|p| p.url.trim_end_matches('/').ends_with(&format!("/{slug}")))
    });
    match page {
        Some(page) => crate::tr!(
            "link-did-you-mean",
            url = format!("{}{}", site.config.base_path(), page.url),
            link = format!("{}/{}", page.kind.folder(), page.entry.stem)
        ),
        None => crate::tr!("link-write-at-links"),
    }
}
