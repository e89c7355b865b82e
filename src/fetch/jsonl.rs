//! The map input: one JSON object a line, `{"id", "url", "html"}` or `{"id", "url", "text"}`
//! with optional `"title"` and `"published"`, as a distributed engine pipes it to
//! `figmine extract --stdin`.

use super::{DocFormat, Document, FetchError, Source, MAX_BODY_BYTES};
use serde::Deserialize;
use std::io::BufRead;

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
/// or an error naming the line.
pub fn read_map_input(reader: impl BufRead) -> impl Iterator<Item = Result<Source, FetchError>> {
    reader.split(b'\n').enumerate().filter_map(|(i, line)| match line {
        Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => None,
        Ok(bytes) => Some(parse_map_line(&bytes, i + 1)),
        Err(e) => Some(Err(bad_line(None, i + 1, format!("cannot read: {e}")))),
    })
}

/// Parses one line (1-based `line` number, used in errors and as a fallback id).
pub fn parse_map_line(bytes: &[u8], line: usize) -> Result<Source, FetchError> {
    if bytes.len() as u64 > MAX_BODY_BYTES {
        return Err(bad_line(None, line, format!("longer than {MAX_BODY_BYTES} bytes")));
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
