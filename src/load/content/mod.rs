//! The content model (SPEC §3): posts, calendar entries, audit notes and veille notes, and what reading
//! their front matter shares. Finding and reading the files is `super::store`.

pub mod audit;
pub mod body;
pub mod dates;
pub mod entry;
pub mod frontmatter;
pub mod post;
pub mod veille;

pub use audit::Audit;
pub use dates::When;
pub use entry::{Entry, EntryKind};
pub use post::{Media, Post, Status};
pub use veille::{Note, NoteStatus, Tone, VeilleKind};

use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos, Severity};
use crate::load::config::Config;
use crate::load::yaml::{Fields, PosIndex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Post,
    Entry,
    Audit,
    Veille,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Post, Kind::Entry, Kind::Audit, Kind::Veille];

    pub fn folder(self) -> &'static str {
        match self {
            Kind::Post => "content/posts",
            Kind::Entry => "content/calendar",
            Kind::Audit => "content/audits",
            Kind::Veille => "content/veille",
        }
    }
}

/// What every content file has: its id, path, key positions and ignore comments.
#[derive(Debug, Clone, Default)]
pub struct Common {
    pub id: String,
    /// Project-relative, `/`-separated.
    pub file: String,
    /// The opening `---` (where missing fields are reported).
    pub start: Pos,
    pub index: PosIndex,
}

pub struct ReadContext<'a> {
    pub config: &'a Config,
}

/// A required text field: absent → `frontmatter/missing-field` at the opening `---`.
pub(crate) fn required_string(
    f: &mut Fields<'_>,
    key: &str,
    what: &dyn Fn() -> String,
    start: Pos,
) -> Option<String> {
    let present = f.raw(key).is_some();
    let v = f.string(key);
    match v {
        Some(s) if !s.trim().is_empty() => Some(s),
        _ if present && v.is_none() => None,
        _ => {
            let pos = if present { f.pos(key) } else { start };
            f.diags.push(
                Diagnostic::new(
                    Code::FrontmatterMissingField,
                    f.file,
                    pos,
                    t!(f.lang, "field-missing", key = key, what = what()),
                )
                .with_help(t!(f.lang, "field-missing-help", key = key))
                .with_span(3),
            );
            None
        }
    }
}

pub(crate) fn read_date(f: &mut Fields<'_>, key: &str, ctx: &ReadContext<'_>) -> Option<When> {
    let text = f.string(key)?;
    let pos = f.index.value_pos(&f.key_path(key));
    match dates::parse(
        &text,
        &ctx.config.timezone,
        &ctx.config.timezone_name,
        ctx.config.language,
    ) {
        Ok((w, warning)) => {
            if let Some(p) = warning {
                f.diags.push(
                    Diagnostic::new(Code::FrontmatterDate, f.file, pos, p.message)
                        .with_severity(Severity::Warning)
                        .with_help(p.help)
                        .with_span(text.chars().count()),
                );
            }
            Some(w)
        }
        Err(p) => {
            f.diags.push(
                Diagnostic::new(Code::FrontmatterDate, f.file, pos, p.message)
                    .with_help(p.help)
                    .with_span(text.chars().count()),
            );
            None
        }
    }
}
