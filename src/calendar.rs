//! The festival as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets,
//! a stable UID, and DTSTAMP from the content (not the clock) so builds stay byte-identical.

use crate::model::EntryData;
use crate::resolve::{Page, Site};

/// Where the calendar file of the festival page at `url` is published.
pub fn path(url: &str) -> String {
    format!("{url}festival.ics")
}

pub fn festival_ics(site: &Site, page: &Page) -> String {
    let EntryData::Festival(festival) = &page.entry.data else {
        return String::new();
    };
    let url = format!(
        "{}{}{}",
        site.config.origin(),
        site.config.base_path(),
        page.url
    );
    let host = site
        .config
        .origin()
        .split_once("://")
        .map_or_else(String::new, |(_, h)| h.to_string());
    let next_day = festival.date.tomorrow().unwrap_or(festival.date);
    let date = |d: jiff::civil::Date| format!("{:04}{:02}{:02}", d.year(), d.month(), d.day());
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//We Doen Het Samen//wdhs//NL".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:festival-{}@{host}", page.entry.stem),
        format!("DTSTAMP:{}T000000Z", date(festival.date)),
        format!("DTSTART;VALUE=DATE:{}", date(festival.date)),
        format!("DTEND;VALUE=DATE:{}", date(next_day)),
        format!("SUMMARY:{}", escape_text(&festival.title)),
        format!("DESCRIPTION:{}", escape_text(&festival.summary)),
        format!(
            "LOCATION:{}",
            escape_text(&format!(
                "{}, {}, {}",
                festival.venue, festival.address, festival.city
            ))
        ),
        format!("URL:{url}"),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
    }
    out
}

fn escape_text(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n");
    // Other control characters have no place in a text value (RFC 5545, 3.3.11): a reader
    // that took one for a line break would read what follows as a property of its own.
    escaped
        .chars()
        .filter(|c| *c == '\t' || !c.is_control())
        .collect()
}

/// Folds a content line at 75 octets without splitting a UTF-8 character; ends with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_break_of_any_kind_stays_inside_the_text() {
        let title = "Fest\rEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:Injected\u{b}\u{0}x";
        assert_eq!(
            escape_text(title),
            "Fest\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Injectedx"
        );
    }

    #[test]
    fn folds_long_lines_at_75_octets() {
        let line = format!("DESCRIPTION:{}", "é".repeat(60));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{} octets", part.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }
}
