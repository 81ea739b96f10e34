//! Each network's rules, applied to the post's variant for that network.

use std::collections::{BTreeMap, BTreeSet};

use unicode_segmentation::UnicodeSegmentation;

use super::{Context, MediaInfo};
use crate::adapt::{Variant, url_ranges};
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::load::content::Post;
use crate::load::networks::{LinkMode, Network, format_ratio};

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

fn media_pos(post: &Post, n: &Network) -> Pos {
    if post.variants.get(&n.id).is_some_and(|o| o.media.is_some()) {
        post.index().pos(&format!("variants.{}.media", n.id))
    } else if post.index().has("media") {
        post.index().pos("media")
    } else {
        post.network_pos(&n.id)
    }
}

fn media(post: &Post, n: &Network, v: &Variant, ctx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    let file = post.file();
    let rule = &n.media;
    if rule.required && v.media.is_empty() {
        diags.push(
            Diagnostic::new(
                Code::NetworkMediaRequired,
                file,
                post.network_pos(&n.id),
                format!("{} posts need an image or a video", n.label),
            )
            .with_help("add `media: [{ path: media/…, alt: \"…\" }]`, or remove this network")
            .with_network(&n.id),
        );
    }
    if let Some(max) = rule.max
        && v.media.len() > max
    {
        diags.push(
            Diagnostic::new(
                Code::NetworkMediaCount,
                file,
                media_pos(post, n),
                format!(
                    "{} media files, {} takes at most {max}",
                    v.media.len(),
                    n.label
                ),
            )
            .with_help(format!(
                "choose {max}, or give {} its own list: `variants: {{ {}: {{ media: [...] }} }}`",
                n.label, n.id
            ))
            .with_network(&n.id),
        );
    }
    for m in &v.media {
        let Some(Ok(info)) = ctx.media.get(&m.path) else {
            continue;
        };
        if let (Some(range), Some(ratio)) = (&rule.aspect, info.ratio()) {
            let (lo, hi) = (range.min.0 * 0.99, range.max.0 * 1.01);
            if ratio < lo || ratio > hi {
                let accepted = if (range.min.0 - range.max.0).abs() < 1e-9 {
                    format_ratio(range.min.0)
                } else {
                    format!(
                        "{} to {}",
                        format_ratio(range.min.0),
                        format_ratio(range.max.0)
                    )
                };
                let (w, h) = match info {
                    MediaInfo::Image { width, height, .. } => (*width, *height),
                    MediaInfo::Video => (0, 0),
                };
                diags.push(
                    Diagnostic::new(
                        Code::NetworkMediaRatio,
                        file,
                        m.path_pos,
                        format!(
                            "{} is {w}×{h} ({}); {} shows {accepted} and will crop it",
                            m.path,
                            format_ratio(ratio),
                            n.label
                        ),
                    )
                    .with_help(
                        "crop the image to an accepted ratio, or set `focus:` to say what to keep",
                    )
                    .with_network(&n.id),
                );
            }
        }
        if let MediaInfo::Image { format, .. } = info
            && !rule.formats.is_empty()
            && !rule
                .formats
                .iter()
                .any(|f| f == format || (f == "jpeg" && format == "jpg"))
        {
            diags.push(
                Diagnostic::new(
                    Code::NetworkMediaFormat,
                    file,
                    m.path_pos,
                    format!(
                        "{} is a {} image; {} takes {}",
                        m.path,
                        format.to_uppercase(),
                        n.label,
                        rule.formats.join(", ").to_uppercase()
                    ),
                )
                .with_help(format!("export it as {}", rule.formats[0].to_uppercase()))
                .with_network(&n.id),
            );
        }
        if let (Some(max), Some(alt)) = (rule.alt_max, &m.alt) {
            let len = alt.chars().count();
            if len > max {
                diags.push(
                    Diagnostic::new(
                        Code::NetworkAltLength,
                        file,
                        m.alt_pos,
                        format!(
                            "the alt text is {len} characters, {} accepts {max}",
                            n.label
                        ),
                    )
                    .with_help("describe what matters in the image in fewer words")
                    .with_network(&n.id),
                );
            }
        }
    }
}

/// Media problems and missing alt texts are reported once per media item, not per network.
fn alt_missing(
    post: &Post,
    variants: &BTreeMap<String, Variant>,
    ctx: &Context<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    let file = post.file();
    // The charter's own alt-text rule says it when there is one: one problem, one diagnostic.
    let charter_says = ctx
        .charter
        .is_some_and(|c| c.covers(Code::NetworkAltMissing));
    let mut seen: BTreeSet<Pos> = BTreeSet::new();
    for v in variants.values() {
        for m in &v.media {
            if !seen.insert(m.pos) {
                continue;
            }
            match ctx.media.get(&m.path) {
                Some(Err(p)) => diags.push(media_problem(file, m, p)),
                Some(Ok(MediaInfo::Image { .. })) if !charter_says => {
                    let missing = m.alt.as_deref().is_none_or(|a| a.trim().is_empty());
                    // The networks this image goes to that read alt text out.
                    let takes_alt: Vec<&crate::load::networks::Network> = variants
                        .values()
                        .filter(|w| w.media.iter().any(|x| x.pos == m.pos))
                        .filter_map(|w| ctx.config.networks.get(&w.network))
                        .filter(|n| n.media.alt)
                        .collect();
                    if missing && !takes_alt.is_empty() {
                        let labels: Vec<&str> =
                            takes_alt.iter().map(|n| n.label.as_str()).collect();
                        let mut d = Diagnostic::new(
                            Code::NetworkAltMissing,
                            file,
                            m.pos,
                            format!(
                                "{} has no alt text ({} read it to blind and partially sighted people)",
                                m.path,
                                labels.join(", ")
                            ),
                        )
                        .with_help("add `alt: \"…\"` describing the image");
                        if let [only] = takes_alt.as_slice() {
                            d = d.with_network(&only.id);
                        }
                        diags.push(d);
                    }
                }
                _ => {}
            }
        }
    }
    // Media of posts whose networks are all unknown are still checked.
    if variants.is_empty() {
        for m in &post.media {
            if let Some(Err(p)) = ctx.media.get(&m.path) {
                diags.push(media_problem(file, m, p));
            }
        }
    }
}

fn media_problem(
    file: &str,
    m: &crate::load::content::Media,
    p: &super::MediaProblem,
) -> Diagnostic {
    use super::MediaProblem as P;
    let span = m.path.chars().count();
    match p {
        P::OutsideProject => Diagnostic::new(
            Code::MediaOutsideProject,
            file,
            m.path_pos,
            format!("{} is outside the project", m.path),
        )
        .with_help("copy the file into media/ and write its path from the project root: `media/…`"),
        P::NotFound => Diagnostic::new(
            Code::MediaNotFound,
            file,
            m.path_pos,
            format!("{} does not exist", m.path),
        )
        .with_help("paths are relative to the project root (where trame.yaml is): check the folder and the spelling"),
        P::IsFolder => Diagnostic::new(
            Code::MediaNotFound,
            file,
            m.path_pos,
            format!("{} is a folder, not a file", m.path),
        )
        .with_help("name the image file inside that folder"),
        P::Unreadable(why) => Diagnostic::new(
            Code::MediaUnreadable,
            file,
            m.path_pos,
            format!("{} cannot be read as an image: {why}", m.path),
        )
        .with_help("export it again as JPEG or PNG"),
    }
    .with_span(span)
}
