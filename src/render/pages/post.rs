//! A post's page (`posts/<id>/index.html`): its metadata, its problems and a preview card per
//! network; and beside it the text of each variant, ready to paste (`<network>.txt`, with
//! `.title.txt`, `.first-comment.txt`, `.link.txt` where the network takes those apart).

use serde::Serialize;

use super::Ctx;
use crate::adapt::Variant;
use crate::load::content::When;
use crate::render::html::highlight;
use crate::render::views::{Frame, NetworkView, Problem};
use crate::render::{OutFile, PostRef, ThemeError, i18n};
use crate::routes::{self, OutPath};

#[derive(Serialize)]
struct PostView {
    #[serde(flatten)]
    frame: Frame,
    post: Meta,
    /// The source file.
    file: String,
    /// The file could not be read: the page shows what could be made of it.
    broken: bool,
    date: Option<String>,
    /// The post's month page.
    month: Option<String>,
    reviewer: Option<String>,
    pillar: Option<String>,
    hashtags: Vec<String>,
    /// The veille notes it draws on, linked to their place on the veille page.
    sources: Vec<SourceLink>,
    diagnostics: Vec<Problem>,
    variants: Vec<Card>,
    /// The commits that touched its file, newest first (git).
    history: Vec<HistoryRow>,
    /// Its results per network (`posts` holds the engagement rate on followers).
    results: Vec<super::results::FigRow>,
}

#[derive(Serialize)]
struct HistoryRow {
    date: String,
    /// `YYYY-MM-DD`, for `<time datetime>`.
    iso: String,
    author: String,
    subject: String,
    hash: String,
}

#[derive(Serialize)]
struct SourceLink {
    label: String,
    href: Option<String>,
}

#[derive(Serialize)]
struct Meta {
    title: String,
    status: &'static str,
    status_label: &'static str,
    author: Option<String>,
    campaign: Option<String>,
    campaign_href: Option<String>,
}

/// The preview of one variant.
#[derive(Serialize)]
struct Card {
    network: NetworkView,
    handle: String,
    name: String,
    title: Option<String>,
    parts: Vec<Part>,
    thread: bool,
    /// The whole text, for the copy button (a thread has one per part instead).
    text: String,
    length: usize,
    limit: Option<usize>,
    /// The gauge's scale: the limit, or the length when it is over (so the bar shows red).
    gauge_max: usize,
    /// Where the gauge turns amber: nine tenths of the limit.
    gauge_low: usize,
    length_label: String,
    percent: usize,
    over: bool,
    /// Highlighted HTML.
    first_comment: Option<String>,
    /// The first comment as it is pasted.
    first_comment_text: Option<String>,
    /// The promoted link, when the site may link it.
    link: Option<String>,
    /// The promoted link as written, when it may not be linked.
    link_text: Option<String>,
    media: Vec<MediaView>,
    /// The `.txt` file to paste.
    txt: String,
}

#[derive(Serialize)]
struct Part {
    n: usize,
    label: String,
    /// The part as it is pasted.
    text: String,
    /// Highlighted HTML, before and after the "see more" fold.
    head: String,
    tail: Option<String>,
}

#[derive(Serialize)]
struct MediaView {
    src: String,
    /// A video (`<video>`), not an image.
    video: bool,
    /// The video's still image.
    poster: Option<String>,
    alt: String,
    /// The ratio the network shows (the image is cropped to it), `0.8000`.
    ratio: Option<String>,
    focus: String,
}

/// The page and the text files of the post read from `file`.
pub fn files(ctx: &Ctx<'_>, file: &str) -> Result<Vec<OutFile>, ThemeError> {
    let Some(p) = ctx.input.post(file) else {
        return Ok(Vec::new());
    };
    let Some(path) = ctx.input.routes.post(file) else {
        return Ok(Vec::new());
    };
    let mut out = vec![page(ctx, p, &path)?];
    out.extend(texts(ctx, p));
    Ok(out)
}

fn page(ctx: &Ctx<'_>, p: &PostRef<'_>, path: &OutPath) -> Result<OutFile, ThemeError> {
    let post = p.post;
    let lang = ctx.lang;
    let routes = ctx.input.routes;
    let mut frame = ctx.frame(path, post.title.clone(), "post");
    frame.og = Some(open_graph(ctx, p, path));
    let view = PostView {
        frame,
        post: Meta {
            title: post.title.clone(),
            status: post.status.name(),
            status_label: i18n::status(lang, post.status.name()),
            author: post.author.clone(),
            campaign: post.campaign.as_ref().map(|(c, _)| c.clone()),
            campaign_href: post
                .campaign
                .as_ref()
                .and_then(|(c, _)| routes.campaign_by_id(c))
                .map(|to| routes::href(path, &to)),
        },
        file: p.file.to_string(),
        broken: p.broken,
        date: post.date.as_ref().map(|d| match d {
            When::At(z) => format!(
                "{} · {}",
                i18n::long_date(lang, z.date()),
                z.strftime("%H:%M")
            ),
            When::Day(day) => i18n::long_date(lang, *day),
        }),
        month: post
            .date
            .as_ref()
            .map(|d| routes::href(path, &super::month::path_of(d.date()))),
        reviewer: post.reviewer.clone(),
        pillar: post.pillar.clone(),
        history: ctx
            .input
            .history
            .get(p.file)
            .map(|commits| {
                commits
                    .iter()
                    .map(|c| HistoryRow {
                        date: c
                            .date
                            .parse::<jiff::civil::Date>()
                            .map(|d| crate::base::l10n::long_date(lang, d))
                            .unwrap_or_else(|_| c.date.clone()),
                        iso: c.date.clone(),
                        author: c.author.clone(),
                        subject: c.subject.clone(),
                        hash: c.hash.chars().take(7).collect(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        sources: post
            .sources
            .iter()
            .map(|(id, _)| match ctx.notes.get(id.as_str()) {
                Some(n) => SourceLink {
                    label: n.title.clone(),
                    href: Some(format!(
                        "{}#{}",
                        routes::href(path, &routes::veille()),
                        super::veille::anchor(id)
                    )),
                },
                None => SourceLink {
                    label: id.clone(),
                    href: None,
                },
            })
            .collect(),
        hashtags: post
            .hashtags
            .iter()
            .map(|(h, _)| crate::adapt::normalise_hashtag(h))
            .collect(),
        diagnostics: ctx
            .input
            .checked
            .of_file(p.file)
            .iter()
            .map(|d| Problem::of(lang, d))
            .collect(),
        variants: p.variants.values().map(|v| card(ctx, p, v, path)).collect(),
        results: super::results::of_post(ctx, p.file),
    };
    Ok(OutFile::new(path.clone(), ctx.render("post", &view)?))
}

fn card(ctx: &Ctx<'_>, p: &PostRef<'_>, v: &Variant, path: &OutPath) -> Card {
    let input = ctx.input;
    let n = input.config.networks.get(&v.network);
    let fold = n.and_then(|n| n.fold);
    let total = v.parts.len();
    let parts = v
        .parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let (head, tail) = match fold {
                Some(f) if part.chars().count() > f && total == 1 => {
                    let cut = part.char_indices().nth(f).map_or(part.len(), |(b, _)| b);
                    let cut = part[..cut].rfind(char::is_whitespace).unwrap_or(cut);
                    (&part[..cut], Some(&part[cut..]))
                }
                _ => (part.as_str(), None),
            };
            Part {
                n: i + 1,
                label: i18n::thread_part(ctx.lang, i + 1, total),
                text: part.clone(),
                head: highlight(head),
                tail: tail.map(highlight),
            }
        })
        .collect();
    let probed = |path: &str| input.media.get(path).and_then(|r| r.as_ref().ok());
    // Only files the checks could read are shown (the others are in the problems above).
    let media = v
        .media
        .iter()
        .filter_map(|m| {
            let normal = m.normal.as_deref()?;
            let info = probed(&m.path)?;
            let video = info.is_video();
            let aspect = n.and_then(|n| {
                if video {
                    n.media.video.aspect.as_ref()
                } else {
                    n.media.aspect.as_ref()
                }
            });
            let ratio = match (aspect, info.ratio()) {
                (Some(a), r) => Some(r.unwrap_or(a.min.0).clamp(a.min.0, a.max.0)),
                // A video plays whole, in its own frame.
                (None, Some(r)) if video => Some(r),
                _ => None,
            };
            let poster = m
                .poster
                .as_deref()
                .filter(|p| probed(p).is_some_and(|i| !i.is_video()))
                .and_then(crate::base::paths::normalise_relative)
                .map(|p| routes::href(path, &routes::media(&p)));
            Some(MediaView {
                src: routes::href(path, &routes::media(normal)),
                video,
                poster,
                alt: m.alt.clone().unwrap_or_default(),
                ratio: ratio.map(|r| format!("{r:.4}")),
                focus: m.css_focus().unwrap_or("center").to_string(),
            })
        })
        .collect();
    let link = v.link.as_deref().and_then(routes::external);
    let txt = input
        .routes
        .post_text(p.file, &v.network, None)
        .map(|t| routes::href(path, &t))
        .unwrap_or_default();
    Card {
        network: ctx.network(&v.network),
        handle: n.and_then(|n| n.handle.clone()).unwrap_or_default(),
        name: input.config.organisation.name.clone(),
        title: v.title.clone(),
        parts,
        thread: total > 1,
        text: v.text.clone(),
        length: v.length,
        limit: v.limit,
        gauge_max: v.limit.map_or(0, |l| l.max(v.length)),
        gauge_low: v.limit.map_or(0, |l| l * 9 / 10),
        length_label: i18n::length(ctx.lang, v.length, v.limit),
        percent: v.limit.map_or(0, |l| (v.length * 100 / l.max(1)).min(100)),
        over: v.limit.is_some_and(|l| v.length > l),
        first_comment: v.first_comment.as_deref().map(highlight),
        first_comment_text: v.first_comment.clone(),
        link_text: match &link {
            Some(_) => None,
            None => v.link.clone(),
        },
        link,
        media,
        txt,
    }
}

/// The `.txt` files of a post's variants, ready to paste.
fn texts(ctx: &Ctx<'_>, p: &PostRef<'_>) -> Vec<OutFile> {
    let routes = ctx.input.routes;
    let mut files = Vec::new();
    for (network, v) in p.variants {
        let extra = [
            (None, Some(&v.text)),
            (Some("title"), v.title.as_ref()),
            (Some("first-comment"), v.first_comment.as_ref()),
            (Some("link"), v.link.as_ref()),
        ];
        for (suffix, text) in extra {
            if let (Some(t), Some(path)) = (text, routes.post_text(p.file, network, suffix)) {
                files.push(OutFile::new(path, format!("{}\n", t.trim_end())));
            }
        }
    }
    files
}

/// The Open Graph tags of a post's page: its title, the start of its first variant, its first
/// image; the addresses only with `base_url` (Open Graph wants them absolute).
fn open_graph(ctx: &Ctx<'_>, p: &PostRef<'_>, path: &OutPath) -> crate::render::views::OpenGraph {
    let base = ctx.input.config.base_url.as_deref();
    // The first network the post names: the one the team wrote it for first.
    let text = p
        .post
        .networks
        .iter()
        .find_map(|(n, _)| p.variants.get(n))
        .or_else(|| p.variants.values().next())
        .map(|v| v.parts.first().unwrap_or(&v.text).clone())
        .unwrap_or_default();
    let media = p.post.media.first();
    crate::render::views::OpenGraph {
        title: p.post.title.clone(),
        description: summary(&text, 200),
        locale: match ctx.lang {
            crate::load::config::Language::Fr => "fr_FR",
            crate::load::config::Language::En => "en_US",
        },
        url: base.map(|b| routes::absolute(b, path)),
        image: base.zip(media).and_then(|(b, m)| {
            let file = m.normal.as_deref()?;
            matches!(ctx.input.media.get(&m.path), Some(Ok(_)))
                .then(|| routes::absolute(b, &routes::media(file)))
        }),
        image_alt: media.and_then(|m| m.alt.clone()),
    }
}

/// `text` on one line, cut at a word before `max` characters (with `…`).
fn summary(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', '.']))
}
