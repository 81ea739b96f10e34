//! A pull request comes from anyone: what a file in it can never do, end to end on the real
//! binary. Read outside the project (links, the logo), hang trame (a pipe), inject into the
//! feeds or the pages (a file name, `base_url`, `focus`), print raw escapes in a terminal, or
//! make the work blow up (nested lists, a far date, a huge text).

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::time::Duration;

use common::{TODAY, build, check, project_with, read, trame, with_code};

const CONFIG: &str = "title: \"Cas\"\nlanguage: fr\ntimezone: Europe/Paris\nbase_url: https://cal.example.org/\nnetworks:\n  linkedin: {}\n  instagram: {}\n";

fn post(title: &str, extra: &str, body: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\nnetworks: [linkedin]\ndate: 2026-12-03T10:00\n{extra}---\n{body}\n"
    )
}

/// Every byte of every file of the built site.
fn site_bytes(root: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    for e in walkdir::WalkDir::new(root.join("output"))
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            all.extend(std::fs::read(e.path()).unwrap());
        }
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[cfg(unix)]
#[test]
fn a_logo_or_a_post_linked_out_of_the_project_is_never_read() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), "SECRET-LINE\n").unwrap();
    let config = format!("{CONFIG}organisation: {{ name: Club, logo: media/logo.png }}\n");
    let dir = project_with(&config, &[("a.md", post("A", "", "Un texte."))]);
    let root = dir.path();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        root.join("media/logo.png"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        root.join("content/posts/leak.md"),
    )
    .unwrap();
    // A folder linked out of the project is outside it too.
    std::os::unix::fs::symlink(outside.path(), root.join("media/linked")).unwrap();
    std::fs::write(
        root.join("content/posts/b.md"),
        post(
            "B",
            "media: [{ path: media/linked/secret.md, alt: x }]\n",
            "Un texte.",
        ),
    )
    .unwrap();
    let (json, code) = check(root);
    assert_eq!(code, 1, "{json}");
    let logo = with_code(&json, "media/outside-project");
    assert!(
        logo.iter()
            .any(|d| d["file"] == "trame.yaml" && d["line"] == 8),
        "the logo is named where it is written: {json}"
    );
    assert!(
        logo.iter().any(|d| d["file"] == "content/posts/b.md"),
        "{json}"
    );
    assert!(
        with_code(&json, "file/read")
            .iter()
            .any(|d| d["file"] == "content/posts/leak.md"),
        "{json}"
    );
    let out = trame()
        .args(["build", "--force", "--today", TODAY, "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert!(!contains(&out.stdout, "SECRET") && !contains(&out.stderr, "SECRET"));
    assert!(!contains(&site_bytes(root), "SECRET-LINE"));
}

#[cfg(unix)]
#[test]
fn a_pipe_in_content_as_media_or_as_the_logo_never_blocks() {
    let config = format!("{CONFIG}organisation: {{ name: Club, logo: media/logo.png }}\n");
    let dir = project_with(
        &config,
        &[(
            "a.md",
            post(
                "A",
                "media: [{ path: media/pipe.jpg, alt: x }]\n",
                "Un texte.",
            ),
        )],
    );
    let root = dir.path();
    for p in ["content/posts/pipe.md", "media/pipe.jpg", "media/logo.png"] {
        let made = std::process::Command::new("mkfifo")
            .arg(root.join(p))
            .status()
            .unwrap();
        assert!(made.success());
    }
    let out = trame()
        .args(["check", "--format", "json", "--today", TODAY, "--root"])
        .arg(root)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "check finished");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("ce n’est pas un fichier ordinaire")
        })
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    for f in ["content/posts/pipe.md", "content/posts/a.md", "trame.yaml"] {
        assert!(files.contains(&f), "{f}: {json}");
    }
}

#[test]
fn a_file_name_with_a_line_break_is_reported_and_cannot_confuse_the_manifest() {
    let dir = project_with(
        CONFIG,
        &[
            ("a\nline.md", post("A", "", "Un texte.")),
            ("line.md", post("Line", "", "Un autre.")),
        ],
    );
    let root = dir.path();
    let (json, _) = check(root);
    let found = with_code(&json, "file/control-character");
    assert_eq!(found.len(), 1, "{json}");
    assert!(build(root, false).status.success());
    assert!(root.join("output/posts/line/index.html").is_file());
    // The post goes: its own pages go, the other post's stay.
    std::fs::remove_file(root.join("content/posts/a\nline.md")).unwrap();
    assert!(build(root, false).status.success());
    assert!(root.join("output/posts/line/index.html").is_file());
    assert!(!read(root, "list/index.html").contains("Un texte"));
}

#[test]
fn a_focus_that_is_not_a_position_never_reaches_a_style_attribute() {
    let text = post(
        "F",
        "networks: [instagram]\nmedia: [{ path: media/photo.jpg, alt: x, focus: \"center;position:fixed;inset:0\" }]\n",
        "Un texte.",
    )
    .replacen("networks: [linkedin]\n", "", 1);
    let dir = project_with(CONFIG, &[("f.md", text)]);
    let root = dir.path();
    let (json, _) = check(root);
    let bad = with_code(&json, "frontmatter/invalid");
    assert_eq!(bad.len(), 1, "{json}");
    assert_eq!(bad[0]["line"], 5);
    build(root, true);
    let page = read(root, "posts/f/index.html");
    for style in page
        .split("style=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
    {
        assert!(!style.contains("position"), "{style}");
    }
    assert!(page.contains("--focus: center"));
}

/// A project with one post and the calendar entry `name` holding `text`.
fn with_entry(name: &str, text: &str) -> tempfile::TempDir {
    let dir = project_with(CONFIG, &[("a.md", post("A", "", "Un texte."))]);
    let calendar = dir.path().join("content/calendar");
    std::fs::create_dir_all(&calendar).unwrap();
    std::fs::write(calendar.join(name), text).unwrap();
    dir
}

#[test]
fn a_line_break_in_a_file_name_or_base_url_never_adds_a_feed_property() {
    let dir = with_entry(
        "e\r\nATTENDEE:mailto:x@evil.example.md",
        "---\ntitle: E\nkind: event\ndate: 2026-12-05\n---\n",
    );
    let root = dir.path();
    build(root, true);
    let ics = read(root, "calendar.ics");
    assert!(ics.contains("BEGIN:VEVENT"));
    assert!(!ics.lines().any(|l| l.starts_with("ATTENDEE")), "{ics}");
    // In base_url it is a config error, said where it is.
    std::fs::write(
        root.join("trame.yaml"),
        CONFIG.replace(
            "base_url: https://cal.example.org/",
            "base_url: \"https://cal.example.org/\\r\\nATTENDEE:x\"",
        ),
    )
    .unwrap();
    let (json, code) = check(root);
    assert_eq!(code, 2, "{json}");
    assert_eq!(json["diagnostics"][0]["code"], "config/invalid");
    assert_eq!(json["diagnostics"][0]["line"], 4);
}

#[test]
fn odd_media_names_are_linked_to_the_file_they_name() {
    let dir = project_with(
        CONFIG,
        &[(
            "m.md",
            post(
                "M",
                "media: [{ path: \"media/a#b?c%d e.jpg\", alt: x }]\n",
                "Un texte.",
            ),
        )],
    );
    let root = dir.path();
    std::fs::copy(
        root.join("media/photo.jpg"),
        root.join("media/a#b?c%d e.jpg"),
    )
    .unwrap();
    assert!(build(root, false).status.success());
    let page = read(root, "posts/m/index.html");
    let src = page
        .split("<img src=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    let decoded = percent_encoding::percent_decode_str(src).decode_utf8_lossy();
    assert!(
        root.join("output/posts/m").join(decoded.as_ref()).is_file(),
        "{src}"
    );
}

#[test]
fn escapes_in_a_file_name_are_shown_never_sent_to_the_terminal() {
    let dir = project_with(
        CONFIG,
        &[(
            "e\u{1b}[31mred.md",
            post("E", "status: bogus\n", "Un texte."),
        )],
    );
    let root = dir.path();
    for format in ["human", "github"] {
        let out = trame()
            .args(["check", "--format", format, "--today", TODAY, "--root"])
            .arg(root)
            .output()
            .unwrap();
        let all = [out.stdout, out.stderr].concat();
        assert!(!all.contains(&0x1b), "{format}: a raw ESC");
        assert!(contains(&all, "e\\u{1b}[31mred.md"), "{format}");
    }
}

#[test]
fn a_title_with_line_breaks_makes_a_post_that_checks() {
    let dir = project_with(CONFIG, &[("a.md", post("A", "reviewer: N\n", "Un texte."))]);
    let root = dir.path();
    let out = trame()
        .args([
            "new",
            "post",
            "Titre\n---\nstatus: x",
            "--today",
            TODAY,
            "--root",
        ])
        .arg(root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (json, _) = check(root);
    assert!(with_code(&json, "frontmatter/syntax").is_empty(), "{json}");
    assert!(with_code(&json, "frontmatter/type").is_empty(), "{json}");
    let created = walkdir::WalkDir::new(root.join("content/posts"))
        .into_iter()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().contains("titre"))
        .unwrap();
    let text = std::fs::read_to_string(created.path()).unwrap();
    assert!(text.contains("title: \"Titre --- status: x\""), "{text}");
}

#[test]
fn nested_lists_and_huge_texts_stay_bounded() {
    let nested = format!("{}x", "- ".repeat(50_000));
    let huge = "Un mot. ".repeat(20_000); // 160,000 characters
    let dir = project_with(
        CONFIG,
        &[
            ("n.md", post("N", "", &nested)),
            ("h.md", post("H", "", &huge)),
        ],
    );
    let root = dir.path();
    let (json, _) = check(root);
    // Both are cut (the nested list is 400,000 characters once indented): said, as a warning on
    // a draft.
    let cut = with_code(&json, "variant/too-large");
    assert_eq!(cut.len(), 2, "{json}");
    assert!(cut.iter().all(|d| d["severity"] == "warning"), "{json}");
    build(root, true);
    let nested_txt = std::fs::metadata(root.join("output/posts/n/linkedin.txt")).unwrap();
    assert!(nested_txt.len() < 1_000_000, "{} bytes", nested_txt.len());
    let huge_txt = std::fs::read_to_string(root.join("output/posts/h/linkedin.txt")).unwrap();
    assert!(huge_txt.chars().count() <= 100_001, "{}", huge_txt.len());
}

#[test]
fn a_date_years_away_is_a_warning_and_gets_its_month_alone() {
    let dir = with_entry(
        "loin.md",
        "---\ntitle: Loin\nkind: event\ndate: 9999-12-31\n---\n",
    );
    let root = dir.path();
    let (json, _) = check(root);
    let far = with_code(&json, "frontmatter/date");
    assert_eq!(far.len(), 1, "{json}");
    assert_eq!(far[0]["severity"], "warning");
    let out = trame()
        .args(["build", "--today", TODAY, "--root"])
        .arg(root)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(root.join("output/calendar/9999/12/index.html").is_file());
    let months = std::fs::read_dir(root.join("output/calendar"))
        .unwrap()
        .flatten()
        .count();
    assert!(months <= 3, "{months} years of month pages");
}

#[test]
fn many_unknown_mentions_on_one_line_are_reported_quickly_and_shown_around_each() {
    let body = "@[nobody] ".repeat(3_000);
    let dir = project_with(CONFIG, &[("m.md", post("M", "", &body))]);
    let out = trame()
        .args(["check", "--today", TODAY, "--root"])
        .arg(dir.path())
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let shown = text.matches("`@[nobody]` ne désigne aucun contact").count();
    assert_eq!(shown, 3_000);
    // Each problem shows its place in the line, not the whole 100 KB line.
    assert!(text.lines().all(|l| l.chars().count() < 400));
}
