//! The dependency map of `serve`: what each output read of the site while it was rendered
//! (`Reads`, recorded by the site's accessors as they are called), and which outputs an edit
//! changes: those whose reads would now read otherwise. Nothing here names a kind of page.

use crate::lang::Lang;
use foldhash::{HashMap, HashSet};
use std::cell::RefCell;

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
    lists: Vec<ListRead>,
    /// Languages every page of which it reads (a search index).
    every_page: Vec<Lang>,
    /// Languages the address of every page of which it reads (the sitemap).
    every_address: Vec<Lang>,
}

impl Reads {
    fn extend(&mut self, other: &Reads) {
        self.pages.extend_from_slice(&other.pages);
        self.lists.extend_from_slice(&other.lists);
        self.every_page.extend_from_slice(&other.every_page);
        self.every_address.extend_from_slice(&other.every_address);
    }

    /// Each page once, and no spare room: a directory page reads the same goals and partners
    /// through many cards, and `serve` keeps the reads of every output.
    fn compact(&mut self) {
        self.pages.sort_unstable();
        self.pages.dedup();
        self.pages.shrink_to_fit();
        self.lists.shrink_to_fit();
    }

    /// Whether what these reads read is otherwise now: one of the `changed` pages, or a list
    /// whose keys (`lists`: every list's keys now) or length differ.
    pub fn changed(&self, changed: &Changed, lists: &HashMap<ListId, Vec<u64>>) -> bool {
        (self.every_page.iter()).any(|lang| changed.langs.contains(lang))
            || (self.every_address.iter()).any(|lang| changed.addresses.contains(lang))
            || self.pages.iter().any(|page| changed.pages.contains(page))
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
    let mut reads = FRAMES.with(|frames| frames.borrow_mut().pop().flatten());
    reads.iter_mut().for_each(Reads::compact);
    (made, reads.unwrap_or_default())
}

/// `record`, when what the caller reads is recorded (`serve`); else `make` alone.
pub fn record_if_recording<T>(make: impl FnOnce() -> T) -> (T, Reads) {
    if recording() {
        record(make)
    } else {
        (make(), Reads::default())
    }
}

/// What `make` gives, made once into `cell` for many outputs (a language's layout, the
/// directory's filters): what making it read is kept with it and added to every output
/// that takes it.
pub fn made_once<T>(cell: &std::sync::OnceLock<(T, Reads)>, make: impl FnOnce() -> T) -> &T {
    let (made, reads) = cell.get_or_init(|| record_if_recording(make));
    replay(reads);
    made
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

/// An output by what it is (an entry's page, page 3 of a list), whatever its path.
pub type OutputKey = u64;

/// The key of an output described by `what`: the same in every build of the process.
pub fn output_key(what: &impl std::hash::Hash) -> OutputKey {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().hash_one(what)
}

/// Something an output can read, to find the outputs that read it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Source {
    Page(PageRef),
    List(ListId),
    EveryPage(Lang),
    EveryAddress(Lang),
}

impl Reads {
    fn sources(&self) -> impl Iterator<Item = Source> + '_ {
        let pages = self.pages.iter().map(|p| Source::Page(*p));
        let lists = self.lists.iter().map(|l| Source::List(l.list.clone()));
        let every_page = self.every_page.iter().map(|l| Source::EveryPage(*l));
        let every_address = self.every_address.iter().map(|l| Source::EveryAddress(*l));
        pages.chain(lists).chain(every_page).chain(every_address)
    }
}

/// One output of the last good render: where it is written and what it read.
struct Output {
    path: String,
    reads: Reads,
}

/// What a render of `serve` recorded: each output made, by key, with its path and reads;
/// which outputs of the render before the site still has; and every list's keys.
#[derive(Debug, Default)]
pub struct Recorded {
    pub outputs: Vec<(OutputKey, String, Reads)>,
    pub still_there: StillThere,
    pub lists: HashMap<ListId, Vec<u64>>,
    /// The key of each output of the render's plan, in its order.
    pub planned: Vec<Option<OutputKey>>,
}

/// Which outputs of the last good render the site still has.
#[derive(Debug, Default)]
pub enum StillThere {
    /// A full render: what it recorded replaces everything before.
    #[default]
    Replaced,
    /// A partial render of a site that has every output it had (an edit that took none away):
    /// a large site's keys are not gathered for it.
    Every,
    /// A partial render: the key of every output the site has now.
    Only(HashSet<OutputKey>),
}

/// What every output of the last good render read, and who read each thing: an edit finds the
/// outputs to make again from what changed, without asking every output.
#[derive(Default)]
pub struct DependencyMap {
    outputs: HashMap<OutputKey, Output>,
    /// The outputs that read each thing. An output made again adds itself again and is not
    /// taken out of what it no longer reads: whoever is found here is checked against what
    /// it read last.
    readers: HashMap<Source, Vec<OutputKey>>,
    /// How many outputs `readers` names in all, and how many of those are what the outputs
    /// read now: it is made again when most are out of date.
    indexed: usize,
    live: usize,
    /// The keys of every list at the last good render.
    lists: HashMap<ListId, Vec<u64>>,
    /// The key of each output of the last good render's plan, in its order: the outputs of
    /// `outputs`, each once.
    planned: Vec<Option<OutputKey>>,
}

impl DependencyMap {
    pub fn contains(&self, output: OutputKey) -> bool {
        self.outputs.contains_key(&output)
    }

    /// The key of each output of the last good render's plan, in its order.
    pub fn planned_keys(&self) -> &[Option<OutputKey>] {
        &self.planned
    }

    /// How many outputs the last good render had.
    pub fn output_count(&self) -> usize {
        self.outputs.len()
    }

    /// The outputs whose reads read otherwise now: a page `changed`, or a list whose keys
    /// (`lists`: every list now) or length differ from what they read.
    pub fn outdated(
        &self,
        changed: &Changed,
        lists: &HashMap<ListId, Vec<u64>>,
    ) -> HashSet<OutputKey> {
        let mut sources: Vec<Source> = (changed.pages.iter().map(|p| Source::Page(*p)))
            .chain(changed.langs.iter().map(|l| Source::EveryPage(*l)))
            .chain(changed.addresses.iter().map(|l| Source::EveryAddress(*l)))
            .collect();
        let lists_before = self.lists.keys().filter(|id| !lists.contains_key(*id));
        let lists_now = (lists.iter()).filter(|(id, keys)| self.lists.get(*id) != Some(*keys));
        sources.extend(
            lists_before
                .chain(lists_now.map(|(id, _)| id))
                .cloned()
                .map(Source::List),
        );
        let mut candidates: HashSet<OutputKey> = HashSet::default();
        for source in &sources {
            candidates.extend(self.readers.get(source).into_iter().flatten());
        }
        candidates.retain(|key| {
            (self.outputs.get(key)).is_some_and(|output| output.reads.changed(changed, lists))
        });
        candidates
    }

    /// Puts in what a render recorded (after a full render, instead of everything before);
    /// returns the paths of the outputs the site no longer has: those it has no more, and the
    /// addresses outputs left that no other output took.
    pub fn update(&mut self, recorded: Recorded) -> Vec<String> {
        let mut stale = Vec::new();
        match &recorded.still_there {
            StillThere::Every => {}
            StillThere::Only(now) => self.outputs.retain(|key, output| {
                let keep = now.contains(key);
                if !keep {
                    stale.push(std::mem::take(&mut output.path));
                    self.live -= output.reads.sources().count();
                }
                keep
            }),
            StillThere::Replaced => {
                self.outputs.clear();
                self.readers.clear();
                (self.indexed, self.live) = (0, 0);
                // Room for all at once: growing by doubling holds the old table and the new
                // one together, at the peak of a large site's first build.
                self.outputs.reserve(recorded.outputs.len());
                self.readers.reserve(recorded.outputs.len());
            }
        }
        for (key, path, reads) in recorded.outputs {
            let count = index(&mut self.readers, key, &reads);
            self.indexed += count;
            self.live += count;
            if let Some(before) = self.outputs.insert(key, Output { path, reads }) {
                self.live -= before.reads.sources().count();
                if self.outputs[&key].path != before.path {
                    stale.push(before.path);
                }
            }
        }
        if !stale.is_empty() {
            let in_use: HashSet<&str> = self.outputs.values().map(|o| o.path.as_str()).collect();
            stale.retain(|path| !in_use.contains(path.as_str()));
        }
        self.lists = recorded.lists;
        self.planned = recorded.planned;
        // Most of what `readers` names is out of date: made again from what is read now.
        if self.indexed > 4 * self.live.max(1024) {
            self.readers.clear();
            for (key, output) in &self.outputs {
                index(&mut self.readers, *key, &output.reads);
            }
            self.indexed = self.live;
        }
        stale.sort();
        stale
    }
}

/// Adds `key` to the readers of everything `reads` read; returns how many that is.
fn index(readers: &mut HashMap<Source, Vec<OutputKey>>, key: OutputKey, reads: &Reads) -> usize {
    let mut count = 0;
    for source in reads.sources() {
        readers.entry(source).or_default().push(key);
        count += 1;
    }
    count
}
