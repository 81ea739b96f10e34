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
    }
}
