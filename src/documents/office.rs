//! What an office file (Word, Excel, PowerPoint, OpenDocument: a ZIP archive of parts) may not
//! hold: macros and programs, parts loaded from another site when it is opened, and links to
//! other programs (DDE). Read with the `zip` crate, as the office programs read the archive.

use super::{Found, whole_file};
use std::io::Read;

/// How many bytes one part may unpack to when it is read: a small file that unpacks to
/// gigabytes is refused rather than unpacked.
const PART_UNPACKED_MAX: u64 = 32 << 20;

/// Relationship types (the last part of `Type`) a part may take from outside the file: a link
/// the reader clicks. Any other (`attachedTemplate`, `oleObject`, `frame`, …) is loaded, and
/// may be run, when the file is opened.
const EXTERNAL_ALLOWED: &[&str] = &["hyperlink"];

/// The first problem of an office file, if any.
pub(super) fn problem(bytes: &[u8]) -> Option<Found> {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Some(unreadable());
    };
    let names: Result<Vec<String>, _> = (archive.file_names())
        .map(|name| name.map(|name| name.into_owned()))
        .collect();
    let Ok(names) = names else {
        return Some(unreadable());
    };
    if let Some(part) = names.iter().find(|name| is_program(name)) {
        return Some(macro_found(part));
    }
    for name in names.iter().filter(|name| is_read_for_links(name)) {
        let Some(text) = read_part(&mut archive, name) else {
            return Some(unreadable());
        };
        if let Some(found) = active_link(name, &text) {
            return Some(found);
        }
    }
    None
}

/// A part that is a program by its name: `vbaProject.bin`, ActiveX controls, Excel 4 macro
/// sheets, embedded OLE packages (`embeddings/*.bin`), links to other workbooks and programs
/// (`externalLinks/`, where Excel keeps DDE); `Basic/` and `Scripts/` in OpenDocument files.
/// (An embedded workbook, as charts have, is no program.)
fn is_program(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let folders: Vec<&str> = (lower.split(['/', '\\']))
        .filter(|part| !matches!(*part, "" | "."))
        .collect();
    let (Some(first), Some(last)) = (folders.first(), folders.last()) else {
        return false;
    };
    let in_folder = |folder: &str| folders[..folders.len() - 1].contains(&folder);
    last.ends_with("vbaproject.bin")
        || matches!(*first, "basic" | "scripts")
        || in_folder("activex")
        || in_folder("macrosheets")
        || in_folder("externallinks")
        || (in_folder("embeddings") && last.ends_with(".bin"))
}

/// Parts that say what is loaded from elsewhere (`*.rels`) or hold formulas (Excel's sheets,
/// OpenDocument's `content.xml`).
fn is_read_for_links(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".rels")
        || (lower.contains("worksheets/") && lower.ends_with(".xml"))
        || lower == "content.xml"
}

/// The part's text; `None` when it cannot be unpacked or unpacks past `PART_UNPACKED_MAX`.
fn read_part(archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Option<String> {
    let part = archive.by_name(name).ok()?;
    let mut bytes = Vec::new();
    part.take(PART_UNPACKED_MAX + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    if bytes.len() as u64 > PART_UNPACKED_MAX {
        return None;
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// In a part's XML: a relationship to a part outside the file that is loaded when it is
/// opened (a template from another site), or a formula that calls another program (DDE,
/// `cmd|' /C calc'!A0`). Text that is not XML is looked at as it is.
fn active_link(name: &str, text: &str) -> Option<Found> {
    let document = roxmltree::Document::parse(text);
    let Ok(document) = document else {
        return Some(unreadable());
    };
    for node in document.descendants().filter(roxmltree::Node::is_element) {
        let tag = node.tag_name().name();
        if tag == "Relationship" && node.attribute("TargetMode") == Some("External") {
            let kind = node.attribute("Type").unwrap_or_default();
            let kind = kind.rsplit('/').next().unwrap_or(kind);
            if !EXTERNAL_ALLOWED.contains(&kind) {
                let target = node.attribute("Target").unwrap_or_default();
                return Some(whole_file(
                    crate::tr!("document-office-external", part = name, target = target),
                    crate::tr!("document-office-external-hint"),
                ));
            }
        }
        let formula = match tag {
            "f" => node.text(),
            _ => node.attribute(("urn:oasis:names:tc:opendocument:xmlns:table:1.0", "formula")),
        };
        if let Some(formula) = formula.filter(|f| calls_a_program(f)) {
            let shown: String = formula.chars().take(40).collect();
            return Some(whole_file(
                crate::tr!("document-office-dde", formula = shown),
                crate::tr!("document-office-dde-hint"),
            ));
        }
    }
    None
}

/// A formula that asks another program for data: Excel's `program|topic!item` (outside the
/// quotes of a text) and the `DDE(…)` function of Excel and LibreOffice.
fn calls_a_program(formula: &str) -> bool {
    let mut quoted = false;
    let bar = formula.chars().any(|c| {
        if c == '"' {
            quoted = !quoted;
        }
        c == '|' && !quoted
    });
    bar || formula.to_ascii_uppercase().contains("DDE(")
}

fn macro_found(part: &str) -> Found {
    whole_file(
        crate::tr!("document-office-macro", part = part),
        crate::tr!("document-office-macro-hint"),
    )
}

pub(super) fn unreadable() -> Found {
    whole_file(
        crate::tr!("document-office-unreadable"),
        crate::tr!("document-office-unreadable-hint"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_that_call_a_program_are_told_from_text_with_a_bar() {
        for formula in [
            "cmd|' /C calc'!A0",
            "of:=DDE(\"soffice\";\"x\";\"y\")",
            "dde(1)",
        ] {
            assert!(calls_a_program(formula), "{formula}");
        }
        for formula in ["SUM(A1:A3)", "CONCAT(\"a|b\";A1)", "of:=[.A1]+1"] {
            assert!(!calls_a_program(formula), "{formula}");
        }
    }
}
