//! The editor's language: the message catalogues (Project Fluent, one per language in
//! `src/i18n/`), which language wdhs speaks in this run, and `tr!`, which turns a message id
//! and its arguments into text. Every message, hint and summary an editor reads comes from
//! here; the site's own texts (the theme's UI strings) do not.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language wdhs speaks to editors in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Speech {
    Nl,
    En,
}

/// Every catalogue: (language, its code, its messages).
pub const CATALOGUES: &[(Speech, &str, &str)] = &[
    (Speech::Nl, "nl", include_str!("i18n/nl.ftl")),
    (Speech::En, "en", include_str!("i18n/en.ftl")),
];

impl Speech {
    pub fn code(self) -> &'static str {
        CATALOGUES
            .iter()
            .find(|(speech, _, _)| *speech == self)
            .map_or("en", |(_, code, _)| code)
    }

    /// `nl`, `en`; a locale like `nl_NL.UTF-8`, `en-GB` or `fy_NL` (Frisian readers read
    /// Dutch). `None` for `C`/`POSIX` and empty values, which say nothing; any other language
    /// gets English, the likelier second language.
    pub fn from_locale(locale: &str) -> Option<Speech> {
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match language.as_str() {
            "" | "c" | "posix" => None,
            "nl" | "fy" | "li" => Some(Speech::Nl),
            _ => Some(Speech::En),
        }
    }
}

/// 0: not chosen (English, as in unit tests), else `Speech as u8 + 1`.
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The language of this run's messages.
pub fn current() -> Speech {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Speech::Nl,
        _ => Speech::En,
    }
}

pub fn set(speech: Speech) {
    CURRENT.store(speech as u8 + 1, Ordering::Relaxed);
}

/// The language to speak: `--lang`, else `WDHS_LANG`, else the system's locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`; on Windows, which sets none of them, the user's display language),
/// else the site's first language (asked only then: it means reading site.yaml), else Dutch.
pub fn choose(
    flag: Option<&str>,
    environment: &dyn Fn(&str) -> Option<String>,
    site_first: &dyn Fn() -> Option<String>,
) -> Speech {
    choose_with_system(flag, environment, &system_locale, site_first)
}

/// Whether `--lang` was given a language code (`nl`, `en`, `fy`, `nl_NL`), not a word
/// (`nederlands`), which `main` refuses.
pub fn is_language_code(value: &str) -> bool {
    let code = value.split(['_', '-']).next().unwrap_or("");
    (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphabetic())
}

/// The system's display language where no variable names one: Windows and macOS apps.
fn system_locale() -> Option<String> {
    if cfg!(windows) {
        sys_locale::get_locale()
    } else {
        None
    }
}

/// `choose`, with the system's display language asked through `system`.
pub fn choose_with_system(
    flag: Option<&str>,
    environment: &dyn Fn(&str) -> Option<String>,
    system: &dyn Fn() -> Option<String>,
    site_first: &dyn Fn() -> Option<String>,
) -> Speech {
    let named = |value: Option<String>| value.as_deref().and_then(Speech::from_locale);
    // gettext's order: `LANGUAGE` (a list, `nl:en`) before the locale, unless that is C.
    let plain_c = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| environment(name).filter(|v| !v.is_empty()))
        .is_some_and(|v| Speech::from_locale(&v).is_none());
    let language_list = || {
        let list = environment("LANGUAGE").filter(|_| !plain_c)?;
        list.split(':').find_map(Speech::from_locale)
    };
    named(flag.filter(|f| is_language_code(f)).map(str::to_string))
        .or_else(|| named(environment("WDHS_LANG")))
        .or_else(language_list)
        .or_else(|| named(environment("LC_ALL")))
        .or_else(|| named(environment("LC_MESSAGES")))
        .or_else(|| named(environment("LANG")))
        .or_else(|| named(system()))
        .or_else(|| named(site_first()))
        .unwrap_or(Speech::Nl)
}

/// A message's argument: text or a number (numbers choose plural forms).
pub enum Arg {
    Text(String),
    Number(f64),
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i16, i32, i64);

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<std::path::Display<'_>> for Arg {
    fn from(path: std::path::Display<'_>) -> Arg {
        Arg::Text(path.to_string())
    }
}

/// A size for an editor: "2,3 MB" in Dutch, "2.3 MB" in English (one decimal, none when it
/// is whole).
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 {
        return format!("{whole} MB");
    }
    format!("{whole}{}{tenth} MB", message("decimal-mark", &[]))
}

/// Why reading or writing a file failed, in the editor's language: the system's own words
/// ("Is a directory (os error 21)") are English, and kept only for what has no message.
pub fn io_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind as Kind;
    let id = match error.kind() {
        Kind::NotFound => "io-not-found",
        Kind::PermissionDenied => "io-permission-denied",
        Kind::IsADirectory => "io-is-a-directory",
        Kind::NotADirectory => "io-not-a-directory",
        Kind::AlreadyExists => "io-already-exists",
        Kind::StorageFull | Kind::QuotaExceeded => "io-disk-full",
        Kind::ReadOnlyFilesystem => "io-read-only",
        Kind::InvalidFilename => "io-invalid-name",
        _ => return error.to_string(),
    };
    message(id, &[])
}

/// The message `id` in this run's language, or `id` itself if the catalogue lacks it (a test
/// makes sure none does).
pub fn message(id: &str, args: &[(&str, Arg)]) -> String {
    message_in(current(), id, args)
}

pub fn message_in(speech: Speech, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(speech);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
            Arg::Number(number) => fluent_args.set(*name, FluentValue::from(*number)),
        }
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(speech: Speech) -> &'static Bundle {
    static BUNDLES: OnceLock<Vec<(Speech, Bundle)>> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        CATALOGUES
            .iter()
            .map(|(speech, code, text)| (*speech, make_bundle(code, text)))
            .collect()
    });
    let found = bundles.iter().find(|(s, _)| *s == speech);
    // Both catalogues are built in: the first is there whatever is asked.
    match found.or(bundles.first()) {
        Some((_, bundle)) => bundle,
        None => unreachable!("the catalogues are compiled in"),
    }
}

/// A bundle of one catalogue. A catalogue that does not parse keeps what did (the test of the
/// catalogues fails on any error).
pub fn make_bundle(code: &str, text: &str) -> Bundle {
    let language: unic_langid::LanguageIdentifier = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Messages go to terminals and logs, not to bidirectional text: no isolation marks.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// `tr!("id", name = value, …)`: the message in this run's language.
#[macro_export]
macro_rules! tr {
    ($id:literal $(,)?) => {
        $crate::i18n::message($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_the_flag_the_environment_the_system_or_the_site() {
        let none = |_: &str| None;
        let site = || Some("en".to_string());
        let nothing = || None;
        assert_eq!(
            choose_with_system(Some("nl"), &none, &nothing, &site),
            Speech::Nl
        );
        let dutch_env = |name: &str| (name == "LANG").then(|| "nl_NL.UTF-8".to_string());
        assert_eq!(
            choose_with_system(None, &dutch_env, &nothing, &site),
            Speech::Nl
        );
        let c_locale = |name: &str| (name == "LANG").then(|| "C.UTF-8".to_string());
        assert_eq!(
            choose_with_system(None, &c_locale, &nothing, &site),
            Speech::En
        );
        // Windows: no variables, the display language says it.
        let windows = || Some("nl-NL".to_string());
        assert_eq!(choose_with_system(None, &none, &windows, &site), Speech::Nl);
        assert_eq!(
            choose_with_system(None, &none, &nothing, &nothing),
            Speech::Nl
        );
        // `LANGUAGE` comes before `LANG`, as gettext has it, except beside C.
        let listed = |name: &str| match name {
            "LANGUAGE" => Some("nl:en".to_string()),
            "LANG" => Some("en_US.UTF-8".to_string()),
            _ => None,
        };
        assert_eq!(
            choose_with_system(None, &listed, &nothing, &site),
            Speech::Nl
        );
        let listed_beside_c = |name: &str| match name {
            "LANGUAGE" => Some("nl".to_string()),
            "LANG" => Some("C.UTF-8".to_string()),
            _ => None,
        };
        assert_eq!(
            choose_with_system(None, &listed_beside_c, &nothing, &site),
            Speech::En
        );
        // A word is no code: `main` refuses it, and the language comes from elsewhere.
        assert!(!is_language_code("nederlands") && is_language_code("nl_NL"));
        assert_eq!(
            choose_with_system(Some("nederlands"), &dutch_env, &nothing, &site),
            Speech::Nl
        );
        assert_eq!(Speech::from_locale("fy_NL"), Some(Speech::Nl));
        assert_eq!(Speech::from_locale("de_DE.UTF-8"), Some(Speech::En));
    }
}
