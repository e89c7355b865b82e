//! The map input: one JSON object a line, `{"id", "url", "html"}` or `{"id", "url", "text"}`
//! with optional `"title"` and `"published"`, as a distributed engine pipes it to
//! `figmine extract --stdin`.

use super::{DocFormat, Document, FetchError, Source, MAX_BODY_BYTES};
use serde::Deserialize;
use std::io::{BufRead, Read};

/// One line of the map input.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InputLine {
    id: Option<String>,
    url: Option<String>,
    html: Option<String>,
    text: Option<String>,
    title: Option<String>,
    published: Option<String>,
}

/// Reads map input lines lazily; blank lines are skipped, and every other line becomes a source
/// or an error naming the line. A line is held only up to [`MAX_BODY_BYTES`]: a longer one is an
/// error, read past without being kept (a line of gigabytes with no newline costs no more memory
/// than one at the limit).
pub fn read_map_input(reader: impl BufRead) -> impl Iterator<Item = Result<Source, FetchError>> {
    let mut lines = CappedLines {
        reader,
        cap: MAX_BODY_BYTES,
    };
    std::iter::from_fn(move || lines.next_line().transpose())
        .enumerate()
        .filter_map(|(i, line)| match line {
            Ok(Line::Whole(bytes)) if bytes.iter().all(u8::is_ascii_whitespace) => None,
            Ok(Line::Whole(bytes)) => Some(parse_map_line(&bytes, i + 1)),
            Ok(Line::TooLong(start)) => Some(Err(too_long(&start, i + 1))),
            Err(e) => Some(Err(bad_line(None, i + 1, format!("cannot read: {e}")))),
        })
}

/// A line of the input, as [`CappedLines`] reads it.
enum Line {
    /// The line, without its newline.
    Whole(Vec<u8>),
    /// A line longer than the cap: its first bytes (to name it), the rest read past.
    TooLong(Vec<u8>),
}

/// The lines of a reader, none kept past `cap` bytes.
struct CappedLines<R> {
    reader: R,
    cap: u64,
}

impl<R: BufRead> CappedLines<R> {
    /// The next line, or `None` at the end of the input.
    fn next_line(&mut self) -> std::io::Result<Option<Line>> {
        let mut bytes = Vec::new();
        let read = (&mut self.reader).take(self.cap + 1).read_until(b'\n', &mut bytes)?;
        if read == 0 {
            return Ok(None);
        }
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
            return Ok(Some(Line::Whole(bytes)));
        }
        if bytes.len() as u64 <= self.cap {
            return Ok(Some(Line::Whole(bytes))); // the last line, with no newline after it
        }
        self.reader.skip_until(b'\n')?;
        bytes.truncate(4096);
        Ok(Some(Line::TooLong(bytes)))
    }
}

/// The error of a line longer than [`MAX_BODY_BYTES`], named by its id when its start gives one.
fn too_long(start: &[u8], line: usize) -> FetchError {
    bad_line(sniff_id(start), line, format!("longer than {MAX_BODY_BYTES} bytes"))
}

/// Parses one line (1-based `line` number, used in errors and as a fallback id).
pub fn parse_map_line(bytes: &[u8], line: usize) -> Result<Source, FetchError> {
    if bytes.len() as u64 > MAX_BODY_BYTES {
        return Err(too_long(bytes, line));
    }
    let input: InputLine = serde_json::from_slice(bytes).map_err(|e| bad_line(sniff_id(bytes), line, e.to_string()))?;
    let id = input
        .id
        .or_else(|| input.url.clone())
        .unwrap_or_else(|| format!("line-{line}"));
    let (body, format) = match (input.html, input.text) {
        (Some(html), None) => (html.into_bytes(), DocFormat::Html),
        (None, Some(text)) => match input.title {
            Some(title) => (format!("{title}\n\n{text}").into_bytes(), DocFormat::Text),
            None => (text.into_bytes(), DocFormat::Body),
        },
        (Some(_), Some(_)) => return Err(bad_line(Some(id), line, "both \"html\" and \"text\" given".into())),
        (None, None) => return Err(bad_line(Some(id), line, "neither \"html\" nor \"text\" given".into())),
    };
    Ok(Source::Inline(Box::new(Document {
        location: input.url.clone().unwrap_or_else(|| id.clone()),
        id,
        url: input.url,
        body,
        format,
        charset: None,
        published: input.published,
    })))
}

fn bad_line(id: Option<String>, line: usize, reason: String) -> FetchError {
    FetchError::BadInput {
        id: id.unwrap_or_else(|| format!("line-{line}")),
        line,
        reason,
    }
}

/// The id of a line that is not valid JSON as a whole, when its `"id"` field can still be read.
fn sniff_id(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes.get(..bytes.len().min(4096))?).ok()?;
    let rest = text
        .split_once("\"id\"")?
        .1
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    Some(rest.split_once('"')?.0.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(line: &str) -> Document {
        match parse_map_line(line.as_bytes(), 1).unwrap() {
            Source::Inline(d) => *d,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn html_and_text_lines_become_documents() {
        let d = doc(r#"{"id":"a","url":"https://x.test/a","html":"<p>1</p>","published":"2015-03-27"}"#);
        assert_eq!(
            (d.id.as_str(), d.format, d.published.as_deref()),
            ("a", DocFormat::Html, Some("2015-03-27"))
        );
        let d = doc(r#"{"id":"b","text":"One.\n\nTwo."}"#);
        assert_eq!(
            (d.format, d.body.as_slice()),
            (DocFormat::Body, b"One.\n\nTwo.".as_slice())
        );
        let d = doc(r#"{"id":"c","title":"T","text":"One."}"#);
        assert_eq!(
            (d.format, d.body.as_slice()),
            (DocFormat::Text, b"T\n\nOne.".as_slice())
        );
    }

    /// Each line as read with lines cut at `cap` bytes: `Ok` whole, `Err` with the bytes kept.
    fn capped(input: &[u8], cap: u64) -> Vec<Result<String, String>> {
        let mut lines = CappedLines { reader: input, cap };
        std::iter::from_fn(|| lines.next_line().unwrap())
            .map(|line| match line {
                Line::Whole(b) => Ok(String::from_utf8(b).unwrap()),
                Line::TooLong(b) => Err(String::from_utf8(b).unwrap()),
            })
            .collect()
    }

    /// A line past the cap is kept only to the cap and one byte more, and the next line is read
    /// whole after it; a last line without a newline is a line.
    #[test]
    fn no_line_is_kept_past_the_cap() {
        let long = "y".repeat(10_000);
        let input = format!("short\n12345678\n123456789\n{long}\n\nlast");
        assert_eq!(
            capped(input.as_bytes(), 8),
            [
                Ok("short".into()),
                Ok("12345678".into()),
                Err("123456789".into()),
                Err("yyyyyyyyy".into()),
                Ok(String::new()),
                Ok("last".into()),
            ]
        );
        assert_eq!(capped(b"one\n", 8), [Ok("one".to_owned())]);
    }

    /// A line of 100 MiB with no room to hold it: an error named by the line's id, and the
    /// line after it read.
    #[test]
    fn a_line_past_the_body_limit_is_an_error_named_by_its_id() {
        let huge = std::io::Cursor::new(&br#"{"id":"huge","text":""#[..])
            .chain(std::io::repeat(b'a').take(100 << 20))
            .chain(&b"\"}\n{\"id\":\"ok\",\"text\":\"Apple got 700 requests.\"}\n"[..]);
        let read: Vec<_> = read_map_input(std::io::BufReader::new(huge)).collect();
        assert_eq!(read.len(), 2);
        let err = read[0].as_ref().unwrap_err();
        assert!(
            matches!(err, FetchError::BadInput { id, line: 1, .. } if id == "huge"),
            "{err}"
        );
        assert!(err.to_string().contains("longer than 67108864 bytes"), "{err}");
        assert!(matches!(&read[1], Ok(Source::Inline(d)) if d.id == "ok"));
    }

    #[test]
    fn bad_lines_are_errors_with_their_id_when_it_can_be_read() {
        let err = parse_map_line(br#"{"id":"x7","html": tru"#, 3).unwrap_err();
        assert!(
            matches!(err, FetchError::BadInput { ref id, line: 3, .. } if id == "x7"),
            "{err}"
        );
        let err = parse_map_line(br#"{"id":"x8"}"#, 4).unwrap_err();
        assert!(err.to_string().contains("neither"), "{err}");
        let err = parse_map_line(b"\xff\xfe", 5).unwrap_err();
        assert!(matches!(err, FetchError::BadInput { ref id, .. } if id == "line-5"));
    }

    #[test]
    fn blank_lines_are_skipped_and_line_numbers_kept() {
        let input = "\n{\"id\":\"a\",\"text\":\"x\"}\n\nnot json\n";
        let items: Vec<_> = read_map_input(input.as_bytes()).collect();
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[1], Err(FetchError::BadInput { line: 4, .. })));
    }
}
