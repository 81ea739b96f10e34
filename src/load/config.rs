//! `trame.yaml`: found from the current folder upward (like Cargo.toml), or `--root`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use serde::Serialize;

use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos, RuleLevel, Severity, did_you_mean};
use crate::load::networks::{self, Networks};
use crate::load::yaml::{self, Fields, PosIndex, Value};

pub const CONFIG_FILE: &str = "trame.yaml";

pub const KEYS: &[&str] = &[
    "title",
    "language",
    "timezone",
    "base_url",
    "organisation",
    "networks",
    "contacts",
    "cadence",
    "utm",
    "charter",
    "rules",
    "output",
    "theme",
    "fix_on_save",
    "metrics",
    "links",
    "veille",
    "publish",
];

/// The keys of `publish:`.
pub const PUBLISH_KEYS: &[&str] = &["index"];

/// How the published site meets search engines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Publish {
    /// Let search engines index the site (`publish: { index: true }`). Off by default: drafts,
    /// reviews and competitor notes are not for search results.
    pub index: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "no {CONFIG_FILE} found in {0} or any folder above it\nhelp: run `trame init` to create a project here, or pass --root DIR"
    )]
    NotFound(PathBuf),
    /// `--root DIR` names a folder without trame.yaml (no search upward then).
    #[error(
        "no {CONFIG_FILE} in {0}\nhelp: --root names the project's folder, the one that holds {CONFIG_FILE}; run `trame init` there to create a project"
    )]
    NotFoundAt(PathBuf),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Fatal problems in the file, as diagnostics (exit code 2).
    #[error("{source_file} has errors")]
    Invalid {
        diagnostics: Vec<Diagnostic>,
        /// The file the diagnostics point into (trame.yaml or the charter), and its text.
        source_file: String,
        source_text: String,
    },
}

pub use crate::base::l10n::Language;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Organisation {
    pub name: String,
    pub summary: String,
    pub logo: Option<String>,
}

/// A person or organisation, with its handle per network.
#[derive(Debug, Clone, Default)]
pub struct Contact {
    pub handles: BTreeMap<String, String>,
    pub default: Option<String>,
}

impl Contact {
    /// How to mention this contact on `network`: its handle there, else its default name.
    pub fn on(&self, network: &str) -> Option<&str> {
        self.handles
            .get(network)
            .or(self.default.as_ref())
            .map(String::as_str)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    Week,
    Month,
}

/// A target publication frequency, `2/week`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cadence {
    pub count: u32,
    pub per: Period,
}

impl Cadence {
    pub fn parse(s: &str) -> Option<Cadence> {
        let (n, per) = s.split_once('/')?;
        let count = n.trim().parse().ok()?;
        let per = match per.trim() {
            "day" | "jour" => Period::Day,
            "week" | "semaine" => Period::Week,
            "month" | "mois" => Period::Month,
            _ => return None,
        };
        Some(Cadence { count, per })
    }
}

/// How links are tagged: `utm_source` is always the network id.
#[derive(Debug, Clone, Default)]
pub struct Utm {
    pub medium: Option<String>,
    /// A fixed campaign name.
    pub campaign: Option<String>,
    /// `campaign`: take the post's campaign id.
    pub campaign_from: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub root: PathBuf,
    pub title: String,
    pub language: Language,
    pub timezone: TimeZone,
    pub timezone_name: String,
    pub base_url: Option<String>,
    pub organisation: Organisation,
    pub networks: Networks,
    pub contacts: BTreeMap<String, Contact>,
    pub cadence: BTreeMap<String, Cadence>,
    pub utm: Option<Utm>,
    pub charter: Option<String>,
    pub rules: BTreeMap<String, RuleLevel>,
    pub output: PathBuf,
    pub theme: String,
    /// The folder of results files (SPEC §9), `metrics/` unless `metrics:` says.
    pub metrics: PathBuf,
    /// `trame check --links`: URLs never checked, how long a result is kept.
    pub links: crate::load::outside::Links,
    /// The monitoring sources of `trame veille` (SPEC §3.4).
    pub veille: crate::load::outside::Veille,
    pub publish: Publish,
    /// `trame watch` applies `trame fix` to each file saved (off unless asked).
    pub fix_on_save: bool,
    /// trame.yaml's text and key positions, to point diagnostics found later into it.
    pub source: String,
    pub index: PosIndex,
}

impl Config {
    /// The defaults of a project with an empty trame.yaml.
    pub fn defaults(root: &Path) -> Config {
        Config {
            root: root.to_path_buf(),
            title: String::from("trame"),
            language: Language::Fr,
            timezone: TimeZone::UTC,
            timezone_name: String::from("UTC"),
            base_url: None,
            organisation: Organisation::default(),
            networks: Networks::builtin(),
            contacts: BTreeMap::new(),
            cadence: BTreeMap::new(),
            utm: None,
            charter: None,
            rules: BTreeMap::new(),
            output: root.join("output"),
            theme: String::from("default"),
            metrics: root.join("metrics"),
            links: Default::default(),
            publish: Publish::default(),
            veille: Default::default(),
            fix_on_save: false,
            source: String::new(),
            index: PosIndex::default(),
        }
    }
}

/// The nearest folder from `start` upward that holds trame.yaml.
pub fn find_root(start: &Path) -> Result<PathBuf, ConfigError> {
    let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
    start
        .ancestors()
        .find(|d| d.join(CONFIG_FILE).is_file())
        .map(Path::to_path_buf)
        .ok_or(ConfigError::NotFound(start))
}

/// Loads trame.yaml. Warnings (unknown keys, unknown networks in contacts) come back with the
/// config; anything that makes the config unusable is a `ConfigError::Invalid`.
pub fn load(root: &Path) -> Result<(Config, Vec<Diagnostic>), ConfigError> {
    let path = root.join(CONFIG_FILE);
    let bytes = crate::base::fs::read_io(root, &path, crate::base::fs::MAX_CONFIG_BYTES).map_err(
        |source| ConfigError::Io {
            path: path.clone(),
            source,
        },
    )?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => crate::base::text::normalise(&t),
        Err(_) => {
            return Err(ConfigError::Invalid {
                diagnostics: vec![
                    Diagnostic::new(
                        Code::ConfigSyntax,
                        CONFIG_FILE,
                        Pos::START,
                        t!(Language::from_environment(), "config-not-utf8"),
                    )
                    .with_help(t!(Language::from_environment(), "config-not-utf8-help")),
                ],
                source_file: CONFIG_FILE.to_string(),
                source_text: String::new(),
            });
        }
    };
    parse(root, &text)
}

/// Parses the text of a trame.yaml (separate from `load` for tests).
pub fn parse(root: &Path, text: &str) -> Result<(Config, Vec<Diagnostic>), ConfigError> {
    let invalid = |diagnostics: Vec<Diagnostic>| ConfigError::Invalid {
        diagnostics,
        source_file: CONFIG_FILE.to_string(),
        source_text: text.to_string(),
    };
    // The language of the messages is known before the file is read as YAML: a broken
    // trame.yaml is reported in its own language.
    let lang = language_of(text);
    let doc = yaml::parse(text, 1, lang).map_err(|errs| {
        invalid(
            errs.into_iter()
                .map(|e| Diagnostic::new(Code::ConfigSyntax, CONFIG_FILE, e.pos, e.message))
                .collect(),
        )
    })?;
    let mut diags = Vec::new();
    let mut cfg = Config::defaults(root);
    cfg.language = lang;
    cfg.source = text.to_string();
    {
        let mut f = Fields::new(
            &doc.value,
            &doc.index,
            "",
            CONFIG_FILE,
            &|| CONFIG_FILE.into(),
            &mut diags,
            lang,
        );
        f.report_unknown(KEYS, Code::ConfigUnknownKey, &|| CONFIG_FILE.into());
        if let Some(t) = f.string("title") {
            cfg.title = t;
        }
        if let Some(l) = f.string("language") {
            match l.as_str() {
                "fr" => cfg.language = Language::Fr,
                "en" => cfg.language = Language::En,
                other => {
                    let pos = f.index.value_pos("language");
                    f.diags.push(
                        Diagnostic::new(
                            Code::ConfigInvalid,
                            CONFIG_FILE,
                            pos,
                            t!(lang, "config-language", language = other),
                        )
                        .with_help(t!(lang, "config-language-help")),
                    );
                }
            }
        }
        if let Some(tz) = f.string("timezone") {
            match jiff::tz::db().get(&tz) {
                Ok(zone) => {
                    cfg.timezone = zone;
                    cfg.timezone_name = tz;
                }
                Err(_) => {
                    let names: Vec<String> =
                        jiff::tz::db().available().map(|n| n.to_string()).collect();
                    let help = did_you_mean(&tz, names.iter().map(String::as_str))
                        .map(|s| t!(lang, "did-you-mean", name = s))
                        .unwrap_or_else(|| t!(lang, "config-timezone-help"));
                    let pos = f.index.value_pos("timezone");
                    f.diags.push(
                        Diagnostic::new(
                            Code::ConfigInvalid,
                            CONFIG_FILE,
                            pos,
                            t!(lang, "config-timezone", zone = tz.as_str()),
                        )
                        .with_help(help),
                    );
                }
            }
        }
        if let Some(url) = f.string("base_url") {
            // An address as written (no space or control character, which a feed or a page
            // would carry into its own syntax), that a URL parser reads as http(s) with a host.
            let parsed = url::Url::parse(&url).ok().filter(|u| {
                matches!(u.scheme(), "http" | "https")
                    && u.host_str().is_some_and(|h| !h.is_empty())
                    && u.query().is_none()
                    && u.fragment().is_none()
            });
            if parsed.is_some()
                && (url.starts_with("https://") || url.starts_with("http://"))
                && !url.contains(|c: char| c.is_control() || c.is_whitespace())
            {
                let mut u = url;
                if !u.ends_with('/') {
                    u.push('/');
                }
                cfg.base_url = Some(u);
            } else {
                let pos = f.index.value_pos("base_url");
                f.diags.push(
                    Diagnostic::new(
                        Code::ConfigInvalid,
                        CONFIG_FILE,
                        pos,
                        t!(
                            lang,
                            "config-base-url",
                            url = crate::diagnostics::printable(&url, false)
                        ),
                    )
                    .with_help(t!(lang, "config-base-url-help")),
                );
            }
        }
        if let Some(v) = f.raw("organisation") {
            let mut o = Fields::new(
                v,
                f.index,
                "organisation",
                CONFIG_FILE,
                &|| "`organisation`".into(),
                f.diags,
                lang,
            );
            o.report_unknown(
                &["name", "summary", "logo"],
                Code::ConfigUnknownKey,
                &|| "`organisation`".into(),
            );
            cfg.organisation.name = o.string("name").unwrap_or_default();
            cfg.organisation.summary = o.string("summary").unwrap_or_default();
            cfg.organisation.logo = o.string("logo");
        }
        if cfg.organisation.name.is_empty() {
            cfg.organisation.name = cfg.title.clone();
        }
        if let Some(v) = f.raw("networks") {
            read_networks(&mut cfg, v, &mut f);
        }
        if let Some(v) = f.raw("contacts") {
            read_contacts(&mut cfg, v, &mut f);
        }
        if let Some(map) = f.map("cadence") {
            for (k, v) in map {
                let key = yaml::scalar_text(k).unwrap_or_default();
                let path = yaml::join("cadence", &key);
                let id = networks::canonical_id(&key);
                let text = yaml::scalar_text(v).unwrap_or_default();
                match Cadence::parse(&text) {
                    Some(c) => {
                        if cfg.networks.get(&id).is_none() {
                            f.diags.push(unknown_network(
                                &key,
                                f.index.pos(&path),
                                &cfg.networks,
                                lang,
                            ));
                        }
                        cfg.cadence.insert(id, c);
                    }
                    None => f.diags.push(
                        Diagnostic::new(
                            Code::ConfigInvalid,
                            CONFIG_FILE,
                            f.index.value_pos(&path),
                            t!(
                                lang,
                                "config-cadence",
                                cadence = text.as_str(),
                                network = key.as_str()
                            ),
                        )
                        .with_help(t!(lang, "config-cadence-help")),
                    ),
                }
            }
        }
        if let Some(v) = f.raw("utm") {
            let utm_name = || "`utm`".to_string();
            let mut u = Fields::new(v, f.index, "utm", CONFIG_FILE, &utm_name, f.diags, lang);
            u.report_unknown(
                &["medium", "campaign", "campaign_from"],
                Code::ConfigUnknownKey,
                &utm_name,
            );
            let utm = Utm {
                medium: u.string("medium"),
                campaign: u.string("campaign"),
                campaign_from: u.string("campaign_from"),
            };
            if let Some(cf) = &utm.campaign_from
                && cf != "campaign"
            {
                let pos = u.index.value_pos("utm.campaign_from");
                u.diags.push(
                    Diagnostic::new(
                        Code::ConfigInvalid,
                        CONFIG_FILE,
                        pos,
                        t!(lang, "config-utm-campaign-from", value = cf.as_str()),
                    )
                    .with_help(t!(lang, "config-utm-campaign-from-help")),
                );
            }
            cfg.utm = Some(utm);
        }
        cfg.charter = f.string("charter");
        if let Some(map) = f.map("rules") {
            for (k, v) in map {
                let code = yaml::scalar_text(k).unwrap_or_default();
                let path = yaml::join("rules", &code);
                let level = yaml::scalar_text(v).unwrap_or_default();
                match RuleLevel::parse(&level) {
                    Some(l) => {
                        if !crate::diagnostics::is_rule_key(&code) {
                            let names = Code::ALL.iter().map(|c| c.name());
                            let help = did_you_mean(&code, names)
                                .map(|s| t!(lang, "did-you-mean", name = s))
                                .unwrap_or_else(|| t!(lang, "config-rules-code-help"));
                            f.diags.push(
                                Diagnostic::new(
                                    Code::ConfigUnknownKey,
                                    CONFIG_FILE,
                                    f.index.pos(&path),
                                    t!(lang, "config-rules-code", code = code.as_str()),
                                )
                                .with_help(help),
                            );
                        }
                        cfg.rules.insert(code, l);
                    }
                    None => f.diags.push(
                        Diagnostic::new(
                            Code::ConfigInvalid,
                            CONFIG_FILE,
                            f.index.value_pos(&path),
                            t!(
                                lang,
                                "config-rules-level",
                                level = level.as_str(),
                                code = code.as_str()
                            ),
                        )
                        .with_help(t!(lang, "config-rules-level-help")),
                    ),
                }
            }
        }
        if let Some(o) = f.string("output") {
            cfg.output = root.join(o);
        }
        if let Some(t) = f.string("theme") {
            cfg.theme = t;
        }
        cfg.fix_on_save = f.bool("fix_on_save").unwrap_or(false);
        if let Some(m) = f.string("metrics") {
            cfg.metrics = root.join(m);
        }
        cfg.links = crate::load::outside::read_links(&mut f);
        cfg.veille = crate::load::outside::read_veille(&mut f);
        let what = || "`publish`".to_string();
        if let Some(mut p) = f.sub("publish", &what) {
            p.report_unknown(PUBLISH_KEYS, Code::ConfigUnknownKey, &what);
            cfg.publish.index = p.bool("index").unwrap_or(false);
        }
    }
    cfg.index = doc.index;
    // Type errors in trame.yaml come from Fields as frontmatter/type: here they are config errors.
    let diags: Vec<Diagnostic> = diags
        .into_iter()
        .map(|d| {
            if d.code == Code::FrontmatterType {
                d.recode(Code::ConfigInvalid)
            } else {
                d
            }
        })
        .collect();
    if diags
        .iter()
        .any(|d| d.severity == Severity::Error && d.code.family() == "config")
    {
        return Err(invalid(diags));
    }
    Ok((cfg, diags))
}

fn unknown_network(id: &str, pos: Pos, networks: &Networks, lang: Language) -> Diagnostic {
    networks::unknown_diagnostic(id, CONFIG_FILE, pos, networks, lang)
}

/// The `language:` of a trame.yaml, read before the file is parsed (its own problems are said
/// in that language); trame's default, French, when the line is absent or unreadable.
pub fn language_of(text: &str) -> Language {
    text.lines()
        .find_map(|l| l.strip_prefix("language:"))
        .map(|v| {
            v.split('#')
                .next()
                .unwrap_or_default()
                .trim()
                .trim_matches(['"', '\''])
        })
        .and_then(Language::from_locale)
        .unwrap_or(Language::Fr)
}

fn read_networks(cfg: &mut Config, v: &Value, f: &mut Fields<'_>) {
    let Some(map) = v.as_mapping() else {
        f.type_error("networks", "expect-network-map", v);
        return;
    };
    for (k, val) in map {
        let key = yaml::scalar_text(k).unwrap_or_default();
        let id = networks::canonical_id(&key);
        let path = yaml::join("networks", &key);
        let overrides = match val {
            Value::Mapping(m) => Some(m.clone()),
            Value::Null => None,
            other => {
                f.diags.push(
                    Diagnostic::new(
                        Code::ConfigInvalid,
                        CONFIG_FILE,
                        f.index.value_pos(&path),
                        t!(
                            f.lang,
                            "config-network-not-map",
                            network = key.as_str(),
                            found = yaml::describe(f.lang, other)
                        ),
                    )
                    .with_help(t!(
                        f.lang,
                        "config-network-not-map-help",
                        network = key.as_str()
                    )),
                );
                continue;
            }
        };
        for (sub, pos) in f.index.keys(&path).to_vec() {
            if !networks::NETWORK_KEYS.contains(&sub.as_str()) {
                let help = did_you_mean(&sub, networks::NETWORK_KEYS.iter().copied())
                    .map(|s| t!(f.lang, "did-you-mean", name = s))
                    .unwrap_or_else(|| {
                        t!(
                            f.lang,
                            "config-network-takes",
                            keys = networks::NETWORK_KEYS.join(", ")
                        )
                    });
                f.diags.push(
                    Diagnostic::new(
                        Code::ConfigUnknownKey,
                        CONFIG_FILE,
                        pos,
                        t!(
                            f.lang,
                            "config-network-key",
                            key = sub.as_str(),
                            network = key.as_str()
                        ),
                    )
                    .with_help(help),
                );
            }
        }
        let builtin = networks::builtin_ids().contains(&id.as_str());
        if !builtin {
            let has_length = overrides
                .as_ref()
                .is_some_and(|m| m.contains_key("max_length"));
            let close = did_you_mean(&id, networks::builtin_ids());
            if let Some(s) = close.filter(|_| !has_length) {
                f.diags.push(
                    Diagnostic::new(
                        Code::ConfigUnknownKey,
                        CONFIG_FILE,
                        f.index.pos(&path),
                        t!(f.lang, "config-network-custom", network = key.as_str()),
                    )
                    .with_help(t!(f.lang, "did-you-mean", name = s)),
                );
            }
        }
        match networks::resolve(&id, overrides.as_ref(), f.lang) {
            Ok(n) => {
                cfg.networks.by_id.insert(id.clone(), n);
                if !cfg.networks.configured.contains(&id) {
                    cfg.networks.configured.push(id);
                }
            }
            Err(msg) => f.diags.push(
                Diagnostic::new(
                    Code::ConfigInvalid,
                    CONFIG_FILE,
                    f.index.pos(&path),
                    t!(
                        f.lang,
                        "config-network-invalid",
                        network = key.as_str(),
                        problem = msg
                    ),
                )
                .with_help(t!(
                    f.lang,
                    "config-network-invalid-help",
                    counting = networks::Counting::ALL.join(", ")
                )),
            ),
        }
    }
}

fn read_contacts(cfg: &mut Config, v: &Value, f: &mut Fields<'_>) {
    let Some(map) = v.as_mapping() else {
        f.type_error("contacts", "expect-contact-map", v);
        return;
    };
    for (k, val) in map {
        let key = yaml::scalar_text(k).unwrap_or_default();
        let path = yaml::join("contacts", &key);
        let mut contact = Contact::default();
        match val {
            Value::Mapping(m) => {
                for (nk, nv) in m {
                    let net = yaml::scalar_text(nk).unwrap_or_default();
                    let handle = yaml::scalar_text(nv).unwrap_or_default();
                    if net == "default" {
                        contact.default = Some(handle);
                        continue;
                    }
                    let id = networks::canonical_id(&net);
                    if cfg.networks.get(&id).is_none() {
                        let pos = f.index.pos(&yaml::join(&path, &net));
                        f.diags
                            .push(unknown_network(&net, pos, &cfg.networks, f.lang));
                    }
                    contact.handles.insert(id, handle);
                }
            }
            other => match yaml::scalar_text(other) {
                Some(name) => contact.default = Some(name),
                None => f.type_error(&key, "expect-handle-map", other),
            },
        }
        cfg.contacts.insert(key, contact);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> (Config, Vec<Diagnostic>) {
        match parse(Path::new("/p"), text) {
            Ok(r) => r,
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn reads_the_spec_example() {
        let (c, d) = parse_ok(
            "title: T\nlanguage: en\ntimezone: Europe/Paris\nnetworks:\n  x: { handle: \"@a\" }\n  instagram: { hashtags: { max: 3 } }\n  forum:\n    label: Forum\n    max_length: 5000\n    counting: characters\ncadence:\n  linkedin: 2/week\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.language, Language::En);
        assert_eq!(
            c.networks.get("instagram").and_then(|n| n.hashtags.max),
            Some(3)
        );
        assert_eq!(
            c.networks.get("forum").and_then(|n| n.max_length),
            Some(5000)
        );
        assert_eq!(c.networks.configured, ["x", "instagram", "forum"]);
        assert_eq!(
            c.cadence["linkedin"],
            Cadence {
                count: 2,
                per: Period::Week
            }
        );
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let (_, d) = parse_ok("title: T\nlangage: fr\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "config/unknown-key");
        assert_eq!((d[0].line, d[0].column), (2, 1));
        assert_eq!(
            d[0].help.as_deref(),
            Some("vouliez-vous dire `language`\u{202f}?")
        );
    }

    #[test]
    fn bad_timezone_is_fatal_with_position() {
        let Err(ConfigError::Invalid { diagnostics, .. }) =
            parse(Path::new("/p"), "title: T\ntimezone: Europe/Pariss\n")
        else {
            panic!("expected an error")
        };
        assert_eq!(diagnostics[0].code, "config/invalid");
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (2, 11));
        assert_eq!(
            diagnostics[0].help.as_deref(),
            Some("vouliez-vous dire `Europe/Paris`\u{202f}?")
        );
    }
}
