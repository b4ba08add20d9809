//! The per-language search index: a compact JSON list of every page's title, URL, kind and
//! folded words, read by the search page's small script.

use crate::lang::Lang;
use crate::resolve::{Page, PageSource, Site};
use foldhash::HashMap;
use rayon::prelude::*;
use serde::Serialize;
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// What `serve` keeps of each language's index between builds, so an edit folds and
/// serializes only the pages that changed, and copies the others' records from the last index.
pub type KeptIndexes = Mutex<HashMap<Lang, KeptIndex>>;

/// A language's last index, with where each page's record is in it. The text is the one
/// `serve` serves (`write::Content::Shared`): kept once, not beside a copy.
pub struct KeptIndex {
    base_path: String,
    json: Arc<Vec<u8>>,
    records: Vec<Option<KeptRecord>>,
}

/// One page's record in a kept index, and the page it was made from.
struct KeptRecord {
    page: PageSource,
    at: Range<usize>,
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
pub fn build(
    site: &Site,
    lang: Lang,
    base_path: &str,
    cache: Option<&KeptIndexes>,
) -> Arc<Vec<u8>> {
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
    let Some(mut kept_indexes) = cache.and_then(|cache| cache.lock().ok()) else {
        return assemble(&pages, base_path, None).json;
    };
    let kept = (kept_indexes.remove(&lang)).filter(|kept| kept.base_path == base_path);
    let index = assemble(&pages, base_path, kept);
    // Debug builds (the tests) check what was kept against an index made anew.
    debug_assert_eq!(
        index.json,
        assemble(&pages, base_path, None).json,
        "kept search index"
    );
    let json = Arc::clone(&index.json);
    kept_indexes.insert(lang, index);
    json
}

/// The index of `pages`, with the records of `kept` where a page is as it was then. Its
/// records are moved over, not cloned: a clone writes each page's counts, in their memory.
fn assemble(pages: &[&Page], base_path: &str, kept: Option<KeptIndex>) -> KeptIndex {
    let (old_json, mut old_records) = kept
        .map(|kept| (kept.json, kept.records))
        // The index of no pages: what a site without pages of a language patches.
        .unwrap_or_else(|| (Arc::new(b"[]".to_vec()), Vec::new()));
    let found = align(pages, &old_records);
    let made: Vec<Option<String>> = (pages.par_iter().zip(&found))
        .map(|(page, found)| found.is_none().then(|| record(page, base_path)))
        .collect();
    if in_place(&found, &old_records) {
        return patch(pages, base_path, (old_json, old_records), made);
    }
    let length = (found.iter().zip(&made))
        .map(|(found, made)| match (found, made) {
            (Some(j), _) => old_records[*j].as_ref().map_or(0, |r| r.at.len()),
            (None, made) => made.as_ref().map_or(0, String::len),
        })
        .sum::<usize>();
    let mut json = Vec::with_capacity(length + pages.len() + 2);
    let mut records = Vec::with_capacity(pages.len());
    json.push(b'[');
    for ((page, found), made) in pages.iter().zip(found).zip(made) {
        if json.len() > 1 {
            json.push(b',');
        }
        let start = json.len();
        let kept = found.and_then(|j| old_records[j].take());
        let record = match (kept, made) {
            (Some(kept), _) => {
                json.extend_from_slice(&old_json[kept.at.clone()]);
                KeptRecord {
                    at: start..json.len(),
                    ..kept
                }
            }
            (None, made) => {
                json.extend_from_slice(made.as_deref().unwrap_or("{}").as_bytes());
                KeptRecord {
                    page: PageSource::of(page),
                    at: start..json.len(),
                }
            }
        };
        records.push(Some(record));
    }
    json.push(b']');
    KeptIndex {
        base_path: base_path.to_string(),
        json: Arc::new(json),
        records,
    }
}

/// Whether every page kept its place in the index (the last index had as many, and each page
/// either reuses the record at its own place or has a new one): an edit, not a page that came,
/// went or moved.
fn in_place(found: &[Option<usize>], kept: &[Option<KeptRecord>]) -> bool {
    found.len() == kept.len()
        && (found.iter().enumerate()).all(|(i, j)| j.is_none_or(|j| j == i))
        && kept.iter().all(Option::is_some)
}

/// The last index with the records `made` put in place of the old ones: what lies between
/// them is copied in runs, where a new index would copy every record on its own (a large
/// site's index is a hundred megabytes).
fn patch(
    pages: &[&Page],
    base_path: &str,
    (old_json, mut records): (Arc<Vec<u8>>, Vec<Option<KeptRecord>>),
    made: Vec<Option<String>>,
) -> KeptIndex {
    let changed: Vec<(usize, String)> = (made.into_iter().enumerate())
        .filter_map(|(i, made)| Some((i, made?)))
        .collect();
    let old_at = |i: usize| records[i].as_ref().map_or(0..0, |r| r.at.clone());
    let length = (changed.iter()).fold(old_json.len(), |length, (i, made)| {
        length - old_at(*i).len() + made.len()
    });
    let mut json = Vec::with_capacity(length);
    let mut copied = 0;
    for (i, made) in &changed {
        let at = old_at(*i);
        json.extend_from_slice(&old_json[copied..at.start]);
        json.extend_from_slice(made.as_bytes());
        copied = at.end;
    }
    json.extend_from_slice(&old_json[copied..]);
    let mut changed = changed.into_iter().peekable();
    let mut shift: isize = 0;
    for (i, slot) in records.iter_mut().enumerate() {
        let Some(record) = slot else { continue };
        let start = record.at.start.saturating_add_signed(shift);
        match changed.next_if(|(at, _)| *at == i) {
            Some((_, made)) => {
                shift += made.len() as isize - record.at.len() as isize;
                *record = KeptRecord {
                    page: PageSource::of(pages[i]),
                    at: start..start + made.len(),
                };
            }
            None => record.at = start..start + record.at.len(),
        }
    }
    KeptIndex {
        base_path: base_path.to_string(),
        json: Arc::new(json),
        records,
    }
}

/// For each page, the kept record that is still its own: looked for at the place the last
/// index had reached, or one further (a page that went), by address; a page that came or
/// moved has none and is made again.
fn align(pages: &[&Page], kept: &[Option<KeptRecord>]) -> Vec<Option<usize>> {
    let mut next = 0;
    let record_at = |j: usize, page: &Page| {
        (kept.get(j).and_then(Option::as_ref)).filter(|record| record.page.url == page.url)
    };
    (pages.iter())
        .map(|page| {
            let (j, record) = match (record_at(next, page), record_at(next + 1, page)) {
                (Some(record), _) => (next, record),
                (None, Some(record)) => (next + 1, record),
                (None, None) => return None,
            };
            next = j + 1;
            record.page.is(page).then_some(j)
        })
        .collect()
}

/// The page's record: its title, address, kind, summary and the start of its text, folded.
fn record(page: &Page, base_path: &str) -> String {
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
    serde_json::to_string(&document).unwrap_or_else(|_| "{}".to_string())
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
