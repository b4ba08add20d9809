//! `wdhs check` on the `mistakes` fixture: a copy of `basic` with many different editor
//! mistakes, each reported exactly once with file, line, column, message and hint, in text and
//! GitHub format; exit codes; `check` never writes; hostile YAML and symlink loops end quickly.

mod common;
use common::Site;
use std::io::Read;
use std::process::Stdio;
use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

/// What `check` prints on stderr for `tests/fixtures/mistakes`: every diagnostic, sorted by file
/// and separated by a blank line. `<TAB>` stands for the tab character the editor typed.
///
/// Two files start with a byte-order mark (`festival/2025.yaml`, `pages/colofon.nl.md`): their
/// excerpts and columns must not show or count it.
const MISTAKES_STDERR: &str = r##"content/festival/2024.en.md:7:5: error: unknown field `descripton` for an item of `programme`
 7 |     descripton: "Welcome."
   |     ^
  hint: did you mean `description`?

content/festival/2024.nl.md:6:5: error: unknown field `titel` for an item of `programme`
 6 |     titel: "Opening"
   |     ^
  hint: did you mean `title`?

content/festival/2025.yaml:1:7: error: field `date` is not a valid date: `12-04-2025`
 1 | date: 12-04-2025
   |       ^
  hint: did you mean `date: 2025-04-12`? Dates are written as year-month-day with plain hyphens

content/goals/tweede.en.md:5:14: error: `target_year` is `2028` here but `2027` in content/goals/tweede.nl.md
 5 | target_year: 2028
   |              ^
  hint: all languages must agree; write `target_year` once in tweede.yaml

content/initiatives/alleen-nl.nl.md: warning: there is no English translation of this page
  hint: readers of the English site get a notice instead; add content/initiatives/alleen-nl.en.md

content/initiatives/buurtsite.yaml:5:10: error: `www.buurtsite.nl` is not a web address
 5 | website: www.buurtsite.nl
   |          ^
  hint: write the full address, like `https://www.buurtsite.nl`

content/initiatives/dorpstuin.yaml:1:1: error: missing required field `place` for an initiative
 1 | name: "Dorpstuin"
   | ^
  hint: add a line `place: …` here, or to each language file if it differs per language

content/initiatives/klimaat.yaml:4:19: error: `klimaat` is not a theme
 4 | themes: [energie, klimaat]
   |                   ^
  hint: use one of the themes from content/site.yaml: energie, zorg

content/initiatives/molen.en.md:6:1: error: the image has no alt text
 6 | ![](molen.png)
   | ^
  hint: describe the picture between the brackets: `![Residents at the village windmill](molen.jpg)`

content/initiatives/molen.nl.md:4:18: error: the link points to `#geschiedenis`, but this page has no heading with that anchor
 4 | De molen draait. [Lees verder](#geschiedenis) over de bouw.
   |                  ^
  hint: the anchors on this page are: #bouw

content/initiatives/noord.yaml:3:11: error: `Noord-Hollnd` is not a Dutch province
 3 | province: Noord-Hollnd
   |           ^
  hint: did you mean `Noord-Holland`?

content/initiatives/twee-namen.yaml:1:7: error: field `name` should be text, found a list
 1 | name: [Dorpshuis, Buurthuis]
   |       ^
  hint: write it like `name: …`

content/initiatives/zorg.nl.md:4:1: error: the image `koffie.jpg` does not exist
 4 | ![Vrijwilligers bij de koffie](koffie.jpg)
   | ^
  hint: put it in content/initiatives/ beside the entry, and write its name relative to that folder

content/initiatives/zorg.yaml:5:11: error: field `featured` should be true or false, found text
 5 | featured: ja
   |           ^
  hint: write it like `featured: true`

content/nieuws: warning: the folder `nieuws` is not a kind of content; its files are not used
  hint: the content folders are: goals, partners, press, initiatives, festival, pages

content/pages/aanpak.en.md:8:1: warning: heading level 4 follows level 2: a level is skipped
 8 | #### Details
   | ^
  hint: use `###` here, so screen-reader users can follow the structure

content/pages/aanpak.nl.md:4:1: warning: a level-1 heading (`#`) in the text; the page title is already the level-1 heading
 4 | # Onze aanpak
   | ^
  hint: start headings in the text at `##`

content/pages/about.en.md:3:1: error: unknown field `sumary` for a page
 3 | sumary: "Who we are."
   | ^
  hint: did you mean `summary`?

content/pages/agenda.nl.md:3:7: error: `Onze Agenda` cannot be used as a slug
 3 | slug: Onze Agenda
   |       ^
  hint: use lowercase letters, digits and hyphens, like `onze-agenda`

content/pages/colofon.nl.md:1:1: error: missing required field `title` for a page
 1 | ---
   | ^
  hint: add a line `title: …` to the front matter

content/pages/leeg.nl.md: error: the file is empty
  hint: start the file with front matter between two `---` lines, or delete it

content/pages/missie.nl.md:2:1: error: unknown field `titel` for a page
 2 | titel: "Onze missie"
   | ^
  hint: did you mean `title`? It is required

content/pages/nieuwsbrief.nl.md:3:1: error: the front matter is not valid YAML: a tab is used to indent this line; YAML only allows spaces
 3 | <TAB>summary: "Schrijf je in."
   | ^
  hint: replace the tab at the start of the line with spaces

content/pages/oud/archief.nl.md: error: entries must sit directly in content/pages/, not in a folder below it; this file is not used
  hint: move it to content/pages/archief.nl.md

content/pages/privacy.nl.md:4:1: error: the front matter is not valid YAML: the field `title` is written twice
 4 | title: "Privacyverklaring"
   | ^
  hint: each field may appear only once; remove one of the two lines

content/pages/team.nl.md:3:7: error: this page would be written to /over-ons/, which content/pages/about.nl.md already uses
 3 | slug: over-ons
   |       ^
  hint: give one of them another `slug:`

content/pages/vacatures.md: error: the file name does not say its language
  hint: name it `vacatures.nl.md`, with a file of its own for each translation (the site's languages: nl, en)

content/pages/vragen.nl.md:1:1: error: the front matter is not closed
 1 | ---
   | ^
  hint: add a line with three dashes `---` after the last field

content/pages/werkwijze.nl.md:2:13: error: the front matter is not valid YAML: a colon (:) where a new field cannot start
 2 | title: Samen: zo werkt het
   |             ^
  hint: text with a colon (:) must be put between quotes, like `title: "Together: how it works"`

content/partners/alfa.en.md:4:35: error: the link has no text
 4 | Alfa is an association working on [](@/goals/eerste).
   |                                   ^
  hint: write what the link leads to between the brackets: `[the action programme](@/goals)`

content/partners/alfa.nl.md:4:37: warning: the link text `Klik hier` does not say where it leads
 4 | Alfa is een vereniging. Meer weten? [Klik hier](https://alfa.example.org).
   |                                     ^
  hint: use words that make sense on their own, like `[read the action programme](@/goals)`

content/partners/beta.nl.md:2:1: error: field `name` is set twice: in content/partners/beta.yaml (line 1) and in content/partners/beta.nl.md
 2 | name: "Beta Nederland"
   | ^
  hint: keep it in one place: fields all languages share go in the .yaml file, translated fields in the .md files

content/partners/delta.yaml:4:9: error: field `joined` is not a valid date: `2024-13`
 4 | joined: 2024-13
   |         ^
  hint: write `joined: 2024`, `joined: 2024-04` or `joined: 2024-04-13`

content/partners/gamma.yaml:3:7: error: `kern` is not a partner role
 3 | role: kern
   |       ^
  hint: use `role: core` for core partners or `role: signatory` for organisations that signed the letter of intent

content/partners/zeta.yaml: warning: there is no language file for these shared fields
  hint: add zeta.nl.md beside it, or delete it

content/press/bericht-2.en.md:8:5: error: the link points to `#reasons`, but content/goals/eerste.en.md has no heading with that anchor
 8 | See [why we do this](@/goals/eerste#reasons).
   |     ^
  hint: the anchors on that page are: #why

content/press/bericht-2.nl.md:7:10: error: `@/press/bericht-0` links to a page that does not exist
 7 | Lees ook [het vorige bericht](@/press/bericht-0).
   |          ^
  hint: did you mean `@/press/bericht-1`?

content/press/bericht-3.nl.md:7:9: error: `@/doelen/eerste` does not name a kind of content
 7 | Zie ook [het eerste doel](@/doelen/eerste).
   |         ^
  hint: did you mean `@/goals/eerste`?

content/press/bericht-4.yaml:2:18: error: there is no partner `omega`
 2 | partners: [alfa, omega]
   |                  ^
  hint: partners are named by their file name in content/partners/: alfa, beta, delta, gamma

content/press/bericht-5.yaml:3:12: error: there is no goal 7
 3 | goals: [2, 7]
   |            ^
  hint: the goals are numbered 1, 2

content/press/bericht-6.yaml:2:16: error: a press contact may not contain an e-mail address or phone number
 2 | press_contact: "Jan de Vries, jan@alfa.example.org"
   |                ^
  hint: name the organisation (for example `Katalys`); journalists reach its press office through its website

content/press/bericht-7.yaml:1:7: error: field `date` is not a valid date: `2024-02-30`
 1 | date: 2024-02-30
   |       ^
  hint: write dates as year-month-day, like `date: 2024-04-13`

content/site.yaml:12:69: error: the menu names page `contact`, which does not exist
 12 | menu: [goals, initiatives, press, partners, festival, "page:about", "page:contact"]
    |                                                                     ^
  hint: pages are named by their file name in content/pages/: page:aanpak, page:about, page:agenda, page:colofon, page:leeg, page:missie, page:nieuwsbrief, page:privacy, page:team, page:toegankelijkheid, page:vragen, page:werkwijze

content/site.yaml:18:22: error: `pagination.press` should be a positive whole number for a section
 18 | pagination: { press: twee, initiatives: 2 }
    |                      ^
  hint: write it like `pagination: { press: 10 }`

content/site.yaml:19:1: error: unknown field `feed_limt` in site.yaml
 19 | feed_limt: 2
    | ^
  hint: did you mean `feed_limit`?
"##;

/// What `check` prints on stdout: what was held back, the note about git, the summary.
const MISTAKES_STDOUT: &str = r##"held back: content/press/concept.nl.md (draft: true)
held back: content/press/toekomst.en.md (embargoed until 2030-01-01)
held back: content/press/toekomst.nl.md (embargoed until 2030-01-01)
note: the site is not in a git repository, so translations were not compared with their sources
39 errors, 6 warnings
"##;

/// The same problems as GitHub Actions annotations, on stdout.
const MISTAKES_GITHUB: &str = r##"::error file=content/festival/2024.en.md,line=7,col=5::unknown field `descripton` for an item of `programme` (hint: did you mean `description`?)
::error file=content/festival/2024.nl.md,line=6,col=5::unknown field `titel` for an item of `programme` (hint: did you mean `title`?)
::error file=content/festival/2025.yaml,line=1,col=7::field `date` is not a valid date: `12-04-2025` (hint: did you mean `date: 2025-04-12`? Dates are written as year-month-day with plain hyphens)
::error file=content/goals/tweede.en.md,line=5,col=14::`target_year` is `2028` here but `2027` in content/goals/tweede.nl.md (hint: all languages must agree; write `target_year` once in tweede.yaml)
::warning file=content/initiatives/alleen-nl.nl.md::there is no English translation of this page (hint: readers of the English site get a notice instead; add content/initiatives/alleen-nl.en.md)
::error file=content/initiatives/buurtsite.yaml,line=5,col=10::`www.buurtsite.nl` is not a web address (hint: write the full address, like `https://www.buurtsite.nl`)
::error file=content/initiatives/dorpstuin.yaml,line=1,col=1::missing required field `place` for an initiative (hint: add a line `place: …` here, or to each language file if it differs per language)
::error file=content/initiatives/klimaat.yaml,line=4,col=19::`klimaat` is not a theme (hint: use one of the themes from content/site.yaml: energie, zorg)
::error file=content/initiatives/molen.en.md,line=6,col=1::the image has no alt text (hint: describe the picture between the brackets: `![Residents at the village windmill](molen.jpg)`)
::error file=content/initiatives/molen.nl.md,line=4,col=18::the link points to `#geschiedenis`, but this page has no heading with that anchor (hint: the anchors on this page are: #bouw)
::error file=content/initiatives/noord.yaml,line=3,col=11::`Noord-Hollnd` is not a Dutch province (hint: did you mean `Noord-Holland`?)
::error file=content/initiatives/twee-namen.yaml,line=1,col=7::field `name` should be text, found a list (hint: write it like `name: …`)
::error file=content/initiatives/zorg.nl.md,line=4,col=1::the image `koffie.jpg` does not exist (hint: put it in content/initiatives/ beside the entry, and write its name relative to that folder)
::error file=content/initiatives/zorg.yaml,line=5,col=11::field `featured` should be true or false, found text (hint: write it like `featured: true`)
::warning file=content/nieuws::the folder `nieuws` is not a kind of content; its files are not used (hint: the content folders are: goals, partners, press, initiatives, festival, pages)
::warning file=content/pages/aanpak.en.md,line=8,col=1::heading level 4 follows level 2: a level is skipped (hint: use `###` here, so screen-reader users can follow the structure)
::warning file=content/pages/aanpak.nl.md,line=4,col=1::a level-1 heading (`#`) in the text; the page title is already the level-1 heading (hint: start headings in the text at `##`)
::error file=content/pages/about.en.md,line=3,col=1::unknown field `sumary` for a page (hint: did you mean `summary`?)
::error file=content/pages/agenda.nl.md,line=3,col=7::`Onze Agenda` cannot be used as a slug (hint: use lowercase letters, digits and hyphens, like `onze-agenda`)
::error file=content/pages/colofon.nl.md,line=1,col=1::missing required field `title` for a page (hint: add a line `title: …` to the front matter)
::error file=content/pages/leeg.nl.md::the file is empty (hint: start the file with front matter between two `---` lines, or delete it)
::error file=content/pages/missie.nl.md,line=2,col=1::unknown field `titel` for a page (hint: did you mean `title`? It is required)
::error file=content/pages/nieuwsbrief.nl.md,line=3,col=1::the front matter is not valid YAML: a tab is used to indent this line; YAML only allows spaces (hint: replace the tab at the start of the line with spaces)
::error file=content/pages/oud/archief.nl.md::entries must sit directly in content/pages/, not in a folder below it; this file is not used (hint: move it to content/pages/archief.nl.md)
::error file=content/pages/privacy.nl.md,line=4,col=1::the front matter is not valid YAML: the field `title` is written twice (hint: each field may appear only once; remove one of the two lines)
::error file=content/pages/team.nl.md,line=3,col=7::this page would be written to /over-ons/, which content/pages/about.nl.md already uses (hint: give one of them another `slug:`)
::error file=content/pages/vacatures.md::the file name does not say its language (hint: name it `vacatures.nl.md`, with a file of its own for each translation (the site's languages: nl, en))
::error file=content/pages/vragen.nl.md,line=1,col=1::the front matter is not closed (hint: add a line with three dashes `---` after the last field)
::error file=content/pages/werkwijze.nl.md,line=2,col=13::the front matter is not valid YAML: a colon (:) where a new field cannot start (hint: text with a colon (:) must be put between quotes, like `title: "Together: how it works"`)
::error file=content/partners/alfa.en.md,line=4,col=35::the link has no text (hint: write what the link leads to between the brackets: `[the action programme](@/goals)`)
::warning file=content/partners/alfa.nl.md,line=4,col=37::the link text `Klik hier` does not say where it leads (hint: use words that make sense on their own, like `[read the action programme](@/goals)`)
::error file=content/partners/beta.nl.md,line=2,col=1::field `name` is set twice: in content/partners/beta.yaml (line 1) and in content/partners/beta.nl.md (hint: keep it in one place: fields all languages share go in the .yaml file, translated fields in the .md files)
::error file=content/partners/delta.yaml,line=4,col=9::field `joined` is not a valid date: `2024-13` (hint: write `joined: 2024`, `joined: 2024-04` or `joined: 2024-04-13`)
::error file=content/partners/gamma.yaml,line=3,col=7::`kern` is not a partner role (hint: use `role: core` for core partners or `role: signatory` for organisations that signed the letter of intent)
::warning file=content/partners/zeta.yaml::there is no language file for these shared fields (hint: add zeta.nl.md beside it, or delete it)
::error file=content/press/bericht-2.en.md,line=8,col=5::the link points to `#reasons`, but content/goals/eerste.en.md has no heading with that anchor (hint: the anchors on that page are: #why)
::error file=content/press/bericht-2.nl.md,line=7,col=10::`@/press/bericht-0` links to a page that does not exist (hint: did you mean `@/press/bericht-1`?)
::error file=content/press/bericht-3.nl.md,line=7,col=9::`@/doelen/eerste` does not name a kind of content (hint: did you mean `@/goals/eerste`?)
::error file=content/press/bericht-4.yaml,line=2,col=18::there is no partner `omega` (hint: partners are named by their file name in content/partners/: alfa, beta, delta, gamma)
::error file=content/press/bericht-5.yaml,line=3,col=12::there is no goal 7 (hint: the goals are numbered 1, 2)
::error file=content/press/bericht-6.yaml,line=2,col=16::a press contact may not contain an e-mail address or phone number (hint: name the organisation (for example `Katalys`); journalists reach its press office through its website)
::error file=content/press/bericht-7.yaml,line=1,col=7::field `date` is not a valid date: `2024-02-30` (hint: write dates as year-month-day, like `date: 2024-04-13`)
::error file=content/site.yaml,line=12,col=69::the menu names page `contact`, which does not exist (hint: pages are named by their file name in content/pages/: page:aanpak, page:about, page:agenda, page:colofon, page:leeg, page:missie, page:nieuwsbrief, page:privacy, page:team, page:toegankelijkheid, page:vragen, page:werkwijze)
::error file=content/site.yaml,line=18,col=22::`pagination.press` should be a positive whole number for a section (hint: write it like `pagination: { press: 10 }`)
::error file=content/site.yaml,line=19,col=1::unknown field `feed_limt` in site.yaml (hint: did you mean `feed_limit`?)
"##;

/// The timed tests run alone (a write lock), every other test shares a read lock: the time
/// measured is then wdhs's own, not that of the other tests running beside it.
static TIMING: RwLock<()> = RwLock::new(());

fn timed() -> RwLockWriteGuard<'static, ()> {
    TIMING.write().unwrap_or_else(PoisonError::into_inner)
}

fn shared() -> RwLockReadGuard<'static, ()> {
    TIMING.read().unwrap_or_else(PoisonError::into_inner)
}

fn check_mistakes() -> common::Run {
    let site = Site::fixture("mistakes");
    let run = site.check();
    run.assert_code(1);
    run
}

#[test]
fn text_report_lists_every_mistake_once_with_place_excerpt_and_hint() {
    let _shared = shared();
    let run = check_mistakes();
    assert_eq!(run.stderr, MISTAKES_STDERR.replace("<TAB>", "\t"));
    assert_eq!(run.stdout, MISTAKES_STDOUT);
}

#[test]
fn github_report_has_one_annotation_per_mistake() {
    let _shared = shared();
    let site = Site::fixture("mistakes");
    let run = site.run(&["check", "--today", "2026-01-01", "--format", "github"]);
    run.assert_code(1);
    assert_eq!(run.stdout, MISTAKES_GITHUB);
    assert_eq!(run.stderr, "");
}

#[test]
fn editor_files_are_ignored_and_crlf_and_bom_files_accepted() {
    let _shared = shared();
    let run = check_mistakes();
    // No diagnostic is about them (the menu hint may name the page `page:toegankelijkheid`).
    for name in [
        "content/pages/toegankelijkheid.",
        "content/pages/.toegankelijkheid.nl.md.swp",
        "content/pages/about.nl.md~",
    ] {
        assert!(
            !run.stderr.lines().any(|l| l.starts_with(name)),
            "{name} should not be reported:\n{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains(".swp"), "{}", run.stderr);
    assert!(!run.stderr.contains("about.nl.md~"), "{}", run.stderr);
}

/// Word keeps `~$verslag.docx` beside a document while it is open: not content, not reported
/// (its name was refused, with a hint to rename it over the real document).
#[test]
fn the_note_word_keeps_beside_an_open_document_is_ignored() {
    let site = Site::fixture("basic");
    std::fs::write(
        site.path().join("content/pages/~$verslag.docx"),
        b"\x0bWord\0\0",
    )
    .unwrap();
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("verslag"), "{}", run.stderr);
    assert!(!site.exists("public/~$verslag.docx"));
}

#[test]
fn exit_codes() {
    let _shared = shared();
    check_mistakes();
    let basic = Site::fixture("basic");
    basic.check().assert_code(0);
    // basic has one warning: a missing English translation.
    let strict = basic.run(&["check", "--today", "2026-01-01", "--strict"]);
    strict.assert_code(1);
    assert!(
        strict.stdout.ends_with("0 errors, 1 warning\n"),
        "{}",
        strict.stdout
    );
    basic
        .run(&["check", "--today", "2026-01-01", "--format", "xml"])
        .assert_code(2);
    basic.run(&["check", "--no-such-option"]).assert_code(2);
    let bad_today = basic.run(&["check", "--today", "13-04-2024"]);
    bad_today.assert_code(2);
    assert_eq!(
        bad_today.stderr,
        "error: --today takes a date like 2024-04-13\n"
    );
    // Not a site: one message, the exit code of a wrong command, for build and check.
    for command in ["check", "build"] {
        let elsewhere = basic.run(&[command, "--root", "no-such-folder"]);
        elsewhere.assert_code(2);
        assert!(
            elsewhere.stderr.starts_with(
                "error: there is no content folder\n  hint: run wdhs in the site's folder"
            ) && elsewhere.stderr.matches("error:").count() == 1,
            "{}",
            elsewhere.stderr
        );
    }
}

/// Every file and folder below the site, with the bytes of the files (the image cache too:
/// `check` must not fill it).
fn everything(site: &Site) -> Vec<(String, Option<Vec<u8>>)> {
    let mut all: Vec<(String, Option<Vec<u8>>)> = walkdir::WalkDir::new(site.path())
        .into_iter()
        .map(|e| e.expect("walk"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(site.path())
                .expect("prefix")
                .to_string_lossy()
                .into_owned();
            let bytes = e
                .file_type()
                .is_file()
                .then(|| std::fs::read(e.path()).expect("read"));
            (rel, bytes)
        })
        .collect();
    all.sort();
    all
}

#[test]
fn check_writes_nothing() {
    let _shared = shared();
    for (fixture, code) in [("basic", 0), ("mistakes", 1)] {
        let site = Site::fixture(fixture);
        let before = everything(&site);
        site.check().assert_code(code);
        assert!(!site.exists("public"), "{fixture}: check wrote public/");
        assert!(
            !site.exists(".wdhs-cache"),
            "{fixture}: check wrote an image cache"
        );
        assert_eq!(
            everything(&site),
            before,
            "{fixture}: check changed the folder"
        );
    }
}

/// Runs `wdhs check` in the site's folder; kills it and fails if it is still running after
/// `limit`. Returns the run and how long it took.
fn check_within(site: &Site, limit: Duration) -> (common::Run, Duration) {
    let started = Instant::now();
    let mut child = common::wdhs()
        .args(["check", "--today", "2026-01-01"])
        .current_dir(site.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start wdhs");
    let read = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).expect("read output");
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = read(Box::new(child.stdout.take().expect("stdout")));
    let stderr = read(Box::new(child.stderr.take().expect("stderr")));
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for wdhs") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("wdhs check was still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let elapsed = started.elapsed();
    let run = common::Run {
        code: status.code().unwrap_or(-1),
        stdout: stdout.join().expect("stdout thread"),
        stderr: stderr.join().expect("stderr thread"),
    };
    (run, elapsed)
}

/// A refused document costs milliseconds (the YAML budget is tight); the bound leaves room for
/// a slow test machine.
const FAST: Duration = Duration::from_secs(2);

/// Checks a page whose front matter is hostile: refused within `FAST`, with `message` at a place
/// in the page, and nothing else reported about it.
/// The summary line of a check that found the one mistake a test made (and the `basic`
/// fixture's own warning: an initiative with no English translation).
fn assert_one_error_one_warning(run: &common::Run) {
    assert!(
        run.stdout.ends_with("1 error, 1 warning\n"),
        "{}",
        run.stdout
    );
}

fn assert_refused_quickly(page: &str, front_matter: &str, message: &str) {
    let _alone = timed();
    let site = Site::fixture("basic");
    site.write(
        &format!("content/pages/{page}.nl.md"),
        &format!("---\ntitle: \"Test\"\n{front_matter}\n---\nTekst.\n"),
    );
    site.write(
        &format!("content/pages/{page}.en.md"),
        "---\ntitle: \"Test\"\n---\nText.\n",
    );
    let (run, elapsed) = check_within(&site, Duration::from_secs(60));
    run.assert_code(1);
    assert!(elapsed < FAST, "took {elapsed:?}");
    let headline = format!("content/pages/{page}.nl.md:");
    let diagnostic = run
        .stderr
        .lines()
        .find(|l| l.starts_with(&headline))
        .unwrap_or_else(|| panic!("no diagnostic for {page}:\n{}", run.stderr));
    assert!(
        diagnostic.ends_with(&format!(
            ": error: the front matter is not valid YAML: {message}"
        )),
        "{diagnostic}"
    );
    // Not asserted: the hint's words. Today it is the general "check the line for a missing
    // quote, bracket or space after the colon", which does not fit; it should say to write
    // the fields out plainly, without anchors (`&`, `*`) or deep nesting.
    let block = run
        .stderr
        .split("\n\n")
        .find(|b| b.starts_with(&headline))
        .expect("diagnostic block");
    assert!(block.contains("\n  hint: "), "{block}");
    assert_one_error_one_warning(&run);
}

#[test]
fn alias_bomb_in_front_matter_fails_fast() {
    // "Billion laughs": 9 levels of 9 aliases would expand to 9^10 values.
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]");
    let mut previous = "a".to_string();
    for level in 0..9 {
        let aliases = vec![format!("*{previous}"); 9].join(", ");
        bomb.push_str(&format!("\nl{level}: &l{level} [{aliases}]"));
        previous = format!("l{level}");
    }
    assert_refused_quickly(
        "bom",
        &bomb,
        "the YAML is too large or repeats anchors (`&name`, `*name`) too often",
    );
}

#[test]
fn deeply_nested_front_matter_fails_fast() {
    let deep = format!("summary: {}", "[".repeat(100_000));
    assert_refused_quickly("diep", &deep, "the YAML is nested too deeply");
}

#[test]
fn symlink_loop_is_reported_and_check_finishes() {
    let _shared = shared();
    let site = Site::fixture("basic");
    std::os::unix::fs::symlink("..", site.path().join("content/pages/lus")).expect("symlink");
    let (run, _) = check_within(&site, Duration::from_secs(60));
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "content/pages/lus: error: this link points back to a folder that contains it (a symlink loop); it was skipped\n  hint: remove or fix the link or file\n"
        ),
        "{}",
        run.stderr
    );
    assert_one_error_one_warning(&run);
    // Two file links that lead to each other.
    std::fs::remove_file(site.path().join("content/pages/lus")).expect("rm");
    let pages = site.path().join("content/pages");
    std::os::unix::fs::symlink("lus2.nl.md", pages.join("lus1.nl.md")).expect("symlink");
    std::os::unix::fs::symlink("lus1.nl.md", pages.join("lus2.nl.md")).expect("symlink");
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "content/pages/lus1.nl.md: error: this link leads to links that lead back to it (a circle of links); it was skipped"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn non_utf8_file_is_reported_at_its_first_bad_byte() {
    let _shared = shared();
    let site = Site::fixture("basic");
    // Latin-1, as old Windows editors save it: é is the single byte 0xE9. The excerpt shows it
    // as the replacement character, under the caret.
    std::fs::write(
        site.path().join("content/pages/cafe.nl.md"),
        b"---\ntitle: \"Caf\xe9 de Zon\"\n---\nEen caf\xe9.\n",
    )
    .expect("write");
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains(concat!(
            "content/pages/cafe.nl.md:2:12: error: the file is not UTF-8 text\n",
            " 2 | title: \"Caf\u{FFFD} de Zon\"\n",
            "   |            ^\n",
            "  hint: save the file as UTF-8 in your editor (\"Save with encoding: UTF-8\")\n",
        )),
        "{}",
        run.stderr
    );
    assert_one_error_one_warning(&run);
    // With a translation beside it, the unreadable file still counts as there: no second
    // report asking to add content/pages/cafe.nl.md, which exists.
    site.write(
        "content/pages/cafe.en.md",
        "---\ntitle: \"Cafe\"\n---\nA cafe.\n",
    );
    let run = site.check();
    run.assert_code(1);
    assert!(
        !run.stderr.contains("no Dutch translation"),
        "{}",
        run.stderr
    );
    assert_one_error_one_warning(&run);
    // UTF-16 without a byte-order mark ("Unicode" in Windows' Notepad): named at its start,
    // not at the first letter that is not plain ASCII.
    let utf16: Vec<u8> = "---\ntitle: \"Café\"\n---\nEen café.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(site.path().join("content/pages/cafe.nl.md"), utf16).expect("write");
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/pages/cafe.nl.md:1:1: error: the file is not UTF-8 text\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_its_size() {
    let _shared = shared();
    let site = Site::fixture("basic");
    // 2 MiB and one byte: a pasted export or a mistaken binary, not a page.
    let mut text = String::from("---\ntitle: \"Groot\"\n---\n");
    text.push_str(&"x".repeat(2 * 1024 * 1024 + 1 - text.len()));
    site.write("content/pages/groot.nl.md", &text);
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains(concat!(
            "content/pages/groot.nl.md: error: the file is too large (2.1 MB; ",
            "at most 2 MB)\n",
            "  hint: split the text over several pages\n",
        )),
        "{}",
        run.stderr
    );
    // One byte less is read.
    site.write("content/pages/groot.nl.md", &text[..text.len() - 1]);
    let run = site.check();
    assert!(!run.stderr.contains("too large"), "{}", run.stderr);
}

#[test]
fn duplicate_goal_number_names_the_other_file_and_does_not_cascade() {
    let _shared = shared();
    let site = Site::fixture("basic");
    site.write(
        "content/goals/tweede.yaml",
        "number: 1\ntarget_year: 2027\n",
    );
    // A reference to goal 2, which the misnumbered goal was meant to be, is not reported.
    site.write(
        "content/press/bericht-2.yaml",
        "date: 2024-02-12\npartners: [alfa]\ngoals: [1, 2]\npress_contact: \"Alfa Vereniging\"\n",
    );
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains(concat!(
            "content/goals/tweede.yaml:1:9: error: goal number 1 is also used by content/goals/eerste.yaml\n",
            " 1 | number: 1\n",
            "   |         ^\n",
            "  hint: every goal needs its own number\n",
        )),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("there is no goal"), "{}", run.stderr);
    assert_one_error_one_warning(&run);
}

/// A field that cannot be read (a date written the Dutch way) used to drop the whole entry from
/// the run: its partners, goals, links and images went unchecked until the date was mended,
/// and the next run showed the next problem. Now every problem comes in one run, and the
/// stand-in date makes up no disagreement with the translation, the stand-in number no goal.
#[test]
fn one_field_that_cannot_be_read_hides_none_of_the_entrys_other_problems() {
    let _shared = shared();
    let site = Site::fixture("basic");
    site.write(
        "content/press/bericht-2.yaml",
        "partners: [alfaa]\ngoals: [1, 2]\npress_contact: \"Alfa Vereniging\"\n",
    );
    // A goal whose number cannot be read makes up no goal 0, and hides no goal 2.
    site.write(
        "content/goals/tweede.yaml",
        "number: twee\ntarget_year: 2030\n",
    );
    site.write(
        "content/press/bericht-2.nl.md",
        "---\ntitle: \"Bericht 2\"\ndate: 12-02-2024\nsummary: \"Samenvatting 2.\"\n---\nZie [de molen](@/initiatives/moolen.md).\n",
    );
    site.write(
        "content/press/bericht-2.en.md",
        "---\ntitle: \"Message 2\"\ndate: 2024-02-12\nsummary: \"Summary 2.\"\n---\nText.\n",
    );
    let run = site.check();
    run.assert_code(1);
    for expected in [
        "content/press/bericht-2.nl.md:3:7: error: field `date` is not a valid date: `12-02-2024`",
        "content/press/bericht-2.yaml:1:12: error: there is no partner `alfaa`",
        "content/press/bericht-2.nl.md:6:5: error: `@/initiatives/moolen.md` links to a page that does not exist",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    assert!(
        run.stderr
            .contains("content/goals/tweede.yaml:1:9: error: "),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches(": error: ").count(), 4, "{}", run.stderr);
    assert!(!run.stderr.contains("0000"), "{}", run.stderr);
}

/// Last year's festival copied to `2027` with its date left at 2026 would show the old date at
/// the new address: a warning at the date, once for both languages.
#[test]
fn a_festival_whose_date_is_not_in_the_year_its_name_says_is_a_warning() {
    let _shared = shared();
    let site = Site::fixture("basic");
    let festival = site.read("content/festival/2027.yaml");
    site.write(
        "content/festival/2027.yaml",
        &festival.replace("date: 2027-04-10", "date: 2026-04-10"),
    );
    let run = site.check();
    run.assert_code(0);
    let expected = "content/festival/2027.yaml:1:7: warning: the file name says 2027, but the festival's date is in 2026\n";
    assert_eq!(run.stderr.matches(expected).count(), 1, "{}", run.stderr);
}

/// An English file copied from the Dutch one and not yet translated was published as English:
/// a warning at its text, naming the file it equals.
#[test]
fn a_translation_whose_text_is_the_sources_is_a_warning() {
    let _shared = shared();
    let site = Site::fixture("basic");
    let dutch = site.read("content/pages/about.nl.md");
    site.write("content/pages/about.en.md", &dutch);
    let run = site.check();
    run.assert_code(0);
    assert!(
        run.stderr.contains("content/pages/about.en.md:5:1: warning: the text of this file is the same as that of content/pages/about.nl.md: it has not been translated yet\n"),
        "{}",
        run.stderr
    );
}

/// A list pasted from Word keeps its bullets and runs on as one paragraph: a warning at each
/// such line. A dash that starts one line of wrapped prose is prose.
#[test]
fn a_list_pasted_with_bullets_is_a_warning_at_each_line() {
    let _shared = shared();
    let site = Site::fixture("basic");
    let page = site.read("content/pages/about.nl.md");
    site.write(
        "content/pages/about.nl.md",
        &format!("{page}\nAfspraken:\n•\tEen handreiking\n•\tEen bijeenkomst\n\nProza die\n– zo – doorloopt.\n"),
    );
    let run = site.check();
    run.assert_code(0);
    let warning = "warning: this line starts with `•`, which makes no list";
    assert_eq!(run.stderr.matches(warning).count(), 2, "{}", run.stderr);
    assert!(!run.stderr.contains("starts with `–`"), "{}", run.stderr);
}

/// A page whose address is a section's, in another case (`/Pers/` and the press section at
/// `/pers/`), would replace the section's page on a server that ignores case.
#[test]
fn a_page_at_a_sections_address_in_another_case_names_the_section() {
    let _shared = shared();
    let site = Site::fixture("basic");
    site.write(
        "content/pages/perspagina.nl.md",
        "---\ntitle: \"Pers\"\nslug: pers-en-media\n---\nTekst.\n",
    );
    site.write(
        "content/pages/perspagina.en.md",
        "---\ntitle: \"Press\"\nslug: Press\n---\nText.\n",
    );
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains(concat!(
            "content/pages/perspagina.en.md:3:7: error: this page would be written to /en/Press/, ",
            "which the press section already uses\n",
        )),
        "{}",
        run.stderr
    );
}

/// A folder `content/press/index.html/` with a PDF in it passed `check` and failed `build`
/// with "Is a directory" on `pers/index.html`, the press list, naming no file of the editor's.
#[test]
fn a_folder_named_like_a_page_of_the_site_is_named_by_check_and_build() {
    let site = Site::fixture("basic");
    site.build().assert_code(0);
    let before = site.snapshot("public");
    site.write_bytes("content/press/index.html/verslag.pdf", &common::pdf(0));
    let expected = "content/press/index.html/verslag.pdf: error: this file would be published as `pers/index.html/verslag.pdf`, but `pers/index.html` is a page or file of the site already, and a folder cannot have the name of a file\n  hint: give the folder `index.html` another name\n";
    for run in [site.check(), site.build()] {
        run.assert_code(1);
        assert!(run.stderr.contains(expected), "{}", run.stderr);
        assert_eq!(run.stderr.matches(expected).count(), 1, "{}", run.stderr);
        // What the system says when writing fails, in the editor's words too.
        assert!(!run.stderr.contains("os error"), "{}", run.stderr);
    }
    assert_eq!(before, site.snapshot("public"), "public/ changed");
}

/// A `press_contact` that names no partner was left off the page without a word: the editor
/// saw the release's partners where the organisation they typed should have been.
#[test]
fn a_press_contact_that_is_no_partner_is_a_warning_with_the_partner_meant() {
    let site = Site::fixture("basic");
    let shared = site.read("content/press/bericht-1.yaml");
    let typo = shared.replace(
        "press_contact: \"Alfa Vereniging\"",
        "press_contact: \"Alfa Verneniging\"",
    );
    assert_ne!(shared, typo);
    site.write("content/press/bericht-1.yaml", &typo);
    let other = site.read("content/press/bericht-2.yaml");
    site.write(
        "content/press/bericht-2.yaml",
        &other.replace("\"Alfa Vereniging\"", "\"gemeente utrecht\""),
    );
    site.write(
        "content/press/bericht-3.yaml",
        &site
            .read("content/press/bericht-3.yaml")
            .replace("\"Alfa Vereniging\"", "\"alfa\""),
    );
    let run = site.check();
    run.assert_code(0);
    assert!(
        run.stderr.contains("content/press/bericht-1.yaml:4:16: warning: `Alfa Verneniging` is not a partner of the site, so the page does not name it as the press contact\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: did you mean `Alfa Vereniging`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/press/bericht-2.yaml:4:16: warning: `gemeente utrecht` is not a partner of the site"),
        "{}",
        run.stderr
    );
    // A partner's file name, as the contract allows, is no warning; and each file once.
    assert!(!run.stderr.contains("bericht-3.yaml"), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("press contact").count(),
        2,
        "{}",
        run.stderr
    );
}

#[test]
fn a_link_to_an_anchor_the_home_page_does_not_have_is_reported() {
    let _shared = shared();
    let site = Site::fixture("basic");
    site.write(
        "content/pages/about.nl.md",
        "---\ntitle: \"Over ons\"\nslug: over-ons\n---\nZie [de start](@/home#nergens).\n",
    );
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "content/pages/about.nl.md:5:5: error: the link points to `#nergens`, but content/home.nl.md has no heading with that anchor"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn many_errors_of_one_kind_are_shown_and_all_are_counted() {
    let _shared = shared();
    let site = Site::fixture("basic");
    let links: String = (1..=30)
        .map(|i| format!("Zie [doel {i}](@/goals/weg-{i}).\n\n"))
        .collect();
    let tags = "<b>x</b>\n\n".repeat(4);
    site.write(
        "content/pages/about.nl.md",
        &format!("---\ntitle: \"Over ons\"\nslug: over-ons\n---\n{links}{tags}"),
    );
    let run = site.check();
    run.assert_code(1);
    let errors = run
        .stderr
        .matches("` links to a page that does not exist")
        .count();
    assert_eq!(errors, 25, "every error up to 25 shown: {}", run.stderr);
    // Line 53 holds the 25th link; the five after it are counted.
    assert!(
        run.stderr.contains(
            "content/pages/about.nl.md:53:5: error: and 5 more like this in this file (only the first 25 are shown)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("warning: and 3 more like this in this file (only the first 5 are shown)"),
        "{}",
        run.stderr
    );
    // The totals count what is not shown too (and the missing English page of the fixture).
    assert!(
        run.stdout.contains("30 errors, 9 warnings"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_file_with_hundreds_of_problems_lists_a_hundred_and_counts_the_rest() {
    let _shared = shared();
    let site = Site::fixture("basic");
    let links = "[a](/nergens/)\n\n".repeat(150);
    site.write(
        "content/pages/about.nl.md",
        &format!("---\ntitle: \"Over ons\"\nslug: over-ons\n---\n{links}"),
    );
    for format in [&[][..], &["--format", "github"][..]] {
        let run = site.run(&[&["check"][..], format].concat());
        run.assert_code(1);
        let out = format!("{}{}", run.stdout, run.stderr);
        let listed = out.matches("`/nergens/` leads to").count();
        assert_eq!(listed, 100, "{out}");
        assert!(
            out.contains("and 50 more in this file (only the first 100 problems are listed)"),
            "{out}"
        );
        if format.is_empty() {
            assert!(out.contains("150 errors, 1 warning"), "{out}");
        }
    }
}

#[test]
fn a_dot_too_many_before_md_is_told_the_name() {
    let _shared = shared();
    let site = Site::fixture("basic");
    site.write(
        "content/pages/over.nl..md",
        &site.read("content/pages/about.nl.md"),
    );
    let run = site.check();
    run.assert_code(1);
    let expected = "content/pages/over.nl..md: error: the name has two dots in a row before `md`\n  hint: rename the file to `over.nl.md`\n";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
}

#[test]
fn a_text_saved_under_another_ending_is_told_its_name() {
    let _shared = shared();
    let site = Site::fixture("basic");
    let text = site.read("content/pages/about.nl.md");
    for (name, meant) in [
        ("vacature.nl.md.txt", "vacature.nl.md"),
        ("nieuws.nl.MD", "nieuws.nl.md"),
        ("agenda.nl.markdown", "agenda.nl.md"),
    ] {
        site.write(&format!("content/pages/{name}"), &text);
        let run = site.check();
        run.assert_code(1);
        let expected = format!(
            "content/pages/{name}: error: files of this type (`.{}`) are not published\n  hint: if it is a text or the fields of an entry, rename it to `{meant}`\n",
            name.rsplit('.').next().unwrap_or_default()
        );
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
        site.remove(&format!("content/pages/{name}"));
    }
    // A page saved as plain text was told to be deleted or saved as PDF.
    site.write("content/pages/doe-mee.txt", &text);
    let run = site.check();
    let expected = "content/pages/doe-mee.txt: error: files of this type (`.txt`) are not published\n  hint: is it a page? Then give it a name like `doe-mee.nl.md` (`.en.md` for English)";
    assert!(run.stderr.contains(expected), "{}", run.stderr);
}

#[test]
fn language_code_that_is_not_a_site_language() {
    let _shared = shared();
    let site = Site::fixture("basic");
    site.write(
        "content/pages/partner-worden.de.md",
        "---\ntitle: \"Partner werden\"\n---\n",
    );
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "content/pages/partner-worden.de.md: error: `de` is not one of the site's languages (nl, en)\n  hint: rename it to `partner-worden.nl.md`, or another of the site's language codes: nl, en\n"
        ),
        "{}",
        run.stderr
    );
    assert_one_error_one_warning(&run);
}

#[test]
fn fixture_has_the_accepted_and_ignored_files() {
    let pages = common::fixtures().join("mistakes/content/pages");
    let read =
        |name: &str| std::fs::read(pages.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(
        read("toegankelijkheid.nl.md")
            .windows(2)
            .any(|w| w == b"\r\n")
    );
    assert!(read("toegankelijkheid.en.md").starts_with(b"\xef\xbb\xbf---"));
    // Byte-order marks in files with mistakes: the excerpts must not show them.
    assert!(read("colofon.nl.md").starts_with(b"\xef\xbb\xbf---"));
    assert!(
        std::fs::read(pages.join("../festival/2025.yaml"))
            .expect("2025.yaml")
            .starts_with(b"\xef\xbb\xbfdate:")
    );
    // A page in a folder below content/pages/ (reported, not published).
    assert!(pages.join("oud/archief.nl.md").exists());
    assert!(pages.join(".toegankelijkheid.nl.md.swp").exists());
    assert!(pages.join("about.nl.md~").exists());
}

/// Two mistakes in the fields of one file: the second was only told once the first was mended,
/// a `check` later. Each field's mistake is told at once; a list left open, which may make
/// the parser misread what follows, still ends the file's report.
#[test]
fn every_field_with_a_mistake_is_told_at_once() {
    let site = Site::fixture("basic");
    let shared = site.read("content/press/bericht-1.yaml");
    site.write(
        "content/press/bericht-1.yaml",
        &format!("{shared}tags: [een, twee\n"),
    );
    site.write(
        "content/pages/about.nl.md",
        "---\ntitle: Over: ons\nsummary: \"Wie we zijn.\"\nimage_alt: @foto\n---\nTekst.\n",
    );
    let run = site.check();
    run.assert_code(1);
    for place in [
        "content/pages/about.nl.md:2:12: error: the front matter is not valid YAML",
        "content/pages/about.nl.md:4:12: error: the front matter is not valid YAML",
    ] {
        run.assert_says(place);
    }
    let in_shared = run.stderr.matches("content/press/bericht-1.yaml:").count();
    assert_eq!(in_shared, 1, "{}", run.stderr);
}
