//! Machine-readable XML outputs: the Atom feed of press releases per language and the sitemap
//! with hreflang alternates. Written directly (no template) so escaping is in one place.

use crate::lang::Lang;
use crate::model::{EntryData, Kind};
use crate::resolve::{Site, section_url};
use std::fmt::Write as _;

pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped_xml(&mut out, text);
    out
}

/// `escape_xml` onto the end of `out`.
fn push_escaped_xml(out: &mut String, text: &str) {
    // Most text (every URL) has nothing to escape.
    if !text
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'') || b < 0x20)
    {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => {}
            c => out.push(c),
        }
    }
}

fn absolute(site: &Site, url: &str) -> String {
    format!("{}{}{url}", site.config.origin(), site.config.base_path())
}

/// RFC 3339 at midnight Amsterdam time; fixed offsets keep the output the same on every machine.
fn rfc3339(date: jiff::civil::Date) -> String {
    match date
        .to_zoned(jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC))
    {
        Ok(zoned) => zoned.timestamp().to_string(),
        Err(_) => format!("{date}T00:00:00Z"),
    }
}

/// The latest press releases (`feed_limit` in site.yaml). Ids are the permalinks of the Dutch
/// page, so they stay the same across builds and translations of the slug.
pub fn atom(site: &Site, lang: Lang, title: &str) -> String {
    let section = section_url(&site.config, Kind::Press, lang);
    let feed_url = absolute(site, &format!("{section}atom.xml"));
    let items: Vec<_> = site
        .list(Kind::Press, lang)
        .take(site.config.feed_limit)
        .collect();
    let updated = items
        .iter()
        .filter_map(|p| p.entry.date())
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), rfc3339);
    let site_title = site.config.title.get(&lang).cloned().unwrap_or_default();
    let mut out = String::with_capacity(1024 + items.len() * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        out,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        lang.code()
    );
    let _ = writeln!(
        out,
        "  <title>{}</title>",
        escape_xml(&format!("{site_title} – {title}"))
    );
    let _ = writeln!(out, "  <id>{}</id>", escape_xml(&feed_url));
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape_xml(&feed_url)
    );
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape_xml(&absolute(site, &section))
    );
    let _ = writeln!(out, "  <updated>{updated}</updated>");
    let _ = writeln!(
        out,
        "  <author><name>{}</name></author>",
        escape_xml(
            site.config
                .contact
                .get("organisation")
                .map_or(site_title.as_str(), String::as_str)
        )
    );
    for page in items {
        let EntryData::Press(press) = &page.entry.data else {
            continue;
        };
        let url = absolute(site, &page.url);
        let id = format!(
            "tag:{},{}:{}/{}",
            host(site),
            press.date,
            lang.code(),
            page.key
        );
        let _ = writeln!(out, "  <entry>");
        let _ = writeln!(out, "    <title>{}</title>", escape_xml(&press.title));
        let _ = writeln!(out, "    <id>{}</id>", escape_xml(&id));
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape_xml(&url)
        );
        let _ = writeln!(out, "    <published>{}</published>", rfc3339(press.date));
        let _ = writeln!(out, "    <updated>{}</updated>", rfc3339(press.date));
        let _ = writeln!(out, "    <summary>{}</summary>", escape_xml(&press.summary));
        let _ = writeln!(
            out,
            "    <content type=\"html\">{}</content>",
            escape_xml(&page.rendered.html())
        );
        let _ = writeln!(out, "  </entry>");
    }
    out.push_str("</feed>\n");
    out
}

fn host(site: &Site) -> String {
    let origin = site.config.origin();
    origin.split_once("://").map_or(origin.clone(), |(_, h)| {
        h.split(':').next().unwrap_or(h).to_string()
    })
}

/// The addresses of one entry's pages (or a section's, or the home page's), by language:
/// the pages' own (`Page::url`), shared, not copied.
pub type Translations = Vec<(Lang, std::sync::Arc<str>)>;

const SITEMAP_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const SITEMAP_TAIL: &str = "</urlset>\n";

/// What every row of the sitemap shares.
#[derive(Debug, Clone, PartialEq)]
pub struct SitemapRowStyle {
    /// The site's address before each page's, escaped once (escaping goes character by
    /// character): no address is made absolute or escaped into a string of its own.
    prefix: String,
    /// The language of the `x-default` alternate.
    default: Lang,
}

impl SitemapRowStyle {
    pub fn of(site: &Site) -> SitemapRowStyle {
        SitemapRowStyle {
            prefix: escape_xml(&format!(
                "{}{}",
                site.config.origin(),
                site.config.base_path()
            )),
            default: site.config.default_lang(),
        }
    }

    /// Appends the `<url>` element of `url` with `alternates` as `push_alternates` made them
    /// for its group: one text for all of a group's rows.
    pub fn push_row_with(&self, out: &mut String, url: &str, alternates: &str) {
        self.open_row(out, url);
        out.push_str(alternates);
        out.push_str("  </url>\n");
    }

    fn open_row(&self, out: &mut String, url: &str) {
        out.push_str("  <url>\n    <loc>");
        self.push_address(out, url);
        out.push_str("</loc>\n");
    }

    fn push_address(&self, out: &mut String, url: &str) {
        out.push_str(&self.prefix);
        push_escaped_xml(out, url);
    }

    /// The `xhtml:link` alternates of every row of `group`: one to each of its addresses and
    /// `x-default`, or nothing when it has no translations.
    pub fn push_alternates(&self, out: &mut String, group: &Translations) {
        if group.len() < 2 {
            return;
        }
        let link = |out: &mut String, hreflang: &str, url: &str| {
            out.push_str("    <xhtml:link rel=\"alternate\" hreflang=\"");
            out.push_str(hreflang);
            out.push_str("\" href=\"");
            self.push_address(out, url);
            out.push_str("\"/>\n");
        };
        for (lang, other) in group {
            link(out, lang.code(), other);
        }
        if let Some((_, other)) = group.iter().find(|(lang, _)| *lang == self.default) {
            link(out, "x-default", other);
        }
    }
}

/// At most how many addresses one sitemap file lists: the protocol allows 50,000 and 50 MB, and
/// a row with its alternates is ~450 bytes in two languages. A larger site's `sitemap.xml` is
/// an index of files of this many (`sitemap-1.xml`, …), as search engines read it.
pub const SITEMAP_PART_ROWS: usize = 25_000;

/// How many rows each sitemap file holds: `SITEMAP_PART_ROWS`, or fewer when
/// `WDHS_SITEMAP_PART_ROWS` says so (the tests, to split a small site).
pub fn sitemap_part_rows() -> usize {
    std::env::var("WDHS_SITEMAP_PART_ROWS")
        .ok()
        .and_then(|rows| rows.parse().ok())
        .filter(|rows| (1..=SITEMAP_PART_ROWS).contains(rows))
        .unwrap_or(SITEMAP_PART_ROWS)
}

/// How many files a sitemap of `rows` addresses takes past the index; 0 when it fits in one
/// (then `sitemap.xml` lists them itself).
pub fn sitemap_parts(rows: usize, per_part: usize) -> usize {
    match rows > per_part {
        true => rows.div_ceil(per_part.max(1)),
        false => 0,
    }
}

/// The address of sitemap file `n` (from 0) below the site's root.
pub fn sitemap_part_path(n: usize) -> String {
    format!("sitemap-{}.xml", n + 1)
}

/// The sitemap index of `parts` files.
pub fn sitemap_index(style: &SitemapRowStyle, parts: usize) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 0..parts {
        out.push_str("  <sitemap>\n    <loc>");
        style.push_address(&mut out, &sitemap_part_path(n));
        out.push_str("</loc>\n  </sitemap>\n");
    }
    out.push_str("</sitemapindex>\n");
    out
}

/// The sitemap of `rows` (address, alternates), in address order.
pub fn sitemap_of_rows<'r>(
    style: &SitemapRowStyle,
    rows: impl Iterator<Item = (&'r str, &'r str)> + Clone,
) -> String {
    // What `push_row_with` adds around the address and the alternates.
    let tags = "  <url>\n    <loc></loc>\n  </url>\n".len();
    let length = (rows.clone())
        .map(|(url, alternates)| tags + style.prefix.len() + url.len() + alternates.len())
        .sum::<usize>();
    let mut out = String::with_capacity(SITEMAP_HEAD.len() + length + SITEMAP_TAIL.len());
    out.push_str(SITEMAP_HEAD);
    rows.for_each(|(url, alternates)| style.push_row_with(&mut out, url, alternates));
    out.push_str(SITEMAP_TAIL);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sitemap_is_split_only_past_a_files_rows() {
        assert_eq!(sitemap_parts(0, 3), 0);
        assert_eq!(sitemap_parts(3, 3), 0);
        assert_eq!(sitemap_parts(4, 3), 2);
        assert_eq!(sitemap_parts(9, 3), 3);
        assert_eq!(
            sitemap_parts(SITEMAP_PART_ROWS * 8 + 1, SITEMAP_PART_ROWS),
            9
        );
        assert_eq!(sitemap_part_path(0), "sitemap-1.xml");
    }
}
