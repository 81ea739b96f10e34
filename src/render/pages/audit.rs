//! An audit report (`audits/<id>/index.html`, printable): cover, standing per network with a
//! chart, overview, causes, proposals, the written analysis, and the findings the validation
//! computed from the calendar.

use serde::Serialize;

use super::Ctx;
use crate::load::content::Audit;
use crate::load::content::audit::{Cause, Swot};
use crate::render::html::markdown_html;
use crate::render::views::Frame;
use crate::render::{OutFile, ThemeError, i18n};
use crate::routes::{self, OutPath};

#[derive(Serialize)]
struct AuditView<'a> {
    #[serde(flatten)]
    frame: Frame,
    audit: Head,
    org_name: String,
    org_summary: String,
    logo: Option<String>,
    accounts: Vec<AccountRow>,
    /// Inline SVG.
    chart: String,
    swot: &'a Swot,
    competitors: Vec<CompetitorRow>,
    top_posts: Vec<TopRow>,
    target: Option<&'a str>,
    causes: &'a [Cause],
    proposals: &'a [String],
    /// Sanitised HTML.
    body: String,
    regularity: Vec<RegularityRow>,
    codes: Vec<CodeRow>,
    no_alt: Vec<Link>,
    dead_links: Vec<DeadRow>,
}

/// A dead link found by the last `check --links`, where it is.
#[derive(Serialize)]
struct DeadRow {
    url: String,
    status: u16,
    /// The post's page, when it is in a post.
    href: Option<String>,
    place: String,
    checked: String,
}

#[derive(Serialize)]
struct Head {
    title: String,
    date: Option<String>,
}

#[derive(Serialize)]
struct AccountRow {
    label: String,
    followers: String,
    growth: String,
    posts_30d: String,
    engagement: String,
}

#[derive(Serialize)]
struct CompetitorRow {
    name: String,
    label: String,
    followers: String,
    per_week: String,
    engagement: String,
}

#[derive(Serialize)]
struct TopRow {
    rank: usize,
    summary: String,
    date: Option<String>,
    label: String,
    interactions: String,
    detail: String,
}

#[derive(Serialize)]
struct RegularityRow {
    label: String,
    cadence: String,
    periods: String,
}

#[derive(Serialize)]
struct CodeRow {
    code: String,
    count: String,
}

#[derive(Serialize)]
struct Link {
    href: String,
    title: String,
}

pub fn files(ctx: &Ctx<'_>, file: &str) -> Result<Vec<OutFile>, ThemeError> {
    let audit = ctx.input.audits.iter().find(|a| a.common.file == file);
    match (audit, ctx.input.routes.audit(file)) {
        (Some(a), Some(path)) => Ok(vec![page(ctx, a, path)?]),
        _ => Ok(Vec::new()),
    }
}

fn page(ctx: &Ctx<'_>, a: &Audit, path: OutPath) -> Result<OutFile, ThemeError> {
    let input = ctx.input;
    let lang = ctx.lang;
    let label = |n: &str| input.config.networks.label(n).to_string();
    // Typed figures win; `from_results` fills what is not typed.
    let period = a.from_results.as_ref().map(|(f, t)| (f.date(), t.date()));
    let results = &input.checked.results;
    let computed_accounts;
    let account_list = match period {
        Some((f, t)) if a.accounts.is_empty() => {
            computed_accounts = results.standing(f, t);
            &computed_accounts
        }
        _ => &a.accounts,
    };
    let computed_top;
    let top_list = match period {
        Some((f, t)) if a.top_posts.is_empty() => {
            computed_top = results.top_posts(f, t, 5);
            &computed_top
        }
        _ => &a.top_posts,
    };
    let accounts = account_list
        .iter()
        .map(|acc| AccountRow {
            label: label(&acc.network),
            followers: i18n::number(lang, acc.followers),
            growth: acc
                .growth()
                .map(|g| i18n::signed_percent(lang, g))
                .unwrap_or_default(),
            posts_30d: acc
                .posts_30d
                .map(|n| i18n::number(lang, n))
                .unwrap_or_default(),
            engagement: acc
                .engagement_rate
                .map(|e| i18n::percent(lang, e))
                .unwrap_or_default(),
        })
        .collect();
    let rows: Vec<(String, u64, Option<u64>)> = account_list
        .iter()
        .map(|acc| (label(&acc.network), acc.followers, acc.followers_prev))
        .collect();
    let chart = crate::render::chart::followers(lang, &rows, ctx.label("followers"));
    let competitors = a
        .competitors
        .iter()
        .flat_map(|c| {
            c.networks.iter().map(move |(n, f)| CompetitorRow {
                name: c.name.clone(),
                label: label(n),
                followers: i18n::number(lang, f.followers),
                per_week: f
                    .posts_per_week
                    .map(|x| i18n::decimal(lang, x))
                    .unwrap_or_default(),
                engagement: f
                    .engagement_rate
                    .map(|e| i18n::percent(lang, e))
                    .unwrap_or_default(),
            })
        })
        .collect();
    let top_posts = top_list
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let l = |k: &str| ctx.label(k);
            let mut detail = format!(
                "{} {} · {} {} · {} {}",
                i18n::number(lang, t.likes),
                l("likes"),
                i18n::number(lang, t.comments),
                l("comments"),
                i18n::number(lang, t.shares),
                l("shares")
            );
            if let Some(s) = t.saves {
                detail.push_str(&format!(" · {} {}", i18n::number(lang, s), l("saves")));
            }
            TopRow {
                rank: i + 1,
                summary: t.summary.clone(),
                date: t.date.clone(),
                label: label(&t.network),
                interactions: i18n::number(lang, t.interactions()),
                detail,
            }
        })
        .collect();
    let findings = &input.checked.findings;
    let regularity = findings
        .regularity
        .iter()
        .map(|r| RegularityRow {
            label: label(&r.network),
            cadence: i18n::cadence(lang, &r.cadence),
            periods: i18n::periods(r.met, r.total),
        })
        .collect();
    let codes = findings
        .by_code
        .iter()
        .map(|(c, n)| CodeRow {
            code: c.clone(),
            count: i18n::number(lang, *n as u64),
        })
        .collect();
    let no_alt = findings
        .no_alt
        .iter()
        .filter_map(|f| {
            let p = input.post(f)?;
            Some(Link {
                href: routes::href(&path, &input.routes.post(f)?),
                title: p.post.title.clone(),
            })
        })
        .collect();
    let dead_links = findings
        .dead_links
        .iter()
        .map(|d| {
            let post = input.post(&d.file);
            DeadRow {
                url: d.url.clone(),
                status: d.status,
                href: post
                    .and_then(|_| input.routes.post(&d.file))
                    .map(|to| routes::href(&path, &to)),
                place: match post {
                    Some(p) => p.post.title.clone(),
                    None => format!("{}:{}", d.file, d.line),
                },
                checked: jiff::Timestamp::from_second(d.checked)
                    .map(|t| {
                        i18n::long_date(
                            lang,
                            t.to_zoned_datetime(input.config.timezone.clone()).date(),
                        )
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    let org = &input.config.organisation;
    // The logo is shown when the checks could read it (it is then copied with the media).
    let logo = org
        .logo
        .as_deref()
        .filter(|l| matches!(input.media.get(*l), Some(Ok(_))))
        .and_then(crate::base::paths::normalise_relative)
        .map(|l| routes::href(&path, &routes::media(&l)));
    let view = AuditView {
        frame: ctx.frame(&path, a.title.clone(), "audit"),
        audit: Head {
            title: a.title.clone(),
            date: a.date.as_ref().map(|d| i18n::long_date(lang, d.date())),
        },
        org_name: org.name.clone(),
        org_summary: org.summary.clone(),
        logo,
        accounts,
        chart,
        swot: &a.swot,
        competitors,
        top_posts,
        target: a.target.as_deref(),
        causes: &a.causes,
        proposals: &a.proposals,
        body: markdown_html(&a.body),
        regularity,
        codes,
        no_alt,
        dead_links,
    };
    Ok(OutFile::new(path, ctx.render("audit", &view)?))
}
