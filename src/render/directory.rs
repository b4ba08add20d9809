//! The directory of initiatives: its facets (all, per province, per theme), their addresses,
//! and its list pages with their filters.

use super::RenderContext;
use super::from_lists::Sublist;
use crate::diagnostic::Diagnostic;
use crate::incremental::dependencies::{self, Reads, pages};
use crate::lang::Lang;
use crate::model::{EntryData, Kind, PROVINCES};
use crate::resolve::{Site, section_url};
use crate::views::*;
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Filter {
    Province(&'static str),
    Theme(String),
}

/// (language, filter) → offsets in the language's list of initiatives, in list order.
pub(super) type Facets = HashMap<(Lang, Option<Filter>), Vec<usize>>;

/// The filters of each facet's pages, rendered on first use (`filters_html`).
pub(super) type FiltersMade =
    HashMap<(Lang, Option<Filter>), std::sync::OnceLock<(Result<String, Diagnostic>, Reads)>>;

pub(super) fn facets(site: &Site) -> Facets {
    let mut facets = Facets::new();
    for lang in &site.config.languages {
        // Gathered by province and theme name first: no key of the map is made or hashed per
        // initiative.
        let all = site.list_indices(Kind::Initiative, *lang);
        let mut provinces: Vec<Vec<usize>> = vec![Vec::new(); PROVINCES.len()];
        let mut themes: HashMap<&str, Vec<usize>> = HashMap::new();
        for (offset, &i) in all.iter().enumerate() {
            let EntryData::Initiative(initiative) = &site.pages[i].entry.data else {
                continue;
            };
            if let Some(at) = PROVINCES.iter().position(|p| **p == initiative.province) {
                provinces[at].push(offset);
            }
            for theme in &initiative.themes {
                themes.entry(theme.value.as_str()).or_default().push(offset);
            }
        }
        if !all.is_empty() {
            facets.insert((*lang, None), (0..all.len()).collect());
        }
        for (province, indices) in PROVINCES.iter().zip(provinces) {
            if !indices.is_empty() {
                facets.insert((*lang, Some(Filter::Province(province))), indices);
            }
        }
        for (theme, indices) in themes {
            facets.insert((*lang, Some(Filter::Theme(theme.to_string()))), indices);
        }
    }
    facets
}

/// The id of a facet in the dependency map.
pub(super) fn facet_list(lang: Lang, filter: Option<&Filter>) -> dependencies::ListId {
    super::derived_list(&("facet", lang, filter))
}

impl<'a> RenderContext<'a> {
    /// A directory page's address. A province is named by its official name in every language
    /// (`provincie/fryslan/`, `province/fryslan/`): the address stays when a theme renames it.
    pub(super) fn filter_url(&self, lang: Lang, filter: &Filter) -> String {
        let base = section_url(&self.site.config, Kind::Initiative, lang);
        let language = self.language(lang);
        match filter {
            Filter::Province(p) => format!(
                "{base}{}/{}/",
                language.address_province,
                crate::slug::slugify(p)
            ),
            Filter::Theme(t) => format!("{base}{}/{t}/", language.address_theme),
        }
    }

    /// The first page of the directory: of every initiative, or of those `filter` selects.
    fn directory_url(&self, lang: Lang, filter: Option<&Filter>) -> String {
        match filter {
            Some(f) => self.filter_url(lang, f),
            None => section_url(&self.site.config, Kind::Initiative, lang),
        }
    }

    /// Page `n` of the directory of initiatives in `lang`: all of them, or those `filter`
    /// selects (a province or a theme).
    pub(super) fn initiatives(
        &self,
        lang: Lang,
        filter: Option<&Filter>,
        n: usize,
    ) -> Result<String, Diagnostic> {
        let site = self.site;
        let text = self.text(lang);
        let first_url = self.directory_url(lang, filter);
        let all = self.facet(lang, filter);
        let size = site.config.page_size(Kind::Initiative);
        let total = pages(all.len(), size);
        let shown = self.read_list_page(facet_list(lang, filter), all, n, size);
        let title = self.directory_title(lang, filter);
        let intro = if filter.is_none() {
            text.get("initiatives_intro")
        } else {
            String::new()
        };
        let translations =
            self.all_languages(|l| self.paginated_url(&self.directory_url(l, filter), l, n));
        let url = self.paginated_url(&first_url, lang, n);
        let mut layout = self.layout(lang, &url, &title, &intro, &translations, &BTreeMap::new());
        if filter.is_none() && n == 0 {
            layout.untranslated = self.untranslated(Kind::Initiative, lang);
        }
        let view = InitiativesView {
            title,
            intro,
            items: (shown.positions())
                .filter_map(|i| self.initiative_card_at(i))
                .collect(),
            filters_html: self.filters_html(lang, filter)?,
            pagination: self.pagination(lang, &first_url, n, total),
            index_href: self.href(&section_url(&site.config, Kind::Initiative, lang)),
            filtered: filter.is_some(),
        };
        self.render("initiatives.html", layout, &view)
    }

    /// The initiatives on the directory pages of `filter` (`None`: all), in list order; not
    /// recorded (the caller records what it reads of them).
    pub(super) fn facet(&self, lang: Lang, filter: Option<&Filter>) -> Sublist<'_> {
        let offsets = (self.facets.get(&(lang, filter.cloned()))).map_or(&[][..], Vec::as_slice);
        Sublist::some(self.site.list_indices(Kind::Initiative, lang), offsets)
    }

    fn directory_title(&self, lang: Lang, filter: Option<&Filter>) -> String {
        let text = self.text(lang);
        match filter {
            None => text.get("initiatives_title"),
            Some(Filter::Province(p)) => text
                .get("initiatives_in_province")
                .replace("{province}", &text.province(p)),
            Some(Filter::Theme(t)) => text
                .get("initiatives_with_theme")
                .replace("{theme}", &self.site.config.theme_label(t, lang)),
        }
    }

    /// The filters on the directory pages of `filter`, rendered once for all of them.
    fn filters_html(&self, lang: Lang, filter: Option<&Filter>) -> Result<String, Diagnostic> {
        let make = || {
            let view = DirectoryFilters {
                groups: self.filter_groups(lang, filter),
                index_href: self.href(&section_url(&self.site.config, Kind::Initiative, lang)),
                filtered: filter.is_some(),
            };
            self.render_partial("partial_directory_filters.html", lang, &view)
        };
        match self.filters_made.get(&(lang, filter.cloned())) {
            Some(made) => dependencies::made_once(made, make).clone(),
            None => make(),
        }
    }

    /// The directory's filters: by province, by theme (those that have initiatives, with how
    /// many) and by goal. `current` is the filter of the page they are on.
    fn filter_groups(&self, lang: Lang, current: Option<&Filter>) -> Vec<FilterGroup> {
        let made = &self.directory_filters[self.language_slot(lang)];
        let mut groups = dependencies::made_once(made, || self.make_filter_groups(lang)).clone();
        if let Some(current) = current {
            let href = self.href(&self.filter_url(lang, current));
            for link in groups.iter_mut().flat_map(|g| g.links.iter_mut()) {
                link.current = link.href == href;
            }
        }
        groups
    }

    /// The filters of `filter_groups`, none current.
    fn make_filter_groups(&self, lang: Lang) -> Vec<FilterGroup> {
        let text = self.text(lang);
        let config = &self.site.config;
        let theme_links = (config.themes.iter())
            .filter_map(|(theme, _)| {
                let label = config.theme_label(theme, lang);
                self.filter_link(lang, Filter::Theme(theme.clone()), label)
            })
            .collect();
        let goal_links = (self.site.list(Kind::Goal, lang))
            .filter_map(|p| self.goal_card(p))
            .map(|g| FilterLink {
                label: format!("{}. {}", g.number, g.short_label.clone().unwrap_or(g.title)),
                href: g.href,
                count: 0,
                current: false,
            })
            .collect();
        vec![
            FilterGroup {
                title: text.get("filter_province"),
                links: self.province_links(lang),
            },
            FilterGroup {
                title: text.get("filter_theme"),
                links: theme_links,
            },
            FilterGroup {
                title: text.get("filter_goal"),
                links: goal_links,
            },
        ]
    }

    /// The provinces that have initiatives, with how many, in the reader's language's order
    /// (North Holland, South Holland), none current.
    pub(super) fn province_links(&self, lang: Lang) -> Vec<FilterLink> {
        let text = self.text(lang);
        let mut links: Vec<FilterLink> = (PROVINCES.iter())
            .filter_map(|province| {
                let label = text.province(province);
                self.filter_link(lang, Filter::Province(province), label)
            })
            .collect();
        links.sort_by(|a, b| a.label.cmp(&b.label));
        links
    }

    /// The link to the directory page of `filter`, with how many initiatives it has (not
    /// current); `None` when it has none (there is no such page).
    fn filter_link(&self, lang: Lang, filter: Filter, label: String) -> Option<FilterLink> {
        let count = self.facet(lang, Some(&filter)).len();
        let length = dependencies::Length::Exact(count);
        self.read_list(
            facet_list(lang, Some(&filter)),
            0,
            std::iter::empty(),
            length,
        );
        (count > 0).then(|| FilterLink {
            label,
            href: self.href(&self.filter_url(lang, &filter)),
            count,
            current: false,
        })
    }
}
