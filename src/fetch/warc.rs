//! WARC files (`.warc`, and `.warc.gz` with one gzip member a record as Common Crawl's CC-NEWS
//! ships them), read streaming: one record in memory at a time, whatever the file's size.
//!
//! [`WarcReader`] yields raw records; [`response_document`] turns a `response` record's HTTP
//! payload into a [`Document`] (de-chunked, decompressed, size-capped) or says why it is skipped.
//! Other record types (`warcinfo`, `request`, `metadata`) are not documents and are passed over.
//! A truncated last record is an error for that record; the records before it are all read.

use super::{DocFormat, Document, Fetched, Source, WebFailure};
use flate2::read::{MultiGzDecoder, ZlibDecoder};
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// The largest record block read into memory; larger records are skipped (streamed past).
pub const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;
/// The longest header line accepted, in a WARC or an HTTP header.
const MAX_LINE: usize = 64 * 1024;
/// The most header lines in one WARC or HTTP header.
const MAX_HEADERS: usize = 500;

/// One WARC record: its headers and its block (for a response, the HTTP message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcRecord {
    /// 1-based position in the file.
    pub number: usize,
    /// `WARC-Type`, `WARC-Target-URI`, ... in file order (names as written).
    pub headers: Vec<(String, String)>,
    /// The record block.
    pub block: Vec<u8>,
}

impl WarcRecord {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// Why a record could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WarcError {
    /// The record's header is not valid WARC.
    #[error("record {number}: {reason}")]
    Malformed {
        /// 1-based record number.
        number: usize,
        /// What is wrong.
        reason: String,
    },
    /// The file ended inside the record.
    #[error("record {number}: truncated ({reason})")]
    Truncated {
        /// 1-based record number.
        number: usize,
        /// What the reader saw.
        reason: String,
    },
    /// The record is larger than [`MAX_RECORD_BYTES`]; it was skipped.
    #[error("record {number}: {bytes} bytes, more than the {MAX_RECORD_BYTES}-byte limit")]
    TooLarge {
        /// 1-based record number.
        number: usize,
        /// The declared length.
        bytes: u64,
        /// The record's target URI, when known.
        uri: Option<String>,
    },
}

impl WarcError {
    /// The record number the error is about.
    pub fn number(&self) -> usize {
        match self {
            WarcError::Malformed { number, .. }
            | WarcError::Truncated { number, .. }
            | WarcError::TooLarge { number, .. } => *number,
        }
    }
}

/// Streams the records of a WARC (plain, or gzip with any number of members).
pub struct WarcReader<R> {
    input: R,
    number: usize,
    done: bool,
}

/// Opens a WARC file, gzipped or not (told by its first bytes, not its name).
pub fn open(path: &Path) -> io::Result<WarcReader<Box<dyn BufRead + Send>>> {
    from_reader(std::fs::File::open(path)?)
}

/// Reads a WARC from any stream (a file, stdin), gzipped or not.
pub fn from_reader(input: impl Read + Send + 'static) -> io::Result<WarcReader<Box<dyn BufRead + Send>>> {
    let mut buffered = BufReader::with_capacity(256 * 1024, input);
    let gzipped = buffered.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let input: Box<dyn BufRead + Send> = if gzipped {
        Box::new(BufReader::with_capacity(256 * 1024, MultiGzDecoder::new(buffered)))
    } else {
        Box::new(buffered)
    };
    Ok(WarcReader {
        input,
        number: 0,
        done: false,
    })
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = self.read_record().transpose()?;
        // After a truncated or malformed record the stream position is unknown: stop there.
        if matches!(result, Err(WarcError::Truncated { .. } | WarcError::Malformed { .. })) {
            self.done = true;
        }
        Some(result)
    }
}

impl<R: BufRead> WarcReader<R> {
    fn read_record(&mut self) -> Result<Option<WarcRecord>, WarcError> {
        let number = self.number + 1;
        let truncated = |e: io::Error| WarcError::Truncated {
            number,
            reason: e.to_string(),
        };
        // Records are separated by blank lines; skip them (and any before the first record).
        let version = loop {
            match read_line(&mut self.input).map_err(truncated)? {
                None => return Ok(None),
                Some(line) if line.trim().is_empty() => continue,
                Some(line) => break line,
            }
        };
        self.number = number;
        if !version.starts_with("WARC/") {
            return Err(WarcError::Malformed {
                number,
                reason: format!("expected a WARC version line, found {:?}", preview(&version)),
            });
        }
        let headers = read_headers(&mut self.input).map_err(|e| match e.kind() {
            io::ErrorKind::UnexpectedEof => truncated(e),
            _ => WarcError::Malformed {
                number,
                reason: e.to_string(),
            },
        })?;
        let length: u64 = find_header(&headers, "Content-Length")
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| WarcError::Malformed {
                number,
                reason: "missing or bad Content-Length".into(),
            })?;
        if length > MAX_RECORD_BYTES {
            let skipped = io::copy(&mut (&mut self.input).take(length), &mut io::sink()).map_err(truncated)?;
            if skipped < length {
                return Err(truncated(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "file ends inside the block",
                )));
            }
            return Err(WarcError::TooLarge {
                number,
                bytes: length,
                uri: find_header(&headers, "WARC-Target-URI").map(str::to_owned),
            });
        }
        let mut block = Vec::with_capacity(length as usize);
        (&mut self.input)
            .take(length)
            .read_to_end(&mut block)
            .map_err(truncated)?;
        if (block.len() as u64) < length {
            return Err(WarcError::Truncated {
                number,
                reason: format!("block has {} of {length} bytes", block.len()),
            });
        }
        Ok(Some(WarcRecord { number, headers, block }))
    }
}

fn preview(line: &str) -> String {
    line.chars().take(40).collect()
}

/// Reads one line (without its CR LF), at most [`MAX_LINE`] bytes; `None` at end of input.
fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut line = Vec::new();
    let n = input.take(MAX_LINE as u64 + 1).read_until(b'\n', &mut line)?;
    if n == 0 {
        return Ok(None);
    }
    if line.len() > MAX_LINE {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "header line too long"));
    }
    while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        line.pop();
    }
    Ok(Some(String::from_utf8_lossy(&line).into_owned()))
}

/// Reads `Name: value` lines up to a blank line.
fn read_headers(input: &mut impl BufRead) -> io::Result<Vec<(String, String)>> {
    let mut headers = Vec::new();
    loop {
        let line = read_line(input)?
            .ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, "file ends inside the header"))?;
        if line.is_empty() {
            return Ok(headers);
        }
        if headers.len() >= MAX_HEADERS {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "too many header lines"));
        }
        match line.split_once(':') {
            Some((name, value)) => headers.push((name.trim().to_owned(), value.trim().to_owned())),
            // A continuation line (obsolete folding) extends the previous value.
            None => {
                if let Some((_, value)) = headers.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
            }
        }
    }
}

fn find_header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// What a response record holds: its page, or why it is not an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The record's target URI.
    pub url: Option<String>,
    /// The decoded (de-chunked, decompressed) body, or why there is none.
    pub result: Result<Document, WebFailure>,
}

/// Turns a record into a page: `None` for records that are not responses (warcinfo, request,
/// metadata...). `location` names the WARC file, for the documents' `location`.
pub fn response_document(record: &WarcRecord, location: &str) -> Option<Page> {
    if !record
        .header("WARC-Type")
        .is_some_and(|t| t.eq_ignore_ascii_case("response"))
    {
        return None;
    }
    let url = record
        .header("WARC-Target-URI")
        .map(|u| u.trim_matches(['<', '>']).to_owned());
    let id = url
        .clone()
        .or_else(|| record.header("WARC-Record-ID").map(str::to_owned))
        .unwrap_or_else(|| format!("{location}#{}", record.number));
    let result = http_payload(&record.block).map(|payload| Document {
        id,
        location: format!("{location}#{}", record.number),
        url: url.clone(),
        body: payload.body,
        format: payload.format,
        charset: payload.charset,
        published: None,
    });
    Some(Page { url, result })
}

struct Payload {
    body: Vec<u8>,
    format: DocFormat,
    charset: Option<String>,
}

/// Parses the HTTP response inside a response record.
fn http_payload(block: &[u8]) -> Result<Payload, WebFailure> {
    let mut input = block;
    let status_line = read_line(&mut input)
        .ok()
        .flatten()
        .ok_or_else(|| WebFailure::failed("empty response record"))?;
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .filter(|_| status_line.starts_with("HTTP/"))
        .ok_or_else(|| WebFailure::failed(format!("bad HTTP status line {:?}", preview(&status_line))))?;
    let headers =
        read_headers(&mut input).map_err(|e| WebFailure::failed(format!("bad HTTP header in record: {e}")))?;
    if status != 200 {
        return Err(WebFailure {
            status: Some(status),
            ..WebFailure::skipped(format!("HTTP status {status} in the archive"))
        });
    }
    let content_type = find_header(&headers, "Content-Type");
    let mime = content_type
        .map(|ct| ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .unwrap_or_default();
    let format = match mime.as_str() {
        "" | "text/html" | "application/xhtml+xml" => DocFormat::Html,
        "text/plain" => DocFormat::Body,
        other => return Err(WebFailure::skipped(format!("content type {other}"))),
    };
    let mut body = input.to_vec();
    if find_header(&headers, "Transfer-Encoding").is_some_and(|te| te.to_ascii_lowercase().contains("chunked")) {
        body = dechunk(&body).ok_or_else(|| WebFailure::failed("bad chunked encoding in record"))?;
    }
    if let Some(encoding) = find_header(&headers, "Content-Encoding") {
        body = decode_content(&body, encoding)?;
    }
    let charset = content_type.and_then(|ct| {
        ct.split(';').skip(1).find_map(|p| {
            let (name, value) = p.split_once('=')?;
            name.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| value.trim().trim_matches('"').to_owned())
        })
    });
    Ok(Payload { body, format, charset })
}

/// Removes HTTP/1.1 chunked transfer coding.
fn dechunk(mut input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line = read_line(&mut input).ok()??;
        let size = usize::from_str_radix(line.split(';').next()?.trim(), 16).ok()?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(input.get(..size)?);
        input = input.get(size..)?;
        read_line(&mut input).ok()?;
    }
}

fn decode_content(body: &[u8], encoding: &str) -> Result<Vec<u8>, WebFailure> {
    let mut out = Vec::new();
    let capped = |r: &mut dyn Read, out: &mut Vec<u8>| r.take(MAX_RECORD_BYTES + 1).read_to_end(out);
    let result = match encoding.trim().to_ascii_lowercase().as_str() {
        "" | "identity" => return Ok(body.to_vec()),
        "gzip" | "x-gzip" => capped(&mut MultiGzDecoder::new(body), &mut out),
        "deflate" => capped(&mut ZlibDecoder::new(body), &mut out),
        other => {
            return Err(WebFailure::failed(format!(
                "unsupported content encoding {other} in record"
            )))
        }
    };
    result.map_err(|e| WebFailure::failed(format!("corrupt {encoding} body in record: {e}")))?;
    if out.len() as u64 > MAX_RECORD_BYTES {
        return Err(WebFailure::skipped(format!(
            "body larger than the {MAX_RECORD_BYTES}-byte limit once decompressed"
        )));
    }
    Ok(out)
}

/// The sources of a WARC file, lazily: one per response record (a document, or a skipped or
/// failed record with its reason), and one for a record that could not be read.
pub fn warc_sources(path: &Path) -> Box<dyn Iterator<Item = Source> + Send> {
    let location = path.display().to_string();
    let reader = match open(path) {
        Ok(reader) => reader,
        Err(e) => {
            let failure = WebFailure::failed(format!("cannot read WARC {location}: {e}"));
            return Box::new(std::iter::once(Source::Fetched(Box::new(Fetched::failure(
                location, failure,
            )))));
        }
    };
    Box::new(reader.filter_map(move |record| {
        let fetched = match record {
            Ok(record) => {
                let page = response_document(&record, &location)?;
                let id = page
                    .url
                    .clone()
                    .unwrap_or_else(|| format!("{location}#{}", record.number));
                Fetched {
                    id,
                    cached: false,
                    redirects: Vec::new(),
                    result: page.result,
                }
            }
            Err(e) => {
                let id = match &e {
                    WarcError::TooLarge { uri: Some(uri), .. } => uri.clone(),
                    _ => format!("{location}#{}", e.number()),
                };
                let failure = match e {
                    WarcError::TooLarge { .. } => WebFailure::skipped(e.to_string()),
                    _ => WebFailure::failed(format!("WARC {location}: {e}")),
                };
                Fetched::failure(id, failure)
            }
        };
        Some(Source::Fetched(Box::new(fetched)))
    }))
}

/// Whether a path names a WARC file (`.warc` or `.warc.gz`).
pub fn is_warc_path(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    #[test]
    fn records_stream_and_responses_become_documents() {
        let mut warc = record("warcinfo", "", b"software: test\r\n");
        warc.extend(record("request", "https://x.test/a", b"GET /a HTTP/1.1\r\n\r\n"));
        let http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<p>Caf\xe9</p>";
        warc.extend(record("response", "https://x.test/a", http));
        let records: Vec<_> = from_reader(std::io::Cursor::new(warc)).unwrap().collect();
        assert_eq!(records.len(), 3);
        let pages: Vec<_> = records
            .iter()
            .filter_map(|r| response_document(r.as_ref().unwrap(), "t.warc"))
            .collect();
        assert_eq!(pages.len(), 1);
        let doc = pages[0].result.as_ref().unwrap();
        assert_eq!(doc.id, "https://x.test/a");
        assert_eq!(doc.body, b"<p>Caf\xe9</p>");
        assert_eq!(doc.charset.as_deref(), Some("windows-1252"));
        assert_eq!(doc.location, "t.warc#3");
    }

    #[test]
    fn a_truncated_last_record_is_an_error_after_the_good_ones() {
        let mut warc = record("response", "https://x.test/a", b"HTTP/1.1 200 OK\r\n\r\n<p>a</p>");
        let last = record(
            "response",
            "https://x.test/b",
            b"HTTP/1.1 200 OK\r\n\r\n<p>bbbbbbbbbbbbbbbb</p>",
        );
        warc.extend_from_slice(&last[..last.len() - 15]);
        let records: Vec<_> = from_reader(std::io::Cursor::new(warc)).unwrap().collect();
        assert_eq!(records.len(), 2);
        assert!(records[0].is_ok());
        assert!(
            matches!(records[1], Err(WarcError::Truncated { number: 2, .. })),
            "{records:?}"
        );
    }

    #[test]
    fn chunked_and_gzip_payloads_are_decoded_and_other_types_skipped() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<p>zipped</p>").unwrap();
        let zipped = gz.finish().unwrap();
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        http.extend(format!("{:x}\r\n", zipped.len()).as_bytes());
        http.extend(&zipped);
        http.extend(b"\r\n0\r\n\r\n");
        assert_eq!(http_payload(&http).ok().unwrap().body, b"<p>zipped</p>");
        let err = http_payload(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG")
            .err()
            .unwrap();
        assert_eq!(err.to_string(), "skipped: content type image/png");
        let err = http_payload(b"HTTP/1.1 301 Moved\r\nLocation: /b\r\n\r\n")
            .err()
            .unwrap();
        assert_eq!(err.status, Some(301));
    }

    #[test]
    fn an_oversized_record_is_skipped_and_the_next_one_read() {
        let huge = vec![b'x'; MAX_RECORD_BYTES as usize + 1];
        let mut warc = record("response", "https://x.test/huge", &huge);
        warc.extend(record(
            "response",
            "https://x.test/b",
            b"HTTP/1.1 200 OK\r\n\r\n<p>b</p>",
        ));
        let records: Vec<_> = from_reader(std::io::Cursor::new(warc)).unwrap().collect();
        assert!(
            matches!(&records[0], Err(WarcError::TooLarge { number: 1, uri: Some(u), .. }) if u == "https://x.test/huge"),
            "{:?}",
            records[0].as_ref().err()
        );
        assert_eq!(
            records[1].as_ref().unwrap().header("WARC-Target-URI"),
            Some("https://x.test/b")
        );
    }

    #[test]
    fn garbage_is_a_malformed_record_not_a_panic() {
        let records: Vec<_> = from_reader(std::io::Cursor::new(b"hello\r\n".to_vec()))
            .unwrap()
            .collect();
        assert!(matches!(records[..], [Err(WarcError::Malformed { number: 1, .. })]));
    }
}
