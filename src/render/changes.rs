//! Which outputs an edit affects: the pages changed since `serve`'s last good build (the two
//! sites compared by key, `Published::diff`), the order of every list then, and the rule
//! (`Job::depends_on`) that picks the outputs to render again.

use super::directory::{Facets, Filter};
use super::html_path;
use super::lists::page_count;
use super::plan::{Job, list_jobs, shows_any};
use crate::lang::Lang;
use crate::markdown::Rendered;
use crate::model::{Entry, Kind};
use crate::resolve::Site;
use std::collections::HashMap;
use std::sync::Arc;

/// What a build published at each page, by language and key: kept by `serve` from its last
/// good build, to tell which pages the next one changed.
#[derive(Default)]
pub struct Published {
    pages: HashMap<Lang, HashMap<String, PublishedPage>>,
}

/// A page as published: its address, and the entry and rendered Markdown it was made from.
/// Both are shared with the caches of `serve`, which give the same ones again for a file that
/// did not change, so they are compared by pointer (holding them here keeps the pointers from
/// being reused).
#[derive(Clone)]
struct PublishedPage {
    url: String,
    entry: Arc<Entry>,
    rendered: Arc<Rendered>,
}

/// How a site differs from the one `Published` was made from: the changes to render, the
/// addresses pages left, and what to bring `Published` up to date with once they are written.
pub struct PageDiff {
    pub changes: Changes,
    pub left: Vec<String>,
    /// (language, key, the page now; `None`: gone).
    updates: Vec<(Lang, String, Option<PublishedPage>)>,
}

impl Published {
    pub fn of(site: &Site) -> Published {
        let mut published = Published::default();
        for page in &site.pages {
            (published.pages.entry(page.entry.lang).or_default())
                .insert(page.key.clone(), PublishedPage::of(page));
        }
        published
    }

    /// Compares `site` with what was published, page by page by key: a page whose entry,
    /// Markdown or address is another, one that appeared and one that went are changes.
    pub fn diff(&self, site: &Site) -> PageDiff {
        let mut diff = PageDiff {
            changes: Changes::default(),
            left: Vec::new(),
            updates: Vec::new(),
        };
        let mut matched = 0;
        for page in &site.pages {
            let lang = page.entry.lang;
            let before = self.pages.get(&lang).and_then(|p| p.get(&page.key));
            matched += usize::from(before.is_some());
            if before.is_some_and(|before| before.is_same(page)) {
                continue;
            }
            diff.changes.addresses |= before.is_none_or(|b| b.url != page.url);
            diff.left
                .extend(before.filter(|b| b.url != page.url).map(|b| b.url.clone()));
            diff.changed(
                (page.entry.kind, lang),
                &page.key,
                Some(PublishedPage::of(page)),
            );
        }
        let known: usize = self.pages.values().map(HashMap::len).sum();
        if known != matched {
            for (lang, pages) in &self.pages {
                for (key, before) in pages {
                    let (kind, stem) = (before.entry.kind, &before.entry.stem);
                    if site.page(kind, stem, *lang).is_none() {
                        diff.changes.addresses = true;
                        diff.left.push(before.url.clone());
                        diff.changed((kind, *lang), key, None);
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

impl PublishedPage {
    fn of(page: &crate::resolve::Page) -> PublishedPage {
        PublishedPage {
            url: page.url.clone(),
            entry: page.entry.clone(),
            rendered: page.rendered.clone(),
        }
    }

    fn is_same(&self, page: &crate::resolve::Page) -> bool {
        Arc::ptr_eq(&self.entry, &page.entry)
            && Arc::ptr_eq(&self.rendered, &page.rendered)
            && self.url == page.url
    }
}

impl PageDiff {
    fn changed(&mut self, (kind, lang): (Kind, Lang), key: &str, now: Option<PublishedPage>) {
        self.changes.kinds.insert(kind);
        self.changes.keys.insert(key.to_string());
        self.changes.langs.insert(lang);
        self.updates.push((lang, key.to_string(), now));
    }
}

/// The entries of every list, in order, as hashes of their keys: kept by `serve` after a good
/// build, so when an edit reorders a list (a new date) only the list pages whose entries moved
/// are rendered again.
#[derive(Debug, Default)]
pub struct ListOrder {
    sections: std::collections::HashMap<(Kind, Lang), Vec<u64>>,
    filters: std::collections::HashMap<(Lang, Filter), Vec<u64>>,
    /// Where every page of every list is written: a list that got shorter leaves pages past
    /// its end, and a province or theme without initiatives has no pages any more.
    pub paths: std::collections::HashSet<String>,
}

/// The order of every list of `site`, whose directory `facets` are.
pub(super) fn list_order(site: &Site, facets: &Facets) -> ListOrder {
    let hashes = |indices: &[usize]| -> Vec<u64> {
        indices.iter().map(|i| site.pages[*i].key_hash).collect()
    };
    let mut order = ListOrder::default();
    for kind in crate::model::KINDS {
        for lang in &site.config.languages {
            order
                .sections
                .insert((kind, *lang), hashes(site.list_indices(kind, *lang)));
        }
    }
    for ((lang, filter), indices) in facets.iter() {
        if let Some(filter) = filter {
            order
                .filters
                .insert((*lang, filter.clone()), hashes(indices));
        }
    }
    order.paths = (list_jobs(site, facets).iter())
        .filter_map(|job| job.list_path(site))
        .map(|url| html_path(&url))
        .collect();
    order
}

/// Does the number of initiatives in any province or theme (which every directory page of
/// `lang` shows) differ from the last build (`previous`)?
fn facet_counts_changed(previous: &ListOrder, facets: &Facets, lang: Lang) -> bool {
    let now = facets
        .iter()
        .filter(|((l, filter), indices)| *l == lang && filter.is_some() && !indices.is_empty())
        .count();
    let before = previous
        .filters
        .iter()
        .filter(|((l, _), hashes)| *l == lang && !hashes.is_empty());
    let mut counted = 0;
    for ((l, filter), hashes) in before {
        counted += 1;
        let len = facets.get(&(*l, Some(filter.clone()))).map_or(0, Vec::len);
        if len != hashes.len() {
            return true;
        }
    }
    counted != now
}

/// Do the entries on page `n` of a list (`all`, `size` a page) differ from the same page of
/// the list before (`previous`; unknown counts as different)?
fn page_moved(previous: Option<&[u64]>, site: &Site, all: &[usize], size: usize, n: usize) -> bool {
    let Some(previous) = previous else {
        return true;
    };
    let page = |len: usize| {
        let start = n.saturating_mul(size).min(len);
        start..(n + 1).saturating_mul(size).min(len)
    };
    let now = &all[page(all.len())];
    let before = &previous[page(previous.len())];
    now.len() != before.len()
        || now
            .iter()
            .zip(before)
            .any(|(i, hash)| site.pages[*i].key_hash != *hash)
}

/// Has a list a different number of pages than before (`previous`; unknown counts as
/// different)? Every page of a list says how many there are.
fn page_count_changed(previous: Option<&[u64]>, all: &[usize], size: usize) -> bool {
    previous.is_none_or(|before| page_count(before.len(), size) != page_count(all.len(), size))
}

/// What `Job::depends_on` reads: the changes, and what is found from them once per render
/// rather than once per output.
pub(super) struct Affected<'a> {
    changes: &'a Changes,
    facets: &'a Facets,
    /// `Page::key_hash` of each key changed.
    key_hashes: std::collections::HashSet<u64>,
    /// The languages whose directory pages show other counts (`facet_counts_changed`).
    counts_changed: std::collections::BTreeSet<Lang>,
}

impl<'a> Affected<'a> {
    pub(super) fn new(site: &Site, facets: &'a Facets, changes: &'a Changes) -> Affected<'a> {
        Affected {
            key_hashes: (changes.keys.iter())
                .map(|key| crate::resolve::key_hash_of(key))
                .collect(),
            counts_changed: (site.config.languages.iter())
                .filter(|lang| facet_counts_changed(&changes.previous_order, facets, **lang))
                .copied()
                .collect(),
            changes,
            facets,
        }
    }
}

/// Entries changed since the last build, by key (`press/x`) and by kind, and the order of the
/// lists in that build.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub keys: std::collections::BTreeSet<String>,
    pub kinds: std::collections::BTreeSet<Kind>,
    /// An entry moved to a new address, or one appeared or went.
    pub addresses: bool,
    /// The languages of the pages changed, moved, appeared or gone.
    pub langs: std::collections::BTreeSet<Lang>,
    pub previous_order: std::sync::Arc<ListOrder>,
}

impl Job {
    /// Does this output depend on any of the changed entries? One table for every kind of
    /// output: what each page shows of which entries. (Menus and footers show page titles.)
    ///
    /// A list page depends on the entries it lists, not on every entry of the kind, on which
    /// entries stand on it (`ListOrder`: a new date moves a press release to another page, and
    /// the ones between shift; a new entry shifts the ones after it) and on how many pages the
    /// list has. A directory page also shows how many initiatives each province and theme has.
    pub(super) fn depends_on(&self, site: &Site, affected: &Affected<'_>) -> bool {
        let Affected {
            changes,
            facets,
            key_hashes,
            counts_changed,
        } = affected;
        let facet_counts_changed = |lang: &Lang| counts_changed.contains(lang);
        let kinds = |list: &[Kind]| list.iter().any(|k| changes.kinds.contains(k));
        // By the hash each page keeps beside it (two keys with one hash: one page too many).
        let lists_changed = |all: &[usize], size: usize, n: usize| {
            let start = n.saturating_mul(size).min(all.len());
            let end = (n + 1).saturating_mul(size).min(all.len());
            all[start..end]
                .iter()
                .any(|i| key_hashes.contains(&site.pages[*i].key_hash))
        };
        match self {
            Job::Entry(i) | Job::Calendar(i) => {
                let page = &site.pages[*i];
                changes.keys.contains(&page.key) || shows_any(page.entry.kind, changes)
            }
            Job::Home(_) => kinds(&[
                Kind::Home,
                Kind::Goal,
                Kind::Press,
                Kind::Initiative,
                Kind::Festival,
                Kind::Partner,
                Kind::Page,
            ]),
            Job::SectionIndex(kind, lang, n) => {
                let all = site.list_indices(*kind, *lang);
                let size = site.config.page_size(*kind);
                let before = changes
                    .previous_order
                    .sections
                    .get(&(*kind, *lang))
                    .map(Vec::as_slice);
                // Every page of a list links to the same page of the list in other languages
                // when it has one: the number of pages in each language counts.
                let count_changed = (site.config.languages.iter()).any(|l| {
                    let before = changes.previous_order.sections.get(&(*kind, *l));
                    page_count_changed(
                        before.map(Vec::as_slice),
                        site.list_indices(*kind, *l),
                        size,
                    )
                });
                lists_changed(all, size, *n)
                    || page_moved(before, site, all, size, *n)
                    || count_changed
                    || kinds(&[Kind::Page])
                    || (*n == 0 && untranslated_changed(site, changes, *kind, *lang))
                    || (*kind == Kind::Initiative
                        && (kinds(&[Kind::Goal]) || facet_counts_changed(lang)))
            }
            Job::InitiativeFilter(lang, filter, n) => {
                let all = facets
                    .get(&(*lang, Some(filter.clone())))
                    .map_or(&[][..], Vec::as_slice);
                let size = site.config.page_size(Kind::Initiative);
                let before = changes
                    .previous_order
                    .filters
                    .get(&(*lang, filter.clone()))
                    .map(Vec::as_slice);
                lists_changed(all, size, *n)
                    || page_moved(before, site, all, size, *n)
                    || page_count_changed(before, all, size)
                    || kinds(&[Kind::Goal, Kind::Page])
                    || facet_counts_changed(lang)
            }
            Job::Search(_) | Job::NotFound(_) => kinds(&[Kind::Page]),
            // Every page of its language, and nothing of the other's.
            Job::SearchIndex(lang) => changes.langs.contains(lang),
            Job::Feed(_) => kinds(&[Kind::Press]),
            Job::Sitemap => changes.addresses,
            // Only settings, files and the theme change these, and those rebuild everything.
            Job::Robots | Job::Asset(_) | Job::ThemeFile(_) | Job::Css | Job::Js => false,
        }
    }
}

/// Whether the first page of `kind`'s list in `lang` names other entries as "only in Dutch"
/// than before: one changed that lacks `lang` now (it appeared, or its title changed), or that
/// lacked it in the build before (its translation came).
fn untranslated_changed(site: &Site, changes: &Changes, kind: Kind, lang: Lang) -> bool {
    if !changes.kinds.contains(&kind) {
        return false;
    }
    let before = |l: Lang, hash: u64| {
        (changes.previous_order.sections.get(&(kind, l))).is_some_and(|list| list.contains(&hash))
    };
    (changes.keys.iter())
        .filter_map(|key| Some((key, key.split_once('/')?)))
        .filter(|(_, (folder, _))| *folder == kind.folder())
        .any(|(key, (_, stem))| {
            let now = |l: Lang| site.index_of(kind, stem, l).is_some();
            let hash = crate::resolve::key_hash_of(key);
            let mut others = (site.config.languages.iter()).filter(|l| **l != lang);
            let missing_now = !now(lang) && others.clone().any(|l| now(*l));
            let missing_before = !before(lang, hash) && others.any(|l| before(*l, hash));
            missing_now || missing_before
        })
}
