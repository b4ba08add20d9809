//! Translations older than their Dutch source, found from git history by `wdhs check`.

mod common;
use common::Site;

#[test]
fn a_source_changed_after_its_translation_is_reported_with_both_dates() {
    let site = Site::fixture("basic");
    common::git_first_commit(&site, "2024-04-01T12:00:00+02:00");
    let page = site.read("content/pages/about.nl.md");
    site.write(
        "content/pages/about.nl.md",
        &format!("{page}\nNieuwe alinea.\n"),
    );
    let run = site.check();
    run.assert_code(0);
    assert!(
        run.stderr.contains("content/pages/about.en.md: warning: the English translation may be out of date: content/pages/about.nl.md changed in edits not committed yet, this file last in "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "(2024-04-01)\n  hint: bring the translation up to date, then commit both files; if the translation need not change (you mended a typo), put `[translation ok]` in the first line of your commit's message\n"
        ),
        "{}",
        run.stderr
    );
    // A change committed as needing no new translation leaves the translation as it was.
    common::git(
        &site,
        &["commit", "-qam", "Tikfout verbeterd [vertaling klopt]"],
        "2024-04-02T12:00:00+02:00",
    );
    let run = site.check();
    assert!(!run.stderr.contains("out of date"), "{}", run.stderr);
    site.write(
        "content/pages/about.nl.md",
        &format!("{page}\nNieuwe alinea.\nNog een.\n"),
    );
    common::git(
        &site,
        &["commit", "-qam", "Meer tekst"],
        "2024-04-03T12:00:00+02:00",
    );
    let run = site.check();
    assert!(
        run.stderr.contains("content/pages/about.nl.md changed in "),
        "{}",
        run.stderr
    );
    // Once the translation is updated too, the warning goes.
    let page = site.read("content/pages/about.en.md");
    site.write(
        "content/pages/about.en.md",
        &format!("{page}\nNew paragraph.\n"),
    );
    assert!(!site.check().stderr.contains("out of date"));
}

#[test]
fn without_git_the_check_is_skipped_and_said_once() {
    let site = Site::fixture("basic");
    let run = site.check();
    run.assert_code(0);
    assert_eq!(run.stdout.matches("note: ").count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("note: the site is not in a git repository, so translations were not compared with their sources\n"), "{}", run.stdout);
}
