//! The message catalogues (`src/i18n/*.ftl`): every message wdhs can say exists in Dutch and in
//! English, formats without errors, and the command line speaks the language it is asked to.

mod common;

use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::BTreeSet;
use wdhs::i18n::CATALOGUES;

/// Message ids and the variables each uses, from the catalogue's text.
fn messages(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("the catalogue does not parse: {errors:?}"),
    };
    let mut out = Vec::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(message) = entry {
            let id = message.id.name.to_string();
            // The variables, from the message's source lines.
            let start = text.find(&format!("\n{id} =")).map_or(0, |i| i + 1);
            let source: String = text[start..]
                .lines()
                .enumerate()
                .take_while(|(i, l)| *i == 0 || l.starts_with(' '))
                .map(|(_, l)| format!("{l}\n"))
                .collect();
            let variables = source
                .split('$')
                .skip(1)
                .map(|rest| {
                    rest.chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect::<String>()
                })
                .filter(|v| !v.is_empty())
                .collect();
            out.push((id, variables));
        }
    }
    out
}

/// Every `.rs` file's text below `src/`.
fn sources() -> Vec<(String, String)> {
    walkdir::WalkDir::new(common::repo_root().join("src"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read_to_string(e.path()).expect("read"),
            )
        })
        .collect()
}

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_variables() {
    let (_, first_code, first) = CATALOGUES[0];
    let reference = messages(first);
    assert!(reference.len() > 10);
    for (_, code, text) in &CATALOGUES[1..] {
        let other = messages(text);
        let ids = |m: &[(String, BTreeSet<String>)]| -> BTreeSet<String> {
            m.iter().map(|(id, _)| id.clone()).collect()
        };
        let missing: Vec<_> = ids(&reference).difference(&ids(&other)).cloned().collect();
        let extra: Vec<_> = ids(&other).difference(&ids(&reference)).cloned().collect();
        assert!(missing.is_empty(), "missing in {code}.ftl: {missing:?}");
        assert!(extra.is_empty(), "missing in {first_code}.ftl: {extra:?}");
        for ((id, a), (_, b)) in reference.iter().zip(other.iter().filter(|_| true)) {
            let b = other
                .iter()
                .find(|(other_id, _)| other_id == id)
                .map_or(b, |(_, v)| v);
            assert_eq!(
                a, b,
                "`{id}` uses other variables in {first_code}.ftl and {code}.ftl"
            );
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists_and_every_message_is_used() {
    let (_, _, text) = CATALOGUES[0];
    let ids: BTreeSet<String> = messages(text).into_iter().map(|(id, _)| id).collect();
    let sources = sources();
    for (path, source) in &sources {
        for (at, _) in source.match_indices("tr!(\"") {
            // `tr!`, not the end of another macro's name (`include_str!`).
            let before = source[..at].chars().next_back();
            let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
            let in_comment = source[line_start..at].trim_start().starts_with("//");
            if in_comment || before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let id: String = source[at + 5..].chars().take_while(|c| *c != '"').collect();
            assert!(ids.contains(&id), "{path}: `{id}` is not in the catalogues");
        }
    }
    let all: String = sources.iter().map(|(_, s)| s.as_str()).collect();
    for id in &ids {
        assert!(
            all.contains(&format!("\"{id}\"")),
            "`{id}` is in the catalogues but no code uses it"
        );
    }
}

#[test]
fn every_message_formats_without_errors_in_every_language() {
    for (_, code, text) in CATALOGUES {
        let bundle = wdhs::i18n::make_bundle(code, text);
        for (id, variables) in messages(text) {
            let mut args = FluentArgs::new();
            for variable in &variables {
                args.set(variable.as_str(), FluentValue::from(2));
            }
            let message = bundle.get_message(&id).expect("listed");
            let pattern = message.value().expect("a message has a value");
            let mut errors = Vec::new();
            let shown = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{code}: `{id}`: {errors:?}");
            assert!(!shown.trim().is_empty(), "{code}: `{id}` is empty");
        }
    }
}

#[test]
fn the_dutch_messages_speak_no_jargon() {
    let (_, _, dutch) = CATALOGUES[0];
    // What editors read: the messages' text, not their ids (`yaml-tab`) or the comments.
    let text: Vec<&str> = dutch
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| match l.split_once(" =") {
            Some((id, value)) if !id.starts_with(' ') => value,
            _ => l,
        })
        .collect();
    let lower = text.join("\n").to_lowercase();
    for word in ["front matter", "frontmatter", "yaml-", "parser", "string"] {
        assert!(!lower.contains(word), "nl.ftl says `{word}`");
    }
}

#[test]
fn the_command_line_speaks_the_language_asked_for() {
    let site = common::Site::fixture("mistakes");
    let ask = |lang: &str| {
        let output = common::wdhs()
            .args(["check", "--lang", lang, "--today", "2026-01-01"])
            .current_dir(site.path())
            .output()
            .expect("run");
        String::from_utf8_lossy(&output.stderr).into_owned()
            + &String::from_utf8_lossy(&output.stdout)
    };
    let (dutch, english) = (ask("nl"), ask("en"));
    assert!(dutch.contains(": fout: "), "{dutch}");
    assert!(dutch.contains("  tip: "), "{dutch}");
    assert!(english.contains(": error: "), "{english}");
    assert!(english.contains("  hint: "), "{english}");
    // The language also comes from the environment, then the locale, then the site.
    for (name, value, word) in [
        ("WDHS_LANG", "nl", "fout"),
        ("LANG", "nl_NL.UTF-8", "fout"),
        ("LANG", "en_GB.UTF-8", "error"),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_wdhs"))
            .args(["check", "--today", "2026-01-01"])
            .env_remove("WDHS_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env(name, value)
            .current_dir(site.path())
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!(": {word}: ")),
            "{name}={value}: {stderr}"
        );
    }
    for lang in ["nl", "en"] {
        for args in [
            vec!["--help"],
            vec!["build", "--help"],
            vec!["check", "--help"],
            vec!["serve", "--help"],
            vec!["new", "--help"],
            vec!["translations", "--help"],
        ] {
            let output = common::wdhs()
                .args(&args)
                .args(["--lang", lang])
                .output()
                .expect("run");
            let help = String::from_utf8_lossy(&output.stdout);
            assert!(output.status.success(), "{lang} {args:?}: {help}");
            assert!(!help.contains("help-"), "{lang} {args:?}: {help}");
            assert!(!help.contains("[default:"), "{lang} {args:?}: {help}");
        }
    }
}

/// `--lang nederlands` is no code: it stops with exit 2 and says how to write it (it fell back
/// to English without a word).
#[test]
fn a_language_name_instead_of_a_code_is_refused() {
    let site = common::Site::fixture("basic");
    let run = site.run(&["check", "--lang", "nederlands"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: `--lang nederlands` is not a language code\n  hint: write the code of the language, like `--lang nl` or `--lang en`\n"
    );
}

/// Slips on the command line name what was typed and what would do: the flag a bad value was
/// given to, the values there are, the command a Dutch word means.
#[test]
fn command_line_slips_say_what_to_type() {
    let site = common::Site::fixture("basic");
    let said = |args: &[&str]| {
        let run = site.run(&[&["--lang", "nl"], args].concat());
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        run.stderr
    };
    assert_eq!(
        said(&["serve", "--port", "abc"]),
        "fout: `abc` is geen goede waarde voor `--port <PORT>`\n  tip: `wdhs --help` toont de opdrachten, `wdhs <opdracht> --help` hun opties\n"
    );
    assert_eq!(
        said(&["check", "--format", "csv"]),
        "fout: `csv` is geen waarde die `--format <FORMAT>` kent\n  tip: kies uit: text, github\n"
    );
    assert_eq!(
        said(&["bouw"]),
        "fout: `bouw` is geen opdracht van wdhs\n  tip: bedoel je `wdhs build`?\n"
    );
}
