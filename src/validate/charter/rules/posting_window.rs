//! `posting-window`: the days and local hours when posts may go out (project time zone).

use jiff::civil::{Time, Weekday};

use super::super::{Finding, PostInput};
use super::{Rule, RuleType};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::content::When;
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &["days", "hours"];

/// The `posting-window` rule type.
pub const TYPE: RuleType = RuleType {
    name: "posting-window",
    options: OPTIONS,
    compile: |f, _| Some(Box::new(compile(f)?)),
};

#[derive(Debug)]
pub struct PostingWindow {
    days: Vec<Weekday>,
    hours: Option<(Time, Time)>,
}

fn weekday(s: &str) -> Option<Weekday> {
    Some(match s.trim().to_lowercase().as_str() {
        "mon" | "monday" | "lun" | "lundi" => Weekday::Monday,
        "tue" | "tuesday" | "mar" | "mardi" => Weekday::Tuesday,
        "wed" | "wednesday" | "mer" | "mercredi" => Weekday::Wednesday,
        "thu" | "thursday" | "jeu" | "jeudi" => Weekday::Thursday,
        "fri" | "friday" | "ven" | "vendredi" => Weekday::Friday,
        "sat" | "saturday" | "sam" | "samedi" => Weekday::Saturday,
        "sun" | "sunday" | "dim" | "dimanche" => Weekday::Sunday,
        _ => return None,
    })
}

pub fn compile(f: &mut Fields<'_>) -> Option<PostingWindow> {
    let mut days = Vec::new();
    for (d, pos) in f.strings("days").unwrap_or_default() {
        match weekday(&d) {
            Some(w) => days.push(w),
            None => {
                f.diags.push(
                    Diagnostic::new(
                        Code::ConfigInvalid,
                        f.file,
                        pos,
                        t!(f.lang, "charter-day", day = d.as_str()),
                    )
                    .with_help(t!(f.lang, "charter-day-help")),
                );
                return None;
            }
        }
    }
    let hours = match f.string("hours") {
        None => None,
        Some(h) => {
            let parsed = h.split_once('-').and_then(|(a, b)| {
                Some((
                    a.trim().parse::<Time>().ok()?,
                    b.trim().parse::<Time>().ok()?,
                ))
            });
            match parsed {
                Some(p) if p.0 < p.1 => Some(p),
                _ => {
                    let pos = f.index.value_pos(&f.key_path("hours"));
                    f.diags.push(
                        Diagnostic::new(
                            Code::ConfigInvalid,
                            f.file,
                            pos,
                            t!(f.lang, "charter-hours", hours = h.as_str()),
                        )
                        .with_help(t!(f.lang, "charter-hours-help")),
                    );
                    return None;
                }
            }
        }
    };
    Some(PostingWindow { days, hours })
}

impl Rule for PostingWindow {
    fn check_post(&self, input: &PostInput<'_>) -> Vec<Finding> {
        let Some(when) = &input.post.date else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let lang = input.config.language;
        let date = when.date();
        if !self.days.is_empty() && !self.days.contains(&date.weekday()) {
            let name = |d: jiff::civil::Weekday| {
                crate::base::l10n::weekday_name(lang, d.to_monday_zero_offset())
            };
            let allowed: Vec<&str> = self.days.iter().map(|d| name(*d)).collect();
            out.push(Finding::field(
                "date",
                t!(
                    lang,
                    "charter-posting-day",
                    date = crate::base::l10n::long_date(lang, date)
                ),
                t!(lang, "charter-posting-day-help", days = allowed.join(", ")),
            ));
        }
        if let (Some((from, to)), When::At(z)) = (self.hours, when) {
            let t = z.time();
            if t < from || t > to {
                out.push(Finding::field(
                    "date",
                    t!(
                        lang,
                        "charter-posting-hours",
                        time = t.strftime("%H:%M").to_string(),
                        from = from.strftime("%H:%M").to_string(),
                        to = to.strftime("%H:%M").to_string(),
                        zone = input.config.timezone_name.as_str()
                    ),
                    t!(
                        lang,
                        "charter-posting-hours-help",
                        from = from.strftime("%H:%M").to_string(),
                        to = to.strftime("%H:%M").to_string()
                    ),
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_post, rule};

    #[test]
    fn days_and_hours_in_local_time() {
        let r = rule(
            "{ id: w, type: posting-window, days: [mon, tue, wed, thu, fri], hours: \"08:00-20:00\" }",
        );
        // 2026-12-05 is a Saturday; 21:30 is late; 2026-12-03T09:30 is fine.
        assert_eq!(check_post(&r, "date: 2026-12-05T10:00").len(), 1);
        assert_eq!(check_post(&r, "date: 2026-12-03T21:30").len(), 1);
        assert!(check_post(&r, "date: 2026-12-03T09:30").is_empty());
        // 07:30 UTC is 08:30 in Paris in winter: inside the window.
        assert!(check_post(&r, "date: 2026-12-03T07:30:00Z").is_empty());
    }
}
