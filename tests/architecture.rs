//! The stages import only earlier stages: load → adapt → validate → render → write, driven by
//! the engine, used by the commands. A file of a stage that names a later stage (`crate::x`)
//! fails this test, so the flow stays one-way.

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

/// The modules of `src/`, from the lowest to the highest.
const ORDER: &[&str] = &[
    "base",
    "diagnostics",
    "load",
    "routes",
    "adapt",
    "validate",
    "render",
    // `trame export`: the variants as a scheduling tool's bulk-upload file.
    "export",
    "write",
    // The two commands that use the network (veille, check --links): beside the pipeline,
    // reading what it loaded and checked.
    "net",
    "engine",
    "cli",
];

fn rank(module: &str) -> Option<usize> {
    ORDER.iter().position(|m| *m == module)
}

#[test]
fn no_stage_imports_a_later_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(&src).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .map(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_string()
            })
            .unwrap_or_default();
        if top == "lib" || top == "main" {
            continue;
        }
        let Some(own) = rank(&top) else {
            problems.push(format!(
                "{}: module `{top}` is not in the stage order",
                rel.display()
            ));
            continue;
        };
        seen.insert(top.clone());
        let text = std::fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for part in code.split("crate::").skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                match rank(&name) {
                    Some(r) if r > own => problems.push(format!(
                        "{}:{}: `{top}` uses the later stage `{name}`",
                        rel.display(),
                        n + 1
                    )),
                    Some(_) => {}
                    None => problems.push(format!(
                        "{}:{}: `crate::{name}` is not a module of the stage order",
                        rel.display(),
                        n + 1
                    )),
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(seen.len(), ORDER.len(), "every stage has code: {seen:?}");
}
