//! `preferred`: the term to use instead of others; the fix is in `help`.

use crate::diagnostics::Code;
use regex::Regex;

use super::super::{Finding, VariantInput};
use super::{Rule, RuleType};
use crate::base::l10n::t;
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &["use", "instead_of"];

/// The `preferred` rule type.
pub const TYPE: RuleType = RuleType {
    name: "preferred",
    options: OPTIONS,
    compile: |f, _| Some(Box::new(compile(f)?)),
};

#[derive(Debug)]
pub struct Preferred {
    use_: String,
    re: Regex,
}

pub fn compile(f: &mut Fields<'_>) -> Option<Preferred> {
    let use_ = f.string("use");
    let others = super::terms(f, "instead_of")?;
    let Some(use_) = use_ else {
        let pos = f.index.pos(&f.path);
        f.diags.push(
            crate::diagnostics::Diagnostic::new(
                Code::ConfigInvalid,
                f.file,
                pos,
                t!(f.lang, "charter-preferred-use"),
            )
            .with_help(t!(f.lang, "charter-preferred-use-help")),
        );
        return None;
    };
    let re = super::words_regex(&others, true).ok()?;
    Some(Preferred { use_, re })
}

impl Rule for Preferred {
    fn check_variant(&self, input: &VariantInput<'_>) -> Vec<Finding> {
        super::prose_matches(&self.re, input)
            .map(|m| {
                // `Mail` at the start of a sentence becomes `Courriel`.
                let upper = m.as_str().chars().next().is_some_and(char::is_uppercase);
                let mut chars = self.use_.chars();
                let replacement = match chars.next() {
                    Some(first) if upper => first.to_uppercase().chain(chars).collect(),
                    _ => self.use_.clone(),
                };
                Finding::text(
                    m.range(),
                    t!(
                        input.config.language,
                        "charter-preferred",
                        term = self.use_.as_str(),
                        found = m.as_str()
                    ),
                    t!(
                        input.config.language,
                        "charter-preferred-help",
                        term = self.use_.as_str(),
                        found = m.as_str()
                    ),
                )
                .with_fix(replacement)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_text, rule};

    #[test]
    fn suggests_the_preferred_term() {
        let r = rule("{ id: c, type: preferred, use: courriel, instead_of: [e-mail, mail] }");
        assert_eq!(
            check_text(&r, "Envoyez un e-mail ou un Mail."),
            ["e-mail", "Mail"]
        );
        assert!(check_text(&r, "Par courriel, ou à contact@mail.fr").is_empty());
    }
}
