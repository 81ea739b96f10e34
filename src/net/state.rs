//! The caches of the network commands in `.trame/` (git-ignored, never published): the feeds'
//! validators and the items already written (`veille.json`), the link results (`links.json`).
//! A cache that cannot be read is started again: it only saves requests.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The caches' folder.
pub const FOLDER: &str = ".trame";

/// A cache larger than this is not read (a cache of 100,000 links is a few megabytes).
const MAX_BYTES: u64 = 64 * 1024 * 1024;

pub fn path(root: &Path, name: &str) -> PathBuf {
    root.join(FOLDER).join(name)
}

/// Reads a cache; a missing, unreadable, oversized or outdated one reads as empty.
pub fn read<T: DeserializeOwned + Default>(root: &Path, name: &str) -> T {
    let p = path(root, name);
    crate::base::fs::read_io(root, &p, MAX_BYTES)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Writes a cache whole (a temporary file renamed over it: an interrupted run leaves the old
/// one), and only if its bytes changed. Returns whether it wrote.
pub fn write<T: Serialize>(root: &Path, name: &str, value: &T) -> std::io::Result<bool> {
    let p = path(root, name);
    let mut bytes = serde_json::to_vec_pretty(value).map_err(std::io::Error::other)?;
    bytes.push(b'\n');
    if std::fs::read(&p).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    let dir = root.join(FOLDER);
    std::fs::create_dir_all(&dir)?;
    // A `.gitignore` inside the folder keeps it out of git even in a project that does not
    // ignore it (as Cargo does for target/).
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        std::fs::write(&ignore, "*\n")?;
    }
    crate::base::fs::write_atomic(&p, &bytes)?;
    Ok(true)
}
