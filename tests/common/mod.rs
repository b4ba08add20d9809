//! Shared helpers for the integration tests: copy a fixture site to a temporary folder, run the
//! real `wdhs` binary on it, and read what it wrote.
#![allow(dead_code)]

pub mod server;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A PDF of one empty page that readers open, with a stream of `padding` spaces in it (for a
/// large file): what a document beside the content must be to be published.
pub fn pdf(padding: usize) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut document = Document::with_version("1.7");
    let pages = document.new_object_id();
    let page = document.add_object(dictionary! { "Type" => "Page", "Parent" => pages });
    let kids = dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 };
    document.objects.insert(pages, Object::Dictionary(kids));
    let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    document.trailer.set("Root", catalog);
    if padding > 0 {
        document.add_object(Stream::new(dictionary! {}, vec![b' '; padding]));
    }
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).expect("save");
    bytes
}

/// An office file (a ZIP archive) of these parts (name, text), packed as office programs pack
/// them.
pub fn office(parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        archive.start_file(*name, options).expect("part");
        archive.write_all(text.as_bytes()).expect("write");
    }
    archive.finish().expect("finish").into_inner()
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real binary, speaking English (the tests' expected messages are English unless a test
/// asks for Dutch with `--lang nl`), whatever the machine's locale.
pub fn wdhs() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wdhs"));
    command.env("WDHS_LANG", "en");
    command
}

/// The lines `reader` gives, as they come, on a thread of their own (a server's stdout).
pub fn lines(reader: impl std::io::Read + Send + 'static) -> std::sync::mpsc::Receiver<String> {
    use std::io::BufRead;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(reader)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// A copy of `tests/fixtures/<name>` in a fresh temporary folder.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    pub fn fixture(name: &str) -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&fixtures().join(name), dir.path());
        Site { dir }
    }

    pub fn empty() -> Site {
        Site {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, relative: &str, text: &str) {
        self.write_bytes(relative, text.as_bytes());
    }

    pub fn write_bytes(&self, relative: &str, bytes: &[u8]) {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }

    /// `build` and `check` both fail with each of `expected` on stderr, and a first build
    /// publishes nothing.
    pub fn assert_refused(&self, expected: &[&str]) {
        for run in [self.check(), self.build()] {
            run.assert_code(1);
            for text in expected {
                assert!(
                    run.stderr.contains(text),
                    "expected {text:?} in\n{}",
                    run.stderr
                );
            }
        }
        assert!(
            !self.exists("public"),
            "a failed first build publishes nothing"
        );
    }

    /// Writes `relative` in one step, as editors that save through a temporary file do: the
    /// text is written beside the site's folders (where `serve` does not watch) and renamed
    /// into place, so a watcher never sees the file empty or half written. Tests that time a
    /// rebuild per save use this: on a loaded machine, a plain write can be seen between its
    /// truncation and its text, and start a rebuild of its own.
    pub fn replace(&self, relative: &str, text: &str) {
        self.replace_bytes(relative, text.as_bytes());
    }

    /// `replace` for a file that is not text.
    pub fn replace_bytes(&self, relative: &str, bytes: &[u8]) {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        let temporary = self.path().join(".wdhs-test-save");
        std::fs::write(&temporary, bytes).expect("write");
        std::fs::rename(&temporary, path).expect("rename");
    }

    pub fn remove(&self, relative: &str) {
        std::fs::remove_file(self.path().join(relative)).expect("remove");
    }

    /// Runs `wdhs <args> --root <site>` in the site's folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = wdhs()
            .args(args)
            .current_dir(self.path())
            .output()
            .expect("run wdhs");
        Run::from(output)
    }

    pub fn build(&self) -> Run {
        self.run(&["build", "--today", "2026-01-01"])
    }

    pub fn check(&self) -> Run {
        self.run(&["check", "--today", "2026-01-01"])
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path().join(relative))
            .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
    }

    pub fn exists(&self, relative: &str) -> bool {
        self.path().join(relative).exists()
    }

    /// Every file below `relative` with its bytes, sorted: for comparing two builds.
    pub fn snapshot(&self, relative: &str) -> Vec<(String, Vec<u8>)> {
        let base = self.path().join(relative);
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&base)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(&base)
                    .expect("prefix")
                    .to_string_lossy()
                    .replace('\\', "/");
                (rel, std::fs::read(e.path()).expect("read"))
            })
            .collect();
        files.sort();
        files
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts that the run said `text` on stderr; shows all it said when it did not.
    pub fn assert_says(&self, text: &str) -> &Self {
        assert!(
            self.stderr.contains(text),
            "{text}\n--- stderr\n{}",
            self.stderr
        );
        self
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Runs git in the site's folder as a fixed author, with both commit dates set to `date`.
pub fn git(site: &Site, args: &[&str], date: &str) {
    let output = Command::new("git")
        .args([
            "-c",
            "user.email=test@example.org",
            "-c",
            "user.name=Test",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(site.path())
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git");
    assert!(output.status.success(), "git {args:?}");
}

/// Makes the site a git repository with everything in one first commit made on `date`.
pub fn git_first_commit(site: &Site, date: &str) {
    git(site, &["init", "-q"], date);
    git(site, &["add", "-A"], date);
    git(site, &["commit", "-qm", "first"], date);
}
