//! HTTP fetching as a careful crawler does it: a [`Fetcher`] built once from [`FetchSettings`]
//! and shared by the fetch pool's threads.
//!
//! Per page: only `http`/`https`; no connection to loopback, private or link-local addresses
//! unless allowed (checked for address literals here and for names by the resolver in
//! `address.rs`); robots.txt obeyed; redirects followed by hand so each hop is checked, cached
//! and recorded; one request in flight per host with a delay between requests (the larger of
//! `--delay` and robots.txt's `Crawl-delay`); retries with exponential backoff and jitter on
//! connection errors, timeouts, 408, 429 and 5xx, honouring `Retry-After`; bodies capped after
//! decompression and read against a total deadline; only HTML (and plain text) kept, anything
//! else skipped with its content type. One URL may take `give_up_after` in all (redirects,
//! retries, robots.txt; pauses for politeness not counted), and a host that leaves
//! [`UNRESPONSIVE_AFTER`] requests in a row unanswered fails its URLs at once for a while.

use super::address::{self, LookupError, PublicResolver};
use super::cache::{Cache, Entry};
use super::robots::{host_and_port, RecentRules, Robots, Rules, MAX_ROBOTS_BYTES};
use super::{DocFormat, Document, FetchError, Fetched, WebFailure};
use reqwest::blocking::{Client, Response};
use reqwest::header::{HeaderMap, CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use reqwest::{StatusCode, Url};
use std::collections::HashMap;
use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How each URL ended; the summary counts each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Downloaded now.
    Fetched,
    /// Served from the cache (revalidated with a `304 Not Modified`, or `--offline`).
    Cached,
    /// Left alone on purpose: robots.txt, content type, size.
    Skipped,
    /// An HTTP error status or a network error.
    Failed,
}

impl Outcome {
    /// The outcome's name as written in reports.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Fetched => "fetched",
            Outcome::Cached => "cached",
            Outcome::Skipped => "skipped",
            Outcome::Failed => "failed",
        }
    }
}

/// The HTTP client's settings. The defaults are those of the command line.
#[derive(Debug, Clone)]
pub struct FetchSettings {
    /// Sent with every request; its first word (before `/`) is the robots.txt agent name.
    pub user_agent: String,
    /// Longest wait for a connection (default 10 s).
    pub connect_timeout: Duration,
    /// Longest time for one whole request, body included (default 30 s).
    pub timeout: Duration,
    /// Longest time for one URL in all: redirects, retries and their waits, robots.txt; pauses
    /// for politeness not counted (default 120 s, four times the timeout).
    pub give_up_after: Duration,
    /// Largest body kept, after decompression (default 8 MiB); larger pages are skipped.
    pub max_body: u64,
    /// Most redirects followed for one URL (default 10).
    pub max_redirects: usize,
    /// Retries after the first attempt on retryable errors (default 3).
    pub retries: u32,
    /// First backoff; doubled on each retry, with jitter (default 500 ms).
    pub backoff: Duration,
    /// Longest single wait for a retry; a longer `Retry-After` fails the URL (default 60 s).
    pub max_wait: Duration,
    /// Pause between two requests to the same host (default 1 s).
    pub delay: Duration,
    /// How long a host that left [`UNRESPONSIVE_AFTER`] requests in a row unanswered is left
    /// alone, its URLs failing at once, before one request tries it again (default 10 min); and
    /// how long a robots.txt that could not be reached stands before it is asked for again.
    pub unresponsive_pause: Duration,
    /// Obey robots.txt (default true).
    pub obey_robots: bool,
    /// About the most memory the parsed robots.txt rules of the hosts used last may take
    /// (default 32 MiB; the rules of the [`super::KEPT_ROBOTS_RULES`] hosts used last are kept
    /// whatever they weigh); a host's rules that fell out are parsed again from the cache when
    /// next needed, or fetched again without one.
    pub robots_memory: usize,
    /// Allow connections to loopback, private and link-local addresses (default false).
    pub allow_private: bool,
    /// The on-disk cache folder, if any.
    pub cache: Option<PathBuf>,
    /// The cache's bound in bytes: past it, the entries used longest ago are removed until it is
    /// under 90% of it (default none: a later `--offline` run may need every page).
    pub cache_max: Option<u64>,
    /// Serve only from the cache, never touch the network.
    pub offline: bool,
    /// Fixed addresses for host names, as curl's `--resolve` (trusted: not filtered).
    pub resolve: Vec<(String, SocketAddr)>,
}

/// The default user agent: names figmine and what it does.
pub const DEFAULT_USER_AGENT: &str = concat!(
    "figmine/",
    env!("CARGO_PKG_VERSION"),
    " (transparency-report figures crawler)"
);

/// The body cap for feeds and sitemaps (the sitemap protocol allows 50 MB uncompressed).
const MAX_RESOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// The longest `Crawl-delay` honoured; longer ones would stall a run for hours.
const MAX_CRAWL_DELAY: Duration = Duration::from_secs(60);

/// Requests in a row a host may leave unanswered (timeouts, failed connections) before its
/// remaining URLs fail at once: a silent host cost each of its URLs some 125 s.
pub const UNRESPONSIVE_AFTER: u32 = 3;

/// How long a connection to a host is kept open, idle, for its next request.
const IDLE_CONNECTION: Duration = Duration::from_secs(15);

impl Default for FetchSettings {
    fn default() -> Self {
        FetchSettings {
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            give_up_after: Duration::from_secs(120),
            max_body: 8 * 1024 * 1024,
            max_redirects: 10,
            retries: 3,
            backoff: Duration::from_millis(500),
            max_wait: Duration::from_secs(60),
            delay: Duration::from_secs(1),
            unresponsive_pause: Duration::from_secs(600),
            obey_robots: true,
            robots_memory: 32 * 1024 * 1024,
            allow_private: false,
            cache: None,
            cache_max: None,
            offline: false,
            resolve: Vec::new(),
        }
    }
}

/// Counts of outcomes so far, for the summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Downloaded now.
    pub fetched: usize,
    /// Served from the cache.
    pub cached: usize,
    /// Skipped on purpose.
    pub skipped: usize,
    /// Failed.
    pub failed: usize,
    /// HTTP requests sent (robots.txt, retries and redirects included).
    pub requests: usize,
    /// Responses (pages, redirects, robots.txt, feeds, sitemaps) the cache could not store: a
    /// later `--offline` run will miss them.
    pub unstored: usize,
    /// Why the first of them could not be stored (the file and the system's reason).
    pub unstored_reason: Option<String>,
    /// Cache entries removed, those used longest ago, to keep it under its bound.
    pub cache_removed: usize,
}

#[derive(Default)]
struct Counters {
    by_outcome: [AtomicUsize; 4],
    requests: AtomicUsize,
    unstored: AtomicUsize,
    first_unstored: OnceLock<String>,
}

/// One host's politeness state: at most one request in flight, a pause between requests.
#[derive(Default)]
struct Host {
    /// Held for the length of a request (retries included); holds when the last one ended.
    gate: Mutex<Option<Instant>>,
    /// Its robots.txt as last read, and when; held only to read or replace it.
    robots: Mutex<Option<(Robots, Instant)>>,
    /// Held while its robots.txt is fetched, so that it is fetched once for all its pages.
    robots_fetch: Mutex<()>,
    silence: Mutex<Silence>,
}

/// The requests a host left unanswered in a row (timeouts, failed connections), each counted
/// once however many times it was tried: one slow page's retries alone do not make a host
/// unresponsive.
#[derive(Default)]
struct Silence {
    in_a_row: u32,
    /// The URL of the last one counted, whose retries are not counted again.
    url: String,
    /// What the last one met, for the message.
    last: String,
    /// When the last one ended.
    at: Option<Instant>,
}

impl Host {
    /// Records how an attempt at `url` ended: unanswered, or answered in any way (which ends a
    /// silence). A retry of the URL counted last is not counted again.
    fn note(&self, url: &Url, unanswered: Option<&str>) {
        let mut silence = self.silence.lock().unwrap_or_else(|p| p.into_inner());
        match unanswered {
            Some(brief) => {
                if silence.url != url.as_str() {
                    silence.in_a_row += 1;
                    silence.url = url.as_str().to_owned();
                }
                silence.last = brief.to_owned();
                silence.at = Some(Instant::now());
            }
            None => *silence = Silence::default(),
        }
    }

    /// The failure for every request once the host has left [`UNRESPONSIVE_AFTER`] unanswered
    /// in a row, until `pause` has passed since the last: then one request may try it again.
    fn unresponsive(&self, url: &Url, pause: Duration) -> Option<RequestFailure> {
        let silence = self.silence.lock().unwrap_or_else(|p| p.into_inner());
        let resting = silence.at.is_some_and(|at| at.elapsed() < pause);
        if silence.in_a_row < UNRESPONSIVE_AFTER || !resting {
            return None;
        }
        let brief = format!("{}, {} times in a row", silence.last, silence.in_a_row);
        Some(RequestFailure {
            failure: WebFailure::failed(format!(
                "host {} unresponsive ({brief}): page not fetched",
                host_and_port(url)
            )),
            brief,
        })
    }
}

/// The time one URL may take: its redirects, retries and their waits, and the robots.txt
/// fetches they need. Pauses for politeness are not counted: they are the crawler's choice.
struct Budget {
    started: Instant,
    paused: Duration,
    limit: Duration,
}

impl Budget {
    fn new(limit: Duration) -> Budget {
        Budget {
            started: Instant::now(),
            paused: Duration::ZERO,
            limit,
        }
    }

    /// Leaves a politeness pause out of the time used.
    fn pause(&mut self, pause: Duration) {
        self.paused += pause;
    }

    fn used(&self) -> Duration {
        self.started.elapsed().saturating_sub(self.paused)
    }

    fn left(&self) -> Duration {
        self.limit.saturating_sub(self.used())
    }

    fn spent(&self) -> bool {
        self.left().is_zero()
    }

    /// The failure of a URL that used up its time, with what it was doing.
    fn gave_up(&self, doing: &str) -> WebFailure {
        WebFailure::failed(format!(
            "gave up after {} s ({doing}; the limit for one URL is {} s)",
            seconds(self.used()),
            seconds(self.limit)
        ))
    }
}

/// What a fetch is for: the body cap and the content types kept depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An article: HTML or text only, `max_body` at most.
    Page,
    /// A feed or sitemap: any type, up to their protocols' size.
    Resource,
    /// A robots.txt: its first [`MAX_ROBOTS_BYTES`] are read, the rest ignored.
    RobotsTxt,
}

/// The HTTP fetcher: one client, one cache and the per-host state, shared by all threads.
pub struct Fetcher {
    client: Client,
    settings: FetchSettings,
    cache: Option<Cache>,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
    /// The parsed robots.txt rules of the hosts used last.
    rules: RecentRules,
    counters: Counters,
}

/// What a server answered to one request, once retries are over.
enum Answer {
    Redirect(String),
    /// 304 Not Modified.
    NotModified,
    /// 304 Not Modified to a conditional request: the cache's copy.
    Unchanged(Page),
    Page(Page),
    Status(StatusCode),
}

/// A page's body and the headers figmine keeps.
struct Page {
    body: Vec<u8>,
    content_type: Option<String>,
    etag: Option<String>,
    last_modified: Option<String>,
}

/// Why one attempt failed, and whether another may succeed.
struct AttemptError {
    failure: WebFailure,
    retryable: bool,
    retry_after: Option<Duration>,
    /// The reason in a few words ("connection refused", "timed out").
    brief: String,
    /// The server never answered (a timeout, no connection): counts towards its cut-off.
    unanswered: bool,
}

/// A request that failed for good: the page's reason, and the same in a few words for the
/// reasons of other pages (a robots.txt unreachable).
struct RequestFailure {
    failure: WebFailure,
    brief: String,
}

impl From<RequestFailure> for WebFailure {
    fn from(failed: RequestFailure) -> WebFailure {
        failed.failure
    }
}

impl Fetcher {
    /// Builds the client from the settings.
    pub fn new(settings: FetchSettings) -> Result<Fetcher, FetchError> {
        let setup = |reason: String| FetchError::Setup { reason };
        let mut builder = Client::builder()
            .user_agent(settings.user_agent.clone())
            .connect_timeout(settings.connect_timeout)
            .timeout(settings.timeout)
            .redirect(reqwest::redirect::Policy::none())
            // One request to a host at a time, so one idle connection each; kept for the next
            // request to it (a second later by default) but not for minutes, as each is an open
            // file: a crawl over thousands of hosts held one for each host of the last 90 s.
            .pool_max_idle_per_host(1)
            .pool_idle_timeout(IDLE_CONNECTION)
            .gzip(true)
            .brotli(true)
            .deflate(true)
            .dns_resolver(Arc::new(PublicResolver {
                allow_private: settings.allow_private,
            }));
        for (host, addr) in &settings.resolve {
            builder = builder.resolve(host, *addr);
        }
        let client = builder.build().map_err(|e| setup(e.to_string()))?;
        let cache = match &settings.cache {
            Some(dir) => {
                Some(Cache::open(dir, settings.cache_max).map_err(|e| setup(format!("cache {}: {e}", dir.display())))?)
            }
            None => None,
        };
        let robots_memory = settings.robots_memory;
        Ok(Fetcher {
            client,
            settings,
            cache,
            hosts: Mutex::new(HashMap::new()),
            rules: RecentRules::new(robots_memory),
            counters: Counters::default(),
        })
    }

    /// The settings the fetcher was built with.
    pub fn settings(&self) -> &FetchSettings {
        &self.settings
    }

    /// Counts of outcomes so far.
    pub fn stats(&self) -> Stats {
        let n = |o: Outcome| self.counters.by_outcome[o as usize].load(Ordering::Relaxed);
        Stats {
            fetched: n(Outcome::Fetched),
            cached: n(Outcome::Cached),
            skipped: n(Outcome::Skipped),
            failed: n(Outcome::Failed),
            requests: self.counters.requests.load(Ordering::Relaxed),
            unstored: self.counters.unstored.load(Ordering::Relaxed),
            unstored_reason: self.counters.first_unstored.get().cloned(),
            cache_removed: self.cache.as_ref().map_or(0, Cache::removed),
        }
    }

    /// Fetches one page (an article) and counts its outcome. `published` is a date known from
    /// a feed or sitemap.
    pub fn fetch_page(&self, url: &str, published: Option<&str>) -> Fetched {
        let mut redirects = Vec::new();
        let result = self.fetch_document(url, &mut redirects).map(|(mut doc, cached)| {
            doc.published = published.map(str::to_owned);
            (doc, cached)
        });
        let fetched = match result {
            Ok((doc, cached)) => Fetched {
                id: url.to_owned(),
                cached,
                redirects,
                result: Ok(doc),
            },
            Err(failure) => Fetched {
                id: url.to_owned(),
                cached: false,
                redirects,
                result: Err(failure),
            },
        };
        self.count(fetched.outcome());
        fetched
    }

    /// Counts an outcome decided outside [`Fetcher::fetch_page`] (a feed or sitemap that failed).
    pub fn count(&self, outcome: Outcome) {
        self.counters.by_outcome[outcome as usize].fetch_add(1, Ordering::Relaxed);
    }

    /// Fetches any resource (a feed, a sitemap) with the same rules as pages, whatever its
    /// content type, without counting it as a page.
    pub fn fetch_resource(&self, url: &str) -> Result<Document, WebFailure> {
        let mut redirects = Vec::new();
        self.fetch_following(url, &mut redirects, Kind::Resource)
            .map(|(doc, _)| doc)
    }

    fn fetch_document(&self, url: &str, redirects: &mut Vec<String>) -> Result<(Document, bool), WebFailure> {
        self.fetch_following(url, redirects, Kind::Page)
    }

    /// Follows redirects by hand; every hop is checked against the address rules and robots.txt,
    /// and against the URL's time budget.
    fn fetch_following(
        &self,
        url: &str,
        redirects: &mut Vec<String>,
        kind: Kind,
    ) -> Result<(Document, bool), WebFailure> {
        let mut current = parse_web_url(url)?;
        let mut budget = Budget::new(self.settings.give_up_after);
        for _ in 0..=self.settings.max_redirects {
            if budget.spent() {
                return Err(budget.gave_up(&format!(
                    "{} redirects followed, the last to {current}",
                    redirects.len()
                )));
            }
            let next = match self.fetch_hop(&current, kind, &mut budget)? {
                Hop::Done(page, cached) => return Ok((document(url, &current, page, kind), cached)),
                Hop::Redirect(next) => next,
            };
            let next = current
                .join(&next)
                .map_err(|e| WebFailure::failed(format!("bad redirect location {next:?}: {e}")))?;
            let next = parse_web_url(next.as_str())?;
            if next == current || redirects.iter().any(|r| r == next.as_str()) || next.as_str() == url {
                return Err(WebFailure::failed(format!("redirect loop at {next}")));
            }
            redirects.push(next.to_string());
            current = next;
        }
        Err(WebFailure::failed(format!(
            "more than {} redirects",
            self.settings.max_redirects
        )))
    }

    fn fetch_hop(&self, url: &Url, kind: Kind, budget: &mut Budget) -> Result<Hop, WebFailure> {
        if !self.settings.allow_private {
            address::check_literal(url)?;
        }
        if self.settings.offline {
            let cached = self.cache.as_ref().and_then(|c| c.get(url));
            return offline_hop(self.cache.as_ref(), url, cached);
        }
        if self.settings.obey_robots {
            self.obey_robots(url)?;
        }
        match self.revalidate(url, kind, budget)? {
            Answer::Redirect(location) => {
                self.store(url, Entry::redirect(url, &location), None);
                Ok(Hop::Redirect(location))
            }
            Answer::Unchanged(page) => Ok(Hop::Done(page, true)),
            Answer::NotModified => Err(WebFailure::failed("304 Not Modified without a cached copy")),
            Answer::Page(page) => {
                let entry = Entry::page(url, &page.content_type, &page.etag, &page.last_modified);
                self.store(url, entry, Some(&page.body));
                Ok(Hop::Done(page, false))
            }
            Answer::Status(status) => Err(WebFailure {
                outcome: Outcome::Failed,
                status: Some(status.as_u16()),
                reason: format!("HTTP {status}"),
            }),
        }
    }

    /// One request for `url`, conditional when the cache holds a copy of it: a 304 answer comes
    /// back as that copy ([`Answer::Unchanged`]). The stored body is read only then, as a 200
    /// answer (a changed page, or a server that ignores the condition) has no use for it. A body
    /// that cannot be read (cut short by a full disk or a killed run) has the page asked for
    /// whole once more, and storing it mends the cache.
    fn revalidate(&self, url: &Url, kind: Kind, budget: &mut Budget) -> Result<Answer, RequestFailure> {
        let cached = self
            .cache
            .as_ref()
            .and_then(|c| c.get(url))
            .filter(|e| e.location.is_none());
        let answer = self.request(url, cached.as_ref(), kind, budget)?;
        let (Answer::NotModified, Some(entry), Some(cache)) = (&answer, cached, &self.cache) else {
            return Ok(answer);
        };
        match cache.body(url) {
            Ok(body) => Ok(Answer::Unchanged(page_from_cache(entry, body))),
            Err(_) => self.request(url, None, kind, budget),
        }
    }

    /// Stores a response in the cache. A failure costs this page nothing, but a later
    /// `--offline` run will miss it: it is counted for the summary, and the first one is told at
    /// once (a full disk fails every page after it).
    fn store(&self, url: &Url, entry: Entry, body: Option<&[u8]>) {
        let Some(cache) = &self.cache else { return };
        if let Err(e) = cache.put(url, &entry, body) {
            self.counters.unstored.fetch_add(1, Ordering::Relaxed);
            if self.counters.first_unstored.set(e.to_string()).is_ok() {
                eprintln!(
                    "figmine: warning: cache: {e}; pages are still processed, but a later \
                     --offline run will miss those not stored"
                );
            }
        }
    }

    fn host(&self, url: &Url) -> Arc<Host> {
        let key = origin(url);
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        hosts.entry(key).or_default().clone()
    }

    /// Parses the robots.txt read at `source`, keeping its rules among the recent ones.
    fn keep_parsed(&self, agent: &str, body: &[u8], source: &Url) -> (Robots, Option<Arc<Rules>>) {
        let (robots, rules) = Robots::parse(agent, body, source);
        if let Some(rules) = &rules {
            self.rules.put(source, rules.clone());
        }
        (robots, rules)
    }

    /// Whether robots.txt lets `url` be fetched: not while the host's robots.txt is unreachable
    /// (a failure), nor where its rules disallow it (a skip).
    fn obey_robots(&self, url: &Url) -> Result<(), WebFailure> {
        let host = self.host(url);
        let (robots, rules) = match self.robots_for(&host, url)? {
            Robots::Rules { source, crawl_delay } => match self.parsed_rules(&source) {
                Some(rules) => (Robots::Rules { source, crawl_delay }, Some(rules)),
                None => self.fetch_robots_again(&host, url)?,
            },
            robots => (robots, None),
        };
        match (robots, rules) {
            (Robots::Unreachable(reason), _) => Err(WebFailure::failed(reason)),
            (_, Some(rules)) if !rules.allows(url) => Err(WebFailure::skipped(format!(
                "robots.txt disallows {} for {}",
                url.path(),
                robots_agent(&self.settings.user_agent)
            ))),
            _ => Ok(()),
        }
    }

    /// The host's robots.txt, fetched once per run (through the same politeness gate, once for
    /// all its pages); one that could not be reached is asked for again once
    /// `unresponsive_pause` has passed, as an unresponsive host is, so that a host down for a
    /// while does not fail its pages for the rest of a long run.
    fn robots_for(&self, host: &Host, url: &Url) -> Result<Robots, WebFailure> {
        if let Some(robots) = self.known_robots(host) {
            return Ok(robots);
        }
        let _fetching = host.robots_fetch.lock().unwrap_or_else(|p| p.into_inner());
        // (another page of the host may have fetched it while this one waited)
        if let Some(robots) = self.known_robots(host) {
            return Ok(robots);
        }
        self.fetch_and_keep_robots(host, url).map(|(robots, _)| robots)
    }

    /// The parsed rules read at `source`: among the recent ones, else parsed again from the
    /// cache (its entry marked as used, so that `--cache-max` keeps it as long as a page's), and
    /// then kept among the recent ones.
    fn parsed_rules(&self, source: &Url) -> Option<Arc<Rules>> {
        if let Some(rules) = self.rules.get(source) {
            return Some(rules);
        }
        let cache = self.cache.as_ref()?;
        cache.get(source)?;
        let body = cache.body(source).ok()?;
        let rules = Arc::new(Rules::parse(robots_agent(&self.settings.user_agent), &body)?);
        self.rules.put(source, rules.clone());
        Some(rules)
    }

    /// The host's robots.txt fetched again, for rules neither recent nor in the cache (a run
    /// without one, an entry removed or damaged): once for all the host's pages that need them.
    fn fetch_robots_again(&self, host: &Host, url: &Url) -> Result<(Robots, Option<Arc<Rules>>), WebFailure> {
        let _fetching = host.robots_fetch.lock().unwrap_or_else(|p| p.into_inner());
        // (another page of the host may have fetched them again while this one waited)
        match self.known_robots(host) {
            Some(Robots::Rules { source, crawl_delay }) => {
                if let Some(rules) = self.parsed_rules(&source) {
                    return Ok((Robots::Rules { source, crawl_delay }, Some(rules)));
                }
            }
            Some(robots) => return Ok((robots, None)),
            None => {}
        }
        self.fetch_and_keep_robots(host, url)
    }

    /// Fetches the host's robots.txt and keeps what it says for the host's next pages; not while
    /// the host is unresponsive: its pages then fail as such, and no verdict is kept from a
    /// request never sent.
    fn fetch_and_keep_robots(&self, host: &Host, url: &Url) -> Result<(Robots, Option<Arc<Rules>>), WebFailure> {
        if let Some(failed) = host.unresponsive(url, self.settings.unresponsive_pause) {
            return Err(failed.failure);
        }
        let (robots, rules) = self.fetch_robots(url);
        *host.robots.lock().unwrap_or_else(|p| p.into_inner()) = Some((robots.clone(), Instant::now()));
        Ok((robots, rules))
    }

    /// The host's robots.txt as read, unless it was unreachable `unresponsive_pause` ago or more.
    fn known_robots(&self, host: &Host) -> Option<Robots> {
        let known = host.robots.lock().unwrap_or_else(|p| p.into_inner());
        let (robots, at) = known.as_ref()?;
        let stale = robots.is_unreachable() && at.elapsed() >= self.settings.unresponsive_pause;
        (!stale).then(|| robots.clone())
    }

    /// Fetches the host's robots.txt: what to keep of it, and its rules if it has some.
    fn fetch_robots(&self, url: &Url) -> (Robots, Option<Arc<Rules>>) {
        let agent = robots_agent(&self.settings.user_agent);
        let Ok(mut robots_url) = url.join("/robots.txt") else {
            return (Robots::allow_all(), None);
        };
        // Its own budget: the rules serve every page of the host, not only the one that asked.
        let mut budget = Budget::new(self.settings.give_up_after);
        // RFC 9309: follow at least five redirects; 4xx means no rules, 5xx or no answer means
        // the crawler must assume everything is disallowed.
        for _ in 0..5 {
            if !self.settings.allow_private && address::check_literal(&robots_url).is_err() {
                return (Robots::allow_all(), None);
            }
            // Cached and revalidated like pages, so a second run re-reads robots.txt for free.
            match self.revalidate(&robots_url, Kind::RobotsTxt, &mut budget) {
                Ok(Answer::Page(page)) => {
                    let entry = Entry::page(&robots_url, &page.content_type, &page.etag, &page.last_modified);
                    self.store(&robots_url, entry, Some(&page.body));
                    return self.keep_parsed(agent, &page.body, &robots_url);
                }
                Ok(Answer::Unchanged(page)) => return self.keep_parsed(agent, &page.body, &robots_url),
                Ok(Answer::NotModified) => return (Robots::allow_all(), None),
                Ok(Answer::Redirect(location)) => match robots_url.join(&location) {
                    Ok(next) => robots_url = next,
                    Err(_) => return (Robots::allow_all(), None),
                },
                Ok(Answer::Status(s)) if s.is_client_error() => return (Robots::allow_all(), None),
                Ok(Answer::Status(s)) => return (Robots::unreachable(&robots_url, &format!("HTTP {s}")), None),
                // A name the resolver refused (`LookupError::Refused`, the innermost cause): the
                // page's own request is refused with the plain reason.
                Err(f) if f.failure.outcome == Outcome::Skipped || f.brief.starts_with("refused: ") => {
                    return (Robots::allow_all(), None)
                }
                Err(f) => return (Robots::unreachable(&robots_url, &f.brief), None),
            }
        }
        (Robots::allow_all(), None)
    }

    /// One request with politeness and retries, within the URL's budget. The host's gate is held
    /// throughout, so a backoff also holds back other requests to the same host.
    fn request(
        &self,
        url: &Url,
        cached: Option<&Entry>,
        kind: Kind,
        budget: &mut Budget,
    ) -> Result<Answer, RequestFailure> {
        let host = self.host(url);
        if let Some(failed) = host.unresponsive(url, self.settings.unresponsive_pause) {
            return Err(failed);
        }
        let delay = self.delay_for(&host);
        let mut waiting = Instant::now();
        let mut gate = host.gate.lock().unwrap_or_else(|p| p.into_inner());
        let mut attempt = 0;
        loop {
            if let Some(last) = *gate {
                std::thread::sleep((last + delay).saturating_duration_since(Instant::now()));
            }
            budget.pause(waiting.elapsed());
            // (another request may have found the host silent while this one waited for it; its
            // own retries go on)
            if attempt == 0 {
                if let Some(failed) = host.unresponsive(url, self.settings.unresponsive_pause) {
                    return Err(failed);
                }
            }
            if budget.spent() {
                let failure = budget.gave_up(&format!("before asking for {url}"));
                return Err(RequestFailure {
                    brief: failure.reason.clone(),
                    failure,
                });
            }
            let result = self.attempt(url, cached, kind, budget.left());
            *gate = Some(Instant::now());
            host.note(
                url,
                result.as_ref().err().filter(|e| e.unanswered).map(|e| e.brief.as_str()),
            );
            let err = match result {
                Ok(answer) => return Ok(answer),
                Err(err) => err,
            };
            if !err.retryable || attempt >= self.settings.retries {
                return Err(final_failure(err, attempt));
            }
            let wait = match err.retry_after {
                Some(wait) if wait > self.settings.max_wait => {
                    let mut failure = err.failure;
                    failure.reason.push_str(&format!(
                        " (Retry-After {} s is longer than the {} s limit)",
                        wait.as_secs(),
                        self.settings.max_wait.as_secs()
                    ));
                    return Err(RequestFailure {
                        failure,
                        brief: err.brief,
                    });
                }
                Some(wait) => wait,
                None => backoff(self.settings.backoff, attempt, url.as_str()).min(self.settings.max_wait),
            };
            if wait >= budget.left() {
                let doing = format!("{}; a retry in {} s would pass the limit", err.failure, seconds(wait));
                return Err(RequestFailure {
                    failure: budget.gave_up(&doing),
                    brief: format!("gave up after {} s: {}", seconds(budget.used()), err.brief),
                });
            }
            std::thread::sleep(wait);
            attempt += 1;
            waiting = Instant::now();
        }
    }

    fn delay_for(&self, host: &Host) -> Duration {
        let crawl_delay = host
            .robots
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .and_then(|(robots, _)| robots.crawl_delay())
            .unwrap_or_default();
        self.settings.delay.max(crawl_delay.min(MAX_CRAWL_DELAY))
    }

    /// One request, given at most `left` (the URL's budget) besides the timeout.
    fn attempt(&self, url: &Url, cached: Option<&Entry>, kind: Kind, left: Duration) -> Result<Answer, AttemptError> {
        self.counters.requests.fetch_add(1, Ordering::Relaxed);
        let time = self.settings.timeout.min(left);
        let deadline = Instant::now() + time;
        let mut request = self.client.get(url.clone()).timeout(time);
        if let Some(entry) = cached.filter(|e| e.location.is_none()) {
            if let Some(etag) = &entry.etag {
                request = request.header(IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &entry.last_modified {
                request = request.header(IF_MODIFIED_SINCE, lm);
            }
        }
        let response = request.send().map_err(transport_error)?;
        let status = response.status();
        if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
            return match header(response.headers(), reqwest::header::LOCATION) {
                Some(location) => Ok(Answer::Redirect(location)),
                None => Ok(Answer::Status(status)),
            };
        }
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Answer::NotModified);
        }
        if is_retryable_status(status) {
            return Err(AttemptError {
                failure: WebFailure {
                    outcome: Outcome::Failed,
                    status: Some(status.as_u16()),
                    reason: format!("HTTP {status}"),
                },
                retryable: true,
                retry_after: retry_after(response.headers()),
                brief: format!("HTTP {status}"),
                unanswered: false,
            });
        }
        if !status.is_success() {
            return Ok(Answer::Status(status));
        }
        let content_type = header(response.headers(), CONTENT_TYPE);
        if kind == Kind::Page {
            check_content_type(content_type.as_deref()).map_err(fatal)?;
        }
        let body = match kind {
            Kind::Page => read_whole(response, self.settings.max_body, deadline)?,
            // Feeds and sitemaps (up to 50 MB by their protocol) get a larger cap than pages.
            Kind::Resource => read_whole(response, self.settings.max_body.max(MAX_RESOURCE_BYTES), deadline)?,
            // One byte more than is parsed, so the parser knows whether it was cut.
            Kind::RobotsTxt => read_capped(response, MAX_ROBOTS_BYTES as u64 + 1, deadline, Overflow::Cut)?,
        };
        Ok(Answer::Page(Page {
            body: body.bytes,
            content_type,
            etag: body.etag,
            last_modified: body.last_modified,
        }))
    }
}

/// Seconds as a reader wants them: whole ones, tenths under 10 s.
fn seconds(d: Duration) -> String {
    if d < Duration::from_secs(10) {
        format!("{:.1}", d.as_secs_f64())
    } else {
        format!("{:.0}", d.as_secs_f64())
    }
}

/// What to do with a body longer than the cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Overflow {
    /// Skip the page: it is too large.
    Skip,
    /// Keep the first bytes, drop the rest.
    Cut,
}

/// The failure after the last attempt; its reason says how many retries were spent.
fn final_failure(err: AttemptError, retries: u32) -> RequestFailure {
    let (mut failure, mut brief) = (err.failure, err.brief);
    if err.retryable && retries > 0 {
        failure.reason.push_str(&format!(" (after {retries} retries)"));
        brief.push_str(&format!(", after {retries} retries"));
    }
    RequestFailure { failure, brief }
}

/// Reads a body whole, or skips it when it is larger than `cap` (declared or read).
fn read_whole(response: Response, cap: u64, deadline: Instant) -> Result<Body, AttemptError> {
    check_declared_length(&response, cap).map_err(fatal)?;
    read_capped(response, cap, deadline, Overflow::Skip)
}

/// Refuses a body whose declared length is over the cap before reading any of it.
fn check_declared_length(response: &Response, cap: u64) -> Result<(), WebFailure> {
    let declared = header(response.headers(), CONTENT_LENGTH).and_then(|v| v.parse::<u64>().ok());
    match declared {
        Some(n) if n > cap => Err(too_large(cap)),
        _ => Ok(()),
    }
}

/// How one hop ended.
enum Hop {
    Done(Page, bool),
    Redirect(String),
}

fn offline_hop(cache: Option<&Cache>, url: &Url, cached: Option<Entry>) -> Result<Hop, WebFailure> {
    let (Some(cache), Some(entry)) = (cache, cached) else {
        return Err(WebFailure::failed("not in the cache (--offline)"));
    };
    if let Some(location) = entry.location.clone() {
        return Ok(Hop::Redirect(location));
    }
    let body = cache
        .body(url)
        .map_err(|e| WebFailure::failed(format!("{e}: run without --offline to fetch it again")))?;
    Ok(Hop::Done(page_from_cache(entry, body), true))
}

fn page_from_cache(entry: Entry, body: Vec<u8>) -> Page {
    Page {
        body,
        content_type: entry.content_type,
        etag: entry.etag,
        last_modified: entry.last_modified,
    }
}

/// The document for a page: the id is the URL as requested, the location the final URL.
fn document(requested: &str, final_url: &Url, page: Page, kind: Kind) -> Document {
    let mime = page.content_type.as_deref().map(mime_of).unwrap_or_default();
    let format = if kind == Kind::Page && mime == "text/plain" {
        DocFormat::Body
    } else {
        DocFormat::Html
    };
    Document {
        id: requested.to_owned(),
        location: final_url.to_string(),
        url: Some(final_url.to_string()),
        body: page.body,
        format,
        charset: page.content_type.as_deref().and_then(charset_of),
        published: None,
    }
}

/// Parses a URL and refuses every scheme but `http` and `https`.
pub(super) fn parse_web_url(url: &str) -> Result<Url, WebFailure> {
    let parsed = Url::parse(url.trim()).map_err(|e| WebFailure::failed(format!("bad URL {url:?}: {e}")))?;
    match parsed.scheme() {
        "http" | "https" if parsed.host().is_some() => Ok(parsed),
        "http" | "https" => Err(WebFailure::failed(format!("URL without a host: {url}"))),
        other => Err(WebFailure::skipped(format!(
            "scheme {other}: only http and https are fetched"
        ))),
    }
}

/// `scheme://host:port`, the unit of politeness and of robots.txt.
fn origin(url: &Url) -> String {
    url.origin().ascii_serialization()
}

/// The robots.txt agent name: the user agent's first product token (`figmine/0.1 (...)` → `figmine`).
fn robots_agent(user_agent: &str) -> &str {
    user_agent.split(['/', ' ']).next().unwrap_or(user_agent)
}

/// The media types kept as articles.
const ARTICLE_TYPES: [&str; 3] = ["text/html", "application/xhtml+xml", "text/plain"];

fn check_content_type(content_type: Option<&str>) -> Result<(), WebFailure> {
    // No content type: the reader sniffs the bytes (and records binary data as an error).
    let Some(ct) = content_type else { return Ok(()) };
    let mime = mime_of(ct);
    if ARTICLE_TYPES.contains(&mime.as_str()) {
        Ok(())
    } else {
        Err(WebFailure::skipped(format!("content type {mime}")))
    }
}

fn mime_of(content_type: &str) -> String {
    content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_owned())
            .filter(|v| !v.is_empty())
    })
}

fn header(headers: &HeaderMap, name: reqwest::header::HeaderName) -> Option<String> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

fn is_retryable_status(status: StatusCode) -> bool {
    status == StatusCode::REQUEST_TIMEOUT || status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
}

/// `Retry-After` as seconds or an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = header(headers, reqwest::header::RETRY_AFTER)?;
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let secs = (when.timestamp() - chrono::Utc::now().timestamp()).max(0);
    Some(Duration::from_secs(secs as u64))
}

/// Exponential backoff with jitter: `base × 2^attempt`, scaled by a factor in [0.5, 1.0) so
/// that many clients retrying the same server do not retry in step.
fn backoff(base: Duration, attempt: u32, salt: &str) -> Duration {
    let exp = base.saturating_mul(1u32 << attempt.min(16));
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0)
        ^ super::cache::fnv1a(salt.as_bytes());
    let jitter = 0.5 + (seed % 1000) as f64 / 2000.0;
    exp.mul_f64(jitter)
}

fn fatal(failure: WebFailure) -> AttemptError {
    AttemptError {
        brief: failure.reason.clone(),
        failure,
        retryable: false,
        retry_after: None,
        unanswered: false,
    }
}

fn too_large(limit: u64) -> WebFailure {
    WebFailure::skipped(format!("body larger than the {limit}-byte limit"))
}

/// Network errors are worth retrying, unless a retry cannot mend them: a malformed request or
/// URL, an answer that cannot be parsed (a head too large), figmine's own refusal of an address.
fn transport_error(err: reqwest::Error) -> AttemptError {
    let unanswered = (err.is_timeout() || err.is_connect()) && !is_refusal(&err);
    let transient = err.is_timeout() || err.is_connect() || err.is_request() || err.is_body();
    let retryable = transient && !is_refusal(&err) && !is_malformed(&err);
    let (reason, brief) = if err.is_timeout() {
        (format!("timed out: {}", error_chain(&err)), "timed out".to_owned())
    } else {
        (error_chain(&err), innermost_cause(&err))
    };
    AttemptError {
        failure: WebFailure::failed(reason),
        retryable,
        retry_after: None,
        brief,
        unanswered,
    }
}

/// The causes of an error, the error first. `io::Error::source` skips the error it wraps, so
/// that one is visited through `get_ref`.
fn causes<'a>(
    err: &'a (dyn std::error::Error + 'static),
) -> impl Iterator<Item = &'a (dyn std::error::Error + 'static)> {
    std::iter::successors(Some(err), |e| match e.downcast_ref::<std::io::Error>() {
        Some(io) => io.get_ref().map(|inner| inner as &(dyn std::error::Error + 'static)),
        None => e.source(),
    })
}

/// Whether figmine's resolver refused the address (a private one): the rule will not change.
fn is_refusal(err: &(dyn std::error::Error + 'static)) -> bool {
    causes(err).any(|e| matches!(e.downcast_ref::<LookupError>(), Some(LookupError::Refused { .. })))
}

/// Whether what arrived cannot be read however often it is asked for: a body that does not
/// decode (a "gzip" body that is not gzip), or a response head hyper cannot parse (too large,
/// invalid). hyper is not a direct dependency, so its parse errors are known by their name.
fn is_malformed(err: &(dyn std::error::Error + 'static)) -> bool {
    causes(err).any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::InvalidData)
            || format!("{e:?}").starts_with("hyper::Error(Parse(")
    })
}

/// The last cause of an error in a few words: "connection refused".
fn innermost_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let last = causes(err).last().map(|e| e.to_string()).unwrap_or_default();
    let last = match last.find(" (os error") {
        Some(i) => &last[..i],
        None => &last,
    };
    let mut chars = last.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// An error with its causes, which is where reqwest keeps the useful part.
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

struct Body {
    bytes: Vec<u8>,
    etag: Option<String>,
    last_modified: Option<String>,
}

/// Reads a decompressed body up to `cap` bytes and before `deadline`.
fn read_capped(mut response: Response, cap: u64, deadline: Instant, overflow: Overflow) -> Result<Body, AttemptError> {
    let etag = header(response.headers(), ETAG);
    let last_modified = header(response.headers(), LAST_MODIFIED);
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        if Instant::now() > deadline {
            return Err(body_error(WebFailure::failed("timed out reading the body"), true));
        }
        let n = match response.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(read_error(&e)),
        };
        let room = cap.saturating_sub(bytes.len() as u64) as usize;
        if n > room {
            match overflow {
                Overflow::Skip => return Err(fatal(too_large(cap))),
                Overflow::Cut => {
                    bytes.extend_from_slice(&chunk[..room]);
                    break;
                }
            }
        }
        bytes.extend_from_slice(&chunk[..n]);
    }
    Ok(Body {
        bytes,
        etag,
        last_modified,
    })
}

/// A body that stopped arriving (timed out, cut off) may arrive whole next time; one that does
/// not decode will not.
fn read_error(e: &std::io::Error) -> AttemptError {
    let chain = error_chain(e);
    if e.kind() == std::io::ErrorKind::TimedOut || chain.contains("timed out") {
        return body_error(WebFailure::failed(format!("timed out reading the body: {chain}")), true);
    }
    let failure = WebFailure::failed(format!("body read failed: {chain}"));
    AttemptError {
        retryable: !is_malformed(e),
        ..body_error(failure, false)
    }
}

/// An error while reading a body: the server answered, then `timed_out` or failed otherwise (an
/// answer all the same: a slow body does not make its host unresponsive).
fn body_error(failure: WebFailure, timed_out: bool) -> AttemptError {
    AttemptError {
        brief: if timed_out {
            "timed out reading the body".to_owned()
        } else {
            failure.reason.clone()
        },
        failure,
        retryable: true,
        retry_after: None,
        unanswered: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_fetched() {
        assert!(parse_web_url("https://example.org/a").is_ok());
        let err = parse_web_url("file:///etc/passwd").unwrap_err();
        assert_eq!(err.outcome, Outcome::Skipped);
        assert!(err.reason.contains("scheme file"), "{}", err.reason);
        assert!(parse_web_url("ftp://example.org/").is_err());
        assert!(parse_web_url("not a url").is_err());
    }

    #[test]
    fn charset_and_mime_come_from_the_content_type() {
        assert_eq!(
            charset_of("text/html; charset=\"ISO-8859-1\""),
            Some("ISO-8859-1".into())
        );
        assert_eq!(charset_of("text/html"), None);
        assert_eq!(mime_of("Text/HTML; charset=utf-8"), "text/html");
        assert!(check_content_type(Some("application/pdf")).is_err());
        assert!(check_content_type(Some("application/xhtml+xml")).is_ok());
        assert!(check_content_type(None).is_ok());
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(reqwest::header::RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
        headers.insert(
            reqwest::header::RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(
            retry_after(&headers),
            Some(Duration::ZERO),
            "a date in the past means now"
        );
    }

    #[test]
    fn backoff_doubles_with_jitter_between_half_and_full() {
        let base = Duration::from_millis(100);
        for attempt in 0..4 {
            let full = base * (1 << attempt);
            let wait = backoff(base, attempt, "https://x.test/");
            assert!(wait >= full / 2 && wait < full, "{attempt}: {wait:?}");
        }
    }

    #[test]
    fn the_robots_agent_is_the_first_product_token() {
        assert_eq!(robots_agent(DEFAULT_USER_AGENT), "figmine");
        assert_eq!(robots_agent("MyBot"), "MyBot");
    }
}
