//! Export: the only module that writes output. A [`Sink`] receives every record with its
//! findings as the batch finishes it, then the corpus-level findings, then `finish`.

pub mod csv;
mod jsonl;
pub mod report;
pub mod rows;
pub mod sqlite;
pub mod tables;
pub mod tagged;

pub use self::csv::CsvSink;
pub use jsonl::{write_reduced, JsonlSink, ReduceSummary, JSONL_FILES};

pub use report::ReportSink;
pub use sqlite::SqliteSink;
pub use tables::{replay, Replayed, TableFanout, TableSink, Tables};

pub use tagged::{TaggedRow, TaggedSink};

use crate::dedup::DuplicateRow;
use crate::reconcile::{CorpusResult, Finding};
use crate::record::Record;
use rows::FigureRow;
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
    /// A previous run's output file could not be read (`export`, and a resumed run's tables).
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A SQLite operation failed (the run's transaction is rolled back).
    #[error("SQLite database {path}: {what}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// What was being done.
        what: String,
        /// The underlying error.
        source: rusqlite::Error,
    },
    /// The database was written by an incompatible version of figmine.
    #[error("SQLite database {path} has schema version {found}, this figmine writes {expected}")]
    Schema {
        /// The database file.
        path: PathBuf,
        /// Its `user_version`.
        found: i64,
        /// Ours.
        expected: i64,
    },
    /// The state kept to the end of a run could not be written to its temporary database.
    #[error(transparent)]
    Spill(#[from] crate::spill::SpillError),
    /// A line of a previous run's output could not be read back.
    #[error("{path} line {line}: {reason}")]
    BadRow {
        /// The JSONL file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// Why it was refused.
        reason: String,
    },
}

/// Several sinks fed the same results, in order (JSONL plus the `--format`s of a run).
pub struct Fanout(pub Vec<Box<dyn Sink>>);

impl Sink for Fanout {
    fn record(&mut self, record: &Record, figures: &[FigureRow], findings: &[Finding]) -> Result<(), ExportError> {
        self.0.iter_mut().try_for_each(|s| s.record(record, figures, findings))
    }

    fn corpus(&mut self, result: &CorpusResult) -> Result<(), ExportError> {
        self.0.iter_mut().try_for_each(|s| s.corpus(result))
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.0.iter_mut().try_for_each(|s| s.finish())
    }

    fn duplicate(&mut self, row: &DuplicateRow) -> Result<(), ExportError> {
        self.0.iter_mut().try_for_each(|s| s.duplicate(row))
    }

    fn flush(&mut self) -> Result<(), ExportError> {
        self.0.iter_mut().try_for_each(|s| s.flush())
    }
}

/// A destination for results, fed in input order.
pub trait Sink {
    /// Writes one record, its figure rows ([`FigureRow::all_of`], built once by the caller for
    /// every sink) and the findings of its article.
    fn record(&mut self, record: &Record, figures: &[FigureRow], findings: &[Finding]) -> Result<(), ExportError>;
    /// Writes a part of the corpus-level findings and the consolidated dataset, after every
    /// record: called once per part, in order, so each call appends to what the last one wrote.
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
