//! `value_conflict`: the same quantity (entity, measure, period) given two values in one article
//! that no rounding reconciles.

use super::doc::{Doc, Fig};
use super::reading::verdict;
use super::sum::period_name;
use super::{Finding, Rule};
use crate::export::rows::kind_name;
use crate::extract::Period;
use serde_json::json;

/// Checks the figures that name the same quantity against each other: one finding per
/// quantity, for the first two values that conflict. Figures are grouped by quantity first, so
/// the work stays proportional to the figures even in an article that is one long table. (The
/// groups are runs of the figures sorted by quantity, in text order within each: a stable sort
/// of one vector rather than a map of vectors, which allocated one per figure.)
pub fn check(doc: &Doc) -> Vec<Finding> {
    let mut keyed: Vec<(Key, &Fig)> = doc
        .figs
        .iter()
        .filter_map(|g| match (&g.quantity, &g.f.entity, &g.f.period) {
            (Some(q), Some(e), Some(p)) => Some(((q.as_str(), e.as_str(), p, kind_name(g.f.kind)), g)),
            _ => None,
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let groups = keyed.chunk_by(|a, b| a.0 == b.0);
    let mut out: Vec<Finding> = groups.filter_map(|group| first_conflict(doc, group)).collect();
    out.sort_by_key(|f| f.evidence.first().map(|e| e.span));
    out
}

/// What figures of one quantity share: its name, entity, period and kind.
type Key<'k> = (&'k str, &'k str, &'k Period, &'static str);

/// The first two figures of a group (in text order) that no rounding reconciles, as a finding.
fn first_conflict(doc: &Doc, group: &[(Key, &Fig)]) -> Option<Finding> {
    // One figure has nothing to conflict with.
    if group.len() < 2 {
        return None;
    }
    // Values already seen that agree with each other need no second look.
    let mut seen: Vec<&Fig> = Vec::new();
    for &(_, b) in group {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// [`check`] as it was written before: the figures grouped in a map of vectors.
    fn check_by_map(doc: &Doc) -> Vec<Finding> {
        let mut groups: BTreeMap<Key, Vec<(Key, &Fig)>> = BTreeMap::new();
        for g in &doc.figs {
            if let (Some(q), Some(e), Some(p)) = (&g.quantity, &g.f.entity, &g.f.period) {
                let key = (q.as_str(), e.as_str(), p, kind_name(g.f.kind));
                groups.entry(key).or_default().push((key, g));
            }
        }
        let mut out: Vec<Finding> = groups.values().filter_map(|figs| first_conflict(doc, figs)).collect();
        out.sort_by_key(|f| f.evidence.first().map(|e| e.span));
        out
    }

    #[test]
    fn the_groups_of_the_sorted_figures_are_those_of_the_map() {
        let written = [
            "Google received 3,000 requests in 2014. In 2014 Google received 3,500 requests. \
             Apple received 200 requests in 2014 and Apple received 900 requests in 2014.",
        ];
        let (mut found, mut grouped) = (0, 0);
        for record in super::super::doc::test_records(&written) {
            let doc = Doc::new(&record);
            let by_map = check_by_map(&doc);
            assert_eq!(check(&doc), by_map, "{}", doc.text);
            found += by_map.len();
            grouped += usize::from(by_map.len() >= 2);
        }
        assert!(found >= 5 && grouped >= 1, "{found} {grouped}");
    }
}
