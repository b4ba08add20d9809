//! Reads the theme: tera templates, CSS, script and UI strings per language, from
//! `themes/default/` in the site, or the copy built into wdhs when the site has none.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::yaml::{self, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub const THEME_DIR: &str = "themes/default";

pub struct Theme {
    /// (template name, source text, path for messages)
    pub templates: Vec<(String, String, PathBuf)>,
    pub css: String,
    pub js: String,
    pub strings: BTreeMap<Lang, BTreeMap<String, String>>,
    /// Other files in `static/` (fonts, icons), copied as they are: (relative path, bytes).
    pub static_files: Vec<(String, Vec<u8>)>,
}

macro_rules! embedded_templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}

const EMBEDDED_TEMPLATES: &[(&str, &str)] = embedded_templates![
    "base.html",
    "partial_goal_card.html",
    "partial_press_card.html",
    "partial_initiative_card.html",
    "partial_directory_filters.html",
    "partial_partner_card.html",
    "partial_pagination.html",
    "partial_untranslated.html",
    "home.html",
    "goals.html",
    "goal.html",
    "partners.html",
    "partner.html",
    "press_list.html",
    "press.html",
    "initiatives.html",
    "initiative.html",
    "festival_list.html",
    "festival.html",
    "page.html",
    "search.html",
    "404.html",
];
/// The templates a theme must have: one per page type, the built-in theme's templates other
/// than the base layout and the partials it shares.
pub fn page_templates() -> impl Iterator<Item = &'static str> {
    EMBEDDED_TEMPLATES
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| *name != "base.html" && !name.starts_with("partial_"))
}

const EMBEDDED_CSS: &str = include_str!("../themes/default/static/style.css");
const EMBEDDED_JS: &str = include_str!("../themes/default/static/site.js");
/// The theme's other files, as `read_theme_dir` finds them in `static/`: fonts (with their
/// licence), the icon, and under `root/` the files published at the site's root.
const EMBEDDED_STATIC: &[(&str, &[u8])] = &[
    (
        "og-default.png",
        include_bytes!("../themes/default/static/og-default.png"),
    ),
    (
        "icon.svg",
        include_bytes!("../themes/default/static/icon.svg"),
    ),
    (
        "fonts/OFL.txt",
        include_bytes!("../themes/default/static/fonts/OFL.txt"),
    ),
    (
        "fonts/source-sans-3-400.woff2",
        include_bytes!("../themes/default/static/fonts/source-sans-3-400.woff2"),
    ),
    (
        "fonts/source-sans-3-600.woff2",
        include_bytes!("../themes/default/static/fonts/source-sans-3-600.woff2"),
    ),
    (
        "fonts/source-sans-3-700.woff2",
        include_bytes!("../themes/default/static/fonts/source-sans-3-700.woff2"),
    ),
    (
        "root/apple-touch-icon.png",
        include_bytes!("../themes/default/static/root/apple-touch-icon.png"),
    ),
    (
        "root/favicon.ico",
        include_bytes!("../themes/default/static/root/favicon.ico"),
    ),
];
/// Static files below this folder are published at the site's root (`favicon.ico`), the others
/// below `assets/`.
pub const ROOT_STATIC: &str = "root/";
/// The built-in theme's string files, by language code.
const EMBEDDED_STRINGS: &[(&str, &str)] = &[
    ("nl", include_str!("../themes/default/i18n/nl.yaml")),
    ("en", include_str!("../themes/default/i18n/en.yaml")),
    ("fy", include_str!("../themes/default/i18n/fy.yaml")),
];

/// The theme in `root/themes/default`, or the built-in one.
pub fn load_theme(root: &Path, languages: &[Lang], diagnostics: &mut Diagnostics) -> Theme {
    let dir = root.join(THEME_DIR);
    let mut theme = if dir.is_dir() {
        read_theme_dir(root, &dir, languages, diagnostics)
    } else {
        embedded(languages, diagnostics)
    };
    theme.templates.sort_by(|a, b| a.0.cmp(&b.0));
    theme
}

fn embedded(languages: &[Lang], diagnostics: &mut Diagnostics) -> Theme {
    let mut files = BTreeMap::new();
    for lang in languages {
        let path = strings_path(*lang);
        match EMBEDDED_STRINGS
            .iter()
            .find(|(code, _)| *code == lang.code())
        {
            Some((_, text)) => {
                files.insert(*lang, parse_strings(text, &path, diagnostics));
            }
            None => diagnostics.push(no_strings_for(*lang)),
        }
    }
    let strings = check_strings(files, languages, diagnostics);
    Theme {
        templates: EMBEDDED_TEMPLATES
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    text.to_string(),
                    PathBuf::from(format!("{THEME_DIR}/templates/{name}")),
                )
            })
            .collect(),
        css: EMBEDDED_CSS.to_string(),
        js: EMBEDDED_JS.to_string(),
        strings,
        static_files: EMBEDDED_STATIC
            .iter()
            .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
            .collect(),
    }
}

/// Reads the theme in `dir`; the embedded theme when the folder leads outside the site.
fn read_theme_dir(
    root: &Path,
    dir: &Path,
    languages: &[Lang],
    diagnostics: &mut Diagnostics,
) -> Theme {
    // The theme may link to its own files, never out of its folder (see `load::link_problem`).
    let Some(within) = crate::load::canonical_within(root, dir, diagnostics) else {
        return embedded(languages, diagnostics);
    };
    let theme_dir = ThemeDir { root, within };
    let refused = std::cell::RefCell::new(Vec::new());
    let templates = theme_dir.templates(&dir.join("templates"), &refused, diagnostics);
    let css = (theme_dir.read(&dir.join("static/style.css"), diagnostics)).unwrap_or_default();
    let js = (theme_dir.read(&dir.join("static/site.js"), diagnostics)).unwrap_or_default();
    let static_files = theme_dir.static_files(&dir.join("static"), &refused);
    for problem in refused.into_inner() {
        diagnostics.push(problem);
    }
    let mut files = BTreeMap::new();
    for lang in languages {
        let path = root.join(strings_path(*lang));
        if !path.exists() && !path.is_symlink() {
            diagnostics.push(no_strings_for(*lang));
        } else if let Some(text) = theme_dir.read(&path, diagnostics) {
            files.insert(
                *lang,
                parse_strings(&text, &theme_dir.rel(&path), diagnostics),
            );
        }
    }
    let strings = check_strings(files, languages, diagnostics);
    Theme {
        templates,
        css,
        js,
        strings,
        static_files,
    }
}

/// A theme folder being read: the site root (paths in messages are relative to it) and the
/// canonical folder no file of the theme may lead out of.
struct ThemeDir<'a> {
    root: &'a Path,
    within: PathBuf,
}

impl ThemeDir<'_> {
    /// `path` relative to the site root, for messages.
    fn rel(&self, path: &Path) -> PathBuf {
        path.strip_prefix(self.root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| path.to_path_buf())
    }

    /// Whether `path` is a link that leads out of the theme (reported).
    fn outside(&self, path: &Path, diagnostics: &mut Diagnostics) -> bool {
        let problem = path
            .is_symlink()
            .then(|| crate::load::link_problem(self.root, path, &self.within))
            .flatten();
        problem.map(|p| diagnostics.push(p)).is_some()
    }

    /// The text of a file of the theme; `None`, with the problem reported, when it leads out of
    /// the theme, cannot be read or is not UTF-8.
    fn read(&self, path: &Path, diagnostics: &mut Diagnostics) -> Option<String> {
        if self.outside(path, diagnostics) {
            return None;
        }
        match std::fs::read(path) {
            Ok(bytes) => match crate::load::decode_utf8(&self.rel(path), bytes) {
                Ok(text) => Some(text),
                Err(d) => {
                    diagnostics.push(d);
                    None
                }
            },
            Err(error) => {
                diagnostics.push(
                    Diagnostic::error(
                        self.rel(path),
                        0,
                        0,
                        crate::tr!("theme-cannot-read", error = crate::i18n::io_error(&error)),
                    )
                    .with_hint(crate::tr!("theme-cannot-read-hint")),
                );
                None
            }
        }
    }

    /// Every template below `templates_dir`: its name there (with `/`), text and path.
    fn templates(
        &self,
        templates_dir: &Path,
        refused: &std::cell::RefCell<Vec<Diagnostic>>,
        diagnostics: &mut Diagnostics,
    ) -> Vec<(String, String, PathBuf)> {
        let mut templates = Vec::new();
        for entry in crate::load::walk_files(self.root, templates_dir, &self.within, refused) {
            let Ok(inner) = entry.path().strip_prefix(templates_dir) else {
                continue;
            };
            let template_name = inner.to_string_lossy().replace('\\', "/");
            if let Some(text) = self.read(entry.path(), diagnostics) {
                templates.push((template_name, text, self.rel(entry.path())));
            }
        }
        templates
    }

    /// Every file below `static_dir` but the style sheet and script (read on their own), by
    /// its path there (with `/`).
    fn static_files(
        &self,
        static_dir: &Path,
        refused: &std::cell::RefCell<Vec<Diagnostic>>,
    ) -> Vec<(String, Vec<u8>)> {
        let mut static_files = Vec::new();
        for entry in crate::load::walk_files(self.root, static_dir, &self.within, refused) {
            let name = entry.file_name().to_string_lossy();
            if name == "style.css" || name == "site.js" {
                continue;
            }
            if let (Ok(inner), Ok(bytes)) = (
                entry.path().strip_prefix(static_dir),
                std::fs::read(entry.path()),
            ) {
                static_files.push((inner.to_string_lossy().replace('\\', "/"), bytes));
            }
        }
        static_files
    }
}

/// A string file of the theme as read: its texts, where each key stands, and whether its
/// YAML parsed at all (a file that did not is reported once, not once per string it lacks).
struct StringsFile {
    texts: BTreeMap<String, String>,
    places: BTreeMap<String, (usize, usize)>,
    parsed: bool,
}

/// `key: text` lines.
fn parse_strings(text: &str, path: &Path, diagnostics: &mut Diagnostics) -> StringsFile {
    let mut file = StringsFile {
        texts: BTreeMap::new(),
        places: BTreeMap::new(),
        parsed: true,
    };
    let node = match yaml::parse(text, 0) {
        Ok(node) => node,
        Err(error) => {
            diagnostics.push(error.diagnostic(path, ""));
            file.parsed = false;
            return file;
        }
    };
    let Value::Map(entries) = node.value else {
        return file;
    };
    for (key, value) in entries {
        match value.as_text() {
            Some(text) => {
                if let Some(problem) = crate::lang::check_string(&key.name, &text) {
                    diagnostics.push(Diagnostic::error(path, value.line, value.col, problem));
                }
                file.places.insert(key.name.clone(), (key.line, key.col));
                file.texts.insert(key.name, text);
            }
            None => diagnostics.push(Diagnostic::error(
                path,
                value.line,
                value.col,
                crate::tr!("theme-ui-text-not-text", key = &key.name),
            )),
        }
    }
    file
}

/// The built-in theme's strings (those of its first language file), read once: which keys
/// there are, and the `{placeholders}` each may use.
fn built_in_strings() -> &'static BTreeMap<String, String> {
    static STRINGS: std::sync::LazyLock<BTreeMap<String, String>> =
        std::sync::LazyLock::new(|| {
            let Some((code, text)) = EMBEDDED_STRINGS.first() else {
                return BTreeMap::new();
            };
            let path = PathBuf::from(format!("{THEME_DIR}/i18n/{code}.yaml"));
            parse_strings(text, &path, &mut Diagnostics::new()).texts
        });
    &STRINGS
}

/// Where the theme keeps the strings of `lang`, below the site root.
fn strings_path(lang: Lang) -> PathBuf {
    PathBuf::from(format!("{THEME_DIR}/i18n/{}.yaml", lang.code()))
}

pub fn no_strings_for(lang: Lang) -> Diagnostic {
    let path = strings_path(lang);
    Diagnostic::error(
        &path,
        0,
        0,
        crate::tr!("theme-no-strings-for", code = lang.code()),
    )
    .with_hint(crate::tr!(
        "theme-no-strings-for-hint",
        code = lang.code(),
        path = path.display()
    ))
}

/// Every language must have every UI string, or a template would fail in one language only:
/// every key the others have and the built-in theme has (the code asks for some of them, and
/// a theme copied from an older wdhs may lack a new one); and each must say what the language
/// is (`lang::LANGUAGE_KEYS`) and name every language of the site (`name_of_fy`), which the
/// notices of untranslated pages use. A key of one file only that is close to one it lacks
/// is a misspelling, reported there; a `{placeholder}` the built-in text does not have is
/// never filled in. Returns the texts, with what is missing filled by its key, so that one
/// mistake is reported once and not again by every template that uses the string.
fn check_strings(
    files: BTreeMap<Lang, StringsFile>,
    languages: &[Lang],
    diagnostics: &mut Diagnostics,
) -> BTreeMap<Lang, BTreeMap<String, String>> {
    let names: Vec<String> = (languages.iter())
        .map(|l| format!("name_of_{}", l.code()))
        .collect();
    let required: BTreeSet<&str> = (crate::lang::LANGUAGE_KEYS.iter().copied())
        .chain(names.iter().map(String::as_str))
        .chain(built_in_strings().keys().map(String::as_str))
        .collect();
    let misspelt = misspelt_keys(&files, &required, diagnostics);
    let mut all: BTreeSet<&str> = (files.values())
        .flat_map(|f| f.texts.keys())
        .map(String::as_str)
        .filter(|key| !misspelt.iter().any(|(_, wrong, _)| wrong == key))
        .collect();
    all.extend(required.iter().copied());
    for (lang, file) in files.iter().filter(|(_, f)| f.parsed) {
        check_placeholders(*lang, file, diagnostics);
        let meant = |key: &str| {
            misspelt
                .iter()
                .any(|(l, _, close)| l == lang && *close == key)
        };
        for key in all
            .iter()
            .filter(|k| !file.texts.contains_key(**k) && !meant(k))
        {
            diagnostics.push(
                Diagnostic::error(
                    strings_path(*lang),
                    0,
                    0,
                    crate::tr!("theme-ui-text-missing", key = *key),
                )
                .with_hint(crate::tr!(
                    "theme-ui-text-missing-hint",
                    key = *key,
                    lang = lang.code()
                )),
            );
        }
    }
    let all: Vec<String> = all.into_iter().map(str::to_string).collect();
    (files.into_iter())
        .map(|(lang, file)| {
            let mut texts = file.texts;
            for key in &all {
                texts.entry(key.clone()).or_insert_with(|| key.clone());
            }
            (lang, texts)
        })
        .collect()
}

/// Keys of one file only, close to a key that file lacks: each reported at its line with the
/// key meant. (language, the key as written, the key meant)
fn misspelt_keys<'a>(
    files: &'a BTreeMap<Lang, StringsFile>,
    required: &BTreeSet<&'a str>,
    diagnostics: &mut Diagnostics,
) -> Vec<(Lang, &'a str, &'a str)> {
    let mut found = Vec::new();
    for (lang, file) in files {
        let lacks: Vec<&str> = (required.iter().copied())
            .filter(|k| !file.texts.contains_key(*k))
            .collect();
        for (key, (line, col)) in &file.places {
            let elsewhere = (files.iter()).any(|(l, f)| l != lang && f.texts.contains_key(key));
            if required.contains(key.as_str()) || elsewhere {
                continue;
            }
            if let Some(close) = crate::diagnostic::suggest(key, lacks.iter().copied()) {
                let message = crate::tr!("theme-ui-text-unknown", key = key.as_str());
                let hint = crate::fields::did_you_mean(close);
                let at = strings_path(*lang);
                diagnostics.push(Diagnostic::error(at, *line, *col, message).with_hint(hint));
                found.push((*lang, key.as_str(), close));
            }
        }
    }
    found
}

/// Reports a `{placeholder}` in a text that the built-in theme's text of that key does not
/// have: nothing fills it in, and readers would see `{taal}`.
fn check_placeholders(lang: Lang, file: &StringsFile, diagnostics: &mut Diagnostics) {
    for (key, text) in &file.texts {
        let Some(built_in) = built_in_strings().get(key) else {
            continue;
        };
        let allowed = placeholders(built_in);
        let Some(unknown) = placeholders(text)
            .into_iter()
            .find(|p| !allowed.contains(p))
        else {
            continue;
        };
        let (line, col) = file.places.get(key).copied().unwrap_or((0, 0));
        let hint = if allowed.is_empty() {
            crate::tr!("theme-ui-text-no-placeholders")
        } else {
            crate::tr!("theme-ui-text-placeholders", list = allowed.join(", "))
        };
        let message = crate::tr!(
            "theme-ui-text-unknown-placeholder",
            placeholder = unknown,
            key = key.as_str()
        );
        diagnostics.push(Diagnostic::error(strings_path(lang), line, col, message).with_hint(hint));
    }
}

/// The `{word}`s in a text.
fn placeholders(text: &str) -> Vec<&str> {
    text.match_indices('{')
        .filter_map(|(at, _)| {
            let rest = &text[at..];
            let end = rest.find('}')?;
            let word = &rest[1..end];
            (!word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .then(|| &rest[..=end])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// The built-in theme has every file of `themes/default/static/` (fonts, their licence, the
    /// icons): a site without a theme folder of its own gets them too.
    #[test]
    fn every_static_file_is_built_in() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static");
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| {
                let name = e
                    .path()
                    .strip_prefix(&dir)
                    .ok()?
                    .to_string_lossy()
                    .replace('\\', "/");
                (name != "style.css" && name != "site.js").then_some(name)
            })
            .collect();
        on_disk.sort();
        let mut built_in: Vec<String> = super::EMBEDDED_STATIC
            .iter()
            .map(|(name, _)| name.to_string())
            .collect();
        built_in.sort();
        assert_eq!(built_in, on_disk);
    }

    /// Heading ids keep clear of the ids the templates use (`markdown::THEME_IDS`): a template
    /// that gains an id must add it there.
    #[test]
    fn every_id_in_the_templates_is_reserved_for_the_theme() {
        for (name, text) in super::EMBEDDED_TEMPLATES {
            for (at, _) in text.match_indices(" id=\"") {
                let id: String = text[at + 5..].chars().take_while(|c| *c != '"').collect();
                if !id.contains('{') {
                    assert!(
                        crate::markdown::THEME_IDS.contains(&id.as_str()),
                        "{name}: id `{id}` is not in markdown::THEME_IDS"
                    );
                }
            }
        }
    }
}
