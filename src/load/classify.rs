//! What a file below `content/` is — the settings, a language or shared-fields file of an
//! entry, or a file beside the content — and the rules for its name and type.

use super::*;

/// What a file below `content/` is: the settings, a language file or shared file of an entry,
/// or a file beside the content. `None`, with the problem reported, for a file that is none
/// of these (or is for the editors only).
pub(super) fn classify(
    root: &Path,
    content: &Path,
    path: &Path,
    languages: &[Lang],
    diagnostics: &mut Diagnostics,
) -> Option<Found> {
    let rel_root = relative(root, path);
    let inside = path.strip_prefix(content).ok()?;
    let parts: Vec<String> = inside
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let name = parts.last()?.clone();
    if parts.len() == 1 {
        return classify_top(&name, languages, rel_root);
    }
    let Some(kind) = Kind::from_folder(&parts[0]) else {
        if parts.len() == 2 {
            diagnostics.push(unknown_folder(
                &relative(root, &content.join(&parts[0])),
                &parts[0],
            ));
        }
        return None;
    };
    if parts.len() == 2 {
        if let Some(problem) = stem_problem(&name, languages, &rel_root) {
            diagnostics.push(problem);
            return None;
        }
        if let Some((stem, lang)) = language_file_name(&name, languages) {
            return Some(Found::Language {
                kind,
                stem: stem.to_string(),
                lang,
                path: rel_root,
            });
        }
        if let Some(stem) = name
            .strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))
        {
            return Some(Found::Shared {
                kind,
                stem: stem.to_string(),
                path: rel_root,
            });
        }
        if let Some(stem) = name.strip_suffix(".md") {
            diagnostics.push(language_missing(stem, languages, rel_root));
            return None;
        }
    }
    if parts.len() > 2
        && (name.ends_with(".md") || name.ends_with(".yaml") || name.ends_with(".yml"))
    {
        diagnostics.push(nested_entry(rel_root, &parts[0], &name));
        return None;
    }
    if let Some(problem) = asset_problem(&parts[1..], &rel_root) {
        diagnostics.push(problem);
        return None;
    }
    Some(Found::Asset(Asset {
        kind,
        relative: parts[1..].join("/"),
        path: rel_root,
        absolute: path.to_path_buf(),
    }))
}

/// The error for an entry's file in a folder below its kind's: entries are not nested.
fn nested_entry(rel_root: PathBuf, folder: &str, name: &str) -> Diagnostic {
    Diagnostic::error(
        rel_root,
        0,
        0,
        crate::tr!("load-nested-entry", folder = folder),
    )
    .with_hint(crate::tr!(
        "load-nested-entry-hint",
        folder = folder,
        name = name
    ))
}

/// A file at the top of `content/`: the settings or a language file of the home page.
fn classify_top(name: &str, languages: &[Lang], rel_root: PathBuf) -> Option<Found> {
    if name == "site.yaml" {
        return Some(Found::Config(rel_root));
    }
    if let Some((stem, lang)) = language_file_name(name, languages)
        && stem == "home"
    {
        return Some(Found::Language {
            kind: Kind::Home,
            stem: stem.to_string(),
            lang,
            path: rel_root,
        });
    }
    // Other files at the top (CREDITS.md, README.md) are for the people who edit the site.
    None
}

/// The warning for a folder in `content/` that is no kind, with the one meant.
fn unknown_folder(path: &Path, folder: &str) -> Diagnostic {
    let known: Vec<&str> = crate::model::KINDS
        .iter()
        .filter(|k| **k != Kind::Home)
        .map(|k| k.folder())
        .collect();
    Diagnostic::warning(
        path,
        0,
        0,
        crate::tr!("load-unknown-folder", folder = folder),
    )
    .with_hint(
        match crate::diagnostic::suggest(folder, known.iter().copied()) {
            Some(close) => crate::tr!("load-unknown-folder-did-you-mean", folder = close),
            None => crate::tr!("load-content-folders", folders = known.join(", ")),
        },
    )
}

/// The error for a Markdown file (`stem.md`) whose name gives no language the site has.
fn language_missing(stem: &str, languages: &[Lang], rel_root: PathBuf) -> Diagnostic {
    let codes = crate::config::codes(languages);
    let first = languages
        .first()
        .map_or_else(|| Lang::fallback().code(), |l| l.code());
    let (message, hint) = match stem.rsplit_once('.') {
        // `over.nl..md`: a dot too many, not a language without a name.
        Some((base, "")) => (
            crate::tr!("load-dot-too-many"),
            crate::tr!("load-dot-too-many-hint", name = format!("{base}.md")),
        ),
        Some((base, code)) => (
            crate::tr!("load-unknown-language", code = code, codes = &codes),
            crate::tr!(
                "load-unknown-language-hint",
                base = base,
                first = first,
                codes = &codes
            ),
        ),
        None => (
            crate::tr!("load-no-language"),
            crate::tr!(
                "load-no-language-hint",
                stem = stem,
                first = first,
                codes = &codes
            ),
        ),
    };
    Diagnostic::error(rel_root, 0, 0, message).with_hint(hint)
}

/// An entry's stem becomes its URL (unless `slug:` says otherwise) and its key in `@/` links:
/// it must be a slug (lower-case letters, digits and single hyphens), so that no address the
/// site writes holds a space, a capital, an accent or a line break.
fn stem_problem(name: &str, languages: &[Lang], rel_root: &Path) -> Option<Diagnostic> {
    let stem = match language_file_name(name, languages) {
        Some((stem, _)) => stem,
        None => name
            .strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))?,
    };
    if crate::slug::is_valid_slug(stem) {
        return None;
    }
    let suggestion = crate::slug::slugify(stem);
    let rest = &name[stem.len()..];
    Some(
        Diagnostic::error(
            rel_root,
            0,
            0,
            crate::tr!(
                "load-bad-file-name",
                name = stem.escape_debug().to_string(),
                rest = rest
            ),
        )
        .with_hint(if suggestion.is_empty() {
            crate::tr!("load-bad-file-name-example", rest = rest)
        } else {
            crate::tr!(
                "load-bad-file-name-hint",
                suggestion = suggestion,
                rest = rest
            )
        }),
    )
}

/// The file types published beside the content, by extension (lower case): raster images
/// (processed, metadata removed), SVG (checked as XML), and documents (checked by their first
/// bytes). Anything else, `.html` and `.js` first of all, could put a page or a script on the
/// site's own address, so it is refused.
pub const PUBLISHED_FILE_TYPES: &[&str] = &[
    "jpg", "jpeg", "png", "webp", "gif", "svg", "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp",
    "csv",
];

/// Whether the first bytes of a document are what its extension says: a `.pdf` that is really
/// an HTML page must not be published under a name hosts may serve as a page. `None` for types
/// that have no signature to check (images are decoded, SVG parsed, CSV is text).
pub fn document_signature_fits(relative: &str, head: &[u8]) -> Option<bool> {
    let extension = relative.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        // The PDF header may follow a little junk, as readers allow in the first kilobyte;
        // not markup, though: `<html>…<!-- %PDF-` is a web page named `.pdf`.
        "pdf" => Some(
            (head.windows(5).take(1024).position(|w| w == b"%PDF-"))
                .is_some_and(|at| !head[..at].contains(&b'<')),
        ),
        // Office Open XML and OpenDocument files are ZIP archives.
        "docx" | "xlsx" | "pptx" | "odt" | "ods" | "odp" => Some(head.starts_with(b"PK\x03\x04")),
        _ => None,
    }
}

/// The name a text or fields file saved under the wrong ending was meant to have:
/// `vacature.nl.md.txt`, `nieuws.nl.MD`, `agenda.nl.markdown`, `alfa.yml` (a program or a
/// phone adds or changes the ending).
fn meant_text_name(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".txt").unwrap_or(&lower);
    let meant = if let Some(stem) = base.strip_suffix(".markdown") {
        format!("{stem}.md")
    } else if let Some(stem) = base.strip_suffix(".yml") {
        format!("{stem}.yaml")
    } else {
        base.to_string()
    };
    let is_text = meant.ends_with(".md") || meant.ends_with(".yaml");
    (is_text && meant != name && !meant.starts_with('.')).then_some(meant)
}

/// Why a file beside the content cannot be published, if it cannot: a name a URL cannot hold
/// as it is, or a type that is not published.
fn asset_problem(parts: &[String], rel_root: &Path) -> Option<Diagnostic> {
    if let Some(bad) = parts.iter().find(|p| !crate::safe_url::is_url_safe_name(p)) {
        return Some(
            Diagnostic::error(
                rel_root,
                0,
                0,
                crate::tr!("load-bad-asset-name", name = bad.escape_debug().to_string()),
            )
            .with_hint(crate::tr!(
                "load-bad-asset-name-hint",
                suggestion = crate::safe_url::suggest_name(bad)
            )),
        );
    }
    let name = parts.last()?;
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if extension
        .as_deref()
        .is_some_and(|e| PUBLISHED_FILE_TYPES.contains(&e))
    {
        return None;
    }
    let hint = if let Some(advice) = crate::images::unsupported(name) {
        advice
    } else if let Some(meant) = meant_text_name(name) {
        crate::tr!("load-rename-text-file", name = meant)
    } else if let Some(stem) = name.strip_suffix(".txt").or(name.strip_suffix(".TXT")) {
        // Plain text, most often a page saved by a text editor's default.
        crate::tr!(
            "load-text-as-page",
            name = format!("{}.nl.md", stem.to_lowercase())
        )
    } else if matches!(
        extension.as_deref(),
        Some("html" | "htm" | "xhtml" | "js" | "mjs" | "php" | "xml" | "css")
    ) {
        crate::tr!("load-web-file-hint")
    } else {
        crate::tr!("load-file-type-hint")
    };
    Some(
        Diagnostic::error(
            rel_root,
            0,
            0,
            crate::tr!(
                "load-file-type",
                // As written: `.MD` is refused for its capitals, and should say so.
                kind =
                    (name.rsplit_once('.')).map_or_else(|| name.clone(), |(_, e)| format!(".{e}"))
            ),
        )
        .with_hint(hint),
    )
}

/// `over-ons.nl.md` → ("over-ons", nl)
pub fn language_file_name<'a>(name: &'a str, languages: &[Lang]) -> Option<(&'a str, Lang)> {
    let without_ext = name.strip_suffix(".md")?;
    let (stem, code) = without_ext.rsplit_once('.')?;
    let lang = Lang::find(languages, code)?;
    (!stem.is_empty()).then_some((stem, lang))
}
