//! A feed's items as trame keeps them: RSS 0.x/1.0/2.0, Atom and JSON Feed read by feed-rs,
//! then every title and summary reduced to plain text (no tag, no script, no entity), the
//! address checked, the date taken from the item. Google Alerts' addresses are unwrapped (they
//! point to a google.com redirect); Mastodon and Bluesky items, which have no title, take the
//! start of their text.

use jiff::Timestamp;

/// Characters of a title, of a summary: a note is a reminder, not a copy of the article.
pub const MAX_TITLE: usize = 160;
pub const MAX_SUMMARY: usize = 1200;

/// One item of a feed, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The item's own id (RSS guid, Atom id), or feed-rs's hash of its link and title.
    pub guid: String,
    pub title: String,
    pub url: Option<String>,
    pub date: Option<Timestamp>,
    pub summary: String,
}

/// The items of a feed (any of the formats), or what is wrong with it.
pub fn parse(bytes: &[u8], base: &str) -> Result<Vec<Item>, String> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(base))
        .sanitize_content(false)
        .build()
        .parse(bytes)
        .map_err(|e| e.to_string())?;
    Ok(feed.entries.into_iter().map(item).collect())
}

fn item(e: feed_rs::model::Entry) -> Item {
    let summary_html = e
        .summary
        .as_ref()
        .map(|t| t.content.clone())
        .filter(|s| !s.trim().is_empty())
        .or_else(|| e.content.as_ref().and_then(|c| c.body.clone()))
        .or_else(|| {
            e.media
                .iter()
                .find_map(|m| m.description.as_ref().map(|d| d.content.clone()))
        })
        .unwrap_or_default();
    let summary = cut(&plain_text(&summary_html), MAX_SUMMARY);
    let title = e
        .title
        .as_ref()
        .map(|t| one_line(&plain_text(&t.content)))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| one_line(&summary));
    let url = e
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(e.links.first())
        .and_then(|l| web_address(&l.href));
    let date = e
        .published
        .or(e.updated)
        .and_then(|d| Timestamp::from_second(d.timestamp()).ok());
    Item {
        guid: e.id.chars().filter(|c| !c.is_control()).take(500).collect(),
        title: cut(&title, MAX_TITLE),
        url,
        date,
        summary,
    }
}

/// An http(s) address as it can go into a note, or None. A Google Alerts link
/// (`https://www.google.com/url?…&url=<the article>&…`) becomes the article's address.
pub fn web_address(href: &str) -> Option<String> {
    let u = url::Url::parse(href.trim()).ok()?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        return None;
    }
    if u.host_str().is_some_and(|h| h.ends_with("google.com"))
        && u.path() == "/url"
        && let Some((_, target)) = u.query_pairs().find(|(k, _)| k == "url" || k == "q")
        && let Some(inner) = web_address(&target)
    {
        return Some(inner);
    }
    Some(u.to_string())
}

/// The text of a piece of HTML: tags dropped (scripts and styles with their content),
/// entities decoded, one line per paragraph, spaces collapsed.
pub fn plain_text(html: &str) -> String {
    // Block ends become line breaks before the tags go.
    static BLOCKS: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let blocks = BLOCKS.get_or_init(|| {
        regex::Regex::new(r"(?i)<br\s*/?>|</(p|div|li|h[1-6]|blockquote|tr|section|article)\s*>")
            .ok()
    });
    let marked = match blocks {
        Some(r) => r.replace_all(html, "$0\n").into_owned(),
        None => html.to_string(),
    };
    let text = ammonia::Builder::empty().clean(&marked).to_string();
    let decoded = decode_entities(&text);
    let mut lines: Vec<String> = Vec::new();
    for line in decoded.lines() {
        let l = one_line(line);
        if !l.is_empty() {
            lines.push(l);
        }
    }
    lines.join("\n\n")
}

/// The entities the HTML serialiser writes in text (ammonia's output is serialised HTML).
fn decode_entities(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// One line, single spaces, no control or invisible formatting character (a bidi override in
/// a title would turn the site's text around).
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'))
        .collect::<String>()
        // No-break spaces stay: French typography puts them before « : ; ! ? ».
        .split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// At most `max` characters, cut at a word with "…".
pub fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max).collect();
    let at = head
        .rfind(' ')
        .filter(|i| *i > max / 2)
        .unwrap_or(head.len());
    format!("{}…", head[..at].trim_end())
}

/// The watched words found in a text, case and accents aside, each as a whole word (`Alti`
/// is not in "altitude").
pub fn matched(text: &str, keywords: &[String]) -> Vec<String> {
    let hay = crate::base::text::fold(text);
    let mut out: Vec<String> = Vec::new();
    for k in keywords {
        let needle = crate::base::text::fold(k.trim());
        if needle.is_empty() || out.contains(k) {
            continue;
        }
        let found = hay.match_indices(&needle).any(|(i, _)| {
            let before = hay[..i].chars().next_back();
            let after = hay[i + needle.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
        if found {
            out.push(k.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_text_without_scripts() {
        let t = plain_text(
            "<p>Les <b>bâtons</b> &amp; l&#39;été</p><script>alert(1)</script><p>Fin&nbsp;!</p>",
        );
        assert_eq!(t, "Les bâtons & l'été\n\nFin\u{a0}!");
        assert_eq!(
            plain_text("&lt;script&gt;x&lt;/script&gt;"),
            "<script>x</script>"
        );
    }

    #[test]
    fn google_alerts_links_are_unwrapped() {
        assert_eq!(
            web_address(
                "https://www.google.com/url?rct=j&sa=t&url=https://journal.example/alti%3Fa%3D1&ct=ga"
            )
            .as_deref(),
            Some("https://journal.example/alti?a=1")
        );
        assert_eq!(web_address("javascript:alert(1)"), None);
    }

    #[test]
    fn keywords_are_whole_words_whatever_the_accents() {
        let k = vec!["Alti".to_string(), "randonnée".to_string()];
        assert_eq!(matched("La RANDONNEE avec Alti !", &k), k);
        assert!(matched("En altitude", &k).is_empty());
    }

    #[test]
    fn cuts_at_a_word() {
        assert_eq!(cut("un deux trois quatre", 12), "un deux…");
        assert_eq!(one_line("a\u{202e}b\nc"), "ab c");
    }
}
