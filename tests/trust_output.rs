//! What a build leaves in `public/` when it is killed: the old site or the new one, each in
//! full, never a mix; and the folders a killed build leaves beside it are removed by the next
//! build, while anything not made by wdhs stays. Runs the real (debug) binary: debug builds
//! stop dead at a named step of the commit when `WDHS_TEST_ABORT_AT` names it.

mod common;
use common::Site;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

type Snapshot = Vec<(String, Vec<u8>)>;

const TODAY: [&str; 2] = ["--today", "2026-01-01"];

/// The changes between the old site and the new one: a page edited, an entry removed (its pages
/// must come back if the build is killed before the swap), an entry added.
fn change(site: &Site) {
    let text = site
        .read("content/initiatives/molen.nl.md")
        .replace("De molen draait.", "De molen draait weer, na de storm.");
    site.write("content/initiatives/molen.nl.md", &text);
    for file in ["zorg.nl.md", "zorg.en.md", "zorg.yaml"] {
        site.remove(&format!("content/initiatives/{file}"));
    }
    add_entry(site, "nieuw", "Nieuwe molen");
}

fn add_entry(site: &Site, stem: &str, name: &str) {
    site.write(
        &format!("content/initiatives/{stem}.yaml"),
        &format!("name: \"{name}\"\nplace: \"Reduzum\"\nprovince: Friesland\nthemes: [energie]\ngoals: [1]\n"),
    );
    site.write(
        &format!("content/initiatives/{stem}.nl.md"),
        &format!("---\nsummary: \"Over {name}.\"\n---\nDe tekst over {name}.\n"),
    );
    site.write(
        &format!("content/initiatives/{stem}.en.md"),
        &format!("---\nsummary: \"About {name}.\"\n---\nThe text about {name}.\n"),
    );
}

/// The site `site`'s content builds to, from a build into a folder of its own.
fn clean_build(site: &Site, name: &str) -> Snapshot {
    site.run(&["build", TODAY[0], TODAY[1], "--output", name])
        .assert_code(0);
    let snapshot = site.snapshot(name);
    std::fs::remove_dir_all(site.path().join(name)).expect("rm");
    snapshot
}

fn build_with(site: &Site, variables: &[(&str, &str)]) -> common::Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wdhs"));
    command
        .args(["build", TODAY[0], TODAY[1]])
        .current_dir(site.path());
    for (name, value) in variables {
        command.env(name, value);
    }
    common::Run::from(command.output().expect("run wdhs"))
}

/// The names beside the output that start with `.public.staging-` or `.old-output-`.
fn staging_folders(site: &Site) -> Vec<String> {
    std::fs::read_dir(site.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.staging-") || n.starts_with(".old-output-"))
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    Old,
    New,
}

/// Builds the old site (`rebuilds` times: the first rebuild makes the spare tree, later ones
/// reuse it), changes the content, kills the build at `step`, and checks what is left.
fn killed_at(step: &str, rebuilds: usize, expect: Expect) {
    let site = Site::fixture("basic");
    for _ in 0..=rebuilds {
        site.build().assert_code(0);
    }
    let old = site.snapshot("public");
    change(&site);
    let new = clean_build(&site, "clean");
    assert!(old != new);
    let run = build_with(&site, &[("WDHS_TEST_ABORT_AT", step)]);
    assert_eq!(
        run.code, -1,
        "{step}: the build was not stopped\n{}",
        run.stdout
    );
    let left = site.snapshot("public");
    let wanted = if expect == Expect::Old { &old } else { &new };
    assert!(
        left == *wanted,
        "{step} after {rebuilds} rebuilds: public/ is not the {expect:?} site"
    );
    // The next build finishes the job and leaves nothing behind.
    site.build().assert_code(0);
    assert!(site.snapshot("public") == new, "{step}: the build after");
    assert_eq!(staging_folders(&site), Vec::<String>::new(), "{step}");
}

#[test]
fn a_build_killed_at_any_step_of_the_commit_leaves_the_old_or_the_new_site() {
    for rebuilds in [0, 2] {
        killed_at("commit", rebuilds, Expect::Old);
        // The spare tree holds the whole new site; the output is still the old one.
        killed_at("spare-ready", rebuilds, Expect::Old);
        killed_at("exchanged", rebuilds, Expect::New);
    }
}

#[test]
fn a_first_build_killed_before_its_rename_leaves_no_output_and_its_folder_is_removed() {
    let site = Site::fixture("basic");
    let run = build_with(&site, &[("WDHS_TEST_ABORT_AT", "commit")]);
    assert_eq!(run.code, -1);
    assert!(!site.exists("public"), "a half site was published");
    assert_eq!(staging_folders(&site).len(), 1, "the killed build's folder");
    site.build().assert_code(0);
    assert_eq!(staging_folders(&site), Vec::<String>::new());
    assert!(site.snapshot("public") == clean_build(&site, "clean"));
}

/// Where the folders cannot be swapped (no exchange on this file system; an output that is a
/// link), the changed files are moved in one by one: the result is the same site.
#[test]
fn without_the_exchange_a_rebuild_still_gives_exactly_the_new_site() {
    for switch in ["WDHS_TEST_NO_EXCHANGE", "WDHS_TEST_NO_SWAP"] {
        let site = Site::fixture("basic");
        site.build().assert_code(0);
        let unrelated = inode(&site.path().join("public/en/about/index.html"));
        change(&site);
        build_with(&site, &[(switch, "1")]).assert_code(0);
        assert!(
            site.snapshot("public") == clean_build(&site, "clean"),
            "{switch}: not the new site"
        );
        assert_eq!(
            unrelated,
            inode(&site.path().join("public/en/about/index.html")),
            "{switch}: an unchanged page was rewritten"
        );
        assert_eq!(staging_folders(&site), Vec::<String>::new(), "{switch}");
    }
}

fn inode(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).expect("stat"))
}

#[test]
fn an_output_that_is_a_link_is_updated_where_it_points() {
    let site = Site::fixture("basic");
    std::fs::create_dir(site.path().join("real-public")).expect("mkdir");
    std::os::unix::fs::symlink("real-public", site.path().join("public")).expect("symlink");
    site.build().assert_code(0);
    change(&site);
    site.build().assert_code(0);
    assert!(
        std::fs::symlink_metadata(site.path().join("public"))
            .expect("stat")
            .file_type()
            .is_symlink(),
        "the link was replaced"
    );
    assert!(site.snapshot("real-public") == clean_build(&site, "clean"));
}

/// The folders a killed build leaves are ours by their exact names, beside the output: a
/// staging folder is `.public.staging-` and six letters or digits, a moved-aside old output is
/// `.old-output-` and six letters or digits holding only `site`. Everything else stays.
#[test]
fn leftovers_of_killed_builds_are_removed_and_nothing_else() {
    let site = Site::fixture("basic");
    site.build().assert_code(0);
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("keep.txt"), "not wdhs's").expect("write");
    let ours = [
        ".public.staging-Ab3dE9/pers/x/index.html",
        ".public.staging-000000/index.html",
        ".old-output-Q1w2E3/site/index.html",
    ];
    let not_ours = [
        ".public.staging-notours/index.html",
        ".public.staging-abc12/index.html",
        ".public.staging-ab_12x/index.html",
        ".clean.staging-Ab3dE9/index.html",
        ".old-output-Z9y8X7/notes.txt",
        "content/.public.staging-Ab3dE9/index.html",
        "public.staging-Ab3dE9/index.html",
    ];
    for file in ours.iter().chain(&not_ours) {
        site.write(file, "x");
    }
    site.write(".public.staging-xyz789", "a file, not a folder");
    std::os::unix::fs::symlink(outside.path(), site.path().join(".public.staging-lnk123"))
        .expect("symlink");
    site.build().assert_code(0);
    for file in ours {
        let folder = file.split('/').next().expect("folder");
        assert!(!site.exists(folder), "{folder} was left");
    }
    for file in not_ours {
        assert!(site.exists(file), "{file} was removed");
    }
    assert!(site.exists(".public.staging-xyz789"));
    assert!(
        std::fs::symlink_metadata(site.path().join(".public.staging-lnk123")).is_ok(),
        "a link named like a staging folder was removed"
    );
    assert!(outside.path().join("keep.txt").exists());
}

/// A site big enough for a debug build to take a while: `n` more initiatives, each in both
/// languages, in version `version` (the versions differ in some pages and some entries).
fn grow(site: &Site, n: usize, version: usize) {
    for i in 0..n {
        let stem = format!("gen-{i:04}");
        let present = match i % 10 {
            3 => version == 0,
            7 => version == 1,
            _ => true,
        };
        if !present {
            for file in [".yaml", ".nl.md", ".en.md"] {
                let _ = std::fs::remove_file(
                    site.path()
                        .join(format!("content/initiatives/{stem}{file}")),
                );
            }
            continue;
        }
        let edit = if i % 4 == 0 { version } else { 0 };
        add_entry(site, &stem, &format!("Initiatief {i} versie {edit}"));
    }
}

/// A small random number generator (xorshift), seeded from the clock: each run kills at other
/// moments, and the seed is printed with any failure.
struct Random(u64);

impl Random {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below.max(1)
    }
}

/// A real `kill -9` at random moments of builds over an existing output, of a site large enough
/// that the moments fall in rendering, writing and the commit: `public/` is always exactly one
/// of the two sites.
#[test]
fn a_build_killed_at_a_random_moment_leaves_one_whole_site() {
    const ENTRIES: usize = 150;
    let site = Site::fixture("basic");
    grow(&site, ENTRIES, 1);
    let sites = [
        {
            grow(&site, ENTRIES, 0);
            clean_build(&site, "site-0")
        },
        {
            grow(&site, ENTRIES, 1);
            clean_build(&site, "site-1")
        },
    ];
    assert!(sites[0] != sites[1]);
    // Version 1 is in place: published, then version 0 over it (which makes the spare tree),
    // then version 1 again; the last two show how long a build with changes takes.
    site.build().assert_code(0);
    let mut duration = 0;
    for version in [0, 1] {
        grow(&site, ENTRIES, version);
        let started = Instant::now();
        site.build().assert_code(0);
        duration = duration.max(started.elapsed().as_millis() as u64);
    }
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_nanos() as u64
        | 1;
    let mut random = Random(seed);
    let mut current = 1;
    let mut content = 1;
    for attempt in 0..5 {
        let next = 1 - current;
        grow(&site, ENTRIES, next);
        content = next;
        // Each attempt in its own fifth of the build's time (and a little after it ends).
        let stratum = duration * 6 / 25;
        let delay = stratum * attempt + random.next(stratum);
        let mut child = Command::new(env!("CARGO_BIN_EXE_wdhs"))
            .args(["build", TODAY[0], TODAY[1]])
            .current_dir(site.path())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let status = child.wait().expect("wait");
        let left = site.snapshot("public");
        let found = sites.iter().position(|s| *s == left);
        assert!(
            found.is_some(),
            "attempt {attempt}, seed {seed}: killed after {delay} ms (of about {duration}), public/ is neither site ({status})"
        );
        current = found.unwrap_or(current);
        println!(
            "attempt {attempt}: killed after {delay} ms of about {duration}: the {} site",
            if current == next { "new" } else { "old" }
        );
    }
    site.build().assert_code(0);
    assert!(site.snapshot("public") == sites[content], "the build after");
    assert_eq!(staging_folders(&site), Vec::<String>::new());
}
