//! The whole pipeline on one post file: load, adapt, every check (the demo's charter, compiled
//! once), render. The project is the demo, copied once into a temporary folder; each input
//! replaces one post and goes through `Plan::apply`, as a save in `trame watch` does.
#![no_main]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use trame::engine::{self, Changes, Options, Plan};

struct Session {
    plan: Plan,
    file: PathBuf,
    _dir: PathBuf,
}

fn copy(from: &Path, to: &Path) {
    let _ = std::fs::create_dir_all(to);
    for e in std::fs::read_dir(from).into_iter().flatten().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy(&e.path(), &target);
        } else {
            let _ = std::fs::copy(e.path(), &target);
        }
    }
}

fn session() -> &'static Mutex<Session> {
    static S: OnceLock<Mutex<Session>> = OnceLock::new();
    S.get_or_init(|| {
        let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let dir = std::env::temp_dir().join(format!("trame-fuzz-{}", std::process::id()));
        for part in ["trame.yaml", "charter.yaml", "words.txt"] {
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::copy(demo.join(part), dir.join(part));
        }
        for part in ["content", "media"] {
            copy(&demo.join(part), &dir.join(part));
        }
        let file = dir.join("content/posts/fuzz.md");
        let _ = std::fs::write(&file, "---\ntitle: Fuzz\n---\nx\n");
        let options = Options {
            today: "2026-11-24".parse().ok(),
            render: true,
        };
        let plan = engine::build(&dir, &options).unwrap_or_else(|e| panic!("{e:?}"));
        Mutex::new(Session {
            plan,
            file,
            _dir: dir,
        })
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(mut s) = session().lock() else { return };
    if std::fs::write(&s.file, data).is_err() {
        return;
    }
    let changes = Changes {
        paths: BTreeSet::from([s.file.clone()]),
        everything: None,
    };
    // A theme or engine error is a result, not a crash; a panic is what the fuzzer looks for.
    let _ = s.plan.apply(&changes);
});
