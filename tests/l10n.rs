//! The two catalogues of messages (locales/fr.ftl, locales/en.ftl) say the same things: same
//! messages, same arguments, every id the code asks for is there, every diagnostic code is
//! described; and a project reads in its own language from end to end.

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{TODAY, fixture, trame};
use fluent_bundle::FluentResource;
use trame::base::l10n::{CATALOGUES, Language, has};
use trame::diagnostics::Code;

/// Message id → the variables its text uses, for one catalogue (which must parse).
fn messages(lang: Language, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            InlineExpression::Placeable { expression } => expression_vars(expression, out),
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            _ => {}
        }
    }
    fn expression_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
        }
    }
    fn pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                expression_vars(expression, out);
            }
        }
    }
    let resource = FluentResource::try_new(source.to_string())
        .unwrap_or_else(|(_, errors)| panic!("{lang:?}: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern(p, &mut vars);
            }
            assert!(
                out.insert(m.id.name.to_string(), vars).is_none(),
                "{lang:?}: `{}` is defined twice",
                m.id.name
            );
        }
    }
    out
}

#[test]
fn both_catalogues_have_the_same_messages_and_arguments() {
    let [(fr_lang, fr), (en_lang, en)] = CATALOGUES;
    let fr = messages(fr_lang, fr);
    let en = messages(en_lang, en);
    let only_fr: Vec<&String> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<&String> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
    assert!(only_fr.is_empty(), "only in French: {only_fr:?}");
    assert!(only_en.is_empty(), "only in English: {only_en:?}");
    // jiff's reason for a bad date is English: the French message leaves it out.
    let may_omit: &[(&str, &str)] = &[("date-invalid", "reason")];
    for (id, vars) in &en {
        let fr_vars = &fr[id];
        let extra: Vec<&String> = fr_vars.difference(vars).collect();
        assert!(
            extra.is_empty(),
            "{id}: the French text uses {extra:?}, which the English one does not"
        );
        for v in vars.difference(fr_vars) {
            assert!(
                may_omit.contains(&(id.as_str(), v.as_str())),
                "{id}: the French text leaves out ${v}"
            );
        }
    }
}

/// Every `t!(lang, "id"` of the source names a message of both catalogues.
#[test]
fn every_message_the_code_asks_for_exists() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let call = regex::Regex::new(
        r#"(?:^|[^a-zA-Z_])t!\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*"([a-z0-9-]+)""#,
    )
    .unwrap();
    // Ids chosen at run time are literals of the form `"yaml-syntax-tab"` next to the call.
    let literal = regex::Regex::new(
        r#""((?:yaml-syntax|expect|kind|found|video-too|cadence|watch|n|cli-count|media-image|media-video|counts-by)-[a-z0-9-]+|[a-z0-9-]+-help)""#,
    )
    .unwrap();
    let mut asked = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&src).into_iter().flatten() {
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text: String = std::fs::read_to_string(entry.path())
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        for c in call
            .captures_iter(&text)
            .chain(literal.captures_iter(&text))
        {
            asked.insert(c[1].to_string());
        }
    }
    assert!(
        asked.len() > 300,
        "the scan finds the calls: {}",
        asked.len()
    );
    for lang in Language::ALL {
        let missing: Vec<&String> = asked.iter().filter(|id| !has(lang, id)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

/// Each registered code says what it means in both languages (the site's totals by code).
#[test]
fn every_code_is_described_in_both_languages() {
    for lang in Language::ALL {
        for code in Code::ALL {
            let id = code.message_id();
            assert!(has(lang, &id), "{lang:?}: no `{id}` for {}", code.name());
        }
    }
}

/// The messages and helps of a check, without what they quote (code, file names, user text).
fn prose(root: &Path) -> Vec<String> {
    let out = trame()
        .args(["check", "--format", "json", "--today", TODAY, "--root"])
        .arg(root)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quoted =
        regex::Regex::new(r#"`[^`]*`|«[^»]*»|"[^"]*"|\S+/\S+|\S+\.(md|jpg|png|mp4|yaml)"#).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| [d["message"].as_str(), d["help"].as_str()])
        .flatten()
        .map(|t| format!(" {} ", quoted.replace_all(t, " ")))
        .collect()
}

fn words_in(texts: &[String], words: &[&str]) -> Vec<String> {
    texts
        .iter()
        .filter(|t| {
            words
                .iter()
                .any(|w| t.to_lowercase().contains(&format!(" {w} ")))
        })
        .cloned()
        .collect()
}

#[test]
fn a_french_project_reads_in_french_and_an_english_one_in_english() {
    let fr = prose(&fixture("diagnostics"));
    assert!(fr.len() > 100, "{}", fr.len());
    let english = words_in(
        &fr,
        &[
            "the", "is", "are", "not", "must", "does", "cannot", "with", "add", "write", "did",
        ],
    );
    assert!(
        english.is_empty(),
        "English in the French project: {english:#?}"
    );

    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("diagnostics"), dir.path());
    let cfg = dir.path().join("trame.yaml");
    let text = std::fs::read_to_string(&cfg).unwrap();
    std::fs::write(&cfg, text.replace("language: fr", "language: en")).unwrap();
    let en = prose(dir.path());
    assert_eq!(en.len(), fr.len(), "the same problems in both languages");
    let french = words_in(
        &en,
        &[
            "le", "la", "les", "est", "pas", "une", "des", "du", "dans", "ajoutez", "écrivez",
        ],
    );
    assert!(
        french.is_empty(),
        "French in the English project: {french:#?}"
    );
}

/// The summary line and the labels of the human output follow the project's language too.
#[test]
fn the_human_output_labels_follow_the_language() {
    let out = trame()
        .args(["check", "--today", TODAY, "--root"])
        .arg(fixture("diagnostics"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("erreur[") && text.contains("= aide: "),
        "{text}"
    );
    assert!(text.contains("fichiers vérifiés\u{a0}:"), "{text}");
    assert!(
        !text.contains("error[") && !text.contains("= help: "),
        "{text}"
    );
    // Errors come first: the last problem printed is not an error.
    let first_warning = text.find("avertissement[").unwrap();
    assert!(!text[first_warning..].contains("\nerreur["), "{text}");
}

/// Outside a project, `--lang` (or the locale) chooses.
#[test]
fn outside_a_project_the_locale_or_lang_chooses() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], lang: &str| {
        let out = trame()
            .current_dir(dir.path())
            .env("LANG", lang)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let count = ["count", "--network", "mastodn", "x"];
    assert!(run(&count, "en_GB.UTF-8").contains("did you mean `mastodon`?"));
    assert!(run(&count, "fr_FR.UTF-8").contains("vouliez-vous dire `mastodon`\u{202f}?"));
    let mut with_lang = count.to_vec();
    with_lang.extend(["--lang", "en"]);
    assert!(run(&with_lang, "fr_FR.UTF-8").contains("did you mean `mastodon`?"));
}
