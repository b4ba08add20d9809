//! `wdhs serve`'s incremental rebuilds make exactly what a full `wdhs build` makes, for every
//! kind of content and every kind of change: an edit, a new file and a removed file of goals,
//! partners, press releases, initiatives, festival editions, pages, the home page, `site.yaml`
//! and the site's own theme.
//!
//! One test per kind, one server per test. After each save the test waits for the rebuild it
//! starts (the `rebuilt in …` line), builds the site afresh for the server's address and
//! compares every file of that build with what the server answers at its address (pages without
//! the live-reload script), byte for byte; and every file the server could still answer that the
//! fresh build does not have (in its preview folder, or built after an earlier step) must be a
//! 404. A failure names the kind, the step and every file that differs.

mod common;
use common::Site;
use common::server::{self, Server};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One server on a copy of the `basic` fixture, and the steps of one kind.
struct Session {
    // Dropped first: the server stops (and removes its preview) before its folders go.
    server: Server,
    site: Site,
    /// The server's temporary folder (`TMPDIR`), which holds its preview folder.
    _temp: tempfile::TempDir,
    /// The folder the server serves from (`<TMPDIR>/wdhs-serve-*/site`).
    preview: PathBuf,
    kind: &'static str,
    /// Steps compared so far (each fresh build gets a folder of its own).
    steps: usize,
    /// Every file a fresh build of this session has made.
    ever_built: BTreeSet<String>,
}

impl Session {
    /// A server on the `basic` fixture, after `prepare` (run before the server starts), with the
    /// first build compared.
    fn start(kind: &'static str, prepare: impl FnOnce(&Site)) -> Session {
        Session::start_on("basic", kind, &[], prepare)
    }

    /// The same on another fixture, with more environment `variables` for the server.
    fn start_on(
        fixture: &str,
        kind: &'static str,
        variables: &[(&str, &str)],
        prepare: impl FnOnce(&Site),
    ) -> Session {
        let mut session = Session::launch(fixture, kind, variables, prepare);
        session.compare("first build");
        session
    }

    /// A server on `fixture`, its first build not compared (it may fail).
    fn launch(
        fixture: &str,
        kind: &'static str,
        variables: &[(&str, &str)],
        prepare: impl FnOnce(&Site),
    ) -> Session {
        let site = Site::fixture(fixture);
        prepare(&site);
        let temp = tempfile::tempdir().expect("temporary folder");
        let mut environment = vec![("TMPDIR", temp.path().to_str().expect("a UTF-8 path"))];
        environment.extend_from_slice(variables);
        let server = server::start_with(&site, &environment);
        let preview = preview_folder(temp.path());
        Session {
            server,
            site,
            _temp: temp,
            preview,
            kind,
            steps: 0,
            ever_built: BTreeSet::new(),
        }
    }

    /// Saves `text` at `path` (a new file, or all of one), as editors save: in one step.
    fn save(&mut self, step: &str, path: &str, text: &str) {
        self.change(step, |site| site.replace(path, text));
    }

    /// Edits the file at `path`: each `(old, new)` replaces the one `old` in it.
    fn edit(&mut self, step: &str, path: &str, replacements: &[(&str, &str)]) {
        let mut text = self.site.read(path);
        for (old, new) in replacements {
            assert_eq!(
                text.matches(old).count(),
                1,
                "{}, step `{step}`: `{old}` is not once in {path}:\n{text}",
                self.kind
            );
            text = text.replacen(old, new, 1);
        }
        self.save(step, path, &text);
    }

    /// Adds `line` at the end of the file at `path`.
    fn append(&mut self, step: &str, path: &str, line: &str) {
        let text = format!("{}\n{line}\n", self.site.read(path).trim_end());
        self.save(step, path, &text);
    }

    fn remove(&mut self, step: &str, path: &str) {
        self.change(step, |site| site.remove(path));
    }

    /// Makes the change, waits for the rebuild it starts (which must succeed) and compares.
    fn change(&mut self, step: &str, change: impl FnOnce(&Site)) {
        self.server.forget_output();
        change(&self.site);
        let Some(rebuild) = self.server.next_rebuild_within(server::WAIT) else {
            panic!(
                "{}, step `{step}`: serve did not rebuild within {:?}",
                self.kind,
                server::WAIT
            );
        };
        if rebuild.failed() {
            panic!(
                "{}, step `{step}`: serve's rebuild failed ({}; {}):\n{}",
                self.kind,
                rebuild.changed,
                rebuild.summary,
                self.server.printed_problems().join("\n")
            );
        }
        self.compare(step);
    }

    /// Compares a fresh full build with what the server serves, both ways.
    fn compare(&mut self, step: &str) {
        let kind = self.kind;
        let address = self.server.address.clone();
        let output = format!("fresh-{}", self.steps);
        self.steps += 1;
        let base_url = format!("http://{address}/");
        let run = self
            .site
            .run(&["build", "--output", &output, "--base-url", &base_url]);
        assert_eq!(
            run.code, 0,
            "{kind}, step `{step}`: the full build failed (the step left the site broken)\n{}\n{}",
            run.stdout, run.stderr
        );
        let built = self.site.snapshot(&output);
        let built_paths: BTreeSet<String> = built.iter().map(|(path, _)| path.clone()).collect();
        let mut problems = Vec::new();
        // Every file of the build is served, with the same bytes.
        for (path, bytes) in &built {
            match server::served_as_file(&address, path) {
                Err(status) => problems.push(format!(
                    "  {path}: built, but serve answers {status} at {}",
                    server::url_of(path)
                )),
                Ok(served) if served != *bytes => problems.push(format!(
                    "  {path}: served differs from built\n{}",
                    server::first_difference(bytes, &served)
                )),
                Ok(_) => {}
            }
        }
        // Nothing else is: not what the preview folder still has, nor what earlier builds made.
        let left_over: BTreeSet<String> = files_below(&self.preview)
            .into_iter()
            .chain(self.ever_built.iter().cloned())
            .filter(|path| !built_paths.contains(path))
            .collect();
        for path in &left_over {
            let url = server::url_of(path);
            let status = server::request(&address, &url).status;
            if status != 404 {
                problems.push(format!(
                    "  {path}: not built, but serve answers {status} at {url}"
                ));
            }
        }
        let _ = std::fs::remove_dir_all(self.site.path().join(&output));
        self.ever_built.extend(built_paths);
        assert!(
            problems.is_empty(),
            "{kind}, step `{step}`: {} of {} built files (and {} left-over addresses) not served as built:\n{}",
            problems.len(),
            built.len(),
            left_over.len(),
            problems.join("\n")
        );
    }
}

/// The folder a server with `TMPDIR` at `temp` serves from.
fn preview_folder(temp: &Path) -> PathBuf {
    let folders: Vec<PathBuf> = (server::previews(temp).into_iter())
        .map(|preview| preview.join("site"))
        .collect();
    assert_eq!(folders.len(), 1, "one preview folder: {folders:?}");
    folders.into_iter().next().expect("a preview folder")
}

/// Every file below `folder`, by its path there (with `/`).
fn files_below(folder: &Path) -> Vec<String> {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let relative = e.path().strip_prefix(folder).ok()?;
            Some(relative.to_string_lossy().replace('\\', "/"))
        })
        .collect()
}

#[test]
fn goals() {
    let mut s = Session::start("goal", |_| {});
    // Edits: a title and a sentence; the English text; a shared field (the target year).
    s.edit(
        "edit the Dutch title and text",
        "content/goals/eerste.nl.md",
        &[
            ("\"Samen is normaal\"", "\"Samen doen is normaal\""),
            ("Omdat het kan.", "Omdat het kan. En omdat het werkt."),
        ],
    );
    s.append(
        "edit the English text",
        "content/goals/tweede.en.md",
        "Residents have a say in what happens to their village.",
    );
    s.edit(
        "edit the target year (shared file)",
        "content/goals/eerste.yaml",
        &[("target_year: 2030", "target_year: 2032")],
    );
    // A new goal: its shared file, then the Dutch and the English text.
    s.save(
        "add a shared file",
        "content/goals/derde.yaml",
        "number: 3\ntarget_year: 2031\n",
    );
    s.save(
        "add the Dutch file",
        "content/goals/derde.nl.md",
        "---\ntitle: \"Eigen plek\"\nsummary: \"Bewoners hebben een eigen plek.\"\n---\nEen plek om samen te komen.\n",
    );
    s.save(
        "add the English file",
        "content/goals/derde.en.md",
        "---\ntitle: \"A place of our own\"\nsummary: \"Residents have a place of their own.\"\nslug: a-place\n---\nA place to meet.\n",
    );
    // Its number changes (no other entry names goal 3): the goal's number is on its pages and
    // cards.
    s.edit(
        "edit the number",
        "content/goals/derde.yaml",
        &[("number: 3", "number: 7")],
    );
    s.edit(
        "edit the English slug",
        "content/goals/derde.en.md",
        &[("slug: a-place", "slug: own-place")],
    );
    // Removed again, file by file.
    s.remove("remove the English file", "content/goals/derde.en.md");
    s.remove("remove the Dutch file", "content/goals/derde.nl.md");
    s.remove("remove the shared file", "content/goals/derde.yaml");
}

#[test]
fn partners() {
    let mut s = Session::start("partner", |_| {});
    // A new name moves Alfa after Beta in the list (the press releases name "Alfa Vereniging" as
    // their press contact: no longer a partner's name).
    s.edit(
        "edit the name (shared file)",
        "content/partners/alfa.yaml",
        &[("name: \"Alfa Vereniging\"", "name: \"Zeta Vereniging\"")],
    );
    s.edit(
        "edit the Dutch summary and text",
        "content/partners/alfa.nl.md",
        &[
            (
                "\"Landelijke vereniging.\"",
                "\"Een landelijke vereniging.\"",
            ),
            (
                "Alfa is een vereniging.",
                "Alfa is een vereniging van bewoners.",
            ),
        ],
    );
    s.edit(
        "edit the role (moves between groups)",
        "content/partners/beta.yaml",
        &[("role: signatory", "role: core")],
    );
    s.append(
        "edit the English text",
        "content/partners/beta.en.md",
        "Beta signed in 2024.",
    );
    // A new partner, file by file.
    s.save(
        "add a shared file",
        "content/partners/gamma.yaml",
        "name: \"Gamma Netwerk\"\nurl: \"https://gamma.example.org\"\nrole: signatory\njoined: 2025-06\nshort_name: \"Gamma\"\n",
    );
    s.save(
        "add the Dutch file",
        "content/partners/gamma.nl.md",
        "---\nsummary: \"Netwerk van buurthuizen.\"\n---\nGamma verbindt buurthuizen.\n",
    );
    s.save(
        "add the English file",
        "content/partners/gamma.en.md",
        "---\nsummary: \"Network of community centres.\"\n---\nGamma connects community centres.\n",
    );
    s.edit(
        "edit the new partner's name (moves it to the front)",
        "content/partners/gamma.yaml",
        &[("name: \"Gamma Netwerk\"", "name: \"Aardig Netwerk\"")],
    );
    s.remove("remove the English file", "content/partners/gamma.en.md");
    s.remove("remove the Dutch file", "content/partners/gamma.nl.md");
    s.remove("remove the shared file", "content/partners/gamma.yaml");
}

#[test]
fn press_releases() {
    let mut s = Session::start("press release", |_| {});
    s.edit(
        "edit the Dutch title and text",
        "content/press/bericht-2.nl.md",
        &[
            ("\"Bericht 2\"", "\"Bericht twee\""),
            ("Tekst van bericht 2", "De nieuwe tekst van bericht 2"),
        ],
    );
    // Release 1 becomes the newest: it moves from the second page of the list to the first.
    s.edit(
        "edit the date (moves it in the list)",
        "content/press/bericht-1.yaml",
        &[("date: 2024-01-11", "date: 2024-03-20")],
    );
    // Renamed, with its old address kept: that address sends the reader on.
    s.edit(
        "edit the English slug, keeping the old address",
        "content/press/bericht-3.en.md",
        &[(
            "slug: release-3",
            "slug: third-release\naliases: [/en/press/release-3/]",
        )],
    );
    s.edit(
        "give a release an old address in its shared file",
        "content/press/bericht-1.yaml",
        &[(
            "goals: [1]",
            "goals: [1]\naliases: [/nieuws/bericht-1.html]",
        )],
    );
    s.edit(
        "take the old address away",
        "content/press/bericht-1.yaml",
        &[("\naliases: [/nieuws/bericht-1.html]", "")],
    );
    s.edit(
        "edit the partners and goals it names",
        "content/press/bericht-2.yaml",
        &[
            ("partners: [alfa]", "partners: [beta]"),
            ("goals: [1]", "goals: [2]"),
        ],
    );
    // A new release, file by file: its shared file first (no language file yet: nothing
    // published), then the Dutch and the English text.
    s.save(
        "add a shared file",
        "content/press/bericht-4.yaml",
        "date: 2024-04-01\npartners: [alfa, beta]\ngoals: [1, 2]\npress_contact: \"Beta\"\n",
    );
    s.save(
        "add the Dutch file",
        "content/press/bericht-4.nl.md",
        "---\ntitle: \"Bericht 4\"\nsummary: \"Samenvatting 4.\"\n---\nTekst van bericht 4.\n",
    );
    s.save(
        "add the English file",
        "content/press/bericht-4.en.md",
        "---\ntitle: \"Release 4\"\nsummary: \"Summary 4.\"\nslug: release-4\n---\nText of release 4.\n",
    );
    // An older one makes a third page of the list.
    s.save(
        "add a Dutch-only release with its fields in the file",
        "content/press/bericht-0.nl.md",
        "---\ntitle: \"Bericht 0\"\nsummary: \"Samenvatting 0.\"\ndate: 2023-01-01\npartners: [alfa]\n---\nTekst van bericht 0.\n",
    );
    s.remove(
        "remove the Dutch-only release",
        "content/press/bericht-0.nl.md",
    );
    s.remove("remove the English file", "content/press/bericht-4.en.md");
    s.remove("remove the Dutch file", "content/press/bericht-4.nl.md");
    s.remove("remove the shared file", "content/press/bericht-4.yaml");
    // An original release goes entirely: the list shrinks to one page in English.
    s.remove(
        "remove an original release's English file",
        "content/press/bericht-3.en.md",
    );
    s.remove(
        "remove an original release's Dutch file",
        "content/press/bericht-3.nl.md",
    );
    s.remove(
        "remove an original release's shared file",
        "content/press/bericht-3.yaml",
    );
}

#[test]
fn initiatives() {
    let mut s = Session::start("initiative", |_| {});
    s.edit(
        "edit the Dutch summary and text",
        "content/initiatives/molen.nl.md",
        &[
            (
                "\"Een molen van het dorp.\"",
                "\"Een windmolen van het dorp.\"",
            ),
            ("De molen draait.", "De molen draait al dertig jaar."),
        ],
    );
    // A new name moves it in the directory (two a page).
    s.edit(
        "edit the name (moves it in the directory)",
        "content/initiatives/molen.yaml",
        &[("name: \"Dorpsmolen\"", "name: \"Zuidermolen\"")],
    );
    // A new province: its province page comes, the old one (no initiative left) goes.
    s.edit(
        "edit the province",
        "content/initiatives/zorg.yaml",
        &[("province: Noord-Brabant", "province: Zeeland")],
    );
    s.edit(
        "edit the themes",
        "content/initiatives/alleen-nl.yaml",
        &[("themes: [zorg, energie]", "themes: [zorg]")],
    );
    // Its name is in the English directory's notice of untranslated initiatives.
    s.edit(
        "rename the initiative without a translation",
        "content/initiatives/alleen-nl.yaml",
        &[("name: \"", "name: \"Nieuw: ")],
    );
    // A new initiative, file by file, in a province that has none.
    s.save(
        "add a shared file",
        "content/initiatives/buurt.yaml",
        "name: \"Buurtkracht\"\nplace: \"Venlo\"\nprovince: Limburg\nthemes: [energie]\ngoals: [2]\nfounded: 2019\n",
    );
    s.save(
        "add the Dutch file",
        "content/initiatives/buurt.nl.md",
        "---\nsummary: \"Energie uit de buurt.\"\n---\nDe buurt wekt samen stroom op.\n",
    );
    s.save(
        "add the English file",
        "content/initiatives/buurt.en.md",
        "---\nsummary: \"Energy from the neighbourhood.\"\nslug: neighbourhood-power\n---\nThe neighbourhood makes power together.\n",
    );
    s.remove("remove the English file", "content/initiatives/buurt.en.md");
    s.remove("remove the Dutch file", "content/initiatives/buurt.nl.md");
    s.remove("remove the shared file", "content/initiatives/buurt.yaml");
    // An original initiative (Dutch only) goes entirely.
    s.remove(
        "remove an original initiative's Dutch file",
        "content/initiatives/alleen-nl.nl.md",
    );
    s.remove(
        "remove an original initiative's shared file",
        "content/initiatives/alleen-nl.yaml",
    );
}

#[test]
fn festival_editions() {
    let mut s = Session::start("festival", |_| {});
    s.edit(
        "edit the Dutch title and text",
        "content/festival/2027.nl.md",
        &[
            (
                "title: \"Festival 2027\"",
                "title: \"Festival 2027: samen\"",
            ),
            (
                "Een dag om elkaar te ontmoeten.",
                "Een dag om elkaar te ontmoeten en van elkaar te leren.",
            ),
        ],
    );
    s.edit(
        "edit the programme (English)",
        "content/festival/2027.en.md",
        &[("title: \"Closing\"", "title: \"Closing drinks\"")],
    );
    // The calendar file follows the venue and date.
    s.edit(
        "edit the date and venue (shared file)",
        "content/festival/2027.yaml",
        &[
            ("date: 2027-04-10", "date: 2027-05-15"),
            ("venue: \"Prodentfabriek\"", "venue: \"De Fabriek\""),
        ],
    );
    s.edit(
        "edit a past edition's partners",
        "content/festival/2024.yaml",
        &[("partners: [alfa]", "partners: [alfa, beta]")],
    );
    // A new (past) edition between the two, file by file.
    s.save(
        "add a shared file",
        "content/festival/2025.yaml",
        "date: 2025-05-17\nvenue: \"Buurthuis De Brug\"\naddress: \"Brugstraat 1\"\ncity: \"Zwolle\"\npartners: [beta]\n",
    );
    s.save(
        "add the Dutch file",
        "content/festival/2025.nl.md",
        "---\ntitle: \"Festival 2025\"\nsummary: \"Het festival van 2025.\"\nprogramme:\n  - time: \"10.00\"\n    title: \"Opening\"\n    description: \"Er werd geopend.\"\n---\nHet was een mooie dag.\n",
    );
    s.save(
        "add the English file",
        "content/festival/2025.en.md",
        "---\ntitle: \"Festival 2025\"\nsummary: \"The 2025 festival.\"\n---\nIt was a fine day.\n",
    );
    s.remove("remove the English file", "content/festival/2025.en.md");
    s.remove("remove the Dutch file", "content/festival/2025.nl.md");
    s.remove("remove the shared file", "content/festival/2025.yaml");
    // The coming edition goes: the home page no longer announces one.
    s.remove(
        "remove the coming edition's English file",
        "content/festival/2027.en.md",
    );
    s.remove(
        "remove the coming edition's Dutch file",
        "content/festival/2027.nl.md",
    );
    s.remove(
        "remove the coming edition's shared file",
        "content/festival/2027.yaml",
    );
}

#[test]
fn pages() {
    let mut s = Session::start("page", |_| {});
    s.edit(
        "edit the Dutch title and text",
        "content/pages/about.nl.md",
        &[
            ("title: \"Over ons\"", "title: \"Over de coalitie\""),
            (
                "Wij zijn een coalitie.",
                "Wij zijn een coalitie van bewoners.",
            ),
        ],
    );
    // The menu and the home page link to it: they follow its new address.
    s.edit(
        "edit the English slug",
        "content/pages/about.en.md",
        &[("slug: about", "slug: about-us")],
    );
    s.save(
        "add the Dutch file",
        "content/pages/contact.nl.md",
        "---\ntitle: \"Contact\"\nsummary: \"Zo bereik je ons.\"\n---\nSchrijf ons een brief.\n\n## Voor de pers {#pers}\n\nBel de persdienst.\n",
    );
    s.save(
        "add the English file",
        "content/pages/contact.en.md",
        "---\ntitle: \"Contact\"\nsummary: \"How to reach us.\"\n---\nWrite us a letter.\n\n## For the press {#press}\n\nCall the press office.\n",
    );
    // A link to the new page from the page that was there.
    s.append(
        "link to the new page",
        "content/pages/about.nl.md",
        "Neem [contact](@/pages/contact#pers) op.",
    );
    s.edit(
        "remove the link again",
        "content/pages/about.nl.md",
        &[("\nNeem [contact](@/pages/contact#pers) op.", "")],
    );
    s.remove("remove the English file", "content/pages/contact.en.md");
    s.remove("remove the Dutch file", "content/pages/contact.nl.md");
}

#[test]
fn home_page() {
    let mut s = Session::start("home", |_| {});
    s.edit(
        "edit the Dutch title, intro and text",
        "content/home.nl.md",
        &[
            ("title: \"Welkom\"", "title: \"Welkom bij de coalitie\""),
            (
                "\"Een testsite voor wdhs.\"",
                "\"Een kleine testsite voor wdhs.\"",
            ),
            (
                "en [ons](@/pages/about).",
                "en [ons](@/pages/about).\n\nSamen doen we het.",
            ),
        ],
    );
    s.edit(
        "edit the English intro",
        "content/home.en.md",
        &[(
            "\"A test site for wdhs.\"",
            "\"A small test site for wdhs.\"",
        )],
    );
    let english = s.site.read("content/home.en.md");
    // Without an English home page the site is still whole (a warning).
    s.remove("remove the English file", "content/home.en.md");
    s.save(
        "add the English file again",
        "content/home.en.md",
        &english.replace("A small test site", "A test site, again,"),
    );
    s.append(
        "link to a press release",
        "content/home.en.md",
        "See [the first release](@/press/bericht-1).",
    );
}

#[test]
fn site_settings() {
    let mut s = Session::start("site.yaml", |_| {});
    let path = "content/site.yaml";
    s.edit(
        "edit the title and tagline",
        path,
        &[
            (
                "title: { nl: \"Testsite\", en: \"Test site\" }",
                "title: { nl: \"Proefsite\", en: \"Trial site\" }",
            ),
            (
                "tagline: { nl: \"Samen testen\"",
                "tagline: { nl: \"Samen proberen\"",
            ),
        ],
    );
    // Three releases a page: the second page of the press list goes.
    s.edit(
        "edit the pagination",
        path,
        &[(
            "pagination: { press: 2, initiatives: 2 }",
            "pagination: { press: 3, initiatives: 1 }",
        )],
    );
    // Every press page moves to a new address.
    s.edit(
        "edit a section's address",
        path,
        &[(
            "press: { nl: pers, en: press }",
            "press: { nl: nieuws, en: news }",
        )],
    );
    s.edit(
        "edit the menu",
        path,
        &[(
            "menu: [goals, initiatives, press, partners, festival, \"page:about\"]",
            "menu: [\"page:about\", press, goals, initiatives]",
        )],
    );
    // New settings: a theme of initiatives no initiative has yet, a press address.
    s.edit(
        "add a theme",
        path,
        &[(
            "  zorg: { nl: \"Zorg\", en: \"Care\" }\n",
            "  zorg: { nl: \"Zorg\", en: \"Care\" }\n  wonen: { nl: \"Wonen\", en: \"Housing\" }\n",
        )],
    );
    s.edit(
        "add a press address and the number of goals",
        path,
        &[(
            "  organisation: \"Testcoalitie\"\n",
            "  organisation: \"Testcoalitie\"\n  press_email: \"pers@example.org\"\nprogramme_goals: 5\n",
        )],
    );
    s.edit(
        "remove the theme again",
        path,
        &[("  wonen: { nl: \"Wonen\", en: \"Housing\" }\n", "")],
    );
    s.edit(
        "remove the press address and the feed length",
        path,
        &[
            ("  press_email: \"pers@example.org\"\n", ""),
            ("feed_limit: 2", ""),
        ],
    );
}

/// Copies the theme of the repository into the site: the site has a theme of its own.
fn copy_theme(site: &Site) {
    common::copy_dir(
        &common::repo_root().join("themes/default"),
        &site.path().join("themes/default"),
    );
}

#[test]
fn theme() {
    let mut s = Session::start("theme", copy_theme);
    let page = "themes/default/templates/page.html";
    s.edit(
        "edit a template",
        page,
        &[(
            "<h1>{{ page.title }}</h1>",
            "<h1 class=\"page-title\">{{ page.title }}</h1>\n  <p>Een pagina van de coalitie.</p>",
        )],
    );
    s.edit(
        "edit the base template",
        "themes/default/templates/base.html",
        &[("</body>", "<!-- base edited -->\n</body>")],
    );
    // Made once and shown on many pages (the directory, goals, home); an entry edited after
    // them is shown with the edited template, not with a card kept from before.
    s.edit(
        "edit the card of an initiative",
        "themes/default/templates/partial_initiative_card.html",
        &[("<h3>", "<h3 class=\"card-title\">")],
    );
    s.edit(
        "edit the directory's filters",
        "themes/default/templates/partial_directory_filters.html",
        &[(
            "<h2>{{ group.title }}</h2>",
            "<h2 class=\"filter-title\">{{ group.title }}</h2>",
        )],
    );
    s.edit(
        "edit an initiative shown by the edited card",
        "content/initiatives/molen.nl.md",
        &[("Een molen van het dorp.", "De molen van het hele dorp.")],
    );
    s.append(
        "edit the style sheet",
        "themes/default/static/style.css",
        ".page-title { color: #123456; }",
    );
    s.edit(
        "edit a UI text (Dutch)",
        "themes/default/i18n/nl.yaml",
        &[(
            "skip_to_content: \"Naar de inhoud\"",
            "skip_to_content: \"Direct naar de inhoud\"",
        )],
    );
    s.edit(
        "edit a UI text (English)",
        "themes/default/i18n/en.yaml",
        &[(
            "skip_to_content: \"Skip to content\"",
            "skip_to_content: \"Skip to the content\"",
        )],
    );
    // New files: a partial (used once it exists), a static file.
    s.save(
        "add a template",
        "themes/default/templates/partial_note.html",
        "<p class=\"note\">{{ page.title }}: een notitie.</p>\n",
    );
    s.edit(
        "use the new template",
        page,
        &[(
            "  <div class=\"prose\">",
            "  {% include \"partial_note.html\" %}\n  <div class=\"prose\">",
        )],
    );
    s.save(
        "add a static file",
        "themes/default/static/pattern.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"5\" height=\"5\"/></svg>\n",
    );
    s.save(
        "add a file published at the root",
        "themes/default/static/root/humans.txt",
        "We Doen Het Samen\n",
    );
    // And removed again, with a file the theme came with.
    s.edit(
        "stop using the new template",
        page,
        &[("  {% include \"partial_note.html\" %}\n", "")],
    );
    s.remove(
        "remove a template",
        "themes/default/templates/partial_note.html",
    );
    s.remove("remove a static file", "themes/default/static/pattern.svg");
    s.remove(
        "remove a file published at the root",
        "themes/default/static/root/humans.txt",
    );
    s.remove(
        "remove a static file the theme came with",
        "themes/default/static/fonts/OFL.txt",
    );
}

/// The comparison itself: it sees a served file that differs from the built one, and a file
/// served that the build does not have.
/// A third language goes through the same mechanism: its texts, a translation that appears
/// or goes (the notices of untranslated pages in every language follow), and the language
/// becoming the default one (every address moves) and back. Its server writes every changed
/// file to its staging folder first, as a large site's first build does.
#[test]
fn a_third_language() {
    // Every changed file goes through the staging folder (a large first build's way).
    let mut s = Session::start_on(
        "frisian",
        "Frisian",
        &[("WDHS_SERVE_SPILL_FROM", "0")],
        |_| {},
    );
    s.edit(
        "edit a Frisian title",
        "content/press/bericht-1.fy.md",
        &[("title: ", "title: \"Nij: \" # ")],
    );
    s.save(
        "translate release 2 into Frisian",
        "content/press/bericht-2.fy.md",
        "---\ntitle: \"Berjocht 2\"\nsummary: \"Gearfetting 2.\"\n---\nTekst fan berjocht 2.\n",
    );
    s.remove(
        "remove a Frisian initiative",
        "content/initiatives/molen.fy.md",
    );
    let config = s.site.read("content/site.yaml");
    s.edit(
        "make Frisian the default language",
        "content/site.yaml",
        &[("languages: [nl, en, fy]", "languages: [fy, nl, en]")],
    );
    s.save("make Dutch the default again", "content/site.yaml", &config);
}

/// A first build writes its files as it renders them once past the spill threshold (0 here):
/// one that then fails (a page at the search page's address) leaves nothing served, and the
/// mended site is served as built, with nothing left over.
#[test]
fn a_first_build_that_fails_while_rendering_leaves_nothing_served() {
    let mut s = Session::launch(
        "frisian",
        "broken first build",
        &[("WDHS_SERVE_SPILL_FROM", "0")],
        |site| {
            let about = site.read("content/pages/about.fy.md");
            site.write(
                "content/pages/about.fy.md",
                &about.replace("slug: oer-us", "slug: sykje"),
            );
        },
    );
    assert_eq!(files_below(&s.preview), Vec::<String>::new());
    s.edit(
        "mend the address",
        "content/pages/about.fy.md",
        &[("slug: sykje", "slug: oer-us")],
    );
}

#[test]
fn the_comparison_sees_a_changed_file_and_a_left_over_one() {
    let mut s = Session::start("self-check", |_| {});
    let compare = |s: &mut Session, step: &str| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| s.compare(step)))
    };
    let about = s.preview.join("over-ons/index.html");
    let original = std::fs::read(&about).expect("the about page in the preview");
    std::fs::write(&about, b"<html><body>changed</body></html>").expect("write");
    let changed = compare(&mut s, "a changed file");
    assert!(changed.is_err(), "a changed file was not seen");
    std::fs::write(&about, &original).expect("write");
    s.compare("the file back");
    let extra = s.preview.join("pers/bestaat-niet/index.html");
    std::fs::create_dir_all(extra.parent().expect("parent")).expect("mkdir");
    std::fs::write(&extra, &original).expect("write");
    let left_over = compare(&mut s, "a left-over file");
    assert!(left_over.is_err(), "a left-over file was not seen");
}
