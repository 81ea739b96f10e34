//! What a static host and search engines read besides the pages: `robots.txt` (no indexing
//! unless `publish: { index: true }`: the calendar shows drafts, reviews and competitor notes)
//! and `404.html` (what GitHub Pages, GitLab Pages and Netlify serve for an unknown address).

use serde::Serialize;

use super::Ctx;
use crate::render::views::Frame;
use crate::render::{OutFile, ThemeError};
use crate::routes;

#[derive(Serialize)]
struct NotFound {
    #[serde(flatten)]
    frame: Frame,
}

pub fn files(ctx: &Ctx<'_>) -> Result<Vec<OutFile>, ThemeError> {
    let robots = if ctx.input.config.publish.index {
        "User-agent: *\nAllow: /\n".to_string()
    } else {
        // Crawlers that read it stay away; the pages' own `noindex` covers the links others
        // make to them.
        "# The editorial calendar is not for search engines (trame.yaml: publish: { index: true } to allow).\nUser-agent: *\nDisallow: /\n"
            .to_string()
    };
    let path = routes::not_found();
    let mut frame = ctx.frame(&path, ctx.label("not_found_title"), "not-found");
    // Served at any depth: its relative links start from the site's address when it is known.
    frame.base = ctx.input.config.base_url.clone();
    Ok(vec![
        OutFile::new(routes::robots(), robots),
        OutFile::new(path, ctx.render("not_found", &NotFound { frame })?),
    ])
}
