//! `figmine fetch [URL...] [--urls FILE] [--feed URL] [--sitemap URL]`: downloads only. Fills
//! the cache (so a later `figmine run` with the same inputs revalidates or runs `--offline`) and
//! writes one line per URL to `OUT/fetched.jsonl`:
//! `{"id", "url" (final URL or null), "outcome" ("fetched"|"cached"|"skipped"|"failed"),
//! "status" (HTTP status of a failure, or null), "redirects" [...], "bytes", "error"}`.
//!
//! Also home of [`WebArgs`], the web-input flags shared with `figmine run`.

use super::{EXIT_OK, EXIT_SOME_FAILED};
use anyhow::Context;
use chrono::NaiveDate;
use figmine::batch::Done;
use figmine::fetch::feed::expand_feed;
use figmine::fetch::sitemap::expand_sitemap;
use figmine::fetch::{fetch_all, FetchSettings, Fetched, Fetcher, Source, Stats, WebItem};
use serde_json::json;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

/// Network threads when `--jobs` is not given: fetching waits on servers, not on the CPU.
const DEFAULT_FETCH_JOBS: usize = 8;

/// Where pages come from on the web, and how to fetch them (shared by `run` and `fetch`).
#[derive(clap::Args, Debug)]
pub struct WebArgs {
    /// A file of URLs, one a line; `#` starts a comment at the start of a line or after a space.
    /// May be repeated.
    #[arg(long, value_name = "FILE")]
    urls: Vec<PathBuf>,
    /// An RSS or Atom feed: every item's link is fetched. May be repeated.
    #[arg(long, value_name = "URL")]
    feed: Vec<String>,
    /// A sitemap or sitemap index (gzipped or not, news sitemaps included). May be repeated.
    #[arg(long, value_name = "URL")]
    sitemap: Vec<String>,
    /// Keep only feed items and sitemap pages dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    since: Option<NaiveDate>,
    /// The HTTP cache folder [default: OUT/cache].
    #[arg(long, value_name = "DIR")]
    cache: Option<PathBuf>,
    /// Do not use the HTTP cache at all.
    #[arg(long, conflicts_with_all = ["cache", "offline", "cache_max"])]
    no_cache: bool,
    /// Keep the cache under SIZE (e.g. 500M, 10G): past it, the entries used longest ago are
    /// removed, and a later --offline run misses them [default: no bound].
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    cache_max: Option<u64>,
    /// Serve every page from the cache; never touch the network.
    #[arg(long)]
    offline: bool,
    /// The User-Agent header; its first word is the name matched in robots.txt.
    #[arg(long, value_name = "UA", default_value = figmine::fetch::DEFAULT_USER_AGENT)]
    user_agent: String,
    /// Do not read or obey robots.txt.
    #[arg(long)]
    ignore_robots: bool,
    /// Allow loopback, private and link-local addresses (refused by default).
    #[arg(long)]
    allow_private: bool,
    /// Seconds between two requests to the same host (robots.txt's Crawl-delay may raise it).
    #[arg(long, value_name = "SECONDS", default_value_t = 1.0)]
    delay: f64,
    /// Seconds a whole request may take, body included.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    timeout: f64,
    /// Seconds one URL may take in all: redirects, retries and their waits, robots.txt (pauses
    /// between requests to a host not counted) [default: 4 × --timeout].
    #[arg(long, value_name = "SECONDS")]
    give_up_after: Option<f64>,
    /// Retries on connection errors, timeouts, 408, 429 and 5xx.
    #[arg(long, value_name = "N", default_value_t = 3)]
    retries: u32,
    /// Largest page kept, in bytes after decompression; larger pages are skipped.
    #[arg(long, value_name = "BYTES", default_value_t = 8 * 1024 * 1024)]
    max_body: u64,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{s:?} is not a YYYY-MM-DD date: {e}"))
}

/// A size in bytes: a number, optionally with a decimal part, then `K`, `M`, `G` or `T` (powers
/// of 1024, optionally followed by `B` or `iB`); a bare number is bytes.
fn parse_size(s: &str) -> Result<u64, String> {
    let text = s.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let power = match unit.trim_start().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 1,
        "M" | "MB" | "MIB" => 2,
        "G" | "GB" | "GIB" => 3,
        "T" | "TB" | "TIB" => 4,
        _ => {
            return Err(format!(
                "{s:?} is not a size: give a number and K, M, G or T (500M, 10G)"
            ))
        }
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("{s:?} is not a size: give a number and K, M, G or T (500M, 10G)"))?;
    let bytes = value * 1024f64.powi(power);
    if !(1.0..=u64::MAX as f64).contains(&bytes) {
        return Err(format!("{s:?} is not a size of at least one byte"));
    }
    Ok(bytes as u64)
}

fn seconds(value: f64, flag: &str) -> anyhow::Result<Duration> {
    Duration::try_from_secs_f64(value).with_context(|| format!("{flag} must be a non-negative number of seconds"))
}

impl WebArgs {
    /// Whether any web input flag was given.
    pub fn has_inputs(&self) -> bool {
        !(self.urls.is_empty() && self.feed.is_empty() && self.sitemap.is_empty())
    }

    /// The fetcher's settings; the cache defaults to `OUT/cache`.
    pub fn settings(&self, out: &Path) -> anyhow::Result<FetchSettings> {
        let timeout = seconds(self.timeout, "--timeout")?;
        let give_up_after = match self.give_up_after {
            Some(limit) => {
                anyhow::ensure!(limit > 0.0, "--give-up-after must be more than 0 seconds");
                seconds(limit, "--give-up-after")?
            }
            None => timeout.saturating_mul(4),
        };
        Ok(FetchSettings {
            user_agent: self.user_agent.clone(),
            timeout,
            give_up_after,
            max_body: self.max_body,
            retries: self.retries,
            delay: seconds(self.delay, "--delay")?,
            obey_robots: !self.ignore_robots,
            allow_private: self.allow_private,
            cache: (!self.no_cache).then(|| self.cache.clone().unwrap_or_else(|| out.join("cache"))),
            cache_max: self.cache_max,
            offline: self.offline,
            ..FetchSettings::default()
        })
    }

    /// Every page to fetch (command-line URLs, `--urls` files, feed items, sitemap pages, without
    /// duplicates, in that order) and a failed record for each feed or sitemap that failed.
    fn collect(&self, urls: Vec<String>, fetcher: &Fetcher) -> anyhow::Result<(Vec<WebItem>, Vec<Fetched>)> {
        let mut items: Vec<WebItem> = urls.into_iter().map(WebItem::new).collect();
        for file in &self.urls {
            items.extend(read_url_list(file)?);
        }
        let mut failures = Vec::new();
        for feed in &self.feed {
            match expand_feed(fetcher, feed, self.since) {
                Ok(found) => items.extend(found),
                Err(failed) => failures.push(*failed),
            }
        }
        for sitemap in &self.sitemap {
            let expansion = expand_sitemap(fetcher, sitemap, self.since);
            items.extend(expansion.items);
            failures.extend(expansion.failures);
        }
        let mut seen = HashSet::new();
        items.retain(|item| seen.insert(item.url.clone()));
        Ok((items, failures))
    }
}

/// The URLs of a `--urls` file: one a line, blank lines and `#` comments ignored.
fn read_url_list(path: &Path) -> anyhow::Result<Vec<WebItem>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read URL list {}", path.display()))?;
    Ok(urls_of_list(&text).map(WebItem::new).collect())
}

/// The URLs of the lines of a URL list. A `#` starts a comment at the start of a line or after a
/// space or tab; within a URL it begins the fragment, which is part of the URL as given.
fn urls_of_list(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|line| {
            let comment = line
                .char_indices()
                .find(|&(i, c)| c == '#' && line[..i].chars().next_back().is_none_or(|b| b == ' ' || b == '\t'));
            comment.map_or(line, |(i, _)| &line[..i]).trim()
        })
        .filter(|line| !line.is_empty())
}

/// Whether a command-line input names a URL rather than a path.
pub fn is_url(input: &str) -> bool {
    input.contains("://")
}

/// Builds the fetcher and lists the web sources: failed feeds and sitemaps first, then the
/// pages, fetched on `jobs` threads and yielded in order. Pages `done` says an earlier run
/// finished are left out (and counted in the returned number), so a resumed run does not ask
/// for them again.
pub fn web_sources(
    args: &WebArgs,
    urls: Vec<String>,
    out: &Path,
    jobs: Option<usize>,
    done: Option<&Done>,
    stop: Option<Arc<AtomicBool>>,
) -> anyhow::Result<(Arc<Fetcher>, impl Iterator<Item = Source>, usize)> {
    let fetcher = Arc::new(Fetcher::new(args.settings(out)?)?);
    let (mut items, failures) = args.collect(urls, &fetcher)?;
    let before = items.len();
    if let Some(done) = done {
        let mut failed = Ok(());
        items.retain(|item| match done.contains(&item.url) {
            Ok(finished) => !finished,
            Err(e) => {
                failed = Err(e);
                true
            }
        });
        failed.context("cannot read what the earlier run finished")?;
    }
    let finished = before - items.len();
    for failed in &failures {
        fetcher.count(failed.outcome());
    }
    let mut pages = fetch_all(fetcher.clone(), items, jobs.unwrap_or(DEFAULT_FETCH_JOBS));
    if let Some(stop) = stop {
        pages = pages.stop_when(stop);
    }
    let sources = failures.into_iter().map(|f| Source::Fetched(Box::new(f))).chain(pages);
    Ok((fetcher, sources, finished))
}

/// The summary line for web inputs, and one for responses the cache could not store.
pub fn describe_stats(stats: &Stats) -> String {
    let mut text = format!(
        "web: {} fetched, {} cached, {} skipped, {} failed ({} requests)",
        stats.fetched, stats.cached, stats.skipped, stats.failed, stats.requests
    );
    if stats.unstored > 0 {
        let reason = stats.unstored_reason.as_deref().unwrap_or("unknown reason");
        text.push_str(&format!(
            "\ncache: {} responses not stored ({reason}): a later --offline run will miss them",
            stats.unstored
        ));
    }
    if stats.cache_removed > 0 {
        text.push_str(&format!(
            "\ncache: {} entries used longest ago removed to stay under --cache-max",
            stats.cache_removed
        ));
    }
    text
}

/// Arguments of `figmine fetch`.
#[derive(clap::Args)]
pub struct Args {
    /// URLs of pages to fetch.
    #[arg(value_name = "URL")]
    pages: Vec<String>,
    #[command(flatten)]
    web: WebArgs,
    /// Folder for fetched.jsonl (and the cache, unless --cache says otherwise).
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// Pages fetched at once, across hosts (one at a time per host) [default: 8].
    #[arg(long)]
    jobs: Option<usize>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

/// Downloads every page and writes `fetched.jsonl`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        !args.pages.is_empty() || args.web.has_inputs(),
        "nothing to fetch: give URLs, --urls, --feed or --sitemap"
    );
    std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    let path = args.out.join("fetched.jsonl");
    let file = std::fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    let (fetcher, sources, _) = web_sources(&args.web, args.pages, &args.out, args.jobs, None, None)?;
    for source in sources {
        if let Source::Fetched(fetched) = source {
            serde_json::to_writer(&mut out, &report_line(&fetched))?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    let stats = fetcher.stats();
    if !args.quiet {
        eprintln!("{}\nwritten to {}", describe_stats(&stats), path.display());
    }
    // Filling the cache is what `fetch` is for (`fetch && run --offline`): a response it could
    // not store fails it, unlike `run`, whose outputs are complete all the same.
    Ok(ExitCode::from(if stats.failed > 0 || stats.unstored > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }))
}

fn report_line(fetched: &Fetched) -> serde_json::Value {
    let (url, bytes, status, error) = match &fetched.result {
        Ok(doc) => (doc.url.clone(), doc.body.len(), None, None),
        Err(failure) => (None, 0, failure.status, Some(failure.to_string())),
    };
    json!({
        "id": fetched.id,
        "url": url,
        "outcome": fetched.outcome().name(),
        "status": status,
        "redirects": fetched.redirects,
        "bytes": bytes,
        "error": error,
    })
}

#[cfg(test)]
mod tests {
    use super::{parse_size, urls_of_list};

    #[test]
    fn sizes_are_read_in_powers_of_1024() {
        assert_eq!(parse_size("2048"), Ok(2048));
        assert_eq!(parse_size("64K"), Ok(64 * 1024));
        assert_eq!(parse_size("500M"), Ok(500 * 1024 * 1024));
        assert_eq!(parse_size("500mb"), Ok(500 * 1024 * 1024));
        assert_eq!(parse_size("10G"), Ok(10 << 30));
        assert_eq!(parse_size("1.5 GiB"), Ok(3 << 29));
        assert_eq!(parse_size("2T"), Ok(2 << 40));
        for bad in ["", "G", "10X", "-5M", "1.2.3G", "0", "0.1"] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_hash_starts_a_comment_only_at_the_start_of_a_line_or_after_a_space() {
        let list = "# reports\nhttps://a.example/r.html#section-2\n\n  https://b.example/x # mirror\nhttps://c.example/\t#tab\n   # indented\n";
        assert_eq!(
            urls_of_list(list).collect::<Vec<_>>(),
            [
                "https://a.example/r.html#section-2",
                "https://b.example/x",
                "https://c.example/"
            ]
        );
    }
}
