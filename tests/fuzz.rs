//! A fuzz harness that runs in CI for a short time (cargo-fuzz needs a nightly toolchain, which
//! this project's machines do not have). Random documents are built from fragments that have
//! broken parsers before — front-matter fences, CRLF, BOM, tabs, colons, YAML anchors, brackets,
//! Markdown links and `@/` links, multi-byte characters — and fed to every pure stage. The only
//! assertion is the one that matters: nothing panics, and the invariants hold. Inputs that once
//! failed are kept in `tests/fuzz_corpus/` and replayed first.
//!
//! More iterations: `WDHS_FUZZ_ITERATIONS=200000 cargo test --release --test fuzz`.

use std::path::Path;
use wdhs::diagnostic::Diagnostics;
use wdhs::lang::Lang;
use wdhs::markdown::{self, LinkResolver, RenderInput, Resolved};
use wdhs::model::{EntrySource, KINDS, Kind, Vocabulary, parse_entry};

const FRAGMENTS: &[&str] = &[
    "---",
    "---\n",
    "\n",
    "\r\n",
    "\u{feff}",
    "\t",
    " ",
    "  ",
    ":",
    ": ",
    "title: ",
    "summary: ",
    "date: ",
    "2024-04-13",
    "2024-02-30",
    "number: ",
    "1",
    "99999999999999999999",
    "-1",
    "themes: ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "- ",
    "&a ",
    "*a",
    "<<: *a",
    "\"",
    "'",
    "#",
    "## ",
    "###### ",
    "@/",
    "@/goals/x",
    "@/press/",
    "#anchor",
    "[",
    "](",
    ")",
    "![",
    "<",
    ">",
    "&",
    "é",
    "ë",
    "ö",
    "Ĳ",
    "🙂",
    "\u{0}",
    "\u{7f}",
    "|",
    "|---|",
    "> ",
    "* ",
    "1. ",
    "`",
    "```",
    "~~",
    "[^1]",
    "[^1]: x",
    "{#id}",
    "\\",
    "..",
    "/",
    "%2e",
    "%2f",
    "%",
    "slug: ",
    "draft: true",
    "province: ",
    "Utrecht",
    "partners: [",
    "goals: [1, 2",
    "programme:\n  - time: x\n    title: y",
    "? ",
    "!!str ",
    "!!binary ",
    "%YAML 1.2\n",
    "...",
    "null",
    "~",
    "yes",
    "0x1F",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: deterministic, so a failure is reproducible from its seed.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn document(&mut self) -> String {
        let mut text = String::new();
        if self.below(3) > 0 {
            text.push_str("---\n");
        }
        for _ in 0..self.below(60) {
            text.push_str(FRAGMENTS[self.below(FRAGMENTS.len())]);
        }
        text
    }
}

struct AnyLink;

impl LinkResolver for AnyLink {
    fn resolve(&self, destination: &str, _: bool) -> Result<Resolved, (String, String)> {
        match destination.strip_prefix("@/") {
            Some(rest) if rest.len() % 2 == 0 => Ok(Resolved::Url {
                url: format!("/x/{rest}"),
                target: Some(rest.to_string()),
            }),
            Some(_) => Err(("no".into(), "hint".into())),
            None => Ok(Resolved::Unchanged),
        }
    }
}

fn exercise(text: &str) {
    let _ = wdhs::frontmatter::split(text);
    let _ = wdhs::yaml::parse(text, 0);
    let vocabulary = Vocabulary {
        themes: Some(vec!["energie", "zorg"]),
        programme_goals: Some(5),
    };
    let kept = std::sync::Arc::new(wdhs::packed::Text::from(text.to_string()));
    for kind in KINDS {
        let mut diagnostics = Diagnostics::new();
        let source = EntrySource {
            kind,
            stem: "x",
            lang: Lang::fallback(),
            path: Path::new("content/x.nl.md"),
            text,
            kept: &kept,
            shared: None,
        };
        // The body is a part of the text, whatever the text.
        if let Some(entry) = parse_entry(&source, &vocabulary, &mut diagnostics) {
            assert!(text.ends_with(&*entry.body.read()), "{text:?}");
        }
        for d in diagnostics.sorted() {
            // Every position points into the file (or is 0 for the whole file).
            assert!(
                d.line <= text.lines().count() + 2,
                "line {} beyond the file: {d:?}",
                d.line
            );
        }
    }
    let rendered = markdown::render(
        &RenderInput {
            markdown: text,
            path: Path::new("x.md"),
            first_line: 1,
        },
        &AnyLink,
    );
    for heading in &rendered.headings {
        assert!(!heading.id.is_empty());
    }
    let _ = wdhs::config::parse_config(
        text,
        Path::new("content/site.yaml"),
        &mut Diagnostics::new(),
    );
    let slug = wdhs::slug::slugify(text);
    assert!(
        slug.is_empty() || wdhs::slug::is_valid_slug(&slug),
        "slugify gave `{slug}`"
    );
    let _ = Kind::from_folder(text);
    if let Ok(path) = wdhs::serve::safe_path(text) {
        assert!(
            path.components()
                .all(|c| matches!(c, std::path::Component::Normal(_))),
            "{text:?} → {path:?}"
        );
    }
}

#[test]
fn corpus_of_past_failures_does_not_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus");
    let mut count = 0;
    for entry in std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(Result::ok)
    {
        let bytes = std::fs::read(entry.path()).expect("read");
        exercise(&String::from_utf8_lossy(&bytes));
        count += 1;
    }
    assert!(count > 0, "the corpus is empty");
}

#[test]
fn random_documents_do_not_panic() {
    let iterations: usize = std::env::var("WDHS_FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for i in 0..iterations {
        let text = rng.document();
        let result = std::panic::catch_unwind(|| exercise(&text));
        assert!(
            result.is_ok(),
            "iteration {i} panicked on {text:?}; add it to tests/fuzz_corpus/"
        );
    }
}
