//! `calendar/cadence`: weeks (or days, months) with fewer posts on a network than trame.yaml's
//! `cadence` asks for, from the current period to the last planned post.

use std::collections::BTreeMap;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::config::{Cadence, Config, Language, Period};
use crate::load::content::{Post, Status};

/// The period a date falls in, as a sortable key.
fn period_key(d: Date, per: Period) -> i32 {
    match per {
        Period::Day => d.year() as i32 * 1000 + d.day_of_year() as i32,
        Period::Week => {
            let w = d.iso_week_date();
            w.year() as i32 * 100 + w.week() as i32
        }
        Period::Month => d.year() as i32 * 100 + d.month() as i32,
    }
}

/// The period a date falls in, as its key and a label (`2026-W49`, `2026-12-03`, `2026-12`).
fn period_of(d: Date, per: Period) -> (i32, String) {
    let label = match per {
        Period::Day => d.to_string(),
        Period::Week => {
            let w = d.iso_week_date();
            format!("{}-W{:02}", w.year(), w.week())
        }
        Period::Month => format!("{}-{:02}", d.year(), d.month()),
    };
    (period_key(d, per), label)
}

/// The first and last day of the period `d` falls in.
fn bounds(d: Date, per: Period) -> (Date, Date) {
    match per {
        Period::Day => (d, d),
        Period::Week => {
            let back = i64::from(d.weekday().to_monday_zero_offset());
            let monday = d.checked_sub(jiff::Span::new().days(back)).unwrap_or(d);
            let sunday = monday.checked_add(jiff::Span::new().days(6)).unwrap_or(d);
            (monday, sunday)
        }
        Period::Month => (d.first_of_month(), d.last_of_month()),
    }
}

/// A day as the message says it: "23 novembre 2026", "23 November 2026"; a month: "novembre
/// 2026".
fn day_label(lang: Language, d: Date, per: Period) -> String {
    let month = crate::base::l10n::month_name(lang, d.month());
    match per {
        Period::Month => format!("{month} {}", d.year()),
        _ => format!("{} {month} {}", d.day(), d.year()),
    }
}

fn next(d: Date, per: Period) -> Option<Date> {
    let span = match per {
        Period::Day => jiff::Span::new().days(1),
        Period::Week => jiff::Span::new().weeks(1),
        Period::Month => jiff::Span::new().months(1),
    };
    d.checked_add(span).ok()
}

/// Planned posts per period (dated, not mere ideas), for each network with a cadence: period
/// key → (a day of that period, posts). One parallel pass over the posts for all networks: this
/// runs on every save, and waits on memory (each post's networks) more than it computes.
pub fn counts<'c>(
    posts: &[&Post],
    config: &'c Config,
) -> BTreeMap<&'c str, BTreeMap<i32, (Date, usize)>> {
    let cadences: Vec<(&str, Period)> = config
        .cadence
        .iter()
        .map(|(n, c)| (n.as_str(), c.per))
        .collect();
    type Tally = Vec<BTreeMap<i32, (Date, usize)>>;
    let empty = || -> Tally { vec![BTreeMap::new(); cadences.len()] };
    let tally = posts
        .par_iter()
        .fold(empty, |mut t, p| {
            let Some(date) = &p.date else { return t };
            if p.status == Status::Idea {
                return t;
            }
            let d = date.date();
            for n in p.published_networks() {
                if let Some(i) = cadences.iter().position(|(c, _)| *c == n) {
                    let e = t[i].entry(period_key(d, cadences[i].1)).or_insert((d, 0));
                    // The earliest day, so that the result never depends on the thread split.
                    e.0 = e.0.min(d);
                    e.1 += 1;
                }
            }
            t
        })
        .reduce(empty, |mut a, b| {
            for (mine, theirs) in a.iter_mut().zip(b) {
                for (k, (d, n)) in theirs {
                    let e = mine.entry(k).or_insert((d, 0));
                    e.0 = e.0.min(d);
                    e.1 += n;
                }
            }
            a
        });
    cadences
        .iter()
        .zip(tally)
        .filter(|(_, t)| !t.is_empty())
        .map(|((n, _), t)| (*n, t))
        .collect()
}

/// Every period from the first planned post to the last, with its label and posts: a week with
/// nothing between two busy ones counts (as an empty week), as `check` reports it.
pub fn every_period(periods: &BTreeMap<i32, (Date, usize)>, per: Period) -> Vec<(String, usize)> {
    let (Some((_, (first, _))), Some((&last, _))) =
        (periods.iter().next(), periods.iter().next_back())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut d = *first;
    loop {
        let (key, label) = period_of(d, per);
        if key > last {
            break;
        }
        out.push((label, periods.get(&key).map_or(0, |c| c.1)));
        match next(d, per) {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

/// One diagnostic per network and run of consecutive periods below the target ("LinkedIn: 3
/// weeks below 2 posts a week, 2026-W50 to 2026-W52"), not one per period: a quiet month is one
/// problem to plan for, not four.
pub fn check(posts: &[&Post], config: &Config, today: Date) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let lang = config.language;
    let all = counts(posts, config);
    for (network, cadence) in &config.cadence {
        let Cadence { count: target, per } = *cadence;
        let Some(counts) = all.get(network.as_str()) else {
            continue;
        };
        let Some((&last, _)) = counts.iter().next_back() else {
            continue;
        };
        let label = config.networks.label(network);
        let per_id = match per {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        };
        let pos = config.index.value_pos(&format!("cadence.{network}"));
        // (a day of the first period, of the last, periods, posts missing)
        let mut runs: Vec<(Date, Date, usize, usize)> = Vec::new();
        let mut in_run = false;
        let mut d = today;
        loop {
            let key = period_key(d, per);
            if key > last {
                break;
            }
            let have = counts.get(&key).map_or(0, |c| c.1);
            let target = target as usize;
            if have < target {
                match runs.last_mut() {
                    Some(run) if in_run => {
                        run.1 = d;
                        run.2 += 1;
                        run.3 += target - have;
                    }
                    _ => runs.push((d, d, 1, target - have)),
                }
                in_run = true;
            } else {
                in_run = false;
            }
            match next(d, per) {
                Some(n) => d = n,
                None => break,
            }
        }
        for (first, end, periods, missing) in runs {
            let from = day_label(lang, bounds(first, per).0, per);
            let to = day_label(lang, bounds(end, per).1, per);
            let message = if periods == 1 {
                let have = target as usize - missing;
                t!(
                    lang,
                    "cadence-one",
                    from = from.as_str(),
                    to = to.as_str(),
                    have = have,
                    network = label,
                    target = target,
                    per = per_id
                )
            } else {
                t!(
                    lang,
                    "cadence-run",
                    network = label,
                    periods = periods,
                    target = target,
                    per = per_id,
                    from = from.as_str(),
                    to = to.as_str()
                )
            };
            diags.push(
                Diagnostic::new(
                    Code::CalendarCadence,
                    crate::load::config::CONFIG_FILE,
                    pos,
                    message,
                )
                .with_help(t!(
                    lang,
                    "cadence-help",
                    missing = missing,
                    network = label,
                    periods = periods,
                    per = per_id
                ))
                .with_network(network),
            );
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn an_empty_week_between_two_busy_ones_is_counted() {
        let mut p = BTreeMap::new();
        for d in ["2026-11-30", "2026-12-14"] {
            p.insert(period_key(day(d), Period::Week), (day(d), 2));
        }
        assert_eq!(
            every_period(&p, Period::Week),
            vec![
                ("2026-W49".to_string(), 2),
                ("2026-W50".to_string(), 0),
                ("2026-W51".to_string(), 2)
            ]
        );
    }

    #[test]
    fn months_step_from_the_end_of_a_month() {
        let mut p = BTreeMap::new();
        for d in ["2026-01-31", "2026-04-02"] {
            p.insert(period_key(day(d), Period::Month), (day(d), 1));
        }
        let labels: Vec<String> = every_period(&p, Period::Month)
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(labels, ["2026-01", "2026-02", "2026-03", "2026-04"]);
    }

    #[test]
    fn a_year_of_iso_weeks_crosses_week_53() {
        let mut p = BTreeMap::new();
        for d in ["2026-12-21", "2027-01-11"] {
            p.insert(period_key(day(d), Period::Week), (day(d), 1));
        }
        let labels: Vec<String> = every_period(&p, Period::Week)
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(labels, ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]);
    }
}
