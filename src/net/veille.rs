//! `trame veille`: fetches every source of `veille.sources` (conditional requests, a few per
//! host at a time), keeps the items that match the watched keywords, drops those already seen
//! (by guid, then by normalised address, across sources and runs, and against the notes already
//! in `content/veille/`), and writes each new one as a note. It never replaces a file: a note
//! the team edited stays as it is, and a run with nothing new writes nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::feeds::{self, Item};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::config::{CONFIG_FILE, Config, Language};
use crate::load::outside::Source;
use crate::validate::results::join::normalise_url;

/// A feed larger than this is refused (the largest real feeds are a few megabytes).
pub const MAX_FEED_BYTES: u64 = 8 * 1024 * 1024;

/// Items written from one source in one run: a feed that suddenly lists thousands of items (a
/// broken or hostile one) does not flood the repository.
pub const MAX_NEW_PER_SOURCE: usize = 200;

const STATE: &str = "veille.json";

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    /// source id → the validators its feed last answered with.
    #[serde(default)]
    sources: BTreeMap<String, Validators>,
    /// `guid:…` and `url:…` of every item written.
    #[serde(default)]
    seen: BTreeSet<String>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
struct Validators {
    /// The address they are for (a source whose address changed is fetched whole).
    url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_modified: Option<String>,
}

/// What one run did.
#[derive(Debug, Default)]
pub struct Report {
    pub sources: usize,
    /// Answered 304: nothing new since the last run.
    pub unchanged: usize,
    pub failed: usize,
    /// Project-relative paths of the notes written.
    pub written: Vec<String>,
    /// Items already written by an earlier run or another source.
    pub known: usize,
    /// Items that match no watched keyword.
    pub filtered: usize,
    /// `veille/feed` for each source that could not be fetched or read.
    pub diagnostics: Vec<Diagnostic>,
}

/// How a source answered.
enum Fetched {
    NotModified,
    Body {
        bytes: Vec<u8>,
        validators: Validators,
    },
    Failed(String),
}

/// Runs `trame veille` over `sources` (all of `veille.sources`, or the one asked for);
/// `done` is told each source fetched (the progress bar).
pub fn run(
    config: &Config,
    sources: &[&Source],
    timeout: Duration,
    done: &(dyn Fn(&str) + Sync),
) -> std::io::Result<Report> {
    let root = &config.root;
    let lang = config.language;
    let mut state: State = super::state::read(root, STATE);
    let agent = super::agent(timeout);
    let previous = &state.sources;
    let fetched = super::by_host(
        sources.to_vec(),
        super::PER_HOST,
        |s| super::host_of(&s.url),
        |s| {
            let r = fetch(&agent, s, previous.get(&s.id), lang);
            done(&s.id);
            r
        },
    );
    let mut seen = known_notes(config);
    seen.extend(state.seen.iter().cloned());
    let mut report = Report {
        sources: sources.len(),
        ..Report::default()
    };
    let mut planned: BTreeSet<PathBuf> = BTreeSet::new();
    for (source, answer) in sources.iter().zip(fetched) {
        let (bytes, validators) = match answer {
            Fetched::NotModified => {
                report.unchanged += 1;
                continue;
            }
            Fetched::Failed(why) => {
                report.failed += 1;
                report.diagnostics.push(feed_problem(source, &why, lang));
                continue;
            }
            Fetched::Body { bytes, validators } => (bytes, validators),
        };
        let items = match feeds::parse(&bytes, &source.url) {
            Ok(items) => items,
            Err(e) => {
                report.failed += 1;
                let why = t!(lang, "veille-not-a-feed", problem = e.as_str());
                report.diagnostics.push(feed_problem(source, &why, lang));
                continue;
            }
        };
        let keywords: Vec<String> = config
            .veille
            .keywords
            .iter()
            .chain(&source.keywords)
            .cloned()
            .collect();
        let mut written_here = 0;
        for item in items {
            let matched = feeds::matched(&format!("{}\n{}", item.title, item.summary), &keywords);
            if !keywords.is_empty() && matched.is_empty() {
                report.filtered += 1;
                continue;
            }
            let keys = keys_of(&item);
            if keys.iter().any(|k| seen.contains(k)) {
                report.known += 1;
                continue;
            }
            if written_here >= MAX_NEW_PER_SOURCE {
                report.filtered += 1;
                continue;
            }
            let path = write_note(config, source, &item, &matched, &mut planned)?;
            report
                .written
                .push(crate::base::paths::rel_path(root, &path));
            written_here += 1;
            seen.extend(keys.iter().cloned());
            state.seen.extend(keys);
        }
        state.sources.insert(source.id.clone(), validators);
    }
    // Forget sources no longer in trame.yaml.
    let ids: BTreeSet<&str> = config
        .veille
        .sources
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    state.sources.retain(|id, _| ids.contains(id.as_str()));
    super::state::write(root, STATE, &state)?;
    Ok(report)
}

/// The keys an item is known by: its guid, its normalised address.
fn keys_of(item: &Item) -> Vec<String> {
    let mut keys = Vec::new();
    if !item.guid.is_empty() {
        keys.push(format!("guid:{}", item.guid));
    }
    if let Some(u) = item.url.as_deref().and_then(normalise_url) {
        keys.push(format!("url:{u}"));
    }
    keys
}

/// The keys of the notes already in `content/veille/` (the state may be gone: a fresh clone).
fn known_notes(config: &Config) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for loaded in crate::load::store::notes(&config.root, config) {
        let Some(n) = loaded.note() else { continue };
        if let Some(u) = n.url.as_ref().and_then(|(u, _)| normalise_url(u)) {
            keys.insert(format!("url:{u}"));
        }
        if let Some(g) = n.extra.get("guid").and_then(crate::load::yaml::scalar_text) {
            keys.insert(format!("guid:{g}"));
        }
    }
    keys
}

fn fetch(
    agent: &ureq::Agent,
    source: &Source,
    previous: Option<&Validators>,
    lang: Language,
) -> Fetched {
    let mut req = agent.get(&source.url).header(
        "Accept",
        "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5",
    );
    if let Some(v) = previous.filter(|v| v.url == source.url) {
        if let Some(e) = &v.etag {
            req = req.header("If-None-Match", e);
        }
        if let Some(m) = &v.last_modified {
            req = req.header("If-Modified-Since", m);
        }
    }
    let mut resp = match req.call() {
        Ok(r) => r,
        Err(e) => return Fetched::Failed(super::links::reason(&e, lang)),
    };
    let status = resp.status().as_u16();
    if status == 304 {
        return Fetched::NotModified;
    }
    if !(200..300).contains(&status) {
        return Fetched::Failed(t!(lang, "veille-status", status = status));
    }
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let validators = Validators {
        url: source.url.clone(),
        etag: header("etag"),
        last_modified: header("last-modified"),
    };
    match resp
        .body_mut()
        .with_config()
        .limit(MAX_FEED_BYTES)
        .read_to_vec()
    {
        Ok(bytes) => Fetched::Body { bytes, validators },
        Err(ureq::Error::BodyExceedsLimit(_)) => Fetched::Failed(t!(
            lang,
            "veille-too-large",
            mb = MAX_FEED_BYTES / (1024 * 1024)
        )),
        Err(e) => Fetched::Failed(super::links::reason(&e, lang)),
    }
}

fn feed_problem(source: &Source, why: &str, lang: Language) -> Diagnostic {
    Diagnostic::new(
        Code::VeilleFeed,
        CONFIG_FILE,
        source.pos,
        t!(lang, "veille-feed", id = source.id.as_str(), problem = why),
    )
    .with_help(t!(lang, "veille-feed-help", url = source.url.as_str()))
}

/// A YAML double-quoted scalar (a JSON string is one), for any text.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Text as Markdown that shows it as it is: the characters Markdown or HTML would read are
/// escaped, so that no tag, link or section marker comes out of a feed.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with(['#', '>', '-', '+', '=', ':', '|', '~'])
            || trimmed.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            out.push('\\');
        }
        for c in line.chars() {
            if matches!(
                c,
                '\\' | '<' | '>' | '[' | ']' | '`' | '*' | '_' | '&' | '!'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// File names no system refuses: the slug of the title (ASCII letters, digits, dashes), at
/// most 60 characters, never a name Windows reserves.
pub fn file_stem(title: &str) -> String {
    let mut s = slug::slugify(title);
    if s.len() > 60 {
        let cut = s[..60].rfind('-').filter(|i| *i > 20).unwrap_or(60);
        s.truncate(cut);
    }
    let reserved = matches!(s.as_str(), "con" | "prn" | "aux" | "nul")
        || ((s.starts_with("com") || s.starts_with("lpt"))
            && s.len() == 4
            && s.as_bytes()[3].is_ascii_digit());
    if s.is_empty() || reserved {
        s = format!("note-{s}").trim_end_matches('-').to_string();
    }
    s
}

fn write_note(
    config: &Config,
    source: &Source,
    item: &Item,
    matched: &[String],
    planned: &mut BTreeSet<PathBuf>,
) -> std::io::Result<PathBuf> {
    let tz = &config.timezone;
    let when = item
        .date
        .unwrap_or_else(jiff::Timestamp::now)
        .to_zoned_datetime(tz.clone());
    let folder = config.root.join(format!(
        "content/veille/{:04}/{:02}",
        when.year(),
        when.month()
    ));
    std::fs::create_dir_all(&folder)?;
    // The folder must be inside the project, whatever links the team made.
    let real_root = config.root.canonicalize()?;
    if !folder.canonicalize()?.starts_with(&real_root) {
        return Err(std::io::Error::other(format!(
            "{} leads outside the project",
            folder.display()
        )));
    }
    let mut text = String::from("---\n");
    text.push_str(&format!("title: {}\n", quoted(&item.title)));
    text.push_str(&format!("kind: {}\n", source.kind.name()));
    text.push_str(&format!(
        "date: {}\n",
        when.strftime("%Y-%m-%dT%H:%M:%S%:z")
    ));
    if let Some(u) = &item.url {
        text.push_str(&format!("url: {}\n", quoted(u)));
    }
    text.push_str(&format!("source: {}\n", quoted(&source.id)));
    if let Some(c) = &source.competitor {
        text.push_str(&format!("competitor: {}\n", quoted(c)));
    }
    text.push_str("status: new\n");
    if !matched.is_empty() {
        let list: Vec<String> = matched.iter().map(|k| quoted(k)).collect();
        text.push_str(&format!("keywords: [{}]\n", list.join(", ")));
    }
    if !item.guid.is_empty() {
        text.push_str(&format!("extra: {{ guid: {} }}\n", quoted(&item.guid)));
    }
    text.push_str("---\n");
    if !item.summary.is_empty() {
        text.push_str(&markdown_text(&item.summary));
        text.push('\n');
    }
    let stem = file_stem(&item.title);
    for n in 1.. {
        let name = if n == 1 {
            format!("{stem}.md")
        } else {
            format!("{stem}-{n}.md")
        };
        let path = folder.join(name);
        if planned.contains(&path) {
            continue;
        }
        // create_new: a file already there (a note of the team's) is never replaced.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                planned.insert(path.clone());
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no file name left"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_text_cannot_become_markdown_or_html() {
        assert_eq!(
            markdown_text("<script>alert(1)</script> [lien](javascript:x)"),
            "\\<script\\>alert(1)\\</script\\> \\[lien\\](javascript:x)"
        );
        assert_eq!(markdown_text("# titre\n::: x"), "\\# titre\n\\::: x");
        let html =
            crate::render::html::markdown_html(&markdown_text("<img src=x onerror=alert(1)>"));
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_stem("Été : ça marche !"), "ete-ca-marche");
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("CON"), "note-con");
        assert_eq!(file_stem("!!!"), "note");
        assert!(file_stem(&"mot ".repeat(50)).len() <= 60);
    }
}
