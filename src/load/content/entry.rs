//! Calendar entries (SPEC §3.2): campaigns, events, key dates.

use std::collections::BTreeMap;

use serde::Serialize;

use super::dates::When;
use super::{Common, read_date, required_string};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, did_you_mean};
use crate::load::networks::canonical_id;
use crate::load::yaml::{self, Fields};

pub const KEYS: &[&str] = &[
    "title", "kind", "date", "end", "networks", "goal", "kpis", "extra",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    Campaign,
    #[default]
    Event,
    KeyDate,
}

impl EntryKind {
    pub fn name(self) -> &'static str {
        match self {
            EntryKind::Campaign => "campaign",
            EntryKind::Event => "event",
            EntryKind::KeyDate => "key-date",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub common: Common,
    pub title: String,
    pub kind: EntryKind,
    pub date: Option<When>,
    pub end: Option<When>,
    pub networks: Vec<(String, crate::diagnostics::Pos)>,
    pub goal: Option<String>,
    pub kpis: BTreeMap<String, f64>,
    pub extra: yaml::Value,
    /// The brief (Markdown).
    pub body: String,
    pub body_line: usize,
}

impl Entry {
    pub fn id(&self) -> &str {
        &self.common.id
    }
}

/// A KPI that is a ratio (`ctr`, `engagement_rate_reach`, `conversion_rate`): its target is a
/// fraction (`0.04`), shown as a percentage; every other KPI is a count.
pub fn is_rate_kpi(name: &str) -> bool {
    name == "ctr" || name.ends_with("_ctr") || name.contains("rate")
}

pub fn read(
    common: Common,
    value: &yaml::Value,
    body: &str,
    body_line: usize,
    ctx: &super::ReadContext<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Entry> {
    let file = common.file.clone();
    let lang = ctx.config.language;
    let what = || t!(lang, "what-front-matter");
    let mut f = Fields::new(value, &common.index, "", &file, &what, diags, lang);
    if !f.is_map() && !value.is_null() {
        return None;
    }
    f.report_unknown(KEYS, Code::FrontmatterUnknownKey, &|| {
        t!(lang, "what-entry")
    });
    let title = required_string(
        &mut f,
        "title",
        &|| t!(lang, "what-entry-title"),
        common.start,
    );
    let kind = match f.string("kind") {
        Some(k) => match k.trim() {
            "campaign" => EntryKind::Campaign,
            "event" => EntryKind::Event,
            "key-date" | "key_date" | "keydate" => EntryKind::KeyDate,
            other => {
                let kinds = ["campaign", "event", "key-date"];
                let help = did_you_mean(other, kinds)
                    .map(|s| t!(lang, "did-you-mean", name = s))
                    .unwrap_or_else(|| t!(lang, "entry-kind-help"));
                let pos = f.index.value_pos("kind");
                f.diags.push(
                    Diagnostic::new(
                        Code::FrontmatterType,
                        &file,
                        pos,
                        t!(lang, "entry-kind", kind = other),
                    )
                    .with_help(help),
                );
                EntryKind::Event
            }
        },
        None => EntryKind::Event,
    };
    let date = read_date(&mut f, "date", ctx);
    if date.is_none() && f.raw("date").is_none() {
        f.diags.push(
            Diagnostic::new(
                Code::FrontmatterMissingField,
                &file,
                common.start,
                t!(lang, "entry-date-missing"),
            )
            .with_help(t!(lang, "entry-date-missing-help"))
            .with_span(3),
        );
    }
    let end = read_date(&mut f, "end", ctx);
    if let (Some(d), Some(e)) = (&date, &end)
        && e.sort_key(&ctx.config.timezone) < d.sort_key(&ctx.config.timezone)
    {
        let pos = f.index.value_pos("end");
        f.diags.push(
            Diagnostic::new(
                Code::FrontmatterDate,
                &file,
                pos,
                t!(lang, "entry-end-before", end = e.iso(), date = d.iso()),
            )
            .with_help(t!(lang, "entry-end-before-help")),
        );
    }
    let networks = f
        .strings("networks")
        .unwrap_or_default()
        .into_iter()
        .map(|(n, p)| (canonical_id(&n), p))
        .collect();
    let goal = f.string("goal");
    let mut kpis = BTreeMap::new();
    if let Some(map) = f.map("kpis") {
        for (k, v) in map {
            let name = yaml::scalar_text(k).unwrap_or_default();
            match v.as_f64() {
                Some(n) => {
                    kpis.insert(name, n);
                }
                None => {
                    let pos = f.index.value_pos(&yaml::join("kpis", &name));
                    f.diags.push(
                        Diagnostic::new(
                            Code::FrontmatterType,
                            &file,
                            pos,
                            t!(
                                lang,
                                "entry-kpi",
                                kpi = name.as_str(),
                                found = yaml::describe(lang, v)
                            ),
                        )
                        .with_help(t!(lang, "entry-kpi-help")),
                    );
                }
            }
        }
    }
    let extra = f.raw("extra").cloned().unwrap_or(yaml::Value::Null);
    Some(Entry {
        common,
        title: title.unwrap_or_default(),
        kind,
        date,
        end,
        networks,
        goal,
        kpis,
        extra,
        body: body.to_string(),
        body_line,
    })
}
