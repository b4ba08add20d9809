//! The render plan: one `Job` per output file, and which of them a render makes.

use super::RenderContext;
use super::directory::{Facets, Filter};
use super::templates::Renderer;
use crate::incremental::dependencies::{self, OutputKey, StillThere, output_key, pages};
use crate::lang::Lang;
use crate::model::{Kind, PROVINCES};
use crate::resolve::{Site, section_url};
use foldhash::HashSet;
use rayon::prelude::*;

/// One output file to produce.
#[derive(Debug, Clone)]
pub(super) enum Job {
    Entry(usize),
    Home(Lang),
    SectionIndex(Kind, Lang, usize),
    InitiativeFilter(Lang, Filter, usize),
    Search(Lang),
    SearchIndex(Lang),
    NotFound(Lang),
    Feed(Lang),
    Sitemap,
    /// The `.0`th file of a sitemap too long for one (`feed::SITEMAP_PART_ROWS`).
    SitemapPart(usize),
    Robots,
    Calendar(usize),
    /// The page at an old address of the entry at `.0`: its `.1`th alias.
    Alias(usize, usize),
    Asset(usize),
    ThemeFile(usize),
    Css,
    Js,
}

/// Every output of the site; for a partial render, only those that are new or whose reads in
/// the last good render read otherwise now, with which outputs of that render the site still
/// has and the keys of every list.
pub(super) fn plan(context: &RenderContext<'_>) -> (Vec<Job>, Option<Planned>) {
    let site = context.site;
    let mut jobs = entry_jobs(site);
    jobs.extend(other_jobs(site, context.renderer, &context.facets));
    jobs.extend((0..context.sitemap_parts()).map(Job::SitemapPart));
    // Only `serve` (with a cache) records what outputs read, by their keys.
    let planned = context.cache.is_some().then(|| {
        let keys: Vec<Option<OutputKey>> = jobs.par_iter().map(|job| job.key(site)).collect();
        let lists = context.list_keys();
        match context.partial {
            Some(partial) => keep_outdated(&mut jobs, partial, keys, lists),
            None => Planned {
                still_there: StillThere::Replaced,
                lists,
                keys,
            },
        }
    });
    // The longest outputs first: the threads share out the jobs in order, and one long job
    // taken last keeps the others waiting for it.
    jobs.sort_by_key(|job| {
        !matches!(
            job,
            Job::Sitemap | Job::SitemapPart(_) | Job::SearchIndex(_)
        )
    });
    (jobs, planned)
}

/// Keeps the jobs of the outputs that are new or outdated since the last good render.
fn keep_outdated(
    jobs: &mut Vec<Job>,
    partial: &crate::incremental::Partial,
    keys: Vec<Option<OutputKey>>,
    lists: ListKeys,
) -> Planned {
    let previous = &partial.previous;
    let outdated = previous.outdated(&partial.changed, &lists);
    // The outputs are mostly those of the last plan, in the same order, with one that came
    // or went here and there: each is found in step without a look-up among a large site's
    // 200,000.
    let planned = previous.planned_keys();
    let in_plan = crate::resolve::in_step(planned, &keys, |a, b| a == b);
    debug_assert!(
        planned.iter().flatten().all(|key| previous.contains(*key)),
        "the last plan's outputs are the dependency map's"
    );
    // The theme's files, the site's files and robots.txt (no key) change only with the
    // settings, the theme or the files, which render everything.
    let (mut kept, mut remaining) = (0, keys.iter().zip(&in_plan));
    jobs.retain(|_| {
        let Some((Some(key), in_plan)) = remaining.next() else {
            return false;
        };
        let was = in_plan.is_some() || previous.contains(*key);
        kept += usize::from(was);
        !was || outdated.contains(key)
    });
    // Each output has a key of its own: as many known as there were means none went.
    let now = || {
        keys.iter()
            .flatten()
            .copied()
            .collect::<HashSet<OutputKey>>()
    };
    debug_assert_eq!(now().len(), keys.iter().flatten().count(), "output keys");
    let still_there = match kept == previous.output_count() {
        true => StillThere::Every,
        false => StillThere::Only(now()),
    };
    Planned {
        still_there,
        lists,
        keys,
    }
}

/// The page of every entry, a festival's calendar file, and the pages at old addresses.
fn entry_jobs(site: &Site) -> Vec<Job> {
    let mut jobs: Vec<Job> = Vec::with_capacity(site.pages.len());
    let mut aliased = Vec::new();
    for (i, page) in site.pages.iter().enumerate() {
        // The home page is a list of its own.
        if page.kind != Kind::Home {
            jobs.push(Job::Entry(i));
        }
        if page.kind == Kind::Festival {
            jobs.push(Job::Calendar(i));
        }
        if page.has_aliases {
            aliased.push(i);
        }
    }
    jobs.extend(alias_jobs(site, aliased));
    jobs
}

/// The page at each old address of the pages at `aliased`. One written in the shared file is
/// every language's: it leads to the page in the site's first language, or else in the first
/// the entry has.
fn alias_jobs(site: &Site, mut aliased: Vec<usize>) -> Vec<Job> {
    let first = site.config.default_lang();
    // Stable: the pages in the first language first, each part in page order.
    aliased.sort_by_key(|i| site.pages[*i].lang != first);
    let mut taken: HashSet<(u64, &str)> = HashSet::default();
    let mut jobs = Vec::new();
    for i in aliased {
        let page = &site.pages[i];
        for (n, alias) in page.entry.aliases.iter().enumerate() {
            if taken.insert((page.key_hash, alias.value.as_str())) {
                jobs.push(Job::Alias(i, n));
            }
        }
    }
    jobs
}

/// Every output but the entries' pages: the lists, each language's fixed pages, feed and
/// search index, the site's files and the theme's.
fn other_jobs(site: &Site, renderer: &Renderer, facets: &Facets) -> Vec<Job> {
    let mut others = list_jobs(site, facets);
    for lang in &site.config.languages {
        others.push(Job::Home(*lang));
        others.push(Job::Search(*lang));
        others.push(Job::SearchIndex(*lang));
        others.push(Job::NotFound(*lang));
        others.push(Job::Feed(*lang));
    }
    others.push(Job::Sitemap);
    others.push(Job::Robots);
    others.push(Job::Css);
    others.push(Job::Js);
    others.extend((0..site.assets.len()).map(Job::Asset));
    others.extend((0..renderer.static_files.len()).map(Job::ThemeFile));
    others
}

/// Every page of every list: the sections and the directory of initiatives by province and
/// theme.
pub(super) fn list_jobs(site: &Site, facets: &Facets) -> Vec<Job> {
    let config = &site.config;
    let mut jobs = Vec::new();
    for lang in &config.languages {
        for kind in crate::model::KINDS.into_iter().filter(|k| k.has_section()) {
            let count = site.list_indices(kind, *lang).len();
            for page in 0..pages(count, config.page_size(kind)) {
                jobs.push(Job::SectionIndex(kind, *lang, page));
            }
        }
        // Directory pages only for provinces and themes that have initiatives.
        let filters = PROVINCES
            .iter()
            .map(|p| Filter::Province(p))
            .chain(config.themes.iter().map(|(t, _)| Filter::Theme(t.clone())));
        for filter in filters {
            let count = facets
                .get(&(*lang, Some(filter.clone())))
                .map_or(0, Vec::len);
            if count > 0 {
                for page in 0..pages(count, config.page_size(Kind::Initiative)) {
                    jobs.push(Job::InitiativeFilter(*lang, filter.clone(), page));
                }
            }
        }
    }
    jobs
}

/// Every list's keys, by list.
type ListKeys = foldhash::HashMap<dependencies::ListId, Vec<u64>>;

/// What the plan of a render of `serve` found out: which outputs of the last good render the
/// site still has, the keys of every list, and the key of each job, in the plan's order.
pub(super) struct Planned {
    pub(super) still_there: StillThere,
    pub(super) lists: ListKeys,
    pub(super) keys: Vec<Option<OutputKey>>,
}

impl Job {
    /// The output by what it is, the same in every build while it is: an entry's page by the
    /// entry's key, a list's page by the list and its number. `None` for the outputs that read
    /// no page (the theme's and the site's files, robots.txt).
    pub(super) fn key(&self, site: &Site) -> Option<OutputKey> {
        let page = |i: &usize| site.pages.get(*i).map(|p| (p.lang, p.key_hash));
        Some(match self {
            Job::Entry(i) => output_key(&("entry", page(i)?)),
            Job::Calendar(i) => output_key(&("calendar", page(i)?)),
            Job::Alias(i, n) => output_key(&("alias", page(i)?, n)),
            Job::Home(lang) => output_key(&("home", lang)),
            Job::SectionIndex(kind, lang, n) => output_key(&("list", kind, lang, n)),
            Job::InitiativeFilter(lang, filter, n) => output_key(&("filter", lang, filter, n)),
            Job::Search(lang) => output_key(&("search", lang)),
            Job::SearchIndex(lang) => output_key(&("search index", lang)),
            Job::NotFound(lang) => output_key(&("not found", lang)),
            Job::Feed(lang) => output_key(&("feed", lang)),
            Job::Sitemap => output_key(&"sitemap"),
            Job::SitemapPart(n) => output_key(&("sitemap part", n)),
            Job::Robots | Job::Asset(_) | Job::ThemeFile(_) | Job::Css | Job::Js => return None,
        })
    }

    /// Whether `serve` may make this output after the tabs reload (`BeforeLater`): a list's
    /// page after its first, and what no tab shows (the sitemap, the search index, the feed,
    /// a calendar file). An edit high in a long list changes every page after it (3,000 at
    /// 100,000 press releases), which few readers of the preview open; a new page changes
    /// the sitemap of 200,000 addresses.
    pub(super) fn can_wait(&self) -> bool {
        match self {
            Job::SectionIndex(_, _, n) | Job::InitiativeFilter(_, _, n) => *n > 0,
            Job::Sitemap | Job::SitemapPart(_) => true,
            Job::SearchIndex(_) | Job::Feed(_) | Job::Calendar(_) => true,
            _ => false,
        }
    }

    /// The address of a list's page; `None` for any other output.
    pub(super) fn list_path(&self, context: &super::RenderContext) -> Option<String> {
        match self {
            Job::SectionIndex(kind, lang, n) => Some(context.paginated_url(
                &section_url(&context.site.config, *kind, *lang),
                *lang,
                *n,
            )),
            Job::InitiativeFilter(lang, filter, n) => {
                Some(context.paginated_url(&context.filter_url(*lang, filter), *lang, *n))
            }
            _ => None,
        }
    }
}
