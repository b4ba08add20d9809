//! A page (an entry at its address) and the index that finds pages by kind, stem and language.

use super::*;

/// An entry with its place on the site.
#[derive(Debug, Clone)]
pub struct Page {
    /// Shared with the parse cache of `serve`.
    pub entry: Arc<Entry>,
    /// `kind/stem`: the same for every language of the entry.
    pub key: String,
    /// `key_hash` of the key, kept beside it: comparing the lists of two builds reads it for
    /// every page, without following the pointer to the key.
    pub key_hash: u64,
    /// Path below the site root, without the base path: "" (home), "pers/x/", "en/press/x/".
    /// Set with `set_url`.
    pub url: String,
    /// `folded_url_hash` of `url`, beside the page: looking for the pages at an address reads
    /// it for every page, and only a page with the same hash for its address.
    pub(super) url_hash: u64,
    /// Shared with the Markdown cache of `serve`; set with `set_rendered`.
    pub rendered: Arc<Rendered>,
    /// `Rendered::links_mask` and `links_unresolved`, beside the page: looking for the pages
    /// that link to a page reads them for every page.
    pub(super) links_mask: u64,
    pub(super) links_unresolved: bool,
}

impl Page {
    /// The page of a published entry, its Markdown not rendered yet.
    pub(super) fn new(config: &Config, entry: Arc<Entry>) -> Page {
        let url = entry_url(config, &entry);
        Page {
            key_hash: key_hash(entry.kind, &entry.stem),
            key: format!("{}/{}", entry.kind.folder(), entry.stem),
            url_hash: folded_url_hash(&url),
            url,
            entry,
            rendered: Arc::default(),
            links_mask: 0,
            links_unresolved: false,
        }
    }

    /// Gives the page another address; returns the one it had.
    pub(super) fn set_url(&mut self, url: String) -> String {
        self.url_hash = folded_url_hash(&url);
        std::mem::replace(&mut self.url, url)
    }

    /// `folded_url_hash` of its address.
    pub fn url_hash(&self) -> u64 {
        self.url_hash
    }

    pub(super) fn set_rendered(&mut self, rendered: Arc<Rendered>) {
        self.links_mask = rendered.links_mask;
        self.links_unresolved = rendered.links_unresolved;
        self.rendered = rendered;
    }

    /// Whether the page's text links to any of `keys`, whose `markdown::link_bit`s are
    /// `mask`.
    pub(super) fn links_to_any(&self, keys: &HashSet<String>, mask: u64) -> bool {
        self.links_mask & mask != 0 && keys.iter().any(|key| self.rendered.links_to.contains(key))
    }
}

/// The hash of an address lowercased (`Page::url_hash`): pages at the same address, or at
/// addresses that differ only in case, have the same.
pub fn folded_url_hash(url: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(url.to_lowercase().as_bytes())
}

/// The `markdown::link_bit`s of `keys`.
pub(super) fn links_mask(keys: &HashSet<String>) -> u64 {
    (keys.iter()).fold(0, |mask, key| mask | markdown::link_bit(key))
}

/// Pages by kind, stem and language; looked up by `&str`, without making a key `String`.
#[derive(Default)]
pub struct PageIndex {
    pub(super) by_kind: HashMap<(Kind, Lang), HashMap<String, usize>>,
}

impl PageIndex {
    pub(super) fn insert(&mut self, entry: &Entry, page: usize) {
        self.by_kind
            .entry((entry.kind, entry.lang))
            .or_default()
            .insert(entry.stem.clone(), page);
    }

    pub fn get(&self, kind: Kind, stem: &str, lang: Lang) -> Option<usize> {
        self.by_kind.get(&(kind, lang))?.get(stem).copied()
    }

    pub fn contains(&self, kind: Kind, stem: &str, lang: Lang) -> bool {
        self.get(kind, stem, lang).is_some()
    }

    /// Moves every position from `at` on one up, for a page put in there (`inserted`), or
    /// every position after it one down, for the page taken out there. No key is hashed.
    pub(super) fn shift(&mut self, at: usize, inserted: bool) {
        for position in self.by_kind.values_mut().flat_map(HashMap::values_mut) {
            shift_position(position, at, inserted);
        }
    }
}

/// Moves a position in `Site::pages` for a page put in at `at` (`inserted`) or taken out there.
pub(super) fn shift_position(position: &mut usize, at: usize, inserted: bool) {
    if inserted && *position >= at {
        *position += 1;
    } else if !inserted && *position > at {
        *position -= 1;
    }
}
