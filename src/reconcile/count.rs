//! `count_mismatch`: an announced count against its enumeration ("four countries: Germany, France
//! and Brazil"; "three requests ... In two cases ... In the third case").

use super::doc::{Doc, Words};
use super::sum::join_and;
use super::{Finding, Rule, Severity};
use crate::extract::claim::{self, Enumeration};
use crate::extract::quote::hand::is_word_byte;
use crate::read::Span;
use serde_json::json;
use std::sync::LazyLock;

/// Checks the lists of every sentence and the case breakdowns of every paragraph, given where
/// the words of `COUNTED_PART_WORDS_LIST` stand in the lowercased text (see [`super::doc::Cues`]).
pub fn check(doc: &Doc, counted: &[Span]) -> Vec<Finding> {
    let mut out = Vec::new();
    // Every list follows a colon (most sentences have none), and a list whose count stands
    // further back follows ": " or a spaced dash: where they stand is found in one pass over
    // the whole text.
    let marks = Marks::of(doc.text.as_bytes(), doc.is_ascii());
    let (colons, separators) = (marks.colons(), marks.separators());
    let (mut colons_from, mut separators_from) = (Forward::default(), Forward::default());
    // Only a sentence that holds a colon or a separator may have a list (most hold neither, and
    // an article without either, as a third of them, has none): those are visited alone.
    let marks_in_order = merged(colons.iter().copied(), separators.iter().map(|&(at, _)| at));
    for_units_holding(doc.sentences, doc.sentences_go_forward(), marks_in_order, |k| {
        let s = &doc.sentences[k];
        let first_colon = colons_from.first_from(colons, s.start, |&c| c);
        let announces = may_announce_list(doc, &colons[first_colon..], *s);
        // a list whose count stands further back, after one of the sentence's separators
        let first = separators_from.first_from(separators, s.start, |&(at, _)| at);
        debug_assert_eq!(
            first,
            separators.partition_point(|&(at, _)| at < s.start),
            "the cursor finds what a binary search finds"
        );
        let count = separators[first..]
            .iter()
            .take_while(|&&(_, list)| list <= s.end)
            .count();
        // Without either, the sentence has no list: its text is not read.
        if !announces && count == 0 {
            return;
        }
        let text = s.of(doc.text);
        let near = if announces {
            claim::list_enumerations(text)
        } else {
            Vec::new()
        };
        let in_sentence = separators[first..first + count]
            .iter()
            .map(|&(at, list)| (at - s.start, list - s.start));
        let far = claim::far_list_enumerations(text, in_sentence, &near);
        for e in near.iter().chain(&far) {
            out.extend(mismatch(doc, s.start, e, "lists"));
        }
    });
    // The words of a counted part, found by one search of the whole text rather than one per
    // paragraph: only a paragraph that holds one may break cases down (most hold none), but for
    // a text whose characters may fold to ASCII letters, whose every paragraph is searched.
    let mut counted_from = Forward::default();
    let mut check_paragraph = |p: &Span| {
        let first = counted_from.first_from(counted, p.start, |m| m.start);
        if !may_break_cases_down_at(doc, &counted[first..], *p) {
            return;
        }
        for e in claim::case_enumerations(p.of(doc.text)) {
            out.extend(mismatch(doc, p.start, &e, "accounts for"));
        }
    };
    if doc.has_odd_folds() {
        doc.paragraphs.iter().for_each(check_paragraph);
    } else if !counted.is_empty() {
        let forward = doc
            .paragraphs
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].end <= w[1].end);
        for_units_holding(doc.paragraphs, forward, counted.iter().map(|m| m.start), |k| {
            check_paragraph(&doc.paragraphs[k])
        });
    }
    out
}

/// Calls `each` with the index of every one of `units` (sentences or paragraphs) that holds one
/// of `places` (ascending): its start at or before the place and its end after it. Each such unit
/// is met once, in order, where the units go `forward` (their starts and ends in order, as the
/// extractor gives them), found from each place by a binary search among the units after the last
/// one met, so that the units that hold none (most) are not visited; every unit is met otherwise.
fn for_units_holding(units: &[Span], forward: bool, places: impl Iterator<Item = usize>, mut each: impl FnMut(usize)) {
    let mut places = places.peekable();
    if places.peek().is_none() {
        return;
    }
    if !forward {
        (0..units.len()).for_each(each);
        return;
    }
    debug_assert!(
        units
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].end <= w[1].end),
        "units said to go forward do"
    );
    let mut next = 0;
    for at in places {
        // (the units before the first that ends after the place end at or before it)
        let mut k = next + units[next..].partition_point(|u| u.end <= at);
        while units.get(k).is_some_and(|u| u.start <= at) {
            each(k);
            k += 1;
        }
        next = k;
    }
}

/// The places of two ascending runs, `a` and `b`, in one ascending run.
fn merged(a: impl Iterator<Item = usize>, b: impl Iterator<Item = usize>) -> impl Iterator<Item = usize> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// How many colons an ASCII text may have for [`Marks`] to hold them on the stack.
const FEW_COLONS: usize = 8;

/// Where the colons and list separators of a text stand ([`claim::list_marks`]): on the stack
/// where the text is ASCII and has few colons, as nearly every article (most have none to
/// three), whose two vectors were allocated and freed for two articles in three.
enum Marks {
    /// Those of an ASCII text with at most [`FEW_COLONS`]: the first `colons` of `at` and the
    /// first `separators` of `lists`.
    Few {
        at: [usize; FEW_COLONS],
        lists: [(usize, usize); FEW_COLONS],
        colons: usize,
        separators: usize,
    },
    /// Those of any other text.
    Many(claim::ListMarks),
}

impl Marks {
    /// The marks of `bytes` (`ascii` whether they all are): on ASCII text, each colon, and each
    /// one followed by a space a separator whose list starts after that space, as
    /// [`claim::list_marks`] reads them there.
    fn of(bytes: &[u8], ascii: bool) -> Marks {
        if !ascii {
            return Marks::Many(claim::list_marks(bytes, ascii));
        }
        let (mut at, mut lists) = ([0; FEW_COLONS], [(0, 0); FEW_COLONS]);
        let (mut colons, mut separators) = (0, 0);
        for i in memchr::memchr_iter(b':', bytes) {
            if colons == FEW_COLONS {
                return Marks::Many(claim::list_marks(bytes, ascii));
            }
            at[colons] = i;
            colons += 1;
            if bytes.get(i + 1) == Some(&b' ') {
                lists[separators] = (i, i + 2);
                separators += 1;
            }
        }
        Marks::Few {
            at,
            lists,
            colons,
            separators,
        }
    }

    /// Where each colon stands, in order.
    fn colons(&self) -> &[usize] {
        match self {
            Marks::Few { at, colons, .. } => &at[..*colons],
            Marks::Many(marks) => &marks.colons,
        }
    }

    /// Where each separator starts and where the list after it starts, in order.
    fn separators(&self) -> &[(usize, usize)] {
        match self {
            Marks::Few { lists, separators, .. } => &lists[..*separators],
            Marks::Many(marks) => &marks.separators,
        }
    }
}

/// Where, in a list of places sorted by `key`, the first one at or after each of a run of
/// starts stands: found by moving on from the answer for the start before when the starts go
/// forward (sentences and paragraphs come in text order), by a binary search otherwise.
#[derive(Default)]
struct Forward {
    /// The answer for `start`: the number of places before it.
    at: usize,
    /// The last start asked about.
    start: usize,
}

impl Forward {
    /// The index of the first of `sorted` whose key is at or after `start`.
    fn first_from<T>(&mut self, sorted: &[T], start: usize, key: impl Fn(&T) -> usize) -> usize {
        if start < self.start {
            self.at = sorted.partition_point(|x| key(x) < start);
        } else {
            while sorted.get(self.at).is_some_and(|x| key(x) < start) {
                self.at += 1;
            }
        }
        self.start = start;
        self.at
    }
}

/// Whether [`claim::list_enumerations`] may find a list in `sentence`, given the colons of the
/// text from the first at or after its start: its pattern needs a colon after a small count and
/// one to three words ("four countries:", "3 big new kinds :"). Most sentences have no colon,
/// most colons (after "said") no count, and their sentences are spared the search.
fn may_announce_list(doc: &Doc, colons: &[usize], sentence: Span) -> bool {
    colons.iter().take_while(|&&c| c < sentence.end).any(|&c| {
        // Case folding may read "ſ" and the Kelvin sign as ASCII letters.
        doc.has_odd_folds() || count_and_words_end(&doc.text[sentence.start..c])
    })
}

/// Whether `before` ends with a small count, one to three words (`[a-zA-Z-]+`, each after
/// spaces) and perhaps spaces, as the list pattern reads them. A character outside ASCII where
/// the count would end is taken for a digit of another script.
fn count_and_words_end(before: &str) -> bool {
    let mut rest = before.trim_end_matches(char::is_whitespace);
    for _ in 0..3 {
        let word_start = rest.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '-');
        let spaced = word_start.trim_end_matches(char::is_whitespace);
        if word_start.len() == rest.len() || spaced.len() == word_start.len() {
            return false;
        }
        if ends_with_small_count(spaced) {
            return true;
        }
        rest = spaced;
    }
    false
}

/// Whether `text` ends with a small count (one or two digits, or "one" to "twelve" in any case)
/// that starts a word, or with a character outside ASCII (a count in another script may). A count
/// that starts a word is the whole run of word bytes ([`is_word_byte`]) at the end of `text`
/// (a byte outside ASCII is none): that run is read once and compared with each count word,
/// rather than each word looked for at the end and then the byte before it.
fn ends_with_small_count(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(&last) = bytes.last() else {
        return false;
    };
    if !last.is_ascii() {
        return true;
    }
    let run_start = bytes.iter().rposition(|b| !is_word_byte(*b)).map_or(0, |i| i + 1);
    let run = &bytes[run_start..];
    if last.is_ascii_digit() {
        return run.len() <= 2 && run.iter().all(u8::is_ascii_digit);
    }
    claim::SMALL_WORDS
        .iter()
        .any(|w| run.eq_ignore_ascii_case(w.as_bytes()))
}

/// [`ends_with_small_count`] as written first: each count word looked for at the end of `text`,
/// for the test that reading the last word once changes nothing.
#[cfg(test)]
fn ends_with_small_count_by_words(text: &str) -> bool {
    let starts_word = |count_start: usize| {
        text[..count_start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_ascii() || !(c.is_ascii_alphanumeric() || c == '_'))
    };
    if text.chars().next_back().is_some_and(|c| !c.is_ascii()) {
        return true;
    }
    let digits = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return digits <= 2 && starts_word(text.len() - digits);
    }
    claim::SMALL_WORDS
        .iter()
        .any(|w| claim::ends_with_ignoring_ascii_case(text, w) && starts_word(text.len() - w.len()))
}

/// Words every breakdown of cases [`claim::case_enumerations`] checks has one of: a part with a
/// count says "cases", "case", "instances" or "of them", "of these", "of those". The last three
/// are looked for without their "t" ("hem", "hese", "hose"): a search for words that open with
/// "the" stops to look at every "the" of the text, and most texts have many. (Looked for among
/// the words of one pass of the whole text, [`super::doc::CUE_WORDS`], whose words of a counted
/// part the tests hold to these.)
#[cfg(test)]
pub(super) const COUNTED_PART_WORDS_LIST: &[&str] = &["case", "instance", "hem", "hese", "hose"];

/// `COUNTED_PART_WORDS_LIST` searched for alone, for the tests.
#[cfg(test)]
pub(super) static COUNTED_PART_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(COUNTED_PART_WORDS_LIST));

/// Words the closing part of such a breakdown has one of: "the other case", "the remaining two",
/// "the third case", "the last one".
static CLOSING_PART_WORDS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(&[
        "other",
        "remaining",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "last",
        "final",
    ])
});

/// Whether [`claim::case_enumerations`] may find anything in the paragraph `p` of the article:
/// it needs a part with a count and a closing part. Nearly no paragraph has both, and most are
/// spared the two pattern searches over the whole paragraph. The words of a counted part are
/// given as their matches `counted` in the whole lowercased text, from the first that starts in
/// the paragraph or after it: as the words cannot overlap, that search finds every one of them,
/// and those inside the paragraph are its own. Each must
/// follow a count within the paragraph as the part does ([`may_end_counted_part`]): most of
/// them ("Those requests", "most of these") do not, and their paragraphs are spared the search
/// for closing words too.
///
/// The claim's patterns fold case as Unicode does (a "ſ" is an "s": a text with a character
/// that folds to an ASCII letter is always searched), and read a part whose count is a digit
/// of another script (which `\d` matches but no small count is) as a closing part: a
/// paragraph with a part's words and a digit outside ASCII is searched.
fn may_break_cases_down_at(doc: &Doc, counted: &[Span], p: Span) -> bool {
    let mut inside = counted.iter().take_while(|m| m.end <= p.end);
    doc.has_odd_folds()
        || inside.any(|m| {
            let word = Span::new(m.start - p.start, m.end - p.start);
            may_end_counted_part(p.of(doc.text), doc.lowercased(p), word)
        }) && (CLOSING_PART_WORDS.any_in(doc.lowercased(p))
            || !doc.is_ascii() && has_non_ascii_digit(p.of(doc.text)))
}

/// [`may_break_cases_down_at`] of a paragraph alone, whose text is `paragraph` and, with its
/// ASCII letters lowercased, `lower`, with a search of its own for the words of both parts;
/// `odd_folds` tells whether the text it is in has a character that folds to an ASCII letter.
#[cfg(test)]
fn may_break_cases_down(paragraph: &str, lower: &[u8], odd_folds: bool) -> bool {
    let counted = COUNTED_PART_WORDS.spans_in(lower);
    odd_folds
        || counted.iter().any(|m| may_end_counted_part(paragraph, lower, *m))
            && (CLOSING_PART_WORDS.any_in(lower) || has_non_ascii_digit(paragraph))
}

/// Whether the word of `COUNTED_PART_WORDS_LIST` matched at `m` in `lower` (`text` with its ASCII
/// letters lowercased) may end the part with a count of a case breakdown, as
/// [`claim::case_enumerations`]'s pattern reads it (`(?:in|for)\s+(?P<n>{SMALL})\s+(?:cases|
/// case|instances|of\s+them|of\s+these|of\s+those)`): "case" and "instance" after spaces and a
/// small count, "them", "these" and "those" (looked for without their "t") after "of" between
/// spaces, and a small count. Read on ASCII bytes: a byte outside ASCII where a space, the count
/// or the words may stand may be one (a space of Unicode's, a digit of another script), and the
/// part may be there.
fn may_end_counted_part(text: &str, lower: &[u8], m: Span) -> bool {
    let mut end = m.start;
    if lower[end] == b'h' {
        if end == 0 || lower[end - 1] != b't' {
            return false;
        }
        match spaces_before(lower, end - 1) {
            Spaces::From(start) if lower[..start].ends_with(b"of") => end = start - 2,
            Spaces::Maybe => return true,
            _ => return false,
        }
    }
    match spaces_before(lower, end) {
        Spaces::From(start) => ends_with_small_count(&text[..start]),
        Spaces::Maybe => true,
        Spaces::None => false,
    }
}

/// What stands before a place a pattern wants spaces before (see [`spaces_before`]).
enum Spaces {
    /// A run of ASCII spaces, from here, after an ASCII byte or the start.
    From(usize),
    /// A byte outside ASCII, right before the place or before its spaces: it may be a space.
    Maybe,
    /// Neither: no space.
    None,
}

/// The run of spaces that ends at `end` in `bytes`.
fn spaces_before(bytes: &[u8], end: usize) -> Spaces {
    let start = claim::spaces_start(bytes, end);
    match bytes[..start].last() {
        Some(b) if !b.is_ascii() => Spaces::Maybe,
        _ if start == end => Spaces::None,
        _ => Spaces::From(start),
    }
}

/// Whether `text` has a numeric character outside ASCII (every `\d` of another script is one).
fn has_non_ascii_digit(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(|c| !c.is_ascii() && c.is_numeric())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The marks held on the stack are those [`claim::list_marks`] finds, for texts with no
    /// colon to more than [`FEW_COLONS`], colons with and without a space after them, at the
    /// ends, and texts outside ASCII with spaced dashes.
    #[test]
    fn the_marks_held_on_the_stack_are_the_list_marks() {
        let mut texts: Vec<String> = super::super::doc::test_records(&[])
            .into_iter()
            .map(|r| r.article.text)
            .collect();
        for n in [0, 1, 2, FEW_COLONS - 1, FEW_COLONS, FEW_COLONS + 1, 3 * FEW_COLONS] {
            for piece in ["a: b", "a:b", ":", ": ", "x \u{2014} y: z", "x \u{2013} y"] {
                texts.push(piece.repeat(n));
                texts.push(format!("{}:", piece.repeat(n)));
            }
        }
        let (mut few, mut many) = (0, 0);
        for text in &texts {
            let (bytes, ascii) = (text.as_bytes(), text.is_ascii());
            let marks = Marks::of(bytes, ascii);
            let listed = claim::list_marks(bytes, ascii);
            assert_eq!(marks.colons(), listed.colons, "{text:?}");
            assert_eq!(marks.separators(), listed.separators, "{text:?}");
            match marks {
                Marks::Few { colons, .. } => few += usize::from(colons > 0),
                Marks::Many(_) => many += 1,
            }
        }
        assert!(few > 100 && many > 20, "{few} {many}");
    }

    /// Paragraphs of the bundled corpus and of generated articles, and variants with the words
    /// the shortcut looks for.
    fn paragraphs() -> Vec<String> {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut texts: Vec<String> = std::fs::read_dir(corpus)
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
            .collect();
        let options = crate::gen::Options {
            articles: 300,
            ..Default::default()
        };
        texts.extend(crate::gen::generate(&options).map(|g| g.body));
        let mut out: Vec<String> = texts
            .iter()
            .flat_map(|t| t.split("\n\n").map(str::to_owned).collect::<Vec<_>>())
            .collect();
        out.extend(
            [
                "Google received three requests. In two cases it gave data; in the third case it did not.",
                "It got four orders. In two of them it complied, and in the other two it refused.",
                "It got four orders. In ſix cases it complied.",
                "It got four orders. In two cases it complied, in ſix cases it did not.",
                "It got four orders. In \u{663} cases it complied.",
                "It got three requests. In two CASES it complied, in the Last one it did not.",
                "It got three requests. In two caſes it complied, in the laſt one it did not.",
                "It got three demands. For one of those it complied; for the remaining two it did not.",
                "It got three orders. In two cases it complied, in \u{663} cases it did not.",
                "M\u{fc}ller got three requests. In two cases it complied; in the other case it did not.",
                "It got three requests \u{2014} in two cases it complied, in the last case it did not.",
                "It got three requests. In two\u{a0}cases it complied, in the last one it did not.",
                "It got three requests. For 2 of\u{2003}those it complied; for the remaining one it did not.",
                "It got three requests. In two of\u{a0} them it complied; in the final one it did not.",
                "It got three requests. In two\u{a0}of them it complied; in the final one it did not.",
                "It got three requests. In two  of\tthem it complied; in the last one it did not.",
                "It got five requests. In TWELVE CASES it complied; in the other three it did not.",
                "It got three requests. In 2 instances it complied, in the third instance it did not.",
                "It got three requests. In \u{663} of these it complied, in the other case it did not.",
                "It got three requests. In two\u{a0}instances it complied; in the other it did not.",
                "It got three requests. In most of them it complied, in the other case it did not.",
                "It got three requests. In twoof them it complied, in the other case it did not.",
                "It got three requests. In two xof them it complied, in the other case it did not.",
                "It got three requests. In 123 cases it complied, in the other case it did not.",
            ]
            .map(str::to_owned),
        );
        out
    }

    /// A count further back than the list pattern reads, before a colon or a list between
    /// dashes, is checked against the names listed; a relative clause after the last name is no
    /// item, and a list that counts right is no finding.
    #[test]
    fn a_list_whose_count_stands_further_back_is_checked() {
        let found = |text: &str| {
            let record = super::super::doc::test_record(text);
            let doc = Doc::new(&record);
            check(&doc, &[]).into_iter().map(|f| f.message).collect::<Vec<_>>()
        };
        assert_eq!(
            found(
                "We asked four other makers of cameras \u{2014} Google, Arlo, Wyze, Eufy and SimpliSafe \
                 \u{2014} whether they would."
            ),
            ["The article announces \"four other makers\" but then lists 5: Google, Arlo, Wyze, Eufy and SimpliSafe."]
        );
        assert_eq!(
            found(
                "Only three of the apps we reviewed publish figures on requests: Flo, Clue, Oura and \
                 Fitbit, whose numbers are folded into Google's."
            ),
            ["The article announces \"three of the apps\" but then lists 4: Flo, Clue, Oura and Fitbit."]
        );
        let right = "They came from five of the 14 countries where it operates: Nigeria, Tanzania, Chad, \
                     Gabon and the Democratic Republic of Congo.";
        assert_eq!(found(right), Vec::<String>::new());
        // domains' names are named things, their dots no stop; a word may stand before the noun
        let domains = "Among those seized were four of the best-known platforms: zdstresser.net, \
                       orbitalstress.xyz and starkstresser.net. Visitors see a splash page.";
        assert_eq!(
            found(domains),
            [
                "The article announces \"four of the best-known platforms\" but then lists 3: zdstresser.net, \
              orbitalstress.xyz and starkstresser.net."
            ]
        );
        assert_eq!(found(&domains.replace("four", "three")), Vec::<String>::new());
        // a list of kinds may be of common nouns, with one "and", its last
        let kinds = "It pointed to three kinds of scam in which reports jumped: phishing, job scams, \
                     identity theft and payment redirection.";
        assert_eq!(
            found(kinds),
            [
                "The article announces \"three kinds\" but then lists 4: phishing, job scams, identity theft \
              and payment redirection."
            ]
        );
        assert_eq!(found(&kinds.replace("three", "four")), Vec::<String>::new());
        // the "2" of "€1.2 billion:" is no count
        assert_eq!(
            found("The largest fines were these. €1.2 billion: Meta, Ireland, May 2023."),
            Vec::<String>::new()
        );
        let compound = "It acted in three kinds of case where it had been told: terrorist and violent \
                        extremist content, intimate imagery, and hate speech and harassment.";
        assert_eq!(found(compound), Vec::<String>::new());
    }

    #[test]
    fn sentences_without_a_count_before_a_colon_have_no_list() {
        let written = [
            "It named four countries: Germany, France and Brazil.",
            "It named 4 big new kinds  :\u{a0}police, courts and tax agencies.",
            "It named (Three) kinds: police, courts and tax agencies.",
            "It named x-12 kinds: police, courts and tax agencies.",
            "It named x12 kinds: police, courts and tax agencies.",
            "It named 123 kinds: police, courts and tax agencies.",
            "It named \u{663} kinds: police, courts and tax agencies.",
            "It named ſix kinds: police, courts and tax agencies.",
            "It named someone kinds: police, courts.",
            "It named ELEVEN kinds of big new: police, courts.",
            "It named two kinds of big new things: police, courts.",
            "Lee said: \"Three of them: police, courts and tax agencies.\"",
        ];
        let mut found = 0;
        for record in super::super::doc::test_records(&written) {
            let doc = Doc::new(&record);
            let colons: Vec<usize> = memchr::memchr_iter(b':', doc.text.as_bytes()).collect();
            for s in doc.sentences {
                let lists = claim::list_enumerations(s.of(doc.text));
                found += lists.len();
                let first = colons.partition_point(|&c| c < s.start);
                assert!(
                    may_announce_list(&doc, &colons[first..], *s) || lists.is_empty(),
                    "{:?}",
                    s.of(doc.text)
                );
            }
        }
        assert!(found >= 8, "{found}");
        assert!(!count_and_words_end("Lee said"));
        assert!(!count_and_words_end("It named x12 kinds"));
        assert!(count_and_words_end("It named x-12 kinds"));
        assert!(count_and_words_end("It named Eleven big new kinds \u{a0}"));
        assert!(!count_and_words_end("It named eleven very big new kinds"));
    }

    /// The units `for_units_holding` meets are those that hold a place (forward
    /// units, overlapping or empty among them), and every unit otherwise.
    #[test]
    fn the_units_met_are_those_holding_a_place() {
        let mut seed: u64 = 88172645463325252;
        let mut r = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed as usize) % n.max(1)
        };
        for _ in 0..100_000 {
            let (mut start, mut end, mut units) = (0, 0, Vec::new());
            for _ in 0..r(6) {
                start += r(4);
                end = end.max(start) + r(5);
                units.push(Span::new(start, end));
            }
            let mut a: Vec<usize> = (0..r(5)).map(|_| r(30)).collect();
            let mut b: Vec<usize> = (0..r(5)).map(|_| r(30)).collect();
            a.sort();
            b.sort();
            let places: Vec<usize> = merged(a.iter().copied(), b.iter().copied()).collect();
            let mut met = Vec::new();
            for_units_holding(&units, true, places.iter().copied(), |k| met.push(k));
            let holding: Vec<usize> = (0..units.len())
                .filter(|&k| places.iter().any(|&p| units[k].start <= p && p < units[k].end))
                .collect();
            assert_eq!(met, holding, "{units:?} {places:?}");
            met.clear();
            for_units_holding(&units, false, places.iter().copied(), |k| met.push(k));
            let all: Vec<usize> = if places.is_empty() {
                Vec::new()
            } else {
                (0..units.len()).collect()
            };
            assert_eq!(met, all);
        }
    }

    #[test]
    fn the_forward_walk_finds_what_a_binary_search_finds() {
        // The colons of real and generated articles against their sentences' and paragraphs'
        // starts, in text order, backwards, and in a made-up order that goes back now and then.
        let (mut asked, mut moved_back, mut before_a_colon) = (0, 0, 0);
        for record in super::super::doc::test_records(&[]) {
            let doc = Doc::new(&record);
            let colons: Vec<usize> = memchr::memchr_iter(b':', doc.text.as_bytes()).collect();
            let starts: Vec<usize> = doc.sentences.iter().chain(doc.paragraphs).map(|s| s.start).collect();
            let mut backwards = starts.clone();
            backwards.reverse();
            let mut forward = Forward::default();
            for &start in starts
                .iter()
                .chain(&backwards)
                .chain(&[0, 5, 3, 100, 99, usize::MAX, 7])
            {
                moved_back += usize::from(start < forward.start);
                let expected = colons.partition_point(|&c| c < start);
                assert_eq!(forward.first_from(&colons, start, |&c| c), expected, "{start}");
                asked += usize::from(expected > 0);
                before_a_colon += usize::from(expected < colons.len());
            }
        }
        assert!(
            asked >= 2_000 && moved_back >= 3_000 && before_a_colon >= 2_000,
            "{asked} {moved_back} {before_a_colon}"
        );
    }

    #[test]
    fn a_small_count_is_read_at_the_end_as_by_looking_for_each_word() {
        let mut texts = paragraphs();
        texts.extend(
            [
                "In TWELVE",
                "in x12",
                "in _two",
                "in x-12",
                "in 7",
                "in 123",
                "in \u{663}",
                "in ſix",
                "in é12",
                "in éseven",
                "in 0",
                "in 1_",
                "threE",
                "twelves",
                "atwo",
                "",
                "9",
            ]
            .map(str::to_owned),
        );
        let (mut cases, mut counts, mut words) = (0, 0, 0);
        for t in &texts {
            for end in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let text = &t[..end];
                let small = ends_with_small_count(text);
                assert_eq!(small, ends_with_small_count_by_words(text), "{text:?}");
                cases += 1;
                counts += usize::from(small);
                words += usize::from(small && text.ends_with(|c: char| c.is_ascii_alphabetic()));
            }
        }
        assert!(
            cases >= 100_000 && counts >= 1000 && words >= 200,
            "{cases} {counts} {words}"
        );
    }

    #[test]
    fn paragraphs_without_the_words_have_no_case_breakdown() {
        let paragraphs = paragraphs();
        let (mut found, mut found_outside_ascii, mut spared_by_count) = (0, 0, 0);
        for p in &paragraphs {
            let enumerations = claim::case_enumerations(p);
            found += enumerations.len();
            let lower = p.to_ascii_lowercase();
            let odd_folds = p.contains(['\u{17F}', '\u{212A}']);
            let may = may_break_cases_down(p, lower.as_bytes(), odd_folds);
            assert!(may || enumerations.is_empty(), "{p:?}");
            if !p.is_ascii() && !odd_folds {
                found_outside_ascii += enumerations.len();
            }
            // Paragraphs with the words of both parts that no count before the first spares.
            let words = COUNTED_PART_WORDS.any_in(lower.as_bytes()) && CLOSING_PART_WORDS.any_in(lower.as_bytes());
            spared_by_count += usize::from(words && !may);
        }
        assert!(found >= 12, "the test texts hold breakdowns ({found})");
        assert!(found_outside_ascii >= 6, "({found_outside_ascii})");
        assert!(spared_by_count >= 100, "({spared_by_count})");
    }

    #[test]
    fn the_words_found_in_the_whole_text_are_those_of_each_paragraph() {
        let paragraphs = paragraphs();
        // Paragraphs in one text, some cut inside a word ("the|m", "ca|ses").
        let joined = [
            paragraphs.join("\n\n"),
            "In two of the\n\nm: ca\n\nses and the other case.".to_owned(),
        ];
        let mut held = 0;
        for record in super::super::doc::test_records(&joined.iter().map(String::as_str).collect::<Vec<_>>()) {
            let doc = Doc::new(&record);
            let counted = COUNTED_PART_WORDS.spans_in(doc.lowercased_text());
            let mut spans: Vec<Span> = doc.paragraphs.to_vec();
            // Parts that start or end inside words too.
            spans.extend(
                doc.paragraphs
                    .iter()
                    .map(|p| Span::new(p.start + 1, p.end.max(p.start + 1))),
            );
            spans.extend(
                (0..doc.text.len())
                    .step_by(7)
                    .map(|i| Span::new(i, (i + 13).min(doc.text.len()))),
            );
            // The matches of the whole text inside a part are the part's own (the words cannot
            // overlap).
            for p in spans {
                let alone: Vec<Span> = COUNTED_PART_WORDS
                    .spans_in(doc.lowercased(p))
                    .iter()
                    .map(|m| Span::new(p.start + m.start, p.start + m.end))
                    .collect();
                let inside: Vec<Span> = counted.iter().copied().filter(|m| p.contains(*m)).collect();
                assert_eq!(inside, alone, "{:?}", p.of(doc.text));
                held += alone.len();
            }
            for p in doc.paragraphs {
                let first = counted.partition_point(|m| m.start < p.start);
                assert_eq!(
                    may_break_cases_down_at(&doc, &counted[first..], *p),
                    may_break_cases_down(p.of(doc.text), doc.lowercased(*p), doc.has_odd_folds()),
                    "{:?}",
                    p.of(doc.text)
                );
            }
        }
        assert!(held >= 100, "{held}");
    }
}
