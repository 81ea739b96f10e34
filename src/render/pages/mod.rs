//! The pages of the site, one file per kind, and what they share for one render: the posts in
//! date order and by day, the error counts, the compiled templates and the kept chips.

pub mod assets;
pub mod audit;
pub mod board;
pub mod campaign;
pub mod diagnostics;
pub mod feeds;
pub mod list;
pub mod month;
pub mod post;
pub mod publishing;
pub mod results;
pub mod veille;
pub mod week;

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use super::html::Slots;
use super::views::{Chip, EntryOnDay, NetworkView, campaign_color};
use super::{Fragments, Input, Layout, OutFile, Page, PostRef, ThemeError, i18n, ics, json, theme};
use crate::load::config::Language;
use crate::load::content::{Entry, EntryKind, When};
use crate::routes::{self, OutPath};

/// How a post is shown in a list: the template, the page depth (for relative links) and what it
/// shows. Each kind of each post is rendered once and kept in [`Fragments`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChipKind {
    Index,
    Month,
    Week,
    List,
    Board,
    Campaign,
}

// `Campaign` is the last kind: kept chips are stored by kind in an array of `COUNT`.
const _: () = assert!(ChipKind::Campaign as usize + 1 == ChipKind::COUNT);

impl ChipKind {
    pub const COUNT: usize = 6;

    /// How deep the pages that show this kind of chip are.
    fn depth(self) -> usize {
        match self {
            ChipKind::Index => routes::index().depth(),
            ChipKind::List => routes::list().depth(),
            ChipKind::Board => routes::board().depth(),
            ChipKind::Week => 2,
            ChipKind::Campaign => 2,
            ChipKind::Month => 3,
        }
    }
}

/// What the pages of one render share.
pub struct Ctx<'a> {
    pub input: &'a Input<'a>,
    pub layout: &'a Layout,
    theme: &'a theme::Theme,
    frags: &'a Fragments,
    pub lang: Language,
    /// Posts by day, in time order (computed once: every calendar page reads it).
    by_day: BTreeMap<Date, Vec<PostRef<'a>>>,
    /// Every post by date, then id (the order of lists, feeds and calendar.json).
    pub sorted: Vec<PostRef<'a>>,
    /// Veille notes by id (the first in path order), for the posts that cite them.
    pub notes: rustc_hash::FxHashMap<&'a str, &'a crate::load::content::Note>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        input: &'a Input<'a>,
        layout: &'a Layout,
        theme: &'a theme::Theme,
        frags: &'a Fragments,
    ) -> Ctx<'a> {
        let tz = &input.config.timezone;
        // Sort keys read in parallel (a pass over every post on every save), with the day, so
        // that the posts are not read again to group them by day.
        type Keyed<'p> = (
            Option<jiff::Timestamp>,
            &'p str,
            &'p str,
            Option<Date>,
            PostRef<'p>,
        );
        let mut keyed: Vec<Keyed<'a>> = input
            .posts
            .par_iter()
            .map(|p| {
                let day = p.post.date.as_ref().map(When::date);
                let key = p.post.date.as_ref().map(|d| d.sort_key(tz));
                (key, p.post.id(), p.file, day, *p)
            })
            .collect();
        keyed.par_sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
        let mut by_day: BTreeMap<Date, Vec<PostRef<'a>>> = BTreeMap::new();
        for (_, _, _, day, p) in &keyed {
            if let Some(d) = day {
                by_day.entry(*d).or_default().push(*p);
            }
        }
        let sorted = keyed.into_iter().map(|k| k.4).collect();
        let mut notes = rustc_hash::FxHashMap::default();
        for n in &input.notes {
            notes.entry(n.id()).or_insert(*n);
        }
        Ctx {
            input,
            layout,
            theme,
            frags,
            lang: input.config.language,
            by_day,
            sorted,
            notes,
        }
    }

    pub fn render<V: serde::Serialize>(
        &self,
        template: &str,
        view: &V,
    ) -> Result<String, ThemeError> {
        self.theme.render(template, view)
    }

    /// The frame of a page at `path`.
    pub fn frame(
        &self,
        path: &OutPath,
        title: impl Into<String>,
        section: &'static str,
    ) -> super::views::Frame {
        let today = self.input.today;
        super::views::Frame::new(
            self.lang,
            &self.input.config.title,
            path,
            title,
            section,
            (today.year(), today.month()),
            !self.input.config.publish.index,
        )
    }

    /// The pieces kept between renders.
    pub fn frags(&self) -> &'a Fragments {
        self.frags
    }

    pub fn label(&self, key: &str) -> &'static str {
        i18n::label(self.lang, key)
    }

    pub fn posts_on(&self, day: Date) -> &[PostRef<'a>] {
        self.by_day.get(&day).map_or(&[], Vec::as_slice)
    }

    pub fn network(&self, id: &str) -> NetworkView {
        let n = self.input.config.networks.get(id);
        let label = n.map_or(id, |n| n.label.as_str());
        NetworkView::new(id, label, n.and_then(|n| n.color))
    }

    /// The chip of a post, for a page `depth` folders deep.
    fn chip(&self, p: &PostRef<'_>, kind: ChipKind) -> Chip {
        let post = p.post;
        let time = match &post.date {
            Some(When::At(z)) => z.strftime("%H:%M").to_string(),
            _ => String::new(),
        };
        let errors = self.input.checked.errors(p.file);
        let card = matches!(kind, ChipKind::Board | ChipKind::Campaign);
        Chip {
            href: self.post_href(p.file, kind.depth()),
            title: post.title.clone(),
            time,
            status: post.status.name(),
            status_label: i18n::status(self.lang, post.status.name()),
            networks: post.published_networks().map(|n| self.network(n)).collect(),
            network_ids: post.published_networks().collect::<Vec<_>>().join(" "),
            campaign: post.campaign.as_ref().map(|(c, _)| c.clone()),
            campaign_color: post
                .campaign
                .as_ref()
                .map(|(c, _)| campaign_color(c).to_string()),
            author: post.author.clone().unwrap_or_default(),
            people: (kind == ChipKind::Board)
                .then(|| i18n::people(self.lang, post.author.as_deref(), post.reviewer.as_deref()))
                .flatten(),
            errors,
            errors_label: i18n::errors(self.lang, errors),
            date: card
                .then(|| {
                    post.date
                        .as_ref()
                        .map(|d| i18n::long_date(self.lang, d.date()))
                })
                .flatten(),
            no_date: self.label("no_date"),
            with_networks: kind == ChipKind::Board,
            with_status: kind == ChipKind::Campaign,
        }
    }

    /// The link to a post's page from a page `depth` folders deep.
    pub fn post_href(&self, file: &str, depth: usize) -> String {
        self.input
            .routes
            .post(file)
            .map(|to| routes::href_at(depth, &to))
            .unwrap_or_default()
    }

    /// The chips of `posts`, rendered once per post and kind, again when the post changes.
    /// What goes into the template is a marker in `slots` (empty when there are no posts, so
    /// that `{{#if}}` still works); the chips replace it once the page is rendered.
    pub fn chips<'p>(
        &self,
        slots: &mut Slots,
        posts: impl IntoIterator<Item = &'p PostRef<'p>>,
        kind: ChipKind,
    ) -> Result<String, ThemeError>
    where
        'a: 'p,
    {
        let posts: Vec<&PostRef<'_>> = posts.into_iter().collect();
        let errors = |p: &PostRef<'_>| self.input.checked.errors(p.file);
        let template = match kind {
            ChipKind::Board | ChipKind::Campaign => "card",
            _ => "chip",
        };
        let chips: Vec<Arc<str>> = self.frags.chips(&posts, kind, errors, |p| {
            self.render(template, &self.chip(p, kind))
        })?;
        Ok(slots.put(chips))
    }

    /// The calendar entries that cover `day`, for a page `depth` folders deep.
    pub fn entries_on(&self, day: Date, depth: usize) -> Vec<EntryOnDay> {
        self.input
            .entries
            .iter()
            .filter(|e| {
                let s = e.date.as_ref().map(When::date);
                let end = e.end.as_ref().map(When::date).or(s);
                s.is_some_and(|s| s <= day) && end.is_some_and(|x| day <= x)
            })
            .map(|e| self.entry_on(e, day, depth))
            .collect()
    }

    fn entry_on(&self, e: &Entry, day: Date, depth: usize) -> EntryOnDay {
        let is_campaign = e.kind == EntryKind::Campaign;
        let color = campaign_color(e.id());
        let starts = e.date.as_ref().is_some_and(|d| d.date() == day);
        EntryOnDay {
            title: e.title.clone(),
            kind: e.kind.name(),
            is_campaign,
            href: is_campaign
                .then(|| self.input.routes.campaign(&e.common.file))
                .flatten()
                .map(|to| routes::href_at(depth, &to)),
            color: color.to_string(),
            text: color.text_on().to_string(),
            starts,
            named: starts || day.weekday() == jiff::civil::Weekday::Monday,
        }
    }
}

/// Renders one page: its files (none when the page no longer exists).
pub fn render(ctx: &Ctx<'_>, page: &Page) -> Result<Vec<OutFile>, ThemeError> {
    let layout = ctx.layout;
    match page {
        Page::Index => month::index(ctx),
        Page::Month(y, m) => month::month(ctx, *y, *m),
        Page::Week(d) => {
            if layout.mondays.binary_search(d).is_ok() {
                Ok(vec![week::page(ctx, *d)?])
            } else {
                Ok(Vec::new())
            }
        }
        Page::List => list::files(ctx),
        Page::Board => board::files(ctx),
        Page::Diagnostics => diagnostics::files(ctx),
        Page::Post(file) => post::files(ctx, file),
        Page::Campaign(file) => campaign::files(ctx, file),
        Page::Audit(file) => audit::files(ctx, file),
        Page::Json => Ok(vec![OutFile::pieces(
            routes::calendar_json(),
            json::calendar(ctx.input, &ctx.sorted, ctx.frags),
        )]),
        Page::Feeds => {
            let mut files = ics::feeds(ctx.input, layout, &ctx.sorted, ctx.frags);
            files.push(feeds::page(ctx)?);
            files.push(crate::render::atom::feed(ctx.input, &ctx.sorted));
            Ok(files)
        }
        Page::Results => results::files(ctx),
        Page::ResultsMonth(y, m) => results::month(ctx, *y, *m),
        Page::Veille => Ok(vec![veille::page(ctx)?]),
        Page::Theme => Ok(assets::theme(ctx.input)),
        Page::Publishing => publishing::files(ctx),
        Page::Media => Ok(assets::media(ctx.input)),
    }
}

/// Every month from the one of `first` to the one of `last`.
pub fn months_between(first: Option<Date>, last: Option<Date>) -> Vec<(i16, i8)> {
    let (Some(min), Some(max)) = (first, last) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut y, mut m) = (min.year(), min.month());
    while (y, m) <= (max.year(), max.month()) {
        out.push((y, m));
        if m == 12 {
            y += 1;
            m = 1;
        } else {
            m += 1;
        }
    }
    out
}

/// The Monday of every week page: from the first month's first week to the last month's last.
/// The Monday of every week that has a day in one of `months` (in order, once each).
pub fn mondays(months: &[(i16, i8)], today: Date) -> Vec<Date> {
    let mut out: Vec<Date> = Vec::new();
    for (y, m) in months {
        let start = Date::new(*y, *m, 1).unwrap_or(today);
        let end = start.last_of_month();
        let mut d = monday_of(start);
        while d <= end {
            if out.last().is_none_or(|l| *l < d) {
                out.push(d);
            }
            d = match d.checked_add(jiff::Span::new().weeks(1)) {
                Ok(n) => n,
                Err(_) => break,
            };
        }
    }
    out
}

pub fn monday_of(d: Date) -> Date {
    d.checked_sub(jiff::Span::new().days(i64::from(d.weekday().to_monday_zero_offset())))
        .unwrap_or(d)
}
