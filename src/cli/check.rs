//! `trame check`: every problem of the project (or of some of its files), in the format a
//! reader or a tool wants, and an exit code CI can rely on.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{CliError, EXIT_CONTENT, EXIT_OK, FormatArg, Term};
use crate::base::l10n::t;
use crate::base::paths::rel_path;
use crate::diagnostics::{self, Diagnostic, Severity, Summary};
use crate::engine::{self, EngineError, Options};
use crate::load::config::{ConfigError, Language};

/// `trame check`'s arguments.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Only report problems in these files or folders (the whole project is still read)
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: FormatArg,
    /// Exit with 1 on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
    /// Counts by code and by file instead of every problem (the human format)
    #[arg(long)]
    pub summary: bool,
    /// Also check every web address of every file over HTTP (dead links), with a cache in
    /// .trame/links.json; without it, check never uses the network
    #[arg(long)]
    pub links: bool,
    /// Only the files changed since this git revision (default: where the branch left the
    /// default branch), and the posts that use them; every file when trame.yaml or the charter
    /// changed
    #[arg(long, value_name = "BASE", num_args = 0..=1, default_missing_value = "")]
    pub changed: Option<String>,
}

/// Checks the project at `root`; `paths` limit the report to some files or folders (every
/// file is still read). `--quiet` changes what is printed, never the exit code.
pub fn run(
    root: &Path,
    cwd: &Path,
    options: &Options,
    args: &CheckArgs,
    term: &Term,
) -> Result<i32, CliError> {
    let started = Instant::now();
    let format = args.format;
    let lang = term.lang;
    let mut filters = path_filters(root, cwd, &args.paths, lang)?;
    let prefix = report_prefix(root, cwd);
    let plan = match engine::build(root, options) {
        Ok(p) => p,
        Err(e) => {
            // A broken trame.yaml or charter comes out in the format asked for too (and, as
            // always, for people on the error output).
            if let EngineError::Config(ConfigError::Invalid { diagnostics, .. }) = &e
                && format != FormatArg::Human
            {
                let mut diags = diagnostics.clone();
                diagnostics::sort(&mut diags);
                let summary = Summary::of(0, &diags);
                print(&render(
                    format, &diags, &summary, &prefix, None, false, lang,
                ));
            }
            return Err(e.into());
        }
    };
    if let Some(base) = &args.changed {
        let report = changed(root, &plan, base, lang)?;
        if !term.quiet {
            eprintln!("{}", report.summary);
        }
        if let Some(files) = report.files {
            // `PATH` arguments narrow further: a file is reported when both keep it.
            let kept: Vec<String> = files
                .into_iter()
                .filter(|f| in_filters(&filters, f))
                .collect();
            filters = if kept.is_empty() {
                // Nothing to report: a filter no file matches.
                vec!["\0".to_string()]
            } else {
                kept
            };
        }
    }
    let mut all: Vec<Diagnostic> = plan
        .diagnostics()
        .filter(|d| in_filters(&filters, &d.file))
        .cloned()
        .collect();
    if args.links {
        let mut found = links(&plan, &filters, term)?;
        all.append(&mut found);
        diagnostics::sort(&mut all);
    }
    let summary = Summary::of(plan.files_checked(), &all);
    let lang = plan.config.language;
    let quiet = term.quiet && format == FormatArg::Human;
    let human = format == FormatArg::Human;
    let mut shown: Vec<Diagnostic> = if quiet {
        all.iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect()
    } else {
        all.clone()
    };
    if human {
        // People read from the top: errors first, the warnings that do not block after.
        diagnostics::errors_first(&mut shown);
    }
    if human && args.summary {
        print(&diagnostics::render_counts(&shown, lang));
    } else {
        let sources = human.then_some(&plan as &dyn diagnostics::SourceLookup);
        print(&render(
            format,
            &shown,
            &summary,
            &prefix,
            sources,
            term.color_out,
            lang,
        ));
    }
    if human && !term.quiet {
        println!("{}", diagnostics::render_summary(&summary, lang));
    }
    if term.verbose {
        eprintln!(
            "{}",
            t!(
                lang,
                "cli-checked-in",
                ms = (started.elapsed().as_secs_f64() * 1000.0).round()
            )
        );
    }
    let failed = summary.errors > 0 || (args.deny_warnings && summary.warnings > 0);
    super::exit_without_drop(plan);
    Ok(if failed { EXIT_CONTENT } else { EXIT_OK })
}

/// `--links`: the addresses of the files the report covers, checked; their problems with the
/// project's `rules:` and `trame-ignore` comments applied, as for every other code.
fn links(
    plan: &engine::Plan,
    filters: &[String],
    term: &Term,
) -> Result<Vec<Diagnostic>, CliError> {
    let started = Instant::now();
    let config = &plan.config;
    let lang = config.language;
    let places: Vec<crate::net::links::Place> = plan
        .content_sources()
        .filter(|(file, _)| in_filters(filters, file))
        .flat_map(|(file, text)| crate::net::links::places_in(file, text))
        .collect();
    let distinct = places
        .iter()
        .map(|p| p.url.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let counter = super::progress::Counter::start(term, distinct, t!(lang, "progress-links"));
    let report = crate::net::links::check(
        config,
        places,
        std::time::Duration::from_secs(config.links.timeout),
        &|| counter.tick(),
    )
    .map_err(|e| CliError::Usage(e.to_string()))?;
    drop(counter);
    let found = diagnostics::apply_rules(report.diagnostics, &config.rules);
    let found: Vec<Diagnostic> = found.into_iter().filter(|d| !plan.ignored(d)).collect();
    if !term.quiet {
        eprintln!(
            "{}",
            t!(
                lang,
                "cli-links-summary",
                urls = report.urls,
                places = report.places,
                cached = report.cached,
                excluded = report.excluded,
                seconds = super::progress::seconds_since(lang, started)
            )
        );
    }
    Ok(found)
}

/// What `--changed` reports: the files to keep (none: all of them) and the line that says so.
struct ChangedReport {
    files: Option<Vec<String>>,
    summary: String,
}

/// The files changed since `base` (empty: the default branch's merge base), and those that
/// depend on them; every file when trame.yaml or the charter changed, since every post is
/// checked against them.
fn changed(
    root: &Path,
    plan: &engine::Plan,
    base: &str,
    lang: Language,
) -> Result<ChangedReport, CliError> {
    use crate::load::git::{self, GitError};
    let git_error = |e: GitError| {
        let (message, help) = match &e {
            GitError::NotARepository => (
                t!(lang, "cli-changed-no-repo"),
                t!(lang, "cli-changed-no-repo-help"),
            ),
            GitError::Missing(_) => (
                t!(lang, "cli-changed-no-git"),
                t!(lang, "cli-changed-no-repo-help"),
            ),
            GitError::UnknownRevision(r) => (
                t!(lang, "cli-changed-unknown-revision", revision = r.as_str()),
                t!(lang, "cli-changed-unknown-revision-help"),
            ),
            GitError::NoDefaultBranch => (
                t!(lang, "cli-changed-no-base"),
                t!(lang, "cli-changed-unknown-revision-help"),
            ),
            GitError::Failed(m) => (
                t!(lang, "cli-changed-failed", reason = m.as_str()),
                t!(lang, "cli-changed-no-repo-help"),
            ),
        };
        CliError::Usage(format!("{message}\nhelp: {help}"))
    };
    let base = if base.trim().is_empty() {
        git::default_base(root).map_err(git_error)?
    } else {
        base.trim().to_string()
    };
    let changed = git::changed_since(root, &base).map_err(git_error)?;
    let shown = if base.len() == 40 {
        &base[..10]
    } else {
        base.as_str()
    };
    let charter = plan
        .config
        .charter
        .as_deref()
        .map(|c| c.trim_start_matches("./"));
    let global = changed
        .iter()
        .find(|f| *f == crate::load::config::CONFIG_FILE || Some(f.as_str()) == charter);
    if let Some(file) = global {
        return Ok(ChangedReport {
            files: None,
            summary: t!(
                lang,
                "cli-changed-everything",
                base = shown,
                file = file.as_str()
            ),
        });
    }
    let reached = plan.reached_by(&changed);
    let checked = plan.files_checked();
    let content: std::collections::BTreeSet<&str> =
        plan.content_sources().map(|(f, _)| f).collect();
    let kept = reached
        .iter()
        .filter(|f| content.contains(f.as_str()) || f.starts_with("metrics/"))
        .count()
        .min(checked);
    Ok(ChangedReport {
        summary: t!(
            lang,
            "cli-changed-summary",
            base = shown,
            changed = changed.len(),
            reported = kept,
            skipped = checked.saturating_sub(kept)
        ),
        files: Some(reached.into_iter().collect()),
    })
}

fn render(
    format: FormatArg,
    diags: &[Diagnostic],
    summary: &Summary,
    prefix: &str,
    sources: Option<&dyn diagnostics::SourceLookup>,
    color: bool,
    lang: Language,
) -> String {
    match (format, sources) {
        (FormatArg::Json, _) => format!("{}\n", diagnostics::render_json(diags, summary)),
        (FormatArg::Github, _) => diagnostics::render_github(diags, prefix, lang),
        (FormatArg::Sarif, _) => {
            diagnostics::sarif::render(diags, prefix, lang, env!("CARGO_PKG_VERSION"))
        }
        (FormatArg::Human, Some(s)) => diagnostics::render_human(diags, s, color, lang),
        (FormatArg::Human, None) => {
            diagnostics::render_human(diags, &std::collections::BTreeMap::new(), color, lang)
        }
    }
}

fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
}

/// The `PATH` arguments of `check` and `fix` as project-relative prefixes; one that names
/// nothing is a usage error.
pub(super) fn path_filters(
    root: &Path,
    cwd: &Path,
    paths: &[PathBuf],
    lang: Language,
) -> Result<Vec<String>, CliError> {
    let mut filters = Vec::new();
    for p in paths {
        if std::fs::symlink_metadata(cwd.join(p)).is_err() {
            return Err(CliError::Usage(format!(
                "{}\nhelp: {}",
                t!(lang, "cli-check-no-match", path = p.display().to_string()),
                t!(lang, "cli-check-no-match-help")
            )));
        }
        filters.push(filter_path(root, cwd, p));
    }
    Ok(filters)
}

/// Whether a project file is one the filters name (all files without filters).
pub(super) fn in_filters(filters: &[String], file: &str) -> bool {
    filters.is_empty()
        || filters.iter().any(|f| {
            f.is_empty()
                || file == f
                || file
                    .strip_prefix(f.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        })
}

/// A `trame check PATH` argument as a project-relative path prefix.
fn filter_path(root: &Path, cwd: &Path, p: &Path) -> String {
    let abs = std::path::absolute(cwd.join(p)).unwrap_or_else(|_| cwd.join(p));
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    rel_path(&root, &abs).trim_end_matches('/').to_string()
}

/// What to put before a project-relative path so that a tool finds the file: the project's
/// folder from the root of its git repository (GitHub's annotations are relative to it), else
/// from the working directory.
fn report_prefix(root: &Path, cwd: &Path) -> String {
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let base = root
        .ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| std::path::absolute(cwd).unwrap_or_else(|_| cwd.to_path_buf()));
    match root.strip_prefix(&base) {
        Ok(rel) if rel.as_os_str().is_empty() => String::new(),
        Ok(_) => format!("{}/", rel_path(&base, &root)),
        Err(_) => String::new(),
    }
}
