//! `calendar.json` (SPEC §8): posts with their variants, entries, audits.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::{Input, PostRef};
use crate::load::content::{Audit, Entry};
use crate::load::metrics::{Count, Counts};
use crate::validate::results::Figures;

#[derive(Serialize)]
struct VariantJson<'a> {
    text: &'a str,
    length: usize,
    limit: Option<usize>,
    parts: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_comment: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<&'a str>,
}

#[derive(Serialize)]
struct PostJson<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<String>,
    status: &'a str,
    campaign: Option<&'a str>,
    networks: Vec<&'a str>,
    variants: BTreeMap<&'a str, VariantJson<'a>>,
    file: &'a str,
    author: Option<&'a str>,
    reviewer: Option<&'a str>,
    pillar: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    /// network → its results (SPEC §9), when the results files have some.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    results: BTreeMap<&'a str, FiguresJson>,
    /// The veille notes it draws on (their ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<&'a str>,
}

/// A veille note (SPEC §3.4), with the posts that cite it; `status` is as the site shows it (a
/// cited note is `used`).
#[derive(Serialize)]
struct NoteJson<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'static str,
    date: Option<String>,
    url: Option<&'a str>,
    source: Option<&'a str>,
    competitor: Option<&'a str>,
    tone: Option<&'static str>,
    status: &'static str,
    keywords: &'a [String],
    tags: &'a [String],
    used_in: Vec<&'a str>,
    file: &'a str,
}

/// The counts and figures of one row, as `results.json` names them (unknown: `null`).
#[derive(Serialize)]
struct FiguresJson {
    impressions: Option<u64>,
    reach: Option<u64>,
    likes: Option<u64>,
    comments: Option<u64>,
    shares: Option<u64>,
    saves: Option<u64>,
    clicks: Option<u64>,
    video_views: Option<u64>,
    interactions: Option<u64>,
    engagement_rate_reach: Option<f64>,
    engagement_rate_impressions: Option<f64>,
    ctr: Option<f64>,
}

impl FiguresJson {
    fn of(c: &Counts, f: &Figures) -> FiguresJson {
        FiguresJson {
            impressions: c.get(Count::Impressions),
            reach: c.get(Count::Reach),
            likes: c.get(Count::Likes),
            comments: c.get(Count::Comments),
            shares: c.get(Count::Shares),
            saves: c.get(Count::Saves),
            clicks: c.get(Count::Clicks),
            video_views: c.get(Count::VideoViews),
            interactions: f.interactions,
            engagement_rate_reach: f.engagement_rate_reach,
            engagement_rate_impressions: f.engagement_rate_impressions,
            ctr: f.ctr,
        }
    }
}

#[derive(Serialize)]
struct ResultPostJson<'a> {
    id: &'a str,
    network: &'a str,
    date: Option<String>,
    #[serde(flatten)]
    figures: FiguresJson,
}

#[derive(Serialize)]
struct UnmatchedJson<'a> {
    file: &'a str,
    line: usize,
    network: &'a str,
    url: Option<&'a str>,
    date: Option<String>,
    #[serde(flatten)]
    figures: FiguresJson,
}

#[derive(Serialize)]
struct CampaignJson<'a> {
    id: &'a str,
    kpis: Vec<KpiJson<'a>>,
}

#[derive(Serialize)]
struct KpiJson<'a> {
    name: &'a str,
    target: f64,
    actual: Option<f64>,
    reached: Option<bool>,
}

#[derive(Serialize)]
struct ResultsJson<'a> {
    posts: Vec<ResultPostJson<'a>>,
    unmatched: Vec<UnmatchedJson<'a>>,
    campaigns: Vec<CampaignJson<'a>>,
}

/// `results.json` (SPEC §9): every row joined to its post, the rows that match none, and the
/// campaigns' KPIs; unknown figures are `null`.
pub fn results(input: &Input<'_>) -> String {
    let r = &input.checked.results;
    let json = ResultsJson {
        posts: r
            .posts
            .iter()
            .map(|p| ResultPostJson {
                id: &p.id,
                network: &p.network,
                date: p.date.as_ref().map(|d| d.iso()),
                figures: FiguresJson::of(&p.counts, &p.figures),
            })
            .collect(),
        unmatched: r
            .unmatched
            .iter()
            .map(|u| UnmatchedJson {
                file: &u.row.file,
                line: u.row.line,
                network: &u.network,
                url: u.row.url.as_deref(),
                date: u.row.date.as_ref().map(|d| d.iso()),
                figures: FiguresJson::of(&u.row.counts, &u.figures),
            })
            .collect(),
        campaigns: r
            .campaigns
            .iter()
            .map(|c| CampaignJson {
                id: &c.id,
                kpis: c
                    .kpis
                    .iter()
                    .map(|k| KpiJson {
                        name: &k.name,
                        target: k.target,
                        actual: k.actual,
                        reached: k.reached,
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut out = compact(&json);
    out.push('\n');
    out
}

#[derive(Serialize)]
struct EntryJson<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'a str,
    date: Option<String>,
    end: Option<String>,
    networks: Vec<&'a str>,
    goal: Option<&'a str>,
    kpis: &'a BTreeMap<String, f64>,
    brief: &'a str,
    file: &'a str,
}

#[derive(Serialize)]
struct AuditJson<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<String>,
    accounts: &'a [crate::load::content::audit::Account],
    top_posts: Vec<TopPostJson<'a>>,
    swot: &'a crate::load::content::audit::Swot,
    causes: &'a [crate::load::content::audit::Cause],
    competitors: &'a [crate::load::content::audit::Competitor],
    target: Option<&'a str>,
    proposals: &'a [String],
    file: &'a str,
}

#[derive(Serialize)]
struct TopPostJson<'a> {
    #[serde(flatten)]
    post: &'a crate::load::content::audit::TopPost,
    interactions: u64,
}

/// `calendar.json`, compact (tools read it; at 10,000 posts indentation alone is megabytes),
/// as pieces: the object of each post (kept in `frags` until the post changes) between the
/// punctuation.
pub fn calendar(
    input: &Input<'_>,
    sorted: &[PostRef<'_>],
    frags: &super::Fragments,
) -> Vec<Arc<str>> {
    let refs: Vec<&PostRef<'_>> = sorted.iter().collect();
    let posts = frags.json(&refs, |p| post_json(input, p));
    let entries: Vec<EntryJson<'_>> = input.entries.iter().map(|e| entry(e)).collect();
    let audits: Vec<AuditJson<'_>> = input.audits.iter().map(|a| audit(a)).collect();
    let veille = notes(input);
    let comma: Arc<str> = ",".into();
    let mut out: Vec<Arc<str>> = Vec::with_capacity(posts.len() * 2 + 2);
    out.push("{\"posts\":[".into());
    for (i, p) in posts.into_iter().enumerate() {
        if i > 0 {
            out.push(comma.clone());
        }
        out.push(p);
    }
    out.push(
        format!(
            "],\"entries\":{},\"audits\":{},\"veille\":{}}}\n",
            compact(&entries),
            compact(&audits),
            compact(&veille)
        )
        .into(),
    );
    out
}

fn compact<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

fn post_json(input: &Input<'_>, r: &PostRef<'_>) -> String {
    let p = r.post;
    let base = input.config.base_url.as_deref();
    let vs = r.variants;
    compact(&PostJson {
        id: p.id(),
        title: &p.title,
        date: p.date.as_ref().map(|d| d.iso()),
        status: p.status.name(),
        campaign: p.campaign.as_ref().map(|(c, _)| c.as_str()),
        networks: p.published_networks().collect(),
        variants: vs
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str(),
                    VariantJson {
                        text: &v.text,
                        length: v.length,
                        limit: v.limit,
                        parts: &v.parts,
                        title: v.title.as_deref(),
                        first_comment: v.first_comment.as_deref(),
                        link: v.link.as_deref(),
                    },
                )
            })
            .collect(),
        file: p.file(),
        author: p.author.as_deref(),
        reviewer: p.reviewer.as_deref(),
        pillar: p.pillar.as_deref(),
        url: base.zip(input.routes.post(r.file)).map(|(b, page)| {
            let path = page
                .as_str()
                .strip_suffix("index.html")
                .unwrap_or(page.as_str());
            format!("{b}{}", crate::routes::url_path(path))
        }),
        results: input
            .checked
            .results
            .of_file(r.file)
            .map(|x| (x.network.as_str(), FiguresJson::of(&x.counts, &x.figures)))
            .collect(),
        sources: p.sources.iter().map(|(s, _)| s.as_str()).collect(),
    })
}

fn notes<'a>(input: &'a Input<'a>) -> Vec<NoteJson<'a>> {
    let cited = super::pages::veille::citations(input);
    input
        .notes
        .iter()
        .map(|n| {
            let used_in: Vec<&str> = cited
                .get(n.id())
                .map(|ps| ps.iter().map(|p| p.post.id()).collect())
                .unwrap_or_default();
            NoteJson {
                id: n.id(),
                title: &n.title,
                kind: n.kind.name(),
                date: n.date.as_ref().map(|d| d.iso()),
                url: n.url.as_ref().map(|(u, _)| u.as_str()),
                source: n.source.as_deref(),
                competitor: n.competitor.as_deref(),
                tone: n.tone.map(|t| t.name()),
                status: super::pages::veille::effective_status(n, !used_in.is_empty()).name(),
                keywords: &n.keywords,
                tags: &n.tags,
                used_in,
                file: &n.common.file,
            }
        })
        .collect()
}

fn entry(e: &Entry) -> EntryJson<'_> {
    EntryJson {
        id: e.id(),
        title: &e.title,
        kind: e.kind.name(),
        date: e.date.as_ref().map(|d| d.iso()),
        end: e.end.as_ref().map(|d| d.iso()),
        networks: e.networks.iter().map(|(n, _)| n.as_str()).collect(),
        goal: e.goal.as_deref(),
        kpis: &e.kpis,
        brief: e.body.trim(),
        file: &e.common.file,
    }
}

fn audit(a: &Audit) -> AuditJson<'_> {
    AuditJson {
        id: a.id(),
        title: &a.title,
        date: a.date.as_ref().map(|d| d.iso()),
        accounts: &a.accounts,
        top_posts: a
            .top_posts
            .iter()
            .map(|t| TopPostJson {
                post: t,
                interactions: t.interactions(),
            })
            .collect(),
        swot: &a.swot,
        causes: &a.causes,
        competitors: &a.competitors,
        target: a.target.as_deref(),
        proposals: &a.proposals,
        file: &a.common.file,
    }
}
