//! Adapting a post for each of its networks: the text to paste, its length, its thread parts.

pub mod markdown;
pub mod thread;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostics::Pos;
use crate::load::config::{Config, Language};
use crate::load::content::{Media, Post};
use crate::load::networks::{LinkMode, Network, Placement};

/// A post's variants, by network id.
pub type Variants = BTreeMap<String, Variant>;

/// Between thread parts in the text to paste: a line no post starts with.
pub const THREAD_SEPARATOR: &str = "\n\n———\n\n";

/// One post as published on one network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Variant {
    pub network: String,
    /// The text to paste (for a thread: every part, separated by a `———` line).
    pub text: String,
    /// The published title, on networks that have one.
    pub title: Option<String>,
    pub first_comment: Option<String>,
    /// The promoted link, UTM-tagged, when it is not in the text (bio, separate field).
    pub link: Option<String>,
    pub hashtags: Vec<String>,
    #[serde(skip)]
    pub media: Vec<Media>,
    pub length: usize,
    pub limit: Option<usize>,
    /// Thread parts when the text was split; else the text alone.
    pub parts: Vec<String>,
    pub thread: bool,
    /// The characters the text had when it was cut at [`MAX_VARIANT_CHARS`].
    #[serde(skip)]
    pub cut_from: Option<usize>,
    /// Where the text comes from in the source file (a section or the shared body).
    #[serde(skip)]
    pub source: TextSource,
}

/// Where a variant's text comes from, to point diagnostics at it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextSource {
    /// The raw Markdown, before mentions and rendering.
    pub markdown: String,
    /// File line of the first line of `markdown`.
    pub line: usize,
    /// Position reported for problems of the whole text.
    pub pos: Pos,
    pub section: bool,
    /// Lines of `markdown`, made on the first position asked.
    pub index: std::sync::OnceLock<crate::base::text::LineIndex>,
}

impl TextSource {
    /// File position of a byte offset of `markdown`.
    pub fn pos_of(&self, offset: usize) -> Pos {
        let index = self
            .index
            .get_or_init(|| crate::base::text::LineIndex::new(&self.markdown));
        let (line, col) = index.pos(&self.markdown, offset);
        Pos::new(self.line + line, col)
    }

    /// File position of the first occurrence of `needle` in the source, if any.
    pub fn find(&self, needle: &str) -> Option<Pos> {
        self.markdown.find(needle).map(|i| self.pos_of(i))
    }
}

/// `@[key]` mentions in a text: (byte start, byte end, key).
pub fn mentions(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("@[") {
        let start = from + i;
        let rest = &text[start + 2..];
        match rest.find(']') {
            Some(j)
                if j > 0
                    && rest[..j]
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.')) =>
            {
                out.push((start, start + 2 + j + 1, &rest[..j]));
                from = start + 2 + j + 1;
            }
            _ => from = start + 2,
        }
    }
    out
}

/// `#tag` from `tag`, `#tag` or ` #Tag `.
pub fn normalise_hashtag(tag: &str) -> String {
    let t = tag.trim().trim_start_matches(['#', '＃']);
    format!("#{t}")
}

/// The hashtags in a text, in order (`#word`, not inside a URL or a word).
pub fn hashtags_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let urls = url_ranges(text);
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if c == '#'
            && prev.is_none_or(|p| !(p.is_alphanumeric() || p == '&' || p == '/'))
            && !urls.iter().any(|r| r.contains(&i))
        {
            let tag: String = text[i + 1..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if tag.chars().any(char::is_alphabetic) {
                out.push(format!("#{tag}"));
            }
        }
        prev = Some(c);
    }
    out
}

/// Byte ranges of the URLs in a text (with or without a scheme).
pub fn url_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut finder = linkify::LinkFinder::new();
    finder.kinds(&[linkify::LinkKind::Url]);
    finder.url_must_have_scheme(true);
    finder.links(text).map(|l| l.start()..l.end()).collect()
}

/// Adds `utm_source`, `utm_medium` and `utm_campaign` to a link (keeps the ones it has).
pub fn tag_link(url: &str, network: &str, campaign: Option<&str>, config: &Config) -> String {
    let Some(utm) = &config.utm else {
        return url.to_string();
    };
    // Only web addresses take UTM parameters (not `mailto:`, not what the checks refuse).
    let Ok(mut parsed) = url::Url::parse(url.trim()) else {
        return url.to_string();
    };
    if !matches!(parsed.scheme(), "http" | "https") {
        return url.to_string();
    }
    let campaign = match (&utm.campaign_from, &utm.campaign, campaign) {
        (Some(_), _, Some(c)) => Some(c.to_string()),
        (_, Some(fixed), _) => Some(fixed.clone()),
        _ => None,
    };
    let medium = utm.medium.clone().unwrap_or_else(|| "social".to_string());
    let mut params = vec![("utm_source", network.to_string()), ("utm_medium", medium)];
    if let Some(c) = campaign {
        params.push(("utm_campaign", c));
    }
    // The link's own query stays as it was written; the tags it lacks are added after it.
    let present: Vec<String> = parsed.query_pairs().map(|(k, _)| k.into_owned()).collect();
    let mut query = parsed.query().unwrap_or_default().to_string();
    for (k, v) in params {
        if present.iter().any(|p| p == k) {
            continue;
        }
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(k);
        query.push('=');
        query.push_str(&encode_query_value(&v));
    }
    parsed.set_query((!query.is_empty()).then_some(query.as_str()));
    parsed.into()
}

fn encode_query_value(v: &str) -> String {
    let mut out = String::new();
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Replaces `:shortcode:` emoji (`:tada:` → 🎉) when the shortcode exists.
pub fn expand_shortcodes(text: &str) -> String {
    if !text.contains(':') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(':') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let name: String = after
            .chars()
            .take_while(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '+' | '-')
            })
            .collect();
        if !name.is_empty()
            && after[name.len()..].starts_with(':')
            && let Some(e) = emojis::get_by_shortcode(&name)
        {
            out.push_str(e.as_str());
            rest = &after[name.len() + 1..];
            continue;
        }
        out.push(':');
        rest = after;
    }
    out.push_str(rest);
    out
}

fn link_in_bio(lang: Language) -> &'static str {
    match lang {
        Language::Fr => "🔗 Lien en bio",
        Language::En => "🔗 Link in bio",
    }
}

/// The variants of a post, one per network it is published on (known networks only).
pub fn build(post: &Post, config: &Config) -> Variants {
    let mut out = BTreeMap::new();
    let mut plain = PlainMemo::default();
    for id in post.published_networks() {
        if let Some(network) = config.networks.get(id) {
            out.insert(
                network.id.clone(),
                build_one(post, network, config, &mut plain),
            );
        }
    }
    out
}

/// The plain text of each Markdown source of one post (the shared body, a network's section),
/// mentions still placeholders: networks that share a source share its Markdown parse, which
/// was a third of the adaptation when every network parsed it again.
#[derive(Default)]
struct PlainMemo(Vec<(String, String)>);

impl PlainMemo {
    fn of(&mut self, md: String) -> String {
        if let Some((_, plain)) = self.0.iter().find(|(m, _)| *m == md) {
            return plain.clone();
        }
        let plain = markdown::to_plain(&md);
        self.0.push((md, plain.clone()));
        plain
    }
}

fn build_one(post: &Post, network: &Network, config: &Config, plain: &mut PlainMemo) -> Variant {
    let ov = post.variants.get(&network.id);
    let source = match post.body.section(&network.id) {
        Some(s) => TextSource {
            markdown: s.text.clone(),
            line: s.text_line,
            pos: Pos::new(s.line, s.column),
            section: true,
            index: Default::default(),
        },
        None => TextSource {
            markdown: post.body.shared.clone(),
            line: post.body.line,
            pos: if post.body.shared.trim().is_empty() {
                post.network_pos(&network.id)
            } else {
                Pos::new(post.body.shared_first_line(), 1)
            },
            section: false,
            index: Default::default(),
        },
    };
    // Mentions become placeholders, so Markdown never sees `_` or `*` in a handle.
    let found = mentions(&source.markdown);
    let mut md = String::with_capacity(source.markdown.len());
    let mut last = 0;
    let mut handles = Vec::new();
    for (i, (start, end, key)) in found.iter().enumerate() {
        md.push_str(&source.markdown[last..*start]);
        md.push_str(&format!("\u{E000}{i}\u{E001}"));
        let handle = config
            .contacts
            .get(*key)
            .and_then(|c| c.on(&network.id))
            .map(str::to_string)
            .unwrap_or_else(|| key.to_string());
        handles.push(handle);
        last = *end;
    }
    md.push_str(&source.markdown[last..]);
    let mut text = plain.of(md);
    for (i, h) in handles.iter().enumerate() {
        text = text.replace(&format!("\u{E000}{i}\u{E001}"), h);
    }
    text = expand_shortcodes(&text);

    let mut first_comment = ov
        .and_then(|v| v.first_comment.clone())
        .or_else(|| post.first_comment.clone())
        .map(|c| expand_shortcodes(c.trim()));

    // Hashtags.
    let tags: Vec<String> = ov
        .and_then(|v| v.hashtags.as_ref())
        .unwrap_or(&post.hashtags)
        .iter()
        .map(|(t, _)| normalise_hashtag(t))
        .filter(|t| t.len() > 1 && !t.contains(char::is_whitespace))
        .collect();
    let present: Vec<String> = hashtags_in(&text)
        .iter()
        .map(|t| t.to_lowercase())
        .collect();
    let mut to_append: Vec<String> = Vec::new();
    for tag in &tags {
        if present.contains(&tag.to_lowercase()) {
            continue;
        }
        if network.hashtags.placement == Placement::Inline
            && let Some(tagged) = tag_inline(&text, &tag[1..])
        {
            text = tagged;
            continue;
        }
        to_append.push(tag.clone());
    }
    if !to_append.is_empty() {
        let line = to_append.join(" ");
        if network.hashtags.placement == Placement::FirstComment {
            first_comment = Some(match first_comment {
                Some(c) if !c.is_empty() => format!("{c}\n\n{line}"),
                _ => line,
            });
        } else {
            text = if text.is_empty() {
                line
            } else {
                format!("{text}\n\n{line}")
            };
        }
    }

    // The promoted link.
    let campaign = post.campaign.as_ref().map(|(c, _)| c.as_str());
    let raw_link = ov
        .and_then(|v| v.link.as_ref())
        .or(post.link.as_ref())
        .map(|(l, _)| l.clone());
    let mut link = None;
    if let Some(raw) = raw_link {
        let tagged = tag_link(&raw, &network.id, campaign, config);
        match network.links {
            LinkMode::Text => {
                if text.contains(&raw) {
                    text = text.replacen(&raw, &tagged, 1);
                } else {
                    text = if text.is_empty() {
                        tagged
                    } else {
                        format!("{text}\n\n{tagged}")
                    };
                }
            }
            LinkMode::Bio => {
                let note = link_in_bio(config.language);
                text = if text.is_empty() {
                    note.to_string()
                } else {
                    format!("{text}\n\n{note}")
                };
                link = Some(tagged);
            }
            LinkMode::Field => link = Some(tagged),
            LinkMode::FirstComment => {
                first_comment = Some(match first_comment {
                    Some(c) if !c.is_empty() => format!("{c}\n\n{tagged}"),
                    _ => tagged,
                });
            }
        }
    }

    let title = network.title.as_ref().map(|_| {
        ov.and_then(|v| v.title.clone())
            .unwrap_or_else(|| post.title.clone())
    });
    let media = ov
        .and_then(|v| v.media.clone())
        .unwrap_or_else(|| post.media.clone());
    let thread = ov.is_some_and(|v| v.thread);
    // No network takes 100,000 characters (Facebook, the most generous, 63,206): beyond, the
    // text is kept to its start, so that what trame counts, splits and writes stays bounded.
    let mut cut_from = None;
    if let Some((end, _)) = text.char_indices().nth(MAX_VARIANT_CHARS) {
        cut_from = Some(text.chars().count());
        text.truncate(end);
    }
    let length = network.count(&text);
    let parts = match network.max_length {
        Some(limit) if thread && length > limit => {
            thread::split(&text, limit, &|s: &str| network.count(s))
        }
        _ => vec![text.clone()],
    };
    let all_tags = {
        let mut t = hashtags_in(&text);
        if let Some(c) = &first_comment {
            t.extend(hashtags_in(c));
        }
        t
    };
    let text = if parts.len() > 1 {
        parts.join(THREAD_SEPARATOR)
    } else {
        text
    };
    Variant {
        network: network.id.clone(),
        length: if parts.len() > 1 {
            parts.iter().map(|p| network.count(p)).max().unwrap_or(0)
        } else {
            length
        },
        text,
        title,
        first_comment,
        link,
        hashtags: all_tags,
        media,
        limit: network.max_length,
        parts,
        thread,
        cut_from,
        source,
    }
}

/// The most characters of a variant's text trame keeps.
pub const MAX_VARIANT_CHARS: usize = 100_000;

/// Puts `#` before the first whole-word occurrence of `word` outside URLs.
fn tag_inline(text: &str, word: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let wl = word.to_lowercase();
    if lower.len() != text.len() || wl.is_empty() {
        return None;
    }
    let urls = url_ranges(text);
    let mut from = 0;
    while let Some(i) = lower[from..].find(&wl) {
        let start = from + i;
        let end = start + wl.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let boundary = before
            .is_none_or(|c| !(c.is_alphanumeric() || c == '#' || c == '@' || c == '_'))
            && after.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if boundary && !urls.iter().any(|r| r.contains(&start)) {
            return Some(format!("{}#{}", &text[..start], &text[start..]));
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mentions() {
        let m = mentions("Merci @[ffrando] et @[club-42] ! @[ pas] mail@[x");
        let keys: Vec<_> = m.iter().map(|x| x.2).collect();
        assert_eq!(keys, ["ffrando", "club-42"]);
    }

    #[test]
    fn hashtags_in_text() {
        assert_eq!(
            hashtags_in("Go #Rando et #SeniorsActifs, pas https://a.fr/#ancre ni C# ni #2026"),
            ["#Rando", "#SeniorsActifs"]
        );
    }

    #[test]
    fn inline_tagging() {
        assert_eq!(
            tag_inline("La rando d'hiver, randonnée", "rando").as_deref(),
            Some("La #rando d'hiver, randonnée")
        );
        assert_eq!(tag_inline("randonnée", "rando"), None);
    }

    #[test]
    fn shortcodes() {
        assert_eq!(
            expand_shortcodes("Bravo :tada: à 10:30:00"),
            "Bravo 🎉 à 10:30:00"
        );
    }

    #[test]
    fn utm() {
        let mut c = Config::defaults(std::path::Path::new("/p"));
        c.utm = Some(crate::load::config::Utm {
            medium: Some("social".into()),
            campaign: None,
            campaign_from: Some("campaign".into()),
        });
        assert_eq!(
            tag_link("https://a.fr/p?x=1#top", "linkedin", Some("hiver 26"), &c),
            "https://a.fr/p?x=1&utm_source=linkedin&utm_medium=social&utm_campaign=hiver%2026#top"
        );
        assert_eq!(
            tag_link("https://a.fr/?utm_source=news", "x", None, &c),
            "https://a.fr/?utm_source=news&utm_medium=social"
        );
        // An empty query, a key that only contains "utm_", a link that is not a web address.
        assert_eq!(
            tag_link("https://a.fr/p?", "x", None, &c),
            "https://a.fr/p?utm_source=x&utm_medium=social"
        );
        assert_eq!(
            tag_link("https://a.fr/p?xutm_source=1", "x", None, &c),
            "https://a.fr/p?xutm_source=1&utm_source=x&utm_medium=social"
        );
        assert_eq!(tag_link("mailto:a@b.fr", "x", None, &c), "mailto:a@b.fr");
    }
}
