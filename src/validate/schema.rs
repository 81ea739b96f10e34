//! JSON Schemas of the files a team writes (`trame schema`, and `trame init` writes them into
//! `schemas/`), so that an editor checks the YAML as it is typed (yaml-language-server reads the
//! `# yaml-language-server: $schema=…` line of trame.yaml and charter.yaml).
//!
//! They are derived from the types that read the files (schemars): the networks' rules, media,
//! statuses, audit items are those types themselves; the top of each file is described by a
//! struct here whose keys the tests hold equal to the keys the reader accepts. Descriptions
//! come from the catalogues (`schema-…` messages), in the project's language.

use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, generate::SchemaSettings};
use serde_json::Value;

use crate::base::l10n::{self, Language};
use crate::load::content::audit::{Account, Cause, Competitor, Swot, TopPost};
use crate::load::content::{Media, Status};
use crate::load::networks::Network;

/// The files a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Trame,
    Charter,
    Post,
    Entry,
    Audit,
    Veille,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Trame,
        Kind::Charter,
        Kind::Post,
        Kind::Entry,
        Kind::Audit,
        Kind::Veille,
    ];

    /// `trame`, `charter`, `post`, `entry`, `audit`, `veille` (the `trame schema` argument, the
    /// file name).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Trame => "trame",
            Kind::Charter => "charter",
            Kind::Post => "post",
            Kind::Entry => "entry",
            Kind::Audit => "audit",
            Kind::Veille => "veille",
        }
    }

    pub fn from_name(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// Where `trame init` writes it, from the project's root.
    pub fn file(self) -> String {
        format!("schemas/{}.schema.json", self.name())
    }
}

/// `language:` of trame.yaml.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum LanguageCode {
    Fr,
    En,
}

/// A severity for `rules:`.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum Level {
    Error,
    Warning,
    Warn,
    Info,
    Off,
    Ignore,
}

#[derive(JsonSchema)]
#[allow(dead_code)]
struct Organisation {
    name: Option<String>,
    summary: Option<String>,
    logo: Option<String>,
}

#[derive(JsonSchema)]
#[allow(dead_code)]
struct Utm {
    medium: Option<String>,
    campaign: Option<String>,
    campaign_from: Option<String>,
}

/// A contact: one name for every network, or a handle per network (and `default`).
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum Contact {
    Name(String),
    Handles(BTreeMap<String, String>),
}

/// A cadence: `3/week` (`day`, `week`, `month`, or `jour`, `semaine`, `mois`).
#[derive(JsonSchema)]
#[allow(dead_code)]
struct CadenceText(
    #[schemars(regex(pattern = r"^\s*[0-9]+\s*/\s*(day|week|month|jour|semaine|mois)\s*$"))] String,
);

/// trame.yaml (`load::config::KEYS`).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct TrameYaml {
    title: Option<String>,
    language: Option<LanguageCode>,
    timezone: Option<String>,
    base_url: Option<String>,
    organisation: Option<Organisation>,
    /// Built-in networks to override, or custom ones (with `max_length`).
    networks: Option<BTreeMap<String, Option<Network>>>,
    contacts: Option<BTreeMap<String, Contact>>,
    cadence: Option<BTreeMap<String, CadenceText>>,
    utm: Option<Utm>,
    charter: Option<String>,
    rules: Option<BTreeMap<String, Level>>,
    output: Option<String>,
    theme: Option<String>,
    fix_on_save: Option<bool>,
    metrics: Option<String>,
    links: Option<Links>,
    veille: Option<VeilleConfig>,
    publish: Option<Publish>,
}

/// `publish:` of trame.yaml (`load::config::PUBLISH_KEYS`).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Publish {
    index: Option<bool>,
}

/// `links:` of trame.yaml (`load::outside::LINKS_KEYS`).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Links {
    exclude: Option<Texts>,
    max_age: Option<AgeText>,
    timeout: Option<AgeText>,
}

/// An age: `7d`, `12h`, `30m`, `2w` or seconds.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct AgeText(#[schemars(regex(pattern = r"^\s*[0-9]+\s*(s|m|min|h|d|j|w|sem)?\s*$"))] String);

/// `veille:` of trame.yaml (`load::outside::VEILLE_KEYS`).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct VeilleConfig {
    keywords: Option<Texts>,
    alert: Option<u32>,
    sources: Option<Vec<VeilleSource>>,
    timeout: Option<AgeText>,
}

/// One monitoring source (`load::outside::SOURCE_KEYS`).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct VeilleSource {
    id: String,
    kind: String,
    url: String,
    competitor: Option<String>,
    keywords: Option<Texts>,
}

/// A date: `2026-12-03`, `2026-12-03T09:30` or with its offset.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct DateText(
    #[schemars(regex(
        pattern = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)?)?$"
    ))]
    String,
);

/// One text, or a list of them.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum Texts {
    One(String),
    Many(Vec<String>),
}

/// `variants.<network>` of a post (`load::content::post::VARIANT_KEYS`).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct VariantOverride {
    title: Option<String>,
    hashtags: Option<Texts>,
    link: Option<String>,
    media: Option<Vec<Media>>,
    first_comment: Option<String>,
    skip: Option<bool>,
    thread: Option<bool>,
}

/// A post's front matter (`load::content::post::KEYS`).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct PostFrontMatter {
    title: String,
    networks: Texts,
    date: Option<DateText>,
    status: Option<Status>,
    author: Option<String>,
    reviewer: Option<String>,
    campaign: Option<String>,
    pillar: Option<String>,
    hashtags: Option<Texts>,
    link: Option<String>,
    media: Option<Vec<Media>>,
    first_comment: Option<String>,
    variants: Option<BTreeMap<String, VariantOverride>>,
    published: Option<BTreeMap<String, String>>,
    sources: Option<Texts>,
    extra: Option<Value>,
}

/// A veille note's front matter (`load::content::veille::KEYS`). Kinds, tones and statuses are
/// texts: their French spellings are accepted too.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct VeilleFrontMatter {
    title: String,
    kind: String,
    date: DateText,
    url: Option<String>,
    source: Option<String>,
    competitor: Option<String>,
    tone: Option<String>,
    status: Option<String>,
    keywords: Option<Texts>,
    tags: Option<Texts>,
    extra: Option<Value>,
}

#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum EntryKindName {
    Campaign,
    Event,
    KeyDate,
}

/// A calendar entry's front matter (`load::content::entry::KEYS`).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct EntryFrontMatter {
    title: String,
    kind: Option<EntryKindName>,
    date: DateText,
    end: Option<DateText>,
    networks: Option<Texts>,
    goal: Option<String>,
    kpis: Option<BTreeMap<String, f64>>,
    extra: Option<Value>,
}

/// An audit note's front matter (`load::content::audit::KEYS`).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct AuditFrontMatter {
    title: String,
    date: DateText,
    accounts: Option<Vec<Account>>,
    top_posts: Option<Vec<TopPost>>,
    swot: Option<Swot>,
    causes: Option<Vec<Cause>>,
    competitors: Option<Vec<Competitor>>,
    target: Option<String>,
    proposals: Option<Vec<String>>,
    from_results: Option<Period>,
    extra: Option<Value>,
}

/// A period of the results files: `{from: 2026-11-01, to: 2026-11-30}`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Period {
    from: DateText,
    to: DateText,
}

/// The schema of one kind of file, described in `lang`.
pub fn schema(kind: Kind, lang: Language) -> Value {
    let settings = SchemaSettings::draft07();
    let generator = settings.into_generator();
    let mut schema: Schema = match kind {
        Kind::Trame => generator.into_root_schema_for::<TrameYaml>(),
        Kind::Post => generator.into_root_schema_for::<PostFrontMatter>(),
        Kind::Entry => generator.into_root_schema_for::<EntryFrontMatter>(),
        Kind::Audit => generator.into_root_schema_for::<AuditFrontMatter>(),
        Kind::Veille => generator.into_root_schema_for::<VeilleFrontMatter>(),
        Kind::Charter => Schema::from(charter_schema(lang)),
    };
    if let Some(o) = schema.as_object_mut() {
        o.insert("title".into(), Value::String(title(kind, lang)));
    }
    let mut value = schema.to_value();
    describe(&mut value, kind.name(), lang);
    value
}

fn title(kind: Kind, lang: Language) -> String {
    l10n::tr(lang, &format!("schema-{}", kind.name()), &[])
}

/// The catalogue's description of `key` of `owner`, if it has one.
fn description(owner: &str, key: &str, lang: Language) -> Option<String> {
    let id = format!("schema-{owner}-{}", key.replace('_', "-"));
    l10n::has(lang, &id).then(|| l10n::tr(lang, &id, &[]))
}

/// Fills the descriptions of the properties of the root (`owner`) and of each definition
/// (named by its type, in kebab case: `media`, `network`…), from the catalogue.
fn describe(value: &mut Value, owner: &str, lang: Language) {
    fn props(obj: &mut serde_json::Map<String, Value>, owner: &str, lang: Language) {
        if let Some(Value::Object(p)) = obj.get_mut("properties") {
            for (key, v) in p.iter_mut() {
                let Some(d) = description(owner, key, lang) else {
                    continue;
                };
                match v {
                    Value::Object(o) => {
                        o.insert("description".into(), Value::String(d));
                    }
                    // `true`, any value (`extra:`).
                    other => *other = serde_json::json!({ "description": d }),
                }
            }
        }
    }
    let Value::Object(root) = value else {
        return;
    };
    props(root, owner, lang);
    for defs in ["definitions", "$defs"] {
        if let Some(Value::Object(d)) = root.get_mut(defs) {
            for (name, def) in d.iter_mut() {
                if let Value::Object(o) = def {
                    props(o, &kebab(name), lang);
                }
            }
        }
    }
}

/// `TopPost` → `top-post`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// What each option of the charter's rule types takes (the rules read them one by one, with
/// `Fields`; the tests hold this table equal to the options of `charter::rules::TYPES`).
pub const CHARTER_OPTIONS: &[(&str, &str)] = &[
    ("terms", "texts"),
    ("regex", "bool"),
    ("use", "text"),
    ("instead_of", "texts"),
    ("form", "form"),
    ("max", "count"),
    ("allow", "texts"),
    ("required", "texts"),
    ("required_from", "campaign"),
    ("banned", "texts"),
    ("camel_case", "bool"),
    ("min_camel_length", "count"),
    ("narrow", "bool"),
    ("apostrophe", "apostrophe"),
    ("dictionary", "text"),
    ("words", "text"),
    ("require_utm", "bool"),
    ("forbid_shorteners", "bool"),
    ("shorteners", "texts"),
    ("days", "days"),
    ("hours", "hours"),
    ("min_length", "count"),
];

fn option_schema(kind: &str) -> Value {
    use serde_json::json;
    match kind {
        "texts" => {
            json!({ "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }] })
        }
        "bool" => json!({ "type": "boolean" }),
        "count" => json!({ "type": "integer", "minimum": 0 }),
        "form" => json!({ "enum": ["vous", "tu", "consistent"] }),
        "campaign" => json!({ "enum": ["campaign"] }),
        "apostrophe" => json!({ "enum": ["curly", "straight", "any"] }),
        "days" => {
            json!({ "type": "array", "items": { "enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] } })
        }
        "hours" => {
            json!({ "type": "string", "pattern": "^\\d{1,2}:\\d{2}\\s*-\\s*\\d{1,2}:\\d{2}$" })
        }
        _ => json!({ "type": "string" }),
    }
}

/// charter.yaml: `rules`, each one of the rule types with its options.
fn charter_schema(lang: Language) -> serde_json::Map<String, Value> {
    use serde_json::json;
    let common = |ty: &str| {
        json!({
            "id": { "type": "string" },
            "type": { "const": ty },
            "severity": { "enum": ["error", "warning", "warn", "info", "suggestion"] },
            "message": { "type": "string" },
            "networks": option_schema("texts"),
        })
    };
    let rules: Vec<Value> = crate::validate::charter::rules::TYPES
        .iter()
        .map(|t| {
            let mut props = common(t.name);
            if let Value::Object(p) = &mut props {
                for opt in t.options {
                    let kind = CHARTER_OPTIONS
                        .iter()
                        .find(|(n, _)| n == opt)
                        .map_or("text", |(_, k)| k);
                    p.insert((*opt).to_string(), option_schema(kind));
                }
            }
            if let Value::Object(p) = &mut props {
                for (key, v) in p.iter_mut() {
                    if let (Some(d), Value::Object(o)) = (description("rule", key, lang), v) {
                        o.insert("description".into(), Value::String(d));
                    }
                }
            }
            json!({
                "title": t.name,
                "type": "object",
                "required": ["id", "type"],
                "additionalProperties": false,
                "properties": props,
            })
        })
        .collect();
    let schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "rules": { "type": "array", "items": { "$ref": "#/definitions/Rule" } }
        },
        "definitions": { "Rule": { "oneOf": rules } },
    });
    match schema {
        Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

/// A schema as written to a file: pretty, with a final newline.
pub fn to_text(value: &Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(v: &Value, path: &[&str]) -> BTreeSet<String> {
        let mut cur = v;
        for p in path {
            cur = &cur[*p];
        }
        cur["properties"]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn set(keys: &[&str]) -> BTreeSet<String> {
        keys.iter().map(|k| (*k).to_string()).collect()
    }

    /// The schemas cannot drift from what trame reads: the same keys, file by file.
    #[test]
    fn schemas_take_the_keys_the_readers_take() {
        let en = Language::En;
        assert_eq!(
            keys(&schema(Kind::Trame, en), &[]),
            set(crate::load::config::KEYS)
        );
        assert_eq!(
            keys(&schema(Kind::Post, en), &[]),
            set(crate::load::content::post::KEYS)
        );
        assert_eq!(
            keys(&schema(Kind::Post, en), &["definitions", "VariantOverride"]),
            set(crate::load::content::post::VARIANT_KEYS)
        );
        assert_eq!(
            keys(&schema(Kind::Post, en), &["definitions", "Media"]),
            set(crate::load::content::post::MEDIA_KEYS)
        );
        assert_eq!(
            keys(&schema(Kind::Entry, en), &[]),
            set(crate::load::content::entry::KEYS)
        );
        assert_eq!(
            keys(&schema(Kind::Audit, en), &[]),
            set(crate::load::content::audit::KEYS)
        );
        assert_eq!(
            keys(&schema(Kind::Trame, en), &["definitions", "Network"]),
            set(crate::load::networks::NETWORK_KEYS)
        );
        let options: BTreeSet<&str> = crate::validate::charter::rules::TYPES
            .iter()
            .flat_map(|t| t.options.iter().copied())
            .collect();
        let table: BTreeSet<&str> = CHARTER_OPTIONS.iter().map(|(n, _)| *n).collect();
        assert_eq!(options, table);
    }

    /// Every key of every file, and of the items it holds, is described in both languages.
    #[test]
    fn every_key_is_described_in_both_languages() {
        for lang in Language::ALL {
            for kind in Kind::ALL {
                let v = schema(kind, lang);
                let mut owners: Vec<(String, &Value)> = vec![(kind.name().to_string(), &v)];
                // The items a team writes; the networks' rule details (hashtags, media, video,
                // title rules) are described by their key in `network`.
                let described = [
                    "Media",
                    "VariantOverride",
                    "Network",
                    "Organisation",
                    "Utm",
                    "Account",
                    "TopPost",
                    "Swot",
                    "Cause",
                    "Competitor",
                ];
                if let Some(defs) = v["definitions"].as_object() {
                    owners.extend(
                        defs.iter()
                            .filter(|(n, _)| described.contains(&n.as_str()))
                            .map(|(n, d)| (kebab(n), d)),
                    );
                }
                if let Some(rules) = v["definitions"]["Rule"]["oneOf"].as_array() {
                    owners.extend(rules.iter().map(|r| ("rule".to_string(), r)));
                }
                for (owner, node) in owners {
                    for (key, p) in node["properties"].as_object().into_iter().flatten() {
                        assert!(
                            p["description"].is_string(),
                            "{lang:?} {}: no description for `{key}` of {owner}",
                            kind.name()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_schema_is_described_in_the_project_language() {
        let fr = schema(Kind::Post, Language::Fr);
        let en = schema(Kind::Post, Language::En);
        assert_ne!(
            fr["properties"]["title"]["description"],
            en["properties"]["title"]["description"]
        );
        assert!(
            fr["title"]
                .as_str()
                .is_some_and(|t| t.contains("publication"))
        );
    }
}
