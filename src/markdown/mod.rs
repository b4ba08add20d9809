//! Markdown → HTML with pulldown-cmark: heading anchors, `@/kind/stem` links and relative asset
//! links rewritten through a resolver, and the content accessibility checks that need the
//! document structure (alt text, heading order, link text). Knows no content kinds.

use crate::diagnostic::{Diagnostic, Severity};
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod headings;
mod links;
pub use links::{image_destinations, link_destinations};
mod slips;
pub use headings::*;
use links::*;

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
    /// Read with `html()`: `serve` keeps it packed.
    html: crate::packed::Text,
    pub headings: Vec<Heading>,
    pub anchor_links: Vec<AnchorLink>,
    pub site_links: Vec<SiteLink>,
    /// Links to other websites, with their file line and column, for `check --external`.
    pub external_links: Vec<(String, usize, usize)>,
    /// Page keys this page links to, sorted, each once: its HTML depends on their addresses
    /// (`serve`). A list, not a set: a set's smallest node is ~300 bytes, for every page.
    pub links_to: Vec<String>,
    /// An `@/` link found no page: what it became depends on which entries exist.
    pub links_unresolved: bool,
    /// Read with `plain_text()`: `serve` keeps it packed.
    plain_text: crate::packed::Text,
    pub diagnostics: Vec<Diagnostic>,
}

impl Rendered {
    /// The Markdown as HTML.
    pub fn html(&self) -> std::borrow::Cow<'_, str> {
        self.html.read()
    }

    /// The start of the text, without markup, for the search index (`PLAIN_TEXT_LIMIT`).
    pub fn plain_text(&self) -> std::borrow::Cow<'_, str> {
        self.plain_text.read()
    }

    /// Packs the HTML and the text, for `serve`, which keeps every page's between builds.
    pub fn pack(&mut self) {
        self.html.pack();
        self.plain_text.pack();
    }
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

/// How many warnings of one kind a file shows before the rest are counted.
pub const REPEATS_SHOWN: usize = 5;

/// How many errors of one kind a file shows before the rest are counted: each must be mended
/// before the site builds, so an editor is shown more of them at once.
pub const ERRORS_SHOWN: usize = 25;

/// The problems found in one text, at most `REPEATS_SHOWN` warnings (`ERRORS_SHOWN` errors) of
/// each kind: 43,000 raw tags give five warnings and "and 42,995 more", not 17 MB of them, and
/// only the positions shown are worked out. The rest count in the totals.
struct Reports<'a> {
    path: &'a Path,
    lines: &'a LineIndex<'a>,
    first_line: usize,
    items: Vec<Diagnostic>,
    /// Per kind: how many were found, how many are shown, and the last one shown (an index in
    /// `items`).
    counts: BTreeMap<&'static str, (usize, usize, usize)>,
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
        let (found, shown, _) = self.counts.entry(kind).or_insert((0, 0, 0));
        *found += 1;
        // The first of a kind decides how many are shown: the kinds are errors or warnings.
        if *found > 1 && *found > *shown {
            return;
        }
        let (line, col) = self.at(offset);
        let diagnostic = make(self.path, line, col);
        let shown_of_kind = match diagnostic.severity {
            Severity::Error => ERRORS_SHOWN,
            Severity::Warning => REPEATS_SHOWN,
        };
        if let Some((_, shown, last)) = self.counts.get_mut(kind) {
            (*shown, *last) = (shown_of_kind, self.items.len());
        }
        self.items.push(diagnostic);
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        for (found, shown, last) in self.counts.values() {
            if found > shown {
                let mut more = self.items[*last].clone();
                more.message = crate::tr!(
                    "markdown-more-like-this",
                    count = found - shown,
                    shown = *shown
                );
                more.hint = None;
                more.stands_for = found - shown;
                self.items.push(more);
            }
        }
        self.items
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

/// A page's Markdown may hold at most this many signs that can start markup (`*`, `[`, `<`, a
/// quote, a line break, …): 2 MB of ordinary prose holds about 50,000. The parser's work grows with
/// them, not with the text: each costs ~300 bytes to parse, check and render, so 2 MB of `*a`
/// took 650 MB on each thread. Counted before parsing, in pages long enough to hold more.
pub const MAX_MARKS: usize = 100_000;

/// Where the Markdown holds one sign that can start markup more than `MAX_MARKS`.
fn too_much_markup(markdown: &str) -> Option<usize> {
    if markdown.len() <= MAX_MARKS {
        return None;
    }
    // Quotes and `..` too: smart punctuation makes each its own event.
    let bytes = markdown.as_bytes();
    let is_mark = |at: usize, b: u8| {
        b"*_[]<>!`&\\|~#-+\n\"'".contains(&b) || (b == b'.' && bytes.get(at + 1) == Some(&b'.'))
    };
    (bytes.iter().enumerate())
        .filter(|(at, b)| is_mark(*at, **b))
        .nth(MAX_MARKS)
        .map(|(at, _)| at)
}

pub fn render(input: &RenderInput<'_>, resolver: &dyn LinkResolver) -> Rendered {
    let markdown = input.markdown;
    let lines = LineIndex::new(markdown);
    let mut reports = Reports::new(input, &lines);
    let mut out = Rendered::default();
    // Refused before parsing: the parser's work would grow without bound.
    let refused = (too_deep(markdown).map(|at| {
        let message = crate::tr!("markdown-too-deep", max = MAX_NESTING);
        ("nesting", at, message, crate::tr!("markdown-too-deep-hint"))
    }))
    .or_else(|| {
        too_much_markup(markdown).map(|at| {
            let message = crate::tr!("markdown-too-much-markup", max = MAX_MARKS);
            (
                "too-much-markup",
                at,
                message,
                crate::tr!("markdown-too-much-markup-hint"),
            )
        })
    });
    if let Some((kind, offset, message, hint)) = refused {
        reports.push(kind, offset, |path, line, col| {
            Diagnostic::error(path, line, col, message).with_hint(hint)
        });
        out.diagnostics = reports.finish();
        return out;
    }
    // Sized for ordinary prose (about an event per 12 bytes), so the list is not copied as it
    // grows.
    let mut events: Vec<(Event<'_>, std::ops::Range<usize>)> =
        Vec::with_capacity(markdown.len() / 12 + 16);
    events.extend(Parser::new_ext(markdown, options()).into_offset_iter());
    slips::slips_pass(markdown, &events, &mut reports);
    out.headings = heading_pass(&mut events, &mut reports);
    let used_ids: BTreeSet<String> = out.headings.iter().map(|h| h.id.clone()).collect();
    let pictures = link_pass(&mut events, &used_ids, resolver, &mut reports, &mut out);
    raw_html_pass(&mut events, &mut reports);
    footnote_pass(&mut events);
    picture_pass(&mut events, pictures);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
    // Thousands of pages are held until they are written: keep only what is used.
    html.shrink_to_fit();
    out.html = html.into();
    out.diagnostics = reports.finish();
    out
}

type Events<'e> = Vec<(Event<'e>, std::ops::Range<usize>)>;

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

/// A footnote's anchor is its label, which the editor chose: `[^main]` would give the page a
/// second `id="main"` (the theme's), and its link would jump there. Prefixed, it cannot.
fn footnote_pass(events: &mut Events<'_>) {
    for (event, _) in events.iter_mut() {
        match event {
            Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label)) => {
                *label = CowStr::from(format!("fn-{label}"));
            }
            _ => {}
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

#[cfg(test)]
mod tests;
