//! Results (SPEC §9) end to end: each importer on its sample file, the join rules, the figures
//! with unknown values, the KPIs, bad files with their positions, and the pages showing the
//! figures of `results.json`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{copy_fixture, read, trame, with_code};
use serde_json::Value;
use std::path::Path;

const TODAY: &str = "2026-12-01";

fn check_json(root: &Path) -> (Value, i32) {
    let out = trame()
        .args(["check", "--format", "json", "--today", TODAY, "--root"])
        .arg(root)
        .output()
        .unwrap();
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn build(root: &Path) -> std::process::Output {
    trame()
        .args(["build", "--today", TODAY, "--root"])
        .arg(root)
        .output()
        .unwrap()
}

fn results_json(root: &Path) -> Value {
    serde_json::from_str(&read(root, "results.json")).unwrap()
}

/// The result of `post` on `network` in results.json.
fn post<'a>(r: &'a Value, id: &str, network: &str) -> &'a Value {
    r["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id && p["network"] == network)
        .unwrap_or_else(|| panic!("no result for {id} on {network}: {r:#}"))
}

#[test]
fn each_export_is_read_and_joined_to_its_post() {
    let dir = copy_fixture("results");
    let root = dir.path();
    let out = build(root);
    // The bad files are errors, but a results file never keeps the site from being built.
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let r = results_json(root);

    // Meta Instagram, English headers, "2,400": joined by its address, `?igsh=` left out.
    let ig = post(&r, "a", "instagram");
    assert_eq!(ig["impressions"], 2400);
    assert_eq!(ig["reach"], 2000);
    assert_eq!(ig["interactions"], 160); // 100 + 20 + 10 + 30
    assert_eq!(ig["engagement_rate_reach"], 0.08);
    assert_eq!(ig["clicks"], Value::Null);
    assert_eq!(
        ig["ctr"],
        Value::Null,
        "no clicks: the rate is unknown, not 0"
    );

    // LinkedIn, French CSV with a description row first, "3 000", fr.linkedin.com and no
    // trailing slash: the same address as `published`.
    let li = post(&r, "a", "linkedin");
    assert_eq!(li["impressions"], 3000);
    assert_eq!(li["reach"], Value::Null);
    assert_eq!(li["interactions"], 135);
    assert_eq!(li["engagement_rate_reach"], Value::Null);
    assert_eq!(li["ctr"], 0.05);

    // X: no address in `published`, joined by time (07:40 UTC is 08:40 in Paris, within 30
    // minutes of 08:30); the French export comes after the English one and replaces it.
    let x = post(&r, "b", "x");
    assert_eq!(x["impressions"], 1800);
    assert_eq!(x["interactions"], 41);
    assert_eq!(x["date"], "2026-11-12T08:30:00+01:00");

    // trame's own format, by post id.
    assert_eq!(post(&r, "e", "mastodon")["interactions"], 19);

    // Rows that match no post, or two (c and d went out 20 minutes apart), are listed and
    // still count in their network's totals.
    let unmatched: Vec<(String, u64)> = r["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["file"].as_str().unwrap().to_string(),
                u["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        unmatched,
        [
            ("metrics/facebook-fr.csv".to_string(), 2),
            ("metrics/facebook-fr.csv".to_string(), 3),
            ("metrics/linkedin-en.xlsx".to_string(), 3),
            ("metrics/trame.csv".to_string(), 3),
        ]
    );
    assert!(
        r["posts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["network"] != "facebook")
    );

    // KPIs: clicks summed over the campaign's posts between its dates, the rate a ratio of
    // sums; a KPI trame cannot compute has no actual.
    let kpis = &r["campaigns"][0]["kpis"];
    let kpi = |name: &str| {
        kpis.as_array()
            .unwrap()
            .iter()
            .find(|k| k["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(kpi("clicks")["actual"], 175.0); // 150 LinkedIn + 25 X
    assert_eq!(kpi("clicks")["reached"], false);
    // Only Instagram knows its reach: 160 / 2000.
    assert_eq!(kpi("engagement_rate_reach")["actual"], 0.08);
    assert_eq!(kpi("engagement_rate_reach")["reached"], true);
    assert_eq!(kpi("engagement")["actual"], Value::Null);
    assert_eq!(kpi("engagement")["reached"], Value::Null);

    // calendar.json carries each post's results.
    let cal: Value = serde_json::from_str(&read(root, "calendar.json")).unwrap();
    let a = cal["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "a")
        .unwrap();
    assert_eq!(a["results"]["instagram"]["interactions"], 160);
    assert_eq!(a["results"]["linkedin"]["ctr"], 0.05);
}

#[test]
fn bad_files_are_diagnostics_at_their_cells() {
    let dir = copy_fixture("results");
    let (json, code) = check_json(dir.path());
    assert_eq!(code, 1);
    let at = |code: &str| -> Vec<(String, u64, u64)> {
        with_code(&json, code)
            .iter()
            .map(|d| {
                (
                    d["file"].as_str().unwrap().to_string(),
                    d["line"].as_u64().unwrap(),
                    d["column"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let s = |f: &str, l, c| (f.to_string(), l, c);
    assert_eq!(
        at("metrics/value"),
        [
            // "hier", "beaucoup", "12,3 %" (quoted: the cell starts at its quote), a misspelt
            // network, and a Windows-1252 "é" read as such.
            s("metrics/bad/texte.csv", 2, 12),
            s("metrics/bad/texte.csv", 2, 17),
            s("metrics/bad/texte.csv", 2, 26),
            s("metrics/bad/texte.csv", 3, 1),
            s("metrics/bad/windows.csv", 2, 29),
        ]
    );
    assert_eq!(
        at("metrics/syntax"),
        [
            s("metrics/bad/ragged.csv", 3, 10),
            s("metrics/bad/ragged.csv", 4, 1),
            s("metrics/bad/separateur.csv", 2, 1),
        ]
    );
    assert_eq!(
        at("metrics/unknown-format"),
        [s("metrics/bad/inconnu.csv", 1, 1)]
    );
    assert_eq!(
        at("metrics/ambiguous"),
        [s("metrics/facebook-fr.csv", 2, 1)]
    );
    assert_eq!(
        at("calendar/kpi-unknown"),
        [s("content/calendar/hiver.md", 10, 3)]
    );
    let msg = |code: &str, i: usize| {
        with_code(&json, code)[i]["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let help = |code: &str, i: usize| {
        with_code(&json, code)[i]["help"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(
        msg("metrics/value", 0).contains("«\u{202f}hier\u{202f}» n’est pas une date"),
        "{json:#}"
    );
    assert!(msg("metrics/value", 2).contains("pourcentage"), "{json:#}");
    assert!(help("metrics/value", 3).contains("`linkedin`"), "{json:#}");
    assert!(
        msg("metrics/value", 4).contains("«\u{202f}é\u{202f}»"),
        "{json:#}"
    );
    assert!(
        help("metrics/syntax", 2).contains("«\u{202f};\u{202f}»"),
        "{json:#}"
    );
    // An unknown header says which columns were seen and which formats exist.
    assert!(
        msg("metrics/unknown-format", 0)
            .contains("«\u{202f}Nom\u{202f}», «\u{202f}Valeur\u{202f}», «\u{202f}Moment\u{202f}»")
    );
    assert!(help("metrics/unknown-format", 0).contains("Meta Business Suite"));
    assert!(help("metrics/unknown-format", 0).contains("network,post,url,date"));
    assert!(msg("metrics/ambiguous", 0).contains("`c`, `d`"), "{json:#}");
    assert!(help("calendar/kpi-unknown", 0).contains("engagement_rate_reach"));
    // A row that matches no post is an info, with the address it has.
    let unknown = with_code(&json, "metrics/unknown-post");
    assert_eq!(unknown.len(), 3, "{json:#}");
    assert!(unknown.iter().all(|d| d["severity"] == "info"));
    // The files read count as checked.
    assert_eq!(json["summary"]["files"], 1 + 8 + 13);
}

#[test]
fn the_pages_show_the_figures_of_results_json() {
    let dir = copy_fixture("results");
    let root = dir.path();
    build(root);
    let r = results_json(root);
    let post_page = read(root, "posts/a/index.html");
    // French numbers: 2 400, 8,0 %.
    assert!(post_page.contains("<td>2\u{202f}400</td>"), "{post_page}");
    assert!(post_page.contains("<td>8,0\u{a0}%</td>"), "{post_page}");
    assert_eq!(r["posts"].as_array().unwrap().len(), 4);
    let index = read(root, "results/index.html");
    for p in r["posts"].as_array().unwrap() {
        let n = p["interactions"].as_u64().unwrap();
        assert!(
            index.contains(&format!("<td>{n}</td>")),
            "{n} not on the results page"
        );
    }
    // Unknown is "—", never 0; each figure's formula is on the page.
    assert!(index.contains("<td>—</td>"));
    assert!(index.contains("interactions / reach"));
    assert!(index.contains("class=\"heatmap\""));
    assert!(index.contains("role=\"img\" aria-label=\"Interactions par mois — octobre 2026\u{a0}: 53\u{202f}; novembre 2026\u{a0}: 396"), "{index}");
    // The monthly report, and the campaign's scorecard.
    let report = read(root, "results/2026-11/index.html");
    assert!(report.contains("Ce qui a marché"), "{report}");
    assert!(
        report.contains("octobre 2026"),
        "compared with the previous month"
    );
    assert!(
        report.contains("«\u{202f}Marcher le matin\u{202f}» sur Instagram\u{a0}: 160 interactions"),
        "{report}"
    );
    assert!(read(root, "results/2026-10/index.html").contains("Rapport du mois"));
    assert!(read(root, "results/2026-09/index.html").is_empty());
    let campaign = read(root, "campaigns/hiver/index.html");
    assert!(campaign.contains("kpi-state reached"), "{campaign}");
    assert!(campaign.contains("kpi-state missed"));
    assert!(campaign.contains("non calculé"));
    // An audit takes its standing and top posts from the results of its period…
    let audit = read(root, "audits/bilan/index.html");
    assert!(
        audit.contains("2\u{202f}050"),
        "Instagram's followers on 30 November: {audit}"
    );
    assert!(audit.contains("+2,5\u{a0}%"), "2 000 → 2 050: {audit}");
    assert!(audit.contains("Marcher le matin"), "{audit}");
    // … unless they are typed: typed figures keep working.
    let typed = read(root, "audits/main/index.html");
    assert!(
        typed.contains("777") && !typed.contains("2\u{202f}050"),
        "{typed}"
    );
}

#[test]
fn an_english_project_reads_and_reports_in_english() {
    let dir = copy_fixture("results");
    let root = dir.path();
    let config = std::fs::read_to_string(root.join("trame.yaml")).unwrap();
    std::fs::write(
        root.join("trame.yaml"),
        config.replace("language: fr", "language: en"),
    )
    .unwrap();
    let (json, _) = check_json(root);
    let value = with_code(&json, "metrics/value");
    assert!(
        value[0]["message"]
            .as_str()
            .unwrap()
            .contains("\"hier\" is not a date")
    );
    build(root);
    let index = read(root, "results/index.html");
    assert!(index.contains("<td>2,400</td>"), "{index}");
    assert!(index.contains("Engagement rate (reach)"));
}

#[test]
fn a_50_mb_export_is_read_and_its_rows_counted() {
    let dir = copy_fixture("results");
    let root = dir.path();
    std::fs::remove_dir_all(root.join("metrics/bad")).unwrap();
    let mut text = String::from(
        "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"likes\"\n",
    );
    let filler = "x".repeat(900);
    let mut rows = 0u64;
    while text.len() < 50 * 1024 * 1024 {
        rows += 1;
        text.push_str(&format!(
            "\"9{rows}\",\"https://twitter.com/alti/status/9{rows}\",\"{filler}\",\"2025-03-01 10:00 +0000\",\"{rows}.0\",\"1.0\"\n"
        ));
    }
    std::fs::write(root.join("metrics/big.csv"), text).unwrap();
    let (json, _) = check_json(root);
    // One line per row would drown the report: 20, then how many more.
    let big: Vec<&Value> = with_code(&json, "metrics/unknown-post")
        .into_iter()
        .filter(|d| d["file"] == "metrics/big.csv")
        .collect();
    assert_eq!(big.len(), 21);
    // (The count, at the file's first line, sorts first.)
    assert!(
        big[0]["message"]
            .as_str()
            .unwrap()
            .contains("autres lignes"),
        "{:#}",
        big[0]
    );
    build(root);
    let r = results_json(root);
    let from_big = r["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["file"] == "metrics/big.csv")
        .count() as u64;
    assert_eq!(from_big, rows);
}

#[test]
fn snapshots_of_results_json_and_the_monthly_report() {
    let dir = copy_fixture("results");
    let root = dir.path();
    build(root);
    let r = results_json(root);
    insta::assert_snapshot!("results_json", serde_json::to_string_pretty(&r).unwrap());
    let report = read(root, "results/2026-11/index.html");
    let main = report
        .split_once("<main id=\"main\">")
        .and_then(|(_, rest)| rest.split_once("</main>"))
        .map(|(m, _)| m.to_string())
        .unwrap();
    insta::assert_snapshot!("monthly_report", main);
}
