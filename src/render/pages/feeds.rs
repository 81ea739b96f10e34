//! The feeds page (`feeds/index.html`): the whole calendar and each network's feed, to download,
//! and, once `base_url` says where the site lives, to subscribe to (`webcal://`) so that the
//! calendar app follows the changes.

use serde::Serialize;

use super::Ctx;
use crate::render::views::{Frame, NetworkView};
use crate::render::{OutFile, ThemeError};
use crate::routes;

#[derive(Serialize)]
struct FeedsView {
    #[serde(flatten)]
    frame: Frame,
    /// The site has a `base_url`: subscription links are given.
    published: bool,
    feeds: Vec<Feed>,
}

#[derive(Serialize)]
struct Feed {
    /// None for the whole calendar.
    network: Option<NetworkView>,
    /// The `.ics` file, relative to the page.
    href: String,
    /// Its published address, and the subscription link.
    address: Option<String>,
    webcal: Option<String>,
}

pub fn page(ctx: &Ctx<'_>) -> Result<OutFile, ThemeError> {
    let path = routes::feeds();
    let base = ctx.input.config.base_url.as_deref();
    let mut networks: Vec<Option<&str>> = vec![None];
    networks.extend(ctx.layout.feed_networks.iter().map(|n| Some(n.as_str())));
    let feeds = networks
        .into_iter()
        .map(|network| {
            let file = routes::feed(network);
            let address = base.map(|b| routes::absolute(b, &file));
            Feed {
                network: network.map(|n| ctx.network(n)),
                href: routes::href(&path, &file),
                webcal: address.as_deref().and_then(routes::webcal),
                address,
            }
        })
        .collect();
    let view = FeedsView {
        frame: ctx.frame(&path, ctx.label("feeds_title"), "feeds"),
        published: base.is_some(),
        feeds,
    };
    Ok(OutFile::new(path, ctx.render("feeds", &view)?))
}
