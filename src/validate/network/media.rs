//! A network's rules on media: how many, which kinds, formats, ratios, sizes and durations, and
//! the problems of the media files themselves (reported once per file, not per network).

use std::collections::{BTreeMap, BTreeSet};

use super::super::video::VideoInfo;
use super::super::{Context, MediaInfo, MediaProblem};
use crate::adapt::Variant;
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::load::config::Language;
use crate::load::content::{Media, Post};
use crate::load::networks::{AspectRange, Network, format_ratio};

fn media_pos(post: &Post, n: &Network) -> Pos {
    if post.variants.get(&n.id).is_some_and(|o| o.media.is_some()) {
        post.index().pos(&format!("variants.{}.media", n.id))
    } else if post.index().has("media") {
        post.index().pos("media")
    } else {
        post.network_pos(&n.id)
    }
}

pub(super) fn media(
    post: &Post,
    n: &Network,
    v: &Variant,
    ctx: &Context<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    let file = post.file();
    let lang = ctx.config.language;
    let rule = &n.media;
    if rule.required && v.media.is_empty() {
        diags.push(
            Diagnostic::new(
                Code::NetworkMediaRequired,
                file,
                post.network_pos(&n.id),
                t!(lang, "media-required", network = n.label.as_str()),
            )
            .with_help(t!(lang, "media-required-help"))
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
                t!(
                    lang,
                    "media-count",
                    count = v.media.len(),
                    network = n.label.as_str(),
                    max = max
                ),
            )
            .with_help(t!(
                lang,
                "media-count-help",
                max = max,
                network = n.label.as_str(),
                id = n.id.as_str()
            ))
            .with_network(&n.id),
        );
    }
    for m in &v.media {
        let Some(Ok(info)) = ctx.media.get(&m.path) else {
            continue;
        };
        match info {
            MediaInfo::Image { format, bytes, .. } => {
                image(Item { file, m, n, lang }, info, format, *bytes, diags);
            }
            MediaInfo::Video { video, bytes } => {
                self::video(Item { file, m, n, lang }, info, video, *bytes, diags);
            }
        }
        if let (Some(max), Some(alt)) = (rule.alt_max, &m.alt) {
            let len = alt.chars().count();
            if len > max {
                diags.push(
                    Diagnostic::new(
                        Code::NetworkAltLength,
                        file,
                        m.alt_pos,
                        t!(
                            lang,
                            "alt-length",
                            length = len,
                            network = n.label.as_str(),
                            max = max
                        ),
                    )
                    .with_help(t!(lang, "alt-length-help"))
                    .with_network(&n.id),
                );
            }
        }
    }
}

/// One media file of one variant: where it is reported, and in which language.
#[derive(Clone, Copy)]
struct Item<'a> {
    file: &'a str,
    m: &'a Media,
    n: &'a Network,
    lang: Language,
}

fn image(it: Item<'_>, info: &MediaInfo, format: &str, bytes: u64, diags: &mut Vec<Diagnostic>) {
    let Item { file, m, n, lang } = it;
    let rule = &n.media;
    if rule.video_only {
        diags.push(
            Diagnostic::new(
                Code::NetworkMediaRequired,
                file,
                m.path_pos,
                t!(
                    lang,
                    "media-video-only",
                    path = m.path.as_str(),
                    network = n.label.as_str()
                ),
            )
            .with_help(t!(
                lang,
                "media-video-only-help",
                network = n.label.as_str(),
                id = n.id.as_str()
            ))
            .with_network(&n.id),
        );
        return;
    }
    if let Some(range) = &rule.aspect {
        ratio(it, info, range, &t!(lang, "media-ratio-image-help"), diags);
    }
    if !rule.formats.is_empty()
        && !rule
            .formats
            .iter()
            .any(|f| f == format || (f == "jpeg" && format == "jpg"))
    {
        diags.push(wrong_format(
            it,
            "media-image-format",
            format,
            &rule.formats,
        ));
    }
    if let Some(max) = rule.max_bytes {
        size(it, bytes, max, &t!(lang, "media-size-image-help"), diags);
    }
}

/// `network/media-format`: an image or a video (`id`) in a format the network does not take.
fn wrong_format(it: Item<'_>, id: &str, format: &str, formats: &[String]) -> Diagnostic {
    let Item { file, m, n, lang } = it;
    Diagnostic::new(
        Code::NetworkMediaFormat,
        file,
        m.path_pos,
        t!(
            lang,
            id,
            path = m.path.as_str(),
            format = format.to_uppercase(),
            network = n.label.as_str(),
            formats = formats.join(", ").to_uppercase()
        ),
    )
    .with_help(t!(
        lang,
        "media-format-help",
        format = formats
            .first()
            .map(|f| f.to_uppercase())
            .unwrap_or_default()
    ))
    .with_network(&n.id)
}

fn video(
    it: Item<'_>,
    info: &MediaInfo,
    video: &VideoInfo,
    bytes: u64,
    diags: &mut Vec<Diagnostic>,
) {
    let Item { file, m, n, lang } = it;
    let rule = &n.media.video;
    if !rule.formats.is_empty() && !rule.formats.iter().any(|f| f == video.format) {
        diags.push(wrong_format(
            it,
            "media-video-format",
            video.format,
            &rule.formats,
        ));
    }
    if let Some(seconds) = video.seconds {
        let short = rule.min_seconds.filter(|min| seconds < *min);
        let long = rule.max_seconds.filter(|max| seconds > *max);
        if let Some(limit) = short.or(long) {
            let (id, help) = if short.is_some() {
                ("video-too-short", t!(lang, "video-too-short-help"))
            } else {
                ("video-too-long", t!(lang, "video-too-long-help"))
            };
            diags.push(
                Diagnostic::new(
                    Code::NetworkVideoLength,
                    file,
                    m.path_pos,
                    t!(
                        lang,
                        id,
                        path = m.path.as_str(),
                        duration = duration(lang, seconds),
                        network = n.label.as_str(),
                        limit = duration(lang, limit)
                    ),
                )
                .with_help(help)
                .with_network(&n.id),
            );
        }
    }
    if let Some(max) = rule.max_bytes {
        size(it, bytes, max, &t!(lang, "media-size-video-help"), diags);
    }
    if let Some(range) = &rule.aspect {
        ratio(it, info, range, &t!(lang, "media-ratio-video-help"), diags);
    }
}

fn ratio(
    it: Item<'_>,
    info: &MediaInfo,
    range: &AspectRange,
    help: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let Item { file, m, n, lang } = it;
    let Some(ratio) = info.ratio() else {
        return;
    };
    let (lo, hi) = (range.min.0 * 0.99, range.max.0 * 1.01);
    if ratio >= lo && ratio <= hi {
        return;
    }
    let accepted = if (range.min.0 - range.max.0).abs() < 1e-9 {
        format_ratio(range.min.0)
    } else {
        t!(
            lang,
            "ratio-range",
            min = format_ratio(range.min.0),
            max = format_ratio(range.max.0)
        )
    };
    let (w, h) = info.size();
    diags.push(
        Diagnostic::new(
            Code::NetworkMediaRatio,
            file,
            m.path_pos,
            t!(
                lang,
                "media-ratio",
                path = m.path.as_str(),
                size = format!("{w}×{h}"),
                ratio = format_ratio(ratio),
                network = n.label.as_str(),
                accepted = accepted
            ),
        )
        .with_help(help)
        .with_network(&n.id),
    );
}

fn size(it: Item<'_>, bytes: u64, max: u64, help: &str, diags: &mut Vec<Diagnostic>) {
    let Item { file, m, n, lang } = it;
    if bytes <= max {
        return;
    }
    diags.push(
        Diagnostic::new(
            Code::NetworkMediaSize,
            file,
            m.path_pos,
            t!(
                lang,
                "media-size",
                path = m.path.as_str(),
                size = megabytes(lang, bytes),
                network = n.label.as_str(),
                max = megabytes(lang, max)
            ),
        )
        .with_help(help)
        .with_network(&n.id),
    );
}

/// "12.3 MB", "12,3 Mo" (1 MB = 1,048,576 bytes, as file managers count).
fn megabytes(lang: Language, bytes: u64) -> String {
    let mb = bytes as f64 / 1_048_576.0;
    let round = |x: f64, places: i32| (x * 10f64.powi(places)).round() / 10f64.powi(places);
    if mb >= 1024.0 {
        t!(lang, "gigabytes", size = round(mb / 1024.0, 1))
    } else if mb >= 10.0 {
        t!(lang, "megabytes", size = mb.round())
    } else {
        t!(lang, "megabytes", size = round(mb, 1))
    }
}

/// "2 min 30 s", "0.5 s" ("0,5 s" in French).
fn duration(lang: Language, seconds: f64) -> String {
    if seconds < 60.0 {
        let s = crate::base::l10n::decimal(lang, (seconds * 10.0).round() / 10.0);
        return format!("{s}\u{a0}s");
    }
    let total = seconds.round() as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    match (h, s) {
        (0, 0) => format!("{m} min"),
        (0, _) => format!("{m} min {s} s"),
        (_, 0) => format!("{h} h {m:02} min"),
        _ => format!("{h} h {m:02} min {s} s"),
    }
}

/// Media problems and missing alt texts are reported once per media item, not per network.
pub(super) fn alt_missing(
    post: &Post,
    variants: &BTreeMap<String, Variant>,
    ctx: &Context<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    let file = post.file();
    let lang = ctx.config.language;
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
            poster(file, m, ctx, diags);
            match ctx.media.get(&m.path) {
                Some(Err(p)) => diags.push(media_problem(file, m, p, lang)),
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
                            t!(
                                lang,
                                "alt-missing",
                                path = m.path.as_str(),
                                networks = labels.join(", "),
                                count = labels.len()
                            ),
                        )
                        .with_help(t!(lang, "alt-missing-help"));
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
            poster(file, m, ctx, diags);
            if let Some(Err(p)) = ctx.media.get(&m.path) {
                diags.push(media_problem(file, m, p, lang));
            }
        }
    }
}

/// A video's poster must be an image that exists.
fn poster(file: &str, m: &Media, ctx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    let Some(poster) = m.poster.as_deref() else {
        return;
    };
    let lang = ctx.config.language;
    match ctx.media.get(poster) {
        Some(Err(p)) => diags.push(problem_at(file, poster, m.poster_pos, p, lang)),
        Some(Ok(MediaInfo::Video { .. })) => diags.push(
            Diagnostic::new(
                Code::MediaUnreadable,
                file,
                m.poster_pos,
                t!(lang, "poster-video", path = poster),
            )
            .with_help(t!(lang, "poster-video-help"))
            .with_span(poster.chars().count()),
        ),
        _ => {}
    }
}

/// The logo of trame.yaml's `organisation`, read like the posts' media: a problem with it is
/// said at its line (the site is built without it).
pub fn logo(
    config: &crate::load::config::Config,
    media: &crate::validate::media::MediaCache,
) -> Option<Diagnostic> {
    let path = config.organisation.logo.as_deref()?;
    let file = crate::load::config::CONFIG_FILE;
    let at = config.index.value_pos("organisation.logo");
    let lang = config.language;
    match media.get(path) {
        Some(Err(p)) => Some(problem_at(file, path, at, p, lang)),
        Some(Ok(MediaInfo::Video { .. })) => Some(
            Diagnostic::new(
                Code::MediaUnreadable,
                file,
                at,
                t!(lang, "logo-video", path = path),
            )
            .with_help(t!(lang, "logo-video-help"))
            .with_span(path.chars().count()),
        ),
        _ => None,
    }
}

fn media_problem(file: &str, m: &Media, p: &MediaProblem, lang: Language) -> Diagnostic {
    problem_at(file, &m.path, m.path_pos, p, lang)
}

/// A media file or a poster that cannot be used.
fn problem_at(file: &str, path: &str, at: Pos, p: &MediaProblem, lang: Language) -> Diagnostic {
    use MediaProblem as P;
    let unreadable = |reason: String| t!(lang, "media-unreadable", path = path, reason = reason);
    let (code, message, help) = match p {
        P::OutsideProject => (
            Code::MediaOutsideProject,
            t!(lang, "media-outside", path = path),
            "media-outside-help",
        ),
        P::NotFound => (
            Code::MediaNotFound,
            t!(lang, "media-not-found", path = path),
            "media-not-found-help",
        ),
        P::IsFolder => (
            Code::MediaNotFound,
            t!(lang, "media-folder", path = path),
            "media-folder-help",
        ),
        P::NotAFile => (
            Code::MediaUnreadable,
            unreadable(t!(lang, "io-special")),
            "media-unreadable-help",
        ),
        P::UnknownFormat { video: true } => (
            Code::MediaUnreadable,
            t!(lang, "media-unknown-video", path = path),
            "media-unreadable-help",
        ),
        P::UnknownFormat { video: false } => (
            Code::MediaUnreadable,
            t!(lang, "media-unknown-format", path = path),
            "media-unreadable-help",
        ),
        P::Unreadable(why) => (
            Code::MediaUnreadable,
            unreadable(why.clone()),
            "media-unreadable-help",
        ),
    };
    Diagnostic::new(code, file, at, message)
        .with_help(t!(lang, help))
        .with_span(path.chars().count())
}
