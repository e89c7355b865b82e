//! Page metadata: headline, publication date and publisher from meta tags, JSON-LD and `<time>`.

use scraper::{Html, Selector};
use std::sync::LazyLock;

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));

/// Metadata found in a page's head and structured data.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageMeta {
    /// Headline.
    pub title: Option<String>,
    /// Publication date (ISO).
    pub published: Option<String>,
    /// Publisher or site name.
    pub publisher: Option<String>,
    /// Author names.
    pub byline: Option<String>,
    /// `articleBody` from JSON-LD, when the page carries the full text there.
    pub article_body: Option<String>,
}

/// Reads the page's metadata.
pub fn read_meta(doc: &Html) -> PageMeta {
    let metas: Vec<(String, String)> = doc
        .select(&META)
        .filter_map(|m| {
            let e = m.value();
            let key = e
                .attr("property")
                .or_else(|| e.attr("name"))
                .or_else(|| e.attr("itemprop"))?;
            Some((key.to_ascii_lowercase(), e.attr("content")?.trim().to_owned()))
        })
        .collect();
    let meta = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            metas
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let ld = json_ld(doc);
    let text_of = |sel: &Selector| {
        doc.select(sel)
            .next()
            .map(|e| super::normalize_whitespace(&e.text().collect::<String>()))
            .filter(|t| !t.is_empty())
    };
    PageMeta {
        title: meta(&["og:title", "twitter:title"])
            .or_else(|| ld.title.clone())
            .or_else(|| text_of(&H1))
            .or_else(|| text_of(&TITLE)),
        published: meta(&["article:published_time", "datepublished", "pubdate", "date", "dc.date"])
            .or(ld.published)
            .or_else(|| {
                doc.select(&TIME)
                    .next()
                    .and_then(|t| t.value().attr("datetime"))
                    .map(str::to_owned)
            })
            .and_then(|d| parse_date(&d)),
        publisher: meta(&["og:site_name", "publisher"]).or(ld.publisher),
        byline: meta(&["author", "article:author"]).or(ld.author),
        article_body: ld.body,
    }
}

#[derive(Default)]
struct LdFields {
    title: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    body: Option<String>,
}

/// Collects the article fields from every JSON-LD block (including `@graph` arrays).
fn json_ld(doc: &Html) -> LdFields {
    let mut out = LdFields::default();
    for script in doc.select(&JSON_LD) {
        let raw: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(raw.trim()) else {
            continue;
        };
        visit_ld(&value, &mut out);
    }
    out
}

fn visit_ld(v: &serde_json::Value, out: &mut LdFields) {
    use serde_json::Value;
    match v {
        Value::Array(items) => items.iter().for_each(|i| visit_ld(i, out)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                visit_ld(graph, out);
            }
            let s = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_owned);
            let name_of = |k: &str| match map.get(k) {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Object(o)) => o.get("name").and_then(Value::as_str).map(str::to_owned),
                Some(Value::Array(a)) => a
                    .first()
                    .and_then(|o| o.get("name"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                _ => None,
            };
            out.title = out.title.take().or_else(|| s("headline"));
            out.published = out.published.take().or_else(|| s("datePublished"));
            out.publisher = out.publisher.take().or_else(|| name_of("publisher"));
            out.author = out.author.take().or_else(|| name_of("author"));
            out.body = out.body.take().or_else(|| s("articleBody"));
        }
        _ => {}
    }
}

/// Reads the date part of an ISO date or date-time (`2015-03-27T10:00:00Z` → `2015-03-27`).
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let date = s.get(..10)?;
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .map(|d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags_win_over_body_headings() {
        let doc = Html::parse_document(
            r#"<html><head><title>Site | Story</title><meta property="og:title" content="Story"><meta property="og:site_name" content="Wire"><meta property="article:published_time" content="2015-03-27T08:00:00Z"></head><body><h1>Other</h1></body></html>"#,
        );
        let m = read_meta(&doc);
        assert_eq!(m.title.as_deref(), Some("Story"));
        assert_eq!(m.publisher.as_deref(), Some("Wire"));
        assert_eq!(m.published.as_deref(), Some("2015-03-27"));
    }

    #[test]
    fn json_ld_and_time_elements_are_fallbacks() {
        let doc = Html::parse_document(
            r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","publisher":{"name":"Daily"}}]}</script></head><body><time datetime="2014-11-02">Nov 2</time></body></html>"#,
        );
        let m = read_meta(&doc);
        assert_eq!(m.title.as_deref(), Some("H"));
        assert_eq!(m.publisher.as_deref(), Some("Daily"));
        assert_eq!(m.published.as_deref(), Some("2014-11-02"));
    }

    #[test]
    fn dates_must_be_real() {
        assert_eq!(parse_date("2015-02-30"), None);
        assert_eq!(parse_date("garbage"), None);
    }
}
