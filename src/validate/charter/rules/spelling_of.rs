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
}

pub fn compile(f: &mut Fields<'_>) -> Option<SpellingOf> {
    let terms = super::terms(f, "terms")?;
    let re = super::words_regex(&terms, true).ok()?;
    Some(SpellingOf { terms, re })
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
        // the way the charter writes the name, without its spaces.
        for tag in crate::adapt::hashtags_in(input.text) {
            let bare = tag.trim_start_matches('#');
            let Some(right) = self.terms.iter().map(|t| t.replace(' ', "")).find(|t| {
                t.to_lowercase() == bare.to_lowercase() && t != bare && t.chars().count() > 1
            }) else {
                continue;
            };
            let right = format!("#{right}");
            let Some(start) = input.text.find(tag.as_str()) else {
                continue;
            };
            out.push(
                Finding::text(
                    start..start + tag.len(),
                    t!(
                        input.config.language,
                        "charter-spelling-of",
                        found = tag.as_str(),
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
