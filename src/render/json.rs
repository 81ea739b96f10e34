//! `calendar.json` (SPEC §8): posts with their variants, entries, audits.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::engine::project::Project;
use crate::load::content::{Audit, Entry};

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

/// `calendar.json`, compact (tools read it; at 10,000 posts indentation alone is megabytes).
/// Each post's object is kept in `frags` until the post changes.
/// `calendar.json`, as pieces: the kept object of each post between the punctuation.
pub fn calendar(
    project: &Project,
    sorted: &[&crate::load::content::Post],
    frags: &super::Fragments,
) -> Vec<Arc<str>> {
    let posts = frags.json(sorted, |p| post_json(project, p));
    let entries: Vec<EntryJson<'_>> = project.content.entries.iter().map(entry).collect();
    let audits: Vec<AuditJson<'_>> = project.content.audits.iter().map(audit).collect();
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
            "],\"entries\":{},\"audits\":{}}}\n",
            compact(&entries),
            compact(&audits)
        )
        .into(),
    );
    out
}

fn compact<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

fn post_json(project: &Project, p: &crate::load::content::Post) -> String {
    let empty = BTreeMap::new();
    let base = project.config.base_url.as_deref();
    let vs = project.variants.get(p.id()).unwrap_or(&empty);
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
        url: base.map(|b| format!("{b}posts/{}/", super::html::url_segment(p.id()))),
    })
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
