//! The fetch pool: fetches pages on its own threads (never on the batch's CPU pool) and yields
//! them in input order, so output does not depend on `--jobs`.
//!
//! A worker takes the first URL, among the next few hundred not yet yielded (the window), whose host no other
//! worker is fetching from. So a list sorted by host still spreads over many hosts at once, one
//! request per host at a time, and memory holds at most a window of pages fetched early. (The
//! [`Fetcher`]'s own per-host gate still applies, to redirects and robots.txt too.)

use super::{Fetcher, Source};
use reqwest::Url;
use std::collections::{BTreeMap, HashSet};
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// How far ahead of the consumer the workers may fetch, per worker: a list sorted by host needs a
/// wide window to find idle hosts; pages held early cost memory (32 × ~100 KB a worker).
const WINDOW_PER_JOB: usize = 32;
/// The narrowest window.
const MIN_WINDOW: usize = 256;

/// A page to fetch, with a publication date known from its feed or sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebItem {
    /// The URL as given.
    pub url: String,
    /// An ISO date from a feed or a news sitemap.
    pub published: Option<String>,
}

impl WebItem {
    /// An item with no known date.
    pub fn new(url: impl Into<String>) -> WebItem {
        WebItem {
            url: url.into(),
            published: None,
        }
    }
}

/// What the workers and the consumer share.
struct Schedule {
    state: Mutex<State>,
    changed: Condvar,
}

struct State {
    /// Index of the next page the consumer will yield.
    emitted: usize,
    /// How many items past `emitted` may be taken.
    window: usize,
    /// Whether each item has been taken by a worker.
    taken: Vec<bool>,
    /// Every item before this one is taken.
    first_free: usize,
    /// Hosts a worker is fetching from right now.
    busy: HashSet<String>,
    /// The consumer has gone: stop.
    closed: bool,
}

/// Fetches every item on `jobs` threads and yields one [`Source::Fetched`] per item, in order.
pub fn fetch_all(fetcher: Arc<Fetcher>, items: Vec<WebItem>, jobs: usize) -> Ordered {
    let hosts: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| host_key(&item.url, i))
        .collect();
    let total = items.len();
    let schedule = Arc::new(Schedule {
        state: Mutex::new(State {
            emitted: 0,
            window: (jobs * WINDOW_PER_JOB).max(MIN_WINDOW),
            taken: vec![false; total],
            first_free: 0,
            busy: HashSet::new(),
            closed: false,
        }),
        changed: Condvar::new(),
    });
    let (items, hosts) = (Arc::new(items), Arc::new(hosts));
    let (tx, rx) = channel();
    for _ in 0..jobs.clamp(1, total.max(1)) {
        let (items, hosts, schedule, fetcher, tx) = (
            items.clone(),
            hosts.clone(),
            schedule.clone(),
            fetcher.clone(),
            tx.clone(),
        );
        std::thread::spawn(move || {
            while let Some(i) = take_next(&schedule, &hosts) {
                let item = &items[i];
                let fetched = fetcher.fetch_page(&item.url, item.published.as_deref());
                release(&schedule, &hosts[i]);
                if tx.send((i, Source::Fetched(Box::new(fetched)))).is_err() {
                    break;
                }
            }
        });
    }
    Ordered {
        rx,
        pending: BTreeMap::new(),
        next: 0,
        total,
        schedule,
    }
}

/// The politeness unit of a URL; an unparsable URL is its own unit (it fails without a request).
fn host_key(url: &str, index: usize) -> String {
    match Url::parse(url.trim()) {
        Ok(u) if u.host().is_some() => u.origin().ascii_serialization(),
        _ => format!("#{index}"),
    }
}

/// Claims the first free item in the window whose host is idle; `None` when all are taken or the
/// consumer has gone.
fn take_next(schedule: &Schedule, hosts: &[String]) -> Option<usize> {
    let mut state = schedule.state.lock().unwrap_or_else(|p| p.into_inner());
    loop {
        if state.closed || state.first_free >= hosts.len() {
            return None;
        }
        let end = (state.emitted + state.window).min(hosts.len());
        let found = (state.first_free..end).find(|&i| !state.taken[i] && !state.busy.contains(&hosts[i]));
        if let Some(i) = found {
            state.taken[i] = true;
            state.busy.insert(hosts[i].clone());
            while state.first_free < hosts.len() && state.taken[state.first_free] {
                state.first_free += 1;
            }
            return Some(i);
        }
        state = schedule
            .changed
            .wait_timeout(state, Duration::from_millis(200))
            .unwrap_or_else(|p| p.into_inner())
            .0;
    }
}

fn release(schedule: &Schedule, host: &str) {
    let mut state = schedule.state.lock().unwrap_or_else(|p| p.into_inner());
    state.busy.remove(host);
    schedule.changed.notify_all();
}

/// The pool's output, in input order.
pub struct Ordered {
    rx: Receiver<(usize, Source)>,
    pending: BTreeMap<usize, Source>,
    next: usize,
    total: usize,
    schedule: Arc<Schedule>,
}

impl Iterator for Ordered {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        if self.next >= self.total {
            return None;
        }
        while !self.pending.contains_key(&self.next) {
            let (i, source) = self.rx.recv().ok()?;
            self.pending.insert(i, source);
        }
        let source = self.pending.remove(&self.next);
        self.next += 1;
        self.schedule.state.lock().unwrap_or_else(|p| p.into_inner()).emitted = self.next;
        self.schedule.changed.notify_all();
        source
    }
}

impl Drop for Ordered {
    fn drop(&mut self) {
        self.schedule.state.lock().unwrap_or_else(|p| p.into_inner()).closed = true;
        self.schedule.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workers_skip_items_of_busy_hosts_within_the_window() {
        let hosts: Vec<String> = ["a", "a", "b", "a", "c"].iter().map(|h| h.to_string()).collect();
        let schedule = Schedule {
            state: Mutex::new(State {
                emitted: 0,
                window: MIN_WINDOW,
                taken: vec![false; hosts.len()],
                first_free: 0,
                busy: HashSet::new(),
                closed: false,
            }),
            changed: Condvar::new(),
        };
        assert_eq!(take_next(&schedule, &hosts), Some(0));
        assert_eq!(take_next(&schedule, &hosts), Some(2), "host a is busy");
        assert_eq!(take_next(&schedule, &hosts), Some(4));
        release(&schedule, "a");
        assert_eq!(take_next(&schedule, &hosts), Some(1));
        release(&schedule, "a");
        assert_eq!(take_next(&schedule, &hosts), Some(3));
        assert_eq!(take_next(&schedule, &hosts), None, "all taken");
    }

    #[test]
    fn urls_of_one_origin_share_a_key_and_bad_urls_get_their_own() {
        assert_eq!(host_key("https://x.test/a", 0), host_key("https://x.test/b?c", 1));
        assert_ne!(host_key("https://x.test/a", 0), host_key("http://x.test/a", 1));
        assert_ne!(host_key("not a url", 0), host_key("not a url", 1));
    }
}
