//! The sitemap: every page's address with its translations, in one file or, for a large site,
//! in files of `feed::SITEMAP_PART_ROWS` listed by `sitemap.xml`; `serve` keeps the rows and
//! makes again only those of the entries changed.

use super::RenderContext;
use crate::feed::Translations;
use crate::incremental::dependencies;
use crate::model::Kind;
use crate::resolve::{Site, lang_prefix, section_url};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The addresses of an entry's pages, by language.
fn entry_translations(site: &Site, kind: Kind, stem: &str) -> Translations {
    // In the order site.yaml gives the languages.
    (site.config.languages.iter())
        .filter_map(|lang| site.page(kind, stem, *lang))
        .map(|p| (p.lang, p.url.clone()))
        .collect()
}

/// The rows of the sitemap, made once per render; `serve` keeps them: an edit that adds,
/// removes or moves entries makes only their rows again (a sitemap names every page, 20,000
/// on a large site).
#[derive(Clone)]
pub(super) struct SitemapRows {
    style: crate::feed::SitemapRowStyle,
    /// The alternates of every address (`SitemapRowStyle::push_alternates`), in address
    /// order: one text for all of a group's addresses. The addresses and keys are the pages'
    /// own, shared: a large site has 200,000.
    rows: BTreeMap<Arc<str>, Arc<str>>,
    /// The addresses of each entry's rows, by key. (The home page's and the sections' rows
    /// change only with the settings, which render everything.)
    by_key: HashMap<Arc<str>, Vec<Arc<str>>>,
}

impl SitemapRows {
    fn of(
        style: crate::feed::SitemapRowStyle,
        groups: Vec<(Option<Arc<str>>, Translations)>,
    ) -> SitemapRows {
        let mut rows = SitemapRows {
            style,
            rows: BTreeMap::new(),
            by_key: HashMap::new(),
        };
        for (key, group) in groups {
            rows.insert(key, &group);
        }
        rows
    }

    fn insert(&mut self, key: Option<Arc<str>>, group: &Translations) {
        let mut alternates = String::new();
        self.style.push_alternates(&mut alternates, group);
        let alternates: Arc<str> = alternates.into();
        for (_, url) in group {
            self.rows.insert(url.clone(), alternates.clone());
        }
        if let Some(key) = key {
            let urls = group.iter().map(|(_, url)| url.clone()).collect();
            self.by_key.insert(key, urls);
        }
    }

    /// The sitemap of at most `count` rows from the `start`th on, in address order.
    fn text(&self, start: usize, count: usize) -> String {
        let rows = (self.rows.iter()).skip(start).take(count);
        let rows = rows.map(|(url, alternates)| (&**url, &**alternates));
        crate::feed::sitemap_of_rows(&self.style, rows)
    }

    /// Makes the rows of the entries `keys` again from `site`: the rows they had go first, so
    /// an address one entry left and another took is the new one's.
    fn update(&mut self, site: &Site, keys: &std::collections::BTreeSet<String>) {
        for key in keys {
            for url in self.by_key.remove(key.as_str()).unwrap_or_default() {
                self.rows.remove(&url);
            }
        }
        for key in keys {
            let Some((kind, stem)) = key
                .split_once('/')
                .and_then(|(folder, stem)| Some((Kind::from_folder(folder)?, stem)))
            else {
                continue;
            };
            let group = entry_translations(site, kind, stem);
            if !group.is_empty() {
                self.insert(Some(Arc::from(key.as_str())), &group);
            }
        }
    }
}

impl<'a> RenderContext<'a> {
    /// The addresses of every page, grouped with its translations (by language): one group per
    /// entry (with its key), the home page and each section. Entry addresses and keys are the
    /// pages' own.
    fn sitemap_groups(&self) -> Vec<(Option<Arc<str>>, Translations)> {
        let site = self.site;
        let config = &site.config;
        let mut groups: Vec<(Option<Arc<str>>, Translations)> =
            Vec::with_capacity(site.pages.len() + 8);
        // The home page is in its own group below, made whether it has a text or not.
        for page in site.pages.iter().filter(|p| p.kind != Kind::Home) {
            let group = entry_translations(site, page.kind, &page.entry.stem);
            // Made once, at the entry's first page in language order.
            if group.first().map(|(lang, _)| *lang) == Some(page.lang) {
                groups.push((Some(page.key.clone()), group));
            }
        }
        let home: Translations = (config.languages.iter())
            .map(|lang| (*lang, Arc::from(lang_prefix(config, *lang))))
            .collect();
        groups.push((None, home));
        for kind in crate::model::KINDS.into_iter().filter(|k| k.has_section()) {
            let section: Translations = (config.languages.iter())
                .map(|lang| (*lang, Arc::from(section_url(config, kind, *lang))))
                .collect();
            groups.push((None, section));
        }
        groups
    }

    /// The sitemap's rows, made once per render; `serve` keeps them and makes again only
    /// those of the entries changed.
    fn sitemap_rows(&self) -> &SitemapRows {
        let make = || dependencies::unrecorded(|| self.make_sitemap_rows());
        self.sitemap_rows.get_or_init(make)
    }

    fn make_sitemap_rows(&self) -> Arc<SitemapRows> {
        let site = self.site;
        let style = crate::feed::SitemapRowStyle::of(site);
        let Some(Ok(mut kept)) = self.cache.map(|cache| cache.sitemap.lock()) else {
            return Arc::new(SitemapRows::of(style, self.sitemap_groups()));
        };
        let rows = match (self.partial, kept.take()) {
            (Some(partial), Some(rows)) if rows.style == style => {
                // The last render's context is gone: these are the only rows, updated in place.
                let mut rows = Arc::unwrap_or_clone(rows);
                rows.update(site, &partial.keys);
                // Debug builds (the tests) check the rows kept against rows made anew.
                #[cfg(debug_assertions)]
                assert!(
                    rows.rows == SitemapRows::of(style, self.sitemap_groups()).rows,
                    "the sitemap serve keeps"
                );
                rows
            }
            _ => SitemapRows::of(style, self.sitemap_groups()),
        };
        let rows = Arc::new(rows);
        *kept = Some(rows.clone());
        rows
    }

    /// How many files the sitemap takes past `sitemap.xml` (0: it lists every address itself).
    pub(super) fn sitemap_parts(&self) -> usize {
        let per_part = crate::feed::sitemap_part_rows();
        crate::feed::sitemap_parts(self.sitemap_rows().rows.len(), per_part)
    }

    /// `sitemap.xml`: every address, or the index of the files that list them.
    pub(super) fn sitemap(&self) -> String {
        let rows = self.sitemap_rows_read();
        match self.sitemap_parts() {
            0 => rows.text(0, rows.rows.len()),
            parts => crate::feed::sitemap_index(&rows.style, parts),
        }
    }

    /// Sitemap file `n` (from 0) of a sitemap too long for one file.
    pub(super) fn sitemap_part(&self, n: usize) -> String {
        let per_part = crate::feed::sitemap_part_rows();
        self.sitemap_rows_read()
            .text(n.saturating_mul(per_part), per_part)
    }

    /// The rows, recorded as read: a sitemap reads every page's address (and which pages
    /// there are), nothing else of them.
    fn sitemap_rows_read(&self) -> &SitemapRows {
        for lang in &self.site.config.languages {
            dependencies::read_every_address(*lang);
        }
        self.sitemap_rows()
    }
}
