//! What rendering keeps between the builds of `serve` (`RenderCache`): the search records, the
//! sitemap's rows, and the directory facets and related lists, which are shifted when pages
//! come or go before the runs of pages they index.

use super::directory::{Facets, facets};
use super::related::{InitiativesRelated, PressNames, PressRelated, Related};
use super::sitemap::SitemapRows;
use crate::model::Kind;
use crate::resolve::Site;

/// What rendering keeps between the builds of `serve`.
#[derive(Default)]
pub struct RenderCache {
    pub(super) search_records: crate::search_index::Records,
    /// The directory facets, kept while `Site::directory` is the same.
    facets: std::sync::Mutex<Option<Kept<Facets>>>,
    /// The halves of `Related`, kept while `Site::directory` and `Site::press` are the same.
    initiatives_related: std::sync::Mutex<Option<Kept<InitiativesRelated>>>,
    press_related: std::sync::Mutex<Option<Kept<PressRelated>>>,
    /// What each press release names, for making that half again.
    press_names: std::sync::Mutex<PressNames>,
    /// The sitemap's rows, made again by entry.
    pub(super) sitemap: std::sync::Mutex<Option<SitemapRows>>,
}

/// Something made from the initiatives and the press releases (indices into `Site::pages`),
/// the versions of them it was made for (`Site::directory`, `Site::press`) and where each of
/// the two runs of pages began then: pages that come or go before a run shift every page in it
/// by as many places, and what was made shifts with it.
struct Kept<T> {
    versions: (u64, u64),
    starts: (usize, usize),
    value: std::sync::Arc<T>,
}

/// Indices into `Site::pages` that move with the runs of initiatives and press releases.
trait Shift {
    /// Moves each index in the initiatives' run by `initiatives` places, in the press
    /// releases' run by `press`.
    fn shift(&mut self, initiatives: isize, press: isize);
}

fn shift_all(indices: &mut [usize], by: isize) {
    for i in indices {
        *i = i.saturating_add_signed(by);
    }
}

impl Shift for Facets {
    fn shift(&mut self, initiatives: isize, _: isize) {
        for indices in self.values_mut() {
            shift_all(indices, initiatives);
        }
    }
}

impl Shift for InitiativesRelated {
    fn shift(&mut self, initiatives: isize, _: isize) {
        for indices in self.by_goal.values_mut() {
            shift_all(indices, initiatives);
        }
    }
}

impl Shift for PressRelated {
    fn shift(&mut self, _: isize, press: isize) {
        for indices in (self.by_goal.values_mut()).chain(self.by_partner.values_mut()) {
            shift_all(indices, press);
        }
    }
}

/// The value `slot` keeps when it was made for the same `versions` of what it is made from
/// (shifted when the runs start elsewhere now), or one `make` makes (and `slot` keeps). Debug
/// builds (the tests) check a kept value against a made one.
fn kept<T: Shift + Clone + PartialEq + std::fmt::Debug>(
    slot: &std::sync::Mutex<Option<Kept<T>>>,
    site: &Site,
    versions: (u64, u64),
    make: impl Fn(&Site) -> T,
) -> std::sync::Arc<T> {
    let Ok(mut slot) = slot.lock() else {
        return std::sync::Arc::new(make(site));
    };
    let run_start = |kind: Kind| site.pages.partition_point(|p| p.entry.kind < kind);
    let starts = (run_start(Kind::Initiative), run_start(Kind::Press));
    let value = match slot.as_ref() {
        Some(kept) if kept.versions == versions => {
            let mut value = (*kept.value).clone();
            if kept.starts != starts {
                let by = |now: usize, then: usize| now as isize - then as isize;
                value.shift(by(starts.0, kept.starts.0), by(starts.1, kept.starts.1));
            } else if !cfg!(debug_assertions) {
                return kept.value.clone();
            }
            #[cfg(debug_assertions)]
            assert_eq!(
                value,
                make(site),
                "what serve kept of the initiatives and press"
            );
            value
        }
        _ => make(site),
    };
    let value = std::sync::Arc::new(value);
    *slot = Some(Kept {
        versions,
        starts,
        value: value.clone(),
    });
    value
}

impl RenderCache {
    pub(super) fn facets(&self, site: &Site) -> std::sync::Arc<Facets> {
        // Made from the initiatives alone.
        kept(&self.facets, site, (site.directory, 0), facets)
    }

    pub(super) fn related(&self, site: &Site) -> Related {
        Related {
            initiatives: kept(
                &self.initiatives_related,
                site,
                (site.directory, 0),
                InitiativesRelated::of,
            ),
            press: kept(
                &self.press_related,
                site,
                (0, site.press),
                |site| match self.press_names.lock() {
                    Ok(mut names) => PressRelated::with_names(site, &mut names),
                    Err(_) => PressRelated::of(site),
                },
            ),
        }
    }
}
