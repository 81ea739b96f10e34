//! `exclamation`: at most `max` exclamation marks per variant.

use super::super::{Finding, VariantInput};
use super::{Rule, RuleType};
use crate::base::l10n::t;
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &["max"];

/// The `exclamation` rule type.
pub const TYPE: RuleType = RuleType {
    name: "exclamation",
    options: OPTIONS,
    compile: |f, _| Some(Box::new(compile(f)?)),
};

#[derive(Debug)]
pub struct Exclamation {
    max: usize,
}

pub fn compile(f: &mut Fields<'_>) -> Option<Exclamation> {
    Some(Exclamation {
        max: super::max(f)?,
    })
}

impl Rule for Exclamation {
    fn check_variant(&self, input: &VariantInput<'_>) -> Vec<Finding> {
        let marks: Vec<usize> = input
            .text
            .char_indices()
            .filter(|(i, c)| {
                matches!(c, '!' | '！') && !super::super::text::in_skip(input.skip, *i)
            })
            .map(|(i, _)| i)
            .collect();
        if marks.len() <= self.max {
            return Vec::new();
        }
        let i = marks[self.max];
        // Point at the word before the mark, so the place can be found in the source.
        let start = input.text[..i]
            .trim_end_matches([' ', '\u{a0}', '\u{202f}'])
            .rfind(char::is_whitespace)
            .map_or(0, |s| s + 1);
        vec![Finding::text(
            start..i + 1,
            t!(
                input.config.language,
                "charter-exclamation",
                count = marks.len(),
                max = self.max
            ),
            t!(input.config.language, "charter-exclamation-help"),
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_text, rule};

    #[test]
    fn counts_marks() {
        let r = rule("{ id: x, type: exclamation, max: 1 }");
        assert!(check_text(&r, "Enfin l’hiver !").is_empty());
        assert_eq!(check_text(&r, "Enfin l’hiver ! Sortez !"), ["Sortez !"]);
    }
}
