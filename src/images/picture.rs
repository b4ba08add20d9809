//! The markup of an image published with variants: `srcset` and `sizes` for a text or a card.

use super::*;

/// The URLs of an image's variants, ready for `<picture>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Picture {
    /// The fallback at the largest width up to 960 px.
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub webp_srcset: String,
    pub fallback_srcset: String,
    /// The 1200×630 crop for social media.
    pub social: String,
}

impl Picture {
    /// `url_of` turns an output path (relative to the site root) into a link.
    pub fn new(info: &ImageInfo, published: &str, url_of: &dyn Fn(&str) -> String) -> Picture {
        let widths = variant_widths(info.width);
        let ext = info.fallback.extension();
        let srcset = |extension: &str| {
            widths
                .iter()
                .map(|w| {
                    format!(
                        "{} {w}w",
                        url_of(&variant_path(published, &w.to_string(), extension))
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let main = widths
            .iter()
            .copied()
            .filter(|w| *w <= 960)
            .max()
            .unwrap_or(widths[0]);
        Picture {
            src: url_of(&variant_path(published, &main.to_string(), ext)),
            width: main,
            height: height_for(info, main),
            webp_srcset: srcset("webp"),
            fallback_srcset: srcset(ext),
            social: url_of(&variant_path(published, "social", "jpg")),
        }
    }

    /// `<picture>` with explicit size (no layout shift); `lazy` for images below the fold.
    pub fn to_html(&self, alt: &str, sizes: &str, lazy: bool) -> String {
        let escape = |s: &str| {
            s.replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        format!(
            "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{sizes}\"><img src=\"{}\" srcset=\"{}\" sizes=\"{sizes}\" width=\"{}\" height=\"{}\" alt=\"{}\"{} decoding=\"async\"></picture>",
            escape(&self.webp_srcset),
            escape(&self.src),
            escape(&self.fallback_srcset),
            self.width,
            self.height,
            escape(alt),
            if lazy { " loading=\"lazy\"" } else { "" }
        )
    }
}

/// `sizes` for an image in the text column (max 44rem).
pub const SIZES_TEXT: &str = "(min-width: 48rem) 44rem, 100vw";
/// `sizes` for an image on a card in a grid.
pub const SIZES_CARD: &str = "(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, 100vw";
