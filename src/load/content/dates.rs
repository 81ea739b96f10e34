//! Dates of SPEC §3: `2026-12-03`, `2026-12-03T09:30` (project time zone) or with an offset.

use crate::base::l10n::Language;
use crate::base::l10n::t;
use jiff::civil::{Date, DateTime};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{Timestamp, ZonedDateTime};

/// A publication date: a whole day, or an exact time in the project's time zone.
#[derive(Debug, Clone, PartialEq)]
pub enum When {
    Day(Date),
    At(ZonedDateTime),
}

impl When {
    pub fn date(&self) -> Date {
        match self {
            When::Day(d) => *d,
            When::At(z) => z.date(),
        }
    }

    /// ISO 8601: `2026-12-03` or `2026-12-03T09:30:00+01:00`.
    pub fn iso(&self) -> String {
        match self {
            When::Day(d) => d.to_string(),
            When::At(z) => z.timestamp().display_with_offset(z.offset()).to_string(),
        }
    }

    /// For sorting: a whole day sorts at its start.
    pub fn sort_key(&self, tz: &TimeZone) -> Timestamp {
        match self {
            When::Day(d) => d
                .to_zoned_datetime(tz.clone())
                .map(|z| z.timestamp())
                .unwrap_or(Timestamp::UNIX_EPOCH),
            When::At(z) => z.timestamp(),
        }
    }
}

/// A date problem: the message, its help, and whether it is only a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem {
    pub message: String,
    pub help: String,
    pub warning_only: bool,
}

/// Parses a date as written in front matter. A time in the DST gap is an error; a time that
/// happens twice (the night clocks go back) is taken at its first occurrence, with a warning.
pub fn parse(
    text: &str,
    tz: &TimeZone,
    tz_name: &str,
    lang: Language,
) -> Result<(When, Option<DateProblem>), DateProblem> {
    let t = text.trim();
    let bad = |why: String| match day_first(t) {
        // 03/12/2026: the way people write dates in France, which YAML and trame do not read.
        Some(iso) => DateProblem {
            message: t!(lang, "date-day-first", date = t),
            help: t!(lang, "date-day-first-help", iso = iso),
            warning_only: false,
        },
        None => DateProblem {
            message: t!(lang, "date-invalid", date = t, reason = why),
            help: t!(lang, "date-invalid-help"),
            warning_only: false,
        },
    };
    if t.len() <= 10 {
        return t
            .parse::<Date>()
            .map(|d| (When::Day(d), None))
            .map_err(|e| bad(short_error(&e.to_string())));
    }
    let normalised = t.replacen(' ', "T", 1);
    let time_part = normalised.split_once('T').map(|x| x.1).unwrap_or_default();
    let has_offset = time_part.ends_with('Z')
        || time_part.ends_with('z')
        || time_part.contains('+')
        || time_part.contains('-');
    if has_offset {
        let ts = normalised
            .parse::<Timestamp>()
            .map_err(|e| bad(short_error(&e.to_string())))?;
        return Ok((When::At(ts.to_zoned_datetime(tz.clone())), None));
    }
    let dt = normalised
        .parse::<DateTime>()
        .map_err(|e| bad(short_error(&e.to_string())))?;
    let amb = tz.to_ambiguous_zoned_datetime(dt);
    match amb.offset() {
        AmbiguousOffset::Unambiguous { .. } => amb
            .compatible()
            .map(|z| (When::At(z), None))
            .map_err(|e| bad(e.to_string())),
        AmbiguousOffset::Gap { before, after } => {
            let later = amb
                .compatible()
                .map(|z| z.strftime("%H:%M").to_string())
                .unwrap_or_default();
            Err(DateProblem {
                message: t!(
                    lang,
                    "date-gap",
                    time = dt.strftime("%Y-%m-%d %H:%M").to_string(),
                    zone = tz_name,
                    before = before.to_string(),
                    after = after.to_string()
                ),
                help: t!(lang, "date-gap-help", later = later),
                warning_only: false,
            })
        }
        AmbiguousOffset::Fold { before, after } => {
            let z = amb.compatible().map_err(|e| bad(e.to_string()))?;
            Ok((
                When::At(z),
                Some(DateProblem {
                    message: t!(
                        lang,
                        "date-fold",
                        time = dt.strftime("%Y-%m-%d %H:%M").to_string(),
                        zone = tz_name,
                        before = before.to_string(),
                        after = after.to_string()
                    ),
                    help: t!(
                        lang,
                        "date-fold-help",
                        example = format!("{normalised}{before}")
                    ),
                    warning_only: true,
                }),
            ))
        }
    }
}

/// `03/12/2026`, `3.12.2026`, `03-12-2026` (day first) as ISO 8601: `2026-12-03`.
fn day_first(t: &str) -> Option<String> {
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    let (d, m, y): (i8, i8, i16) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    Date::new(y, m, d).ok().map(|date| date.to_string())
}

fn short_error(e: &str) -> String {
    // jiff's messages chain "failed to parse …: <reason>"; the reason is what helps.
    e.rsplit(": ").next().unwrap_or(e).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris() -> TimeZone {
        jiff::tz::db().get("Europe/Paris").unwrap_or(TimeZone::UTC)
    }

    #[test]
    fn local_times_get_the_right_offset() {
        let (w, _) = parse("2026-07-01T10:00", &paris(), "Europe/Paris", Language::En)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(w.iso(), "2026-07-01T10:00:00+02:00");
        let (w, _) = parse("2026-12-03 09:30", &paris(), "Europe/Paris", Language::En)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(w.iso(), "2026-12-03T09:30:00+01:00");
    }

    #[test]
    fn explicit_offsets_are_kept_as_instants() {
        let (w, _) = parse(
            "2026-12-03T09:30:00+00:00",
            &paris(),
            "Europe/Paris",
            Language::En,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(w.iso(), "2026-12-03T10:30:00+01:00");
    }

    #[test]
    fn dst_gap_is_an_error_and_fold_a_warning() {
        let e = parse("2026-03-29T02:30", &paris(), "Europe/Paris", Language::En).err();
        assert!(e.is_some_and(|e| e.message.contains("does not exist")));
        let (_, warn) = parse("2026-10-25T02:30", &paris(), "Europe/Paris", Language::En)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(warn.is_some_and(|w| w.warning_only));
    }

    #[test]
    fn impossible_dates() {
        assert!(parse("2026-02-30", &paris(), "Europe/Paris", Language::En).is_err());
        assert!(parse("2026-13-01T10:00", &paris(), "Europe/Paris", Language::En).is_err());
        assert!(parse("demain", &paris(), "Europe/Paris", Language::En).is_err());
    }

    #[test]
    fn a_date_written_day_first_is_given_back_in_iso() {
        let e = parse("03/12/2026", &paris(), "Europe/Paris", Language::Fr).err();
        assert!(e.is_some_and(|e| e.help.contains("2026-12-03")));
        assert_eq!(day_first("31.02.2026"), None);
    }
}
