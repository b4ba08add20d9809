//! What the checks between pages found on each page, kept by `serve` from one resolve to the
//! next: a page that reads the same entries (its own and its translations', by pointer) in a
//! site that is otherwise the same keeps what it found, without its entry being read again.

use super::between::{References, check_page};
use super::*;
use crate::load::EntryFiles;
use std::sync::Mutex;

/// See the module.
#[derive(Default)]
pub struct KeptChecks(Mutex<Option<Kept>>);

struct Kept {
    /// A hash of what else the checks read (`world`).
    world: u64,
    /// Which entries have files in which languages: known by its address, so kept alive.
    files: Arc<EntryFiles>,
    languages: usize,
    /// For each page, in order, the entry of its key in each language (its own among them).
    entries: Vec<Option<Arc<Entry>>>,
    /// What the checks found on each page.
    found: Vec<Vec<Diagnostic>>,
}

/// Calls `each` with what the checks found on each page, in order: kept where the page reads
/// what it read at the last resolve of `serve` (`kept`), else checked now.
pub(super) fn for_each_checked(
    between: &Between<'_>,
    references: &References<'_>,
    (kept, files, frame): (Option<&KeptChecks>, &Arc<EntryFiles>, u64),
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
    let last = guard.take().filter(|last| {
        last.world == world
            && Arc::ptr_eq(&last.files, files)
            && last.languages == languages
            && last.found.len() == pages.len()
    });
    let fresh: Vec<Option<Vec<Diagnostic>>> = (0..pages.len())
        .into_par_iter()
        .map(|i| match &last {
            Some(last) if reads_as_before(between, last, i) => None,
            _ => Some(check_page(between, references, i)),
        })
        .collect();
    let mut kept = last.unwrap_or_else(|| Kept {
        world,
        files: files.clone(),
        languages,
        entries: vec![None; pages.len() * languages],
        found: vec![Vec::new(); pages.len()],
    });
    for (i, fresh) in fresh.into_iter().enumerate() {
        if let Some(found) = fresh {
            kept.found[i] = found;
            let slots = &mut kept.entries[i * languages..(i + 1) * languages];
            for (slot, now) in slots.iter_mut().zip(reads(between, i)) {
                *slot = now.cloned();
            }
        }
    }
    // Debug builds (the tests) check what was kept against every page checked now.
    #[cfg(debug_assertions)]
    for (i, found) in kept.found.iter().enumerate() {
        let now = check_page(between, references, i);
        assert_eq!(format!("{found:?}"), format!("{now:?}"), "kept checks");
    }
    kept.found.iter().enumerate().for_each(|(i, f)| each(i, f));
    *guard = Some(kept);
}

/// The entry of page `i`'s key in each language of the site, its own among them.
fn reads<'s>(between: &'s Between<'_>, i: usize) -> impl Iterator<Item = Option<&'s Arc<Entry>>> {
    let Between { pages, index, .. } = *between;
    (between.config.languages.iter()).map(move |lang| match *lang == pages[i].entry.lang {
        true => Some(&pages[i].entry),
        false => (index.translation(pages, i, *lang)).map(|j| &pages[j].entry),
    })
}

fn reads_as_before(between: &Between<'_>, last: &Kept, i: usize) -> bool {
    let kept = &last.entries[i * last.languages..(i + 1) * last.languages];
    (reads(between, i).zip(kept)).all(|(now, kept)| match (now, kept) {
        (Some(now), Some(kept)) => Arc::ptr_eq(now, kept),
        (now, kept) => now.is_none() && kept.is_none(),
    })
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
