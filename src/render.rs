//! Renders the resolved `Site` to output files: tera set up once, one job per output file, jobs
//! run in parallel and stream their bytes to a sink. Builds views; never writes to disk itself.

use crate::config::MenuItem;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::feed::Translations;
use crate::lang::Lang;
use crate::model::{EntryData, Kind, PROVINCES, Role};
use crate::resolve::{Page, Site, lang_prefix, section_url};
use crate::theme::Theme;
use crate::views::*;
use crate::write::Content;
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Goal and partner pages show at most this many related initiatives and press releases (the
/// newest first): the full lists are in the sections, and a page stays light on a phone.
const RELATED_LIMIT: usize = 24;

/// Receives each output file: its path below the output root and its bytes.
pub type Sink<'a> = dyn Fn(&str, Content) -> std::io::Result<()> + Sync + 'a;

pub struct Renderer {
    /// One compiled set of templates per language, whose global context holds that language's
    /// UI strings as `t`: they are converted for tera once, not for every page.
    tera: BTreeMap<Lang, tera::Tera>,
    strings: BTreeMap<Lang, BTreeMap<String, String>>,
    css: String,
    js: String,
    css_name: String,
    js_name: String,
    static_files: Vec<(String, Vec<u8>)>,
    template_paths: BTreeMap<String, PathBuf>,
}

/// Compiles the templates once. Template syntax errors are diagnostics with file:line:col.
pub fn prepare(theme: Theme, diagnostics: &mut Diagnostics) -> Option<Renderer> {
    let mut tera = tera::Tera::default();
    let template_paths: BTreeMap<String, PathBuf> = theme
        .templates
        .iter()
        .map(|(name, _, path)| (name.clone(), path.clone()))
        .collect();
    let sources: Vec<(&str, &str)> = theme
        .templates
        .iter()
        .map(|(n, t, _)| (n.as_str(), t.as_str()))
        .collect();
    tera.set_escape_fn(escape_html);
    if let Err(error) = tera.add_raw_templates(sources) {
        diagnostics.push(template_diagnostic(&error, &template_paths));
        return None;
    }
    for required in [
        "home.html",
        "goals.html",
        "goal.html",
        "partners.html",
        "partner.html",
        "press_list.html",
        "press.html",
        "initiatives.html",
        "initiative.html",
        "festival_list.html",
        "festival.html",
        "page.html",
        "search.html",
        "404.html",
    ] {
        if !tera.contains_template(required) {
            diagnostics.push(
                Diagnostic::error(
                    format!("{}/templates/{required}", crate::theme::THEME_DIR),
                    0,
                    0,
                    crate::tr!("render-no-template", name = required),
                )
                .with_hint(crate::tr!("render-no-template-hint")),
            );
        }
    }
    let hash = |text: &str| {
        format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))[..10].to_string()
    };
    let tera = theme
        .strings
        .iter()
        .map(|(lang, strings)| {
            let mut per_language = tera.clone();
            per_language.global_context().insert("t", strings);
            (*lang, per_language)
        })
        .collect();
    Some(Renderer {
        css_name: format!("assets/style.{}.css", hash(&theme.css)),
        js_name: format!("assets/site.{}.js", hash(&theme.js)),
        tera,
        strings: theme.strings,
        css: theme.css,
        js: theme.js,
        static_files: theme.static_files,
        template_paths,
    })
}

fn template_diagnostic(error: &tera::Error, paths: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let (report, kind_message) = match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            (Some(report), String::new())
        }
        other => (None, other.to_string()),
    };
    match report {
        Some(report) => {
            let path = paths
                .get(report.filename())
                .cloned()
                .unwrap_or_else(|| PathBuf::from(report.filename()));
            let span = report.span();
            Diagnostic::error(
                path,
                span.start_line.max(1),
                span.start_col + 1,
                crate::tr!("render-template-error", error = report.message()),
            )
            .with_hint(crate::tr!("render-template-error-hint"))
        }
        None => {
            let mut message = kind_message;
            let mut source = std::error::Error::source(error);
            while let Some(inner) = source {
                message.push_str(": ");
                message.push_str(&inner.to_string());
                source = inner.source();
            }
            Diagnostic::error(
                PathBuf::from(crate::theme::THEME_DIR),
                0,
                0,
                crate::tr!("render-template-error", error = message),
            )
        }
    }
}

/// What was produced, for the build summary.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderStats {
    pub pages: usize,
    pub files: usize,
    pub assets: usize,
    /// Images decoded and encoded in this build, and images taken from the cache.
    pub images_processed: usize,
    pub images_cached: usize,
}

/// Where rendering may keep work between builds.
pub struct RenderOptions {
    /// The image cache folder (see `images::cache_dir`); `None` skips processing images
    /// altogether (`check`, which writes nothing and only needs their headers).
    pub image_cache: Option<PathBuf>,
    /// Search-index records kept between the builds of `serve`.
    pub cache: Option<std::sync::Arc<RenderCache>>,
    /// Render only the files that depend on these changed entries (`serve`, when no URL
    /// moved); `None` renders everything.
    pub only: Option<Changes>,
    /// Counts the images as they are done, for the progress `build` and `serve` show while
    /// rendering (`progress.rs`); fresh for each render. `None`: counted privately.
    pub counters: Option<std::sync::Arc<crate::images::Counters>>,
}

/// What rendering keeps between the builds of `serve`.
#[derive(Default)]
pub struct RenderCache {
    search_records: crate::search_index::Records,
    /// The directory facets, kept while `Site::directory` is the same.
    facets: std::sync::Mutex<Option<Kept<Facets>>>,
    /// The halves of `Related`, kept while `Site::directory` and `Site::press` are the same.
    initiatives_related: std::sync::Mutex<Option<Kept<InitiativesRelated>>>,
    press_related: std::sync::Mutex<Option<Kept<PressRelated>>>,
    /// What each press release names, for making that half again.
    press_names: std::sync::Mutex<PressNames>,
    /// The sitemap's rows, made again by entry.
    sitemap: std::sync::Mutex<Option<SitemapRows>>,
}

/// Something made from the initiatives and the press releases (indices into `Site::pages`),
/// the versions of them it was made for (`Site::directory`, `Site::press`) and where each of
/// the two runs of pages began then: pages that come or go before a run shift every page in it
/// by as many places, and what was made shifts with it.
struct Kept<T> {
    versions: (u64, u64),
    starts: (usize, usize),
    value: std::sync::Arc<T>,
}

/// Indices into `Site::pages` that move with the runs of initiatives and press releases.
trait Shift {
    /// Moves each index in the initiatives' run by `initiatives` places, in the press
    /// releases' run by `press`.
    fn shift(&mut self, initiatives: isize, press: isize);
}

fn shift_all(indices: &mut [usize], by: isize) {
    for i in indices {
        *i = i.saturating_add_signed(by);
    }
}

impl Shift for Facets {
    fn shift(&mut self, initiatives: isize, _: isize) {
        for indices in self.values_mut() {
            shift_all(indices, initiatives);
        }
    }
}

impl Shift for InitiativesRelated {
    fn shift(&mut self, initiatives: isize, _: isize) {
        for indices in self.by_goal.values_mut() {
            shift_all(indices, initiatives);
        }
    }
}

impl Shift for PressRelated {
    fn shift(&mut self, _: isize, press: isize) {
        for indices in (self.by_goal.values_mut()).chain(self.by_partner.values_mut()) {
            shift_all(indices, press);
        }
    }
}

/// The value `slot` keeps when it was made for the same `versions` of what it is made from
/// (shifted when the runs start elsewhere now), or one `make` makes (and `slot` keeps). Debug
/// builds (the tests) check a kept value against a made one.
fn kept<T: Shift + Clone + PartialEq + std::fmt::Debug>(
    slot: &std::sync::Mutex<Option<Kept<T>>>,
    site: &Site,
    versions: (u64, u64),
    make: impl Fn(&Site) -> T,
) -> std::sync::Arc<T> {
    let Ok(mut slot) = slot.lock() else {
        return std::sync::Arc::new(make(site));
    };
    let run_start = |kind: Kind| site.pages.partition_point(|p| p.entry.kind < kind);
    let starts = (run_start(Kind::Initiative), run_start(Kind::Press));
    let value = match slot.as_ref() {
        Some(kept) if kept.versions == versions => {
            let mut value = (*kept.value).clone();
            if kept.starts != starts {
                let by = |now: usize, then: usize| now as isize - then as isize;
                value.shift(by(starts.0, kept.starts.0), by(starts.1, kept.starts.1));
            } else if !cfg!(debug_assertions) {
                return kept.value.clone();
            }
            #[cfg(debug_assertions)]
            assert_eq!(
                value,
                make(site),
                "what serve kept of the initiatives and press"
            );
            value
        }
        _ => make(site),
    };
    let value = std::sync::Arc::new(value);
    *slot = Some(Kept {
        versions,
        starts,
        value: value.clone(),
    });
    value
}

impl RenderCache {
    fn facets(&self, site: &Site) -> std::sync::Arc<Facets> {
        // Made from the initiatives alone.
        kept(&self.facets, site, (site.directory, 0), facets)
    }

    fn related(&self, site: &Site) -> Related {
        Related {
            initiatives: kept(
                &self.initiatives_related,
                site,
                (site.directory, 0),
                InitiativesRelated::of,
            ),
            press: kept(
                &self.press_related,
                site,
                (0, site.press),
                |site| match self.press_names.lock() {
                    Ok(mut names) => PressRelated::with_names(site, &mut names),
                    Err(_) => PressRelated::of(site),
                },
            ),
        }
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

pub fn list_order(site: &Site, cache: &RenderCache) -> ListOrder {
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
    let facets = cache.facets(site);
    for ((lang, filter), indices) in facets.iter() {
        if let Some(filter) = filter {
            order
                .filters
                .insert((*lang, filter.clone()), hashes(indices));
        }
    }
    order.paths = (list_jobs(site, &facets).iter())
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
struct Affected<'a> {
    changes: &'a Changes,
    facets: &'a Facets,
    /// `Page::key_hash` of each key changed.
    key_hashes: std::collections::HashSet<u64>,
    /// The languages whose directory pages show other counts (`facet_counts_changed`).
    counts_changed: std::collections::BTreeSet<Lang>,
}

impl<'a> Affected<'a> {
    fn new(site: &Site, facets: &'a Facets, changes: &'a Changes) -> Affected<'a> {
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
    fn depends_on(&self, site: &Site, affected: &Affected<'_>) -> bool {
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
                lists_changed(all, size, *n)
                    || page_moved(before, site, all, size, *n)
                    || page_count_changed(before, all, size)
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

/// One output file to produce.
#[derive(Debug, Clone)]
enum Job {
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

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Filter {
    Province(&'static str),
    Theme(String),
}

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

pub struct RenderContext<'a> {
    site: &'a Site,
    renderer: &'a Renderer,
    base_path: String,
    origin: String,
    image_cache: Option<&'a std::path::Path>,
    search_records: Option<&'a crate::search_index::Records>,
    /// `serve`'s, which keeps what this context makes of the initiatives and press releases.
    cache: Option<&'a RenderCache>,
    /// The entries changed since the render `cache` kept its values from (`serve`).
    changes: Option<&'a Changes>,
    counters: &'a crate::images::Counters,
    /// The initiatives of each directory page (all, per province, per theme), built once so
    /// no page scans the whole list.
    facets: std::sync::Arc<Facets>,
    /// Initiative cards by index in `Site::pages`, made on first use: every initiative is on
    /// several directory pages (all, its province, each of its themes) and goal pages.
    initiative_cards: Vec<std::sync::OnceLock<Option<tera::Value>>>,
    /// Who names each goal and partner, made (or taken from `cache`) on first use.
    related: std::sync::OnceLock<Related>,
    /// What the layout of every page shares, per language, made on first use.
    language_layouts: [std::sync::OnceLock<LanguageLayout>; crate::lang::SUPPORTED.len()],
}

/// What the layout of every page in one language shares, as template values.
struct LanguageLayout {
    home_href: tera::Value,
    css_href: tera::Value,
    js_href: tera::Value,
    assets_href: tera::Value,
    root_href: tera::Value,
    contact_href: tera::Value,
    search_href: tera::Value,
    feed_href: tera::Value,
    feed_title: tera::Value,
    footer_links: tera::Value,
    contact: tera::Value,
    og_image: tera::Value,
    /// The menu with no item current, then with each item current in turn.
    menus: Vec<tera::Value>,
    /// When each menu item is current.
    menu: Vec<CurrentWhen>,
    /// The menu's links, for a page where more than one item is current.
    links: Vec<MenuLink>,
}

/// When a menu item is the current one.
enum CurrentWhen {
    /// On its section's overview and every page below it.
    Below(String),
    /// On its page.
    At(String),
}

impl LanguageLayout {
    /// The menu of the page at `url`.
    fn menu(&self, url: &str) -> tera::Value {
        let current: Vec<usize> = (self.menu.iter().enumerate())
            .filter(|(_, when)| match when {
                CurrentWhen::Below(section) => url.starts_with(section.as_str()),
                CurrentWhen::At(page) => page == url,
            })
            .map(|(k, _)| k)
            .collect();
        match current[..] {
            [] => self
                .menus
                .first()
                .cloned()
                .unwrap_or_else(tera::Value::none),
            [k] => self
                .menus
                .get(k + 1)
                .cloned()
                .unwrap_or_else(tera::Value::none),
            _ => {
                let mut links = self.links.clone();
                for k in current {
                    links[k].current = true;
                }
                value(&links)
            }
        }
    }
}

/// `view` as a template value (cloning one shares it).
fn value(view: &impl Serialize) -> tera::Value {
    tera::Value::try_from_serializable(view).unwrap_or_else(|_| tera::Value::none())
}

/// The initiatives and press releases that name each goal, and the press releases that name
/// each partner, per language in list order: a goal or partner page looks its list up instead
/// of scanning every entry. Made in two halves, each kept by `serve` while what it is made
/// from is unchanged: a new press release leaves the initiatives' half as it was.
struct Related {
    initiatives: std::sync::Arc<InitiativesRelated>,
    press: std::sync::Arc<PressRelated>,
}

#[derive(Default, Clone, Debug, PartialEq)]
struct InitiativesRelated {
    by_goal: HashMap<(Lang, u8), Vec<usize>>,
}

#[derive(Default, Clone, Debug, PartialEq)]
struct PressRelated {
    by_goal: HashMap<(Lang, u8), Vec<usize>>,
    by_partner: HashMap<(Lang, String), Vec<usize>>,
}

/// Adds page `i` to the list of `key`, once.
fn add_related<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Vec<usize>>, key: K, i: usize) {
    let list = map.entry(key).or_default();
    // An entry that names the same goal twice is listed once.
    if list.last() != Some(&i) {
        list.push(i);
    }
}

impl InitiativesRelated {
    fn of(site: &Site) -> InitiativesRelated {
        let mut related = InitiativesRelated::default();
        for lang in &site.config.languages {
            for &i in site.list_indices(Kind::Initiative, *lang) {
                if let EntryData::Initiative(initiative) = &site.pages[i].entry.data {
                    for goal in &initiative.goals {
                        add_related(&mut related.by_goal, (*lang, goal.value), i);
                    }
                }
            }
        }
        related
    }
}

impl PressRelated {
    fn of(site: &Site) -> PressRelated {
        let mut related = PressRelated::default();
        for lang in &site.config.languages {
            for &i in site.list_indices(Kind::Press, *lang) {
                related.add_entry(*lang, i, &site.pages[i].entry);
            }
        }
        related
    }

    /// `of`, with what each press release names taken from `names` where its entry is the
    /// one `names` saw: only new and edited releases are read.
    fn with_names(site: &Site, names: &mut PressNames) -> PressRelated {
        let mut related = PressRelated::default();
        let mut seen = HashMap::with_capacity(names.by_entry.len() + 1);
        for lang in &site.config.languages {
            for &i in site.list_indices(Kind::Press, *lang) {
                let entry = &site.pages[i].entry;
                let address = std::sync::Arc::as_ptr(entry) as usize;
                // Moved over, not cloned: a clone writes the entry's count, in its memory.
                let (kept_alive, named) = match names.by_entry.remove(&address) {
                    Some(known) => known,
                    None => (entry.clone(), names.named_by(entry)),
                };
                match &named {
                    Some(named) => {
                        let mut goals = named.goals;
                        while goals != 0 {
                            // The lowest goal left (below 64: it fits in a u8).
                            let goal = goals.trailing_zeros() as u8;
                            goals &= goals - 1;
                            add_related(&mut related.by_goal, (*lang, goal), i);
                        }
                        for id in &named.partners[..usize::from(named.partner_count)] {
                            let partner = names.partners[usize::from(*id)].clone();
                            add_related(&mut related.by_partner, (*lang, partner), i);
                        }
                    }
                    None => related.add_entry(*lang, i, entry),
                }
                seen.insert(address, (kept_alive, named));
            }
        }
        // Entries no list has any more go (and their memory with them).
        names.by_entry = seen;
        // Debug builds (the tests) check what was kept against every entry.
        #[cfg(debug_assertions)]
        assert_eq!(
            related,
            PressRelated::of(site),
            "what serve kept of what press names"
        );
        related
    }

    /// Adds page `i`, whose entry is `entry`, to the lists of what it names.
    fn add_entry(&mut self, lang: Lang, i: usize, entry: &crate::model::Entry) {
        if let EntryData::Press(press) = &entry.data {
            for goal in &press.goals {
                add_related(&mut self.by_goal, (lang, goal.value), i);
            }
            for partner in &press.partners {
                add_related(&mut self.by_partner, (lang, partner.value.clone()), i);
            }
        }
    }
}

/// What each press release names, kept by `serve` by entry: the press releases' half of
/// `Related` is made again after every new or removed release, and reading every release's
/// entry again was most of its cost (memory not read for a while is slow to read again).
#[derive(Default)]
struct PressNames {
    /// By the address of the entry, which is kept alive here so no other entry can have it.
    by_entry: HashMap<usize, (std::sync::Arc<crate::model::Entry>, Option<NamedBy>)>,
    /// Partner keys by `NamedBy::partners` number.
    partners: Vec<String>,
    partner_numbers: HashMap<String, u16>,
}

/// What one press release names, held in place (no pointer to follow): its goals as bits
/// (goal n is bit n), its partners by number. `None` for one that does not fit (a goal
/// numbered 64 or more, more than four partners): its entry is read instead.
#[derive(Debug, Default, Clone, Copy)]
struct NamedBy {
    goals: u64,
    partners: [u16; 4],
    partner_count: u8,
}

impl PressNames {
    fn named_by(&mut self, entry: &crate::model::Entry) -> Option<NamedBy> {
        let mut named = NamedBy::default();
        let EntryData::Press(press) = &entry.data else {
            return Some(named);
        };
        for goal in &press.goals {
            named.goals |= 1u64.checked_shl(u32::from(goal.value))?;
        }
        if press.partners.len() > named.partners.len() {
            return None;
        }
        for (slot, partner) in named.partners.iter_mut().zip(&press.partners) {
            *slot = match self.partner_numbers.get(&partner.value) {
                Some(number) => *number,
                None => {
                    let number = u16::try_from(self.partners.len()).ok()?;
                    self.partners.push(partner.value.clone());
                    self.partner_numbers.insert(partner.value.clone(), number);
                    number
                }
            };
        }
        named.partner_count = u8::try_from(press.partners.len()).ok()?;
        Some(named)
    }
}

/// The addresses of an entry's pages, by language.
fn entry_translations<'s>(site: &'s Site, kind: Kind, stem: &str) -> Translations<'s> {
    let mut group: Translations<'_> = (site.config.languages.iter())
        .filter_map(|lang| site.page(kind, stem, *lang))
        .map(|p| (p.entry.lang, Cow::Borrowed(p.url.as_str())))
        .collect();
    group.sort_by_key(|(lang, _)| *lang);
    group
}

/// The rows of the sitemap as `serve` made them last: an edit that adds, removes or moves
/// entries makes only their rows again (a sitemap names every page, 20,000 on a large site).
struct SitemapRows {
    style: crate::feed::SitemapRowStyle,
    /// The `<url>` element of every address, in address order.
    rows: BTreeMap<String, String>,
    /// The addresses of each entry's rows, by key. (The home page's and the sections' rows
    /// change only with the settings, which render everything.)
    by_key: HashMap<String, Vec<String>>,
}

impl SitemapRows {
    fn of<'s>(
        style: crate::feed::SitemapRowStyle,
        groups: Vec<(Option<&'s str>, Translations<'s>)>,
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

    fn insert(&mut self, key: Option<&str>, group: &Translations<'_>) {
        for (_, url) in group {
            let mut row = String::new();
            self.style.push_row(&mut row, url, group);
            self.rows.insert(url.to_string(), row);
        }
        if let Some(key) = key {
            let urls = group.iter().map(|(_, url)| url.to_string()).collect();
            self.by_key.insert(key.to_string(), urls);
        }
    }

    /// Makes the rows of the entries `keys` again from `site`: the rows they had go first, so
    /// an address one entry left and another took is the new one's.
    fn update(&mut self, site: &Site, keys: &std::collections::BTreeSet<String>) {
        for key in keys {
            for url in self.by_key.remove(key).unwrap_or_default() {
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
                self.insert(Some(key), &group);
            }
        }
    }
}

/// (language, filter) → indices into `Site::pages`, in list order.
type Facets = HashMap<(Lang, Option<Filter>), Vec<usize>>;

fn facets(site: &Site) -> Facets {
    let mut facets = Facets::new();
    for lang in &site.config.languages {
        // Gathered by province and theme name first: no key of the map is made or hashed per
        // initiative.
        let all = site.list_indices(Kind::Initiative, *lang);
        let mut provinces: Vec<Vec<usize>> = vec![Vec::new(); PROVINCES.len()];
        let mut themes: HashMap<&str, Vec<usize>> = HashMap::new();
        for &i in all {
            let EntryData::Initiative(initiative) = &site.pages[i].entry.data else {
                continue;
            };
            if let Some(at) = PROVINCES.iter().position(|p| **p == initiative.province) {
                provinces[at].push(i);
            }
            for theme in &initiative.themes {
                themes.entry(theme.value.as_str()).or_default().push(i);
            }
        }
        if !all.is_empty() {
            facets.insert((*lang, None), all.to_vec());
        }
        for (province, indices) in PROVINCES.iter().zip(provinces) {
            if !indices.is_empty() {
                facets.insert((*lang, Some(Filter::Province(province))), indices);
            }
        }
        for (theme, indices) in themes {
            facets.insert((*lang, Some(Filter::Theme(theme.to_string()))), indices);
        }
    }
    facets
}

/// UI strings of a language the theme has no file for: templates then show the keys.
static NO_STRINGS: BTreeMap<String, String> = BTreeMap::new();

/// Renders every output file of the site into `sink`, in parallel.
pub fn render_site(
    site: &Site,
    renderer: &Renderer,
    options: &RenderOptions,
    sink: &Sink<'_>,
    diagnostics: &mut Diagnostics,
) -> RenderStats {
    let private = crate::images::Counters::default();
    let counters = options.counters.as_deref().unwrap_or(&private);
    let context = RenderContext {
        site,
        renderer,
        base_path: site.config.base_path(),
        origin: site.config.origin(),
        image_cache: options.image_cache.as_deref(),
        search_records: options.cache.as_ref().map(|c| &c.search_records),
        cache: options.cache.as_deref(),
        changes: options.only.as_ref(),
        counters,
        facets: match &options.cache {
            Some(cache) => cache.facets(site),
            None => std::sync::Arc::new(facets(site)),
        },
        initiative_cards: site
            .pages
            .iter()
            .map(|_| std::sync::OnceLock::new())
            .collect(),
        related: std::sync::OnceLock::new(),
        language_layouts: Default::default(),
    };
    let jobs = plan(site, renderer, &context.facets, options.only.as_ref());
    counters.set_total(
        (jobs.iter())
            .filter(|job| matches!(job, Job::Asset(i) if context.processes_image(*i)))
            .count(),
    );
    let pages = AtomicUsize::new(0);
    let claimed = Claimed::default();
    let found: Vec<Diagnostic> = jobs
        .par_iter()
        .flat_map_iter(|job| {
            let mut problems = Vec::new();
            match context.run(job) {
                Ok(outputs) => {
                    for (path, content) in outputs {
                        if path.ends_with(".html") {
                            pages.fetch_add(1, Ordering::Relaxed);
                        }
                        if let Some(clash) = claimed.claim(&path, site, job) {
                            problems.push(clash);
                            continue;
                        }
                        if let Err(error) = sink(&path, content) {
                            problems.push(Diagnostic::error(
                                PathBuf::from(&path),
                                0,
                                0,
                                crate::tr!("render-cannot-write", error = error.to_string()),
                            ));
                        }
                    }
                }
                Err(diagnostic) => problems.push(diagnostic),
            }
            problems
        })
        .collect();
    for d in found {
        diagnostics.push(d);
    }
    // Only a whole render knows every file: an incremental one leaves most unwritten.
    if options.only.is_none()
        && let Ok(guard) = claimed.0.lock()
    {
        crate::site_links::check(site, &|file| guard.0.contains_key(file), diagnostics);
    }
    let (images_processed, images_cached) = counters.get();
    RenderStats {
        pages: pages.into_inner(),
        files: jobs.len(),
        assets: site.assets.len(),
        images_processed,
        images_cached,
    }
}

/// The output paths made so far by this render, and what made each: two outputs at one path
/// (an asset named like a page or like another image's variant, `logo.png` and `logo.jpg`
/// both giving `logo-480.webp`) would silently replace each other.
/// One problem per pair of clashing files, however many outputs they share.
#[derive(Default)]
struct Claimed(std::sync::Mutex<ClaimedPaths>);

/// (output path in lower case → the asset that made it, if an asset did; the clashes reported)
type ClaimedPaths = (HashMap<String, Option<PathBuf>>, HashSet<(PathBuf, String)>);

impl Claimed {
    /// Claims `path` for `job`; the problem, if something else has it already. Compared without
    /// case: the site must also work on a host (or an editor's Mac) that ignores it.
    fn claim(&self, path: &str, site: &Site, job: &Job) -> Option<Diagnostic> {
        let source = match job {
            Job::Asset(i) => Some(site.assets[*i].source.path.clone()),
            _ => None,
        };
        let mut guard = self.0.lock().ok()?;
        let (claimed, reported) = &mut *guard;
        let earlier = claimed.insert(path.to_lowercase(), source.clone())?;
        let file = match (source, earlier) {
            // Reported on the later name either way: threads claim in any order.
            (Some(a), Some(b)) => {
                let (first, later) = if a < b { (a, b) } else { (b, a) };
                let message = crate::tr!("render-same-name", other = first.display());
                return reported.insert((later.clone(), message.clone())).then(|| {
                    Diagnostic::error(later, 0, 0, message)
                        .with_hint(crate::tr!("render-same-name-hint"))
                });
            }
            (Some(file), None) | (None, Some(file)) => file,
            // Two pages at one address: reported on the pages, with their lines (`between`).
            (None, None) => return None,
        };
        let message = crate::tr!("render-published-as", path = path);
        reported.insert((file.clone(), message.clone())).then(|| {
            Diagnostic::error(file, 0, 0, message).with_hint(crate::tr!("render-published-as-hint"))
        })
    }
}

/// Every output to produce, or with `only`, those that depend on the changes.
fn plan(site: &Site, renderer: &Renderer, facets: &Facets, only: Option<&Changes>) -> Vec<Job> {
    let config = &site.config;
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
                        (config.languages.iter())
                            .filter_map(move |lang| site.index_of(kind, stem, *lang))
                    })
                    .collect();
                changed.sort_unstable();
                changed.into_iter().for_each(&mut add);
            }
            _ => run.for_each(&mut add),
        }
    }
    let mut others = list_jobs(site, facets);
    for lang in &config.languages {
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
    jobs.extend(others);
    // The longest outputs first: the threads share out the jobs in order, and one long job
    // taken last keeps the others waiting for it.
    jobs.sort_by_key(|job| !matches!(job, Job::Sitemap | Job::SearchIndex(_)));
    // Debug builds (the tests) check the pages chosen against the rule for every page.
    #[cfg(debug_assertions)]
    if let Some(changes) = only {
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
    jobs
}

/// The kinds of entries a page of `kind` shows (menus and footers show page titles).
fn shown_on(kind: Kind) -> &'static [Kind] {
    match kind {
        Kind::Goal => &[Kind::Initiative, Kind::Press, Kind::Page],
        Kind::Partner => &[Kind::Press, Kind::Page],
        Kind::Press => &[Kind::Partner, Kind::Goal, Kind::Page],
        Kind::Initiative => &[Kind::Goal, Kind::Page],
        Kind::Festival => &[Kind::Partner, Kind::Page],
        Kind::Page | Kind::Home => &[Kind::Page],
    }
}

/// Whether a change of one of the entries `changes` names can change every page of `kind`.
fn shows_any(kind: Kind, changes: &Changes) -> bool {
    shown_on(kind).iter().any(|k| changes.kinds.contains(k))
}

/// Every page of every list: the sections and the directory of initiatives by province and
/// theme.
fn list_jobs(site: &Site, facets: &Facets) -> Vec<Job> {
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
    fn list_path(&self, site: &Site) -> Option<String> {
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

fn page_count(items: usize, size: usize) -> usize {
    items.div_ceil(size).max(1)
}

/// The URL of page `n` (0-based) of a paginated list: `pers/`, `pers/pagina/2/`.
fn paginated_url(first: &str, lang: Lang, n: usize) -> String {
    if n == 0 {
        first.to_string()
    } else {
        let word = if lang == Lang::Nl { "pagina" } else { "page" };
        format!("{first}{word}/{}/", n + 1)
    }
}

/// A directory page's address. A province is named by its official name in every language
/// (`provincie/fryslan/`, `province/fryslan/`): the address stays when a theme renames it.
fn filter_url(site: &Site, lang: Lang, filter: &Filter) -> String {
    let base = section_url(&site.config, Kind::Initiative, lang);
    let province = |p: &str| crate::slug::slugify(p);
    match (filter, lang) {
        (Filter::Province(p), Lang::Nl) => format!("{base}provincie/{}/", province(p)),
        (Filter::Province(p), Lang::En) => format!("{base}province/{}/", province(p)),
        (Filter::Theme(t), Lang::Nl) => format!("{base}thema/{t}/"),
        (Filter::Theme(t), Lang::En) => format!("{base}theme/{t}/"),
    }
}

/// Where the page at `url` is published.
pub fn html_path(url: &str) -> String {
    format!("{url}index.html")
}

impl<'a> RenderContext<'a> {
    fn href(&self, url: &str) -> String {
        format!("{}{url}", self.base_path)
    }

    fn absolute(&self, url: &str) -> String {
        format!("{}{}{url}", self.origin, self.base_path)
    }

    fn text(&self, lang: Lang) -> Text<'_> {
        Text {
            strings: self.renderer.strings.get(&lang).unwrap_or(&NO_STRINGS),
        }
    }

    /// Whether asset `i` is an image this render processes (or takes from the cache): a raster
    /// image whose header could be read, when there is a cache (not in `check`).
    fn processes_image(&self, i: usize) -> bool {
        let source = &self.site.assets[i].source;
        self.image_cache.is_some()
            && crate::images::is_raster(&source.relative)
            && (self.site.images).contains_key(&(source.kind, source.relative.clone()))
    }

    fn run(&self, job: &Job) -> Result<Vec<(String, Content)>, Diagnostic> {
        let site = self.site;
        let one = |path: String, bytes: Vec<u8>| Ok(vec![(path, Content::Bytes(bytes))]);
        match job {
            Job::Entry(i) => {
                let page = &site.pages[*i];
                one(html_path(&page.url), self.entry_page(*i)?.into_bytes())
            }
            Job::Home(lang) => one(
                html_path(&lang_prefix(&site.config, *lang)),
                self.home(*lang)?.into_bytes(),
            ),
            Job::SectionIndex(kind, lang, n) => one(
                html_path(&job.list_path(site).unwrap_or_default()),
                self.section_index(*kind, *lang, *n)?.into_bytes(),
            ),
            Job::InitiativeFilter(lang, filter, n) => one(
                html_path(&job.list_path(site).unwrap_or_default()),
                self.initiatives(*lang, Some(filter), *n)?.into_bytes(),
            ),
            Job::Search(lang) => one(
                html_path(&search_url(site, *lang)),
                self.search(*lang)?.into_bytes(),
            ),
            Job::SearchIndex(lang) => one(
                format!("{}index.json", search_url(site, *lang)),
                crate::search_index::build(site, *lang, &self.base_path, self.search_records)
                    .into_bytes(),
            ),
            Job::NotFound(lang) => one(
                format!("{}404.html", lang_prefix(&site.config, *lang)),
                self.not_found(*lang)?.into_bytes(),
            ),
            Job::Feed(lang) => {
                let url = section_url(&site.config, Kind::Press, *lang);
                one(
                    format!("{url}atom.xml"),
                    crate::feed::atom(site, *lang, &self.text(*lang).get("press_feed_title"))
                        .into_bytes(),
                )
            }
            Job::Sitemap => one("sitemap.xml".to_string(), self.sitemap().into_bytes()),
            Job::Robots => one(
                "robots.txt".to_string(),
                format!(
                    "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                    self.absolute("sitemap.xml")
                )
                .into_bytes(),
            ),
            Job::Calendar(i) => {
                let page = &site.pages[*i];
                one(
                    crate::calendar::path(&page.url),
                    crate::calendar::festival_ics(site, page).into_bytes(),
                )
            }
            Job::Asset(i) => {
                let asset = &site.assets[*i];
                let read_error = |e: std::io::Error| {
                    Diagnostic::error(
                        &asset.source.path,
                        0,
                        0,
                        crate::tr!("load-cannot-read-file", error = e.to_string()),
                    )
                };
                let key = (asset.source.kind, asset.source.relative.clone());
                if !crate::images::is_raster(&asset.source.relative) {
                    let bytes = std::fs::read(&asset.source.absolute).map_err(read_error)?;
                    return one(asset.url.clone(), bytes);
                }
                // Unreadable images are reported where they are used; never publish one with
                // its metadata. (`processes_image` says the same, for the progress's total.)
                let (Some(cache), Some(info)) = (self.image_cache, site.images.get(&key)) else {
                    return Ok(Vec::new());
                };
                crate::images::remember_header(&asset.source.absolute, cache, info);
                let outputs = crate::images::process(
                    &asset.url,
                    &asset.source.absolute,
                    info,
                    site.keep_metadata.contains(&key),
                    cache,
                    self.counters,
                );
                self.counters.finished_one();
                let outputs = outputs.map_err(|message| {
                    Diagnostic::error(
                        &asset.source.path,
                        0,
                        0,
                        crate::tr!("render-image-unpublishable", reason = message),
                    )
                    .with_hint(crate::tr!("render-image-unpublishable-hint"))
                })?;
                Ok(outputs)
            }
            Job::ThemeFile(i) => {
                let (name, bytes) = &self.renderer.static_files[*i];
                match name.strip_prefix(crate::theme::ROOT_STATIC) {
                    Some(at_root) => one(at_root.to_string(), bytes.clone()),
                    None => one(format!("assets/{name}"), bytes.clone()),
                }
            }
            Job::Css => one(
                self.renderer.css_name.clone(),
                self.renderer.css.clone().into_bytes(),
            ),
            Job::Js => one(
                self.renderer.js_name.clone(),
                self.renderer.js.clone().into_bytes(),
            ),
        }
    }

    /// The addresses of every page, grouped with its translations (by language): one group per
    /// entry (with its key), the home page and each section. Entry addresses are borrowed from
    /// the pages.
    fn sitemap_groups(&self) -> Vec<(Option<&'a str>, Translations<'a>)> {
        let site = self.site;
        let config = &site.config;
        let mut groups: Vec<(Option<&str>, Translations<'_>)> =
            Vec::with_capacity(site.pages.len() + 8);
        // The home page is in its own group below, made whether it has a text or not.
        for page in site.pages.iter().filter(|p| p.entry.kind != Kind::Home) {
            let group = entry_translations(site, page.entry.kind, &page.entry.stem);
            // Made once, at the entry's first page in language order.
            if group.first().map(|(lang, _)| *lang) == Some(page.entry.lang) {
                groups.push((Some(page.key.as_str()), group));
            }
        }
        let mut home: Translations<'_> = (config.languages.iter())
            .map(|lang| (*lang, Cow::Owned(lang_prefix(config, *lang))))
            .collect();
        home.sort_by_key(|(lang, _)| *lang);
        groups.push((None, home));
        for kind in crate::model::KINDS.into_iter().filter(|k| k.has_section()) {
            let mut section: Translations<'_> = (config.languages.iter())
                .map(|lang| (*lang, Cow::Owned(section_url(config, kind, *lang))))
                .collect();
            section.sort_by_key(|(lang, _)| *lang);
            groups.push((None, section));
        }
        groups
    }

    /// The sitemap; `serve` keeps its rows and makes again only those of the entries changed.
    fn sitemap(&self) -> String {
        let site = self.site;
        let whole = || {
            let groups: Vec<Translations<'_>> = (self.sitemap_groups().into_iter())
                .map(|(_, group)| group)
                .collect();
            crate::feed::sitemap(site, &groups)
        };
        let Some(Ok(mut kept)) = self.cache.map(|cache| cache.sitemap.lock()) else {
            return whole();
        };
        let style = crate::feed::SitemapRowStyle::of(site);
        let rows = match (self.changes, kept.take()) {
            (Some(changes), Some(mut rows)) if rows.style == style => {
                rows.update(site, &changes.keys);
                rows
            }
            _ => SitemapRows::of(style, self.sitemap_groups()),
        };
        let text = crate::feed::sitemap_of_rows(rows.rows.values().map(String::as_str));
        // Debug builds (the tests) check the rows kept against a sitemap made whole.
        #[cfg(debug_assertions)]
        assert_eq!(text, whole(), "the sitemap serve keeps");
        *kept = Some(rows);
        text
    }

    fn render(
        &self,
        template: &str,
        layout: LayoutView<'_>,
        page: &impl Serialize,
    ) -> Result<String, Diagnostic> {
        let mut context = tera::Context::new();
        context.insert("layout", &layout);
        context.insert("page", page);
        let lang = Lang::parse(layout.lang).unwrap_or(Lang::Nl);
        let Some(tera) = self.renderer.tera.get(&lang) else {
            return Err(Diagnostic::error(
                format!("{}/i18n/{}.yaml", crate::theme::THEME_DIR, lang.code()),
                0,
                0,
                crate::tr!("render-no-ui-strings"),
            ));
        };
        tera.render(template, &context)
            .map_err(|e| template_diagnostic(&e, &self.renderer.template_paths))
    }

    /// The layout of a page at `url` whose translations are `translations` (lang → url); a
    /// missing one falls back to `fallback` (the section in that language).
    fn layout(
        &self,
        lang: Lang,
        url: &str,
        title: &str,
        description: &str,
        translations: &BTreeMap<Lang, String>,
        fallbacks: &BTreeMap<Lang, String>,
    ) -> LayoutView<'a> {
        let site = self.site;
        let config = &site.config;
        let shared = self.language_layout(lang);
        let site_title = config.title.get(&lang).map(String::as_str).unwrap_or("");
        let full_title = if title.is_empty() || title == site_title {
            site_title.to_string()
        } else {
            format!("{title} | {site_title}")
        };
        let mut alternates: Vec<Alternate> = translations
            .iter()
            .map(|(l, u)| Alternate {
                hreflang: l.code().to_string(),
                href: self.absolute(u),
            })
            .collect();
        if translations.len() > 1
            && let Some(default_url) = translations.get(&config.default_lang())
        {
            alternates.push(Alternate {
                hreflang: "x-default".to_string(),
                href: self.absolute(default_url),
            });
        }
        let switcher = config
            .languages
            .iter()
            .map(|l| match translations.get(l) {
                Some(u) => SwitchLink {
                    code: l.code(),
                    name: l.native_name(),
                    href: self.href(u),
                    current: *l == lang,
                    fallback: false,
                },
                None => SwitchLink {
                    code: l.code(),
                    name: l.native_name(),
                    // To the notice that names this page on the list in that language.
                    href: format!(
                        "{}#untranslated",
                        self.href(
                            fallbacks
                                .get(l)
                                .map(String::as_str)
                                .unwrap_or(&lang_prefix(config, *l)),
                        )
                    ),
                    current: false,
                    fallback: true,
                },
            })
            .collect();
        LayoutView {
            lang: lang.code(),
            site_title,
            tagline: config.tagline.get(&lang).map(String::as_str).unwrap_or(""),
            title: full_title,
            description: if description.is_empty() {
                config.description.get(&lang).cloned().unwrap_or_default()
            } else {
                description.to_string()
            },
            canonical: self.absolute(url),
            home_href: shared.home_href.clone(),
            css_href: shared.css_href.clone(),
            js_href: shared.js_href.clone(),
            assets_href: shared.assets_href.clone(),
            root_href: shared.root_href.clone(),
            contact_href: shared.contact_href.clone(),
            search_href: shared.search_href.clone(),
            feed_href: shared.feed_href.clone(),
            feed_title: shared.feed_title.clone(),
            alternates,
            switcher,
            untranslated: Vec::new(),
            menu: shared.menu(url),
            footer_links: shared.footer_links.clone(),
            contact: shared.contact.clone(),
            og_type: "website",
            og_image: shared.og_image.clone(),
            og_locale: lang.locale(),
            json_ld: None,
            body_class: "",
        }
    }

    fn language_layout(&self, lang: Lang) -> &LanguageLayout {
        let slot = crate::lang::SUPPORTED
            .iter()
            .position(|l| *l == lang)
            .unwrap_or(0);
        self.language_layouts[slot].get_or_init(|| self.make_language_layout(lang))
    }

    fn make_language_layout(&self, lang: Lang) -> LanguageLayout {
        let site = self.site;
        let config = &site.config;
        let text = self.text(lang);
        let menu: Vec<(MenuLink, CurrentWhen)> = config
            .menu
            .iter()
            .filter_map(|item| match item {
                MenuItem::Section(kind) => {
                    let href = section_url(config, *kind, lang);
                    Some((
                        MenuLink {
                            label: text.get(&format!("{}_title", kind.folder())),
                            current: false,
                            href: self.href(&href),
                        },
                        CurrentWhen::Below(href),
                    ))
                }
                MenuItem::Page(stem) => site.page(Kind::Page, &stem.value, lang).map(|p| {
                    (
                        MenuLink {
                            label: p.entry.title().to_string(),
                            href: self.href(&p.url),
                            current: false,
                        },
                        CurrentWhen::At(p.url.clone()),
                    )
                }),
            })
            .collect();
        let links: Vec<MenuLink> = menu.iter().map(|(link, _)| link.clone()).collect();
        let menus = std::iter::once(value(&links))
            .chain((0..links.len()).map(|k| {
                let mut links = links.clone();
                links[k].current = true;
                value(&links)
            }))
            .collect();
        let footer_links: Vec<Link> = ["about", "contact", "privacy"]
            .iter()
            .filter_map(|stem| site.page(Kind::Page, stem, lang))
            .map(|p| Link {
                label: p.entry.title().to_string(),
                href: self.href(&p.url),
            })
            .collect();
        LanguageLayout {
            home_href: value(&self.href(&lang_prefix(config, lang))),
            css_href: value(&self.href(&self.renderer.css_name)),
            js_href: value(&self.href(&self.renderer.js_name)),
            assets_href: value(&self.href("assets/")),
            root_href: value(&self.href("")),
            contact_href: value(
                &site
                    .page(Kind::Page, "contact", lang)
                    .map(|p| self.href(&p.url)),
            ),
            search_href: value(&self.href(&search_url(site, lang))),
            feed_href: value(&self.href(&format!(
                "{}atom.xml",
                section_url(config, Kind::Press, lang)
            ))),
            feed_title: value(&text.get("press_feed_title")),
            footer_links: value(&footer_links),
            contact: value(&config.contact),
            og_image: value(&self.absolute(&format!("{}og-default.png", "assets/"))),
            menus,
            menu: menu.into_iter().map(|(_, when)| when).collect(),
            links,
        }
    }

    /// Translations of an entry, and where the switcher goes where there is none.
    fn entry_alternates(&self, page: &Page) -> (BTreeMap<Lang, String>, BTreeMap<Lang, String>) {
        let config = &self.site.config;
        let mut translations = BTreeMap::new();
        let mut fallbacks = BTreeMap::new();
        for lang in &config.languages {
            match self.site.translation(page, *lang) {
                Some(t) => {
                    translations.insert(*lang, t.url.clone());
                }
                None => {
                    fallbacks.insert(*lang, section_url(config, page.entry.kind, *lang));
                }
            }
        }
        (translations, fallbacks)
    }

    fn all_languages(&self, url_of: impl Fn(Lang) -> String) -> BTreeMap<Lang, String> {
        self.site
            .config
            .languages
            .iter()
            .map(|l| (*l, url_of(*l)))
            .collect()
    }

    fn date(&self, lang: Lang, date: jiff::civil::Date) -> DateView {
        DateView {
            iso: date.to_string(),
            label: lang.format_date(date),
        }
    }

    fn goal_card(&self, page: &Page) -> Option<GoalCard> {
        let EntryData::Goal(goal) = &page.entry.data else {
            return None;
        };
        Some(GoalCard {
            number: goal.number.value,
            title: goal.title.clone(),
            summary: goal.summary.clone(),
            short_label: goal.short_label.clone(),
            target_year: goal.target_year,
            href: self.href(&page.url),
        })
    }

    fn partner_card(&self, page: &Page) -> Option<PartnerCard> {
        let EntryData::Partner(partner) = &page.entry.data else {
            return None;
        };
        let logo_href = partner
            .logo
            .as_ref()
            .and_then(|l| crate::resolve::normalize_relative(&l.value))
            .map(|relative| {
                self.href(&crate::resolve::asset_url(
                    &self.site.config,
                    Kind::Partner,
                    &relative,
                ))
            });
        Some(PartnerCard {
            name: partner.name.clone(),
            short_name: partner
                .short_name
                .clone()
                .unwrap_or_else(|| partner.name.clone()),
            summary: partner.summary.clone(),
            href: self.href(&page.url),
            website: partner.url.value.clone(),
            website_label: url_label(&partner.url.value),
            logo_href,
            core: partner.role == Role::Core,
            joined: DateView {
                iso: partner.joined.iso(),
                label: page.entry.lang.format_partial_date(partner.joined),
            },
        })
    }

    fn press_card(&self, page: &Page) -> Option<PressCard> {
        let EntryData::Press(press) = &page.entry.data else {
            return None;
        };
        Some(PressCard {
            title: press.title.clone(),
            summary: press.summary.clone(),
            href: self.href(&page.url),
            date: self.date(page.entry.lang, press.date),
        })
    }

    fn image(
        &self,
        kind: Kind,
        image: Option<&crate::fields::Located<String>>,
        alt: Option<&String>,
    ) -> Option<ImageView> {
        let relative = crate::resolve::normalize_relative(&image?.value)?;
        if let Some(picture) = self.site.picture(kind, &relative) {
            let alt = alt.cloned().unwrap_or_default();
            return Some(ImageView {
                src: picture.src.clone(),
                html: picture.to_html(&alt, crate::images::SIZES_CARD, true),
                hero_html: picture.to_html(&alt, crate::images::SIZES_TEXT, false),
                social: Some(format!("{}{}", self.origin, picture.social)),
                alt,
            });
        }
        let src = self.href(&crate::resolve::asset_url(
            &self.site.config,
            kind,
            &relative,
        ));
        let alt = alt.cloned().unwrap_or_default();
        let tag = format!(
            "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
            escape_attribute(&src),
            escape_attribute(&alt)
        );
        Some(ImageView {
            html: tag.clone(),
            hero_html: tag,
            social: None,
            src,
            alt,
        })
    }

    /// The card of the initiative at `index` in `Site::pages`, made once per build.
    /// The card of the initiative at `index` in `Site::pages`, as a template value (cloning one
    /// shares it).
    fn initiative_card_at(&self, index: usize) -> Option<tera::Value> {
        let page = self.site.pages.get(index)?;
        self.initiative_cards
            .get(index)?
            .get_or_init(|| {
                self.initiative_card(page)
                    .and_then(|card| tera::Value::try_from_serializable(&card).ok())
            })
            .clone()
    }

    fn related(&self) -> &Related {
        self.related.get_or_init(|| match self.cache {
            Some(cache) => cache.related(self.site),
            None => Related {
                initiatives: std::sync::Arc::new(InitiativesRelated::of(self.site)),
                press: std::sync::Arc::new(PressRelated::of(self.site)),
            },
        })
    }

    fn initiative_card(&self, page: &Page) -> Option<InitiativeCard> {
        let EntryData::Initiative(initiative) = &page.entry.data else {
            return None;
        };
        let lang = page.entry.lang;
        Some(InitiativeCard {
            name: initiative.name.clone(),
            place: initiative.place.clone(),
            province: Link {
                label: self.text(lang).province(&initiative.province),
                href: self.href(&filter_url(
                    self.site,
                    lang,
                    &Filter::Province(
                        PROVINCES
                            .iter()
                            .find(|p| **p == initiative.province)
                            .copied()
                            .unwrap_or(""),
                    ),
                )),
            },
            themes: initiative
                .themes
                .iter()
                .map(|t| Link {
                    label: self.site.config.theme_label(&t.value, lang),
                    href: self.href(&filter_url(
                        self.site,
                        lang,
                        &Filter::Theme(t.value.clone()),
                    )),
                })
                .collect(),
            summary: initiative.summary.clone(),
            href: self.href(&page.url),
            image: self.image(
                Kind::Initiative,
                initiative.image.as_ref(),
                initiative.image_alt.as_ref(),
            ),
        })
    }

    fn festival_card(&self, page: &Page) -> Option<FestivalCard> {
        let EntryData::Festival(festival) = &page.entry.data else {
            return None;
        };
        Some(FestivalCard {
            title: festival.title.clone(),
            summary: festival.summary.clone(),
            href: self.href(&page.url),
            date: DateView {
                iso: festival.date.to_string(),
                label: page.entry.lang.format_date_with_weekday(festival.date),
            },
            venue: festival.venue.clone(),
            city: festival.city.clone(),
            upcoming: festival.date >= self.site.today,
        })
    }

    /// The entries of `kind` that have a page in another language but none in `lang`: the
    /// notice on `kind`'s list (the home page for plain pages), where their switcher leads.
    fn untranslated(&self, kind: Kind, lang: Lang) -> Vec<Untranslated> {
        let site = self.site;
        let text = self.text(lang);
        (site.config.languages.iter())
            .filter(|other| **other != lang)
            .filter_map(|other| {
                let links: Vec<UntranslatedLink> = site
                    .list(kind, *other)
                    .filter(|p| site.translation(p, lang).is_none())
                    .map(|p| UntranslatedLink {
                        label: p.entry.title().to_string(),
                        href: self.href(&p.url),
                        lang: other.code(),
                    })
                    .collect();
                (!links.is_empty()).then(|| Untranslated {
                    lang: other.code(),
                    title: text.get(&format!("untranslated_title_{}", other.code())),
                    text: text.get(&format!(
                        "untranslated_text_{}{}",
                        if links.len() == 1 { "one_" } else { "" },
                        other.code()
                    )),
                    links,
                })
            })
            .collect()
    }

    /// Who answers questions about a press release: the organisation it names (with its
    /// website when it is a partner), the coalition's press address if site.yaml has one, or
    /// else the partners it names; and always the contact page.
    fn press_contact(&self, press: &crate::model::Press, lang: Lang) -> PressContactView {
        let site = self.site;
        fn partner_site(page: &Page) -> Option<(&crate::model::Partner, &Page)> {
            match &page.entry.data {
                EntryData::Partner(p) => Some((p, page)),
                _ => None,
            }
        }
        let named = press.press_contact.as_ref().map(|name| {
            let wanted = name.trim().to_lowercase();
            let partner = site
                .list(Kind::Partner, lang)
                .filter_map(partner_site)
                .find(|(p, page)| {
                    p.name.to_lowercase() == wanted
                        || p.short_name
                            .as_ref()
                            .is_some_and(|s| s.to_lowercase() == wanted)
                        || page.entry.stem == wanted
                });
            Link {
                label: name.clone(),
                href: partner
                    .map(|(p, _)| p.url.value.clone())
                    .unwrap_or_default(),
            }
        });
        let is_partner = named.as_ref().is_some_and(|l| !l.href.is_empty());
        let email = site.config.contact.get("press_email").cloned();
        let partners = if is_partner || email.is_some() {
            Vec::new()
        } else {
            (press.partners.iter())
                .filter_map(|stem| {
                    let page = site.page(Kind::Partner, &stem.value, lang)?;
                    let (partner, _) = partner_site(page)?;
                    Some(Link {
                        label: partner
                            .short_name
                            .clone()
                            .unwrap_or_else(|| partner.name.clone()),
                        href: partner.url.value.clone(),
                    })
                })
                .collect()
        };
        PressContactView {
            organisation: named,
            email,
            partners,
            contact_href: site.page(Kind::Page, "contact", lang).map(|p| {
                let anchor = self.text(lang).get("contact_press_anchor");
                format!("{}#{anchor}", self.href(&p.url))
            }),
        }
    }

    /// The newest press releases that `about` selects, at most `RELATED_LIMIT`, and a link to
    /// the press overview saying how many more there are when the list is cut short.
    fn related_press(&self, lang: Lang, related: &[usize]) -> (Vec<PressCard>, Option<Link>) {
        self.cut_related(
            related,
            Kind::Press,
            lang,
            |i| self.press_card(self.site.pages.get(i)?),
            |total| {
                self.text(lang)
                    .get("more_press")
                    .replace("{count}", &(total - RELATED_LIMIT).to_string())
            },
        )
    }

    /// Cards for at most `RELATED_LIMIT` of `related` (indices in `Site::pages`), and — when
    /// the list is cut short — a link to the kind's overview labelled from the full count.
    fn cut_related<T>(
        &self,
        related: &[usize],
        kind: Kind,
        lang: Lang,
        card: impl Fn(usize) -> Option<T>,
        label: impl FnOnce(usize) -> String,
    ) -> (Vec<T>, Option<Link>) {
        let cards = related
            .iter()
            .take(RELATED_LIMIT)
            .filter_map(|i| card(*i))
            .collect();
        let more = (related.len() > RELATED_LIMIT).then(|| Link {
            label: label(related.len()),
            href: self.href(&section_url(&self.site.config, kind, lang)),
        });
        (cards, more)
    }

    fn goal_links(&self, numbers: &[crate::fields::Located<u8>], lang: Lang) -> Vec<Link> {
        numbers
            .iter()
            .filter_map(|n| self.site.goal(n.value, lang))
            .filter_map(|p| self.goal_card(p))
            .map(|g| Link {
                label: format!("{}. {}", g.number, g.title),
                href: g.href,
            })
            .collect()
    }

    fn partner_links(&self, stems: &[crate::fields::Located<String>], lang: Lang) -> Vec<Link> {
        stems
            .iter()
            .filter_map(|s| {
                let page = self.site.page(Kind::Partner, &s.value, lang).or_else(|| {
                    self.site
                        .config
                        .languages
                        .iter()
                        .find_map(|l| self.site.page(Kind::Partner, &s.value, *l))
                })?;
                Some(Link {
                    label: page.entry.title().to_string(),
                    href: self.href(&page.url),
                })
            })
            .collect()
    }

    /// The page of the entry at `index` in `Site::pages`.
    fn entry_page(&self, index: usize) -> Result<String, Diagnostic> {
        let page = self.site.pages.get(index).ok_or_else(|| {
            Diagnostic::error("", 0, 0, crate::tr!("render-internal-no-page"))
                .with_hint(crate::tr!("render-internal-hint"))
        })?;
        let lang = page.entry.lang;
        let (translations, fallbacks) = self.entry_alternates(page);
        let mut layout = self.layout(
            lang,
            &page.url,
            page.entry.title(),
            page.entry.summary(),
            &translations,
            &fallbacks,
        );
        let index_href = self.href(&section_url(&self.site.config, page.entry.kind, lang));
        let body_html = tera::Value::from(page.rendered.html.as_str());
        match &page.entry.data {
            EntryData::Goal(goal) => {
                let related = self.related();
                let number = (lang, goal.number.value);
                let (initiatives, more_initiatives) = self.cut_related(
                    related
                        .initiatives
                        .by_goal
                        .get(&number)
                        .map_or(&[], Vec::as_slice),
                    Kind::Initiative,
                    lang,
                    |i| self.initiative_card_at(i),
                    |total| {
                        self.text(lang)
                            .get("all_n_initiatives")
                            .replace("{count}", &total.to_string())
                    },
                );
                let (press, more_press) = self.related_press(
                    lang,
                    related
                        .press
                        .by_goal
                        .get(&number)
                        .map_or(&[], Vec::as_slice),
                );
                // Its neighbours in programme order, to read the goals one after another.
                let goals: Vec<&Page> = self.site.list(Kind::Goal, lang).collect();
                let at = goals.iter().position(|p| std::ptr::eq(*p, page));
                let neighbour = |i: Option<usize>| {
                    let card = self.goal_card(goals.get(i?)?)?;
                    Some(Link {
                        label: format!("{}. {}", card.number, card.title),
                        href: card.href,
                    })
                };
                let view = GoalView {
                    previous: neighbour(at.and_then(|i| i.checked_sub(1))),
                    next: neighbour(at.map(|i| i + 1)),
                    goal: self.goal_card(page).ok_or_else(|| internal(page))?,
                    body_html,
                    initiatives,
                    more_initiatives,
                    press,
                    more_press,
                    index_href,
                };
                self.render("goal.html", layout, &view)
            }
            EntryData::Partner(_) => {
                let (press, more_press) = self.related_press(
                    lang,
                    self.related()
                        .press
                        .by_partner
                        .get(&(lang, page.entry.stem.clone()))
                        .map_or(&[], Vec::as_slice),
                );
                let view = PartnerView {
                    partner: self.partner_card(page).ok_or_else(|| internal(page))?,
                    body_html,
                    press,
                    more_press,
                    index_href,
                };
                self.render("partner.html", layout, &view)
            }
            EntryData::Press(press) => {
                layout.og_type = "article";
                if let Some(social) = self
                    .image(Kind::Press, press.image.as_ref(), press.image_alt.as_ref())
                    .and_then(|i| i.social)
                {
                    layout.og_image = social.into();
                }
                layout.json_ld = Some(crate::jsonld::news_article(
                    self.site,
                    page,
                    &self.absolute(&page.url),
                ));
                let view = PressView {
                    title: press.title.clone(),
                    summary: press.summary.clone(),
                    date: self.date(lang, press.date),
                    body_html,
                    partners: self.partner_links(&press.partners, lang),
                    goals: self.goal_links(&press.goals, lang),
                    press_contact: self.press_contact(press, lang),
                    image: self.image(Kind::Press, press.image.as_ref(), press.image_alt.as_ref()),
                    index_href,
                };
                self.render("press.html", layout, &view)
            }
            EntryData::Initiative(initiative) => {
                if let Some(social) = self
                    .image(
                        Kind::Initiative,
                        initiative.image.as_ref(),
                        initiative.image_alt.as_ref(),
                    )
                    .and_then(|i| i.social)
                {
                    layout.og_image = social.into();
                }
                let view = InitiativeView {
                    initiative: self
                        .initiative_card_at(index)
                        .ok_or_else(|| internal(page))?,
                    body_html,
                    website: initiative.website.as_ref().map(|w| w.value.clone()),
                    website_label: initiative.website.as_ref().map(|w| url_label(&w.value)),
                    founded: initiative.founded.map(|f| DateView {
                        iso: f.iso(),
                        label: lang.format_partial_date(f),
                    }),
                    goals: self.goal_links(&initiative.goals, lang),
                    index_href,
                };
                self.render("initiative.html", layout, &view)
            }
            EntryData::Festival(festival) => {
                layout.json_ld = Some(crate::jsonld::event(
                    self.site,
                    page,
                    &self.absolute(&page.url),
                ));
                let image = self.image(
                    Kind::Festival,
                    festival.image.as_ref(),
                    festival.image_alt.as_ref(),
                );
                if let Some(social) = image.as_ref().and_then(|i| i.social.clone()) {
                    layout.og_image = social.into();
                }
                let view = FestivalView {
                    image,
                    festival: self.festival_card(page).ok_or_else(|| internal(page))?,
                    address: festival.address.clone(),
                    body_html,
                    programme: festival
                        .programme
                        .iter()
                        .map(|p| ProgrammeView {
                            time: p.time.clone(),
                            title: p.title.clone(),
                            description: p.description.clone(),
                        })
                        .collect(),
                    partners: self.partner_links(&festival.partners, lang),
                    ics_href: self.href(&crate::calendar::path(&page.url)),
                    map_href: format!(
                        "https://www.openstreetmap.org/search?query={}",
                        query_escape(&format!(
                            "{}, {}, {}",
                            festival.venue, festival.address, festival.city
                        ))
                    ),
                    index_href,
                };
                self.render("festival.html", layout, &view)
            }
            EntryData::Page(p) => {
                let view = PlainView {
                    title: p.title.clone(),
                    summary: p.summary.clone().unwrap_or_default(),
                    body_html,
                };
                self.render("page.html", layout, &view)
            }
            EntryData::Home(_) => Err(internal(page)),
        }
    }

    fn home(&self, lang: Lang) -> Result<String, Diagnostic> {
        let site = self.site;
        let config = &site.config;
        let url = lang_prefix(config, lang);
        let translations = self.all_languages(|l| lang_prefix(config, l));
        let home = site.page(Kind::Home, "home", lang);
        let title = home
            .map(|h| h.entry.title().to_string())
            .unwrap_or_else(|| config.title.get(&lang).cloned().unwrap_or_default());
        let mut layout = self.layout(
            lang,
            &url,
            "",
            home.map(|h| h.entry.summary()).unwrap_or(""),
            &translations,
            &BTreeMap::new(),
        );
        layout.json_ld = Some(crate::jsonld::organization(
            site,
            lang,
            &self.absolute(&url),
            &|p: &Page| self.absolute(&p.url),
        ));
        layout.body_class = "home";
        let mut initiatives: Vec<InitiativeCard> = site
            .list(Kind::Initiative, lang)
            .filter(|p| matches!(&p.entry.data, EntryData::Initiative(i) if i.featured))
            .filter_map(|p| self.initiative_card(p))
            .take(6)
            .collect();
        if initiatives.is_empty() {
            initiatives = site
                .list(Kind::Initiative, lang)
                .filter_map(|p| self.initiative_card(p))
                .take(3)
                .collect();
        }
        layout.untranslated = self.untranslated(Kind::Page, lang);
        let text = self.text(lang);
        let mut provinces: Vec<FilterLink> = PROVINCES
            .iter()
            .filter_map(|province| {
                let filter = Filter::Province(province);
                let count = self.facets.get(&(lang, Some(filter.clone())))?.len();
                (count > 0).then(|| FilterLink {
                    label: text.province(province),
                    href: self.href(&filter_url(site, lang, &filter)),
                    count,
                    current: false,
                })
            })
            .collect();
        provinces.sort_by(|a, b| a.label.cmp(&b.label));
        let view = HomeView {
            title,
            intro: home
                .map(|h| h.entry.summary().to_string())
                .unwrap_or_default(),
            about_href: site
                .page(Kind::Page, "about", lang)
                .map(|p| self.href(&p.url)),
            provinces,
            body_html: tera::Value::from(home.map_or("", |h| h.rendered.html.as_str())),
            goals: site
                .list(Kind::Goal, lang)
                .filter_map(|p| self.goal_card(p))
                .collect(),
            press: site
                .list(Kind::Press, lang)
                .filter_map(|p| self.press_card(p))
                .take(3)
                .collect(),
            initiatives,
            // The soonest of those to come (the list is latest first).
            festival: site
                .list(Kind::Festival, lang)
                .filter_map(|p| self.festival_card(p))
                .filter(|f| f.upcoming)
                .last(),
            goals_href: self.href(&section_url(config, Kind::Goal, lang)),
            press_href: self.href(&section_url(config, Kind::Press, lang)),
            initiatives_href: self.href(&section_url(config, Kind::Initiative, lang)),
            partners: site
                .list(Kind::Partner, lang)
                .filter_map(|p| self.partner_card(p))
                .collect(),
            partners_href: self.href(&section_url(config, Kind::Partner, lang)),
        };
        self.render("home.html", layout, &view)
    }

    fn pagination(&self, lang: Lang, first_url: &str, n: usize, total: usize) -> Pagination {
        Pagination {
            label: self
                .text(lang)
                .get("page_of")
                .replace("{current}", &(n + 1).to_string())
                .replace("{total}", &total.to_string()),
            current: n + 1,
            total,
            prev_href: (n > 0).then(|| self.href(&paginated_url(first_url, lang, n - 1))),
            next_href: (n + 1 < total).then(|| self.href(&paginated_url(first_url, lang, n + 1))),
        }
    }

    fn section_index(&self, kind: Kind, lang: Lang, n: usize) -> Result<String, Diagnostic> {
        let site = self.site;
        let config = &site.config;
        let first_url = section_url(config, kind, lang);
        let url = paginated_url(&first_url, lang, n);
        let text = self.text(lang);
        let title = text.get(&format!("{}_title", kind.folder()));
        let intro = text.get(&format!("{}_intro", kind.folder()));
        let translations = self.all_languages(|l| {
            paginated_url(
                &section_url(config, kind, l),
                l,
                if site.list(kind, l).count() > n * config.page_size(kind) {
                    n
                } else {
                    0
                },
            )
        });
        let mut layout = self.layout(lang, &url, &title, &intro, &translations, &BTreeMap::new());
        // The directory's first page (`initiatives`) makes its own layout.
        if n == 0 && kind != Kind::Initiative {
            layout.untranslated = self.untranslated(kind, lang);
        }
        match kind {
            Kind::Goal => {
                // The list is in programme order (by number): goal 1 first.
                let goals: Vec<GoalCard> = site
                    .list(Kind::Goal, lang)
                    .filter_map(|p| self.goal_card(p))
                    .collect();
                let mut timeline: BTreeMap<i16, Vec<GoalCard>> = BTreeMap::new();
                for card in &goals {
                    timeline
                        .entry(card.target_year)
                        .or_default()
                        .push(card.clone());
                }
                let view = GoalsView {
                    title,
                    intro,
                    goals,
                    timeline: timeline
                        .into_iter()
                        .map(|(year, goals)| TimelineYear { year, goals })
                        .collect(),
                };
                self.render("goals.html", layout, &view)
            }
            Kind::Partner => {
                let cards: Vec<PartnerCard> = site
                    .list(Kind::Partner, lang)
                    .filter_map(|p| self.partner_card(p))
                    .collect();
                let (core, signatories) = cards.into_iter().partition(|c| c.core);
                self.render(
                    "partners.html",
                    layout,
                    &PartnersView {
                        title,
                        intro,
                        core,
                        signatories,
                    },
                )
            }
            Kind::Press => {
                let size = config.page_size(Kind::Press);
                let all = site.list_indices(Kind::Press, lang);
                let total = page_count(all.len(), size);
                let items = all
                    .iter()
                    .skip(n * size)
                    .take(size)
                    .filter_map(|i| self.press_card(&site.pages[*i]))
                    .collect();
                let view = PressListView {
                    title,
                    intro,
                    items,
                    pagination: self.pagination(lang, &first_url, n, total),
                    feed_href: self.href(&format!("{first_url}atom.xml")),
                };
                self.render("press_list.html", layout, &view)
            }
            Kind::Initiative => self.initiatives(lang, None, n),
            Kind::Festival => {
                let (mut upcoming, past): (Vec<FestivalCard>, Vec<FestivalCard>) = site
                    .list(Kind::Festival, lang)
                    .filter_map(|p| self.festival_card(p))
                    .partition(|f| f.upcoming);
                upcoming.reverse();
                self.render(
                    "festival_list.html",
                    layout,
                    &FestivalListView {
                        title,
                        intro,
                        upcoming,
                        past,
                    },
                )
            }
            Kind::Home | Kind::Page => Err(Diagnostic::error(
                PathBuf::from("content"),
                0,
                0,
                crate::tr!("render-internal-no-section"),
            )
            .with_hint(crate::tr!("render-internal-hint"))),
        }
    }

    fn initiatives(
        &self,
        lang: Lang,
        filter: Option<&Filter>,
        n: usize,
    ) -> Result<String, Diagnostic> {
        let site = self.site;
        let config = &site.config;
        let text = self.text(lang);
        let first_url = match filter {
            Some(f) => filter_url(site, lang, f),
            None => section_url(config, Kind::Initiative, lang),
        };
        let url = paginated_url(&first_url, lang, n);
        let facet = |filter: Option<&Filter>| {
            self.facets
                .get(&(lang, filter.cloned()))
                .map_or(&[][..], Vec::as_slice)
        };
        let all = facet(filter);
        let size = config.page_size(Kind::Initiative);
        let total = page_count(all.len(), size);
        let title = match filter {
            None => text.get("initiatives_title"),
            Some(Filter::Province(p)) => text
                .get("initiatives_in_province")
                .replace("{province}", &text.province(p)),
            Some(Filter::Theme(t)) => text
                .get("initiatives_with_theme")
                .replace("{theme}", &config.theme_label(t, lang)),
        };
        let mut province_links = Vec::new();
        for province in PROVINCES {
            let count = facet(Some(&Filter::Province(province))).len();
            if count > 0 {
                let f = Filter::Province(province);
                province_links.push(FilterLink {
                    label: text.province(province),
                    href: self.href(&filter_url(site, lang, &f)),
                    count,
                    current: filter == Some(&f),
                });
            }
        }
        // In the reader's language's order (North Holland, South Holland).
        province_links.sort_by(|a, b| a.label.cmp(&b.label));
        let mut theme_links = Vec::new();
        for (theme, _) in &config.themes {
            let f = Filter::Theme(theme.clone());
            let count = facet(Some(&f)).len();
            if count > 0 {
                theme_links.push(FilterLink {
                    label: config.theme_label(theme, lang),
                    href: self.href(&filter_url(site, lang, &f)),
                    count,
                    current: filter == Some(&f),
                });
            }
        }
        let goal_links = site
            .list(Kind::Goal, lang)
            .filter_map(|p| self.goal_card(p))
            .map(|g| FilterLink {
                label: format!("{}. {}", g.number, g.short_label.clone().unwrap_or(g.title)),
                href: g.href,
                count: 0,
                current: false,
            })
            .collect();
        let translations = self.all_languages(|l| {
            paginated_url(
                &filter.map_or_else(
                    || section_url(config, Kind::Initiative, l),
                    |f| filter_url(site, l, f),
                ),
                l,
                n,
            )
        });
        let intro = if filter.is_none() {
            text.get("initiatives_intro")
        } else {
            String::new()
        };
        let mut layout = self.layout(lang, &url, &title, &intro, &translations, &BTreeMap::new());
        if filter.is_none() && n == 0 {
            layout.untranslated = self.untranslated(Kind::Initiative, lang);
        }
        let view = InitiativesView {
            title,
            intro,
            items: all
                .iter()
                .skip(n * size)
                .take(size)
                .filter_map(|i| self.initiative_card_at(*i))
                .collect(),
            filters: vec![
                FilterGroup {
                    title: text.get("filter_province"),
                    links: province_links,
                },
                FilterGroup {
                    title: text.get("filter_theme"),
                    links: theme_links,
                },
                FilterGroup {
                    title: text.get("filter_goal"),
                    links: goal_links,
                },
            ],
            pagination: self.pagination(lang, &first_url, n, total),
            index_href: self.href(&section_url(config, Kind::Initiative, lang)),
            filtered: filter.is_some(),
        };
        self.render("initiatives.html", layout, &view)
    }

    fn browse_links(&self, lang: Lang) -> Vec<Link> {
        let config = &self.site.config;
        let text = self.text(lang);
        crate::model::KINDS
            .into_iter()
            .filter(|k| k.has_section())
            .map(|k| Link {
                label: text.get(&format!("{}_title", k.folder())),
                href: self.href(&section_url(config, k, lang)),
            })
            .collect()
    }

    fn search(&self, lang: Lang) -> Result<String, Diagnostic> {
        let site = self.site;
        let url = search_url(site, lang);
        let title = self.text(lang).get("search_title");
        let translations = self.all_languages(|l| search_url(site, l));
        let layout = self.layout(lang, &url, &title, "", &translations, &BTreeMap::new());
        let view = SearchView {
            title,
            index_href: self.href(&format!("{url}index.json")),
            browse: self.browse_links(lang),
        };
        self.render("search.html", layout, &view)
    }

    fn not_found(&self, lang: Lang) -> Result<String, Diagnostic> {
        let config = &self.site.config;
        let title = self.text(lang).get("not_found_title");
        let translations = self.all_languages(|l| format!("{}404.html", lang_prefix(config, l)));
        let mut layout = self.layout(
            lang,
            &format!("{}404.html", lang_prefix(config, lang)),
            &title,
            "",
            &translations,
            &BTreeMap::new(),
        );
        // A 404 page is no page of its own: no alternates for search engines.
        layout.alternates.clear();
        let view = NotFoundView {
            title,
            home_href: self.href(&lang_prefix(config, lang)),
            browse: self.browse_links(lang),
        };
        self.render("404.html", layout, &view)
    }
}

/// A web address as a reader reads it: `https://www.lvkk.nl/` is `lvkk.nl`.
fn url_label(url: &str) -> String {
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let host = host.strip_prefix("www.").unwrap_or(host);
    host.strip_suffix('/').unwrap_or(host).to_string()
}

/// `text` as a URL query value: letters, digits and `-._~` as they are, every other byte as
/// `%XX` (a space too, so the link is the same everywhere).
fn query_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

pub fn search_url(site: &Site, lang: Lang) -> String {
    let word = if lang == Lang::Nl { "zoeken" } else { "search" };
    format!("{}{word}/", lang_prefix(&site.config, lang))
}

fn internal(page: &Page) -> Diagnostic {
    Diagnostic::error(&page.entry.path, 0, 0, crate::tr!("render-internal-kind"))
        .with_hint(crate::tr!("render-internal-hint"))
}

/// Tera's escaping, the same five characters (`&<>"'`, so single-quoted attributes are safe
/// too), but copying the text between them in one piece: tera's own writes byte by byte, which
/// was an eighth of rendering the site.
fn escape_html(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    for (i, byte) in bytes.iter().enumerate() {
        let replacement: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[plain_from..i])?;
        out.write_all(replacement)?;
        plain_from = i + 1;
    }
    out.write_all(&bytes[plain_from..])
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    type Escape = fn(&str, &mut dyn std::io::Write) -> std::io::Result<()>;

    fn escaped(escape: Escape, text: &str) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        escape(text, &mut out)?;
        Ok(out)
    }

    #[test]
    fn escapes_exactly_as_tera_does() -> std::io::Result<()> {
        for text in [
            "",
            "plain",
            "<script>alert('x')</script>",
            "Tom & Jerry's \"café\" > <",
            "&&",
            "coöperatie’s één",
        ] {
            assert_eq!(
                escaped(super::escape_html, text)?,
                escaped(tera::escape_html, text)?,
                "{text}"
            );
        }
        Ok(())
    }
}
