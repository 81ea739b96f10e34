//! `calendar/cadence`: weeks (or days, months) with fewer posts on a network than trame.yaml's
//! `cadence` asks for, from the current period to the last planned post.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;

use super::Context;
use crate::config::{Cadence, Period};
use crate::content::Status;
use crate::diagnostics::Diagnostic;

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

fn next(d: Date, per: Period) -> Option<Date> {
    let span = match per {
        Period::Day => jiff::Span::new().days(1),
        Period::Week => jiff::Span::new().weeks(1),
        Period::Month => jiff::Span::new().months(1),
    };
    d.checked_add(span).ok()
}

/// Planned posts per period (dated, not mere ideas), for each network with a cadence. One pass
/// over the posts for all networks: this runs on every save.
pub fn counts<'c>(ctx: &Context<'c>) -> BTreeMap<&'c str, BTreeMap<i32, (String, usize)>> {
    let mut out: BTreeMap<&str, BTreeMap<i32, (String, usize)>> = BTreeMap::new();
    // Posts share days: an ISO week is worked out once per day, not once per post and network.
    let mut keys: HashMap<(Date, Period), i32> = HashMap::new();
    for p in &ctx.content.posts {
        let Some(date) = &p.date else { continue };
        if p.status == Status::Idea {
            continue;
        }
        let d = date.date();
        for n in p.published_networks() {
            let Some((network, cadence)) = ctx.config.cadence.get_key_value(n) else {
                continue;
            };
            // The label is made once per period.
            let key = *keys
                .entry((d, cadence.per))
                .or_insert_with(|| period_key(d, cadence.per));
            out.entry(network.as_str())
                .or_default()
                .entry(key)
                .or_insert_with(|| (period_of(d, cadence.per).1, 0))
                .1 += 1;
        }
    }
    out
}

pub fn check(ctx: &Context<'_>) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let all = counts(ctx);
    for (network, cadence) in &ctx.config.cadence {
        let Cadence { count: target, per } = *cadence;
        let Some(counts) = all.get(network.as_str()) else {
            continue;
        };
        let Some((&last, _)) = counts.iter().next_back() else {
            continue;
        };
        let label = ctx
            .config
            .networks
            .get(network)
            .map_or(network.as_str(), |n| n.label.as_str());
        let per_name = match per {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        };
        let pos = ctx.config.index.value_pos(&format!("cadence.{network}"));
        let mut d = ctx.today;
        loop {
            let (key, name) = period_of(d, per);
            if key > last {
                break;
            }
            let have = counts.get(&key).map_or(0, |c| c.1);
            if have < target as usize {
                diags.push(
                    Diagnostic::warning(
                        "calendar/cadence",
                        crate::config::CONFIG_FILE,
                        pos,
                        format!("{name}: {have} {label} post{} planned, the cadence is {target}/{per_name}", if have == 1 { "" } else { "s" }),
                    )
                    .with_help(format!("plan {} more {label} post{} that {per_name}, or lower the cadence", target as usize - have, if target as usize - have == 1 { "" } else { "s" }))
                    .with_network(network),
                );
            }
            match next(d, per) {
                Some(n) => d = n,
                None => break,
            }
        }
    }
    diags
}
