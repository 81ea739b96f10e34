//! A generated file: its path in the output folder and its bytes.

use std::path::Path;
use std::sync::Arc;

use crate::routes::OutPath;

/// A generated file: a `/`-separated path inside the output folder, and its bytes.
#[derive(Debug, Clone)]
pub struct OutFile {
    pub path: String,
    pub body: Body,
}

impl OutFile {
    /// A file at a path the routes made (so it is safe), from one buffer.
    pub fn new(path: OutPath, bytes: impl Into<Vec<u8>>) -> OutFile {
        OutFile {
            path: path.into(),
            body: Body::Whole(bytes.into()),
        }
    }

    /// A file made of pieces kept between renders.
    pub fn pieces(path: OutPath, pieces: Vec<Arc<str>>) -> OutFile {
        OutFile {
            path: path.into(),
            body: Body::Pieces(pieces),
        }
    }

    /// A file at any path, for tests of the writer (which must refuse the unsafe ones).
    #[cfg(test)]
    pub(crate) fn at(path: &str, body: Body) -> OutFile {
        OutFile {
            path: path.to_string(),
            body,
        }
    }
}

/// Whether `slices`, one after the other, are `bytes`.
fn same_bytes<'a>(slices: impl Iterator<Item = &'a [u8]> + Clone, bytes: &[u8]) -> bool {
    if slices.clone().map(<[u8]>::len).sum::<usize>() != bytes.len() {
        return false;
    }
    let mut rest = bytes;
    slices.into_iter().all(|s| {
        let (head, tail) = rest.split_at(s.len());
        rest = tail;
        head == s
    })
}

/// A file's bytes: one buffer, or the pieces it is made of, in order. The feeds, the lists and
/// calendar.json are thousands of fragments kept between saves: they are hashed, compared and
/// written piece by piece rather than joined (tens of megabytes per save at 10,000 posts).
#[derive(Debug, Clone)]
pub enum Body {
    Whole(Vec<u8>),
    Pieces(Vec<Arc<str>>),
}

impl Body {
    pub fn slices(&self) -> impl Iterator<Item = &[u8]> + Clone {
        let (whole, pieces) = match self {
            Body::Whole(b) => (Some(b.as_slice()), &[][..]),
            Body::Pieces(p) => (None, p.as_slice()),
        };
        whole.into_iter().chain(pieces.iter().map(|p| p.as_bytes()))
    }

    pub fn len(&self) -> usize {
        self.slices().map(<[u8]>::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes in one buffer (tests, small files).
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len());
        for s in self.slices() {
            out.extend_from_slice(s);
        }
        out
    }

    /// Whether these are the bytes `bytes`.
    pub fn same_bytes_as(&self, bytes: &[u8]) -> bool {
        same_bytes(self.slices(), bytes)
    }

    /// Whether two bodies hold the same bytes (pieces shared between renders compare by
    /// pointer).
    pub fn same_as(&self, other: &Body) -> bool {
        match (self, other) {
            (Body::Whole(a), Body::Whole(b)) => a == b,
            (Body::Pieces(a), Body::Pieces(b)) if a.len() == b.len() => {
                a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y) || x == y)
            }
            (Body::Whole(a), b) | (b, Body::Whole(a)) => b.same_bytes_as(a),
            (a, b) => a.len() == b.len() && a.to_vec() == b.to_vec(),
        }
    }

    /// Writes the bytes to a new file at `path`; returns the file (still open, for its
    /// metadata).
    pub fn write_to(&self, path: &Path) -> std::io::Result<std::fs::File> {
        use std::io::{IoSlice, Write};
        let mut file = std::fs::File::create(path)?;
        let mut slices: Vec<IoSlice<'_>> = self
            .slices()
            .filter(|s| !s.is_empty())
            .map(IoSlice::new)
            .collect();
        let mut rest = &mut slices[..];
        while !rest.is_empty() {
            match file.write_vectored(rest) {
                Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
                Ok(n) => IoSlice::advance_slices(&mut rest, n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(file)
    }
}
