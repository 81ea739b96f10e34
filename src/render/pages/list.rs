//! The list view (`list/index.html`): every day with posts or the start of an entry, month by
//! month, and the posts without a date.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::Serialize;

use super::month::{Day, Filters};
use super::{ChipKind, Ctx};
use crate::render::html::Slots;
use crate::render::views::Frame;
use crate::render::{OutFile, ThemeError, i18n};
use crate::routes;

#[derive(Serialize)]
struct ListView {
    #[serde(flatten)]
    frame: Frame,
    months: Vec<MonthList>,
    /// The undated posts' chips (a slot marker).
    undated: String,
    filters: Filters,
}

#[derive(Serialize)]
struct MonthList {
    /// `2026-12`.
    id: String,
    href: String,
    title: String,
    days: Vec<Day>,
}

pub fn page(ctx: &Ctx<'_>) -> Result<OutFile, ThemeError> {
    let path = routes::list();
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
    let mut slots = Slots::new();
    let mut months = Vec::new();
    for (y, m) in &ctx.layout.months {
        let ds: Vec<Day> = days
            .iter()
            .filter(|d| d.year() == *y && d.month() == *m)
            .map(|d| super::month::day(ctx, &mut slots, *d, true, ChipKind::List, None))
            .collect::<Result<_, _>>()?;
        if !ds.is_empty() {
            months.push(MonthList {
                id: format!("{y}-{m:02}"),
                href: routes::href(&path, &routes::month(*y, *m)),
                title: format!("{} {y}", i18n::month_name(ctx.lang, *m)),
                days: ds,
            });
        }
    }
    let undated = ctx.chips(
        &mut slots,
        ctx.sorted.iter().filter(|p| p.post.date.is_none()),
        ChipKind::List,
    )?;
    let view = ListView {
        frame: ctx.frame(&path, ctx.label("list"), "list"),
        months,
        undated,
        filters: Filters::new(ctx),
    };
    Ok(slots.page(path, ctx.render("list", &view)?))
}
