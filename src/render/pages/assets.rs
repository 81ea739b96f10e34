//! Files copied as they are: the theme's static files, and the media files posts use (and the
//! logo), so that previews work from `file://` and on any host.

use std::collections::BTreeSet;

use crate::render::{Input, OutFile, theme};
use crate::routes;

/// Media files are copied up to this size (a video for a preview can be large, not unbounded).
const MAX_MEDIA_BYTES: u64 = 512 * 1024 * 1024;

pub fn theme(input: &Input<'_>) -> Vec<OutFile> {
    theme::static_files(input.config)
        .into_iter()
        .map(|(name, text)| OutFile::new(routes::theme_static(name), text))
        .collect()
}

/// Every media file the checks could read, once, at its normalised path.
pub fn media(input: &Input<'_>) -> Vec<OutFile> {
    let root = &input.config.root;
    let mut seen = BTreeSet::new();
    let logo = input.config.organisation.logo.as_deref();
    let paths = logo.into_iter().chain(
        input
            .posts
            .iter()
            .flat_map(|p| p.post.all_media())
            .flat_map(|m| m.files()),
    );
    let mut files = Vec::new();
    for raw in paths {
        if !matches!(input.media.get(raw), Some(Ok(_))) {
            continue;
        }
        let Some(normal) = crate::base::paths::normalise_relative(raw) else {
            continue;
        };
        if !seen.insert(normal.clone()) {
            continue;
        }
        if let Ok(bytes) = crate::base::fs::read(root, &root.join(&normal), MAX_MEDIA_BYTES) {
            files.push(OutFile::new(routes::media(&normal), bytes));
        }
    }
    files
}
