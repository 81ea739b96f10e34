//! The sections of trame.yaml about the world outside the project: `links:` (what
//! `check --links` skips and how long a result is kept) and `veille:` (the monitoring sources
//! `trame veille` fetches). Only those two commands use them; nothing else touches the network.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos, did_you_mean};
use crate::load::config::CONFIG_FILE;
use crate::load::content::VeilleKind;
use crate::load::yaml::{self, Fields};

/// `links:`.
#[derive(Debug, Clone)]
pub struct Links {
    /// URLs matching one of these are never checked.
    pub exclude: Vec<regex::Regex>,
    /// A cached result younger than this is reused (seconds).
    pub max_age: u64,
    /// The longest one address is waited for (seconds).
    pub timeout: u64,
}

impl Default for Links {
    fn default() -> Links {
        // A day, as lychee keeps its cache by default: a link checked this morning is not
        // asked again before tomorrow.
        Links {
            exclude: Vec::new(),
            max_age: 24 * 3600,
            timeout: 20,
        }
    }
}

impl Links {
    pub fn excluded(&self, url: &str) -> bool {
        self.exclude.iter().any(|r| r.is_match(url))
    }
}

/// One monitoring source of `veille.sources`.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub kind: VeilleKind,
    pub url: String,
    pub competitor: Option<String>,
    /// Watched on this source besides the project's keywords.
    pub keywords: Vec<String>,
    pub pos: Pos,
}

/// `veille:`.
#[derive(Debug, Clone)]
pub struct Veille {
    pub keywords: Vec<String>,
    /// `veille/alert` once more negative e-reputation notes than this fall within 24 hours.
    pub alert: Option<u32>,
    pub sources: Vec<Source>,
    /// The longest one feed is waited for (seconds).
    pub timeout: u64,
}

impl Default for Veille {
    fn default() -> Veille {
        Veille {
            keywords: Vec::new(),
            alert: None,
            sources: Vec::new(),
            timeout: 30,
        }
    }
}

impl Veille {
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// The file of `check --links`'s results in `.trame/`.
pub const CACHE: &str = "links.json";

/// What an address answered the last time `check --links` asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum Outcome {
    Ok,
    /// Followed to another address, which answered.
    Redirect {
        to: String,
    },
    /// 4xx or 5xx.
    Dead {
        status: u16,
    },
    /// No answer: the reason, in the words of the run that checked it.
    Unreachable {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cached {
    /// Seconds since 1970.
    pub checked: i64,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// `.trame/links.json`: address → its last result. `check --links` writes it; the audit
/// report reads the dead links from it (`build` never asks the network).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkCache {
    #[serde(default)]
    pub links: BTreeMap<String, Cached>,
}

/// The link cache of a project; a missing or unreadable one is empty (it only saves
/// requests, and a build reads it only for the audit's findings).
pub fn read_link_cache(root: &Path) -> LinkCache {
    let p = root.join(".trame").join(CACHE);
    crate::base::fs::read_io(root, &p, 64 * 1024 * 1024)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

pub const LINKS_KEYS: &[&str] = &["exclude", "max_age", "timeout"];
pub const VEILLE_KEYS: &[&str] = &["keywords", "alert", "sources", "timeout"];
pub const SOURCE_KEYS: &[&str] = &["id", "kind", "url", "competitor", "keywords"];

fn invalid(pos: Pos, message: String, help: String) -> Diagnostic {
    Diagnostic::new(Code::ConfigInvalid, CONFIG_FILE, pos, message).with_help(help)
}

/// `7d`, `12h`, `30m`, `2w`, or a number of seconds.
pub fn parse_age(text: &str) -> Option<u64> {
    let t = text.trim();
    let (n, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    let n: u64 = n.parse().ok()?;
    let unit = match unit.trim() {
        "" | "s" => 1,
        "m" | "min" => 60,
        "h" => 3600,
        "d" | "j" => 86_400,
        "w" | "sem" => 7 * 86_400,
        _ => return None,
    };
    n.checked_mul(unit)
}

/// A duration key (`max_age`, `timeout`) of `section`, in seconds.
fn age(f: &mut Fields<'_>, section: &str, key: &str) -> Option<u64> {
    let text = f.string(key)?;
    let lang = f.lang;
    match parse_age(&text) {
        Some(s) if key != "timeout" || s > 0 => Some(s),
        _ => {
            let pos = f.index.value_pos(&yaml::join(section, key));
            f.diags.push(invalid(
                pos,
                t!(
                    lang,
                    "config-links-max-age",
                    key = key,
                    value = text.as_str()
                ),
                t!(lang, "config-links-max-age-help", key = key),
            ));
            None
        }
    }
}

pub fn read_links(f: &mut Fields<'_>) -> Links {
    let mut links = Links::default();
    let lang = f.lang;
    let what = || "`links`".to_string();
    let Some(mut l) = f.sub("links", &what) else {
        return links;
    };
    l.report_unknown(LINKS_KEYS, Code::ConfigUnknownKey, &what);
    for (pattern, pos) in l.strings("exclude").unwrap_or_default() {
        match regex::Regex::new(&pattern) {
            Ok(r) => links.exclude.push(r),
            Err(e) => l.diags.push(invalid(
                pos,
                t!(lang, "config-links-exclude", pattern = pattern.as_str()),
                t!(lang, "config-links-exclude-help", problem = e.to_string()),
            )),
        }
    }
    if let Some(s) = age(&mut l, "links", "max_age") {
        links.max_age = s;
    }
    if let Some(s) = age(&mut l, "links", "timeout") {
        links.timeout = s;
    }
    links
}

pub fn read_veille(f: &mut Fields<'_>) -> Veille {
    let mut veille = Veille::default();
    let lang = f.lang;
    let what = || "`veille`".to_string();
    let Some(mut v) = f.sub("veille", &what) else {
        return veille;
    };
    v.report_unknown(VEILLE_KEYS, Code::ConfigUnknownKey, &what);
    veille.keywords = words(&mut v, "keywords");
    if let Some(s) = age(&mut v, "veille", "timeout") {
        veille.timeout = s;
    }
    if let Some(n) = v.number("alert") {
        if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) {
            veille.alert = Some(n as u32);
        } else {
            let pos = v.index.value_pos("veille.alert");
            v.diags.push(invalid(
                pos,
                t!(lang, "config-veille-alert", value = n.to_string()),
                t!(lang, "config-veille-alert-help"),
            ));
        }
    }
    let Some(list) = v.list("sources") else {
        return veille;
    };
    let mut seen = BTreeSet::new();
    for (i, item) in list.iter().enumerate() {
        let path = yaml::item("veille.sources", i);
        let item_pos = v.index.pos(&path);
        let what = || t!(lang, "what-veille-source", n = i + 1);
        let mut s = Fields::new(item, v.index, &path, CONFIG_FILE, &what, v.diags, lang);
        if !s.is_map() {
            continue;
        }
        s.report_unknown(SOURCE_KEYS, Code::ConfigUnknownKey, &what);
        let id = s.string("id").map(|x| x.trim().to_string());
        let url = s.string("url").map(|x| x.trim().to_string());
        let kind_text = s.string("kind");
        let competitor = s.string("competitor");
        let keywords = words(&mut s, "keywords");
        let Some(id) = id.filter(|x| !x.is_empty()) else {
            s.diags.push(invalid(
                item_pos,
                t!(lang, "config-veille-source-field", n = i + 1, key = "id"),
                t!(lang, "config-veille-source-help"),
            ));
            continue;
        };
        if !seen.insert(id.clone()) {
            s.diags.push(invalid(
                s.index.value_pos(&yaml::join(&path, "id")),
                t!(lang, "config-veille-source-duplicate", id = id.as_str()),
                t!(lang, "config-veille-source-duplicate-help"),
            ));
            continue;
        }
        let kind = match kind_text {
            None => {
                s.diags.push(invalid(
                    item_pos,
                    t!(lang, "config-veille-source-field", n = i + 1, key = "kind"),
                    t!(lang, "config-veille-source-help"),
                ));
                continue;
            }
            Some(k) => match VeilleKind::parse(&k) {
                Some(k) => k,
                None => {
                    let names = VeilleKind::ALL.map(|k| k.name());
                    let help = did_you_mean(&k, names)
                        .map(|x| t!(lang, "did-you-mean", name = x))
                        .unwrap_or_else(|| {
                            t!(
                                lang,
                                "veille-choice-help",
                                key = "kind",
                                names = names.join(", ")
                            )
                        });
                    s.diags.push(invalid(
                        s.index.value_pos(&yaml::join(&path, "kind")),
                        t!(lang, "veille-choice", key = "kind", value = k.as_str()),
                        help,
                    ));
                    continue;
                }
            },
        };
        let url_ok = url.as_deref().is_some_and(|u| {
            (u.starts_with("https://") || u.starts_with("http://"))
                && url::Url::parse(u).is_ok_and(|p| p.host_str().is_some())
        });
        let Some(url) = url.filter(|_| url_ok) else {
            let pos = if s.raw("url").is_some() {
                s.index.value_pos(&yaml::join(&path, "url"))
            } else {
                item_pos
            };
            s.diags.push(invalid(
                pos,
                t!(lang, "config-veille-source-url", id = id.as_str()),
                t!(lang, "config-veille-source-url-help"),
            ));
            continue;
        };
        veille.sources.push(Source {
            id,
            kind,
            url,
            competitor,
            keywords,
            pos: item_pos,
        });
    }
    veille
}

fn words(f: &mut Fields<'_>, key: &str) -> Vec<String> {
    f.strings(key)
        .unwrap_or_default()
        .into_iter()
        .map(|(s, _)| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages() {
        assert_eq!(parse_age("7d"), Some(7 * 86_400));
        assert_eq!(parse_age("12h"), Some(12 * 3600));
        assert_eq!(parse_age("90"), Some(90));
        assert_eq!(parse_age("2w"), Some(14 * 86_400));
        assert_eq!(parse_age("soon"), None);
        assert_eq!(parse_age("3 years"), None);
    }
}
