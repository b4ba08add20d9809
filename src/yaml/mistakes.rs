//! The mistakes people who never wrote YAML make, found in the text itself: tabs, quotes left
//! open, and — once the parser has failed — the place and the plain words for what it saw
//! (a bracket not closed, a text starting with a sign YAML reads, a backslash, a missing space).

use super::{Problem, SyntaxError};

/// Tabs used for indentation are the most common YAML mistake of people who never wrote YAML;
/// say so plainly instead of the parser's general message.
pub(super) fn find_tab_indentation(text: &str) -> Option<SyntaxError> {
    for (index, line) in text.lines().enumerate() {
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if let Some(pos) = indent.find('\t') {
            return Some(SyntaxError {
                line: index + 1,
                col: pos + 1,
                problem: Problem::Tab,
            });
        }
    }
    None
}

/// Spaces that look like one but are not to YAML: a no-break space (Word, web pages), a
/// narrow or figure one, a zero-width one.
const ODD_SPACES: &[char] = &['\u{a0}', '\u{2007}', '\u{202f}', '\u{200b}'];

/// The first odd space where YAML needs a plain one: in a line's indentation, or right after
/// a field's colon (`date:` + no-break space + `2024-04-16`). Looked for only when the parser
/// failed: inside a block text such a space is text.
pub(super) fn find_odd_space(text: &str) -> Option<SyntaxError> {
    if !text.contains(ODD_SPACES) {
        return None;
    }
    for (index, line) in text.lines().enumerate() {
        let indent_end = line
            .find(|c: char| !(c == ' ' || c == '\t' || ODD_SPACES.contains(&c)))
            .unwrap_or(line.len());
        let after_colon = line[indent_end..]
            .split_once(':')
            .filter(|(name, _)| !name.is_empty() && name.chars().all(is_name_char))
            .map(|(name, _)| indent_end + name.len() + 1);
        let in_indent = line[..indent_end].find(ODD_SPACES);
        let after = after_colon.filter(|at| line[*at..].starts_with(ODD_SPACES));
        if let Some(at) = in_indent.or(after) {
            let odd = line[at..].chars().next().unwrap_or(' ');
            return Some(SyntaxError {
                line: index + 1,
                col: line[..at].chars().count() + 1,
                problem: Problem::OddSpace(odd),
            });
        }
    }
    None
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// The value of a `key: value` or `- value` line, with its byte offset in the line, outside
/// block texts (`summary: |` and the indented lines under it are text, whatever they hold).
pub(super) struct Values<'a> {
    lines: std::iter::Enumerate<std::str::Lines<'a>>,
    /// The indentation of the field that opened a block text, while inside it.
    block: Option<usize>,
}

pub(super) fn values(text: &str) -> Values<'_> {
    Values {
        lines: text.lines().enumerate(),
        block: None,
    }
}

impl<'a> Iterator for Values<'a> {
    /// (0-based line, the line, byte offset of the value, the value without trailing spaces)
    type Item = (usize, &'a str, usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (index, line) = self.lines.next()?;
            let indent = line.len() - line.trim_start().len();
            if let Some(block_indent) = self.block {
                if line.trim().is_empty() || indent > block_indent {
                    continue;
                }
                self.block = None;
            }
            let mut rest = line.trim_start();
            while let Some(item) = rest.strip_prefix("- ") {
                rest = item.trim_start();
            }
            if let Some((key, value)) = rest.split_once(": ")
                && !key.contains(['"', '\'', '#', '[', '{'])
            {
                rest = value.trim_start();
            }
            let value = rest.trim_end();
            if is_block_header(value) {
                self.block = Some(indent);
                continue;
            }
            let at = line.len() - rest.len();
            return Some((index, line, at, value));
        }
    }
}

/// A quote opened on a line and not closed on it: editors never mean a text to run on to the
/// next field, and the parser would blame the next line ("text after the closing quote").
pub(super) fn find_unclosed_quote(text: &str) -> Option<SyntaxError> {
    for (index, line, at, value) in values(text) {
        let closed = match value.chars().next() {
            Some('"') => {
                let mut escaped = false;
                value[1..].chars().any(|c| {
                    let end = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    end
                })
            }
            Some('\'') => value[1..].replace("''", "").contains('\''),
            // A word processor's opening double quote needs its closing one too. (Single
            // curly quotes are left alone: Dutch writes ’t and zo’n with them.)
            Some(open @ ('“' | '„' | '«')) => {
                value[open.len_utf8()..].contains(['”', '“', '»'])
            }
            _ => true,
        };
        if !closed {
            // `'s-Hertogenbosch`, `'t Hofje`: an apostrophe, not a quote; closing it as a quote
            // would drop it. The fix is the text between double quotes.
            let problem = if value.starts_with('\'') {
                let fixed = line_in_quotes(line, at, value);
                Problem::StartsWithSign { sign: '\'', fixed }
            } else {
                Problem::QuoteOpenOnLine
            };
            return Some(SyntaxError {
                line: index + 1,
                col: line[..at].chars().count() + 1,
                problem,
            });
        }
    }
    None
}

/// `|` or `>` with what may follow them (`|-`, `>+2`, a comment): a block text starts on the
/// next line. `> tekst` is not one: it is a text that starts with a sign.
fn is_block_header(value: &str) -> bool {
    let Some(rest) = value.strip_prefix(['|', '>']) else {
        return false;
    };
    let rest =
        rest.trim_start_matches(['+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    rest.is_empty() || rest.starts_with(" #") || rest.trim().is_empty()
}

/// Signs that give a text a meaning of its own in YAML when it starts with them.
const SIGNS: &[char] = &['@', '`', '*', '&', '!', '?', '%', '|', '>'];

/// A better place and plain words for a mistake the parser found at `line` (1-based, in
/// `text`), where the text shows what it was; `None` leaves the parser's own.
pub(super) fn place_mistake(text: &str, line: usize, parser_says: &str) -> Option<SyntaxError> {
    let lines: Vec<&str> = text.lines().collect();
    if parser_says.contains("multiple YAML documents") {
        let at = (lines.iter().take(line).rposition(|l| l.trim_end() == "---"))?;
        return Some(at_line(at, 1, Problem::SecondDocument));
    }
    // The parser's words when the first field is indented and the next one is not.
    let first = (lines.iter().enumerate())
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    if let Some(first) = first.filter(|(index, l)| l.starts_with(' ') && *index < line)
        && parser_says.contains("document start")
    {
        return Some(at_line(first.0, 1, Problem::IndentedFirst));
    }
    // The parser names the line after a note written as in another language, or the note.
    let note =
        (line.saturating_sub(2)..line).find_map(|index| Some((index, note(lines.get(index)?)?)));
    if let Some((index, fixed)) = note {
        let col = lines[index].len() - lines[index].trim_start().len() + 1;
        return Some(at_line(index, col, Problem::NoteNotYaml { fixed }));
    }
    if let Some(two_lines) = text_on_two_lines(&lines, line) {
        return Some(two_lines);
    }
    if parser_says.contains("unknown escape") {
        return escape(lines.get(line.checked_sub(1)?)?, line);
    }
    // The parser often names the line after the mistake: look at that one and the one before.
    let near = |index: usize| index + 2 >= line && index < line;
    for (index, whole, at, value) in values(text).filter(|v| near(v.0)) {
        if let Some(problem) = not_closed(value) {
            return Some(at_line(index, whole[..at].chars().count() + 1, problem));
        }
        if let Some(name) = no_space_after_colon(whole) {
            let col = whole
                .find(':')
                .map_or(1, |c| whole[..c].chars().count() + 2);
            let fixed = whole.trim_start().replacen(':', ": ", 1);
            return Some(at_line(
                index,
                col,
                Problem::NoSpaceAfterColon { name, fixed },
            ));
        }
    }
    let (index, whole, at, value) = values(text).find(|v| v.0 + 1 == line)?;
    let sign = starts_with_sign(value)?;
    let fixed = line_in_quotes(whole, at, value);
    let col = whole[..at].chars().count() + 1;
    Some(at_line(index, col, Problem::StartsWithSign { sign, fixed }))
}

/// `// nakijken` or `<!-- nakijken -->`: a note as other languages write it. YAML's own, as
/// the line should be.
fn note(line: &str) -> Option<String> {
    let trimmed = line.trim();
    let text = (trimmed.strip_prefix("//")).or_else(|| {
        trimmed
            .strip_prefix("<!--")
            .map(|t| t.trim_end_matches("-->"))
    })?;
    let indent = &line[..line.len() - line.trim_start().len()];
    Some(format!("{indent}# {}", text.trim()))
}

/// `summary: Wij zijn een coalitie` with `van organisaties.` on the next line, at its start: a
/// text broken over lines as in a word processor (the parser fails at the first of them,
/// line `line`). The field's line as one, in quotes where the joined text needs them.
fn text_on_two_lines(lines: &[&str], line: usize) -> Option<SyntaxError> {
    let index = line.checked_sub(1)?;
    let (name, value) = lines.get(index.checked_sub(1)?)?.split_once(": ")?;
    let value = value.trim();
    let plain_text = !value.is_empty() && !value.starts_with(['"', '\'', '[', '{', '|', '>', '#']);
    if !plain_text || name.is_empty() || !name.chars().all(is_name_char) {
        return None;
    }
    let is_more_text = |l: &&&str| {
        let field = l
            .split_once(':')
            .is_some_and(|(n, _)| n.chars().all(is_name_char));
        !(l.trim().is_empty() || l.starts_with([' ', '-', '#']) || field)
    };
    let more: Vec<&str> = (lines[index..].iter())
        .take_while(is_more_text)
        .map(|l| l.trim())
        .collect();
    if more.is_empty() {
        return None;
    }
    let joined = format!("{value} {}", more.join(" "));
    let needs_quotes =
        joined.contains(": ") || joined.contains(" #") || starts_with_sign(&joined).is_some();
    let joined = if needs_quotes {
        quoted(&joined)
    } else {
        joined
    };
    let problem = Problem::TextOnTwoLines {
        name: name.to_string(),
        fixed: format!("{name}: {joined}"),
    };
    Some(at_line(index, 1, problem))
}

fn at_line(index: usize, col: usize, problem: Problem) -> SyntaxError {
    SyntaxError {
        line: index + 1,
        col,
        problem,
    }
}

/// A list `[` or group `{` that is not closed on its line (brackets in quotes do not count).
fn not_closed(value: &str) -> Option<Problem> {
    let problem = match value.chars().next()? {
        '[' => Problem::ListNotClosed,
        '{' => Problem::GroupNotClosed,
        _ => return None,
    };
    (depth_after(value).0 > 0).then_some(problem)
}

/// How deep in brackets the end of `value` is, and the byte offset where the first bracket
/// closed (if it did), reading quotes as quotes.
fn depth_after(value: &str) -> (usize, Option<usize>) {
    let (mut depth, mut closed_at, mut quote) = (0usize, None, None);
    for (at, c) in value.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 && closed_at.is_none() {
                    closed_at = Some(at);
                }
            }
            _ => {}
        }
    }
    (depth, closed_at)
}

/// The sign a text starts with that YAML reads as its own: one of `SIGNS`, `{{`, or a list
/// or group with text after it (`[Nieuw] Buurtfonds opent`).
fn starts_with_sign(value: &str) -> Option<char> {
    let first = value.chars().next()?;
    if SIGNS.contains(&first) {
        return Some(first);
    }
    let (_, closed_at) = depth_after(value);
    let after = closed_at.map_or("", |at| value[at + 1..].trim());
    let text_after = !after.is_empty() && !after.starts_with('#');
    (matches!(first, '[' | '{') && (text_after || value.starts_with("{{"))).then_some(first)
}

/// `title:"Over ons"`: a field name, a colon and no space. The field's name, if so.
fn no_space_after_colon(line: &str) -> Option<String> {
    let rest = line.trim_start().trim_start_matches("- ");
    let (name, after) = rest.split_once(':')?;
    let is_name = !name.is_empty()
        && (name.chars()).all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let glued = after
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && c != ':');
    // `https://…` and times (`10:30`) are values, not fields.
    (is_name && glued && !after.starts_with("//") && !name.chars().all(|c| c.is_ascii_digit()))
        .then(|| name.to_string())
}

/// The line `whole` as it should be written, with its value (at byte `at`) in quotes:
/// `title: "@wdhs op Instagram"`, or only the text in quotes for an item of a list.
fn line_in_quotes(whole: &str, at: usize, value: &str) -> String {
    let before = whole[..at].trim();
    let name = before.trim_start_matches('-').trim().trim_end_matches(':');
    format!("{name}: {}", quoted(value))
        .trim_start_matches(": ")
        .to_string()
}

/// The text between double quotes, or single ones when it holds a double quote or a
/// backslash.
fn quoted(value: &str) -> String {
    if value.contains(['"', '\\']) {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{value}\"")
    }
}

/// A backslash between double quotes followed by a letter that is no escape: the place of
/// the backslash.
fn escape(whole: &str, line: usize) -> Option<SyntaxError> {
    const ESCAPES: &str = "0abtnvfre \"/\\N_LPxuU\t";
    let mut chars = whole.char_indices().peekable();
    let mut col = 0;
    while let Some((_, c)) = chars.next() {
        col += 1;
        if c == '\\' {
            let next = chars.peek().map(|(_, n)| *n)?;
            if !ESCAPES.contains(next) {
                return Some(at_line(line - 1, col, Problem::Escape(next)));
            }
            chars.next();
            col += 1;
        }
    }
    None
}

/// In an entry's fields, what YAML reads without complaint but not as the editor meant: a
/// text cut short by ` #` (the rest is read as a note, and left out), or starting with `!` or
/// `&` (read as a type or a name for the value, and left out).
pub(super) fn silently_changed(text: &str) -> Option<SyntaxError> {
    for (index, whole, at, value) in values(text) {
        let col = |offset: usize| whole[..at + offset].chars().count() + 1;
        let fixed = line_in_quotes(whole, at, value);
        if let Some(sign @ ('!' | '&')) = value.chars().next() {
            return Some(at_line(
                index,
                col(0),
                Problem::StartsWithSign { sign, fixed },
            ));
        }
        let plain = !value.starts_with(['"', '\'', '[', '{', '#']);
        // After a date, a number or yes/no, ` #` starts a note, as the editor meant: no text
        // is cut short (`date: 2026-12-04 # embargo tot 9 uur`).
        let cut = value
            .find(" #")
            .filter(|cut| plain && !is_plain_value(&value[..*cut]));
        if let Some(cut) = cut {
            return Some(at_line(
                index,
                col(cut + 1),
                Problem::CutByComment { fixed },
            ));
        }
    }
    None
}

/// A date, a number or yes/no: a value that is no text, so no note after it cuts a text.
fn is_plain_value(value: &str) -> bool {
    let value = value.trim();
    let is_date = value.len() == 10
        && value.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    is_date
        || value.parse::<f64>().is_ok()
        || ["true", "false", "yes", "no", "on", "off"].contains(&value.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn mistake(text: &str) -> (usize, usize, Problem) {
        let error = parse(text, 1).expect_err("not valid YAML");
        (error.line, error.col, error.problem)
    }

    fn sign(sign: char, fixed: &str) -> Problem {
        let fixed = fixed.to_string();
        Problem::StartsWithSign { sign, fixed }
    }

    #[test]
    fn a_text_starting_with_a_sign_is_named_with_the_line_that_works() {
        let cases = [
            (
                "title: @wdhs op Instagram\n",
                '@',
                "title: \"@wdhs op Instagram\"",
            ),
            (
                "title: *nieuw* project\n",
                '*',
                "title: \"*nieuw* project\"",
            ),
            ("title: > tekst\n", '>', "title: \"> tekst\""),
            ("title: {{ x }}\n", '{', "title: \"{{ x }}\""),
            (
                "title: [Nieuw] Fonds \"open\"\n",
                '[',
                "title: '[Nieuw] Fonds \"open\"'",
            ),
        ];
        for (text, c, fixed) in cases {
            assert_eq!(
                mistake(&format!("slug: a\n{text}")),
                (3, 8, sign(c, fixed)),
                "{text}"
            );
        }
        // A block text and a list followed by a note are what they look like.
        assert!(parse("summary: >-\n  Een tekst.\nthemes: [zorg] # note\n", 0).is_ok());
    }

    #[test]
    fn brackets_backslashes_dashes_and_colons_are_placed_where_they_are() {
        let open_list = "title: x\npartners: [katalys\ngoals: [1]\n";
        assert_eq!(mistake(open_list), (3, 11, Problem::ListNotClosed));
        let open_group = "a: { nl: x\nb: 1\n";
        assert_eq!(mistake(open_group), (2, 4, Problem::GroupNotClosed));
        assert_eq!(
            mistake("title: \"Zorg\\Welzijn\"\n"),
            (2, 13, Problem::Escape('W'))
        );
        let documents = "---\nname: x\n---\n";
        assert_eq!(mistake(documents), (4, 1, Problem::SecondDocument));
        let glued = Problem::NoSpaceAfterColon {
            name: "title".to_string(),
            fixed: "title: \"Over ons\"".to_string(),
        };
        assert_eq!(mistake("title:\"Over ons\"\nslug: x\n"), (2, 7, glued));
        assert_eq!(
            mistake("  title: x\nslug: y\n"),
            (2, 1, Problem::IndentedFirst)
        );
        let note = |fixed: &str| Problem::NoteNotYaml {
            fixed: fixed.to_string(),
        };
        let slashes = "title: x\n// nog nakijken\nslug: y\n";
        assert_eq!(mistake(slashes), (3, 1, note("# nog nakijken")));
        let html = "title: x\nslug: y\n<!-- later -->\n";
        assert_eq!(mistake(html), (4, 1, note("# later")));
        let broken = "summary: Wij zijn\neen coalitie\nvan velen.\nslug: y\n";
        let one_line = Problem::TextOnTwoLines {
            name: "summary".to_string(),
            fixed: "summary: Wij zijn een coalitie van velen.".to_string(),
        };
        assert_eq!(mistake(broken), (3, 1, one_line));
        // What reads like it but is fine.
        assert!(parse("website: https://x.nl\ntime: 10:30\n", 0).is_ok());
        assert!(parse("  title: x\n  slug: y\n", 0).is_ok());
    }

    #[test]
    fn in_an_entry_what_yaml_would_leave_out_is_a_mistake() {
        use super::super::parse_content;
        let cut = parse_content("slug: a\ntitle: Contact #1 van ons\n", 1).expect_err("cut");
        let fixed = "title: \"Contact #1 van ons\"".to_string();
        assert_eq!((cut.line, cut.col), (3, 16));
        assert_eq!(cut.problem, Problem::CutByComment { fixed });
        let tag = parse_content("title: !nieuw bericht\n", 0).expect_err("tag");
        assert_eq!(tag.problem, sign('!', "title: \"!nieuw bericht\""));
        // Notes on their own line, or after a text in quotes or a list, leave nothing out; and
        // settings may have them anywhere.
        let fine = "# een notitie\ntitle: \"Over #1\" # note\nthemes: [zorg] # note\nurl: https://x.nl/#a\n";
        assert!(parse_content(fine, 0).is_ok());
        assert!(parse("pagination: 10 # per page\n", 0).is_ok());
        // After a date, a number or yes/no, ` #` starts a note as meant.
        let notes = "date: 2026-12-04 # embargo\ndraft: true # nog niet klaar\nnumber: 3 # x\n";
        assert!(parse_content(notes, 0).is_ok());
        assert!(parse_content("time: 10:30 # start\n", 0).is_err());
    }
}
