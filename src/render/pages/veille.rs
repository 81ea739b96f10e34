//! The veille page (`veille/index.html`, SPEC §3.4): the four kinds side by side, newest first,
//! with filters; e-reputation as a timeline with the negative notes marked and a banner when a
//! burst passed `veille.alert`; the competitors' activity per week next to the latest audit's
//! figures. Each note has its anchor (`#note-<id>`), where posts that cite it link.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde::Serialize;

use super::Ctx;
use crate::base::text::fold;
use crate::load::content::{Note, NoteStatus, Tone, VeilleKind, When};
use crate::render::html::markdown_html;
use crate::render::views::Frame;
use crate::render::{Input, OutFile, PostRef, ThemeError, i18n};
use crate::routes::{self, OutPath};

/// Weeks of competitors' activity shown, ending with the week of today.
const WEEKS: usize = 8;

#[derive(Serialize)]
struct VeilleView {
    #[serde(flatten)]
    frame: Frame,
    any: bool,
    alerts: Vec<AlertView>,
    filters: Filters,
    kinds: Vec<KindColumn>,
    timeline: Vec<TimelineDay>,
    competitors: Option<Competitors>,
}

#[derive(Serialize)]
struct AlertView {
    message: String,
    notes: Vec<Link>,
}

#[derive(Serialize)]
struct Link {
    label: String,
    href: String,
}

#[derive(Serialize)]
struct Opt {
    id: String,
    label: String,
}

#[derive(Serialize)]
struct Filters {
    kinds: Vec<Opt>,
    sources: Vec<Opt>,
    statuses: Vec<Opt>,
    tones: Vec<Opt>,
    competitors: Vec<Opt>,
}

#[derive(Serialize)]
struct KindColumn {
    id: &'static str,
    label: &'static str,
    about: &'static str,
    count: usize,
    notes: Vec<NoteView>,
}

/// The data attributes the filters read, shared by a note and its line of the timeline.
#[derive(Serialize, Clone)]
struct Facets {
    kind: &'static str,
    source: String,
    status: &'static str,
    tone: &'static str,
    competitor: String,
}

#[derive(Serialize)]
struct NoteView {
    anchor: String,
    title: String,
    url: Option<String>,
    date: String,
    date_iso: String,
    facets: Facets,
    source: Option<String>,
    status_label: &'static str,
    tone_label: Option<&'static str>,
    competitor: Option<String>,
    keywords: Vec<String>,
    tags: Vec<String>,
    body: String,
    used_in: Vec<Link>,
    file: String,
}

#[derive(Serialize)]
struct TimelineDay {
    date: String,
    date_iso: String,
    items: Vec<TimelineItem>,
}

#[derive(Serialize)]
struct TimelineItem {
    title: String,
    href: String,
    negative: bool,
    tone_label: Option<&'static str>,
    facets: Facets,
}

#[derive(Serialize)]
struct Competitors {
    weeks: Vec<String>,
    rows: Vec<CompetitorRow>,
    audit: Option<Link>,
}

#[derive(Serialize)]
struct CompetitorRow {
    name: String,
    counts: Vec<u32>,
    total: u32,
    /// From the latest audit: "12 400 abonnés · 3 publ./sem.".
    audit: Option<String>,
}

fn kind_label(lang: crate::load::config::Language, k: VeilleKind) -> &'static str {
    i18n::label(lang, &format!("veille_{}", k.name()))
}

fn status_label(lang: crate::load::config::Language, s: NoteStatus) -> &'static str {
    i18n::label(lang, &format!("note_{}", s.name()))
}

fn tone_label(lang: crate::load::config::Language, t: Tone) -> &'static str {
    i18n::label(lang, &format!("tone_{}", t.name()))
}

/// The anchor of a note on the veille page.
pub fn anchor(id: &str) -> String {
    format!("note-{}", slug::slugify(id))
}

/// note id → the posts that cite it (`sources:`), in path order.
pub fn citations<'a>(input: &'a Input<'a>) -> BTreeMap<&'a str, Vec<&'a PostRef<'a>>> {
    let mut out: BTreeMap<&str, Vec<&PostRef<'a>>> = BTreeMap::new();
    for p in &input.posts {
        for (id, _) in &p.post.sources {
            out.entry(id.as_str()).or_default().push(p);
        }
    }
    out
}

/// A note's status as the site shows it: a cited `new`, `read` or `idea` note is `used`.
pub fn effective_status(n: &Note, cited: bool) -> NoteStatus {
    match n.status {
        NoteStatus::New | NoteStatus::Read | NoteStatus::Idea if cited => NoteStatus::Used,
        s => s,
    }
}

fn date_text(lang: crate::load::config::Language, w: &When) -> String {
    match w {
        When::At(z) => format!(
            "{} · {}",
            i18n::long_date(lang, z.date()),
            z.strftime("%H:%M")
        ),
        When::Day(d) => i18n::long_date(lang, *d),
    }
}

pub fn page(ctx: &Ctx<'_>) -> Result<OutFile, ThemeError> {
    let input = ctx.input;
    let lang = ctx.lang;
    let path = routes::veille();
    let tz = &input.config.timezone;
    let cited = citations(input);
    // Newest first; notes without a date (already reported) last.
    let mut notes: Vec<&Note> = input.notes.clone();
    notes.sort_by(|a, b| {
        let ka = a.date.as_ref().map(|d| d.sort_key(tz));
        let kb = b.date.as_ref().map(|d| d.sort_key(tz));
        kb.cmp(&ka).then_with(|| a.common.file.cmp(&b.common.file))
    });
    let facets = |n: &Note| Facets {
        kind: n.kind.name(),
        source: n.source.clone().unwrap_or_default(),
        status: effective_status(n, cited.contains_key(n.id())).name(),
        tone: n.tone.map_or("", Tone::name),
        competitor: n.competitor.clone().unwrap_or_default(),
    };
    let view_of = |n: &Note| {
        let used_in = cited
            .get(n.id())
            .map(|posts| {
                posts
                    .iter()
                    .filter_map(|p| {
                        Some(Link {
                            label: p.post.title.clone(),
                            href: routes::href(&path, &input.routes.post(p.file)?),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        NoteView {
            anchor: anchor(n.id()),
            title: n.title.clone(),
            url: n.url.as_ref().and_then(|(u, _)| routes::external(u)),
            date: n
                .date
                .as_ref()
                .map(|d| date_text(lang, d))
                .unwrap_or_default(),
            date_iso: n.date.as_ref().map(When::iso).unwrap_or_default(),
            facets: facets(n),
            source: n.source.clone(),
            status_label: status_label(lang, effective_status(n, cited.contains_key(n.id()))),
            tone_label: n.tone.map(|t| tone_label(lang, t)),
            competitor: n.competitor.clone(),
            keywords: n.keywords.clone(),
            tags: n.tags.clone(),
            body: markdown_html(&n.body),
            used_in,
            file: n.common.file.clone(),
        }
    };
    let kinds = VeilleKind::ALL
        .into_iter()
        .map(|k| {
            let of_kind: Vec<NoteView> = notes
                .iter()
                .filter(|n| n.kind == k)
                .map(|n| view_of(n))
                .collect();
            KindColumn {
                id: k.name(),
                label: kind_label(lang, k),
                about: i18n::label(lang, &format!("veille_{}_about", k.name())),
                count: of_kind.len(),
                notes: of_kind,
            }
        })
        .collect();
    let mut timeline: Vec<TimelineDay> = Vec::new();
    for n in notes.iter().filter(|n| n.kind == VeilleKind::EReputation) {
        let Some(day) = n.date.as_ref().map(When::date) else {
            continue;
        };
        let item = TimelineItem {
            title: n.title.clone(),
            href: format!("#{}", anchor(n.id())),
            negative: n.tone == Some(Tone::Negative),
            tone_label: n.tone.map(|t| tone_label(lang, t)),
            facets: facets(n),
        };
        match timeline.last_mut() {
            Some(d) if d.date_iso == day.to_string() => d.items.push(item),
            _ => timeline.push(TimelineDay {
                date: i18n::long_date(lang, day),
                date_iso: day.to_string(),
                items: vec![item],
            }),
        }
    }
    let alerts = input
        .checked
        .alerts
        .iter()
        .map(|a| {
            let when = |t: jiff::Timestamp| {
                let z = t.to_zoned_datetime(tz.clone());
                format!(
                    "{} {}",
                    i18n::long_date(lang, z.date()),
                    z.strftime("%H:%M")
                )
            };
            AlertView {
                message: i18n::alert(lang, a.files.len(), &when(a.from), &when(a.to)),
                notes: a
                    .files
                    .iter()
                    .filter_map(|f| {
                        let n = notes.iter().find(|n| &n.common.file == f)?;
                        Some(Link {
                            label: n.title.clone(),
                            href: format!("#{}", anchor(n.id())),
                        })
                    })
                    .collect(),
            }
        })
        .collect();
    let opts = |values: BTreeSet<String>| {
        values
            .into_iter()
            .filter(|v| !v.is_empty())
            .map(|v| Opt {
                id: v.clone(),
                label: v,
            })
            .collect::<Vec<_>>()
    };
    let filters = Filters {
        kinds: VeilleKind::ALL
            .into_iter()
            .map(|k| Opt {
                id: k.name().into(),
                label: kind_label(lang, k).into(),
            })
            .collect(),
        sources: opts(notes.iter().filter_map(|n| n.source.clone()).collect()),
        statuses: NoteStatus::ALL
            .into_iter()
            .map(|s| Opt {
                id: s.name().into(),
                label: status_label(lang, s).into(),
            })
            .collect(),
        tones: Tone::ALL
            .into_iter()
            .map(|t| Opt {
                id: t.name().into(),
                label: tone_label(lang, t).into(),
            })
            .collect(),
        competitors: opts(notes.iter().filter_map(|n| n.competitor.clone()).collect()),
    };
    let view = VeilleView {
        frame: ctx.frame(&path, ctx.label("veille"), "veille"),
        any: !notes.is_empty(),
        alerts,
        filters,
        kinds,
        timeline,
        competitors: competitors(input, &notes, &path),
    };
    Ok(OutFile::new(path, ctx.render("veille", &view)?))
}

/// Concurrentielle notes per competitor and ISO week (the [`WEEKS`] weeks up to today's),
/// with the figures of the latest audit that names competitors. A competitor is the same
/// whatever its case or accents (`Marchéo` and `marcheo`).
fn competitors(input: &Input<'_>, notes: &[&Note], path: &OutPath) -> Option<Competitors> {
    let lang = input.config.language;
    let audit = input
        .audits
        .iter()
        .filter(|a| !a.competitors.is_empty())
        .max_by_key(|a| (a.date.as_ref().map(When::date), a.common.file.as_str()));
    let this_monday = super::monday_of(input.today);
    let mondays: Vec<Date> = (0..WEEKS)
        .rev()
        .filter_map(|i| {
            this_monday
                .checked_sub(jiff::Span::new().weeks(i as i64))
                .ok()
        })
        .collect();
    // fold(name) → (name as first written, counts per week)
    let mut rows: BTreeMap<String, (String, Vec<u32>, Option<String>)> = BTreeMap::new();
    if let Some(a) = audit {
        for c in &a.competitors {
            let followers: u64 = c.networks.values().map(|f| f.followers).sum();
            let per_week: f64 = c.networks.values().filter_map(|f| f.posts_per_week).sum();
            let mut text = format!(
                "{} {}",
                i18n::number(lang, followers),
                i18n::label(lang, "followers_short")
            );
            if per_week > 0.0 {
                text.push_str(&format!(
                    " · {} {}",
                    i18n::decimal(lang, per_week),
                    i18n::label(lang, "posts_per_week_short")
                ));
            }
            rows.entry(fold(c.name.trim()))
                .or_insert_with(|| (c.name.clone(), vec![0; mondays.len()], None))
                .2 = Some(text);
        }
    }
    for n in notes
        .iter()
        .filter(|n| n.kind == VeilleKind::Concurrentielle)
    {
        let Some(name) = n.competitor.as_deref().filter(|c| !c.trim().is_empty()) else {
            continue;
        };
        let row = rows
            .entry(fold(name.trim()))
            .or_insert_with(|| (name.to_string(), vec![0; mondays.len()], None));
        if let Some(d) = n.date.as_ref().map(When::date) {
            let monday = super::monday_of(d);
            if let Ok(i) = mondays.binary_search(&monday) {
                row.1[i] += 1;
            }
        }
    }
    if rows.is_empty() {
        return None;
    }
    Some(Competitors {
        weeks: mondays
            .iter()
            .map(|d| format!("{} {}", d.day(), i18n::month_name(lang, d.month())))
            .collect(),
        rows: rows
            .into_values()
            .map(|(name, counts, audit)| CompetitorRow {
                total: counts.iter().sum(),
                name,
                counts,
                audit,
            })
            .collect(),
        audit: audit.and_then(|a| {
            Some(Link {
                label: a.title.clone(),
                href: routes::href(path, &input.routes.audit(&a.common.file)?),
            })
        }),
    })
}
