//! Period phrases that the grammar of [`super::PERIOD`] does not read, as transparency coverage
//! writes them: months counted ("the first six months of 2015", "the six months to December
//! 2015", "the year to March 2014"), a span of months without its year ("from January through
//! June"), a half as an adjective ("the second-half requests"), and periods counted back from
//! the one before ("a year earlier", "the year before", "the previous six-month period", "the
//! previous year").
//!
//! Each is found from a word it must hold ([`ANCHORS`], one search over the text), then read
//! by hand around it. A phrase replaces the matches of the grammar inside it ("December 2015",
//! "the year"), and its words are no figures ("six").

use super::search::Search;
use super::{Anaphor, Months, Reading};
use crate::extract::claim::{is_ascii_space, is_change_noun, spaces_end, spaces_start, word_by_bytes};
use crate::extract::quote::hand::{is_word_byte, word_character_at, word_character_before};
use crate::read::Span;
use chrono::NaiveDate;
use std::sync::LazyLock;

/// The words every phrase holds, each read by its own function ([`phrase_matches`]).
/// Case-sensitive (one search, no second pass for case): these words are written in lower
/// case inside a sentence, and the months with a capital.
const ANCHORS: [&str; 30] = [
    "month",
    "year to ",
    "year ending ",
    "year ended ",
    "year earlier",
    "year before",
    "-half",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "previous year",
    "prior year",
    "preceding year",
    "fiscal",
    "Fiscal",
    // "previous financial year", "prior financial year", found from a rare first three bytes
    // (a search for "financial year" checked every "fin" and cost some 1.5 instructions a byte)
    "vious financial year",
    "ior financial year",
    // "the 2022 financial year", "financial year 2022" (the bytes before are "fina")
    "ncial year",
    // "the same period last year", found from a rare first three bytes ("per" starts every
    // "percent": that anchor cost some 1.1 instructions a byte)
    "d last year",
    // "the fourth-quarter figure", as "-half" above
    "-quarter",
    // "in the fiscal year that ended March 31", as "year ended " above
    "year that ended ",
];

/// The first of the month names in [`ANCHORS`].
const FIRST_MONTH: usize = 7;

/// The search for [`ANCHORS`], leftmost first ([`super::search`]); an automaton's leftmost-first
/// search with its standard match kind had stepped through it byte by byte (some 15
/// instructions a byte), and with its SIMD prefilter (Teddy) cost some 4.
pub(super) static SEARCH: LazyLock<Search> = LazyLock::new(|| {
    // the cues the period reader asks for before each mention ([`super::Cues`]), found by the
    // same search after the anchors
    Search::new(ANCHORS.iter().chain(&super::CUE_WORDS).copied().collect())
});

/// The phrases of `text`, in order and without overlaps, with what each names; the cue words
/// found on the way are kept in `cues`.
pub(super) fn phrase_matches(text: &str, cues: &mut super::Cues) -> Vec<(Span, Reading)> {
    let bytes = text.as_bytes();
    let mut out: Vec<(Span, Reading)> = Vec::new();
    // the month a fiscal year whose span the text stated ends with
    let mut fiscal_end = None;
    // fiscal years named before the text said when its years end ("fiscal 2022 ... Oakland's
    // fiscal year runs from July 1 to June 30"): read again once it has
    let mut fiscal_before_end: Vec<(usize, usize)> = Vec::new();
    for hit in SEARCH.hits(bytes) {
        let (anchor, start, end) = (hit.word, hit.span.start, hit.span.end);
        let found = match anchor {
            0 => months_counted(bytes, start).inspect(|(_, reading)| {
                // "the 12 months to 30 June 2024" says when the text's years end, as "the year
                // to" does
                if let Reading::Months((y1, m1, y2, m2)) = *reading {
                    if (y2 - y1) * 12 + m2 as i32 - m1 as i32 == 11 {
                        fiscal_end.get_or_insert(m2);
                    }
                }
            }),
            1..=3 | 29 => year_to(bytes, start, &mut fiscal_end),
            4 | 5 => year_earlier(bytes, start, end),
            6 => hyphenated_part(bytes, start, true),
            28 => hyphenated_part(bytes, start, false),
            FIRST_MONTH..=18 => {
                let month = (anchor - FIRST_MONTH) as u32 + 1;
                days_to_before_month(bytes, start)
                    .and_then(|at| days_to(bytes, at))
                    .or_else(|| days_of_whole_months(bytes, start, month))
                    .or_else(|| months_without_year(bytes, start, month))
                    .or_else(|| month_without_year(bytes, start, month))
            }
            19..=21 => year_before(bytes, start, end),
            22 | 23 => {
                let (at, name_end) = (start, start + "fiscal".len());
                let found = previous_fiscal_year(bytes, at, at + "fiscal year".len())
                    .or_else(|| fiscal_year(bytes, at, name_end, &mut fiscal_end));
                if found.is_none() && fiscal_end.is_none() {
                    match fiscal_year_stated(bytes, name_end) {
                        Some(last) => fiscal_end = Some(last),
                        None => fiscal_before_end.push((at, name_end)),
                    }
                }
                found
            }
            24 | 25 => {
                let at = end - "financial year".len();
                previous_fiscal_year(bytes, at, end)
            }
            27 => start
                .checked_sub("perio".len())
                .filter(|&at| &bytes[at..start + 1] == b"period")
                .and_then(|at| same_period_last_year(bytes, at, end)),
            26 => start
                .checked_sub(4)
                .filter(|&at| &bytes[at..start] == b"fina")
                .and_then(|at| fiscal_year(bytes, at, at + "financial".len(), &mut fiscal_end)),
            _ => {
                cues.push(anchor - ANCHORS.len(), start, end);
                continue;
            }
        };
        if let Some((span, reading)) = found {
            match out.last() {
                // a longer reading of the words of the last ("the same nine months", then "the
                // same nine months a year earlier") takes its place
                Some((last, _)) if span.start <= last.start && last.end <= span.end => {
                    out.pop();
                    out.push((span, reading));
                }
                Some((last, _)) if last.end > span.start => {}
                _ => out.push((span, reading)),
            }
        }
    }
    // the US government's fiscal years end in September: a text about its departments that
    // names fiscal years and says no span for them ("fiscal year 2023" in the Justice
    // Department's summary of agencies' FOIA reports) means those
    if fiscal_end.is_none() && !fiscal_before_end.is_empty() && is_about_the_us_government(text) {
        fiscal_end = Some(9);
    }
    if fiscal_end.is_some() && !fiscal_before_end.is_empty() {
        let named = fiscal_before_end
            .into_iter()
            .filter_map(|(at, name_end)| fiscal_year(bytes, at, name_end, &mut fiscal_end))
            .collect();
        out = merged_in_order(out, named);
    }
    cues.fiscal_end = fiscal_end;
    match fiscal_end {
        Some(last) if last != 12 => with_split_years(out, split_years(bytes, last)),
        _ => out,
    }
}

/// Whether `text` is about the US government's departments and agencies (and names no other
/// country whose government's fiscal years end in another month): one of its departments
/// ("the Justice Department", "the State Department", "Homeland Security") and "federal".
fn is_about_the_us_government(text: &str) -> bool {
    const DEPARTMENTS: [&str; 7] = [
        "Justice Department",
        "Department of Justice",
        "State Department",
        "Department of State",
        "Homeland Security",
        "Pentagon",
        "Defense Department",
    ];
    const ELSEWHERE: [&str; 9] = [
        "Canada",
        "Canadian",
        "Australia",
        "New Zealand",
        "Britain",
        "United Kingdom",
        "India",
        "Japan",
        "Pakistan",
    ];
    DEPARTMENTS.iter().any(|d| text.contains(d))
        && (text.contains("federal") || text.contains("Federal"))
        && !ELSEWHERE.iter().any(|c| text.contains(c))
}

/// `found` and `more`, each in order and without overlaps, merged in order; a reading of `more`
/// that overlaps one of `found` is dropped.
fn merged_in_order(found: Vec<(Span, Reading)>, more: Vec<(Span, Reading)>) -> Vec<(Span, Reading)> {
    let mut out = found;
    for (span, reading) in more {
        let at = out.partition_point(|(s, _)| s.start < span.start);
        let clear_before = at == 0 || out[at - 1].0.end <= span.start;
        let clear_after = out.get(at).is_none_or(|(s, _)| span.end <= s.start);
        if clear_before && clear_after {
            out.insert(at, (span, reading));
        }
    }
    out
}

/// The month a text's fiscal years end with, where "fiscal year" at `name_end` ("fiscal" ends
/// there) is followed by when it runs: "runs from July 1 to June 30", "ends June 30", "begins
/// July 1" (so it ends with June).
fn fiscal_year_stated(bytes: &[u8], name_end: usize) -> Option<u32> {
    let (year_end, year) = word_after(bytes, name_end)?;
    if year != "year" {
        return None;
    }
    let (verb_end, verb) = word_after(bytes, year_end)?;
    match verb.as_str() {
        "runs" | "ran" | "run" => {
            // "from July 1 to June 30": the month after "to" or "through"
            let window = &bytes[verb_end..bytes.len().min(verb_end + 40)];
            let to = [&b" to "[..], b" through "]
                .iter()
                .filter_map(|w| memchr::memmem::find(window, w).map(|i| verb_end + i + w.len() - 1))
                .min()?;
            month_ended_after(bytes, to).map(|(_, month, _)| month)
        }
        "ends" | "ended" | "ending" | "closes" => month_ended_after(bytes, verb_end).map(|(_, month, _)| month),
        "begins" | "began" | "starts" | "started" | "opens" => {
            let mut from = spaces_end(bytes, verb_end);
            if let Some((end, w)) = word_starting_at(bytes, from) {
                if w == "on" || w == "in" {
                    from = spaces_end(bytes, end);
                }
            }
            let (_, first) = month_at(bytes, from)?;
            Some(if first == 1 { 12 } else { first - 1 })
        }
        _ => None,
    }
}

/// "2015–16", "2014-15", "2015/16": a year and the last two digits of the next, as financial
/// years are written where they do not follow the calendar (Australia, the United Kingdom,
/// Canada, India), in a text that says which month its years end with (`last`: "the year to 30
/// June 2016", "fiscal 2016, the year ended March 31"); elsewhere [`split_year_by_default`]
/// reads them from the grammar's year.
fn split_years(bytes: &[u8], last: u32) -> Vec<(Span, Reading)> {
    let mut out = Vec::new();
    for at in memchr::memchr3_iter(b'-', b'/', 0xE2, bytes) {
        let Some(after) = split_years_separator_end(bytes, at) else {
            continue;
        };
        let year = match at.checked_sub(4).and_then(|start| year_at(bytes, start)) {
            Some((end, year)) if end == at && !word_character_before(bytes, at - 4) => year,
            _ => continue,
        };
        if let Some(end) = split_year_end(bytes, year, after) {
            out.push((
                Span::new(at - 4, end),
                Reading::Months(months_ending(12, last, year + 1)),
            ));
        }
    }
    out
}

/// The end of a split year whose first `year` is followed by a separator ending at `after`:
/// the last two digits of the next year there, and no word character after them.
fn split_year_end(bytes: &[u8], year: i32, after: usize) -> Option<usize> {
    let two = bytes
        .get(after..after + 2)
        .filter(|two| two.iter().all(u8::is_ascii_digit))?;
    let next = i32::from((two[0] - b'0') * 10 + two[1] - b'0');
    let end = after + 2;
    if next != (year + 1) % 100 || word_character_at(bytes, end) {
        return None;
    }
    // a sports season or a school year is no financial year ("until the end of the 2022/23
    // season"): left to the grammar's first year
    let season = word_after(bytes, end)
        .is_some_and(|(_, w)| matches!(w.as_str(), "season" | "campaign" | "school" | "academic"));
    (!season).then_some(end)
}

/// A split year ("2022-23") at the bare `year` that ends at `year_end`, in a text that does not
/// say when its years end ([`split_years`] reads those): a financial year ending in the second
/// year's March, or its June where the text names Australia or New Zealand, whose financial
/// years end then (`southern`, asked only when a split year is met). The writers of two
/// held-out rounds read "2022-23" so (India, Canada, Japan, South Africa: April to March;
/// Australia: July to June); before, such a year was read as its first calendar year.
pub(super) fn split_year_by_default(
    bytes: &[u8],
    year: i32,
    year_end: usize,
    southern: impl FnOnce() -> bool,
) -> Option<(usize, Reading)> {
    if !matches!(bytes.get(year_end), Some(b'-' | b'/' | 0xE2)) {
        return None;
    }
    let after = split_years_separator_end(bytes, year_end)?;
    let end = split_year_end(bytes, year, after)?;
    let last = if southern() { 6 } else { 3 };
    Some((end, Reading::Months(months_ending(12, last, year + 1))))
}

/// The end of the separator of a split year at `at` ("-", "/" or an en dash), if one is there.
fn split_years_separator_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes[at] {
        b'-' | b'/' => Some(at + 1),
        _ => bytes[at..].starts_with("\u{2013}".as_bytes()).then_some(at + 3),
    }
}

/// The `phrases` (in order, without overlaps) with the `split` years put in their places: a
/// split year inside a phrase is left to the phrase.
fn with_split_years(phrases: Vec<(Span, Reading)>, split: Vec<(Span, Reading)>) -> Vec<(Span, Reading)> {
    if split.is_empty() {
        return phrases;
    }
    let mut out: Vec<(Span, Reading)> = phrases;
    for (span, reading) in split {
        let at = out.partition_point(|(p, _)| p.start < span.start);
        let clear_before = at == 0 || out[at - 1].0.end <= span.start;
        let clear_after = out.get(at).is_none_or(|(p, _)| span.end <= p.start);
        if clear_before && clear_after {
            out.insert(at, (span, reading));
        }
    }
    out
}

/// "the previous financial year", "the prior fiscal year": the twelve months before the
/// period named before it (a financial year before a financial year, not a calendar year).
/// "financial year" or "fiscal year" is at `at..end`.
fn previous_fiscal_year(bytes: &[u8], at: usize, end: usize) -> Option<(Span, Reading)> {
    let name = bytes.get(at..end)?;
    if !(name.eq_ignore_ascii_case(b"financial year") || name.eq_ignore_ascii_case(b"fiscal year")) {
        return None;
    }
    if word_character_before(bytes, at) || word_character_at(bytes, end) {
        return None;
    }
    let (previous, word) = word_before(bytes, at)?;
    if !matches!(word.as_str(), "previous" | "prior" | "preceding") {
        return None;
    }
    let (start, the) = word_before(bytes, previous)?;
    (the == "the").then(|| (Span::new(start, end), Reading::Anaphor(Anaphor::Before { months: 12 })))
}

/// The matches of the grammar (`matches`, in order) with the `phrases` (in order) put in their
/// places: a match that overlaps a phrase is dropped, as the phrase reads it whole. A part of a
/// year and "last year" after " of " are one match ([`part_of_last_year`]).
pub(super) fn with_phrases<'t>(
    text: &'t str,
    matches: impl Iterator<Item = (Span, Reading)> + 't,
    phrases: Vec<(Span, Reading)>,
) -> impl Iterator<Item = (Span, Reading)> + 't {
    let mut phrases = phrases.into_iter().peekable();
    let mut matches = part_of_last_year(text, matches).peekable();
    std::iter::from_fn(move || loop {
        match (matches.peek(), phrases.peek()) {
            (Some((m, _)), Some((p, _))) if m.end <= p.start => return matches.next(),
            (Some((m, _)), Some((p, _))) if p.end <= m.start => return phrases.next(),
            (Some(_), Some(_)) => {
                matches.next(); // inside the phrase, or across its edge
            }
            (Some(_), None) => return matches.next(),
            (None, _) => return phrases.next(),
        }
    })
}

/// "the first half of last year", "the third quarter of last year": a part of the year before
/// the publication year. The grammar reads the part ("first half", of the year in context) and
/// "last year" apart; `matches` with each such pair, " of " between them, made one.
fn part_of_last_year<'t>(
    text: &'t str,
    matches: impl Iterator<Item = (Span, Reading)> + 't,
) -> impl Iterator<Item = (Span, Reading)> + 't {
    let mut matches = matches.peekable();
    std::iter::from_fn(move || {
        let (span, reading) = matches.next()?;
        let Reading::Anaphor(Anaphor::Part { half, n }) = reading else {
            return Some((span, reading));
        };
        let of_last_year = |(next, reading): &(Span, Reading)| {
            matches!(reading, Reading::Anaphor(Anaphor::Relative { years_back: 1 }))
                && text
                    .get(span.end..next.start)
                    .is_some_and(|between| between.split_ascii_whitespace().eq(["of"]))
                && text.as_bytes().get(next.end) != Some(&b'-')
        };
        match matches.next_if(of_last_year) {
            Some((next, _)) => Some((
                Span::new(span.start, next.end),
                Reading::Anaphor(Anaphor::RelativePart { half, n, years_back: 1 }),
            )),
            None => Some((span, reading)),
        }
    })
}

/// Whether a mention that counts back from the period before it ([`Anaphor::counts_back`]) is
/// a point of comparison: its clause compares ("up 28 percent from 886 a year earlier", "nearly
/// double the 28 it logged a year earlier", "three times the 23.24 lakh it banned a year
/// earlier"), rather than opening a statement of its own ("A
/// year earlier, it received 900").
pub(super) fn clause_compares(window: &str) -> bool {
    // a comma or point between digits is inside a number ("from 1,661 a year earlier")
    let bytes = window.as_bytes();
    let ends_clause = |at: usize| {
        let digit = |k: Option<usize>| k.and_then(|k| bytes.get(k)).is_some_and(u8::is_ascii_digit);
        !(digit(at.checked_sub(1)) && digit(Some(at + 1)))
    };
    let clause = window
        .match_indices([',', ';', ':', '.'])
        .rev()
        .find(|&(at, _)| ends_clause(at))
        .map_or(window, |(at, _)| &window[at + 1..]);
    let bytes = clause.as_bytes();
    const WORDS: [&[u8]; 12] = [
        b"from",
        b"than",
        b"compared",
        b"compares",
        b"versus",
        b"vs",
        b"against",
        b"double",
        b"triple",
        b"twice",
        b"times",
        b"on",
    ];
    words_of(bytes).any(|(start, end)| {
        let word = &bytes[start..end];
        WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
    })
}

/// Whether `before` ends with a noun or adverb of change, "on", perhaps "the", and spaces: "a
/// modest increase on the ", "up 5 percent on ". British news compares so ("a rise on last
/// year"); the period after it is the point of comparison.
pub(super) fn follows_change_on(before: &[u8]) -> bool {
    may_follow_on(before) && change_on_ends(before)
}

/// Whether `before`, its ASCII spaces taken off, ends with "on", or with "on", ASCII spaces and
/// "the" (in any ASCII case, and perhaps the end of a longer word): every text
/// [`follows_change_on`] tells of does, and most mentions follow "in", "of" or "in the". Told
/// by its last bytes, where the words read back ([`change_on_ends`]) cost some 150
/// instructions a mention.
fn may_follow_on(before: &[u8]) -> bool {
    let lower = |i: usize| before[i] | 0x20;
    let on = |end: usize| end >= 2 && lower(end - 2) == b'o' && lower(end - 1) == b'n';
    let the = |end: usize| end >= 3 && lower(end - 3) == b't' && lower(end - 2) == b'h' && lower(end - 1) == b'e';
    let end = spaces_start(before, before.len());
    on(end)
        || the(end) && {
            let words_end = spaces_start(before, end - 3);
            words_end < end - 3 && on(words_end)
        }
}

/// [`follows_change_on`], read by its words.
fn change_on_ends(before: &[u8]) -> bool {
    // the word before the spaces, read in place: most mentions follow "in", "of" or "the"
    let word_before = |end: usize| {
        let (words_end, start) = word_by_bytes(&before[..end]);
        (start, &before[start..words_end])
    };
    let (mut start, mut word) = word_before(before.len());
    if word.eq_ignore_ascii_case(b"the") {
        (start, word) = word_before(start);
    }
    if !word.eq_ignore_ascii_case(b"on") || start == 0 || !is_ascii_space(before[start - 1]) {
        return false;
    }
    let (change_start, change) = word_before(start);
    if is_change_noun(change) {
        return true;
    }
    // "up 5 percent on", "down 3 points on", "a rise of 4,210 on": the adverb or noun a few
    // words back, in the same clause (a comma or dot between digits ends none)
    let from = change_start.saturating_sub(24);
    let digit = |i: usize| before.get(i).is_some_and(u8::is_ascii_digit);
    let from = (from..start)
        .rev()
        .find(|&i| {
            matches!(before[i], b'.' | b',' | b';' | b':')
                && !(matches!(before[i], b'.' | b',') && i > 0 && digit(i - 1) && digit(i + 1))
        })
        .map_or(from, |at| at + 1);
    words_of(&before[from..start]).any(|(s, e)| {
        let w = &before[from + s..from + e];
        w.eq_ignore_ascii_case(b"up") || w.eq_ignore_ascii_case(b"down") || is_change_noun(w)
    })
}

/// Whether `window` (the text before a period) ends with an event's date in its clause: a verb
/// of founding or starting, words with no figure among them, then "in" ("the technology
/// Microsoft developed with Dartmouth College in", "the company, founded in", "the law passed
/// in"). The year of an event is no period of the figures around it.
pub(super) fn is_event_date(window: &str) -> bool {
    let bytes = window.as_bytes();
    let Some(end) = bytes
        .len()
        .checked_sub(3)
        .filter(|&at| bytes[at..].eq_ignore_ascii_case(b"in "))
    else {
        return false;
    };
    if end > 0 && is_word_byte(bytes[end - 1]) {
        return false;
    }
    // the clause before "in", back to a stop, a comma or a figure
    let clause_start = bytes[..end]
        .iter()
        .rposition(|b| matches!(b, b',' | b';' | b'.' | b'!' | b'?' | b':' | b'\n') || b.is_ascii_digit())
        .map_or(0, |i| i + 1);
    // the verbs in "-ed" without it, and the two without "-ed"
    const STEMS: [&[u8]; 14] = [
        b"found",
        b"launch",
        b"develop",
        b"creat",
        b"introduc",
        b"establish",
        b"open",
        b"start",
        b"acquir",
        b"pass",
        b"enact",
        b"invent",
        b"form",
        b"sign",
    ];
    let clause = &bytes[clause_start..end];
    // most words end in no "ed": told by their last two bytes before the list is read
    words_of(clause).any(|(start, end)| {
        let word = &clause[start..end];
        match word.strip_suffix(b"ed") {
            Some(stem) => STEMS.iter().any(|s| stem.eq_ignore_ascii_case(s)),
            None => word.eq_ignore_ascii_case(b"began") || word.eq_ignore_ascii_case(b"bought"),
        }
    })
}

/// The spans of the ASCII words of `bytes`.
fn words_of(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && !is_word_byte(bytes[at]) {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && is_word_byte(bytes[at]) {
            at += 1;
        }
        (at > start).then_some((start, at))
    })
}

/// The ASCII word that ends at `end` (after no spaces), lower case, with its start.
fn word_ending_at(bytes: &[u8], end: usize) -> Option<(usize, String)> {
    let start = end
        - bytes[..end]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
    (start < end).then(|| (start, lower_case_word(&bytes[start..end])))
}

/// `word` (ASCII letters and digits) in lower case, as a `String` made of its one lower-case
/// copy: a copy and then a string collected from it a character at a time cost two
/// allocations and some 300 instructions a word.
fn lower_case_word(word: &[u8]) -> String {
    String::from_utf8(word.to_ascii_lowercase()).expect("ASCII is UTF-8")
}

/// The ASCII word that starts at `at`, lower case, with its end.
fn word_starting_at(bytes: &[u8], at: usize) -> Option<(usize, String)> {
    let end = at + bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    (end > at).then(|| (end, lower_case_word(&bytes[at..end])))
}

/// The word before `at` past one or more spaces, with its start.
fn word_before(bytes: &[u8], at: usize) -> Option<(usize, String)> {
    let end = spaces_start(bytes, at);
    (end < at).then(|| word_ending_at(bytes, end)).flatten()
}

/// The word after `at` past one or more spaces, with its end.
fn word_after(bytes: &[u8], at: usize) -> Option<(usize, String)> {
    let start = spaces_end(bytes, at);
    (start > at).then(|| word_starting_at(bytes, start)).flatten()
}

/// The number of months a count before "months" says: "six", "6", "twelve", "12".
fn month_count(word: &str) -> Option<u32> {
    let n = match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "eighteen" => 18,
        _ => word.parse().ok().filter(|n| (1..=24).contains(n))?,
    };
    Some(n)
}

/// The start of "the" right before `at` (past spaces), else `at`.
fn with_the(bytes: &[u8], at: usize) -> usize {
    match word_before(bytes, at) {
        Some((start, word)) if word == "the" => start,
        _ => at,
    }
}

/// The month named by the word at `at` (a full name or its abbreviation, any case, a dot after
/// an abbreviation taken), with the end of the name.
fn month_at(bytes: &[u8], at: usize) -> Option<(usize, u32)> {
    let (end, word) = word_starting_at(bytes, at)?;
    let n = super::MONTH_NAMES.iter().position(|m| *m == word)?;
    let month = if n < 12 {
        n as u32 + 1
    } else {
        super::month_number(&word)
    };
    Some((end + usize::from(n >= 12 && bytes.get(end) == Some(&b'.')), month))
}

/// A year (four digits from 1900 to 2099, a word) at `at`, with its end.
fn year_at(bytes: &[u8], at: usize) -> Option<(usize, i32)> {
    let (end, word) = word_starting_at(bytes, at)?;
    let year: i32 = word.parse().ok()?;
    (word.len() == 4 && (1900..2100).contains(&year)).then_some((end, year))
}

/// "to June 2016", "ending June 30, 2015", "ended the end of June 2015": after the word that
/// ends at `at` ("to", "ending"...), the month a span of months ends with, and its year when
/// written, with the end.
fn month_ended_after(bytes: &[u8], at: usize) -> Option<(usize, u32, Option<i32>)> {
    let mut from = spaces_end(bytes, at);
    if from == at {
        return None;
    }
    // "the end of June"
    if let Some((end, w)) = word_starting_at(bytes, from) {
        if w == "the" {
            let (end, w) = word_after(bytes, end)?;
            let (end, of) = (w == "end").then(|| word_after(bytes, end)).flatten()?;
            from = (of == "of").then(|| spaces_end(bytes, end))?;
        }
    }
    // a day before the month: "31 March 2014"
    if let Some((day_end, day)) = word_starting_at(bytes, from) {
        if day.len() <= 2 && day.bytes().all(|b| b.is_ascii_digit()) && spaces_end(bytes, day_end) > day_end {
            from = spaces_end(bytes, day_end);
        }
    }
    let (end, month) = month_at(bytes, from)?;
    let (mut end, mut at) = (end, end);
    // a day: "June 30, 2015"
    if let Some((day_end, day)) = word_after(bytes, at) {
        if day.len() <= 2 && day.bytes().all(|b| b.is_ascii_digit()) {
            end = day_end;
            at = day_end + usize::from(bytes.get(day_end) == Some(&b','));
        }
    }
    match year_at(bytes, spaces_end(bytes, at)).filter(|_| spaces_end(bytes, at) > at) {
        Some((end, year)) => Some((end, month, Some(year))),
        None => Some((end, month, None)),
    }
}

/// Where " days to " starts before the month name at `at` ("the 90 days to 9 June", "the 28 days
/// to March 5"): read from the month's name, which the search finds anyway (an anchor of its
/// own, " days to " or "ays to ", made the search stop at every "data", "day" or "says": some
/// 1.5 instructions a byte).
fn days_to_before_month(bytes: &[u8], at: usize) -> Option<usize> {
    const DAYS_TO: &[u8] = b" days to ";
    let before = &bytes[..at];
    // a day before the month ("9 June"): one or two digits and a space
    let digits = before
        .strip_suffix(b" ")
        .map_or(0, |b| b.iter().rev().take_while(|c| c.is_ascii_digit()).count());
    let end = if (1..=2).contains(&digits) { at - digits - 1 } else { at };
    bytes[..end].ends_with(DAYS_TO).then(|| end - DAYS_TO.len())
}

/// "the 90 days to 9 June", "the 28 days to March 5, 2024": the days that end with a day
/// named after "to" and count the number before "days" (` days to ` is at `at`), of the year
/// written, else the last such day up to the publication ([`Anaphor::DaysTo`]).
fn days_to(bytes: &[u8], at: usize) -> Option<(Span, Reading)> {
    let (count_start, count) = word_ending_at(bytes, at)?;
    let days: u32 = count.parse().ok().filter(|n| (2..=400).contains(n))?;
    let start = with_the(bytes, count_start);
    let (end, month, day, year) = day_at(bytes, at + " days to ".len())?;
    let reading = match year {
        Some(year) => {
            let last = NaiveDate::from_ymd_opt(year, month, day)?;
            Reading::Days(last - chrono::Days::new(u64::from(days) - 1), last)
        }
        None => Reading::Anaphor(Anaphor::DaysTo { days, month, day }),
    };
    Some((Span::new(start, end), reading))
}

/// A day of a month at `at`, "9 June", "June 9", "9 June 2019" or "June 9, 2019": its end,
/// month, day and year when written.
fn day_at(bytes: &[u8], at: usize) -> Option<(usize, u32, u32, Option<i32>)> {
    let (first_end, first) = word_starting_at(bytes, at)?;
    let (end, month, day) = match day_of(&first) {
        // "9 June"
        Some(day) => {
            let (end, month) =
                month_at(bytes, spaces_end(bytes, first_end)).filter(|_| spaces_end(bytes, first_end) > first_end)?;
            (end, month, day)
        }
        // "June 9"
        None => {
            let (month_end, month) = month_at(bytes, at)?;
            let (end, day) = word_after(bytes, month_end)?;
            (end, month, day_of(&day)?)
        }
    };
    let comma = end + usize::from(bytes.get(end) == Some(&b','));
    let year_start = spaces_end(bytes, comma);
    match year_at(bytes, year_start).filter(|_| year_start > comma) {
        Some((year_end, year)) => Some((year_end, month, day, Some(year))),
        None => Some((end, month, day, None)),
    }
}

/// The months that end with `month` of `year` and count `n`.
pub(super) fn months_ending(n: u32, month: u32, year: i32) -> Months {
    let total = year * 12 + month as i32 - 1 - (n as i32 - 1);
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1, year, month)
}

/// A phrase read from "month" or "months" at `at`: "the first six months of 2015", "the six
/// months to June 2016", "the previous six-month period", "the same six months".
fn months_counted(bytes: &[u8], at: usize) -> Option<(Span, Reading)> {
    let hyphen = at > 0 && bytes[at - 1] == b'-';
    let (count_start, count) = if hyphen {
        word_ending_at(bytes, at - 1)?
    } else {
        if word_character_before(bytes, at) {
            return None;
        }
        word_before(bytes, at)?
    };
    let n = month_count(&count)?;
    let plural = bytes.get(at + 5) == Some(&b's');
    let mut end = at + 5 + usize::from(plural);
    if word_character_at(bytes, end) || (!hyphen && !plural && n > 1) {
        return None;
    }
    let (qualifier_start, qualifier) = word_before(bytes, count_start).unwrap_or((count_start, String::new()));
    let start = |from: usize| with_the(bytes, from);
    match qualifier.as_str() {
        "previous" | "prior" | "preceding" => {
            // "the previous six-month period", "the prior six months"
            if hyphen {
                end = word_after(bytes, end).filter(|(_, w)| w == "period")?.0;
            }
            Some((
                Span::new(start(qualifier_start), end),
                Reading::Anaphor(Anaphor::Before { months: n }),
            ))
        }
        "same" if !hyphen => {
            // "the same three months of 2023": those months of another year
            let of_year = word_after(bytes, end)
                .filter(|(_, w)| w == "of")
                .and_then(|(of_end, _)| {
                    year_at(bytes, spaces_end(bytes, of_end)).filter(|_| spaces_end(bytes, of_end) > of_end)
                });
            let (end, of_year) = of_year.map_or((end, None), |(year_end, year)| (year_end, Some(year)));
            Some((
                Span::new(start(qualifier_start), end),
                Reading::Anaphor(Anaphor::SameMonths { months: n, of_year }),
            ))
        }
        "first" | "last" | "final" | "second" if !hyphen && n < 12 => {
            let first = qualifier == "first";
            if qualifier == "second" && n != 6 {
                return None;
            }
            let (first_month, last_month) = if first { (1, n) } else { (13 - n, 12) };
            let span_start = start(qualifier_start);
            // "of 2015", "of the year", "of this year"
            if let Some((of_end, of)) = word_after(bytes, end) {
                if of == "of" {
                    if let Some((year_end, year)) = year_at(bytes, spaces_end(bytes, of_end)) {
                        let reading = Reading::Months((year, first_month, year, last_month));
                        return Some((Span::new(span_start, year_end), reading));
                    }
                    if let Some((the_end, the)) = word_after(bytes, of_end) {
                        if matches!(the.as_str(), "the" | "this" | "that") {
                            if let Some((year_end, _)) = word_after(bytes, the_end).filter(|(_, w)| w == "year") {
                                end = year_end;
                            }
                        }
                    }
                }
            }
            let anaphor = Anaphor::Months {
                first: first_month,
                last: last_month,
            };
            Some((Span::new(span_start, end), Reading::Anaphor(anaphor)))
        }
        _ if !hyphen && plural => {
            // "during the six months,", "Over those six months": the period of that length named
            // before (not "the six months to June", "the six months from July 1")
            if let Some(same) = same_months_referred_to(bytes, qualifier_start, &qualifier, end, n) {
                return Some(same);
            }
            // "the six months to December 2015", "the 12 months ended June 30, 2015"
            let (to_end, to) = word_after(bytes, end)?;
            // "up 9% from 80 in the six months before.": the months before the last period
            // (not "the six months before the election", an event's)
            let ends_clause = |at: usize| {
                bytes
                    .get(at)
                    .is_none_or(|b| matches!(b, b'.' | b',' | b';' | b')' | b'\n'))
            };
            if matches!(to.as_str(), "before" | "earlier" | "prior") && ends_clause(to_end) {
                return Some((
                    Span::new(start(count_start), to_end),
                    Reading::Anaphor(Anaphor::Before { months: n }),
                ));
            }
            if !matches!(to.as_str(), "to" | "ending" | "ended" | "through" | "until" | "thru") {
                return None;
            }
            let (end, month, year) = month_ended_after(bytes, to_end)?;
            let span = Span::new(start(count_start), end);
            match year {
                Some(year) => Some((span, Reading::Months(months_ending(n, month, year)))),
                None if n <= month => Some((
                    span,
                    Reading::Anaphor(Anaphor::Months {
                        first: month + 1 - n,
                        last: month,
                    }),
                )),
                None => None,
            }
        }
        _ => None,
    }
}

/// "during the six months", "Over those six months" (the count `n` of months ends at `end`,
/// `qualifier` at `qualifier_start` before it): the last period of that length named, as "the
/// same six months" is, when a preposition comes before and the clause ends or goes on after
/// (no word that bounds the months: "to", "from", "before").
fn same_months_referred_to(
    bytes: &[u8],
    qualifier_start: usize,
    qualifier: &str,
    end: usize,
    n: u32,
) -> Option<(Span, Reading)> {
    if !matches!(qualifier, "the" | "those" | "these") {
        return None;
    }
    let (_, preposition) = word_before(bytes, qualifier_start)?;
    if !matches!(
        preposition.as_str(),
        "during" | "over" | "in" | "for" | "across" | "throughout" | "within"
    ) {
        return None;
    }
    let clause_ends = matches!(bytes.get(end), None | Some(b'.' | b',' | b';' | b':' | b')' | b'\n'));
    const BOUNDS: [&str; 16] = [
        "to",
        "ending",
        "ended",
        "through",
        "until",
        "thru",
        "from",
        "since",
        "of",
        "starting",
        "beginning",
        "before",
        "after",
        "earlier",
        "prior",
        "following",
    ];
    let goes_on = || {
        word_after(bytes, end)
            .is_some_and(|(_, w)| w.bytes().all(|b| b.is_ascii_lowercase()) && !BOUNDS.contains(&w.as_str()))
    };
    (clause_ends || goes_on()).then(|| {
        (
            Span::new(qualifier_start, end),
            Reading::Anaphor(Anaphor::SameMonths {
                months: n,
                of_year: None,
            }),
        )
    })
}

/// "the year to March 2014", "the year ended June 30, 2015": the twelve months to a month, which
/// is kept in `fiscal_end` as the month the text's years end with (for [`split_years`]).
fn year_to(bytes: &[u8], at: usize, fiscal_end: &mut Option<u32>) -> Option<(Span, Reading)> {
    if word_character_before(bytes, at) {
        return None;
    }
    // "the year to", "financial year to", or a caption's "by market, year to March 2024"
    let before = spaces_start(bytes, at);
    let start = match word_before(bytes, at) {
        Some((the, word)) if matches!(word.as_str(), "the" | "financial" | "fiscal") => with_the(bytes, the),
        _ if before == 0 || matches!(bytes[before - 1], b',' | b'(' | b':' | b'\n') => at,
        _ => return None,
    };
    let (mut to_end, verb) = word_starting_at(bytes, spaces_end(bytes, at + 4))?;
    if verb == "that" {
        // "the fiscal year that ended March 31"
        to_end = word_after(bytes, to_end).filter(|(_, w)| w == "ended")?.0;
    }
    let (end, month, year) = month_ended_after(bytes, to_end)?;
    fiscal_end.get_or_insert(month);
    match year {
        Some(year) => Some((Span::new(start, end), Reading::Months(months_ending(12, month, year)))),
        // "fiscal 2015, the year to June 30", "fiscal 2015 (the year to June 30)": the fiscal
        // year named before says which
        None => match fiscal_year_before(bytes, start) {
            Some((fiscal_start, year)) => {
                let end =
                    end + usize::from(bytes[fiscal_start..start].contains(&b'(') && bytes.get(end) == Some(&b')'));
                Some((
                    Span::new(fiscal_start, end),
                    Reading::Months(months_ending(12, month, year)),
                ))
            }
            // "41,276 times in the year ended March 31, Japan's largest carrier said": the last
            // such year before the publication
            None => Some((Span::new(start, end), Reading::Anaphor(Anaphor::YearTo { month }))),
        },
    }
}

/// "fiscal 2017, the twelve months ended January 31, 2017", "its 2016 fiscal year, which ran
/// from July 1, 2015 to June 30, 2016", "fiscal 2015 (the year to June 30)": a fiscal year with
/// its span stated after it is that span, and the month it ends with is kept in `fiscal_end`; a
/// fiscal year named alone ("in fiscal 2015") after one was stated is the twelve months to that
/// month, and else is left to the grammar (the bare year). "fiscal" (or "financial") is at
/// `at..name_end`: "the 2022 financial year", "financial year 2022".
fn fiscal_year(bytes: &[u8], at: usize, name_end: usize, fiscal_end: &mut Option<u32>) -> Option<(Span, Reading)> {
    if word_character_before(bytes, at) || word_character_at(bytes, name_end) {
        return None;
    }
    let year_after = |from: usize| year_at(bytes, spaces_end(bytes, from)).filter(|_| spaces_end(bytes, from) > from);
    // "fiscal 2017", "fiscal year 2017", "2016 fiscal year"
    let (start, year, end) = match year_after(name_end) {
        Some((end, year)) => (at, year, end),
        None => {
            let (year_word_end, word) = word_after(bytes, name_end)?;
            if word != "year" {
                return None;
            }
            match year_after(year_word_end) {
                Some((end, year)) => (at, year, end),
                None => {
                    let (start, word) = word_before(bytes, at)?;
                    let year = year_at(bytes, start).filter(|(end, _)| *end == start + word.len())?.1;
                    (start, year, year_word_end)
                }
            }
        }
    };
    if let Some((end, months)) = span_stated_after(bytes, end, year) {
        *fiscal_end = Some(months.3);
        return Some((Span::new(start, end), Reading::Months(months)));
    }
    let last = (*fiscal_end)?;
    Some((Span::new(start, end), Reading::Months(months_ending(12, last, year))))
}

/// The span a fiscal year of `year` that ends at `at` is said to have, right after it: ", the
/// year to June 30", " (the twelve months ended January 31, 2017)", ", which ran from July 1,
/// 2015 to June 30, 2016"; with the end of what was read.
fn span_stated_after(bytes: &[u8], at: usize, year: i32) -> Option<(usize, Months)> {
    let bracket = bytes.get(at) == Some(&b'(') || bytes.get(spaces_end(bytes, at)) == Some(&b'(');
    let mut from = spaces_end(bytes, at);
    if !matches!(bytes.get(from), Some(b',' | b'(')) {
        return None;
    }
    from = spaces_end(bytes, from + 1);
    let (mut word_end, mut word) = word_starting_at(bytes, from)?;
    if word == "which" || word == "that" {
        let (ran_end, ran) = word_after(bytes, word_end)?;
        if !matches!(ran.as_str(), "ran" | "runs" | "covered" | "covers" | "was" | "is") {
            return None;
        }
        from = spaces_end(bytes, ran_end);
        (word_end, word) = word_starting_at(bytes, from)?;
    }
    let (end, months) = if word == "the" {
        // "the year to June 30", "the twelve months ended January 31, 2017"
        let (count_end, count) = word_after(bytes, word_end)?;
        let n = if count == "year" { 12 } else { month_count(&count)? };
        let to_end = if count == "year" {
            count_end
        } else {
            word_after(bytes, count_end).filter(|(_, w)| w == "months")?.0
        };
        let (to_end, to) = word_after(bytes, to_end)?;
        if !matches!(to.as_str(), "to" | "ending" | "ended" | "through" | "until") {
            return None;
        }
        let (end, month, stated_year) = month_ended_after(bytes, to_end)?;
        (end, months_ending(n, month, stated_year.unwrap_or(year)))
    } else {
        // "from July 1, 2015 to June 30, 2016"
        let month_start = if word == "from" {
            spaces_end(bytes, word_end)
        } else {
            from
        };
        let (_, month) = month_at(bytes, month_start)?;
        match days_of_whole_months(bytes, month_start, month)? {
            (span, Reading::Months(months)) => (span.end, months),
            _ => return None,
        }
    };
    Some((end + usize::from(bracket && bytes.get(end) == Some(&b')')), months))
}

/// "fiscal 2015, " or "fiscal year 2015 (" or "FY2015 (" right before `at`: the start of
/// "fiscal" and the year.
fn fiscal_year_before(bytes: &[u8], at: usize) -> Option<(usize, i32)> {
    let mut end = spaces_start(bytes, at);
    if end > 0 && matches!(bytes[end - 1], b',' | b'(') {
        end = spaces_start(bytes, end - 1);
    }
    let (start, word) = word_ending_at(bytes, end)?;
    if let Some(year) = word.strip_prefix("fy") {
        let year: i32 = year.parse().ok().filter(|y| (1900..2100).contains(y))?;
        return Some((start, year));
    }
    let (_, year) = year_at(bytes, start)?;
    let (mut name_start, mut name) = word_before(bytes, start)?;
    if name == "year" {
        (name_start, name) = word_before(bytes, name_start)?;
    }
    matches!(name.as_str(), "fiscal" | "financial").then_some((name_start, year))
}

/// "a year earlier", "a year before", "the year before", "one year earlier": the period before,
/// a year back.
fn year_earlier(bytes: &[u8], at: usize, end: usize) -> Option<(Span, Reading)> {
    if word_character_before(bytes, at) || word_character_at(bytes, end) {
        return None;
    }
    let (start, word) = word_before(bytes, at)?;
    if !matches!(word.as_str(), "a" | "one" | "the") {
        return None;
    }
    // "the same period a year earlier": one period, the one before a year back
    let start = same_period_before(bytes, start).unwrap_or(start);
    // "the year before last" is two years back, and "the year before the ruling" no period
    if word == "the" {
        if let Some((_, next)) = word_after(bytes, end) {
            if matches!(next.as_str(), "last" | "the" | "that" | "it" | "its") {
                return None;
            }
        }
    }
    Some((Span::new(start, end), Reading::Anaphor(Anaphor::Earlier { months: 12 })))
}

/// "the same period last year" ("period last year" at `at..end`): the period before, a year
/// back, as "the same period a year earlier" is.
fn same_period_last_year(bytes: &[u8], at: usize, end: usize) -> Option<(Span, Reading)> {
    if word_character_at(bytes, end) {
        return None;
    }
    let start = same_period_before(bytes, at + "period ".len())?;
    Some((Span::new(start, end), Reading::Anaphor(Anaphor::Earlier { months: 12 })))
}

/// The start of "the same period" (or quarter, half, months, "six months") right before `at`.
fn same_period_before(bytes: &[u8], at: usize) -> Option<usize> {
    let (start, unit) = word_before(bytes, at)?;
    if !matches!(unit.as_str(), "period" | "quarter" | "half" | "months") {
        return None;
    }
    let (mut start, mut word) = word_before(bytes, start)?;
    if unit == "months" && month_count(&word).is_some() {
        (start, word) = word_before(bytes, start)?;
    }
    if word != "same" {
        return None;
    }
    let (start, the) = word_before(bytes, start)?;
    (the == "the").then_some(start)
}

/// "the previous year", "the prior year": the calendar year before the period before ("in any
/// previous year" is none, and is left to the grammar).
fn year_before(bytes: &[u8], at: usize, end: usize) -> Option<(Span, Reading)> {
    if word_character_before(bytes, at) || word_character_at(bytes, end) {
        return None;
    }
    let (start, the) = word_before(bytes, at)?;
    (the == "the").then(|| (Span::new(start, end), Reading::Anaphor(Anaphor::YearBefore)))
}

/// "second-half", "first-half" (a `half`, else "fourth-quarter"): a part of the year before, as
/// an adjective ("the second-half requests", "the fourth-quarter figure"); "first-half 2015" and
/// "second-half of 2015" take their year.
fn hyphenated_part(bytes: &[u8], at: usize, half: bool) -> Option<(Span, Reading)> {
    let (start, word) = word_ending_at(bytes, at)?;
    let n = match word.as_str() {
        "first" => 1,
        "second" => 2,
        "third" if !half => 3,
        "fourth" if !half => 4,
        _ => return None,
    };
    let end = at + if half { "-half".len() } else { "-quarter".len() };
    if word_character_before(bytes, start) || word_character_at(bytes, end) {
        return None;
    }
    let year = word_after(bytes, end).and_then(|(of_end, of)| {
        let from = if of == "of" {
            spaces_end(bytes, of_end)
        } else {
            spaces_end(bytes, end)
        };
        year_at(bytes, from)
    });
    Some(match year {
        Some((year_end, year)) => (Span::new(start, year_end), Reading::part(half, n, year)),
        None => (Span::new(start, end), Reading::Anaphor(Anaphor::Part { half, n })),
    })
}

/// "between 1 July and 31 December 2016", "1 July to 31 December", "from July 1, 2015 to June 30,
/// 2016": a span of days that starts on a month's first day and ends on a month's last, which is
/// those months (of the year before when no year is written). `month` is the first month's
/// number, its name at `at`. Other spans of days are left to the date reader.
fn days_of_whole_months(bytes: &[u8], at: usize, month: u32) -> Option<(Span, Reading)> {
    if word_character_before(bytes, at) || !bytes[at].is_ascii_uppercase() {
        return None;
    }
    let name_end = at + super::MONTH_NAMES[month as usize - 1].len();
    // the first day, before the month ("1 July") or after it ("July 1,")
    let (start, first_day, mut end) = match word_before(bytes, at).and_then(|(s, w)| Some((s, day_of(&w)?))) {
        Some((start, day)) => (start, day, name_end),
        None => {
            let (day_end, day) = word_after(bytes, name_end)?;
            (at, day_of(&day)?, day_end)
        }
    };
    let opener = word_before(bytes, start).filter(|(_, w)| w == "between" || w == "from");
    end += usize::from(bytes.get(end) == Some(&b','));
    let first_year = year_at(bytes, spaces_end(bytes, end)).filter(|_| spaces_end(bytes, end) > end);
    if let Some((year_end, _)) = first_year {
        end = year_end + usize::from(bytes.get(year_end) == Some(&b','));
    }
    let separator_at = spaces_end(bytes, end);
    let second_at = match bytes.get(separator_at) {
        Some(b'-') => separator_at + 1,
        _ if bytes[separator_at..].starts_with("–".as_bytes()) => separator_at + 3,
        _ => {
            let (word_end, word) = word_starting_at(bytes, separator_at)?;
            let and_after_between = word == "and" && opener.as_ref().is_some_and(|(_, w)| w == "between");
            if separator_at == end
                || !(matches!(word.as_str(), "to" | "through" | "until" | "thru") || and_after_between)
            {
                return None;
            }
            word_end
        }
    };
    // the last day and month, either way round
    let second = spaces_end(bytes, second_at);
    let (mut end, last, last_day) = match word_starting_at(bytes, second).and_then(|(e, w)| Some((e, day_of(&w)?))) {
        Some((day_end, day)) => {
            let month_start = spaces_end(bytes, day_end);
            let (end, last) = month_at(bytes, month_start).filter(|_| month_start > day_end)?;
            (end, last, day)
        }
        None => {
            let (end, last) = month_at(bytes, second)?;
            let (day_end, day) = word_after(bytes, end)?;
            (day_end, last, day_of(&day)?)
        }
    };
    let year_from = spaces_end(bytes, end + usize::from(bytes.get(end) == Some(&b',')));
    let last_year = year_at(bytes, year_from).filter(|_| year_from > end);
    if let Some((year_end, _)) = last_year {
        end = year_end;
    }
    let whole = first_day == 1 && (last_day == days_in_month(last) || last == 2 && last_day == 29);
    let start = opener.map_or(start, |(s, _)| s);
    if !whole {
        // "covering 28 August to 20 October 2023": those days, when the year is written
        let (_, y2) = last_year?;
        let y1 = first_year.map_or(if month <= last { y2 } else { y2 - 1 }, |(_, y)| y);
        let first = NaiveDate::from_ymd_opt(y1, month, first_day)?;
        let last = NaiveDate::from_ymd_opt(y2, last, last_day)?;
        return (first < last).then_some((Span::new(start, end), Reading::Days(first, last)));
    }
    let reading = match (first_year, last_year) {
        (Some((_, y1)), Some((_, y2))) => Reading::Months((y1, month, y2, last)),
        (None, Some((_, y2))) => Reading::Months((if month <= last { y2 } else { y2 - 1 }, month, y2, last)),
        (None, None) if month <= last => Reading::Anaphor(Anaphor::Months { first: month, last }),
        _ => return None,
    };
    Some((Span::new(start, end), reading))
}

/// A day of a month written in digits ("1", "31").
fn day_of(word: &str) -> Option<u32> {
    (word.len() <= 2)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// The days of `month` in a year that is not a leap year.
fn days_in_month(month: u32) -> u32 {
    match month {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// "January through June", "between July and December", "from January to June",
/// "January-to-June": a span of months of the year before, where no year follows (the grammar
/// reads those), or of the year in "period of 2020" or "of 2020" after it. `month` is the first
/// month's number, its name at `at`.
fn months_without_year(bytes: &[u8], at: usize, month: u32) -> Option<(Span, Reading)> {
    if word_character_before(bytes, at) {
        return None;
    }
    let name_end = at + super::MONTH_NAMES[month as usize - 1].len();
    if word_character_at(bytes, name_end) {
        return None;
    }
    // "between" and "from" open the span ("from January through June" is no comparison with
    // January, as "up from January" would be)
    let opener = word_before(bytes, at).filter(|(_, w)| w == "between" || w == "from");
    let between = opener.as_ref().filter(|(_, w)| w == "between");
    let separator_at = spaces_end(bytes, name_end);
    let mut hyphened_to = None;
    let (second_at, and) = match bytes.get(separator_at) {
        // "January-June", "January-to-June"
        Some(b'-') => {
            hyphened_to = [&b"to-"[..], b"through-"]
                .into_iter()
                .find(|w| bytes[separator_at + 1..].starts_with(w));
            (separator_at + 1 + hyphened_to.map_or(0, |w| w.len()), false)
        }
        _ if bytes[separator_at..].starts_with("–".as_bytes()) => (separator_at + 3, false),
        _ => {
            let (end, word) = word_starting_at(bytes, separator_at)?;
            if !matches!(word.as_str(), "to" | "through" | "until" | "thru" | "and") || separator_at == name_end {
                return None;
            }
            (end, word == "and")
        }
    };
    if and && between.is_none() {
        return None;
    }
    let second = spaces_end(bytes, second_at);
    let (end, last) = month_at(bytes, second)?;
    // capitalised, as a month is written ("may" is mostly a verb)
    if !bytes[second].is_ascii_uppercase() || last <= month {
        return None;
    }
    // a year or a day after it: the grammar's, or a date ("June 30"), not a count
    let after = spaces_end(bytes, end);
    let digits = bytes[after..].iter().take_while(|b| b.is_ascii_digit()).count();
    if after > end && (matches!(digits, 1 | 2) || year_at(bytes, after).is_some()) {
        return None;
    }
    let start = opener.map_or(at, |(start, _)| start);
    if let Some((year_end, year)) = period_of_year_after(bytes, end) {
        return Some((Span::new(start, year_end), Reading::Months((year, month, year, last))));
    }
    if let Some((year_end, years_back)) = relative_year_after(bytes, end) {
        let anaphor = Anaphor::RelativeMonths {
            first: month,
            last,
            years_back,
        };
        return Some((Span::new(start, year_end), Reading::Anaphor(anaphor)));
    }
    // "July-to-December" alone is left unread: its year, the context's, is too often an
    // aside's ("since the second half of 2012"); "the April-to-June period" names one, as "from
    // April to June" does
    let a_period = || word_after(bytes, end).is_some_and(|(_, w)| w == "period");
    if hyphened_to.is_some() && !a_period() {
        return None;
    }
    let anaphor = Anaphor::Months { first: month, last };
    Some((Span::new(start, end), Reading::Anaphor(anaphor)))
}

/// "in October", "during March", "in October of 2023": one month, with no day or year after it (a
/// date's or the grammar's), of the year in "of 2023" after it, of the year named before in "of
/// that year", else the last such month up to the publication ([`Anaphor::Month`]). `month` is its
/// number, its name at `at`.
fn month_without_year(bytes: &[u8], at: usize, month: u32) -> Option<(Span, Reading)> {
    let end = at + super::MONTH_NAMES[month as usize - 1].len();
    if word_character_before(bytes, at) || word_character_at(bytes, end) {
        return None;
    }
    word_before(bytes, at).filter(|(_, w)| w == "in" || w == "during")?;
    // not a date ("in October 5"), a span's first month ("in July through December 2016",
    // "in July-December") or a month before its year ("in May, 2023")
    let after = spaces_end(bytes, end);
    let next = bytes.get(after).copied().unwrap_or(b' ');
    let a_day = after > end && next.is_ascii_digit();
    // a dash ("July-December", "July–December") or a comma before a year, right after it
    let joined = after == end && (matches!(next, b'-' | 0xE2) || next == b',' && year_after_comma(bytes, after));
    if a_day || joined {
        return None;
    }
    if word_after(bytes, end).is_some_and(|(_, w)| matches!(w.as_str(), "to" | "through" | "until" | "thru" | "and")) {
        return None;
    }
    if let Some((year_end, year)) = period_of_year_after(bytes, end) {
        return Some((Span::new(at, year_end), Reading::Months((year, month, year, month))));
    }
    if let Some((year_end, years_back)) = relative_year_after(bytes, end) {
        let anaphor = Anaphor::RelativeMonths {
            first: month,
            last: month,
            years_back,
        };
        return Some((Span::new(at, year_end), Reading::Anaphor(anaphor)));
    }
    // "in March of that year": the month of the year named before
    for that_year in [&b" of that year"[..], b" of the same year"] {
        if bytes[end..].starts_with(that_year) && !word_character_at(bytes, end + that_year.len()) {
            let anaphor = Anaphor::Months {
                first: month,
                last: month,
            };
            return Some((Span::new(at, end + that_year.len()), Reading::Anaphor(anaphor)));
        }
    }
    Some((Span::new(at, end), Reading::Anaphor(Anaphor::Month { month })))
}

/// Whether a year follows the comma at `at` ("May, 2023").
fn year_after_comma(bytes: &[u8], at: usize) -> bool {
    let start = spaces_end(bytes, at + 1);
    year_at(bytes, start).is_some()
}

/// " this year" (0 years back) or " last year" (1) at `at`: the year months named before it are
/// of ("between January and June this year", "in October last year"), with the end of what was
/// read.
fn relative_year_after(bytes: &[u8], at: usize) -> Option<(usize, i32)> {
    let (word_end, word) = word_after(bytes, at)?;
    let years_back = match word.as_str() {
        "this" => 0,
        "last" => 1,
        _ => return None,
    };
    let (year_end, _) = word_after(bytes, word_end).filter(|(_, w)| w == "year")?;
    Some((year_end, years_back))
}

/// " period of 2020", " period in 2020", " of 2020" at `at`: the year a span of months is of,
/// with the end of what was read.
fn period_of_year_after(bytes: &[u8], at: usize) -> Option<(usize, i32)> {
    let (mut end, mut word) = word_after(bytes, at)?;
    if word == "period" {
        (end, word) = word_after(bytes, end)?;
    }
    if word != "of" && word != "in" {
        return None;
    }
    let year_start = spaces_end(bytes, end);
    year_at(bytes, year_start).filter(|_| year_start > end)
}

#[cfg(test)]
mod tests {
    use super::super::{find_periods, Period};
    use chrono::NaiveDate;

    /// [`super::lower_case_word`] is the string collected a character at a time from the
    /// word's lower-case copy, on every word the readers take (ASCII letters and digits, in
    /// any case) of generated articles and of words beside characters outside ASCII.
    #[test]
    fn a_words_lower_case_string_is_that_collected_by_characters() {
        let mut texts = crate::gen::sample_texts(50);
        texts.push("JULY july July 2016 H1 1st Q3-2016 \u{e9}x\u{201c}Year\u{201d} ABC123def".to_string());
        let mut words = 0;
        for text in &texts {
            let bytes = text.as_bytes();
            for at in 0..bytes.len() {
                let end = at + bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
                let word = &bytes[at..end];
                let by_characters: String = word.to_ascii_lowercase().iter().map(|&b| b as char).collect();
                assert_eq!(super::lower_case_word(word), by_characters, "{word:?}");
                words += usize::from(!word.is_empty());
            }
        }
        assert!(words > 10_000, "{words} words");
    }

    /// [`super::may_follow_on`] lets through every text [`super::change_on_ends`] tells of:
    /// every place of generated articles, and of phrases of change and "on" written in other
    /// cases, spacings and quotes, beside characters outside ASCII.
    #[test]
    fn texts_the_change_on_pretest_turns_away_follow_no_change_and_on() {
        let mut texts = crate::gen::sample_texts(100);
        for change in [
            "a modest increase",
            "up 5 percent",
            "down 3.5 points",
            "A RISE OF 4,210",
            "a fall",
            "\u{e9}increase",
            "\u{201c}growth\u{201d}",
        ] {
            for on in [
                "on",
                "ON",
                "On",
                "on the",
                "on THE",
                "oN tHe",
                "on\u{a0}the",
                "on  the",
                "on\tthe",
                "oon",
                "xon",
                "on thee",
                "\u{201c}on\u{201d}",
                "on\u{e9}",
                "\u{e9}on",
            ] {
                texts.push(format!(
                    "{change} {on} the first half, {change}  {on}\n{change} {on} 2022"
                ));
            }
        }
        let (mut told, mut let_through, mut places) = (0, 0, 0);
        for text in &texts {
            for at in text.char_indices().map(|(at, _)| at).chain([text.len()]) {
                let before = &text.as_bytes()[..at];
                let (by_words, pretest) = (super::change_on_ends(before), super::may_follow_on(before));
                assert!(pretest || !by_words, "{:?}", &text[..at]);
                told += usize::from(by_words);
                let_through += usize::from(pretest);
                places += 1;
            }
        }
        assert!(
            told > 100 && let_through < places / 10,
            "{told} told, {let_through} of {places} let through"
        );
    }

    /// (text, label) of each of the `found` mentions, borrowed, to compare with a table of literals.
    fn text_and_label(found: &[(String, Option<String>, bool)]) -> Vec<(&str, Option<&str>)> {
        found.iter().map(|(s, l, _)| (s.as_str(), l.as_deref())).collect()
    }

    /// "in October" with no year is the last October up to the publication (2016-05-10 here);
    /// a month that opens a span, a date or a month before its year is left to their readers.
    #[test]
    fn a_month_with_no_year_is_the_last_one_up_to_the_publication() {
        let found = labels(
            "We surveyed 2,104 adults in October. In March, 40 said so. During May it fell. It \
             began in October of 2014. Sales in July through December 2015 rose; in June 5, none; \
             in May, 2015 too; the fourth quarter.",
        );
        assert_eq!(
            text_and_label(&found),
            [
                ("October", Some("2015-10")),
                ("March", Some("2016-03")),
                ("May", Some("2016-05")),
                ("October of 2014", Some("2014-10")),
                ("July through December 2015", Some("2015-H2")),
                ("2015", Some("2015")),
                ("fourth quarter", Some("2015-Q4")),
            ]
        );
        // "the six months before" at a clause's end counts back from the period before it
        let found = labels("It got 87 in July through December 2015, up from 80 in the six months before. The six months before the vote, none.");
        assert_eq!(
            text_and_label(&found),
            [
                ("July through December 2015", Some("2015-H2")),
                ("the six months before", Some("2015-H1"))
            ]
        );
        // "the same six months" is the last six months named, not the year named since; "the end
        // of the year" is a point in time, no period
        let found = labels(
            "It got 1,287 in the second half of 2015, for a total of 2,351 for 2015. Google got 341 \
             over the same six months. By the end of the year 9 were decided.",
        );
        assert_eq!(
            text_and_label(&found),
            [
                ("second half of 2015", Some("2015-H2")),
                ("2015", Some("2015")),
                ("the same six months", Some("2015-H2"))
            ]
        );
        // "during the six months" after a preposition refers back too; "the six months from July
        // 1" does not
        let found = labels("It got 1,287 in the second half of 2015. Over those six months, 12 were appeals; during the six months from July 1 none.");
        assert_eq!(
            text_and_label(&found),
            [
                ("second half of 2015", Some("2015-H2")),
                ("those six months", Some("2015-H2"))
            ]
        );
        // months with "this year" or "last year" after them are of that year (published 2016-05-10)
        let found = labels("It got 90 between January and June this year and 12 in October last year.");
        assert_eq!(
            text_and_label(&found),
            [
                ("between January and June this year", Some("2016-H1")),
                ("October last year", Some("2015-10"))
            ]
        );
        // financial years: "the year ended March 31" with no year is the last before the
        // publication (2016-05-10), a caption's "year to March 2016" is one, and a split year
        // ends in March (in June where the text names Australia)
        let found = labels("It got 41,276 in the year ended March 31. Requests by market, year to March 2016: 90. In 2014-15 and 2015/16, fewer; in 2015–16 too.");
        assert_eq!(
            text_and_label(&found),
            [
                ("the year ended March 31", Some("2015-04-01/2016-03-31")),
                ("year to March 2016", Some("2015-04-01/2016-03-31")),
                ("2014-15", Some("2014-04-01/2015-03-31")),
                ("2015/16", Some("2015-04-01/2016-03-31")),
                ("2015–16", Some("2015-04-01/2016-03-31")),
            ]
        );
        // "the fiscal year that ended March 31" is read as "the year ended March 31"
        assert_eq!(
            one("It logged 561 breaches in the fiscal year that ended March 31"),
            (
                "the fiscal year that ended March 31".into(),
                Some("2015-04-01/2016-03-31".into())
            )
        );
        // a season is no financial year
        assert_eq!(
            one("He signed until the end of the 2022/23 season").1,
            Some("2022".into())
        );
        let found = labels("Australians lodged 7,270 reports in the 2023–24 financial year.");
        assert_eq!(text_and_label(&found)[0], ("2023–24", Some("2023-07-01/2024-06-30")));
        // "final" is "last": the fourth quarter
        assert_eq!(
            text_and_label(&labels("in the final quarter of 2024")),
            [("final quarter of 2024", Some("2024-Q4"))]
        );
    }

    fn labels(text: &str) -> Vec<(String, Option<String>, bool)> {
        let published = NaiveDate::from_ymd_opt(2016, 5, 10);
        find_periods(text, published)
            .into_iter()
            .map(|m| {
                (
                    text[m.span.start..m.span.end].to_string(),
                    m.period.map(|p| p.label()),
                    m.reference,
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, Option<String>) {
        let found = labels(text);
        let last = found.last().unwrap_or_else(|| panic!("no period in {text:?}"));
        (last.0.clone(), last.1.clone())
    }

    #[test]
    fn months_counted_name_their_months() {
        let cases = [
            (
                "in the first six months of 2015 it",
                "the first six months of 2015",
                "2015-H1",
            ),
            (
                "in the last six months of 2014 it",
                "the last six months of 2014",
                "2014-H2",
            ),
            (
                "the first three months of 2016",
                "the first three months of 2016",
                "2016-Q1",
            ),
            (
                "the first nine months of 2015",
                "the first nine months of 2015",
                "2015-01-01/2015-09-30",
            ),
            (
                "in the six months to December 2015, up",
                "the six months to December 2015",
                "2015-H2",
            ),
            (
                "the six months ended June 30, 2015",
                "the six months ended June 30, 2015",
                "2015-H1",
            ),
            (
                "the 12 months to March 2016",
                "the 12 months to March 2016",
                "2015-04-01/2016-03-31",
            ),
            (
                "the year to March 2014",
                "the year to March 2014",
                "2013-04-01/2014-03-31",
            ),
            (
                "revenue of 43.6bn in the year to 31 March 2014, it said",
                "the year to 31 March 2014",
                "2013-04-01/2014-03-31",
            ),
            (
                "75,462 requests in fiscal 2015, the year to June 30, down",
                "fiscal 2015, the year to June 30",
                "2014-07-01/2015-06-30",
            ),
            (
                "in fiscal year 2016 (the year ended September 30) it",
                "fiscal year 2016 (the year ended September 30)",
                "2015-10-01/2016-09-30",
            ),
            (
                "in FY2015 (the year to March 31) it",
                "FY2015 (the year to March 31)",
                "2014-04-01/2015-03-31",
            ),
            (
                "in the second half of 2015 and the first-half requests",
                "first-half",
                "2015-H1",
            ),
            (
                "in the fourth quarter of 2022, the fourth-quarter figure was down",
                "fourth-quarter",
                "2022-Q4",
            ),
        ];
        for (text, span, label) in cases {
            assert_eq!(one(text), (span.to_string(), Some(label.to_string())), "{text}");
        }
        // a fiscal year is the span stated after it, and later ones end with the same month
        let found = labels(
            "It got 341 in its 2016 fiscal year, which ran from July 1, 2015 to June 30, 2016, up from \
             255 in fiscal 2015. It got 23 in fiscal 2017, the twelve months ended January 31, 2017. \
             Revenue was $33.3 billion in fiscal 2016 (the year ended March 31, 2017).",
        );
        let named = text_and_label(&found);
        assert_eq!(
            named,
            [
                (
                    "2016 fiscal year, which ran from July 1, 2015 to June 30, 2016",
                    Some("2015-07-01/2016-06-30")
                ),
                ("fiscal 2015", Some("2014-07-01/2015-06-30")),
                (
                    "fiscal 2017, the twelve months ended January 31, 2017",
                    Some("2016-02-01/2017-01-31")
                ),
                (
                    "fiscal 2016 (the year ended March 31, 2017)",
                    Some("2016-04-01/2017-03-31")
                ),
            ]
        );
        // a fiscal year named before any span is stated is the grammar's year
        assert_eq!(one("in fiscal 2015 it"), ("2015".into(), Some("2015".into())));
        // a year to a month without its year, and no fiscal year before to say which, is the
        // last such year before the publication (2016-05-10)
        assert_eq!(
            one("in the year to June 30 it got 900"),
            ("the year to June 30".into(), Some("2014-07-01/2015-06-30".into()))
        );
    }

    #[test]
    fn a_period_named_for_what_below_or_above_compares_with_is_a_reference() {
        let found = labels(
            "In the second half of 2019 it produced data in 64 percent of cases, slightly below the \
             66 percent it reported for the first half of the year, and above the 1,200 of 2018. \
             It got 81,785 during the period. Below 2017 levels, it fell in 2016. It got 3,182 in \
             2021, more than double the 1,403 it received in 2020. It got 900 in the period.",
        );
        let named: Vec<_> = found.iter().map(|(s, l, r)| (s.as_str(), l.as_deref(), *r)).collect();
        assert_eq!(
            named,
            [
                ("second half of 2019", Some("2019-H2"), false),
                ("first half of the year", Some("2019-H1"), true),
                ("2018", Some("2018"), true),
                ("the period", Some("2019-H2"), false),
                ("2017", Some("2017"), false),
                ("2016", Some("2016"), false),
                ("2021", Some("2021"), false),
                ("2020", Some("2020"), true),
                ("the period", Some("2021"), false),
            ]
        );
    }

    #[test]
    fn a_span_of_months_takes_the_year_of_the_period_after_it() {
        let found = labels(
            "It rose 9 percent to 13,452 from 12,341 in the January-to-June period of 2020, and to \
             900 in the July-December period in 2019, 800 from January to June of 2018 and 700 from \
             July through December. January-June 5 is a day; July-to-December alone is left, and the \
             April-to-June period is read.",
        );
        let named = text_and_label(&found);
        assert_eq!(
            named,
            [
                ("January-to-June period of 2020", Some("2020-H1")),
                ("July-December period in 2019", Some("2019-H2")),
                // "from" opens the span of months, no comparison: the year is the context's
                ("from January to June of 2018", Some("2018-H1")),
                ("from July through December", Some("2018-H2")),
                ("April-to-June", Some("2018-Q2")),
            ]
        );
    }

    #[test]
    fn a_period_since_opens_is_no_context_for_the_next_anaphor() {
        let found = labels(
            "Russia sent 24,653 requests in 2021, the most since the company began publishing the \
             data in 2010. Over the rest of the year, courts imposed 47 fines. Since 2013 it has \
             sent 90,000; in the second half it sent 1,887.",
        );
        let named = text_and_label(&found);
        assert_eq!(
            named,
            [
                ("2021", Some("2021")),
                ("2010", Some("2010")),
                ("the year", Some("2021")),
                ("2013", Some("2013")),
                ("second half", Some("2021-H2")),
            ]
        );
    }

    #[test]
    fn a_part_of_last_year_is_of_the_year_before_publication() {
        // published 2016-05-10
        let found = labels(
            "It got 3,182 in the first half, up from 1,403 in the first half of last year and 1,300 \
             in the third quarter of last year; 990 in the last quarter of last year. The second \
             half of last year's rise, and the first half of last year-end sales, are other things.",
        );
        let named = text_and_label(&found);
        assert_eq!(
            named,
            [
                ("first half", Some("2016-H1")),
                ("first half of last year", Some("2015-H1")),
                ("third quarter of last year", Some("2015-Q3")),
                ("last quarter of last year", Some("2015-Q4")),
                ("second half of last year", Some("2015-H2")),
                ("first half", Some("2015-H1")),
                ("last year", Some("2015")),
            ]
        );
    }

    #[test]
    fn split_years_are_financial_years_once_the_text_says_when_its_years_end() {
        let found = labels(
            "Agencies made 333,980 in the year to 30 June 2016, down from 351,281 in the previous \
             financial year. The 2015\u{2013}16 report says 3,857 were granted during the year, down \
             from 3,717 in 2014-15 and 3,200 in 2013/14 (2012-13 too, though a season); 2015-17 is \
             no financial year, nor is 12015-16.",
        );
        let named = text_and_label(&found);
        assert_eq!(
            named,
            [
                ("the year to 30 June 2016", Some("2015-07-01/2016-06-30")),
                ("the previous financial year", Some("2014-07-01/2015-06-30")),
                ("2015\u{2013}16", Some("2015-07-01/2016-06-30")),
                ("the year", Some("2015-07-01/2016-06-30")),
                ("2014-15", Some("2014-07-01/2015-06-30")),
                ("2013/14", Some("2013-07-01/2014-06-30")),
                ("2012-13", Some("2012-07-01/2013-06-30")),
                ("2015", Some("2015")),
            ]
        );
        // with no month its years end with, a split year ends in March (June where the text
        // names Australia or New Zealand)
        assert_eq!(
            one("The 2015-16 report says 3,857"),
            ("2015-16".into(), Some("2015-04-01/2016-03-31".into()))
        );
        // a season is no financial year, whatever month the text's years end with
        assert_eq!(
            one("Agencies made 333,980 in the year to 30 June 2016, in the 2015-16 season").1,
            Some("2015".into())
        );
        // a year to December is the calendar's
        assert_eq!(
            one("in the year to December 2015 it got 900, and the 2015-16 report").1,
            Some("2015".into())
        );
        // the fiscal year before a fiscal year
        let found = labels("It got 75 in fiscal 2017, the year ended March 31, 2017, and 60 in the prior fiscal year.");
        assert_eq!(
            found.last().map(|f| f.1.as_deref()),
            Some(Some("2015-04-01/2016-03-31"))
        );
    }

    #[test]
    fn financial_years_named_by_their_year_and_twelve_months_to_a_month() {
        // "the 2022 financial year" once "the year to 30 June 2022" said when years end
        let found = labels(
            "Spark was asked more often in the year to 30 June 2022. It got 6,148 requests in the \
             2022 financial year and 5,000 in financial year 2021.",
        );
        let named = text_and_label(&found);
        assert_eq!(
            named,
            [
                ("the year to 30 June 2022", Some("2021-07-01/2022-06-30")),
                ("2022 financial year", Some("2021-07-01/2022-06-30")),
                ("financial year 2021", Some("2020-07-01/2021-06-30")),
            ]
        );
        // "the 12 months to 30 June 2024" says so too, for a split year before it
        let found = labels("Police sent 4,218 in the 2023-24 financial year, in the 12 months to 30 June 2024.");
        let named = text_and_label(&found);
        assert_eq!(
            named,
            [
                ("2023-24", Some("2023-07-01/2024-06-30")),
                ("the 12 months to 30 June 2024", Some("2023-07-01/2024-06-30")),
            ]
        );
        // with no month its years end with, "the 2022 financial year" is its year, and a split
        // year ends in March; six months say nothing of when years end
        assert_eq!(one("It got 9 in the 2022 financial year").1, Some("2022".into()));
        let found = labels("It got 9 in the six months to June 2022 and 4 in the 2022-23 financial year.");
        assert_eq!(
            found.last().map(|f| f.1.as_deref()),
            Some(Some("2022-04-01/2023-03-31"))
        );
    }

    #[test]
    fn an_events_date_is_a_point_in_time_not_a_period_of_the_figures() {
        let found = labels(
            "PhotoDNA, which Microsoft developed with Dartmouth College in 2009, found 9,643 in 2022. \
             The company, founded in 1998, got 500 in 2015 and began receiving 40 requests in 2016.",
        );
        let references: Vec<_> = found.iter().map(|(s, _, r)| (s.as_str(), *r)).collect();
        assert_eq!(
            references,
            [
                ("2009", true),
                ("2022", false),
                ("1998", true),
                ("2015", false),
                // a figure between the verb and the year: the figure's period
                ("2016", false)
            ]
        );
    }

    #[test]
    fn months_without_their_year_take_the_year_before() {
        let found =
            labels("In 2015 it got 900. From January through June, it logged 130 and between July and December 200.");
        let named = text_and_label(&found);
        assert_eq!(
            named,
            [
                ("2015", Some("2015")),
                ("From January through June", Some("2015-H1")),
                ("between July and December", Some("2015-H2"))
            ]
        );
        assert_eq!(labels("It may to June do so.").len(), 0, "a verb, no month");
        // days that make whole months
        let found = labels(
            "In 2016 it got 900. Between 1 July and 31 December 2016 it got 40; from July 1, 2015 to \
             June 30, 2016, 30; in the report, which covers 1 July to 31 December, 20.",
        );
        let named = text_and_label(&found);
        assert_eq!(
            named,
            [
                ("2016", Some("2016")),
                ("Between 1 July and 31 December 2016", Some("2016-H2")),
                ("from July 1, 2015 to June 30, 2016", Some("2015-07-01/2016-06-30")),
                ("1 July to 31 December", Some("2016-H2")),
            ]
        );
        // days that do not make whole months are those days when the year is written, and
        // else left to the date reader
        assert_eq!(
            one("from 3 July to 31 December 2016"),
            (
                "from 3 July to 31 December 2016".into(),
                Some("2016-07-03/2016-12-31".into())
            )
        );
        assert_eq!(
            one("its report covering 28 August to 20 October 2023 lists"),
            (
                "28 August to 20 October 2023".into(),
                Some("2023-08-28/2023-10-20".into())
            )
        );
        assert!(!labels("from 3 July to 31 December")
            .iter()
            .any(|(s, _, _)| s.contains("July")));
        assert_eq!(
            one("from January to June 2014"),
            ("January to June 2014".into(), Some("2014-H1".into()))
        );
    }

    #[test]
    fn counting_back_starts_from_the_period_before() {
        let text = "In the second half of 2015 it got 1,000, up 28 percent from 886 a year earlier and \
                    up from 900 in the previous six-month period. The previous year it got 1,500.";
        let found = labels(text);
        let named: Vec<_> = found.iter().map(|(s, l, r)| (s.as_str(), l.as_deref(), *r)).collect();
        assert_eq!(
            named,
            [
                ("second half of 2015", Some("2015-H2"), false),
                ("a year earlier", Some("2014-H2"), true),
                ("the previous six-month period", Some("2015-H1"), true),
                ("The previous year", Some("2014"), false),
            ]
        );
        // "the same period a year earlier" is one period
        let found = labels("In the first half of 2016 it got 4,434, up from 1,661 in the same period a year earlier.");
        assert_eq!(
            found[1],
            ("the same period a year earlier".into(), Some("2015-H1".into()), true)
        );
        // and "the same period last year"
        let found = labels("In the first half of 2023 it removed 6,112, down from 5,784 in the same period last year.");
        assert_eq!(
            found[1],
            ("the same period last year".into(), Some("2022-H1".into()), true)
        );
        // a paragraph after a breakdown by quarters, it is the report's period a year back
        let found = labels(
            "In the first half of 2023 it removed 2,549: 1,239 in the first quarter and 1,310 in the second \
             quarter.\n\nIt removed 6,112, down from 5,784 in the same period last year.",
        );
        assert_eq!(
            found.last().unwrap(),
            &("the same period last year".into(), Some("2022-H1".into()), true)
        );
        // so is "the same nine months a year earlier"
        let found = labels(
            "In the first nine months of 2023 it got 1,340, 13 percent more than the 1,187 it logged \
             over the same nine months a year earlier.",
        );
        assert_eq!(
            found[1],
            (
                "the same nine months a year earlier".into(),
                Some("2022-01-01/2022-09-30".into()),
                true
            )
        );
        // a comma inside a number ends no clause: "from 391,050 the year before" compares
        let found = labels("In 2016 it got 372,614, down from 391,050 the year before. It also got 48,000.");
        assert_eq!(found[1], ("the year before".into(), Some("2015".into()), true));
        // a year earlier that opens a statement is that statement's period
        let found = labels("It got 1,000 in the first half of 2015. A year earlier, it got 900.");
        assert_eq!(found[1], ("A year earlier".into(), Some("2014-H1".into()), false));
        // without a period before, nothing to count back from
        assert_eq!(labels("It got 900 a year earlier.")[0].1, None);
    }

    #[test]
    fn a_period_after_a_change_and_on_is_a_point_of_comparison() {
        let found = labels(
            "AT&T received 133,375 demands in the second half of 2014, a modest increase on the first six \
             months of the year. Requests were up 5 percent on 2013. Based on 2013 data, it said so. Xbox \
             acted on 102,540 accounts in 2022, up 4,210 on 2021, a rise of 4,210 on the second half of 2021. \
             On Monday, 1,200, on 2020 data.",
        );
        let references: Vec<_> = found.iter().map(|(s, _, r)| (s.as_str(), *r)).collect();
        assert_eq!(
            references,
            [
                ("second half of 2014", false),
                ("the first six months of the year", true),
                ("2013", true),
                ("2013", false),
                ("2022", false),
                ("2021", true),
                ("second half of 2021", true),
                ("2020", false)
            ]
        );
    }

    #[test]
    fn the_words_of_a_phrase_are_no_figures() {
        let mut a = crate::read::Article {
            published: Some("2016-02-01".into()),
            ..crate::read::Article::default()
        };
        a.set_paragraphs(["Dropbox received 1,138 requests in the six months to December 2015, the company said."]);
        let figures: Vec<_> = crate::extract::extract(&a)
            .figures
            .iter()
            .map(|f| (f.span.of(&a.text).to_owned(), f.period.as_ref().map(Period::label)))
            .collect();
        assert_eq!(figures, [("1,138".to_owned(), Some("2015-H2".to_owned()))]);
    }
}
