//! Renders the resolved `Site` to output files: tera set up once, one job per output file, jobs
//! run in parallel and stream their bytes to a sink. Builds views; never writes to disk itself.
//!
//! One file per part: `templates` (the compiled theme), `plan` (which outputs a render makes)
//! and `run` (making them); `changes` and `cache` (what an edit affects, and what `serve` keeps
//! between builds); `layout` (what every page shares), `cards` and `related` (what a page shows
//! of other entries); the pages: `entries`, `lists`, `directory`, `fixed_pages`, `sitemap`; and
//! `escape`. This file holds the context every output of one render reads.

mod aliases;
mod cache;
mod cards;
mod claims;
mod directory;
mod entries;
mod escape;
mod fixed_pages;
mod from_lists;
mod layout;
mod lists;
mod plan;
mod related;
mod run;
mod sitemap;
mod templates;

pub use cache::RenderCache;
pub use run::{BeforeLater, RenderOptions, RenderStats, Sink, render_site};
pub use templates::{Renderer, prepare};

use crate::incremental::dependencies::{self, Length, ListId, Reads};
use crate::lang::Lang;
use crate::resolve::{Site, lang_prefix};
use directory::Facets;
use from_lists::Sublist;
use layout::LanguageLayout;
use related::Related;
use std::collections::BTreeMap;

/// Per-language text a page needs: UI strings by key, with the key itself when missing so a
/// theme bug shows on the page instead of breaking the build.
struct Text<'a> {
    strings: &'a BTreeMap<String, String>,
}

impl Text<'_> {
    /// A province's name in this language (`Fryslân` is "Friesland" in English); its official
    /// name when the theme has no string for it.
    fn province(&self, official: &str) -> String {
        let key = crate::model::province_key(official);
        self.strings
            .get(&key)
            .cloned()
            .unwrap_or_else(|| official.to_string())
    }

    fn get(&self, key: &str) -> String {
        self.strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }
}

/// What every output of one render reads: the site, the templates, what `serve` keeps, and
/// what is made once per render on first use (cards, related lists, layouts).
pub struct RenderContext<'a> {
    site: &'a Site,
    renderer: &'a Renderer,
    base_path: String,
    origin: String,
    image_cache: Option<&'a std::path::Path>,
    search_indexes: Option<&'a crate::search_index::KeptIndexes>,
    /// `serve`'s, which keeps what this context makes of the initiatives and press releases.
    cache: Option<&'a RenderCache>,
    /// What changed since `serve`'s last good render, when only some outputs are made again.
    partial: Option<&'a crate::incremental::Partial>,
    counters: &'a crate::images::Counters,
    /// The initiatives of each directory page (all, per province, per theme), built once so
    /// no page scans the whole list.
    facets: std::sync::Arc<Facets>,
    /// Per facet, the filters its pages show: the same on all of them.
    filters_made: directory::FiltersMade,
    /// Initiative cards by index in `Site::pages`, made on first use: every initiative is on
    /// several directory pages (all, its province, each of its themes) and goal pages.
    /// Boxed: a slot for every page is made on every render, and most stay empty (a large
    /// site's 200,000 slots of the card itself were 60 MB to write anew on each edit).
    initiative_cards: Vec<std::sync::OnceLock<Box<cache::MadeCard>>>,
    /// The cards `serve` kept from its last render, taken from `cache` (a partial render).
    kept_cards: cache::KeptCards,
    /// Who names each goal and partner (`related::make_related`), beside the facets.
    related: Related,
    /// What the layout of every page shares, per language, made on first use, with what
    /// making it read (in the order of `Config::languages`).
    language_layouts: Vec<std::sync::OnceLock<(LanguageLayout, Reads)>>,
    /// The directory's filters per language (none current), made on first use: every
    /// directory page shows them.
    directory_filters: Vec<std::sync::OnceLock<(Vec<crate::views::FilterGroup>, Reads)>>,
    /// The sitemap's rows, made on first use (`sitemap.rs`).
    sitemap_rows: std::sync::OnceLock<std::sync::Arc<sitemap::SitemapRows>>,
    /// The entries without a page in a language, per kind and language, made on first use.
    untranslated: layout::UntranslatedCells,
}

/// The id of a list the renderer derives from the pages (a facet of the directory, who names
/// a goal) in the dependency map: a hash of what it is.
pub(super) fn derived_list(what: &impl std::hash::Hash) -> ListId {
    use std::hash::Hasher;
    let mut hasher = std::hash::DefaultHasher::new();
    what.hash(&mut hasher);
    ListId::Derived(hasher.finish())
}

/// UI strings of a language the theme has no file for: templates then show the keys.
static NO_STRINGS: BTreeMap<String, String> = BTreeMap::new();

/// Where the page at `url` is published.
pub fn html_path(url: &str) -> String {
    format!("{url}index.html")
}

/// What a language the theme has no strings for is known as (the build has reported it).
static NO_LANGUAGE: std::sync::LazyLock<crate::lang::Language> = std::sync::LazyLock::new(|| {
    crate::lang::Language::from_strings(Lang::fallback(), &BTreeMap::new())
});

impl<'a> RenderContext<'a> {
    fn new(
        site: &'a Site,
        renderer: &'a Renderer,
        options: &'a RenderOptions,
        counters: &'a crate::images::Counters,
    ) -> RenderContext<'a> {
        // Independent, and each over every initiative or press release: made side by side.
        let (facets, related) = rayon::join(
            || match options.cache.as_deref() {
                Some(cache) => cache.facets.get(site, directory::facets),
                None => std::sync::Arc::new(directory::facets(site)),
            },
            || related::make_related(site, options.cache.as_deref()),
        );
        RenderContext {
            filters_made: (facets.keys())
                .map(|facet| (facet.clone(), std::sync::OnceLock::new()))
                .collect(),
            facets,
            site,
            renderer,
            base_path: site.config.base_path(),
            origin: site.config.origin(),
            image_cache: options.image_cache.as_deref(),
            search_indexes: options.cache.as_ref().map(|c| &c.search_indexes),
            cache: options.cache.as_deref(),
            partial: options.only.as_ref(),
            counters,
            initiative_cards: site
                .pages
                .iter()
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            kept_cards: (options.cache.as_ref())
                .map(|c| c.take_cards(options.only.is_some()))
                .unwrap_or_default(),
            related,
            language_layouts: (0..site.config.languages.len().max(1))
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            directory_filters: (0..site.config.languages.len().max(1))
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            sitemap_rows: std::sync::OnceLock::new(),
            untranslated: layout::untranslated_cells(site),
        }
    }

    fn href(&self, url: &str) -> String {
        format!("{}{url}", self.base_path)
    }

    fn absolute(&self, url: &str) -> String {
        format!("{}{}{url}", self.origin, self.base_path)
    }

    /// Records that the output being made read the pages at `positions` (in `Site::pages`)
    /// of `list` from `start` on.
    fn read_list(
        &self,
        list: ListId,
        start: usize,
        positions: impl Iterator<Item = usize>,
        length: Length,
    ) {
        if dependencies::recording() {
            let keys = positions.map(|i| self.site.pages[i].key_hash);
            dependencies::read_list(list, start, keys, length);
        }
    }

    /// The pages on page `n` (of `size` each) of `list`, whose pages are `all`, with that
    /// read recorded: their keys, and how many pages the list fills.
    fn read_list_page<'p>(
        &self,
        list: ListId,
        all: Sublist<'p>,
        n: usize,
        size: usize,
    ) -> Sublist<'p> {
        let start = n.saturating_mul(size);
        let shown = all.range(start, start.saturating_add(size));
        let count = dependencies::pages(all.len(), size);
        let start = start.min(all.len());
        self.read_list(
            list,
            start,
            shown.positions(),
            Length::Pages { size, count },
        );
        shown
    }

    /// The key of each page of every list now, derived ones included.
    fn list_keys(&self) -> foldhash::HashMap<ListId, Vec<u64>> {
        use rayon::prelude::*;
        // Read from one array: the lists of 100,000 initiatives hold half a million positions,
        // and looking up each page's key in its page was mostly waiting for memory.
        let key_hashes: Vec<u64> = self.site.pages.iter().map(|p| p.key_hash).collect();
        let keys =
            |pages: Sublist| -> Vec<u64> { pages.positions().map(|i| key_hashes[i]).collect() };
        let facets: Vec<_> = self.facets.keys().collect();
        let related = self.related();
        let related = related.lists(self.site);
        let mut lists = self.site.list_keys();
        lists.par_extend((facets.par_iter()).map(|(lang, filter)| {
            let filter = filter.as_ref();
            let list = directory::facet_list(*lang, filter);
            (list, keys(self.facet(*lang, filter)))
        }));
        lists.par_extend((related.into_par_iter()).map(|list| (list.id, keys(list.pages))));
        let untranslated: Vec<_> = self.untranslated.keys().collect();
        lists.par_extend((untranslated.par_iter()).map(|(kind, lang)| {
            let groups = self.untranslated_pages(*kind, *lang);
            let keys = layout::untranslated_keys(self.site, groups);
            (layout::untranslated_list(*kind, *lang), keys)
        }));
        lists
    }

    /// The slot of `lang` in what is made once per language (`language_layouts`, …): one
    /// per language, and at least one.
    fn language_slot(&self, lang: Lang) -> usize {
        let languages = &self.site.config.languages;
        languages.iter().position(|l| *l == lang).unwrap_or(0)
    }

    fn text(&self, lang: Lang) -> Text<'_> {
        Text {
            strings: self.renderer.strings.get(&lang).unwrap_or(&NO_STRINGS),
        }
    }

    /// What the theme says of `lang`: its name, how it writes dates, its address words.
    fn language(&self, lang: Lang) -> &'a crate::lang::Language {
        self.renderer.languages.get(&lang).unwrap_or(&NO_LANGUAGE)
    }

    /// The search page of `lang`: `zoeken/`, `en/search/`.
    fn search_url(&self, lang: Lang) -> String {
        let word = &self.language(lang).address_search;
        format!("{}{word}/", lang_prefix(&self.site.config, lang))
    }
}
