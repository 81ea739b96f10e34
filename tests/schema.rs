//! The JSON Schemas trame writes for editors accept the files trame reads (the demo's own),
//! and refuse the mistakes trame reports.

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use serde_json::Value;

fn schema(kind: &str) -> jsonschema::Validator {
    let out = common::trame()
        .args(["schema", kind, "--lang", "en"])
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    jsonschema::validator_for(&value).unwrap_or_else(|e| panic!("{kind}: {e}"))
}

/// A YAML text as JSON, the way yaml-language-server checks it.
fn json_of(yaml: &str) -> Value {
    let v: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
    serde_json::to_value(v).unwrap()
}

fn front_matter(text: &str) -> &str {
    let rest = text.strip_prefix("---\n").unwrap();
    &rest[..rest.find("\n---").unwrap()]
}

fn errors(v: &jsonschema::Validator, value: &Value) -> Vec<String> {
    v.iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn the_demo_files_match_their_schemas() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (kind, file) in [("trame", "trame.yaml"), ("charter", "charter.yaml")] {
        let text = std::fs::read_to_string(here.join(file)).unwrap();
        let e = errors(&schema(kind), &json_of(&text));
        assert!(e.is_empty(), "{file}: {e:?}");
    }
    let mut checked = 0;
    for (kind, folder) in [
        ("post", "posts"),
        ("entry", "calendar"),
        ("audit", "audits"),
        ("veille", "veille"),
    ] {
        let v = schema(kind);
        for entry in walkdir::WalkDir::new(here.join("content").join(folder))
            .into_iter()
            .flatten()
        {
            if entry.path().extension().is_none_or(|x| x != "md") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let e = errors(&v, &json_of(front_matter(&text)));
            assert!(e.is_empty(), "{}: {e:?}", entry.path().display());
            checked += 1;
        }
    }
    assert!(checked > 80, "{checked}");
}

#[test]
fn the_schemas_refuse_what_trame_reports() {
    let post = schema("post");
    for (yaml, why) in [
        (
            "title: T\nnetworks: [x]\nstatus: envoyé\n",
            "unknown status",
        ),
        ("title: T\nnetworks: [x]\nhastags: [a]\n", "unknown key"),
        (
            "title: T\nnetworks: [x]\ndate: 03/12/2026\n",
            "day-first date",
        ),
        (
            "title: T\nnetworks: [x]\nmedia: [{ alt: sans chemin }]\n",
            "media without a path",
        ),
        ("networks: [x]\n", "no title"),
    ] {
        assert!(!errors(&post, &json_of(yaml)).is_empty(), "{why}: {yaml}");
    }
    let trame = schema("trame");
    for (yaml, why) in [
        ("title: T\nlanguage: de\n", "unsupported language"),
        ("title: T\nlangage: fr\n", "unknown key"),
        (
            "title: T\ncadence: { linkedin: souvent }\n",
            "not a cadence",
        ),
        (
            "title: T\nnetworks: { x: { countin: bytes } }\n",
            "unknown network key",
        ),
        ("title: T\nfix_on_save: oui\n", "oui for true"),
    ] {
        assert!(!errors(&trame, &json_of(yaml)).is_empty(), "{why}: {yaml}");
    }
    let charter = schema("charter");
    for (yaml, why) in [
        (
            "rules:\n  - { id: a, type: forbiden, terms: [x] }\n",
            "unknown rule type",
        ),
        (
            "rules:\n  - { id: a, type: emoji, maxi: 2 }\n",
            "unknown option",
        ),
        ("rules:\n  - { type: emoji, max: 2 }\n", "no id"),
    ] {
        assert!(
            !errors(&charter, &json_of(yaml)).is_empty(),
            "{why}: {yaml}"
        );
    }
}

#[test]
fn init_writes_the_schemas_and_points_the_yaml_files_at_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::trame()
        .args(["init", "--language", "en"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    for (file, schema) in [("trame.yaml", "trame"), ("charter.yaml", "charter")] {
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        assert!(
            text.starts_with(&format!(
                "# yaml-language-server: $schema=schemas/{schema}.schema.json\n"
            )),
            "{text}"
        );
    }
    for kind in ["trame", "charter", "post", "entry", "audit"] {
        let text = std::fs::read_to_string(dir.path().join(format!("schemas/{kind}.schema.json")))
            .unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert!(v["title"].is_string(), "{kind}");
    }
    // Described in the project's language.
    let post: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("schemas/post.schema.json")).unwrap(),
    )
    .unwrap();
    assert!(
        post["properties"]["title"]["description"]
            .as_str()
            .is_some_and(|d| d.contains("internal title")),
        "{post}"
    );
}
