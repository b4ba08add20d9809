//! Links and images in Markdown: destinations checked and rewritten through the
//! `LinkResolver`, link texts and alt texts checked, the plain text for the search index.

use super::*;

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

/// (index of the image's start event, its picture, its alt text) for images published as
/// `<picture>`.
pub(super) type Pictures = Vec<(usize, crate::images::Picture, String)>;

/// Links and images: destinations checked and rewritten, link texts and alt texts checked, the
/// plain text for the search index collected.
pub(super) fn link_pass(
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
    let mut plain_text = String::new();
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
                if plain_text.len() < PLAIN_TEXT_LIMIT {
                    plain_text.push_str(text);
                }
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Item) => {
                plain_text.push(' ');
            }
            _ => {}
        }
    }
    // A page may link to another many times: each key once, in order (`Rendered::links_to`).
    out.links_to.sort_unstable();
    out.links_to.dedup();
    out.links_to.shrink_to_fit();
    // Thousands of pages are kept: only what is used.
    plain_text.shrink_to_fit();
    out.plain_text = plain_text.into();
    pictures
}

/// Reports a link without text, or with a text that says nothing of where it leads.
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
        if self.refused(&destination, reports) {
            // Never published, even by `check` or a preview: the link leads nowhere.
            *dest_url = CowStr::from("");
            return None;
        }
        if let Some(anchor) = destination.strip_prefix('#') {
            self.check_anchor_here(anchor, used_ids, reports);
            return None;
        }
        let resolved = resolver.resolve(&destination, self.is_image);
        self.apply(resolved, destination, dest_url, reports, out)
    }

    /// Reports a destination that may not be published at all: a scheme that is not allowed,
    /// or an image from another website.
    fn refused(&self, destination: &str, reports: &mut Reports<'_>) -> bool {
        if let Err(scheme) = crate::safe_url::check(destination, crate::safe_url::CONTENT_SCHEMES) {
            // `C:\Users\…\foto.jpg`, `file:///…`: a place on the editor's own computer.
            let (message, hint) = match scheme.len() == 1 || scheme == "file" {
                true => {
                    let name = destination.rsplit(['/', '\\']).next().unwrap_or_default();
                    let name = crate::safe_url::suggest_name(name);
                    let message = crate::tr!("markdown-own-computer", link = destination);
                    (
                        message,
                        crate::tr!("markdown-own-computer-hint", name = name),
                    )
                }
                false => (
                    crate::tr!("markdown-link-scheme", scheme = &scheme),
                    crate::tr!("markdown-link-scheme-hint"),
                ),
            };
            reports.push("link-scheme", self.start, |path, line, col| {
                Diagnostic::error(path, line, col, message).with_hint(hint)
            });
            return true;
        }
        // An image from another website is loaded from there by every reader (and tells that
        // site who reads the page): images are files beside the entry, published by the site.
        if self.is_image
            && (crate::safe_url::scheme(destination).is_some() || destination.starts_with("//"))
        {
            reports.push("image-elsewhere", self.start, |path, line, col| {
                Diagnostic::error(
                    path,
                    line,
                    col,
                    crate::tr!("markdown-image-elsewhere", url = destination),
                )
                .with_hint(crate::tr!("markdown-image-elsewhere-hint"))
            });
            return true;
        }
        false
    }

    /// Reports a link to an anchor on the same page that no heading has.
    fn check_anchor_here(
        &self,
        anchor: &str,
        used_ids: &BTreeSet<String>,
        reports: &mut Reports<'_>,
    ) {
        if !used_ids.contains(anchor) && !anchor.is_empty() {
            reports.push("anchor-missing", self.start, |path, line, col| {
                Diagnostic::error(
                    path,
                    line,
                    col,
                    crate::tr!("markdown-anchor-missing", anchor = anchor),
                )
                .with_hint(suggest_anchor(anchor, used_ids, Which::ThisPage))
            });
        }
    }

    /// Puts what the resolver made of the destination into the event and `out`: the new
    /// address and the page it leads to, an external or own-site link to check later, or the
    /// problem. The picture, for an image published with variants.
    fn apply(
        &self,
        resolved: Result<Resolved, (String, String)>,
        destination: String,
        dest_url: &mut CowStr<'_>,
        reports: &mut Reports<'_>,
        out: &mut Rendered,
    ) -> Option<crate::images::Picture> {
        match resolved {
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
                    out.links_to.push(target);
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

/// Where a text's links and images lead, as written (`rapport.pdf`, `/pers/x.pdf`,
/// `https://…`): the files that go with the text when it is held back are among them
/// (`resolve::held_files`). `@/` links and anchors on the page are left out.
pub fn link_destinations(markdown: &str) -> Vec<String> {
    destinations(markdown, false)
}

/// The files a text shows as images (`![…](foto.jpg)`), as written: the photos whose
/// metadata it may keep (`resolve::kept_metadata`).
pub fn image_destinations(markdown: &str) -> Vec<String> {
    destinations(markdown, true)
}

fn destinations(markdown: &str, images_only: bool) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    // A text `render` would refuse before parsing is not parsed here either: a draft is
    // content too.
    if too_deep(markdown).is_some() || too_much_markup(markdown).is_some() {
        return Vec::new();
    }
    let is_file = |dest: &str| {
        !(dest.is_empty()
            || dest.starts_with(['#', '@'])
            || images_only && (dest.starts_with('/') || crate::safe_url::scheme(dest).is_some()))
    };
    let destination = |event| match event {
        Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url),
        Event::Start(Tag::Link { dest_url, .. }) if !images_only => Some(dest_url),
        _ => None,
    };
    Parser::new_ext(markdown, options())
        .filter_map(destination)
        .filter_map(|dest_url| {
            let file = match images_only {
                true => dest_url.split(['#', '?']).next().unwrap_or_default(),
                false => &dest_url,
            };
            is_file(file).then(|| file.to_string())
        })
        .collect()
}
