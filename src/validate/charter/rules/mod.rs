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

use std::sync::Arc;

use super::{Finding, PostInput, VariantInput};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::config::Config;
use crate::load::yaml::Fields;

/// A compiled rule of the charter: one type per file of this folder.
pub trait Rule: Send + Sync + std::fmt::Debug {
    /// Findings in one variant's final text.
    fn check_variant(&self, _input: &VariantInput<'_>) -> Vec<Finding> {
        Vec::new()
    }

    /// Findings about the post itself (its date, its images), once per post.
    fn check_post(&self, _input: &PostInput<'_>) -> Vec<Finding> {
        Vec::new()
    }

    /// Problems that leave the rule usable but less useful (a dictionary not installed).
    fn warnings(&self, _file: &str, _code: &Arc<str>) -> Vec<Diagnostic> {
        Vec::new()
    }

    /// Names the other rules must take as words (`spelling-of` terms for `spelling`).
    fn brand_terms(&self) -> &[String] {
        &[]
    }

    /// Takes the other rules' brand names as known words.
    fn add_words(&mut self, _terms: &[String]) {}

    /// Whether this rule reports what the registered code reports (then only the rule says
    /// it: one problem, one diagnostic).
    fn covers(&self, _code: crate::diagnostics::Code) -> bool {
        false
    }

    /// Replacements for a word this rule reported (spelling suggestions; slow, so the charter
    /// asks for them once per word, in the order of the diagnostics).
    fn suggest(&self, _word: &str) -> Vec<String> {
        Vec::new()
    }
}

/// A rule type: its name in charter.yaml, its options (besides id, type, severity, message,
/// networks) and how to compile one rule of it. Problems are pushed as config errors.
pub struct RuleType {
    pub name: &'static str,
    pub options: &'static [&'static str],
    pub compile: fn(&mut Fields<'_>, &Config) -> Option<Box<dyn Rule>>,
}

/// Every rule type, once.
pub const TYPES: &[RuleType] = &[
    forbidden::TYPE,
    preferred::TYPE,
    spelling_of::TYPE,
    address::TYPE,
    emoji::TYPE,
    exclamation::TYPE,
    caps::TYPE,
    hashtags::TYPE,
    typography::TYPE,
    spelling::TYPE,
    links::TYPE,
    posting_window::TYPE,
    alt_text::TYPE,
];

/// The rule type of this name.
pub fn rule_type(name: &str) -> Option<&'static RuleType> {
    TYPES.iter().find(|t| t.name == name)
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
                t!(f.lang, "charter-needs-terms", key = key),
            )
            .with_help(t!(f.lang, "charter-needs-terms-help", key = key)),
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
                    t!(f.lang, "charter-max-whole"),
                )
                .with_help(t!(f.lang, "charter-max-whole-help")),
            );
            None
        }
        None => {
            if f.raw("max").is_none() {
                let pos = f.index.pos(&f.path);
                f.diags.push(
                    Diagnostic::new(
                        Code::ConfigInvalid,
                        f.file,
                        pos,
                        t!(f.lang, "charter-needs-max"),
                    )
                    .with_help(t!(f.lang, "charter-needs-max-help")),
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
