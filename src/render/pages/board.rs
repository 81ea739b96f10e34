//! The board (`board/index.html`): posts by status, the review queue first.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{ChipKind, Ctx};
use crate::load::content::Status;
use crate::render::html::Slots;
use crate::render::views::Frame;
use crate::render::{OutFile, PostRef, ThemeError, i18n};
use crate::routes;

#[derive(Serialize)]
struct BoardView {
    #[serde(flatten)]
    frame: Frame,
    columns: Vec<Column>,
}

#[derive(Serialize)]
struct Column {
    id: &'static str,
    label: &'static str,
    count: usize,
    /// The cards (a slot marker).
    cards: String,
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

pub fn page(ctx: &Ctx<'_>) -> Result<OutFile, ThemeError> {
    let path = routes::board();
    let mut slots = Slots::new();
    let mut by_status: BTreeMap<Status, Vec<&PostRef<'_>>> = BTreeMap::new();
    for p in &ctx.sorted {
        by_status.entry(p.post.status).or_default().push(p);
    }
    let mut columns = Vec::new();
    for s in ORDER {
        let posts = by_status.remove(&s).unwrap_or_default();
        columns.push(Column {
            id: s.name(),
            label: i18n::status(ctx.lang, s.name()),
            count: posts.len(),
            cards: ctx.chips(&mut slots, posts, ChipKind::Board)?,
        });
    }
    let view = BoardView {
        frame: ctx.frame(&path, ctx.label("board"), "board"),
        columns,
    };
    Ok(slots.page(path, ctx.render("board", &view)?))
}
