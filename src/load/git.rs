//! The project's git history, through the `git` command line: the files changed since a
//! revision (`check --changed`) and the commits that touched a file (the post pages' history).
//!
//! The git CLI rather than gix: it is on every machine that has a clone (and on every CI
//! runner), it reads every repository layout and config git itself supports (worktrees,
//! sparse checkouts, partial clones), and three plumbing commands are all trame asks; gix would
//! add about a hundred crates to the build for them. Arguments are passed without a shell,
//! output is read with `-z` (any file name), and a missing git or a folder outside a
//! repository is a typed error, never a panic.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// Why git could not answer.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("git could not be run: {0}")]
    Missing(std::io::Error),
    #[error("not inside a git repository")]
    NotARepository,
    #[error("git revision `{0}` not found")]
    UnknownRevision(String),
    #[error("no default branch to compare with (no origin/HEAD, main or master)")]
    NoDefaultBranch,
    #[error("git failed: {0}")]
    Failed(String),
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "core.quotePath=false"])
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .map_err(GitError::Missing)?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(GitError::Failed(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ))
    }
}

/// Whether `dir` is inside a git work tree.
pub fn is_repository(dir: &Path) -> bool {
    git(dir, &["rev-parse", "--is-inside-work-tree"]).is_ok_and(|o| o.starts_with(b"true"))
}

fn z_paths(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    bytes
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
}

/// The revision `--changed` compares with by default: where the current branch left the
/// default branch (`origin/HEAD`, else `main`, else `master`).
pub fn default_base(root: &Path) -> Result<String, GitError> {
    if !is_repository(root) {
        return Err(GitError::NotARepository);
    }
    let origin = git(
        root,
        &["symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD"],
    )
    .ok()
    .map(|o| String::from_utf8_lossy(&o).trim().to_string())
    .filter(|s| !s.is_empty());
    let candidates = origin
        .into_iter()
        .chain(["origin/main", "origin/master", "main", "master"].map(String::from));
    for branch in candidates {
        if let Ok(out) = git(root, &["merge-base", "HEAD", &branch]) {
            let rev = String::from_utf8_lossy(&out).trim().to_string();
            if !rev.is_empty() {
                return Ok(rev);
            }
        }
    }
    Err(GitError::NoDefaultBranch)
}

/// The project files (relative to `root`, `/`-separated) changed since `base`: in the commits
/// since then, in the working tree and the index, and the new files git does not ignore.
/// Deleted files are left out (there is nothing left to check in them).
pub fn changed_since(root: &Path, base: &str) -> Result<BTreeSet<String>, GitError> {
    if !is_repository(root) {
        return Err(GitError::NotARepository);
    }
    let commit = format!("{base}^{{commit}}");
    git(root, &["rev-parse", "--verify", "--quiet", &commit])
        .map_err(|_| GitError::UnknownRevision(base.to_string()))?;
    // `--relative` keeps the paths under the project folder, relative to it.
    let diff = git(
        root,
        &[
            "diff",
            "--name-only",
            "-z",
            "--relative",
            "--diff-filter=d",
            base,
            "--",
        ],
    )?;
    let untracked = git(
        root,
        &[
            "ls-files",
            "-z",
            "--others",
            "--exclude-standard",
            "--",
            ".",
        ],
    )?;
    Ok(z_paths(&diff).chain(z_paths(&untracked)).collect())
}

/// One commit that touched a file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Commit {
    pub hash: String,
    /// The author date, `YYYY-MM-DD`.
    pub date: String,
    pub author: String,
    pub subject: String,
}

/// The commits that touched each of `files` (project-relative), newest first, at most `max`
/// per file, following renames is left to git's default (off: a renamed post starts a new
/// history, as its page does). One `git log` for the whole project, not one per file.
pub fn history(
    root: &Path,
    files: &BTreeSet<String>,
    max: usize,
) -> Result<std::collections::BTreeMap<String, Vec<Commit>>, GitError> {
    let mut out: std::collections::BTreeMap<String, Vec<Commit>> = Default::default();
    if files.is_empty() || !is_repository(root) {
        return Ok(out);
    }
    // A record separator git never writes in a name or a subject: NUL-terminated fields with
    // `-z`, each commit's header then its file names.
    let log = git(
        root,
        &[
            "log",
            "-z",
            "--no-renames",
            "--name-only",
            "--relative",
            "--format=%x1e%H%x1f%as%x1f%an%x1f%s",
            "--",
            ".",
        ],
    )?;
    for record in log.split(|b| *b == 0x1e).filter(|r| !r.is_empty()) {
        let mut parts = record.splitn(2, |b| *b == b'\n');
        let header = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
        let names = parts.next().unwrap_or_default();
        let mut fields = header.trim_end_matches('\0').split('\x1f');
        let commit = Commit {
            hash: fields.next().unwrap_or_default().to_string(),
            date: fields.next().unwrap_or_default().to_string(),
            author: fields.next().unwrap_or_default().to_string(),
            subject: fields.next().unwrap_or_default().to_string(),
        };
        for name in z_paths(names) {
            let name = name.trim_start_matches('\n').to_string();
            if files.contains(&name) {
                let list = out.entry(name).or_default();
                if list.len() < max {
                    list.push(commit.clone());
                }
            }
        }
    }
    Ok(out)
}
