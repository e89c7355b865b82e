//! RSS and Atom feeds (parsed by `feed-rs`) → the URLs of their items.

use super::{Fetched, Fetcher, WebFailure, WebItem};
use chrono::NaiveDate;
use reqwest::Url;

/// The items of a feed body: each entry's link (the `alternate` one when several), resolved
/// against the feed's URL, with its publication date. With `since`, entries dated before it are
/// left out (undated entries are kept: nothing says they are old).
pub fn feed_items(body: &[u8], feed_url: &str, since: Option<NaiveDate>) -> Result<Vec<WebItem>, String> {
    let feed = feed_rs::parser::parse(body).map_err(|e| format!("not an RSS or Atom feed: {e}"))?;
    let base = Url::parse(feed_url).ok();
    let items = feed
        .entries
        .iter()
        .filter_map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())?;
            let url = match &base {
                Some(base) => base.join(link.href.trim()).ok()?.to_string(),
                None => link.href.trim().to_owned(),
            };
            let date = entry.published.or(entry.updated).map(|d| d.date_naive());
            Some((url, date))
        })
        .filter(|(_, date)| match (since, date) {
            (Some(since), Some(date)) => *date >= since,
            _ => true,
        })
        .map(|(url, date)| WebItem {
            url,
            published: date.map(|d| d.to_string()),
        })
        .collect();
    Ok(items)
}

/// Fetches a feed and lists its items; a feed that cannot be fetched or parsed becomes one
/// failed record named by the feed's URL.
pub fn expand_feed(fetcher: &Fetcher, url: &str, since: Option<NaiveDate>) -> Result<Vec<WebItem>, Box<Fetched>> {
    let doc = fetcher
        .fetch_resource(url)
        .map_err(|f| Box::new(Fetched::failure(url, prefixed("feed", f))))?;
    feed_items(&doc.body, doc.url.as_deref().unwrap_or(url), since)
        .map_err(|reason| Box::new(Fetched::failure(url, WebFailure::failed(reason))))
}

/// Names what failed (a feed, a sitemap) in the reason.
pub(super) fn prefixed(what: &str, mut failure: WebFailure) -> WebFailure {
    failure.reason = format!("{what}: {}", failure.reason);
    failure
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_are_links_with_dates_and_since_filters_them() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
            <item><title>New</title><link>https://news.test/new</link><pubDate>Tue, 03 Mar 2015 10:00:00 GMT</pubDate></item>
            <item><title>Old</title><link>/old</link><pubDate>Mon, 01 Dec 2014 10:00:00 GMT</pubDate></item>
            </channel></rss>"#;
        let items = feed_items(rss, "https://news.test/feed.xml", None).unwrap();
        let urls: Vec<_> = items.iter().map(|i| i.url.as_str()).collect();
        assert_eq!(urls, ["https://news.test/new", "https://news.test/old"]);
        assert_eq!(items[0].published.as_deref(), Some("2015-03-03"));
        let since = NaiveDate::from_ymd_opt(2015, 1, 1);
        assert_eq!(feed_items(rss, "https://news.test/feed.xml", since).unwrap().len(), 1);
    }

    #[test]
    fn atom_entries_use_the_alternate_link() {
        let atom = br#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <id>urn:x</id><updated>2015-03-03T00:00:00Z</updated>
            <entry><title>A</title><id>urn:a</id><updated>2015-03-03T00:00:00Z</updated>
            <link rel="self" href="https://news.test/a.atom"/><link rel="alternate" href="https://news.test/a"/></entry>
            </feed>"#;
        let items = feed_items(atom, "https://news.test/atom.xml", None).unwrap();
        assert_eq!(
            items,
            [WebItem {
                url: "https://news.test/a".into(),
                published: Some("2015-03-03".into())
            }]
        );
    }

    #[test]
    fn a_page_that_is_not_a_feed_is_an_error() {
        assert!(feed_items(b"<html><body>hi</body></html>", "https://x.test/", None).is_err());
    }
}
