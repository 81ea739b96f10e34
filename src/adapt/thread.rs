//! Splitting a text too long for one post into numbered thread parts, at sentence boundaries.

use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into parts that each fit `limit` as measured by `count`, numbered ` 1/3`.
/// A sentence longer than the limit stays whole (and is reported by the caller).
pub fn split(text: &str, limit: usize, count: &dyn Fn(&str) -> usize) -> Vec<String> {
    // Blank lines between paragraphs are their own segments: keep them with the sentence before.
    let mut sentences: Vec<String> = Vec::new();
    for seg in sentence_pieces(text).into_iter().flat_map(split_paragraphs) {
        match sentences.last_mut() {
            Some(last) if seg.trim().is_empty() => last.push_str(seg),
            _ => sentences.push(seg.to_string()),
        }
    }
    if sentences.is_empty() {
        return vec![text.to_string()];
    }
    // The numbering takes room: guess the number of parts, pack, and repeat until it is stable.
    let mut total = 1;
    for _ in 0..8 {
        let parts = pack(&sentences, limit, total, count);
        if parts.len() == total {
            return number(parts);
        }
        total = parts.len();
    }
    number(pack(&sentences, limit, total, count))
}

/// Abbreviations a full stop ends without ending the sentence (lower case).
const ABBREVIATIONS: &[&str] = &[
    "m.", "mm.", "mme.", "mmes.", "mlle.", "mlles.", "dr.", "pr.", "me.", "st.", "ste.", "etc.",
    "p.", "ex.", "cf.", "env.", "av.", "apr.", "j.-c.", "n°.", "no.", "vol.", "chap.", "fig.",
    "mr.", "mrs.", "ms.", "e.g.", "i.e.", "vs.", "inc.", "ltd.", "jr.", "sr.", "approx.",
];

/// Whether the text before a sentence boundary ends with something a full stop does not end:
/// a list marker (`1.`, `2)`), an abbreviation (`M.`, `etc.`, `p. ex.`), an initial (`J.`).
fn ends_without_ending(before: &str) -> bool {
    let last = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    let lower = last.to_lowercase();
    let digits = lower.trim_end_matches(['.', ')']);
    let is_marker = lower.len() > digits.len()
        && !digits.is_empty()
        && digits.len() <= 3
        && digits.chars().all(|c| c.is_ascii_digit());
    let mut letters = last.chars();
    let is_initial = matches!(
        (letters.next(), letters.next(), letters.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    );
    is_marker || is_initial || ABBREVIATIONS.contains(&lower.as_str())
}

/// Sentences, never cutting inside a URL (`?` and `.` in links are not sentence ends), after a
/// list marker or an abbreviation.
fn sentence_pieces(text: &str) -> Vec<&str> {
    let urls = crate::adapt::url_ranges(text);
    let mut cuts: Vec<usize> = text
        .split_sentence_bound_indices()
        .map(|(i, _)| i)
        .filter(|i| *i > 0 && !urls.iter().any(|r| r.start < *i && *i < r.end))
        .filter(|i| !ends_without_ending(&text[..*i]))
        .collect();
    cuts.push(text.len());
    let mut out = Vec::with_capacity(cuts.len());
    let mut start = 0;
    for c in cuts {
        if c > start {
            out.push(&text[start..c]);
            start = c;
        }
    }
    out
}

/// Paragraph breaks are sentence boundaries too, even without a final full stop.
fn split_paragraphs(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find("\n\n") {
        out.push(&rest[..i + 2]);
        rest = &rest[i + 2..];
    }
    out.push(rest);
    out
}

fn suffix(i: usize, n: usize) -> String {
    format!(" {i}/{n}")
}

fn pack(
    sentences: &[String],
    limit: usize,
    total: usize,
    count: &dyn Fn(&str) -> usize,
) -> Vec<String> {
    let reserve = count(&suffix(total, total));
    let budget = limit.saturating_sub(reserve);
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    for s in sentences {
        let candidate = format!("{current}{s}");
        if current.is_empty() || count(candidate.trim()) <= budget {
            current = candidate;
        } else {
            parts.push(current.trim().to_string());
            current = s.trim_start().to_string();
        }
    }
    if !current.trim().is_empty() {
        parts.push(current.trim().to_string());
    }
    parts
}

fn number(parts: Vec<String>) -> Vec<String> {
    let n = parts.len();
    if n <= 1 {
        return parts;
    }
    parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| format!("{p}{}", suffix(i + 1, n)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> usize {
        s.chars().count()
    }

    #[test]
    fn splits_at_sentences_within_the_limit() {
        let text = "Première phrase assez longue. Deuxième phrase aussi longue. Troisième et dernière phrase.";
        let parts = split(text, 40, &chars);
        assert_eq!(parts.len(), 3, "{parts:?}");
        assert!(parts.iter().all(|p| chars(p) <= 40), "{parts:?}");
        assert_eq!(parts[0], "Première phrase assez longue. 1/3");
        assert!(parts[2].ends_with("3/3"));
    }

    #[test]
    fn urls_are_never_cut() {
        let text =
            "Une phrase. Le lien https://a.example/p?x=1&y=2 reste entier. Fin du texte ici.";
        let parts = split(text, 50, &chars);
        assert!(
            parts
                .iter()
                .any(|p| p.contains("https://a.example/p?x=1&y=2")),
            "{parts:?}"
        );
    }

    #[test]
    fn list_markers_abbreviations_and_decimals_are_not_sentence_ends() {
        let text = "Trois conseils de M. Martin, etc. pour bien marcher. 1. Une allure de 4.5 km/h au début, sans forcer. 2. Des bâtons réglés à la bonne hauteur, p. ex. au coude. 3. Une pause toutes les heures.";
        let parts = split(text, 70, &chars);
        assert!(parts.len() > 1, "{parts:?}");
        for p in &parts {
            let body = p.rsplit_once(' ').map_or(p.as_str(), |(b, _)| b);
            assert!(
                !body.ends_with(" 1.") && !body.ends_with(" 2.") && !body.ends_with(" 3."),
                "a part ends with a list marker: {parts:?}"
            );
            assert!(
                !body.ends_with(" M.") && !body.ends_with(" p."),
                "{parts:?}"
            );
            assert!(!body.ends_with("4."), "{parts:?}");
        }
        assert!(
            parts.iter().any(|p| p.starts_with("2. Des bâtons")),
            "{parts:?}"
        );
    }

    #[test]
    fn short_text_is_one_part_without_number() {
        assert_eq!(split("Court.", 280, &chars), ["Court."]);
    }

    #[test]
    fn an_overlong_sentence_stays_whole() {
        let long = format!("A{}", "a".repeat(50));
        let parts = split(&format!("Court. {long}."), 30, &chars);
        assert_eq!(parts.len(), 2);
        assert!(chars(&parts[1]) > 30);
    }
}
