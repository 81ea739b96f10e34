//! What the audit report computes from the project itself (SPEC §3.3): publication regularity
//! per network against `cadence`, charter and network problems counted by code, and the posts
//! with an image without alt text.

use crate::diagnostics::Diagnostic;
use crate::load::config::{Cadence, Config};
use crate::load::content::Post;

/// Regularity of one network against its cadence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regularity {
    pub network: String,
    pub cadence: Cadence,
    /// Periods that reached the target.
    pub met: usize,
    /// Periods counted.
    pub total: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    /// In the order of trame.yaml's `cadence`.
    pub regularity: Vec<Regularity>,
    /// Charter and network codes, by name, with how many diagnostics each has.
    pub by_code: Vec<(String, usize)>,
    /// Files of the posts with an image that has no alt text, in path order.
    pub no_alt: Vec<String>,
    /// The dead links the last `trame check --links` found, where they still are.
    pub dead_links: Vec<DeadLink>,
}

/// A dead link at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadLink {
    pub url: String,
    pub status: u16,
    /// When it was checked (seconds since 1970).
    pub checked: i64,
    pub file: String,
    pub line: usize,
}

/// The places of the cached dead links in the project's files as they are now (a link fixed
/// since the check is no longer listed). Only files that contain one are scanned.
pub fn dead_links(
    files: &[super::FileRef<'_>],
    dead: &std::collections::BTreeMap<String, (u16, i64)>,
) -> Vec<DeadLink> {
    if dead.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for f in files {
        let Some(text) = f.source else { continue };
        if !dead.keys().any(|u| text.contains(u.as_str())) {
            continue;
        }
        for (url, line, _) in crate::base::text::web_addresses(text) {
            if let Some((status, checked)) = dead.get(&url) {
                out.push(DeadLink {
                    url,
                    status: *status,
                    checked: *checked,
                    file: f.file.to_string(),
                    line,
                });
            }
        }
    }
    out
}

pub fn compute(posts: &[&Post], config: &Config, diags: &[Diagnostic]) -> Findings {
    let counts = super::cadence::counts(posts, config);
    let regularity = config
        .cadence
        .iter()
        .map(|(n, c)| {
            let periods = counts
                .get(n.as_str())
                .map(|p| super::cadence::every_period(p, c.per))
                .unwrap_or_default();
            Regularity {
                network: n.clone(),
                cadence: *c,
                met: periods
                    .iter()
                    .filter(|(_, k)| *k >= c.count as usize)
                    .count(),
                total: periods.len(),
            }
        })
        .collect();
    let mut by_code: std::collections::BTreeMap<&str, usize> = Default::default();
    for d in diags {
        if matches!(d.code.family(), "charter" | "network") {
            *by_code.entry(d.code.as_str()).or_default() += 1;
        }
    }
    let no_alt = posts
        .iter()
        .filter(|p| {
            p.media
                .iter()
                .any(|m| m.alt.as_deref().is_none_or(|x| x.trim().is_empty()))
        })
        .map(|p| p.file().to_string())
        .collect();
    Findings {
        regularity,
        by_code: by_code
            .into_iter()
            .map(|(c, n)| (c.to_string(), n))
            .collect(),
        no_alt,
        dead_links: Vec::new(),
    }
}
