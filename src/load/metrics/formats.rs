//! The formats of results files, read from `formats.yaml` (data with sources), and how a header
//! row is recognised.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::cells::Style;

/// A field of trame's normalised row (SPEC §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Network,
    Post,
    Url,
    Date,
    Impressions,
    Reach,
    Likes,
    Comments,
    Shares,
    Saves,
    Clicks,
    VideoViews,
    Followers,
}

/// One export format, in one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Format {
    pub id: String,
    pub label: String,
    /// The network every row is on (`None`: a `network` column says).
    #[serde(default)]
    pub network: Option<String>,
    pub language: Style,
    pub source: String,
    pub checked: String,
    pub identify: Vec<String>,
    pub columns: BTreeMap<Field, Vec<String>>,
}

const DATA: &str = include_str!("formats.yaml");

/// Every known format, most specific first.
pub fn all() -> &'static [Format] {
    static FORMATS: OnceLock<Vec<Format>> = OnceLock::new();
    FORMATS.get_or_init(|| serde_yaml::from_str(DATA).unwrap_or_default())
}

/// A header cell as compared: trimmed, lower case, one space between words, straight
/// apostrophes, no BOM.
pub fn normalise(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The format whose identifying columns are all in `header`, and for each field the index of
/// its column.
pub fn recognise(header: &[String]) -> Option<(&'static Format, BTreeMap<Field, usize>)> {
    let cells: Vec<String> = header.iter().map(|h| normalise(h)).collect();
    let has = |name: &str| cells.iter().position(|c| *c == normalise(name));
    let format = all()
        .iter()
        .filter(|f| f.id != "trame")
        .chain(all().iter().filter(|f| f.id == "trame"))
        .find(|f| f.identify.iter().all(|c| has(c).is_some()))?;
    let mut columns = BTreeMap::new();
    for (field, names) in &format.columns {
        if let Some(i) = names.iter().find_map(|n| has(n)) {
            columns.insert(*field, i);
        }
    }
    Some((format, columns))
}

/// The formats' names, for a file that matches none.
pub fn labels() -> Vec<&'static str> {
    all().iter().map(|f| f.label.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_parses_and_has_a_source() {
        let formats = all();
        assert!(formats.len() >= 9, "formats.yaml did not parse");
        for f in formats {
            assert!(!f.source.trim().is_empty(), "{}", f.label);
            assert!(!f.identify.is_empty(), "{}", f.label);
            assert!(f.columns.contains_key(&Field::Date), "{}", f.label);
            assert!(
                f.network.is_some() || f.columns.contains_key(&Field::Network),
                "{}: no network",
                f.label
            );
            jiff::civil::Date::strptime("%Y-%m-%d", &f.checked).unwrap();
        }
    }

    #[test]
    fn headers_are_recognised_whatever_their_case_and_spaces() {
        let h = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let (f, cols) = recognise(&h(&[
            "\u{feff}Tweet id",
            "Tweet  permalink",
            "TIME",
            "likes",
        ]))
        .unwrap();
        assert_eq!((f.id.as_str(), f.network.as_deref()), ("x", Some("x")));
        assert_eq!(cols.get(&Field::Likes), Some(&3));
        assert_eq!(cols.get(&Field::Url), Some(&1));
        let (f, _) = recognise(&h(&["network", "post", "date", "likes"])).unwrap();
        assert_eq!(f.id, "trame");
        let (f, _) = recognise(&h(&[
            "Identifiant de la publication",
            "Nom d\u{2019}utilisateur du compte",
            "Heure de publication",
        ]))
        .unwrap();
        assert_eq!((f.id.as_str(), f.language), ("meta-instagram", Style::Fr));
        assert!(recognise(&h(&["Date", "Likes"])).is_none());
    }
}
