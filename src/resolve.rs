//! Turns parsed entries into a `Site`: drafts and embargo held back, nl/en paired, permalinks
//! computed, references and internal links checked, Markdown rendered (in parallel), lists
//! sorted and indexed once. Pure: no I/O, no HTML templates.

use crate::config::{Config, MenuItem};
use crate::diagnostic::{Diagnostic, Diagnostics, display_path, suggest};
use crate::images::{ImageInfo, Picture};
use crate::lang::Lang;
use crate::load::Asset;
use crate::markdown::{self, LinkResolver, RenderInput, Rendered, Resolved};
use crate::model::{Entry, EntryData, Kind, Role};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

mod between;
mod patch;
use between::{Between, BetweenFound, check_between_pages};
pub use patch::{add_and_remove, patch};

#[derive(Debug, Clone)]
pub struct ResolveOptions {
    /// Publish drafts and embargoed press releases too (`--drafts`).
    pub drafts: bool,
    /// "Now" for the embargo of press releases dated in the future.
    pub today: Date,
}

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
    url_hash: u64,
    /// Shared with the Markdown cache of `serve`; set with `set_rendered`.
    pub rendered: Arc<Rendered>,
    /// `Rendered::links_mask` and `links_unresolved`, beside the page: looking for the pages
    /// that link to a page reads them for every page.
    links_mask: u64,
    links_unresolved: bool,
}

impl Page {
    /// The page of a published entry, its Markdown not rendered yet.
    fn new(config: &Config, entry: Arc<Entry>) -> Page {
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
    fn set_url(&mut self, url: String) -> String {
        self.url_hash = folded_url_hash(&url);
        std::mem::replace(&mut self.url, url)
    }

    /// `folded_url_hash` of its address.
    pub fn url_hash(&self) -> u64 {
        self.url_hash
    }

    fn set_rendered(&mut self, rendered: Arc<Rendered>) {
        self.links_mask = rendered.links_mask;
        self.links_unresolved = rendered.links_unresolved;
        self.rendered = rendered;
    }

    /// Whether the page's text links to any of `keys`, whose `markdown::link_bit`s are
    /// `mask`.
    fn links_to_any(&self, keys: &HashSet<String>, mask: u64) -> bool {
        self.links_mask & mask != 0 && keys.iter().any(|key| self.rendered.links_to.contains(key))
    }
}

/// The hash of an address lowercased (`Page::url_hash`): pages at the same address, or at
/// addresses that differ only in case, have the same.
pub fn folded_url_hash(url: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(url.to_lowercase().as_bytes())
}

/// The `markdown::link_bit`s of `keys`.
fn links_mask(keys: &HashSet<String>) -> u64 {
    (keys.iter()).fold(0, |mask, key| mask | markdown::link_bit(key))
}

/// Something left out of the build, for `check` to list.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct HeldBack {
    pub path: PathBuf,
    pub reason: String,
}

/// The published asset: where it comes from and its path below the site root.
#[derive(Debug, Clone)]
pub struct PublishedAsset {
    pub source: Asset,
    pub url: String,
}

/// Pages by kind, stem and language; looked up by `&str`, without making a key `String`.
#[derive(Default)]
pub struct PageIndex {
    by_kind: HashMap<(Kind, Lang), HashMap<String, usize>>,
}

impl PageIndex {
    fn insert(&mut self, entry: &Entry, page: usize) {
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
    fn shift(&mut self, at: usize, inserted: bool) {
        for position in self.by_kind.values_mut().flat_map(HashMap::values_mut) {
            shift_position(position, at, inserted);
        }
    }
}

/// Moves a position in `Site::pages` for a page put in at `at` (`inserted`) or taken out there.
fn shift_position(position: &mut usize, at: usize, inserted: bool) {
    if inserted && *position >= at {
        *position += 1;
    } else if !inserted && *position > at {
        *position -= 1;
    }
}

pub struct Site {
    pub config: Config,
    /// Sorted by kind, then the kind's list order, then language.
    pub pages: Vec<Page>,
    index: PageIndex,
    /// Per kind and language, in list order (press newest first, goals by number, …).
    lists: BTreeMap<(Kind, Lang), Vec<usize>>,
    pub assets: Vec<PublishedAsset>,
    pub held_back: Vec<HeldBack>,
    /// Raster images that can be published, by kind and path in the kind's folder.
    pub images: HashMap<(Kind, String), ImageInfo>,
    /// See `structure_hash`: equal between two builds when the same pages exist and no file,
    /// image or setting changed, whatever the pages' own addresses and the order of the lists.
    pub structure: u64,
    /// See `frame_hash`: the part of `structure` that is not the pages. With it unchanged, a
    /// page that appeared or went changes only what shows or links to it.
    pub frame: u64,
    /// For a patched site, every address that changed against the site the patch started
    /// from; `None` for a site resolved in full.
    pub address_changes: Option<Vec<AddressChange>>,
    /// Images whose original the editor asked to keep byte for byte (`keep_metadata`).
    pub keep_metadata: BTreeSet<(Kind, String)>,
    /// Names the directory as it is: which initiatives it lists in which order, under which
    /// province and themes. A site resolved in full gets a number no site before it had; a
    /// patch keeps the number when it left every initiative where it was (it may have shifted
    /// them all in `pages`, by a press release that came or went). What `serve` made of the
    /// directory (`render::RenderCache`) holds while the number does.
    pub directory: u64,
    /// The same for the press releases: which are listed in which order, naming which goals
    /// and partners.
    pub press: u64,
    /// The build's date (`--today`): what is embargoed, and which festivals are still to come.
    pub today: Date,
    /// Kept for `serve` only (`ResolveInput::markdown_cache`): what `patch` needs.
    incremental: Option<Incremental>,
}

/// What `patch` needs to render one page's Markdown again without resolving the whole site:
/// what links resolve against besides the pages, and the problems found so far, by stage.
struct Incremental {
    /// Drafts and "today", which decide what is published.
    options: ResolveOptions,
    all_keys: BTreeSet<(Kind, String)>,
    /// A hash of `all_keys` (see `CachedMarkdown::keys`).
    keys_hash: u64,
    /// See `pages_hash`.
    pages_hash: u64,
    held_keys: BTreeSet<(Kind, String)>,
    headers: crate::images::Headers,
    /// Which language files exist (`ResolveInput::files`).
    files: BTreeSet<(Kind, String, Lang)>,
    /// Every problem reported before the checks between pages: settings, files, entries.
    before_checks: Diagnostics,
    /// What the checks between pages found, by page: a patch checks its pages again.
    between: BetweenFound,
    /// Per page (same order as `Site::pages`), what rendering its Markdown found.
    markdown_found: Vec<Vec<Diagnostic>>,
    /// Per page, its links to anchors that the page linked to does not have.
    anchors_found: Vec<Vec<Diagnostic>>,
    /// The pages whose Markdown this build rendered rather than took from the cache.
    rendered_again: Vec<usize>,
}

impl Incremental {
    /// Every problem reported before the Markdown was rendered: those before the checks between
    /// pages and what they found, none of which reads a Markdown body.
    fn before_markdown(&self) -> impl Iterator<Item = &Diagnostic> {
        self.before_checks.iter().chain(self.between.all())
    }
}

impl Site {
    /// The `<picture>` sources of an image named in an entry's front matter or text.
    pub fn picture(&self, kind: Kind, file: &str) -> Option<Picture> {
        let relative = normalize_relative(file)?;
        let info = self.images.get(&(kind, relative.clone()))?;
        let base = self.config.base_path();
        Some(Picture::new(
            info,
            &asset_url(&self.config, kind, &relative),
            &|p| format!("{base}{p}"),
        ))
    }

    pub fn page(&self, kind: Kind, stem: &str, lang: Lang) -> Option<&Page> {
        self.index.get(kind, stem, lang).map(|i| &self.pages[i])
    }

    /// The position in `pages` of the entry's page in `lang`.
    pub fn index_of(&self, kind: Kind, stem: &str, lang: Lang) -> Option<usize> {
        self.index.get(kind, stem, lang)
    }

    pub fn list(&self, kind: Kind, lang: Lang) -> impl Iterator<Item = &Page> {
        self.lists
            .get(&(kind, lang))
            .into_iter()
            .flatten()
            .map(|i| &self.pages[*i])
    }

    /// Indices into `pages` of a kind's list, for slicing pages of a paginated list.
    pub fn list_indices(&self, kind: Kind, lang: Lang) -> &[usize] {
        self.lists.get(&(kind, lang)).map_or(&[], Vec::as_slice)
    }

    /// The goal with this number in this language.
    pub fn goal(&self, number: u8, lang: Lang) -> Option<&Page> {
        self.list(Kind::Goal, lang)
            .find(|p| matches!(&p.entry.data, EntryData::Goal(g) if g.number.value == number))
    }

    /// The pages whose Markdown the build that made this site rendered, rather than took from
    /// `serve`'s cache: those edited, and those linking to a page that moved.
    pub fn markdown_rendered_again(&self) -> impl Iterator<Item = &Page> {
        (self.incremental.iter())
            .flat_map(|state| state.rendered_again.iter())
            .filter_map(|i| self.pages.get(*i))
    }

    /// The URL of the entry in another language, if it is published there.
    pub fn translation(&self, page: &Page, lang: Lang) -> Option<&Page> {
        self.page(page.entry.kind, &page.entry.stem, lang)
    }
}

/// Path below the site root of a language's home: "" or "en/".
pub fn lang_prefix(config: &Config, lang: Lang) -> String {
    if lang == config.default_lang() {
        String::new()
    } else {
        format!("{}/", lang.code())
    }
}

/// Path below the site root of a section index: "pers/" or "en/press/".
pub fn section_url(config: &Config, kind: Kind, lang: Lang) -> String {
    // Built in place: pages ask for section URLs many times each.
    let mut url = lang_prefix(config, lang);
    if !matches!(kind, Kind::Home | Kind::Page) {
        url.push_str(config.section_name(kind, lang));
        url.push('/');
    }
    url
}

fn entry_url(config: &Config, entry: &Entry) -> String {
    match entry.kind {
        Kind::Home => lang_prefix(config, entry.lang),
        Kind::Page => format!("{}{}/", lang_prefix(config, entry.lang), entry.slug.value),
        kind => format!(
            "{}{}/",
            section_url(config, kind, entry.lang),
            entry.slug.value
        ),
    }
}

/// Where a kind's files beside the content are published.
pub fn asset_url(config: &Config, kind: Kind, relative: &str) -> String {
    match kind {
        Kind::Home | Kind::Page => format!("media/{relative}"),
        _ => format!(
            "{}/{relative}",
            config.section_name(kind, config.default_lang())
        ),
    }
}

fn sort_key(entry: &Entry) -> (i64, String) {
    match &entry.data {
        EntryData::Goal(g) => (i64::from(g.number.value), String::new()),
        EntryData::Partner(p) => (i64::from(p.role == Role::Signatory), p.name.to_lowercase()),
        // Newest first.
        EntryData::Press(p) => (-date_number(p.date), entry.stem.clone()),
        EntryData::Festival(f) => (-date_number(f.date), entry.stem.clone()),
        EntryData::Initiative(i) => (0, i.name.to_lowercase()),
        EntryData::Page(_) | EntryData::Home(_) => (0, entry.stem.clone()),
    }
}

/// Whether two versions of an entry are the same to everything resolving reads from an entry
/// besides its Markdown body: its URL, whether it is published, its place in lists, the values
/// both languages must agree on, what it refers to, the files it names, where it is listed in
/// the directory, and where each field was written (for the positions of problems). When this
/// holds, `patch` gives exactly what a full resolve would. A check that reads another field
/// must add it here; the tests of `serve` compare every patch with a full build.
pub fn same_to_resolve(a: &Entry, b: &Entry) -> bool {
    same_but_place(a, b)
        && a.slug == b.slug
        && a.field_locations == b.field_locations
        && sort_key(a) == sort_key(b)
        && list_date(a) == list_date(b)
}

/// `same_to_resolve`, except that the entry may have moved in its list (a new date of a press
/// release or festival, a new name of an initiative or partner), to a new address (a new
/// slug), or its fields to other lines. `patch` puts such an entry in its new place when it
/// stays published and nothing was reported before the checks between pages at the old
/// positions of its fields; the checks between pages run again on its pages.
pub fn same_but_place(a: &Entry, b: &Entry) -> bool {
    let common = a.kind == b.kind
        && a.stem == b.stem
        && a.lang == b.lang
        && a.draft == b.draft
        && a.keep_metadata == b.keep_metadata
        && a.path == b.path;
    common
        && match (&a.data, &b.data) {
            (EntryData::Goal(x), EntryData::Goal(y)) => {
                x.number == y.number && x.target_year == y.target_year
            }
            (EntryData::Partner(x), EntryData::Partner(y)) => x.role == y.role && x.logo == y.logo,
            (EntryData::Press(x), EntryData::Press(y)) => {
                x.partners == y.partners && x.goals == y.goals && x.image == y.image
            }
            (EntryData::Initiative(x), EntryData::Initiative(y)) => {
                x.province == y.province
                    && x.themes == y.themes
                    && x.goals == y.goals
                    && x.image == y.image
            }
            (EntryData::Festival(x), EntryData::Festival(y)) => {
                x.partners == y.partners && x.image == y.image
            }
            (EntryData::Page(_), EntryData::Page(_)) | (EntryData::Home(_), EntryData::Home(_)) => {
                true
            }
            _ => false,
        }
}

/// The date a press release or festival is listed (and a press release embargoed) by.
fn list_date(entry: &Entry) -> Option<Date> {
    match &entry.data {
        EntryData::Press(p) => Some(p.date),
        EntryData::Festival(f) => Some(f.date),
        _ => None,
    }
}

/// Whether `entry` is published on a site resolved with `options` (not a draft, not embargoed).
fn is_published(entry: &Entry, options: &ResolveOptions) -> bool {
    options.drafts
        || !(entry.draft || matches!(&entry.data, EntryData::Press(p) if p.date > options.today))
}

/// The order of `Site::pages`.
fn page_order(entry: &Entry) -> (Kind, (i64, String), String, Lang) {
    (entry.kind, sort_key(entry), entry.stem.clone(), entry.lang)
}

fn date_number(date: Date) -> i64 {
    i64::from(date.year()) * 10_000 + i64::from(date.month()) * 100 + i64::from(date.day())
}

/// What `resolve` works from: the parsed entries, the files beside them, and which language
/// files exist at all (also those that failed to parse or are drafts), so one mistake is not
/// reported again as a missing page.
pub struct ResolveInput<'a> {
    pub entries: Vec<Arc<Entry>>,
    pub assets: Vec<Asset>,
    pub files: BTreeSet<(Kind, String, Lang)>,
    /// What the header of each raster asset says, or why it cannot be used.
    pub images: crate::images::Headers,
    /// Rendered Markdown from the previous build (`serve`).
    pub markdown_cache: Option<&'a MarkdownCache>,
}

/// Rendered Markdown kept between the builds of `serve`, by language file, with the addresses
/// of the pages when it was last brought up to date.
#[derive(Default)]
pub struct MarkdownCache {
    /// Keyed by the path's bytes (hashing a `Path` splits it into components).
    pages: std::sync::RwLock<HashMap<std::ffi::OsString, CachedMarkdown>>,
    addresses: std::sync::Mutex<Addresses>,
}

/// The address of every page at the last resolve, and how many times addresses changed.
#[derive(Default)]
struct Addresses {
    urls: PageUrls,
    generation: u64,
}

/// Language → page key → URL.
pub type PageUrls = HashMap<Lang, HashMap<String, String>>;

/// A page whose address changed between two builds, or that appeared or went.
#[derive(Debug, Clone)]
pub struct MovedPage {
    pub key: String,
    pub lang: Lang,
    /// The address it had: none for a new page.
    pub before: Option<String>,
}

/// Brings `urls` up to the addresses of `pages`. Returns every page whose address changed; a
/// page that is gone is there too.
pub fn update_page_urls(urls: &mut PageUrls, pages: &[Page]) -> Vec<MovedPage> {
    let mut moved = Vec::new();
    for page in pages {
        let of_lang = urls.entry(page.entry.lang).or_default();
        match of_lang.get_mut(page.key.as_str()) {
            Some(url) if *url == page.url => {}
            Some(url) => {
                let before = std::mem::replace(url, page.url.clone());
                moved.push(MovedPage {
                    key: page.key.clone(),
                    lang: page.entry.lang,
                    before: Some(before),
                });
            }
            None => {
                of_lang.insert(page.key.clone(), page.url.clone());
                moved.push(MovedPage {
                    key: page.key.clone(),
                    lang: page.entry.lang,
                    before: None,
                });
            }
        }
    }
    // More addresses than pages: some are gone (rare; only then is every key compared).
    let known: usize = urls.values().map(HashMap::len).sum();
    if known != pages.len() {
        let present: HashSet<(Lang, &str)> = pages
            .iter()
            .map(|p| (p.entry.lang, p.key.as_str()))
            .collect();
        for (lang, of_lang) in urls.iter_mut() {
            of_lang.retain(|key, url| {
                let keep = present.contains(&(*lang, key.as_str()));
                if !keep {
                    moved.push(MovedPage {
                        key: key.clone(),
                        lang: *lang,
                        before: Some(url.clone()),
                    });
                }
                keep
            });
        }
    }
    moved
}

struct CachedMarkdown {
    /// The source, kept so an unchanged one is recognised by pointer, without reading it.
    body: Arc<str>,
    /// The line the body starts on, which the positions of its problems count from.
    first_line: usize,
    /// `Site::frame` when it was rendered: links to files, images and sections depend on it.
    frame: u64,
    /// The hash of every entry's key when it was rendered, when one of its `@/` links found no
    /// page: what that link says (the error, "did you mean") depends on which entries exist.
    /// Links that found a page are in `Rendered::links_to`, checked by address instead.
    keys: Option<u64>,
    /// `Addresses::generation` when it was last known to hold: it links to pages
    /// (`Rendered::links_to`), whose addresses may have changed since.
    checked: std::sync::atomic::AtomicU64,
    rendered: Arc<Rendered>,
    found: Vec<Diagnostic>,
}

/// A page whose address a patch changed, against the site it started from: its language, key
/// and address now (`None`: the page went).
#[derive(Debug, Clone)]
pub struct AddressChange {
    pub lang: Lang,
    pub key: String,
    pub url: Option<String>,
}

/// `update_page_urls` for a patch, which knows what changed: no page is read.
pub fn apply_address_changes(urls: &mut PageUrls, changes: &[AddressChange]) -> Vec<MovedPage> {
    let mut moved = Vec::new();
    for change in changes {
        let of_lang = urls.entry(change.lang).or_default();
        let before = match &change.url {
            Some(url) => of_lang.insert(change.key.clone(), url.clone()),
            None => of_lang.remove(&change.key),
        };
        if before != change.url {
            moved.push(MovedPage {
                key: change.key.clone(),
                lang: change.lang,
                before,
            });
        }
    }
    moved
}

/// The pages (by key) whose address changed since the last resolve, and the generation of
/// addresses they make (see `CachedMarkdown::checked`): from every page (`pages`), or from
/// what a patch changed (`changes`).
fn moved_pages(
    cache: &MarkdownCache,
    pages: &[Page],
    changes: Option<&[AddressChange]>,
) -> (HashSet<String>, u64) {
    let Ok(mut addresses) = cache.addresses.lock() else {
        return (HashSet::new(), u64::MAX);
    };
    // A page that appeared or went moved too: links to its key now resolve differently.
    let moved = match changes {
        Some(changes) => apply_address_changes(&mut addresses.urls, changes),
        None => update_page_urls(&mut addresses.urls, pages),
    };
    let moved: HashSet<String> = moved.into_iter().map(|page| page.key).collect();
    if !moved.is_empty() {
        addresses.generation += 1;
    }
    (moved, addresses.generation)
}

/// A hash of which pages exist (every page's key and language, and where each initiative is
/// listed) on top of the `frame`. With it unchanged, the site has the same outputs but for the
/// addresses of entries (`serve` uses this for the directory facets). The pages' own addresses
/// are left out (a new slug changes the pages that link to or show the entry, not the whole
/// site), and so is their order (a new date moves a press release in the lists).
fn structure_hash(pages_hash: u64, keys_hash: u64, frame: u64) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&pages_hash.to_le_bytes());
    hasher.update(&keys_hash.to_le_bytes());
    hasher.update(&frame.to_le_bytes());
    hasher.digest()
}

/// The sum of every page's `page_hash`: the same whatever the order of the pages, and brought
/// up to date by adding and subtracting when pages come and go (`add_and_remove`), without
/// reading every page again.
fn pages_hash(pages: &[Page]) -> u64 {
    pages.iter().map(page_hash).fold(0, u64::wrapping_add)
}

/// A page's part of the structure: its key and language, and where an initiative is listed
/// (its province's and themes' directory pages).
fn page_hash(page: &Page) -> u64 {
    let mut line = String::with_capacity(64);
    line.push_str(&page.key);
    line.push(' ');
    line.push_str(page.entry.lang.code());
    if let EntryData::Initiative(initiative) = &page.entry.data {
        line.push(' ');
        line.push_str(&initiative.province);
        for theme in &initiative.themes {
            line.push(' ');
            line.push_str(&theme.value);
        }
    }
    xxhash_rust::xxh3::xxh3_64(line.as_bytes())
}

/// A hash of every entry's key, published or not: the sum of `key_hash`, like `pages_hash`.
fn keys_hash(all_keys: &BTreeSet<(Kind, String)>) -> u64 {
    (all_keys.iter())
        .map(|(kind, stem)| key_hash(*kind, stem))
        .fold(0, u64::wrapping_add)
}

/// The hash of an entry's key (`kind/stem`, `Page::key`), without making the key: the same
/// as `key_hash_of` the key.
fn key_hash(kind: Kind, stem: &str) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(kind.folder().as_bytes());
    hasher.update(b"/");
    hasher.update(stem.as_bytes());
    hasher.digest()
}

/// The hash of a key (`Page::key_hash`).
pub fn key_hash_of(key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

/// A hash of everything but the pages that a link or an output depends on: what is held back,
/// the files beside the content, the image headers, the base URL and the addresses of the
/// sections. With it unchanged, a page whose Markdown did not change renders to the same HTML
/// when none of the pages it links to moved, appeared or went (`CachedMarkdown::checked`), and
/// a page that appeared or went changes only the outputs that show or link to it (`serve`).
fn frame_hash(
    held: &BTreeSet<(Kind, String)>,
    assets: &BTreeSet<(Kind, &str)>,
    images: &crate::images::Headers,
    config: &Config,
) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut add_set = |items: &mut dyn Iterator<Item = (Kind, &str)>| {
        hasher.update(b"\x01");
        for (kind, name) in items {
            hasher.update(kind.folder().as_bytes());
            hasher.update(b"/");
            hasher.update(name.as_bytes());
            hasher.update(b"\0");
        }
    };
    add_set(&mut held.iter().map(|(k, s)| (*k, s.as_str())));
    add_set(&mut assets.iter().copied());
    hasher.update(b"\x01");
    hasher.update(config.base_url.as_bytes());
    // Files beside the content are published below their section.
    for lang in &config.languages {
        for kind in crate::model::KINDS {
            hasher.update(b"\0");
            hasher.update(section_url(config, kind, *lang).as_bytes());
        }
    }
    let mut image_keys: Vec<String> = images.iter().map(|(k, v)| format!("{k:?}{v:?}")).collect();
    image_keys.sort();
    hasher.update(image_keys.concat().as_bytes());
    hasher.digest()
}

pub fn resolve(
    config: Config,
    input: ResolveInput,
    options: &ResolveOptions,
    diagnostics: &mut Diagnostics,
) -> Site {
    let ResolveInput {
        entries,
        assets,
        files,
        images,
        markdown_cache,
    } = input;
    let before_checks = markdown_cache.map(|_| diagnostics.clone());
    let mut held_back = Vec::new();
    let mut held_keys: BTreeSet<(Kind, String)> = BTreeSet::new();
    // Every stem that exists in some language, published or not, to tell "missing" from "draft".
    let all_keys: BTreeSet<(Kind, String)> =
        files.iter().map(|(k, s, _)| (*k, s.clone())).collect();
    let mut published: Vec<Arc<Entry>> = Vec::with_capacity(entries.len());
    for entry in entries {
        if options.drafts {
            published.push(entry);
            continue;
        }
        if !is_published(&entry, options) {
            held_keys.insert((entry.kind, entry.stem.clone()));
        }
        if entry.draft {
            held_back.push(HeldBack {
                path: entry.path.clone(),
                reason: crate::tr!("resolve-held-draft"),
            });
            continue;
        }
        if let EntryData::Press(press) = &entry.data
            && press.date > options.today
        {
            held_back.push(HeldBack {
                path: entry.path.clone(),
                reason: crate::tr!("resolve-held-embargo", date = press.date.to_string()),
            });
            continue;
        }
        published.push(entry);
    }
    // Keys computed once per entry, not once per comparison (they lowercase names).
    published.par_sort_by_cached_key(|e| page_order(e));
    held_back.sort();

    let mut pages: Vec<Page> = published
        .into_par_iter()
        .map(|entry| Page::new(&config, entry))
        .collect();
    let mut index = PageIndex::default();
    for (i, page) in pages.iter().enumerate() {
        index.insert(&page.entry, i);
    }
    let lists = lists(&pages);

    let published_assets: Vec<PublishedAsset> = assets
        .into_iter()
        .map(|source| PublishedAsset {
            url: asset_url(&config, source.kind, &source.relative),
            source,
        })
        .collect();
    let asset_set = asset_set(&published_assets);

    let between = Between {
        config: &config,
        pages: &pages,
        index: &index,
        files: &files,
        all_keys: &all_keys,
        assets: &asset_set,
        images: &images,
    };
    let (found, (frame, keys_hash, pages_hash)) = rayon::join(
        || check_between_pages(&between),
        || {
            let frame = frame_hash(&held_keys, &asset_set, &images, &config);
            (frame, keys_hash(&all_keys), pages_hash(&pages))
        },
    );
    let structure = structure_hash(pages_hash, keys_hash, frame);
    for d in found.all() {
        diagnostics.push(d.clone());
    }

    let base_path = config.base_path();
    // Each Markdown source is dropped as soon as it is rendered, so the sources and the HTML of
    // every page are never all held at once.
    let bodies: Vec<Arc<str>> = pages
        .iter_mut()
        .map(|page| match Arc::get_mut(&mut page.entry) {
            Some(entry) => std::mem::take(&mut entry.body),
            // Shared with the cache of `serve`, which keeps it anyway.
            None => page.entry.body.clone(),
        })
        .collect();
    let (moved, generation) = match markdown_cache {
        Some(cache) => moved_pages(cache, &pages, None),
        None => (HashSet::new(), 0),
    };
    let targets = LinkTargets {
        config: &config,
        pages: &pages,
        index: &index,
        all_keys: &all_keys,
        held_back: &held_keys,
        assets: &asset_set,
        images: &images,
        base_path: &base_path,
        frame,
        keys_hash,
        cache: markdown_cache,
        moved: &moved,
        generation,
    };
    let rendered: Vec<(Arc<Rendered>, Vec<Diagnostic>, bool)> = pages
        .par_iter()
        .zip(bodies)
        .map(|(page, body)| targets.render_markdown(page, body))
        .collect();
    let mut markdown_found = Vec::with_capacity(pages.len());
    let mut rendered_again = Vec::new();
    for (i, (page, (rendered, found, again))) in pages.iter_mut().zip(rendered).enumerate() {
        page.set_rendered(rendered);
        if again {
            rendered_again.push(i);
        }
        for d in &found {
            diagnostics.push(d.clone());
        }
        markdown_found.push(found);
    }
    let anchors_found: Vec<Vec<Diagnostic>> = (0..pages.len())
        .into_par_iter()
        .map(|i| anchor_problems(&pages, &index, i))
        .collect();
    for d in anchors_found.iter().flatten() {
        diagnostics.push(d.clone());
    }

    let keep_metadata = keep_metadata(&pages);
    let incremental = before_checks.map(|before_checks| Incremental {
        files,
        before_checks,
        between: found,
        options: options.clone(),
        all_keys,
        keys_hash,
        pages_hash,
        held_keys,
        headers: images.clone(),
        markdown_found,
        anchors_found,
        rendered_again,
    });
    let images = images
        .into_iter()
        .filter_map(|(key, info)| info.ok().map(|i| (key, i)))
        .collect();
    Site {
        config,
        pages,
        index,
        lists,
        assets: published_assets,
        held_back,
        images,
        keep_metadata,
        structure,
        frame,
        address_changes: None,
        directory: new_version(),
        press: new_version(),
        today: options.today,
        incremental,
    }
}

/// A `Site::directory` or `Site::press` no site of this process had before.
fn new_version() -> u64 {
    static LAST: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    LAST.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
}

/// The images whose original the editors asked to keep byte for byte.
fn keep_metadata(pages: &[Page]) -> BTreeSet<(Kind, String)> {
    pages
        .iter()
        .flat_map(|p| {
            p.entry
                .keep_metadata
                .iter()
                .filter_map(move |k| normalize_relative(&k.value).map(|r| (p.entry.kind, r)))
        })
        .collect()
}

/// The lists of every kind and language: the positions of their pages, in order.
fn lists(pages: &[Page]) -> BTreeMap<(Kind, Lang), Vec<usize>> {
    // A dozen lists at most: found by a look along them, not a search of the map per page.
    let mut lists: Vec<((Kind, Lang), Vec<usize>)> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let key = (page.entry.kind, page.entry.lang);
        match lists.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(i),
            None => lists.push((key, vec![i])),
        }
    }
    lists.into_iter().collect()
}

/// The files beside the content, by kind and path in the kind's folder.
fn asset_set(assets: &[PublishedAsset]) -> BTreeSet<(Kind, &str)> {
    assets
        .iter()
        .map(|a| (a.source.kind, a.source.relative.as_str()))
        .collect()
}

/// Everything a page's Markdown links resolve against, and where rendered Markdown is kept.
struct LinkTargets<'a> {
    config: &'a Config,
    pages: &'a [Page],
    index: &'a PageIndex,
    all_keys: &'a BTreeSet<(Kind, String)>,
    held_back: &'a BTreeSet<(Kind, String)>,
    assets: &'a BTreeSet<(Kind, &'a str)>,
    images: &'a crate::images::Headers,
    base_path: &'a str,
    frame: u64,
    /// See `Incremental::keys_hash`.
    keys_hash: u64,
    cache: Option<&'a MarkdownCache>,
    /// Pages at a new address since the last resolve, and the generation of addresses.
    moved: &'a HashSet<String>,
    generation: u64,
}

impl LinkTargets<'_> {
    /// The page's Markdown as HTML and what rendering it found; taken from the cache when the
    /// body and everything links resolve against are as when it was rendered.
    /// The page's Markdown as HTML, what rendering it found, and whether it was rendered now
    /// (not taken from the cache).
    fn render_markdown(
        &self,
        page: &Page,
        body: Arc<str>,
    ) -> (Arc<Rendered>, Vec<Diagnostic>, bool) {
        let resolver = SiteLinks {
            config: self.config,
            pages: self.pages,
            index: self.index,
            all_keys: self.all_keys,
            held_back: self.held_back,
            assets: self.assets,
            images: self.images,
            from: &page.entry,
            base_path: self.base_path,
        };
        let input = RenderInput {
            markdown: &body,
            path: &page.entry.path,
            first_line: page.entry.body_line,
        };
        let Some(cache) = self.cache else {
            let mut rendered = markdown::render(&input, &resolver);
            let found = std::mem::take(&mut rendered.diagnostics);
            return (Arc::new(rendered), found, true);
        };
        if let Ok(pages) = cache.pages.read()
            && let Some(cached) = pages.get(page.entry.path.as_os_str())
            && cached.frame == self.frame
            && cached.keys.is_none_or(|keys| keys == self.keys_hash)
            && cached.first_line == page.entry.body_line
            && (Arc::ptr_eq(&cached.body, &body) || cached.body == body)
            && self.still_links_the_same(cached)
        {
            return (cached.rendered.clone(), cached.found.clone(), false);
        }
        let mut rendered = markdown::render(&input, &resolver);
        let found = std::mem::take(&mut rendered.diagnostics);
        let rendered = Arc::new(rendered);
        if let Ok(mut pages) = cache.pages.write() {
            pages.insert(
                page.entry.path.as_os_str().to_owned(),
                CachedMarkdown {
                    body,
                    first_line: page.entry.body_line,
                    frame: self.frame,
                    keys: rendered.links_unresolved.then_some(self.keys_hash),
                    checked: self.generation.into(),
                    rendered: rendered.clone(),
                    found: found.clone(),
                },
            );
        }
        (rendered, found, true)
    }

    /// Whether every page `cached` links to is at the address it was when it was rendered:
    /// it was known to hold at the previous generation of addresses, and none of its pages
    /// moved since; or at this one.
    fn still_links_the_same(&self, cached: &CachedMarkdown) -> bool {
        use std::sync::atomic::Ordering;
        let checked = cached.checked.load(Ordering::Relaxed);
        if checked == self.generation {
            return true;
        }
        let holds = checked.checked_add(1) == Some(self.generation)
            && !(cached.rendered.links_to.iter()).any(|key| self.moved.contains(key));
        if holds {
            cached.checked.store(self.generation, Ordering::Relaxed);
        }
        holds
    }
}

/// A file named by an entry exists, and if it is an image, it can be published.
fn check_image_reference(
    kind: Kind,
    file: &str,
    assets: &BTreeSet<(Kind, &str)>,
    images: &crate::images::Headers,
) -> Result<(), (String, String)> {
    let folder = if kind == Kind::Home {
        "content/".to_string()
    } else {
        format!("content/{}/", kind.folder())
    };
    // Such a file is refused where it lies (not an asset): say why here too.
    if let Some(advice) = crate::images::unsupported(file) {
        return Err((
            crate::tr!("resolve-unsupported-format", file = file),
            advice,
        ));
    }
    let relative = normalize_relative(file).filter(|r| assets.contains(&(kind, r.as_str())));
    let Some(relative) = relative else {
        let message = if crate::images::is_raster(file) || file.ends_with(".svg") {
            crate::tr!("resolve-image-missing", file = file)
        } else {
            crate::tr!("resolve-file-missing", file = file)
        };
        return Err((
            message,
            crate::tr!("resolve-named-file-missing-hint", folder = folder),
        ));
    };
    if let Some(Err(problem)) = images.get(&(kind, relative)) {
        return Err((
            crate::tr!("resolve-image-unusable", file = file, problem = problem),
            crate::tr!("resolve-image-unusable-hint"),
        ));
    }
    Ok(())
}

/// A link into the site written as an address: root-relative (`/doelen/x/`, below the base
/// path the site is published at) or the site's full address (as site.yaml or `--base-url`
/// has it, over http or https). `None` for anything else.
fn own_site_link(config: &Config, destination: &str) -> Option<Resolved> {
    let without_scheme = |url: &str| -> String {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        rest.strip_prefix("www.")
            .unwrap_or(rest)
            .to_ascii_lowercase()
    };
    let rest = if destination.starts_with('/') && !destination.starts_with("//") {
        // An address below another base path is one the site does not have: kept whole, so
        // it is reported as such.
        let base = config.base_path();
        destination
            .strip_prefix(base.as_str())
            .unwrap_or(destination)
    } else {
        let scheme = crate::safe_url::scheme(destination);
        if !matches!(scheme.as_deref(), Some("http" | "https")) {
            return None;
        }
        let written = without_scheme(destination);
        let site = [&config.base_url, &config.site_url]
            .into_iter()
            .map(|url| without_scheme(url))
            .find(|site| site.contains('/') && written.starts_with(site.as_str()))?;
        // The same length in the original: scheme, "www." and case aside, the site part.
        let cut = destination.len() - (written.len() - site.len());
        &destination[cut..]
    };
    let (rest, anchor) = match rest.split_once('#') {
        Some((rest, anchor)) => (rest, Some(anchor.to_string())),
        None => (rest, None),
    };
    let path = rest.split('?').next().unwrap_or("").trim_start_matches('/');
    let last = path.rsplit('/').next().unwrap_or("");
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else if last.contains('.') {
        path.to_string()
    } else {
        // A folder written without its slash: hosts answer it with the folder's page.
        format!("{path}/index.html")
    };
    Some(Resolved::Site { file, anchor })
}

/// `./logos/a.svg` → `logos/a.svg`; `None` for paths that leave the folder.
pub fn normalize_relative(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            other => parts.push(other),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The links of the page at `i` to an anchor on another page that has no such heading.
fn anchor_problems(pages: &[Page], index: &PageIndex, i: usize) -> Vec<Diagnostic> {
    let page = &pages[i];
    let mut diagnostics = Vec::new();
    // Looked up in the index, which `serve` keeps: no map of every page made per check.
    for link in &page.rendered.anchor_links {
        // Only against the page in the same language: headings differ per language, and a
        // target that failed to parse has been reported already.
        let target = (link.target.split_once('/'))
            .and_then(|(folder, stem)| {
                // The home page's key is `/home`: its kind has no folder.
                let kind = match folder {
                    "" => Kind::Home,
                    folder => Kind::from_folder(folder)?,
                };
                index.get(kind, stem, page.entry.lang)
            })
            .map(|i| &pages[i]);
        let Some(target) = target else {
            continue;
        };
        let headings = &target.rendered.headings;
        // The set of anchors (for "did you mean") only for a link that finds none.
        if !headings.iter().any(|h| h.id == link.anchor) {
            let ids: BTreeSet<String> = headings.iter().map(|h| h.id.clone()).collect();
            diagnostics.push(
                Diagnostic::error(
                    &page.entry.path,
                    link.line,
                    link.col,
                    crate::tr!(
                        "resolve-anchor-missing",
                        anchor = &link.anchor,
                        page = display_path(&target.entry.path)
                    ),
                )
                .with_hint(markdown::suggest_anchor(
                    &link.anchor,
                    &ids,
                    markdown::Which::ThatPage,
                )),
            );
        }
    }
    diagnostics
}

struct SiteLinks<'a> {
    config: &'a Config,
    pages: &'a [Page],
    index: &'a PageIndex,
    all_keys: &'a BTreeSet<(Kind, String)>,
    /// Entries left out as drafts or embargoed, in any language.
    held_back: &'a BTreeSet<(Kind, String)>,
    assets: &'a BTreeSet<(Kind, &'a str)>,
    images: &'a crate::images::Headers,
    from: &'a Entry,
    base_path: &'a str,
}

impl LinkResolver for SiteLinks<'_> {
    fn resolve(&self, destination: &str, is_image: bool) -> Result<Resolved, (String, String)> {
        if let Some(rest) = destination.strip_prefix("@/") {
            return self.internal(rest);
        }
        if let Some(site_link) = own_site_link(self.config, destination) {
            return Ok(site_link);
        }
        let has_scheme = destination.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.contains('/')
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.')
        });
        if has_scheme
            || destination.starts_with("//")
            || destination.starts_with('/')
            || destination.is_empty()
        {
            return Ok(Resolved::Unchanged);
        }
        let (path, suffix) = match destination.find(['#', '?']) {
            Some(i) => destination.split_at(i),
            None => (destination, ""),
        };
        let folder = if self.from.kind == Kind::Home {
            String::from("content/")
        } else {
            format!("content/{}/", self.from.kind.folder())
        };
        if path.ends_with(".md") {
            return Err((
                crate::tr!("resolve-markdown-file", link = destination),
                crate::tr!("resolve-markdown-file-hint"),
            ));
        }
        if is_image {
            check_image_reference(self.from.kind, path, self.assets, self.images)?;
        }
        match normalize_relative(path) {
            Some(relative) if is_image && crate::images::is_raster(&relative) => {
                let info = self
                    .images
                    .get(&(self.from.kind, relative.clone()))
                    .and_then(|i| i.as_ref().ok())
                    .ok_or_else(|| {
                        (
                            crate::tr!("resolve-image-unreadable", file = path),
                            String::new(),
                        )
                    })?;
                let published = asset_url(self.config, self.from.kind, &relative);
                Ok(Resolved::Picture(Picture::new(info, &published, &|p| {
                    format!("{}{p}", self.base_path)
                })))
            }
            Some(relative) if self.assets.contains(&(self.from.kind, relative.as_str())) => {
                Ok(Resolved::Url {
                    url: format!(
                        "{}{}{suffix}",
                        self.base_path,
                        asset_url(self.config, self.from.kind, &relative)
                    ),
                    target: None,
                })
            }
            _ if is_image => Err((
                crate::tr!("resolve-image-missing", file = path),
                crate::tr!("resolve-linked-image-missing-hint", folder = folder),
            )),
            _ => Err((
                crate::tr!("resolve-file-missing", file = path),
                crate::tr!("resolve-linked-file-missing-hint", folder = folder),
            )),
        }
    }
}

impl SiteLinks<'_> {
    fn internal(&self, rest: &str) -> Result<Resolved, (String, String)> {
        let (path, anchor) = match rest.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (rest, None),
        };
        let path = path.trim_end_matches('/');
        let (folder, stem) = match path.split_once('/') {
            Some((folder, stem)) => (folder, Some(stem)),
            None => (path, None),
        };
        let lang = self.from.lang;
        let with_anchor = |url: String| match anchor {
            Some(anchor) => format!("{}{url}#{anchor}", self.base_path),
            None => format!("{}{url}", self.base_path),
        };
        if folder.is_empty() || folder == "home" {
            return Ok(Resolved::Url {
                url: with_anchor(lang_prefix(self.config, lang)),
                target: Some("/home".to_string()),
            });
        }
        let Some(kind) = crate::model::Kind::from_folder(folder) else {
            let known: Vec<&str> = crate::model::KINDS
                .iter()
                .filter(|k| **k != Kind::Home)
                .map(|k| k.folder())
                .collect();
            return Err((
                crate::tr!("resolve-unknown-kind", link = rest),
                // Editors often write the section's URL name (`doelen`) instead of its kind.
                match self
                    .config
                    .sections
                    .iter()
                    .find(|(_, names)| names.values().any(|n| n == folder))
                    .map(|(kind, _)| kind.folder())
                    .or_else(|| suggest(folder, known.iter().copied()))
                {
                    Some(close) => crate::tr!(
                        "resolve-did-you-mean",
                        link = format!(
                            "{close}{}",
                            stem.map(|s| format!("/{s}")).unwrap_or_default()
                        )
                    ),
                    None => crate::tr!("resolve-kinds", kinds = known.join(", ")),
                },
            ));
        };
        let Some(stem) = stem else {
            if kind == Kind::Page {
                return Err((
                    crate::tr!("resolve-pages-not-a-page"),
                    crate::tr!("resolve-pages-not-a-page-hint"),
                ));
            }
            return Ok(Resolved::Url {
                url: with_anchor(section_url(self.config, kind, lang)),
                target: None,
            });
        };
        let stem = stem
            .trim_end_matches(".md")
            .trim_end_matches(&format!(".{}", lang.code()));
        let key = format!("{}/{stem}", kind.folder());
        if let Some(i) = self.index.get(kind, stem, lang) {
            return Ok(Resolved::Url {
                url: with_anchor(self.pages[i].url.clone()),
                target: Some(key),
            });
        }
        // Published in another language only: link there rather than to nothing.
        if let Some(i) = self
            .config
            .languages
            .iter()
            .find_map(|l| self.index.get(kind, stem, *l))
        {
            return Ok(Resolved::Url {
                url: with_anchor(self.pages[i].url.clone()),
                target: Some(key),
            });
        }
        if self.all_keys.contains(&(kind, stem.to_string()))
            && !self.held_back.contains(&(kind, stem.to_string()))
        {
            // The target failed to parse and has been reported; say nothing more here. Its key
            // is the target all the same: once it parses, it is a page that appeared, and this
            // link is resolved again (`CachedMarkdown::checked`).
            return Ok(Resolved::Url {
                url: with_anchor(section_url(self.config, kind, lang)),
                target: Some(key),
            });
        }
        if self.all_keys.contains(&(kind, stem.to_string())) {
            return Err((
                crate::tr!("resolve-not-published", link = rest),
                crate::tr!("resolve-not-published-hint"),
            ));
        }
        let stems: Vec<&str> = self
            .all_keys
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, s)| s.as_str())
            .collect();
        Err((
            crate::tr!("resolve-no-such-page", link = rest),
            match suggest(stem, stems.iter().copied()) {
                Some(close) => crate::tr!(
                    "resolve-did-you-mean",
                    link = format!("{}/{close}", kind.folder())
                ),
                None => crate::tr!(
                    "resolve-page-names",
                    folder = kind.folder(),
                    lang = lang.code()
                ),
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_key_hashed_in_parts_or_whole_hashes_the_same() {
        use crate::model::Kind;
        for (kind, stem) in [(Kind::Press, "bericht-1"), (Kind::Home, "home")] {
            let key = format!("{}/{stem}", kind.folder());
            assert_eq!(super::key_hash(kind, stem), super::key_hash_of(&key));
        }
    }
}
