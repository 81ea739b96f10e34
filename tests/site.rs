//! What the site shows a community manager, end to end on the real binary: readable colours,
//! charts and tables with names, French numbers, the length gauge, the audit's regularity, the
//! calendar's names, filters and legend, the board's people, one copy button per thread part,
//! the diagnostics page's order, and the feeds page.

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{TODAY, build, project_with, read, trame};
use trame::base::color::Rgb;

/// The demo project, built once for the tests of this file.
fn demo() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, site) = SITE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let done = trame()
            .args(["build", "-q", "--today", TODAY, "--output"])
            .arg(&out)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(
            done.status.success(),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
        (dir, out)
    });
    site
}

fn demo_page(rel: &str) -> String {
    std::fs::read_to_string(demo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The text between `start` and the next `end` after it, from the `n`th `start` on.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    s.split(start)
        .skip(1)
        .map(|x| x.split(end).next().unwrap())
        .collect()
}

/// Every `--bg: X; --t: Y` pair of the site's inline styles, with `var` `--n` or `--c`.
fn colour_pairs(html: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for style in between(html, "style=\"", "\"") {
        let get = |k: &str| {
            style
                .split(';')
                .find_map(|d| d.trim().strip_prefix(k).map(|v| v.trim().to_string()))
        };
        if let Some(t) = get("--t:") {
            let bg = get("--n:").or_else(|| get("--c:")).unwrap();
            pairs.push((bg, t));
        }
    }
    pairs
}

#[test]
fn every_badge_and_bar_of_the_demo_reads_at_aa_contrast() {
    let mut seen = 0;
    for e in walkdir::WalkDir::new(demo()).into_iter().flatten() {
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let html = std::fs::read_to_string(e.path()).unwrap();
        for (bg, text) in colour_pairs(&html) {
            let (bg, text) = (Rgb::parse(&bg).unwrap(), Rgb::parse(&text).unwrap());
            let ratio = bg.contrast(text);
            assert!(
                ratio >= 4.5,
                "{}: {bg} / {text} is {ratio:.2}:1",
                e.path().display()
            );
            seen += 1;
        }
    }
    assert!(seen > 100, "only {seen} coloured badges and bars");
}

#[test]
fn a_light_network_colour_gets_dark_text_and_a_dark_one_light_text() {
    let config = "title: \"Cas\"\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  linkedin: { color: \"#ffeb3b\" }\n  mastodon: { color: \"#1a237e\" }\n";
    let post = "---\ntitle: \"Couleurs\"\nnetworks: [linkedin, mastodon]\ndate: 2026-12-03T10:00\n---\nUn texte.\n";
    let dir = project_with(config, &[("couleurs.md", post)]);
    assert!(build(dir.path(), false).status.success());
    let page = read(dir.path(), "posts/couleurs/index.html");
    let pairs = colour_pairs(&page);
    assert!(
        pairs.contains(&("#ffeb3b".into(), "#000000".into())),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("#1a237e".into(), "#ffffff".into())),
        "{pairs:?}"
    );
    // A colour that is not one is said where it is.
    std::fs::write(
        dir.path().join("trame.yaml"),
        config.replace("#ffeb3b", "jaune"),
    )
    .unwrap();
    let (json, code) = common::check(dir.path());
    assert_eq!(code, 2, "{json}");
    let message = json["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("jaune"), "{message}");
    assert_eq!(json["diagnostics"][0]["line"], 5);
}

#[test]
fn the_audit_chart_has_a_name_with_its_figures_and_tables_fit_a_phone() {
    let audit = demo_page("audits/etat-des-lieux-2026/index.html");
    let svg = between(&audit, "<svg", ">")[0];
    assert!(svg.contains("role=\"img\""), "{svg}");
    let label = between(svg, "aria-label=\"", "\"")[0];
    assert!(
        label.contains("Facebook\u{a0}: 12\u{202f}400 (avant\u{a0}: 11\u{202f}900)")
            || label.contains("Facebook\u{a0}: 12\u{a0}400 (avant\u{a0}: 11\u{a0}900)"),
        "{label}"
    );
    assert!(audit.contains("<title>"), "the chart has no title");
    // Every data cell of a stacked table says its column on a phone (but the rank, a number
    // set beside the row's name).
    for table in between(&audit, "<table class=\"data stack\">", "</table>") {
        for cell in between(table, "<td", ">") {
            assert!(
                cell.contains("data-label=\"") || cell == " class=\"rank\"",
                "{cell}"
            );
        }
    }
}

#[test]
fn french_pages_write_french_numbers() {
    let campaign = demo_page("campaigns/hiver-actif/index.html");
    let text = campaign.replace(['\u{a0}', '\u{202f}'], " ");
    assert!(text.contains("1 200"), "clicks");
    assert!(text.contains("4,5 %"), "engagement rate");
    assert!(
        text.contains("Abonnés gagnés"),
        "a known KPI by its French name"
    );
    assert!(!text.contains("0.045") && !text.contains("1200.0"));
    let audit =
        demo_page("audits/etat-des-lieux-2026/index.html").replace(['\u{a0}', '\u{202f}'], " ");
    assert!(audit.contains("+4,2 %"), "growth");
    assert!(audit.contains("2,1 %"), "engagement");
    assert!(!audit.contains("/week"));
}

#[test]
fn the_length_gauge_turns_red_over_the_limit() {
    let long = "Un mot. ".repeat(40); // 320 characters, X takes 280.
    let post =
        format!("---\ntitle: \"Trop long\"\nnetworks: [x]\ndate: 2026-12-03T10:00\n---\n{long}\n");
    let config = "title: \"Cas\"\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  x: {}\n";
    let dir = project_with(config, &[("long.md", post)]);
    // A draft: the length is a warning, the site is written.
    assert!(build(dir.path(), false).status.success());
    let page = read(dir.path(), "posts/long/index.html");
    let meter = between(&page, "<meter", ">")[0];
    let attr = |k: &str| -> usize {
        between(meter, &format!(" {k}=\""), "\"")[0]
            .parse()
            .unwrap()
    };
    let (value, max, high) = (attr("value"), attr("max"), attr("high"));
    assert_eq!(high, 280, "{meter}");
    // Browsers clamp the value to max: above `high`, the bar is drawn red.
    assert!(value > high && max >= value, "{meter}");
    assert!(attr("optimum") < attr("low"), "{meter}");
    assert!(page.contains("class=\"gauge over\""));
}

#[test]
fn the_audit_counts_every_week_between_the_first_post_and_the_last() {
    let config = "title: \"Cas\"\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\ncadence:\n  linkedin: 1/week\n";
    let post = |d: &str| {
        format!(
            "---\ntitle: \"Le {d}\"\nnetworks: [linkedin]\ndate: {d}T10:00\nstatus: approved\nreviewer: Nadia\n---\nUn texte.\n"
        )
    };
    // Weeks 49 and 51 have a post, week 50 none.
    let dir = project_with(
        config,
        &[("a.md", post("2026-12-01")), ("b.md", post("2026-12-15"))],
    );
    let audit = "---\ntitle: \"Bilan\"\ndate: 2026-11-20\n---\nLe bilan.\n";
    std::fs::create_dir_all(dir.path().join("content/audits")).unwrap();
    std::fs::write(dir.path().join("content/audits/bilan.md"), audit).unwrap();
    let out = build(dir.path(), true);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = read(dir.path(), "audits/bilan/index.html");
    let row = between(&page, "<th scope=\"row\">LinkedIn</th>", "</tr>")
        .into_iter()
        .find(|r| r.contains("par semaine"))
        .unwrap_or_else(|| panic!("no regularity row: {page}"));
    assert!(row.contains(">2 / 3<"), "{row}");
}

#[test]
fn every_week_row_of_the_month_names_the_campaigns_it_shows() {
    let month = demo_page("calendar/2026/12/index.html");
    for row in between(&month, "<tr>", "</tr>").into_iter().skip(1) {
        let bars = between(row, "<a class=\"bar\"", "</a>");
        if bars.is_empty() {
            continue;
        }
        // The first bar of a row is its Monday's (or the campaign's first day): named.
        let first = bars[0];
        assert!(
            !first.contains("class=\"sr\""),
            "a row starts with an unnamed bar: {first}"
        );
    }
}

#[test]
fn the_month_has_a_legend_and_every_calendar_view_has_filters() {
    let month = demo_page("calendar/2026/12/index.html");
    let legend = between(&month, "<details class=\"legend\">", "</details>")[0];
    assert!(
        legend.contains("LinkedIn") && legend.contains(">brouillon<"),
        "{legend}"
    );
    let week = std::fs::read_dir(demo().join("weeks"))
        .unwrap()
        .flatten()
        .map(|e| e.path().join("index.html"))
        .min()
        .unwrap();
    for page in [
        month,
        demo_page("list/index.html"),
        std::fs::read_to_string(week).unwrap(),
    ] {
        let form = between(&page, "<form class=\"filters\"", "</form>")[0];
        for select in ["network", "status", "campaign", "author"] {
            assert!(form.contains(&format!("name=\"{select}\"")), "{select}");
        }
    }
}

#[test]
fn the_board_says_who_writes_and_who_reviews() {
    let board = demo_page("board/index.html");
    assert!(board.contains("<span class=\"people\">Camille, relu par Nadia</span>"));
}

#[test]
fn a_thread_has_one_copy_button_per_part_and_for_its_first_comment() {
    let config = "title: \"Cas\"\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  x: {}\n  instagram: {}\n";
    let long = "Une phrase qui compte bien ses mots pour aller loin. ".repeat(12);
    let post = format!(
        "---\ntitle: \"Fil\"\nnetworks: [x]\ndate: 2026-12-03T10:00\nvariants:\n  x: {{ thread: true, first_comment: \"La source : alti.example\" }}\n---\n{long}\n"
    );
    let dir = project_with(config, &[("fil.md", post)]);
    let out = build(dir.path(), false);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = read(dir.path(), "posts/fil/index.html");
    let parts = between(&page, "<p class=\"part\">", "</p>");
    assert!(parts.len() >= 3, "{page}");
    for part in &parts {
        assert!(
            part.contains("<button type=\"button\" class=\"copy\""),
            "{part}"
        );
    }
    let copies: Vec<&str> = between(&page, "class=\"copy\" data-copy=\"", "\"");
    // One per part (the first comment's among them), none for the whole thread.
    assert_eq!(copies.len(), parts.len(), "{copies:?}");
    assert!(copies.iter().any(|c| c.contains("La source")));
    assert!(
        copies.iter().all(|c| c.chars().count() <= 280),
        "{copies:?}"
    );
}

#[test]
fn the_diagnostics_page_gives_totals_and_lists_errors_first() {
    let config = "title: \"Cas\"\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  x: {}\n  linkedin: {}\n";
    // `a.md` has a warning (a draft too long), `b.md` an error (an unknown network).
    let long = "Un mot. ".repeat(40);
    let a = format!("---\ntitle: \"A\"\nnetworks: [x]\ndate: 2026-12-03T10:00\n---\n{long}\n");
    let b = "---\ntitle: \"B\"\nnetworks: [linkedn]\ndate: 2026-12-04T10:00\n---\nUn texte.\n";
    let dir = project_with(config, &[("a.md", a.as_str()), ("b.md", b)]);
    let out = build(dir.path(), true);
    assert_eq!(out.status.code(), Some(1));
    let page = read(dir.path(), "diagnostics/index.html");
    let files = between(&page, "<section class=\"file\">", "</section>");
    assert!(files[0].contains("content/posts/b.md"), "{files:?}");
    assert!(files[1].contains("content/posts/a.md"), "{files:?}");
    let totals = between(&page, "<ul class=\"totals\">", "</ul>")[0];
    assert!(totals.contains("<strong>1</strong> erreur<"), "{totals}");
    assert!(
        totals.contains("<strong>1</strong> avertissement<"),
        "{totals}"
    );
    assert!(
        totals.contains("<strong>0</strong> information<"),
        "{totals}"
    );
    assert!(page.contains("2 fichiers concernés"));
    let by_code = between(&page, "<details class=\"by-code\">", "</details>")[0];
    let unknown = by_code.find("network/unknown").unwrap();
    let length = by_code.find("network/length").unwrap();
    assert!(unknown < length, "errors first: {by_code}");
}

#[test]
fn the_feeds_page_links_every_feed_and_subscriptions_once_the_site_has_an_address() {
    let feeds = demo_page("feeds/index.html");
    let links = between(&feeds, "href=\"", "\"");
    for network in ["", "-linkedin", "-instagram", "-youtube"] {
        let file = format!("calendar{network}.ics");
        assert!(
            links.iter().any(|l| l.ends_with(&format!("/{file}"))),
            "no link to {file}"
        );
        assert!(demo().join(&file).is_file(), "{file}");
        assert!(
            links.contains(&format!("webcal://alti.example/calendrier/{file}").as_str()),
            "no subscription to {file}: {links:?}"
        );
    }
    // Every page's menu leads there.
    let month = demo_page("calendar/2026/12/index.html");
    assert!(
        month.contains("href=\"../../../feeds/\"")
            || month.contains("href=\"../../../feeds/index.html\"")
    );
    // Without base_url, downloads only, and the page says how to get subscriptions.
    let config =
        "title: \"Cas\"\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n";
    let post = "---\ntitle: \"Un\"\nnetworks: [linkedin]\ndate: 2026-12-03T10:00\n---\nUn texte.\n";
    let dir = project_with(config, &[("un.md", post)]);
    assert!(build(dir.path(), false).status.success());
    let page = read(dir.path(), "feeds/index.html");
    assert!(!page.contains("webcal://"));
    assert!(page.contains("base_url"));
    assert!(page.contains("calendar-linkedin.ics"));
}
