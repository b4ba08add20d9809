//! The pages every language has once besides the lists: home, search and 404.

use super::RenderContext;
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::model::{EntryData, Kind};
use crate::resolve::{Page, lang_prefix, section_url};
use crate::views::*;
use std::collections::BTreeMap;

impl<'a> RenderContext<'a> {
    /// The home page of `lang`: its own text, and a taste of every section.
    pub(super) fn home(&self, lang: Lang) -> Result<String, Diagnostic> {
        let site = self.site;
        let config = &site.config;
        let home = site.page(Kind::Home, "home", lang);
        let title = home
            .map(|h| h.entry.title().to_string())
            .unwrap_or_else(|| config.title.get(&lang).cloned().unwrap_or_default());
        let layout = self.home_layout(lang, home);
        let view = HomeView {
            title,
            intro: home
                .map(|h| h.entry.summary().to_string())
                .unwrap_or_default(),
            about_href: site
                .page(Kind::Page, "about", lang)
                .map(|p| self.href(&p.url)),
            provinces: self.province_links(lang),
            body_html: tera::Value::from(
                home.map_or(String::new(), |h| h.rendered.html().into_owned()),
            ),
            goals: site
                .list(Kind::Goal, lang)
                .filter_map(|p| self.goal_card(p))
                .collect(),
            press: site
                .list(Kind::Press, lang)
                .filter_map(|p| self.press_card(p))
                .take(3)
                .collect(),
            initiatives: self.home_initiatives(lang),
            // The soonest of those to come (the list is latest first).
            festival: site
                .list(Kind::Festival, lang)
                .filter_map(|p| self.festival_card(p))
                .filter(|f| f.upcoming)
                .last(),
            goals_href: self.href(&section_url(config, Kind::Goal, lang)),
            press_href: self.href(&section_url(config, Kind::Press, lang)),
            initiatives_href: self.href(&section_url(config, Kind::Initiative, lang)),
            partners: site
                .list(Kind::Partner, lang)
                .filter_map(|p| self.partner_card(p))
                .collect(),
            partners_href: self.href(&section_url(config, Kind::Partner, lang)),
        };
        self.render("home.html", layout, &view)
    }

    /// The home page's layout: the organisation for search engines, and the notice naming the
    /// plain pages not translated (they have no list of their own).
    fn home_layout(&self, lang: Lang, home: Option<&Page>) -> LayoutView<'a> {
        let config = &self.site.config;
        let url = lang_prefix(config, lang);
        let translations = self.all_languages(|l| lang_prefix(config, l));
        let mut layout = self.layout(
            lang,
            &url,
            "",
            home.map(|h| h.entry.summary()).unwrap_or(""),
            &translations,
            &BTreeMap::new(),
        );
        layout.json_ld = Some(crate::jsonld::organization(
            self.site,
            lang,
            &self.absolute(&url),
            &|p: &Page| self.absolute(&p.url),
        ));
        layout.body_class = "home";
        layout.untranslated = self.untranslated(Kind::Page, lang);
        layout
    }

    /// The initiatives the home page shows: the featured ones (at most six), or else the
    /// first three.
    fn home_initiatives(&self, lang: Lang) -> Vec<tera::Value> {
        let list = || self.site.list(Kind::Initiative, lang);
        let card = |p: &Page| {
            let index = self.site.index_of(Kind::Initiative, &p.entry.stem, lang)?;
            self.initiative_card_at(index)
        };
        let featured: Vec<tera::Value> = list()
            .filter(|p| matches!(&p.entry.data, EntryData::Initiative(i) if i.featured))
            .filter_map(card)
            .take(6)
            .collect();
        if !featured.is_empty() {
            return featured;
        }
        list().filter_map(card).take(3).collect()
    }

    fn browse_links(&self, lang: Lang) -> Vec<Link> {
        let config = &self.site.config;
        let text = self.text(lang);
        crate::model::KINDS
            .into_iter()
            .filter(|k| k.has_section())
            .map(|k| Link {
                label: text.get(&format!("{}_title", k.folder())),
                href: self.href(&section_url(config, k, lang)),
            })
            .collect()
    }

    pub(super) fn search(&self, lang: Lang) -> Result<String, Diagnostic> {
        let url = self.search_url(lang);
        let title = self.text(lang).get("search_title");
        let translations = self.all_languages(|l| self.search_url(l));
        let layout = self.layout(lang, &url, &title, "", &translations, &BTreeMap::new());
        let view = SearchView {
            title,
            index_href: self.href(&format!("{url}index.json")),
            browse: self.browse_links(lang),
        };
        self.render("search.html", layout, &view)
    }

    pub(super) fn not_found(&self, lang: Lang) -> Result<String, Diagnostic> {
        let config = &self.site.config;
        let title = self.text(lang).get("not_found_title");
        let translations = self.all_languages(|l| format!("{}404.html", lang_prefix(config, l)));
        let mut layout = self.layout(
            lang,
            &format!("{}404.html", lang_prefix(config, lang)),
            &title,
            "",
            &translations,
            &BTreeMap::new(),
        );
        // A 404 page is no page of its own: no alternates for search engines.
        layout.alternates.clear();
        let view = NotFoundView {
            title,
            home_href: self.href(&lang_prefix(config, lang)),
            browse: self.browse_links(lang),
        };
        self.render("404.html", layout, &view)
    }
}
