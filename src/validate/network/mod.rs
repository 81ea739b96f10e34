//! Each network's rules, applied to the post's variant for that network.

pub(crate) mod media;

use media::{alt_missing, media};

use std::collections::{BTreeMap, BTreeSet};

use unicode_segmentation::UnicodeSegmentation;

use super::Context;
use crate::adapt::{Variant, url_ranges};
use crate::diagnostics::{Code, Diagnostic};
use crate::load::content::Post;
use crate::load::networks::{LinkMode, Network};

pub fn check(
    post: &Post,
    variants: &BTreeMap<String, Variant>,
    ctx: &Context<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    for (id, v) in variants {
        let Some(n) = ctx.config.networks.get(id) else {
            continue;
        };
        text(post, n, v, diags);
        title(post, n, v, diags);
        media(post, n, v, ctx, diags);
    }
    alt_missing(post, variants, ctx, diags);
}

fn section_help(n: &Network) -> String {
    format!(
        "shorten the text, or write a shorter version in a `::: {}` section",
        n.id
    )
}

fn text(post: &Post, n: &Network, v: &Variant, diags: &mut Vec<Diagnostic>) {
    let file = post.file();
    let pos = v.source.pos;
    if v.text.trim().is_empty() {
        diags.push(
            Diagnostic::new(
                Code::VariantEmpty,
                file,
                post.network_pos(&n.id),
                format!("the {} variant has no text", n.label),
            )
            .with_help(format!(
                "write the shared text below the front matter, or a `::: {}` section",
                n.id
            ))
            .with_network(&n.id),
        );
        return;
    }
    if let Some(chars) = v.cut_from {
        diags.push(
            Diagnostic::new(
                Code::VariantTooLarge,
                file,
                pos,
                format!(
                    "the {} text is {chars} characters: trame keeps the first {} in the previews and .txt files",
                    n.label,
                    crate::adapt::MAX_VARIANT_CHARS
                ),
            )
            .with_help("is the whole file pasted in the post? Keep the text a network shows, the rest in a note")
            .with_network(&n.id),
        );
    }
    if let Some(limit) = n.max_length {
        if v.parts.len() > 1 {
            for (i, part) in v.parts.iter().enumerate() {
                let len = n.count(part);
                if len > limit {
                    let start = part
                        .split_sentence_bounds()
                        .next()
                        .unwrap_or_default()
                        .trim();
                    let at = v
                        .source
                        .find(start.get(..start.len().min(30)).unwrap_or(start))
                        .unwrap_or(pos);
                    diags.push(
                        Diagnostic::new(
                            Code::NetworkThreadPartLength,
                            file,
                            at,
                            format!(
                                "part {}/{} of the thread is {len} {}, the limit is {limit}",
                                i + 1,
                                v.parts.len(),
                                n.counting.unit()
                            ),
                        )
                        .with_help("a sentence longer than one post cannot be split: cut it in two")
                        .with_network(&n.id),
                    );
                }
            }
        } else if v.length > limit {
            let over = v.length - limit;
            let help = if n.threads {
                format!(
                    "cut {over} {}, write a shorter `::: {}` section, or set `variants: {{ {}: {{ thread: true }} }}` to split it into a thread",
                    n.counting.unit(),
                    n.id,
                    n.id
                )
            } else {
                format!(
                    "cut {over} {}, or write a shorter version in a `::: {}` section",
                    n.counting.unit(),
                    n.id
                )
            };
            diags.push(
                Diagnostic::new(
                    Code::NetworkLength,
                    file,
                    pos,
                    format!(
                        "the {} text is {} {}, the limit is {limit}",
                        n.label,
                        v.length,
                        n.counting.unit()
                    ),
                )
                .with_help(help)
                .with_network(&n.id),
            );
        }
    }
    if let Some(max) = n.max_bytes {
        let bytes = v.parts.iter().map(String::len).max().unwrap_or(0);
        if bytes > max {
            diags.push(
                Diagnostic::new(
                    Code::NetworkLength,
                    file,
                    pos,
                    format!("the {} text is {bytes} bytes, the limit is {max}", n.label),
                )
                .with_help(section_help(n))
                .with_network(&n.id),
            );
        }
    }
    if let Some(fold) = n.fold {
        // The fold is what a reader sees: characters on screen, whatever the network counts
        // its limit in (YouTube counts bytes).
        let first = first_sentence(&v.text);
        let len = first.graphemes(true).count();
        if len > fold {
            diags.push(
                Diagnostic::new(
                    Code::NetworkFold,
                    file,
                    pos,
                    format!(
                        "the first sentence is {len} characters: {} shows about {fold} before \"see more\"",
                        n.label
                    ),
                )
                .with_help(format!("put the hook in the first {fold} characters"))
                .with_network(&n.id),
            );
        }
    }
    if let Some(max) = n.hashtags.max
        && v.hashtags.len() > max
    {
        let at = if post.hashtags.is_empty() {
            pos
        } else {
            post.index().pos("hashtags")
        };
        diags.push(
            Diagnostic::new(
                Code::NetworkHashtagCount,
                file,
                at,
                format!(
                    "{} hashtags on {}, which allows or advises at most {max}",
                    v.hashtags.len(),
                    n.label
                ),
            )
            .with_help(format!(
                "keep the {max} most relevant, or give {} its own list: `variants: {{ {}: {{ hashtags: [...] }} }}`",
                n.label, n.id
            ))
            .with_network(&n.id),
        );
    }
    let urls: Vec<&str> = url_ranges(&v.text)
        .into_iter()
        .map(|r| &v.text[r])
        .collect();
    if !n.links.clickable_in_text() && !urls.is_empty() {
        for url in &urls {
            let at = v.source.find(url).unwrap_or(pos);
            let fix = match n.links {
                LinkMode::Bio => {
                    "put the link in `link:` (trame writes \"link in bio\") and in the profile"
                        .to_string()
                }
                _ => format!(
                    "put the link in `link:`: trame gives it to {} as a separate field",
                    n.label
                ),
            };
            diags.push(
                Diagnostic::new(
                    Code::NetworkLinkNotClickable,
                    file,
                    at,
                    format!(
                        "{} does not make links in the text clickable: {url}",
                        n.label
                    ),
                )
                .with_help(fix)
                .with_network(&n.id)
                .with_span(url.chars().count()),
            );
        }
    }
    if let Some(max) = n.max_links {
        let mut unique: BTreeSet<&str> = urls.iter().copied().collect();
        if let Some(l) = &v.link {
            unique.insert(l);
        }
        if unique.len() > max {
            diags.push(
                Diagnostic::new(
                    Code::NetworkLinkCount,
                    file,
                    pos,
                    format!(
                        "{} different links, {} accepts at most {max}",
                        unique.len(),
                        n.label
                    ),
                )
                .with_help("keep the most important links")
                .with_network(&n.id),
            );
        }
    }
}

/// The first sentence (or first line) of a text: what shows before the fold.
fn first_sentence(text: &str) -> &str {
    let line = text.lines().next().unwrap_or_default();
    line.split_sentence_bounds()
        .next()
        .unwrap_or(line)
        .trim_end()
}

fn title(post: &Post, n: &Network, v: &Variant, diags: &mut Vec<Diagnostic>) {
    let Some(rule) = &n.title else {
        return;
    };
    let title = v.title.as_deref().unwrap_or_default();
    if rule.required && title.trim().is_empty() {
        diags.push(
            Diagnostic::new(
                Code::NetworkTitleMissing,
                post.file(),
                post.network_pos(&n.id),
                format!("{} needs a title, and this post has none", n.label),
            )
            .with_help(format!(
                "write the post's `title:`, or the one {} shows: `variants: {{ {}: {{ title: \"…\" }} }}`",
                n.label, n.id
            ))
            .with_network(&n.id),
        );
        return;
    }
    let len = title.chars().count();
    if len > rule.max {
        let from_variant = post.variants.get(&n.id).is_some_and(|o| o.title.is_some());
        let at = if from_variant {
            post.index().pos(&format!("variants.{}.title", n.id))
        } else {
            post.index().pos("title")
        };
        diags.push(
            Diagnostic::new(
                Code::NetworkTitleLength,
                post.file(),
                at,
                format!(
                    "the {} title is {len} characters, the limit is {}",
                    n.label, rule.max
                ),
            )
            .with_help(format!(
                "give {} a shorter title: `variants: {{ {}: {{ title: \"…\" }} }}`",
                n.label, n.id
            ))
            .with_network(&n.id),
        );
    }
}
