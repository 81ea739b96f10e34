//! Media files: where they are, and what their headers say (no decoding of whole files).

use std::collections::BTreeMap;
use std::path::Path;

use super::video::{self, VideoInfo};
use crate::base::fs::ReadError;

use rayon::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum MediaInfo {
    Image {
        /// `jpeg`, `png`, `gif`, `webp`…
        format: String,
        width: usize,
        height: usize,
        bytes: u64,
    },
    Video {
        video: VideoInfo,
        bytes: u64,
    },
}

impl MediaInfo {
    /// Width / height, when the header gives both.
    pub fn ratio(&self) -> Option<f64> {
        let (w, h) = self.size();
        (w > 0 && h > 0).then(|| w as f64 / h as f64)
    }

    /// The picture's size in pixels (0 × 0 when unknown).
    pub fn size(&self) -> (usize, usize) {
        match self {
            MediaInfo::Image { width, height, .. } => (*width, *height),
            MediaInfo::Video { video, .. } => (video.width, video.height),
        }
    }

    pub fn bytes(&self) -> u64 {
        match self {
            MediaInfo::Image { bytes, .. } | MediaInfo::Video { bytes, .. } => *bytes,
        }
    }

    pub fn is_video(&self) -> bool {
        matches!(self, MediaInfo::Video { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MediaProblem {
    OutsideProject,
    NotFound,
    IsFolder,
    /// A device, a pipe or a socket.
    NotAFile,
    /// Neither an image nor a video trame knows (`video`: the name says video).
    UnknownFormat {
        video: bool,
    },
    /// The system's or the decoder's own words (English).
    Unreadable(String),
}

pub type MediaCache = BTreeMap<String, Result<MediaInfo, MediaProblem>>;

/// Finds and reads one media file: what it is from its first bytes (not from its name), and
/// what its header says.
pub fn probe(root: &Path, path: &str) -> Result<MediaInfo, MediaProblem> {
    let Some(normal) = crate::base::paths::normalise_relative(path) else {
        return Err(MediaProblem::OutsideProject);
    };
    let full = root.join(normal);
    // A symlink that leads out of the project is outside it too.
    let (mut file, meta) = crate::base::fs::open(root, &full).map_err(|e| match e {
        ReadError::Outside => MediaProblem::OutsideProject,
        ReadError::Folder => MediaProblem::IsFolder,
        ReadError::NotFound => MediaProblem::NotFound,
        ReadError::Special => MediaProblem::NotAFile,
        other => MediaProblem::Unreadable(other.to_string()),
    })?;
    let unreadable = |e: std::io::Error| MediaProblem::Unreadable(e.to_string());
    let bytes = meta.len();
    // Enough for every image header and for an SVG's `<svg` after an XML declaration.
    let mut header = [0u8; 1024];
    let n = {
        use std::io::Read;
        let mut n = 0;
        while n < header.len() {
            match file.read(&mut header[n..]).map_err(unreadable)? {
                0 => break,
                k => n += k,
            }
        }
        n
    };
    let head = &header[..n];
    if let Some(format) = video::sniff(head) {
        return Ok(MediaInfo::Video {
            video: video::read(&mut file, format),
            bytes,
        });
    }
    let ext = full
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext == "svg" {
        return svg(head, bytes);
    }
    let format = imagesize::image_type(head)
        .map(|t| format!("{t:?}").to_lowercase())
        .map_err(|_| MediaProblem::UnknownFormat {
            video: VIDEO_EXTENSIONS.contains(&ext.as_str()),
        })?;
    // From the open file, not its path again: what was checked is what is read.
    let size = {
        use std::io::{Seek, SeekFrom};
        file.seek(SeekFrom::Start(0)).map_err(unreadable)?;
        imagesize::reader_size(std::io::BufReader::new(&mut file))
            .map_err(|e| MediaProblem::Unreadable(e.to_string()))?
    };
    Ok(MediaInfo::Image {
        format,
        width: size.width,
        height: size.height,
        bytes,
    })
}

const VIDEO_EXTENSIONS: &[&str] = &["mp4", "mov", "m4v", "webm", "avi", "mkv"];

/// An SVG image (a logo): text that declares an `<svg>` element early on. It has no pixel size.
fn svg(head: &[u8], bytes: u64) -> Result<MediaInfo, MediaProblem> {
    if String::from_utf8_lossy(head).contains("<svg") {
        Ok(MediaInfo::Image {
            format: "svg".into(),
            width: 0,
            height: 0,
            bytes,
        })
    } else {
        Err(MediaProblem::Unreadable(
            "this .svg file is not an SVG image".into(),
        ))
    }
}

/// Probes every distinct path once, in parallel.
pub fn probe_all<'a>(root: &Path, paths: impl Iterator<Item = &'a str>) -> MediaCache {
    let mut unique: Vec<&str> = paths.collect();
    unique.sort_unstable();
    unique.dedup();
    unique
        .par_iter()
        .map(|p| (p.to_string(), probe(root, p)))
        .collect()
}
