//! The messages about files, Markdown, links, references, the theme and SVG files, as editors
//! read them from the real binary: each at its file, line and column, in English and in Dutch
//! (`--lang nl`), with its hint.

mod common;

use common::Site;

/// `wdhs check` on the site in `lang`: (stderr, stdout).
fn check_in(site: &Site, lang: &str) -> (String, String) {
    let run = site.run(&["check", "--today", "2026-01-01", "--lang", lang]);
    run.assert_code(1);
    (run.stderr, run.stdout)
}

/// Every text of `expected` is in `output`.
fn assert_all(lang: &str, output: &str, expected: &[&str]) {
    for text in expected {
        assert!(
            output.contains(text),
            "{lang}: expected\n{text}\nin\n{output}"
        );
    }
}

/// (English, Dutch): a message at its place, or a hint, in both languages.
type Both<'a> = [(&'a str, &'a str)];

/// The site checked in both languages shows each text of `expected` in its language, and the
/// Dutch output none of the English ones.
fn assert_both(site: &Site, expected: &Both<'_>) {
    let (english, english_out) = check_in(site, "en");
    let (dutch, dutch_out) = check_in(site, "nl");
    let english = english + &english_out;
    let dutch = dutch + &dutch_out;
    let (en, nl): (Vec<&str>, Vec<&str>) = expected.iter().copied().unzip();
    assert_all("en", &english, &en);
    assert_all("nl", &dutch, &nl);
    for text in en {
        assert!(!dutch.contains(text), "nl: English left: {text}\n{dutch}");
    }
}

#[test]
fn markdown_links_and_references_in_both_languages() {
    let site = Site::fixture("mistakes");
    assert_both(
        &site,
        &[
            (
                "content/initiatives/molen.en.md:6:1: error: the image has no alt text\n",
                "content/initiatives/molen.en.md:6:1: fout: de afbeelding heeft geen beschrijving (alt-tekst)\n",
            ),
            (
                "  hint: describe the picture between the brackets: `![Residents at the village windmill](molen.jpg)`\n",
                "  tip: beschrijf tussen de haken wat er op de foto staat: `![Bewoners bij de dorpsmolen](molen.jpg)`\n",
            ),
            (
                "content/press/bericht-2.nl.md:7:10: error: `@/press/bericht-0` links to a page that does not exist\n",
                "content/press/bericht-2.nl.md:7:10: fout: `@/press/bericht-0` linkt naar een pagina die niet bestaat\n",
            ),
            (
                "  hint: did you mean `@/press/bericht-1`?\n",
                "  tip: bedoel je `@/press/bericht-1`?\n",
            ),
            (
                "content/press/bericht-3.nl.md:7:9: error: `@/doelen/eerste` does not name a kind of content\n",
                "content/press/bericht-3.nl.md:7:9: fout: `@/doelen/eerste` noemt geen soort inhoud\n",
            ),
            (
                "content/pages/aanpak.en.md:8:1: warning: heading level 4 follows level 2: a level is skipped\n",
                "content/pages/aanpak.en.md:8:1: waarschuwing: een kop van niveau 4 volgt op niveau 2: zo sla je een niveau over\n",
            ),
            (
                "  hint: use `###` here, so screen-reader users can follow the structure\n",
                "  tip: gebruik hier `###`, zodat mensen met een schermlezer de opbouw van de pagina kunnen volgen\n",
            ),
            (
                "content/initiatives/molen.nl.md:4:18: error: the link points to `#geschiedenis`, but this page has no heading with that anchor\n",
                "content/initiatives/molen.nl.md:4:18: fout: de link wijst naar het anker `#geschiedenis`, maar op deze pagina staat geen kop met dat anker\n",
            ),
            (
                "content/press/bericht-2.en.md:8:5: error: the link points to `#reasons`, but content/goals/eerste.en.md has no heading with that anchor\n",
                "content/press/bericht-2.en.md:8:5: fout: de link wijst naar het anker `#reasons`, maar in content/goals/eerste.en.md staat geen kop met dat anker\n",
            ),
            (
                "content/initiatives/alleen-nl.nl.md: warning: there is no English translation of this page\n",
                "content/initiatives/alleen-nl.nl.md: waarschuwing: er is geen Engelse vertaling van deze pagina\n",
            ),
            (
                "content/goals/tweede.en.md:5:14: error: `target_year` is `2028` here but `2027` in content/goals/tweede.nl.md\n",
                "content/goals/tweede.en.md:5:14: fout: `target_year` is hier `2028`, maar in content/goals/tweede.nl.md `2027`\n",
            ),
            (
                "content/press/bericht-4.yaml:2:18: error: there is no partner `omega`\n",
                "content/press/bericht-4.yaml:2:18: fout: er is geen partner `omega`\n",
            ),
            (
                "content/site.yaml:12:69: error: the menu names page `contact`, which does not exist\n",
                "content/site.yaml:12:69: fout: het menu noemt de pagina `contact`, maar die bestaat niet\n",
            ),
            (
                "content/pages/team.nl.md:3:7: error: this page would be written to /over-ons/, which content/pages/about.nl.md already uses\n",
                "content/pages/team.nl.md:3:7: fout: deze pagina zou op /over-ons/ komen, maar dat adres is al van content/pages/about.nl.md\n",
            ),
            (
                "content/nieuws: warning: the folder `nieuws` is not a kind of content; its files are not used\n",
                "content/nieuws: waarschuwing: de map `nieuws` is geen soort inhoud; de bestanden erin worden niet gebruikt\n",
            ),
            (
                "content/pages/vacatures.md: error: the file name does not say its language\n",
                "content/pages/vacatures.md: fout: de bestandsnaam zegt niet in welke taal het bestand is\n",
            ),
            (
                "held back: content/press/concept.nl.md (draft: true)\n",
                "achtergehouden: content/press/concept.nl.md (concept, met draft: true)\n",
            ),
            (
                "held back: content/press/toekomst.nl.md (embargoed until 2030-01-01)\n",
                "achtergehouden: content/press/toekomst.nl.md (onder embargo tot 2030-01-01)\n",
            ),
        ],
    );
}

#[test]
fn unsafe_links_site_addresses_files_and_svg_in_both_languages() {
    let site = Site::fixture("basic");
    site.write(
        "content/pages/fouten.nl.md",
        "---\ntitle: \"Fouten\"\n---\n## Een\n\n\
         [klik](javascript:alert(1)) en [het doel](/doelen/x/) en <b>vet</b>.\n",
    );
    site.write(
        "content/pages/fouten.en.md",
        "---\ntitle: \"Mistakes\"\n---\nSee [the goal](/doelen/eerste/#nergens).\n",
    );
    site.write("content/pages/oud.html", "<p>Oude pagina</p>\n");
    site.write(
        "content/partners/logos/x.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <script>alert(1)</script>\n</svg>\n",
    );
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("token.txt"), "SECRET").expect("write");
    let token = outside.path().join("token.txt");
    std::os::unix::fs::symlink(&token, site.path().join("content/partners/token.txt"))
        .expect("symlink");
    let link_en = format!(
        "content/partners/token.txt: error: this is a link to `{}`, outside the site's content; wdhs never reads files outside the site's folder\n",
        token.display()
    );
    let link_nl = format!(
        "content/partners/token.txt: fout: dit is een snelkoppeling (link) naar `{}`, buiten de inhoud van de site; wdhs leest nooit bestanden buiten de map van de site\n",
        token.display()
    );
    assert_both(
        &site,
        &[
            (
                "content/pages/fouten.nl.md:6:1: error: a link to a `javascript:` address is not allowed; links may lead to web pages (https:), e-mail (mailto:), phone numbers (tel:) and the site's own pages and files\n",
                "content/pages/fouten.nl.md:6:1: fout: een link naar een `javascript:`-adres mag niet; links mogen gaan naar webpagina's (https:), e-mailadressen (mailto:), telefoonnummers (tel:) en de eigen pagina's en bestanden van de site\n",
            ),
            (
                "content/pages/fouten.nl.md:6:32: error: `/doelen/x/` leads to a page or file the site does not have\n",
                "content/pages/fouten.nl.md:6:32: fout: `/doelen/x/` leidt naar een pagina of bestand dat de site niet heeft\n",
            ),
            (
                "content/pages/fouten.nl.md:6:58: warning: HTML in the text is shown as text, not as HTML: `<b>`\n",
                "content/pages/fouten.nl.md:6:58: waarschuwing: HTML in de tekst wordt als gewone tekst getoond, niet als HTML: `<b>`\n",
            ),
            (
                "content/pages/fouten.en.md:4:5: error: `/doelen/eerste/#nergens` points to `#nergens`, but that page has no heading with that anchor\n",
                "content/pages/fouten.en.md:4:5: fout: `/doelen/eerste/#nergens` wijst naar het anker `#nergens`, maar op die pagina staat geen kop met dat anker\n",
            ),
            (
                "content/pages/oud.html: error: files of this type (`.html`) are not published\n",
                "content/pages/oud.html: fout: bestanden van dit soort (`.html`) worden niet gepubliceerd\n",
            ),
            (
                "content/partners/logos/x.svg:2:3: error: the SVG contains a script element (`script`), which could run code in a reader's browser\n",
                "content/partners/logos/x.svg:2:3: fout: de SVG bevat een script-element (`script`), waarmee code kan draaien in de browser van een lezer\n",
            ),
            (
                "  hint: export the drawing again as a plain SVG (in Inkscape: Save as → Optimized SVG), or save it as PNG; it is not published until then\n",
                "  tip: exporteer de tekening opnieuw als gewone SVG (in Inkscape: Opslaan als → Geoptimaliseerde SVG), of sla hem op als PNG; tot die tijd wordt hij niet gepubliceerd\n",
            ),
            (&link_en, &link_nl),
        ],
    );
}

#[test]
fn file_names_and_broken_links_in_both_languages() {
    let site = Site::fixture("basic");
    site.write(
        "content/pages/Mijn Pagina.nl.md",
        "---\ntitle: \"x\"\n---\n",
    );
    site.write("content/pages/over.fr.md", "---\ntitle: \"x\"\n---\n");
    site.write("content/pages/Foto molen.jpg", "x");
    std::os::unix::fs::symlink("nergens.jpg", site.path().join("content/pages/weg.jpg"))
        .expect("symlink");
    assert_both(
        &site,
        &[
            (
                "content/pages/Mijn Pagina.nl.md: error: the file name `Mijn Pagina` cannot be a web address: only lower-case letters, digits and hyphens may come before `.nl.md`\n",
                "content/pages/Mijn Pagina.nl.md: fout: de bestandsnaam `Mijn Pagina` kan geen webadres worden: vóór `.nl.md` mogen alleen kleine letters, cijfers en streepjes (-) staan\n",
            ),
            (
                "  hint: rename the file to `mijn-pagina.nl.md` (and its other language and `.yaml` files too)\n",
                "  tip: geef het bestand de naam `mijn-pagina.nl.md` (en ook de andere bestanden met dezelfde naam)\n",
            ),
            (
                "content/pages/over.fr.md: error: `fr` is not one of the site's languages (nl, en)\n",
                "content/pages/over.fr.md: fout: `fr` is geen taal van deze site (nl, en)\n",
            ),
            (
                "content/pages/Foto molen.jpg: error: the name `Foto molen.jpg` cannot be part of a web address: it has spaces, accents or other signs\n",
                "content/pages/Foto molen.jpg: fout: de naam `Foto molen.jpg` kan niet in een webadres staan: er zitten spaties, accenten of andere tekens in\n",
            ),
            (
                "content/pages/weg.jpg: error: this link points to `nergens.jpg`, which does not exist\n",
                "content/pages/weg.jpg: fout: deze snelkoppeling (link) wijst naar `nergens.jpg`, maar dat bestaat niet\n",
            ),
        ],
    );
}

/// `// nakijken` among the fields (as other languages write a note) got the parser's words and
/// a hint about lists and colons; now the note as YAML writes it.
#[test]
fn a_note_written_as_in_another_language_gets_the_hash_it_needs() {
    let site = Site::fixture("basic");
    site.write(
        "content/pages/about.nl.md",
        "---\ntitle: \"Over ons\"\n// nog nakijken\nslug: over-ons\n---\nTekst.\n",
    );
    assert_both(
        &site,
        &[
            (
                "content/pages/about.nl.md:3:1: error: the front matter is not valid YAML: a note among the fields starts with #; YAML knows no `//` or `<!--`",
                "content/pages/about.nl.md:3:1: fout: de opmaak van de velden bovenaan het bestand klopt niet: een notitie schrijf je in de velden met een # ervoor; YAML kent `//` en `<!--` niet",
            ),
            (
                "hint: write `# nog nakijken`: wdhs does not read what follows a #",
                "tip: schrijf `# nog nakijken`: wat na een # staat, leest wdhs niet",
            ),
        ],
    );
}

/// A summary broken over two lines, as a word processor does, got the parser's words.
#[test]
fn a_text_broken_over_two_lines_gets_the_line_as_one() {
    let site = Site::fixture("basic");
    site.write(
        "content/pages/about.nl.md",
        "---\ntitle: \"Over ons\"\nsummary: Wij zijn een coalitie\nvan organisaties.\nslug: over-ons\n---\nTekst.\n",
    );
    assert_both(
        &site,
        &[
            (
                "content/pages/about.nl.md:4:1: error: the front matter is not valid YAML: the text of `summary` runs on to this line, but among the fields a text stands on one line",
                "content/pages/about.nl.md:4:1: fout: de opmaak van de velden bovenaan het bestand klopt niet: de tekst van `summary` loopt door op deze regel, maar in de velden staat een tekst op één regel",
            ),
            (
                "hint: put the text on one line: `summary: Wij zijn een coalitie van organisaties.`",
                "tip: zet de tekst op één regel: `summary: Wij zijn een coalitie van organisaties.`",
            ),
        ],
    );
}
