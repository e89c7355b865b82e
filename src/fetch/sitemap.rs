//! Sitemaps (sitemaps.org, parsed with `quick-xml`): URL sets, sitemap indexes followed to their
//! children, gzipped sitemaps, and Google News sitemaps whose `news:publication_date` (or
//! `lastmod`) is filtered by `--since`.

use super::feed::prefixed;
use super::{Fetched, Fetcher, WebFailure, WebItem};
use chrono::NaiveDate;
use flate2::read::MultiGzDecoder;
use quick_xml::events::Event;
use std::collections::HashSet;
use std::io::Read;

/// How deep sitemap indexes are followed.
const MAX_DEPTH: usize = 3;
/// The most child sitemaps fetched for one `--sitemap`; each one past them is a failed record.
/// (A sitemap's own URLs are all kept: the protocol's 50,000 binds writers, and the body cap
/// bounds them.)
pub const MAX_CHILDREN: usize = 1_000;
/// The largest decompressed sitemap (the protocol allows 50 MB).
const MAX_SITEMAP_BYTES: u64 = 64 * 1024 * 1024;

/// One `<url>` or `<sitemap>` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitemapEntry {
    /// `<loc>`.
    pub loc: String,
    /// `news:publication_date`, else `lastmod`.
    pub date: Option<NaiveDate>,
}

/// A parsed sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sitemap {
    /// A `<sitemapindex>`: the child sitemaps.
    Index(Vec<SitemapEntry>),
    /// A `<urlset>`: the pages.
    Urls(Vec<SitemapEntry>),
}

/// Parses a sitemap body, gunzipping it first when it is gzip data.
pub fn parse_sitemap(body: &[u8]) -> Result<Sitemap, String> {
    let xml = gunzip_if_needed(body)?;
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut path: Vec<String> = Vec::new();
    let (mut index, mut entries) = (None::<bool>, Vec::new());
    let mut current: Option<(Option<String>, Option<NaiveDate>, Option<NaiveDate>)> = None;
    let mut buf = Vec::new();
    let mut text = String::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("bad sitemap XML at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_owned();
                match name.as_str() {
                    "sitemapindex" if path.is_empty() => index = Some(true),
                    "urlset" if path.is_empty() => index = Some(false),
                    "url" | "sitemap" if path.len() == 1 => current = Some((None, None, None)),
                    _ => {}
                }
                path.push(name);
                text.clear();
            }
            Event::End(_) => {
                record_field(&path, &mut current, text.trim());
                text.clear();
                if path.len() == 2 {
                    if let Some((Some(loc), news, lastmod)) = current.take() {
                        entries.push(SitemapEntry {
                            loc,
                            date: news.or(lastmod),
                        });
                    }
                }
                path.pop();
            }
            Event::Text(t) => text.push_str(&t),
            Event::CData(t) => text.push_str(&t.into_inner()),
            // Entities arrive as their own events: `&amp;` inside a URL is common.
            Event::GeneralRef(r) => match r.resolve_char_ref() {
                Ok(Some(c)) => text.push(c),
                _ => text.push_str(quick_xml::escape::resolve_predefined_entity(&r.into_inner()).unwrap_or("")),
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    match index {
        Some(true) => Ok(Sitemap::Index(entries)),
        Some(false) => Ok(Sitemap::Urls(entries)),
        None => Err("not a sitemap: no <urlset> or <sitemapindex>".into()),
    }
}

type Fields = Option<(Option<String>, Option<NaiveDate>, Option<NaiveDate>)>;

/// Stores a text node in the current entry: `loc`, `lastmod`, or `news:publication_date`.
fn record_field(path: &[String], current: &mut Fields, text: &str) {
    let Some((loc, news, lastmod)) = current.as_mut() else {
        return;
    };
    match (path.len(), path.last().map(String::as_str)) {
        (3, Some("loc")) => *loc = Some(text.to_owned()),
        (3, Some("lastmod")) => *lastmod = parse_w3c_date(text),
        (4, Some("publication_date")) => *news = parse_w3c_date(text),
        _ => {}
    }
}

/// The date of a W3C datetime (`2015-03-27`, `2015-03-27T10:00:00+01:00`).
fn parse_w3c_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

fn gunzip_if_needed(body: &[u8]) -> Result<Vec<u8>, String> {
    if !body.starts_with(&[0x1f, 0x8b]) {
        return Ok(body.to_vec());
    }
    let mut xml = Vec::new();
    MultiGzDecoder::new(body)
        .take(MAX_SITEMAP_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("corrupt gzip sitemap: {e}"))?;
    if xml.len() as u64 > MAX_SITEMAP_BYTES {
        return Err(format!(
            "sitemap larger than {MAX_SITEMAP_BYTES} bytes once decompressed"
        ));
    }
    Ok(xml)
}

/// What a `--sitemap` expanded to: the pages, and one failed record per sitemap that could not
/// be fetched or read, or was left out past [`MAX_CHILDREN`].
#[derive(Debug, Default)]
pub struct Expansion {
    /// Pages to fetch.
    pub items: Vec<WebItem>,
    /// Sitemaps that failed, as records.
    pub failures: Vec<Fetched>,
}

/// Fetches a sitemap and, through indexes, its children; keeps pages dated on or after `since`
/// (undated pages are kept). An index child whose `lastmod` is before `since` is not fetched:
/// nothing in it can be newer. A child listed again (by the same index, another, or itself) is
/// read once and gives at most one record.
pub fn expand_sitemap(fetcher: &Fetcher, url: &str, since: Option<NaiveDate>) -> Expansion {
    let mut out = Expansion::default();
    let mut queue = vec![(url.to_owned(), 0)];
    let mut listed: HashSet<String> = HashSet::from([url.to_owned()]);
    let mut fetched_children = 0;
    while let Some((url, depth)) = queue.pop() {
        let parsed = fetcher
            .fetch_resource(&url)
            .map_err(|f| prefixed("sitemap", f))
            .and_then(|doc| parse_sitemap(&doc.body).map_err(WebFailure::failed));
        match parsed {
            Err(failure) => out.failures.push(Fetched::failure(url, failure)),
            Ok(Sitemap::Urls(entries)) => out
                .items
                .extend(entries.into_iter().filter(|e| is_recent(e, since)).map(|e| WebItem {
                    url: e.loc,
                    published: e.date.map(|d| d.to_string()),
                })),
            Ok(Sitemap::Index(_)) if depth >= MAX_DEPTH => out.failures.push(Fetched::failure(
                url,
                WebFailure::failed(format!("sitemap indexes nested deeper than {MAX_DEPTH}")),
            )),
            Ok(Sitemap::Index(children)) => {
                let children: Vec<SitemapEntry> = children
                    .into_iter()
                    .filter(|e| is_recent(e, since) && listed.insert(e.loc.clone()))
                    .collect();
                let kept = children.len().min(MAX_CHILDREN - fetched_children);
                fetched_children += kept;
                for child in &children[kept..] {
                    out.failures.push(Fetched::failure(&child.loc, too_many_children()));
                }
                // Reversed so that the stack visits children in document order.
                for child in children.into_iter().take(kept).rev() {
                    queue.push((child.loc, depth + 1));
                }
            }
        }
    }
    out
}

fn too_many_children() -> WebFailure {
    WebFailure::failed(format!(
        "sitemap: not fetched: past the first {MAX_CHILDREN} child sitemaps of one --sitemap"
    ))
}

fn is_recent(entry: &SitemapEntry, since: Option<NaiveDate>) -> bool {
    match (since, entry.date) {
        (Some(since), Some(date)) => date >= since,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_sitemaps_give_locations_and_publication_dates() {
        let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                    xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>https://news.test/a?x=1&amp;y=2</loc>
                <news:news><news:publication_date>2015-03-27T09:00:00+00:00</news:publication_date></news:news>
              </url>
              <url><loc>https://news.test/b</loc><lastmod>2014-01-02</lastmod></url>
              <url><loc>https://news.test/c</loc></url>
            </urlset>"#;
        let Sitemap::Urls(entries) = parse_sitemap(xml).unwrap() else {
            panic!()
        };
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].loc, "https://news.test/a?x=1&y=2");
        assert_eq!(entries[0].date, NaiveDate::from_ymd_opt(2015, 3, 27));
        assert_eq!(entries[1].date, NaiveDate::from_ymd_opt(2014, 1, 2));
        assert_eq!(entries[2].date, None);
    }

    #[test]
    fn indexes_and_gzip_are_recognised() {
        let xml = b"<sitemapindex><sitemap><loc>https://news.test/s1.xml.gz</loc></sitemap></sitemapindex>";
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, xml).unwrap();
        let parsed = parse_sitemap(&gz.finish().unwrap()).unwrap();
        assert_eq!(
            parsed,
            Sitemap::Index(vec![SitemapEntry {
                loc: "https://news.test/s1.xml.gz".into(),
                date: None
            }])
        );
        assert!(parse_sitemap(b"<html></html>").is_err());
    }
}
