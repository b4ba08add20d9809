//! Reader-facing outputs, parsed as a machine would: Atom feeds, sitemap with hreflang pairs,
//! robots.txt, the festival calendar, JSON-LD, the search index, directory pages, 404 pages.

mod common;
use common::Site;

fn built() -> Site {
    let site = Site::fixture("basic");
    site.build().assert_code(0);
    site
}

fn atom<'a>(doc: &'a roxmltree::Document<'a>) -> impl Iterator<Item = roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name(("http://www.w3.org/2005/Atom", "entry")))
}

fn child_text<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> &'a str {
    node.children()
        .find(|c| c.tag_name().name() == name)
        .and_then(|c| c.text())
        .unwrap_or("")
}

#[test]
fn atom_feeds_per_language_are_valid_limited_and_stable() {
    let site = built();
    let nl_text = site.read("public/pers/atom.xml");
    let nl = roxmltree::Document::parse(&nl_text).expect("nl feed is XML");
    let root = nl.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    assert_eq!(child_text(root, "id"), "https://example.org/pers/atom.xml");
    assert_eq!(child_text(root, "updated"), "2024-03-12T23:00:00Z");
    let entries: Vec<_> = atom(&nl).collect();
    assert_eq!(entries.len(), 2, "feed_limit: 2 in site.yaml");
    assert_eq!(child_text(entries[0], "title"), "Bericht 3");
    assert_eq!(
        child_text(entries[0], "id"),
        "tag:example.org,2024-03-13:nl/press/bericht-3"
    );
    let link = entries[0]
        .children()
        .find(|c| c.tag_name().name() == "link")
        .expect("link");
    assert_eq!(
        link.attribute("href"),
        Some("https://example.org/pers/bericht-3/")
    );
    assert!(
        child_text(entries[0], "content").contains("&lt;script&gt;-achtige &amp; tekst"),
        "HTML escaped once inside the XML: {}",
        child_text(entries[0], "content")
    );
    let en_text = site.read("public/en/press/atom.xml");
    let en = roxmltree::Document::parse(&en_text).expect("en feed is XML");
    assert_eq!(
        en.root_element()
            .attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
        Some("en")
    );
    assert_eq!(
        child_text(atom(&en).next().expect("entry"), "title"),
        "Release 3"
    );
    // Linked from every page's head.
    assert!(site.read("public/index.html").contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Persberichten\" href=\"/pers/atom.xml\">"));
    site.build().assert_code(0);
    assert_eq!(
        nl_text,
        site.read("public/pers/atom.xml"),
        "ids and dates stable across builds"
    );
}

#[test]
fn sitemap_lists_every_page_with_paired_alternates() {
    let site = built();
    let text = site.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("sitemap is XML");
    let urls: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .collect();
    let locs: Vec<&str> = urls.iter().map(|u| child_text(*u, "loc")).collect();
    for expected in [
        "https://example.org/",
        "https://example.org/en/",
        "https://example.org/doelen/eerste/",
        "https://example.org/en/goals/together-is-normal/",
        "https://example.org/initiatieven/alleen-nl/",
    ] {
        assert!(locs.contains(&expected), "{expected} not in sitemap");
    }
    assert!(
        !locs
            .iter()
            .any(|l| l.contains("concept") || l.contains("toekomst")),
        "held-back pages are not listed"
    );
    let goal = urls
        .iter()
        .find(|u| child_text(**u, "loc") == "https://example.org/doelen/eerste/")
        .expect("goal url");
    let alternates: Vec<(String, String)> = goal
        .children()
        .filter(|c| c.tag_name().name() == "link")
        .map(|c| {
            (
                c.attribute("hreflang").unwrap_or("").to_string(),
                c.attribute("href").unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        alternates,
        vec![
            (
                "nl".to_string(),
                "https://example.org/doelen/eerste/".to_string()
            ),
            (
                "en".to_string(),
                "https://example.org/en/goals/together-is-normal/".to_string()
            ),
            (
                "x-default".to_string(),
                "https://example.org/doelen/eerste/".to_string()
            ),
        ]
    );
    // Alternates pair both ways: the English page lists the same pair.
    let english = urls
        .iter()
        .find(|u| child_text(**u, "loc") == "https://example.org/en/goals/together-is-normal/")
        .expect("en url");
    assert_eq!(
        english
            .children()
            .filter(|c| c.tag_name().name() == "link")
            .count(),
        3
    );
    let single = urls
        .iter()
        .find(|u| child_text(**u, "loc") == "https://example.org/initiatieven/alleen-nl/")
        .expect("single");
    assert_eq!(
        single
            .children()
            .filter(|c| c.tag_name().name() == "link")
            .count(),
        0,
        "no alternates without a translation"
    );
    assert_eq!(
        site.read("public/robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"
    );
}

#[test]
fn festival_calendar_is_valid_rfc_5545() {
    let site = built();
    let ics = site.read("public/festival/2024/festival.ics");
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(line.len() <= 75, "line longer than 75 octets: {line}");
        assert!(!line.contains('\n'), "bare LF");
    }
    let unfolded = ics.replace("\r\n ", "");
    for expected in [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:",
        "UID:festival-2024@example.org\r\n",
        "DTSTAMP:20240413T000000Z\r\n",
        "DTSTART;VALUE=DATE:20240413\r\n",
        "DTEND;VALUE=DATE:20240414\r\n",
        "SUMMARY:Festival 2024\r\n",
        "LOCATION:Prodentfabriek\\, Oude Fabriekstraat 20\\, Amersfoort\r\n",
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
    ] {
        assert!(
            unfolded.contains(expected),
            "{expected:?} missing in\n{unfolded}"
        );
    }
    // The calendar button is on a festival still to come, not on a past one (see
    // `festival_past_and_coming_by_the_build_date`).
    assert!(
        site.read("public/festival/2027/index.html")
            .contains("href=\"/festival/2027/festival.ics\"")
    );
}

fn json_ld(html: &str) -> serde_json::Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("json-ld")
        + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").expect("end");
    serde_json::from_str(&html[start..end]).expect("valid JSON")
}

#[test]
fn structured_data_for_organisation_press_and_festival() {
    let site = built();
    let org = json_ld(&site.read("public/index.html"));
    assert_eq!(org["@type"], "Organization");
    assert_eq!(org["member"][0]["name"], "Alfa Vereniging");
    let article = json_ld(&site.read("public/en/press/release-2/index.html"));
    assert_eq!(article["@type"], "NewsArticle");
    assert_eq!(article["inLanguage"], "en");
    assert_eq!(article["datePublished"], "2024-02-12");
    assert_eq!(article["publisher"]["name"], "Testcoalitie");
    let event = json_ld(&site.read("public/festival/2024/index.html"));
    assert_eq!(event["@type"], "Event");
    assert_eq!(event["startDate"], "2024-04-13");
    assert_eq!(
        event["location"]["address"]["addressLocality"],
        "Amersfoort"
    );
    assert_eq!(event["organizer"]["name"], "Testcoalitie");
    let page = site.read("public/en/press/release-2/index.html");
    assert!(page.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(page.contains(
        "<meta property=\"og:image\" content=\"https://example.org/assets/og-default.png\">"
    ));
    assert!(site.exists("public/assets/og-default.png"));
}

#[test]
fn json_ld_cannot_be_broken_out_of() {
    let site = Site::fixture("basic");
    site.write(
        "content/press/bericht-2.nl.md",
        "---\ntitle: \"</script><script>alert(1)</script>\"\nsummary: \"x\"\n---\n",
    );
    site.build().assert_code(0);
    let html = site.read("public/pers/bericht-2/index.html");
    assert!(!html.contains("<script>alert(1)"), "{html}");
    assert_eq!(
        json_ld(&html)["headline"],
        "</script><script>alert(1)</script>"
    );
}

#[test]
fn search_index_per_language_folds_diacritics_and_case() {
    let site = built();
    let index: serde_json::Value =
        serde_json::from_str(&site.read("public/zoeken/index.json")).expect("json");
    let docs = index.as_array().expect("array");
    let zorg = docs
        .iter()
        .find(|d| d["t"] == "Zorgcoöperatie")
        .expect("zorg in index");
    assert_eq!(zorg["u"], "/initiatieven/zorg/");
    assert!(zorg["x"].as_str().unwrap_or("").contains("zorgcooperatie"));
    assert!(
        docs.iter()
            .all(|d| !d["u"].as_str().unwrap_or("").starts_with("/en/"))
    );
    let en: serde_json::Value =
        serde_json::from_str(&site.read("public/en/search/index.json")).expect("json");
    assert!(
        en.as_array()
            .expect("array")
            .iter()
            .all(|d| d["u"].as_str().unwrap_or("").starts_with("/en/"))
    );
    let page = site.read("public/zoeken/index.html");
    assert!(page.contains("data-index=\"/zoeken/index.json\""));
    assert!(
        page.contains("href=\"/initiatieven/\""),
        "links to browse without JavaScript"
    );
}

#[test]
fn initiative_directory_works_without_javascript() {
    let site = built();
    let index = site.read("public/initiatieven/index.html");
    assert!(index.contains("href=\"/initiatieven/provincie/fryslan/\""));
    assert!(index.contains("href=\"/initiatieven/thema/energie/\""));
    let province = site.read("public/initiatieven/provincie/fryslan/index.html");
    assert!(province.contains("Dorpsmolen"));
    assert!(!province.contains("Zorgcoöperatie"));
    let theme = site.read("public/en/initiatives/theme/zorg/index.html");
    assert!(theme.contains("Zorgcoöperatie"));
    assert!(!theme.contains("Dorpsmolen"));
    assert!(
        !site.exists("public/initiatieven/provincie/zeeland/index.html"),
        "no empty province pages"
    );
}

/// The part of `html` from `start` to the first `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} in {html}"));
    let to = from + html[from..].find(end).expect("end");
    &html[from..to]
}

/// Issue #25: the goals came out by target year (5, 2, 3, 1, 4). They are in programme order
/// everywhere, each with its target year; the years are a summary beside them.
#[test]
fn goals_in_programme_order_with_their_target_year() {
    let site = built();
    // Goal 2 is due in 2027, goal 1 in 2030: goal 1 still comes first.
    let goals = site.read("public/doelen/index.html");
    let list = between(&goals, "<ol class=\"goal-list\">", "</ol>");
    let first = list.find("Samen is normaal").expect("goal 1");
    let second = list.find("Zeggenschap").expect("goal 2");
    assert!(first < second, "goal 1 before goal 2: {list}");
    assert!(list.contains("Doeljaar 2030") && list.contains("Doeljaar 2027"));
    let years = between(&goals, "<ol class=\"years\">", "</ol>\n  </section>");
    assert!(
        years.find("2027").expect("2027") < years.find("2030").expect("2030"),
        "the years run forward: {years}"
    );
    for (page, first, second) in [
        ("public/index.html", "Samen is normaal", "Zeggenschap"),
        ("public/en/index.html", "Together is normal", "Say"),
    ] {
        let home = site.read(page);
        let rows = between(&home, "<ol class=\"goal-rows\">", "</ol>");
        assert!(
            rows.find(first).expect("goal 1") < rows.find(second).expect("goal 2"),
            "{rows}"
        );
        assert!(rows.contains(">2030</span>") && rows.contains(">2027</span>"));
    }
}

/// Each goal page leads to the previous and the next goal, in programme order.
#[test]
fn goal_pages_lead_through_the_programme() {
    let site = built();
    let first = site.read("public/doelen/eerste/index.html");
    assert!(
        first.contains("<a class=\"goal-next\" href=\"/doelen/tweede/\" rel=\"next\"><span class=\"pager-label\">Volgend doel</span> 2. Zeggenschap</a>"),
        "{first}"
    );
    assert!(!first.contains("goal-previous"));
    let second = site.read("public/en/goals/say/index.html");
    assert!(second.contains(
        "rel=\"prev\"><span class=\"pager-label\">Previous goal</span> 1. Together is normal</a>"
    ));
    assert!(!second.contains("goal-next"));
}

#[test]
fn goals_related_content() {
    let site = built();
    let goal = site.read("public/doelen/eerste/index.html");
    assert!(
        goal.contains("Dorpsmolen"),
        "initiatives that reference the goal"
    );
    assert!(
        goal.contains("Bericht 3"),
        "press releases that reference the goal"
    );
    assert!(
        !site
            .read("public/doelen/tweede/index.html")
            .contains("Bericht 3")
    );
}

#[test]
fn not_found_pages_per_language() {
    let site = built();
    assert!(
        site.read("public/404.html")
            .contains("<html lang=\"nl\" dir=\"ltr\">")
    );
    assert!(
        site.read("public/404.html")
            .contains("Pagina niet gevonden")
    );
    assert!(site.read("public/en/404.html").contains("Page not found"));
}

#[test]
fn long_related_lists_are_cut_with_a_link_to_the_overview() {
    let site = Site::fixture("basic");
    for i in 0..30 {
        site.write(&format!("content/initiatives/extra-{i:02}.yaml"), &format!("name: \"Extra {i:02}\"\nplace: \"Ede\"\nprovince: Gelderland\nthemes: [zorg]\ngoals: [1]\n"));
        site.write(
            &format!("content/initiatives/extra-{i:02}.nl.md"),
            "---\nsummary: \"Een extra initiatief.\"\n---\n",
        );
        site.write(
            &format!("content/initiatives/extra-{i:02}.en.md"),
            "---\nsummary: \"An extra initiative.\"\n---\n",
        );
    }
    site.build().assert_code(0);
    let goal = site.read("public/doelen/eerste/index.html");
    assert_eq!(
        goal.matches("class=\"card initiative-card\"").count(),
        24,
        "at most 24 on the goal page"
    );
    assert!(goal.contains("<a class=\"more\" href=\"/initiatieven/\">Bekijk alle 31 initiatieven in het overzicht</a>"), "{goal}");
    assert!(
        !site
            .read("public/doelen/tweede/index.html")
            .contains("Bekijk alle"),
        "short lists have no link"
    );
}

#[test]
fn long_press_lists_on_partner_and_goal_pages_say_how_many_more_there_are() {
    let site = Site::fixture("basic");
    // 27 more releases with partner alfa and goal 1: 30 in all, of which the newest 24 show.
    for i in 0..27 {
        site.write(
            &format!("content/press/extra-{i:02}.yaml"),
            &format!("date: 2023-01-{:02}\npartners: [alfa]\ngoals: [1]\n", i + 1),
        );
        for lang in ["nl", "en"] {
            site.write(
                &format!("content/press/extra-{i:02}.{lang}.md"),
                &format!("---\ntitle: \"Extra {i:02}\"\nsummary: \"Extra.\"\n---\n"),
            );
        }
    }
    site.build().assert_code(0);
    for (page, more) in [
        (
            "public/partners/alfa/index.html",
            "<a class=\"more\" href=\"/pers/\">Nog 6 oudere persberichten: bekijk het overzicht</a>",
        ),
        (
            "public/doelen/eerste/index.html",
            "<a class=\"more\" href=\"/pers/\">Nog 6 oudere persberichten: bekijk het overzicht</a>",
        ),
        (
            "public/en/partners/alfa/index.html",
            "<a class=\"more\" href=\"/en/press/\">6 older press releases: see the overview</a>",
        ),
    ] {
        let html = site.read(page);
        assert!(html.contains(more), "{page}: {html}");
        assert!(html.contains("Extra 06"), "{page}: the newest are listed");
        assert!(!html.contains("Extra 05"), "{page}: older ones are not");
    }
    assert!(
        !site
            .read("public/partners/beta/index.html")
            .contains("oudere persberichten"),
        "short lists have no link"
    );
}

/// Issue #25: a past edition shows what happened and no calendar button; a coming one shows
/// the calendar button, the programme with times and the address with a map link. Past or
/// coming is decided against the build's date (`--today`).
#[test]
fn festival_past_and_coming_by_the_build_date() {
    let site = built(); // --today 2026-01-01
    let past = site.read("public/festival/2024/index.html");
    assert!(past.contains("festival-past") && past.contains("Terugblik"));
    assert!(
        !past.contains("festival.ics"),
        "no calendar for a past edition"
    );
    assert!(
        !past.contains("openstreetmap"),
        "no route to a past edition"
    );
    let coming = site.read("public/festival/2027/index.html");
    assert!(coming.contains("festival-upcoming") && coming.contains("Komend festival"));
    assert!(coming.contains(
        "<a class=\"button\" href=\"/festival/2027/festival.ics\">Zet in je agenda (.ics)</a>"
    ));
    assert!(
        coming.contains("<span class=\"time\">10.30</span>"),
        "programme with times"
    );
    assert!(coming.contains("Oude Fabriekstraat 20, Amersfoort"));
    assert!(
        coming.contains("href=\"https://www.openstreetmap.org/search?query=Prodentfabriek%2C%20Oude%20Fabriekstraat%2020%2C%20Amersfoort\""),
        "a plain link to the map: nothing loaded until it is followed"
    );
    assert!(!coming.contains("<iframe") && !coming.contains("<img src=\"https://"));
    let english = site.read("public/en/festival/2027/index.html");
    assert!(english.contains("Add to your calendar (.ics)") && english.contains(">10:30</span>"));
    // The overview puts the coming edition first, the home page shows it.
    let list = site.read("public/festival/index.html");
    assert!(
        list.find("Komend festival").expect("coming") < list.find("Eerdere edities").expect("past")
    );
    assert!(
        site.read("public/index.html")
            .contains("href=\"/festival/2027/\"")
    );

    // Built on the day of the 2024 festival, that one is coming and the home page shows it.
    site.run(&["build", "--today", "2024-04-13"]).assert_code(0);
    let on_the_day = site.read("public/festival/2024/index.html");
    assert!(on_the_day.contains("festival-upcoming") && on_the_day.contains("festival.ics"));
    assert!(
        site.read("public/index.html")
            .contains("href=\"/festival/2024/\""),
        "the soonest coming one"
    );
    // And after 2027's, no festival is coming: the home page has no festival teaser.
    site.run(&["build", "--today", "2027-04-11"]).assert_code(0);
    assert!(
        !site
            .read("public/festival/2027/index.html")
            .contains("festival.ics\"")
    );
    assert!(!site.read("public/index.html").contains("home-festival"));
}

/// Issue #25: the notice about a page that exists in one language only is given on the page
/// the other language's switcher leads to, in that language, with the link.
#[test]
fn untranslated_pages_are_named_where_the_switcher_leads() {
    let site = built();
    let dutch = site.read("public/initiatieven/alleen-nl/index.html");
    assert!(dutch.contains(
        "<a href=\"/en/initiatives/#untranslated\" hreflang=\"en\" lang=\"en\">English</a>"
    ));
    let english = site.read("public/en/initiatives/index.html");
    let notice = between(
        &english,
        "<div class=\"notices\" id=\"untranslated\">",
        "</div>",
    );
    assert!(
        notice.contains("<h2 id=\"untranslated-nl\">In Dutch</h2>"),
        "{notice}"
    );
    assert!(notice.contains("This page is not in English yet. You can read it in Dutch:"));
    assert!(notice.contains("<a href=\"/initiatieven/alleen-nl/\" hreflang=\"nl\" lang=\"nl\">"));
    // Only on the list's first page and where something is missing.
    assert!(
        !site
            .read("public/initiatieven/index.html")
            .contains("id=\"untranslated\"")
    );
    assert!(
        !site
            .read("public/en/initiatives/province/fryslan/index.html")
            .contains("id=\"untranslated\"")
    );
    assert!(
        !site
            .read("public/en/press/index.html")
            .contains("id=\"untranslated\"")
    );
    // Once translated, the notice goes.
    site.write(
        "content/initiatives/alleen-nl.en.md",
        "---\nsummary: \"Now in English too.\"\n---\n",
    );
    site.build().assert_code(0);
    assert!(
        !site
            .read("public/en/initiatives/index.html")
            .contains("id=\"untranslated\"")
    );
}

/// Issue #25: every browser asks /favicon.ico first; the site has it, an SVG icon, a PNG for
/// phones' home screens, and every page links them, fonts preloaded once.
#[test]
fn icons_and_fonts_are_published_and_linked() {
    let site = built();
    let ico = std::fs::read(site.path().join("public/favicon.ico")).expect("favicon.ico");
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "an ICO file");
    let png = std::fs::read(site.path().join("public/apple-touch-icon.png")).expect("touch icon");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let svg = site.read("public/assets/icon.svg");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    for weight in [400, 600, 700] {
        let font = std::fs::read(
            site.path()
                .join(format!("public/assets/fonts/source-sans-3-{weight}.woff2")),
        )
        .expect("font");
        assert_eq!(&font[..4], b"wOF2");
    }
    assert!(
        site.read("public/assets/fonts/OFL.txt")
            .contains("SIL Open Font License")
    );
    for page in [
        "public/index.html",
        "public/en/goals/together-is-normal/index.html",
        "public/404.html",
    ] {
        let html = site.read(page);
        assert!(html.contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">"));
        assert!(
            html.contains("<link rel=\"icon\" href=\"/assets/icon.svg\" type=\"image/svg+xml\">")
        );
        assert!(html.contains("<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">"));
        assert_eq!(
            html.matches("rel=\"preload\" href=\"/assets/fonts/source-sans-3-400.woff2\" as=\"font\" type=\"font/woff2\" crossorigin").count(),
            1,
            "preloaded once"
        );
    }
    let css_name = between(&site.read("public/index.html"), "/assets/style.", "\"").to_string();
    let css = site.read(&format!("public{css_name}"));
    assert!(
        css.contains("font-display: swap")
            && css.contains("url(\"fonts/source-sans-3-400.woff2\")")
    );
    assert!(css.contains("hyphens: auto"));
}

/// Issue #25: a press release ends with who answers questions about it: the partner it names
/// (linked to its website), or else the partners that issued it; and the contact page's press
/// section. Never a person's phone or e-mail.
#[test]
fn press_releases_say_who_answers_questions() {
    let site = Site::fixture("basic");
    site.write(
        "content/press/bericht-2.yaml",
        "date: 2024-02-12\npartners: [alfa, beta]\ngoals: [1]\npress_contact: \"Testcoalitie\"\n",
    );
    site.write(
        "content/pages/contact.nl.md",
        "---\ntitle: Contact\n---\n## Voor de pers {#pers}\n\nSchrijf de partners.\n",
    );
    site.write(
        "content/pages/contact.en.md",
        "---\ntitle: Contact\n---\n## For the press {#press}\n\nWrite to the partners.\n",
    );
    site.build().assert_code(0);
    let named = site.read("public/pers/bericht-1/index.html");
    let contact = between(&named, "<aside class=\"press-contact\"", "</aside>");
    assert!(
        contact.contains("<h2 id=\"press-contact\">Persvragen</h2>"),
        "{contact}"
    );
    assert!(
        contact.contains(
            "persvoorlichting van <a href=\"https://alfa.example.org\">Alfa Vereniging</a>."
        ),
        "{contact}"
    );
    assert!(
        contact.contains("<a href=\"/contact/#pers\">contactpagina</a>"),
        "{contact}"
    );
    let coalition = site.read("public/en/press/release-2/index.html");
    let contact = between(&coalition, "<aside class=\"press-contact\"", "</aside>");
    assert!(
        contact.contains("The partners who issued it will gladly help"),
        "{contact}"
    );
    assert!(
        contact.contains("<a href=\"https://alfa.example.org\">"),
        "{contact}"
    );
    assert!(
        contact.contains("<a href=\"/en/contact/#press\">contact page</a>"),
        "{contact}"
    );
    for html in [named, coalition] {
        assert!(!html.contains("mailto:") && !html.contains("tel:"));
    }
}

/// Initiatives are listed by name whatever the capitals: an editor who writes a name in
/// lowercase does not see it put after every capitalised one.
#[test]
fn initiatives_are_listed_by_name_whatever_the_capitals() {
    let site = Site::fixture("basic");
    site.write(
        "content/initiatives/bakkerij.nl.md",
        "---\nsummary: \"Brood uit het dorp.\"\n---\nDe bakkerij bakt.\n",
    );
    site.write(
        "content/initiatives/bakkerij.yaml",
        "name: \"bakkerij de Kroon\"\nplace: \"Ede\"\nprovince: Gelderland\nthemes: [zorg]\n",
    );
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &config.replace("initiatives: 2 }", "initiatives: 10 }"),
    );
    site.build().assert_code(0);
    let index = site.read("public/initiatieven/index.html");
    let at = |name: &str| {
        (index.find(name)).unwrap_or_else(|| panic!("{name} is not on the directory: {index}"))
    };
    let names = [
        "Alleen Nederlands",
        "bakkerij de Kroon",
        "Dorpsmolen",
        "Zorgcoöperatie",
    ];
    let places: Vec<usize> = names.iter().map(|name| at(name)).collect();
    assert!(places.is_sorted(), "{names:?} at {places:?}");
}

/// A renamed page keeps its old addresses (`aliases`): each is a page that sends the reader on
/// at once, without script, and names the page's address for search engines. One written in
/// the shared file leads to the page in the site's first language.
#[test]
fn old_addresses_send_the_reader_on() {
    let site = Site::fixture("basic");
    let shared = site.read("content/press/bericht-1.yaml");
    site.write(
        "content/press/bericht-1.yaml",
        &format!("{shared}aliases: [/pers/oud-bericht/, /nieuws/bericht.html]\n"),
    );
    let english = site.read("content/press/bericht-2.en.md");
    site.write(
        "content/press/bericht-2.en.md",
        &english.replacen("---\n", "---\naliases: [/en/news/two]\n", 1),
    );
    site.build().assert_code(0);
    let moved = site.read("public/pers/oud-bericht/index.html");
    assert!(moved.contains("<html lang=\"nl\">"), "{moved}");
    assert!(
        moved.contains("<meta http-equiv=\"refresh\" content=\"0; url=/pers/bericht-1/\">"),
        "{moved}"
    );
    assert!(
        moved.contains("<link rel=\"canonical\" href=\"https://example.org/pers/bericht-1/\">"),
        "{moved}"
    );
    assert!(
        moved.contains("<a href=\"/pers/bericht-1/\">Bericht 1</a>"),
        "{moved}"
    );
    assert!(!moved.contains("<script"), "{moved}");
    assert_eq!(moved, site.read("public/nieuws/bericht.html"));
    let two = site.read("public/en/news/two/index.html");
    assert!(two.contains("url=/en/press/release-2/"), "{two}");
    // Not pages of their own: not in the sitemap.
    assert!(!site.read("public/sitemap.xml").contains("oud-bericht"));
    // An address the site has, or that is none, is an error at its place.
    site.write(
        "content/press/bericht-1.yaml",
        &format!("{shared}aliases: [/pers/bericht-2/, pers/zonder-streep/]\n"),
    );
    let run = site.check();
    run.assert_code(1);
    for expected in [
        "content/press/bericht-1.yaml:5:11: error: the old address `/pers/bericht-2/` is now also the address of another page or a file of the site",
        "content/press/bericht-1.yaml:5:29: error: `pers/zonder-streep/` is not an address of the site",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
}

/// The `loc` of every element named `tag` (`url` in a sitemap, `sitemap` in an index).
fn sitemap_locs(text: &str, tag: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(text).expect("sitemap is XML");
    (doc.descendants())
        .filter(|n| n.has_tag_name(tag))
        .map(|n| child_text(n, "loc").to_string())
        .collect()
}

/// Search engines read at most 50,000 addresses from one sitemap file: a larger site's
/// `sitemap.xml` is an index of files that list them all, in the same order.
#[test]
fn a_sitemap_too_long_for_one_file_is_an_index_of_files_that_list_every_page() {
    let every = sitemap_locs(&built().read("public/sitemap.xml"), "url");
    let site = Site::fixture("basic");
    let output = (common::wdhs())
        .args(["build", "--today", "2026-01-01"])
        .env("WDHS_SITEMAP_PART_ROWS", "7")
        .current_dir(site.path())
        .output()
        .expect("run wdhs");
    assert!(output.status.success(), "{output:?}");
    let index = site.read("public/sitemap.xml");
    assert!(index.contains("<sitemapindex "), "{index}");
    let parts = sitemap_locs(&index, "sitemap");
    assert_eq!(parts.len(), every.len().div_ceil(7));
    let mut listed = Vec::new();
    for (n, part) in parts.iter().enumerate() {
        assert_eq!(*part, format!("https://example.org/sitemap-{}.xml", n + 1));
        let rows = sitemap_locs(&site.read(&format!("public/sitemap-{}.xml", n + 1)), "url");
        assert!(!rows.is_empty() && rows.len() <= 7, "{rows:?}");
        listed.extend(rows);
    }
    assert_eq!(listed, every);
    assert!(!site.exists(&format!("public/sitemap-{}.xml", parts.len() + 1)));
    assert!(
        site.read("public/robots.txt")
            .contains("Sitemap: https://example.org/sitemap.xml")
    );
}
