//! Rendering: turns a checked project into the files of the output folder (SPEC §8).
//!
//! The site is a set of [`Page`]s; each renders on its own, so that watch mode re-renders only
//! the pages a change touches ([`affected`]). What a post contributes to the big pages (its chip
//! in calendars and lists, its event in the feeds, its object in `calendar.json`) is rendered
//! once and kept in [`Fragments`] until that post changes. `build` takes the same path with
//! empty fragments, so a watched site and a built one are the same bytes.

pub mod chart;
pub mod html;
pub mod i18n;
pub mod ics;
pub mod json;

use std::collections::BTreeSet;
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use handlebars::Handlebars;
use jiff::civil::Date;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

pub use html::{ChipKind, ThemeError};

use crate::engine::project::Project;
use crate::load::content::{EntryKind, Post};
use crate::write::OutFile;

/// A page of the site, or a group of files rendered together.
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
    /// `calendar.ics` and one feed per network.
    Feeds,
    /// The theme's static files.
    Theme,
    /// The media files posts use, and the logo.
    Media,
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
    first: Option<Date>,
    last: Option<Date>,
    authors: Vec<&'p str>,
    /// Networks the posts use, in the order they first appear.
    networks: Vec<&'p str>,
}

impl<'p> Gathered<'p> {
    fn date(&mut self, d: Date) {
        self.first = Some(self.first.map_or(d, |f| f.min(d)));
        self.last = Some(self.last.map_or(d, |l| l.max(d)));
    }

    fn post(mut self, p: &'p Post) -> Self {
        if let Some(d) = &p.date {
            self.date(d.date());
        }
        self.authors.extend(p.author.as_deref());
        for n in p.published_networks() {
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
    pub fn of(project: &Project) -> Layout {
        let mut g = project
            .content
            .posts
            .par_iter()
            .fold(Gathered::default, Gathered::post)
            .reduce(Gathered::default, Gathered::join);
        for e in &project.content.entries {
            for d in [&e.date, &e.end].into_iter().flatten() {
                g.date(d.date());
            }
        }
        g.date(project.today);
        let months = html::months_between(g.first, g.last);
        let mondays = html::mondays(&months, project.today);
        let today = (project.today.year(), project.today.month());
        let index_month = months
            .iter()
            .copied()
            .find(|m| *m == today)
            .or_else(|| months.first().copied());
        g.authors.sort_unstable();
        g.authors.dedup();
        // The configured networks, then any other known network a post uses.
        let mut feed_networks: Vec<String> = project.config.networks.configured.clone();
        for n in g.networks {
            if !feed_networks.iter().any(|x| x == n) && project.config.networks.get(n).is_some() {
                feed_networks.push(n.to_string());
            }
        }
        Layout {
            months,
            mondays,
            index_month,
            authors: g.authors.into_iter().map(str::to_string).collect(),
            feed_networks,
            today: project.today,
        }
    }
}

/// What a change of one post may move: where it was or is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostFacts {
    pub id: String,
    pub date: Option<Date>,
    pub campaign: Option<String>,
    pub has_media: bool,
}

impl PostFacts {
    pub fn of(p: &Post) -> PostFacts {
        PostFacts {
            id: p.id().to_string(),
            date: p.date.as_ref().map(|d| d.date()),
            campaign: p.campaign.as_ref().map(|(c, _)| c.clone()),
            has_media: !p.media.is_empty()
                || p.variants
                    .values()
                    .any(|v| v.media.as_ref().is_some_and(|m| !m.is_empty())),
        }
    }
}

/// Every page of the site, in a stable order.
pub fn plan(project: &Project, layout: &Layout) -> Vec<Page> {
    let mut pages = Vec::new();
    if layout.index_month.is_some() {
        pages.push(Page::Index);
    }
    pages.extend(layout.months.iter().map(|(y, m)| Page::Month(*y, *m)));
    pages.extend(layout.mondays.iter().map(|d| Page::Week(*d)));
    pages.extend([Page::List, Page::Board, Page::Diagnostics]);
    pages.extend(
        project
            .content
            .posts
            .iter()
            .map(|p| Page::Post(p.id().to_string())),
    );
    pages.extend(
        project
            .content
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Campaign)
            .map(|e| Page::Campaign(e.id().to_string())),
    );
    pages.extend(audit_pages(project));
    pages.extend([Page::Json, Page::Feeds, Page::Theme, Page::Media]);
    pages
}

fn audit_pages(project: &Project) -> impl Iterator<Item = Page> + '_ {
    project
        .content
        .audits
        .iter()
        .map(|a| Page::Audit(a.id().to_string()))
}

/// The pages that show any of `changed` (each post as it was and as it is now) once the project
/// holds the new versions; `before` and `after` are the layouts around the change.
pub fn affected(
    project: &Project,
    before: &Layout,
    after: &Layout,
    changed: &[PostFacts],
) -> BTreeSet<Page> {
    let mut pages: BTreeSet<Page> = [
        Page::List,
        Page::Board,
        Page::Diagnostics,
        Page::Json,
        Page::Feeds,
    ]
    .into();
    // Audit reports count problems and posts of the whole project.
    pages.extend(audit_pages(project));
    if after != before {
        pages.extend(
            plan(project, after)
                .into_iter()
                .filter(|p| !matches!(p, Page::Post(_))),
        );
    }
    for f in changed {
        pages.insert(Page::Post(f.id.clone()));
        if let Some(d) = f.date {
            // A month's grid shows the days of its first and last weeks, in the months around.
            let monday = html::monday_of(d);
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
        if let Some(c) = &f.campaign {
            pages.insert(Page::Campaign(c.clone()));
        }
        if f.has_media {
            pages.insert(Page::Media);
        }
    }
    pages
}

/// What is kept of one post: its chips (by kind, with the error count they show), its object
/// in `calendar.json`, its events (one per feed, in the order of the feeds they were made for).
/// Small vectors rather than maps: a lookup is a few comparisons, 10,000 times per page.
#[derive(Default)]
struct Kept {
    /// By `ChipKind as usize`.
    chips: [Option<(usize, Arc<str>)>; ChipKind::COUNT],
    json: Option<Arc<str>>,
    events: Option<(Vec<Option<String>>, Events)>,
}

/// A post's events, one per feed (`None`: not in that feed); shared, not copied, per render.
type Events = Arc<[Option<Arc<str>>]>;

/// Rendered pieces of posts, kept between renders (watch mode) and dropped when a post changes.
#[derive(Default)]
pub struct Fragments {
    /// Looked up 10,000 times per big page: Fx hashing, not SipHash (ids are the user's own).
    posts: RwLock<FxHashMap<String, Kept>>,
}

/// A poisoned lock only means another page failed to render; the map stays consistent.
fn read<T>(m: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    m.read().unwrap_or_else(|e| e.into_inner())
}

fn write<T>(m: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    m.write().unwrap_or_else(|e| e.into_inner())
}

impl Fragments {
    /// The kept pieces of `posts` (read under a shared lock: pages render in parallel), the
    /// missing ones made by `make` and kept. `pick` reads a piece out of what is kept.
    fn batch<T: Clone + Send + Sync>(
        &self,
        posts: &[&Post],
        pick: impl Fn(&Post, &Kept) -> Option<T> + Sync,
        make: impl Fn(&Post) -> Result<T, ThemeError> + Sync,
        keep: impl Fn(&Post, &mut Kept, T),
    ) -> Result<Vec<T>, ThemeError> {
        let mut out: Vec<Option<T>> = {
            let kept = read(&self.posts);
            let look = |p: &&Post| kept.get(p.id()).and_then(|k| pick(p, k));
            // Lookups wait on memory: the big pages (feeds, calendar.json) split them.
            if posts.len() >= 2048 {
                posts.par_iter().map(look).collect()
            } else {
                posts.iter().map(look).collect()
            }
        };
        let missing: Vec<usize> = (0..posts.len()).filter(|i| out[*i].is_none()).collect();
        if missing.is_empty() {
            return Ok(out.into_iter().flatten().collect());
        }
        let made: Vec<T> = missing
            .par_iter()
            .map(|i| make(posts[*i]))
            .collect::<Result<_, _>>()?;
        let mut kept = write(&self.posts);
        for (i, t) in missing.into_iter().zip(made) {
            let p = posts[i];
            keep(p, kept.entry(p.id().to_string()).or_default(), t.clone());
            out[i] = Some(t);
        }
        Ok(out.into_iter().flatten().collect())
    }

    /// Chips of `posts`; a kept chip is used only if it shows the same number of errors.
    pub(crate) fn chips(
        &self,
        posts: &[&Post],
        kind: ChipKind,
        errors: impl Fn(&Post) -> usize + Sync,
        make: impl Fn(&Post) -> Result<String, ThemeError> + Sync,
    ) -> Result<Vec<Arc<str>>, ThemeError> {
        self.batch(
            posts,
            |p, k| {
                k.chips[kind as usize]
                    .as_ref()
                    .filter(|(e, _)| *e == errors(p))
                    .map(|(_, html)| html.clone())
            },
            |p| Ok(make(p)?.into()),
            |p, k, html| k.chips[kind as usize] = Some((errors(p), html)),
        )
    }

    /// The `calendar.json` objects of `posts`.
    pub(crate) fn json(
        &self,
        posts: &[&Post],
        make: impl Fn(&Post) -> String + Sync,
    ) -> Vec<Arc<str>> {
        self.batch(
            posts,
            |_, k| k.json.clone(),
            |p| Ok(make(p).into()),
            |_, k, j| k.json = Some(j),
        )
        .unwrap_or_default()
    }

    /// The events of `posts` in each of `feeds` (`None`: the feed of every network), by post
    /// then feed: one lookup per post for all the feeds.
    pub(crate) fn events(
        &self,
        posts: &[&Post],
        feeds: &[Option<String>],
        make: impl Fn(&Post, Option<&str>) -> Option<String> + Sync,
    ) -> Vec<Events> {
        self.batch(
            posts,
            |_, k| {
                k.events
                    .as_ref()
                    .filter(|(made_for, _)| made_for == feeds)
                    .map(|(_, events)| events.clone())
            },
            |p| {
                Ok(feeds
                    .iter()
                    .map(|f| make(p, f.as_deref()).map(Into::into))
                    .collect::<Vec<_>>()
                    .into())
            },
            |_, k, events| k.events = Some((feeds.to_vec(), events)),
        )
        .unwrap_or_default()
    }

    /// Drops everything kept for a post (it changed or is gone).
    pub fn forget(&self, id: &str) {
        write(&self.posts).remove(id);
    }
}

/// The compiled theme and the kept fragments: one per watch session (or per build).
pub struct Site {
    hb: Handlebars<'static>,
    pub fragments: Fragments,
}

impl Site {
    pub fn new(project: &Project) -> Result<Site, ThemeError> {
        Ok(Site {
            hb: html::registry(project)?,
            fragments: Fragments::default(),
        })
    }

    /// Renders `pages` in parallel. A page that no longer exists yields no file.
    pub fn render(
        &self,
        project: &Project,
        layout: &Layout,
        pages: &[Page],
    ) -> Result<Vec<(Page, Vec<OutFile>)>, ThemeError> {
        let ctx = html::Ctx::new(project, layout, &self.hb, &self.fragments);
        pages
            .par_iter()
            .map(|page| Ok((page.clone(), self.page(&ctx, project, layout, page)?)))
            .collect()
    }

    fn page(
        &self,
        ctx: &html::Ctx<'_>,
        project: &Project,
        layout: &Layout,
        page: &Page,
    ) -> Result<Vec<OutFile>, ThemeError> {
        match page {
            Page::Index => html::index(ctx),
            Page::Month(y, m) => html::month(ctx, *y, *m),
            Page::Week(d) => {
                if layout.mondays.contains(d) {
                    html::week(ctx, *d)
                } else {
                    Ok(Vec::new())
                }
            }
            Page::List => html::list(ctx),
            Page::Board => html::board(ctx),
            Page::Diagnostics => html::diagnostics(ctx),
            Page::Post(id) => {
                let mut files = html::post(ctx, id)?;
                if !files.is_empty() {
                    files.extend(variant_files(project, id));
                }
                Ok(files)
            }
            Page::Campaign(id) => html::campaign(ctx, id),
            Page::Audit(id) => html::audit(ctx, id),
            Page::Json => Ok(vec![OutFile::pieces(
                "calendar.json",
                json::calendar(project, &ctx.sorted, &self.fragments),
            )]),
            Page::Feeds => {
                let mut feeds: Vec<Option<String>> = vec![None];
                feeds.extend(layout.feed_networks.iter().cloned().map(Some));
                let stamp = ics::stamp(project);
                let events = self.fragments.events(&ctx.sorted, &feeds, |p, network| {
                    ics::post_event(project, p, network, &stamp)
                });
                Ok(feeds
                    .par_iter()
                    .enumerate()
                    .map(|(i, network)| {
                        let path = match network {
                            Some(n) => format!("calendar-{n}.ics"),
                            None => "calendar.ics".to_string(),
                        };
                        let posts = events.iter().filter_map(|e| e.get(i)?.clone());
                        OutFile::pieces(path, ics::feed(project, network.as_deref(), posts, &stamp))
                    })
                    .collect())
            }
            Page::Theme => Ok(html::theme_static(project)),
            Page::Media => Ok(html::media_files(project)),
        }
    }
}

/// Every generated file, in a stable order.
pub fn render(project: &Project) -> Result<Vec<OutFile>, ThemeError> {
    let site = Site::new(project)?;
    let layout = Layout::of(project);
    Ok(site
        .render(project, &layout, &plan(project, &layout))?
        .into_iter()
        .flat_map(|(_, files)| files)
        .collect())
}

/// The `.txt` files of a post's variants, ready to paste.
fn variant_files(project: &Project, post_id: &str) -> Vec<OutFile> {
    let mut files = Vec::new();
    let Some(variants) = project.variants.get(post_id) else {
        return files;
    };
    let dir = format!("posts/{post_id}");
    for (network, v) in variants {
        files.push(OutFile::new(
            format!("{dir}/{network}.txt"),
            with_newline(&v.text),
        ));
        let extra = [
            ("title", &v.title),
            ("first-comment", &v.first_comment),
            ("link", &v.link),
        ];
        for (suffix, text) in extra {
            if let Some(t) = text {
                files.push(OutFile::new(
                    format!("{dir}/{network}.{suffix}.txt"),
                    with_newline(t),
                ));
            }
        }
    }
    files
}

fn with_newline(s: &str) -> String {
    format!("{}\n", s.trim_end())
}
