//! `trame init` and `trame new`: files with the right front matter, never over existing ones.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::base::l10n::t;
use crate::diagnostics::did_you_mean;
use crate::load::config::{CONFIG_FILE, Config, Language};
use crate::load::content::dates;

#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error(
        "{0} already exists: trame never overwrites a file\nhelp: choose another title, or delete the file first"
    )]
    Exists(PathBuf),
    #[error(
        "{path} already holds a trame project (trame.yaml)\nhelp: run trame in it, or init another folder"
    )]
    AlreadyProject { path: PathBuf },
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(String),
}

/// What `trame new` creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKind {
    Post,
    Entry,
    Audit,
    Veille,
}

/// What `trame new` is asked for.
pub struct NewRequest<'a> {
    pub kind: NewKind,
    /// None: the title of the note of `from`.
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub networks: Option<&'a str>,
    /// `--kind` of a veille note.
    pub veille_kind: Option<&'a str>,
    /// `--from`: the veille note a post starts from.
    pub from: Option<&'a crate::load::content::Note>,
    pub today: Date,
}

fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    if path.exists() {
        return Err(ScaffoldError::Exists(path.to_path_buf()));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| ScaffoldError::Io {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    // create_new: never replace a file that appeared in the meantime.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AlreadyExists => ScaffoldError::Exists(path.to_path_buf()),
            _ => ScaffoldError::Io {
                path: path.to_path_buf(),
                source,
            },
        })
}

fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in vars {
        out = out.replace(&format!("{{{{{k}}}}}"), v);
    }
    out
}

/// YAML-safe double-quoted text, on one line: a line break (or any control character) could
/// end the front matter early (`---` on a line of its own), so it becomes a space.
fn quote_inner(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
}

/// `trame init [DIR]`: a project with config, charter, and one example of each kind.
/// The files `init` and `new` start from, in the project's language.
struct Templates {
    trame: &'static str,
    charter: &'static str,
    example_post: &'static str,
    example_entry: &'static str,
    audit: &'static str,
    post: &'static str,
    entry: &'static str,
    veille: &'static str,
    example_veille: &'static str,
    /// Where the example post and campaign go, and the audit's title.
    welcome: &'static str,
    launch: &'static str,
    audit_title: &'static str,
    untitled: &'static str,
    veille_example: &'static str,
}

fn templates(language: Language) -> Templates {
    match language {
        Language::Fr => Templates {
            trame: include_str!("scaffold/trame.yaml"),
            charter: include_str!("scaffold/charter.yaml"),
            example_post: include_str!("scaffold/example-post.md"),
            example_entry: include_str!("scaffold/example-entry.md"),
            audit: include_str!("scaffold/audit.md"),
            post: include_str!("scaffold/post.md"),
            entry: include_str!("scaffold/entry.md"),
            veille: include_str!("scaffold/veille.md"),
            example_veille: include_str!("scaffold/example-veille.md"),
            welcome: "bienvenue",
            launch: "lancement",
            audit_title: "État des lieux",
            untitled: "sans-titre",
            veille_example: "instagram-carrousels-20-images",
        },
        Language::En => Templates {
            trame: include_str!("scaffold/en/trame.yaml"),
            charter: include_str!("scaffold/en/charter.yaml"),
            example_post: include_str!("scaffold/en/example-post.md"),
            example_entry: include_str!("scaffold/en/example-entry.md"),
            audit: include_str!("scaffold/en/audit.md"),
            post: include_str!("scaffold/en/post.md"),
            entry: include_str!("scaffold/en/entry.md"),
            veille: include_str!("scaffold/en/veille.md"),
            example_veille: include_str!("scaffold/en/example-veille.md"),
            welcome: "welcome",
            launch: "launch",
            audit_title: "Audit",
            untitled: "untitled",
            veille_example: "instagram-carousels-20-images",
        },
    }
}

pub fn init(dir: &Path, language: Language, today: Date) -> Result<Vec<PathBuf>, ScaffoldError> {
    let t = templates(language);
    if dir.join(CONFIG_FILE).exists() {
        return Err(ScaffoldError::AlreadyProject {
            path: dir.to_path_buf(),
        });
    }
    let name = std::path::absolute(dir)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "Mon organisation".into());
    let slug = slug::slugify(&name);
    let end = today
        .checked_add(jiff::Span::new().days(30))
        .unwrap_or(today);
    let date = today.to_string();
    let end = end.to_string();
    let lang = language.code();
    let files: Vec<(PathBuf, String)> = vec![
        (
            dir.join(CONFIG_FILE),
            fill(
                t.trame,
                &[
                    ("title", &quote_inner(&name)),
                    ("slug", &slug),
                    ("language", lang),
                ],
            ),
        ),
        (dir.join("charter.yaml"), t.charter.to_string()),
        (
            dir.join(format!(
                "content/posts/{}/{date}-{}.md",
                today.year(),
                t.welcome
            )),
            fill(t.example_post, &[("date", &date)]),
        ),
        (
            dir.join(format!("content/calendar/{}.md", t.launch)),
            fill(t.example_entry, &[("date", &date), ("end", &end)]),
        ),
        (
            dir.join(format!(
                "content/audits/{}.md",
                slug::slugify(t.audit_title)
            )),
            fill(t.audit, &[("title", t.audit_title), ("date", &date)]),
        ),
        (
            dir.join(format!(
                "content/veille/{:04}/{:02}/{}.md",
                today.year(),
                today.month(),
                t.veille_example
            )),
            fill(t.example_veille, &[("date", &date)]),
        ),
        (dir.join("media/.gitkeep"), String::new()),
        (
            dir.join(".gitignore"),
            include_str!("scaffold/gitignore").to_string(),
        ),
        (
            dir.join(".github/workflows/trame.yml"),
            fill(
                include_str!("scaffold/workflow.yml"),
                &[("action", &action_ref())],
            ),
        ),
    ];
    // The schemas editors check the files against (`trame schema` prints them again).
    let mut files = files;
    for kind in crate::validate::schema::Kind::ALL {
        let schema = crate::validate::schema::schema(kind, language);
        files.push((
            dir.join(kind.file()),
            crate::validate::schema::to_text(&schema),
        ));
    }
    let mut created = Vec::new();
    for (path, text) in files {
        if path.exists() {
            continue;
        }
        write_new(&path, &text)?;
        created.push(path);
    }
    Ok(created)
}

/// The GitHub Action of this release of trame (`owner/trame@v0.1.0`), from the package's
/// repository: the workflow `init` writes keeps to the trame it was written by.
pub fn action_ref() -> String {
    let repo = env!("CARGO_PKG_REPOSITORY")
        .trim_start_matches("https://github.com/")
        .trim_end_matches('/');
    format!("{repo}@v{}", env!("CARGO_PKG_VERSION"))
}

/// Parses `--networks a,b` against the project's networks.
pub fn parse_networks(list: &str, config: &Config) -> Result<Vec<String>, ScaffoldError> {
    let mut out = Vec::new();
    for raw in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match config.networks.get(raw) {
            Some(n) => out.push(n.id.clone()),
            None => {
                let lang = config.language;
                let hint = did_you_mean(raw, config.networks.ids())
                    .map(|s| t!(lang, "did-you-mean", name = s))
                    .unwrap_or_else(|| {
                        t!(
                            lang,
                            "cli-networks",
                            networks = config.networks.ids().collect::<Vec<_>>().join(", ")
                        )
                    });
                return Err(ScaffoldError::Invalid(format!(
                    "{}\nhelp: {hint}",
                    t!(lang, "network-unknown", network = raw)
                )));
            }
        }
    }
    Ok(out)
}

/// The networks a new post goes to when `--networks` is not given: those of trame.yaml that a
/// text alone can go out on (not Instagram, YouTube… which need an image or a video), so that a
/// new file checks clean.
pub fn default_networks(config: &Config) -> Vec<String> {
    let configured = &config.networks.configured;
    let text_only: Vec<String> = configured
        .iter()
        .filter(|id| config.networks.get(id).is_some_and(|n| !n.media.required))
        .cloned()
        .collect();
    match (text_only.is_empty(), configured.first()) {
        (false, _) => text_only,
        (true, Some(first)) => vec![first.clone()],
        (true, None) => vec!["linkedin".to_string()],
    }
}

/// Who is writing: `git config user.name`, if there is one.
fn git_user(root: &Path) -> Option<String> {
    let out = std::process::Command::new("git")
        .args(["config", "user.name"])
        .current_dir(root)
        .output()
        .ok()?;
    let name = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !name.is_empty()).then_some(name)
}

/// `trame new post|entry|audit|veille TITLE`.
pub fn new(config: &Config, req: &NewRequest<'_>) -> Result<PathBuf, ScaffoldError> {
    let NewRequest {
        kind,
        date,
        networks,
        today,
        from,
        ..
    } = *req;
    let lang = config.language;
    let title = req
        .title
        .or(from.map(|n| n.title.as_str()))
        .unwrap_or_default();
    // One line, single spaces: a title pasted with its line breaks stays a title.
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = title.as_str();
    if title.is_empty() {
        return Err(ScaffoldError::Invalid(format!(
            "{}\nhelp: trame new post \"{}\"",
            t!(config.language, "cli-new-no-title"),
            t!(config.language, "cli-new-title-example")
        )));
    }
    let when = match date {
        Some(d) => Some(
            dates::parse(d, &config.timezone, &config.timezone_name, config.language)
                .map_err(|p| ScaffoldError::Invalid(format!("{}\nhelp: {}", p.message, p.help)))?
                .0,
        ),
        None => None,
    };
    let day = when.as_ref().map_or(today, |w| w.date());
    let t = templates(config.language);
    let nets = match networks {
        Some(list) => parse_networks(list, config)?,
        None => default_networks(config),
    };
    let slug = {
        let s = slug::slugify(title);
        if s.is_empty() {
            t.untitled.to_string()
        } else {
            s
        }
    };
    let root = &config.root;
    let q = quote_inner(title);
    let (path, text) = match kind {
        NewKind::Post => {
            let date_line = match date {
                Some(d) => format!("date: {}\n", d.trim()),
                None => String::new(),
            };
            let author_line = git_user(root)
                .map(|a| format!("author: \"{}\"\n", quote_inner(&a)))
                .unwrap_or_default();
            let mut text = fill(
                t.post,
                &[
                    ("title", &q),
                    ("networks", &nets.join(", ")),
                    ("date_line", &date_line),
                    ("author_line", &author_line),
                ],
            );
            if let Some(n) = from {
                // The note's link and id go in after the template's own lines, and the body
                // says where the idea comes from (a comment: never published).
                let mut lines = String::new();
                if let Some((url, _)) = &n.url {
                    lines.push_str(&format!("link: \"{}\"\n", quote_inner(url)));
                }
                lines.push_str(&format!("sources: [{}]\n", n.id()));
                if let Some(end) = text.get(4..).and_then(|t| t.find("\n---")) {
                    text.insert_str(4 + end + 1, &lines);
                }
                let source = n.source.as_deref().unwrap_or(n.id());
                text.push_str(&format!(
                    "\n<!-- {} -->\n",
                    t!(
                        lang,
                        "cli-new-from-note",
                        title = n.title.replace("--", "—").as_str(),
                        source = source.replace("--", "—").as_str()
                    )
                ));
            }
            (
                root.join(format!("content/posts/{}/{day}-{slug}.md", day.year())),
                text,
            )
        }
        NewKind::Entry => (
            root.join(format!("content/calendar/{slug}.md")),
            fill(
                t.entry,
                &[
                    ("title", &q),
                    ("kind", "event"),
                    ("date", date.map(str::trim).unwrap_or(&day.to_string())),
                    ("networks", &nets.join(", ")),
                ],
            ),
        ),
        NewKind::Audit => (
            root.join(format!("content/audits/{day}-{slug}.md")),
            fill(t.audit, &[("title", &q), ("date", &day.to_string())]),
        ),
        NewKind::Veille => {
            let names = crate::load::content::VeilleKind::ALL.map(|k| k.name());
            let Some(text) = req.veille_kind else {
                return Err(ScaffoldError::Invalid(format!(
                    "{}\nhelp: {}",
                    t!(lang, "cli-new-veille-kind"),
                    t!(lang, "cli-new-veille-kind-help", kinds = names.join(", "))
                )));
            };
            let Some(k) = crate::load::content::VeilleKind::parse(text) else {
                return Err(ScaffoldError::Invalid(format!(
                    "{}\nhelp: {}",
                    t!(lang, "veille-choice", key = "kind", value = text),
                    t!(lang, "cli-new-veille-kind-help", kinds = names.join(", "))
                )));
            };
            (
                root.join(format!(
                    "content/veille/{:04}/{:02}/{slug}.md",
                    day.year(),
                    day.month()
                )),
                fill(
                    t.veille,
                    &[
                        ("title", &q),
                        ("kind", k.name()),
                        ("date", date.map(str::trim).unwrap_or(&day.to_string())),
                    ],
                ),
            )
        }
    };
    write_new(&path, &text)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_templates() {
        assert_eq!(fill("a {{x}} b {{x}}", &[("x", "1")]), "a 1 b 1");
    }
}
