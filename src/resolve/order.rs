//! What is published, in which order pages are listed, and which changes to an entry keep
//! its place (`same_to_resolve`, `same_but_place`).

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

/// Whether two versions of an entry are the same to everything resolving reads from an entry
/// besides its Markdown body: its URL, whether it is published, its place in lists, the values
/// both languages must agree on, what it refers to, the files it names, where it is listed in
/// the directory, and where each field was written (for the positions of problems). When this
/// holds, `patch` gives exactly what a full resolve would. A check that reads another field
/// must add it here; the tests of `serve` compare every patch with a full build.
pub fn same_to_resolve(a: &Entry, b: &Entry) -> bool {
    same_but_place(a, b)
        && a.slug == b.slug
        && a.field_locations == b.field_locations
        && sort_key(a) == sort_key(b)
        && list_date(a) == list_date(b)
}

/// `same_to_resolve`, except that the entry may have moved in its list (a new date of a press
/// release or festival, a new name of an initiative or partner), to a new address (a new
/// slug), or its fields to other lines. `patch` puts such an entry in its new place when it
/// stays published and nothing was reported before the checks between pages at the old
/// positions of its fields; the checks between pages run again on its pages.
pub fn same_but_place(a: &Entry, b: &Entry) -> bool {
    let common = a.kind == b.kind
        && a.stem == b.stem
        && a.lang == b.lang
        && a.draft == b.draft
        && a.keep_metadata == b.keep_metadata
        && a.path == b.path;
    common
        && match (&a.data, &b.data) {
            (EntryData::Goal(x), EntryData::Goal(y)) => {
                x.number == y.number && x.target_year == y.target_year
            }
            (EntryData::Partner(x), EntryData::Partner(y)) => x.role == y.role && x.logo == y.logo,
            (EntryData::Press(x), EntryData::Press(y)) => {
                x.partners == y.partners && x.goals == y.goals && x.image == y.image
            }
            (EntryData::Initiative(x), EntryData::Initiative(y)) => {
                x.province == y.province
                    && x.themes == y.themes
                    && x.goals == y.goals
                    && x.image == y.image
            }
            (EntryData::Festival(x), EntryData::Festival(y)) => {
                x.partners == y.partners && x.image == y.image
            }
            (EntryData::Page(_), EntryData::Page(_)) | (EntryData::Home(_), EntryData::Home(_)) => {
                true
            }
            _ => false,
        }
}

/// The date a press release or festival is listed (and a press release embargoed) by.
fn list_date(entry: &Entry) -> Option<Date> {
    match &entry.data {
        EntryData::Press(p) => Some(p.date),
        EntryData::Festival(f) => Some(f.date),
        _ => None,
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
