//! The diagnostics page (`diagnostics/index.html`): every problem of the build, by file, and
//! the script that shows the error count in every page's menu (a script, so that a new error
//! does not change every page of the site).

use serde::Serialize;

use std::collections::BTreeMap;

use super::Ctx;
use crate::diagnostics::{Diagnostic, Severity};
use crate::render::html::Slots;
use crate::render::views::{Frame, Problem};
use crate::render::{OutFile, ThemeError, i18n};
use crate::routes;

#[derive(Serialize)]
struct DiagnosticsView {
    #[serde(flatten)]
    frame: Frame,
    /// "4 fichiers concernés".
    files_affected: String,
    totals: Vec<Total>,
    /// How many problems of each code, the worst first.
    by_code: Vec<CodeTotal>,
    /// Whether any file has a problem.
    any: bool,
    /// The choices of the page's filters (`app.js`): the severities and codes present.
    filter_severities: Vec<Choice>,
    filter_codes: Vec<String>,
    /// The sections of the files (a slot marker), the files with an error first, then those
    /// with warnings, then the others.
    files: String,
}

#[derive(Serialize)]
struct Total {
    severity: &'static str,
    label: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct CodeTotal {
    #[serde(skip)]
    rank: Severity,
    code: String,
    /// What the code means, in the page's language (a charter rule: its id says it).
    about: Option<String>,
    severity: &'static str,
    severity_label: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct Choice {
    id: &'static str,
    label: &'static str,
}

/// One file's section of the page (the `problems` template).
#[derive(Serialize)]
struct FileProblems {
    file: String,
    /// The post's page, when the file is a post.
    href: Option<String>,
    diagnostics: Vec<Problem>,
}

pub fn files(ctx: &Ctx<'_>) -> Result<Vec<OutFile>, ThemeError> {
    let path = routes::diagnostics();
    let checked = ctx.input.checked;
    let s = checked.summary;
    let mut files: Vec<(Severity, FileProblems)> = checked
        .files()
        .map(|(file, diags)| {
            let mut diags: Vec<&Diagnostic> = diags.iter().collect();
            // Errors first, then in the order of the file.
            diags.sort_by_key(|d| (d.severity, d.line, d.column));
            let worst = diags.first().map_or(Severity::Info, |d| d.severity);
            let problems = FileProblems {
                file: file.to_string(),
                href: ctx
                    .input
                    .post(file)
                    .and_then(|p| ctx.input.routes.post(p.file))
                    .map(|to| routes::href(&path, &to)),
                diagnostics: diags.iter().map(|d| Problem::of(ctx.lang, d)).collect(),
            };
            (worst, problems)
        })
        .collect();
    // Stable: files of one severity stay in path order.
    files.sort_by_key(|(worst, _)| *worst);
    let mut by_code: BTreeMap<(Severity, &str), usize> = BTreeMap::new();
    for (_, diags) in checked.files() {
        for d in diags {
            *by_code.entry((d.severity, d.code.as_str())).or_default() += 1;
        }
    }
    let mut by_code: Vec<CodeTotal> = by_code
        .into_iter()
        .map(|((severity, code), count)| CodeTotal {
            rank: severity,
            code: code.to_string(),
            about: crate::diagnostics::Code::from_name(code).map(|c| c.doc(ctx.lang)),
            severity: severity.as_str(),
            severity_label: i18n::severity(ctx.lang, severity),
            count,
        })
        .collect();
    by_code.sort_by(|a, b| {
        (a.rank, std::cmp::Reverse(a.count), &a.code).cmp(&(
            b.rank,
            std::cmp::Reverse(b.count),
            &b.code,
        ))
    });
    let total = |severity: Severity, count: usize| Total {
        severity: severity.as_str(),
        label: i18n::severity_plural(ctx.lang, severity, count),
        count,
    };
    // Each file's section is rendered once and kept while what it shows is the same: with
    // thousands of problems, a save re-renders the section of the file saved, not the page.
    let views: Vec<(u64, FileProblems)> = files
        .into_iter()
        .map(|(_, f)| {
            let json = serde_json::to_vec(&f).unwrap_or_default();
            (xxhash_rust::xxh3::xxh3_64(&json), f)
        })
        .collect();
    let any = !views.is_empty();
    let sections = ctx
        .frags()
        .sections(&views, |f| ctx.render("problems", f))?;
    let mut slots = Slots::new();
    let view = DiagnosticsView {
        frame: ctx.frame(&path, ctx.label("diagnostics"), "diagnostics"),
        files_affected: i18n::files_affected(ctx.lang, views.len()),
        totals: vec![
            total(Severity::Error, s.errors),
            total(Severity::Warning, s.warnings),
            total(Severity::Info, s.infos),
        ],
        filter_severities: [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .filter(|s| by_code.iter().any(|c| c.rank == *s))
            .map(|s| Choice {
                id: s.as_str(),
                label: i18n::severity_plural(ctx.lang, s, 2),
            })
            .collect(),
        filter_codes: {
            let mut codes: Vec<String> = by_code.iter().map(|c| c.code.clone()).collect();
            codes.sort();
            codes.dedup();
            codes
        },
        by_code,
        any,
        files: slots.put(sections),
    };
    let page = slots.page(path, ctx.render("diagnostics", &view)?);
    let script = format!(
        "// trame: the error count shown next to the diagnostics link of every page.\n\
         (function () {{\n  var n = {};\n  if (!n) return;\n  \
         document.querySelectorAll(\"[data-diagnostic-count]\").forEach(function (e) {{ e.textContent = String(n); e.hidden = false; }});\n}})();\n",
        s.errors
    );
    Ok(vec![
        page,
        OutFile::new(routes::diagnostics_count(), script),
    ])
}
