//! A goal of the action programme: number, target year, title and summary.

use crate::diagnostic::Diagnostics;
use crate::fields::{Fields, Located};

pub const FIELDS: &[&str] = &["number", "target_year", "title", "summary", "short_label"];

#[derive(Debug, Clone)]
pub struct Goal {
    pub number: Located<u8>,
    pub target_year: i16,
    pub title: String,
    pub summary: String,
    pub short_label: Option<String>,
}

pub fn parse(
    fields: &mut Fields,
    vocabulary: &super::Vocabulary<'_>,
    diagnostics: &mut Diagnostics,
) -> Goal {
    let number = fields.located_text("number", false, diagnostics);
    let number = match number {
        None => {
            // Report "missing" through the typed reader for one consistent message.
            fields.int("number", true, 1..=99, diagnostics);
            None
        }
        Some(located) => match located.value.parse::<u8>() {
            Ok(n) if (1..=99).contains(&n) => Some(Located {
                value: n,
                path: located.path,
                line: located.line,
                col: located.col,
            }),
            _ => {
                diagnostics.push(
                    located
                        .error(crate::tr!("goal-number-not-number", value = &located.value))
                        .with_hint(crate::fields::write_like("number", "1")),
                );
                None
            }
        },
    };
    if let (Some(number), Some(count)) = (&number, vocabulary.programme_goals)
        && number.value > count
    {
        diagnostics.push(
            number
                .error(crate::tr!(
                    "goal-past-programme",
                    count = count,
                    number = number.value.to_string()
                ))
                .with_hint(crate::tr!("goal-past-programme-hint", count = count)),
        );
    }
    let target_year = fields.int("target_year", true, 2000..=2100, diagnostics);
    let title = fields.text("title", true, diagnostics);
    let summary = fields.text("summary", true, diagnostics);
    let short_label = fields.text("short_label", false, diagnostics);
    Goal {
        number: fields.required(number, Located::stand_in(0)),
        target_year: fields.required(target_year.and_then(|y| i16::try_from(y).ok()), 0),
        title: fields.required(title, String::new()),
        summary: fields.required(summary, String::new()),
        short_label,
    }
}
