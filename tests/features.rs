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
    assert!(
        site.read("public/festival/2024/index.html")
            .contains("href=\"/festival/2024/festival.ics\"")
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

#[test]
fn goals_timeline_and_related_content() {
    let site = built();
    let goals = site.read("public/doelen/index.html");
    let y2027 = goals.find(">2027</h2>").expect("2027");
    let y2030 = goals.find(">2030</h2>").expect("2030");
    assert!(y2027 < y2030, "timeline runs forward");
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
    assert!(site.read("public/404.html").contains("<html lang=\"nl\">"));
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
