//! `wdhs translations`: one row per entry with the state of each language (present, missing,
//! placeholder) and whether a translation is older than its source, sorted so the work left is
//! on top; as text, Markdown (for CI summaries) or JSON.

use crate::history::Change;
use crate::lang::Lang;
use crate::load::Loaded;
use crate::model::Kind;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Missing,
    Placeholder,
    Present,
}

impl State {
    /// The state in the table, in the run's language (JSON keeps the English keys).
    fn word(self) -> String {
        match self {
            State::Missing => crate::tr!("translations-missing"),
            State::Placeholder => crate::tr!("translations-placeholder"),
            State::Present => crate::tr!("translations-present"),
        }
    }
}

/// `outdated` in the table, in the run's language.
fn outdated_word(outdated: &str) -> String {
    match outdated {
        "yes" => crate::tr!("translations-yes"),
        "no" => crate::tr!("translations-no"),
        _ => crate::tr!("translations-unknown"),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub kind: &'static str,
    pub stem: String,
    /// Each language of the site with its state, in site.yaml's order (JSON keeps it).
    #[serde(serialize_with = "in_order")]
    pub languages: Vec<(&'static str, State)>,
    /// "yes", "no" or "unknown" (no git history).
    pub outdated: &'static str,
}

impl Row {
    fn work_left(&self) -> bool {
        self.outdated == "yes" || self.languages.iter().any(|(_, s)| *s != State::Present)
    }
}

/// Each language file of one entry: its state and path, by language.
type Present = BTreeMap<Lang, (State, PathBuf)>;

/// Every entry of the site, work left first, then by kind and stem.
pub fn rows(
    loaded: &Loaded,
    languages: &[Lang],
    history: Option<&HashMap<PathBuf, Change>>,
) -> Vec<Row> {
    let mut entries: BTreeMap<(Kind, String), Present> = BTreeMap::new();
    for file in &loaded.language_files {
        let state = if crate::scaffold::is_placeholder(&file.file.text.read()) {
            State::Placeholder
        } else {
            State::Present
        };
        entries
            .entry((file.kind, file.stem.clone()))
            .or_default()
            .insert(file.lang, (state, file.file.path.clone()));
    }
    let source = languages.first().copied().unwrap_or_else(Lang::fallback);
    let mut rows: Vec<Row> = entries
        .into_iter()
        .map(|((kind, stem), present)| Row {
            kind: if kind == Kind::Home {
                "home"
            } else {
                kind.folder()
            },
            stem,
            languages: (languages.iter())
                .map(|l| (l.code(), present.get(l).map_or(State::Missing, |(s, _)| *s)))
                .collect(),
            outdated: outdated(&present, source, history),
        })
        .collect();
    rows.sort_by(|a, b| (!a.work_left(), a.kind, &a.stem).cmp(&(!b.work_left(), b.kind, &b.stem)));
    rows
}

/// "yes" when a translation was last committed before its source (the first language's file),
/// "no" when none was, "unknown" without git history.
fn outdated(
    present: &Present,
    source: Lang,
    history: Option<&HashMap<PathBuf, Change>>,
) -> &'static str {
    let Some(changes) = history else {
        return "unknown";
    };
    let source_change = present
        .get(&source)
        .and_then(written)
        .and_then(|p| changes.get(p));
    let older = (present.iter())
        .filter(|(lang, _)| **lang != source)
        .filter_map(|(_, file)| written(file))
        .any(|path| {
            matches!((source_change, changes.get(path)), (Some(a), Some(b)) if a.time > b.time)
        });
    if older { "yes" } else { "no" }
}

/// The path of a language file that is written, not a placeholder.
fn written((state, path): &(State, PathBuf)) -> Option<&PathBuf> {
    (*state == State::Present).then_some(path)
}

pub fn format_text(rows: &[Row], languages: &[Lang]) -> String {
    let mut table: Vec<Vec<String>> = vec![header(languages)];
    for row in rows {
        table.push(cells(row));
    }
    let widths: Vec<usize> = (0..table[0].len())
        .map(|i| {
            table
                .iter()
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &table {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out.push_str(&summary(rows));
    out
}

pub fn format_markdown(rows: &[Row], languages: &[Lang]) -> String {
    let mut out = format!("### {}\n\n", crate::tr!("translations-heading"));
    let head = header(languages);
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
    for row in rows {
        out.push_str(&format!("| {} |\n", cells(row).join(" | ")));
    }
    out.push('\n');
    out.push_str(&summary(rows));
    out
}

/// A JSON object with the languages as keys, in the order given rather than sorted.
fn in_order<S: serde::Serializer>(
    languages: &[(&'static str, State)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(languages.iter().map(|(code, state)| (code, state)))
}

pub fn format_json(rows: &[Row]) -> String {
    serde_json::to_string_pretty(rows).unwrap_or_else(|_| "[]".to_string()) + "\n"
}

fn header(languages: &[Lang]) -> Vec<String> {
    let mut head = vec![
        crate::tr!("translations-kind"),
        crate::tr!("translations-stem"),
    ];
    head.extend(languages.iter().map(|l| l.code().to_string()));
    head.push(crate::tr!("translations-outdated"));
    head
}

fn cells(row: &Row) -> Vec<String> {
    let mut cells = vec![row.kind.to_string(), row.stem.clone()];
    cells.extend(row.languages.iter().map(|(_, state)| state.word()));
    cells.push(outdated_word(row.outdated));
    cells
}

fn summary(rows: &[Row]) -> String {
    let left = rows.iter().filter(|r| r.work_left()).count();
    crate::tr!("translations-summary", entries = rows.len(), left = left) + "\n"
}

#[derive(Debug, Clone, Copy)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

/// The whole `wdhs translations` output for the site at `root`.
pub fn report(root: &std::path::Path, format: Format) -> Result<String, String> {
    let mut diagnostics = crate::diagnostic::Diagnostics::new();
    let text =
        crate::load::read_config_text(root).map_err(|_| crate::tr!("translations-no-site"))?;
    let config =
        crate::config::parse_config(&text, &crate::config::config_path(), &mut diagnostics);
    let loaded = crate::load::load(root, &config.languages, &mut diagnostics);
    let history = crate::history::last_changes(root);
    let rows = rows(&loaded, &config.languages, history.as_ref().ok());
    let mut out = match format {
        Format::Text => format_text(&rows, &config.languages),
        Format::Markdown => format_markdown(&rows, &config.languages),
        Format::Json => format_json(&rows),
    };
    if let (Err(reason), false) = (&history, matches!(format, Format::Json)) {
        let note = crate::tr!("translations-outdated-unknown", reason = reason);
        out.push_str(&crate::tr!("check-note", note = note));
        out.push('\n');
    }
    Ok(out)
}
