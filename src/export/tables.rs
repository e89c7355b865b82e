//! The table view of results that the CSV, SQLite and report writers share: each article with
//! its rows, then the corpus-level rows. A [`TableSink`] can be fed by a live run (through
//! [`Tables`], a [`Sink`]) or from a previous run's JSONL files ([`replay`]), which is how
//! `figmine export` works.

use super::rows::{ArticleRow, FigureRow, FindingRow, QuoteRow};
use super::{ExportError, Sink};
use crate::dedup::DuplicateRow;
use crate::reconcile::{CorpusResult, DatasetEntry, Finding};
use crate::record::Record;
use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
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
    // A dataset row lists every source of its value: fed in parts too.
    let mut dataset = Rows::open(&dir.join("dataset.jsonl"), |_: &DatasetRow| None)?;
    loop {
        let part: Vec<DatasetRow> = dataset.by_ref().take(CORPUS_PART).collect::<Result<_, _>>()?;
        if part.is_empty() {
            break;
        }
        sink.corpus(&CorpusTables {
            findings: Vec::new(),
            dataset: part,
        })?;
    }
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

    fn place(&self, id: &str) -> Option<usize> {
        self.0.get(&crate::dedup::fnv1a(id.as_bytes())).copied()
    }
}

/// The rows of one JSONL file read one at a time; a missing file has none (older runs lack
/// some files).
struct Rows<R> {
    path: PathBuf,
    reader: Option<BufReader<File>>,
    /// Where the next line starts, and its number (from 1).
    at: Place,
    /// The row read ahead by [`Rows::peek`], and where it stands.
    next: Option<(R, Place)>,
    /// The article a row is about; `None` for a corpus-level row.
    article: fn(&R) -> Option<&str>,
    /// The first corpus-level rows met ([`CORPUS_PART`] at most).
    corpus_level: VecDeque<R>,
    /// Where the corpus-level rows met after those stand, to be read again when their turn
    /// comes: a row lists every article it involves, so memory keeps only its place.
    corpus_level_later: VecDeque<Place>,
    /// Another reader of the file, for the rows of `corpus_level_later`: opened with the first,
    /// so that both read the same file even if another takes its name meanwhile.
    again: Option<File>,
    /// The line last read, its room kept from row to row.
    line: String,
    /// Rows skipped as naming no article of the run, or an earlier one.
    orphans: usize,
}

/// Where a line stands in its file: its first byte, its length with its line end, and its
/// number (from 1).
#[derive(Debug, Clone, Copy)]
struct Place {
    offset: u64,
    len: usize,
    line: usize,
}

impl<R: serde::de::DeserializeOwned> Rows<R> {
    fn open(path: &Path, article: fn(&R) -> Option<&str>) -> Result<Self, ExportError> {
        let read_error = |source| ExportError::Read {
            path: path.to_path_buf(),
            source,
        };
        let (reader, again) = match File::open(path) {
            Ok(f) => (Some(BufReader::new(f)), Some(File::open(path).map_err(read_error)?)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (None, None),
            Err(source) => return Err(read_error(source)),
        };
        Ok(Rows {
            path: path.to_path_buf(),
            reader,
            at: Place {
                offset: 0,
                len: 0,
                line: 1,
            },
            next: None,
            article,
            corpus_level: VecDeque::new(),
            corpus_level_later: VecDeque::new(),
            again,
            line: String::new(),
            orphans: 0,
        })
    }

    /// The next row, without taking it.
    fn peek(&mut self) -> Result<Option<&R>, ExportError> {
        if self.next.is_none() {
            self.next = self.read_row()?;
        }
        Ok(self.next.as_ref().map(|(row, _)| row))
    }

    /// The next row after blank lines, and where it stands.
    fn read_row(&mut self) -> Result<Option<(R, Place)>, ExportError> {
        let Some(reader) = self.reader.as_mut() else {
            return Ok(None);
        };
        let line = &mut self.line;
        loop {
            line.clear();
            let read = reader.read_line(line).map_err(|source| ExportError::Read {
                path: self.path.clone(),
                source,
            })?;
            if read == 0 {
                return Ok(None);
            }
            let place = Place { len: read, ..self.at };
            self.at = Place {
                offset: place.offset + read as u64,
                len: 0,
                line: place.line + 1,
            };
            if !line.trim().is_empty() {
                return parse(line, &self.path, place).map(|row| Some((row, place)));
            }
        }
    }

    /// The row at `place`, read again (a file that cannot seek, such as a pipe, fails here).
    fn read_again(&mut self, place: Place) -> Result<R, ExportError> {
        let file = self.again.as_mut().expect("a file with rows has a second reader");
        let mut bytes = vec![0; place.len];
        let read = file
            .seek(SeekFrom::Start(place.offset))
            .and_then(|_| file.read_exact(&mut bytes))
            .and_then(|()| {
                String::from_utf8(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
            });
        let line = read.map_err(|source| ExportError::Read {
            path: self.path.clone(),
            source,
        })?;
        parse(&line, &self.path, place)
    }

    /// The rows of the article `id`, the `place`-th of the run, which come next in the file.
    /// Corpus-level rows met on the way are kept aside (the first [`CORPUS_PART`] of them, and
    /// where the others stand); rows of no article of the run, or of an earlier one, are counted
    /// as orphans; a later article's row stops the taking.
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
            if let Whose::Later = whose {
                break;
            }
            let (row, at) = self.next.take().expect("peeked");
            match whose {
                Whose::Corpus if self.corpus_level.len() < CORPUS_PART => self.corpus_level.push_back(row),
                Whose::Corpus => self.corpus_level_later.push_back(at),
                Whose::This => rows.push(row),
                _ => self.orphans += 1,
            }
        }
        Ok(rows)
    }

    /// Up to `at_most` corpus-level rows, in file order, after the last article's rows were
    /// taken; the rows of articles left over are counted as orphans.
    fn corpus_level_part(&mut self, at_most: usize) -> Result<Vec<R>, ExportError> {
        let mut part = Vec::new();
        while part.len() < at_most {
            if let Some(row) = self.corpus_level.pop_front() {
                part.push(row);
            } else if let Some(at) = self.corpus_level_later.pop_front() {
                part.push(self.read_again(at)?);
            } else {
                let Some(row) = self.next() else { break };
                let row = row?;
                match (self.article)(&row) {
                    None => part.push(row),
                    Some(_) => self.orphans += 1,
                }
            }
        }
        Ok(part)
    }
}

impl<R: serde::de::DeserializeOwned> Iterator for Rows<R> {
    type Item = Result<R, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.next.take() {
            Some((row, _)) => Some(Ok(row)),
            None => self.read_row().map(|row| row.map(|(row, _)| row)).transpose(),
        }
    }
}

/// The row on `line` (its line end, `\n` or `\r\n`, left out, so that an error says where in
/// the line as before).
fn parse<R: serde::de::DeserializeOwned>(line: &str, path: &Path, at: Place) -> Result<R, ExportError> {
    let line = line
        .strip_suffix('\n')
        .map_or(line, |l| l.strip_suffix('\r').unwrap_or(l));
    serde_json::from_str(line).map_err(|e| bad_line(path, at.line, e))
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
