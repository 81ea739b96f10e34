//! `emoji`: at most `max` emoji per variant.

use unicode_segmentation::UnicodeSegmentation;

use super::super::{Finding, VariantInput};
use super::{Rule, RuleType};
use crate::base::l10n::t;
use crate::load::networks::counting::is_emoji;
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &["max"];

/// The `emoji` rule type.
pub const TYPE: RuleType = RuleType {
    name: "emoji",
    options: OPTIONS,
    compile: |f, _| Some(Box::new(compile(f)?)),
};

#[derive(Debug)]
pub struct Emoji {
    max: usize,
}

pub fn compile(f: &mut Fields<'_>) -> Option<Emoji> {
    Some(Emoji {
        max: super::max(f)?,
    })
}

impl Rule for Emoji {
    fn check_variant(&self, input: &VariantInput<'_>) -> Vec<Finding> {
        // Emoji start at ©, ®, ‼, ⁉ or from U+2100 up: most texts need no segmentation.
        if !input
            .text
            .chars()
            .any(|c| c >= '\u{2100}' || matches!(c, '\u{a9}' | '\u{ae}' | '\u{203c}' | '\u{2049}'))
        {
            return Vec::new();
        }
        let found: Vec<(usize, &str)> = input
            .text
            .grapheme_indices(true)
            .filter(|(_, g)| is_emoji(g))
            .collect();
        if found.len() <= self.max {
            return Vec::new();
        }
        let (i, g) = found[self.max];
        vec![Finding::text(
            i..i + g.len(),
            t!(
                input.config.language,
                "charter-emoji",
                count = found.len(),
                max = self.max
            ),
            t!(input.config.language, "charter-emoji-help", max = self.max),
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_text, rule};

    #[test]
    fn counts_emoji_sequences() {
        let r = rule("{ id: e, type: emoji, max: 2 }");
        assert!(check_text(&r, "Bravo 👏🏽 à toute l’équipe 👨‍👩‍👧").is_empty());
        assert_eq!(check_text(&r, "🎉 Bravo 👏🏽 à toute l’équipe 👨‍👩‍👧 !"), ["👨‍👩‍👧"]);
    }
}
