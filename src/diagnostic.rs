//! Diagnostics: what went wrong, where (file, line, column), and how to fix it. Collects them from
//! every stage and prints them as text or GitHub annotations; it never decides the exit code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The keyword of GitHub's workflow commands (`::error`), never translated.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The word an editor reads: "error", "fout".
    pub fn word(self) -> String {
        match self {
            Severity::Error => crate::tr!("severity-error"),
            Severity::Warning => crate::tr!("severity-warning"),
        }
    }
}

/// One problem. `line` and `col` are 1-based; 0 means "the whole file".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: String,
    pub hint: Option<String>,
    /// How many problems this one stands for: 1, or for "and 40 more like this", 40 (those
    /// are counted in the totals, not listed).
    pub stands_for: usize,
}

impl Diagnostic {
    pub fn error(
        path: impl Into<PathBuf>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.into(),
            line,
            col,
            severity: Severity::Error,
            message: message.into(),
            hint: None,
            stands_for: 1,
        }
    }

    pub fn warning(
        path: impl Into<PathBuf>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, col, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `path:line:col` as editors and terminals understand it.
    pub fn location(&self) -> String {
        let path = display_path(&self.path);
        match (self.line, self.col) {
            (0, _) => path,
            (line, 0) => format!("{path}:{line}"),
            (line, col) => format!("{path}:{line}:{col}"),
        }
    }

    /// The first line of the text format, without excerpt or hint.
    /// On one line whatever the message quotes: a line break from the content would start a
    /// line of its own, which a CI log may read as a command (`::error file=…`).
    pub fn headline(&self) -> String {
        let message = self.message.replace(['\n', '\r'], " ");
        format!("{}: {}: {message}", self.location(), self.severity.word())
    }
}

/// Paths are shown with forward slashes so messages are the same on every system.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// All problems found in one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Counted once per distinct problem: a template error hit by every page is one error.
    pub fn count(&self, severity: Severity) -> usize {
        self.sorted()
            .iter()
            .filter(|d| d.severity == severity)
            .map(|d| d.stands_for)
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }

    /// Sorted by file, then position, without duplicates: the order is the same on every run,
    /// whatever order parallel stages found them in.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort();
        items.dedup();
        items
    }

    /// What is listed: `sorted`, at most `LISTED_PER_FILE` problems of each file, and for the
    /// rest of each severity one line that stands for them ("and 300 more in this file"). A
    /// hostile file of 200,000 broken links is counted, not printed.
    pub fn listed(&self) -> Vec<Diagnostic> {
        let sorted = self.sorted();
        let mut listed = Vec::with_capacity(sorted.len().min(10 * LISTED_PER_FILE));
        for file in sorted.chunk_by(|a, b| a.path == b.path) {
            listed.extend(file.iter().take(LISTED_PER_FILE).cloned());
            for severity in [Severity::Error, Severity::Warning] {
                let rest: usize = (file.iter().skip(LISTED_PER_FILE))
                    .filter(|d| d.severity == severity)
                    .map(|d| d.stands_for)
                    .sum();
                if rest > 0 {
                    let message = crate::tr!(
                        "diagnostic-more-in-file",
                        count = rest,
                        shown = LISTED_PER_FILE
                    );
                    let more = Diagnostic::error(&file[0].path, 0, 0, message);
                    listed.push(Diagnostic {
                        severity,
                        stands_for: rest,
                        ..more
                    });
                }
            }
        }
        listed
    }
}

/// How many problems of one file are listed; the rest are counted (`Diagnostics::listed`).
pub const LISTED_PER_FILE: usize = 100;

/// Where to find a file's text for excerpts; the caller passes what it loaded.
pub trait SourceLookup {
    fn source_text(&self, path: &Path) -> Option<&str>;
}

impl SourceLookup for () {
    fn source_text(&self, _: &Path) -> Option<&str> {
        None
    }
}

/// The human format: grouped per file, each problem with a short excerpt and a hint, then a count.
pub fn format_text(diagnostics: &Diagnostics, sources: &dyn SourceLookup) -> String {
    let mut out = String::new();
    let mut last_path: Option<PathBuf> = None;
    // The lines of the file of the problems being written (they come file by file).
    let mut lines: Vec<&str> = Vec::new();
    for d in diagnostics.listed() {
        // A blank line between problems; files follow each other in order, so each file's
        // problems stay together.
        if last_path.is_some() {
            out.push('\n');
        }
        if last_path.as_ref() != Some(&d.path) {
            lines = (sources.source_text(&d.path)).map_or_else(Vec::new, |t| t.lines().collect());
        }
        last_path = Some(d.path.clone());
        let _ = writeln!(out, "{}", d.headline());
        if let Some(line_text) = lines.get(d.line.wrapping_sub(1)) {
            let line_text = line_text.trim_end_matches('\r');
            let line_text = line_text.strip_prefix('\u{feff}').unwrap_or(line_text);
            let (shown, caret_col) = excerpt_window(line_text, d.col);
            // A control character (a UTF-16 file's zero bytes) would make the output binary
            // to the terminal and to grep: shown as �, one character for one.
            let shown: String = (shown.chars())
                .map(|c| {
                    if c.is_control() && c != '\t' {
                        '\u{fffd}'
                    } else {
                        c
                    }
                })
                .collect();
            let number = d.line.to_string();
            let pad = " ".repeat(number.len());
            let _ = writeln!(out, " {number} | {shown}");
            if caret_col > 0 {
                // As wide as the terminal shows what stands before it: two places for a wide
                // letter or emoji, none for an accent written as a separate mark.
                let caret_offset: String = (shown.chars().take(caret_col - 1))
                    .map(|c| match c {
                        '\t' => "\t".to_string(),
                        c => " ".repeat(UnicodeWidthChar::width(c).unwrap_or(0)),
                    })
                    .collect();
                let _ = writeln!(out, " {pad} | {caret_offset}^");
            }
        }
        if let Some(hint) = &d.hint {
            let _ = writeln!(out, "  {}: {hint}", crate::tr!("hint-label"));
        }
    }
    out
}

/// "2 errors, 1 warning" — the closing line of `check` and a failed `build`.
pub fn summary(diagnostics: &Diagnostics) -> String {
    let errors = diagnostics.count(Severity::Error);
    let warnings = diagnostics.count(Severity::Warning);
    crate::tr!("summary-counts", errors = errors, warnings = warnings)
}

/// GitHub Actions workflow commands, one per problem.
pub fn format_github(diagnostics: &Diagnostics) -> String {
    let mut out = String::new();
    for d in diagnostics.listed() {
        let mut message = d.message.clone();
        if let Some(hint) = &d.hint {
            message.push_str(&format!(" ({}: {hint})", crate::tr!("hint-label")));
        }
        let _ = write!(
            out,
            "::{} file={}",
            d.severity.as_str(),
            escape_github_property(&display_path(&d.path))
        );
        if d.line > 0 {
            let _ = write!(out, ",line={}", d.line);
        }
        if d.col > 0 {
            let _ = write!(out, ",col={}", d.col);
        }
        let _ = writeln!(out, "::{}", escape_github_data(&message));
    }
    out
}

fn escape_github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_github_property(text: &str) -> String {
    escape_github_data(text)
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// At most 100 characters of the line around `col`, with "…" where it was cut, and the
/// column of the caret in what is shown (0: no caret).
fn excerpt_window(line: &str, col: usize) -> (String, usize) {
    const WIDTH: usize = 100;
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= WIDTH {
        return (line.to_string(), col);
    }
    let start = col
        .saturating_sub(WIDTH / 2)
        .min(chars.len().saturating_sub(WIDTH));
    let end = (start + WIDTH).min(chars.len());
    let mut shown = String::new();
    let mut caret = col.saturating_sub(start);
    if start > 0 {
        shown.push('…');
        caret += 1;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, if col == 0 { 0 } else { caret })
}

/// Edit distance for "did you mean" suggestions, where swapping two neighbouring letters
/// (`titel` → `title`) counts as one edit (optimal string alignment). Three rows are kept, not
/// the whole table: memory follows the length of `b` alone.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The closest candidate, if it is close enough to be a likely typo. A candidate whose length
/// differs from the word's by more than the edits allowed cannot be close, and is not
/// compared: a link of two million letters costs no more than reading it.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lowered = word.to_lowercase();
    let length = lowered.chars().count();
    candidates
        .into_iter()
        .filter_map(|c| {
            let allowed = (c.chars().count() / 3).max(2);
            if length.abs_diff(c.chars().count()) > allowed {
                return None;
            }
            let distance = edit_distance(&lowered, &c.to_lowercase());
            (distance <= allowed).then_some((distance, c))
        })
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(
            suggest("titel", ["title", "summary", "date"]),
            Some("title")
        );
        assert_eq!(suggest("Utrect", ["Utrecht", "Zeeland"]), Some("Utrecht"));
        assert_eq!(suggest("banana", ["title", "summary"]), None);
        assert_eq!(
            suggest("titel", ["time", "title", "description"]),
            Some("title")
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        // A word far longer than every candidate is close to none (and is not compared: the
        // time it took is in the closing note of stop 37, not asserted here).
        let long = "a".repeat(2_000_000);
        assert_eq!(suggest(&long, ["a".repeat(200).as_str()]), None);
        assert_eq!(
            suggest("aaaaaaaaaaaa", ["aaaaaaaaaaab"]),
            Some("aaaaaaaaaaab")
        );
    }

    struct OneFile(&'static str);

    impl SourceLookup for OneFile {
        fn source_text(&self, _: &Path) -> Option<&str> {
            Some(self.0)
        }
    }

    #[test]
    fn the_caret_stands_under_its_place_and_zero_bytes_show_as_marks() {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error("a.md", 1, 4, "x"));
        let text = format_text(&d, &OneFile("🎉🎉 fout\n"));
        assert!(text.contains(" 1 | 🎉🎉 fout\n   |      ^\n"), "{text}");
        // An accent saved as a mark of its own after its letter (as macOS may) takes no place.
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error("c.md", 1, 7, "x"));
        let text = format_text(&d, &OneFile("Cafe\u{301} fout\n"));
        assert!(text.contains("   |      ^\n"), "{text}");
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error("b.md", 1, 2, "x"));
        let text = format_text(&d, &OneFile("t\0i\0t\0"));
        assert!(
            text.contains(" 1 | t\u{fffd}i\u{fffd}t\u{fffd}\n   |  ^\n"),
            "{text:?}"
        );
    }

    #[test]
    fn github_format_escapes() {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error("a,b.md", 2, 3, "bad\nthing"));
        assert_eq!(
            format_github(&d),
            "::error file=a%2Cb.md,line=2,col=3::bad%0Athing\n"
        );
    }
}
