//! Every template of the default theme renders (in strict mode, a template naming a field its
//! page lacks is an error), and a project's own template with a mistake is an error that names
//! the file, not an empty string on the page.

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use jiff::civil::Date;
use trame::engine::{self, Options};

fn options() -> Options {
    Options {
        today: Some(Date::constant(2026, 11, 24)),
        render: true,
    }
}

#[test]
fn every_template_renders() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine"),
        dir.path(),
    );
    let plan = engine::build(dir.path(), &options()).unwrap();
    let page = |p: &str| -> String {
        String::from_utf8(
            plan.file(p)
                .unwrap_or_else(|| panic!("no {p}"))
                .body
                .to_vec(),
        )
        .unwrap()
    };
    // (template, a page it renders, something only it writes there)
    let uses: &[(&str, &str, &str)] = &[
        ("layout", "index.html", "<a class=\"skip\""),
        (
            "month",
            "calendar/2026/12/index.html",
            "<table class=\"month\">",
        ),
        (
            "chip",
            "calendar/2026/12/index.html",
            "<li class=\"chip status-draft\" data-networks",
        ),
        ("week", "weeks/2026-W49/index.html", "<div class=\"week\">"),
        ("list", "list/index.html", "<ol class=\"list\">"),
        ("board", "board/index.html", "<div class=\"board\">"),
        ("card", "board/index.html", "<span class=\"when\">"),
        (
            "post",
            "posts/sortie-1/index.html",
            "<article class=\"card\"",
        ),
        (
            "campaign",
            "campaigns/hiver/index.html",
            "<article class=\"campaign\"",
        ),
        (
            "audit",
            "audits/bilan/index.html",
            "<article class=\"audit\">",
        ),
        (
            "diagnostics",
            "diagnostics/index.html",
            "<ul class=\"totals\">",
        ),
        ("feeds", "feeds/index.html", "<ul class=\"feeds\">"),
        (
            "problems",
            "diagnostics/index.html",
            "<section class=\"file\">",
        ),
        ("filters", "list/index.html", "<form class=\"filters\""),
        (
            "results",
            "results/index.html",
            "<article class=\"results\">",
        ),
        (
            "figtable",
            "results/index.html",
            "<table class=\"figures totals\">",
        ),
        (
            "posttable",
            "results/index.html",
            "<table class=\"figures ranked\">",
        ),
        (
            "scorecard",
            "campaigns/hiver/index.html",
            "<div class=\"scorecard\">",
        ),
        ("veille", "veille/index.html", "<article class=\"veille\">"),
        ("not_found", "404.html", "<h1>Page introuvable</h1>"),
    ];
    for (name, _) in trame::render::theme::TEMPLATES {
        let Some((_, path, mark)) = uses.iter().find(|(t, _, _)| t == name) else {
            panic!("no page is known to use the template {name}");
        };
        assert!(page(path).contains(mark), "{name}: {path} lacks {mark}");
    }
}

/// The engine fixture, and the folder where its own templates go.
fn project_with_own_templates() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine"),
        dir.path(),
    );
    let own = dir.path().join("themes/default/templates");
    std::fs::create_dir_all(&own).unwrap();
    (dir, own)
}

fn default_template(name: &str) -> &'static str {
    trame::render::theme::TEMPLATES
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap()
        .1
}

#[test]
fn a_projects_template_with_a_mistake_is_an_error_naming_it() {
    let (dir, own) = project_with_own_templates();
    let post = default_template("post");
    std::fs::write(
        own.join("post.hbs"),
        post.replace("{{post.title}}", "{{post.titel}}"),
    )
    .unwrap();
    let err = match engine::build(dir.path(), &options()) {
        Ok(_) => panic!("a missing field must fail"),
        Err(e) => e.to_string(),
    };
    assert!(
        err.contains("themes/default/templates/post.hbs (the project's own template)"),
        "{err}"
    );
    assert!(err.contains("titel"), "{err}");
}

/// Page templates are framed by the layout (`{{{content}}}`); a project's own page template
/// written as a partial block (`{{#> layout}}…{{/layout}}`), and an own layout calling
/// `{{> @partial-block}}`, frame each page once.
#[test]
fn own_page_templates_are_framed_once_either_way() {
    let (dir, own) = project_with_own_templates();
    std::fs::write(
        own.join("post.hbs"),
        "{{#> layout}}\n<p class=\"own\">{{post.title}}</p>\n{{/layout}}\n",
    )
    .unwrap();
    std::fs::write(
        own.join("board.hbs"),
        "<p class=\"own-board\">{{t.board}}</p>\n",
    )
    .unwrap();
    let layout = default_template("layout");
    // A layout of the old way, with its own mark.
    std::fs::write(
        own.join("layout.hbs"),
        layout.replace("{{{content}}}", "<!-- own -->{{> @partial-block }}"),
    )
    .unwrap();
    let plan = engine::build(dir.path(), &options()).unwrap();
    let page = |p: &str| String::from_utf8(plan.file(p).unwrap().body.to_vec()).unwrap();
    for (path, mark) in [
        ("posts/sortie-1/index.html", "<p class=\"own\">"),
        ("board/index.html", "<p class=\"own-board\">"),
    ] {
        let html = page(path);
        assert!(html.contains(mark), "{path}: {html}");
        assert!(html.contains("<!-- own -->"), "{path}: {html}");
        assert_eq!(
            html.matches("<main id=\"main\">").count(),
            1,
            "{path}: {html}"
        );
        assert_eq!(html.matches("<!DOCTYPE html>").count(), 1, "{path}: {html}");
    }
}
