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
