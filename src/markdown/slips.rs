//! Markdown an editor meant and wrote so that it shows as text: a link with a space before its
//! address or in it, or without its closing bracket, and a heading without a space after `##`.

use super::{Events, Reports};
use crate::diagnostic::Diagnostic;
use pulldown_cmark::{Event, Tag};
use std::ops::Range;

/// Warns where the text shows Markdown that did not become a link or a heading.
pub(super) fn slips_pass(markdown: &str, events: &Events<'_>, reports: &mut Reports<'_>) {
    let made = Made::new(events);
    let links = (markdown.match_indices("](").map(|(at, _)| at)).chain(
        markdown
            .match_indices("] (")
            .map(|(at, _)| at)
            .filter(|at| {
                let target = markdown[at + 3..].trim_start();
                ["@/", "http", "/", "www.", "#", "mailto:"]
                    .iter()
                    .any(|start| target.starts_with(start))
            }),
    );
    for at in links.filter(|at| !made.covers(*at)) {
        reports.push("not-a-link", at, |path, line, col| {
            Diagnostic::warning(path, line, col, crate::tr!("markdown-not-a-link"))
                .with_hint(crate::tr!("markdown-not-a-link-hint"))
        });
    }
    let line_starts = std::iter::once(0).chain(markdown.match_indices('\n').map(|(at, _)| at + 1));
    for at in line_starts.filter(|at| !made.covers(*at)) {
        let line = &markdown[at..];
        // `• punt` pasted from Word: no list, the lines run on in one paragraph. Only in a run
        // of such lines: a dash that starts one line of wrapped prose is prose.
        if let Some(sign) = bullet(line)
            && (bullet(next_line(line)) == Some(sign)
                || bullet(markdown[..at].lines().next_back().unwrap_or("")) == Some(sign))
        {
            reports.push("bullet", at, |path, line, col| {
                let message = crate::tr!("markdown-bullet", sign = sign.to_string());
                Diagnostic::warning(path, line, col, message)
                    .with_hint(crate::tr!("markdown-bullet-hint"))
            });
        }
        let hashes = line.len() - line.trim_start_matches('#').len();
        let next = line[hashes..].chars().next();
        // `##Kop`: two or more, so that a `#hashtag` at the start of a line stays text.
        if (2..=6).contains(&hashes) && next.is_some_and(|c| !c.is_whitespace()) {
            reports.push("heading-space", at, |path, line, col| {
                Diagnostic::warning(path, line, col, crate::tr!("markdown-heading-space"))
                    .with_hint(crate::tr!(
                        "markdown-heading-space-hint",
                        hashes = "#".repeat(hashes)
                    ))
            });
        }
    }
}

/// The bullet or dash a line starts with, before a space: `• punt`, `– punt`.
fn bullet(line: &str) -> Option<char> {
    let mut start = line.trim_start_matches([' ', '\t']).chars();
    match (start.next(), start.next()) {
        (Some(sign), Some(' ' | '\t')) if crate::fields::BULLETS.contains(&sign) => Some(sign),
        _ => None,
    }
}

/// The text after the first line break of `text` (empty without one).
fn next_line(text: &str) -> &str {
    text.split_once('\n').map_or("", |(_, rest)| rest)
}

/// The parts of the text the parser made into a link, an image, a heading or code: no slip is
/// looked for inside them.
struct Made {
    /// Sorted by start, each with the furthest end of it and all before it.
    ranges: Vec<(usize, usize)>,
}

impl Made {
    fn new(events: &Events<'_>) -> Made {
        let mut ranges: Vec<Range<usize>> = (events.iter())
            .filter(|(event, _)| {
                matches!(
                    event,
                    Event::Start(
                        Tag::Link { .. }
                            | Tag::Image { .. }
                            | Tag::CodeBlock(_)
                            | Tag::Heading { .. }
                    ) | Event::Code(_)
                        | Event::Html(_)
                        | Event::InlineHtml(_)
                )
            })
            .map(|(_, range)| range.clone())
            .collect();
        ranges.sort_by_key(|r| r.start);
        let mut furthest = 0;
        let ranges = (ranges.into_iter())
            .map(|r| {
                furthest = furthest.max(r.end);
                (r.start, furthest)
            })
            .collect();
        Made { ranges }
    }

    /// Whether `at` lies inside something the parser made.
    fn covers(&self, at: usize) -> bool {
        let before = self.ranges.partition_point(|(start, _)| *start <= at);
        before > 0 && self.ranges[before - 1].1 > at
    }
}
