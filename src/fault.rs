//! A fault of wdhs itself (a panic): said in the editor's language instead of Rust's, kept
//! quiet where a reader of another format may fail on a damaged file (its caller says the file
//! cannot be read), and caught where `serve` must go on. Debug builds can be made to fail on a
//! file, so the tests can see what a fault does.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, UnwindSafe};

thread_local! {
    /// Whether a panic on this thread is one a caller expects and reports in its own words.
    static EXPECTED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `read`, a reader of a format from the content (a PDF), and gives `None` when it
/// panics, printing nothing: the caller reports the file as unreadable.
pub fn quietly<T>(read: impl FnOnce() -> T + UnwindSafe) -> Option<T> {
    let was = EXPECTED.with(|expected| expected.replace(true));
    let result = std::panic::catch_unwind(read);
    EXPECTED.with(|expected| expected.set(was));
    result.ok()
}

/// Whether a panic now is one `quietly` catches: the panic hook says nothing of it.
pub fn is_expected() -> bool {
    EXPECTED.with(Cell::get)
}

/// Runs `work` and gives `None` when it panics: the panic hook has printed what went wrong.
/// For `serve`, which keeps serving the last good site after a fault in one rebuild.
pub fn caught<T>(work: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(AssertUnwindSafe(work)).ok()
}

/// Where a panic happened and what it said, for the message the panic hook prints.
pub fn describe(info: &std::panic::PanicHookInfo<'_>) -> String {
    let place = info
        .location()
        .map_or_else(String::new, |l| format!("{}:{}: ", l.file(), l.line()));
    let payload = info.payload();
    let said = (payload.downcast_ref::<&str>().copied())
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or_default();
    format!("{place}{said}")
}

/// Debug builds only: runs a comparison of `serve`'s work with a full build and ends the
/// program when they differ (after the panic hook said how): `serve` goes on after a fault, but
/// the tests must not go on past a wrong incremental build.
#[cfg(debug_assertions)]
pub fn oracle(check: impl FnOnce()) {
    if caught(check).is_none() {
        std::process::abort();
    }
}

/// Debug builds only: a panic while the file whose path ends with `WDHS_FAULT_IN` is parsed,
/// or while `serve` answers a request for an address that ends with it. The tests use it to see
/// that `build` leaves the published site whole and `serve` goes on.
#[cfg(debug_assertions)]
pub fn fail_point(path: &std::path::Path) {
    static FAULT_IN: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let wanted = FAULT_IN.get_or_init(|| std::env::var("WDHS_FAULT_IN").ok());
    if let Some(wanted) = wanted
        && crate::diagnostic::display_path(path).ends_with(wanted.as_str())
    {
        panic!("a fault asked for by WDHS_FAULT_IN");
    }
}
