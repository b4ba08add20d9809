//! The part of an SVG before its first element, read from the raw text: the XML declaration
//! (version, encoding) and the DOCTYPE's internal subset (entities, attribute defaults), which
//! roxmltree does not show but a browser obeys.

use super::{Found, MAX_EXPANSION, Problems};
use std::collections::HashMap;

pub(super) struct Prolog<'t> {
    pub(super) encoding: Option<(usize, &'t str)>,
    pub(super) version: Option<(usize, &'t str)>,
    /// Offset of the `<!DOCTYPE` (or 0).
    pub(super) doctype: usize,
    /// The internal general entities: name and value as written.
    pub(super) entities: Vec<(&'t str, &'t str)>,
    /// Where the document after the prolog read here begins.
    pub(super) body: usize,
}

/// A cursor over the raw text; every position it stops at is an ASCII byte or the end, so
/// slices between them are whole characters.
struct Cursor<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Cursor<'t> {
    fn rest(&self) -> &'t str {
        &self.text[self.pos..]
    }

    fn starts_with(&self, s: &str) -> bool {
        self.rest().starts_with(s)
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_spaces(&mut self) -> bool {
        let start = self.pos;
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.pos += 1;
        }
        self.pos > start
    }

    /// Moves past the next `end`; `Err` at the end of the text.
    fn skip_past(&mut self, end: &str) -> Result<(), usize> {
        match self.rest().find(end) {
            Some(i) => {
                self.pos += i + end.len();
                Ok(())
            }
            None => Err(self.pos),
        }
    }

    /// A name: everything up to a space, quote or markup character.
    fn name(&mut self) -> Result<&'t str, usize> {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if matches!(
                b,
                b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'[' | b'"' | b'\'' | b'=' | b'?'
            ) {
                break;
            }
            self.pos += 1;
        }
        if self.pos == start {
            Err(start)
        } else {
            Ok(&self.text[start..self.pos])
        }
    }

    /// A quoted literal: its text without the quotes.
    fn quoted(&mut self) -> Result<&'t str, usize> {
        let quote = match self.peek() {
            Some(q @ (b'"' | b'\'')) => q as char,
            _ => return Err(self.pos),
        };
        let start = self.pos + 1;
        match self.text[start..].find(quote) {
            Some(i) => {
                self.pos = start + i + 1;
                Ok(&self.text[start..start + i])
            }
            None => Err(self.pos),
        }
    }

    /// `SYSTEM "…"` or `PUBLIC "…" "…"`; `Ok(false)` when neither is here.
    fn external_id(&mut self) -> Result<bool, usize> {
        if self.starts_with("SYSTEM") {
            self.pos += 6;
            self.skip_spaces();
            self.quoted()?;
            Ok(true)
        } else if self.starts_with("PUBLIC") {
            self.pos += 6;
            self.skip_spaces();
            self.quoted()?;
            self.skip_spaces();
            self.quoted()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }
}

/// Reads the XML declaration and the DOCTYPE, reporting what the DOCTYPE must not hold.
/// `Err(offset)` when the DOCTYPE is not understood.
pub(super) fn read_prolog<'t>(text: &'t str, problems: &mut Problems) -> Result<Prolog<'t>, usize> {
    let mut cursor = Cursor {
        text,
        pos: if text.starts_with('\u{feff}') { 3 } else { 0 },
    };
    let mut prolog = Prolog {
        encoding: None,
        version: None,
        doctype: 0,
        entities: Vec::new(),
        body: 0,
    };
    if !read_declaration(&mut cursor, &mut prolog) || !skip_comments(&mut cursor) {
        return Ok(prolog); // not XML: the parser says where
    }
    prolog.body = cursor.pos;
    if !cursor.starts_with("<!DOCTYPE") {
        // Entities are declared in the DOCTYPE only; one that is not where it was looked for
        // could hide an entity bomb from `expansion`.
        return match text.find("<!ENTITY") {
            Some(offset) => Err(offset),
            None => Ok(prolog),
        };
    }
    prolog.doctype = cursor.pos;
    cursor.pos += 9;
    if !cursor.skip_spaces() {
        return Err(cursor.pos);
    }
    cursor.name()?;
    cursor.skip_spaces();
    cursor.external_id()?;
    cursor.skip_spaces();
    match cursor.peek() {
        Some(b'>') => {
            cursor.pos += 1;
            prolog.body = cursor.pos;
            return Ok(prolog);
        }
        Some(b'[') => cursor.pos += 1,
        _ => return Err(cursor.pos),
    }
    read_internal_subset(&mut cursor, &mut prolog, problems)?;
    Ok(prolog)
}

/// Reads the XML declaration, if there is one, for its version and encoding. `false` when it
/// does not end: not XML.
fn read_declaration<'t>(cursor: &mut Cursor<'t>, prolog: &mut Prolog<'t>) -> bool {
    if !(cursor.starts_with("<?xml")
        && matches!(
            cursor.text.as_bytes().get(cursor.pos + 5),
            Some(b' ' | b'\t' | b'\r' | b'\n')
        ))
    {
        return true;
    }
    cursor.pos += 5;
    // Pseudo-attributes up to `?>`; anything odd is left to the XML parser.
    loop {
        cursor.skip_spaces();
        if cursor.starts_with("?>") || cursor.peek().is_none() {
            break;
        }
        let at = cursor.pos;
        let Ok(name) = cursor.name() else { break };
        cursor.skip_spaces();
        if cursor.peek() != Some(b'=') {
            break;
        }
        cursor.pos += 1;
        cursor.skip_spaces();
        let Ok(value) = cursor.quoted() else { break };
        match name {
            "version" => prolog.version = Some((at, value)),
            "encoding" => prolog.encoding = Some((at, value)),
            _ => {}
        }
    }
    cursor.skip_past("?>").is_ok()
}

/// Skips the comments and processing instructions (reported from the tree) that may come
/// before the DOCTYPE. `false` when one does not end: not XML.
fn skip_comments(cursor: &mut Cursor<'_>) -> bool {
    loop {
        cursor.skip_spaces();
        let end = if cursor.starts_with("<!--") {
            "-->"
        } else if cursor.starts_with("<?") {
            "?>"
        } else {
            return true;
        };
        if cursor.skip_past(end).is_err() {
            return false;
        }
    }
}

/// Reads the DOCTYPE's internal subset (after its `[`) as roxmltree reads it, up to and with
/// the DOCTYPE's end, reporting instructions, external entities and attribute defaults.
fn read_internal_subset<'t>(
    cursor: &mut Cursor<'t>,
    prolog: &mut Prolog<'t>,
    problems: &mut Problems,
) -> Result<(), usize> {
    loop {
        cursor.skip_spaces();
        let at = cursor.pos;
        if cursor.starts_with("]") {
            cursor.pos += 1;
            cursor.skip_spaces();
            if cursor.peek() != Some(b'>') {
                return Err(cursor.pos);
            }
            cursor.pos += 1;
            prolog.body = cursor.pos;
            return Ok(());
        } else if cursor.starts_with("<!--") {
            cursor.skip_past("-->")?;
        } else if cursor.starts_with("<?") {
            cursor.pos += 2;
            let target = cursor.name().unwrap_or("");
            problems.push(at, Found::Instruction(target.to_string()));
            cursor.skip_past("?>")?;
        } else if cursor.starts_with("<!ENTITY") {
            read_entity(cursor, at, prolog, problems)?;
        } else if cursor.starts_with("<!ATTLIST") {
            problems.push(at, Found::AttributeDefaults);
            cursor.skip_past(">")?;
        } else if cursor.starts_with("<!ELEMENT") || cursor.starts_with("<!NOTATION") {
            cursor.skip_past(">")?;
        } else {
            return Err(at);
        }
    }
}

/// Reads one `<!ENTITY` declaration (starting at `at`): a general entity of plain text is kept
/// for `expansion`; an external one, or one whose value holds markup, is reported.
fn read_entity<'t>(
    cursor: &mut Cursor<'t>,
    at: usize,
    prolog: &mut Prolog<'t>,
    problems: &mut Problems,
) -> Result<(), usize> {
    cursor.pos += 8;
    cursor.skip_spaces();
    let parameter = cursor.peek() == Some(b'%');
    if parameter {
        cursor.pos += 1;
        cursor.skip_spaces();
    }
    let name = cursor.name()?;
    cursor.skip_spaces();
    if cursor.external_id()? {
        problems.push(at, Found::ExternalEntity(name.to_string()));
        return cursor.skip_past(">");
    }
    let value = cursor.quoted()?;
    // A browser decodes character references in an entity's value when it is
    // declared and reads the result as markup where the entity is used; roxmltree
    // does not. Plain text only, so both read the same.
    if value.contains(['<', '%']) || value.contains("&#") {
        problems.push(at, Found::EntityWithMarkup(name.to_string()));
    } else if !parameter {
        prolog.entities.push((name, value));
    }
    cursor.skip_spaces();
    if cursor.peek() != Some(b'>') {
        return Err(cursor.pos);
    }
    cursor.pos += 1;
    Ok(())
}

/// The names of the general entities referenced in `text` (`&name;`; character references
/// and malformed ones are skipped).
fn references(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices('&').filter_map(move |(i, _)| {
        let rest = &text[i + 1..];
        let end = rest.find(';')?;
        let name = &rest[..end];
        (!name.is_empty() && !name.starts_with('#') && !name.contains(['&', '<', ' ', '"', '\'']))
            .then_some(name)
    })
}

/// How many characters the entity references in `body` add when they are expanded, entities
/// within entities included; saturates on a loop (roxmltree refuses those anyway).
pub(super) fn expansion(entities: &[(&str, &str)], body: &str) -> u64 {
    if entities.is_empty() {
        return 0;
    }
    // The first declaration of a name counts, as in XML (and roxmltree).
    let mut values: HashMap<&str, &str> = HashMap::new();
    for (name, value) in entities {
        values.entry(name).or_insert(value);
    }
    // `None`: being measured (a reference to it now is a loop).
    let mut sizes: HashMap<&str, Option<u64>> = HashMap::new();
    fn size<'a>(
        name: &'a str,
        values: &HashMap<&'a str, &'a str>,
        sizes: &mut HashMap<&'a str, Option<u64>>,
        depth: usize,
    ) -> u64 {
        let Some(value) = values.get(name).copied() else {
            return 1; // &amp; and the like
        };
        match sizes.get(name) {
            Some(Some(size)) => return *size,
            Some(None) => return u64::MAX,
            None => {}
        }
        if depth > 16 {
            return u64::MAX;
        }
        sizes.insert(name, None);
        let mut total = value.len() as u64;
        for reference in references(value) {
            total = total.saturating_add(size(reference, values, sizes, depth + 1));
        }
        sizes.insert(name, Some(total));
        total
    }
    let mut total: u64 = 0;
    for reference in references(body) {
        total = total.saturating_add(size(reference, &values, &mut sizes, 0));
        if total > MAX_EXPANSION {
            break;
        }
    }
    total
}

// ---------------------------------------------------------------------------------------------
// The tree.
