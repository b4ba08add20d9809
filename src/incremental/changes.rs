//! What changed since `serve`'s last good render: the two sites compared page by page by key
//! (`Published::diff`), and what a partial render needs to know of it (`Partial`).

use crate::incremental::dependencies::{Changed, DependencyMap, PageRef};
use crate::resolve::{PageSource, Site, places_before};
use std::collections::BTreeSet;
use std::sync::Arc;

/// What a partial render of `serve` makes again: the outputs whose reads in the last good
/// render (`previous`) read a page that `changed`, or a list that is otherwise now.
pub struct Partial {
    pub changed: Changed,
    /// The keys (`kind/stem`) of the entries changed, for the sitemap's rows.
    pub keys: BTreeSet<String>,
    pub previous: Arc<DependencyMap>,
    /// The output paths open in a tab: made before the tabs reload even when they could wait.
    pub viewed: foldhash::HashSet<String>,
}

/// What a build published at each page, in the site's order: kept by `serve` from its last
/// good build, to tell which pages the next one changed. An edit leaves nearly every page at
/// its place, or beside it when a page came or went before it; only the others are looked for
/// by key.
#[derive(Default)]
pub struct Published {
    in_order: Vec<PageSource>,
}

/// How a site differs from the one `Published` was made from: the pages changed and the keys
/// of their entries.
pub struct PageDiff {
    pub changed: Changed,
    pub keys: BTreeSet<String>,
    /// The places of the pages that differ, when every other page was found at its own: then
    /// only they are taken again into `Published`.
    differ_in_place: Option<Vec<usize>>,
}

impl Published {
    pub fn of(site: &Site) -> Published {
        Published {
            in_order: site.pages.iter().map(PageSource::of).collect(),
        }
    }

    /// Compares `site` with what was published, page by page by key: a page whose entry,
    /// Markdown or address is another, one that appeared and one that went are changes.
    pub fn diff(&self, site: &Site) -> PageDiff {
        let was_at = places_before(&self.in_order, &site.pages, PageSource::of_page, |before| {
            (before.entry.lang, before.key_hash)
        });
        let mut diff = PageDiff {
            changed: Changed::default(),
            keys: BTreeSet::new(),
            differ_in_place: None,
        };
        let mut still_there = vec![false; self.in_order.len()];
        let mut differ_at = Vec::new();
        for (i, (page, was_at)) in site.pages.iter().zip(&was_at).enumerate() {
            let before = was_at.map(|j| &self.in_order[j]);
            if let Some(j) = *was_at {
                still_there[j] = true;
            }
            if before.is_some_and(|before| before.is(page)) {
                continue;
            }
            differ_at.push(i);
            let lang = page.lang;
            if before.is_none_or(|before| before.url != page.url) {
                diff.changed.addresses.insert(lang);
            }
            diff.changed((lang, page.key_hash), &page.key);
        }
        let gone = (self.in_order.iter().zip(&still_there)).filter(|(_, there)| !**there);
        for (before, _) in gone {
            let page = (before.entry.lang, before.key_hash);
            diff.changed.addresses.insert(page.0);
            diff.changed(page, &before.key());
        }
        let in_place = site.pages.len() == self.in_order.len()
            && (was_at.iter().enumerate()).all(|(i, was_at)| *was_at == Some(i));
        diff.differ_in_place = in_place.then_some(differ_at);
        diff
    }

    /// Brings what was published up to date with `site`, which `diff` was made from.
    pub fn apply(&mut self, diff: PageDiff, site: &Site) {
        match diff.differ_in_place {
            Some(differ_at) => {
                for i in differ_at {
                    if let (Some(slot), Some(page)) = (self.in_order.get_mut(i), site.pages.get(i))
                    {
                        *slot = PageSource::of(page);
                    }
                }
            }
            None => *self = Published::of(site),
        }
        debug_assert!(
            self.in_order.len() == site.pages.len()
                && (self.in_order.iter().zip(&site.pages)).all(|(kept, page)| kept.is(page)),
            "the pages published, in order"
        );
    }
}

impl PageDiff {
    fn changed(&mut self, page: PageRef, key: &str) {
        self.changed.pages.insert(page);
        self.changed.langs.insert(page.0);
        self.keys.insert(key.to_string());
    }
}
