//! `wdhs serve` as an editor uses it: the real binary on a free port, plain HTTP requests, and a
//! live-reload stream that must announce every save, error and fix.

mod common;
use common::Site;
use common::server::*;
use std::time::{Duration, Instant};

#[test]
fn serves_pages_with_the_live_script_and_the_sites_own_404() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let home = request(&server.address, "/");
    assert_eq!(home.status, 200);
    assert!(
        home.head
            .to_lowercase()
            .contains("content-type: text/html; charset=utf-8")
    );
    assert!(home.body.contains("Welkom"));
    assert!(
        home.body
            .contains("<script src=\"/__wdhs/live.js\"></script></body>")
    );
    // Links point at the local server, whatever base_url says.
    assert!(home.body.contains(&format!(
        "<link rel=\"canonical\" href=\"http://{}/\">",
        server.address
    )));
    let en = request(&server.address, "/en/goals/together-is-normal/");
    assert_eq!(en.status, 200);
    let css = request(&server.address, "/assets/");
    assert_eq!(css.status, 404, "no directory listings");
    let missing = request(&server.address, "/bestaat-niet/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Pagina niet gevonden"));
    let missing_en = request(&server.address, "/en/does-not-exist/");
    assert_eq!(missing_en.status, 404);
    assert!(missing_en.body.contains("Page not found"));
    let feed = request(&server.address, "/pers/atom.xml");
    assert!(
        feed.head
            .to_lowercase()
            .contains("content-type: application/xml")
    );
    let ics = request(&server.address, "/festival/2024/festival.ics");
    assert!(
        ics.head
            .to_lowercase()
            .contains("content-type: text/calendar")
    );
}

#[test]
fn traversal_probes_are_refused() {
    let site = Site::fixture("basic");
    site.replace("SECRET.txt", "top secret");
    let server = start(&site);
    for probe in [
        "/../SECRET.txt",
        "/%2e%2e/SECRET.txt",
        "/%2E%2E/%2E%2E/SECRET.txt",
        "/doelen/..%2f..%2fSECRET.txt",
        "/..%5cSECRET.txt",
        "/%00",
        "/C:/Windows/win.ini",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/etc/passwd",
    ] {
        let response = request(&server.address, probe);
        assert!(
            response.status == 400 || response.status == 404,
            "{probe}: {}",
            response.status
        );
        assert!(
            !response.body.contains("top secret"),
            "{probe} leaked a file"
        );
        assert!(!response.body.contains("root:"), "{probe} leaked a file");
    }
    let long = format!("/{}", "a".repeat(5000));
    assert_eq!(request(&server.address, &long).status, 414);
}

#[test]
fn an_edit_reloads_and_the_new_text_is_served() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let mut events = Events::open(&server.address);
    site.replace(
        "content/pages/about.nl.md",
        "---\ntitle: \"Over ons\"\nslug: over-ons\n---\nWij zijn een nieuwe coalitie.\n",
    );
    events.wait_for("reload", WAIT);
    assert!(
        request(&server.address, "/over-ons/")
            .body
            .contains("Wij zijn een nieuwe coalitie.")
    );
}

#[test]
fn a_rename_save_is_seen() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let mut events = Events::open(&server.address);
    // How vim and JetBrains save: write a temporary file, then rename it over the original.
    site.replace(
        "content/pages/.about.en.md.swp",
        "---\ntitle: \"About us\"\nslug: about\n---\nSaved by rename.\n",
    );
    std::fs::rename(
        site.path().join("content/pages/.about.en.md.swp"),
        site.path().join("content/pages/about.en.md"),
    )
    .expect("rename");
    events.wait_for("reload", WAIT);
    assert!(
        request(&server.address, "/en/about/")
            .body
            .contains("Saved by rename.")
    );
}

#[test]
fn a_content_folder_deleted_and_copied_back_is_still_watched() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let mut events = Events::open(&server.address);
    // As "replace" in a file manager, or unpacking a fresh copy, does it.
    let content = site.path().join("content");
    let copy = site.path().join("copy-of-content");
    common::copy_dir(&content, &copy);
    std::fs::remove_dir_all(&content).expect("rm");
    events.wait_for("failed", WAIT);
    std::fs::rename(&copy, &content).expect("put back");
    events.wait_for("reload", WAIT);
    site.replace(
        "content/pages/about.nl.md",
        "---\ntitle: \"Over ons\"\nslug: over-ons\n---\nNa het terugzetten bewerkt.\n",
    );
    events.wait_for("reload", WAIT);
    assert!(
        request(&server.address, "/over-ons/")
            .body
            .contains("Na het terugzetten bewerkt.")
    );
}

#[test]
fn serve_says_it_is_building_before_the_first_build_and_quiet_it_does_not() {
    let site = Site::fixture("basic");
    for (lang, starting, built) in [
        ("en", "Building the site…", "rebuilt in "),
        ("nl", "wdhs bouwt de site…", "gebouwd in "),
    ] {
        let (_server, said) = start_saying(&site, &["--lang", lang], &[]);
        assert_eq!(said.first().map(String::as_str), Some(starting), "{said:?}");
        let first_build = said.iter().position(|l| l.starts_with(built));
        assert_eq!(first_build, Some(1), "{said:?}");
    }
    // Quiet: where it serves, and nothing about a good build.
    let (server, said) = start_saying(&site, &["--quiet"], &[]);
    assert_eq!(said.len(), 1, "{said:?}");
    site.replace(
        "content/pages/about.en.md",
        "---\ntitle: \"About us\"\nslug: about\n---\nChanged.\n",
    );
    let deadline = Instant::now() + WAIT;
    while !request(&server.address, "/en/about/")
        .body
        .contains("Changed.")
    {
        assert!(Instant::now() < deadline, "rebuilt after the change");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    let lines: Vec<String> = server.lines.try_iter().collect();
    assert_eq!(lines, Vec::<String>::new());
}

#[test]
fn the_error_box_speaks_the_editors_language() {
    let site = Site::fixture("basic");
    let server = start_with(&site, &[("WDHS_LANG", "nl")]);
    let mut events = Events::open(&server.address);
    site.replace(
        "content/pages/about.nl.md",
        "---\ntitle: \"Over ons\"\nslug: over-ons\ntitel: x\n---\nKapot.\n",
    );
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("\"lang\":\"nl\""), "{data}");
    assert!(
        data.contains("\"title\":\"wdhs: de site kon niet opnieuw gebouwd worden (1 fout"),
        "{data}"
    );
    assert!(data.contains("\"severity\":\"fout\""), "{data}");
    assert!(data.contains("\"hint_label\":\"tip\""), "{data}");
    assert!(data.contains("content/pages/about.nl.md:4:1"), "{data}");
}

#[test]
fn a_broken_file_shows_the_error_and_keeps_the_last_good_site_until_fixed() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let mut events = Events::open(&server.address);
    site.replace(
        "content/pages/about.nl.md",
        "---\ntitle: \"Over ons\nslug: over-ons\n---\nKapot.\n",
    );
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("content/pages/about.nl.md:2:"), "{data}");
    assert!(data.contains("not valid YAML"), "{data}");
    let page = request(&server.address, "/over-ons/");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Wij zijn een coalitie."),
        "the last good page is still served"
    );
    // A tab opened while the site is broken is told at once.
    let mut late = Events::open_raw(&server.address);
    late.wait_for("failed", WAIT);
    site.replace(
        "content/pages/about.nl.md",
        "---\ntitle: \"Over ons\"\nslug: over-ons\n---\nWeer heel.\n",
    );
    events.wait_for("fixed", WAIT);
    assert!(
        request(&server.address, "/over-ons/")
            .body
            .contains("Weer heel.")
    );
}

/// A theme taken out of site.yaml makes every initiative that still has it wrong, though their
/// files did not change: serve must say so, as `build` does, and not publish them.
#[test]
fn a_theme_taken_out_of_site_yaml_is_reported_on_the_initiatives_that_have_it() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let config = site.read("content/site.yaml");
    let without_zorg = config.replace("  zorg: { nl: \"Zorg\", en: \"Care\" }\n", "");
    assert_ne!(config, without_zorg, "the fixture has the theme `zorg`");
    server.forget_output();
    site.replace("content/site.yaml", &without_zorg);
    let rebuild = server.next_rebuild_traced();
    assert!(rebuild.failed(), "{}", rebuild.summary);
    let problems = server.printed_problems().join("\n");
    for file in [
        "initiatives/zorg.yaml:4:10",
        "initiatives/alleen-nl.yaml:4:10",
    ] {
        assert!(problems.contains(file), "{file} in:\n{problems}");
    }
    assert_eq!(
        request(&server.address, "/en/initiatives/zorg/").status,
        200,
        "the last good site is still served"
    );
}

#[test]
fn a_broken_first_build_keeps_the_server_up() {
    let site = Site::fixture("basic");
    site.replace("content/site.yaml", "base_url: [\n");
    let (server, said) = start_saying(&site, &[], &[]);
    // There is no last good site to keep showing: the line says what to do instead.
    assert!(
        said.iter().any(|l| l.starts_with("build failed")
            && l.ends_with("there is no site to show yet: fix the problems above and save")),
        "{said:?}"
    );
    let page = request(&server.address, "/");
    assert_eq!(page.status, 404);
    assert!(page.body.contains("The site could not be built"));
    assert!(page.body.contains("/__wdhs/live.js"));
    let mut events = Events::open_raw(&server.address);
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("content/site.yaml:"), "{data}");
    common::copy_dir(
        &common::fixtures().join("basic/content"),
        &site.path().join("content"),
    );
    events.wait_for("fixed", WAIT);
    assert_eq!(request(&server.address, "/").status, 200);
}

#[test]
fn build_output_never_has_the_live_script() {
    let site = Site::fixture("basic");
    site.build().assert_code(0);
    for (path, bytes) in site.snapshot("public") {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__wdhs"),
            "{path}"
        );
    }
}

#[test]
fn an_edit_of_the_text_alone_re_renders_its_pages_and_every_check_still_holds() {
    let site = Site::fixture("basic");
    let (server, mut events) = start_listening(&site);
    let about = "content/pages/about.nl.md";
    let front_matter = "---\ntitle: \"Over ons\"\nslug: over-ons\n---\n";
    let with_heading =
        format!("{front_matter}Wij zijn een coalitie.\n\n## Wie wij zijn\n\nTekst.\n");
    site.replace(about, &with_heading);
    server.next_rebuild();
    // A link to that heading, written in another page's text, resolves.
    let press = "content/press/bericht-1.nl.md";
    let press_text = site.read(press);
    site.replace(
        press,
        &format!("{press_text}\nZie [wie wij zijn](@/pages/about#wie-wij-zijn).\n"),
    );
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("rebuilt"), "{summary}");
    events.wait_for("reload", WAIT);
    assert!(
        request(&server.address, "/pers/bericht-1/")
            .body
            .contains("/over-ons/#wie-wij-zijn\""),
        "the new link is resolved"
    );
    // Removing the heading breaks that link: reported in the file that has the link.
    site.replace(about, &format!("{front_matter}Wij zijn een coalitie.\n"));
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("build failed"), "{summary}");
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("content/press/bericht-1.nl.md:"), "{data}");
    assert!(data.contains("wie-wij-zijn"), "{data}");
    // An edit made while the site is broken is not lost: published with the fix.
    let zorg = "content/initiatives/zorg.nl.md";
    let zorg_text = site.read(zorg);
    site.replace(
        zorg,
        &format!("{zorg_text}\nNieuw bij de zorgcoöperatie.\n"),
    );
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("build failed"), "{summary}");
    // (Fixed in the press release, whose edits do not re-render the initiative's page.)
    site.replace(press, &format!("{press_text}\nWeer heel.\n"));
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("rebuilt"), "{summary}");
    events.wait_for("fixed", WAIT);
    assert!(
        request(&server.address, "/initiatieven/zorg/")
            .body
            .contains("Nieuw bij de zorgcoöperatie."),
        "the edit made while the site was broken is published"
    );
    assert!(
        request(&server.address, "/pers/bericht-1/")
            .body
            .contains("Weer heel.")
    );
    // A new title changes no URL, list order or check: shown in the press list too.
    let press_text = site.read(press);
    site.replace(
        press,
        &press_text.replace("title: \"Bericht 1\"", "title: \"Bericht één\""),
    );
    let (rendered, summary) = server.next_rebuild();
    assert!(summary.starts_with("rebuilt"), "{summary}");
    assert!(rendered.iter().any(|r| r == "pers/pagina/2/index.html"));
    assert!(
        request(&server.address, "/pers/pagina/2/")
            .body
            .contains("Bericht één")
    );
    // A new slug moves the page to a new address, when it clashes with nothing.
    let about_text = site.read(about);
    site.replace(
        about,
        &about_text.replace("slug: over-ons", "slug: over-de-coalitie"),
    );
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("rebuilt"), "{summary}");
    assert_eq!(request(&server.address, "/over-de-coalitie/").status, 200);
    assert_eq!(request(&server.address, "/over-ons/").status, 404);
    // The home page's text links to it (`@/pages/about`): it follows to the new address.
    let home = request(&server.address, "/").body;
    assert!(home.contains("href=\"/over-de-coalitie/\""), "{home}");
    assert!(!home.contains("href=\"/over-ons/\""), "{home}");
}

#[test]
fn an_edit_re_renders_only_the_pages_that_show_the_entry() {
    let site = Site::fixture("basic");
    let (server, mut events) = start_listening(&site);
    let text = site.read("content/press/bericht-1.nl.md");
    site.replace(
        "content/press/bericht-1.nl.md",
        &format!("{text}\nEen nieuwe zin.\n"),
    );
    let (rendered, summary) = server.next_rebuild();
    events.wait_for("reload", WAIT);
    assert!(summary.contains("(re-rendered "), "{summary}");
    // Every page that shows the release, or lists it, is rendered again (the list is newest
    // first, two a page: this release is on the second page)…
    for path in [
        "pers/bericht-1/index.html",
        "pers/pagina/2/index.html",
        "index.html",
        "doelen/eerste/index.html",
        "partners/alfa/index.html",
        "zoeken/index.json",
    ] {
        assert!(
            rendered.iter().any(|r| r == path),
            "{path} was not re-rendered: {rendered:?}"
        );
    }
    // …and pages that do not show it are not, nor the English search index (it has the English
    // pages only).
    for path in [
        "pers/index.html",
        "initiatieven/zorg/index.html",
        "en/press/release-2/index.html",
        "over-ons/index.html",
        "sitemap.xml",
        "pers/bericht-2/index.html",
        "en/search/index.json",
    ] {
        assert!(
            !rendered.iter().any(|r| r == path),
            "{path} was re-rendered needlessly"
        );
    }
    assert!(
        request(&server.address, "/pers/bericht-1/")
            .body
            .contains("Een nieuwe zin.")
    );
    // A change that moves a page (a new slug) renders what shows it, and the sitemap; the file
    // at the old address goes.
    site.replace(
        "content/press/bericht-1.nl.md",
        "---\ntitle: \"Bericht 1\"\nsummary: \"Samenvatting 1.\"\nslug: nieuw-adres\n---\nTekst.\n",
    );
    let (rendered, summary) = server.next_rebuild();
    assert!(summary.contains("(re-rendered "), "{summary}");
    assert!(summary.contains(", 1 removed"), "{summary}");
    for path in ["pers/nieuw-adres/index.html", "sitemap.xml", "index.html"] {
        assert!(rendered.iter().any(|r| r == path), "{path}: {rendered:?}");
    }
    assert_eq!(
        request(&server.address, "/pers/bericht-1/").status,
        404,
        "the old address is gone"
    );
    assert_eq!(request(&server.address, "/pers/nieuw-adres/").status, 200);
    // A change of the themes an initiative is listed under changes the counts on every
    // directory page: they are all rendered again, the initiative's pages and those that show
    // it, both search indexes (a shared file is both languages'), but no press release.
    let shared = site.read("content/initiatives/molen.yaml");
    site.replace(
        "content/initiatives/molen.yaml",
        &shared.replace("themes: [energie]", "themes: [energie, zorg]"),
    );
    let (rendered, summary) = server.next_rebuild();
    assert!(summary.contains("(re-rendered "), "{summary}");
    for path in [
        "initiatieven/index.html",
        "initiatieven/provincie/utrecht/index.html",
        "en/initiatives/theme/energie/index.html",
        "doelen/eerste/index.html",
        "zoeken/index.json",
        "en/search/index.json",
    ] {
        assert!(rendered.iter().any(|r| r == path), "{path}: {rendered:?}");
    }
    assert!(
        !rendered.iter().any(|r| r.starts_with("pers/")),
        "{rendered:?}"
    );
    assert!(
        request(&server.address, "/initiatieven/thema/zorg/")
            .body
            .contains("Dorpsmolen")
    );
    assert_served_as_built(&site, &server, |_| true);
}

#[test]
fn a_new_slug_re_renders_what_shows_or_links_to_the_page_and_the_site_is_as_built() {
    let site = Site::fixture("basic");
    let (server, mut events) = start_listening(&site);
    // The second goal's text and the home page link to the first goal.
    let text = site.read("content/goals/eerste.nl.md");
    let (rendered, summary) = server.save(
        &site,
        &mut events,
        "content/goals/eerste.nl.md",
        &text.replace("title: ", "slug: samen-normaal\ntitle: "),
    );
    assert!(summary.contains("(re-rendered "), "{summary}");
    let was_rendered = |path: &str| rendered.iter().any(|r| r == path);
    for path in [
        "doelen/samen-normaal/index.html",
        "en/goals/together-is-normal/index.html",
        "doelen/tweede/index.html",
        "index.html",
        "sitemap.xml",
    ] {
        assert!(
            was_rendered(path),
            "{path} was not re-rendered: {rendered:?}"
        );
    }
    for path in ["partners/alfa/index.html", "over-ons/index.html"] {
        assert!(!was_rendered(path), "{path} was re-rendered needlessly");
    }
    assert_eq!(request(&server.address, "/doelen/eerste/").status, 404);
    assert!(
        request(&server.address, "/doelen/tweede/")
            .body
            .contains("/doelen/samen-normaal/#waarom")
    );
    let compared = assert_served_as_built(&site, &server, |_| true);
    assert!(compared > 50, "only {compared} files");
    // The address of another page: a clash, reported, nothing published.
    site.replace(
        "content/goals/eerste.nl.md",
        &text.replace("title: ", "slug: tweede\ntitle: "),
    );
    let (_, _) = server.next_rebuild();
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("already uses"), "{data}");
    assert_eq!(
        request(&server.address, "/doelen/samen-normaal/").status,
        200
    );
    // And back: the text that links to it follows again.
    site.replace("content/goals/eerste.nl.md", &text);
    let (_, summary) = server.next_rebuild();
    assert!(summary.contains("(re-rendered "), "{summary}");
    assert!(
        request(&server.address, "/doelen/tweede/")
            .body
            .contains("/doelen/eerste/#waarom")
    );
    assert_eq!(
        request(&server.address, "/doelen/samen-normaal/").status,
        404
    );
    assert_served_as_built(&site, &server, |_| true);
}

/// A press release in Dutch only, with the fields its shared file would hold.
fn release(date: &str, title: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\nsummary: \"Samenvatting.\"\ndate: {date}\npartners: [alfa]\ngoals: [1]\npress_contact: \"Alfa Vereniging\"\n---\nTekst van {title}.\n"
    )
}

#[test]
fn a_new_press_release_renders_only_what_shows_it_and_its_removal_takes_its_pages_away() {
    let site = Site::fixture("basic");
    let (server, mut events) = start_listening(&site);
    // Newest first, two a page: 4 and 3 on the first page, 2 and 1 on the second.
    let (rendered, summary) = server.save(
        &site,
        &mut events,
        "content/press/bericht-4.nl.md",
        &release("2024-04-01", "Bericht 4"),
    );
    assert!(summary.contains("(re-rendered "), "{summary}");
    let was_rendered = |rendered: &[String], path: &str| rendered.iter().any(|r| r == path);
    for path in [
        "pers/bericht-4/index.html",
        "pers/index.html",
        "pers/pagina/2/index.html",
        "pers/atom.xml",
        "index.html",
        "doelen/eerste/index.html",
        "partners/alfa/index.html",
        "sitemap.xml",
        "zoeken/index.json",
        // The release is Dutch only: the English list names it in its "only in Dutch" notice.
        "en/press/index.html",
    ] {
        assert!(was_rendered(&rendered, path), "{path}: {rendered:?}");
    }
    // Not the English search index (the release is Dutch only), other releases or
    // initiatives.
    for path in [
        "en/search/index.json",
        "pers/bericht-2/index.html",
        "initiatieven/index.html",
        "initiatieven/zorg/index.html",
        "over-ons/index.html",
    ] {
        assert!(
            !was_rendered(&rendered, path),
            "{path} was re-rendered needlessly"
        );
    }
    assert_served_as_built(&site, &server, |_| true);
    assert!(
        request(&server.address, "/en/press/")
            .body
            .contains("href=\"/pers/bericht-4/\" hreflang=\"nl\"")
    );
    // Translated: the English list no longer names it as only in Dutch.
    let english = release("2024-04-01", "Release 4").replace("Tekst van", "Text of");
    let (rendered, summary) = server.save(
        &site,
        &mut events,
        "content/press/bericht-4.en.md",
        &english,
    );
    assert!(was_rendered(&rendered, "en/press/index.html"), "{summary}");
    assert!(
        !request(&server.address, "/en/press/")
            .body
            .contains("id=\"untranslated\"")
    );
    assert_served_as_built(&site, &server, |_| true);
    site.remove("content/press/bericht-4.en.md");
    let (_, summary) = server.next_rebuild();
    events.wait_for("reload", WAIT);
    assert!(summary.contains("(re-rendered "), "{summary}");
    assert_served_as_built(&site, &server, |_| true);
    // An older one makes a third page of the list.
    server.save(
        &site,
        &mut events,
        "content/press/bericht-0.nl.md",
        &release("2023-01-01", "Bericht 0"),
    );
    assert!(
        request(&server.address, "/pers/pagina/3/")
            .body
            .contains("Bericht 0")
    );
    // (The first two pages list the same releases, but say there are three pages now.)
    assert_served_as_built(&site, &server, |_| true);
    // Gone again: its page and the third page of the list go, and the rest is as built.
    site.remove("content/press/bericht-0.nl.md");
    let (_, summary) = server.next_rebuild();
    events.wait_for("reload", WAIT);
    assert!(summary.contains("(re-rendered "), "{summary}");
    assert!(summary.contains(", 2 removed"), "{summary}");
    assert_eq!(request(&server.address, "/pers/bericht-0/").status, 404);
    assert_eq!(request(&server.address, "/pers/pagina/3/").status, 404);
    site.remove("content/press/bericht-4.nl.md");
    let (_, summary) = server.next_rebuild();
    events.wait_for("reload", WAIT);
    assert!(summary.contains("(re-rendered "), "{summary}");
    assert_eq!(request(&server.address, "/pers/bericht-4/").status, 404);
    assert_served_as_built(&site, &server, |_| true);
}

#[test]
fn problems_between_pages_follow_entries_that_come_go_and_move() {
    let site = Site::fixture("basic");
    let (server, mut events) = start_listening(&site);
    // A new release at the address of a newer one: the clash is reported on the later page of
    // the two in the list (newest first), the new one.
    let clashing =
        release("2023-01-01", "Bericht 4").replacen("---\n", "---\nslug: bericht-1\n", 1);
    site.replace("content/press/bericht-4.nl.md", &clashing);
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("build failed"), "{summary}");
    let data = events.wait_for("failed", WAIT);
    assert!(
        data.contains("/pers/bericht-1/, which content/press/bericht-1.nl.md already uses"),
        "{data}"
    );
    // Newer than the other now: the clash is reported on the older release instead, which no
    // edit touched.
    site.replace(
        "content/press/bericht-4.nl.md",
        &clashing.replace("2023-01-01", "2024-04-01"),
    );
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("build failed"), "{summary}");
    let data = events.wait_for("failed", WAIT);
    assert!(
        data.contains("/pers/bericht-1/, which content/press/bericht-4.nl.md already uses"),
        "{data}"
    );
    // Gone: so is the clash.
    site.remove("content/press/bericht-4.nl.md");
    let (_, summary) = server.next_rebuild();
    events.wait_for("fixed", WAIT);
    let warnings = |summary: &str| {
        let count = summary.rsplit_once(", ").map_or("", |(_, last)| last);
        count
            .strip_suffix(" warning")
            .or_else(|| count.strip_suffix(" warnings"))
            .map_or(0, |n| n.parse::<usize>().expect("a count"))
    };
    let before = warnings(&summary);
    // A Dutch file taken away: its English page now misses a translation (a warning more).
    let dutch = site.read("content/press/bericht-2.nl.md");
    site.remove("content/press/bericht-2.nl.md");
    let (_, summary) = server.next_rebuild();
    events.wait_for("reload", WAIT);
    assert_eq!(warnings(&summary), before + 1, "{summary}");
    site.replace("content/press/bericht-2.nl.md", &dutch);
    let (_, summary) = server.next_rebuild();
    events.wait_for("reload", WAIT);
    assert_eq!(warnings(&summary), before, "{summary}");
    // A new release that names a partner and a goal that do not exist.
    site.replace(
        "content/press/bericht-5.nl.md",
        &release("2024-05-01", "Bericht 5")
            .replace("[alfa]", "[alfaa]")
            .replace("[1]", "[9]"),
    );
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("build failed"), "{summary}");
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("there is no partner `alfaa`"), "{data}");
    assert!(data.contains("there is no goal 9"), "{data}");
    site.remove("content/press/bericht-5.nl.md");
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("rebuilt"), "{summary}");
    events.wait_for("fixed", WAIT);
    // A draft translation begun: the Dutch-only initiative no longer misses one, though its
    // own file did not change; the draft taken away, it does again.
    let before = warnings(&summary);
    let draft = "---\ndraft: true\nsummary: \"Not translated yet.\"\n---\n";
    site.replace("content/initiatives/alleen-nl.en.md", draft);
    let (_, summary) = server.next_rebuild();
    assert_eq!(warnings(&summary), before - 1, "{summary}");
    site.remove("content/initiatives/alleen-nl.en.md");
    let (_, summary) = server.next_rebuild();
    assert_eq!(warnings(&summary), before, "{summary}");
    assert_served_as_built(&site, &server, |_| true);
}

#[test]
fn a_new_initiative_in_a_new_province_adds_its_directory_pages_and_removing_it_takes_them_away() {
    let site = Site::fixture("basic");
    let (server, mut events) = start_listening(&site);
    assert_eq!(
        request(&server.address, "/initiatieven/provincie/zeeland/").status,
        404
    );
    let (rendered, summary) = server.save(
        &site,
        &mut events,
        "content/initiatives/zeeuws.nl.md",
        "---\nname: \"Zeeuwse Zorg\"\nplace: \"Goes\"\nprovince: Zeeland\nthemes: [zorg]\nsummary: \"Zorg in Goes.\"\n---\nSamen zorgen.\n",
    );
    assert!(summary.contains("(re-rendered "), "{summary}");
    // Every directory page shows how many initiatives each province and theme has.
    for path in [
        "initiatieven/provincie/zeeland/index.html",
        "initiatieven/provincie/fryslan/index.html",
        "initiatieven/thema/energie/index.html",
        "initiatieven/pagina/2/index.html",
    ] {
        assert!(rendered.iter().any(|r| r == path), "{path}: {rendered:?}");
    }
    assert!(
        !rendered.iter().any(|r| r.starts_with("pers/")),
        "{rendered:?}"
    );
    assert!(
        request(&server.address, "/initiatieven/provincie/zeeland/")
            .body
            .contains("Zeeuwse Zorg")
    );
    assert_served_as_built(&site, &server, |_| true);
    site.remove("content/initiatives/zeeuws.nl.md");
    let (_, summary) = server.next_rebuild();
    events.wait_for("reload", WAIT);
    assert!(summary.contains("(re-rendered "), "{summary}");
    for gone in ["/initiatieven/zeeuws/", "/initiatieven/provincie/zeeland/"] {
        assert_eq!(request(&server.address, gone).status, 404, "{gone}");
    }
    assert_served_as_built(&site, &server, |_| true);
}

#[test]
fn a_link_to_a_page_that_does_not_exist_yet_works_once_the_page_is_written() {
    let site = Site::fixture("basic");
    let (server, mut events) = start_listening(&site);
    let about = site.read("content/pages/about.nl.md");
    let with_link = format!("{about}\nLees [het nieuwe bericht](@/press/bericht-4).\n");
    site.replace("content/pages/about.nl.md", &with_link);
    server.next_rebuild();
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("does not exist"), "{data}");
    // The page the link names appears: the link now goes there (the text that links to it is
    // rendered again).
    server.save(
        &site,
        &mut events,
        "content/press/bericht-4.nl.md",
        &release("2024-04-01", "Bericht 4"),
    );
    assert!(
        request(&server.address, "/over-ons/")
            .body
            .contains("href=\"/pers/bericht-4/\"")
    );
    assert_served_as_built(&site, &server, |_| true);
    // And goes again: the link is broken again, and the site is kept.
    site.remove("content/press/bericht-4.nl.md");
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("build failed"), "{summary}");
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("does not exist"), "{data}");
    assert_eq!(request(&server.address, "/pers/bericht-4/").status, 200);
    // Without the link, the site builds again.
    server.save(&site, &mut events, "content/pages/about.nl.md", &about);
    // The release back, but with a mistake: it has no page…
    site.replace(
        "content/press/bericht-4.nl.md",
        &release("2024-04-01", "Bericht 4").replace("date: 2024-04-01", "date: morgen"),
    );
    server.next_rebuild();
    events.wait_for("failed", WAIT);
    // …and a link to it says nothing more (its mistake is reported).
    site.replace("content/pages/about.nl.md", &with_link);
    server.next_rebuild();
    let data = events.wait_for("failed", WAIT);
    assert!(!data.contains("does not exist"), "{data}");
    // Mended: the link goes to the page.
    server.save(
        &site,
        &mut events,
        "content/press/bericht-4.nl.md",
        &release("2024-04-02", "Bericht 4"),
    );
    assert_served_as_built(&site, &server, |_| true);
}

#[test]
fn outputs_held_in_memory_are_served_as_built_and_follow_every_edit() {
    let site = Site::fixture("basic");
    // Pages of 2,500 bytes and more are held in memory (a large site's search indexes and
    // sitemap are, from a megabyte on), smaller ones written to the preview folder.
    let server = start_with(&site, &[("WDHS_SERVE_MEMORY_FROM", "2500")]);
    assert_served_as_built(&site, &server, |_| true);
    // A folder's page without the slash is redirected, as one on disk is, and a missing page
    // gets the site's own 404 page in its language.
    assert_eq!(request(&server.address, "/over-ons").status, 301);
    let missing = request(&server.address, "/en/nothing-here/");
    assert_eq!(missing.status, 404);
    let built_404 = site.read("fresh/en/404.html");
    assert!(built_404.len() >= 2500, "{}", built_404.len());
    assert_eq!(
        missing
            .body
            .replace("<script src=\"/__wdhs/live.js\"></script>", ""),
        built_404
    );
    // A new release and its removal: what it adds is served, and then gone.
    let mut events = Events::open(&server.address);
    while server.lines.try_recv().is_ok() {}
    server.save(
        &site,
        &mut events,
        "content/press/bericht-4.nl.md",
        &release("2024-04-01", "Bericht 4"),
    );
    assert_eq!(request(&server.address, "/pers/bericht-4/").status, 200);
    assert_served_as_built(&site, &server, |_| true);
    site.remove("content/press/bericht-4.nl.md");
    server.next_rebuild();
    events.wait_for("reload", WAIT);
    assert_eq!(request(&server.address, "/pers/bericht-4/").status, 404);
    assert_served_as_built(&site, &server, |_| true);
    drop(server);
    // From 5,000 bytes: the about page is below the line, until it grows.
    let server = start_with(&site, &[("WDHS_SERVE_MEMORY_FROM", "5000")]);
    let mut events = Events::open(&server.address);
    while server.lines.try_recv().is_ok() {}
    let about = site.read("content/pages/about.nl.md");
    assert!(site.read("fresh/over-ons/index.html").len() < 5000);
    // A page that grows past the line moves into memory, and back when it shrinks again.
    let long = format!(
        "{about}\n{}\n",
        "Een lange zin over de coalitie. ".repeat(200)
    );
    server.save(&site, &mut events, "content/pages/about.nl.md", &long);
    assert!(
        request(&server.address, "/over-ons/")
            .body
            .contains("Een lange zin")
    );
    assert_served_as_built(&site, &server, |_| true);
    server.save(&site, &mut events, "content/pages/about.nl.md", &about);
    assert!(
        !request(&server.address, "/over-ons/")
            .body
            .contains("Een lange zin")
    );
}

#[test]
fn a_new_name_moves_the_initiative_in_the_directory() {
    let site = Site::fixture("basic");
    let (server, mut events) = start_listening(&site);
    // Two a page, by name: "Dorpsmolen" goes from the first page to the end of the second.
    let shared = site.read("content/initiatives/molen.yaml");
    server.save(
        &site,
        &mut events,
        "content/initiatives/molen.yaml",
        &shared.replace("name: \"Dorpsmolen\"", "name: \"Zuidermolen\""),
    );
    let second = request(&server.address, "/initiatieven/pagina/2/").body;
    assert!(second.contains("Zuidermolen"), "{second}");
    // Every directory page (all, per province, per theme) is what a full build makes.
    let compared = assert_served_as_built(&site, &server, |path| {
        path.ends_with("index.html")
            && (path.starts_with("initiatieven/") || path.starts_with("en/initiatives/"))
    });
    assert!(compared > 5, "only {compared} directory pages");
}

/// Gives the first press release of the `basic` fixture a new date (in its shared file).
fn set_release_date(site: &Site, date: &str) {
    let shared = site.read("content/press/bericht-1.yaml");
    let old = shared
        .lines()
        .find(|l| l.starts_with("date:"))
        .unwrap_or("date:")
        .to_string();
    site.replace(
        "content/press/bericht-1.yaml",
        &shared.replace(&old, &format!("date: {date}")),
    );
}

#[test]
fn a_date_in_the_future_holds_the_release_back_and_a_past_one_publishes_it_again() {
    let site = Site::fixture("basic");
    let (server, mut events) = start_listening(&site);
    assert!(request(&server.address, "/pers/bericht-1/").status == 200);
    // Embargoed: not published (its URL is gone).
    set_release_date(&site, "2999-01-01");
    server.next_rebuild();
    events.wait_for("reload", WAIT);
    assert_eq!(request(&server.address, "/pers/bericht-1/").status, 404);
    assert!(
        !request(&server.address, "/en/press/")
            .body
            .contains("/en/press/release-1/")
    );
    // Back in the past: published again, in its place.
    set_release_date(&site, "2024-01-11");
    server.next_rebuild();
    events.wait_for("reload", WAIT);
    assert_eq!(request(&server.address, "/pers/bericht-1/").status, 200);
}

#[test]
fn a_new_date_re_renders_only_the_list_pages_it_reorders() {
    let site = Site::fixture("basic");
    let (server, mut events) = start_listening(&site);
    let set_date = |date: &str| set_release_date(&site, date);
    // Newest first, two a page: releases 3 and 2, then 1. Release 1 becomes the newest, so
    // release 2 moves to the second page, which does not show the edited release itself.
    set_date("2024-03-20");
    let (rendered, summary) = server.next_rebuild();
    events.wait_for("reload", WAIT);
    assert!(summary.contains("(re-rendered "), "{summary}");
    let was_rendered = |rendered: &[String], path: &str| rendered.iter().any(|r| r == path);
    for path in [
        "pers/index.html",
        "pers/pagina/2/index.html",
        "en/press/index.html",
        "en/press/page/2/index.html",
        "pers/bericht-1/index.html",
        "pers/atom.xml",
        "index.html",
    ] {
        assert!(
            was_rendered(&rendered, path),
            "{path} was not re-rendered: {rendered:?}"
        );
    }
    for path in [
        "pers/bericht-2/index.html",
        "initiatieven/index.html",
        "sitemap.xml",
    ] {
        assert!(
            !was_rendered(&rendered, path),
            "{path} was re-rendered needlessly"
        );
    }
    // What is served is what a full build makes (serve's pages name the local address).
    let base_url = format!("http://{}/", server.address);
    site.run(&["build", "--output", "fresh", "--base-url", &base_url])
        .assert_code(0);
    let live_script = "<script src=\"/__wdhs/live.js\"></script>";
    for (url, file) in [
        ("/pers/", "fresh/pers/index.html"),
        ("/pers/pagina/2/", "fresh/pers/pagina/2/index.html"),
        ("/en/press/", "fresh/en/press/index.html"),
        ("/en/press/page/2/", "fresh/en/press/page/2/index.html"),
    ] {
        let served = request(&server.address, url).body.replace(live_script, "");
        assert_eq!(served, site.read(file), "{url}");
    }
    assert!(
        request(&server.address, "/pers/pagina/2/")
            .body
            .contains("Bericht 2")
    );
    // A date that keeps the order leaves the second page alone.
    set_date("2024-03-21");
    let (rendered, summary) = server.next_rebuild();
    assert!(summary.contains("(re-rendered "), "{summary}");
    assert!(was_rendered(&rendered, "pers/index.html"), "{rendered:?}");
    assert!(
        !was_rendered(&rendered, "pers/pagina/2/index.html"),
        "{rendered:?}"
    );
    // A release that alone names the second goal (the site is resolved again for that), then
    // moves in the list: the goal's page follows it (what names each goal is kept between
    // edits, and must move with it).
    let shared = site.read("content/press/bericht-1.yaml");
    site.replace(
        "content/press/bericht-1.yaml",
        &shared.replace("goals: [1]", "goals: [2]"),
    );
    server.next_rebuild();
    events.wait_for("reload", WAIT);
    set_date("2023-12-01");
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("rebuilt"), "{summary}");
    events.wait_for("reload", WAIT);
    assert!(
        request(&server.address, "/doelen/tweede/")
            .body
            .contains("Bericht 1")
    );
    assert_served_as_built(&site, &server, |_| true);
}

#[test]
fn serving_an_idle_site_does_not_rebuild() {
    let site = Site::fixture("basic");
    let server = start(&site);
    while server.lines.try_recv().is_ok() {}
    request(&server.address, "/");
    std::thread::sleep(Duration::from_millis(1500));
    let lines: Vec<String> = server.lines.try_iter().collect();
    assert!(
        !lines.iter().any(|l| l.starts_with("rebuilt")),
        "rebuilt without a change: {lines:?}"
    );
}

#[test]
fn a_killed_servers_preview_is_removed_by_the_next_server_and_a_running_ones_is_not() {
    let site = Site::fixture("basic");
    let temp = tempfile::tempdir().expect("temporary folder");
    let tmpdir = [("TMPDIR", temp.path().to_str().expect("a UTF-8 path"))];
    let killed = start_with(&site, &tmpdir);
    let left = previews(temp.path());
    assert_eq!(left.len(), 1, "one preview folder per server");
    assert!(left[0].join("site/index.html").is_file());
    // Killed outright: it cannot remove its folder.
    let mut killed = killed;
    killed.child.kill().expect("kill the server");
    killed.child.wait().expect("wait for the server");
    drop(killed);
    assert!(left[0].exists());

    let running = start_with(&site, &tmpdir);
    // Removed beside the start-up, not before it.
    let deadline = Instant::now() + WAIT;
    while left[0].exists() {
        assert!(
            Instant::now() < deadline,
            "the killed server's preview is removed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let other = start_with(&site, &tmpdir);
    assert_eq!(
        previews(temp.path()).len(),
        2,
        "a running server's preview stays"
    );
    for server in [&running, &other] {
        assert!(request(&server.address, "/over-ons/").body.contains("<h1"));
    }
}

#[cfg(unix)]
#[test]
fn a_server_asked_to_end_removes_its_preview() {
    let site = Site::fixture("basic");
    let temp = tempfile::tempdir().expect("temporary folder");
    let mut server = start_with(
        &site,
        &[("TMPDIR", temp.path().to_str().expect("a UTF-8 path"))],
    );
    assert_eq!(previews(temp.path()).len(), 1);
    // What `kill` and process managers send, not Ctrl-C.
    let status = ask_to_end(&mut server.child).expect("the server ends");
    assert!(status.success(), "ends as after Ctrl-C: {status:?}");
    assert_eq!(previews(temp.path()), Vec::<std::path::PathBuf>::new());
}

/// The checks between pages read a page's translations too: `serve`, which keeps what they
/// found on a page whose entries did not change, must check the Dutch page again when only its
/// English translation changed, and find the dates that no longer agree (and then that they
/// agree again).
#[test]
fn a_translation_edited_to_disagree_is_reported_and_its_fix_clears_it() {
    let site = Site::fixture("basic");
    let release = |title: &str, date: &str| {
        format!("---\ntitle: \"{title}\"\nsummary: \"Kort.\"\ndate: {date}\n---\nTekst.\n")
    };
    site.write(
        "content/press/eigen.nl.md",
        &release("Eigen bericht", "2024-03-01"),
    );
    site.write(
        "content/press/eigen.en.md",
        &release("Own release", "2024-03-01"),
    );
    let server = start(&site);
    let mut events = Events::open(&server.address);
    site.replace(
        "content/press/eigen.en.md",
        &release("Own release", "2024-03-02"),
    );
    let data = events.wait_for("failed", WAIT);
    assert!(data.contains("content/press/eigen.en.md:4:"), "{data}");
    assert!(data.contains("2024-03-02"), "{data}");
    site.replace(
        "content/press/eigen.en.md",
        &release("Own release, again", "2024-03-01"),
    );
    events.wait_for("fixed", WAIT);
    let page = request(&server.address, "/en/press/eigen/");
    assert!(page.body.contains("Own release, again"), "{}", page.body);
}

/// A new press release shifts every later page of the list. `serve` reloads the tabs once the
/// pages they show and the first pages of lists are made, and makes the later ones after: a
/// request for one meanwhile waits for it, and is never answered with the page from before.
#[test]
fn later_list_pages_are_made_after_the_reload_and_never_served_stale() {
    let site = Site::fixture("basic");
    let pause = Duration::from_millis(3000);
    let server = start_with(
        &site,
        &[(
            "WDHS_SERVE_WAIT_BEFORE_LATER_MS",
            &pause.as_millis().to_string(),
        )],
    );
    let mut events = Events::open(&server.address);
    let release = |stem: &str, date: &str| {
        let text = format!(
            "---\ntitle: \"Nieuw {stem}\"\nsummary: \"Nieuw.\"\ndate: {date}\npartners: [alfa]\n---\nTekst.\n"
        );
        site.write(&format!("content/press/{stem}.nl.md"), &text);
    };
    let second_page = || request(&server.address, "/pers/pagina/2/");
    assert!(!second_page().body.contains("Bericht 2"));

    // No tab shows the second page: it is made after the reload, and a request waits for it.
    release("bericht-9", "2024-06-01");
    events.wait_for("reload", WAIT);
    let asked = Instant::now();
    let page = second_page();
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Bericht 2"), "{}", page.body);
    assert!(
        asked.elapsed() >= pause / 2,
        "the second page was made before the reload: the test shows nothing"
    );
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("rebuilt"), "{summary}");

    // A tab shows it: it is made before the reload.
    let mut viewing = Events::open_viewing(&server.address, "/pers/pagina/2/");
    server.forget_output();
    release("bericht-8", "2024-07-01");
    viewing.wait_for("reload", WAIT);
    let asked = Instant::now();
    let page = second_page();
    assert!(page.body.contains("Bericht 3"), "{}", page.body);
    assert!(asked.elapsed() < pause / 2, "waited {:?}", asked.elapsed());
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("rebuilt"), "{summary}");
    assert_served_as_built(&site, &server, |path| path.ends_with(".html"));
}

/// The tabs are reloaded once the pages they show are made. A tab that shows a page that went
/// is reloaded again when it is gone; the others are not reloaded twice.
#[test]
fn a_tab_on_a_page_that_went_is_reloaded_again_and_no_other() {
    let site = Site::fixture("basic");
    let server = start_with(&site, &[("WDHS_SERVE_WAIT_BEFORE_LATER_MS", "500")]);
    let mut elsewhere = Events::open_viewing(&server.address, "/pers/");
    let mut on_it = Events::open_viewing(&server.address, "/pers/bericht-3/");
    assert_eq!(request(&server.address, "/pers/bericht-3/").status, 200);
    server.forget_output();
    site.remove("content/press/bericht-3.nl.md");
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("rebuilt"), "{summary}");
    let reloads = |events: &mut Events| {
        let names = events.names_within(Duration::from_millis(500));
        names.iter().filter(|name| *name == "reload").count()
    };
    assert_eq!(reloads(&mut elsewhere), 1);
    assert_eq!(reloads(&mut on_it), 2);
    assert_eq!(request(&server.address, "/pers/bericht-3/").status, 404);
}

/// A sitemap split in files (`WDHS_SITEMAP_PART_ROWS`, as on a site of more than 25,000
/// addresses) follows a page that goes and comes back: one file again, then split again.
#[test]
fn a_sitemap_in_files_follows_the_pages_that_come_and_go() {
    let site = Site::fixture("basic");
    site.build().assert_code(0);
    let rows = site.read("public/sitemap.xml").matches("<url>").count();
    let per_part = (rows - 1).to_string();
    let server = start_with(&site, &[("WDHS_SITEMAP_PART_ROWS", per_part.as_str())]);
    let sitemap = || request(&server.address, "/sitemap.xml").body;
    assert!(sitemap().contains("<sitemapindex "), "{}", sitemap());
    assert_eq!(request(&server.address, "/sitemap-2.xml").status, 200);
    let press = "content/press/bericht-3.nl.md";
    let text = site.read(press);
    site.remove(press);
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("rebuilt"), "{summary}");
    assert_eq!(
        sitemap().matches("<url>").count(),
        rows - 1,
        "{}",
        sitemap()
    );
    for part in ["/sitemap-1.xml", "/sitemap-2.xml"] {
        assert_eq!(request(&server.address, part).status, 404, "{part}");
    }
    site.write(press, &text);
    let (_, summary) = server.next_rebuild();
    assert!(summary.starts_with("rebuilt"), "{summary}");
    assert!(sitemap().contains("<sitemapindex "), "{}", sitemap());
    let listed = |part: &str| request(&server.address, part).body;
    assert!(listed("/sitemap-2.xml").contains("<url>"));
    assert!(
        (listed("/sitemap-1.xml") + &listed("/sitemap-2.xml")).contains("/pers/bericht-3/"),
        "the page that came back is listed"
    );
}
