//! What the templates of several pages share: the page frame of `layout.hbs`, a network's
//! badge, a problem, a post's chip. Each is a `Serialize` struct: a template that names a
//! field these do not have fails (strict mode), and a test renders every template.

use std::collections::BTreeMap;

use serde::Serialize;

use super::i18n;
use crate::base::color::Rgb;
use crate::diagnostics::Diagnostic;
use crate::load::config::Language;
use crate::routes::{self, OutPath};

/// The links of the site's menu, relative to the page.
#[derive(Debug, Serialize)]
pub struct Nav {
    pub home: String,
    pub calendar: String,
    pub list: String,
    pub board: String,
    pub diagnostics: String,
    pub results: String,
    pub veille: String,
    pub feed: String,
    /// The page of the feeds.
    pub feeds: String,
    pub style: String,
    pub script: String,
    pub count: String,
    /// The Atom feed of published posts.
    pub atom: String,
}

/// One link of a site part split in pages (the months of a long list, the pages of a board
/// column); `current` is the page it is on (`aria-current`).
#[derive(Debug, Serialize)]
pub struct PageLink {
    pub href: String,
    pub label: String,
    /// How many posts it holds, when the label does not say it.
    pub count: Option<usize>,
    pub current: bool,
}

/// The frame every page has (`layout.hbs`).
#[derive(Debug, Serialize)]
pub struct Frame {
    pub lang: &'static str,
    /// The labels of the templates in the page's language.
    pub t: &'static BTreeMap<&'static str, &'static str>,
    pub site_title: String,
    pub page_title: String,
    /// Which menu entry is current: `calendar`, `list`, `board`, `diagnostics`, `post`…
    pub section: &'static str,
    pub nav: Nav,
    /// Search engines are asked not to index the page (`publish.index` off, the default).
    pub noindex: bool,
    /// `<base href>`: the site's address, for a page served at any path (404.html).
    pub base: Option<String>,
    /// Open Graph tags, for the preview a chat app shows of a shared link (post pages).
    pub og: Option<OpenGraph>,
}

/// The Open Graph tags of a page (ogp.me): what Slack, Teams or a messaging app show when a
/// page's link is pasted.
#[derive(Debug, Clone, Serialize)]
pub struct OpenGraph {
    pub title: String,
    pub description: String,
    /// `fr_FR`, `en_GB`.
    pub locale: &'static str,
    /// The page's address (with `base_url` only: Open Graph wants absolute addresses).
    pub url: Option<String>,
    pub image: Option<String>,
    pub image_alt: Option<String>,
}

impl Frame {
    pub fn new(
        lang: Language,
        site_title: &str,
        page: &OutPath,
        page_title: impl Into<String>,
        section: &'static str,
        today: (i16, i8),
        noindex: bool,
    ) -> Frame {
        let to = |p: OutPath| routes::href(page, &p);
        Frame {
            lang: lang.code(),
            t: i18n::labels(lang),
            site_title: site_title.to_string(),
            page_title: page_title.into(),
            section,
            nav: Nav {
                home: to(routes::index()),
                calendar: to(routes::month(today.0, today.1)),
                list: to(routes::list()),
                board: to(routes::board()),
                diagnostics: to(routes::diagnostics()),
                results: to(routes::results()),
                veille: to(routes::veille()),
                feed: to(routes::feed(None)),
                feeds: to(routes::feeds()),
                style: to(routes::theme_static("style.css")),
                script: to(routes::theme_static("app.js")),
                count: to(routes::diagnostics_count()),
                atom: to(routes::atom()),
            },
            noindex,
            base: None,
            og: None,
        }
    }
}

/// A network's badge.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkView {
    pub id: String,
    pub label: String,
    /// The badge's background, `#rrggbb`.
    pub color: String,
    /// The text colour that reads on it (WCAG AA).
    pub text: String,
    /// Two letters for the badge.
    pub short: String,
}

/// A problem, as the post and diagnostics pages list it.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// `error`, `warning`, `info` (a CSS class).
    pub severity: &'static str,
    pub severity_label: &'static str,
    pub code: String,
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub help: Option<String>,
    pub network: Option<String>,
}

impl Problem {
    pub fn of(lang: Language, d: &Diagnostic) -> Problem {
        Problem {
            severity: d.severity.as_str(),
            severity_label: i18n::severity(lang, d.severity),
            code: d.code.as_str().to_string(),
            message: d.message.clone(),
            line: d.line,
            column: d.column,
            help: d.help.clone(),
            network: d.network.clone(),
        }
    }
}

/// A post in a calendar, a list or a board (`chip.hbs`, `card.hbs`).
#[derive(Debug, Serialize)]
pub struct Chip {
    pub href: String,
    pub title: String,
    /// `09:30`, or empty for a post dated by day.
    pub time: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub networks: Vec<NetworkView>,
    /// Space-separated network ids (the filters read them).
    pub network_ids: String,
    pub campaign: Option<String>,
    pub campaign_color: Option<String>,
    pub author: String,
    /// Board cards only: "Camille, relu par Nadia".
    pub people: Option<String>,
    pub errors: usize,
    /// "2 erreurs".
    pub errors_label: String,
    /// Cards only: the date, and what shows without one.
    pub date: Option<String>,
    pub no_date: &'static str,
    pub with_networks: bool,
    pub with_status: bool,
}

/// A calendar entry on a day (campaign bars, events, key dates).
#[derive(Debug, Serialize)]
pub struct EntryOnDay {
    pub title: String,
    pub kind: &'static str,
    pub is_campaign: bool,
    /// The campaign's page.
    pub href: Option<String>,
    pub color: String,
    /// The text colour that reads on `color`.
    pub text: String,
    /// The entry starts this day.
    pub starts: bool,
    /// Its name is shown on this day's bar: its first day, or the first day of a week row,
    /// so that every week of a month grid names the campaigns it shows.
    pub named: bool,
}

/// The colour of a campaign, from its id (stable from build to build).
pub fn campaign_color(id: &str) -> Rgb {
    let h = id
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
        % 360;
    Rgb::from_hsl(f64::from(h), 0.6, 0.45)
}

/// What a network without a colour gets: a grey that reads with white text.
pub const NO_COLOR: Rgb = Rgb(0x55, 0x55, 0x55);

impl NetworkView {
    pub fn new(id: &str, label: &str, color: Option<Rgb>) -> NetworkView {
        let color = color.unwrap_or(NO_COLOR);
        NetworkView {
            id: id.to_string(),
            label: label.to_string(),
            color: color.to_string(),
            text: color.text_on().to_string(),
            short: label.chars().take(2).collect(),
        }
    }
}
