//! `value_conflict`: the same quantity (entity, measure, period) given two values in one article
//! that no rounding reconciles.

use super::doc::{Doc, Fig};
use super::reading::verdict;
use super::sum::period_name;
use super::{Finding, Rule};
use crate::export::rows::kind_name;
use crate::extract::Period;
use serde_json::json;
use std::collections::BTreeMap;

/// Checks the figures that name the same quantity against each other: one finding per
/// quantity, for the first two values that conflict. Figures are grouped by quantity first, so
/// the work stays proportional to the figures even in an article that is one long table.
pub fn check(doc: &Doc) -> Vec<Finding> {
    let mut groups: BTreeMap<(&str, &str, &Period, &'static str), Vec<&Fig>> = BTreeMap::new();
    for g in &doc.figs {
        if let (Some(q), Some(e), Some(p)) = (&g.quantity, &g.f.entity, &g.f.period) {
            groups.entry((q, e, p, kind_name(g.f.kind))).or_default().push(g);
        }
    }
    let mut out: Vec<Finding> = groups.values().filter_map(|figs| first_conflict(doc, figs)).collect();
    out.sort_by_key(|f| f.evidence.first().map(|e| e.span));
    out
}

fn first_conflict(doc: &Doc, figs: &[&Fig]) -> Option<Finding> {
    // Values already seen that agree with each other need no second look.
    let mut seen: Vec<&Fig> = Vec::new();
    for b in figs {
        for a in &seen {
            let Some(severity) = verdict(
                a.reading.tight.overlaps(b.reading.tight),
                a.reading.wide.overlaps(b.reading.wide),
            ) else {
                continue;
            };
            let entity = a.f.entity.as_deref().unwrap_or("");
            let period = a.f.period.as_ref().map(period_name).unwrap_or_default();
            let quantity = a.quantity.as_deref().unwrap_or("");
            let message = format!(
                "The article gives {entity}'s {quantity} for {period} as {} and later as {}.",
                a.text, b.text
            );
            let mut f = doc.finding(Rule::ValueConflict, severity, message, &[a.f.span, b.f.span]);
            f.stated = Some(json!([a.reading.value, b.reading.value]));
            return Some(f);
        }
        if !seen.iter().any(|a| a.reading == b.reading) {
            seen.push(b);
        }
    }
    None
}
