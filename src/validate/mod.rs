//! Validation: every check of the project, in one stage, giving an immutable [`Checked`].
//!
//! Checks read the loaded files and their adapted variants (a length is the length of what will
//! be published) and push diagnostics; none stops. [`file`] checks one record on its own (run in
//! parallel, and again only for the files a save changed); [`project`] adds the checks across
//! files (duplicate ids, cadence), applies `trame-ignore` comments and `rules:`, sorts, completes
//! spelling suggestions, and computes what the audit report shows. Rendering only reads the
//! result.

pub mod cadence;
pub mod charter;
pub mod findings;
pub mod fixes;
pub mod media;
pub mod network;
pub mod references;
pub mod results;
pub mod schema;
pub mod veille;
pub mod video;
pub mod workflow;

use std::collections::BTreeMap;
use std::ops::Range;

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use crate::adapt::Variants;
use crate::base::l10n::t;
use crate::diagnostics::{self, Code, Diagnostic, Pos, Summary, code_matches};
use crate::load::config::{Config, Language};
use crate::load::content::{Audit, Entry, Kind, Note, Post};
use crate::load::store::Item;
use crate::routes::Routes;

pub use findings::Findings;
pub use media::{MediaCache, MediaInfo, MediaProblem};

/// Calendar entries by id: the first file in path order with that id.
pub type Entries<'a> = FxHashMap<&'a str, &'a Entry>;

/// Veille notes by id: the first file in path order with that id.
pub type Notes<'a> = FxHashMap<&'a str, &'a Note>;

/// What the checks of one file may read besides the file itself.
pub struct Context<'a> {
    pub config: &'a Config,
    pub charter: Option<&'a charter::Charter>,
    pub media: &'a MediaCache,
    pub entries: &'a Entries<'a>,
    pub notes: &'a Notes<'a>,
    pub today: Date,
}

/// The checks of one record on its own (its fields, what it refers to, its variants on each
/// network, the charter), with the fixes that are certain in its text `source`. A file that
/// could not be read has no checks beyond its problems.
pub fn file(
    item: &Item,
    broken: bool,
    variants: Option<&Variants>,
    source: Option<&str>,
    ctx: &Context<'_>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if broken {
        return diags;
    }
    match item {
        Item::Post(post) => {
            let empty = Variants::new();
            let variants = variants.unwrap_or(&empty);
            references::post(post, ctx, &mut diags);
            veille::sources(post, ctx, &mut diags);
            if let Some(d) = &post.date {
                far_date(
                    d,
                    "date",
                    post.file(),
                    post.index(),
                    ctx.today,
                    ctx.config.language,
                    &mut diags,
                );
            }
            workflow::check(post, ctx, &mut diags);
            network::check(post, variants, ctx, &mut diags);
            if let Some(charter) = ctx.charter {
                diags.extend(charter.check(post, variants, ctx.config, ctx.entries));
            }
            match source {
                Some(text) => fixes::verify(&mut diags, text, ctx.config.language),
                None => diags.iter_mut().for_each(|d| d.fix = None),
            }
        }
        Item::Entry(e) => {
            entry(e, ctx.config, &mut diags);
            for (d, key) in [(&e.date, "date"), (&e.end, "end")] {
                if let Some(d) = d {
                    far_date(
                        d,
                        key,
                        &e.common.file,
                        &e.common.index,
                        ctx.today,
                        ctx.config.language,
                        &mut diags,
                    );
                }
            }
        }
        Item::Audit(a) => audit(a, ctx.config, &mut diags),
        Item::Veille(n) => {
            veille::note(n, ctx.config, &mut diags);
            if let Some(d) = &n.date {
                far_date(
                    d,
                    "date",
                    &n.common.file,
                    &n.common.index,
                    ctx.today,
                    ctx.config.language,
                    &mut diags,
                );
            }
        }
        Item::None => {}
    }
    diags
}

/// A date years away is most often a typo (`2062` for `2026`); the calendar shows its month
/// alone rather than every month up to it ([`crate::base::YEARS_COVERED`] is the span it fills).
fn far_date(
    d: &crate::load::content::When,
    key: &str,
    file: &str,
    index: &crate::load::yaml::PosIndex,
    today: Date,
    lang: Language,
    diags: &mut Vec<Diagnostic>,
) {
    let years = i32::from(crate::base::YEARS_COVERED);
    let day = d.date();
    let gap = i32::from(day.year()) - i32::from(today.year());
    let far = gap > years
        || gap < -years
        || (gap == years && (day.month(), day.day()) > (today.month(), today.day()))
        || (gap == -years && (day.month(), day.day()) < (today.month(), today.day()));
    if far {
        diags.push(
            Diagnostic::new(
                Code::FrontmatterDate,
                file,
                index.value_pos(key),
                t!(lang, "date-far", date = day.to_string(), years = years),
            )
            .with_severity(diagnostics::Severity::Warning)
            .with_help(t!(lang, "date-far-help")),
        );
    }
}

fn entry(e: &Entry, config: &Config, diags: &mut Vec<Diagnostic>) {
    results::kpis::check(e, config.language, diags);
    for (id, pos) in &e.networks {
        if config.networks.get(id).is_none() {
            diags.push(crate::load::networks::unknown_diagnostic(
                id,
                &e.common.file,
                *pos,
                &config.networks,
                config.language,
            ));
        }
    }
}

fn audit(a: &Audit, config: &Config, diags: &mut Vec<Diagnostic>) {
    for (i, acc) in a.accounts.iter().enumerate() {
        if config.networks.get(&acc.network).is_none() {
            let pos = a.common.index.value_pos(&format!("accounts[{i}].network"));
            diags.push(crate::load::networks::unknown_diagnostic(
                &acc.network,
                &a.common.file,
                pos,
                &config.networks,
                config.language,
            ));
        }
    }
}

/// One file of the project, as the checks across files see it.
pub struct FileRef<'a> {
    pub file: &'a str,
    pub kind: Kind,
    pub id: &'a str,
    pub post: Option<&'a Post>,
    pub ignores: &'a BTreeMap<usize, Vec<String>>,
    /// Its text (where the audit's findings look for dead links).
    pub source: Option<&'a str>,
    /// The problems found reading it, then those of [`file`].
    pub diagnostics: [&'a [Diagnostic]; 2],
}

/// Everything the checks across files read.
pub struct Project<'a> {
    pub config: &'a Config,
    pub charter: Option<&'a charter::Charter>,
    pub routes: &'a Routes,
    pub today: Date,
    /// In path order.
    pub files: Vec<FileRef<'a>>,
    /// Problems of trame.yaml, the charter, and finding the files.
    pub base: &'a [Diagnostic],
    /// The media files read, the logo among them.
    pub media: &'a media::MediaCache,
    /// The calendar entries, in path order.
    pub entries: Vec<&'a Entry>,
    /// The veille notes, in path order.
    pub notes: Vec<&'a Note>,
    /// The results files read (`metrics/`).
    pub metrics: &'a crate::load::metrics::Metrics,
    /// address → (status, when checked) of the dead links of the last `check --links`.
    pub dead_links: &'a BTreeMap<String, (u16, i64)>,
}

/// The checked project: what every command reports and the site shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checked {
    /// Every diagnostic, silenced, with `rules:` applied, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// file → its diagnostics (a range of `diagnostics`).
    by_file: FxHashMap<String, Range<usize>>,
    pub summary: Summary,
    pub findings: Findings,
    pub results: results::Results,
    /// Bursts of negative e-reputation notes (the veille page's banner).
    pub alerts: Vec<veille::Alert>,
}

impl Checked {
    /// The diagnostics of one file.
    pub fn of_file(&self, file: &str) -> &[Diagnostic] {
        self.by_file
            .get(file)
            .and_then(|r| self.diagnostics.get(r.clone()))
            .unwrap_or_default()
    }

    /// How many errors one file has.
    pub fn errors(&self, file: &str) -> usize {
        self.of_file(file)
            .iter()
            .filter(|d| d.severity == diagnostics::Severity::Error)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    /// The files that have diagnostics, in order.
    pub fn files(&self) -> impl Iterator<Item = (&str, &[Diagnostic])> {
        let mut ranges: Vec<(&String, &Range<usize>)> = self.by_file.iter().collect();
        ranges.sort_by_key(|(_, r)| r.start);
        ranges
            .into_iter()
            .map(|(f, r)| (f.as_str(), &self.diagnostics[r.clone()]))
    }
}

/// The checks across files, and the final list of diagnostics.
pub fn project(p: &Project<'_>) -> Checked {
    let posts: Vec<&Post> = p.files.iter().filter_map(|f| f.post).collect();
    let ((duplicates, cadence), (results, joins)) = rayon::join(
        || {
            rayon::join(
                || duplicates(p),
                || cadence::check(&posts, p.config, p.today),
            )
        },
        || {
            results::compute(&results::Input {
                config: p.config,
                posts: p
                    .files
                    .iter()
                    .filter_map(|f| f.post.map(|post| (f.file, post)))
                    .collect(),
                entries: p.entries.clone(),
                metrics: p.metrics,
            })
        },
    );
    let mut diags: Vec<Diagnostic> = p.base.to_vec();
    diags.extend(p.metrics.diagnostics.iter().cloned());
    diags.extend(joins);
    diags.extend(network::media::logo(p.config, p.media));
    let mut ignores: FxHashMap<&str, &BTreeMap<usize, Vec<String>>> = FxHashMap::default();
    for f in &p.files {
        for list in f.diagnostics {
            diags.extend(list.iter().cloned());
        }
        if !f.ignores.is_empty() {
            ignores.insert(f.file, f.ignores);
        }
    }
    diags.extend(duplicates);
    diags.extend(cadence);
    let (alerts, alert_diags) = veille::alerts(&p.notes, p.config);
    diags.extend(alert_diags);
    diags.retain(|d| {
        let Some(codes) = ignores.get(d.file.as_str()).and_then(|m| m.get(&d.line)) else {
            return true;
        };
        !codes.iter().any(|c| code_matches(c, d.code.as_str()))
    });
    let mut diags = diagnostics::apply_rules(diags, &p.config.rules);
    drafts_do_not_block(&mut diags, &p.files, p.config.language);
    diagnostics::sort(&mut diags);
    if let Some(c) = p.charter {
        c.suggest(&mut diags);
    }
    let mut by_file: FxHashMap<String, Range<usize>> = FxHashMap::default();
    let mut start = 0;
    for (i, d) in diags.iter().enumerate() {
        if diags.get(i + 1).is_none_or(|n| n.file != d.file) {
            by_file.insert(d.file.clone(), start..i + 1);
            start = i + 1;
        }
    }
    // trame.yaml counts as a file, as the files of content/ do.
    let summary = Summary::of(p.files.len() + 1 + p.metrics.sheets.len(), &diags);
    let mut findings = findings::compute(&posts, p.config, &diags);
    findings.dead_links = findings::dead_links(&p.files, p.dead_links);
    Checked {
        diagnostics: diags,
        by_file,
        summary,
        findings,
        results,
        alerts,
    }
}

/// On a post still at `idea` or `draft`, errors that only matter at publication are warnings
/// (`codes::AT_PUBLICATION`, and the charter's): shown, but a team's workspace never stops the
/// site from building. From `review` on, they are errors again.
fn drafts_do_not_block(diags: &mut [Diagnostic], files: &[FileRef<'_>], lang: Language) {
    use crate::load::content::Status;
    let drafts: rustc_hash::FxHashSet<&str> = files
        .iter()
        .filter(|f| f.post.is_some_and(|p| p.status < Status::Review))
        .map(|f| f.file)
        .collect();
    if drafts.is_empty() {
        return;
    }
    for d in diags.iter_mut() {
        let later = match d.code.known() {
            Some(c) => diagnostics::codes::AT_PUBLICATION.contains(&c),
            None => true,
        };
        if later && d.severity == diagnostics::Severity::Error && drafts.contains(d.file.as_str()) {
            d.severity = diagnostics::Severity::Warning;
            let note = t!(lang, "error-at-review");
            d.help = Some(match d.help.take() {
                Some(h) => format!("{h} ({note})"),
                None => note,
            });
        }
    }
}

/// Two files of one kind with the same id (ids come from file names): the first keeps the id's
/// page, the others are told where theirs is.
fn duplicates(p: &Project<'_>) -> Vec<Diagnostic> {
    let mut ids: Vec<(Kind, &str, &str)> = p.files.iter().map(|f| (f.kind, f.id, f.file)).collect();
    // Files come in path order; a stable sort keeps the first file first in each group.
    ids.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut diags = Vec::new();
    let lang = p.config.language;
    for same in ids.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let Some(((kind, id, first), rest)) = same.split_first() else {
            continue;
        };
        for (_, _, f) in rest {
            let page = match kind {
                Kind::Post => p.routes.post(f),
                Kind::Entry => p.routes.campaign(f),
                Kind::Audit => p.routes.audit(f),
                Kind::Veille => None,
            };
            let message = match page {
                Some(page) => t!(
                    lang,
                    "duplicate-id-page",
                    id = *id,
                    first = *first,
                    page = page.as_str().trim_end_matches("index.html")
                ),
                None => t!(lang, "duplicate-id", id = *id, first = *first),
            };
            diags.push(
                Diagnostic::new(Code::FrontmatterDuplicateId, f, Pos::START, message)
                    .with_help(t!(lang, "duplicate-id-help")),
            );
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_are_found_by_file() {
        let d = |file: &str, line| {
            Diagnostic::new(Code::NetworkLength, file, Pos::new(line, 1), "too long")
        };
        let config = Config::defaults(std::path::Path::new("/p"));
        let routes = Routes::default();
        let empty = BTreeMap::new();
        let a = [d("b.md", 2), d("a.md", 1)];
        let checked = project(&Project {
            config: &config,
            charter: None,
            routes: &routes,
            today: Date::constant(2026, 11, 24),
            files: vec![FileRef {
                file: "a.md",
                kind: Kind::Post,
                id: "a",
                post: None,
                ignores: &empty,
                source: None,
                diagnostics: [&a, &[]],
            }],
            base: &[],
            media: &media::MediaCache::new(),
            entries: Vec::new(),
            notes: Vec::new(),
            metrics: &Default::default(),
            dead_links: &BTreeMap::new(),
        });
        assert_eq!(checked.of_file("a.md").len(), 1);
        assert_eq!(checked.of_file("b.md")[0].line, 2);
        assert!(checked.of_file("c.md").is_empty());
        assert_eq!(checked.errors("b.md"), 1);
        assert_eq!(checked.summary.errors, 2);
        let files: Vec<&str> = checked.files().map(|(f, _)| f).collect();
        assert_eq!(files, ["a.md", "b.md"]);
    }
}
