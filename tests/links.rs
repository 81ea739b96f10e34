//! `trame check --links` against a server on 127.0.0.1: 200, 301 → 200, 404, 500, 429 then
//! 200, HEAD refused, a timeout; each address asked once whatever the number of places, each
//! problem at every place; the cache reused within `links.max_age`; `links.exclude`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::http::{Reply, Server};
use common::{TODAY, trame};
use serde_json::Value;

fn project(server: &Server) -> tempfile::TempDir {
    let u = |p: &str| server.url(p);
    let config = "title: Liens\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\nlinks:\n  exclude: [\"/prive/\"]\n  max_age: 7d\n  timeout: 1s\n";
    let post_a = format!(
        "---\ntitle: Annonce\nnetworks: [linkedin]\nlink: \"{ok}\"\n---\nTout est là : {gone} et {moved}.\n\nAussi {broken}, {busy} et {nohead}.\n",
        ok = u("/ok"),
        gone = u("/gone"),
        moved = u("/moved"),
        broken = u("/broken"),
        busy = u("/busy"),
        nohead = u("/nohead"),
    );
    let post_b = format!(
        "---\ntitle: Rappel\nnetworks: [linkedin]\nfirst_comment: \"Le lien : {gone}\"\n---\nVoir {slow} ou {private}.\n",
        gone = u("/gone"),
        slow = u("/slow"),
        private = u("/prive/brouillon"),
    );
    let entry = format!(
        "---\ntitle: Salon\nkind: event\ndate: 2026-12-05\n---\nLe programme : {gone}\n",
        gone = u("/gone")
    );
    let note = format!(
        "---\ntitle: Article\nkind: sectorielle\ndate: 2026-11-20\nurl: \"{ok}\"\n---\nRésumé.\n",
        ok = u("/ok")
    );
    let dir = common::project_with(config, &[("a.md", post_a), ("b.md", post_b)]);
    let audit = "---\ntitle: État des lieux\ndate: 2026-11-20\n---\nAnalyse.\n".to_string();
    for (path, text) in [
        ("content/calendar/salon.md", entry),
        ("content/veille/article.md", note),
        ("content/audits/etat.md", audit),
    ] {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap_or(dir.path())).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn serve(server: &Server) {
    server.route("/ok", Reply::ok("text/html", "<p>ok</p>"));
    server.route("/moved", Reply::status(301).header("Location", "/ok"));
    server.route("/gone", Reply::status(404));
    server.route("/broken", Reply::status(500));
    // Too many requests at first, then fine: waited out and retried.
    server.route_with("/busy", |_, n| {
        if n == 0 {
            Reply::status(429).header("Retry-After", "0")
        } else {
            Reply::ok("text/html", "ok")
        }
    });
    server.route_with("/nohead", |req, _| {
        if req.method == "HEAD" {
            Reply::status(405)
        } else {
            Reply::ok("text/html", "ok")
        }
    });
    server.route("/slow", Reply::hang());
}

fn check_links(root: &Path) -> (Value, i32, String) {
    let out = trame()
        .args([
            "check", "--links", "--format", "json", "--today", TODAY, "--root",
        ])
        .arg(root)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        json,
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// (code, file, line, column) of the link diagnostics.
fn link_problems(json: &Value) -> Vec<(String, String, u64, u64)> {
    json["diagnostics"]
        .as_array()
        .map(|d| {
            d.iter()
                .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with("link/")))
                .map(|d| {
                    (
                        d["code"].as_str().unwrap_or_default().to_string(),
                        d["file"].as_str().unwrap_or_default().to_string(),
                        d["line"].as_u64().unwrap_or_default(),
                        d["column"].as_u64().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn dead_links_are_found_at_every_place_and_each_address_is_asked_once() {
    let server = Server::start();
    serve(&server);
    let dir = project(&server);
    let root = dir.path();
    let (json, code, stderr) = check_links(root);
    assert_eq!(code, 1, "{json:#}\n{stderr}");
    let s = |x: &str| x.to_string();
    assert_eq!(
        link_problems(&json),
        [
            (s("link/dead"), s("content/calendar/salon.md"), 6, 16),
            (s("link/dead"), s("content/posts/a.md"), 6, 15),
            (s("link/redirect"), s("content/posts/a.md"), 6, 46),
            (s("link/dead"), s("content/posts/a.md"), 8, 7),
            (s("link/dead"), s("content/posts/b.md"), 4, 27),
            (s("link/unreachable"), s("content/posts/b.md"), 6, 6),
        ],
        "{json:#}"
    );
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .map(|d| d.iter().filter_map(|d| d["message"].as_str()).collect())
        .unwrap_or_default();
    let all = messages.join("\n");
    assert!(all.contains("répond 404 : le lien est mort"), "{all}");
    assert!(all.contains("répond 500"), "{all}");
    assert!(
        all.contains(&format!("redirige vers {}", server.url("/ok"))),
        "{all}"
    );
    assert!(all.contains("pas de réponse dans le délai"), "{all}");
    // Once per address, whatever the number of places (HEAD, then GET where HEAD was refused).
    assert_eq!(server.count("/gone"), 2, "{:?}", server.requests());
    assert_eq!(
        server.requests().iter().filter(|r| r.path == "/ok").count(),
        2
    );
    assert!(server.count("/busy") >= 2);
    assert_eq!(server.count("/prive/brouillon"), 0);
    assert!(
        stderr.contains("6 emplacements") || stderr.contains("emplacements"),
        "{stderr}"
    );
}

#[test]
fn the_cache_is_reused_within_max_age() {
    let server = Server::start();
    serve(&server);
    let dir = project(&server);
    let root = dir.path();
    let (first, _, _) = check_links(root);
    assert!(root.join(".trame/links.json").is_file());
    server.clear_log();
    let (second, code, stderr) = check_links(root);
    assert_eq!(code, 1);
    assert!(server.requests().is_empty(), "{:?}", server.requests());
    assert_eq!(link_problems(&first), link_problems(&second));
    assert!(stderr.contains("7 en cache"), "{stderr}");
    // Past max_age (0 seconds) everything is asked again.
    let config = std::fs::read_to_string(root.join("trame.yaml")).unwrap();
    std::fs::write(
        root.join("trame.yaml"),
        config.replace("max_age: 7d", "max_age: 0s"),
    )
    .unwrap();
    check_links(root);
    assert!(server.count("/gone") >= 1);
}

#[test]
fn without_links_check_never_uses_the_network() {
    let server = Server::start();
    serve(&server);
    let dir = project(&server);
    let (json, code) = common::check(dir.path());
    assert_eq!(code, 0, "{json:#}");
    assert!(server.requests().is_empty());
    assert!(link_problems(&json).is_empty());
}

#[test]
fn the_audit_report_lists_the_dead_links_of_the_last_check_without_the_network() {
    let server = Server::start();
    serve(&server);
    let dir = project(&server);
    let root = dir.path();
    let page = |root: &Path| {
        let out = common::build(root, true);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let p = root.join("output/audits/etat/index.html");
        std::fs::read_to_string(p).unwrap()
    };
    assert!(page(root).contains("Aucun lien mort connu"));
    check_links(root);
    server.clear_log();
    let html = page(root);
    assert!(server.requests().is_empty(), "build asked the network");
    assert!(
        html.contains(&format!("<code>{}</code>", server.url("/gone"))),
        "{html}"
    );
    assert!(
        html.contains("<td data-label=\"Réponse\">500</td>"),
        "{html}"
    );
    assert!(html.contains(">Annonce</a>"), "{html}");
    assert!(html.contains("content/calendar/salon.md:6"), "{html}");
}
