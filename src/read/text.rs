//! Plain-text articles.
//!
//! The first non-empty line is the headline. Optional header lines `Published: YYYY-MM-DD`,
//! `Publisher: NAME` and `By: NAME` may follow it. Paragraphs are separated by blank lines; a
//! single newline inside a paragraph is a soft wrap and becomes a space.

use super::{normalize_whitespace, Article};
use std::borrow::Cow;

/// Reads a plain-text article.
pub fn read_text(content: &str) -> Article {
    let content = without_crlf(content);
    let lines: Vec<&str> = content.lines().collect();
    let is_blank = |i: &usize| lines[*i].trim().is_empty();
    let mut next = (0..lines.len()).find(|i| !is_blank(i)).unwrap_or(lines.len());
    let mut article = Article {
        title: lines.get(next).map(|l| normalize_whitespace(l)),
        ..Article::default()
    };
    next += 1;
    // Header lines may be separated from the headline and from each other by blank lines.
    while let Some(i) = (next..lines.len()).find(|i| !is_blank(i)) {
        let Some((key, value)) = header_line(lines[i]) else {
            break;
        };
        match key {
            "published" => article.published = super::meta::parse_date(value),
            "publisher" => article.publisher = Some(value.to_owned()),
            _ => article.byline = Some(value.to_owned()),
        }
        next = i + 1;
    }
    article.set_paragraphs(paragraphs_of(lines.get(next..).unwrap_or_default()));
    article
}

/// Reads paragraphs only (no headline or header lines), separated by blank lines.
pub fn read_body(content: &str) -> Article {
    let content = without_crlf(content);
    let lines: Vec<&str> = content.lines().collect();
    let mut article = Article::default();
    article.set_paragraphs(paragraphs_of(&lines));
    article
}

/// `content` with CRLF line ends as LF; borrowed when it holds no CR (nearly always).
fn without_crlf(content: &str) -> Cow<'_, str> {
    match memchr::memchr(b'\r', content.as_bytes()) {
        Some(_) => Cow::Owned(content.replace("\r\n", "\n")),
        None => Cow::Borrowed(content),
    }
}

/// Blank-line separated blocks, soft wraps joined by a space.
fn paragraphs_of<'a>(lines: &'a [&'a str]) -> impl Iterator<Item = String> + 'a {
    lines
        .split(|l| l.trim().is_empty())
        .map(|block| normalize_whitespace(&block.join(" ")))
}

/// `Published: 2015-03-27` → ("published", "2015-03-27").
fn header_line(line: &str) -> Option<(&'static str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = match key.trim().to_ascii_lowercase().as_str() {
        "published" | "date" => "published",
        "publisher" | "source" => "publisher",
        "by" | "author" | "byline" => "byline",
        _ => return None,
    };
    let value = value.trim();
    (!value.is_empty()).then_some((key, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_header_lines_and_soft_wraps() {
        let a = read_text(
            "\nMicrosoft report\n\nPublished: 2015-03-27\nPublisher: Example Wire\n\nThe company got\n31,002 requests.\n\n\nSecond  paragraph.\n",
        );
        assert_eq!(a.title.as_deref(), Some("Microsoft report"));
        assert_eq!(a.published.as_deref(), Some("2015-03-27"));
        assert_eq!(a.publisher.as_deref(), Some("Example Wire"));
        assert_eq!(a.text, "The company got 31,002 requests.\n\nSecond paragraph.");
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn a_colon_in_the_first_paragraph_is_not_a_header() {
        let a = read_text("Title\n\nNote: requests rose.");
        assert_eq!(a.text, "Note: requests rose.");
    }
}
