//! Every syntax mistake in an entry's fields, not only the first: after a mistake that stays
//! on its own field, that field is set aside and the rest is read again.

use super::{Node, Problem, SyntaxError, parse_content};

/// How many mistakes one text is read for: past this, the editor has enough to do.
const MISTAKES_MAX: usize = 20;

/// Fields longer than this are read for their first mistake only: each reading again costs
/// as much as the first.
const RECOVERED_MAX_BYTES: usize = 64 * 1024;

/// `parse_content`, reporting every field's syntax mistake: a field with a mistake that
/// cannot spill over into the next (a colon, a sign, a quote on one line, a field written
/// twice) is blanked out and the text read again. A mistake that may have made the parser
/// misread what follows (a list or quote left open, a line that fits nowhere) ends the search.
pub fn parse_fields(text: &str, line_offset: usize) -> Result<Node, Vec<SyntaxError>> {
    let mut mistakes = Vec::new();
    // Copied only once a mistake is found: nearly every text parses the first time.
    let mut text = std::borrow::Cow::Borrowed(text);
    loop {
        let error = match parse_content(&text, line_offset) {
            Ok(node) if mistakes.is_empty() => return Ok(node),
            Ok(_) => return Err(mistakes),
            Err(error) => error,
        };
        if mistakes.len() == MISTAKES_MAX {
            // Said where reading stopped, so the editor knows the list is not all.
            let problem = Problem::MoreMistakes(MISTAKES_MAX);
            mistakes.push(SyntaxError { problem, ..error });
            return Err(mistakes);
        }
        let field = (error.problem.stays_on_its_field() && text.len() <= RECOVERED_MAX_BYTES)
            .then(|| field_lines(&text, error.line.saturating_sub(line_offset)))
            .flatten();
        // The name stays, so that the field written again further on is found now too; not
        // when that is the mistake, which would be found again and again.
        let keep_name = !matches!(error.problem, Problem::Duplicate(_));
        mistakes.push(error);
        match field {
            Some(lines) => text = set_aside(&text, lines, keep_name).into(),
            None => return Err(mistakes),
        }
    }
}

impl Problem {
    /// Whether the parser read what follows the mistake as the editor meant it.
    fn stays_on_its_field(&self) -> bool {
        matches!(
            self,
            Problem::Tab
                | Problem::OddSpace(_)
                | Problem::QuoteOpenOnLine
                | Problem::Duplicate(_)
                | Problem::Colon
                | Problem::TextAfterQuote
                | Problem::StartsWithSign { .. }
                | Problem::Escape(_)
                | Problem::NoSpaceAfterColon { .. }
                | Problem::CutByComment { .. }
                | Problem::NoteNotYaml { .. }
                | Problem::TextOnTwoLines { .. }
        )
    }
}

/// The lines (1-based, end excluded) of the top-level field that line `line` belongs to: from
/// the field's own line to the next line that starts a field. (A list's items may stand at
/// the start of the line too, `- a`: they belong to the field above.)
fn field_lines(text: &str, line: usize) -> Option<std::ops::Range<usize>> {
    let starts_field = |l: &str| {
        l.starts_with(|c: char| !c.is_whitespace() && c != '#')
            && !(l == "-" || l.starts_with("- ") || l.starts_with("-\t"))
    };
    let lines: Vec<&str> = text.lines().collect();
    let start = (1..=line.min(lines.len()))
        .rev()
        .find(|n| starts_field(lines[n - 1]))?;
    let end = (line + 1..=lines.len())
        .find(|n| starts_field(lines[n - 1]))
        .unwrap_or(lines.len() + 1);
    Some(start..end)
}

/// `text` with the field on `lines` left empty, but for its name (`title:`) when `keep_name`
/// and it is a plain one: every line keeps its number.
fn set_aside(text: &str, lines: std::ops::Range<usize>, keep_name: bool) -> String {
    (text.split_inclusive('\n').enumerate())
        .map(|(i, l)| {
            let name = (keep_name && i + 1 == lines.start)
                .then(|| plain_name(l))
                .flatten();
            match (lines.contains(&(i + 1)), name) {
                (true, Some(name)) => format!("{name}:\n"),
                (true, None) if l.ends_with('\n') => "\n".to_string(),
                (true, None) => String::new(),
                (false, _) => l.to_string(),
            }
        })
        .collect()
}

/// The name of the field a line starts, when it is plain (`image_alt`, not quoted).
fn plain_name(line: &str) -> Option<&str> {
    let (name, _) = line.split_once(':')?;
    let plain = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    (!name.is_empty() && name.chars().all(plain)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_with_a_mistake_is_reported() {
        let text = "title: Over: ons\nsummary: goed\nimage_alt: @foto\ntags:\n  - a\n";
        let lines: Vec<usize> = match parse_fields(text, 1) {
            Err(mistakes) => mistakes.iter().map(|m| m.line).collect(),
            Ok(_) => Vec::new(),
        };
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn a_field_written_again_after_a_mistake_in_it_is_found_in_the_same_run() {
        let text = "title: Over: ons\nsummary: goed\ntitle: Over ons\n";
        let Err(mistakes) = parse_fields(text, 0) else {
            panic!("no mistake found");
        };
        let problems: Vec<_> = mistakes.iter().map(|m| (m.line, &m.problem)).collect();
        assert_eq!(
            problems,
            [
                (1, &Problem::Colon),
                (3, &Problem::Duplicate("title".into()))
            ]
        );
    }

    #[test]
    fn a_list_written_at_the_start_of_the_line_is_set_aside_with_its_field() {
        let text = "title: T\naliases:\n- /a\nsummary: x\naliases:\n- /b\n- /c\n";
        assert!(parse_fields(text, 0).is_err_and(|m| m.len() == 1));
    }

    #[test]
    fn past_the_most_mistakes_read_the_report_says_where_it_stopped() {
        let text: String = (0..25).map(|n| format!("veld{n}: a: b\n")).collect();
        let Err(mistakes) = parse_fields(&text, 0) else {
            panic!("25 mistakes found none");
        };
        assert_eq!(mistakes.len(), MISTAKES_MAX + 1);
        let last = &mistakes[MISTAKES_MAX];
        assert_eq!((&last.problem, last.line), (&Problem::MoreMistakes(20), 21));
        let exactly: String = (0..MISTAKES_MAX).map(|n| format!("v{n}: a: b\n")).collect();
        assert!(parse_fields(&exactly, 0).is_err_and(|m| m.len() == MISTAKES_MAX));
    }

    #[test]
    fn a_mistake_that_may_spill_over_ends_the_search() {
        let text = "tags: [a, b\ntitle: Over: ons\n";
        assert!(parse_fields(text, 0).is_err_and(|m| m.len() == 1));
    }
}
