//! Media files: where they are, and what their headers say (no decoding of whole files).

use std::collections::BTreeMap;
use std::path::Path;

use crate::base::fs::ReadError;

use rayon::prelude::*;

const VIDEO_EXTENSIONS: &[&str] = &["mp4", "mov", "m4v", "webm", "avi", "mkv"];

#[derive(Debug, Clone, PartialEq)]
pub enum MediaInfo {
    Image {
        /// `jpeg`, `png`, `gif`, `webp`…
        format: String,
        width: usize,
        height: usize,
    },
    Video,
}

impl MediaInfo {
    pub fn ratio(&self) -> Option<f64> {
        match self {
            MediaInfo::Image { width, height, .. } if *height > 0 => {
                Some(*width as f64 / *height as f64)
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MediaProblem {
    OutsideProject,
    NotFound,
    IsFolder,
    Unreadable(String),
}

pub type MediaCache = BTreeMap<String, Result<MediaInfo, MediaProblem>>;

/// Finds and reads one media file.
pub fn probe(root: &Path, path: &str) -> Result<MediaInfo, MediaProblem> {
    let Some(normal) = crate::base::paths::normalise_relative(path) else {
        return Err(MediaProblem::OutsideProject);
    };
    let full = root.join(normal);
    // A symlink that leads out of the project is outside it too.
    crate::base::fs::check(root, &full).map_err(|e| match e {
        ReadError::Outside => MediaProblem::OutsideProject,
        ReadError::Folder => MediaProblem::IsFolder,
        ReadError::NotFound => MediaProblem::NotFound,
        other => MediaProblem::Unreadable(other.to_string()),
    })?;
    let ext = full
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if VIDEO_EXTENSIONS.contains(&ext.as_str()) {
        return Ok(MediaInfo::Video);
    }
    if ext == "svg" {
        return svg(&full);
    }
    let mut header = [0u8; 64];
    let n = {
        use std::io::Read;
        let mut f =
            std::fs::File::open(&full).map_err(|e| MediaProblem::Unreadable(e.to_string()))?;
        f.read(&mut header)
            .map_err(|e| MediaProblem::Unreadable(e.to_string()))?
    };
    let format = imagesize::image_type(&header[..n])
        .map(|t| format!("{t:?}").to_lowercase())
        .map_err(|_| {
            MediaProblem::Unreadable(
                "not an image format trame knows (JPEG, PNG, GIF, WebP…)".into(),
            )
        })?;
    let size = imagesize::size(&full).map_err(|e| MediaProblem::Unreadable(e.to_string()))?;
    Ok(MediaInfo::Image {
        format,
        width: size.width,
        height: size.height,
    })
}

/// An SVG image (a logo): text that declares an `<svg>` element early on. It has no pixel size.
fn svg(path: &Path) -> Result<MediaInfo, MediaProblem> {
    use std::io::Read;
    let mut head = [0u8; 1024];
    let mut f = std::fs::File::open(path).map_err(|e| MediaProblem::Unreadable(e.to_string()))?;
    let n = f
        .read(&mut head)
        .map_err(|e| MediaProblem::Unreadable(e.to_string()))?;
    if String::from_utf8_lossy(&head[..n]).contains("<svg") {
        Ok(MediaInfo::Image {
            format: "svg".into(),
            width: 0,
            height: 0,
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
