//! URL names: folding titles to slugs ("Coöperatie Één" → `cooperatie-een`) and checking them.

/// Lowercase ASCII letters and digits joined by single hyphens; diacritics are folded.
pub fn slugify(text: &str) -> String {
    slug::slugify(text)
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
    }

    #[test]
    fn checks_slugs() {
        assert!(is_valid_slug("over-ons"));
        assert!(!is_valid_slug("Over ons"));
        assert!(!is_valid_slug("../etc"));
        assert!(!is_valid_slug(""));
    }
}
