//! The README lists every diagnostic code of the registry, with its default severity: the list
//! is generated from `Code::ALL` (`TRAME_UPDATE_README=1 cargo test --test registry` writes it).

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

const START: &str = "<!-- codes: generated from src/diagnostics/codes.rs -->\n";
const END: &str = "<!-- /codes -->";

#[test]
fn the_readme_lists_every_registered_code() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let table = trame::diagnostics::codes::markdown_table();
    let (Some(a), Some(b)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md has no `{}` … `{END}` block", START.trim());
    };
    let current = &readme[a + START.len()..b];
    if current != table {
        if std::env::var_os("TRAME_UPDATE_README").is_some() {
            let updated = format!("{}{START}{table}{}", &readme[..a], &readme[b..]);
            std::fs::write(&path, updated).unwrap();
        } else {
            panic!(
                "README.md's list of codes is not the registry's: run `TRAME_UPDATE_README=1 cargo test --test registry`\n{table}"
            );
        }
    }
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
