//! Reading the files of a project. Files come from anyone who can open a pull request: only
//! regular files are read (a FIFO would block forever), never through a symlink that leads out
//! of the project, and never more than a cap.

use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the file does not exist")]
    NotFound,
    #[error("this is a folder, not a file")]
    Folder,
    #[error("this is not a regular file (a device, a pipe or a socket)")]
    Special,
    #[error("the file is a link to a file outside the project")]
    Outside,
    #[error("the file is {size} bytes, more than the {cap} bytes trame reads")]
    TooLarge { size: u64, cap: u64 },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl ReadError {
    /// The reason in the user's language.
    pub fn reason(&self, lang: crate::base::l10n::Language) -> String {
        use crate::base::l10n::t;
        match self {
            ReadError::NotFound => t!(lang, "io-not-found"),
            ReadError::Folder => t!(lang, "io-folder"),
            ReadError::Special => t!(lang, "io-special"),
            ReadError::Outside => t!(lang, "file-outside"),
            ReadError::TooLarge { size, cap } => t!(lang, "io-too-large", size = *size, cap = *cap),
            ReadError::Io(e) => crate::base::l10n::io_reason(lang, e),
        }
    }
}

/// Reads `path` (inside the project `root`), at most `cap` bytes.
pub fn read(root: &Path, path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open(root, path)?;
    if meta.len() > cap {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            cap,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may grow between the look and the read: never take more than the cap.
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            cap,
        });
    }
    Ok(bytes)
}

/// [`read`], for callers that report an `io::Error` (a missing file keeps its kind).
pub fn read_io(root: &Path, path: &Path, cap: u64) -> std::io::Result<Vec<u8>> {
    read(root, path, cap).map_err(|e| match e {
        ReadError::NotFound => std::io::Error::from(std::io::ErrorKind::NotFound),
        ReadError::Io(e) => e,
        other => std::io::Error::other(other.to_string()),
    })
}

/// The most trame reads of a configuration file, a charter or a word list.
pub const MAX_CONFIG_BYTES: u64 = 4 * 1024 * 1024;

/// Opens `path` if trame may read it: once every link in it is resolved (a linked folder as
/// well as a linked file), it is still inside `root`, and it is a regular file. The file is
/// opened without following a link and without waiting (a pipe put there after the look would
/// otherwise block forever), then looked at again through the open handle.
pub fn open(root: &Path, path: &Path) -> Result<(std::fs::File, std::fs::Metadata), ReadError> {
    #[cfg(target_os = "linux")]
    if let Some(done) = open_beneath(root, path) {
        return done;
    }
    let real = path.canonicalize().map_err(not_found)?;
    let real_root = canonical_root(root)?;
    if !real.starts_with(&real_root) {
        return Err(ReadError::Outside);
    }
    let meta = std::fs::symlink_metadata(&real).map_err(not_found)?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::Special);
    }
    let file = open_no_wait(&real)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::Special);
    }
    Ok((file, meta))
}

/// The kernel resolves `path` beneath `root` in one call (openat2 with `RESOLVE_BENEATH`): no
/// link may lead out, a pipe does not block. `None` when the kernel cannot say (an absolute
/// link, which may still point inside; an old kernel; a sandbox): the caller checks the slow way.
#[cfg(target_os = "linux")]
fn open_beneath(
    root: &Path,
    path: &Path,
) -> Option<Result<(std::fs::File, std::fs::Metadata), ReadError>> {
    use rustix::fs::{Mode, OFlags, ResolveFlags};
    use rustix::io::Errno;
    let rel = path.strip_prefix(root).ok()?;
    if rel.as_os_str().is_empty() {
        return None;
    }
    let dir = rustix::fs::open(
        root,
        OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .ok()?;
    let opened = rustix::fs::openat2(
        &dir,
        rel,
        OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY,
        Mode::empty(),
        ResolveFlags::BENEATH | ResolveFlags::NO_MAGICLINKS,
    );
    let file = match opened {
        Ok(fd) => std::fs::File::from(fd),
        Err(Errno::NOENT | Errno::NOTDIR) => return Some(Err(ReadError::NotFound)),
        Err(_) => return None,
    };
    let meta = match file.metadata() {
        Ok(m) => m,
        Err(e) => return Some(Err(ReadError::Io(e))),
    };
    Some(if meta.is_dir() {
        Err(ReadError::Folder)
    } else if !meta.is_file() {
        Err(ReadError::Special)
    } else {
        Ok((file, meta))
    })
}

/// `root` with its links resolved, remembered: every file of a build asks for the same one.
fn canonical_root(root: &Path) -> std::io::Result<std::path::PathBuf> {
    use std::sync::Mutex;
    static LAST: Mutex<Option<(std::path::PathBuf, std::path::PathBuf)>> = Mutex::new(None);
    if let Ok(last) = LAST.lock()
        && let Some((asked, real)) = last.as_ref()
        && asked == root
    {
        return Ok(real.clone());
    }
    let real = root.canonicalize()?;
    if let Ok(mut last) = LAST.lock() {
        *last = Some((root.to_path_buf(), real.clone()));
    }
    Ok(real)
}

#[cfg(target_os = "linux")]
fn open_no_wait(path: &Path) -> std::io::Result<std::fs::File> {
    use rustix::fs::{Mode, OFlags};
    let fd = rustix::fs::open(
        path,
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    Ok(std::fs::File::from(fd))
}

#[cfg(not(target_os = "linux"))]
fn open_no_wait(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// The metadata of `path` if trame may read it (see [`open`]).
pub fn check(root: &Path, path: &Path) -> Result<std::fs::Metadata, ReadError> {
    open(root, path).map(|(_, meta)| meta)
}

fn not_found(e: std::io::Error) -> ReadError {
    if e.kind() == std::io::ErrorKind::NotFound {
        ReadError::NotFound
    } else {
        ReadError::Io(e)
    }
}

/// Writes `bytes` to `path` whole: a temporary file beside it, renamed over it, so that an
/// interrupted run leaves the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_under_a_cap() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        std::fs::write(root.join("a.md"), "hello")?;
        assert_eq!(read(root, &root.join("a.md"), 10)?, b"hello");
        assert!(matches!(
            read(root, &root.join("a.md"), 3),
            Err(ReadError::TooLarge { size: 5, cap: 3 })
        ));
        assert!(matches!(
            read(root, &root.join("none.md"), 10),
            Err(ReadError::NotFound)
        ));
        assert!(matches!(read(root, root, 10), Err(ReadError::Folder)));
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_project_and_pipes_are_refused() -> Result<(), Box<dyn std::error::Error>> {
        let outside = tempfile::tempdir()?;
        std::fs::write(outside.path().join("secret"), "s")?;
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        std::os::unix::fs::symlink(outside.path().join("secret"), root.join("a.md"))?;
        assert!(matches!(
            read(root, &root.join("a.md"), 10),
            Err(ReadError::Outside)
        ));
        std::fs::write(root.join("b.md"), "b")?;
        std::os::unix::fs::symlink(root.join("b.md"), root.join("c.md"))?;
        assert_eq!(read(root, &root.join("c.md"), 10)?, b"b");
        // A folder linked out of the project is outside it too.
        std::os::unix::fs::symlink(outside.path(), root.join("linked"))?;
        assert!(matches!(
            read(root, &root.join("linked/secret"), 10),
            Err(ReadError::Outside)
        ));
        let fifo = root.join("fifo.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(read(root, &fifo, 10), Err(ReadError::Special)));
        }
        Ok(())
    }
}
