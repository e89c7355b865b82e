//! The fetch pool: fetches pages on its own threads (never on the batch's CPU pool) and yields
//! them in input order, so output does not depend on `--jobs`.
//!
//! Workers take URLs in order from a shared counter; a worker waits before taking a URL more than
//! [`WINDOW`] places ahead of the next one the consumer needs, which bounds the memory held by
//! pages fetched early.

use super::{Fetcher, Source};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// How far ahead of the consumer the workers may fetch.
const WINDOW: usize = 256;

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

struct Progress {
    /// Index of the next page the consumer will yield.
    emitted: Mutex<usize>,
    advanced: Condvar,
    closed: AtomicBool,
}

/// Fetches every item on `jobs` threads and yields one [`Source::Fetched`] per item, in order.
pub fn fetch_all(fetcher: Arc<Fetcher>, items: Vec<WebItem>, jobs: usize) -> Ordered {
    let items = Arc::new(items);
    let next = Arc::new(AtomicUsize::new(0));
    let progress = Arc::new(Progress {
        emitted: Mutex::new(0),
        advanced: Condvar::new(),
        closed: AtomicBool::new(false),
    });
    let (tx, rx) = sync_channel(WINDOW);
    for _ in 0..jobs.clamp(1, items.len().max(1)) {
        let (items, next, progress, fetcher, tx) = (
            items.clone(),
            next.clone(),
            progress.clone(),
            fetcher.clone(),
            tx.clone(),
        );
        std::thread::spawn(move || loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            if !wait_for_window(&progress, i) {
                break;
            }
            let fetched = fetcher.fetch_page(&item.url, item.published.as_deref());
            if tx.send((i, Source::Fetched(Box::new(fetched)))).is_err() {
                break;
            }
        });
    }
    Ordered {
        rx,
        pending: BTreeMap::new(),
        next: 0,
        total: items.len(),
        progress,
    }
}

/// Blocks until item `i` is within the window; false once the consumer has gone.
fn wait_for_window(progress: &Progress, i: usize) -> bool {
    let mut emitted = progress.emitted.lock().unwrap_or_else(|p| p.into_inner());
    while i >= *emitted + WINDOW {
        if progress.closed.load(Ordering::Relaxed) {
            return false;
        }
        emitted = progress
            .advanced
            .wait_timeout(emitted, Duration::from_millis(200))
            .unwrap_or_else(|p| p.into_inner())
            .0;
    }
    !progress.closed.load(Ordering::Relaxed)
}

/// The pool's output, in input order.
pub struct Ordered {
    rx: Receiver<(usize, Source)>,
    pending: BTreeMap<usize, Source>,
    next: usize,
    total: usize,
    progress: Arc<Progress>,
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
        *self.progress.emitted.lock().unwrap_or_else(|p| p.into_inner()) = self.next;
        self.progress.advanced.notify_all();
        source
    }
}

impl Drop for Ordered {
    fn drop(&mut self) {
        self.progress.closed.store(true, Ordering::Relaxed);
        self.progress.advanced.notify_all();
    }
}
