//! The pipeline: load → adapt → check. `trame check` stops here; `trame build` writes after.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::adapt::{self, Variant};
use crate::diagnostics::{self, Diagnostic, code_matches};
use crate::load::config::{self, Config, ConfigError};
use crate::load::content::{self, Content, Post};
use crate::render::PostFacts;
use crate::validate::charter::{self, Charter};
use crate::validate::{self, MediaCache};

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
    /// Every diagnostic, silenced, with `rules:` applied, sorted.
    pub diagnostics: Vec<Diagnostic>,
    pub today: Date,
    /// Problems found loading trame.yaml and the charter, and finding files.
    base: Vec<Diagnostic>,
    /// Problems of one content file (reading it, checking a post), kept until the file changes.
    own: BTreeMap<String, Vec<Diagnostic>>,
    /// Two posts have the same id (pages are keyed by id).
    post_ids_clash: bool,
}

/// trame.yaml, the charter and every content file, for printing source lines (looked up in
/// place: watch mode prints after every save, and 10,000 sources are megabytes to copy).
impl diagnostics::SourceLookup for Project {
    fn source(&self, file: &str) -> Option<&str> {
        if file == config::CONFIG_FILE {
            return Some(&self.config.source);
        }
        if let Some(c) = self.charter.as_ref().filter(|c| c.file == file) {
            return Some(&c.source);
        }
        self.content.sources.get(file).map(String::as_str)
    }
}

impl Project {
    /// The post read from `file`.
    pub fn post_by_file(&self, file: &str) -> Option<&Post> {
        self.post_index(file).map(|i| &self.content.posts[i])
    }

    /// Where the post read from `file` is: posts are kept in the order files are found in
    /// (`content::path_order`), so a save does not scan 10,000 posts to find its own.
    fn post_index(&self, file: &str) -> Option<usize> {
        let posts = &self.content.posts;
        let i = posts.partition_point(|p| content::path_order(p.file(), file).is_lt());
        posts.get(i).filter(|p| p.file() == file).map(|_| i)
    }

    pub fn post_ids_clash(&self) -> bool {
        self.post_ids_clash
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == diagnostics::Severity::Error)
    }

    fn checks_context(&self) -> validate::Context<'_> {
        validate::Context {
            config: &self.config,
            content: &self.content,
            media: &self.media,
            charter: self.charter.as_ref(),
            today: self.today,
        }
    }

    /// The diagnostics list from the kept parts, plus the checks across files.
    fn collect_diagnostics(&mut self) {
        let mut diags = self.base.clone();
        diags.extend(self.own.values().flatten().cloned());
        // Both go over every post, and wait on memory more than compute: side by side.
        let (duplicates, others) = rayon::join(
            || content::duplicates(&self.content),
            || validate::others(&self.checks_context()),
        );
        let posts = content::Kind::Post.folder();
        self.post_ids_clash = duplicates.iter().any(|d| d.file.starts_with(posts));
        diags.extend(duplicates);
        diags.extend(others);
        let mut diags = silence(diags, &self.content);
        diags = diagnostics::apply_rules(diags, &self.config.rules);
        diagnostics::sort(&mut diags);
        if let Some(c) = &self.charter {
            c.suggest(&mut diags);
        }
        self.diagnostics = diags;
    }

    /// Re-reads post files (watch mode): a file present is read again, a missing one is gone.
    /// Only these posts are adapted and checked again; the checks across files run again.
    /// Returns each post as it was and as it is now, for finding the pages to render.
    pub fn update_posts(&mut self, paths: &[PathBuf]) -> Vec<PostFacts> {
        let root = self.config.root.clone();
        let mut facts = Vec::new();
        let mut fresh = Vec::new();
        for path in paths {
            let file = content::rel_path(&root, path);
            if let Some(i) = self.post_index(&file) {
                let old = self.content.posts.remove(i);
                facts.push(PostFacts::of(&old));
                self.variants.remove(old.id());
            }
            if self.content.sources.remove(&file).is_some() {
                self.content.files -= 1;
            }
            self.content.ignores.remove(&file);
            self.own.remove(&file);
            if !path.is_file() {
                continue;
            }
            let r = content::read_one(&root, path, content::Kind::Post, &self.config);
            self.content.files += 1;
            if let Some(t) = r.text {
                self.content.sources.insert(file.clone(), t);
            }
            if !r.ignores.is_empty() {
                self.content.ignores.insert(file.clone(), r.ignores);
            }
            self.own.insert(file, r.diags);
            if let Some(content::Item::Post(p)) = r.item {
                fresh.push(*p);
            }
        }
        let new_media: Vec<String> = fresh
            .iter()
            .flat_map(media_paths)
            .filter(|m| !self.media.contains_key(*m))
            .map(str::to_string)
            .collect();
        self.media.extend(validate::media::probe_all(
            &root,
            new_media.iter().map(String::as_str),
        ));
        let fresh_files: std::collections::BTreeSet<String> =
            fresh.iter().map(|p| p.file().to_string()).collect();
        for p in fresh {
            facts.push(PostFacts::of(&p));
            self.variants
                .insert(p.id().to_string(), adapt::build(&p, &self.config));
            let at = self
                .content
                .posts
                .partition_point(|q| content::path_order(q.file(), p.file()).is_lt());
            self.content.posts.insert(at, p);
        }
        let fresh_posts: Vec<&Post> = fresh_files
            .iter()
            .filter_map(|f| self.post_by_file(f))
            .collect();
        let checked = self.check_posts(&fresh_posts);
        self.keep_checks(checked);
        facts
    }

    /// Checks `posts` (in parallel) on their own.
    fn check_posts(&self, posts: &[&Post]) -> Vec<(String, Vec<Diagnostic>)> {
        let ctx = self.checks_context();
        let empty = BTreeMap::new();
        posts
            .par_iter()
            .map(|p| {
                let vs = self.variants.get(p.id()).unwrap_or(&empty);
                (p.file().to_string(), validate::post(p, vs, &ctx))
            })
            .collect()
    }

    /// Keeps each file's problems from `check_posts`, then gathers the project's diagnostics.
    fn keep_checks(&mut self, checked: Vec<(String, Vec<Diagnostic>)>) {
        for (file, diags) in checked {
            self.own.entry(file).or_default().extend(diags);
        }
        self.collect_diagnostics();
    }
}

/// The media paths a post uses, on all networks.
fn media_paths(p: &Post) -> impl Iterator<Item = &str> {
    p.media
        .iter()
        .chain(p.variants.values().flat_map(|v| v.media.iter().flatten()))
        .map(|m| m.path.as_str())
}

pub fn today_in(config: &Config) -> Date {
    jiff::Timestamp::now()
        .to_zoned_datetime(config.timezone.clone())
        .date()
}

/// Runs the whole pipeline up to the checks. A config error is the only early stop.
pub fn load(root: &Path, options: &Options) -> Result<Project, ConfigError> {
    let (config, mut base) = config::load(root)?;
    let (charter, charter_warnings) = charter::load(&config)?;
    base.extend(charter_warnings);
    let mut read = Vec::new();
    let content = content::load(&config, &mut read);
    let today = options.today.unwrap_or_else(|| today_in(&config));

    let variants: BTreeMap<String, BTreeMap<String, Variant>> = content
        .posts
        .par_iter()
        .map(|p| (p.id().to_string(), adapt::build(p, &config)))
        .collect();
    let media =
        validate::media::probe_all(&config.root, content.posts.iter().flat_map(media_paths));
    let mut own: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
    for d in read {
        own.entry(d.file.clone()).or_default().push(d);
    }
    let mut project = Project {
        config,
        charter,
        content,
        variants,
        media,
        diagnostics: Vec::new(),
        today,
        base,
        own,
        post_ids_clash: false,
    };
    let all: Vec<&Post> = project.content.posts.iter().collect();
    let checked = project.check_posts(&all);
    project.keep_checks(checked);
    Ok(project)
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
            !codes.iter().any(|c| code_matches(c, d.code.as_str()))
        })
        .collect()
}
