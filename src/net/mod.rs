//! Everything that touches the network, and only two commands use it: `trame veille` (the
//! monitoring feeds, [`veille`]) and `trame check --links` ([`links`]). Both go through one
//! HTTP client: a timeout on every request, redirects limited, bodies capped, a few requests
//! per host at a time. What comes back is hostile: it is bounded, parsed, reduced to text and
//! never executed.

pub mod feeds;
pub mod links;
pub mod state;
pub mod veille;

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// Redirects followed before giving up (browsers stop at about 20; a feed or a page needs few).
pub const MAX_REDIRECTS: u32 = 10;

/// Requests to one host at a time: a CM's project has many links to one site (her own); a
/// site that sees a burst of requests from one address answers 429 or blocks it.
pub const PER_HOST: usize = 4;

/// Requests under way at once, all hosts together.
pub const WORKERS: usize = 16;

/// Who asks: sites that block unnamed clients say why in their logs.
pub const USER_AGENT: &str = concat!(
    "trame/",
    env!("CARGO_PKG_VERSION"),
    " (editorial calendar; veille and link check)"
);

/// The HTTP client of both commands. `timeout` bounds each request, redirects and body
/// included.
pub fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(USER_AGENT)
        .build()
        .into()
}

/// The host of a URL (the unit of politeness), lower-cased; the URL itself when it has none.
pub fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        .unwrap_or_else(|| url.to_string())
}

/// Work waiting per host, and how many requests each host has under way.
struct Queue<T> {
    pending: BTreeMap<String, VecDeque<T>>,
    running: BTreeMap<String, usize>,
}

/// Runs `work` on every item on [`WORKERS`] threads, never more than `per_host` at a time on
/// one host (`host` says which). Returns the results in the order of `items`.
pub fn by_host<T, R, H, F>(items: Vec<T>, per_host: usize, host: H, work: F) -> Vec<R>
where
    T: Send,
    R: Send,
    H: Fn(&T) -> String,
    F: Fn(&T) -> R + Sync,
{
    let total = items.len();
    let mut pending: BTreeMap<String, VecDeque<(usize, T)>> = BTreeMap::new();
    for (i, it) in items.into_iter().enumerate() {
        pending.entry(host(&it)).or_default().push_back((i, it));
    }
    let queue = Mutex::new(Queue {
        pending,
        running: BTreeMap::new(),
    });
    let wake = Condvar::new();
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..total).map(|_| None).collect());
    let per_host = per_host.max(1);
    std::thread::scope(|s| {
        for _ in 0..WORKERS.min(total) {
            s.spawn(|| {
                loop {
                    // Take the next item of a host that has room, or wait for one.
                    let next = {
                        let Ok(mut q) = queue.lock() else { return };
                        loop {
                            if q.pending.is_empty() {
                                break None;
                            }
                            let free = q
                                .pending
                                .keys()
                                .find(|h| q.running.get(*h).copied().unwrap_or(0) < per_host)
                                .cloned();
                            match free {
                                Some(h) => {
                                    let item = q.pending.get_mut(&h).and_then(VecDeque::pop_front);
                                    if q.pending.get(&h).is_some_and(VecDeque::is_empty) {
                                        q.pending.remove(&h);
                                    }
                                    *q.running.entry(h.clone()).or_default() += 1;
                                    break item.map(|it| (h, it));
                                }
                                None => match wake.wait(q) {
                                    Ok(g) => q = g,
                                    Err(_) => return,
                                },
                            }
                        }
                    };
                    let Some((h, (i, item))) = next else {
                        wake.notify_all();
                        return;
                    };
                    let r = work(&item);
                    if let Ok(mut res) = results.lock() {
                        res[i] = Some(r);
                    }
                    if let Ok(mut q) = queue.lock()
                        && let Some(n) = q.running.get_mut(&h)
                    {
                        *n = n.saturating_sub(1);
                    }
                    wake.notify_all();
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn by_host_keeps_the_order_and_the_limit_per_host() {
        let items: Vec<(String, usize)> = (0..60).map(|i| (format!("h{}", i % 3), i)).collect();
        let running: BTreeMap<String, AtomicUsize> = (0..3)
            .map(|h| (format!("h{h}"), AtomicUsize::new(0)))
            .collect();
        let most = AtomicUsize::new(0);
        let out = by_host(
            items,
            2,
            |(h, _)| h.clone(),
            |(h, i)| {
                let n = running[h].fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(n, Ordering::SeqCst);
                std::thread::yield_now();
                running[h].fetch_sub(1, Ordering::SeqCst);
                i * 2
            },
        );
        assert_eq!(out, (0..60).map(|i| i * 2).collect::<Vec<_>>());
        assert!(most.load(Ordering::SeqCst) <= 2);
    }
}
