//! `trame export FORMAT`: the posts that are ready (approved and scheduled unless `--status`
//! says otherwise) as the bulk-upload file of a scheduling tool. Nothing is written when a post
//! to export has errors or cannot be carried by the format (unless `--skip-unsupported`); the
//! file goes to `--output`, or to the standard output.

use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::{CliError, EXIT_CONTENT, EXIT_OK, Term};
use crate::base::l10n::t;
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::engine::{self, Options};
use crate::export::{self, Context, Filter};
use crate::load::content::post::Status;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// csv (trame's own), hootsuite, metricool, publer
    pub format: String,
    /// Only these networks, comma-separated: linkedin,instagram
    #[arg(long, value_name = "NETWORKS")]
    pub network: Option<String>,
    /// Posts dated from this day (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    pub from: Option<Date>,
    /// Posts dated up to this day, included (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    pub to: Option<Date>,
    /// Statuses to export, comma-separated (default: approved,scheduled)
    #[arg(long, value_name = "STATUSES")]
    pub status: Option<String>,
    /// The file to write (default: standard output). For a tool that takes one file per
    /// profile, one file per network beside it: export-linkedin.csv…
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write the posts the format can carry and leave out the others (listed)
    #[arg(long)]
    pub skip_unsupported: bool,
}

pub fn run(
    root: &Path,
    cwd: &Path,
    options: &Options,
    args: &ExportArgs,
    term: &Term,
) -> Result<i32, CliError> {
    let lang = term.lang;
    let Some(format) = export::format(&args.format) else {
        let ids = export::formats().iter().map(|f| f.id.as_str());
        let help = diagnostics::did_you_mean(&args.format, ids.clone())
            .map(|s| t!(lang, "did-you-mean", name = s))
            .unwrap_or_else(|| {
                t!(
                    lang,
                    "cli-export-formats",
                    list = ids.collect::<Vec<_>>().join(", ")
                )
            });
        return Err(CliError::Usage(format!(
            "{}\nhelp: {help}",
            t!(lang, "cli-export-unknown", name = args.format.as_str())
        )));
    };
    let statuses = match &args.status {
        None => Filter::DEFAULT_STATUSES.to_vec(),
        Some(list) => list
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| {
                Status::parse(s).ok_or_else(|| {
                    CliError::Usage(format!(
                        "{}\nhelp: {}",
                        t!(lang, "cli-export-unknown-status", name = s.trim()),
                        t!(lang, "cli-export-unknown-status-help")
                    ))
                })
            })
            .collect::<Result<_, _>>()?,
    };
    let plan = engine::build(root, options)?;
    let lang = plan.config.language;
    let networks: Vec<String> = args
        .network
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .map(|n| n.trim().to_lowercase())
        .filter(|n| !n.is_empty())
        .collect();
    for n in &networks {
        if plan.config.networks.get(n).is_none() {
            let known = || plan.config.networks.ids();
            let help = diagnostics::did_you_mean(n, known())
                .map(|s| t!(lang, "did-you-mean", name = s))
                .unwrap_or_else(|| {
                    t!(
                        lang,
                        "cli-networks",
                        networks = known().collect::<Vec<_>>().join(", ")
                    )
                });
            return Err(CliError::Usage(format!(
                "{}\nhelp: {help}",
                t!(lang, "network-unknown", network = n.as_str())
            )));
        }
    }
    let filter = Filter {
        networks,
        from: args.from,
        to: args.to,
        statuses,
    };
    let items = export::select(plan.posts(), &filter);
    let files: std::collections::BTreeSet<&str> = items.iter().map(|i| i.post.file()).collect();

    // A post that does not pass `check` does not go out: what is exported is what was checked.
    let errors: Vec<Diagnostic> = plan
        .diagnostics()
        .filter(|d| d.severity == Severity::Error && files.contains(d.file.as_str()))
        .cloned()
        .collect();
    if !errors.is_empty() {
        eprint!(
            "{}",
            diagnostics::render_human(&errors, &plan, term.color_err, lang)
        );
        let posts: std::collections::BTreeSet<&str> =
            errors.iter().map(|d| d.file.as_str()).collect();
        eprintln!("{}", t!(lang, "cli-export-errors", count = posts.len()));
        super::exit_without_drop(plan);
        return Ok(EXIT_CONTENT);
    }
    let ctx = Context {
        config: &plan.config,
        routes: &plan.routes,
        today: plan.today,
        skip_refused: args.skip_unsupported,
    };
    let out = export::export(format, &items, &ctx);
    let mut diags: Vec<Diagnostic> =
        diagnostics::apply_rules(out.diagnostics.clone(), &plan.config.rules)
            .into_iter()
            .filter(|d| !plan.ignored(d))
            .filter(|d| !term.quiet || d.severity == Severity::Error)
            .collect();
    diagnostics::sort(&mut diags);
    if !diags.is_empty() {
        eprint!(
            "{}",
            diagnostics::render_human(&diags, &plan, term.color_err, lang)
        );
    }
    let tool = format.tool.as_str();
    if let Some((network, count, max)) = out.too_many.first() {
        let network = network
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        return Err(CliError::Usage(format!(
            "{}\nhelp: {}",
            t!(
                lang,
                "cli-export-too-many",
                tool = tool,
                max = *max,
                count = *count,
                network = network
            ),
            t!(lang, "cli-export-too-many-help")
        )));
    }
    if out.refused > 0 && !args.skip_unsupported {
        eprintln!(
            "{}",
            t!(lang, "cli-export-refused", count = out.refused, tool = tool)
        );
        super::exit_without_drop(plan);
        return Ok(EXIT_CONTENT);
    }
    if items.is_empty() {
        let statuses = filter
            .statuses
            .iter()
            .map(|s| s.name())
            .collect::<Vec<_>>()
            .join(", ");
        eprintln!(
            "{}\nhelp: {}",
            t!(lang, "cli-export-nothing", statuses = statuses),
            t!(lang, "cli-export-nothing-help")
        );
        super::exit_without_drop(plan);
        return Ok(EXIT_OK);
    }
    let several = out.files.len() > 1;
    let mut written = Vec::new();
    match &args.output {
        None if several => {
            let nets: Vec<&str> = out
                .files
                .iter()
                .filter_map(|f| f.network.as_deref())
                .collect();
            return Err(CliError::Usage(format!(
                "{}\nhelp: {}",
                t!(
                    lang,
                    "cli-export-needs-output",
                    tool = tool,
                    count = nets.len(),
                    networks = nets.join(", ")
                ),
                t!(lang, "cli-export-needs-output-help")
            )));
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            for f in &out.files {
                stdout
                    .write_all(&f.bytes)
                    .and_then(|()| stdout.flush())
                    .map_err(|e| CliError::Usage(e.to_string()))?;
                written.push((f.rows, "-".to_string()));
            }
        }
        Some(path) => {
            let path = cwd.join(path);
            for f in &out.files {
                let target = match (&f.network, several) {
                    (Some(n), true) => beside(&path, n),
                    _ => path.clone(),
                };
                crate::base::fs::write_atomic(&target, &f.bytes).map_err(|e| {
                    CliError::Usage(t!(
                        lang,
                        "cli-export-cannot-write",
                        path = target.display().to_string(),
                        reason = e.to_string()
                    ))
                })?;
                let shown = target.strip_prefix(cwd).unwrap_or(&target);
                written.push((f.rows, shown.display().to_string()));
            }
        }
    }
    if !term.quiet {
        if out.refused > 0 {
            eprintln!("{}", t!(lang, "cli-export-skipped", count = out.refused));
        }
        for (rows, path) in &written {
            eprintln!(
                "{}",
                t!(lang, "cli-export-done", count = *rows, path = path.as_str())
            );
        }
        if let Some(h) = export::hint(format, lang, &plan.config.timezone_name) {
            eprintln!("{h}");
        }
    }
    super::exit_without_drop(plan);
    Ok(EXIT_OK)
}

/// `export.csv` + `linkedin` → `export-linkedin.csv`.
fn beside(path: &Path, network: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{network}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{network}"),
    };
    path.with_file_name(name)
}
