//! Markdown → HTML with pulldown-cmark: heading anchors, `@/kind/stem` links and relative asset
//! links rewritten through a resolver, and the content accessibility checks that need the
//! document structure (alt text, heading order, link text). Knows no content kinds.

use crate::diagnostic::Diagnostic;
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::BTreeSet;
use std::path::Path;

/// What a link destination turned into.
pub enum Resolved {
    /// Rewritten to this URL; `target` names the page for anchor checks (its key is opaque here).
    Url { url: String, target: Option<String> },
    /// Left alone (external, mailto:, tel:).
    Unchanged,
    /// A raster image with variants: published as `<picture>`.
    Picture(crate::images::Picture),
}

/// Turns `@/…` and relative destinations into URLs, or says why it cannot.
pub trait LinkResolver {
    fn resolve(&self, destination: &str, is_image: bool) -> Result<Resolved, (String, String)>;
}

pub struct RenderInput<'a> {
    pub markdown: &'a str,
    /// The file, for diagnostics.
    pub path: &'a Path,
    /// File line where the Markdown starts (after the front matter).
    pub first_line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link to an anchor on another page, checked once every page is rendered.
#[derive(Debug, Clone)]
pub struct AnchorLink {
    pub target: String,
    pub anchor: String,
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub anchor_links: Vec<AnchorLink>,
    /// Page keys this page links to, for the dependency map of `serve`.
    pub links_to: BTreeSet<String>,
    /// `link_bit` of each key in `links_to`: a page whose mask has none of the bits of some
    /// keys does not link to any of them, told without reading its keys.
    pub links_mask: u64,
    /// An `@/` link found no page: what it became depends on which entries exist.
    pub links_unresolved: bool,
    pub plain_text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// One of 64 bits for a page key (`kind/stem`), from its hash (`Rendered::links_mask`).
pub fn link_bit(key: &str) -> u64 {
    1 << (xxhash_rust::xxh3::xxh3_64(key.as_bytes()) >> 58)
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// The start of the text is enough for the search index; keeping all of it for 20,000 pages
/// costs memory for nothing.
pub const PLAIN_TEXT_LIMIT: usize = 700;

const VAGUE_LINK_TEXTS: &[&str] = &[
    "klik hier",
    "hier",
    "click here",
    "here",
    "lees meer",
    "read more",
    "meer",
    "more",
    "link",
    "deze link",
    "this link",
];

struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 0-based line and 1-based column (in characters) of a byte offset.
    fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self
            .starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1);
        let start = self.starts[line];
        let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

pub fn render(input: &RenderInput<'_>, resolver: &dyn LinkResolver) -> Rendered {
    let markdown = input.markdown;
    let lines = LineIndex::new(markdown);
    let mut out = Rendered::default();
    let at = |offset: usize| {
        let (line, col) = lines.position(markdown, offset);
        (line + input.first_line, col)
    };
    // Sized for ordinary prose (about an event per 12 bytes), so the list is not copied as it
    // grows.
    let mut events: Vec<(Event<'_>, std::ops::Range<usize>)> =
        Vec::with_capacity(markdown.len() / 12 + 16);
    events.extend(Parser::new_ext(markdown, options()).into_offset_iter());

    // Pass 1: heading ids and texts (ids from `{#id}` or the text), checking the order.
    let mut used_ids: BTreeSet<String> = BTreeSet::new();
    let mut previous_level = 1u8;
    let mut index = 0;
    while index < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[index].0 {
            let level_number = heading_number(*level);
            let range = events[index].1.clone();
            let mut text = String::new();
            let mut end = index + 1;
            while end < events.len() && !matches!(events[end].0, Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[end].0 {
                    text.push_str(t);
                }
                end += 1;
            }
            let (line, col) = at(range.start);
            if level_number == 1 {
                out.diagnostics.push(
                    Diagnostic::warning(input.path, line, col, "a level-1 heading (`#`) in the text; the page title is already the level-1 heading")
                        .with_hint("start headings in the text at `##`"),
                );
            } else if level_number > previous_level + 1 {
                out.diagnostics.push(
                    Diagnostic::warning(input.path, line, col, format!("heading level {level_number} follows level {previous_level}: a level is skipped"))
                        .with_hint(format!("use `{}` here, so screen-reader users can follow the structure", "#".repeat(usize::from(previous_level) + 1))),
                );
            }
            previous_level = level_number;
            let base = id.as_ref().map(|i| i.to_string()).unwrap_or_else(|| {
                let slug = crate::slug::slugify(&text);
                if slug.is_empty() {
                    "section".to_string()
                } else {
                    slug
                }
            });
            let mut unique = base.clone();
            let mut counter = 1;
            while used_ids.contains(&unique) {
                counter += 1;
                unique = format!("{base}-{counter}");
            }
            used_ids.insert(unique.clone());
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[index].0 {
                *id = Some(CowStr::from(unique.clone()));
            }
            out.headings.push(Heading {
                level: level_number,
                id: unique,
                text: text.trim().to_string(),
            });
            index = end;
        }
        index += 1;
    }

    // Pass 2: links and images.
    let mut open_link: Option<(usize, String)> = None;
    let mut link_text = String::new();
    let mut image_alt: Option<(usize, String)> = None;
    // (index of the image's start event, its picture) for images published as `<picture>`.
    let mut pictures: Vec<(usize, crate::images::Picture, String)> = Vec::new();
    let mut open_picture: Option<(usize, crate::images::Picture)> = None;
    for (index, (event, range)) in events.iter_mut().enumerate() {
        match event {
            Event::Start(Tag::Link { .. }) | Event::Start(Tag::Image { .. }) => {
                let is_image = matches!(event, Event::Start(Tag::Image { .. }));
                let (link_type, destination) = match &*event {
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        ..
                    })
                    | Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        ..
                    }) => (*link_type, dest_url.to_string()),
                    _ => continue,
                };
                if matches!(link_type, LinkType::Email) {
                    continue;
                }
                let (line, col) = at(range.start);
                if let Some(anchor) = destination.strip_prefix('#') {
                    if !used_ids.contains(anchor) && !anchor.is_empty() {
                        out.diagnostics.push(
                            Diagnostic::error(input.path, line, col, format!("the link points to `#{anchor}`, but this page has no heading with that anchor"))
                                .with_hint(suggest_anchor(anchor, &used_ids, "this page")),
                        );
                    }
                } else {
                    match resolver.resolve(&destination, is_image) {
                        Ok(Resolved::Url { url, target }) => {
                            if let Some(target) = target {
                                if let Some((_, anchor)) = destination.split_once('#') {
                                    out.anchor_links.push(AnchorLink {
                                        target: target.clone(),
                                        anchor: anchor.to_string(),
                                        line,
                                        col,
                                    });
                                }
                                out.links_to.insert(target);
                            }
                            let new_dest = CowStr::from(url);
                            if let Event::Start(Tag::Link { dest_url, .. })
                            | Event::Start(Tag::Image { dest_url, .. }) = event
                            {
                                *dest_url = new_dest;
                            }
                        }
                        Ok(Resolved::Unchanged) => {}
                        Ok(Resolved::Picture(picture)) => open_picture = Some((index, picture)),
                        Err((message, hint)) => {
                            out.links_unresolved |= destination.starts_with("@/");
                            out.diagnostics.push(
                                Diagnostic::error(input.path, line, col, message).with_hint(hint),
                            );
                        }
                    }
                }
                if is_image {
                    image_alt = Some((range.start, String::new()));
                } else {
                    open_link = Some((range.start, String::new()));
                    link_text.clear();
                }
            }
            Event::End(TagEnd::Image) => {
                if let (Some((start_index, picture)), Some((_, alt))) =
                    (open_picture.take(), image_alt.as_ref())
                {
                    pictures.push((start_index, picture, alt.clone()));
                }
                if let Some((start, alt)) = image_alt.take()
                    && alt.trim().is_empty()
                {
                    let (line, col) = at(start);
                    out.diagnostics.push(
                        Diagnostic::error(input.path, line, col, "the image has no alt text")
                            .with_hint("describe the picture between the brackets: `![Bewoners bij de dorpsmolen](molen.jpg)`"),
                    );
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some((start, _)) = open_link.take() {
                    let (line, col) = at(start);
                    let text = link_text.trim().to_lowercase();
                    let text = text.trim_end_matches(['.', '!', ':']);
                    if text.is_empty() {
                        out.diagnostics.push(
                            Diagnostic::error(input.path, line, col, "the link has no text")
                                .with_hint("write what the link leads to between the brackets: `[het actieprogramma](@/goals)`"),
                        );
                    } else if VAGUE_LINK_TEXTS.contains(&text) {
                        out.diagnostics.push(
                            Diagnostic::warning(input.path, line, col, format!("the link text `{}` does not say where it leads", link_text.trim()))
                                .with_hint("use words that make sense on their own, like `[lees het actieprogramma](@/goals)`"),
                        );
                    }
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, alt)) = image_alt.as_mut() {
                    alt.push_str(text);
                } else if open_link.is_some() {
                    link_text.push_str(text);
                }
                if out.plain_text.len() < PLAIN_TEXT_LIMIT {
                    out.plain_text.push_str(text);
                }
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Item) => {
                out.plain_text.push(' ');
            }
            _ => {}
        }
    }
    // Raw HTML is shown as text, never passed through: a pasted `<script>` or `<iframe>` must not
    // reach readers (Hugo's default too). Editors are told, with the place.
    for (event, range) in events.iter_mut() {
        if let Event::Html(html) | Event::InlineHtml(html) = event {
            if !html.trim().is_empty() && !html.trim_start().starts_with("<!--") {
                let (line, col) = at(range.start);
                out.diagnostics.push(
                    Diagnostic::warning(input.path, line, col, format!("HTML in the text is shown as text, not as HTML: `{}`", html.trim().chars().take(40).collect::<String>()))
                        .with_hint("use Markdown instead (links `[text](url)`, images `![alt](file.jpg)`), or write `\\<` to show a `<`"),
                );
                *event = Event::Text(html.clone());
            } else {
                *event = Event::Text(CowStr::from(""));
            }
        }
    }
    // Images with variants become one `<picture>`: the start event carries the markup, the alt
    // text and end events are emptied.
    for (start, picture, alt) in pictures {
        let mut end = start;
        while end < events.len() && !matches!(events[end].0, Event::End(TagEnd::Image)) {
            end += 1;
        }
        events[start].0 = Event::InlineHtml(CowStr::from(picture.to_html(
            &alt,
            crate::images::SIZES_TEXT,
            true,
        )));
        for event in events.iter_mut().take(end + 1).skip(start + 1) {
            event.0 = Event::Text(CowStr::from(""));
        }
    }
    out.html.reserve(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter().map(|(e, _)| e));
    // Thousands of pages are held until they are written: keep only what is used.
    out.html.shrink_to_fit();
    out.plain_text.shrink_to_fit();
    out.links_mask = (out.links_to.iter()).fold(0, |mask, key| mask | link_bit(key));
    out
}

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

/// `which`: "this page" or "that page".
pub fn suggest_anchor(anchor: &str, ids: &BTreeSet<String>, which: &str) -> String {
    match crate::diagnostic::suggest(anchor, ids.iter().map(String::as_str)) {
        Some(close) => format!("did you mean `#{close}`?"),
        None if ids.is_empty() => format!("{which} has no headings to link to"),
        None => format!(
            "the anchors on {which} are: {}",
            ids.iter()
                .map(|i| format!("#{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Echo;
    impl LinkResolver for Echo {
        fn resolve(&self, destination: &str, _: bool) -> Result<Resolved, (String, String)> {
            match destination.strip_prefix("@/") {
                Some("missing") => Err(("no such page".into(), "fix it".into())),
                Some(rest) => Ok(Resolved::Url {
                    url: format!("/x/{rest}"),
                    target: Some(rest.split('#').next().unwrap_or("").to_string()),
                }),
                None => Ok(Resolved::Unchanged),
            }
        }
    }

    fn run(md: &str) -> Rendered {
        render(
            &RenderInput {
                markdown: md,
                path: Path::new("a.md"),
                first_line: 5,
            },
            &Echo,
        )
    }

    #[test]
    fn headings_get_unique_ids() {
        let r = run("## Samen doen\n\n## Samen doen\n\n### Eigen {#eigen}\n");
        assert!(r.html.contains("<h2 id=\"samen-doen\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"samen-doen-2\">"));
        assert!(r.html.contains("<h3 id=\"eigen\">"));
        assert!(r.diagnostics.is_empty());
    }

    #[test]
    fn links_are_rewritten_and_checked_with_file_lines() {
        let r = run("Tekst\n\n[doelen](@/goals#twee) en [weg](@/missing) en [](@/goals)\n");
        assert!(r.html.contains("href=\"/x/goals#twee\""), "{}", r.html);
        assert_eq!(r.anchor_links[0].anchor, "twee");
        let messages: Vec<String> = r
            .diagnostics
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.col, d.message))
            .collect();
        assert_eq!(
            messages,
            vec![
                "7:27 no such page".to_string(),
                "7:47 the link has no text".to_string()
            ]
        );
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let r = run("Hallo <script>alert(1)</script> en <b>vet</b>\n\n<iframe src=x></iframe>\n");
        assert!(!r.html.contains("<script>"), "{}", r.html);
        assert!(!r.html.contains("<iframe"), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"), "{}", r.html);
        assert!(
            r.diagnostics
                .iter()
                .all(|d| d.message.starts_with("HTML in the text"))
        );
        assert_eq!(r.diagnostics[0].line, 5);
    }

    #[test]
    fn accessibility_checks() {
        let r = run(
            "## A\n\n#### B\n\n![](x.jpg)\n\n[klik hier](https://example.org)\n\n[x](#nergens)\n",
        );
        let messages: Vec<&str> = r.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert!(messages[0].contains("level is skipped"), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("no alt text")));
        assert!(
            messages
                .iter()
                .any(|m| m.contains("does not say where it leads"))
        );
        assert!(messages.iter().any(|m| m.contains("#nergens")));
    }
}
