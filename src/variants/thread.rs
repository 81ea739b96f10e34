//! Splitting a text too long for one post into numbered thread parts, at sentence boundaries.

use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into parts that each fit `limit` as measured by `count`, numbered ` 1/3`.
/// A sentence longer than the limit stays whole (and is reported by the caller).
pub fn split(text: &str, limit: usize, count: &dyn Fn(&str) -> usize) -> Vec<String> {
    let sentences: Vec<&str> = text
        .split_sentence_bounds()
        .flat_map(split_paragraphs)
        .filter(|s| !s.trim().is_empty())
        .collect();
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

fn pack(sentences: &[&str], limit: usize, total: usize, count: &dyn Fn(&str) -> usize) -> Vec<String> {
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
