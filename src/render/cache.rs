//! What rendering keeps between the builds of `serve` (`RenderCache`): the search indexes, the
//! sitemap's rows, what each press release names and the initiatives' cards, each kept by the
//! entry it was made from.

use super::directory::Facets;
use super::from_lists::FromLists;
use super::related::{InitiativesRelated, PressNames, PressRelated, Related};
use super::sitemap::SitemapRows;
use crate::diagnostic::Diagnostic;
use crate::incremental::dependencies::{Changed, PageRef, Reads};
use crate::model::Entry;
use crate::resolve::Site;
use std::sync::Arc;

/// An initiative's card as a render made it (`None`: not an initiative; an error: its template
/// failed), with what making it read.
pub(super) type MadeCard = (Option<Result<tera::Value, Diagnostic>>, Reads);

/// An initiative's card as its template rendered it, with what making it read and the entry
/// it was made from: with the same entry (and the same frame and theme: a partial render) it
/// is the same.
pub(super) struct KeptCard {
    pub(super) entry: Arc<Entry>,
    pub(super) html: String,
    pub(super) reads: Reads,
}

/// The cards of the last render, by page.
pub(super) type KeptCards = foldhash::HashMap<PageRef, KeptCard>;

/// What rendering keeps between the builds of `serve`.
pub struct RenderCache {
    pub(super) search_indexes: crate::search_index::KeptIndexes,
    /// What each press release names, for making its related lists again.
    press_names: std::sync::Mutex<PressNames>,
    /// The directory's facets and the initiatives that name each goal, made from the
    /// initiatives' lists: a press release's edit keeps them.
    pub(super) facets: FromLists<Facets>,
    initiatives_related: FromLists<InitiativesRelated>,
    press_related: FromLists<PressRelated>,
    /// The sitemap's rows, made again by entry.
    pub(super) sitemap: std::sync::Mutex<Option<Arc<SitemapRows>>>,
    /// The initiatives' cards: a new initiative changes the counts on every directory page,
    /// and each page shows 24 cards that did not change.
    pub(super) cards: std::sync::Mutex<KeptCards>,
}

impl Default for RenderCache {
    fn default() -> Self {
        RenderCache {
            search_indexes: Default::default(),
            press_names: Default::default(),
            facets: FromLists::new(crate::model::Kind::Initiative),
            initiatives_related: FromLists::new(crate::model::Kind::Initiative),
            press_related: FromLists::new(crate::model::Kind::Press),
            sitemap: Default::default(),
            cards: Default::default(),
        }
    }
}

impl RenderCache {
    /// The cards kept by the last render, for a partial render (a full one may follow an edit
    /// to the theme or the settings, which every card shows: it makes them again).
    pub(super) fn take_cards(&self, partial: bool) -> KeptCards {
        match self.cards.lock() {
            Ok(mut kept) if partial => std::mem::take(&mut *kept),
            _ => KeptCards::default(),
        }
    }

    /// Keeps the cards `kept` and those this render made (`made`, by position in the
    /// site's pages), without those of pages gone or edited since they were made (only the
    /// pages `changed` can be: a partial render).
    pub(super) fn keep_cards(
        &self,
        site: &Site,
        (mut kept, changed): (KeptCards, Option<&Changed>),
        made: Vec<std::sync::OnceLock<Box<MadeCard>>>,
    ) {
        for page in changed.into_iter().flat_map(|c| &c.pages) {
            kept.remove(page);
        }
        for (page, made) in site.pages.iter().zip(made) {
            // A card whose template failed is made again (and its problem reported) next time.
            if let Some((Some(Ok(card)), reads)) = made.into_inner().map(|made| *made)
                && let Some(html) = (card.as_map())
                    .and_then(|fields| fields.get(&tera::value::Key::from("html")))
                    .and_then(tera::Value::as_str)
            {
                let entry = page.entry.clone();
                let html = html.to_string();
                let card = KeptCard { entry, html, reads };
                kept.insert((page.lang, page.key_hash), card);
            }
        }
        if let Ok(mut cards) = self.cards.lock() {
            *cards = kept;
        }
    }

    pub(super) fn related(&self, site: &Site) -> Related {
        let (initiatives, press) = rayon::join(
            || self.initiatives_related.get(site, InitiativesRelated::of),
            || {
                // An edit of a release's text names what it named: kept.
                let make = |site: &Site| match self.press_names.lock() {
                    Ok(mut names) => PressRelated::with_names(site, &mut names),
                    Err(_) => PressRelated::of(site),
                };
                (self.press_related).get_alike(site, PressRelated::names_alike, make)
            },
        );
        Related { initiatives, press }
    }
}
