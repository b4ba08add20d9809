//! Heading anchors: unique ids apart from the theme's, the order of heading levels, and the
//! "did you mean" for links to anchors.

use super::*;

/// Heading ids, unique on the page and apart from the ids the theme's layout uses. Each base
/// name keeps the next number to try, so 16,000 headings with one text cost 16,000 steps, not
/// 16,000² / 2.
#[derive(Default)]
struct HeadingIds {
    used: BTreeSet<String>,
    next: std::collections::HashMap<String, usize>,
}

/// Ids the default theme's templates give elements of their own (the skip link's `#main`, the
/// festival's `#programme`, …): a heading "Programme" must not take one of them. A test in
/// `theme.rs` checks that every id in the templates is here.
pub const THEME_IDS: &[&str] = &[
    "browse",
    "core-partners",
    "festival-partners",
    "festival-past",
    "festival-upcoming",
    "goal-initiatives",
    "goal-press",
    "goals-by-year",
    "home-festival",
    "home-goals",
    "home-initiatives",
    "home-join",
    "home-near",
    "home-partners",
    "home-press",
    "home-title",
    "main",
    "partner-press",
    "press-contact",
    "programme",
    "search-input",
    "search-results",
    "signatories",
    "untranslated",
    "untranslated-en",
    "untranslated-nl",
];

impl HeadingIds {
    /// A unique id for a heading with this text (or `{#id}`): a slug, so `#anchors` in links
    /// never need escaping.
    fn add(&mut self, text: &str) -> String {
        let base = match crate::slug::slugify(text) {
            slug if slug.is_empty() => "section".to_string(),
            slug => slug,
        };
        let taken =
            |id: &str, used: &BTreeSet<String>| used.contains(id) || THEME_IDS.contains(&id);
        let mut unique = base.clone();
        if taken(&unique, &self.used) {
            let counter = self.next.entry(base.clone()).or_insert(2);
            loop {
                unique = format!("{base}-{counter}");
                *counter += 1;
                if !taken(&unique, &self.used) {
                    break;
                }
            }
        }
        self.used.insert(unique.clone());
        unique
    }
}

/// Heading ids and texts (ids from `{#id}` or the text), checking the order of levels.
pub(super) fn heading_pass(events: &mut Events<'_>, reports: &mut Reports<'_>) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut ids = HeadingIds::default();
    let mut previous_level = 1u8;
    let mut index = 0;
    while index < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[index].0 {
            let level_number = heading_number(*level);
            let explicit = id.as_ref().map(|i| i.to_string());
            let start = events[index].1.start;
            let mut text = String::new();
            let mut end = index + 1;
            while end < events.len() && !matches!(events[end].0, Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[end].0 {
                    text.push_str(t);
                }
                end += 1;
            }
            check_heading_level(reports, level_number, previous_level, start);
            previous_level = level_number;
            let unique = ids.add(explicit.as_deref().unwrap_or(&text));
            if let Event::Start(Tag::Heading {
                id, classes, attrs, ..
            }) = &mut events[index].0
            {
                *id = Some(CowStr::from(unique.clone()));
                // `{.class key=value}` after a heading would reach the HTML as attributes
                // (`onclick=…` among them): content sets no attribute but the anchor.
                if !classes.is_empty() || !attrs.is_empty() {
                    classes.clear();
                    attrs.clear();
                    reports.push("heading-attributes", start, |path, line, col| {
                        Diagnostic::warning(
                            path,
                            line,
                            col,
                            crate::tr!("markdown-heading-attributes"),
                        )
                        .with_hint(crate::tr!("markdown-heading-attributes-hint"))
                    });
                }
            }
            headings.push(Heading {
                level: level_number,
                id: unique,
                text: text.trim().to_string(),
            });
            index = end;
        }
        index += 1;
    }
    headings
}

/// Reports a heading of level 1 (the page's title is the one) or one that skips a level.
fn check_heading_level(reports: &mut Reports<'_>, level: u8, previous: u8, offset: usize) {
    if level == 1 {
        reports.push("heading-1", offset, |path, line, col| {
            Diagnostic::warning(path, line, col, crate::tr!("markdown-heading-1"))
                .with_hint(crate::tr!("markdown-heading-1-hint"))
        });
    } else if level > previous + 1 {
        reports.push("heading-skip", offset, |path, line, col| {
            Diagnostic::warning(
                path,
                line,
                col,
                crate::tr!(
                    "markdown-heading-skipped",
                    level = level,
                    previous = previous
                ),
            )
            .with_hint(crate::tr!(
                "markdown-heading-skipped-hint",
                marks = "#".repeat(usize::from(previous) + 1)
            ))
        });
    }
}

/// The level of a heading as a number, 1 to 6.
fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Which page a hint about anchors speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// The page the link is on.
    ThisPage,
    /// The page the link leads to.
    ThatPage,
}

/// "did you mean" the closest anchor, or the anchors `ids` there are.
pub fn suggest_anchor(anchor: &str, ids: &BTreeSet<String>, which: Which) -> String {
    if let Some(close) = crate::diagnostic::suggest(anchor, ids.iter().map(String::as_str)) {
        return crate::tr!("markdown-anchor-did-you-mean", anchor = close);
    }
    // A few to choose from: a page of thousands of headings would put all in every hint.
    let mut anchors = (ids.iter().take(10).map(|i| format!("#{i}")))
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > 10 {
        anchors.push_str(", …");
    }
    match (which, ids.is_empty()) {
        (Which::ThisPage, true) => crate::tr!("markdown-no-anchors-here"),
        (Which::ThatPage, true) => crate::tr!("markdown-no-anchors-there"),
        (Which::ThisPage, false) => crate::tr!("markdown-anchors-here", anchors = anchors),
        (Which::ThatPage, false) => crate::tr!("markdown-anchors-there", anchors = anchors),
    }
}
