//! A fault of wdhs itself (a panic, made on purpose in a debug build with `WDHS_FAULT_IN`):
//! said in the editor's language, `build` leaves the published site whole, and `serve` goes on
//! serving the last good site and builds again on the next save.

mod common;
use common::Site;
use common::server::*;

/// `wdhs build` in the site with a fault while `file` is parsed.
fn build_failing_in(site: &Site, file: &str, lang: &str) -> common::Run {
    let output = common::wdhs()
        .args(["build", "--today", "2026-01-01", "--lang", lang])
        .env("WDHS_FAULT_IN", file)
        .current_dir(site.path())
        .output()
        .expect("run wdhs");
    common::Run::from(output)
}

/// Rust's own words for a panic ("thread 'main' panicked at …", "note: run with
/// `RUST_BACKTRACE=1`") reached the editor, in English, and the exit code was Rust's 101.
#[test]
fn a_fault_of_wdhs_is_said_in_the_editors_language_and_publishes_nothing() {
    let site = Site::fixture("basic");
    site.build().assert_code(0);
    let published = site.snapshot("public");
    let run = build_failing_in(&site, "content/pages/about.nl.md", "en");
    run.assert_code(3)
        .assert_says(
            "error: wdhs stopped on a fault of its own, not on a mistake in your files (src/",
        )
        .assert_says("a fault asked for by WDHS_FAULT_IN)");
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "{}",
        run.stderr
    );
    assert_eq!(
        site.snapshot("public"),
        published,
        "the published site changed"
    );
    build_failing_in(&site, "content/pages/about.nl.md", "nl")
        .assert_code(3)
        .assert_says(
            "fout: wdhs is gestopt door een fout in wdhs zelf, niet door een fout in je bestanden",
        );
}

/// A panic in a rebuild ended `serve`: the editor's preview went away on one save.
#[test]
fn serve_goes_on_after_a_fault_and_builds_again_on_the_next_save() {
    let site = Site::fixture("basic");
    let server = start_with(&site, &[("WDHS_FAULT_IN", "content/pages/fout.nl.md")]);
    server.forget_output();
    site.write(
        "content/pages/fout.nl.md",
        "---\ntitle: \"Fout\"\nsummary: \"Een pagina.\"\n---\nTekst.\n",
    );
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("build failed"), "{summary}");
    let problems = server.printed_problems().join("\n");
    assert!(
        problems.contains("wdhs stopped on a fault of its own")
            && problems.contains("wdhs met a fault of its own while rebuilding"),
        "{problems}"
    );
    assert_eq!(request(&server.address, "/over-ons/").status, 200);
    site.remove("content/pages/fout.nl.md");
    let press = "content/press/bericht-1.nl.md";
    let text = site.read(press);
    site.replace(press, &format!("{text}\nNa de fout.\n"));
    let mut summary = server.next_rebuild().1;
    // The removal and the edit may come as one change or as two.
    if !summary.starts_with("rebuilt") {
        summary = server.next_rebuild().1;
    }
    assert!(summary.starts_with("rebuilt"), "{summary}");
    assert!(
        request(&server.address, "/pers/bericht-1/")
            .body
            .contains("Na de fout."),
        "the edit after the fault is served"
    );
}

/// A panic while answering one request took one of `serve`'s workers away for good: after as
/// many such requests as it has workers (128), the preview answered nothing more.
#[test]
fn serve_answers_on_after_a_fault_in_answering_a_request() {
    let site = Site::fixture("basic");
    let server = start_with(&site, &[("WDHS_FAULT_IN", "/fout-in-antwoord")]);
    for _ in 0..130 {
        let failed = request(&server.address, "/fout-in-antwoord");
        assert_ne!(failed.status, 200, "the fault was answered as a page");
    }
    let page = request(&server.address, "/over-ons/");
    assert_eq!(page.status, 200, "{}", page.head);
}
