//! The counting modes of SPEC §4: each network measures text its own way.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// How a network measures the length of a text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Counting {
    /// twitter-text v3 weighted length (X).
    Twitter,
    /// Grapheme clusters, http(s) URLs = 23, `@user@host` = `@user`.
    Mastodon,
    /// Extended grapheme clusters (Bluesky).
    Graphemes,
    /// Unicode scalar values.
    #[default]
    Characters,
    /// UTF-16 code units (Meta, TikTok).
    Utf16,
    /// UTF-8 bytes (YouTube descriptions).
    Bytes,
    /// Code points, but every emoji counts as its UTF-8 bytes (Threads).
    Threads,
}

impl Counting {
    pub const ALL: [&'static str; 7] = [
        "twitter",
        "mastodon",
        "graphemes",
        "characters",
        "utf16",
        "bytes",
        "threads",
    ];

    pub fn name(self) -> &'static str {
        match self {
            Counting::Twitter => "twitter",
            Counting::Mastodon => "mastodon",
            Counting::Graphemes => "graphemes",
            Counting::Characters => "characters",
            Counting::Utf16 => "utf16",
            Counting::Bytes => "bytes",
            Counting::Threads => "threads",
        }
    }

    /// The unit, for messages ("312 characters").
    /// What the count counts, as an argument of the catalogue's `amount` message.
    pub fn unit(self) -> &'static str {
        match self {
            Counting::Twitter => "weighted",
            Counting::Bytes => "bytes",
            Counting::Utf16 => "utf16",
            _ => "characters",
        }
    }

    /// "1 280 caractères", "12 bytes": a count in this unit, in the language.
    pub fn amount(self, lang: crate::base::l10n::Language, count: usize) -> String {
        crate::base::l10n::t!(lang, "amount", count = count, unit = self.unit())
    }

    pub fn count(self, text: &str) -> usize {
        match self {
            Counting::Twitter => super::twitter_text::weighted_length(text),
            Counting::Mastodon => mastodon_length(text),
            Counting::Graphemes => text.graphemes(true).count(),
            Counting::Characters => text.chars().count(),
            Counting::Utf16 => text.encode_utf16().count(),
            Counting::Bytes => text.len(),
            Counting::Threads => text
                .graphemes(true)
                .map(|g| {
                    if is_emoji(g) {
                        g.len()
                    } else {
                        g.chars().count()
                    }
                })
                .sum(),
        }
    }
}

/// Whether a grapheme cluster is an emoji (current Unicode emoji data).
pub fn is_emoji(g: &str) -> bool {
    if g.is_ascii() {
        return false;
    }
    emojis::get(g).is_some() || emojis::get(g.trim_end_matches('\u{fe0f}')).is_some()
}

/// Mastodon's StatusLengthValidator: URLs with a scheme count 23, remote mentions count as the
/// local part, then grapheme clusters.
pub fn mastodon_length(text: &str) -> usize {
    let mut finder = linkify::LinkFinder::new();
    finder.kinds(&[linkify::LinkKind::Url]);
    let mut total = 0;
    let mut last = 0;
    for link in finder.links(text) {
        let s = link.as_str().to_ascii_lowercase();
        if !(s.starts_with("http://") || s.starts_with("https://")) {
            continue;
        }
        total += mastodon_plain(&text[last..link.start()]);
        total += 23;
        last = link.end();
    }
    total + mastodon_plain(&text[last..])
}

fn mastodon_plain(text: &str) -> usize {
    // `@alice@example.social` counts as `@alice`.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('@') {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let prev_ok = before
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '/' || c == '_'));
        let user: String = after[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let tail = &after[1 + user.len()..];
        if prev_ok && !user.is_empty() && tail.starts_with('@') {
            let host: String = tail[1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
                .collect();
            let host = host.trim_end_matches(['.', '-']);
            if host.contains('.') {
                out.push('@');
                out.push_str(&user);
                rest = &tail[1 + host.len()..];
                continue;
            }
        }
        out.push('@');
        rest = &after[1..];
    }
    out.push_str(rest);
    out.graphemes(true).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_counts_as_twitter_text() {
        let x = Counting::Twitter;
        assert_eq!(x.count("Hi http://test.co"), 26);
        assert_eq!(x.count("Voir alti.fr/hiver !"), 5 + 23 + 2);
        // Found by `fuzz/` (the counting target): the twitter-text crate sliced inside a
        // character on this text and panicked.
        let text = "Marre chle matinalti.examp\u{fffd}\u{fffd}\u{7ff}\u{fffd}\u{fffd}\u{fffd}\u{fffd}e@example\u{48a}/a?b=4 et alti.example @alice@example\u{48a}ocial #HiverActif";
        let n = x.count(text);
        assert!(n > 50 && n < 300, "{n}");
    }

    #[test]
    fn mastodon_rules() {
        assert_eq!(
            mastodon_length("https://example.com/a/very/long/path/indeed"),
            23
        );
        assert_eq!(
            mastodon_length("hi @alice@example.social"),
            "hi @alice".len()
        );
        assert_eq!(mastodon_length("example.com"), 11);
        assert_eq!(mastodon_length("écrit par e\u{301}"), 11);
    }

    #[test]
    fn other_modes() {
        let s = "👍🏽 été";
        assert_eq!(Counting::Graphemes.count(s), 5);
        assert_eq!(Counting::Characters.count(s), 6);
        assert_eq!(Counting::Utf16.count(s), 8);
        assert_eq!(Counting::Bytes.count(s), 14);
        assert_eq!(Counting::Threads.count(s), 8 + 4);
    }
}
