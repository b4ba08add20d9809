//! Languages as data: a language is a code from site.yaml; what is known of it (its own name,
//! locale, text direction, how dates are written, the words in its addresses) comes from the
//! theme's string file for that code. No I/O. The only place that names particular languages
//! is the table of texts `wdhs new` writes (`NEW_FILE_TEXTS`).

use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// A language of the site, known by its code (`nl`, `en`, `fy`, `pt-br`). Copied everywhere, so
/// it holds the code interned once per process: two are the same language when they point at
/// the same code (pages are compared by language in every hot loop). Languages sort by code.
#[derive(Clone, Copy, Eq)]
pub struct Lang(&'static str);

impl std::hash::Hash for Lang {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // By the code, so the same on every run; equal languages have equal codes.
        self.0.hash(state);
    }
}

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl PartialOrd for Lang {
    fn partial_cmp(&self, other: &Lang) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Lang {
    fn cmp(&self, other: &Lang) -> std::cmp::Ordering {
        if self == other {
            std::cmp::Ordering::Equal
        } else {
            self.0.cmp(other.0)
        }
    }
}

impl Lang {
    /// The language with this code, if the code is one: 2 or 3 lowercase letters, then
    /// optionally `-` and 2 to 8 lowercase letters or digits (a BCP 47 tag as addresses and
    /// `hreflang` take it).
    pub fn new(code: &str) -> Option<Lang> {
        is_language_code(code).then(|| Lang(intern(code)))
    }

    /// The language among `languages` whose code is `code`.
    pub fn find(languages: &[Lang], code: &str) -> Option<Lang> {
        languages.iter().copied().find(|l| l.0 == code)
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    /// The language of a site whose site.yaml names none that can be used.
    pub fn fallback() -> Lang {
        Lang(intern("nl"))
    }
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|part| {
            (2..=8).contains(&part.len())
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Codes are few (those site.yaml names), so each is leaked once and shared by every `Lang`.
fn intern(code: &str) -> &'static str {
    static CODES: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut codes = CODES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(known) = codes.iter().find(|c| **c == code) {
        return known;
    }
    let leaked: &'static str = Box::leak(code.to_string().into_boxed_str());
    codes.push(leaked);
    leaked
}

/// The keys of a theme string file that describe the language itself rather than label
/// something; `check_string` knows the shape of each.
pub const LANGUAGE_KEYS: &[&str] = &[
    "language_name",
    "locale",
    "direction",
    "months",
    "weekdays",
    "date_format",
    "month_format",
    "date_format_weekday",
    "address_page",
    "address_search",
    "address_province",
    "address_theme",
];

/// What is wrong with the theme string `key` = `text`, for the keys with a shape of their own.
pub fn check_string(key: &str, text: &str) -> Option<String> {
    let names = |count: usize| {
        let found = list(text).len();
        (found != count)
            .then(|| crate::tr!("lang-names-count", key = key, count = count, found = found))
    };
    match key {
        "months" => names(12),
        "weekdays" => names(7),
        "direction" => {
            (text != "ltr" && text != "rtl").then(|| crate::tr!("lang-direction", text = text))
        }
        "date_format" => check_placeholders(key, text, &["{day}", "{month}", "{year}"]),
        "month_format" => check_placeholders(key, text, &["{month}", "{year}"]),
        "date_format_weekday" => {
            check_placeholders(key, text, &["{weekday}", "{day}", "{month}", "{year}"])
        }
        _ if key.starts_with("address_") => {
            let slug_like = !text.is_empty()
                && text
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            (!slug_like).then(|| crate::tr!("lang-address-word", key = key, text = text))
        }
        _ => None,
    }
}

/// A date format must name each of `wanted` and nothing else in braces: a misspelt
/// placeholder would otherwise be published as it is, on every date of the site.
fn check_placeholders(key: &str, text: &str, wanted: &[&str]) -> Option<String> {
    let mut named = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .map_or(rest.len(), |end| open + end + 1);
        named.push(&rest[open..close]);
        rest = &rest[close..];
    }
    let unknown = named.iter().find(|name| !wanted.contains(name));
    let missing = wanted.iter().find(|name| !named.contains(name));
    let problem = unknown.or(missing)?;
    Some(crate::tr!(
        "lang-date-placeholder",
        key = key,
        placeholder = *problem,
        wanted = wanted.join(" ")
    ))
}

fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}

/// What the theme says of one language: read from its string file, with the code as the
/// fallback for anything missing (which `theme` reports).
#[derive(Debug, Clone)]
pub struct Language {
    pub name: String,
    pub locale: String,
    pub direction: &'static str,
    months: Vec<String>,
    weekdays: Vec<String>,
    date_format: String,
    month_format: String,
    date_format_weekday: String,
    /// The words in the addresses of list pages past the first, the search page and the
    /// directory's filters: `pagina`, `zoeken`, `provincie`, `thema`.
    pub address_page: String,
    pub address_search: String,
    pub address_province: String,
    pub address_theme: String,
}

impl Language {
    pub fn from_strings(lang: Lang, strings: &BTreeMap<String, String>) -> Language {
        let text = |key: &str, fallback: &str| {
            (strings.get(key).filter(|t| check_string(key, t).is_none()))
                .map_or_else(|| fallback.to_string(), String::clone)
        };
        Language {
            name: text("language_name", lang.code()),
            locale: text("locale", lang.code()),
            direction: if text("direction", "ltr") == "rtl" {
                "rtl"
            } else {
                "ltr"
            },
            months: list(&text("months", "")),
            weekdays: list(&text("weekdays", "")),
            date_format: text("date_format", "{year}-{month}-{day}"),
            month_format: text("month_format", "{year}-{month}"),
            date_format_weekday: text("date_format_weekday", "{weekday} {year}-{month}-{day}"),
            address_page: text("address_page", "page"),
            address_search: text("address_search", "search"),
            address_province: text("address_province", "province"),
            address_theme: text("address_theme", "theme"),
        }
    }

    fn month(&self, month: i8) -> String {
        let index = usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0);
        (self.months.get(index)).map_or_else(|| format!("{month:02}"), String::clone)
    }

    fn fill(&self, format: &str, date: Date) -> String {
        let index = usize::try_from(date.weekday().to_monday_zero_offset()).unwrap_or(0);
        format
            .replace(
                "{weekday}",
                self.weekdays.get(index).map_or("", String::as_str),
            )
            .replace("{day}", &date.day().to_string())
            .replace("{month}", &self.month(date.month()))
            .replace("{year}", &date.year().to_string())
    }

    /// "13 april 2024" / "13 April 2024".
    pub fn format_date(&self, date: Date) -> String {
        self.fill(&self.date_format, date)
    }

    /// "zaterdag 13 april 2024" / "Saturday 13 April 2024".
    pub fn format_date_with_weekday(&self, date: Date) -> String {
        self.fill(&self.date_format_weekday, date)
    }

    pub fn format_partial_date(&self, date: PartialDate) -> String {
        match date {
            PartialDate::Year(y) => y.to_string(),
            PartialDate::Month(y, m) => self
                .month_format
                .replace("{month}", &self.month(m))
                .replace("{year}", &y.to_string()),
            PartialDate::Day(d) => self.format_date(d),
        }
    }
}

/// The texts `wdhs new` writes into a language file for the editor to replace. Languages
/// without a row get English ones.
pub struct NewFileTexts {
    pub code: &'static str,
    pub summary: &'static str,
    pub body: &'static str,
    pub heading_hint: &'static str,
    pub to_translate: &'static str,
    pub to_translate_body: &'static str,
    pub to_translate_marker: &'static str,
    pub opening_time: &'static str,
}

pub const NEW_FILE_TEXTS: &[NewFileTexts] = &[
    NewFileTexts {
        code: "en",
        summary: "Say in one sentence what this is about.",
        body: "Write the text here.",
        heading_hint: "A heading starts with `## `.",
        to_translate: "To be translated",
        to_translate_body: "This text still needs to be translated.",
        to_translate_marker: "translate this page, then delete this line",
        opening_time: "10 am",
    },
    NewFileTexts {
        code: "nl",
        summary: "Schrijf hier in één zin waar het over gaat.",
        body: "Schrijf hier de tekst.",
        heading_hint: "Een kopje begint met `## `.",
        to_translate: "Nog te vertalen",
        to_translate_body: "Deze tekst moet nog vertaald worden.",
        to_translate_marker: "vertaal deze pagina en haal dan deze regel weg",
        opening_time: "10.00 uur",
    },
    NewFileTexts {
        code: "fy",
        summary: "Skriuw hjir yn ien sin wêr't it oer giet.",
        body: "Skriuw hjir de tekst.",
        heading_hint: "In kopke begjint mei `## `.",
        to_translate: "Noch oer te setten",
        to_translate_body: "Dizze tekst moat noch oerset wurde.",
        to_translate_marker: "set dizze side oer en helje dan dizze rigel fuort",
        opening_time: "10.00 oere",
    },
];

/// The texts `wdhs new` writes in `lang`.
pub fn new_file_texts(lang: Lang) -> &'static NewFileTexts {
    let english = &NEW_FILE_TEXTS[0];
    (NEW_FILE_TEXTS.iter())
        .find(|t| t.code == lang.code())
        .unwrap_or(english)
}

/// When site.yaml cannot be read: the languages of the site this tool was made for.
pub fn fallback_languages() -> Vec<Lang> {
    vec![Lang::fallback(), Lang(intern("en"))]
}

/// A date an editor may know only in part: "2017", "2024-04" or "2024-04-13".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    Year(i16),
    Month(i16, i8),
    Day(Date),
}

impl PartialDate {
    pub fn parse(text: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let year: i16 = parse_fixed(parts.first()?, 4)?;
        match parts.len() {
            1 => Some(PartialDate::Year(year)),
            2 => {
                let month: i8 = parse_fixed(parts[1], 2)?;
                (1..=12)
                    .contains(&month)
                    .then_some(PartialDate::Month(year, month))
            }
            3 => parse_date(text).map(PartialDate::Day),
            _ => None,
        }
    }

    /// ISO form for machine-readable output (`<time datetime>`).
    pub fn iso(self) -> String {
        match self {
            PartialDate::Year(y) => format!("{y:04}"),
            PartialDate::Month(y, m) => format!("{y:04}-{m:02}"),
            PartialDate::Day(d) => d.to_string(),
        }
    }
}

fn parse_fixed<T: std::str::FromStr>(text: &str, len: usize) -> Option<T> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Strict `YYYY-MM-DD` that must exist in the calendar.
pub fn parse_date(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    if parts.len() != 3 {
        return None;
    }
    let year: i16 = parse_fixed(parts[0], 4)?;
    let month: i8 = parse_fixed(parts[1], 2)?;
    let day: i8 = parse_fixed(parts[2], 2)?;
    Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(code: &str, yaml: &str) -> Language {
        let strings = yaml
            .lines()
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Language::from_strings(Lang::new(code).unwrap(), &strings)
    }

    #[test]
    fn dates_are_written_the_way_the_theme_says() {
        let date = parse_date("2024-04-13").unwrap();
        let frisian = language(
            "fy",
            "months: jannewaris, febrewaris, maart, april, maaie, juny, july, augustus, septimber, oktober, novimber, desimber\n\
             weekdays: moandei, tiisdei, woansdei, tongersdei, freed, sneon, snein\n\
             date_format: {day} {month} {year}\n\
             date_format_weekday: {weekday} {day} {month} {year}\n\
             month_format: {month} {year}",
        );
        assert_eq!(frisian.format_date(date), "13 april 2024");
        assert_eq!(
            frisian.format_date_with_weekday(date),
            "sneon 13 april 2024"
        );
        assert_eq!(
            frisian.format_partial_date(PartialDate::Month(2024, 5)),
            "maaie 2024"
        );
        let bare = language("de", "");
        assert_eq!(bare.format_date(date), "2024-04-13");
        assert_eq!(bare.name, "de");
    }

    #[test]
    fn codes_are_language_tags_that_fit_an_address() {
        assert!(Lang::new("fy").is_some());
        assert!(Lang::new("pt-br").is_some());
        for bad in ["", "n", "nederlands", "NL", "../x", "nl/", "nl-", "e n"] {
            assert!(Lang::new(bad).is_none(), "{bad}");
        }
        assert_eq!(Lang::new("fy"), Lang::new("fy"));
        assert_eq!(Lang::new("fy").map(Lang::code), Some("fy"));
    }

    #[test]
    fn strings_with_a_shape_are_checked() {
        assert!(check_string("months", "a, b").is_some());
        assert!(check_string("weekdays", "a, b, c, d, e, f, g").is_none());
        assert!(check_string("direction", "up").is_some());
        assert!(check_string("address_page", "../x").is_some());
        assert!(check_string("address_page", "side").is_none());
    }

    #[test]
    fn invalid_dates_are_refused() {
        assert!(parse_date("2024-02-30").is_none());
        assert!(parse_date("13-04-2024").is_none());
        assert!(parse_date("2024-4-13").is_none());
        assert_eq!(PartialDate::parse("2017"), Some(PartialDate::Year(2017)));
        assert_eq!(
            PartialDate::parse("2024-04"),
            Some(PartialDate::Month(2024, 4))
        );
        assert!(PartialDate::parse("2024-13").is_none());
    }
}
