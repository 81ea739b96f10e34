//! Every output path and every link of the site, in one place.
//!
//! A page's path is an [`OutPath`]: relative to the output folder, `/`-separated, made of
//! segments that any file system takes. Ids come from file names, and a user can name a file
//! anything (`rdv 10:30.md`, `sortie #2 été.md`): [`segment`] encodes what a file name cannot
//! hold, [`href`] percent-encodes what a URL cannot hold, so every file gets a page and every
//! link reaches it, from `file://` as from any host. Two records whose pages would share a
//! path (two posts with one id, or ids that differ only in case, which some file systems
//! confuse) get distinct paths: the first in path order keeps the id, the others a `-2`, `-3`
//! suffix. The check and the writer use these same rules, so a project that checks clean
//! always builds.
//!
//! The links a user writes (`link:`) reach the site only when they are http(s) or mailto
//! addresses ([`external`]); anything else is reported by the checks and not linked.

use std::collections::HashSet;
use std::sync::Arc;

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use crate::load::content::Kind;

/// trame's own names in the output folder start with this; no generated path does.
pub const OWN_PREFIX: &str = ".trame";

/// A path inside the output folder. Only this module makes them, so every one is safe.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OutPath(String);

impl OutPath {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How many folders deep the file is (`posts/a/index.html`: 2).
    pub fn depth(&self) -> usize {
        self.0.matches('/').count()
    }

    fn of(parts: &[&str]) -> OutPath {
        OutPath(parts.join("/"))
    }
}

impl std::fmt::Display for OutPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<OutPath> for String {
    fn from(p: OutPath) -> String {
        p.0
    }
}

/// Whether a path could have been made by this module: relative, plain segments, none of
/// trame's own names. The writer checks every path with it before touching the disk.
pub fn is_safe(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with(OWN_PREFIX)
        && path.split('/').all(|s| {
            !s.is_empty()
                && s != "."
                && s != ".."
                && !s.starts_with('.')
                && s.chars().all(|c| c == '%' || !is_unsafe_in_name(c))
        })
}

/// Characters a file name must not hold on some file system (Windows, or any: `/`, NUL),
/// control characters, and `%` (the escape itself).
fn is_unsafe_in_name(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '%'
        )
}

/// A name (an id, a network id) as one segment of an output path: what a file name cannot
/// hold is written `%XX` (its UTF-8 bytes), and so are a leading dot (hidden files) and a
/// trailing dot or space (Windows drops them). Distinct names give distinct segments.
pub fn segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let last = name.chars().count().saturating_sub(1);
    for (i, c) in name.chars().enumerate() {
        let edge = (i == 0 && c == '.') || (i == last && (c == '.' || c == ' '));
        if edge || is_unsafe_in_name(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    if out.is_empty() {
        out.push_str("%20");
    }
    out
}

/// A path as it goes into a URL: every byte outside the unreserved set and a few safe
/// delimiters is percent-encoded (spaces, `#`, `?`, `%`, quotes, accents…).
pub fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'/' | b'-'
                    | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'@'
            )
        {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The relative URL from the page at `from` to the file at `to` (folders are linked through
/// their `index.html`, which works from `file://`).
pub fn href(from: &OutPath, to: &OutPath) -> String {
    let from_dirs: Vec<&str> = from.0.split('/').collect();
    let to_parts: Vec<&str> = to.0.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let common = from_dirs
        .iter()
        .zip(&to_parts[..to_parts.len() - 1])
        .take_while(|(a, b)| a == b)
        .count();
    let rest = to_parts[common..].join("/");
    format!(
        "{}{}",
        "../".repeat(from_dirs.len() - common),
        url_path(&rest)
    )
}

/// The relative URL of `to` from a page `depth` folders deep.
pub fn href_at(depth: usize, to: &OutPath) -> String {
    format!("{}{}", "../".repeat(depth), url_path(to.as_str()))
}

/// A link a user wrote, if it may be linked from the site: an http(s) address with a host, or
/// a mailto address. The returned text is the URL as the URL standard writes it (no spaces
/// or control characters, scheme in lower case).
pub fn external(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    match parsed.scheme() {
        "http" | "https" if parsed.host_str().is_some_and(|h| !h.is_empty()) => Some(parsed.into()),
        "mailto" if !parsed.path().is_empty() => Some(parsed.into()),
        _ => None,
    }
}

pub fn index() -> OutPath {
    OutPath::of(&["index.html"])
}

pub fn month(year: i16, month: i8) -> OutPath {
    OutPath(format!("calendar/{year}/{month:02}/index.html"))
}

/// The week page of the week that starts on `monday` (ISO weeks).
pub fn week(monday: Date) -> OutPath {
    let w = monday.iso_week_date();
    OutPath(format!("weeks/{}-W{:02}/index.html", w.year(), w.week()))
}

pub fn list() -> OutPath {
    OutPath::of(&["list", "index.html"])
}

/// A month of the list, when the list is too long for one page: a file beside
/// `list/index.html` (same depth, so the pages share the same rendered chips).
pub fn list_month(year: i16, month: i8) -> OutPath {
    OutPath(format!("list/{year}-{month:02}.html"))
}

/// The posts without a date, when the list is split by month.
pub fn list_undated() -> OutPath {
    OutPath::of(&["list", "undated.html"])
}

pub fn board() -> OutPath {
    OutPath::of(&["board", "index.html"])
}

/// Page `n` (from 1) of every post of one board column (`status`: a status name), beside
/// `board/index.html` for the same reason as [`list_month`].
pub fn board_column(status: &str, n: usize) -> OutPath {
    if n <= 1 {
        OutPath(format!("board/{status}.html"))
    } else {
        OutPath(format!("board/{status}-{n}.html"))
    }
}

pub fn diagnostics() -> OutPath {
    OutPath::of(&["diagnostics", "index.html"])
}

/// The script that shows the error count in every page's menu.
pub fn diagnostics_count() -> OutPath {
    OutPath::of(&["diagnostics", "count.js"])
}

pub fn calendar_json() -> OutPath {
    OutPath::of(&["calendar.json"])
}

/// The results page (SPEC §9).
pub fn results() -> OutPath {
    OutPath::of(&["results", "index.html"])
}

/// The monthly report of `YYYY-MM`.
pub fn results_month(year: i16, month: i8) -> OutPath {
    OutPath::of(&["results", &format!("{year:04}-{month:02}"), "index.html"])
}

/// Every result row joined to its post, with the computed rates.
pub fn results_json() -> OutPath {
    OutPath::of(&["results.json"])
}

/// The veille page: the notes by kind, the e-reputation timeline, competitors per week.
pub fn veille() -> OutPath {
    OutPath::of(&["veille", "index.html"])
}

/// The page that lists the calendar feeds, to download or subscribe to.
pub fn feeds() -> OutPath {
    OutPath::of(&["feeds", "index.html"])
}

/// The address of a file of the site once published under `base` (`base_url`, ending in `/`);
/// a page's `index.html` is left out, as servers serve it for its folder.
pub fn absolute(base: &str, page: &OutPath) -> String {
    let path = page
        .as_str()
        .strip_suffix("index.html")
        .unwrap_or(page.as_str());
    format!("{base}{}", url_path(path))
}

/// The `webcal://` form of an `http(s)` address, which calendar apps open as a subscription.
pub fn webcal(address: &str) -> Option<String> {
    let rest = address
        .strip_prefix("https://")
        .or_else(|| address.strip_prefix("http://"))?;
    Some(format!("webcal://{rest}"))
}

/// `calendar.ics`, or the feed of one network.
pub fn feed(network: Option<&str>) -> OutPath {
    match network {
        Some(n) => OutPath(format!("calendar-{}.ics", segment(n))),
        None => OutPath::of(&["calendar.ics"]),
    }
}

/// `robots.txt`: what search engines may index (nothing, unless `publish.index`).
pub fn robots() -> OutPath {
    OutPath::of(&["robots.txt"])
}

/// `404.html`: the page static hosts serve for an address the site does not have.
pub fn not_found() -> OutPath {
    OutPath::of(&["404.html"])
}

/// `published.atom`: the Atom feed of the published posts.
pub fn atom() -> OutPath {
    OutPath::of(&["published.atom"])
}

/// A file of the theme's `static/` folder (names are the theme's own).
pub fn theme_static(name: &str) -> OutPath {
    OutPath(format!("static/{}", segment(name)))
}

/// Where a media file of the project is copied, from its normalised project-relative path
/// (`media/a b.jpg` → `media-files/media/a b.jpg`).
pub fn media(path: &str) -> OutPath {
    let mut p = String::from("media-files");
    for s in path.split('/') {
        p.push('/');
        p.push_str(&segment(s));
    }
    OutPath(p)
}

/// The records that have a page, by source file: posts, campaigns (calendar entries of kind
/// campaign) and audit notes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Routes {
    /// file → (kind, segment of its page).
    by_file: FxHashMap<Arc<str>, (Kind, Arc<str>)>,
    /// (kind, id) → the file whose page keeps that id (the first in path order).
    by_id: FxHashMap<(Kind, Arc<str>), Arc<str>>,
}

/// One record that gets a page.
pub struct Paged<'a> {
    pub kind: Kind,
    pub file: &'a str,
    pub id: &'a str,
}

impl Routes {
    /// Assigns a page to each record. `records` must come in path order (the order files are
    /// found in), so that the same project always gives the same paths.
    pub fn new<'a>(records: impl IntoIterator<Item = Paged<'a>>) -> Routes {
        let records: Vec<Paged<'a>> = records.into_iter().collect();
        let mut routes = Routes::default();
        // Keys are compared without case: `Noel` and `noel` are one folder on macOS.
        let mut taken: HashSet<(Kind, String)> = HashSet::with_capacity(records.len());
        let mut later = Vec::new();
        for r in &records {
            let seg = segment(r.id);
            if taken.insert((r.kind, seg.to_lowercase())) {
                routes.insert(r, seg);
            } else {
                later.push(r);
            }
        }
        for r in later {
            let base = segment(r.id);
            let mut n = 2;
            let seg = loop {
                let s = format!("{base}-{n}");
                if taken.insert((r.kind, s.to_lowercase())) {
                    break s;
                }
                n += 1;
            };
            routes.insert(r, seg);
        }
        routes
    }

    fn insert(&mut self, r: &Paged<'_>, seg: String) {
        let file: Arc<str> = r.file.into();
        self.by_id
            .entry((r.kind, r.id.into()))
            .or_insert_with(|| file.clone());
        self.by_file.insert(file, (r.kind, seg.into()));
    }

    /// The segment of a record's page.
    pub fn segment(&self, file: &str) -> Option<&str> {
        self.by_file.get(file).map(|(_, s)| &**s)
    }

    /// The file whose page keeps this id.
    pub fn file_of(&self, kind: Kind, id: &str) -> Option<&str> {
        self.by_id.get(&(kind, Arc::from(id))).map(|f| &**f)
    }

    fn page(&self, folder: &str, file: &str) -> Option<OutPath> {
        self.segment(file)
            .map(|s| OutPath(format!("{folder}/{s}/index.html")))
    }

    /// `posts/<id>/index.html`.
    pub fn post(&self, file: &str) -> Option<OutPath> {
        self.page("posts", file)
    }

    /// A file beside a post's page: `posts/<id>/<network>.txt`, `…/<network>.title.txt`.
    pub fn post_text(&self, file: &str, network: &str, suffix: Option<&str>) -> Option<OutPath> {
        let s = self.segment(file)?;
        let net = segment(network);
        Some(OutPath(match suffix {
            Some(x) => format!("posts/{s}/{net}.{x}.txt"),
            None => format!("posts/{s}/{net}.txt"),
        }))
    }

    /// `campaigns/<id>/index.html`, for the calendar entry read from `file`.
    pub fn campaign(&self, file: &str) -> Option<OutPath> {
        self.page("campaigns", file)
    }

    /// The page of the campaign a post names by id.
    pub fn campaign_by_id(&self, id: &str) -> Option<OutPath> {
        self.campaign(self.file_of(Kind::Entry, id)?)
    }

    /// `audits/<id>/index.html`.
    pub fn audit(&self, file: &str) -> Option<OutPath> {
        self.page("audits", file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_file_name_gets_a_safe_segment() {
        for id in [
            "rdv 10:30",
            "sortie #2 été",
            "a?b",
            "50%",
            "quote\"s",
            "tab\there",
            "line\nbreak",
            ".hidden",
            "dot.",
            "trailing ",
            "a/b",
            "",
            "..",
        ] {
            let s = segment(id);
            assert!(is_safe(&format!("posts/{s}/index.html")), "{id:?} → {s:?}");
        }
        assert_eq!(segment("rdv 10:30"), "rdv 10%3A30");
        assert_eq!(segment("sortie #2 été"), "sortie #2 été");
        assert_ne!(segment("a%3A"), segment("a:"));
    }

    #[test]
    fn links_are_percent_encoded_and_relative() {
        let from = index();
        let r = Routes::new([Paged {
            kind: Kind::Post,
            file: "content/posts/rdv 10:30.md",
            id: "rdv 10:30",
        }]);
        let to = r.post("content/posts/rdv 10:30.md").unwrap_or_else(index);
        assert_eq!(to.as_str(), "posts/rdv 10%3A30/index.html");
        assert_eq!(href(&from, &to), "posts/rdv%2010%253A30/index.html");
        assert_eq!(
            href(&month(2026, 12), &media("media/a #1.jpg")),
            "../../../media-files/media/a%20%231.jpg"
        );
        assert_eq!(
            href(
                &to,
                &r.post_text("content/posts/rdv 10:30.md", "x", None)
                    .unwrap_or_else(index)
            ),
            "x.txt"
        );
        assert_eq!(
            href(&month(2026, 12), &month(2027, 1)),
            "../../2027/01/index.html"
        );
    }

    #[test]
    fn two_records_never_share_a_page() {
        let r = Routes::new([
            Paged {
                kind: Kind::Post,
                file: "content/posts/a/x.md",
                id: "x",
            },
            Paged {
                kind: Kind::Post,
                file: "content/posts/b/x.md",
                id: "x",
            },
            Paged {
                kind: Kind::Post,
                file: "content/posts/c/x-2.md",
                id: "x-2",
            },
            Paged {
                kind: Kind::Post,
                file: "content/posts/d/X.md",
                id: "X",
            },
            Paged {
                kind: Kind::Entry,
                file: "content/calendar/x.md",
                id: "x",
            },
        ]);
        assert_eq!(r.segment("content/posts/a/x.md"), Some("x"));
        assert_eq!(r.segment("content/posts/c/x-2.md"), Some("x-2"));
        assert_eq!(r.segment("content/posts/b/x.md"), Some("x-3"));
        assert_eq!(r.segment("content/posts/d/X.md"), Some("X-4"));
        assert_eq!(r.segment("content/calendar/x.md"), Some("x"));
        assert_eq!(r.file_of(Kind::Post, "x"), Some("content/posts/a/x.md"));
    }

    #[test]
    fn only_web_and_mail_links_reach_the_site() {
        assert_eq!(
            external("https://alti.example/a b").as_deref(),
            Some("https://alti.example/a%20b")
        );
        assert!(external("mailto:contact@alti.example").is_some());
        for bad in [
            "javascript:alert(document.domain)//",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "alti.example/page",
            "https://",
            "//evil.example/x",
        ] {
            assert_eq!(external(bad), None, "{bad:?}");
        }
    }
}
