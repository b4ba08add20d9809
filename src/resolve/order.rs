//! What is published, and in which order pages are listed.

use super::*;
use std::borrow::Cow;

/// Where an entry stands in its kind's list; borrowed from the entry where it can be.
fn sort_key(entry: &Entry) -> (i64, Cow<'_, str>) {
    let stem = Cow::Borrowed(entry.stem.as_str());
    match &entry.data {
        EntryData::Goal(g) => (i64::from(g.number.value), Cow::Borrowed("")),
        EntryData::Partner(p) => (i64::from(p.role == Role::Signatory), lowercase(&p.name)),
        // Newest first.
        EntryData::Press(p) => (-date_number(p.date), stem),
        EntryData::Festival(f) => (-date_number(f.date), stem),
        EntryData::Initiative(i) => (0, lowercase(&i.name)),
        EntryData::Page(_) | EntryData::Home(_) => (0, stem),
    }
}

/// `text` in lowercase, copied only when lowercasing changes a character.
fn lowercase(text: &str) -> Cow<'_, str> {
    let unchanged = |c: char| c.to_lowercase().eq(std::iter::once(c));
    match text.chars().all(unchanged) {
        true => Cow::Borrowed(text),
        false => Cow::Owned(text.to_lowercase()),
    }
}

/// Whether `entry` is published on a site resolved with `options` (not a draft, not embargoed).
pub(super) fn is_published(entry: &Entry, options: &ResolveOptions) -> bool {
    options.drafts
        || !(entry.draft || matches!(&entry.data, EntryData::Press(p) if p.date > options.today))
}

/// The order of `Site::pages`.
pub(super) fn page_order(entry: &Entry) -> (Kind, (i64, Cow<'_, str>), &str, Lang) {
    (entry.kind, sort_key(entry), &entry.stem, entry.lang)
}

/// The positions in `entries` in the order of `Site::pages`. `serve` sorts every entry on
/// every edit that moves one in its list: the keys borrow from the entries (a stem is never
/// copied), so positions are sorted, not entries.
pub(super) fn in_page_order(entries: &[Arc<Entry>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    let keys: Vec<_> = entries.par_iter().map(|e| page_order(e)).collect();
    // No two entries have the same key (kind, stem and language are in it).
    order.par_sort_unstable_by(|a, b| keys[*a].cmp(&keys[*b]));
    order
}

fn date_number(date: Date) -> i64 {
    i64::from(date.year()) * 10_000 + i64::from(date.month()) * 100 + i64::from(date.day())
}

/// The lists of every kind and language: the positions of their pages, in order.
pub(super) fn lists(pages: &[Page]) -> Lists {
    // A dozen lists at most: found by a look along them, not a search of the map per page.
    let mut lists: Vec<((Kind, Lang), Vec<usize>)> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let key = (page.kind, page.lang);
        match lists.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(i),
            None => lists.push((key, vec![i])),
        }
    }
    lists.into_iter().collect()
}
