//! Veille: what a note's fields must be, the notes a post cites, and the e-reputation alert
//! (more negative notes within 24 hours than `veille.alert` allows: a crisis may be starting).

use jiff::{SignedDuration, Timestamp};

use super::Context;
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, did_you_mean};
use crate::load::config::Config;
use crate::load::content::{Note, NoteStatus, Post, Tone, VeilleKind};

/// A burst of negative e-reputation notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    /// The notes of the 24-hour window, oldest first (their files).
    pub files: Vec<String>,
    pub from: Timestamp,
    pub to: Timestamp,
}

/// A note's own problems: an address the site cannot link to.
pub fn note(n: &Note, config: &Config, diags: &mut Vec<Diagnostic>) {
    let lang = config.language;
    if let Some((url, pos)) = &n.url
        && crate::routes::external(url).is_none()
    {
        diags.push(
            Diagnostic::new(
                Code::FrontmatterLinkScheme,
                &n.common.file,
                *pos,
                t!(lang, "link-scheme", url = url.as_str()),
            )
            .with_help(t!(lang, "link-scheme-help"))
            .with_span(url.chars().count()),
        );
    }
}

/// `sources:` of a post must name veille notes.
pub fn sources(post: &Post, ctx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    let lang = ctx.config.language;
    for (id, pos) in &post.sources {
        if ctx.notes.contains_key(id.as_str()) {
            continue;
        }
        let help = did_you_mean(id, ctx.notes.keys().copied())
            .map(|s| t!(lang, "did-you-mean", name = s))
            .unwrap_or_else(|| t!(lang, "veille-unknown-note-help"));
        diags.push(
            Diagnostic::new(
                Code::VeilleUnknownNote,
                post.file(),
                *pos,
                t!(lang, "veille-unknown-note", id = id.as_str()),
            )
            .with_help(help)
            .with_span(id.chars().count()),
        );
    }
}

/// The bursts of negative e-reputation notes: every 24-hour window holding more of them than
/// `veille.alert`, overlapping windows making one alert, with one diagnostic at the note that
/// passed the threshold. A note the team has dealt with is `archived`: it no longer counts, so
/// an alert stays until someone handles it, like an open incident, whatever today is.
pub fn alerts(notes: &[&Note], config: &Config) -> (Vec<Alert>, Vec<Diagnostic>) {
    let Some(limit) = config.veille.alert else {
        return (Vec::new(), Vec::new());
    };
    let tz = &config.timezone;
    let mut negative: Vec<(Timestamp, &Note)> = notes
        .iter()
        .filter(|n| n.kind == VeilleKind::EReputation && n.tone == Some(Tone::Negative))
        .filter(|n| n.status != NoteStatus::Archived)
        .filter_map(|n| Some((n.date.as_ref()?.sort_key(tz), *n)))
        .collect();
    negative.sort_by(|a, b| (a.0, a.1.common.file.as_str()).cmp(&(b.0, b.1.common.file.as_str())));
    let day = SignedDuration::from_hours(24);
    let limit = limit as usize;
    let mut alerts: Vec<Alert> = Vec::new();
    let mut first = 0;
    for last in 0..negative.len() {
        while negative[last].0.duration_since(negative[first].0) >= day {
            first += 1;
        }
        if last + 1 - first <= limit {
            continue;
        }
        let (from, to) = (negative[first].0, negative[last].0);
        let files = negative[first..=last]
            .iter()
            .map(|(_, n)| n.common.file.clone());
        match alerts.last_mut() {
            // The same burst going on: one alert that grows.
            Some(a) if from <= a.to => {
                a.to = to;
                for f in files {
                    if !a.files.contains(&f) {
                        a.files.push(f);
                    }
                }
            }
            _ => alerts.push(Alert {
                files: files.collect(),
                from,
                to,
            }),
        }
    }
    let lang = config.language;
    let diags = alerts
        .iter()
        .filter_map(|a| {
            // The note that passed the threshold: the (limit + 1)th of the burst.
            let file = a.files.get(limit)?;
            let note = notes.iter().find(|n| &n.common.file == file)?;
            let when = |t: Timestamp| {
                t.to_zoned_datetime(tz.clone())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string()
            };
            Some(
                Diagnostic::new(
                    Code::VeilleAlert,
                    file,
                    note.common.index.value_pos("tone"),
                    t!(
                        lang,
                        "veille-alert",
                        count = a.files.len(),
                        limit = limit,
                        from = when(a.from),
                        to = when(a.to)
                    ),
                )
                .with_help(t!(lang, "veille-alert-help")),
            )
        })
        .collect();
    (alerts, diags)
}
