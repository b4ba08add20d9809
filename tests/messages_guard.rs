//! A guard: no message or hint an editor reads may be written in the code as English text. Every
//! problem's message and hint comes from the catalogues (`tr!`), so this test scans `src/` for
//! the calls that make problems, `Diagnostic::error(…)`, `Diagnostic::warning(…)`,
//! `.with_hint(…)`, and the `.error(…)`/`.warning(…)` of located values and readers, and fails
//! when their message or hint is a string literal or `format!(…)`. A variable or a call passes:
//! what it holds was made elsewhere, where `tr!` made it.

mod common;

/// Arguments written as text that are not an editor's message: (file, start of the argument,
/// why). Empty: every message and hint in `src/` is `tr!` or a variable. What is never a
/// message is left out by the scan itself, each for its reason:
/// - the path of `Diagnostic::error`/`warning` (its first argument: `".wdhs-cache"`,
///   `format!("{THEME_DIR}/templates/{name}")`): a place, shown as it is in every language;
/// - comments, and text inside string literals (a call spelled out in a string);
/// - `#[cfg(test)]` modules: problems the unit tests make up, never shown to an editor.
///
/// A new entry here needs a reason as good as those.
const NOT_MESSAGES: &[(&str, &str, &str)] = &[];

/// The calls that make a problem, and which of their arguments are the message or hint
/// (`None`: every argument that is not obviously a number or a place).
const CALLS: &[(&str, Option<&[usize]>)] = &[
    // Diagnostic::error(path, line, col, message): the path may be a literal, the message not.
    ("Diagnostic::error(", Some(&[3])),
    ("Diagnostic::warning(", Some(&[3])),
    (".with_hint(", Some(&[0])),
    // `Located::error(message)` (fields.rs) and the site.yaml reader's
    // `error(line, col, message, hint)` (config.rs): any argument.
    (".error(", None),
    (".warning(", None),
];

/// Where a call's argument is English text written in the code: a string literal (also
/// `"…".to_string()`, `"…".into()`, `r"…"`), `format!(…)` or `String::from("…")`.
fn is_text_in_code(argument: &str) -> bool {
    let argument = argument.trim_start_matches('&').trim_start();
    [
        "\"",
        "r\"",
        "r#\"",
        "format!(",
        "String::from(\"",
        "std::format!(",
    ]
    .iter()
    .any(|start| argument.starts_with(start))
}

/// One finding: file, line, the call and the argument.
#[derive(Debug, PartialEq)]
struct Found {
    file: String,
    line: usize,
    call: String,
    argument: String,
}

/// The source with comments, the insides of string and character literals and `#[cfg(test)]`
/// modules blanked out; every other byte stays where it was (a literal keeps its quotes), so an
/// offset in it is the same offset in the source, where an argument is read.
fn blank(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    let blank_range = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
                blank_range(&mut out, i, end);
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = source[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
                blank_range(&mut out, i, end);
                i = end;
            }
            b'r' if (bytes.get(i + 1) == Some(&b'"') || bytes.get(i + 1) == Some(&b'#'))
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')) =>
            {
                let hashes = bytes[i + 1..].iter().take_while(|b| **b == b'#').count();
                if bytes.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let open = i + 1 + hashes + 1;
                let close = format!("\"{}", "#".repeat(hashes));
                let end = source[open..]
                    .find(&close)
                    .map_or(bytes.len(), |n| open + n);
                // The quotes stay: an argument that is a literal still starts with one.
                blank_range(&mut out, open, end);
                i = end + close.len();
            }
            b'"' => {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                blank_range(&mut out, i + 1, j.min(bytes.len()));
                i = j + 1;
            }
            b'\'' => {
                // A character literal ('x', '\n', '"'), not a lifetime ('a).
                let end = if bytes.get(i + 1) == Some(&b'\\') {
                    source[i + 2..].find('\'').map(|n| i + 2 + n)
                } else {
                    let width = source[i + 1..].chars().next().map_or(1, char::len_utf8);
                    (bytes.get(i + 1 + width) == Some(&b'\'')).then_some(i + 1 + width)
                };
                match end {
                    Some(end) => {
                        blank_range(&mut out, i + 1, end);
                        i = end + 1;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    let mut text = String::from_utf8(out).unwrap_or_default();
    // Test modules: what they make is never shown to an editor.
    while let Some(at) = text.find("#[cfg(test)]\nmod ") {
        let Some(open) = text[at..].find('{').map(|n| at + n) else {
            break;
        };
        let mut depth = 0;
        let mut end = text.len();
        for (n, c) in text[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + n + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        let mut bytes = text.into_bytes();
        blank_range(&mut bytes, at, end);
        text = String::from_utf8(bytes).unwrap_or_default();
    }
    text
}

/// The arguments of the call whose `(` is at `open` in `blanked`, as spans (start, end).
fn arguments(blanked: &str, open: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut depth = 0;
    let mut start = open + 1;
    for (n, c) in blanked[open..].char_indices() {
        let at = open + n;
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    if !blanked[start..at].trim().is_empty() {
                        spans.push((start, at));
                    }
                    return spans;
                }
            }
            ',' if depth == 1 => {
                spans.push((start, at));
                start = at + 1;
            }
            _ => {}
        }
    }
    spans
}

/// Every message or hint written as text in the code of one file.
fn scan(file: &str, source: &str) -> Vec<Found> {
    let blanked = blank(source);
    let mut found = Vec::new();
    for (call, which) in CALLS {
        for (at, _) in blanked.match_indices(call) {
            // `Diagnostic::error(`, not `MyDiagnostic::error(`; `.error(`, not `fn error(`.
            let before = blanked[..at].chars().next_back();
            if !call.starts_with('.') && before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let open = at + call.len() - 1;
            let spans = arguments(&blanked, open);
            let chosen: Vec<usize> = match which {
                Some(indices) => indices.to_vec(),
                None => (0..spans.len()).collect(),
            };
            for index in chosen {
                let Some((start, end)) = spans.get(index) else {
                    continue;
                };
                let argument = source[*start..*end].trim();
                if !is_text_in_code(argument) {
                    continue;
                }
                let allowed = NOT_MESSAGES.iter().any(|(allowed_file, start, _)| {
                    file.ends_with(allowed_file) && argument.starts_with(start)
                });
                if !allowed {
                    found.push(Found {
                        file: file.to_string(),
                        line: source[..at].matches('\n').count() + 1,
                        call: call.trim_end_matches('(').to_string(),
                        argument: argument.to_string(),
                    });
                }
            }
        }
    }
    found
}

#[test]
fn no_message_or_hint_is_english_text_in_the_code() {
    let mut found = Vec::new();
    let mut calls = 0;
    for entry in walkdir::WalkDir::new(common::repo_root().join("src"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
    {
        let source = std::fs::read_to_string(entry.path()).expect("read");
        let file = entry
            .path()
            .strip_prefix(common::repo_root())
            .unwrap_or(entry.path())
            .display()
            .to_string();
        calls += CALLS
            .iter()
            .map(|(call, _)| blank(&source).matches(call).count())
            .sum::<usize>();
        found.extend(scan(&file, &source));
    }
    // The scan sees the calls at all: there are hundreds.
    assert!(calls > 100, "only {calls} calls found");
    let shown: Vec<String> = found
        .iter()
        .map(|f| format!("{}:{}: {}({})", f.file, f.line, f.call, f.argument))
        .collect();
    assert!(
        found.is_empty(),
        "messages and hints written as text in the code; put them in src/i18n/en.ftl and \
         nl.ftl and use tr!:\n{}",
        shown.join("\n")
    );
}

#[test]
fn the_guard_finds_text_and_lets_tr_and_variables_pass() {
    let source = r#"
fn f() {
    // Diagnostic::error(path, 0, 0, "in a comment")
    let a = Diagnostic::error(".wdhs-cache", 0, 0, "plain English");
    let b = Diagnostic::warning(path, 0, 0, format!("{x} went wrong"))
        .with_hint("do this");
    let c = Diagnostic::error(format!("{dir}/x"), 1, 2, tr!("fine", name = "x, (y)"))
        .with_hint(crate::tr!("fine-hint"));
    let d = located.error(message).with_hint(hint);
    let e = reader.error(line, col, tr!("config-x"), "write it like this".to_string());
    let f = "Diagnostic::error(p, 0, 0, \"inside a string\")";
    let g = located.warning(&format!("{}", ')'));
}

#[cfg(test)]
mod tests {
    fn t() {
        Diagnostic::error("a.md", 1, 2, "a test's own text");
    }
}
"#;
    let found: Vec<(usize, String, String)> = scan("src/x.rs", source)
        .into_iter()
        .map(|f| (f.line, f.call, f.argument))
        .collect();
    let expected = [
        (4, "Diagnostic::error", "\"plain English\""),
        (5, "Diagnostic::warning", "format!(\"{x} went wrong\")"),
        (6, ".with_hint", "\"do this\""),
        (10, ".error", "\"write it like this\".to_string()"),
        (12, ".warning", "&format!(\"{}\", ')')"),
    ];
    let mut found = found;
    found.sort();
    assert_eq!(
        found,
        expected
            .iter()
            .map(|(l, c, a)| (*l, c.to_string(), a.to_string()))
            .collect::<Vec<_>>()
    );
}
