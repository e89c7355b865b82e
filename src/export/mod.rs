//! Export: the only module that writes output. A [`Sink`] receives every record with its
//! findings as the batch finishes it, then the corpus-level findings, then `finish`.

mod jsonl;
pub mod rows;
pub mod tagged;

pub use jsonl::{JsonlSink, JSONL_FILES};
pub use tagged::{TaggedRow, TaggedSink};

use crate::dedup::DuplicateRow;
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
    /// Records that an article duplicates an earlier one (`duplicates.jsonl`); sinks without a
    /// place for it ignore it.
    fn duplicate(&mut self, row: &DuplicateRow) -> Result<(), ExportError> {
        let _ = row;
        Ok(())
    }
    /// Pushes everything written so far to the files, so that a checkpoint taken after it is
    /// true even if the process is killed the next instant.
    fn flush(&mut self) -> Result<(), ExportError> {
        Ok(())
    }
}
