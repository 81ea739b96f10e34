//! Text helpers shared by the rules: what is prose, words, and mapping a place in a variant's
//! text back to the source file.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::adapt::Variant;
use crate::diagnostics::Pos;
use crate::load::content::Post;

/// URLs, @mentions and #hashtags: not prose (no spelling, no typography, no address).
pub fn skip_ranges(text: &str) -> Vec<Range<usize>> {
    let mut finder = linkify::LinkFinder::new();
    finder.kinds(&[linkify::LinkKind::Url, linkify::LinkKind::Email]);
    finder.url_must_have_scheme(true);
    let mut out: Vec<Range<usize>> = if text.contains([':', '@']) {
        finder.links(text).map(|l| l.start()..l.end()).collect()
    } else {
        Vec::new()
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if (c == b'#' || c == b'@')
            && (i == 0
                || !text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric))
        {
            let end = text[i + 1..]
                .char_indices()
                .find(|(_, ch)| !(ch.is_alphanumeric() || matches!(ch, '_' | '.' | '-' | '@')))
                .map_or(text.len(), |(j, _)| i + 1 + j);
            let end = text[..end].trim_end_matches(['.', '-']).len().max(i + 1);
            if end > i + 1 {
                out.push(i..end);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    out.sort_by_key(|r| r.start);
    out
}

pub fn in_skip(skip: &[Range<usize>], at: usize) -> bool {
    skip.iter().any(|r| r.start <= at && at < r.end)
}

/// Words of prose (Unicode word boundaries, elisions kept whole: `l’été`), outside skips.
pub fn words<'a>(text: &'a str, skip: &[Range<usize>]) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    for (i, w) in text.unicode_word_indices() {
        if in_skip(skip, i) {
            continue;
        }
        // U+202F (the narrow no-break space of French typography) joins words for UAX #29
        // (ExtendNumLet): "connu\u{202f};" would be one word. Split there.
        if !w.contains(['\u{202f}', '\u{a0}']) {
            out.push((i, w));
            continue;
        }
        let mut start = 0;
        for (j, c) in w.char_indices() {
            if c == '\u{202f}' || c == '\u{a0}' {
                if j > start {
                    out.push((i + start, &w[start..j]));
                }
                start = j + c.len_utf8();
            }
        }
        if start < w.len() {
            out.push((i + start, &w[start..]));
        }
    }
    out
}

/// Ranges inside quotes (« », “ ”, " "): quoted speech is not the brand's voice.
pub fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '«') => open = Some(('»', i)),
            (None, '“') => open = Some(('”', i)),
            (None, '"') => open = Some(('"', i)),
            (Some((close, start)), ch) if ch == close => {
                out.push(start..i + ch.len_utf8());
                open = None;
            }
            (Some(_), '\n') if text[..i].ends_with('\n') => open = None,
            _ => {}
        }
    }
    out
}

/// Where a byte range of a variant's text comes from in the post's file, the length of the
/// caret, and whether the place is in a network's own section.
pub fn locate(post: &Post, v: &Variant, text: &str, range: Range<usize>) -> (Pos, usize, bool) {
    let needle = text.get(range.clone()).unwrap_or_default();
    let span = needle.chars().count().max(1);
    if needle.is_empty() {
        return (v.source.pos, 1, v.source.section);
    }
    let ordinal = text[..range.start].matches(needle).count();
    let src = &v.source.markdown;
    if let Some((i, _)) = src
        .match_indices(needle)
        .nth(ordinal)
        .or_else(|| src.match_indices(needle).next())
    {
        return (v.source.pos_of(i), span, v.source.section);
    }
    if let Some(pos) = locate_in_fields(post, needle) {
        return (pos, span, false);
    }
    // Markdown may have changed the text around it: try the longest word of the needle.
    if let Some(word) = needle.unicode_words().max_by_key(|w| w.len())
        && word.len() >= 3
        && let Some(i) = src.find(word)
    {
        return (v.source.pos_of(i), word.chars().count(), v.source.section);
    }
    (v.source.pos, 1, v.source.section)
}

/// Finds text that came from a front-matter field (hashtags, link, first comment, title).
pub fn locate_in_fields(post: &Post, needle: &str) -> Option<Pos> {
    let bare = needle.trim_start_matches('#').to_lowercase();
    let mut tag_lists: Vec<(&str, &[(String, Pos)])> = vec![("hashtags", &post.hashtags)];
    for ov in post.variants.values() {
        if let Some(h) = &ov.hashtags {
            tag_lists.push(("", h));
        }
    }
    for (_, list) in tag_lists {
        if let Some((_, pos)) = list
            .iter()
            .find(|(t, _)| t.trim_start_matches('#').to_lowercase() == bare)
        {
            return Some(*pos);
        }
    }
    if let Some((link, pos)) = &post.link
        && (needle.starts_with(link.as_str()) || link.contains(needle))
    {
        return Some(*pos);
    }
    for ov in post.variants.values() {
        if let Some((link, pos)) = &ov.link
            && (needle.starts_with(link.as_str()) || link.contains(needle))
        {
            return Some(*pos);
        }
    }
    if post
        .first_comment
        .as_deref()
        .is_some_and(|c| c.contains(needle))
    {
        return Some(post.index().value_pos("first_comment"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_urls_mentions_hashtags() {
        let t = "Voir https://a.fr/x avec @alti_sport et #RandoHiver, mail@ici.fr";
        let s = skip_ranges(t);
        let skipped: Vec<&str> = s.iter().map(|r| &t[r.clone()]).collect();
        assert!(skipped.contains(&"https://a.fr/x"));
        assert!(skipped.contains(&"@alti_sport"));
        assert!(skipped.contains(&"#RandoHiver"));
    }

    #[test]
    fn words_keep_elisions() {
        let t = "L’été d’Alti, aujourd’hui";
        let w: Vec<&str> = words(t, &[]).into_iter().map(|(_, w)| w).collect();
        assert_eq!(w, ["L’été", "d’Alti", "aujourd’hui"]);
    }

    #[test]
    fn narrow_spaces_split_words() {
        let t = "un parcours connu\u{202f}; et «\u{a0}vous\u{a0}»";
        let w: Vec<&str> = words(t, &[]).into_iter().map(|(_, w)| w).collect();
        assert_eq!(w, ["un", "parcours", "connu", "et", "vous"]);
    }

    #[test]
    fn quotes() {
        let t = "Elle dit « vous verrez » et \"tu\" aussi";
        let q = quoted_ranges(t);
        assert_eq!(q.len(), 2);
        assert!(t[q[0].clone()].contains("vous"));
    }
}
