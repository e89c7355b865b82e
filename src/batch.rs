//! Batch: runs fetch → read → extract → reconcile over many inputs on rayon and feeds the
//! results, in input order, to a [`Sink`].
//!
//! Inputs are taken in chunks, so memory holds one chunk at a time however large the corpus is,
//! and output is byte-identical whatever the number of threads. One bad input never stops the
//! batch: it becomes a record with its failure. Only a failing sink is fatal.

use crate::export::{ExportError, Sink};
use crate::extract::extract_within;
use crate::fetch::{fetch, FetchError, Source};
use crate::read::read;
use crate::reconcile::{check_article, Corpus, Finding, Rule};
use crate::record::{Record, Stage};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;

/// How many inputs are processed between two writes.
const CHUNK: usize = 256;

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The longest extraction may take on one document before it is recorded as failed.
    pub budget: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            budget: Duration::from_secs(30),
        }
    }
}

/// What a run did, for the summary line and the exit code.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    /// Inputs seen (articles read plus inputs that failed).
    pub inputs: usize,
    /// Inputs read into articles.
    pub articles: usize,
    /// Inputs that failed, with their reasons in `articles.jsonl`.
    pub failed: usize,
    /// Figures extracted.
    pub figures: usize,
    /// Quotes extracted.
    pub quotes: usize,
    /// Findings by rule name.
    pub findings: BTreeMap<&'static str, usize>,
}

impl Summary {
    /// All findings, whatever the rule.
    pub fn total_findings(&self) -> usize {
        self.findings.values().sum()
    }

    fn count(&mut self, record: &Record, findings: &[Finding]) {
        self.inputs += 1;
        if record.failure.is_some() {
            self.failed += 1;
        } else {
            self.articles += 1;
        }
        self.figures += record.extraction.figures.len();
        self.quotes += record.extraction.quotes.len();
        self.count_findings(findings);
    }

    fn count_findings(&mut self, findings: &[Finding]) {
        for f in findings {
            *self.findings.entry(Rule::name(f.rule)).or_default() += 1;
        }
    }
}

/// Processes every source with the default [`Settings`] and writes the results to `sink`.
pub fn run(
    sources: impl Iterator<Item = Result<Source, FetchError>>,
    sink: &mut dyn Sink,
) -> Result<Summary, ExportError> {
    run_with(sources, &Settings::default(), sink)
}

/// Processes every source and writes the results to `sink`.
pub fn run_with(
    sources: impl Iterator<Item = Result<Source, FetchError>>,
    settings: &Settings,
    sink: &mut dyn Sink,
) -> Result<Summary, ExportError> {
    let mut summary = Summary::default();
    let mut corpus = Corpus::default();
    let mut sources = sources.peekable();
    while sources.peek().is_some() {
        let chunk: Vec<_> = sources.by_ref().take(CHUNK).collect();
        let results: Vec<(Record, Vec<Finding>)> = chunk
            .into_par_iter()
            .map(|source| process_with(source, settings))
            .collect();
        for (record, findings) in &results {
            corpus.add(record);
            summary.count(record, findings);
            sink.record(record, findings)?;
        }
    }
    let corpus_result = corpus.finish();
    summary.count_findings(&corpus_result.findings);
    sink.corpus(&corpus_result)?;
    sink.finish()?;
    Ok(summary)
}

/// Runs one input through every stage with the default [`Settings`].
pub fn process_one(source: Result<Source, FetchError>) -> (Record, Vec<Finding>) {
    process_with(source, &Settings::default())
}

/// Runs one input through every stage; never panics and always yields a record.
pub fn process_with(source: Result<Source, FetchError>, settings: &Settings) -> (Record, Vec<Finding>) {
    let source = match source {
        Ok(s) => s,
        Err(e) => {
            let (id, location) = match &e {
                FetchError::Walk { id, path, .. } => (id.clone(), path.display().to_string()),
                FetchError::Io { path, .. } => (path.display().to_string(), path.display().to_string()),
                FetchError::BadInput { id, .. } => (id.clone(), id.clone()),
                other => (other.to_string(), other.to_string()),
            };
            return (Record::failed(id, location, Stage::Fetch, e), Vec::new());
        }
    };
    let (id, location) = (source.id(), source.location());
    let doc = match fetch(&source) {
        Ok(d) => d,
        Err(e) => return (Record::failed(id, location, Stage::Fetch, e), Vec::new()),
    };
    let article = match read(&doc) {
        Ok(a) => a,
        Err(e) => return (Record::failed(id, location, Stage::Read, e), Vec::new()),
    };
    // A bug in a recognizer must cost one article, not the batch.
    match catch_unwind(AssertUnwindSafe(|| {
        let extraction = extract_within(&article, settings.budget)?;
        let record = Record {
            article: article.clone(),
            extraction,
            failure: None,
        };
        let findings = check_article(&record);
        Ok::<_, crate::extract::OverBudget>((record, findings))
    })) {
        Ok(Ok(done)) => done,
        Ok(Err(over)) => (Record::failed(id, location, Stage::Extract, over), Vec::new()),
        Err(panic) => {
            let reason = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "internal error".into());
            (
                Record::failed(id, location, Stage::Extract, format!("internal error: {reason}")),
                Vec::new(),
            )
        }
    }
}
