//! Where the published entries stand: their pages in page order, the index that finds them,
//! each kind's lists and the pages at an address that is taken already. `serve` keeps the last
//! placement with what it was made from: an edit that moved no entry changes only the pages of
//! changed entries; one where entries came, went or moved keeps the pages of the others. The
//! pages themselves are lent to the site built from them and given back after it.

use super::*;

/// The pages of a kind in a language, by position in `Site::pages`, in list order.
pub(super) type Lists = BTreeMap<(Kind, Lang), Vec<usize>>;

/// The published entries placed.
pub(super) struct Placed {
    /// In page order, their Markdown not rendered yet.
    pub pages: Vec<Page>,
    pub index: Arc<PageIndex>,
    pub lists: Arc<Lists>,
    /// The pages (by position) at an address a section or an earlier page has, with the
    /// problem to report on each.
    pub clashes: Arc<Vec<(usize, Diagnostic)>>,
    /// The pages at another address than at the last placement.
    pub readdressed: Readdressed,
}

/// The pages (by key, `Page::key`) at another address than at the last placement, or that
/// came or went: Markdown that links to them is rendered again.
pub(super) enum Readdressed {
    Keys(HashSet<Arc<str>>),
    /// Placed anew: every page may be.
    All,
}

/// The last placement of `serve`, kept for the next edit. Its pages are lent to the site of
/// each build and given back when `serve` is done with it (`give_back`): copying them instead
/// was a pass over every page of every edit (200,000 at a large site).
#[derive(Default)]
pub struct KeptPlacement(std::sync::Mutex<Option<Placement>>);

impl KeptPlacement {
    /// Takes back the pages of the site the last placement was lent to, when they are those
    /// it lent (the same entries in the same places); else they are dropped, and the next
    /// build places every page anew.
    pub fn give_back(&self, pages: Vec<Page>) {
        let Ok(mut guard) = self.0.lock() else {
            return;
        };
        if let Some(placement) = guard.as_mut()
            && placement.pages.is_empty()
            && placement.lent_were(&pages)
        {
            placement.pages = pages;
        }
    }
}

/// A placement and what it was made from.
struct Placement {
    /// What addresses are made of besides the entry: site.yaml's languages and section names.
    languages: Vec<Lang>,
    sections: BTreeMap<Kind, BTreeMap<Lang, String>>,
    /// The published entries in the order `resolve` got them, and the position of each one's
    /// page in `pages`.
    published: Vec<Arc<Entry>>,
    page_of: Vec<usize>,
    /// Empty while lent to the site of the last build, until `KeptPlacement::give_back`.
    pages: Vec<Page>,
    index: Arc<PageIndex>,
    lists: Arc<Lists>,
    clashes: Arc<Vec<(usize, Diagnostic)>>,
    /// `Addresses::taken` of the pages: for a merge to look for clashes among the pages that
    /// came only.
    taken: Option<HashSet<u64>>,
}

/// Places the published entries (as `hold_back` gives them): with `kept`, by updating the last
/// placement when that is the same but for entries that stay in their place.
pub(super) fn place(
    config: &Config,
    published: Vec<Arc<Entry>>,
    kept: Option<&KeptPlacement>,
) -> Placed {
    let Some(mut guard) = kept.and_then(|kept| kept.0.lock().ok()) else {
        return place_anew(config, &published).placed;
    };
    if let Some(placement) = guard.as_mut().filter(|p| p.has_pages())
        && placement.update(config, &published)
    {
        return placement.lend();
    }
    // The pages kept are moved into the new placement, not copied: a copy writes the counts
    // of every page's entry and texts (200,000 at a large site).
    let kept = guard.take().filter(Placement::has_pages);
    let merged = kept.and_then(|kept| kept.merged(config, &published));
    let Made {
        placed,
        page_of,
        taken,
    } = merged.unwrap_or_else(|| place_anew(config, &published));
    let placement = Placement {
        languages: config.languages.clone(),
        sections: config.sections.clone(),
        published,
        page_of,
        pages: Vec::new(),
        index: placed.index.clone(),
        lists: placed.lists.clone(),
        clashes: placed.clashes.clone(),
        taken,
    };
    *guard = Some(placement);
    placed
}

/// A placement made: with the position of each entry's page, and every address's hash when
/// none clashed (`Addresses::taken`).
struct Made {
    placed: Placed,
    page_of: Vec<usize>,
    taken: Option<HashSet<u64>>,
}

/// The entries sorted into pages, indexed and listed.
fn place_anew(config: &Config, published: &[Arc<Entry>]) -> Made {
    let order = in_page_order(published);
    let mut page_of = vec![0; order.len()];
    for (page, entry) in order.iter().enumerate() {
        page_of[*entry] = page;
    }
    let pages: Vec<Page> = order
        .par_iter()
        .map(|i| Page::new(config, published[*i].clone()))
        .collect();
    placed(config, pages, page_of, None)
}

/// `pages` (in page order) indexed and listed, with their clashing addresses; `kept`: what
/// the last placement had of these, when the pages are mostly its own (a merge).
fn placed(config: &Config, pages: Vec<Page>, page_of: Vec<usize>, kept: Option<Kept>) -> Made {
    let (index, addresses, readdressed) = match kept {
        Some(kept) => {
            let readdressed = Readdressed::Keys(readdressed(&pages, &kept.fresh, &kept.went));
            (
                kept.index,
                Some((kept.addresses, kept.fresh)),
                Some(readdressed),
            )
        }
        None => (None, None, None),
    };
    // Each a pass over every page, on one thread: side by side.
    let ((index, lists), addresses) = rayon::join(
        || {
            (
                index.unwrap_or_else(|| PageIndex::new(&pages)),
                lists(&pages),
            )
        },
        || {
            (addresses.and_then(|(taken, fresh)| Addresses::with(taken, &pages, &fresh)))
                .unwrap_or_else(|| url_clashes(config, &pages))
        },
    );
    #[cfg(debug_assertions)]
    {
        // What a merge kept is what a placement anew makes (the tests run debug builds).
        assert_eq!(index, PageIndex::new(&pages), "the index after a merge");
        assert_eq!(
            addresses.taken,
            url_clashes(config, &pages).taken,
            "addresses"
        );
    }
    Made {
        placed: Placed {
            index: Arc::new(index),
            lists: Arc::new(lists),
            clashes: Arc::new(addresses.clashes),
            pages,
            readdressed: readdressed.unwrap_or(Readdressed::All),
        },
        page_of,
        taken: addresses.taken,
    }
}

/// What a merge keeps of the last placement (`Placement::merged`): its index brought up to
/// the pages' new places, and the addresses of the pages that stayed.
struct Kept {
    index: Option<PageIndex>,
    addresses: Option<HashSet<u64>>,
    /// The positions of the pages that came.
    fresh: Vec<usize>,
    /// The pages of the last placement that went.
    went: Vec<Page>,
}

/// The keys of the pages that came (at `fresh`) or `went`, but for an entry's page that went
/// and came again at the same address (an entry that changed, and moved in its list).
fn readdressed(pages: &[Page], fresh: &[usize], went: &[Page]) -> HashSet<Arc<str>> {
    let address = |page: &Page| (page.lang, page.key.clone(), page.url.clone());
    let came: HashSet<_> = fresh
        .iter()
        .filter_map(|i| pages.get(*i))
        .map(address)
        .collect();
    let gone: HashSet<_> = went.iter().map(address).collect();
    (came.symmetric_difference(&gone))
        .map(|(_, key, _)| key.clone())
        .collect()
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

    /// The placement of `published` when entries came, went or moved: the pages of the
    /// entries that are the same (`Arc`) are kept in their order, and only the others are made
    /// and put in their places (found by a binary search). `None` when site.yaml's languages
    /// or section names changed, which may change every address.
    fn merged(self, config: &Config, published: &[Arc<Entry>]) -> Option<Made> {
        if self.languages != config.languages || self.sections != config.sections {
            return None;
        }
        let before_of = in_step(&self.published, published, Arc::ptr_eq);
        let mut now_of = vec![None; self.published.len()];
        for (now, before) in before_of.iter().enumerate() {
            if let Some(before) = before {
                now_of[*before] = Some(now);
            }
        }
        let mut entry_at = vec![0; self.page_of.len()];
        for (entry, page) in self.page_of.iter().enumerate() {
            entry_at[*page] = entry;
        }
        let mut fresh: Vec<(usize, Page)> = (before_of.iter().enumerate())
            .filter(|(_, before)| before.is_none())
            .map(|(now, _)| (now, Page::new(config, published[now].clone())))
            .collect();
        fresh.sort_unstable_by(|(_, a), (_, b)| page_order(&a.entry).cmp(&page_order(&b.entry)));
        let mut pages = Vec::with_capacity(published.len());
        let mut page_of = vec![0; published.len()];
        // The kept pages, in page order, with the pages that went among them: each is moved
        // into `pages` once, and the place of a fresh page is found by a binary search.
        let mut before = Before {
            pages: self.pages.into_iter(),
            entries: entry_at.into_iter(),
            now_of,
            moved_to: Vec::with_capacity(self.page_of.len()),
            went: Vec::new(),
        };
        let mut fresh_at = Vec::with_capacity(fresh.len());
        for (now, page) in fresh {
            before.keep_until(Some(&page.entry), &mut pages, &mut page_of);
            page_of[now] = pages.len();
            fresh_at.push(pages.len());
            pages.push(page);
        }
        before.keep_until(None, &mut pages, &mut page_of);
        // The site built from the last placement holds its index until it is freed (beside
        // the next edit): made anew if it is still held.
        let index = (Arc::into_inner(self.index))
            .and_then(|index| index.moved(&before.moved_to, &pages, &fresh_at));
        let addresses = (self.taken).map(|mut taken| {
            before
                .went
                .iter()
                .for_each(|page| _ = taken.remove(&page.url_hash));
            taken
        });
        let kept = Kept {
            index,
            addresses,
            fresh: fresh_at,
            went: before.went,
        };
        Some(placed(config, pages, page_of, Some(kept)))
    }

    /// Whether its pages are here, not lent.
    fn has_pages(&self) -> bool {
        self.pages.len() == self.page_of.len()
    }

    /// Whether `pages` are those this placement lent: each entry's page at its place.
    fn lent_were(&self, pages: &[Page]) -> bool {
        pages.len() == self.page_of.len()
            && (self.published.iter().zip(&self.page_of)).all(|(entry, page)| {
                pages
                    .get(*page)
                    .is_some_and(|p| Arc::ptr_eq(&p.entry, entry))
            })
    }

    /// The placement, its pages lent until given back.
    fn lend(&mut self) -> Placed {
        Placed {
            pages: std::mem::take(&mut self.pages),
            index: self.index.clone(),
            lists: self.lists.clone(),
            clashes: self.clashes.clone(),
            readdressed: Readdressed::Keys(HashSet::new()),
        }
    }
}

/// The pages of the last placement not yet moved into a new one, in page order (see
/// `Placement::merged`).
struct Before {
    pages: std::vec::IntoIter<Page>,
    /// The position in the last `published` of each page's entry.
    entries: std::vec::IntoIter<usize>,
    /// The position in `published` now of each entry of the last, if it is kept.
    now_of: Vec<Option<usize>>,
    /// For each page moved on from, in the last page order: its place in `pages` now, if
    /// it is kept.
    moved_to: Vec<Option<usize>>,
    /// The pages that went.
    went: Vec<Page>,
}

impl Before {
    /// Moves the kept pages that come before `entry`'s page (all, for `None`) into `pages`.
    fn keep_until(&mut self, entry: Option<&Entry>, pages: &mut Vec<Page>, page_of: &mut [usize]) {
        let count = match entry.map(page_order) {
            Some(key) => (self.pages.as_slice()).partition_point(|p| page_order(&p.entry) < key),
            None => self.pages.len(),
        };
        for (page, entry) in (self.pages.by_ref()).zip(self.entries.by_ref()).take(count) {
            if let Some(now) = self.now_of[entry] {
                page_of[now] = pages.len();
                self.moved_to.push(Some(pages.len()));
                pages.push(page);
            } else {
                self.moved_to.push(None);
                self.went.push(page);
            }
        }
    }
}

/// The address of every section in every language, with its kind.
fn section_urls(config: &Config) -> impl Iterator<Item = (String, Kind)> + '_ {
    config.languages.iter().flat_map(move |lang| {
        (crate::model::KINDS.into_iter())
            .filter(|k| k.has_section())
            .map(move |kind| (section_url(config, kind, *lang), kind))
    })
}

/// The pages whose address a section or an earlier page has already, and the addresses taken.
pub(super) struct Addresses {
    /// By position, with the problem to report on each.
    clashes: Vec<(usize, Diagnostic)>,
    /// The hash (`folded_url_hash`) of every section's and page's address, when no two
    /// have the same one.
    taken: Option<HashSet<u64>>,
}

impl Addresses {
    /// The addresses of `pages`, when they are those of `taken` (every one, with none the
    /// same) and the pages at `fresh`: `None` when one of those is taken already, for
    /// `url_clashes` to find which, and where.
    fn with(taken: Option<HashSet<u64>>, pages: &[Page], fresh: &[usize]) -> Option<Addresses> {
        let mut taken = taken?;
        for page in fresh.iter().map(|i| pages.get(*i)) {
            if !taken.insert(page?.url_hash) {
                return None;
            }
        }
        Some(Addresses {
            clashes: Vec::new(),
            taken: Some(taken),
        })
    }
}

/// Two entries must never write the same URL; case-only differences clash on macOS and Windows.
pub(super) fn url_clashes(config: &Config, pages: &[Page]) -> Addresses {
    /// Who already has an address: a section of `site.yaml`, or a page.
    enum Owner<'a> {
        Section(Kind),
        Page(&'a std::path::Path),
    }
    let sections: Vec<(String, Kind)> = section_urls(config).collect();
    // By `folded_url_hash` (computed once per page, in parallel): only addresses with the same
    // hash are lowercased and compared. Those that are not the same are kept aside.
    let mut seen: HashMap<u64, (&str, Owner<'_>)> = HashMap::with_capacity(pages.len() + 16);
    let mut same_hash: Vec<(&str, Owner<'_>)> = Vec::new();
    let owners = (sections.iter())
        .map(|(url, kind)| (folded_url_hash(url), url.as_str(), Owner::Section(*kind)))
        .chain((pages.iter()).map(|p| (p.url_hash, &*p.url, Owner::Page(&p.entry.path))));
    let mut clashes = Vec::new();
    for (i, (hash, url, owner)) in owners.enumerate() {
        let folded = |other: &str| other.to_lowercase() == url.to_lowercase();
        let taken = match seen.get(&hash) {
            None => None,
            Some((other, taken)) if folded(other) => Some(taken),
            Some(_) => same_hash.iter().find(|(o, _)| folded(o)).map(|(_, t)| t),
        };
        let (Some(taken), Some(page)) = (taken, i.checked_sub(sections.len())) else {
            match seen.entry(hash) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert((url, owner));
                }
                std::collections::hash_map::Entry::Occupied(_) => same_hash.push((url, owner)),
            }
            continue;
        };
        let other = match taken {
            Owner::Section(kind) => crate::tr!("between-section", section = kind.folder()),
            Owner::Page(path) => display_path(path),
        };
        let clash = (pages[page].entry.slug)
            .error(crate::tr!("between-same-address", url = url, other = other))
            .with_hint(crate::tr!("between-same-address-hint"));
        clashes.push((page, clash));
    }
    let taken = (clashes.is_empty() && same_hash.is_empty()).then(|| seen.into_keys().collect());
    Addresses { clashes, taken }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_found_again_when_others_came_went_or_changed() {
        let before: Vec<Arc<u32>> = (0..6).map(Arc::new).collect();
        let changed = Arc::new(2);
        let came = Arc::new(9);
        // 0 went, 2 changed, 9 came after 3, 5 went.
        let now = vec![
            before[1].clone(),
            changed,
            before[3].clone(),
            came,
            before[4].clone(),
        ];
        assert_eq!(
            in_step(&before, &now, Arc::ptr_eq),
            [Some(1), None, Some(3), None, Some(4)]
        );
        assert_eq!(
            in_step(&before, &before, Arc::ptr_eq),
            (0..6).map(Some).collect::<Vec<_>>()
        );
        assert_eq!(in_step(&before, &[], Arc::ptr_eq), []);
        assert_eq!(in_step(&[], &before, Arc::ptr_eq), [None; 6]);
    }
}
