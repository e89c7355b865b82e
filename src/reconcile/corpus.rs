//! The corpus-level pass: `cross_document` findings and the consolidated dataset.
//!
//! The state is compact: per (entity, measure, period, kind), the distinct values stated and the
//! articles stating each — not the figures themselves. Adding figure rows is commutative and
//! idempotent per (article, span), and every output is sorted, so the result does not depend on
//! the order the rows arrive in or how they were split (the reduce step relies on this).

use super::reading::{Interval, Reading};
use super::sum::period_name;
use super::{CorpusResult, DatasetEntry, Evidence, Finding, Rule, Severity};
use crate::export::rows::FigureRow;
use crate::extract::Period;
use crate::ids::IdTable;
use crate::read::Span;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// (entity, measure, period label, kind).
type Key = (String, String, String, String);

/// Where a value is stated: (article, start, end, text).
type Source = (String, usize, usize, String);

fn source_of(row: &FigureRow) -> Source {
    (row.article.clone(), row.start, row.end, row.text.clone())
}

/// One distinct value stated for a key.
#[derive(Debug, Clone)]
struct Stated {
    value: f64,
    reading: Reading,
    /// The articles stating it, by number in [`Corpus::ids`], ascending: four bytes a mention.
    articles: Vec<u32>,
    /// The least source in (article, start, end, text) order: the one findings quote.
    first: Source,
}

impl Stated {
    fn add(&mut self, article: u32, row: &FigureRow) {
        if let Err(at) = self.articles.binary_search(&article) {
            self.articles.insert(at, article);
        }
        // Compared by reference: most rows are not the least, and need no copy.
        let (a, start, end, text) = &self.first;
        if (row.article.as_str(), row.start, row.end, row.text.as_str()) < (a.as_str(), *start, *end, text.as_str()) {
            self.first = source_of(row);
        }
    }
}

/// The corpus-level state: what cross-document checks need from every record.
#[derive(Debug, Default)]
pub struct Corpus {
    entries: BTreeMap<Key, Vec<Stated>>,
    ids: IdTable,
}

impl Corpus {
    /// Adds one record's figures (stated and derived).
    pub fn add(&mut self, record: &crate::record::Record) {
        if record.failure.is_some() {
            return;
        }
        for row in FigureRow::all_of(record) {
            self.add_figure(&row);
        }
    }

    /// Adds one figure row, as the map step writes it. Rows that do not name a whole quantity
    /// with an entity and a period are ignored.
    pub fn add_figure(&mut self, row: &FigureRow) {
        let (Some(entity), Some(quantity), Some(period), Some(value)) =
            (&row.entity, &row.quantity, &row.period, row.value)
        else {
            return;
        };
        let reading = if row.derived {
            let (low, high) = (row.low.unwrap_or(value), row.high.unwrap_or(value));
            Reading {
                value: Some(value),
                tight: Interval::new(low, high),
                wide: Interval::new(low, high),
            }
        } else {
            match Reading::of(&row.text, Some(value), row.low, row.high, row.approx.as_deref()) {
                Some(r) => r,
                None => return,
            }
        };
        let article = self.ids.intern(&row.article);
        let key = (entity.clone(), quantity.clone(), period.clone(), row.kind.clone());
        let values = self.entries.entry(key).or_default();
        match values.iter_mut().find(|s| s.value == value && s.reading == reading) {
            Some(s) => s.add(article, row),
            None => {
                values.push(Stated {
                    value,
                    reading,
                    articles: vec![article],
                    first: source_of(row),
                });
                values.sort_by(|a, b| {
                    a.value
                        .total_cmp(&b.value)
                        .then(width(&a.reading).total_cmp(&width(&b.reading)))
                });
            }
        }
    }

    /// The corpus-level findings and dataset, once every record has been added.
    pub fn finish(self) -> CorpusResult {
        let mut result = CorpusResult::default();
        for part in self.into_parts() {
            result.findings.extend(part.findings);
            result.dataset.extend(part.dataset);
        }
        result
    }

    /// The same as [`Corpus::finish`], one key at a time and in the same order, so that a large
    /// corpus never holds all its findings at once: each key's state is freed once its part is
    /// made.
    pub fn into_parts(self) -> impl Iterator<Item = CorpusResult> {
        let ids = self.ids;
        self.entries.into_iter().map(move |(key, values)| {
            let findings = conflicts(&ids, &key, &values);
            let dataset = vec![entry(&ids, &key, &values, !findings.is_empty())];
            CorpusResult { findings, dataset }
        })
    }
}

fn width(r: &Reading) -> f64 {
    r.tight.high - r.tight.low
}

/// The ids of the articles stating a value, sorted.
fn articles_of<'a>(ids: &'a IdTable, s: &Stated) -> BTreeSet<&'a str> {
    s.articles.iter().map(|&n| ids.get(n)).collect()
}

/// Whether every article stating `a` also states `b`.
fn stated_only_beside(a: &Stated, b: &Stated) -> bool {
    a.articles.iter().all(|n| b.articles.binary_search(n).is_ok())
}

/// The value most articles state, the most precise (then the smallest) one on a tie.
fn agreed(values: &[Stated]) -> &Stated {
    values
        .iter()
        .max_by(|a, b| {
            a.articles
                .len()
                .cmp(&b.articles.len())
                .then(width(&b.reading).total_cmp(&width(&a.reading)))
                .then(b.value.total_cmp(&a.value))
        })
        .expect("a key has at least one value")
}

/// The `cross_document` findings of a key: one per value that no rounding reconciles with the
/// agreed value, naming the articles on both sides.
fn conflicts(ids: &IdTable, key: &Key, values: &[Stated]) -> Vec<Finding> {
    let common = agreed(values);
    values
        .iter()
        .filter(|odd| !std::ptr::eq(*odd, common))
        .filter(|odd| {
            // A value only stated by articles that also state the agreed one is those articles
            // disagreeing with themselves: the value_conflict rule's business.
            !stated_only_beside(odd, common)
        })
        .filter_map(|odd| {
            let severity = super::reading::verdict(
                odd.reading.tight.overlaps(common.reading.tight),
                odd.reading.wide.overlaps(common.reading.wide),
            )?;
            Some(finding(ids, key, odd, common, severity))
        })
        .collect()
}

fn finding(ids: &IdTable, key: &Key, odd: &Stated, common: &Stated, severity: Severity) -> Finding {
    let (entity, measure, period, _) = key;
    let name = |s: &Stated| {
        let arts: Vec<&str> = articles_of(ids, s).into_iter().collect();
        let text = s.first.3.as_str();
        match arts.len() {
            1 => format!("{text} in {}", arts[0]),
            n => format!(
                "{text} in {} and {} other article{}",
                arts[0],
                n - 1,
                if n == 2 { "" } else { "s" }
            ),
        }
    };
    let period_words = Period::parse_label(period).map_or_else(|| period.clone(), |p| period_name(&p));
    let message = format!(
        "Articles disagree on {entity}'s {measure} for {period_words}: {}, but {}.",
        name(odd),
        name(common)
    );
    let involved: BTreeSet<&str> = articles_of(ids, odd)
        .into_iter()
        .chain(articles_of(ids, common))
        .collect();
    let evidence = [odd, common]
        .iter()
        .map(|s| &s.first)
        .map(|(article, start, end, text)| Evidence {
            article: article.clone(),
            span: Span::new(*start, *end),
            text: text.clone(),
        })
        .collect();
    Finding {
        // A corpus-level finding; its first evidence is the value that disagrees with the rest.
        article: None,
        articles: involved.into_iter().map(str::to_owned).collect(),
        rule: Rule::CrossDocument,
        severity,
        message,
        evidence,
        expected: Some(json!(common.value)),
        stated: Some(json!(odd.value)),
    }
}

/// The dataset row of a key: the value most articles state, the most precise one on a tie.
fn entry(ids: &IdTable, key: &Key, values: &[Stated], conflict: bool) -> DatasetEntry {
    let agreed = agreed(values);
    let sources: BTreeSet<&str> = values.iter().flat_map(|s| articles_of(ids, s)).collect();
    let (entity, measure, period, kind) = key;
    DatasetEntry {
        entity: entity.clone(),
        measure: measure.clone(),
        period: period.clone(),
        kind: kind.clone(),
        value: agreed.value,
        articles: sources.len(),
        sources: sources.into_iter().map(str::to_owned).collect(),
        conflict,
    }
}
