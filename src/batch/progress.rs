//! Progress of a run: a bar on a terminal, plain log lines every ten seconds otherwise (a log
//! file or CI would fill with bar redraws), nothing with `--quiet`.

use super::Summary;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Told how a run is going after every chunk, every second while a chunk is awaited, and once
/// at the end.
pub trait Progress {
    /// The run goes on (it may have handled more inputs).
    fn update(&mut self, summary: &Summary);
    /// The run is over.
    fn finish(&mut self, summary: &Summary);
}

/// How often a plain log line is written when stderr is not a terminal.
const LOG_EVERY: Duration = Duration::from_secs(10);

/// The standard progress display on stderr.
pub struct Reporter {
    /// How many inputs there are, once known (0 until then; counted on another thread).
    total: Arc<AtomicUsize>,
    started: Instant,
    style: Style,
}

enum Style {
    Bar(ProgressBar),
    /// When the last line was written, and how many inputs it counted.
    Log {
        last: Instant,
        done: usize,
    },
    Quiet,
}

impl Reporter {
    /// A bar when stderr is a terminal, log lines when it is not, nothing when `quiet`.
    /// `total` may be filled in later, while the run goes.
    pub fn new(quiet: bool, total: Arc<AtomicUsize>) -> Self {
        let style = if quiet {
            Style::Quiet
        } else if std::io::stderr().is_terminal() {
            Style::Bar(new_bar())
        } else {
            Style::Log {
                last: Instant::now(),
                done: 0,
            }
        };
        Reporter {
            total,
            started: Instant::now(),
            style,
        }
    }

    /// One plain line describing the run so far.
    pub fn line(&self, summary: &Summary) -> String {
        let done = summary.handled();
        let elapsed = self.started.elapsed().as_secs_f64().max(1e-3);
        let rate = done as f64 / elapsed;
        let total = self.total.load(Ordering::Relaxed);
        let mut line = format!("figmine: {done}");
        if total > 0 {
            line.push_str(&format!("/{total}"));
        }
        line.push_str(&format!(
            " inputs, {:.0} articles/s, {} errors, {} duplicates",
            rate,
            summary.failed,
            summary.duplicates + summary.near_duplicates
        ));
        if total > done && rate > 0.0 {
            line.push_str(&format!(", ETA {}s", ((total - done) as f64 / rate).ceil()));
        }
        line
    }
}

fn new_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} articles, {msg}, ETA {eta}").expect("the template is valid"),
    );
    bar.set_message("starting");
    bar
}

impl Progress for Reporter {
    fn update(&mut self, summary: &Summary) {
        let total = self.total.load(Ordering::Relaxed);
        match &mut self.style {
            Style::Bar(bar) => {
                if total > 0 && bar.length() != Some(total as u64) {
                    bar.set_length(total as u64);
                }
                bar.set_position(summary.handled() as u64);
                let rate = summary.handled() as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
                bar.set_message(format!("{rate:.0}/s, {} errors", summary.failed));
            }
            Style::Log { last, done } if last.elapsed() >= LOG_EVERY => {
                *last = Instant::now();
                *done = summary.handled();
                eprintln!("{}", self.line(summary));
            }
            Style::Log { .. } | Style::Quiet => {}
        }
    }

    fn finish(&mut self, summary: &Summary) {
        match &self.style {
            Style::Bar(bar) => bar.finish_and_clear(),
            // The command prints its own summary; a last log line only for long runs, and only
            // when it says more than the one before.
            Style::Log { done, .. } if self.started.elapsed() >= LOG_EVERY && *done != summary.handled() => {
                eprintln!("{}", self.line(summary))
            }
            Style::Log { .. } | Style::Quiet => {}
        }
    }
}
