//! The render plan: one `Job` per output file, and which of them a render makes.

use super::changes::{Affected, Changes};
use super::directory::{Facets, Filter, filter_url};
use super::lists::{page_count, paginated_url};
use super::templates::Renderer;
use crate::lang::Lang;
use crate::model::{Kind, PROVINCES};
use crate::resolve::{Site, section_url};

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
    Robots,
    Calendar(usize),
    Asset(usize),
    ThemeFile(usize),
    Css,
    Js,
}

/// Every output to produce, or with `only`, those that depend on the changes.
pub(super) fn plan(
    site: &Site,
    renderer: &Renderer,
    facets: &Facets,
    only: Option<&Changes>,
) -> Vec<Job> {
    let mut jobs = entry_jobs(site, only);
    jobs.extend(other_jobs(site, renderer, facets, only));
    // The longest outputs first: the threads share out the jobs in order, and one long job
    // taken last keeps the others waiting for it.
    jobs.sort_by_key(|job| !matches!(job, Job::Sitemap | Job::SearchIndex(_)));
    // Debug builds (the tests) check the pages chosen against the rule for every page.
    #[cfg(debug_assertions)]
    if let Some(changes) = only {
        check_entry_jobs(site, facets, changes, &jobs);
    }
    jobs
}

/// The page of every entry (and a festival's calendar file), or with `only`, of those that
/// depend on the changes.
fn entry_jobs(site: &Site, only: Option<&Changes>) -> Vec<Job> {
    let mut jobs: Vec<Job> = Vec::new();
    // The pages are sorted by kind: each kind is one run of them. (The home page is a list.)
    for kind in crate::model::KINDS {
        let run = site.pages.partition_point(|p| p.entry.kind < kind)
            ..site.pages.partition_point(|p| p.entry.kind <= kind);
        if kind == Kind::Home {
            continue;
        }
        let festival = kind == Kind::Festival;
        let mut add = |i: usize| {
            jobs.push(Job::Entry(i));
            if festival {
                jobs.push(Job::Calendar(i));
            }
        };
        match only {
            Some(changes) if !shows_any(kind, changes) => {
                // Only the pages of the entries changed: found by key, not by reading every page.
                let mut changed: Vec<usize> = (changes.keys.iter())
                    .filter_map(|key| key.split_once('/'))
                    .filter(|(folder, _)| *folder == kind.folder())
                    .flat_map(|(_, stem)| {
                        (site.config.languages.iter())
                            .filter_map(move |lang| site.index_of(kind, stem, *lang))
                    })
                    .collect();
                changed.sort_unstable();
                changed.into_iter().for_each(&mut add);
            }
            _ => run.for_each(&mut add),
        }
    }
    jobs
}

/// Every output but the entries' pages: the lists, each language's fixed pages, feed and
/// search index, the site's files and the theme's; with `only`, those that depend on the
/// changes.
fn other_jobs(
    site: &Site,
    renderer: &Renderer,
    facets: &Facets,
    only: Option<&Changes>,
) -> Vec<Job> {
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
    if let Some(changes) = only {
        let affected = Affected::new(site, facets, changes);
        others.retain(|job| job.depends_on(site, &affected));
    }
    others
}

/// Checks that the entries' pages in `jobs` (chosen by key, for speed) are those the rule
/// `Job::depends_on` chooses when asked of every page.
#[cfg(debug_assertions)]
fn check_entry_jobs(site: &Site, facets: &Facets, changes: &Changes, jobs: &[Job]) {
    let chosen: Vec<(usize, bool)> = (jobs.iter())
        .filter_map(|job| match job {
            Job::Entry(i) => Some((*i, false)),
            Job::Calendar(i) => Some((*i, true)),
            _ => None,
        })
        .collect();
    let mut by_rule: Vec<(usize, bool)> = Vec::new();
    let affected = Affected::new(site, facets, changes);
    for (i, page) in site.pages.iter().enumerate() {
        if page.entry.kind != Kind::Home && Job::Entry(i).depends_on(site, &affected) {
            by_rule.push((i, false));
            if page.entry.kind == Kind::Festival {
                by_rule.push((i, true));
            }
        }
    }
    assert_eq!(chosen, by_rule, "the pages chosen to render again");
}

/// The kinds of entries a page of `kind` shows (menus and footers show page titles; a goal
/// names the goals before and after it).
fn shown_on(kind: Kind) -> &'static [Kind] {
    match kind {
        Kind::Goal => &[Kind::Goal, Kind::Initiative, Kind::Press, Kind::Page],
        Kind::Partner => &[Kind::Press, Kind::Page],
        Kind::Press => &[Kind::Partner, Kind::Goal, Kind::Page],
        Kind::Initiative => &[Kind::Goal, Kind::Page],
        Kind::Festival => &[Kind::Partner, Kind::Page],
        Kind::Page | Kind::Home => &[Kind::Page],
    }
}

/// Whether a change of one of the entries `changes` names can change every page of `kind`.
pub(super) fn shows_any(kind: Kind, changes: &Changes) -> bool {
    shown_on(kind).iter().any(|k| changes.kinds.contains(k))
}

/// Every page of every list: the sections and the directory of initiatives by province and
/// theme.
pub(super) fn list_jobs(site: &Site, facets: &Facets) -> Vec<Job> {
    let config = &site.config;
    let mut jobs = Vec::new();
    for lang in &config.languages {
        for kind in crate::model::KINDS.into_iter().filter(|k| k.has_section()) {
            let count = site.list_indices(kind, *lang).len();
            for page in 0..page_count(count, config.page_size(kind)) {
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
                for page in 0..page_count(count, config.page_size(Kind::Initiative)) {
                    jobs.push(Job::InitiativeFilter(*lang, filter.clone(), page));
                }
            }
        }
    }
    jobs
}

impl Job {
    /// The address of a list's page; `None` for any other output.
    pub(super) fn list_path(&self, site: &Site) -> Option<String> {
        match self {
            Job::SectionIndex(kind, lang, n) => Some(paginated_url(
                &section_url(&site.config, *kind, *lang),
                *lang,
                *n,
            )),
            Job::InitiativeFilter(lang, filter, n) => {
                Some(paginated_url(&filter_url(site, *lang, filter), *lang, *n))
            }
            _ => None,
        }
    }
}
