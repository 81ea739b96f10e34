//! Finding and reading content files. Every file is read on its own (in parallel, by the
//! engine); a broken file gives a record with its problems, never a stop. A post that cannot
//! be read is still a post: a stub with what could be made out of it (its title and date if a
//! line says so, else its file name), so the calendar, the board and the list show it with its
//! errors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::config::{Config, Language};
use super::content::{self, Audit, Common, Entry, Kind, Note, Post, ReadContext, Status, When};
use super::yaml;
use crate::base::fs::ReadError;
use crate::base::l10n::t;
use crate::base::paths::{is_ignored_name, rel_path};
use crate::diagnostics::{Code, Diagnostic, Pos};

/// Files larger than this are refused: front matter and a post are a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// What a content file holds once read.
#[derive(Debug, Clone)]
pub enum Item {
    Post(Box<Post>),
    Entry(Box<Entry>),
    Audit(Box<Audit>),
    Veille(Box<Note>),
    /// A calendar entry or audit note that could not be read (its problems say why).
    None,
}

/// One content file as read: its text, what it holds, its ignore comments and its problems.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Project-relative, `/`-separated: the record's key.
    pub file: String,
    pub kind: Kind,
    /// The file stem.
    pub id: String,
    /// The text (BOM and CRLF normalised), for the source lines of diagnostics.
    pub source: Option<Arc<str>>,
    pub item: Item,
    /// The front matter could not be read: the post is a stub made from the file.
    pub broken: bool,
    /// line → codes silenced on that line.
    pub ignores: BTreeMap<usize, Vec<String>>,
    /// Problems found reading the file.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn post(&self) -> Option<&Post> {
        match &self.item {
            Item::Post(p) => Some(p),
            _ => None,
        }
    }

    pub fn entry(&self) -> Option<&Entry> {
        match &self.item {
            Item::Entry(e) => Some(e),
            _ => None,
        }
    }

    pub fn audit(&self) -> Option<&Audit> {
        match &self.item {
            Item::Audit(a) => Some(a),
            _ => None,
        }
    }

    pub fn note(&self) -> Option<&Note> {
        match &self.item {
            Item::Veille(n) => Some(n),
            _ => None,
        }
    }
}

/// The folders of `content/` trame knows (`veille` holds monitoring notes, SPEC §3.4).
pub const KNOWN_FOLDERS: &[&str] = &["posts", "calendar", "audits", "veille"];

/// Folders and files directly in `content/` that trame does not read.
fn unknown_in_content(root: &Path, lang: Language) -> Vec<Diagnostic> {
    let Ok(entries) = std::fs::read_dir(root.join("content")) else {
        return Vec::new();
    };
    let mut names: Vec<(String, bool)> = entries
        .flatten()
        .map(|e| {
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            (e.file_name().to_string_lossy().into_owned(), is_dir)
        })
        .filter(|(n, _)| !is_ignored_name(n))
        .filter(|(n, is_dir)| !(*is_dir && KNOWN_FOLDERS.contains(&n.as_str())))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|(name, is_dir)| {
            let file = format!("content/{name}");
            let known = KNOWN_FOLDERS
                .iter()
                .map(|k| format!("content/{k}/"))
                .collect::<Vec<_>>()
                .join(", ");
            let (message, help) = if is_dir {
                let close = crate::diagnostics::did_you_mean(&name, KNOWN_FOLDERS.iter().copied());
                (
                    t!(lang, "file-unknown-folder", folder = file.as_str()),
                    match close {
                        Some(k) => t!(
                            lang,
                            "file-unknown-folder-close",
                            folder = k,
                            known = known.as_str()
                        ),
                        None => t!(lang, "file-unknown-folder-help", known = known.as_str()),
                    },
                )
            } else {
                (
                    t!(lang, "file-outside-folders", file = file.as_str()),
                    t!(lang, "file-outside-folders-help", known = known.as_str()),
                )
            };
            Diagnostic::new(Code::FileUnknownFolder, &file, Pos::START, message).with_help(help)
        })
        .collect()
}

/// Reports the control characters of a text (ESC, vertical tab, C1 controls…: invisible, and
/// strict readers of the feeds and pages refuse them) and replaces each with a space, so that
/// positions stay where they are and nothing trame writes holds one.
fn control_characters(text: &mut String, file: &str, diags: &mut Vec<Diagnostic>, lang: Language) {
    let is_control = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(is_control) {
        return;
    }
    let (mut line, mut column) = (1, 1);
    let mut clean = String::with_capacity(text.len());
    for c in text.chars() {
        if is_control(c) {
            diags.push(
                Diagnostic::new(
                    Code::FileControlCharacter,
                    file,
                    Pos::new(line, column),
                    t!(
                        lang,
                        "file-control-character",
                        code = format!("U+{:04X}", u32::from(c))
                    ),
                )
                .with_help(t!(lang, "file-control-character-help")),
            );
            clean.push(' ');
        } else {
            clean.push(c);
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    *text = clean;
}

/// The content files of the project, in path order ([`crate::base::paths::path_order`]: the
/// order the engine keeps its records in), with the problems of finding them.
pub fn discover(root: &Path, lang: Language) -> (Vec<(PathBuf, Kind)>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    for kind in Kind::ALL {
        let dir = root.join(kind.folder());
        if !dir.is_dir() {
            continue;
        }
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
                        files.push((e.into_path(), kind));
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
                            t!(lang, "file-read-folder", error = err.to_string()),
                        )
                        .with_help(t!(lang, "file-read-folder-help")),
                    );
                }
            }
        }
    }
    diags.extend(unknown_in_content(root, lang));
    files.sort_by_cached_key(|(p, _)| {
        rel_path(root, p)
            .split('/')
            .map(str::to_string)
            .collect::<Vec<_>>()
    });
    (files, diags)
}

/// Every veille note of the project, read (in parallel), in path order: for `trame new post
/// --from` and for `trame veille`, which must know the notes already written.
pub fn notes(root: &Path, config: &Config) -> Vec<Loaded> {
    use rayon::prelude::*;
    let (files, _) = discover(root, config.language);
    files
        .par_iter()
        .filter(|(_, k)| *k == Kind::Veille)
        .map(|(p, k)| read(root, p, *k, config))
        .collect()
}

/// The kind of content a project-relative path holds, if it is a content file.
pub fn kind_of(file: &str) -> Option<Kind> {
    Kind::ALL
        .into_iter()
        .find(|k| file.starts_with(k.folder()) && file[k.folder().len()..].starts_with('/'))
}

/// Reads a file as text, or says why it is not text.
fn read_text(
    root: &Path,
    path: &Path,
    file: &str,
    lang: Language,
) -> Result<String, Box<Diagnostic>> {
    let bytes = crate::base::fs::read(root, path, MAX_FILE_BYTES).map_err(|e| {
        Box::new(match e {
            ReadError::TooLarge { size, cap } => Diagnostic::new(
                Code::FileTooLarge,
                file,
                Pos::START,
                t!(
                    lang,
                    "file-too-large",
                    size = size / (1024 * 1024),
                    cap = cap / (1024 * 1024)
                ),
            )
            .with_help(t!(lang, "file-too-large-help")),
            ReadError::Outside => {
                Diagnostic::new(Code::FileRead, file, Pos::START, t!(lang, "file-outside"))
                    .with_help(t!(lang, "file-outside-help"))
            }
            other => Diagnostic::new(
                Code::FileRead,
                file,
                Pos::START,
                t!(lang, "file-read", error = other.reason(lang)),
            )
            .with_help(t!(lang, "file-read-help")),
        })
    })?;
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(Box::new(
            Diagnostic::new(
                Code::FileEncoding,
                file,
                Pos::START,
                t!(lang, "file-binary"),
            )
            .with_help(t!(lang, "file-binary-help")),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(t) => Ok(crate::base::text::normalise(&t)),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let prefix = String::from_utf8_lossy(valid);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(Box::new(
                Diagnostic::new(
                    Code::FileEncoding,
                    file,
                    Pos::new(line, column),
                    t!(lang, "file-encoding"),
                )
                .with_help(t!(lang, "file-encoding-help")),
            ))
        }
    }
}

/// Reads one content file into its record.
pub fn read(root: &Path, path: &Path, kind: Kind, config: &Config) -> Loaded {
    let file = rel_path(root, path);
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut diags = Vec::new();
    let lang = config.language;
    if file.contains(char::is_control) {
        // A line break or an ESC in a name breaks terminals, links and lists that read one name
        // per line; trame encodes it everywhere it writes the name, and says so.
        diags.push(
            Diagnostic::new(
                Code::FileControlCharacter,
                &file,
                Pos::START,
                t!(lang, "file-name-control-character"),
            )
            .with_help(t!(lang, "file-name-control-character-help")),
        );
    }
    let mut loaded = Loaded {
        file: file.clone(),
        kind,
        id: id.clone(),
        source: None,
        item: Item::None,
        broken: true,
        ignores: BTreeMap::new(),
        diagnostics: Vec::new(),
    };
    let common = |index| Common {
        id: id.clone(),
        file: file.clone(),
        start: Pos::START,
        index,
    };
    let text = match read_text(root, path, &file, lang) {
        Ok(mut t) => {
            control_characters(&mut t, &file, &mut diags, lang);
            t
        }
        Err(d) => {
            diags.push(*d);
            loaded.diagnostics = diags;
            if kind == Kind::Post {
                loaded.item = Item::Post(Box::new(Post::stub(common(Default::default()), None)));
            }
            return loaded;
        }
    };
    loaded.ignores = content::body::ignores(&text);
    let item = match content::frontmatter::split(&text, &file, lang) {
        Err(d) => {
            diags.push(*d);
            None
        }
        Ok(split) if !indent_tabs(split.yaml, split.yaml_line, &file, &mut diags, lang) => None,
        Ok(split) => match yaml::parse(split.yaml, split.yaml_line, lang) {
            Err(errs) => {
                for e in errs {
                    diags.push(yaml_problem(split.yaml, split.yaml_line, &file, e, lang));
                }
                None
            }
            Ok(doc) => {
                let ctx = ReadContext { config };
                let c = common(doc.index);
                let (body, line) = (split.body, split.body_line);
                match kind {
                    Kind::Post => content::post::read(c, &doc.value, body, line, &ctx, &mut diags)
                        .map(|p| Item::Post(Box::new(p))),
                    Kind::Entry => {
                        content::entry::read(c, &doc.value, body, line, &ctx, &mut diags)
                            .map(|e| Item::Entry(Box::new(e)))
                    }
                    Kind::Audit => {
                        content::audit::read(c, &doc.value, body, line, &ctx, &mut diags)
                            .map(|a| Item::Audit(Box::new(a)))
                    }
                    Kind::Veille => {
                        content::veille::read(c, &doc.value, body, line, &ctx, &mut diags)
                            .map(|n| Item::Veille(Box::new(n)))
                    }
                }
            }
        },
    };
    loaded.broken = item.is_none();
    loaded.item = match item {
        Some(i) => i,
        None if kind == Kind::Post => Item::Post(Box::new(Post::stub(
            common(Default::default()),
            Some((&text, config)),
        ))),
        None => Item::None,
    };
    loaded.source = Some(text.into());
    loaded.diagnostics = diags;
    loaded
}

/// Tabs used to indent front-matter lines: YAML refuses them, and its parser reports them on
/// another line with a puzzling message. Each is reported where it is; returns whether there
/// were none.
fn indent_tabs(
    yaml: &str,
    first_line: usize,
    file: &str,
    diags: &mut Vec<Diagnostic>,
    lang: Language,
) -> bool {
    let mut clean = true;
    for (i, line) in yaml.lines().enumerate() {
        let indent = &line[..line.len() - line.trim_start().len()];
        if let Some(col) = indent.chars().position(|c| c == '\t') {
            clean = false;
            diags.push(
                Diagnostic::new(
                    Code::FrontmatterSyntax,
                    file,
                    Pos::new(first_line + i, col + 1),
                    t!(lang, "frontmatter-tab"),
                )
                .with_help(t!(lang, "frontmatter-tab-help")),
            );
        }
    }
    clean
}

/// A YAML error, said the way someone who does not know YAML understands it where the
/// mistake is a classic one: a `: ` inside a value (a title with a colon).
fn yaml_problem(
    yaml: &str,
    first_line: usize,
    file: &str,
    e: yaml::YamlError,
    lang: Language,
) -> Diagnostic {
    let line = e
        .pos
        .line
        .checked_sub(first_line)
        .and_then(|i| yaml.lines().nth(i))
        .unwrap_or_default();
    if e.colon
        && let Some((key, value)) = line.split_once(": ")
        && !key.trim().is_empty()
        && !key.trim_start().starts_with('-')
        && value.contains(": ")
    {
        let key = key.trim();
        let value = value.trim();
        return Diagnostic::new(
            Code::FrontmatterSyntax,
            file,
            e.pos,
            t!(lang, "frontmatter-colon", key = key),
        )
        .with_help(t!(
            lang,
            "frontmatter-colon-help",
            key = key,
            value = value.trim_matches('"').replace('"', "\\\"")
        ))
        .with_span(1);
    }
    Diagnostic::new(Code::FrontmatterSyntax, file, e.pos, e.message)
        .with_help(t!(lang, "frontmatter-syntax-help"))
}

/// What can be made out of the front matter of a file that does not parse: the values of
/// top-level `title:`, `date:` and `status:` lines, if they read as such.
pub struct Salvage {
    pub title: Option<String>,
    pub date: Option<When>,
    pub status: Option<Status>,
}

/// Reads `title:`, `date:` and `status:` lines at the top of a broken front matter.
pub fn salvage(text: &str, config: &Config) -> Salvage {
    let mut s = Salvage {
        title: None,
        date: None,
        status: None,
    };
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return s;
    }
    for line in lines.take(200) {
        if matches!(line.trim_end(), "---" | "...") {
            break;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key {
            "title" => s.title = Some(value.to_string()),
            "date" => {
                s.date = content::dates::parse(
                    value,
                    &config.timezone,
                    &config.timezone_name,
                    config.language,
                )
                .ok()
                .map(|(w, _)| w)
            }
            "status" => s.status = Status::parse(value),
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_front_matter_still_gives_its_title_and_date() {
        let config = Config::defaults(Path::new("/p"));
        let s = salvage(
            "---\ntitle: Concours : gagnez une nuit\ndate: 2026-12-03\nstatus: review\nnetworks: [x\n---\n",
            &config,
        );
        assert_eq!(s.title.as_deref(), Some("Concours : gagnez une nuit"));
        assert_eq!(
            s.date.map(|d| d.date().to_string()).as_deref(),
            Some("2026-12-03")
        );
        assert_eq!(s.status, Some(Status::Review));
        assert!(salvage("no front matter", &config).title.is_none());
    }

    #[test]
    fn control_characters_are_reported_and_become_spaces() {
        let mut text = "a\u{1b}[31mb\nc\u{b}d\te".to_string();
        let mut diags = Vec::new();
        control_characters(&mut text, "f.md", &mut diags, Language::En);
        assert_eq!(text, "a [31mb\nc d\te");
        let at: Vec<(usize, usize)> = diags.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(1, 2), (2, 2)]);
    }

    #[test]
    fn content_kinds_by_folder() {
        assert_eq!(kind_of("content/posts/a.md"), Some(Kind::Post));
        assert_eq!(kind_of("content/calendar/2026/a.md"), Some(Kind::Entry));
        assert_eq!(kind_of("content/postsx/a.md"), None);
        assert_eq!(kind_of("trame.yaml"), None);
    }
}
