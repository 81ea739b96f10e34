//! The month grid (`calendar/YYYY/MM/index.html`) and `index.html`, which shows the current
//! month (or the first month with posts).

use jiff::civil::Date;
use serde::Serialize;

use super::{ChipKind, Ctx};
use crate::load::content::{EntryKind, Status};
use crate::render::html::Slots;
use crate::render::views::{EntryOnDay, Frame, NetworkView};
use crate::render::{OutFile, ThemeError, i18n};
use crate::routes::{self, OutPath};

#[derive(Serialize)]
struct MonthView {
    #[serde(flatten)]
    frame: Frame,
    month_title: String,
    prev: Option<String>,
    next: Option<String>,
    today_href: String,
    weekdays: [&'static str; 7],
    weeks: Vec<WeekRow>,
    filters: Filters,
}

/// The choices of the calendar filters, and the month's legend (`filters.hbs`).
#[derive(Serialize)]
pub struct Filters {
    networks: Vec<NetworkView>,
    statuses: Vec<Choice>,
    campaigns: Vec<Choice>,
    authors: Vec<String>,
}

impl Filters {
    pub fn new(ctx: &Ctx<'_>) -> Filters {
        let input = ctx.input;
        Filters {
            networks: input
                .config
                .networks
                .configured
                .iter()
                .map(|n| ctx.network(n))
                .collect(),
            statuses: Status::ALL
                .iter()
                .map(|s| Choice {
                    id: s.name().to_string(),
                    label: i18n::status(ctx.lang, s.name()).to_string(),
                })
                .collect(),
            campaigns: input
                .entries
                .iter()
                .filter(|e| e.kind == EntryKind::Campaign)
                .map(|e| Choice {
                    id: e.id().to_string(),
                    label: e.title.clone(),
                })
                .collect(),
            authors: ctx.layout.authors.clone(),
        }
    }
}

#[derive(Serialize)]
struct WeekRow {
    /// `2026-W49`.
    iso: String,
    href: String,
    days: Vec<Day>,
}

/// A day of a calendar grid or list: its posts in time order and the entries that cover it.
#[derive(Serialize)]
pub struct Day {
    pub day: i8,
    /// `2026-12-03`.
    pub date: String,
    pub label: String,
    pub in_month: bool,
    pub today: bool,
    /// The chips (a slot marker).
    pub chips: String,
    pub entries: Vec<EntryOnDay>,
    /// On a month view, the day's posts beyond the first [`MONTH_DAY_CHIPS`]: a link to the day
    /// on its week page, which shows them all.
    pub more: Option<More>,
}

#[derive(Serialize)]
pub struct More {
    pub href: String,
    pub label: String,
}

/// How many posts a day of the month view shows. A month with hundreds of posts stays readable
/// (and light: 800 chips made a 700 KB page), the rest is one click away on the week page.
pub const MONTH_DAY_CHIPS: usize = 4;

/// An option of a filter.
#[derive(Serialize)]
struct Choice {
    id: String,
    label: String,
}

/// A day, with its chips of `kind`, for a page `depth` folders deep.
/// A day of a calendar view. `week_href`, on a month view, is the link to the day's week page:
/// the day then shows its first posts only, and a link to the others.
pub fn day(
    ctx: &Ctx<'_>,
    slots: &mut Slots,
    day: Date,
    in_month: bool,
    kind: ChipKind,
    week_href: Option<&str>,
) -> Result<Day, ThemeError> {
    let mut posts = ctx.posts_on(day);
    let mut more = None;
    if let Some(href) = week_href
        && posts.len() > MONTH_DAY_CHIPS + 1
    {
        more = Some(More {
            href: format!("{href}#d-{day}"),
            label: i18n::more_posts(ctx.lang, posts.len() - MONTH_DAY_CHIPS),
        });
        posts = &posts[..MONTH_DAY_CHIPS];
    }
    Ok(Day {
        day: day.day(),
        date: day.to_string(),
        label: i18n::long_date(ctx.lang, day),
        in_month,
        today: day == ctx.input.today,
        chips: ctx.chips(slots, posts, kind)?,
        entries: ctx.entries_on(day, kind.depth()),
        more,
    })
}

/// `index.html`: the current month, or the first month with posts.
pub fn index(ctx: &Ctx<'_>) -> Result<Vec<OutFile>, ThemeError> {
    let months = &ctx.layout.months;
    if months.is_empty() {
        return Ok(Vec::new());
    }
    let today = (ctx.input.today.year(), ctx.input.today.month());
    let k = months.iter().position(|m| *m == today).unwrap_or(0);
    Ok(vec![page(ctx, k, true)?])
}

pub fn month(ctx: &Ctx<'_>, y: i16, m: i8) -> Result<Vec<OutFile>, ThemeError> {
    match ctx.layout.months.iter().position(|x| *x == (y, m)) {
        Some(k) => Ok(vec![page(ctx, k, false)?]),
        None => Ok(Vec::new()),
    }
}

fn page(ctx: &Ctx<'_>, k: usize, index: bool) -> Result<OutFile, ThemeError> {
    let months = &ctx.layout.months;
    let Some(&(y, m)) = months.get(k) else {
        return Err(ThemeError::Template {
            name: "month.hbs".into(),
            message: "no such month".into(),
        });
    };
    let (kind, path) = if index {
        (ChipKind::Index, routes::index())
    } else {
        (ChipKind::Month, routes::month(y, m))
    };
    let input = ctx.input;
    let first = Date::new(y, m, 1).unwrap_or(input.today);
    let offset = i64::from(first.weekday().to_monday_zero_offset());
    let start = first
        .checked_sub(jiff::Span::new().days(offset))
        .unwrap_or(first);
    let mut slots = Slots::new();
    let mut weeks = Vec::new();
    let mut d = start;
    for _ in 0..6 {
        let monday = d;
        let iso = d.iso_week_date();
        let href = routes::href(&path, &routes::week(monday));
        let mut days = Vec::new();
        for _ in 0..7 {
            days.push(day(ctx, &mut slots, d, d.month() == m, kind, Some(&href))?);
            d = d.tomorrow().unwrap_or(d);
        }
        weeks.push(WeekRow {
            iso: format!("{}-W{:02}", iso.year(), iso.week()),
            href,
            days,
        });
        if d.month() != m && d > first {
            break;
        }
    }
    let title = format!("{} {y}", i18n::month_name(ctx.lang, m));
    let link = |i: usize| -> Option<String> {
        months
            .get(i)
            .map(|(yy, mm)| routes::href(&path, &routes::month(*yy, *mm)))
    };
    let today = input.today;
    let view = MonthView {
        frame: ctx.frame(&path, title.clone(), "calendar"),
        month_title: title,
        prev: k.checked_sub(1).and_then(link),
        next: link(k + 1),
        today_href: routes::href(&path, &routes::month(today.year(), today.month())),
        weekdays: i18n::weekdays(ctx.lang),
        weeks,
        filters: Filters::new(ctx),
    };
    Ok(slots.page(path, ctx.render("month", &view)?))
}

/// The path of a month page, for the other pages' links.
pub fn path_of(d: Date) -> OutPath {
    routes::month(d.year(), d.month())
}
