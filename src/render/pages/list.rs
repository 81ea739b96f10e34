//! The list view (`list/index.html`): every day with posts or the start of an entry, month by
//! month, and the posts without a date. A list too long for one page (more than
//! [`LIST_ONE_PAGE`] posts: 8,700 posts made a 4 MB page, unusable on a phone) is split by
//! month: `list/YYYY-MM.html` for each month, `list/undated.html`, and `list/index.html`
//! showing the current month (or the next one with posts), each with the links to the others.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::Serialize;

use super::month::{Day, Filters};
use super::{ChipKind, Ctx};
use crate::render::html::Slots;
use crate::render::views::{Frame, PageLink};
use crate::render::{OutFile, ThemeError, i18n};
use crate::routes::{self, OutPath};

/// Up to this many posts, the list is one page.
pub const LIST_ONE_PAGE: usize = 300;

#[derive(Serialize)]
struct ListView {
    #[serde(flatten)]
    frame: Frame,
    months: Vec<MonthList>,
    /// The undated posts' chips (a slot marker).
    undated: String,
    filters: Filters,
    /// The pages of a split list (empty when it is one page).
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct MonthList {
    /// `2026-12`.
    id: String,
    href: String,
    title: String,
    days: Vec<Day>,
}

/// What one page of the list shows.
struct Piece {
    path: OutPath,
    /// Its title after the list's, when the list is split.
    title: Option<String>,
    months: Vec<(i16, i8)>,
    undated: bool,
}

pub fn files(ctx: &Ctx<'_>) -> Result<Vec<OutFile>, ThemeError> {
    let input = ctx.input;
    let mut days: BTreeSet<Date> = ctx
        .sorted
        .iter()
        .filter_map(|p| p.post.date.as_ref().map(|d| d.date()))
        .collect();
    days.extend(
        input
            .entries
            .iter()
            .filter_map(|e| e.date.as_ref().map(|d| d.date())),
    );
    let undated = ctx.sorted.iter().filter(|p| p.post.date.is_none()).count();
    if ctx.sorted.len() <= LIST_ONE_PAGE {
        let whole = Piece {
            path: routes::list(),
            title: None,
            months: ctx.layout.months.clone(),
            undated: undated > 0,
        };
        return Ok(vec![page(ctx, &days, &whole, Vec::new())?]);
    }
    // Split: the months that have a day to show, with how many posts each holds.
    let months: Vec<((i16, i8), usize)> = ctx
        .layout
        .months
        .iter()
        .filter_map(|&(y, m)| {
            let (first, last) = month_bounds(y, m)?;
            days.range(first..=last).next()?;
            let posts = days
                .range(first..=last)
                .map(|d| ctx.posts_on(*d).len())
                .sum();
            Some(((y, m), posts))
        })
        .collect();
    let today = (input.today.year(), input.today.month());
    let current = months
        .iter()
        .position(|(m, _)| *m >= today)
        .or(months.len().checked_sub(1));
    let mut pieces: Vec<Piece> = months
        .iter()
        .map(|&((y, m), _)| Piece {
            path: routes::list_month(y, m),
            title: Some(format!("{} {y}", i18n::month_name(ctx.lang, m))),
            months: vec![(y, m)],
            undated: false,
        })
        .collect();
    let mut counts: Vec<usize> = months.iter().map(|(_, n)| *n).collect();
    if undated > 0 {
        pieces.push(Piece {
            path: routes::list_undated(),
            title: Some(ctx.label("no_date").to_string()),
            months: Vec::new(),
            undated: true,
        });
        counts.push(undated);
    }
    // The index shows the current month (or, with only undated posts, those).
    let index = current.or((undated > 0).then_some(pieces.len().saturating_sub(1)));
    let mut out = Vec::with_capacity(pieces.len() + 1);
    for (k, piece) in pieces.iter().enumerate() {
        out.push(page(ctx, &days, piece, links(&pieces, &counts, k))?);
    }
    if let Some(k) = index {
        let shown = &pieces[k];
        let piece = Piece {
            path: routes::list(),
            title: shown.title.clone(),
            months: shown.months.clone(),
            undated: shown.undated,
        };
        out.push(page(ctx, &days, &piece, links(&pieces, &counts, k))?);
    }
    Ok(out)
}

/// The links from one page of a split list (the `current`-th) to all of them.
fn links(pieces: &[Piece], counts: &[usize], current: usize) -> Vec<PageLink> {
    let from = &pieces[current].path;
    pieces
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(k, (p, n))| PageLink {
            href: routes::href(from, &p.path),
            label: p.title.clone().unwrap_or_default(),
            count: Some(*n),
            current: k == current,
        })
        .collect()
}

/// The first and last day of a month.
fn month_bounds(y: i16, m: i8) -> Option<(Date, Date)> {
    let first = Date::new(y, m, 1).ok()?;
    Some((first, first.last_of_month()))
}

fn page(
    ctx: &Ctx<'_>,
    days: &BTreeSet<Date>,
    piece: &Piece,
    pages: Vec<PageLink>,
) -> Result<OutFile, ThemeError> {
    let path = &piece.path;
    let mut slots = Slots::new();
    let mut months = Vec::new();
    for &(y, m) in &piece.months {
        let Some((first, last)) = month_bounds(y, m) else {
            continue;
        };
        let ds: Vec<Day> = days
            .range(first..=last)
            .map(|d| super::month::day(ctx, &mut slots, *d, true, ChipKind::List, None))
            .collect::<Result<_, _>>()?;
        if !ds.is_empty() {
            months.push(MonthList {
                id: format!("{y}-{m:02}"),
                href: routes::href(path, &routes::month(y, m)),
                title: format!("{} {y}", i18n::month_name(ctx.lang, m)),
                days: ds,
            });
        }
    }
    let undated = if piece.undated {
        ctx.chips(
            &mut slots,
            ctx.sorted.iter().filter(|p| p.post.date.is_none()),
            ChipKind::List,
        )?
    } else {
        String::new()
    };
    let title = match &piece.title {
        Some(t) => format!("{} · {t}", ctx.label("list")),
        None => ctx.label("list").to_string(),
    };
    let view = ListView {
        frame: ctx.frame(path, title, "list"),
        months,
        undated,
        filters: Filters::new(ctx),
        pages,
    };
    Ok(slots.page(path.clone(), ctx.render("list", &view)?))
}
