//! Helpers shared by the end-to-end tests (each test file uses some of them).
#![allow(dead_code)]
// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

/// Copies a fixture folder, so that tests never write into the repository.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        let rel = entry
            .path()
            .strip_prefix(from)
            .unwrap_or_else(|e| panic!("{e}"));
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap_or_else(|e| panic!("{e}"));
        } else {
            std::fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

/// A fixture project of `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A copy of a fixture in a temporary folder, so builds never write into the repository.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    copy_dir(&fixture(name), dir.path());
    dir
}

/// The `trame` binary, colours off.
pub fn trame() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("trame").unwrap_or_else(|e| panic!("{e}"));
    c.env("NO_COLOR", "1");
    c
}
