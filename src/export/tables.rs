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
    /// Figure, quote and finding rows naming an article that `articles.jsonl` lacks, or that come
    /// after a later article's rows in their file (figmine writes each file in article order):
    /// not written.
    pub orphans: usize,
}

/// Feeds a previous run's output folder (`articles.jsonl`, `figures.jsonl`, `quotes.jsonl`,
/// `findings.jsonl`, `duplicates.jsonl`, `dataset.jsonl`) to `sink`, in the order of
/// `articles.jsonl`. A malformed line is an error naming the file and line.
///
/// The files are read side by side, each article's rows as its turn comes, so memory holds one
/// article's rows and a map of the article ids (a first pass over `articles.jsonl`), not the run:
/// a 100,000-article run took 1.1 GB to export when every file was read whole.
pub fn replay(dir: &Path, sink: &mut dyn TableSink) -> Result<Replayed, ExportError> {
    let order = ArticleOrder::read(&dir.join("articles.jsonl"))?;
    let mut figures = Rows::open(&dir.join("figures.jsonl"), |f: &FigureRow| Some(f.article.as_str()))?;
    let mut quotes = Rows::open(&dir.join("quotes.jsonl"), |q: &QuoteRow| Some(q.article.as_str()))?;
    let mut findings = Rows::open(&dir.join("findings.jsonl"), |f: &FindingRow| f.article.as_deref())?;
    let mut articles = 0;
    for (place, article) in Rows::open(&dir.join("articles.jsonl"), |_: &ArticleRow| None)?.enumerate() {
        let article = article?;
        let tables = ArticleTables {
            figures: figures.take_for(&article.id, place, &order)?,
            quotes: quotes.take_for(&article.id, place, &order)?,
            findings: findings.take_for(&article.id, place, &order)?,
            article,
        };
        sink.article(&tables)?;
        articles += 1;
    }
    for row in Rows::open(&dir.join("duplicates.jsonl"), |_: &DuplicateRow| None)? {
        sink.duplicate(&row?)?;
    }
    // What is left: corpus-level findings, fed in parts, then the dataset; and rows of no
    // article of the run.
    figures.take_for("", usize::MAX, &order)?;
    quotes.take_for("", usize::MAX, &order)?;
    loop {
        let part = findings.corpus_level_part(CORPUS_PART)?;
        if part.is_empty() {
            break;
        }
        sink.corpus(&CorpusTables {
            findings: part,
            dataset: Vec::new(),
        })?;
    }
    let dataset = Rows::open(&dir.join("dataset.jsonl"), |_: &DatasetRow| None)?;
    sink.corpus(&CorpusTables {
        findings: Vec::new(),
        dataset: dataset.collect::<Result<_, _>>()?,
    })?;
    sink.finish()?;
    Ok(Replayed {
        articles,
        orphans: figures.orphans + quotes.orphans + findings.orphans,
    })
}

/// How many corpus-level findings [`replay`] feeds its sink at a time: a cross-document finding
/// lists every article involved, and a 100,000-article run has 43 MB of them.
const CORPUS_PART: usize = 256;

/// Where each article stands in `articles.jsonl`, by a hash of its id: whether a row naming
/// another article than the current one is for a later article (wait for it) or not (an orphan).
struct ArticleOrder(HashMap<u64, usize>);

impl ArticleOrder {
    fn read(path: &Path) -> Result<Self, ExportError> {
        #[derive(serde::Deserialize)]
        struct Id {
            id: String,
        }
        let mut places = HashMap::new();
        for (place, row) in Rows::open(path, |_: &Id| None)?.enumerate() {
            places.insert(crate::dedup::fnv1a(row?.id.as_bytes()), place);
        }
        Ok(ArticleOrder(places))
    }

    /// How many articles there are.
    fn len(&self) -> usize {
        self.0.len()
    }

    fn place(&self, id: &str) -> Option<usize> {
        self.0.get(&crate::dedup::fnv1a(id.as_bytes())).copied()
    }
}

/// The rows of one JSONL file read one at a time; a missing file has none (older runs lack
/// some files).
struct Rows<R> {
    path: PathBuf,
    lines: Option<std::io::Lines<std::io::BufReader<std::fs::File>>>,
    line: usize,
    next: Option<R>,
    /// The article a row is about; `None` for a corpus-level row.
    article: fn(&R) -> Option<&str>,
    /// Corpus-level rows met so far.
    corpus_level: Vec<R>,
    /// Rows skipped as naming no article of the run, or an earlier one.
    orphans: usize,
}

impl<R: serde::de::DeserializeOwned> Rows<R> {
    fn open(path: &Path, article: fn(&R) -> Option<&str>) -> Result<Self, ExportError> {
        let lines = match std::fs::File::open(path) {
            Ok(f) => Some(std::io::BufReader::new(f).lines()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => {
                return Err(ExportError::Io {
                    path: path.to_path_buf(),
                    source,
                })
            }
        };
        Ok(Rows {
            path: path.to_path_buf(),
            lines,
            line: 0,
            next: None,
            article,
            corpus_level: Vec::new(),
            orphans: 0,
        })
    }

    /// The next row, without taking it.
    fn peek(&mut self) -> Result<Option<&R>, ExportError> {
        if self.next.is_none() {
            self.next = self.read_row()?;
        }
        Ok(self.next.as_ref())
    }

    fn read_row(&mut self) -> Result<Option<R>, ExportError> {
        let Some(lines) = self.lines.as_mut() else {
            return Ok(None);
        };
        for line in lines {
            self.line += 1;
            let line = line.map_err(|source| ExportError::Io {
                path: self.path.clone(),
                source,
            })?;
            if !line.trim().is_empty() {
                return serde_json::from_str(&line)
                    .map(Some)
                    .map_err(|e| bad_line(&self.path, self.line, e));
            }
        }
        Ok(None)
    }

    /// The rows of the article `id`, the `place`-th of the run, which come next in the file.
    /// Corpus-level rows met on the way are kept aside ([`CORPUS_PART`] at most after the last
    /// article's rows); rows of no
    /// article of the run, or of an earlier one, are counted as orphans; a later article's row
    /// stops the taking.
    fn take_for(&mut self, id: &str, place: usize, order: &ArticleOrder) -> Result<Vec<R>, ExportError> {
        enum Whose {
            Corpus,
            This,
            Later,
            Orphan,
        }
        let mut rows = Vec::new();
        loop {
            let article = self.article;
            let whose = match self.peek()?.map(article) {
                None => break,
                Some(None) => Whose::Corpus,
                Some(Some(a)) if a == id => Whose::This,
                Some(Some(a)) if order.place(a).is_some_and(|p| p > place) => Whose::Later,
                Some(Some(_)) => Whose::Orphan,
            };
            // figmine writes corpus-level rows after every article's: past the last article,
            // a part at most is kept aside, so that the others wait for their parts.
            let full = place + 1 >= order.len() && self.corpus_level.len() >= CORPUS_PART;
            let row = match whose {
                Whose::Later => break,
                Whose::Corpus if full => break,
                _ => self.next.take().expect("peeked"),
            };
            match whose {
                Whose::Corpus => self.corpus_level.push(row),
                Whose::This => rows.push(row),
                _ => self.orphans += 1,
            }
        }
        Ok(rows)
    }
}

impl<R: serde::de::DeserializeOwned> Rows<R> {
    /// Up to `at_most` corpus-level rows, those met earlier first, after the last article's rows
    /// were taken; the rows of articles left over are counted as orphans.
    fn corpus_level_part(&mut self, at_most: usize) -> Result<Vec<R>, ExportError> {
        while self.corpus_level.len() < at_most {
            let Some(row) = self.next() else { break };
            let row = row?;
            match (self.article)(&row) {
                None => self.corpus_level.push(row),
                Some(_) => self.orphans += 1,
            }
        }
        let n = self.corpus_level.len().min(at_most);
        Ok(self.corpus_level.drain(..n).collect())
    }
}

impl<R: serde::de::DeserializeOwned> Iterator for Rows<R> {
    type Item = Result<R, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.next.take() {
            Some(row) => Some(Ok(row)),
            None => self.read_row().transpose(),
        }
    }
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
