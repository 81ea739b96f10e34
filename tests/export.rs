//! `trame export FORMAT`: each bulk-upload file against a sample made from the tool's
//! documented columns (tests/fixtures/export/), and what a format cannot carry refused by name.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::{TODAY, project_with, trame};

const CONFIG: &str = "title: Club\nlanguage: fr\ntimezone: Europe/Paris\nbase_url: https://cal.example.org/\nnetworks:\n  linkedin: {}\n  instagram: {}\n  x: {}\n  mastodon: {}\n";

fn post(title: &str, networks: &str, date: &str, status: &str, extra: &str, body: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\nnetworks: [{networks}]\ndate: {date}\nstatus: {status}\nauthor: Léa\nreviewer: Marc\n{extra}---\n{body}\n"
    )
}

const LONG: &str = "Premier paragraphe du fil, qui présente la sortie du dimanche au Mont Thou et ce qu’il faut prévoir pour la marche.\n\nDeuxième paragraphe : le départ est à 9 h devant la mairie, le retour vers 13 h, avec une pause au sommet pour le pique-nique.\n\nTroisième paragraphe : prévoyez de bonnes chaussures, de l’eau et une veste, car le vent souffle fort là-haut en cette saison.";

/// A project with a simple post (LinkedIn, Instagram, with an image and a first comment), a
/// thread on X, a post at 10:32 and a post still in draft.
fn project() -> tempfile::TempDir {
    let dir = project_with(
        CONFIG,
        &[
            (
                "sortie.md",
                post(
                    "Sortie du dimanche",
                    "linkedin, instagram",
                    "2026-12-06T10:00",
                    "scheduled",
                    "campaign: hiver\nfirst_comment: \"Inscriptions en bio\"\nmedia:\n  - { path: media/photo.jpg, alt: \"Le groupe au sommet\" }\n",
                    "Dimanche, sortie au Mont Thou. Départ 9 h.",
                ),
            ),
            (
                "fil.md",
                post(
                    "Le fil de la sortie",
                    "x",
                    "2026-12-07T18:30",
                    "approved",
                    "variants:\n  x: { thread: true }\n",
                    LONG,
                ),
            ),
            (
                "minute.md",
                post(
                    "Rappel",
                    "linkedin",
                    "2026-12-08T10:32",
                    "approved",
                    "",
                    "Rappel : sortie dimanche.",
                ),
            ),
            (
                "brouillon.md",
                "---\ntitle: \"Idée\"\nnetworks: [linkedin]\nstatus: draft\n---\nÀ écrire.\n"
                    .to_string(),
            ),
        ],
    );
    let calendar = dir.path().join("content/calendar");
    std::fs::create_dir_all(&calendar).unwrap();
    std::fs::write(
        calendar.join("hiver.md"),
        "---\ntitle: Hiver\nkind: campaign\ndate: 2026-12-01\nend: 2026-12-31\n---\nLe brief.\n",
    )
    .unwrap();
    dir
}

fn export(root: &Path, args: &[&str]) -> (i32, String, String) {
    let out = trame()
        .current_dir(root)
        .args(["export", "--today", TODAY])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn parse(bytes: &str, header: bool) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(header)
        .from_reader(bytes.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

fn sample(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/export")
            .join(name),
    )
    .unwrap()
}

/// The sample's header row and its first data row, as the tool documents them.
fn sample_rows(name: &str, header: bool) -> (Option<Vec<String>>, Vec<String>) {
    let text = sample(name);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(header)
        .from_reader(text.as_bytes());
    let head = header.then(|| r.headers().unwrap().iter().map(String::from).collect());
    let first = r.records().next().unwrap().unwrap();
    (head, first.iter().map(String::from).collect())
}

/// Cell by cell, the same shape: digits where the sample has digits, the same separators.
fn shape(cell: &str) -> String {
    cell.chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect()
}

#[test]
fn trame_csv_has_one_row_per_post_and_network_with_both_times() {
    let dir = project();
    let (code, out, err) = export(dir.path(), &["csv"]);
    assert_eq!(code, 0, "{err}");
    let (head, _) = sample_rows("trame.csv", true);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(Some(header.clone()), head);
    let rows = parse(&out, true);
    // The draft is not exported; the others are, one row per network, in date order.
    let keys: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("sortie", "instagram"),
            ("sortie", "linkedin"),
            ("fil", "x"),
            ("minute", "linkedin")
        ]
    );
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let li = &rows[1];
    assert_eq!(li[col("date")], "2026-12-06 10:00");
    assert_eq!(li[col("time_zone")], "Europe/Paris");
    assert_eq!(li[col("date_utc")], "2026-12-06T09:00:00Z");
    assert_eq!(li[col("media")], "media/photo.jpg");
    assert_eq!(li[col("alt_texts")], "Le groupe au sommet");
    assert_eq!(li[col("first_comment")], "Inscriptions en bio");
    assert_eq!(li[col("campaign")], "hiver");
    assert_eq!(li[col("page")], "https://cal.example.org/posts/sortie/");
    let thread = &rows[2];
    let parts: usize = thread[col("thread_parts")].parse().unwrap();
    assert!(parts > 1, "{thread:?}");
    assert_eq!(thread[col("text")].matches("———").count(), parts - 1);
    // --status and the dates choose the rows.
    let (_, out, _) = export(dir.path(), &["csv", "--status", "brouillon"]);
    assert_eq!(parse(&out, true).len(), 1);
    let (_, out, _) = export(
        dir.path(),
        &["csv", "--from", "2026-12-07", "--to", "2026-12-07"],
    );
    assert_eq!(parse(&out, true).len(), 1);
    let (_, out, _) = export(dir.path(), &["csv", "--network", "instagram"]);
    assert_eq!(parse(&out, true).len(), 1);
}

#[test]
fn hootsuite_refuses_a_thread_and_an_odd_minute_and_writes_nothing() {
    let dir = project();
    let target = dir.path().join("h.csv");
    let (code, _, err) = export(dir.path(), &["hootsuite", "-o", "h.csv"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("erreur[export/unsupported]"), "{err}");
    assert!(
        err.contains("fil de") && err.contains("content/posts/fil.md"),
        "{err}"
    );
    assert!(
        err.contains("multiples de 5") && err.contains("10:30 ou 10:35"),
        "{err}"
    );
    assert!(err.contains("rien n’est écrit"), "{err}");
    // The image and the first comment are said, not dropped silently.
    assert!(err.contains("avertissement[export/not-carried]"), "{err}");
    assert!(!target.exists() && !dir.path().join("h-linkedin.csv").exists());
}

#[test]
fn hootsuite_writes_one_headerless_file_per_profile_like_its_sample() {
    let dir = project();
    let (code, _, err) = export(
        dir.path(),
        &["hootsuite", "-o", "h.csv", "--skip-unsupported"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("2 publications laissées de côté"), "{err}");
    let (_, sample) = sample_rows("hootsuite.csv", false);
    for net in ["linkedin", "instagram"] {
        let text = std::fs::read_to_string(dir.path().join(format!("h-{net}.csv"))).unwrap();
        let rows = parse(&text, false);
        assert_eq!(rows.len(), 1, "{net}: {rows:?}");
        assert_eq!(rows[0].len(), sample.len());
        assert_eq!(
            shape(&rows[0][0]),
            shape(&sample[0]),
            "the date as the sample writes it"
        );
        assert_eq!(rows[0][0], "06/12/2026 10:00");
    }
    assert!(!dir.path().join("h-x.csv").exists());
    // Several profiles and no file name: asked for one.
    let (code, _, err) = export(dir.path(), &["hootsuite", "--skip-unsupported"]);
    assert_eq!(code, 2);
    assert!(err.contains("un fichier par profil"), "{err}");
    let (code, out, _) = export(
        dir.path(),
        &["hootsuite", "--network", "linkedin", "--skip-unsupported"],
    );
    assert_eq!(code, 0);
    assert_eq!(parse(&out, false).len(), 1, "10:32 is left out");
}

#[test]
fn metricool_fills_its_template_one_row_per_network() {
    let dir = project();
    let (code, out, err) = export(dir.path(), &["metricool", "--skip-unsupported"]);
    assert_eq!(code, 0, "{err}");
    let (head, sample) = sample_rows("metricool.csv", true);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        Some(header.clone()),
        head,
        "the template's columns, in its order"
    );
    let rows = parse(&out, true);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows.len(), 3, "the thread is refused: {rows:?}");
    for (name, _) in header
        .iter()
        .zip(&sample)
        .filter(|(h, _)| *h == "Date" || *h == "Time")
    {
        assert_eq!(
            shape(&rows[0][col(name)]),
            shape(&sample[col(name)]),
            "{name}"
        );
    }
    let ig = &rows[0];
    assert_eq!(ig[col("Instagram")], "TRUE");
    assert_eq!(ig[col("LinkedIn")], "FALSE");
    assert_eq!(
        ig[col("Picture Url 1")],
        "https://cal.example.org/media-files/media/photo.jpg"
    );
    assert_eq!(ig[col("Alt text picture 1")], "Le groupe au sommet");
    assert_eq!(ig[col("First Comment Text")], "Inscriptions en bio");
    assert!(err.contains("Metricool") && err.contains("fil de"), "{err}");
}

#[test]
fn publer_carries_a_thread_as_chained_comments() {
    let dir = project();
    let (code, out, err) = export(dir.path(), &["publer", "--network", "x"]);
    assert_eq!(code, 0, "{err}");
    let (head, sample) = sample_rows("publer.csv", true);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(Some(header.clone()), head);
    let rows = parse(&out, true);
    assert_eq!(rows.len(), 1);
    assert_eq!(shape(&rows[0][0]), shape(&sample[0]));
    let comments = &rows[0][header.iter().position(|h| h == "Comment(s)").unwrap()];
    assert!(
        !comments.is_empty() && !rows[0][1].contains("———"),
        "{rows:?}"
    );
    assert!(LONG.starts_with(&rows[0][1][..20]));
    // One file per account: several networks need a file name, and get one each.
    let (code, _, _) = export(dir.path(), &["publer", "-o", "p.csv"]);
    assert_eq!(code, 0);
    for net in ["linkedin", "instagram", "x"] {
        assert!(dir.path().join(format!("p-{net}.csv")).exists(), "{net}");
    }
}

#[test]
fn an_unknown_format_or_status_is_a_usage_error_with_a_suggestion() {
    let dir = project();
    let (code, _, err) = export(dir.path(), &["hootsuit"]);
    assert_eq!(code, 2);
    assert!(err.contains("hootsuite"), "{err}");
    let (code, _, err) = export(dir.path(), &["csv", "--status", "pret"]);
    assert_eq!(code, 2);
    assert!(err.contains("statut inconnu"), "{err}");
}

#[test]
fn a_post_with_errors_is_not_exported() {
    let dir = project_with(
        CONFIG,
        &[(
            "long.md",
            post(
                "Trop long",
                "x",
                "2026-12-06T10:00",
                "approved",
                "",
                &"mot ".repeat(100),
            ),
        )],
    );
    let (code, out, err) = export(dir.path(), &["csv"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("network/length") && err.contains("corrigez-les"),
        "{err}"
    );
}
