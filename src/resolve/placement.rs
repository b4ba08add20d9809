//! Where the published entries stand: their pages in page order, the index that finds them
//! and each kind's lists. `serve` keeps the last placement with what it was made from, and
//! reuses it for an edit that moved no entry: only the pages of changed entries are made.

use super::*;

/// The pages of a kind in a language, by position in `Site::pages`, in list order.
pub(super) type Lists = BTreeMap<(Kind, Lang), Vec<usize>>;

/// The published entries placed.
pub(super) struct Placed {
    /// In page order, their Markdown not rendered yet.
    pub pages: Vec<Page>,
    pub index: Arc<PageIndex>,
    pub lists: Arc<Lists>,
}

/// The last placement of `serve`, kept for the next edit.
#[derive(Default)]
pub struct KeptPlacement(std::sync::Mutex<Option<Placement>>);

/// A placement and what it was made from.
struct Placement {
    /// What addresses are made of besides the entry: site.yaml's languages and section names.
    languages: Vec<Lang>,
    sections: BTreeMap<Kind, BTreeMap<Lang, String>>,
    /// The published entries in the order `resolve` got them, and the position of each one's
    /// page in `pages`.
    published: Vec<Arc<Entry>>,
    page_of: Vec<usize>,
    pages: Vec<Page>,
    index: Arc<PageIndex>,
    lists: Arc<Lists>,
}

/// Places the published entries (as `hold_back` gives them): with `kept`, by updating the last
/// placement when that is the same but for entries that stay in their place.
pub(super) fn place(
    config: &Config,
    published: Vec<Arc<Entry>>,
    kept: Option<&KeptPlacement>,
) -> Placed {
    let Some(mut guard) = kept.and_then(|kept| kept.0.lock().ok()) else {
        return place_anew(config, &published).0;
    };
    if let Some(placement) = guard.as_mut()
        && placement.update(config, &published)
    {
        return placement.placed();
    }
    let (placed, page_of) = place_anew(config, &published);
    let placement = Placement {
        languages: config.languages.clone(),
        sections: config.sections.clone(),
        published,
        page_of,
        pages: placed.pages.clone(),
        index: placed.index.clone(),
        lists: placed.lists.clone(),
    };
    *guard = Some(placement);
    placed
}

/// The entries sorted into pages, indexed and listed; with the position of each entry's page.
fn place_anew(config: &Config, published: &[Arc<Entry>]) -> (Placed, Vec<usize>) {
    let order = in_page_order(published);
    let mut page_of = vec![0; order.len()];
    for (page, entry) in order.iter().enumerate() {
        page_of[*entry] = page;
    }
    let pages: Vec<Page> = order
        .par_iter()
        .map(|i| Page::new(config, published[*i].clone()))
        .collect();
    let placed = Placed {
        index: Arc::new(PageIndex::new(&pages)),
        lists: Arc::new(lists(&pages)),
        pages,
    };
    (placed, page_of)
}

impl Placement {
    /// Brings the placement up to `published` when it differs only in entries (the same
    /// files) that keep their place in the lists and their address; `false` when it cannot.
    fn update(&mut self, config: &Config, published: &[Arc<Entry>]) -> bool {
        if self.languages != config.languages
            || self.sections != config.sections
            || self.published.len() != published.len()
        {
            return false;
        }
        let changed =
            (0..published.len()).filter(|i| !Arc::ptr_eq(&self.published[*i], &published[*i]));
        let mut fresh = Vec::new();
        for i in changed {
            let (before, now) = (&self.published[i], &published[i]);
            let page = Page::new(config, now.clone());
            let stays = now.path == before.path
                && page_order(now) == page_order(before)
                && page.url == self.pages[self.page_of[i]].url;
            if !stays {
                return false;
            }
            fresh.push((i, page));
        }
        for (i, page) in fresh {
            self.pages[self.page_of[i]] = page;
            self.published[i] = published[i].clone();
        }
        true
    }

    fn placed(&self) -> Placed {
        Placed {
            pages: self.pages.clone(),
            index: self.index.clone(),
            lists: self.lists.clone(),
        }
    }
}
