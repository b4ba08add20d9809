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
    /// Each page at its place in the site: an edit leaves nearly every page where it was,
    /// and one found unchanged there or beside it is spared a look-up by key (at 100,000
    /// entries a tenth of an edit).
    in_order: Vec<PageSource>,
}

/// How a site differs from the one `Published` was made from: the pages changed, the keys of
/// their entries, and what to bring `Published` up to date with once they are written.
pub struct PageDiff {
    pub changed: Changed,
    pub keys: BTreeSet<String>,
    /// (language, key, the page now; `None`: gone).
    updates: Vec<(Lang, Arc<str>, Option<PageSource>)>,
    /// The places of the pages that differ, when every other page was found at its own.
    differ_in_place: Option<Vec<usize>>,
}

impl Published {
    pub fn of(site: &Site) -> Published {
        let mut published = Published::default();
        for page in &site.pages {
            (published.pages.entry(page.entry.lang).or_default())
                .insert(page.key.clone(), PageSource::of(page));
        }
        published.in_order = site.pages.iter().map(PageSource::of).collect();
        published
    }

    /// Compares `site` with what was published, page by page by key: a page whose entry,
    /// Markdown or address is another, one that appeared and one that went are changes.
    pub fn diff(&self, site: &Site) -> PageDiff {
        let before =
            |page: &Page| (self.pages.get(&page.entry.lang)).and_then(|p| p.get(&page.key));
        let seen: Vec<Seen> = (site.pages.par_iter().enumerate())
            .map(|(i, page)| {
                let unchanged_at = |j: usize| self.in_order.get(j).is_some_and(|b| b.is(page));
                if unchanged_at(i) {
                    Seen::AtPlace
                } else if unchanged_at(i + 1)
                    || i.checked_sub(1).is_some_and(unchanged_at)
                    || before(page).is_some_and(|before| before.is(page))
                {
                    Seen::Moved
                } else {
                    Seen::Differs
                }
            })
            .collect();
        let differ_at: Vec<usize> = (seen.iter().enumerate())
            .filter(|(_, seen)| matches!(seen, Seen::Differs))
            .map(|(i, _)| i)
            .collect();
        let in_place = site.pages.len() == self.in_order.len()
            && !seen.iter().any(|seen| matches!(seen, Seen::Moved));
        let mut diff = PageDiff {
            changed: Changed::default(),
            keys: BTreeSet::new(),
            updates: Vec::new(),
            differ_in_place: None,
        };
        let differing: Vec<&Page> = differ_at.iter().map(|i| &site.pages[*i]).collect();
        diff.differ_in_place = in_place.then_some(differ_at);
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

    /// Brings what was published up to date with `site`, which `diff` was made from.
    pub fn apply(&mut self, diff: PageDiff, site: &Site) {
        for (lang, key, now) in diff.updates {
            let pages = self.pages.entry(lang).or_default();
            match now {
                Some(page) => pages.insert(key, page),
                None => pages.remove(&key),
            };
        }
        match diff.differ_in_place {
            Some(differ_at) => {
                for i in differ_at {
                    if let (Some(slot), Some(page)) = (self.in_order.get_mut(i), site.pages.get(i))
                    {
                        *slot = PageSource::of(page);
                    }
                }
            }
            None => self.in_order = site.pages.iter().map(PageSource::of).collect(),
        }
        debug_assert!(
            self.in_order.len() == site.pages.len()
                && (self.in_order.iter().zip(&site.pages)).all(|(kept, page)| kept.is(page)),
            "the pages published, in order"
        );
    }
}

/// How a page was found among those published: unchanged at its place, unchanged elsewhere
/// (pages came, went or moved before it), or changed (or new).
enum Seen {
    AtPlace,
    Moved,
    Differs,
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
