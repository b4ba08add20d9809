//! The command line in the editor's language: which language to speak (before clap parses,
//! so that `--help` is in it), the help texts from the catalogue, and clap's own errors said
//! again in that language.

use super::Cli;
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::process::ExitCode;
use wdhs::i18n::message;

/// `--lang`, `WDHS_LANG`, the locale, else the first language of the site's `site.yaml`.
pub fn choose_language(args: &[OsString]) -> wdhs::i18n::Speech {
    let value_of = |flag: &str| -> Option<String> {
        let args: Vec<String> = args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let prefix = format!("{flag}=");
        args.iter().enumerate().find_map(|(i, arg)| {
            arg.strip_prefix(&prefix)
                .map(str::to_string)
                .or_else(|| (arg == flag).then(|| args.get(i + 1).cloned()).flatten())
        })
    };
    let root = value_of("--root").unwrap_or_else(|| ".".to_string());
    let site_first = || {
        let text = wdhs::load::read_config_text(std::path::Path::new(&root)).ok()?;
        let config = wdhs::config::parse_config(
            &text,
            &wdhs::config::config_path(),
            &mut wdhs::diagnostic::Diagnostics::new(),
        );
        config.languages.first().map(|l| l.code().to_string())
    };
    wdhs::i18n::choose(
        value_of("--lang").as_deref(),
        &|name| std::env::var(name).ok(),
        &site_first,
    )
}

/// Help texts by (subcommand, argument), `None` for the command itself.
const HELP: &[(Option<&str>, Option<&str>, &str)] = &[
    (None, None, "help-about"),
    (None, Some("lang"), "help-lang"),
    (Some("build"), None, "help-build"),
    (Some("build"), Some("output"), "help-output"),
    (Some("build"), Some("base_url"), "help-base-url"),
    (Some("check"), None, "help-check"),
    (Some("check"), Some("format"), "help-format"),
    (Some("check"), Some("strict"), "help-strict"),
    (Some("check"), Some("external"), "help-external"),
    (Some("new"), None, "help-new"),
    (Some("new"), Some("kind"), "help-new-kind"),
    (Some("new"), Some("title"), "help-new-title"),
    (Some("new"), Some("date"), "help-new-date"),
    (Some("new"), Some("root"), "help-root"),
    (Some("translations"), None, "help-translations"),
    (
        Some("translations"),
        Some("format"),
        "help-translations-format",
    ),
    (Some("translations"), Some("root"), "help-root"),
    (Some("serve"), None, "help-serve"),
    (Some("serve"), Some("bind"), "help-bind"),
    (Some("serve"), Some("port"), "help-port"),
    (Some("serve"), Some("open"), "help-open"),
    (Some("serve"), Some("poll"), "help-poll"),
];

/// Arguments every command that builds the site has (`SiteArgs`).
const SITE_HELP: &[(&str, &str)] = &[
    ("root", "help-root"),
    ("drafts", "help-drafts"),
    ("quiet", "help-quiet"),
];

/// The command line with every text in this run's language.
fn localized() -> clap::Command {
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}",
        message("help-usage", &[])
    );
    let help_flag = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .global(true)
        .help(message("help-flag-help", &[]));
    let mut command = Cli::command()
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(help_flag)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(message("help-flag-version", &[])),
        )
        .help_template(template.clone())
        .subcommand_help_heading(message("help-commands", &[]));
    for (sub, arg, id) in HELP {
        let text = message(id, &[]);
        command = match (sub, arg) {
            (None, None) => command.about(text),
            (None, Some(arg)) => command.mut_arg(*arg, |a| a.help(text)),
            (Some(sub), arg) => command.mut_subcommand(*sub, |s| match arg {
                None => s.about(text),
                Some(arg) => s.mut_arg(*arg, |a| a.help(text)),
            }),
        };
    }
    for sub in ["build", "check", "serve"] {
        command = command.mut_subcommand(sub, |mut s| {
            for (arg, id) in SITE_HELP {
                s = s.mut_arg(*arg, |a| a.help(message(id, &[])));
            }
            s
        });
    }
    let heading = message("help-options", &[]);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let (template, heading) = (template.clone(), heading.clone());
        command = command.mut_subcommand(name, move |s| {
            // clap's own "[default: …]" and "[possible values: …]" are English: the catalogue's
            // help texts say the defaults and values themselves.
            s.help_template(template).mut_args(|a| {
                let takes_values = a.get_action().takes_values();
                let a = a.help_heading(heading.clone());
                if takes_values {
                    a.hide_default_value(true).hide_possible_values(true)
                } else {
                    a
                }
            })
        });
    }
    command.mut_args(|a| a.help_heading(heading.clone()))
}

/// The parsed command line, or the exit code after help, the version or a usage error.
pub fn parse(args: Vec<OsString>) -> Result<Cli, ExitCode> {
    let matches = localized().try_get_matches_from(args).map_err(report)?;
    Cli::from_arg_matches(&matches).map_err(report)
}

/// The command a Dutch word or a slip names: `bouw` is `build`.
fn meant_command(typed: &str) -> Option<&'static str> {
    const WORDS: &[(&str, &str)] = &[
        ("bouw", "build"),
        ("bouwen", "build"),
        ("controleer", "check"),
        ("controleren", "check"),
        ("chek", "check"),
        ("bekijk", "serve"),
        ("voorbeeld", "serve"),
        ("nieuw", "new"),
        ("vertalingen", "translations"),
        ("vertaling", "translations"),
        ("help", "--help"),
        ("hulp", "--help"),
    ];
    let typed = typed.trim().to_lowercase();
    WORDS
        .iter()
        .find(|(word, _)| *word == typed)
        .map(|(_, c)| *c)
}

/// Help and the version go to stdout as clap makes them; a usage error is said in this run's
/// language, with clap's own words below it for the details.
fn report(error: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ErrorKind};
    let shown = |kind: ContextKind| error.get(kind).map(ToString::to_string).unwrap_or_default();
    let id = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::UnknownArgument => "usage-unknown-argument",
        ErrorKind::InvalidSubcommand => "usage-unknown-command",
        ErrorKind::InvalidValue => "usage-invalid-value",
        ErrorKind::ValueValidation => "usage-bad-value",
        ErrorKind::MissingRequiredArgument => "usage-missing-argument",
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "usage-missing-command"
        }
        _ => "usage-other",
    };
    let what = [ContextKind::InvalidArg, ContextKind::InvalidSubcommand]
        .into_iter()
        .map(shown)
        .find(|s| !s.is_empty())
        .unwrap_or_default();
    eprintln!(
        "{}: {}",
        message("severity-error", &[]),
        message(
            id,
            &[
                ("what", what.as_str().into()),
                ("value", shown(ContextKind::InvalidValue).into())
            ]
        )
    );
    let valid = shown(ContextKind::ValidValue);
    let hint = match meant_command(&what) {
        Some(command) => message("usage-meant-command", &[("command", command.into())]),
        None if !valid.is_empty() => message("usage-valid-values", &[("values", valid.into())]),
        None => message("usage-hint", &[]),
    };
    eprintln!("  {}: {hint}", message("hint-label", &[]));
    ExitCode::from(2)
}
