//! Markdown → the plain text networks take: paragraphs kept, emphasis unwrapped, links written
//! as `text (URL)`, list items as `•` lines, raw HTML dropped.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// List levels indented in plain text (a fourth level and deeper share the third's indent).
const MAX_INDENT: usize = 3;

struct Writer {
    out: String,
    /// A separator to write before the next text ("\n\n" between blocks, "\n" between items).
    pending: Option<&'static str>,
    lists: Vec<Option<u64>>,
    /// Just wrote a bullet: the item's first paragraph goes on the same line.
    after_bullet: bool,
    links: Vec<(String, usize)>,
    image_depth: usize,
}

impl Writer {
    fn block(&mut self) {
        if !self.out.is_empty() && !self.after_bullet {
            self.pending = Some("\n\n");
        }
    }

    fn write(&mut self, s: &str) {
        if s.is_empty() || self.image_depth > 0 {
            return;
        }
        if let Some(sep) = self.pending.take() {
            let trimmed = self.out.trim_end_matches([' ', '\n']).len();
            self.out.truncate(trimmed);
            self.out.push_str(sep);
        }
        self.after_bullet = false;
        self.out.push_str(s);
    }
}

/// Renders Markdown as plain text. Single line breaks are kept (social posts are written line
/// by line), so what the writer sees in the file is what the network shows.
pub fn to_plain(md: &str) -> String {
    let mut w = Writer {
        out: String::with_capacity(md.len()),
        pending: None,
        lists: Vec::new(),
        after_bullet: false,
        links: Vec::new(),
        image_depth: 0,
    };
    let opts = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::HtmlBlock => {
                    w.block()
                }
                Tag::Heading { .. } => w.block(),
                Tag::List(start) => {
                    if w.lists.is_empty() {
                        w.block();
                    }
                    w.lists.push(start);
                }
                Tag::Item => {
                    if !w.out.is_empty() {
                        w.pending = Some(if w.pending == Some("\n\n") {
                            "\n\n"
                        } else {
                            "\n"
                        });
                    }
                    let depth = w.lists.len().saturating_sub(1);
                    let bullet = match w.lists.last_mut() {
                        Some(Some(n)) => {
                            let b = format!("{n}. ");
                            *n += 1;
                            b
                        }
                        _ => String::from("• "),
                    };
                    // Networks show a few levels at most; deeper ones stay at the last indent, so
                    // that a text of nested markers cannot grow quadratically (`- - - - …`).
                    let indent = "  ".repeat(depth.min(MAX_INDENT));
                    w.write(&format!("{indent}{bullet}"));
                    w.after_bullet = true;
                }
                Tag::Link { dest_url, .. } => {
                    let start = w.out.len();
                    w.links.push((dest_url.to_string(), start));
                }
                Tag::Image { .. } => w.image_depth += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::List(_) => {
                    w.lists.pop();
                    if w.lists.is_empty() {
                        w.after_bullet = false;
                        w.pending = None;
                        w.block();
                    }
                }
                TagEnd::Link => {
                    if let Some((dest, start)) = w.links.pop() {
                        let text = w.out.get(start..).unwrap_or_default().trim().to_string();
                        let bare = dest.strip_prefix("mailto:").unwrap_or(&dest);
                        if text.is_empty() {
                            w.write(bare);
                        } else if text != dest && text != bare && !dest.starts_with('#') {
                            w.write(&format!(" ({bare})"));
                        }
                    }
                }
                TagEnd::Image => w.image_depth = w.image_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => w.write(&t),
            Event::SoftBreak | Event::HardBreak => {
                if w.image_depth == 0 {
                    w.out.push('\n');
                }
            }
            Event::Rule => {
                w.block();
                w.write("—");
                w.block();
            }
            Event::TaskListMarker(done) => w.write(if done { "☑ " } else { "☐ " }),
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::FootnoteReference(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {}
        }
    }
    w.out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_emphasis() {
        assert_eq!(
            to_plain("Bonjour **à tous** et _bienvenue_.\n\nDeuxième ligne."),
            "Bonjour à tous et bienvenue.\n\nDeuxième ligne."
        );
    }

    #[test]
    fn line_breaks_are_kept() {
        assert_eq!(to_plain("Ligne un\nLigne deux"), "Ligne un\nLigne deux");
    }

    #[test]
    fn links() {
        assert_eq!(
            to_plain("Voir [notre guide](https://alti.example/guide) et <https://alti.example>."),
            "Voir notre guide (https://alti.example/guide) et https://alti.example."
        );
    }

    #[test]
    fn lists() {
        assert_eq!(
            to_plain("Au programme :\n\n- marche\n- **yoga**\n\nFin."),
            "Au programme :\n\n• marche\n• yoga\n\nFin."
        );
        assert_eq!(to_plain("1. un\n2. deux"), "1. un\n2. deux");
    }

    #[test]
    fn html_and_images_are_dropped() {
        assert_eq!(
            to_plain(
                "<!-- trame-ignore network/fold -->\nTexte <b>gras</b>\n\n![photo](media/a.jpg)"
            ),
            "Texte gras"
        );
    }
}
