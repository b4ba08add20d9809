//! The editors' handbook (`docs/redactie.md`, `docs/editors.md`) cannot drift from the tool: every
//! example in it is extracted and run.
//!
//! - A block opened with ```` ```file content/<path> ```` is a file an editor writes. All such
//!   blocks of a handbook are written into a copy of the `basic` fixture, which must then build
//!   without errors.
//! - A block opened with ```` ```broken content/<path> ```` is a mistake; the block right after
//!   it, opened with ```` ```output ````, is what `wdhs check` prints for it. Each mistake is
//!   written alone into a fresh copy of the fixture and the printed problems must contain the
//!   output block exactly.

mod common;
use common::Site;

#[derive(Debug)]
struct Block {
    info: String,
    text: String,
}

fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    for line in markdown.lines() {
        match current.as_mut() {
            None => {
                if let Some(info) = line.strip_prefix("```") {
                    current = Some(Block {
                        info: info.trim().to_string(),
                        text: String::new(),
                    });
                }
            }
            Some(block) => {
                if line.trim_end() == "```" {
                    out.extend(current.take());
                } else {
                    block.text.push_str(line);
                    block.text.push('\n');
                }
            }
        }
    }
    out
}

fn check_handbook(name: &str) {
    let path = common::repo_root().join("docs").join(name);
    let markdown = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let blocks = blocks(&markdown);
    let files: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.info.starts_with("file "))
        .collect();
    assert!(
        files.len() >= 5,
        "{name} has only {} file examples",
        files.len()
    );
    let site = Site::fixture("basic");
    for block in &files {
        site.write(block.info.trim_start_matches("file ").trim(), &block.text);
    }
    let run = site.build();
    assert_eq!(
        run.code, 0,
        "{name}: the examples do not build:\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("error:"), "{}", run.stderr);

    let mut mistakes = 0;
    for (i, block) in blocks.iter().enumerate() {
        let Some(file) = block.info.strip_prefix("broken ") else {
            continue;
        };
        let output = blocks
            .get(i + 1)
            .filter(|b| b.info == "output")
            .unwrap_or_else(|| panic!("{name}: `broken {file}` has no ```output block after it"));
        let site = Site::fixture("basic");
        site.write(file.trim(), &block.text);
        let run = site.check();
        assert!(
            run.stderr.contains(&output.text),
            "{name}: for `{file}` the handbook shows\n{}\nbut wdhs check prints\n{}",
            output.text,
            run.stderr
        );
        mistakes += 1;
    }
    assert!(
        mistakes >= 5,
        "{name} explains only {mistakes} error messages"
    );
}

#[test]
fn dutch_handbook_examples_work() {
    check_handbook("redactie.md");
}

#[test]
fn english_handbook_examples_work() {
    check_handbook("editors.md");
}
