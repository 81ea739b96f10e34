//! Videos end to end: what the networks take (length, size, format, a video on YouTube), and
//! what the post page shows (a player with its poster, a download link for browsers without one).

// Test code: a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{build, check, project_with, read, with_code};
use trame::validate::video::sample;

const CONFIG: &str = "title: \"Cas\"\nlanguage: fr\ntimezone: Europe/Paris\nnetworks:\n  x: {}\n  bluesky: {}\n  youtube: {}\n  instagram: {}\n";

fn post(networks: &str, media: &str) -> String {
    format!(
        "---\ntitle: \"Tuto\"\nnetworks: [{networks}]\ndate: 2026-12-03T10:00\nstatus: review\nmedia:\n{media}---\nLe tuto en vidéo.\n"
    )
}

/// A project whose `media/` holds these files (name → bytes).
fn project(networks: &str, media: &str, files: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let dir = project_with(CONFIG, &[("tuto.md", post(networks, media))]);
    for (name, bytes) in files {
        std::fs::write(dir.path().join("media").join(name), bytes).unwrap();
    }
    dir
}

#[test]
fn a_video_too_long_for_a_network_is_an_error_on_that_network_only() {
    // Eleven minutes: X takes 20, Bluesky 10.
    let dir = project(
        "x, bluesky",
        "  - { path: media/tuto.mp4, alt: \"Le réglage des bâtons\" }\n",
        &[("tuto.mp4", sample::mp4(660, 1280, 720, false))],
    );
    let (json, code) = check(dir.path());
    assert_eq!(code, 1, "{json}");
    let long = with_code(&json, "network/video-length");
    assert_eq!(long.len(), 1, "{json}");
    assert_eq!(long[0]["network"], "bluesky");
    assert_eq!(long[0]["line"], 7, "points at the media path: {json}");
    let message = long[0]["message"].as_str().unwrap();
    assert!(message.contains("11 min"), "{message}");
    assert!(message.contains("10 min"), "{message}");
}

#[test]
fn a_video_shorter_than_the_team_wants_is_an_error_and_an_unknown_length_is_not() {
    // The team's own rule, merged over the built-in X data: videos of 5 seconds at least.
    let config = CONFIG.replace("  x: {}", "  x: { media: { video: { min_seconds: 5 } } }");
    let dir = project_with(
        &config,
        &[(
            "tuto.md",
            post(
                "x",
                "  - { path: media/court.mp4, alt: \"Court\" }\n  - { path: media/flux.mp4, alt: \"Flux\" }\n",
            ),
        )],
    );
    std::fs::write(
        dir.path().join("media/court.mp4"),
        sample::mp4(2, 1280, 720, false),
    )
    .unwrap();
    // A fragmented MP4 says 0 in its header: its length is unknown, not zero.
    std::fs::write(
        dir.path().join("media/flux.mp4"),
        sample::mp4(0, 1280, 720, false),
    )
    .unwrap();
    let (json, _) = check(dir.path());
    let short = with_code(&json, "network/video-length");
    assert_eq!(short.len(), 1, "{json}");
    assert!(
        short[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("media/court.mp4 dure 2\u{a0}s"),
        "{json}"
    );
    assert!(short[0]["help"].as_str().unwrap().contains("plus longue"));
}

#[test]
fn a_portrait_phone_video_is_measured_as_shown() {
    // Recorded landscape, turned a quarter: 1080×1920 on screen; X takes 1:3 to 3:1, fine. A
    // 4000×1000 video (4:1) is not.
    let dir = project(
        "x",
        "  - { path: media/debout.mp4, alt: \"Debout\" }\n  - { path: media/large.mp4, alt: \"Large\" }\n",
        &[
            ("debout.mp4", sample::mp4(30, 1920, 1080, true)),
            ("large.mp4", sample::mp4(30, 4000, 1000, false)),
        ],
    );
    let (json, _) = check(dir.path());
    let ratio = with_code(&json, "network/media-ratio");
    assert_eq!(ratio.len(), 1, "{json}");
    let message = ratio[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("media/large.mp4 fait 4000×1000"),
        "{message}"
    );
}

#[test]
fn a_file_over_the_network_limit_is_named_with_its_size() {
    // Bluesky takes images of 2,000,000 bytes at most.
    let mut big = std::fs::read(common::fixture("clean/media/photo.jpg")).unwrap();
    big.resize(2_200_000, 0);
    let dir = project(
        "bluesky",
        "  - { path: media/lourde.jpg, alt: \"Une photo lourde\" }\n",
        &[("lourde.jpg", big)],
    );
    let (json, code) = check(dir.path());
    assert_eq!(code, 1);
    let size = with_code(&json, "network/media-size");
    assert_eq!(size.len(), 1, "{json}");
    let message = size[0]["message"].as_str().unwrap();
    assert!(
        message.contains("2,1\u{a0}Mo") && message.contains("1,9\u{a0}Mo"),
        "{message}"
    );
}

#[test]
fn youtube_needs_a_video_and_an_image_is_not_one() {
    let dir = project(
        "youtube",
        "  - { path: media/photo.jpg, alt: \"Une photo\" }\n",
        &[],
    );
    let (json, _) = check(dir.path());
    let required = with_code(&json, "network/media-required");
    assert_eq!(required.len(), 1, "{json}");
    assert_eq!(required[0]["network"], "youtube");
}

#[test]
fn a_file_is_known_by_its_content_not_its_name() {
    // A video named .jpg is a video: YouTube, which takes nothing else, takes it.
    let dir = project(
        "youtube",
        "  - { path: media/tuto.jpg, alt: \"Le tuto\" }\n",
        &[("tuto.jpg", sample::mp4(30, 1280, 720, false))],
    );
    let (json, code) = check(dir.path());
    assert_eq!(code, 0, "{json}");
    assert!(with_code(&json, "media/unreadable").is_empty());
}

#[test]
fn the_post_page_plays_the_video_with_its_poster() {
    let dir = project(
        "youtube",
        "  - path: media/tuto.mp4\n    poster: media/photo.jpg\n    alt: \"Le réglage des bâtons\"\n",
        &[("tuto.mp4", sample::mp4(30, 1280, 720, false))],
    );
    let root = dir.path();
    let (json, code) = check(root);
    assert_eq!(code, 0, "{json}");
    let out = build(root, false);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = read(root, "posts/tuto/index.html");
    let video = page
        .split("<video")
        .nth(1)
        .and_then(|v| v.split("</video>").next())
        .unwrap_or_else(|| panic!("no video on the page: {page}"));
    assert!(video.contains("controls"), "{video}");
    assert!(
        video.contains("aria-label=\"Le réglage des bâtons\""),
        "{video}"
    );
    let src = video
        .split("src=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let poster = video
        .split("poster=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let page_dir = root.join("output/posts/tuto");
    assert!(page_dir.join(src).is_file(), "{src}");
    assert!(page_dir.join(poster).is_file(), "{poster}");
    assert!(video.contains("Télécharger la vidéo"), "{video}");
}

#[test]
fn a_missing_poster_is_a_missing_media_file() {
    let dir = project(
        "youtube",
        "  - path: media/tuto.mp4\n    poster: media/absente.jpg\n    alt: \"Le tuto\"\n",
        &[("tuto.mp4", sample::mp4(30, 1280, 720, false))],
    );
    let (json, code) = check(dir.path());
    assert_eq!(code, 1);
    let missing = with_code(&json, "media/not-found");
    assert_eq!(missing.len(), 1, "{json}");
    assert_eq!(missing[0]["line"], 8, "points at the poster: {json}");
}
