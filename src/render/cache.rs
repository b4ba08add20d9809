//! What rendering keeps between the builds of `serve` (`RenderCache`): the search records, the
//! sitemap's rows and what each press release names, each kept by the entry it was made from.

use super::related::{InitiativesRelated, PressNames, PressRelated, Related};
use super::sitemap::SitemapRows;
use crate::resolve::Site;
use std::sync::Arc;

/// What rendering keeps between the builds of `serve`.
#[derive(Default)]
pub struct RenderCache {
    pub(super) search_records: crate::search_index::Records,
    /// What each press release names, for making its related lists again.
    press_names: std::sync::Mutex<PressNames>,
    /// The sitemap's rows, made again by entry.
    pub(super) sitemap: std::sync::Mutex<Option<SitemapRows>>,
}

impl RenderCache {
    pub(super) fn related(&self, site: &Site) -> Related {
        Related {
            initiatives: Arc::new(InitiativesRelated::of(site)),
            press: Arc::new(match self.press_names.lock() {
                Ok(mut names) => PressRelated::with_names(site, &mut names),
                Err(_) => PressRelated::of(site),
            }),
        }
    }
}
