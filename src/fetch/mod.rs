//! Fetch: where the bytes of a document come from.
//!
//! A [`Source`] names an input: a local file, a line of the map input, or a web page or WARC
//! record that the fetch pool has already fetched. [`fetch`] turns a source into a [`Document`]:
//! its raw body, decompressed and size-capped, plus what is known about its format. This stage
//! knows nothing of HTML.
//!
//! Web pages are fetched by a [`Fetcher`] (see `http.rs`) on its own pool of threads
//! ([`fetch_all`]), never on the CPU pool of the batch; feeds and sitemaps expand into page URLs
//! ([`feed`], [`sitemap`]); WARC files stream their response records ([`warc`]).

mod address;
mod cache;
pub mod feed;
mod file;
mod http;
pub mod jsonl;
mod pool;
mod robots;
pub mod sitemap;
pub mod warc;

pub use file::{discover, FileSource};
pub use http::{FetchSettings, Fetcher, Outcome, Stats, DEFAULT_USER_AGENT};
pub use pool::{fetch_all, Ordered, WebItem};
pub use robots::KEPT_ROBOTS_RULES;

use std::path::PathBuf;

/// The largest body figmine reads for one document, after decompression (64 MiB).
///
/// Bigger inputs are recorded as errors rather than exhausting memory (a gzip bomb stops here).
pub const MAX_BODY_BYTES: u64 = 64 * 1024 * 1024;

/// One input to process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A local file found under an input root.
    File(FileSource),
    /// A document that arrived whole, as a line of the map input (`figmine extract --stdin`).
    Inline(Box<Document>),
    /// A web page or WARC record whose fetching already ended, well or not.
    Fetched(Box<Fetched>),
}

/// How fetching one web page or WARC record ended: every URL becomes exactly one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The stable id: the URL as requested (or a WARC record's target URI).
    pub id: String,
    /// Whether the document came from the cache (revalidated, or `--offline`).
    pub cached: bool,
    /// The redirects followed, in order; the last is the document's final URL.
    pub redirects: Vec<String>,
    /// The document, or why there is none.
    pub result: Result<Document, WebFailure>,
}

impl Fetched {
    /// How fetching ended.
    pub fn outcome(&self) -> Outcome {
        match &self.result {
            Ok(_) if self.cached => Outcome::Cached,
            Ok(_) => Outcome::Fetched,
            Err(failure) => failure.outcome,
        }
    }

    /// A source that failed or was skipped before any request (a bad URL, a feed that failed).
    pub fn failure(id: impl Into<String>, failure: WebFailure) -> Self {
        Fetched {
            id: id.into(),
            cached: false,
            redirects: Vec::new(),
            result: Err(failure),
        }
    }
}

/// Why a web page or WARC record gave no document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebFailure {
    /// Skipped on purpose (robots.txt, content type, size) or failed (HTTP status, network).
    pub outcome: Outcome,
    /// The HTTP status, when the server answered.
    pub status: Option<u16>,
    /// What happened, in words.
    pub reason: String,
}

impl WebFailure {
    /// A skip (robots.txt, content type, size) with its reason.
    pub fn skipped(reason: impl Into<String>) -> Self {
        WebFailure {
            outcome: Outcome::Skipped,
            status: None,
            reason: reason.into(),
        }
    }

    /// A failure with its reason.
    pub fn failed(reason: impl Into<String>) -> Self {
        WebFailure {
            outcome: Outcome::Failed,
            status: None,
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for WebFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.outcome {
            Outcome::Skipped => write!(f, "skipped: {}", self.reason),
            _ => f.write_str(&self.reason),
        }
    }
}

impl Source {
    /// The stable id used in every output row and error: the path relative to its input root.
    pub fn id(&self) -> String {
        match self {
            Source::File(f) => f.id(),
            Source::Inline(d) => d.id.clone(),
            Source::Fetched(f) => f.id.clone(),
        }
    }

    /// Where the input came from, as the user would name it (a path or a URL).
    pub fn location(&self) -> String {
        match self {
            Source::File(f) => f.path.display().to_string(),
            Source::Inline(d) => d.location.clone(),
            Source::Fetched(f) => match &f.result {
                Ok(doc) => doc.location.clone(),
                Err(_) => f.id.clone(),
            },
        }
    }
}

/// How a document's body is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocFormat {
    /// An HTML page.
    Html,
    /// A plain-text article: headline on the first line, blank lines between paragraphs.
    Text,
    /// Plain-text paragraphs only, separated by blank lines (no headline or header lines).
    Body,
}

/// A fetched document: the raw bytes and what is known about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable id (see [`Source::id`]).
    pub id: String,
    /// Path or URL the bytes came from.
    pub location: String,
    /// Final URL for web documents.
    pub url: Option<String>,
    /// The body, already decompressed.
    pub body: Vec<u8>,
    /// Whether to read the body as HTML or text.
    pub format: DocFormat,
    /// A charset named by the transport (an HTTP header), if any.
    pub charset: Option<String>,
    /// A publication date known from outside the body (ISO), used when the body states none.
    pub published: Option<String>,
}

/// Why a source could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A gzip stream ended early or is corrupt.
    #[error("corrupt or truncated gzip in {path}: {reason}")]
    Gzip {
        /// The file.
        path: PathBuf,
        /// What the decoder said.
        reason: String,
    },
    /// The body is larger than [`MAX_BODY_BYTES`].
    #[error("{path} is larger than the {limit}-byte limit")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit that was hit.
        limit: u64,
    },
    /// A line of the map input is not a valid input object.
    #[error("bad input line {line}: {reason}")]
    BadInput {
        /// The input's id when it could be read, else `line-<n>`.
        id: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// A web page or WARC record was skipped or failed (its URL is the record's id).
    #[error("{failure}")]
    Web {
        /// The URL as requested.
        url: String,
        /// What happened.
        failure: WebFailure,
    },
    /// The HTTP client or its cache could not be set up.
    #[error("cannot set up fetching: {reason}")]
    Setup {
        /// What went wrong.
        reason: String,
    },
    /// Walking an input folder failed (a symlink loop, a permission error).
    #[error("cannot walk {path}: {reason}")]
    Walk {
        /// The id the input would have had (its path relative to the input root).
        id: String,
        /// The path where walking failed.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
}

impl FetchError {
    /// Whether the input was skipped on purpose (robots.txt, content type, size) rather than
    /// failed.
    pub fn is_skip(&self) -> bool {
        matches!(self, FetchError::Web { failure, .. } if failure.outcome == Outcome::Skipped)
    }
}

/// Fetches the bytes of one source.
pub fn fetch(source: &Source) -> Result<Document, FetchError> {
    match source {
        Source::File(f) => file::read_file(f),
        Source::Inline(d) => Ok((**d).clone()),
        Source::Fetched(f) => f.result.clone().map_err(|failure| FetchError::Web {
            url: f.id.clone(),
            failure,
        }),
    }
}

/// [`fetch`] of a source that is not needed afterwards: a document already in memory (a map
/// input line, a page fetched ahead) is moved out instead of copied (a real page is some
/// 185 KB, and the copy was 2% of the map step's work).
pub fn fetch_owned(source: Source) -> Result<Document, FetchError> {
    match source {
        Source::Inline(d) => Ok(*d),
        Source::Fetched(f) => {
            let Fetched { id, result, .. } = *f;
            result.map_err(|failure| FetchError::Web { url: id, failure })
        }
        Source::File(_) => fetch(&source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source fetched by value gives what fetching it by reference gives: the document in
    /// memory moved out, a failure as the same error.
    #[test]
    fn fetching_an_owned_source_gives_what_fetching_it_gives() {
        let doc = Document {
            id: "a".into(),
            location: "https://example.org/a".into(),
            url: Some("https://example.org/a".into()),
            body: b"<p>3 requests</p>".to_vec(),
            format: DocFormat::Html,
            charset: Some("utf-8".into()),
            published: Some("2015-02-01".into()),
        };
        let inline = Source::Inline(Box::new(doc.clone()));
        assert_eq!(fetch(&inline).unwrap(), doc);
        assert_eq!(fetch_owned(inline).unwrap(), doc);
        let fetched = |result| {
            Source::Fetched(Box::new(Fetched {
                id: "https://example.org/b".into(),
                cached: false,
                redirects: Vec::new(),
                result,
            }))
        };
        let good = fetched(Ok(doc.clone()));
        assert_eq!(fetch(&good).unwrap(), doc);
        assert_eq!(fetch_owned(good).unwrap(), doc);
        let bad = fetched(Err(WebFailure::failed("HTTP 500")));
        let by_ref = fetch(&bad).unwrap_err();
        match (fetch_owned(bad).unwrap_err(), by_ref) {
            (
                FetchError::Web { url, failure },
                FetchError::Web {
                    url: url2,
                    failure: failure2,
                },
            ) => {
                assert_eq!((&url, &failure), (&url2, &failure2));
                assert_eq!(
                    (url.as_str(), failure.reason.as_str()),
                    ("https://example.org/b", "HTTP 500")
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
