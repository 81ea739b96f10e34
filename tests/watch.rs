//! `trame watch` and `trame serve` end to end: the real binary on a temporary project, driven
//! the way editors save files, with the output compared to what `trame build` writes.

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::copy_dir;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-24";
const POST: &str = "content/posts/2026-12/sortie-1.md";

/// Markers written by `settle`, numbered across the tests of this file.
static SETTLES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn trame_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_trame"))
}

/// A running `trame watch` (or `serve`) on a copy of the watch fixture.
struct Watch {
    dir: tempfile::TempDir,
    child: Child,
    lines: Arc<Mutex<Vec<String>>>,
}

impl Watch {
    fn start(args: &[&str]) -> Watch {
        Watch::start_with(args, |_| {})
    }

    /// Starts on the fixture after `setup` changed it.
    fn start_with(args: &[&str], setup: impl FnOnce(&Path)) -> Watch {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/watch");
        copy_dir(&fixture, dir.path());
        setup(dir.path());
        let mut child = Command::new(trame_bin())
            .args(args)
            .args(["--today", TODAY, "--root"])
            .arg(dir.path())
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        let lines = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().unwrap_or_else(|| panic!("no stderr"));
        let sink = lines.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap_or_else(|e| e.into_inner()).push(line);
            }
        });
        let w = Watch { dir, child, lines };
        w.wait_builds(1);
        w
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    fn output(&self, rel: &str) -> PathBuf {
        self.root().join("output").join(rel)
    }

    fn log(&self) -> Vec<String> {
        self.lines.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Rebuilds finished so far (written, or refused because of a broken file).
    fn builds(&self) -> usize {
        self.log()
            .iter()
            .filter(|l| {
                l.starts_with("Construit en")
                    || l.starts_with("Reconstruit en")
                    || l.starts_with("Rien n’est écrit")
            })
            .count()
    }

    fn wait_builds(&self, n: usize) {
        wait(&format!("{n} builds\n{}", self.log().join("\n")), || {
            self.builds() >= n
        });
    }

    /// Waits until every change made so far has been rebuilt and reported: a marker post is
    /// saved and its page awaited, then a second one (events are handled in order, and a
    /// rebuild is reported before the next events are read: once the second marker's page is
    /// there, the first one's rebuild and all before it are in the log). Returns how many
    /// rebuilds came after the first `since` and before the first marker's.
    fn settle(&self, since: usize) -> usize {
        let stamp = SETTLES.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        for (file, name) in [("repere", "A"), ("repere-b", "B")] {
            let marker = format!("Repère {name}{stamp}");
            self.write(
                &format!("content/posts/{file}.md"),
                &format!(
                    "---\ntitle: \"{marker}\"\nnetworks: [linkedin]\nstatus: idea\n---\nRepère.\n"
                ),
            );
            wait(
                &format!("the marker's rebuild\n{}", self.log().join("\n")),
                || {
                    self.read(&format!("posts/{file}/index.html"))
                        .contains(&marker)
                },
            );
        }
        // The rebuilds reported before the one of the second marker.
        let log = self.log();
        let end = log
            .iter()
            .position(|l| l.starts_with('[') && l.ends_with("content/posts/repere-b.md modifié"))
            .unwrap_or(log.len());
        let through_first = log[..end]
            .iter()
            .filter(|l| {
                l.starts_with("Construit en")
                    || l.starts_with("Reconstruit en")
                    || l.starts_with("Rien n’est écrit")
            })
            .count();
        through_first - since - 1
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.output(rel)).unwrap_or_default()
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.path(rel), text).unwrap_or_else(|e| panic!("{e}"));
    }

    fn source(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{e}"))
    }

    /// After the last change: the output is exactly what `trame build --force` writes.
    fn assert_same_as_build(&self) {
        let fresh = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let status = Command::new(trame_bin())
            .args(["build", "--force", "--quiet", "--today", TODAY, "--root"])
            .arg(self.root())
            .arg("--output")
            .arg(fresh.path())
            .status()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(status.success() || status.code() == Some(1));
        // The files a rebuild replaced are deleted in the background, soon after it.
        let out = self.root().join("output");
        wait("the replaced files to be deleted", || {
            std::fs::read_dir(&out).is_ok_and(|entries| {
                entries.flatten().all(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    !name.starts_with(".trame-old-") && name != ".trame-staging"
                })
            })
        });
        let a = tree(&out);
        let b = tree(fresh.path());
        let only_watch: Vec<_> = a.keys().filter(|k| !b.contains_key(*k)).collect();
        let only_build: Vec<_> = b.keys().filter(|k| !a.contains_key(*k)).collect();
        assert!(
            only_watch.is_empty() && only_build.is_empty(),
            "only in watch: {only_watch:?}\nonly in build: {only_build:?}"
        );
        for (path, bytes) in &a {
            assert!(
                b.get(path) == Some(bytes),
                "{path} differs from a fresh build"
            );
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait(what: &str, cond: impl Fn() -> bool) {
    let end = Instant::now() + Duration::from_secs(30);
    while !cond() {
        assert!(Instant::now() < end, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Every file of an output folder but trame's manifest.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name() != ".trame-manifest")
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
            (
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect()
}

fn retitle(text: &str, title: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with("title:") {
                format!("title: \"{title}\"")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn a_saved_post_updates_its_pages_and_the_site_equals_a_build() {
    let w = Watch::start(&["watch"]);
    assert!(
        w.read("posts/sortie-1/index.html")
            .contains("Sortie numéro 1")
    );
    w.write(POST, &retitle(&w.source(POST), "Balade au lac <b>gelé</b>"));
    wait("the new title", || {
        w.read("posts/sortie-1/index.html")
            .contains("Balade au lac &lt;b&gt;gelé&lt;/b&gt;")
    });
    wait("the board", || {
        w.read("board/index.html").contains("Balade au lac")
    });
    w.wait_builds(2);
    assert!(
        w.read("calendar/2026/12/index.html")
            .contains("Balade au lac")
    );
    assert!(
        w.read("campaigns/hiver/index.html")
            .contains("Balade au lac")
    );
    assert!(w.read("calendar.ics").contains("Balade au lac"));
    w.assert_same_as_build();
}

#[test]
fn vim_jetbrains_vscode_and_emacs_saves_end_in_the_right_site() {
    let w = Watch::start(&["watch"]);
    let post = w.path(POST);
    let original = w.source(POST);
    let dir = post
        .parent()
        .unwrap_or_else(|| panic!("no parent"))
        .to_path_buf();

    // vim: probe file, swap file, rename the original to a backup, write anew, drop the backup.
    std::fs::write(dir.join("4913"), "").unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(dir.join("4913")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join(".sortie-1.md.swp"), "swap").unwrap_or_else(|e| panic!("{e}"));
    std::fs::rename(&post, dir.join("sortie-1.md~")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&post, retitle(&original, "Version vim")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(dir.join("sortie-1.md~")).unwrap_or_else(|e| panic!("{e}"));
    wait("vim's save", || {
        w.read("posts/sortie-1/index.html").contains("Version vim")
    });

    // JetBrains safe write: a temp file, the original renamed away, the temp renamed in.
    let tmp = dir.join("sortie-1.md___jb_tmp___");
    let old = dir.join("sortie-1.md___jb_old___");
    std::fs::write(&tmp, retitle(&original, "Version JetBrains")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::rename(&post, &old).unwrap_or_else(|e| panic!("{e}"));
    std::fs::rename(&tmp, &post).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(&old).unwrap_or_else(|e| panic!("{e}"));
    wait("JetBrains' save", || {
        w.read("posts/sortie-1/index.html")
            .contains("Version JetBrains")
    });

    // VS Code: truncate and write in place, in two writes.
    let mut f = std::fs::File::create(&post).unwrap_or_else(|e| panic!("{e}"));
    let text = retitle(&original, "Version VS Code");
    let (a, b) = text.split_at(text.len() / 2);
    f.write_all(a.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    f.flush().unwrap_or_else(|e| panic!("{e}"));
    f.write_all(b.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    drop(f);
    wait("VS Code's save", || {
        w.read("posts/sortie-1/index.html")
            .contains("Version VS Code")
    });

    // Emacs: a lock file (a dangling symlink) while editing, an autosave, then the save.
    #[cfg(unix)]
    std::os::unix::fs::symlink("lea@poste.4242:1700000000", dir.join(".#sortie-1.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("#sortie-1.md#"), "autosave").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&post, retitle(&original, "Version Emacs")).unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_file(dir.join(".#sortie-1.md"));
    let _ = std::fs::remove_file(dir.join("#sortie-1.md#"));
    wait("Emacs' save", || {
        w.read("posts/sortie-1/index.html")
            .contains("Version Emacs")
    });

    // Atomic save of tools and agents: a hidden temp file renamed over the post.
    let hidden = dir.join(".sortie-1.md.tmp.8812");
    std::fs::write(&hidden, retitle(&original, "Version atomique"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::rename(&hidden, &post).unwrap_or_else(|e| panic!("{e}"));
    wait("the atomic save", || {
        w.read("posts/sortie-1/index.html")
            .contains("Version atomique")
    });
    std::fs::remove_file(dir.join(".sortie-1.md.swp")).unwrap_or_else(|e| panic!("{e}"));

    w.settle(0);
    // No temp file became a post.
    let mut pages: Vec<String> = std::fs::read_dir(w.output("posts"))
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        ["repere", "repere-b", "sortie-1", "sortie-2", "sortie-3"]
    );
    w.assert_same_as_build();
}

#[test]
fn a_checkout_of_many_files_is_one_rebuild_and_deleted_posts_leave() {
    let w = Watch::start(&["watch"]);
    let before = w.builds();
    // Like `git checkout`: 150 posts appear, one is deleted, one renamed, in one burst.
    let template = w.source(POST);
    let month = w.path("content/posts/2027-01");
    std::fs::create_dir_all(&month).unwrap_or_else(|e| panic!("{e}"));
    for i in 0..150 {
        let text = retitle(&template, &format!("Sortie de janvier {i}")).replace(
            "2026-12-01T10:00",
            &format!("2027-01-{:02}T10:00", i % 28 + 1),
        );
        std::fs::write(month.join(format!("janvier-{i}.md")), text)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::remove_file(w.path("content/posts/2026-12/sortie-2.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::rename(
        w.path("content/posts/2026-12/sortie-3.md"),
        w.path("content/posts/2026-12/sortie-trois.md"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    wait("the burst", || {
        w.output("posts/janvier-149/index.html").exists()
            && !w.output("posts/sortie-2/index.html").exists()
            && w.output("posts/sortie-trois/index.html").exists()
    });
    let rebuilds = w.settle(before);
    assert!(
        (1..=2).contains(&rebuilds),
        "{rebuilds} rebuilds for one burst\n{}",
        w.log().join("\n")
    );
    assert!(!w.output("posts/sortie-3").exists());
    assert!(!w.read("board/index.html").contains("Sortie numéro 2"));
    assert!(
        w.read("calendar/2027/01/index.html")
            .contains("Sortie de janvier 7")
    );

    // A folder renamed away takes its posts with it.
    std::fs::rename(&month, w.path("content/archive-janvier")).unwrap_or_else(|e| panic!("{e}"));
    wait("the folder's posts to leave", || {
        !w.output("posts/janvier-0/index.html").exists()
    });
    w.settle(0);
    w.assert_same_as_build();
}

#[test]
fn errors_while_writing_are_shown_and_a_broken_config_keeps_the_last_site() {
    let w = Watch::start(&["watch"]);
    // A post with an error is still rendered, with its error.
    let broken = w.source(POST).replace(
        "networks: [linkedin, mastodon]",
        "networks: [linkedin, myspace]",
    );
    w.write(POST, &broken);
    wait("the diagnostics page", || {
        w.read("diagnostics/index.html").contains("myspace")
    });
    assert!(w.read("posts/sortie-1/index.html").contains("myspace"));
    assert!(w.read("diagnostics/count.js").contains("var n = 1;"));
    wait("the terminal", || {
        w.log().iter().any(|l| l.contains("myspace"))
    });

    // A half-saved file (empty) is a diagnostic, never a crash.
    w.write("content/posts/2026-12/sortie-2.md", "");
    let n = w.builds();
    w.wait_builds(n + 1);
    assert!(w.read("diagnostics/index.html").contains("sortie-2.md"));

    // A broken trame.yaml: nothing is written, the last good site stays, the terminal says why.
    let index = w.read("index.html");
    let n = w.builds();
    w.write("trame.yaml", "title: [unclosed\n");
    w.wait_builds(n + 1);
    assert!(w.log().iter().any(|l| l.contains("trame.yaml")));
    assert!(w.log().iter().any(|l| l.starts_with("Rien n’est écrit")));
    assert_eq!(w.read("index.html"), index);
    assert!(w.output("posts/sortie-1/index.html").exists());

    // Fixed: everything is rebuilt.
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/watch/trame.yaml"),
        w.path("trame.yaml"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    w.write(
        POST,
        &retitle(&w.source(POST), "Réparé").replace("myspace", "mastodon"),
    );
    wait("the repaired site", || {
        w.read("posts/sortie-1/index.html").contains("Réparé")
    });
    w.settle(0);
    w.assert_same_as_build();
}

#[test]
fn temp_files_and_the_output_folder_do_not_trigger_rebuilds() {
    let w = Watch::start(&["watch"]);
    let n = w.builds();
    std::fs::write(w.path("content/posts/2026-12/.sortie-1.md.swp"), "x")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(w.path("content/posts/2026-12/sortie-1.md~"), "x")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(w.output("notes.txt"), "x").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(w.path("README.md"), "x").unwrap_or_else(|e| panic!("{e}"));
    // The marker's is the only rebuild, and it was for the marker alone.
    assert_eq!(w.settle(n), 0, "{}", w.log().join("\n"));
    let changed: Vec<String> = w
        .log()
        .into_iter()
        .filter(|l| l.starts_with('[') && l.contains("modifié"))
        .collect();
    // The first change the session saw is the marker's: the temp files were none.
    assert!(
        changed[0].ends_with("content/posts/repere.md modifié"),
        "{changed:?}"
    );
    // trame never deletes a file it did not write.
    assert!(w.output("notes.txt").exists());
}

/// `host:port` of a `trame serve` session, from the line it prints.
fn served_at(w: &Watch) -> String {
    w.log()
        .iter()
        .find_map(|l| {
            l.strip_prefix("Aperçu sur http://")
                .map(|r| r.split('/').next().unwrap_or("").to_string())
        })
        .unwrap_or_else(|| panic!("no address in:\n{}", w.log().join("\n")))
}

/// One HTTP/1.1 request on a raw socket (so paths reach the server exactly as written).
fn http(addr: &str, path: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).unwrap_or_else(|e| panic!("{e}"));
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap_or_else(|e| panic!("{e}"));
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, head.to_lowercase(), body.to_string())
}

#[test]
fn the_server_serves_the_output_only_and_tells_pages_to_reload() {
    let w = Watch::start(&["serve", "--port", "0"]);
    let url = served_at(&w);
    let addr = url.as_str();
    std::fs::write(w.root().join("secret.txt"), "secret").unwrap_or_else(|e| panic!("{e}"));

    let (status, head, body) = http(addr, "/");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html; charset=utf-8"));
    assert!(
        body.contains("/.trame/live.js"),
        "the reload script is injected"
    );
    let (status, head, _) = http(addr, "/calendar.ics");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/calendar"));
    let (status, head, _) = http(addr, "/board");
    assert_eq!(status, 308);
    assert!(head.contains("location: /board/"));

    for attempt in [
        "/../secret.txt",
        "/../trame.yaml",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/posts/..%2f..%2fsecret.txt",
        "/..%5c..%5csecret.txt",
        "/static/%00",
    ] {
        let (status, _, body) = http(addr, attempt);
        assert!(status == 400 || status == 404, "{attempt}: {status}");
        assert!(!body.contains("secret"), "{attempt} leaked a file");
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(w.root().join("secret.txt"), w.output("leak.txt"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(http(addr, "/leak.txt").0, 404);
    }
    assert_eq!(http(addr, "/.trame-manifest").0, 404);
    let (status, _, body) = http(addr, "/posts/nothing-here/");
    assert_eq!(status, 404);
    assert!(body.contains("Page introuvable") && body.contains("live.js"));

    // Many requests at once.
    let handles: Vec<_> = (0..40)
        .map(|i| {
            let a = url.clone();
            std::thread::spawn(move || {
                let path = if i % 2 == 0 {
                    "/board/"
                } else {
                    "/calendar.json"
                };
                http(&a, path).0
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap_or(0), 200);
    }

    // After a rebuild the event stream announces a new build, once the files are in place.
    w.write(POST, &retitle(&w.source(POST), "Nouveau titre"));
    wait("the rebuild", || {
        w.read("posts/sortie-1/index.html")
            .contains("Nouveau titre")
    });
    w.wait_builds(2);
    let mut s = TcpStream::connect(addr).unwrap_or_else(|e| panic!("{e}"));
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap_or_else(|e| panic!("{e}"));
    write!(s, "GET /.trame/events HTTP/1.1\r\nHost: {addr}\r\n\r\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut buf = vec![0u8; 4096];
    let mut got = String::new();
    let end = Instant::now() + Duration::from_secs(10);
    while !got.contains("\"build\":2") && Instant::now() < end {
        let n = s.read(&mut buf).unwrap_or(0);
        if n == 0 {
            break;
        }
        got.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(got.contains("text/event-stream"), "{got}");
    assert!(
        got.contains("\"build\":2") && got.contains("\"ok\":true"),
        "{got}"
    );
}

#[test]
fn a_copy_of_a_post_that_comes_and_goes_leaves_the_original_whole() {
    let w = Watch::start(&["watch"]);
    // A copy with the same id appears in another folder (a duplicate: its own page)...
    std::fs::create_dir_all(w.path("content/posts/brouillons")).unwrap();
    std::fs::copy(w.path(POST), w.path("content/posts/brouillons/sortie-1.md")).unwrap();
    wait("the copy's page", || {
        w.output("posts/sortie-1-2/index.html").exists()
    });
    assert!(
        w.read("diagnostics/index.html")
            .contains("frontmatter/duplicate-id")
    );
    // ... and goes away again.
    std::fs::remove_file(w.path("content/posts/brouillons/sortie-1.md")).unwrap();
    wait("the copy's page to go", || {
        !w.output("posts/sortie-1-2").exists()
    });
    w.settle(0);
    // The original kept everything: its texts, its cards, its feed events, its JSON.
    assert!(
        w.read("posts/sortie-1/linkedin.txt")
            .contains("sortie numéro 1")
    );
    assert_eq!(
        w.read("posts/sortie-1/index.html")
            .matches("<article class=\"card\"")
            .count(),
        2
    );
    assert!(w.read("calendar.ics").contains("Sortie numéro 1"));
    assert!(w.read("calendar-linkedin.ics").contains("Sortie numéro 1"));
    let json: serde_json::Value = serde_json::from_str(&w.read("calendar.json")).unwrap();
    let post = json["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "sortie-1")
        .cloned()
        .unwrap();
    assert!(post["variants"]["linkedin"]["text"].is_string(), "{post}");
    assert!(
        !w.read("diagnostics/index.html")
            .contains("frontmatter/duplicate-id")
    );
    w.assert_same_as_build();
}

#[test]
fn generated_files_deleted_by_hand_come_back() {
    let w = Watch::start(&["watch"]);
    std::fs::remove_file(w.output("posts/sortie-2/index.html")).unwrap();
    std::fs::remove_file(w.output("calendar.json")).unwrap();
    // The next change, whatever it touches, puts them back.
    w.write(POST, &retitle(&w.source(POST), "Après la suppression"));
    wait("the deleted files", || {
        w.output("posts/sortie-2/index.html").exists() && w.output("calendar.json").exists()
    });
    // The whole output folder deleted: it comes back without waiting for a change. (trame
    // may be deleting the files a rebuild replaced meanwhile: `rm -rf` tries again.)
    w.settle(0);
    wait("the output folder to go", || {
        std::fs::remove_dir_all(w.root().join("output")).is_ok()
    });
    wait("the output folder", || {
        w.output("index.html").exists() && w.output("posts/sortie-3/index.html").exists()
    });
    w.settle(0);
    w.assert_same_as_build();
}

/// One raw request (as written) and the response's status and lowercased head.
/// `METHOD /path` to the server at `addr`, with its own Host and these extra header lines.
fn request(addr: &str, line: &str, headers: &str) -> (u16, String) {
    raw_request(
        addr,
        &format!("{line} HTTP/1.1\r\nHost: {addr}\r\n{headers}Connection: close\r\n\r\n"),
    )
}

fn raw_request(addr: &str, request: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap_or_else(|e| panic!("{e}"));
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap_or_else(|e| panic!("{e}"));
    s.write_all(request.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let head = text
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, head)
}

#[test]
fn the_server_answers_its_own_address_only_and_outlives_idle_connections() {
    let w = Watch::start(&["serve", "--port", "0"]);
    let addr = served_at(&w);
    let port = addr.rsplit(':').next().unwrap_or_default().to_string();
    let get = |host: &str, path: &str| {
        raw_request(
            &addr,
            &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        )
    };
    // DNS rebinding: a page of evil.example resolved to 127.0.0.1 is not answered.
    assert_eq!(get(&format!("evil.example:{port}"), "/").0, 421);
    assert_eq!(get(&format!("localhost:{port}"), "/").0, 200);
    assert_eq!(get(&addr, "/").0, 200);
    assert_eq!(
        get(
            &format!("127.0.0.1:{}", port.parse::<u16>().unwrap_or(0) ^ 1),
            "/"
        )
        .0,
        421
    );
    // A folder asked twice-slashed is redirected on this site, never to `//calendar/`.
    let (status, head) = get(&addr, "//board");
    assert_eq!(status, 308);
    assert!(head.contains("location: /board/\r"), "{head}");
    // Other methods are refused, with what is allowed.
    let (status, head) = request(&addr, "POST /", "Content-Length: 0\r\n");
    assert_eq!(status, 405);
    assert!(head.contains("allow: get, head"), "{head}");
    // A file is streamed, a range of it too.
    let (status, head) = request(&addr, "GET /static/style.css", "Range: bytes=0-9\r\n");
    assert_eq!(status, 206, "{head}");
    assert!(head.contains("content-length: 10"), "{head}");
    // Connections that never send a request are closed after the head timeout, and more of
    // them than the server serves at once do not stop it answering.
    let mut idle: Vec<TcpStream> = (0..150)
        .map(|_| TcpStream::connect(&addr).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let first = &mut idle[0];
    first
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut buf = [0u8; 16];
    // The server closes it (EOF), well before the read times out.
    assert_eq!(first.read(&mut buf).unwrap_or(usize::MAX), 0);
    assert_eq!(get(&addr, "/").0, 200);
    drop(idle);
}

/// After a save, the terminal shows the problems of the file saved and every error, not every
/// warning of the project again (the totals line still counts them all).
#[test]
fn a_save_prints_the_saved_files_problems_and_every_error() {
    let w = Watch::start(&["watch"]);
    let other = "content/posts/2026-12/autre.md";
    w.write(
        other,
        "---\ntitle: \"Autre\"\nnetworks: [linkedin]\nstatus: idea\nreviewr: Nadia\n---\nAutre.\n",
    );
    w.wait_builds(2);
    assert!(w.log().join("\n").contains("`reviewr`"), "{:?}", w.log());
    let source = w.source(POST).replacen("---\n", "---\nautor: Camille\n", 1);
    let since = w.log().len();
    w.write(POST, &source);
    w.wait_builds(3);
    let after = w.log()[since..].join("\n");
    assert!(after.contains("`autor`"), "{after}");
    assert!(!after.contains("`reviewr`"), "{after}");
    assert!(after.contains("fichiers vérifiés"), "{after}");
    // An error elsewhere is always shown.
    w.write(
        other,
        "---\ntitle: \"Autre\"\nnetworks: [linkedin\nstatus: idea\n---\nAutre.\n",
    );
    w.wait_builds(4);
    let since = w.log().len();
    w.write(POST, &retitle(&source, "Encore"));
    w.wait_builds(5);
    let after = w.log()[since..].join("\n");
    assert!(after.contains("autre.md"), "{after}");
    assert!(after.contains("`autor`"), "{after}");
}

/// `fix_on_save: true`: a saved post gets its certain fixes once the debounce is over, and the
/// rewrite brings one more rebuild with nothing left to fix.
#[test]
fn fix_on_save_corrects_the_typography_of_the_file_saved() {
    let w = Watch::start_with(&["watch"], |root| {
        std::fs::write(
            root.join("charter.yaml"),
            "rules:\n  - { id: typo, type: typography }\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let cfg = root.join("trame.yaml");
        let text = std::fs::read_to_string(&cfg).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(
            &cfg,
            format!("{text}charter: charter.yaml\nfix_on_save: true\n"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    });
    let source = w
        .source(POST)
        .replacen("\n---\n", "\n---\nBonjour ! Ça va ?\n", 1);
    w.write(POST, &source);
    wait(&format!("the fix\n{}", w.log().join("\n")), || {
        w.source(POST).contains("Bonjour\u{202f}! Ça va\u{202f}?")
    });
    // Only the two spaces changed.
    assert_eq!(
        w.source(POST),
        source.replacen("Bonjour ! Ça va ?", "Bonjour\u{202f}! Ça va\u{202f}?", 1)
    );
    wait(
        &format!("the rebuild after the fix\n{}", w.log().join("\n")),
        || {
            w.read("posts/sortie-1/index.html")
                .contains("Bonjour\u{202f}!")
        },
    );
    assert!(
        w.log().iter().any(|l| l.contains("2 corrections écrites")),
        "{}",
        w.log().join("\n")
    );
}

#[test]
fn a_results_file_saved_or_edited_updates_the_results_and_the_site_equals_a_build() {
    let w = Watch::start(&["watch"]);
    assert!(w.read("results/index.html").contains("Aucun résultat"));
    std::fs::create_dir_all(w.path("metrics")).unwrap_or_else(|e| panic!("{e}"));
    let rows = |likes: u32| {
        format!(
            "network,post,date,impressions,likes\nlinkedin,sortie-1,2026-12-01T10:00,1000,{likes}\n"
        )
    };
    w.write("metrics/r.csv", &rows(40));
    wait("the results page", || {
        w.read("results.json").contains("\"likes\":40")
    });
    assert!(
        w.read("posts/sortie-1/index.html")
            .contains("<td>1\u{202f}000</td>")
    );
    w.write("metrics/r.csv", &rows(55));
    wait("the new figure", || {
        w.read("results.json").contains("\"likes\":55")
    });
    // A post's title is on the results page: saving the post updates it.
    w.write(POST, &retitle(&w.source(POST), "Sortie au lac"));
    wait("the new title on the results page", || {
        w.read("results/index.html").contains("Sortie au lac")
    });
    w.assert_same_as_build();
}

#[test]
fn citing_a_veille_note_and_adding_one_update_the_veille_page_as_a_build_would() {
    let w = Watch::start_with(&["watch"], |root| {
        let dir = root.join("content/veille/2026/11");
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(
            dir.join("lac-gele.md"),
            "---\ntitle: Le lac gelé attire les marcheurs\nkind: sectorielle\ndate: 2026-11-20\nstatus: idea\n---\nUn article.\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    });
    assert!(w.read("veille/index.html").contains("Le lac gelé attire"));
    // A post (only a post changed: the incremental path) now cites the note.
    let text = w
        .source(POST)
        .replacen("---\n", "---\nsources: [lac-gele]\n", 1);
    w.write(POST, &text);
    wait("the post under the note", || {
        w.read("veille/index.html").contains("Utilisée dans")
    });
    assert!(w.read("veille/index.html").contains("utilisée"));
    w.assert_same_as_build();
    // A new note (a full rebuild).
    w.write(
        "content/veille/2026/11/neige.md",
        "---\ntitle: Première neige sur les sentiers\nkind: metier\ndate: 2026-11-22\n---\nTexte.\n",
    );
    wait("the new note", || {
        w.read("veille/index.html").contains("Première neige")
    });
    w.assert_same_as_build();
}
