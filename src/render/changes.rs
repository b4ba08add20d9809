//! What changed since `serve`'s last good render: the two sites compared page by page by key
//! (`Published::diff`), and what a partial render needs to know of it (`Partial`).

use crate::dependencies::{Changed, DependencyMap};
use crate::lang::Lang;
use crate::resolve::{Page, PageSource, Site};
use foldhash::HashMap;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// What a partial render of `serve` makes again: the outputs whose reads in the last good
/// render (`previous`) read a page that `changed`, or a list that is otherwise now.
pub struct Partial {
    pub changed: Changed,
    /// The keys (`kind/stem`) of the entries changed, for the sitemap's rows.
    pub keys: BTreeSet<String>,
    pub previous: Arc<DependencyMap>,
}

/// What a build published at each page, by language and key: kept by `serve` from its last
/// good build, to tell which pages the next one changed.
#[derive(Default)]
pub struct Published {
    pages: HashMap<Lang, HashMap<Arc<str>, PageSource>>,
}

/// How a site differs from the one `Published` was made from: the pages changed, the keys of
/// their entries, and what to bring `Published` up to date with once they are written.
pub struct PageDiff {
    pub changed: Changed,
    pub keys: BTreeSet<String>,
    /// (language, key, the page now; `None`: gone).
    updates: Vec<(Lang, Arc<str>, Option<PageSource>)>,
}

impl Published {
    pub fn of(site: &Site) -> Published {
        let mut published = Published::default();
        for page in &site.pages {
            (published.pages.entry(page.entry.lang).or_default())
                .insert(page.key.clone(), PageSource::of(page));
        }
        published
    }

    /// Compares `site` with what was published, page by page by key: a page whose entry,
    /// Markdown or address is another, one that appeared and one that went are changes.
    pub fn diff(&self, site: &Site) -> PageDiff {
        let mut diff = PageDiff {
            changed: Changed::default(),
            keys: BTreeSet::new(),
            updates: Vec::new(),
        };
        let before =
            |page: &Page| (self.pages.get(&page.entry.lang)).and_then(|p| p.get(&page.key));
        // Looked up side by side: a large site has a hundred thousand pages, an edit changes one.
        let differing: Vec<&Page> = (site.pages.par_iter())
            .filter(|page| before(page).is_none_or(|before| !before.is(page)))
            .collect();
        let came = differing
            .iter()
            .filter(|page| before(page).is_none())
            .count();
        let matched = site.pages.len() - came;
        for page in differing {
            let lang = page.entry.lang;
            let before = before(page);
            if before.is_none_or(|before| before.url != page.url) {
                diff.changed.addresses.insert(lang);
            }
            if before.is_none() {
                diff.changed.came_or_went.insert((lang, page.key_hash));
            }
            diff.changed(lang, &page.key, Some(PageSource::of(page)));
        }
        let known: usize = self.pages.values().map(HashMap::len).sum();
        if known != matched {
            for (lang, pages) in &self.pages {
                for (key, before) in pages {
                    let (kind, stem) = (before.entry.kind, &before.entry.stem);
                    if site.index_of(kind, stem, *lang).is_none() {
                        diff.changed.addresses.insert(*lang);
                        let page = (*lang, crate::resolve::key_hash_of(key));
                        diff.changed.came_or_went.insert(page);
                        diff.changed(*lang, key, None);
                    }
                }
            }
        }
        diff
    }

    /// Brings what was published up to date with the site `diff` was made from.
    pub fn apply(&mut self, diff: PageDiff) {
        for (lang, key, now) in diff.updates {
            let pages = self.pages.entry(lang).or_default();
            match now {
                Some(page) => pages.insert(key, page),
                None => pages.remove(&key),
            };
        }
    }
}

impl PageDiff {
    fn changed(&mut self, lang: Lang, key: &Arc<str>, now: Option<PageSource>) {
        let page = (lang, crate::resolve::key_hash_of(key));
        self.changed.pages.insert(page);
        self.changed.langs.insert(lang);
        self.keys.insert(key.to_string());
        self.updates.push((lang, key.clone(), now));
    }
}
