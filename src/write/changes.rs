//! A watch session's rebuilds: only the files a change touched are written, each replaced in
//! one step (a reader sees the old file or the new one), through a staging folder inside the
//! output folder. The files they replace are deleted on a background thread: freeing ~60 MB of
//! pages takes ~8 ms that a writer waiting for the preview should not wait for.

use std::path::Path;

use rayon::prelude::*;

use super::manifest::{self, Manifest};
use super::{OWN, OutputError, WriteReport, io, make_dirs, remove_empty_parents, replace};
use crate::render::OutFile;

const STAGING: &str = ".trame-staging";
/// Staging folders holding the files a rebuild replaced, being deleted in the background.
const OLD: &str = ".trame-old-";

/// Writes `written` (the files whose bytes changed), removes `removed` (only files trame's
/// manifest lists), and updates the manifest when the set of files changed. `manifest` is the
/// session's copy of it.
pub fn changes(
    out_dir: &Path,
    written: &[&OutFile],
    removed: &[String],
    manifest: &mut Manifest,
) -> Result<WriteReport, OutputError> {
    for f in written {
        if !crate::routes::is_safe(&f.path) {
            return Err(OutputError::UnsafePath(f.path.clone()));
        }
    }
    let mut report = WriteReport::default();
    let mut new_paths = false;
    if !written.is_empty() {
        let staging = out_dir.join(STAGING);
        if staging.exists() {
            // A leftover of an interrupted rebuild: only ever holds files trame wrote.
            std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
        }
        remove_old_staging(out_dir);
        std::fs::create_dir_all(&staging).map_err(io(&staging))?;
        let staged: Result<Vec<Option<manifest::Entry>>, OutputError> = written
            .par_iter()
            .map(|f| {
                let tmp = staging.join(&f.path);
                if let Some(parent) = tmp.parent() {
                    std::fs::create_dir_all(parent).map_err(io(parent))?;
                }
                let file = f.body.write_to(&tmp).map_err(io(&tmp))?;
                // A file the manifest lists keeps its entry (see below): only new files are
                // hashed, not the 40 MB of feeds a save rewrites.
                if manifest.files.contains_key(&f.path) {
                    return Ok(None);
                }
                let mtime = file.metadata().map(|m| manifest::mtime(&m)).unwrap_or(0);
                Ok(Some(manifest::Entry {
                    len: f.body.len() as u64,
                    hash: manifest::hash(&f.body),
                    mtime,
                }))
            })
            .collect();
        let staged = match staged {
            Ok(s) => s,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&staging);
                return Err(e);
            }
        };
        for (f, entry) in written.iter().zip(staged) {
            let target = out_dir.join(&f.path);
            if let Some(parent) = target.parent() {
                make_dirs(out_dir, parent)?;
            }
            if std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_dir()) {
                return Err(OutputError::Io {
                    path: target,
                    source: std::io::Error::other("a folder is where trame puts a file"),
                });
            }
            replace(&staging.join(&f.path), &target).map_err(io(&target))?;
            report.written += 1;
            if let Some(entry) = entry {
                manifest.files.insert(f.path.clone(), entry);
                new_paths = true;
            }
        }
        discard_staging(out_dir);
    }
    for p in removed {
        if manifest.files.remove(p).is_none() {
            continue;
        }
        new_paths = true;
        let target = out_dir.join(p);
        if std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_file())
            && std::fs::remove_file(&target).is_ok()
        {
            report.removed += 1;
            remove_empty_parents(out_dir, &target);
        }
    }
    // Entries of rewritten files stay as they were: a build compares a file's length and time
    // with its entry, and writes again a file that changed since.
    if new_paths {
        write_manifest(out_dir, manifest)?;
    }
    Ok(report)
}

/// The paths, among `paths`, whose file is missing from the output folder (deleted by hand).
pub fn missing<'a>(out_dir: &Path, paths: impl Iterator<Item = &'a str>) -> Vec<String> {
    let paths: Vec<&str> = paths.collect();
    let mut out: Vec<String> = paths
        .par_iter()
        .filter(|p| !std::fs::symlink_metadata(out_dir.join(p)).is_ok_and(|m| m.is_file()))
        .map(|p| p.to_string())
        .collect();
    out.sort();
    out
}

fn write_manifest(out_dir: &Path, manifest: &Manifest) -> Result<(), OutputError> {
    let staging = out_dir.join(format!("{OWN}-manifest-new"));
    std::fs::write(&staging, manifest.to_json()).map_err(io(&staging))?;
    let target = out_dir.join(manifest::NAME);
    std::fs::rename(&staging, &target).map_err(io(&target))
}

/// Deletes the staging folder, which now holds the files the rebuild replaced, on a thread of
/// its own. It is renamed first, so the next rebuild can stage at once; a folder left behind
/// by a stopped session is deleted by the next write.
fn discard_staging(out_dir: &Path) {
    static COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let staging = out_dir.join(STAGING);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let old = out_dir.join(format!("{OLD}{}-{n}", std::process::id()));
    if std::fs::rename(&staging, &old).is_ok() {
        std::thread::spawn(move || {
            let _ = std::fs::remove_dir_all(old);
        });
    } else {
        let _ = std::fs::remove_dir_all(staging);
    }
}

/// Old staging folders a stopped watch session did not finish deleting (not those of this
/// process: its own threads are deleting them).
fn remove_old_staging(out_dir: &Path) {
    let mine = format!("{OLD}{}-", std::process::id());
    let Ok(entries) = std::fs::read_dir(out_dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(OLD) && !name.starts_with(&mine) && e.path().is_dir() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::render::Body;
    use crate::write::{SiteOptions, site};

    fn f(path: &str, text: &str) -> OutFile {
        OutFile::at(path, Body::Whole(text.as_bytes().to_vec()))
    }

    #[test]
    fn changes_replace_files_and_remove_only_generated_ones()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("output");
        let first = [f("a.txt", "1"), f("b/c.txt", "2")];
        site(
            dir.path(),
            &out,
            &first.iter().collect::<Vec<_>>(),
            SiteOptions::default(),
        )?;
        std::fs::write(out.join("mine.txt"), "mine")?;
        let mut m = Manifest::read(&out).ok_or("no manifest")?;
        let a = f("a.txt", "3");
        let r = changes(
            &out,
            &[&a],
            &["b/c.txt".to_string(), "mine.txt".to_string()],
            &mut m,
        )?;
        assert_eq!((r.written, r.removed), (1, 1));
        assert_eq!(std::fs::read_to_string(out.join("a.txt"))?, "3");
        assert!(!out.join("b").exists());
        assert_eq!(std::fs::read_to_string(out.join("mine.txt"))?, "mine");
        assert_eq!(
            Manifest::read(&out).map(|m| m.files.keys().cloned().collect::<Vec<_>>()),
            Some(vec!["a.txt".to_string()])
        );
        assert!(!out.join(STAGING).exists());
        Ok(())
    }

    #[test]
    fn pieces_are_written_as_one_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("output");
        std::fs::create_dir_all(&out)?;
        // More pieces than one writev call takes (1024 on Linux).
        let pieces: Vec<Arc<str>> = (0..3000).map(|i| format!("{i},").into()).collect();
        let whole: String = pieces.iter().map(|p| p.as_ref()).collect();
        let file = OutFile::at("a.txt", Body::Pieces(pieces));
        let mut m = Manifest::new();
        changes(&out, &[&file], &[], &mut m)?;
        assert_eq!(std::fs::read_to_string(out.join("a.txt"))?, whole);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_folder_in_the_output_is_never_written_through()
    -> Result<(), Box<dyn std::error::Error>> {
        let elsewhere = tempfile::tempdir()?;
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("output");
        std::fs::create_dir_all(&out)?;
        std::os::unix::fs::symlink(elsewhere.path(), out.join("posts"))?;
        let file = f("posts/a/index.html", "x");
        let mut m = Manifest::new();
        assert!(changes(&out, &[&file], &[], &mut m).is_err());
        assert!(std::fs::read_dir(elsewhere.path())?.next().is_none());
        Ok(())
    }

    #[test]
    fn missing_files_are_found() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("a.txt"), "")?;
        assert_eq!(
            missing(dir.path(), ["a.txt", "b.txt"].into_iter()),
            ["b.txt"]
        );
        Ok(())
    }
}
