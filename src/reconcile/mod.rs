//! Reconcile: consistency checks over the extracted figures, within an article
//! ([`check_article`]) and across the corpus ([`Corpus`]).
//!
//! One file per rule family; each rule reads the figures through [`doc::Doc`] and compares
//! [`reading::Reading`]s, the intervals a written figure can mean, so that rounding never raises
//! a finding:
//!
//! - [`sum`] — `sum_mismatch` (and the figures an article implies, [`derived_figures`]);
//! - [`share`] — `percent_sum`, `share_mismatch`;
//! - [`change`] — `direction`, `change_mismatch`, `ratio_mismatch`;
//! - [`count`] — `count_mismatch`;
//! - [`conflict`] — `value_conflict`;
//! - [`period`] — `period_mismatch`;
//! - [`corpus`] — `cross_document` and the consolidated dataset;
//! - [`reduce`] — the reduce step over tagged records (`figmine reconcile`).

pub mod change;
pub mod conflict;
pub mod corpus;
pub mod count;
pub mod doc;
pub mod period;
pub mod reading;
pub mod reduce;
pub mod share;
pub mod sum;

pub use corpus::Corpus;

use crate::export::rows::{EvidenceRow, FigureRow, SentenceText};
use crate::extract::{Deadline, OverBudget};
use crate::read::Span;
use crate::record::Record;
use serde::Serialize;
use std::sync::Arc;

/// The name of a consistency rule, as written in the output's `rule` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Parts that do not add up to their stated whole.
    SumMismatch,
    /// Complementary shares that do not reach 100 percent.
    PercentSum,
    /// A percentage of a total against the stated part.
    ShareMismatch,
    /// A stated direction against the numbers.
    Direction,
    /// A stated change against the change computed from the values.
    ChangeMismatch,
    /// An announced count against its enumeration.
    CountMismatch,
    /// Ratio words against the numbers.
    RatioMismatch,
    /// One quantity given two values in one article.
    ValueConflict,
    /// The headline or lede's period against the body's.
    PeriodMismatch,
    /// Two articles giving one quantity different values.
    CrossDocument,
}

impl Rule {
    /// The rule's name in the output.
    pub fn name(self) -> &'static str {
        match self {
            Rule::SumMismatch => "sum_mismatch",
            Rule::PercentSum => "percent_sum",
            Rule::ShareMismatch => "share_mismatch",
            Rule::Direction => "direction",
            Rule::ChangeMismatch => "change_mismatch",
            Rule::CountMismatch => "count_mismatch",
            Rule::RatioMismatch => "ratio_mismatch",
            Rule::ValueConflict => "value_conflict",
            Rule::PeriodMismatch => "period_mismatch",
            Rule::CrossDocument => "cross_document",
        }
    }
}

/// How sure a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Only a loose reading of an approximate figure could explain it.
    Warning,
    /// No reading of the stated numbers is consistent.
    Error,
}

/// A piece of text a finding rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The article it is in.
    pub article: String,
    /// Where in that article's text.
    pub span: Span,
    /// The text itself.
    pub text: String,
}

/// One inconsistency, explained.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The article, for a finding within one article.
    pub article: Option<String>,
    /// The articles involved, for a corpus-level finding.
    pub articles: Vec<String>,
    /// Which rule.
    pub rule: Rule,
    /// How sure.
    pub severity: Severity,
    /// A sentence a journalist understands.
    pub message: String,
    /// The text it rests on.
    pub evidence: Vec<Evidence>,
    /// What the numbers imply.
    pub expected: Option<serde_json::Value>,
    /// What the text states.
    pub stated: Option<serde_json::Value>,
}

/// Checks one article's figures against each other. Pure; one record at a time. Findings come
/// in a fixed order: by rule, then by position of their first evidence.
pub fn check_article(record: &Record) -> Vec<Finding> {
    check_article_until(record, Deadline::NONE).expect("no deadline, so the checks all run")
}

/// [`check_article`], giving up once `deadline` has passed (see [`check_with_rows_until`]).
pub fn check_article_until(record: &Record, deadline: Deadline) -> Result<Vec<Finding>, OverBudget> {
    if record.failure.is_some() {
        return Ok(Vec::new());
    }
    checks(&doc::Doc::until(record, deadline)).ok_or_else(|| OverBudget::Checks(deadline.budget()))
}

/// The findings of an article and its figure rows (see [`figure_rows`]), from one view of it:
/// what a run writes for each article, for the cost of one.
pub fn check_with_rows(record: &Record) -> (Vec<Finding>, Vec<FigureRow>) {
    check_with_rows_until(record, Deadline::NONE).expect("no deadline, so the checks all run")
}

/// [`check_with_rows`], giving up once `deadline` has passed: the deadline of the article's
/// extraction ([`crate::extract::extract_until`]), so that one budget bounds a document's whole
/// work. Tested before and between the rules, in the loops of the longest ones on a page of
/// their figures (all but the sum rule's), and before the figure rows are made; the findings of
/// a rule cut short are never returned.
pub fn check_with_rows_until(
    record: &Record,
    deadline: Deadline,
) -> Result<(Vec<Finding>, Vec<FigureRow>), OverBudget> {
    let over = || OverBudget::Checks(deadline.budget());
    let doc = doc::Doc::until(record, deadline);
    let findings = if record.failure.is_some() {
        Vec::new()
    } else {
        checks(&doc).ok_or_else(over)?
    };
    if doc.out_of_time() {
        return Err(over());
    }
    Ok((findings, rows_of(record, &doc)))
}

/// Every figure row of a record: its figures, then the figures it implies ([`derived_figures`]).
pub fn figure_rows(record: &Record) -> Vec<FigureRow> {
    rows_of(record, &doc::Doc::new(record))
}

/// The findings of every rule, sorted; `None` once the view's deadline has passed
/// ([`doc::Doc::out_of_time`]), tested before the rules and after them.
fn checks(doc: &doc::Doc) -> Option<Vec<Finding>> {
    if doc.out_of_time() {
        return None;
    }
    // Every rule but the count of a list reads the figures, and finds nothing without one: an
    // article without a figure is spared them.
    let mut out = if doc.figs.is_empty() {
        count::check(doc, &doc.cues.counted)
    } else {
        checks_of_figures(doc)
    };
    // (the rules stop short once the deadline has passed, and their findings are then dropped)
    if doc.out_of_time() {
        return None;
    }
    out.sort_by_key(|f| (f.rule, f.evidence.first().map(|e| e.span)));
    Some(out)
}

/// The findings of every rule, whether or not the article has a figure, unsorted; cut short
/// once the deadline has passed, tested between the rules.
fn checks_of_figures(doc: &doc::Doc) -> Vec<Finding> {
    let rules: [fn(&doc::Doc) -> Vec<Finding>; 6] = [
        sum::check,
        share::check,
        |doc| change::check(doc, &doc.cues.sizes),
        |doc| count::check(doc, &doc.cues.counted),
        conflict::check,
        period::check,
    ];
    let mut out = Vec::new();
    for rule in rules {
        if doc.out_of_time() {
            break;
        }
        out.extend(rule(doc));
    }
    out
}

/// The stated rows, reusing the quantity the view worked out for each figure it reads, then the
/// derived ones.
fn rows_of(record: &Record, doc: &doc::Doc) -> Vec<FigureRow> {
    let (article, periods) = (&record.article, &record.extraction.periods);
    // The view's figures are the extraction's in order, less those without a reading.
    let mut figs = doc.figs.iter().peekable();
    let mut sentences = SentenceText::default();
    let mut rows: Vec<FigureRow> = record
        .extraction
        .figures
        .iter()
        .map(|f| {
            let quantity = match figs.next_if(|fig| std::ptr::eq(fig.f, f)) {
                Some(fig) => fig.quantity.as_deref().map(str::to_owned),
                None => doc::quantity_of(&article.text, f, periods),
            };
            FigureRow::stated(article, f, quantity, &mut sentences)
        })
        .collect();
    rows.extend(derived_rows(record, doc));
    rows
}

/// The figures an article implies but does not state (the first half implied by the year minus
/// the second half), as `figures.jsonl` rows with `"derived": true` and the figures they come from.
pub fn derived_figures(record: &Record) -> Vec<FigureRow> {
    derived_rows(record, &doc::Doc::new(record))
}

fn derived_rows(record: &Record, doc: &doc::Doc) -> Vec<FigureRow> {
    if record.failure.is_some() {
        return Vec::new();
    }
    let article = &record.article;
    sum::derive(doc)
        .into_iter()
        .map(|d| FigureRow {
            article: article.id.clone(),
            text: reading::format_number(d.value),
            start: d.from[0].1.start,
            end: d.from[0].1.end,
            kind: "count".into(),
            value: Some(d.value),
            low: Some(d.low),
            high: Some(d.high),
            approx: None,
            unit: None,
            measure: Some(d.measure.clone()),
            entity: d.entity.clone(),
            period: Some(d.period.label()),
            compared_to: None,
            sentence: Arc::from(""),
            in_quote: false,
            quantity: Some(d.measure),
            derived: true,
            from: d
                .from
                .iter()
                .map(|(text, span)| EvidenceRow {
                    article: article.id.clone(),
                    text: text.clone(),
                    start: span.start,
                    end: span.end,
                })
                .collect(),
        })
        .collect()
}

/// One row of the consolidated dataset: what the corpus says about one (entity, measure, period).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct DatasetEntry {
    /// Whose figure ("Microsoft").
    pub entity: String,
    /// What is counted ("law enforcement requests").
    pub measure: String,
    /// Period label ("2014-H2").
    pub period: String,
    /// `count`, `percent` or `money`.
    pub kind: String,
    /// The agreed value: the value most articles state (the most precise one on a tie).
    pub value: f64,
    /// How many articles state a value for this key.
    pub articles: usize,
    /// The ids of those articles.
    pub sources: Vec<String>,
    /// Whether articles give values that no rounding reconciles (see the `cross_document` rule).
    pub conflict: bool,
}

/// What the corpus-level pass produces.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct CorpusResult {
    /// Findings that involve several articles.
    pub findings: Vec<Finding>,
    /// The consolidated dataset, sorted by entity, measure and period.
    pub dataset: Vec<DatasetEntry>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules found in an article of `text` (its first line the headline).
    fn rules_found(text: &str) -> Vec<Rule> {
        let article = crate::read::text::read_text(&format!("Requests\n\n{text}"));
        let record = Record {
            extraction: crate::extract::extract(&article),
            article,
            failure: None,
        };
        checks(&doc::Doc::new(&record))
            .unwrap()
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    /// "or 96% of the total" after a breakdown: the total is the figure of what the part counts
    /// that can hold it, not a smaller one nearer, nor one of something else.
    #[test]
    fn the_total_of_a_share_holds_its_part_and_counts_what_it_counts() {
        let markets = |share: &str| {
            format!(
                "Telefonica received 1,140,326 requests last year.\n\n\
                 In Mexico, the unit handled 61,022 requests.\n\n\
                 The four largest markets accounted for 1,093,828 requests, or {share} of the total."
            )
        };
        assert_eq!(rules_found(&markets("96%")), []);
        assert_eq!(rules_found(&markets("86%")), [Rule::ShareMismatch]);
        let reports = |share: &str| {
            format!(
                "The hotline received 36.2 million reports last year.\n\n\
                 The reports held more than 105 million files.\n\n\
                 Providers submitted 35.9 million reports, or about {share} percent of the total."
            )
        };
        assert_eq!(rules_found(&reports("99")), []);
        assert_eq!(rules_found(&reports("89")), [Rule::ShareMismatch]);
    }

    /// "That was up 74 percent from 806" changes the figure of the sentence before, also when a
    /// clause with a third figure follows.
    #[test]
    fn a_change_referring_back_before_a_clause_of_its_own() {
        let text = |rise: &str| {
            format!(
                "Reddit received 1,184 requests in 2022. That was up {rise} percent from 806 in 2021, \
                 and more than double the 546 it logged in 2019."
            )
        };
        assert_eq!(rules_found(&text("74")), [Rule::ChangeMismatch]);
        assert_eq!(rules_found(&text("47")), []);
    }

    /// Phrasings of the held-out articles (`fixtures/heldout`) that the checks misread.
    #[test]
    fn the_checks_read_the_phrasings_of_the_held_out_articles() {
        let rise = |amount: &str| {
            format!(
                "Amazon received 1,083 subpoenas in the second half of 2016, a {amount} rise from the 851 it \
                 reported for the first six months of the year."
            )
        };
        // a change written as a noun: 851 to 1,083 is a rise of 27 percent
        assert_eq!(rules_found(&rise("37%")), [Rule::ChangeMismatch]);
        assert_eq!(rules_found(&rise("27%")), []);
        // "twice-yearly" states no ratio
        assert_eq!(
            rules_found("Amazon received 1,083 subpoenas in 2016, up from 851 in 2015, its twice-yearly report said."),
            []
        );
        // the total of "19,235 requests, or 41 percent of the total" counts requests, not accounts
        assert_eq!(
            rules_found(
                "Facebook got 46,763 requests in 2015.\n\nThose requests covered 67,129 accounts.\n\nUS \
                 authorities sent 19,235 requests, or 41 percent of the total."
            ),
            []
        );
    }

    /// An article without a figure has the findings of the count of a list alone ([`checks`]):
    /// on the bundled and generated articles, and on texts with a list, with one figure (whose
    /// period the lede's does not hold: one is enough for a finding), and with none.
    #[test]
    fn an_article_without_a_figure_has_only_the_findings_of_lists() {
        let records = doc::test_records(&[
            "It got 4 requests from four countries: Germany, France and Brazil.",
            "Google released its transparency report for the first half of 2014 on Monday.\n\nIt \
             received 3,000 requests in the second half of 2013.",
            "Of the requests, 20 percent were granted. The remaining 70 percent were refused.",
            "It received no requests.",
        ]);
        let (mut spared, mut found_of_one, mut found) = (0, 0, 0);
        for record in &records {
            let doc = doc::Doc::new(record);
            let mut in_full = checks_of_figures(&doc);
            in_full.sort_by_key(|f| (f.rule, f.evidence.first().map(|e| e.span)));
            assert_eq!(checks(&doc), Some(in_full.clone()), "{}", doc.text);
            spared += usize::from(doc.figs.is_empty());
            found_of_one += if doc.figs.len() == 1 { in_full.len() } else { 0 };
            found += in_full.len();
        }
        assert!(
            spared >= 1 && found_of_one >= 1 && found >= 50,
            "{spared} {found_of_one} {found}"
        );
    }

    /// Past their deadline the checks give up, on every article (tested before the first rule
    /// and before the figure rows); with none they find what [`check_article`] and
    /// [`check_with_rows`] find.
    #[test]
    fn the_checks_give_up_once_their_deadline_has_passed() {
        let passed = Deadline::after(std::time::Duration::ZERO);
        let over = OverBudget::Checks(std::time::Duration::ZERO);
        let (mut found, mut rows) = (0, 0);
        for record in doc::test_records(&[]) {
            let in_time = check_with_rows_until(&record, Deadline::NONE);
            assert_eq!(in_time, Ok(check_with_rows(&record)), "{}", record.article.text);
            let findings = check_article_until(&record, Deadline::NONE);
            assert_eq!(findings, Ok(check_article(&record)), "{}", record.article.text);
            assert_eq!(check_with_rows_until(&record, passed), Err(over.clone()));
            assert_eq!(check_article_until(&record, passed), Err(over.clone()));
            let (f, r) = in_time.unwrap();
            (found, rows) = (found + f.len(), rows + r.len());
        }
        assert!(found >= 50 && rows >= 1000, "{found} {rows}");
        // A failed record has no findings to check: the deadline is tested before its rows.
        let failed = Record::failed("gone".into(), "gone".into(), crate::record::Stage::Read, "empty");
        assert_eq!(
            check_with_rows_until(&failed, Deadline::NONE),
            Ok(check_with_rows(&failed))
        );
        assert_eq!(check_with_rows_until(&failed, passed), Err(over));
    }

    /// The rules that test the deadline in their loops ([`doc::Doc::out_of_time`]) stop short once
    /// it has passed: here before their first finding.
    #[test]
    fn rules_that_test_the_deadline_in_their_loops_stop_short() {
        type Check = fn(&doc::Doc) -> Vec<Finding>;
        let rules: [(&str, Check); 3] = [
            (
                "Telefonica received 1,140,326 requests last year.\n\nIn Mexico, the unit handled \
                 61,022 requests.\n\nThe four largest markets accounted for 1,093,828 requests, or \
                 86% of the total.",
                share::check,
            ),
            (
                "Reddit received 1,184 requests in 2022. That was up 74 percent from 806 in 2021.",
                |d| change::check(d, &d.cues.sizes),
            ),
            (
                "Google received 3,000 requests in 2014.\n\nIn 2014, Google received 4,000 requests.",
                conflict::check,
            ),
        ];
        let passed = Deadline::after(std::time::Duration::ZERO);
        for (text, rule) in rules {
            let article = crate::read::text::read_text(&format!("Requests\n\n{text}"));
            let record = Record {
                extraction: crate::extract::extract(&article),
                article,
                failure: None,
            };
            assert!(!rule(&doc::Doc::new(&record)).is_empty(), "{text}");
            assert_eq!(rule(&doc::Doc::until(&record, passed)), [], "{text}");
        }
    }

    #[test]
    fn the_shared_cue_search_gives_each_rule_the_findings_of_its_own() {
        // Words that overlap one before them ("muchigh", "muchem", "highhese"), size words not
        // in lower case, and the shapes each rule reads next to them.
        let written = [
            "Requests from France came to 2,400, about half as many as those from the United States.",
            "It got 2,400, half as muchigh as those from Japan, and 300, half as MANY as in Spain.",
            "It got 2,400, half as Much as those from Japan, and 300, half as much as in Spain.",
            "It got 2,400, twice as large as in Italy; 300, a third as high as in Spain, highhese.",
            "Four requests were made. In two muchem cases data was given. In the other case none was.",
            "Three requests were made. In two of them data was given. In the other one none was.",
            "Four requests were made. In two of thesE, muchthem, data was given. In the last two none.",
            "Five requests came. In 3 instances data was given; in the remaining two cases, highthose.",
            "It got 2,400, half as MUChigh as those from Japan, and 300, half as many as in Spain.",
            "It got 2,400, half as Muchigh as those from Japan, and 300, half as much as in Spain.",
            "It got 2,400, themany as those from Japan, and 300, half as many as in Spain.",
            "Four requests were made. In two highese cases data was given. In the other case none.",
            "Four requests were made. In two muchose cases data was given. In the other case none.",
        ];
        let (mut ratios, mut counts, mut sizes_apart, mut counted_apart) = (0, 0, 0, 0);
        for record in doc::test_records(&written) {
            let doc = doc::Doc::new(&record);
            let (sizes, counted) = (&doc.cues.sizes, &doc.cues.counted);
            let own_sizes = change::as_many_as_cues(doc.text);
            let own_counted = count::COUNTED_PART_WORDS.spans_in(doc.lowercased_text());
            let changes = change::check(&doc, sizes);
            assert_eq!(changes, change::check(&doc, &own_sizes), "{}", doc.text);
            let listed = count::check(&doc, counted);
            assert_eq!(listed, count::check(&doc, &own_counted), "{}", doc.text);
            ratios += changes.iter().filter(|f| f.rule == Rule::RatioMismatch).count();
            counts += listed.len();
            sizes_apart += usize::from(*sizes != own_sizes);
            counted_apart += usize::from(**counted != *own_counted);
        }
        let reached = format!("{ratios} {counts} {sizes_apart} {counted_apart}");
        assert!(
            ratios >= 10 && counts >= 6 && sizes_apart >= 3 && counted_apart >= 3,
            "{reached}"
        );
    }
}
