//! `forbidden`: terms never to use (whole words, any case; `regex: true` for patterns).

use regex::Regex;

use super::super::{Finding, VariantInput};
use super::{Rule, RuleType};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &["terms", "regex"];

/// The `forbidden` rule type.
pub const TYPE: RuleType = RuleType {
    name: "forbidden",
    options: OPTIONS,
    compile: |f, _| Some(Box::new(compile(f)?)),
};

#[derive(Debug)]
pub struct Forbidden {
    re: Regex,
}

pub fn compile(f: &mut Fields<'_>) -> Option<Forbidden> {
    let terms = super::terms(f, "terms")?;
    let re = if f.bool("regex").unwrap_or(false) {
        Regex::new(&format!("(?i)(?:{})", terms.join("|")))
    } else {
        super::words_regex(&terms, true)
    };
    match re {
        Ok(re) => Some(Forbidden { re }),
        Err(e) => {
            let pos = f.index.pos(&f.key_path("terms"));
            f.diags.push(
                Diagnostic::new(
                    Code::ConfigInvalid,
                    f.file,
                    pos,
                    t!(f.lang, "charter-regex", error = e.to_string()),
                )
                .with_help(t!(f.lang, "charter-regex-help")),
            );
            None
        }
    }
}

impl Rule for Forbidden {
    fn check_variant(&self, input: &VariantInput<'_>) -> Vec<Finding> {
        super::prose_matches(&self.re, input)
            .map(|m| {
                Finding::text(
                    m.range(),
                    t!(
                        input.config.language,
                        "charter-forbidden",
                        term = m.as_str()
                    ),
                    t!(input.config.language, "charter-forbidden-help"),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_text, rule};

    #[test]
    fn whole_words_any_case() {
        let r = rule("{ id: v, type: forbidden, terms: [low-cost, \"pas cher\", vieux] }");
        assert_eq!(
            check_text(&r, "Un produit Low-Cost et PAS CHER."),
            ["Low-Cost", "PAS CHER"]
        );
        // "vieux" must not fire inside "vieuxport" nor on "pas chère".
        assert!(check_text(&r, "Le Vieuxport, pas chère du tout.").is_empty());
    }

    #[test]
    fn not_in_urls_or_hashtags() {
        let r = rule("{ id: v, type: forbidden, terms: [vieux] }");
        assert!(check_text(&r, "Voir https://ex.com/vieux et #vieux").is_empty());
    }

    #[test]
    fn regex_patterns() {
        let r = rule("{ id: v, type: forbidden, regex: true, terms: [\"\\\\bsenior(s)?\\\\b\"] }");
        assert_eq!(check_text(&r, "Pour les Seniors actifs"), ["Seniors"]);
    }
}
