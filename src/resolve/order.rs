//! What is published, and in which order pages are listed.

use super::*;

fn sort_key(entry: &Entry) -> (i64, String) {
    match &entry.data {
        EntryData::Goal(g) => (i64::from(g.number.value), String::new()),
        EntryData::Partner(p) => (i64::from(p.role == Role::Signatory), p.name.to_lowercase()),
        // Newest first.
        EntryData::Press(p) => (-date_number(p.date), entry.stem.clone()),
        EntryData::Festival(f) => (-date_number(f.date), entry.stem.clone()),
        EntryData::Initiative(i) => (0, i.name.to_lowercase()),
        EntryData::Page(_) | EntryData::Home(_) => (0, entry.stem.clone()),
    }
}

/// Whether `entry` is published on a site resolved with `options` (not a draft, not embargoed).
pub(super) fn is_published(entry: &Entry, options: &ResolveOptions) -> bool {
    options.drafts
        || !(entry.draft || matches!(&entry.data, EntryData::Press(p) if p.date > options.today))
}

/// The order of `Site::pages`.
pub(super) fn page_order(entry: &Entry) -> (Kind, (i64, String), String, Lang) {
    (entry.kind, sort_key(entry), entry.stem.clone(), entry.lang)
}

fn date_number(date: Date) -> i64 {
    i64::from(date.year()) * 10_000 + i64::from(date.month()) * 100 + i64::from(date.day())
}

/// The lists of every kind and language: the positions of their pages, in order.
pub(super) fn lists(pages: &[Page]) -> BTreeMap<(Kind, Lang), Vec<usize>> {
    // A dozen lists at most: found by a look along them, not a search of the map per page.
    let mut lists: Vec<((Kind, Lang), Vec<usize>)> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let key = (page.entry.kind, page.entry.lang);
        match lists.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(i),
            None => lists.push((key, vec![i])),
        }
    }
    lists.into_iter().collect()
}
