//! The one place that calls the YAML crate: text → `Node` tree with line/column on every value.
//! Knows nothing of content kinds; swapping the YAML crate means changing only this file.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A YAML value and where it stands. Lines and columns are 1-based and already shifted by the
/// caller's offset, so they point into the real file (front matter starts on line 2 of a `.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: usize,
    pub col: usize,
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
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "yes/no (true/false)",
            Value::Int(_) => "a whole number",
            Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a group of fields",
        }
    }

    /// Scalars as text: `2024` and `true` are what the editor typed, so text fields take them.
    pub fn as_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
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
    pub message: String,
}

impl SyntaxError {
    /// "<subject>not valid YAML: …" at the error's place, with a hint for the usual mistake.
    pub fn diagnostic(
        &self,
        path: &std::path::Path,
        subject: &str,
    ) -> crate::diagnostic::Diagnostic {
        crate::diagnostic::Diagnostic::error(
            path,
            self.line,
            self.col,
            format!("{subject}not valid YAML: {}", self.message),
        )
        .with_hint(yaml_hint(&self.message))
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
        Ok(raw) => Ok(convert(raw, line_offset)),
        Err(error) => {
            let (line, col) = error
                .location()
                .map(|l| (l.line() as usize, l.column() as usize))
                .unwrap_or((1, 1));
            Err(SyntaxError {
                line: line.max(1) + line_offset,
                col: col.max(1),
                message: plain_message(&clean_message(&error.to_string())),
            })
        }
    }
}

/// Tabs used for indentation are the most common YAML mistake of people who never wrote YAML;
/// say so plainly instead of the parser's general message.
fn find_tab_indentation(text: &str) -> Option<SyntaxError> {
    for (index, line) in text.lines().enumerate() {
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if let Some(pos) = indent.find('\t') {
            return Some(SyntaxError {
                line: index + 1,
                col: pos + 1,
                message: "a tab is used to indent this line; YAML only allows spaces".to_string(),
            });
        }
    }
    None
}

/// The value of a `key: value` or `- value` line, with its byte offset in the line, outside
/// block texts (`summary: |` and the indented lines under it are text, whatever they hold).
struct Values<'a> {
    lines: std::iter::Enumerate<std::str::Lines<'a>>,
    /// The indentation of the field that opened a block text, while inside it.
    block: Option<usize>,
}

fn values(text: &str) -> Values<'_> {
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
            if value.starts_with('|') || value.starts_with('>') {
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
fn find_unclosed_quote(text: &str) -> Option<SyntaxError> {
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
            _ => true,
        };
        if !closed {
            return Some(SyntaxError {
                line: index + 1,
                col: line[..at].chars().count() + 1,
                message: "a quote is opened here but not closed on this line".to_string(),
            });
        }
    }
    None
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

/// The parser's words for the mistakes editors make, in words they use.
fn plain_message(message: &str) -> String {
    if message.starts_with("budget breached") || message.contains("budget") {
        return "the YAML is too large or repeats anchors (`&name`, `*name`) too often".to_string();
    }
    if message.contains("recursion limit") || message.contains("depth") {
        return "the YAML is nested too deeply".to_string();
    }
    if let Some(key) = message.strip_prefix("duplicate mapping key: ") {
        return format!("the field `{}` is written twice", key.trim());
    }
    if message.contains("mapping values are not allowed")
        || message.contains("illegal placement of ':'")
    {
        return "a colon (:) where a new field cannot start".to_string();
    }
    if message.contains("did not find expected ',' or ']'")
        || message.contains("flow sequence")
        || message.contains("unclosed bracket '['")
    {
        return "a list `[…]` is not closed".to_string();
    }
    if message.contains("did not find expected ',' or '}'")
        || message.contains("flow mapping")
        || message.contains("unclosed bracket '{'")
    {
        return "a group `{…}` is not closed".to_string();
    }
    if message.contains("trailing content after") {
        return "there is text after the closing quote".to_string();
    }
    if message.contains("unclosed quote") || message.contains("while scanning a quoted scalar") {
        return "a quote (\") is opened but not closed".to_string();
    }
    if message.contains("did not find expected key")
        || message.contains("block mapping")
        || message.contains("block sequence")
    {
        return "this line does not fit here".to_string();
    }
    message.to_string()
}

fn convert(raw: Spanned<RawValue>, line_offset: usize) -> Node {
    let line = raw.referenced.line() as usize + line_offset;
    let col = raw.referenced.column() as usize;
    let value = match raw.value {
        RawValue::Null => Value::Null,
        RawValue::Bool(b) => Value::Bool(b),
        RawValue::Int(i) => Value::Int(i),
        RawValue::Float(f) => Value::Float(f),
        RawValue::Str(s) => Value::Str(s),
        RawValue::Seq(items) => {
            Value::Seq(items.into_iter().map(|i| convert(i, line_offset)).collect())
        }
        RawValue::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key = Key {
                        name: k.value,
                        line: k.referenced.line() as usize + line_offset,
                        col: k.referenced.column() as usize,
                    };
                    (key, convert(v, line_offset))
                })
                .collect(),
        ),
    };
    Node { value, line, col }
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

/// The YAML mistakes editors make most: a word in the parser's message (as rewritten here),
/// and the hint for it. The first match wins.
const YAML_HINTS: &[(&str, &str)] = &[
    (
        "colon",
        "text with a colon (:) must be put between quotes, like `title: \"Samen: zo werkt het\"`",
    ),
    (
        "list `[…]` is not closed",
        "close the list on the same line, like `themes: [zorg, energie]`",
    ),
    (
        "group `{…}` is not closed",
        "close the group on the same line, like `{ nl: …, en: … }`",
    ),
    (
        "not closed on this line",
        "end the text with the same quote on this line, like `title: \"Buurtrecht: zo werkt het\"`",
    ),
    (
        "quote",
        "a text in quotes must end with the same quote, and nothing may follow it on the line",
    ),
    (
        "does not fit here",
        "each line is `name: value`; list items start with `- ` and are indented under their field",
    ),
    (
        "written twice",
        "each field may appear only once; remove one of the two lines",
    ),
    (
        "tab",
        "replace the tab at the start of the line with spaces",
    ),
    (
        "duplicate",
        "each field may appear only once; remove one of the two lines",
    ),
    (
        "':'",
        "check that lists `[…]` are closed on their own line, and that text with a colon is between quotes",
    ),
    (
        "mapping",
        "check that lists `[…]` are closed on their own line, and that text with a colon is between quotes",
    ),
    (
        "too large",
        "the YAML is too large or nested too deeply; write the fields out plainly",
    ),
    (
        "anchors",
        "the YAML is too large or nested too deeply; write the fields out plainly",
    ),
    (
        "nested too deeply",
        "the YAML is too large or nested too deeply; write the fields out plainly",
    ),
];

/// A hint for the YAML mistakes editors make most.
pub fn yaml_hint(message: &str) -> String {
    YAML_HINTS
        .iter()
        .find(|(word, _)| message.contains(word))
        .map_or(
            "check the line for a missing quote, bracket or space after the colon",
            |(_, hint)| hint,
        )
        .to_string()
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
        let error = parse("a: [b, c\nd: 1\n", 1).unwrap_err();
        assert_eq!((error.line, error.col), (3, 2));
        let tab = parse("a:\n\tb: 1\n", 0).unwrap_err();
        assert_eq!((tab.line, tab.col), (2, 1));
        assert!(tab.message.contains("tab"));
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let error = parse("a: 1\na: 2\n", 0).unwrap_err();
        assert_eq!(error.line, 2);
        assert_eq!(error.message, "the field `a` is written twice");
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
        assert!(error.message.contains("not closed"), "{}", error.message);
        // A block text may hold any quotes.
        assert!(parse("summary: |\n  Hij zei \"ja\n  en nee\nb: 'it''s'\n", 0).is_ok());
        assert!(parse("a: \"x \\\" y\"\n", 0).is_ok());
    }
}
