//! X's counting against the official twitter-text conformance suite: `trame count --network
//! x` against validate.yml's v3 weighted lengths, and the URL finder that counting uses
//! against every URL case of extract.yml and every TLD of tlds.yml.
//!
//! The suite is not copied into the project: the test reads it from
//! `$TRAME_TWITTER_CONFORMANCE` (validate.yml; the other files beside it), or from
//! `../shared/conformance/twitter-text/conformance/` beside the repository. `.ci/run` sets the
//! variable, so in CI a missing file fails the test.

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;
use trame::load::networks::twitter_text::urls;

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

/// A file of the suite beside validate.yml, read as YAML; `None` when the suite is absent.
fn suite_file(name: &str) -> Option<serde_yaml::Value> {
    let path = suite_path()?.with_file_name(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// The URLs trame finds in `text`, with their indices in code points as the suite gives them.
fn found(text: &str) -> Vec<(String, [usize; 2])> {
    let index = |byte: usize| text[..byte].chars().count();
    urls::extract(text)
        .into_iter()
        .map(|f| {
            let at = [index(f.range.start), index(f.range.end)];
            (text[f.range].to_string(), at)
        })
        .collect()
}

#[test]
fn url_finding_agrees_with_twitter_text() {
    let Some(suite) = suite_file("extract.yml") else {
        eprintln!("twitter-text conformance suite not found");
        return;
    };
    let mut checked = 0;
    let mut failures = Vec::new();
    for section in [
        "urls",
        "urls_with_indices",
        "urls_with_directional_markers",
        "tco_urls_with_params",
    ] {
        let cases = suite["tests"][section]
            .as_sequence()
            .unwrap_or_else(|| panic!("section {section} missing from extract.yml"));
        for case in cases {
            let text = case["text"].as_str().unwrap_or_default();
            let got = found(text);
            let expected = case["expected"].as_sequence().cloned().unwrap_or_default();
            // `urls` lists strings; the `_with_indices` sections give each URL with its indices.
            let agrees = got.len() == expected.len()
                && got.iter().zip(&expected).all(|((url, at), e)| match e {
                    serde_yaml::Value::String(s) => s == url,
                    _ => {
                        e["url"].as_str() == Some(url.as_str())
                            && e["indices"].as_sequence().is_none_or(|i| {
                                i.iter().map(|n| n.as_u64()).collect::<Vec<_>>()
                                    == at.iter().map(|&n| Some(n as u64)).collect::<Vec<_>>()
                            })
                    }
                });
            checked += 1;
            if !agrees {
                failures.push(format!(
                    "{section}: {:?}: expected {expected:?}, got {got:?}",
                    case["description"].as_str().unwrap_or_default()
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
    assert!(checked >= 100, "only {checked} cases read");
    eprintln!("{checked} URL cases agree");
}

#[test]
fn every_tld_of_the_suite_is_a_link() {
    let Some(suite) = suite_file("tlds.yml") else {
        eprintln!("twitter-text conformance suite not found");
        return;
    };
    let mut checked = 0;
    let mut failures = Vec::new();
    for section in ["country", "generic"] {
        for case in suite["tests"][section]
            .as_sequence()
            .unwrap_or_else(|| panic!("section {section} missing from tlds.yml"))
        {
            let text = case["text"].as_str().unwrap_or_default();
            let expected: Vec<&str> = case["expected"]
                .as_sequence()
                .map(|s| s.iter().filter_map(|v| v.as_str()).collect())
                .unwrap_or_default();
            let got: Vec<String> = found(text).into_iter().map(|(url, _)| url).collect();
            checked += 1;
            if got != expected {
                failures.push(format!("{text:?}: expected {expected:?}, got {got:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} TLDs disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 1000, "only {checked} TLDs read");
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
