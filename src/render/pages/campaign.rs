//! A campaign's page (`campaigns/<id>/index.html`): brief, dates, goal and KPIs, its posts in
//! date order and how many go out on each network.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{ChipKind, Ctx};
use crate::load::content::entry::is_rate_kpi;
use crate::load::content::{Entry, EntryKind};
use crate::render::html::{Slots, markdown_html};
use crate::render::views::{Frame, campaign_color};
use crate::render::{OutFile, PostRef, ThemeError, i18n};

#[derive(Serialize)]
struct CampaignView {
    #[serde(flatten)]
    frame: Frame,
    entry: EntryView,
    /// The posts' cards (a slot marker).
    cards: String,
    /// Its KPIs against its posts' results.
    scorecard: Option<super::results::Scorecard>,
    per_network: Vec<PerNetwork>,
}

#[derive(Serialize)]
struct EntryView {
    title: String,
    kind: &'static str,
    goal: Option<String>,
    dates: String,
    kpis: Vec<Kpi>,
    /// Sanitised HTML.
    brief: String,
    color: String,
}

#[derive(Serialize)]
struct Kpi {
    name: String,
    value: String,
}

#[derive(Serialize)]
struct PerNetwork {
    network: crate::render::views::NetworkView,
    label: String,
}

pub fn files(ctx: &Ctx<'_>, file: &str) -> Result<Vec<OutFile>, ThemeError> {
    let entry = ctx
        .input
        .entries
        .iter()
        .find(|e| e.common.file == file && e.kind == EntryKind::Campaign);
    match (entry, ctx.input.routes.campaign(file)) {
        (Some(e), Some(path)) => Ok(vec![page(ctx, e, path)?]),
        _ => Ok(Vec::new()),
    }
}

fn page(ctx: &Ctx<'_>, e: &Entry, path: crate::routes::OutPath) -> Result<OutFile, ThemeError> {
    let lang = ctx.lang;
    // The posts that name this campaign, if this entry is the one its id designates.
    let owner = ctx
        .input
        .routes
        .file_of(crate::load::content::Kind::Entry, e.id());
    let posts: Vec<&PostRef<'_>> = if owner == Some(e.common.file.as_str()) {
        ctx.sorted
            .iter()
            .filter(|p| p.post.campaign.as_ref().is_some_and(|(c, _)| c == e.id()))
            .collect()
    } else {
        Vec::new()
    };
    let mut per_network: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &posts {
        for n in p.post.published_networks() {
            *per_network.entry(n).or_default() += 1;
        }
    }
    let date = |d: &Option<crate::load::content::When>| {
        d.as_ref()
            .map(|d| i18n::long_date(lang, d.date()))
            .unwrap_or_default()
    };
    let mut slots = Slots::new();
    let view = CampaignView {
        frame: ctx.frame(&path, e.title.clone(), "campaign"),
        entry: EntryView {
            title: e.title.clone(),
            kind: e.kind.name(),
            goal: e.goal.clone(),
            dates: format!("{} → {}", date(&e.date), date(&e.end)),
            kpis: e
                .kpis
                .iter()
                .map(|(k, v)| Kpi {
                    name: i18n::kpi_name(lang, k),
                    value: if is_rate_kpi(k) {
                        i18n::percent(lang, *v)
                    } else {
                        i18n::decimal(lang, *v)
                    },
                })
                .collect(),
            brief: markdown_html(&e.body),
            color: campaign_color(e.id()).to_string(),
        },
        cards: ctx.chips(&mut slots, posts.iter().copied(), ChipKind::Campaign)?,
        scorecard: ctx.input.checked.results.campaign(&e.common.file).map(|c| {
            let mut s = super::results::scorecard(ctx, c, &path);
            s.title = String::new();
            s
        }),
        per_network: per_network
            .into_iter()
            .map(|(n, c)| {
                let network = ctx.network(n);
                PerNetwork {
                    label: i18n::per_network(lang, &network.label, c),
                    network,
                }
            })
            .collect(),
    };
    Ok(slots.page(path, ctx.render("campaign", &view)?))
}
