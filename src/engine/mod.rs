//! The engine: the one pipeline every command goes through.
//!
//! [`build`] runs load → adapt → validate → render over a project and gives a [`Plan`]: the
//! store of records (one per content file: what was read, its variants, its own problems), the
//! routes, the checked result, and — when asked to render — every output file keyed by its
//! path. [`Plan::apply`] takes file changes (watch mode) and brings the plan to what `build`
//! would give for the project as it is now, re-reading and re-rendering only what the changes
//! reach. Writing is the caller's: the writer takes the files, or the [`Delta`] of a change.
//! `tests/engine.rs` checks that `apply` after any sequence of edits equals a fresh `build`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::adapt::{self, Variants};
use crate::base::paths::{path_order, rel_path};
use crate::diagnostics::{Code, Diagnostic, Pos, SourceLookup};
use crate::load::config::{self, Config, ConfigError};
use crate::load::content::{EntryKind, Kind};
use crate::load::metrics::{self, Metrics};
use crate::load::store::{self, Loaded};
use crate::render::{self, Layout, OutFile, Page, PostFacts, Site, ThemeError};
use crate::routes::{Paged, Routes};
use crate::validate::charter::{self, Charter};
use crate::validate::{self, Checked, Entries, MediaCache};

/// How the engine runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The date taken as today (`--today`); default: the system date in the project's zone.
    pub today: Option<Date>,
    /// Render the site too (`check` only validates).
    pub render: bool,
}

/// Why the engine could not give a plan (exit code 2): a broken trame.yaml or charter, or a
/// broken theme template.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Theme(#[from] ThemeError),
}

/// One content file: what was read, its variants (posts), and the problems of its own checks.
#[derive(Debug, Clone)]
pub struct Record {
    pub loaded: Loaded,
    pub variants: Variants,
    /// The checks of this file on its own (`validate::file`).
    pub own: Vec<Diagnostic>,
}

impl Record {
    fn new(loaded: Loaded, config: &Config) -> Record {
        let variants = match (&loaded.post(), loaded.broken) {
            (Some(p), false) => adapt::build(p, config),
            _ => Variants::new(),
        };
        Record {
            loaded,
            variants,
            own: Vec::new(),
        }
    }

    pub fn file(&self) -> &str {
        &self.loaded.file
    }
}

/// A generated file and the page it belongs to.
#[derive(Debug, Clone)]
pub struct Output {
    pub page: Page,
    pub file: OutFile,
}

/// What a change did to the output files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delta {
    /// Paths whose bytes are new (or that are new), sorted.
    pub changed: Vec<String>,
    /// Paths no longer generated, sorted.
    pub removed: Vec<String>,
    /// Everything was read and rendered again.
    pub full: bool,
    /// Files rendered again (changed or not).
    pub rendered: usize,
    /// How long each step took, from the start (`--verbose`).
    pub stages: Vec<(&'static str, std::time::Duration)>,
}

/// The changes `apply` takes: files that changed (present: modified or new; missing: deleted),
/// or a reason to start again from the disk.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub paths: BTreeSet<PathBuf>,
    pub everything: Option<String>,
}

/// The project as the engine holds it: loaded, adapted, checked and (maybe) rendered.
pub struct Plan {
    root: PathBuf,
    options: Options,
    pub config: Config,
    pub charter: Option<Charter>,
    pub today: Date,
    /// In path order (the order a sorted walk finds files in).
    records: Vec<Record>,
    /// Problems of trame.yaml, the charter and finding files.
    base: Vec<Diagnostic>,
    /// The results files (`metrics/`), read at each build (a change to one rebuilds).
    metrics: Metrics,
    /// The dead links of the last `check --links` (`.trame/links.json`), for the audit report;
    /// read at each build, never asked over the network.
    dead_links: BTreeMap<String, (u16, i64)>,
    /// The commits that touched each post file (when rendering, in a git repository): read at
    /// each full build, kept across watch saves (a save is not a commit).
    history: Option<BTreeMap<String, Vec<crate::load::git::Commit>>>,
    pub routes: Routes,
    pub media: MediaCache,
    pub checked: Checked,
    site: Option<Site>,
    layout: Option<Layout>,
    /// Every output file, by path (empty unless rendering).
    files: BTreeMap<String, Output>,
    /// The paths of each page.
    pages: BTreeMap<Page, Vec<String>>,
    /// Two outputs that wanted one path (a bug of trame's routes), reported as diagnostics.
    conflicts: Vec<Diagnostic>,
    /// A render failed half-way: the next change starts again from the disk.
    stale: bool,
}

static NO_HISTORY: BTreeMap<String, Vec<crate::load::git::Commit>> = BTreeMap::new();

/// The most commits a post page lists (the newest).
const HISTORY_PER_POST: usize = 20;

/// The date today in the project's time zone.
pub fn today_in(config: &Config) -> Date {
    jiff::Timestamp::now()
        .to_zoned_datetime(config.timezone.clone())
        .date()
}

/// Loads, adapts, validates and (with `options.render`) renders the project at `root`.
pub fn build(root: &Path, options: &Options) -> Result<Plan, EngineError> {
    let (config, mut base) = config::load(root)?;
    let (charter, warnings) = charter::load(&config)?;
    base.extend(warnings);
    let (found, problems) = store::discover(root, config.language);
    base.extend(problems);
    let (records, metrics) = rayon::join(
        || {
            found
                .par_iter()
                .map(|(path, kind)| Record::new(store::read(root, path, *kind, &config), &config))
                .collect::<Vec<Record>>()
        },
        || metrics::read_all(&config),
    );
    let today = options.today.unwrap_or_else(|| today_in(&config));
    base.extend(charter_rules_in_config(&config, charter.as_ref()));
    let mut plan = Plan {
        root: root.to_path_buf(),
        options: options.clone(),
        config,
        charter,
        today,
        records,
        base,
        metrics,
        dead_links: dead_links(root),
        history: None,
        routes: Routes::default(),
        media: MediaCache::new(),
        checked: Checked::default(),
        site: None,
        layout: None,
        files: BTreeMap::new(),
        pages: BTreeMap::new(),
        conflicts: Vec::new(),
        stale: false,
    };
    plan.routes = plan.make_routes();
    // The logo is read like the posts' media: inside the project, a real image.
    let logo = plan.config.organisation.logo.as_deref();
    plan.media = validate::media::probe_all(&plan.config.root, plan.media_paths(None).chain(logo));
    let all: Vec<usize> = (0..plan.records.len()).collect();
    plan.check_own(&all);
    plan.checked = plan.validate();
    if options.render {
        plan.render()?;
    }
    Ok(plan)
}

/// `rules:` entries naming a charter rule the charter does not have.
fn charter_rules_in_config(config: &Config, charter: Option<&Charter>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for key in config.rules.keys() {
        let Some(id) = key.strip_prefix("charter/") else {
            continue;
        };
        if id == "*" || charter.is_some_and(|c| c.rules.iter().any(|r| r.id == id)) {
            continue;
        }
        let ids: Vec<&str> = charter
            .map(|c| c.rules.iter().map(|r| r.id.as_str()).collect())
            .unwrap_or_default();
        let lang = config.language;
        let help = crate::diagnostics::did_you_mean(id, ids.iter().copied())
            .map(|s| crate::base::l10n::t!(lang, "did-you-mean", name = format!("charter/{s}")))
            .unwrap_or_else(|| crate::base::l10n::t!(lang, "config-rules-charter-help"));
        out.push(
            Diagnostic::new(
                Code::ConfigUnknownKey,
                config::CONFIG_FILE,
                config.index.pos(&crate::load::yaml::join("rules", key)),
                crate::base::l10n::t!(lang, "config-rules-charter", key = key.as_str(), id = id),
            )
            .with_help(help),
        );
    }
    out
}

impl Plan {
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Renders the whole site (once: a plan that has its files keeps them).
    pub fn render(&mut self) -> Result<(), EngineError> {
        if self.site.is_some() {
            return Ok(());
        }
        self.options.render = true;
        self.site = Some(Site::new(&self.config)?);
        if self.history.is_none() {
            // Only the site shows it: `check` never runs git.
            let posts = self.post_files();
            self.history = Some(
                crate::load::git::history(&self.root, &posts, HISTORY_PER_POST).unwrap_or_default(),
            );
        }
        let input = self.input();
        let layout = Layout::of(&input);
        let pages = render::plan(&input, &layout);
        let rendered = self.render_pages(&input, &layout, &pages)?;
        drop(input);
        self.layout = Some(layout);
        self.place(rendered);
        Ok(())
    }

    /// Every diagnostic: the checked ones, and the engine's own reports.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.checked.diagnostics.iter().chain(&self.conflicts)
    }

    pub fn has_errors(&self) -> bool {
        self.checked.has_errors() || !self.conflicts.is_empty()
    }

    /// Errors that keep `trame build` from writing without `--force`: every one but those of
    /// results files (a bad export never keeps the calendar from being published; `check`
    /// still fails on it).
    pub fn blocks_build(&self) -> bool {
        !self.conflicts.is_empty()
            || self.checked.diagnostics.iter().any(|d| {
                d.severity == crate::diagnostics::Severity::Error
                    && !d.code.as_str().starts_with("metrics/")
            })
    }

    /// How many files were checked (trame.yaml, every content file and results file).
    /// Every content file's path and text (posts, entries, audits, veille notes), in path order.
    pub fn content_sources(&self) -> impl Iterator<Item = (&str, &str)> {
        self.records
            .iter()
            .filter_map(|r| Some((r.file(), r.loaded.source.as_deref()?)))
    }

    /// Whether a `<!-- trame-ignore code -->` comment on the line before silences `d`.
    pub fn ignored(&self, d: &Diagnostic) -> bool {
        self.record(&d.file)
            .and_then(|r| r.loaded.ignores.get(&d.line))
            .is_some_and(|codes| {
                codes
                    .iter()
                    .any(|c| crate::diagnostics::code_matches(c, d.code.as_str()))
            })
    }

    pub fn files_checked(&self) -> usize {
        self.records.len() + 1 + self.metrics.sheets.len()
    }

    /// The post files, project-relative.
    pub fn post_files(&self) -> BTreeSet<String> {
        self.records
            .iter()
            .filter(|r| r.loaded.kind == Kind::Post)
            .map(|r| r.file().to_string())
            .collect()
    }

    /// The files whose report a change to `changed` can alter: the changed files themselves, and
    /// the posts that use one of them (a media file, their campaign, a veille note they cite).
    pub fn reached_by(&self, changed: &BTreeSet<String>) -> BTreeSet<String> {
        let mut campaigns = BTreeSet::new();
        let mut notes = BTreeSet::new();
        for r in self.records.iter().filter(|r| changed.contains(r.file())) {
            if let Some(e) = r.loaded.entry() {
                campaigns.insert(e.id().to_string());
            }
            if let Some(n) = r.loaded.note() {
                notes.insert(n.id().to_string());
            }
        }
        let mut out = changed.clone();
        for (post, _) in self.posts() {
            let uses_media = post
                .all_media()
                .flat_map(|m| m.files().chain(m.normal.as_deref()))
                .any(|f| changed.contains(f.trim_start_matches("./")));
            let in_campaign = post
                .campaign
                .as_ref()
                .is_some_and(|(c, _)| campaigns.contains(c));
            let cites = post.sources.iter().any(|(n, _)| notes.contains(n));
            if uses_media || in_campaign || cites {
                out.insert(post.file().to_string());
            }
        }
        out
    }

    /// Every post that could be read, with its variants, in path order.
    pub fn posts(&self) -> impl Iterator<Item = (&crate::load::content::post::Post, &Variants)> {
        self.records
            .iter()
            .filter(|r| !r.loaded.broken)
            .filter_map(|r| Some((r.loaded.post()?, &r.variants)))
    }

    /// Every output file, by path.
    pub fn files(&self) -> impl Iterator<Item = &OutFile> {
        self.files.values().map(|o| &o.file)
    }

    pub fn file(&self, path: &str) -> Option<&OutFile> {
        self.files.get(path).map(|o| &o.file)
    }

    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    /// Where the record of `file` is (records stay in path order: a binary search).
    fn index_of(&self, file: &str) -> Result<usize, usize> {
        self.records
            .binary_search_by(|r| path_order(r.file(), file))
    }

    pub fn record(&self, file: &str) -> Option<&Record> {
        self.index_of(file).ok().map(|i| &self.records[i])
    }

    fn make_routes(&self) -> Routes {
        Routes::new(self.records.iter().filter_map(|r| {
            let has_page = match &r.loaded.item {
                store::Item::Post(_) => true,
                store::Item::Entry(e) => e.kind == EntryKind::Campaign,
                store::Item::Audit(_) => true,
                // Notes are shown on the veille page, each at its anchor.
                store::Item::Veille(_) | store::Item::None => false,
            };
            has_page.then_some(Paged {
                kind: r.loaded.kind,
                file: r.file(),
                id: &r.loaded.id,
            })
        }))
    }

    /// The media paths of the posts (of `only` these records, when given).
    fn media_paths<'a>(&'a self, only: Option<&'a [usize]>) -> impl Iterator<Item = &'a str> {
        let records: Box<dyn Iterator<Item = &Record>> = match only {
            Some(ix) => Box::new(ix.iter().filter_map(|i| self.records.get(*i))),
            None => Box::new(self.records.iter()),
        };
        records
            .filter_map(|r| r.loaded.post())
            .flat_map(|p| p.all_media())
            .flat_map(|m| m.files())
    }

    fn entries(&self) -> Entries<'_> {
        let mut entries = Entries::default();
        for r in &self.records {
            if let Some(e) = r.loaded.entry() {
                entries.entry(e.id()).or_insert(e);
            }
        }
        entries
    }

    /// Veille notes by id: the first file in path order with that id.
    fn notes(&self) -> validate::Notes<'_> {
        let mut notes = validate::Notes::default();
        for r in &self.records {
            if let Some(n) = r.loaded.note() {
                notes.entry(n.id()).or_insert(n);
            }
        }
        notes
    }

    /// Runs the checks of each of these records on its own, in parallel.
    fn check_own(&mut self, which: &[usize]) {
        let entries = self.entries();
        let notes = self.notes();
        let ctx = validate::Context {
            config: &self.config,
            charter: self.charter.as_ref(),
            media: &self.media,
            entries: &entries,
            notes: &notes,
            today: self.today,
        };
        let records = &self.records;
        let results: Vec<(usize, Vec<Diagnostic>)> = which
            .par_iter()
            .map(|i| {
                let r = &records[*i];
                let own = validate::file(
                    &r.loaded.item,
                    r.loaded.broken,
                    Some(&r.variants),
                    r.loaded.source.as_deref(),
                    &ctx,
                );
                (*i, own)
            })
            .collect();
        drop((entries, notes));
        for (i, own) in results {
            self.records[i].own = own;
        }
    }

    /// The checks across files, over what the records hold now.
    fn validate(&self) -> Checked {
        let files = self
            .records
            .iter()
            .map(|r| validate::FileRef {
                file: r.file(),
                kind: r.loaded.kind,
                id: &r.loaded.id,
                post: r.loaded.post(),
                ignores: &r.loaded.ignores,
                source: r.loaded.source.as_deref(),
                diagnostics: [&r.loaded.diagnostics, &r.own],
            })
            .collect();
        validate::project(&validate::Project {
            config: &self.config,
            charter: self.charter.as_ref(),
            routes: &self.routes,
            today: self.today,
            files,
            base: &self.base,
            media: &self.media,
            entries: self
                .records
                .iter()
                .filter_map(|r| r.loaded.entry())
                .collect(),
            notes: self
                .records
                .iter()
                .filter_map(|r| r.loaded.note())
                .collect(),
            metrics: &self.metrics,
            dead_links: &self.dead_links,
        })
    }

    /// What the renderer reads.
    fn input(&self) -> render::Input<'_> {
        let mut posts = Vec::new();
        let mut entries = Vec::new();
        let mut audits = Vec::new();
        let mut notes = Vec::new();
        for r in &self.records {
            match &r.loaded.item {
                store::Item::Post(p) => posts.push(render::PostRef {
                    file: r.file(),
                    post: p,
                    variants: &r.variants,
                    broken: r.loaded.broken,
                }),
                store::Item::Entry(e) => entries.push(&**e),
                store::Item::Audit(a) => audits.push(&**a),
                store::Item::Veille(n) => notes.push(&**n),
                store::Item::None => {}
            }
        }
        render::Input {
            config: &self.config,
            today: self.today,
            posts,
            entries,
            audits,
            notes,
            checked: &self.checked,
            routes: &self.routes,
            media: &self.media,
            history: self.history.as_ref().unwrap_or(&NO_HISTORY),
        }
    }

    fn render_pages(
        &self,
        input: &render::Input<'_>,
        layout: &Layout,
        pages: &[Page],
    ) -> Result<Vec<(Page, Vec<OutFile>)>, ThemeError> {
        match &self.site {
            Some(site) => site.render(input, layout, pages),
            None => Ok(Vec::new()),
        }
    }

    /// Puts rendered pages into the files map; returns the paths whose bytes changed and the
    /// paths no page writes any more. A path two pages want is kept for the first and reported.
    fn place(&mut self, rendered: Vec<(Page, Vec<OutFile>)>) -> (Vec<String>, Vec<String>) {
        let mut changed = Vec::new();
        let mut dropped: BTreeSet<String> = BTreeSet::new();
        // Paths of the re-rendered pages are released first, then taken again.
        for (page, _) in &rendered {
            for p in self.pages.remove(page).unwrap_or_default() {
                dropped.insert(p);
            }
        }
        let mut released: BTreeMap<String, Output> = BTreeMap::new();
        for p in &dropped {
            if let Some(o) = self.files.remove(p) {
                released.insert(p.clone(), o);
            }
        }
        for (page, files) in rendered {
            let mut paths = Vec::with_capacity(files.len());
            for f in files {
                if let Some(other) = self.files.get(&f.path) {
                    self.conflicts.push(conflict(
                        &f.path,
                        &other.page,
                        &page,
                        self.config.language,
                    ));
                    continue;
                }
                let same = released
                    .get(&f.path)
                    .is_some_and(|old| old.file.body.same_as(&f.body));
                if !same {
                    changed.push(f.path.clone());
                }
                dropped.remove(&f.path);
                paths.push(f.path.clone());
                self.files.insert(
                    f.path.clone(),
                    Output {
                        page: page.clone(),
                        file: f,
                    },
                );
            }
            if !paths.is_empty() {
                self.pages.insert(page, paths);
            }
        }
        changed.sort();
        (changed, dropped.into_iter().collect())
    }

    /// Brings the plan to what [`build`] gives for the project as it is on disk after
    /// `changes`. A change to posts re-reads those posts and re-renders the pages that show
    /// them (or show anything the change moved: a problem of another file, a page's path);
    /// anything else starts again from the disk. On error the plan is left as it was (or, if
    /// rendering failed half-way, marked so that the next change rebuilds it whole).
    pub fn apply(&mut self, changes: &Changes) -> Result<Delta, EngineError> {
        let today_moved = self.options.today.is_none() && today_in(&self.config) != self.today;
        let only_posts = changes.paths.iter().all(|p| {
            store::kind_of(&rel_path(&self.root, p)) == Some(Kind::Post)
                && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("md"))
        });
        if changes.everything.is_some() || today_moved || self.stale || !only_posts {
            let new = build(&self.root, &self.options)?;
            let delta = diff(&self.files, &new.files);
            *self = new;
            return Ok(delta);
        }
        if changes.paths.is_empty() {
            return Ok(Delta::default());
        }
        match self.update_posts(&changes.paths) {
            Ok(delta) => Ok(delta),
            Err(e) => {
                self.stale = true;
                Err(e)
            }
        }
    }

    fn update_posts(&mut self, paths: &BTreeSet<PathBuf>) -> Result<Delta, EngineError> {
        let t = std::time::Instant::now();
        let mut stages = Vec::new();
        let old_checked = std::mem::take(&mut self.checked);
        let old_routes = std::mem::take(&mut self.routes);
        let mut facts: Vec<PostFacts> = Vec::new();
        let mut touched: BTreeSet<String> = BTreeSet::new();
        // Read the new versions (in parallel), then swap them in.
        let read: Vec<(String, Option<Record>)> = paths
            .par_iter()
            .map(|path| {
                let file = rel_path(&self.root, path);
                let present = std::fs::symlink_metadata(path).is_ok_and(|m| !m.is_dir());
                let record = present.then(|| {
                    Record::new(
                        store::read(&self.root, path, Kind::Post, &self.config),
                        &self.config,
                    )
                });
                (file, record)
            })
            .collect();
        // Whether a file appeared or went: only then can pages' paths move.
        let mut files_changed = false;
        for (file, record) in read {
            if let Some(p) = record.as_ref().and_then(|r| r.loaded.post()) {
                facts.push(PostFacts::of(&file, p));
            }
            let old = match (self.index_of(&file), record) {
                (Ok(i), Some(r)) => Some(std::mem::replace(&mut self.records[i], r)),
                (Ok(i), None) => {
                    files_changed = true;
                    Some(self.records.remove(i))
                }
                (Err(at), Some(r)) => {
                    files_changed = true;
                    self.records.insert(at, r);
                    None
                }
                (Err(_), None) => None,
            };
            if let Some(p) = old.as_ref().and_then(|o| o.loaded.post()) {
                facts.push(PostFacts::of(&file, p));
            }
            touched.insert(file);
        }
        stages.push(("read", t.elapsed()));
        self.routes = if files_changed {
            self.make_routes()
        } else {
            old_routes.clone()
        };
        // (Paths move only when files appear or go; `old_routes` is read only then.)
        stages.push(("routes", t.elapsed()));
        let fresh: Vec<usize> = touched
            .iter()
            .filter_map(|f| self.index_of(f).ok())
            .collect();
        let new_media: Vec<String> = self
            .media_paths(Some(&fresh))
            .filter(|m| !self.media.contains_key(*m))
            .map(str::to_string)
            .collect();
        let probed =
            validate::media::probe_all(&self.config.root, new_media.iter().map(String::as_str));
        self.media.extend(probed);
        self.check_own(&fresh);
        stages.push(("check", t.elapsed()));
        self.checked = self.validate();
        stages.push(("validate", t.elapsed()));

        // Posts shown differently although their file did not change: their problems or their
        // page's path changed (a duplicate id appeared or went away, a spelling suggestion), or
        // their results (a row that matched them matches another post now).
        let results_changed = old_checked.results != self.checked.results;
        for r in &self.records {
            let f = r.file();
            if touched.contains(f) {
                continue;
            }
            let moved = files_changed && old_routes.segment(f) != self.routes.segment(f);
            let results_moved = results_changed
                && !old_checked
                    .results
                    .of_file(f)
                    .eq(self.checked.results.of_file(f));
            if moved || results_moved || old_checked.of_file(f) != self.checked.of_file(f) {
                if let Some(p) = r.loaded.post() {
                    facts.push(PostFacts::of(f, p));
                }
                touched.insert(f.to_string());
            }
        }
        let Some(before) = self.layout.clone() else {
            return Ok(Delta::default());
        };
        let input = self.input();
        let after = Layout::of(&input);
        let diagnostics_changed = old_checked.diagnostics != self.checked.diagnostics
            || old_checked.findings != self.checked.findings;
        let mut pages = render::affected(&input, &before, &after, &facts, diagnostics_changed);
        // The results pages link to the posts' pages, which move when files come or go.
        if results_changed || (files_changed && !self.checked.results.is_empty()) {
            pages.extend(render::results_affected(
                &input,
                &old_checked.results,
                files_changed,
            ));
        }
        let pages: Vec<Page> = pages.into_iter().collect();
        if let Some(site) = &self.site {
            for f in &touched {
                site.forget(f);
            }
        }
        stages.push(("pages", t.elapsed()));
        let rendered = self.render_pages(&input, &after, &pages)?;
        drop(input);
        stages.push(("render", t.elapsed()));
        self.layout = Some(after);
        let rendered_count = rendered.iter().map(|(_, f)| f.len()).sum();
        let (changed, removed) = self.place(rendered);
        stages.push(("compare", t.elapsed()));
        Ok(Delta {
            changed,
            removed,
            full: false,
            rendered: rendered_count,
            stages,
        })
    }
}

/// address → (status, when checked) of the links the last `check --links` found dead.
fn dead_links(root: &Path) -> BTreeMap<String, (u16, i64)> {
    crate::load::outside::read_link_cache(root)
        .links
        .into_iter()
        .filter_map(|(url, c)| match c.outcome {
            crate::load::outside::Outcome::Dead { status } => Some((url, (status, c.checked))),
            _ => None,
        })
        .collect()
}

/// The output files that differ between two plans.
fn diff(old: &BTreeMap<String, Output>, new: &BTreeMap<String, Output>) -> Delta {
    let changed = new
        .iter()
        .filter(|(p, o)| {
            old.get(*p)
                .is_none_or(|x| !x.file.body.same_as(&o.file.body))
        })
        .map(|(p, _)| p.clone())
        .collect();
    let removed = old
        .keys()
        .filter(|p| !new.contains_key(*p))
        .cloned()
        .collect();
    Delta {
        changed,
        removed,
        full: true,
        rendered: new.len(),
        stages: Vec::new(),
    }
}

fn conflict(path: &str, first: &Page, second: &Page, lang: config::Language) -> Diagnostic {
    Diagnostic::new(
        Code::OutputConflict,
        config::CONFIG_FILE,
        Pos::START,
        crate::base::l10n::t!(
            lang,
            "output-conflict",
            path = path,
            first = format!("{first:?}"),
            second = format!("{second:?}")
        ),
    )
    .with_help(crate::base::l10n::t!(lang, "output-conflict-help"))
}

/// trame.yaml, the charter and every content file, for printing source lines.
impl SourceLookup for Plan {
    fn source(&self, file: &str) -> Option<&str> {
        if file == config::CONFIG_FILE {
            return Some(&self.config.source);
        }
        if let Some(c) = self.charter.as_ref().filter(|c| c.file == file) {
            return Some(&c.source);
        }
        if let Some(r) = self.record(file) {
            return r.loaded.source.as_deref();
        }
        self.metrics
            .sheets
            .iter()
            .find(|s| s.file == file)
            .and_then(|s| s.source.as_deref())
    }
}
