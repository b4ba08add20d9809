//! What a document beside the content may carry: no script or action a reader's program runs
//! (a PDF's JavaScript, an office file's macros) and no spreadsheet formula in a CSV file.
//! Reads bytes only; `build::inspect_document` reads the file.

use std::io::Read;

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
        "docx" | "xlsx" | "pptx" | "odt" | "ods" | "odp" => office_problem(bytes),
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

/// The names of PDF actions that run something: script, another program, a form sent away, a
/// file read in, a player, an XML form (which carries script).
const PDF_ACTIONS: &[&[u8]] = &[
    b"JavaScript",
    b"JS",
    b"Launch",
    b"SubmitForm",
    b"ImportData",
    b"RichMedia",
    b"XFA",
];

/// How many bytes the object streams of one PDF may unpack to: a small file that unpacks to
/// gigabytes is refused rather than unpacked.
const PDF_UNPACKED_MAX: usize = 64 << 20;

/// How far before a stream its dictionary is looked for.
const DICTIONARY_MAX: usize = 64 << 10;

fn pdf_problem(bytes: &[u8]) -> Option<Found> {
    let action = |name: String| {
        whole_file(
            crate::tr!("document-pdf-action", action = name),
            crate::tr!("document-pdf-action-hint"),
        )
    };
    if let Some(name) = pdf_action(bytes) {
        return Some(action(name));
    }
    // Objects packed in object streams are read only once unpacked.
    let mut budget = PDF_UNPACKED_MAX;
    for stream in object_streams(bytes) {
        let unpacked = match stream {
            ObjectStream::Flate(packed) => inflate(packed, &mut budget),
            ObjectStream::Unreadable => None,
        };
        let Some(unpacked) = unpacked else {
            return Some(whole_file(
                crate::tr!("document-pdf-unreadable"),
                crate::tr!("document-pdf-unreadable-hint"),
            ));
        };
        if let Some(name) = pdf_action(&unpacked) {
            return Some(action(name));
        }
    }
    None
}

/// The first action name in PDF syntax, however written (`/J#61vaScript` is `/JavaScript`).
fn pdf_action(bytes: &[u8]) -> Option<String> {
    pdf_names(bytes)
        .find(|name| PDF_ACTIONS.contains(&name.as_slice()))
        .map(|name| String::from_utf8_lossy(&name).into_owned())
}

/// Every name (`/Type`) in PDF syntax, its `#xx` escapes decoded.
fn pdf_names(bytes: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let slash = at + bytes.get(at..)?.iter().position(|b| *b == b'/')?;
        let start = slash + 1;
        let length = (bytes[start..].iter())
            .position(|b| !is_regular(*b))
            .unwrap_or(bytes.len() - start);
        at = start + length;
        Some(decode_name(&bytes[start..at]))
    })
}

/// A byte that may stand in a PDF name: not white space and not a delimiter.
fn is_regular(byte: u8) -> bool {
    !matches!(
        byte,
        b'\0'
            | b'\t'
            | b'\n'
            | b'\x0c'
            | b'\r'
            | b' '
            | b'('
            | b')'
            | b'<'
            | b'>'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'/'
            | b'%'
    )
}

fn decode_name(raw: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut name = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let escaped = (raw[i] == b'#')
            .then(|| Some((hex(*raw.get(i + 1)?)?, hex(*raw.get(i + 2)?)?)))
            .flatten();
        match escaped {
            Some((high, low)) => {
                // Two hexadecimal digits make one byte.
                name.push((high * 16 + low) as u8);
                i += 3;
            }
            None => {
                name.push(raw[i]);
                i += 1;
            }
        }
    }
    name
}

enum ObjectStream<'a> {
    /// Packed with `FlateDecode` alone: the bytes between `stream` and `endstream`.
    Flate(&'a [u8]),
    /// Packed otherwise, or encrypted: what it holds cannot be read here.
    Unreadable,
}

/// The object streams (`/Type /ObjStm`) of a PDF.
fn object_streams(bytes: &[u8]) -> impl Iterator<Item = ObjectStream<'_>> + '_ {
    let encrypted = pdf_names(bytes).any(|name| name == b"Encrypt");
    let mut budget = 2 * bytes.len() + DICTIONARY_MAX;
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let keyword = at + find(&bytes[at..], b"stream")?;
            at = keyword + b"stream".len();
            // `endstream` contains `stream`; a dictionary ends right before a stream.
            let before = trim_end(&bytes[..keyword]);
            if !before.ends_with(b">>") {
                continue;
            }
            // Dictionaries are short, and each is read once: more reading back than twice the
            // file (dictionaries nested to make every stream read back far) is not trusted.
            let window = &before[before.len().saturating_sub(DICTIONARY_MAX)..];
            let start = dictionary_start(window);
            let read_back = window.len() - start.unwrap_or(0);
            let over = read_back > budget;
            budget = budget.saturating_sub(read_back);
            let (Some(start), false) = (start, over) else {
                return Some(ObjectStream::Unreadable);
            };
            let dictionary = &window[start..];
            let names: Vec<Vec<u8>> = pdf_names(dictionary).collect();
            if !names.iter().any(|name| name == b"ObjStm") {
                continue;
            }
            // The data starts after the keyword's line break (CR LF or LF).
            let mut data_start = at;
            for end_of_line in [b'\r', b'\n'] {
                data_start += usize::from(bytes.get(data_start) == Some(&end_of_line));
            }
            let data_end = data_start + find(&bytes[data_start..], b"endstream")?;
            at = data_end;
            let filters: Vec<&Vec<u8>> = (names.iter())
                .filter(|name| name.ends_with(b"Decode") || name.as_slice() == b"Crypt")
                .collect();
            let flate_only = filters.len() == 1 && filters[0].as_slice() == b"FlateDecode";
            return Some(match flate_only && !encrypted {
                true => ObjectStream::Flate(&bytes[data_start..data_end]),
                false => ObjectStream::Unreadable,
            });
        }
    })
}

/// Where the dictionary that `before` ends with (`… >>`) starts, nested ones counted.
fn dictionary_start(before: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = before.len();
    while i >= 2 {
        match &before[i - 2..i] {
            b">>" => {
                depth += 1;
                i -= 2;
            }
            b"<<" => {
                depth = depth.checked_sub(1)?;
                i -= 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i -= 1,
        }
    }
    None
}

fn trim_end(bytes: &[u8]) -> &[u8] {
    let end = (bytes.iter())
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    &bytes[..end]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The bytes `packed` unpacks to, taken from `budget`; `None` when nothing could be unpacked
/// or the budget is spent. A stream that ends early gives what it gave (readers allow it).
fn inflate(packed: &[u8], budget: &mut usize) -> Option<Vec<u8>> {
    let mut unpacked = Vec::new();
    let limit = (*budget as u64).saturating_add(1);
    let read = flate2::read::ZlibDecoder::new(packed)
        .take(limit)
        .read_to_end(&mut unpacked);
    if unpacked.len() > *budget || (read.is_err() && unpacked.is_empty()) {
        return None;
    }
    *budget -= unpacked.len();
    Some(unpacked)
}

/// Office files are ZIP archives: macros are parts of their own (`vbaProject.bin` in Word,
/// Excel and PowerPoint files, `Basic/` and `Scripts/` in OpenDocument files), named in the
/// archive's directory.
fn office_problem(bytes: &[u8]) -> Option<Found> {
    let part = zip_names(bytes).find(|name| {
        let lower = name.to_ascii_lowercase();
        lower.ends_with("vbaproject.bin")
            || lower.starts_with("basic/")
            || lower.starts_with("scripts/")
            || lower.contains("activex")
    })?;
    Some(whole_file(
        crate::tr!("document-office-macro", part = part),
        crate::tr!("document-office-macro-hint"),
    ))
}

/// The names in a ZIP archive's central directory (each entry starts with `PK\1\2`, its name's
/// length at byte 28, the name at byte 46).
fn zip_names(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let entry = at + find(&bytes[at..], b"PK\x01\x02")?;
            at = entry + 4;
            let length = bytes.get(entry + 28..entry + 30)?;
            let length = usize::from(u16::from_le_bytes([length[0], length[1]]));
            if let Some(name) = bytes.get(entry + 46..entry + 46 + length) {
                return Some(String::from_utf8_lossy(name).into_owned());
            }
        }
    })
}

/// A cell that a spreadsheet program reads as a formula when the file is opened: `=`, `@`, or
/// `+`/`-` before something that is not a number (`-5` and `+31 30` are numbers and phone
/// numbers). Such a formula can ask the program to run a command or send data away.
fn csv_problem(bytes: &[u8]) -> Option<Found> {
    let text = String::from_utf8_lossy(bytes);
    for (number, line) in text.lines().enumerate() {
        let mut col = 1;
        for cell in line.split([',', ';', '\t']) {
            if is_formula(cell) {
                let shown: String = cell.trim().chars().take(40).collect();
                return Some(Found {
                    line: number + 1,
                    col,
                    message: crate::tr!("document-csv-formula", cell = shown),
                    hint: crate::tr!("document-csv-formula-hint"),
                });
            }
            col += cell.chars().count() + 1;
        }
    }
    None
}

fn is_formula(cell: &str) -> bool {
    // Not past an apostrophe: `'=1+1` is how a text that starts with `=` is written.
    let value = cell.trim_start_matches([' ', '"']);
    let mut chars = value.chars();
    match chars.next() {
        Some('=' | '@') => true,
        Some('+' | '-') => chars
            .next()
            .is_some_and(|next| !(next.is_ascii_digit() || matches!(next, ' ' | '.' | ','))),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_with_their_escapes() {
        let names: Vec<Vec<u8>> = pdf_names(b"<</S/J#61vaScript /JS(x)>>").collect();
        assert_eq!(
            names,
            vec![b"S".to_vec(), b"JavaScript".to_vec(), b"JS".to_vec()]
        );
    }

    #[test]
    fn numbers_and_phone_numbers_are_no_formulas() {
        for cell in [
            "-5",
            "+31 30 123 45 67",
            "- los",
            "-.5",
            "tekst",
            "",
            "'=1+1",
        ] {
            assert!(!is_formula(cell), "{cell}");
        }
        for cell in [
            "=1+1",
            "@SUM(A1)",
            "+cmd|' /C calc'!A0",
            "-HYPERLINK(\"x\")",
            "\"=2\"",
        ] {
            assert!(is_formula(cell), "{cell}");
        }
    }
}
