//! The editors' workflow: `wdhs new` for every kind, and the `wdhs translations` overview.

mod common;
use common::Site;

/// Turns a new entry into a finished one: translates the placeholder and publishes both files.
/// The editor's work: every example text `new` wrote replaced by real text.
fn replace_examples(text: &str) -> String {
    let mut text = text.to_string();
    for example in wdhs::scaffold::placeholders() {
        let real = match example {
            _ if example.starts_with("https://") => "https://www.buurt.example.org",
            "Kies een provincie" => "Utrecht",
            "kies-een-thema" => "energie",
            _ => "Echte tekst van de redactie.",
        };
        text = text.replace(example, real);
    }
    text
}

fn fill_in(site: &Site, files: &[String]) {
    for file in files.iter().filter(|f| f.ends_with(".yaml")) {
        let text = replace_examples(&site.read(file));
        site.write(file, &text);
    }
    for file in files.iter().filter(|f| f.ends_with(".md")) {
        let text = replace_examples(&site.read(file));
        let finished: String = text
            .lines()
            .filter(|l| {
                !l.starts_with("# wdhs:placeholder")
                    && !l.starts_with("draft: true")
                    && !l.starts_with("# Haal deze regel")
            })
            .map(|l| {
                format!(
                    "{}\n",
                    l.replace("To be translated: ", "")
                        .replace("Nog te vertalen: ", "")
                )
            })
            .collect();
        site.write(file, &finished);
    }
}

fn written(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("wrote "))
        .map(str::to_string)
        .collect()
}

#[test]
fn new_entries_of_every_kind_build_clean_once_filled_in() {
    for (kind, title, page) in [
        (
            "press",
            "Coöperatie Één viert feest",
            "public/pers/cooperatie-een-viert-feest/index.html",
        ),
        (
            "initiative",
            "Buurthuis De Kroon",
            "public/initiatieven/buurthuis-de-kroon/index.html",
        ),
        (
            "partner",
            "Vereniging Samen",
            "public/partners/vereniging-samen/index.html",
        ),
        (
            "goal",
            "Een zesde doel",
            "public/doelen/een-zesde-doel/index.html",
        ),
        (
            "page",
            "Veelgestelde vragen",
            "public/veelgestelde-vragen/index.html",
        ),
        (
            "festival",
            "Festival 2025",
            "public/festival/festival-2025/index.html",
        ),
    ] {
        let site = Site::fixture("basic");
        let run = site.run(&["new", kind, title, "--date", "2025-05-01"]);
        run.assert_code(0);
        let files = written(&run.stdout);
        assert!(files.len() >= 2, "{kind}: {}", run.stdout);
        // As written: it passes check as a draft, with the placeholder warning and the example
        // texts to replace besides the fixture's own warning.
        let check = site.check();
        check.assert_code(0);
        let examples = check
            .stderr
            .matches("is example text from `wdhs new`")
            .count();
        assert!(examples >= 1, "{kind}: {}", check.stderr);
        assert_eq!(
            check.stderr.matches("warning:").count(),
            2 + examples,
            "{kind}: {}",
            check.stderr
        );
        assert!(
            check
                .stderr
                .contains("warning: the English version is still the placeholder from `wdhs new`"),
            "{kind}: {}",
            check.stderr
        );
        fill_in(&site, &files);
        let build = site.build();
        build.assert_code(0);
        assert!(
            site.exists(page),
            "{kind}: {page} missing\n{}",
            build.stdout
        );
    }
}

#[test]
fn new_writes_both_languages_with_hints_and_folded_file_names() {
    let site = Site::fixture("basic");
    let run = site.run(&["new", "initiative", "Coöperatie Één", "--lang", "en"]);
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        "wrote content/initiatives/cooperatie-een.yaml\nwrote content/initiatives/cooperatie-een.nl.md\nwrote content/initiatives/cooperatie-een.en.md\n"
    );
    let shared = site.read("content/initiatives/cooperatie-een.yaml");
    assert!(shared.contains("name: \"Coöperatie Één\"\n"));
    assert!(shared.contains("# Kies één van: Drenthe, Flevoland, Fryslân, Gelderland, Groningen, Limburg, Noord-Brabant, Noord-Holland, Overijssel, Utrecht, Zeeland, Zuid-Holland.\n"));
    assert!(shared.contains("# Kies uit: energie, zorg.\n"));
    // Examples to replace, not a real province and theme that would be published if left.
    assert!(shared.contains("\nprovince: \"Kies een provincie\"\n"));
    assert!(shared.contains("\nthemes: [kies-een-thema]\n"));
    let dutch = site.read("content/initiatives/cooperatie-een.nl.md");
    assert!(
        dutch.starts_with("---\n# wdhs:placeholder"),
        "the language not chosen is the placeholder"
    );
    assert!(
        site.read("content/initiatives/cooperatie-een.en.md")
            .contains("draft: true\n")
    );
}

#[test]
fn new_never_overwrites() {
    let site = Site::fixture("basic");
    let before = site.read("content/press/bericht-1.nl.md");
    let run = site.run(&["new", "press", "Bericht 1"]);
    run.assert_code(1);
    assert_eq!(
        run.stderr,
        "error: content/press/bericht-1 already exists; nothing was written\n  hint: choose another title, or edit the existing files\n"
    );
    assert_eq!(run.stdout, "");
    assert_eq!(before, site.read("content/press/bericht-1.nl.md"));
    let wrong = site.run(&["new", "nieuws", "Iets"]);
    wrong.assert_code(2);
    assert_eq!(
        wrong.stderr,
        "error: `nieuws` is not a kind of entry\n  hint: use one of: press, initiative, partner, goal, page, festival\n"
    );
}

#[test]
fn translations_overview_puts_work_left_on_top() {
    let site = Site::fixture("basic");
    site.run(&["new", "press", "Nieuw bericht", "--date", "2025-05-01"])
        .assert_code(0);
    common::git_first_commit(&site, "2024-04-01T12:00:00+02:00");
    let text = site.read("content/goals/eerste.nl.md");
    site.write(
        "content/goals/eerste.nl.md",
        &format!("{text}\nEen nieuwe alinea.\n"),
    );
    common::git(
        &site,
        &["commit", "-qam", "second"],
        "2024-05-01T12:00:00+02:00",
    );
    let run = site.run(&["translations"]);
    run.assert_code(0);
    let table = "\
kind         stem           nl       en           outdated
goals        eerste         present  present      yes
initiatives  alleen-nl      present  missing      no
press        concept        present  missing      no
press        nieuw-bericht  present  placeholder  no
festival     2024           present  present      no
festival     2027           present  present      no
goals        tweede         present  present      no
home         home           present  present      no
initiatives  molen          present  present      no
initiatives  zorg           present  present      no
pages        about          present  present      no
partners     alfa           present  present      no
partners     beta           present  present      no
press        bericht-1      present  present      no
press        bericht-2      present  present      no
press        bericht-3      present  present      no
press        toekomst       present  present      no
17 entries, 4 with translation work left
";
    assert_eq!(run.stdout, table);
    let markdown = site.run(&["translations", "--format", "markdown"]);
    assert!(markdown.stdout.starts_with("### Translations\n\n| kind | stem | nl | en | outdated |\n|---|---|---|---|---|\n| goals | eerste | present | present | yes |\n"), "{}", markdown.stdout);
    let json: serde_json::Value =
        serde_json::from_str(&site.run(&["translations", "--format", "json"]).stdout)
            .expect("json");
    assert_eq!(json[0]["stem"], "eerste");
    assert_eq!(json[0]["languages"]["en"], "present");
    assert_eq!(json[0]["outdated"], "yes");
}

#[test]
fn translations_without_git_say_unknown_once() {
    let site = Site::fixture("basic");
    let run = site.run(&["translations"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .lines()
            .skip(1)
            .take(15)
            .all(|l| l.ends_with("unknown"))
    );
    assert_eq!(run.stdout.matches("note:").count(), 1);
    assert!(
        run.stdout
            .ends_with("note: the site is not in a git repository, so `outdated` is unknown\n")
    );
}

#[test]
fn a_placeholder_is_never_published_as_a_translation() {
    let site = Site::fixture("basic");
    let run = site.run(&["new", "page", "Veelgestelde vragen"]);
    run.assert_code(0);
    let dutch = site
        .read("content/pages/veelgestelde-vragen.nl.md")
        .replace("draft: true\n", "");
    site.write("content/pages/veelgestelde-vragen.nl.md", &dutch);
    // Published with the example text still in it: refused, at its line.
    let run = site.build();
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/pages/veelgestelde-vragen.nl.md:5:1: error: `Schrijf hier de tekst.` is example text from `wdhs new`"),
        "{}",
        run.stderr
    );
    site.write(
        "content/pages/veelgestelde-vragen.nl.md",
        &replace_examples(&dutch),
    );
    site.build().assert_code(0);
    assert!(site.exists("public/veelgestelde-vragen/index.html"));
    assert!(!site.exists("public/en/veelgestelde-vragen/index.html"));
    let page = site.read("public/veelgestelde-vragen/index.html");
    assert!(
        page.contains("<a href=\"/en/#untranslated\" hreflang=\"en\" lang=\"en\">English</a>"),
        "the switcher leads to the notice on the English home page"
    );
    let english_home = site.read("public/en/index.html");
    assert!(
        english_home.contains("This page is not in English yet")
            && english_home.contains("href=\"/veelgestelde-vragen/\" hreflang=\"nl\" lang=\"nl\""),
        "{english_home}"
    );
    // The marker taken away but nothing translated: "To be translated: …" is never published.
    let english = site.read("content/pages/veelgestelde-vragen.en.md");
    let unmarked: String = (english.lines())
        .filter(|l| !l.starts_with("# wdhs:placeholder") && !l.starts_with("draft:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("content/pages/veelgestelde-vragen.en.md", &unmarked);
    let run = site.build();
    run.assert_code(1);
    for expected in [
        "content/pages/veelgestelde-vragen.en.md:2:8: error: `To be translated` is example text from `wdhs new`",
        "error: `This text still needs to be translated.` is example text from `wdhs new`",
    ] {
        assert!(run.stderr.contains(expected), "{}", run.stderr);
    }
}
