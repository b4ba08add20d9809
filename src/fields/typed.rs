//! What an editor typed that reads otherwise than meant, with the fix: a date written
//! day-month-year, a text whose apostrophe YAML took for a quote, a list from Word, a name with
//! an invisible character, a list written as one text.

use super::{Field, Located, write_like};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// The date `written` most likely means, as year-month-day: day-month-year with any dash,
/// slash or dot (`05-12-2026`, `5/12/2026`), or year-month-day with Word's long dashes.
pub(super) fn meant_date(written: &str) -> Option<String> {
    let parts: Vec<&str> = written
        .trim()
        .split(|c: char| BULLETS.contains(&c) || matches!(c, '-' | '/' | '.'))
        .collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |part: &str| part.parse::<u16>().ok().filter(|_| part.len() <= 4);
    let (year, month, day) = match (a.len(), c.len()) {
        (4, 1..=2) => (number(a)?, number(b)?, number(c)?),
        (1..=2, 4) => (number(c)?, number(b)?, number(a)?),
        _ => return None,
    };
    let meant = format!("{year:04}-{month:02}-{day:02}");
    (crate::lang::parse_date(&meant).is_some() && meant != written.trim()).then_some(meant)
}

/// `place: 's-Hertogenbosch'`, read as `s-Hertogenbosch`: the line that keeps the apostrophe.
pub(super) fn lost_apostrophe(field: &Field, typed: &str, read: &str) -> Diagnostic {
    let name = &field.key.name;
    let message = crate::tr!("fields-lost-apostrophe", typed = typed, read = read);
    let fixed = format!("{name}: \"'{read}\"");
    field
        .error(message)
        .with_hint(crate::tr!("fields-lost-apostrophe-hint", fixed = fixed))
}

/// Signs a word processor starts a list item with, where YAML and Markdown need a plain `-`.
pub(crate) const BULLETS: &[char] = &['–', '—', '‒', '―', '−', '•', '·', '▪', '◦'];

/// Characters that take no space on screen, pasted with a name from a web page or Word.
const INVISIBLE: &[char] = &[
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{2060}', '\u{feff}', '\u{ad}',
];

/// The first character of `text` that takes no space on screen (as `U+200B`), and the text
/// without such characters: what the editor sees, and means.
pub(crate) fn invisible_in(text: &str) -> Option<(String, String)> {
    let invisible = text.chars().find(|c| INVISIBLE.contains(c))?;
    let visible: String = text.chars().filter(|c| !INVISIBLE.contains(c)).collect();
    Some((format!("U+{:04X}", u32::from(invisible)), visible))
}

/// Why an item of a list of names (partners, themes, goals) cannot be one, with the fix: it
/// starts with a bullet or long dash (YAML read the lines as one text), or it holds a character
/// the editor cannot see (the name looks right and is not found).
pub(super) fn item_problem(name: &str, text: &str) -> Option<(String, String)> {
    if let Some(sign) = text
        .trim_start()
        .chars()
        .next()
        .filter(|c| BULLETS.contains(c))
    {
        let items: Vec<&str> = (text.split(BULLETS).map(str::trim))
            .filter(|i| !i.is_empty())
            .collect();
        let message = crate::tr!("fields-item-bullet", name = name, sign = sign.to_string());
        return Some((
            message,
            write_like(name, &format!("[{}]", items.join(", "))),
        ));
    }
    let (code, visible) = invisible_in(text)?;
    Some((
        crate::tr!("fields-item-invisible", value = visible.trim(), code = code),
        crate::tr!("fields-item-invisible-hint", value = visible.trim()),
    ))
}

/// `partners: katalys, lvkk`: one text where a list was meant. Reported once, with the list as
/// it should be written; its items are read as the list's, so each is still checked.
pub(super) fn list_written_as_text(
    name: &str,
    field: &Field,
    text: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Located<String>> {
    let items: Vec<&str> = (text.split(',').map(str::trim))
        .filter(|i| !i.is_empty())
        .collect();
    let node = &field.node;
    diagnostics.push(
        field
            .error(crate::tr!("fields-list-as-text", name = name))
            .with_hint(write_like(name, &format!("[{}]", items.join(", ")))),
    );
    (items.into_iter())
        .map(|value| Located {
            value: value.to_string(),
            path: field.path.clone(),
            line: node.line,
            col: node.col,
        })
        .collect()
}
