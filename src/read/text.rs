//! Plain-text articles.
//!
//! The first non-empty line is the headline. Optional header lines `Published: YYYY-MM-DD`,
//! `Publisher: NAME` and `By: NAME` may follow it. Paragraphs are separated by blank lines; a
//! single newline inside a paragraph is a soft wrap and becomes a space.

use super::{normalize_whitespace, Article};
use std::borrow::Cow;
#[cfg(test)]
use std::cell::Cell;

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
    let body = lines.get(next..).unwrap_or_default();
    article.text.reserve(body.iter().map(|l| l.len() + 1).sum());
    article.push_line_blocks(body.iter().copied());
    article
}

/// Reads paragraphs only (no headline or header lines), separated by blank lines.
pub fn read_body(content: &str) -> Article {
    let content = without_crlf(content);
    let mut article = Article {
        text: String::with_capacity(content.len()),
        ..Article::default()
    };
    article.push_line_blocks(lines_of(&content));
    article
}

/// The lines of a text without CR: `str::lines` by `memchr`, which finds a newline faster in
/// a long text (the last line's end may come out as one empty line more, which is blank).
fn lines_of(content: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(b'\n', content.as_bytes()).chain([content.len()]);
    ends.scan(0, |start, end| {
        let line = &content[*start..end];
        *start = end + 1;
        Some(line)
    })
}

/// `content` with CRLF line ends as LF; borrowed when it holds no CR (nearly always).
fn without_crlf(content: &str) -> Cow<'_, str> {
    match memchr::memchr(b'\r', content.as_bytes()) {
        Some(_) => Cow::Owned(content.replace("\r\n", "\n")),
        None => Cow::Borrowed(content),
    }
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
    use crate::read::tests::{normalize_char_by_char, NORMAL_PIECES};

    /// The body as the reader first read it: lines split into blocks at blank lines and before
    /// each list item (whose bullet is dropped), each joined by spaces and normalised one
    /// character at a time, then set as paragraphs.
    fn read_body_by_blocks(content: &str) -> Article {
        let content = content.replace("\r\n", "\n");
        let mut blocks: Vec<Vec<&str>> = vec![Vec::new()];
        for line in content.lines() {
            if line.trim().is_empty() {
                blocks.push(Vec::new());
            } else if let Some(item) = crate::read::list_item(line) {
                blocks.push(vec![item]);
            } else {
                blocks.last_mut().expect("a block").push(line);
            }
        }
        let mut article = Article::default();
        article.set_paragraphs(blocks.iter().map(|block| normalize_char_by_char(&block.join(" "))));
        article
    }

    #[test]
    fn a_bulleted_line_is_a_paragraph_without_its_bullet() {
        let read = read_text(
            "Title\n\nOf the 24,611 requests:\n- 1,132 (5%) resulted in the disclosure of content;\n  \
             a second line of the item\n* 15,899 (65%) in other data only;\n\u{2022} 4,332 found none.\n\
             Then 3 - 2 is one, and -5 stays a sign.\n\n- \n-5 starts a line.",
        );
        let paragraphs: Vec<&str> = read.paragraphs.iter().map(|p| p.of(&read.text)).collect();
        assert_eq!(
            paragraphs,
            [
                "Of the 24,611 requests:",
                "1,132 (5%) resulted in the disclosure of content; a second line of the item",
                "15,899 (65%) in other data only;",
                "4,332 found none. Then 3 - 2 is one, and -5 stays a sign.",
                "- -5 starts a line.",
            ]
        );
    }

    #[test]
    fn a_body_written_line_by_line_reads_as_its_blocks_joined_and_normalised() {
        let mut texts = crate::gen::sample_texts_and_typeset(300);
        // Soft wraps, blank lines of every kind, and lines that normalise to nothing.
        texts.extend(
            texts
                .clone()
                .iter()
                .take(100)
                .map(|t| t.replace(". ", ".\n").replace(", ", ",  \r\n\t")),
        );
        texts.extend(
            [
                "",
                "\n",
                "\n\n\n",
                " \n\u{a0}\n\t",
                "\u{ad}",
                "\u{ad}\n\nx",
                "x\n\n\u{ad}\n\ny",
                "x\n\u{ad}\ny",
                "x\u{ad}\n y",
                "x \ny",
                "x\n\n",
                "x\r",
                "x\ry\r\n\r\nz",
                "\u{2028}x\u{2028}\n\u{2028}\n y",
                "  lead\n\ntrail  \n\n\n",
                "a  b\nc\n\nd\te",
                "lead:\n- one\n  wrapped\n* two\n\u{2022}\tthree\n- \n-4\n\n  \u{2013} four",
                "é—🙂 «x»\u{a0}\n\u{202f}y\u{85}z",
            ]
            .map(String::from),
        );
        NORMAL_PIECES.with(|n| n.set(0));
        for text in &texts {
            let read = read_body(text);
            assert_eq!(read, read_body_by_blocks(text), "{text:?}");
            let with_title = format!("Title\n\n{text}");
            assert_eq!(read_text(&with_title).text, read.text, "{text:?}");
            assert_eq!(read_text(&with_title).paragraphs, read.paragraphs, "{text:?}");
        }
        // Most lines are copied whole; the test fails if the reader stops doing so.
        let normal = NORMAL_PIECES.with(Cell::get);
        assert!(normal > 3_000, "{normal} lines copied whole");
    }

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
