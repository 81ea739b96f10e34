//! HTML helpers: escaping, highlighting a variant's text, sanitised Markdown, and the slots
//! that put kept chips into a rendered page.

use std::sync::Arc;

use super::file::OutFile;
use crate::adapt::url_ranges;
use crate::routes::OutPath;

pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Markdown → sanitised HTML (briefs, audit notes).
/// A message as HTML: escaped, its `code spans` (keys, values, commands to type) as `<code>`.
pub fn ticks_html(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    let mut out = String::with_capacity(s.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        // An odd part is inside backticks, unless it is the last one (no closing backtick).
        if i % 2 == 1 && i + 1 < parts.len() {
            out.push_str("<code>");
            out.push_str(&escape_html(part));
            out.push_str("</code>");
        } else {
            if i % 2 == 1 {
                out.push('`');
            }
            out.push_str(&escape_html(part));
        }
    }
    out
}

pub fn markdown_html(md: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(md));
    ammonia::clean(&html)
}

/// A variant's text as HTML: escaped, with hashtags, mentions and links highlighted.
pub fn highlight(text: &str) -> String {
    let mut marks: Vec<(usize, usize, &str)> = url_ranges(text)
        .into_iter()
        .map(|r| (r.start, r.end, "url"))
        .collect();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let boundary = prev.is_none_or(|p| !(p.is_alphanumeric() || p == '/' || p == '&'));
        if (c == '#' || c == '@') && boundary && !marks.iter().any(|m| m.0 <= i && i < m.1) {
            let end = text[i + 1..]
                .char_indices()
                .find(|(_, ch)| !(ch.is_alphanumeric() || matches!(ch, '_' | '.' | '@')))
                .map_or(text.len(), |(j, _)| i + 1 + j);
            let end = text[..end].trim_end_matches('.').len();
            if end > i + 1 {
                marks.push((i, end, if c == '#' { "tag" } else { "mention" }));
            }
        }
        prev = Some(c);
    }
    marks.sort_by_key(|m| m.0);
    let mut out = String::new();
    let mut last = 0;
    for (s, e, kind) in marks {
        if s < last {
            continue;
        }
        out.push_str(&escape_html(&text[last..s]));
        out.push_str(&format!(
            "<span class=\"{kind}\">{}</span>",
            escape_html(&text[s..e])
        ));
        last = e;
    }
    out.push_str(&escape_html(&text[last..]));
    out
}

/// Rendered chips kept out of the template data: handlebars copies its data into every partial
/// block and loop, which for the board and the list is megabytes per render. A page puts a
/// marker where a group of chips goes; [`Slots::page`] cuts the rendered page at the markers
/// and puts the chips there, as pieces of the file. The marker holds a random number, so no
/// text of a post can pass for one.
pub struct Slots {
    open: String,
    groups: Vec<Vec<Arc<str>>>,
}

const SLOT_MARK: char = '\u{E000}';

impl Default for Slots {
    fn default() -> Slots {
        Slots::new()
    }
}

impl Slots {
    pub fn new() -> Slots {
        use std::hash::{BuildHasher, Hasher};
        let nonce = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        Slots {
            open: format!("{SLOT_MARK}trame{nonce:016x}:"),
            groups: Vec::new(),
        }
    }

    pub fn put(&mut self, chips: Vec<Arc<str>>) -> String {
        if chips.is_empty() {
            return String::new();
        }
        self.groups.push(chips);
        format!("{}{}{SLOT_MARK}", self.open, self.groups.len() - 1)
    }

    /// The file of a rendered page, with each marker replaced by its chips.
    pub fn page(self, path: OutPath, html: String) -> OutFile {
        if self.groups.is_empty() {
            return OutFile::new(path, html);
        }
        let mut pieces: Vec<Arc<str>> = Vec::new();
        let mut rest = html.as_str();
        while let Some(at) = rest.find(&self.open) {
            let after = &rest[at + self.open.len()..];
            let Some((k, tail)) = after.split_once(SLOT_MARK) else {
                break;
            };
            let Some(group) = k.parse::<usize>().ok().and_then(|k| self.groups.get(k)) else {
                break;
            };
            pieces.push(rest[..at].into());
            pieces.extend(group.iter().cloned());
            rest = tail;
        }
        pieces.push(rest.into());
        OutFile::pieces(path, pieces)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_of_a_message_become_code_and_the_rest_is_escaped() {
        assert_eq!(
            ticks_html("écrivez `title:` <ici> et `a` puis ` seul"),
            "écrivez <code>title:</code> &lt;ici&gt; et <code>a</code> puis ` seul"
        );
    }

    #[test]
    fn chips_go_where_their_marker_is_and_nowhere_else() {
        let mut slots = Slots::new();
        let chips: Vec<Arc<str>> = vec!["<li>a</li>".into(), "<li>b</li>".into()];
        assert_eq!(
            slots.put(Vec::new()),
            "",
            "no chips: `{{#if}}` must see nothing"
        );
        let mark = slots.put(chips);
        // A marker with another number (as a post title could hold) stays text.
        let forged = Slots::new().put(vec!["<script>".into()]);
        let html = format!("<ul>{mark}</ul><p>{forged}</p><ol>{mark}</ol>");
        let page = slots.page(crate::routes::index(), html);
        let text = String::from_utf8(page.body.to_vec()).unwrap_or_default();
        assert_eq!(
            text,
            format!("<ul><li>a</li><li>b</li></ul><p>{forged}</p><ol><li>a</li><li>b</li></ol>")
        );
    }
}
