//! The layout every page shares: title, alternates and language switcher, menu and footer (made
//! once per language), and the notice naming the entries not translated.

use super::RenderContext;
use crate::config::MenuItem;
use crate::incremental::dependencies;
use crate::lang::Lang;
use crate::model::Kind;
use crate::resolve::{Page, lang_prefix, section_url};
use crate::views::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the layout of every page in one language shares, as template values.
pub(super) struct LanguageLayout {
    home_href: tera::Value,
    css_href: tera::Value,
    js_href: tera::Value,
    assets_href: tera::Value,
    root_href: tera::Value,
    contact_href: tera::Value,
    search_href: tera::Value,
    feed_href: tera::Value,
    feed_title: tera::Value,
    footer_links: tera::Value,
    contact: tera::Value,
    og_image: tera::Value,
    /// The menu with no item current, then with each item current in turn.
    menus: Vec<tera::Value>,
    /// When each menu item is current.
    menu: Vec<CurrentWhen>,
    /// The menu's links, for a page where more than one item is current.
    links: Vec<MenuLink>,
}

/// When a menu item is the current one.
enum CurrentWhen {
    /// On its section's overview and every page below it.
    Below(String),
    /// On its page.
    At(String),
}

impl LanguageLayout {
    /// The menu of the page at `url`.
    fn menu(&self, url: &str) -> tera::Value {
        let current: Vec<usize> = (self.menu.iter().enumerate())
            .filter(|(_, when)| match when {
                CurrentWhen::Below(section) => url.starts_with(section.as_str()),
                CurrentWhen::At(page) => page == url,
            })
            .map(|(k, _)| k)
            .collect();
        match current[..] {
            [] => self
                .menus
                .first()
                .cloned()
                .unwrap_or_else(tera::Value::none),
            [k] => self
                .menus
                .get(k + 1)
                .cloned()
                .unwrap_or_else(tera::Value::none),
            _ => {
                let mut links = self.links.clone();
                for k in current {
                    links[k].current = true;
                }
                value(&links)
            }
        }
    }
}

/// `view` as a template value (cloning one shares it).
pub(super) fn value(view: &impl Serialize) -> tera::Value {
    tera::Value::try_from_serializable(view).unwrap_or_else(|_| tera::Value::none())
}

impl<'a> RenderContext<'a> {
    /// The layout of a page at `url` whose translations are `translations` (lang → url); a
    /// missing one falls back to `fallback` (the section in that language).
    pub(super) fn layout(
        &self,
        lang: Lang,
        url: &str,
        title: &str,
        description: &str,
        translations: &BTreeMap<Lang, String>,
        fallbacks: &BTreeMap<Lang, String>,
    ) -> LayoutView<'a> {
        let site = self.site;
        let config = &site.config;
        let shared = self.language_layout(lang);
        let site_title = config.title.get(&lang).map(String::as_str).unwrap_or("");
        let full_title = if title.is_empty() || title == site_title {
            site_title.to_string()
        } else {
            format!("{title} | {site_title}")
        };
        LayoutView {
            lang: lang.code(),
            dir: self.language(lang).direction,
            site_title,
            tagline: config.tagline.get(&lang).map(String::as_str).unwrap_or(""),
            title: full_title,
            description: if description.is_empty() {
                config.description.get(&lang).cloned().unwrap_or_default()
            } else {
                description.to_string()
            },
            canonical: self.absolute(url),
            home_href: shared.home_href.clone(),
            css_href: shared.css_href.clone(),
            js_href: shared.js_href.clone(),
            assets_href: shared.assets_href.clone(),
            root_href: shared.root_href.clone(),
            contact_href: shared.contact_href.clone(),
            search_href: shared.search_href.clone(),
            feed_href: shared.feed_href.clone(),
            feed_title: shared.feed_title.clone(),
            alternates: self.alternates(translations),
            switcher: self.switcher(lang, translations, fallbacks),
            untranslated: Vec::new(),
            menu: shared.menu(url),
            footer_links: shared.footer_links.clone(),
            contact: shared.contact.clone(),
            og_type: "website",
            og_image: shared.og_image.clone(),
            og_locale: &self.language(lang).locale,
            json_ld: None,
            body_class: "",
        }
    }

    /// The page's addresses in every language for search engines, and the default
    /// language's as `x-default` when there is more than one.
    fn alternates(&self, translations: &BTreeMap<Lang, String>) -> Vec<Alternate> {
        let config = &self.site.config;
        // In the order site.yaml gives the languages, not the order of their codes.
        let mut alternates: Vec<Alternate> = (config.languages.iter())
            .filter_map(|l| translations.get(l).map(|u| (l, u)))
            .map(|(l, u)| Alternate {
                hreflang: l.code().to_string(),
                href: self.absolute(u),
            })
            .collect();
        if translations.len() > 1
            && let Some(default_url) = translations.get(&config.default_lang())
        {
            alternates.push(Alternate {
                hreflang: "x-default".to_string(),
                href: self.absolute(default_url),
            });
        }
        alternates
    }

    /// The language switcher: to the page's translation, or where there is none to the notice
    /// on `fallbacks` (the list in that language) that names this page.
    fn switcher(
        &self,
        lang: Lang,
        translations: &BTreeMap<Lang, String>,
        fallbacks: &BTreeMap<Lang, String>,
    ) -> Vec<SwitchLink> {
        let config = &self.site.config;
        config
            .languages
            .iter()
            .map(|l| match translations.get(l) {
                Some(u) => SwitchLink {
                    code: l.code(),
                    name: self.language(*l).name.clone(),
                    href: self.href(u),
                    current: *l == lang,
                    fallback: false,
                },
                None => SwitchLink {
                    code: l.code(),
                    name: self.language(*l).name.clone(),
                    // To the notice that names this page on the list in that language.
                    href: format!(
                        "{}#untranslated",
                        self.href(
                            fallbacks
                                .get(l)
                                .map(String::as_str)
                                .unwrap_or(&lang_prefix(config, *l)),
                        )
                    ),
                    current: false,
                    fallback: true,
                },
            })
            .collect()
    }

    fn language_layout(&self, lang: Lang) -> &LanguageLayout {
        let made = &self.language_layouts[self.language_slot(lang)];
        dependencies::made_once(made, || self.make_language_layout(lang))
    }

    /// What every page of `lang` shares, as template values made once: addresses, the menu
    /// with each item current in turn, the footer and the contact details.
    fn make_language_layout(&self, lang: Lang) -> LanguageLayout {
        let site = self.site;
        let config = &site.config;
        let text = self.text(lang);
        let menu = self.menu_items(lang);
        let links: Vec<MenuLink> = menu.iter().map(|(link, _)| link.clone()).collect();
        let menus = std::iter::once(value(&links))
            .chain((0..links.len()).map(|k| {
                let mut links = links.clone();
                links[k].current = true;
                value(&links)
            }))
            .collect();
        let footer_links: Vec<Link> = ["about", "contact", "privacy"]
            .iter()
            .filter_map(|stem| site.page(Kind::Page, stem, lang))
            .map(|p| Link {
                label: p.entry.title().to_string(),
                href: self.href(&p.url),
            })
            .collect();
        LanguageLayout {
            home_href: value(&self.href(&lang_prefix(config, lang))),
            css_href: value(&self.href(&self.renderer.css_name)),
            js_href: value(&self.href(&self.renderer.js_name)),
            assets_href: value(&self.href("assets/")),
            root_href: value(&self.href("")),
            contact_href: value(
                &site
                    .page(Kind::Page, "contact", lang)
                    .map(|p| self.href(&p.url)),
            ),
            search_href: value(&self.href(&self.search_url(lang))),
            feed_href: value(&self.href(&format!(
                "{}atom.xml",
                section_url(config, Kind::Press, lang)
            ))),
            feed_title: value(&text.get("press_feed_title")),
            footer_links: value(&footer_links),
            contact: value(&config.contact),
            og_image: value(&self.absolute(&format!("{}og-default.png", "assets/"))),
            menus,
            menu: menu.into_iter().map(|(_, when)| when).collect(),
            links,
        }
    }

    /// The menu of `lang` as site.yaml lists it, each link with when it is current; a page
    /// with no version in `lang` is left out.
    fn menu_items(&self, lang: Lang) -> Vec<(MenuLink, CurrentWhen)> {
        let site = self.site;
        let config = &site.config;
        let text = self.text(lang);
        config
            .menu
            .iter()
            .filter_map(|item| match item {
                MenuItem::Section(kind) => {
                    let href = section_url(config, *kind, lang);
                    Some((
                        MenuLink {
                            label: text.get(&format!("{}_title", kind.folder())),
                            current: false,
                            href: self.href(&href),
                        },
                        CurrentWhen::Below(href),
                    ))
                }
                MenuItem::Page(stem) => site.page(Kind::Page, &stem.value, lang).map(|p| {
                    (
                        MenuLink {
                            label: p.entry.title().to_string(),
                            href: self.href(&p.url),
                            current: false,
                        },
                        CurrentWhen::At(p.url.to_string()),
                    )
                }),
            })
            .collect()
    }

    /// Translations of an entry, and where the switcher goes where there is none.
    pub(super) fn entry_alternates(
        &self,
        page: &Page,
    ) -> (BTreeMap<Lang, String>, BTreeMap<Lang, String>) {
        let config = &self.site.config;
        let mut translations = BTreeMap::new();
        let mut fallbacks = BTreeMap::new();
        for lang in &config.languages {
            match self.site.translation(page, *lang) {
                Some(t) => {
                    translations.insert(*lang, t.url.to_string());
                }
                None => {
                    fallbacks.insert(*lang, section_url(config, page.kind, *lang));
                }
            }
        }
        (translations, fallbacks)
    }

    pub(super) fn all_languages(&self, url_of: impl Fn(Lang) -> String) -> BTreeMap<Lang, String> {
        self.site
            .config
            .languages
            .iter()
            .map(|l| (*l, url_of(*l)))
            .collect()
    }

    /// The entries of `kind` that have a page in another language but none in `lang`: the
    /// notice on `kind`'s list (the home page for plain pages), where their switcher leads.
    pub(super) fn untranslated(&self, kind: Kind, lang: Lang) -> Vec<Untranslated> {
        let site = self.site;
        let text = self.text(lang);
        let groups = self.untranslated_pages(kind, lang);
        // What the notice shows is read as a list of its own, and its pages one by one: an
        // edit of a page with a translation does not make the notice again.
        if dependencies::recording() {
            let keys = untranslated_keys(site, groups);
            let length = dependencies::Length::Exact(keys.len());
            let list = untranslated_list(kind, lang);
            dependencies::read_list(list, 0, keys.into_iter(), length);
        }
        (groups.iter())
            .filter(|(_, positions)| !positions.is_empty())
            .map(|(other, positions)| {
                let links: Vec<UntranslatedLink> = (positions.iter())
                    .map(|i| site.read(&site.pages[*i]))
                    .map(|p| UntranslatedLink {
                        label: p.entry.title().to_string(),
                        href: self.href(&p.url),
                        lang: other.code(),
                    })
                    .collect();
                let name_of = |l: &Lang| text.get(&format!("name_of_{}", l.code()));
                let fill = |key: &str| {
                    (text.get(key))
                        .replace("{language}", &name_of(other))
                        .replace("{current}", &name_of(&lang))
                };
                Untranslated {
                    lang: other.code(),
                    title: fill("untranslated_title"),
                    text: fill(if links.len() == 1 {
                        "untranslated_text_one"
                    } else {
                        "untranslated_text"
                    }),
                    links,
                }
            })
            .collect()
    }

    /// `Site::untranslated`, made once per render (the lists of `serve`'s dependency map need
    /// it too), for the kinds whose lists show the notice: each kind with a section, and plain
    /// pages (on the home page).
    pub(super) fn untranslated_pages(&self, kind: Kind, lang: Lang) -> &[(Lang, Vec<usize>)] {
        match self.untranslated.get(&(kind, lang)) {
            Some(cell) => cell.get_or_init(|| self.site.untranslated(kind, lang)),
            None => &[],
        }
    }
}

/// One cell for each list with the notice of untranslated entries (`untranslated_pages`).
pub(super) fn untranslated_cells(site: &crate::resolve::Site) -> UntranslatedCells {
    let kinds = (crate::model::KINDS.into_iter()).filter(|k| k.has_section() || *k == Kind::Page);
    kinds
        .flat_map(|kind| (site.config.languages.iter()).map(move |lang| (kind, *lang)))
        .map(|list| (list, std::sync::OnceLock::new()))
        .collect()
}

/// See `RenderContext::untranslated_pages`.
pub(super) type UntranslatedCells =
    BTreeMap<(Kind, Lang), std::sync::OnceLock<Vec<(Lang, Vec<usize>)>>>;

/// The notice of untranslated entries of `kind` in `lang`, as a list of the dependency map.
pub(super) fn untranslated_list(kind: Kind, lang: Lang) -> dependencies::ListId {
    super::derived_list(&("untranslated", kind, lang))
}

/// The keys of that list: each page shown, with the language it is shown under.
pub(super) fn untranslated_keys(
    site: &crate::resolve::Site,
    groups: &[(Lang, Vec<usize>)],
) -> Vec<u64> {
    (groups.iter())
        .flat_map(|(other, positions)| positions.iter().map(move |i| (*other, *i)))
        .map(|(other, i)| dependencies::output_key(&(other, site.pages[i].key_hash)))
        .collect()
}
