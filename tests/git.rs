//! trame and git, on temporary repositories: `trame check --changed [BASE]` reports only the
//! files changed since BASE and the posts that use them (everything when trame.yaml changed);
//! post pages show the commits that touched their file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;

use common::{TODAY, trame};

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Léa")
        .env("GIT_AUTHOR_EMAIL", "lea@example.org")
        .env("GIT_COMMITTER_NAME", "Léa")
        .env("GIT_COMMITTER_EMAIL", "lea@example.org")
        .env("GIT_AUTHOR_DATE", "2026-11-20T10:00:00+01:00")
        .env("GIT_COMMITTER_DATE", "2026-11-20T10:00:00+01:00")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A post with an unknown network (an error), one fine post, and a campaign.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("trame.yaml"),
        "title: Club\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n",
    )
    .unwrap();
    let posts = root.join("content/posts");
    std::fs::create_dir_all(&posts).unwrap();
    std::fs::write(
        posts.join("ancien.md"),
        "---\ntitle: Ancien\nnetworks: [linkedn]\n---\nUn vieux texte.\n",
    )
    .unwrap();
    std::fs::write(
        posts.join("hiver.md"),
        "---\ntitle: Hiver\nnetworks: [linkedin]\ncampaign: hiver\n---\nLa gamme hiver.\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("content/calendar")).unwrap();
    std::fs::write(
        root.join("content/calendar/hiver.md"),
        "---\ntitle: Hiver\nkind: campaign\ndate: 2026-12-01\n---\nBrief.\n",
    )
    .unwrap();
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "Le calendrier"]);
    git(root, &["checkout", "-qb", "nouveau"]);
    dir
}

fn check(root: &Path, args: &[&str]) -> (Vec<String>, i32, String) {
    let out = trame()
        .current_dir(root)
        .args(["check", "--today", TODAY, "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_string())
        .collect();
    (
        files,
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn only_the_changed_files_and_the_posts_that_use_them_are_reported() {
    let dir = repository();
    let root = dir.path();
    // Nothing changed yet on the branch: the old error is not this pull request's.
    let (files, code, err) = check(root, &["--changed"]);
    assert_eq!((files.len(), code), (0, 0), "{err}");
    assert!(err.contains("aucun fichier modifié depuis"), "{err}");

    // A new post with a problem, on the branch, not yet committed.
    std::fs::write(
        root.join("content/posts/nouveau.md"),
        "---\ntitle: Nouveau\nnetworks: [instagrm]\n---\nNouveau texte.\n",
    )
    .unwrap();
    let (files, code, _) = check(root, &["--changed"]);
    assert_eq!(code, 1);
    assert!(
        files.iter().all(|f| f == "content/posts/nouveau.md"),
        "{files:?}"
    );
    assert!(!files.is_empty());

    // Committed, the same; against an explicit base too.
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "Un nouveau post"]);
    let (files, _, err) = check(root, &["--changed", "main"]);
    assert_eq!(files, ["content/posts/nouveau.md"], "{err}");
    assert!(err.contains("un fichier modifié depuis main"), "{err}");

    // The campaign changed: its posts are reported with it (none has a problem here), the old
    // post is not.
    std::fs::write(
        root.join("content/calendar/hiver.md"),
        "---\ntitle: Hiver\nkind: campaign\ndate: 2026-12-01\nnetworks: [linkedn]\n---\nBrief.\n",
    )
    .unwrap();
    let (files, _, err) = check(root, &["--changed", "main"]);
    assert!(
        files.contains(&"content/calendar/hiver.md".to_string()),
        "{files:?} {err}"
    );
    assert!(
        !files.contains(&"content/posts/ancien.md".to_string()),
        "{files:?}"
    );
    assert!(err.contains("3 fichiers rapportés"), "{err}");

    // trame.yaml changed: every file is checked again.
    std::fs::write(
        root.join("trame.yaml"),
        "title: Club des marcheurs\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n",
    )
    .unwrap();
    let (files, _, err) = check(root, &["--changed", "main"]);
    assert!(
        files.contains(&"content/posts/ancien.md".to_string()),
        "{files:?}"
    );
    assert!(err.contains("trame.yaml a changé"), "{err}");
}

#[test]
fn outside_a_repository_or_with_an_unknown_base_it_says_so() {
    let dir = repository();
    let (code, err) = {
        let out = trame()
            .current_dir(dir.path())
            .args(["check", "--today", TODAY, "--changed", "v9.9"])
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    assert_eq!(code, 2);
    assert!(
        err.contains("`v9.9` est introuvable") && err.contains("fetch-depth"),
        "{err}"
    );
    let plain = tempfile::tempdir().unwrap();
    std::fs::write(
        plain.path().join("trame.yaml"),
        "title: Club\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n",
    )
    .unwrap();
    let out = trame()
        .current_dir(plain.path())
        .env("GIT_CEILING_DIRECTORIES", plain.path().parent().unwrap())
        .args(["check", "--changed"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pas dans un dépôt git"));
}

/// `trame build --force` (the repository has an error on purpose) into `out`.
fn build(root: &Path, out: &Path) {
    trame()
        .current_dir(root)
        .args(["build", "-q", "--force", "--today", TODAY, "--output"])
        .arg(out)
        .output()
        .unwrap();
}

#[test]
fn a_post_page_lists_the_commits_of_its_file() {
    let dir = repository();
    let root = dir.path();
    std::fs::write(
        root.join("content/posts/hiver.md"),
        "---\ntitle: Hiver\nnetworks: [linkedin]\ncampaign: hiver\n---\nLa gamme hiver <arrive>.\n",
    )
    .unwrap();
    git(root, &["commit", "-qam", "Hiver : le texte <relu>"]);
    let out = root.join("site");
    build(root, &out);
    let page = std::fs::read_to_string(out.join("posts/hiver/index.html")).unwrap();
    let history = page
        .split("<ol class=\"history\">")
        .nth(1)
        .unwrap_or_else(|| panic!("{page}"));
    let items: Vec<&str> = history
        .split("</ol>")
        .next()
        .unwrap()
        .split("<li>")
        .skip(1)
        .collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(
        items[0].contains("Hiver : le texte &lt;relu&gt;") && items[0].contains("Léa"),
        "{}",
        items[0]
    );
    assert!(
        items[0].contains("<time datetime=\"2026-11-20\">"),
        "{}",
        items[0]
    );
    assert!(items[1].contains("Le calendrier"));
    // A post only in the working tree has no history yet: no section.
    std::fs::write(
        root.join("content/posts/neuf.md"),
        "---\ntitle: Neuf\nnetworks: [linkedin]\n---\nNeuf.\n",
    )
    .unwrap();
    build(root, &out);
    let page = std::fs::read_to_string(out.join("posts/neuf/index.html")).unwrap();
    assert!(!page.contains("class=\"history\""));
}
