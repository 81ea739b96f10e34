//! The Markdown body of a post: the shared text and its `::: network` sections.

use std::collections::BTreeMap;

use crate::diagnostics::{Code, Diagnostic, Pos};

/// A `::: network` … `:::` block that replaces the shared text on one network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// As written after `:::` (not yet resolved to a network id).
    pub network: String,
    /// The text between the fences. Lines are kept so positions map back to the file.
    pub text: String,
    /// File line of the `::: network` line.
    pub line: usize,
    /// Column of the network id on that line.
    pub column: usize,
    /// File line of the first text line.
    pub text_line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// The body with every section replaced by empty lines, so line N of `shared` is line
    /// `line + N - 1` of the file.
    pub shared: String,
    /// File line of the first body line.
    pub line: usize,
    pub sections: Vec<Section>,
}

impl Body {
    /// File line of the first line of the shared text that shows (not blank, not a comment).
    pub fn shared_first_line(&self) -> usize {
        self.shared
            .lines()
            .position(|l| {
                let t = l.trim();
                !(t.is_empty() || t.starts_with("<!--") && t.ends_with("-->"))
            })
            .map_or(self.line, |i| self.line + i)
    }

    pub fn section(&self, network: &str) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| crate::load::networks::canonical_id(&s.network) == network)
    }
}

fn fence_network(line: &str) -> Option<(&str, usize)> {
    let rest = line.strip_prefix(":::")?;
    let name = rest.trim();
    if name.is_empty() {
        return None;
    }
    let col = 4 + rest.len() - rest.trim_start().len();
    Some((name, col))
}

fn is_closing(line: &str) -> bool {
    line.trim_end() == ":::"
}

/// Splits the body; an unclosed section runs to the end of the file and is reported.
pub fn parse(
    body: &str,
    first_line: usize,
    file: &str,
    diags: &mut Vec<Diagnostic>,
    lang: crate::base::l10n::Language,
) -> Body {
    let mut shared = String::with_capacity(body.len());
    let mut sections = Vec::new();
    let mut open: Option<Section> = None;
    let mut in_code = false;
    for (i, raw) in body.split_inclusive('\n').enumerate() {
        let line_no = first_line + i;
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
        }
        if open.is_some() {
            if !in_code && is_closing(line) {
                sections.extend(open.take());
            } else if let Some(sec) = open.as_mut() {
                sec.text.push_str(line);
                sec.text.push('\n');
            }
            shared.push('\n');
            continue;
        }
        if !in_code && let Some((name, column)) = fence_network(line) {
            open = Some(Section {
                network: name.to_string(),
                text: String::new(),
                line: line_no,
                column,
                text_line: line_no + 1,
            });
            shared.push('\n');
            continue;
        }
        shared.push_str(line);
        shared.push('\n');
    }
    if let Some(sec) = open {
        diags.push(
            Diagnostic::new(
                Code::VariantUnclosedSection,
                file,
                Pos::new(sec.line, 1),
                crate::base::l10n::t!(lang, "section-not-closed", network = sec.network.as_str()),
            )
            .with_help(crate::base::l10n::t!(lang, "section-not-closed-help"))
            .with_span(4 + sec.network.chars().count()),
        );
        sections.push(sec);
    }
    Body {
        shared,
        line: first_line,
        sections,
    }
}

/// `<!-- trame-ignore code … -->` (body) or `# trame-ignore code …` (front matter) on a line
/// silences those codes on the next line. Returns line → codes.
pub fn ignores(text: &str) -> BTreeMap<usize, Vec<String>> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        let inner = t
            .strip_prefix("<!--")
            .and_then(|r| r.strip_suffix("-->"))
            .or_else(|| t.strip_prefix('#'))
            .map(str::trim);
        let Some(rest) = inner.and_then(|s| s.strip_prefix("trame-ignore")) else {
            continue;
        };
        if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let codes: Vec<String> = rest
            .split([' ', ','])
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        let codes = if codes.is_empty() {
            vec!["*".to_string()]
        } else {
            codes
        };
        out.insert(i + 2, codes);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_and_shared_text_keep_their_lines() {
        let mut d = Vec::new();
        let b = parse(
            "Partout.\n\n::: x\nCourt.\n:::\n\nFin.\n",
            5,
            "f.md",
            &mut d,
            crate::base::l10n::Language::En,
        );
        assert!(d.is_empty());
        assert_eq!(b.sections.len(), 1);
        assert_eq!(b.sections[0].network, "x");
        assert_eq!(b.sections[0].text, "Court.\n");
        assert_eq!((b.sections[0].line, b.sections[0].text_line), (7, 8));
        assert_eq!(b.shared, "Partout.\n\n\n\n\n\nFin.\n");
    }

    #[test]
    fn unclosed_section_is_reported() {
        let mut d = Vec::new();
        let b = parse(
            "::: linkedin\nLong.\n",
            4,
            "f.md",
            &mut d,
            crate::base::l10n::Language::En,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "variant/unclosed-section");
        assert_eq!(d[0].line, 4);
        assert_eq!(b.sections[0].text, "Long.\n");
    }

    #[test]
    fn fences_inside_code_blocks_are_text() {
        let mut d = Vec::new();
        let b = parse(
            "```\n::: x\n```\n",
            1,
            "f.md",
            &mut d,
            crate::base::l10n::Language::En,
        );
        assert!(b.sections.is_empty());
    }

    #[test]
    fn ignore_comments() {
        let i = ignores(
            "a\n<!-- trame-ignore network/length network/fold -->\nb\n  # trame-ignore workflow/overdue\n",
        );
        assert_eq!(i[&3], ["network/length", "network/fold"]);
        assert_eq!(i[&5], ["workflow/overdue"]);
    }
}
