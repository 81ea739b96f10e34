//! `trame count --network x` against the official twitter-text v3 conformance suite.
//!
//! The suite is not copied into the project: the test reads it from
//! `$TRAME_TWITTER_CONFORMANCE`, or from `../shared/conformance/twitter-text/conformance/validate.yml`
//! beside the repository. `.ci/run` sets the variable, so in CI a missing file fails the test.

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

const SECTIONS: [&str; 2] = [
    "WeightedTweetsWithDiscountedEmojiCounterTest",
    "UnicodeDirectionalMarkerCounterTest",
];

fn suite_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TRAME_TWITTER_CONFORMANCE") {
        let p = PathBuf::from(p);
        assert!(
            p.is_file(),
            "TRAME_TWITTER_CONFORMANCE points to a missing file: {}",
            p.display()
        );
        return Some(p);
    }
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/conformance/twitter-text/conformance/validate.yml");
    beside.is_file().then_some(beside)
}

#[test]
fn x_count_agrees_with_twitter_text_v3() {
    let Some(path) = suite_path() else {
        eprintln!(
            "twitter-text conformance suite not found: set TRAME_TWITTER_CONFORMANCE to run this test"
        );
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let suite: serde_yaml::Value = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let mut checked = 0;
    let mut failures = Vec::new();
    for section in SECTIONS {
        let cases = suite["tests"][section]
            .as_sequence()
            .unwrap_or_else(|| panic!("section {section} missing from the suite"));
        for case in cases {
            let input = case["text"].as_str().unwrap_or_default();
            let expected_len = case["expected"]["weightedLength"].as_u64();
            let expected_valid = case["expected"]["valid"].as_bool();
            let out = Command::cargo_bin("trame")
                .unwrap_or_else(|e| panic!("{e}"))
                .args(["count", "--network", "x", "--format", "json", "--"])
                .arg(input)
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
            checked += 1;
            if json["length"].as_u64() != expected_len || json["valid"].as_bool() != expected_valid
            {
                failures.push(format!(
                    "{section}: {:?}: expected {expected_len:?}/{expected_valid:?}, got {}/{}",
                    case["description"].as_str().unwrap_or_default(),
                    json["length"],
                    json["valid"]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} cases disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= 24, "only {checked} cases read");
    eprintln!("{checked} conformance cases agree");
}
