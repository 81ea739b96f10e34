//! `preferred`: the term to use instead of others; the fix is in `help`.

use crate::diagnostics::Code;
use regex::Regex;

use super::super::{Finding, VariantInput};
use super::{Rule, RuleType};
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
                "this rule needs `use`: the term to write",
            )
            .with_help("add `use: courriel`"),
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
                Finding::text(
                    m.range(),
                    format!("write `{}` rather than `{}`", self.use_, m.as_str()),
                    format!("replace `{}` with `{}`", m.as_str(), self.use_),
                )
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
