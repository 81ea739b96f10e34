//! Rendering: turns the checked project into the files of the output folder (SPEC §8).
//!
//! The site is a set of [`Page`]s; each renders on its own from an [`Input`] (what the earlier
//! stages produced: records, variants, the checked result, the routes), so watch mode
//! re-renders only the pages a change touches ([`affected`]). Each page kind is a file of
//! `pages/` with a `Serialize` view for its template. What a post contributes to the big pages
//! (chips, feed events, its `calendar.json` object) is kept in [`Fragments`] until it changes.

pub mod atom;
pub mod chart;
pub mod file;
pub mod fragments;
pub mod html;
pub mod i18n;
pub mod ics;
pub mod json;
pub mod pages;
pub mod theme;
pub mod views;

use std::collections::BTreeSet;

use jiff::civil::Date;
use rayon::prelude::*;

pub use file::{Body, OutFile};
pub use fragments::Fragments;
pub use theme::ThemeError;

use crate::adapt::Variants;
use crate::load::config::Config;
use crate::load::content::{Audit, Entry, EntryKind, Note, Post};
use crate::routes::Routes;
use crate::validate::{Checked, MediaCache};

/// A post as the renderer sees it.
#[derive(Clone, Copy)]
pub struct PostRef<'a> {
    /// Its source file (the key of its record).
    pub file: &'a str,
    pub post: &'a Post,
    pub variants: &'a Variants,
    /// Its front matter could not be read: `post` is a stub.
    pub broken: bool,
}

/// Everything the pages read.
pub struct Input<'a> {
    pub config: &'a Config,
    pub today: Date,
    /// Every post, in path order.
    pub posts: Vec<PostRef<'a>>,
    pub entries: Vec<&'a Entry>,
    pub audits: Vec<&'a Audit>,
    /// Veille notes, in path order.
    pub notes: Vec<&'a Note>,
    pub checked: &'a Checked,
    pub routes: &'a Routes,
    pub media: &'a MediaCache,
    /// The commits that touched each post file (empty outside a git repository).
    pub history: &'a std::collections::BTreeMap<String, Vec<crate::load::git::Commit>>,
}

impl<'a> Input<'a> {
    /// The post read from `file` (posts are in path order: a binary search, not a scan).
    pub fn post(&self, file: &str) -> Option<&PostRef<'a>> {
        let i = self
            .posts
            .binary_search_by(|p| crate::base::paths::path_order(p.file, file))
            .ok()?;
        self.posts.get(i)
    }
}

/// A page of the site, or a group of files rendered together. Records are named by file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Page {
    Index,
    Month(i16, i8),
    /// A week, by its Monday.
    Week(Date),
    List,
    Board,
    /// The diagnostics page and the menu's error count.
    Diagnostics,
    /// A post's page and its variants' `.txt` files.
    Post(String),
    Campaign(String),
    Audit(String),
    /// `calendar.json`.
    Json,
    /// `calendar.ics`, one feed per network and the page that lists them.
    Feeds,
    /// `results/index.html` and `results.json`.
    Results,
    /// A monthly report, `results/YYYY-MM/index.html`.
    ResultsMonth(i16, i8),
    /// `veille/index.html`.
    Veille,
    /// The theme's static files.
    Theme,
    /// The media files posts use, and the logo.
    Media,
    /// `robots.txt` and `404.html`.
    Publishing,
}

/// What many pages show besides their own posts: when it changes, they all re-render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub months: Vec<(i16, i8)>,
    pub mondays: Vec<Date>,
    /// The month `index.html` shows.
    pub index_month: Option<(i16, i8)>,
    pub authors: Vec<String>,
    pub feed_networks: Vec<String>,
    pub today: Date,
}

/// What [`Layout::of`] gathers from the posts, gathered in parallel and joined in order.
#[derive(Default)]
struct Gathered<'p> {
    /// The dates covered: today ± [`crate::base::YEARS_COVERED`].
    window: Option<(Date, Date)>,
    first: Option<Date>,
    last: Option<Date>,
    /// Months of dates outside the window.
    far: BTreeSet<(i16, i8)>,
    authors: Vec<&'p str>,
    /// Networks the posts use, in the order they first appear.
    networks: Vec<&'p str>,
}

impl<'p> Gathered<'p> {
    fn new(today: Date) -> Self {
        let shift = |years: i16| {
            today
                .checked_add(jiff::Span::new().years(years))
                .unwrap_or(today)
        };
        Gathered {
            window: Some((
                shift(-crate::base::YEARS_COVERED),
                shift(crate::base::YEARS_COVERED),
            )),
            ..Gathered::default()
        }
    }

    fn date(&mut self, d: Date) {
        if self.window.is_some_and(|(a, b)| d < a || d > b) {
            self.far.insert((d.year(), d.month()));
            return;
        }
        self.first = Some(self.first.map_or(d, |f| f.min(d)));
        self.last = Some(self.last.map_or(d, |l| l.max(d)));
    }

    fn post(mut self, p: &PostRef<'p>) -> Self {
        if let Some(d) = &p.post.date {
            self.date(d.date());
        }
        self.authors.extend(p.post.author.as_deref());
        for n in p.post.published_networks() {
            if !self.networks.contains(&n) {
                self.networks.push(n);
            }
        }
        self
    }

    fn join(mut self, other: Self) -> Self {
        for d in [other.first, other.last].into_iter().flatten() {
            self.date(d);
        }
        self.far.extend(other.far);
        self.authors.extend(other.authors);
        for n in other.networks {
            if !self.networks.contains(&n) {
                self.networks.push(n);
            }
        }
        self
    }
}

impl Layout {
    /// One parallel pass over the posts (this runs on every save of watch mode, and waits on
    /// memory more than it computes).
    pub fn of(input: &Input<'_>) -> Layout {
        let today = input.today;
        let mut g = input
            .posts
            .par_iter()
            .fold(|| Gathered::new(today), |g, p| g.post(p))
            .reduce(|| Gathered::new(today), Gathered::join);
        for e in &input.entries {
            for d in [&e.date, &e.end].into_iter().flatten() {
                g.date(d.date());
            }
        }
        g.date(input.today);
        let mut months = pages::months_between(g.first, g.last);
        // Far months alone, in order with the others.
        months.extend(g.far.iter().copied());
        months.sort_unstable();
        months.dedup();
        let mondays = pages::mondays(&months, input.today);
        let today = (input.today.year(), input.today.month());
        let index_month = months
            .iter()
            .copied()
            .find(|m| *m == today)
            .or_else(|| months.first().copied());
        g.authors.sort_unstable();
        g.authors.dedup();
        // The configured networks, then any other known network a post uses.
        let mut feed_networks: Vec<String> = input.config.networks.configured.clone();
        for n in g.networks {
            if !feed_networks.iter().any(|x| x == n) && input.config.networks.get(n).is_some() {
                feed_networks.push(n.to_string());
            }
        }
        Layout {
            months,
            mondays,
            index_month,
            authors: g.authors.into_iter().map(str::to_string).collect(),
            feed_networks,
            today: input.today,
        }
    }
}

/// What a change of one post may move: where it was or is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostFacts {
    pub file: String,
    pub date: Option<Date>,
    pub campaign: Option<String>,
    pub has_media: bool,
    /// It cites veille notes (the veille page lists the posts that cite each note).
    pub cites: bool,
}

impl PostFacts {
    pub fn of(file: &str, p: &Post) -> PostFacts {
        PostFacts {
            file: file.to_string(),
            date: p.date.as_ref().map(|d| d.date()),
            campaign: p.campaign.as_ref().map(|(c, _)| c.clone()),
            has_media: !p.media.is_empty()
                || p.variants
                    .values()
                    .any(|v| v.media.as_ref().is_some_and(|m| !m.is_empty())),
            cites: !p.sources.is_empty(),
        }
    }
}

fn campaign_files<'a>(input: &'a Input<'_>) -> impl Iterator<Item = &'a str> {
    input
        .entries
        .iter()
        .filter(|e| e.kind == EntryKind::Campaign)
        .map(|e| e.common.file.as_str())
}

fn audit_pages<'a>(input: &'a Input<'_>) -> impl Iterator<Item = Page> + 'a {
    input
        .audits
        .iter()
        .map(|a| Page::Audit(a.common.file.clone()))
}

/// Every page of the site, in a stable order.
pub fn plan(input: &Input<'_>, layout: &Layout) -> Vec<Page> {
    let mut pages = Vec::new();
    if layout.index_month.is_some() {
        pages.push(Page::Index);
    }
    pages.extend(layout.months.iter().map(|(y, m)| Page::Month(*y, *m)));
    pages.extend(layout.mondays.iter().map(|d| Page::Week(*d)));
    pages.extend([Page::List, Page::Board, Page::Diagnostics]);
    pages.extend(input.posts.iter().map(|p| Page::Post(p.file.to_string())));
    pages.extend(campaign_files(input).map(|f| Page::Campaign(f.to_string())));
    pages.extend(audit_pages(input));
    pages.extend([Page::Json, Page::Feeds, Page::Results]);
    pages.extend(results_pages(input));
    pages.extend([Page::Veille, Page::Theme, Page::Media, Page::Publishing]);
    pages
}

/// The monthly reports: one per month that has results.
fn results_pages<'a>(input: &'a Input<'_>) -> impl Iterator<Item = Page> + 'a {
    input
        .checked
        .results
        .months()
        .into_iter()
        .map(|(y, m)| Page::ResultsMonth(y, m))
}

/// The pages that show any of `changed` (each post as it was and as it is now) once the input
/// holds the new versions; `before` and `after` are the layouts around the change.
/// `diagnostics_changed`: some problem of the project is new or gone.
pub fn affected(
    input: &Input<'_>,
    before: &Layout,
    after: &Layout,
    changed: &[PostFacts],
    diagnostics_changed: bool,
) -> BTreeSet<Page> {
    let mut pages: BTreeSet<Page> = BTreeSet::new();
    if !changed.is_empty() {
        pages.extend([Page::List, Page::Board, Page::Json, Page::Feeds]);
        // Audit reports count problems and posts of the whole project.
        pages.extend(audit_pages(input));
    }
    if diagnostics_changed || !changed.is_empty() {
        pages.insert(Page::Diagnostics);
        pages.extend(audit_pages(input));
    }
    if after != before {
        // Every page but the posts', as it is now and as it was (a month or a week the site
        // no longer covers renders to nothing, and its files go).
        for layout in [after, before] {
            pages.extend(
                plan(input, layout)
                    .into_iter()
                    .filter(|p| !matches!(p, Page::Post(_))),
            );
        }
    }
    for f in changed {
        pages.insert(Page::Post(f.file.clone()));
        if let Some(d) = f.date {
            // A month's grid shows the days of its first and last weeks, in the months around.
            let monday = pages::monday_of(d);
            let sunday = monday
                .checked_add(jiff::Span::new().days(6))
                .unwrap_or(monday);
            for day in [monday, d, sunday] {
                let ym = (day.year(), day.month());
                pages.insert(Page::Month(ym.0, ym.1));
                if after.index_month == Some(ym) {
                    pages.insert(Page::Index);
                }
            }
            pages.insert(Page::Week(monday));
        }
        if let Some(c) = &f.campaign
            && let Some(file) = input.routes.file_of(crate::load::content::Kind::Entry, c)
        {
            pages.insert(Page::Campaign(file.to_string()));
        }
        if f.has_media {
            pages.insert(Page::Media);
        }
        if f.cites {
            pages.insert(Page::Veille);
        }
    }
    pages
}

/// The pages that show results, once they changed: the results page and `results.json`, the
/// monthly reports (those of `old_months` too, which may have gone), `calendar.json`, the
/// campaigns' scorecards and the audits.
///
/// `old` are the results before the change: only the reports of the months whose figures moved
/// and the campaigns whose KPIs moved render again. Without it (posts' pages moved: every link
/// may have), all of them do.
pub fn results_affected(
    input: &Input<'_>,
    old: &crate::validate::results::Results,
    links_moved: bool,
) -> BTreeSet<Page> {
    let new = &input.checked.results;
    let mut pages: BTreeSet<Page> = BTreeSet::from([Page::Results, Page::Json]);
    pages.extend(audit_pages(input));
    let mut months = old.months();
    months.extend(new.months());
    months.sort_unstable();
    months.dedup();
    let kpis_moved = old.campaigns != new.campaigns;
    // A report shows its month and the one before (the comparison and the chart).
    let changed: BTreeSet<(i16, i8)> = months
        .iter()
        .copied()
        .filter(|m| links_moved || kpis_moved || !old.same_month(new, *m))
        .collect();
    for (y, m) in months {
        let before = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
        if changed.contains(&(y, m)) || changed.contains(&before) {
            pages.insert(Page::ResultsMonth(y, m));
        }
    }
    for f in campaign_files(input) {
        if links_moved || old.campaign(f) != new.campaign(f) {
            pages.insert(Page::Campaign(f.to_string()));
        }
    }
    pages
}

/// The compiled theme and the kept fragments: one per watch session (or per build).
pub struct Site {
    theme: theme::Theme,
    fragments: Fragments,
}

impl Site {
    pub fn new(config: &Config) -> Result<Site, ThemeError> {
        Ok(Site {
            theme: theme::registry(config)?,
            fragments: Fragments::default(),
        })
    }

    /// Drops what is kept of a post (it changed, or something it shows did).
    pub fn forget(&self, file: &str) {
        self.fragments.forget(file);
    }

    /// Renders `pages` in parallel. A page that no longer exists yields no file.
    pub fn render(
        &self,
        input: &Input<'_>,
        layout: &Layout,
        pages: &[Page],
    ) -> Result<Vec<(Page, Vec<OutFile>)>, ThemeError> {
        let ctx = pages::Ctx::new(input, layout, &self.theme, &self.fragments);
        pages
            .par_iter()
            .map(|page| Ok((page.clone(), pages::render(&ctx, page)?)))
            .collect()
    }
}
