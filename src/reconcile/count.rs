//! `count_mismatch`: an announced count against its enumeration ("four countries: Germany, France
//! and Brazil"; "three requests ... In two cases ... In the third case").

use super::doc::Doc;
use super::sum::join_and;
use super::{Finding, Rule, Severity};
use crate::extract::claim::{self, Enumeration};
use crate::read::Span;
use serde_json::json;

/// Checks the lists of every sentence and the case breakdowns of every paragraph.
pub fn check(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in doc.sentences {
        for e in claim::list_enumerations(s.of(doc.text)) {
            out.extend(mismatch(doc, s.start, &e, "lists"));
        }
    }
    for p in doc.paragraphs {
        for e in claim::case_enumerations(p.of(doc.text)) {
            out.extend(mismatch(doc, p.start, &e, "accounts for"));
        }
    }
    out
}

fn mismatch(doc: &Doc, offset: usize, e: &Enumeration, verb: &str) -> Option<Finding> {
    if e.announced == e.counted {
        return None;
    }
    let shift = |s: Span| Span::new(offset + s.start, offset + s.end);
    let announced = shift(e.announced_span);
    let items: Vec<Span> = e.items.iter().map(|s| shift(*s)).collect();
    let names: Vec<&str> = items.iter().map(|s| s.of(doc.text).trim()).collect();
    let message = format!(
        "The article announces \"{}\" but then {verb} {}: {}.",
        announced.of(doc.text),
        e.counted,
        join_and(&names)
    );
    let mut spans = vec![announced];
    spans.extend(items);
    // Counts of named things are exact: there is no rounding to explain a difference.
    let mut f = doc.finding(Rule::CountMismatch, Severity::Error, message, &spans);
    f.expected = Some(json!(e.counted));
    f.stated = Some(json!(e.announced));
    Some(f)
}
