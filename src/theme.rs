//! Reads the theme: tera templates, CSS, script and UI strings per language, from
//! `themes/default/` in the site, or the copy built into wdhs when the site has none.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::yaml::{self, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const THEME_DIR: &str = "themes/default";

pub struct Theme {
    /// (template name, source text, path for messages)
    pub templates: Vec<(String, String, PathBuf)>,
    pub css: String,
    pub js: String,
    pub strings: BTreeMap<Lang, BTreeMap<String, String>>,
    /// Other files in `static/` (fonts, icons), copied as they are: (relative path, bytes).
    pub static_files: Vec<(String, Vec<u8>)>,
}

macro_rules! embedded_templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}

const EMBEDDED_TEMPLATES: &[(&str, &str)] = embedded_templates![
    "base.html",
    "partial_goal_card.html",
    "partial_press_card.html",
    "partial_initiative_card.html",
    "partial_partner_card.html",
    "partial_pagination.html",
    "home.html",
    "goals.html",
    "goal.html",
    "partners.html",
    "partner.html",
    "press_list.html",
    "press.html",
    "initiatives.html",
    "initiative.html",
    "festival_list.html",
    "festival.html",
    "page.html",
    "search.html",
    "404.html",
];
const EMBEDDED_CSS: &str = include_str!("../themes/default/static/style.css");
const EMBEDDED_JS: &str = include_str!("../themes/default/static/site.js");
const EMBEDDED_OG_IMAGE: &[u8] = include_bytes!("../themes/default/static/og-default.png");
const EMBEDDED_STRINGS: &[(Lang, &str)] = &[
    (Lang::Nl, include_str!("../themes/default/i18n/nl.yaml")),
    (Lang::En, include_str!("../themes/default/i18n/en.yaml")),
];

/// The theme in `root/themes/default`, or the built-in one.
pub fn load_theme(root: &Path, languages: &[Lang], diagnostics: &mut Diagnostics) -> Theme {
    let dir = root.join(THEME_DIR);
    let mut theme = if dir.is_dir() {
        read_theme_dir(root, &dir, languages, diagnostics)
    } else {
        embedded(languages, diagnostics)
    };
    theme.templates.sort_by(|a, b| a.0.cmp(&b.0));
    theme
}

fn embedded(languages: &[Lang], diagnostics: &mut Diagnostics) -> Theme {
    let mut strings = BTreeMap::new();
    for (lang, text) in EMBEDDED_STRINGS {
        if languages.contains(lang) {
            let path = PathBuf::from(format!("{THEME_DIR}/i18n/{}.yaml", lang.code()));
            strings.insert(*lang, parse_strings(text, &path, diagnostics));
        }
    }
    Theme {
        templates: EMBEDDED_TEMPLATES
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    text.to_string(),
                    PathBuf::from(format!("{THEME_DIR}/templates/{name}")),
                )
            })
            .collect(),
        css: EMBEDDED_CSS.to_string(),
        js: EMBEDDED_JS.to_string(),
        strings,
        static_files: vec![("og-default.png".to_string(), EMBEDDED_OG_IMAGE.to_vec())],
    }
}

fn read_theme_dir(
    root: &Path,
    dir: &Path,
    languages: &[Lang],
    diagnostics: &mut Diagnostics,
) -> Theme {
    let rel = |p: &Path| {
        p.strip_prefix(root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let read = |path: &Path, diagnostics: &mut Diagnostics| -> Option<String> {
        match std::fs::read(path) {
            Ok(bytes) => match crate::load::decode_utf8(&rel(path), bytes) {
                Ok(text) => Some(text),
                Err(d) => {
                    diagnostics.push(d);
                    None
                }
            },
            Err(error) => {
                diagnostics.push(
                    Diagnostic::error(
                        rel(path),
                        0,
                        0,
                        format!("cannot read the theme file: {error}"),
                    )
                    .with_hint("restore it from git (`git checkout themes/`)"),
                );
                None
            }
        }
    };
    let mut templates = Vec::new();
    let templates_dir = dir.join("templates");
    for entry in walkdir::WalkDir::new(&templates_dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type().is_file() || crate::load::is_ignored_name(&name) {
            continue;
        }
        let Ok(inner) = entry.path().strip_prefix(&templates_dir) else {
            continue;
        };
        let template_name = inner.to_string_lossy().replace('\\', "/");
        if let Some(text) = read(entry.path(), diagnostics) {
            templates.push((template_name, text, rel(entry.path())));
        }
    }
    let css = read(&dir.join("static/style.css"), diagnostics).unwrap_or_default();
    let js = read(&dir.join("static/site.js"), diagnostics).unwrap_or_default();
    let mut static_files = Vec::new();
    let static_dir = dir.join("static");
    for entry in walkdir::WalkDir::new(&static_dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type().is_file()
            || crate::load::is_ignored_name(&name)
            || name == "style.css"
            || name == "site.js"
        {
            continue;
        }
        if let (Ok(inner), Ok(bytes)) = (
            entry.path().strip_prefix(&static_dir),
            std::fs::read(entry.path()),
        ) {
            static_files.push((inner.to_string_lossy().replace('\\', "/"), bytes));
        }
    }
    let mut strings = BTreeMap::new();
    for lang in languages {
        let path = dir.join(format!("i18n/{}.yaml", lang.code()));
        if let Some(text) = read(&path, diagnostics) {
            strings.insert(*lang, parse_strings(&text, &rel(&path), diagnostics));
        }
    }
    check_same_keys(&strings, diagnostics);
    Theme {
        templates,
        css,
        js,
        strings,
        static_files,
    }
}

/// `key: text` lines.
pub fn parse_strings(
    text: &str,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    match yaml::parse(text, 0) {
        Ok(node) => {
            if let Value::Map(entries) = node.value {
                for (key, value) in entries {
                    match value.as_text() {
                        Some(text) => {
                            out.insert(key.name, text);
                        }
                        None => diagnostics.push(Diagnostic::error(
                            path,
                            value.line,
                            value.col,
                            format!("UI string `{}` should be text", key.name),
                        )),
                    }
                }
            }
        }
        Err(error) => diagnostics.push(error.diagnostic(path, "")),
    }
    out
}

/// Every language must have every UI string, or a template would fail in one language only.
fn check_same_keys(
    strings: &BTreeMap<Lang, BTreeMap<String, String>>,
    diagnostics: &mut Diagnostics,
) {
    let all: std::collections::BTreeSet<&String> =
        strings.values().flat_map(|m| m.keys()).collect();
    for (lang, map) in strings {
        for key in &all {
            if !map.contains_key(*key) {
                diagnostics.push(
                    Diagnostic::error(
                        format!("{THEME_DIR}/i18n/{}.yaml", lang.code()),
                        0,
                        0,
                        format!("the UI string `{key}` is missing"),
                    )
                    .with_hint(format!("add `{key}: …` in {}", lang.native_name())),
                );
            }
        }
    }
}
