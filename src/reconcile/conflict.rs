//! `value_conflict`: the same quantity (entity, measure, period) given two values in one article
//! that no rounding reconciles.

use super::doc::{Doc, Fig};
use super::reading::verdict;
use super::sum::period_name;
use super::{Finding, Rule};
use serde_json::json;

/// Checks every pair of figures that name the same quantity.
pub fn check(doc: &Doc) -> Vec<Finding> {
    let figs: Vec<&Fig> = doc
        .figs
        .iter()
        .filter(|g| g.quantity.is_some() && g.f.period.is_some() && g.f.entity.is_some())
        .collect();
    let mut out = Vec::new();
    // One finding per quantity: the first two values that conflict.
    let mut reported: Vec<(&Option<String>, &Option<String>, &Option<crate::extract::Period>)> = Vec::new();
    for (i, a) in figs.iter().enumerate() {
        for b in &figs[i + 1..] {
            let same = a.quantity == b.quantity
                && a.f.entity == b.f.entity
                && a.f.period == b.f.period
                && a.f.kind == b.f.kind;
            if !same || reported.contains(&(&a.quantity, &a.f.entity, &a.f.period)) {
                continue;
            }
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
            out.push(f);
            reported.push((&a.quantity, &a.f.entity, &a.f.period));
        }
    }
    out
}
