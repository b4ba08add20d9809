//! URL names: folding titles to slugs ("Coöperatie Één" → `cooperatie-een`) and checking them.

/// Slugs longer than this are cut at a hyphen: URLs stay readable and file names legal.
pub const MAX_SLUG_CHARS: usize = 80;

/// Lowercase ASCII letters and digits joined by single hyphens; diacritics are folded.
pub fn slugify(text: &str) -> String {
    let full = slug::slugify(text);
    if full.len() <= MAX_SLUG_CHARS {
        return full;
    }
    let cut = &full[..MAX_SLUG_CHARS];
    let cut = match cut.rfind('-') {
        Some(i) if i > MAX_SLUG_CHARS / 2 => &cut[..i],
        _ => cut,
    };
    cut.trim_end_matches('-').to_string()
}

/// What `slug:` may hold: what `slugify` produces, so URLs never need escaping.
pub fn is_valid_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 200
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_dutch_diacritics() {
        assert_eq!(slugify("Coöperatie Één"), "cooperatie-een");
        assert_eq!(slugify("Doarpsmûne Reduzum"), "doarpsmune-reduzum");
        assert_eq!(slugify("  Samen = normaal!  "), "samen-normaal");
        let long = slugify(&"woord ".repeat(40));
        assert!(
            long.len() <= MAX_SLUG_CHARS && is_valid_slug(&long),
            "{long}"
        );
    }

    #[test]
    fn checks_slugs() {
        assert!(is_valid_slug("over-ons"));
        assert!(!is_valid_slug("Over ons"));
        assert!(!is_valid_slug("../etc"));
        assert!(!is_valid_slug(""));
    }
}
