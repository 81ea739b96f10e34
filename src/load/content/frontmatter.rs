//! Splits a content file into its YAML front matter and its Markdown body.

use crate::base::l10n::Language;
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos};

/// The two parts of a content file, with the file lines where each starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// File line of the first YAML line.
    pub yaml_line: usize,
    pub body: &'a str,
    /// File line of the first body line.
    pub body_line: usize,
}

/// `---\n<YAML>\n---\n<body>`; the closing line may also be `...`.
pub fn split<'a>(text: &'a str, file: &str, lang: Language) -> Result<Split<'a>, Box<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::new(
                Code::FrontmatterMissingDelimiter,
                file,
                Pos::START,
                t!(lang, "frontmatter-empty-file"),
            )
            .with_help(t!(lang, "frontmatter-empty-file-help")),
        ));
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "---" {
        return Err(Box::new(
            Diagnostic::new(
                Code::FrontmatterMissingDelimiter,
                file,
                Pos::START,
                t!(lang, "frontmatter-no-start"),
            )
            .with_help(t!(lang, "frontmatter-no-start-help"))
            .with_span(first.trim_end().chars().count()),
        ));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (line, l) in (2..).zip(lines) {
        let t = l.trim_end();
        if t == "---" || t == "..." {
            let yaml = &text[yaml_start..offset];
            let body_start = offset + l.len();
            return Ok(Split {
                yaml,
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err(Box::new(
        Diagnostic::new(
            Code::FrontmatterMissingDelimiter,
            file,
            Pos::START,
            t!(lang, "frontmatter-not-closed"),
        )
        .with_help(t!(lang, "frontmatter-not-closed-help"))
        .with_span(3),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("---\ntitle: a\n---\nbody\n", "f.md", Language::En)
            .unwrap_or_else(|d| panic!("{d:?}"));
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(s.body, "body\n");
        assert_eq!((s.yaml_line, s.body_line), (2, 4));
    }

    #[test]
    fn empty_front_matter_and_no_body() {
        let s = split("---\n---", "f.md", Language::En).unwrap_or_else(|d| panic!("{d:?}"));
        assert_eq!((s.yaml, s.body), ("", ""));
    }

    #[test]
    fn problems() {
        let code = |t: &str| split(t, "f.md", Language::En).err().map(|d| d.message);
        assert_eq!(code("").as_deref(), Some("the file is empty"));
        assert!(
            code("title: a\n")
                .unwrap_or_default()
                .contains("does not start")
        );
        assert!(
            code("---\ntitle: a\n")
                .unwrap_or_default()
                .contains("never closed")
        );
    }
}
