//! Record: one input's complete result — the article and what was extracted from it, or the
//! reason it failed. Every input ends as exactly one record.

use crate::extract::Extraction;
use crate::read::Article;

/// The stage at which an input failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Getting the bytes (I/O, gzip, HTTP).
    Fetch,
    /// Turning bytes into an article (encoding, binary, empty).
    Read,
    /// Extraction ran out of its time budget or panicked.
    Extract,
}

impl Stage {
    /// The stage's name as written in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Fetch => "fetch",
            Stage::Read => "read",
            Stage::Extract => "extract",
        }
    }
}

/// A per-document failure, kept as data in the output.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// Where it failed.
    pub stage: Stage,
    /// Why, in words.
    pub reason: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.stage.name(), self.reason)
    }
}

/// One input's result.
#[derive(Debug, Clone)]
pub struct Record {
    /// The article; for a failed input only its id and source are set.
    pub article: Article,
    /// What was extracted (empty for a failed input).
    pub extraction: Extraction,
    /// Why the input failed, if it did.
    pub failure: Option<Failure>,
}

impl Record {
    /// A record for an input that failed at `stage`.
    pub fn failed(id: String, source: String, stage: Stage, reason: impl ToString) -> Record {
        Record {
            article: Article {
                id,
                source,
                ..Article::default()
            },
            extraction: Extraction::default(),
            failure: Some(Failure {
                stage,
                reason: reason.to_string(),
            }),
        }
    }
}
