//! `links`: links must carry UTM parameters; link shorteners hide where a link goes.

use super::super::{Finding, Target, VariantInput};
use super::{Rule, RuleType};
use crate::adapt::url_ranges;
use crate::base::l10n::t;
use crate::load::config::Language;
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &["require_utm", "forbid_shorteners", "shorteners"];

/// The `links` rule type.
pub const TYPE: RuleType = RuleType {
    name: "links",
    options: OPTIONS,
    compile: |f, _| Some(Box::new(compile(f)?)),
};

const SHORTENERS: &[&str] = &[
    "bit.ly",
    "t.co",
    "ow.ly",
    "tinyurl.com",
    "goo.gl",
    "buff.ly",
    "is.gd",
    "rebrand.ly",
    "cutt.ly",
    "lnkd.in",
    "shorturl.at",
    "tiny.cc",
    "t.ly",
    "rb.gy",
];

#[derive(Debug)]
pub struct Links {
    require_utm: bool,
    forbid_shorteners: bool,
    shorteners: Vec<String>,
}

pub fn compile(f: &mut Fields<'_>) -> Option<Links> {
    let mut shorteners: Vec<String> = SHORTENERS.iter().map(|s| s.to_string()).collect();
    shorteners.extend(
        f.strings("shorteners")
            .unwrap_or_default()
            .into_iter()
            .map(|(s, _)| s.to_lowercase()),
    );
    Some(Links {
        require_utm: f.bool("require_utm").unwrap_or(false),
        forbid_shorteners: f.bool("forbid_shorteners").unwrap_or(false),
        shorteners,
    })
}

fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |x| x.1);
    rest.split(['/', '?', '#', ':'])
        .next()
        .unwrap_or_default()
        .trim_start_matches("www.")
        .to_lowercase()
}

/// Whether a web address carries UTM parameters (a query key `utm_…`, not a key that only
/// contains the letters).
fn has_utm(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| u.query_pairs().any(|(k, _)| k.starts_with("utm_")))
}

impl Links {
    fn problems(&self, url: &str, lang: Language) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let h = host(url);
        if self.forbid_shorteners && self.shorteners.contains(&h) {
            out.push((
                t!(lang, "charter-shortener", host = h.as_str()),
                t!(lang, "charter-shortener-help"),
            ));
        } else if self.require_utm && !has_utm(url) {
            out.push((
                t!(lang, "charter-utm", url = url),
                t!(lang, "charter-utm-help"),
            ));
        }
        out
    }
}

impl Rule for Links {
    fn check_variant(&self, input: &VariantInput<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        for r in url_ranges(input.text) {
            for (message, help) in self.problems(&input.text[r.clone()], input.config.language) {
                out.push(Finding::text(r.clone(), message, help));
            }
        }
        if let Some(link) = &input.variant.link {
            for (message, help) in self.problems(link, input.config.language) {
                out.push(Finding {
                    target: Target::Field("link".into()),
                    message,
                    help: Some(help),
                    suggest: None,
                    fix: None,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_text, rule};

    #[test]
    fn utm_and_shorteners() {
        let r = rule("{ id: l, type: links, require_utm: true, forbid_shorteners: true }");
        assert_eq!(
            check_text(
                &r,
                "Voir https://bit.ly/xyz et https://alti.example.com/a et https://alti.example.com/b?utm_source=x et https://alti.example.com/c?xutm_source=1"
            ),
            [
                "https://bit.ly/xyz",
                "https://alti.example.com/a",
                "https://alti.example.com/c?xutm_source=1"
            ]
        );
    }
}
