//! The reduce step: the tagged records of the map step (`figmine extract --stdin`), in any order
//! and split into any number of parts, to the corpus-level findings and the consolidated dataset.
//!
//! Only `figure` rows feed the corpus state, and per-article `finding` rows are passed through;
//! both are deduplicated, so that a record read twice changes nothing, and the output is sorted,
//! so that it does not depend on the order the parts arrive in. Like a run's, the reduce step's
//! state lives in [`Spill`] databases, so a single reducer's memory does not grow with the corpus.

use super::{Corpus, CorpusResult};
use crate::export::rows::FindingRow;
use crate::export::TaggedRow;
use crate::spill::{self, Ids, Spill, SpillError};

/// What the reduce step has read so far.
#[derive(Debug)]
pub struct Reduce {
    corpus: Corpus,
    /// `findings`: per-article findings from the map step, as JSON; `articles`: ids of the
    /// articles seen; `errors`: ids of the inputs the map step could not process. Each a set.
    seen: Spill,
    /// Figure rows read.
    figures: usize,
}

const SCHEMA: &str = "
    CREATE TABLE findings (json TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TABLE articles (id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TABLE errors (id TEXT PRIMARY KEY) WITHOUT ROWID;";

/// One piece of the reduce step's output, in the order it is written.
#[derive(Debug)]
pub enum ReducedPart {
    /// A per-article finding passed through from the map step; these come first, sorted.
    ArticleFinding(FindingRow),
    /// The corpus-level findings and dataset rows of one key.
    Corpus(CorpusResult),
}

/// How much the reduce step read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReduceCounts {
    /// Distinct articles seen.
    pub articles: usize,
    /// Distinct inputs the map step reported as failed.
    pub errors: usize,
    /// Figure rows read (duplicates included).
    pub figures: usize,
}

/// The result of the reduce step.
#[derive(Debug, Clone, PartialEq)]
pub struct Reduced {
    /// Per-article findings passed through from the map step, sorted.
    pub article_findings: Vec<FindingRow>,
    /// Corpus-level findings and the dataset.
    pub corpus: CorpusResult,
    /// Distinct articles seen.
    pub articles: usize,
    /// Distinct inputs the map step reported as failed.
    pub errors: usize,
    /// Figure rows read (duplicates included).
    pub figures: usize,
}

/// Why a line was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LineError {
    /// The line is not a tagged record: skip it and go on.
    #[error("not a tagged record: {0}")]
    NotATaggedRecord(#[from] serde_json::Error),
    /// The corpus state could not be written: the reduce step cannot go on.
    #[error(transparent)]
    Spill(#[from] SpillError),
}

impl Reduce {
    /// An empty reduce step.
    pub fn new() -> Result<Reduce, SpillError> {
        Ok(Reduce {
            corpus: Corpus::new()?,
            seen: Spill::open(Ids::Pushed, SCHEMA)?,
            figures: 0,
        })
    }

    /// Takes one tagged record.
    pub fn add(&mut self, row: &TaggedRow) -> Result<(), SpillError> {
        match row {
            TaggedRow::Figure(f) => {
                self.figures += 1;
                self.corpus.add_figure(f)?;
            }
            TaggedRow::Finding(f) if f.article.is_some() && f.rule != "cross_document" => {
                let json = serde_json::to_string(f).expect("finding rows always serialise");
                self.insert("INSERT OR IGNORE INTO findings (json) VALUES (?1)", &json)?;
            }
            TaggedRow::Article(a) => self.insert("INSERT OR IGNORE INTO articles (id) VALUES (?1)", &a.id)?,
            TaggedRow::Error(e) => self.insert("INSERT OR IGNORE INTO errors (id) VALUES (?1)", &e.id)?,
            TaggedRow::Finding(_) | TaggedRow::Quote(_) => {}
        }
        Ok(())
    }

    /// Parses and takes one line; a line that is not a tagged record is an error naming why.
    pub fn add_line(&mut self, line: &str) -> Result<(), LineError> {
        if line.trim().is_empty() {
            return Ok(());
        }
        let row: TaggedRow = serde_json::from_str(line)?;
        Ok(self.add(&row)?)
    }

    fn insert(&self, sql: &str, text: &str) -> Result<(), SpillError> {
        self.seen
            .conn()
            .prepare_cached(sql)
            .and_then(|mut s| s.execute([text]))
            .map_err(spill::failed("remember a record"))?;
        Ok(())
    }

    fn count(&self, table: &str) -> Result<usize, SpillError> {
        self.seen
            .conn()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| row.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(spill::failed("count the records"))
    }

    /// Feeds the output to `write` a piece at a time: the per-article findings, sorted, then the
    /// corpus-level parts (see [`Corpus::into_parts`]); nothing is held whole.
    pub fn finish_with<E: From<SpillError>>(
        self,
        mut write: impl FnMut(ReducedPart) -> Result<(), E>,
    ) -> Result<ReduceCounts, E> {
        let counts = ReduceCounts {
            articles: self.count("articles")?,
            errors: self.count("errors")?,
            figures: self.figures,
        };
        let mut sorted = self
            .seen
            .conn()
            .prepare("SELECT json FROM findings ORDER BY json")
            .map_err(spill::failed("read the findings"))?;
        let mut rows = sorted.query([]).map_err(spill::failed("read the findings"))?;
        while let Some(row) = rows.next().map_err(spill::failed("read the findings"))? {
            let json: String = row.get(0).map_err(spill::failed("read the findings"))?;
            write(ReducedPart::ArticleFinding(
                serde_json::from_str(&json).expect("written by this step"),
            ))?;
        }
        for part in self.corpus.into_parts()? {
            write(ReducedPart::Corpus(part?))?;
        }
        Ok(counts)
    }

    /// The findings and dataset, all at once (for small inputs and tests).
    pub fn finish(self) -> Result<Reduced, SpillError> {
        let mut article_findings = Vec::new();
        let mut corpus = CorpusResult::default();
        let counts = self.finish_with(|part| {
            match part {
                ReducedPart::ArticleFinding(f) => article_findings.push(f),
                ReducedPart::Corpus(part) => {
                    corpus.findings.extend(part.findings);
                    corpus.dataset.extend(part.dataset);
                }
            }
            Ok::<_, SpillError>(())
        })?;
        Ok(Reduced {
            article_findings,
            corpus,
            articles: counts.articles,
            errors: counts.errors,
            figures: counts.figures,
        })
    }
}
