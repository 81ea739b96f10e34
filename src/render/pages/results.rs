//! The results pages (SPEC §8–9): `results/index.html` (per network and month, top and bottom
//! posts, pillars, best times, follower growth, the rows that match no post) and
//! `results/YYYY-MM/index.html`, the monthly report a community manager sends her manager
//! (printable on A4). Every figure comes from `Checked::results`, as `results.json` does.

use serde::Serialize;

use super::Ctx;
use crate::load::metrics::Count;
use crate::render::{OutFile, ThemeError, chart, i18n};
use crate::routes::{self, OutPath};
use crate::validate::results::{CampaignKpis, Figures, Month, PostResult, Results, Total};

#[derive(Serialize)]
struct ResultsView {
    #[serde(flatten)]
    frame: crate::render::views::Frame,
    /// The monthly report (else the results page).
    report: bool,
    heading: String,
    any: bool,
    formulas: Vec<Formula>,
    files: Vec<FileView>,
    networks: Vec<FigRow>,
    months: Vec<FigRow>,
    network_months: Vec<FigRow>,
    months_chart: String,
    top: Vec<PostRow>,
    bottom: Vec<PostRow>,
    pillars: Vec<FigRow>,
    heatmap: Option<Heatmap>,
    followers: Vec<FollowerRow>,
    followers_chart: String,
    unmatched: Vec<UnmatchedRow>,
    /// "… and 24 900 more rows, in results.json".
    unmatched_more: Option<String>,
    campaigns: Vec<Scorecard>,
    /// The monthly report: this month against the previous one.
    compare: Vec<CompareRow>,
    previous_label: String,
    worked: Vec<String>,
    did_not: Vec<String>,
    reports: Vec<Link>,
}

#[derive(Serialize)]
struct Formula {
    label: &'static str,
    formula: &'static str,
}

#[derive(Serialize)]
struct FileView {
    file: String,
    format: String,
}

#[derive(Serialize)]
struct Link {
    label: String,
    href: String,
}

/// One line of a figures table.
#[derive(Serialize, Default)]
pub struct FigRow {
    label: String,
    href: Option<String>,
    posts: String,
    impressions: String,
    reach: String,
    clicks: String,
    interactions: String,
    rate_reach: String,
    rate_impressions: String,
    ctr: String,
}

#[derive(Serialize)]
struct PostRow {
    title: String,
    href: String,
    network: String,
    date: String,
    impressions: String,
    reach: String,
    interactions: String,
    rate_reach: String,
    rate_impressions: String,
    ctr: String,
}

#[derive(Serialize)]
struct Heatmap {
    hours: Vec<String>,
    days: Vec<HeatDay>,
}

#[derive(Serialize)]
struct HeatDay {
    day: &'static str,
    cells: Vec<HeatCell>,
}

#[derive(Serialize)]
struct HeatCell {
    text: String,
    /// 0–100: how strong the colour is (the best slot is 100).
    level: u32,
    title: String,
}

#[derive(Serialize)]
struct FollowerRow {
    network: String,
    first: String,
    last: String,
    gained: String,
}

#[derive(Serialize)]
struct UnmatchedRow {
    place: String,
    network: String,
    date: String,
    url: Option<String>,
    impressions: String,
    interactions: String,
}

/// A campaign's KPIs, on the results pages and the campaign's page.
#[derive(Serialize)]
pub struct Scorecard {
    pub title: String,
    pub href: Option<String>,
    pub dates: String,
    pub kpis: Vec<KpiView>,
}

#[derive(Serialize)]
pub struct KpiView {
    pub name: String,
    pub target: String,
    pub actual: String,
    /// `reached`, `missed` or `unknown`.
    pub state: &'static str,
    pub state_label: &'static str,
    pub gap: String,
}

#[derive(Serialize)]
struct CompareRow {
    label: String,
    now: String,
    before: String,
    change: String,
}

const DASH: &str = "—";

/// The rows without a post shown on a page (all of them are in `results.json`).
const MAX_UNMATCHED_SHOWN: usize = 100;

fn count(lang: crate::load::config::Language, v: Option<u64>) -> String {
    v.map_or_else(|| DASH.to_string(), |v| i18n::number(lang, v))
}

fn rate(lang: crate::load::config::Language, v: Option<f64>) -> String {
    v.map_or_else(|| DASH.to_string(), |v| i18n::percent(lang, v))
}

fn fig_row(ctx: &Ctx<'_>, label: String, href: Option<String>, t: &Total) -> FigRow {
    let lang = ctx.lang;
    let f = t.figures();
    FigRow {
        label,
        href,
        posts: i18n::number(lang, t.posts as u64),
        impressions: count(lang, t.counts.get(Count::Impressions)),
        reach: count(lang, t.counts.get(Count::Reach)),
        clicks: count(lang, t.counts.get(Count::Clicks)),
        interactions: count(lang, f.interactions),
        rate_reach: rate(lang, f.engagement_rate_reach),
        rate_impressions: rate(lang, f.engagement_rate_impressions),
        ctr: rate(lang, f.ctr),
    }
}

fn month_label(lang: crate::load::config::Language, (y, m): Month) -> String {
    format!("{} {y}", i18n::month_name(lang, m))
}

fn post_row(ctx: &Ctx<'_>, p: &PostResult, depth: usize) -> PostRow {
    let lang = ctx.lang;
    let f: &Figures = &p.figures;
    PostRow {
        title: p.title.clone(),
        href: ctx.post_href(&p.file, depth),
        network: ctx.network(&p.network).label,
        date: p
            .date
            .as_ref()
            .map(|d| i18n::long_date(lang, d.date()))
            .unwrap_or_default(),
        impressions: count(lang, p.counts.get(Count::Impressions)),
        reach: count(lang, p.counts.get(Count::Reach)),
        interactions: count(lang, f.interactions),
        rate_reach: rate(lang, f.engagement_rate_reach),
        rate_impressions: rate(lang, f.engagement_rate_impressions),
        ctr: rate(lang, f.ctr),
    }
}

/// A post's results, one line per network (its page).
pub fn of_post(ctx: &Ctx<'_>, file: &str) -> Vec<FigRow> {
    ctx.input
        .checked
        .results
        .of_file(file)
        .map(|p| {
            let mut t = Total::default();
            t.add(&p.counts, p.followers);
            let mut row = fig_row(ctx, ctx.network(&p.network).label, None, &t);
            row.posts = rate(ctx.lang, p.figures.engagement_rate_followers);
            row
        })
        .collect()
}

/// The KPI scorecard of a campaign, for a page at `from`.
pub fn scorecard(ctx: &Ctx<'_>, c: &CampaignKpis, from: &OutPath) -> Scorecard {
    let lang = ctx.lang;
    let value = |name: &str, v: f64| {
        if crate::validate::results::kpis::is_rate(name) {
            i18n::percent(lang, v)
        } else {
            i18n::decimal(lang, v)
        }
    };
    let date =
        |d: Option<jiff::civil::Date>| d.map(|d| i18n::long_date(lang, d)).unwrap_or_default();
    Scorecard {
        title: c.title.clone(),
        href: ctx
            .input
            .routes
            .campaign(&c.file)
            .map(|to| routes::href(from, &to)),
        dates: format!("{} → {}", date(c.from), date(c.to)),
        kpis: c
            .kpis
            .iter()
            .map(|k| {
                let (state, key) = match k.reached {
                    Some(true) => ("reached", "kpi_reached"),
                    Some(false) => ("missed", "kpi_missed"),
                    None if !k.known => ("unknown", "kpi_not_computed"),
                    None => ("unknown", "kpi_unknown"),
                };
                KpiView {
                    name: i18n::kpi_name(lang, &k.name),
                    target: value(&k.name, k.target),
                    actual: k
                        .actual
                        .map_or_else(|| DASH.to_string(), |a| value(&k.name, a)),
                    state,
                    state_label: i18n::label(lang, key),
                    gap: match (k.gap(), k.actual) {
                        (Some(g), Some(a)) if k.target != 0.0 => {
                            let sign = if g >= 0.0 { "+" } else { "−" };
                            // A rate's gap is in percentage points, a count's in its unit.
                            let gap = if crate::validate::results::kpis::is_rate(&k.name) {
                                i18n::signed_points(lang, g * 100.0)
                            } else {
                                format!("{sign}{}", value(&k.name, g.abs()))
                            };
                            format!(
                                "{gap} · {} {}",
                                i18n::percent(lang, a / k.target),
                                i18n::label(lang, "of_target")
                            )
                        }
                        _ => DASH.to_string(),
                    },
                }
            })
            .collect(),
    }
}

const FORMULAS: &[(&str, &str)] = &[
    ("fig_interactions", "likes + comments + shares + saves"),
    ("fig_rate_reach", "interactions / reach"),
    ("fig_rate_impressions", "interactions / impressions"),
    ("fig_rate_followers", "interactions / followers"),
    ("fig_ctr", "clicks / impressions"),
    ("fig_followers_gained", "followers(end) − followers(start)"),
];

/// `results/index.html` and `results.json`.
pub fn files(ctx: &Ctx<'_>) -> Result<Vec<OutFile>, ThemeError> {
    let path = routes::results();
    let r = &ctx.input.checked.results;
    let view = view(ctx, &path, r, None);
    let html = ctx.render("results", &view)?;
    Ok(vec![
        OutFile::new(path, html),
        OutFile::new(
            routes::results_json(),
            crate::render::json::results(ctx.input),
        ),
    ])
}

/// `results/YYYY-MM/index.html` (nothing when that month has no results).
pub fn month(ctx: &Ctx<'_>, y: i16, m: i8) -> Result<Vec<OutFile>, ThemeError> {
    let r = &ctx.input.checked.results;
    if !r.months().contains(&(y, m)) {
        return Ok(Vec::new());
    }
    let path = routes::results_month(y, m);
    let view = view(ctx, &path, r, Some((y, m)));
    Ok(vec![OutFile::new(
        path.clone(),
        ctx.render("results", &view)?,
    )])
}

fn previous((y, m): Month) -> Month {
    if m == 1 { (y - 1, 12) } else { (y, m - 1) }
}

fn view(ctx: &Ctx<'_>, path: &OutPath, r: &Results, month: Option<Month>) -> ResultsView {
    let lang = ctx.lang;
    let depth = path.depth();
    let in_month = |m: &Month| month.is_none_or(|x| x == *m);
    let heading = match month {
        Some(m) => format!("{} — {}", ctx.label("report"), month_label(lang, m)),
        None => ctx.label("results").to_string(),
    };
    let title = heading.clone();
    let month_href = |m: Month| routes::href(path, &routes::results_month(m.0, m.1));
    let networks: Vec<FigRow> = if month.is_none() {
        r.by_network
            .iter()
            .map(|(n, t)| fig_row(ctx, ctx.network(n).label, None, t))
            .collect()
    } else {
        r.by_network_month
            .iter()
            .filter(|((_, m), _)| in_month(m))
            .map(|((n, _), t)| fig_row(ctx, ctx.network(n).label, None, t))
            .collect()
    };
    let months: Vec<FigRow> = r
        .by_month
        .iter()
        .map(|(m, t)| fig_row(ctx, month_label(lang, *m), Some(month_href(*m)), t))
        .collect();
    let network_months: Vec<FigRow> = if month.is_none() {
        r.by_network_month
            .iter()
            .map(|((n, m), t)| {
                fig_row(
                    ctx,
                    format!("{} · {}", ctx.network(n).label, month_label(lang, *m)),
                    None,
                    t,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let chart_rows: Vec<(String, u64, Option<u64>)> = r
        .by_month
        .iter()
        .filter(|(m, _)| month.is_none() || month.is_some_and(|x| **m == x || **m == previous(x)))
        .map(|(m, t)| (month_label(lang, *m), t.interactions.unwrap_or(0), None))
        .collect();
    let months_chart = chart::bars(
        lang,
        &chart_rows,
        ctx.label("chart_interactions"),
        &i18n::bars_name(lang, ctx.label("chart_interactions"), &chart_rows),
    );
    let ranked = r.ranked(month);
    let top: Vec<PostRow> = ranked
        .iter()
        .take(10)
        .map(|p| post_row(ctx, p, depth))
        .collect();
    let rest = ranked.len().saturating_sub(top.len());
    let bottom: Vec<PostRow> = ranked
        .iter()
        .rev()
        .take(rest.min(10))
        .map(|p| post_row(ctx, p, depth))
        .collect();
    let pillars: Vec<FigRow> = match month {
        None => r
            .by_pillar
            .iter()
            .map(|(p, t)| fig_row(ctx, p.clone(), None, t))
            .collect(),
        Some(m) => r
            .by_pillar_month
            .iter()
            .filter(|((pm, _), _)| *pm == m)
            .map(|((_, p), t)| fig_row(ctx, p.clone(), None, t))
            .collect(),
    };
    let slots: Vec<((u8, u8), Total)> = match month {
        None => r.by_slot.iter().map(|(k, t)| (*k, *t)).collect(),
        Some(m) => r
            .by_slot_month
            .iter()
            .filter(|((sm, _, _), _)| *sm == m)
            .map(|((_, d, h), t)| ((*d, *h), *t))
            .collect(),
    };
    let heatmap = heatmap(ctx, &slots);
    let (from, to) = match month {
        Some((y, m)) => {
            let first = jiff::civil::Date::new(y, m, 1).unwrap_or(ctx.input.today);
            (Some(first), Some(first.last_of_month()))
        }
        None => (None, None),
    };
    let mut follower_rows = Vec::new();
    let mut bars = Vec::new();
    for (n, s) in &r.followers {
        let within: Vec<&(jiff::civil::Date, u64)> = s
            .iter()
            .filter(|(d, _)| from.is_none_or(|f| *d >= f) && to.is_none_or(|t| *d <= t))
            .collect();
        let (Some(first), Some(last)) = (within.first(), within.last()) else {
            continue;
        };
        let gained = last.1 as i64 - first.1 as i64;
        let label = ctx.network(n).label;
        follower_rows.push(FollowerRow {
            network: label.clone(),
            first: format!(
                "{} ({})",
                i18n::number(lang, first.1),
                i18n::long_date(lang, first.0)
            ),
            last: format!(
                "{} ({})",
                i18n::number(lang, last.1),
                i18n::long_date(lang, last.0)
            ),
            gained: format!(
                "{}{}",
                if gained >= 0 { "+" } else { "−" },
                i18n::number(lang, gained.unsigned_abs())
            ),
        });
        bars.push((label, last.1, Some(first.1)));
    }
    let followers_chart = chart::followers(lang, &bars, ctx.label("followers"));
    let unmatched_all: Vec<&crate::validate::results::Unmatched> = r
        .unmatched
        .iter()
        .filter(|u| {
            month.is_none() || u.row.date.as_ref().map(crate::validate::results::month_of) == month
        })
        .collect();
    let unmatched_more = unmatched_all.len().saturating_sub(MAX_UNMATCHED_SHOWN);
    let unmatched: Vec<UnmatchedRow> = unmatched_all
        .iter()
        .take(MAX_UNMATCHED_SHOWN)
        .map(|u| UnmatchedRow {
            place: format!("{}:{}", u.row.file, u.row.line),
            network: ctx.network(&u.network).label,
            date: u
                .row
                .date
                .as_ref()
                .map(|d| i18n::long_date(lang, d.date()))
                .unwrap_or_default(),
            url: u.row.url.clone().and_then(|x| routes::external(&x)),
            impressions: count(lang, u.row.counts.get(Count::Impressions)),
            interactions: count(lang, u.figures.interactions),
        })
        .collect();
    let campaigns: Vec<Scorecard> = r
        .campaigns
        .iter()
        .filter(|c| match (month, c.from, c.to) {
            (Some(_), Some(a), Some(b)) => {
                from.is_some_and(|f| b >= f) && to.is_some_and(|t| a <= t)
            }
            // The results page: the campaigns that have started.
            (None, Some(a), _) => a <= ctx.input.today,
            _ => true,
        })
        .map(|c| scorecard(ctx, c, path))
        .collect();
    let (compare, previous_label, worked, did_not) = match month {
        Some(m) => report(ctx, r, m, &ranked),
        None => (Vec::new(), String::new(), Vec::new(), Vec::new()),
    };
    let reports = r
        .months()
        .into_iter()
        .map(|m| Link {
            label: month_label(lang, m),
            href: month_href(m),
        })
        .collect();
    ResultsView {
        frame: ctx.frame(path, title, "results"),
        report: month.is_some(),
        heading,
        any: !r.is_empty(),
        formulas: FORMULAS
            .iter()
            .map(|(k, f)| Formula {
                label: ctx.label(k),
                formula: f,
            })
            .collect(),
        files: r
            .files
            .iter()
            .map(|(f, format)| FileView {
                file: f.clone(),
                format: format
                    .clone()
                    .unwrap_or_else(|| ctx.label("format_unknown").into()),
            })
            .collect(),
        networks,
        months,
        network_months,
        months_chart,
        top,
        bottom,
        pillars,
        heatmap,
        followers: follower_rows,
        followers_chart,
        unmatched,
        unmatched_more: (unmatched_more > 0).then(|| i18n::more_rows(lang, unmatched_more)),
        campaigns,
        compare,
        previous_label,
        worked,
        did_not,
        reports,
    }
}

/// The best slots of the week: posts and engagement rate (impressions) by weekday and hour.
fn heatmap(ctx: &Ctx<'_>, slots: &[((u8, u8), Total)]) -> Option<Heatmap> {
    if slots.is_empty() {
        return None;
    }
    let lang = ctx.lang;
    let mut hours: Vec<u8> = slots.iter().map(|((_, h), _)| *h).collect();
    hours.sort_unstable();
    hours.dedup();
    let best = slots
        .iter()
        .filter_map(|(_, t)| t.rate_impressions.value())
        .fold(0.0f64, f64::max);
    let days = i18n::weekdays(lang);
    let mut out = Vec::new();
    for (d, day) in days.iter().enumerate() {
        let cells = hours
            .iter()
            .map(|h| {
                let t = slots
                    .iter()
                    .find(|((sd, sh), _)| *sd as usize == d && sh == h)
                    .map(|(_, t)| t);
                match t {
                    Some(t) => {
                        let r = t.rate_impressions.value();
                        HeatCell {
                            text: rate(lang, r),
                            level: match r {
                                Some(v) if best > 0.0 => ((v / best) * 100.0).round() as u32,
                                _ => 0,
                            },
                            title: i18n::slot_title(
                                lang,
                                t.posts,
                                r.map(|v| i18n::percent(lang, v)),
                            ),
                        }
                    }
                    None => HeatCell {
                        text: String::new(),
                        level: 0,
                        title: String::new(),
                    },
                }
            })
            .collect();
        out.push(HeatDay { day, cells });
    }
    Some(Heatmap {
        hours: hours.iter().map(|h| format!("{h:02}h")).collect(),
        days: out,
    })
}

type Report = (Vec<CompareRow>, String, Vec<String>, Vec<String>);

/// The monthly report: the month against the previous one, what worked and what did not, each
/// statement with its numbers.
fn report(ctx: &Ctx<'_>, r: &Results, m: Month, ranked: &[&PostResult]) -> Report {
    let lang = ctx.lang;
    let zero = Total::default();
    let now = r.by_month.get(&m).unwrap_or(&zero);
    let prev_m = previous(m);
    let before = r.by_month.get(&prev_m).unwrap_or(&zero);
    let (fn_, fb) = (now.figures(), before.figures());
    let change_count = |a: Option<u64>, b: Option<u64>| match (a, b) {
        (Some(a), Some(b)) if b > 0 => i18n::signed_percent(lang, a as f64 / b as f64 - 1.0),
        _ => DASH.to_string(),
    };
    let change_rate = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => i18n::signed_points(lang, (a - b) * 100.0),
        _ => DASH.to_string(),
    };
    let counts = [
        ("posts", Some(now.posts as u64), Some(before.posts as u64)),
        (
            "impressions",
            now.counts.get(Count::Impressions),
            before.counts.get(Count::Impressions),
        ),
        (
            "reach",
            now.counts.get(Count::Reach),
            before.counts.get(Count::Reach),
        ),
        ("fig_interactions", fn_.interactions, fb.interactions),
        (
            "clicks",
            now.counts.get(Count::Clicks),
            before.counts.get(Count::Clicks),
        ),
    ];
    let mut compare: Vec<CompareRow> = counts
        .iter()
        .map(|(k, a, b)| CompareRow {
            label: ctx.label(k).to_string(),
            now: count(lang, *a),
            before: count(lang, *b),
            change: change_count(*a, *b),
        })
        .collect();
    for (k, a, b) in [
        (
            "fig_rate_reach",
            fn_.engagement_rate_reach,
            fb.engagement_rate_reach,
        ),
        (
            "fig_rate_impressions",
            fn_.engagement_rate_impressions,
            fb.engagement_rate_impressions,
        ),
        ("fig_ctr", fn_.ctr, fb.ctr),
    ] {
        compare.push(CompareRow {
            label: ctx.label(k).to_string(),
            now: rate(lang, a),
            before: rate(lang, b),
            change: change_rate(a, b),
        });
    }
    let mut worked = Vec::new();
    let mut did_not = Vec::new();
    let network = |n: &str| ctx.network(n).label;
    // A post's statement: its interactions and its engagement rate (reach, else impressions).
    let statement = |p: &PostResult| {
        let f = &p.figures;
        i18n::post_statement(
            lang,
            &p.title,
            &network(&p.network),
            f.interactions.unwrap_or(0),
            f.engagement_rate_reach
                .or(f.engagement_rate_impressions)
                .map(|v| i18n::percent(lang, v)),
        )
    };
    worked.extend(ranked.iter().take(3).map(|p| statement(p)));
    if ranked.len() > 3 {
        did_not.extend(
            ranked
                .iter()
                .rev()
                .take(3.min(ranked.len() - 3))
                .map(|p| statement(p)),
        );
    }
    // Pillars and networks by engagement rate (impressions): the best worked, the weakest did not.
    let mut pillars: Vec<(&String, f64, usize)> = r
        .by_pillar_month
        .iter()
        .filter(|((pm, _), _)| *pm == m)
        .filter_map(|((_, p), t)| t.rate_impressions.value().map(|v| (p, v, t.posts)))
        .collect();
    pillars.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    if let Some((p, v, n)) = pillars.first() {
        worked.push(i18n::pillar_statement(
            lang,
            p,
            &i18n::percent(lang, *v),
            *n,
            true,
        ));
    }
    if pillars.len() > 1
        && let Some((p, v, n)) = pillars.last()
    {
        did_not.push(i18n::pillar_statement(
            lang,
            p,
            &i18n::percent(lang, *v),
            *n,
            false,
        ));
    }
    let mut nets: Vec<(&String, f64)> = r
        .by_network_month
        .iter()
        .filter(|((_, nm), _)| *nm == m)
        .filter_map(|((n, _), t)| t.rate_impressions.value().map(|v| (n, v)))
        .collect();
    nets.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    if let Some((n, v)) = nets.first() {
        worked.push(i18n::network_statement(
            lang,
            &network(n),
            &i18n::percent(lang, *v),
            true,
        ));
    }
    if nets.len() > 1
        && let Some((n, v)) = nets.last()
    {
        did_not.push(i18n::network_statement(
            lang,
            &network(n),
            &i18n::percent(lang, *v),
            false,
        ));
    }
    let best_slot = r
        .by_slot_month
        .iter()
        .filter(|((sm, _, _), _)| *sm == m)
        .filter_map(|((_, d, h), t)| t.rate_impressions.value().map(|v| (*d, *h, v, t.posts)))
        .max_by(|a, b| {
            a.2.total_cmp(&b.2)
                .then_with(|| (b.0, b.1).cmp(&(a.0, a.1)))
        });
    if let Some((d, h, v, n)) = best_slot {
        worked.push(i18n::slot_statement(
            lang,
            i18n::weekdays(lang)[d as usize % 7],
            h,
            &i18n::percent(lang, v),
            n,
        ));
    }
    (compare, month_label(lang, prev_m), worked, did_not)
}
