//! `caps`: at most `max` words in capitals per variant (shouting). Acronyms of two letters,
//! hashtags, mentions, URLs and the charter's brand names are not shouting.

use super::super::{Finding, VariantInput};
use super::{Rule, RuleType};
use crate::base::l10n::t;
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &["max", "allow"];

/// The `caps` rule type.
pub const TYPE: RuleType = RuleType {
    name: "caps",
    options: OPTIONS,
    compile: |f, _| Some(Box::new(compile(f)?)),
};

#[derive(Debug)]
pub struct Caps {
    max: usize,
    allow: Vec<String>,
}

pub fn compile(f: &mut Fields<'_>) -> Option<Caps> {
    let max = super::max(f)?;
    let allow = f
        .strings("allow")
        .unwrap_or_default()
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    Some(Caps { max, allow })
}

impl Rule for Caps {
    fn check_variant(&self, input: &VariantInput<'_>) -> Vec<Finding> {
        let shouted: Vec<(usize, &str)> = input
            .words
            .iter()
            .copied()
            .filter(|(_, w)| {
                let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                letters >= 3
                    && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
                    && !self.allow.iter().any(|a| a == w)
            })
            .collect();
        if shouted.len() <= self.max {
            return Vec::new();
        }
        let (i, w) = shouted[self.max];
        vec![Finding::text(
            i..i + w.len(),
            t!(
                input.config.language,
                "charter-caps",
                count = shouted.len(),
                max = self.max
            ),
            t!(input.config.language, "charter-caps-help"),
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_text, rule};

    #[test]
    fn counts_shouted_words() {
        let r = rule("{ id: c, type: caps, max: 1, allow: [SNCF] }");
        assert!(check_text(&r, "Le TGV de la SNCF, un OK et la FFRandonnée.").is_empty());
        assert_eq!(check_text(&r, "GRANDE nouvelle : ÉNORME promo"), ["ÉNORME"]);
    }
}
