//! `wdhs build` on fixture sites: the bilingual output, localized URLs, the switcher, and every
//! kind of bad input with its exact message, exit code and an untouched previous `public/`.

mod common;
use common::Site;

fn built() -> Site {
    let site = Site::fixture("basic");
    site.build().assert_code(0);
    site
}

#[test]
fn builds_both_languages_with_localized_urls() {
    let site = built();
    for path in [
        "public/index.html",
        "public/en/index.html",
        "public/doelen/index.html",
        "public/doelen/eerste/index.html",
        "public/en/goals/together-is-normal/index.html",
        "public/pers/bericht-1/index.html",
        "public/en/press/release-1/index.html",
        "public/initiatieven/molen/index.html",
        "public/en/initiatives/molen/index.html",
        "public/partners/alfa/index.html",
        "public/festival/2024/index.html",
        "public/over-ons/index.html",
        "public/en/about/index.html",
        "public/partners/logos/alfa.svg",
    ] {
        assert!(site.exists(path), "{path} missing");
    }
    let nl = site.read("public/doelen/eerste/index.html");
    assert!(nl.contains("<html lang=\"nl\" dir=\"ltr\">"));
    assert!(nl.contains("<link rel=\"canonical\" href=\"https://example.org/doelen/eerste/\">"));
    assert!(nl.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/goals/together-is-normal/\">"));
    assert!(nl.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/doelen/eerste/\">"));
    assert!(
        nl.contains(
            "<a href=\"/en/goals/together-is-normal/\" hreflang=\"en\" lang=\"en\">English</a>"
        ),
        "{nl}"
    );
    let en = site.read("public/en/goals/together-is-normal/index.html");
    assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(en.contains("<a href=\"/doelen/eerste/\" hreflang=\"nl\" lang=\"nl\">Nederlands</a>"));
}

#[test]
fn summary_line_counts_pages_per_language() {
    let site = Site::fixture("basic");
    let run = site.build();
    run.assert_code(0);
    assert!(
        run.stdout.starts_with(
            "built 53 pages (27 entries: 14 nl, 13 en), 1 files copied, 1 warning into public in "
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn dates_are_written_the_local_way() {
    let site = built();
    assert!(
        site.read("public/festival/2024/index.html")
            .contains("<time datetime=\"2024-04-13\">zaterdag 13 april 2024</time>")
    );
    assert!(
        site.read("public/en/festival/2024/index.html")
            .contains("<time datetime=\"2024-04-13\">Saturday 13 April 2024</time>")
    );
    assert!(
        site.read("public/pers/bericht-3/index.html")
            .contains("13 maart 2024")
    );
    assert!(
        site.read("public/en/press/release-3/index.html")
            .contains("13 March 2024")
    );
}

#[test]
fn internal_links_resolve_per_language() {
    let site = built();
    let nl = site.read("public/index.html");
    assert!(
        nl.contains("<a href=\"/doelen/eerste/\">het eerste doel</a>"),
        "{nl}"
    );
    assert!(nl.contains("<a href=\"/over-ons/\">ons</a>"));
    let en = site.read("public/en/index.html");
    assert!(en.contains("<a href=\"/en/goals/together-is-normal/\">the first goal</a>"));
    assert!(
        site.read("public/doelen/tweede/index.html")
            .contains("<a href=\"/doelen/eerste/#waarom\">waarom</a>")
    );
}

/// YAML reads `007`, `2.50` and `+31` as numbers (7, 2.5, 31); a text field shows what the
/// editor typed, and a message quotes it.
#[test]
fn a_number_in_a_text_field_is_published_as_typed() {
    let site = Site::fixture("basic");
    site.write(
        "content/press/bericht-1.nl.md",
        "---\ntitle: 007\nsummary: 2.50\n---\nTekst.\n",
    );
    site.write(
        "content/goals/eerste.yaml",
        "number: 1\ntarget_year: 2030.0\n",
    );
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "content/goals/eerste.yaml:2:14: error: field `target_year` should be a whole number, found a decimal number `2030.0`"
        ),
        "{}",
        run.stderr
    );
    site.write(
        "content/goals/eerste.yaml",
        "number: 1\ntarget_year: 2030\n",
    );
    site.build().assert_code(0);
    let page = site.read("public/pers/bericht-1/index.html");
    assert!(page.contains("<h1>007</h1>"), "{page}");
    assert!(page.contains("2.50"), "{page}");
    assert!(!page.contains("2.5<"), "{page}");
}

#[test]
fn missing_translation_is_a_warning_and_the_switcher_falls_back_to_the_section() {
    let site = Site::fixture("basic");
    let run = site.build();
    run.assert_code(0);
    assert_eq!(
        run.stderr,
        "content/initiatives/alleen-nl.nl.md: warning: there is no English translation of this page\n  hint: readers of the English site get a notice instead; add content/initiatives/alleen-nl.en.md\n"
    );
    let page = site.read("public/initiatieven/alleen-nl/index.html");
    // The switcher leads to the notice on the English list, which says so in English.
    assert!(
        page.contains(
            "<a href=\"/en/initiatives/#untranslated\" hreflang=\"en\" lang=\"en\">English</a>"
        ),
        "{page}"
    );
    assert!(
        !page.contains("hreflang=\"en\" href="),
        "no alternate for a missing translation"
    );
    assert!(!site.exists("public/en/initiatives/alleen-nl/index.html"));
}

#[test]
fn shared_fields_are_written_once_for_both_languages() {
    let site = built();
    for path in [
        "public/initiatieven/molen/index.html",
        "public/en/initiatives/molen/index.html",
    ] {
        let page = site.read(path);
        assert!(page.contains("Reduzum"), "{path}");
        assert!(page.contains("https://molen.example.org"), "{path}");
    }
}

#[test]
fn partners_page_separates_core_partners_and_signatories() {
    let site = built();
    let page = site.read("public/partners/index.html");
    let core = page.find("Kernpartners").expect("core heading");
    let signatories = page.find("Ondertekenaars").expect("signatories heading");
    let alfa = page.find("Alfa Vereniging").expect("alfa");
    let beta = page.find(">Beta<").expect("beta");
    assert!(core < alfa && alfa < signatories && signatories < beta);
    assert!(page.contains("<time datetime=\"2024-04-13\">13 april 2024</time>"));
}

#[test]
fn press_index_is_newest_first_and_paginated() {
    let site = built();
    let first = site.read("public/pers/index.html");
    let three = first.find("Bericht 3").expect("3");
    let two = first.find("Bericht 2").expect("2");
    assert!(three < two);
    assert!(!first.contains("Bericht 1"));
    assert!(first.contains("href=\"/pers/pagina/2/\" rel=\"next\""));
    assert!(
        site.read("public/pers/pagina/2/index.html")
            .contains("Bericht 1")
    );
    assert!(
        site.read("public/en/press/page/2/index.html")
            .contains("Release 1")
    );
}

#[test]
fn drafts_and_embargoed_releases_are_held_back_unless_asked_for() {
    let site = built();
    assert!(!site.exists("public/pers/concept/index.html"));
    assert!(!site.exists("public/pers/toekomst/index.html"));
    site.run(&["build", "--drafts", "--today", "2026-01-01"])
        .assert_code(0);
    assert!(site.exists("public/pers/concept/index.html"));
    assert!(site.exists("public/pers/toekomst/index.html"));
    // On its date the embargo ends.
    site.run(&["build", "--today", "2030-01-01"]).assert_code(0);
    assert!(site.exists("public/pers/toekomst/index.html"));
    assert!(!site.exists("public/pers/concept/index.html"));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = built();
    let first = site.snapshot("public");
    site.build().assert_code(0);
    assert_eq!(first, site.snapshot("public"));
    assert!(first.len() > 50);
}

#[test]
fn base_url_with_a_sub_path_is_used_everywhere() {
    let site = Site::fixture("basic");
    site.run(&[
        "build",
        "--today",
        "2026-01-01",
        "--base-url",
        "https://example.net/wdhs",
    ])
    .assert_code(0);
    let page = site.read("public/en/index.html");
    assert!(page.contains("<link rel=\"canonical\" href=\"https://example.net/wdhs/en/\">"));
    assert!(page.contains("href=\"/wdhs/en/goals/together-is-normal/\""));
    assert!(page.contains("href=\"/wdhs/assets/style."));
    assert!(!page.contains("href=\"/en/"), "a link without the sub-path");
    assert!(
        site.read("public/sitemap.xml")
            .contains("<loc>https://example.net/wdhs/doelen/</loc>")
    );
}

#[test]
fn output_folder_can_be_chosen() {
    let site = Site::fixture("basic");
    let run = site.run(&["build", "--today", "2026-01-01", "--output", "site-out"]);
    run.assert_code(0);
    assert!(site.exists("site-out/index.html"));
    assert!(!site.exists("public"));
}

fn broken(mutate: impl Fn(&Site)) -> (Site, Vec<(String, Vec<u8>)>) {
    let site = Site::fixture("basic");
    site.build().assert_code(0);
    let before = site.snapshot("public");
    mutate(&site);
    (site, before)
}

/// A build, failed or not, leaves no staging folder (they start with a dot) beside the output.
/// The dot folders allowed are the spare tree a rebuild leaves (the site before, which the
/// next build brings up to date and swaps in) and the site's cache (`.wdhs-cache`).
fn assert_no_staging_left(site: &Site) {
    let leftovers: Vec<String> = std::fs::read_dir(site.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".public.previous" && n != ".wdhs-cache")
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

fn expect_failure(mutate: impl Fn(&Site), expected: &str) {
    let (site, before) = broken(mutate);
    let run = site.build();
    run.assert_code(1);
    assert_eq!(run.stderr, expected, "\n--- got\n{}", run.stderr);
    assert_eq!(
        before,
        site.snapshot("public"),
        "public/ changed after a failed build"
    );
    assert_no_staging_left(&site);
}

const MISSING_NL_WARNING: &str = "content/initiatives/alleen-nl.nl.md: warning: there is no English translation of this page\n  hint: readers of the English site get a notice instead; add content/initiatives/alleen-nl.en.md\n";

#[test]
fn malformed_yaml() {
    expect_failure(
        |s| {
            s.write(
                "content/goals/eerste.nl.md",
                "---\ntitle: Samen: zo\nsummary: \"x\"\n---\n",
            )
        },
        &format!(
            "content/goals/eerste.nl.md:2:13: error: the front matter is not valid YAML: a colon (:) where a new field cannot start\n 2 | title: Samen: zo\n   |             ^\n  hint: text with a colon (:) must be put between quotes, like `title: \"Together: how it works\"`\n\n{MISSING_NL_WARNING}build failed: 1 error, 1 warning; public was not changed\n"
        ),
    );
}

#[test]
fn unclosed_front_matter() {
    expect_failure(
        |s| {
            s.write(
                "content/pages/about.nl.md",
                "---\ntitle: Over ons\n\nWij zijn een coalitie.\n",
            )
        },
        &format!(
            "{MISSING_NL_WARNING}\ncontent/pages/about.nl.md:1:1: error: the front matter is not closed\n 1 | ---\n   | ^\n  hint: add a line with three dashes `---` after the last field\nbuild failed: 1 error, 1 warning; public was not changed\n"
        ),
    );
}

#[test]
fn wrong_type() {
    expect_failure(
        |s| {
            s.write(
                "content/goals/eerste.yaml",
                "number: een\ntarget_year: 2030\n",
            )
        },
        &format!(
            "content/goals/eerste.yaml:1:9: error: field `number` should be a whole number from 1 to 99, found `een`\n 1 | number: een\n   |         ^\n  hint: write it like `number: 1`\n\n{MISSING_NL_WARNING}build failed: 1 error, 1 warning; public was not changed\n"
        ),
    );
}

#[test]
fn unknown_field_with_suggestion() {
    expect_failure(
        |s| {
            s.write(
                "content/pages/about.en.md",
                "---\ntitle: About us\nslug: about\nsumary: Who we are\n---\n",
            )
        },
        &format!(
            "{MISSING_NL_WARNING}\ncontent/pages/about.en.md:4:1: error: unknown field `sumary` for a page\n 4 | sumary: Who we are\n   | ^\n  hint: did you mean `summary`?\nbuild failed: 1 error, 1 warning; public was not changed\n"
        ),
    );
}

#[test]
fn missing_required_field() {
    expect_failure(
        |s| {
            s.write(
                "content/press/bericht-1.nl.md",
                "---\ntitle: Bericht 1\n---\nTekst.\n",
            )
        },
        &format!(
            "{MISSING_NL_WARNING}\ncontent/press/bericht-1.nl.md:1:1: error: missing required field `summary` for a press release\n 1 | ---\n   | ^\n  hint: add a line `summary: …` to the front matter, or to content/press/bericht-1.yaml if all languages share it\nbuild failed: 1 error, 1 warning; public was not changed\n"
        ),
    );
}

#[test]
fn field_set_in_two_files() {
    expect_failure(
        |s| {
            s.write(
                "content/initiatives/zorg.nl.md",
                "---\nsummary: Zorg in het dorp.\nplace: Bladel\n---\n",
            )
        },
        &format!(
            "{MISSING_NL_WARNING}\ncontent/initiatives/zorg.nl.md:3:1: error: field `place` is set twice: in content/initiatives/zorg.yaml (line 2) and in content/initiatives/zorg.nl.md\n 3 | place: Bladel\n   | ^\n  hint: keep it in one place: fields all languages share go in the .yaml file, translated fields in the .md files\nbuild failed: 1 error, 1 warning; public was not changed\n"
        ),
    );
}

#[test]
fn unresolved_references() {
    expect_failure(
        |s| {
            s.write(
                "content/press/bericht-2.yaml",
                "date: 2024-02-12\npartners: [alpha]\ngoals: [1, 9]\n",
            );
            s.write("content/goals/tweede.nl.md", "---\ntitle: Zeggenschap\nsummary: Bewoners beslissen mee.\n---\nZie [het festival](@/festival/2025) en [dit](@/doelen/eerste).\n");
        },
        &format!(
            "content/goals/tweede.nl.md:5:5: error: `@/festival/2025` links to a page that does not exist\n 5 | Zie [het festival](@/festival/2025) en [dit](@/doelen/eerste).\n   |     ^\n  hint: did you mean `@/festival/2024`?\n\ncontent/goals/tweede.nl.md:5:40: error: `@/doelen/eerste` does not name a kind of content\n 5 | Zie [het festival](@/festival/2025) en [dit](@/doelen/eerste).\n   |                                        ^\n  hint: did you mean `@/goals/eerste`?\n\n{MISSING_NL_WARNING}\ncontent/press/bericht-2.yaml:2:12: error: there is no partner `alpha`\n 2 | partners: [alpha]\n   |            ^\n  hint: did you mean `alfa`? Partners are named by their file name in content/partners/\n\ncontent/press/bericht-2.yaml:3:12: error: there is no goal 9\n 3 | goals: [1, 9]\n   |            ^\n  hint: the goals are numbered 1, 2\nbuild failed: 4 errors, 1 warning; public was not changed\n"
        ),
    );
}

#[test]
fn two_entries_with_the_same_url() {
    expect_failure(
        |s| {
            s.write(
                "content/pages/contact.nl.md",
                "---\ntitle: Contact\nslug: Over-Ons\n---\n",
            );
            s.write(
                "content/pages/contact.en.md",
                "---\ntitle: Contact\nslug: contact\n---\n",
            );
        },
        &format!(
            "{MISSING_NL_WARNING}\ncontent/pages/contact.nl.md:3:7: error: `Over-Ons` cannot be used as a slug\n 3 | slug: Over-Ons\n   |       ^\n  hint: use lowercase letters, digits and hyphens, like `over-ons`\n\ncontent/pages/contact.nl.md:3:7: error: this page would be written to /Over-Ons/, which content/pages/about.nl.md already uses\n 3 | slug: Over-Ons\n   |       ^\n  hint: give one of them another `slug:`\nbuild failed: 2 errors, 1 warning; public was not changed\n"
        ),
    );
}

/// A theme without one of the page templates is an error naming it, not a site without that
/// kind of page; the partials are not asked for by name.
#[test]
fn a_theme_without_a_page_template_is_an_error_naming_it() {
    let (site, _) = broken(|s| {
        common::copy_dir(
            &common::repo_root().join("themes"),
            &s.path().join("themes"),
        );
        s.remove("themes/default/templates/festival.html");
    });
    let run = site.build();
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "themes/default/templates/festival.html: error: the theme has no template `festival.html`\n  hint: restore it from git, or copy it from the default theme\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn template_errors_name_the_template_line_and_column() {
    let (site, before) = broken(|s| {
        common::copy_dir(
            &common::repo_root().join("themes"),
            &s.path().join("themes"),
        );
        let page = s.read("themes/default/templates/page.html");
        s.write(
            "themes/default/templates/page.html",
            &page.replace("{{ page.title }}", "{{ page.titel }}"),
        );
    });
    let run = site.build();
    run.assert_code(1);
    assert!(run.stderr.contains("themes/default/templates/page.html:4:15: error: template error: Field `titel` is not defined. Available fields: body_html, summary, title\n"), "{}", run.stderr);
    assert!(
        run.stderr
            .ends_with("build failed: 1 error, 1 warning; public was not changed\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("error: template error:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("titel"), "{}", run.stderr);
    assert_eq!(before, site.snapshot("public"));
}

/// The card of an initiative and the directory's filters are rendered once for many pages:
/// their mistakes are still named by template, line and column, once each.
#[test]
fn errors_in_a_card_or_the_filters_name_their_template_once() {
    let (site, before) = broken(|s| {
        common::copy_dir(
            &common::repo_root().join("themes"),
            &s.path().join("themes"),
        );
        for (template, from, to) in [
            (
                "partial_initiative_card.html",
                "{{ item.name }}",
                "{{ item.nam }}",
            ),
            (
                "partial_directory_filters.html",
                "{{ group.title }}</h2>",
                "{{ group.titel }}</h2>",
            ),
        ] {
            let path = format!("themes/default/templates/{template}");
            let text = s.read(&path);
            assert!(text.contains(from), "{template}");
            s.write(&path, &text.replacen(from, to, 1));
        }
    });
    let run = site.build();
    run.assert_code(1);
    for (template, field) in [
        ("partial_initiative_card.html:3:", "`nam`"),
        ("partial_directory_filters.html:4:", "`titel`"),
    ] {
        let lines: Vec<&str> = (run.stderr.lines())
            .filter(|l| {
                l.contains(template) && l.contains("error: template error") && l.contains(field)
            })
            .collect();
        assert_eq!(lines.len(), 1, "{template}\n{}", run.stderr);
    }
    assert!(
        run.stderr.contains("build failed: 2 errors"),
        "{}",
        run.stderr
    );
    assert_eq!(before, site.snapshot("public"));
}

#[test]
fn no_content_folder_is_a_clear_error() {
    let site = Site::empty();
    // Not a site: the one thing to say, and the exit code of a command run in the wrong place.
    let run = site.build();
    run.assert_code(2);
    assert!(run.stderr.starts_with("error: there is no content folder\n  hint: run wdhs in the site's folder (the one that holds content/), or pass --root"), "{}", run.stderr);
    // A content folder without its settings is a site with a mistake.
    std::fs::create_dir(site.path().join("content")).expect("mkdir");
    let run = site.build();
    run.assert_code(1);
    assert!(run.stderr.contains("content/site.yaml: error: there is no content/site.yaml\n  hint: run wdhs in the site's folder, or pass --root; a site needs content/site.yaml\n"), "{}", run.stderr);
}

#[test]
fn unknown_arguments_are_usage_errors() {
    let site = Site::fixture("basic");
    let run = site.run(&["build", "--frobnicate"]);
    run.assert_code(2);
    assert!(run.stderr.contains("--frobnicate"));
}

#[test]
fn the_real_site_builds_without_errors_or_missing_translations() {
    let out = tempfile::tempdir().expect("temp");
    let output = common::wdhs()
        .args(["build", "--root", env!("CARGO_MANIFEST_DIR"), "--output"])
        .arg(out.path().join("public"))
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    // A cold build of the real site's photos says how far it is (`progress.rs`): not a problem.
    let problems: Vec<&str> = (stderr.lines())
        .filter(|l| !(l.starts_with("photo ") && l.contains(" processed")))
        .collect();
    assert_eq!(
        problems,
        Vec::<&str>::new(),
        "the real site has warnings or errors"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let counts = stdout
        .split_once("entries: ")
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(c, _)| c.to_string())
        .unwrap_or_default();
    let (nl, en) = counts.split_once(", ").expect("counts per language");
    assert_eq!(
        nl.trim_end_matches(" nl"),
        en.trim_end_matches(" en"),
        "as many English as Dutch entries: {stdout}"
    );
    assert!(
        out.path()
            .join("public/en/festival/2024/index.html")
            .exists()
    );
}

/// Inode and modification time: a file rewritten by a build gets a new one of either.
fn identity(site: &Site, relative: &str) -> (u64, std::time::SystemTime) {
    let metadata = std::fs::metadata(site.path().join(relative)).expect("stat");
    (
        std::os::unix::fs::MetadataExt::ino(&metadata),
        metadata.modified().expect("mtime"),
    )
}

#[test]
fn a_rebuild_leaves_unchanged_files_alone_and_rewrites_changed_ones() {
    let site = built();
    let about = identity(&site, "public/en/about/index.html");
    let molen = identity(&site, "public/initiatieven/molen/index.html");
    let text = site
        .read("content/initiatives/molen.nl.md")
        .replace("De molen draait.", "Een nieuwe alinea over de molen.");
    site.write("content/initiatives/molen.nl.md", &text);
    site.build().assert_code(0);
    assert_eq!(
        about,
        identity(&site, "public/en/about/index.html"),
        "an unrelated page was rewritten"
    );
    assert_ne!(
        molen,
        identity(&site, "public/initiatieven/molen/index.html")
    );
    assert!(
        site.read("public/initiatieven/molen/index.html")
            .contains("Een nieuwe alinea over de molen.")
    );
}

#[test]
fn a_rebuild_over_an_old_output_equals_a_clean_build() {
    let site = built();
    // Since the last build: a page edited, an entry deleted, and the output tampered with — a
    // stray file, a stray folder, and a file where the build needs a folder.
    let text = site
        .read("content/initiatives/molen.en.md")
        .replace("The turbine turns.", "A new paragraph about the mill.");
    site.write("content/initiatives/molen.en.md", &text);
    for file in ["zorg.nl.md", "zorg.en.md", "zorg.yaml"] {
        site.remove(&format!("content/initiatives/{file}"));
    }
    assert!(site.exists("public/initiatieven/zorg/index.html"));
    site.write("public/stray.txt", "left over");
    site.write("public/old/deep/index.html", "<p>an old page</p>");
    std::fs::remove_dir_all(site.path().join("public/en/about")).expect("rm");
    site.write("public/en/about", "a file in the way");

    site.build().assert_code(0);
    site.run(&["build", "--today", "2026-01-01", "--output", "clean"])
        .assert_code(0);
    assert_eq!(site.snapshot("clean"), site.snapshot("public"));
    assert!(
        !site.exists("public/initiatieven/zorg"),
        "a deleted entry's folder stays"
    );
    assert!(!site.exists("public/old"), "a stray folder stays");
    assert_no_staging_left(&site);
}

/// A build into `output` is refused (exit 2) with `reason`.
fn refused_output(site: &Site, output: &str, reason: &str) {
    let run = site.run(&["build", "--today", "2026-01-01", "--output", output]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("will not build into ") && run.stderr.contains(reason),
        "{output}: {}",
        run.stderr
    );
}

#[test]
fn an_output_folder_that_holds_the_sources_is_refused() {
    let site = Site::fixture("basic");
    let before = site.snapshot("content");
    for output in [".", "content", "content/initiatives/out", "themes"] {
        refused_output(
            &site,
            output,
            "choose an output folder of its own, such as public/",
        );
    }
    assert_eq!(before, site.snapshot("content"), "content/ changed");
    site.run(&["build", "--today", "2026-01-01", "--output", "site-out"])
        .assert_code(0);
}

#[test]
fn a_folder_or_file_holding_someone_elses_work_is_not_built_into() {
    let site = Site::fixture("basic");
    site.write("mine/notities.txt", "belangrijk");
    site.write("mine/fotos/a.jpg", "x");
    site.write("brief.txt", "een brief");
    let before = (site.snapshot("mine"), site.read("brief.txt"));
    for output in ["mine", "brief.txt"] {
        refused_output(&site, output, "choose a new or empty folder for the output");
    }
    assert_eq!(before, (site.snapshot("mine"), site.read("brief.txt")));
    assert!(!site.path().join(".mine.previous").exists());

    // A folder an earlier build of the site wrote, and the site's public/, are its own: what
    // else is in them goes.
    site.run(&["build", "--today", "2026-01-01", "--output", "out"])
        .assert_code(0);
    site.write("out/stray.txt", "left over");
    site.write("public/stray.txt", "left over");
    site.run(&["build", "--today", "2026-01-01", "--output", "out"])
        .assert_code(0);
    site.build().assert_code(0);
    assert!(!site.exists("out/stray.txt") && !site.exists("public/stray.txt"));
    assert_eq!(site.snapshot("out"), site.snapshot("public"));
    // A folder removed since is forgotten when another is noted.
    std::fs::remove_dir_all(site.path().join("out")).expect("rm");
    site.run(&["build", "--today", "2026-01-01", "--output", "out2"])
        .assert_code(0);
    let noted = site.read(".wdhs-cache/outputs");
    assert!(
        noted.ends_with("/out2\n") && !noted.contains("/out\n"),
        "{noted}"
    );
    // public/ as a link to a folder elsewhere (a host's web folder) is the site's public/ too.
    let web = tempfile::tempdir().expect("temp");
    std::fs::write(web.path().join("old.html"), "an old site").expect("write");
    std::fs::remove_dir_all(site.path().join("public")).expect("rm");
    std::os::unix::fs::symlink(web.path(), site.path().join("public")).expect("link");
    site.build().assert_code(0);
    assert!(!web.path().join("old.html").exists() && web.path().join("index.html").exists());
}

#[test]
fn a_build_into_an_empty_output_folder_keeps_the_folder() {
    let site = Site::fixture("basic");
    std::fs::create_dir(site.path().join("public")).expect("mkdir");
    let folder = identity(&site, "public").0;
    site.run(&["build", "--today", "2026-01-01"]).assert_code(0);
    site.run(&["build", "--today", "2026-01-01", "--output", "clean"])
        .assert_code(0);
    assert_eq!(site.snapshot("clean"), site.snapshot("public"));
    // The same folder (it may be a mount point, or have permissions of its own).
    assert_eq!(folder, identity(&site, "public").0);
    assert_no_staging_left(&site);
}

#[test]
fn a_file_saved_with_a_byte_order_mark_and_windows_line_ends_publishes_its_text() {
    let site = Site::fixture("basic");
    site.write(
        "content/pages/about.nl.md",
        "\u{feff}---\r\ntitle: \"Over ons\"\r\nslug: over-ons\r\n---\r\nWij zijn *een* coalitie.\r\n",
    );
    site.build().assert_code(0);
    let page = site.read("public/over-ons/index.html");
    assert!(
        page.contains("<p>Wij zijn <em>een</em> coalitie.</p>"),
        "{page}"
    );
}
