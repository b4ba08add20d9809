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
) -> Option<Goal> {
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
                        .error(format!(
                            "field `number` should be a whole number from 1 to 99, found `{}`",
                            located.value
                        ))
                        .with_hint("write it like `number: 1`"),
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
                .error(format!(
                    "the action programme has {count} goals; there is no goal {}",
                    number.value
                ))
                .with_hint(format!("number the goals 1 to {count}; `programme_goals` in content/site.yaml says how many goals there are")),
        );
    }
    let target_year = fields.int("target_year", true, 2000..=2100, diagnostics);
    let title = fields.text("title", true, diagnostics);
    let summary = fields.text("summary", true, diagnostics);
    let short_label = fields.text("short_label", false, diagnostics);
    Some(Goal {
        number: number?,
        target_year: i16::try_from(target_year?).ok()?,
        title: title?,
        summary: summary?,
        short_label,
    })
}
