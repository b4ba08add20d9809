//! The one place that calls the YAML crate: text → `Node` tree with line/column on every value.
//! Knows nothing of content kinds; swapping the YAML crate means changing only this file.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

mod mistakes;
mod recovery;
use mistakes::{find_odd_space, find_tab_indentation, find_unclosed_quote, values};
pub use recovery::parse_fields;

/// A YAML value and where it stands. Lines and columns are 1-based and already shifted by the
/// caller's offset, so they point into the real file (front matter starts on line 2 of a `.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: usize,
    pub col: usize,
    /// A number's or yes/no's text as the editor typed it (`007`, `2.50`, `+31`): a text field
    /// takes that, not the number YAML read (`7`, `2.5`, `31`). For a text, only when YAML read
    /// it otherwise than meant (`lost_apostrophe`).
    pub written: Option<Box<str>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub line: usize,
    pub col: usize,
}

impl Node {
    /// What the value is, in the editor's words ("text", "a list", "a whole number `7`"), for
    /// messages.
    pub fn type_name(&self) -> String {
        let kind = self.kind_name();
        match &self.written {
            Some(written) => format!("{kind} `{written}`"),
            None => kind,
        }
    }

    fn kind_name(&self) -> String {
        match self.value {
            Value::Null => crate::tr!("yaml-type-nothing"),
            Value::Bool(_) => crate::tr!("yaml-type-bool"),
            Value::Int(_) => crate::tr!("yaml-type-whole-number"),
            Value::Float(_) => crate::tr!("yaml-type-number"),
            Value::Str(_) => crate::tr!("yaml-type-text"),
            Value::Seq(_) => crate::tr!("yaml-type-list"),
            Value::Map(_) => crate::tr!("yaml-type-group"),
        }
    }

    /// `'s-Hertogenbosch'` as typed, when YAML took its first apostrophe for a quote and read
    /// `s-Hertogenbosch`: a Dutch `'s` or `'t` at the start of a text in single quotes.
    pub fn lost_apostrophe(&self) -> Option<&str> {
        match self.value {
            Value::Str(_) => self.written.as_deref(),
            _ => None,
        }
    }

    /// Scalars as text: `2024` and `true` are what the editor typed, so text fields take them.
    pub fn as_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(_) | Value::Float(_) | Value::Bool(_) if self.written.is_some() => {
                self.written.as_deref().map(str::to_string)
            }
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// A YAML syntax problem at a place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub col: usize,
    pub problem: Problem,
}

/// What is wrong, as editors would say it: the message and the hint are made from it in the
/// run's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A tab in a line's indentation.
    Tab,
    /// A space YAML does not read as one (a no-break space), where it needs one.
    OddSpace(char),
    /// A quote opened and not closed on its own line.
    QuoteOpenOnLine,
    /// Too many values or aliases (the budget).
    TooLarge,
    /// Lists and groups nested too deeply.
    TooDeep,
    /// A field written twice; its name.
    Duplicate(String),
    /// A colon where a new field cannot start (an unquoted text with a colon).
    Colon,
    ListNotClosed,
    GroupNotClosed,
    TextAfterQuote,
    QuoteNotClosed,
    /// A line indented or placed where nothing fits.
    DoesNotFit,
    /// A text starting with a sign YAML reads (`@`, `*`, `` ` ``, `[…] and more`); the line
    /// as it should be, with the text in quotes.
    StartsWithSign {
        sign: char,
        fixed: String,
    },
    /// A backslash between double quotes before this character, which is no escape.
    Escape(char),
    /// A `---` line that starts a second document in a YAML file.
    SecondDocument,
    /// `title:"Over ons"`; the field's name and the line as it should be.
    NoSpaceAfterColon {
        name: String,
        fixed: String,
    },
    /// `title: Contact #1`: YAML reads ` #1` as a note and leaves it out; the line in quotes.
    CutByComment {
        fixed: String,
    },
    /// The first field of the file is indented, as if something above held it.
    IndentedFirst,
    /// A note written as in another language (`// nakijken`, `<!-- nakijken -->`); the line
    /// as YAML's note.
    NoteNotYaml {
        fixed: String,
    },
    /// A text broken over two lines as in a word processor; the field and the line as one.
    TextOnTwoLines {
        name: String,
        fixed: String,
    },
    /// Any other mistake: the parser's own (English) words, as a last resort.
    Other(String),
    /// Reading stopped here, after this many mistakes, with more to find.
    MoreMistakes(usize),
}

/// Which file's fields a syntax problem is in, for [`SyntaxError::diagnostic`]: the values
/// of `subject`.
pub const IN_FRONT_MATTER: &str = "front-matter";
pub const IN_SITE_YAML: &str = "site";

/// The hints for syntax problems; several problems share one.
#[derive(Clone, Copy)]
enum Hint {
    Colon,
    List,
    Group,
    QuoteOnLine,
    Quote,
    DoesNotFit,
    Twice,
    Tab,
    ColonOrList,
    TooLarge,
    General,
}

impl Problem {
    /// What is wrong, in the run's language.
    pub fn message(&self) -> String {
        match self {
            Problem::Tab => crate::tr!("yaml-tab"),
            Problem::OddSpace(c) => {
                crate::tr!("yaml-odd-space", code = format!("U+{:04X}", u32::from(*c)))
            }
            Problem::QuoteOpenOnLine => crate::tr!("yaml-quote-open-on-line"),
            Problem::TooLarge => crate::tr!("yaml-too-large"),
            Problem::TooDeep => crate::tr!("yaml-too-deep"),
            Problem::Duplicate(name) => crate::tr!("yaml-duplicate", name = name),
            Problem::Colon => crate::tr!("yaml-colon"),
            Problem::ListNotClosed => crate::tr!("yaml-list-not-closed"),
            Problem::GroupNotClosed => crate::tr!("yaml-group-not-closed"),
            Problem::TextAfterQuote => crate::tr!("yaml-text-after-quote"),
            Problem::QuoteNotClosed => crate::tr!("yaml-quote-not-closed"),
            Problem::DoesNotFit => crate::tr!("yaml-does-not-fit"),
            Problem::StartsWithSign { sign, .. } => {
                crate::tr!("yaml-starts-with-sign", sign = sign.to_string())
            }
            Problem::Escape(after) => crate::tr!("yaml-escape", after = after.to_string()),
            Problem::SecondDocument => crate::tr!("yaml-second-document"),
            Problem::NoSpaceAfterColon { name, .. } => {
                crate::tr!("yaml-no-space-after-colon", name = name)
            }
            Problem::CutByComment { .. } => crate::tr!("yaml-cut-by-comment"),
            Problem::IndentedFirst => crate::tr!("yaml-indented-first"),
            Problem::NoteNotYaml { .. } => crate::tr!("yaml-note-not-yaml"),
            Problem::TextOnTwoLines { name, .. } => {
                crate::tr!("yaml-text-on-two-lines", name = name)
            }
            Problem::Other(detail) => crate::tr!("yaml-other", detail = detail),
            Problem::MoreMistakes(count) => crate::tr!("yaml-more-mistakes", count = *count),
        }
    }

    /// How to fix it, in the run's language.
    pub fn hint(&self) -> String {
        let hint = match self {
            Problem::StartsWithSign { fixed, .. } | Problem::CutByComment { fixed } => {
                return crate::tr!("yaml-hint-quote-text", fixed = fixed);
            }
            Problem::Escape(_) => return crate::tr!("yaml-hint-escape"),
            Problem::MoreMistakes(_) => return crate::tr!("yaml-hint-more-mistakes"),
            Problem::OddSpace(_) => return crate::tr!("yaml-hint-odd-space"),
            Problem::IndentedFirst => return crate::tr!("yaml-hint-indented-first"),
            Problem::SecondDocument => return crate::tr!("yaml-hint-second-document"),
            Problem::NoSpaceAfterColon { fixed, .. } => {
                return crate::tr!("yaml-hint-space", fixed = fixed);
            }
            Problem::NoteNotYaml { fixed } => return crate::tr!("yaml-hint-note", fixed = fixed),
            Problem::TextOnTwoLines { fixed, .. } => {
                return crate::tr!("yaml-hint-one-line", fixed = fixed);
            }
            Problem::Tab => Hint::Tab,
            Problem::QuoteOpenOnLine => Hint::QuoteOnLine,
            Problem::TooLarge | Problem::TooDeep => Hint::TooLarge,
            Problem::Duplicate(_) => Hint::Twice,
            Problem::Colon => Hint::Colon,
            Problem::ListNotClosed => Hint::List,
            Problem::GroupNotClosed => Hint::Group,
            Problem::TextAfterQuote | Problem::QuoteNotClosed => Hint::Quote,
            Problem::DoesNotFit => Hint::DoesNotFit,
            Problem::Other(detail) => hint_for_parser_words(detail),
        };
        match hint {
            Hint::Colon => crate::tr!("yaml-hint-colon"),
            Hint::List => crate::tr!("yaml-hint-list"),
            Hint::Group => crate::tr!("yaml-hint-group"),
            Hint::QuoteOnLine => crate::tr!("yaml-hint-quote-on-line"),
            Hint::Quote => crate::tr!("yaml-hint-quote"),
            Hint::DoesNotFit => crate::tr!("yaml-hint-does-not-fit"),
            Hint::Twice => crate::tr!("yaml-hint-twice"),
            Hint::Tab => crate::tr!("yaml-hint-tab"),
            Hint::ColonOrList => crate::tr!("yaml-hint-colon-or-list"),
            Hint::TooLarge => crate::tr!("yaml-hint-too-large"),
            Hint::General => crate::tr!("yaml-hint-general"),
        }
    }
}

/// The hint for a mistake only the parser's own (English) words describe: a word in them, the
/// first match wins.
fn hint_for_parser_words(detail: &str) -> Hint {
    const WORDS: &[(&str, Hint)] = &[
        ("colon", Hint::Colon),
        ("quote", Hint::Quote),
        ("tab", Hint::Tab),
        ("duplicate", Hint::Twice),
        ("':'", Hint::ColonOrList),
        ("mapping", Hint::ColonOrList),
        ("too large", Hint::TooLarge),
        ("anchors", Hint::TooLarge),
        ("nested too deeply", Hint::TooLarge),
    ];
    WORDS
        .iter()
        .find(|(word, _)| detail.contains(word))
        .map_or(Hint::General, |(_, hint)| *hint)
}

impl SyntaxError {
    /// "<subject> is not valid YAML: …" at the error's place, with a hint for the usual
    /// mistake. `subject` says whose fields: [`IN_FRONT_MATTER`], [`IN_SITE_YAML`], or `""`
    /// for any other YAML file.
    pub fn diagnostic(
        &self,
        path: &std::path::Path,
        subject: &str,
    ) -> crate::diagnostic::Diagnostic {
        crate::diagnostic::Diagnostic::error(
            path,
            self.line,
            self.col,
            crate::tr!(
                "yaml-invalid",
                subject = subject,
                problem = self.problem.message()
            ),
        )
        .with_hint(self.problem.hint())
    }
}

/// `parse` for an entry's fields (front matter, shared-fields files), where also what YAML
/// reads without complaint but not as meant (`title: Contact #1`, `title: !nieuw`) is a
/// mistake. Settings and the theme may write notes after ` #`.
pub fn parse_content(text: &str, line_offset: usize) -> Result<Node, SyntaxError> {
    let node = parse(text, line_offset)?;
    match mistakes::silently_changed(text) {
        Some(error) => Err(SyntaxError {
            line: error.line + line_offset,
            ..error
        }),
        None => Ok(node),
    }
}

/// Parses YAML text. `line_offset` is added to every line number (the number of file lines
/// before this text). An empty document is an empty map.
pub fn parse(text: &str, line_offset: usize) -> Result<Node, SyntaxError> {
    if let Some(error) = find_tab_indentation(text).or_else(|| find_unclosed_quote(text)) {
        return Err(SyntaxError {
            line: error.line + line_offset,
            ..error
        });
    }
    // Word and macOS type “curly” quotes; the editor meant quotes, so they are read as quotes.
    let text = &straighten_quotes(text);
    // Front matter and site.yaml are a few dozen fields: a tight budget refuses alias bombs and
    // giant documents in milliseconds instead of expanding them first.
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 20_000;
    budget.max_aliases = 200;
    budget.max_anchors = 200;
    budget.max_events = 100_000;
    budget.max_depth = 32;
    let options = serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
        budget: Some(budget),
    };
    match serde_saphyr::from_str_with_options::<Spanned<RawValue>>(text, options) {
        Ok(raw) => Ok(convert(raw, text, line_offset)),
        Err(error) => {
            let (line, col) = error
                .location()
                .map(|l| (l.line() as usize, l.column() as usize))
                .unwrap_or((1, 1));
            let parser_says = clean_message(&error.to_string());
            let problem = classify(&parser_says);
            // What the parser's words name only vaguely, the text may show better.
            let vague = matches!(
                problem,
                Problem::Colon
                    | Problem::ListNotClosed
                    | Problem::GroupNotClosed
                    | Problem::DoesNotFit
                    | Problem::Other(_)
            );
            // A space pasted from Word that YAML does not read as one explains most vague
            // words; looked for only now, since inside a block text it is text.
            let placed = find_odd_space(text).or_else(|| {
                vague
                    .then(|| mistakes::place_mistake(text, line.max(1), &parser_says))
                    .flatten()
            });
            let error = placed.unwrap_or(SyntaxError {
                line: line.max(1),
                col: col.max(1),
                problem,
            });
            Err(SyntaxError {
                line: error.line + line_offset,
                ..error
            })
        }
    }
}

/// Opening and closing typographic quotes (“…”, „…”, ‘…’, «…»), as word processors type them.
const CURLY_OPEN: &[char] = &['“', '”', '„', '‘', '’', '‚', '«', '»'];
const CURLY_CLOSE: &[char] = &['”', '“', '’', '‘', '»', '«'];

/// A value between typographic quotes, as a word processor types it, read as one between
/// straight quotes (single quotes, so a backslash in it stays a backslash; a `'` in it, as in
/// "auto's", is doubled). Each quote is one character either way, so columns stay right.
fn straighten_quotes(text: &str) -> std::borrow::Cow<'_, str> {
    let mut changes: Vec<(usize, usize, String)> = Vec::new();
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    for (index, _, at, value) in values(text) {
        let line_start = starts.get(index).copied().unwrap_or(0);
        let mut chars = value.chars();
        let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
            continue;
        };
        if CURLY_OPEN.contains(&first) && CURLY_CLOSE.contains(&last) {
            let inner = &value[first.len_utf8()..value.len() - last.len_utf8()];
            let start = line_start + at;
            changes.push((
                start,
                start + value.len(),
                format!("'{}'", inner.replace('\'', "''")),
            ));
        }
    }
    if changes.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (start, end, replacement) in changes {
        out.push_str(&text[from..start]);
        out.push_str(&replacement);
        from = end;
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

/// The crate's message without its own "error: line X column Y:" prefix and snippet, which we
/// print ourselves in the project's format.
fn clean_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let without_position = match first.strip_prefix("line ") {
        Some(rest) => rest
            .split_once(": ")
            .map(|(_, after)| after)
            .unwrap_or(rest),
        None => first,
    };
    // Some parser messages end with the position inside the YAML text, which is not the file's.
    let without_position = match without_position.rfind(" at line ") {
        Some(i) if without_position[i..].contains("column") => &without_position[..i],
        _ => without_position,
    };
    let without_policy = without_position
        .split(", set DuplicateKeyPolicy")
        .next()
        .unwrap_or(without_position);
    without_policy.trim().to_string()
}

/// The mistake the parser's words describe, as editors would name it.
fn classify(message: &str) -> Problem {
    if message.starts_with("budget breached") || message.contains("budget") {
        return Problem::TooLarge;
    }
    if message.contains("recursion limit") || message.contains("depth") {
        return Problem::TooDeep;
    }
    if let Some(key) = message.strip_prefix("duplicate mapping key: ") {
        return Problem::Duplicate(key.trim().to_string());
    }
    if message.contains("mapping values are not allowed")
        || message.contains("illegal placement of ':'")
    {
        return Problem::Colon;
    }
    if message.contains("did not find expected ',' or ']'")
        || message.contains("flow sequence")
        || message.contains("unclosed bracket '['")
    {
        return Problem::ListNotClosed;
    }
    if message.contains("did not find expected ',' or '}'")
        || message.contains("flow mapping")
        || message.contains("unclosed bracket '{'")
    {
        return Problem::GroupNotClosed;
    }
    if message.contains("trailing content after") {
        return Problem::TextAfterQuote;
    }
    if message.contains("unclosed quote") || message.contains("while scanning a quoted scalar") {
        return Problem::QuoteNotClosed;
    }
    if message.contains("did not find expected key")
        || message.contains("block mapping")
        || message.contains("block sequence")
        || message.contains("block collection")
        || message.contains("document start")
    {
        return Problem::DoesNotFit;
    }
    Problem::Other(message.to_string())
}

fn convert(raw: Spanned<RawValue>, text: &str, line_offset: usize) -> Node {
    let line = raw.referenced.line() as usize + line_offset;
    let col = raw.referenced.column() as usize;
    let written = match &raw.value {
        RawValue::Bool(_) | RawValue::Int(_) | RawValue::Float(_) => written(&raw, text),
        RawValue::Str(read) if starts_with_elided_article(read) => {
            written(&raw, text).filter(|typed| typed.starts_with('\''))
        }
        _ => None,
    };
    let value = match raw.value {
        RawValue::Null => Value::Null,
        RawValue::Bool(b) => Value::Bool(b),
        RawValue::Int(i) => Value::Int(i),
        RawValue::Float(f) => Value::Float(f),
        RawValue::Str(s) => Value::Str(s),
        RawValue::Seq(items) => Value::Seq(
            items
                .into_iter()
                .map(|i| convert(i, text, line_offset))
                .collect(),
        ),
        RawValue::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key = Key {
                        name: k.value,
                        line: k.referenced.line() as usize + line_offset,
                        col: k.referenced.column() as usize,
                    };
                    (key, convert(v, text, line_offset))
                })
                .collect(),
        ),
    };
    Node {
        value,
        line,
        col,
        written,
    }
}

/// `s-Hertogenbosch`, `t Hofje`: what is left of Dutch `'s` and `'t` without the apostrophe.
fn starts_with_elided_article(read: &str) -> bool {
    let mut chars = read.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some('s' | 't'), Some(' ' | '-'), Some(c)) if c.is_alphabetic()
    )
}

/// The text of a plain value as it stands in `text`.
fn written(raw: &Spanned<RawValue>, text: &str) -> Option<Box<str>> {
    let span = raw.referenced.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len()?).ok()?;
    let written = text.get(start..start.checked_add(len)?)?.trim();
    (!written.is_empty()).then(|| written.into())
}

enum RawValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<RawValue>>),
    Map(Vec<(Spanned<String>, Spanned<RawValue>)>),
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
        Ok(RawValue::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawValue, E> {
        Ok(RawValue::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawValue, E> {
        Ok(i64::try_from(v).map_or(RawValue::Float(v as f64), RawValue::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<RawValue, E> {
        Ok(i64::try_from(v).map_or(RawValue::Float(v as f64), RawValue::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<RawValue, E> {
        Ok(i64::try_from(v).map_or(RawValue::Float(v as f64), RawValue::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawValue, E> {
        Ok(RawValue::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawValue, E> {
        Ok(RawValue::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<RawValue, E> {
        Ok(RawValue::Str(v))
    }
    fn visit_unit<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_none<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
        RawValue::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<RawValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = access.next_element()? {
            items.push(item);
        }
        Ok(RawValue::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<RawValue, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = access.next_key::<Spanned<String>>()? {
            let value = access.next_value()?;
            entries.push((key, value));
        }
        Ok(RawValue::Map(entries))
    }
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawValue, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_shifted_by_the_offset() {
        let node = parse("title: Hallo\nnumber: 3\n", 1).unwrap();
        let Value::Map(entries) = node.value else {
            panic!("not a map")
        };
        assert_eq!(entries[1].0.name, "number");
        assert_eq!((entries[1].0.line, entries[1].0.col), (3, 1));
        assert_eq!((entries[1].1.line, entries[1].1.col), (3, 9));
    }

    #[test]
    fn syntax_errors_carry_a_position() {
        // At the bracket left open, not where the parser noticed it (3:2).
        let error = parse("a: [b, c\nd: 1\n", 1).unwrap_err();
        assert_eq!((error.line, error.col), (2, 4));
        let tab = parse("a:\n\tb: 1\n", 0).unwrap_err();
        assert_eq!((tab.line, tab.col), (2, 1));
        assert_eq!(tab.problem, Problem::Tab);
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let error = parse("a: 1\na: 2\n", 0).unwrap_err();
        assert_eq!(error.line, 2);
        assert_eq!(error.problem, Problem::Duplicate("a".to_string()));
        assert_eq!(error.problem.message(), "the field `a` is written twice");
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_refused_quickly() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("l{}", i - 1)
            };
            bomb.push_str(&format!("l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        assert!(parse(&bomb, 0).is_err());
        let deep = "[".repeat(100_000);
        assert!(parse(&deep, 0).is_err());
    }

    #[test]
    fn curly_quotes_are_read_as_quotes() {
        let node = parse(
            "title: “Buurtrecht: zo werkt het”\nplace: „Sint-Oedenrode”\nx: ‘auto's’\n",
            1,
        )
        .unwrap();
        let Value::Map(entries) = node.value else {
            panic!("not a map")
        };
        let texts: Vec<String> = entries.iter().filter_map(|(_, v)| v.as_text()).collect();
        assert_eq!(
            texts,
            ["Buurtrecht: zo werkt het", "Sint-Oedenrode", "auto's"]
        );
        assert_eq!((entries[1].1.line, entries[1].1.col), (3, 8));
    }

    #[test]
    fn an_unclosed_quote_is_reported_on_its_own_line() {
        let error = parse("title: \"Buurtrecht: zo werkt het\nsummary: \"Iets\"\n", 1).unwrap_err();
        assert_eq!((error.line, error.col), (2, 8));
        assert_eq!(error.problem, Problem::QuoteOpenOnLine);
        // A block text may hold any quotes.
        assert!(parse("summary: |\n  Hij zei \"ja\n  en nee\nb: 'it''s'\n", 0).is_ok());
        assert!(parse("a: \"x \\\" y\"\n", 0).is_ok());
        let curly = parse("title: “Cooplink sluit zich aan: welkom!\n", 1).unwrap_err();
        assert_eq!((curly.line, curly.col), (2, 8));
        assert!(parse("name: ’t Wijkpaleis\nplace: zo’n dorp\n", 0).is_ok());
    }

    #[test]
    fn a_space_pasted_from_word_is_named_where_it_breaks_the_fields() {
        // After a field's colon: the parser names the next line.
        let error = parse("date:\u{a0}2024-04-16\npartners: [a]\n", 0).unwrap_err();
        assert_eq!((error.line, error.col), (1, 6));
        assert_eq!(error.problem, Problem::OddSpace('\u{a0}'));
        // As indentation, where the fields do not fit.
        let error = parse("a:\n  b: 1\n\u{a0}\u{a0}c: 2\n  d: 3\n", 0).unwrap_err();
        assert_eq!((error.line, error.col), (3, 1));
        // In a text, and in a block text, it is text.
        assert!(parse("title: Samen\u{a0}sterk\nsummary: |\n  \u{a0}ja\n", 0).is_ok());
    }

    #[test]
    fn a_text_that_starts_with_an_apostrophe_is_told_to_go_between_double_quotes() {
        // Closing it as a quote, as a quote's hint says, would publish `s-Hertogenbosch`.
        let error = parse("name: \"Buurthuis\"\nplace: 's-Hertogenbosch\n", 0).unwrap_err();
        assert_eq!((error.line, error.col), (2, 8));
        assert_eq!(
            error.problem,
            Problem::StartsWithSign {
                sign: '\'',
                fixed: "place: \"'s-Hertogenbosch\"".to_string()
            }
        );
    }

    #[test]
    fn an_apostrophe_taken_for_a_quote_keeps_the_text_as_typed() {
        let text = "a: 's-Hertogenbosch'\nb: \"'t Hofje\"\nc: 'Sint Jan'\nd: s-Hertogenbosch\n";
        let Ok(Node {
            value: Value::Map(fields),
            ..
        }) = parse(text, 0)
        else {
            panic!("not a map");
        };
        let lost: Vec<Option<&str>> = fields.iter().map(|(_, n)| n.lost_apostrophe()).collect();
        assert_eq!(lost, [Some("'s-Hertogenbosch'"), None, None, None]);
    }
}
