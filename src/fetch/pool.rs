//! The fetch pool: fetches pages on its own threads (never on the batch's CPU pool) and yields
//! them in input order, so output does not depend on `--jobs`.
//!
//! A worker takes the first URL, among the next few hundred not yet yielded (the window), whose host no other
//! worker is fetching from. So a list sorted by host still spreads over many hosts at once, one
//! request per host at a time, and memory holds at most a window of pages fetched early. (The
//! [`Fetcher`]'s own per-host gate still applies, to redirects and robots.txt too.)
//!
//! The window counts pages, not bytes, so the bodies held ahead have a budget too
//! ([`AHEAD_BYTES`]): once it is spent, only the page the consumer waits for may start.

use super::{Fetched, Fetcher, Source};
use reqwest::Url;
use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// How often the consumer, waiting for a page, looks whether a stop was asked for.
const STOP_POLL: Duration = Duration::from_millis(100);

/// How far ahead of the consumer the workers may fetch, per worker: a list sorted by host needs a
/// wide window to find idle hosts; pages held early cost memory (32 × ~100 KB a worker).
const WINDOW_PER_JOB: usize = 32;
/// The narrowest window.
const MIN_WINDOW: usize = 256;
/// The most bytes of page bodies held fetched but not yet handed over, past which the workers
/// start no page but the one the consumer waits for. A window of ordinary pages (256 of some
/// 185 KB) is far below it, so it never binds there; but behind one slow server, 8 MiB pages of
/// other hosts filled the window, and the run peaked at 2.3 GB (436 MB with this budget and the
/// batch's byte limit on a chunk). Each worker may still finish the page it had started, so at
/// most one page a worker goes beyond it (a body is capped by `--max-body`, 8 MiB by default).
const AHEAD_BYTES: usize = 256 * 1024 * 1024;

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
    /// Bytes of the bodies fetched and not yet handed to the consumer.
    held: usize,
    /// How many bytes `held` may reach before only the consumer's next page may start.
    budget: usize,
}

impl State {
    fn new(total: usize, window: usize, budget: usize) -> State {
        State {
            emitted: 0,
            window,
            taken: vec![false; total],
            first_free: 0,
            busy: HashSet::new(),
            closed: false,
            held: 0,
            budget,
        }
    }

    /// The consumer has taken the next page, whose body no longer counts against the budget.
    fn hand_over(&mut self, bytes: usize) {
        self.emitted += 1;
        self.held -= bytes;
    }
}

/// Fetches every item on `jobs` threads and yields one [`Source::Fetched`] per item, in order.
pub fn fetch_all(fetcher: Arc<Fetcher>, items: Vec<WebItem>, jobs: usize) -> Ordered {
    let fetch = move |item: &WebItem| fetcher.fetch_page(&item.url, item.published.as_deref());
    fetch_within(fetch, items, jobs, AHEAD_BYTES)
}

/// [`fetch_all`] with any way to fetch an item, holding at most `budget` bytes of bodies ahead
/// (and one page a worker).
fn fetch_within<F>(fetch: F, items: Vec<WebItem>, jobs: usize, budget: usize) -> Ordered
where
    F: Fn(&WebItem) -> Fetched + Send + Sync + 'static,
{
    let hosts: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| host_key(&item.url, i))
        .collect();
    let total = items.len();
    let window = (jobs * WINDOW_PER_JOB).max(MIN_WINDOW);
    let schedule = Arc::new(Schedule {
        state: Mutex::new(State::new(total, window, budget)),
        changed: Condvar::new(),
    });
    let (items, hosts, fetch) = (Arc::new(items), Arc::new(hosts), Arc::new(fetch));
    let (tx, rx) = channel();
    for _ in 0..jobs.clamp(1, total.max(1)) {
        let (items, hosts, schedule, fetch, tx) = (
            items.clone(),
            hosts.clone(),
            schedule.clone(),
            fetch.clone(),
            tx.clone(),
        );
        std::thread::spawn(move || {
            while let Some(i) = take_next(&schedule, &hosts) {
                let fetched = fetch(&items[i]);
                let bytes = body_bytes(&fetched);
                finish(&schedule, &hosts[i], bytes);
                if tx.send((i, bytes, Source::Fetched(Box::new(fetched)))).is_err() {
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
        stop: None,
    }
}

/// The bytes a fetched page holds in memory: its body, if it has one.
fn body_bytes(fetched: &Fetched) -> usize {
    fetched.result.as_ref().map_or(0, |doc| doc.body.len())
}

/// The politeness unit of a URL; an unparsable URL is its own unit (it fails without a request).
fn host_key(url: &str, index: usize) -> String {
    match Url::parse(url.trim()) {
        Ok(u) if u.host().is_some() => u.origin().ascii_serialization(),
        _ => format!("#{index}"),
    }
}

/// Claims the first free item in the window whose host is idle, waiting for one; `None` when all
/// are taken or the consumer has gone.
fn take_next(schedule: &Schedule, hosts: &[String]) -> Option<usize> {
    let mut state = schedule.state.lock().unwrap_or_else(|p| p.into_inner());
    loop {
        if state.closed || state.first_free >= hosts.len() {
            return None;
        }
        if let Some(i) = claim(&mut state, hosts) {
            return Some(i);
        }
        state = schedule
            .changed
            .wait_timeout(state, Duration::from_millis(200))
            .unwrap_or_else(|p| p.into_inner())
            .0;
    }
}

/// Claims the first free item in the window whose host is idle, if there is one now. With the
/// budget spent, only the consumer's next item may start: the run would stall without it.
fn claim(state: &mut State, hosts: &[String]) -> Option<usize> {
    let window = if state.held >= state.budget { 1 } else { state.window };
    let end = (state.emitted + window).min(hosts.len());
    let i = (state.first_free..end).find(|&i| !state.taken[i] && !state.busy.contains(&hosts[i]))?;
    state.taken[i] = true;
    state.busy.insert(hosts[i].clone());
    while state.first_free < hosts.len() && state.taken[state.first_free] {
        state.first_free += 1;
    }
    Some(i)
}

/// Frees the host of a fetched page and counts its body as held until it is handed over.
fn finish(schedule: &Schedule, host: &str, bytes: usize) {
    let mut state = schedule.state.lock().unwrap_or_else(|p| p.into_inner());
    state.busy.remove(host);
    state.held += bytes;
    schedule.changed.notify_all();
}

/// The pool's output, in input order.
pub struct Ordered {
    /// Fetched pages with their body bytes, in the order they were fetched.
    rx: Receiver<(usize, usize, Source)>,
    /// Pages fetched ahead of the next one, with their body bytes.
    pending: BTreeMap<usize, (usize, Source)>,
    next: usize,
    total: usize,
    schedule: Arc<Schedule>,
    /// Once set, the pages not yet handed over are given up ([`Ordered::stop_when`]).
    stop: Option<Arc<AtomicBool>>,
}

impl Ordered {
    /// Ends the pages once `stop` is set (Ctrl-C), even while one is still being fetched: a
    /// slow server (a page taking its whole `--give-up-after`, a long Crawl-delay) would
    /// otherwise hold up the stop until it answered.
    pub fn stop_when(mut self, stop: Arc<AtomicBool>) -> Ordered {
        self.stop = Some(stop);
        self
    }

    fn stopped(&self) -> bool {
        self.stop.as_ref().is_some_and(|s| s.load(Ordering::SeqCst))
    }
}

impl Iterator for Ordered {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        if self.next >= self.total {
            return None;
        }
        while !self.pending.contains_key(&self.next) {
            if self.stopped() {
                return None;
            }
            match self.rx.recv_timeout(STOP_POLL) {
                Ok((i, bytes, source)) => {
                    self.pending.insert(i, (bytes, source));
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        let (bytes, source) = self.pending.remove(&self.next)?;
        self.next += 1;
        self.schedule
            .state
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .hand_over(bytes);
        self.schedule.changed.notify_all();
        Some(source)
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
            state: Mutex::new(State::new(hosts.len(), MIN_WINDOW, AHEAD_BYTES)),
            changed: Condvar::new(),
        };
        assert_eq!(take_next(&schedule, &hosts), Some(0));
        assert_eq!(take_next(&schedule, &hosts), Some(2), "host a is busy");
        assert_eq!(take_next(&schedule, &hosts), Some(4));
        finish(&schedule, "a", 0);
        assert_eq!(take_next(&schedule, &hosts), Some(1));
        finish(&schedule, "a", 0);
        assert_eq!(take_next(&schedule, &hosts), Some(3));
        assert_eq!(take_next(&schedule, &hosts), None, "all taken");
    }

    const PAGE: usize = 1000;

    fn distinct_hosts(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("h{i}")).collect()
    }

    /// Behind a first page that does not come, the pages fetched ahead stop at the budget, not
    /// at the window: at most one page (this worker's last) beyond it.
    #[test]
    fn behind_a_stuck_first_page_the_bodies_held_ahead_stop_at_the_budget() {
        let hosts = distinct_hosts(MIN_WINDOW + 50);
        let budget = 10 * PAGE + PAGE / 2;
        let mut state = State::new(hosts.len(), MIN_WINDOW, budget);
        assert_eq!(claim(&mut state, &hosts), Some(0), "the slow page, never finished");
        let mut fetched_ahead = 0;
        while let Some(i) = claim(&mut state, &hosts) {
            state.busy.remove(&hosts[i]);
            state.held += PAGE;
            fetched_ahead += 1;
            assert!(state.held <= budget + PAGE, "{} bytes held after {i}", state.held);
        }
        assert_eq!(fetched_ahead, 11, "ten pages within the budget, one that passes it");
    }

    /// With the budget spent, the consumer's next page still starts (else the run would stall),
    /// and nothing else until pages are handed over.
    #[test]
    fn with_the_budget_spent_only_the_next_page_starts() {
        let hosts: Vec<String> = ["a", "a", "b", "c"].iter().map(|h| h.to_string()).collect();
        let schedule = Schedule {
            state: Mutex::new(State::new(hosts.len(), MIN_WINDOW, PAGE)),
            changed: Condvar::new(),
        };
        let claim_now = || claim(&mut schedule.state.lock().unwrap(), &hosts);
        assert_eq!(claim_now(), Some(0));
        assert_eq!(claim_now(), Some(2), "host a is busy");
        finish(&schedule, "b", 5 * PAGE);
        assert_eq!(claim_now(), None, "a page alone past the budget spends it");
        finish(&schedule, "a", 0);
        schedule.state.lock().unwrap().hand_over(0);
        assert_eq!(claim_now(), Some(1), "the next page, though the budget is spent");
        finish(&schedule, "a", PAGE);
        assert_eq!(claim_now(), None);
        schedule.state.lock().unwrap().hand_over(PAGE);
        assert_eq!(claim_now(), None, "the big page is still held");
        schedule.state.lock().unwrap().hand_over(5 * PAGE);
        assert_eq!(claim_now(), Some(3));
    }

    fn page(item: &WebItem, bytes: usize) -> Fetched {
        Fetched {
            id: item.url.clone(),
            cached: false,
            redirects: Vec::new(),
            result: Ok(super::super::Document {
                id: item.url.clone(),
                location: item.url.clone(),
                url: Some(item.url.clone()),
                body: vec![b'x'; bytes],
                format: super::super::DocFormat::Html,
                charset: None,
                published: None,
            }),
        }
    }

    /// A stop ends the pages while the next one is still being fetched (a slow server), and
    /// not before: the pages fetched are handed over first.
    #[test]
    fn a_stop_ends_the_pages_while_a_slow_one_is_fetched() {
        let items: Vec<WebItem> = (0..3).map(|i| WebItem::new(format!("http://h{i}.test/p"))).collect();
        let fetch = |item: &WebItem| {
            if item.url.starts_with("http://h2.") {
                std::thread::sleep(Duration::from_secs(30));
            }
            page(item, 10)
        };
        let stop = Arc::new(AtomicBool::new(false));
        let mut pool = fetch_within(fetch, items, 2, AHEAD_BYTES).stop_when(stop.clone());
        assert!(pool.next().is_some() && pool.next().is_some());
        let asked = std::time::Instant::now();
        let stopper = {
            let stop = stop.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(300));
                stop.store(true, Ordering::SeqCst);
            })
        };
        assert!(pool.next().is_none(), "the slow page");
        assert!(asked.elapsed() < Duration::from_secs(5), "{:?}", asked.elapsed());
        stopper.join().unwrap();
    }

    /// A whole pool behind a first page that comes only once the budget is spent, with a page
    /// bigger than the budget among the others: every page comes, in order, and the budget is
    /// free again at the end.
    #[test]
    fn a_pool_behind_a_slow_first_page_yields_every_page_in_order() {
        let budget = 8 * PAGE;
        let big = 150;
        let size = move |i: usize| if i == big { 3 * budget } else { PAGE };
        let items: Vec<WebItem> = (0..300).map(|i| WebItem::new(format!("http://h{i}.test/p"))).collect();
        let fetched = Arc::new((Mutex::new(0), Condvar::new()));
        let counter = fetched.clone();
        let fetch = move |item: &WebItem| {
            let i: usize = item.url[8..item.url.find('.').unwrap()].parse().unwrap();
            let (count, changed) = &*counter;
            let mut count = count.lock().unwrap();
            if i == 0 {
                while *count < budget / PAGE {
                    count = changed.wait(count).unwrap();
                }
            } else {
                *count += 1;
                changed.notify_all();
            }
            page(item, size(i))
        };
        let mut pool = fetch_within(fetch, items, 4, budget);
        for i in 0..300 {
            match pool.next() {
                Some(Source::Fetched(f)) => {
                    assert_eq!(f.id, format!("http://h{i}.test/p"));
                    assert_eq!(body_bytes(&f), size(i));
                }
                other => panic!("{other:?}"),
            }
        }
        assert!(pool.next().is_none());
        assert_eq!(pool.schedule.state.lock().unwrap().held, 0);
    }

    #[test]
    fn urls_of_one_origin_share_a_key_and_bad_urls_get_their_own() {
        assert_eq!(host_key("https://x.test/a", 0), host_key("https://x.test/b?c", 1));
        assert_ne!(host_key("https://x.test/a", 0), host_key("http://x.test/a", 1));
        assert_ne!(host_key("not a url", 0), host_key("not a url", 1));
    }
}
