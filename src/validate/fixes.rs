//! The corrections trame is certain of (`trame fix`, and `check --format json` for editors).
//! A rule proposes one where it found the problem; it is kept only if the file holds exactly
//! the text it replaces at that place, outside code (a `` `span` `` or a fenced block, which
//! trame never edits). A front-matter value may be quoted, or written without its `#`: the fix
//! is moved onto the value as written.

use std::ops::Range;

use crate::base::l10n::{Language, t};
use crate::diagnostics::{Diagnostic, Fix};

/// Keeps the fixes of `diags` (all of one file, whose text is `source`) that are certain, and
/// says so in their help; drops the others.
pub fn verify(diags: &mut [Diagnostic], source: &str, lang: Language) {
    if diags.iter().all(|d| d.fix.is_none()) {
        return;
    }
    let lines = line_starts(source);
    let code = code_ranges(source);
    for d in diags.iter_mut() {
        let Some(fix) = d.fix.take() else {
            continue;
        };
        if let Some(fix) = place(fix, source, &lines, &code) {
            d.help = Some(match d.help.take() {
                Some(h) => format!("{h} {}", t!(lang, "fix-available")),
                None => t!(lang, "fix-available"),
            });
            d.fix = Some(fix);
        }
    }
}

/// The fix that turns `old` (at `pos`) into `new`, narrowed to what changes (a space, an
/// apostrophe, or whole words: two fixes of one line then rarely touch), keeping at least one
/// character of `old`.
pub fn narrowed(pos: crate::diagnostics::Pos, old: &str, new: &str) -> Fix {
    let (o, n): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let mut pre = o.iter().zip(&n).take_while(|(a, b)| a == b).count();
    let mut suf = o[pre..]
        .iter()
        .rev()
        .zip(n[pre..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    // An insertion keeps the character after it, so that the fix says where it goes.
    if pre + suf == o.len() {
        suf = suf.saturating_sub(1);
    }
    // A change inside a word takes the whole word.
    let word = |c: &char| c.is_alphanumeric();
    if o.get(pre).is_some_and(word) || n.get(pre).is_some_and(word) {
        while pre > 0 && word(&o[pre - 1]) {
            pre -= 1;
        }
    }
    let end = o.len() - suf;
    if (end > 0 && o.get(end - 1).is_some_and(word)) || n.len() > suf && word(&n[n.len() - suf - 1])
    {
        while suf > 0 && word(&o[o.len() - suf]) {
            suf -= 1;
        }
    }
    Fix {
        line: pos.line,
        column: pos.column + pre,
        old: o[pre..o.len() - suf].iter().collect(),
        new: n[pre..n.len() - suf].iter().collect(),
    }
}

/// The fix where the file really holds its text, or nothing. A value of the front matter may
/// be quoted (the text is one character on), and a hashtag of a `hashtags:` list written
/// without its `#` (one character back, once the fix is narrowed past the `#`).
fn place(fix: Fix, source: &str, lines: &[usize], code: &[Range<usize>]) -> Option<Fix> {
    if fix.old.is_empty() || fix.old.contains('\n') || fix.new.contains('\n') {
        return None;
    }
    let start = offset(source, lines, fix.line, fix.column)?;
    // In the front matter, a value may be quoted (its text one or two characters on, past a
    // quote and a `#`) or a hashtag written without its `#` (one character back): the fix goes
    // where its exact text is, within that reach. In the body it is where it says or nowhere.
    let mut candidates = vec![(start, fix.column)];
    if start < body_start(source) {
        let mut back = source[..start].char_indices().rev().map(|(i, _)| i);
        if let Some(b) = back.next().filter(|_| fix.column > 1) {
            candidates.push((b, fix.column - 1));
        }
        let mut on = source[start..]
            .char_indices()
            .map(|(i, _)| start + i)
            .skip(1);
        for n in 1..=2 {
            if let Some(o) = on.next() {
                candidates.push((o, fix.column + n));
            }
        }
    }
    candidates
        .into_iter()
        .find(|(o, _)| source[*o..].starts_with(&fix.old) && !code.iter().any(|r| r.contains(o)))
        .map(|(_, column)| Fix { column, ..fix })
}

/// Byte offsets where each line starts.
fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The byte offset of a 1-based line and column (in characters).
fn offset(source: &str, lines: &[usize], line: usize, column: usize) -> Option<usize> {
    let start = *lines.get(line.checked_sub(1)?)?;
    let rest = source.get(start..)?;
    let end = rest.find('\n').unwrap_or(rest.len());
    let text = &rest[..end];
    let col = column.checked_sub(1)?;
    if col == text.chars().count() {
        return Some(start + end);
    }
    text.char_indices().nth(col).map(|(i, _)| start + i)
}

/// Where the body of the file has code (inline spans and blocks), as byte ranges of `source`.
fn code_ranges(source: &str) -> Vec<Range<usize>> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let body = body_start(source);
    let mut out = Vec::new();
    let mut block: Option<usize> = None;
    for (event, range) in Parser::new(&source[body..]).into_offset_iter() {
        let range = range.start + body..range.end + body;
        match event {
            Event::Code(_) => out.push(range),
            Event::Start(Tag::CodeBlock(_)) => block = Some(range.start),
            Event::End(TagEnd::CodeBlock) => {
                if let Some(s) = block.take() {
                    out.push(s..range.end);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => out.push(range),
            _ => {}
        }
    }
    out
}

/// Where the Markdown body starts: after the closing `---` of the front matter.
fn body_start(source: &str) -> usize {
    let mut offset = 0;
    let mut lines = source.split_inclusive('\n');
    match lines.next() {
        Some(first) if first.trim_end() == "---" => offset += first.len(),
        _ => return 0,
    }
    for l in lines {
        offset += l.len();
        if matches!(l.trim_end(), "---" | "...") {
            return offset;
        }
    }
    source.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Code, Pos};

    fn diag(line: usize, column: usize, old: &str, new: &str) -> Diagnostic {
        let mut d = Diagnostic::new(Code::NetworkFold, "f.md", Pos::new(line, column), "m");
        d.fix = Some(Fix {
            line,
            column,
            old: old.into(),
            new: new.into(),
        });
        d
    }

    #[test]
    fn fixes_are_narrowed_to_a_space_a_mark_or_whole_words() {
        let at = Pos::new(3, 10);
        let f = |old: &str, new: &str| {
            let f = narrowed(at, old, new);
            (f.column, f.old, f.new)
        };
        assert_eq!(
            f("Bonjour !", "Bonjour\u{202f}!"),
            (17, " ".into(), "\u{202f}".into())
        );
        assert_eq!(
            f("Prêts?", "Prêts\u{202f}?"),
            (15, "?".into(), "\u{202f}?".into())
        );
        assert_eq!(
            f("e-mail", "courriel"),
            (10, "e-mail".into(), "courriel".into())
        );
        assert_eq!(
            f("ALTI trek", "Alti Trek"),
            (10, "ALTI trek".into(), "Alti Trek".into())
        );
        assert_eq!(f("L'été", "L’été"), (11, "'".into(), "’".into()));
    }

    #[test]
    fn a_fix_is_kept_where_the_file_holds_its_text_only() {
        let src = "---\ntitle: \"Été\"\nhashtags: [altitrek]\n---\nBonjour ! Du `code !` ici.\n";
        let mut d = vec![
            diag(5, 1, "Bonjour !", "Bonjour\u{202f}!"),
            diag(5, 15, "code !", "code\u{202f}!"),
            diag(5, 2, "Bonjour !", "x"),
            diag(2, 8, "Été", "Ete"),
            diag(3, 13, "altitrek", "AltiTrek"),
        ];
        verify(&mut d, src, Language::En);
        let kept: Vec<Option<(usize, usize, &str)>> = d
            .iter()
            .map(|d| d.fix.as_ref().map(|f| (f.line, f.column, f.new.as_str())))
            .collect();
        assert_eq!(
            kept,
            [
                Some((5, 1, "Bonjour\u{202f}!")),
                None,
                None,
                Some((2, 9, "Ete")),
                Some((3, 12, "AltiTrek")),
            ]
        );
        assert!(
            d[0].help
                .as_deref()
                .is_some_and(|h| h.contains("trame fix"))
        );
        assert!(d[1].help.is_none());
    }
}
