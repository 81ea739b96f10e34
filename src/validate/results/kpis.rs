//! Campaign KPIs (SPEC §3.2, §9): a count is the sum over the campaign's posts between its
//! dates, a rate the ratio of the sums; a KPI is reached when actual ≥ target.

use jiff::civil::Date;

use rustc_hash::FxHashMap;

use super::{PostResult, Results, Total};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::config::Language;
use crate::load::content::{Entry, Post};
use crate::load::yaml;

/// The KPI names trame computes.
pub const KNOWN: &[&str] = &[
    "impressions",
    "reach",
    "likes",
    "comments",
    "shares",
    "saves",
    "clicks",
    "video_views",
    "posts",
    "interactions",
    "engagement_rate_reach",
    "engagement_rate_impressions",
    "engagement_rate_followers",
    "ctr",
    "followers_gained",
];

/// A rate KPI: its target and actual are fractions (`0.04`), shown as percentages.
pub fn is_rate(name: &str) -> bool {
    name == "ctr" || name.starts_with("engagement_rate")
}

/// One KPI of a campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    pub name: String,
    pub target: f64,
    /// `None`: unknown (no result says), or a KPI trame cannot compute.
    pub actual: Option<f64>,
    /// `None` when the actual is unknown.
    pub reached: Option<bool>,
    pub known: bool,
}

impl Kpi {
    /// actual − target.
    pub fn gap(&self) -> Option<f64> {
        self.actual.map(|a| a - self.target)
    }
}

/// A campaign's KPIs and the sum of its posts' results between its dates.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignKpis {
    pub id: String,
    pub file: String,
    pub title: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub kpis: Vec<Kpi>,
    pub total: Total,
}

/// The `calendar/kpi-unknown` warnings of an entry (a check of the entry on its own).
pub fn check(e: &Entry, lang: Language, diags: &mut Vec<Diagnostic>) {
    for name in e.kpis.keys() {
        if KNOWN.contains(&name.as_str()) {
            continue;
        }
        let help = crate::diagnostics::did_you_mean(name, KNOWN.iter().copied())
            .or_else(|| {
                name.contains("engagement")
                    .then(|| "engagement_rate_reach".to_string())
            })
            .map(|s| t!(lang, "did-you-mean", name = s))
            .unwrap_or_else(|| t!(lang, "kpi-unknown-help", known = KNOWN.join(", ")));
        diags.push(
            Diagnostic::new(
                Code::CalendarKpiUnknown,
                &e.common.file,
                e.common.index.pos(&yaml::join("kpis", name)),
                t!(lang, "kpi-unknown", kpi = name.as_str()),
            )
            .with_help(help)
            .with_span(name.chars().count()),
        );
    }
}

/// The KPIs of campaign `e` over its published posts' results between its dates (`results`
/// and `published` gathered by campaign id).
pub fn campaign(
    e: &Entry,
    results: &Results,
    by_campaign: &FxHashMap<&str, Vec<&PostResult>>,
    published: &FxHashMap<&str, Vec<&Post>>,
) -> CampaignKpis {
    let from = e.date.as_ref().map(|d| d.date());
    let to = e.end.as_ref().map(|d| d.date()).or(from);
    let within = |d: Option<Date>| match (d, from, to) {
        (Some(d), Some(a), Some(b)) => d >= a && d <= b,
        (_, None, _) => true,
        _ => false,
    };
    let mine: &[&PostResult] = by_campaign.get(e.id()).map_or(&[], Vec::as_slice);
    let mut total = Total::default();
    for p in mine {
        if within(p.date.as_ref().map(|d| d.date())) {
            total.add(&p.counts, p.followers);
        }
    }
    // `posts` counts the campaign's published posts in its dates, with results or not.
    let posts = published
        .get(e.id())
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter(|p| within(p.date.as_ref().map(|d| d.date())))
        .count();
    let networks: Vec<String> = if e.networks.is_empty() {
        let mut n: Vec<String> = mine.iter().map(|p| p.network.clone()).collect();
        n.sort();
        n.dedup();
        n
    } else {
        e.networks.iter().map(|(n, _)| n.clone()).collect()
    };
    let kpis = e
        .kpis
        .iter()
        .map(|(name, target)| {
            let known = KNOWN.contains(&name.as_str());
            let actual = match name.as_str() {
                _ if !known => None,
                "posts" => Some(posts as f64),
                "followers_gained" => match (from, to) {
                    // Over the networks whose followers are known (account rows).
                    (Some(a), Some(b)) => networks
                        .iter()
                        .filter_map(|n| results.followers_gained(n, a, b))
                        .fold(None, |acc: Option<i64>, g| Some(acc.unwrap_or(0) + g))
                        .map(|v| v as f64),
                    _ => None,
                },
                other => total.named(other),
            };
            Kpi {
                name: name.clone(),
                target: *target,
                reached: actual.map(|a| a >= *target),
                actual,
                known,
            }
        })
        .collect();
    CampaignKpis {
        id: e.id().to_string(),
        file: e.common.file.clone(),
        title: e.title.clone(),
        from,
        to,
        kpis,
        total,
    }
}
