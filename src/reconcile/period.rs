//! `period_mismatch`: the period the headline or lede announces for the report against the
//! periods the body's figures are given for.

use super::doc::Doc;
use super::sum::period_name;
use super::{Finding, Rule, Severity};
use crate::extract::claim;
use crate::extract::period::find_periods;
use crate::extract::Period;
use crate::read::Span;
use serde_json::json;

/// Compares the report period the lede (or else the headline) announces with the periods of the
/// body's figures.
pub fn check(doc: &Doc) -> Vec<Finding> {
    let lede = announced_period(doc).map(|(p, span)| (p, Some(span), "introduces the report as covering"));
    let headline = headline_period(doc).map(|p| (p, None, "says in its headline that its figures are for"));
    // One finding at most: the lede's claim first, then the headline's.
    lede.into_iter()
        .chain(headline)
        .find_map(|(announced, span, source)| mismatch(doc, announced, span, source))
        .into_iter()
        .collect()
}

fn mismatch(doc: &Doc, announced: Period, span: Option<Span>, source: &str) -> Option<Finding> {
    // Figures named only as the point of comparison are about another period on purpose.
    let body: Vec<(&Period, Span)> = doc
        .figs
        .iter()
        .filter(|g| !doc.is_reference(g))
        .filter_map(|g| g.f.period.as_ref().map(|p| (p, g.f.span)))
        .collect();
    let within = body.iter().any(|(p, _)| announced.contains(p));
    let elsewhere: Vec<&(&Period, Span)> = body
        .iter()
        .filter(|(p, _)| p.end < announced.start || p.start > announced.end)
        .collect();
    if within || elsewhere.is_empty() {
        return None;
    }
    let (other, example) = elsewhere[0];
    let message = format!(
        "The article {source} {}, but the figures it gives are for {} (for example {}).",
        period_name(&announced),
        period_name(other),
        example.of(doc.text)
    );
    let spans: Vec<Span> = span.into_iter().chain([*example]).collect();
    let mut f = doc.finding(Rule::PeriodMismatch, Severity::Error, message, &spans);
    f.stated = Some(json!(announced.label()));
    f.expected = Some(json!(other.label()));
    Some(f)
}

/// A half, quarter or month the headline names ("... requests in first half of 2015"); a bare
/// year in a headline is too often the year of the news rather than of the figures.
fn headline_period(doc: &Doc) -> Option<Period> {
    let title = doc.title?;
    let published = doc
        .published
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    find_periods(title, published)
        .into_iter()
        .filter(|m| !m.is_anaphoric() && !m.reference)
        .filter_map(|m| m.period)
        .find(|p| p.label().contains('-'))
}

/// "its transparency report for the first half of 2014" in the first paragraph.
fn announced_period(doc: &Doc) -> Option<(Period, Span)> {
    let published = doc
        .published
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    // The lede: the paragraphs up to the first one of prose (a page may open with a headline,
    // a dateline or header lines).
    let first_prose = doc
        .paragraphs
        .iter()
        .position(|p| p.of(doc.text).split_whitespace().nth(19).is_some())
        .unwrap_or(0);
    doc.paragraphs[..doc.paragraphs.len().min(first_prose + 1)]
        .iter()
        .find_map(|lede| announced_in(doc, *lede, published))
}

fn announced_in(doc: &Doc, lede: Span, published: Option<chrono::NaiveDate>) -> Option<(Period, Span)> {
    find_periods(lede.of(doc.text), published).into_iter().find_map(|m| {
        let span = Span::new(lede.start + m.span.start, lede.start + m.span.end);
        let before = doc.before(span, 40);
        let before = before.strip_suffix("the ").unwrap_or(before);
        let after = doc.after(span, 60);
        let announces = claim::announces_report_period(before) || claim::attributes_to_report(after);
        (announces && !m.reference).then_some(())?;
        Some((m.period?, span))
    })
}
