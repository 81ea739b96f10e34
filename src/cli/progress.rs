//! The progress line of a long `trame build`: what it is doing and for how long, on a terminal
//! only, once the build has taken a second (a quick build prints nothing more than before), never
//! with `--quiet` nor in CI (`CI` set), where it would only fill the log.

use std::borrow::Cow;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Term;

/// How long a build runs before its progress line appears.
const SHOW_AFTER: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: Option<(ProgressBar, Arc<Mutex<bool>>)>,
}

impl Progress {
    pub fn start(term: &Term) -> Progress {
        if !term.progress {
            return Progress { bar: None };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {elapsed:>3} {msg}") {
            bar.set_style(style);
        }
        let done = Arc::new(Mutex::new(false));
        let (shown, finished) = (bar.clone(), Arc::clone(&done));
        std::thread::spawn(move || {
            std::thread::sleep(SHOW_AFTER);
            // Under the lock: the build cannot finish between the check and the first draw.
            if let Ok(done) = finished.lock()
                && !*done
            {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(120));
            }
        });
        Progress {
            bar: Some((bar, done)),
        }
    }

    /// The step under way, in a few words.
    pub fn step(&self, message: impl Into<Cow<'static, str>>) {
        if let Some((bar, _)) = &self.bar {
            bar.set_message(message);
        }
    }

    /// Prints above the progress line (diagnostics), which is drawn again after.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some((bar, _)) => bar.suspend(f),
            None => f(),
        }
    }

    /// Clears the line for good.
    pub fn finish(&self) {
        if let Some((bar, done)) = &self.bar {
            if let Ok(mut done) = done.lock() {
                *done = true;
            }
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// A bar that counts what a network command has done (`veille`, `check --links`): on a
/// terminal only, like [`Progress`], shown from the start (requests are slow).
pub struct Counter {
    bar: Option<ProgressBar>,
}

impl Counter {
    pub fn start(term: &Term, total: usize, what: String) -> Counter {
        if !term.progress || total == 0 {
            return Counter { bar: None };
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {msg} {elapsed}") {
            bar.set_style(style);
        }
        bar.set_message(what);
        Counter { bar: Some(bar) }
    }

    pub fn tick(&self) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }
}

impl Drop for Counter {
    fn drop(&mut self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

/// The seconds since `started`, to the tenth, as the language writes them ("1,2").
pub fn seconds_since(lang: crate::base::l10n::Language, started: std::time::Instant) -> String {
    crate::base::l10n::decimal(
        lang,
        (started.elapsed().as_secs_f64() * 10.0).round() / 10.0,
    )
}
