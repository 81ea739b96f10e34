//! The editorial charter, end to end: `tests/fixtures/charter` has a charter with every rule
//! type and one French post per rule (plus posts on which nothing must fire).

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/charter")
}

fn check(root: &Path) -> (Value, i32, String) {
    let out = Command::cargo_bin("trame")
        .unwrap_or_else(|e| panic!("{e}"))
        .env("NO_COLOR", "1")
        .args([
            "check",
            "--format",
            "json",
            "--today",
            "2026-11-24",
            "--root",
        ])
        .arg(root)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        json,
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn has_french_dictionary() -> bool {
    let found = [
        "/usr/share/hunspell/fr_FR.dic",
        "/usr/share/myspell/dicts/fr_FR.dic",
    ]
    .iter()
    .any(|p| Path::new(p).is_file());
    // CI installs the dictionaries (.ci/run): there, a missing one is a failure, not a skip.
    assert!(
        found || std::env::var("CI").is_err(),
        "CI must install hunspell-fr"
    );
    found
}

#[test]
fn every_rule_type_fires_at_its_source_position() {
    let (json, code, stderr) = check(&fixture());
    assert_eq!(code, 1, "{stderr}");
    let diags = json["diagnostics"].as_array().cloned().unwrap_or_default();
    let at = |code: &str, file: &str, line: u64, col: u64| {
        diags.iter().any(|d| {
            d["code"] == code
                && d["file"].as_str().is_some_and(|f| f.ends_with(file))
                && d["line"] == line
                && d["column"] == col
        })
    };
    let mut expected = vec![
        ("charter/vocabulaire", "vocabulaire.md", 6, 21),
        ("charter/vocabulaire", "vocabulaire.md", 6, 37),
        ("charter/courriel", "courriel.md", 5, 18),
        ("charter/marque", "marque.md", 5, 10),
        // In the `::: x` section, not in the shared text.
        ("charter/vouvoiement", "tutoiement.md", 8, 8),
        ("charter/emojis", "emojis.md", 6, 45),
        ("charter/exclamations", "exclamations.md", 5, 17),
        ("charter/majuscules", "majuscules.md", 5, 26),
        // Hashtags come from the front matter: the positions are there.
        ("charter/hashtags", "hashtags.md", 6, 11),
        ("charter/hashtags", "hashtags.md", 6, 12),
        ("charter/hashtags", "hashtags.md", 6, 29),
        ("charter/typo", "typo.md", 5, 1),
        ("charter/typo", "typo.md", 5, 11),
        ("charter/typo", "typo.md", 5, 18),
        ("charter/typo", "typo.md", 5, 24),
        ("charter/liens", "liens.md", 5, 12),
        ("charter/liens", "liens.md", 5, 38),
        ("charter/horaires", "horaires.md", 4, 7),
        ("charter/alt", "alt.md", 5, 36),
        ("charter/alt", "alt.md", 6, 36),
    ];
    if has_french_dictionary() {
        expected.push(("charter/orthographe", "orthographe.md", 5, 5));
    }
    for (code, file, line, col) in &expected {
        assert!(
            at(code, file, *line, *col),
            "expected {code} at {file}:{line}:{col}\n{json:#}"
        );
    }
    // `rules: { charter/emojis: error }` overrides the charter's severity.
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "charter/emojis" && d["severity"] == "error")
    );
    // The x section's problem names its network; shared-text problems are reported once.
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "charter/vouvoiement" && d["network"] == "x")
    );
    // Nothing fires on the clean post, on quoted speech, on the silenced line.
    for quiet in ["propre.md", "citation.md", "ignore.md"] {
        let found: Vec<_> = diags
            .iter()
            .filter(|d| d["file"].as_str().is_some_and(|f| f.ends_with(quiet)))
            .collect();
        assert!(found.is_empty(), "{quiet}: {found:#?}");
    }
    // Spelling: only the misspelled word, not the hashtag, the URL, the number, the names.
    let spelling: Vec<_> = diags
        .iter()
        .filter(|d| d["code"] == "charter/orthographe")
        .collect();
    assert!(spelling.len() <= 1, "{spelling:#?}");
    for d in &diags {
        assert!(
            d["help"].as_str().is_some_and(|h| !h.is_empty()),
            "every charter diagnostic says how to fix it: {d}"
        );
    }
}

#[test]
fn human_output_points_into_the_source() {
    let out = Command::cargo_bin("trame")
        .unwrap_or_else(|e| panic!("{e}"))
        .env("NO_COLOR", "1")
        .args(["check", "--today", "2026-11-24", "--root"])
        .arg(fixture())
        .arg(fixture().join("content/posts/typo.md"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("avertissement[charter/typo]: pas d’espace avant `?`"),
        "{text}"
    );
    assert!(text.contains("content/posts/typo.md:5:11"), "{text}");
    assert!(
        text.contains("aide: ajoutez une espace fine insécable avant `?`"),
        "{text}"
    );
}

fn with_charter(charter: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("trame.yaml"),
        "title: T\ncharter: charter.yaml\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("charter.yaml"), charter).unwrap_or_else(|e| panic!("{e}"));
    dir
}

#[test]
fn a_broken_charter_is_a_config_error() {
    let dir = with_charter(
        "rules:\n  - { id: a, type: forbiden, terms: [x] }\n  - { id: b, type: emoji, maxi: 2 }\n",
    );
    let (_, code, stderr) = check(dir.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("erreur[config/invalid]: type de règle inconnu, `forbiden`"),
        "{stderr}"
    );
    assert!(stderr.contains("charter.yaml:2:20"), "{stderr}");
    assert!(
        stderr.contains("vouliez-vous dire `forbidden`\u{202f}?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("clé inconnue `maxi`")
            && stderr.contains("vouliez-vous dire `max`\u{202f}?"),
        "{stderr}"
    );

    let dir = with_charter("rules: [\n");
    let (_, code, stderr) = check(dir.path());
    assert_eq!(code, 2);
    assert!(stderr.contains("erreur[config/syntax]"), "{stderr}");

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("trame.yaml"),
        "title: T\ncharter: nulle-part.yaml\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (_, code, stderr) = check(dir.path());
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "impossible de lire la charte nulle-part.yaml\u{a0}: le fichier n’existe pas"
        ) && stderr.contains("trame.yaml:2:10"),
        "{stderr}"
    );
}

#[test]
fn a_missing_dictionary_is_a_warning_not_a_failure() {
    let dir = with_charter("rules:\n  - { id: o, type: spelling, dictionary: xx_XX }\n");
    let (json, code, stderr) = check(dir.path());
    assert_eq!(code, 0, "{stderr}");
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "charter/o");
    assert!(
        d["message"]
            .as_str()
            .unwrap_or_default()
            .contains("aucun dictionnaire Hunspell `xx_XX`")
    );
    assert!(
        d["help"]
            .as_str()
            .unwrap_or_default()
            .contains("apt-get install hunspell-fr")
    );
}
