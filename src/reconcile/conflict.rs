//! `value_conflict`: the same quantity (entity, measure, period) given two values in one article
//! that no rounding reconciles.

use super::doc::{with_few, Doc, FewList, Fig};
use super::reading::{verdict, Interval, Reading};
use super::sum::period_name;
use super::{Finding, Rule, Severity};
use crate::extract::{claim, FigureKind, Period};
use serde_json::json;
use std::collections::HashSet;
use std::ops::Range;

/// Checks the figures that name the same quantity against each other: one finding per
/// quantity, for the first two values that conflict. Figures are grouped by quantity first, so
/// the work stays proportional to the figures even in an article that is one long table. (The
/// groups are runs of the figures sorted by quantity, in text order within each: a stable sort
/// of one list rather than a map of vectors, which allocated one per figure.)
///
/// The key puts the period and the kind first: they are compared without reading text, and
/// most figures of an article differ in them. (Only the groups matter, not their order: the
/// findings are put in text order at the end.) The list is held on the stack where the figures
/// with a key are few, as in nearly every article ([`with_few`]).
pub fn check(doc: &Doc) -> Vec<Finding> {
    // (each key worked out at each comparison: a list of the figures alone is shorter to fill)
    let keyed = doc.figs.iter().filter(|g| key(g).is_some());
    let mut out: Vec<Finding> = with_few(keyed, |keyed| {
        keyed.sort_by(|a, b| key(a).cmp(&key(b)));
        let groups = keyed.chunk_by(|a, b| key(a) == key(b));
        // (stopped once the checks' deadline has passed, [`Doc::out_of_time`])
        let in_time = groups.take_while(|_| !doc.out_of_time());
        in_time.filter_map(|group| first_conflict(doc, group)).collect()
    });
    out.sort_by_key(|f| f.evidence.first().map(|e| e.span));
    out
}

/// What figures of one quantity share: its period, kind, entity and name.
type Key<'k> = (&'k Period, u8, &'k str, &'k str);

/// The quantity `g` names, for a figure with a quantity, an entity and a period.
fn key<'k>(g: &'k Fig) -> Option<Key<'k>> {
    match (&g.quantity, &g.f.entity, &g.f.period) {
        (Some(q), Some(e), Some(p)) => Some((p, g.f.kind as u8, e, &**q)),
        _ => None,
    }
}

/// The first two figures of a group (in text order) that no rounding reconciles, as a finding:
/// pair by pair in a group of the size an article has, by lists in a longer one (the same
/// finding, tested).
fn first_conflict(doc: &Doc, group: &[&Fig]) -> Option<Finding> {
    if group.len() <= MAX_GROUP_PAIR_BY_PAIR {
        first_conflict_pair_by_pair(doc, group)
    } else {
        first_conflict_by_lists(doc, group)
    }
}

/// The most figures of one quantity compared pair by pair: a few hundred thousand pairs at most,
/// where an article gives one quantity a handful of times.
const MAX_GROUP_PAIR_BY_PAIR: usize = 256;

/// [`first_conflict`] by comparing each figure with every earlier distinct value, with each
/// reason to let a pair go read for the pair: cheap for a few figures, quadratic for many.
fn first_conflict_pair_by_pair(doc: &Doc, group: &[&Fig]) -> Option<Finding> {
    // One figure has nothing to conflict with.
    if group.len() < 2 {
        return None;
    }
    // Values already seen that agree with each other need no second look.
    let mut seen: FewList<&Fig> = FewList::new(group[0]);
    for &b in group {
        for a in seen.iter() {
            let Some(severity) = severity(a, b) else {
                continue;
            };
            let entity = a.f.entity.unwrap_or("");
            if is_part_of_a_total(doc, a)
                || is_part_of_a_total(doc, b)
                || (!names(doc, a, entity) && !names(doc, b, entity))
                || pair_lets_go(doc, a, b)
            {
                continue;
            }
            return Some(finding(doc, a, b, severity));
        }
        if !seen.iter().any(|a| a.reading == b.reading) {
            seen.push(b);
        }
    }
    None
}

/// [`first_conflict`] for a long group. Two of the reasons to let a pair go are a figure's own,
/// not the pair's: a part said to be a share of a total ([`is_part_of_a_total`]), and a sentence
/// that does not name the owner (two such are let go). They are read once a figure, and the
/// earlier values are listed by them, so that a figure is compared only with those it may
/// conflict with; the distinct values are told by a set. (Pair by pair, 20,000 paragraphs of
/// values that take their owner from sentences away took 25 s.) Each list is searched through
/// a tree of its tight intervals ([`EarlierValues`]) for the values that may conflict, in text
/// order, rather than read whole: 27,000 values that all share a point took 47 s.
fn first_conflict_by_lists(doc: &Doc, group: &[&Fig]) -> Option<Finding> {
    let first = group.first()?;
    let entity = first.f.entity.unwrap_or("");
    let mut values = DistinctReadings::default();
    // The earlier distinct values that are no part of a total: all, and those whose sentence
    // names the owner (in text order, as a finding takes the first).
    let mut earlier = EarlierValues::with_room(group.len());
    let mut earlier_named = EarlierValues::with_room(group.len());
    for &b in group {
        // (a long group's, only: the checks' deadline, [`Doc::out_of_time`])
        if doc.out_of_time() {
            return None;
        }
        let part = is_part_of_a_total(doc, b);
        let named = names(doc, b, entity);
        if !part {
            let candidates = if named { &earlier } else { &earlier_named };
            let conflict = candidates.may_conflict_with(b).find_map(|a| {
                let severity = severity(a, b)?;
                (!pair_lets_go(doc, a, b)).then(|| finding(doc, a, b, severity))
            });
            if conflict.is_some() {
                return conflict;
            }
        }
        if values.insert(&b.reading) && !part {
            earlier.push(b);
            if named {
                earlier_named.push(b);
            }
        }
    }
    None
}

/// Earlier values in text order, with a tree over their tight intervals (a segment tree of the
/// lowest upper bound and the highest lower bound under each node), to find in text order those
/// that lie wholly above or below a later value's: the only ones [`severity`] may find in
/// conflict with it, as two intervals that overlap within its slack overlap in less.
struct EarlierValues<'g, 'a> {
    /// The values, in text order.
    figs: Vec<&'g Fig<'a>>,
    /// The bounds under each node: node 1 is the root, node `n` has `2n` and `2n + 1` below it,
    /// and the leaves, `leaves` of them, are the values in order (empty past `figs`).
    tree: Vec<Bounds>,
    /// The number of leaves: a power of two no smaller than the values to hold.
    leaves: usize,
}

/// What the tight intervals of the values under a node of [`EarlierValues`] span.
#[derive(Clone, Copy)]
struct Bounds {
    /// The lowest of their upper bounds.
    min_high: f64,
    /// The highest of their lower bounds.
    max_low: f64,
    /// Whether one of them has a bound that is no number (it overlaps nothing).
    unordered: bool,
}

impl Bounds {
    /// The bounds under a node with no value.
    const NONE: Bounds = Bounds {
        min_high: f64::INFINITY,
        max_low: f64::NEG_INFINITY,
        unordered: false,
    };

    /// The bounds of one interval.
    fn of(i: Interval) -> Bounds {
        Bounds {
            min_high: i.high,
            max_low: i.low,
            unordered: i.low.is_nan() || i.high.is_nan(),
        }
    }

    /// The bounds of the values under two nodes.
    fn join(self, o: Bounds) -> Bounds {
        Bounds {
            min_high: self.min_high.min(o.min_high),
            max_low: self.max_low.max(o.max_low),
            unordered: self.unordered || o.unordered,
        }
    }

    /// Whether one of the values may lie wholly below or above `i` (or be no interval at all).
    fn may_miss(self, i: Interval) -> bool {
        self.unordered || self.min_high < i.low || self.max_low > i.high
    }
}

impl<'g, 'a> EarlierValues<'g, 'a> {
    /// No values, with room for `n`.
    fn with_room(n: usize) -> Self {
        let leaves = n.next_power_of_two();
        EarlierValues {
            figs: Vec::with_capacity(n),
            tree: vec![Bounds::NONE; 2 * leaves],
            leaves,
        }
    }

    /// Adds a value after the others (no more than the room made).
    fn push(&mut self, g: &'g Fig<'a>) {
        let mut node = self.leaves + self.figs.len();
        self.figs.push(g);
        self.tree[node] = Bounds::of(g.reading.tight);
        while node > 1 {
            node /= 2;
            self.tree[node] = self.tree[2 * node].join(self.tree[2 * node + 1]);
        }
    }

    /// The values whose tight interval lies wholly below or above that of `b`, in text order:
    /// all those [`severity`] finds in conflict with `b`, and perhaps a few it does not.
    fn may_conflict_with<'s>(&'s self, b: &Fig) -> impl Iterator<Item = &'g Fig<'a>> + 's {
        let want = b.reading.tight;
        let mut from = 0;
        std::iter::from_fn(move || {
            let i = self.first_missing_from(from, want)?;
            from = i + 1;
            Some(self.figs[i])
        })
    }

    /// The index of the first value from `from` on whose interval may miss `want`: any, when
    /// `want` has a bound that is no number (it overlaps nothing).
    fn first_missing_from(&self, from: usize, want: Interval) -> Option<usize> {
        if from >= self.figs.len() {
            None
        } else if want.low.is_nan() || want.high.is_nan() {
            Some(from)
        } else {
            self.first_missing_under(1, 0..self.leaves, from, want)
        }
    }

    /// [`Self::first_missing_from`] among the leaves `range` under `node`: the search goes down
    /// the first node from `from` on that holds such a value, so it reads a few nodes a level.
    fn first_missing_under(&self, node: usize, range: Range<usize>, from: usize, want: Interval) -> Option<usize> {
        if range.end <= from || !self.tree[node].may_miss(want) {
            return None;
        }
        if range.len() == 1 {
            return Some(range.start);
        }
        let mid = range.start + range.len() / 2;
        self.first_missing_under(2 * node, range.start..mid, from, want)
            .or_else(|| self.first_missing_under(2 * node + 1, mid..range.end, from, want))
    }
}

/// How far apart `a` and the later `b`, of one quantity, are when no rounding reconciles them;
/// `None` when one does, or when one is the earlier value the other is compared with ("4,434
/// ..., up from 1,661 in the same period a year earlier": two values by design, whatever period
/// the earlier one was given).
fn severity(a: &Fig, b: &Fig) -> Option<Severity> {
    if compares(a, b) || compares(b, a) {
        return None;
    }
    verdict(
        a.reading.tight.overlaps(b.reading.tight),
        a.reading.wide.overlaps(b.reading.wide),
    )
}

/// Whether the words around `a` and `b` say they are two things, not one value given twice:
/// the reasons of the pair (those of each figure alone are read apart).
fn pair_lets_go(doc: &Doc, a: &Fig, b: &Fig) -> bool {
    sums_the_other(doc, a, b) || names_other_places(doc, a, b) || two_things_of_one_sentence(doc, a, b)
}

/// The finding of two values of one quantity.
fn finding(doc: &Doc, a: &Fig, b: &Fig, severity: Severity) -> Finding {
    let entity = a.f.entity.unwrap_or("");
    let period = a.f.period.as_ref().map(period_name).unwrap_or_default();
    let quantity = a.quantity.as_deref().unwrap_or("");
    let message = format!(
        "The article gives {entity}'s {quantity} for {period} as {} and later as {}.",
        a.text, b.text
    );
    let mut f = doc.finding(Rule::ValueConflict, severity, message, &[a.f.span, b.f.span]);
    f.stated = Some(json!([a.reading.value, b.reading.value]));
    f
}

/// The readings met so far, told apart as `==` tells them: by the bits of their numbers, with
/// the two zeros one and no value marked by a NaN's bits (no number has them: a reading holding
/// a NaN, equal to none, is new every time).
#[derive(Default)]
struct DistinctReadings(HashSet<[u64; 5]>);

impl DistinctReadings {
    /// Whether `r` is equal to no reading inserted before; it is inserted.
    fn insert(&mut self, r: &Reading) -> bool {
        let numbers = [
            r.value.unwrap_or(0.0),
            r.tight.low,
            r.tight.high,
            r.wide.low,
            r.wide.high,
        ];
        if numbers.iter().any(|n| n.is_nan()) {
            return true;
        }
        let bits = |n: f64| if n == 0.0 { 0 } else { n.to_bits() };
        let mut key = numbers.map(bits);
        if r.value.is_none() {
            key[0] = f64::NAN.to_bits();
        }
        self.0.insert(key)
    }
}
/// Whether `g` is followed in its sentence by a share of a total set off by a comma ("1,909
/// geofence warrants in 2020, about 17 percent of the national total"; ", or 41 percent of the
/// total"): `g` is then a part of that total.
fn is_part_of_a_total(doc: &Doc, g: &Fig) -> bool {
    let i = doc.figs.partition_point(|x| x.f.span.start < g.f.span.start);
    let Some(share) = doc.figs.get(i + 1) else {
        return false;
    };
    let set_off = |between: &str| {
        between.rsplit_once(',').is_some_and(|(_, after_comma)| {
            after_comma
                .split_whitespace()
                .all(|w| matches!(w, "or" | "about" | "some" | "roughly" | "nearly" | "around" | "almost"))
        })
    };
    share.f.kind == FigureKind::Percent
        && doc.same_sentence(g, share)
        && set_off(doc.between(g.f.span, share.f.span))
        && claim::share_base(doc.after_fig(share, 40)).is_some_and(|base| base.ends_with("total"))
}

/// Whether `b` is named the total of figures before it in its sentence, `a` among them ("1,262
/// requests ... and 96 measures, for a total of 23,768"): a part and the sum, not one quantity
/// given twice.
fn sums_the_other(doc: &Doc, a: &Fig, b: &Fig) -> bool {
    doc.same_sentence(a, b) && {
        let before = doc.before_fig(b, 20).trim_end();
        before.ends_with("total of") || before.ends_with("totaling") || before.ends_with("totalling")
    }
}

/// Whether `a` and `b`, in one sentence, are each followed by a different name after "on",
/// "from", "in" or "at" ("3,417 concerned posts on Twitter, 1,743 on Facebook and 1,061 on
/// YouTube"): the items of a list, each of its own place, not one quantity given twice.
fn names_other_places(doc: &Doc, a: &Fig, b: &Fig) -> bool {
    fn place(after: &str) -> Option<&str> {
        claim::name_after_preposition(after).map(|name| &after[name])
    }
    doc.same_sentence(a, b)
        && match (place(doc.after_fig(a, 30)), place(doc.after_fig(b, 30))) {
            (Some(x), Some(y)) => x != y,
            _ => false,
        }
}

/// Whether the sentence of `g` names `entity`, its owner. Two values whose sentences do not
/// both took it from sentences away ("Yandex, which handles two-thirds of searches in Russia,
/// says it received 6,214" after a paragraph on Microsoft; a country's figures in an article that
/// names another company only in passing), so they may be two owners' figures, not one given
/// twice.
fn names(doc: &Doc, g: &Fig, entity: &str) -> bool {
    g.f.sentence.of(doc.text).contains(entity)
}

/// Whether `a` and `b` stand in one sentence, set beside each other by "while", "whereas",
/// "beginning with" or a colon and after other words: one sentence names two things counted
/// alike ("it removed 186,195 apps from the store in 2022, while the store listed 1,783,232
/// apps"; "it ordered 267 apps blocked, beginning with 59"; "12,474 subpoenas, court orders and
/// warrants ...: 9,118 subpoenas"), not one value given twice ("received 1,015 account requests
/// ..., though Apple's report lists 1,051").
fn two_things_of_one_sentence(doc: &Doc, a: &Fig, b: &Fig) -> bool {
    let word_before = |g: &Fig| doc.before_fig(g, 30).split_whitespace().next_back().unwrap_or("");
    let between = doc.between(a.f.span, b.f.span);
    doc.same_sentence(a, b)
        && [" while ", " whereas ", " beginning with ", ": "]
            .iter()
            .any(|w| between.contains(w))
        && word_before(a) != word_before(b)
}

/// Whether `g` is compared with `earlier` as its earlier value.
fn compares(g: &Fig, earlier: &Fig) -> bool {
    g.f.compared_to.as_ref().is_some_and(|c| c.span == earlier.f.span)
}

#[cfg(test)]
mod tests {
    use super::super::doc::test_record;
    use super::*;
    use crate::export::rows::kind_name;
    use std::collections::BTreeMap;

    /// [`check`] as it was written before: the figures grouped in a map of vectors, by their
    /// quantity's name, entity, period and kind's name.
    fn check_by_map(doc: &Doc) -> Vec<Finding> {
        type NamedKey<'k> = (&'k str, &'k str, &'k Period, &'static str);
        let mut groups: BTreeMap<NamedKey, Vec<&Fig>> = BTreeMap::new();
        for g in &doc.figs {
            if let (Some(q), Some(e), Some(p)) = (&g.quantity, &g.f.entity, &g.f.period) {
                let named = (&**q, *e, p, kind_name(g.f.kind));
                groups.entry(named).or_default().push(g);
            }
        }
        let mut out: Vec<Finding> = groups.values().filter_map(|figs| first_conflict(doc, figs)).collect();
        out.sort_by_key(|f| f.evidence.first().map(|e| e.span));
        out
    }

    /// [`first_conflict_by_lists`] as it was written before: each list read whole for each value.
    fn first_conflict_by_scanning_lists(doc: &Doc, group: &[&Fig]) -> Option<Finding> {
        let first = group.first()?;
        let entity = first.f.entity.unwrap_or("");
        let mut values = DistinctReadings::default();
        // The earlier distinct values that are no part of a total: all, and those whose sentence
        // names the owner (in text order, as a finding takes the first).
        let (mut earlier, mut earlier_named): (Vec<&Fig>, Vec<&Fig>) = (Vec::new(), Vec::new());
        for &b in group {
            let part = is_part_of_a_total(doc, b);
            let named = names(doc, b, entity);
            if !part {
                let candidates = if named { &earlier } else { &earlier_named };
                let conflict = candidates.iter().find_map(|a| {
                    let severity = severity(a, b)?;
                    (!pair_lets_go(doc, a, b)).then(|| finding(doc, a, b, severity))
                });
                if conflict.is_some() {
                    return conflict;
                }
            }
            if values.insert(&b.reading) && !part {
                earlier.push(b);
                if named {
                    earlier_named.push(b);
                }
            }
        }
        None
    }

    /// The first conflict of each group, read with each figure's own reasons once and the earlier
    /// values listed by them, is the one read pair by pair: on texts where every reason lets some
    /// pair go, with values repeated, agreeing by rounding, and conflicting, in several orders.
    #[test]
    fn the_first_conflict_is_the_one_found_pair_by_pair() {
        let sentences = [
            "Google received 3,000 requests in 2014.",
            "In 2014 it got 3,000 requests, Google said.",
            "Google got about 3,000 requests in 2014.",
            "Google received 3,500 requests in 2014.",
            "Agencies got 1,909 requests in 2014, about 17 percent of the national total.",
            "Google got 1,262 requests in 2014 and 96 requests in 2014, for a total of 1,358 requests in 2014.",
            "Google got 3,417 requests in 2014 on Twitter, 1,743 requests in 2014 on Facebook.",
            "Google removed 186 requests in 2014, while Google listed 1,783 requests in 2014.",
            "It got 5,001 requests in 2014, down from 7,001 requests in 2013.",
            "It got 5,002 requests in 2014.",
            "Google received 2,900 requests in 2014.",
            "Google received 0 requests in 2014, and 0.0 requests in 2014.",
        ];
        let mut texts = Vec::new();
        for shift in 0..sentences.len() {
            let mut order: Vec<&str> = sentences.to_vec();
            order.rotate_left(shift);
            texts.push(order.join("\n\n"));
            order.reverse();
            texts.push(order.join(" "));
        }
        let (mut found, mut groups) = (0, 0);
        for text in &texts {
            let record = test_record(text);
            let doc = Doc::new(&record);
            let mut keyed: Vec<&Fig> = doc.figs.iter().filter(|g| key(g).is_some()).collect();
            keyed.sort_by(|a, b| key(a).cmp(&key(b)));
            for group in keyed.chunk_by(|a, b| key(a) == key(b)) {
                let want = first_conflict_pair_by_pair(&doc, group);
                found += usize::from(want.is_some());
                groups += usize::from(group.len() >= 3);
                assert_eq!(first_conflict_by_lists(&doc, group), want, "{text}");
                assert_eq!(first_conflict_by_scanning_lists(&doc, group), want, "{text}");
            }
        }
        assert!(
            found >= 10 && groups >= 10,
            "{found} conflicts, {groups} groups of three or more"
        );
    }

    /// Texts of one quantity given many times, each value with a word that bounds it, an
    /// approximation word or none, at a few sizes and roundings: values that all share a point
    /// (the "up to" of a long page), that touch, and that conflict, below or above, at any
    /// distance before, with the reasons to let a pair go among them (a pair let go before a
    /// value that conflicts: "900 ..., while Google listed up to 950 ..., and 1,743 ...").
    fn texts_of_bounded_values() -> Vec<String> {
        let words = [
            "",
            "up to ",
            "more than ",
            "about ",
            "nearly ",
            "at least ",
            "fewer than ",
        ];
        let values = [
            "900",
            "899",
            "901",
            "1,000",
            "1.5 million",
            "2 million",
            "950",
            "0",
            "3,000",
        ];
        let asides = [
            "",
            ", while Google listed 7 requests in 2014",
            " on Twitter, 1,743 requests in 2014 on Facebook",
            ", while Google listed up to 950 requests in 2014, and 1,743 requests in 2014",
            ", about 17 percent of the national total",
        ];
        let mut next = crate::gen::fixed_random();
        (0..600)
            .map(|_| {
                let separator = if next(2) == 0 { " " } else { "\n\n" };
                let sentences: Vec<String> = (0..2 + next(14))
                    .map(|_| {
                        let owner = if next(5) == 0 { "It" } else { "Google" };
                        let aside = if next(4) == 0 { asides[next(asides.len())] } else { "" };
                        let (word, value) = (words[next(words.len())], values[next(values.len())]);
                        format!("{owner} received {word}{value} requests in 2014{aside}.")
                    })
                    .collect();
                sentences.join(separator)
            })
            .collect()
    }

    /// The first conflict found through the trees of intervals is the one the lists read whole
    /// find, and the one found pair by pair, on texts of bounded values.
    #[test]
    fn the_first_conflict_through_the_trees_is_the_one_of_the_whole_lists() {
        let (mut found, mut groups) = (0, 0);
        for text in texts_of_bounded_values() {
            let record = test_record(&text);
            let doc = Doc::new(&record);
            let mut keyed: Vec<&Fig> = doc.figs.iter().filter(|g| key(g).is_some()).collect();
            keyed.sort_by(|a, b| key(a).cmp(&key(b)));
            for group in keyed.chunk_by(|a, b| key(a) == key(b)) {
                let want = first_conflict_by_scanning_lists(&doc, group);
                found += usize::from(want.is_some());
                groups += usize::from(group.len() >= 3);
                assert_eq!(first_conflict_by_lists(&doc, group), want, "{text}");
                assert_eq!(first_conflict_pair_by_pair(&doc, group), want, "{text}");
            }
        }
        assert!(
            found >= 200 && groups >= 300,
            "{found} conflicts, {groups} groups of three or more"
        );
    }

    /// A long page of values that all share a point ("up to 900,000", "up to 899,999", ...) has
    /// no conflict, and a value above them all, at its end, conflicts with the first.
    #[test]
    fn values_that_share_a_point_do_not_conflict_however_many() {
        let mut sentences: Vec<String> = (0..600)
            .map(|i| format!("Google received up to {} requests in 2014.", 900_000 - i))
            .collect();
        let record = test_record(&sentences.join(" "));
        let doc = Doc::new(&record);
        assert_eq!(check(&doc), []);
        sentences.push("Google received 950,000 requests in 2014.".into());
        let record = test_record(&sentences.join(" "));
        let found = check(&Doc::new(&record));
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.ends_with("as up to 900000 and later as 950,000."),
            "{}",
            found[0].message
        );
    }

    /// Readings are told apart as `==` tells them.
    #[test]
    fn distinct_readings_are_those_equal_to_none_before() {
        use super::super::reading::Interval;
        let reading = |value: Option<f64>, low: f64, high: f64| Reading {
            value,
            tight: Interval::new(low, high),
            wide: Interval::new(low, high),
        };
        let readings = [
            reading(Some(0.0), 0.0, 0.0),
            reading(Some(-0.0), -0.0, 0.0),
            reading(None, 0.0, 0.0),
            reading(Some(f64::from_bits(1)), 0.0, 0.0),
            reading(Some(3.0), 2.5, 3.5),
            reading(Some(3.0), 2.5, f64::INFINITY),
            reading(Some(3.0), 2.5, 3.5),
            reading(Some(f64::NAN), 2.5, 3.5),
            reading(None, 2.5, 3.5),
            reading(None, 2.5, 3.5),
        ];
        let mut set = DistinctReadings::default();
        for (i, r) in readings.iter().enumerate() {
            let new = !readings[..i].iter().any(|earlier| earlier == r);
            assert_eq!(set.insert(r), new, "{r:?}");
        }
    }

    #[test]
    fn a_correction_is_not_a_second_value() {
        let body = "Twitter received 44 government takedown requests in 2020, up from 16 in 2019.";
        let corrections = [
            "Correction, February 3, 2021: An earlier version of this article said Twitter received 46 \
             government takedown requests in 2020. The correct figure is 44.",
            "An earlier version of this article said Twitter received 46 government takedown requests in 2020.",
            "This article incorrectly stated that Twitter received 46 government takedown requests in 2020.",
        ];
        for correction in corrections {
            let record = test_record(&format!("{body}\n\n{correction}"));
            let doc = Doc::new(&record);
            assert_eq!(check(&doc), [], "{correction}");
            // nor is it a row of the corpus (a figure without a quantity has none)
            let retracted = doc.figs.iter().find(|g| g.text == "46").expect("46 is read");
            assert_eq!(retracted.quantity, None, "{correction}");
        }
        // the same figure outside a correction is a conflict
        let record = test_record(&format!(
            "{body}\n\nTwitter received 46 government takedown requests in 2020."
        ));
        assert_eq!(check(&Doc::new(&record)).len(), 1);
    }

    #[test]
    fn two_values_whose_sentences_name_no_owner_are_not_one_given_twice() {
        let text = |second: &str| {
            format!(
                "Microsoft reports its delisting requests twice a year. Added together, its reports \
                 for 2023 show 4,189 requests.\n\n{second} received 6,214 requests in 2023."
            )
        };
        // an organisation figmine does not know: its figure took Microsoft from sentences away
        let record = test_record(&text("Yandex, which handles two-thirds of searches in Russia, says it"));
        assert_eq!(check(&Doc::new(&record)), []);
        // named in either sentence, the second value is a conflict
        let record = test_record(&text("Microsoft"));
        assert_eq!(check(&Doc::new(&record)).len(), 1);
    }

    #[test]
    fn a_part_said_to_be_a_share_of_the_total_is_not_the_total_again() {
        let text = |share: &str| {
            format!(
                "Police sent Google 11,554 geofence warrants in 2020. Agencies in California obtained \
                 1,909 geofence warrants in 2020{share}."
            )
        };
        for share in [
            ", about 17 percent of the national total",
            ", or 17 percent of the total",
        ] {
            let record = test_record(&text(share));
            assert_eq!(check(&Doc::new(&record)), [], "{share}");
        }
        // without the share, the second value is a conflict
        let record = test_record(&text(""));
        assert_eq!(check(&Doc::new(&record)).len(), 1);
    }

    #[test]
    fn a_total_of_parts_is_not_one_of_them_given_again() {
        let text = |total: &str| {
            format!(
                "Google received 22,410 search warrants, 1,262 requests for data and 96 wiretap orders in \
                 the first half of 2021{total}."
            )
        };
        let record = test_record(&text(", for a total of 23,768"));
        assert_eq!(check(&Doc::new(&record)), []);
        // the same figure as a second value, not named the total, is a conflict
        let record = test_record(&text(". Google received 23,768 requests in the first half of 2021"));
        assert_eq!(check(&Doc::new(&record)).len(), 1);
    }

    /// Two values of one sentence set beside each other ("removed 186,195 apps ..., while the
    /// store listed 1,783,232 apps") count two things alike; after the same word, joined
    /// otherwise, or in two sentences, they are one quantity given twice.
    #[test]
    fn two_values_of_one_sentence_are_two_things_counted_alike() {
        let found = |text: &str| check(&Doc::new(&test_record(text))).len();
        assert_eq!(
            found("Apple removed 186,195 apps in 2022, while Apple listed 1,783,232 apps in 2022."),
            0
        );
        assert_eq!(
            found("Apple removed 186,195 apps in 2022. Apple listed 1,783,232 apps in 2022."),
            1
        );
        assert_eq!(
            found("Apple removed 186,195 apps in 2022, and later said it removed 1,783,232 apps in 2022."),
            1
        );
        assert_eq!(
            found("Apple received 1,015 requests in 2022, though Apple's report lists 1,051 requests in 2022."),
            1
        );
    }

    #[test]
    fn the_items_of_a_list_each_on_its_own_place_are_not_one_value_given_twice() {
        let findings = |text: &str| {
            let record = test_record(text);
            check(&Doc::new(&record))
                .into_iter()
                .map(|f| f.message)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            findings(
                "Of the 6,775 directions issued in 2022, 3,417 concerned posts on Twitter, 1,743 on Facebook \
                 and 1,061 on YouTube."
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            findings("Twitter got 3,417 requests in 2022. Twitter got 3,147 requests in 2022 on Monday."),
            ["The article gives Twitter's requests for the year 2022 as 3,417 and later as 3,147."]
        );
    }

    #[test]
    fn a_figure_does_not_conflict_with_its_own_earlier_value() {
        let text = "Twitter received 4,434 legal demands to remove or withhold content between January and \
                    June 2016, the company said in its latest transparency report, up from 1,661 in the same \
                    period a year earlier.";
        let record = test_record(text);
        let doc = Doc::new(&record);
        let newer = doc.figs.iter().find(|g| g.text == "4,434").expect("4,434 is read");
        let earlier = doc.figs.iter().find(|g| g.text == "1,661").expect("1,661 is read");
        assert!(compares(newer, earlier));
        assert_eq!(check(&doc), []);
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
