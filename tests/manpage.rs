//! The man pages shipped in the release (`doc/man/trame.1` and one per command), generated from
//! the clap definitions: this test fails when they are out of date, and
//! `TRAME_UPDATE_MAN=1 cargo test --test manpage` writes them again.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;

use clap::CommandFactory;

fn generated() -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    // The pages say the package's version, never the commit's, so they change with releases.
    let cmd = trame::cli::Cli::command().version(env!("CARGO_PKG_VERSION"));
    clap_mangen::generate_to(cmd, dir.path()).unwrap();
    std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_man_pages_are_those_of_the_command_line() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("doc/man");
    let pages = generated();
    assert!(pages.contains_key("trame.1") && pages.contains_key("trame-export.1"));
    if std::env::var_os("TRAME_UPDATE_MAN").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, bytes) in &pages {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
    }
    let on_disk: BTreeMap<String, Vec<u8>> = std::fs::read_dir(&dir)
        .unwrap_or_else(|_| panic!("no doc/man: run TRAME_UPDATE_MAN=1 cargo test --test manpage"))
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    assert!(
        on_disk == pages,
        "doc/man is not the command line's: run TRAME_UPDATE_MAN=1 cargo test --test manpage"
    );
    let main = String::from_utf8(pages["trame.1"].clone()).unwrap();
    assert!(
        main.contains(".TH trame 1") && main.contains("export"),
        "{main}"
    );
}
