//! Media files: where they are, and what their headers say (no decoding of whole files).

use std::collections::BTreeMap;
use std::path::{Component, Path};

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

/// Whether a project-relative path stays inside the project, without touching the disk.
pub fn lexically_inside(path: &str) -> bool {
    let p = Path::new(path);
    if p.is_absolute() || path.starts_with('/') || path.starts_with('\\') || path.contains(':') {
        return false;
    }
    let mut depth: i64 = 0;
    for c in p.components() {
        match c {
            Component::Normal(_) => depth += 1,
            Component::ParentDir => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return false,
        }
    }
    true
}

/// Finds and reads one media file.
pub fn probe(root: &Path, path: &str) -> Result<MediaInfo, MediaProblem> {
    if !lexically_inside(path) {
        return Err(MediaProblem::OutsideProject);
    }
    let full = root.join(path);
    let meta = std::fs::metadata(&full).map_err(|_| MediaProblem::NotFound)?;
    // A symlink that leads out of the project is outside it too.
    if let (Ok(real), Ok(real_root)) = (full.canonicalize(), root.canonicalize())
        && !real.starts_with(&real_root)
    {
        return Err(MediaProblem::OutsideProject);
    }
    if meta.is_dir() {
        return Err(MediaProblem::IsFolder);
    }
    let ext = full
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if VIDEO_EXTENSIONS.contains(&ext.as_str()) {
        return Ok(MediaInfo::Video);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_project() {
        assert!(lexically_inside("media/a.jpg"));
        assert!(lexically_inside("media/../media/a.jpg"));
        assert!(!lexically_inside("../secret.jpg"));
        assert!(!lexically_inside("media/../../x.png"));
        assert!(!lexically_inside("/etc/passwd"));
        assert!(!lexically_inside("C:\\x.png"));
    }
}
