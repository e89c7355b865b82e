//! Page metadata: headline, publication date and publisher from meta tags, JSON-LD and `<time>`.

use super::html::dom::{Dom, Element, TextIndex};
use chrono::Datelike;
use regex::Regex;
use std::sync::LazyLock;

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
pub fn read_meta(doc: &Dom) -> PageMeta {
    // Every name a meta tag answers to: `property`, `name`, and each word of `itemprop`.
    // One pass over the node arena finds meta tags and JSON-LD scripts.
    let metas: Vec<(String, String)> = doc
        .elements()
        .filter(|(_, e)| e.name() == "meta")
        .flat_map(|(_, e)| {
            let content = e.attr("content").unwrap_or("").trim().to_owned();
            let keys = e.attr("property").into_iter().chain(e.attr("name"));
            let props = e.attr("itemprop").into_iter().flat_map(str::split_whitespace);
            keys.chain(props)
                .map(|k| (k.to_ascii_lowercase(), content.clone()))
                .collect::<Vec<_>>()
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
    let ld = json_ld(
        doc,
        doc.elements().filter(|(_, e)| {
            e.name() == "script"
                && e.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        }),
    );
    let text_of = |tag: &str| {
        doc.elements()
            .find(|(_, e)| e.name() == tag)
            .map(|(i, _)| super::normalize_whitespace(&doc.text_content(i)))
            .filter(|t| !t.is_empty())
    };
    let headline = meta(&["og:title", "twitter:title"]).or_else(|| ld.title.clone());
    let h1 = text_of("h1");
    let page_title = text_of("title");
    let site_in_title = || {
        let headlines = [h1.as_deref(), headline.as_deref()];
        site_in_title(page_title.as_deref()?, headlines.into_iter().flatten())
    };
    PageMeta {
        title: headline.clone().or_else(|| h1.clone()).or_else(|| page_title.clone()),
        published: published_date(
            doc,
            meta(&[
                "article:published_time",
                "article:published",
                "og:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "publish-date",
                "parsely-pub-date",
                "sailthru.date",
                "dc.date.issued",
                "dc.date",
                "date",
            ]),
            ld.published,
        ),
        publisher: meta(&["og:site_name", "publisher"])
            .or(ld.publisher)
            .or(ld.organisation)
            .or_else(|| microdata_publisher(doc))
            .or_else(|| meta(&["application-name"]))
            .or_else(site_in_title)
            .or_else(|| copyright_holder(doc)),
        byline: meta(&["author", "article:author"]).or(ld.author),
        article_body: ld.body,
    }
}

/// Whether the element's `itemprop` lists `word`.
fn has_itemprop(e: &Element, word: &str) -> bool {
    e.attr("itemprop")
        .is_some_and(|p| p.split_whitespace().any(|w| w == word))
}

/// `<div itemprop="publisher"><meta itemprop="name" content="...">` (schema.org microdata): the
/// first `itemprop="name"` element, in document order, inside an `itemprop="publisher"` one.
fn microdata_publisher(doc: &Dom) -> Option<String> {
    let mut inside_until = 0;
    let (i, e) = doc.elements().find(|&(i, e)| {
        let found = i < inside_until && has_itemprop(e, "name");
        if has_itemprop(e, "publisher") {
            inside_until = inside_until.max(doc.end(i));
        }
        found
    })?;
    let name = match e.attr("content") {
        Some(c) => c.to_owned(),
        None => doc.text_content(i),
    };
    Some(super::normalize_whitespace(&name)).filter(|n| !n.is_empty())
}

/// The site a `<title>` names beside the headline: "Headline - Site", "Headline | Section |
/// Site", "Site: Headline". Only when the rest of the title is one of the page's headlines, so
/// a headline that itself holds a dash is not cut in two.
fn site_in_title<'h>(title: &str, headlines: impl Iterator<Item = &'h str> + Clone) -> Option<String> {
    const SEPARATORS: [&str; 6] = [" - ", " – ", " — ", " | ", " · ", ": "];
    let is_headline = |part: &str| {
        let part = part.trim().to_lowercase();
        headlines.clone().any(|h| {
            let h = h.trim().to_lowercase();
            h.chars().count() >= 10 && (part == h || part.starts_with(&h))
        })
    };
    let site = SEPARATORS.iter().find_map(|sep| {
        let after = title
            .rsplit_once(sep)
            .filter(|(head, _)| is_headline(head))
            .map(|(_, site)| site);
        let before = || {
            title
                .split_once(sep)
                .filter(|(_, rest)| is_headline(rest))
                .map(|(site, _)| site)
        };
        after
            .or_else(before)
            .map(str::trim)
            .filter(|site| looks_like_a_name(site))
    })?;
    Some(site.to_owned())
}

/// Short enough to be a site's name rather than a second headline.
fn looks_like_a_name(s: &str) -> bool {
    !s.is_empty() && s.chars().count() <= 40 && s.split_whitespace().count() <= 5
}

/// "© 2019 Sputnik. All rights reserved", "Copyright ⓒ Entermedia.co.kr.": the name after a
/// copyright sign and its years, from the last text on the page that has one (footers come last).
fn copyright_holder(doc: &Dom) -> Option<String> {
    (0..doc.len()).rev().find_map(|i| {
        let text = doc.text(i)?;
        if !(text.contains('©') || text.contains('ⓒ') || text.contains("Copyright")) {
            return None;
        }
        // The name may be in the next text node: "© <a>vse-diety.com</a>, 2008".
        let line: String = (i..doc.len()).filter_map(|j| doc.text(j)).take(3).collect();
        let name = COPYRIGHT.captures(&line)?.name("name")?.as_str().trim();
        Some(name.to_owned()).filter(|n| looks_like_a_name(n) && !n.starts_with("All "))
    })
}

/// A copyright sign or word, optional years, then a capitalised name or a domain, up to a full
/// stop, a comma, "All rights" or the end of the text.
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:©|ⓒ|Copyright)\s*(?:©|ⓒ|\([cC]\))?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?(?P<name>\p{Lu}[\p{L}\p{N}&' .-]*?|[\p{Ll}\p{N}-]+\.[\p{Ll}.]*\p{Ll})\s*(?:\.\s|\.$|,|\||All rights|$)",
    )
    .unwrap()
});

/// The most text of an element named for the publication date that is read for one (a dateline
/// with its byline is some 100 bytes; one that holds more, with share links after the date, is
/// read for its first 512): reading the whole text of each of thousands of such elements nested
/// in each other cost time quadratic in the page (5.8 s for 1 MB of text under 1,990 of them).
const MAX_DATE_TEXT: usize = 512;

/// Class words of elements that hold the publication date as text.
const DATE_CLASSES: [&str; 4] = ["publish-date", "publishdate", "pubdate", "published-date"];

/// The first of these that reads as a date: a meta tag, JSON-LD, an `itemprop="datePublished"`
/// element, a `<time datetime>`; the page is searched only when the earlier ones fail.
fn published_date(doc: &Dom, from_meta: Option<String>, from_ld: Option<String>) -> Option<String> {
    let date = |d: Option<String>| d.as_deref().and_then(parse_date);
    date(from_meta).or_else(|| date(from_ld)).or_else(|| {
        let itemprop = doc
            .elements()
            .find(|(_, e)| has_itemprop(e, "datePublished"))
            .map(|(i, e)| {
                e.attr("datetime")
                    .or(e.attr("content"))
                    .map(str::to_owned)
                    .unwrap_or_else(|| doc.text_content(i))
            });
        date(itemprop)
            .or_else(|| {
                doc.elements()
                    .find(|(_, e)| e.name() == "time" && e.attr("datetime").is_some())
                    .and_then(|(_, t)| t.attr("datetime"))
                    .and_then(parse_date)
            })
            .or_else(|| {
                // Last, a date written in an element named for it: `<span class="article-publish-date">`.
                let text = TextIndex::new(doc);
                doc.elements()
                    .filter(|(_, e)| {
                        e.attr("class")
                            .is_some_and(|c| DATE_CLASSES.iter().any(|d| c.contains(d)))
                    })
                    .find_map(|(i, _)| parse_date(&text.text_up_to(i, MAX_DATE_TEXT)))
            })
    })
}

#[derive(Default)]
struct LdFields {
    organisation: Option<String>,
    title: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    body: Option<String>,
}

/// Collects the article fields from every JSON-LD block (including `@graph` arrays).
fn json_ld<'d>(doc: &Dom, scripts: impl Iterator<Item = (usize, &'d Element<'d>)>) -> LdFields {
    let mut out = LdFields::default();
    for (script, _) in scripts {
        let raw: String = doc.children(script).filter_map(|c| doc.text(c)).collect();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(raw.trim()) else {
            // Broken JSON-LD (comments, trailing commas) still names its date.
            if out.published.is_none() {
                out.published = LD_DATE.captures(&raw).map(|c| c[1].to_owned());
            }
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
            // An organisation named on its own (a publisher given only as `{"@id": ...}`
            // usually points at it).
            let organisation = map
                .get("@type")
                .and_then(Value::as_str)
                .is_some_and(|t| matches!(t, "Organization" | "NewsMediaOrganization" | "Corporation"));
            if organisation {
                out.organisation = out.organisation.take().or_else(|| s("name"));
            }
            out.author = out.author.take().or_else(|| name_of("author"));
            out.body = out.body.take().or_else(|| s("articleBody"));
        }
        _ => {}
    }
}

/// `"datePublished": "2019-11-18T16:06:51-05:00"` in JSON-LD that does not parse.
static LD_DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"]+)""#).unwrap());

/// A written date: `November 19, 2019`, `Nov 19 2019`, `Fri 6:45 PM, Feb 16, 2018`.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b",
    )
    .unwrap()
});

/// A written date with the day first: `19 November 2019`, `19 Nov. 2019`.
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b")
        .unwrap()
});

/// Reads the date of an ISO date or date-time (`2015-03-27T10:00:00Z` → `2015-03-27`), or of a
/// written one (`November 19, 2019, 07:47 PM EST`, `Tue Nov 19 2019 05:44:06 GMT`,
/// `19 November 2019`).
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let iso = s
        .get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let written = || {
        let (month, day, year) = match MONTH_DAY_YEAR.captures(s) {
            Some(c) => (c[1].to_owned(), c[2].to_owned(), c[3].to_owned()),
            None => {
                let c = DAY_MONTH_YEAR.captures(s)?;
                (c[2].to_owned(), c[1].to_owned(), c[3].to_owned())
            }
        };
        let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(&month))? as u32 + 1;
        chrono::NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)
    };
    // a zero time ("0001-01-01T00:00:00Z", what some publishing systems print for no date) is
    // no date: the page's next source is read
    iso.or_else(written).filter(|d| d.year() >= 1900).map(|d| d.to_string())
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_time_is_no_date_and_the_next_source_is_read() {
        assert_eq!(parse_date("0001-01-01T00:00:00Z"), None);
        assert_eq!(parse_date("1901-05-02"), Some("1901-05-02".to_owned()));
        let doc = Dom::parse(
            r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"}</script></head><body><time datetime="2019-05-02T10:00:00Z">May 2</time><p>Text.</p></body></html>"#,
        );
        assert_eq!(read_meta(&doc).published.as_deref(), Some("2019-05-02"));
    }

    #[test]
    fn meta_tags_win_over_body_headings() {
        let doc = Dom::parse(
            r#"<html><head><title>Site | Story</title><meta property="og:title" content="Story"><meta property="og:site_name" content="Wire"><meta property="article:published_time" content="2015-03-27T08:00:00Z"></head><body><h1>Other</h1></body></html>"#,
        );
        let m = read_meta(&doc);
        assert_eq!(m.title.as_deref(), Some("Story"));
        assert_eq!(m.publisher.as_deref(), Some("Wire"));
        assert_eq!(m.published.as_deref(), Some("2015-03-27"));
    }

    #[test]
    fn json_ld_and_time_elements_are_fallbacks() {
        let doc = Dom::parse(
            r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","publisher":{"name":"Daily"}}]}</script></head><body><time datetime="2014-11-02">Nov 2</time></body></html>"#,
        );
        let m = read_meta(&doc);
        assert_eq!(m.title.as_deref(), Some("H"));
        assert_eq!(m.publisher.as_deref(), Some("Daily"));
        assert_eq!(m.published.as_deref(), Some("2014-11-02"));
    }

    #[test]
    fn written_dates_are_read() {
        assert_eq!(
            parse_date("November 19, 2019, 07:47 PM EST").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            parse_date("Tue Nov 19 2019 05:44:06 GMT+0000").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(parse_date("Fri 6:45 PM, Feb 16, 2018").as_deref(), Some("2018-02-16"));
        assert_eq!(
            parse_date("01:38:07 PM IST Nov 20, 2019").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(parse_date("19 November 2019").as_deref(), Some("2019-11-19"));
        assert_eq!(parse_date("2019-11-18 16:07:38").as_deref(), Some("2019-11-18"));
        assert_eq!(parse_date("Nov 31, 2019"), None);
    }

    /// An element named for the date is read for its first 512 bytes: a date there is found
    /// however much follows it, and one past them is left to the elements inside.
    #[test]
    fn an_element_named_for_the_date_is_read_for_its_first_bytes() {
        let shares = "Share on Facebook. Share on X. Share by email. ".repeat(12);
        let page = format!(
            r#"<html><body><div class="entry-meta published-date">Published May 2, 2019 by Jane Doe. {shares}</div><p>Text.</p></body></html>"#
        );
        assert_eq!(read_meta(&Dom::parse(&page)).published.as_deref(), Some("2019-05-02"));
        let page = format!(
            r#"<html><body><div class="publish-date">{shares}<span class="pubdate">May 2, 2019</span></div><p>Text.</p></body></html>"#
        );
        assert_eq!(read_meta(&Dom::parse(&page)).published.as_deref(), Some("2019-05-02"));
        let page = format!(r#"<html><body><div class="publish-date">{shares} May 2, 2019</div></body></html>"#);
        assert_eq!(read_meta(&Dom::parse(&page)).published, None);
    }

    #[test]
    fn itemprop_words_sailthru_and_broken_json_ld_give_dates() {
        let page = |head: &str| read_meta(&Dom::parse(&format!("<html><head>{head}</head><body></body></html>")));
        let m = page(
            r#"<meta property="article:published" itemprop="datePublished dateCreated" content="2019-11-19T11:00:09.000Z">"#,
        );
        assert_eq!(m.published.as_deref(), Some("2019-11-19"));
        let m = page(r#"</head><body><span class="article-publish-date">November 19, 2019, 9:02 AM</span>"#);
        assert_eq!(m.published.as_deref(), Some("2019-11-19"));
        let m = page(r#"<meta name="sailthru.date" content="2019-11-18 16:07:38">"#);
        assert_eq!(m.published.as_deref(), Some("2019-11-18"));
        let m = page(r#"<script type="application/ld+json">{"datePublished": "2019-11-18T16:06:51-05:00", }</script>"#);
        assert_eq!(m.published.as_deref(), Some("2019-11-18"));
    }

    #[test]
    fn publishers_from_json_ld_organisations_microdata_and_application_names() {
        let page = |html: &str| read_meta(&Dom::parse(html)).publisher;
        let ld = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","publisher":{"@id":"https://x/"}},
            {"@type":"Organization","@id":"https://x/","name":"CBS News"}]}</script>"#;
        assert_eq!(page(ld).as_deref(), Some("CBS News"));
        let microdata = r#"<div itemprop="publisher" itemscope><meta itemprop="name" content="Daily Wire"></div>"#;
        assert_eq!(page(microdata).as_deref(), Some("Daily Wire"));
        assert_eq!(
            page(r#"<meta name="application-name" content="Digg">"#).as_deref(),
            Some("Digg")
        );
    }

    #[test]
    fn publishers_named_only_in_the_title_or_the_copyright_line() {
        let page = |html: &str| read_meta(&Dom::parse(html)).publisher;
        let titled = |title: &str, h1: &str| {
            page(&format!(
                "<html><head><title>{title}</title></head><body><h1>{h1}</h1></body></html>"
            ))
        };
        assert_eq!(
            titled(
                "Royal Self-Indicting Arrogance - Sputnik International",
                "Royal Self-Indicting Arrogance"
            )
            .as_deref(),
            Some("Sputnik International")
        );
        assert_eq!(
            titled(
                "About bugs in our games | Blog | Vortex Cannon",
                "About bugs in our games"
            )
            .as_deref(),
            Some("Vortex Cannon")
        );
        assert_eq!(
            titled(
                "The Space Review: Seeking a bigger role for a big rocket",
                "Seeking a bigger role for a big rocket"
            )
            .as_deref(),
            Some("The Space Review")
        );
        // A dash inside the headline itself is not a site name.
        assert_eq!(
            titled(
                "Take C.A.R.E. - comwrap at DMEXCO 2018",
                "Take C.A.R.E. - comwrap at DMEXCO 2018"
            ),
            None
        );
        let footer = |text: &str| {
            page(&format!(
                "<html><body><p>Body.</p><footer>{text}</footer></body></html>"
            ))
        };
        assert_eq!(
            footer("© 2019 Sputnik. All rights reserved").as_deref(),
            Some("Sputnik")
        );
        assert_eq!(footer("©2019 Ascom").as_deref(), Some("Ascom"));
        assert_eq!(
            footer("Copyright ⓒ Entermedia.co.kr. 무단전재").as_deref(),
            Some("Entermedia.co.kr")
        );
        assert_eq!(footer("Copyright © 2002-2019 - Designed by Gray Digital Media"), None);
        assert_eq!(
            footer("©  <a href=\"/\">vse-diety.com</a> , 2008").as_deref(),
            Some("vse-diety.com")
        );
        assert_eq!(footer("© 2019 "), None);
    }

    #[test]
    fn dates_must_be_real() {
        assert_eq!(parse_date("2015-02-30"), None);
        assert_eq!(parse_date("garbage"), None);
    }
}
