//! `.trame-manifest`: the files trame generated in an output folder, with what they held. Only
//! files listed here are ever deleted or replaced without asking; a build links a file whose
//! bytes did not change from the previous site instead of writing it again.
//!
//! The manifest is JSON, so no file name (newlines, quotes, anything) can be mistaken for
//! another or for the format itself.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::render::Body;

pub const NAME: &str = ".trame-manifest";

/// What trame knows of one file it wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub len: u64,
    /// xxh3-128 of the bytes, in hex.
    #[serde(with = "hex128")]
    pub hash: u128,
    /// Modification time when written (nanoseconds since the epoch): a file changed by hand
    /// since is written again.
    pub mtime: i128,
}

impl Entry {
    /// A file trame wrote whose bytes it does not know.
    pub const UNKNOWN: Entry = Entry {
        len: u64::MAX,
        hash: 0,
        mtime: 0,
    };
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The format's version.
    pub trame: u32,
    pub files: BTreeMap<String, Entry>,
}

mod hex128 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &u128, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{v:032x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u128, D::Error> {
        let text = String::deserialize(d)?;
        u128::from_str_radix(&text, 16).map_err(serde::de::Error::custom)
    }
}

/// The xxh3-128 of a body, without joining its pieces.
pub fn hash(body: &Body) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3Default::new();
    for s in body.slices() {
        h.update(s);
    }
    h.digest128()
}

pub fn mtime(meta: &std::fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128)
}

impl Manifest {
    /// The manifest of an output folder: `None` when there is none (or it is not trame's).
    pub fn read(out_dir: &Path) -> Option<Manifest> {
        let text = std::fs::read(out_dir.join(NAME)).ok()?;
        let mut m = match serde_json::from_slice::<Manifest>(&text) {
            Ok(m) if m.trame == 1 => m,
            Ok(_) => return None,
            // Before version 1, the manifest was one path per line: its files are still
            // trame's (with nothing known of their bytes, so they are written again).
            Err(_) => Manifest {
                trame: 1,
                files: String::from_utf8(text)
                    .ok()?
                    .lines()
                    .map(|l| (l.to_string(), Entry::UNKNOWN))
                    .collect(),
            },
        };
        // A path that could not have been generated is not trusted.
        m.files.retain(|p, _| crate::routes::is_safe(p));
        Some(m)
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec(self).unwrap_or_default();
        out.push(b'\n');
        out
    }

    pub fn new() -> Manifest {
        Manifest {
            trame: 1,
            files: BTreeMap::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_name_round_trips() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let mut m = Manifest::new();
        m.files.insert(
            "posts/a b %22 %0A/index.html".into(),
            Entry {
                len: 3,
                hash: u128::MAX,
                mtime: 1,
            },
        );
        std::fs::write(dir.path().join(NAME), m.to_json())?;
        assert_eq!(Manifest::read(dir.path()), Some(m));
        // The line-based manifest of earlier versions is read; unsafe paths are dropped.
        std::fs::write(dir.path().join(NAME), "index.html\n../x\n")?;
        let old = Manifest::read(dir.path()).ok_or("no manifest")?;
        assert_eq!(old.files.keys().collect::<Vec<_>>(), ["index.html"]);
        Ok(())
    }
}
