//! The networks a project publishes on: the 12 built-in ones (data in `builtin.yaml`, each
//! figure with its source) merged with the project's overrides and custom networks.

pub mod counting;
pub mod twitter_text;

use crate::diagnostics::Code;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use counting::Counting;

use crate::load::yaml::{self, Mapping, Value};

const BUILTIN: &str = include_str!("builtin.yaml");

/// Where a network wants the post's hashtags.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// Tag the words already in the text, append the others.
    Inline,
    /// On their own line at the end.
    #[default]
    End,
    /// In the first comment, not in the text.
    FirstComment,
}

/// What happens to the post's `link` on this network.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LinkMode {
    /// Pasted in the text, where it is clickable.
    #[default]
    Text,
    /// Not clickable in the text: the variant points to the link in the profile.
    Bio,
    /// A separate field of the post (Pinterest's destination link, a Snapchat sticker).
    Field,
    /// In the first comment.
    FirstComment,
}

impl LinkMode {
    pub fn clickable_in_text(self) -> bool {
        matches!(self, LinkMode::Text | LinkMode::FirstComment)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct HashtagRule {
    /// More than this many is reported (`network/hashtag-count`).
    pub max: Option<usize>,
    pub placement: Placement,
}

/// An aspect ratio, width / height, written `4:5` or `1.91:1` or `0.8`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ratio(pub f64);

impl<'de> Deserialize<'de> for Ratio {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Ratio, D::Error> {
        let v = Value::deserialize(d)?;
        let text = yaml::scalar_text(&v).unwrap_or_default();
        parse_ratio(&text).map(Ratio).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a ratio like 4:5 or 1.91:1"))
        })
    }
}

/// `4:5`, `1.91:1` or a number.
impl schemars::JsonSchema for Ratio {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Ratio".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "anyOf": [
                { "type": "string", "pattern": "^\\s*[0-9.]+\\s*(:\\s*[0-9.]+\\s*)?$" },
                { "type": "number", "exclusiveMinimum": 0 }
            ]
        })
    }
}

pub fn parse_ratio(text: &str) -> Option<f64> {
    let (w, h) = match text.split_once(':') {
        Some((w, h)) => (w.trim().parse::<f64>().ok()?, h.trim().parse::<f64>().ok()?),
        None => (text.trim().parse::<f64>().ok()?, 1.0),
    };
    (w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite()).then_some(w / h)
}

/// Writes a ratio back the way people say it (`4:5`, `1.91:1`).
pub fn format_ratio(r: f64) -> String {
    for (w, h) in [
        (1, 1),
        (4, 5),
        (9, 16),
        (16, 9),
        (2, 3),
        (3, 2),
        (3, 4),
        (4, 3),
        (1, 2),
        (1, 10),
        (10, 1),
    ] {
        if (r - f64::from(w) / f64::from(h)).abs() < 0.005 {
            return format!("{w}:{h}");
        }
    }
    format!("{:.2}:1", r)
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AspectRange {
    pub min: Ratio,
    pub max: Ratio,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct MediaRule {
    pub required: bool,
    pub max: Option<usize>,
    pub aspect: Option<AspectRange>,
    /// The network takes alt text for images.
    pub alt: bool,
    pub alt_max: Option<usize>,
    /// Image formats accepted (`jpeg`, `png`, `gif`, `webp`…); empty = any.
    pub formats: Vec<String>,
    /// The largest image file the network takes.
    pub max_bytes: Option<u64>,
    /// The network publishes videos, never images (YouTube).
    pub video_only: bool,
    pub video: VideoRule,
}

/// What a network takes as a video (only the figures a primary source gives).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct VideoRule {
    pub min_seconds: Option<f64>,
    pub max_seconds: Option<f64>,
    pub max_bytes: Option<u64>,
    pub aspect: Option<AspectRange>,
    /// Containers accepted (`mp4`, `mov`, `webm`…); empty = any.
    pub formats: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TitleRule {
    pub max: usize,
    #[serde(default)]
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub figure: String,
    pub source: String,
    pub checked: String,
}

/// One network's rules, built-in or custom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
#[schemars(deny_unknown_fields)]
pub struct Network {
    #[serde(skip_deserializing)]
    pub id: String,
    pub label: String,
    /// Other ids of the network (built-in data only).
    #[schemars(skip)]
    pub aliases: Vec<String>,
    pub handle: Option<String>,
    pub color: Option<crate::base::color::Rgb>,
    pub max_length: Option<usize>,
    pub max_bytes: Option<usize>,
    pub counting: Counting,
    pub fold: Option<usize>,
    pub hashtags: HashtagRule,
    pub links: LinkMode,
    pub max_links: Option<usize>,
    pub media: MediaRule,
    pub title: Option<TitleRule>,
    /// A text too long for one post can go out as a thread of replies.
    pub threads: bool,
    /// Where each figure of a built-in network comes from (built-in data only).
    #[schemars(skip)]
    pub sources: Vec<Source>,
    #[serde(skip)]
    pub builtin: bool,
}

impl Default for Network {
    fn default() -> Network {
        Network {
            id: String::new(),
            label: String::new(),
            aliases: Vec::new(),
            handle: None,
            color: None,
            max_length: None,
            max_bytes: None,
            counting: Counting::Characters,
            fold: None,
            hashtags: HashtagRule::default(),
            links: LinkMode::Text,
            max_links: None,
            media: MediaRule::default(),
            title: None,
            threads: false,
            sources: Vec::new(),
            builtin: false,
        }
    }
}

impl Network {
    pub fn count(&self, text: &str) -> usize {
        self.counting.count(text)
    }
}

/// The keys a network entry of trame.yaml may have.
pub const NETWORK_KEYS: &[&str] = &[
    "label",
    "handle",
    "color",
    "max_length",
    "max_bytes",
    "counting",
    "fold",
    "hashtags",
    "links",
    "max_links",
    "media",
    "title",
    "threads",
];

fn builtin_values() -> &'static BTreeMap<String, Value> {
    static DATA: OnceLock<BTreeMap<String, Value>> = OnceLock::new();
    DATA.get_or_init(|| {
        // The file is part of the binary and covered by tests: a parse failure is a bug in trame.
        yaml::from_str::<BTreeMap<String, Value>>(BUILTIN).unwrap_or_default()
    })
}

/// The ids of the built-in networks, in a stable order.
pub fn builtin_ids() -> Vec<&'static str> {
    builtin_values().keys().map(String::as_str).collect()
}

/// Maps an alias (`twitter`) to its network id (`x`).
pub fn canonical_id(id: &str) -> String {
    static ALIASES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    let aliases = ALIASES.get_or_init(|| {
        let mut m = BTreeMap::new();
        for (key, v) in builtin_values() {
            for a in v
                .get("aliases")
                .and_then(Value::as_sequence)
                .into_iter()
                .flatten()
            {
                if let Some(a) = a.as_str() {
                    m.insert(a.to_string(), key.clone());
                }
            }
        }
        m
    });
    let trimmed = id.trim();
    let lower = if trimmed.bytes().any(|b| b.is_ascii_uppercase()) || !trimmed.is_ascii() {
        trimmed.to_lowercase()
    } else {
        trimmed.to_string()
    };
    aliases.get(&lower).cloned().unwrap_or(lower)
}

/// A built-in network, with an optional override map from trame.yaml merged over it.
pub fn resolve(
    id: &str,
    overrides: Option<&Mapping>,
    lang: crate::base::l10n::Language,
) -> Result<Network, String> {
    let mut value = builtin_values()
        .get(id)
        .cloned()
        .unwrap_or_else(|| Value::Mapping(Mapping::new()));
    let builtin = builtin_values().contains_key(id);
    if let Some(o) = overrides {
        merge(&mut value, &Value::Mapping(o.clone()));
    }
    let mut n: Network =
        serde_yaml::from_value(value).map_err(|e| yaml::serde_message(lang, &e.to_string()))?;
    n.id = id.to_string();
    n.builtin = builtin;
    if n.label.is_empty() {
        n.label = id.to_string();
    }
    Ok(n)
}

/// Deep merge: maps merge key by key, anything else is replaced.
fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Mapping(b), Value::Mapping(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (slot, v) => *slot = v.clone(),
    }
}

/// Every network a project can use: all built-ins plus its custom ones.
#[derive(Debug, Clone, Default)]
pub struct Networks {
    pub by_id: BTreeMap<String, Network>,
    /// The ids listed in trame.yaml `networks:`, in file order.
    pub configured: Vec<String>,
}

impl Networks {
    /// The built-in networks with no project overrides.
    pub fn builtin() -> Networks {
        let mut by_id = BTreeMap::new();
        for id in builtin_ids() {
            if let Ok(n) = resolve(id, None, crate::base::l10n::Language::En) {
                by_id.insert(id.to_string(), n);
            }
        }
        Networks {
            by_id,
            configured: Vec::new(),
        }
    }

    /// Looks a network up by id or alias.
    pub fn get(&self, id: &str) -> Option<&Network> {
        self.by_id.get(&canonical_id(id))
    }

    /// A network's label (`LinkedIn`), or its id when it is not known.
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        self.get(id).map_or(id, |n| n.label.as_str())
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.by_id.keys().map(String::as_str)
    }
}

/// `network/unknown`, with the closest id or the list of ids as help.
pub fn unknown_diagnostic(
    id: &str,
    file: &str,
    pos: crate::diagnostics::Pos,
    networks: &Networks,
    lang: crate::base::l10n::Language,
) -> crate::diagnostics::Diagnostic {
    let items: Vec<&str> = id
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    // `networks: linkedin, instagram`: one text with commas, not a list.
    let list = (items.len() > 1).then(|| {
        crate::base::l10n::t!(
            lang,
            "hint-comma-list",
            key = "networks",
            list = items.join(", ")
        )
    });
    let help = list
        .or_else(|| {
            crate::diagnostics::did_you_mean(id, networks.ids())
                .map(|s| crate::base::l10n::t!(lang, "did-you-mean", name = s))
        })
        .unwrap_or_else(|| {
            crate::base::l10n::t!(
                lang,
                "network-unknown-help",
                networks = networks.ids().collect::<Vec<_>>().join(", ")
            )
        });
    crate::diagnostics::Diagnostic::new(
        Code::NetworkUnknown,
        file,
        pos,
        crate::base::l10n::t!(lang, "network-unknown", network = id),
    )
    .with_help(help)
    .with_span(id.chars().count())
}

/// Whether a text can be published as is: within the limit, not empty, and (on X) free of the
/// characters twitter-text rejects.
pub fn is_valid(n: &Network, text: &str, length: usize) -> bool {
    if text.trim().is_empty() {
        return false;
    }
    if n.counting == Counting::Twitter && text.contains(['\u{fffe}', '\u{feff}', '\u{ffff}']) {
        return false;
    }
    if let Some(max) = n.max_bytes
        && text.len() > max
    {
        return false;
    }
    n.max_length.is_none_or(|m| length <= m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_twelve_builtins_parse() {
        let n = Networks::builtin();
        let ids: Vec<_> = n.ids().collect();
        assert_eq!(
            ids,
            [
                "bluesky",
                "facebook",
                "instagram",
                "linkedin",
                "mastodon",
                "pinterest",
                "snapchat",
                "threads",
                "tiktok",
                "whatsapp",
                "x",
                "youtube"
            ]
        );
        assert_eq!(n.get("twitter").map(|n| n.id.as_str()), Some("x"));
        assert_eq!(n.get("instagram").and_then(|n| n.hashtags.max), Some(5));
    }

    /// Every figure a built-in network sets must name its source and the date it was checked.
    #[test]
    fn every_builtin_figure_has_a_source() {
        let values = builtin_values();
        for (id, v) in values {
            let n = resolve(id, None, crate::base::l10n::Language::En)
                .unwrap_or_else(|e| panic!("{id}: {e}"));
            let cited: Vec<&str> = n.sources.iter().map(|s| s.figure.as_str()).collect();
            for s in &n.sources {
                assert!(!s.source.is_empty() && s.checked.len() == 10, "{id}: {s:?}");
            }
            let Some(map) = v.as_mapping() else { continue };
            for (k, val) in map {
                let k = k.as_str().unwrap_or_default();
                if ["label", "aliases", "color", "sources"].contains(&k) {
                    continue;
                }
                let figures: Vec<String> = match val.as_mapping() {
                    Some(inner) => inner
                        .keys()
                        .filter_map(|ik| ik.as_str())
                        .filter(|ik| *ik != "placement")
                        .map(|ik| format!("{k}.{ik}"))
                        .collect(),
                    None => vec![k.to_string()],
                };
                for f in figures {
                    let covered = cited.iter().any(|c| {
                        *c == f
                            || f.starts_with(&format!("{c}."))
                            || (f == "media.alt" && *c == "media.alt_max")
                    });
                    let default_choice = f == "counting" && val.as_str() == Some("characters")
                        || f == "links" && val.as_str() == Some("text");
                    assert!(
                        covered || default_choice,
                        "{id}: figure `{f}` has no source"
                    );
                }
            }
        }
    }

    #[test]
    fn overrides_merge_deeply() {
        let mut o = Mapping::new();
        let mut h = Mapping::new();
        h.insert(Value::from("max"), Value::from(3));
        o.insert(Value::from("hashtags"), Value::Mapping(h));
        let n = resolve("instagram", Some(&o), crate::base::l10n::Language::En)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(n.hashtags.max, Some(3));
        assert_eq!(n.hashtags.placement, Placement::End);
        assert_eq!(n.max_length, Some(2200));
    }

    #[test]
    fn ratios() {
        assert_eq!(parse_ratio("4:5"), Some(0.8));
        assert!((parse_ratio("1.91:1").unwrap_or(0.0) - 1.91).abs() < 1e-9);
        assert_eq!(parse_ratio("x"), None);
        assert_eq!(format_ratio(0.8), "4:5");
    }
}
