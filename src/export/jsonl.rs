//! JSON Lines output: `articles.jsonl`, `figures.jsonl`, `quotes.jsonl`, `findings.jsonl` and
//! `dataset.jsonl`, one object a line (see [`super::rows`] for the fields).

use super::rows::{ArticleRow, FigureRow, FindingRow, QuoteRow};
use super::{ExportError, Sink};
use crate::dedup::DuplicateRow;
use crate::reconcile::reduce::{Reduce, ReduceCounts, ReducedPart};
use crate::reconcile::{CorpusResult, Finding};
use crate::record::Record;
use serde::Serialize;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// One JSONL file being written.
struct JsonlFile {
    path: PathBuf,
    out: BufWriter<File>,
}

impl JsonlFile {
    fn create(dir: &Path, name: &str, append: bool) -> Result<Self, ExportError> {
        let path = dir.join(name);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(&path)
            .map_err(|source| ExportError::Io {
                path: path.clone(),
                source,
            })?;
        Ok(JsonlFile {
            path,
            out: BufWriter::new(file),
        })
    }

    fn write(&mut self, row: &impl Serialize) -> Result<(), ExportError> {
        let io = |source| ExportError::Io {
            path: self.path.clone(),
            source,
        };
        serde_json::to_writer(&mut self.out, row).map_err(|e| io(e.into()))?;
        self.out.write_all(b"\n").map_err(io)
    }

    fn flush(&mut self) -> Result<(), ExportError> {
        self.out.flush().map_err(|source| ExportError::Io {
            path: self.path.clone(),
            source,
        })
    }
}

/// Writes the four JSONL tables into an output folder.
pub struct JsonlSink {
    articles: JsonlFile,
    figures: JsonlFile,
    quotes: JsonlFile,
    findings: JsonlFile,
    dataset: JsonlFile,
    duplicates: JsonlFile,
}

/// The files [`JsonlSink`] writes, in the order a checkpoint flushes them.
pub const JSONL_FILES: [&str; 6] = [
    "figures.jsonl",
    "quotes.jsonl",
    "findings.jsonl",
    "duplicates.jsonl",
    "articles.jsonl",
    "dataset.jsonl",
];

impl JsonlSink {
    /// Creates (truncating) the files in `dir`, creating `dir` if needed.
    pub fn create(dir: &Path) -> Result<Self, ExportError> {
        Self::open(dir, false)
    }

    /// Opens the files in `dir` to append to them (resuming a run whose files were already cut
    /// back to the last checkpoint).
    pub fn append(dir: &Path) -> Result<Self, ExportError> {
        Self::open(dir, true)
    }

    fn open(dir: &Path, append: bool) -> Result<Self, ExportError> {
        std::fs::create_dir_all(dir).map_err(|source| ExportError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        Ok(JsonlSink {
            articles: JsonlFile::create(dir, "articles.jsonl", append)?,
            figures: JsonlFile::create(dir, "figures.jsonl", append)?,
            quotes: JsonlFile::create(dir, "quotes.jsonl", append)?,
            findings: JsonlFile::create(dir, "findings.jsonl", append)?,
            dataset: JsonlFile::create(dir, "dataset.jsonl", append)?,
            duplicates: JsonlFile::create(dir, "duplicates.jsonl", append)?,
        })
    }
}

impl JsonlSink {
    fn write_findings(&mut self, findings: &[Finding]) -> Result<(), ExportError> {
        findings
            .iter()
            .try_for_each(|f| self.findings.write(&FindingRow::new(f)))
    }
}

impl Sink for JsonlSink {
    fn record(&mut self, record: &Record, figures: &[FigureRow], findings: &[Finding]) -> Result<(), ExportError> {
        self.articles.write(&ArticleRow::from_record(record))?;
        for row in figures {
            self.figures.write(row)?;
        }
        for q in &record.extraction.quotes {
            self.quotes.write(&QuoteRow::new(&record.article, q))?;
        }
        self.write_findings(findings)
    }

    fn corpus(&mut self, result: &CorpusResult) -> Result<(), ExportError> {
        self.write_findings(&result.findings)?;
        result.dataset.iter().try_for_each(|d| self.dataset.write(d))
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        Sink::flush(self)
    }

    fn duplicate(&mut self, row: &DuplicateRow) -> Result<(), ExportError> {
        self.duplicates.write(row)
    }

    /// Articles last: a checkpoint names articles whose other rows are already in their files.
    fn flush(&mut self) -> Result<(), ExportError> {
        for f in [
            &mut self.figures,
            &mut self.quotes,
            &mut self.findings,
            &mut self.duplicates,
            &mut self.articles,
            &mut self.dataset,
        ] {
            f.flush()?;
        }
        Ok(())
    }
}

/// What [`write_reduced`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReduceSummary {
    /// What the reduce step read.
    pub read: ReduceCounts,
    /// Per-article findings passed through.
    pub article_findings: usize,
    /// Corpus-level findings.
    pub corpus_findings: usize,
    /// Dataset rows.
    pub dataset: usize,
}

/// Finishes the reduce step into `dir`, a piece at a time: `findings.jsonl` (the per-article
/// findings passed through, sorted, then the corpus-level ones) and `dataset.jsonl`.
pub fn write_reduced(dir: &Path, reduce: Reduce) -> Result<ReduceSummary, ExportError> {
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut findings = JsonlFile::create(dir, "findings.jsonl", false)?;
    let mut dataset = JsonlFile::create(dir, "dataset.jsonl", false)?;
    let (mut article_findings, mut corpus_findings, mut rows) = (0, 0, 0);
    let read = reduce.finish_with(|part| match part {
        ReducedPart::ArticleFinding(f) => {
            article_findings += 1;
            findings.write(&f)
        }
        ReducedPart::Corpus(part) => {
            corpus_findings += part.findings.len();
            rows += part.dataset.len();
            part.findings
                .iter()
                .try_for_each(|f| findings.write(&FindingRow::new(f)))?;
            part.dataset.iter().try_for_each(|d| dataset.write(d))
        }
    })?;
    findings.flush()?;
    dataset.flush()?;
    Ok(ReduceSummary {
        read,
        article_findings,
        corpus_findings,
        dataset: rows,
    })
}
