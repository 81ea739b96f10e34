//! `trame veille [--source ID]`: the monitoring feeds fetched, each new item written as a note,
//! the sources that failed reported (`veille/feed`), and one line that says what happened.

use std::path::Path;
use std::time::{Duration, Instant};

use super::progress::Counter;
use super::{CliError, EXIT_OK, Term};
use crate::base::l10n::t;
use crate::diagnostics::{self, did_you_mean};
use crate::load::config;

pub fn run(root: &Path, only: Option<&str>, term: &Term) -> Result<i32, CliError> {
    let started = Instant::now();
    let (config, warnings) = config::load(root)?;
    let lang = config.language;
    if config.veille.sources.is_empty() {
        return Err(CliError::Usage(format!(
            "{}\nhelp: {}",
            t!(lang, "cli-veille-no-sources"),
            t!(lang, "cli-veille-no-sources-help")
        )));
    }
    let sources: Vec<_> = match only {
        None => config.veille.sources.iter().collect(),
        Some(id) => match config.veille.source(id.trim()) {
            Some(s) => vec![s],
            None => {
                let ids = config.veille.sources.iter().map(|s| s.id.as_str());
                let help = did_you_mean(id, ids.clone())
                    .map(|s| t!(lang, "did-you-mean", name = s))
                    .unwrap_or_else(|| ids.collect::<Vec<_>>().join(", "));
                return Err(CliError::Usage(format!(
                    "{}\nhelp: {help}",
                    t!(lang, "cli-veille-unknown-source", id = id)
                )));
            }
        },
    };
    let counter = Counter::start(term, sources.len(), t!(lang, "progress-veille"));
    let report = crate::net::veille::run(
        &config,
        &sources,
        Duration::from_secs(config.veille.timeout),
        &|_| counter.tick(),
    )
    .map_err(|e| CliError::Usage(e.to_string()))?;
    drop(counter);
    let mut diags = warnings;
    diags.extend(report.diagnostics.iter().cloned());
    let diags = diagnostics::apply_rules(diags, &config.rules);
    if !diags.is_empty() {
        let sources: std::collections::BTreeMap<String, String> =
            [(config::CONFIG_FILE.to_string(), config.source.clone())].into();
        eprint!(
            "{}",
            diagnostics::render_human(&diags, &sources, term.color_err, lang)
        );
    }
    for f in &report.written {
        println!("{f}");
    }
    if !term.quiet {
        eprintln!(
            "{}",
            t!(
                lang,
                "cli-veille-summary",
                sources = report.sources,
                unchanged = report.unchanged,
                failed = report.failed,
                written = report.written.len(),
                known = report.known,
                filtered = report.filtered,
                seconds = super::progress::seconds_since(lang, started)
            )
        );
    }
    Ok(EXIT_OK)
}
