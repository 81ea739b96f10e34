//! `trame veille` against feeds served on 127.0.0.1: every format with French accents, the
//! sources a CM uses (Google Alerts, Mastodon, YouTube, Reddit), a malformed feed, a 304, a huge
//! feed, scripts in titles and summaries, duplicates across sources; then the notes on the site.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::http::{Reply, Server};
use common::{TODAY, trame};

const RSS2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Presse sport</title><link>https://presse.example/</link>
<item><title>Randonnée : les seniors s’équipent</title><link>https://presse.example/a/seniors-equipement?utm_source=rss</link>
<guid isPermaLink="false">presse-1</guid><pubDate>Mon, 16 Nov 2026 08:00:00 +0100</pubDate>
<description>&lt;p&gt;Les plus de 60 ans achètent un tiers des chaussures de &lt;b&gt;randonnée&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>Football : résultats du week-end</title><link>https://presse.example/a/foot</link><guid>presse-2</guid>
<pubDate>Mon, 16 Nov 2026 09:00:00 +0100</pubDate><description>Rien sur la marche.</description></item>
</channel></rss>"#;

const RSS1: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://silvereco.example/"><title>Silver éco</title><link>https://silvereco.example/</link><description>x</description></channel>
<item rdf:about="https://silvereco.example/velo-aides"><title>Vélo électrique : aides prolongées pour les seniors</title>
<link>https://silvereco.example/velo-aides</link><description>L’aide à l’achat est prolongée en 2027.</description><dc:date>2026-11-10T10:00:00+01:00</dc:date></item>
</rdf:RDF>"#;

const GOOGLE_ALERTS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing"><id>tag:google.com,2005:reader/user/0/state/com.google/alerts/1</id>
<title>Alerte Google - Alti</title><updated>2026-11-20T10:15:00Z</updated>
<entry><id>tag:google.com,2013:googlealerts/feed:111</id><title type="html">Les bâtons &lt;b&gt;Alti&lt;/b&gt; en test</title>
<link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://journal.example/alti-test&amp;ct=ga&amp;cd=1&amp;usg=x"/>
<published>2026-11-20T10:15:00Z</published><updated>2026-11-20T10:15:00Z</updated>
<content type="html">Un journaliste a testé les bâtons &lt;b&gt;Alti&lt;/b&gt; pendant un mois.</content></entry>
<entry><id>tag:google.com,2013:googlealerts/feed:112</id><title type="html">&lt;script&gt;alert(1)&lt;/script&gt;Alti &lt;img src=x onerror=alert(2)&gt; piraté</title>
<link href="https://evil.example/alti"/><published>2026-11-20T11:00:00Z</published>
<content type="html">&lt;script&gt;document.cookie&lt;/script&gt;&lt;a href="javascript:alert(3)"&gt;Alti&lt;/a&gt; [clic](javascript:x) ::: linkedin</content></entry>
</feed>"#;

const MASTODON: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>#alti</title><link>https://piaille.fr/tags/alti</link>
<item><guid isPermaLink="true">https://piaille.fr/@marcheuse/1134</guid><link>https://piaille.fr/@marcheuse/1134</link>
<pubDate>Thu, 19 Nov 2026 18:20:00 +0000</pubDate><description>&lt;p&gt;Mes bâtons Alti ont une poignée fendue après deux sorties. Déçue.&lt;/p&gt;</description></item>
</channel></rss>"#;

const YOUTUBE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
<title>Vitalpas</title><id>yt:channel:UCvitalpas</id>
<entry><id>yt:video:vitalpas001</id><yt:videoId>vitalpas001</yt:videoId><title>5 exercices d’équilibre à faire chez soi</title>
<link rel="alternate" href="https://www.youtube.com/watch?v=vitalpas001"/><published>2026-11-04T09:00:00+00:00</published>
<media:group><media:title>5 exercices</media:title><media:content url="https://www.youtube.com/v/vitalpas001?version=3" type="application/x-shockwave-flash" width="640" height="390"/><media:thumbnail url="https://i1.ytimg.com/vi/vitalpas001/hqdefault.jpg" width="480" height="360"/><media:description>Avec un kiné : l’équilibre après 60 ans.</media:description></media:group></entry>
</feed>"#;

const JSON_FEED: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Blog CM","items":[
{"id":"cm-1","url":"https://blog-cm.example/instagram-carrousels","title":"Instagram pousse les carrousels","content_html":"<p>Vingt images par carrousel, et plus de portée.</p>","date_published":"2026-11-14T07:30:00+01:00"},
{"id":"cm-2","url":"https://blog-cm.example/tiktok","title":"TikTok et les marques","content_text":"Rien pour nous.","date_published":"2026-11-14T08:30:00+01:00"}]}"#;

/// The same article as the RSS 2.0 feed, from a second source (another guid, the same address).
const REDDIT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>search results - "Alti"</title><id>https://www.reddit.com/search.rss?q=Alti</id>
<entry><id>t3_alti01</id><title>Les seniors s’équipent (Alti cité)</title><link href="https://presse.example/a/seniors-equipement"/>
<updated>2026-11-16T10:00:00+00:00</updated><content type="html">&lt;p&gt;Discussion&lt;/p&gt;</content></entry>
</feed>"#;

/// The notes of the feeds above, in path order.
const NAMES: [&str; 7] = [
    "content/veille/2026/11/5-exercices-d-equilibre-a-faire-chez-soi.md",
    "content/veille/2026/11/alti-pirate.md",
    "content/veille/2026/11/instagram-pousse-les-carrousels.md",
    "content/veille/2026/11/les-batons-alti-en-test.md",
    "content/veille/2026/11/mes-batons-alti-ont-une-poignee-fendue-apres-deux-sorties.md",
    "content/veille/2026/11/randonnee-les-seniors-s-equipent.md",
    "content/veille/2026/11/velo-electrique-aides-prolongees-pour-les-seniors.md",
];

fn config(server: &Server, extra_sources: &str) -> String {
    format!(
        r#"title: Veille
language: fr
timezone: Europe/Paris
networks:
  linkedin: {{}}
veille:
  keywords: [Alti]
  alert: 3
  timeout: 5s
  sources:
    - {{ id: presse, kind: sectorielle, url: "{presse}", keywords: [randonnée, seniors] }}
    - {{ id: silver, kind: sectorielle, url: "{silver}", keywords: [seniors] }}
    - {{ id: alertes, kind: e-reputation, url: "{alertes}" }}
    - {{ id: mastodon, kind: e-reputation, url: "{mastodon}" }}
    - {{ id: vitalpas, kind: concurrentielle, competitor: Vitalpas, url: "{youtube}", keywords: [équilibre] }}
    - {{ id: blog-cm, kind: metier, url: "{json}", keywords: [Instagram] }}
    - {{ id: reddit, kind: e-reputation, url: "{reddit}" }}
    - {{ id: casse, kind: metier, url: "{broken}" }}
{extra_sources}"#,
        presse = server.url("/presse.xml"),
        silver = server.url("/silver.rdf"),
        alertes = server.url("/alerts"),
        mastodon = server.url("/tags/alti.rss"),
        youtube = server.url("/feeds/videos.xml"),
        json = server.url("/feed.json"),
        reddit = server.url("/search.rss"),
        broken = server.url("/broken.xml"),
    )
}

fn serve_feeds(server: &Server) {
    server.route_with("/presse.xml", |req, _| {
        if req.headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
            Reply::status(304)
        } else {
            Reply::ok("application/rss+xml", RSS2).header("ETag", "\"v1\"")
        }
    });
    server.route("/silver.rdf", Reply::ok("application/rdf+xml", RSS1));
    server.route("/alerts", Reply::ok("application/atom+xml", GOOGLE_ALERTS));
    server.route("/tags/alti.rss", Reply::ok("application/rss+xml", MASTODON));
    server.route(
        "/feeds/videos.xml",
        Reply::ok("application/atom+xml", YOUTUBE),
    );
    server.route("/feed.json", Reply::ok("application/feed+json", JSON_FEED));
    server.route("/search.rss", Reply::ok("application/atom+xml", REDDIT));
    server.route(
        "/broken.xml",
        Reply::ok("text/html", "<html><body>Not a feed</body></html>"),
    );
}

fn project(server: &Server, extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("trame.yaml"), config(server, extra)).unwrap();
    dir
}

fn veille(root: &Path) -> std::process::Output {
    trame()
        .args(["veille", "--today", TODAY, "--root"])
        .arg(root)
        .output()
        .unwrap()
}

/// Every note under content/veille, path → text.
fn notes(root: &Path) -> std::collections::BTreeMap<String, String> {
    let base = root.join("content/veille");
    let mut out = std::collections::BTreeMap::new();
    if !base.exists() {
        return out;
    }
    for e in walkdir::WalkDir::new(&base).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, std::fs::read_to_string(e.path()).unwrap());
        }
    }
    out
}

#[test]
fn fetches_every_format_filters_dedupes_and_sanitises() {
    let server = Server::start();
    serve_feeds(&server);
    let dir = project(&server, "");
    let root = dir.path();
    let out = veille(root);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let written = notes(root);
    let names: Vec<&str> = written.keys().map(String::as_str).collect();
    assert_eq!(names, NAMES, "{stderr}");
    // What was kept, by title: football (no watched word), TikTok (no watched word) and the
    // Reddit copy of the press article (same address) are not.
    let all = written.values().cloned().collect::<Vec<_>>().join("\n");
    for kept in [
        "Randonnée : les seniors s’équipent",
        "Vélo électrique : aides prolongées pour les seniors",
        "Les bâtons Alti en test",
        "Mes bâtons Alti ont une poignée fendue",
        "5 exercices d’équilibre à faire chez soi",
        "Instagram pousse les carrousels",
    ] {
        assert!(all.contains(kept), "{kept} missing in\n{all}");
    }
    for dropped in ["Football", "TikTok", "Discussion"] {
        assert!(!all.contains(dropped), "{dropped} kept in\n{all}");
    }
    assert_eq!(written.len(), 7, "{all}");
    // Google Alerts' redirect is unwrapped; tracking parameters stay as the feed gave them.
    assert!(
        all.contains("url: \"https://journal.example/alti-test\""),
        "{all}"
    );
    // Nothing of the script survives as markup: tags are gone, the rest is escaped text.
    assert!(!all.contains("<script"), "{all}");
    assert!(!all.contains("<img"), "{all}");
    assert!(!all.contains("<a "), "{all}");
    let pirate = &written["content/veille/2026/11/alti-pirate.md"];
    assert!(pirate.contains("title: \"Alti piraté\"\n"), "{pirate}");
    assert!(
        pirate.contains("\\[clic\\](javascript:x) ::: linkedin"),
        "{pirate}"
    );
    // The fields of SPEC §3.4.
    let yt = written
        .iter()
        .find(|(k, _)| k.contains("equilibre"))
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    assert!(yt.contains("kind: concurrentielle\n"), "{yt}");
    assert!(yt.contains("competitor: \"Vitalpas\"\n"), "{yt}");
    assert!(yt.contains("source: \"vitalpas\"\n"), "{yt}");
    assert!(yt.contains("date: 2026-11-04T10:00:00+01:00\n"), "{yt}");
    assert!(
        yt.contains("Avec un kiné : l’équilibre après 60 ans."),
        "{yt}"
    );
    assert!(yt.contains("status: new\n"), "{yt}");
    // The malformed source is reported at its line of trame.yaml; the others went on.
    assert!(stderr.contains("veille/feed"), "{stderr}");
    assert!(stderr.contains("trame.yaml:18"), "{stderr}");
    assert!(stderr.contains("7 nouvelles notes"), "{stderr}");
    // Every note written checks without an error.
    let (json, _) = common::check(root);
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
}

#[test]
fn a_second_run_asks_conditionally_writes_nothing_and_never_replaces_an_edited_note() {
    let server = Server::start();
    serve_feeds(&server);
    let dir = project(&server, "");
    let root = dir.path();
    assert_eq!(veille(root).status.code(), Some(0));
    let first = notes(root);
    let state = std::fs::read(root.join(".trame/veille.json")).unwrap();
    // The team reads a note and changes it.
    let edited = root.join(NAMES[5]);
    let text = std::fs::read_to_string(&edited).unwrap();
    let text = text.replace("status: new", "status: idea") + "\nÀ relayer en janvier.\n";
    std::fs::write(&edited, &text).unwrap();
    server.clear_log();
    let out = veille(root);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The press feed was asked with its ETag and answered 304.
    let presse = server
        .requests()
        .into_iter()
        .find(|r| r.path == "/presse.xml")
        .unwrap_or_else(|| panic!("no request"));
    assert_eq!(
        presse.headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    assert!(stderr.contains("1 sans nouveauté"), "{stderr}");
    assert!(stderr.contains("0 nouvelles notes"), "{stderr}");
    // Nothing written: the notes (the edited one as the team left it) and the state.
    let mut expected = first.clone();
    expected.insert(NAMES[5].to_string(), text);
    assert_eq!(notes(root), expected);
    assert_eq!(
        std::fs::read(root.join(".trame/veille.json")).unwrap(),
        state
    );
    // Without the state (a fresh clone), the notes in content/veille still say what was seen.
    std::fs::remove_dir_all(root.join(".trame")).unwrap();
    let out = veille(root);
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(notes(root), expected);
}

#[test]
fn a_huge_feed_is_refused_and_the_others_are_read() {
    let server = Server::start();
    serve_feeds(&server);
    // 9 MB of items: past the cap of 8 MB.
    let item = "<item><title>Alti</title><description>x</description></item>".repeat(150_000);
    server.route(
        "/huge.xml",
        Reply::ok(
            "application/rss+xml",
            format!("<rss version=\"2.0\"><channel><title>t</title>{item}</channel></rss>"),
        ),
    );
    let extra = format!(
        "    - {{ id: enorme, kind: e-reputation, url: \"{}\" }}\n",
        server.url("/huge.xml")
    );
    let dir = project(&server, &extra);
    let root = dir.path();
    let out = veille(root);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("la source `enorme` n’a pas pu être lue"),
        "{stderr}"
    );
    assert!(stderr.contains("dépasse 8 Mo"), "{stderr}");
    assert_eq!(notes(root).len(), NAMES.len());
}

#[test]
fn notes_fetched_then_built_show_on_the_veille_page() {
    let server = Server::start();
    serve_feeds(&server);
    let dir = project(&server, "");
    let root = dir.path();
    assert_eq!(veille(root).status.code(), Some(0));
    // A post cites the negative note: the page says where it was used.
    let id = NAMES[4]
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .trim_end_matches(".md");
    std::fs::create_dir_all(root.join("content/posts")).unwrap();
    std::fs::write(
        root.join("content/posts/reponse.md"),
        format!("---\ntitle: Notre réponse sur les poignées\nnetworks: [linkedin]\nsources: [{id}]\n---\nNous remplaçons les poignées.\n"),
    )
    .unwrap();
    let out = common::build(root, false);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(root.join("output/veille/index.html")).unwrap();
    assert!(
        page.contains("Mes bâtons Alti ont une poignée fendue"),
        "{page}"
    );
    assert!(page.contains("Utilisée dans"), "{page}");
    assert!(page.contains("Notre réponse sur les poignées"), "{page}");
    assert!(!page.contains("<script>alert"), "{page}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("output/calendar.json")).unwrap())
            .unwrap();
    let note = json["veille"]
        .as_array()
        .and_then(|a| a.iter().find(|n| n["id"] == id))
        .cloned()
        .unwrap_or_default();
    assert_eq!(note["status"], "used", "{json:#}");
    assert_eq!(note["used_in"][0], "reponse", "{json:#}");
}

#[test]
fn an_unknown_source_is_a_usage_error_with_a_suggestion() {
    let server = Server::start();
    let dir = project(&server, "");
    let out = trame()
        .args(["veille", "--source", "presse-sport", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`veille.sources` n’a pas de source `presse-sport`"),
        "{stderr}"
    );
    assert!(server.requests().is_empty());
}
