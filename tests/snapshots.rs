//! Snapshots of what users read: `trame check` on the diagnostics fixture (human and JSON), and
//! of the clean fixture's site, `calendar.json`, one feed and one post page. A change to any of
//! them shows as a diff to review (`cargo insta review`, or the `.snap.new` files).

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{copy_fixture, fixture, trame};

const TODAY: &str = "2026-11-24";

fn check(format: &str) -> String {
    let out = trame()
        .args(["check", "--format", format, "--today", TODAY, "--root"])
        .arg(fixture("diagnostics"))
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn check_human() {
    insta::assert_snapshot!("check_human", check("human"));
}

#[test]
fn check_json() {
    insta::assert_snapshot!("check_json", check("json"));
}

#[test]
fn site_of_the_clean_fixture() {
    let dir = copy_fixture("clean");
    let status = trame()
        .args(["build", "--quiet", "--today", TODAY, "--root"])
        .arg(dir.path())
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    let out = dir.path().join("output");
    let read = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&read("calendar.json")).unwrap();
    insta::assert_snapshot!(
        "calendar_json",
        serde_json::to_string_pretty(&json).unwrap()
    );
    // Line endings shown as they are (RFC 5545 wants CRLF).
    insta::assert_snapshot!("calendar_ics", read("calendar.ics").replace("\r\n", "⏎\n"));
    insta::assert_snapshot!("post_page", read("posts/sortie/index.html"));
}
