//! `hashtags`: required tags (or the tag of the post's campaign), banned tags, and CamelCase for
//! tags of several words (screen readers read `#MarcheActive`, not `#marcheactive`).

use super::super::{Finding, Target, VariantInput};
use super::{Rule, RuleType};
use crate::adapt::normalise_hashtag;
use crate::base::l10n::t;
use crate::diagnostics::Code;
use crate::load::content::EntryKind;
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &[
    "required",
    "required_from",
    "banned",
    "camel_case",
    "min_camel_length",
];

/// The `hashtags` rule type.
pub const TYPE: RuleType = RuleType {
    name: "hashtags",
    options: OPTIONS,
    compile: |f, _| Some(Box::new(compile(f)?)),
};

#[derive(Debug)]
pub struct Hashtags {
    required: Vec<String>,
    from_campaign: bool,
    banned: Vec<String>,
    camel_case: bool,
    /// A lower-case tag at least this long is taken as several words run together.
    min_camel_length: usize,
}

pub fn compile(f: &mut Fields<'_>) -> Option<Hashtags> {
    let list = |f: &mut Fields<'_>, k: &str| -> Vec<String> {
        f.strings(k)
            .unwrap_or_default()
            .into_iter()
            .map(|(t, _)| normalise_hashtag(&t))
            .collect()
    };
    let required = list(f, "required");
    let banned = list(f, "banned");
    let from_campaign = match f.string("required_from").as_deref() {
        None => false,
        Some("campaign") => true,
        Some(other) => {
            let pos = f.index.value_pos(&f.key_path("required_from"));
            f.diags.push(
                crate::diagnostics::Diagnostic::new(
                    Code::ConfigInvalid,
                    f.file,
                    pos,
                    t!(f.lang, "charter-required-from", value = other),
                )
                .with_help(t!(f.lang, "charter-required-from-help")),
            );
            return None;
        }
    };
    let camel_case = f.bool("camel_case").unwrap_or(false);
    let min_camel_length = f
        .number("min_camel_length")
        .map_or(12, |n| n.max(1.0) as usize);
    Some(Hashtags {
        required,
        from_campaign,
        banned,
        camel_case,
        min_camel_length,
    })
}

/// The hashtag of a campaign: `extra: { hashtag: "#X" }` on its entry, else its id in CamelCase.
pub fn campaign_tag(id: &str, input: &VariantInput<'_>) -> Option<String> {
    let entry = input
        .entries
        .get(id)
        .filter(|e| e.kind == EntryKind::Campaign)?;
    if let Some(tag) = entry.extra.get("hashtag").and_then(|v| v.as_str()) {
        return Some(normalise_hashtag(tag));
    }
    let camel: String = id
        .split(['-', '_', ' '])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    Some(format!("#{camel}"))
}

/// A text and its lower-case form, computed once for every tag looked up in it.
struct Haystack<'a> {
    text: &'a str,
    lower: String,
}

impl<'a> Haystack<'a> {
    fn new(text: &'a str) -> Haystack<'a> {
        Haystack {
            text,
            lower: text.to_lowercase(),
        }
    }

    fn find(&self, tag: &str) -> Option<std::ops::Range<usize>> {
        find_tag(self.text, &self.lower, tag)
    }
}

fn find_tag(text: &str, lower: &str, tag: &str) -> Option<std::ops::Range<usize>> {
    if !text.contains('#') {
        return None;
    }
    if lower.len() != text.len() {
        return text.find(tag).map(|i| i..i + tag.len());
    }
    let t = tag.to_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&t) {
        let s = from + i;
        let e = s + t.len();
        if !text[e..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            return Some(s..e);
        }
        from = e;
    }
    None
}

impl Rule for Hashtags {
    fn check_variant(&self, input: &VariantInput<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        let lang = input.config.language;
        let text = Haystack::new(input.text);
        let comment = Haystack::new(input.first_comment.unwrap_or_default());
        let present = |tag: &str| text.find(tag).is_some() || comment.find(tag).is_some();
        let mut required = self.required.clone();
        if self.from_campaign
            && let Some((c, _)) = &input.post.campaign
            && let Some(tag) = campaign_tag(c, input)
        {
            required.push(tag);
        }
        for tag in &required {
            if !present(tag) {
                out.push(Finding {
                    target: Target::Field(if input.post.hashtags.is_empty() {
                        "title".into()
                    } else {
                        "hashtags".into()
                    }),
                    message: t!(lang, "charter-hashtag-missing", tag = tag.as_str()),
                    help: Some(t!(
                        lang,
                        "charter-hashtag-missing-help",
                        tag = tag.trim_start_matches('#')
                    )),
                    suggest: None,
                    fix: None,
                });
            }
        }
        for tag in &self.banned {
            if let Some(r) = text.find(tag) {
                out.push(Finding::text(
                    r,
                    t!(lang, "charter-hashtag-banned", tag = tag.as_str()),
                    t!(lang, "charter-hashtag-banned-help"),
                ));
            } else if let Some(r) = comment.find(tag) {
                out.push(Finding {
                    target: Target::FirstComment(r),
                    message: t!(lang, "charter-hashtag-banned", tag = tag.as_str()),
                    help: Some(t!(lang, "charter-hashtag-banned-help")),
                    suggest: None,
                    fix: None,
                });
            }
        }
        if self.camel_case {
            for tag in crate::adapt::hashtags_in(input.text) {
                let bare = &tag[1..];
                let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
                let flat = bare.chars().all(|c| !c.is_alphabetic() || c.is_lowercase())
                    || bare.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
                let banned = self
                    .banned
                    .iter()
                    .any(|b| b.to_lowercase() == tag.to_lowercase());
                if flat
                    && !banned
                    && letters >= self.min_camel_length
                    && let Some(r) = text.find(&tag)
                {
                    out.push(Finding::text(
                        r,
                        t!(lang, "charter-hashtag-camel", tag = tag.as_str()),
                        t!(lang, "charter-hashtag-camel-help"),
                    ));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_text, rule};

    #[test]
    fn banned_and_camel_case() {
        let r = rule("{ id: h, type: hashtags, banned: [\"#followforfollow\"], camel_case: true }");
        assert_eq!(
            check_text(
                &r,
                "Bonne marche #FollowForFollow #randonnéehivernale #Rando"
            ),
            ["#FollowForFollow", "#randonnéehivernale"]
        );
        assert!(check_text(&r, "#MarcheActive #rando https://ex.com/#ancrefortlongue").is_empty());
    }

    #[test]
    fn required() {
        let r = rule("{ id: h, type: hashtags, required: [AltiHiver] }");
        assert_eq!(check_text(&r, "Sans le tag").len(), 1);
        assert!(check_text(&r, "Avec #altihiver").is_empty());
    }
}
