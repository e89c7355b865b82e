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
use crate::read::Span;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// (entity, measure, period label, kind).
type Key = (String, String, String, String);

/// Where a value is stated: (article, start, end, text).
type Source = (String, usize, usize, String);

/// One distinct value stated for a key.
#[derive(Debug, Clone)]
struct Stated {
    value: f64,
    reading: Reading,
    sources: BTreeSet<Source>,
}

/// The corpus-level state: what cross-document checks need from every record.
#[derive(Debug, Default)]
pub struct Corpus {
    entries: BTreeMap<Key, Vec<Stated>>,
}

impl Corpus {
    /// Adds one record's figures (stated and derived).
    pub fn add(&mut self, record: &crate::record::Record) {
        if record.failure.is_some() {
            return;
        }
        for f in &record.extraction.figures {
            self.add_figure(&FigureRow::new(&record.article, f));
        }
        for row in super::derived_figures(record) {
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
        let key = (entity.clone(), quantity.clone(), period.clone(), row.kind.clone());
        let source = (row.article.clone(), row.start, row.end, row.text.clone());
        let values = self.entries.entry(key).or_default();
        match values.iter_mut().find(|s| s.value == value && s.reading == reading) {
            Some(s) => {
                s.sources.insert(source);
            }
            None => {
                values.push(Stated {
                    value,
                    reading,
                    sources: BTreeSet::from([source]),
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
        for (key, values) in &self.entries {
            let conflict = conflict(key, values);
            if let Some(f) = &conflict {
                result.findings.push(f.clone());
            }
            result.dataset.push(entry(key, values, conflict.is_some()));
        }
        result
    }
}

fn width(r: &Reading) -> f64 {
    r.tight.high - r.tight.low
}

fn articles_of(s: &Stated) -> BTreeSet<&str> {
    s.sources.iter().map(|(a, ..)| a.as_str()).collect()
}

/// The `cross_document` finding for a key whose values, stated by different articles, no
/// rounding reconciles.
fn conflict(key: &Key, values: &[Stated]) -> Option<Finding> {
    let mut worst: Option<(Severity, usize, usize)> = None;
    for i in 0..values.len() {
        for j in i + 1..values.len() {
            let (a, b) = (&values[i], &values[j]);
            if articles_of(a) == articles_of(b) && articles_of(a).len() == 1 {
                // One article disagreeing with itself is the value_conflict rule's business.
                continue;
            }
            let severity = super::reading::verdict(
                a.reading.tight.overlaps(b.reading.tight),
                a.reading.wide.overlaps(b.reading.wide),
            );
            if let Some(s) = severity {
                if worst.is_none_or(|(w, ..)| s > w) {
                    worst = Some((s, i, j));
                }
            }
        }
    }
    let (severity, i, j) = worst?;
    let (a, b) = (&values[i], &values[j]);
    // The odd one out is the value fewer articles state.
    let (odd, common) = if articles_of(a).len() <= articles_of(b).len() {
        (a, b)
    } else {
        (b, a)
    };
    let (entity, measure, period, _) = key;
    let name = |s: &Stated| {
        let arts: Vec<&str> = articles_of(s).into_iter().collect();
        let first = arts[0];
        match arts.len() {
            1 => format!("{} in {first}", s.sources.first().map_or("", |x| x.3.as_str())),
            n => format!(
                "{} in {first} and {} other article{}",
                s.sources.first().map_or("", |x| x.3.as_str()),
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
    let involved: BTreeSet<&str> = values.iter().flat_map(articles_of).collect();
    let odd_articles = articles_of(odd);
    let evidence = [odd, common]
        .iter()
        .filter_map(|s| s.sources.first())
        .map(|(article, start, end, text)| Evidence {
            article: article.clone(),
            span: Span::new(*start, *end),
            text: text.clone(),
        })
        .collect();
    Some(Finding {
        article: (odd_articles.len() == 1)
            .then(|| odd_articles.iter().next().map(|a| a.to_string()))
            .flatten(),
        articles: involved.into_iter().map(str::to_owned).collect(),
        rule: Rule::CrossDocument,
        severity,
        message,
        evidence,
        expected: Some(json!(common.value)),
        stated: Some(json!(odd.value)),
    })
}

/// The dataset row of a key: the value most articles state, the most precise one on a tie.
fn entry(key: &Key, values: &[Stated], conflict: bool) -> DatasetEntry {
    let agreed = values
        .iter()
        .max_by(|a, b| {
            articles_of(a)
                .len()
                .cmp(&articles_of(b).len())
                .then(width(&b.reading).total_cmp(&width(&a.reading)))
                .then(b.value.total_cmp(&a.value))
        })
        .expect("a key has at least one value");
    let sources: BTreeSet<&str> = values.iter().flat_map(articles_of).collect();
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
