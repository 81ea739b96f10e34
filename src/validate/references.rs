//! What a post refers to: networks, contacts, its campaign, its links. These problems do not
//! depend on a network's rules and are reported once per post.

use super::Context;
use crate::adapt::{TextSource, mentions};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos, did_you_mean};
use crate::load::config::Language;
use crate::load::content::{EntryKind, Post};

/// Problems of a post that do not depend on a network: unknown networks and contacts, sections
/// for networks the post is not published on, hashtags with spaces. Reported once per post.
pub fn post(post: &Post, ctx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    let config = ctx.config;
    let lang = config.language;
    let file = post.file();
    let published: Vec<&str> = post.networks.iter().map(|(n, _)| n.as_str()).collect();
    let unknown = |id: &str, pos: Pos, diags: &mut Vec<Diagnostic>| {
        diags.push(crate::load::networks::unknown_diagnostic(
            id,
            file,
            pos,
            &config.networks,
            lang,
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
                    t!(lang, "section-not-published", network = s.network.as_str()),
                )
                .with_help(t!(
                    lang,
                    "section-not-published-help",
                    network = id.as_str()
                ))
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
                    t!(lang, "variant-not-published", network = id.as_str()),
                )
                .with_help(t!(
                    lang,
                    "variant-not-published-help",
                    network = id.as_str()
                )),
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
                    .map(|s| t!(lang, "did-you-mean", name = format!("@[{s}]")))
                    .unwrap_or_else(|| t!(lang, "contact-unknown-help", key = key));
                diags.push(
                    Diagnostic::new(
                        Code::VariantUnknownContact,
                        file,
                        src.pos_of(start),
                        t!(lang, "contact-unknown", key = key),
                    )
                    .with_help(help)
                    .with_span(text[start..end].chars().count()),
                );
            }
        }
    }
    links(post, lang, diags);
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
                    t!(lang, "media-focus", focus = focus.as_str()),
                )
                .with_help(t!(lang, "media-focus-help"))
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
                        t!(lang, "hashtag-spaces", tag = tag.as_str()),
                    )
                    .with_help(if bare.contains(',') {
                        // `hashtags: marche, sport`: one text with commas, not a list.
                        let items: Vec<&str> = bare
                            .split(',')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .collect();
                        t!(
                            lang,
                            "hint-comma-list",
                            key = "hashtags",
                            list = items.join(", ")
                        )
                    } else if fix.is_empty() {
                        t!(lang, "hashtag-empty-help")
                    } else {
                        t!(lang, "hashtag-spaces-help", fix = format!("#{fix}"))
                    }),
                );
            }
        }
    }
}

/// `link:` (and each `variants.<network>.link`) must be an address the site can link to.
fn links(post: &Post, lang: Language, diags: &mut Vec<Diagnostic>) {
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
                    t!(lang, "link-scheme", url = url.as_str()),
                )
                .with_help(t!(lang, "link-scheme-help"))
                .with_span(url.chars().count()),
            );
        }
    }
}

fn campaign(post: &Post, ctx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    let Some((id, pos)) = &post.campaign else {
        return;
    };
    let lang = ctx.config.language;
    match ctx.entries.get(id.as_str()) {
        Some(e) if e.kind == EntryKind::Campaign => {}
        Some(e) => diags.push(
            Diagnostic::new(
                Code::CalendarUnknownCampaign,
                post.file(),
                *pos,
                t!(
                    lang,
                    "campaign-not-campaign",
                    id = id.as_str(),
                    kind = e.kind.name()
                ),
            )
            .with_help(t!(
                lang,
                "campaign-not-campaign-help",
                file = e.common.file.as_str()
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
                .map(|s| t!(lang, "did-you-mean", name = s))
                .unwrap_or_else(|| t!(lang, "campaign-unknown-help", id = id.as_str()));
            diags.push(
                Diagnostic::new(
                    Code::CalendarUnknownCampaign,
                    post.file(),
                    *pos,
                    t!(lang, "campaign-unknown", id = id.as_str()),
                )
                .with_help(help)
                .with_span(id.chars().count()),
            );
        }
    }
}
