//! Hostile SVG files from an editor's pull request, run through the real binary: `build` and
//! `check` refuse each one with its file, line and column, and nothing is published (an earlier
//! good `public/` stays as it was). Real exports from Inkscape and Illustrator are published.

mod common;
use common::{Site, fixtures};

/// A hostile file, the `line:col: error: …` it must be refused with.
const HOSTILE: [(&str, &str); 8] = [
    (
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <s:script xmlns:s=\"http://www.w3.org/2000/svg\">alert(document.domain)</s:script>\n</svg>\n",
        "2:3: error: the SVG contains a script element (`s:script`), which could run code in a reader's browser\n",
    ),
    (
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<foreignObject width=\"9\" height=\"9\">\n  <xhtml:script xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">alert(1)</xhtml:script>\n</foreignObject>\n</svg>\n",
        "2:1: error: the SVG contains embedded web page content (`foreignObject`), which could run code in a reader's browser\n",
    ),
    (
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<a href=\"javascript&#58;alert(1)\"><text y=\"20\">Lees meer</text></a>\n</svg>\n",
        "2:4: error: the SVG links to a `javascript:` address (in `href`)",
    ),
    (
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:l=\"http://www.w3.org/1999/xlink\">\n<a><set attributeName=\"l:href\" to=\"java&#x9;script:alert(1)\"/><text y=\"20\">x</text></a>\n</svg>\n",
        "2:9: error: the SVG contains an animation (`set`) that changes `l:href`",
    ),
    (
        "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"data:text/xml,x\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
        "2:1: error: the SVG contains a processing instruction (`<?xml-stylesheet …?>`)",
    ),
    (
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>\n",
        "3:3: error: the SVG's DOCTYPE declares an entity (`x`) that is read from another file",
    ),
    (
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<style>@import url(https://evil.example/x.css);</style>\n</svg>\n",
        "2:1: error: the SVG's style in a `style` element loads another style sheet (`@import`) from elsewhere\n",
    ),
    (
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><script>alert(1)</script></body></html>\n",
        "1:1: error: the file is not an SVG drawing: it starts with a `html` element, not with `svg`\n",
    ),
];

const LOGO: &str = "content/partners/logos/x.svg";

#[test]
fn check_refuses_each_hostile_svg_with_its_position() {
    for (svg, expected) in HOSTILE {
        let site = Site::fixture("basic");
        site.write(LOGO, svg);
        let run = site.check();
        run.assert_code(1);
        let expected = format!("{LOGO}:{expected}");
        assert!(
            run.stderr.contains(&expected),
            "expected\n{expected}\nin\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("  hint: "),
            "every problem has a hint\n{}",
            run.stderr
        );
        assert!(!site.exists("public"), "check never writes");
    }
}

#[test]
fn build_refuses_each_hostile_svg_and_publishes_nothing() {
    for (svg, expected) in HOSTILE {
        let site = Site::fixture("basic");
        site.write(LOGO, svg);
        let run = site.build();
        run.assert_code(1);
        let expected = format!("{LOGO}:{expected}");
        assert!(
            run.stderr.contains(&expected),
            "expected\n{expected}\nin\n{}",
            run.stderr
        );
        assert!(!site.exists("public"), "nothing is published");
    }
}

#[test]
fn a_hostile_logo_that_a_partner_uses_is_refused() {
    let site = Site::fixture("basic");
    // alfa.yaml says `logo: logos/alfa.svg`.
    site.write(
        "content/partners/logos/alfa.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 120\">\n  <image width=\"240\" height=\"120\" href=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\"/>\n</svg>\n",
    );
    for run in [site.check(), site.build()] {
        run.assert_code(1);
        assert!(
            run.stderr.contains("content/partners/logos/alfa.svg:2:35: error: the SVG links to a `data:` address (in `href`)"),
            "{}",
            run.stderr
        );
    }
    assert!(!site.exists("public"));
}

#[test]
fn an_earlier_good_site_is_left_as_it_was() {
    let site = Site::fixture("basic");
    site.build().assert_code(0);
    let before = site.snapshot("public");
    assert!(
        before
            .iter()
            .any(|(path, _)| path == "partners/logos/alfa.svg")
    );
    site.write(LOGO, HOSTILE[0].0);
    site.build().assert_code(1);
    assert_eq!(before, site.snapshot("public"), "public/ changed");
    assert!(!site.exists("public/partners/logos/x.svg"));
}

#[test]
fn every_problem_in_a_file_is_reported() {
    let site = Site::fixture("basic");
    site.write(
        LOGO,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n<script>alert(2)</script>\n<a xlink:href=\"javascript:alert(3)\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">x</a>\n<rect style=\"background:url(javascript:alert(4))\"/>\n</svg>\n",
    );
    let run = site.check();
    run.assert_code(1);
    for expected in [
        ":1:41: error: the SVG contains an event handler (`onload`)",
        ":2:1: error: the SVG contains a script element (`script`)",
        ":3:4: error: the SVG links to a `javascript:` address (in `xlink:href`)",
        ":4:7: error: the SVG's style in the `style` attribute contains a `javascript:` address",
    ] {
        assert!(
            run.stderr.contains(&format!("{LOGO}{expected}")),
            "expected\n{expected}\nin\n{}",
            run.stderr
        );
    }
    assert!(run.stdout.contains("4 errors"), "{}", run.stdout);
}

/// A PNG or JPEG saved with `.svg` is named as what it is (it was "not UTF-8 text").
#[test]
fn files_that_are_not_utf8_or_not_xml_are_refused() {
    let site = Site::fixture("basic");
    let mut bytes = b"<svg xmlns=\"http://www.w3.org/2000/svg\">\n<title>Caf".to_vec();
    bytes.extend(b"\xe9</title></svg>\n");
    std::fs::write(site.path().join(LOGO), bytes).expect("write");
    site.write(
        "content/partners/logos/y.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>\n</svg>\n",
    );
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
    std::fs::write(site.path().join("content/partners/logos/z.svg"), png).expect("write");
    let run = site.check();
    run.assert_code(1);
    for expected in [
        "content/partners/logos/x.svg:2:11: error: the SVG is not UTF-8 text\n",
        "content/partners/logos/y.svg:3:1: error: the SVG is not valid XML: expected 'g' tag, not 'svg'\n",
        "content/partners/logos/z.svg: error: this file is not a drawing (SVG) but a PNG picture\n  hint: change the end of its name from `.svg` to `.png`",
    ] {
        assert!(
            run.stderr.contains(expected),
            "expected\n{expected}\nin\n{}",
            run.stderr
        );
    }
}

#[test]
fn real_exports_from_drawing_programs_are_published_as_they_are() {
    let site = Site::fixture("basic");
    let mut files = Vec::new();
    for name in [
        "inkscape.svg",
        "illustrator-cs6.svg",
        "illustrator-2020.svg",
    ] {
        let text = std::fs::read_to_string(fixtures().join("svg").join(name)).expect("fixture");
        site.write(&format!("content/partners/logos/{name}"), &text);
        files.push((name, text));
    }
    site.check().assert_code(0);
    site.build().assert_code(0);
    for (name, text) in files {
        assert_eq!(site.read(&format!("public/partners/logos/{name}")), text);
    }
}

#[test]
fn a_drawing_over_five_megabytes_is_refused_without_being_read() {
    let site = Site::fixture("basic");
    let padding = "<!-- x -->\n".repeat(5 * 1024 * 1024 / 11 + 1);
    site.write(
        LOGO,
        &format!("<svg xmlns=\"http://www.w3.org/2000/svg\">\n{padding}</svg>\n"),
    );
    let run = site.check();
    run.assert_code(1);
    let expected = "content/partners/logos/x.svg: error: the drawing is too large (5.1 MB; at most 5 MB)\n  hint: simplify the drawing, or save it as PNG\n";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
}
