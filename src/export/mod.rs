//! Export: the only module that writes output. A [`Sink`] receives every record with its
//! findings as the batch finishes it, then the corpus-level findings, then `finish`.

mod jsonl;
pub mod rows;
pub mod tagged;

pub use jsonl::{write_reduced, JsonlSink};
pub use tagged::{TaggedRow, TaggedSink};

use crate::reconcile::{CorpusResult, Finding};
use crate::record::Record;
use std::path::PathBuf;

/// Why output could not be written. Fatal for a run: figmine never loses results silently.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A file could not be created or written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// A destination for results, fed in input order.
pub trait Sink {
    /// Writes one record and the findings of its article.
    fn record(&mut self, record: &Record, findings: &[Finding]) -> Result<(), ExportError>;
    /// Writes the corpus-level findings and the consolidated dataset, after every record.
    fn corpus(&mut self, result: &CorpusResult) -> Result<(), ExportError>;
    /// Flushes and closes everything.
    fn finish(&mut self) -> Result<(), ExportError>;
}
