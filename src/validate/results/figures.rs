//! The named figures of SPEC §9, never one ambiguous "engagement": interactions, the three
//! engagement rates, the click-through rate, followers gained. Unknown is not zero: a sum of
//! counts no row knows is unknown, and a rate is a ratio of sums taken over the rows that know
//! both its terms (a row without reach adds nothing to `engagement_rate_reach`).

use serde::Serialize;

use crate::load::metrics::{Count, Counts};

/// The figures of one post on one network (or of one unmatched row).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Figures {
    pub interactions: Option<u64>,
    pub engagement_rate_reach: Option<f64>,
    pub engagement_rate_impressions: Option<f64>,
    pub engagement_rate_followers: Option<f64>,
    pub ctr: Option<f64>,
}

/// likes + comments + shares + saves, the unknown ones left out; unknown if all are.
pub fn interactions(c: &Counts) -> Option<u64> {
    let parts = [Count::Likes, Count::Comments, Count::Shares, Count::Saves];
    parts
        .iter()
        .filter_map(|p| c.get(*p))
        .fold(None, |acc, v| Some(acc.unwrap_or(0) + v))
}

fn ratio(num: Option<u64>, den: Option<u64>) -> Option<f64> {
    match (num, den) {
        (Some(n), Some(d)) if d > 0 => Some(n as f64 / d as f64),
        _ => None,
    }
}

impl Figures {
    pub fn of(c: &Counts, followers: Option<u64>) -> Figures {
        let i = interactions(c);
        Figures {
            interactions: i,
            engagement_rate_reach: ratio(i, c.get(Count::Reach)),
            engagement_rate_impressions: ratio(i, c.get(Count::Impressions)),
            engagement_rate_followers: ratio(i, followers),
            ctr: ratio(c.get(Count::Clicks), c.get(Count::Impressions)),
        }
    }
}

/// A ratio of sums, over the rows that know both terms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    pub num: u64,
    pub den: u64,
    pub rows: usize,
}

impl Ratio {
    fn add(&mut self, num: Option<u64>, den: Option<u64>) {
        if let (Some(n), Some(d)) = (num, den) {
            self.num += n;
            self.den += d;
            self.rows += 1;
        }
    }

    pub fn value(&self) -> Option<f64> {
        (self.rows > 0 && self.den > 0).then(|| self.num as f64 / self.den as f64)
    }
}

/// The sum of some rows: posts, counts, interactions and the rates' terms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Total {
    pub posts: usize,
    pub counts: Counts,
    pub interactions: Option<u64>,
    pub rate_reach: Ratio,
    pub rate_impressions: Ratio,
    pub rate_followers: Ratio,
    pub ctr: Ratio,
}

impl Total {
    /// Adds one row (a post on a network, or an unmatched row).
    pub fn add(&mut self, c: &Counts, followers: Option<u64>) {
        self.posts += 1;
        for k in Count::ALL {
            if let Some(v) = c.get(k) {
                self.counts
                    .set(k, Some(self.counts.get(k).unwrap_or(0) + v));
            }
        }
        let i = interactions(c);
        if let Some(v) = i {
            self.interactions = Some(self.interactions.unwrap_or(0) + v);
        }
        self.rate_reach.add(i, c.get(Count::Reach));
        self.rate_impressions.add(i, c.get(Count::Impressions));
        self.rate_followers.add(i, followers);
        self.ctr
            .add(c.get(Count::Clicks), c.get(Count::Impressions));
    }

    pub fn figures(&self) -> Figures {
        Figures {
            interactions: self.interactions,
            engagement_rate_reach: self.rate_reach.value(),
            engagement_rate_impressions: self.rate_impressions.value(),
            engagement_rate_followers: self.rate_followers.value(),
            ctr: self.ctr.value(),
        }
    }

    /// A figure by its KPI name (SPEC §9): counts, `posts`, `interactions` and the rates.
    pub fn named(&self, name: &str) -> Option<f64> {
        let f = self.figures();
        match name {
            "posts" => Some(self.posts as f64),
            "interactions" => f.interactions.map(|v| v as f64),
            "engagement_rate_reach" => f.engagement_rate_reach,
            "engagement_rate_impressions" => f.engagement_rate_impressions,
            "engagement_rate_followers" => f.engagement_rate_followers,
            "ctr" => f.ctr,
            other => Count::ALL
                .iter()
                .find(|c| c.name() == other)
                .and_then(|c| self.counts.get(*c))
                .map(|v| v as f64),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(values: &[(Count, u64)]) -> Counts {
        let mut c = Counts::default();
        for (k, v) in values {
            c.set(*k, Some(*v));
        }
        c
    }

    #[test]
    fn unknown_counts_are_left_out_never_zero() {
        assert_eq!(interactions(&Counts::default()), None);
        let c = counts(&[(Count::Likes, 10), (Count::Comments, 2)]);
        assert_eq!(interactions(&c), Some(12));
        let f = Figures::of(&c, None);
        // No reach, no impressions, no followers: every rate is unknown.
        assert_eq!(f.engagement_rate_reach, None);
        assert_eq!(f.engagement_rate_impressions, None);
        assert_eq!(f.engagement_rate_followers, None);
        assert_eq!(f.ctr, None);
        let c = counts(&[
            (Count::Likes, 30),
            (Count::Shares, 10),
            (Count::Reach, 800),
            (Count::Impressions, 1000),
            (Count::Clicks, 25),
        ]);
        let f = Figures::of(&c, Some(4000));
        assert_eq!(f.interactions, Some(40));
        assert_eq!(f.engagement_rate_reach, Some(0.05));
        assert_eq!(f.engagement_rate_impressions, Some(0.04));
        assert_eq!(f.engagement_rate_followers, Some(0.01));
        assert_eq!(f.ctr, Some(0.025));
        // A zero denominator is unknown, not infinite.
        let f = Figures::of(&counts(&[(Count::Likes, 3), (Count::Reach, 0)]), Some(0));
        assert_eq!(
            (f.engagement_rate_reach, f.engagement_rate_followers),
            (None, None)
        );
    }

    #[test]
    fn rates_of_sums_use_only_rows_that_know_both_terms() {
        let mut t = Total::default();
        t.add(&counts(&[(Count::Likes, 50), (Count::Reach, 1000)]), None);
        // No reach: its 500 likes count in interactions, not in the reach rate.
        t.add(&counts(&[(Count::Likes, 500)]), None);
        assert_eq!(t.posts, 2);
        assert_eq!(t.interactions, Some(550));
        assert_eq!(t.counts.get(Count::Reach), Some(1000));
        assert_eq!(t.counts.get(Count::Clicks), None);
        assert_eq!(t.figures().engagement_rate_reach, Some(0.05));
        assert_eq!(t.named("likes"), Some(550.0));
        assert_eq!(t.named("posts"), Some(2.0));
        assert_eq!(t.named("clicks"), None);
        assert_eq!(t.named("ctr"), None);
    }
}
