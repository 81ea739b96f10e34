//! `alt-text`: every image has an alt text of at least `min_length` characters, and not just
//! its file name.

use super::super::{Finding, PostInput};
use super::{Rule, RuleType};
use crate::base::l10n::t;
use crate::load::config::Language;
use crate::load::content::Media;
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &["min_length"];

/// The `alt-text` rule type.
pub const TYPE: RuleType = RuleType {
    name: "alt-text",
    options: OPTIONS,
    compile: |f, _| Some(Box::new(compile(f)?)),
};

#[derive(Debug)]
pub struct AltText {
    min_length: usize,
}

pub fn compile(f: &mut Fields<'_>) -> Option<AltText> {
    Some(AltText {
        min_length: f.number("min_length").map_or(1, |n| n.max(1.0) as usize),
    })
}

const IMAGE_EXT: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".svg"];

/// `IMG_1234`, `DSC00042.jpg`, the file's own name: not a description.
fn looks_like_a_file_name(alt: &str, path: &str) -> bool {
    let a = alt.trim().to_lowercase();
    let file = path.rsplit('/').next().unwrap_or(path).to_lowercase();
    let stem = file
        .rsplit_once('.')
        .map_or(file.as_str(), |x| x.0)
        .to_string();
    let camera = ["img", "dsc", "pxl", "dcim", "photo", "image"]
        .iter()
        .any(|p| {
            a.strip_prefix(p).is_some_and(|rest| {
                rest.trim_start_matches(['_', '-', ' ']).chars().all(|c| {
                    c.is_ascii_digit() || c == '.' || c.is_ascii_alphabetic() && rest.contains('.')
                })
            })
        });
    a == file
        || a == stem
        || a == stem.replace(['-', '_'], " ")
        || IMAGE_EXT.iter().any(|e| a.ends_with(e))
        || camera
}

impl AltText {
    fn media(&self, m: &Media, path: &str, lang: Language, out: &mut Vec<Finding>) {
        match m.alt.as_deref().map(str::trim) {
            None | Some("") => out.push(Finding::field(
                path.to_string(),
                t!(lang, "charter-alt-missing", path = m.path.as_str()),
                t!(lang, "charter-alt-missing-help"),
            )),
            Some(alt) if looks_like_a_file_name(alt, &m.path) => out.push(Finding::field(
                format!("{path}.alt"),
                t!(lang, "charter-alt-file-name", path = m.path.as_str()),
                t!(lang, "charter-alt-file-name-help"),
            )),
            Some(alt) if alt.chars().count() < self.min_length => out.push(Finding::field(
                format!("{path}.alt"),
                t!(
                    lang,
                    "charter-alt-short",
                    path = m.path.as_str(),
                    length = alt.chars().count(),
                    min = self.min_length
                ),
                t!(lang, "charter-alt-short-help"),
            )),
            _ => {}
        }
    }
}

impl Rule for AltText {
    fn covers(&self, code: crate::diagnostics::Code) -> bool {
        code == crate::diagnostics::Code::NetworkAltMissing
    }

    fn check_post(&self, input: &PostInput<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        let lang = input.config.language;
        for (i, m) in input.post.media.iter().enumerate() {
            self.media(m, &format!("media[{i}]"), lang, &mut out);
        }
        for (net, ov) in &input.post.variants {
            for (i, m) in ov.media.iter().flatten().enumerate() {
                let raw = input
                    .post
                    .index()
                    .keys("variants")
                    .iter()
                    .find(|(k, _)| crate::load::networks::canonical_id(k) == *net)
                    .map_or(net.clone(), |(k, _)| k.clone());
                self.media(m, &format!("variants.{raw}.media[{i}]"), lang, &mut out);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_post, rule};

    #[test]
    fn short_missing_and_file_names() {
        let r = rule("{ id: a, type: alt-text, min_length: 15 }");
        assert_eq!(
            check_post(&r, "media:\n  - { path: media/a.jpg, alt: \"Photo\" }").len(),
            1
        );
        assert_eq!(check_post(&r, "media:\n  - { path: media/a.jpg }").len(), 1);
        assert_eq!(
            check_post(
                &r,
                "media:\n  - { path: media/IMG_2041.jpg, alt: IMG_2041.jpg }"
            )
            .len(),
            1
        );
        assert!(
            check_post(
                &r,
                "media:\n  - { path: media/a.jpg, alt: \"Deux marcheurs sur un sentier enneigé\" }"
            )
            .is_empty()
        );
    }
}
