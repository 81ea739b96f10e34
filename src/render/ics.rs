//! iCalendar feeds (RFC 5545): `calendar.ics` and one `calendar-<network>.ics` per network.
//! Times are written in UTC (`…Z`), so no VTIMEZONE is needed and every client agrees.

use std::fmt::Write as _;
use std::sync::Arc;

use super::fragments::Fragments;
use super::{Input, Layout, OutFile, PostRef};
use crate::load::content::{Entry, EntryKind, Status, When};
use crate::routes;

/// TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character, with CRLF endings.
/// Control characters never reach the feed, whatever the value: a line break there would start
/// a property of its own (an `ATTENDEE:` smuggled in a file name or an address).
pub fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars().filter(|c| !c.is_control() || *c == '\t') {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn utc(when: &When) -> (String, bool) {
    match when {
        When::Day(d) => (d.strftime("%Y%m%d").to_string(), true),
        When::At(z) => (z.timestamp().strftime("%Y%m%dT%H%M%SZ").to_string(), false),
    }
}

struct Event {
    uid: String,
    start: When,
    end: Option<When>,
    summary: String,
    description: String,
    categories: Vec<String>,
    url: Option<String>,
    status: Option<&'static str>,
}

fn event(ev: &Event, stamp: &str, out: &mut String) {
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", ev.uid),
        format!("DTSTAMP:{stamp}"),
    ];
    let (start, all_day) = utc(&ev.start);
    if all_day {
        lines.push(format!("DTSTART;VALUE=DATE:{start}"));
        // An all-day end is exclusive: the day after the last day.
        let last = ev.end.as_ref().map_or(ev.start.date(), When::date);
        let end = last.tomorrow().unwrap_or(last);
        lines.push(format!("DTEND;VALUE=DATE:{}", end.strftime("%Y%m%d")));
    } else {
        lines.push(format!("DTSTART:{start}"));
        match &ev.end {
            Some(e @ When::At(_)) => lines.push(format!("DTEND:{}", utc(e).0)),
            _ => lines.push("DURATION:PT15M".to_string()),
        }
    }
    lines.push(format!("SUMMARY:{}", escape(&ev.summary)));
    if !ev.description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape(&ev.description)));
    }
    if !ev.categories.is_empty() {
        let cats: Vec<String> = ev.categories.iter().map(|c| escape(c)).collect();
        lines.push(format!("CATEGORIES:{}", cats.join(",")));
    }
    if let Some(s) = ev.status {
        lines.push(format!("STATUS:{s}"));
    }
    if let Some(u) = &ev.url {
        lines.push(format!("URL:{u}"));
    }
    lines.push("END:VEVENT".to_string());
    for l in lines {
        fold(&l, out);
    }
}

fn post_events(input: &Input<'_>, p: &PostRef<'_>, network: Option<&str>) -> Option<Event> {
    let post = p.post;
    let date = post.date.clone()?;
    let nets: Vec<&str> = post
        .published_networks()
        .filter(|n| network.is_none_or(|x| x == *n))
        .collect();
    if nets.is_empty() || p.variants.is_empty() {
        return None;
    }
    let label = |n: &str| input.config.networks.label(n).to_string();
    let labels: Vec<String> = nets.iter().map(|n| label(n)).collect();
    // Each text once, headed by the networks that publish it: most posts say the same thing
    // on several networks, and a calendar app shows the description whole.
    let mut texts: Vec<(Vec<String>, &str)> = Vec::new();
    for n in &nets {
        if let Some(v) = p.variants.get(*n) {
            match texts.iter_mut().find(|(_, t)| *t == v.text) {
                Some((names, _)) => names.push(label(n)),
                None => texts.push((vec![label(n)], &v.text)),
            }
        }
    }
    let mut description = String::new();
    for (names, text) in texts {
        let _ = write!(description, "— {} —\n{text}\n\n", names.join(", "));
    }
    // The page's segment: unique per post (duplicates get a suffix) and free of line breaks.
    let uid_net = network.map_or(String::new(), |n| format!("-{}", routes::segment(n)));
    let seg = input.routes.segment(p.file).unwrap_or_default();
    Some(Event {
        uid: format!("post-{seg}{uid_net}@trame"),
        start: date,
        end: None,
        summary: format!("{} [{}]", post.title, labels.join(", ")),
        description: description.trim_end().to_string(),
        categories: nets.iter().map(|n| n.to_string()).collect(),
        url: absolute(input, input.routes.post(p.file)),
        status: Some(match post.status {
            Status::Idea | Status::Draft | Status::Review => "TENTATIVE",
            _ => "CONFIRMED",
        }),
    })
}

/// The address of a page on the published site, when `base_url` says where it is.
fn absolute(input: &Input<'_>, page: Option<routes::OutPath>) -> Option<String> {
    let base = input.config.base_url.as_ref()?;
    Some(routes::absolute(base, &page?))
}

fn entry_event(input: &Input<'_>, e: &Entry) -> Option<Event> {
    let start = e.date.clone()?;
    // A start at a time and an end on a day: the event lasts to the end of that day.
    let end = match (&start, &e.end) {
        (When::At(z), Some(When::Day(d))) => d
            .tomorrow()
            .ok()
            .and_then(|next| {
                next.at(0, 0, 0, 0)
                    .to_zoned_datetime(z.time_zone().clone())
                    .ok()
            })
            .map(When::At),
        (_, end) => end.clone(),
    };
    Some(Event {
        uid: format!("entry-{}@trame", routes::segment(e.id())),
        start,
        end,
        summary: e.title.clone(),
        description: [
            e.goal.clone().unwrap_or_default(),
            e.body.trim().to_string(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n"),
        categories: vec![e.kind.name().to_string()],
        url: if e.kind == EntryKind::Campaign {
            absolute(input, input.routes.campaign(&e.common.file))
        } else {
            None
        },
        status: None,
    })
}

/// DTSTAMP: the build's day, so that an unchanged project gives the same bytes all day.
pub fn stamp(today: jiff::civil::Date) -> String {
    today.strftime("%Y%m%dT000000Z").to_string()
}

/// A post's event in the feed of `network` (`None`: every network), if it is dated and
/// published there.
pub fn post_event(
    input: &Input<'_>,
    p: &PostRef<'_>,
    network: Option<&str>,
    stamp: &str,
) -> Option<String> {
    post_events(input, p, network).map(|ev| {
        let mut s = String::new();
        event(&ev, stamp, &mut s);
        s
    })
}

/// `calendar.ics` and the feed of each network: each post's events are made once (and kept
/// until the post changes) for all the feeds.
pub fn feeds(
    input: &Input<'_>,
    layout: &Layout,
    sorted: &[PostRef<'_>],
    frags: &Fragments,
) -> Vec<OutFile> {
    use rayon::prelude::*;
    let mut names: Vec<Option<String>> = vec![None];
    names.extend(layout.feed_networks.iter().cloned().map(Some));
    let stamp = stamp(input.today);
    let refs: Vec<&PostRef<'_>> = sorted.iter().collect();
    let events = frags.events(&refs, &names, |p, network| {
        post_event(input, p, network, &stamp)
    });
    names
        .par_iter()
        .enumerate()
        .map(|(i, network)| {
            let posts = events.iter().filter_map(|e| e.get(i)?.clone());
            OutFile::pieces(
                routes::feed(network.as_deref()),
                feed(input, network.as_deref(), posts, &stamp),
            )
        })
        .collect()
}

/// One feed, as pieces: its head, the events of the posts (made by [`post_event`], in order),
/// the events of the calendar entries concerned and its end.
pub fn feed(
    input: &Input<'_>,
    network: Option<&str>,
    posts: impl Iterator<Item = Arc<str>>,
    stamp: &str,
) -> Vec<Arc<str>> {
    let config = input.config;
    let name = match network {
        Some(n) => format!("{} — {}", config.title, config.networks.label(n)),
        None => config.title.clone(),
    };
    let mut head = String::new();
    for l in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//trame//calendrier éditorial//FR".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(&name)),
        format!("X-WR-TIMEZONE:{}", config.timezone_name),
    ] {
        fold(&l, &mut head);
    }
    let mut out: Vec<Arc<str>> = vec![head.into()];
    out.extend(posts);
    let mut tail = String::new();
    for e in &input.entries {
        let concerned =
            network.is_none_or(|n| e.networks.is_empty() || e.networks.iter().any(|(x, _)| x == n));
        if concerned && let Some(ev) = entry_event(input, e) {
            event(&ev, stamp, &mut tail);
        }
    }
    fold("END:VCALENDAR", &mut tail);
    out.push(tail.into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }

    #[test]
    fn folding_at_75_octets_on_char_boundaries() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", "é".repeat(60));
        fold(&line, &mut out);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), line);
    }
}
