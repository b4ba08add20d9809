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
        let Ok(mut made) = self.made.lock() else {
            return Arc::new(make(site));
        };
        if let Some(kept) = made.as_ref()
            && self.still_holds(site, kept)
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

    fn still_holds(&self, site: &Site, kept: &Made<T>) -> bool {
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
                    (&kept.positions[at..end], &kept.entries[at..end])
                }
                _ => return false,
            };
            let same = list == positions
                && (list.iter().zip(entries)).all(|(i, e)| Arc::ptr_eq(&site.pages[*i].entry, e));
            if !same {
                return false;
            }
            at += length;
        }
        true
    }
}
