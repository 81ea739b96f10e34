//! `spelling-of`: brand and product names with their exact case (`Alti`, `iPhone`).

use regex::Regex;

use super::super::{Finding, VariantInput};
use super::{Rule, RuleType};
use crate::base::l10n::t;
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &["terms"];

/// The `spelling-of` rule type.
pub const TYPE: RuleType = RuleType {
    name: "spelling-of",
    options: OPTIONS,
    compile: |f, _| Some(Box::new(compile(f)?)),
};

#[derive(Debug)]
pub struct SpellingOf {
    pub terms: Vec<String>,
    re: Regex,
    /// Each term as a hashtag (no spaces), lowercased and as written.
    tags: Vec<(String, String)>,
}

pub fn compile(f: &mut Fields<'_>) -> Option<SpellingOf> {
    let terms = super::terms(f, "terms")?;
    let re = super::words_regex(&terms, true).ok()?;
    let tags = terms
        .iter()
        .map(|t| t.replace(' ', ""))
        .filter(|t| t.chars().count() > 1)
        .map(|t| (t.to_lowercase(), t))
        .collect();
    Some(SpellingOf { terms, re, tags })
}

impl Rule for SpellingOf {
    fn brand_terms(&self) -> &[String] {
        &self.terms
    }

    fn check_variant(&self, input: &VariantInput<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        for m in super::prose_matches(&self.re, input) {
            let found = m.as_str();
            if self.terms.iter().any(|t| t == found) {
                continue;
            }
            if let Some(right) = self
                .terms
                .iter()
                .find(|t| t.to_lowercase() == found.to_lowercase())
            {
                out.push(
                    Finding::text(
                        m.range(),
                        t!(
                            input.config.language,
                            "charter-spelling-of",
                            found = found,
                            right = right
                        ),
                        t!(
                            input.config.language,
                            "charter-spelling-of-help",
                            right = right
                        ),
                    )
                    .with_fix(right.as_str()),
                );
            }
        }
        // Hashtags of a brand name in another case (`#altitrek` for "Alti Trek"): written
        // the way the charter writes the name, without its spaces. The hashtags are among the
        // ranges every rule skips, found once per variant.
        for r in input.skip {
            let Some(tag) = input.text.get(r.clone()).filter(|t| t.starts_with('#')) else {
                continue;
            };
            let bare = &tag[1..];
            let Some((_, right)) = self.tags.iter().find(|(lower, right)| {
                right != bare && bare.chars().flat_map(char::to_lowercase).eq(lower.chars())
            }) else {
                continue;
            };
            let right = format!("#{right}");
            out.push(
                Finding::text(
                    r.clone(),
                    t!(
                        input.config.language,
                        "charter-spelling-of",
                        found = tag,
                        right = right.as_str()
                    ),
                    t!(
                        input.config.language,
                        "charter-spelling-of-help",
                        right = right.as_str()
                    ),
                )
                .with_fix(right),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_text, rule};

    #[test]
    fn exact_case() {
        let r = rule("{ id: m, type: spelling-of, terms: [Alti, \"Alti Trek\", iPhone] }");
        assert_eq!(
            check_text(&r, "La gamme ALTI trek et l'Iphone"),
            ["ALTI trek", "Iphone"]
        );
        assert!(check_text(&r, "Alti Trek, Alti et iPhone, altitude").is_empty());
    }
}
