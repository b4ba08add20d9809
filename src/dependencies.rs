//! The dependency map of `serve`: what each output read of the site while it was rendered
//! (`Reads`, recorded by the site's accessors as they are called), and which outputs an edit
//! changes: those whose reads would now read otherwise. Nothing here names a kind of page.

use crate::lang::Lang;
use std::cell::RefCell;
use foldhash::{HashMap, HashSet};

/// A page by language and `Page::key_hash`: the same whatever other pages come, go or move.
pub type PageRef = (Lang, u64);

/// A list of pages an output can read part of: a kind's list in one language, or a list the
/// renderer derives from the pages (the directory's facets, who names a goal), named by a
/// hash of what it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ListId {
    Section(crate::model::Kind, Lang),
    Derived(u64),
}

/// How much of a list's length an output read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// None: it read a part from the start and stopped.
    Unread,
    Exact(usize),
    /// Only how many pages of `size` it makes (a list page's pagination).
    Pages {
        size: usize,
        count: usize,
    },
}

impl Length {
    fn holds_for(self, len: usize) -> bool {
        match self {
            Length::Unread => true,
            Length::Exact(n) => n == len,
            Length::Pages { size, count } => pages(len, size) == count,
        }
    }
}

/// How many list pages of `size` entries `len` entries fill (at least one).
pub fn pages(len: usize, size: usize) -> usize {
    len.div_ceil(size.max(1)).max(1)
}

/// A part of a list an output read: the pages from `start` on (their keys), and its length.
#[derive(Debug, Clone)]
pub struct ListRead {
    list: ListId,
    start: usize,
    keys: Vec<u64>,
    length: Length,
}

/// Everything one output read of the site.
#[derive(Debug, Clone, Default)]
pub struct Reads {
    /// Pages it read, or looked for and did not find.
    pages: Vec<PageRef>,
    /// Pages it asked only whether they exist.
    exists: Vec<PageRef>,
    lists: Vec<ListRead>,
    /// Languages every page of which it reads (a search index).
    every_page: Vec<Lang>,
    /// Languages the address of every page of which it reads (the sitemap).
    every_address: Vec<Lang>,
}

impl Reads {
    fn extend(&mut self, other: &Reads) {
        self.pages.extend_from_slice(&other.pages);
        self.exists.extend_from_slice(&other.exists);
        self.lists.extend_from_slice(&other.lists);
        self.every_page.extend_from_slice(&other.every_page);
        self.every_address.extend_from_slice(&other.every_address);
    }

    /// Whether what these reads read is otherwise now: one of the `changed` pages, or a list
    /// whose keys (`lists`: every list's keys now) or length differ.
    pub fn changed(&self, changed: &Changed, lists: &HashMap<ListId, Vec<u64>>) -> bool {
        (self.every_page.iter()).any(|lang| changed.langs.contains(lang))
            || (self.every_address.iter()).any(|lang| changed.addresses.contains(lang))
            || self.pages.iter().any(|page| changed.pages.contains(page))
            || self
                .exists
                .iter()
                .any(|page| changed.came_or_went.contains(page))
            || self.lists.iter().any(|read| {
                let now = lists.get(&read.list).map_or(&[][..], Vec::as_slice);
                let part = now.get(read.start..read.start + read.keys.len());
                part != Some(read.keys.as_slice()) || !read.length.holds_for(now.len())
            })
    }
}

/// The pages an edit changed (their entry, Markdown or address is another, or they appeared
/// or went), their languages, and those of the pages at another address than before (or that
/// appeared or went).
#[derive(Debug, Default, Clone)]
pub struct Changed {
    pub pages: HashSet<PageRef>,
    pub langs: HashSet<Lang>,
    pub addresses: HashSet<Lang>,
    /// The pages of `pages` that appeared or went.
    pub came_or_went: HashSet<PageRef>,
}

thread_local! {
    /// The reads of the outputs being rendered on this thread, innermost last: a job that runs
    /// while another waits on this thread (rayon) records into its own frame.
    static FRAMES: RefCell<Vec<Option<Reads>>> = const { RefCell::new(Vec::new()) };
}

/// Whether reads are being recorded on this thread now.
pub fn recording() -> bool {
    FRAMES.with(|frames| frames.borrow().last().is_some_and(Option::is_some))
}

fn with_frame(record: impl FnOnce(&mut Reads)) {
    FRAMES.with(|frames| {
        if let Some(Some(reads)) = frames.borrow_mut().last_mut() {
            record(reads);
        }
    });
}

/// Runs `make`, recording what it reads; returns that beside its result.
pub fn record<T>(make: impl FnOnce() -> T) -> (T, Reads) {
    FRAMES.with(|frames| frames.borrow_mut().push(Some(Reads::default())));
    let made = make();
    let reads = FRAMES.with(|frames| frames.borrow_mut().pop().flatten());
    (made, reads.unwrap_or_default())
}

/// Runs `make` without recording what it reads: something made once and shared by many
/// outputs, which record what they read of it themselves.
pub fn unrecorded<T>(make: impl FnOnce() -> T) -> T {
    FRAMES.with(|frames| frames.borrow_mut().push(None));
    let made = make();
    FRAMES.with(|frames| frames.borrow_mut().pop());
    made
}

/// Adds what something made once read (a card, a language's menu) to the output using it.
pub fn replay(reads: &Reads) {
    with_frame(|frame| frame.extend(reads));
}

pub fn read_page(page: PageRef) {
    with_frame(|frame| frame.pages.push(page));
}

pub fn read_existence(page: PageRef) {
    with_frame(|frame| frame.exists.push(page));
}

pub fn read_every_page(lang: Lang) {
    with_frame(|frame| frame.every_page.push(lang));
}

pub fn read_every_address(lang: Lang) {
    with_frame(|frame| frame.every_address.push(lang));
}

/// Records a read of `list`: the keys of its pages from `start` on, and its length.
pub fn read_list(list: ListId, start: usize, keys: impl Iterator<Item = u64>, length: Length) {
    with_frame(|frame| {
        frame.lists.push(ListRead {
            list,
            start,
            keys: keys.collect(),
            length,
        })
    });
}

/// What every output of the last good render read, by output path.
#[derive(Default)]
pub struct DependencyMap {
    reads: HashMap<String, Reads>,
}

impl DependencyMap {
    pub fn get(&self, path: &str) -> Option<&Reads> {
        self.reads.get(path)
    }

    pub fn paths(&self) -> impl Iterator<Item = &String> {
        self.reads.keys()
    }

    /// Puts in what a render recorded; after a partial one (`planned`: the path of every output
    /// the site has now), takes out the outputs it no longer has, and returns their paths.
    pub fn update(
        &mut self,
        recorded: Vec<(String, Reads)>,
        planned: Option<&HashSet<String>>,
    ) -> Vec<String> {
        let mut gone = Vec::new();
        match planned {
            Some(planned) => self.reads.retain(|path, _| {
                let keep = planned.contains(path);
                if !keep {
                    gone.push(path.clone());
                }
                keep
            }),
            None => self.reads.clear(),
        }
        self.reads.extend(recorded);
        gone.sort();
        gone
    }
}
