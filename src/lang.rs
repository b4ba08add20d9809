//! Languages: codes, URL prefixes and local date formats. No I/O.

use jiff::civil::Date;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Lang {
    #[serde(rename = "nl")]
    Nl,
    #[serde(rename = "en")]
    En,
}

pub const SUPPORTED: [Lang; 2] = [Lang::Nl, Lang::En];

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        SUPPORTED.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
        }
    }

    /// `og:locale` and similar.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Nl => "nl_NL",
            Lang::En => "en_GB",
        }
    }

    fn month_names(self) -> [&'static str; 12] {
        match self {
            Lang::Nl => [
                "januari",
                "februari",
                "maart",
                "april",
                "mei",
                "juni",
                "juli",
                "augustus",
                "september",
                "oktober",
                "november",
                "december",
            ],
            Lang::En => [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
        }
    }

    pub fn month_name(self, month: i8) -> &'static str {
        let index = usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0);
        self.month_names()[index]
    }

    /// "13 april 2024" / "13 April 2024".
    pub fn format_date(self, date: Date) -> String {
        format!(
            "{} {} {}",
            date.day(),
            self.month_name(date.month()),
            date.year()
        )
    }

    pub fn format_partial_date(self, date: PartialDate) -> String {
        match date {
            PartialDate::Year(y) => y.to_string(),
            PartialDate::Month(y, m) => format!("{} {}", self.month_name(m), y),
            PartialDate::Day(d) => self.format_date(d),
        }
    }

    fn weekday_names(self) -> [&'static str; 7] {
        match self {
            Lang::Nl => [
                "maandag",
                "dinsdag",
                "woensdag",
                "donderdag",
                "vrijdag",
                "zaterdag",
                "zondag",
            ],
            Lang::En => [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ],
        }
    }

    /// "zaterdag 13 april 2024" / "Saturday 13 April 2024".
    pub fn format_date_with_weekday(self, date: Date) -> String {
        let index = usize::try_from(date.weekday().to_monday_zero_offset()).unwrap_or(0);
        format!("{} {}", self.weekday_names()[index], self.format_date(date))
    }
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

    pub fn year(self) -> i16 {
        match self {
            PartialDate::Year(y) | PartialDate::Month(y, _) => y,
            PartialDate::Day(d) => d.year(),
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

    #[test]
    fn dates_are_written_the_local_way() {
        let date = parse_date("2024-04-13").unwrap();
        assert_eq!(Lang::Nl.format_date(date), "13 april 2024");
        assert_eq!(Lang::En.format_date(date), "13 April 2024");
        assert_eq!(
            Lang::Nl.format_date_with_weekday(date),
            "zaterdag 13 april 2024"
        );
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
