//! Unit tests of the SVG check: what is refused and why, and that real editors' exports pass.

use super::css::{decode_css_escapes, strip_css_comments};
use super::*;

const XLINK: &str = "http://www.w3.org/1999/xlink";

/// `body` inside an `svg` element that declares the SVG and XLink namespaces.
fn svg(body: &str) -> String {
    format!("<svg xmlns=\"{SVG_NS}\" xmlns:xlink=\"{XLINK}\" viewBox=\"0 0 10 10\">{body}</svg>")
}

#[track_caller]
fn passes(text: &str) {
    let problems = check(text);
    assert!(problems.is_empty(), "{problems:#?}\nin\n{text}");
}

/// Asserts a problem whose message contains `expected`, and returns it.
#[track_caller]
fn refused(text: &str, expected: &str) -> Problem {
    let problems = check(text);
    problems
        .iter()
        .find(|p| p.message.contains(expected))
        .cloned()
        .unwrap_or_else(|| panic!("expected `{expected}` in {problems:#?}\nfor\n{text}"))
}

#[track_caller]
fn refused_body(body: &str, expected: &str) -> Problem {
    refused(&svg(body), expected)
}

// --- What passes ------------------------------------------------------------------------

#[test]
fn a_plain_logo_passes() {
    passes(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 120" width="240" height="120" role="img" aria-labelledby="t">
  <title id="t">Katalys</title>
  <rect x="1" y="1" width="238" height="118" rx="12" fill="#ffffff" stroke="#0f766e" stroke-width="2"/>
  <circle cx="120" cy="30" r="14" fill="#0f766e"/>
  <text x="120" y="86" text-anchor="middle" font-family="system-ui, sans-serif" font-size="22">Katalys</text>
</svg>
"##,
    );
    // A comment that talks about a script is only a comment.
    passes(&svg(
        "<!-- <script>alert(1)</script> onload=\"x\" javascript: --><rect width=\"1\" height=\"1\"/>",
    ));
}

#[test]
fn the_repository_logos_pass() {
    for logo in [
        include_str!("../../content/partners/logos/katalys.svg"),
        include_str!("../../content/partners/logos/cooplink.svg"),
        include_str!("../../tests/fixtures/basic/content/partners/logos/alfa.svg"),
    ] {
        passes(logo);
    }
}

#[test]
fn an_inkscape_export_passes() {
    passes(INKSCAPE);
}

#[test]
fn illustrator_exports_pass() {
    passes(ILLUSTRATOR_CS6);
    passes(ILLUSTRATOR_2020);
}

#[test]
fn safe_links_pass() {
    passes(&svg(
        r##"<defs><circle id="a" r="2"/></defs><use href="#a"/><use xlink:href="#a" x="3"/>"##,
    ));
    passes(&svg(
        r#"<a href="https://www.example.org/"><text>site</text></a>"#,
    ));
    passes(&svg(
        r#"<a xlink:href="http://example.org/">x</a><a href="mailto:info@example.org">mail</a>"#,
    ));
    passes(&svg(
        r#"<a href="../over-ons/">relative</a><image href="foto.png" width="1" height="1"/>"#,
    ));
}

/// A drawing opened on the site (a link to it, "open image in new tab") would load these from
/// another website: a tracking pixel. Only a link (`<a>`) may lead elsewhere.
#[test]
fn loading_from_another_website_is_refused() {
    for body in [
        r#"<image href="https://evil.example/pixel.png" width="1" height="1"/>"#,
        r#"<image xlink:href="//evil.example/pixel.png" width="1" height="1"/>"#,
        r#"<filter id="f"><feImage href=" https://evil.example/fe.png"/></filter>"#,
        r#"<use href="https://evil.example/sprite.svg#a"/>"#,
        r#"<g xml:base="https://www.example.org/logos/"><use href="sprite.svg#a"/></g>"#,
        r#"<image href="\\evil.example\x.png" width="1" height="1"/>"#,
    ] {
        refused_body(body, "from another website");
    }
}

#[test]
fn embedded_pictures_in_an_image_pass() {
    passes(&svg(&format!(
        "<image width=\"1\" height=\"1\" href=\"{PNG}\"/>"
    )));
    passes(&svg(
        "<image width=\"1\" height=\"1\" xlink:href=\"DATA:Image/JPEG;base64,&#10;/9j/4AAQ\"/>",
    ));
    passes(&svg(
        "<image width=\"1\" height=\"1\" href=\"data:image/gif;base64,R0lGODlh\"/>",
    ));
    passes(&svg(
        "<image width=\"1\" height=\"1\" href=\"data:image/webp;base64,UklGR\"/>",
    ));
}

#[test]
fn harmless_animations_and_style_pass() {
    passes(&svg(
        r#"<rect width="1" height="1"><animate attributeName="opacity" values="0;1" dur="1s" repeatCount="indefinite"/><animateTransform attributeName="transform" type="rotate" from="0 5 5" to="360 5 5" dur="2s"/><set attributeName="fill" to="red" begin="click"/></rect>"#,
    ));
    passes(&svg(
        r##"<style>.a { fill: url(#g); stroke: URL( "#h" ) } @font-face { font-family: x; src: local("Arial") } .b{background:url(data:image/png;base64,iVBOR)}</style><rect class="a" style="fill:url('#g');opacity:.5" width="1" height="1"/>"##,
    ));
}

#[test]
fn the_xml_declaration_and_the_svg_doctype_pass() {
    passes(&format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n{}",
        svg("<rect width=\"1\" height=\"1\"/>")
    ));
    passes(&format!(
        "\u{feff}<?xml version='1.0' encoding='iso-8859-1'?>{}",
        svg("")
    ));
    passes(
        "<!DOCTYPE svg [ <!ENTITY ns_svg \"http://www.w3.org/2000/svg\"> <!-- entities --> <!ENTITY a \"&b;\"> <!ENTITY b 'plain'> ]><svg xmlns=\"&ns_svg;\"><text>&a; &amp;</text></svg>",
    );
}

// --- Elements ---------------------------------------------------------------------------

#[test]
fn script_elements_are_refused_whatever_their_prefix_or_namespace() {
    let problem = refused_body("<script>alert(1)</script>", "a script element (`script`)");
    assert!(
        problem
            .message
            .ends_with("which could run code in a reader's browser")
    );
    assert!(problem.hint.contains("Optimized SVG"), "{}", problem.hint);
    refused_body(
        r#"<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>"#,
        "(`s:script`)",
    );
    refused_body(
        r#"<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>"#,
        "(`script`)",
    );
    refused_body(
        r#"<xhtml:script xmlns:xhtml="http://www.w3.org/1999/xhtml">alert(1)</xhtml:script>"#,
        "(`xhtml:script`)",
    );
    refused_body(r#"<g xmlns=""><SCRIPT>x</SCRIPT></g>"#, "(`SCRIPT`)");
    refused(
        &format!("<svg:svg xmlns:svg=\"{SVG_NS}\"><svg:script>x</svg:script></svg:svg>"),
        "(`svg:script`)",
    );
}

#[test]
fn foreign_objects_and_handlers_are_refused() {
    let problem = refused_body(
        r#"<foreignObject width="9" height="9"><p>hello</p></foreignObject>"#,
        "embedded web page content (`foreignObject`)",
    );
    assert!(problem.hint.contains("Illustrator"), "{}", problem.hint);
    refused_body(
        r#"<f:foreignobject xmlns:f="urn:x"/>"#,
        "(`f:foreignobject`)",
    );
    refused_body(
        r#"<handler type="application/ecmascript">alert(1)</handler>"#,
        "an event handler element (`handler`)",
    );
    refused_body(
        r##"<ev:listener xmlns:ev="http://www.w3.org/2001/xml-events" event="click" handler="#h"/>""##,
        "(`ev:listener`)",
    );
}

#[test]
fn html_mathml_and_xml_events_elements_are_refused() {
    refused_body(
        r#"<h:iframe xmlns:h="http://www.w3.org/1999/xhtml" src="https://evil.example/"/>"#,
        "an HTML element (`h:iframe`)",
    );
    refused_body(
        r#"<div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div>"#,
        "an HTML element (`div`)",
    );
    refused_body(
        r#"<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>"#,
        "a MathML element (`math`)",
    );
    refused_body(
        r#"<m:maction xmlns:m="http://www.w3.org/1998/Math/MathML" actiontype="statusline"/>"#,
        "(`m:maction`)",
    );
    refused_body(
        r#"<e:action xmlns:e="http://www.w3.org/2001/xml-events"/>"#,
        "an XML Events element (`e:action`)",
    );
    refused_body(
        r#"<xsl:template xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>"#,
        "an XSLT element",
    );
}

#[test]
fn a_refused_element_is_reported_once_not_with_all_it_holds() {
    let problems = check(&svg(
        r#"<div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/><script>x</script></div>"#,
    ));
    assert_eq!(problems.len(), 1, "{problems:#?}");
}

#[test]
fn the_outermost_element_must_be_svg_in_the_svg_namespace() {
    let problem = refused(
        r#"<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html>"#,
        "the file is not an SVG drawing: it starts with a `html` element",
    );
    assert_eq!((problem.line, problem.col), (1, 1));
    refused(
        r#"<x:html xmlns:x="http://www.w3.org/1999/xhtml"/>"#,
        "starts with a `x:html` element",
    );
    let problem = refused(
        "<svg viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\"/></svg>",
        "xmlns=\"http://www.w3.org/2000/svg\" is missing",
    );
    assert!(problem.hint.starts_with("add xmlns="), "{}", problem.hint);
    refused(
        r#"<svg xmlns="http://www.w3.org/1999/xhtml"><script>x</script></svg>"#,
        "does not say it is SVG",
    );
    // The rest of an `svg` without the namespace is still checked.
    refused("<svg><script>x</script></svg>", "a script element");
    passes(&format!(
        "<s:svg xmlns:s=\"{SVG_NS}\"><s:rect width=\"1\" height=\"1\"/></s:svg>"
    ));
}

// --- Attributes -------------------------------------------------------------------------

#[test]
fn event_handlers_are_refused_in_any_case_and_namespace() {
    let problem = refused(
        &format!("<svg xmlns=\"{SVG_NS}\">\n  <rect onload=\"x()\"/></svg>"),
        "an event handler (`onload`)",
    );
    assert_eq!((problem.line, problem.col), (2, 9));
    refused_body(r#"<rect ONCLICK="x()"/>"#, "(`ONCLICK`)");
    refused_body(
        r#"<rect xmlns:e="urn:evil" e:onmouseover="x()"/>"#,
        "(`e:onmouseover`)",
    );
    refused(
        &format!("<svg xmlns=\"{SVG_NS}\" onload=\"alert(1)\"/>"),
        "(`onload`)",
    );
    refused_body(
        r#"<rect xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="click"/>"#,
        "(`ev:event`)",
    );
}

#[test]
fn javascript_links_are_refused_however_they_are_spelled() {
    for href in [
        "javascript:alert(1)",
        "javascript&#58;alert(1)",
        "&#x6A;avascript:alert(1)",
        "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
        "java&#x9;script:alert(1)",
        "java&#10;script:alert(1)",
        "java&#13;script:alert(1)",
        "JAVASCRIPT:alert(1)",
        " &#x20; javascript:alert(1)",
    ] {
        let problem = refused_body(
            &format!("<a href=\"{href}\"><text>x</text></a>"),
            "links to a `javascript:` address (in `href`)",
        );
        assert!(
            problem.message.contains("only link to https:"),
            "{problem:?}"
        );
    }
    refused_body(
        r#"<a xlink:href="javascript:alert(1)">x</a>"#,
        "(in `xlink:href`)",
    );
    refused_body(
        r#"<a xmlns:xl="http://www.w3.org/1999/xlink" xl:href="javascript:alert(1)">x</a>"#,
        "(in `xl:href`)",
    );
    refused_body(r#"<a HREF="javascript:alert(1)">x</a>"#, "(in `HREF`)");
    refused_body(r#"<a href="vbscript:msgbox(1)">x</a>"#, "`vbscript:`");
}

#[test]
fn xml_base_may_not_turn_links_into_script() {
    refused_body(
        r##"<g xml:base="javascript:alert(1)//"><a href="#x">x</a></g>"##,
        "links to a `javascript:` address (in `xml:base`)",
    );
    refused_body(r#"<a xml:base="JavaScript:x">x</a>"#, "(in `xml:base`)");
}

#[test]
fn data_addresses_are_refused_except_pictures_in_an_image() {
    refused_body(
        r#"<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>"#,
        "`data:` address",
    );
    refused_body(
        r#"<image href="data:image/svg+xml;base64,PHN2Zz4=" width="1" height="1"/>"#,
        "`data:` address (in `href`)",
    );
    refused_body(
        &format!("<a xlink:href=\"{PNG}\">x</a>"),
        "`data:` address (in `xlink:href`)",
    );
    refused_body(&format!("<use href=\"{PNG}\"/>"), "`data:` address");
    refused_body(
        r#"<image href="data:image/pngx,AAAA" width="1" height="1"/>"#,
        "`data:` address",
    );
    refused_body(
        r#"<feImage href="data:image/svg+xml,&lt;svg/&gt;"/>"#,
        "`data:` address",
    );
}

#[test]
fn entities_are_decoded_before_links_are_checked() {
    refused(
        &format!(
            "<!DOCTYPE svg [<!ENTITY js \"javascript:alert(1)\">]>{}",
            svg("<a href=\"&js;\">x</a>")
        ),
        "`javascript:` address",
    );
}

// --- Animations -------------------------------------------------------------------------

#[test]
fn animations_that_change_links_or_handlers_are_refused() {
    refused_body(
        r#"<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>"#,
        "an animation (`set`) that changes `href`",
    );
    refused_body(
        r#"<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>"#,
        "an animation (`set`) that sets a `javascript:` address",
    );
    refused_body(
        r#"<a><animate attributeName="xlink:href" values="https://example.org/;javascript:alert(1)"/>x</a>"#,
        "that changes `xlink:href`",
    );
    refused_body(
        r##"<a><animate attributeName="x:HREF" xmlns:x="http://www.w3.org/1999/xlink" from="#a" to="#b"/>x</a>""##,
        "that changes `x:HREF`",
    );
    refused_body(
        r#"<rect><set attributeName=" onclick " to="alert(1)"/></rect>"#,
        "that changes `onclick`",
    );
    refused_body(
        r#"<rect><animate attributeName="fill" values="red;javascript:alert(1)"/></rect>"#,
        "(`animate`) that sets a `javascript:` address",
    );
    refused_body(
        r#"<a><animateMotion by="JAVASCRIPT:x"/>x</a>"#,
        "(`animateMotion`) that sets a `javascript:`",
    );
}

// --- Processing instructions and the DOCTYPE --------------------------------------------

#[test]
fn processing_instructions_are_refused() {
    let problem = refused(
        &format!(
            "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"data:text/xml,x\"?>\n{}",
            svg("")
        ),
        "a processing instruction (`<?xml-stylesheet …?>`)",
    );
    assert_eq!((problem.line, problem.col), (2, 1));
    refused(
        &format!(
            "<?xml-stylesheet href=\"https://evil.example/x.css\" type=\"text/css\"?>{}",
            svg("")
        ),
        "`<?xml-stylesheet …?>`",
    );
    refused_body("<g><?php echo 1; ?></g>", "`<?php …?>`");
    refused(
        &format!(
            "<!DOCTYPE svg [ <?xml-stylesheet href=\"x.xsl\"?> ]>{}",
            svg("")
        ),
        "`<?xml-stylesheet …?>`",
    );
}

#[test]
fn external_entities_are_refused() {
    let problem = refused(
        &format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n{}",
            svg("<text>&x;</text>")
        ),
        "an entity (`x`) that is read from another file",
    );
    assert_eq!((problem.line, problem.col), (3, 3));
    refused(
        &format!(
            "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [<!ENTITY y PUBLIC \"-//Evil//EN\" \"https://evil.example/y\">]>{}",
            svg("")
        ),
        "(`y`) that is read from another file",
    );
    refused(
        &format!(
            "<!DOCTYPE svg [<!ENTITY % p SYSTEM \"https://evil.example/p.dtd\">]>{}",
            svg("")
        ),
        "(`p`) that is read from another file",
    );
    refused(
        &format!(
            "<!DOCTYPE svg [<!ENTITY pic SYSTEM \"x.png\" NDATA png>]>{}",
            svg("")
        ),
        "(`pic`)",
    );
}

#[test]
fn entities_that_hold_markup_are_refused() {
    // A browser decodes `&#60;` when the entity is declared and reads `<script>` as an
    // element where it is used; roxmltree would read it as text.
    refused(
        &format!(
            "<!DOCTYPE svg [<!ENTITY s \"&#60;script&#62;alert(1)&#60;/script&#62;\">]>{}",
            svg("<g>&s;</g>")
        ),
        "an entity (`s`) that holds markup or character codes",
    );
    refused(
        &format!(
            "<!DOCTYPE svg [<!ENTITY js \"javascript:alert(1)\"><!ENTITY a \"&#38;js;\">]>{}",
            svg("<a href=\"&a;\">x</a>")
        ),
        "(`a`) that holds markup",
    );
    refused(
        &format!(
            "<!DOCTYPE svg [<!ENTITY s \"<script>alert(1)</script>\">]>{}",
            svg("<g>&s;</g>")
        ),
        "(`s`) that holds markup",
    );
}

#[test]
fn default_attributes_from_the_doctype_are_refused() {
    // A browser adds `onload` to every `svg`; roxmltree never shows it.
    refused(
        &format!(
            "<!DOCTYPE svg [<!ATTLIST svg onload CDATA \"alert(1)\">]>{}",
            svg("")
        ),
        "`<!ATTLIST …>`",
    );
    refused(
        &format!(
            "<!DOCTYPE svg [<!ATTLIST a xlink:href CDATA #FIXED 'javascript:alert(1)'>]>{}",
            svg("<a>x</a>")
        ),
        "extra attributes",
    );
}

#[test]
fn entity_bombs_are_refused_quickly() {
    let mut dtd = String::from("<!ENTITY lol \"lol\">");
    for i in 1..10 {
        let previous = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&{previous};").repeat(10)
        ));
    }
    let laughs = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [{dtd}]>\n{}",
        svg("<text>&lol9;</text>")
    );
    let started = std::time::Instant::now();
    let problem = refused(&laughs, "an “entity bomb”");
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert_eq!((problem.line, problem.col), (2, 1));
    // Few levels, many references: roxmltree's own limit counts per reference.
    let big = "a".repeat(50_000);
    let quadratic = format!(
        "<!DOCTYPE svg [<!ENTITY a \"{big}\">]>{}",
        svg(&format!("<text>{}</text>", "&a;".repeat(100)))
    );
    let started = std::time::Instant::now();
    refused(&quadratic, "an “entity bomb”");
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    // A name declared twice: the first declaration is the one used.
    refused(
        &format!(
            "<!DOCTYPE svg [<!ENTITY a \"{big}\"><!ENTITY a \"small\">]>{}",
            svg(&format!("<text>{}</text>", "&a;".repeat(100)))
        ),
        "an “entity bomb”",
    );
    // A loop.
    refused(
        &format!(
            "<!DOCTYPE svg [<!ENTITY a \"&b;&b;\"><!ENTITY b \"&a;&a;\">]>{}",
            svg("<text>&a;</text>")
        ),
        "an “entity bomb”",
    );
}

#[test]
fn a_doctype_that_cannot_be_read_is_refused() {
    refused(
        &format!("<!DOCTYPE svg [ %p; ]>{}", svg("")),
        "DOCTYPE (the `<!DOCTYPE …>` at the top) could not be read",
    );
    refused("<!DOCTYPE svg [ <!ENTITY a \"x\"> ", "could not be read");
    // Not where a DOCTYPE may be, so not measured for entity bombs.
    refused(
        &format!("<!-- x --> x <!DOCTYPE svg [<!ENTITY a \"x\">]>{}", svg("")),
        "could not be read",
    );
    // A broken XML declaration is the parser's to report.
    refused("<?xml version=\"1.0\"", "not valid XML");
    refused("<!-- open", "not valid XML");
}

// --- CSS --------------------------------------------------------------------------------

#[test]
fn style_sheets_that_load_other_files_are_refused() {
    let problem = refused_body(
        "<style>@import url(https://evil.example/x.css);</style>",
        "the SVG's style in a `style` element loads another style sheet (`@import`)",
    );
    assert_eq!((problem.line, problem.col), (1, 104));
    refused_body("<style>@import 'x.css';</style>", "`@import`");
    refused_body(r"<style>@\69mport 'x.css';</style>", "`@import`");
    refused_body(r"<style>@IMPORT 'x.css';</style>", "`@import`");
    refused_body(
        "<style><![CDATA[ @import url(x.css); ]]></style>",
        "`@import`",
    );
    // XML comments are not part of the style sheet: the browser joins the text around.
    refused_body("<style>@imp<!-- x -->ort 'x.css';</style>", "`@import`");
    refused_body(
        "<style>.a { background: url(https://evil.example/track.png) }</style>",
        "loads `https://evil.example/track.png` (with `url(…)`)",
    );
    refused_body(
        "<style>.a { background: url(data:image/svg+xml,x) }</style>",
        "loads `data:image/svg+xml,x`",
    );
    refused_body(
        "<style>.a { background-image: -webkit-image-set(\"x.png\" 1x) }</style>",
        "loads other files (with `image-set(…)`)",
    );
}

#[test]
fn style_that_runs_code_is_refused() {
    let problem = refused_body(
        r#"<rect style="background:url(javascript:alert(1))"/>"#,
        "the SVG's style in the `style` attribute contains a `javascript:` address",
    );
    assert_eq!(problem.col, 110);
    refused_body(
        r#"<rect style="background:url(&quot;\6a avascript:alert(1)&quot;)"/>"#,
        "`javascript:`",
    );
    refused_body(
        r#"<rect style="background:url(&quot;\00006A\000061vascript:alert(1)&quot;)"/>"#,
        "`javascript:`",
    );
    refused_body(
        r#"<rect style="width:expression(alert(1))"/>"#,
        "`expression(…)`",
    );
    refused_body(
        r#"<rect style="width:EXPRE/**/SSION(alert(1))"/>"#,
        "`expression(…)`",
    );
    refused_body(
        "<style>rect { -moz-binding: url(x.xml#b) }</style>",
        "`-moz-binding`",
    );
    refused_body(
        "<style>rect { behavior /* x */ : url(x.htc) }</style>",
        "`behavior:`",
    );
    refused_body(r#"<rect style="behavior:url(x.htc)"/>"#, "`behavior:`");
    // A "comment" opened inside a URL must not hide what follows.
    refused_body(
        "<style>a{fill:url(#a/*)} @import 'x.css'; b{fill:url(#b*/)}</style>",
        "`@import`",
    );
}

#[test]
fn presentation_attributes_may_only_point_inside_the_drawing() {
    refused_body(
        r#"<rect fill="url(https://evil.example/p.svg#g)"/>"#,
        "the SVG's style in the `fill` attribute loads `https://evil.example/p.svg#g`",
    );
    refused_body(
        r#"<rect filter="URL('x.svg#f')"/>"#,
        "the `filter` attribute",
    );
    refused_body(r#"<rect cursor="url(javascript:x), auto"/>"#, "`cursor`");
    passes(&svg(
        r##"<rect fill="url(#g)" mask="url( '#m' )" transform="matrix(1 0 0 1 0 0)"/>"##,
    ));
    // Attributes in other namespaces mean nothing to a browser.
    passes(&svg(
        r#"<rect xmlns:i="http://ns.adobe.com/AdobeIllustrator/10.0/" i:note="url(x.png)"/>"#,
    ));
}

// --- Files that are not XML or not UTF-8 ------------------------------------------------

#[test]
fn a_file_that_is_not_xml_is_refused_with_the_parsers_position() {
    let problem = refused(
        &format!("<svg xmlns=\"{SVG_NS}\">\n  <g>\n</svg>"),
        "the SVG is not valid XML: expected 'g' tag, not 'svg'",
    );
    assert_eq!((problem.line, problem.col), (3, 1));
    assert!(!problem.message.contains(" at 3:"), "{}", problem.message);
    assert!(problem.hint.contains("export it again"), "{}", problem.hint);
    // A prefix nobody declared is not XML either.
    refused(
        &svg("<s:script>alert(1)</s:script>"),
        "not valid XML: an unknown namespace prefix 's'",
    );
    refused("just text", "not valid XML");
    refused("", "not valid XML");
}

#[test]
fn a_file_that_is_not_utf8_is_refused() {
    let mut bytes = svg("").replace("</svg>", "<title>").into_bytes();
    bytes.extend(b"caf\xe9</title></svg>");
    let problems = check_bytes(&bytes);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].message, "the SVG is not UTF-8 text");
    assert_eq!((problems[0].line, problems[0].col), (1, 114));
    assert!(check_bytes(svg("").as_bytes()).is_empty());
}

#[test]
fn other_encodings_and_xml_versions_are_refused() {
    refused(
        &format!("<?xml version=\"1.0\" encoding=\"UTF-16\"?>{}", svg("")),
        "the `UTF-16` encoding; only UTF-8",
    );
    refused(
        &format!(
            "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>{}",
            svg("")
        ),
        "`ISO-2022-JP`",
    );
    refused(
        &format!("<?xml version=\"1.1\"?>{}", svg("")),
        "XML version `1.1`",
    );
}

// --- Reporting --------------------------------------------------------------------------

#[test]
fn every_problem_is_reported_in_order_up_to_a_limit() {
    let problems = check(&format!(
        "<svg xmlns=\"{SVG_NS}\">\n<script>x</script>\n<rect onclick=\"x\"/>\n<a href=\"javascript:x\">y</a>\n</svg>"
    ));
    let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![2, 3, 4], "{problems:#?}");
    let many = svg(&"<rect onclick=\"x\"/>\n".repeat(50));
    assert_eq!(check(&many).len(), MAX_PROBLEMS);
}

#[test]
fn positions_never_fall_inside_a_character() {
    assert_eq!(position("é<x", 1), (1, 1));
    assert_eq!(position("\u{feff}<x", 3), (1, 1));
    assert_eq!(position("a\nb", 99), (2, 2));
}

#[test]
fn css_escapes_are_decoded() {
    assert_eq!(decode_css_escapes(r"\6a avascript"), "javascript");
    assert_eq!(decode_css_escapes(r"\000041 b\:"), "ab:");
    assert_eq!(decode_css_escapes("a\\\nb"), "ab");
    assert_eq!(strip_css_comments("a/* x */b/* open"), "ab");
}

/// 1 × 1 PNG.
const PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/// As Inkscape 1.2 saves an "Inkscape SVG": editor settings in `sodipodi:` and `inkscape:`
/// attributes and elements, RDF metadata, a gradient by `xlink:href`, an embedded PNG.
const INKSCAPE: &str = include_str!("../../tests/fixtures/svg/inkscape.svg");

/// As Illustrator CS6 saves "SVG 1.1" without editing capabilities: a DOCTYPE with the
/// Adobe namespaces as internal entities, `i:` attributes, Save-for-Web metadata in its
/// own namespace, an embedded JPEG with line breaks in the base64.
const ILLUSTRATOR_CS6: &str = include_str!("../../tests/fixtures/svg/illustrator-cs6.svg");

/// As Illustrator 2020 exports for screens: classes in a `style` element.
const ILLUSTRATOR_2020: &str = include_str!("../../tests/fixtures/svg/illustrator-2020.svg");
