//! The HTML pages of the calendar site, rendered with the theme's handlebars templates.
//! View models are built here (dates formatted, text highlighted and escaped), so the
//! templates only lay them out. Every user text goes through handlebars' escaping or through
//! `escape_html` here; Markdown bodies are sanitised with ammonia.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use handlebars::Handlebars;
use jiff::civil::Date;
use rayon::prelude::*;
use serde_json::{Value, json};

use super::Fragments;
use super::i18n;
use crate::adapt::{Variant, url_ranges};
use crate::engine::project::Project;
use crate::load::config::Language;
use crate::load::content::{EntryKind, Post, Status};
use crate::write::OutFile;

/// Templates and assets of the default theme, embedded so an installed trame works anywhere.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "layout",
        include_str!("../../themes/default/templates/layout.hbs"),
    ),
    (
        "month",
        include_str!("../../themes/default/templates/month.hbs"),
    ),
    (
        "post",
        include_str!("../../themes/default/templates/post.hbs"),
    ),
    (
        "board",
        include_str!("../../themes/default/templates/board.hbs"),
    ),
    (
        "campaign",
        include_str!("../../themes/default/templates/campaign.hbs"),
    ),
    (
        "diagnostics",
        include_str!("../../themes/default/templates/diagnostics.hbs"),
    ),
    (
        "week",
        include_str!("../../themes/default/templates/week.hbs"),
    ),
    (
        "audit",
        include_str!("../../themes/default/templates/audit.hbs"),
    ),
    (
        "list",
        include_str!("../../themes/default/templates/list.hbs"),
    ),
    (
        "chip",
        include_str!("../../themes/default/templates/chip.hbs"),
    ),
    (
        "card",
        include_str!("../../themes/default/templates/card.hbs"),
    ),
];
const STATIC: &[(&str, &str)] = &[
    (
        "style.css",
        include_str!("../../themes/default/static/style.css"),
    ),
    ("app.js", include_str!("../../themes/default/static/app.js")),
];

#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error(
        "template {name}: {message}\nhelp: fix the template, or delete it to use trame's default"
    )]
    Template { name: String, message: String },
}

/// A file of the theme: the project's own `themes/<theme>/…` if it has one, else the default.
fn theme_file(root: &Path, theme: &str, sub: &str, name: &str, default: &str) -> String {
    std::fs::read_to_string(root.join("themes").join(theme).join(sub).join(name))
        .unwrap_or_else(|_| default.to_string())
}

pub fn registry(
    project: &crate::engine::project::Project,
) -> Result<Handlebars<'static>, ThemeError> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(false);
    for (name, default) in TEMPLATES {
        let text = theme_file(
            &project.config.root,
            &project.config.theme,
            "templates",
            &format!("{name}.hbs"),
            default,
        );
        hb.register_template_string(name, text).map_err(|e| {
            let own = format!("themes/{}/templates/{name}.hbs", project.config.theme);
            ThemeError::Template {
                name: if project.config.root.join(&own).is_file() {
                    format!("{own} (the project's own template)")
                } else {
                    format!("{name}.hbs")
                },
                message: e.to_string(),
            }
        })?;
    }
    Ok(hb)
}

pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Markdown → sanitised HTML (briefs, audit notes).
pub fn markdown_html(md: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(md));
    ammonia::clean(&html)
}

/// A variant's text as HTML: escaped, with hashtags, mentions and links highlighted.
pub fn highlight(text: &str) -> String {
    let mut marks: Vec<(usize, usize, &str)> = url_ranges(text)
        .into_iter()
        .map(|r| (r.start, r.end, "url"))
        .collect();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let boundary = prev.is_none_or(|p| !(p.is_alphanumeric() || p == '/' || p == '&'));
        if (c == '#' || c == '@') && boundary && !marks.iter().any(|m| m.0 <= i && i < m.1) {
            let end = text[i + 1..]
                .char_indices()
                .find(|(_, ch)| !(ch.is_alphanumeric() || matches!(ch, '_' | '.' | '@')))
                .map_or(text.len(), |(j, _)| i + 1 + j);
            let end = text[..end].trim_end_matches('.').len();
            if end > i + 1 {
                marks.push((i, end, if c == '#' { "tag" } else { "mention" }));
            }
        }
        prev = Some(c);
    }
    marks.sort_by_key(|m| m.0);
    let mut out = String::new();
    let mut last = 0;
    for (s, e, kind) in marks {
        if s < last {
            continue;
        }
        out.push_str(&escape_html(&text[last..s]));
        out.push_str(&format!(
            "<span class=\"{kind}\">{}</span>",
            escape_html(&text[s..e])
        ));
        last = e;
    }
    out.push_str(&escape_html(&text[last..]));
    out
}

/// An id as a URL path segment: file names may hold spaces, `#` or `?`.
pub fn url_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        match c {
            ' ' | '#' | '?' | '%' | '"' | '\'' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}'
            | '[' | ']' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The relative path back to the site's root from a page `depth` folders deep.
fn root_of(depth: usize) -> String {
    "../".repeat(depth)
}

fn campaign_color(id: &str) -> String {
    let h = id
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
        % 360;
    format!("hsl({h} 60% 45%)")
}

/// How a post is shown in a list: the template, the page depth (for relative links) and what it
/// shows. Each kind of each post is rendered once and kept in [`Fragments`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChipKind {
    Index,
    Month,
    Week,
    List,
    Board,
    Campaign,
}

// `Campaign` is the last kind: kept chips are stored by kind in an array of `COUNT`.
const _: () = assert!(ChipKind::Campaign as usize + 1 == ChipKind::COUNT);

impl ChipKind {
    pub(super) const COUNT: usize = 6;

    fn depth(self) -> usize {
        match self {
            ChipKind::Index => 0,
            ChipKind::List | ChipKind::Board => 1,
            ChipKind::Week | ChipKind::Campaign => 2,
            ChipKind::Month => 3,
        }
    }
}

/// What the pages of one render share: the project, the compiled templates, the rendered chips.
pub struct Ctx<'a> {
    project: &'a Project,
    hb: &'a Handlebars<'a>,
    frags: &'a Fragments,
    lang: Language,
    labels: Value,
    /// Posts by day, in time order (computed once: every calendar page reads it).
    by_day: BTreeMap<Date, Vec<&'a Post>>,
    /// Error count per file.
    errors: BTreeMap<&'a str, usize>,
    pub months: &'a [(i16, i8)],
    pub mondays: &'a [Date],
    /// Every author, sorted (the month pages' filter).
    authors: &'a [String],
    /// Every post by date, then id (the order of lists, feeds and calendar.json).
    pub sorted: Vec<&'a Post>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        project: &'a Project,
        layout: &'a super::Layout,
        hb: &'a Handlebars<'a>,
        frags: &'a Fragments,
    ) -> Ctx<'a> {
        let tz = &project.config.timezone;
        // Sort keys read in parallel (a pass over every post on every save), with the day, so
        // that the posts are not read again to group them by day.
        let mut keyed: Vec<(Option<jiff::Timestamp>, &str, Option<Date>, &Post)> = project
            .content
            .posts
            .par_iter()
            .map(|p| {
                let day = p.date.as_ref().map(|d| d.date());
                (p.date.as_ref().map(|d| d.sort_key(tz)), p.id(), day, p)
            })
            .collect();
        keyed.par_sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let mut by_day: BTreeMap<Date, Vec<&Post>> = BTreeMap::new();
        for (_, _, day, p) in &keyed {
            if let Some(d) = day {
                by_day.entry(*d).or_default().push(p);
            }
        }
        let sorted: Vec<&Post> = keyed.into_iter().map(|(_, _, _, p)| p).collect();
        let mut errors: BTreeMap<&str, usize> = BTreeMap::new();
        for d in project
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diagnostics::Severity::Error)
        {
            *errors.entry(d.file.as_str()).or_default() += 1;
        }
        let lang = project.config.language;
        Ctx {
            project,
            hb,
            frags,
            lang,
            labels: i18n::labels(lang),
            by_day,
            errors,
            months: &layout.months,
            mondays: &layout.mondays,
            authors: &layout.authors,
            sorted,
        }
    }

    /// The chips of `posts`, rendered once per post and kind, again when its errors change.
    /// What goes into the template is a marker in `slots` (empty when there are no posts, so
    /// that `{{#if}}` still works); the chips replace it once the page is rendered.
    fn chips<'p>(
        &self,
        slots: &mut Slots,
        posts: impl IntoIterator<Item = &'p Post>,
        kind: ChipKind,
    ) -> Result<String, ThemeError> {
        let posts: Vec<&Post> = posts.into_iter().collect();
        let errors = |p: &Post| self.errors.get(p.file()).copied().unwrap_or(0);
        let chips = self.frags.chips(&posts, kind, errors, |p| {
            let mut c = self.chip(p);
            c["root"] = json!(root_of(kind.depth()));
            let template = match kind {
                ChipKind::Board | ChipKind::Campaign => {
                    c["date"] = json!(
                        p.date
                            .as_ref()
                            .map(|d| i18n::long_date(self.lang, d.date()))
                    );
                    c["no_date"] = self.labels["no_date"].clone();
                    c["with_networks"] = json!(kind == ChipKind::Board);
                    c["with_status"] = json!(kind == ChipKind::Campaign);
                    "card"
                }
                _ => "chip",
            };
            render(self.hb, template, c)
        })?;
        Ok(slots.put(chips))
    }

    fn network_json(&self, id: &str) -> Value {
        let n = self.project.config.networks.get(id);
        json!({
            "id": id,
            "label": n.map_or(id, |n| n.label.as_str()),
            "color": n.and_then(|n| n.color.clone()).unwrap_or_else(|| "#555".into()),
            "short": n.map_or(id, |n| n.label.as_str()).chars().take(2).collect::<String>(),
        })
    }

    fn chip(&self, p: &Post) -> Value {
        let time = match &p.date {
            Some(crate::load::content::When::At(z)) => z.strftime("%H:%M").to_string(),
            _ => String::new(),
        };
        let nets: Vec<Value> = p
            .published_networks()
            .map(|n| self.network_json(n))
            .collect();
        json!({
            "id": p.id(),
            "href": url_segment(p.id()),
            "campaign_href": p.campaign.as_ref().map(|(c, _)| url_segment(c)),
            "title": p.title,
            "time": time,
            "status": p.status.name(),
            "status_label": i18n::status(self.lang, p.status.name()),
            "networks": nets,
            "network_ids": p.published_networks().collect::<Vec<_>>().join(" "),
            "campaign": p.campaign.as_ref().map(|(c, _)| c.clone()),
            "campaign_color": p.campaign.as_ref().map(|(c, _)| campaign_color(c)),
            "author": p.author.clone().unwrap_or_default(),
            "errors": self.errors.get(p.file()).copied().unwrap_or(0),
        })
    }

    fn base(&self, depth: usize, title: &str, section: &str) -> serde_json::Map<String, Value> {
        let mut m = serde_json::Map::new();
        m.insert("root".into(), json!(root_of(depth)));
        m.insert("lang".into(), json!(self.lang.code()));
        m.insert("t".into(), self.labels.clone());
        m.insert("site_title".into(), json!(self.project.config.title));
        m.insert("page_title".into(), json!(title));
        m.insert("section".into(), json!(section));
        let today = self.project.today;
        m.insert(
            "today_month".into(),
            json!(format!("calendar/{}/{:02}/", today.year(), today.month())),
        );
        m
    }
}

/// Rendered chips kept out of the template data: handlebars copies its data into every partial
/// block and loop, which for the board and the list is megabytes per render. A page puts a
/// marker where a group of chips goes; [`Slots::page`] cuts the rendered page at the markers
/// and puts the chips there, as pieces of the file. The marker holds a random number, so no
/// text of a post can pass for one.
pub(super) struct Slots {
    open: String,
    groups: Vec<Vec<Arc<str>>>,
}

const SLOT_MARK: char = '\u{E000}';

impl Slots {
    pub(super) fn new() -> Slots {
        use std::hash::{BuildHasher, Hasher};
        let nonce = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        Slots {
            open: format!("{SLOT_MARK}trame{nonce:016x}:"),
            groups: Vec::new(),
        }
    }

    fn put(&mut self, chips: Vec<Arc<str>>) -> String {
        if chips.is_empty() {
            return String::new();
        }
        self.groups.push(chips);
        format!("{}{}{SLOT_MARK}", self.open, self.groups.len() - 1)
    }

    /// The file of a rendered page, with each marker replaced by its chips.
    pub(super) fn page(self, path: impl Into<String>, html: String) -> OutFile {
        if self.groups.is_empty() {
            return OutFile::new(path, html);
        }
        let mut pieces: Vec<Arc<str>> = Vec::new();
        let mut rest = html.as_str();
        while let Some(at) = rest.find(&self.open) {
            let after = &rest[at + self.open.len()..];
            let Some((k, tail)) = after.split_once(SLOT_MARK) else {
                break;
            };
            let Some(group) = k.parse::<usize>().ok().and_then(|k| self.groups.get(k)) else {
                break;
            };
            pieces.push(rest[..at].into());
            pieces.extend(group.iter().cloned());
            rest = tail;
        }
        pieces.push(rest.into());
        OutFile::pieces(path, pieces)
    }
}

/// Every month from the one of `first` to the one of `last`.
pub(super) fn months_between(first: Option<Date>, last: Option<Date>) -> Vec<(i16, i8)> {
    let (Some(min), Some(max)) = (first, last) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut y, mut m) = (min.year(), min.month());
    while (y, m) <= (max.year(), max.month()) {
        out.push((y, m));
        if m == 12 {
            y += 1;
            m = 1;
        } else {
            m += 1;
        }
    }
    out
}

/// A day of the calendar: its posts in time order and the entries that cover it.
fn day_json(
    ctx: &Ctx<'_>,
    slots: &mut Slots,
    day: Date,
    in_month: bool,
    kind: ChipKind,
) -> Result<Value, ThemeError> {
    let project = ctx.project;
    let chips = ctx.chips(
        slots,
        ctx.by_day.get(&day).into_iter().flatten().copied(),
        kind,
    )?;
    let entries: Vec<Value> = project
        .content
        .entries
        .iter()
        .filter(|e| {
            let s = e.date.as_ref().map(|d| d.date());
            let end = e.end.as_ref().map(|d| d.date()).or(s);
            s.is_some_and(|s| s <= day) && end.is_some_and(|x| day <= x)
        })
        .map(|e| {
            json!({
                "id": e.id(), "href": url_segment(e.id()), "title": e.title, "kind": e.kind.name(),
                "is_campaign": e.kind == EntryKind::Campaign,
                "color": campaign_color(e.id()),
                "starts": e.date.as_ref().is_some_and(|d| d.date() == day),
            })
        })
        .collect();
    Ok(json!({
        "day": day.day(),
        "date": day.to_string(),
        "label": i18n::long_date(ctx.lang, day),
        "in_month": in_month,
        "today": day == project.today,
        "chips": chips,
        "entries": entries,
    }))
}

fn week_path(d: Date) -> String {
    let w = d.iso_week_date();
    format!("weeks/{}-W{:02}/", w.year(), w.week())
}

fn week_page(ctx: &Ctx<'_>, monday: Date) -> Result<OutFile, ThemeError> {
    let (first, last) = match (ctx.mondays.first(), ctx.mondays.last()) {
        (Some(f), Some(l)) => (*f, *l),
        _ => (monday, monday),
    };
    let months = &ctx.months;
    let mut slots = Slots::new();
    let days: Vec<Value> = (0..7)
        .filter_map(|i| monday.checked_add(jiff::Span::new().days(i)).ok())
        .map(|d| day_json(ctx, &mut slots, d, true, ChipKind::Week))
        .collect::<Result<_, _>>()?;
    let w = monday.iso_week_date();
    let title = match ctx.lang {
        Language::Fr => format!("Semaine {} — {}", w.week(), w.year()),
        Language::En => format!("Week {} — {}", w.week(), w.year()),
    };
    let mut data = ctx.base(2, &title, "calendar");
    data.insert("week_title".into(), json!(title));
    data.insert("days".into(), json!(days));
    let prev = monday
        .checked_sub(jiff::Span::new().weeks(1))
        .ok()
        .filter(|d| *d >= first);
    let next = monday
        .checked_add(jiff::Span::new().weeks(1))
        .ok()
        .filter(|d| *d <= last);
    data.insert("prev".into(), json!(prev.map(week_path)));
    data.insert("next".into(), json!(next.map(week_path)));
    // The week's month: the one of its Thursday (ISO), if the site has it.
    let thursday = monday
        .checked_add(jiff::Span::new().days(3))
        .unwrap_or(monday);
    let (y, m) = months
        .iter()
        .copied()
        .find(|ym| *ym == (thursday.year(), thursday.month()))
        .or_else(|| {
            months
                .iter()
                .copied()
                .find(|ym| *ym == (monday.year(), monday.month()))
        })
        .or_else(|| months.first().copied())
        .unwrap_or((monday.year(), monday.month()));
    data.insert("month".into(), json!(format!("calendar/{y}/{m:02}/")));
    Ok(slots.page(
        format!("{}index.html", week_path(monday)),
        render(ctx.hb, "week", Value::Object(data))?,
    ))
}

/// 12400 → "12 400" (French, narrow no-break space) or "12,400" (English).
fn number(lang: Language, n: u64) -> String {
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

/// Every day with a post or the start of an entry, month by month, and the undated posts.
fn list_page(ctx: &Ctx<'_>) -> Result<OutFile, ThemeError> {
    let project = ctx.project;
    let months = &ctx.months;
    let mut days: std::collections::BTreeSet<Date> = ctx.by_day.keys().copied().collect();
    days.extend(
        project
            .content
            .entries
            .iter()
            .filter_map(|e| e.date.as_ref().map(|d| d.date())),
    );
    let mut slots = Slots::new();
    let mut month_json: Vec<Value> = Vec::new();
    for (y, m) in months.iter() {
        let ds: Vec<Value> = days
            .iter()
            .filter(|d| d.year() == *y && d.month() == *m)
            .map(|d| day_json(ctx, &mut slots, *d, true, ChipKind::List))
            .collect::<Result<_, _>>()?;
        if !ds.is_empty() {
            month_json.push(json!({"id": format!("{y}-{m:02}"), "path": format!("{y}/{m:02}"), "title": format!("{} {y}", i18n::month_name(ctx.lang, *m)), "days": ds}));
        }
    }
    let undated = ctx.chips(
        &mut slots,
        project.content.posts.iter().filter(|p| p.date.is_none()),
        ChipKind::List,
    )?;
    let mut data = ctx.base(1, ctx.labels["list"].as_str().unwrap_or_default(), "list");
    data.insert("months".into(), json!(month_json));
    data.insert("undated".into(), json!(undated));
    Ok(slots.page(
        "list/index.html",
        render(ctx.hb, "list", Value::Object(data))?,
    ))
}

fn percent(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

fn audit_page(ctx: &Ctx<'_>, a: &crate::load::content::Audit) -> Result<OutFile, ThemeError> {
    let project = ctx.project;
    let label = |n: &str| {
        project
            .config
            .networks
            .get(n)
            .map_or(n.to_string(), |x| x.label.clone())
    };
    let accounts: Vec<Value> = a
        .accounts
        .iter()
        .map(|acc| {
            json!({
                "label": label(&acc.network),
                "followers": number(ctx.lang, acc.followers),
                "growth": acc.growth().map(|g| format!("{}{}", if g >= 0.0 { "+" } else { "" }, percent(g))).unwrap_or_default(),
                "posts_30d": acc.posts_30d,
                "engagement": acc.engagement_rate.map(percent).unwrap_or_default(),
            })
        })
        .collect();
    let rows: Vec<(String, u64, Option<u64>)> = a
        .accounts
        .iter()
        .map(|acc| (label(&acc.network), acc.followers, acc.followers_prev))
        .collect();
    let chart =
        super::chart::followers(&rows, ctx.labels["followers"].as_str().unwrap_or_default());
    let competitors: Vec<Value> = a
        .competitors
        .iter()
        .flat_map(|c| {
            c.networks.iter().map(move |(n, f)| {
                json!({"name": c.name, "label": label(n), "followers": number(ctx.lang, f.followers),
                       "per_week": f.posts_per_week, "engagement": f.engagement_rate.map(percent).unwrap_or_default()})
            })
        })
        .collect();
    let top_posts: Vec<Value> = a
        .top_posts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let l = |k: &str| ctx.labels[k].as_str().unwrap_or_default().to_string();
            let mut detail = format!(
                "{} {} · {} {} · {} {}",
                number(ctx.lang, t.likes),
                l("likes"),
                number(ctx.lang, t.comments),
                l("comments"),
                number(ctx.lang, t.shares),
                l("shares")
            );
            if let Some(s) = t.saves {
                detail.push_str(&format!(" · {} {}", number(ctx.lang, s), l("saves")));
            }
            json!({"rank": i + 1, "summary": t.summary, "date": t.date, "label": label(&t.network), "interactions": number(ctx.lang, t.interactions()), "detail": detail})
        })
        .collect();
    // Findings computed from the project itself.
    let checks_ctx = crate::validate::Context {
        config: &project.config,
        content: &project.content,
        media: &project.media,
        charter: project.charter.as_ref(),
        today: project.today,
    };
    let all_counts = crate::validate::cadence::counts(&checks_ctx);
    let empty = BTreeMap::new();
    let regularity: Vec<Value> = project
        .config
        .cadence
        .iter()
        .map(|(n, c)| {
            let counts = all_counts.get(n.as_str()).unwrap_or(&empty);
            let met = counts.values().filter(|(_, k)| *k >= c.count as usize).count();
            let per = match c.per {
                crate::load::config::Period::Day => "day",
                crate::load::config::Period::Week => "week",
                crate::load::config::Period::Month => "month",
            };
            json!({"label": label(n), "cadence": format!("{}/{per}", c.count), "met": met, "total": counts.len()})
        })
        .collect();
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &project.diagnostics {
        if matches!(d.code.family(), "charter" | "network") {
            *by_code.entry(d.code.as_str()).or_default() += 1;
        }
    }
    let no_alt: Vec<Value> = project
        .content
        .posts
        .iter()
        .filter(|p| {
            p.media
                .iter()
                .any(|m| m.alt.as_deref().is_none_or(|x| x.trim().is_empty()))
        })
        .map(|p| json!({"id": p.id(), "href": url_segment(p.id()), "title": p.title}))
        .collect();
    let mut data = ctx.base(2, &a.title, "audit");
    data.insert("audit".into(), json!({"title": a.title, "date": a.date.as_ref().map(|d| i18n::long_date(ctx.lang, d.date()))}));
    data.insert("org".into(), json!(project.config.organisation));
    data.insert(
        "logo".into(),
        json!(
            project
                .config
                .organisation
                .logo
                .as_ref()
                .map(|l| format!("media-files/{l}"))
        ),
    );
    data.insert("accounts".into(), json!(accounts));
    data.insert("chart".into(), json!(chart));
    data.insert("swot".into(), json!(a.swot));
    data.insert("competitors".into(), json!(competitors));
    data.insert("top_posts".into(), json!(top_posts));
    data.insert("target".into(), json!(a.target));
    data.insert("causes".into(), json!(a.causes));
    data.insert("proposals".into(), json!(a.proposals));
    data.insert("body".into(), json!(markdown_html(&a.body)));
    data.insert("regularity".into(), json!(regularity));
    data.insert(
        "codes".into(),
        json!(
            by_code
                .iter()
                .map(|(c, n)| json!({"code": c, "count": n}))
                .collect::<Vec<_>>()
        ),
    );
    data.insert("no_alt".into(), json!(no_alt));
    Ok(OutFile::new(
        format!("audits/{}/index.html", a.id()),
        render(ctx.hb, "audit", Value::Object(data))?,
    ))
}

fn month_page(ctx: &Ctx<'_>, k: usize, index: bool) -> Result<OutFile, ThemeError> {
    let months = &ctx.months;
    let Some(&(y, m)) = months.get(k) else {
        return Err(ThemeError::Template {
            name: "month.hbs".into(),
            message: "no such month".into(),
        });
    };
    let kind = if index {
        ChipKind::Index
    } else {
        ChipKind::Month
    };
    let project = ctx.project;
    let first = Date::new(y, m, 1).unwrap_or(project.today);
    let offset = i64::from(first.weekday().to_monday_zero_offset());
    let start = first
        .checked_sub(jiff::Span::new().days(offset))
        .unwrap_or(first);
    let mut slots = Slots::new();
    let mut weeks = Vec::new();
    let mut day = start;
    for _ in 0..6 {
        let mut days = Vec::new();
        let iso = day.iso_week_date();
        for _ in 0..7 {
            days.push(day_json(ctx, &mut slots, day, day.month() == m, kind)?);
            day = day.tomorrow().unwrap_or(day);
        }
        weeks.push(json!({ "iso": format!("{}-W{:02}", iso.year(), iso.week()), "days": days }));
        if day.month() != m && day > first {
            break;
        }
    }
    let title = format!("{} {y}", i18n::month_name(ctx.lang, m));
    let mut data = ctx.base(if index { 0 } else { 3 }, &title, "calendar");
    data.insert("month_title".into(), json!(title));
    data.insert("weekdays".into(), json!(i18n::weekdays(ctx.lang)));
    data.insert("weeks".into(), json!(weeks));
    let link = |i: usize| {
        months
            .get(i)
            .map(|(yy, mm)| format!("calendar/{yy}/{mm:02}/"))
    };
    data.insert("prev".into(), json!(k.checked_sub(1).and_then(link)));
    data.insert("next".into(), json!(link(k + 1)));
    data.insert(
        "networks".into(),
        json!(
            project
                .config
                .networks
                .configured
                .iter()
                .map(|n| ctx.network_json(n))
                .collect::<Vec<_>>()
        ),
    );
    data.insert(
        "statuses".into(),
        json!(
            Status::ALL
                .iter()
                .map(|s| json!({"id": s.name(), "label": i18n::status(ctx.lang, s.name())}))
                .collect::<Vec<_>>()
        ),
    );
    data.insert(
        "campaigns".into(),
        json!(
            project
                .content
                .entries
                .iter()
                .filter(|e| e.kind == EntryKind::Campaign)
                .map(|e| json!({"id": e.id(), "title": e.title}))
                .collect::<Vec<_>>()
        ),
    );
    data.insert("authors".into(), json!(ctx.authors));
    let html = render(ctx.hb, "month", Value::Object(data))?;
    let path = if index {
        "index.html".to_string()
    } else {
        format!("calendar/{y}/{m:02}/index.html")
    };
    Ok(slots.page(path, html))
}

/// Renders a template with `data` moved into its context (`Handlebars::render` would copy the
/// whole tree first: megabytes for the board and the list).
fn render(hb: &Handlebars<'_>, name: &str, data: Value) -> Result<String, ThemeError> {
    let ctx = handlebars::Context::from(data);
    hb.render_with_context(name, &ctx)
        .map_err(|e| ThemeError::Template {
            name: format!("{name}.hbs"),
            message: e.to_string(),
        })
}

fn variant_json(ctx: &Ctx<'_>, post: &Post, v: &Variant) -> Value {
    let n = ctx.project.config.networks.get(&v.network);
    let fold = n.and_then(|n| n.fold);
    let parts: Vec<Value> = v
        .parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let (head, tail) = match fold {
                Some(f) if part.chars().count() > f && v.parts.len() == 1 => {
                    let cut = part.char_indices().nth(f).map_or(part.len(), |(b, _)| b);
                    let cut = part[..cut].rfind(char::is_whitespace).unwrap_or(cut);
                    (&part[..cut], Some(&part[cut..]))
                }
                _ => (part.as_str(), None),
            };
            json!({ "n": i + 1, "head": highlight(head), "tail": tail.map(highlight) })
        })
        .collect();
    let percent = v.limit.map_or(0, |l| (v.length * 100 / l.max(1)).min(100));
    let handle = n.and_then(|n| n.handle.clone()).unwrap_or_default();
    let media: Vec<Value> = v
        .media
        .iter()
        .map(|m| {
            let ratio = n.and_then(|n| n.media.aspect.as_ref()).map(|a| {
                let info = ctx.project.media.get(&m.path).and_then(|r| r.as_ref().ok()).and_then(|i| i.ratio());
                let r = info.unwrap_or(a.min.0).clamp(a.min.0, a.max.0);
                format!("{r:.4}")
            });
            json!({ "src": format!("media-files/{}", m.path), "alt": m.alt.clone().unwrap_or_default(), "ratio": ratio, "focus": m.focus.clone().unwrap_or_else(|| "center".into()) })
        })
        .collect();
    json!({
        "network": ctx.network_json(&v.network),
        "handle": handle,
        "name": ctx.project.config.organisation.name,
        "title": v.title,
        "parts": parts,
        "thread": v.parts.len() > 1,
        "text": v.text,
        "length": v.length,
        "limit": v.limit,
        "percent": percent,
        "over": v.limit.is_some_and(|l| v.length > l),
        "first_comment": v.first_comment.as_deref().map(highlight),
        "link": v.link,
        "media": media,
        "txt": format!("{}.txt", v.network),
        "date": post.date.as_ref().map(|d| i18n::long_date(ctx.lang, d.date())),
    })
}

fn post_page(ctx: &Ctx<'_>, post: &Post) -> Result<OutFile, ThemeError> {
    let project = ctx.project;
    let empty = BTreeMap::new();
    let variants = project.variants.get(post.id()).unwrap_or(&empty);
    let diags: Vec<Value> = project
        .diagnostics
        .iter()
        .filter(|d| d.file == post.file())
        .map(|d| json!({"severity": d.severity.as_str(), "code": d.code, "message": d.message, "line": d.line, "column": d.column, "help": d.help, "network": d.network}))
        .collect();
    let mut data = ctx.base(2, &post.title, "post");
    data.insert("post".into(), ctx.chip(post));
    data.insert("file".into(), json!(post.file()));
    data.insert(
        "date".into(),
        json!(post.date.as_ref().map(|d| match d {
            crate::load::content::When::At(z) => format!(
                "{} · {}",
                i18n::long_date(ctx.lang, z.date()),
                z.strftime("%H:%M")
            ),
            crate::load::content::When::Day(day) => i18n::long_date(ctx.lang, *day),
        })),
    );
    data.insert("reviewer".into(), json!(post.reviewer));
    data.insert("pillar".into(), json!(post.pillar));
    data.insert(
        "hashtags".into(),
        json!(
            post.hashtags
                .iter()
                .map(|(h, _)| crate::adapt::normalise_hashtag(h))
                .collect::<Vec<_>>()
        ),
    );
    data.insert("diagnostics".into(), json!(diags));
    data.insert(
        "variants".into(),
        json!(
            variants
                .values()
                .map(|v| variant_json(ctx, post, v))
                .collect::<Vec<_>>()
        ),
    );
    if let Some(d) = &post.date {
        data.insert(
            "month".into(),
            json!(format!(
                "calendar/{}/{:02}/",
                d.date().year(),
                d.date().month()
            )),
        );
    }
    let html = render(ctx.hb, "post", Value::Object(data))?;
    Ok(OutFile::new(
        format!("posts/{}/index.html", post.id()),
        html,
    ))
}

fn board_page(ctx: &Ctx<'_>) -> Result<OutFile, ThemeError> {
    let order = [
        Status::Review,
        Status::Idea,
        Status::Draft,
        Status::Approved,
        Status::Scheduled,
        Status::Published,
    ];
    let mut slots = Slots::new();
    let mut by_status: BTreeMap<Status, Vec<&Post>> = BTreeMap::new();
    for p in &ctx.sorted {
        by_status.entry(p.status).or_default().push(p);
    }
    let mut columns: Vec<Value> = Vec::new();
    for s in order {
        let ps = by_status.remove(&s).unwrap_or_default();
        let count = ps.len();
        let cards = ctx.chips(&mut slots, ps, ChipKind::Board)?;
        columns.push(json!({"id": s.name(), "label": i18n::status(ctx.lang, s.name()), "count": count, "cards": cards}));
    }
    let mut data = ctx.base(1, ctx.labels["board"].as_str().unwrap_or_default(), "board");
    data.insert("columns".into(), json!(columns));
    Ok(slots.page(
        "board/index.html",
        render(ctx.hb, "board", Value::Object(data))?,
    ))
}

fn campaign_page(ctx: &Ctx<'_>, e: &crate::load::content::Entry) -> Result<OutFile, ThemeError> {
    let mut posts: Vec<&Post> = ctx
        .project
        .content
        .posts
        .iter()
        .filter(|p| p.campaign.as_ref().is_some_and(|(c, _)| c == e.id()))
        .collect();
    posts.sort_by_cached_key(|p| {
        (
            p.date
                .as_ref()
                .map(|d| d.sort_key(&ctx.project.config.timezone)),
            p.id().to_string(),
        )
    });
    let mut per_network: BTreeMap<String, usize> = BTreeMap::new();
    for p in &posts {
        for n in p.published_networks() {
            *per_network.entry(n.to_string()).or_default() += 1;
        }
    }
    let mut data = ctx.base(2, &e.title, "campaign");
    data.insert("entry".into(), json!({
        "title": e.title, "kind": e.kind.name(), "goal": e.goal,
        "dates": format!("{} → {}", e.date.as_ref().map(|d| i18n::long_date(ctx.lang, d.date())).unwrap_or_default(), e.end.as_ref().map(|d| i18n::long_date(ctx.lang, d.date())).unwrap_or_default()),
        "kpis": e.kpis.iter().map(|(k, v)| json!({"name": k, "value": v})).collect::<Vec<_>>(),
        "brief": markdown_html(&e.body),
        "color": campaign_color(e.id()),
    }));
    let mut slots = Slots::new();
    data.insert(
        "cards".into(),
        json!(ctx.chips(&mut slots, posts.iter().copied(), ChipKind::Campaign)?),
    );
    data.insert(
        "per_network".into(),
        json!(
            per_network
                .iter()
                .map(|(n, c)| json!({"network": ctx.network_json(n), "count": c}))
                .collect::<Vec<_>>()
        ),
    );
    Ok(slots.page(
        format!("campaigns/{}/index.html", e.id()),
        render(ctx.hb, "campaign", Value::Object(data))?,
    ))
}

fn diagnostics_page(ctx: &Ctx<'_>) -> Result<OutFile, ThemeError> {
    let mut by_file: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for d in &ctx.project.diagnostics {
        by_file.entry(d.file.as_str()).or_default().push(json!({"severity": d.severity.as_str(), "code": d.code, "message": d.message, "line": d.line, "column": d.column, "help": d.help, "network": d.network}));
    }
    let files: Vec<Value> = by_file
        .into_iter()
        .map(|(f, ds)| {
            let post = ctx.project.post_by_file(f).map(Post::id);
            json!({"file": f, "post": post, "post_href": post.map(url_segment), "diagnostics": ds})
        })
        .collect();
    let mut data = ctx.base(
        1,
        ctx.labels["diagnostics"].as_str().unwrap_or_default(),
        "diagnostics",
    );
    data.insert("files".into(), json!(files));
    Ok(OutFile::new(
        "diagnostics/index.html",
        render(ctx.hb, "diagnostics", Value::Object(data))?,
    ))
}

/// The Monday of every week page: from the first month's first week to the last month's last.
pub(super) fn mondays(months: &[(i16, i8)], today: Date) -> Vec<Date> {
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return Vec::new();
    };
    let start = Date::new(first.0, first.1, 1).unwrap_or(today);
    let end = Date::new(last.0, last.1, 1)
        .map(|d| d.last_of_month())
        .unwrap_or(today);
    let mut out = Vec::new();
    let mut d = monday_of(start);
    while d <= monday_of(end) {
        out.push(d);
        d = match d.checked_add(jiff::Span::new().weeks(1)) {
            Ok(n) => n,
            Err(_) => break,
        };
    }
    out
}

pub fn monday_of(d: Date) -> Date {
    d.checked_sub(jiff::Span::new().days(i64::from(d.weekday().to_monday_zero_offset())))
        .unwrap_or(d)
}

/// `index.html`: the current month, or the first month with posts.
pub(super) fn index(ctx: &Ctx<'_>) -> Result<Vec<OutFile>, ThemeError> {
    if ctx.months.is_empty() {
        return Ok(Vec::new());
    }
    let today = (ctx.project.today.year(), ctx.project.today.month());
    let k = ctx.months.iter().position(|m| *m == today).unwrap_or(0);
    Ok(vec![month_page(ctx, k, true)?])
}

pub(super) fn month(ctx: &Ctx<'_>, y: i16, m: i8) -> Result<Vec<OutFile>, ThemeError> {
    match ctx.months.iter().position(|x| *x == (y, m)) {
        Some(k) => Ok(vec![month_page(ctx, k, false)?]),
        None => Ok(Vec::new()),
    }
}

pub(super) fn week(ctx: &Ctx<'_>, monday: Date) -> Result<Vec<OutFile>, ThemeError> {
    Ok(vec![week_page(ctx, monday)?])
}

pub(super) fn list(ctx: &Ctx<'_>) -> Result<Vec<OutFile>, ThemeError> {
    Ok(vec![list_page(ctx)?])
}

pub(super) fn board(ctx: &Ctx<'_>) -> Result<Vec<OutFile>, ThemeError> {
    Ok(vec![board_page(ctx)?])
}

/// The diagnostics page, and the script that shows the error count in every page's menu
/// (a script, so that a new error does not change every page of the site).
pub(super) fn diagnostics(ctx: &Ctx<'_>) -> Result<Vec<OutFile>, ThemeError> {
    let errors = crate::diagnostics::Summary::of(0, &ctx.project.diagnostics).errors;
    let script = format!(
        "// trame: the error count shown next to the diagnostics link of every page.\n\
         (function () {{\n  var n = {errors};\n  if (!n) return;\n  \
         document.querySelectorAll(\"[data-diagnostic-count]\").forEach(function (e) {{ e.textContent = String(n); e.hidden = false; }});\n}})();\n"
    );
    Ok(vec![
        diagnostics_page(ctx)?,
        OutFile::new("diagnostics/count.js", script),
    ])
}

pub(super) fn post(ctx: &Ctx<'_>, id: &str) -> Result<Vec<OutFile>, ThemeError> {
    match ctx.project.content.posts.iter().find(|p| p.id() == id) {
        Some(p) => Ok(vec![post_page(ctx, p)?]),
        None => Ok(Vec::new()),
    }
}

pub(super) fn campaign(ctx: &Ctx<'_>, id: &str) -> Result<Vec<OutFile>, ThemeError> {
    let entry = ctx
        .project
        .content
        .entries
        .iter()
        .find(|e| e.id() == id && e.kind == EntryKind::Campaign);
    match entry {
        Some(e) => Ok(vec![campaign_page(ctx, e)?]),
        None => Ok(Vec::new()),
    }
}

pub(super) fn audit(ctx: &Ctx<'_>, id: &str) -> Result<Vec<OutFile>, ThemeError> {
    match ctx.project.content.audits.iter().find(|a| a.id() == id) {
        Some(a) => Ok(vec![audit_page(ctx, a)?]),
        None => Ok(Vec::new()),
    }
}

/// The theme's static files (the project's own override the default ones).
pub(super) fn theme_static(project: &Project) -> Vec<OutFile> {
    STATIC
        .iter()
        .map(|(name, default)| {
            let text = theme_file(
                &project.config.root,
                &project.config.theme,
                "static",
                name,
                default,
            );
            OutFile::new(format!("static/{name}"), text)
        })
        .collect()
}

/// Media used by posts (and the logo), copied so previews work from file:// and on any host.
pub(super) fn media_files(project: &Project) -> Vec<OutFile> {
    let mut files = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    if let Some(logo) = &project.config.organisation.logo
        && crate::validate::media::lexically_inside(logo)
        && let Ok(bytes) = std::fs::read(project.config.root.join(logo))
    {
        seen.insert(logo.clone());
        files.push(OutFile::new(format!("media-files/{logo}"), bytes));
    }
    for p in &project.content.posts {
        for m in p
            .media
            .iter()
            .chain(p.variants.values().flat_map(|v| v.media.iter().flatten()))
        {
            if matches!(project.media.get(&m.path), Some(Ok(_)))
                && seen.insert(m.path.clone())
                && let Ok(bytes) = std::fs::read(project.config.root.join(&m.path))
            {
                files.push(OutFile::new(format!("media-files/{}", m.path), bytes));
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chips_go_where_their_marker_is_and_nowhere_else() {
        let mut slots = Slots::new();
        let chips: Vec<Arc<str>> = vec!["<li>a</li>".into(), "<li>b</li>".into()];
        assert_eq!(
            slots.put(Vec::new()),
            "",
            "no chips: `{{#if}}` must see nothing"
        );
        let mark = slots.put(chips);
        // A marker with another number (as a post title could hold) stays text.
        let forged = Slots::new().put(vec!["<script>".into()]);
        let html = format!("<ul>{mark}</ul><p>{forged}</p><ol>{mark}</ol>");
        let page = slots.page("x.html", html);
        let text = String::from_utf8(page.body.to_vec()).unwrap_or_default();
        assert_eq!(
            text,
            format!("<ul><li>a</li><li>b</li></ul><p>{forged}</p><ol><li>a</li><li>b</li></ol>")
        );
    }
}
