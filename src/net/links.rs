//! `trame check --links`: every http(s) address written in a post, a calendar entry, an audit
//! note or a veille note (front matter and text alike), checked once per run however many
//! places it appears in, each problem reported at every place. HEAD first, GET when HEAD is
//! refused; redirects followed; a 429 waited out and retried; a few requests per host at a
//! time. Results are kept in `.trame/links.json` and reused while younger than
//! `links.max_age`.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::load::config::{Config, Language};
use crate::load::outside::{CACHE as LINK_CACHE, Cached, LinkCache as Cache, Outcome};

/// Retries of a 429 answer, and the longest `Retry-After` waited.
const RETRIES: u32 = 3;
const MAX_WAIT: Duration = Duration::from_secs(10);

/// One place an address is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub url: String,
    pub file: String,
    pub pos: Pos,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Distinct addresses, excluded ones aside.
    pub urls: usize,
    pub places: usize,
    pub excluded: usize,
    /// Taken from the cache.
    pub cached: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Every http(s) address of one file's text, at its line and column.
pub fn places_in(file: &str, text: &str) -> Vec<Place> {
    crate::base::text::web_addresses(text)
        .into_iter()
        .map(|(url, line, column)| Place {
            url,
            file: file.to_string(),
            pos: Pos::new(line, column),
        })
        .collect()
}

/// Checks the addresses of `places` (whose files' texts they come from); `done` is told each
/// address done, from the cache or over the network (the progress bar).
pub fn check(
    config: &Config,
    places: Vec<Place>,
    timeout: Duration,
    done: &(dyn Fn() + Sync),
) -> std::io::Result<Report> {
    let root = &config.root;
    let lang = config.language;
    let mut cache: Cache = crate::load::outside::read_link_cache(root);
    let now = jiff::Timestamp::now().as_second();
    let max_age = i64::try_from(config.links.max_age).unwrap_or(i64::MAX);
    let mut report = Report {
        places: places.len(),
        ..Report::default()
    };
    let mut by_url: BTreeMap<String, Vec<Place>> = BTreeMap::new();
    for p in places {
        by_url.entry(p.url.clone()).or_default().push(p);
    }
    by_url.retain(|u, _| {
        let keep = !config.links.excluded(u);
        if !keep {
            report.excluded += 1;
        }
        keep
    });
    report.urls = by_url.len();
    let mut outcomes: BTreeMap<String, Outcome> = BTreeMap::new();
    let mut to_check: Vec<String> = Vec::new();
    for url in by_url.keys() {
        match cache.links.get(url) {
            Some(c) if now.saturating_sub(c.checked) < max_age && c.checked <= now => {
                report.cached += 1;
                outcomes.insert(url.clone(), c.outcome.clone());
                done();
            }
            _ => to_check.push(url.clone()),
        }
    }
    let agent = super::agent(timeout);
    let checked = super::by_host(
        to_check.clone(),
        super::PER_HOST,
        |u| super::host_of(u),
        |u| {
            let o = check_one(&agent, u, lang);
            done();
            o
        },
    );
    for (url, outcome) in to_check.into_iter().zip(checked) {
        cache.links.insert(
            url.clone(),
            Cached {
                checked: now,
                outcome: outcome.clone(),
            },
        );
        outcomes.insert(url, outcome);
    }
    // Results older than a year are forgotten (an address removed from the project).
    cache
        .links
        .retain(|_, c| now.saturating_sub(c.checked) < 366 * 86_400);
    super::state::write(root, LINK_CACHE, &cache)?;
    for (url, places) in &by_url {
        let Some(outcome) = outcomes.get(url) else {
            continue;
        };
        for p in places {
            if let Some(d) = diagnostic(p, outcome, lang) {
                report.diagnostics.push(d);
            }
        }
    }
    Ok(report)
}

fn diagnostic(p: &Place, outcome: &Outcome, lang: Language) -> Option<Diagnostic> {
    let url = crate::diagnostics::printable(&p.url, false);
    let (code, message, help) = match outcome {
        Outcome::Ok => return None,
        Outcome::Redirect { to } => (
            Code::LinkRedirect,
            t!(lang, "link-redirect", url = &*url, to = to.as_str()),
            t!(lang, "link-redirect-help", to = to.as_str()),
        ),
        Outcome::Dead { status } => (
            Code::LinkDead,
            t!(lang, "link-dead", url = &*url, status = *status),
            t!(lang, "link-dead-help"),
        ),
        Outcome::Unreachable { reason } => (
            Code::LinkUnreachable,
            t!(
                lang,
                "link-unreachable",
                url = &*url,
                reason = reason.as_str()
            ),
            t!(lang, "link-unreachable-help"),
        ),
    };
    Some(
        Diagnostic::new(code, &p.file, p.pos, message)
            .with_help(help)
            .with_span(p.url.chars().count()),
    )
}

/// HEAD, then GET when HEAD is refused (many servers answer HEAD with 403, 404 or 405); a 429
/// is retried after its `Retry-After` (or 1, 2, 4 s).
fn check_one(agent: &ureq::Agent, url: &str, lang: Language) -> Outcome {
    let mut answer = request(agent, url, true, lang);
    if matches!(&answer, Ok(a) if a.status >= 400) {
        answer = request(agent, url, false, lang);
    }
    let mut tries = 0;
    while let Ok(a) = &answer {
        if a.status != 429 || tries == RETRIES {
            break;
        }
        tries += 1;
        let backoff = Duration::from_secs(1 << (tries - 1));
        std::thread::sleep(a.retry_after.unwrap_or(backoff).min(MAX_WAIT));
        answer = request(agent, url, false, lang);
    }
    match answer {
        Err(reason) => Outcome::Unreachable { reason },
        Ok(a) if a.status == 429 => Outcome::Unreachable {
            reason: t!(lang, "link-rate-limited"),
        },
        Ok(a) if a.status >= 400 => Outcome::Dead { status: a.status },
        Ok(a) => {
            let asked = url::Url::parse(url).map(|u| u.to_string()).ok();
            match a.at {
                Some(at) if Some(&at) != asked.as_ref() => Outcome::Redirect { to: at },
                _ => Outcome::Ok,
            }
        }
    }
}

/// What one request got.
struct Answer {
    status: u16,
    retry_after: Option<Duration>,
    /// The address that answered, after redirects.
    at: Option<String>,
}

/// One request, or why there is no answer.
fn request(agent: &ureq::Agent, url: &str, head: bool, lang: Language) -> Result<Answer, String> {
    use ureq::ResponseExt;
    let resp = if head {
        agent.head(url).call()
    } else {
        agent.get(url).call()
    };
    let resp = resp.map_err(|e| reason(&e, lang))?;
    let retry_after = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let at = url::Url::parse(&resp.get_uri().to_string())
        .ok()
        .map(|u| u.to_string());
    Ok(Answer {
        status: resp.status().as_u16(),
        retry_after,
        at,
    })
}

/// Why a request got no answer, in words a CM understands.
pub fn reason(e: &ureq::Error, lang: Language) -> String {
    match e {
        ureq::Error::Timeout(_) => t!(lang, "net-timeout"),
        ureq::Error::HostNotFound => t!(lang, "net-host-not-found"),
        ureq::Error::ConnectionFailed => t!(lang, "net-connection-failed"),
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => {
            t!(lang, "net-redirects", max = super::MAX_REDIRECTS)
        }
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            t!(lang, "net-connection-failed")
        }
        other => t!(lang, "net-other", problem = other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_found_at_their_line_and_column() {
        let text = "---\nlink: \"https://a.example/x?utm=1\"\n---\nVoir https://b.example/été, puis (https://c.example/p).\n";
        let p = places_in("f.md", text);
        let got: Vec<(&str, usize, usize)> = p
            .iter()
            .map(|p| (p.url.as_str(), p.pos.line, p.pos.column))
            .collect();
        assert_eq!(
            got,
            [
                ("https://a.example/x?utm=1", 2, 8),
                ("https://b.example/été", 4, 6),
                ("https://c.example/p", 4, 35),
            ]
        );
    }
}
