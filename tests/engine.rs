//! The engine's incremental path against its full one: random sequences of edits (create,
//! edit, rename, delete, break and fix the YAML, duplicate ids, odd file names, a campaign
//! edited; results rows that join posts by id and by time, so that edits move them) are applied to a project on disk and through `Plan::apply`; after every step the
//! plan must hold exactly what a fresh `build` of the project gives: every output file byte for
//! byte, and every diagnostic.

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use trame::engine::{self, Changes, Options, Plan};

/// A small, seeded generator: the same seed replays the same sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FOLDERS: &[&str] = &[
    "content/posts/2026-12",
    "content/posts/2027-01",
    "content/posts",
];
/// File names a user can make: spaces, `:`, `#`, `?`, `%`, accents, quotes, a case twin.
const NAMES: &[&str] = &[
    "sortie-1",
    "sortie-2",
    "rdv 10:30",
    "sortie #2 été",
    "quoi ?",
    "50 %",
    "l'\"atelier\"",
    "Sortie-1",
    "nouvelle",
    "sortie-1-2",
];
const TITLES: &[&str] = &[
    "Balade",
    "Sortie <b>gelée</b>",
    "Atelier : cartes",
    "Marche",
];
const DATES: &[&str] = &[
    "2026-12-01T10:00",
    "2026-12-15",
    "2027-01-20T18:30",
    "2026-11-02T09:00",
    "2027-02-03",
];
const NETWORKS: &[&str] = &[
    "[linkedin]",
    "[mastodon, linkedin]",
    "[instagram]",
    "[x, inconnu]",
];
const STATUSES: &[&str] = &["idea", "draft", "review", "approved", "programmé"];
const BODIES: &[&str] = &[
    "Rendez-vous dimanche devant @[mairie].",
    "Une randonée au cœur de l’hiver: low-cost.",
    "Texte commun.\n\n::: mastodon\nVersion courte pour Mastodon.\n:::\n",
    "",
    "Lien : https://club.example/sortie?x=1",
];

fn post_text(rng: &mut Rng) -> String {
    let campaign = if rng.below(3) == 0 {
        "campaign: hiver\n"
    } else {
        ""
    };
    let media = if rng.below(4) == 0 {
        "media:\n  - { path: media/../media/carre.jpg, alt: \"Photo\" }\n"
    } else {
        ""
    };
    let link = match rng.below(5) {
        0 => "link: \"javascript:alert(document.domain)//\"\n",
        1 => "link: https://club.example/a\n",
        _ => "",
    };
    format!(
        "---\ntitle: \"{}\"\nnetworks: {}\ndate: {}\nstatus: {}\nauthor: Léa\n{campaign}{media}{link}---\n{}\n",
        rng.pick(TITLES),
        rng.pick(NETWORKS),
        rng.pick(DATES),
        rng.pick(STATUSES),
        rng.pick(BODIES),
    )
}

/// Every output file and every diagnostic of a plan.
fn state(plan: &Plan) -> (BTreeMap<String, Vec<u8>>, Vec<String>) {
    let files = plan
        .files()
        .map(|f| (f.path.clone(), f.body.to_vec()))
        .collect();
    let diags = plan
        .diagnostics()
        .map(|d| {
            format!(
                "{}:{}:{} {} {} {:?}",
                d.file, d.line, d.column, d.code, d.message, d.help
            )
        })
        .collect();
    (files, diags)
}

fn options() -> Options {
    Options {
        today: Some(Date::constant(2026, 11, 24)),
        render: true,
    }
}

fn posts_on_disk(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root.join("content/posts"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

fn run(seed: u64, steps: usize) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine"),
        root,
    );
    let mut rng = Rng(seed);
    let mut plan = engine::build(root, &options()).unwrap();
    for step in 0..steps {
        let posts = posts_on_disk(root);
        let mut touched: BTreeSet<PathBuf> = BTreeSet::new();
        let mut everything = None;
        let what = rng.below(10);
        let new_path = |rng: &mut Rng| {
            root.join(rng.pick(FOLDERS))
                .join(format!("{}.md", rng.pick(NAMES)))
        };
        match what {
            // Create (or overwrite) a post, perhaps with an id another folder has.
            0 | 1 => {
                let p = new_path(&mut rng);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(&p, post_text(&mut rng)).unwrap();
                touched.insert(p);
            }
            // Edit one.
            2 | 3 if !posts.is_empty() => {
                let p = rng.pick(&posts).clone();
                std::fs::write(&p, post_text(&mut rng)).unwrap();
                touched.insert(p);
            }
            // Rename one.
            4 if !posts.is_empty() => {
                let from = rng.pick(&posts).clone();
                let to = new_path(&mut rng);
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::rename(&from, &to).unwrap();
                touched.extend([from, to]);
            }
            // Delete one.
            5 if !posts.is_empty() => {
                let p = rng.pick(&posts).clone();
                std::fs::remove_file(&p).unwrap();
                touched.insert(p);
            }
            // Break its YAML (an unquoted `: `, an unclosed list), or empty it.
            6 if !posts.is_empty() => {
                let p = rng.pick(&posts).clone();
                let broken = match rng.below(3) {
                    0 => {
                        "---\ntitle: Concours : gagnez\ndate: 2026-12-03\nnetworks: [x\n---\nTexte.\n"
                    }
                    1 => "---\ntitle: \"Sans fin\"\n",
                    _ => "",
                };
                std::fs::write(&p, broken).unwrap();
                touched.insert(p);
            }
            // Copy one to another folder: same id, two files.
            7 if !posts.is_empty() => {
                let from = rng.pick(&posts).clone();
                let stem = from.file_name().unwrap().to_owned();
                let to = root.join(rng.pick(FOLDERS)).join(stem);
                if to != from {
                    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                    std::fs::copy(&from, &to).unwrap();
                    touched.insert(to);
                }
            }
            // The campaign changes (a full rebuild inside `apply`).
            8 => {
                let p = root.join("content/calendar/hiver.md");
                let end = rng.pick(&["2027-01-31", "2026-12-20"]);
                std::fs::write(
                    &p,
                    format!("---\ntitle: \"Hiver actif\"\nkind: campaign\ndate: 2026-12-01\nend: {end}\nkpis: {{ clicks: 10, engagement_rate_impressions: 0.01, followers_gained: 20 }}\n---\nLe brief.\n"),
                )
                .unwrap();
                touched.insert(p);
            }
            _ => {
                everything = (rng.below(4) == 0).then(|| "asked".to_string());
            }
        }
        plan.apply(&Changes {
            paths: touched.clone(),
            everything,
        })
        .unwrap();
        let fresh = engine::build(root, &options()).unwrap();
        let (got_files, got_diags) = state(&plan);
        let (want_files, want_diags) = state(&fresh);
        let context = format!("seed {seed}, step {step} (edit {what}, {touched:?})");
        assert_eq!(got_diags, want_diags, "diagnostics differ after {context}");
        let only_apply: Vec<_> = got_files
            .keys()
            .filter(|k| !want_files.contains_key(*k))
            .collect();
        let only_build: Vec<_> = want_files
            .keys()
            .filter(|k| !got_files.contains_key(*k))
            .collect();
        assert!(
            only_apply.is_empty() && only_build.is_empty(),
            "after {context}: only in apply {only_apply:?}, only in build {only_build:?}"
        );
        for (path, bytes) in &want_files {
            assert!(
                got_files.get(path) == Some(bytes),
                "{path} differs after {context}:\n--- apply\n{}\n--- build\n{}",
                String::from_utf8_lossy(&got_files[path]),
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

#[test]
fn apply_after_random_edits_equals_a_fresh_build() {
    let seeds: Vec<u64> = match std::env::var("TRAME_ENGINE_SEEDS") {
        Ok(s) => s.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
        Err(_) => vec![1, 7, 42, 2026],
    };
    let steps = std::env::var("TRAME_ENGINE_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    for seed in seeds {
        run(seed, steps);
    }
}

#[test]
fn spelling_suggestions_stay_however_many_saves() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine"),
        root,
    );
    let a = root.join("content/posts/2026-12/sortie-1.md");
    let text = std::fs::read_to_string(&a)
        .unwrap()
        .replace("Rendez-vous dimanche", "Une randonée dimanche");
    std::fs::write(&a, text).unwrap();
    let mut plan = engine::build(root, &options()).unwrap();
    let helps = |plan: &Plan| -> Vec<String> {
        plan.diagnostics()
            .filter(|d| d.code == "charter/orthographe" && d.file.ends_with("sortie-1.md"))
            .map(|d| d.help.clone().unwrap_or_default())
            .collect()
    };
    let first = helps(&plan);
    assert!(
        first.iter().any(|h| h.contains("vouliez-vous dire")),
        "{first:?}"
    );
    let b = root.join("content/posts/2026-12/sortie-2.md");
    for i in 0..35 {
        let text = std::fs::read_to_string(&b).unwrap();
        std::fs::write(&b, format!("{text}\nAjout {i}.\n")).unwrap();
        plan.apply(&Changes {
            paths: [b.clone()].into(),
            everything: None,
        })
        .unwrap();
        assert_eq!(helps(&plan), first, "save {i}");
    }
    let fresh = engine::build(root, &options()).unwrap();
    assert_eq!(state(&plan), state(&fresh));
}
