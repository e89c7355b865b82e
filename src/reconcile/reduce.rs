//! The reduce step: the tagged records of the map step (`figmine extract --stdin`), in any order
//! and split into any number of parts, to the corpus-level findings and the consolidated dataset.
//!
//! Only `figure` rows feed the corpus state, and per-article `finding` rows are passed through;
//! both are deduplicated, so that a record read twice changes nothing, and the output is sorted,
//! so that it does not depend on the order the parts arrive in.

use super::{Corpus, CorpusResult};
use crate::export::rows::FindingRow;
use crate::export::TaggedRow;
use std::collections::BTreeSet;

/// What the reduce step has read so far.
#[derive(Debug, Default)]
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

impl Reduce {
    /// Takes one tagged record.
    pub fn add(&mut self, row: &TaggedRow) {
        match row {
            TaggedRow::Figure(f) => {
                self.figures += 1;
                self.corpus.add_figure(f);
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
    }

    /// Parses and takes one line; a line that is not a tagged record is an error naming why.
    pub fn add_line(&mut self, line: &str) -> Result<(), serde_json::Error> {
        if line.trim().is_empty() {
            return Ok(());
        }
        let row: TaggedRow = serde_json::from_str(line)?;
        self.add(&row);
        Ok(())
    }

    /// The findings and dataset.
    pub fn finish(self) -> Reduced {
        Reduced {
            article_findings: self
                .findings
                .iter()
                .map(|f| serde_json::from_str(f).expect("written by this step"))
                .collect(),
            corpus: self.corpus.finish(),
            articles: self.articles.len(),
            errors: self.errors.len(),
            figures: self.figures,
        }
    }
}
