//! Loading content: discovery, front matter, and the three kinds of SPEC §3.
//! Every file is read on its own (in parallel); a broken file yields diagnostics, never a stop.

pub mod audit;
pub mod body;
pub mod dates;
pub mod entry;
pub mod frontmatter;
pub mod post;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use audit::Audit;
pub use dates::When;
pub use entry::{Entry, EntryKind};
pub use post::{Media, Post, Status};

use crate::diagnostics::{Code, Diagnostic, Pos, Severity};
use crate::load::config::Config;
use crate::load::yaml::{self, Fields, PosIndex};

/// Files larger than this are refused: front matter and a post are a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Post,
    Entry,
    Audit,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Post, Kind::Entry, Kind::Audit];

    pub fn folder(self) -> &'static str {
        match self {
            Kind::Post => "content/posts",
            Kind::Entry => "content/calendar",
            Kind::Audit => "content/audits",
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

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Content {
    pub posts: Vec<Post>,
    pub entries: Vec<Entry>,
    pub audits: Vec<Audit>,
    /// Text of every file read, for diagnostics' source lines.
    pub sources: BTreeMap<String, String>,
    /// file → line → codes silenced on that line.
    pub ignores: BTreeMap<String, BTreeMap<usize, Vec<String>>>,
    pub files: usize,
}

/// Strips a BOM and turns CRLF into LF: both are valid, neither should matter.
pub fn normalise_text(text: &str) -> String {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    if t.contains('\r') {
        t.replace("\r\n", "\n")
    } else {
        t.to_string()
    }
}

/// A required text field: absent → `frontmatter/missing-field` at the opening `---`.
pub(crate) fn required_string(
    f: &mut Fields<'_>,
    key: &str,
    what: &str,
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
                    format!("`{key}` is missing or empty ({what})"),
                )
                .with_help(format!("add a line `{key}: …` to the front matter"))
                .with_span(3),
            );
            None
        }
    }
}

pub(crate) fn read_date(f: &mut Fields<'_>, key: &str, ctx: &ReadContext<'_>) -> Option<When> {
    let text = f.string(key)?;
    let pos = f.index.value_pos(&f.key_path(key));
    match dates::parse(&text, &ctx.config.timezone, &ctx.config.timezone_name) {
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

/// Editor droppings and hidden files are never content.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.contains("___jb_")
}

/// The content files of one kind, sorted by path.
pub fn discover(root: &Path, kind: Kind, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let dir = root.join(kind.folder());
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        match entry {
            Ok(e) => {
                let is_md = e
                    .path()
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("md"));
                if is_md && !e.file_type().is_dir() {
                    out.push(e.into_path());
                }
            }
            Err(err) => {
                let file = err
                    .path()
                    .map(|p| rel_path(root, p))
                    .unwrap_or_else(|| kind.folder().to_string());
                diags.push(
                    Diagnostic::new(
                        Code::FileRead,
                        &file,
                        Pos::START,
                        format!("cannot read: {err}"),
                    )
                    .with_help("check the file's permissions"),
                );
            }
        }
    }
    out
}

/// Project-relative, `/`-separated.
pub fn rel_path(root: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(root).unwrap_or(p);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

pub(crate) enum Item {
    Post(Box<Post>),
    Entry(Box<Entry>),
    Audit(Box<Audit>),
}

/// One file as read: its text, what it holds, its ignore comments and its problems.
pub(crate) struct FileResult {
    pub file: String,
    pub text: Option<String>,
    pub item: Option<Item>,
    pub ignores: BTreeMap<usize, Vec<String>>,
    pub diags: Vec<Diagnostic>,
}

/// Reads a file as text, or says why it is not text.
pub fn read_text(path: &Path, file: &str) -> Result<String, Box<Diagnostic>> {
    let meta = std::fs::metadata(path).map_err(|e| {
        Box::new(Diagnostic::new(
            Code::FileRead,
            file,
            Pos::START,
            format!("cannot read the file: {e}"),
        ))
    })?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::new(
                Code::FileTooLarge,
                file,
                Pos::START,
                format!(
                    "the file is {} MB: trame reads content files up to {} MB",
                    meta.len() / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            )
            .with_help(
                "a post is a few kilobytes: is this the right file? Put big files under media/",
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Box::new(Diagnostic::new(
            Code::FileRead,
            file,
            Pos::START,
            format!("cannot read the file: {e}"),
        ))
    })?;
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(Box::new(
            Diagnostic::new(
                Code::FileEncoding,
                file,
                Pos::START,
                "this is a binary file, not Markdown text",
            )
            .with_help("only Markdown (.md) text files belong in content/: move images to media/"),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(t) => Ok(normalise_text(&t)),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let prefix = String::from_utf8_lossy(valid);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(Box::new(Diagnostic::new(
                Code::FileEncoding,
                file,
                Pos::new(line, column),
                "the file is not UTF-8 text (an invalid byte is here)",
            )
            .with_help(
                "save the file as UTF-8 in your editor (often Latin-1 / Windows-1252 slipped in)",
            )))
        }
    }
}

pub(crate) fn read_one(root: &Path, path: &Path, kind: Kind, config: &Config) -> FileResult {
    let file = rel_path(root, path);
    let mut diags = Vec::new();
    let mut res = FileResult {
        file: file.clone(),
        text: None,
        item: None,
        ignores: BTreeMap::new(),
        diags: Vec::new(),
    };
    let text = match read_text(path, &file) {
        Ok(t) => t,
        Err(d) => {
            res.diags.push(*d);
            return res;
        }
    };
    res.ignores = body::ignores(&text);
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parsed = match frontmatter::split(&text, &file) {
        Ok(split) => Some((
            split.yaml_line,
            split.body_line,
            split.yaml.to_string(),
            split.body.to_string(),
        )),
        Err(d) => {
            diags.push(*d);
            None
        }
    };
    if let Some((yaml_line, body_line, yaml_text, body_text)) = parsed {
        match yaml::parse(&yaml_text, yaml_line) {
            Err(errs) => {
                for e in errs {
                    diags.push(
                        Diagnostic::new(Code::FrontmatterSyntax, &file, e.pos, e.message)
                            .with_help("check the indentation and the `key: value` form of this line; quote values that contain `: ` or start with a special character"),
                    );
                }
            }
            Ok(doc) => {
                let common = Common {
                    id,
                    file: file.clone(),
                    start: Pos::START,
                    index: doc.index,
                };
                let ctx = ReadContext { config };
                res.item = match kind {
                    Kind::Post => {
                        post::read(common, &doc.value, &body_text, body_line, &ctx, &mut diags)
                            .map(|p| Item::Post(Box::new(p)))
                    }
                    Kind::Entry => {
                        entry::read(common, &doc.value, &body_text, body_line, &ctx, &mut diags)
                            .map(|e| Item::Entry(Box::new(e)))
                    }
                    Kind::Audit => {
                        audit::read(common, &doc.value, &body_text, body_line, &ctx, &mut diags)
                            .map(|a| Item::Audit(Box::new(a)))
                    }
                };
            }
        }
    }
    res.text = Some(text);
    res.diags = diags;
    res
}

/// Reads every content file of the project, in parallel.
pub fn load(config: &Config, diags: &mut Vec<Diagnostic>) -> Content {
    let root = &config.root;
    let mut files = Vec::new();
    for kind in Kind::ALL {
        for p in discover(root, kind, diags) {
            files.push((p, kind));
        }
    }
    let results: Vec<FileResult> = files
        .par_iter()
        .map(|(p, kind)| read_one(root, p, *kind, config))
        .collect();
    let mut content = Content {
        files: results.len(),
        ..Content::default()
    };
    for r in results {
        diags.extend(r.diags);
        if let Some(t) = r.text {
            content.sources.insert(r.file.clone(), t);
        }
        if !r.ignores.is_empty() {
            content.ignores.insert(r.file.clone(), r.ignores);
        }
        match r.item {
            Some(Item::Post(p)) => content.posts.push(*p),
            Some(Item::Entry(e)) => content.entries.push(*e),
            Some(Item::Audit(a)) => content.audits.push(*a),
            None => {}
        }
    }
    content
}

/// The order `discover` yields files in (by path component), so that a post re-read in watch
/// mode takes the place a full load gives it.
pub fn path_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.split('/').cmp(b.split('/'))
}

/// Two files of one kind with the same id (ids come from file names).
pub fn duplicates(content: &Content) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    report_duplicates(content.posts.iter().map(|p| &p.common), &mut diags);
    report_duplicates(content.entries.iter().map(|e| &e.common), &mut diags);
    report_duplicates(content.audits.iter().map(|a| &a.common), &mut diags);
    diags
}

fn report_duplicates<'a>(items: impl Iterator<Item = &'a Common>, diags: &mut Vec<Diagnostic>) {
    // One sorted list rather than a map of lists: this runs over every post on every save.
    let mut ids: Vec<(&str, &str)> = items.map(|c| (c.id.as_str(), c.file.as_str())).collect();
    ids.sort_unstable();
    for same in ids.chunk_by(|a, b| a.0 == b.0) {
        let Some(((id, first), rest)) = same.split_first() else {
            continue;
        };
        for (_, f) in rest {
            diags.push(
                Diagnostic::new(
                    Code::FrontmatterDuplicateId,
                    f,
                    Pos::START,
                    format!("the id `{id}` is already used by {first}"),
                )
                .with_help("ids come from file names: rename one of the two files"),
            );
        }
    }
}
