//! End-to-end tests: the real `trame` binary on real project folders (tests/fixtures/).

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{copy_fixture, fixture, trame};

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

const TODAY: &str = "2026-11-24";

fn check_json(root: &Path, today: &str) -> (Value, i32, String) {
    let out = trame()
        .args(["check", "--format", "json", "--today", today, "--root"])
        .arg(root)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!stderr.contains("panicked"), "trame panicked: {stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    (json, out.status.code().unwrap_or(-1), stderr)
}

fn diags(json: &Value) -> Vec<Value> {
    json["diagnostics"].as_array().cloned().unwrap_or_default()
}

fn find<'a>(diags: &'a [Value], code: &str, file: &str) -> Vec<&'a Value> {
    diags
        .iter()
        .filter(|d| d["code"] == code && d["file"].as_str().is_some_and(|f| f.ends_with(file)))
        .collect()
}

/// Every diagnostic code of SPEC §5 (but charter/* and calendar/cadence) fires on its fixture,
/// at the right line and column, and nothing stops the other files from being checked.
#[test]
fn every_diagnostic_code_on_its_fixture() {
    let (json, code, _) = check_json(&fixture("diagnostics"), TODAY);
    assert_eq!(code, 1, "errors must give exit code 1");
    let d = diags(&json);
    // (code, file, line, column, severity)
    let expected: &[(&str, &str, u64, u64, &str)] = &[
        ("config/unknown-key", "trame.yaml", 4, 1, "warning"),
        (
            "frontmatter/missing-delimiter",
            "posts/empty.md",
            1,
            1,
            "error",
        ),
        (
            "frontmatter/missing-delimiter",
            "posts/no-frontmatter.md",
            1,
            1,
            "error",
        ),
        (
            "frontmatter/missing-delimiter",
            "posts/unterminated.md",
            1,
            1,
            "error",
        ),
        ("frontmatter/syntax", "posts/syntax.md", 4, 7, "error"),
        (
            "frontmatter/syntax",
            "posts/duplicate-key.md",
            4,
            1,
            "error",
        ),
        ("frontmatter/syntax", "posts/alias-bomb.md", 2, 1, "error"),
        (
            "frontmatter/missing-field",
            "posts/missing.md",
            1,
            1,
            "error",
        ),
        ("frontmatter/type", "posts/types.md", 2, 1, "error"),
        ("frontmatter/type", "posts/types.md", 4, 9, "error"),
        (
            "frontmatter/type",
            "posts/list-frontmatter.md",
            2,
            1,
            "error",
        ),
        ("frontmatter/type", "audits/audit.md", 6, 5, "error"),
        ("frontmatter/date", "posts/dates.md", 4, 7, "error"),
        ("frontmatter/date", "posts/dst.md", 4, 7, "error"),
        ("frontmatter/date", "calendar/salon.md", 5, 6, "error"),
        (
            "frontmatter/unknown-key",
            "posts/unknown-key.md",
            4,
            1,
            "warning",
        ),
        ("frontmatter/duplicate-id", "posts/b/dup.md", 1, 1, "error"),
        ("network/unknown", "posts/networks.md", 3, 22, "error"),
        ("network/unknown", "posts/networks.md", 5, 3, "error"),
        ("network/unknown", "posts/networks.md", 9, 5, "error"),
        ("network/unknown", "audits/audit.md", 5, 16, "error"),
        (
            "variant/unknown-contact",
            "posts/contacts.md",
            6,
            21,
            "error",
        ),
        (
            "variant/unclosed-section",
            "posts/unclosed.md",
            7,
            1,
            "error",
        ),
        (
            "variant/section-not-published",
            "posts/not-published.md",
            7,
            5,
            "warning",
        ),
        ("network/length", "posts/long.md", 5, 1, "error"),
        (
            "network/thread-part-length",
            "posts/thread.md",
            7,
            8,
            "error",
        ),
        // `rules: { network/fold: warning }` in the fixture's trame.yaml (default: info).
        ("network/fold", "posts/fold.md", 5, 1, "warning"),
        (
            "network/hashtag-count",
            "posts/hashtags.md",
            4,
            1,
            "warning",
        ),
        (
            "network/link-not-clickable",
            "posts/link-instagram.md",
            6,
            6,
            "warning",
        ),
        (
            "network/media-required",
            "posts/media-required.md",
            3,
            12,
            "error",
        ),
        ("network/media-count", "posts/media-count.md", 4, 1, "error"),
        (
            "network/media-ratio",
            "posts/media-ratio.md",
            5,
            13,
            "warning",
        ),
        (
            "network/media-format",
            "posts/media-format.md",
            5,
            13,
            "warning",
        ),
        ("network/alt-missing", "posts/alt.md", 5, 5, "warning"),
        ("network/alt-length", "posts/alt.md", 7, 10, "error"),
        ("network/title-length", "posts/title.md", 2, 1, "error"),
        ("media/not-found", "posts/media-problems.md", 5, 13, "error"),
        ("media/not-found", "posts/media-problems.md", 6, 13, "error"),
        (
            "media/outside-project",
            "posts/media-problems.md",
            7,
            13,
            "error",
        ),
        (
            "media/outside-project",
            "posts/media-problems.md",
            8,
            13,
            "error",
        ),
        (
            "media/unreadable",
            "posts/media-problems.md",
            9,
            13,
            "error",
        ),
        ("workflow/date-missing", "posts/workflow.md", 4, 1, "error"),
        (
            "workflow/reviewer-missing",
            "posts/workflow.md",
            4,
            1,
            "error",
        ),
        (
            "workflow/self-review",
            "posts/self-review.md",
            7,
            11,
            "error",
        ),
        ("workflow/overdue", "posts/overdue.md", 4, 7, "warning"),
        (
            "calendar/unknown-campaign",
            "posts/campaign.md",
            4,
            11,
            "error",
        ),
        (
            "calendar/unknown-campaign",
            "posts/campaign-kind.md",
            4,
            11,
            "error",
        ),
        ("file/encoding", "posts/latin1.md", 2, 11, "error"),
        ("file/encoding", "posts/binary.md", 1, 1, "error"),
    ];
    // On an idea or a draft, errors that matter only at publication are warnings.
    let is_draft = |file: &str| {
        let text = std::fs::read_to_string(fixture("diagnostics").join("content").join(file))
            .unwrap_or_default();
        text.lines()
            .find_map(|l| l.strip_prefix("status:"))
            .is_none_or(|s| matches!(s.trim(), "idea" | "draft"))
    };
    for (code, file, line, column, severity) in expected {
        let later = trame::diagnostics::codes::AT_PUBLICATION
            .iter()
            .any(|c| c.name() == *code);
        let severity = &if *severity == "error" && later && is_draft(file) {
            "warning"
        } else {
            severity
        };
        let found = find(&d, code, file);
        assert!(
            found.iter().any(|x| x["line"] == *line
                && x["column"] == *column
                && x["severity"] == *severity),
            "expected {code} ({severity}) at {file}:{line}:{column}, got {found:#?}"
        );
    }
    for d in &d {
        assert!(
            d["help"].as_str().is_some_and(|h| !h.is_empty()),
            "every diagnostic says how to fix it: {d}"
        );
    }
    // Valid files stay quiet: BOM + CRLF, and a silenced line.
    for quiet in ["posts/crlf.md", "posts/ignored.md", "posts/a/dup.md"] {
        assert!(
            !d.iter()
                .any(|x| x["file"].as_str().is_some_and(|f| f.ends_with(quiet))),
            "{quiet} must have no diagnostic"
        );
    }
    let cadence: Vec<_> = find(&d, "calendar/cadence", "trame.yaml")
        .iter()
        .filter_map(|x| x["message"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        cadence,
        [
            "LinkedIn\u{a0}: 2 semaines sous 2 publications par semaine, du 23 novembre 2026 au 6 décembre 2026"
        ],
        "one diagnostic for the run of weeks, not one per week"
    );
    // `extra:` is never reported.
    assert_eq!(
        find(&d, "frontmatter/unknown-key", "posts/unknown-key.md").len(),
        1
    );
    let summary = &json["summary"];
    assert_eq!(summary["files"], 43, "42 content files and trame.yaml");
}

#[test]
fn did_you_mean_for_typos() {
    let (json, _, _) = check_json(&fixture("diagnostics"), TODAY);
    let d = diags(&json);
    let help = |code: &str, file: &str| {
        find(&d, code, file)
            .first()
            .and_then(|x| x["help"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        help("frontmatter/unknown-key", "unknown-key.md"),
        "vouliez-vous dire `hashtags`\u{202f}?"
    );
    assert_eq!(
        help("config/unknown-key", "trame.yaml"),
        "vouliez-vous dire `language`\u{202f}?"
    );
    assert_eq!(
        help("calendar/unknown-campaign", "campaign.md"),
        "vouliez-vous dire `hiver`\u{202f}?"
    );
    assert!(
        find(&d, "network/unknown", "networks.md")
            .iter()
            .any(|x| x["help"] == "vouliez-vous dire `linkedin`\u{202f}?")
    );
}

#[test]
fn human_output_looks_like_rustc() {
    let out = trame()
        .args(["check", "--today", TODAY, "--root"])
        .arg(fixture("diagnostics"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("erreur[variant/unknown-contact]: `@[inconnu]` ne désigne aucun contact"),
        "{text}"
    );
    assert!(text.contains("content/posts/contacts.md:6:21"), "{text}");
    assert!(text.contains("Merci @[ffrando] et @[inconnu] !"), "{text}");
    assert!(
        text.contains("^^^^^^^^^^"),
        "the caret underlines the mention: {text}"
    );
    assert!(
        text.contains("aide: ajoutez `inconnu:` sous `contacts:`"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "NO_COLOR: no escape codes");
    assert!(text.contains("fichiers vérifiés\u{a0}:"), "{text}");
}

#[test]
fn github_format() {
    let out = trame()
        .args(["check", "--format", "github", "--today", TODAY, "--root"])
        .arg(fixture("diagnostics"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    // Paths from the repository's root (the fixture is in trame's), with the span's end.
    assert!(
        text.lines().any(|l| l.starts_with(
            "::error file=tests/fixtures/diagnostics/content/posts/contacts.md,line=6,col=21,endLine=6,endColumn=30,title=variant/unknown-contact::"
        )),
        "{text}"
    );
    assert!(text.lines().any(|l| l.starts_with(
        "::warning file=tests/fixtures/diagnostics/content/posts/overdue.md,line=4,col=7,title=workflow/overdue::"
    )));
    assert!(text.lines().all(|l| l.starts_with("::")));
}

#[test]
fn github_paths_are_from_the_working_folder_outside_git() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("clean"), &dir.path().join("demo"));
    let post = dir.path().join("demo/content/posts/sortie.md");
    let text = std::fs::read_to_string(&post)
        .unwrap()
        .replace("status: scheduled", "status: bidule");
    std::fs::write(&post, text).unwrap();
    let out = trame()
        .current_dir(dir.path())
        .args([
            "check", "--format", "github", "--today", TODAY, "--root", "demo",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("file=demo/content/posts/sortie.md,"),
        "{text}"
    );
}

#[test]
fn quiet_changes_what_is_printed_never_the_exit_code() {
    let root = fixture("clean");
    let run = |args: &[&str]| {
        trame()
            .args(["check", "--today", "2026-11-24", "--root"])
            .arg(&root)
            .args(args)
            .output()
            .unwrap()
    };
    // The clean fixture has warnings only (an overdue post).
    let loud = run(&["--deny-warnings"]);
    let quiet = run(&["--deny-warnings", "-q"]);
    assert_eq!(loud.status.code(), Some(1));
    assert_eq!(quiet.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&quiet.stdout).trim().is_empty());
    assert_eq!(run(&["-q"]).status.code(), Some(0));
}

#[test]
fn a_broken_config_comes_out_in_the_format_asked_for() {
    let dir = copy_fixture("clean");
    let yaml = std::fs::read_to_string(dir.path().join("trame.yaml")).unwrap();
    std::fs::write(
        dir.path().join("trame.yaml"),
        yaml.replace("Europe/Paris", "Europe/Pariss"),
    )
    .unwrap();
    let run = |format: &str| {
        trame()
            .args(["check", "--format", format, "--root"])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let json = run("json");
    assert_eq!(json.status.code(), Some(2));
    let doc: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["diagnostics"][0]["code"], "config/invalid");
    assert_eq!(doc["diagnostics"][0]["file"], "trame.yaml");
    assert_eq!(doc["diagnostics"][0]["line"], 3);
    let gh = run("github");
    assert_eq!(gh.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&gh.stdout).starts_with("::error file="),
        "{}",
        String::from_utf8_lossy(&gh.stdout)
    );
}

#[test]
fn a_path_that_matches_nothing_is_a_usage_error() {
    let out = trame()
        .args(["check", "--root"])
        .arg(fixture("clean"))
        .arg(fixture("clean").join("content/post/odd"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("content/post/odd") && err.contains("ne correspond à aucun fichier"),
        "{err}"
    );
}

#[test]
fn root_names_the_folder_and_never_searches_above_it() {
    let out = trame()
        .args(["check", "--root"])
        .arg(fixture("clean").join("content"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pas de trame.yaml dans"), "{err}");
    assert!(!err.contains("au-dessus"), "{err}");
}

#[test]
fn check_paths_restrict_the_report() {
    let out = trame()
        .args(["check", "--format", "json", "--today", TODAY, "--root"])
        .arg(fixture("diagnostics"))
        .arg(fixture("diagnostics").join("content/posts/contacts.md"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let files: BTreeSet<String> = diags(&json)
        .iter()
        .filter_map(|d| d["file"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        ["content/posts/contacts.md"]
    );
}

#[test]
fn clean_project_checks_and_builds() {
    let dir = copy_fixture("clean");
    let (json, code, _) = check_json(dir.path(), "2026-06-20");
    assert_eq!(code, 0, "{json}");
    assert!(diags(&json).is_empty(), "{json}");

    let out_dir = dir.path().join("output");
    std::fs::create_dir_all(&out_dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(out_dir.join("CNAME"), "cal.example.org").unwrap_or_else(|e| panic!("{e}"));
    trame()
        .args(["build", "--today", "2026-06-20", "--root"])
        .arg(dir.path())
        .assert()
        .success();
    let read =
        |p: &str| std::fs::read_to_string(out_dir.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let x = read("posts/sortie/x.txt");
    assert!(x.contains("avec @MairieDeLyon."), "{x}");
    assert!(x.contains("• départ 9 h\n• retour 13 h"), "{x}");
    assert!(x.contains(
        "https://club.example.org/sorties?utm_source=x&utm_medium=social&utm_campaign=printemps"
    ));
    assert!(!x.contains("**"), "Markdown is rendered to plain text");
    let insta = read("posts/sortie/instagram.txt");
    assert!(
        insta.contains("avec la mairie."),
        "contact default: {insta}"
    );
    assert!(
        insta.contains("🔗 Lien en bio") && !insta.contains("https://"),
        "{insta}"
    );
    assert!(read("posts/sortie/instagram.link.txt").contains("utm_source=instagram"));
    assert_eq!(
        read("posts/sortie/forum.txt").lines().next(),
        Some("Sortie dimanche au Mont Thou.")
    );

    let cal: Value = serde_json::from_str(&read("calendar.json")).unwrap_or_else(|e| panic!("{e}"));
    let post = &cal["posts"][0];
    for key in [
        "id", "title", "date", "status", "campaign", "networks", "variants",
    ] {
        assert!(post.get(key).is_some(), "calendar.json posts need `{key}`");
    }
    assert_eq!(post["date"], "2026-07-05T10:00:00+02:00");
    for key in ["text", "length", "limit", "parts"] {
        assert!(
            post["variants"]["x"].get(key).is_some(),
            "variants need `{key}`"
        );
    }
    assert_eq!(cal["entries"][0]["id"], "printemps");
    assert_eq!(
        cal["audits"][0]["top_posts"][0]["summary"], "Sondage",
        "ranked by interactions"
    );

    // ICS: CRLF, lines folded at 75 octets, the post at 10:00 Paris in July is 08:00 UTC.
    let ics = read("calendar.ics");
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{ics}"
    );
    assert!(ics.split("\r\n").all(|l| l.len() <= 75), "lines are folded");
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("UID:post-sortie@trame\r\n"), "{unfolded}");
    assert!(
        unfolded.contains("DTSTART:20260705T080000Z\r\n"),
        "{unfolded}"
    );
    assert!(unfolded.contains("SUMMARY:<script>alert(1)</script> Sortie du dimanche [LinkedIn\\, Instagram\\, X\\, Mastodon\\, Forum du club]"), "{unfolded}");
    assert!(
        unfolded.contains("URL:https://cal.example.org/posts/sortie/"),
        "{unfolded}"
    );
    assert!(unfolded.contains("UID:entry-printemps@trame\r\nDTSTAMP:20260620T000000Z\r\nDTSTART;VALUE=DATE:20260301\r\nDTEND;VALUE=DATE:20260601"), "{unfolded}");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2);
    let x_feed = read("calendar-x.ics").replace("\r\n ", "");
    assert!(
        x_feed.contains("UID:post-sortie-x@trame") && x_feed.contains("#Rando"),
        "{x_feed}"
    );

    // A second build rewrites nothing; the user's own file is kept.
    let again = trame()
        .args(["build", "--today", "2026-06-20", "--root"])
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let msg = String::from_utf8_lossy(&again.stderr);
    assert!(msg.contains("(0 écrit,"), "{msg}");
    assert_eq!(read("CNAME"), "cal.example.org");
    assert!(!out_dir.join(".trame-staging").exists());

    // A removed post disappears from the output; nothing else does.
    std::fs::remove_file(dir.path().join("content/posts/sortie.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    trame()
        .args(["build", "--today", "2026-06-20", "--root"])
        .arg(dir.path())
        .assert()
        .success();
    assert!(!out_dir.join("posts/sortie/x.txt").exists());
    assert!(
        !out_dir.join("posts").exists()
            || std::fs::read_dir(out_dir.join("posts"))
                .map(|d| d.count())
                .unwrap_or(0)
                == 0
    );
    assert_eq!(read("CNAME"), "cal.example.org");
}

#[test]
fn build_with_errors_writes_nothing_and_keeps_the_last_good_site() {
    let dir = copy_fixture("clean");
    trame()
        .args(["build", "--today", "2026-06-20", "--root"])
        .arg(dir.path())
        .assert()
        .success();
    let x = dir.path().join("output/posts/sortie/x.txt");
    let before = std::fs::read(&x).unwrap_or_else(|e| panic!("{e}"));
    let post = dir.path().join("content/posts/sortie.md");
    let text = std::fs::read_to_string(&post).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        &post,
        text.replace("campaign: printemps", "campaign: nulle-part")
            .replace("Mont Thou avec", "Mont Thou, nouveau texte, avec"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = trame()
        .args(["build", "--today", "2026-06-20", "--root"])
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Rien n’est écrit"));
    assert_eq!(
        std::fs::read(&x).unwrap_or_default(),
        before,
        "the last good site stays"
    );
    // --force writes anyway, and still exits 1.
    trame()
        .args(["build", "--force", "--today", "2026-06-20", "--root"])
        .arg(dir.path())
        .assert()
        .code(1);
    assert!(
        std::fs::read_to_string(&x)
            .unwrap_or_default()
            .contains("nouveau texte")
    );
}

#[test]
fn build_refuses_the_project_folder_as_output() {
    let dir = copy_fixture("clean");
    let out = trame()
        .args(["build", "--today", "2026-06-20", "--output", "."])
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("ne peut pas servir de dossier de sortie")
    );
}

#[test]
fn config_errors_exit_2_with_position() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("trame.yaml"),
        "title: T\ntimezone: Europe/Pariss\nlanguage: de\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = trame()
        .args(["check", "--root"])
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("erreur[config/invalid]: fuseau horaire inconnu `Europe/Pariss`"),
        "{err}"
    );
    assert!(err.contains("trame.yaml:2:11"), "{err}");
    assert!(
        err.contains("vouliez-vous dire `Europe/Paris`\u{202f}?"),
        "{err}"
    );
    assert!(
        err.contains("la langue `de` n’est pas prise en charge"),
        "{err}"
    );

    std::fs::write(dir.path().join("trame.yaml"), "title: [T\n").unwrap_or_else(|e| panic!("{e}"));
    let out = trame()
        .args(["check", "--root"])
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("erreur[config/syntax]"));
}

#[test]
fn no_project_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = trame()
        .arg("check")
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("aucun trame.yaml dans") && err.contains("trame init"),
        "{err}"
    );
}

#[test]
fn root_is_found_from_a_sub_folder() {
    trame()
        .args(["check", "--today", "2026-06-20"])
        .current_dir(fixture("clean").join("content/posts"))
        .assert()
        .success();
}

#[test]
fn huge_and_deep_files_are_refused_quickly() {
    let dir = copy_fixture("clean");
    let posts = dir.path().join("content/posts");
    let huge = format!(
        "---\ntitle: Énorme\nnetworks: [x]\n---\n{}",
        "a".repeat(5 * 1024 * 1024)
    );
    std::fs::write(posts.join("huge.md"), huge).unwrap_or_else(|e| panic!("{e}"));
    let deep = format!(
        "---\ntitle: Profond\nnetworks: [x]\nextra: {}{}\n---\nTexte.\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    std::fs::write(posts.join("deep.md"), deep).unwrap_or_else(|e| panic!("{e}"));
    let (json, code, _) = check_json(dir.path(), "2026-06-20");
    assert_eq!(code, 1);
    let d = diags(&json);
    assert_eq!(find(&d, "file/too-large", "huge.md").len(), 1);
    assert_eq!(find(&d, "frontmatter/syntax", "deep.md").len(), 1);
    // The other files are still checked (and still clean).
    assert_eq!(d.len(), 2, "{json}");
}

#[test]
fn symlinked_media_outside_the_project_is_refused() {
    let dir = copy_fixture("clean");
    let outside = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let secret = outside.path().join("secret.jpg");
    std::fs::copy(dir.path().join("media/photo.jpg"), &secret).unwrap_or_else(|e| panic!("{e}"));
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, dir.path().join("media/link.jpg"))
        .unwrap_or_else(|e| panic!("{e}"));
    let post = dir.path().join("content/posts/sortie.md");
    let text = std::fs::read_to_string(&post).unwrap_or_default();
    std::fs::write(&post, text.replace("media/photo.jpg", "media/link.jpg"))
        .unwrap_or_else(|e| panic!("{e}"));
    let (json, _, _) = check_json(dir.path(), "2026-06-20");
    assert_eq!(
        find(&diags(&json), "media/outside-project", "sortie.md").len(),
        1,
        "{json}"
    );
}

#[test]
fn deny_warnings() {
    let dir = copy_fixture("clean");
    // An overdue post is a warning: exit 0, or 1 with --deny-warnings.
    trame()
        .args(["check", "--today", "2026-08-01", "--root"])
        .arg(dir.path())
        .assert()
        .code(0);
    trame()
        .args([
            "check",
            "--deny-warnings",
            "--today",
            "2026-08-01",
            "--root",
        ])
        .arg(dir.path())
        .assert()
        .code(1);
}

#[test]
fn the_demo_project_checks_without_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (json, code, _) = check_json(root, TODAY);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
    // Without Debian's French dictionary (CI installs it) the charter says spelling is off.
    let dictionary = Path::new("/usr/share/hunspell/fr_FR.dic").is_file();
    let allowed = if dictionary || std::env::var("CI").is_ok() {
        0
    } else {
        1
    };
    // The demo's e-reputation has a crisis (four negative notes in a night): its one alert.
    let alerts = json["diagnostics"].as_array().map_or(0, |d| {
        d.iter().filter(|d| d["code"] == "veille/alert").count()
    });
    assert_eq!(alerts, 1, "{json:#}");
    assert_eq!(json["summary"]["warnings"], allowed + 1, "{json:#}");
}

#[test]
fn init_then_check_is_clean_and_init_never_overwrites() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let proj = dir.path().join("asso");
    trame()
        .args(["init", "--today", TODAY])
        .arg(&proj)
        .assert()
        .success();
    for f in [
        "trame.yaml",
        "charter.yaml",
        "content/calendar/lancement.md",
        "content/audits/etat-des-lieux.md",
        ".gitignore",
    ] {
        assert!(proj.join(f).is_file(), "{f}");
    }
    let (json, code, _) = check_json(&proj, TODAY);
    assert_eq!(code, 0, "{json:#}");
    assert!(diags(&json).is_empty(), "{json:#}");
    trame().args(["init"]).arg(&proj).assert().code(2);
}

/// What `trame new` writes checks clean against what `trame init` wrote, in both languages;
/// an English project gets an English charter and English examples.
#[test]
fn new_files_check_clean_in_a_new_project_in_either_language() {
    for (lang, charter_word, example) in [
        (
            "fr",
            "vouvoiement",
            "content/posts/2026/2026-11-24-bienvenue.md",
        ),
        (
            "en",
            "vocabulary",
            "content/posts/2026/2026-11-24-welcome.md",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let proj = dir.path().join("club");
        trame()
            .args(["init", "--language", lang, "--today", TODAY])
            .arg(&proj)
            .assert()
            .success();
        let charter = std::fs::read_to_string(proj.join("charter.yaml")).unwrap();
        assert!(charter.contains(charter_word), "{lang}: {charter}");
        assert!(proj.join(example).is_file(), "{lang}: {example}");
        for args in [
            vec!["new", "post", "Une idée"],
            vec!["new", "post", "Datée", "--date", "2026-12-10T09:00"],
            vec!["new", "entry", "Salon", "--date", "2026-12-12"],
            vec!["new", "audit", "Bilan"],
        ] {
            trame()
                .args(&args)
                .args(["--today", TODAY, "--root"])
                .arg(&proj)
                .assert()
                .success();
        }
        let (json, code, _) = check_json(&proj, TODAY);
        assert_eq!(code, 0, "{lang}: {json:#}");
        assert!(diags(&json).is_empty(), "{lang}: {json:#}");
        // Without --networks, a new post goes where a text alone can go (not Instagram).
        let post = walkdir::WalkDir::new(proj.join("content/posts"))
            .into_iter()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().ends_with("une-idee.md"))
            .unwrap();
        let text = std::fs::read_to_string(post.path()).unwrap();
        assert!(text.contains("networks: [linkedin, x]"), "{text}");
    }
}

#[test]
fn new_creates_files_with_the_right_front_matter() {
    let dir = copy_fixture("clean");
    let out = trame()
        .args([
            "new",
            "post",
            "Été : sortie au lac !",
            "--date",
            "2026-07-12T09:00",
            "--networks",
            "linkedin,twitter",
            "--root",
        ])
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rel = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert_eq!(rel, "content/posts/2026/2026-07-12-ete-sortie-au-lac.md");
    let text = std::fs::read_to_string(dir.path().join(&rel)).unwrap_or_default();
    assert!(text.contains("title: \"Été : sortie au lac !\""), "{text}");
    assert!(text.contains("networks: [linkedin, x]"), "{text}");
    assert!(text.contains("date: 2026-07-12T09:00"), "{text}");
    // The new file checks (no errors).
    let (json, _, _) = check_json(dir.path(), "2026-06-20");
    assert!(
        !diags(&json).iter().any(|d| d["severity"] == "error"),
        "{json:#}"
    );
    // Never over an existing file.
    trame()
        .args([
            "new",
            "post",
            "Été : sortie au lac !",
            "--date",
            "2026-07-12T09:00",
            "--root",
        ])
        .arg(dir.path())
        .assert()
        .code(2);
    let out = trame()
        .args(["new", "post", "X", "--networks", "linkdin", "--root"])
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("vouliez-vous dire `linkedin`\u{202f}?"));
    for what in ["entry", "audit"] {
        trame()
            .args([
                "new",
                what,
                "Salon d'automne",
                "--date",
                "2026-10-01",
                "--root",
            ])
            .arg(dir.path())
            .assert()
            .success();
    }
    let (json, _, _) = check_json(dir.path(), "2026-06-20");
    assert!(
        !diags(&json).iter().any(|d| d["severity"] == "error"),
        "{json:#}"
    );
}

#[test]
fn count_json_shape_and_stdin() {
    let out = trame()
        .args([
            "count",
            "--network",
            "x",
            "--format",
            "json",
            "Hi http://test.co",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        json,
        serde_json::json!({"network": "x", "length": 26, "limit": 280, "valid": true})
    );
    let out = trame()
        .args(["count", "--network", "bluesky", "--format", "json"])
        .write_stdin("👍🏽 été\n")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["length"], 5);
    let out = trame()
        .args(["count", "--network", "mastodn", "x"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("vouliez-vous dire `mastodon`\u{202f}?"));
}

#[test]
fn the_site_pages_exist_escape_user_text_and_link_relatively() {
    let dir = copy_fixture("clean");
    // A file name with a space, `#` and an accent: links must still resolve.
    let posts = dir.path().join("content/posts");
    let text = std::fs::read_to_string(posts.join("sortie.md")).unwrap_or_default();
    std::fs::write(
        posts.join("sortie #2 été.md"),
        text.replace("date: 2026-07-05T10:00", "date: 2026-07-12T10:00"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    trame()
        .args(["build", "--today", "2026-06-20", "--root"])
        .arg(dir.path())
        .assert()
        .success();
    let out = dir.path().join("output");
    for page in [
        "index.html",
        "calendar/2026/07/index.html",
        "calendar/2026/03/index.html",
        "weeks/2026-W27/index.html",
        "posts/sortie/index.html",
        "campaigns/printemps/index.html",
        "audits/bilan/index.html",
        "board/index.html",
        "list/index.html",
        "diagnostics/index.html",
        "calendar.ics",
        "calendar-x.ics",
        "calendar.json",
        "static/style.css",
        "media-files/media/photo.jpg",
    ] {
        assert!(out.join(page).is_file(), "missing {page}");
    }
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let name = entry.path().display().to_string();
        assert!(
            !html.contains("<script>alert(1)"),
            "unescaped user text in {name}"
        );
        for attr in ["href=\"", "src=\""] {
            for link in html.split(attr).skip(1).filter_map(|s| s.split('"').next()) {
                // A calendar subscription (`webcal://`) is an address of the published site.
                let external = link.starts_with("https://")
                    || link.starts_with("http://")
                    || link.starts_with("webcal://");
                assert!(
                    !link.starts_with('/') && (external || !link.contains("://")),
                    "{name}: {link}"
                );
                if !external && !link.starts_with('#') {
                    // A query (`?code=…`, the diagnostics page's filters) keeps the path.
                    let raw = link.split(['#', '?']).next().unwrap_or_default();
                    let path = percent_encoding::percent_decode_str(raw)
                        .decode_utf8_lossy()
                        .to_string();
                    let target = entry.path().parent().map(|p| p.join(&path));
                    assert!(
                        target.is_some_and(|t| t.exists()),
                        "{name}: broken link {link}"
                    );
                }
            }
        }
    }
    let post = std::fs::read_to_string(out.join("posts/sortie/index.html")).unwrap_or_default();
    assert!(post.contains("&lt;script&gt;alert(1)&lt;/script&gt; Sortie du dimanche"));
    assert!(
        post.contains("class=\"card\""),
        "a preview card per network"
    );
    assert_eq!(post.matches("class=\"card\"").count(), 5);
    assert!(
        post.contains("<span class=\"tag\">#Rando</span>"),
        "hashtags highlighted"
    );
    let month =
        std::fs::read_to_string(out.join("calendar/2026/07/index.html")).unwrap_or_default();
    assert!(
        month.contains("data-status=\"scheduled\""),
        "chips carry their filters"
    );
}

#[test]
fn an_english_project_gets_an_english_site() {
    let dir = copy_fixture("clean");
    let cfg = dir.path().join("trame.yaml");
    let text = std::fs::read_to_string(&cfg).unwrap_or_default();
    std::fs::write(&cfg, text.replace("language: fr", "language: en"))
        .unwrap_or_else(|e| panic!("{e}"));
    trame()
        .args(["build", "--today", "2026-06-20", "--root"])
        .arg(dir.path())
        .assert()
        .success();
    let out = dir.path().join("output");
    let month =
        std::fs::read_to_string(out.join("calendar/2026/07/index.html")).unwrap_or_default();
    assert!(
        month.contains("<html lang=\"en\">")
            && month.contains("July 2026")
            && month.contains(">Mon<"),
        "{month}"
    );
    let post = std::fs::read_to_string(out.join("posts/sortie/index.html")).unwrap_or_default();
    assert!(
        post.contains("Sunday 5 July 2026 · 10:00"),
        "dates in English"
    );
    assert!(
        post.contains("Previews") && post.contains("🔗 Link in bio"),
        "labels and variants in English"
    );
}

/// The progress line of long builds is for terminals: a log (CI, a pipe) gets the summary only.
#[test]
fn a_build_into_a_log_prints_no_progress_line() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("clean"), dir.path());
    let out = trame()
        .args(["build", "--today", "2026-11-24", "--root"])
        .arg(dir.path())
        .env_remove("CI")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("fichiers construits"), "{err}");
    for step in [
        "lecture et vérification",
        "construction du site",
        "écriture de",
    ] {
        assert!(!err.contains(step), "{err}");
    }
    assert!(!err.contains('\r') && !err.contains("\u{1b}[2K"), "{err}");
}

#[test]
fn completions_are_generated_for_every_shell_and_name_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = trame().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for command in [
            "check", "build", "watch", "serve", "veille", "new", "fix", "count",
        ] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
        // fish writes an option `-l links`, the others `--links`.
        assert!(
            script.contains("--links") || script.contains("-l links"),
            "{shell} lacks --links"
        );
    }
    // The bash script is valid bash.
    let out = trame().args(["completions", "bash"]).output().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("trame.bash");
    std::fs::write(&file, &out.stdout).unwrap();
    if Path::new("/bin/bash").exists() {
        let status = std::process::Command::new("/bin/bash")
            .arg("-n")
            .arg(&file)
            .status()
            .unwrap();
        assert!(status.success());
    }
}
