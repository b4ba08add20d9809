//! Rendered Markdown kept between the builds of `serve`, how many times addresses changed
//! since, and rendering a page's Markdown through it (`LinkTargets`).

use super::*;

/// Rendered Markdown kept between the builds of `serve`, by language file, with the addresses
/// of the pages when it was last brought up to date.
#[derive(Default)]
pub struct MarkdownCache {
    /// Keyed by the path's bytes (hashing a `Path` splits it into components).
    pub(super) pages: std::sync::RwLock<KeptMarkdown>,
    /// How many times pages came, went or moved to another address (`Placed::readdressed`):
    /// see `CachedMarkdown::checked`.
    generation: std::sync::atomic::AtomicU64,
}

/// The Markdown kept, by language file, and by page in the order of the last resolve.
#[derive(Default)]
pub(super) struct KeptMarkdown {
    by_path: HashMap<std::ffi::OsString, Arc<CachedMarkdown>>,
    /// Each page's at the last resolve, at its place: an edit leaves the pages where they
    /// were, and a page found there by its body is spared a search by path (a tenth of an
    /// edit at 100,000 entries).
    in_order: Vec<Arc<CachedMarkdown>>,
}

/// A page's Markdown as HTML, what rendering it found, and how it was found (`Found`).
pub(super) struct MadeMarkdown {
    pub(super) rendered: Arc<Rendered>,
    pub(super) found: Vec<Diagnostic>,
    /// `Rendered::anchor_links` is not empty: kept beside, so that the check of the anchors
    /// asks only those pages, without reading every page's Markdown (200,000 at a large site).
    pub(super) links_to_anchors: bool,
    pub(super) keep: Found,
}

/// Where a page's Markdown came from: kept at a place (its own, or one off when a page came
/// or went before it), kept by its path, or rendered now.
pub(super) enum Found {
    AtPlace(usize),
    ByPath(Arc<CachedMarkdown>),
    Rendered(Arc<CachedMarkdown>),
    /// Rendered without a cache (`build`, `check`).
    Uncached,
}

impl KeptMarkdown {
    /// Keeps what a resolve found for each page, in the order of `pages`: in place when every
    /// page was found at its place or rendered now, else in a new order.
    pub(super) fn keep(&mut self, pages: &[Page], found: Vec<Found>) {
        let same_places = found.len() == self.in_order.len()
            && (found.iter().enumerate()).all(|(i, f)| {
                matches!(f, Found::AtPlace(j) if *j == i) || matches!(f, Found::Rendered(_))
            });
        // Moved to their new places, not copied: a copy writes the count of each.
        let mut before: Vec<Option<Arc<CachedMarkdown>>> = match same_places {
            true => Vec::new(),
            false => std::mem::replace(&mut self.in_order, Vec::with_capacity(found.len()))
                .into_iter()
                .map(Some)
                .collect(),
        };
        for (i, (page, found)) in pages.iter().zip(found).enumerate() {
            let cached = match found {
                Found::AtPlace(_) if same_places => continue,
                Found::AtPlace(j) => match before.get_mut(j).and_then(Option::take) {
                    Some(cached) => cached,
                    None => return self.in_order.clear(),
                },
                Found::ByPath(cached) => cached,
                Found::Rendered(cached) => {
                    let path = page.entry.path.as_os_str().to_owned();
                    self.by_path.insert(path, cached.clone());
                    cached
                }
                // Nothing to keep (`build`): not called for it.
                Found::Uncached => return self.in_order.clear(),
            };
            match same_places {
                true => self.in_order[i] = cached,
                false => self.in_order.push(cached),
            }
        }
    }

    /// What was kept for the page at `i` with this body: at its place (or one off, when a
    /// page came or went before it), with that place, else by its path. At a place it is
    /// known by its text's pointer: each file is read into a text of its own.
    fn get(
        &self,
        i: usize,
        page: &Page,
        body: &Body,
    ) -> Option<(&Arc<CachedMarkdown>, Option<usize>)> {
        let is_at = |j: usize| self.in_order.get(j).is_some_and(|c| c.body.is(body));
        if let Some(j) = place_beside(i, is_at)
            && let Some(cached) = self.in_order.get(j)
        {
            return Some((cached, Some(j)));
        }
        let cached = self.by_path.get(page.entry.path.as_os_str())?;
        Some((cached, None))
    }
}

pub(super) struct CachedMarkdown {
    /// The source, kept so an unchanged one is recognised by pointer, without reading it.
    pub(super) body: Body,
    /// The line the body starts on, which the positions of its problems count from.
    pub(super) first_line: usize,
    /// `Site::frame` when it was rendered: links to files, images and sections depend on it.
    pub(super) frame: u64,
    /// The hash of every entry's key when it was rendered, when one of its `@/` links found no
    /// page: what that link says (the error, "did you mean") depends on which entries exist.
    /// Links that found a page are in `Rendered::links_to`, checked by address instead.
    pub(super) keys: Option<u64>,
    /// `MarkdownCache::generation` when it was last known to hold: it links to pages
    /// (`Rendered::links_to`), whose addresses may have changed since.
    pub(super) checked: std::sync::atomic::AtomicU64,
    /// See `MadeMarkdown::links_to_anchors`.
    pub(super) links_to_anchors: bool,
    pub(super) rendered: Arc<Rendered>,
    pub(super) found: Vec<Diagnostic>,
}

/// The pages at another address since the last resolve, and the generation of addresses
/// they make (see `CachedMarkdown::checked`).
pub(super) type Moved = (Readdressed, u64);

/// `readdressed` with the generation of addresses: a new one when any page is.
pub(super) fn moved_pages(cache: &MarkdownCache, readdressed: Readdressed) -> Moved {
    use std::sync::atomic::Ordering;
    let unchanged = matches!(&readdressed, Readdressed::Keys(keys) if keys.is_empty());
    let generation = match unchanged {
        true => cache.generation.load(Ordering::Relaxed),
        false => cache.generation.fetch_add(1, Ordering::Relaxed) + 1,
    };
    (readdressed, generation)
}

/// Everything a page's Markdown links resolve against, and where rendered Markdown is kept.
pub(super) struct LinkTargets<'a> {
    pub(super) config: &'a Config,
    pub(super) pages: &'a [Page],
    pub(super) index: &'a PageIndex,
    pub(super) all_keys: &'a BTreeSet<(Kind, String)>,
    /// Entries left out as drafts or embargoed, in any language.
    pub(super) held_back: &'a BTreeSet<(Kind, String)>,
    pub(super) assets: &'a BTreeSet<(Kind, &'a str)>,
    /// Files beside the content held back with the entries that use them (`held_files`).
    pub(super) held_files: &'a BTreeSet<(Kind, String)>,
    pub(super) images: &'a crate::images::Headers,
    pub(super) base_path: &'a str,
    pub(super) frame: u64,
    /// A hash of every entry's key (see `CachedMarkdown::keys`).
    pub(super) keys_hash: u64,
    /// What `serve` kept, read under one lock for the whole resolve (see `incremental::Kept`).
    pub(super) kept: Option<&'a KeptMarkdown>,
    /// Pages at a new address since the last resolve, and the generation of addresses.
    pub(super) moved: &'a Readdressed,
    pub(super) generation: u64,
}

impl LinkTargets<'_> {
    /// The page's Markdown as HTML and what rendering it found: taken from the cache when the
    /// body and everything links resolve against are as when it was rendered. When rendered
    /// now for `serve`, also what to keep of it.
    pub(super) fn render_markdown(&self, i: usize, page: &Page, body: Body) -> MadeMarkdown {
        let Some(kept) = self.kept else {
            let (rendered, found) = self.render_body(page, &body);
            return MadeMarkdown {
                links_to_anchors: !rendered.anchor_links.is_empty(),
                rendered: Arc::new(rendered),
                found,
                keep: Found::Uncached,
            };
        };
        if let Some((cached, at_place)) = kept.get(i, page, &body)
            && cached.frame == self.frame
            && cached.keys.is_none_or(|keys| keys == self.keys_hash)
            && cached.first_line == page.entry.body_line
            && cached.body.same_as(&body)
            && self.still_links_the_same(cached)
        {
            let keep = match at_place {
                Some(j) => Found::AtPlace(j),
                None => Found::ByPath(cached.clone()),
            };
            return MadeMarkdown {
                rendered: cached.rendered.clone(),
                found: cached.found.clone(),
                links_to_anchors: cached.links_to_anchors,
                keep,
            };
        }
        let (mut rendered, found) = self.render_body(page, &body);
        rendered.pack();
        let rendered = Arc::new(rendered);
        let keep = CachedMarkdown {
            body,
            first_line: page.entry.body_line,
            frame: self.frame,
            keys: rendered.links_unresolved.then_some(self.keys_hash),
            checked: self.generation.into(),
            links_to_anchors: !rendered.anchor_links.is_empty(),
            rendered: rendered.clone(),
            found: found.clone(),
        };
        MadeMarkdown {
            links_to_anchors: keep.links_to_anchors,
            rendered,
            found,
            keep: Found::Rendered(Arc::new(keep)),
        }
    }

    /// Renders the page's Markdown (read only now: `serve` keeps it packed); the problems
    /// found are returned beside it.
    fn render_body(&self, page: &Page, body: &Body) -> (Rendered, Vec<Diagnostic>) {
        let resolver = SiteLinks {
            targets: self,
            from: &page.entry,
            suggestions: std::cell::Cell::new(0),
        };
        let markdown = body.read();
        let input = RenderInput {
            markdown: &markdown,
            path: &page.entry.path,
            first_line: page.entry.body_line,
        };
        let mut rendered = markdown::render(&input, &resolver);
        let found = std::mem::take(&mut rendered.diagnostics);
        (rendered, found)
    }

    /// Whether every page `cached` links to is at the address it was when it was rendered:
    /// it was known to hold at the previous generation of addresses, and none of its pages
    /// moved since; or at this one.
    fn still_links_the_same(&self, cached: &CachedMarkdown) -> bool {
        use std::sync::atomic::Ordering;
        let checked = cached.checked.load(Ordering::Relaxed);
        if checked == self.generation {
            return true;
        }
        let links_to = &cached.rendered.links_to;
        let holds = checked.checked_add(1) == Some(self.generation)
            && match self.moved {
                Readdressed::Keys(keys) => !links_to.iter().any(|key| keys.contains(key.as_str())),
                Readdressed::All => links_to.is_empty(),
            };
        if holds {
            cached.checked.store(self.generation, Ordering::Relaxed);
        }
        holds
    }
}
