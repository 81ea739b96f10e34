//! What the published site gives search engines, static hosts and feed readers: `robots.txt`
//! and `noindex` by default, `404.html`, Open Graph tags on post pages, and the Atom feed of
//! published posts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use common::{TODAY, project_with, trame};

const CONFIG: &str = "title: Club\nlanguage: fr\ntimezone: Europe/Paris\nbase_url: https://club.example.org/cal/\norganisation: { name: Club des marcheurs }\nnetworks:\n  linkedin: {}\n  x: {}\n";

fn post(title: &str, date: &str, status: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\nnetworks: [linkedin, x]\ndate: {date}\nstatus: {status}\nauthor: Léa\nreviewer: Marc\nmedia:\n  - {{ path: media/photo.jpg, alt: \"Le groupe au sommet\" }}\n---\nDimanche, sortie au Mont Thou : départ 9 h devant la mairie, retour vers 13 h.\n"
    )
}

fn build(config: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = project_with(
        config,
        &[
            (
                "a.md",
                post("Sortie d’octobre", "2026-10-04T10:00", "published"),
            ),
            (
                "b.md",
                post("Sortie de novembre", "2026-11-08T10:00", "published"),
            ),
            (
                "c.md",
                post("Sortie de décembre", "2026-12-06T10:00", "scheduled"),
            ),
        ],
    );
    let out = dir.path().join("site");
    trame()
        .current_dir(dir.path())
        .args(["build", "-q", "--today", TODAY, "--output"])
        .arg(&out)
        .assert()
        .success();
    (dir, out)
}

fn read(site: &Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_site_asks_search_engines_to_stay_away_unless_told() {
    let (_dir, site) = build(CONFIG);
    assert!(read(&site, "robots.txt").contains("Disallow: /"));
    for page in [
        "index.html",
        "posts/a/index.html",
        "list/index.html",
        "404.html",
    ] {
        assert!(
            read(&site, page).contains(r#"<meta name="robots" content="noindex, nofollow">"#),
            "{page}"
        );
    }
    let (_dir, site) = build(&format!("{CONFIG}publish: {{ index: true }}\n"));
    assert!(read(&site, "robots.txt").contains("Allow: /"));
    assert!(!read(&site, "index.html").contains("noindex"));
}

#[test]
fn the_404_page_links_from_the_sites_address() {
    let (_dir, site) = build(CONFIG);
    let page = read(&site, "404.html");
    assert!(
        page.contains(r#"<base href="https://club.example.org/cal/">"#),
        "{page}"
    );
    assert!(page.contains("Page introuvable") && page.contains("static/style.css"));
}

#[test]
fn post_pages_carry_open_graph_tags() {
    let (_dir, site) = build(CONFIG);
    let page = read(&site, "posts/b/index.html");
    for tag in [
        r#"<meta property="og:title" content="Sortie de novembre">"#,
        r#"<meta property="og:url" content="https://club.example.org/cal/posts/b/">"#,
        r#"<meta property="og:image" content="https://club.example.org/cal/media-files/media/photo.jpg">"#,
        r#"<meta property="og:image:alt" content="Le groupe au sommet">"#,
        r#"<meta property="og:locale" content="fr_FR">"#,
    ] {
        assert!(page.contains(tag), "{tag}");
    }
    assert!(
        page.contains(r#"<meta property="og:description" content="Dimanche, sortie au Mont Thou"#)
    );
}

#[test]
fn the_atom_feed_lists_the_published_posts_newest_first() {
    let (_dir, site) = build(CONFIG);
    let text = read(&site, "published.atom");
    // Read back by a feed parser, as a reader would.
    let feed = feed_rs::parser::parse(text.as_bytes()).unwrap();
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    let titles: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect();
    assert_eq!(
        titles,
        ["Sortie de novembre", "Sortie d’octobre"],
        "scheduled posts are not in it"
    );
    let first = &feed.entries[0];
    assert_eq!(first.id, "https://club.example.org/cal/posts/b/");
    assert_eq!(first.links[0].href, "https://club.example.org/cal/posts/b/");
    assert_eq!(
        first.updated.unwrap().to_rfc3339(),
        "2026-11-08T09:00:00+00:00"
    );
    assert_eq!(first.authors[0].name.as_deref(), Some("Léa"));
    assert_eq!(first.categories.len(), 2);
    assert!(
        first
            .summary
            .as_ref()
            .unwrap()
            .content
            .contains("LinkedIn — Dimanche")
    );
    assert_eq!(
        feed.updated.unwrap().to_rfc3339(),
        "2026-11-08T09:00:00+00:00"
    );
    // Every page points feed readers at it.
    assert!(read(&site, "index.html").contains(r#"type="application/atom+xml""#));
}
