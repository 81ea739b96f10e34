//! Joining result rows to posts (SPEC §9): by post id, else by the `published` address, else by
//! network and publication time within 30 minutes. Several candidates: ambiguous.

use jiff::Timestamp;
use rustc_hash::FxHashMap;

use crate::load::content::Post;
use crate::load::content::dates::When;
use crate::load::metrics::Row;

/// How far a row's time may be from a post's to be that post.
pub const WINDOW_SECONDS: i64 = 30 * 60;

/// A published address as compared: `https`, no `www.`, X's old and new hosts alike, no
/// tracking parameters, no fragment, no trailing slash.
pub fn normalise_url(text: &str) -> Option<String> {
    let mut url = url::Url::parse(text.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    let host = match host {
        "twitter.com" | "mobile.twitter.com" => "x.com",
        "fr.linkedin.com" => "linkedin.com",
        h => h,
    }
    .to_string();
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    url.set_fragment(None);
    url.set_query(None);
    let mut path = url.path().trim_end_matches('/').to_string();
    // x.com/<anyone>/status/<id> and x.com/i/web/status/<id> are one post.
    if host == "x.com"
        && let Some(i) = path.find("/status/")
    {
        path = path[i..].to_string();
    }
    let mut out = format!("https://{host}{path}");
    if !kept.is_empty() {
        let q: Vec<String> = kept.iter().map(|(k, v)| format!("{k}={v}")).collect();
        out.push('?');
        out.push_str(&q.join("&"));
    }
    Some(out)
}

/// Parameters networks and campaigns add to an address that do not change what it points to.
fn is_tracking(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.starts_with("utm_")
        || matches!(
            k.as_str(),
            "fbclid"
                | "gclid"
                | "igshid"
                | "igsh"
                | "si"
                | "s"
                | "t"
                | "ref"
                | "ref_src"
                | "mc_cid"
                | "mc_eid"
                | "trk"
                | "trackingid"
                | "lipi"
                | "rcm"
        )
}

/// A post on a network that results may join.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub post: &'a Post,
    /// Its source file.
    pub file: &'a str,
}

/// What one row joins.
pub enum Join<'a> {
    One(Candidate<'a>),
    None,
    Several(Vec<Candidate<'a>>),
}

/// The posts indexed once, so that each row is a look-up (no scan per row).
pub struct Index<'a> {
    by_id: FxHashMap<&'a str, Vec<Candidate<'a>>>,
    by_url: FxHashMap<String, Vec<(Candidate<'a>, &'a str)>>,
    /// network → (time, post), sorted by time.
    by_time: FxHashMap<&'a str, Vec<(Timestamp, Candidate<'a>)>>,
}

impl<'a> Index<'a> {
    pub fn new(posts: &[Candidate<'a>]) -> Index<'a> {
        let mut by_id: FxHashMap<&str, Vec<Candidate<'_>>> = FxHashMap::default();
        let mut by_url: FxHashMap<String, Vec<(Candidate<'_>, &str)>> = FxHashMap::default();
        let mut by_time: FxHashMap<&str, Vec<(Timestamp, Candidate<'_>)>> = FxHashMap::default();
        for c in posts {
            by_id.entry(c.post.id()).or_default().push(*c);
            for (network, (url, _)) in &c.post.published {
                if let Some(u) = normalise_url(url) {
                    by_url.entry(u).or_default().push((*c, network.as_str()));
                }
            }
            if let Some(When::At(z)) = &c.post.date {
                for n in c.post.published_networks() {
                    by_time.entry(n).or_default().push((z.timestamp(), *c));
                }
            }
        }
        for list in by_time.values_mut() {
            list.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.file.cmp(b.1.file)));
        }
        Index {
            by_id,
            by_url,
            by_time,
        }
    }

    /// The post a row is about, by id, else by address, else by time.
    pub fn join(&self, row: &Row, network: &str) -> Join<'a> {
        if let Some(id) = &row.post {
            return match self.by_id.get(id.as_str()).map(Vec::as_slice) {
                Some([one]) => Join::One(*one),
                Some(many) if many.len() > 1 => Join::Several(many.to_vec()),
                _ => Join::None,
            };
        }
        if let Some(u) = row.url.as_deref().and_then(normalise_url)
            && let Some(list) = self.by_url.get(&u)
        {
            let on: Vec<Candidate<'_>> = list
                .iter()
                .filter(|(_, n)| *n == network)
                .map(|(c, _)| *c)
                .collect();
            match on.as_slice() {
                [one] => return Join::One(*one),
                [] => {}
                many => return Join::Several(many.to_vec()),
            }
        }
        let Some(When::At(z)) = &row.date else {
            // A whole day is too wide to tell posts apart.
            return Join::None;
        };
        let t = z.timestamp();
        let Some(list) = self.by_time.get(network) else {
            return Join::None;
        };
        let lo = t.as_second() - WINDOW_SECONDS;
        let hi = t.as_second() + WINDOW_SECONDS;
        let start = list.partition_point(|(ts, _)| ts.as_second() < lo);
        let near: Vec<Candidate<'_>> = list[start..]
            .iter()
            .take_while(|(ts, _)| ts.as_second() <= hi)
            .map(|(_, c)| *c)
            .collect();
        match near.as_slice() {
            [] => Join::None,
            [one] => Join::One(*one),
            many => Join::Several(many.to_vec()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_compared_without_what_does_not_change_them() {
        let n = |s: &str| normalise_url(s).unwrap();
        assert_eq!(
            n("https://www.instagram.com/p/DAbc123/?igsh=xyz&utm_source=ig"),
            "https://instagram.com/p/DAbc123"
        );
        assert_eq!(
            n("http://twitter.com/alti_sport/status/186?s=20&t=abc"),
            n("https://x.com/i/web/status/186/")
        );
        assert_eq!(
            n("https://www.linkedin.com/feed/update/urn:li:activity:71/#comments"),
            "https://linkedin.com/feed/update/urn:li:activity:71"
        );
        // A parameter that names the post is kept.
        assert_eq!(
            n("https://www.facebook.com/permalink.php?story_fbid=12&id=34&fbclid=q"),
            "https://facebook.com/permalink.php?story_fbid=12&id=34"
        );
        assert_eq!(normalise_url("javascript:alert(1)"), None);
        assert_eq!(normalise_url("pas une adresse"), None);
    }
}
