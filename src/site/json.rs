//! `calendar.json` (SPEC §8): posts with their variants, entries, audits.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::{Audit, Entry};
use crate::project::Project;

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
    accounts: &'a [crate::content::audit::Account],
    top_posts: Vec<TopPostJson<'a>>,
    swot: &'a crate::content::audit::Swot,
    causes: &'a [crate::content::audit::Cause],
    competitors: &'a [crate::content::audit::Competitor],
    target: Option<&'a str>,
    proposals: &'a [String],
    file: &'a str,
}

#[derive(Serialize)]
struct TopPostJson<'a> {
    #[serde(flatten)]
    post: &'a crate::content::audit::TopPost,
    interactions: u64,
}

#[derive(Serialize)]
struct Calendar<'a> {
    posts: Vec<PostJson<'a>>,
    entries: Vec<EntryJson<'a>>,
    audits: Vec<AuditJson<'a>>,
}

pub fn calendar(project: &Project) -> Vec<u8> {
    let tz = &project.config.timezone;
    let base = project.config.base_url.as_deref();
    let mut posts: Vec<_> = project.content.posts.iter().collect();
    posts.sort_by(|a, b| {
        let key = |p: &&crate::content::Post| {
            (p.date.as_ref().map(|d| d.sort_key(tz)), p.id().to_string())
        };
        key(a).cmp(&key(b))
    });
    let empty = BTreeMap::new();
    let posts = posts
        .into_iter()
        .map(|p| {
            let vs = project.variants.get(p.id()).unwrap_or(&empty);
            PostJson {
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
                url: base.map(|b| format!("{b}posts/{}/", super::html::url_segment(p.id()))),
            }
        })
        .collect();
    let entries = project.content.entries.iter().map(entry).collect();
    let audits = project.content.audits.iter().map(audit).collect();
    let doc = Calendar {
        posts,
        entries,
        audits,
    };
    let mut out = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    out.push(b'\n');
    out
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
