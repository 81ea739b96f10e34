//! Posts (SPEC §3.1).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::body::{self, Body};
use super::dates::When;
use super::{Common, read_date, required_string};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos, did_you_mean};
use crate::load::networks::canonical_id;
use crate::load::yaml::{self, Fields, PosIndex};

pub const KEYS: &[&str] = &[
    "title",
    "networks",
    "date",
    "status",
    "author",
    "reviewer",
    "campaign",
    "pillar",
    "hashtags",
    "link",
    "media",
    "first_comment",
    "variants",
    "published",
    "sources",
    "extra",
];

pub const MEDIA_KEYS: &[&str] = &["path", "alt", "focus", "poster"];
pub const VARIANT_KEYS: &[&str] = &[
    "title",
    "hashtags",
    "link",
    "media",
    "first_comment",
    "skip",
    "thread",
];

/// The workflow, in order: the board shows these columns.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Default,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Idea,
    #[default]
    Draft,
    Review,
    Approved,
    Scheduled,
    Published,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Idea,
        Status::Draft,
        Status::Review,
        Status::Approved,
        Status::Scheduled,
        Status::Published,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Status::Idea => "idea",
            Status::Draft => "draft",
            Status::Review => "review",
            Status::Approved => "approved",
            Status::Scheduled => "scheduled",
            Status::Published => "published",
        }
    }

    /// A status by its name, or by the French words the site shows it with (`programmé`,
    /// `validé`, `brouillon`…), with or without accents.
    pub fn parse(s: &str) -> Option<Status> {
        let word = s.trim().to_lowercase();
        if let Some(st) = Status::ALL.into_iter().find(|st| st.name() == word) {
            return Some(st);
        }
        let plain: String = word
            .chars()
            .map(|c| match c {
                'é' | 'è' | 'ê' => 'e',
                'à' | 'â' => 'a',
                c => c,
            })
            .collect();
        Some(match plain.as_str() {
            "idee" => Status::Idea,
            "brouillon" => Status::Draft,
            "a relire" | "relecture" | "en relecture" | "in review" => Status::Review,
            "valide" | "approuve" => Status::Approved,
            "programme" | "planifie" => Status::Scheduled,
            "publie" => Status::Published,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Media {
    pub path: String,
    #[serde(default)]
    pub alt: Option<String>,
    /// Where to keep the subject when a network crops: `center`, `top`, `50% 30%`…
    #[serde(default)]
    pub focus: Option<String>,
    /// A video's still image, shown in the preview before it plays.
    #[serde(default)]
    pub poster: Option<String>,
    /// `path` with `.` and `..` resolved, once for every stage (`None`: it leaves the project).
    #[serde(skip)]
    pub normal: Option<String>,
    /// Position of the item in the file.
    #[serde(skip)]
    pub pos: Pos,
    #[serde(skip)]
    pub path_pos: Pos,
    #[serde(skip)]
    pub alt_pos: Pos,
    #[serde(skip)]
    pub poster_pos: Pos,
    #[serde(skip)]
    pub focus_pos: Pos,
}

impl Media {
    /// `focus` if it is a position CSS can take as it is: one or two of `left`, `center`,
    /// `right`, `top`, `bottom` or a percentage (`50% 30%`). Anything else would go into a
    /// `style` attribute of the site as written (a `;` there starts another property).
    pub fn css_focus(&self) -> Option<&str> {
        let f = self.focus.as_deref()?.trim();
        let word = |w: &str| {
            matches!(w, "left" | "center" | "right" | "top" | "bottom")
                || w.strip_suffix('%').is_some_and(|n| {
                    !n.is_empty()
                        && n.len() <= 6
                        && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                        && n.parse::<f64>().is_ok_and(|x| (0.0..=100.0).contains(&x))
                })
        };
        let words: Vec<&str> = f.split_whitespace().collect();
        (matches!(words.len(), 1 | 2) && words.iter().all(|w| word(w))).then_some(f)
    }

    /// The files this item uses: the media file and its poster.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.path.as_str()).chain(self.poster.as_deref())
    }
}

/// A `variants:` entry: per-network overrides of the post's fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VariantOverride {
    pub title: Option<String>,
    pub hashtags: Option<Vec<(String, Pos)>>,
    pub link: Option<(String, Pos)>,
    pub media: Option<Vec<Media>>,
    pub first_comment: Option<String>,
    pub skip: bool,
    pub thread: bool,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct Post {
    pub common: Common,
    pub title: String,
    /// Network ids as resolved (`twitter` → `x`), with the position of each.
    pub networks: Vec<(String, Pos)>,
    pub date: Option<When>,
    pub status: Status,
    pub author: Option<String>,
    pub reviewer: Option<String>,
    pub campaign: Option<(String, Pos)>,
    pub pillar: Option<String>,
    pub hashtags: Vec<(String, Pos)>,
    pub link: Option<(String, Pos)>,
    pub media: Vec<Media>,
    pub first_comment: Option<String>,
    pub variants: BTreeMap<String, VariantOverride>,
    /// network → the published post's address (joins the post to its results, SPEC §9).
    pub published: BTreeMap<String, (String, Pos)>,
    /// The veille notes this post draws on (their ids, SPEC §3.4).
    pub sources: Vec<(String, Pos)>,
    pub extra: yaml::Value,
    pub body: Body,
}

impl Post {
    pub fn id(&self) -> &str {
        &self.common.id
    }

    pub fn file(&self) -> &str {
        &self.common.file
    }

    pub fn index(&self) -> &PosIndex {
        &self.common.index
    }

    /// The networks this post is actually published on (`skip: true` removes one).
    pub fn published_networks(&self) -> impl Iterator<Item = &str> {
        self.networks
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| !self.variants.get(*n).is_some_and(|v| v.skip))
    }

    /// The post of a file whose front matter could not be read: its title (or its file name)
    /// and date from the lines that still read as such, no networks. It is shown on the
    /// calendar, the board and the list with its problems; it is never published.
    pub fn stub(common: Common, text: Option<(&str, &crate::load::config::Config)>) -> Post {
        let salvaged = text.map(|(t, c)| crate::load::store::salvage(t, c));
        let (title, date, status) = match salvaged {
            Some(s) => (s.title, s.date, s.status),
            None => (None, None, None),
        };
        Post {
            title: title.unwrap_or_else(|| common.id.clone()),
            common,
            networks: Vec::new(),
            date,
            status: status.unwrap_or_default(),
            author: None,
            reviewer: None,
            campaign: None,
            pillar: None,
            hashtags: Vec::new(),
            link: None,
            media: Vec::new(),
            first_comment: None,
            variants: BTreeMap::new(),
            published: BTreeMap::new(),
            sources: Vec::new(),
            extra: yaml::Value::Null,
            body: Body::default(),
        }
    }

    /// Every media item of the post and of its variants.
    pub fn all_media(&self) -> impl Iterator<Item = &Media> {
        self.media.iter().chain(
            self.variants
                .values()
                .flat_map(|v| v.media.iter().flatten()),
        )
    }

    pub fn network_pos(&self, network: &str) -> Pos {
        self.networks
            .iter()
            .find(|(n, _)| n == network)
            .map_or(self.common.start, |(_, p)| *p)
    }
}

/// Reads a post from its parsed front matter and body.
pub fn read(
    common: Common,
    value: &yaml::Value,
    body_text: &str,
    body_line: usize,
    ctx: &super::ReadContext<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Post> {
    let file = common.file.clone();
    let lang = ctx.config.language;
    let what = || t!(lang, "what-front-matter");
    let mut f = Fields::new(value, &common.index, "", &file, &what, diags, lang);
    if !f.is_map() && !value.is_null() {
        return None;
    }
    f.report_unknown(KEYS, Code::FrontmatterUnknownKey, &|| t!(lang, "what-post"));
    let title = required_string(
        &mut f,
        "title",
        &|| t!(lang, "what-post-title"),
        common.start,
    );
    let networks = match f.strings("networks") {
        Some(list) if !list.is_empty() => list
            .into_iter()
            .map(|(n, p)| (canonical_id(&n), p))
            .collect(),
        Some(_) => {
            let pos = f.pos("networks");
            f.diags.push(
                Diagnostic::new(
                    Code::FrontmatterMissingField,
                    &file,
                    pos,
                    t!(lang, "post-networks-empty"),
                )
                .with_help(t!(lang, "post-networks-empty-help")),
            );
            Vec::new()
        }
        None => {
            if f.raw("networks").is_none() {
                f.diags.push(
                    Diagnostic::new(
                        Code::FrontmatterMissingField,
                        &file,
                        common.start,
                        t!(lang, "post-networks-missing"),
                    )
                    .with_help(t!(lang, "post-networks-missing-help"))
                    .with_span(3),
                );
            }
            Vec::new()
        }
    };
    let date = read_date(&mut f, "date", ctx);
    let status = match f.string("status") {
        Some(s) => match Status::parse(&s) {
            Some(st) => st,
            None => {
                let names: Vec<&str> = Status::ALL.iter().map(|s| s.name()).collect();
                let help = did_you_mean(&s, names.iter().copied())
                    .map(|x| t!(lang, "did-you-mean", name = x))
                    .unwrap_or_else(|| t!(lang, "post-status-help", statuses = names.join(", ")));
                let pos = f.index.value_pos("status");
                f.diags.push(
                    Diagnostic::new(
                        Code::FrontmatterType,
                        &file,
                        pos,
                        t!(lang, "post-status", status = s.as_str()),
                    )
                    .with_help(help)
                    .with_span(s.chars().count()),
                );
                Status::Draft
            }
        },
        None => Status::Draft,
    };
    let author = f.string("author");
    let reviewer = f.string("reviewer");
    let campaign = f
        .string("campaign")
        .map(|c| (c, f.index.value_pos("campaign")));
    let pillar = f.string("pillar");
    let hashtags = f.strings("hashtags").unwrap_or_default();
    let link = f
        .string("link")
        .map(|l| (l.trim().to_string(), f.index.value_pos("link")));
    let media = read_media(&mut f, "media");
    let first_comment = f.string("first_comment");
    let extra = f.raw("extra").cloned().unwrap_or(yaml::Value::Null);
    let mut variants = BTreeMap::new();
    if let Some(map) = f.map("variants") {
        for (k, value) in map {
            let raw_key = yaml::scalar_text(k).unwrap_or_default();
            let path = yaml::join("variants", &raw_key);
            let what = || format!("`variants.{raw_key}`");
            let mut ov = VariantOverride {
                pos: f.index.pos(&path),
                ..VariantOverride::default()
            };
            let mut vf = Fields::new(value, &common.index, &path, &file, &what, f.diags, lang);
            vf.report_unknown(VARIANT_KEYS, Code::FrontmatterUnknownKey, &what);
            ov.title = vf.string("title");
            ov.hashtags = vf.strings("hashtags");
            ov.link = vf.string("link").map(|l| {
                (
                    l.trim().to_string(),
                    vf.index.value_pos(&yaml::join(&path, "link")),
                )
            });
            if vf.raw("media").is_some() {
                ov.media = Some(read_media(&mut vf, "media"));
            }
            ov.first_comment = vf.string("first_comment");
            ov.skip = vf.bool("skip").unwrap_or(false);
            ov.thread = vf.bool("thread").unwrap_or(false);
            variants.insert(canonical_id(&raw_key), ov);
        }
    }
    let mut published = BTreeMap::new();
    if let Some(map) = f.map("published") {
        for (k, v) in map {
            let network = yaml::scalar_text(k).unwrap_or_default();
            let path = yaml::join("published", &network);
            match yaml::scalar_text(v) {
                Some(url) if !url.trim().is_empty() => {
                    published.insert(
                        canonical_id(&network),
                        (url.trim().to_string(), f.index.value_pos(&path)),
                    );
                }
                _ => f.type_error(&path, "expect-text", v),
            }
        }
    }
    let sources = f
        .strings("sources")
        .unwrap_or_default()
        .into_iter()
        .map(|(s, p)| (s.trim().to_string(), p))
        .collect();
    let body = body::parse(body_text, body_line, &file, f.diags, lang);
    Some(Post {
        common,
        title: title.unwrap_or_default(),
        networks,
        date,
        status,
        author,
        reviewer,
        campaign,
        pillar,
        hashtags,
        link,
        media,
        first_comment,
        variants,
        published,
        sources,
        extra,
        body,
    })
}

fn read_media(f: &mut Fields<'_>, key: &str) -> Vec<Media> {
    // A bare path is accepted for `media: [a.jpg]`, with no alt text.
    if let Some(list) = f.raw(key).and_then(|v| v.as_sequence())
        && list.iter().all(|v| yaml::scalar_text(v).is_some())
    {
        let kp = f.key_path(key);
        return list
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let ip = yaml::item(&kp, i);
                let pos = f.index.pos(&ip);
                yaml::scalar_text(v).map(|path| Media {
                    normal: crate::base::paths::normalise_relative(&path),
                    path,
                    alt: None,
                    focus: None,
                    poster: None,
                    pos,
                    path_pos: f.index.value_pos(&ip),
                    alt_pos: pos,
                    poster_pos: pos,
                    focus_pos: pos,
                })
            })
            .collect();
    }
    f.items::<Media>(key, MEDIA_KEYS)
        .into_iter()
        .map(|(mut m, ip)| {
            m.normal = crate::base::paths::normalise_relative(&m.path);
            m.pos = f.index.pos(&ip);
            m.path_pos = f.index.value_pos(&yaml::join(&ip, "path"));
            m.alt_pos = if f.index.has(&yaml::join(&ip, "alt")) {
                f.index.value_pos(&yaml::join(&ip, "alt"))
            } else {
                m.pos
            };
            m.poster_pos = f.index.value_pos(&yaml::join(&ip, "poster"));
            m.focus_pos = f.index.value_pos(&yaml::join(&ip, "focus"));
            m
        })
        .collect()
}
