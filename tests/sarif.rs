//! `trame check --format sarif`: a SARIF 2.1.0 log that the official schema accepts, with every
//! registered code as a rule and every problem of the JSON report as a result.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use serde_json::Value;

use common::{TODAY, copy_fixture, trame};

fn run(root: &std::path::Path, format: &str) -> (Value, i32) {
    let out = trame()
        .current_dir(root)
        .args(["check", "--today", TODAY, "--format", format])
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    (serde_json::from_slice(&out.stdout).unwrap(), code)
}

/// The OASIS schema (sarif-schema-2.1.0.json, from oasis-tcs/sarif-spec), kept in the tests.
fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/sarif/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    // The published schema's one pattern that is not a valid regular expression (an unbalanced
    // `]`, in `run.language` and `toolComponent.language`) is read as its description says: a
    // language tag like `fr` or `fr-FR`. Nothing else is changed.
    let mut schema = schema;
    for owner in ["run", "toolComponent"] {
        let language = &mut schema["definitions"][owner]["properties"]["language"]["pattern"];
        assert_eq!(language, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$");
        *language = Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
    }
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, sarif: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_sarif_log_validates_against_the_official_schema_and_matches_the_json_report() {
    let dir = copy_fixture("diagnostics");
    let (sarif, code) = run(dir.path(), "sarif");
    assert_eq!(
        code, 1,
        "the fixture has errors: same exit code as the other formats"
    );
    let validator = validator();
    assert_valid(&validator, &sarif);
    // A broken log is caught: the test can fail.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator.is_valid(&broken));

    let (json, _) = run(dir.path(), "json");
    let diags = json["diagnostics"].as_array().unwrap();
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), diags.len());
    assert!(!results.is_empty());
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "network/length"
        && r["defaultConfiguration"]["level"] == "error"
        && !r["shortDescription"]["text"].as_str().unwrap().is_empty()));
    for (r, d) in results.iter().zip(diags) {
        assert_eq!(r["ruleId"], d["code"]);
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], d["code"], "ruleIndex points at its rule");
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], d["line"]);
        assert_eq!(region["startColumn"], d["column"]);
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            d["file"]
        );
        let level = match d["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "note",
        };
        assert_eq!(r["level"], level);
    }
}

#[test]
fn charter_rules_and_safe_fixes_are_in_the_log() {
    let config = "title: T\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\ncharter: charter.yaml\n";
    let post = "---\ntitle: \"Essai\"\nnetworks: [linkedin]\ndate: 2026-12-03\n---\nBonjour ! Venez nombreux.\n";
    let dir = common::project_with(config, &[("essai.md", post)]);
    std::fs::write(
        dir.path().join("charter.yaml"),
        "rules:\n  - { id: typo, type: typography }\n",
    )
    .unwrap();
    let (sarif, _) = run(dir.path(), "sarif");
    assert_valid(&validator(), &sarif);
    let run = &sarif["runs"][0];
    let result = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "charter/typo")
        .unwrap_or_else(|| panic!("{sarif}"));
    let rule = &run["tool"]["driver"]["rules"][result["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "charter/typo");
    let change = &result["fixes"][0]["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "content/posts/essai.md");
    let replacement = &change["replacements"][0];
    assert_eq!(replacement["deletedRegion"]["startLine"], 6);
    assert_eq!(replacement["deletedRegion"]["startColumn"], 8);
    assert_eq!(replacement["insertedContent"]["text"], "\u{202f}");
}
