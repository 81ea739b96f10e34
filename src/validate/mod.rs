//! Checks on the loaded content and its variants. Each check pushes diagnostics; none stops.

pub mod cadence;
pub mod charter;
pub mod media;
pub mod network;
pub mod workflow;

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::adapt::Variant;
use crate::diagnostics::{Code, Diagnostic, did_you_mean};
use crate::load::config::Config;
use crate::load::content::{Content, EntryKind, Post};

pub use media::{MediaCache, MediaInfo, MediaProblem};

/// Inputs every check may read.
pub struct Context<'a> {
    pub config: &'a Config,
    pub content: &'a Content,
    pub media: &'a MediaCache,
    pub charter: Option<&'a crate::validate::charter::Charter>,
    pub today: Date,
}

/// All checks of one post (run in parallel over posts).
pub fn post(
    post: &Post,
    variants: &BTreeMap<String, Variant>,
    ctx: &Context<'_>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    crate::adapt::check_post(post, ctx.config, &mut diags);
    workflow::check(post, ctx, &mut diags);
    campaign(post, ctx, &mut diags);
    network::check(post, variants, ctx, &mut diags);
    if let Some(charter) = ctx.charter {
        diags.extend(charter.check(post, variants, ctx.config, ctx.content));
    }
    diags
}

fn campaign(post: &Post, ctx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    let Some((id, pos)) = &post.campaign else {
        return;
    };
    let entries = &ctx.content.entries;
    match entries.iter().find(|e| e.id() == id) {
        Some(e) if e.kind == EntryKind::Campaign => {}
        Some(e) => diags.push(
            Diagnostic::new(
                Code::CalendarUnknownCampaign,
                post.file(),
                *pos,
                format!(
                    "`{id}` is a calendar entry of kind {}, not a campaign",
                    e.kind.name()
                ),
            )
            .with_help(format!(
                "set `kind: campaign` in {}, or name another campaign",
                e.common.file
            ))
            .with_span(id.chars().count()),
        ),
        None => {
            let campaigns = entries
                .iter()
                .filter(|e| e.kind == EntryKind::Campaign)
                .map(|e| e.id());
            let help = did_you_mean(id, campaigns)
                .map(|s| format!("did you mean `{s}`?"))
                .unwrap_or_else(|| {
                    format!(
                        "create content/calendar/{id}.md with `kind: campaign`, or fix the name"
                    )
                });
            diags.push(
                Diagnostic::new(
                    Code::CalendarUnknownCampaign,
                    post.file(),
                    *pos,
                    format!("no campaign `{id}` in content/calendar"),
                )
                .with_help(help)
                .with_span(id.chars().count()),
            );
        }
    }
}

/// Checks of calendar entries and audits that need the project's networks, and the cadence.
pub fn others(ctx: &Context<'_>) -> Vec<Diagnostic> {
    let mut diags = cadence::check(ctx);
    let networks = &ctx.config.networks;
    let unknown = |id: &str, file: &str, pos, diags: &mut Vec<Diagnostic>| {
        diags.push(crate::load::networks::unknown_diagnostic(
            id, file, pos, networks,
        ));
    };
    for e in &ctx.content.entries {
        for (id, pos) in &e.networks {
            if networks.get(id).is_none() {
                unknown(id, &e.common.file, *pos, &mut diags);
            }
        }
    }
    for a in &ctx.content.audits {
        for (i, acc) in a.accounts.iter().enumerate() {
            if networks.get(&acc.network).is_none() {
                let pos = a.common.index.value_pos(&format!("accounts[{i}].network"));
                unknown(&acc.network, &a.common.file, pos, &mut diags);
            }
        }
    }
    diags
}
