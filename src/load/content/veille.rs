//! Veille notes (SPEC §3.4): one item found while monitoring, written by hand or fetched by
//! `trame veille`, reviewed by the team like a post.

use serde::Serialize;

use super::dates::When;
use super::{Common, read_date, required_string};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos, did_you_mean};
use crate::load::yaml::{self, Fields};

pub const KEYS: &[&str] = &[
    "title",
    "kind",
    "date",
    "url",
    "source",
    "competitor",
    "tone",
    "status",
    "keywords",
    "tags",
    "extra",
];

/// The value of `all` whose `name` is `plain` (already folded: lower case, no accents).
fn named<T: Copy>(all: &[T], name: fn(T) -> &'static str, plain: &str) -> Option<T> {
    all.iter().copied().find(|v| name(*v) == plain)
}

/// The four kinds of veille the course names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum VeilleKind {
    #[default]
    Metier,
    Sectorielle,
    Concurrentielle,
    EReputation,
}

impl VeilleKind {
    pub const ALL: [VeilleKind; 4] = [
        VeilleKind::Metier,
        VeilleKind::Sectorielle,
        VeilleKind::Concurrentielle,
        VeilleKind::EReputation,
    ];

    pub fn name(self) -> &'static str {
        match self {
            VeilleKind::Metier => "metier",
            VeilleKind::Sectorielle => "sectorielle",
            VeilleKind::Concurrentielle => "concurrentielle",
            VeilleKind::EReputation => "e-reputation",
        }
    }

    /// A kind by its name, accents and case aside (`métier`, `E-réputation`, `image`).
    pub fn parse(s: &str) -> Option<VeilleKind> {
        let plain = crate::base::text::fold(s.trim());
        named(&VeilleKind::ALL, VeilleKind::name, &plain).or(match plain.as_str() {
            "e_reputation" | "ereputation" | "image" | "reputation" => {
                Some(VeilleKind::EReputation)
            }
            "secteur" | "sector" => Some(VeilleKind::Sectorielle),
            "concurrence" | "competitors" | "competition" => Some(VeilleKind::Concurrentielle),
            "trade" => Some(VeilleKind::Metier),
            _ => None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Positive,
    Neutral,
    Negative,
}

impl Tone {
    pub const ALL: [Tone; 3] = [Tone::Positive, Tone::Neutral, Tone::Negative];

    pub fn name(self) -> &'static str {
        match self {
            Tone::Positive => "positive",
            Tone::Neutral => "neutral",
            Tone::Negative => "negative",
        }
    }

    /// By name, or the French words (`positif`, `neutre`, `négatif`).
    pub fn parse(s: &str) -> Option<Tone> {
        let plain = crate::base::text::fold(s.trim());
        named(&Tone::ALL, Tone::name, &plain).or(match plain.as_str() {
            "positif" => Some(Tone::Positive),
            "neutre" => Some(Tone::Neutral),
            "negatif" => Some(Tone::Negative),
            _ => None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum NoteStatus {
    #[default]
    New,
    Read,
    Idea,
    Used,
    Archived,
}

impl NoteStatus {
    pub const ALL: [NoteStatus; 5] = [
        NoteStatus::New,
        NoteStatus::Read,
        NoteStatus::Idea,
        NoteStatus::Used,
        NoteStatus::Archived,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NoteStatus::New => "new",
            NoteStatus::Read => "read",
            NoteStatus::Idea => "idea",
            NoteStatus::Used => "used",
            NoteStatus::Archived => "archived",
        }
    }

    /// By name, or the French words (`nouveau`, `lu`, `idée`, `utilisé`, `archivé`).
    pub fn parse(s: &str) -> Option<NoteStatus> {
        let plain = crate::base::text::fold(s.trim());
        named(&NoteStatus::ALL, NoteStatus::name, &plain).or(match plain.as_str() {
            "nouveau" | "nouvelle" => Some(NoteStatus::New),
            "lu" | "lue" => Some(NoteStatus::Read),
            "idee" => Some(NoteStatus::Idea),
            "utilise" | "utilisee" => Some(NoteStatus::Used),
            "archive" | "archivee" => Some(NoteStatus::Archived),
            _ => None,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Note {
    pub common: Common,
    pub title: String,
    pub kind: VeilleKind,
    pub date: Option<When>,
    pub url: Option<(String, Pos)>,
    pub source: Option<String>,
    pub competitor: Option<String>,
    pub tone: Option<Tone>,
    pub status: NoteStatus,
    pub keywords: Vec<String>,
    pub tags: Vec<String>,
    pub extra: yaml::Value,
    /// The item's summary and the team's notes (Markdown).
    pub body: String,
    pub body_line: usize,
}

impl Note {
    pub fn id(&self) -> &str {
        &self.common.id
    }
}

/// A closed list field (`kind`, `tone`, `status`): an unknown word is a `frontmatter/type`
/// error at its value, with a "did you mean" among the names.
fn choice<T: Copy>(
    f: &mut Fields<'_>,
    key: &str,
    parse: fn(&str) -> Option<T>,
    names: &[&str],
) -> Option<T> {
    let text = f.string(key)?;
    if let Some(v) = parse(&text) {
        return Some(v);
    }
    let lang = f.lang;
    let help = did_you_mean(&text, names.iter().copied())
        .map(|s| t!(lang, "did-you-mean", name = s))
        .unwrap_or_else(|| {
            t!(
                lang,
                "veille-choice-help",
                key = key,
                names = names.join(", ")
            )
        });
    let pos = f.index.value_pos(&f.key_path(key));
    f.diags.push(
        Diagnostic::new(
            Code::FrontmatterType,
            f.file,
            pos,
            t!(lang, "veille-choice", key = key, value = text.as_str()),
        )
        .with_help(help)
        .with_span(text.chars().count()),
    );
    None
}

pub fn read(
    common: Common,
    value: &yaml::Value,
    body: &str,
    body_line: usize,
    ctx: &super::ReadContext<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Note> {
    let file = common.file.clone();
    let lang = ctx.config.language;
    let what = || t!(lang, "what-front-matter");
    let mut f = Fields::new(value, &common.index, "", &file, &what, diags, lang);
    if !f.is_map() && !value.is_null() {
        return None;
    }
    f.report_unknown(KEYS, Code::FrontmatterUnknownKey, &|| {
        t!(lang, "what-veille")
    });
    let title = required_string(
        &mut f,
        "title",
        &|| t!(lang, "what-veille-title"),
        common.start,
    );
    let kind_names: Vec<&str> = VeilleKind::ALL.iter().map(|k| k.name()).collect();
    let kind = if f.raw("kind").is_none() {
        f.diags.push(
            Diagnostic::new(
                Code::FrontmatterMissingField,
                &file,
                common.start,
                t!(lang, "veille-kind-missing"),
            )
            .with_help(t!(lang, "veille-kind-missing-help"))
            .with_span(3),
        );
        VeilleKind::default()
    } else {
        choice(&mut f, "kind", VeilleKind::parse, &kind_names).unwrap_or_default()
    };
    let date = read_date(&mut f, "date", ctx);
    if f.raw("date").is_none() {
        f.diags.push(
            Diagnostic::new(
                Code::FrontmatterMissingField,
                &file,
                common.start,
                t!(lang, "veille-date-missing"),
            )
            .with_help(t!(lang, "veille-date-missing-help"))
            .with_span(3),
        );
    }
    let url = f
        .string("url")
        .map(|u| (u.trim().to_string(), f.index.value_pos("url")));
    let source = f.string("source");
    let competitor = f.string("competitor");
    let tone_names: Vec<&str> = Tone::ALL.iter().map(|t| t.name()).collect();
    let tone = choice(&mut f, "tone", Tone::parse, &tone_names);
    let status_names: Vec<&str> = NoteStatus::ALL.iter().map(|s| s.name()).collect();
    let status = choice(&mut f, "status", NoteStatus::parse, &status_names).unwrap_or_default();
    let words = |f: &mut Fields<'_>, key| {
        f.strings(key)
            .unwrap_or_default()
            .into_iter()
            .map(|(s, _)| s)
            .collect::<Vec<_>>()
    };
    let keywords = words(&mut f, "keywords");
    let tags = words(&mut f, "tags");
    let extra = f.raw("extra").cloned().unwrap_or(yaml::Value::Null);
    Some(Note {
        common,
        title: title.unwrap_or_default(),
        kind,
        date,
        url,
        source,
        competitor,
        tone,
        status,
        keywords,
        tags,
        extra,
        body: body.to_string(),
        body_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_tones_and_statuses_read_in_french_with_or_without_accents() {
        assert_eq!(VeilleKind::parse("Métier"), Some(VeilleKind::Metier));
        assert_eq!(
            VeilleKind::parse("e-réputation"),
            Some(VeilleKind::EReputation)
        );
        assert_eq!(
            VeilleKind::parse("concurrentielle"),
            Some(VeilleKind::Concurrentielle)
        );
        assert_eq!(VeilleKind::parse("marketing"), None);
        assert_eq!(Tone::parse("négatif"), Some(Tone::Negative));
        assert_eq!(Tone::parse("Neutral"), Some(Tone::Neutral));
        assert_eq!(NoteStatus::parse("utilisé"), Some(NoteStatus::Used));
        assert_eq!(NoteStatus::parse("idée"), Some(NoteStatus::Idea));
        assert_eq!(NoteStatus::parse("lu"), Some(NoteStatus::Read));
    }
}
