//! The addresses of pages, sections and the files beside the content, below the site root.

use super::*;

/// Path below the site root of a language's home: "" or "en/".
pub fn lang_prefix(config: &Config, lang: Lang) -> String {
    if lang == config.default_lang() {
        String::new()
    } else {
        format!("{}/", lang.code())
    }
}

/// Path below the site root of a section index: "pers/" or "en/press/".
pub fn section_url(config: &Config, kind: Kind, lang: Lang) -> String {
    let mut url = String::new();
    push_section_url(&mut url, config, kind, lang);
    url
}

/// Adds `section_url` to `url`, built in place: every page's address starts with it.
fn push_section_url(url: &mut String, config: &Config, kind: Kind, lang: Lang) {
    if lang != config.default_lang() {
        url.push_str(lang.code());
        url.push('/');
    }
    if !matches!(kind, Kind::Home | Kind::Page) {
        url.push_str(config.section_name(kind, lang));
        url.push('/');
    }
}

pub(super) fn entry_url(config: &Config, entry: &Entry) -> String {
    let mut url = String::with_capacity(64);
    push_section_url(&mut url, config, entry.kind, entry.lang);
    if entry.kind != Kind::Home {
        url.push_str(&entry.slug.value);
        url.push('/');
    }
    url
}

/// Where a kind's files beside the content are published.
pub fn asset_url(config: &Config, kind: Kind, relative: &str) -> String {
    match kind {
        Kind::Home | Kind::Page => format!("media/{relative}"),
        _ => format!(
            "{}/{relative}",
            config.section_name(kind, config.default_lang())
        ),
    }
}

/// `./logos/a.svg` → `logos/a.svg`; `None` for paths that leave the folder.
pub fn normalize_relative(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            other => parts.push(other),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}
