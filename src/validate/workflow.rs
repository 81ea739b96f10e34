//! The editorial workflow: dates, reviews and overdue posts.

use super::Context;
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::content::{Post, Status};

pub fn check(post: &Post, ctx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    let file = post.file();
    let lang = ctx.config.language;
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
                    t!(lang, "workflow-date-missing", status = post.status.name()),
                )
                .with_help(t!(lang, "workflow-date-missing-help")),
            );
        }
        match (&post.reviewer, &post.author) {
            (None, _) => diags.push(
                Diagnostic::new(
                    Code::WorkflowReviewerMissing,
                    file,
                    status_pos,
                    t!(
                        lang,
                        "workflow-reviewer-missing",
                        status = post.status.name()
                    ),
                )
                .with_help(t!(lang, "workflow-reviewer-missing-help")),
            ),
            (Some(r), Some(a)) if r.trim().to_lowercase() == a.trim().to_lowercase() => diags.push(
                Diagnostic::new(
                    Code::WorkflowSelfReview,
                    file,
                    post.index().value_pos("reviewer"),
                    t!(lang, "workflow-self-review", person = r.as_str()),
                )
                .with_help(t!(lang, "workflow-self-review-help")),
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
                t!(
                    lang,
                    "workflow-overdue",
                    date = crate::base::l10n::long_date(lang, date.date()),
                    status = post.status.name()
                ),
            )
            .with_help(t!(lang, "workflow-overdue-help")),
        );
    }
}
