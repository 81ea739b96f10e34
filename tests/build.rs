//! What `check` and `build` promise about paths, links and content that does not parse, end to
//! end on the real binary: any file name gets a page, two posts with one id both get one, the
//! check and the writer agree, unsafe links never reach HTML, a broken post still shows, and
//! the same project always gives the same bytes.

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::{TODAY, build, check, project_with, read, trame, with_code};

const CONFIG: &str = "title: \"Cas\"\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n  youtube: {}\n  mastodon: {}\n";

/// A project with trame.yaml and these posts (path under content/posts → text).
fn project(posts: &[(impl AsRef<str>, impl AsRef<str>)]) -> tempfile::TempDir {
    project_with(CONFIG, posts)
}

fn post(title: &str, extra: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\nnetworks: [linkedin]\ndate: 2026-12-03T10:00\nstatus: draft\n{extra}---\nLe texte de {title}.\n"
    )
}

/// Every relative link of every page of the site reaches a file.
fn assert_links_resolve(out: &Path) {
    for e in walkdir::WalkDir::new(out).into_iter().flatten() {
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let html = std::fs::read_to_string(e.path()).unwrap();
        for attr in ["href=\"", "src=\""] {
            for link in html.split(attr).skip(1).filter_map(|s| s.split('"').next()) {
                if link.starts_with("http") || link.starts_with('#') || link.starts_with("mailto:")
                {
                    continue;
                }
                // A query (`?code=…`, the diagnostics page's filters) keeps the page's path.
                let raw = link.split(['#', '?']).next().unwrap();
                if raw.is_empty() {
                    continue;
                }
                let decoded = percent_encoding::percent_decode_str(raw).decode_utf8_lossy();
                let target = e.path().parent().unwrap().join(decoded.as_ref());
                assert!(
                    target.exists(),
                    "{}: broken link {link}",
                    e.path().display()
                );
            }
        }
    }
}

#[test]
fn two_posts_with_one_id_both_get_a_page() {
    let dir = project(&[
        ("2026-12/sortie.md", &post("Première", "")),
        ("2027-01/sortie.md", &post("Seconde", "")),
    ]);
    let root = dir.path();
    let (json, code) = check(root);
    assert_eq!(code, 1);
    let dup = with_code(&json, "frontmatter/duplicate-id");
    assert_eq!(dup.len(), 1, "{json}");
    assert_eq!(dup[0]["file"], "content/posts/2027-01/sortie.md");
    let message = dup[0]["message"].as_str().unwrap();
    assert!(message.contains("posts/sortie-2/"), "{message}");
    // Into an empty folder, every time: both pages, no I/O failure.
    for _ in 0..2 {
        std::fs::remove_dir_all(root.join("output")).ok();
        let out = build(root, true);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(read(root, "posts/sortie/index.html").contains("Première"));
        assert!(read(root, "posts/sortie-2/index.html").contains("Seconde"));
        assert!(read(root, "posts/sortie-2/linkedin.txt").contains("Seconde"));
    }
    assert_links_resolve(&root.join("output"));
}

#[test]
fn any_file_name_and_media_path_that_checks_clean_builds() {
    let names = [
        "rdv 10:30.md",
        "sortie #2 été.md",
        "quoi ?.md",
        "50 %.md",
        "l'\"atelier\".md",
    ];
    let posts: Vec<(String, String)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let media = if i == 0 {
                "media:\n  - { path: media/../media/photo.jpg, alt: \"Le groupe au sommet\" }\n"
            } else {
                ""
            };
            (
                format!("2026-12/{n}"),
                post(&format!("Publication {i}"), media),
            )
        })
        .collect();
    let dir = project(&posts);
    let root = dir.path();
    let (json, code) = check(root);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["summary"]["errors"], 0);
    let out = build(root, false);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let site = root.join("output");
    assert!(site.join("posts/rdv 10%3A30/index.html").is_file());
    assert!(site.join("media-files/media/photo.jpg").is_file());
    let page = read(root, "posts/rdv 10%3A30/index.html");
    assert!(
        page.contains("src=\"../../media-files/media/photo.jpg\""),
        "{page}"
    );
    assert_links_resolve(&site);
}

#[test]
fn links_other_than_web_and_mail_are_reported_and_never_linked() {
    let bad = [
        "javascript:alert(document.domain)//",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
    ];
    let posts: Vec<(String, String)> = bad
        .iter()
        .enumerate()
        .map(|(i, l)| {
            (
                format!("p{i}.md"),
                post(&format!("Lien {i}"), &format!("link: \"{l}\"\n")),
            )
        })
        .collect();
    let dir = project(&posts);
    let root = dir.path();
    let (json, _) = check(root);
    let found = with_code(&json, "frontmatter/link-scheme").len();
    assert_eq!(found, bad.len(), "{json}");
    let d = &json["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(6), Some(7))
    );
    build(root, true);
    for e in walkdir::WalkDir::new(root.join("output"))
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html") {
            let html = std::fs::read_to_string(e.path()).unwrap().to_lowercase();
            for scheme in ["javascript:", "data:", "vbscript:"] {
                assert!(
                    !html.contains(&format!("href=\"{scheme}")),
                    "{} links {scheme}",
                    e.path().display()
                );
            }
        }
    }
}

#[test]
fn a_post_that_does_not_parse_still_shows_with_its_errors() {
    let dir = project(&[
        (
            "2026-12/concours.md",
            "---\ntitle: Concours : gagnez une nuit\ndate: 2026-12-10T18:00\nstatus: review\nnetworks: [linkedin\n---\nTexte.\n",
        ),
        ("2026-12/vide.md", ""),
        ("2026-12/ok.md", &post("Une bonne publication", "")),
    ]);
    let root = dir.path();
    let out = build(root, true);
    assert_eq!(out.status.code(), Some(1));
    let month = read(root, "calendar/2026/12/index.html");
    assert!(
        month.contains("Concours : gagnez une nuit"),
        "the calendar shows it by the title it could read"
    );
    assert!(month.contains("posts/concours/index.html"));
    let board = read(root, "board/index.html");
    assert!(board.contains("Concours : gagnez une nuit"));
    // In the review column, as its status line says.
    let review = board.split("id=\"col-review\"").nth(1).unwrap_or_default();
    assert!(
        review
            .split("</section>")
            .next()
            .unwrap_or_default()
            .contains("Concours")
    );
    let list = read(root, "list/index.html");
    assert!(list.contains("Concours : gagnez une nuit"));
    // The empty file shows by its file name, without a date.
    assert!(list.contains(">vide<"), "{list}");
    let page = read(root, "posts/concours/index.html");
    assert!(
        page.contains("frontmatter/syntax"),
        "its page lists its problems"
    );
    assert_links_resolve(&root.join("output"));
}

#[test]
fn a_network_that_needs_a_title_gets_one() {
    let dir = project(&[(
        "video.md",
        "---\ntitle: \"\"\nnetworks: [youtube]\ndate: 2026-12-03\nmedia: [media/photo.jpg]\n---\nLa vidéo.\n",
    )]);
    let (json, _) = check(dir.path());
    let missing = with_code(&json, "network/title-missing");
    assert_eq!(missing.len(), 1, "{json}");
    assert_eq!(missing[0]["network"], "youtube");
    assert_eq!(missing[0]["line"], 3);
}

#[test]
fn the_same_project_gives_the_same_bytes_whatever_the_threads() {
    // Many misspelled words: more than get suggestions in one run.
    let letters = |i: usize| -> String {
        [i / 26, i % 26]
            .iter()
            .map(|n| char::from(b'a' + *n as u8))
            .collect()
    };
    let words: Vec<String> = (0..34).map(|i| format!("zorblu{}", letters(i))).collect();
    let mut posts = Vec::new();
    for (i, chunk) in words.chunks(4).enumerate() {
        posts.push((
            format!("p{i}.md"),
            post(&format!("P {i}"), "").replace("Le texte", &chunk.join(" ")),
        ));
    }
    let dir = project(&posts);
    let root = dir.path();
    std::fs::write(
        root.join("charter.yaml"),
        "rules:\n  - { id: orthographe, type: spelling, dictionary: fr_FR }\n",
    )
    .unwrap();
    let yaml = std::fs::read_to_string(root.join("trame.yaml")).unwrap();
    std::fs::write(
        root.join("trame.yaml"),
        format!("{yaml}charter: charter.yaml\n"),
    )
    .unwrap();
    let run = |threads: &str| {
        trame()
            .env("RAYON_NUM_THREADS", threads)
            .args(["check", "--format", "json", "--today", TODAY, "--root"])
            .arg(root)
            .output()
            .unwrap()
            .stdout
    };
    let first = run("1");
    let text = String::from_utf8_lossy(&first);
    assert_eq!(text.matches("charter/orthographe").count(), 34, "{text}");
    assert_eq!(text.matches("vouliez-vous dire").count(), 30, "{text}");
    assert_eq!(String::from_utf8_lossy(&run("2")), text);
}

#[test]
fn folders_of_content_trame_does_not_read_are_named() {
    let dir = project(&[("ok.md", post("Bien rangée", ""))]);
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/post")).unwrap();
    std::fs::write(root.join("content/post/perdue.md"), post("Perdue", "")).unwrap();
    std::fs::write(root.join("content/note.md"), "notes").unwrap();
    let (json, code) = check(root);
    assert_eq!(code, 0, "a warning, not an error: {json}");
    let found = with_code(&json, "file/unknown-folder");
    assert_eq!(found.len(), 2, "{json}");
    assert_eq!(found[1]["file"], "content/post");
    assert!(
        found[1]["help"]
            .as_str()
            .unwrap()
            .contains("vouliez-vous dire content/posts/")
    );
    assert_eq!(found[0]["file"], "content/note.md");
}

#[test]
fn control_characters_are_reported_and_never_written() {
    let text = post("Couleurs", "").replace("Le texte de", "Le \u{1b}[31mtexte\u{b} de");
    let dir = project(&[("2026-12/couleurs.md", text)]);
    let root = dir.path();
    let (json, _) = check(root);
    let found = with_code(&json, "file/control-character");
    assert_eq!(found.len(), 2, "{json}");
    assert_eq!(
        (found[0]["line"].as_u64(), found[0]["column"].as_u64()),
        (Some(7), Some(4))
    );
    build(root, false);
    for e in walkdir::WalkDir::new(root.join("output"))
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            let bytes = std::fs::read(e.path()).unwrap();
            assert!(
                !bytes.iter().any(|b| *b == 0x1b || *b == 0x0b),
                "{} holds a control character",
                e.path().display()
            );
        }
    }
    assert!(read(root, "posts/couleurs/linkedin.txt").contains("Le  [31mtexte  de"));
}

#[test]
fn the_fold_is_counted_in_characters_on_every_network() {
    // 153 characters, 160 bytes: YouTube counts its limit in bytes, but the fold is what shows.
    let sentence = format!("{} fin", "é".repeat(7) + &"a".repeat(142));
    assert_eq!(sentence.chars().count(), 153);
    let text = format!(
        "---\ntitle: \"Vidéo\"\nnetworks: [youtube]\ndate: 2026-12-03\nmedia: [media/photo.jpg]\n---\n{sentence}. Suite.\n"
    );
    let dir = project(&[("video.md", text)]);
    let (json, _) = check(dir.path());
    assert!(with_code(&json, "network/fold").is_empty(), "{json}");
}

#[test]
fn a_missing_alt_text_is_one_problem_on_the_right_network() {
    let config = "title: \"Cas\"\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  facebook: {}\n  instagram: {}\n";
    let text = "---\ntitle: \"Photo\"\nnetworks: [facebook, instagram]\ndate: 2026-12-03\nmedia:\n  - { path: media/photo.jpg }\n---\nUne photo.\n";
    let dir = project_with(config, &[("photo.md", text)]);
    let (json, _) = check(dir.path());
    let alt = with_code(&json, "network/alt-missing");
    assert_eq!(alt.len(), 1, "{json}");
    // Facebook takes no alt text: the problem is Instagram's.
    assert_eq!(alt[0]["network"], "instagram");
    let message = alt[0]["message"].as_str().unwrap();
    assert!(message.contains("(Instagram le lit"), "{message}");
    // With the charter's own alt-text rule, the charter says it, once.
    std::fs::write(
        dir.path().join("charter.yaml"),
        "rules:\n  - { id: alt, type: alt-text, min_length: 10 }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("trame.yaml"),
        format!("{config}charter: charter.yaml\n"),
    )
    .unwrap();
    let (json, _) = check(dir.path());
    assert!(with_code(&json, "network/alt-missing").is_empty(), "{json}");
    assert_eq!(with_code(&json, "charter/alt").len(), 1, "{json}");
}

#[test]
fn classic_yaml_mistakes_are_said_plainly_where_they_are() {
    let dir = project(&[
        (
            "tab.md",
            "---\ntitle: \"Tab\"\nmedia:\n  - path: media/photo.jpg\n\t  alt: \"Une photo du groupe\"\nnetworks: [linkedin]\n---\nTexte.\n",
        ),
        (
            "colon.md",
            "---\ntitle: Concours : gagnez une nuit\nnetworks: [linkedin]\n---\nTexte.\n",
        ),
    ]);
    let (json, _) = check(dir.path());
    let syntax = with_code(&json, "frontmatter/syntax");
    assert_eq!(syntax.len(), 2, "{json}");
    let colon = syntax
        .iter()
        .find(|d| d["file"] == "content/posts/colon.md")
        .unwrap();
    assert_eq!(colon["line"], 2);
    assert_eq!(
        colon["help"],
        "mettez la valeur entre guillemets\u{a0}: `title: \"Concours : gagnez une nuit\"`"
    );
    // The tab is on line 5, not on the line above it.
    let tab = syntax
        .iter()
        .find(|d| d["file"] == "content/posts/tab.md")
        .unwrap();
    assert_eq!(
        (tab["line"].as_u64(), tab["column"].as_u64()),
        (Some(5), Some(1))
    );
    assert!(tab["message"].as_str().unwrap().contains("tab"), "{tab}");
}

/// The other classic mistakes of someone who does not write YAML every day: a list written
/// with commas, `oui` for `true`, a date written day first. Each help says how to write it.
#[test]
fn lists_with_commas_oui_and_french_dates_get_a_plain_hint() {
    let dir = project(&[(
        "essai.md",
        "---\ntitle: \"Essai\"\nnetworks: linkedin, facebook\nhashtags: marche, sport\ndate: 03/12/2026\nvariants:\n  linkedin: { thread: oui }\n---\nTexte.\n",
    )]);
    let (json, _) = check(dir.path());
    let help = |code: &str| -> Vec<String> {
        with_code(&json, code)
            .iter()
            .filter_map(|d| d["help"].as_str().map(str::to_string))
            .collect()
    };
    assert!(
        help("network/unknown").contains(&"une liste s’écrit entre crochets ou avec un élément par ligne\u{a0}: `networks: [linkedin, facebook]`".to_string()),
        "{json}"
    );
    assert!(
        help("frontmatter/invalid")
            .iter()
            .any(|h| h.contains("`hashtags: [marche, sport]`")),
        "{json}"
    );
    assert!(
        help("frontmatter/date").contains(&"écrivez `2026-12-03`".to_string()),
        "{json}"
    );
    assert!(
        help("frontmatter/type")
            .iter()
            .any(|h| h.contains("`thread: true`")),
        "{json}"
    );
}

#[test]
fn links_are_tagged_as_urls_are_written() {
    let config = format!("{CONFIG}utm: {{ medium: social }}\n");
    let dir = project_with(
        &config,
        &[(
            "lien.md",
            post("Lien", "link: \"https://club.example/p?\"\n"),
        )],
    );
    build(dir.path(), false);
    let text = read(dir.path(), "posts/lien/linkedin.txt");
    assert!(
        text.contains("https://club.example/p?utm_source=linkedin&utm_medium=social"),
        "{text}"
    );
    assert!(!text.contains("?&"), "{text}");
}

#[test]
fn an_event_from_a_time_to_a_day_keeps_its_end_in_the_feed() {
    let dir = project(&[("p.md", post("P", ""))]);
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/calendar")).unwrap();
    std::fs::write(
        root.join("content/calendar/salon.md"),
        "---\ntitle: \"Salon\"\nkind: event\ndate: 2027-07-01T09:00\nend: 2027-07-03\n---\n",
    )
    .unwrap();
    build(root, false);
    let ics = read(root, "calendar.ics");
    let event = ics
        .split("UID:entry-salon@trame")
        .nth(1)
        .unwrap_or_default();
    let event = event.split("END:VEVENT").next().unwrap_or_default();
    assert!(event.contains("DTSTART:20270701T070000Z"), "{event}");
    // To the end of July 3 in Paris (UTC+2): midnight is 22:00 UTC.
    assert!(event.contains("DTEND:20270703T220000Z"), "{event}");
    assert!(!event.contains("DURATION"), "{event}");
}

#[test]
fn statuses_can_be_written_as_the_site_shows_them() {
    let posts: Vec<(String, String)> = ["programmé", "validé", "brouillon", "à relire", "idée"]
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let text = post(&format!("P{i}"), "reviewer: Marc\n")
                .replace("status: draft", &format!("status: \"{s}\""));
            (format!("p{i}.md"), text)
        })
        .collect();
    let dir = project(&posts);
    let (json, _) = check(dir.path());
    assert!(with_code(&json, "frontmatter/type").is_empty(), "{json}");
    build(dir.path(), true);
    let board = read(dir.path(), "board/index.html");
    let column = |id: &str| {
        board
            .split(&format!("id=\"col-{id}\""))
            .nth(1)
            .and_then(|c| c.split("</section>").next())
            .unwrap_or_default()
            .to_string()
    };
    assert!(column("scheduled").contains("P0"), "{board}");
    assert!(column("approved").contains("P1"));
    assert!(column("review").contains("P3"));
}

#[test]
fn ideas_and_drafts_never_block_the_site() {
    let config =
        "title: \"Cas\"\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  instagram: {}\n";
    let idea = "---\ntitle: \"Une idée\"\nnetworks: [instagram]\nstatus: idea\n---\nSans image pour l'instant.\n";
    let dir = project_with(config, &[("idee.md", idea)]);
    let root = dir.path();
    let (json, code) = check(root);
    assert_eq!(code, 0, "{json}");
    let missing = with_code(&json, "network/media-required");
    assert_eq!(missing.len(), 1, "shown: {json}");
    assert_eq!(missing[0]["severity"], "warning");
    assert!(
        missing[0]["help"]
            .as_str()
            .unwrap()
            .ends_with("(une erreur dès que la publication passe en relecture)")
    );
    let out = build(root, false);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(root.join("output/posts/idee/index.html").is_file());
    // In review, the same problem blocks.
    std::fs::write(
        root.join("content/posts/idee.md"),
        idea.replace("status: idea", "status: review"),
    )
    .unwrap();
    let (json, code) = check(root);
    assert_eq!(code, 1);
    assert_eq!(
        with_code(&json, "network/media-required")[0]["severity"],
        "error"
    );
    assert_eq!(build(root, false).status.code(), Some(1));
}

/// A busy day of the month view shows its first posts and a link to the rest on the week page,
/// where every post of the day is listed under the day's heading.
#[test]
fn a_busy_day_of_the_month_links_to_the_rest_on_its_week() {
    let posts: Vec<(String, String)> = (0..7)
        .map(|i| {
            (
                format!("jour-{i}.md"),
                format!(
                    "---\ntitle: \"Post {i}\"\nnetworks: [linkedin]\ndate: 2026-12-03T1{i}:00\nstatus: draft\n---\nTexte {i}.\n"
                ),
            )
        })
        .collect();
    let dir = project(&posts);
    assert_eq!(build(dir.path(), true).status.code(), Some(0));
    let month = read(dir.path(), "calendar/2026/12/index.html");
    for i in 0..4 {
        assert!(month.contains(&format!(">Post {i}<")), "{month}");
    }
    for i in 4..7 {
        assert!(!month.contains(&format!(">Post {i}<")), "{month}");
    }
    assert!(
        month.contains(
            "<p class=\"more\"><a href=\"../../../weeks/2026-W49/index.html#d-2026-12-03\">+ 3 autres publications</a></p>"
        ),
        "{month}"
    );
    let week = read(dir.path(), "weeks/2026-W49/index.html");
    assert!(week.contains("id=\"d-2026-12-03\""), "{week}");
    for i in 0..7 {
        assert!(week.contains(&format!(">Post {i}<")), "{week}");
    }
    // Five posts fit: no link for one more.
    std::fs::remove_file(dir.path().join("content/posts/jour-5.md")).unwrap();
    std::fs::remove_file(dir.path().join("content/posts/jour-6.md")).unwrap();
    assert_eq!(build(dir.path(), true).status.code(), Some(0));
    let month = read(dir.path(), "calendar/2026/12/index.html");
    assert!(!month.contains("class=\"more\""), "{month}");
    assert!(month.contains(">Post 4<"), "{month}");
}

/// The calendar feed says each text once, under the networks that publish it (a calendar app
/// shows the description whole); a network with its own text gets its own part.
#[test]
fn the_feed_says_a_text_shared_by_networks_once() {
    let text = "---\ntitle: \"Partagé\"\nnetworks: [linkedin, facebook, mastodon]\ndate: 2026-12-03T10:00\nstatus: draft\n---\nLe même texte partout.\n\n::: mastodon\nUn texte pour Mastodon.\n:::\n";
    let dir = project(&[("partage.md", text)]);
    let out = common::build(dir.path(), true);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ics = read(dir.path(), "calendar.ics");
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(
        unfolded.matches("Le même texte partout.").count(),
        1,
        "{ics}"
    );
    assert!(unfolded.contains("— LinkedIn\\, Facebook —"), "{ics}");
    assert!(
        unfolded.contains("— Mastodon —\\nUn texte pour Mastodon."),
        "{ics}"
    );
}

/// A long calendar is split where one page would be too heavy for a phone: the list by month
/// (its index showing the current month), each board column after its first cards, published
/// posts latest first; once the project is small again, the extra pages go.
#[test]
fn a_long_list_goes_by_month_and_a_long_column_by_pages() {
    let mut posts: Vec<(String, String)> = Vec::new();
    let dated = |title: String, day: String, status: &str| {
        format!(
            "---\ntitle: \"{title}\"\nnetworks: [linkedin]\ndate: {day}\nstatus: {status}\n---\nTexte.\n"
        )
    };
    for i in 0..230 {
        let day = format!("2026-12-{:02}T{:02}:00", 1 + i / 10, 8 + i % 10);
        posts.push((
            format!("pub-{i}.md"),
            dated(format!("Pub {i}"), day, "published\nreviewer: Nadia"),
        ));
    }
    for i in 0..90 {
        let day = format!("2027-01-{:02}T{:02}:00", 1 + i / 10, 8 + i % 10);
        posts.push((
            format!("brouillon-{i}.md"),
            dated(format!("Brouillon {i}"), day, "draft"),
        ));
    }
    for i in 0..10 {
        posts.push((
            format!("idee-{i}.md"),
            format!("---\ntitle: \"Idée {i}\"\nnetworks: [linkedin]\nstatus: idea\n---\n"),
        ));
    }
    let dir = project(&posts);
    let root = dir.path();
    let out = build(root, true);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_links_resolve(&root.join("output"));

    // The list: today is in November, so the index shows December, and links every month.
    let index = read(root, "list/index.html");
    assert!(
        index.contains(">Pub 0<") && index.contains(">Pub 229<"),
        "{index}"
    );
    assert!(!index.contains(">Brouillon 0<") && !index.contains(">Idée 0<"));
    assert!(
        index.contains("<title>Liste · décembre 2026 · Cas</title>"),
        "{index}"
    );
    for link in [
        "2026-12.html\" aria-current=\"page\">décembre 2026 <span class=\"count\">230</span>",
        "2027-01.html\">janvier 2027 <span class=\"count\">90</span>",
        "undated.html\">Sans date <span class=\"count\">10</span>",
    ] {
        assert!(
            index.contains(&format!("<a href=\"{link}")),
            "{link}\n{index}"
        );
    }
    let january = read(root, "list/2027-01.html");
    assert!(january.contains(">Brouillon 89<") && !january.contains(">Pub 0<"));
    assert!(
        january.contains("href=\"2027-01.html\" aria-current=\"page\""),
        "{january}"
    );
    let undated = read(root, "list/undated.html");
    assert!(undated.contains(">Idée 9<") && !undated.contains(">Brouillon 0<"));
    assert_eq!(
        read(root, "list/2026-12.html")
            .matches("<li class=\"chip")
            .count(),
        230
    );

    // The board: 50 cards a column, the latest published first, then every card on pages.
    let board = read(root, "board/index.html");
    let published = between(&board, "id=\"col-published\"", "</section>");
    assert!(published.contains(">Pub 229<") && published.contains(">Pub 180<"));
    assert!(!published.contains(">Pub 179<"), "{published}");
    assert!(
        published.contains(
            "<p class=\"more\"><a href=\"published.html\">Voir les 230 publications</a></p>"
        ),
        "{published}"
    );
    let drafts = between(&board, "id=\"col-draft\"", "</section>");
    assert!(drafts.contains("href=\"draft.html\""), "{drafts}");
    let ideas = between(&board, "id=\"col-idea\"", "</section>");
    assert!(!ideas.contains("class=\"more\""), "{ideas}");
    let first = read(root, "board/published.html");
    assert_eq!(first.matches("<li class=\"chip").count(), 200, "{first}");
    assert!(
        first.contains(">Pub 229<") && first.contains(">Pub 30<") && !first.contains(">Pub 29<")
    );
    assert!(
        first.contains("<a href=\"published-2.html\">2</a>"),
        "{first}"
    );
    assert!(
        first.contains("<a href=\"index.html\">← Tableau</a>"),
        "{first}"
    );
    let second = read(root, "board/published-2.html");
    assert!(second.contains(">Pub 29<") && second.contains(">Pub 0<"));
    assert!(
        second.contains("<title>Tableau · publié · page 2 sur 2 · Cas</title>"),
        "{second}"
    );
    let draft_page = read(root, "board/draft.html");
    assert!(
        !draft_page.contains("class=\"pages\""),
        "one page: no page links"
    );
    assert_eq!(draft_page.matches("<li class=\"chip").count(), 90);

    // Small again: one list page, a board without links, and the extra pages gone.
    for i in 0..200 {
        std::fs::remove_file(root.join(format!("content/posts/pub-{i}.md"))).unwrap();
    }
    assert_eq!(build(root, false).status.code(), Some(0));
    let index = read(root, "list/index.html");
    assert!(
        index.contains(">Pub 229<")
            && index.contains(">Brouillon 0<")
            && index.contains(">Idée 0<")
    );
    assert!(!index.contains("class=\"pages\""), "{index}");
    for gone in [
        "list/2026-12.html",
        "list/undated.html",
        "board/published.html",
        "board/published-2.html",
    ] {
        assert!(!root.join("output").join(gone).exists(), "{gone} is left");
    }
    assert!(
        root.join("output/board/draft.html").exists(),
        "90 drafts: still a page"
    );
}

/// The text between each `start` and the next `end` after it.
fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let from = s.find(start).unwrap_or_else(|| panic!("no {start}"));
    let rest = &s[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}
