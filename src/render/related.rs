//! Who names what: the initiatives and press releases that name each goal, and the press releases
//! that name each partner, per language in list order, by offset in their kind's list.

use super::from_lists::Sublist;
use super::{RenderContext, derived_list};
use crate::incremental::dependencies::ListId;
use crate::lang::Lang;
use crate::model::{EntryData, Kind};
use crate::resolve::Site;
use foldhash::HashMap;

/// The initiatives and press releases that name each goal, and the press releases that name
/// each partner, per language in list order: a goal or partner page looks its list up instead
/// of scanning every entry. Made in two halves, each kept by `serve` while what it is made
/// from is unchanged: a new press release leaves the initiatives' half as it was.
pub(super) struct Related {
    pub(super) initiatives: std::sync::Arc<InitiativesRelated>,
    pub(super) press: std::sync::Arc<PressRelated>,
}

#[derive(Default, Clone, Debug, PartialEq)]
pub(super) struct InitiativesRelated {
    pub(super) by_goal: HashMap<(Lang, u8), Vec<usize>>,
}

#[derive(Default, Clone, Debug, PartialEq)]
pub(super) struct PressRelated {
    pub(super) by_goal: HashMap<(Lang, u8), Vec<usize>>,
    pub(super) by_partner: HashMap<(Lang, String), Vec<usize>>,
}

/// Adds the page at `offset` in its kind's list to the list of `key`, once.
fn add_related<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Vec<usize>>, key: K, offset: usize) {
    let list = map.entry(key).or_default();
    // An entry that names the same goal twice is listed once.
    if list.last() != Some(&offset) {
        list.push(offset);
    }
}

impl InitiativesRelated {
    pub(super) fn of(site: &Site) -> InitiativesRelated {
        let mut related = InitiativesRelated::default();
        for lang in &site.config.languages {
            for (offset, &i) in site
                .list_indices(Kind::Initiative, *lang)
                .iter()
                .enumerate()
            {
                if let EntryData::Initiative(initiative) = &site.pages[i].entry.data {
                    for goal in &initiative.goals {
                        add_related(&mut related.by_goal, (*lang, goal.value), offset);
                    }
                }
            }
        }
        related
    }
}

impl PressRelated {
    pub(super) fn of(site: &Site) -> PressRelated {
        let mut related = PressRelated::default();
        for lang in &site.config.languages {
            for (offset, &i) in site.list_indices(Kind::Press, *lang).iter().enumerate() {
                related.add_entry(*lang, offset, &site.pages[i].entry);
            }
        }
        related
    }

    /// `of`, with what each press release names taken from `names` where its entry is the
    /// one `names` saw: only new and edited releases are read.
    pub(super) fn with_names(site: &Site, names: &mut PressNames) -> PressRelated {
        let mut related = PressRelated::default();
        let languages = &site.config.languages;
        let mut in_order = Vec::with_capacity(languages.len());
        for (n, lang) in languages.iter().enumerate() {
            let before = names.in_order.get_mut(n).map(std::mem::take);
            let list = site.list_indices(Kind::Press, *lang);
            let entries = list.iter().map(|i| &site.pages[*i].entry);
            let (kept, numbered) =
                names.list(entries, before.unwrap_or_default(), |offset, entry| {
                    related.add_entry(*lang, offset, entry);
                });
            for (goal, offsets) in numbered.goals.into_iter().enumerate() {
                // Below 64 (a bit of `NamedBy::goals`): it fits in a u8.
                if let Ok(goal) = u8::try_from(goal) {
                    merge_offsets(&mut related.by_goal, (*lang, goal), offsets);
                }
            }
            for (number, offsets) in numbered.partners.into_iter().enumerate() {
                if let Some(partner) = names.partners.get(number) {
                    merge_offsets(&mut related.by_partner, (*lang, partner.clone()), offsets);
                }
            }
            in_order.push(kept);
        }
        // Entries no list has any more go (and their memory with them).
        names.in_order = in_order;
        // Debug builds (the tests) check what was kept against every entry.
        #[cfg(debug_assertions)]
        assert_eq!(
            related,
            PressRelated::of(site),
            "what serve kept of what press names"
        );
        related
    }

    /// Whether two entries name the same goals and partners, in the same order.
    pub(super) fn names_alike(a: &crate::model::Entry, b: &crate::model::Entry) -> bool {
        let (EntryData::Press(a), EntryData::Press(b)) = (&a.data, &b.data) else {
            return false;
        };
        (a.goals.iter().map(|g| g.value)).eq(b.goals.iter().map(|g| g.value))
            && (a.partners.iter().map(|p| &p.value)).eq(b.partners.iter().map(|p| &p.value))
    }

    /// Adds the page at `offset` in the list, whose entry is `entry`, to the lists of what it
    /// names.
    fn add_entry(&mut self, lang: Lang, offset: usize, entry: &crate::model::Entry) {
        if let EntryData::Press(press) = &entry.data {
            for goal in &press.goals {
                add_related(&mut self.by_goal, (lang, goal.value), offset);
            }
            for partner in &press.partners {
                add_related(&mut self.by_partner, (lang, partner.value.clone()), offset);
            }
        }
    }
}

/// What each press release names, kept by `serve` by entry: the press releases' half of
/// `Related` is made again after every new or removed release, and reading every release's
/// entry again was most of its cost (memory not read for a while is slow to read again).
#[derive(Default)]
pub(super) struct PressNames {
    /// Per language of the site, each release in list order with what it names, its entry
    /// kept alive here so that no other entry can have its address. An edit leaves each at
    /// its place, or one place off: found there by pointer, no search.
    in_order: Vec<Vec<KeptNames>>,
    /// Partner keys by `NamedBy::partners` number.
    partners: Vec<String>,
    partner_numbers: HashMap<String, u16>,
}

/// What one press release names, held in place (no pointer to follow): its goals as bits
/// (goal n is bit n), its partners by number. `None` for one that does not fit (a goal
/// numbered 64 or more, more than four partners): its entry is read instead.
#[derive(Debug, Default, Clone, Copy)]
struct NamedBy {
    goals: u64,
    partners: [u16; 4],
    partner_count: u8,
}

/// A press release's entry and what it names.
type KeptNames = (std::sync::Arc<crate::model::Entry>, Option<NamedBy>);

/// The offsets in a list of the releases that name each goal and each partner, by number
/// (`NamedBy`).
#[derive(Default)]
struct Numbered {
    goals: Vec<Vec<usize>>,
    partners: Vec<Vec<usize>>,
}

impl Numbered {
    fn add(&mut self, named: &NamedBy, offset: usize) {
        let mut goals = named.goals;
        while goals != 0 {
            // The lowest goal left.
            let goal = goals.trailing_zeros() as usize;
            goals &= goals - 1;
            push_offset(&mut self.goals, goal, offset);
        }
        for id in &named.partners[..usize::from(named.partner_count)] {
            push_offset(&mut self.partners, usize::from(*id), offset);
        }
    }
}

/// Adds `offset` to list `n` of `lists`, once.
fn push_offset(lists: &mut Vec<Vec<usize>>, n: usize, offset: usize) {
    if lists.len() <= n {
        lists.resize_with(n + 1, Vec::new);
    }
    if lists[n].last() != Some(&offset) {
        lists[n].push(offset);
    }
}

/// Puts `offsets` into `map`'s list of `key`, which may hold offsets of releases that did not
/// fit `NamedBy`, keeping it in order.
fn merge_offsets<K: std::hash::Hash + Eq>(
    map: &mut HashMap<K, Vec<usize>>,
    key: K,
    offsets: Vec<usize>,
) {
    if offsets.is_empty() {
        return;
    }
    let list = map.entry(key).or_default();
    if list.is_empty() {
        *list = offsets;
        return;
    }
    list.extend(offsets);
    list.sort_unstable();
    list.dedup();
}

impl PressNames {
    /// What the releases of one list (`entries`, in order) name, found in `before` (the
    /// list as last seen) or read now: the offsets that name each goal and each partner, by
    /// its number. Releases that do not fit `NamedBy` are given to `add_entry` instead.
    fn list<'e>(
        &mut self,
        entries: impl Iterator<Item = &'e std::sync::Arc<crate::model::Entry>>,
        before: Vec<KeptNames>,
        mut add_entry: impl FnMut(usize, &crate::model::Entry),
    ) -> (Vec<KeptNames>, Numbered) {
        let mut before: Vec<Option<KeptNames>> = before.into_iter().map(Some).collect();
        let mut kept = Vec::with_capacity(before.len() + 1);
        let mut numbered = Numbered::default();
        for (offset, entry) in entries.enumerate() {
            let is_at = |j: usize| matches!(before.get(j), Some(Some((e, _))) if std::sync::Arc::ptr_eq(e, entry));
            let found = crate::resolve::place_beside(offset, is_at);
            // Moved over, not cloned: a clone writes the entry's count, in its memory.
            let (kept_alive, named) = match found.and_then(|j| before.get_mut(j)?.take()) {
                Some(known) => known,
                None => (entry.clone(), self.named_by(entry)),
            };
            match &named {
                Some(named) => numbered.add(named, offset),
                None => add_entry(offset, entry),
            }
            kept.push((kept_alive, named));
        }
        (kept, numbered)
    }

    fn named_by(&mut self, entry: &crate::model::Entry) -> Option<NamedBy> {
        let mut named = NamedBy::default();
        let EntryData::Press(press) = &entry.data else {
            return Some(named);
        };
        for goal in &press.goals {
            named.goals |= 1u64.checked_shl(u32::from(goal.value))?;
        }
        if press.partners.len() > named.partners.len() {
            return None;
        }
        for (slot, partner) in named.partners.iter_mut().zip(&press.partners) {
            *slot = match self.partner_numbers.get(&partner.value) {
                Some(number) => *number,
                None => {
                    let number = u16::try_from(self.partners.len()).ok()?;
                    self.partners.push(partner.value.clone());
                    self.partner_numbers.insert(partner.value.clone(), number);
                    number
                }
            };
        }
        named.partner_count = u8::try_from(press.partners.len()).ok()?;
        Some(named)
    }
}

/// One list of `Related`: its id in the dependency map and its pages.
pub(super) struct RelatedList<'r> {
    pub(super) id: ListId,
    pub(super) pages: Sublist<'r>,
}

/// The pages at `offsets` of `kind`'s list in `lang`.
fn related_list<'r>(
    site: &'r Site,
    id: ListId,
    (kind, lang): (Kind, Lang),
    offsets: Option<&'r Vec<usize>>,
) -> RelatedList<'r> {
    let offsets = offsets.map_or(&[][..], Vec::as_slice);
    let pages = Sublist::some(site.list_indices(kind, lang), offsets);
    RelatedList { id, pages }
}

impl Related {
    pub(super) fn initiatives_naming_goal<'r>(
        &'r self,
        site: &'r Site,
        lang: Lang,
        goal: u8,
    ) -> RelatedList<'r> {
        let key = (lang, goal);
        let id = derived_list(&("initiatives naming goal", key));
        let offsets = self.initiatives.by_goal.get(&key);
        related_list(site, id, (Kind::Initiative, lang), offsets)
    }

    pub(super) fn press_naming_goal<'r>(
        &'r self,
        site: &'r Site,
        lang: Lang,
        goal: u8,
    ) -> RelatedList<'r> {
        let key = (lang, goal);
        let id = derived_list(&("press naming goal", key));
        related_list(site, id, (Kind::Press, lang), self.press.by_goal.get(&key))
    }

    pub(super) fn press_naming_partner<'r>(
        &'r self,
        site: &'r Site,
        lang: Lang,
        partner: &str,
    ) -> RelatedList<'r> {
        let key = (lang, partner.to_string());
        let id = derived_list(&("press naming partner", &key));
        related_list(
            site,
            id,
            (Kind::Press, lang),
            self.press.by_partner.get(&key),
        )
    }

    /// Every list, for comparing what outputs read of them with the lists now.
    pub(super) fn lists<'r>(&'r self, site: &'r Site) -> Vec<RelatedList<'r>> {
        let initiatives = (self.initiatives.by_goal.keys())
            .map(|(lang, goal)| self.initiatives_naming_goal(site, *lang, *goal));
        let by_goal = (self.press.by_goal.keys())
            .map(|(lang, goal)| self.press_naming_goal(site, *lang, *goal));
        let by_partner = (self.press.by_partner.keys())
            .map(|(lang, partner)| self.press_naming_partner(site, *lang, partner));
        initiatives.chain(by_goal).chain(by_partner).collect()
    }
}

impl<'a> RenderContext<'a> {
    /// Who names what, made once per render (`make_related`); what an output reads of it, it
    /// records itself.
    pub(super) fn related(&self) -> &Related {
        &self.related
    }
}

/// Who names what: kept in part by `serve` (`RenderCache::related`).
pub(super) fn make_related(site: &Site, cache: Option<&super::cache::RenderCache>) -> Related {
    match cache {
        Some(cache) => cache.related(site),
        None => {
            let (initiatives, press) =
                rayon::join(|| InitiativesRelated::of(site), || PressRelated::of(site));
            Related {
                initiatives: std::sync::Arc::new(initiatives),
                press: std::sync::Arc::new(press),
            }
        }
    }
}
