//! `address`: the French form of address. `form: vous` flags tutoiement, `form: tu` flags
//! vouvoiement, `form: consistent` flags a text that mixes both. Words inside quotes are
//! someone else's words and never count.

use super::super::{Finding, VariantInput, text};
use super::{Rule, RuleType};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &["form"];

/// The `address` rule type.
pub const TYPE: RuleType = RuleType {
    name: "address",
    options: OPTIONS,
    compile: |f, _| Some(Box::new(compile(f)?)),
};

const TU: &[&str] = &[
    "tu", "te", "toi", "ton", "ta", "tes", "tien", "tienne", "tiennes", "tiens",
];
const VOUS: &[&str] = &["vous", "votre", "vos", "vôtre", "vôtres"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Tu,
    Vous,
    Consistent,
}

#[derive(Debug)]
pub struct Address {
    form: Form,
}

pub fn compile(f: &mut Fields<'_>) -> Option<Address> {
    let form = match f.string("form").as_deref() {
        Some("vous") => Form::Vous,
        Some("tu") => Form::Tu,
        Some("consistent") | None => Form::Consistent,
        Some(other) => {
            let pos = f.index.value_pos(&f.key_path("form"));
            f.diags.push(
                Diagnostic::new(
                    Code::ConfigInvalid,
                    f.file,
                    pos,
                    t!(f.lang, "charter-address-form", form = other),
                )
                .with_help(t!(f.lang, "charter-address-form-help")),
            );
            return None;
        }
    };
    Some(Address { form })
}

/// Which form a word marks, if any (`t’` and `t'` elided before a vowel mark tu).
fn mark(word: &str) -> Option<Form> {
    let w = word.to_lowercase();
    let head = w.split(['\'', '’']).next().unwrap_or(&w);
    if w.len() > head.len() && head == "t" {
        return Some(Form::Tu);
    }
    // "tiens" is also "je tiens": only take it alone at the start of a sentence? Too risky.
    if TU.contains(&w.as_str()) && w != "tiens" {
        return Some(Form::Tu);
    }
    if VOUS.contains(&w.as_str()) {
        return Some(Form::Vous);
    }
    None
}

impl Rule for Address {
    fn check_variant(&self, input: &VariantInput<'_>) -> Vec<Finding> {
        let quoted = text::quoted_ranges(input.text);
        let lang = input.config.language;
        let marks: Vec<(usize, &str, Form)> = input
            .words
            .iter()
            .copied()
            .filter(|(i, _)| !text::in_skip(&quoted, *i))
            .filter_map(|(i, w)| mark(w).map(|f| (i, w, f)))
            .collect();
        let flag = |want: Form, (i, w, _): &(usize, &str, Form)| {
            let (msg, help) = match want {
                Form::Vous => (
                    t!(lang, "charter-address-vous", word = *w),
                    t!(lang, "charter-address-vous-help"),
                ),
                _ => (
                    t!(lang, "charter-address-tu", word = *w),
                    t!(lang, "charter-address-tu-help"),
                ),
            };
            Finding::text(*i..*i + w.len(), msg, help)
        };
        match self.form {
            Form::Vous => marks
                .iter()
                .filter(|m| m.2 == Form::Tu)
                .map(|m| flag(Form::Vous, m))
                .collect(),
            Form::Tu => marks
                .iter()
                .filter(|m| m.2 == Form::Vous)
                .map(|m| flag(Form::Tu, m))
                .collect(),
            Form::Consistent => {
                let tu = marks.iter().filter(|m| m.2 == Form::Tu).count();
                let vous = marks.len() - tu;
                if tu == 0 || vous == 0 {
                    return Vec::new();
                }
                // Flag the less used form: the other one is the text's choice.
                let (minority, majority) = if tu < vous {
                    (Form::Tu, Form::Vous)
                } else {
                    (Form::Vous, Form::Tu)
                };
                marks
                    .iter()
                    .filter(|m| m.2 == minority)
                    .map(|(i, w, _)| {
                        Finding::text(
                            *i..*i + w.len(),
                            t!(lang, "charter-address-mixed", word = *w),
                            if majority == Form::Vous {
                                t!(lang, "charter-address-mixed-vous-help")
                            } else {
                                t!(lang, "charter-address-mixed-tu-help")
                            },
                        )
                    })
                    .collect()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_text, rule};

    #[test]
    fn vous_flags_tutoiement() {
        let r = rule("{ id: a, type: address, form: vous }");
        assert_eq!(
            check_text(&r, "Prends tes bâtons, on t’attend avec ton sourire."),
            ["tes", "t’attend", "ton"]
        );
    }

    #[test]
    fn no_false_positives() {
        let r = rule("{ id: a, type: address, form: tu }");
        // "vous" in a quotation is someone else's voice; "tutu", "voustiti" are not pronouns.
        assert!(
            check_text(
                &r,
                "Colette dit : « Vous verrez, c'est facile. » Un tutu, voustiti."
            )
            .is_empty()
        );
        let r = rule("{ id: a, type: address, form: vous }");
        assert!(check_text(&r, "La tutelle, le tonus, une tasse de thé, je tiens bon.").is_empty());
    }

    #[test]
    fn consistent_flags_the_minority() {
        let r = rule("{ id: a, type: address, form: consistent }");
        assert_eq!(
            check_text(&r, "Vous marchez avec vos amis ? Prends ton temps."),
            ["ton"]
        );
        assert!(check_text(&r, "Vous marchez avec vos amis.").is_empty());
    }
}
