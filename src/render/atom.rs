//! `published.atom`: the posts that went out, newest first, as an Atom feed (RFC 4287) that a
//! feed reader, a newsletter tool or a team channel can follow. Written with the
//! rust-syndication crate; dates come from the posts, never from the clock, so the same
//! project gives the same bytes.

use atom_syndication::{Category, Entry, Feed, FixedDateTime, Link, Person, Text};

use super::{Input, OutFile, PostRef};
use crate::load::content::When;
use crate::load::content::post::Status;
use crate::routes;

/// The newest posts the feed keeps (feed readers read the top).
const MAX_ENTRIES: usize = 50;

fn when(input: &Input<'_>, w: &When) -> Option<FixedDateTime> {
    let zoned = match w {
        When::At(z) => z.clone(),
        When::Day(d) => d.to_zoned_datetime(input.config.timezone.clone()).ok()?,
    };
    FixedDateTime::parse_from_rfc3339(&zoned.timestamp().to_string()).ok()
}

/// The feed of the published posts among `sorted` (posts by date).
pub fn feed(input: &Input<'_>, sorted: &[PostRef<'_>]) -> OutFile {
    let base = input.config.base_url.as_deref();
    let path = routes::atom();
    let mut entries: Vec<Entry> = sorted
        .iter()
        .rev()
        .filter(|p| p.post.status == Status::Published && !p.broken)
        .filter_map(|p| Some((p, when(input, p.post.date.as_ref()?)?)))
        .take(MAX_ENTRIES)
        .map(|(p, date)| entry(input, p, date, base, &path))
        .collect();
    // Newest first; the same date keeps the order of the calendar.
    entries.sort_by_key(|e| std::cmp::Reverse(e.updated));
    let updated = entries
        .first()
        .map(|e| e.updated)
        .or_else(|| when(input, &When::Day(input.today)))
        .unwrap_or_default();
    let id = match base {
        Some(b) => routes::absolute(b, &path),
        None => format!("urn:trame:{}", routes::segment(&input.config.title)),
    };
    let mut links = vec![Link {
        href: routes::href(&path, &routes::index()),
        rel: "alternate".into(),
        ..Default::default()
    }];
    if let Some(b) = base {
        links[0].href = routes::absolute(b, &routes::index());
        links.push(Link {
            href: id.clone(),
            rel: "self".into(),
            mime_type: Some("application/atom+xml".into()),
            ..Default::default()
        });
    }
    let feed = Feed {
        title: Text::plain(input.config.title.clone()),
        id,
        updated,
        authors: vec![Person {
            name: organisation(input),
            ..Default::default()
        }],
        links,
        generator: Some(atom_syndication::Generator {
            value: "trame".into(),
            ..Default::default()
        }),
        lang: Some(input.config.language.code().into()),
        entries,
        ..Default::default()
    };
    OutFile::new(path, feed.to_string())
}

fn organisation(input: &Input<'_>) -> String {
    let name = &input.config.organisation.name;
    if name.trim().is_empty() {
        input.config.title.clone()
    } else {
        name.clone()
    }
}

fn entry(
    input: &Input<'_>,
    p: &PostRef<'_>,
    date: FixedDateTime,
    base: Option<&str>,
    feed: &routes::OutPath,
) -> Entry {
    let page = input.routes.post(p.file);
    let href = match (base, &page) {
        (Some(b), Some(page)) => routes::absolute(b, page),
        (None, Some(page)) => routes::href(feed, page),
        _ => String::new(),
    };
    let id = match (base, &page) {
        (Some(_), Some(_)) => href.clone(),
        _ => format!(
            "urn:trame:{}:post:{}",
            routes::segment(&input.config.title),
            input.routes.segment(p.file).unwrap_or(p.post.id())
        ),
    };
    // Each network's text, as it went out.
    let summary = p
        .variants
        .values()
        .map(|v| format!("{} — {}", input.config.networks.label(&v.network), v.text))
        .collect::<Vec<_>>()
        .join("\n\n");
    Entry {
        title: Text::plain(p.post.title.clone()),
        id,
        updated: date,
        published: Some(date),
        authors: p
            .post
            .author
            .iter()
            .map(|a| Person {
                name: a.clone(),
                ..Default::default()
            })
            .collect(),
        links: vec![Link {
            href,
            rel: "alternate".into(),
            mime_type: Some("text/html".into()),
            ..Default::default()
        }],
        categories: p
            .variants
            .keys()
            .map(|n| Category {
                term: n.clone(),
                label: Some(input.config.networks.label(n).to_string()),
                ..Default::default()
            })
            .collect(),
        summary: Some(Text::plain(summary)),
        ..Default::default()
    }
}
