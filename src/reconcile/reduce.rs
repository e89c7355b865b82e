//! The reduce step: the tagged records of the map step (`figmine extract --stdin`), in any order
//! and split into any number of parts, to the corpus-level findings and the consolidated dataset.
//!
//! Only `figure` rows feed the corpus state, and per-article `finding` rows are passed through;
//! both are deduplicated, so that a record read twice changes nothing, and the output is sorted,
//! so that it does not depend on the order the parts arrive in.

use super::{Corpus, CorpusResult};
use crate::export::rows::FindingRow;
use crate::export::TaggedRow;
use crate::spill::SpillError;
use std::collections::BTreeSet;

/// What the reduce step has read so far.
#[derive(Debug)]
pub struct Reduce {
    corpus: Corpus,
    /// Per-article findings from the map step, as JSON (sorted and deduplicated).
    findings: BTreeSet<String>,
    /// Ids of the articles seen.
    articles: BTreeSet<String>,
    /// Ids of the inputs the map step could not process.
    errors: BTreeSet<String>,
    /// Figure rows read.
    figures: usize,
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
            findings: BTreeSet::new(),
            articles: BTreeSet::new(),
            errors: BTreeSet::new(),
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
                self.findings
                    .insert(serde_json::to_string(f).expect("finding rows always serialise"));
            }
            TaggedRow::Article(a) => {
                self.articles.insert(a.id.clone());
            }
            TaggedRow::Error(e) => {
                self.errors.insert(e.id.clone());
            }
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

    /// The findings and dataset.
    pub fn finish(self) -> Result<Reduced, SpillError> {
        Ok(Reduced {
            article_findings: self
                .findings
                .iter()
                .map(|f| serde_json::from_str(f).expect("written by this step"))
                .collect(),
            corpus: self.corpus.finish()?,
            articles: self.articles.len(),
            errors: self.errors.len(),
            figures: self.figures,
        })
    }
}
