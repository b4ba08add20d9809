//! A page (an entry at its address) and the index that finds pages by kind, stem and language.

use super::*;
use crate::incremental::dependencies;

/// An entry with its place on the site.
#[derive(Debug, Clone)]
pub struct Page {
    /// Shared with the parse cache of `serve`.
    pub entry: Arc<Entry>,
    /// The entry's kind and language, beside the page: the passes over every page (the
    /// index, the lists, what `serve` kept) read them without following the pointer to the
    /// entry, a wait for memory per page.
    pub kind: Kind,
    pub lang: Lang,
    /// Whether the entry names old addresses (`aliases`): the plan of every render asks it of
    /// every page, and nearly none has any.
    pub has_aliases: bool,
    /// `kind/stem`: the same for every language of the entry.
    pub key: Arc<str>,
    /// `key_hash` of the key, kept beside it: comparing the lists of two builds reads it for
    /// every page, without following the pointer to the key.
    pub key_hash: u64,
    /// Path below the site root, without the base path: "" (home), "pers/x/", "en/press/x/".
    pub url: Arc<str>,
    /// `folded_url_hash` of `url`, made beside the page (in parallel): looking for clashing
    /// addresses reads it for every page, and compares only addresses with the same hash.
    pub(super) url_hash: u64,
    /// Shared with the Markdown cache of `serve`; set with `set_rendered`.
    pub rendered: Arc<Rendered>,
}

/// What a page was made from, as `serve` keeps it to know the page again in its next build:
/// its address, entry and rendered Markdown. The caches give the same `Arc`s again for an
/// unchanged file, so they are compared by pointer (held here, no other can take their address).
#[derive(Debug, Clone)]
pub struct PageSource {
    /// `Page::key_hash`: with the entry's language, which page this is.
    pub key_hash: u64,
    pub url: Arc<str>,
    pub entry: Arc<Entry>,
    pub rendered: Arc<Rendered>,
}

impl PageSource {
    pub fn of(page: &Page) -> PageSource {
        PageSource {
            key_hash: page.key_hash,
            url: page.url.clone(),
            entry: page.entry.clone(),
            rendered: page.rendered.clone(),
        }
    }

    /// Whether `page` is the same entry's, in the same language, changed or not.
    pub fn of_page(&self, page: &Page) -> bool {
        self.key_hash == page.key_hash
            && (Arc::ptr_eq(&self.entry, &page.entry)
                || (self.entry.lang == page.lang
                    && self.entry.kind == page.kind
                    && self.entry.stem == page.entry.stem))
    }

    /// `Page::key` of the page this was taken from.
    pub fn key(&self) -> String {
        format!("{}/{}", self.entry.kind.folder(), self.entry.stem)
    }

    /// Whether `page` is the one this was taken from, unchanged.
    pub fn is(&self, page: &Page) -> bool {
        Arc::ptr_eq(&self.entry, &page.entry)
            && Arc::ptr_eq(&self.rendered, &page.rendered)
            && self.url == page.url
    }
}

impl Page {
    /// The page of a published entry, its Markdown not rendered yet.
    pub(super) fn new(config: &Config, entry: Arc<Entry>) -> Page {
        let url = entry_url(config, &entry);
        Page {
            kind: entry.kind,
            lang: entry.lang,
            has_aliases: !entry.aliases.is_empty(),
            key_hash: key_hash(entry.kind, &entry.stem),
            key: format!("{}/{}", entry.kind.folder(), entry.stem).into(),
            url_hash: folded_url_hash(&url),
            url: url.into(),
            entry,
            rendered: Arc::default(),
        }
    }

    /// Whether `key` (as `new` makes it) names the entry `kind`/`stem`, read without copying.
    fn has_key(&self, kind: Kind, stem: &str) -> bool {
        let rest = self.key.strip_prefix(kind.folder());
        rest.and_then(|rest| rest.strip_prefix('/')) == Some(stem)
    }

    pub(super) fn set_rendered(&mut self, rendered: Arc<Rendered>) {
        self.rendered = rendered;
    }
}

/// The hash of an address lowercased (`Page::url_hash`): pages at the same address, or at
/// addresses that differ only in case, have the same.
pub(super) fn folded_url_hash(url: &str) -> u64 {
    // Addresses are nearly always lowercase ASCII already: then they are hashed as they are.
    if url.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return xxhash_rust::xxh3::xxh3_64(url.as_bytes());
    }
    xxhash_rust::xxh3::xxh3_64(url.to_lowercase().as_bytes())
}

/// Pages by kind, stem and language. Keyed by the page's `key_hash`, which each page has
/// already: making the index copies no stem. A lookup compares the stem of the page found.
#[derive(Default, Debug, PartialEq)]
pub struct PageIndex {
    by_key: HashMap<(Lang, u64), usize>,
    /// Pages whose key has the hash of another's key in the same language: never seen, but
    /// kept exact all the same.
    same_hash: Vec<usize>,
}

impl PageIndex {
    pub(super) fn new(pages: &[Page]) -> PageIndex {
        let mut index = PageIndex {
            by_key: HashMap::with_capacity(pages.len()),
            same_hash: Vec::new(),
        };
        for (i, page) in pages.iter().enumerate() {
            match index.by_key.entry((page.lang, page.key_hash)) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(i);
                }
                std::collections::hash_map::Entry::Occupied(_) => index.same_hash.push(i),
            }
        }
        index
    }

    /// The index of the same pages after a merge moved them (`moved_to`: the place in `pages`
    /// now of the page at each place before, `None` for one that went), with the pages at
    /// `fresh` added: a pass over the index instead of a look-up per page. `None` where two
    /// keys have the same hash, for `new` to sort out.
    pub(super) fn moved(
        mut self,
        moved_to: &[Option<usize>],
        pages: &[Page],
        fresh: &[usize],
    ) -> Option<PageIndex> {
        if !self.same_hash.is_empty() {
            return None;
        }
        self.by_key
            .retain(|_, at| match moved_to.get(*at).copied().flatten() {
                Some(now) => {
                    *at = now;
                    true
                }
                None => false,
            });
        for i in fresh.iter().copied() {
            let page = pages.get(i)?;
            match self.by_key.entry((page.lang, page.key_hash)) {
                std::collections::hash_map::Entry::Vacant(v) => v.insert(i),
                std::collections::hash_map::Entry::Occupied(_) => return None,
            };
        }
        Some(self)
    }

    /// The position in `pages` (those the index was made of) of the entry's page in `lang`.
    pub fn get(&self, pages: &[Page], kind: Kind, stem: &str, lang: Lang) -> Option<usize> {
        // Compared by the page's own key (`kind/stem`), beside it in `pages`: the language is
        // that of the index's key, and the entry is not read (one wait for memory less).
        let has_key = |i: &usize| pages[*i].has_key(kind, stem);
        let found = self.by_key.get(&(lang, key_hash(kind, stem)))?;
        if has_key(found) {
            return Some(*found);
        }
        (self.same_hash.iter().copied()).find(|i| has_key(i) && pages[*i].lang == lang)
    }

    /// The position of the page at `i`'s entry in `lang`. Looked for beside it first: pages
    /// are in the order of their lists, then language, so an entry's languages mostly stand
    /// side by side, and a look there spares `serve` a search of the index per page per edit.
    pub fn translation(&self, pages: &[Page], i: usize, lang: Lang) -> Option<usize> {
        const NEAR: usize = 2;
        let page = &pages[i];
        let near = i.saturating_sub(NEAR)..pages.len().min(i + NEAR + 1);
        let beside = near.filter(|j| *j != i).find(|j| {
            let other = &pages[*j];
            other.key_hash == page.key_hash && other.lang == lang && other.key == page.key
        });
        beside.or_else(|| self.get(pages, page.kind, &page.entry.stem, lang))
    }

    pub fn contains(&self, pages: &[Page], kind: Kind, stem: &str, lang: Lang) -> bool {
        self.get(pages, kind, stem, lang).is_some()
    }
}

/// Where what is at place `i` of a list now was in the list before, found by `is_at`: at `i`,
/// or one place off when an item came or went before it (what an edit does); `None` when not
/// there.
pub fn place_beside(i: usize, is_at: impl Fn(usize) -> bool) -> Option<usize> {
    [Some(i), i.checked_sub(1), i.checked_add(1)]
        .into_iter()
        .flatten()
        .find(|j| is_at(*j))
}

/// For each item of `now`, its position in `before` (`same`), found in one walk along both:
/// what an edit leaves of a list stays in order, so an item that came, went or changed leaves
/// the others in step. An item not found there may still be in `before` elsewhere (moved far):
/// the callers treat it as new, or look for it otherwise.
pub fn in_step<B, N>(before: &[B], now: &[N], same: impl Fn(&B, &N) -> bool) -> Vec<Option<usize>> {
    let at = |i: usize, j: usize| matches!((now.get(i), before.get(j)), (Some(n), Some(b)) if same(b, n));
    let mut found = vec![None; now.len()];
    let (mut i, mut j) = (0, 0);
    while i < now.len() {
        if at(i, j) {
            found[i] = Some(j);
            j += 1;
        } else if at(i, j + 1) {
            // `before[j]` went, or changed.
            found[i] = Some(j + 1);
            j += 2;
        } else if !at(i + 1, j) {
            // `now[i]` is `before[j]` changed; else `now[i]` came, and `before[j]` is next.
            j += 1;
        }
        i += 1;
    }
    found
}

/// Where each of `pages` was in `before`, what an earlier build kept of its pages in their
/// order, if it was there: at its own place or beside it (one pass over pointers: an edit
/// leaves nearly every page where it was, or one place off when a page came or went before
/// it), else looked up by `key` in a map made only then. `is_of`: whether a kept item is the
/// page's (same entry, same language), changed or not.
pub fn places_before<T: Sync>(
    before: &[T],
    pages: &[Page],
    is_of: impl Fn(&T, &Page) -> bool + Sync,
    key: impl Fn(&T) -> dependencies::PageRef,
) -> Vec<Option<usize>> {
    let is_at = |j: usize, page: &Page| before.get(j).is_some_and(|b| is_of(b, page));
    let mut places: Vec<Option<usize>> = (pages.par_iter().enumerate())
        .map(|(i, page)| place_beside(i, |j| is_at(j, page)))
        .collect();
    // A few pages that came (most edits): each looked for along `before`, which costs far
    // less than a map of every page made to find them.
    const FEW: usize = 16;
    let missing = places.iter().filter(|place| place.is_none()).count();
    if missing <= FEW {
        for (page, place) in pages.iter().zip(&mut places) {
            if place.is_none() {
                *place = (0..before.len()).find(|j| is_at(*j, page));
            }
        }
        return places;
    }
    let by_key: HashMap<dependencies::PageRef, usize> = (before.iter().enumerate())
        .map(|(j, b)| (key(b), j))
        .collect();
    for (page, place) in pages.iter().zip(&mut places) {
        if place.is_none() {
            let found = by_key.get(&(page.lang, page.key_hash)).copied();
            *place = match found {
                Some(j) if is_at(j, page) => Some(j),
                // Two keys with one hash: the one the map does not hold is looked for in full.
                Some(_) => (0..before.len()).find(|j| is_at(*j, page)),
                None => None,
            };
        }
    }
    places
}
