//! What a document beside the content may carry: no script or action a reader's program runs
//! (a PDF's JavaScript, an office file's macros or remote template) and no spreadsheet formula
//! in a CSV file.
//! Reads bytes only; `build::inspect_document` reads the file.

mod office;

/// A problem with a document: where (line and column, 0 for the whole file), what and the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: String,
}

/// The first problem of the document `relative` (its name decides its type), if any.
pub fn problem(relative: &str, bytes: &[u8]) -> Option<Found> {
    let extension = relative.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "pdf" => pdf_problem(bytes),
        "docx" | "xlsx" | "pptx" | "odt" | "ods" | "odp" => {
            crate::fault::quietly(|| office::problem(bytes))
                .unwrap_or_else(|| Some(office::unreadable()))
        }
        "csv" => csv_problem(bytes),
        _ => None,
    }
}

fn whole_file(message: String, hint: String) -> Found {
    Found {
        line: 0,
        col: 0,
        message,
        hint,
    }
}

/// What a PDF action (`/S`) may do that runs something: script, another program, a form sent
/// away or filled from a file, a player, a file attached to the PDF.
const PDF_ACTIONS: &[&[u8]] = &[
    b"JavaScript",
    b"Launch",
    b"SubmitForm",
    b"ImportData",
    b"RichMediaExecute",
    b"GoToE",
];

/// Keys that hold script or active content wherever they stand: an action's script, the
/// document's scripts, an XML form (which carries script), a 3D model's script.
const PDF_ACTIVE_KEYS: &[&[u8]] = &[b"JS", b"JavaScript", b"XFA", b"OnInstantiate"];

/// Types (`/Type`, `/Subtype`) of objects that carry another program or file: a Flash or video
/// player, a file attached to the PDF.
const PDF_ACTIVE_TYPES: &[&[u8]] = &[b"RichMedia", b"EmbeddedFile", b"Movie"];

/// How many bytes one stream of a PDF may unpack to when it is read: a small file that unpacks
/// to gigabytes is refused rather than unpacked.
const PDF_UNPACKED_MAX: usize = 64 << 20;

fn pdf_problem(bytes: &[u8]) -> Option<Found> {
    // Read as a PDF reader reads it: the cross-reference data (rebuilt when damaged), objects
    // packed in object streams, names with escapes, and locked files opened with the empty
    // password that "protect against editing" uses. What cannot be read is not published.
    let options = lopdf::LoadOptions {
        password: Some(String::new()),
        max_decompressed_size: Some(PDF_UNPACKED_MAX),
        ..lopdf::LoadOptions::default()
    };
    let unreadable = || {
        whole_file(
            crate::tr!("document-pdf-unreadable"),
            crate::tr!("document-pdf-unreadable-hint"),
        )
    };
    // A file that makes the reader fail in a way it did not foresee is not read either.
    let read = crate::fault::quietly(|| lopdf::Document::load_mem_with_options(bytes, options));
    let Some(Ok(document)) = read else {
        return Some(unreadable());
    };
    // Opening a locked file takes away the object that describes its lock: one object fewer.
    let lock = usize::from(document.was_encrypted());
    if document.is_encrypted() || objects_not_read(&document) > lock {
        return Some(unreadable());
    }
    let name = (document.objects.values()).find_map(|object| pdf_active(&document, object))?;
    Some(whole_file(
        crate::tr!(
            "document-pdf-action",
            action = String::from_utf8_lossy(&name).into_owned()
        ),
        crate::tr!("document-pdf-action-hint"),
    ))
}

/// How many objects the cross-reference data names were not read: one left out (in an object
/// stream without `/Type /ObjStm`, which readers find all the same, or written so that it
/// could not be parsed) could hold what is looked for.
fn objects_not_read(document: &lopdf::Document) -> usize {
    use lopdf::xref::XrefEntry;
    let read = |id| document.objects.contains_key(&id);
    (document.reference_table.entries.iter())
        .filter(|(number, entry)| match entry {
            XrefEntry::Normal { generation, .. } => !read((**number, *generation)),
            XrefEntry::Compressed { .. } => !read((**number, 0)),
            XrefEntry::Free | XrefEntry::UnusableFree => false,
        })
        .count()
}

/// The first active part of `object` and what it holds: the name that says so.
fn pdf_active(document: &lopdf::Document, object: &lopdf::Object) -> Option<Vec<u8>> {
    use lopdf::Object;
    // A list of what is still to look at, not recursion: a PDF may nest deeply.
    let mut to_read = vec![object];
    while let Some(object) = to_read.pop() {
        let dictionary = match object {
            Object::Dictionary(dictionary) => dictionary,
            Object::Stream(stream) => &stream.dict,
            Object::Array(items) => {
                to_read.extend(items);
                continue;
            }
            _ => continue,
        };
        for (key, value) in dictionary.iter() {
            if PDF_ACTIVE_KEYS.contains(&key.as_slice()) {
                return Some(key.clone());
            }
            let named = |names: &[&[u8]]| {
                let value = match value {
                    Object::Reference(id) => document.get_object(*id).ok()?,
                    value => value,
                };
                let name = value.as_name().ok()?;
                names.contains(&name).then(|| name.to_vec())
            };
            let found = match key.as_slice() {
                b"S" => named(PDF_ACTIONS),
                b"Type" | b"Subtype" => named(PDF_ACTIVE_TYPES),
                _ => None,
            };
            if found.is_some() {
                return found;
            }
            to_read.push(value);
        }
    }
    None
}

/// A cell that a spreadsheet program reads as a formula when the file is opened and that can
/// do harm: one that starts with `=`, or with `+`, `-` or `@` and calls a function, another
/// program or another file (`(`, `|`, `!`). Such a formula can run a command or send data
/// away; `-5`, `+31 30 123`, `- geen -` and `@jan` cannot.
fn csv_problem(bytes: &[u8]) -> Option<Found> {
    let text = csv_text(bytes);
    let cell = csv_cells(&text).find(|cell| is_formula(&cell.value))?;
    let shown: String = cell.value.trim().chars().take(40).collect();
    Some(Found {
        line: cell.line,
        col: cell.col,
        message: crate::tr!("document-csv-formula", cell = shown),
        hint: crate::tr!("document-csv-formula-hint"),
    })
}

/// The text of a CSV file as a spreadsheet program reads it: UTF-16 when it starts so, else
/// UTF-8, without a byte-order mark; a bad sequence read as U+FFFD.
fn csv_text(bytes: &[u8]) -> String {
    decode(bytes, true).unwrap_or_default()
}

/// The text of an XML part as its program reads it (UTF-16 or UTF-8); `None` when it holds a
/// sequence that is neither.
fn text_of(bytes: &[u8]) -> Option<String> {
    decode(bytes, false)
}

/// UTF-16 after its byte-order mark, else UTF-8 without one. `lossy`: a bad sequence is read
/// as U+FFFD instead of refused.
fn decode(bytes: &[u8], lossy: bool) -> Option<String> {
    let utf16 = |pair: fn([u8; 2]) -> u16| -> Option<String> {
        let units = bytes[2..].chunks_exact(2).map(|c| pair([c[0], c[1]]));
        char::decode_utf16(units)
            .map(|c| c.ok().or(lossy.then_some(char::REPLACEMENT_CHARACTER)))
            .collect()
    };
    match bytes {
        [0xff, 0xfe, ..] => utf16(u16::from_le_bytes),
        [0xfe, 0xff, ..] => utf16(u16::from_be_bytes),
        _ => {
            let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
            match lossy {
                true => Some(String::from_utf8_lossy(bytes).into_owned()),
                false => String::from_utf8(bytes.to_vec()).ok(),
            }
        }
    }
}

struct Cell {
    line: usize,
    col: usize,
    value: String,
}

/// The cells of a CSV text, each where it starts: fields between double quotes (which may hold
/// separators and line breaks, `""` for a quote) are one cell. Commas, semicolons and tabs all
/// separate, as do the sign a first line `sep=|` names; any line end ends a row.
fn csv_cells(text: &str) -> impl Iterator<Item = Cell> + '_ {
    let named = text
        .strip_prefix("sep=")
        .and_then(|rest| rest.chars().next());
    let separates = move |c: char| matches!(c, ',' | ';' | '\t') || Some(c) == named;
    let mut chars = text.chars().peekable();
    let (mut line, mut col) = (1, 1);
    std::iter::from_fn(move || {
        chars.peek()?;
        let start = (line, col);
        let (mut value, mut quoted, mut opened) = (String::new(), false, false);
        while let Some(c) = chars.next() {
            col += 1;
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    col += 1;
                    value.push('"');
                }
                '"' if quoted => quoted = false,
                '"' if !opened && value.trim().is_empty() => (quoted, opened) = (true, true),
                '\r' | '\n' if !quoted => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    (line, col) = (line + 1, 1);
                    break;
                }
                '\r' | '\n' => {
                    (line, col) = (line + usize::from(c == '\n'), 1);
                    value.push(c);
                }
                c if !quoted && separates(c) => break,
                c => value.push(c),
            }
        }
        Some(Cell {
            line: start.0,
            col: start.1,
            value,
        })
    })
}

fn is_formula(cell: &str) -> bool {
    // Not past an apostrophe: `'=1+1` is how a text that starts with `=` is written.
    let value = cell.trim_start();
    // Spreadsheet programs with an input method for Japanese or Chinese read the full-width
    // signs (＝, ＋, －, ＠) as the plain ones.
    let plain = |c: char| match c {
        '\u{ff1d}' => '=',
        '\u{ff0b}' => '+',
        '\u{ff0d}' => '-',
        '\u{ff20}' => '@',
        c => c,
    };
    match value.chars().next().map(plain) {
        Some('=') => true,
        Some('+' | '-' | '@') => {
            value.contains(['(', '|', '!', '\u{ff08}', '\u{ff5c}', '\u{ff01}'])
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_phone_numbers_and_placeholders_are_no_formulas() {
        for cell in [
            "-5",
            "+31 30 123 45 67",
            "- geen -",
            "-.5",
            "--",
            "-€500",
            "@jan",
            "'=1+1",
        ] {
            assert!(!is_formula(cell), "{cell}");
        }
        for cell in [
            "=1+1",
            "@SUM(A1)",
            "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            " =2",
            "\u{ff1d}1+1",
            "\u{ff0b}cmd|' /C calc'!A0",
        ] {
            assert!(is_formula(cell), "{cell}");
        }
    }

    #[test]
    fn cells_are_read_as_spreadsheet_programs_read_them() {
        let cells = |text: &str| -> Vec<(usize, usize, String)> {
            csv_cells(text).map(|c| (c.line, c.col, c.value)).collect()
        };
        let text = "a,\"b,\"\"c\"\"\",d\r\ne;\"x\ny\"\rz";
        let expected = [
            (1, 1, "a"),
            (1, 3, "b,\"c\""),
            (1, 13, "d"),
            (2, 1, "e"),
            (2, 3, "x\ny"),
            (4, 1, "z"),
        ];
        let expected: Vec<(usize, usize, String)> = expected
            .iter()
            .map(|(l, c, v)| (*l, *c, v.to_string()))
            .collect();
        assert_eq!(cells(text), expected);
        assert!(cells("sep=|\na|=1").iter().any(|cell| cell.2 == "=1"));
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("a\t=1".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(csv_text(&utf16), "a\t=1");
        assert_eq!(csv_text("\u{feff}=1".as_bytes()), "=1");
    }
}
