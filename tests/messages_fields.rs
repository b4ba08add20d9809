//! The messages about fields, site.yaml, the kinds of content, the YAML of the fields,
//! `wdhs new`, `wdhs translations` and git history, in English and in Dutch, each at its place:
//! the real binary on the `mistakes` and `basic` fixtures.

mod common;
use common::Site;

/// One problem as `check` prints it: where, then the message and the hint in each language.
struct Case {
    at: &'static str,
    en: (&'static str, &'static str),
    nl: (&'static str, &'static str),
}

const MISTAKES: &[Case] = &[
    Case {
        at: "content/pages/colofon.nl.md:1:1",
        en: (
            "missing required field `title` for a page",
            "add a line `title: …` to the front matter",
        ),
        nl: (
            "het verplichte veld `title` ontbreekt in deze pagina",
            "voeg een regel `title: …` toe aan de velden bovenaan het bestand",
        ),
    },
    Case {
        at: "content/pages/about.en.md:3:1",
        en: (
            "unknown field `sumary` for a page",
            "did you mean `summary`?",
        ),
        nl: (
            "`sumary` is geen veld voor een pagina",
            "bedoel je `summary`?",
        ),
    },
    Case {
        at: "content/pages/missie.nl.md:2:1",
        en: (
            "unknown field `titel` for a page",
            "did you mean `title`? It is required",
        ),
        nl: (
            "`titel` is geen veld voor een pagina",
            "bedoel je `title`? Dat veld is verplicht",
        ),
    },
    Case {
        at: "content/festival/2024.nl.md:6:5",
        en: (
            "unknown field `titel` for an item of `programme`",
            "did you mean `title`?",
        ),
        nl: (
            "`titel` is geen veld voor een onderdeel van `programme`",
            "bedoel je `title`?",
        ),
    },
    Case {
        at: "content/pages/werkwijze.nl.md:2:13",
        en: (
            "the front matter is not valid YAML: a colon (:) where a new field cannot start",
            "text with a colon (:) must be put between quotes, like `title: \"Together: how it works\"`",
        ),
        nl: (
            "de opmaak van de velden bovenaan het bestand klopt niet: een dubbele punt (:) op een plek waar geen nieuw veld kan beginnen",
            "zet tekst met een dubbele punt (:) tussen aanhalingstekens, zoals `title: \"Samen: zo werkt het\"`",
        ),
    },
    Case {
        at: "content/pages/nieuwsbrief.nl.md:3:1",
        en: (
            "the front matter is not valid YAML: a tab is used to indent this line; YAML only allows spaces",
            "replace the tab at the start of the line with spaces",
        ),
        nl: (
            "de opmaak van de velden bovenaan het bestand klopt niet: deze regel begint met een tab; daar mogen alleen spaties staan",
            "vervang de tab aan het begin van de regel door spaties",
        ),
    },
    Case {
        at: "content/pages/privacy.nl.md:4:1",
        en: (
            "the front matter is not valid YAML: the field `title` is written twice",
            "each field may appear only once; remove one of the two lines",
        ),
        nl: (
            "de opmaak van de velden bovenaan het bestand klopt niet: het veld `title` staat er twee keer",
            "elk veld mag maar één keer voorkomen; haal een van de twee regels weg",
        ),
    },
    Case {
        at: "content/pages/vragen.nl.md:1:1",
        en: (
            "the front matter is not closed",
            "add a line with three dashes `---` after the last field",
        ),
        nl: (
            "na de velden bovenaan het bestand ontbreekt de regel `---`",
            "zet een regel met drie streepjes `---` onder het laatste veld",
        ),
    },
    Case {
        at: "content/pages/leeg.nl.md",
        en: (
            "the file is empty",
            "start the file with front matter between two `---` lines, or delete it",
        ),
        nl: (
            "het bestand is leeg",
            "zet bovenaan het bestand de velden tussen twee regels `---`, of verwijder het bestand",
        ),
    },
    Case {
        at: "content/pages/agenda.nl.md:3:7",
        en: (
            "`Onze Agenda` cannot be used as a slug",
            "use lowercase letters, digits and hyphens, like `onze-agenda`",
        ),
        nl: (
            "`Onze Agenda` kan niet als naam in het webadres (`slug:`)",
            "gebruik kleine letters, cijfers en streepjes, zoals `onze-agenda`",
        ),
    },
    Case {
        at: "content/initiatives/noord.yaml:3:11",
        en: (
            "`Noord-Hollnd` is not a Dutch province",
            "did you mean `Noord-Holland`?",
        ),
        nl: (
            "`Noord-Hollnd` is geen Nederlandse provincie",
            "bedoel je `Noord-Holland`?",
        ),
    },
    Case {
        at: "content/initiatives/klimaat.yaml:4:19",
        en: (
            "`klimaat` is not a theme",
            "use one of the themes from content/site.yaml: energie, zorg",
        ),
        nl: (
            "`klimaat` is geen thema",
            "kies een van de thema's uit content/site.yaml: energie, zorg",
        ),
    },
    Case {
        at: "content/initiatives/twee-namen.yaml:1:7",
        en: (
            "field `name` should be text, found a list",
            "write it like `name: …`",
        ),
        nl: (
            "het veld `name` moet tekst zijn, maar er staat een lijst",
            "schrijf het als `name: …`",
        ),
    },
    Case {
        at: "content/initiatives/zorg.yaml:5:11",
        en: (
            "field `featured` should be true or false, found text",
            "write it like `featured: true`",
        ),
        nl: (
            "het veld `featured` moet true of false zijn, maar er staat tekst",
            "schrijf het als `featured: true`",
        ),
    },
    Case {
        at: "content/initiatives/buurtsite.yaml:5:10",
        en: (
            "`www.buurtsite.nl` is not a web address",
            "write the full address, like `https://www.buurtsite.nl`",
        ),
        nl: (
            "`www.buurtsite.nl` is geen webadres",
            "schrijf het hele adres, zoals `https://www.buurtsite.nl`",
        ),
    },
    Case {
        at: "content/festival/2025.yaml:1:7",
        en: (
            "field `date` is not a valid date: `12-04-2025`",
            "did you mean `date: 2025-04-12`? Dates are written as year-month-day with plain hyphens",
        ),
        nl: (
            "het veld `date` is geen geldige datum: `12-04-2025`",
            "bedoel je `date: 2025-04-12`? Een datum schrijf je als jaar-maand-dag, met gewone streepjes",
        ),
    },
    Case {
        at: "content/partners/delta.yaml:4:9",
        en: (
            "field `joined` is not a valid date: `2024-13`",
            "write `joined: 2024`, `joined: 2024-04` or `joined: 2024-04-13`",
        ),
        nl: (
            "het veld `joined` is geen geldige datum: `2024-13`",
            "schrijf `joined: 2024`, `joined: 2024-04` of `joined: 2024-04-13`",
        ),
    },
    Case {
        at: "content/partners/beta.nl.md:2:1",
        en: (
            "field `name` is set twice: in content/partners/beta.yaml (line 1) and in content/partners/beta.nl.md",
            "keep it in one place: fields all languages share go in the .yaml file, translated fields in the .md files",
        ),
        nl: (
            "het veld `name` staat er twee keer: in content/partners/beta.yaml (regel 1) en in content/partners/beta.nl.md",
            "zet het op één plek: velden die voor alle talen gelden in het bestand dat op .yaml eindigt, vertaalde velden in de bestanden die op .md eindigen",
        ),
    },
    Case {
        at: "content/partners/gamma.yaml:3:7",
        en: (
            "`kern` is not a partner role",
            "use `role: core` for core partners or `role: signatory` for organisations that signed the letter of intent",
        ),
        nl: (
            "`kern` is geen rol van een partner",
            "gebruik `role: core` voor kernpartners of `role: signatory` voor organisaties die de intentieverklaring hebben ondertekend",
        ),
    },
    Case {
        at: "content/press/bericht-6.yaml:2:16",
        en: (
            "a press contact may not contain an e-mail address or phone number",
            "name the organisation (for example `Katalys`); journalists reach its press office through its website",
        ),
        nl: (
            "een perscontact mag geen e-mailadres of telefoonnummer bevatten",
            "noem de organisatie (bijvoorbeeld `Katalys`); journalisten vinden de persvoorlichting via de website van de organisatie",
        ),
    },
    Case {
        at: "content/site.yaml:18:22",
        en: (
            "`pagination.press` should be a positive whole number for a section",
            "write it like `pagination: { press: 10 }`",
        ),
        nl: (
            "`pagination.press` moet een heel getal groter dan 0 zijn, voor een rubriek van de site",
            "schrijf het als `pagination: { press: 10 }`",
        ),
    },
    Case {
        at: "content/site.yaml:19:1",
        en: (
            "unknown field `feed_limt` in site.yaml",
            "did you mean `feed_limit`?",
        ),
        nl: (
            "`feed_limt` is geen veld van site.yaml",
            "bedoel je `feed_limit`?",
        ),
    },
];

/// `wdhs check` on the site, in `lang`: its stderr.
fn check(site: &Site, lang: &str) -> String {
    let output = common::wdhs()
        .args(["check", "--lang", lang, "--today", "2026-01-01"])
        .current_dir(site.path())
        .output()
        .expect("run wdhs");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The problem reported at `at` with `message` (the excerpt between them aside) ends with `hint`.
fn assert_reported(stderr: &str, at: &str, severity: &str, (message, hint): (&str, &str)) {
    let headline = format!("{at}: {severity}: {message}");
    let block = stderr
        .split("\n\n")
        .find(|block| block.lines().next() == Some(headline.as_str()))
        .unwrap_or_else(|| panic!("no `{headline}` in:\n{stderr}"));
    let label = if severity == "fout" || severity == "waarschuwing" {
        "tip"
    } else {
        "hint"
    };
    assert!(
        block.trim_end().ends_with(&format!("\n  {label}: {hint}")),
        "`{at}`: the hint should be `{hint}`:\n{block}"
    );
}

#[test]
fn the_mistakes_are_reported_in_english_and_in_dutch_at_the_same_places() {
    let site = Site::fixture("mistakes");
    let (english, dutch) = (check(&site, "en"), check(&site, "nl"));
    for case in MISTAKES {
        assert_reported(&english, case.at, "error", case.en);
        assert_reported(&dutch, case.at, "fout", case.nl);
    }
}

#[test]
fn a_goal_past_programme_goals_in_both_languages() {
    let site = Site::fixture("basic");
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &format!("{config}programme_goals: 1\n"),
    );
    let at = "content/goals/tweede.yaml:1:9";
    assert_reported(
        &check(&site, "en"),
        at,
        "error",
        (
            "the action programme has 1 goal; there is no goal 2",
            "number the goals 1 to 1; `programme_goals` in content/site.yaml says how many goals there are",
        ),
    );
    assert_reported(
        &check(&site, "nl"),
        at,
        "fout",
        (
            "het actieprogramma heeft 1 doel; er is geen doel 2",
            "nummer de doelen van 1 tot en met 1; `programme_goals` in content/site.yaml zegt hoeveel doelen er zijn",
        ),
    );
}

#[test]
fn dutch_field_names_lists_as_text_and_yaml_signs_get_the_fix_in_both_languages() {
    let site = Site::fixture("basic");
    site.write(
        "content/initiatives/alleen-nl.nl.md",
        "---\nsamenvatting: \"Kort.\"\nafbeelding: foto.jpg\n---\nTekst.\n",
    );
    site.write(
        "content/pages/about.nl.md",
        "---\ntitle: @wedoenhetsamen op Instagram\nslug: over-ons\n---\nTekst.\n",
    );
    site.write(
        "content/pages/about.en.md",
        "---\ntitle: About us #1\nslug: about\n---\nText.\n",
    );
    let release = site.read("content/press/bericht-1.yaml");
    site.write(
        "content/press/bericht-1.yaml",
        &release.replace("partners: [alfa]", "partners: alfa, beta"),
    );
    let (english, dutch) = (check(&site, "en"), check(&site, "nl"));
    let list = "content/press/bericht-1.yaml:2:11";
    assert_reported(
        &english,
        list,
        "error",
        (
            "`partners` is written as one text with commas; a list goes between square brackets",
            "write it like `partners: [alfa, beta]`",
        ),
    );
    assert_reported(
        &dutch,
        list,
        "fout",
        (
            "`partners` staat er als één tekst met komma's; een lijst staat tussen blokhaken",
            "schrijf het als `partners: [alfa, beta]`",
        ),
    );
    let summary = "content/initiatives/alleen-nl.nl.md:2:1";
    assert_reported(
        &english,
        summary,
        "error",
        (
            "unknown field `samenvatting` for an initiative",
            "did you mean `summary`? It is required",
        ),
    );
    assert_reported(
        &dutch,
        summary,
        "fout",
        (
            "`samenvatting` is geen veld voor een bewonersinitiatief",
            "bedoel je `summary`? Dat veld is verplicht",
        ),
    );
    let image = "content/initiatives/alleen-nl.nl.md:3:1";
    assert_reported(
        &dutch,
        image,
        "fout",
        (
            "`afbeelding` is geen veld voor een bewonersinitiatief",
            "bedoel je `image`?",
        ),
    );
    let sign = "content/pages/about.nl.md:2:8";
    assert_reported(
        &english,
        sign,
        "error",
        (
            "the front matter is not valid YAML: a text that starts with the sign @ must be between quotes: YAML gives that sign a meaning of its own",
            "put the text between quotes: `title: \"@wedoenhetsamen op Instagram\"`",
        ),
    );
    assert_reported(
        &dutch,
        sign,
        "fout",
        (
            "de opmaak van de velden bovenaan het bestand klopt niet: een tekst die begint met het teken @ moet tussen aanhalingstekens staan: YAML geeft dat teken een eigen betekenis",
            "zet de tekst tussen aanhalingstekens: `title: \"@wedoenhetsamen op Instagram\"`",
        ),
    );
    let cut = "content/pages/about.en.md:2:17";
    assert_reported(
        &dutch,
        cut,
        "fout",
        (
            "de opmaak van de velden bovenaan het bestand klopt niet: de tekst na ` #` zou wegvallen: YAML leest dat als een notitie",
            "zet de tekst tussen aanhalingstekens: `title: \"About us #1\"`",
        ),
    );
}

/// A list copied from Word starts its items with a long dash or a bullet, which YAML reads as
/// one text; a name copied from a web page may hold a zero-width space. Both were "there is no
/// partner" with the name as it looks, which is right.
#[test]
fn a_list_with_long_dashes_and_a_name_with_an_invisible_character_are_named_as_such() {
    let site = Site::fixture("basic");
    let release = site.read("content/press/bericht-1.yaml");
    site.write(
        "content/press/bericht-1.yaml",
        &release.replace("partners: [alfa]", "partners:\n  – alfa\n  – beta"),
    );
    let release = site.read("content/press/bericht-2.yaml");
    site.write(
        "content/press/bericht-2.yaml",
        &release.replace("partners: [alfa]", "partners: [beta, alfa\u{200b}]"),
    );
    let (english, dutch) = (check(&site, "en"), check(&site, "nl"));
    let dashes = "content/press/bericht-1.yaml:3:3";
    assert_reported(
        &english,
        dashes,
        "error",
        (
            "the items of `partners` start with `–`, which is not a list sign: YAML read them as one text",
            "write it like `partners: [alfa, beta]`",
        ),
    );
    assert_reported(
        &dutch,
        dashes,
        "fout",
        (
            "de onderdelen van `partners` beginnen met `–`, en dat is geen lijstteken: YAML leest ze als één tekst",
            "schrijf het als `partners: [alfa, beta]`",
        ),
    );
    let invisible = "content/press/bericht-2.yaml:2:18";
    assert_reported(
        &english,
        invisible,
        "error",
        (
            "`alfa` holds an invisible character (U+200B), often copied along from a web page or Word: the name is not found with it",
            "delete `alfa` and type it again",
        ),
    );
    assert_reported(
        &dutch,
        invisible,
        "fout",
        (
            "in `alfa` staat een onzichtbaar teken (U+200B), vaak meegekopieerd uit een webpagina of Word: daarmee wordt de naam niet gevonden",
            "haal `alfa` weg en typ het opnieuw",
        ),
    );
    assert!(!english.contains("there is no partner"), "{english}");
}

/// `place: 's-Hertogenbosch'` was published as `s-Hertogenbosch`: YAML took the apostrophe
/// for a quote. An error with the line that keeps it.
#[test]
fn an_apostrophe_taken_for_a_quote_is_an_error_with_the_line_that_keeps_it() {
    let site = Site::fixture("basic");
    let molen = site.read("content/initiatives/molen.yaml");
    let place = molen
        .lines()
        .find(|l| l.starts_with("place:"))
        .unwrap_or("place:");
    site.write(
        "content/initiatives/molen.yaml",
        &molen.replace(place, "place: 's-Hertogenbosch'"),
    );
    let (english, dutch) = (check(&site, "en"), check(&site, "nl"));
    let at = "content/initiatives/molen.yaml:2:8";
    assert_reported(
        &english,
        at,
        "error",
        (
            "YAML reads `'s-Hertogenbosch'` as `s-Hertogenbosch`: it takes the first apostrophe for a quote mark, and the apostrophe is lost",
            "put the text between double quotes: `place: \"'s-Hertogenbosch\"`",
        ),
    );
    assert_reported(
        &dutch,
        at,
        "fout",
        (
            "YAML leest `'s-Hertogenbosch'` als `s-Hertogenbosch`: het ziet de eerste apostrof als aanhalingsteken, en die apostrof valt weg",
            "zet de tekst tussen dubbele aanhalingstekens: `place: \"'s-Hertogenbosch\"`",
        ),
    );
}

/// `themes: []` was "the required field `themes` is missing" at line 1 of the file, while the
/// line is there: it is empty, said at its place.
#[test]
fn an_empty_required_list_is_named_at_its_line() {
    let site = Site::fixture("basic");
    let molen = site.read("content/initiatives/molen.yaml");
    site.write(
        "content/initiatives/molen.yaml",
        &molen.replace("themes: [energie]", "themes: []"),
    );
    let (english, dutch) = (check(&site, "en"), check(&site, "nl"));
    let at = "content/initiatives/molen.yaml:4:9";
    let hint = "write it like `themes: [een, twee]`";
    assert_reported(
        &english,
        at,
        "error",
        ("`themes` is empty, and needs at least one", hint),
    );
    let nl = (
        "`themes` is leeg, en er moet er minstens één in",
        "schrijf het als `themes: [een, twee]`",
    );
    assert_reported(&dutch, at, "fout", nl);
    assert!(!english.contains("missing required field"), "{english}");
}

#[test]
fn two_sections_of_one_name_and_a_page_at_the_search_page_are_named_at_their_line_once() {
    let site = Site::fixture("basic");
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &config.replace("press: { nl: pers,", "press: { nl: doelen,"),
    );
    let page = site.read("content/pages/about.nl.md");
    site.write(
        "content/pages/about.nl.md",
        &page.replace("slug: over-ons", "slug: zoeken"),
    );
    let (english, dutch) = (check(&site, "en"), check(&site, "nl"));
    let at = "content/site.yaml:9:3";
    assert_reported(
        &english,
        at,
        "error",
        (
            "the section `press` is called `doelen` (language `nl`), as `goals` is already: both lists would be at one address",
            "give each section a name of its own in every language",
        ),
    );
    assert_reported(
        &dutch,
        at,
        "fout",
        (
            "de sectie `press` heet `doelen` (taal `nl`), net als `goals`: dan staan beide lijsten op hetzelfde adres",
            "geef elke sectie in elke taal een eigen naam",
        ),
    );
    assert_reported(
        &english,
        "content/pages/about.nl.md:3:7",
        "error",
        (
            "this page would be published at /zoeken/index.html, where the site already puts one of its own pages (a home page, a list, the search page or a feed)",
            "give the page another address with `slug:`",
        ),
    );
    // Each once, and nothing about site.yaml without its line.
    assert_eq!(english.matches("doelen").count(), 2, "{english}");
    assert_eq!(english.matches("zoeken/index.html").count(), 1, "{english}");
    assert!(!english.contains("content/site.yaml: error"), "{english}");
}

#[test]
fn an_empty_slug_says_so_and_names_the_address_the_file_gives() {
    let site = Site::fixture("basic");
    let page = site.read("content/pages/about.nl.md");
    site.write(
        "content/pages/about.nl.md",
        &page.replace("slug: over-ons", "slug: \"\""),
    );
    let at = "content/pages/about.nl.md:3:7";
    assert_reported(
        &check(&site, "en"),
        at,
        "error",
        (
            "`slug:` is empty",
            "write the page's address after it, like `slug: about`, or remove the line: the file's name is the address then",
        ),
    );
    assert_reported(
        &check(&site, "nl"),
        at,
        "fout",
        (
            "`slug:` is leeg",
            "zet het adres van de pagina erachter, zoals `slug: about`, of haal de regel weg: dan is de naam van het bestand het adres",
        ),
    );
}

#[test]
fn a_missing_field_in_site_yaml_and_yaml_that_does_not_parse() {
    let site = Site::fixture("basic");
    let config = site.read("content/site.yaml");
    let without_title: String = config
        .lines()
        .filter(|l| !l.starts_with("title:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("content/site.yaml", &without_title);
    assert_reported(
        &check(&site, "en"),
        "content/site.yaml:1:1",
        "error",
        (
            "missing required field `title` in site.yaml",
            "add a line `title: …`",
        ),
    );
    assert_reported(
        &check(&site, "nl"),
        "content/site.yaml:1:1",
        "fout",
        (
            "het verplichte veld `title` ontbreekt in site.yaml",
            "voeg een regel `title: …` toe",
        ),
    );
    // A group left open at the end of site.yaml: its own subject, the group's hint (braces
    // are written specially in the catalogues).
    site.write(
        "content/site.yaml",
        &config.replace("feed_limit: 2\n", "").replace(
            "pagination: { press: 2, initiatives: 2 }",
            "pagination: { press: 2, initiatives: 2",
        ),
    );
    let at = "content/site.yaml:18:13";
    assert_reported(
        &check(&site, "en"),
        at,
        "error",
        (
            "site.yaml is not valid YAML: a group `{…}` is not closed",
            "close the group on the same line, like `{ nl: …, en: … }`",
        ),
    );
    assert_reported(
        &check(&site, "nl"),
        at,
        "fout",
        (
            "de opmaak van site.yaml klopt niet: een groep `{…}` wordt niet gesloten",
            "sluit de groep op dezelfde regel, zoals `{ nl: …, en: … }`",
        ),
    );
}

/// `wdhs new <args>` in the site's folder, in `lang`: exit code and stderr.
fn new(site: &Site, lang: &str, args: &[&str]) -> (i32, String) {
    let output = common::wdhs()
        .arg("new")
        .args(args)
        .args(["--lang", lang])
        .current_dir(site.path())
        .output()
        .expect("run wdhs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn wdhs_new_refuses_in_both_languages() {
    let site = Site::fixture("basic");
    for (args, code, english, dutch) in [
        (
            vec!["nieuws", "Iets"],
            2,
            "error: `nieuws` is not a kind of entry\n  hint: use one of: press, initiative, partner, goal, page, festival\n",
            "fout: wdhs new kent de soort `nieuws` niet\n  tip: kies uit: press, initiative, partner, goal, page, festival (in het Nederlands mag ook: persbericht, initiatief, doel, pagina)\n",
        ),
        (
            vec!["press", "Iets", "--date", "13-04-2024"],
            2,
            "error: `13-04-2024` is not a date\n  hint: write it like --date 2024-04-13\n",
            "fout: `13-04-2024` is geen datum\n  tip: schrijf de datum als --date 2024-04-13\n",
        ),
        (
            vec!["press", "Bericht 1"],
            1,
            "error: content/press/bericht-1 already exists; nothing was written\n  hint: choose another title, or edit the existing files\n",
            "fout: content/press/bericht-1 bestaat al; er is niets geschreven\n  tip: kies een andere titel, of werk verder in de bestanden die er al zijn\n",
        ),
    ] {
        assert_eq!(new(&site, "en", &args), (code, english.to_string()));
        assert_eq!(new(&site, "nl", &args), (code, dutch.to_string()));
    }
    // Every goal of the programme exists already.
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &format!("{config}programme_goals: 2\n"),
    );
    let (code, english) = new(&site, "en", &["goal", "Derde doel"]);
    assert_eq!(code, 1);
    assert!(
        english.starts_with("error: the action programme has 2 goals, and all 2 exist already; nothing was written\n"),
        "{english}"
    );
    let (code, dutch) = new(&site, "nl", &["goal", "Derde doel"]);
    assert_eq!(code, 1);
    assert!(
        dutch.starts_with("fout: het actieprogramma heeft 2 doelen, en die bestaan alle 2 al; er is niets geschreven\n  tip: pas een van de doelen in content/goals/ aan"),
        "{dutch}"
    );
    assert!(!site.exists("content/goals/derde-doel.yaml"));
}

#[test]
fn translations_in_dutch() {
    let site = Site::fixture("basic");
    site.run(&["new", "press", "Nieuw bericht", "--date", "2025-05-01"])
        .assert_code(0);
    let run = |format: &str| {
        let output = common::wdhs()
            .args(["translations", "--lang", "nl", "--format", format])
            .current_dir(site.path())
            .output()
            .expect("run wdhs");
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let text = run("text");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "soort        naam           nl        en               verouderd"
    );
    assert!(
        lines.contains(&"press        nieuw-bericht  aanwezig  nog te vertalen  onbekend"),
        "{text}"
    );
    assert!(
        lines.contains(&"initiatives  alleen-nl      aanwezig  ontbreekt        onbekend"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "17 items, waarvan 3 nog vertaalwerk hebben\nlet op: de site staat niet in een git-repository, dus is niet bekend welke vertalingen verouderd zijn\n"
        ),
        "{text}"
    );
    assert!(run("markdown").starts_with(
        "### Vertalingen\n\n| soort | naam | nl | en | verouderd |\n|---|---|---|---|---|\n"
    ));
    // JSON is for programs: its keys and values stay English.
    let json: serde_json::Value = serde_json::from_str(&run("json")).expect("json");
    assert_eq!(json[0]["outdated"], "unknown");
    assert_eq!(json[0]["languages"]["en"], "missing");
}

#[test]
fn an_outdated_translation_in_dutch() {
    let site = Site::fixture("basic");
    common::git_first_commit(&site, "2024-04-01T12:00:00+02:00");
    let page = site.read("content/pages/about.nl.md");
    site.write(
        "content/pages/about.nl.md",
        &format!("{page}\nNieuwe alinea.\n"),
    );
    let stderr = check(&site, "nl");
    assert!(
        stderr.contains("content/pages/about.en.md: waarschuwing: de Engelse vertaling is misschien verouderd: content/pages/about.nl.md is veranderd in wijzigingen die je nog niet hebt vastgelegd (commit), dit bestand het laatst in "),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("(2024-04-01)\n  tip: werk de vertaling bij en leg daarna beide bestanden samen vast (commit); hoeft de vertaling niet mee te veranderen (je verbeterde een tikfout), zet dan `[vertaling klopt]` in de eerste regel van de beschrijving van je commit\n"),
        "{stderr}"
    );
}

#[test]
fn a_file_without_fields_gets_the_example_on_lines_of_its_own() {
    let site = Site::fixture("basic");
    site.write("content/pages/kaal.nl.md", "# Titel\n\nTekst.\n");
    let at = "content/pages/kaal.nl.md:1:1";
    assert_reported(
        &check(&site, "en"),
        at,
        "error",
        (
            "the file does not start with front matter",
            "put the fields between two lines of three dashes at the top:\n---\ntitle: …\n---",
        ),
    );
    assert_reported(
        &check(&site, "nl"),
        at,
        "fout",
        (
            "het bestand begint niet met de velden tussen twee regels `---`",
            "zet de velden bovenaan, tussen twee regels met drie streepjes:\n---\ntitle: …\n---",
        ),
    );
}

/// `featured: nee` means false: the fix says so (it said `featured: true`).
#[test]
fn a_dutch_no_gets_false_as_the_fix() {
    let site = Site::fixture("basic");
    let shared = site.read("content/initiatives/molen.yaml");
    site.write(
        "content/initiatives/molen.yaml",
        &shared.replace("featured: true", "featured: nee"),
    );
    assert_reported(
        &check(&site, "nl"),
        "content/initiatives/molen.yaml:8:11",
        "fout",
        (
            "het veld `featured` moet true of false zijn, maar er staat tekst",
            "schrijf het als `featured: false`",
        ),
    );
}

/// A theme's labels written as one text: the fix is the line as it stands under `themes:`
/// (it said `themes.energie: { … }`, which is no line of site.yaml).
#[test]
fn a_theme_without_labels_per_language_gets_its_own_line_as_the_fix() {
    let site = Site::fixture("basic");
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &config.replace(
            "  energie: { nl: \"Energie\", en: \"Energy\" }",
            "  energie: \"Energie\"",
        ),
    );
    assert_reported(
        &check(&site, "nl"),
        "content/site.yaml:14:12",
        "fout",
        (
            "`themes.energie` moet een groep velden zijn, maar er staat tekst",
            "schrijf het als `energie: { nl: …, en: … }`",
        ),
    );
}
