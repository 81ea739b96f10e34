//! The pipeline: load → adapt → check. `trame check` stops here; `trame build` writes after.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::charter::{self, Charter};
use crate::checks::{self, MediaCache};
use crate::config::{self, Config, ConfigError};
use crate::content::{self, Content};
use crate::diagnostics::{self, Diagnostic, code_matches};
use crate::variants::{self, Variant};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The date taken as today (`--today`); default: the system date in the project's zone.
    pub today: Option<Date>,
}

/// A loaded, adapted and checked project.
pub struct Project {
    pub config: Config,
    pub charter: Option<Charter>,
    pub content: Content,
    /// post id → network → variant.
    pub variants: BTreeMap<String, BTreeMap<String, Variant>>,
    pub media: MediaCache,
    pub diagnostics: Vec<Diagnostic>,
    pub today: Date,
}

impl Project {
    /// trame.yaml and every content file, for printing source lines.
    pub fn sources(&self) -> BTreeMap<String, String> {
        let mut s = self.content.sources.clone();
        s.insert(config::CONFIG_FILE.to_string(), self.config.source.clone());
        if let Some(c) = &self.charter {
            s.insert(c.file.clone(), c.source.clone());
        }
        s
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == diagnostics::Severity::Error)
    }
}

pub fn today_in(config: &Config) -> Date {
    jiff::Timestamp::now()
        .to_zoned_datetime(config.timezone.clone())
        .date()
}

/// Runs the whole pipeline up to the checks. A config error is the only early stop.
pub fn load(root: &Path, options: &Options) -> Result<Project, ConfigError> {
    let (config, mut diags) = config::load(root)?;
    let (charter, charter_warnings) = charter::load(&config)?;
    diags.extend(charter_warnings);
    let content = content::load(&config, &mut diags);
    let today = options.today.unwrap_or_else(|| today_in(&config));

    let variants: BTreeMap<String, BTreeMap<String, Variant>> = content
        .posts
        .par_iter()
        .map(|p| (p.id().to_string(), variants::build(p, &config)))
        .collect();

    let media_paths = content
        .posts
        .iter()
        .flat_map(|p| {
            p.media
                .iter()
                .chain(p.variants.values().flat_map(|v| v.media.iter().flatten()))
        })
        .map(|m| m.path.as_str());
    let media = checks::media::probe_all(&config.root, media_paths);

    let ctx = checks::Context {
        config: &config,
        content: &content,
        media: &media,
        charter: charter.as_ref(),
        today,
    };
    let empty = BTreeMap::new();
    let per_post: Vec<Vec<Diagnostic>> = content
        .posts
        .par_iter()
        .map(|p| checks::post(p, variants.get(p.id()).unwrap_or(&empty), &ctx))
        .collect();
    diags.extend(per_post.into_iter().flatten());
    diags.extend(checks::others(&ctx));

    let mut diags = silence(diags, &content);
    diags = diagnostics::apply_rules(diags, &config.rules);
    diagnostics::sort(&mut diags);
    Ok(Project {
        config,
        charter,
        content,
        variants,
        media,
        diagnostics: diags,
        today,
    })
}

/// Drops what `<!-- trame-ignore code -->` silences on the next line.
fn silence(diags: Vec<Diagnostic>, content: &Content) -> Vec<Diagnostic> {
    if content.ignores.is_empty() {
        return diags;
    }
    diags
        .into_iter()
        .filter(|d| {
            let Some(codes) = content.ignores.get(&d.file).and_then(|m| m.get(&d.line)) else {
                return true;
            };
            !codes.iter().any(|c| code_matches(c, &d.code))
        })
        .collect()
}
