//! `wdhs new`: the files of a new entry — one per language and the shared file where the
//! kind has one — with every required field, hints for the fields that take a vocabulary, and
//! `draft: true`. The language not chosen gets a placeholder that is never published as if it
//! were a translation. Builds text only; `write` creates the files.

use crate::config::Config;
use crate::lang::Lang;
use crate::model::{Kind, PROVINCES};
use jiff::civil::Date;
use std::path::Path;

/// The marker line `new` puts in a language file that still needs translating.
pub const PLACEHOLDER_MARKER: &str = "# wdhs:placeholder";

/// Is this language file still the untranslated placeholder?
pub fn is_placeholder(text: &str) -> bool {
    // Most files do not hold the marker at all: one fast search before looking line by line.
    text.contains(PLACEHOLDER_MARKER)
        && text
            .lines()
            .take(40)
            .any(|line| line.trim_start().starts_with(PLACEHOLDER_MARKER))
}

/// Texts `wdhs new` writes for the editor to replace, in every language. `new` writes them
/// and `check` looks for them: never published (an error in a published entry, a warning in a
/// draft). Each is distinctive enough not to be real text: short ones must be a whole value.
pub fn placeholders() -> impl Iterator<Item = &'static str> {
    let sentences =
        (crate::lang::NEW_FILE_TEXTS.iter()).flat_map(|t| [t.summary, t.body, t.to_translate_body]);
    [PLACE, PROVINCE, THEME, VENUE, ADDRESS, CITY, WEBSITE]
        .into_iter()
        .chain(sentences)
}
const PLACE: &str = "Plaatsnaam";
/// No real province or theme: a real one would be published as written if it was left.
const PROVINCE: &str = "Kies een provincie";
const THEME: &str = "kies-een-thema";
const VENUE: &str = "Naam van de locatie";
const ADDRESS: &str = "Straat 1";
const CITY: &str = "Plaats";
const WEBSITE: &str = "https://www.example.nl";

/// The placeholder in `text`, if it holds one: the whole value, or one of the sentences.
pub fn placeholder_in(text: &str) -> Option<&'static str> {
    let text = text.trim();
    // The title of a page still to translate: `To be translated: Join us`.
    let untranslated = (crate::lang::NEW_FILE_TEXTS.iter())
        .map(|t| t.to_translate)
        .find(|p| {
            text.strip_prefix(p)
                .is_some_and(|rest| rest.starts_with(':'))
        });
    untranslated
        .or_else(|| placeholders().find(|p| text == *p || (p.ends_with('.') && text.contains(p))))
}

/// Placeholders from `wdhs new` left in an entry's fields (shared file included) and text.
pub fn placeholder_problems(
    fields: &crate::fields::Fields,
    body: &str,
    body_line: usize,
    path: &std::path::Path,
    draft: bool,
) -> Vec<crate::diagnostic::Diagnostic> {
    use crate::diagnostic::Diagnostic;
    let mut found = Vec::new();
    let report = |placeholder: &str, path: &std::path::Path, line: usize, col: usize| {
        let message = crate::tr!("new-example-text", text = placeholder);
        let diagnostic = if draft {
            Diagnostic::warning(path, line, col, message)
        } else {
            Diagnostic::error(path, line, col, message)
        };
        diagnostic.with_hint(crate::tr!("new-example-text-hint"))
    };
    fields.each_text(|text, path, line, col| {
        if let Some(placeholder) = placeholder_in(text) {
            found.push(report(placeholder, path, line, col));
        }
    });
    for (index, line) in body.lines().enumerate() {
        if let Some(placeholder) = placeholder_in(line) {
            let col = line[..line.find(placeholder).unwrap_or(0)].chars().count() + 1;
            found.push(report(placeholder, path, body_line + index, col));
        }
    }
    found
}

pub struct NewEntry {
    pub kind: Kind,
    pub title: String,
    /// The language the editor writes first.
    pub lang: Lang,
    pub date: Date,
}

/// The kinds `new` accepts, by the names editors type.
pub fn parse_kind(name: &str) -> Option<Kind> {
    match name {
        "press" | "pers" | "persbericht" => Some(Kind::Press),
        "initiative" | "initiatief" => Some(Kind::Initiative),
        "partner" => Some(Kind::Partner),
        "goal" | "doel" => Some(Kind::Goal),
        "page" | "pagina" => Some(Kind::Page),
        "festival" => Some(Kind::Festival),
        _ => None,
    }
}

pub const KIND_NAMES: &str = "press, initiative, partner, goal, page, festival";

/// (file name, text) for each file to create, in the kind's folder.
pub fn files(
    entry: &NewEntry,
    stem: &str,
    config: &Config,
    next_goal_number: u8,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(shared) = shared_fields(entry, config, next_goal_number) {
        out.push((format!("{stem}.yaml"), shared));
    }
    for lang in &config.languages {
        let placeholder = *lang != entry.lang;
        out.push((
            format!("{stem}.{}.md", lang.code()),
            language_file(entry, *lang, placeholder),
        ));
    }
    out
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

fn shared_fields(entry: &NewEntry, config: &Config, next_goal_number: u8) -> Option<String> {
    let date = entry.date;
    let title = quoted(&entry.title);
    let themes: Vec<&str> = config.themes.iter().map(|(id, _)| id.as_str()).collect();
    let goal_numbers = match config.programme_goals {
        Some(count) => format!("nummers 1–{count}"),
        None => "nummers".to_string(),
    };
    let text = match entry.kind {
        Kind::Press => format!(
            "# Velden die alle talen delen. / Fields all languages share.\ndate: {date}\n# Partners over wie dit bericht gaat: de bestandsnamen in content/partners/, bijvoorbeeld [katalys, lvkk].\npartners: []\n# Doelen van het actieprogramma ({goal_numbers}), bijvoorbeeld [2, 3].\ngoals: []\n# Wie persvragen beantwoordt: een partner, zoals press_contact: \"Katalys\" (nooit een persoonlijk telefoonnummer of e-mailadres).\n# Zonder partner verwijst de pagina naar de partners van het bericht.\n# press_contact: \"…\"\n"
        ),
        Kind::Initiative => format!(
            "# Velden die alle talen delen. / Fields all languages share.\nname: {title}\nplace: \"{PLACE}\"\n# Kies één van: {}.\nprovince: \"{PROVINCE}\"\n# Kies uit: {}.\nthemes: [{THEME}]\n# Doelen van het actieprogramma ({goal_numbers}).\ngoals: []\n# website: \"https://…\"\n# founded: 2020\nfeatured: false\n",
            PROVINCES.join(", "),
            themes.join(", ")
        ),
        Kind::Partner => format!(
            "# Velden die alle talen delen. / Fields all languages share.\nname: {title}\n# Het webadres van de organisatie.\nurl: \"{WEBSITE}\"\n# core (kernpartner) of signatory (ondertekenaar van de intentieverklaring).\nrole: signatory\njoined: {date}\n# logo: logos/naam.svg\n"
        ),
        Kind::Goal => format!(
            "# Velden die alle talen delen. / Fields all languages share.\n# Het nummer van het doel; de doelen 1 tot en met {} bestaan al.\nnumber: {next_goal_number}\ntarget_year: {}\n",
            next_goal_number.saturating_sub(1),
            date.year() + 1
        ),
        Kind::Festival => format!(
            "# Velden die alle talen delen. / Fields all languages share.\ndate: {date}\nvenue: \"{VENUE}\"\naddress: \"{ADDRESS}\"\ncity: \"{CITY}\"\n# Kernpartners: de bestandsnamen in content/partners/.\npartners: []\n"
        ),
        Kind::Page | Kind::Home => return None,
    };
    Some(text)
}

fn language_file(entry: &NewEntry, lang: Lang, placeholder: bool) -> String {
    let texts = crate::lang::new_file_texts(lang);
    let title = if placeholder {
        quoted(&format!("{}: {}", texts.to_translate, entry.title))
    } else {
        quoted(&entry.title)
    };
    let summary = quoted(texts.summary);
    let body = if placeholder {
        format!("{}\n", texts.to_translate_body)
    } else {
        format!("{} {}\n", texts.body, texts.heading_hint)
    };
    let mut front = String::from("---\n");
    if placeholder {
        front.push_str(&format!(
            "{PLACEHOLDER_MARKER} — {}\n",
            texts.to_translate_marker
        ));
    }
    match entry.kind {
        Kind::Press | Kind::Goal | Kind::Festival | Kind::Home => {
            front.push_str(&format!("title: {title}\nsummary: {summary}\n"));
        }
        Kind::Page => front.push_str(&format!("title: {title}\n")),
        Kind::Partner | Kind::Initiative => front.push_str(&format!("summary: {summary}\n")),
    }
    if entry.kind == Kind::Festival {
        front.push_str(&format!(
            "programme:\n  - time: \"{}\"\n    title: \"Opening\"\n    description: \"\"\n",
            texts.opening_time
        ));
    }
    front.push_str("# Haal deze regel weg om te publiceren. / Delete this line to publish.\ndraft: true\n---\n");
    front.push_str(&body);
    front
}

/// What `wdhs new` was asked for, as typed.
pub struct NewRequest<'a> {
    pub root: &'a std::path::Path,
    pub kind: &'a str,
    pub title: &'a str,
    /// The language written first; the site's first language when not given.
    pub lang: Option<&'a str>,
    pub date: Option<&'a str>,
    pub today: Date,
}

/// Why nothing was written; `usage` errors exit with 2, an existing entry with 1.
pub struct NewError {
    pub message: String,
    pub hint: String,
    pub usage: bool,
}

fn usage(message: String, hint: String) -> NewError {
    NewError {
        message,
        hint,
        usage: true,
    }
}

/// Creates the entry's files; returns their paths relative to the site root.
pub fn create(request: &NewRequest<'_>) -> Result<Vec<String>, NewError> {
    let config = site_config(request)?;
    let (entry, stem) = new_entry(request, &config)?;
    let kind = entry.kind;
    let folder = request.root.join("content").join(kind.folder());
    check_inside(request.root, &folder)?;
    check_free(&folder, &stem, kind)?;
    let next_goal = next_goal(request.root, &config, kind)?;
    let mut written = Vec::new();
    for (name, text) in files(&entry, &stem, &config, next_goal) {
        crate::write::create_new_file(&folder.join(&name), &text).map_err(|e| NewError {
            message: crate::tr!(
                "new-cannot-write",
                path = format!("content/{}/{name}", kind.folder()),
                error = e.to_string()
            ),
            hint: String::new(),
            usage: true,
        })?;
        written.push(format!("content/{}/{name}", kind.folder()));
    }
    Ok(written)
}

/// The section's folder, when it exists, must lie inside the site's `content/` (which must lie
/// inside the site): `new` writes nowhere `build` would not read.
fn check_inside(root: &Path, folder: &Path) -> Result<(), NewError> {
    let mut found = crate::diagnostic::Diagnostics::new();
    let content = crate::load::canonical_within(root, &root.join("content"), &mut found);
    let problem = match content {
        Some(content) if std::fs::symlink_metadata(folder).is_ok() => {
            crate::load::link_problem(root, folder, &content)
        }
        Some(_) => None,
        None => found.iter().next().cloned(),
    };
    match problem {
        Some(d) => Err(usage(d.message, d.hint.unwrap_or_default())),
        None => Ok(()),
    }
}

/// The entry the request asks for, and its stem (the title as a slug).
fn new_entry(request: &NewRequest<'_>, config: &Config) -> Result<(NewEntry, String), NewError> {
    let kind = parse_kind(request.kind).ok_or_else(|| {
        usage(
            crate::tr!("new-unknown-kind", kind = request.kind),
            crate::tr!("new-unknown-kind-hint", kinds = KIND_NAMES),
        )
    })?;
    let lang = match request.lang {
        None => config.default_lang(),
        Some(code) => Lang::find(&config.languages, code).ok_or_else(|| {
            usage(
                crate::tr!("new-not-site-language", lang = code),
                crate::tr!(
                    "new-site-languages-hint",
                    codes = crate::config::codes(&config.languages)
                ),
            )
        })?,
    };
    let date = match request.date {
        Some(text) => crate::lang::parse_date(text).ok_or_else(|| {
            usage(
                crate::tr!("new-bad-date", value = text),
                crate::tr!("new-bad-date-hint"),
            )
        })?,
        None => request.today,
    };
    let stem = crate::slug::slugify(request.title);
    if stem.is_empty() {
        return Err(usage(
            crate::tr!("new-no-letters", title = request.title),
            crate::tr!("new-no-letters-hint"),
        ));
    }
    let entry = NewEntry {
        kind,
        title: request.title.to_string(),
        lang,
        date,
    };
    Ok((entry, stem))
}

/// The site's settings.
fn site_config(request: &NewRequest<'_>) -> Result<Config, NewError> {
    let config_text = crate::load::read_config_text(request.root)
        .map_err(|_| usage(crate::tr!("new-no-site"), crate::tr!("new-no-site-hint")))?;
    Ok(crate::config::parse_config(
        &config_text,
        &crate::config::config_path(),
        &mut crate::diagnostic::Diagnostics::new(),
    ))
}

/// The names of the files in `dir`; none when it cannot be read.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// No entry with this stem exists in the kind's folder, in any language.
fn check_free(folder: &std::path::Path, stem: &str, kind: Kind) -> Result<(), NewError> {
    let prefix = format!("{stem}.");
    if names_in(folder)
        .iter()
        .any(|n| n.starts_with(&prefix) && (n.ends_with(".md") || n.ends_with(".yaml")))
    {
        return Err(NewError {
            message: crate::tr!(
                "new-exists",
                path = format!("content/{}/{stem}", kind.folder())
            ),
            hint: crate::tr!("new-exists-hint"),
            usage: false,
        });
    }
    Ok(())
}

/// The number a new goal gets; an error for a new goal when the programme has all its goals.
fn next_goal(root: &std::path::Path, config: &Config, kind: Kind) -> Result<u8, NewError> {
    let goals = names_in(&root.join("content/goals"))
        .iter()
        .filter(|n| n.ends_with(".yaml"))
        .count();
    let next_goal = u8::try_from(goals + 1).unwrap_or(u8::MAX);
    if let Some(count) = config.programme_goals
        && kind == Kind::Goal
        && next_goal > count
    {
        return Err(NewError {
            message: crate::tr!("new-goals-complete", count = count),
            hint: crate::tr!("new-goals-complete-hint"),
            usage: false,
        });
    }
    Ok(next_goal)
}
