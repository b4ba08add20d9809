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
    // Built in place: pages ask for section URLs many times each.
    let mut url = lang_prefix(config, lang);
    if !matches!(kind, Kind::Home | Kind::Page) {
        url.push_str(config.section_name(kind, lang));
        url.push('/');
    }
    url
}

pub(super) fn entry_url(config: &Config, entry: &Entry) -> String {
    match entry.kind {
        Kind::Home => lang_prefix(config, entry.lang),
        Kind::Page => format!("{}{}/", lang_prefix(config, entry.lang), entry.slug.value),
        kind => format!(
            "{}{}/",
            section_url(config, kind, entry.lang),
            entry.slug.value
        ),
    }
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
