//! `content/site.yaml` → `Config`: languages, titles, section URL names, menu, vocabularies.
//! Parsing is pure (`parse_config(&str)`); it never reads content.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fields::{Located, did_you_mean, write_like};
use crate::lang::Lang;
use crate::model::{KINDS, Kind};
use crate::tr;
use crate::yaml::{self, Key, Node, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "content/site.yaml";

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub base_url: String,
    /// `base_url` as site.yaml has it, whatever `--base-url` says: links written with it are
    /// links into the site (a press release copied from the web names the site in full).
    pub site_url: String,
    /// The first is the default language, published at the root.
    pub languages: Vec<Lang>,
    pub title: BTreeMap<Lang, String>,
    pub tagline: BTreeMap<Lang, String>,
    pub description: BTreeMap<Lang, String>,
    /// URL name of each section per language, e.g. press → {nl: pers, en: press}.
    pub sections: BTreeMap<Kind, BTreeMap<Lang, String>>,
    pub menu: Vec<MenuItem>,
    /// Theme id → label per language, in the order written.
    pub themes: Vec<(String, BTreeMap<Lang, String>)>,
    pub contact: BTreeMap<String, String>,
    pub pagination: BTreeMap<Kind, usize>,
    pub feed_limit: usize,
    /// How many goals the action programme has: a goal numbered higher is an error, and
    /// `wdhs new goal` makes none past it. `None`: any number up to 99.
    pub programme_goals: Option<u8>,
    /// site.yaml could not be read: its vocabularies are unknown, so content is not checked
    /// against them (every theme would be reported otherwise).
    pub broken: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuItem {
    Section(Kind),
    Page(Located<String>),
}

impl Config {
    pub fn default_lang(&self) -> Lang {
        self.languages
            .first()
            .copied()
            .unwrap_or_else(Lang::fallback)
    }

    pub fn section_name(&self, kind: Kind, lang: Lang) -> &str {
        self.sections
            .get(&kind)
            .and_then(|names| names.get(&lang))
            .map(String::as_str)
            .unwrap_or(kind.folder())
    }

    pub fn theme_label(&self, id: &str, lang: Lang) -> String {
        self.themes
            .iter()
            .find(|(theme, _)| theme == id)
            .and_then(|(_, labels)| labels.get(&lang))
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    pub fn page_size(&self, kind: Kind) -> usize {
        self.pagination
            .get(&kind)
            .copied()
            .unwrap_or(usize::MAX)
            .max(1)
    }

    /// The path part of the base URL, always starting and ending with `/`: "/" or "/wdhs/".
    pub fn base_path(&self) -> String {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, rest)| rest);
        let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
        let trimmed = path.trim_matches('/');
        if trimmed.is_empty() {
            "/".to_string()
        } else {
            format!("/{trimmed}/")
        }
    }

    /// Scheme and host without a trailing slash: "https://example.org".
    pub fn origin(&self) -> String {
        let (scheme, rest) = self
            .base_url
            .split_once("://")
            .unwrap_or(("https", self.base_url.as_str()));
        let host = rest.split('/').next().unwrap_or(rest);
        format!("{scheme}://{host}")
    }

    pub fn set_base_url(&mut self, url: &str) {
        self.base_url = normalize_base_url(url);
    }
}

/// The characters a web address may hold as it is written (RFC 3986, and letters of any
/// script, as browsers show them): letters, digits and `-._~:/?#[]@!$&'()*+,;=%`.
fn is_address_char(c: char) -> bool {
    c.is_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

/// A character as a message shows it: a control character (a line break) as its escape `\r`.
fn shown_char(c: char) -> String {
    if c.is_control() {
        c.escape_default().to_string()
    } else {
        c.to_string()
    }
}

fn normalize_base_url(url: &str) -> String {
    let trimmed = url.trim();
    if trimmed.ends_with('/') {
        trimmed.to_string()
    } else {
        format!("{trimmed}/")
    }
}

const FIELDS: &[&str] = &[
    "base_url",
    "languages",
    "title",
    "tagline",
    "description",
    "sections",
    "menu",
    "themes",
    "contact",
    "pagination",
    "feed_limit",
    "programme_goals",
];

struct Reader<'a> {
    path: &'a Path,
    diagnostics: &'a mut Diagnostics,
}

impl Reader<'_> {
    fn error(
        &mut self,
        line: usize,
        col: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diagnostics
            .push(Diagnostic::error(self.path, line, col, message).with_hint(hint));
    }

    fn text(&mut self, node: &Node, what: &str) -> Option<String> {
        let text = node.as_text();
        if text.is_none() {
            self.error(
                node.line,
                node.col,
                tr!("config-not-text", field = what, found = node.type_name()),
                write_like(what, "\"…\""),
            );
        }
        text
    }

    fn map<'n>(&mut self, node: &'n Node, what: &str) -> &'n [(Key, Node)] {
        match &node.value {
            Value::Map(entries) => entries,
            _ => {
                self.error(
                    node.line,
                    node.col,
                    tr!("config-not-group", field = what, found = node.type_name()),
                    // The line as written: `energie: …` under `themes:`, not `themes.energie:`.
                    write_like(what.rsplit('.').next().unwrap_or(what), "{ nl: …, en: … }"),
                );
                &[]
            }
        }
    }

    fn per_language(
        &mut self,
        node: &Node,
        what: &str,
        languages: &[Lang],
    ) -> BTreeMap<Lang, String> {
        let mut out = BTreeMap::new();
        for (key, value) in self.map(node, what) {
            match Lang::find(languages, &key.name) {
                Some(lang) => {
                    if let Some(text) = self.text(value, &format!("{what}.{}", key.name)) {
                        out.insert(lang, text);
                    }
                }
                None => self.error(
                    key.line,
                    key.col,
                    tr!("config-not-site-language", code = &key.name, field = what),
                    tr!("config-not-site-language-hint", codes = codes(languages)),
                ),
            }
        }
        for lang in languages {
            if !out.contains_key(lang) && matches!(node.value, Value::Map(_)) {
                self.error(
                    node.line,
                    node.col,
                    tr!("config-no-text-for", field = what, code = lang.code()),
                    tr!("config-no-text-for-hint", field = what, code = lang.code()),
                );
            }
        }
        out
    }
}

/// "nl, en": the codes of `languages`, for messages.
pub fn codes(languages: &[Lang]) -> String {
    languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses `site.yaml`; every problem goes into `diagnostics` and a best-effort config is returned
/// so content can still be checked.
pub fn parse_config(text: &str, path: &Path, diagnostics: &mut Diagnostics) -> Config {
    let mut config = fallback_config();
    let node = match yaml::parse(text, 0) {
        Ok(node) => node,
        Err(error) => {
            diagnostics.push(error.diagnostic(path, yaml::IN_SITE_YAML));
            config.broken = true;
            return config;
        }
    };
    let mut reader = Reader { path, diagnostics };
    let entries: Vec<(Key, Node)> = reader.map(&node, "site.yaml").to_vec();
    let find = |name: &str| entries.iter().find(|(k, _)| k.name == name).map(|(_, v)| v);

    // Read first: every text given per language is checked against them.
    if let Some(languages) = find("languages") {
        let parsed = reader.languages(languages);
        if !parsed.is_empty() {
            config.languages = parsed;
        }
    }
    let languages = config.languages.clone();
    for (key, value) in &entries {
        reader.field(&mut config, key, value, &languages);
    }
    for (name, required) in [("base_url", true), ("title", true)] {
        if required && find(name).is_none() {
            reader.error(
                1,
                1,
                tr!("config-missing", name = name),
                tr!("config-missing-hint", name = name),
            );
        }
    }
    config
}

/// The settings used where `site.yaml` says nothing, or cannot be read.
fn fallback_config() -> Config {
    Config {
        base_url: "/".to_string(),
        site_url: "/".to_string(),
        languages: crate::lang::fallback_languages(),
        title: BTreeMap::new(),
        tagline: BTreeMap::new(),
        description: BTreeMap::new(),
        sections: BTreeMap::new(),
        menu: Vec::new(),
        themes: Vec::new(),
        contact: BTreeMap::new(),
        pagination: BTreeMap::new(),
        feed_limit: 20,
        programme_goals: None,
        broken: false,
    }
}

/// Reading each field of `site.yaml` into the config.
impl Reader<'_> {
    /// Puts one top-level field into `config`; an unknown field is reported.
    fn field(&mut self, config: &mut Config, key: &Key, value: &Node, languages: &[Lang]) {
        match key.name.as_str() {
            "base_url" => self.base_url(config, value),
            "languages" => {}
            "title" => config.title = self.per_language(value, "title", languages),
            "tagline" => config.tagline = self.per_language(value, "tagline", languages),
            "description" => {
                config.description = self.per_language(value, "description", languages)
            }
            "sections" => self.sections(&mut config.sections, value, languages),
            "menu" => self.menu(&mut config.menu, value),
            "themes" => {
                for (theme_key, labels) in self.map(value, "themes").to_vec() {
                    let labels = self.per_language(
                        &labels,
                        &format!("themes.{}", theme_key.name),
                        languages,
                    );
                    // The id is a folder of the site (`/initiatieven/thema/zorg/`).
                    if !crate::slug::is_valid_slug(&theme_key.name) {
                        self.error(
                            theme_key.line,
                            theme_key.col,
                            tr!("config-theme-id", name = &theme_key.name),
                            tr!("config-section-name-hint"),
                        );
                    }
                    config.themes.push((theme_key.name.clone(), labels));
                }
            }
            "contact" => {
                for (contact_key, text) in self.map(value, "contact").to_vec() {
                    if let Some(text) = self.text(&text, &format!("contact.{}", contact_key.name)) {
                        config.contact.insert(contact_key.name.clone(), text);
                    }
                }
            }
            "pagination" => self.pagination(&mut config.pagination, value),
            "feed_limit" => match value.value {
                Value::Int(n) if n > 0 => {
                    config.feed_limit = usize::try_from(n).unwrap_or(usize::MAX)
                }
                _ => self.error(
                    value.line,
                    value.col,
                    tr!("config-feed-limit"),
                    write_like("feed_limit", "20"),
                ),
            },
            "programme_goals" => match value.value {
                Value::Int(n) if (1..=99).contains(&n) => {
                    config.programme_goals = u8::try_from(n).ok();
                }
                _ => self.error(
                    value.line,
                    value.col,
                    tr!("config-programme-goals"),
                    tr!("config-programme-goals-hint"),
                ),
            },
            other => {
                let hint = crate::diagnostic::suggest(other, FIELDS.iter().copied()).map_or_else(
                    || tr!("config-fields", list = FIELDS.join(", ")),
                    did_you_mean,
                );
                self.error(
                    key.line,
                    key.col,
                    tr!("config-unknown-field", name = other),
                    hint,
                );
            }
        }
    }

    /// The languages the site is published in, in order; a code that is not a language code,
    /// or one given twice, is reported and left out.
    fn languages(&mut self, languages: &Node) -> Vec<Lang> {
        let mut parsed = Vec::new();
        let items: Vec<Node> = match &languages.value {
            Value::Seq(items) => items.clone(),
            _ => vec![languages.clone()],
        };
        for item in items {
            let code = item.as_text().unwrap_or_default();
            let (message, hint) = match Lang::new(&code) {
                Some(lang) if !parsed.contains(&lang) => {
                    parsed.push(lang);
                    continue;
                }
                Some(_) => (
                    tr!("config-same-language", value = &code),
                    tr!("config-same-language-hint"),
                ),
                None => (
                    tr!("config-unsupported-language", value = &code),
                    tr!("config-unsupported-language-hint"),
                ),
            };
            self.error(item.line, item.col, message, hint);
        }
        parsed
    }

    /// `base_url`, which must be a full address; the site's own address starts as it.
    fn base_url(&mut self, config: &mut Config, value: &Node) {
        if let Some(url) = self.text(value, "base_url") {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                self.error(
                    value.line,
                    value.col,
                    tr!("config-not-full-address", value = &url),
                    write_like("base_url", "\"https://www.wedoenhetsamen.nu/\""),
                );
            } else if let Some(sign) = url.chars().find(|c| !is_address_char(*c)) {
                // A browser reads `/\evil.example/` as `//evil.example/`: every page would load
                // its style and script from there. A line break would add lines to robots.txt.
                self.error(
                    value.line,
                    value.col,
                    tr!("config-address-sign", sign = shown_char(sign)),
                    write_like("base_url", "\"https://www.wedoenhetsamen.nu/\""),
                );
            }
            config.base_url = normalize_base_url(&url);
            config.site_url = config.base_url.clone();
        }
    }

    /// `sections`: the address name of each kind's section per language, which must be a
    /// valid slug; a kind without a section is reported.
    fn sections(
        &mut self,
        sections: &mut BTreeMap<Kind, BTreeMap<Lang, String>>,
        value: &Node,
        languages: &[Lang],
    ) {
        // (language, name) → the section that has it: two sections cannot share an address.
        let mut taken: BTreeMap<(Lang, String), String> = BTreeMap::new();
        for (section_key, names) in self.map(value, "sections").to_vec() {
            let Some(kind) = Kind::from_folder(&section_key.name).filter(|k| k.has_section())
            else {
                self.unknown_section(&section_key);
                continue;
            };
            let names =
                self.per_language(&names, &format!("sections.{}", section_key.name), languages);
            for (lang, name) in &names {
                let (line, col) = (section_key.line, section_key.col);
                if !crate::slug::is_valid_slug(name) {
                    self.error(
                        line,
                        col,
                        tr!("config-section-name", name = name, code = lang.code()),
                        tr!("config-section-name-hint"),
                    );
                }
                let key = (*lang, name.to_lowercase());
                if let Some(other) = taken.insert(key, section_key.name.clone()) {
                    let section = &section_key.name;
                    self.error(
                        line,
                        col,
                        tr!(
                            "config-section-taken",
                            section = section,
                            name = name,
                            code = lang.code(),
                            other = other
                        ),
                        tr!("config-section-taken-hint"),
                    );
                }
            }
            sections.insert(kind, names);
        }
    }

    /// Reports a key of `sections` that is no kind with a section, with the one meant.
    fn unknown_section(&mut self, section_key: &Key) {
        let known: Vec<&str> = KINDS
            .iter()
            .filter(|k| k.has_section())
            .map(|k| k.folder())
            .collect();
        let hint = crate::diagnostic::suggest(&section_key.name, known.iter().copied())
            .map_or_else(
                || tr!("config-sections", list = known.join(", ")),
                did_you_mean,
            );
        self.error(
            section_key.line,
            section_key.col,
            tr!("config-unknown-section", name = &section_key.name),
            hint,
        );
    }

    /// `menu`: sections by kind, and pages as `page:stem`.
    fn menu(&mut self, menu: &mut Vec<MenuItem>, value: &Node) {
        let items: Vec<Node> = match &value.value {
            Value::Seq(items) => items.clone(),
            _ => Vec::new(),
        };
        for item in items {
            let Some(text) = self.text(&item, "menu") else {
                continue;
            };
            if let Some(stem) = text.strip_prefix("page:") {
                menu.push(MenuItem::Page(Located {
                    value: stem.trim().to_string(),
                    path: self.path.into(),
                    line: item.line,
                    col: item.col,
                }));
            } else {
                match Kind::from_folder(&text).filter(|k| k.has_section()) {
                    Some(kind) => menu.push(MenuItem::Section(kind)),
                    None => self.error(
                        item.line,
                        item.col,
                        tr!("config-menu-not-section", value = &text),
                        tr!("config-menu-not-section-hint"),
                    ),
                }
            }
        }
    }

    /// `pagination`: the number of entries per page of a kind's list, above zero.
    fn pagination(&mut self, pagination: &mut BTreeMap<Kind, usize>, value: &Node) {
        for (section_key, size) in self.map(value, "pagination").to_vec() {
            let kind = Kind::from_folder(&section_key.name);
            match (kind, &size.value) {
                (Some(kind), Value::Int(n)) if *n > 0 => {
                    pagination.insert(kind, usize::try_from(*n).unwrap_or(usize::MAX));
                }
                _ => self.error(
                    size.line,
                    size.col,
                    tr!("config-pagination", section = &section_key.name),
                    write_like("pagination", "{ press: 10 }"),
                ),
            }
        }
    }
}

/// The relative path of the config file, for messages.
pub fn config_path() -> PathBuf {
    PathBuf::from(CONFIG_FILE)
}
