//! CSV output: `articles.csv` (without the full text), `figures.csv`, `quotes.csv`,
//! `findings.csv`, `dataset.csv` and `duplicates.csv`. RFC 4180: comma-separated, CRLF line ends, fields quoted
//! when they hold a comma, quote or line break; UTF-8 without a byte-order mark; a header row.
//!
//! Column order is part of the output contract (README "Export"): the `*_COLUMNS` constants.
//! Empty cells are nulls; lists and JSON values are JSON text in one cell; booleans are `true`
//! and `false`; whole numbers are written without a decimal point.

use super::rows::{ArticleRow, FigureRow, FindingRow, QuoteRow};
use super::tables::{ArticleTables, CorpusTables, DatasetRow, TableSink};
use super::ExportError;
use crate::dedup::DuplicateRow;
use std::fs::File;
use std::path::{Path, PathBuf};

/// Columns of `articles.csv`; `text_bytes` is the length of the text the offsets index.
pub const ARTICLE_COLUMNS: [&str; 7] = ["id", "source", "title", "published", "publisher", "error", "text_bytes"];
/// Columns of `figures.csv`.
pub const FIGURE_COLUMNS: [&str; 18] = [
    "article",
    "start",
    "end",
    "text",
    "kind",
    "value",
    "low",
    "high",
    "approx",
    "unit",
    "measure",
    "entity",
    "period",
    "compared_value",
    "compared_period",
    "compared_direction",
    "in_quote",
    "sentence",
];
/// Columns of `quotes.csv`.
pub const QUOTE_COLUMNS: [&str; 9] = [
    "article",
    "start",
    "end",
    "speaker",
    "speaker_text",
    "role",
    "cue",
    "paragraphs",
    "text",
];
/// Columns of `findings.csv`; `articles`, `evidence`, `expected` and `stated` are JSON.
pub const FINDING_COLUMNS: [&str; 8] = [
    "article", "articles", "rule", "severity", "message", "evidence", "expected", "stated",
];
/// Columns of `dataset.csv`; `sources` is a JSON list of article ids.
pub const DATASET_COLUMNS: [&str; 8] = [
    "entity", "measure", "period", "kind", "value", "articles", "sources", "conflict",
];

/// Columns of `duplicates.csv`: the article, the earlier one it copies, `exact` or `near`, how it
/// was recognised (`url`, `content`, `minhash`) and, for a near copy, the estimated similarity.
pub const DUPLICATE_COLUMNS: [&str; 5] = ["id", "duplicate_of", "kind", "by", "similarity"];

/// One CSV table being written.
struct Table {
    path: PathBuf,
    out: csv::Writer<File>,
}

impl Table {
    fn create(dir: &Path, name: &str, header: &[&str]) -> Result<Self, ExportError> {
        let path = dir.join(name);
        let file = File::create(&path).map_err(|source| ExportError::Io {
            path: path.clone(),
            source,
        })?;
        let out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(file);
        let mut table = Table { path, out };
        table.write(header.iter().map(|h| h.to_string()).collect())?;
        Ok(table)
    }

    fn write(&mut self, cells: Vec<String>) -> Result<(), ExportError> {
        self.out.write_record(&cells).map_err(|e| self.error(e))
    }

    fn flush(&mut self) -> Result<(), ExportError> {
        self.out.flush().map_err(|source| ExportError::Io {
            path: self.path.clone(),
            source,
        })
    }

    fn error(&self, e: csv::Error) -> ExportError {
        ExportError::Io {
            path: self.path.clone(),
            source: e.into(),
        }
    }
}

/// Writes the six CSV tables into a folder.
pub struct CsvSink {
    articles: Table,
    figures: Table,
    quotes: Table,
    findings: Table,
    dataset: Table,
    duplicates: Table,
}

impl CsvSink {
    /// Creates (truncating) the six files in `dir`, creating `dir` if needed.
    pub fn create(dir: &Path) -> Result<Self, ExportError> {
        std::fs::create_dir_all(dir).map_err(|source| ExportError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        Ok(CsvSink {
            articles: Table::create(dir, "articles.csv", &ARTICLE_COLUMNS)?,
            figures: Table::create(dir, "figures.csv", &FIGURE_COLUMNS)?,
            quotes: Table::create(dir, "quotes.csv", &QUOTE_COLUMNS)?,
            findings: Table::create(dir, "findings.csv", &FINDING_COLUMNS)?,
            dataset: Table::create(dir, "dataset.csv", &DATASET_COLUMNS)?,
            duplicates: Table::create(dir, "duplicates.csv", &DUPLICATE_COLUMNS)?,
        })
    }
}

impl TableSink for CsvSink {
    fn article(&mut self, t: &ArticleTables) -> Result<(), ExportError> {
        self.articles.write(article_cells(&t.article))?;
        for f in &t.figures {
            self.figures.write(figure_cells(f))?;
        }
        for q in &t.quotes {
            self.quotes.write(quote_cells(q))?;
        }
        for f in &t.findings {
            self.findings.write(finding_cells(f))?;
        }
        Ok(())
    }

    fn corpus(&mut self, t: &CorpusTables) -> Result<(), ExportError> {
        for f in &t.findings {
            self.findings.write(finding_cells(f))?;
        }
        for d in &t.dataset {
            self.dataset.write(dataset_cells(d))?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        for t in [
            &mut self.articles,
            &mut self.figures,
            &mut self.quotes,
            &mut self.findings,
            &mut self.dataset,
            &mut self.duplicates,
        ] {
            t.flush()?;
        }
        Ok(())
    }

    fn duplicate(&mut self, row: &DuplicateRow) -> Result<(), ExportError> {
        self.duplicates.write(duplicate_cells(row))
    }
}

fn duplicate_cells(d: &DuplicateRow) -> Vec<String> {
    vec![
        d.id.clone(),
        d.duplicate_of.clone(),
        d.kind.name().to_owned(),
        d.by.name().to_owned(),
        opt_number(d.similarity),
    ]
}

fn article_cells(a: &ArticleRow) -> Vec<String> {
    vec![
        a.id.clone(),
        a.source.clone(),
        opt(&a.title),
        opt(&a.published),
        opt(&a.publisher),
        opt(&a.error),
        a.text.len().to_string(),
    ]
}

fn figure_cells(f: &FigureRow) -> Vec<String> {
    let cmp = f.compared_to.as_ref();
    vec![
        f.article.clone(),
        f.start.to_string(),
        f.end.to_string(),
        f.text.clone(),
        f.kind.clone(),
        opt_number(f.value),
        opt_number(f.low),
        opt_number(f.high),
        opt(&f.approx),
        opt(&f.unit),
        opt(&f.measure),
        opt(&f.entity),
        opt(&f.period),
        opt_number(cmp.map(|c| c.value)),
        cmp.and_then(|c| c.period.clone()).unwrap_or_default(),
        cmp.map(|c| c.direction.clone()).unwrap_or_default(),
        f.in_quote.to_string(),
        f.sentence.to_string(),
    ]
}

fn quote_cells(q: &QuoteRow) -> Vec<String> {
    vec![
        q.article.clone(),
        q.start.to_string(),
        q.end.to_string(),
        opt(&q.speaker),
        opt(&q.speaker_text),
        opt(&q.role),
        opt(&q.cue),
        q.paragraphs.to_string(),
        q.text.clone(),
    ]
}

fn finding_cells(f: &FindingRow) -> Vec<String> {
    vec![
        opt(&f.article),
        json(&f.articles),
        f.rule.clone(),
        f.severity.clone(),
        f.message.clone(),
        json(&f.evidence),
        f.expected.as_ref().map(json).unwrap_or_default(),
        f.stated.as_ref().map(json).unwrap_or_default(),
    ]
}

fn dataset_cells(d: &DatasetRow) -> Vec<String> {
    vec![
        d.entity.clone(),
        d.measure.clone(),
        d.period.clone(),
        d.kind.clone(),
        number(d.value),
        d.articles.to_string(),
        json(&d.sources),
        d.conflict.to_string(),
    ]
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn opt_number(v: Option<f64>) -> String {
    v.map(number).unwrap_or_default()
}

/// `31002` rather than `31002.0`, so spreadsheets and pandas read whole numbers as integers.
pub(crate) fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        v.to_string()
    }
}

fn json(v: &impl serde::Serialize) -> String {
    // Serialising plain rows and JSON values cannot fail (no maps with non-string keys).
    serde_json::to_string(v).unwrap_or_default()
}
