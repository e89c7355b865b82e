//! The output contract: one row type per output table, as written to `out/*.jsonl`.
//!
//! These are the only types serialised to users; the domain types may change without breaking
//! the files. README's "Output" section mirrors this file.

use crate::extract::{Direction, Figure, FigureKind, Quote};
use crate::read::{Article, Span};
use crate::reconcile::{Finding, Rule, Severity};
use crate::record::Record;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A row of `articles.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRow {
    /// Input path relative to its root, or URL.
    pub id: String,
    /// Path or URL the article came from.
    pub source: String,
    /// Headline.
    pub title: Option<String>,
    /// ISO publication date.
    pub published: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// The normalised text every span indexes into.
    pub text: String,
    /// `null`, or `"<stage>: <reason>"` when the input failed.
    pub error: Option<String>,
}

/// A row of `figures.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureRow {
    /// The article id.
    pub article: String,
    /// The figure as written.
    pub text: String,
    /// Byte offset in the article text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// `count`, `percent` or `money`.
    pub kind: String,
    /// The stated value, or null for a pure range.
    pub value: Option<f64>,
    /// Lower bound.
    pub low: Option<f64>,
    /// Upper bound.
    pub high: Option<f64>,
    /// Approximation qualifier as written, or null.
    pub approx: Option<String>,
    /// Currency code for money, else null.
    pub unit: Option<String>,
    /// What is counted.
    pub measure: Option<String>,
    /// Whose figure.
    pub entity: Option<String>,
    /// Period label.
    pub period: Option<String>,
    /// The earlier value it is compared to.
    pub compared_to: Option<ComparisonRow>,
    /// The sentence it stands in: shared by the rows of the figures of one sentence, which a
    /// page of bare numbers makes hundreds of 2,000-byte sentences each (made once a sentence by `SentenceText`).
    pub sentence: Arc<str>,
    /// Whether it stands inside a direct quote.
    pub in_quote: bool,
    /// The quantity it names, the key figures are matched on across articles ("requests",
    /// "account requests (US)"); null for shares, parts, change amounts and range bounds.
    #[serde(default)]
    pub quantity: Option<String>,
    /// Whether the figure is implied by others rather than stated.
    #[serde(default)]
    pub derived: bool,
    /// For a derived figure, the stated figures it is computed from.
    #[serde(default)]
    pub from: Vec<EvidenceRow>,
}

/// The `compared_to` object of a figure row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparisonRow {
    /// The earlier value.
    pub value: f64,
    /// Its period label.
    pub period: Option<String>,
    /// `up`, `down` or `same`.
    pub direction: String,
}

/// A row of `quotes.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRow {
    /// The article id.
    pub article: String,
    /// The words inside the marks.
    pub text: String,
    /// Byte offset of the quoted words.
    pub start: usize,
    /// Byte offset one past them.
    pub end: usize,
    /// Resolved speaker.
    pub speaker: Option<String>,
    /// Speaker as written at the cue.
    pub speaker_text: Option<String>,
    /// Role from the appositive.
    pub role: Option<String>,
    /// Reporting verb.
    pub cue: Option<String>,
    /// Paragraphs spanned.
    pub paragraphs: usize,
}

/// A row of `findings.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingRow {
    /// The article, for a finding within one article.
    pub article: Option<String>,
    /// The articles involved.
    pub articles: Vec<String>,
    /// Rule name.
    pub rule: String,
    /// `error` or `warning`.
    pub severity: String,
    /// Explanation.
    pub message: String,
    /// The text it rests on.
    pub evidence: Vec<EvidenceRow>,
    /// What the numbers imply.
    pub expected: Option<serde_json::Value>,
    /// What the text states.
    pub stated: Option<serde_json::Value>,
}

/// One piece of evidence of a finding row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceRow {
    /// The article id.
    pub article: String,
    /// The text.
    pub text: String,
    /// Byte offset.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
}

impl ArticleRow {
    /// The row for a record.
    pub fn from_record(r: &Record) -> Self {
        let a: &Article = &r.article;
        ArticleRow {
            id: a.id.clone(),
            source: a.source.clone(),
            title: a.title.clone(),
            published: a.published.clone(),
            publisher: a.publisher.clone(),
            text: a.text.clone(),
            error: r.failure.as_ref().map(ToString::to_string),
        }
    }
}

impl FigureRow {
    /// Every figure row of a record: its figures, then the figures it implies (flagged
    /// `derived`, see [`crate::reconcile::derived_figures`]).
    pub fn all_of(record: &Record) -> impl Iterator<Item = FigureRow> {
        crate::reconcile::figure_rows(record).into_iter()
    }

    /// The row of a figure the article states, naming `quantity` (see
    /// [`crate::reconcile::doc::quantity_of`]).
    pub(crate) fn stated(
        article: &Article,
        f: &Figure,
        quantity: Option<String>,
        sentences: &mut SentenceText,
    ) -> Self {
        FigureRow {
            article: article.id.clone(),
            text: f.span.of(&article.text).to_owned(),
            start: f.span.start,
            end: f.span.end,
            kind: kind_name(f.kind).to_owned(),
            value: f.value,
            low: f.low,
            high: f.high,
            approx: crate::reconcile::doc::approx_of(&article.text, f),
            unit: f.unit.clone(),
            measure: f.measure.clone(),
            entity: f.entity.map(str::to_owned),
            period: f.period.as_ref().map(|p| p.label()),
            compared_to: f.compared_to.as_ref().map(|c| ComparisonRow {
                value: c.value,
                period: c.period.as_ref().map(|p| p.label()),
                direction: direction_name(c.direction).to_owned(),
            }),
            sentence: sentences.of(&article.text, f.sentence),
            in_quote: f.in_quote,
            quantity,
            derived: false,
            from: Vec::new(),
        }
    }
}

/// The text of the sentence of each figure of an article in turn, made once for the figures of
/// one sentence: figures come in text order, so those of a sentence come together.
#[derive(Debug, Default)]
pub(crate) struct SentenceText {
    last: Option<(Span, Arc<str>)>,
}

impl SentenceText {
    /// The text of `sentence` in `text`, shared with the previous figure's when it is the same.
    pub(crate) fn of(&mut self, text: &str, sentence: Span) -> Arc<str> {
        match &self.last {
            Some((span, shared)) if *span == sentence => Arc::clone(shared),
            _ => {
                let shared: Arc<str> = Arc::from(sentence.of(text));
                self.last = Some((sentence, Arc::clone(&shared)));
                shared
            }
        }
    }
}

impl QuoteRow {
    /// The row for a quote of an article.
    pub fn new(article: &Article, q: &Quote) -> Self {
        QuoteRow {
            article: article.id.clone(),
            text: q.span.of(&article.text).to_owned(),
            start: q.span.start,
            end: q.span.end,
            speaker: q.speaker.clone(),
            speaker_text: q.speaker_text.clone(),
            role: q.role.clone(),
            cue: q.cue.clone(),
            paragraphs: q.paragraphs,
        }
    }
}

impl FindingRow {
    /// The row for a finding.
    pub fn new(f: &Finding) -> Self {
        FindingRow {
            article: f.article.clone(),
            articles: f.articles.clone(),
            rule: rule_name(f.rule).to_owned(),
            severity: match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            }
            .to_owned(),
            message: f.message.clone(),
            evidence: f
                .evidence
                .iter()
                .map(|e| EvidenceRow {
                    article: e.article.clone(),
                    text: e.text.clone(),
                    start: e.span.start,
                    end: e.span.end,
                })
                .collect(),
            expected: f.expected.clone(),
            stated: f.stated.clone(),
        }
    }
}

/// `count`, `percent` or `money`.
pub fn kind_name(k: FigureKind) -> &'static str {
    match k {
        FigureKind::Count => "count",
        FigureKind::Percent => "percent",
        FigureKind::Money => "money",
    }
}

fn direction_name(d: Direction) -> &'static str {
    match d {
        Direction::Up => "up",
        Direction::Down => "down",
        Direction::Same => "same",
    }
}

fn rule_name(r: Rule) -> &'static str {
    r.name()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::read::text::read_text;

    /// The rows of the figures of one sentence hold one copy of its text between them; a row of
    /// another sentence holds that sentence's text.
    #[test]
    fn the_rows_of_one_sentence_share_its_text() {
        let article = read_text("Requests\n\nGoogle received 3,000 requests and 2,000 orders. Apple got 700 in 2014.");
        let record = Record {
            extraction: extract(&article),
            article,
            failure: None,
        };
        let rows: Vec<FigureRow> = FigureRow::all_of(&record).collect();
        let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["3,000", "2,000", "700"]);
        assert_eq!(&*rows[0].sentence, "Google received 3,000 requests and 2,000 orders.");
        assert!(Arc::ptr_eq(&rows[0].sentence, &rows[1].sentence));
        assert_eq!(&*rows[2].sentence, "Apple got 700 in 2014.");
        assert_eq!(Arc::strong_count(&rows[0].sentence), 2);
    }
}
