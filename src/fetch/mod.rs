//! Fetch: where the bytes of a document come from.
//!
//! A [`Source`] names an input (a local file today; URLs, feeds and WARC records plug in here
//! later). [`fetch`] turns a source into a [`Document`]: its raw body, decompressed and
//! size-capped, plus what is known about its format. This stage knows nothing of HTML.

mod file;
pub mod jsonl;

pub use file::{discover, FileSource};

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
}

impl Source {
    /// The stable id used in every output row and error: the path relative to its input root.
    pub fn id(&self) -> String {
        match self {
            Source::File(f) => f.id(),
            Source::Inline(d) => d.id.clone(),
        }
    }

    /// Where the input came from, as the user would name it (a path or a URL).
    pub fn location(&self) -> String {
        match self {
            Source::File(f) => f.path.display().to_string(),
            Source::Inline(d) => d.location.clone(),
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

/// Fetches the bytes of one source.
pub fn fetch(source: &Source) -> Result<Document, FetchError> {
    match source {
        Source::File(f) => file::read_file(f),
        Source::Inline(d) => Ok((**d).clone()),
    }
}
