//! Typed reading of front-matter fields with a diagnostic for every problem: wrong type, missing
//! required field, unknown field ("did you mean"), a field written in two files. Knows no kinds.

use crate::diagnostic::{Diagnostic, Diagnostics, suggest};
use crate::lang::{PartialDate, parse_date};
use crate::yaml::{Key, Node, Value};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod typed;
pub(crate) use typed::{BULLETS, invisible_in};
use typed::{item_problem, list_written_as_text, lost_apostrophe, meant_date};

/// A value together with the file and position it came from, for errors found later (resolve).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    /// Shared by every value of a file: entries hold many, and `serve` copies them per build.
    pub path: Arc<Path>,
    pub line: usize,
    pub col: usize,
}

impl<T> Located<T> {
    /// A value for a required field that could not be read (`Fields::required`): placed nowhere.
    pub fn stand_in(value: T) -> Located<T> {
        Located {
            value,
            path: Arc::from(Path::new("")),
            line: 0,
            col: 0,
        }
    }
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&*self.path, self.line, self.col, message)
    }
    pub fn warning(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(&*self.path, self.line, self.col, message)
    }
}

struct Field {
    key: Key,
    node: Node,
    path: Arc<Path>,
}

impl Field {
    /// An error at the field's value.
    fn error(&self, message: impl Into<String>) -> Diagnostic {
        self.error_at(&self.node, message)
    }
    /// An error at one part of the field's value (a list item, a group's value).
    fn error_at(&self, part: &Node, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&*self.path, part.line, part.col, message)
    }
}

/// The merged fields of one entry in one language: shared file + language file.
pub struct Fields {
    /// The language file: missing fields are reported here.
    primary: PathBuf,
    /// The shared `<stem>.yaml`, if any, for hints.
    shared: Option<PathBuf>,
    /// The kind of entry, as the catalogue's messages name it (`press`, `page`): see
    /// `Kind::key`.
    kind: &'static str,
    fields: BTreeMap<String, Field>,
    /// Required fields not found, reported in `finish` so a misspelled one is reported once,
    /// as the misspelling.
    missing: std::cell::RefCell<Vec<(String, String)>>,
    /// The fields whose place is kept for problems found later (languages disagree): only
    /// those, since keeping every field's place costs a copy of its name per field.
    placed: &'static [&'static str],
    /// Where each of the `placed` fields that was read stands.
    locations: Vec<(&'static str, Location)>,
    /// Whether every required field given to `required` could be read.
    all_required_read: bool,
}

/// A place in a file.
pub type Location = (Arc<Path>, usize, usize);

impl Fields {
    /// Every text value, lists and groups included, with its file, line and column: for checks
    /// that read what an editor typed whatever the field (placeholders left from `wdhs new`).
    pub fn each_text(&self, mut visit: impl FnMut(&str, &Path, usize, usize)) {
        fn walk(node: &Node, path: &Path, visit: &mut dyn FnMut(&str, &Path, usize, usize)) {
            match &node.value {
                Value::Str(text) => visit(text, path, node.line, node.col),
                Value::Seq(items) => items.iter().for_each(|item| walk(item, path, visit)),
                Value::Map(entries) => entries.iter().for_each(|(_, v)| walk(v, path, visit)),
                _ => {}
            }
        }
        for field in self.fields.values() {
            walk(&field.node, &field.path, &mut visit);
        }
    }

    /// Merges the maps; a key in both is reported with both files named. `kind` is the kind's
    /// key in messages (`Kind::key`).
    pub fn merge(
        kind: &'static str,
        primary: (&Path, Node),
        shared: Option<(&Path, &Node)>,
        diagnostics: &mut Diagnostics,
    ) -> Fields {
        let mut fields = Fields {
            primary: primary.0.to_path_buf(),
            shared: shared.map(|(p, _)| p.to_path_buf()),
            kind,
            fields: BTreeMap::new(),
            missing: std::cell::RefCell::new(Vec::new()),
            placed: &[],
            locations: Vec::new(),
            all_required_read: true,
        };
        if let Some((shared_path, shared_node)) = shared {
            fields.add_map(shared_path, shared_node.clone(), diagnostics);
        }
        fields.add_map(primary.0, primary.1, diagnostics);
        fields
    }

    fn add_map(&mut self, path: &Path, node: Node, diagnostics: &mut Diagnostics) {
        let shared_path: Arc<Path> = path.into();
        let entries = match node.value {
            Value::Map(entries) => entries,
            Value::Null => Vec::new(),
            _ => {
                diagnostics.push(
                    Diagnostic::error(
                        path,
                        node.line,
                        node.col,
                        crate::tr!("fields-not-fields", found = node.type_name()),
                    )
                    .with_hint(crate::tr!("fields-not-fields-hint")),
                );
                return;
            }
        };
        for (key, value) in entries {
            if let Some(existing) = self.fields.get(&key.name) {
                diagnostics.push(
                    Diagnostic::error(
                        path,
                        key.line,
                        key.col,
                        crate::tr!(
                            "fields-set-twice",
                            name = &key.name,
                            first = crate::diagnostic::display_path(&existing.path),
                            line = existing.key.line.to_string(),
                            second = crate::diagnostic::display_path(path)
                        ),
                    )
                    .with_hint(crate::tr!("fields-set-twice-hint")),
                );
                continue;
            }
            self.fields.insert(
                key.name.clone(),
                Field {
                    key,
                    node: value,
                    path: shared_path.clone(),
                },
            );
        }
    }

    /// Keeps where these fields stand when they are read (`finish` returns it).
    pub fn keeping_places_of(mut self, names: &'static [&'static str]) -> Fields {
        self.placed = names;
        self
    }

    /// The value of a required field, or `stand_in` when it could not be read (its problem is
    /// reported already). The entry is still made, so that its other fields, its references and
    /// its Markdown are checked in the same run; it is never published, as the run has an error.
    pub fn required<T>(&mut self, value: Option<T>, stand_in: T) -> T {
        self.all_required_read &= value.is_some();
        value.unwrap_or(stand_in)
    }

    /// Whether no value given to `required` is a stand-in.
    pub fn all_required_read(&self) -> bool {
        self.all_required_read
    }

    /// The node, removed so `finish` knows it was expected. `Null` counts as absent.
    fn take(&mut self, name: &str) -> Option<Field> {
        let field = self.fields.remove(name)?;
        if let Some(placed) = self.placed.iter().find(|placed| **placed == name) {
            let at = (field.path.clone(), field.node.line, field.node.col);
            self.locations.push((placed, at));
        }
        (field.node.value != Value::Null).then_some(field)
    }

    fn missing(&self, name: &str, example: &str, _diagnostics: &mut Diagnostics) {
        self.missing
            .borrow_mut()
            .push((name.to_string(), example.to_string()));
    }

    fn missing_diagnostic(&self, name: &str, example: &str) -> Diagnostic {
        let hint = match &self.shared {
            Some(shared) => crate::tr!(
                "fields-add-line-or-shared",
                name = name,
                example = example,
                shared = crate::diagnostic::display_path(shared)
            ),
            None => crate::tr!("fields-add-line", name = name, example = example),
        };
        Diagnostic::error(
            &self.primary,
            1,
            1,
            crate::tr!("fields-missing", name = name, kind = self.kind),
        )
        .with_hint(hint)
    }

    /// `expected` is what the field takes, in the run's language ("text", "true or false").
    fn wrong_type(field: &Field, expected: String, example: &str, diagnostics: &mut Diagnostics) {
        diagnostics.push(
            field
                .error(crate::tr!(
                    "fields-wrong-type",
                    name = &field.key.name,
                    expected = expected,
                    found = field.node.type_name()
                ))
                .with_hint(write_like(&field.key.name, example)),
        );
    }

    pub fn text(
        &mut self,
        name: &str,
        required: bool,
        diagnostics: &mut Diagnostics,
    ) -> Option<String> {
        self.located_text(name, required, diagnostics)
            .map(|l| l.value)
    }

    pub fn located_text(
        &mut self,
        name: &str,
        required: bool,
        diagnostics: &mut Diagnostics,
    ) -> Option<Located<String>> {
        let Some(field) = self.take(name) else {
            if required {
                self.missing(name, "…", diagnostics);
            }
            return None;
        };
        match field.node.as_text() {
            Some(text) if text.trim().is_empty() && required => {
                self.missing(name, "…", diagnostics);
                None
            }
            Some(text) => {
                if let Some(typed) = field.node.lost_apostrophe() {
                    diagnostics.push(lost_apostrophe(&field, typed, text.trim()));
                }
                Some(Located {
                    value: text.trim().to_string(),
                    path: field.path,
                    line: field.node.line,
                    col: field.node.col,
                })
            }
            None => {
                Self::wrong_type(&field, crate::tr!("yaml-type-text"), "…", diagnostics);
                None
            }
        }
    }

    pub fn bool(&mut self, name: &str, diagnostics: &mut Diagnostics) -> bool {
        let Some(field) = self.take(name) else {
            return false;
        };
        match field.node.value {
            Value::Bool(b) => b,
            _ => {
                // `nee`, `No`, `False`: the fix keeps what the editor meant.
                let meant_no = field.node.as_text().is_some_and(|t| {
                    let t = t.trim().to_lowercase();
                    ["nee", "n", "no", "false", "onwaar", "uit", "off", "0"].contains(&t.as_str())
                });
                let example = if meant_no { "false" } else { "true" };
                Self::wrong_type(
                    &field,
                    crate::tr!("fields-expected-bool"),
                    example,
                    diagnostics,
                );
                false
            }
        }
    }

    pub fn int(
        &mut self,
        name: &str,
        required: bool,
        range: std::ops::RangeInclusive<i64>,
        diagnostics: &mut Diagnostics,
    ) -> Option<i64> {
        let Some(field) = self.take(name) else {
            if required {
                self.missing(name, &range.start().to_string(), diagnostics);
            }
            return None;
        };
        let number = match &field.node.value {
            Value::Int(i) => Some(*i),
            Value::Str(s) => s.trim().parse().ok(),
            _ => None,
        };
        match number {
            Some(n) if range.contains(&n) => Some(n),
            Some(n) => {
                diagnostics.push(
                    field
                        .error(crate::tr!(
                            "fields-out-of-range",
                            name = name,
                            value = n.to_string(),
                            min = range.start().to_string(),
                            max = range.end().to_string()
                        ))
                        .with_hint(crate::tr!(
                            "fields-out-of-range-hint",
                            min = range.start().to_string(),
                            max = range.end().to_string()
                        )),
                );
                None
            }
            None => {
                Self::wrong_type(
                    &field,
                    crate::tr!("yaml-type-whole-number"),
                    &range.start().to_string(),
                    diagnostics,
                );
                None
            }
        }
    }

    pub fn date(
        &mut self,
        name: &str,
        required: bool,
        diagnostics: &mut Diagnostics,
    ) -> Option<Date> {
        let hint = crate::tr!("fields-date-hint", name = name);
        self.date_like(name, required, parse_date, hint, diagnostics)
    }

    pub fn partial_date(
        &mut self,
        name: &str,
        required: bool,
        diagnostics: &mut Diagnostics,
    ) -> Option<PartialDate> {
        let hint = crate::tr!("fields-partial-date-hint", name = name);
        self.date_like(name, required, PartialDate::parse, hint, diagnostics)
    }

    /// A date field read with `parse`; anything it refuses is reported with `hint`.
    fn date_like<T>(
        &mut self,
        name: &str,
        required: bool,
        parse: impl Fn(&str) -> Option<T>,
        hint: String,
        diagnostics: &mut Diagnostics,
    ) -> Option<T> {
        let Some(field) = self.take(name) else {
            if required {
                self.missing(name, "2024-04-13", diagnostics);
            }
            return None;
        };
        let text = field.node.as_text();
        let parsed = text.as_deref().and_then(&parse);
        if parsed.is_none() {
            // `05-12-2026`, `2026–12–04`: the date meant, when there is one.
            let hint = match text.as_deref().and_then(meant_date) {
                Some(meant) => crate::tr!("fields-date-meant", name = name, date = meant),
                None => hint,
            };
            diagnostics.push(
                field
                    .error(crate::tr!(
                        "fields-bad-date",
                        name = name,
                        value = text.unwrap_or_default()
                    ))
                    .with_hint(hint),
            );
        }
        parsed
    }

    /// A list of text items; a single text value is accepted as a list of one.
    pub fn text_list(
        &mut self,
        name: &str,
        required: bool,
        diagnostics: &mut Diagnostics,
    ) -> Vec<Located<String>> {
        // `themes:` with nothing after it is there, and empty: said at its line.
        let written_empty = (self.fields.get(name)).map(|f| Self::empty_list(name, f));
        let Some(field) = self.take(name) else {
            match written_empty {
                Some(empty) if required => diagnostics.push(empty),
                _ if required => self.missing(name, "[…]", diagnostics),
                _ => {}
            }
            return Vec::new();
        };
        let items: Vec<&Node> = match &field.node.value {
            Value::Seq(items) => items.iter().collect(),
            Value::Str(text) if text.contains(',') => {
                return list_written_as_text(name, &field, text, diagnostics);
            }
            _ => vec![&field.node],
        };
        let mut out = Vec::new();
        let mut refused = false;
        let mut seen = std::collections::HashSet::new();
        for item in items {
            match item.as_text() {
                Some(text) if let Some((message, hint)) = item_problem(name, &text) => {
                    refused = true;
                    let error = field.error_at(item, message);
                    diagnostics.push(error.with_hint(hint));
                }
                // Each item once: a theme written 3,000 times made every card hold it 3,000
                // times on each of 125 pages of the theme (gigabytes from 15 kB).
                Some(text) if !seen.insert(text.trim().to_string()) => {
                    let message = crate::tr!("fields-item-twice", name = name, value = text.trim());
                    let error = field.error_at(item, message);
                    diagnostics.push(error.with_hint(crate::tr!("fields-item-twice-hint")));
                }
                Some(text) => out.push(Located {
                    value: text.trim().to_string(),
                    path: field.path.clone(),
                    line: item.line,
                    col: item.col,
                }),
                None => diagnostics.push(
                    field
                        .error_at(
                            item,
                            crate::tr!(
                                "fields-item-not-text",
                                name = name,
                                found = item.type_name()
                            ),
                        )
                        .with_hint(write_like(name, "[een, twee]")),
                ),
            }
        }
        if required && out.is_empty() && !refused {
            diagnostics.push(Self::empty_list(name, &field));
        }
        out
    }

    /// A required list written with nothing in it (`themes: []`).
    fn empty_list(name: &str, field: &Field) -> Diagnostic {
        field
            .error(crate::tr!("fields-empty-list", name = name))
            .with_hint(write_like(name, "[een, twee]"))
    }

    /// A list of groups of fields (festival programme items); each is checked with `known`.
    pub fn map_list(
        &mut self,
        name: &str,
        known: &[&str],
        diagnostics: &mut Diagnostics,
    ) -> Vec<BTreeMap<String, Located<String>>> {
        let Some(field) = self.take(name) else {
            return Vec::new();
        };
        let Value::Seq(items) = &field.node.value else {
            Self::wrong_type(
                &field,
                crate::tr!("yaml-type-list"),
                "\n  - title: …",
                diagnostics,
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let Value::Map(entries) = &item.value else {
                diagnostics.push(
                    field
                        .error_at(
                            item,
                            crate::tr!(
                                "fields-item-not-group",
                                name = name,
                                found = item.type_name()
                            ),
                        )
                        .with_hint(crate::tr!(
                            "fields-item-not-group-hint",
                            field = known.first().copied().unwrap_or("title")
                        )),
                );
                continue;
            };
            let mut map = BTreeMap::new();
            for (key, value) in entries {
                if !known.contains(&key.name.as_str()) {
                    diagnostics.push(unknown_field(&field.path, key, Owner::Item(name), known));
                    continue;
                }
                match value.as_text() {
                    Some(text) => {
                        map.insert(
                            key.name.clone(),
                            Located {
                                value: text.trim().to_string(),
                                path: field.path.clone(),
                                line: value.line,
                                col: value.col,
                            },
                        );
                    }
                    None if value.value == Value::Null => {}
                    None => diagnostics.push(field.error_at(
                        value,
                        crate::tr!(
                            "fields-wrong-type",
                            name = &key.name,
                            expected = crate::tr!("yaml-type-text"),
                            found = value.type_name()
                        ),
                    )),
                }
            }
            out.push(map);
        }
        out
    }

    /// Reports every field not taken as unknown to this kind, and the required fields that were
    /// not found (unless an unknown field is their misspelling). Returns where each of the
    /// fields named in `keeping_places_of` stood.
    pub fn finish(
        self,
        known: &[&str],
        diagnostics: &mut Diagnostics,
    ) -> Box<[(&'static str, Location)]> {
        let missing = self.missing.take();
        let mut explained: Vec<&str> = Vec::new();
        for field in self.fields.values() {
            let mut diagnostic =
                unknown_field(&field.path, &field.key, Owner::Kind(self.kind), known);
            if let Some(close) = meant_field(&field.key.name, known)
                && missing.iter().any(|(name, _)| name == close)
            {
                diagnostic =
                    diagnostic.with_hint(crate::tr!("fields-did-you-mean-required", name = close));
                explained.push(close);
            }
            diagnostics.push(diagnostic);
        }
        for (name, example) in &missing {
            if !explained.contains(&name.as_str()) {
                diagnostics.push(self.missing_diagnostic(name, example));
            }
        }
        self.locations.into_boxed_slice()
    }
}

/// Whose fields are read: an entry of a kind (its key in messages), or an item of a list.
enum Owner<'a> {
    Kind(&'a str),
    Item(&'a str),
}

fn unknown_field(path: &Path, key: &Key, owner: Owner<'_>, known: &[&str]) -> Diagnostic {
    let message = match owner {
        Owner::Kind(kind) => crate::tr!("fields-unknown", name = &key.name, kind = kind),
        Owner::Item(list) => crate::tr!("fields-unknown-in-item", name = &key.name, list = list),
    };
    let diagnostic = Diagnostic::error(path, key.line, key.col, message);
    match meant_field(&key.name, known) {
        Some(close) => diagnostic.with_hint(did_you_mean(close)),
        None => diagnostic.with_hint(crate::tr!("fields-known", list = known.join(", "))),
    }
}

/// Field names as Dutch editors write them, and the field meant. Close misspellings of the
/// English names (`titel`) are found by `suggest`; these are other words.
const DUTCH_NAMES: &[(&str, &str)] = &[
    ("samenvatting", "summary"),
    ("afbeelding", "image"),
    ("foto", "image"),
    ("plaatje", "image"),
    ("alt", "image_alt"),
    ("beschrijving", "description"),
    ("omschrijving", "description"),
    ("doelen", "goals"),
    ("doel", "goals"),
    ("plaats", "place"),
    ("stad", "city"),
    ("woonplaats", "place"),
    ("locatie", "venue"),
    ("adres", "address"),
    ("opgericht", "founded"),
    ("thema", "themes"),
    ("themas", "themes"),
    ("thema's", "themes"),
    ("naam", "name"),
    ("datum", "date"),
    ("tijd", "time"),
    ("concept", "draft"),
    ("nummer", "number"),
    ("rol", "role"),
    ("lid_sinds", "joined"),
    ("programma", "programme"),
    ("inleiding", "intro"),
    ("kop", "title"),
];

/// The field an unknown name most likely means: the English name of a Dutch word, or a close
/// spelling of a known name.
fn meant_field<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_lowercase();
    let dutch = (DUTCH_NAMES.iter()).find(|(word, _)| *word == lower.as_str());
    dutch
        .and_then(|(_, field)| known.iter().copied().find(|k| k == field))
        .or_else(|| suggest(name, known.iter().copied()))
}

/// "did you mean `title`?": the hint for every close miss, whatever was misspelled.
pub fn did_you_mean(close: &str) -> String {
    crate::tr!("fields-did-you-mean", name = close)
}

/// "write it like `name: example`": the hint for a value written the wrong way.
pub fn write_like(name: &str, example: &str) -> String {
    crate::tr!("fields-write-like", name = name, example = example)
}

/// Web addresses must be absolute so readers leave the site to the right place.
pub fn check_web_address(url: &Located<String>, diagnostics: &mut Diagnostics) {
    if !(url.value.starts_with("https://") || url.value.starts_with("http://")) {
        diagnostics.push(
            url.error(crate::tr!("fields-not-web-address", value = &url.value))
                .with_hint(crate::tr!(
                    "fields-not-web-address-hint",
                    value = &url.value
                )),
        );
    }
}

/// Press contacts are organisations: personal phone numbers and e-mail addresses are never
/// published. Whether the contact may be published.
pub fn check_no_personal_contact(contact: &Located<String>, diagnostics: &mut Diagnostics) -> bool {
    let digits = contact.value.chars().filter(char::is_ascii_digit).count();
    let personal = contact.value.contains('@') || digits >= 8;
    if personal {
        diagnostics.push(
            contact
                .error(crate::tr!("fields-personal-contact"))
                .with_hint(crate::tr!("fields-personal-contact-hint")),
        );
    }
    !personal
}

/// An image named in front matter needs a description for screen-reader users.
pub fn check_image_alt(
    fields: &Fields,
    image: Option<&Located<String>>,
    alt: Option<&str>,
    diagnostics: &mut Diagnostics,
) {
    let Some(image) = image.filter(|_| alt.is_none_or(|a| a.trim().is_empty())) else {
        return;
    };
    if *image.path == *fields.primary {
        diagnostics.push(
            image
                .error(crate::tr!("fields-image-alt"))
                .with_hint(crate::tr!("fields-image-alt-hint")),
        );
        return;
    }
    // The image is named in the shared file: the language file without a description is the
    // one to change.
    let message = crate::tr!(
        "fields-image-alt-here",
        image = &image.value,
        shared = crate::diagnostic::display_path(&image.path)
    );
    diagnostics.push(
        Diagnostic::error(&fields.primary, 1, 1, message)
            .with_hint(crate::tr!("fields-image-alt-here-hint")),
    );
}
