//! Languages are data: a site with a third language (Frisian, `fy`, in `tests/fixtures/frisian`)
//! is published at `/fy/` with its own words, month names and UI strings, and switches and links
//! like Dutch and English; site.yaml's languages and the theme's string files are checked, with
//! the file, line and column of each problem.

mod common;
use common::Site;

fn built() -> Site {
    let site = Site::fixture("frisian");
    // A press release only in Frisian: it fills a second page of the Frisian list, and the
    // Dutch and English lists name it in their notices.
    site.write(
        "content/press/allinnich-frysk.yaml",
        "date: 2024-05-02\npartners: [alfa]\ngoals: [1]\npress_contact: \"Alfa Vereniging\"\n",
    );
    site.write(
        "content/press/allinnich-frysk.fy.md",
        "---\ntitle: \"Allinnich yn it Frysk\"\nsummary: \"In berjocht dat der allinnich yn it Frysk is.\"\n---\nIn koarte tekst.\n",
    );
    site.build().assert_code(0);
    site
}

#[test]
fn a_third_language_is_published_below_its_code_with_its_own_strings() {
    let site = built();
    let home = site.read("public/fy/index.html");
    assert!(home.contains(r#"<html lang="fy" dir="ltr">"#), "{home}");
    assert!(home.contains(r#"<meta property="og:locale" content="fy_NL">"#));
    // Sections, lists past the first page, the search page and the directory's filters use
    // the words site.yaml and the theme's fy.yaml give.
    for path in [
        "public/fy/parse/index.html",
        "public/fy/parse/side/2/index.html",
        "public/fy/parse/atom.xml",
        "public/fy/doelen/index.html",
        "public/fy/inisjativen/index.html",
        "public/fy/inisjativen/provinsje/fryslan/index.html",
        "public/fy/inisjativen/tema/energie/index.html",
        "public/fy/sykje/index.html",
        "public/fy/sykje/index.json",
        "public/fy/404.html",
        "public/fy/parse/bericht-1/index.html",
    ] {
        assert!(site.exists(path), "{path} is missing");
    }
    // Dates are written with Frisian month and day names.
    let release = site.read("public/fy/parse/bericht-1/index.html");
    assert!(
        release.contains(r#"<time datetime="2024-01-11">11 jannewaris 2024</time>"#),
        "{release}"
    );
    let list = site.read("public/fy/parse/index.html");
    assert!(list.contains(">2 maaie 2024</time>"), "{list}");
    // The UI strings are Frisian ones, not Dutch or English.
    let skip = strings_of("fy")["skip_to_content"].clone();
    assert!(home.contains(&skip), "{skip} not in the Frisian home page");
    assert!(!home.contains(&strings_of("nl")["skip_to_content"]));
}

#[test]
fn every_page_switches_to_its_translation_in_each_language() {
    let site = built();
    let dutch = site.read("public/pers/bericht-1/index.html");
    // The switcher names each language in its own words; search engines get all three and
    // the default language as x-default, in site.yaml's order.
    assert!(
        dutch.contains(r#"<a href="/fy/parse/bericht-1/" hreflang="fy" lang="fy">Frysk</a>"#),
        "{dutch}"
    );
    let alternates: Vec<&str> = dutch
        .lines()
        .filter(|l| l.starts_with(r#"<link rel="alternate" hreflang="#))
        .collect();
    assert_eq!(
        alternates,
        [
            r#"<link rel="alternate" hreflang="nl" href="https://example.org/pers/bericht-1/">"#,
            r#"<link rel="alternate" hreflang="en" href="https://example.org/en/press/release-1/">"#,
            r#"<link rel="alternate" hreflang="fy" href="https://example.org/fy/parse/bericht-1/">"#,
            r#"<link rel="alternate" hreflang="x-default" href="https://example.org/pers/bericht-1/">"#,
        ]
    );
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains(
        r#"<xhtml:link rel="alternate" hreflang="fy" href="https://example.org/fy/parse/bericht-1/"/>"#
    ));
    // A release with no Frisian version: its switcher leads to the Frisian list's notice,
    // which names it in Frisian, and the Dutch list names the one only in Frisian.
    let untranslated = site.read("public/pers/bericht-2/index.html");
    assert!(untranslated.contains(r#"href="/fy/parse/#untranslated""#));
    let frisian_list = site.read("public/fy/parse/index.html");
    let title = strings_of("fy")["untranslated_title"]
        .replace("{language}", &strings_of("fy")["name_of_nl"]);
    assert!(
        frisian_list.contains(&title),
        "{title} not in {frisian_list}"
    );
    assert!(frisian_list.contains(r#"href="/pers/bericht-2/" hreflang="nl" lang="nl""#));
    let dutch_list = site.read("public/pers/index.html");
    assert!(dutch_list.contains("In het Fries"), "{dutch_list}");
    assert!(dutch_list.contains(r#"href="/fy/parse/allinnich-frysk/" hreflang="fy""#));
    // An edition in Dutch and English but not in Frisian is named once, under Dutch (the
    // first language that has it).
    let festivals = site.read("public/fy/festival/index.html");
    assert_eq!(
        festivals.matches(r#"href="/festival/2024/""#).count(),
        1,
        "{festivals}"
    );
    assert!(
        !festivals.contains(r#"href="/en/festival/2024/""#),
        "{festivals}"
    );
}

#[test]
fn links_between_languages_are_checked_like_the_others() {
    let site = Site::fixture("frisian");
    site.write(
        "content/pages/about.fy.md",
        "---\ntitle: \"Oer ús\"\n---\nSjoch [it berjocht](@/press/bestiet-net.md).\n",
    );
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/pages/about.fy.md:4:"),
        "{}",
        run.stderr
    );
}

#[test]
fn new_writes_the_chosen_language_and_placeholders_for_the_others() {
    let site = Site::fixture("frisian");
    site.run(&["new", "press", "In nij berjocht", "--lang", "fy"])
        .assert_code(0);
    let frisian = site.read("content/press/in-nij-berjocht.fy.md");
    assert!(frisian.contains("title: \"In nij berjocht\""), "{frisian}");
    assert!(frisian.contains("Skriuw hjir"), "{frisian}");
    let dutch = site.read("content/press/in-nij-berjocht.nl.md");
    assert!(
        dutch.contains("Nog te vertalen: In nij berjocht"),
        "{dutch}"
    );
    let english = site.read("content/press/in-nij-berjocht.en.md");
    assert!(
        english.contains("To be translated: In nij berjocht"),
        "{english}"
    );
    // A language the site does not have is refused.
    let run = site.run(&["new", "press", "Ein Bericht", "--lang", "de"]);
    run.assert_code(2);
    assert!(run.stderr.contains("`de` is not a language of the site"));
}

#[test]
fn site_yaml_languages_are_checked_with_their_place() {
    let site = frisian_with("languages: [nl, en, Fries, nl]");
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/site.yaml:2:21: error: `Fries` is not a language code"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("content/site.yaml:2:28: error: `nl` is in `languages` twice"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_language_the_theme_has_no_strings_for_is_reported() {
    let site = frisian_with("languages: [nl, en, fy, de]");
    let run = site.build();
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "themes/default/i18n/de.yaml: error: the theme has no UI strings for the language `de`"
        ),
        "{}",
        run.stderr
    );
    assert!(!site.exists("public"), "nothing is published");
    // Said once, by `check` too, however many pages that language has.
    let run = site.check();
    run.assert_code(1);
    assert_eq!(
        run.stderr
            .matches("no UI strings for the language `de`")
            .count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn the_shape_of_a_theme_language_file_is_checked() {
    let site = frisian_with_its_own_theme();
    let path = "themes/default/i18n/fy.yaml";
    let text = site.read(path);
    let months = text
        .lines()
        .find(|l| l.starts_with("months:"))
        .expect("fy.yaml has months");
    let line = text.lines().position(|l| l == months).expect("line") + 1;
    site.write(
        path,
        &text
            .replace(months, "months: \"jannewaris, febrewaris\"")
            .replace("address_page: \"side\"", "address_page: \"../side\"")
            .replace(
                "date_format: \"{day} {month}",
                "date_format: \"{day} {mont}",
            ),
    );
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains(&format!(
            "{path}:{line}:9: error: `months` should have 12 names separated by commas, found 2"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("`address_page` goes into web addresses"),
        "{}",
        run.stderr
    );
    // A misspelt placeholder would be published on every date of the site.
    assert!(
        run.stderr.contains(
            "`date_format` must name each of {day} {month} {year} and no other placeholder; \
             check `{mont}`"
        ),
        "{}",
        run.stderr
    );
}

/// The built-in theme's strings of a language, as the theme's file has them.
fn strings_of(code: &str) -> std::collections::BTreeMap<String, String> {
    let path = common::repo_root().join(format!("themes/default/i18n/{code}.yaml"));
    let text = std::fs::read_to_string(path).expect("the theme's string file");
    text.lines()
        .filter_map(|l| l.split_once(": "))
        .filter(|(key, _)| !key.starts_with('#'))
        .map(|(key, value)| (key.to_string(), value.trim_matches('"').to_string()))
        .collect()
}

#[test]
fn new_writes_the_first_language_of_the_site_when_none_is_asked_for() {
    let site = frisian_with("languages: [fy, nl, en]");
    site.run(&["new", "press", "Berjocht sûnder taal"])
        .assert_code(0);
    let frisian = site.read("content/press/berjocht-sunder-taal.fy.md");
    assert!(!frisian.contains("wdhs:placeholder"), "{frisian}");
    let dutch = site.read("content/press/berjocht-sunder-taal.nl.md");
    assert!(dutch.contains("wdhs:placeholder"), "{dutch}");
}

#[test]
fn a_theme_string_file_without_a_key_the_built_in_theme_has_is_reported() {
    let site = frisian_with_its_own_theme();
    for code in ["nl", "en", "fy"] {
        let path = format!("themes/default/i18n/{code}.yaml");
        let text = site.read(&path);
        let kept: Vec<&str> = (text.lines())
            .filter(|l| !l.starts_with("untranslated_text_one:"))
            .collect();
        site.write(&path, &kept.join("\n"));
    }
    let run = site.build();
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "themes/default/i18n/fy.yaml: error: the UI string `untranslated_text_one` is missing"
        ),
        "{}",
        run.stderr
    );
}
#[test]
fn a_mistake_in_a_theme_string_file_is_reported_once_where_it_is() {
    let site = frisian_with_its_own_theme();
    let path = "themes/default/i18n/nl.yaml";
    let original = site.read(path);
    let edit = |from: &str, to: &str| {
        assert!(original.contains(from), "{from}");
        site.write(path, &original.replacen(from, to, 1));
        site.check()
    };
    // A YAML mistake: that one error, not one per string and per template.
    let run = edit("footer_meets: \"", "footer_meets: Plek: \"");
    run.assert_code(1);
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    // A misspelt key, at its line in the file that has it, with the key meant.
    let run = edit("search_button:", "search_buton:");
    run.assert_code(1);
    assert!(
        run.stderr.contains("themes/default/i18n/nl.yaml:")
            && run
                .stderr
                .contains(": error: `search_buton` is not one of the theme's UI strings\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: did you mean `search_button`?"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    // A placeholder nothing fills in.
    let run = edit("{language}\"", "{taal}\"");
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("error: `{taal}` in `untranslated_title` is never filled in"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: this text can use {language}"),
        "{}",
        run.stderr
    );
}

#[test]
fn translations_lists_the_languages_in_the_order_of_site_yaml() {
    let site = frisian_with("languages: [fy, nl, en]");
    let json = site.run(&["translations", "--format", "json"]);
    json.assert_code(0);
    let first_row = json.stdout.split("\"languages\": {").nth(1).expect("a row");
    let codes: Vec<usize> = ["\"fy\"", "\"nl\"", "\"en\""]
        .iter()
        .map(|code| first_row.find(code).expect("every language"))
        .collect();
    assert!(codes.is_sorted(), "{}", json.stdout);
    let text = site.run(&["translations"]);
    let header = text.stdout.lines().next().expect("a header");
    let words: Vec<&str> = header.split_whitespace().collect();
    assert_eq!(words[2..5], ["fy", "nl", "en"], "{header}");
}

#[test]
fn a_page_or_section_at_an_address_the_site_uses_itself_is_refused() {
    // A Frisian page at the Frisian search page's address.
    let site = Site::fixture("frisian");
    let about = site.read("content/pages/about.fy.md");
    site.write(
        "content/pages/about.fy.md",
        &about.replace("slug: oer-us", "slug: sykje"),
    );
    let run = site.build();
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "content/pages/about.fy.md:3:7: error: this page would be published at /fy/sykje/index.html, where the site already puts one of its own pages"
        ),
        "{}",
        run.stderr
    );
    // A Dutch section named like the Frisian language's folder.
    let site = Site::fixture("frisian");
    site.remove("content/home.fy.md");
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &config.replacen("press: { nl: pers,", "press: { nl: fy,", 1),
    );
    let run = site.build();
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "content/site.yaml: error: two of the site's own pages would be published at /fy/index.html"
        ),
        "{}",
        run.stderr
    );
}

/// The Frisian fixture with `languages` as given (a whole line of site.yaml).
fn frisian_with(languages: &str) -> Site {
    let site = Site::fixture("frisian");
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &config.replace("languages: [nl, en, fy]", languages),
    );
    site
}

/// The Frisian fixture with a copy of the built-in theme in its own `themes/`.
fn frisian_with_its_own_theme() -> Site {
    let site = Site::fixture("frisian");
    common::copy_dir(
        &common::repo_root().join("themes"),
        &site.path().join("themes"),
    );
    site
}
