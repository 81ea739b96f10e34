//! `trame watch` (and the rebuild loop of `trame serve`): file events → the paths they touch →
//! a rebuild of what those paths change, written to the output folder like `trame build` does.
//!
//! Folders are watched, not files (editors replace files by renaming). After the quiet period
//! the disk is read again: a path that exists changed, a missing one is gone. A change to one
//! post re-reads that post and re-renders the pages that show it; trame.yaml, the charter, the
//! theme, calendar entries, audits and media rebuild everything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::{self, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, NoCache, RecommendedCache};

use crate::base::paths::{is_temp_name, rel_path};
use crate::diagnostics::{Diagnostic, Severity};
use crate::engine::{self, EngineError, Plan};
use crate::load::config::ConfigError;
use crate::load::content::Kind;
use crate::render::OutFile;
use crate::write::manifest::Manifest;
use crate::write::{self, OutputError, WriteReport};

/// The quiet period after the last event before rebuilding. Editors finish a save in a few
/// milliseconds (vim's rename-and-write, JetBrains' temp file and rename); a `git checkout`
/// that lands later than this is picked up by a second rebuild. Short, so writers don't wait.
pub const DEFAULT_DEBOUNCE_MS: u64 = 100;

/// Top-level folders whose changes matter; everything else at the root is ignored except the
/// configuration files.
const WATCHED_FOLDERS: [&str; 4] = ["content", "themes", "media", "metrics"];

#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("cannot start watching files: {0}\nhelp: try `--poll`, which scans the disk instead")]
    Start(notify::Error),
    #[error(
        "cannot watch {path}: {source}\nhelp: check the folder's permissions; on Linux, raise fs.inotify.max_user_watches, or use --poll"
    )]
    Watch {
        path: PathBuf,
        source: notify::Error,
    },
}

/// What a batch of file events asks for.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Post files to read again (present) or drop (missing).
    pub posts: BTreeSet<PathBuf>,
    /// Why everything must be rebuilt, if it must.
    pub full: Option<String>,
    /// Project-relative paths that changed, for the terminal.
    pub shown: BTreeSet<String>,
    /// The output folder itself was touched (deleted?): check its files are all there.
    pub verify: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.posts.is_empty() && self.full.is_none() && !self.verify
    }

    pub fn merge(&mut self, other: Changes) {
        self.posts.extend(other.posts);
        self.shown.extend(other.shown);
        self.verify |= other.verify;
        if self.full.is_none() {
            self.full = other.full;
        }
    }

    /// Whether the changes call for a rebuild (not only a look at the output folder).
    pub fn matters(&self) -> bool {
        !self.posts.is_empty() || self.full.is_some()
    }

    fn rebuild_all(&mut self, why: String) {
        if self.full.is_none() {
            self.full = Some(why);
        }
    }
}

/// Sorts changed paths into what they ask for. `known_posts` gives the post files the project
/// has now (project-relative), so that a folder renamed or removed drops the posts it held; it
/// is asked only when a folder changed (10,000 paths to list are not free on every save).
pub fn classify(
    root: &Path,
    out_dir: &Path,
    paths: impl IntoIterator<Item = PathBuf>,
    known_posts: impl FnOnce() -> BTreeSet<String>,
) -> Changes {
    let known_posts = std::cell::LazyCell::new(known_posts);
    let mut changes = Changes::default();
    for path in paths {
        if path == out_dir {
            // The output folder itself (watched through its parent): removed, or replaced.
            changes.verify = true;
            continue;
        }
        if path.starts_with(out_dir) {
            continue;
        }
        let Ok(rel) = path.strip_prefix(root) else {
            continue;
        };
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.is_empty() || parts.iter().any(|p| is_temp_name(p)) {
            continue;
        }
        let rel_str = parts.join("/");
        let posts_folder = Kind::Post.folder();
        if rel_str == posts_folder || rel_str.starts_with(&format!("{posts_folder}/")) {
            if is_markdown(&path) && !path.is_dir() {
                changes.posts.insert(path.clone());
                changes.shown.insert(rel_str);
            } else if path.is_dir() {
                let before = changes.posts.len();
                // A folder created or renamed into place: the posts under it that trame does
                // not know yet (a folder's own change, as pollers report, reads nothing again).
                for entry in walkdir::WalkDir::new(&path)
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0 || !is_temp_name(&e.file_name().to_string_lossy())
                    })
                    .flatten()
                {
                    let known = known_posts.contains(&rel_path(root, entry.path()));
                    if entry.file_type().is_file() && is_markdown(entry.path()) && !known {
                        changes.posts.insert(entry.into_path());
                    }
                }
                if changes.posts.len() > before {
                    changes.shown.insert(format!("{rel_str}/"));
                }
            } else {
                // A folder removed or renamed away: the posts it held.
                let prefix = format!("{rel_str}/");
                for f in known_posts.iter().filter(|f| f.starts_with(&prefix)) {
                    changes.posts.insert(root.join(f));
                }
                changes.shown.insert(rel_str);
            }
            continue;
        }
        let top = parts[0].as_str();
        let relevant = match parts.len() {
            1 => {
                // trame.yaml, the charter and its word lists live at the root.
                let ext = Path::new(top)
                    .extension()
                    .map(|e| e.to_string_lossy().to_lowercase());
                WATCHED_FOLDERS.contains(&top)
                    || matches!(ext.as_deref(), Some("yaml" | "yml" | "txt" | "dic" | "aff"))
            }
            _ => WATCHED_FOLDERS.contains(&top),
        };
        if relevant {
            changes.rebuild_all(format!("{rel_str} changed"));
            changes.shown.insert(rel_str);
        }
    }
    changes
}

fn is_markdown(p: &Path) -> bool {
    p.extension().is_some_and(|x| x.eq_ignore_ascii_case("md"))
}

/// A problem shown in the browser's overlay.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Problem {
    fn of(d: &Diagnostic) -> Problem {
        Problem {
            file: d.file.clone(),
            line: d.line,
            column: d.column,
            message: d.message.clone(),
        }
    }
}

/// What one rebuild did.
#[derive(Debug)]
pub enum Outcome {
    /// The output is up to date with the project (it may have content errors: they are shown
    /// in the site).
    Built {
        full: bool,
        report: WriteReport,
        rendered: usize,
        elapsed: Duration,
        /// Time per stage, for `--verbose`.
        stages: Vec<(&'static str, Duration)>,
    },
    /// Nothing was written: the last good site stays. `message` says why, for the terminal.
    Failed {
        message: String,
        problems: Vec<Problem>,
    },
    /// A newer change arrived before the output was written: it will be in the next rebuild.
    Overtaken,
}

/// Why a rebuild could not write anything.
#[derive(Debug, thiserror::Error)]
pub enum RebuildError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// A write is under way: a second Ctrl-C waits for it, so that the output is never a mix.
static WRITING: AtomicBool = AtomicBool::new(false);
/// Ctrl-C was pressed twice during a write: stop as soon as it is done.
static EXIT_AFTER_WRITE: AtomicBool = AtomicBool::new(false);

/// Runs `f` as a write that a second Ctrl-C does not interrupt.
fn writing<T>(f: impl FnOnce() -> T) -> T {
    WRITING.store(true, Ordering::SeqCst);
    let out = f();
    WRITING.store(false, Ordering::SeqCst);
    if EXIT_AFTER_WRITE.load(Ordering::SeqCst) {
        std::process::exit(130);
    }
    out
}

/// Ctrl-C: the first stops after the rebuild under way; a second stops at once, unless files
/// are being written (then right after).
pub fn interrupt(first: &AtomicBool) -> bool {
    if !first.swap(true, Ordering::SeqCst) {
        return true;
    }
    if WRITING.load(Ordering::SeqCst) {
        EXIT_AFTER_WRITE.store(true, Ordering::SeqCst);
    } else {
        std::process::exit(130);
    }
    false
}

/// A watch session: the engine's plan between rebuilds, and what is on disk.
pub struct Session {
    root: PathBuf,
    out_dir: PathBuf,
    options: engine::Options,
    plan: Option<Plan>,
    /// trame's manifest of the output folder, as the session last wrote it.
    manifest: Manifest,
    /// Nothing was written yet: the first write builds the whole site in one step.
    first_write: bool,
    /// Paths whose file on disk may not be what the plan holds (rendered by a rebuild that a
    /// newer change overtook, or deleted by hand).
    unwritten: BTreeSet<String>,
    /// The last rebuild failed: the next one starts again from the disk.
    full_pending: bool,
    stages: Vec<(&'static str, Duration)>,
}

impl Session {
    pub fn new(root: PathBuf, out_dir: PathBuf, options: engine::Options) -> Session {
        Session {
            root,
            out_dir,
            options: engine::Options {
                render: true,
                ..options
            },
            plan: None,
            manifest: Manifest::new(),
            first_write: true,
            unwritten: BTreeSet::new(),
            full_pending: true,
            stages: Vec::new(),
        }
    }

    pub fn plan(&self) -> Option<&Plan> {
        self.plan.as_ref()
    }

    /// The language of the project's messages: its plan's, or (no plan yet: trame.yaml is
    /// broken) the `language:` line of trame.yaml.
    pub fn language(&self) -> crate::load::config::Language {
        match &self.plan {
            Some(p) => p.config.language,
            None => {
                let text =
                    std::fs::read_to_string(self.root.join(crate::load::config::CONFIG_FILE))
                        .unwrap_or_default();
                crate::load::config::language_of(&text)
            }
        }
    }

    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    /// The post files of the current project, project-relative.
    pub fn known_posts(&self) -> BTreeSet<String> {
        self.plan.as_ref().map(Plan::post_files).unwrap_or_default()
    }

    /// Rebuilds what `changes` asks for. `overtaken` is asked once the pages are rendered: when
    /// it says a newer change is waiting, nothing is written and the work is carried over.
    pub fn rebuild(&mut self, changes: &Changes, overtaken: &dyn Fn() -> bool) -> Outcome {
        let started = Instant::now();
        let result = self.update(changes, overtaken);
        if result.is_err() {
            // The plan may be ahead of the output: start again from the disk.
            self.full_pending = true;
        }
        match result {
            Ok(Some((full, report, rendered))) => Outcome::Built {
                full,
                report,
                rendered,
                elapsed: started.elapsed(),
                stages: std::mem::take(&mut self.stages),
            },
            Ok(None) => Outcome::Overtaken,
            Err(e) => failed(&e, self.language()),
        }
    }

    fn update(
        &mut self,
        changes: &Changes,
        overtaken: &dyn Fn() -> bool,
    ) -> Result<Option<(bool, WriteReport, usize)>, RebuildError> {
        let t = Instant::now();
        let full = self.full_pending || changes.full.is_some() || self.plan.is_none();
        let (rendered, was_full) = match self.plan.as_mut() {
            Some(plan) => {
                // After a failed rebuild, everything is read again (and compared with the
                // last plan, so that only what changed is written).
                let everything = match (&changes.full, self.full_pending) {
                    (Some(why), _) => Some(why.clone()),
                    (None, true) => Some("the last rebuild failed".to_string()),
                    (None, false) => None,
                };
                let delta = plan.apply(&engine::Changes {
                    paths: changes.posts.clone(),
                    everything,
                })?;
                self.unwritten.extend(delta.changed);
                self.unwritten.extend(delta.removed);
                self.stages.extend(delta.stages);
                (delta.rendered, delta.full)
            }
            None => {
                let plan = engine::build(&self.root, &self.options)?;
                write::check_output_dir(&self.root, &self.out_dir)?;
                self.unwritten.extend(plan.files().map(|f| f.path.clone()));
                let n = plan.file_count();
                self.plan = Some(plan);
                (n, true)
            }
        };
        self.full_pending = false;
        self.stages.push(("engine", t.elapsed()));
        if overtaken() {
            return Ok(None);
        }
        let report = self.write()?;
        self.stages.push(("write", t.elapsed()));
        Ok(Some((full || was_full, report, rendered)))
    }

    /// Writes what the disk lacks of the plan.
    fn write(&mut self) -> Result<WriteReport, RebuildError> {
        let Some(plan) = &self.plan else {
            return Ok(WriteReport::default());
        };
        let report = if self.first_write {
            let files: Vec<&OutFile> = plan.files().collect();
            let r = writing(|| {
                write::site(
                    &self.root,
                    &self.out_dir,
                    &files,
                    write::SiteOptions::default(),
                )
            })?;
            self.manifest = Manifest::read(&self.out_dir).unwrap_or_default();
            self.first_write = false;
            r
        } else {
            let written: Vec<&OutFile> =
                self.unwritten.iter().filter_map(|p| plan.file(p)).collect();
            let removed: Vec<String> = self
                .unwritten
                .iter()
                .filter(|p| plan.file(p).is_none())
                .cloned()
                .collect();
            writing(|| write::changes(&self.out_dir, &written, &removed, &mut self.manifest))?
        };
        self.unwritten.clear();
        Ok(report)
    }

    /// Writes again the generated files that are missing from the output folder (deleted by
    /// hand, or the whole folder). Returns how many.
    pub fn restore(&mut self) -> Result<usize, RebuildError> {
        let Some(plan) = &self.plan else {
            return Ok(0);
        };
        if self.first_write {
            return Ok(0);
        }
        if !self.out_dir.is_dir() {
            // The folder is gone: the next write builds it whole.
            self.first_write = true;
            self.manifest = Manifest::new();
            self.unwritten.clear();
            self.write()?;
            return Ok(self.plan.as_ref().map_or(0, Plan::file_count));
        }
        let missing = write::changes::missing(&self.out_dir, plan.files().map(|f| f.path.as_str()));
        if missing.is_empty() {
            return Ok(0);
        }
        let n = missing.len();
        self.unwritten.extend(missing);
        self.write()?;
        Ok(n)
    }
}

fn failed(e: &RebuildError, lang: crate::load::config::Language) -> Outcome {
    let (message, problems) = match e {
        RebuildError::Engine(EngineError::Config(ConfigError::Invalid {
            diagnostics,
            source_file,
            source_text,
        })) => {
            let mut sources = BTreeMap::new();
            sources.insert(source_file.clone(), source_text.clone());
            (
                crate::diagnostics::render_human(diagnostics, &sources, false, lang),
                diagnostics.iter().map(Problem::of).collect(),
            )
        }
        other => {
            let text = match other {
                RebuildError::Output(e) => super::output_error_text(e, lang),
                RebuildError::Engine(EngineError::Theme(e)) => {
                    super::error_text(&super::CliError::Theme(e.clone()), lang)
                }
                RebuildError::Engine(e) => e.to_string(),
            };
            let problems = vec![Problem {
                file: String::new(),
                line: 0,
                column: 0,
                message: text.clone(),
            }];
            let label = crate::base::l10n::t!(lang, "label-error");
            let text = match text.split_once("\nhelp: ") {
                Some((m, h)) => {
                    let help = crate::base::l10n::t!(lang, "label-help");
                    format!("{m}\n  = {help}: {h}")
                }
                None => text,
            };
            (format!("{label}: {text}\n"), problems)
        }
    };
    Outcome::Failed { message, problems }
}

/// The errors of the project, for the browser's overlay.
pub fn problems(plan: &Plan) -> Vec<Problem> {
    plan.diagnostics()
        .filter(|d| d.severity == Severity::Error)
        .map(Problem::of)
        .collect()
}

/// A message of the watch loop.
pub enum Signal {
    Events(DebounceEventResult),
    Stop,
}

/// The file watcher: native events, or polling for file systems without them.
pub enum Watcher {
    Native(Debouncer<notify::RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<notify::PollWatcher, NoCache>),
}

impl Watcher {
    pub fn start(
        debounce: Duration,
        poll: bool,
        tx: mpsc::Sender<Signal>,
    ) -> Result<Watcher, notify::Error> {
        let handler = move |r: DebounceEventResult| {
            let _ = tx.send(Signal::Events(r));
        };
        // The debouncer looks for quiet paths at each tick; its default (a quarter of the
        // delay) would add up to 25 ms to each save. A tenth costs a wake-up every 10 ms.
        let tick = Some((debounce / 10).clamp(Duration::from_millis(1), Duration::from_millis(10)));
        if poll {
            let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
            Ok(Watcher::Poll(notify_debouncer_full::new_debouncer_opt(
                debounce, tick, handler, NoCache, config,
            )?))
        } else {
            Ok(Watcher::Native(notify_debouncer_full::new_debouncer(
                debounce, tick, handler,
            )?))
        }
    }

    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> Result<(), notify::Error> {
        match self {
            Watcher::Native(d) => d.watch(path, mode),
            Watcher::Poll(d) => d.watch(path, mode),
        }
    }

    /// Watches the project root (not recursively: the output folder and .git stay out) and the
    /// folders that hold its sources. Call again before each rebuild: a folder may have
    /// appeared.
    pub fn watch_project(
        &mut self,
        root: &Path,
        watched: &mut BTreeSet<PathBuf>,
    ) -> Result<(), WatchError> {
        if watched.insert(root.to_path_buf()) {
            self.watch(root, RecursiveMode::NonRecursive)
                .map_err(|source| WatchError::Watch {
                    path: root.to_path_buf(),
                    source,
                })?;
        }
        for folder in WATCHED_FOLDERS {
            let p = root.join(folder);
            if p.is_dir() && !watched.contains(&p) {
                self.watch(&p, RecursiveMode::Recursive)
                    .map_err(|source| WatchError::Watch {
                        path: p.clone(),
                        source,
                    })?;
                watched.insert(p);
            }
        }
        Ok(())
    }
}

/// Rebuilds once now, then after every burst of changes until `Stop`. `report` is told about
/// each rebuild (the terminal, the browser).
pub fn run_loop(
    session: &mut Session,
    rx: &mpsc::Receiver<Signal>,
    watcher: &mut Watcher,
    mut report: impl FnMut(&Session, &Changes, &Outcome),
) -> Result<(), WatchError> {
    let root = session.root.clone();
    let out_dir = session.out_dir.clone();
    // Sites replaced by earlier builds are deleted in the background.
    drop(write::site::tidy(&root));
    let mut watched = BTreeSet::new();
    watcher.watch_project(&root, &mut watched)?;
    let start = Changes {
        full: Some("start".into()),
        ..Changes::default()
    };
    let outcome = session.rebuild(&start, &|| false);
    report(session, &start, &outcome);

    let stash = std::cell::RefCell::new(std::collections::VecDeque::new());
    let mut carried = Changes::default();
    loop {
        let next = stash.borrow_mut().pop_front();
        let first = match next {
            Some(s) => s,
            None => match rx.recv() {
                Ok(s) => s,
                Err(_) => return Ok(()),
            },
        };
        let mut signals = vec![first];
        signals.extend(stash.borrow_mut().drain(..));
        signals.extend(rx.try_iter());
        let mut batch = std::mem::take(&mut carried);
        let mut stop = false;
        for s in signals {
            match s {
                Signal::Stop => stop = true,
                Signal::Events(ev) => batch.merge(changes_of(session, &ev)),
            }
        }
        if stop {
            return Ok(());
        }
        if batch.is_empty() {
            continue;
        }
        if !batch.matters() {
            // Only the output folder was touched: put back what is missing.
            if let Err(e) = session.restore() {
                report(session, &batch, &failed(&e, session.language()));
            }
            continue;
        }
        // A rebuild is overtaken when a change that matters is waiting once it has rendered.
        let overtaken = || {
            stash.borrow_mut().extend(rx.try_iter());
            stash.borrow().iter().any(|s| match s {
                Signal::Events(ev) => {
                    let (paths, rescan) = touched(ev);
                    rescan.is_some() || classify(&root, &out_dir, paths, BTreeSet::new).matters()
                }
                Signal::Stop => false,
            })
        };
        // A source folder that appeared (metrics/ made after the start) is watched before the
        // rebuild reads it: a file saved in it once the new site is out is then seen.
        watcher.watch_project(&root, &mut watched)?;
        let outcome = session.rebuild(&batch, &overtaken);
        if let Outcome::Overtaken = outcome {
            carried = batch;
            continue;
        }
        report(session, &batch, &outcome);
        // Generated files deleted by hand since the last write come back (after the report:
        // the save's own files are on disk already).
        if matches!(outcome, Outcome::Built { .. })
            && let Err(e) = session.restore()
        {
            report(session, &batch, &failed(&e, session.language()));
        }
    }
}

fn changes_of(session: &Session, events: &DebounceEventResult) -> Changes {
    let (paths, rescan) = touched(events);
    let mut c = classify(&session.root, &session.out_dir, paths, || {
        session.known_posts()
    });
    if let Some(why) = rescan {
        c.rebuild_all(why);
    }
    c
}

/// Every path an event batch touches (both sides of renames); `None` when the watcher lost
/// events and everything must be read again.
pub fn touched(events: &DebounceEventResult) -> (BTreeSet<PathBuf>, Option<String>) {
    match events {
        Ok(events) => {
            let mut paths = BTreeSet::new();
            let mut rescan = None;
            for e in events {
                if e.event.need_rescan() {
                    rescan = Some("the file watcher lost events".to_string());
                }
                if matches!(e.event.kind, notify::EventKind::Access(_)) {
                    continue;
                }
                paths.extend(e.event.paths.iter().cloned());
            }
            (paths, rescan)
        }
        Err(errors) => {
            let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            (
                BTreeSet::new(),
                Some(format!("the file watcher reported: {}", text.join("; "))),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_path_buf();
        std::fs::create_dir_all(root.join("content/posts/2026-12")).expect("mkdir");
        std::fs::write(root.join("content/posts/2026-12/a.md"), "x").expect("write");
        (dir, root)
    }

    #[test]
    fn paths_are_sorted_into_posts_full_rebuilds_and_nothing() {
        let (_d, root) = project();
        let out = root.join("output");
        let post = root.join("content/posts/2026-12/a.md");
        let c = classify(
            &root,
            &out,
            [
                post.clone(),
                root.join("content/posts/2026-12/.a.md.swp"),
                root.join("content/posts/2026-12/4913"),
                out.join("posts/a/index.html"),
                root.join(".git/index"),
                root.join("README.md"),
            ],
            BTreeSet::new,
        );
        assert_eq!(c.posts, [post].into());
        assert_eq!(c.full, None);

        for p in [
            "trame.yaml",
            "charter.yaml",
            "words.txt",
            "themes/default/templates/post.hbs",
            "content/calendar/soldes.md",
            "media/a.jpg",
        ] {
            let c = classify(&root, &out, [root.join(p)], BTreeSet::new);
            assert!(c.full.is_some(), "{p}");
        }
    }

    #[test]
    fn a_folder_renamed_away_drops_its_posts_and_one_renamed_in_adds_them() {
        let (_d, root) = project();
        let out = root.join("output");
        let known: BTreeSet<String> = ["content/posts/old/b.md".to_string()].into();
        let c = classify(&root, &out, [root.join("content/posts/old")], || {
            known.clone()
        });
        assert_eq!(c.posts, [root.join("content/posts/old/b.md")].into());
        let c = classify(&root, &out, [root.join("content/posts/2026-12")], || {
            known.clone()
        });
        assert_eq!(c.posts, [root.join("content/posts/2026-12/a.md")].into());
    }
}
