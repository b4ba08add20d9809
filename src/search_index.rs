//! The per-language search index: a compact JSON list of every page's title, URL, kind and
//! folded words, read by the search page's small script.

use crate::lang::Lang;
use crate::resolve::Site;
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    /// title
    t: &'a str,
    /// URL
    u: String,
    /// kind
    k: &'static str,
    /// summary
    s: &'a str,
    /// folded text for matching: lowercase, diacritics removed
    x: String,
}

/// Lowercase with diacritics removed, so "coöperatie" finds "Cooperatie".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => {
                'a'
            }
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            'ý' | 'ÿ' | 'Ý' => 'y',
            c => c,
        };
        out.extend(base.to_lowercase());
    }
    out
}

/// Words of the body beyond this many characters add little to finding a page.
const TEXT_LIMIT: usize = 600;

pub fn build(site: &Site, lang: Lang, base_path: &str) -> String {
    let documents: Vec<Document<'_>> = site
        .pages
        .iter()
        .filter(|p| p.entry.lang == lang)
        .map(|p| {
            let body: String = p.rendered.plain_text.chars().take(TEXT_LIMIT).collect();
            Document {
                t: p.entry.title(),
                u: format!("{base_path}{}", p.url),
                k: p.entry.kind.folder(),
                s: p.entry.summary(),
                x: fold(&format!(
                    "{} {} {}",
                    p.entry.title(),
                    p.entry.summary(),
                    body
                ))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            }
        })
        .collect();
    serde_json::to_string(&documents).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn folds_dutch_diacritics_and_case() {
        assert_eq!(super::fold("Coöperatie Één"), "cooperatie een");
    }
}
