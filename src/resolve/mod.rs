//! Turns parsed entries into a `Site`: drafts and embargo held back, nl/en paired, permalinks
//! computed, references and internal links checked, Markdown rendered (in parallel), lists
//! sorted and indexed once. Pure: no I/O, no HTML templates.

use crate::config::{Config, MenuItem};
use crate::diagnostic::{Diagnostic, Diagnostics, display_path, suggest};
use crate::images::{ImageInfo, Picture};
use crate::incremental::dependencies;
use crate::lang::Lang;
use crate::load::Asset;
use crate::markdown::{self, LinkResolver, RenderInput, Rendered, Resolved};
use crate::model::{Body, Entry, EntryData, Kind, Role};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

mod between;
mod cache;
mod hashes;
mod held_files;
mod kept_checks;
mod kept_metadata;
mod links;
mod order;
mod page;
mod placement;
mod urls;
use between::{Between, check_between_pages};
pub use cache::*;
use hashes::*;
pub use kept_checks::KeptChecks;
use links::*;
use order::*;
pub use page::*;
pub use placement::KeptPlacement;
use placement::{Lists, Placed, Readdressed, place};
pub use urls::*;

#[derive(Debug, Clone)]
pub struct ResolveOptions {
    /// Publish drafts and embargoed press releases too (`--drafts`).
    pub drafts: bool,
    /// "Now" for the embargo of press releases dated in the future.
    pub today: Date,
}

/// Something left out of the build, for `check` to list.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct HeldBack {
    pub path: PathBuf,
    pub reason: String,
}

/// The published asset: where it comes from and its path below the site root.
#[derive(Debug, Clone)]
pub struct PublishedAsset {
    pub source: Asset,
    pub url: String,
}

pub struct Site {
    pub config: Config,
    /// Sorted by kind, then the kind's list order, then language.
    pub pages: Vec<Page>,
    index: Arc<PageIndex>,
    /// Per kind and language, in list order (press newest first, goals by number, …).
    lists: Arc<Lists>,
    pub assets: Vec<PublishedAsset>,
    pub held_back: Vec<HeldBack>,
    /// Raster images that can be published, by kind and path in the kind's folder.
    pub images: HashMap<(Kind, String), ImageInfo>,
    /// See `frame_hash`: everything but the pages that an output depends on. With it
    /// unchanged, a page that changed, appeared or went changes only what shows or links to it.
    pub frame: u64,
    /// Files beside the content held back with drafts and embargoed releases (`held_files`).
    pub held_files: BTreeSet<(Kind, String)>,
    /// Images whose original the editor asked to keep byte for byte (`keep_metadata`).
    pub keep_metadata: BTreeSet<(Kind, String)>,
    /// The build's date (`--today`): what is embargoed, and which festivals are still to come.
    pub today: Date,
}

impl Site {
    /// The `<picture>` sources of an image named in an entry's front matter or text.
    pub fn picture(&self, kind: Kind, file: &str) -> Option<Picture> {
        let relative = normalize_relative(file)?;
        let info = self.images.get(&(kind, relative.clone()))?;
        let base = self.config.base_path();
        Some(Picture::new(
            info,
            &asset_url(&self.config, kind, &relative),
            &|p| format!("{base}{p}"),
        ))
    }

    /// The entry's page in `lang`. (`serve` records the read, found or not: a page that
    /// appears later changes what was read.)
    pub fn page(&self, kind: Kind, stem: &str, lang: Lang) -> Option<&Page> {
        if dependencies::recording() {
            dependencies::read_page((lang, key_hash(kind, stem)));
        }
        self.index
            .get(&self.pages, kind, stem, lang)
            .map(|i| &self.pages[i])
    }

    /// The page at position `i` in `pages`, its read recorded.
    pub fn page_at(&self, i: usize) -> Option<&Page> {
        self.pages.get(i).map(|page| self.read(page))
    }

    /// The position in `pages` of the entry's page in `lang`.
    pub fn index_of(&self, kind: Kind, stem: &str, lang: Lang) -> Option<usize> {
        self.index.get(&self.pages, kind, stem, lang)
    }

    /// A kind's pages in `lang`, in list order. What is read is recorded: each page taken,
    /// the keys of those taken, and the list's length when it is read to the end.
    pub fn list(&self, kind: Kind, lang: Lang) -> Listed<'_> {
        Listed {
            site: self,
            list: dependencies::ListId::Section(kind, lang),
            positions: self.list_indices(kind, lang),
            taken: 0,
            recording: dependencies::recording(),
        }
    }

    /// `page`, its read recorded.
    pub fn read<'p>(&self, page: &'p Page) -> &'p Page {
        if dependencies::recording() {
            record_read(page);
        }
        page
    }

    /// How many pages of `size` a kind's list in `lang` fills, its read recorded.
    pub fn list_pages(&self, kind: Kind, lang: Lang, size: usize) -> usize {
        let count = dependencies::pages(self.list_indices(kind, lang).len(), size);
        let length = dependencies::Length::Pages { size, count };
        let list = dependencies::ListId::Section(kind, lang);
        dependencies::read_list(list, 0, std::iter::empty(), length);
        count
    }

    /// Positions in `pages` of a kind's list, not recorded: for what is made once for many
    /// outputs, which record what they read of it.
    pub fn list_indices(&self, kind: Kind, lang: Lang) -> &[usize] {
        self.lists.get(&(kind, lang)).map_or(&[], Vec::as_slice)
    }

    /// The key of each page of every list, for comparing what an output read of a list with
    /// the list now (`dependencies::Reads::changed`).
    pub fn list_keys(&self) -> HashMap<dependencies::ListId, Vec<u64>> {
        (self.lists.iter())
            .map(|((kind, lang), positions)| {
                let keys = positions.iter().map(|i| self.pages[*i].key_hash).collect();
                (dependencies::ListId::Section(*kind, *lang), keys)
            })
            .collect()
    }

    /// The goal with this number in this language.
    pub fn goal(&self, number: u8, lang: Lang) -> Option<&Page> {
        self.list(Kind::Goal, lang)
            .find(|p| matches!(&p.entry.data, EntryData::Goal(g) if g.number.value == number))
    }

    /// The URL of the entry in another language, if it is published there.
    pub fn translation(&self, page: &Page, lang: Lang) -> Option<&Page> {
        self.page(page.kind, &page.entry.stem, lang)
    }

    /// The pages of `kind` in the other languages (in site.yaml's order) whose entry has none
    /// in `lang`, by position, each entry once under the first language that has it. Nothing
    /// is recorded as read: the renderer records what it shows as a list of its own, so an
    /// output does not read every page of a kind's list in every language (200,000 at a
    /// large site) to show the few that have no translation.
    pub fn untranslated(&self, kind: Kind, lang: Lang) -> Vec<(Lang, Vec<usize>)> {
        let mut named = std::collections::HashSet::new();
        (self.config.languages.iter())
            .filter(|other| **other != lang)
            .map(|other| {
                let positions = (self.list_indices(kind, *other).iter().copied())
                    .filter(|i| {
                        self.index.translation(&self.pages, *i, lang).is_none()
                            && named.insert(&*self.pages[*i].key)
                    })
                    .collect();
                (*other, positions)
            })
            .collect()
    }
}

/// Records that `page` was read, by the key that outlives its position.
fn record_read(page: &Page) {
    dependencies::read_page((page.lang, page.key_hash));
}

/// The pages of a list (`Site::list`), recording what is taken of it.
pub struct Listed<'a> {
    site: &'a Site,
    list: dependencies::ListId,
    positions: &'a [usize],
    taken: usize,
    recording: bool,
}

impl<'a> Iterator for Listed<'a> {
    type Item = &'a Page;

    fn next(&mut self) -> Option<&'a Page> {
        let position = *self.positions.get(self.taken)?;
        self.taken += 1;
        let page = &self.site.pages[position];
        if self.recording {
            record_read(page);
        }
        Some(page)
    }
}

impl Drop for Listed<'_> {
    fn drop(&mut self) {
        if !self.recording {
            return;
        }
        let taken = &self.positions[..self.taken.min(self.positions.len())];
        let length = if self.taken >= self.positions.len() {
            dependencies::Length::Exact(self.positions.len())
        } else {
            dependencies::Length::Unread
        };
        let keys = taken.iter().map(|i| self.site.pages[*i].key_hash);
        dependencies::read_list(self.list.clone(), 0, keys, length);
    }
}

/// What `resolve` works from: the parsed entries, the files beside them, and which language
/// files exist at all (also those that failed to parse or are drafts), so one mistake is not
/// reported again as a missing page.
pub struct ResolveInput<'a> {
    pub entries: Vec<Arc<Entry>>,
    pub assets: Vec<Asset>,
    pub files: Arc<crate::load::EntryFiles>,
    /// What the header of each raster asset says, or why it cannot be used.
    pub images: crate::images::Headers,
    /// Rendered Markdown from the previous build (`serve`).
    pub markdown_cache: Option<&'a MarkdownCache>,
    /// The pages of the previous build, placed (`serve`).
    pub placement: Option<&'a KeptPlacement>,
    /// What the checks between pages found at the previous build (`serve`).
    pub checks: Option<&'a KeptChecks>,
}

pub fn resolve(
    config: Config,
    input: ResolveInput,
    options: &ResolveOptions,
    diagnostics: &mut Diagnostics,
) -> Site {
    let ResolveInput {
        entries,
        assets,
        files,
        images,
        markdown_cache,
        placement,
        checks,
    } = input;
    let Publication {
        published,
        held_back,
        held_keys,
        held_files,
    } = hold_back(&config, entries, options);
    let Placed {
        mut pages,
        index,
        lists,
        clashes,
        readdressed,
    } = place(&config, published, placement);
    let assets = (assets.into_iter())
        .filter(|a| !held_files.contains(&(a.kind, a.relative.clone())))
        .collect();
    let published_assets = publish_assets(&config, assets);
    let asset_set = asset_set(&published_assets);
    let (bodies, asking) = take_bodies(&mut pages);
    let keep_metadata = kept_metadata::kept_metadata(&pages, (&bodies, &asking), diagnostics);
    let between = Between {
        config: &config,
        pages: &pages,
        index: &index,
        files: &files.files,
        // Every stem that exists in some language, published or not: "missing", not "draft".
        all_keys: &files.keys,
        assets: &asset_set,
        held_files: &held_files,
        images: &images,
        clashes: &clashes,
    };
    let hashes = check_and_hash(&between, (&held_keys, checks), diagnostics);
    // Which pages are at another address than at the last resolve: the placement knows.
    let moved = markdown_cache.map(|cache| moved_pages(cache, readdressed));
    let rendered = render_all(
        &between,
        (&held_keys, &hashes),
        (markdown_cache, moved),
        bodies,
    );
    let anchored = set_rendered(&mut pages, rendered, diagnostics);
    check_anchors(&pages, &index, &anchored, diagnostics);
    Site {
        config,
        pages,
        index,
        lists,
        assets: published_assets,
        held_back,
        held_files,
        images: usable_images(images),
        keep_metadata,
        frame: hashes.frame,
        today: options.today,
    }
}

/// The hashes Markdown kept by `serve` is checked against (see `CachedMarkdown`).
struct Hashes {
    frame: u64,
    keys: u64,
}

/// Runs the checks between pages, beside the hashes of the site (neither waits for the
/// other), and reports what the checks found.
fn check_and_hash(
    between: &Between<'_>,
    (held_keys, kept): (&BTreeSet<(Kind, String)>, Option<&KeptChecks>),
    diagnostics: &mut Diagnostics,
) -> Hashes {
    // First: what the checks kept by `serve` read includes it.
    let frame = frame_hash(held_keys, between.assets, between.images, between.config);
    let (found, keys) = rayon::join(
        || check_between_pages(between, (kept, frame)),
        || keys_hash(between.all_keys),
    );
    for d in found {
        diagnostics.push(d);
    }
    Hashes { frame, keys }
}

/// Every page's Markdown as HTML (in parallel), and what rendering found.
fn render_all(
    between: &Between<'_>,
    (held_keys, hashes): (&BTreeSet<(Kind, String)>, &Hashes),
    (markdown_cache, moved): (Option<&MarkdownCache>, Option<Moved>),
    bodies: Vec<Body>,
) -> Vec<MadeMarkdown> {
    let base_path = between.config.base_path();
    let (moved, generation) = moved.unwrap_or((Readdressed::All, 0));
    // Read by every worker under one lock, taken once: a lock per page made the two threads
    // fight over it. What is rendered now is kept after, under the write lock.
    let kept = markdown_cache.and_then(|cache| cache.pages.read().ok());
    let targets = LinkTargets {
        config: between.config,
        pages: between.pages,
        index: between.index,
        all_keys: between.all_keys,
        held_back: held_keys,
        assets: between.assets,
        held_files: between.held_files,
        images: between.images,
        base_path: &base_path,
        frame: hashes.frame,
        keys_hash: hashes.keys,
        kept: kept.as_deref(),
        moved: &moved,
        generation,
    };
    let made: Vec<MadeMarkdown> = (between.pages.par_iter().enumerate())
        .zip(bodies)
        .map(|((i, page), body)| targets.render_markdown(i, page, body))
        .collect();
    drop(kept);
    let mut made = made;
    if let Some(cache) = markdown_cache
        && let Ok(mut pages) = cache.pages.write()
    {
        let found = (made.iter_mut()).map(|m| std::mem::replace(&mut m.keep, Found::Uncached));
        pages.keep(between.pages, found.collect());
    }
    made
}

/// The images that can be published, with what their headers say.
fn usable_images(images: crate::images::Headers) -> HashMap<(Kind, String), ImageInfo> {
    images
        .into_iter()
        .filter_map(|(key, info)| info.ok().map(|i| (key, i)))
        .collect()
}

/// The entries that are published, in the order they came, and those held back.
struct Publication {
    published: Vec<Arc<Entry>>,
    /// Drafts and embargoed press releases, sorted, with the reason for `check`.
    held_back: Vec<HeldBack>,
    /// (kind, stem) of every entry not published in some language.
    held_keys: BTreeSet<(Kind, String)>,
    /// The files beside the content only held-back entries use (`held_files`).
    held_files: BTreeSet<(Kind, String)>,
}

/// Sorts out what is published: drafts and embargoed press releases are held back, unless
/// `--drafts` asks for everything.
fn hold_back(config: &Config, entries: Vec<Arc<Entry>>, options: &ResolveOptions) -> Publication {
    let mut held_back = Vec::new();
    let mut held_keys: BTreeSet<(Kind, String)> = BTreeSet::new();
    let mut published: Vec<Arc<Entry>> = Vec::with_capacity(entries.len());
    let mut held_entries = Vec::new();
    for entry in entries {
        if options.drafts {
            published.push(entry);
            continue;
        }
        if !is_published(&entry, options) {
            held_keys.insert((entry.kind, entry.stem.clone()));
        }
        if entry.draft {
            held_back.push(HeldBack {
                path: entry.path.clone(),
                reason: crate::tr!("resolve-held-draft"),
            });
            held_entries.push(entry);
            continue;
        }
        if let EntryData::Press(press) = &entry.data
            && press.date > options.today
        {
            held_back.push(HeldBack {
                path: entry.path.clone(),
                reason: crate::tr!("resolve-held-embargo", date = press.date.to_string()),
            });
            held_entries.push(entry);
            continue;
        }
        published.push(entry);
    }
    let held_files = held_files::held_files(config, &held_entries, &published);
    held_back.sort();
    Publication {
        published,
        held_back,
        held_keys,
        held_files,
    }
}

/// Every file beside the content, with the address it is published at.
fn publish_assets(config: &Config, assets: Vec<Asset>) -> Vec<PublishedAsset> {
    assets
        .into_iter()
        .map(|source| PublishedAsset {
            url: asset_url(config, source.kind, &source.relative),
            source,
        })
        .collect()
}

/// The Markdown sources of the pages, taken out of their entries where no one else holds them.
/// Takes each page's Markdown source; with the pages whose entry asks to keep photos'
/// metadata (`kept_metadata`), noted while each entry is read here anyway.
fn take_bodies(pages: &mut [Page]) -> (Vec<Body>, Vec<usize>) {
    // Each Markdown source is dropped as soon as it is rendered, so the sources and the HTML of
    // every page are never all held at once. Side by side: each page's entry is read.
    let (bodies, asks): (Vec<Body>, Vec<bool>) = pages
        .par_iter_mut()
        .map(|page| {
            let asks = !page.entry.keep_metadata.is_empty();
            let body = match Arc::get_mut(&mut page.entry) {
                Some(entry) => std::mem::take(&mut entry.body),
                // Shared with the cache of `serve`, which keeps it anyway.
                None => page.entry.body.clone(),
            };
            (body, asks)
        })
        .unzip();
    let asking = (asks.iter().enumerate())
        .filter(|(_, asks)| **asks)
        .map(|(i, _)| i);
    (bodies, asking.collect())
}

/// Gives each page its rendered Markdown and reports what rendering found; returns the pages
/// whose Markdown links to anchors on other pages.
fn set_rendered(
    pages: &mut [Page],
    made: Vec<MadeMarkdown>,
    diagnostics: &mut Diagnostics,
) -> Vec<usize> {
    let mut anchored = Vec::new();
    for (i, (page, made)) in pages.iter_mut().zip(made).enumerate() {
        page.set_rendered(made.rendered);
        if made.links_to_anchors {
            anchored.push(i);
        }
        for d in made.found {
            diagnostics.push(d);
        }
    }
    anchored
}

/// Reports every link to an anchor that the page linked to does not have.
fn check_anchors(
    pages: &[Page],
    index: &PageIndex,
    anchored: &[usize],
    diagnostics: &mut Diagnostics,
) {
    let found: Vec<Vec<Diagnostic>> = (anchored.par_iter())
        .map(|i| anchor_problems(pages, index, *i))
        .collect();
    for d in found.into_iter().flatten() {
        diagnostics.push(d);
    }
}

/// The files beside the content, by kind and path in the kind's folder.
fn asset_set(assets: &[PublishedAsset]) -> BTreeSet<(Kind, &str)> {
    assets
        .iter()
        .map(|a| (a.source.kind, a.source.relative.as_str()))
        .collect()
}
