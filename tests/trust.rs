//! Content is untrusted data: each way a pull request could publish the build machine's files,
//! a file nobody wrote as content, or script on the site is refused by `build` and `check`
//! alike, with the file and what to do. (SVG files: `trust_svg.rs`; the output folder and the
//! image cache: `trust_output.rs`; `serve`: `serve_security.rs`.)

mod common;

use common::Site;
use std::path::Path;

/// A secret outside the site, as a build machine has them (tokens in the environment, keys).
fn outside_secret() -> tempfile::TempDir {
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("token.txt"), "SECRET-TOKEN-123").expect("write");
    std::fs::write(outside.path().join("id_rsa"), "SECRET-KEY-456").expect("write");
    outside
}

fn link(target: &Path, site: &Site, relative: &str) {
    let path = site.path().join(relative);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::os::unix::fs::symlink(target, path).expect("symlink");
}

/// Every byte of every published file, for "this never reaches the site".
fn published_text(site: &Site) -> String {
    (site.snapshot("public").into_iter())
        .map(|(path, bytes)| format!("{path}\n{}\n", String::from_utf8_lossy(&bytes)))
        .collect()
}

#[test]
fn links_out_of_the_site_are_refused_whatever_they_look_like() {
    let outside = outside_secret();
    let cases = [
        (
            outside.path().join("token.txt"),
            "content/partners/token.txt",
        ),
        (outside.path().to_path_buf(), "content/partners/ssh"),
        (outside.path().join("id_rsa"), "content/partners/logo.jpg"),
        (
            outside.path().join("id_rsa"),
            "content/partners/logos/beta.svg",
        ),
        (
            Path::new("/proc/self/environ").to_path_buf(),
            "content/press/env.pdf",
        ),
    ];
    for (target, relative) in cases {
        let site = Site::fixture("basic");
        link(&target, &site, relative);
        let message = format!(
            "{relative}: error: this is a link to `{}`, outside the site's content",
            target.display()
        );
        site.assert_refused(&[&message, "hint: copy the file itself into the folder"]);
    }
}

/// site.yaml is content too: a link in its place is not read (its first line was shown under
/// the problems), nor is a device that never ends (`/dev/zero`: memory without limit) or never
/// answers (`/dev/ptmx`: a hang), by any command, whatever language it speaks.
#[test]
fn a_site_yaml_that_links_out_is_refused_unread() {
    let outside = outside_secret();
    let secret = outside.path().join("token.txt");
    for target in [
        secret.as_path(),
        Path::new("/dev/zero"),
        Path::new("/dev/ptmx"),
        Path::new("/proc/self/environ"),
    ] {
        let site = Site::fixture("basic");
        site.remove("content/site.yaml");
        link(target, &site, "content/site.yaml");
        let message = format!(
            "content/site.yaml: error: this is a link to `{}`, outside the site's content",
            target.display()
        );
        site.assert_refused(&[&message]);
        let run = site.check();
        assert!(!run.stderr.contains("SECRET"), "{}", run.stderr);
        assert!(!run.stderr.contains("PATH="), "{}", run.stderr);
        // Only that problem: nothing else is checked against settings that could not be read.
        assert_eq!(run.stderr.matches(": error:").count(), 1, "{}", run.stderr);
        // The language of messages is chosen from site.yaml when nothing else says it.
        let untold = common::wdhs()
            .arg("check")
            .current_dir(site.path())
            .env_remove("WDHS_LANG")
            .env("LANG", "C")
            .output()
            .expect("run wdhs");
        assert_eq!(untold.status.code(), Some(1));
        let new = site.run(&["new", "page", "Nieuw"]);
        assert_ne!(new.code, 0, "{}", new.stderr);
        assert!(!new.stderr.contains("SECRET"), "{}", new.stderr);
    }
}

/// `content` itself a link to a folder outside the site: its `site.yaml` was read through the
/// link, and its first line printed under the problem.
#[test]
fn a_content_folder_that_links_out_is_refused_unread() {
    let outside = outside_secret();
    let copy = outside.path().join("content");
    let site = Site::fixture("basic");
    std::fs::rename(site.path().join("content"), &copy).expect("move");
    std::fs::write(copy.join("site.yaml"), "SECRET_TOKEN=ghp_abcdef\n").expect("write");
    link(&copy, &site, "content");
    let message = format!(
        "content: error: this is a link to `{}`, outside the site's content",
        copy.display()
    );
    site.assert_refused(&[&message]);
    assert!(!site.check().stderr.contains("SECRET"));
}

#[test]
fn a_link_inside_the_content_is_followed_and_a_link_to_nothing_is_reported() {
    let site = Site::fixture("basic");
    // One logo used by two kinds: allowed, and published as the file it points to.
    link(
        Path::new("../partners/logos/alfa.svg"),
        &site,
        "content/pages/alfa.svg",
    );
    site.build().assert_code(0);
    assert_eq!(
        site.read("public/media/alfa.svg"),
        site.read("content/partners/logos/alfa.svg")
    );
    link(Path::new("nergens.jpg"), &site, "content/pages/weg.jpg");
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "content/pages/weg.jpg: error: this link points to `nergens.jpg`, which does not exist"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_link_to_a_hidden_file_of_the_site_is_refused() {
    // The repository's own `.git/config` can hold a token: inside the folder, never content.
    let site = Site::fixture("basic");
    site.write("content/.geheim/config", "SECRET-TOKEN-123");
    link(
        Path::new("../.geheim/config"),
        &site,
        "content/press/config.pdf",
    );
    site.assert_refused(&["content/press/config.pdf: error: this is a link to"]);
}

#[test]
fn a_theme_cannot_link_out_of_its_folder() {
    let outside = outside_secret();
    let site = Site::fixture("basic");
    let theme = common::repo_root().join("themes/default");
    common::copy_dir(&theme, &site.path().join("themes/default"));
    link(
        &outside.path().join("token.txt"),
        &site,
        "themes/default/static/token.txt",
    );
    site.assert_refused(&["themes/default/static/token.txt: error: this is a link to"]);
}

#[test]
fn files_that_are_not_content_are_not_published() {
    let cases = [
        ("content/initiatives/index.html", "`.html`"),
        ("content/press/atom.xml", "`.xml`"),
        ("content/initiatives/molen/index.html", "`.html`"),
        ("content/partners/logos/run.js", "`.js`"),
        ("content/pages/page.xhtml", "`.xhtml`"),
        ("content/pages/shell.php", "`.php`"),
        ("content/pages/.htaccess.txt", ""),
    ];
    for (relative, kind) in cases {
        let site = Site::fixture("basic");
        site.write(relative, "<script>alert(document.cookie)</script>");
        if kind.is_empty() {
            // Hidden files are never content: ignored, as editors' clutter is.
            site.build().assert_code(0);
            assert!(!published_text(&site).contains("alert(document.cookie)"));
            continue;
        }
        let message = format!("{relative}: error: files of this type ({kind}) are not published");
        site.assert_refused(&[&message, "hint: "]);
    }
}

#[test]
fn a_document_must_be_what_its_name_says() {
    let site = Site::fixture("basic");
    // A web page, also one that carries a PDF header in a comment.
    for page in [
        "<html><script>alert(document.cookie)</script></html>",
        "<html><script>alert(document.cookie)</script><!-- %PDF-1.4 --></html>",
    ] {
        site.write("content/press/jaarverslag.pdf", page);
        site.assert_refused(
            &[
                "content/press/jaarverslag.pdf: error: `jaarverslag.pdf` is not the kind of file its name says",
            ],
        );
    }
    site.write_bytes("content/press/jaarverslag.pdf", &common::pdf(0));
    site.write_bytes(
        "content/press/plan.docx",
        &common::office(&[("word/document.xml", "<w:document/>")]),
    );
    site.build().assert_code(0);
    assert!(site.exists("public/pers/jaarverslag.pdf"));
    assert!(site.exists("public/pers/plan.docx"));
}

#[test]
fn names_that_cannot_be_addresses_are_refused_with_a_suggestion() {
    let cases = [
        ("content/press/a b.nl.md", "rename the file to `a-b.nl.md`"),
        (
            "content/press/UPPER.nl.md",
            "rename the file to `upper.nl.md`",
        ),
        (
            "content/press/über.nl.md",
            "rename the file to `uber.nl.md`",
        ),
        (
            "content/press/twee\nregels.nl.md",
            "rename the file to `twee-regels.nl.md`",
        ),
        (
            "content/press/Foto Molen.jpg",
            "rename it to `foto-molen.jpg`",
        ),
        ("content/partners/Logo's/alfa.svg", "rename it to `logo-s`"),
    ];
    for (relative, hint) in cases {
        let site = Site::fixture("basic");
        site.write(
            relative,
            "---\ntitle: \"Bericht\"\nsummary: \"x\"\ndate: 2024-01-01\n---\nTekst.\n",
        );
        site.assert_refused(&[hint]);
    }
}

#[test]
fn every_address_the_site_writes_is_plain_ascii() {
    let site = Site::fixture("basic");
    site.build().assert_code(0);
    for (path, bytes) in site.snapshot("public") {
        let text = String::from_utf8_lossy(&bytes);
        for (at, _) in text.match_indices("<loc>") {
            let loc: String = text[at + 5..].chars().take_while(|c| *c != '<').collect();
            assert!(loc.chars().all(|c| c.is_ascii_graphic()), "{path}: {loc:?}");
        }
        for attribute in ["href=\"", "src=\""] {
            for (at, _) in text.match_indices(attribute) {
                let url: String = (text[at + attribute.len()..].chars())
                    .take_while(|c| *c != '"')
                    .collect();
                assert!(url.chars().all(|c| c.is_ascii_graphic()), "{path}: {url:?}");
            }
        }
    }
}

#[test]
fn links_that_could_run_script_are_errors_at_their_line() {
    let cases = [
        "[klik](javascript:alert(1))",
        "[klik](JaVaScRiPt:alert(1))",
        "[klik](data:text/html,<script>alert(1)</script>)",
        "[klik](vbscript:msgbox)",
        "<javascript:alert(1)>",
        "![plaatje](javascript:alert(1))",
        "[klik](javascript&#58;alert(1))",
        "[klik](&#x6A;avascript:alert(1))",
        "[klik][ref]\n\n[ref]: javascript:alert(1)",
    ];
    for link in cases {
        let site = Site::fixture("basic");
        site.write(
            "content/press/bericht-1.nl.md",
            &format!("---\ntitle: \"Bericht 1\"\nsummary: \"x\"\n---\nZie {link}.\n"),
        );
        site.assert_refused(&[
            "content/press/bericht-1.nl.md:5:5: error: a link to a `",
            "address is not allowed",
        ]);
    }
    // A `file:` address is a place on the editor's computer, and said to be.
    let site = Site::fixture("basic");
    site.write(
        "content/press/bericht-1.nl.md",
        "---\ntitle: \"Bericht 1\"\nsummary: \"x\"\n---\nZie [klik](file:///etc/passwd).\n",
    );
    site.assert_refused(
        &[
            "content/press/bericht-1.nl.md:5:5: error: `file:///etc/passwd` is a place on your own computer",
        ],
    );
    let site = Site::fixture("basic");
    site.write(
        "content/press/bericht-1.nl.md",
        "---\ntitle: \"Bericht 1\"\nsummary: \"x\"\n---\n[Mail ons](mailto:pers@example.org), \
         [bel](tel:+31201234567), [lees](https://www.rijksoverheid.nl/x).\n",
    );
    site.build().assert_code(0);
}

#[test]
fn images_from_other_websites_are_refused() {
    for image in [
        "![teller](https://tracker.example.com/pixel.png)",
        "![teller](//tracker.example.com/pixel.png)",
        "![teller](HTTP://tracker.example.com/pixel.png)",
    ] {
        let site = Site::fixture("basic");
        site.write(
            "content/press/bericht-1.nl.md",
            &format!("---\ntitle: \"Bericht 1\"\nsummary: \"x\"\n---\nZie {image}.\n"),
        );
        site.assert_refused(&[
            "content/press/bericht-1.nl.md:5:5: error: the image `",
            "is on another website",
        ]);
    }
}

#[test]
fn a_heading_carries_only_its_anchor() {
    let site = Site::fixture("basic");
    site.write(
        "content/press/bericht-1.nl.md",
        "---\ntitle: \"Bericht 1\"\nsummary: \"x\"\n---\n## Kop {#kop .knop onclick=alert(1)}\n\nTekst.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("bericht-1.nl.md:5:1: warning: only an anchor")
    );
    let page = site.read("public/pers/bericht-1/index.html");
    assert!(page.contains("<h2 id=\"kop\">Kop</h2>"), "{page}");
    assert!(!page.contains("onclick"));
}

#[test]
fn a_zero_byte_is_an_error_at_its_place() {
    let site = Site::fixture("basic");
    site.write(
        "content/press/bericht-1.nl.md",
        "---\ntitle: \"Bericht 1\"\nsummary: \"x\"\n---\nTekst met\n een nul\0 erin.\n",
    );
    site.assert_refused(&[
        "content/press/bericht-1.nl.md:6:9: error: the file contains an invisible zero character",
    ]);
}

/// A theme written 3,000 times in one initiative (15 kB) made every card on the theme's pages
/// hold it 3,000 times: 1.2 GB of output, and 95 kB filled the disk. Each item of a list is
/// taken once; a second is an error at its place.
#[test]
fn an_item_repeated_in_a_list_is_refused_at_its_place() {
    let site = Site::fixture("basic");
    let shared = site.read("content/initiatives/molen.yaml");
    let themes = shared
        .lines()
        .find(|l| l.starts_with("themes:"))
        .unwrap_or("themes:");
    let repeated = format!("themes: [{}]", vec!["energie"; 3000].join(","));
    site.write(
        "content/initiatives/molen.yaml",
        &shared.replace(themes, &repeated),
    );
    site.assert_refused(&[
        "content/initiatives/molen.yaml:4:18: error: `energie` is in `themes` twice",
    ]);
}

/// A warning quoting HTML that spans two lines printed the second at the start of a line of
/// the build's log, where a CI runner reads `::warning::…` or `::error file=…` as a command.
#[test]
fn no_line_of_the_report_starts_with_what_the_content_wrote() {
    let site = Site::fixture("basic");
    let page = site.read("content/pages/about.nl.md");
    site.write(
        "content/pages/about.nl.md",
        &format!("{page}\nEen <span\n::error file=x::INGESCHOVEN title=\"x\">tekst</span>.\n"),
    );
    let run = site.build();
    run.assert_code(0);
    assert!(run.stderr.contains("INGESCHOVEN"), "{}", run.stderr);
    assert!(
        !(run.stdout.lines().chain(run.stderr.lines())).any(|l| l.starts_with("::")),
        "{}",
        run.stderr
    );
}

/// The photo and report of a press release under embargo were published before its date, at
/// addresses made from its name, and so were its files of other names: they are held back with
/// it. A published page that links to one named after it is an error rather than a leak; one of
/// another name that a published page links to too is public anyway.
#[test]
fn the_files_of_an_embargoed_release_wait_for_it() {
    let site = Site::fixture("basic");
    let photo =
        std::fs::read(common::repo_root().join("content/festival/2024.jpg")).expect("photo");
    std::fs::write(site.path().join("content/press/toekomst.jpg"), photo).expect("write");
    site.write_bytes("content/press/toekomst-rapport.pdf", &common::pdf(0));
    let shared = site.read("content/press/toekomst.yaml");
    site.write(
        "content/press/toekomst.yaml",
        &format!("{shared}image: toekomst.jpg\n"),
    );
    for lang in ["nl", "en"] {
        let file = format!("content/press/toekomst.{lang}.md");
        let text = site
            .read(&file)
            .replacen("---\n", "---\nimage_alt: \"Foto\"\n", 1);
        site.write(
            &file,
            &format!(
                "{text}\n[Het rapport](toekomst-rapport.pdf), [folder](gedeeld.pdf), \
                 [cijfers](bijlagen/cijfers-2030.pdf), [bijlage](/pers/bijlage-a.pdf), \
                 <https://example.org/pers/bijlage-b.pdf>, [flyer](/pers/flyer.pdf), \
                 [brochure](brochure.pdf)\n"
            ),
        );
    }
    // Of another name and linked from no published page, however the link is written: it
    // waits too.
    site.write_bytes("content/press/bijlagen/cijfers-2030.pdf", &common::pdf(0));
    for file in ["bijlage-a", "bijlage-b", "flyer", "brochure"] {
        site.write_bytes(&format!("content/press/{file}.pdf"), &common::pdf(0));
    }
    // A published page of another kind links to one by its address: it is public anyway.
    let about = site.read("content/pages/about.nl.md");
    site.write(
        "content/pages/about.nl.md",
        &format!(
            "{about}\n[Flyer](https://example.org/pers/flyer.pdf), \
             [Brochure](/pers/%62rochure.pdf)\n"
        ),
    );
    // A file of another name may be a published page's too: it is published.
    site.write_bytes("content/press/gedeeld.pdf", &common::pdf(0));
    let published_page = site.read("content/press/bericht-2.nl.md");
    site.write(
        "content/press/bericht-2.nl.md",
        &format!("{published_page}\n[Folder](gedeeld.pdf)\n"),
    );
    site.build().assert_code(0);
    for public in ["gedeeld", "flyer", "brochure"] {
        assert!(
            site.exists(&format!("public/pers/{public}.pdf")),
            "{public}"
        );
    }
    let published = site.snapshot("public");
    assert!(
        !(published.iter()).any(|(path, _)| ["toekomst", "cijfers", "bijlage"]
            .iter()
            .any(|name| path.contains(name))),
        "{:?}",
        published.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    let early = site.read("content/press/bericht-1.nl.md");
    site.write(
        "content/press/bericht-1.nl.md",
        &format!("{early}\n[Vast lezen](toekomst-rapport.pdf)\n"),
    );
    let check_says = |text: &str| {
        site.check().assert_code(1).assert_says(text);
    };
    check_says(
        "error: `toekomst-rapport.pdf` belongs to a draft or to a press release under embargo",
    );
    // By its address, from a page of another kind: the same.
    site.write("content/press/bericht-1.nl.md", &early);
    let about = site.read("content/pages/about.nl.md");
    site.write(
        "content/pages/about.nl.md",
        &format!("{about}\n[Vast lezen](/pers/toekomst-rapport.pdf)\n"),
    );
    check_says(
        "error: `/pers/toekomst-rapport.pdf` belongs to a draft or to a press release under embargo",
    );
    site.write("content/pages/about.nl.md", &about);
    site.run(&["build", "--drafts"]).assert_code(0);
    assert!(site.exists("public/pers/toekomst-rapport.pdf"));
    assert!(site.exists("public/pers/bijlagen/cijfers-2030.pdf"));
}

#[test]
fn two_images_that_would_publish_the_same_files_are_refused() {
    let site = Site::fixture("basic");
    let logo = site.read("content/partners/logos/alfa.svg");
    site.write("content/partners/logos/ALFA.svg", &logo);
    site.assert_refused(&["would be published under the same name"]);
}

/// Hostile sizes cost time and memory in proportion to what a real page holds: a page with
/// more than 100,000 signs that can start markup is refused before it is parsed, at the sign
/// past the limit. Parsed, 2 MB of `*a` took 650 MB (tests do not measure it: with the limit
/// the worst page under it peaked at 73 MB in a release build, measured by hand). A long page
/// under the limit is built.
#[test]
fn huge_hostile_texts_are_refused_at_their_place_before_parsing() {
    let site = Site::fixture("basic");
    let front = "---\ntitle: \"Groot\"\n---\n";
    let pages = [
        ("sterren", "*a".repeat(1_000_000), "4:200001"),
        // `#`, `#` and two line breaks: the 100,001st sign opens heading 25,001.
        ("koppen", "## h\n\n".repeat(300_000), "50004:1"),
        ("html", "<b>".repeat(600_000), "4:150001"),
    ];
    for (name, body, _) in &pages {
        site.write(
            &format!("content/pages/{name}.nl.md"),
            &format!("{front}{body}"),
        );
    }
    site.write(
        "content/pages/citaat.nl.md",
        &format!("{front}{} x\n", ">".repeat(2_000_000)),
    );
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "content/pages/citaat.nl.md:4:17: error: quotes or lists are nested more than 16 deep"
        ),
        "{}",
        run.stderr
    );
    for (name, _, place) in pages {
        let expected = format!(
            "content/pages/{name}.nl.md:{place}: error: this text has more lines and markup signs"
        );
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    }
    assert_eq!(run.stderr.matches(": error: ").count(), 4, "{}", run.stderr);
    assert!(
        run.stderr.len() < 20_000,
        "{} bytes of messages",
        run.stderr.len()
    );
    for name in ["citaat", "sterren", "koppen", "html"] {
        site.remove(&format!("content/pages/{name}.nl.md"));
    }
    site.write(
        "content/pages/koppen.nl.md",
        &format!("{front}{}", "## h\n\n".repeat(20_000)),
    );
    site.build().assert_code(0);
    assert!(
        site.read("public/koppen/index.html")
            .contains("id=\"h-20000\"")
    );
}

/// site.yaml's address and theme names become part of every page's links and of folders of the
/// site: a backslash (`/\evil.example/` is `//evil.example/` to a browser: style and script
/// from there), a line break (a new line in robots.txt and the calendar) or a theme named
/// `.well-known` is an error at its line, and nothing is published.
#[test]
fn settings_that_would_become_addresses_must_be_plain_addresses() {
    let cases = [
        (
            r#"base_url: "https://example.org/\\evil.example/""#,
            "content/site.yaml:1:11: error: a web address cannot hold `\\`",
        ),
        (
            r#"base_url: "https://example.org/a\r\nDisallow: /""#,
            "content/site.yaml:1:11: error: a web address cannot hold `\\r`",
        ),
        (
            "  zorg: { nl: \"Zorg\", en: \"Care\" }\n  \".well-known\": { nl: \"Bekend\", en: \"Known\" }",
            "error: the theme name `.well-known` cannot be used in a web address",
        ),
    ];
    for (setting, expected) in cases {
        let site = Site::fixture("basic");
        let config = site.read("content/site.yaml");
        let replaced = match setting.strip_prefix("  zorg: ") {
            Some(_) => "  zorg: { nl: \"Zorg\", en: \"Care\" }",
            None => config.lines().next().unwrap_or_default(),
        };
        assert!(config.contains(replaced));
        site.write("content/site.yaml", &config.replacen(replaced, setting, 1));
        site.assert_refused(&[expected]);
    }
}

/// `wdhs new` writes only where `build` reads: not through a section folder that links out.
#[test]
fn new_does_not_write_through_a_link_out_of_the_site() {
    let outside = outside_secret();
    let site = Site::fixture("basic");
    std::fs::remove_dir_all(site.path().join("content/pages")).expect("remove");
    link(outside.path(), &site, "content/pages");
    let run = site.run(&["new", "page", "Evil Page"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: this is a link to `")
            && run.stderr.contains("outside the site's content"),
        "{}",
        run.stderr
    );
    assert!(!outside.path().join("evil-page.nl.md").exists());
}

/// A link inside the content stands for an image or document of its own kind. A `.csv` or a
/// page linked to an embargoed press release published its text, front matter and all.
#[test]
fn a_link_to_a_page_text_or_a_file_of_another_kind_is_refused() {
    for name in ["content/pages/leak.csv", "content/pages/kopie.nl.md"] {
        let site = Site::fixture("basic");
        link(Path::new("../press/toekomst.nl.md"), &site, name);
        site.assert_refused(
            &[&format!(
                "{name}: error: this is a link to `content/press/toekomst.nl.md`; a link may only stand for an image or a document of its own kind"
            )],
        );
    }
}
