//! Writing the output folder safely: everything is first written into a staging folder inside
//! it, then moved into place file by file; files whose bytes did not change are not touched,
//! and only files listed in trame's manifest (files it generated) are ever deleted.

use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

/// trame's own files in the output folder all start with this; no generated path does.
const OWN_PREFIX: &str = ".trame-";
const STAGING: &str = ".trame-staging";
const MANIFEST: &str = ".trame-manifest";
/// Staging folders holding the files a watch rebuild replaced, being deleted in the background.
const OLD: &str = ".trame-old-";

/// A generated file: a `/`-separated path inside the output folder, and its bytes.
#[derive(Debug, Clone)]
pub struct OutFile {
    pub path: String,
    pub body: Body,
}

impl OutFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> OutFile {
        OutFile {
            path: path.into(),
            body: Body::Whole(bytes.into()),
        }
    }

    pub fn pieces(path: impl Into<String>, pieces: Vec<Arc<str>>) -> OutFile {
        OutFile {
            path: path.into(),
            body: Body::Pieces(pieces),
        }
    }
}

/// Whether `slices`, one after the other, are `bytes`.
fn same_bytes<'a>(slices: impl Iterator<Item = &'a [u8]> + Clone, bytes: &[u8]) -> bool {
    if slices.clone().map(<[u8]>::len).sum::<usize>() != bytes.len() {
        return false;
    }
    let mut rest = bytes;
    slices.into_iter().all(|s| {
        let (head, tail) = rest.split_at(s.len());
        rest = tail;
        head == s
    })
}

/// A file's bytes: one buffer, or the pieces it is made of, in order. The feeds, the lists and
/// calendar.json are thousands of fragments kept between saves: they are hashed, compared and
/// written piece by piece rather than joined (tens of megabytes per save at 10,000 posts).
#[derive(Debug, Clone)]
pub enum Body {
    Whole(Vec<u8>),
    Pieces(Vec<Arc<str>>),
}

impl Body {
    fn slices(&self) -> impl Iterator<Item = &[u8]> + Clone {
        let (whole, pieces) = match self {
            Body::Whole(b) => (Some(b.as_slice()), &[][..]),
            Body::Pieces(p) => (None, p.as_slice()),
        };
        whole.into_iter().chain(pieces.iter().map(|p| p.as_bytes()))
    }

    pub fn len(&self) -> usize {
        self.slices().map(<[u8]>::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes in one buffer (tests, small files).
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len());
        for s in self.slices() {
            out.extend_from_slice(s);
        }
        out
    }

    fn same_as(&self, bytes: &[u8]) -> bool {
        same_bytes(self.slices(), bytes)
    }

    fn write_to(&self, path: &Path) -> std::io::Result<()> {
        use std::io::{IoSlice, Write};
        let mut file = std::fs::File::create(path)?;
        let mut slices: Vec<IoSlice<'_>> = self
            .slices()
            .filter(|s| !s.is_empty())
            .map(IoSlice::new)
            .collect();
        let mut rest = &mut slices[..];
        while !rest.is_empty() {
            match file.write_vectored(rest) {
                Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
                Ok(n) => IoSlice::advance_slices(&mut rest, n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

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
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A generated path must be relative and made of plain names only.
pub fn is_safe(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty()
        && !path.contains('\\')
        && !path.contains(':')
        && p.components().all(|c| matches!(c, Component::Normal(_)))
        && !path.starts_with(OWN_PREFIX)
}

/// Refuses an output folder that would hold the project (root, content, media…).
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), OutputError> {
    let abs = |p: &Path| {
        p.canonicalize()
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let root = abs(root);
    let out = abs(output);
    let protected = ["content", "media", "themes", ".git"];
    if root.starts_with(&out) || protected.iter().any(|p| out.starts_with(root.join(p))) {
        return Err(OutputError::OutputIsProject(out));
    }
    Ok(())
}

/// Writes `files` into `out_dir`, and removes what trame generated last time and does not
/// generate now. On error the previous output is left as it was. `written`: watch mode's
/// record of what it wrote, started again.
pub fn write(
    out_dir: &Path,
    files: &[OutFile],
    mut written: Option<&mut Written>,
) -> Result<WriteReport, OutputError> {
    if let Some(w) = written.as_deref_mut() {
        w.0.clear();
    }
    let mut report = place(out_dir, files, written)?;
    let new: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let old = read_manifest(out_dir);
    let stale: Vec<&str> = old
        .iter()
        .map(String::as_str)
        .filter(|p| !new.contains(p))
        .collect();
    report.removed = remove(out_dir, &stale);
    write_manifest(out_dir, new.into_iter())?;
    Ok(report)
}

/// What a watch session wrote, or found already on disk, by path. A page that re-renders to
/// the same bytes is then recognised without reading the file back.
#[derive(Debug, Default)]
pub struct Written(HashMap<String, Seen>);

/// What the session knows a file holds.
#[derive(Debug, Clone)]
enum Seen {
    /// A file written from one buffer: its length and hash.
    Hash { len: u64, hash: u128 },
    /// A file made of kept pieces: the pieces. Most are shared with the next render of the
    /// file, so comparing is mostly comparing pointers, and tens of megabytes are not hashed.
    Pieces(Vec<Arc<str>>),
}

impl Seen {
    fn of(body: &Body) -> Seen {
        match body {
            Body::Pieces(p) => Seen::Pieces(p.clone()),
            Body::Whole(b) => Seen::Hash {
                len: b.len() as u64,
                hash: xxhash_rust::xxh3::xxh3_128(b),
            },
        }
    }

    fn len(&self) -> u64 {
        match self {
            Seen::Hash { len, .. } => *len,
            Seen::Pieces(p) => p.iter().map(|s| s.len() as u64).sum(),
        }
    }

    /// Whether `body` holds these bytes (`false` only means "write it").
    fn matches(&self, body: &Body) -> bool {
        match (self, body) {
            (Seen::Pieces(old), Body::Pieces(new)) => {
                old.len() == new.len()
                    && old
                        .iter()
                        .zip(new)
                        .all(|(a, b)| Arc::ptr_eq(a, b) || a == b)
            }
            (Seen::Pieces(old), Body::Whole(new)) => {
                same_bytes(old.iter().map(|p| p.as_bytes()), new)
            }
            (Seen::Hash { len, hash }, Body::Whole(b)) => {
                b.len() as u64 == *len && xxhash_rust::xxh3::xxh3_128(b) == *hash
            }
            (Seen::Hash { len, hash }, body @ Body::Pieces(_)) => {
                let mut h = xxhash_rust::xxh3::Xxh3Default::new();
                body.slices().for_each(|s| h.update(s));
                body.len() as u64 == *len && h.digest128() == *hash
            }
        }
    }
}

/// Watch mode: writes the re-rendered `files`, removes `gone` (only paths the manifest lists)
/// and, when the set of generated files changed, records `all` as the new manifest.
/// `written` is what the session wrote so far; it is updated.
pub fn write_changes(
    out_dir: &Path,
    files: &[OutFile],
    gone: &BTreeSet<String>,
    all: Option<&BTreeSet<String>>,
    written: &mut Written,
) -> Result<WriteReport, OutputError> {
    let placed = place(out_dir, files, Some(written));
    let mut report = match placed {
        Ok(r) => r,
        Err(e) => {
            // Some files may have been moved into place: trust the disk again.
            written.0.clear();
            return Err(e);
        }
    };
    if !gone.is_empty() {
        let old = read_manifest(out_dir);
        let stale: Vec<&str> = gone
            .iter()
            .map(String::as_str)
            .filter(|p| old.contains(*p) && all.is_none_or(|a| !a.contains(*p)))
            .collect();
        for p in &stale {
            written.0.remove(*p);
        }
        report.removed = remove(out_dir, &stale);
    }
    if let Some(all) = all {
        write_manifest(out_dir, all.iter().map(String::as_str))?;
    }
    discard_staging(out_dir);
    Ok(report)
}

/// Deletes the staging folder, which now holds the files the rebuild replaced, on a thread of
/// its own: freeing ~60 MB of pages takes ~8 ms that a writer waiting for the preview should
/// not wait for. It is renamed first, so the next rebuild can stage at once; a folder left
/// behind by a stopped session is deleted by the next write.
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

/// The paths of the files trame generated last time.
fn read_manifest(out_dir: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(out_dir.join(MANIFEST))
        .unwrap_or_default()
        .lines()
        .filter(|p| is_safe(p))
        .map(str::to_string)
        .collect()
}

fn write_manifest<'a>(
    out_dir: &Path,
    paths: impl Iterator<Item = &'a str>,
) -> Result<(), OutputError> {
    let listing: String = paths.map(|p| format!("{p}\n")).collect();
    let staging = out_dir.join(STAGING);
    std::fs::create_dir_all(&staging).map_err(io(&staging))?;
    let tmp = staging.join(MANIFEST);
    let manifest = out_dir.join(MANIFEST);
    std::fs::write(&tmp, listing).map_err(io(&tmp))?;
    std::fs::rename(&tmp, &manifest).map_err(io(&manifest))?;
    std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
    Ok(())
}

fn remove(out_dir: &Path, paths: &[&str]) -> usize {
    let mut removed = 0;
    for path in paths {
        let target = out_dir.join(path);
        if target.is_file() && std::fs::remove_file(&target).is_ok() {
            removed += 1;
            remove_empty_parents(out_dir, &target);
        }
    }
    removed
}

/// Writes the files whose bytes changed into the staging folder, then moves them into place.
/// With `written` (watch mode), a file is compared with what the session wrote last instead of
/// being read back, and what is written is recorded.
fn place(
    out_dir: &Path,
    files: &[OutFile],
    mut written: Option<&mut Written>,
) -> Result<WriteReport, OutputError> {
    for f in files {
        if !is_safe(&f.path) {
            return Err(OutputError::UnsafePath(f.path.clone()));
        }
    }
    std::fs::create_dir_all(out_dir).map_err(io(out_dir))?;
    let staging = out_dir.join(STAGING);
    if staging.exists() {
        // A leftover of an interrupted build: only ever holds files trame wrote.
        std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
    }
    remove_old_staging(out_dir);
    std::fs::create_dir_all(&staging).map_err(io(&staging))?;

    let known = written.as_deref();
    let staged: Result<Vec<(bool, Option<Seen>)>, OutputError> = files
        .par_iter()
        .map(|f| {
            let target = out_dir.join(&f.path);
            let seen = known.map(|_| Seen::of(&f.body));
            let unchanged = match known.and_then(|k| k.0.get(&f.path)) {
                // Still the file the session wrote (a cheap look at its length: it may have been
                // deleted by hand since).
                Some(old) if old.matches(&f.body) => {
                    std::fs::metadata(&target).is_ok_and(|m| m.is_file() && m.len() == old.len())
                }
                Some(_) => false,
                None => std::fs::read(&target).is_ok_and(|old| f.body.same_as(&old)),
            };
            if unchanged {
                return Ok((false, seen));
            }
            let tmp = staging.join(&f.path);
            if let Some(parent) = tmp.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            f.body.write_to(&tmp).map_err(io(&tmp))?;
            Ok((true, seen))
        })
        .collect();
    let staged = match staged {
        Ok(s) => s,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    let mut report = WriteReport::default();
    for (f, (changed, seen)) in files.iter().zip(staged) {
        if changed {
            let target = out_dir.join(&f.path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            if target.is_dir() {
                // A folder where a generated file goes was generated too (or is in the way).
                return Err(OutputError::Io {
                    path: target,
                    source: std::io::Error::other("a folder is in the way"),
                });
            }
            replace(&staging.join(&f.path), &target).map_err(io(&target))?;
            report.written += 1;
        } else {
            report.unchanged += 1;
        }
        if let (Some(w), Some(seen)) = (written.as_deref_mut(), seen) {
            w.0.insert(f.path.clone(), seen);
        }
    }
    Ok(report)
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

/// Moves `from` to `to`, atomically. On Linux an existing `to` is exchanged with `from` (which
/// then holds the old file, removed with the staging folder): ext4 flushes a file renamed over
/// another to the disk before the rename returns, which cost watch mode ~40 ms per save on
/// large feeds. A plain rename is the fallback (file systems without the exchange).
fn replace(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, from, CWD, to, RenameFlags::EXCHANGE).is_ok() {
            return Ok(());
        }
    }
    std::fs::rename(from, to)
}

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
    fn unsafe_paths() {
        assert!(is_safe("posts/a/x.txt"));
        assert!(!is_safe("../x"));
        assert!(!is_safe("/etc/x"));
        assert!(!is_safe("posts/../../x"));
        assert!(!is_safe(".trame-staging/x"));
        assert!(!is_safe(""));
    }

    #[test]
    fn writes_skips_unchanged_and_removes_only_its_own_files()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("output");
        std::fs::create_dir_all(&out)?;
        std::fs::write(out.join("CNAME"), "mine")?;
        let r = write(
            &out,
            &[OutFile::new("a/x.txt", "1"), OutFile::new("b.txt", "2")],
            None,
        )?;
        assert_eq!((r.written, r.unchanged, r.removed), (2, 0, 0));
        let r = write(&out, &[OutFile::new("a/x.txt", "1")], None)?;
        assert_eq!((r.written, r.unchanged, r.removed), (0, 1, 1));
        assert!(!out.join("b.txt").exists());
        assert_eq!(std::fs::read_to_string(out.join("CNAME"))?, "mine");
        assert!(!out.join(STAGING).exists());
        Ok(())
    }

    #[test]
    fn changes_remove_only_generated_files() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("output");
        write(
            &out,
            &[OutFile::new("a.txt", "1"), OutFile::new("b/c.txt", "2")],
            None,
        )?;
        std::fs::write(out.join("mine.txt"), "mine")?;
        let gone: BTreeSet<String> = ["b/c.txt".to_string(), "mine.txt".to_string()].into();
        let all: BTreeSet<String> = ["a.txt".to_string()].into();
        let mut written = Written::default();
        let r = write_changes(
            &out,
            &[OutFile::new("a.txt", "3")],
            &gone,
            Some(&all),
            &mut written,
        )?;
        assert_eq!((r.written, r.removed), (1, 1));
        assert!(!out.join("b").exists());
        assert_eq!(std::fs::read_to_string(out.join("mine.txt"))?, "mine");
        assert_eq!(std::fs::read_to_string(out.join(MANIFEST))?, "a.txt\n");
        assert!(!out.join(STAGING).exists());
        Ok(())
    }

    #[test]
    fn a_session_compares_with_what_it_wrote() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("output");
        let mut written = Written::default();
        let none = BTreeSet::new();
        let files = [OutFile::new("a.txt", "1"), OutFile::new("b/c.txt", "2")];
        let r = write(&out, &files, Some(&mut written))?;
        assert_eq!((r.written, r.unchanged), (2, 0));
        // Same bytes: nothing written. New bytes of the same length: written.
        let r = write_changes(&out, &files, &none, None, &mut written)?;
        assert_eq!((r.written, r.unchanged), (0, 2));
        let r = write_changes(
            &out,
            &[OutFile::new("a.txt", "3")],
            &none,
            None,
            &mut written,
        )?;
        assert_eq!(r.written, 1);
        assert_eq!(std::fs::read_to_string(out.join("a.txt"))?, "3");
        // A file deleted by hand is written again even though its bytes did not change.
        std::fs::remove_file(out.join("b/c.txt"))?;
        let r = write_changes(&out, &files[1..], &none, None, &mut written)?;
        assert_eq!(r.written, 1);
        assert_eq!(std::fs::read_to_string(out.join("b/c.txt"))?, "2");
        assert!(!out.join(STAGING).exists());
        Ok(())
    }

    #[test]
    fn pieces_are_compared_and_written_as_one_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("output");
        // More pieces than one writev call takes (1024 on Linux).
        let pieces: Vec<Arc<str>> = (0..3000).map(|i| format!("{i},").into()).collect();
        let whole: String = pieces.iter().map(|p| p.as_ref()).collect();
        let r = write(&out, &[OutFile::pieces("a.txt", pieces.clone())], None)?;
        assert_eq!(r.written, 1);
        assert_eq!(std::fs::read_to_string(out.join("a.txt"))?, whole);
        // The same bytes in one buffer are the same file; and the other way round.
        let r = write(&out, &[OutFile::new("a.txt", whole.clone())], None)?;
        assert_eq!(r.unchanged, 1);
        let mut written = Written::default();
        write(&out, &[OutFile::new("a.txt", whole)], Some(&mut written))?;
        let none = BTreeSet::new();
        let r = write_changes(
            &out,
            &[OutFile::pieces("a.txt", pieces)],
            &none,
            None,
            &mut written,
        )?;
        assert_eq!(r.unchanged, 1);
        Ok(())
    }

    #[test]
    fn old_staging_folders_are_deleted() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("output");
        // Left by a session that was stopped before its thread deleted it.
        let left = out.join(".trame-old-4294967295-0");
        std::fs::create_dir_all(&left)?;
        std::fs::write(left.join("calendar.json"), "{}")?;
        let mut written = Written::default();
        write(&out, &[OutFile::new("a.txt", "1")], Some(&mut written))?;
        assert!(!left.exists());
        let none = BTreeSet::new();
        write_changes(
            &out,
            &[OutFile::new("a.txt", "2")],
            &none,
            None,
            &mut written,
        )?;
        // This write's own replaced files go in the background.
        let end = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while std::fs::read_dir(&out)?
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(OLD))
        {
            assert!(std::time::Instant::now() < end, "old files not deleted");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(!is_safe(".trame-old-1-1/a.txt"));
        Ok(())
    }

    #[test]
    fn output_cannot_be_the_project() {
        let dir = std::env::temp_dir();
        assert!(check_output_dir(&dir, &dir).is_err());
        assert!(check_output_dir(&dir, &dir.join("content/x")).is_err());
        assert!(check_output_dir(&dir, &dir.join("output")).is_ok());
    }
}
