//! Every link into the site is checked, however it is written: `@/` links when the text is
//! rendered, addresses (`/doelen/x/`, the site's full address) once every file is known.

mod common;

use common::Site;

fn with_links(site: &Site, links: &str) {
    site.write(
        "content/press/bericht-1.nl.md",
        &format!("---\ntitle: \"Bericht 1\"\nsummary: \"x\"\n---\nZie {links}.\n"),
    );
}

#[test]
fn an_address_of_a_page_the_site_does_not_have_is_an_error_at_its_line() {
    let site = Site::fixture("basic");
    with_links(
        &site,
        "[het doel](/doelen/eerstee/) en [alles](https://www.example.org/actieprogramma/)",
    );
    for run in [site.check(), site.build()] {
        run.assert_code(1);
        assert!(
            run.stderr.contains("content/press/bericht-1.nl.md:5:5: error: `/doelen/eerstee/` leads to a page or file the site does not have"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("hint: did you mean `/doelen/eerste/`? Link to the site's pages with `@/goals/eerste`"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("5:37: error: `https://www.example.org/actieprogramma/` leads to a page or file the site does not have"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_web_or_mail_address_without_its_scheme_and_a_name_in_other_capitals_get_the_fix() {
    let site = Site::fixture("basic");
    site.write(
        "content/partners/alfa.nl.md",
        "---\nsummary: \"x\"\n---\nZie [artikel](www.katalys.nl/x), [mail](info@wedoenhetsamen.nu) en [logo](logos/Alfa.svg).\n",
    );
    let alfa = site.read("content/partners/alfa.yaml");
    site.write(
        "content/partners/alfa.yaml",
        &alfa.replace("logo: logos/alfa.svg", "logo: logos/ALFA.svg"),
    );
    let run = site.check();
    run.assert_code(1);
    for expected in [
        "hint: did you mean `https://www.katalys.nl/x`? An address on another website starts with https://",
        "hint: did you mean `mailto:info@wedoenhetsamen.nu`? A link to an e-mail address starts with mailto:",
        "hint: did you mean `logos/alfa.svg`? Capitals count in a file name on the website",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    // The logo named in the fields, and the one linked in the text.
    assert_eq!(
        run.stderr.matches("did you mean `logos/alfa.svg`?").count(),
        2,
        "{}",
        run.stderr
    );
}

/// A photo saved as `Foto bij de molen.jpg` and linked as `<Foto bij de molen.jpg>` was
/// refused for its name and then said not to exist at the link. The link now gets the name to
/// give it and to write there.
#[test]
fn a_file_named_with_spaces_gets_the_name_to_give_it_at_the_link_too() {
    let site = Site::fixture("basic");
    let logo = site.read("content/partners/logos/alfa.svg");
    site.write("content/press/Foto bij de molen.svg", &logo);
    with_links(&site, "![De molen](<Foto bij de molen.svg>)");
    let run = site.check();
    run.assert_code(1);
    for expected in [
        "content/press/Foto bij de molen.svg: error: the name `Foto bij de molen.svg` cannot",
        "content/press/bericht-1.nl.md:5:5: error: the name `Foto bij de molen.svg` cannot",
        "hint: give the file the name `foto-bij-de-molen.svg` (letters, digits, - and _ only) and write that name here",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
}

/// A partner's logo written without its folder, or as the address of the logo on the partner's
/// website: the hint names the file that is there, or says to save the picture in the site.
#[test]
fn a_logo_without_its_folder_or_on_another_website_gets_the_fix() {
    for (logo, expected) in [
        (
            "alfa.svg",
            "hint: did you mean `logos/alfa.svg`? Write the name from the entry's folder, with the folder the file is in",
        ),
        (
            "https://www.alfa.example/logo.svg",
            "error: the image `https://www.alfa.example/logo.svg` is on another website",
        ),
    ] {
        let site = Site::fixture("basic");
        let alfa = site.read("content/partners/alfa.yaml");
        site.write(
            "content/partners/alfa.yaml",
            &alfa.replace("logo: logos/alfa.svg", &format!("logo: {logo}")),
        );
        let run = site.check();
        run.assert_code(1);
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
        assert_eq!(run.stderr.matches(": error: ").count(), 1, "{}", run.stderr);
    }
}

/// A hint lists at most ten anchors of the target: 10,000 links to a missing anchor of a page
/// of 25,000 headings put all of them in every hint, past 4 GB (red team).
#[test]
fn a_missing_anchor_on_a_page_of_many_headings_gets_a_short_hint() {
    let site = Site::fixture("basic");
    let headings: String = (0..300).map(|i| format!("## Kop {i}\n\n")).collect();
    site.write(
        "content/pages/about.nl.md",
        &format!("---\ntitle: \"Over\"\n---\n{headings}"),
    );
    let links: String = (0..150)
        .map(|i| format!("[x](@/pages/about#weg-{i})\n\n"))
        .collect();
    with_links(&site, &links);
    let run = site.check();
    run.assert_code(1);
    let hint = (run.stderr.lines())
        .find(|l| l.starts_with("  hint: ") && l.contains("#kop-"))
        .unwrap_or_else(|| panic!("{}", run.stderr));
    assert!(hint.ends_with(", …"), "{hint}");
    assert_eq!(hint.matches('#').count(), 10, "{hint}");
    assert!(run.stderr.contains("50 more"), "{}", run.stderr);
}

/// A photo linked where it is on the editor's computer was told that a `c:` address is not
/// allowed, with the hint to write a web address.
#[test]
fn a_place_on_the_editors_own_computer_is_told_to_be_copied_beside_the_text() {
    let site = Site::fixture("basic");
    with_links(
        &site,
        r"![Moestuin](C:\Users\anna\Pictures\moestuin.jpg) en [verslag](file:///Users/anna/verslag.pdf)",
    );
    let run = site.check();
    run.assert_code(1);
    for expected in [
        r"5:5: error: `C:\Users\anna\Pictures\moestuin.jpg` is a place on your own computer, which readers of the site cannot reach",
        "hint: copy the file into the folder of this file and write only its name, such as `moestuin.jpg`",
        "hint: copy the file into the folder of this file and write only its name, such as `verslag.pdf`",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
}

#[test]
fn addresses_of_pages_and_files_the_site_has_pass_and_anchors_are_checked() {
    let site = Site::fixture("basic");
    with_links(
        &site,
        "[doel](/doelen/eerste/), [lijst](/pers/), [zonder slash](/doelen/eerste), \
         [vol](https://example.org/doelen/), [logo](/partners/logos/alfa.svg), \
         [inhoud](/doelen/eerste/#main), [extern](https://www.rijksoverheid.nl/)",
    );
    site.build().assert_code(0);
    with_links(&site, "[anker](/doelen/eerste/#nergens)");
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("error: `/doelen/eerste/#nergens` points to `#nergens`, but that page has no heading with that anchor"),
        "{}",
        run.stderr
    );
}

/// Under a base address with a path (`https://example.org/wdhs/`), `/pers/` passed the check
/// (the output folder has `pers/`) and was published leading to `https://example.org/pers/`,
/// another site's page. Links written with the base path, and `@/` links, pass.
#[test]
fn an_address_without_the_base_path_of_the_site_is_an_error_with_the_fix() {
    let site = Site::fixture("basic");
    let config = site.read("content/site.yaml");
    let moved = config.replace("https://example.org/", "https://example.org/wdhs/");
    assert_ne!(config, moved);
    site.write("content/site.yaml", &moved);
    with_links(
        &site,
        "[lijst](/pers/), [goed](/wdhs/doelen/eerste/), [thuis](/wdhs), [doel](@/goals/eerste)",
    );
    let run = site.check();
    run.assert_code(1);
    let expected = "content/press/bericht-1.nl.md:5:5: error: `/pers/` leads to an address outside the site, which is published at /wdhs/\n";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "hint: write `/wdhs/pers/`, or link to the site's pages with `@/<kind>/<name>`"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    // Found only by ignoring case, which most web servers do not.
    with_links(&site, "[lijst](/wdhs/Pers/)");
    let run = site.check();
    run.assert_code(1);
    let expected = "5:5: error: `/wdhs/Pers/` has other capitals than the address on the site; most web servers take it for another address\n";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
    assert!(
        run.stderr.contains("hint: write `/wdhs/pers/`"),
        "{}",
        run.stderr
    );
    with_links(&site, "[lijst](/wdhs/pers/), [goed](/wdhs/doelen/eerste/)");
    site.build().assert_code(0);
}

/// A zero-width space pasted into an `@/` link got "did you mean `@/goals/eerste`?", which
/// looks exactly like what the editor wrote.
#[test]
fn an_invisible_character_in_a_link_is_named_with_its_code() {
    let site = Site::fixture("basic");
    with_links(&site, "[het doel](@/goals/eerste\u{200b})");
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/press/bericht-1.nl.md:5:5: error: the link `@/goals/eerste` holds a character you cannot see (U+200B), copied along from a web page or Word\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("hint: type the link again: `@/goals/eerste`"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("did you mean"), "{}", run.stderr);
}

/// `//example.org/…` (the page's own scheme) was taken for another website's address, and a
/// broken one was never checked.
#[test]
fn an_address_without_its_scheme_is_checked_as_the_sites_own() {
    let site = Site::fixture("basic");
    with_links(
        &site,
        "[goed](//www.example.org/pers/), [kapot](//example.org/doelen/eerstee/)",
    );
    let run = site.check();
    run.assert_code(1);
    let expected = "content/press/bericht-1.nl.md:5:38: error: `//example.org/doelen/eerstee/` leads to a page or file the site does not have\n";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
}

/// A small website on this machine: `/ok` answers, `/weg` is gone, `/verhuisd` moved to `/ok`,
/// `/rond` sends the visitor round in circles; counts what it is asked.
struct Website {
    address: String,
    asked: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

fn website() -> Website {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("listen");
    let address = server.server_addr().to_ip().expect("ip").to_string();
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = std::sync::Arc::clone(&asked);
    std::thread::spawn(move || {
        // Ends with the test process; answers at most a few hundred requests.
        for request in server.incoming_requests().take(500) {
            let path = request.url().to_string();
            log.lock().expect("log").push(path.clone());
            let (status, location) = match path.as_str() {
                "/ok" => (200, None),
                "/verhuisd" => (301, Some("/ok")),
                "/rond" => (302, Some("rond")),
                _ => (404, None),
            };
            let mut response = tiny_http::Response::empty(status);
            if let Some(location) = location {
                response.add_header(
                    tiny_http::Header::from_bytes("Location", location).expect("a header"),
                );
            }
            let _ = request.respond(response);
        }
    });
    Website { address, asked }
}

#[test]
fn check_external_reports_dead_links_at_their_line_and_remembers_good_ones() {
    let web = website();
    let site = Site::fixture("basic");
    let base = format!("http://{}", web.address);
    // Only this machine is asked: the fixture's own addresses point at the little website.
    for file in [
        "content/initiatives/molen.yaml",
        "content/partners/alfa.yaml",
        "content/partners/beta.yaml",
    ] {
        let text = site.read(file);
        let text = (text.lines())
            .map(|l| match l.split_once(": \"https://") {
                Some((key, _)) => format!("{key}: \"{base}/ok\"\n"),
                None => format!("{l}\n"),
            })
            .collect::<String>();
        site.write(file, &text);
    }
    let links = format!(
        "[goed]({base}/ok), [weg]({base}/weg), [dicht](http://127.0.0.1:9/), \
         [verhuisd]({base}/verhuisd) en [rond]({base}/rond)"
    );
    with_links(&site, &links);
    let col = "Zie ".len() + links.find("[weg]").expect("written") + 1;
    let run = |site: &Site| {
        let output = common::wdhs()
            .args(["check", "--external", "--today", "2026-01-01"])
            // The little website is on this machine, which is otherwise never asked.
            .env("WDHS_EXTERNAL_ALLOW_PRIVATE", "1")
            .env_remove("http_proxy")
            .env_remove("HTTP_PROXY")
            .env_remove("ALL_PROXY")
            .current_dir(site.path())
            .output()
            .expect("run");
        common::Run::from(output)
    };
    let first = run(&site);
    first.assert_code(0);
    assert!(
        first.stderr.contains(&format!(
            "content/press/bericht-1.nl.md:5:{col}: warning: the link to `{base}/weg` does not work: the site answered 404 (page not found)"
        )),
        "{}",
        first.stderr
    );
    assert!(
        first.stderr.contains(
            "warning: the link to `http://127.0.0.1:9/` does not work: it could not be reached"
        ),
        "{}",
        first.stderr
    );
    assert!(
        !first.stderr.contains("/ok` does not work"),
        "{}",
        first.stderr
    );
    // A redirect is followed to where it leads; one that never ends is a dead link.
    assert!(
        !first.stderr.contains("/verhuisd` does not work"),
        "{}",
        first.stderr
    );
    assert!(
        first.stderr.contains(&format!(
            "the link to `{base}/rond` does not work: it sends the visitor on more than 5 times"
        )),
        "{}",
        first.stderr
    );
    let asked_first = web.asked.lock().expect("log").len();
    // The second check asks again only what did not work.
    let second = run(&site);
    assert!(
        second
            .stderr
            .contains(&format!("`{base}/weg` does not work"))
    );
    let asked: Vec<String> = web.asked.lock().expect("log")[asked_first..].to_vec();
    assert!(!asked.contains(&"/ok".to_string()), "{asked:?}");
    assert!(asked.contains(&"/weg".to_string()), "{asked:?}");
    // Without --external nothing is asked.
    let before = web.asked.lock().expect("log").len();
    site.check().assert_code(0);
    assert_eq!(web.asked.lock().expect("log").len(), before);
    // And in Dutch.
    let output = common::wdhs()
        .args([
            "check",
            "--external",
            "--lang",
            "nl",
            "--today",
            "2026-01-01",
        ])
        .env("WDHS_EXTERNAL_ALLOW_PRIVATE", "1")
        .current_dir(site.path())
        .output()
        .expect("run");
    let dutch = String::from_utf8_lossy(&output.stderr);
    assert!(
        dutch.contains(&format!("waarschuwing: de link naar `{base}/weg` werkt niet: de site antwoordde 404 (pagina niet gevonden)")),
        "{dutch}"
    );
}

#[test]
fn check_external_never_asks_this_machine_or_a_private_network() {
    let web = website();
    let site = Site::fixture("basic");
    // A pull request's links to the machine CI runs on and to a cloud's metadata service, and
    // to this machine again in IPv6 dress: IPv4-compatible, IPv4-translated, NAT64 and 6to4.
    let port = web.address.rsplit_once(':').map_or("", |(_, port)| port);
    let disguised = [
        format!("http://[::127.0.0.1]:{port}/ok"),
        format!("http://[::ffff:0:127.0.0.1]:{port}/ok"),
        format!("http://[64:ff9b::127.0.0.1]:{port}/ok"),
        format!("http://[2002:7f00:1::1]:{port}/ok"),
    ];
    let links = format!(
        "[beheer](http://{}/ok) en [sleutels](http://169.254.169.254/latest/meta-data/) en {}",
        web.address,
        disguised
            .each_ref()
            .map(|url| format!("[hier]({url})"))
            .join(" en ")
    );
    with_links(&site, &links);
    let output = common::wdhs()
        .args(["check", "--external", "--today", "2026-01-01"])
        .env_remove("WDHS_EXTERNAL_ALLOW_PRIVATE")
        .current_dir(site.path())
        .output()
        .expect("run");
    let run = common::Run::from(output);
    run.assert_code(0);
    for address in ["127.0.0.1", "169.254.169.254"] {
        assert!(
            run.stderr.contains(&format!(
                "does not work: it leads to `{address}`, an address on this machine or a private network, which wdhs does not ask"
            )),
            "{}",
            run.stderr
        );
    }
    for url in &disguised {
        assert!(
            run.stderr.contains(&format!(
                "the link to `{url}` does not work: it leads to `127.0.0.1`, an address on this machine"
            )),
            "{}",
            run.stderr
        );
    }
    assert!(web.asked.lock().expect("log").is_empty());
}
