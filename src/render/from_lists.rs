//! What rendering makes from one kind's lists (the directory's facets, the initiatives that
//! name each goal), kept by `serve` with what it was made from: an edit that leaves those
//! lists holding the same entries at the same places keeps it.

use crate::lang::Lang;
use crate::model::{Entry, Kind};
use crate::resolve::Site;
use std::sync::{Arc, Mutex};

/// One kind's lists in every language as a render read them, with what it made of them.
struct Made<T> {
    /// The positions of each language's list, one after the other, with the language and
    /// length of each.
    positions: Vec<usize>,
    lengths: Vec<(Lang, usize)>,
    /// The entry at each position, kept alive so no other entry can have its address.
    entries: Vec<Arc<Entry>>,
    value: Arc<T>,
}

/// See the module: the last thing made from a kind's lists, for the next render of `serve`.
pub(super) struct FromLists<T> {
    kind: Kind,
    made: Mutex<Option<Made<T>>>,
}

impl<T: PartialEq + std::fmt::Debug> FromLists<T> {
    pub(super) fn new(kind: Kind) -> FromLists<T> {
        FromLists {
            kind,
            made: Mutex::new(None),
        }
    }

    /// What `make` makes of `site`, kept from the last call when the kind's lists hold the
    /// same entries (by pointer) at the same places; else made now and kept.
    pub(super) fn get(&self, site: &Site, make: impl FnOnce(&Site) -> T) -> Arc<T> {
        self.get_alike(site, |_, _| false, make)
    }

    /// `get`, where an entry other than the one kept at its place (an edit) still holds when
    /// `alike(kept, now)`: what `make` reads of the two is the same.
    pub(super) fn get_alike(
        &self,
        site: &Site,
        alike: impl Fn(&Entry, &Entry) -> bool,
        make: impl FnOnce(&Site) -> T,
    ) -> Arc<T> {
        let Ok(mut made) = self.made.lock() else {
            return Arc::new(make(site));
        };
        if let Some(kept) = made.as_mut()
            && self.still_holds(site, kept, &alike)
        {
            // Debug builds (the tests) check what was kept against what is made now.
            #[cfg(debug_assertions)]
            assert_eq!(*kept.value, make(site), "kept from {:?}'s lists", self.kind);
            return kept.value.clone();
        }
        let lists: Vec<&[usize]> = (site.config.languages.iter())
            .map(|lang| site.list_indices(self.kind, *lang))
            .collect();
        let value = Arc::new(make(site));
        *made = Some(Made {
            positions: lists.concat(),
            lengths: (site.config.languages.iter().copied())
                .zip(lists.iter().map(|list| list.len()))
                .collect(),
            entries: (lists.iter().copied().flatten())
                .map(|i| site.pages[*i].entry.clone())
                .collect(),
            value: value.clone(),
        });
        value
    }

    /// Whether the lists hold the kept entries, or ones `alike` them, at the same places; the
    /// entries alike are kept in place of the others.
    fn still_holds(
        &self,
        site: &Site,
        kept: &mut Made<T>,
        alike: &impl Fn(&Entry, &Entry) -> bool,
    ) -> bool {
        let languages = &site.config.languages;
        if languages.len() != kept.lengths.len() {
            return false;
        }
        let mut at = 0;
        for (lang, (kept_lang, length)) in languages.iter().zip(&kept.lengths) {
            let list = site.list_indices(self.kind, *lang);
            if lang != kept_lang {
                return false;
            }
            let (positions, entries) = match at + length {
                end if list.len() == *length && end <= kept.positions.len() => {
                    (&kept.positions[at..end], &mut kept.entries[at..end])
                }
                _ => return false,
            };
            if list != positions {
                return false;
            }
            for (i, kept_entry) in list.iter().zip(entries) {
                let entry = &site.pages[*i].entry;
                if !Arc::ptr_eq(entry, kept_entry) {
                    if !alike(kept_entry, entry) {
                        return false;
                    }
                    *kept_entry = entry.clone();
                }
            }
            at += length;
        }
        true
    }
}
