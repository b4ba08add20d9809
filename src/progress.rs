//! Progress while `build` and `serve` process images, which on a cold cache takes seconds: a
//! small thread reads the image counters (`images::Counters`, atomics the render jobs bump) a
//! few times a second and reports on stderr. On a terminal it redraws one line in place,
//! `Processing photos [#####.....] 12/50, about 40 s left`, and clears it when done; otherwise
//! (CI logs) it prints one line per photo, `photo 12 of 50 processed, about 40 s left`. It says
//! nothing until images have been processed (not taken from the cache) for about a second, so a
//! warm build prints nothing.

use crate::images::Counters;
use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// How often the counters are read.
const TICK: Duration = Duration::from_millis(200);
/// How long images must have been processed before progress is shown.
const SHOW_AFTER: Duration = Duration::from_secs(1);
/// The bar's width in characters.
const BAR: usize = 10;

/// Reports progress until it is finished or dropped.
pub struct Reporter {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Reporter {
    /// Reports the image work counted in `counters` on stderr; with `show` false (`--quiet`)
    /// nothing at all, and no thread is started.
    pub fn start(counters: Arc<Counters>, show: bool) -> Reporter {
        if !show {
            return Reporter {
                stop: None,
                thread: None,
            };
        }
        let (stop, stopped) = mpsc::channel::<()>();
        let terminal = std::io::stderr().is_terminal();
        let thread = std::thread::Builder::new()
            .name("wdhs-progress".to_string())
            .spawn(move || report(&counters, &stopped, terminal))
            .ok();
        Reporter {
            stop: Some(stop),
            thread,
        }
    }

    /// Stops reporting (the line on a terminal is cleared; in a log the photos finished since
    /// the last line get theirs) and waits until that is done.
    pub fn finish(mut self) {
        self.end();
    }

    fn end(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Reporter {
    fn drop(&mut self) {
        self.end();
    }
}

/// How long images must have been processed before progress shows: `SHOW_AFTER`, or in debug
/// builds (the tests) `WDHS_PROGRESS_AFTER_MS`; release builds never read it.
fn show_after() -> Duration {
    let from_environment = || {
        std::env::var("WDHS_PROGRESS_AFTER_MS")
            .ok()?
            .parse()
            .ok()
            .map(Duration::from_millis)
    };
    if cfg!(debug_assertions) {
        from_environment().unwrap_or(SHOW_AFTER)
    } else {
        SHOW_AFTER
    }
}

/// The reporting thread: reads the counters every `TICK` until told to stop.
fn report(counters: &Counters, stopped: &mpsc::Receiver<()>, terminal: bool) {
    let after = show_after();
    let mut stderr = std::io::stderr();
    // Lines: the number of photos the last line was for; `None` until progress shows.
    let mut shown: Option<usize> = None;
    // Terminal: the line drawn, drawn again only when it changes, and cleared at the end.
    let mut drawn = String::new();
    loop {
        let stopping = !matches!(stopped.recv_timeout(TICK), Err(RecvTimeoutError::Timeout));
        let Some(state) = State::read(counters, after) else {
            if stopping {
                break;
            }
            continue;
        };
        if terminal {
            // Drawn while there is work left; cleared below when it stops.
            let line = state.bar();
            if !stopping && state.done < state.total && line != drawn {
                // Padded over what the last line had beyond this one.
                let beyond = (drawn.chars().count()).saturating_sub(line.chars().count());
                let _ = write!(stderr, "\r{line}{}", " ".repeat(beyond));
                let _ = stderr.flush();
                drawn = line;
            }
        } else {
            let from = shown.map_or(1, |n| n + 1);
            for done in from..=state.done {
                let _ = writeln!(stderr, "{}", state.line(done));
            }
            shown = Some(state.done.max(shown.unwrap_or(0)));
        }
        if stopping {
            break;
        }
    }
    if !drawn.is_empty() {
        let _ = write!(stderr, "\r{}\r", " ".repeat(drawn.chars().count()));
        let _ = stderr.flush();
    }
}

/// The counters at one moment, once images have been processed for long enough to show.
struct State {
    done: usize,
    total: usize,
    /// Seconds left at the rate since processing began, when there is a rate yet.
    left: Option<u64>,
}

impl State {
    fn read(counters: &Counters, after: Duration) -> Option<State> {
        let (since, done_then) = counters.fresh_since()?;
        let elapsed = since.elapsed();
        let total = counters.total();
        let done = counters.done().min(total);
        if elapsed < after || total == 0 {
            return None;
        }
        let finished = done.saturating_sub(done_then);
        let left = (finished > 0).then(|| {
            let per_image = elapsed.as_secs_f64() / finished as f64;
            (per_image * (total - done) as f64).ceil() as u64
        });
        Some(State { done, total, left })
    }

    fn left(&self) -> String {
        match self.left {
            Some(seconds) if self.done < self.total && seconds < 90 => {
                crate::tr!("progress-left", seconds = seconds)
            }
            Some(seconds) if self.done < self.total => {
                crate::tr!("progress-left-minutes", minutes = (seconds + 30) / 60)
            }
            _ => String::new(),
        }
    }

    /// `Processing photos [#####.....] 12/50, about 40 s left`
    fn bar(&self) -> String {
        let filled = (self.done * BAR / self.total.max(1)).min(BAR);
        let bar = format!("{}{}", "#".repeat(filled), ".".repeat(BAR - filled));
        crate::tr!(
            "progress-bar",
            bar = bar,
            done = self.done,
            total = self.total,
            left = self.left()
        )
    }

    /// `photo 12 of 50 processed, about 40 s left`, for photo `done`.
    fn line(&self, done: usize) -> String {
        let state = State {
            done,
            total: self.total,
            left: self.left.filter(|_| done == self.done),
        };
        crate::tr!(
            "progress-line",
            done = done,
            total = self.total,
            left = state.left()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_work_done() {
        let state = State {
            done: 12,
            total: 50,
            left: Some(40),
        };
        assert_eq!(
            state.bar(),
            "Processing photos [##........] 12/50, about 40 s left"
        );
        assert_eq!(state.line(12), "photo 12 of 50 processed, about 40 s left");
        // Lines caught up with in one go have no estimate of their own.
        assert_eq!(state.line(11), "photo 11 of 50 processed");
        let slow = State {
            done: 1,
            total: 50,
            left: Some(250),
        };
        assert_eq!(
            slow.bar(),
            "Processing photos [..........] 1/50, about 4 min left"
        );
        let done = State {
            done: 50,
            total: 50,
            left: Some(0),
        };
        assert_eq!(done.line(50), "photo 50 of 50 processed");
        assert!(done.bar().contains("[##########] 50/50"));
    }
}
