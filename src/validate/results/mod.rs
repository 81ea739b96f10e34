//! Results (SPEC §9): the rows of `metrics/` joined to their posts, and every figure the results
//! pages, the monthly reports, the post and campaign pages and `results.json` show, computed
//! once here so that they all show the same numbers.

pub mod figures;
pub mod join;
pub mod kpis;

use std::collections::BTreeMap;

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::load::config::Config;
use crate::load::content::dates::When;
use crate::load::content::{Entry, EntryKind, Post, Status};
use crate::load::metrics::{Counts, Metrics, Row};
pub use figures::{Figures, Total};
use join::{Candidate, Index, Join};
pub use kpis::{CampaignKpis, Kpi};

/// A month: (year, month).
pub type Month = (i16, i8);

/// One post on one network, with its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct PostResult {
    /// The post's source file.
    pub file: String,
    pub id: String,
    pub title: String,
    pub network: String,
    /// When it went out: the post's date, else the row's.
    pub date: Option<When>,
    pub campaign: Option<String>,
    pub pillar: Option<String>,
    pub counts: Counts,
    /// Followers of the account at the publication date (from account rows).
    pub followers: Option<u64>,
    pub figures: Figures,
    /// The row it comes from: file and line.
    pub source: (String, usize),
}

/// A row that matched no post: it still counts in its network's totals.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmatched {
    pub row: Row,
    pub network: String,
    pub figures: Figures,
}

/// Followers of one network over time, from account rows, by date.
pub type Series = Vec<(Date, u64)>;

/// Everything computed from the results files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Sorted by date, then post id and network.
    pub posts: Vec<PostResult>,
    pub unmatched: Vec<Unmatched>,
    /// network → followers over time.
    pub followers: BTreeMap<String, Series>,
    /// Campaigns with KPIs, in path order.
    pub campaigns: Vec<CampaignKpis>,
    /// file → indexes into `posts`.
    by_file: FxHashMap<String, Vec<usize>>,
    /// Every row counted (posts and unmatched), by network and month.
    pub by_network_month: BTreeMap<(String, Month), Total>,
    pub by_network: BTreeMap<String, Total>,
    pub by_month: BTreeMap<Month, Total>,
    /// Matched posts by editorial pillar.
    pub by_pillar: BTreeMap<String, Total>,
    /// Matched posts by pillar and month (the monthly report's pillars).
    pub by_pillar_month: BTreeMap<(Month, String), Total>,
    /// Rows with a publication time, by local weekday (0 = Monday) and hour.
    pub by_slot: BTreeMap<(u8, u8), Total>,
    /// The same, by month.
    pub by_slot_month: BTreeMap<(Month, u8, u8), Total>,
    /// The files read and their formats.
    pub files: Vec<(String, Option<String>)>,
}

impl Results {
    /// The results of one post (by its source file), one per network.
    pub fn of_file(&self, file: &str) -> impl Iterator<Item = &PostResult> {
        self.by_file
            .get(file)
            .into_iter()
            .flatten()
            .filter_map(|i| self.posts.get(*i))
    }

    pub fn is_empty(&self) -> bool {
        self.posts.is_empty() && self.unmatched.is_empty() && self.followers.is_empty()
    }

    /// The months that have results of posts, in order (each has a monthly report).
    pub fn months(&self) -> Vec<Month> {
        self.by_month.keys().copied().collect()
    }

    /// Whether month `m` shows the same in both: its posts, rows without a post and totals.
    pub fn same_month(&self, other: &Results, m: Month) -> bool {
        let in_month = |d: Option<&When>| d.map(month_of) == Some(m);
        self.by_month.get(&m) == other.by_month.get(&m)
            && self
                .posts
                .iter()
                .filter(|p| in_month(p.date.as_ref()))
                .eq(other.posts.iter().filter(|p| in_month(p.date.as_ref())))
            && self
                .unmatched
                .iter()
                .filter(|u| in_month(u.row.date.as_ref()))
                .eq(other
                    .unmatched
                    .iter()
                    .filter(|u| in_month(u.row.date.as_ref())))
    }

    /// The campaign KPIs of one calendar entry file.
    pub fn campaign(&self, file: &str) -> Option<&CampaignKpis> {
        self.campaigns.iter().find(|c| c.file == file)
    }

    /// Followers of `network` on `date`: the last account figure on or before it.
    pub fn followers_on(&self, network: &str, date: Date) -> Option<u64> {
        followers_on(self.followers.get(network)?, date)
    }

    /// Followers gained on `network` between two dates (end − start, SPEC §9).
    pub fn followers_gained(&self, network: &str, from: Date, to: Date) -> Option<i64> {
        let s = self.followers.get(network)?;
        let start = followers_on(s, from).or_else(|| s.first().map(|(_, v)| *v))?;
        let end = followers_on(s, to)?;
        Some(end as i64 - start as i64)
    }

    /// The posts ranked by interactions (most first; unknown left out).
    pub fn ranked(&self, month: Option<Month>) -> Vec<&PostResult> {
        let mut v: Vec<&PostResult> = self
            .posts
            .iter()
            .filter(|p| p.figures.interactions.is_some())
            .filter(|p| month.is_none_or(|m| p.date.as_ref().map(month_of) == Some(m)))
            .collect();
        v.sort_by(|a, b| {
            b.figures
                .interactions
                .cmp(&a.figures.interactions)
                .then_with(|| a.id.cmp(&b.id))
                .then_with(|| a.network.cmp(&b.network))
        });
        v
    }
}

impl Results {
    /// An audit's standing per network over `from..=to` (SPEC §3.3 `accounts`): followers at
    /// the end and at the start, posts in the 30 days to the end, and the engagement rate of the
    /// period (on reach where the network gives it, else on impressions).
    pub fn standing(&self, from: Date, to: Date) -> Vec<crate::load::content::audit::Account> {
        let month_ago = to.checked_sub(jiff::Span::new().days(30)).unwrap_or(from);
        let mut networks: Vec<&String> = self.followers.keys().collect();
        for p in &self.posts {
            if !networks.contains(&&p.network) {
                networks.push(&p.network);
            }
        }
        networks.sort();
        let mut out = Vec::new();
        for n in networks {
            let Some(followers) = self.followers_on(n, to) else {
                continue;
            };
            let mut total = Total::default();
            let mut last_30 = 0u64;
            let rows = self
                .posts
                .iter()
                .filter(|p| &p.network == n)
                .map(|p| (p.date.as_ref(), &p.counts, p.followers))
                .chain(
                    self.unmatched
                        .iter()
                        .filter(|u| &u.network == n)
                        .map(|u| (u.row.date.as_ref(), &u.row.counts, None)),
                );
            for (date, counts, f) in rows {
                let Some(d) = date.map(When::date) else {
                    continue;
                };
                if d >= from && d <= to {
                    total.add(counts, f);
                }
                if d > month_ago && d <= to {
                    last_30 += 1;
                }
            }
            let f = total.figures();
            out.push(crate::load::content::audit::Account {
                network: n.clone(),
                followers,
                followers_prev: self.followers_on(n, from),
                posts_30d: Some(last_30),
                engagement_rate: f.engagement_rate_reach.or(f.engagement_rate_impressions),
            });
        }
        out
    }

    /// An audit's top posts over `from..=to`: the calendar's posts with the most interactions.
    pub fn top_posts(
        &self,
        from: Date,
        to: Date,
        n: usize,
    ) -> Vec<crate::load::content::audit::TopPost> {
        self.ranked(None)
            .into_iter()
            .filter(|p| {
                p.date
                    .as_ref()
                    .is_some_and(|d| d.date() >= from && d.date() <= to)
            })
            .take(n)
            .map(|p| {
                use crate::load::metrics::Count;
                crate::load::content::audit::TopPost {
                    network: p.network.clone(),
                    url: None,
                    date: p.date.as_ref().map(|d| d.date().to_string()),
                    summary: p.title.clone(),
                    likes: p.counts.get(Count::Likes).unwrap_or(0),
                    comments: p.counts.get(Count::Comments).unwrap_or(0),
                    shares: p.counts.get(Count::Shares).unwrap_or(0),
                    saves: p.counts.get(Count::Saves),
                    impressions: p.counts.get(Count::Impressions),
                }
            })
            .collect()
    }
}

fn followers_on(s: &Series, date: Date) -> Option<u64> {
    let i = s.partition_point(|(d, _)| *d <= date);
    i.checked_sub(1).and_then(|i| s.get(i)).map(|(_, v)| *v)
}

pub fn month_of(w: &When) -> Month {
    let d = w.date();
    (d.year(), d.month())
}

/// What [`compute`] reads.
pub struct Input<'a> {
    pub config: &'a Config,
    /// (source file, post), in path order.
    pub posts: Vec<(&'a str, &'a Post)>,
    pub entries: Vec<&'a Entry>,
    pub metrics: &'a Metrics,
}

/// At most this many rows of one file are reported as matching no post; the rest are counted.
const MAX_UNKNOWN_PER_FILE: usize = 20;

/// Joins every row to its post and computes the figures; the diagnostics are the joins' (rows
/// that match no post, or several).
/// Puts `items` in `order` (`order[k]` is the index of the item that goes at `k`) by
/// swapping along the permutation's cycles: no second vector of these large records.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut k = start;
        // Follow the cycle through `start`, marking each place done by pointing it at itself.
        while order[k] != start {
            let next = order[k];
            items.swap(k, next);
            order[k] = k;
            k = next;
        }
        order[k] = k;
    }
}

pub fn compute(input: &Input<'_>) -> (Results, Vec<Diagnostic>) {
    let config = input.config;
    let lang = config.language;
    let tz = &config.timezone;
    let mut diags = Vec::new();
    let mut results = Results {
        files: input
            .metrics
            .sheets
            .iter()
            .map(|s| (s.file.clone(), s.format.clone()))
            .collect(),
        ..Results::default()
    };
    // Account rows first: a post's followers are those at its publication date.
    for row in input.metrics.rows().filter(|r| r.is_account()) {
        if let (Some(n), Some(d), Some(f)) = (&row.network, &row.date, row.followers) {
            results
                .followers
                .entry(n.clone())
                .or_default()
                .push((d.date(), f));
        }
    }
    for s in results.followers.values_mut() {
        // A later row for the same day wins (files in path order: the newer export).
        s.sort_by_key(|(d, _)| *d);
        let mut dedup: Series = Vec::with_capacity(s.len());
        for (d, v) in s.drain(..) {
            match dedup.last_mut() {
                Some(last) if last.0 == d => last.1 = v,
                _ => dedup.push((d, v)),
            }
        }
        *s = dedup;
    }
    let candidates: Vec<Candidate<'_>> = input
        .posts
        .iter()
        .map(|(file, post)| Candidate { post, file })
        .collect();
    let index = Index::new(&candidates);
    // (file, network) → the result; a later row replaces an earlier one.
    // (file, network) → its result in `joined`; a later row replaces an earlier one.
    let mut slot: FxHashMap<(&str, &str), usize> = FxHashMap::default();
    // Sized once: a PostResult is large, and growing the vector copied every one of them.
    let rows = input.metrics.sheets.iter().map(|s| s.rows.len()).sum();
    let mut joined: Vec<PostResult> = Vec::with_capacity(rows);
    let mut unknown_per_file: FxHashMap<&str, usize> = FxHashMap::default();
    for row in input.metrics.rows().filter(|r| !r.is_account()) {
        let Some(network) = row.network.clone() else {
            continue;
        };
        let pos = Pos::new(row.line, 1);
        match index.join(row, &network) {
            Join::One(c) => {
                let date = c.post.date.clone().or_else(|| row.date.clone());
                let followers = date
                    .as_ref()
                    .and_then(|d| followers_on(results.followers.get(&network)?, d.date()));
                let r = PostResult {
                    file: c.file.to_string(),
                    id: c.post.id().to_string(),
                    title: c.post.title.clone(),
                    network: network.clone(),
                    date,
                    campaign: c.post.campaign.as_ref().map(|(id, _)| id.clone()),
                    pillar: c.post.pillar.clone(),
                    counts: row.counts,
                    followers,
                    figures: Figures::of(&row.counts, followers),
                    source: (row.file.clone(), row.line),
                };
                let key = (c.file, row.network.as_deref().unwrap_or_default());
                match slot.entry(key) {
                    std::collections::hash_map::Entry::Occupied(e) => joined[*e.get()] = r,
                    std::collections::hash_map::Entry::Vacant(e) => {
                        e.insert(joined.len());
                        joined.push(r);
                    }
                }
            }
            Join::Several(list) => {
                let names: Vec<String> =
                    list.iter().map(|c| format!("`{}`", c.post.id())).collect();
                let label = config.networks.label(&network).to_string();
                diags.push(
                    Diagnostic::new(
                        Code::MetricsAmbiguous,
                        &row.file,
                        pos,
                        t!(
                            lang,
                            "metrics-ambiguous",
                            posts = names.join(", "),
                            network = label
                        ),
                    )
                    .with_help(t!(lang, "metrics-ambiguous-help"))
                    .with_network(&network),
                );
                unmatched(&mut results, row, network);
            }
            Join::None => {
                let n = unknown_per_file.entry(row.file.as_str()).or_default();
                *n += 1;
                if *n <= MAX_UNKNOWN_PER_FILE {
                    diags.push(unknown_post(row, &network, config));
                }
                unmatched(&mut results, row, network);
            }
        }
    }
    for (file, n) in unknown_per_file {
        if n > MAX_UNKNOWN_PER_FILE {
            diags.push(Diagnostic::new(
                Code::MetricsUnknownPost,
                file,
                Pos::START,
                t!(
                    lang,
                    "metrics-unknown-post-more",
                    count = n - MAX_UNKNOWN_PER_FILE
                ),
            ));
        }
    }
    // By date, then id, file and network ((file, network) is unique: a total order). The
    // times are computed once, not at each comparison.
    let mut order: Vec<(Option<jiff::Timestamp>, usize)> = joined
        .iter()
        .enumerate()
        .map(|(i, p)| (p.date.as_ref().map(|d| d.sort_key(tz)), i))
        .collect();
    order.sort_unstable_by(|a, b| {
        let (x, y) = (&joined[a.1], &joined[b.1]);
        a.0.cmp(&b.0)
            .then_with(|| x.id.cmp(&y.id))
            .then_with(|| x.file.cmp(&y.file))
            .then_with(|| x.network.cmp(&y.network))
    });
    let order: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
    permute(&mut joined, order);
    results.posts = joined;
    for (i, p) in results.posts.iter().enumerate() {
        results.by_file.entry(p.file.clone()).or_default().push(i);
    }
    let posts = std::mem::take(&mut results.posts);
    for p in &posts {
        add_row(
            &mut results,
            &p.network,
            p.date.as_ref(),
            &p.counts,
            p.followers,
        );
        if let Some(pillar) = &p.pillar {
            results
                .by_pillar
                .entry(pillar.clone())
                .or_default()
                .add(&p.counts, p.followers);
            if let Some(d) = &p.date {
                results
                    .by_pillar_month
                    .entry((month_of(d), pillar.clone()))
                    .or_default()
                    .add(&p.counts, p.followers);
            }
        }
    }
    results.posts = posts;
    let unmatched_rows = std::mem::take(&mut results.unmatched);
    for u in &unmatched_rows {
        let followers = u
            .row
            .date
            .as_ref()
            .and_then(|d| results.followers_on(&u.network, d.date()));
        add_row(
            &mut results,
            &u.network,
            u.row.date.as_ref(),
            &u.row.counts,
            followers,
        );
    }
    results.unmatched = unmatched_rows;
    let campaigns: Vec<&Entry> = input
        .entries
        .iter()
        .copied()
        .filter(|e| e.kind == EntryKind::Campaign && !e.kpis.is_empty())
        .collect();
    // Each campaign's results and published posts, gathered once (not a scan per campaign).
    let mut by_campaign: FxHashMap<&str, Vec<&PostResult>> = FxHashMap::default();
    for p in &results.posts {
        if let Some(c) = &p.campaign {
            by_campaign.entry(c.as_str()).or_default().push(p);
        }
    }
    let mut published: FxHashMap<&str, Vec<&Post>> = FxHashMap::default();
    for (_, p) in &input.posts {
        if let (Status::Published, Some((c, _))) = (p.status, &p.campaign) {
            published.entry(c.as_str()).or_default().push(p);
        }
    }
    let kpis: Vec<CampaignKpis> = campaigns
        .iter()
        .map(|e| kpis::campaign(e, &results, &by_campaign, &published))
        .collect();
    drop(by_campaign);
    results.campaigns = kpis;
    (results, diags)
}

fn unmatched(results: &mut Results, row: &Row, network: String) {
    let followers = row
        .date
        .as_ref()
        .and_then(|d| results.followers_on(&network, d.date()));
    results.unmatched.push(Unmatched {
        figures: Figures::of(&row.counts, followers),
        row: row.clone(),
        network,
    });
}

fn add_row(
    results: &mut Results,
    network: &str,
    date: Option<&When>,
    counts: &Counts,
    followers: Option<u64>,
) {
    results
        .by_network
        .entry(network.to_string())
        .or_default()
        .add(counts, followers);
    let Some(d) = date else { return };
    let m = month_of(d);
    results
        .by_network_month
        .entry((network.to_string(), m))
        .or_default()
        .add(counts, followers);
    results
        .by_month
        .entry(m)
        .or_default()
        .add(counts, followers);
    if let When::At(z) = d {
        // Dates are read in the project's zone: its weekday and hour, no conversion.
        let day = z.weekday().to_monday_zero_offset() as u8;
        let hour = z.hour() as u8;
        results
            .by_slot
            .entry((day, hour))
            .or_default()
            .add(counts, followers);
        results
            .by_slot_month
            .entry((m, day, hour))
            .or_default()
            .add(counts, followers);
    }
}

fn unknown_post(row: &Row, network: &str, config: &Config) -> Diagnostic {
    let lang = config.language;
    let label = config.networks.label(network).to_string();
    let message = if let Some(id) = &row.post {
        t!(lang, "metrics-unknown-post-id", id = id.as_str())
    } else if let Some(u) = &row.url {
        t!(lang, "metrics-unknown-post-url", url = u.as_str())
    } else {
        let date = row.date.as_ref().map(When::iso).unwrap_or_default();
        t!(
            lang,
            "metrics-unknown-post-time",
            network = label,
            date = date
        )
    };
    Diagnostic::new(
        Code::MetricsUnknownPost,
        &row.file,
        Pos::new(row.line, 1),
        message,
    )
    .with_help(t!(lang, "metrics-unknown-post-help"))
    .with_network(network)
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        let orders: [&[usize]; 5] = [&[], &[0], &[2, 0, 1], &[1, 0, 3, 2], &[4, 3, 0, 1, 2]];
        for order in orders {
            let mut items: Vec<usize> = (0..order.len()).map(|i| i * 10).collect();
            permute(&mut items, order.to_vec());
            let expected: Vec<usize> = order.iter().map(|i| i * 10).collect();
            assert_eq!(items, expected, "{order:?}");
        }
    }
}
