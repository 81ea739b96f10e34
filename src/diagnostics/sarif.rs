//! `trame check --format sarif`: the diagnostics as a SARIF 2.1.0 log, for code-scanning tools
//! (GitHub's code scanning shows every result, where workflow annotations stop at ten per
//! level). Each code of the registry is a rule (id, default level, what it means); charter
//! codes come from the project's charter and are added as they appear.

use std::collections::BTreeMap;

use serde_sarif::sarif::{
    ArtifactChange, ArtifactLocation, Fix, Location, Message, MultiformatMessageString,
    PhysicalLocation, Region, Replacement, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use super::{Code, Diagnostic, Severity};
use crate::base::l10n::{Language, t};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn text(s: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s.into()).build()
}

fn rule(id: &str, doc: String, default: Severity) -> ReportingDescriptor {
    ReportingDescriptor::builder()
        .id(id.to_string())
        .name(id.replace(['/', '-'], "_"))
        .short_description(text(doc.clone()))
        .full_description(text(doc.clone()))
        .help(text(doc))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::to_value(level(default)).unwrap_or_default())
                .build(),
        )
        .build()
}

/// The SARIF log of `diags`. `prefix` is put before each file (the project's folder in its
/// repository), so that the code-scanning tool finds it.
pub fn render(diags: &[Diagnostic], prefix: &str, lang: Language, version: &str) -> String {
    let mut rules: Vec<ReportingDescriptor> = Code::ALL
        .iter()
        .map(|c| rule(c.name(), c.doc(lang), c.default_severity()))
        .collect();
    let mut index: BTreeMap<String, usize> = Code::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name().to_string(), i))
        .collect();
    let help_label = t!(lang, "label-help");
    let mut results = Vec::with_capacity(diags.len());
    for d in diags {
        let id = d.code.as_str().to_string();
        let rule_index = *index.entry(id.clone()).or_insert_with(|| {
            rules.push(rule(
                &id,
                t!(lang, "sarif-charter-rule", code = id.as_str()),
                d.severity,
            ));
            rules.len() - 1
        });
        let mut message = match &d.network {
            Some(n) => format!("[{n}] {}", d.message),
            None => d.message.clone(),
        };
        if let Some(h) = &d.help {
            message.push_str(&format!("\n{help_label}: {h}"));
        }
        let uri = format!("{prefix}{}", d.file);
        let artifact = || ArtifactLocation::builder().uri(uri.clone()).build();
        let region = Region::builder()
            .start_line(d.line as i64)
            .start_column(d.column as i64)
            .end_column((d.column + d.span_len.max(1)) as i64)
            .build();
        let location = Location::builder()
            .physical_location(
                PhysicalLocation::builder()
                    .artifact_location(artifact())
                    .region(region)
                    .build(),
            )
            .build();
        let fixes = d.fix.as_ref().map(|f| {
            vec![
                Fix::builder()
                    .description(Message::builder().text(t!(lang, "sarif-fix")).build())
                    .artifact_changes(vec![
                        ArtifactChange::builder()
                            .artifact_location(artifact())
                            .replacements(vec![
                                Replacement::builder()
                                    .deleted_region(
                                        Region::builder()
                                            .start_line(f.line as i64)
                                            .start_column(f.column as i64)
                                            .end_line(f.line as i64)
                                            .end_column((f.column + f.old.chars().count()) as i64)
                                            .build(),
                                    )
                                    .inserted_content(
                                        serde_sarif::sarif::ArtifactContent::builder()
                                            .text(f.new.clone())
                                            .build(),
                                    )
                                    .build(),
                            ])
                            .build(),
                    ])
                    .build(),
            ]
        });
        let mut result = SarifResult::builder()
            .rule_id(id)
            .rule_index(rule_index as i64)
            .level(level(d.severity))
            .message(Message::builder().text(message).build())
            .locations(vec![location])
            .build();
        result.fixes = fixes;
        results.push(result);
    }
    let driver = ToolComponent::builder()
        .name("trame")
        .version(version.to_string())
        .semantic_version(version.to_string())
        .language(lang.code().to_string())
        .rules(rules)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .column_kind(serde_json::Value::from("unicodeCodePoints"))
        .build();
    let log = Sarif::builder()
        .schema(SCHEMA.to_string())
        .version(serde_json::Value::from("2.1.0"))
        .runs(vec![run])
        .build();
    // Serialising plain data cannot fail.
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}
