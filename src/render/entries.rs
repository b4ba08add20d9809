//! The page of each entry, one step per kind: goal, partner, press release, initiative,
//! festival and plain page.

use super::RenderContext;
use super::cards::url_label;
use super::escape::query_escape;
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::model::{EntryData, Festival, Goal, Initiative, Kind, Press};
use crate::resolve::{Page, section_url};
use crate::views::*;

pub(super) fn internal(page: &Page) -> Diagnostic {
    Diagnostic::error(&page.entry.path, 0, 0, crate::tr!("render-internal-kind"))
        .with_hint(crate::tr!("render-internal-hint"))
}

impl<'a> RenderContext<'a> {
    /// Who answers questions about a press release: the organisation it names (with its
    /// website when it is a partner), the coalition's press address if site.yaml has one, or
    /// else the partners it names; and always the contact page.
    fn press_contact(&self, press: &Press, lang: Lang) -> PressContactView {
        let site = self.site;
        fn partner_site(page: &Page) -> Option<(&crate::model::Partner, &Page)> {
            match &page.entry.data {
                EntryData::Partner(p) => Some((p, page)),
                _ => None,
            }
        }
        let named = press.press_contact.as_ref().map(|name| {
            let name = &name.value;
            let wanted = name.trim().to_lowercase();
            let partner = site
                .list(Kind::Partner, lang)
                .filter_map(partner_site)
                .find(|(p, page)| {
                    p.name.to_lowercase() == wanted
                        || p.short_name
                            .as_ref()
                            .is_some_and(|s| s.to_lowercase() == wanted)
                        || page.entry.stem == wanted
                });
            Link {
                label: name.clone(),
                href: partner
                    .map(|(p, _)| p.url.value.clone())
                    .unwrap_or_default(),
            }
        });
        let is_partner = named.as_ref().is_some_and(|l| !l.href.is_empty());
        let email = site.config.contact.get("press_email").cloned();
        let partners = if is_partner || email.is_some() {
            Vec::new()
        } else {
            (press.partners.iter())
                .filter_map(|stem| {
                    let page = site.page(Kind::Partner, &stem.value, lang)?;
                    let (partner, _) = partner_site(page)?;
                    Some(Link {
                        label: partner
                            .short_name
                            .clone()
                            .unwrap_or_else(|| partner.name.clone()),
                        href: partner.url.value.clone(),
                    })
                })
                .collect()
        };
        PressContactView {
            organisation: named,
            email,
            partners,
            contact_href: site.page(Kind::Page, "contact", lang).map(|p| {
                let anchor = self.text(lang).get("contact_press_anchor");
                format!("{}#{anchor}", self.href(&p.url))
            }),
        }
    }

    /// The page of the entry at `index` in `Site::pages`.
    pub(super) fn entry_page(&self, index: usize) -> Result<String, Diagnostic> {
        let page = self.site.page_at(index).ok_or_else(|| {
            Diagnostic::error("", 0, 0, crate::tr!("render-internal-no-page"))
                .with_hint(crate::tr!("render-internal-hint"))
        })?;
        let lang = page.lang;
        let (translations, fallbacks) = self.entry_alternates(page);
        let layout = self.layout(
            lang,
            &page.url,
            page.entry.title(),
            page.entry.summary(),
            &translations,
            &fallbacks,
        );
        let parts = EntryParts {
            page,
            lang,
            layout,
            index_href: self.href(&section_url(&self.site.config, page.kind, lang)),
            body_html: tera::Value::from(page.rendered.html().into_owned()),
        };
        match &page.entry.data {
            EntryData::Goal(goal) => self.goal_page(parts, goal),
            EntryData::Partner(_) => self.partner_page(parts),
            EntryData::Press(press) => self.press_page(parts, press),
            EntryData::Initiative(initiative) => self.initiative_page(parts, index, initiative),
            EntryData::Festival(festival) => self.festival_page(parts, festival),
            EntryData::Page(p) => {
                let view = PlainView {
                    title: p.title.clone(),
                    summary: p.summary.clone().unwrap_or_default(),
                    body_html: parts.body_html,
                };
                self.render("page.html", parts.layout, &view)
            }
            EntryData::Home(_) => Err(internal(page)),
        }
    }

    /// A goal with the initiatives and press releases that name it, and its neighbours.
    fn goal_page(&self, parts: EntryParts<'_, 'a>, goal: &Goal) -> Result<String, Diagnostic> {
        let EntryParts { page, lang, .. } = parts;
        let related = self.related();
        let number = (lang, goal.number.value);
        let (initiatives, more_initiatives) = self.cut_related(
            related.initiatives_naming_goal(self.site, number.0, number.1),
            Kind::Initiative,
            lang,
            |i| self.initiative_card_at(i),
            |total| {
                self.text(lang)
                    .get("all_n_initiatives")
                    .replace("{count}", &total.to_string())
            },
        );
        let (press, more_press) = self.related_press(
            lang,
            related.press_naming_goal(self.site, number.0, number.1),
        );
        // Its neighbours in programme order, to read the goals one after another.
        let goals: Vec<&Page> = self.site.list(Kind::Goal, lang).collect();
        let at = goals.iter().position(|p| std::ptr::eq(*p, page));
        let neighbour = |i: Option<usize>| {
            let card = self.goal_card(goals.get(i?)?)?;
            Some(Link {
                label: format!("{}. {}", card.number, card.title),
                href: card.href,
            })
        };
        let view = GoalView {
            previous: neighbour(at.and_then(|i| i.checked_sub(1))),
            next: neighbour(at.map(|i| i + 1)),
            goal: self.goal_card(page).ok_or_else(|| internal(page))?,
            body_html: parts.body_html,
            initiatives,
            more_initiatives,
            press,
            more_press,
            index_href: parts.index_href,
        };
        self.render("goal.html", parts.layout, &view)
    }

    /// A partner with the press releases that name it.
    fn partner_page(&self, parts: EntryParts<'_, 'a>) -> Result<String, Diagnostic> {
        let EntryParts { page, lang, .. } = parts;
        let (press, more_press) = self.related_press(
            lang,
            (self.related()).press_naming_partner(self.site, lang, &page.entry.stem),
        );
        let view = PartnerView {
            partner: self.partner_card(page).ok_or_else(|| internal(page))?,
            body_html: parts.body_html,
            press,
            more_press,
            index_href: parts.index_href,
        };
        self.render("partner.html", parts.layout, &view)
    }

    /// A press release: an article for search engines and social media, with its contact.
    fn press_page(&self, parts: EntryParts<'_, 'a>, press: &Press) -> Result<String, Diagnostic> {
        let EntryParts { page, lang, .. } = parts;
        let mut layout = parts.layout;
        layout.og_type = "article";
        if let Some(social) = self
            .image(Kind::Press, press.image.as_ref(), press.image_alt.as_ref())
            .and_then(|i| i.social)
        {
            layout.og_image = social.into();
        }
        layout.json_ld = Some(crate::jsonld::news_article(
            self.site,
            page,
            &self.absolute(&page.url),
        ));
        let view = PressView {
            title: press.title.clone(),
            summary: press.summary.clone(),
            date: self.date(lang, press.date),
            body_html: parts.body_html,
            partners: self.partner_links(&press.partners, lang),
            goals: self.goal_links(&press.goals, lang),
            press_contact: self.press_contact(press, lang),
            image: self.image(Kind::Press, press.image.as_ref(), press.image_alt.as_ref()),
            index_href: parts.index_href,
        };
        self.render("press.html", layout, &view)
    }

    /// An initiative (page `index`): its card, website, founding date and goals.
    fn initiative_page(
        &self,
        parts: EntryParts<'_, 'a>,
        index: usize,
        initiative: &Initiative,
    ) -> Result<String, Diagnostic> {
        let EntryParts { page, lang, .. } = parts;
        let mut layout = parts.layout;
        if let Some(social) = self
            .image(
                Kind::Initiative,
                initiative.image.as_ref(),
                initiative.image_alt.as_ref(),
            )
            .and_then(|i| i.social)
        {
            layout.og_image = social.into();
        }
        let view = InitiativeView {
            initiative: match self.made_card(index) {
                // The card's template failed: the problem is this page's.
                Some(Err(problem)) => return Err(problem.clone()),
                _ => self.initiative_card(page).ok_or_else(|| internal(page))?,
            },
            body_html: parts.body_html,
            website: initiative.website.as_ref().map(|w| w.value.clone()),
            website_label: initiative.website.as_ref().map(|w| url_label(&w.value)),
            founded: initiative.founded.map(|f| DateView {
                iso: f.iso(),
                label: self.language(lang).format_partial_date(f),
            }),
            goals: self.goal_links(&initiative.goals, lang),
            index_href: parts.index_href,
        };
        self.render("initiative.html", layout, &view)
    }

    /// A festival: an event for search engines, its programme, calendar file and map link.
    fn festival_page(
        &self,
        parts: EntryParts<'_, 'a>,
        festival: &Festival,
    ) -> Result<String, Diagnostic> {
        let EntryParts { page, lang, .. } = parts;
        let mut layout = parts.layout;
        layout.json_ld = Some(crate::jsonld::event(
            self.site,
            page,
            &self.absolute(&page.url),
        ));
        let image = self.image(
            Kind::Festival,
            festival.image.as_ref(),
            festival.image_alt.as_ref(),
        );
        if let Some(social) = image.as_ref().and_then(|i| i.social.clone()) {
            layout.og_image = social.into();
        }
        let view = FestivalView {
            image,
            festival: self.festival_card(page).ok_or_else(|| internal(page))?,
            address: festival.address.clone(),
            body_html: parts.body_html,
            programme: festival
                .programme
                .iter()
                .map(|p| ProgrammeView {
                    time: p.time.clone(),
                    title: p.title.clone(),
                    description: p.description.clone(),
                })
                .collect(),
            partners: self.partner_links(&festival.partners, lang),
            ics_href: self.href(&crate::calendar::path(&page.url)),
            map_href: format!(
                "https://www.openstreetmap.org/search?query={}",
                query_escape(&format!(
                    "{}, {}, {}",
                    festival.venue, festival.address, festival.city
                ))
            ),
            index_href: parts.index_href,
        };
        self.render("festival.html", layout, &view)
    }
}

/// What every entry's page starts from, whatever its kind: the page, its layout (which some
/// kinds add to), its rendered text and the address of its section.
struct EntryParts<'p, 'a> {
    page: &'p Page,
    lang: Lang,
    layout: LayoutView<'a>,
    body_html: tera::Value,
    index_href: String,
}
