//! `sum_mismatch`: parts that must add up to a stated whole — the two halves to the year, the
//! quarters to the half or the year — and the figures the text implies but does not state (the
//! first half implied by the year minus the second half).

use super::doc::{with_few, Doc, Fig};
use super::reading::{format_number, verdict, Interval};
use super::{Finding, Rule};
use crate::extract::claim;
use crate::extract::{FigureKind, Period};
use crate::read::Span;
use chrono::Datelike;
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::json;
use std::cell::RefCell;
use std::rc::Rc;

/// How the parts of a period tile it.
fn tilings(whole: &Period) -> Vec<Vec<Period>> {
    let y = whole.start.year();
    let mut out = Vec::new();
    if Period::year(y).as_ref() == Some(whole) {
        out.push(vec![Period::half(y, 1), Period::half(y, 2)]);
        out.push((1..=4).map(|q| Period::quarter(y, q)).collect());
    }
    for h in 1..=2 {
        if Period::half(y, h).as_ref() == Some(whole) {
            out.push(vec![Period::quarter(y, h * 2 - 1), Period::quarter(y, h * 2)]);
        }
    }
    out.into_iter()
        .filter_map(|parts| parts.into_iter().collect::<Option<Vec<_>>>())
        .collect()
}

/// How many periods [`TILINGS`] holds at most (articles name few, but a run is long).
const TILINGS_HELD: usize = 1024;

thread_local! {
    /// The tilings of the periods met by this thread, kept from one article to the next:
    /// articles name few periods, and working out the parts of one (a dozen dates) cost more
    /// than looking them up.
    static TILINGS: RefCell<FxHashMap<Period, Rc<Vec<Vec<Period>>>>> = RefCell::default();
}

/// [`tilings`] of `whole`, worked out once per thread.
fn tilings_of(whole: &Period) -> Rc<Vec<Vec<Period>>> {
    TILINGS.with_borrow_mut(|known| {
        if let Some(t) = known.get(whole) {
            return Rc::clone(t);
        }
        if known.len() >= TILINGS_HELD {
            known.clear();
        }
        let t = Rc::new(tilings(whole));
        known.insert(whole.clone(), Rc::clone(&t));
        t
    })
}

/// Whether a figure may be summed: a stated whole quantity with a period.
fn is_summable(g: &Fig) -> bool {
    g.quantity.is_some() && g.f.period.is_some() && g.reading.value.is_some()
}

/// Figures that may be summed ([`is_summable`]).
fn summable<'d, 'a>(doc: &'d Doc<'a>) -> Vec<&'d Fig<'a>> {
    doc.figs.iter().filter(|g| is_summable(g)).collect()
}

/// Checks every whole whose parts the article also states: parts of a period, and breakdowns of
/// a total within a sentence. One finding per whole.
pub fn check(doc: &Doc) -> Vec<Finding> {
    let mut out = by_period(doc);
    // (gathered in one vector: most are empty, and a chain of their four iterators cost more)
    let mut found = breakdowns(doc);
    found.extend(breakdowns_of_those(doc));
    found.extend(tables(doc));
    found.extend(together(doc));
    push_unless_whole_shown(&mut out, found);
    out
}

/// Appends to `out` each of `found`, in order, whose whole (its last evidence) is not among the
/// evidence of a finding in `out` already (one appended before it included): one finding per
/// whole. A finding with no evidence is appended.
fn push_unless_whole_shown(out: &mut Vec<Finding>, found: Vec<Finding>) {
    if found.is_empty() {
        return;
    }
    // The spans shown so far, looked up rather than searched: a breakdown on a page with no
    // sentence end has a hundred parts, and a page thousands of breakdowns.
    let mut shown: FxHashSet<Span> = out.iter().flat_map(|o| o.evidence.iter().map(|e| e.span)).collect();
    for f in found {
        if f.evidence.last().is_some_and(|w| shown.contains(&w.span)) {
            continue;
        }
        shown.extend(f.evidence.iter().map(|e| e.span));
        out.push(f);
    }
}

/// How many summable figures an article may have for [`by_period`] to look through them for the
/// parts of each whole; past that, they are grouped by quantity and period first, so that a page
/// with thousands of figures is not quadratic.
const SCANNED_SUMMABLE: usize = 32;

/// Halves and quarters against their year or half.
fn by_period(doc: &Doc) -> Vec<Finding> {
    let figs = doc.figs.iter().filter(|g| is_summable(g));
    // A whole and two parts at least.
    if figs.clone().nth(2).is_none() {
        return Vec::new();
    }
    // Few enough to be looked through for each whole, as nearly every article has: they need
    // no list.
    if figs.clone().nth(SCANNED_SUMMABLE).is_none() {
        by_period_scanned(doc, figs)
    } else {
        by_period_grouped(doc, &figs.collect::<Vec<_>>())
    }
}

/// [`by_period`] of few summable figures, `figs`, looked through for the figures of each part
/// of each whole: where the article has every part of a whole's tiling, the first three figures
/// of each (see `options`) are checked against it.
fn by_period_scanned<'d, 'a: 'd>(doc: &'d Doc<'a>, figs: impl Iterator<Item = &'d Fig<'a>> + Clone) -> Vec<Finding> {
    let mut out = Vec::new();
    let given = PeriodsGiven::of(figs.clone());
    for whole in figs.clone() {
        let period = whole.f.period.as_ref().expect("summable figures have a period");
        // Every part of a tiling lies strictly within the whole: a whole with no figure given
        // for such a period (nearly every one) needs neither its tilings nor a scan.
        if !given.any(|p| strictly_within(p, period)) {
            continue;
        }
        for tiling in tilings_of(period).iter() {
            // A tiling with a part no figure is given for needs no scan for its parts.
            if !tiling.iter().all(|p| given.any(|g| g == p)) {
                continue;
            }
            // The first three figures of each part, of the whole's quantity (a tiling has four
            // parts at most).
            let mut picked = [[whole; 3]; 4];
            let mut counts = [0; 4];
            for (k, p) in tiling.iter().enumerate() {
                let of_part = figs
                    .clone()
                    .filter(|g| g.f.period.as_ref() == Some(p) && same_quantity(g, whole));
                for g in of_part.take(3) {
                    picked[k][counts[k]] = g;
                    counts[k] += 1;
                }
                if counts[k] == 0 {
                    break;
                }
            }
            if counts[..tiling.len()].contains(&0) {
                continue;
            }
            let parts: [&[&Fig]; 4] = std::array::from_fn(|k| &picked[k][..counts[k]]);
            out.extend(check_sum(doc, whole, &parts[..tiling.len()]));
        }
    }
    out
}

/// The periods few summable figures ([`by_period_scanned`]'s) are given for, each once: an
/// article names a handful, and a whole or a tiling whose parts are not among them is passed by
/// without a scan of the figures.
struct PeriodsGiven<'p> {
    /// The first `len` are the periods.
    periods: [Option<&'p Period>; SCANNED_SUMMABLE],
    len: usize,
    /// Whether there were more than the list holds (then any period may be given).
    more: bool,
}

impl<'p> PeriodsGiven<'p> {
    /// The periods of the summable figures `figs`.
    fn of<'a: 'p>(figs: impl Iterator<Item = &'p Fig<'a>>) -> PeriodsGiven<'p> {
        let mut given = PeriodsGiven {
            periods: [None; SCANNED_SUMMABLE],
            len: 0,
            more: false,
        };
        for g in figs {
            let period = g.f.period.as_ref().expect("summable figures have a period");
            if given.any(|p| p == period) {
                continue;
            }
            if given.len == SCANNED_SUMMABLE {
                given.more = true;
                continue;
            }
            given.periods[given.len] = Some(period);
            given.len += 1;
        }
        given
    }

    /// Whether one of the periods may be as `wanted` says.
    fn any(&self, wanted: impl Fn(&Period) -> bool) -> bool {
        self.more || self.periods[..self.len].iter().flatten().any(|p| wanted(p))
    }
}

/// [`by_period`] of many summable figures, `figs`: each whole's parts looked up among them,
/// grouped by quantity and period, instead of searched.
fn by_period_grouped(doc: &Doc, figs: &[&Fig]) -> Vec<Finding> {
    // The figures of each quantity and period, in text order. Only the first three of a part are
    // tried (see `options`).
    type Key<'k> = (&'k Option<Rc<str>>, Option<&'static str>, FigureKind, &'k Period);
    fn key<'k>(g: &'k Fig, p: &'k Period) -> Key<'k> {
        (&g.quantity, g.f.entity, g.f.kind, p)
    }
    let mut by_key: FxHashMap<Key, Vec<&Fig>> = FxHashMap::default();
    for g in figs {
        let period = g.f.period.as_ref().expect("summable figures have a period");
        let part = by_key.entry(key(g, period)).or_default();
        if part.len() < 3 {
            part.push(g);
        }
    }
    // How many periods each quantity is given for: a whole and two parts are three periods.
    let mut periods_of: FxHashMap<(&Option<Rc<str>>, _, _), usize> = FxHashMap::default();
    for (quantity, entity, kind, _) in by_key.keys() {
        *periods_of.entry((*quantity, *entity, *kind)).or_default() += 1;
    }
    let mut out = Vec::new();
    for whole in figs {
        if periods_of[&(&whole.quantity, whole.f.entity, whole.f.kind)] < 3 {
            continue;
        }
        let period = whole.f.period.as_ref().expect("summable figures have a period");
        for tiling in tilings_of(period).iter() {
            // The figures of every part, borrowed (the collection stops at the first part the
            // article does not give, whose figures would be none).
            let Some(parts) = tiling
                .iter()
                .map(|p| by_key.get(&key(whole, p)).map(Vec::as_slice))
                .collect::<Option<Vec<&[&Fig]>>>()
            else {
                continue;
            };
            if let Some(f) = check_sum(doc, whole, &parts) {
                out.push(f);
            }
        }
    }
    out
}

/// Figures that may be parts of a breakdown: counts and money that are not change amounts.
fn is_part(doc: &Doc, g: &Fig) -> bool {
    may_be_part(g) && !doc.is_change_amount(g)
}

/// [`is_part`] but for the change amounts, which only a search of the text before the figure
/// tells.
fn may_be_part(g: &Fig) -> bool {
    g.f.kind != FigureKind::Percent && g.reading.value.is_some()
}

/// "1,257 in the first half and 1,622 in the second half, for a total of 2,879" (the parts must
/// make the total) and "Of the 5,624 demands, 2,576 came with a gag order and the remaining 3,148
/// did not" (the parts must make the total when the last is "the remaining", and must not exceed
/// it otherwise).
fn breakdowns(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        // A whole and a part at least (most sentences hold fewer than two figures, as their run
        // tells without a look at them).
        if !doc.sentence_may_hold_two_figs(s) || doc.sentence_figs(s).nth(1).is_none() {
            continue;
        }
        // The figures of the sentence that may be parts ([`may_be_part`]): whether one is a
        // change amount, and no part, is asked only of those compared with a whole of their kind
        // (a sentence's lone count is not).
        let parts = doc.sentence_figs(s).map(|(_, g)| g).filter(|g| may_be_part(g));
        let sentence = Sentence {
            span: *sentence,
            continues_cut: doc.continues_cut(s),
        };
        with_few(parts, |figs| breakdowns_of_sentence(doc, figs, sentence, &mut out));
    }
    out
}

/// A sentence whose breakdowns are read: its span, and whether it continues one cut for its
/// length ([`Doc::continues_cut`]), where the parts of a breakdown may lie before the cut.
#[derive(Clone, Copy)]
struct Sentence {
    span: Span,
    continues_cut: bool,
}

/// [`breakdowns`] of the figures `figs` of `sentence` that may be parts.
fn breakdowns_of_sentence(doc: &Doc, figs: &[&Fig], sentence: Sentence, out: &mut Vec<Finding>) {
    for (k, whole) in figs.iter().enumerate() {
        // Without two figures of its kind and unit before it nor one after it, the whole has
        // no parts whatever its text says (see below): the figures alone tell, before any
        // text is read (a sentence's last count, a count beside a percentage).
        if is_alone_of_its_kind(figs, k) {
            #[cfg(test)]
            tests::WHOLES_ALONE.with(|n| n.set(n.get() + 1));
            continue;
        }
        // A whole neither closes nor opens a breakdown where the end of the text before it
        // cannot end the words that do ("for a total of", "of the"): nearly every figure.
        // Read first, from the tails read with the view, it spares asking whether the other
        // figures are change amounts.
        if !may_close_or_open_breakdown(doc, whole, sentence.span) {
            #[cfg(test)]
            tests::WHOLES_SPARED.with(|n| n.set(n.get() + 1));
            continue;
        }
        let same_kind = |g: &&&Fig| g.f.kind == whole.f.kind && g.f.unit == whole.f.unit && !doc.is_change_amount(g);
        // Without two parts before it nor one after it, the whole has no breakdown either
        // way, and its text needs no search. (Whether the whole is a change amount is not
        // asked: the words before one, "up", "rose by about", "a rise of", never end the
        // text as those before a whole do, "for a total of", "of the"; see the tests.)
        if figs[..k].iter().filter(same_kind).nth(1).is_none() && !figs[k + 1..].iter().any(|g| same_kind(&g)) {
            continue;
        }
        check_breakdown_at(doc, figs, k, sentence, same_kind, out);
    }
}

/// "The authority handled 9,309 complaints and reports. Of those, 4,627 were formal complaints
/// and the remaining 4,862 were reports.": a sentence that opens with "Of those", "Of these" or
/// "Of them" and ends its parts with the rest ([`Doc::is_complement`]) breaks down the last
/// count of their kind in the sentence before it, in its paragraph.
fn breakdowns_of_those(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate().skip(1) {
        // (sentences are trimmed: their first byte tells nearly every one)
        if doc.text.as_bytes().get(sentence.start) != Some(&b'O') {
            continue;
        }
        let lead = &doc.text[sentence.start..sentence.end];
        if !["Of those,", "Of these,", "Of them,"]
            .iter()
            .any(|o| lead.starts_with(o))
        {
            continue;
        }
        let parts: Vec<&Fig> = doc
            .sentence_figs(s)
            .map(|(_, g)| g)
            .filter(|g| may_be_part(g))
            .collect();
        let Some(last) = parts.last() else { continue };
        if parts.len() < 2 || !doc.is_complement(last) {
            continue;
        }
        let same_paragraph = doc.paragraph_of(doc.sentences[s - 1]) == doc.paragraph_of(*sentence);
        let whole = doc
            .sentence_figs(s - 1)
            .map(|(_, g)| g)
            .filter(|g| g.f.kind == last.f.kind && g.f.unit == last.f.unit && !doc.is_change_amount(g))
            .last();
        if let Some(whole) = whole.filter(|_| same_paragraph) {
            out.extend(check_breakdown(doc, whole, &parts, true));
        }
    }
    out
}

/// Whether `figs[k]` has neither two figures of its kind and unit before it nor one after it
/// among `figs`: it then has no two parts before it nor one after it that are no change amount
/// either, and [`breakdowns`] finds no breakdown of it.
fn is_alone_of_its_kind(figs: &[&Fig], k: usize) -> bool {
    let whole = figs[k];
    let kindred = |g: &&&Fig| g.f.kind == whole.f.kind && g.f.unit == whole.f.unit;
    figs[..k].iter().filter(kindred).nth(1).is_none() && !figs[k + 1..].iter().any(|g| kindred(&g))
}

/// Whether the text before `whole` may make it the whole of a breakdown in `sentence`, as
/// [`check_breakdown_at`] reads it: it may end with the words before a total of what precedes
/// ([`super::doc::may_total_what_precedes`]) or with those that open a breakdown
/// ([`super::doc::may_open_breakdown`]). Where it may not, `check_breakdown_at` finds nothing.
fn may_close_or_open_breakdown(doc: &Doc, whole: &Fig, sentence: Span) -> bool {
    let before = doc.before_fig(whole, 80);
    if super::doc::may_total_what_precedes(&doc.tail(whole, before)) {
        return true;
    }
    let opening = &doc.text[sentence.start..whole.f.span.start];
    super::doc::may_open_breakdown(&doc.tail(whole, opening))
}

/// The breakdown the text makes of `figs[k]` (a whole) in `sentence`: the parts of its kind
/// (`same_kind`) before it when the text says they add up to it, or after it when the text opens
/// a breakdown with it, checked against it.
fn check_breakdown_at(
    doc: &Doc,
    figs: &[&Fig],
    k: usize,
    sentence: Sentence,
    same_kind: impl Fn(&&&Fig) -> bool,
    out: &mut Vec<Finding>,
) {
    let whole = figs[k];
    if totals_what_precedes(doc, whole) {
        let parts = parts_since_earlier_total(doc, whole, &figs[..k], sentence, &same_kind);
        if parts.len() >= 2 {
            out.extend(check_breakdown(doc, whole, &parts, true));
        }
    } else if opens_breakdown(doc, whole, sentence.span) {
        // The parts run to a total stated after them or to the next whole that opens a
        // breakdown. A total after them that states this whole again checks them itself, this
        // whole being no part of it; one that states another may be a subtotal of this whole
        // ("Of the 1,000 requests, 600 ... and 300 ..., for a total of 900 from government
        // bodies") or a total of something else ("..., for a total of 2,400 since 2010"), so the
        // parts may not exceed this whole but need not make it.
        let mut parts: Vec<&Fig> = Vec::new();
        for g in figs[k + 1..].iter().filter(&same_kind) {
            if totals_what_precedes(doc, g) {
                if g.reading.value == whole.reading.value {
                    return;
                }
                break;
            }
            if opens_breakdown(doc, g, sentence.span) {
                break;
            }
            parts.push(g);
        }
        let complete = parts.last().is_some_and(|g| doc.is_complement(g));
        if parts.len() >= 2 || complete {
            out.extend(check_breakdown(doc, whole, &parts, complete));
        }
    }
}

/// The parts of a whole stated as the total of what precedes it, among `before` (the figures
/// before it in `sentence`): those of its kind (`same_kind`) after the last that closes an
/// earlier breakdown ([`closes_earlier_breakdown`]), which owns it and the figures before it:
/// "3,000 from courts and 2,000 from police for a total of 9,000 requests, 3,001 from courts and
/// 2,001 from police for a total of 9,001" breaks 9,001 down into 3,001 and 2,001 only. The
/// first of them is no part either where it states the total before them ([`starts_breakdown`]),
/// nor are the figures up to a whole that opens a breakdown ("Of the 500 requests, ...").
fn parts_since_earlier_total<'d, 'a>(
    doc: &Doc,
    whole: &Fig,
    before: &[&'d Fig<'a>],
    sentence: Sentence,
    same_kind: impl Fn(&&&Fig) -> bool,
) -> Vec<&'d Fig<'a>> {
    let mut parts: Vec<&Fig> = before.iter().filter(same_kind).copied().collect();
    // An earlier breakdown, as this one, has two parts before its total, so the first two
    // figures are not read (reading every part's text cost about 0.1 instructions a byte of
    // generated text); where the sentence continues a cut, its parts may lie before the cut.
    let cut = sentence.continues_cut;
    let first = if cut { 0 } else { 2 };
    if let Some(total) = (first..parts.len())
        .rev()
        .find(|&i| closes_earlier_breakdown(doc, parts[i], cut))
    {
        parts.drain(..=total);
    }
    // A whole that opens a breakdown starts this one's parts after it, unless this total is
    // above it, and so of something else than its parts ("Of the 1,000 requests, 600 ... and
    // 300 ..., and a total of 9,000 since 2010").
    if let Some(opener) = parts.iter().rposition(|g| opens_breakdown(doc, g, sentence.span)) {
        if whole.reading.wide.low > parts[opener].reading.wide.high {
            return Vec::new();
        }
        parts.drain(..=opener);
    }
    if parts.len() >= 3 && starts_breakdown(doc, whole, parts[0], parts[1]) {
        parts.remove(0);
    }
    parts
}

/// Whether `first`, the first figure of a breakdown whose `whole` is stated after its parts,
/// is no part but states the whole before them: it agrees with the whole (rounding and "about"
/// allowed) and its text says it is a total ("In all, 500 requests came in 2014: 300 from courts
/// and 200 from police, for a total of 500"), or a colon or "including" follows it ("Acme
/// received 500 requests: 300 ..."). One that disagrees stays a part ("A total of 300 came from
/// courts, 200 from police and 100 from agencies, for a total of 600"). (One that opens a
/// breakdown, "Of the 500 requests, ...", is dropped before.)
fn starts_breakdown(doc: &Doc, whole: &Fig, first: &Fig, next: &Fig) -> bool {
    if !first.reading.wide.overlaps(whole.reading.wide) {
        return false;
    }
    let between = &doc.text[first.f.span.end..next.f.span.start];
    between.contains(':') || between.contains(" including ") || totals_what_precedes(doc, first)
}

/// Whether the text before `g` states it as the total of the figures before it ("for a total
/// of", "in all").
fn totals_what_precedes(doc: &Doc, g: &Fig) -> bool {
    let before = doc.before_fig(g, 80);
    super::doc::totals_what_precedes_at(before, &doc.tail(g, before))
}

/// Whether `g`, a figure before a whole in its sentence, is stated as the total of an earlier
/// breakdown: by the text before it in its sentence or, where that sentence continues a `cut`
/// ([`Doc::continues_cut`]), in its paragraph, as the cut may fall within those words ("... for a |
/// total of 9,000 requests, 3,001 from courts ...").
fn closes_earlier_breakdown(doc: &Doc, g: &Fig, cut: bool) -> bool {
    totals_what_precedes(doc, g) || (cut && totals_in_paragraph(doc, g))
}

/// [`totals_what_precedes`] read in the paragraph of `g` rather than its sentence, from up to
/// 80 bytes before it.
fn totals_in_paragraph(doc: &Doc, g: &Fig) -> bool {
    let Some(paragraph) = doc.paragraph_of(g.f.span) else {
        return false;
    };
    let from = g.f.span.start.saturating_sub(80).max(paragraph.start);
    let from = (from..g.f.span.start)
        .find(|&i| doc.text.is_char_boundary(i))
        .unwrap_or(g.f.span.start);
    super::doc::totals_what_precedes(&doc.text[from..g.f.span.start])
}

/// Whether the text of `sentence` before `whole` opens a breakdown of it ([`claim::opens_breakdown`]).
fn opens_breakdown(doc: &Doc, whole: &Fig, sentence: Span) -> bool {
    let before = &doc.text[sentence.start..whole.f.span.start];
    super::doc::opens_breakdown_at(before, &doc.tail(whole, before))
}

/// "Together with the 4,363 it received in the first half, that took the company's total for 2015
/// to 9,823": the other part is the article's figure for the rest of the period.
fn together(doc: &Doc) -> Vec<Finding> {
    together_by::<true>(doc)
}

/// [`together`], with the parts' periods compared before the words between the figures are read
/// when `PERIODS_FIRST` (the shortcut), or not (as first written: what its test compares with).
fn together_by<const PERIODS_FIRST: bool>(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    // (listed at the first pair that needs one: most articles have none)
    let mut others = None;
    for (i, part) in doc.figs.iter().enumerate() {
        let Some(whole) = doc.figs.get(i + 1) else { break };
        // The sentences and the periods first: most neighbours are in two sentences or lack a
        // period, and comparing them costs nothing; the words between them are read last.
        let (Some(pp), Some(wp)) = (&part.f.period, &whole.f.period) else {
            continue;
        };
        if !doc.same_sentence(part, whole)
            || (PERIODS_FIRST && !strictly_within(pp, wp))
            || !doc.adds_up_to(part, whole)
        {
            continue;
        }
        let Some(rest) = tilings_of(wp)
            .iter()
            .filter(|t| t.len() == 2 && t.contains(pp))
            .find_map(|t| t.iter().find(|p| *p != pp).cloned())
        else {
            continue;
        };
        let others = others.get_or_insert_with(|| other_parts(doc));
        if let Some(other) = others.get(&(&rest, whole.f.kind, whole.f.entity)).copied() {
            out.extend(check_breakdown(doc, whole, &[other, part], true));
        }
    }
    out
}

/// The first figure of each period, kind and entity, in text order, that may be the other part
/// of a whole "together with" a part ([`may_be_other_part`]): looked up for each such pair
/// rather than searched for among all the figures.
fn other_parts<'d, 'a>(doc: &'d Doc<'a>) -> FxHashMap<(&'d Period, FigureKind, Option<&'static str>), &'d Fig<'a>> {
    let mut first = FxHashMap::default();
    for g in &doc.figs {
        let Some(period) = g.f.period.as_ref() else {
            continue;
        };
        // (a figure after the first of its key is not asked the tests, that read its text)
        let key = (period, g.f.kind, g.f.entity);
        if !first.contains_key(&key) && may_be_other_part(doc, g) {
            first.insert(key, g);
        }
    }
    first
}

/// Whether `g` may be the other part of a whole "together with" a part, whatever its period,
/// kind and entity: a part ([`is_part`]) of a stated quantity, not an earlier value.
fn may_be_other_part(doc: &Doc, g: &Fig) -> bool {
    g.reading.value.is_some() && !doc.is_reference(g) && is_part(doc, g) && g.quantity.is_some()
}

/// Whether `part` lies inside `whole` and is not all of it, as each part of a tiling of `whole`
/// ([`tilings`]) does: what a figure added to another must be for the rest of the whole's
/// period to be found, asked before the words between them are read.
fn strictly_within(part: &Period, whole: &Period) -> bool {
    part != whole && whole.start <= part.start && part.end <= whole.end
}

/// Rows of a table (flattened into one paragraph each) against its total row:
/// "Turkey 477 / Russia 91 / ... / Total 796".
/// Each column is checked apart ("Guatemala 2,104 14,870 / ... / Total 5,998 58,214"); rows of
/// another number of columns start the table again.
fn tables(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    // the rows so far, each its cells' figures, all of one number of columns
    let mut rows: Vec<Vec<&Fig>> = Vec::new();
    for p in doc.paragraphs {
        let Some((is_total, cells)) = table_row_at(doc.text, *p) else {
            rows.clear();
            continue;
        };
        let figs: Option<Vec<&Fig>> = cells
            .iter()
            .map(|n| {
                let span = crate::read::Span::new(p.start + n.start, p.start + n.end);
                doc.index_of(span).map(|i| &doc.figs[i])
            })
            .collect();
        let Some(figs) = figs else {
            rows.clear();
            continue;
        };
        if rows.first().is_some_and(|r| r.len() != figs.len()) {
            rows.clear();
        }
        if !is_total {
            rows.push(figs);
            continue;
        }
        if rows.len() >= 2 {
            for (column, total) in figs.iter().enumerate() {
                let parts: Vec<&Fig> = rows.iter().map(|r| r[column]).collect();
                out.extend(check_breakdown(doc, total, &parts, true));
            }
        }
        rows.clear();
    }
    out
}

/// [`claim::table_row`] of the paragraph `p` of `text`, spared for a paragraph that does not end
/// with a digit, spaces aside, as every row does: nearly every paragraph ends with a stop. (A
/// character outside ASCII may be a digit of another script.) Its last byte is read from the
/// bytes of the text, which is cut to the paragraph only for the search.
fn table_row_at(text: &str, p: Span) -> Option<(bool, Vec<Span>)> {
    let last = text.as_bytes()[p.start..p.end]
        .iter()
        .rev()
        .find(|b| !claim::is_ascii_space(**b))?;
    if !last.is_ascii_digit() && last.is_ascii() {
        #[cfg(test)]
        tests::PARAGRAPHS_SPARED.with(|n| n.set(n.get() + 1));
        return None;
    }
    claim::table_row(p.of(text))
}

fn check_breakdown(doc: &Doc, whole: &Fig, parts: &[&Fig], complete: bool) -> Option<Finding> {
    let sum = |wide: bool| {
        parts.iter().fold(Interval::point(0.0), |acc, g| {
            acc.plus(if wide { g.reading.wide } else { g.reading.tight })
        })
    };
    let fits = |wide: bool| {
        let (s, w) = (sum(wide), if wide { whole.reading.wide } else { whole.reading.tight });
        if complete {
            s.overlaps(w)
        } else {
            s.low <= w.high + 1e-9
        }
    };
    let severity = verdict(fits(false), fits(true))?;
    let total: f64 = parts.iter().filter_map(|g| g.reading.value).sum();
    let names: Vec<&str> = parts.iter().map(|g| g.text).collect();
    let message = if complete {
        format!(
            "The parts, {}, add up to {}, but the article gives their total as {}.",
            join_and(&names),
            format_number(total),
            whole.text
        )
    } else {
        format!(
            "The parts, {}, add up to {}, more than the total of {} they are part of.",
            join_and(&names),
            format_number(total),
            whole.text
        )
    };
    let mut spans: Vec<_> = parts.iter().map(|g| g.f.span).collect();
    spans.push(whole.f.span);
    let mut f = doc.finding(Rule::SumMismatch, severity, message, &spans);
    // Keep the whole last, as the caller and readers expect it.
    if let Some(i) = f.evidence.iter().position(|e| e.span == whole.f.span) {
        let w = f.evidence.remove(i);
        f.evidence.push(w);
    }
    f.expected = Some(json!(total));
    f.stated = whole.reading.value.map(|v| json!(v));
    Some(f)
}

fn same_quantity(a: &Fig, b: &Fig) -> bool {
    a.quantity == b.quantity && a.f.entity == b.f.entity && a.f.kind == b.f.kind
}

/// The sum check over every choice of one stated value per part; consistent if any choice is.
fn check_sum(doc: &Doc, whole: &Fig, parts: &[&[&Fig]]) -> Option<Finding> {
    let count: usize = parts.iter().map(|part| options(part)).product();
    let fits = |n: usize, wide: bool| {
        let sum = choice(parts, n).fold(Interval::point(0.0), |acc, g| {
            acc.plus(if wide { g.reading.wide } else { g.reading.tight })
        });
        sum.overlaps(if wide { whole.reading.wide } else { whole.reading.tight })
    };
    let tight_ok = (0..count).any(|n| fits(n, false));
    let wide_ok = (0..count).any(|n| fits(n, true));
    let severity = verdict(tight_ok, wide_ok)?;
    let pick: Vec<&Fig> = choice(parts, 0).collect();
    let total: f64 = pick.iter().filter_map(|g| g.reading.value).sum();
    let names: Vec<&str> = pick.iter().map(|g| g.text).collect();
    let label = whole.f.period.as_ref().map(period_name).unwrap_or_default();
    let parts = match (pick.len(), label.starts_with("the year")) {
        (2, true) => "The two halves",
        (4, true) => "The four quarters",
        (2, false) => "The two quarters",
        _ => "The parts",
    };
    let message = format!(
        "{parts}, {}, add up to {}, but the article gives {} as {}.",
        join_and(&names),
        format_number(total),
        label,
        whole.text
    );
    let mut spans: Vec<_> = pick.iter().map(|g| g.f.span).collect();
    spans.push(whole.f.span);
    let mut f = doc.finding(Rule::SumMismatch, severity, message, &spans);
    f.expected = Some(json!(total));
    f.stated = whole.reading.value.map(|v| json!(v));
    Some(f)
}

/// How many of a part's figures are tried: articles state each part once or twice.
fn options(part: &[&Fig]) -> usize {
    part.len().min(3)
}

/// The `n`-th combination of one figure per part, in part order: the combinations in the order
/// of a count whose last digit is the last part's figure, each read off its number rather than
/// all of them built.
fn choice<'p, 'd, 'a>(parts: &'p [&[&'d Fig<'a>]], n: usize) -> impl Iterator<Item = &'d Fig<'a>> + 'p {
    parts.iter().enumerate().map(move |(k, part)| {
        let below: usize = parts[k + 1..].iter().map(|p| options(p)).product();
        part[n / below % options(part)]
    })
}

/// "the year 2015", "the first half of 2014", "the third quarter of 2014".
pub fn period_name(p: &Period) -> String {
    let label = p.label();
    let (y, rest) = label.split_once('-').unwrap_or((&label, ""));
    match rest {
        "" => format!("the year {y}"),
        "H1" => format!("the first half of {y}"),
        "H2" => format!("the second half of {y}"),
        "Q1" => format!("the first quarter of {y}"),
        "Q2" => format!("the second quarter of {y}"),
        "Q3" => format!("the third quarter of {y}"),
        "Q4" => format!("the fourth quarter of {y}"),
        _ => format!("the period {label}"),
    }
}

/// "a, b and c".
pub fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A figure the article implies but does not state.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// Whose figure.
    pub entity: Option<String>,
    /// The quantity.
    pub measure: String,
    /// Its period.
    pub period: Period,
    /// The implied value.
    pub value: f64,
    /// The smallest and largest value the stated figures allow.
    pub low: f64,
    /// See `low`.
    pub high: f64,
    /// The figures it is computed from, as written.
    pub from: Vec<(String, crate::read::Span)>,
}

/// The half of a year the article implies when it states the year and the other half only.
pub fn derive(doc: &Doc) -> Vec<Derived> {
    let figs = summable(doc);
    // The first figure of each quantity and period, in text order, where a whole's halves are
    // looked up: searching the figures for them would be quadratic on a page of thousands.
    type Key<'k> = (&'k Option<Rc<str>>, Option<&'static str>, FigureKind, &'k Period);
    let mut first: FxHashMap<Key, &Fig> = FxHashMap::default();
    for g in &figs {
        let period = g.f.period.as_ref().expect("summable figures have a period");
        first.entry((&g.quantity, g.f.entity, g.f.kind, period)).or_insert(g);
    }
    let mut derived: FxHashSet<(Period, String, Option<String>)> = FxHashSet::default();
    let mut out: Vec<Derived> = Vec::new();
    for whole in &figs {
        let period = whole.f.period.as_ref().expect("summable figures have a period");
        let y = period.start.year();
        let (Some(h1), Some(h2)) = (Period::half(y, 1), Period::half(y, 2)) else {
            continue;
        };
        if Period::year(y).as_ref() != Some(period) {
            continue;
        }
        let stated = |p: &Period| first.get(&(&whole.quantity, whole.f.entity, whole.f.kind, p)).copied();
        let (missing, known) = match (stated(&h1), stated(&h2)) {
            (None, Some(k)) => (h1, k),
            (Some(k), None) => (h2, k),
            _ => continue,
        };
        let (Some(w), Some(k)) = (whole.reading.value, known.reading.value) else {
            continue;
        };
        let range = whole.reading.tight.minus(known.reading.tight);
        let d = Derived {
            entity: whole.f.entity.map(str::to_owned),
            measure: whole.quantity.as_deref().unwrap_or_default().to_owned(),
            period: missing,
            value: w - k,
            low: range.low,
            high: range.high,
            from: vec![
                (whole.text.to_owned(), whole.f.span),
                (known.text.to_owned(), known.f.span),
            ],
        };
        // One derived figure for each quantity and period: the first whole's.
        if derived.insert((d.period.clone(), d.measure.clone(), d.entity.clone())) {
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each column of a table with a total row is checked; a column that adds up is no finding.
    #[test]
    fn every_column_of_a_table_is_checked_against_its_total() {
        let table = |total: &str| {
            format!("Country\tInterception\tCustomer data\n\nGuatemala\t2,104\t14,870\n\nColombia\t1,366\t12,945\n\n{total}")
        };
        let messages = |text: &str| {
            let record = super::super::doc::test_record(text);
            tables(&Doc::new(&record))
                .into_iter()
                .map(|f| f.message)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            messages(&table("Total\t3,470\t27,915")),
            ["The parts, 14,870 and 12,945, add up to 27,815, but the article gives their total as 27,915."]
        );
        assert_eq!(messages(&table("Total\t3,470\t27,815")), Vec::<String>::new());
        // a row of another number of columns starts the table again: the one-column rows after
        // it are checked against their own total
        let text = format!(
            "{}\n\nFrance\t12\n\nSpain\t9\n\nTotal\t22",
            table("Total\t3,470\t27,815")
        );
        assert_eq!(
            messages(&text),
            ["The parts, 12 and 9, add up to 21, but the article gives their total as 22."]
        );
        assert_eq!(claim::table_row("Guatemala\t2,104\t14,870").map(|r| r.1.len()), Some(2));
    }

    /// "Of those, 4,627 ... and the remaining 4,862" breaks down the count of the sentence
    /// before; without the rest named, or in another paragraph, it is not read as a breakdown.
    #[test]
    fn a_breakdown_of_those_in_the_sentence_after_is_checked() {
        let messages = |text: &str| {
            let record = super::super::doc::test_record(text);
            check(&Doc::new(&record))
                .into_iter()
                .map(|f| f.message)
                .collect::<Vec<_>>()
        };
        let text =
            |parts: &str| format!("The authority handled 9,309 complaints in 2022. Of those, {parts} were reports.");
        assert_eq!(
            messages(&text("4,627 were formal and the remaining 4,862")),
            ["The parts, 4,627 and 4,862, add up to 9,489, but the article gives their total as 9,309."]
        );
        assert_eq!(
            messages(&text("4,627 were formal and the remaining 4,682")),
            Vec::<String>::new()
        );
        assert_eq!(messages(&text("4,627 were formal and 4,862")), Vec::<String>::new());
        let apart = "The authority handled 9,309 complaints in 2022.\n\nOf those, 4,627 were formal and \
                     the remaining 4,862 were reports.";
        assert_eq!(messages(apart), Vec::<String>::new());
    }

    #[test]
    fn paragraphs_spared_the_table_row_search_have_no_row() {
        let written = [
            "Turkey 477\n\nRussia 91 \n\nTotal 568\t\n\nWorldwide \u{663}\n\nNotes 12.\n\nSum 1,200\u{a0}",
            "Germany 12\u{2003}\n\nFrance 1,024\n\nOverall 1,036",
        ];
        let (mut paragraphs, mut rows) = (0, 0);
        PARAGRAPHS_SPARED.with(|n| n.set(0));
        for record in super::super::doc::test_records(&written) {
            let doc = Doc::new(&record);
            for p in doc.paragraphs {
                let text = p.of(doc.text);
                for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)).rev().take(6) {
                    let expected = claim::table_row(&text[..end]);
                    let cut = Span::new(p.start, p.start + end);
                    assert_eq!(table_row_at(doc.text, cut), expected, "{:?}", &text[..end]);
                    paragraphs += 1;
                    rows += usize::from(expected.is_some());
                }
            }
        }
        let spared = PARAGRAPHS_SPARED.with(std::cell::Cell::get);
        assert!(paragraphs > 10_000 && rows >= 15, "{paragraphs} {rows}");
        // the search is spared nearly every paragraph
        assert!(spared * 2 > paragraphs, "{spared} of {paragraphs}");
    }

    /// Every [`choice`], in order: the combinations [`check_sum`] tries.
    fn choices<'d, 'a>(parts: &[&[&'d Fig<'a>]]) -> Vec<Vec<&'d Fig<'a>>> {
        let count: usize = parts.iter().map(|part| options(part)).product();
        (0..count).map(|n| choice(parts, n).collect()).collect()
    }

    /// The combinations as they were written first: grown part by part from copies of the
    /// shorter ones.
    fn choices_grown<'d, 'a>(parts: &[&[&'d Fig<'a>]]) -> Vec<Vec<&'d Fig<'a>>> {
        let mut out: Vec<Vec<&Fig>> = vec![Vec::new()];
        for options in parts {
            out = out
                .into_iter()
                .flat_map(|pick| {
                    options.iter().take(3).map(move |g| {
                        let mut p = pick.clone();
                        p.push(*g);
                        p
                    })
                })
                .collect();
        }
        out
    }

    #[test]
    fn the_choices_counted_are_the_choices_grown() {
        let records = super::super::doc::test_records(&[]);
        let doc = records
            .iter()
            .map(Doc::new)
            .find(|d| d.figs.len() >= 12)
            .expect("an article of 12 figures");
        let figs: Vec<&Fig> = doc.figs.iter().collect();
        let shapes: [&[usize]; 8] = [
            &[],
            &[1],
            &[2, 1],
            &[1, 4],
            &[3, 3],
            &[2, 0, 1],
            &[4, 2, 1, 2],
            &[1, 1, 1, 1],
        ];
        let mut picks = 0;
        for shape in shapes {
            // Parts of the given sizes, of successive figures.
            let mut at = 0;
            let parts: Vec<&[&Fig]> = shape
                .iter()
                .map(|&n| {
                    at += n;
                    &figs[at - n..at]
                })
                .collect();
            // The figures picked, by where they are.
            let as_pointers = |c: Vec<Vec<&Fig>>| -> Vec<Vec<usize>> {
                c.into_iter()
                    .map(|p| p.into_iter().map(|g| std::ptr::from_ref(g).addr()).collect())
                    .collect()
            };
            let counted = as_pointers(choices(&parts));
            assert_eq!(counted, as_pointers(choices_grown(&parts)), "{shape:?}");
            picks += counted.len();
        }
        // (The shape with an empty part has no choice.)
        assert_eq!(picks, 1 + 1 + 2 + 3 + 9 + 3 * 2 * 2 + 1);
    }

    /// Texts whose halves and quarters do and do not add up to their year or half.
    const BY_PERIOD: [&str; 6] = [
        "Google got 1,000 requests in the first half of 2014 and 1,200 requests in the second half of 2014. In 2014 it got 2,300 requests.",
        "Apple got 100 requests in the first quarter of 2015 and 150 requests in the second quarter of 2015, and 400 requests in the first half of 2015.",
        "Yahoo got 10 requests in the first quarter of 2013, 20 requests in the second quarter of 2013, 30 requests in the third quarter of 2013 and 40 requests in the fourth quarter of 2013. In 2013 it got 90 requests, 60 requests in the second half of 2013 and 30 requests in the first half of 2013.",
        "Dropbox got 511 requests in the first half of 2013 and 645 requests in the second half of 2013, and 1,150 requests in 2013; Box got 5 requests in 2013.",
        // a part stated three and four times: only its first three figures are tried
        "Google got 1,000 requests in the first half of 2014, 1,100 requests in the first half of 2014 and 1,300 requests in the first half of 2014, and 1,200 requests in the second half of 2014. In 2014 it got 2,500 requests.",
        "Google got 1,000 requests in the first half of 2014, 1,100 requests in the first half of 2014, 1,250 requests in the first half of 2014 and 1,300 requests in the first half of 2014, and 1,200 requests in the second half of 2014. In 2014 it got 2,500 requests.",
    ];

    #[test]
    fn the_parts_looked_through_are_the_parts_grouped() {
        let (mut articles, mut findings, mut crowded, mut spared) = (0, 0, 0, 0);
        for record in super::super::doc::test_records(&BY_PERIOD) {
            let doc = Doc::new(&record);
            let figs = summable(&doc);
            let grouped = by_period_grouped(&doc, &figs);
            assert_eq!(by_period_scanned(&doc, figs.iter().copied()), grouped, "{}", doc.text);
            articles += usize::from(figs.len() >= 3);
            findings += grouped.len();
            // wholes passed by for want of a figure of a period within theirs
            let given = PeriodsGiven::of(figs.iter().copied());
            let period = |g: &&Fig| g.f.period.clone().expect("summable figures have a period");
            spared += figs
                .iter()
                .filter(|w| !given.any(|p| strictly_within(p, &period(w))))
                .count();
            // a part stated three times or more, where the limit of three figures a part tells
            let stated = |g: &&Fig| {
                figs.iter()
                    .filter(|h| h.f.period == g.f.period && same_quantity(h, g))
                    .count()
            };
            crowded += usize::from(figs.iter().any(|g| stated(g) >= 3));
        }
        assert!(
            articles >= 120 && findings >= 8 && crowded >= 2 && spared >= 500,
            "{articles} {findings} {crowded} {spared}"
        );
    }

    /// [`push_unless_whole_shown`] as first written: each finding's whole searched for among the
    /// evidence of every finding kept before it.
    fn push_unless_whole_shown_searched(out: &mut Vec<Finding>, found: Vec<Finding>) {
        for f in found {
            let whole = f.evidence.last().map(|e| e.span);
            if !out.iter().any(|o| o.evidence.iter().any(|e| Some(e.span) == whole)) {
                out.push(f);
            }
        }
    }

    /// A finding whose evidence is at `spans` (a finding's message tells it apart from another).
    fn finding_at(spans: &[Span], n: usize) -> Finding {
        Finding {
            article: None,
            articles: Vec::new(),
            rule: Rule::SumMismatch,
            severity: crate::reconcile::Severity::Error,
            message: n.to_string(),
            evidence: spans
                .iter()
                .map(|&span| crate::reconcile::Evidence {
                    article: String::new(),
                    span,
                    text: String::new(),
                })
                .collect(),
            expected: None,
            stated: None,
        }
    }

    /// The findings kept with the spans shown looked up are those kept with them searched: on
    /// random findings of few spans (so that wholes are often shown already, as a part, as a
    /// whole, by a finding given or one kept), some with no evidence.
    #[test]
    fn the_findings_kept_looking_up_the_spans_shown_are_those_kept_searching() {
        let mut rng = crate::gen::Rng::new(47);
        let (mut kept, mut dropped, mut bare) = (0, 0, 0);
        for _ in 0..2_000 {
            let mut findings = |count: u64, rng: &mut crate::gen::Rng| -> Vec<Finding> {
                (0..rng.below(count + 1))
                    .map(|_| {
                        let spans: Vec<Span> = (0..rng.below(5))
                            .map(|_| {
                                let start = rng.below(12) as usize;
                                Span::new(start, start + rng.below(2) as usize + 1)
                            })
                            .collect();
                        bare += usize::from(spans.is_empty());
                        finding_at(&spans, rng.below(1_000) as usize)
                    })
                    .collect()
            };
            let given = findings(3, &mut rng);
            let found = findings(8, &mut rng);
            let (mut searched, mut looked_up) = (given.clone(), given.clone());
            push_unless_whole_shown_searched(&mut searched, found.clone());
            push_unless_whole_shown(&mut looked_up, found.clone());
            assert_eq!(looked_up, searched, "{given:?} {found:?}");
            let added = looked_up.len() - given.len();
            kept += added;
            dropped += found.len() - added;
        }
        assert!(
            kept >= 1_000 && dropped >= 1_000 && bare >= 500,
            "{kept} {dropped} {bare}"
        );
    }

    /// [`breakdowns`] as written before: whether each count or money figure of a sentence of two
    /// figures is a change amount asked first.
    fn breakdowns_as_written_first(doc: &Doc) -> Vec<Finding> {
        let mut out = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let figs: Vec<&Fig> = doc
                .sentence_figs(s)
                .map(|(_, g)| g)
                .filter(|g| is_part(doc, g))
                .collect();
            for (k, whole) in figs.iter().enumerate() {
                let same_kind = |g: &&&Fig| g.f.kind == whole.f.kind && g.f.unit == whole.f.unit;
                let sentence = Sentence {
                    span: *sentence,
                    continues_cut: doc.continues_cut(s),
                };
                check_breakdown_at(doc, &figs, k, sentence, same_kind, &mut out);
            }
        }
        out
    }

    thread_local! {
        /// How many wholes [`breakdowns`] skipped by the test of the text before them, on this
        /// thread.
        pub(super) static WHOLES_SPARED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        /// How many paragraphs [`table_row_at`] passed by on their last byte, on this thread.
        pub(super) static PARAGRAPHS_SPARED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        /// How many wholes [`breakdowns`] passed by as alone of their kind in their sentence
        /// ([`is_alone_of_its_kind`]), before their text was read, on this thread.
        pub(super) static WHOLES_ALONE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// Counts written to the unit are exact: four parts that make 28 do not make 27 (read as
    /// ±0.5 each, they could), while "about" before the total still lets it stretch.
    #[test]
    fn parts_written_to_the_unit_are_exact() {
        let found = |text: &str| {
            let record = super::super::doc::test_record(text);
            breakdowns(&Doc::new(&record))
                .into_iter()
                .map(|f| f.message)
                .collect::<Vec<_>>()
        };
        let text = "Of the 27 requests, 14 came from the United States, 6 from Germany, 3 from the \
                    United Kingdom and the remaining 5 from other countries.";
        assert_eq!(
            found(text),
            ["The parts, 14, 6, 3 and 5, add up to 28, but the article gives their total as 27."]
        );
        assert_eq!(found(&text.replace("remaining 5", "remaining 4")), Vec::<String>::new());
        assert_eq!(found(&text.replace("Of the 27", "Of about 27")), Vec::<String>::new());
    }

    /// The messages of the findings of [`check`] on an article of `text`.
    fn sum_messages(text: &str) -> Vec<String> {
        let record = super::super::doc::test_record(text);
        check(&Doc::new(&record)).into_iter().map(|f| f.message).collect()
    }

    /// Two breakdowns in a sentence with no end: the second's parts stop at the first's total,
    /// so each is checked on its own parts, and a wrong total is one finding.
    #[test]
    fn a_breakdown_stops_at_an_earlier_total_of_its_sentence() {
        let two = |first: &str, second: &str| {
            format!(
                "Google received 3,000 from courts and 2,000 from police for a total of {first} \
                 requests, 3,001 from courts and 2,001 from police for a total of {second} requests"
            )
        };
        assert_eq!(
            sum_messages(&two("5,000", "9,001")),
            ["The parts, 3,001 and 2,001, add up to 5,002, but the article gives their total as 9,001."]
        );
        assert_eq!(
            sum_messages(&two("9,000", "5,002")),
            ["The parts, 3,000 and 2,000, add up to 5,000, but the article gives their total as 9,000."]
        );
        // "totalling" states a total too
        let totalling = "Courts sent 300 and police 200, totalling 500, and courts sent 301 and police \
                         201, for a total of 900";
        assert_eq!(
            sum_messages(totalling),
            ["The parts, 301 and 201, add up to 502, but the article gives their total as 900."]
        );
    }

    /// A total stated before its parts and again after them is no part of itself, however the
    /// text opens the breakdown; a first part that only equals the total stays a part, and a
    /// wrong sum is still found.
    #[test]
    fn a_total_stated_before_its_parts_and_after_them_is_no_part() {
        let rest = "300 came from courts and 200 from police, for a total of 500 requests.";
        for opening in [
            "In all, Acme received 500 requests in 2015:",
            "Acme received 500 requests in 2015:",
            "Of the 500 requests Acme received in 2015,",
            "Acme received about 500 requests in 2015, including",
        ] {
            assert_eq!(
                sum_messages(&format!("{opening} {rest}")),
                Vec::<String>::new(),
                "{opening}"
            );
            assert_eq!(
                sum_messages(&format!("{opening} {}", rest.replace("200", "250"))),
                ["The parts, 300 and 250, add up to 550, but the article gives their total as 500."],
                "{opening}"
            );
        }
        assert_eq!(
            sum_messages("Acme received 500 requests from courts and 200 from police in 2015, for a total of 500."),
            ["The parts, 500 and 200, add up to 700, but the article gives their total as 500."]
        );
        // an opening total that the closing one does not state again is checked on the parts
        // between them, which make the closing one
        assert_eq!(
            sum_messages(
                "Of the 500 requests Acme received in 2015, 300 came from courts and 250 from police, for a \
                 total of 550 requests."
            ),
            ["The parts, 300 and 250, add up to 550, more than the total of 500 they are part of."]
        );
        // a closing total below the opening one may be a subtotal of it, one above it a total of
        // something else
        for closing in [
            "for a total of 900 from government bodies",
            "and Acme has received a total of 9,000 since 2010",
        ] {
            let text = format!("Of the 1,000 requests, 600 came from courts and 300 from police, {closing}.");
            assert_eq!(sum_messages(&text), Vec::<String>::new(), "{text}");
        }
        // a part written "a total of" is a part where it does not agree with the total
        let parts = "Acme received a total of 300 requests from courts, 200 from police and 100 from agencies";
        assert_eq!(
            sum_messages(&format!("{parts}, totalling 600 requests.")),
            Vec::<String>::new()
        );
        assert_eq!(
            sum_messages(&format!("{parts}, totalling 650 requests.")),
            ["The parts, 300, 200 and 100, add up to 600, but the article gives their total as 650."]
        );
        // two breakdowns opened in one sentence, the second closed: each on its own parts
        assert_eq!(
            sum_messages(
                "Of the 500 requests, 300 came from courts and 250 from police; of the 900 demands, 600 \
                 came from courts and 300 from police, for a total of 900 demands."
            ),
            ["The parts, 300 and 250, add up to 550, more than the total of 500 they are part of."]
        );
    }

    /// Two breakdowns in a sentence with no end whose totals are right are no finding.
    #[test]
    fn right_breakdowns_in_one_sentence_are_no_finding() {
        let text = "Google received 3,000 from courts and 2,000 from police for a total of 5,000 \
                    requests, 3,001 from courts and 2,001 from police for a total of 5,002 requests";
        assert_eq!(sum_messages(text), Vec::<String>::new());
    }

    /// A total whose sentence, too long, was cut within the words that state it ("for a |
    /// total of 5,040") still closes its breakdown: the next one's parts stop at it.
    #[test]
    fn a_total_cut_from_its_words_still_closes_its_breakdown() {
        let breakdowns: String = (0..40)
            .map(|i| {
                format!(
                    "3,{:03} from courts and 2,{i:03} from police for a total of 5,{:03} requests, ",
                    100 + i,
                    100 + 2 * i
                )
            })
            .collect();
        // The first word made longer until the sentence, cut at a space past its 2,000th
        // byte, is cut before a "total".
        let cut_before_total = |doc: &Doc| doc.sentences.iter().any(|s| s.of(doc.text).starts_with("total of"));
        let record = (0..80)
            .map(|pad| super::super::doc::test_record(&format!("Google{} received {breakdowns}", "o".repeat(pad))))
            .find(|record| cut_before_total(&Doc::new(record)))
            .expect("a cut before a total");
        let doc = Doc::new(&record);
        assert_eq!(
            check(&doc).into_iter().map(|f| f.message).collect::<Vec<_>>(),
            Vec::<String>::new()
        );
    }

    #[test]
    fn the_breakdowns_found_asking_late_for_change_amounts_are_those_found_asking_first() {
        let written = [
            "Of the 5,624 demands, 2,576 came with a gag order and the remaining 3,148 did not.",
            "Of the 5,624 demands, up 300 from last year, 2,576 came with a gag order and the remaining 3,048 did not.",
            "It got 1,257 in the first half and 1,622 in the second half, for a total of 2,899.",
            "It got 1,257 in the first half, up 200, and 1,622 in the second half, for a total of 2,879.",
            "Of the $5 million, $2 million went to courts, up $1 million, and the remaining $4 million to police.",
        ];
        let (mut findings, mut amounts, mut spared, mut read, mut spared_reached) = (0, 0, 0, 0, 0);
        let mut alone_reached = 0;
        WHOLES_SPARED.with(|n| n.set(0));
        WHOLES_ALONE.with(|n| n.set(0));
        for record in super::super::doc::test_records(&written) {
            let (doc, first) = (Doc::new(&record), Doc::new(&record));
            let expected = breakdowns_as_written_first(&first);
            assert_eq!(breakdowns(&doc), expected, "{}", doc.text);
            findings += expected.len();
            amounts += first
                .figs
                .iter()
                .filter(|g| may_be_part(g) && !is_part(&first, g))
                .count();
            // The wholes the test of the text before them spares, and those it lets through.
            for (s, sentence) in doc.sentences.iter().enumerate() {
                let reached = doc.sentence_figs(s).nth(1).is_some();
                let figs: Vec<&Fig> = doc
                    .sentence_figs(s)
                    .map(|(_, g)| g)
                    .filter(|g| may_be_part(g))
                    .collect();
                for (k, whole) in figs.iter().enumerate() {
                    // (those alone of their kind are passed by before their text is read)
                    let alone = is_alone_of_its_kind(&figs, k);
                    alone_reached += usize::from(reached && alone);
                    if may_close_or_open_breakdown(&doc, whole, *sentence) {
                        read += 1;
                    } else {
                        spared += 1;
                        spared_reached += usize::from(reached && !alone);
                    }
                }
            }
        }
        assert!(
            findings >= 4 && amounts >= 3 && spared >= 1000 && read >= 50,
            "{findings} {amounts} {spared} {read}"
        );
        // `breakdowns` itself skipped each of them in the sentences it reads (those with two
        // figures at least)
        let skipped = WHOLES_SPARED.with(|n| n.get());
        assert_eq!(skipped, spared_reached, "breakdowns skipped {skipped} of {spared}");
        assert!(skipped >= 300, "{skipped}");
        // and passed by those alone of their kind first, without reading their text
        let alone = WHOLES_ALONE.with(|n| n.get());
        assert_eq!(
            alone, alone_reached,
            "breakdowns passed by {alone} wholes alone of their kind"
        );
        assert!(alone >= 300, "{alone}");
    }

    /// Why [`breakdowns`] need not ask whether a whole is a change amount: the text before a
    /// change amount never makes it the whole of a breakdown, whichever words come around it.
    #[test]
    fn no_change_amount_closes_or_opens_a_breakdown() {
        let written = [
            "It got 300 and 200 in all, up 500 from 2013, and 700, 400 and a total of up 100.",
            "Of the rise of 300, 200 came from police and the remaining 100 from courts.",
            "Of the 900, up by about 300, 200 came from police and the remaining 400 from courts.",
            "It got 100 and 200, altogether, an increase of 300; 100 and 200, in all, rose by 300.",
            "It got 100 and 200, up about 300; 100 and 200, totalling a gain of some 300.",
            "Out of all up 300, 200 came from police and 100 from courts, a drop of more than 300.",
            "Of those a decline of 300, 200 came from police, and of its fell 300, 100 from courts.",
        ];
        let (mut amounts, mut between_parts) = (0, 0);
        for record in super::super::doc::test_records(&written) {
            let doc = Doc::new(&record);
            for (s, sentence) in doc.sentences.iter().enumerate() {
                let figs: Vec<&Fig> = doc.sentence_figs(s).map(|(_, g)| g).collect();
                for (k, g) in figs.iter().enumerate() {
                    if !doc.is_change_amount(g) {
                        continue;
                    }
                    let before = doc.before_fig(g, 80);
                    let closes = super::super::doc::totals_what_precedes_at(before, &doc.tail(g, before));
                    assert!(!closes && !opens_breakdown(&doc, g, *sentence), "{}", doc.text);
                    amounts += 1;
                    // as `breakdowns` would try it: with figures of its kind on both sides
                    let of_kind = |h: &&&Fig| h.f.kind == g.f.kind;
                    between_parts +=
                        usize::from(figs[..k].iter().any(|h| of_kind(&h)) && figs[k + 1..].iter().any(|h| of_kind(&h)));
                }
            }
        }
        assert!(amounts >= 120 && between_parts >= 5, "{amounts} {between_parts}");
    }

    #[test]
    fn figures_added_within_their_whole_period_are_those_added_at_all() {
        let written = [
            "Google got 5,000 requests in the second half of 2015. Together with the 4,363 requests it received in the first half of 2015, that took the company's total for 2015 to 9,823.",
            "Google got 5,000 requests in the second half of 2015. Added to the 4,363 requests it received in the first half of 2015, that took its total for 2015 to 9,363.",
            "Apple got 700 requests in the first quarter of 2014. Along with the 300 requests it received in the second quarter of 2014, that took its total for the first half of 2014 to 1,200.",
            "Google got 5,000 requests in 2015. Together with the 4,363 requests it received in 2015, that took the company's total for the first half of 2015 to 9,823.",
            "Google got 5,000 requests in 2014. Together with the 4,363 requests it received in 2015, that took the company's total for 2015 to 9,823.",
        ];
        let (mut spared, mut findings) = (0, 0);
        for record in super::super::doc::test_records(&written) {
            let doc = Doc::new(&record);
            let first = Doc::new(&record);
            let expected = together_by::<false>(&first);
            assert_eq!(together(&doc), expected, "{}", doc.text);
            findings += expected.len();
            spared += doc
                .figs
                .windows(2)
                .filter(|w| match (&w[0].f.period, &w[1].f.period) {
                    (Some(pp), Some(wp)) => !strictly_within(pp, wp) && doc.adds_up_to(&w[0], &w[1]),
                    _ => false,
                })
                .count();
        }
        assert!(spared >= 2 && findings >= 2, "{spared} {findings}");
    }

    /// [`together`] as written before the other parts were listed: the other part of each pair
    /// searched for among all the figures.
    fn together_searched(doc: &Doc) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, part) in doc.figs.iter().enumerate() {
            let Some(whole) = doc.figs.get(i + 1) else { break };
            let (Some(pp), Some(wp)) = (&part.f.period, &whole.f.period) else {
                continue;
            };
            if !doc.same_sentence(part, whole) || !strictly_within(pp, wp) || !doc.adds_up_to(part, whole) {
                continue;
            }
            let Some(rest) = tilings_of(wp)
                .iter()
                .filter(|t| t.len() == 2 && t.contains(pp))
                .find_map(|t| t.iter().find(|p| *p != pp).cloned())
            else {
                continue;
            };
            let other = doc.figs.iter().find(|g| {
                g.f.period.as_ref() == Some(&rest)
                    && g.f.kind == whole.f.kind
                    && g.f.entity == whole.f.entity
                    && g.reading.value.is_some()
                    && !doc.is_reference(g)
                    && is_part(doc, g)
                    && g.quantity.is_some()
            });
            if let Some(other) = other {
                out.extend(check_breakdown(doc, whole, &[other, part], true));
            }
        }
        out
    }

    /// The other parts looked up ([`other_parts`]) are those searched for: on random texts of
    /// pairs added up and figures of the periods of their other parts, of several entities and
    /// kinds, some earlier values, change amounts or percentages, and on the test records.
    #[test]
    fn the_other_parts_looked_up_are_those_searched_for() {
        let sentences: [fn(&str) -> String; 12] = [
            |v| format!("Google got {v} requests in the first half of 2014."),
            |v| format!("Microsoft got {v} requests in the first half of 2014."),
            |v| format!("Google got {v} requests in the first quarter of 2015."),
            |v| format!("Google paid ${v} in fines in the first half of 2014."),
            |v| format!("That was up from {v} in the first half of 2014."),
            |v| format!("Requests rose by {v} in the first half of 2014."),
            |v| format!("Google got 12 percent more, {v} requests, in the first half of 2014."),
            |v| {
                format!(
                    "Together with the {v} requests of the second half of 2014, that took the total for 2014 to 9,000."
                )
            },
            |v| {
                format!("Added to the {v} requests it received in the second quarter of 2015, that took its total for the first half of 2015 to 7,500.")
            },
            |v| {
                format!("Microsoft received {v} requests in the second half of 2014. Along with the 2,000 requests it got in the first half of 2014, that took its total for 2014 to 6,000.")
            },
            |v| format!("Google got {v} requests in 2014."),
            |v| {
                format!("Google spent ${v} in the first half of 2014. Together with the $3,000 of the second half of 2014, that took the total for 2014 to $9,000.")
            },
        ];
        let mut rng = crate::gen::Rng::new(426);
        let texts: Vec<String> = (0..300)
            .map(|_| {
                (0..rng.between(1, 10))
                    .map(|_| rng.pick(&sentences)(&format!("{},{:03}", rng.between(1, 6), rng.below(3) * 500)))
                    .collect::<Vec<_>>()
                    .join(if rng.chance(0.5) { " " } else { "\n\n" })
            })
            .collect();
        let text_refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (mut findings, mut listed) = (0, 0);
        for record in super::super::doc::test_records(&text_refs) {
            let (doc, first) = (Doc::new(&record), Doc::new(&record));
            let expected = together_searched(&first);
            assert_eq!(together(&doc), expected, "{}", doc.text);
            findings += expected.len();
            listed += usize::from(doc.figs.windows(2).any(|w| doc.adds_up_to(&w[0], &w[1])));
        }
        assert!(findings >= 50 && listed >= 200, "{findings} {listed}");
    }

    #[test]
    fn figures_are_added_to_others_as_the_claim_says() {
        let mut added = 0;
        let added_up = [
            "Together with the 4,363 it received in the first half, that took the company's total for 2015 to 9,823.",
            "Added to the 4,363 it received in the first half, that took the company's total for 2015 to 9,823.",
            "Added  \u{a0}TO the 4,363 it received in the first half, that took its total for 2015 to 9,823.",
            "Along with the 4,363 it received in the first half, that took the company's total for 2015 to 9,823.",
            "Added\tto the 4,363 it received in the first half, that took the company's total for 2015 to 9,823.",
        ];
        for record in super::super::doc::test_records(&added_up) {
            let doc = Doc::new(&record);
            for (part, whole) in doc.figs.iter().zip(doc.figs.iter().skip(1)) {
                let adds = claim::adds_up_to(doc.before_fig(part, 40), doc.between(part.f.span, whole.f.span));
                assert_eq!(doc.adds_up_to(part, whole), adds, "{}", doc.text);
                added += usize::from(adds);
            }
        }
        assert!(added >= added_up.len(), "{added}");
    }
}
