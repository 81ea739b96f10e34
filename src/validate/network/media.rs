//! A network's rules on media: how many, which kinds, formats, ratios, sizes and durations, and
//! the problems of the media files themselves (reported once per file, not per network).

use std::collections::{BTreeMap, BTreeSet};

use super::super::video::VideoInfo;
use super::super::{Context, MediaInfo, MediaProblem};
use crate::adapt::Variant;
use crate::diagnostics::{Code, Diagnostic, Pos};
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
        match info {
            MediaInfo::Image { format, bytes, .. } => {
                image(file, m, n, info, format, *bytes, diags);
            }
            MediaInfo::Video { video, bytes } => {
                self::video(file, m, n, info, video, *bytes, diags);
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

fn image(
    file: &str,
    m: &Media,
    n: &Network,
    info: &MediaInfo,
    format: &str,
    bytes: u64,
    diags: &mut Vec<Diagnostic>,
) {
    let rule = &n.media;
    if rule.video_only {
        diags.push(
            Diagnostic::new(
                Code::NetworkMediaRequired,
                file,
                m.path_pos,
                format!("{} is an image; {} publishes videos only", m.path, n.label),
            )
            .with_help(format!(
                "give {} a video: `variants: {{ {}: {{ media: [{{ path: media/….mp4 }}] }} }}`",
                n.label, n.id
            ))
            .with_network(&n.id),
        );
        return;
    }
    if let Some(range) = &rule.aspect {
        ratio(
            file,
            m,
            n,
            info,
            range,
            "crop the image to an accepted ratio, or set `focus:` to say what to keep",
            diags,
        );
    }
    if !rule.formats.is_empty()
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
    if let Some(max) = rule.max_bytes {
        size(
            file,
            m,
            n,
            bytes,
            max,
            "export it again smaller (a lower quality or fewer pixels)",
            diags,
        );
    }
}

fn video(
    file: &str,
    m: &Media,
    n: &Network,
    info: &MediaInfo,
    video: &VideoInfo,
    bytes: u64,
    diags: &mut Vec<Diagnostic>,
) {
    let rule = &n.media.video;
    if !rule.formats.is_empty() && !rule.formats.iter().any(|f| f == video.format) {
        diags.push(
            Diagnostic::new(
                Code::NetworkMediaFormat,
                file,
                m.path_pos,
                format!(
                    "{} is a {} video; {} takes {}",
                    m.path,
                    video.format.to_uppercase(),
                    n.label,
                    rule.formats.join(", ").to_uppercase()
                ),
            )
            .with_help(format!("export it as {}", rule.formats[0].to_uppercase()))
            .with_network(&n.id),
        );
    }
    if let Some(seconds) = video.seconds {
        let short = rule.min_seconds.filter(|min| seconds < *min);
        let long = rule.max_seconds.filter(|max| seconds > *max);
        if let Some(limit) = short.or(long) {
            let (what, help) = if short.is_some() {
                ("at least", "use a longer video")
            } else {
                (
                    "at most",
                    "cut the video, or publish a shorter version on this network",
                )
            };
            diags.push(
                Diagnostic::new(
                    Code::NetworkVideoLength,
                    file,
                    m.path_pos,
                    format!(
                        "{} lasts {}; {} takes videos of {what} {}",
                        m.path,
                        duration(seconds),
                        n.label,
                        duration(limit)
                    ),
                )
                .with_help(help)
                .with_network(&n.id),
            );
        }
    }
    if let Some(max) = rule.max_bytes {
        size(
            file,
            m,
            n,
            bytes,
            max,
            "export it again with a lower bit rate or resolution",
            diags,
        );
    }
    if let Some(range) = &rule.aspect {
        ratio(
            file,
            m,
            n,
            info,
            range,
            "reframe the video to an accepted ratio",
            diags,
        );
    }
}

fn ratio(
    file: &str,
    m: &Media,
    n: &Network,
    info: &MediaInfo,
    range: &AspectRange,
    help: &str,
    diags: &mut Vec<Diagnostic>,
) {
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
        format!(
            "{} to {}",
            format_ratio(range.min.0),
            format_ratio(range.max.0)
        )
    };
    let (w, h) = info.size();
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
        .with_help(help)
        .with_network(&n.id),
    );
}

fn size(
    file: &str,
    m: &Media,
    n: &Network,
    bytes: u64,
    max: u64,
    help: &str,
    diags: &mut Vec<Diagnostic>,
) {
    if bytes <= max {
        return;
    }
    diags.push(
        Diagnostic::new(
            Code::NetworkMediaSize,
            file,
            m.path_pos,
            format!(
                "{} weighs {}; {} takes at most {}",
                m.path,
                megabytes(bytes),
                n.label,
                megabytes(max)
            ),
        )
        .with_help(help)
        .with_network(&n.id),
    );
}

/// "12.3 MB" (1 MB = 1,048,576 bytes, as file managers count).
fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / 1_048_576.0;
    if mb >= 1024.0 {
        format!("{:.1} GB", mb / 1024.0)
    } else if mb >= 10.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

/// "2 min 30 s", "0.5 s".
fn duration(seconds: f64) -> String {
    if seconds < 60.0 {
        let s = format!("{seconds:.1}");
        return format!("{} s", s.trim_end_matches(".0"));
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
            poster(file, m, ctx, diags);
            if let Some(Err(p)) = ctx.media.get(&m.path) {
                diags.push(media_problem(file, m, p));
            }
        }
    }
}

/// A video's poster must be an image that exists.
fn poster(file: &str, m: &Media, ctx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    let Some(poster) = m.poster.as_deref() else {
        return;
    };
    match ctx.media.get(poster) {
        Some(Err(p)) => diags.push(problem_at(file, poster, m.poster_pos, p)),
        Some(Ok(MediaInfo::Video { .. })) => diags.push(
            Diagnostic::new(
                Code::MediaUnreadable,
                file,
                m.poster_pos,
                format!("the poster {poster} is a video"),
            )
            .with_help(
                "a poster is the still image shown before the video plays: give a JPEG or PNG",
            )
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
    match media.get(path) {
        Some(Err(p)) => Some(problem_at(file, path, at, p)),
        Some(Ok(MediaInfo::Video { .. })) => Some(
            Diagnostic::new(
                Code::MediaUnreadable,
                file,
                at,
                format!("the logo {path} is a video"),
            )
            .with_help("give an image: SVG, PNG or JPEG")
            .with_span(path.chars().count()),
        ),
        _ => None,
    }
}

fn media_problem(file: &str, m: &Media, p: &MediaProblem) -> Diagnostic {
    problem_at(file, &m.path, m.path_pos, p)
}

/// A media file or a poster that cannot be used.
fn problem_at(file: &str, path: &str, at: Pos, p: &MediaProblem) -> Diagnostic {
    use MediaProblem as P;
    let span = path.chars().count();
    match p {
        P::OutsideProject => Diagnostic::new(
            Code::MediaOutsideProject,
            file,
            at,
            format!("{} is outside the project", path),
        )
        .with_help("copy the file into media/ and write its path from the project root: `media/…`"),
        P::NotFound => Diagnostic::new(
            Code::MediaNotFound,
            file,
            at,
            format!("{} does not exist", path),
        )
        .with_help("paths are relative to the project root (where trame.yaml is): check the folder and the spelling"),
        P::IsFolder => Diagnostic::new(
            Code::MediaNotFound,
            file,
            at,
            format!("{} is a folder, not a file", path),
        )
        .with_help("name the image file inside that folder"),
        P::Unreadable(why) => Diagnostic::new(
            Code::MediaUnreadable,
            file,
            at,
            format!("{path} cannot be read: {why}"),
        )
        .with_help("export it again as JPEG, PNG or MP4"),
    }
    .with_span(span)
}
