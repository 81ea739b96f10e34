//! What a post refers to: networks, contacts, its campaign, its links. These problems do not
//! depend on a network's rules and are reported once per post.

use super::Context;
use crate::adapt::{TextSource, mentions};
use crate::diagnostics::{Code, Diagnostic, Pos, did_you_mean};
use crate::load::content::{EntryKind, Post};

/// Problems of a post that do not depend on a network: unknown networks and contacts, sections
/// for networks the post is not published on, hashtags with spaces. Reported once per post.
pub fn post(post: &Post, ctx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    let config = ctx.config;
    let file = post.file();
    let published: Vec<&str> = post.networks.iter().map(|(n, _)| n.as_str()).collect();
    let unknown = |id: &str, pos: Pos, diags: &mut Vec<Diagnostic>| {
        diags.push(crate::load::networks::unknown_diagnostic(
            id,
            file,
            pos,
            &config.networks,
        ));
    };
    for (id, pos) in &post.networks {
        if config.networks.get(id).is_none() {
            unknown(id, *pos, diags);
        }
    }
    for s in &post.body.sections {
        let id = crate::load::networks::canonical_id(&s.network);
        let pos = Pos::new(s.line, s.column);
        if config.networks.get(&id).is_none() {
            unknown(&s.network, pos, diags);
        } else if !published.contains(&id.as_str()) {
            diags.push(
                Diagnostic::new(
                    Code::VariantSectionNotPublished,
                    file,
                    pos,
                    format!(
                        "a `::: {}` section, but the post is not published on {}",
                        s.network, s.network
                    ),
                )
                .with_help(format!("add `{id}` to `networks`, or remove the section"))
                .with_span(s.network.chars().count()),
            );
        }
    }
    for (id, ov) in &post.variants {
        if config.networks.get(id).is_none() {
            unknown(id, ov.pos, diags);
        } else if !published.contains(&id.as_str()) {
            diags.push(
                Diagnostic::new(
                    Code::VariantSectionNotPublished,
                    file,
                    ov.pos,
                    format!(
                        "`variants` has an entry for {id}, but the post is not published on {id}"
                    ),
                )
                .with_help(format!("add `{id}` to `networks`, or remove this entry")),
            );
        }
    }
    // Mentions, in the shared text and every section.
    let mut texts = vec![(post.body.shared.as_str(), post.body.line)];
    texts.extend(
        post.body
            .sections
            .iter()
            .map(|s| (s.text.as_str(), s.text_line)),
    );
    for (text, line) in texts {
        let src = TextSource {
            markdown: text.to_string(),
            line,
            ..TextSource::default()
        };
        for (start, end, key) in mentions(text) {
            if !config.contacts.contains_key(key) {
                let help = did_you_mean(key, config.contacts.keys().map(String::as_str))
                    .map(|s| format!("did you mean `@[{s}]`?"))
                    .unwrap_or_else(|| format!("add `{key}:` under `contacts:` in trame.yaml, with its handle per network"));
                diags.push(
                    Diagnostic::new(
                        Code::VariantUnknownContact,
                        file,
                        src.pos_of(start),
                        format!("`@[{key}]` names no contact"),
                    )
                    .with_help(help)
                    .with_span(text[start..end].chars().count()),
                );
            }
        }
    }
    links(post, diags);
    campaign(post, ctx, diags);
    for m in post.all_media() {
        if let Some(focus) = &m.focus
            && m.css_focus().is_none()
        {
            diags.push(
                Diagnostic::new(
                    Code::FrontmatterInvalid,
                    file,
                    m.focus_pos,
                    format!("`{focus}` is not a focus trame can use: the previews crop around the centre"),
                )
                .with_help("write one or two of left, center, right, top, bottom, or percentages: `focus: top`, `focus: 50% 30%`")
                .with_span(focus.chars().count()),
            );
        }
    }
    let mut tag_lists: Vec<&[(String, Pos)]> = vec![&post.hashtags];
    tag_lists.extend(post.variants.values().filter_map(|v| v.hashtags.as_deref()));
    for list in tag_lists {
        for (tag, pos) in list {
            let bare = tag.trim().trim_start_matches('#');
            if bare.is_empty() || bare.contains(char::is_whitespace) {
                let fix: String = bare
                    .split_whitespace()
                    .map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                            .unwrap_or_default()
                    })
                    .collect();
                diags.push(
                    Diagnostic::new(
                        Code::FrontmatterInvalid,
                        file,
                        *pos,
                        format!("`{tag}` is not a hashtag: a hashtag is one word"),
                    )
                    .with_help(if fix.is_empty() {
                        "remove the empty hashtag".to_string()
                    } else {
                        format!("write `#{fix}`")
                    }),
                );
            }
        }
    }
}

/// `link:` (and each `variants.<network>.link`) must be an address the site can link to.
fn links(post: &Post, diags: &mut Vec<Diagnostic>) {
    let links = post
        .link
        .iter()
        .chain(post.variants.values().filter_map(|v| v.link.as_ref()));
    for (url, pos) in links {
        if crate::routes::external(url).is_none() {
            diags.push(
                Diagnostic::new(
                    Code::FrontmatterLinkScheme,
                    post.file(),
                    *pos,
                    format!("`{url}` is not a web or mail address: it is not linked on the site"),
                )
                .with_help("write the full address, starting with https:// (or mailto: for an e-mail address)")
                .with_span(url.chars().count()),
            );
        }
    }
}

fn campaign(post: &Post, ctx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    let Some((id, pos)) = &post.campaign else {
        return;
    };
    match ctx.entries.get(id.as_str()) {
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
            let campaigns = ctx
                .entries
                .values()
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
