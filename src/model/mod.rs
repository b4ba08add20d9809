//! The typed content model: one file per kind turns merged front-matter fields into validated
//! values. Never touches the filesystem or templates.

pub mod aliases;
mod festival;
mod goal;
mod home;
mod initiative;
mod page;
mod partner;
mod press;

pub use festival::{Festival, ProgrammeItem};
pub use goal::Goal;
pub use home::Home;
pub use initiative::{Initiative, PROVINCES, province_key};
pub use page::Page;
pub use partner::{Partner, Role};
pub use press::Press;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fields::{Fields, Located};
use crate::frontmatter::{self, SplitError};
use crate::lang::Lang;
use crate::packed::Text;
use crate::yaml::{self, Node};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The kinds of content, each with its own folder under `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Home,
    Goal,
    Partner,
    Press,
    Initiative,
    Festival,
    Page,
}

pub const KINDS: [Kind; 7] = [
    Kind::Home,
    Kind::Goal,
    Kind::Partner,
    Kind::Press,
    Kind::Initiative,
    Kind::Festival,
    Kind::Page,
];

impl Kind {
    /// The folder under `content/`, also the key of the section in `site.yaml` and in `@/` links.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Home => "",
            Kind::Goal => "goals",
            Kind::Partner => "partners",
            Kind::Press => "press",
            Kind::Initiative => "initiatives",
            Kind::Festival => "festival",
            Kind::Page => "pages",
        }
    }

    pub fn from_folder(folder: &str) -> Option<Kind> {
        KINDS
            .into_iter()
            .find(|k| k.folder() == folder && *k != Kind::Home)
    }

    /// Has a section with an index page and a localized URL name.
    pub fn has_section(self) -> bool {
        !matches!(self, Kind::Home | Kind::Page)
    }

    /// The kind in messages: the catalogues pick its words by this key ("unknown field `x`
    /// for a press release", "`x` is geen veld voor een persbericht").
    pub fn key(self) -> &'static str {
        match self {
            Kind::Home => "home",
            Kind::Goal => "goal",
            Kind::Partner => "partner",
            Kind::Press => "press",
            Kind::Initiative => "initiative",
            Kind::Festival => "festival",
            Kind::Page => "page",
        }
    }

    /// The fields each kind accepts, in the order `wdhs new` writes them.
    pub fn fields(self) -> &'static [&'static str] {
        let kind_fields: &[&str] = match self {
            Kind::Home => home::FIELDS,
            Kind::Goal => goal::FIELDS,
            Kind::Partner => partner::FIELDS,
            Kind::Press => press::FIELDS,
            Kind::Initiative => initiative::FIELDS,
            Kind::Festival => festival::FIELDS,
            Kind::Page => page::FIELDS,
        };
        kind_fields
    }
}

/// Fields every language file may have, whatever its kind.
pub const COMMON_FIELDS: &[&str] = &["slug", "draft", "keep_metadata", "aliases"];

/// The fields compared between the languages of an entry (`resolve::between`): all must give
/// the first five alike, and no two the same `image_alt`. Only where these were written is kept
/// in an entry, to point at the problem: `serve` keeps every entry.
pub const COMPARED_FIELDS: &[&str] = &[
    "number",
    "target_year",
    "date",
    "province",
    "role",
    "image_alt",
];

/// What the model needs from `site.yaml` to validate values.
#[derive(Hash)]
pub struct Vocabulary<'a> {
    /// `None` when site.yaml could not be read: themes are then not checked.
    pub themes: Option<Vec<&'a str>>,
    /// `programme_goals` of site.yaml.
    pub programme_goals: Option<u8>,
}

/// One entry in one language.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Kind,
    pub stem: String,
    pub lang: Lang,
    /// The URL name; the stem unless `slug:` says otherwise.
    pub slug: Located<String>,
    pub draft: bool,
    /// Images (relative to the entry's folder) whose original is published byte for byte,
    /// metadata included, because the editor asked for it.
    pub keep_metadata: Vec<Located<String>>,
    /// The addresses the page had before, as outputs below the site's root (`aliases`).
    pub aliases: Vec<Located<String>>,
    /// The language file, relative to the site root.
    pub path: PathBuf,
    /// Where each of the `COMPARED_FIELDS` was written (file, line, column). A list, not a
    /// map: a map's smallest node is ~600 bytes, and `serve` keeps every entry.
    pub field_locations: Box<[(&'static str, crate::fields::Location)]>,
    pub body: Body,
    /// 1-based line in `path` where the body starts.
    pub body_line: usize,
    /// A hash of the body's text, `None` when it has none: a translation whose text is the
    /// other language's is found without reading either (`resolve::between`).
    pub body_hash: Option<u64>,
    /// Every required field could be read. When one could not (an error, reported), it holds a
    /// stand-in (empty text, the year 0), so the rest of the entry is checked in the same run;
    /// checks between entries skip what a stand-in would make up.
    pub complete: bool,
    pub data: EntryData,
}

/// The Markdown of an entry: the end of its language file's text, shared rather than copied, so
/// `serve`, which keeps every text for its next build, does not hold every body twice.
#[derive(Debug, Clone, Default)]
pub struct Body {
    text: Arc<Text>,
    start: usize,
}

impl Body {
    pub fn read(&self) -> Cow<'_, str> {
        self.text.read_from(self.start)
    }

    /// The same Markdown: by pointer when both come from one text, else by reading it.
    pub fn same_as(&self, other: &Body) -> bool {
        self.is(other) || self.read() == other.read()
    }

    /// The same place in the same text (by pointer): the Markdown of one unchanged file.
    pub fn is(&self, other: &Body) -> bool {
        Arc::ptr_eq(&self.text, &other.text) && self.start == other.start
    }
}

#[derive(Debug, Clone)]
pub enum EntryData {
    Home(Home),
    Goal(Goal),
    Partner(Partner),
    Press(Press),
    Initiative(Initiative),
    Festival(Festival),
    Page(Page),
}

impl Entry {
    pub fn title(&self) -> &str {
        match &self.data {
            EntryData::Home(h) => &h.title,
            EntryData::Goal(g) => &g.title,
            EntryData::Partner(p) => &p.name,
            EntryData::Press(p) => &p.title,
            EntryData::Initiative(i) => &i.name,
            EntryData::Festival(f) => &f.title,
            EntryData::Page(p) => &p.title,
        }
    }

    pub fn summary(&self) -> &str {
        match &self.data {
            EntryData::Home(h) => &h.intro,
            EntryData::Goal(g) => &g.summary,
            EntryData::Partner(p) => &p.summary,
            EntryData::Press(p) => &p.summary,
            EntryData::Initiative(i) => &i.summary,
            EntryData::Festival(f) => &f.summary,
            EntryData::Page(p) => p.summary.as_deref().unwrap_or(""),
        }
    }

    /// The file the entry's fields name beside it: its image, or a partner's logo.
    pub fn image(&self) -> Option<&Located<String>> {
        match &self.data {
            EntryData::Partner(p) => p.logo.as_ref(),
            EntryData::Press(p) => p.image.as_ref(),
            EntryData::Initiative(i) => i.image.as_ref(),
            EntryData::Festival(f) => f.image.as_ref(),
            _ => None,
        }
    }

    /// The description of the entry's image, where the kind has one.
    pub fn image_alt(&self) -> Option<&str> {
        match &self.data {
            EntryData::Press(p) => p.image_alt.as_deref(),
            EntryData::Initiative(i) => i.image_alt.as_deref(),
            EntryData::Festival(f) => f.image_alt.as_deref(),
            _ => None,
        }
    }

    /// A date for sorting and feeds, where the kind has one.
    pub fn date(&self) -> Option<jiff::civil::Date> {
        match &self.data {
            EntryData::Press(p) => Some(p.date),
            EntryData::Festival(f) => Some(f.date),
            _ => None,
        }
    }
}

/// The input of one entry's language file: what `load` read.
pub struct EntrySource<'a> {
    pub kind: Kind,
    pub stem: &'a str,
    pub lang: Lang,
    pub path: &'a Path,
    /// The text, read.
    pub text: &'a str,
    /// The same text as kept: shared, so the entry's body is a part of it rather than a copy.
    pub kept: &'a Arc<Text>,
    /// The parsed shared `<stem>.yaml`, if there is one.
    pub shared: Option<(&'a Path, &'a Node)>,
}

/// Parses one language file into an entry. Every problem goes into `diagnostics`; `None` when
/// there are no fields to read (an empty file, front matter that is not closed or not YAML).
pub fn parse_entry(
    source: &EntrySource<'_>,
    vocabulary: &Vocabulary<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<Entry> {
    let path = source.path;
    #[cfg(debug_assertions)]
    crate::fault::fail_point(path);
    let (split, node) = front_matter(source, diagnostics)?;
    let mut fields = Fields::merge(source.kind.key(), (path, node), source.shared, diagnostics)
        .keeping_places_of(COMPARED_FIELDS);
    let slug = slug(&mut fields, source, diagnostics);
    let draft = fields.bool("draft", diagnostics);
    // A file `new` made for the other language is the placeholder as a whole (reported as such
    // and never published); in any other, the example texts must be replaced.
    if !crate::scaffold::is_placeholder(source.text) {
        for problem in
            crate::scaffold::placeholder_problems(&fields, split.body, split.body_line, path, draft)
        {
            diagnostics.push(problem);
        }
    }
    let keep_metadata = fields.text_list("keep_metadata", false, diagnostics);
    let aliases = aliases::parse(&mut fields, diagnostics);
    let data = kind_data(source.kind, &mut fields, vocabulary, diagnostics);
    let complete = fields.all_required_read();
    let known: Vec<&str> = COMMON_FIELDS
        .iter()
        .chain(source.kind.fields())
        .copied()
        .collect();
    let field_locations = fields.finish(&known, diagnostics);
    if let (EntryData::Festival(festival), true) = (&data, complete) {
        check_festival_year(source.stem, festival.date, &field_locations, diagnostics);
    }
    Some(Entry {
        kind: source.kind,
        stem: source.stem.to_string(),
        lang: source.lang,
        slug,
        draft,
        keep_metadata,
        aliases,
        field_locations,
        path: path.to_path_buf(),
        body: Body {
            text: Arc::clone(source.kept),
            start: split.body_start,
        },
        body_line: split.body_line,
        body_hash: Some(split.body.trim())
            .filter(|body| !body.is_empty())
            .map(|body| xxhash_rust::xxh3::xxh3_64(body.as_bytes())),
        complete,
        data,
    })
}

/// A festival's file name holds its year (`2025`, `festival-2025`): another year in its date
/// is most often last year's files copied with the date left, and the page would show the old
/// date at the new address.
fn check_festival_year(
    stem: &str,
    date: jiff::civil::Date,
    locations: &[(&'static str, crate::fields::Location)],
    diagnostics: &mut Diagnostics,
) {
    let years: Vec<i16> = (stem.split(|c: char| !c.is_ascii_digit()))
        .filter(|run| run.len() == 4)
        .filter_map(|run| run.parse().ok())
        .collect();
    let ([named], Some((_, (path, line, col)))) = (
        years.as_slice(),
        locations.iter().find(|(n, _)| *n == "date"),
    ) else {
        return;
    };
    if *named != date.year() {
        let message = crate::tr!(
            "festival-year-not-name",
            named = named.to_string(),
            year = date.year().to_string()
        );
        let hint = crate::tr!(
            "festival-year-not-name-hint",
            year = date.year().to_string()
        );
        diagnostics.push(Diagnostic::warning(&**path, *line, *col, message).with_hint(hint));
    }
}

/// The language file split into front matter and body, and its front matter read as YAML;
/// `None`, with the problem reported, for an empty file or front matter that cannot be read.
fn front_matter<'t>(
    source: &EntrySource<'t>,
    diagnostics: &mut Diagnostics,
) -> Option<(frontmatter::Split<'t>, Node)> {
    let path = source.path;
    if source.text.trim().is_empty() {
        diagnostics.push(
            Diagnostic::error(path, 0, 0, crate::tr!("entry-empty"))
                .with_hint(crate::tr!("entry-empty-hint")),
        );
        return None;
    }
    let split = match frontmatter::split(source.text) {
        Ok(split) => split,
        Err(SplitError::NoFrontMatter) => {
            diagnostics.push(
                Diagnostic::error(path, 1, 1, crate::tr!("entry-no-front-matter"))
                    .with_hint(crate::tr!("entry-no-front-matter-hint")),
            );
            return None;
        }
        Err(SplitError::Unclosed { opening_line }) => {
            diagnostics.push(
                Diagnostic::error(path, opening_line, 1, crate::tr!("entry-not-closed"))
                    .with_hint(crate::tr!("entry-not-closed-hint")),
            );
            return None;
        }
    };
    match yaml::parse_fields(split.yaml, split.yaml_line_offset) {
        Ok(node) => Some((split, node)),
        Err(mistakes) => {
            for mistake in mistakes {
                diagnostics.push(mistake.diagnostic(path, yaml::IN_FRONT_MATTER));
            }
            None
        }
    }
}

/// The entry's slug: `slug:` when given (reported when it is not a valid slug), else its stem.
fn slug(
    fields: &mut Fields,
    source: &EntrySource<'_>,
    diagnostics: &mut Diagnostics,
) -> Located<String> {
    match fields.located_text("slug", false, diagnostics) {
        Some(slug) => {
            if slug.value.trim().is_empty() {
                diagnostics.push(
                    slug.error(crate::tr!("entry-empty-slug"))
                        .with_hint(crate::tr!("entry-empty-slug-hint", stem = source.stem)),
                );
            } else if !crate::slug::is_valid_slug(&slug.value) {
                diagnostics.push(
                    slug.error(crate::tr!("entry-bad-slug", value = &slug.value))
                        .with_hint(crate::tr!(
                            "entry-bad-slug-hint",
                            example = crate::slug::slugify(&slug.value)
                        )),
                );
            }
            slug
        }
        None => Located {
            value: source.stem.to_string(),
            path: source.path.into(),
            line: 1,
            col: 1,
        },
    }
}

/// The fields of the entry's own kind.
fn kind_data(
    kind: Kind,
    fields: &mut Fields,
    vocabulary: &Vocabulary<'_>,
    diagnostics: &mut Diagnostics,
) -> EntryData {
    match kind {
        Kind::Home => EntryData::Home(home::parse(fields, diagnostics)),
        Kind::Goal => EntryData::Goal(goal::parse(fields, vocabulary, diagnostics)),
        Kind::Partner => EntryData::Partner(partner::parse(fields, diagnostics)),
        Kind::Press => EntryData::Press(press::parse(fields, diagnostics)),
        Kind::Initiative => {
            EntryData::Initiative(initiative::parse(fields, vocabulary, diagnostics))
        }
        Kind::Festival => EntryData::Festival(festival::parse(fields, diagnostics)),
        Kind::Page => EntryData::Page(page::parse(fields, diagnostics)),
    }
}

/// The field a "missing required field" report names, if `message` is one (as `parse_entry`
/// writes it, in the run's language): for reporting a field missing in every language file
/// once, on the shared file, with [`missing_in_shared_hint`].
pub fn missing_field(message: &str) -> Option<&str> {
    // A mark no field name holds stands for the name: what is around it is the rest of the
    // message for each kind.
    const MARK: &str = "\u{1}";
    KINDS.iter().find_map(|kind| {
        let pattern = crate::tr!("fields-missing", name = MARK, kind = kind.key());
        let (before, after) = pattern.split_once(MARK)?;
        message.strip_prefix(before)?.strip_suffix(after)
    })
}

/// The hint for a required field missing in every language file, reported on the shared file.
pub fn missing_in_shared_hint(field: &str) -> String {
    crate::tr!("fields-add-line-here", name = field)
}

/// Goal numbers in a list field (`goals: [1, 3]`), checked to be 1–9; that the goal exists is
/// checked when references are resolved.
pub(crate) fn goal_numbers(fields: &mut Fields, diagnostics: &mut Diagnostics) -> Vec<Located<u8>> {
    fields
        .text_list("goals", false, diagnostics)
        .into_iter()
        .filter_map(|item| match item.value.parse::<u8>() {
            Ok(n) if n > 0 => Some(Located {
                value: n,
                path: item.path,
                line: item.line,
                col: item.col,
            }),
            _ => {
                diagnostics.push(
                    item.error(crate::tr!("entry-not-goal-number", value = &item.value))
                        .with_hint(crate::tr!("entry-not-goal-number-hint")),
                );
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_field_report_names_its_field() {
        let mut fields = Fields::merge(
            Kind::Initiative.key(),
            (
                Path::new("a.nl.md"),
                yaml::parse("name: x\n", 1).expect("yaml"),
            ),
            None,
            &mut Diagnostics::new(),
        );
        let mut diagnostics = Diagnostics::new();
        fields.text("name", true, &mut diagnostics);
        fields.text("place", true, &mut diagnostics);
        fields.finish(&["name", "place"], &mut diagnostics);
        let found: Vec<Diagnostic> = diagnostics.into_vec();
        assert_eq!(found.len(), 1);
        assert_eq!(missing_field(&found[0].message), Some("place"));
        assert_eq!(missing_field("unknown field `place` for a page"), None);
        assert_eq!(
            missing_in_shared_hint("place"),
            "add a line `place: …` here, or to each language file if it differs per language"
        );
    }
}
