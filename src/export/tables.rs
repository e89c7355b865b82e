//! The table view of results that the CSV, SQLite and report writers share: each article with
//! its rows, then the corpus-level rows. A [`TableSink`] can be fed by a live run (through
//! [`Tables`], a [`Sink`]) or from a previous run's JSONL files ([`replay`]), which is how
//! `figmine export` works.

use super::rows::{ArticleRow, FigureRow, FindingRow, QuoteRow};
use super::{ExportError, Sink};
use crate::dedup::DuplicateRow;
use crate::reconcile::{CorpusResult, DatasetEntry, Finding};
use crate::record::Record;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// A row of `dataset.jsonl`: the reconciler's entry, written and read back as it is.
pub type DatasetRow = DatasetEntry;

/// One article with everything extracted from it and the findings about it alone.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleTables {
    /// The article (its `error` is set when the input failed).
    pub article: ArticleRow,
    /// Its figures, in text order.
    pub figures: Vec<FigureRow>,
    /// Its quotes.
    pub quotes: Vec<QuoteRow>,
    /// Findings within this article.
    pub findings: Vec<FindingRow>,
}

impl ArticleTables {
    /// The tables of one record, its figure rows and its findings.
    pub fn from_record(record: &Record, figures: &[FigureRow], findings: &[Finding]) -> Self {
        let article = &record.article;
        ArticleTables {
            article: ArticleRow::from_record(record),
            figures: figures.to_vec(),
            quotes: record
                .extraction
                .quotes
                .iter()
                .map(|q| QuoteRow::new(article, q))
                .collect(),
            findings: findings.iter().map(FindingRow::new).collect(),
        }
    }
}

/// The corpus-level rows: findings across articles and the consolidated dataset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusTables {
    /// Findings that involve several articles.
    pub findings: Vec<FindingRow>,
    /// One row per (entity, measure, period).
    pub dataset: Vec<DatasetRow>,
}

impl From<&CorpusResult> for CorpusTables {
    fn from(r: &CorpusResult) -> Self {
        CorpusTables {
            findings: r.findings.iter().map(FindingRow::new).collect(),
            dataset: r.dataset.clone(),
        }
    }
}

/// A writer of tables: articles one at a time in input order, then the corpus rows, then finish.
pub trait TableSink {
    /// Writes one article's rows.
    fn article(&mut self, tables: &ArticleTables) -> Result<(), ExportError>;
    /// Writes a part of the corpus-level rows, after every article (called once per part,
    /// appending).
    fn corpus(&mut self, tables: &CorpusTables) -> Result<(), ExportError>;
    /// Completes the output; until then it may be partial (or, for SQLite, not visible at all).
    fn finish(&mut self) -> Result<(), ExportError>;
    /// Writes that an article duplicates an earlier one (in input order, among the articles in
    /// a live run, after them in a replay); sinks without a place for it ignore it.
    fn duplicate(&mut self, row: &DuplicateRow) -> Result<(), ExportError> {
        let _ = row;
        Ok(())
    }
}

/// Adapts a [`TableSink`] to the batch's [`Sink`].
pub struct Tables<T: TableSink>(pub T);

impl<T: TableSink> Sink for Tables<T> {
    fn record(&mut self, record: &Record, figures: &[FigureRow], findings: &[Finding]) -> Result<(), ExportError> {
        self.0.article(&ArticleTables::from_record(record, figures, findings))
    }

    fn corpus(&mut self, result: &CorpusResult) -> Result<(), ExportError> {
        self.0.corpus(&CorpusTables::from(result))
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.0.finish()
    }

    fn duplicate(&mut self, row: &DuplicateRow) -> Result<(), ExportError> {
        self.0.duplicate(row)
    }
}

/// What [`replay`] fed to its sink.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replayed {
    /// Articles (rows of `articles.jsonl`).
    pub articles: usize,
    /// Figure, quote and finding rows naming an article that `articles.jsonl` lacks: not written.
    pub orphans: usize,
}

/// Feeds a previous run's output folder (`articles.jsonl`, `figures.jsonl`, `quotes.jsonl`,
/// `findings.jsonl`, `dataset.jsonl`) to `sink`, in the order of `articles.jsonl`. A malformed
/// line is an error naming the file and line.
pub fn replay(dir: &Path, sink: &mut dyn TableSink) -> Result<Replayed, ExportError> {
    let articles: Vec<ArticleRow> = read_jsonl(&dir.join("articles.jsonl"))?;
    let mut figures = group_by_article(read_jsonl(&dir.join("figures.jsonl"))?, |f: &FigureRow| {
        Some(f.article.clone())
    });
    let mut quotes = group_by_article(read_jsonl(&dir.join("quotes.jsonl"))?, |q: &QuoteRow| {
        Some(q.article.clone())
    });
    let mut findings = group_by_article(read_jsonl(&dir.join("findings.jsonl"))?, |f: &FindingRow| {
        f.article.clone()
    });
    let dataset: Vec<DatasetRow> = read_jsonl(&dir.join("dataset.jsonl"))?;
    let count = articles.len();
    for article in articles {
        let id = Some(article.id.clone());
        let tables = ArticleTables {
            figures: figures.remove(&id).unwrap_or_default(),
            quotes: quotes.remove(&id).unwrap_or_default(),
            findings: findings.remove(&id).unwrap_or_default(),
            article,
        };
        sink.article(&tables)?;
    }
    for row in read_jsonl::<DuplicateRow>(&dir.join("duplicates.jsonl"))? {
        sink.duplicate(&row)?;
    }
    let corpus = CorpusTables {
        findings: findings.remove(&None).unwrap_or_default(),
        dataset,
    };
    let orphans = [
        figures.values().map(Vec::len).sum::<usize>(),
        quotes.values().map(Vec::len).sum(),
        findings.values().map(Vec::len).sum(),
    ];
    sink.corpus(&corpus)?;
    sink.finish()?;
    Ok(Replayed {
        articles: count,
        orphans: orphans.iter().sum(),
    })
}

/// Rows grouped by their article (`None` for corpus-level rows), keeping their order.
fn group_by_article<R>(rows: Vec<R>, article: impl Fn(&R) -> Option<String>) -> HashMap<Option<String>, Vec<R>> {
    let mut groups: HashMap<Option<String>, Vec<R>> = HashMap::new();
    for row in rows {
        groups.entry(article(&row)).or_default().push(row);
    }
    groups
}

/// Every row of a JSONL file; a missing file is an empty table (older runs lack some files).
fn read_jsonl<R: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<R>, ExportError> {
    let io = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(e)),
    };
    let mut rows = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let row = serde_json::from_str(&line).map_err(|e| bad_line(path, n + 1, e))?;
        rows.push(row);
    }
    Ok(rows)
}

fn bad_line(path: &Path, line: usize, e: serde_json::Error) -> ExportError {
    ExportError::BadRow {
        path: PathBuf::from(path),
        line,
        reason: e.to_string(),
    }
}

/// Several table sinks fed the same rows (the `--format`s of one run or export).
pub struct TableFanout(pub Vec<Box<dyn TableSink>>);

impl TableSink for TableFanout {
    fn article(&mut self, tables: &ArticleTables) -> Result<(), ExportError> {
        self.0.iter_mut().try_for_each(|s| s.article(tables))
    }

    fn corpus(&mut self, tables: &CorpusTables) -> Result<(), ExportError> {
        self.0.iter_mut().try_for_each(|s| s.corpus(tables))
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.0.iter_mut().try_for_each(|s| s.finish())
    }

    fn duplicate(&mut self, row: &DuplicateRow) -> Result<(), ExportError> {
        self.0.iter_mut().try_for_each(|s| s.duplicate(row))
    }
}
