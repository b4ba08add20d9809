//! What rendering makes from one kind's lists (the directory's facets, the initiatives that
//! name each goal), kept by `serve` with what it was made from: an edit that leaves those
//! lists holding the same entries in the same order keeps it. What is made holds offsets in
//! those lists (`Sublist`), never positions in `Site::pages`: pages of other kinds that come,
//! go or move leave it as it is.

use crate::lang::Lang;
use crate::model::{Entry, Kind};
use crate::resolve::Site;
use std::sync::{Arc, Mutex};

/// Some pages of one kind's list in one language (`Site::list_indices`): all of it, or those
/// at `offsets` in it, in that order.
#[derive(Clone, Copy)]
pub(super) struct Sublist<'a> {
    list: &'a [usize],
    offsets: Option<&'a [usize]>,
}

impl<'a> Sublist<'a> {
    pub(super) fn whole(list: &'a [usize]) -> Sublist<'a> {
        Sublist {
            list,
            offsets: None,
        }
    }

    /// The pages at `offsets` in `list` (offsets past its end are left out).
    pub(super) fn some(list: &'a [usize], offsets: &'a [usize]) -> Sublist<'a> {
        Sublist {
            list,
            offsets: Some(offsets),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.offsets.map_or(self.list.len(), <[usize]>::len)
    }

    /// The pages from the `start`th to before the `end`th (both cut to the length).
    pub(super) fn range(&self, start: usize, end: usize) -> Sublist<'a> {
        let end = end.min(self.len());
        let start = start.min(end);
        match self.offsets {
            Some(offsets) => Sublist::some(self.list, &offsets[start..end]),
            None => Sublist::whole(&self.list[start..end]),
        }
    }

    /// The pages' positions in `Site::pages`, in order.
    pub(super) fn positions(self) -> impl Iterator<Item = usize> + 'a {
        (0..self.len()).filter_map(move |k| self.position(k))
    }

    /// The position in `Site::pages` of the `k`th page. Offsets are made from the list they
    /// index, so none is past its end: debug builds (the tests) say so if one ever is, and a
    /// release build leaves that page out rather than stop.
    fn position(&self, k: usize) -> Option<usize> {
        let offset = match self.offsets {
            Some(offsets) => *offsets.get(k)?,
            None => k,
        };
        let position = self.list.get(offset).copied();
        debug_assert!(position.is_some(), "an offset past the end of its list");
        position
    }
}

/// One kind's lists in every language as a render read them, with what it made of them.
struct Made<T> {
    /// The language and length of each language's list.
    lengths: Vec<(Lang, usize)>,
    /// The entries of each language's list, one list after the other, kept alive so no other
    /// entry can have their addresses.
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
    /// same entries (by pointer) in the same order; else made now and kept.
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

    /// Whether the lists hold the kept entries, or ones `alike` them, in the same order; the
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
            let entries = match at + length {
                end if list.len() == *length && end <= kept.entries.len() => {
                    &mut kept.entries[at..end]
                }
                _ => return false,
            };
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

#[cfg(test)]
mod tests {
    use super::Sublist;

    #[test]
    fn a_sublist_is_read_through_its_kinds_list_and_cut_to_its_length() {
        let list = [7, 3, 9, 4];
        let some = Sublist::some(&list, &[1, 3]);
        assert_eq!(some.len(), 2);
        assert_eq!(some.positions().collect::<Vec<_>>(), [3, 4]);
        assert_eq!(some.range(1, 10).positions().collect::<Vec<_>>(), [4]);
        assert_eq!(some.range(5, 10).len(), 0);
        let whole = Sublist::whole(&list);
        assert_eq!(whole.range(1, 3).positions().collect::<Vec<_>>(), [3, 9]);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "an offset past the end of its list")]
    fn an_offset_past_the_end_of_its_list_is_caught_in_debug_builds() {
        let list = [7, 3];
        let _ = Sublist::some(&list, &[0, 8]).positions().count();
    }
}
