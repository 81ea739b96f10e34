//! The editorial workflow: dates, reviews and overdue posts.

use super::Context;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::content::{Post, Status};

pub fn check(post: &Post, ctx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    let file = post.file();
    let status_pos = post.index().pos("status");
    if post.status >= Status::Approved {
        if post.date.is_none() && post.index().has("date") {
            // The date is there but invalid: frontmatter/date already says so.
        } else if post.date.is_none() {
            diags.push(
                Diagnostic::new(
                    Code::WorkflowDateMissing,
                    file,
                    status_pos,
                    format!("the post is `{}` but has no `date`", post.status.name()),
                )
                .with_help("add `date: 2026-12-03T09:30` (when it goes out), or set the status back to `review`"),
            );
        }
        match (&post.reviewer, &post.author) {
            (None, _) => diags.push(
                Diagnostic::new(
                    Code::WorkflowReviewerMissing,
                    file,
                    status_pos,
                    format!("the post is `{}` but nobody reviewed it", post.status.name()),
                )
                .with_help("add `reviewer: <name>` (someone other than the author), or set the status back to `review`"),
            ),
            (Some(r), Some(a)) if r.trim().to_lowercase() == a.trim().to_lowercase() => diags.push(
                Diagnostic::new(
                    Code::WorkflowSelfReview,
                    file,
                    post.index().value_pos("reviewer"),
                    format!("{r} is both the author and the reviewer"),
                )
                .with_help("ask a colleague to proof-read the post and set them as `reviewer`"),
            ),
            _ => {}
        }
    }
    if let Some(date) = &post.date
        && date.date() < ctx.today
        && post.status != Status::Published
    {
        diags.push(
            Diagnostic::new(
                Code::WorkflowOverdue,
                file,
                post.index().value_pos("date"),
                format!(
                    "the date {} is past and the post is still `{}`",
                    date.date(),
                    post.status.name()
                ),
            )
            .with_help("set `status: published` if it went out, or move it to a new date"),
        );
    }
}
