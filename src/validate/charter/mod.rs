//! The editorial charter (SPEC §6): the team's style as rules, applied to every variant's final
//! text and reported at the position in the source file, as `charter/<id>` diagnostics.
//!
//! Layout (after ruff): one rule type per file in `rules/`, each compiling its options once and
//! returning findings; this module loads charter.yaml and turns findings into diagnostics.

pub mod rules;
pub mod text;

use crate::adapt::Variant;
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos, Severity, did_you_mean};
use crate::load::config::{Config, ConfigError};
use crate::load::content::Post;
use crate::load::networks::Network;
use crate::load::yaml::{self, Fields};
use crate::validate::Entries;

pub use rules::{Rule as RuleCheck, RuleType};

/// Where a finding is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A byte range of the variant's text.
    Text(std::ops::Range<usize>),
    /// A byte range of the variant's first comment.
    FirstComment(std::ops::Range<usize>),
    /// A front-matter key path (`date`, `media[0].alt`).
    Field(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub target: Target,
    pub message: String,
    pub help: Option<String>,
    /// A word the rule can suggest replacements for (spelling): see [`Charter::suggest`].
    pub suggest: Option<String>,
    /// What the text of the target should be instead, when that is certain (`trame fix`).
    pub fix: Option<String>,
}

impl Finding {
    pub fn text(
        range: std::ops::Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Finding {
        Finding {
            target: Target::Text(range),
            message: message.into(),
            help: Some(help.into()),
            suggest: None,
            fix: None,
        }
    }

    /// The text the finding's range should read instead (certain: `trame fix` applies it).
    pub fn with_fix(mut self, replacement: impl Into<String>) -> Finding {
        self.fix = Some(replacement.into());
        self
    }

    pub fn field(
        path: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Finding {
        Finding {
            target: Target::Field(path.into()),
            message: message.into(),
            help: Some(help.into()),
            suggest: None,
            fix: None,
        }
    }
}

/// What a variant rule sees.
pub struct VariantInput<'a> {
    pub text: &'a str,
    /// URLs, mentions and hashtags: words there are not prose.
    pub skip: &'a [std::ops::Range<usize>],
    /// The words of prose, computed once for all rules.
    pub words: &'a [(usize, &'a str)],
    pub first_comment: Option<&'a str>,
    pub post: &'a Post,
    pub variant: &'a Variant,
    pub network: &'a Network,
    pub config: &'a Config,
    /// Calendar entries by id (a campaign's hashtag).
    pub entries: &'a Entries<'a>,
}

/// What a post rule sees (rules about the post, not its text: dates, images).
pub struct PostInput<'a> {
    pub post: &'a Post,
    pub config: &'a Config,
}

#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub severity: Severity,
    pub message: Option<String>,
    /// Only these networks (all when empty).
    pub networks: Vec<String>,
    pub kind: Box<dyn RuleCheck>,
}

impl Rule {
    pub fn code(&self) -> std::sync::Arc<str> {
        format!("charter/{}", self.id).into()
    }

    fn applies_to(&self, network: &str) -> bool {
        self.networks.is_empty() || self.networks.iter().any(|n| n == network)
    }
}

/// A compiled charter.
#[derive(Debug, Default)]
pub struct Charter {
    /// Project-relative path of charter.yaml.
    pub file: String,
    pub source: String,
    pub rules: Vec<Rule>,
    /// The language of its messages (the project's).
    pub lang: crate::load::config::Language,
}

/// Suggestions are slow (about a tenth of a second per word): at most this many words get
/// them per run, the first ones reported.
pub const MAX_SUGGESTED: usize = 30;

/// Options every rule takes.
const COMMON: &[&str] = &["id", "type", "severity", "message", "networks"];

/// Loads the charter named in trame.yaml. A charter that does not parse, names an unknown rule
/// type or option, is a config error (exit 2). Warnings (a missing dictionary) come back.
pub fn load(config: &Config) -> Result<(Option<Charter>, Vec<Diagnostic>), ConfigError> {
    let Some(rel) = &config.charter else {
        return Ok((None, Vec::new()));
    };
    let path = config.root.join(rel);
    let lang = config.language;
    let file = crate::base::paths::rel_path(&config.root, &path);
    let text = match crate::base::fs::read(&config.root, &path, crate::base::fs::MAX_CONFIG_BYTES) {
        Ok(b) => match String::from_utf8(b) {
            Ok(t) => crate::base::text::normalise(&t),
            Err(_) => {
                return Err(invalid(
                    &file,
                    "",
                    vec![
                        Diagnostic::new(
                            Code::ConfigSyntax,
                            &file,
                            Pos::START,
                            t!(lang, "charter-not-utf8"),
                        )
                        .with_help(t!(lang, "config-not-utf8-help")),
                    ],
                ));
            }
        },
        Err(e) => {
            let pos = config.index.value_pos("charter");
            return Err(ConfigError::Invalid {
                diagnostics: vec![
                    Diagnostic::new(
                        Code::ConfigInvalid,
                        crate::load::config::CONFIG_FILE,
                        pos,
                        t!(
                            lang,
                            "charter-unreadable",
                            file = rel.as_str(),
                            error = e.reason(lang)
                        ),
                    )
                    .with_help(t!(lang, "charter-unreadable-help")),
                ],
                source_file: crate::load::config::CONFIG_FILE.to_string(),
                source_text: config.source.clone(),
            });
        }
    };
    parse(config, &file, &text)
}

fn invalid(file: &str, text: &str, diagnostics: Vec<Diagnostic>) -> ConfigError {
    ConfigError::Invalid {
        diagnostics,
        source_file: file.to_string(),
        source_text: text.to_string(),
    }
}

/// Compiles the text of a charter.
pub fn parse(
    config: &Config,
    file: &str,
    text: &str,
) -> Result<(Option<Charter>, Vec<Diagnostic>), ConfigError> {
    let lang = config.language;
    let doc = yaml::parse(text, 1, lang).map_err(|errs| {
        invalid(
            file,
            text,
            errs.into_iter()
                .map(|e| {
                    Diagnostic::new(Code::ConfigSyntax, file, e.pos, e.message)
                        .with_help(t!(lang, "frontmatter-syntax-help"))
                })
                .collect(),
        )
    })?;
    let mut diags = Vec::new();
    let mut rules = Vec::new();
    {
        let what = || t!(lang, "what-charter");
        let mut top = Fields::new(&doc.value, &doc.index, "", file, &what, &mut diags, lang);
        top.report_unknown(&["rules"], Code::ConfigInvalid, &what);
        let list = top.list("rules").cloned().unwrap_or_default();
        let mut ids: Vec<String> = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let path = yaml::item("rules", i);
            let mut f = Fields::new(
                v,
                &doc.index,
                &path,
                file,
                &|| t!(lang, "what-rule", n = i + 1),
                top.diags,
                lang,
            );
            if !f.is_map() {
                continue;
            }
            let ty = f.string("type").unwrap_or_default();
            let Some(rule_type) = rules::rule_type(&ty) else {
                let pos = if f.raw("type").is_some() {
                    f.index.value_pos(&yaml::join(&path, "type"))
                } else {
                    f.index.pos(&path)
                };
                let names = rules::TYPES.iter().map(|t| t.name);
                let help = did_you_mean(&ty, names.clone())
                    .map(|s| t!(lang, "did-you-mean", name = s))
                    .unwrap_or_else(|| {
                        t!(
                            lang,
                            "charter-types",
                            types = names.collect::<Vec<_>>().join(", ")
                        )
                    });
                let msg = if ty.is_empty() {
                    t!(lang, "charter-no-type")
                } else {
                    t!(lang, "charter-unknown-type", kind = ty.as_str())
                };
                f.diags.push(
                    Diagnostic::new(Code::ConfigInvalid, file, pos, msg)
                        .with_help(help)
                        .with_span(ty.chars().count()),
                );
                continue;
            };
            let known: Vec<&str> = COMMON.iter().chain(rule_type.options).copied().collect();
            f.report_unknown(&known, Code::ConfigInvalid, &|| {
                t!(lang, "what-rule-of-type", kind = ty.as_str())
            });
            let id = match f.string("id") {
                Some(id) if !id.trim().is_empty() => id.trim().to_string(),
                _ => {
                    let pos = f.index.pos(&path);
                    f.diags.push(
                        Diagnostic::new(Code::ConfigInvalid, file, pos, t!(lang, "charter-no-id"))
                            .with_help(t!(lang, "charter-no-id-help")),
                    );
                    continue;
                }
            };
            if ids.contains(&id) {
                let pos = f.index.value_pos(&yaml::join(&path, "id"));
                f.diags.push(
                    Diagnostic::new(
                        Code::ConfigInvalid,
                        file,
                        pos,
                        t!(lang, "charter-duplicate-id", id = id.as_str()),
                    )
                    .with_help(t!(lang, "charter-duplicate-id-help")),
                );
                continue;
            }
            ids.push(id.clone());
            let severity = match f.string("severity").as_deref() {
                None | Some("warning") | Some("warn") => Severity::Warning,
                Some("error") => Severity::Error,
                Some("info") | Some("suggestion") => Severity::Info,
                Some(other) => {
                    let pos = f.index.value_pos(&yaml::join(&path, "severity"));
                    f.diags.push(
                        Diagnostic::new(
                            Code::ConfigInvalid,
                            file,
                            pos,
                            t!(lang, "charter-severity", level = other),
                        )
                        .with_help(t!(lang, "charter-severity-help")),
                    );
                    Severity::Warning
                }
            };
            let message = f.string("message");
            let networks = f
                .strings("networks")
                .unwrap_or_default()
                .into_iter()
                .map(|(n, p)| {
                    let id = crate::load::networks::canonical_id(&n);
                    if config.networks.get(&id).is_none() {
                        f.diags.push(
                            Diagnostic::new(
                                Code::ConfigInvalid,
                                file,
                                p,
                                t!(lang, "network-unknown", network = n.as_str()),
                            )
                            .with_help(
                                did_you_mean(&n, config.networks.ids())
                                    .map(|s| t!(lang, "did-you-mean", name = s))
                                    .unwrap_or_else(|| t!(lang, "charter-network-help")),
                            ),
                        );
                    }
                    id
                })
                .collect();
            if let Some(kind) = (rule_type.compile)(&mut f, config) {
                rules.push(Rule {
                    id,
                    severity,
                    message,
                    networks,
                    kind,
                });
            }
        }
    }
    let brand: Vec<String> = rules
        .iter()
        .flat_map(|r| r.kind.brand_terms().iter().cloned())
        .collect();
    for r in &mut rules {
        r.kind.add_words(&brand);
    }
    let mut diags: Vec<Diagnostic> = diags
        .into_iter()
        .map(|d| {
            if d.code == Code::FrontmatterType || d.code == Code::FrontmatterInvalid {
                d.recode(Code::ConfigInvalid)
            } else {
                d
            }
        })
        .collect();
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return Err(invalid(file, text, diags));
    }
    // Problems that do not make the charter unusable (a missing dictionary) are warnings.
    let warnings = rules
        .iter()
        .flat_map(|r| r.kind.warnings(file, &r.code()))
        .collect::<Vec<_>>();
    diags.extend(warnings);
    Ok((
        Some(Charter {
            file: file.to_string(),
            source: text.to_string(),
            rules,
            lang,
        }),
        diags,
    ))
}

impl Charter {
    /// Whether one of the charter's rules reports what `code` reports.
    pub fn covers(&self, code: crate::diagnostics::Code) -> bool {
        self.rules.iter().any(|r| r.kind.covers(code))
    }

    /// Every charter diagnostic of one post.
    pub fn check(
        &self,
        post: &Post,
        variants: &std::collections::BTreeMap<String, Variant>,
        config: &Config,
        entries: &Entries<'_>,
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let post_input = PostInput { post, config };
        for rule in &self.rules {
            for f in rule.kind.check_post(&post_input) {
                out.push(self.diagnostic(rule, post, None, f));
            }
        }
        for (id, v) in variants {
            let Some(network) = config.networks.get(id) else {
                continue;
            };
            let skip = text::skip_ranges(&v.text);
            let words = text::words(&v.text, &skip);
            let input = VariantInput {
                text: &v.text,
                skip: &skip,
                words: &words,
                first_comment: v.first_comment.as_deref(),
                post,
                variant: v,
                network,
                config,
                entries,
            };
            for rule in self.rules.iter().filter(|r| r.applies_to(id)) {
                for f in rule.kind.check_variant(&input) {
                    out.push(self.diagnostic(rule, post, Some(v), f));
                }
            }
        }
        // The shared text is the same on every network: one diagnostic, not one per network.
        out.sort_by(|a, b| {
            (a.line, a.column, &a.code, &a.message).cmp(&(b.line, b.column, &b.code, &b.message))
        });
        out.dedup_by(|a, b| {
            a.line == b.line && a.column == b.column && a.code == b.code && a.message == b.message
        });
        out
    }

    fn diagnostic(&self, rule: &Rule, post: &Post, v: Option<&Variant>, f: Finding) -> Diagnostic {
        let (pos, span, in_section) = match (&f.target, v) {
            (Target::Text(r), Some(v)) => text::locate(post, v, &v.text, r.clone()),
            (Target::FirstComment(r), Some(v)) => {
                let c = v.first_comment.as_deref().unwrap_or_default();
                let needle = c.get(r.clone()).unwrap_or_default();
                (
                    text::locate_in_fields(post, needle)
                        .unwrap_or(post.index().pos("first_comment")),
                    needle.chars().count(),
                    false,
                )
            }
            (Target::Field(path), _) => (post.index().value_pos(path), 1, false),
            _ => (post.common.start, 1, false),
        };
        let message = match &rule.message {
            Some(m) => format!("{m}: {}", f.message),
            None => f.message,
        };
        let mut d = Diagnostic::charter(rule.code(), rule.severity, post.file(), pos, message)
            .with_help_opt(f.help)
            .with_span(span);
        if in_section && let Some(v) = v {
            d = d.with_network(&v.network);
        }
        d.suggest = f.suggest.map(Into::into);
        if let (Some(new), Target::Text(r), Some(v)) = (f.fix, &f.target, v) {
            // Where the text was found in the file: `validate::fixes` keeps the fix only if the
            // file holds exactly this text there.
            let old = v.text.get(r.clone()).unwrap_or_default();
            if old != new {
                d.fix = Some(crate::validate::fixes::narrowed(pos, old, &new));
            }
        }
        d
    }

    /// Completes the help of the diagnostics whose rule can suggest replacements (spelling):
    /// once per distinct word, for the first [`MAX_SUGGESTED`] words in the order `diags` is
    /// in (the sorted order they are reported in), computed side by side. What a project gets
    /// therefore depends on the project alone, never on threads or on the saves before.
    pub fn suggest(&self, diags: &mut [Diagnostic]) {
        use rayon::prelude::*;
        let mut seen = std::collections::HashSet::new();
        let mut wanted: Vec<(&str, std::sync::Arc<str>)> = Vec::new();
        for d in diags.iter() {
            if let Some(w) = &d.suggest
                && wanted.len() < MAX_SUGGESTED
                && seen.insert((d.code.as_str().to_string(), w.clone()))
            {
                wanted.push((d.code.as_str(), w.clone()));
            }
        }
        if wanted.is_empty() {
            return;
        }
        let found: std::collections::HashMap<(String, std::sync::Arc<str>), Vec<String>> = wanted
            .par_iter()
            .filter_map(|(code, word)| {
                let rule = self.rules.iter().find(|r| &*r.code() == *code)?;
                Some(((code.to_string(), word.clone()), rule.kind.suggest(word)))
            })
            .collect();
        for d in diags.iter_mut() {
            if let Some(w) = &d.suggest
                && let Some(s) = found.get(&(d.code.as_str().to_string(), w.clone()))
            {
                d.help = Some(rules::spelling::help_with(self.lang, s));
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::load::content::{Common, ReadContext, frontmatter, post};

    fn config() -> Config {
        let mut c = Config::defaults(std::path::Path::new("/"));
        if let Ok(tz) = jiff::tz::db().get("Europe/Paris") {
            c.timezone = tz;
            c.timezone_name = "Europe/Paris".into();
        }
        c
    }

    pub fn rule(yaml_rule: &str) -> Rule {
        rule_in(yaml_rule, crate::load::config::Language::Fr)
    }

    /// A rule compiled for a project in another language.
    pub fn rule_in(yaml_rule: &str, language: crate::load::config::Language) -> Rule {
        let text = format!("rules:\n  - {yaml_rule}\n");
        let mut cfg = config();
        cfg.language = language;
        match parse(&cfg, "charter.yaml", &text) {
            Ok((Some(mut c), _)) => c.rules.remove(0),
            Ok((None, _)) => panic!("no charter"),
            Err(e) => panic!("{e:?}"),
        }
    }

    fn post_from(front: &str, body: &str, cfg: &Config) -> Post {
        let text = format!("---\ntitle: T\nnetworks: [linkedin]\n{front}\n---\n{body}\n");
        let split = frontmatter::split(&text, "p.md", crate::base::l10n::Language::En)
            .unwrap_or_else(|d| panic!("{d:?}"));
        let doc = crate::load::yaml::parse(split.yaml, split.yaml_line, cfg.language)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let common = Common {
            id: "p".into(),
            file: "p.md".into(),
            start: Pos::START,
            index: doc.index,
        };
        let mut diags = Vec::new();
        post::read(
            common,
            &doc.value,
            split.body,
            split.body_line,
            &ReadContext { config: cfg },
            &mut diags,
        )
        .unwrap_or_else(|| panic!("{diags:?}"))
    }

    /// The matched text of each finding of a variant rule, in text order (messages for findings
    /// that are not in the text).
    pub fn check_text(rule: &Rule, text: &str) -> Vec<String> {
        let cfg = config();
        let p = post_from("", text, &cfg);
        let entries = Entries::default();
        let vs = crate::adapt::build(&p, &cfg);
        let Some(v) = vs.get("linkedin") else {
            panic!("no variant")
        };
        let Some(network) = cfg.networks.get("linkedin") else {
            panic!("no network")
        };
        let skip = text::skip_ranges(text);
        let words = text::words(text, &skip);
        let input = VariantInput {
            text,
            skip: &skip,
            words: &words,
            first_comment: None,
            post: &p,
            variant: v,
            network,
            config: &cfg,
            entries: &entries,
        };
        let mut found = rule.kind.check_variant(&input);
        found.sort_by_key(|f| match &f.target {
            Target::Text(r) => (r.start, r.end),
            _ => (usize::MAX, 0),
        });
        found
            .into_iter()
            .map(|f| match f.target {
                Target::Text(r) => text[r].to_string(),
                _ => f.message,
            })
            .collect()
    }

    /// Findings of a post rule on a post with these extra front-matter lines.
    pub fn check_post(rule: &Rule, front: &str) -> Vec<Finding> {
        let cfg = config();
        let p = post_from(front, "Texte.", &cfg);
        rule.kind.check_post(&PostInput {
            post: &p,
            config: &cfg,
        })
    }

    #[test]
    fn unknown_type_and_option_are_config_errors() {
        let cfg = config();
        let Err(ConfigError::Invalid { diagnostics, .. }) = parse(
            &cfg,
            "charter.yaml",
            "rules:\n  - { id: a, type: forbiden, terms: [x] }\n  - { id: b, type: emoji, maxi: 2 }\n",
        ) else {
            panic!("expected errors")
        };
        assert_eq!(diagnostics.len(), 3, "{diagnostics:?}");
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (2, 20));
        assert_eq!(
            diagnostics[0].help.as_deref(),
            Some("vouliez-vous dire `forbidden`\u{202f}?")
        );
        assert!(
            diagnostics
                .iter()
                .any(|d| d.message.contains("clé inconnue `maxi`")
                    && d.help.as_deref() == Some("vouliez-vous dire `max`\u{202f}?"))
        );
    }

    #[test]
    fn syntax_error_is_a_config_error() {
        let r = parse(&config(), "charter.yaml", "rules: [\n");
        assert!(matches!(r, Err(ConfigError::Invalid { .. })));
    }
}
