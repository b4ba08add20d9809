//! Cards and links: the small views of goals, partners, press releases, initiatives and
//! festivals that other pages show, their images, and related lists cut short.

use super::RenderContext;
use super::directory::Filter;
use super::escape::escape_attribute;
use super::related::RelatedList;
use crate::diagnostic::Diagnostic;
use crate::incremental::dependencies;
use crate::lang::Lang;
use crate::model::{EntryData, Kind, PROVINCES, Role};
use crate::resolve::{Page, section_url};
use crate::views::*;
use std::sync::Arc;

/// Goal and partner pages show at most this many related initiatives and press releases (the
/// newest first): the full lists are in the sections, and a page stays light on a phone.
const RELATED_LIMIT: usize = 24;

/// A web address as a reader reads it: `https://www.lvkk.nl/` is `lvkk.nl`.
pub(super) fn url_label(url: &str) -> String {
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let host = host.strip_prefix("www.").unwrap_or(host);
    host.strip_suffix('/').unwrap_or(host).to_string()
}

impl<'a> RenderContext<'a> {
    pub(super) fn date(&self, lang: Lang, date: jiff::civil::Date) -> DateView {
        DateView {
            iso: date.to_string(),
            label: self.language(lang).format_date(date),
        }
    }

    pub(super) fn goal_card(&self, page: &Page) -> Option<GoalCard> {
        let EntryData::Goal(goal) = &page.entry.data else {
            return None;
        };
        Some(GoalCard {
            number: goal.number.value,
            title: goal.title.clone(),
            summary: goal.summary.clone(),
            short_label: goal.short_label.clone(),
            target_year: goal.target_year,
            href: self.href(&page.url),
        })
    }

    pub(super) fn partner_card(&self, page: &Page) -> Option<PartnerCard> {
        let EntryData::Partner(partner) = &page.entry.data else {
            return None;
        };
        let logo_href = partner
            .logo
            .as_ref()
            .and_then(|l| crate::resolve::normalize_relative(&l.value))
            .map(|relative| {
                self.href(&crate::resolve::asset_url(
                    &self.site.config,
                    Kind::Partner,
                    &relative,
                ))
            });
        Some(PartnerCard {
            name: partner.name.clone(),
            short_name: partner
                .short_name
                .clone()
                .unwrap_or_else(|| partner.name.clone()),
            summary: partner.summary.clone(),
            href: self.href(&page.url),
            website: partner.url.value.clone(),
            website_label: url_label(&partner.url.value),
            logo_href,
            core: partner.role == Role::Core,
            joined: DateView {
                iso: partner.joined.iso(),
                label: (self.language(page.lang)).format_partial_date(partner.joined),
            },
        })
    }

    pub(super) fn press_card(&self, page: &Page) -> Option<PressCard> {
        let EntryData::Press(press) = &page.entry.data else {
            return None;
        };
        Some(PressCard {
            title: press.title.clone(),
            summary: press.summary.clone(),
            href: self.href(&page.url),
            date: self.date(page.lang, press.date),
        })
    }

    pub(super) fn image(
        &self,
        kind: Kind,
        image: Option<&crate::fields::Located<String>>,
        alt: Option<&String>,
    ) -> Option<ImageView> {
        let relative = crate::resolve::normalize_relative(&image?.value)?;
        if let Some(picture) = self.site.picture(kind, &relative) {
            let alt = alt.cloned().unwrap_or_default();
            return Some(ImageView {
                src: picture.src.clone(),
                html: picture.to_html(&alt, crate::images::SIZES_CARD, true),
                hero_html: picture.to_html(&alt, crate::images::SIZES_TEXT, false),
                social: Some(format!("{}{}", self.origin, picture.social)),
                alt,
            });
        }
        let src = self.href(&crate::resolve::asset_url(
            &self.site.config,
            kind,
            &relative,
        ));
        let alt = alt.cloned().unwrap_or_default();
        let tag = format!(
            "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
            escape_attribute(&src),
            escape_attribute(&alt)
        );
        Some(ImageView {
            html: tag.clone(),
            hero_html: tag,
            social: None,
            src,
            alt,
        })
    }

    /// The card of the initiative at `index` in `Site::pages` as lists show it (`item.html`),
    /// made once per render; `None` when its template failed (its page reports the problem).
    /// What making it read is read by every output that shows it.
    pub(super) fn initiative_card_at(&self, index: usize) -> Option<tera::Value> {
        self.made_card(index)?.as_ref().ok().cloned()
    }

    /// The card of the initiative at `index`, or the problem its template met: taken from
    /// what `serve` kept when its entry is the one it was made from.
    pub(super) fn made_card(&self, index: usize) -> Option<&Result<tera::Value, Diagnostic>> {
        let made = self.initiative_cards.get(index)?.get_or_init(|| {
            let page = self.site.pages.get(index);
            let kept = page.and_then(|p| self.kept_cards.get(&(p.lang, p.key_hash)));
            if let Some((kept, page)) = kept.zip(page)
                && Arc::ptr_eq(&kept.entry, &page.entry)
            {
                return Box::new((Some(card_value(kept.html.clone())), kept.reads.clone()));
            }
            Box::new(dependencies::record_if_recording(|| {
                let page = self.site.page_at(index)?;
                let card = self.initiative_card(page)?;
                let html = self.render_partial("partial_initiative_card.html", page.lang, &card);
                Some(html.and_then(card_value))
            }))
        });
        let (card, reads) = &**made;
        dependencies::replay(reads);
        card.as_ref()
    }

    pub(super) fn initiative_card(&self, page: &Page) -> Option<InitiativeCard> {
        let EntryData::Initiative(initiative) = &page.entry.data else {
            return None;
        };
        let lang = page.lang;
        Some(InitiativeCard {
            name: initiative.name.clone(),
            place: initiative.place.clone(),
            province: Link {
                label: self.text(lang).province(&initiative.province),
                href: self.href(
                    &self.filter_url(
                        lang,
                        &Filter::Province(
                            PROVINCES
                                .iter()
                                .find(|p| **p == initiative.province)
                                .copied()
                                .unwrap_or(""),
                        ),
                    ),
                ),
            },
            // Only the site's themes have a page to link to: a draft may still hold `wdhs new`'s
            // example.
            themes: (initiative.themes.iter())
                .filter(|t| self.site.config.themes.iter().any(|(id, _)| *id == t.value))
                .map(|t| Link {
                    label: self.site.config.theme_label(&t.value, lang),
                    href: self.href(&self.filter_url(lang, &Filter::Theme(t.value.clone()))),
                })
                .collect(),
            summary: initiative.summary.clone(),
            href: self.href(&page.url),
            image: self.image(
                Kind::Initiative,
                initiative.image.as_ref(),
                initiative.image_alt.as_ref(),
            ),
        })
    }

    pub(super) fn festival_card(&self, page: &Page) -> Option<FestivalCard> {
        let EntryData::Festival(festival) = &page.entry.data else {
            return None;
        };
        Some(FestivalCard {
            title: festival.title.clone(),
            summary: festival.summary.clone(),
            href: self.href(&page.url),
            date: DateView {
                iso: festival.date.to_string(),
                label: (self.language(page.lang)).format_date_with_weekday(festival.date),
            },
            venue: festival.venue.clone(),
            city: festival.city.clone(),
            upcoming: festival.date >= self.site.today,
        })
    }

    /// The newest press releases that `about` selects, at most `RELATED_LIMIT`, and a link to
    /// the press overview saying how many more there are when the list is cut short.
    pub(super) fn related_press(
        &self,
        lang: Lang,
        related: RelatedList<'_>,
    ) -> (Vec<PressCard>, Option<Link>) {
        self.cut_related(
            related,
            Kind::Press,
            lang,
            |i| self.press_card(self.site.page_at(i)?),
            |total| {
                self.text(lang)
                    .get("more_press")
                    .replace("{count}", &(total - RELATED_LIMIT).to_string())
            },
        )
    }

    /// Cards for at most `RELATED_LIMIT` of `related`, and — when the list is cut short — a
    /// link to the kind's overview labelled from the full count.
    pub(super) fn cut_related<T>(
        &self,
        related: RelatedList<'_>,
        kind: Kind,
        lang: Lang,
        card: impl Fn(usize) -> Option<T>,
        label: impl FnOnce(usize) -> String,
    ) -> (Vec<T>, Option<Link>) {
        let RelatedList { id, pages: related } = related;
        let shown = related.range(0, RELATED_LIMIT);
        let length = dependencies::Length::Exact(related.len());
        self.read_list(id, 0, shown.positions(), length);
        let cards = shown.positions().filter_map(card).collect();
        let more = (related.len() > RELATED_LIMIT).then(|| Link {
            label: label(related.len()),
            href: self.href(&section_url(&self.site.config, kind, lang)),
        });
        (cards, more)
    }

    pub(super) fn goal_links(
        &self,
        numbers: &[crate::fields::Located<u8>],
        lang: Lang,
    ) -> Vec<Link> {
        numbers
            .iter()
            .filter_map(|n| self.site.goal(n.value, lang))
            .filter_map(|p| self.goal_card(p))
            .map(|g| Link {
                label: format!("{}. {}", g.number, g.title),
                href: g.href,
            })
            .collect()
    }

    pub(super) fn partner_links(
        &self,
        stems: &[crate::fields::Located<String>],
        lang: Lang,
    ) -> Vec<Link> {
        stems
            .iter()
            .filter_map(|s| {
                let page = self.site.page(Kind::Partner, &s.value, lang).or_else(|| {
                    self.site
                        .config
                        .languages
                        .iter()
                        .find_map(|l| self.site.page(Kind::Partner, &s.value, *l))
                })?;
                Some(Link {
                    label: page.entry.title().to_string(),
                    href: self.href(&page.url),
                })
            })
            .collect()
    }
}

/// A card as lists show it: its HTML, as the theme's `partial_initiative_card.html` rendered
/// it once for every page that shows it (each initiative is on three or four directory pages).
/// Only the HTML: a template value of every field of every card was most of the time of a
/// partial render to make, and ~3 KB per card to keep.
fn card_value(html: String) -> Result<tera::Value, Diagnostic> {
    #[derive(serde::Serialize)]
    struct Card {
        html: String,
    }
    tera::Value::try_from_serializable(&Card { html }).map_err(|e| {
        Diagnostic::error(
            crate::theme::THEME_DIR,
            0,
            0,
            crate::tr!("render-template-error", error = e.to_string()),
        )
    })
}
