//! The per-language search index: a compact JSON list of every page's title, URL, kind and
//! folded words, read by the search page's small script.

use crate::incremental::dependencies;
use crate::lang::Lang;
use crate::resolve::{Page, PageSource, Site};
use crate::write::Pieces;
use foldhash::HashMap;
use rayon::prelude::*;
use serde::Serialize;
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// What `serve` keeps of each language's index between builds, so an edit folds and
/// serializes only the pages that changed, and shares the other pieces of the last index.
pub type KeptIndexes = Mutex<HashMap<Lang, KeptIndex>>;

/// About how many records a piece of the index holds. A page starts a piece when its address
/// hashes to a multiple of this, so a page that changes, comes or goes makes one piece anew,
/// and the others are shared with the last index: a large site's index is a hundred megabytes.
/// Debug builds (the tests) make pieces of a few pages, so the small sites of the tests have
/// many, which the check against an index made anew then covers.
const RECORDS_PER_PIECE: u64 = if cfg!(debug_assertions) { 4 } else { 1024 };

/// A language's last index, in pieces, with where each page's record is in them. The pieces
/// are the ones `serve` serves (`write::Content::Shared`): kept once, not beside a copy.
pub struct KeptIndex {
    base_path: String,
    pieces: Vec<KeptPiece>,
    records: Vec<KeptRecord>,
}

/// The records of a run of pages, joined by commas; the index is `[`, the pieces joined by
/// commas, and `]`.
struct KeptPiece {
    /// Its first record's place in `KeptIndex::records`.
    first: usize,
    text: Arc<Vec<u8>>,
}

/// One page's record in a kept index, and the page it was made from.
struct KeptRecord {
    page: PageSource,
    piece: usize,
    /// Where it is in its piece's text.
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
pub fn build(site: &Site, lang: Lang, base_path: &str, cache: Option<&KeptIndexes>) -> Pieces {
    dependencies::read_every_page(lang);
    // From the lists, which hold every page of each kind and language in site order, and the
    // kinds follow each other in that order: no page's entry is read to learn its language.
    let positions: Vec<usize> = (crate::model::KINDS.into_iter())
        .flat_map(|kind| site.list_indices(kind, lang))
        .copied()
        .collect();
    debug_assert!(
        positions.is_sorted()
            && positions.len() == site.pages.iter().filter(|p| p.lang == lang).count(),
        "the lists hold every page of the language in site order"
    );
    let pages: Vec<&Page> = positions.iter().map(|i| &site.pages[*i]).collect();
    let Some(mut kept_indexes) = cache.and_then(|cache| cache.lock().ok()) else {
        return assemble(&pages, base_path, None).pieces();
    };
    let kept = (kept_indexes.remove(&lang)).filter(|kept| kept.base_path == base_path);
    let index = assemble(&pages, base_path, kept);
    // Debug builds (the tests) check what was kept against an index made anew.
    debug_assert_eq!(
        index.pieces().into_vec(),
        assemble(&pages, base_path, None).pieces().into_vec(),
        "kept search index"
    );
    let pieces = index.pieces();
    kept_indexes.insert(lang, index);
    pieces
}

impl KeptIndex {
    /// The index's bytes, sharing the text of its pieces.
    fn pieces(&self) -> Pieces {
        let comma = Arc::new(b",".to_vec());
        let mut pieces = vec![Arc::new(b"[".to_vec())];
        for (i, piece) in self.pieces.iter().enumerate() {
            if i > 0 {
                pieces.push(comma.clone());
            }
            pieces.push(piece.text.clone());
        }
        pieces.push(Arc::new(b"]".to_vec()));
        Pieces::new(pieces)
    }
}

/// The index of `pages`, with the pieces and records of `kept` where pages are as they were
/// then. The records are moved over, not cloned: a clone writes each page's counts, in their
/// memory.
fn assemble(pages: &[&Page], base_path: &str, kept: Option<KeptIndex>) -> KeptIndex {
    let (old_pieces, old_records) = kept
        .map(|kept| (kept.pieces, kept.records))
        .unwrap_or_default();
    let found = align(pages, &old_records);
    let made: Vec<Option<String>> = (pages.par_iter().zip(&found))
        .map(|(page, found)| found.is_none().then(|| record(page, base_path)))
        .collect();
    let runs = piece_runs(pages);
    let same = (runs.iter())
        .map(|run| same_piece(run, &found, &old_pieces, &old_records))
        .collect::<Vec<_>>();
    let mut old_records = old_records.into_iter().enumerate();
    let mut take_old = |j: usize| old_records.find(|(k, _)| *k == j).map(|(_, record)| record);
    let (mut pieces, mut records) = (Vec::new(), Vec::with_capacity(pages.len()));
    for (run, same) in runs.into_iter().zip(same) {
        let (piece, first) = (pieces.len(), records.len());
        let text = match same {
            Some(old) => {
                let moved = (found[run.clone()].iter()).filter_map(|j| take_old((*j)?));
                records.extend(moved.map(|record| KeptRecord { piece, ..record }));
                old_pieces[old].text.clone()
            }
            None => {
                let mut text = Vec::new();
                for i in run.clone() {
                    if i > run.start {
                        text.push(b',');
                    }
                    let start = text.len();
                    let page = match found[i].and_then(&mut take_old) {
                        Some(old) => {
                            text.extend_from_slice(&old_pieces[old.piece].text[old.at]);
                            old.page
                        }
                        None => {
                            let made = made[i].as_deref().unwrap_or("{}");
                            text.extend_from_slice(made.as_bytes());
                            PageSource::of(pages[i])
                        }
                    };
                    let at = start..text.len();
                    records.push(KeptRecord { page, piece, at });
                }
                Arc::new(text)
            }
        };
        pieces.push(KeptPiece { first, text });
    }
    KeptIndex {
        base_path: base_path.to_string(),
        pieces,
        records,
    }
}

/// The runs of pages that make one piece each: a page whose address hashes to a multiple of
/// `RECORDS_PER_PIECE` starts one.
fn piece_runs(pages: &[&Page]) -> Vec<Range<usize>> {
    let starts = (1..pages.len()).filter(|i| {
        xxhash_rust::xxh3::xxh3_64(pages[*i].url.as_bytes()).is_multiple_of(RECORDS_PER_PIECE)
    });
    let starts: Vec<usize> = std::iter::once(0).chain(starts).collect();
    let ends = starts.iter().skip(1).copied().chain([pages.len()]);
    (starts.iter().zip(ends))
        .filter(|(start, end)| **start < *end)
        .map(|(start, end)| *start..end)
        .collect()
}

/// The kept piece that holds the records of `run`'s pages and no others, all still theirs.
fn same_piece(
    run: &Range<usize>,
    found: &[Option<usize>],
    pieces: &[KeptPiece],
    records: &[KeptRecord],
) -> Option<usize> {
    let first = found[run.start]?;
    let piece = records[first].piece;
    let end = pieces
        .get(piece + 1)
        .map_or(records.len(), |next| next.first);
    let whole = pieces[piece].first == first && end - first == run.len();
    let all = (found[run.clone()].iter().zip(first..)).all(|(j, k)| *j == Some(k));
    (whole && all).then_some(piece)
}

/// For each page, the kept record that is still its own: found in step with the last index
/// by address (`resolve::in_step`); a page that came or moved far has none and is made again.
fn align(pages: &[&Page], kept: &[KeptRecord]) -> Vec<Option<usize>> {
    let found = crate::resolve::in_step(kept, pages, |record, page| record.page.url == page.url);
    (found.into_iter().zip(pages))
        .map(|(j, page)| j.filter(|j| kept.get(*j).is_some_and(|r| r.page.is(page))))
        .collect()
}

/// The page's record: its title, address, kind, summary and the start of its text, folded.
fn record(page: &Page, base_path: &str) -> String {
    let url = format!("{base_path}{}", page.url);
    let (title, summary, kind) = (page.entry.title(), page.entry.summary(), page.kind);
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
