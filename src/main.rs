//! The `wdhs` command line: parses arguments, runs a command, prints diagnostics, and decides
//! the exit code (0 ok, 1 content or template errors, 2 usage or I/O errors).

mod cli;

use clap::{Parser, Subcommand, ValueEnum};
use cli::choose_language;
use std::path::PathBuf;
use std::process::ExitCode;
use wdhs::build::{self, BuildOptions, DiskSources, Report};
use wdhs::diagnostic::{self, Severity};
use wdhs::tr;

// jemalloc instead of glibc's malloc: a build makes and drops millions of small strings and tera
// values on two threads, and glibc's malloc/free took ~12 % of a 10k build. jemalloc made 10k
// builds ~25 % faster at the same peak memory; mimalloc was as fast but held ~50 MB more
// (ARCHITECTURE.md, "Dependencies and why").
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

// jemalloc keeps freed memory for reuse and, without a thread of its own, gives it back to the
// system only while the program allocates: an idle `serve` of a 10k site stayed at ~940 MB
// after its first build though it used ~570 MB. Its background thread returns memory that has
// been free for a second; builds are no slower (ARCHITECTURE.md, "Dependencies and why").
#[cfg(not(target_env = "msvc"))]
#[unsafe(export_name = "_rjem_malloc_conf")]
static JEMALLOC_CONF: &[u8] = b"background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0\0";

/// The help texts are the catalogue's (`help-*`), set by `localized`: the doc comments here are
/// for readers of the code.
#[derive(Parser)]
#[command(
    name = "wdhs",
    version = concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("WDHS_COMMIT"), ")")
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of wdhs's messages (nl or en); with `new`, also the language written first.
    #[arg(long, global = true)]
    lang: Option<String>,
}

#[derive(clap::Args, Clone)]
struct SiteArgs {
    /// The site's folder (the one that holds content/ and themes/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Include drafts and embargoed press releases.
    #[arg(long)]
    drafts: bool,
    /// The date to compare embargoes with (YYYY-MM-DD); default: today in the Netherlands.
    #[arg(long, hide = true)]
    today: Option<String>,
    /// Print only problems: no progress, and no summary when all went well.
    #[arg(long, short = 'q')]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum TableFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default public/).
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site, relative to the current folder.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Overrides base_url from site.yaml, e.g. https://example.org/wdhs/
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Check the whole site and report every problem, without writing anything.
    Check {
        #[command(flatten)]
        site: SiteArgs,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
        /// Also ask other websites whether the links to them still work.
        #[arg(long)]
        external: bool,
    },
    /// Create a new entry (a file per language, and the shared fields file where the kind has one).
    New {
        /// press, initiative, partner, goal, page or festival
        kind: String,
        /// The title (or name) in the language you write first; the file name is made from it.
        title: String,
        /// The date for kinds that have one (YYYY-MM-DD); default today.
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// List every entry with the state of its translations; work left on top.
    Translations {
        #[arg(long, value_enum, default_value = "text")]
        format: TableFormat,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Preview the site: build, serve on 127.0.0.1, rebuild and reload the browser on every save.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// The address to listen on. Keep 127.0.0.1 unless you know why not.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// The port; if it is busy the next free one is used (0: any free port).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
        /// Look for changes every 300 ms instead of being told by the system (network drives, WSL, Docker).
        #[arg(long)]
        poll: bool,
    },
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    wdhs::i18n::set(choose_language(&args));
    install_fault_hook();
    let cli = match cli::parse(args) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    if let Some(value) = cli
        .lang
        .as_deref()
        .filter(|v| !wdhs::i18n::is_language_code(v))
    {
        print_error(
            &tr!("cli-lang-not-code", value = value),
            Some(&tr!("cli-lang-not-code-hint")),
        );
        return ExitCode::from(2);
    }
    // A fault of wdhs itself (a panic) has been said by the hook; the exit code tells CI.
    wdhs::fault::caught(|| run(cli)).unwrap_or(ExitCode::from(3))
}

/// Says a fault of wdhs itself in the editor's language, with where it happened, instead of
/// Rust's English; says nothing of one a reader of a damaged file was expected to hit.
fn install_fault_hook() {
    std::panic::set_hook(Box::new(|info| {
        if wdhs::fault::is_expected() {
            return;
        }
        print_error(
            &tr!("fault-message", fault = wdhs::fault::describe(info)),
            Some(&tr!("fault-hint")),
        );
    }));
}

fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::New {
            kind,
            title,
            date,
            root,
        } => run_new(&kind, &title, date.as_deref(), &root, cli.lang),
        Command::Translations { format, root } => run_translations(format, &root),
        Command::Serve {
            site,
            bind,
            port,
            open,
            poll,
        } => run_serve(wdhs::serve::ServeOptions {
            root: site.root,
            bind,
            port,
            drafts: site.drafts,
            open,
            poll,
            quiet: site.quiet,
        }),
        Command::Build {
            site,
            output,
            base_url,
        } => run_build(&site, output, base_url),
        Command::Check {
            site,
            format,
            strict,
            external,
        } => run_check(&site, format, strict, external),
    }
}

/// `wdhs new`: writes the files of a new entry; `lang` is the language written first.
fn run_new(
    kind: &str,
    title: &str,
    date: Option<&str>,
    root: &std::path::Path,
    lang: Option<String>,
) -> ExitCode {
    let request = wdhs::scaffold::NewRequest {
        root,
        kind,
        title,
        lang: lang.as_deref(),
        date,
        today: build::today(),
    };
    match wdhs::scaffold::create(&request) {
        Ok(paths) => {
            for path in paths {
                println!("{}", tr!("new-wrote", path = path));
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            print_error(&error.message, Some(&error.hint));
            ExitCode::from(if error.usage { 2 } else { 1 })
        }
    }
}

/// `wdhs translations`: the table of every entry and its translations.
fn run_translations(format: TableFormat, root: &std::path::Path) -> ExitCode {
    let format = match format {
        TableFormat::Text => wdhs::translations::Format::Text,
        TableFormat::Markdown => wdhs::translations::Format::Markdown,
        TableFormat::Json => wdhs::translations::Format::Json,
    };
    match wdhs::translations::report(root, format) {
        Ok(table) => {
            print!("{table}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            print_error(&message, None);
            ExitCode::from(2)
        }
    }
}

/// `wdhs serve`: runs until stopped; only a server that cannot start fails.
fn run_serve(options: wdhs::serve::ServeOptions) -> ExitCode {
    match wdhs::serve::serve(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            print_error(&message, None);
            ExitCode::from(2)
        }
    }
}

/// `wdhs build`: 1 for errors in the site, 2 when the output cannot be written.
fn run_build(site: &SiteArgs, output: Option<PathBuf>, base_url: Option<String>) -> ExitCode {
    let Some(options) = options(site, output, base_url) else {
        return ExitCode::from(2);
    };
    let report = build::build(&options);
    print_diagnostics(&options, &report, Format::Text);
    if let Some(error) = &report.io_error {
        print_error(error, None);
        return ExitCode::from(2);
    }
    if report.diagnostics.has_errors() {
        eprintln!(
            "{}",
            tr!(
                "build-failed",
                counts = diagnostic::summary(&report.diagnostics),
                output = options.output.display()
            )
        );
        return ExitCode::from(1);
    }
    if !site.quiet {
        println!("{}", summary_line(&report, &options));
    }
    ExitCode::SUCCESS
}

/// `wdhs check`: 1 for errors, or with `--strict` for warnings too.
fn run_check(site: &SiteArgs, format: Format, strict: bool, external: bool) -> ExitCode {
    let Some(options) = options(site, None, None) else {
        return ExitCode::from(2);
    };
    let report = build::check(&options, external);
    print_diagnostics(&options, &report, format);
    let failed = report.diagnostics.has_errors()
        || (strict && report.diagnostics.count(Severity::Warning) > 0);
    let text = matches!(format, Format::Text);
    // `--quiet`: the problems, and the summary only when the check fails.
    let chatty = text && !site.quiet;
    for held in &report.held_back {
        if chatty {
            println!(
                "{}",
                tr!(
                    "check-held-back",
                    path = diagnostic::display_path(&held.path),
                    reason = &held.reason
                )
            );
        }
    }
    if chatty {
        for note in &report.notes {
            println!("{}", tr!("check-note", note = note));
        }
    }
    if chatty || (text && failed) {
        println!("{}", diagnostic::summary(&report.diagnostics));
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn options(
    site: &SiteArgs,
    output: Option<PathBuf>,
    base_url: Option<String>,
) -> Option<BuildOptions> {
    // Not a site at all (the terminal is in another folder, or --root is mistyped): one
    // message and the exit code of a wrong command, not a list of everything a site lacks.
    let content = site.root.join("content");
    if !content.is_dir() {
        let hint = tr!("load-no-content-hint", path = content.display());
        print_error(&tr!("load-no-content"), Some(&hint));
        return None;
    }
    let today = match &site.today {
        Some(text) => match wdhs::lang::parse_date(text) {
            Some(date) => date,
            None => {
                print_error(&tr!("usage-today"), None);
                return None;
            }
        },
        None => build::today(),
    };
    Some(BuildOptions {
        output: output.unwrap_or_else(|| {
            if site.root == std::path::Path::new(".") {
                PathBuf::from("public")
            } else {
                site.root.join("public")
            }
        }),
        root: site.root.clone(),
        base_url,
        drafts: site.drafts,
        today,
        progress: !site.quiet,
    })
}

fn print_diagnostics(options: &BuildOptions, report: &Report, format: Format) {
    if report.diagnostics.is_empty() {
        return;
    }
    match format {
        Format::Text => {
            let sources = DiskSources::for_diagnostics(&options.root, &report.diagnostics);
            eprint!("{}", diagnostic::format_text(&report.diagnostics, &sources));
        }
        Format::Github => print!("{}", diagnostic::format_github(&report.diagnostics)),
    }
}

/// `error: …` and `  hint: …` in this run's language, for what stops a command outright.
fn print_error(message: &str, hint: Option<&str>) {
    eprintln!("{}: {message}", tr!("severity-error"));
    if let Some(hint) = hint.filter(|h| !h.is_empty()) {
        eprintln!("  {}: {hint}", tr!("hint-label"));
    }
}

fn summary_line(report: &Report, options: &BuildOptions) -> String {
    let per_lang: Vec<String> = report
        .pages_per_lang
        .iter()
        .map(|(lang, n)| format!("{n} {}", lang.code()))
        .collect();
    let images = report.stats.images_processed + report.stats.images_cached;
    tr!(
        "build-done",
        pages = report.stats.pages,
        entries = report.pages_per_lang.iter().map(|(_, n)| n).sum::<usize>(),
        per_language = per_lang.join(", "),
        files = report.stats.assets,
        images = if images > 0 {
            tr!(
                "build-done-images",
                processed = report.stats.images_processed,
                cached = report.stats.images_cached
            )
        } else {
            String::new()
        },
        warnings = report.diagnostics.count(Severity::Warning),
        output = options.output.display(),
        ms = u64::try_from(report.elapsed.as_millis()).unwrap_or(u64::MAX)
    )
}
