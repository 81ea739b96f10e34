//! Writing the output folder. Two ways, one set of rules:
//!
//! - [`site`] (`trame build`, and the first build of a watch session) builds the whole new site
//!   in a folder of its own beside the old one — files whose bytes did not change are hard
//!   links to the old ones, files the user put in the output folder are linked across too —
//!   then exchanges the two folders in one step. Whatever stops it (SIGKILL, Ctrl-C, a full
//!   disk, a power cut), the output folder holds the complete previous site or the complete
//!   new one, and the next build cleans up.
//! - [`changes`] (every later rebuild of a watch session) replaces the files a change touched,
//!   each in one step, and removes the ones no longer generated.
//!
//! - [`source`] (`trame fix`) writes corrections into the team's own content files, span by
//!   span, each file replaced in one step and only if it did not change since it was read.
//!
//! Every path is checked by [`crate::routes::is_safe`] before the disk is touched; only files
//! listed in trame's manifest are ever removed or replaced without asking.

pub mod changes;
pub mod manifest;
pub mod site;
pub mod source;

use std::path::{Component, Path, PathBuf};

pub use changes::changes;
pub use site::{SiteOptions, site};

/// Folders and files of trame's own, in the output folder or beside it, start with this.
pub const OWN: &str = ".trame";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteReport {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("refusing to write `{0}`: generated paths must stay inside the output folder")]
    UnsafePath(String),
    #[error(
        "refusing to use {0} as the output folder: it is (or contains) the project itself\nhelp: choose a folder of its own, such as `output`"
    )]
    OutputIsProject(PathBuf),
    #[error(
        "{dir} holds files trame did not write, where the site goes: {}\nhelp: move them away, choose an empty output folder, or run `trame build --force` to replace them",
        .files.join(", ")
    )]
    WouldOverwrite { dir: PathBuf, files: Vec<String> },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// `p` as an absolute path with `.` and `..` resolved by name, and symlinks resolved for the
/// part that exists (`nonexistent/..` is the folder itself, not a folder named so).
pub fn normalise_dir(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve symlinks in the longest part that exists.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut real = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        real.push(name);
    }
    real
}

/// Refuses an output folder that would hold the project (its root, content, media…).
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), OutputError> {
    let root = normalise_dir(root);
    let out = normalise_dir(output);
    let protected = ["content", "media", "themes", "metrics", ".git", OWN];
    if root.starts_with(&out) || protected.iter().any(|p| out.starts_with(root.join(p))) {
        return Err(OutputError::OutputIsProject(out));
    }
    Ok(())
}

/// Moves `from` to `to` in one step. On Linux an existing `to` is exchanged with `from`
/// (which then holds the old file or folder): ext4 flushes a file renamed over another to the
/// disk before the rename returns, which cost watch mode ~40 ms per save on large feeds, and a
/// folder cannot be renamed over a folder that is not empty. Elsewhere a file is renamed over
/// the old one.
fn replace(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if std::fs::symlink_metadata(to).is_ok() {
            match renameat_with(CWD, from, CWD, to, RenameFlags::EXCHANGE) {
                Ok(()) => return Ok(()),
                // File systems without the exchange: rename below.
                Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    std::fs::rename(from, to)
}

/// Creates `dir` and the folders above it inside `out_dir`, refusing to go through a symlink
/// (a link in the output folder must not send trame's files elsewhere).
fn make_dirs(out_dir: &Path, dir: &Path) -> Result<(), OutputError> {
    let rel = dir.strip_prefix(out_dir).unwrap_or(dir);
    let mut at = out_dir.to_path_buf();
    for c in rel.components() {
        at.push(c);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(OutputError::Io {
                    path: at,
                    source: std::io::Error::other("a file or a link is where trame puts a folder"),
                });
            }
            Err(_) => match std::fs::create_dir(&at) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io(&at)(e)),
            },
        }
    }
    Ok(())
}

/// Removes the folders above `file` that became empty, up to `out_dir`.
fn remove_empty_parents(out_dir: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == out_dir || !d.starts_with(out_dir) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_cannot_be_the_project() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        assert!(check_output_dir(root, root).is_err());
        assert!(check_output_dir(root, &root.join("content/x")).is_err());
        assert!(check_output_dir(root, &root.join("output")).is_ok());
        // A folder that does not exist, and `..`: the project itself.
        assert!(check_output_dir(root, &root.join("nonexistent/..")).is_err());
        assert!(check_output_dir(root, &root.join("output/x/../..")).is_err());
        // A sibling of content/ reached through it is fine.
        assert!(check_output_dir(root, &root.join("content/../out2")).is_ok());
        Ok(())
    }
}
