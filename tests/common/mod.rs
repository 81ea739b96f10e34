//! Helpers shared by the end-to-end tests (each test file uses some of them).
#![allow(dead_code)]
// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod http;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The day the tests run on, so that "past" and "future" never move.
pub const TODAY: &str = "2026-11-24";

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
    // Outside a project the messages follow the locale: none here, so French, trame's default.
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    c
}

/// A project with this trame.yaml and these posts.
pub fn project_with(
    config: &str,
    posts: &[(impl AsRef<str>, impl AsRef<str>)],
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("trame.yaml"), config).unwrap();
    std::fs::create_dir_all(root.join("media")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean/media/photo.jpg"),
        root.join("media/photo.jpg"),
    )
    .unwrap();
    for (path, text) in posts {
        let p = root.join("content/posts").join(path.as_ref());
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text.as_ref()).unwrap();
    }
    dir
}

/// `trame check --format json`: the report and the exit code.
pub fn check(root: &Path) -> (Value, i32) {
    let out = trame()
        .args(["check", "--format", "json", "--today", TODAY, "--root"])
        .arg(root)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    (json, out.status.code().unwrap_or(-1))
}

/// `trame build` into the project's `output/`.
pub fn build(root: &Path, force: bool) -> std::process::Output {
    let mut c = trame();
    c.args(["build", "--today", TODAY, "--root"]).arg(root);
    if force {
        c.arg("--force");
    }
    c.output().unwrap()
}

/// The diagnostics of one code.
pub fn with_code<'a>(json: &'a Value, code: &str) -> Vec<&'a Value> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

/// A file of the built site, empty when it is missing.
pub fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join("output").join(rel)).unwrap_or_default()
}
