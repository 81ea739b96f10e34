//! `trame export FORMAT`: the calendar as the bulk-upload file of a scheduling tool, one row per
//! post and network, from the variants the adapt stage made. What each tool reads is data
//! ([`formats.yaml`](formats.yaml)); what a format cannot carry is refused by name, with the post's
//! file and line (`export/unsupported`), or said (`export/not-carried`) when the tool takes it
//! after the upload — never cut silently.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::Deserialize;

use crate::adapt::Variant;
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic};
use crate::load::config::{Config, Language};
use crate::load::content::dates::When;
use crate::load::content::post::{Post, Status};
use crate::routes::{self, Routes};

/// One bulk-upload format, as `formats.yaml` describes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Format {
    pub id: String,
    /// The tool and the screen that imports the file.
    pub tool: String,
    /// Where the columns and rules come from.
    pub sources: Vec<String>,
    pub checked: String,
    /// The file starts with a header row.
    pub header: bool,
    /// The tool takes one file per profile: one file per network.
    pub per_network: bool,
    /// The most rows a file may have.
    #[serde(default)]
    pub max_rows: Option<usize>,
    /// Times must fall on a multiple of this many minutes.
    #[serde(default)]
    pub minute_step: Option<i8>,
    /// Every row needs a date and a time.
    pub needs_date: bool,
    /// Dates before today are refused by the tool.
    #[serde(default)]
    pub future_only: bool,
    pub thread: ThreadWay,
    /// The file has a first comment column.
    pub first_comment: bool,
    /// The most media a row carries (0: none, the tool adds them after the upload).
    pub media: usize,
    /// The file has a title column.
    pub title: bool,
    /// trame's network → the tool's name; empty: every network.
    #[serde(default)]
    pub networks: BTreeMap<String, String>,
    pub columns: Vec<ColumnSpec>,
    /// What to do in the tool with the file, by language (`{zone}`: the project's time zone).
    pub hint: BTreeMap<String, String>,
}

/// How a format carries a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThreadWay {
    /// The whole text, parts separated.
    Full,
    /// The first part as the text, the others as chained comments.
    Comments,
    /// The tool takes one text: a thread is refused.
    None,
}

/// A column: `[header, value]`, or numbered columns.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ColumnSpec {
    Pair(Option<String>, String),
    Repeat {
        header: String,
        value: String,
        repeat: usize,
    },
}

const DATA: &str = include_str!("formats.yaml");

/// Every export format, in the order of `formats.yaml`.
pub fn formats() -> &'static [Format] {
    static FORMATS: OnceLock<Vec<Format>> = OnceLock::new();
    FORMATS.get_or_init(|| serde_yaml::from_str(DATA).unwrap_or_default())
}

/// The format of that id.
pub fn format(id: &str) -> Option<&'static Format> {
    formats().iter().find(|f| f.id == id.trim().to_lowercase())
}

/// Which posts go out.
#[derive(Debug, Clone)]
pub struct Filter {
    /// Empty: every network.
    pub networks: Vec<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub statuses: Vec<Status>,
}

impl Filter {
    /// The statuses exported unless `--status` says otherwise: what is ready to go out.
    pub const DEFAULT_STATUSES: [Status; 2] = [Status::Approved, Status::Scheduled];

    fn keeps(&self, post: &Post, network: &str) -> bool {
        if !self.statuses.contains(&post.status) {
            return false;
        }
        if !self.networks.is_empty() && !self.networks.iter().any(|n| n == network) {
            return false;
        }
        let day = post.date.as_ref().map(When::date);
        match (self.from, self.to, day) {
            (None, None, _) => true,
            (_, _, None) => false,
            (from, to, Some(d)) => from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t),
        }
    }
}

/// One post as a tool will publish it on one network.
pub struct Item<'a> {
    pub post: &'a Post,
    pub variant: &'a Variant,
}

/// A file to write: for a format with one file per profile, the network it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub network: Option<String>,
    pub rows: usize,
    pub bytes: Vec<u8>,
}

/// What an export gives: its files (when nothing was refused, or when refused rows are
/// skipped), and the problems of its rows.
#[derive(Debug, Clone, Default)]
pub struct Export {
    pub files: Vec<File>,
    pub diagnostics: Vec<Diagnostic>,
    /// Rows left out because the format cannot carry them.
    pub refused: usize,
    /// Over a file's row limit: (network, rows, limit).
    pub too_many: Vec<(Option<String>, usize, usize)>,
}

/// The posts × networks the filter keeps, in date order (undated last, then by file).
pub fn select<'a>(
    posts: impl IntoIterator<Item = (&'a Post, &'a crate::adapt::Variants)>,
    filter: &Filter,
) -> Vec<Item<'a>> {
    let mut items: Vec<Item<'a>> = posts
        .into_iter()
        .flat_map(|(post, variants)| {
            variants
                .values()
                .filter(|v| filter.keeps(post, &v.network))
                .map(move |variant| Item { post, variant })
        })
        .collect();
    items.sort_by(|a, b| {
        let key = |i: &Item<'_>| {
            (
                i.post.date.is_none(),
                i.post.date.as_ref().map(sort_key),
                i.post.file().to_string(),
                i.variant.network.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    items
}

fn sort_key(w: &When) -> (Date, Option<jiff::Timestamp>) {
    match w {
        When::Day(d) => (*d, None),
        When::At(z) => (z.date(), Some(z.timestamp())),
    }
}

/// Everything a row needs besides its item.
pub struct Context<'a> {
    pub config: &'a Config,
    pub routes: &'a Routes,
    pub today: Date,
    /// Write the files even when some rows are refused (those rows are left out).
    pub skip_refused: bool,
}

/// Fills `format`'s columns for `items`; refused rows are reported and, unless
/// `skip_refused`, stop every file from being written.
pub fn export(format: &Format, items: &[Item<'_>], ctx: &Context<'_>) -> Export {
    let columns = expand(&format.columns);
    let mut out = Export::default();
    let mut rows: BTreeMap<Option<String>, Vec<Vec<String>>> = BTreeMap::new();
    for item in items {
        let (refusals, notes) = check(format, item, ctx);
        out.diagnostics.extend(notes);
        if !refusals.is_empty() {
            out.refused += 1;
            out.diagnostics.extend(refusals);
            continue;
        }
        let key = format.per_network.then(|| item.variant.network.clone());
        let row = columns
            .iter()
            .map(|(_, value)| cell(value, item, ctx, format))
            .collect();
        rows.entry(key).or_default().push(row);
    }
    for (network, list) in &rows {
        if let Some(max) = format.max_rows
            && list.len() > max
        {
            out.too_many.push((network.clone(), list.len(), max));
        }
    }
    if (out.refused > 0 && !ctx.skip_refused) || !out.too_many.is_empty() {
        return out;
    }
    let headers: Option<Vec<&str>> = format.header.then(|| {
        columns
            .iter()
            .map(|(h, _)| h.as_deref().unwrap_or(""))
            .collect()
    });
    for (network, list) in rows {
        out.files.push(File {
            network,
            rows: list.len(),
            bytes: write_csv(headers.as_deref(), &list),
        });
    }
    if out.files.is_empty() && !format.per_network {
        // An empty export is still a valid file for the tool (its header alone).
        out.files.push(File {
            network: None,
            rows: 0,
            bytes: write_csv(headers.as_deref(), &[]),
        });
    }
    out
}

/// The columns with their numbered ones spelt out: (header, value).
fn expand(specs: &[ColumnSpec]) -> Vec<(Option<String>, String)> {
    let mut out = Vec::new();
    for spec in specs {
        match spec {
            ColumnSpec::Pair(header, value) => out.push((header.clone(), value.clone())),
            ColumnSpec::Repeat {
                header,
                value,
                repeat,
            } => {
                for n in 1..=*repeat {
                    out.push((
                        Some(header.replace("{n}", &n.to_string())),
                        format!("{value}:{n}"),
                    ));
                }
            }
        }
    }
    out
}

fn write_csv(headers: Option<&[&str]>, rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a failure would only lose this file's rows.
    if let Some(h) = headers {
        let _ = w.write_record(h);
    }
    for r in rows {
        let _ = w.write_record(r);
    }
    w.into_inner().unwrap_or_default()
}

/// What stops a row (`export/unsupported`), and what it loses that the tool takes after the
/// upload (`export/not-carried`).
fn check(
    format: &Format,
    item: &Item<'_>,
    ctx: &Context<'_>,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let lang = ctx.config.language;
    let post = item.post;
    let v = item.variant;
    let net = v.network.as_str();
    let label = ctx.config.networks.label(net);
    let tool = format.tool.as_str();
    let pos = post.network_pos(net);
    let date_pos = post.index().value_pos("date");
    let at = |code: Code, pos, message: String, help: String| {
        Diagnostic::new(code, post.file(), pos, message)
            .with_help(help)
            .with_network(net)
    };
    let mut refused = Vec::new();
    let mut notes = Vec::new();
    if !format.networks.is_empty() && !format.networks.contains_key(net) {
        refused.push(at(
            Code::ExportUnsupported,
            pos,
            t!(lang, "export-network", tool = tool, network = label),
            t!(lang, "export-network-help", network = net),
        ));
        return (refused, notes);
    }
    if v.thread && v.parts.len() > 1 && format.thread == ThreadWay::None {
        refused.push(at(
            Code::ExportUnsupported,
            pos,
            t!(
                lang,
                "export-thread",
                tool = tool,
                network = label,
                parts = v.parts.len()
            ),
            t!(lang, "export-thread-help"),
        ));
    }
    if format.needs_date {
        match &post.date {
            None => refused.push(at(
                Code::ExportUnsupported,
                post.common.start,
                t!(lang, "export-no-date", tool = tool),
                t!(lang, "export-no-date-help"),
            )),
            Some(When::Day(d)) => refused.push(at(
                Code::ExportUnsupported,
                date_pos,
                t!(lang, "export-no-time", tool = tool),
                t!(lang, "export-no-time-help", date = d.to_string()),
            )),
            Some(When::At(z)) => {
                if let Some(step) = format.minute_step
                    && z.minute() % step != 0
                {
                    let before = z.minute() - z.minute() % step;
                    let after = before + step;
                    let hh = |m: i8| {
                        let (h, m) = if m >= 60 {
                            (z.hour() + 1, m - 60)
                        } else {
                            (z.hour(), m)
                        };
                        format!("{:02}:{:02}", h % 24, m)
                    };
                    refused.push(at(
                        Code::ExportUnsupported,
                        date_pos,
                        t!(
                            lang,
                            "export-minute",
                            tool = tool,
                            step = step,
                            time = hh(z.minute())
                        ),
                        t!(
                            lang,
                            "export-minute-help",
                            before = hh(before),
                            after = hh(after)
                        ),
                    ));
                }
                if format.future_only && z.date() < ctx.today {
                    refused.push(at(
                        Code::ExportUnsupported,
                        date_pos,
                        t!(
                            lang,
                            "export-past",
                            tool = tool,
                            date = z.date().to_string()
                        ),
                        t!(lang, "export-past-help"),
                    ));
                }
            }
        }
    }
    let media = v.media.len();
    if media > 0 && format.media == 0 {
        notes.push(at(
            Code::ExportNotCarried,
            pos,
            t!(lang, "export-media-later", tool = tool, count = media),
            t!(lang, "export-media-later-help", tool = tool),
        ));
    } else if media > format.media {
        refused.push(at(
            Code::ExportUnsupported,
            pos,
            t!(
                lang,
                "export-media-count",
                tool = tool,
                count = media,
                max = format.media
            ),
            t!(lang, "export-media-count-help"),
        ));
    } else if media > 0 && uses_urls(format) && ctx.config.base_url.is_none() {
        notes.push(at(
            Code::ExportNotCarried,
            pos,
            t!(lang, "export-media-address", tool = tool, count = media),
            t!(lang, "export-media-address-help", tool = tool),
        ));
    }
    // What the tool takes after the upload, by hand: said, not dropped silently.
    let by_hand = [
        (
            v.first_comment.is_some() && !format.first_comment,
            "export-first-comment",
            "export-first-comment-help",
        ),
        (
            v.title.is_some() && !format.title,
            "export-title",
            "export-title-help",
        ),
        (
            v.link.is_some() && !has_value(format, "link"),
            "export-link",
            "export-link-help",
        ),
    ];
    for (_, message, help) in by_hand.into_iter().filter(|(lost, _, _)| *lost) {
        notes.push(at(
            Code::ExportNotCarried,
            pos,
            t!(lang, message, tool = tool),
            t!(lang, help, tool = tool),
        ));
    }
    (refused, notes)
}

fn uses_urls(format: &Format) -> bool {
    has_value(format, "media_url") || has_value(format, "media_urls")
}

fn has_value(format: &Format, kind: &str) -> bool {
    format.columns.iter().any(|c| {
        let value = match c {
            ColumnSpec::Pair(_, v) | ColumnSpec::Repeat { value: v, .. } => v,
        };
        value.split(':').next() == Some(kind)
    })
}

/// One cell of `item`'s row.
fn cell(value: &str, item: &Item<'_>, ctx: &Context<'_>, format: &Format) -> String {
    let (kind, arg) = value.split_once(':').unwrap_or((value, ""));
    let post = item.post;
    let v = item.variant;
    let at = match &post.date {
        Some(When::At(z)) => Some(z),
        _ => None,
    };
    let media_url = |m: &crate::load::content::post::Media| {
        let base = ctx.config.base_url.as_deref()?;
        let path = m.normal.as_deref().unwrap_or(&m.path);
        Some(routes::absolute(base, &routes::media(path)))
    };
    let alt = |m: &crate::load::content::post::Media| {
        m.alt
            .as_deref()
            .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let nth = || {
        arg.parse::<usize>()
            .ok()
            .and_then(|n| v.media.get(n.checked_sub(1)?))
    };
    match kind {
        "text" => match format.thread {
            ThreadWay::Full => v.text.clone(),
            _ => v.parts.first().cloned().unwrap_or_else(|| v.text.clone()),
        },
        "full_text" => v.text.clone(),
        "parts" => v.parts.len().max(1).to_string(),
        "comments" => v
            .parts
            .iter()
            .skip(1)
            .cloned()
            .chain(v.first_comment.clone())
            .collect::<Vec<_>>()
            .join(arg),
        "first_comment" => v.first_comment.clone().unwrap_or_default(),
        "link" => v.link.clone().unwrap_or_default(),
        "title" => v.title.clone().unwrap_or_default(),
        "title_on" if v.network == arg => v.title.clone().unwrap_or_default(),
        "date" => at
            .map(|z| z.strftime(arg).to_string())
            .or_else(|| {
                post.date
                    .as_ref()
                    .map(|w| w.date().strftime(arg).to_string())
            })
            .unwrap_or_default(),
        "time" => at.map(|z| z.strftime(arg).to_string()).unwrap_or_default(),
        "datetime" => match &post.date {
            Some(When::At(z)) => z.strftime(arg).to_string(),
            Some(When::Day(d)) => d.to_string(),
            None => String::new(),
        },
        "date_utc" => at
            .map(|z| z.timestamp().strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default(),
        "time_zone" => ctx.config.timezone_name.clone(),
        "flag" => if v.network == arg { "TRUE" } else { "FALSE" }.to_string(),
        "media_urls" => v
            .media
            .iter()
            .filter_map(media_url)
            .collect::<Vec<_>>()
            .join(arg),
        "media_paths" => v
            .media
            .iter()
            .map(|m| m.path.clone())
            .collect::<Vec<_>>()
            .join(arg),
        "alt_texts" => v.media.iter().map(alt).collect::<Vec<_>>().join(arg),
        "media_url" => nth().and_then(media_url).unwrap_or_default(),
        "media_alt" => nth().map(alt).unwrap_or_default(),
        "id" => post.id().to_string(),
        "post_title" => post.title.clone(),
        "network" => format
            .networks
            .get(&v.network)
            .cloned()
            .unwrap_or_else(|| v.network.clone()),
        "status" => post.status.name().to_string(),
        "campaign" => post
            .campaign
            .as_ref()
            .map(|(c, _)| c.clone())
            .unwrap_or_default(),
        "page" => ctx
            .config
            .base_url
            .as_deref()
            .zip(ctx.routes.post(post.file()))
            .map(|(base, page)| routes::absolute(base, &page))
            .unwrap_or_default(),
        "const" => arg.to_string(),
        _ => String::new(),
    }
}

/// The hint of `format` in `lang`, with the project's time zone.
pub fn hint(format: &Format, lang: Language, zone: &str) -> Option<String> {
    format
        .hint
        .get(lang.code())
        .or_else(|| format.hint.get("en"))
        .map(|h| h.replace("{zone}", zone))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_reads_and_names_known_values() {
        let all = formats();
        assert_eq!(
            all.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
            ["csv", "hootsuite", "metricool", "publer"]
        );
        const KINDS: &[&str] = &[
            "text",
            "full_text",
            "parts",
            "comments",
            "first_comment",
            "link",
            "title",
            "title_on",
            "date",
            "time",
            "datetime",
            "date_utc",
            "time_zone",
            "flag",
            "media_urls",
            "media_paths",
            "alt_texts",
            "media_url",
            "media_alt",
            "id",
            "post_title",
            "network",
            "status",
            "campaign",
            "page",
            "const",
            "empty",
        ];
        for f in all {
            assert!(!f.sources.is_empty(), "{}: sources", f.id);
            assert!(
                f.hint.contains_key("fr") && f.hint.contains_key("en"),
                "{}",
                f.id
            );
            for (_, value) in expand(&f.columns) {
                let kind = value.split(':').next().unwrap_or_default();
                assert!(KINDS.contains(&kind), "{}: unknown value {value}", f.id);
            }
        }
    }

    #[test]
    fn metricool_has_the_templates_columns() {
        let cols = expand(&format("metricool").unwrap().columns);
        assert_eq!(cols.len(), 93);
        assert_eq!(cols[14].0.as_deref(), Some("Picture Url 1"));
        assert_eq!(cols[33].0.as_deref(), Some("Alt text picture 10"));
    }
}
