//! The sections' list pages (goals, partners, press releases, festivals) and the pagination
//! the lists share.

use super::RenderContext;
use super::from_lists::Sublist;
use crate::diagnostic::Diagnostic;
use crate::incremental::dependencies::{self, pages};
use crate::lang::Lang;
use crate::model::Kind;
use crate::resolve::section_url;
use crate::views::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

impl<'a> RenderContext<'a> {
    /// The URL of page `n` (0-based) of a paginated list: `pers/`, `pers/pagina/2/`.
    pub(super) fn paginated_url(&self, first: &str, lang: Lang, n: usize) -> String {
        if n == 0 {
            first.to_string()
        } else {
            let word = &self.language(lang).address_page;
            format!("{first}{word}/{}/", n + 1)
        }
    }

    pub(super) fn pagination(
        &self,
        lang: Lang,
        first_url: &str,
        n: usize,
        total: usize,
    ) -> Pagination {
        Pagination {
            label: self
                .text(lang)
                .get("page_of")
                .replace("{current}", &(n + 1).to_string())
                .replace("{total}", &total.to_string()),
            current: n + 1,
            total,
            prev_href: (n > 0).then(|| self.href(&self.paginated_url(first_url, lang, n - 1))),
            next_href: (n + 1 < total)
                .then(|| self.href(&self.paginated_url(first_url, lang, n + 1))),
        }
    }

    /// Page `n` of `kind`'s list in `lang`. (The directory of initiatives has its own.)
    pub(super) fn section_index(
        &self,
        kind: Kind,
        lang: Lang,
        n: usize,
    ) -> Result<String, Diagnostic> {
        if kind == Kind::Initiative {
            return self.initiatives(lang, None, n);
        }
        let text = self.text(lang);
        let title = text.get(&format!("{}_title", kind.folder()));
        let intro = text.get(&format!("{}_intro", kind.folder()));
        let mut layout = self.section_layout(kind, lang, n, &title, &intro);
        if n == 0 {
            layout.untranslated = self.untranslated(kind, lang);
        }
        let section = SectionPage {
            lang,
            n,
            title,
            intro,
            layout,
        };
        match kind {
            Kind::Goal => self.goals_index(section),
            Kind::Partner => self.partners_index(section),
            Kind::Press => self.press_index(section),
            Kind::Festival => self.festivals_index(section),
            // The directory was made above; the home page and plain pages have no list.
            Kind::Initiative | Kind::Home | Kind::Page => Err(Diagnostic::error(
                PathBuf::from("content"),
                0,
                0,
                crate::tr!("render-internal-no-section"),
            )
            .with_hint(crate::tr!("render-internal-hint"))),
        }
    }

    /// The layout of page `n` of `kind`'s list. Its translation is page `n` of the list in the
    /// other language where that list is as long, else that list's first page.
    fn section_layout(
        &self,
        kind: Kind,
        lang: Lang,
        n: usize,
        title: &str,
        intro: &str,
    ) -> LayoutView<'a> {
        let site = self.site;
        let config = &site.config;
        let url = self.paginated_url(&section_url(config, kind, lang), lang, n);
        let translations = self.all_languages(|l| {
            self.paginated_url(
                &section_url(config, kind, l),
                l,
                if site.list_pages(kind, l, config.page_size(kind)) > n {
                    n
                } else {
                    0
                },
            )
        });
        self.layout(lang, &url, title, intro, &translations, &BTreeMap::new())
    }

    /// The goals, in programme order (by number: goal 1 first) and by target year.
    fn goals_index(&self, section: SectionPage<'a>) -> Result<String, Diagnostic> {
        let goals: Vec<GoalCard> = (self.site.list(Kind::Goal, section.lang))
            .filter_map(|p| self.goal_card(p))
            .collect();
        let mut timeline: BTreeMap<i16, Vec<GoalCard>> = BTreeMap::new();
        for card in &goals {
            timeline
                .entry(card.target_year)
                .or_default()
                .push(card.clone());
        }
        let view = GoalsView {
            title: section.title,
            intro: section.intro,
            goals,
            timeline: timeline
                .into_iter()
                .map(|(year, goals)| TimelineYear { year, goals })
                .collect(),
        };
        self.render("goals.html", section.layout, &view)
    }

    /// The partners: the core partners apart from the signatories.
    fn partners_index(&self, section: SectionPage<'a>) -> Result<String, Diagnostic> {
        let cards: Vec<PartnerCard> = (self.site.list(Kind::Partner, section.lang))
            .filter_map(|p| self.partner_card(p))
            .collect();
        let (core, signatories) = cards.into_iter().partition(|c| c.core);
        let view = PartnersView {
            title: section.title,
            intro: section.intro,
            core,
            signatories,
        };
        self.render("partners.html", section.layout, &view)
    }

    /// Page `n` of the press releases, newest first, with the feed.
    fn press_index(&self, section: SectionPage<'a>) -> Result<String, Diagnostic> {
        let SectionPage { lang, n, .. } = section;
        let site = self.site;
        let first_url = section_url(&site.config, Kind::Press, lang);
        let size = site.config.page_size(Kind::Press);
        let all = site.list_indices(Kind::Press, lang);
        let total = pages(all.len(), size);
        let list = dependencies::ListId::Section(Kind::Press, lang);
        let shown = self.read_list_page(list, Sublist::whole(all), n, size);
        let items = (shown.positions())
            .filter_map(|i| self.press_card(site.page_at(i)?))
            .collect();
        let view = PressListView {
            title: section.title,
            intro: section.intro,
            items,
            pagination: self.pagination(lang, &first_url, n, total),
            feed_href: self.href(&format!("{first_url}atom.xml")),
        };
        self.render("press_list.html", section.layout, &view)
    }

    /// The festivals: those to come (the soonest first) apart from those past.
    fn festivals_index(&self, section: SectionPage<'a>) -> Result<String, Diagnostic> {
        let (mut upcoming, past): (Vec<FestivalCard>, Vec<FestivalCard>) =
            (self.site.list(Kind::Festival, section.lang))
                .filter_map(|p| self.festival_card(p))
                .partition(|f| f.upcoming);
        upcoming.reverse();
        let view = FestivalListView {
            title: section.title,
            intro: section.intro,
            upcoming,
            past,
        };
        self.render("festival_list.html", section.layout, &view)
    }
}

/// Page `n` of a section's list in `lang`: its heading and its layout.
struct SectionPage<'a> {
    lang: Lang,
    n: usize,
    title: String,
    intro: String,
    layout: LayoutView<'a>,
}
