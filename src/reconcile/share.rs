//! Shares: `percent_sum` (complementary shares that must reach 100 percent, "3 percent ... the
//! remaining 97 percent", and shares of one total listed together that exceed it) and
//! `share_mismatch` (a stated percentage of a stated total against the stated part, "52 percent
//! of 20,436 requests, or 12,627").

use super::change::part_after;
use super::doc::{with_few, Doc, Fig, Words};
use super::reading::{format_number, verdict, Interval};
use super::sum::join_and;
use super::{Finding, Rule, Severity};
use crate::extract::claim;
use crate::extract::FigureKind;
use crate::read::Span;
use rustc_hash::FxHashMap;
use serde_json::json;
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

/// Runs both share rules: every finding of theirs has a share, a percentage, among its figures,
/// and an article without one (most pages' figures are counts) is spared them.
pub fn check(doc: &Doc) -> Vec<Finding> {
    if !has_percentage(doc) {
        return Vec::new();
    }
    check_shares(doc)
}

/// Whether one of the article's figures is a percentage, as every share is ([`is_share`]).
fn has_percentage(doc: &Doc) -> bool {
    doc.figs.iter().any(|g| g.f.kind == FigureKind::Percent)
}

/// [`check`] whether or not the article has a percentage.
fn check_shares(doc: &Doc) -> Vec<Finding> {
    let mut out = complements(doc);
    out.extend(listed_shares(doc));
    out.extend(shares_of_totals(doc));
    out
}

fn is_share(doc: &Doc, g: &Fig) -> bool {
    g.f.kind == FigureKind::Percent && !doc.is_change_amount(g)
}

/// "3 percent ... The remaining 97 percent": the shares before the complement in its sentence (or,
/// when it has none, in the sentence before) and the complement must make 100 percent.
fn complements(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    for (k, g) in doc.figs.iter().enumerate() {
        if !is_share(doc, g) || !doc.is_complement(g) {
            continue;
        }
        let Some(here) = doc.sentence_of_fig(g) else {
            continue;
        };
        let shares_in = |s: Span| -> Vec<&Fig> {
            doc.figs_within(s)
                .take_while(|(i, _)| *i < k)
                .map(|(_, h)| h)
                .filter(|h| is_share(doc, h))
                .collect()
        };
        let previous = sentences_ending_by(doc, here.start).next();
        let same_paragraph = previous.is_some_and(|p| doc.paragraph_of(*p) == doc.paragraph_of(here));
        let before: Vec<&Fig> = previous
            .filter(|_| same_paragraph)
            .map_or_else(Vec::new, |p| shares_in(*p));
        let mut group = shares_in(here);
        if group.is_empty() {
            // "20 percent ... and 38 percent ... . Agencies denied 4 percent ... . The remaining
            // 38 percent ...": the shares of up to three sentences before, in the paragraph, the
            // run of them that comes nearest to 100 with the complement
            let Some(best) = runs_of_shares_before(doc, here, k)
                .into_iter()
                .min_by(|a, b| off_hundred(a, g).total_cmp(&off_hundred(b, g)))
            else {
                continue;
            };
            group = best;
            group.push(g);
            out.extend(check_hundred(doc, &group, g));
            continue;
        }
        group.push(g);
        let Some(finding) = check_hundred(doc, &group, g) else {
            continue;
        };
        // a list begun in the sentence before ("... or 58 percent. Phishing made up 21 percent,
        // malware 9 percent, and other categories the remaining 13 percent"): the whole list
        // is checked when it comes nearer to 100
        if before.is_empty() {
            out.push(finding);
            continue;
        }
        let whole: Vec<&Fig> = before.into_iter().chain(group.iter().copied()).collect();
        let off = |shares: &[&Fig]| (sum_of_values(shares) - 100.0).abs();
        if off(&whole) < off(&group) {
            out.extend(check_hundred(doc, &whole, g));
        } else {
            out.push(finding);
        }
    }
    out
}

/// The shares of the sentences before `here` in its paragraph, before the figure `figs[k]`: the
/// last sentence's, the last two's and the last three's, each a run that holds shares.
fn runs_of_shares_before<'d, 'a>(doc: &'d Doc<'a>, here: Span, k: usize) -> Vec<Vec<&'d Fig<'a>>> {
    let paragraph = doc.paragraph_of(here);
    let mut runs = Vec::new();
    let mut run: Vec<&Fig> = Vec::new();
    for s in sentences_ending_by(doc, here.start).take(3) {
        if doc.paragraph_of(*s) != paragraph {
            break;
        }
        let shares: Vec<&Fig> = doc
            .figs_within(*s)
            .take_while(|(i, _)| *i < k)
            .map(|(_, h)| h)
            .filter(|h| is_share(doc, h))
            .collect();
        if !shares.is_empty() {
            run.splice(0..0, shares);
            runs.push(run.clone());
        }
    }
    runs
}

/// The sentences that end by `at`, from the last back: those before the first that ends after
/// it, found by a binary search, where the sentences go forward (else looked through from the
/// end), so that a page of thousands of complements is not quadratic.
fn sentences_ending_by<'d>(doc: &Doc<'d>, at: usize) -> impl Iterator<Item = &'d Span> + 'd {
    let sentences = doc.sentences;
    let ending = if doc.sentences_go_forward() {
        &sentences[..sentences.partition_point(|s| s.end <= at)]
    } else {
        sentences
    };
    ending.iter().rev().filter(move |s| s.end <= at)
}

/// How far the shares `run` and the complement `g` are from 100 percent.
fn off_hundred(run: &[&Fig], g: &Fig) -> f64 {
    (sum_of_values(run) + g.reading.value.unwrap_or(0.0) - 100.0).abs()
}

/// The sum of the stated values of `shares`.
fn sum_of_values(shares: &[&Fig]) -> f64 {
    shares.iter().filter_map(|g| g.reading.value).sum()
}

fn sum_of(shares: &[&Fig], wide: bool) -> Interval {
    shares.iter().fold(Interval::point(0.0), |acc, g| {
        acc.plus(if wide { g.reading.wide } else { g.reading.tight })
    })
}

/// A `percent_sum` finding on `shares`, which add up to `total` percent where 100 was expected.
fn percent_sum_finding(doc: &Doc, severity: Severity, message: String, shares: &[&Fig], total: f64) -> Finding {
    let spans: Vec<_> = shares.iter().map(|g| g.f.span).collect();
    let mut f = doc.finding(Rule::PercentSum, severity, message, &spans);
    f.expected = Some(json!(100));
    f.stated = Some(json!(total));
    f
}

fn check_hundred(doc: &Doc, shares: &[&Fig], complement: &Fig) -> Option<Finding> {
    let hundred = Interval::point(100.0);
    let severity = verdict(
        sum_of(shares, false).overlaps(hundred),
        sum_of(shares, true).overlaps(hundred),
    )?;
    let total: f64 = shares.iter().filter_map(|g| g.reading.value).sum();
    let names: Vec<&str> = shares.iter().map(|g| g.text).collect();
    let message = format!(
        "The article presents {} as the whole (\"{}\"), but the shares add up to {} percent, not 100.",
        join_and(&names),
        complement_words(doc, complement),
        format_number(total)
    );
    Some(percent_sum_finding(doc, severity, message, shares, total))
}

fn complement_words(doc: &Doc, g: &Fig) -> String {
    let before = doc.before_fig(g, 40);
    let word = before.split_whitespace().last().unwrap_or("");
    format!("the {word} {}", g.text).replace("the the ", "the ")
}

/// Shares listed in one sentence as a breakdown ("33 percent came from ..., 33 percent from ...
/// and 33 percent from ...") cannot add up to more than 100 percent.
fn listed_shares(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    for (k, sentence) in doc.sentences.iter().enumerate() {
        let of_sentence = || doc.sentence_figs(k).map(|(_, g)| g).filter(|g| is_share(doc, g));
        // Two shares at least: nearly every sentence has fewer, and needs no list (most hold
        // fewer than two figures, as their run tells without a look at them).
        if !doc.sentence_may_hold_two_figs(k) || of_sentence().nth(1).is_none() {
            continue;
        }
        out.extend(with_few(of_sentence(), |shares| {
            listed_shares_of_sentence(doc, shares, *sentence)
        }));
    }
    out
}

/// The finding of [`listed_shares`] on the shares `shares` of `sentence`, if any.
fn listed_shares_of_sentence(doc: &Doc, shares: &[&Fig], sentence: Span) -> Option<Finding> {
    // Only a sentence that presents a breakdown ("split by source: 33 percent ..."), with
    // no complement ("the remaining 19 percent") and no direction word among its shares:
    // the tests that cost least first (whether a share is a complement was asked of every
    // share before), the search for the breakdown's words last.
    let first = shares[0].f.span.start;
    if shares.iter().any(|g| doc.is_complement(g))
        || super::change::last_direction(sentence.of(doc.text)).is_some()
        || !introduces_breakdown(doc, Span::new(sentence.start, first))
    {
        return None;
    }
    // Shares of different totals ("38 percent of the worldwide total ... 83 percent of them").
    let bases: Vec<&str> = shares
        .iter()
        .filter_map(|g| claim::share_base(doc.after_fig(g, 40)))
        .collect();
    if bases.windows(2).any(|w| !w[0].eq_ignore_ascii_case(w[1])) {
        return None;
    }
    let tight = sum_of(shares, false);
    let wide = sum_of(shares, true);
    let severity = verdict(tight.low <= 100.0 + 1e-9, wide.low <= 100.0 + 1e-9)?;
    let total: f64 = shares.iter().filter_map(|g| g.reading.value).sum();
    let names: Vec<&str> = shares.iter().map(|g| g.text).collect();
    let message = format!(
        "The article breaks one total down into {}, but these shares add up to {} percent, more than the whole.",
        join_and(&names),
        format_number(total)
    );
    Some(percent_sum_finding(doc, severity, message, shares, total))
}

/// Words one of which every match of [`claim::introduces_breakdown`]'s pattern holds,
/// lowercased: the colon, "split", "divided", "broke" ("broken down", "broke down") and
/// "breakdown".
static BREAKDOWN_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(&[":", "split", "divided", "broke", "breakdown"]));

/// [`claim::introduces_breakdown`] of the text of `span`, spared when it has none of
/// [`BREAKDOWN_WORDS`]: most texts before a sentence's first share.
fn introduces_breakdown(doc: &Doc, span: Span) -> bool {
    doc.may_hold(&BREAKDOWN_WORDS, span) && claim::introduces_breakdown(span.of(doc.text))
}

/// "52 percent of 20,436 requests, or 12,627" and "52 percent of them, or 12,627".
fn shares_of_totals(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    let totals = EarlierTotals::new();
    for (i, share) in doc.figs.iter().enumerate() {
        if !is_share(doc, share) {
            continue;
        }
        // (the checks' deadline, [`Doc::out_of_time`], asked of the shares alone: the longest
        // pass of the share rules on a page of shares)
        if doc.out_of_time() {
            break;
        }
        let (total, part) = match doc.figs.get(i + 1) {
            Some(next)
                if next.f.kind != FigureKind::Percent
                    && super::doc::is_of_between(doc.between(share.f.span, next.f.span)) =>
            {
                (
                    Some(next),
                    part_after(doc, i + 1).or_else(|| part_by_verb_before(doc, i)),
                )
            }
            // the count the share restates, read once for the readings below
            _ => match restated_part(doc, i) {
                // "531 of the 612 applications, or 78 per cent", "Of the 3,312, it found 94, or
                // 3.8 per cent": the restated count and the count before it in its sentence
                Some(restated) if let Some((part, total)) = part_and_total_with(doc, i, restated) => {
                    (Some(total), Some(part))
                }
                // The part first: a share without one ("81 percent of the requests, and ... the
                // remaining 19 percent") has nothing to check, and the words after it need no
                // search.
                restated => match restated
                    .map(|p| (p, true))
                    .or_else(|| part_after(doc, i).map(|p| (p, false)))
                {
                    // "Turkey filed 477 of the requests, or 60 percent of the total."
                    Some((p, true)) if super::doc::refers_to_earlier_total(doc.after_fig(share, 40)) => {
                        // "19,235 requests, or 41 percent of the total": what the part counts, when
                        // neither names what the total counts
                        let head = counted_noun(doc.after_fig(share, 40))
                            .or_else(|| counted_noun(doc.after_fig(p, 40)))
                            .or_else(|| counted_word(doc, p).map(Cow::Borrowed));
                        (earlier_total(doc, &totals, i - 1, head.as_deref(), p), Some(p))
                    }
                    // "81 percent of the requests, or 2,100": the total is looked for before the share.
                    Some((part, false)) if super::doc::refers_to_earlier_total(doc.after_fig(share, 40)) => {
                        let head = counted_noun(doc.after_fig(share, 40));
                        (earlier_total(doc, &totals, i, head.as_deref(), part), Some(part))
                    }
                    // "removed material in 2,349 of those notices, or 45 percent": the part refers
                    // back to a total that counts what it names ("of them" names nothing to tell
                    // which of the figures before it is meant)
                    Some((p, true)) if super::doc::refers_to_earlier_total(doc.between(p.f.span, share.f.span)) => {
                        match counted_noun(doc.between(p.f.span, share.f.span)) {
                            Some(head) => {
                                let total = earlier_total(doc, &totals, i - 1, Some(&head), p)
                                    .filter(|t| counts_the_same(doc, t, &head));
                                (total, Some(p))
                            }
                            None => (None, None),
                        }
                    }
                    // "Of those, some 580,000, or 48 percent, have opted in": the sentence opens by
                    // referring back to the total before it
                    Some((p, true)) if opens_with_of_those(doc, p) => {
                        (total_before_sentence(doc, &totals, i - 1, p), Some(p))
                    }
                    _ => (None, None),
                },
            },
        };
        let (Some(total), Some(part)) = (total, part) else {
            continue;
        };
        if let Some(f) = check_share(doc, share, total, part) {
            out.push(f);
        }
    }
    out
}

/// Whether the sentence of `part` opens with "Of those", "Of these" or "Of them" and names no
/// other figure before it: the part is of the total named before the sentence.
fn opens_with_of_those(doc: &Doc, part: &Fig) -> bool {
    let lead = doc.text[part.f.sentence.start..part.f.span.start].trim_start();
    let opens = ["Of those", "Of these", "Of them"].iter().any(|o| lead.starts_with(o));
    opens && !lead.bytes().any(|b| b.is_ascii_digit())
}

/// The total "Of those" before the part `figs[i]` refers to: the one before the part that
/// counts what it names ("Of those targets, 336" after "1,559 orders ... covering 1,687
/// targets"), or, naming nothing ("Of those, some 580,000"), the last count before the part's
/// sentence in its paragraph.
fn total_before_sentence<'d, 'a>(
    doc: &'d Doc<'a>,
    totals: &EarlierTotals<'a>,
    i: usize,
    part: &Fig,
) -> Option<&'d Fig<'a>> {
    // the noun "those" names ("Of those targets, 336"): read as the base of a share, which
    // opens with a space and "of"
    let lead = format!(" {}", &doc.text[part.f.sentence.start..part.f.span.start]);
    if let Some(head) = counted_noun(&lead) {
        return earlier_total(doc, totals, i, Some(&head), part).filter(|t| counts_the_same(doc, t, &head));
    }
    let paragraph = doc.paragraph_of(part.f.span)?;
    doc.figs[..i]
        .iter()
        .rev()
        .take_while(|g| g.f.span.start >= paragraph.start)
        .find(|g| g.f.kind != FigureKind::Percent && g.f.span.end <= part.f.sentence.start)
        .filter(|g| holds(g, part))
}

/// The part and the total of a share whose restated count (`restated`, before the share
/// `figs[i]`) has another count right before it in its sentence: that count "of" the restated
/// one ("531 of the 612 applications, or 78 per cent": 531 of 612), or the restated one of that
/// count when the sentence opens with it after "Of the" or "Of" ("Of the 3,312, it found 94, or
/// 3.8 per cent": 94 of 3,312).
fn part_and_total_with<'d, 'a>(
    doc: &'d Doc<'a>,
    i: usize,
    restated: &'d Fig<'a>,
) -> Option<(&'d Fig<'a>, &'d Fig<'a>)> {
    let other = doc.figs.get(i.checked_sub(2)?)?;
    if other.f.kind == FigureKind::Percent || !doc.same_sentence(other, restated) {
        return None;
    }
    let (part, total) = if super::doc::is_of_between(doc.between(other.f.span, restated.f.span)) {
        (other, restated)
    } else if matches!(
        doc.text[other.f.sentence.start..other.f.span.start].trim_start(),
        "Of the " | "Of "
    ) {
        (restated, other)
    } else {
        return None;
    };
    holds(total, part).then_some((part, total))
}

/// The count a share restates, when the share comes second: "477 of the requests, or 60 percent".
fn restated_part<'d, 'a>(doc: &'d Doc<'a>, i: usize) -> Option<&'d Fig<'a>> {
    count_before_share(doc, i, super::doc::is_part_between)
}

/// The count a share of a total after it is said to be, before it: "India's 7,829 requests made
/// up 14 percent of the 81,785".
fn part_by_verb_before<'d, 'a>(doc: &'d Doc<'a>, i: usize) -> Option<&'d Fig<'a>> {
    count_before_share(doc, i, claim::is_share_verb_between)
}

/// The count right before the share `figs[i]` in its sentence, when the words between them
/// make it the share's part (`between_says`).
fn count_before_share<'d, 'a>(doc: &'d Doc<'a>, i: usize, between_says: fn(&str) -> bool) -> Option<&'d Fig<'a>> {
    let share = &doc.figs[i];
    let prev = doc.figs.get(i.checked_sub(1)?)?;
    (prev.f.kind != FigureKind::Percent
        && doc.same_sentence(prev, share)
        && between_says(doc.between(prev.f.span, share.f.span)))
    .then_some(prev)
}

/// The total "of them" refers to: the subject of the discussion, i.e. the first figure that may be
/// a total in the share's paragraph before it, or else in one of the three paragraphs before.
/// When the text names what the total counts ("of the requests"), a figure counting something
/// else ("accounts") is not it; one with no measure is taken only when none counts the same. A
/// figure smaller than the `part` is no total of it ("Mexico handled 61,022 requests. The four
/// largest markets accounted for 1,093,828 requests, or 96% of the total"). The figures of a
/// long paragraph are looked up in `totals` rather than searched.
fn earlier_total<'d, 'a>(
    doc: &'d Doc<'a>,
    totals: &EarlierTotals<'a>,
    i: usize,
    head: Option<&str>,
    part: &Fig,
) -> Option<&'d Fig<'a>> {
    let share = &doc.figs[i];
    // The paragraph holding the share, by its index (as `Doc::paragraph_of` finds it).
    let k = doc.paragraphs.partition_point(|p| p.end < share.f.span.end);
    doc.paragraphs.get(k).filter(|p| p.contains(share.f.span))?;
    let scope = (k.saturating_sub(3)..=k).rev();
    let first = |wanted: Wanted| scope.clone().find_map(|j| totals.first(doc, j, i, wanted, part));
    match head.map(|h| h.trim_end_matches('s')) {
        Some(h) => first(Wanted::Counting(h)).or_else(|| first(Wanted::Unmeasured)),
        None => first(Wanted::Any),
    }
}

/// Which figures that may be a total ([`could_be_total`]) [`earlier_total`] looks for.
#[derive(Clone, Copy)]
enum Wanted<'h> {
    /// Those that count the stem ([`counts_stem`]).
    Counting(&'h str),
    /// Those with no measure.
    Unmeasured,
    /// Any.
    Any,
}

/// How many figures of a paragraph before a share [`earlier_total`] looks through for the
/// share's total; past that, the figures of the paragraph that may be totals are listed once
/// ([`PossibleTotals`]) and looked up, so that a page of thousands of shares in one paragraph
/// is not quadratic.
const SCANNED_BEFORE: usize = 64;

/// The figures that may be totals ([`PossibleTotals`]) of each long paragraph a share looks back
/// in, listed at the first look, for one article.
struct EarlierTotals<'a> {
    /// How many figures before the share are looked through before the rest are looked up.
    scanned: usize,
    /// The lists, by the index of their paragraph.
    listed: RefCell<FxHashMap<usize, PossibleTotals<'a>>>,
}

impl<'a> EarlierTotals<'a> {
    /// None listed yet.
    fn new() -> Self {
        EarlierTotals {
            scanned: SCANNED_BEFORE,
            listed: RefCell::default(),
        }
    }

    /// The first figure of the paragraph `doc.paragraphs[j]` before `figs[end]` that may be a
    /// total as `wanted` says and may hold `part` ([`holds`]).
    fn first<'d>(&self, doc: &'d Doc<'a>, j: usize, end: usize, wanted: Wanted, part: &Fig) -> Option<&'d Fig<'a>> {
        let p = doc.paragraphs[j];
        // The tests that cost least first: whether a figure may be a total is asked only of
        // counts that count what is wanted (or, failing those, that have no measure).
        let is_count = |g: &Fig| g.f.kind != FigureKind::Percent && g.reading.value.is_some();
        let is_wanted = |g: &Fig| {
            holds(g, part)
                && match wanted {
                    Wanted::Counting(h) => is_count(g) && counts_stem(doc, g, h) && could_be_total(doc, g),
                    Wanted::Unmeasured => g.f.measure.is_none() && could_be_total(doc, g),
                    Wanted::Any => could_be_total(doc, g),
                }
        };
        // The first figures looked through (all of nearly every paragraph), the rest looked up:
        // the first wanted of those is the first of all when none of these is.
        let mut before = doc.figs_within_before(p, end).map(|(_, g)| g);
        if let Some(g) = before.by_ref().take(self.scanned).find(|g| is_wanted(g)) {
            return Some(g);
        }
        before.next()?;
        let mut listed = self.listed.borrow_mut();
        let totals = listed.entry(j).or_insert_with(|| PossibleTotals::of(doc, p));
        let list = match wanted {
            Wanted::Counting(h) => totals.by_stem.get(h)?,
            Wanted::Unmeasured => &totals.unmeasured,
            Wanted::Any => &totals.any,
        };
        list.first_holding(part, end).map(|i| &doc.figs[i])
    }
}

/// The figures of a paragraph that may be totals ([`could_be_total`]), in text order, as
/// [`Wanted`] tells them apart.
#[derive(Default)]
struct PossibleTotals<'a> {
    /// Every one.
    any: Rising,
    /// Those with no measure.
    unmeasured: Rising,
    /// Those with a counted word ([`counted_word`]), by its stem (less its last "s"s).
    by_stem: FxHashMap<&'a str, Rising>,
}

impl<'a> PossibleTotals<'a> {
    /// Those of the paragraph `p`.
    fn of(doc: &Doc<'a>, p: Span) -> Self {
        let mut totals = PossibleTotals::default();
        for (i, g) in doc.figs_within(p) {
            // (a figure that may be a total has a value)
            let Some(value) = g.reading.value.filter(|_| could_be_total(doc, g)) else {
                continue;
            };
            totals.any.push(i, value);
            if g.f.measure.is_none() {
                totals.unmeasured.push(i, value);
            }
            if let Some(word) = counted_word(doc, g) {
                totals
                    .by_stem
                    .entry(word.trim_end_matches('s'))
                    .or_default()
                    .push(i, value);
            }
        }
        totals
    }
}

/// Figures in text order, by their index in `figs`, with the highest of their values up to each:
/// the first that may hold a part is found by a binary search of those.
#[derive(Default)]
struct Rising {
    /// The figures' indices.
    at: Vec<usize>,
    /// The highest value of the figures up to each (a value that is not a number counts for none).
    highest: Vec<f64>,
}

impl Rising {
    /// Adds `figs[i]`, of value `value`, after the others.
    fn push(&mut self, i: usize, value: f64) {
        let highest = self.highest.last().map_or(value, |h| h.max(value));
        self.at.push(i);
        self.highest.push(highest);
    }

    /// The index of the first figure that may hold `part` ([`holds`]: its value at least the
    /// part's, when the part has one), if it comes before `figs[end]`.
    fn first_holding(&self, part: &Fig, end: usize) -> Option<usize> {
        let k = part
            .reading
            .value
            .map_or(0, |least| self.highest.partition_point(|h| !h.ge(&least)));
        self.at.get(k).copied().filter(|&i| i < end)
    }
}

/// Whether `g` counts `noun` ("requests" and "request" alike).
fn counts_the_same(doc: &Doc, g: &Fig, noun: &str) -> bool {
    counts_stem(doc, g, noun.trim_end_matches('s'))
}

/// [`counts_the_same`], given the noun without its last "s"s (`stem`): cut once for all the
/// figures a share's total is looked for among. A figure whose counted word is not yet worked
/// out is first asked whether it may count `stem` at all ([`may_count_stem`]): one that may not
/// is spared the completion of its measure (0.13 instructions a byte of generated text).
fn counts_stem(doc: &Doc, g: &Fig, stem: &str) -> bool {
    if g.counted.get().is_none() && !may_count_stem(doc, g, stem) {
        return false;
    }
    counted_word(doc, g).is_some_and(|w| w.trim_end_matches('s') == stem)
}

/// Whether [`counted_word`] of `g`, less its last "s"s, may be `stem`, told without completing
/// the measure: the counted word is the measure's last word, or a head noun written in the text
/// after the figure that it reads ([`claim::completed_last_word`]). The first ends the measure
/// (less its last spaces and "s"s) with `stem`; the second is in that text in some ASCII case,
/// so that its lowercased bytes hold each byte of `stem`, all lowercase as every head is: the
/// rarest of them ([`rarest_letter`], "q" of "request") is looked for, with one `memchr`.
fn may_count_stem(doc: &Doc, g: &Fig, stem: &str) -> bool {
    let Some(measure) = g.f.measure.as_deref() else {
        return false;
    };
    if measure.trim_end().trim_end_matches('s').ends_with(stem) {
        return true;
    }
    let Some(rare) = rarest_letter(stem) else {
        return true;
    };
    let from = g.f.span.end;
    let after = &doc.lowercased_text()[from..from + counted_word_text(doc, g).len()];
    memchr::memchr(rare, after).is_some()
}

/// The byte of `stem` that English text holds least often, if `stem` is not empty: by the ranks
/// of [`LETTER_COMMONNESS`], any byte but a lowercase letter taken as rarer than them.
fn rarest_letter(stem: &str) -> Option<u8> {
    stem.bytes().min_by_key(|&b| LETTER_COMMONNESS[usize::from(b)])
}

/// The rank of each lowercase letter from the rarest in English text (1, "z") to the commonest
/// (26, "e"); 0 for every other byte.
static LETTER_COMMONNESS: [u8; 256] = letter_commonness();

const fn letter_commonness() -> [u8; 256] {
    let letters = b"zqjxkvbypgwfmucdlhrsnioate";
    let mut out = [0u8; 256];
    let mut i = 0;
    while i < letters.len() {
        out[letters[i] as usize] = i as u8 + 1;
        i += 1;
    }
    out
}

/// The text after `g` its counted word is read in ([`counted_word`]).
fn counted_word_text<'a>(doc: &Doc<'a>, g: &Fig) -> &'a str {
    doc.after_fig(g, 60)
}

/// Whether `total` may hold `part`: not smaller than it (when both are known).
fn holds(total: &Fig, part: &Fig) -> bool {
    match (total.reading.value, part.reading.value) {
        (Some(t), Some(p)) => t >= p,
        _ => true,
    }
}

/// The last word of the figure's measure, completed with the head noun written after it
/// ("account" → "account requests"): what the figure counts. Worked out once per figure.
fn counted_word<'a>(doc: &Doc, g: &Fig<'a>) -> Option<&'a str> {
    *g.counted
        .get_or_init(|| completed_last_word(doc, g.f.measure.as_deref()?, g.f.span.end, counted_word_text(doc, g)))
}

/// [`claim::completed_last_word`] of `measure` in `after`, the text from `from` in the article:
/// the measure is found in the article's lowercased text ([`Doc::find_lowercased`], as
/// `claim::find_in_lowercased` finds it), and the words after it are read for a head noun only
/// where they may add one ([`claim::may_lengthen`]), from where it stands (where the claim's
/// search finds it at once). Elsewhere the word is the measure's last, read back to its last
/// ASCII space ([`last_word`]). Asked of every count a share's total may be: sparing the claim's
/// search of the text for the measure, which lowercases each byte it compares, and the split of
/// the measure into words saved 0.11 instructions a byte of generated text.
fn completed_last_word<'m>(doc: &Doc, measure: &'m str, from: usize, after: &str) -> Option<&'m str> {
    match doc.find_lowercased(Span::new(from, from + after.len()), measure) {
        Some(at) if claim::may_lengthen(&after.as_bytes()[at + measure.len()..]) => {
            claim::completed_last_word_after(measure, &after[at + measure.len()..])
        }
        _ => last_word(measure),
    }
}

/// What a share or part says its total counts: "of the requests" gives `requests`; "of the
/// total" and "of them" say nothing. Lowercased, and copied only when it is not written so.
/// Spared for a text that does not open with spaces and "of", as the base of a share does
/// ([`claim::share_base`]): the text after most parts ("19,235 requests, or 41 percent").
fn counted_noun(after: &str) -> Option<Cow<'_, str>> {
    if !super::doc::may_open_with_of(after) || is_of_the_total(after) {
        return None;
    }
    let noun = last_word(claim::share_base(after)?)?;
    let noun = if noun.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(noun.to_ascii_lowercase())
    } else {
        Cow::Borrowed(noun)
    };
    (!matches!(&*noun, "total" | "them" | "those" | "these" | "all" | "cases")).then_some(noun)
}

/// Whether `after` is " of the total" with no word after it (the text then ends, or goes on with
/// an ASCII byte that neither goes on the word nor spaces it from another): the base of a share
/// whose last word is "total", which names nothing the total counts. The commonest text after a
/// share that refers back ("41 percent of the total."), told without the pattern.
fn is_of_the_total(after: &str) -> bool {
    const WORDS: &str = " of the total";
    super::doc::opens_with_word(after, WORDS)
        && !after
            .as_bytes()
            .get(WORDS.len())
            .is_some_and(|&b| b == b'-' || claim::is_ascii_space(b))
}

/// `text.split_whitespace().last()`, read back to the last ASCII space where `text` is ASCII
/// (whose spaces to `char::is_whitespace` are those): the words are read backwards a character
/// at a time otherwise, and a share's base is read for every share that refers back.
fn last_word(text: &str) -> Option<&str> {
    if !text.is_ascii() {
        return text.split_whitespace().last();
    }
    let bytes = text.as_bytes();
    let end = claim::spaces_start(bytes, bytes.len());
    let start = bytes[..end]
        .iter()
        .rposition(|&b| claim::is_ascii_space(b))
        .map_or(0, |i| i + 1);
    (start < end).then(|| &text[start..end])
}

/// Whether a figure may be the total a later share refers to: a count that is not itself a part,
/// a complement ("the remaining 2,704"), a restated share, a change amount, a range bound or the
/// earlier value of a comparison (linked by the extractor, or written after "from": "That was
/// up 9 percent from 3,887").
fn could_be_total(doc: &Doc, g: &Fig) -> bool {
    *g.may_be_total.get_or_init(|| {
        let (before, after) = (doc.before_fig(g, 60), doc.after_fig(g, 40));
        g.f.kind != FigureKind::Percent
            && g.reading.value.is_some()
            && !doc.is_reference(g)
            && !doc.is_complement(g)
            && !super::doc::follows_from(before, &doc.tail(g, before))
            && !super::doc::is_partitive(after)
            && !super::doc::restates_share_at(before, &doc.tail(g, before))
            && !doc.is_change_amount(g)
            && !super::doc::is_range_bound(before, after)
    })
}

fn check_share(doc: &Doc, share: &Fig, total: &Fig, part: &Fig) -> Option<Finding> {
    let implied = |wide: bool| {
        let (s, t) = if wide {
            (share.reading.wide, total.reading.wide)
        } else {
            (share.reading.tight, total.reading.tight)
        };
        t.times(s.scale(0.01))
    };
    let severity = verdict(
        implied(false).overlaps(part.reading.tight),
        implied(true).overlaps(part.reading.wide),
    )?;
    let (s, t) = (share.reading.value?, total.reading.value?);
    let expected = s / 100.0 * t;
    let message = format!(
        "{} of {} is about {}, but the article gives {}.",
        share.text,
        total.text,
        format_number(expected.round()),
        part.text
    );
    let mut f = doc.finding(
        Rule::ShareMismatch,
        severity,
        message,
        &[share.f.span, total.f.span, part.f.span],
    );
    f.expected = Some(json!(expected.round()));
    f.stated = part.reading.value.map(|v| json!(v));
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_total_told_without_the_pattern_names_nothing_counted() {
        for after in [" of the total.", " of the total", " of the total, up", " of the total;"] {
            assert!(is_of_the_total(after), "{after:?}");
            assert_eq!(claim::share_base(after).and_then(last_word), Some("total"), "{after:?}");
        }
        for after in [
            " of the total requests",
            " of the total-ish",
            " of the totals",
            " of the total\u{e9}",
        ] {
            assert!(!is_of_the_total(after), "{after:?}");
        }
    }

    /// "Of those, some 580,000, or 48 percent": the part of the total named before the sentence,
    /// the last count there when "those" names nothing, the one counting what it names else.
    #[test]
    fn a_sentence_opening_with_of_those_restates_a_share_of_the_total_before_it() {
        let text = "GEDmatch holds about 1.7 million DNA profiles. Of those, some 580,000, or 48 percent, \
                    have opted in.";
        assert_eq!(
            messages(text),
            ["48 percent of about 1.7 million is about 816,000, but the article gives some 580,000."]
        );
        assert_eq!(messages(&text.replace("580,000", "820,000")), Vec::<String>::new());
        // "those targets" is the count of targets, not the orders before it
        let text = "The court covered an estimated 1,687 targets under 1,559 orders. Of those \
                    targets, 336, or about 20 percent, were U.S. persons.";
        assert_eq!(messages(text), Vec::<String>::new());
    }

    /// "531 of the 612 applications, or 78 per cent": the share is of the part of the total
    /// before it (86.8 percent), not of the total restated.
    #[test]
    fn a_share_after_a_part_of_a_total_is_checked_against_them() {
        let text = "The judge received 612 applications. Crime Intelligence accounted for 531 of the 612 \
                    applications, or 78 per cent.";
        assert_eq!(
            messages(text),
            ["78 per cent of 612 is about 477, but the article gives 531."]
        );
        assert_eq!(
            messages(&text.replace("78 per cent", "87 per cent")),
            Vec::<String>::new()
        );
    }

    /// "The remaining 38 percent" after shares in more than one sentence before it: the run of
    /// sentences that comes nearest to 100 is checked (20 + 38 + 4 + 38 make 100).
    #[test]
    fn a_complement_after_shares_of_several_sentences_is_checked_against_them_all() {
        let rules = |text: &str| {
            let record = super::super::doc::test_record(text);
            check(&Doc::new(&record))
                .into_iter()
                .map(|f| f.rule)
                .collect::<Vec<_>>()
        };
        let text = |last: &str| {
            format!(
                "Of the requests processed, 20 percent ended with records released in full and 38 \
                 percent with a partial release. Agencies denied 4 percent in full. The remaining \
                 {last} percent were closed for other reasons."
            )
        };
        assert_eq!(rules(&text("38")), []);
        assert_eq!(rules(&text("48")), [Rule::PercentSum]);
    }

    /// "Of the 3,312, it found 94, or 3.8 per cent": a share of the total the sentence opens
    /// with (94 is 2.8 percent of it).
    #[test]
    fn a_share_of_the_total_a_sentence_opens_with_is_checked() {
        let text = "The commission assessed 3,312 permissions. Of the 3,312, it found 94, or 3.8 per \
                    cent, unlawful, up from 2.1 per cent.";
        assert_eq!(
            messages(text),
            ["3.8 per cent of 3,312 is about 126, but the article gives 94."]
        );
        assert_eq!(messages(&text.replace("3.8 per", "2.8 per")), Vec::<String>::new());
    }

    /// The counted word read in the lowercased text ([`completed_last_word`]) is the claim's, for
    /// the measure of every figure of the bundled and generated articles, and for measures
    /// written in capitals, with spaces or letters outside ASCII, or empty, over texts after the
    /// figures of several lengths.
    #[test]
    fn the_counted_word_read_in_the_lowercased_text_is_the_claims() {
        let records = super::super::doc::test_records(&[
            "It received 4,825 user data requests, and 3,100 account requests from courts.",
            "It got 120 Account Data requests and 31 legal demands, 9 user data orders and 4 user notices.",
            "Police sent 1,200 account requests; 17 account  subpoenas; 3 ACCOUNT warrants, 5 accounts\u{a0}letters.",
            "Of 52 ſtate demands, 12 user ſubpoenas and 3 Kelvin \u{212a}eys came in 2015.",
        ]);
        let measures = [
            "requests",
            "Requests",
            "account",
            "user data",
            "data requests",
            " user ",
            "",
            "ſtate",
        ];
        let (mut checked, mut lengthened) = (0, 0);
        for record in &records {
            let doc = Doc::new(record);
            for g in &doc.figs {
                for n in [20, 60, 200] {
                    let after = doc.after_fig(g, n);
                    for measure in g.f.measure.as_deref().into_iter().chain(measures) {
                        let word = completed_last_word(&doc, measure, g.f.span.end, after);
                        assert_eq!(
                            word,
                            claim::completed_last_word(measure, after),
                            "{measure:?} {after:?}"
                        );
                        checked += 1;
                        lengthened += usize::from(word.is_some_and(|w| !measure.ends_with(w)));
                    }
                }
            }
        }
        assert!(checked > 10_000 && lengthened > 100, "{checked} {lengthened}");
    }

    /// A figure [`may_count_stem`] rules out does not count the stem by [`counted_word`], over
    /// the figures of the bundled and generated articles and measures completed by a head noun
    /// after them ("3,100 account requests": "account" counts requests), for the heads, the
    /// figures' own words and others; and some figures that count a head only their text after
    /// tells are not ruled out.
    #[test]
    fn a_figure_ruled_out_by_the_pre_test_does_not_count_the_stem() {
        let records = super::super::doc::test_records(&[
            "It received 4,825 user data requests, and 3,100 account requests from courts.",
            "It got 120 Account Data Requests and 31 legal demands, 9 user data orders and 4 user notices.",
            "Police sent 1,200 account requests; 17 account  subpoenas; 3 ACCOUNT warrants, 5 accounts letters.",
            // heads whose rarest letter is written in upper case: the pre-test reads the
            // lowercased text
            "It received 4,825 user data REQUESTS, and 3,100 account Warrants from courts.",
            "Police sent 1,200 account QUERIES; 17 account WARRANTS; 3 user DEMANDS.",
        ]);
        let stems = [
            "request", "order", "demand", "notice", "letter", "warrant", "subpoena", "account", "data", "",
        ];
        let (mut ruled_out, mut heads_kept) = (0, 0);
        for record in &records {
            let doc = Doc::new(record);
            for g in &doc.figs {
                let word = counted_word(&doc, g);
                let measure_ends = |stem: &str| {
                    g.f.measure
                        .as_deref()
                        .is_some_and(|m| last_word(m).is_some_and(|w| w.trim_end_matches('s') == stem))
                };
                for stem in g.f.measure.as_deref().and_then(last_word).into_iter().chain(stems) {
                    let counts = word.is_some_and(|w| w.trim_end_matches('s') == stem);
                    let may = may_count_stem(&doc, g, stem);
                    assert!(may || !counts, "{stem:?} {:?} {word:?}", g.text);
                    ruled_out += usize::from(!may);
                    heads_kept += usize::from(counts && !measure_ends(stem));
                }
            }
        }
        assert!(ruled_out > 100 && heads_kept >= 2, "{ruled_out} {heads_kept}");
    }

    /// An article without a percentage has no share finding ([`has_percentage`]): on the bundled
    /// and generated articles, and on texts with shares that do not add up, with their
    /// percentages written as counts, and with none.
    #[test]
    fn an_article_without_a_percentage_has_no_share_finding() {
        let records = super::super::doc::test_records(&[
            "Of the requests, 20 percent were granted. The remaining 70 percent were refused.",
            "Of the requests, 20 were granted. The remaining 70 were refused.",
            "Authorities made 8,939 of the requests, or 54 percent of the 20,316 received.",
            "Authorities made 8,939 of the 20,316 requests received.",
            "It received no requests.",
        ]);
        let (mut spared, mut found) = (0, 0);
        for record in &records {
            let doc = Doc::new(record);
            let in_full = check_shares(&doc);
            assert_eq!(check(&doc), in_full, "{}", doc.text);
            spared += usize::from(!has_percentage(&doc));
            found += in_full.len();
        }
        assert!(spared >= 3 && found >= 2, "{spared} {found}");
    }

    /// The messages of the share findings of `text`.
    fn messages(text: &str) -> Vec<String> {
        let record = super::super::doc::test_record(text);
        check(&Doc::new(&record)).into_iter().map(|f| f.message).collect()
    }

    /// The sentences that end by a point, found by a binary search ([`sentences_ending_by`]),
    /// are those found looking back from the end: at every sentence's start and end, and a byte
    /// on either side, in the test records.
    #[test]
    fn the_sentences_ending_by_a_point_are_those_found_from_the_end() {
        let mut points = 0;
        for record in super::super::doc::test_records(&[]) {
            let doc = Doc::new(&record);
            for s in doc.sentences {
                for at in [s.start, s.end]
                    .into_iter()
                    .flat_map(|at| [at.saturating_sub(1), at, at + 1])
                {
                    let found: Vec<&Span> = sentences_ending_by(&doc, at).take(4).collect();
                    let expected: Vec<&Span> = doc.sentences.iter().rev().filter(|s| s.end <= at).take(4).collect();
                    assert_eq!(found, expected, "{at} {}", doc.text);
                    points += 1;
                }
            }
        }
        assert!(points >= 10_000, "{points}");
    }

    /// [`earlier_total`] as written before the figures of long paragraphs were listed: the
    /// figures before the share in each paragraph of the four looked through.
    fn earlier_total_scanned<'d, 'a>(
        doc: &'d Doc<'a>,
        i: usize,
        head: Option<&str>,
        part: &Fig,
    ) -> Option<&'d Fig<'a>> {
        let share = &doc.figs[i];
        let k = doc.paragraphs.partition_point(|p| p.end < share.f.span.end);
        doc.paragraphs.get(k).filter(|p| p.contains(share.f.span))?;
        let scope = (k.saturating_sub(3)..=k).rev().map(|j| doc.paragraphs[j]);
        let candidates = |p: Span| doc.figs_within_before(p, i).map(|(_, g)| g).filter(|g| holds(g, part));
        let counts = |g: &Fig, stem: &str| counts_stem(doc, g, stem);
        let is_count = |g: &Fig| g.f.kind != FigureKind::Percent && g.reading.value.is_some();
        match head.map(|h| h.trim_end_matches('s')) {
            Some(h) => scope
                .clone()
                .find_map(|p| candidates(p).find(|g| is_count(g) && counts(g, h) && could_be_total(doc, g)))
                .or_else(|| {
                    scope
                        .clone()
                        .find_map(|p| candidates(p).find(|g| g.f.measure.is_none() && could_be_total(doc, g)))
                }),
            None => scope
                .clone()
                .find_map(|p| candidates(p).find(|g| could_be_total(doc, g))),
        }
    }

    /// Texts of a few paragraphs of random sentences: counts of several nouns and none, rising
    /// and falling, equal, and counts that may be no total (earlier values, complements, parts).
    fn texts_of_possible_totals(rng: &mut crate::gen::Rng, count: usize) -> Vec<String> {
        let sentences: [fn(&str, &str, u64) -> String; 10] = [
            |v, _, _| format!("Google got {v} requests."),
            |v, _, _| format!("It got {v}."),
            |v, _, _| format!("Police sent {v} accounts in 2014."),
            |v, _, _| format!("That was up from {v}."),
            |v, _, _| format!("The remaining {v} came from courts."),
            |v, _, s| format!("Courts sent {v} requests, or {s} percent of the total."),
            |_, _, s| format!("Of them, {s} percent came from courts."),
            |v, _, s| format!("Turkey filed {v} of the requests, or {s} percent of the total."),
            |v, half, _| format!("Microsoft received {v} Requests and {half} user data requests."),
            |v, _, s| format!("Apple got {v} orders ({s} percent of the total) in 2014."),
        ];
        let commas = |v: u64| format!("{},{:03}", v / 1_000, v % 1_000);
        (0..count)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..rng.between(1, 14) {
                    // (written with a comma: no value is read as a year)
                    let v = [rng.between(20, 90) * 500, rng.between(1, 3) * 10_000][rng.below(2) as usize];
                    text.push_str(&rng.pick(&sentences)(&commas(v), &commas(v / 2), rng.between(1, 99)));
                    text.push_str(if rng.chance(0.3) { "\n\n" } else { " " });
                }
                text
            })
            .collect()
    }

    /// The total found among the figures of the paragraphs listed ([`EarlierTotals`] listing
    /// every paragraph, or those of more than three figures) is the one found looking through
    /// them: for every figure of random texts
    /// as the share, every figure as the part (and one with no value), and heads that some
    /// figures count (in other cases, in the singular), that none does, and none.
    #[test]
    fn the_earlier_total_looked_up_is_the_one_looked_through() {
        let mut rng = crate::gen::Rng::new(97);
        let texts = texts_of_possible_totals(&mut rng, 200);
        let heads = [
            None,
            Some("requests"),
            Some("request"),
            Some("account"),
            Some("Requests"),
            Some("data"),
            Some("order"),
            Some(""),
        ];
        let (mut found, mut none, mut listed) = (0, 0, 0);
        for text in &texts {
            let record = super::super::doc::test_record(text);
            let (doc, first) = (Doc::new(&record), Doc::new(&record));
            // every paragraph's figures looked up, and those after the first three
            let listings = [0, 3].map(|scanned| EarlierTotals {
                scanned,
                listed: RefCell::default(),
            });
            let mut parts: Vec<Fig> = doc.figs.to_vec();
            if let Some(g) = doc.figs.first() {
                let mut valueless = g.clone();
                valueless.reading.value = None;
                parts.push(valueless);
            }
            for i in 0..doc.figs.len() {
                for head in heads {
                    for part in &parts {
                        let expected = earlier_total_scanned(&first, i, head, part).map(|g| g.f.span);
                        for totals in &listings {
                            let looked_up = earlier_total(&doc, totals, i, head, part).map(|g| g.f.span);
                            assert_eq!(looked_up, expected, "{i} {head:?} {} {text}", part.text);
                        }
                        found += usize::from(expected.is_some());
                        none += usize::from(expected.is_none());
                    }
                }
            }
            listed += listings[1].listed.borrow().len();
        }
        assert!(
            found >= 10_000 && none >= 10_000 && listed >= 200,
            "{found} {none} {listed}"
        );
    }

    /// [`shares_of_totals`] and [`earlier_total`] as written first: the words after a share
    /// searched before its part is looked for, and whether a figure may be a total asked first.
    fn shares_of_totals_as_written_first(doc: &Doc) -> Vec<Finding> {
        let earlier_total = |i: usize, head: Option<&str>, part: &Fig| {
            let share = &doc.figs[i];
            let k = doc.paragraphs.partition_point(|p| p.end < share.f.span.end);
            doc.paragraphs.get(k).filter(|p| p.contains(share.f.span))?;
            let scope = (k.saturating_sub(3)..=k).rev().map(|j| doc.paragraphs[j]);
            let candidates = |p: Span| {
                doc.figs_within(p)
                    .take_while(move |(j, _)| *j < i)
                    .map(|(_, g)| g)
                    .filter(|g| could_be_total(doc, g) && holds(g, part))
            };
            let counts = |g: &Fig, wanted: &str| {
                counted_word(doc, g).is_some_and(|w| w.trim_end_matches('s') == wanted.trim_end_matches('s'))
            };
            match head {
                Some(h) => scope
                    .clone()
                    .find_map(|p| candidates(p).find(|g| counts(g, h)))
                    .or_else(|| {
                        scope
                            .clone()
                            .find_map(|p| candidates(p).find(|g| g.f.measure.is_none()))
                    }),
                None => scope.clone().find_map(|p| candidates(p).next()),
            }
        };
        let mut out = Vec::new();
        for (i, share) in doc.figs.iter().enumerate() {
            if !is_share(doc, share) {
                continue;
            }
            let (total, part) = match doc.figs.get(i + 1) {
                Some(next)
                    if next.f.kind != FigureKind::Percent
                        && super::super::doc::is_of_between(doc.between(share.f.span, next.f.span)) =>
                {
                    (
                        Some(next),
                        part_after(doc, i + 1).or_else(|| part_by_verb_before(doc, i)),
                    )
                }
                _ if super::super::doc::refers_to_earlier_total(doc.after_fig(share, 40)) => {
                    match restated_part(doc, i) {
                        Some(p) => {
                            let head = counted_noun(doc.after_fig(share, 40))
                                .or_else(|| counted_noun(doc.after_fig(p, 40)))
                                .or_else(|| counted_word(doc, p).map(Cow::Borrowed));
                            (earlier_total(i - 1, head.as_deref(), p), Some(p))
                        }
                        None => match part_after(doc, i) {
                            Some(part) => {
                                let head = counted_noun(doc.after_fig(share, 40));
                                (earlier_total(i, head.as_deref(), part), Some(part))
                            }
                            None => (None, None),
                        },
                    }
                }
                _ => (None, None),
            };
            let (Some(total), Some(part)) = (total, part) else {
                continue;
            };
            out.extend(check_share(doc, share, total, part));
        }
        out
    }

    #[test]
    fn a_complement_is_not_the_total_of_a_later_share() {
        // (the first paragraph, with the total 4,225, is too far back for the share)
        let text = "Governments and courts sent Google 4,225 requests to remove content from its services in \
                    the six months to December 2015, according to figures the company added to its \
                    transparency report on Tuesday.\n\n\
                    That was up 9 percent from 3,887 in the previous six-month period and up 26 percent from \
                    3,341 a year earlier. Google said the number had risen in every half-year it has reported.\n\n\
                    Court orders accounted for 1,521 of the requests. The remaining 2,704 came from what \
                    Google calls executive and police bodies: ministries, regulators, prosecutors and police \
                    forces acting without a judge's sign-off.\n\n\
                    The difference shows up in how often Google complies. It removed at least some of the \
                    content in 41 percent of all cases, but the rate was 59 percent for court orders and just \
                    31 percent for requests from the executive branch.\n\n\
                    Defamation was the reason cited most often, in 1,352 requests, or 32 percent of the total.";
        let record = super::super::doc::test_record(text);
        let doc = Doc::new(&record);
        let remaining = doc.figs.iter().find(|g| g.text == "2,704").expect("2,704 is read");
        assert!(!could_be_total(&doc, remaining));
        let earlier = doc.figs.iter().find(|g| g.text == "3,887").expect("3,887 is read");
        assert!(!could_be_total(&doc, earlier));
        // 1,352 is 32 percent of 4,225, not of 2,704 or 3,887
        assert_eq!(check(&doc), []);
    }

    #[test]
    fn a_part_of_those_counted_before_it_with_its_share_is_checked_against_that_total() {
        let text = |part: &str| {
            format!(
                "Automattic received 5,872 copyright takedown notices in the first half of 2019.\n\n\
                 It removed material in response to {part} of those notices, or 45 percent."
            )
        };
        assert_eq!(
            messages(&text("2,349")),
            ["45 percent of 5,872 is about 2,642, but the article gives 2,349."]
        );
        assert_eq!(messages(&text("2,642")), Vec::<String>::new());
        // "of them" names nothing to tell the total by, and "hits" are counted by no figure before
        assert_eq!(
            messages("Oath got 15,005 requests for 26,711 accounts. US agencies sent 6,240 of them, or 42 percent."),
            Vec::<String>::new()
        );
        assert_eq!(
            messages("Of the 4.8 million reads, 5,319 matched. Officers confirmed 1,847 of those hits, or 35 percent."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_list_of_shares_begun_in_the_sentence_before_its_complement_is_checked_whole() {
        // 58 + 21 + 9 + 13 is 101, within the rounding of four shares
        assert_eq!(
            messages(
                "Cloudflare got 36,270 abuse reports. Copyright holders filed 58 percent of them. Phishing \
                 made up 21 percent, malware 9 percent, and other categories the remaining 13 percent."
            ),
            Vec::<String>::new()
        );
        // 71 + 16 + 8 + 5 is 100; 60 + 16 + 8 + 5 is not
        let text = |first: u32| {
            format!(
                "Judges signed 648 warrants. Narcotics cases accounted for {first} percent of them. Gang cases \
                 made up 16 percent, homicides 8 percent, and the remaining 5 percent involved other crimes."
            )
        };
        assert_eq!(messages(&text(71)), Vec::<String>::new());
        assert_eq!(
            messages(&text(60)),
            [
                "The article presents 60 percent, 16 percent, 8 percent and 5 percent as the whole (\"the \
                 remaining 5 percent\"), but the shares add up to 89 percent, not 100."
            ]
        );
    }

    #[test]
    fn a_count_said_to_make_up_a_share_of_a_total_after_it_is_its_part() {
        assert_eq!(
            messages(
                "India's 7,829 requests made up 14 percent of the 81,785 that Google received worldwide \
                 during the period."
            ),
            ["14 percent of 81,785 is about 11,450, but the article gives 7,829."]
        );
        // right to the rounding, and a count before other verbs, are no finding
        assert_eq!(
            messages("India's 7,829 requests accounted for about 9.6 percent of the 81,785 it received."),
            Vec::<String>::new()
        );
        assert_eq!(
            messages("India sent 7,829 requests, and 14 percent of the 81,785 came from the US."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn the_shares_of_earlier_totals_are_those_found_as_written_first() {
        let written = [
            "Google got 4,000 requests. Turkey filed 477 of the requests, or 60 percent of the total.",
            "Google got 4,000 requests and 900 accounts. Of them, 81 percent of the requests, or 2,100, came from police.",
            "Google got 4,000 orders. It gave data in 30 percent of them, or 1,500, and none in the remaining 70 percent.",
            "Google got 2,000 accounts. In 2014 it got 4,000 requests. Turkey filed 477 of them, or 60 percent of the total.",
            "Google got 4,000 requests, up from 3,000. Police made 2,000 of the requests, or 50 percent of them.",
            "Google got 4,000 requests. Police requests made up 40 percent of the 4,000, or 2,000.",
            "Police requests, 2,000 of them, made up 40 percent of the 4,000 Google got.",
        ];
        let mut found = 0;
        for record in super::super::doc::test_records(&written) {
            let (doc, first) = (Doc::new(&record), Doc::new(&record));
            let expected = shares_of_totals_as_written_first(&first);
            assert_eq!(shares_of_totals(&doc), expected, "{}", doc.text);
            found += expected.len();
        }
        assert!(found >= 10, "{found}");
    }

    /// [`counted_noun`] as written first: the whole base lowercased in a copy, its last word cut
    /// out of it.
    fn counted_noun_by_copy(after: &str) -> Option<String> {
        let base = claim::share_base(after)?.to_ascii_lowercase();
        let noun = base.split_whitespace().last()?.to_owned();
        (!matches!(noun.as_str(), "total" | "them" | "those" | "these" | "all" | "cases")).then_some(noun)
    }

    #[test]
    fn nouns_counted_in_place_are_those_counted_in_a_copy() {
        let mut texts = crate::gen::sample_lines(200);
        texts.extend(
            [
                " of the Requests",
                " OF ALL ACCOUNTS",
                " of them",
                " of the total",
                " of Law-Enforcement",
                " of é",
            ]
            .map(str::to_owned),
        );
        let (mut compared, mut counted) = (0, 0);
        for text in &texts {
            // From every space: the text after each word as the text after a share.
            for (at, _) in text.match_indices(' ') {
                let after = &text[at..];
                let noun = counted_noun(after);
                assert_eq!(noun.as_deref(), counted_noun_by_copy(after).as_deref(), "{after:?}");
                compared += 1;
                counted += usize::from(noun.is_some());
            }
        }
        assert!(compared > 40_000 && counted > 1_000, "{counted} of {compared}");
    }

    #[test]
    fn the_last_word_read_back_by_bytes_is_the_last_of_split_whitespace() {
        let mut texts = crate::gen::sample_lines(200);
        texts.extend(
            [
                "",
                " ",
                "the requests",
                "the  requests \t",
                "requests",
                " of\u{b}them",
                "of\u{a0}them",
                "the é",
                "x\u{2003}y",
                "\n\r",
                "a\u{1c}b",
            ]
            .map(str::to_owned),
        );
        let mut by_bytes = 0;
        for text in &texts {
            // From every byte where a character starts: each text's ends as texts of their own.
            for (at, _) in text.char_indices() {
                let (head, rest) = text.split_at(at);
                for t in [head, rest] {
                    assert_eq!(last_word(t), t.split_whitespace().last(), "{t:?}");
                    by_bytes += usize::from(t.is_ascii());
                }
            }
        }
        assert!(by_bytes > 20_000, "{by_bytes}");
    }

    #[test]
    fn texts_without_the_breakdown_words_introduce_no_breakdown() {
        let written = [
            "It split its requests: 40 percent came from police, 60 percent from courts.",
            "Requests were Broken  Down by source, with 30 percent and 70 percent.",
            "The BREAKDOWN shows 20 percent and 80 percent; divided, 50 percent and 50 percent.",
            "Requests were ſplit into 20 percent and 80 percent.",
        ];
        let mut introduced = 0;
        for record in super::super::doc::test_records(&written) {
            let doc = Doc::new(&record);
            for s in doc.sentences {
                for (_, g) in doc.figs_within(*s) {
                    let span = Span::new(s.start, g.f.span.start);
                    let direct = claim::introduces_breakdown(span.of(doc.text));
                    assert_eq!(introduces_breakdown(&doc, span), direct, "{:?}", span.of(doc.text));
                    introduced += usize::from(direct);
                }
            }
        }
        assert!(introduced >= 12, "{introduced}");
    }
}
