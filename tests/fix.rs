//! `trame fix`: the corrections that are certain, written span by span, everything else kept
//! byte for byte.

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use common::{copy_dir, fixture, trame, with_code};

/// The demo project (this repository), without its output.
fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for f in ["trame.yaml", "charter.yaml", "words.txt"] {
        std::fs::copy(here.join(f), dir.path().join(f)).unwrap();
    }
    for d in ["content", "media"] {
        copy_dir(&here.join(d), &dir.path().join(d));
    }
    dir
}

fn posts(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root.join("content/posts"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect()
}

/// The body of a post typed the way a keyboard types it: ordinary spaces before `! ? ; :`,
/// straight apostrophes, three dots. Lines with links, hashtags, mentions or code are left
/// alone (trame never edits those), and so is the front matter.
fn break_typography(text: &str) -> String {
    let mut out = String::new();
    let mut fences = 0;
    for l in text.split_inclusive('\n') {
        if l.trim_end() == "---" {
            fences += 1;
        }
        let prose = fences >= 2
            && !["#", "http", "@[", "`", ":::"]
                .iter()
                .any(|s| l.contains(s));
        if prose {
            out.push_str(
                &l.replace("\u{202f}!", " !")
                    .replace("\u{202f}?", " ?")
                    .replace("\u{202f};", " ;")
                    .replace("\u{a0}:", " :")
                    .replace('’', "'")
                    .replace('…', "..."),
            );
        } else {
            out.push_str(l);
        }
    }
    out
}

fn fix(root: &Path, extra: &[&str]) -> std::process::Output {
    trame()
        .args(["fix", "--today", common::TODAY, "--root"])
        .arg(root)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn fix_restores_the_typography_of_the_demo_exactly() {
    let dir = demo();
    let root = dir.path();
    let mut broken = Vec::new();
    for p in posts(root) {
        let text = std::fs::read_to_string(&p).unwrap();
        let typed = break_typography(&text);
        if typed != text {
            std::fs::write(&p, &typed).unwrap();
            broken.push((p, text));
        }
    }
    assert!(broken.len() >= 5, "the demo has typography to break");

    // --dry-run says what would change, writes nothing, and exits 1.
    let dry = fix(root, &["--dry-run"]);
    assert_eq!(dry.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&dry.stderr).contains("rien n’est écrit"));
    for (p, _) in &broken {
        assert_eq!(
            std::fs::read_to_string(p).unwrap(),
            break_typography(&std::fs::read_to_string(p).unwrap())
        );
    }

    let out = fix(root, &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (p, original) in &broken {
        assert_eq!(
            &std::fs::read_to_string(p).unwrap(),
            original,
            "{} is restored exactly",
            p.display()
        );
    }
    let again = fix(root, &[]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("Rien à corriger"));
}

#[test]
fn one_fix_takes_a_project_typed_on_a_keyboard_to_a_handful_of_warnings() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("realistic"), dir.path());
    let warnings = |root: &Path| {
        let (json, _) = common::check(root);
        json["summary"]["warnings"].as_u64().unwrap()
    };
    let before = warnings(dir.path());
    assert!(before >= 40, "{before}");
    let out = fix(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0));
    let after = warnings(dir.path());
    assert!(after <= 3, "{before} warnings, then {after}");
    let text = std::fs::read_to_string(dir.path().join("content/posts/02-sortie.md")).unwrap();
    assert!(
        text.contains("Vous êtes prêts\u{202f}? C’est parti pour la grande boucle du plateau…"),
        "{text}"
    );
}

#[test]
fn fix_edits_only_its_spans_keeps_crlf_bom_comments_and_leaves_code_alone() {
    let config = "title: T\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\ncharter: charter.yaml\n";
    let post = "\u{feff}---\r\ntitle: \"Essai\" # un commentaire\r\nnetworks: [linkedin]\r\ndate: 2026-12-03\r\n---\r\nBonjour ! Tapez `ls -l !` puis :\r\n\r\n```\r\nrien ! ici\r\n```\r\n";
    let dir = common::project_with(config, &[("essai.md", post)]);
    std::fs::write(
        dir.path().join("charter.yaml"),
        "rules:\n  - { id: typo, type: typography }\n",
    )
    .unwrap();
    // check --format json carries each fix, for editors.
    let (json, _) = common::check(dir.path());
    let typo = with_code(&json, "charter/typo");
    let fixes: Vec<&serde_json::Value> = typo.iter().filter_map(|d| d.get("fix")).collect();
    assert_eq!(fixes.len(), 2, "{json}");
    assert_eq!(fixes[0]["line"], 6);
    assert_eq!(fixes[0]["column"], 8);
    assert_eq!(fixes[0]["end_column"], 9);
    assert_eq!(fixes[0]["replacement"], "\u{202f}");
    assert!(
        typo[0]["help"]
            .as_str()
            .unwrap()
            .contains("`trame fix` peut le corriger"),
        "{json}"
    );

    let out = fix(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join("content/posts/essai.md")).unwrap();
    assert_eq!(
        text,
        post.replacen("Bonjour !", "Bonjour\u{202f}!", 1)
            .replacen("puis :", "puis\u{a0}:", 1)
    );
    // What it printed: the file, the line before and after.
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("content/posts/essai.md\u{a0}: 2 corrections"),
        "{shown}"
    );
    assert!(
        shown.contains("+ Bonjour⍽! Tapez `ls -l !` puis␣:"),
        "{shown}"
    );
}

#[test]
fn fix_paths_limit_what_is_written() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("realistic"), dir.path());
    let root = dir.path();
    let one = root.join("content/posts/01-sortie.md");
    let two = root.join("content/posts/02-sortie.md");
    let before = std::fs::read_to_string(&two).unwrap();
    let out = trame()
        .args(["fix", "--root"])
        .arg(root)
        .arg(&one)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&one)
            .unwrap()
            .contains("tous\u{202f}!")
    );
    assert_eq!(std::fs::read_to_string(&two).unwrap(), before);
}

#[test]
fn a_brand_hashtag_takes_the_case_of_the_charter_in_the_text_and_in_the_list() {
    let config = "title: T\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\ncharter: charter.yaml\n";
    let in_list = "---\ntitle: \"Liste\"\nnetworks: [linkedin]\nhashtags: [rando, \"#ALTITREK\"]\ndate: 2026-12-03\n---\nLa gamme alti trek arrive.\n";
    let in_text = "---\ntitle: \"Texte\"\nnetworks: [linkedin]\ndate: 2026-12-04\n---\nEn route avec #altitrek !\n";
    let dir = common::project_with(config, &[("liste.md", in_list), ("texte.md", in_text)]);
    std::fs::write(
        dir.path().join("charter.yaml"),
        "rules:\n  - { id: marque, type: spelling-of, terms: [\"Alti Trek\"] }\n",
    )
    .unwrap();
    let out = fix(dir.path(), &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |f: &str| std::fs::read_to_string(dir.path().join("content/posts").join(f)).unwrap();
    assert_eq!(
        read("liste.md"),
        in_list
            .replace("\"#ALTITREK\"", "\"#AltiTrek\"")
            .replace("alti trek", "Alti Trek")
    );
    assert_eq!(read("texte.md"), in_text.replace("#altitrek", "#AltiTrek"));
}
