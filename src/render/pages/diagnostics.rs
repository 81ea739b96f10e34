//! The diagnostics page (`diagnostics/index.html`): every problem of the build, by file, and
//! the script that shows the error count in every page's menu (a script, so that a new error
//! does not change every page of the site).

use serde::Serialize;

use super::Ctx;
use crate::render::views::{Frame, Problem};
use crate::render::{OutFile, ThemeError, i18n};
use crate::routes;

#[derive(Serialize)]
struct DiagnosticsView {
    #[serde(flatten)]
    frame: Frame,
    /// "3 erreurs, 2 avertissements, 0 information".
    summary: String,
    files: Vec<FileProblems>,
}

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
    let files = checked
        .files()
        .map(|(file, diags)| FileProblems {
            file: file.to_string(),
            href: ctx
                .input
                .post(file)
                .and_then(|p| ctx.input.routes.post(p.file))
                .map(|to| routes::href(&path, &to)),
            diagnostics: diags.iter().map(|d| Problem::of(ctx.lang, d)).collect(),
        })
        .collect();
    let view = DiagnosticsView {
        frame: ctx.frame(&path, ctx.label("diagnostics"), "diagnostics"),
        summary: i18n::diagnostics_summary(ctx.lang, s.errors, s.warnings, s.infos),
        files,
    };
    let page = OutFile::new(path, ctx.render("diagnostics", &view)?);
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
