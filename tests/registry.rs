//! The README lists every diagnostic code of the registry, with its default severity, and the
//! codes that wait for review on ideas and drafts: both lists are generated from the registry
//! (`TRAME_UPDATE_README=1 cargo test --test registry` writes them).

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

/// Checks (or, with `TRAME_UPDATE_README`, writes) the README's block named `name`.
fn readme_block(name: &str, content: &str) {
    let start = format!("<!-- {name}: generated from src/diagnostics/codes.rs -->\n");
    let end = format!("<!-- /{name} -->");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (Some(a), Some(b)) = (readme.find(&start), readme.find(&end)) else {
        panic!("README.md has no `{}` … `{end}` block", start.trim());
    };
    if readme[a + start.len()..b] == *content {
        return;
    }
    if std::env::var_os("TRAME_UPDATE_README").is_some() {
        let updated = format!("{}{start}{content}{}", &readme[..a], &readme[b..]);
        std::fs::write(&path, updated).unwrap();
    } else {
        panic!(
            "README.md's `{name}` block is not the registry's: run `TRAME_UPDATE_README=1 cargo test --test registry`\n{content}"
        );
    }
}

#[test]
fn the_readme_lists_every_registered_code() {
    readme_block("codes", &trame::diagnostics::codes::markdown_table());
}

#[test]
fn the_readme_lists_the_codes_that_wait_for_review() {
    readme_block(
        "at-publication",
        &format!("{}\n", trame::diagnostics::codes::at_publication_list()),
    );
}

#[test]
fn every_registered_code_is_known_to_rules() {
    for c in trame::diagnostics::Code::ALL {
        assert!(trame::diagnostics::is_rule_key(c.name()), "{}", c.name());
        assert!(trame::diagnostics::is_rule_key(&format!(
            "{}/*",
            c.family()
        )));
    }
    assert!(!trame::diagnostics::is_rule_key("network/lenght"));
}
