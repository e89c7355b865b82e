//! The map output: every row of every table on one stream, tagged by `"type"`
//! (`article`, `figure`, `quote`, `finding`, `error`), as `figmine extract --stdin` writes it and
//! `figmine reconcile` reads it back.

use super::rows::{ArticleRow, FigureRow, FindingRow, QuoteRow};
use super::{ExportError, Sink};
use crate::reconcile::{CorpusResult, Finding};
use crate::record::Record;
use serde::{Deserialize, Serialize};
use std::io::Write;

/// One line of the map output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum TaggedRow {
    /// An article that was read.
    Article(ArticleRow),
    /// A figure.
    Figure(FigureRow),
    /// A quote.
    Quote(QuoteRow),
    /// A finding (per article in the map step, corpus-level in the reduce step).
    Finding(FindingRow),
    /// An input that could not be processed.
    Error(ErrorRow),
}

/// An input that failed, with its id and reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorRow {
    /// The input's id (`line-<n>` when the line had none).
    pub id: String,
    /// `"<stage>: <reason>"`.
    pub error: String,
}

/// Writes tagged rows to any writer (standard output in the map step), one JSON object a line.
pub struct TaggedSink<W: Write> {
    out: W,
    /// Whether corpus-level results are written too (not in the map step, where a partition
    /// sees only part of the corpus).
    with_corpus: bool,
}

impl<W: Write> TaggedSink<W> {
    /// A sink over `out`; `with_corpus` decides whether corpus findings are written.
    pub fn new(out: W, with_corpus: bool) -> Self {
        TaggedSink { out, with_corpus }
    }

    fn write(&mut self, row: &TaggedRow) -> Result<(), ExportError> {
        let io = |source| ExportError::Io {
            path: "<stdout>".into(),
            source,
        };
        serde_json::to_writer(&mut self.out, row).map_err(|e| io(e.into()))?;
        self.out.write_all(b"\n").map_err(io)
    }
}

impl<W: Write> Sink for TaggedSink<W> {
    fn record(&mut self, record: &Record, figures: &[FigureRow], findings: &[Finding]) -> Result<(), ExportError> {
        let article = &record.article;
        if let Some(failure) = &record.failure {
            return self.write(&TaggedRow::Error(ErrorRow {
                id: article.id.clone(),
                error: failure.to_string(),
            }));
        }
        self.write(&TaggedRow::Article(ArticleRow::from_record(record)))?;
        for row in figures {
            self.write(&TaggedRow::Figure(row.clone()))?;
        }
        for q in &record.extraction.quotes {
            self.write(&TaggedRow::Quote(QuoteRow::new(article, q)))?;
        }
        findings
            .iter()
            .try_for_each(|f| self.write(&TaggedRow::Finding(FindingRow::new(f))))?;
        // Flush per input so a downstream reader sees each article as soon as it is done.
        self.out.flush().map_err(|source| ExportError::Io {
            path: "<stdout>".into(),
            source,
        })
    }

    fn corpus(&mut self, result: &CorpusResult) -> Result<(), ExportError> {
        if self.with_corpus {
            for f in &result.findings {
                self.write(&TaggedRow::Finding(FindingRow::new(f)))?;
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.out.flush().map_err(|source| ExportError::Io {
            path: "<stdout>".into(),
            source,
        })
    }
}
