//! Which link destinations content may publish: the one place that reads a URL's scheme the way
//! a browser does, so Markdown, URL fields and SVG files all refuse `javascript:` alike.

/// Schemes a link in Markdown or a URL field may use (besides relative links, `@/` links and
/// `#anchors`, which have no scheme).
pub const CONTENT_SCHEMES: &[&str] = &["https", "http", "mailto", "tel"];

/// Schemes an `href` inside an SVG file may use.
pub const SVG_SCHEMES: &[&str] = &["https", "http", "mailto"];

/// The scheme of `url`, lowercased, as a browser reads it: tabs and newlines anywhere are
/// dropped and spaces and control characters at the start are skipped first (so
/// `" java\tscript:"` is `javascript`). `None` for a relative URL (`photo.jpg`, `/x/`, `#top`,
/// `//host/x`).
pub fn scheme(url: &str) -> Option<String> {
    let mut chars = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .skip_while(|c| *c <= ' ');
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let mut scheme = String::from(first.to_ascii_lowercase());
    for c in chars {
        match c {
            ':' => return Some(scheme),
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => {
                scheme.push(c.to_ascii_lowercase());
            }
            _ => return None,
        }
    }
    None
}

/// `Err(scheme)` when `url` has a scheme that is not in `allowed`.
pub fn check(url: &str, allowed: &[&str]) -> Result<(), String> {
    match scheme(url) {
        Some(scheme) if !allowed.contains(&scheme.as_str()) => Err(scheme),
        _ => Ok(()),
    }
}

/// Whether a file or folder name can stand in a URL as it is: ASCII letters, digits, `-`, `_`
/// and `.` (no space, no `%`, `#` or `?`, nothing a browser would have to escape), not starting
/// with a dot.
pub fn is_url_safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// A name that `is_url_safe_name` accepts, for the hint: `Foto molen (1).JPG` →
/// `foto-molen-1.jpg`.
pub fn suggest_name(name: &str) -> String {
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem, Some(extension)),
        _ => (name, None),
    };
    let mut stem = crate::slug::slugify(stem);
    if stem.is_empty() {
        // A name with no letter or digit (`().jpg`): a plain word in the editor's language.
        stem = crate::slug::slugify(&crate::tr!("safe-url-fallback-name"));
    }
    match extension.map(crate::slug::slugify) {
        Some(extension) if !extension.is_empty() => format!("{stem}.{extension}"),
        _ => stem.to_string(),
    }
}

/// A URL's path or part of it as a web server reads it: `%61` is `a`. `None` when a `%` is not
/// followed by two hex digits, or the bytes are not UTF-8.
pub fn percent_decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_like_a_browser_reads_them() {
        assert_eq!(scheme("https://example.org").as_deref(), Some("https"));
        assert_eq!(scheme("JaVaScRiPt:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(
            scheme(" \u{1}java\tscr\nipt:x").as_deref(),
            Some("javascript")
        );
        assert_eq!(scheme("data:text/html,x").as_deref(), Some("data"));
        for relative in [
            "photo.jpg",
            "/doelen/",
            "#top",
            "//host/x",
            "a/b:c",
            "",
            "@/goals",
        ] {
            assert_eq!(scheme(relative), None, "{relative}");
        }
    }

    #[test]
    fn only_the_allowed_schemes_pass() {
        assert!(check("mailto:pers@example.org", CONTENT_SCHEMES).is_ok());
        assert!(check("tel:+31201234567", CONTENT_SCHEMES).is_ok());
        assert!(check("photo.jpg", CONTENT_SCHEMES).is_ok());
        assert_eq!(check("vbscript:x", CONTENT_SCHEMES), Err("vbscript".into()));
        assert_eq!(check("tel:1", SVG_SCHEMES), Err("tel".into()));
    }

    #[test]
    fn names_in_urls() {
        assert!(is_url_safe_name("IMG_1234.JPG"));
        assert!(!is_url_safe_name("Foto molen.jpg"));
        assert!(!is_url_safe_name("über.jpg"));
        assert!(!is_url_safe_name(".htaccess"));
        assert_eq!(suggest_name("Foto Molen (1).JPG"), "foto-molen-1.jpg");
        assert_eq!(suggest_name("Über ons.pdf"), "uber-ons.pdf");
    }
}
