//! The edit session of `wdhs serve`: what one build keeps for the next (the caches, what each
//! page was made from, the hash of every file written) and the rebuild that renders and writes
//! only what an edit changed. A failed build writes nothing: the last good site stays served.

use super::http::Shared;
use super::watch::only_entry_files;
use crate::build::{self, BuildOptions, DiskSources};
use crate::diagnostic::{self, Diagnostic, Diagnostics, Severity};
use crate::incremental::dependencies::{DependencyMap, Recorded};
use crate::incremental::{self, Caches, Partial};
use crate::render;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Files whose bytes changed since the last build, and every path produced when a full render
/// follows another: only then can a file written before be left over.
type RenderedOutputs = (Vec<ChangedOutput>, Option<HashSet<String>>);

/// An output file that changed: its path, where its bytes are, and its hash.
type ChangedOutput = (String, Bytes, u64);

/// Where the bytes of a changed output wait until the build is known to be good.
enum Bytes {
    /// Shared with what made it when it keeps them (`write::Content::Shared`).
    Memory(crate::write::Pieces),
    /// In the staging folder (past `SPILL_FROM`), to be moved into place.
    Staged,
    /// In the served folder already: nothing was served before (the first build), so a failed
    /// build empties it again.
    Written,
}

/// How many bytes of changed outputs a render keeps in memory before it writes the others to
/// a staging folder beside the served one, to be moved into place once the build is good. An
/// edit changes a few megabytes at most and stays in memory (writing in place is faster than
/// moving on ext4); a theme edit on a 10k site changes ~300 MB, which held in memory doubled
/// `serve`'s peak. (The first build writes every file as it is rendered.)
/// `WDHS_SERVE_SPILL_FROM` sets another number (the tests set 0, to move every file).
const SPILL_FROM: usize = 64 * 1024 * 1024;

fn spill_from() -> usize {
    std::env::var("WDHS_SERVE_SPILL_FROM")
        .ok()
        .and_then(|bytes| bytes.parse().ok())
        .unwrap_or(SPILL_FROM)
}

pub(super) struct Session {
    options: BuildOptions,
    /// Checked once for the session (`ImageCache::open`), its warnings printed at the start.
    image_cache: crate::image_cache::ImageCache,
    caches: Caches,
    /// `Site::frame` of the last good build.
    frame: Option<u64>,
    /// What each output of the last good render read, to render only what an edit changes.
    dependencies: Arc<DependencyMap>,
    /// What each page of the last good build was made from, to tell which pages the next
    /// one changes.
    published: incremental::Published,
    /// Whether the last build was good.
    pub(super) last_good: bool,
    /// Files changed since the last good build: what failed builds did not write.
    unwritten: Vec<PathBuf>,
    /// Output path → hash of what was written last, so unchanged files are not touched.
    written: HashMap<String, u64>,
    /// What a render wrote before the outputs that could wait were made (`render::BeforeLater`),
    /// taken into `written` when it ends, or after a fault in it.
    written_first: Mutex<HashMap<String, u64>>,
}

/// What a good rebuild did, for the line printed and the event sent to the tabs.
struct Rebuilt {
    partial: bool,
    pages: usize,
    changed: usize,
    removed: usize,
    css_only: bool,
    /// Whether the tabs were reloaded before the outputs that could wait were made.
    reloaded: bool,
    /// The outputs that went: a tab that shows one is reloaded again.
    gone: Vec<String>,
}

/// Whether what a render made before the outputs that could wait (`render::BeforeLater`) was
/// written (then the tabs were reloaded, and `Session::written_first` holds it), and if not why.
type WrittenFirst = Option<Result<(), Diagnostics>>;

impl Session {
    /// A session that has built nothing yet.
    pub(super) fn new(
        options: BuildOptions,
        image_cache: crate::image_cache::ImageCache,
    ) -> Session {
        Session {
            options,
            image_cache,
            written: HashMap::new(),
            written_first: Mutex::default(),
            caches: Caches::default(),
            frame: None,
            dependencies: Arc::default(),
            published: incremental::Published::default(),
            last_good: false,
            unwritten: Vec::new(),
        }
    }

    /// Builds the site into the served folder, writing only what changed; on errors keeps the
    /// last good site and pushes the errors to every tab. Returns the line to print.
    pub(super) fn rebuild(&mut self, shared: &Shared, changed_paths: &[PathBuf]) -> String {
        let started = Instant::now();
        let mut diagnostics = Diagnostics::new();
        let mut compiled =
            incremental::compile(&self.options, &self.caches, changed_paths, &mut diagnostics);
        self.unwritten.extend_from_slice(changed_paths);
        let line = self.render(shared, &compiled, diagnostics, started);
        // The placement lent its pages to the site (`resolve::KeptPlacement`).
        let pages = std::mem::take(&mut compiled.site.pages);
        self.caches.placement.give_back(pages);
        // Freeing the rest of a large site takes a few milliseconds: done beside the next edit.
        build::free_beside(compiled);
        line
    }

    /// After a fault of wdhs itself in `rebuild` (the panic hook has said it): forgets what was
    /// kept, which may be half brought up to date, and tells the tabs. The served site stays
    /// the last good one; the next save builds everything anew.
    pub(super) fn after_fault(&mut self, shared: &Shared, changed_paths: &[PathBuf]) -> String {
        self.take_written_first();
        self.caches = Caches::default();
        self.frame = None;
        self.dependencies = Arc::default();
        self.published = incremental::Published::default();
        self.unwritten.extend_from_slice(changed_paths);
        self.last_good = false;
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(
            Diagnostic::error("", 0, 0, crate::tr!("serve-fault"))
                .with_hint(crate::tr!("serve-fault-hint")),
        );
        self.fail(shared, diagnostics, Instant::now())
    }

    /// The rendering half of `rebuild`.
    fn render(
        &mut self,
        shared: &Shared,
        compiled: &build::Compiled,
        mut diagnostics: Diagnostics,
        started: Instant,
    ) -> String {
        // Re-render only what read a page changed, added, removed or moved to a new address
        // since the last good build, when no file or setting changed (the frame).
        self.last_good = false;
        let diff = self.published.diff(&compiled.site);
        let only = self.partial(compiled, &diff, shared);
        let Some(renderer) = compiled
            .renderer
            .as_ref()
            .filter(|_| !diagnostics.has_errors())
        else {
            return self.fail(shared, diagnostics, started);
        };
        let partial = only.is_some();
        let trace = build::Trace::start().enabled();
        if trace {
            println!("compiled in {} ms", started.elapsed().as_millis());
        }
        let (mut stats, (changed, current), first) =
            self.render_outputs(shared, (compiled, renderer), only, trace, &mut diagnostics);
        let changed_first = self.take_written_first();
        let reloaded = changed_first > 0;
        if let Some(Err(failed)) = first {
            diagnostics.extend(failed);
        }
        if diagnostics.has_errors() {
            if self.written.is_empty() {
                // A first build writes as it renders (`Bytes::Written`): none of it is served.
                let _ = crate::write::empty_folder(&shared.output);
            }
            return self.fail(shared, diagnostics, started);
        }
        if trace {
            println!("outputs made in {} ms", started.elapsed().as_millis());
        }
        // Only now, with a complete good build, is the served folder changed.
        let css_only = !changed.is_empty() && changed.iter().all(|(p, _, _)| p.ends_with(".css"));
        let changed_count = changed_first + changed.len();
        // Updated in place: a fault from here on must not leave the session thinking nothing
        // was ever written (the next build would count as a first one).
        let staging = staging_folder(&self.options.output);
        if let Err(failed) = write_outputs(shared, &staging, changed, &mut self.written) {
            return self.fail(shared, failed, started);
        }
        shared.made_all();
        if trace {
            println!("written in {} ms", started.elapsed().as_millis());
        }
        let recorded = stats.recorded.take().unwrap_or_default();
        let stale = self.keep_reads(recorded, partial, current.as_ref());
        remove_stale(shared, &stale, &mut self.written);
        #[cfg(debug_assertions)]
        if partial {
            crate::fault::oracle(|| self.assert_same_as_full_render(compiled, renderer));
        }
        self.frame = Some(compiled.site.frame);
        if partial {
            self.published.apply(diff, &compiled.site);
        } else {
            self.published = incremental::Published::of(&compiled.site);
        }
        self.unwritten.clear();
        self.last_good = true;
        let rebuilt = Rebuilt {
            partial,
            pages: stats.pages,
            changed: changed_count,
            removed: stale.len(),
            css_only,
            reloaded,
            gone: stale,
        };
        self.succeed(shared, &diagnostics, started, &rebuilt)
    }

    /// What to render again when the frame is the one of the last good build and only entry
    /// files changed since it (`diff`: the pages that changed): the outputs whose reads read
    /// something that changed. `None` (render everything) otherwise.
    fn partial(
        &self,
        compiled: &build::Compiled,
        diff: &incremental::PageDiff,
        shared: &Shared,
    ) -> Option<Partial> {
        if self.frame != Some(compiled.site.frame)
            || !only_entry_files(&self.options.root, &self.unwritten)
        {
            return None;
        }
        Some(Partial {
            changed: diff.changed.clone(),
            keys: diff.keys.clone(),
            previous: self.dependencies.clone(),
            viewed: shared.viewed(),
        })
    }

    /// Keeps what each output of a good render read, and returns the outputs gone from the
    /// site: after a partial render, what the dependency map says went; after a full one, every
    /// file written before that it did not make (`current`; `None` when nothing was written
    /// before it).
    fn keep_reads(
        &mut self,
        recorded: Recorded,
        partial: bool,
        current: Option<&HashSet<String>>,
    ) -> Vec<String> {
        // Shared only with the partial render, which is over.
        if Arc::get_mut(&mut self.dependencies).is_none() {
            self.dependencies = Arc::default();
        }
        let gone = match Arc::get_mut(&mut self.dependencies) {
            Some(map) => map.update(recorded),
            None => Vec::new(),
        };
        let produced = &self.written;
        if partial {
            return gone
                .into_iter()
                .filter(|p| produced.contains_key(p))
                .collect();
        }
        let Some(current) = current else {
            return Vec::new();
        };
        (produced.keys())
            .filter(|p| !current.contains(p.as_str()))
            .cloned()
            .collect()
    }

    /// Renders the site (only what `only` names, when it names anything) and keeps the outputs
    /// whose bytes differ from what was written last, with the path of every output made. A
    /// partial render writes what it made first and reloads the tabs before it makes the
    /// outputs that can wait (`render::BeforeLater`), unless a tab shows an error box.
    fn render_outputs(
        &self,
        shared: &Shared,
        (compiled, renderer): (&build::Compiled, &render::Renderer),
        only: Option<Partial>,
        trace: bool,
        diagnostics: &mut Diagnostics,
    ) -> (render::RenderStats, RenderedOutputs, WrittenFirst) {
        let previous = &self.written;
        // A first build has nothing left over, and a partial render learns what went from the
        // dependency map: neither needs every path (a large site's first build names 200,000).
        let every_path = only.is_none() && !previous.is_empty();
        let sink = OutputSink {
            previous,
            output: &self.options.output,
            staging: staging_folder(&self.options.output),
            spill_from: spill_from(),
            in_memory: std::sync::atomic::AtomicUsize::new(0),
            outputs: Mutex::new((Vec::new(), every_path.then(HashSet::new))),
            trace,
        };
        let outputs = &sink.outputs;
        let first: Mutex<WrittenFirst> = Mutex::new(None);
        let before_later = |later: &[String]| {
            let made = outputs.lock().map(|mut o| std::mem::take(&mut o.0));
            let result = self.write_first(shared, made.unwrap_or_default(), later);
            if let Ok(mut first) = first.lock() {
                *first = Some(result);
            }
        };
        let mut render_options = build::render_options(self.image_cache.dir());
        let may_wait = only.is_some() && !previous.is_empty() && !shared.shows_failure();
        render_options.before_later = may_wait.then_some(&before_later as &render::BeforeLater);
        render_options.only = only;
        render_options.cache = Some(self.caches.render.clone());
        let counters = Arc::new(crate::images::Counters::default());
        render_options.counters = Some(counters.clone());
        let progress = crate::progress::Reporter::start(counters, self.options.progress);
        let stats = render::render_site(
            &compiled.site,
            renderer,
            &render_options,
            &|path, content| sink.take(path, content),
            diagnostics,
        );
        progress.finish();
        let first = first.into_inner().unwrap_or_default();
        (stats, sink.outputs.into_inner().unwrap_or_default(), first)
    }

    /// Writes what a render made before the outputs that could wait (`render::BeforeLater`),
    /// makes requests for those wait, and reloads the tabs; what was written is kept in
    /// `written_first`.
    fn write_first(
        &self,
        shared: &Shared,
        made: Vec<ChangedOutput>,
        later: &[String],
    ) -> Result<(), Diagnostics> {
        let mut written = HashMap::new();
        shared.make_wait(later);
        let staging = staging_folder(&self.options.output);
        let result = write_outputs(shared, &staging, made, &mut written);
        if result.is_ok() && !written.is_empty() {
            shared.broadcast("reload", "");
        }
        if let Ok(mut first) = self.written_first.lock() {
            first.extend(written);
        }
        wait_before_later();
        result
    }

    /// Takes what a render wrote before the outputs that could wait into `written` (after a
    /// fault too: those files are served now); returns how many files that was.
    fn take_written_first(&mut self) -> usize {
        let first = std::mem::take(
            self.written_first
                .get_mut()
                .unwrap_or_else(|e| e.into_inner()),
        );
        let count = first.len();
        self.written.extend(first);
        count
    }

    /// Debug builds (the tests) render the whole site again after every partial render and
    /// compare: what `serve` has written must be byte for byte what a full render makes, and
    /// nothing more.
    #[cfg(debug_assertions)]
    fn assert_same_as_full_render(&self, compiled: &build::Compiled, renderer: &render::Renderer) {
        let full: Mutex<HashMap<String, u64>> = Mutex::default();
        let options = build::render_options(self.image_cache.dir());
        let sink = |path: &str, content: crate::write::Content| {
            let hash = xxhash_rust::xxh3::xxh3_64(&content.into_bytes()?);
            if let Ok(mut full) = full.lock() {
                full.insert(path.to_string(), hash);
            }
            Ok(())
        };
        render::render_site(
            &compiled.site,
            renderer,
            &options,
            &sink,
            &mut Diagnostics::new(),
        );
        let full = full.into_inner().unwrap_or_default();
        let mut differ: Vec<&String> = (full.iter())
            .filter(|(path, hash)| self.written.get(*path) != Some(hash))
            .map(|(path, _)| path)
            .collect();
        differ.sort();
        let mut left_over: Vec<&String> = (self.written.keys())
            .filter(|path| !full.contains_key(*path))
            .collect();
        left_over.sort();
        assert!(
            differ.is_empty() && left_over.is_empty(),
            "serve's outputs are not a full render's: {differ:?} differ, {left_over:?} left over"
        );
    }

    /// Closes the error box, prints the warnings, tells the tabs what to do and returns the line
    /// to print.
    fn succeed(
        &self,
        shared: &Shared,
        diagnostics: &Diagnostics,
        started: Instant,
        rebuilt: &Rebuilt,
    ) -> String {
        let had_failure = shared.clear_failure();
        let warnings = diagnostics.count(Severity::Warning);
        if warnings > 0 {
            print_problems(&self.options.root, diagnostics);
        }
        if had_failure {
            shared.broadcast("fixed", "");
        }
        let changed = rebuilt.changed > 0 || rebuilt.removed > 0;
        if rebuilt.css_only {
            shared.broadcast("css", "");
        } else if had_failure || (changed && !rebuilt.reloaded) {
            shared.broadcast("reload", "");
        } else if !rebuilt.gone.is_empty() {
            // Reloaded before the outputs that could wait were made: again only on a page gone.
            let gone: HashSet<&str> = rebuilt.gone.iter().map(String::as_str).collect();
            shared.send_to("reload", "", |page| gone.contains(page));
        }
        crate::tr!(
            "serve-rebuilt",
            ms = elapsed_ms(started),
            partial = if rebuilt.partial { "yes" } else { "no" },
            pages = rebuilt.pages,
            changed = rebuilt.changed,
            removed = rebuilt.removed,
            warnings = warnings
        )
    }

    fn fail(&self, shared: &Shared, diagnostics: Diagnostics, started: Instant) -> String {
        // What requests wait for will not come: they get the last good version.
        shared.made_all();
        print_problems(&self.options.root, &diagnostics);
        shared.show_failure(&diagnostics);
        let (ms, counts) = (elapsed_ms(started), diagnostic::summary(&diagnostics));
        // Nothing written yet: there is no last good site to keep showing.
        if self.written.is_empty() {
            crate::tr!("serve-first-build-failed", ms = ms, counts = counts)
        } else {
            crate::tr!("serve-build-failed", ms = ms, counts = counts)
        }
    }
}

/// Where a render of `serve` sends each output: it keeps those whose bytes differ from what
/// was written last (`previous`), in memory or, past `spill_from` bytes, in the staging folder.
struct OutputSink<'a> {
    previous: &'a HashMap<String, u64>,
    output: &'a Path,
    staging: PathBuf,
    spill_from: usize,
    in_memory: std::sync::atomic::AtomicUsize,
    outputs: Mutex<RenderedOutputs>,
    trace: bool,
}

impl OutputSink<'_> {
    fn take(&self, path: &str, content: crate::write::Content) -> std::io::Result<()> {
        if self.trace {
            println!("rendered {path}");
        }
        // Taken, not copied: a large site's search index is a hundred megabytes, and
        // shared with the index kept for the next edit.
        let mut bytes = match content {
            crate::write::Content::Shared(pieces) => pieces,
            content => crate::write::Pieces::from(content.into_bytes()?),
        };
        let hash = bytes.hash();
        let changed = self.previous.get(path) != Some(&hash);
        // Only what is kept counts: a full render of an edit to site.yaml makes every
        // page, most of them unchanged.
        let kept = match changed {
            true => self
                .in_memory
                .fetch_add(bytes.len(), std::sync::atomic::Ordering::Relaxed),
            false => 0,
        };
        let bytes = match (self.previous.is_empty(), changed && kept >= self.spill_from) {
            // Nothing is served yet, so nothing needs to wait for the build to be good.
            (true, _) => {
                crate::write::write_file(self.output, path, &bytes)?;
                Bytes::Written
            }
            (false, true) => {
                crate::write::write_file(&self.staging, path, &bytes)?;
                Bytes::Staged
            }
            (false, false) => {
                if changed {
                    bytes.shrink_to_fit();
                }
                Bytes::Memory(bytes)
            }
        };
        if let Ok(mut outputs) = self.outputs.lock() {
            if changed {
                outputs.0.push((path.to_string(), bytes, hash));
            }
            if let Some(every) = &mut outputs.1 {
                every.insert(path.to_string());
            }
        }
        Ok(())
    }
}

/// Writes the changed outputs into the served folder, side by side (a new entry changes a few
/// hundred files), and holds those of `held_from` bytes or more in memory instead; `produced`
/// gets the hash of each. The problems when a file cannot be written: then nothing is held.
fn write_outputs(
    shared: &Shared,
    staging: &Path,
    changed: Vec<ChangedOutput>,
    produced: &mut HashMap<String, u64>,
) -> Result<(), Diagnostics> {
    let (large, changed): (Vec<_>, Vec<_>) = (changed.into_iter()).partition(
        |(_, bytes, _)| matches!(bytes, Bytes::Memory(bytes) if bytes.len() >= shared.held_from),
    );
    let written: Vec<Result<(), std::io::Error>> = changed
        .par_iter()
        .map(|(path, bytes, _)| match bytes {
            Bytes::Memory(bytes) => crate::write::write_file(&shared.output, path, bytes),
            Bytes::Staged => crate::write::move_file(staging, &shared.output, path),
            Bytes::Written => Ok(()),
        })
        .collect();
    let _ = crate::write::remove_folder(staging);
    let mut failed = Diagnostics::new();
    for ((path, _, _), result) in changed.iter().zip(written) {
        if let Err(error) = result {
            failed.push(Diagnostic::error(
                PathBuf::from(path),
                0,
                0,
                crate::tr!("serve-cannot-write", error = crate::i18n::io_error(&error)),
            ));
        }
    }
    if !failed.is_empty() {
        // What was written is not recorded: the next build writes it again.
        return Err(failed);
    }
    produced.reserve(changed.len() + large.len());
    // Only with every file written do the outputs held in memory change too. (A lock poisoned
    // by a panic elsewhere still holds a whole map: each change to it is one call.)
    let mut held = shared.held.write().unwrap_or_else(|e| e.into_inner());
    // The paths are moved, not copied: a first build names every output file.
    for (path, _, hash) in changed {
        held.remove(&path);
        produced.insert(path, hash);
    }
    for (path, bytes, hash) in large {
        // Served from memory from now on: a smaller version on disk would be stale.
        let _ = crate::write::remove_file(&shared.output, &path);
        if let Bytes::Memory(bytes) = bytes {
            held.insert(path.clone(), bytes);
        }
        produced.insert(path, hash);
    }
    Ok(())
}

/// Where a render writes the changed outputs it does not keep in memory: beside the served
/// folder (`site/`), on the same file system, so that moving them into place is a rename.
fn staging_folder(output: &Path) -> PathBuf {
    output.with_file_name("staging")
}

/// Removes the stale outputs from memory and from the served folder, and forgets them.
fn remove_stale(shared: &Shared, stale: &[String], produced: &mut HashMap<String, u64>) {
    if let Ok(mut held) = shared.held.write() {
        for path in stale {
            held.remove(path);
        }
    }
    for path in stale {
        let _ = crate::write::remove_file(&shared.output, path);
        produced.remove(path);
    }
}

/// Prints problems with excerpts of the files they name, read again from disk.
pub(super) fn print_problems(root: &Path, diagnostics: &Diagnostics) {
    eprint!(
        "{}",
        diagnostic::format_text(
            diagnostics,
            &DiskSources::for_diagnostics(root, diagnostics)
        )
    );
}

/// The tests' pause before a render makes the outputs that could wait
/// (`WDHS_SERVE_WAIT_BEFORE_LATER_MS`), so that a request made meanwhile is seen to wait.
fn wait_before_later() {
    let pause = std::env::var("WDHS_SERVE_WAIT_BEFORE_LATER_MS").ok();
    if let Some(ms) = pause.and_then(|ms| ms.parse().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

fn elapsed_ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}
