//! Markdown → HTML with pulldown-cmark: heading anchors, `@/kind/stem` links and relative asset
//! links rewritten through a resolver, and the content accessibility checks that need the
//! document structure (alt text, heading order, link text). Knows no content kinds.

use crate::diagnostic::Diagnostic;
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What a link destination turned into.
pub enum Resolved {
    /// Rewritten to this URL; `target` names the page for anchor checks (its key is opaque here).
    Url { url: String, target: Option<String> },
    /// Left alone (external, mailto:, tel:).
    Unchanged,
    /// A raster image with variants: published as `<picture>`.
    Picture(crate::images::Picture),
    /// A link into the site written as an address (`/doelen/x/`, or the site's full address):
    /// left as written, and checked against the files the build writes once they are known.
    Site {
        /// The file it names, relative to the output folder: `doelen/x/index.html`.
        file: String,
        anchor: Option<String>,
    },
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

/// A link into the site written as an address, checked against the files the build writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteLink {
    pub written: String,
    /// Relative to the output folder: `doelen/x/index.html`, `media/jaarverslag.pdf`.
    pub file: String,
    pub anchor: Option<String>,
    pub line: usize,
    pub col: usize,
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
    pub site_links: Vec<SiteLink>,
    /// Links to other websites, with their file line and column, for `check --external`.
    pub external_links: Vec<(String, usize, usize)>,
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

/// Line starts of a text, and a cursor so that positions asked for in document order cost
/// only the text between them: a 2 MiB line of links is read once, not once per link.
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// (offset, line, column) of the last position asked for.
    cursor: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            text,
            starts,
            cursor: std::cell::Cell::new((0, 0, 1)),
        }
    }

    /// 0-based line and 1-based column (in characters) of a byte offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self
            .starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1);
        let (last_offset, last_line, last_col) = self.cursor.get();
        let (from, col) = if last_line == line && last_offset <= offset {
            (last_offset, last_col)
        } else {
            (self.starts[line], 1)
        };
        let col = col + self.text.get(from..offset).map_or(0, |s| s.chars().count());
        self.cursor.set((offset, line, col));
        (line, col)
    }
}

/// How many problems of one kind a file shows before the rest are counted.
pub const REPEATS_SHOWN: usize = 5;

/// The problems found in one text, at most `REPEATS_SHOWN` of each kind: 43,000 raw tags give
/// five warnings and "and 42,995 more", not 17 MB of them, and only the positions shown are
/// worked out.
struct Reports<'a> {
    path: &'a Path,
    lines: &'a LineIndex<'a>,
    first_line: usize,
    items: Vec<Diagnostic>,
    /// Per kind: how many were found, and the last one shown (an index in `items`).
    counts: BTreeMap<&'static str, (usize, usize)>,
}

impl<'a> Reports<'a> {
    fn new(input: &'a RenderInput<'a>, lines: &'a LineIndex<'a>) -> Self {
        Reports {
            path: input.path,
            lines,
            first_line: input.first_line,
            items: Vec::new(),
            counts: BTreeMap::new(),
        }
    }

    /// File line and column of a byte offset in the Markdown.
    fn at(&self, offset: usize) -> (usize, usize) {
        let (line, col) = self.lines.position(offset);
        (line + self.first_line, col)
    }

    fn push(
        &mut self,
        kind: &'static str,
        offset: usize,
        make: impl FnOnce(&Path, usize, usize) -> Diagnostic,
    ) {
        let count = self.counts.entry(kind).or_insert((0, 0));
        count.0 += 1;
        if count.0 <= REPEATS_SHOWN {
            count.1 = self.items.len();
            let (line, col) = self.at(offset);
            self.items.push(make(self.path, line, col));
        }
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        for (count, last) in self.counts.values() {
            if *count > REPEATS_SHOWN {
                let shown = &self.items[*last];
                let mut more = shown.clone();
                more.message = crate::tr!(
                    "markdown-more-like-this",
                    count = count - REPEATS_SHOWN,
                    shown = REPEATS_SHOWN
                );
                more.hint = None;
                self.items.push(more);
            }
        }
        self.items
    }
}

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

/// Quotes and lists nested deeper than this are refused before parsing: no text needs them, and
/// 2 MiB of `>` would be a million nested quotes, hundreds of megabytes of parser events.
pub const MAX_NESTING: usize = 16;

/// The first line whose quote and list markers nest deeper than `MAX_NESTING`, as the byte
/// offset of the marker that goes too deep.
fn too_deep(markdown: &str) -> Option<usize> {
    let mut line_start = 0;
    for line in markdown.split_inclusive('\n') {
        let bytes = line.as_bytes();
        let (mut at, mut depth) = (0, 0);
        loop {
            while at < bytes.len() && bytes[at] == b' ' {
                at += 1;
            }
            let digits = bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let marker = match bytes.get(at..) {
                Some([b'>', ..]) => 1,
                Some([b'-' | b'+' | b'*', b' ' | b'\t', ..]) => 2,
                Some(rest)
                    if digits > 0
                        && matches!(rest.get(digits), Some(b'.' | b')'))
                        && matches!(rest.get(digits + 1), Some(b' ' | b'\t')) =>
                {
                    digits + 2
                }
                _ => break,
            };
            depth += 1;
            if depth > MAX_NESTING {
                return Some(line_start + at);
            }
            at += marker;
        }
        line_start += line.len();
    }
    None
}

pub fn render(input: &RenderInput<'_>, resolver: &dyn LinkResolver) -> Rendered {
    let markdown = input.markdown;
    let lines = LineIndex::new(markdown);
    let mut reports = Reports::new(input, &lines);
    let mut out = Rendered::default();
    if let Some(offset) = too_deep(markdown) {
        reports.push("nesting", offset, |path, line, col| {
            Diagnostic::error(
                path,
                line,
                col,
                crate::tr!("markdown-too-deep", max = MAX_NESTING),
            )
            .with_hint(crate::tr!("markdown-too-deep-hint"))
        });
        out.diagnostics = reports.finish();
        return out;
    }
    // Sized for ordinary prose (about an event per 12 bytes), so the list is not copied as it
    // grows.
    let mut events: Vec<(Event<'_>, std::ops::Range<usize>)> =
        Vec::with_capacity(markdown.len() / 12 + 16);
    events.extend(Parser::new_ext(markdown, options()).into_offset_iter());
    out.headings = heading_pass(&mut events, &mut reports);
    let used_ids: BTreeSet<String> = out.headings.iter().map(|h| h.id.clone()).collect();
    let pictures = link_pass(&mut events, &used_ids, resolver, &mut reports, &mut out);
    raw_html_pass(&mut events, &mut reports);
    picture_pass(&mut events, pictures);
    out.html.reserve(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter().map(|(e, _)| e));
    // Thousands of pages are held until they are written: keep only what is used.
    out.html.shrink_to_fit();
    out.plain_text.shrink_to_fit();
    out.links_mask = (out.links_to.iter()).fold(0, |mask, key| mask | link_bit(key));
    out.diagnostics = reports.finish();
    out
}

type Events<'e> = Vec<(Event<'e>, std::ops::Range<usize>)>;

/// Heading ids and texts (ids from `{#id}` or the text), checking the order of levels.
fn heading_pass(events: &mut Events<'_>, reports: &mut Reports<'_>) -> Vec<Heading> {
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

/// (index of the image's start event, its picture, its alt text) for images published as
/// `<picture>`.
type Pictures = Vec<(usize, crate::images::Picture, String)>;

/// Links and images: destinations checked and rewritten, link texts and alt texts checked, the
/// plain text for the search index collected.
fn link_pass(
    events: &mut Events<'_>,
    used_ids: &BTreeSet<String>,
    resolver: &dyn LinkResolver,
    reports: &mut Reports<'_>,
    out: &mut Rendered,
) -> Pictures {
    let mut open_link: Option<(usize, String)> = None;
    let mut image_alt: Option<(usize, String)> = None;
    let mut pictures: Pictures = Vec::new();
    let mut open_picture: Option<(usize, crate::images::Picture)> = None;
    for (index, (event, range)) in events.iter_mut().enumerate() {
        match event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                let is_image = matches!(event, Event::Start(Tag::Image { .. }));
                let link = Link {
                    start: range.start,
                    is_image,
                };
                if let Some(picture) = link.resolve(event, used_ids, resolver, reports, out) {
                    open_picture = Some((index, picture));
                }
                if is_image {
                    image_alt = Some((range.start, String::new()));
                } else {
                    open_link = Some((range.start, String::new()));
                }
            }
            Event::End(TagEnd::Image) => {
                let Some((start, alt)) = image_alt.take() else {
                    continue;
                };
                if let Some((start_index, picture)) = open_picture.take() {
                    pictures.push((start_index, picture, alt.clone()));
                }
                if alt.trim().is_empty() {
                    reports.push("image-alt", start, |path, line, col| {
                        Diagnostic::error(path, line, col, crate::tr!("markdown-no-alt"))
                            .with_hint(crate::tr!("markdown-no-alt-hint"))
                    });
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some((start, text)) = open_link.take() {
                    check_link_text(reports, start, &text);
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, alt)) = image_alt.as_mut() {
                    alt.push_str(text);
                } else if let Some((_, link_text)) = open_link.as_mut() {
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
    pictures
}

fn check_link_text(reports: &mut Reports<'_>, start: usize, text: &str) {
    let lower = text.trim().to_lowercase();
    let lower = lower.trim_end_matches(['.', '!', ':']);
    if lower.is_empty() {
        reports.push("link-text-empty", start, |path, line, col| {
            Diagnostic::error(path, line, col, crate::tr!("markdown-link-no-text"))
                .with_hint(crate::tr!("markdown-link-no-text-hint"))
        });
    } else if VAGUE_LINK_TEXTS.contains(&lower) {
        reports.push("link-text-vague", start, |path, line, col| {
            Diagnostic::warning(
                path,
                line,
                col,
                crate::tr!("markdown-link-vague", text = text.trim()),
            )
            .with_hint(crate::tr!("markdown-link-vague-hint"))
        });
    }
}

/// The start of one link or image.
struct Link {
    start: usize,
    is_image: bool,
}

impl Link {
    /// Checks and rewrites the destination of the start event; the picture, for an image
    /// published with variants.
    fn resolve(
        &self,
        event: &mut Event<'_>,
        used_ids: &BTreeSet<String>,
        resolver: &dyn LinkResolver,
        reports: &mut Reports<'_>,
        out: &mut Rendered,
    ) -> Option<crate::images::Picture> {
        let (Event::Start(Tag::Link {
            link_type,
            dest_url,
            ..
        })
        | Event::Start(Tag::Image {
            link_type,
            dest_url,
            ..
        })) = event
        else {
            return None;
        };
        if matches!(link_type, LinkType::Email) {
            return None;
        }
        let destination = dest_url.to_string();
        if let Err(scheme) = crate::safe_url::check(&destination, crate::safe_url::CONTENT_SCHEMES)
        {
            // Never published, even by `check` or a preview: the link leads nowhere.
            *dest_url = CowStr::from("");
            reports.push("link-scheme", self.start, |path, line, col| {
                Diagnostic::error(
                    path,
                    line,
                    col,
                    crate::tr!("markdown-link-scheme", scheme = &scheme),
                )
                .with_hint(crate::tr!("markdown-link-scheme-hint"))
            });
            return None;
        }
        // An image from another website is loaded from there by every reader (and tells that
        // site who reads the page): images are files beside the entry, published by the site.
        if self.is_image
            && (crate::safe_url::scheme(&destination).is_some() || destination.starts_with("//"))
        {
            *dest_url = CowStr::from("");
            reports.push("image-elsewhere", self.start, |path, line, col| {
                Diagnostic::error(
                    path,
                    line,
                    col,
                    crate::tr!("markdown-image-elsewhere", url = &destination),
                )
                .with_hint(crate::tr!("markdown-image-elsewhere-hint"))
            });
            return None;
        }
        if let Some(anchor) = destination.strip_prefix('#') {
            if !used_ids.contains(anchor) && !anchor.is_empty() {
                reports.push("anchor-missing", self.start, |path, line, col| {
                    Diagnostic::error(
                        path,
                        line,
                        col,
                        crate::tr!("markdown-anchor-missing", anchor = anchor),
                    )
                    .with_hint(suggest_anchor(
                        anchor,
                        used_ids,
                        Which::ThisPage,
                    ))
                });
            }
            return None;
        }
        match resolver.resolve(&destination, self.is_image) {
            Ok(Resolved::Url { url, target }) => {
                if let Some(target) = target {
                    if let Some((_, anchor)) = destination.split_once('#') {
                        let (line, col) = reports.at(self.start);
                        out.anchor_links.push(AnchorLink {
                            target: target.clone(),
                            anchor: anchor.to_string(),
                            line,
                            col,
                        });
                    }
                    out.links_to.insert(target);
                }
                *dest_url = CowStr::from(url);
                None
            }
            Ok(Resolved::Unchanged) => {
                if matches!(
                    crate::safe_url::scheme(&destination).as_deref(),
                    Some("http" | "https")
                ) {
                    let (line, col) = reports.at(self.start);
                    out.external_links.push((destination, line, col));
                }
                None
            }
            Ok(Resolved::Picture(picture)) => Some(picture),
            Ok(Resolved::Site { file, anchor }) => {
                let (line, col) = reports.at(self.start);
                out.site_links.push(SiteLink {
                    written: destination,
                    file,
                    anchor,
                    line,
                    col,
                });
                None
            }
            Err((message, hint)) => {
                out.links_unresolved |= destination.starts_with("@/");
                reports.push("link-target", self.start, |path, line, col| {
                    Diagnostic::error(path, line, col, message).with_hint(hint)
                });
                None
            }
        }
    }
}

/// Raw HTML is shown as text, never passed through: a pasted `<script>` or `<iframe>` must not
/// reach readers (Hugo's default too). Editors are told, with the place.
fn raw_html_pass(events: &mut Events<'_>, reports: &mut Reports<'_>) {
    for (event, range) in events.iter_mut() {
        if let Event::Html(html) | Event::InlineHtml(html) = event {
            if !html.trim().is_empty() && !html.trim_start().starts_with("<!--") {
                reports.push("raw-html", range.start, |path, line, col| {
                    let shown: String = html.trim().chars().take(40).collect();
                    Diagnostic::warning(
                        path,
                        line,
                        col,
                        crate::tr!("markdown-raw-html", html = shown),
                    )
                    .with_hint(crate::tr!("markdown-raw-html-hint"))
                });
                *event = Event::Text(html.clone());
            } else {
                *event = Event::Text(CowStr::from(""));
            }
        }
    }
}

/// Images with variants become one `<picture>`: the start event carries the markup, the alt
/// text and end events are emptied.
fn picture_pass(events: &mut Events<'_>, pictures: Pictures) {
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
    let anchors = (ids.iter().map(|i| format!("#{i}")))
        .collect::<Vec<_>>()
        .join(", ");
    match (which, ids.is_empty()) {
        (Which::ThisPage, true) => crate::tr!("markdown-no-anchors-here"),
        (Which::ThatPage, true) => crate::tr!("markdown-no-anchors-there"),
        (Which::ThisPage, false) => crate::tr!("markdown-anchors-here", anchors = anchors),
        (Which::ThatPage, false) => crate::tr!("markdown-anchors-there", anchors = anchors),
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

    #[test]
    fn links_to_other_schemes_are_refused_and_never_published() {
        let md = "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) \
                  [d](vbscript:x) <javascript:alert(1)> ![e](javascript:alert(1)) \
                  [f](java\tscript:x) [g](javascript&#58;alert(1)) [h](file:///etc/passwd)";
        let r = run(md);
        let refused = (r.diagnostics.iter())
            .filter(|d| d.message.contains("is not allowed"))
            .count();
        assert!(refused >= 5, "{:?}", r.diagnostics);
        assert!(
            r.diagnostics
                .iter()
                .any(|d| d.message.contains("more like this")),
            "{:?}",
            r.diagnostics
        );
        let lower = r.html.to_lowercase();
        for scheme in ["javascript", "data:", "vbscript", "file:"] {
            assert!(!lower.contains(&format!("href=\"{scheme}")), "{}", r.html);
            assert!(!lower.contains(&format!("src=\"{scheme}")), "{}", r.html);
        }
        let fine =
            run("[a](https://x.nl) [b](mailto:pers@x.nl) [c](tel:+31201234567) [d](@/goals)");
        assert!(fine.diagnostics.is_empty(), "{:?}", fine.diagnostics);
    }

    #[test]
    fn headings_carry_no_attributes_but_their_id() {
        let r = run("## Hallo {#groet .rood onclick=alert(1) style=x}\n");
        assert!(r.html.contains("<h2 id=\"groet\">Hallo</h2>"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(r.diagnostics[0].message.contains("only an anchor"));
    }

    #[test]
    fn heading_ids_stay_apart_from_the_themes_and_from_each_other() {
        let r = run("## Main\n\n## Programme\n\n## Über ons {#Über ons}\n");
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["main-2", "programme-2", "uber"]);
        let many = run(&"## h\n\n".repeat(3000));
        let unique: BTreeSet<&str> = many.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(unique.len(), 3000);
        assert_eq!(many.headings[2999].id, "h-3000");
    }

    #[test]
    fn repeated_problems_are_counted_after_the_first_few() {
        let r = run(&"<b>x</b> ".repeat(1000));
        assert_eq!(
            r.diagnostics.len(),
            REPEATS_SHOWN + 1,
            "{:?}",
            r.diagnostics
        );
        let last = &r.diagnostics[REPEATS_SHOWN];
        assert!(
            last.message.starts_with("and 1995 more"),
            "{}",
            last.message
        );
    }
}
