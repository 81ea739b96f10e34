//! The week view (`weeks/YYYY-Www/index.html`): day by day, posts in time order.

use jiff::civil::Date;
use serde::Serialize;

use super::month::{Day, Filters};
use super::{ChipKind, Ctx};
use crate::render::html::Slots;
use crate::render::views::Frame;
use crate::render::{OutFile, ThemeError, i18n};
use crate::routes;

#[derive(Serialize)]
struct WeekView {
    #[serde(flatten)]
    frame: Frame,
    week_title: String,
    prev: Option<String>,
    next: Option<String>,
    /// The week's month.
    month: String,
    days: Vec<Day>,
    filters: Filters,
}

pub fn page(ctx: &Ctx<'_>, monday: Date) -> Result<OutFile, ThemeError> {
    let path = routes::week(monday);
    // The weeks around, as the site has them (a far date's week stands alone).
    let mondays = &ctx.layout.mondays;
    let k = mondays.partition_point(|d| *d < monday);
    let months = &ctx.layout.months;
    let mut slots = Slots::new();
    let days: Vec<Day> = (0..7)
        .filter_map(|i| monday.checked_add(jiff::Span::new().days(i)).ok())
        .map(|d| super::month::day(ctx, &mut slots, d, true, ChipKind::Week, None))
        .collect::<Result<_, _>>()?;
    let w = monday.iso_week_date();
    let title = i18n::week_title(ctx.lang, w.week(), w.year());
    let prev = k.checked_sub(1).and_then(|i| mondays.get(i)).copied();
    let next = mondays
        .get(k..)
        .and_then(|rest| rest.iter().find(|d| **d > monday))
        .copied();
    // The week's month: the one of its Thursday (ISO), if the site has it.
    let thursday = monday
        .checked_add(jiff::Span::new().days(3))
        .unwrap_or(monday);
    let (y, m) = months
        .iter()
        .copied()
        .find(|ym| *ym == (thursday.year(), thursday.month()))
        .or_else(|| {
            months
                .iter()
                .copied()
                .find(|ym| *ym == (monday.year(), monday.month()))
        })
        .or_else(|| months.first().copied())
        .unwrap_or((monday.year(), monday.month()));
    let view = WeekView {
        frame: ctx.frame(&path, title.clone(), "calendar"),
        week_title: title,
        prev: prev.map(|d| routes::href(&path, &routes::week(d))),
        next: next.map(|d| routes::href(&path, &routes::week(d))),
        month: routes::href(&path, &routes::month(y, m)),
        days,
        filters: Filters::new(ctx),
    };
    Ok(slots.page(path, ctx.render("week", &view)?))
}
