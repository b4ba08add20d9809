//! CSS inside an SVG (`<style>`, `style` and presentation attributes): what in it runs code or
//! loads another file, after CSS escapes are decoded and comments taken out.

use super::is_raster_data;

// CSS. Backslash escapes are decoded before anything is looked for (`\6a avascript:` is
// `javascript:`, `@\69mport` is `@import`), and the text is searched both with and without its
// comments (`behavior/**/:` counts; a "comment" inside a string or URL hides nothing, because
// the text with comments is searched too). A find inside a string or comment is refused all
// the same: no drawing needs one.

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CssPlace {
    StyleElement,
    Attribute(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CssFinding {
    Script,
    Expression,
    Binding,
    Behavior,
    Import,
    Url(String),
    Loader(&'static str),
}

/// The first thing in `css` that runs code or loads something; with `urls_only`, only
/// `url(…)` and other loading functions are looked for (presentation attributes).
pub(super) fn css_problem(css: &str, urls_only: bool) -> Option<CssFinding> {
    if !css.contains(['(', '\\', '@', ':', '/']) {
        return None;
    }
    let decoded = decode_css_escapes(css);
    let stripped = strip_css_comments(&decoded);
    let texts = [decoded.as_str(), stripped.as_str()];
    let any = |found: &dyn Fn(&str) -> bool| texts.iter().any(|t| found(t));
    if !urls_only {
        if any(&|t| t.contains("javascript:") || t.contains("vbscript:")) {
            return Some(CssFinding::Script);
        }
        if any(&|t| t.contains("expression(")) {
            return Some(CssFinding::Expression);
        }
        if any(&|t| t.contains("-moz-binding")) {
            return Some(CssFinding::Binding);
        }
        if any(&|t| {
            t.match_indices("behavior")
                .any(|(i, w)| t[i + w.len()..].trim_start().starts_with(':'))
        }) {
            return Some(CssFinding::Behavior);
        }
        if any(&|t| t.contains("@import")) {
            return Some(CssFinding::Import);
        }
    }
    for text in texts {
        for (i, w) in text.match_indices("url(") {
            let target = url_target(&text[i + w.len()..]);
            if !(target.starts_with('#') || is_raster_data(target)) {
                let mut shown: String = target.chars().take(60).collect();
                if shown.len() < target.len() {
                    shown.push('…');
                }
                return Some(CssFinding::Url(shown));
            }
        }
    }
    ["image-set(", "image(", "cross-fade(", "src("]
        .into_iter()
        .find(|function| any(&|t| t.contains(function)))
        .map(CssFinding::Loader)
}

/// The address inside `url(…)`, quoted or not, without the spaces around it; at most its
/// first `URL_LOOKAHEAD` bytes, which say what it is (`#id`, `data:image/png`, a scheme).
/// Searching the rest of the text for the end of each `url(` made 200,000 of them quadratic.
fn url_target(after: &str) -> &str {
    let after = after.trim_start();
    let (inner, end) = match after.as_bytes().first() {
        Some(quote @ (b'"' | b'\'')) => (&after[1..], *quote),
        _ => (after, b')'),
    };
    let within = inner.bytes().take(URL_LOOKAHEAD).position(|b| b == end);
    let cut = within.unwrap_or_else(|| char_boundary_at_most(inner, URL_LOOKAHEAD));
    inner[..cut].trim()
}

/// How far `url_target` looks for the end of an address.
const URL_LOOKAHEAD: usize = 256;

/// The largest char boundary in `text` at or before `at`.
fn char_boundary_at_most(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0)
}

/// CSS with its backslash escapes decoded and ASCII letters in lower case (CSS keywords are
/// ASCII case-insensitive). `\` + up to 6 hex digits (and one space after) is that character,
/// `\` + a line break is dropped, `\` + anything else is that character.
pub(super) fn decode_css_escapes(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut hex = String::new();
        while hex.len() < 6
            && let Some(d) = chars.peek().copied().filter(char::is_ascii_hexdigit)
        {
            hex.push(d);
            chars.next();
        }
        if hex.is_empty() {
            match chars.next() {
                Some('\r') => {
                    chars.next_if_eq(&'\n');
                }
                Some('\n' | '\u{c}') | None => {}
                Some(other) => out.push(other.to_ascii_lowercase()),
            }
        } else {
            let decoded = u32::from_str_radix(&hex, 16)
                .ok()
                .and_then(char::from_u32)
                .filter(|c| *c != '\0')
                .unwrap_or('\u{fffd}');
            out.push(decoded.to_ascii_lowercase());
            if chars.next_if_eq(&'\r').is_some() {
                chars.next_if_eq(&'\n');
            } else {
                chars.next_if(|c| matches!(c, ' ' | '\t' | '\n' | '\u{c}'));
            }
        }
    }
    out
}

/// `css` without `/* … */` (an unclosed comment runs to the end).
pub(super) fn strip_css_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}
