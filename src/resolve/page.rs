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
    pub url: String,
    /// `folded_url_hash` of `url`, beside the page: looking for the pages at an address reads
    /// it for every page, and only a page with the same hash for its address.
    pub(super) url_hash: u64,
    /// Shared with the Markdown cache of `serve`; set with `set_rendered`.
    pub rendered: Arc<Rendered>,
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
        }
    }

    /// `folded_url_hash` of its address.
    pub fn url_hash(&self) -> u64 {
        self.url_hash
    }

    pub(super) fn set_rendered(&mut self, rendered: Arc<Rendered>) {
        self.rendered = rendered;
    }
}

/// The hash of an address lowercased (`Page::url_hash`): pages at the same address, or at
/// addresses that differ only in case, have the same.
pub fn folded_url_hash(url: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(url.to_lowercase().as_bytes())
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
}
