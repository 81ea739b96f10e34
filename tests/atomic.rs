//! An interrupted `trame build` leaves the previous site or the new one, never a mix: a
//! generated project of a few thousand posts is built, then rebuilt towards another version of
//! itself, and each rebuild is killed (SIGKILL, or SIGINT as Ctrl-C sends) at a random moment.
//! After every kill the output folder must be exactly one of the two sites, and the next build
//! must succeed. `TRAME_KILLS` sets how many kills (default 20), `TRAME_KILL_POSTS` the number
//! of posts (default 2,000).

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const TODAY: &str = "2026-11-24";

fn trame() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_trame"));
    c.env("NO_COLOR", "1");
    c
}

/// Writes version `v` (0 or 1) of a project of `n` posts: the titles differ, a tenth of the
/// posts exist in one version only.
fn write_version(root: &Path, n: usize, v: usize) {
    let posts = root.join("content/posts");
    if posts.exists() {
        std::fs::remove_dir_all(&posts).unwrap();
    }
    for i in 0..n {
        if (i % 10 == 0 && v == 1) || (i % 10 == 5 && v == 0) {
            continue;
        }
        let month = 1 + i % 12;
        let dir = posts.join(format!("2027-{month:02}"));
        std::fs::create_dir_all(&dir).unwrap();
        let text = format!(
            "---\ntitle: \"Version {v}, publication {i}\"\nnetworks: [linkedin, mastodon]\ndate: 2027-{month:02}-{:02}T{:02}:00\nstatus: draft\n---\nLe texte de la publication {i}, version {v}.\n",
            1 + i % 28,
            8 + i % 10
        );
        std::fs::write(dir.join(format!("post-{i}.md")), text).unwrap();
    }
}

/// Every file of a site but trame's manifest, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != ".trame-manifest")
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn build(root: &Path, out: &Path) -> std::process::ExitStatus {
    trame()
        .args(["build", "--force", "--quiet", "--today", TODAY, "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .stderr(Stdio::null())
        .status()
        .unwrap()
}

#[test]
fn a_killed_build_leaves_the_old_site_or_the_new_one() {
    let kills: usize = std::env::var("TRAME_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let n: usize = std::env::var("TRAME_KILL_POSTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("project");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(
        root.join("trame.yaml"),
        "title: \"Coupures\"\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  linkedin: {}\n  mastodon: {}\n",
    )
    .unwrap();
    // The two sites, built to completion elsewhere.
    let mut sites = Vec::new();
    for v in 0..2 {
        write_version(&root, n, v);
        let reference = dir.path().join(format!("site-{v}"));
        assert!(build(&root, &reference).success());
        sites.push(tree(&reference));
    }
    assert_ne!(sites[0], sites[1]);
    let out: PathBuf = root.join("output");
    write_version(&root, n, 0);
    assert!(build(&root, &out).success());
    // How long a rebuild over an existing site takes: the kills fall within it.
    write_version(&root, n, 1);
    let started = Instant::now();
    assert!(build(&root, &out).success());
    let duration = started.elapsed();
    let mut state = 1;
    // Kills that left the site the build started from, and those that left the new one.
    let (mut old, mut new) = (0, 0);
    let mut seed: u64 = 0x2026_1201;
    for k in 0..kills {
        let target = 1 - state;
        write_version(&root, n, target);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Anywhere in the build, and a little past its usual end.
        let delay = duration.mul_f64((seed % 1000) as f64 / 1000.0 * 1.3);
        let mut child = trame()
            .args(["build", "--force", "--quiet", "--today", TODAY, "--root"])
            .arg(&root)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        if k % 3 == 2 {
            // Ctrl-C sends SIGINT.
            let _ = Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status();
        } else {
            let _ = child.kill();
        }
        let _ = child.wait();
        let now = tree(&out);
        state = match sites.iter().position(|s| *s == now) {
            Some(i) => i,
            None => {
                let a: Vec<_> = now
                    .keys()
                    .filter(|p| sites[0].get(*p) != now.get(*p))
                    .take(5)
                    .collect();
                panic!(
                    "kill {k} after {delay:?}: the output is neither site ({} files; first differences from the old: {a:?})",
                    now.len()
                )
            }
        };
        if state == target {
            new += 1;
        } else {
            old += 1;
        }
    }
    // The next build finishes, and cleans up what the kills left.
    let target = 1 - state;
    write_version(&root, n, target);
    assert!(build(&root, &out).success());
    assert!(
        tree(&out) == sites[target],
        "the build after the kills is not complete"
    );
    assert!(!root.join(".trame/site-next").exists());
    eprintln!(
        "{kills} kills over builds of {duration:?}: the old site left {old} times, the new one {new} times"
    );
}
