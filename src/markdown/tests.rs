//! Unit tests of Markdown rendering: links, anchors, headings, raw HTML and the checks.

use super::*;

struct Echo;
impl LinkResolver for Echo {
    fn resolve(&self, destination: &str, _: bool) -> Result<Resolved, (String, String)> {
        match destination.strip_prefix("@/") {
            Some("missing") => Err(("no such page".into(), "fix it".into())),
            Some(rest) => Ok(Resolved::Url {
                url: format!("/x/{rest}"),
                target: Some(rest.split('#').next().unwrap_or("").to_string()),
            }),
            None => Ok(Resolved::Unchanged),
        }
    }
}

fn run(md: &str) -> Rendered {
    render(
        &RenderInput {
            markdown: md,
            path: Path::new("a.md"),
            first_line: 5,
        },
        &Echo,
    )
}

#[test]
fn headings_get_unique_ids() {
    let r = run("## Samen doen\n\n## Samen doen\n\n### Eigen {#eigen}\n");
    assert!(r.html().contains("<h2 id=\"samen-doen\">"), "{}", r.html());
    assert!(r.html().contains("<h2 id=\"samen-doen-2\">"));
    assert!(r.html().contains("<h3 id=\"eigen\">"));
    assert!(r.diagnostics.is_empty());
}

#[test]
fn links_are_rewritten_and_checked_with_file_lines() {
    let r = run("Tekst\n\n[doelen](@/goals#twee) en [weg](@/missing) en [](@/goals)\n");
    assert!(r.html().contains("href=\"/x/goals#twee\""), "{}", r.html());
    assert_eq!(r.anchor_links[0].anchor, "twee");
    let messages: Vec<String> = r
        .diagnostics
        .iter()
        .map(|d| format!("{}:{} {}", d.line, d.col, d.message))
        .collect();
    assert_eq!(
        messages,
        vec![
            "7:27 no such page".to_string(),
            "7:47 the link has no text".to_string()
        ]
    );
}

#[test]
fn raw_html_is_shown_as_text() {
    let r = run("Hallo <script>alert(1)</script> en <b>vet</b>\n\n<iframe src=x></iframe>\n");
    assert!(!r.html().contains("<script>"), "{}", r.html());
    assert!(!r.html().contains("<iframe"), "{}", r.html());
    assert!(r.html().contains("&lt;script&gt;"), "{}", r.html());
    assert!(
        r.diagnostics
            .iter()
            .all(|d| d.message.starts_with("HTML in the text"))
    );
    assert_eq!(r.diagnostics[0].line, 5);
}

#[test]
fn accessibility_checks() {
    let r =
        run("## A\n\n#### B\n\n![](x.jpg)\n\n[klik hier](https://example.org)\n\n[x](#nergens)\n");
    let messages: Vec<&str> = r.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(messages[0].contains("level is skipped"), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("no alt text")));
    assert!(
        messages
            .iter()
            .any(|m| m.contains("does not say where it leads"))
    );
    assert!(messages.iter().any(|m| m.contains("#nergens")));
}

#[test]
fn links_to_other_schemes_are_refused_and_never_published() {
    let md = "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) \
                  [d](vbscript:x) <javascript:alert(1)> ![e](javascript:alert(1)) \
                  [f](java\tscript:x) [g](javascript&#58;alert(1)) [h](file:///etc/passwd)";
    let r = run(md);
    // `file:` is a place on the editor's computer, said so.
    let refused = (r.diagnostics.iter())
        .filter(|d| d.message.contains("is not allowed") || d.message.contains("own computer"))
        .count();
    // Errors: each is shown, none only counted.
    assert!(refused >= 8, "{:?}", r.diagnostics);
    assert!(
        !(r.diagnostics.iter()).any(|d| d.message.contains("more like this")),
        "{:?}",
        r.diagnostics
    );
    let lower = r.html().to_lowercase();
    for scheme in ["javascript", "data:", "vbscript", "file:"] {
        assert!(!lower.contains(&format!("href=\"{scheme}")), "{}", r.html());
        assert!(!lower.contains(&format!("src=\"{scheme}")), "{}", r.html());
    }
    let fine = run("[a](https://x.nl) [b](mailto:pers@x.nl) [c](tel:+31201234567) [d](@/goals)");
    assert!(fine.diagnostics.is_empty(), "{:?}", fine.diagnostics);
}

#[test]
fn headings_carry_no_attributes_but_their_id() {
    let r = run("## Hallo {#groet .rood onclick=alert(1) style=x}\n");
    assert!(
        r.html().contains("<h2 id=\"groet\">Hallo</h2>"),
        "{}",
        r.html()
    );
    assert!(!r.html().contains("onclick"), "{}", r.html());
    assert!(r.diagnostics[0].message.contains("only an anchor"));
}

#[test]
fn heading_ids_stay_apart_from_the_themes_and_from_each_other() {
    let r = run("## Main\n\n## Programme\n\n## Über ons {#Über ons}\n");
    let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["main-2", "programme-2", "uber"]);
    let many = run(&"## h\n\n".repeat(3000));
    let unique: BTreeSet<&str> = many.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(unique.len(), 3000);
    assert_eq!(many.headings[2999].id, "h-3000");
}

#[test]
fn repeated_problems_are_counted_after_the_first_few() {
    let r = run(&"<b>x</b> ".repeat(1000));
    assert_eq!(
        r.diagnostics.len(),
        REPEATS_SHOWN + 1,
        "{:?}",
        r.diagnostics
    );
    let last = &r.diagnostics[REPEATS_SHOWN];
    assert!(
        last.message.starts_with("and 1995 more"),
        "{}",
        last.message
    );
}

#[test]
fn footnote_anchors_never_take_an_id_of_the_theme() {
    let r = run("Tekst[^main].\n\n[^main]: Noot.\n");
    let html = r.html();
    assert!(html.contains("href=\"#fn-main\""), "{html}");
    assert!(html.contains("id=\"fn-main\""), "{html}");
    assert!(
        !html.contains("\"main\"") && !html.contains("#main\""),
        "{html}"
    );
}

#[test]
fn links_and_headings_that_stayed_text_are_pointed_out_and_nothing_else() {
    let slips =
        "Zie [x](https://a.nl/een artikel), [Lees meer] (@/goals) en [onaf](@/goals\n\n##Kop\n";
    let r = run(slips);
    let mut at: Vec<(usize, usize)> = (r.diagnostics.iter())
        .filter(|d| d.message.starts_with("this looks like"))
        .map(|d| (d.line, d.col))
        .collect();
    at.sort();
    // The text starts on line 5 of its file.
    assert_eq!(
        at,
        [(5, 7), (5, 46), (5, 66), (7, 1)],
        "{:?}",
        r.diagnostics
    );
    let fine =
        "#WeDoenHetSamen [goed](@/goals), `[code](x`, [sic] (zie boven)\n\n```\n##x ](y\n```\n";
    let r = run(fine);
    assert!(
        !(r.diagnostics.iter()).any(|d| d.message.starts_with("this looks like")),
        "{:?}",
        r.diagnostics
    );
}
