//! What an office file (Word, Excel, PowerPoint, OpenDocument: a ZIP archive of parts) may not
//! hold: macros and programs, parts or fields that load from another place when it is opened,
//! and links to other programs (DDE). The archive is read with `zip`, its XML parts as a
//! stream with `quick-xml`, by local names (whatever prefix a part gives a namespace).

use super::{Found, whole_file};
use quick_xml::events::{BytesStart, Event};
use std::io::Read;

/// How many bytes the XML parts of one file may unpack to in all: a small file that unpacks
/// to gigabytes is refused rather than read.
const UNPACKED_MAX: u64 = 128 << 20;

/// Relationship types (the last part of `Type`) a part may take from outside the file: a link
/// the reader clicks, a film or sound played on request. Any other (`attachedTemplate`,
/// `oleObject`, `frame`, a linked picture, …) is loaded, and may be run, when it is opened.
const EXTERNAL_ALLOWED: &[&str] = &["hyperlink", "video", "audio"];

/// Word fields that start another program when the document is opened or updated.
const PROGRAM_FIELDS: &[&str] = &["DDE", "DDEAUTO"];

/// Word fields that load a file, which may be on another site or another computer.
const LOADING_FIELDS: &[&str] = &["INCLUDETEXT", "INCLUDEPICTURE", "LINK", "IMPORT"];

/// The first problem of an office file, if any.
pub(super) fn problem(bytes: &[u8]) -> Option<Found> {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Some(unreadable());
    };
    // Two parts of one name: which one a program reads is its own choice.
    if archive.has_duplicate_names() {
        return Some(unreadable());
    }
    let names: Result<Vec<String>, _> = (archive.file_names())
        .map(|name| name.map(|name| name.into_owned()))
        .collect();
    let Ok(names) = names else {
        return Some(unreadable());
    };
    if let Some(part) = names.iter().find(|name| is_program(name)) {
        return Some(macro_found(part));
    }
    let mut budget = UNPACKED_MAX;
    for name in names.iter().filter(|name| is_xml(name)) {
        let Some(text) = read_part(&mut archive, name, &mut budget) else {
            return Some(unreadable());
        };
        if let Some(found) = active_content(name, &text) {
            return Some(found);
        }
    }
    None
}

/// A part's name with `/` between folders, lowercase: programs accept `\` too.
fn plain_name(name: &str) -> String {
    name.replace('\\', "/").to_ascii_lowercase()
}

/// A part that is a program by its name: `vbaProject.bin`, ActiveX controls, Excel 4 macro
/// sheets, embedded OLE packages (`embeddings/*.bin`), links to other workbooks and programs
/// (`externalLinks/`, where Excel keeps DDE); `Basic/` and `Scripts/` in OpenDocument files.
/// (An embedded workbook, as charts have, is no program.)
fn is_program(name: &str) -> bool {
    let name = plain_name(name);
    let folders: Vec<&str> = (name.split('/'))
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

/// The parts read: every XML part, relationships (`.rels`) included.
fn is_xml(name: &str) -> bool {
    let name = plain_name(name);
    name.ends_with(".xml") || name.ends_with(".rels")
}

/// The part's text (UTF-8 or UTF-16, as XML allows); `None` when it cannot be unpacked or
/// unpacks past what is left of `budget`.
fn read_part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> Option<String> {
    let part = archive.by_name(name).ok()?;
    let mut bytes = Vec::new();
    part.take(*budget + 1).read_to_end(&mut bytes).ok()?;
    *budget = budget.checked_sub(bytes.len() as u64)?;
    super::text_of(&bytes)
}

/// In a part's XML: a relationship to something outside the file that is loaded when it is
/// opened, a field or formula that starts another program (DDE) or loads a file, or a hook
/// that runs a macro. XML that cannot be read whole is refused.
fn active_content(name: &str, text: &str) -> Option<Found> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut scan = Scan::default();
    loop {
        let found = match reader.read_event() {
            Err(_) | Ok(Event::DocType(_)) => Some(unreadable()),
            Ok(Event::Start(element)) => scan.start(name, &element),
            Ok(Event::Empty(element)) => {
                let found = scan.start(name, &element);
                found.or_else(|| scan.end())
            }
            Ok(Event::Text(text)) => scan.text(&text),
            Ok(Event::CData(text)) => scan.text(&text),
            Ok(Event::GeneralRef(reference)) => match entity(&reference) {
                Some(c) => scan.text(c.encode_utf8(&mut [0; 4])),
                None => Some(unreadable()),
            },
            Ok(Event::End(_)) => scan.end(),
            Ok(Event::Eof) => return field_problem(&scan.field),
            Ok(_) => None,
        };
        if found.is_some() {
            return found;
        }
    }
}

/// What is being read of a part: Word's field code since its `begin` (a code may be split
/// over several runs), and the formula whose text is being read.
#[derive(Default)]
struct Scan {
    field: String,
    in_instruction: bool,
    formula: Option<String>,
}

impl Scan {
    fn start(&mut self, part: &str, element: &BytesStart<'_>) -> Option<Found> {
        let local = element.local_name();
        let local: &str = local.as_ref();
        let field = match local {
            "instrText" => {
                self.in_instruction = true;
                None
            }
            "f" | "definedName" => {
                self.formula = Some(String::new());
                None
            }
            "fldChar" if attribute(element, "fldCharType").as_deref() == Some("begin") => {
                let found = field_problem(&self.field);
                self.field.clear();
                found
            }
            "fldSimple" => field_problem(&attribute(element, "instr").unwrap_or_default()),
            _ => None,
        };
        field.or_else(|| element_problem(part, local, element))
    }

    fn text(&mut self, text: &str) -> Option<Found> {
        if self.in_instruction {
            self.field.push_str(text);
        }
        if let Some(formula) = &mut self.formula {
            formula.push_str(text);
        }
        None
    }

    fn end(&mut self) -> Option<Found> {
        self.in_instruction = false;
        let formula = self.formula.take()?;
        formula_problem(&formula)
    }
}

/// What an entity reference stands for: a character by its number or one of XML's five
/// names. `None` for any other name, which a document cannot declare.
fn entity(reference: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return Some(c);
    }
    match reference.as_ref() {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

/// The value of the attribute with this local name, its references read.
fn attribute(element: &BytesStart<'_>, local: &str) -> Option<String> {
    (element.attributes().flatten())
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| (a.normalized_value(quick_xml::XmlVersion::Implicit1_0)).ok())
        .map(std::borrow::Cow::into_owned)
}

/// An element that loads from elsewhere, starts a program or runs a macro by what it is:
/// an outside relationship (other than a link), OpenDocument's DDE links and event hooks,
/// a link to a macro, a formula in an attribute (OpenDocument's `table:formula`).
fn element_problem(part: &str, local: &str, element: &BytesStart<'_>) -> Option<Found> {
    if local == "Relationship"
        && (attribute(element, "TargetMode"))
            .is_some_and(|mode| mode.trim().eq_ignore_ascii_case("external"))
    {
        let kind = attribute(element, "Type").unwrap_or_default();
        let kind = kind
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        if !EXTERNAL_ALLOWED.contains(&kind.as_str()) {
            let target = attribute(element, "Target").unwrap_or_default();
            return Some(external_found(&target));
        }
    }
    if local.starts_with("dde-") {
        return Some(dde_found(local));
    }
    let href = attribute(element, "href")
        .unwrap_or_default()
        .to_ascii_lowercase();
    if local == "event-listener"
        || href.starts_with("vnd.sun.star.script:")
        || href.starts_with("macro:")
    {
        return Some(macro_found(part));
    }
    formula_problem(&attribute(element, "formula")?)
}

/// A Word field code that starts another program, or loads a file from another site or
/// computer (`INCLUDEPICTURE "https://…"`, `\\server\…`).
fn field_problem(code: &str) -> Option<Found> {
    let code = code.trim();
    let name = code.split_whitespace().next()?.to_ascii_uppercase();
    if PROGRAM_FIELDS.contains(&name.as_str()) {
        return Some(dde_found(code));
    }
    let elsewhere = code.contains("://") || code.contains("\\\\");
    (LOADING_FIELDS.contains(&name.as_str()) && elsewhere).then(|| external_found(code))
}

/// A formula that asks another program for data: Excel's `program|topic!item` (outside the
/// quotes of a sheet's name or a text) and the `DDE(…)` function of Excel and LibreOffice.
/// (In a Writer table's formula, `ooow:`, a bar separates the items of a list.)
fn formula_problem(formula: &str) -> Option<Found> {
    let writer = formula.trim_start().starts_with("ooow:");
    let mut quote = None;
    let bar = formula.chars().any(|c| {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(open), c) if c == open => quote = None,
            _ => {}
        }
        c == '|' && quote.is_none() && !writer
    });
    (bar || formula.to_ascii_uppercase().contains("DDE(")).then(|| dde_found(formula))
}

fn dde_found(what: &str) -> Found {
    let shown: String = what.trim().chars().take(40).collect();
    whole_file(
        crate::tr!("document-office-dde", formula = shown),
        crate::tr!("document-office-dde-hint"),
    )
}

fn external_found(target: &str) -> Found {
    whole_file(
        crate::tr!("document-office-external", target = target.trim()),
        crate::tr!("document-office-external-hint"),
    )
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
            "'a\"b'!A1+cmd|' /C calc'!A0",
        ] {
            assert!(formula_problem(formula).is_some(), "{formula}");
        }
        for formula in [
            "SUM(A1:A3)",
            "CONCAT(\"a|b\";A1)",
            "of:=[.A1]+1",
            "'Q1|Q2'!A1*2",
            "of:=[$'Q1|Q2'.A1]*2",
            "ooow:mean <A1>|<B1>",
        ] {
            assert!(formula_problem(formula).is_none(), "{formula}");
        }
    }

    #[test]
    fn fields_that_start_a_program_or_load_from_elsewhere_are_found() {
        for code in [
            " DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc.exe\" ",
            "dde x y",
            " INCLUDEPICTURE \"http://evil.example/t.png\" \\d ",
            "INCLUDETEXT \"\\\\\\\\server\\\\share\\\\a.docx\"",
        ] {
            assert!(field_problem(code).is_some(), "{code}");
        }
        for code in [
            " PAGE ",
            "HYPERLINK \"https://example.org/\"",
            "INCLUDEPICTURE \"foto.png\"",
        ] {
            assert!(field_problem(code).is_none(), "{code}");
        }
    }
}
