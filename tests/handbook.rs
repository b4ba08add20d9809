//! The editors' handbooks (`docs/redactie.md` in Dutch, `docs/editors.md` in English) cannot drift
//! from the tool or from the site: every example in them is applied to a copy of the REAL site
//! (the repository's own `content/` and `themes/`) and run, in the handbook's language.
//!
//! Blocks the test reads, by the words after the opening ```` ``` ````:
//!
//! - ```` ```file content/<path> ```` is a file an editor writes. All such blocks of a handbook are
//!   applied to one copy of the real site, which must then check and build without errors and
//!   without a warning the real site does not have.
//! - ```` ```broken content/<path> ```` is a mistake; the block right after it, opened with
//!   ```` ```output ````, is exactly what `wdhs check --lang <nl|en>` prints for it (its problems,
//!   then what it holds back and the count; the note that the copy is not in git is left out).
//!   Each mistake is applied alone to a fresh copy of the real site.
//! - ```` ```excerpt content/<path> ```` shows lines of a real file; they must be in that file as
//!   they are.
//! - ```` ```sh ```` holding one `wdhs …` command, followed by ```` ```output ````: the command is
//!   run in a fresh copy of the real site, with the handbook's language as the system's
//!   (`WDHS_LANG`), and prints exactly the output block (its problems, then what it writes,
//!   without the note that the copy is not in git).
//!
//! `file` and `broken` write the whole file, or, with a word after the path, change a real one:
//! `fields` replaces the fields at the top (from the first `---` line to the second), `end` adds
//! the block as a new paragraph at the end of the text.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

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
    assert!(current.is_none(), "a ``` block is not closed");
    out
}

/// How a `file` or `broken` block changes the site.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    Whole,
    Fields,
    End,
}

/// `content/<path>[ fields| end]` (the path may hold spaces: a mistake can be a file name).
fn target(rest: &str) -> (&str, Mode) {
    let rest = rest.trim();
    if let Some(path) = rest.strip_suffix(" fields") {
        (path.trim(), Mode::Fields)
    } else if let Some(path) = rest.strip_suffix(" end") {
        (path.trim(), Mode::End)
    } else {
        (rest, Mode::Whole)
    }
}

/// A copy of the real site (content/ and themes/) in a fresh temporary folder.
fn real_site() -> common::Site {
    let site = common::Site::empty();
    copy_real_site(site.path());
    site
}

/// The same, with the image cache of one build of the real site, so that a build does not make
/// every photo again.
fn real_site_with_cache() -> common::Site {
    let site = real_site();
    common::copy_dir(warm_cache(), &site.path().join(".wdhs-cache"));
    site
}

/// Copies content/ and themes/; photos, which no example changes, are hard links where the file
/// system allows (the text files are copies: examples write them in place).
fn copy_real_site(to: &Path) {
    let root = common::repo_root();
    common::copy_dir(&root.join("themes"), &to.join("themes"));
    let from = root.join("content");
    for entry in walkdir::WalkDir::new(&from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let target = to
            .join("content")
            .join(entry.path().strip_prefix(&from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            continue;
        }
        let photo = matches!(
            entry.path().extension().and_then(|e| e.to_str()),
            Some("jpg" | "jpeg" | "png" | "webp" | "gif")
        );
        if !(photo && std::fs::hard_link(entry.path(), &target).is_ok()) {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The `.wdhs-cache/` of the real site, brought up to date once per test run by a build of the
/// real site in a folder of cargo's that outlives the run (so only the first run on a machine
/// makes every photo; it starts from the repository's own cache when a build left one there).
fn warm_cache() -> &'static Path {
    static WARM: OnceLock<PathBuf> = OnceLock::new();
    WARM.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("handbook-real-site");
        for old in ["content", "themes", "public"] {
            let _ = std::fs::remove_dir_all(dir.join(old));
        }
        std::fs::create_dir_all(&dir).expect("mkdir");
        copy_real_site(&dir);
        let cache = dir.join(".wdhs-cache");
        let repo_cache = common::repo_root().join(".wdhs-cache");
        if !cache.is_dir() && repo_cache.is_dir() {
            common::copy_dir(&repo_cache, &cache);
        }
        let output = common::wdhs()
            .args(["build", "--today", TODAY])
            .current_dir(&dir)
            .output()
            .expect("run wdhs");
        assert!(
            output.status.success(),
            "the real site does not build:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::create_dir_all(&cache).expect("mkdir");
        cache
    })
}

/// The date the examples are checked on (a press release dated later is held back).
const TODAY: &str = "2026-01-01";

fn apply(site: &common::Site, handbook: &str, info: &str, text: &str) {
    let (path, mode) = target(info);
    assert!(
        path.starts_with("content/"),
        "{handbook}: `{info}` is not a file in content/"
    );
    let new = match mode {
        Mode::Whole => text.to_string(),
        Mode::Fields => {
            let old = real_file(handbook, path);
            let lines: Vec<&str> = old.lines().collect();
            let close = lines
                .iter()
                .skip(1)
                .position(|l| l.trim_end() == "---")
                .map(|i| i + 1)
                .filter(|_| lines.first().map(|l| l.trim_end()) == Some("---"))
                .unwrap_or_else(|| panic!("{handbook}: {path} has no fields between `---` lines"));
            assert!(
                text.starts_with("---\n") && text.ends_with("---\n"),
                "{handbook}: `{info}` must show the fields with both `---` lines"
            );
            let mut new = text.to_string();
            for line in &lines[close + 1..] {
                new.push_str(line);
                new.push('\n');
            }
            new
        }
        Mode::End => format!("{}\n\n{text}", real_file(handbook, path).trim_end()),
    };
    site.write(path, &new);
}

fn real_file(handbook: &str, path: &str) -> String {
    std::fs::read_to_string(common::repo_root().join(path))
        .unwrap_or_else(|e| panic!("{handbook}: {path} is not a file of the real site: {e}"))
}

/// What an editor sees after `wdhs check`: the problems (stderr), then what is held back and the
/// count (stdout), without the note that the copy is not in a git repository.
fn check(site: &common::Site, lang: &str) -> (i32, String) {
    let run = site.run(&["check", "--lang", lang, "--today", TODAY]);
    (run.code, seen(&run.stdout, &run.stderr))
}

/// A command's problems (stderr), then its other output (stdout), as the terminal shows them to
/// an editor whose site is in git: the note that the copy is not in a git repository is left out.
fn seen(stdout: &str, stderr: &str) -> String {
    let mut seen = stderr.to_string();
    for line in stdout.lines() {
        if !line.contains("git repository") && !line.contains("git-repository") {
            seen.push_str(line);
            seen.push('\n');
        }
    }
    seen
}

/// Splits a command line the way a terminal does for these examples: words, and text between
/// double quotes as one word.
fn words(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in command.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}

fn check_handbook(name: &str, lang: &str) {
    let path = common::repo_root().join("docs").join(name);
    let markdown = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let blocks = blocks(&markdown);
    let mut failures = Vec::new();

    // Every finished file together, on one copy of the real site.
    let files: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.info.starts_with("file "))
        .collect();
    assert!(
        files.len() >= 5,
        "{name} has only {} file examples",
        files.len()
    );
    let site = real_site_with_cache();
    let (_, before) = check(&site, lang);
    for block in &files {
        apply(&site, name, &block.info["file ".len()..], &block.text);
    }
    let (code, after) = check(&site, lang);
    if code != 0 || after != before {
        failures.push(format!(
            "the file examples together are not a clean site: `wdhs check` printed\n{after}\nwhere the real site prints\n{before}"
        ));
    }
    let run = site.run(&["build", "--lang", lang, "--today", TODAY]);
    if run.code != 0 {
        failures.push(format!("the file examples do not build:\n{}", run.stderr));
    }

    let mut mistakes = 0;
    let mut commands = 0;
    for (i, block) in blocks.iter().enumerate() {
        let output = || {
            blocks
                .get(i + 1)
                .filter(|b| b.info == "output")
                .unwrap_or_else(|| {
                    panic!("{name}: ```{} has no ```output block after it", block.info)
                })
        };
        if let Some(info) = block.info.strip_prefix("broken ") {
            let site = real_site();
            apply(&site, name, info, &block.text);
            let (_, seen) = check(&site, lang);
            let expected = &output().text;
            if &seen != expected {
                failures.push(format!(
                    "for `broken {info}` the handbook shows\n{expected}\nbut wdhs check prints\n{seen}"
                ));
            }
            mistakes += 1;
        } else if let Some(path) = block.info.strip_prefix("excerpt ") {
            let real = real_file(name, path.trim());
            if !real.contains(&block.text) {
                failures.push(format!(
                    "the excerpt of {path} is not in the real file:\n{}",
                    block.text
                ));
            }
        } else if block.info == "sh"
            && block.text.starts_with("wdhs ")
            && blocks.get(i + 1).is_some_and(|b| b.info == "output")
        {
            let words = words(block.text.trim());
            let site = real_site();
            let run = common::wdhs()
                .args(&words[1..])
                .env("WDHS_LANG", lang)
                .current_dir(site.path())
                .output()
                .expect("run wdhs");
            let seen = seen(
                &String::from_utf8_lossy(&run.stdout),
                &String::from_utf8_lossy(&run.stderr),
            );
            let expected = &output().text;
            if &seen != expected {
                failures.push(format!(
                    "for `{}` the handbook shows\n{expected}\nbut wdhs prints\n{seen}",
                    block.text.trim()
                ));
            }
            commands += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{name}:\n\n{}",
        failures.join("\n\n----------\n\n")
    );
    assert!(mistakes >= 10, "{name} explains only {mistakes} messages");
    assert!(commands >= 1, "{name} runs no command");
}

#[test]
fn dutch_handbook_examples_work_on_the_real_site() {
    check_handbook("redactie.md", "nl");
}

#[test]
fn english_handbook_examples_work_on_the_real_site() {
    check_handbook("editors.md", "en");
}

#[test]
fn commands_are_split_like_a_terminal_does() {
    assert_eq!(
        words(r#"wdhs new press "Terugblik op het festival"  --date 2024-04-20"#),
        [
            "wdhs",
            "new",
            "press",
            "Terugblik op het festival",
            "--date",
            "2024-04-20"
        ]
    );
    assert_eq!(
        target("content/pages/Doe mee.nl.md"),
        ("content/pages/Doe mee.nl.md", Mode::Whole)
    );
    assert_eq!(
        target("content/festival/2024.nl.md end"),
        ("content/festival/2024.nl.md", Mode::End)
    );
}

/// The handbooks start with installing wdhs, name no test fixture's entries, and the Dutch one
/// speaks of fields, not of front matter, YAML or placeholders (outside the marker line it
/// quotes, and outside the messages it shows).
#[test]
fn handbooks_start_with_installing_and_speak_plainly() {
    for (name, first) in [
        ("redactie.md", "## 1. wdhs installeren"),
        ("editors.md", "## 1. Installing wdhs"),
    ] {
        let markdown = std::fs::read_to_string(common::repo_root().join("docs").join(name))
            .expect("read handbook");
        let heading = markdown.lines().find(|l| l.starts_with("## "));
        assert_eq!(heading, Some(first), "{name} must start with installing");
        for fixture_name in [
            "alfa",
            "alpha",
            "bericht-1",
            "gamma",
            "@/goals/tweede",
            "@/goals/eerste",
        ] {
            assert!(
                !markdown.contains(fixture_name),
                "{name} still names the test fixture's `{fixture_name}`"
            );
        }
    }
    let dutch = std::fs::read_to_string(common::repo_root().join("docs/redactie.md"))
        .expect("read handbook");
    let prose: String = blocks_outside(&dutch).replace("wdhs:placeholder", "");
    for jargon in ["front matter", "YAML", "placeholder", "Placeholder"] {
        assert!(
            !prose.contains(jargon),
            "redactie.md says `{jargon}`: say it in plain Dutch"
        );
    }
}

/// The text of a handbook outside its ``` blocks (which show files and wdhs's own words).
fn blocks_outside(markdown: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            inside = !inside;
        } else if !inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
