//! Messages in the user's language: one Fluent catalogue per language (`locales/fr.ftl`,
//! `locales/en.ftl`), compiled into the binary. Every diagnostic message and help, and the
//! command line's own lines, are looked up here by id with named arguments; numbers are
//! written the way the language writes them (`1 280` in French, `1,280` in English) and pick
//! the plural form through Fluent's plural rules.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Serialize;

/// The languages trame speaks (SPEC §2 `language`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// trame's default: its users are French-speaking community managers first.
    #[default]
    Fr,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Fr, Language::En];

    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    /// `fr`, `fr_FR.UTF-8`, `en-GB`… (a `--lang` value or a locale variable).
    pub fn from_locale(s: &str) -> Option<Language> {
        let head: String = s
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        match head.as_str() {
            "fr" => Some(Language::Fr),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// The language of the command line outside a project: `LC_ALL`, `LC_MESSAGES`, then
    /// `LANG` (as gettext reads them); French, trame's default, when none names fr or en.
    pub fn from_environment() -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Language::from_locale(&v))
            .unwrap_or(Language::Fr)
    }
}

/// The catalogues, as written (the tests read them to compare the two languages).
pub const CATALOGUES: [(Language, &str); 2] = [
    (Language::Fr, include_str!("../../locales/fr.ftl")),
    (Language::En, include_str!("../../locales/en.ftl")),
];

/// An argument of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Arg {
        Arg::Text(s.into_owned())
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, u8, i64, i32, i16, i8, f64);

struct Catalogue {
    bundle: FluentBundle<FluentResource>,
}

fn catalogue(lang: Language) -> &'static Catalogue {
    static FR: OnceLock<Catalogue> = OnceLock::new();
    static EN: OnceLock<Catalogue> = OnceLock::new();
    let cell = match lang {
        Language::Fr => &FR,
        Language::En => &EN,
    };
    cell.get_or_init(|| load(lang))
}

fn load(lang: Language) -> Catalogue {
    let source = CATALOGUES
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, s)| *s)
        .unwrap_or_default();
    // The catalogues are part of the binary: tests/l10n.rs parses both and rejects an id
    // defined twice, so neither problem reaches a user.
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, _)| resource);
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No bidi isolation marks: terminals and plain text would show them.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Language::Fr => |v, _| format_number(Language::Fr, v),
        Language::En => |v, _| format_number(Language::En, v),
    }));
    // An id defined twice keeps its first text (and fails tests/l10n.rs).
    let _ = bundle.add_resource(resource);
    Catalogue { bundle }
}

fn format_number(lang: Language, v: &FluentValue<'_>) -> Option<String> {
    match v {
        FluentValue::Number(n) => Some(decimal(lang, n.value)),
        _ => None,
    }
}

/// Whether the catalogue of `lang` has a message `id`.
pub fn has(lang: Language, id: &str) -> bool {
    catalogue(lang).bundle.has_message(id)
}

/// The message `id` in `lang`, with its arguments. A message missing from the catalogue (a bug
/// `tests/l10n.rs` catches) comes out as its id rather than nothing.
pub fn tr(lang: Language, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = &catalogue(lang).bundle;
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fargs = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        match v {
            Arg::Text(s) => fargs.set(*k, FluentValue::from(s.as_str())),
            Arg::Number(n) => fargs.set(*k, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
    out.into_owned()
}

/// `t!(lang, "message-id", name = value, …)`: the message in that language.
macro_rules! t {
    ($lang:expr, $id:expr $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::base::l10n::tr(
            $lang,
            $id,
            &[$((stringify!($k), $crate::base::l10n::Arg::from($v))),*],
        )
    };
}
pub(crate) use t;

/// The name of month `m` (1–12).
pub fn month_name(lang: Language, m: i8) -> &'static str {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = usize::try_from(m - 1).unwrap_or(0).min(11);
    match lang {
        Language::Fr => FR[i],
        Language::En => EN[i],
    }
}

/// The name of a day of the week, Monday being 0.
pub fn weekday_name(lang: Language, monday_zero: i8) -> &'static str {
    const FR: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let i = usize::try_from(monday_zero).unwrap_or(0).min(6);
    match lang {
        Language::Fr => FR[i],
        Language::En => EN[i],
    }
}

/// A date as people of the language write it: "jeudi 3 décembre 2026", "Thursday 3 December 2026".
pub fn long_date(lang: Language, d: jiff::civil::Date) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(lang, d.weekday().to_monday_zero_offset()),
        d.day(),
        month_name(lang, d.month()),
        d.year()
    )
}

/// Why a file could not be read, in the language: the common cases have their words, any other
/// keeps the system's.
pub fn io_reason(lang: Language, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => t!(lang, "io-not-found"),
        std::io::ErrorKind::PermissionDenied => t!(lang, "io-permission"),
        std::io::ErrorKind::IsADirectory => t!(lang, "io-folder"),
        _ => e.to_string(),
    }
}

/// 12400 → "12 400" (French, narrow no-break space) or "12,400" (English).
pub fn number(lang: Language, n: u64) -> String {
    let digits = n.to_string();
    let sep = if lang == Language::Fr {
        "\u{202f}"
    } else {
        ","
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A number that may have decimals: "1 200", "1 200,5" (French) or "1,200", "1,200.5" (English).
pub fn decimal(lang: Language, x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let s = format!("{:.4}", x.abs());
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let int = int
        .parse::<u64>()
        .map_or_else(|_| int.to_string(), |n| number(lang, n));
    let point = if lang == Language::Fr { "," } else { "." };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}{point}{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_and_pluralised_per_language() {
        assert_eq!(
            t!(Language::Fr, "unit-characters", count = 1280usize),
            "1\u{202f}280\u{a0}caractères"
        );
        assert_eq!(
            t!(Language::Fr, "unit-characters", count = 1usize),
            "1\u{a0}caractère"
        );
        assert_eq!(
            t!(Language::En, "unit-characters", count = 1280usize),
            "1,280 characters"
        );
        assert_eq!(
            t!(Language::En, "unit-characters", count = 1usize),
            "1 character"
        );
    }

    #[test]
    fn a_locale_names_its_language() {
        assert_eq!(Language::from_locale("fr_FR.UTF-8"), Some(Language::Fr));
        assert_eq!(Language::from_locale("en-GB"), Some(Language::En));
        assert_eq!(Language::from_locale("C.UTF-8"), None);
    }
}
