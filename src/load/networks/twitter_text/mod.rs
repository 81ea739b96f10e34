//! X's weighted length: twitter-text's v3 counting (`TwitterTextParser.parseTweet` of
//! https://github.com/twitter/twitter-text, Apache License 2.0), with its URL finder in
//! [`urls`]. Checked against the project's conformance suite by `tests/twitter_conformance.rs`.
//!
//! Written here rather than taken from the twitter-text crate: that crate pulled 89 crates (a
//! C++ bridge and a parser generator among them) into every build for this one sum, and its
//! parser took time quadratic in a word's length and panicked on some inputs.

pub mod urls;

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;

/// twitter-text's `config/v3.json`: weights are in hundredths of a character.
mod v3 {
    pub const SCALE: u32 = 100;
    pub const DEFAULT_WEIGHT: u32 = 200;
    pub const TRANSFORMED_URL_LENGTH: u32 = 23;
    /// Code points that weigh one character; every other weighs [`DEFAULT_WEIGHT`].
    pub const RANGES: [(u32, u32, u32); 4] = [
        (0, 4351, 100),
        (8192, 8205, 100),
        (8208, 8223, 100),
        (8242, 8247, 100),
    ];
}

/// The weighted length of `text` as X counts it: the NFC text, every URL (with or without
/// scheme) as 23, every emoji as 2, Latin, Cyrillic, Greek and common punctuation as 1, the
/// rest (CJK, for instance) as 2.
pub fn weighted_length(text: &str) -> usize {
    let text: Cow<str> = if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    };
    let mut weight = 0u64;
    let mut last = 0;
    for url in urls::extract(&text) {
        weight += plain_weight(&text[last..url.range.start]);
        weight += u64::from(v3::TRANSFORMED_URL_LENGTH * v3::SCALE);
        last = url.range.end;
    }
    weight += plain_weight(&text[last..]);
    usize::try_from(weight / u64::from(v3::SCALE)).unwrap_or(usize::MAX)
}

/// Text without URLs: an emoji sequence weighs the default weight whatever its length.
fn plain_weight(text: &str) -> u64 {
    text.graphemes(true).map(cluster_weight).sum()
}

/// A user-perceived character: an emoji (sequence) weighs the default weight. A cluster the
/// emoji data does not list as a whole (`®` + ZWJ, `😷` + VS16) is read as twitter-text's emoji
/// pattern reads it: the longest emoji at each point, each other character by its weight.
fn cluster_weight(g: &str) -> u64 {
    if g.is_ascii() {
        return g.len() as u64 * u64::from(v3::SCALE);
    }
    if is_emoji_sequence(g) {
        return u64::from(v3::DEFAULT_WEIGHT);
    }
    let mut weight = 0;
    let mut rest = g;
    while let Some(c) = rest.chars().next() {
        let emoji = rest
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .rev()
            .find(|&end| is_emoji_sequence(&rest[..end]));
        let end = match emoji {
            Some(end) => {
                weight += u64::from(v3::DEFAULT_WEIGHT);
                end
            }
            None => {
                weight += u64::from(char_weight(c));
                c.len_utf8()
            }
        };
        rest = &rest[end..];
    }
    weight
}

fn char_weight(c: char) -> u32 {
    let c = u32::from(c);
    v3::RANGES
        .iter()
        .find(|(start, end, _)| (*start..=*end).contains(&c))
        .map_or(v3::DEFAULT_WEIGHT, |(_, _, w)| *w)
}

/// An emoji as the emoji data writes it: with or without the variation selector for those
/// shown as text by default (`❤`, `❤️`), without it for the others (`😷`, not `😷️`), as
/// twitter-text's emoji pattern takes them.
fn is_emoji_sequence(g: &str) -> bool {
    emojis::get(g).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_as_x() {
        assert_eq!(weighted_length("Hi http://test.co"), 26);
        assert_eq!(weighted_length("H🐱☺👨‍👩‍👧‍👦"), 7);
        assert_eq!(weighted_length("🙋🏽👨‍🎤"), 4);
        assert_eq!(weighted_length("cafe\u{301}"), 4);
        assert_eq!(weighted_length("1⃣"), 2);
        // An emoji with marks after it that the emoji data does not list: the marks count.
        assert_eq!(weighted_length("®\u{200d}"), 3);
        assert_eq!(weighted_length("😷\u{fe0f}"), 4);
        assert_eq!(weighted_length("©\u{200d}©"), 5);
        // Two flags side by side are two emoji.
        assert_eq!(weighted_length("🇫🇷🇫🇷"), 4);
        assert_eq!(weighted_length("故人"), 4);
        assert_eq!(weighted_length("see example.com now"), 4 + 23 + 4);
    }

    #[test]
    fn long_texts_count_in_linear_time() {
        assert_eq!(weighted_length(&"a".repeat(200_000)), 200_000);
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}";
        assert_eq!(weighted_length(&family.repeat(400)), 800);
        let sentence = "Marcher le matin 🏔️ https://alti.example/a?utm=1 et alti.example ! ";
        assert_eq!(
            weighted_length(&sentence.repeat(2000)),
            weighted_length(sentence) * 2000
        );
    }
}
