//! What the checks between pages found on each page, kept by `serve` from one resolve to the
//! next: a page that reads the same entries (its own and its translations', by pointer) in a
//! site that is otherwise the same keeps what it found, without its entry being read again.
//! Pages are found again by key (`places_before`), so entries that come or go elsewhere leave
//! the others' checks kept.

use super::between::{References, check_page};
use super::*;
use std::sync::Mutex;

/// See the module.
#[derive(Default)]
pub struct KeptChecks(Mutex<Option<Kept>>);

struct Kept {
    /// A hash of what else the checks read (`world`).
    world: u64,
    languages: usize,
    /// Each page checked, in page order.
    pages: Vec<CheckedPage>,
    /// For each page, in order, what it read in each language of the site (`reads`).
    reads: Vec<Read>,
}

/// A page and what the checks found on it.
struct CheckedPage {
    key_hash: u64,
    lang: Lang,
    found: Vec<Diagnostic>,
}

/// What checking a page read of its key in one language: the entry of that language, or
/// whether a file is there for it though it has no page (a draft, held back, broken). Kept
/// with the entry held (`Arc<Entry>`); compared with it borrowed (`&Arc<Entry>`).
enum Read<E = Arc<Entry>> {
    Entry(E),
    NoPage { file: bool },
}

/// What a read taken out of the last resolve leaves in its place.
const NOTHING_READ: Read = Read::NoPage { file: false };

impl Read {
    fn is(&self, now: &Read<&Arc<Entry>>) -> bool {
        match (self, now) {
            (Read::Entry(a), Read::Entry(b)) => Arc::ptr_eq(a, b),
            (Read::NoPage { file: a }, Read::NoPage { file: b }) => a == b,
            _ => false,
        }
    }

    fn kept(now: Read<&Arc<Entry>>) -> Read {
        match now {
            Read::Entry(entry) => Read::Entry(entry.clone()),
            Read::NoPage { file } => Read::NoPage { file },
        }
    }
}

/// Calls `each` with what the checks found on each page, in order: kept where the page reads
/// what it read at the last resolve of `serve` (`kept`), else checked now.
pub(super) fn for_each_checked(
    between: &Between<'_>,
    references: &References<'_>,
    (kept, frame): (Option<&KeptChecks>, u64),
    mut each: impl FnMut(usize, &[Diagnostic]),
) {
    let pages = between.pages;
    let Some(mut guard) = kept.and_then(|kept| kept.0.lock().ok()) else {
        let found: Vec<Vec<Diagnostic>> = (0..pages.len())
            .into_par_iter()
            .map(|i| check_page(between, references, i))
            .collect();
        return found.iter().enumerate().for_each(|(i, f)| each(i, f));
    };
    let world = world(between, references, frame);
    let languages = between.config.languages.len();
    let last = guard
        .take()
        .filter(|last| last.world == world && last.languages == languages);
    let places = match &last {
        Some(last) => places_before(
            &last.pages,
            pages,
            |checked, page| checked.key_hash == page.key_hash && checked.lang == page.lang,
            |checked| (checked.lang, checked.key_hash),
        ),
        None => vec![None; pages.len()],
    };
    // Checked now, or kept from the page at `j` of the last resolve. Compared where they are:
    // only the pages checked now copy what they read.
    let fresh: Vec<Result<CheckedNow, usize>> = (0..pages.len())
        .into_par_iter()
        .map(|i| match (&last, places[i]) {
            (Some(last), Some(j)) if reads_as_before(between, last, j, i) => Err(j),
            _ => Ok(checked_now(between, references, i)),
        })
        .collect();
    let kept = gathered(between, references, fresh, last, world);
    // Debug builds (the tests) check what was kept against every page checked now.
    #[cfg(debug_assertions)]
    for (i, page) in kept.pages.iter().enumerate() {
        let now = check_page(between, references, i);
        assert_eq!(
            format!("{:?}", page.found),
            format!("{now:?}"),
            "kept checks"
        );
    }
    (kept.pages.iter())
        .enumerate()
        .for_each(|(i, page)| each(i, &page.found));
    *guard = Some(kept);
}

/// The checks of this resolve, to keep: those made now, and those kept (`Err(j)`: at page `j`
/// of `last`), moved out of `last`.
fn gathered(
    between: &Between<'_>,
    references: &References<'_>,
    fresh: Vec<Result<CheckedNow, usize>>,
    mut last: Option<Kept>,
    world: u64,
) -> Kept {
    let (pages, languages) = (between.pages, between.config.languages.len());
    let mut reads = Vec::with_capacity(pages.len() * languages);
    let mut checked = Vec::with_capacity(pages.len());
    for (i, fresh) in fresh.into_iter().enumerate() {
        let (found, read) = match (fresh, &mut last) {
            (Err(j), Some(last)) => {
                let kept = &mut last.reads[j * languages..][..languages];
                let read = kept.iter_mut().map(|r| std::mem::replace(r, NOTHING_READ));
                reads.extend(read);
                (std::mem::take(&mut last.pages[j].found), Vec::new())
            }
            (Ok(fresh), _) => fresh,
            (Err(_), None) => checked_now(between, references, i),
        };
        reads.extend(read);
        checked.push(CheckedPage {
            key_hash: pages[i].key_hash,
            lang: pages[i].lang,
            found,
        });
    }
    Kept {
        world,
        languages,
        pages: checked,
        reads,
    }
}

/// What the checks found on a page, with what they read.
type CheckedNow = (Vec<Diagnostic>, Vec<Read>);

/// What the checks find on page `i` now, with what they read.
fn checked_now(between: &Between<'_>, references: &References<'_>, i: usize) -> CheckedNow {
    let found = check_page(between, references, i);
    (found, reads(between, i).map(Read::kept).collect())
}

/// What page `i`'s checks read of its key in each language of the site, its own entry among
/// them.
fn reads<'s>(
    between: &'s Between<'_>,
    i: usize,
) -> impl Iterator<Item = Read<&'s Arc<Entry>>> + 's {
    let Between {
        pages,
        index,
        files,
        ..
    } = *between;
    let page = &pages[i];
    (between.config.languages.iter()).map(move |lang| match *lang == page.lang {
        true => Read::Entry(&page.entry),
        false => match index.translation(pages, i, *lang) {
            Some(j) => Read::Entry(&pages[j].entry),
            // Looked up only here: it copies the stem.
            None => Read::NoPage {
                file: files.contains(&(page.kind, page.entry.stem.clone(), *lang)),
            },
        },
    })
}

fn reads_as_before(between: &Between<'_>, last: &Kept, j: usize, i: usize) -> bool {
    let before = &last.reads[j * last.languages..][..last.languages];
    (before.iter().zip(reads(between, i))).all(|(before, now)| before.is(&now))
}

/// A hash of what the checks of a page read beside its entries: the frame (the assets, the
/// images, what is held back, the addresses), the languages, the files held back, and what
/// references may name (the partners, the goals).
fn world(between: &Between<'_>, references: &References<'_>, frame: u64) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut add = |part: &[u8]| {
        hasher.update(part);
        hasher.update(b"\0");
    };
    add(&frame.to_le_bytes());
    between
        .config
        .languages
        .iter()
        .for_each(|l| add(l.code().as_bytes()));
    for (kind, name) in between.held_files {
        add(kind.folder().as_bytes());
        add(name.as_bytes());
    }
    references.hash_into(between.pages, &mut add);
    hasher.digest()
}
