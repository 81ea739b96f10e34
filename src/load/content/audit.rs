//! Audit notes, the "état des lieux" (SPEC §3.3).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::dates::When;
use super::{Common, read_date, required_string};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::networks::canonical_id;
use crate::load::yaml::{self, Fields};

pub const KEYS: &[&str] = &[
    "title",
    "date",
    "accounts",
    "top_posts",
    "swot",
    "causes",
    "competitors",
    "target",
    "proposals",
    "from_results",
    "extra",
];

/// The standing of the organisation on one network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Account {
    pub network: String,
    pub followers: u64,
    #[serde(default)]
    pub followers_prev: Option<u64>,
    #[serde(default)]
    pub posts_30d: Option<u64>,
    #[serde(default)]
    pub engagement_rate: Option<f64>,
}

impl Account {
    /// Growth since `followers_prev`, as a fraction.
    pub fn growth(&self) -> Option<f64> {
        let prev = self.followers_prev.filter(|p| *p > 0)?;
        Some((self.followers as f64 - prev as f64) / prev as f64)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TopPost {
    pub network: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    pub summary: String,
    pub likes: u64,
    pub comments: u64,
    pub shares: u64,
    #[serde(default)]
    pub saves: Option<u64>,
    #[serde(default)]
    pub impressions: Option<u64>,
}

impl TopPost {
    /// likes + comments + shares (+ saves), the ranking of SPEC §3.3.
    pub fn interactions(&self) -> u64 {
        self.likes + self.comments + self.shares + self.saves.unwrap_or(0)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
#[schemars(deny_unknown_fields)]
pub struct Swot {
    pub strengths: Vec<String>,
    pub weaknesses: Vec<String>,
    pub opportunities: Vec<String>,
    pub threats: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Cause {
    pub weakness: String,
    pub cause: String,
    pub solution: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CompetitorFigures {
    pub followers: u64,
    #[serde(default)]
    pub posts_per_week: Option<f64>,
    #[serde(default)]
    pub engagement_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Competitor {
    pub name: String,
    #[serde(default)]
    pub networks: BTreeMap<String, CompetitorFigures>,
}

#[derive(Debug, Clone)]
pub struct Audit {
    pub common: Common,
    pub title: String,
    pub date: Option<When>,
    pub accounts: Vec<Account>,
    pub top_posts: Vec<TopPost>,
    pub swot: Swot,
    pub causes: Vec<Cause>,
    pub competitors: Vec<Competitor>,
    pub target: Option<String>,
    pub proposals: Vec<String>,
    /// `from_results: {from, to}`: the standing per network and the top posts of that period
    /// come from the results files (SPEC §9), where `accounts` and `top_posts` are not typed.
    pub from_results: Option<(When, When)>,
    pub extra: yaml::Value,
    pub body: String,
    pub body_line: usize,
}

impl Audit {
    pub fn id(&self) -> &str {
        &self.common.id
    }
}

pub fn read(
    common: Common,
    value: &yaml::Value,
    body: &str,
    body_line: usize,
    ctx: &super::ReadContext<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Audit> {
    let file = common.file.clone();
    let lang = ctx.config.language;
    let what = || t!(lang, "what-front-matter");
    let mut f = Fields::new(value, &common.index, "", &file, &what, diags, lang);
    if !f.is_map() && !value.is_null() {
        return None;
    }
    f.report_unknown(KEYS, Code::FrontmatterUnknownKey, &|| {
        t!(lang, "what-audit")
    });
    let title = required_string(
        &mut f,
        "title",
        &|| t!(lang, "what-audit-title"),
        common.start,
    );
    let date = read_date(&mut f, "date", ctx);
    if date.is_none() && f.raw("date").is_none() {
        f.diags.push(
            Diagnostic::new(
                Code::FrontmatterMissingField,
                &file,
                common.start,
                t!(lang, "audit-date-missing"),
            )
            .with_help(t!(lang, "audit-date-missing-help"))
            .with_span(3),
        );
    }
    let mut accounts: Vec<Account> = f
        .items::<Account>(
            "accounts",
            &[
                "network",
                "followers",
                "followers_prev",
                "posts_30d",
                "engagement_rate",
            ],
        )
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    for a in &mut accounts {
        a.network = canonical_id(&a.network);
    }
    let mut top_posts: Vec<TopPost> = f
        .items::<TopPost>(
            "top_posts",
            &[
                "network",
                "url",
                "date",
                "summary",
                "likes",
                "comments",
                "shares",
                "saves",
                "impressions",
            ],
        )
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    for t in &mut top_posts {
        t.network = canonical_id(&t.network);
    }
    top_posts.sort_by_key(|t| std::cmp::Reverse(t.interactions()));
    let swot = match f.sub("swot", &|| "`swot`".into()) {
        Some(mut s) => {
            s.report_unknown(
                &["strengths", "weaknesses", "opportunities", "threats"],
                Code::FrontmatterUnknownKey,
                &|| "`swot`".into(),
            );
            let mut list = |k: &str| {
                s.strings(k)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(t, _)| t)
                    .collect::<Vec<_>>()
            };
            Swot {
                strengths: list("strengths"),
                weaknesses: list("weaknesses"),
                opportunities: list("opportunities"),
                threats: list("threats"),
            }
        }
        None => Swot::default(),
    };
    let causes = f
        .items::<Cause>("causes", &["weakness", "cause", "solution"])
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    let mut competitors: Vec<Competitor> = f
        .items::<Competitor>("competitors", &["name", "networks"])
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    for c in &mut competitors {
        c.networks = std::mem::take(&mut c.networks)
            .into_iter()
            .map(|(k, v)| (canonical_id(&k), v))
            .collect();
    }
    let target = f.string("target");
    let proposals = f
        .strings("proposals")
        .unwrap_or_default()
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let from_results = match f.sub("from_results", &|| "`from_results`".into()) {
        Some(mut s) => {
            s.report_unknown(&["from", "to"], Code::FrontmatterUnknownKey, &|| {
                "`from_results`".into()
            });
            let from = read_date(&mut s, "from", ctx);
            let to = read_date(&mut s, "to", ctx);
            from.zip(to)
        }
        None => None,
    };
    let extra = f.raw("extra").cloned().unwrap_or(yaml::Value::Null);
    Some(Audit {
        common,
        title: title.unwrap_or_default(),
        date,
        accounts,
        top_posts,
        swot,
        causes,
        competitors,
        target,
        proposals,
        from_results,
        extra,
        body: body.to_string(),
        body_line,
    })
}
