//! Finding URLs in a text as X does: twitter-text's `Extractor.extractURLsWithIndices` and its
//! `Regex.VALID_URL` (the Java reference of https://github.com/twitter/twitter-text, Apache
//! License 2.0), URLs without a scheme included.
//!
//! The pattern relies on lookarounds, atomic groups and possessive loops, which the `regex`
//! crate does not have; it is written here as a scanner that tries the alternatives in the
//! pattern's own backtracking order. Every step is bounded (a label is at most 257 characters,
//! a host at most [`MAX_LABELS`] labels), so the cost is linear in the text.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// A URL found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Whether it starts with `http://` or `https://`.
    pub scheme: bool,
}

/// A URL longer than this (in UTF-16 units, `https://` added when it has no scheme, the host
/// in punycode) is not a link on X.
const MAX_URL_LENGTH: usize = 4096;
/// A t.co address with a longer slug is not one.
const MAX_TCO_SLUG: usize = 40;
/// `(?:C[C\-_]{0,255})?C`: the longest label the pattern takes, in characters.
const MAX_LABEL: usize = 257;
/// Not in twitter-text: a host has at most 127 labels in DNS, and the bound keeps a text of
/// a hundred thousand `a.` linear.
const MAX_LABELS: usize = 127;
/// The longest top-level domain of the list is 24 characters.
const MAX_TLD: usize = 30;

/// The top-level domains, lowercase (`tlds.txt`, with its source).
fn tlds() -> &'static HashSet<&'static str> {
    static TLDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    TLDS.get_or_init(|| {
        include_str!("tlds.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Every URL of `text`, in order.
pub fn extract(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    // The reference's own shortcut: no URL without a dot.
    if !text.contains('.') {
        return found;
    }
    let mut from = 0;
    while from < text.len() {
        let Some(m) = search(text, from) else { break };
        from = m.end;
        if let Some(url) = accept(text, &m) {
            found.push(url);
        }
    }
    found
}

/// One match of the pattern, before the extractor's checks.
struct Match {
    /// The character before the URL, which the pattern consumes (`None` at the text's start).
    before: Option<char>,
    url: usize,
    end: usize,
    scheme: bool,
    host: Range<usize>,
}

/// The first match starting at `from` or later, as `Matcher.find` goes.
fn search(text: &str, from: usize) -> Option<Match> {
    let mut i = from;
    while i < text.len() {
        let c = char_at(text, i)?;
        // `(?:[^a-z0-9@＠$#＃\uFFFE\uFEFF\uFFFF]|[directional]|^)`: a character first, then `^`.
        if precedes(c)
            && let Some(m) = url_at(text, i + c.len_utf8(), Some(c))
        {
            return Some(m);
        }
        if i == 0
            && let Some(m) = url_at(text, 0, None)
        {
            return Some(m);
        }
        i += c.len_utf8();
    }
    None
}

/// The extractor's checks on a match: a URL without a scheme after `-`, `_`, `.` or `/` is
/// not one; a t.co address keeps only its slug and query; the host must convert to punycode
/// (Java's `IDN.toASCII`: no empty label, none over 63 characters) and the whole fit
/// [`MAX_URL_LENGTH`].
fn accept(text: &str, m: &Match) -> Option<Found> {
    if !m.scheme && matches!(m.before, Some('-' | '_' | '.' | '/')) {
        return None;
    }
    let mut end = m.end;
    if m.scheme {
        let after = text[m.url..].find("://").map_or(m.url, |i| m.url + i + 3);
        if text[after..m.end]
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("t.co/"))
        {
            let slug_start = after + 5;
            let slug = text[slug_start..m.end]
                .bytes()
                .take_while(u8::is_ascii_alphanumeric)
                .count();
            if slug > 0 {
                if slug > MAX_TCO_SLUG {
                    return None;
                }
                end = query(text, slug_start + slug).unwrap_or(slug_start + slug);
            }
        }
    }
    let host = &text[m.host.clone()];
    let ascii = idna::domain_to_ascii(host).ok()?;
    if ascii
        .split('.')
        .any(|label| label.is_empty() || label.len() > 63)
    {
        return None;
    }
    let utf16 = |s: &str| s.encode_utf16().count();
    let scheme = if m.scheme { 0 } else { "https://".len() };
    let length = (utf16(&text[m.url..end]) + ascii.len() + scheme).saturating_sub(utf16(host));
    (length <= MAX_URL_LENGTH).then_some(Found {
        range: m.url..end,
        scheme: m.scheme,
    })
}

/// `(https?://)?(domain)(?::port)?(/path)?(\?query)?` at `u`; the scheme is tried first.
fn url_at(text: &str, u: usize, before: Option<char>) -> Option<Match> {
    let rest = &text[u..];
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| {
            rest.get(..s.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(s))
        })
        .map(str::len);
    let (start, host_end, scheme) = match scheme.and_then(|n| Some((u + n, domain(text, u + n)?))) {
        Some((start, end)) => (start, end, true),
        None => (u, domain(text, u)?, false),
    };
    let mut end = host_end;
    // `(?::([0-9]++))?`
    if text[end..].starts_with(':') {
        let digits = text[end + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if digits > 0 {
            end += 1 + digits;
        }
    }
    if text[end..].starts_with('/') {
        end = path(text, end);
    }
    if text[end..].starts_with('?')
        && let Some(e) = query(text, end)
    {
        end = e;
    }
    Some(Match {
        before,
        url: u,
        end,
        scheme,
        host: start..host_end,
    })
}

/// The end of the domain starting at `d`, tried as the pattern's alternatives go: ASCII and
/// Latin labels ending in a known TLD or punycode, most subdomains first; then, right after
/// `http(s)://`, one label of any letters (`http://ああ.com`). The pattern's other branches
/// (`domain.ccTLD`, `domain.ccTLD/`) match nothing the first one does not.
fn domain(text: &str, d: usize) -> Option<usize> {
    // Where the domain name may start: after 0, 1, 2… subdomains, tried from the most.
    let mut starts = [0usize; MAX_LABELS + 1];
    starts[0] = d;
    let mut n = 1;
    while n <= MAX_LABELS {
        let Some(dot) = label(text, starts[n - 1], true, is_domain_char) else {
            break;
        };
        starts[n] = dot + 1;
        n += 1;
    }
    for &q in starts[..n].iter().rev() {
        if let Some(dot) = label(text, q, false, is_domain_char)
            && let Some(end) = listed_tld(text, dot + 1).or_else(|| punycode_tld(text, dot + 1))
        {
            return Some(end);
        }
    }
    if after_scheme(text, d)
        && let Some(dot) = label(text, d, false, is_unicode_domain_char)
    {
        return listed_tld(text, dot + 1);
    }
    None
}

/// A label at `q` ending at a dot: `(?:C[C\-_]{0,255})?C\.` (`_` only for subdomains); the
/// dot's position.
fn label(text: &str, q: usize, underscore: bool, valid: fn(char) -> bool) -> Option<usize> {
    let mut last = None;
    for (n, (i, c)) in text[q..].char_indices().enumerate() {
        if c == '.' {
            return last.filter(|&l: &char| valid(l)).map(|_| q + i);
        }
        let allowed = valid(c) || (n > 0 && (c == '-' || (underscore && c == '_')));
        if !allowed || n >= MAX_LABEL {
            return None;
        }
        last = Some(c);
    }
    None
}

/// `(?<=https?://)`
fn after_scheme(text: &str, d: usize) -> bool {
    let before = &text[..d];
    ["http://", "https://"].iter().any(|s| {
        before.len() >= s.len()
            && before.is_char_boundary(before.len() - s.len())
            && before[before.len() - s.len()..].eq_ignore_ascii_case(s)
    })
}

/// A known TLD at `p`, not followed by `[a-zA-Z0-9@+-]`; its end. The longest that fits.
fn listed_tld(text: &str, p: usize) -> Option<usize> {
    // Lowercased on the stack: this runs for every label of every attempt.
    let mut lower = [0u8; 4 * MAX_TLD];
    let mut best = None;
    let mut len = 0;
    let mut chars = text[p..].char_indices().take(MAX_TLD).peekable();
    while let Some((i, c)) = chars.next() {
        // A TLD is letters, digits, marks and `-`: nothing past a dot or a space can be one.
        if c.is_ascii() && !(c.is_ascii_alphanumeric() || c == '-') {
            break;
        }
        len += c.to_ascii_lowercase().encode_utf8(&mut lower[len..]).len();
        let next = chars
            .peek()
            .map(|&(_, c)| c)
            .or_else(|| char_at(text, p + i + c.len_utf8()));
        let free =
            next.is_none_or(|c| !(c.is_ascii_alphanumeric() || matches!(c, '@' | '+' | '-')));
        if free
            && std::str::from_utf8(&lower[..len]).is_ok_and(|candidate| tlds().contains(candidate))
        {
            best = Some(p + i + c.len_utf8());
        }
    }
    best
}

/// `xn--[-0-9a-z]+` at `p`; its end.
fn punycode_tld(text: &str, p: usize) -> Option<usize> {
    let rest = &text[p..];
    if !rest
        .get(..4)
        .is_some_and(|s| s.eq_ignore_ascii_case("xn--"))
    {
        return None;
    }
    let n = rest[4..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    (n > 0).then_some(p + 4 + n)
}

/// `(/ PATH*+)`, from the slash at `p`: path characters and balanced parentheses, ending on a
/// character a URL may end with (so `/foo.` leaves its period out).
fn path(text: &str, p: usize) -> usize {
    let mut pos = p + 1;
    let mut end = pos;
    while let Some(c) = char_at(text, pos) {
        if is_path_char(c) {
            pos += c.len_utf8();
            if is_path_end(c) {
                end = pos;
            }
        } else if c == '('
            && let Some(e) = balanced(text, pos)
        {
            pos = e;
            end = e;
        } else {
            break;
        }
    }
    end
}

/// `\((?:P+|P*\(P+\)P*)\)`: parentheses with one nested level (`/wiki/Primer_(film)`).
fn balanced(text: &str, p: usize) -> Option<usize> {
    let run = |from: usize| {
        text[from..]
            .char_indices()
            .find(|(_, c)| !is_path_char(*c))
            .map_or(text.len(), |(i, _)| from + i)
    };
    let inner = p + 1;
    let first = run(inner);
    match char_at(text, first) {
        Some(')') if first > inner => Some(first + 1),
        Some('(') => {
            let nested = first + 1;
            let close = run(nested);
            if close == nested || char_at(text, close) != Some(')') {
                return None;
            }
            let after = run(close + 1);
            (char_at(text, after) == Some(')')).then_some(after + 1)
        }
        _ => None,
    }
}

/// `\?Q*E` from the `?` at `p`: the end after the last character a query may end with.
fn query(text: &str, p: usize) -> Option<usize> {
    if !text[p..].starts_with('?') {
        return None;
    }
    let mut end = None;
    for (i, c) in text[p + 1..].char_indices() {
        if !is_query_char(c) {
            break;
        }
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '&' | '=' | '#' | '/') {
            end = Some(p + 1 + i + 1);
        }
    }
    end
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// `URL_VALID_PRECEDING_CHARS`: anything but a letter or digit, `@`, `$`, `#` (and their
/// full-width forms) or a non-character.
fn precedes(c: char) -> bool {
    !(c.is_ascii_alphanumeric()
        || matches!(
            c,
            '@' | '\u{ff20}' | '$' | '#' | '\u{ff03}' | '\u{fffe}' | '\u{feff}' | '\u{ffff}'
        ))
}

/// `LATIN_ACCENTS_CHARS`
fn is_latin_accent(c: char) -> bool {
    matches!(c,
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{ff}' | '\u{100}'..='\u{24f}'
        | '\u{253}' | '\u{254}' | '\u{256}' | '\u{257}' | '\u{259}' | '\u{25b}' | '\u{263}'
        | '\u{268}' | '\u{26f}' | '\u{272}' | '\u{289}' | '\u{28b}' | '\u{2bb}'
        | '\u{300}'..='\u{36f}' | '\u{1e00}'..='\u{1eff}')
}

/// `URL_VALID_CHARS`: what an ASCII or Latin host label is made of.
fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_latin_accent(c)
}

/// `URL_VALID_UNICODE_CHARS`: anything but ASCII punctuation, spaces and General Punctuation.
fn is_unicode_domain_char(c: char) -> bool {
    !(c.is_ascii_punctuation()
        || matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r')
        || is_separator(c)
        || ('\u{2000}'..='\u{206f}').contains(&c))
}

/// `\p{Z}`
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// `URL_VALID_GENERAL_PATH_CHARS`
fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '*'
                | '\''
                | ';'
                | ':'
                | '='
                | '+'
                | ','
                | '.'
                | '$'
                | '/'
                | '%'
                | '#'
                | '['
                | ']'
                | '-'
                | '\u{2013}'
                | '_'
                | '~'
                | '|'
                | '&'
                | '@'
        )
        || is_latin_accent(c)
        || is_cyrillic(c)
}

/// `URL_VALID_PATH_ENDING_CHARS` (balanced parentheses aside)
fn is_path_end(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '=' | '_' | '#' | '/' | '-' | '+')
        || is_latin_accent(c)
        || is_cyrillic(c)
}

/// `URL_VALID_URL_QUERY_CHARS`
fn is_query_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '?'
                | '*'
                | '\''
                | '('
                | ')'
                | ';'
                | ':'
                | '&'
                | '='
                | '+'
                | '$'
                | '/'
                | '%'
                | '#'
                | '['
                | ']'
                | '-'
                | '_'
                | '.'
                | ','
                | '~'
                | '|'
                | '@'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<&str> {
        extract(text).into_iter().map(|f| &text[f.range]).collect()
    }

    #[test]
    fn finds_what_x_links() {
        assert_eq!(urls("Voir alti.fr/hiver !"), ["alti.fr/hiver"]);
        assert_eq!(urls("(https://alti.fr/a?b=1)."), ["https://alti.fr/a?b=1"]);
        // A reserved name is not a TLD.
        assert!(urls("https://alti.example/a").is_empty());
        assert_eq!(urls("http://t.co/pbY2NfTZ's"), ["http://t.co/pbY2NfTZ"]);
        assert_eq!(urls("name.al-lastname@foo.com"), Vec::<&str>::new());
        assert_eq!(urls("http://ああ.com/x"), ["http://ああ.com/x"]);
    }

    #[test]
    fn hostile_texts_take_linear_time() {
        // Every `.` starts an attempt over the labels after it: bounded by MAX_LABELS.
        let dots = "a.".repeat(20_000);
        assert!(urls(&dots).is_empty());
        let long = format!("http://{}.com", "a".repeat(100_000));
        assert!(urls(&long).is_empty());
        assert_eq!(urls(&"x.com ".repeat(5_000)).len(), 5_000);
    }
}
