//! The whole-site build: the new site is made in a folder beside the old one, then the two are
//! exchanged in one step (`renameat2(RENAME_EXCHANGE)` on Linux).
//!
//! - The new folder is `.trame/site-next` in the project when it is on the output folder's file
//!   system (the usual case), else `.trame-<name>-next` beside the output folder. A leftover of
//!   a build that was stopped is deleted first.
//! - A generated file whose bytes are those the manifest recorded, in an old file that was not
//!   touched since (same length and time), is a hard link to the old file: an up-to-date build
//!   writes almost nothing and reads nothing back.
//! - Files in the output folder that trame did not generate (a `CNAME`, a `.nojekyll`) are
//!   linked into the new site too, so they are kept. One where a generated file goes is
//!   replaced only with `--force` (`overwrite`); otherwise the build refuses, naming it.
//! - With `sync`, the new files reach the disk before the exchange (one `syncfs`), and the
//!   exchange before the build says it is done: a power cut leaves one site or the other. A
//!   first site (no output folder yet) is not flushed: there is no previous site to protect,
//!   and a file a power cut left short is written again by the next build.
//! - Without the exchange (other systems), the old folder is renamed aside, the new one into
//!   place; a build stopped between the two finds the old site aside and puts it back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::manifest::{self, Manifest};
use super::{OWN, OutputError, WriteReport, io};
use crate::render::OutFile;

/// How a site is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct SiteOptions {
    /// Replace files the user put where generated files go (`--force`).
    pub overwrite: bool,
    /// Flush the new files to the disk before the exchange.
    pub sync: bool,
}

/// Where the new site is made, where the old one waits (systems without the exchange), and
/// where a replaced site goes to be deleted (`None`: deleted at once).
struct Stage {
    next: PathBuf,
    old: PathBuf,
    trash: Option<PathBuf>,
}

fn stage(root: &Path, out_dir: &Path) -> Result<Stage, OutputError> {
    let parent = out_dir.parent().unwrap_or(out_dir);
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let own = root.join(OWN);
    if same_device(&own, parent) {
        return Ok(Stage {
            next: own.join("site-next"),
            old: own.join("site-old"),
            trash: Some(own.clone()),
        });
    }
    let name = out_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    Ok(Stage {
        next: parent.join(format!("{OWN}-{name}-next")),
        old: parent.join(format!("{OWN}-{name}-old")),
        trash: None,
    })
}

/// Whether the project's `.trame/` (created if needed) is on the file system of `dir`.
fn same_device(own: &Path, dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if std::fs::create_dir_all(own).is_err() {
            return false;
        }
        match (std::fs::metadata(own), std::fs::metadata(dir)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (own, dir);
        false
    }
}

/// Puts back or throws away what a stopped build left.
fn recover(out_dir: &Path, stage: &Stage) -> Result<(), OutputError> {
    if stage.old.exists() {
        if out_dir.exists() {
            discard(stage, &stage.old)?;
        } else {
            // Stopped between the two renames: the old site is complete, put it back.
            std::fs::rename(&stage.old, out_dir).map_err(io(out_dir))?;
        }
    }
    if stage.next.exists() {
        discard(stage, &stage.next)?;
    }
    Ok(())
}

/// Folders of `.trame/` that hold a replaced site, deleted by [`tidy`].
const TRASH: &str = "trash-";

/// Gets rid of a folder trame made: into `.trame/` to be deleted by the next run's [`tidy`]
/// (deleting a site of 50,000 files takes a second or two that a build should not wait for),
/// or at once when it is beside the output folder.
fn discard(stage: &Stage, dir: &Path) -> Result<(), OutputError> {
    static COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    if let Some(own) = &stage.trash {
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let at = own.join(format!("{TRASH}{}-{n}", std::process::id()));
        if std::fs::rename(dir, &at).is_ok() {
            return Ok(());
        }
    }
    remove_tree(dir)
}

/// Deletes, on a thread of its own, the replaced sites earlier builds left in `.trame/`. A
/// command starts it first, so that it runs while the project is read and rendered, and joins
/// it before it exits (stopped half-way, the rest is deleted next time).
pub fn tidy(root: &Path) -> std::thread::JoinHandle<()> {
    let own = root.join(OWN);
    std::thread::spawn(move || {
        let Ok(entries) = std::fs::read_dir(&own) else {
            return;
        };
        // Nothing writes into a trash folder once it is renamed there: any can go.
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(TRASH) {
                let _ = remove_tree_with(&e.path(), false);
            }
        }
    })
}

/// The files of an output folder that trame did not generate (by the manifest), by path, and
/// whether each is a folder; trame's own names are left out.
fn user_files(out_dir: &Path, manifest: &Manifest) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(out_dir)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| e.depth() > 1 || !e.file_name().to_string_lossy().starts_with(OWN));
    for e in walker.flatten() {
        let rel = crate::base::paths::rel_path(out_dir, e.path());
        let is_dir = e.file_type().is_dir();
        if is_dir || !manifest.files.contains_key(&rel) {
            out.push((rel, is_dir));
        }
    }
    out.sort();
    out
}

/// Whether the output folder already holds exactly this site: every file as the manifest
/// recorded it and untouched since, none more. Then there is nothing to write (a build of a
/// project that did not change, as CI runs on every push).
fn up_to_date(out_dir: &Path, files: &[&OutFile], old: &Manifest) -> bool {
    files.len() == old.files.len()
        && files.par_iter().all(|f| {
            let Some(e) = old.files.get(&f.path) else {
                return false;
            };
            e.len == f.body.len() as u64
                && e.hash == manifest::hash(&f.body)
                && std::fs::symlink_metadata(out_dir.join(&f.path)).is_ok_and(|m| {
                    m.is_file() && m.len() == e.len && manifest::mtime(&m) == e.mtime
                })
        })
}

/// Deletes a folder trame made (a replaced site), its files on both cores.
fn remove_tree(dir: &Path) -> Result<(), OutputError> {
    remove_tree_with(dir, true)
}

/// Deletes a folder trame made; `parallel`: on rayon's threads (never from a thread of its own
/// while a build runs: it would hold the threads the build waits for).
fn remove_tree_with(dir: &Path, parallel: bool) -> Result<(), OutputError> {
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if e.file_type().is_dir() {
            dirs.push(e.into_path());
        } else {
            files.push(e.into_path());
        }
    }
    if parallel {
        files.par_iter().for_each(|f| {
            let _ = std::fs::remove_file(f);
        });
    } else {
        for f in &files {
            let _ = std::fs::remove_file(f);
        }
    }
    // Deepest first; what is left (a file being written by someone else) stops nothing.
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for d in &dirs {
        let _ = std::fs::remove_dir(d);
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(io(dir))?;
    }
    Ok(())
}

/// Writes `files` as the whole site in `out_dir` (see the module's documentation).
pub fn site(
    root: &Path,
    out_dir: &Path,
    files: &[&OutFile],
    options: SiteOptions,
) -> Result<WriteReport, OutputError> {
    for f in files {
        if !crate::routes::is_safe(&f.path) {
            return Err(OutputError::UnsafePath(f.path.clone()));
        }
    }
    let stage = stage(root, out_dir)?;
    recover(out_dir, &stage)?;
    let exists = out_dir.is_dir();
    let old = if exists {
        Manifest::read(out_dir).unwrap_or_default()
    } else {
        Manifest::new()
    };
    let generated: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    // Folders the new site needs (every parent of a generated file).
    let mut dirs: BTreeSet<&str> = BTreeSet::new();
    for f in files {
        let mut p = f.path.as_str();
        while let Some((parent, _)) = p.rsplit_once('/') {
            if !dirs.insert(parent) {
                break;
            }
            p = parent;
        }
    }
    // Every file as it was written and none more: no user file can be in the way either.
    if exists && up_to_date(out_dir, files, &old) {
        return Ok(WriteReport {
            written: 0,
            unchanged: files.len(),
            removed: 0,
        });
    }
    let users = if exists {
        user_files(out_dir, &old)
    } else {
        Vec::new()
    };
    let in_the_way: Vec<String> = users
        .iter()
        .filter(|(p, is_dir)| {
            !*is_dir && (generated.contains(p.as_str()) || dirs.contains(p.as_str()))
        })
        .map(|(p, _)| p.clone())
        .collect();
    if !in_the_way.is_empty() && !options.overwrite {
        let mut shown = in_the_way.clone();
        shown.truncate(10);
        return Err(OutputError::WouldOverwrite {
            dir: out_dir.to_path_buf(),
            files: shown,
        });
    }

    let removed = old
        .files
        .keys()
        .filter(|p| !generated.contains(p.as_str()))
        .count();
    let next = &stage.next;
    std::fs::create_dir_all(next).map_err(io(next))?;
    // The flush protects a previous site from a power cut; a first site has none to protect
    // (the worst is a site with files the next build writes again: their lengths and times do
    // not match the manifest), and is spared the wait.
    let sync = options.sync && exists && !old.files.is_empty();
    let result = build_tree(Tree {
        out_dir,
        next,
        files,
        dirs: &dirs,
        old: &old,
        exists,
        users: &users,
        in_the_way: &in_the_way,
        sync,
    });
    let (report, new, flush) = match result {
        Ok(r) => r,
        Err(e) => {
            let _ = std::fs::remove_dir_all(next);
            return Err(e);
        }
    };
    let manifest_path = next.join(manifest::NAME);
    std::fs::write(&manifest_path, new.to_json()).map_err(io(&manifest_path))?;
    if flush {
        sync_tree(next)?;
    } else if sync && let Ok(m) = std::fs::File::open(&manifest_path) {
        m.sync_data().map_err(io(&manifest_path))?;
    }
    switch(out_dir, &stage, exists)?;
    if sync
        && let Some(parent) = out_dir.parent()
        && let Ok(d) = std::fs::File::open(parent)
    {
        let _ = d.sync_all();
    }
    Ok(WriteReport { removed, ..report })
}

/// Makes the new site in `next`: generated files (linked from the old site when unchanged),
/// then the user's files.
/// Up to this many new files, each is flushed to the disk as it is written; beyond, one flush
/// of the file system is cheaper (it also waits for whatever else is waiting to be written).
const SYNC_EACH: usize = 2000;

/// What a new site is made from.
struct Tree<'a> {
    out_dir: &'a Path,
    next: &'a Path,
    files: &'a [&'a OutFile],
    dirs: &'a BTreeSet<&'a str>,
    old: &'a Manifest,
    exists: bool,
    users: &'a [(String, bool)],
    in_the_way: &'a [String],
    sync: bool,
}

/// Makes the new site in `next`. Returns what it did, the new manifest, and whether the files
/// still need flushing to the disk.
fn build_tree(t: Tree<'_>) -> Result<(WriteReport, Manifest, bool), OutputError> {
    let Tree {
        out_dir,
        next,
        files,
        dirs,
        old,
        exists,
        users,
        in_the_way,
        sync,
    } = t;
    // Folders level by level, each level on both cores (parents exist before children).
    let mut levels: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for d in dirs {
        levels.entry(d.matches('/').count()).or_default().push(d);
    }
    for level in levels.values() {
        level.par_iter().try_for_each(|d| {
            let p = next.join(d);
            std::fs::create_dir(&p).map_err(io(&p))
        })?;
    }
    // First which files can be links to the old site's (same bytes, untouched since)...
    let plans: Vec<(u64, u128, Option<manifest::Entry>)> = files
        .par_iter()
        .map(|f| {
            let len = f.body.len() as u64;
            let hash = manifest::hash(&f.body);
            let reuse = old
                .files
                .get(&f.path)
                .filter(|e| exists && e.len == len && e.hash == hash)
                .filter(|e| {
                    std::fs::symlink_metadata(out_dir.join(&f.path)).is_ok_and(|m| {
                        m.is_file() && m.len() == len && manifest::mtime(&m) == e.mtime
                    })
                })
                .copied();
            (len, hash, reuse)
        })
        .collect();
    // ... then link those and write the others. Few new files are flushed one by one as they
    // are written; many, by one flush of the file system at the end (`SYNC_EACH`).
    let to_write = plans.iter().filter(|p| p.2.is_none()).count();
    let each = sync && to_write <= SYNC_EACH;
    let made: Vec<(String, manifest::Entry, bool)> = files
        .par_iter()
        .zip(plans)
        .map(|(f, (len, hash, reuse))| {
            let target = next.join(&f.path);
            if let Some(e) = reuse
                && std::fs::hard_link(out_dir.join(&f.path), &target).is_ok()
            {
                return Ok((f.path.clone(), e, false));
            }
            let file = f.body.write_to(&target).map_err(io(&target))?;
            if each {
                file.sync_data().map_err(io(&target))?;
            }
            let mtime = file
                .metadata()
                .map(|m| manifest::mtime(&m))
                .map_err(io(&target))?;
            Ok((f.path.clone(), manifest::Entry { len, hash, mtime }, true))
        })
        .collect::<Result<_, OutputError>>()?;
    let mut report = WriteReport::default();
    let mut files_of_new: BTreeMap<String, manifest::Entry> = BTreeMap::new();
    for (path, entry, written) in made {
        if written {
            report.written += 1;
        } else {
            report.unchanged += 1;
        }
        files_of_new.insert(path, entry);
    }
    // The user's own files and folders, kept (but those a generated file replaces). Folders
    // of the previous site are not carried: they come back if a file needs them.
    let old_dirs: BTreeSet<&str> = old
        .files
        .keys()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .collect();
    for (rel, is_dir) in users {
        let to = next.join(rel);
        if *is_dir {
            if !old_dirs.contains(rel.as_str()) && !to.exists() {
                std::fs::create_dir_all(&to).map_err(io(&to))?;
            }
            continue;
        }
        if in_the_way.contains(rel) || to.exists() {
            continue;
        }
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        let from = out_dir.join(rel);
        if std::fs::hard_link(&from, &to).is_err() {
            std::fs::copy(&from, &to).map_err(io(&to))?;
        }
    }
    Ok((
        report,
        Manifest {
            trame: 1,
            files: files_of_new,
        },
        sync && !each,
    ))
}

/// Flushes the new site to the disk: one `syncfs` on Linux, each file elsewhere.
fn sync_tree(next: &Path) -> Result<(), OutputError> {
    #[cfg(target_os = "linux")]
    {
        let dir = std::fs::File::open(next).map_err(io(next))?;
        rustix::fs::syncfs(&dir).map_err(|e| io(next)(e.into()))
    }
    #[cfg(not(target_os = "linux"))]
    {
        for e in walkdir::WalkDir::new(next).into_iter().flatten() {
            if e.file_type().is_file()
                && let Ok(f) = std::fs::File::open(e.path())
            {
                let _ = f.sync_all();
            }
        }
        Ok(())
    }
}

/// Puts the new site in place of the old one, in one step where the system can.
fn switch(out_dir: &Path, stage: &Stage, exists: bool) -> Result<(), OutputError> {
    let next = &stage.next;
    if !exists {
        return std::fs::rename(next, out_dir).map_err(io(out_dir));
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, next, CWD, out_dir, RenameFlags::EXCHANGE) {
            Ok(()) => {
                // `next` now holds the old site.
                return discard(stage, next);
            }
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(io(out_dir)(e.into())),
        }
    }
    std::fs::rename(out_dir, &stage.old).map_err(io(&stage.old))?;
    std::fs::rename(next, out_dir).map_err(io(out_dir))?;
    discard(stage, &stage.old)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Body;

    fn f(path: &str, text: &str) -> OutFile {
        OutFile::at(path, Body::Whole(text.as_bytes().to_vec()))
    }

    fn write(
        root: &Path,
        out: &Path,
        files: &[OutFile],
        overwrite: bool,
    ) -> Result<WriteReport, OutputError> {
        let refs: Vec<&OutFile> = files.iter().collect();
        site(
            root,
            out,
            &refs,
            SiteOptions {
                overwrite,
                sync: false,
            },
        )
    }

    #[test]
    fn builds_links_unchanged_files_and_keeps_the_users() -> Result<(), Box<dyn std::error::Error>>
    {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        let out = root.join("output");
        let r = write(root, &out, &[f("a/x.txt", "1"), f("b.txt", "2")], false)?;
        assert_eq!((r.written, r.unchanged, r.removed), (2, 0, 0));
        std::fs::write(out.join("CNAME"), "mine")?;
        std::fs::create_dir_all(out.join("extra"))?;
        std::fs::write(out.join("extra/keep.txt"), "keep")?;
        let r = write(root, &out, &[f("a/x.txt", "1"), f("c.txt", "3")], false)?;
        assert_eq!((r.written, r.unchanged, r.removed), (1, 1, 1));
        assert!(!out.join("b.txt").exists());
        assert_eq!(std::fs::read_to_string(out.join("a/x.txt"))?, "1");
        assert_eq!(std::fs::read_to_string(out.join("CNAME"))?, "mine");
        assert_eq!(std::fs::read_to_string(out.join("extra/keep.txt"))?, "keep");
        assert!(!root.join(".trame/site-next").exists());
        // A generated file changed by hand (same length) is written again.
        std::fs::write(out.join("a/x.txt"), "9")?;
        let r = write(root, &out, &[f("a/x.txt", "1"), f("c.txt", "3")], false)?;
        assert_eq!((r.written, r.unchanged), (1, 1));
        assert_eq!(std::fs::read_to_string(out.join("a/x.txt"))?, "1");
        Ok(())
    }

    #[test]
    fn refuses_to_replace_a_users_file_unless_forced() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        let out = root.join("site");
        std::fs::create_dir_all(out.join("static"))?;
        std::fs::write(out.join("index.html"), "my page")?;
        std::fs::write(out.join("static/style.css"), "my style")?;
        let files = [f("index.html", "trame"), f("static/style.css", "css")];
        match write(root, &out, &files, false) {
            Err(OutputError::WouldOverwrite { files, .. }) => {
                assert_eq!(files, ["index.html", "static/style.css"]);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(std::fs::read_to_string(out.join("index.html"))?, "my page");
        write(root, &out, &files, true)?;
        assert_eq!(std::fs::read_to_string(out.join("index.html"))?, "trame");
        Ok(())
    }

    #[test]
    fn a_stopped_build_is_cleaned_up_or_undone() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        let out = root.join("output");
        write(root, &out, &[f("a.txt", "1")], false)?;
        // Stopped while making the new site.
        std::fs::create_dir_all(root.join(".trame/site-next/posts"))?;
        std::fs::write(root.join(".trame/site-next/posts/half.html"), "")?;
        // Stopped between the two renames (systems without the exchange).
        std::fs::rename(&out, root.join(".trame/site-old"))?;
        let r = write(root, &out, &[f("a.txt", "1"), f("b.txt", "2")], false)?;
        assert_eq!((r.written, r.unchanged), (1, 1));
        assert!(!root.join(".trame/site-next").exists());
        assert!(!root.join(".trame/site-old").exists());
        assert_eq!(std::fs::read_to_string(out.join("a.txt"))?, "1");
        // What was thrown away is deleted by the next command's tidying, not by the build.
        assert!(std::fs::read_dir(root.join(".trame"))?.next().is_some());
        tidy(root).join().map_err(|_| "tidy panicked")?;
        assert!(std::fs::read_dir(root.join(".trame"))?.next().is_none());
        Ok(())
    }

    #[test]
    fn unsafe_paths_are_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let out = dir.path().join("output");
        for bad in ["../x", "/etc/x", ".trame-manifest", "a/../../x", ""] {
            assert!(matches!(
                write(dir.path(), &out, &[f(bad, "x")], false),
                Err(OutputError::UnsafePath(_))
            ));
        }
        assert!(!out.exists());
    }
}
