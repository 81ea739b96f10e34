//! The board (`board/index.html`): posts by status, the review queue first. A column shows its
//! first [`COLUMN_CARDS`] cards (published posts: the latest first) and links to every card
//! of its status, on pages of [`PAGE_CARDS`] (`board/<status>.html`, `board/<status>-2.html`…):
//! at 10,000 posts the whole board was one 3 MB page.

use std::collections::BTreeMap;

use serde::Serialize;

use super::month::More;
use super::{ChipKind, Ctx};
use crate::load::content::Status;
use crate::render::html::Slots;
use crate::render::views::{Frame, PageLink};
use crate::render::{OutFile, PostRef, ThemeError, i18n};
use crate::routes::{self, OutPath};

/// How many cards a column of the board shows.
pub const COLUMN_CARDS: usize = 50;

/// How many cards a page of one column's posts shows.
pub const PAGE_CARDS: usize = 200;

#[derive(Serialize)]
struct BoardView {
    #[serde(flatten)]
    frame: Frame,
    columns: Vec<Column>,
    /// On a page of one column: the link back to the board, and the column's pages.
    back: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct Column {
    id: &'static str,
    label: &'static str,
    count: usize,
    /// The cards (a slot marker).
    cards: String,
    /// The link to every card of the column, when it shows only its first ones.
    more: Option<More>,
}

/// The columns, in the order a team works through them.
const ORDER: [Status; 6] = [
    Status::Review,
    Status::Idea,
    Status::Draft,
    Status::Approved,
    Status::Scheduled,
    Status::Published,
];

pub fn files(ctx: &Ctx<'_>) -> Result<Vec<OutFile>, ThemeError> {
    let path = routes::board();
    let mut slots = Slots::new();
    let mut by_status: BTreeMap<Status, Vec<&PostRef<'_>>> = BTreeMap::new();
    for p in &ctx.sorted {
        by_status.entry(p.post.status).or_default().push(p);
    }
    let mut out = Vec::new();
    let mut columns = Vec::new();
    for s in ORDER {
        let mut posts = by_status.remove(&s).unwrap_or_default();
        if s == Status::Published {
            // What was published last is what the team looks at.
            posts.reverse();
        }
        let mut more = None;
        let mut shown = posts.as_slice();
        if posts.len() > COLUMN_CARDS {
            more = Some(More {
                href: routes::href(&path, &routes::board_column(s.name(), 1)),
                label: i18n::see_all_posts(ctx.lang, posts.len()),
            });
            shown = &posts[..COLUMN_CARDS];
            out.extend(column_pages(ctx, s, &posts)?);
        }
        columns.push(Column {
            id: s.name(),
            label: i18n::status(ctx.lang, s.name()),
            count: posts.len(),
            cards: ctx.chips(&mut slots, shown.iter().copied(), ChipKind::Board)?,
            more,
        });
    }
    let view = BoardView {
        frame: ctx.frame(&path, ctx.label("board"), "board"),
        columns,
        back: None,
        pages: Vec::new(),
    };
    out.push(slots.page(path, ctx.render("board", &view)?));
    Ok(out)
}

/// Every card of one column, [`PAGE_CARDS`] a page.
fn column_pages(
    ctx: &Ctx<'_>,
    status: Status,
    posts: &[&PostRef<'_>],
) -> Result<Vec<OutFile>, ThemeError> {
    let label = i18n::status(ctx.lang, status.name());
    let n = posts.len().div_ceil(PAGE_CARDS);
    let paths: Vec<OutPath> = (1..=n)
        .map(|k| routes::board_column(status.name(), k))
        .collect();
    let mut out = Vec::with_capacity(n);
    for (k, (chunk, path)) in posts.chunks(PAGE_CARDS).zip(&paths).enumerate() {
        let mut slots = Slots::new();
        let pages = if n > 1 {
            paths
                .iter()
                .enumerate()
                .map(|(j, p)| PageLink {
                    href: routes::href(path, p),
                    label: (j + 1).to_string(),
                    count: None,
                    current: j == k,
                })
                .collect()
        } else {
            Vec::new()
        };
        let title = if n > 1 {
            format!(
                "{} · {label} · {}",
                ctx.label("board"),
                i18n::page_of(ctx.lang, k + 1, n)
            )
        } else {
            format!("{} · {label}", ctx.label("board"))
        };
        let view = BoardView {
            frame: ctx.frame(path, title, "board"),
            columns: vec![Column {
                id: status.name(),
                label,
                count: posts.len(),
                cards: ctx.chips(&mut slots, chunk.iter().copied(), ChipKind::Board)?,
                more: None,
            }],
            back: Some(routes::href(path, &routes::board())),
            pages,
        };
        out.push(slots.page(path.clone(), ctx.render("board", &view)?));
    }
    Ok(out)
}
