//! `typography`: French typography when the project's language is fr: a no-break space
//! (narrow or not) before `; : ! ?` and inside « », `…` rather than `...`, and one kind of
//! apostrophe. In English only the ellipsis is checked. Every finding says the fix, and
//! carries it: the text of its range as it should read (`trame fix` writes it).

use super::super::{Finding, VariantInput, text};
use super::{Rule, RuleType};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::config::{Config, Language};
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &["narrow", "apostrophe"];

/// The `typography` rule type.
pub const TYPE: RuleType = RuleType {
    name: "typography",
    options: OPTIONS,
    compile: |f, config| Some(Box::new(compile(f, config)?)),
};

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Apostrophe {
    Curly,
    Straight,
    Any,
}

#[derive(Debug)]
pub struct Typography {
    french: bool,
    /// Require the narrow no-break space (U+202F) before `; ! ?`.
    narrow: bool,
    apostrophe: Apostrophe,
}

pub fn compile(f: &mut Fields<'_>, config: &Config) -> Option<Typography> {
    let french = config.language == Language::Fr;
    let narrow = f.bool("narrow").unwrap_or(false);
    let apostrophe = match f.string("apostrophe").as_deref() {
        None if french => Apostrophe::Curly,
        None => Apostrophe::Any,
        Some("curly") => Apostrophe::Curly,
        Some("straight") => Apostrophe::Straight,
        Some("any") => Apostrophe::Any,
        Some(other) => {
            let pos = f.index.value_pos(&f.key_path("apostrophe"));
            f.diags.push(
                Diagnostic::new(
                    Code::ConfigInvalid,
                    f.file,
                    pos,
                    t!(f.lang, "charter-apostrophe-style", style = other),
                )
                .with_help(t!(f.lang, "charter-apostrophe-style-help")),
            );
            return None;
        }
    };
    Some(Typography {
        french,
        narrow,
        apostrophe,
    })
}

/// Start of the word before byte `i` (so a finding can be found again in the source).
fn word_start(t: &str, i: usize) -> usize {
    t[..i]
        .trim_end_matches([' ', '\t', NBSP, NNBSP])
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |s| s + t[s..].chars().next().map_or(1, char::len_utf8))
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// What stands before a `; : ! ?` that the charter asks a (narrow) no-break space before.
enum Gap {
    /// An ordinary space (or a tab).
    Ordinary(char),
    /// A no-break space where a narrow one is asked.
    Wide,
    /// Nothing: the mark is glued to the word.
    Missing,
}

/// `t[range]` with the bytes `at..at + len` (inside it) replaced by `with`; the range itself
/// when they are not inside it (then there is no fix to offer).
fn spliced(t: &str, range: std::ops::Range<usize>, at: usize, len: usize, with: &str) -> String {
    match (t.get(range.start..at), t.get(at + len..range.end)) {
        (Some(head), Some(tail)) => format!("{head}{with}{tail}"),
        _ => t.get(range).unwrap_or_default().to_string(),
    }
}

impl Rule for Typography {
    fn check_variant(&self, input: &VariantInput<'_>) -> Vec<Finding> {
        let t = input.text;
        let lang = input.config.language;
        let mut out = Vec::new();
        if let Some(i) = t.find("...") {
            let s = word_start(t, i);
            out.push(
                Finding::text(
                    s..i + 3,
                    t!(lang, "typo-ellipsis"),
                    t!(lang, "typo-ellipsis-help"),
                )
                .with_fix(spliced(t, s..i + 3, i, 3, "…")),
            );
        }
        if !self.french {
            return out;
        }
        let chars: Vec<(usize, char)> = t.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            if text::in_skip(input.skip, i) {
                continue;
            }
            let prev = k.checked_sub(1).map(|p| chars[p].1);
            let next = chars.get(k + 1).map(|x| x.1);
            match c {
                ';' | '!' | '?' | ':' => {
                    // `?!`, `!!`: only the first mark takes the space.
                    if matches!(prev, Some(';' | '!' | '?' | ':'))
                        || prev.is_none()
                        || prev == Some('\n')
                    {
                        continue;
                    }
                    // 10:30, 4:5, smileys, "http:" outside URLs.
                    if c == ':'
                        && (prev.is_some_and(|p| p.is_ascii_digit())
                            && next.is_some_and(|n| n.is_ascii_digit())
                            || matches!(next, Some(')' | '(' | '-' | 'D' | 'P' | '/')))
                    {
                        continue;
                    }
                    // What is before the mark: the common case (a narrow or, before `:`, a
                    // plain no-break space) costs nothing more.
                    let gap = match prev {
                        Some(p) if is_space(p) => Gap::Ordinary(p),
                        Some(NNBSP) => continue,
                        Some(NBSP) if !self.narrow || c == ':' => continue,
                        Some(NBSP) => Gap::Wide,
                        Some(p)
                            if p.is_alphanumeric()
                                || matches!(p, '»' | ')' | '”' | '"' | '’' | '\'') =>
                        {
                            Gap::Missing
                        }
                        _ => continue,
                    };
                    // The space a fix puts: a no-break one before `:`, a narrow one before
                    // `; ! ?` (what the help asks for).
                    let (want, space) = if c == ':' {
                        (t!(lang, "typo-nbsp"), NBSP)
                    } else {
                        (t!(lang, "typo-nnbsp"), NNBSP)
                    };
                    let space = space.to_string();
                    let mark = c.to_string();
                    let s = word_start(t, i);
                    let finding = match gap {
                        Gap::Ordinary(p) => Finding::text(
                            s..i + 1,
                            t!(lang, "typo-space-before", mark = mark.as_str()),
                            t!(
                                lang,
                                "typo-space-before-help",
                                mark = mark.as_str(),
                                want = want
                            ),
                        )
                        .with_fix(spliced(
                            t,
                            s..i + 1,
                            i - p.len_utf8(),
                            p.len_utf8(),
                            &space,
                        )),
                        Gap::Wide => Finding::text(
                            s..i + 1,
                            t!(lang, "typo-wide-space", mark = mark.as_str()),
                            t!(lang, "typo-wide-space-help", want = want),
                        )
                        .with_fix(spliced(
                            t,
                            s..i + 1,
                            i - NBSP.len_utf8(),
                            NBSP.len_utf8(),
                            &space,
                        )),
                        Gap::Missing => Finding::text(
                            s..i + 1,
                            t!(lang, "typo-no-space", mark = mark.as_str()),
                            t!(
                                lang,
                                "typo-no-space-help",
                                mark = mark.as_str(),
                                want = want
                            ),
                        )
                        .with_fix(spliced(t, s..i + 1, i, 0, &space)),
                    };
                    out.push(finding);
                }
                '«' => match next {
                    Some(NBSP) | Some(NNBSP) => {}
                    _ => {
                        let end = chars.get(k + 2).map_or(t.len(), |x| x.0);
                        let after = i + c.len_utf8();
                        // « then an ordinary space: it becomes a no-break one; « glued to the
                        // word: one goes between.
                        let replaced = next.filter(|n| is_space(*n)).map_or(0, char::len_utf8);
                        out.push(
                            Finding::text(
                                i..end,
                                t!(lang, "typo-open-quote"),
                                t!(lang, "typo-open-quote-help"),
                            )
                            .with_fix(spliced(
                                t,
                                i..end,
                                after,
                                replaced,
                                "\u{a0}",
                            )),
                        );
                    }
                },
                '»' => match prev {
                    Some(NBSP) | Some(NNBSP) => {}
                    _ => {
                        let s = word_start(t, i);
                        let replaced = prev.filter(|p| is_space(*p)).map_or(0, char::len_utf8);
                        let range = s..i + c.len_utf8();
                        out.push(
                            Finding::text(
                                range.clone(),
                                t!(lang, "typo-close-quote"),
                                t!(lang, "typo-close-quote-help"),
                            )
                            .with_fix(spliced(
                                t,
                                range,
                                i - replaced,
                                replaced,
                                "\u{a0}",
                            )),
                        );
                    }
                },
                '\'' | '’'
                    if prev.is_some_and(char::is_alphabetic)
                        && next.is_some_and(char::is_alphabetic) =>
                {
                    let wrong = match (c, self.apostrophe) {
                        ('\'', Apostrophe::Curly) => Some((
                            t!(lang, "typo-straight-apostrophe"),
                            t!(lang, "typo-straight-apostrophe-help"),
                            "’",
                        )),
                        ('’', Apostrophe::Straight) => Some((
                            t!(lang, "typo-curly-apostrophe"),
                            t!(lang, "typo-curly-apostrophe-help"),
                            "'",
                        )),
                        _ => None,
                    };
                    if let Some((message, help, right)) = wrong {
                        let e = chars.get(k + 2).map_or(t.len(), |x| x.0);
                        let range = word_start(t, i)..e;
                        let fix = spliced(t, range.clone(), i, c.len_utf8(), right);
                        out.push(Finding::text(range, message, help).with_fix(fix));
                    }
                }
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_text, rule};

    #[test]
    fn spaces_before_double_punctuation() {
        let r = rule("{ id: t, type: typography }");
        assert_eq!(
            check_text(&r, "Enfin l’hiver ! Prêts?"),
            ["l’hiver !", "Prêts?"]
        );
        assert!(
            check_text(
                &r,
                "Enfin l’hiver\u{202f}! Prêts\u{202f}? Note\u{a0}: 10:30, 4:5 :)"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_fix_replaces_only_inside_its_range() {
        use super::spliced;
        assert_eq!(
            spliced("Bonjour\t!", 0..9, 7, 1, "\u{202f}"),
            "Bonjour\u{202f}!"
        );
        // Out of the range (what a tab once caused): the range itself, no fix.
        assert_eq!(spliced("Bonjour\t!", 8..9, 7, 1, "\u{202f}"), "!");
        assert_eq!(super::word_start("Bonjour\t!", 8), 0);
    }

    #[test]
    fn quotes_ellipsis_apostrophes() {
        let r = rule("{ id: t, type: typography }");
        assert_eq!(
            check_text(&r, "Il dit «bonjour» et l'été..."),
            ["«b", "«bonjour»", "l'é", "l'été..."]
        );
        assert!(check_text(&r, "Il dit «\u{a0}bonjour\u{a0}» et l’été…").is_empty());
    }

    #[test]
    fn english_projects_only_get_the_ellipsis() {
        let r = super::super::super::tests::rule_in(
            "{ id: t, type: typography }",
            crate::load::config::Language::En,
        );
        assert_eq!(check_text(&r, "Ready? Go! It's winter..."), ["winter..."]);
    }

    #[test]
    fn urls_and_hashtags_are_not_prose() {
        let r = rule("{ id: t, type: typography }");
        assert!(check_text(&r, "https://ex.com/a?b=1 #Rando").is_empty());
    }
}
