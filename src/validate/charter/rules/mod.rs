//! One rule type per file. Each has its options (`OPTIONS`), a `compile` from charter.yaml, and
//! a check over a variant's text or over the post.

pub mod address;
pub mod alt_text;
pub mod caps;
pub mod emoji;
pub mod exclamation;
pub mod forbidden;
pub mod hashtags;
pub mod links;
pub mod posting_window;
pub mod preferred;
pub mod spelling;
pub mod spelling_of;
pub mod typography;

use super::{Finding, PostInput, VariantInput};
use crate::diagnostics::{Code, Diagnostic};
use crate::load::config::Config;
use crate::load::yaml::Fields;

pub const TYPES: &[&str] = &[
    "forbidden",
    "preferred",
    "spelling-of",
    "address",
    "emoji",
    "exclamation",
    "caps",
    "hashtags",
    "typography",
    "spelling",
    "links",
    "posting-window",
    "alt-text",
];

/// The options a rule type takes (besides id, type, severity, message, networks).
pub fn options(ty: &str) -> Option<&'static [&'static str]> {
    Some(match ty {
        "forbidden" => forbidden::OPTIONS,
        "preferred" => preferred::OPTIONS,
        "spelling-of" => spelling_of::OPTIONS,
        "address" => address::OPTIONS,
        "emoji" => emoji::OPTIONS,
        "exclamation" => exclamation::OPTIONS,
        "caps" => caps::OPTIONS,
        "hashtags" => hashtags::OPTIONS,
        "typography" => typography::OPTIONS,
        "spelling" => spelling::OPTIONS,
        "links" => links::OPTIONS,
        "posting-window" => posting_window::OPTIONS,
        "alt-text" => alt_text::OPTIONS,
        _ => return None,
    })
}

#[derive(Debug)]
pub enum Kind {
    Forbidden(forbidden::Forbidden),
    Preferred(preferred::Preferred),
    SpellingOf(spelling_of::SpellingOf),
    Address(address::Address),
    Emoji(emoji::Emoji),
    Exclamation(exclamation::Exclamation),
    Caps(caps::Caps),
    Hashtags(hashtags::Hashtags),
    Typography(typography::Typography),
    Spelling(Box<spelling::Spelling>),
    Links(links::Links),
    PostingWindow(posting_window::PostingWindow),
    AltText(alt_text::AltText),
}

/// Compiles one rule's options; problems are pushed as config errors.
pub fn compile(ty: &str, f: &mut Fields<'_>, config: &Config) -> Option<Kind> {
    Some(match ty {
        "forbidden" => Kind::Forbidden(forbidden::compile(f)?),
        "preferred" => Kind::Preferred(preferred::compile(f)?),
        "spelling-of" => Kind::SpellingOf(spelling_of::compile(f)?),
        "address" => Kind::Address(address::compile(f)?),
        "emoji" => Kind::Emoji(emoji::compile(f)?),
        "exclamation" => Kind::Exclamation(exclamation::compile(f)?),
        "caps" => Kind::Caps(caps::compile(f)?),
        "hashtags" => Kind::Hashtags(hashtags::compile(f)?),
        "typography" => Kind::Typography(typography::compile(f, config)?),
        "spelling" => Kind::Spelling(Box::new(spelling::compile(f, config)?)),
        "links" => Kind::Links(links::compile(f)?),
        "posting-window" => Kind::PostingWindow(posting_window::compile(f)?),
        "alt-text" => Kind::AltText(alt_text::compile(f)?),
        _ => return None,
    })
}

impl Kind {
    pub fn check_variant(&self, input: &VariantInput<'_>) -> Vec<Finding> {
        match self {
            Kind::Forbidden(r) => r.check(input),
            Kind::Preferred(r) => r.check(input),
            Kind::SpellingOf(r) => r.check(input),
            Kind::Address(r) => r.check(input),
            Kind::Emoji(r) => r.check(input),
            Kind::Exclamation(r) => r.check(input),
            Kind::Caps(r) => r.check(input),
            Kind::Hashtags(r) => r.check(input),
            Kind::Typography(r) => r.check(input),
            Kind::Spelling(r) => r.check(input),
            Kind::Links(r) => r.check(input),
            Kind::PostingWindow(_) | Kind::AltText(_) => Vec::new(),
        }
    }

    pub fn check_post(&self, input: &PostInput<'_>) -> Vec<Finding> {
        match self {
            Kind::PostingWindow(r) => r.check(input),
            Kind::AltText(r) => r.check(input),
            _ => Vec::new(),
        }
    }

    /// Problems that leave the rule usable but less useful (a dictionary not installed).
    pub fn warnings(&self, file: &str, code: &std::sync::Arc<str>) -> Vec<Diagnostic> {
        match self {
            Kind::Spelling(s) => s.warnings(file, code),
            _ => Vec::new(),
        }
    }
}

/// A required list of terms.
pub(crate) fn terms(f: &mut Fields<'_>, key: &str) -> Option<Vec<String>> {
    let list: Vec<String> = f
        .strings(key)
        .unwrap_or_default()
        .into_iter()
        .map(|(t, _)| t)
        .filter(|t| !t.trim().is_empty())
        .collect();
    if list.is_empty() {
        let pos = f.index.pos(&f.path);
        f.diags.push(
            Diagnostic::new(
                Code::ConfigInvalid,
                f.file,
                pos,
                format!("this rule needs `{key}`: a list of terms"),
            )
            .with_help(format!("add `{key}: [term, \"another term\"]`")),
        );
        return None;
    }
    Some(list)
}

/// A required `max`.
pub(crate) fn max(f: &mut Fields<'_>) -> Option<usize> {
    match f.number("max") {
        Some(n) if n >= 0.0 && n.fract() == 0.0 => Some(n as usize),
        Some(_) => {
            let pos = f.index.value_pos(&f.key_path("max"));
            f.diags.push(
                Diagnostic::new(
                    Code::ConfigInvalid,
                    f.file,
                    pos,
                    "`max` must be a whole number",
                )
                .with_help("write `max: 2`"),
            );
            None
        }
        None => {
            if f.raw("max").is_none() {
                let pos = f.index.pos(&f.path);
                f.diags.push(
                    Diagnostic::new(Code::ConfigInvalid, f.file, pos, "this rule needs `max`")
                        .with_help("add `max: 2`"),
                );
            }
            None
        }
    }
}

/// Matches of a term regex in the prose of a variant (not in URLs, mentions, hashtags).
pub(crate) fn prose_matches<'t>(
    re: &'t regex::Regex,
    input: &'t VariantInput<'t>,
) -> impl Iterator<Item = regex::Match<'t>> + 't {
    re.find_iter(input.text)
        .filter(|m| !super::text::in_skip(input.skip, m.start()))
}

/// One regex for all terms: whole words (a `\b` on each side that starts or ends with a letter),
/// case-insensitively when asked; terms may be phrases.
pub(crate) fn words_regex(
    terms: &[String],
    case_insensitive: bool,
) -> Result<regex::Regex, regex::Error> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    // Longest first: the regex takes the first alternative that matches ("Alti Trek" before "Alti").
    let mut sorted: Vec<&String> = terms.iter().collect();
    sorted.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let alts: Vec<String> = sorted
        .iter()
        .map(|t| {
            let t = t.trim();
            format!(
                "{}{}{}",
                if word(t.chars().next()) { r"\b" } else { "" },
                regex::escape(t),
                if word(t.chars().next_back()) {
                    r"\b"
                } else {
                    ""
                }
            )
        })
        .collect();
    let flags = if case_insensitive { "(?i)" } else { "" };
    regex::Regex::new(&format!("{flags}(?:{})", alts.join("|")))
}
