//! The per-language search index: a compact JSON list of every page's title, URL, kind and
//! folded words, read by the search page's small script.

use crate::lang::Lang;
use crate::resolve::{Page, Site};
use foldhash::HashMap;
use rayon::prelude::*;
use serde::Serialize;
use std::sync::{Arc, RwLock};

/// Records kept between the builds of `serve`, by page URL, so an edit folds and serializes one
/// page instead of all of them.
pub type Records = RwLock<HashMap<String, Record>>;

/// One page's record and what it was made from: the entry and its rendered Markdown (the same
/// `Arc`s while the page is unchanged) and the base path.
pub struct Record {
    entry: Arc<crate::model::Entry>,
    rendered: Arc<crate::markdown::Rendered>,
    base_path: String,
    json: Arc<str>,
}

#[derive(Serialize)]
struct Document<'a> {
    /// title
    t: &'a str,
    /// URL
    u: String,
    /// kind
    k: &'static str,
    /// summary
    s: &'a str,
    /// folded text for matching: lowercase, diacritics removed
    x: String,
}

/// Lowercase with diacritics removed and every run of white space one space, so "Coöperatie
/// Één" finds "cooperatie een". ASCII, most of any text, skips the tables.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space_before = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space_before = !out.is_empty();
            continue;
        }
        if space_before {
            out.push(' ');
            space_before = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let base = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => {
                'a'
            }
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            'ý' | 'ÿ' | 'Ý' => 'y',
            c => c,
        };
        out.extend(base.to_lowercase());
    }
    out
}

/// Words of the body beyond this many characters add little to finding a page.
const TEXT_LIMIT: usize = 600;

/// The JSON list of every page of `lang`, in site order.
pub fn build(site: &Site, lang: Lang, base_path: &str, cache: Option<&Records>) -> String {
    crate::dependencies::read_every_page(lang);
    // From the lists, which hold every page of each kind and language in site order, and the
    // kinds follow each other in that order: no page's entry is read to learn its language.
    let positions: Vec<usize> = (crate::model::KINDS.into_iter())
        .flat_map(|kind| site.list_indices(kind, lang))
        .copied()
        .collect();
    debug_assert!(
        positions.is_sorted()
            && positions.len() == site.pages.iter().filter(|p| p.entry.lang == lang).count(),
        "the lists hold every page of the language in site order"
    );
    let pages: Vec<&Page> = positions.iter().map(|i| &site.pages[*i]).collect();
    // Read by every worker under one lock, taken once (a lock per page made the two threads
    // fight over it); what is made now is kept after, under the write lock.
    let kept = cache.and_then(|cache| cache.read().ok());
    let made: Vec<(Arc<str>, Option<Record>)> = pages
        .par_iter()
        .map(|page| record(page, base_path, kept.as_deref()))
        .collect();
    drop(kept);
    let mut records = Vec::with_capacity(made.len());
    let mut to_keep = Vec::new();
    for (page, (json, keep)) in pages.iter().zip(made) {
        to_keep.extend(keep.map(|keep| (page.url.to_string(), keep)));
        records.push(json);
    }
    if let Some(cache) = cache
        && !to_keep.is_empty()
        && let Ok(mut kept) = cache.write()
    {
        kept.extend(to_keep);
    }
    let mut out = String::with_capacity(records.iter().map(|r| r.len() + 1).sum::<usize>() + 2);
    out.push('[');
    for (i, record) in records.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(record);
    }
    out.push(']');
    out
}

/// The page's record, from `kept` while what it is made from is unchanged; else made now,
/// with what to keep of it when records are kept.
fn record(
    page: &Page,
    base_path: &str,
    kept: Option<&HashMap<String, Record>>,
) -> (Arc<str>, Option<Record>) {
    if let Some(record) = kept.and_then(|records| records.get(&*page.url))
        && Arc::ptr_eq(&record.entry, &page.entry)
        && Arc::ptr_eq(&record.rendered, &page.rendered)
        && record.base_path == base_path
    {
        return (record.json.clone(), None);
    }
    let url = format!("{base_path}{}", page.url);
    let (title, summary, kind) = (page.entry.title(), page.entry.summary(), page.entry.kind);
    let text = page.rendered.plain_text();
    let body_end = text
        .char_indices()
        .nth(TEXT_LIMIT)
        .map_or(text.len(), |(at, _)| at);
    let body = &text[..body_end];
    let document = Document {
        t: title,
        u: url,
        k: kind.folder(),
        s: summary,
        x: fold(&format!("{title} {summary} {body}")),
    };
    let json: Arc<str> = serde_json::to_string(&document)
        .unwrap_or_else(|_| "{}".to_string())
        .into();
    let keep = kept.map(|_| Record {
        entry: page.entry.clone(),
        rendered: page.rendered.clone(),
        base_path: base_path.to_string(),
        json: json.clone(),
    });
    (json, keep)
}

#[cfg(test)]
mod tests {
    #[test]
    fn folds_dutch_diacritics_and_case() {
        assert_eq!(super::fold("Coöperatie Één"), "cooperatie een");
        assert_eq!(
            super::fold("  Wij\tDOEN\n\n het\u{a0}samen  "),
            "wij doen het samen"
        );
        assert_eq!(super::fold("İstanbul ẞ"), "i̇stanbul ß");
    }
}
