//! Each network's rules, applied to the post's variant for that network.

pub(crate) mod media;

use media::{alt_missing, media};

use std::collections::{BTreeMap, BTreeSet};

use unicode_segmentation::UnicodeSegmentation;

use super::Context;
use crate::adapt::{Variant, url_ranges};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::config::Language;
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
        let lang = ctx.config.language;
        text(post, n, v, lang, diags);
        title(post, n, v, lang, diags);
        media(post, n, v, ctx, diags);
    }
    alt_missing(post, variants, ctx, diags);
}

fn section_help(n: &Network, lang: Language) -> String {
    t!(lang, "length-section-help", network = n.id.as_str())
}

fn text(post: &Post, n: &Network, v: &Variant, lang: Language, diags: &mut Vec<Diagnostic>) {
    let file = post.file();
    let pos = v.source.pos;
    if v.text.trim().is_empty() {
        diags.push(
            Diagnostic::new(
                Code::VariantEmpty,
                file,
                post.network_pos(&n.id),
                t!(lang, "variant-empty", network = n.label.as_str()),
            )
            .with_help(t!(lang, "variant-empty-help", network = n.id.as_str()))
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
                t!(
                    lang,
                    "variant-too-large",
                    network = n.label.as_str(),
                    chars = chars,
                    kept = crate::adapt::MAX_VARIANT_CHARS
                ),
            )
            .with_help(t!(lang, "variant-too-large-help"))
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
                            t!(
                                lang,
                                "thread-part-length",
                                part = i + 1,
                                parts = v.parts.len(),
                                length = n.counting.amount(lang, len),
                                limit = limit
                            ),
                        )
                        .with_help(t!(lang, "thread-part-length-help"))
                        .with_network(&n.id),
                    );
                }
            }
        } else if v.length > limit {
            let over = v.length - limit;
            let over = n.counting.amount(lang, over);
            let help = if n.threads {
                t!(
                    lang,
                    "length-thread-help",
                    over = over,
                    network = n.id.as_str()
                )
            } else {
                t!(lang, "length-help", over = over, network = n.id.as_str())
            };
            diags.push(
                Diagnostic::new(
                    Code::NetworkLength,
                    file,
                    pos,
                    t!(
                        lang,
                        "length",
                        network = n.label.as_str(),
                        length = n.counting.amount(lang, v.length),
                        limit = limit
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
                    t!(
                        lang,
                        "length",
                        network = n.label.as_str(),
                        length = crate::load::networks::Counting::Bytes.amount(lang, bytes),
                        limit = max
                    ),
                )
                .with_help(section_help(n, lang))
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
                    t!(
                        lang,
                        "fold",
                        length = len,
                        network = n.label.as_str(),
                        fold = fold
                    ),
                )
                .with_help(t!(lang, "fold-help", fold = fold))
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
                t!(
                    lang,
                    "hashtag-count",
                    count = v.hashtags.len(),
                    network = n.label.as_str(),
                    max = max
                ),
            )
            .with_help(t!(
                lang,
                "hashtag-count-help",
                max = max,
                network = n.label.as_str(),
                id = n.id.as_str()
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
                LinkMode::Bio => t!(lang, "link-not-clickable-bio-help"),
                _ => t!(lang, "link-not-clickable-help", network = n.label.as_str()),
            };
            diags.push(
                Diagnostic::new(
                    Code::NetworkLinkNotClickable,
                    file,
                    at,
                    t!(
                        lang,
                        "link-not-clickable",
                        network = n.label.as_str(),
                        url = *url
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
                    t!(
                        lang,
                        "link-count",
                        count = unique.len(),
                        network = n.label.as_str(),
                        max = max
                    ),
                )
                .with_help(t!(lang, "link-count-help"))
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

fn title(post: &Post, n: &Network, v: &Variant, lang: Language, diags: &mut Vec<Diagnostic>) {
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
                t!(lang, "title-missing", network = n.label.as_str()),
            )
            .with_help(t!(
                lang,
                "title-missing-help",
                network = n.label.as_str(),
                id = n.id.as_str()
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
                t!(
                    lang,
                    "title-length",
                    network = n.label.as_str(),
                    length = len,
                    limit = rule.max
                ),
            )
            .with_help(t!(
                lang,
                "title-length-help",
                network = n.label.as_str(),
                id = n.id.as_str()
            ))
            .with_network(&n.id),
        );
    }
}
