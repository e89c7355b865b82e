//! The fetchers against real HTTP servers on 127.0.0.1, started inside each test, serving pages,
//! feeds, sitemaps, robots.txt and faults. Waits are tiny (delays and backoffs of a few ms);
//! the few lower bounds on elapsed time are named constants with their reason.

use crate::common::{figmine, gzip, read_jsonl};
use figmine::fetch::feed::expand_feed;
use figmine::fetch::sitemap::expand_sitemap;
use figmine::fetch::{fetch_all, FetchSettings, Fetched, Fetcher, Outcome, Source, WebItem};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A request as the test server saw it.
#[derive(Debug, Clone)]
struct Request {
    path: String,
    host: String,
    headers: HashMap<String, String>,
    at: Instant,
}

/// What the test server does with a request.
enum Reply {
    /// A complete response with a Content-Length.
    Full(u16, Vec<(&'static str, String)>, Vec<u8>),
    /// Headers and a body without a length, then the connection is closed.
    Unsized(Vec<(&'static str, String)>, Vec<u8>),
    /// Headers, then the body in pieces with a pause between them.
    Slow(Vec<u8>, usize, Duration),
    /// The connection is closed without an answer.
    Reset,
}

fn ok_html(body: &str) -> Reply {
    Reply::Full(
        200,
        vec![("Content-Type", "text/html; charset=utf-8".into())],
        body.as_bytes().to_vec(),
    )
}

/// A plain-text answer (a robots.txt).
fn ok_text(body: &[u8]) -> Reply {
    Reply::Full(200, vec![("Content-Type", "text/plain".into())], body.to_vec())
}

fn status(code: u16) -> Reply {
    Reply::Full(code, vec![], Vec::new())
}

fn redirect(code: u16, to: &str) -> Reply {
    Reply::Full(code, vec![("Location", to.into())], Vec::new())
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

struct Server {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    /// Starts a server on 127.0.0.1 (a free port) answering with `handler`.
    fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let thread_log = log.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (handler, log) = (handler.clone(), thread_log.clone());
                std::thread::spawn(move || serve(stream, &*handler, &log));
            }
        });
        Server { addr, log }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn hits(&self, path: &str) -> Vec<Request> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }
}

fn serve(stream: TcpStream, handler: &Handler, log: &Mutex<Vec<Request>>) {
    // A head and a body written apart would otherwise wait for a delayed ACK (40 ms a request).
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut stream = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
        let mut headers = HashMap::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
            }
        }
        let request = Request {
            host: headers.get("host").cloned().unwrap_or_default(),
            path,
            headers,
            at: Instant::now(),
        };
        log.lock().unwrap().push(request.clone());
        let keep_alive = match handler(&request) {
            Reply::Full(code, headers, body) => {
                let mut head = format!("HTTP/1.1 {code} X\r\nContent-Length: {}\r\n", body.len());
                for (k, v) in headers {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
                head.push_str("\r\n");
                stream.write_all(head.as_bytes()).is_ok() && stream.write_all(&body).is_ok()
            }
            Reply::Unsized(headers, body) => {
                let mut head = "HTTP/1.1 200 OK\r\nConnection: close\r\n".to_owned();
                for (k, v) in headers {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
                head.push_str("\r\n");
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
                false
            }
            Reply::Slow(body, pieces, pause) => {
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                for piece in body.chunks(body.len().div_ceil(pieces)) {
                    std::thread::sleep(pause);
                    if stream.write_all(piece).is_err() {
                        break;
                    }
                }
                false
            }
            Reply::Reset => false,
        };
        if !keep_alive {
            return;
        }
    }
}

/// Settings for tests: loopback allowed, no politeness delay, millisecond backoffs.
fn settings() -> FetchSettings {
    FetchSettings {
        allow_private: true,
        delay: Duration::ZERO,
        backoff: Duration::from_millis(5),
        timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(2),
        ..FetchSettings::default()
    }
}

fn fetcher(settings: FetchSettings) -> Fetcher {
    Fetcher::new(settings).unwrap()
}

fn page(f: &Fetched) -> &figmine::fetch::Document {
    f.result.as_ref().unwrap_or_else(|e| panic!("{}: {e}", f.id))
}

fn failure(f: &Fetched) -> &figmine::fetch::WebFailure {
    f.result
        .as_ref()
        .err()
        .unwrap_or_else(|| panic!("{} was fetched", f.id))
}

/// Serves `/robots.txt` as 404 (no rules) and the rest with `handler`.
fn site(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
    Server::start(move |r| {
        if r.path == "/robots.txt" {
            status(404)
        } else {
            handler(r)
        }
    })
}

/// Answers with each reply of `script` in turn for `path`, then with `last`.
fn scripted(
    path: &'static str,
    script: Vec<fn() -> Reply>,
    last: fn() -> Reply,
) -> impl Fn(&Request) -> Reply + Send + Sync {
    let n = AtomicUsize::new(0);
    move |r| {
        if r.path != path {
            return status(404);
        }
        let i = n.fetch_add(1, Ordering::SeqCst);
        script.get(i).map_or_else(last, |f| f())
    }
}

#[test]
fn retry_after_is_honoured_on_429() {
    // Retry-After is in whole seconds, so this test waits one second; the lower bound allows for
    // timer granularity, never for slowness (which only lengthens the wait).
    const RETRY_AFTER_FLOOR: Duration = Duration::from_millis(900);
    let server = site(scripted(
        "/a",
        vec![|| Reply::Full(429, vec![("Retry-After", "1".into())], Vec::new())],
        || ok_html("<p>ok</p>"),
    ));
    let f = fetcher(settings()).fetch_page(&server.url("/a"), None);
    assert_eq!(page(&f).body, b"<p>ok</p>");
    let hits = server.hits("/a");
    assert_eq!(hits.len(), 2);
    assert!(
        hits[1].at - hits[0].at >= RETRY_AFTER_FLOOR,
        "{:?}",
        hits[1].at - hits[0].at
    );
}

#[test]
fn a_retry_after_longer_than_the_limit_fails_at_once() {
    let server = site(|_| Reply::Full(503, vec![("Retry-After", "3600".into())], Vec::new()));
    let f = fetcher(settings()).fetch_page(&server.url("/a"), None);
    let fail = failure(&f);
    assert_eq!((fail.outcome, fail.status), (Outcome::Failed, Some(503)));
    assert!(fail.reason.contains("Retry-After 3600 s"), "{}", fail.reason);
    assert_eq!(server.hits("/a").len(), 1);
}

#[test]
fn server_errors_are_retried_with_backoff_until_they_pass() {
    let server = site(scripted("/a", vec![|| status(500), || status(502)], || {
        ok_html("<p>ok</p>")
    }));
    let fetcher = fetcher(settings());
    let f = fetcher.fetch_page(&server.url("/a"), None);
    assert_eq!(f.outcome(), Outcome::Fetched);
    assert_eq!(server.hits("/a").len(), 3);
    assert_eq!(fetcher.stats().requests, 4, "robots.txt, then three attempts");
}

#[test]
fn persistent_server_errors_fail_after_the_retries() {
    let server = site(|_| status(500));
    let f = fetcher(settings()).fetch_page(&server.url("/a"), None);
    let fail = failure(&f);
    assert_eq!(fail.status, Some(500));
    assert!(fail.reason.contains("after 3 retries"), "{}", fail.reason);
    assert_eq!(server.hits("/a").len(), 4);
}

#[test]
fn client_errors_are_not_retried() {
    let server = site(|_| status(404));
    let f = fetcher(settings()).fetch_page(&server.url("/gone"), None);
    assert_eq!(failure(&f).status, Some(404));
    assert_eq!(failure(&f).reason, "HTTP 404 Not Found");
    assert_eq!(server.hits("/gone").len(), 1);
}

#[test]
fn a_reset_connection_is_retried() {
    let server = site(scripted("/a", vec![|| Reply::Reset], || ok_html("<p>ok</p>")));
    let f = fetcher(settings()).fetch_page(&server.url("/a"), None);
    assert_eq!(page(&f).body, b"<p>ok</p>");
    assert_eq!(server.hits("/a").len(), 2);
}

#[test]
fn robots_txt_is_obeyed_with_its_crawl_delay_unless_ignored() {
    // Crawl-delay 0.2 s between the two allowed pages; the floor allows for timer granularity.
    const CRAWL_DELAY_FLOOR: Duration = Duration::from_millis(180);
    let server = Server::start(|r| match r.path.as_str() {
        "/robots.txt" => {
            ok_text(b"User-agent: figmine\nDisallow: /private/\nCrawl-delay: 0.2\n\nUser-agent: *\nDisallow: /\n")
        }
        _ => ok_html("<p>page</p>"),
    });
    let fetcher = fetcher(settings());
    let blocked = fetcher.fetch_page(&server.url("/private/x"), None);
    assert_eq!(failure(&blocked).outcome, Outcome::Skipped);
    assert!(
        failure(&blocked).reason.contains("robots.txt disallows /private/x"),
        "{:?}",
        failure(&blocked)
    );
    assert!(server.hits("/private/x").is_empty());
    assert_eq!(fetcher.fetch_page(&server.url("/a"), None).outcome(), Outcome::Fetched);
    assert_eq!(fetcher.fetch_page(&server.url("/b"), None).outcome(), Outcome::Fetched);
    let (a, b) = (&server.hits("/a")[0], &server.hits("/b")[0]);
    assert!(b.at - a.at >= CRAWL_DELAY_FLOOR, "{:?}", b.at - a.at);
    assert_eq!(
        server.hits("/robots.txt").len(),
        1,
        "robots.txt is fetched once per host"
    );

    let ignoring = crate::fetch::fetcher(FetchSettings {
        obey_robots: false,
        ..settings()
    });
    assert_eq!(
        ignoring.fetch_page(&server.url("/private/x"), None).outcome(),
        Outcome::Fetched
    );
}

#[test]
fn robots_txt_server_errors_fail_the_page_without_fetching_it() {
    let server = Server::start(|r| {
        if r.path == "/robots.txt" {
            status(503)
        } else {
            ok_html("<p>x</p>")
        }
    });
    let f = fetcher(FetchSettings {
        retries: 0,
        ..settings()
    })
    .fetch_page(&server.url("/a"), None);
    assert_eq!(
        failure(&f).outcome,
        Outcome::Failed,
        "the site did not ask to be left alone"
    );
    assert_eq!(
        failure(&f).reason,
        format!(
            "robots.txt of {} unreachable (HTTP 503 Service Unavailable): page not fetched",
            server.addr
        )
    );
    assert!(server.hits("/a").is_empty(), "RFC 9309: nothing fetched");
}

/// A robots.txt that could not be reached fails its host's pages for a while only: it is
/// asked for again once the pause for an unresponsive host has passed.
#[test]
fn an_unreachable_robots_txt_is_asked_for_again_after_the_pause() {
    const PAUSE: Duration = Duration::from_millis(400);
    let down = Arc::new(AtomicBool::new(true));
    let still_down = down.clone();
    let server = Server::start(move |r| match r.path.as_str() {
        "/robots.txt" if still_down.load(Ordering::SeqCst) => status(503),
        "/robots.txt" => ok_text(b"User-agent: *\nDisallow: /private/\n"),
        _ => ok_html("<p>x</p>"),
    });
    let fetcher = fetcher(FetchSettings {
        retries: 0,
        unresponsive_pause: PAUSE,
        ..settings()
    });
    let unreachable = format!(
        "robots.txt of {} unreachable (HTTP 503 Service Unavailable): page not fetched",
        server.addr
    );
    assert_eq!(
        failure(&fetcher.fetch_page(&server.url("/a"), None)).reason,
        unreachable
    );
    // back up, but within the pause: the rules read stand, and robots.txt is not asked again
    down.store(false, Ordering::SeqCst);
    assert_eq!(
        failure(&fetcher.fetch_page(&server.url("/b"), None)).reason,
        unreachable
    );
    assert_eq!(server.hits("/robots.txt").len(), 1);
    std::thread::sleep(PAUSE);
    assert_eq!(page(&fetcher.fetch_page(&server.url("/c"), None)).body, b"<p>x</p>");
    assert_eq!(
        failure(&fetcher.fetch_page(&server.url("/private/d"), None)).outcome,
        Outcome::Skipped,
        "the rules read anew are obeyed"
    );
    assert_eq!(server.hits("/robots.txt").len(), 2, "read again once, then kept");
    assert!(server.hits("/a").is_empty() && server.hits("/b").is_empty());
}

/// The parsed rules of few hosts are kept (here the fewest, those of the hosts used last, fewer
/// than the hosts taking turns): a host's rules that fell out are parsed again from the cache
/// without asking the host, or fetched again without a cache; obeyed either way.
#[test]
fn robots_rules_that_fell_out_of_memory_are_read_again_and_obeyed() {
    let server = Server::start(|r| {
        let host = r.host.split(':').next().unwrap_or_default().to_owned();
        match r.path.as_str() {
            "/robots.txt" => {
                ok_text(format!("User-agent: *\nDisallow: /{host}-private/\nDisallow: /*.json$\n").as_bytes())
            }
            _ => ok_html("<p>x</p>"),
        }
    });
    let hosts: Vec<String> = (0..10).map(|i| format!("h{i}.test")).collect();
    assert!(hosts.len() > figmine::fetch::KEPT_ROBOTS_RULES);
    for cached in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let fetcher = fetcher(FetchSettings {
            resolve: hosts.iter().map(|h| (h.to_string(), server.addr)).collect(),
            robots_memory: 1,
            cache: cached.then(|| dir.path().to_path_buf()),
            ..settings()
        });
        let url = |host: &str, path: &str| format!("http://{host}:{}/{path}", server.addr.port());
        let before = server.hits("/robots.txt").len();
        for round in 0..2 {
            for host in &hosts {
                let private = fetcher.fetch_page(&url(host, &format!("{host}-private/x")), None);
                assert_eq!(failure(&private).outcome, Outcome::Skipped, "{host}, round {round}");
                let json = fetcher.fetch_page(&url(host, "data.json"), None);
                assert_eq!(failure(&json).outcome, Outcome::Skipped, "{host}, round {round}");
                let news = fetcher.fetch_page(&url(host, "news/1"), None);
                assert_eq!(page(&news).body, b"<p>x</p>", "{host}, round {round}");
            }
        }
        let asked = server.hits("/robots.txt").len() - before;
        // with a cache each host's robots.txt is asked for once (and read again from the cache
        // in the second round); without one, once more in the second round
        assert_eq!(asked, hosts.len() * if cached { 1 } else { 2 }, "cached: {cached}");
    }
}

/// One more host than the fetcher keeps the rules of (`o0.test`, ...), whose pages push a.test's
/// rules out of memory, and all of them and a.test resolved to `server`.
fn others_and_a(server: &Server) -> (Vec<String>, Vec<(String, SocketAddr)>) {
    let others: Vec<String> = (0..=figmine::fetch::KEPT_ROBOTS_RULES)
        .map(|i| format!("o{i}.test"))
        .collect();
    let resolve = others
        .iter()
        .chain([&"a.test".to_string()])
        .map(|h| (h.clone(), server.addr))
        .collect();
    (others, resolve)
}

/// Pages of one host that need its rules again at the same moment (they fell out of memory, and
/// there is no cache) wait for one fetch of its robots.txt rather than each fetching it.
#[test]
fn rules_that_fell_out_are_fetched_again_once_for_pages_asking_at_once() {
    const PAGES: usize = 4;
    let server = Server::start(|r| match r.path.as_str() {
        "/robots.txt" => {
            // slow enough for every page to ask while the first fetch is under way
            std::thread::sleep(Duration::from_millis(300));
            ok_text(b"User-agent: *\nDisallow: /private/\n")
        }
        _ => ok_html("<p>x</p>"),
    });
    let (others, resolve) = others_and_a(&server);
    let fetcher = fetcher(FetchSettings {
        resolve,
        robots_memory: 1,
        ..settings()
    });
    let url = |host: &str, path: &str| format!("http://{host}:{}{path}", server.addr.port());
    assert_eq!(
        page(&fetcher.fetch_page(&url("a.test", "/first"), None)).body,
        b"<p>x</p>"
    );
    for host in &others {
        assert_eq!(page(&fetcher.fetch_page(&url(host, "/news"), None)).body, b"<p>x</p>");
    }
    let asked = server.hits("/robots.txt").len();
    assert_eq!(asked, others.len() + 1);
    std::thread::scope(|s| {
        for i in 0..PAGES {
            let (fetcher, url) = (&fetcher, &url);
            s.spawn(move || {
                let private = fetcher.fetch_page(&url("a.test", &format!("/private/{i}")), None);
                assert_eq!(failure(&private).outcome, Outcome::Skipped, "page {i}");
            });
        }
    });
    assert_eq!(
        server.hits("/robots.txt").len() - asked,
        1,
        "robots.txt fetched again per page"
    );
}

/// Rules read again from the cache mark its robots.txt entry as used, so that `--cache-max`
/// removes the host's pages used longest ago before the rules it keeps needing.
#[test]
fn robots_rules_read_again_from_the_cache_mark_its_entry_used() {
    let server = Server::start(|r| match r.path.as_str() {
        "/robots.txt" => ok_text(b"User-agent: *\nDisallow: /private/\n"),
        _ => ok_html("<p>x</p>"),
    });
    let dir = tempfile::tempdir().unwrap();
    let fetcher = fetcher(FetchSettings {
        resolve: vec![("a.test".into(), server.addr), ("b.test".into(), server.addr)],
        robots_memory: 1,
        cache_max: Some(100 << 20),
        ..cached_settings(dir.path(), false)
    });
    let url = |host: &str, path: &str| format!("http://{host}:{}{path}", server.addr.port());
    let used_at = |wanted: &str| {
        cache_files(dir.path(), ".json")
            .into_iter()
            .find(|f| std::fs::read_to_string(f).unwrap().contains(wanted))
            .map(|f| std::fs::metadata(f).unwrap().modified().unwrap())
            .unwrap_or_else(|| panic!("no entry for {wanted}"))
    };
    fetcher.fetch_page(&url("a.test", "/p0"), None);
    // b's rules push a's out of memory, then a's are read again from the cache
    fetcher.fetch_page(&url("b.test", "/p0"), None);
    let page_stored = used_at(&url("a.test", "/p0"));
    std::thread::sleep(Duration::from_millis(20));
    let private = fetcher.fetch_page(&url("a.test", "/private/x"), None);
    assert_eq!(failure(&private).outcome, Outcome::Skipped);
    assert_eq!(server.hits("/robots.txt").len(), 2, "one for each host");
    assert!(
        used_at(&url("a.test", "/robots.txt")) > page_stored,
        "not marked as used"
    );
}

/// A host gone unresponsive whose robots.txt rules fell out of memory (no cache) fails its pages
/// as unresponsive: its robots.txt is not asked for, and no "unreachable" verdict is kept for it.
#[test]
fn an_unresponsive_host_whose_rules_fell_out_is_told_unresponsive() {
    const PAUSE: Duration = Duration::from_millis(600);
    let server = Server::start(|r| {
        if r.path.starts_with("/slow") {
            std::thread::sleep(Duration::from_millis(800));
        }
        match r.path.as_str() {
            "/robots.txt" => ok_text(b"User-agent: *\nDisallow: /private/\n"),
            _ => ok_html("<p>x</p>"),
        }
    });
    let (others, resolve) = others_and_a(&server);
    let fetcher = fetcher(FetchSettings {
        resolve,
        robots_memory: 1,
        timeout: Duration::from_millis(200),
        retries: 0,
        unresponsive_pause: PAUSE,
        ..settings()
    });
    let url = |host: &str, path: &str| format!("http://{host}:{}{path}", server.addr.port());
    for path in ["/slow1", "/slow2", "/slow3"] {
        let slow = fetcher.fetch_page(&url("a.test", path), None);
        assert!(failure(&slow).reason.contains("timed out"), "{}", failure(&slow).reason);
    }
    for host in &others {
        assert_eq!(page(&fetcher.fetch_page(&url(host, "/news"), None)).body, b"<p>x</p>");
    }
    let asked = server.hits("/robots.txt").len();
    let ok = fetcher.fetch_page(&url("a.test", "/ok"), None);
    assert_eq!(
        failure(&ok).reason,
        format!(
            "host a.test:{} unresponsive (timed out, 3 times in a row): page not fetched",
            server.addr.port()
        )
    );
    assert_eq!(server.hits("/robots.txt").len(), asked, "robots.txt was asked for");
    std::thread::sleep(PAUSE);
    assert_eq!(page(&fetcher.fetch_page(&url("a.test", "/ok"), None)).body, b"<p>x</p>");
}

/// A URL list over more hosts than the soft limit on open files allows connections: the limit
/// is raised to the hard one, so that no page fails with "too many open files" (each host's
/// connection stays open, idle, for its next request).
#[test]
fn a_crawl_over_more_hosts_than_the_soft_limit_on_open_files_loses_no_page() {
    const HOSTS: usize = 80;
    let servers: Vec<Server> = (0..HOSTS)
        .map(|i| Server::start(move |_| ok_html(&format!("<p>The office received {i} requests.</p>"))))
        .collect();
    let tmp = tempfile::tempdir().unwrap();
    let list = tmp.path().join("urls.txt");
    let urls: String = servers.iter().map(|s| s.url("/news/1") + "\n").collect();
    std::fs::write(&list, urls).unwrap();
    let out = tmp.path().join("out");
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -Sn 64 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_figmine"))
        .args(["run", "--allow-private", "--delay", "0", "--retries", "0", "--urls"])
        .arg(&list)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(&format!("web: {HOSTS} fetched, 0 cached, 0 skipped, 0 failed")),
        "{stderr}"
    );
}

/// A port nobody listens on.
fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[test]
fn a_dead_server_is_a_failure_and_the_run_exits_1() {
    let port = closed_port();
    let url = format!("http://127.0.0.1:{port}/x");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let output = figmine()
        .args(["run", &url, "--allow-private", "--retries", "0", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("web: 0 fetched, 0 cached, 0 skipped, 1 failed"),
        "{stderr}"
    );
    let articles = read_jsonl(&out.join("articles.jsonl"));
    assert_eq!(
        articles[0]["error"],
        format!("fetch: robots.txt of 127.0.0.1:{port} unreachable (connection refused): page not fetched")
    );
}

#[test]
fn only_the_first_512_kib_of_robots_txt_are_read() {
    let mut robots = b"User-agent: *\nDisallow: /private/\n".to_vec();
    while robots.len() < 1024 * 1024 {
        robots.extend_from_slice(b"# a comment line to fill the file\n");
    }
    robots.extend_from_slice(b"Disallow: /late/\n");
    let server = Server::start(move |r| match r.path.as_str() {
        "/robots.txt" => ok_text(&robots),
        _ => ok_html("<p>x</p>"),
    });
    let fetcher = fetcher(settings());
    let private = fetcher.fetch_page(&server.url("/private/x"), None);
    assert_eq!(failure(&private).outcome, Outcome::Skipped);
    let late = fetcher.fetch_page(&server.url("/late/x"), None);
    assert_eq!(late.outcome(), Outcome::Fetched, "a rule past 512 KiB was obeyed");
}

#[test]
fn errors_a_retry_cannot_mend_are_not_retried() {
    let server = site(|r| match r.path.as_str() {
        "/not-gzip" => Reply::Full(
            200,
            vec![
                ("Content-Type", "text/html".into()),
                ("Content-Encoding", "gzip".into()),
            ],
            b"<p>plain, not gzip</p>".to_vec(),
        ),
        _ => Reply::Full(200, vec![("X-Big", "y".repeat(512 * 1024))], b"<p>x</p>".to_vec()),
    });
    let fetcher = fetcher(settings());
    for (path, says) in [
        ("/not-gzip", "Invalid gzip header"),
        ("/big-head", "message head is too large"),
    ] {
        let f = fetcher.fetch_page(&server.url(path), None);
        assert_eq!(failure(&f).outcome, Outcome::Failed);
        assert!(failure(&f).reason.contains(says), "{path}: {:?}", failure(&f));
        assert_eq!(server.hits(path).len(), 1, "{path} was retried");
    }
}

#[test]
fn one_url_gives_up_when_its_time_is_spent() {
    // Each hop of the chain waits 100 ms: ten of them cannot fit in 300 ms.
    let server = site(|r| {
        let n: usize = r.path.trim_start_matches("/r").parse().unwrap_or(0);
        if r.path == "/busy" {
            return Reply::Full(503, vec![("Retry-After", "1".into())], Vec::new());
        }
        std::thread::sleep(Duration::from_millis(100));
        redirect(302, &format!("/r{}", n + 1))
    });
    let fetcher = fetcher(FetchSettings {
        give_up_after: Duration::from_millis(300),
        ..settings()
    });
    let chain = fetcher.fetch_page(&server.url("/r0"), None);
    assert!(
        failure(&chain).reason.starts_with("gave up after "),
        "{:?}",
        failure(&chain)
    );
    assert!(
        failure(&chain).reason.ends_with("the limit for one URL is 0.3 s)"),
        "{:?}",
        failure(&chain)
    );
    assert!(chain.redirects.len() < 10);
    // A Retry-After past the limit ends the URL at once rather than wait for it.
    let busy = fetcher.fetch_page(&server.url("/busy"), None);
    assert!(
        failure(&busy).reason.starts_with("gave up after "),
        "{:?}",
        failure(&busy)
    );
    assert!(failure(&busy).reason.contains("HTTP 503"), "{:?}", failure(&busy));
    assert_eq!(server.hits("/busy").len(), 1);
}

#[test]
fn a_host_that_leaves_three_requests_unanswered_fails_its_other_urls_at_once_for_a_while() {
    // Silent until told to answer, but for /ok; the pause is long enough for /p5 and /p6 to fall
    // in it.
    const PAUSE: Duration = Duration::from_millis(500);
    let silent = Arc::new(AtomicBool::new(true));
    let still_silent = silent.clone();
    let server = site(move |r| {
        if still_silent.load(Ordering::SeqCst) && r.path != "/ok" {
            std::thread::sleep(Duration::from_secs(2));
        }
        ok_html("<p>answered</p>")
    });
    let fetcher = fetcher(FetchSettings {
        timeout: Duration::from_millis(100),
        unresponsive_pause: PAUSE,
        ..settings()
    });
    let timed_out = |path: &str| {
        let f = fetcher.fetch_page(&server.url(path), None);
        assert!(
            failure(&f).reason.contains("timed out"),
            "{path}: {}",
            failure(&f).reason
        );
        assert_eq!(server.hits(path).len(), 4, "{path}: asked for once and retried 3 times");
    };
    // one URL's retries are one request unanswered, and an answer ends the silence
    timed_out("/p1");
    timed_out("/p2");
    assert_eq!(
        page(&fetcher.fetch_page(&server.url("/ok"), None)).body,
        b"<p>answered</p>"
    );
    timed_out("/p3");
    timed_out("/p4");
    timed_out("/p5");
    let unresponsive = format!(
        "host {} unresponsive (timed out, 3 times in a row): page not fetched",
        server.addr
    );
    for path in ["/p6", "/p7"] {
        let f = fetcher.fetch_page(&server.url(path), None);
        assert_eq!(failure(&f).outcome, Outcome::Failed);
        assert_eq!(failure(&f).reason, unresponsive);
        assert!(server.hits(path).is_empty(), "{path} was asked for");
    }
    silent.store(false, Ordering::SeqCst);
    std::thread::sleep(PAUSE);
    let later = fetcher.fetch_page(&server.url("/p8"), None);
    assert_eq!(
        page(&later).body,
        b"<p>answered</p>",
        "the host is tried again after the pause"
    );
}

#[test]
fn one_request_at_a_time_per_host_but_hosts_in_parallel() {
    // Host a's page waits for host b's request to arrive: only concurrency across hosts lets it
    // finish before the 3 s give-up. Requests to one host must never overlap.
    let b_arrived = Arc::new(AtomicBool::new(false));
    let in_flight: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let overlapped = Arc::new(AtomicBool::new(false));
    let (arrived, flight, overlap) = (b_arrived.clone(), in_flight.clone(), overlapped.clone());
    let server = site(move |r| {
        let host = r.host.split(':').next().unwrap_or_default().to_owned();
        {
            let mut f = flight.lock().unwrap();
            let n = f.entry(host.clone()).or_default();
            *n += 1;
            if *n > 1 {
                overlap.store(true, Ordering::SeqCst);
            }
        }
        if host == "b.test" {
            arrived.store(true, Ordering::SeqCst);
        } else {
            let give_up = Instant::now() + Duration::from_secs(3);
            while !arrived.load(Ordering::SeqCst) && Instant::now() < give_up {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        std::thread::sleep(Duration::from_millis(10));
        *flight.lock().unwrap().get_mut(&host).unwrap() -= 1;
        ok_html("<p>x</p>")
    });
    let port = server.addr.port();
    let fetcher = Arc::new(fetcher(FetchSettings {
        resolve: vec![("a.test".into(), server.addr), ("b.test".into(), server.addr)],
        ..settings()
    }));
    let items: Vec<WebItem> = ["a.test", "a.test", "a.test", "b.test", "b.test"]
        .iter()
        .enumerate()
        .map(|(i, h)| WebItem::new(format!("http://{h}:{port}/p{i}")))
        .collect();
    let start = Instant::now();
    let ids: Vec<String> = fetch_all(fetcher.clone(), items.clone(), 4)
        .map(|s| match s {
            Source::Fetched(f) => {
                assert_eq!(f.outcome(), Outcome::Fetched, "{f:?}");
                f.id
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        ids,
        items.iter().map(|i| i.url.clone()).collect::<Vec<_>>(),
        "input order kept"
    );
    assert!(b_arrived.load(Ordering::SeqCst));
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "hosts were not fetched in parallel"
    );
    assert!(
        !overlapped.load(Ordering::SeqCst),
        "two requests to one host overlapped"
    );
}

#[test]
fn the_politeness_delay_separates_requests_to_a_host() {
    const DELAY: Duration = Duration::from_millis(100);
    let server = site(|_| ok_html("<p>x</p>"));
    let fetcher = Arc::new(fetcher(FetchSettings {
        delay: DELAY,
        ..settings()
    }));
    let items = (0..3).map(|i| WebItem::new(server.url(&format!("/p{i}")))).collect();
    assert_eq!(fetch_all(fetcher, items, 3).count(), 3);
    let mut times: Vec<Instant> = server.log.lock().unwrap().iter().map(|r| r.at).collect();
    times.sort();
    for pair in times.windows(2) {
        assert!(pair[1] - pair[0] >= DELAY, "{:?}", pair[1] - pair[0]);
    }
}

#[test]
fn redirects_are_followed_and_recorded_and_loops_stopped() {
    let server = site(|r| match r.path.as_str() {
        "/old" => redirect(301, "/mid"),
        "/mid" => redirect(302, "/new?x=1"),
        "/new?x=1" => ok_html("<p>new</p>"),
        "/loop1" => redirect(302, "/loop2"),
        "/loop2" => redirect(302, "/loop1"),
        _ => status(404),
    });
    let fetcher = fetcher(settings());
    let f = fetcher.fetch_page(&server.url("/old"), None);
    assert_eq!(f.id, server.url("/old"));
    assert_eq!(f.redirects, [server.url("/mid"), server.url("/new?x=1")]);
    assert_eq!(page(&f).url.as_deref(), Some(server.url("/new?x=1").as_str()));
    assert_eq!(page(&f).location, server.url("/new?x=1"));
    let looped = fetcher.fetch_page(&server.url("/loop1"), None);
    assert!(
        failure(&looped).reason.contains("redirect loop"),
        "{:?}",
        failure(&looped)
    );
    let capped = crate::fetch::fetcher(FetchSettings {
        max_redirects: 1,
        ..settings()
    })
    .fetch_page(&server.url("/old"), None);
    assert!(
        failure(&capped).reason.contains("more than 1 redirects"),
        "{:?}",
        failure(&capped)
    );
}

#[test]
fn private_addresses_are_refused_unless_allowed() {
    let server = site(|r| match r.path.as_str() {
        "/to-literal" => redirect(
            302,
            &format!("http://127.0.0.1:{}/secret", r.host.rsplit(':').next().unwrap()),
        ),
        "/to-localhost" => redirect(
            302,
            &format!("http://localhost:{}/secret", r.host.rsplit(':').next().unwrap()),
        ),
        _ => ok_html("<p>secret</p>"),
    });
    // `public.test` is pinned to the server like curl's --resolve: it plays a public site.
    let strict = fetcher(FetchSettings {
        allow_private: false,
        resolve: vec![("public.test".into(), server.addr)],
        ..settings()
    });
    let public = |p: &str| format!("http://public.test:{}{p}", server.addr.port());
    assert_eq!(strict.fetch_page(&public("/page"), None).outcome(), Outcome::Fetched);
    for path in ["/to-literal", "/to-localhost"] {
        let f = strict.fetch_page(&public(path), None);
        assert!(failure(&f).reason.contains("refused"), "{path}: {:?}", failure(&f));
    }
    let direct = strict.fetch_page(&server.url("/secret"), None);
    assert!(failure(&direct).reason.contains("refused"), "{:?}", failure(&direct));
    assert!(
        server.hits("/secret").is_empty(),
        "no request reached the private address"
    );
    let f = fetcher(settings()).fetch_page(&public("/to-literal").replace("public.test", "127.0.0.1"), None);
    assert_eq!(f.outcome(), Outcome::Fetched, "--allow-private lets it through");
    let f = strict.fetch_page("file:///etc/passwd", None);
    assert_eq!(failure(&f).outcome, Outcome::Skipped);
}

#[test]
fn a_gzip_bomb_stops_at_the_size_cap() {
    let zeros = vec![b' '; 20 * 1024 * 1024];
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&zeros).unwrap();
    let bomb = gz.finish().unwrap();
    assert!(bomb.len() < 100_000);
    let server = site(move |_| {
        Reply::Full(
            200,
            vec![
                ("Content-Type", "text/html".into()),
                ("Content-Encoding", "gzip".into()),
            ],
            bomb.clone(),
        )
    });
    let f = fetcher(FetchSettings {
        max_body: 1024 * 1024,
        ..settings()
    })
    .fetch_page(&server.url("/bomb"), None);
    assert_eq!(failure(&f).outcome, Outcome::Skipped);
    assert!(
        failure(&f).reason.contains("larger than the 1048576-byte limit"),
        "{:?}",
        failure(&f)
    );
}

#[test]
fn deflate_and_gzip_bodies_are_decoded() {
    let server = site(|r| {
        let (encoding, body) = if r.path == "/deflate" {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
            z.write_all(b"<p>deflated</p>").unwrap();
            ("deflate", z.finish().unwrap())
        } else {
            ("gzip", gzip(b"<p>gzipped</p>"))
        };
        Reply::Full(
            200,
            vec![
                ("Content-Type", "text/html".into()),
                ("Content-Encoding", encoding.into()),
            ],
            body,
        )
    });
    let fetcher = fetcher(settings());
    assert_eq!(
        page(&fetcher.fetch_page(&server.url("/deflate"), None)).body,
        b"<p>deflated</p>"
    );
    assert_eq!(
        page(&fetcher.fetch_page(&server.url("/gzip"), None)).body,
        b"<p>gzipped</p>"
    );
}

#[test]
fn a_10_mb_page_is_skipped_whether_or_not_its_length_is_declared() {
    let big = "<p>x</p>".repeat(10 * 1024 * 1024 / 8).into_bytes();
    let server = site(move |r| {
        let headers = vec![("Content-Type", "text/html".into())];
        if r.path == "/declared" {
            Reply::Full(200, headers, big.clone())
        } else {
            Reply::Unsized(headers, big.clone())
        }
    });
    let fetcher = fetcher(settings());
    for path in ["/declared", "/undeclared"] {
        let f = fetcher.fetch_page(&server.url(path), None);
        assert_eq!(failure(&f).outcome, Outcome::Skipped, "{path}");
        assert!(failure(&f).reason.contains("8388608-byte limit"), "{:?}", failure(&f));
    }
}

#[test]
fn a_body_slower_than_the_timeout_fails() {
    let server = site(|_| Reply::Slow(b"<p>slow</p>".repeat(10), 10, Duration::from_millis(150)));
    let f = fetcher(FetchSettings {
        timeout: Duration::from_millis(400),
        retries: 0,
        ..settings()
    })
    .fetch_page(&server.url("/slow"), None);
    assert!(failure(&f).reason.contains("timed out"), "{:?}", failure(&f));
}

/// A server that answers, then sends its body too slowly, is no silent host: its other pages
/// are still asked for.
#[test]
fn bodies_slower_than_the_timeout_leave_their_host_answering() {
    let server = site(|r| match r.path.as_str() {
        "/ok" => ok_html("<p>answered</p>"),
        _ => Reply::Slow(b"<p>slow</p>".repeat(10), 10, Duration::from_millis(150)),
    });
    let fetcher = fetcher(FetchSettings {
        timeout: Duration::from_millis(400),
        retries: 0,
        ..settings()
    });
    for path in ["/s1", "/s2", "/s3", "/s4"] {
        let f = fetcher.fetch_page(&server.url(path), None);
        assert!(
            failure(&f).reason.contains("timed out reading the body"),
            "{:?}",
            failure(&f)
        );
    }
    let ok = fetcher.fetch_page(&server.url("/ok"), None);
    assert_eq!(page(&ok).body, b"<p>answered</p>");
}

#[test]
fn oversized_headers_fail() {
    let server = site(|_| Reply::Full(200, vec![("X-Big", "y".repeat(512 * 1024))], b"<p>x</p>".to_vec()));
    let f = fetcher(FetchSettings {
        retries: 0,
        ..settings()
    })
    .fetch_page(&server.url("/h"), None);
    assert_eq!(f.outcome(), Outcome::Failed);
}

#[test]
fn non_html_content_is_skipped_with_its_type() {
    let server = site(|_| {
        Reply::Full(
            200,
            vec![("Content-Type", "application/pdf".into())],
            b"%PDF-1.4".to_vec(),
        )
    });
    let f = fetcher(settings()).fetch_page(&server.url("/report.pdf"), None);
    assert_eq!(failure(&f).outcome, Outcome::Skipped);
    assert_eq!(failure(&f).to_string(), "skipped: content type application/pdf");
}

#[test]
fn a_mislabelled_charset_still_reads() {
    let server = site(|_| {
        Reply::Full(
            200,
            vec![("Content-Type", "text/html; charset=ISO-8859-1".into())],
            "<html><body><article><p>Le café a reçu 1 200 demandes en 2014.</p></article></body></html>"
                .as_bytes()
                .to_vec(),
        )
    });
    let f = fetcher(settings()).fetch_page(&server.url("/fr"), None);
    assert_eq!(page(&f).charset.as_deref(), Some("ISO-8859-1"));
    let (record, _) = figmine::batch::process_one(Ok(Source::Fetched(Box::new(f))));
    assert!(record.failure.is_none(), "{:?}", record.failure);
    assert!(record.article.text.contains("café a reçu"), "{}", record.article.text);
}

#[test]
fn the_cache_revalidates_with_etags_and_serves_offline() {
    let server = Server::start(
        |r| match (r.path.as_str(), r.headers.get("if-none-match").map(String::as_str)) {
            ("/robots.txt", Some("\"r1\"")) | (_, Some("\"v1\"")) => status(304),
            ("/robots.txt", _) => Reply::Full(
                200,
                vec![("Content-Type", "text/plain".into()), ("ETag", "\"r1\"".into())],
                b"User-agent: *\nDisallow: /private/\n".to_vec(),
            ),
            _ => Reply::Full(
                200,
                vec![("Content-Type", "text/html".into()), ("ETag", "\"v1\"".into())],
                b"<p>cached page</p>".to_vec(),
            ),
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let cached = || FetchSettings {
        cache: Some(dir.path().to_path_buf()),
        ..settings()
    };
    let first = fetcher(cached()).fetch_page(&server.url("/a"), None);
    assert_eq!(first.outcome(), Outcome::Fetched);
    let second = fetcher(cached()).fetch_page(&server.url("/a"), None);
    assert_eq!(second.outcome(), Outcome::Cached);
    assert_eq!(page(&second).body, b"<p>cached page</p>");
    let hits = server.hits("/a");
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[1].headers.get("if-none-match").map(String::as_str), Some("\"v1\""));
    let robots = server.hits("/robots.txt");
    assert_eq!(robots.len(), 2, "once per run");
    assert_eq!(
        robots[1].headers.get("if-none-match").map(String::as_str),
        Some("\"r1\"")
    );
    let blocked = fetcher(cached()).fetch_page(&server.url("/private/x"), None);
    assert_eq!(
        failure(&blocked).outcome,
        Outcome::Skipped,
        "rules read back from the cache"
    );

    let offline = fetcher(FetchSettings {
        offline: true,
        ..cached()
    });
    assert_eq!(offline.fetch_page(&server.url("/a"), None).outcome(), Outcome::Cached);
    let missing = offline.fetch_page(&server.url("/never"), None);
    assert!(
        failure(&missing).reason.contains("not in the cache"),
        "{:?}",
        failure(&missing)
    );
    assert_eq!(server.hits("/a").len(), 2, "offline touched the network");
    assert!(server.hits("/never").is_empty());
}

/// A server of one long page at every path, with an ETag, answering 304 when it is sent back.
fn revalidating_site() -> Server {
    site(|r| {
        if r.headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
            return status(304);
        }
        Reply::Full(
            200,
            vec![("Content-Type", "text/html".into()), ("ETag", "\"v1\"".into())],
            long_page().into_bytes(),
        )
    })
}

fn long_page() -> String {
    ARTICLE.repeat(200)
}

/// The cache's files with this ending (`.body.gz`, `.body`, `.json`).
fn cache_files(dir: &Path, ending: &str) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for shard in std::fs::read_dir(dir).unwrap() {
        let shard = shard.unwrap().path();
        if shard.is_dir() {
            for file in std::fs::read_dir(&shard).unwrap() {
                let file = file.unwrap().path();
                if file.to_string_lossy().ends_with(ending) {
                    found.push(file);
                }
            }
        }
    }
    found
}

/// The test settings with a cache in `dir`, served from alone when `offline`.
fn cached_settings(dir: &Path, offline: bool) -> FetchSettings {
    FetchSettings {
        cache: Some(dir.to_path_buf()),
        offline,
        ..settings()
    }
}

#[test]
fn cached_bodies_are_compressed_and_a_damaged_one_is_fetched_again_or_named_offline() {
    let server = revalidating_site();
    let dir = tempfile::tempdir().unwrap();
    let cached = |offline| cached_settings(dir.path(), offline);
    let url = server.url("/a");
    assert_eq!(
        fetcher(cached(false)).fetch_page(&url, None).outcome(),
        Outcome::Fetched
    );
    let stored = cache_files(dir.path(), ".body.gz");
    assert_eq!(stored.len(), 1, "{stored:?}");
    let packed = std::fs::read(&stored[0]).unwrap();
    assert!(packed.len() * 10 < long_page().len(), "{} bytes stored", packed.len());
    assert!(cache_files(dir.path(), ".body").is_empty(), "no raw body");

    // A file cut short, as a disk that filled or a run killed mid-write leaves it.
    std::fs::write(&stored[0], &packed[..packed.len() / 2]).unwrap();
    let offline = fetcher(cached(true)).fetch_page(&url, None);
    let reason = &failure(&offline).reason;
    assert!(
        reason.contains("the stored copy is damaged") && reason.contains("run without --offline"),
        "{reason}"
    );
    let again = fetcher(cached(false)).fetch_page(&url, None);
    assert_eq!(again.outcome(), Outcome::Fetched, "a damaged copy is no copy");
    assert_eq!(page(&again).body, long_page().as_bytes());
    // The stored body is read only on a 304 (a 200 has no use for it): then, found damaged, the
    // page is asked for whole.
    let hits = server.hits("/a");
    assert_eq!(hits.len(), 3);
    assert!(hits[1].headers.contains_key("if-none-match"), "revalidated first");
    assert_eq!(hits[2].headers.get("if-none-match"), None, "asked for the whole page");
    let mended = fetcher(cached(true)).fetch_page(&url, None);
    assert_eq!(page(&mended).body, long_page().as_bytes());
}

#[test]
fn a_cache_of_raw_bodies_from_earlier_versions_serves_offline_and_revalidates() {
    let server = revalidating_site();
    let dir = tempfile::tempdir().unwrap();
    let cached = |offline| cached_settings(dir.path(), offline);
    let url = server.url("/a");
    fetcher(cached(false)).fetch_page(&url, None);
    // Rewritten as versions before compression wrote them: `<hash>.body`, raw.
    let stored = cache_files(dir.path(), ".body.gz");
    assert_eq!(stored.len(), 1, "{stored:?}");
    for gz in stored {
        let mut raw = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(std::fs::File::open(&gz).unwrap()),
            &mut raw,
        )
        .unwrap();
        std::fs::write(gz.with_extension(""), raw).unwrap();
        std::fs::remove_file(gz).unwrap();
    }
    let offline = fetcher(cached(true)).fetch_page(&url, None);
    assert_eq!(offline.outcome(), Outcome::Cached);
    assert_eq!(page(&offline).body, long_page().as_bytes());
    let revalidated = fetcher(cached(false)).fetch_page(&url, None);
    assert_eq!(revalidated.outcome(), Outcome::Cached);
    assert_eq!(page(&revalidated).body, long_page().as_bytes());
    assert_eq!(
        server.hits("/a")[1].headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
}

/// A cache folder whose 256 shard folders cannot be made: each name is taken by a file.
fn unwritable_cache(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for shard in 0..=255u8 {
        std::fs::write(dir.join(format!("{shard:02x}")), b"not a folder").unwrap();
    }
}

#[test]
fn responses_the_cache_cannot_store_are_counted_and_told_and_the_pages_still_read() {
    let server = revalidating_site();
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    unwritable_cache(&cache);
    let lib = fetcher(FetchSettings {
        cache: Some(cache.clone()),
        ..settings()
    });
    assert_eq!(lib.fetch_page(&server.url("/lib"), None).outcome(), Outcome::Fetched);
    let stats = lib.stats();
    assert_eq!(stats.unstored, 1);
    assert!(stats.unstored_reason.unwrap().starts_with("cannot write "));

    let command = |name: &str, extra: &[&str]| {
        let output = figmine()
            .arg(name)
            .args(extra)
            .args([server.url("/a"), server.url("/b")])
            .args([
                "--allow-private",
                "--delay",
                "0",
                "--cache",
                cache.to_str().unwrap(),
                "--out",
            ])
            .arg(tmp.path().join(name))
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (code, stderr) = command("run", &["--no-dedup"]); // /a and /b serve one page
    assert_eq!(code, Some(0), "the outputs are complete: {stderr}");
    assert_eq!(
        stderr.matches("figmine: warning: cache: cannot write").count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains("\ncache: 2 responses not stored (cannot write ")
            && stderr.contains("): a later --offline run will miss them"),
        "{stderr}"
    );
    let articles = read_jsonl(&tmp.path().join("run/articles.jsonl"));
    assert_eq!(articles.len(), 2);
    assert!(articles.iter().all(|a| a["error"].is_null()), "{articles:?}");
    assert!(!read_jsonl(&tmp.path().join("run/figures.jsonl")).is_empty());

    let (code, stderr) = command("fetch", &[]);
    assert_eq!(code, Some(1), "filling the cache is what fetch is for: {stderr}");
    assert!(stderr.contains("\ncache: 2 responses not stored"), "{stderr}");
}

/// A page of 5,000 letters that differ from path to path (they compress to some 60%).
fn letters(path: &str) -> Vec<u8> {
    let mut state = path.bytes().fold(0x9e37_79b9_7f4a_7c15u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    });
    (0..5000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            b'a' + (state % 26) as u8
        })
        .collect()
}

fn bytes_under(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.metadata().unwrap().len())
        .sum()
}

#[test]
fn cache_max_keeps_the_cache_under_its_bound_and_offline_misses_what_it_removed() {
    let server = site(|r| Reply::Full(200, vec![("Content-Type", "text/html".into())], letters(&r.path)));
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let urls: Vec<String> = (0..40).map(|i| server.url(&format!("/p{i}"))).collect();
    let fetch = |extra: &[&str]| {
        let output = figmine()
            .arg("fetch")
            .args(&urls)
            .args([
                "--allow-private",
                "--delay",
                "0",
                "--jobs",
                "1",
                "--cache",
                cache.to_str().unwrap(),
            ])
            .args(extra)
            .arg("--out")
            .arg(tmp.path())
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (code, stderr) = fetch(&["--cache-max", "50K"]);
    assert_eq!(code, Some(0), "{stderr}");
    let removed: usize = stderr
        .split("\ncache: ")
        .nth(1)
        .and_then(|line| {
            line.split(" entries used longest ago removed to stay under --cache-max")
                .next()
        })
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no removal told: {stderr}"));
    assert!(removed > 0, "{stderr}");
    assert!(bytes_under(&cache) <= 50 * 1024, "{} bytes", bytes_under(&cache));

    let (_, stderr) = fetch(&["--offline"]);
    let lines = read_jsonl(&tmp.path().join("fetched.jsonl"));
    let outcomes: Vec<&str> = lines.iter().map(|l| l["outcome"].as_str().unwrap()).collect();
    assert_eq!(outcomes[0], "failed", "the first page was used longest ago: {stderr}");
    assert!(lines[0]["error"]
        .as_str()
        .unwrap()
        .contains("not in the cache (--offline)"));
    assert_eq!(outcomes[39], "cached", "{stderr}");
    assert_eq!(
        outcomes.iter().filter(|o| **o == "failed").count(),
        removed,
        "{outcomes:?}"
    );

    // Without the bound, nothing is removed.
    let (_, stderr) = fetch(&[]);
    assert!(!stderr.contains("removed"), "{stderr}");
    let (code, stderr) = fetch(&["--offline"]);
    assert_eq!(code, Some(0), "every page stored: {stderr}");
}

#[test]
fn rss_and_atom_feeds_list_their_items() {
    let server = site(|r| match r.path.as_str() {
        "/rss.xml" => Reply::Full(
            200,
            vec![("Content-Type", "application/rss+xml".into())],
            b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
              <item><title>A</title><link>/news/a</link><pubDate>Fri, 27 Mar 2015 10:00:00 GMT</pubDate></item>\
              <item><title>B</title><link>/news/b</link><pubDate>Mon, 01 Dec 2014 10:00:00 GMT</pubDate></item>\
              </channel></rss>"
                .to_vec(),
        ),
        "/atom.xml" => Reply::Full(
            200,
            vec![("Content-Type", "application/atom+xml".into())],
            b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><id>urn:f</id>\
              <updated>2015-03-27T00:00:00Z</updated><entry><title>C</title><id>urn:c</id>\
              <updated>2015-03-27T00:00:00Z</updated><link href=\"/news/c\"/></entry></feed>"
                .to_vec(),
        ),
        _ => ok_html("<p>not a feed</p>"),
    });
    let fetcher = fetcher(settings());
    let items = expand_feed(&fetcher, &server.url("/rss.xml"), None).unwrap();
    assert_eq!(items[0].url, server.url("/news/a"));
    assert_eq!(items[0].published.as_deref(), Some("2015-03-27"));
    let since = chrono::NaiveDate::from_ymd_opt(2015, 1, 1);
    assert_eq!(expand_feed(&fetcher, &server.url("/rss.xml"), since).unwrap().len(), 1);
    let atom = expand_feed(&fetcher, &server.url("/atom.xml"), None).unwrap();
    assert_eq!(atom[0].url, server.url("/news/c"));
    let bad = expand_feed(&fetcher, &server.url("/page"), None).unwrap_err();
    assert!(
        failure(&bad).reason.contains("not an RSS or Atom feed"),
        "{:?}",
        failure(&bad)
    );
}

#[test]
fn sitemap_indexes_gzip_and_news_sitemaps_with_since() {
    let server = site(|r| {
        let port = r.host.rsplit(':').next().unwrap().to_owned();
        let base = format!("http://127.0.0.1:{port}");
        let xml = |s: String| Reply::Full(200, vec![("Content-Type", "application/xml".into())], s.into_bytes());
        match r.path.as_str() {
            "/sitemap.xml" => xml(format!(
                "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\
                 <sitemap><loc>{base}/news.xml.gz</loc><lastmod>2015-04-01</lastmod></sitemap>\
                 <sitemap><loc>{base}/old.xml</loc><lastmod>2013-01-01</lastmod></sitemap>\
                 <sitemap><loc>{base}/missing.xml</loc></sitemap></sitemapindex>"
            )),
            "/news.xml.gz" => Reply::Full(
                200,
                vec![("Content-Type", "application/gzip".into())],
                gzip(
                    format!(
                        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
                         xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\
                         <url><loc>{base}/n1</loc><news:news><news:publication_date>2015-03-27T10:00:00Z\
                         </news:publication_date></news:news></url>\
                         <url><loc>{base}/n2</loc><news:news><news:publication_date>2014-02-01\
                         </news:publication_date></news:news></url></urlset>"
                    )
                    .as_bytes(),
                ),
            ),
            "/old.xml" => xml(format!("<urlset><url><loc>{base}/o1</loc></url></urlset>")),
            _ => status(404),
        }
    });
    let fetcher = fetcher(settings());
    let all = expand_sitemap(&fetcher, &server.url("/sitemap.xml"), None);
    let urls: Vec<&str> = all.items.iter().map(|i| i.url.as_str()).collect();
    assert_eq!(urls, [server.url("/n1"), server.url("/n2"), server.url("/o1")]);
    assert_eq!(all.items[0].published.as_deref(), Some("2015-03-27"));
    assert_eq!(all.failures.len(), 1, "the missing child sitemap is one failed record");
    assert_eq!(all.failures[0].id, server.url("/missing.xml"));
    assert_eq!(failure(&all.failures[0]).status, Some(404));

    let recent = expand_sitemap(
        &fetcher,
        &server.url("/sitemap.xml"),
        chrono::NaiveDate::from_ymd_opt(2015, 1, 1),
    );
    let urls: Vec<&str> = recent.items.iter().map(|i| i.url.as_str()).collect();
    assert_eq!(
        urls,
        [server.url("/n1")],
        "old pages and the old child sitemap are left out"
    );
    assert!(
        server.hits("/old.xml").len() == 1,
        "the old child sitemap is not fetched with --since"
    );
}

#[test]
fn sitemaps_keep_all_their_urls_and_children_past_the_limit_are_failed_records_once() {
    use figmine::fetch::sitemap::MAX_CHILDREN;
    let server = site(|r| {
        let port = r.host.rsplit(':').next().unwrap().to_owned();
        let base = format!("http://127.0.0.1:{port}");
        let xml = |s: String| Reply::Full(200, vec![("Content-Type", "application/xml".into())], s.into_bytes());
        let urls = |n: usize, name: &str| {
            let locs: String = (0..n)
                .map(|i| format!("<url><loc>{base}/{name}/{i}</loc></url>"))
                .collect();
            xml(format!("<urlset>{locs}</urlset>"))
        };
        match r.path.as_str() {
            "/index.xml" => {
                // each child listed once, then one within the limit, one past it and the
                // index itself listed again
                let children: String = (0..MAX_CHILDREN + 2)
                    .chain([5, MAX_CHILDREN + 1])
                    .map(|i| format!("<sitemap><loc>{base}/c{i}.xml</loc></sitemap>"))
                    .collect();
                xml(format!(
                    "<sitemapindex>{children}<sitemap><loc>{base}/index.xml</loc></sitemap></sitemapindex>"
                ))
            }
            "/c0.xml" => urls(60_000, "big"),
            path => urls(1, path.trim_end_matches(".xml")),
        }
    });
    let expansion = expand_sitemap(&fetcher(settings()), &server.url("/index.xml"), None);
    assert_eq!(expansion.items.len(), 60_000 + MAX_CHILDREN - 1, "a URL was dropped");
    assert_eq!(expansion.items[59_999].url, server.url("/big/59999"));
    let failed: Vec<(&str, &str)> = expansion
        .failures
        .iter()
        .map(|f| (f.id.as_str(), failure(f).reason.as_str()))
        .collect();
    let past = "sitemap: not fetched: past the first 1000 child sitemaps of one --sitemap";
    assert_eq!(
        failed,
        [
            (server.url("/c1000.xml").as_str(), past),
            (server.url("/c1001.xml").as_str(), past)
        ]
    );
    assert!(server.hits("/c1000.xml").is_empty());
    assert_eq!(server.hits("/c5.xml").len(), 1, "a child listed twice is read once");
    assert_eq!(
        server.hits("/index.xml").len(),
        1,
        "an index listing itself is read once"
    );
}

const ARTICLE: &str = "<html><head><title>Requests rise</title></head><body><article>\
    <p>Google received 31,002 requests in the second half of 2014.</p></article></body></html>";

#[test]
fn run_fetches_urls_lists_and_feeds_then_revalidates_and_works_offline() {
    let server = site(|r| {
        if r.headers.get("if-none-match").map(String::as_str) == Some("\"e\"") {
            return status(304);
        }
        match r.path.as_str() {
            "/gone" => status(404),
            "/img" => Reply::Full(200, vec![("Content-Type", "image/png".into())], b"\x89PNG".to_vec()),
            "/feed" => Reply::Full(
                200,
                vec![("Content-Type", "application/rss+xml".into())],
                b"<rss version=\"2.0\"><channel><title>T</title><item><link>/b</link></item></channel></rss>".to_vec(),
            ),
            _ => Reply::Full(
                200,
                vec![("Content-Type", "text/html".into()), ("ETag", "\"e\"".into())],
                ARTICLE.as_bytes().to_vec(),
            ),
        }
    });
    let tmp = tempfile::tempdir().unwrap();
    let list = tmp.path().join("urls.txt");
    std::fs::write(
        &list,
        format!(
            "# press releases\n{}\n\n{}  # an image\n",
            server.url("/gone"),
            server.url("/img")
        ),
    )
    .unwrap();
    let out = tmp.path().join("out");
    let run = |extra: &[&str]| {
        let output = figmine()
            .arg("run")
            .arg(server.url("/a"))
            .args(["--urls", list.to_str().unwrap(), "--feed", &server.url("/feed")])
            .args([
                "--allow-private",
                "--no-dedup", // /a and the feed's /b serve the same page
                "--delay",
                "0",
                "--retries",
                "0",
                "--out",
                out.to_str().unwrap(),
            ])
            .args(extra)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (code, stderr) = run(&[]);
    assert_eq!(code, Some(1), "one URL failed (404): {stderr}");
    assert!(
        stderr.contains("web: 2 fetched, 0 cached, 1 skipped, 1 failed"),
        "{stderr}"
    );
    let articles = read_jsonl(&out.join("articles.jsonl"));
    let by_id: HashMap<String, &serde_json::Value> = articles
        .iter()
        .map(|a| (a["id"].as_str().unwrap().to_owned(), a))
        .collect();
    assert_eq!(by_id.len(), 4, "every URL is one record: {articles:?}");
    assert!(by_id[&server.url("/a")]["error"].is_null());
    assert_eq!(by_id[&server.url("/gone")]["error"], "fetch: HTTP 404 Not Found");
    assert_eq!(
        by_id[&server.url("/img")]["error"],
        "fetch: skipped: content type image/png"
    );
    let figures = read_jsonl(&out.join("figures.jsonl"));
    assert_eq!(figures.len(), 2, "{figures:?}");

    let (_, stderr) = run(&[]);
    assert!(
        stderr.contains("web: 0 fetched, 2 cached"),
        "second run fetches nothing unchanged: {stderr}"
    );
    let (_, stderr) = run(&["--offline"]);
    assert!(stderr.contains("web: 0 fetched, 2 cached, 0 skipped"), "{stderr}");
}

/// A WARC record with one gzip member, as CC-NEWS writes them.
fn warc_record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{}>\r\n\
         Content-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

fn response(body: &str, content_type: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn write_warcs(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let records = [
        warc_record("warcinfo", "", b"software: figmine tests\r\n"),
        warc_record(
            "request",
            "https://news.test/a",
            b"GET /a HTTP/1.1\r\nHost: news.test\r\n\r\n",
        ),
        warc_record("response", "https://news.test/a", &response(ARTICLE, "text/html")),
        warc_record("response", "https://news.test/logo.png", &response("PNG", "image/png")),
        warc_record(
            "response",
            "https://news.test/b",
            &response(
                &ARTICLE.replace("31,002", "27,477").replace("Google", "Apple"),
                "text/html; charset=utf-8",
            ),
        ),
    ];
    let plain = dir.join("news.warc");
    std::fs::write(&plain, records.concat()).unwrap();
    let mut gz: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let last = gzip(&warc_record(
        "response",
        "https://news.test/c",
        &response(ARTICLE, "text/html"),
    ));
    gz.extend_from_slice(&last[..last.len() / 2]);
    let zipped = dir.join("news.warc.gz");
    std::fs::write(&zipped, gz).unwrap();
    (plain, zipped)
}

#[test]
fn warc_files_stream_into_run_and_into_map_input_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let (plain, zipped) = write_warcs(tmp.path());
    let out = tmp.path().join("out");
    let output = figmine()
        .arg("run")
        .arg(&zipped)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "the truncated record failed: {stderr}");
    let articles = read_jsonl(&out.join("articles.jsonl"));
    let summary: Vec<(String, Option<String>)> = articles
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_owned(),
                a["error"].as_str().map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(summary.len(), 4, "{summary:?}");
    assert_eq!(summary[0], ("https://news.test/a".into(), None));
    assert_eq!(summary[1].1.as_deref(), Some("fetch: skipped: content type image/png"));
    assert_eq!(summary[2], ("https://news.test/b".into(), None));
    assert!(summary[3].1.as_deref().unwrap().contains("truncated"), "{summary:?}");
    assert!(articles[0]["source"].as_str().unwrap().ends_with("news.warc.gz#3"));

    // The same pages through warc2jsonl and the map step give the same figures.
    let lines = figmine().arg("warc2jsonl").arg(&plain).output().unwrap();
    assert!(lines.status.success());
    let jsonl = String::from_utf8(lines.stdout).unwrap();
    let parsed: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(parsed.len(), 2);
    assert_eq!(parsed[1]["id"], "https://news.test/b");
    assert!(parsed[1]["html"].as_str().unwrap().contains("27,477"));
    let mut map = figmine()
        .args(["extract", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    map.stdin.take().unwrap().write_all(jsonl.as_bytes()).unwrap();
    let records = map.wait_with_output().unwrap();
    let values: Vec<f64> = String::from_utf8(records.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["type"] == "figure")
        .map(|r| r["value"].as_f64().unwrap())
        .collect();
    let run_values: Vec<f64> = read_jsonl(&out.join("figures.jsonl"))
        .iter()
        .map(|f| f["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [31002.0, 27477.0]);
    assert_eq!(values, run_values);
}

#[test]
fn figmine_fetch_reports_every_url() {
    let server = site(|r| match r.path.as_str() {
        "/a" => ok_html(ARTICLE),
        "/moved" => redirect(301, "/a"),
        _ => status(410),
    });
    let tmp = tempfile::tempdir().unwrap();
    let output = figmine()
        .arg("fetch")
        .args([server.url("/moved"), server.url("/x"), "ftp://x.test/f".into()])
        .args(["--allow-private", "--delay", "0", "--out"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let lines = read_jsonl(&tmp.path().join("fetched.jsonl"));
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["outcome"], "fetched");
    assert_eq!(lines[0]["url"], server.url("/a"));
    assert_eq!(lines[0]["redirects"][0], server.url("/a"));
    assert_eq!(
        (lines[1]["outcome"].as_str(), lines[1]["status"].as_u64()),
        (Some("failed"), Some(410))
    );
    assert_eq!(lines[2]["outcome"], "skipped");
    assert!(lines[2]["error"].as_str().unwrap().contains("only http and https"));
}

/// Throughput against one local server posing as 100 hosts; run by `benches/fetch.sh`.
#[test]
#[ignore = "a measurement, not a check: run by benches/fetch.sh"]
fn measure_fetch_throughput_over_100_hosts() {
    let pages_per_host: usize = std::env::var("PAGES_PER_HOST")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let jobs: usize = std::env::var("JOBS").ok().and_then(|v| v.parse().ok()).unwrap_or(32);
    let body = ARTICLE.repeat(20);
    let server = site(move |_| ok_html(&body));
    let hosts: Vec<String> = (0..100).map(|i| format!("host{i}.test")).collect();
    let fetcher = Arc::new(fetcher(FetchSettings {
        resolve: hosts.iter().map(|h| (h.clone(), server.addr)).collect(),
        ..settings()
    }));
    let port = server.addr.port();
    // `interleaved`: host0/p0, host1/p0, ...; `by-host`: all of host0's pages, then host1's...
    let by_host = std::env::var("ORDER").is_ok_and(|o| o == "by-host");
    let url = |h: &str, p: usize| WebItem::new(format!("http://{h}:{port}/p{p}"));
    let items: Vec<WebItem> = if by_host {
        hosts
            .iter()
            .flat_map(|h| (0..pages_per_host).map(move |p| url(h, p)))
            .collect()
    } else {
        (0..pages_per_host)
            .flat_map(|p| hosts.iter().map(move |h| url(h, p)))
            .collect()
    };
    let n = items.len();
    let start = Instant::now();
    let ok = fetch_all(fetcher, items, jobs)
        .filter(|s| matches!(s, Source::Fetched(f) if f.outcome() == Outcome::Fetched))
        .count();
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(ok, n);
    let order = if by_host { "by host" } else { "interleaved" };
    println!(
        "{n} pages ({order}) from 100 hosts at --jobs {jobs}: {secs:.2} s, {:.0} pages/s",
        n as f64 / secs
    );
}

#[test]
fn a_resumed_run_does_not_ask_again_for_the_pages_the_earlier_one_finished() {
    let server = site(|r| {
        let n = r.path.trim_start_matches("/p/");
        ok_html(&format!(
            "<html><body><article><h1>Report {n}</h1><p>Yahoo received {} requests in 2014.</p></article></body></html>",
            1000 + n.parse::<usize>().unwrap_or(0)
        ))
    });
    let tmp = tempfile::tempdir().unwrap();
    let list = tmp.path().join("urls.txt");
    let urls: Vec<String> = (0..200).map(|n| server.url(&format!("/p/{n}"))).collect();
    std::fs::write(&list, urls.join("\n")).unwrap();
    let out = tmp.path().join("out");
    let run = |extra: &[&str]| {
        figmine()
            .args(["run", "--allow-private", "--no-cache", "--delay", "0", "--urls"])
            .arg(&list)
            .arg("--out")
            .arg(&out)
            .args(extra)
            .output()
            .unwrap()
    };
    assert_eq!(run(&["--quiet"]).status.code(), Some(0));
    let done = crate::batch::keep_first_checkpoint(&out);
    assert!(!done.is_empty() && done.len() < 200, "{}", done.len());
    let asked_before = server.log.lock().unwrap().len();

    let resumed = run(&["--resume"]);
    let stderr = String::from_utf8_lossy(&resumed.stderr);
    assert_eq!(resumed.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(&format!("{} inputs done by the earlier run skipped", done.len())),
        "{stderr}"
    );
    let asked: Vec<String> = server.log.lock().unwrap()[asked_before..]
        .iter()
        .map(|r| server.url(&r.path))
        .collect();
    assert!(!asked.iter().any(|u| done.contains(u)), "a finished page fetched again");
    assert_eq!(asked.iter().filter(|u| u.contains("/p/")).count(), 200 - done.len());
    let ids: HashSet<String> = read_jsonl(&out.join("articles.jsonl"))
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 200);
}
