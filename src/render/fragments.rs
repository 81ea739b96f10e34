//! Rendered pieces of posts kept between renders: a post's chips (per page kind), its object
//! in `calendar.json` and its events in the feeds are made once and reused by every page that
//! lists it, until the post changes. `build` renders with nothing kept, so a watched site and a
//! built one are the same bytes.

use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::PostRef;
use super::pages::ChipKind;
use super::theme::ThemeError;

/// What is kept of one post: its chips (by kind, with the error count they show), its object
/// in `calendar.json`, its events (one per feed, in the order of the feeds they were made for).
/// Small vectors rather than maps: a lookup is a few comparisons, 10,000 times per page.
#[derive(Default)]
struct Kept {
    /// By `ChipKind as usize`.
    chips: [Option<(usize, Arc<str>)>; ChipKind::COUNT],
    json: Option<Arc<str>>,
    events: Option<(Vec<Option<String>>, Events)>,
}

/// A post's events, one per feed (`None`: not in that feed); shared, not copied, per render.
type Events = Arc<[Option<Arc<str>>]>;

/// Rendered pieces of posts, kept between renders (watch mode) and dropped when a post changes.
#[derive(Default)]
pub struct Fragments {
    /// By post file. Looked up 10,000 times per big page: Fx hashing, not SipHash.
    posts: RwLock<FxHashMap<String, Kept>>,
    /// The sections of the diagnostics page, by a hash of what each shows (a file's problems
    /// can change when another file does: cadence, duplicate ids), kept from one render to the
    /// next only if still shown.
    sections: RwLock<FxHashMap<u64, Arc<str>>>,
}

/// A poisoned lock only means another page failed to render; the map stays consistent.
fn read<T>(m: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    m.read().unwrap_or_else(|e| e.into_inner())
}

fn write<T>(m: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    m.write().unwrap_or_else(|e| e.into_inner())
}

impl Fragments {
    /// The kept pieces of `posts` (read under a shared lock: pages render in parallel), the
    /// missing ones made by `make` and kept. `pick` reads a piece out of what is kept.
    fn batch<T: Clone + Send + Sync>(
        &self,
        posts: &[&PostRef<'_>],
        pick: impl Fn(&PostRef<'_>, &Kept) -> Option<T> + Sync,
        make: impl Fn(&PostRef<'_>) -> Result<T, ThemeError> + Sync,
        keep: impl Fn(&PostRef<'_>, &mut Kept, T),
    ) -> Result<Vec<T>, ThemeError> {
        let mut out: Vec<Option<T>> = {
            let kept = read(&self.posts);
            let look = |p: &&PostRef<'_>| kept.get(p.file).and_then(|k| pick(p, k));
            // Lookups wait on memory: the big pages (feeds, calendar.json) split them.
            if posts.len() >= 2048 {
                posts.par_iter().map(look).collect()
            } else {
                posts.iter().map(look).collect()
            }
        };
        let missing: Vec<usize> = (0..posts.len()).filter(|i| out[*i].is_none()).collect();
        if missing.is_empty() {
            return Ok(out.into_iter().flatten().collect());
        }
        let made: Vec<T> = missing
            .par_iter()
            .map(|i| make(posts[*i]))
            .collect::<Result<_, _>>()?;
        let mut kept = write(&self.posts);
        for (i, t) in missing.into_iter().zip(made) {
            let p = posts[i];
            keep(p, kept.entry(p.file.to_string()).or_default(), t.clone());
            out[i] = Some(t);
        }
        Ok(out.into_iter().flatten().collect())
    }

    /// Chips of `posts`; a kept chip is used only if it shows the same number of errors.
    pub(crate) fn chips(
        &self,
        posts: &[&PostRef<'_>],
        kind: ChipKind,
        errors: impl Fn(&PostRef<'_>) -> usize + Sync,
        make: impl Fn(&PostRef<'_>) -> Result<String, ThemeError> + Sync,
    ) -> Result<Vec<Arc<str>>, ThemeError> {
        self.batch(
            posts,
            |p, k| {
                k.chips[kind as usize]
                    .as_ref()
                    .filter(|(e, _)| *e == errors(p))
                    .map(|(_, html)| html.clone())
            },
            |p| Ok(make(p)?.into()),
            |p, k, html| k.chips[kind as usize] = Some((errors(p), html)),
        )
    }

    /// The `calendar.json` objects of `posts`.
    pub(crate) fn json(
        &self,
        posts: &[&PostRef<'_>],
        make: impl Fn(&PostRef<'_>) -> String + Sync,
    ) -> Vec<Arc<str>> {
        self.batch(
            posts,
            |_, k| k.json.clone(),
            |p| Ok(make(p).into()),
            |_, k, j| k.json = Some(j),
        )
        .unwrap_or_default()
    }

    /// The events of `posts` in each of `feeds` (`None`: the feed of every network), by post
    /// then feed: one lookup per post for all the feeds.
    pub(crate) fn events(
        &self,
        posts: &[&PostRef<'_>],
        feeds: &[Option<String>],
        make: impl Fn(&PostRef<'_>, Option<&str>) -> Option<String> + Sync,
    ) -> Vec<Events> {
        self.batch(
            posts,
            |_, k| {
                k.events
                    .as_ref()
                    .filter(|(made_for, _)| made_for == feeds)
                    .map(|(_, events)| events.clone())
            },
            |p| {
                Ok(feeds
                    .iter()
                    .map(|f| make(p, f.as_deref()).map(Into::into))
                    .collect::<Vec<_>>()
                    .into())
            },
            |_, k, events| k.events = Some((feeds.to_vec(), events)),
        )
        .unwrap_or_default()
    }

    /// The sections of the diagnostics page, one per file: `views` are the serialised view of
    /// each and its hash; the missing ones are made by `make` (in parallel). Only the sections
    /// of this render are kept for the next.
    pub fn sections<V: Sync>(
        &self,
        views: &[(u64, V)],
        make: impl Fn(&V) -> Result<String, ThemeError> + Sync,
    ) -> Result<Vec<Arc<str>>, ThemeError> {
        let kept = std::mem::take(&mut *write(&self.sections));
        let out: Vec<Arc<str>> = views
            .par_iter()
            .map(|(hash, view)| match kept.get(hash) {
                Some(html) => Ok(Arc::clone(html)),
                None => make(view).map(Arc::from),
            })
            .collect::<Result<_, _>>()?;
        let mut next = write(&self.sections);
        for ((hash, _), html) in views.iter().zip(&out) {
            next.insert(*hash, Arc::clone(html));
        }
        Ok(out)
    }

    /// Drops everything kept for a post (it changed, or something it shows did).
    pub fn forget(&self, file: &str) {
        write(&self.posts).remove(file);
    }
}
