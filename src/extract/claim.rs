//! Textual claims the consistency rules need besides the figures themselves: stated directions
//! ("down from"), change amounts ("up 15 percent from"), ratio words ("more than doubled"),
//! complements ("the remaining 97 percent"), shares of a total ("52 percent of them, or 12,627"),
//! announced counts and their enumerations ("four countries: Germany, France and Brazil"), country
//! qualifiers ("from US law enforcement") and the report period a lede announces.
//!
//! Every function here looks at a short piece of text handed to it by the caller; none of them
//! scans a whole article more than once.

use super::figure::Direction;
use crate::extract::pattern::Pattern;
use crate::read::Span;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Whether `b` is a space to `\s` on ASCII text (`char::is_whitespace` of an ASCII byte).
#[inline]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    ASCII_SPACES[usize::from(b)]
}

/// [`is_ascii_space`] of every byte: one load where two comparisons were (generated text 116.73
/// → 116.09 instructions a byte, in the loops that read spaces back and forth).
static ASCII_SPACES: [bool; 256] = bytes_matching!(b'\t'..=b'\r' | b' ');

/// Where the run of ASCII spaces that starts at `at` in `bytes` ends (a loop of the bytes, like
/// [`spaces_start`]).
#[inline]
pub(crate) fn spaces_end(bytes: &[u8], at: usize) -> usize {
    let mut end = at;
    while end < bytes.len() && is_ascii_space(bytes[end]) {
        end += 1;
    }
    end
}

/// Where the run of ASCII spaces that ends at `end` in `bytes` starts. Most runs are of one
/// space or none: a loop of the bytes, where the reversed counting iterator cost about twice the
/// instructions.
#[inline]
pub(crate) fn spaces_start(bytes: &[u8], end: usize) -> usize {
    let bytes = &bytes[..end];
    let mut start = end;
    while start > 0 && is_ascii_space(bytes[start - 1]) {
        start -= 1;
    }
    start
}

/// `text` without its trailing white space, as [`str::trim_end`] gives it: the run of ASCII
/// spaces that ends it found by its bytes ([`spaces_start`]), and the characters read only where
/// a byte outside ASCII stands before that run (it may be white space: a no-break space). The
/// words before a figure are trimmed several times a figure, and `trim_end` decodes each
/// character it reads: some 35 instructions a call.
#[inline]
pub(crate) fn trim_end_spaces(text: &str) -> &str {
    let bytes = text.as_bytes();
    let end = spaces_start(bytes, bytes.len());
    match end.checked_sub(1).map(|last| bytes[last]) {
        Some(b) if !b.is_ascii() => text.trim_end(),
        // (`end` follows an ASCII byte or is 0: a char boundary)
        _ => &text[..end],
    }
}

/// For the sixteen bytes of `bytes` from `at` (past its end, spaces), bit `k` of the low half
/// for each byte `k` that is an ASCII space ([`is_ascii_space`]), of the high half for each
/// byte outside ASCII.
#[inline]
pub(crate) fn spaces_and_outside_of_sixteen(bytes: &[u8], at: usize) -> (u32, u32) {
    let mask = crate::extract::lanes::mask_of_sixteen_from(bytes, at, b' ', spaces_and_outside);
    (mask & 0xFFFF, mask >> 16)
}

/// Bit `k` of the low half for each byte `k` of `sixteen` that is an ASCII space, of the high
/// half for each byte outside ASCII.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn spaces_and_outside(sixteen: &[u8; 16]) -> u32 {
    // SAFETY: SSE2 is part of every x86-64 processor (a baseline feature of the target).
    unsafe { spaces_and_outside_by_sse2(sixteen) }
}

/// [`spaces_and_outside`] by SSE2: each kind of space a range of bytes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn spaces_and_outside_by_sse2(sixteen: &[u8; 16]) -> u32 {
    use crate::extract::lanes::{ascii_spaces, lanes};
    use std::arch::x86_64::_mm_movemask_epi8;
    let v = lanes(sixteen);
    (_mm_movemask_epi8(ascii_spaces(v)) as u32 & 0xFFFF) | (_mm_movemask_epi8(v) as u32) << 16
}

/// [`spaces_and_outside`] elsewhere.
#[cfg(not(target_arch = "x86_64"))]
fn spaces_and_outside(sixteen: &[u8; 16]) -> u32 {
    spaces_and_outside_by_bytes(sixteen)
}

/// [`spaces_and_outside`] a byte at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn spaces_and_outside_by_bytes(sixteen: &[u8; 16]) -> u32 {
    sixteen.iter().enumerate().fold(0, |mask, (k, &b)| {
        mask | u32::from(is_ascii_space(b)) << k | u32::from(!b.is_ascii()) << (16 + k)
    })
}

/// Where the ASCII spaces that end `bytes` start, and where the ASCII letters and digits that
/// end right before them start (`(words_end, word_start)`), read a byte at a time: the word
/// before a figure or a period, read back.
#[inline]
pub(crate) fn word_by_bytes(bytes: &[u8]) -> (usize, usize) {
    let words_end = spaces_start(bytes, bytes.len());
    let letters = bytes[..words_end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    (words_end, words_end - letters)
}

/// Where the run of ASCII letters that starts at `at` in `bytes` ends.
#[inline]
pub(crate) fn letters_end(bytes: &[u8], at: usize) -> usize {
    at + bytes[at..].iter().take_while(|b| b.is_ascii_alphabetic()).count()
}

/// [`letters_end`] read eight bytes at a time (`quote::hand::capitals` of the bytes with their
/// case bit cleared marks the letters), for runs that are often several letters long.
#[inline]
pub(crate) fn letters_end_by_eight(bytes: &[u8], mut at: usize) -> usize {
    const CASE: u64 = 0x2020_2020_2020_2020;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(eight) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let letters = crate::extract::quote::hand::capitals(u64::from_le_bytes(*eight) & !CASE);
        let run = (!letters & HIGH).trailing_zeros() as usize / 8;
        at += run;
        if run < 8 {
            return at;
        }
    }
    letters_end(bytes, at)
}

/// Where the run of ASCII letters that ends at `end` in `bytes` starts.
#[inline]
pub(crate) fn letters_start(bytes: &[u8], end: usize) -> usize {
    end - bytes[..end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count()
}

/// The words of `text` between whitespace, as `str::split_whitespace` gives them. On ASCII text
/// (every measure, nearly every text after one) the words are cut at the ASCII spaces by their
/// bytes, which are all the whitespace there is: the char-by-char split cost more than the rest
/// of the functions that read a measure.
fn words_of(text: &str) -> Words<'_> {
    if text.is_ascii() {
        Words::Ascii { text, at: 0 }
    } else {
        Words::Unicode(text.split_whitespace())
    }
}

/// The iterator [`words_of`] returns.
enum Words<'t> {
    Ascii { text: &'t str, at: usize },
    Unicode(std::str::SplitWhitespace<'t>),
}

impl<'t> Iterator for Words<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        match self {
            Words::Ascii { text, at } => {
                let bytes = text.as_bytes();
                while *at < bytes.len() && is_ascii_space(bytes[*at]) {
                    *at += 1;
                }
                if *at == bytes.len() {
                    return None;
                }
                let start = *at;
                while *at < bytes.len() && !is_ascii_space(bytes[*at]) {
                    *at += 1;
                }
                Some(&text[start..*at])
            }
            Words::Unicode(words) => words.next(),
        }
    }
}

/// The last word of an ASCII `text` after the spaces that end it, lowercased (up to 16 letters;
/// "" when it is longer, when no space ends the text or no letter comes before the spaces): the
/// word an end-anchored pattern ending in `word\s+$` needs there.
#[cfg(test)]
fn last_word_before_spaces(text: &str) -> ([u8; 16], usize) {
    let bytes = text.as_bytes();
    let mut lower = [0u8; 16];
    let words_end = spaces_start(bytes, bytes.len());
    if words_end == bytes.len() {
        return (lower, 0);
    }
    let len = words_end - letters_start(bytes, words_end);
    if len > lower.len() {
        return (lower, 0);
    }
    for (l, b) in lower.iter_mut().zip(&bytes[words_end - len..words_end]) {
        *l = b.to_ascii_lowercase();
    }
    (lower, len)
}

/// Whether the last word of an ASCII `text`, before the spaces that end it, is one of `words`
/// (lowercase letters): the text before the spaces ends with the word in any case, and no letter
/// stands before it. Compared in place from the last letter, which rejects nearly every word at once.
fn ends_with_word_and_spaces(text: &str, words: &[&str]) -> bool {
    let bytes = text.as_bytes();
    let words_end = spaces_start(bytes, bytes.len());
    if words_end == bytes.len() || words_end == 0 {
        return false;
    }
    let head = &bytes[..words_end];
    let last = head[words_end - 1].to_ascii_lowercase();
    words.iter().any(|w| {
        let w = w.as_bytes();
        w.last() == Some(&last)
            && head.len() >= w.len()
            && head[head.len() - w.len()..].eq_ignore_ascii_case(w)
            && (head.len() == w.len() || !head[head.len() - w.len() - 1].is_ascii_alphabetic())
    })
}

/// [`ends_with_word_and_spaces`] as written first, for the test that the shortcut changes nothing.
#[cfg(test)]
fn ends_with_word_and_spaces_by_copy(text: &str, words: &[&str]) -> bool {
    let (lower, len) = last_word_before_spaces(text);
    len > 0 && words.iter().any(|w| w.as_bytes() == &lower[..len])
}

/// Small counts written as words, as enumerations use them ("three requests", "in two cases").
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("a single", 1),
    ("two", 2),
    ("both", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
];

/// The value of a small count written as a word or in digits ("three", "3").
pub fn small_count(word: &str) -> Option<u32> {
    // (compared in any ASCII case rather than lowercased into a copy: digits have no case)
    let w = word.trim();
    if let Ok(n) = w.parse::<u32>() {
        return Some(n);
    }
    NUMBER_WORDS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(w))
        .map(|(_, n)| *n)
}

/// The small counts written out ("three requests"), as [`SMALL`] matches them.
pub(crate) const SMALL_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

/// A small count: one or two digits, or one of [`SMALL_WORDS`] (a test holds the two together).
const SMALL: &str = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

/// Words that state the direction of a change, with the direction they state.
static DIRECTION_WORD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i)\b(?:(?P<up>{UP_WORDS_ALTERNATION})|(?P<down>{}))\b",
        DOWN_WORDS.join("|")
    ))
    .unwrap()
});

/// The alternation of [`DIRECTION_WORD`]'s group `up` (a const so that readers of the words by
/// hand are tested against it).
pub(crate) const UP_WORDS_ALTERNATION: &str = r"up|rose|rise|rising|risen|increased?|increasing|grew|grow|growing|grown|climbed?|climbing|jumped?|jumping|higher|more\s+than\s+doubled|doubled|tripled|trebled|quadrupled|surged?|soared?";

/// The last direction word in `text`, with its span, if any.
pub fn last_direction(text: &str) -> Option<(Direction, Span)> {
    let last = DIRECTION_WORD.find_iter(text).last()?;
    // An ASCII match is one of the pattern's words in some case, and the words of a fall are
    // not words of a rise: which group matched is read off the words, without a capture search.
    if last.as_str().is_ascii() {
        let dir = if is_down_word(last.as_str()) {
            Direction::Down
        } else {
            Direction::Up
        };
        return Some((dir, Span::new(last.start(), last.end())));
    }
    last_direction_by_groups(text, last.start())
}

/// The words of a fall, group `down` of [`DIRECTION_WORD`]. (Each is matched whole, with `\b`
/// after it, so their order does not change which one matches.)
pub(crate) const DOWN_WORDS: &[&str] = &[
    "down",
    "fell",
    "fall",
    "falling",
    "fallen",
    "decrease",
    "decreased",
    "decreasing",
    "decline",
    "declined",
    "declining",
    "dropped",
    "drop",
    "dropping",
    "dipped",
    "lower",
    "halved",
    "shrank",
    "shrunk",
];

/// Whether an ASCII match of [`DIRECTION_WORD`] is one of the words of its group `down`.
fn is_down_word(word: &str) -> bool {
    DOWN_WORDS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// The direction and span of the match of [`DIRECTION_WORD`] that starts at `start`, read from
/// its groups (with the text before it in view, for `\b`).
fn last_direction_by_groups(text: &str, start: usize) -> Option<(Direction, Span)> {
    DIRECTION_WORD.captures_at(text, start).map(|c| {
        let m = c.get(0).expect("whole match");
        let dir = if c.name("up").is_some() {
            Direction::Up
        } else {
            Direction::Down
        };
        (dir, Span::new(m.start(), m.end()))
    })
}

/// Text right before a change amount: "up 15 percent", "a rise of 3,000", "fell by about 9 percent".
static AMOUNT_BEFORE: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(AMOUNT_BEFORE_PATTERN).unwrap());

/// [`AMOUNT_BEFORE`]'s pattern (a const so that readers of its words by hand are tested against
/// it).
pub(crate) const AMOUNT_BEFORE_PATTERN: &str = r"(?i)\b(?:up|down|rose|risen|fell|fallen|increased|decreased|grew|grown|dropped|declined|climbed|jumped|(?:a|an)\s+(?:rise|increase|drop|fall|decline|jump|decrease|gain)\s+of|(?:rise|increase|drop|fall|decline|decrease)\s+of)\s+(?:by\s+)?(?:about\s+|nearly\s+|roughly\s+|some\s+|almost\s+|around\s+|more\s+than\s+)?$";

/// Whether `before` (the text right before a figure) makes that figure the size of a change.
pub fn is_change_amount(before: &str) -> bool {
    AMOUNT_BEFORE.is_match(before) && !ends_with_made_up(before)
}

/// Whether `before` ends with "made up", "makes up", "make up" or "making up", or another verb
/// whose "up" is its own ("turned up", "dug up"; not "picked up", which may be a rise), perhaps
/// with a qualifier after it, then spaces: "up" there is no rise ("made up 14 percent of",
/// "turned up 1,106 communications").
pub fn ends_with_made_up(before: &str) -> bool {
    let mut words = before.trim_end_matches(' ').rsplit(' ');
    let mut last = words.next().unwrap_or_default();
    if ["about", "nearly", "roughly", "some", "almost", "around"]
        .iter()
        .any(|q| last.eq_ignore_ascii_case(q))
    {
        last = words.next().unwrap_or_default();
    }
    last.eq_ignore_ascii_case("up")
        && words.find(|w| !w.is_empty()).is_some_and(|w| {
            [
                "made", "make", "makes", "making", "turned", "turns", "turn", "turning", "dug",
            ]
            .iter()
            .any(|m| w.eq_ignore_ascii_case(m))
        })
}

/// The nouns of change ("a 37% rise from the 851", "a modest increase on"), each with whether it
/// states a fall: one list for the extraction's comparisons, the period reader and the checks.
pub(crate) const CHANGE_NOUNS: [(&str, bool); 10] = [
    ("rise", false),
    ("increase", false),
    ("gain", false),
    ("jump", false),
    ("growth", false),
    ("climb", false),
    ("drop", true),
    ("fall", true),
    ("decline", true),
    ("decrease", true),
];

/// Whether `word` is one of [`CHANGE_NOUNS`], in any ASCII case.
pub(crate) fn is_change_noun(word: &[u8]) -> bool {
    CHANGE_NOUNS
        .iter()
        .any(|(n, _)| word.eq_ignore_ascii_case(n.as_bytes()))
}

/// Text between a change amount and the earlier value: "from", "compared with", "over", after a
/// noun of change perhaps ("a 37% rise from the 851").
static FROM_BETWEEN: LazyLock<Pattern> = LazyLock::new(|| {
    let nouns: Vec<&str> = CHANGE_NOUNS.iter().map(|(n, _)| *n).collect();
    Pattern::new(&format!(
        r"(?i)^\s*,?\s*(?:(?:{})\s+)?(?:from|compared\s+(?:with|to)|over|on|against)\s+(?:the\s+)?(?:about\s+|nearly\s+|roughly\s+|some\s+)?$",
        nouns.join("|")
    ))
    .unwrap()
});

/// Whether the text between an amount and a figure makes the figure the earlier value.
pub fn is_from_between(between: &str) -> bool {
    FROM_BETWEEN.is_match(between)
}

/// "up from", "down sharply from": a direction word right before the earlier value.
static DIRECTION_FROM: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)\b(?:up|down|higher|lower|rising|falling|increasing|decreasing)\s+(?:\w+ly\s+)?from\s+(?:about\s+|nearly\s+|roughly\s+|some\s+)?$")
        .unwrap()
});

/// Whether the text before a figure makes it the earlier value of a stated direction ("up from").
pub fn is_direction_from(before: &str) -> bool {
    DIRECTION_FROM.is_match(before)
}

/// Text between an amount and the new value: "rose 15 percent to 81,311".
static TO_BETWEEN: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^\s*,?\s*to\s+(?:about\s+|nearly\s+|roughly\s+|some\s+)?$").unwrap());

/// Whether the text between an amount and a figure makes the figure the new value.
pub fn is_to_between(between: &str) -> bool {
    TO_BETWEEN.is_match(between)
}

/// "from 91 to 108", "from 100 in 2012 to 350 in 2014": the text between two values of a change
/// written in time order.
static FROM_TO_BETWEEN: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^[^.;]{0,30}?\bto\s+(?:about\s+|nearly\s+|roughly\s+|some\s+)?$").unwrap());
static FROM_BEFORE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)\bfrom\s+(?:about\s+|nearly\s+|roughly\s+|some\s+)?$").unwrap());

/// Whether the text before a figure ends with "from" (perhaps "from about"): "up 9 percent from
/// 3,887".
pub fn follows_from(before: &str) -> bool {
    FROM_BEFORE.is_match(before)
}

/// Whether a change is written "from A to B", given the text before A and between A and B.
pub fn is_from_to(before_first: &str, between: &str) -> bool {
    FROM_BEFORE.is_match(before_first) && FROM_TO_BETWEEN.is_match(between)
}

/// "to 2,493 from 1,072", "to 117 in 2016 from 38 in 2014": the text between two values of a
/// change written newer first (only the newer value's period may stand between them: "to 350
/// and write speeds increased from 1,200" is two changes), and the text before the newer one.
static TO_FROM_BETWEEN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)^\s*(?:in\s+[a-z0-9\s-]{1,30}?\s*)?,?\s*from\s+(?:the\s+)?(?:about\s+|nearly\s+|roughly\s+|some\s+)?$",
    )
    .unwrap()
});
static TO_BEFORE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)\bto\s+(?:about\s+|nearly\s+|roughly\s+|some\s+)?$").unwrap());

/// Whether a change is written "to B from A" (the newer value first), given the text before B
/// and between B and A.
pub fn is_to_from(before_first: &str, between: &str) -> bool {
    TO_BEFORE.is_match(before_first) && TO_FROM_BETWEEN.is_match(between)
}

/// A sentence that refers back to the previous figure: "That was up 12 percent from ...".
static ANAPHORIC_START: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)^(?:that|this|it|the\s+(?:figure|total|number|count))\s+(?:was|is|marks|represents|represented)\b",
    )
    .unwrap()
});

/// Whether a sentence opens by referring back to the previous figure.
pub fn refers_back(sentence: &str) -> bool {
    ANAPHORIC_START.is_match(sentence)
}

/// What a ratio word claims: the ratio of the new value to the old one lies in `low..=high`.
#[derive(Debug, Clone, PartialEq)]
pub struct RatioClaim {
    /// The words as written ("more than doubled").
    pub text: String,
    /// Where they are, relative to the searched text.
    pub span: Span,
    /// Smallest ratio the words allow.
    pub low: f64,
    /// Largest ratio the words allow.
    pub high: f64,
    /// Whether a qualifier ("about", "nearly", "roughly") makes the words loose.
    pub loose: bool,
}

/// "more than doubled", "nearly quadrupled", "tripled", "halved", "twice as many".
static RATIO_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)\b(?P<q>more\s+than|over|nearly|almost|roughly|about|close\s+to|just\s+under|less\s+than|not\s+quite)?\s*\b(?P<w>doubled|double|tripled|triple|trebled|quadrupled|quadruple|halved|twice|three\s+times|four\s+times)\b",
    )
    .unwrap()
});

/// The ratio words of `text`, in order.
pub fn ratio_claims(text: &str) -> Vec<RatioClaim> {
    RATIO_WORDS
        .captures_iter(text)
        // a ratio word hyphenated to the next is an adjective: "twice-yearly", "double-digit"
        .filter(|c| !text[c.get(0).expect("whole match").end()..].starts_with('-'))
        .map(|c| {
            let m = c.get(0).expect("whole match");
            let w = c["w"].to_ascii_lowercase();
            let factor = if w.starts_with("doub") || w == "twice" {
                2.0
            } else if w.starts_with("tri") || w.starts_with("tre") || w.starts_with("three") {
                3.0
            } else if w.starts_with("quad") || w.starts_with("four") {
                4.0
            } else {
                0.5
            };
            let (low, high, loose) = ratio_bounds(factor, c.name("q").map(|q| q.as_str()));
            RatioClaim {
                text: m.as_str().trim().to_owned(),
                span: Span::new(m.start() + (m.as_str().len() - m.as_str().trim_start().len()), m.end()),
                low,
                high,
                loose,
            }
        })
        .collect()
}

/// What ratio words with an optional qualifier allow: plain "doubled" is within 5 percent of the
/// factor, "more than" and "less than" open one side, "nearly" and "about" are loose.
fn ratio_bounds(factor: f64, qualifier: Option<&str>) -> (f64, f64, bool) {
    // compared in any ASCII case with one space between words: a qualifier written so (nearly
    // every one) as it stands
    let joined;
    let qualifier = match qualifier {
        Some(q) if !is_single_spaced(q.as_bytes(), true) => {
            joined = q.split_whitespace().collect::<Vec<_>>().join(" ");
            Some(joined.as_str())
        }
        q => q,
    };
    let is_any = |q: &str, phrases: &[&str]| phrases.iter().any(|p| q.eq_ignore_ascii_case(p));
    match qualifier {
        Some(q) if is_any(q, &["more than", "over", "just over"]) => (factor, f64::INFINITY, false),
        Some(q) if is_any(q, &["less than", "not quite", "just under"]) => (0.0, factor, false),
        Some(q) if is_any(q, &["nearly", "almost", "close to"]) => (factor * 0.85, factor, true),
        Some(_) => (factor * 0.85, factor * 1.15, true),
        None => (factor * 0.95, factor * 1.05, false),
    }
}

/// "about half as many as those from the United States": a figure compared with another one by
/// a ratio, as the pattern reads it from the figure on. The tests' reference: the search runs
/// [`AS_MANY_AS_WORDS`] unanchored ([`AS_MANY_AS_ANYWHERE`]).
#[cfg(test)]
static AS_MANY_AS: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(&format!("^[^.;]{{0,40}}?{AS_MANY_AS_WORDS}")).unwrap());

/// The words of `AS_MANY_AS` after its lazy start: searched for unanchored, they are found at
/// the same place with the same groups (the leftmost place where they match is the shortest
/// start the lazy prefix tries), and the search costs a fraction of the anchored one.
const AS_MANY_AS_WORDS: &str = r"\b(?P<w>(?P<q>about|nearly|almost|roughly|more\s+than|less\s+than|over|just\s+over|just\s+under|some)?\s*\b(?P<r>half|twice|three\s+times|four\s+times|a\s+third|one\s+third|a\s+quarter)\s+as\s+(?:many|much|large|high)\s+as)\s+(?:those|that|the\s+number|the\s+\w+)?\s*(?:from|in|by|of)\s+(?:the\s+)?(?P<c>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*)";

/// [`AS_MANY_AS_WORDS`] unanchored.
static AS_MANY_AS_ANYWHERE: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(AS_MANY_AS_WORDS).unwrap());

/// A figure stated as a ratio of the figure for a country ("about half as many as those from
/// the United States").
#[derive(Debug, Clone, PartialEq)]
pub struct AsManyAs {
    /// The ratio words ("about half as many as").
    pub text: String,
    /// Where they are, relative to the searched text.
    pub span: Span,
    /// Smallest ratio the words allow.
    pub low: f64,
    /// Largest ratio the words allow.
    pub high: f64,
    /// Whether a qualifier makes the words loose.
    pub loose: bool,
    /// The country the other figure is for, canonical ("US").
    pub country: String,
}

/// The "as many as" comparison right after a figure, if any.
pub fn as_many_as(after: &str) -> Option<AsManyAs> {
    if !may_say_as_many_as(after) {
        return None;
    }
    let g = as_many_as_by_hand(after).or_else(|| as_many_as_captures(after).map(|c| AsManyAsGroups::of(&c)))?;
    let first = g.r.split_whitespace().next().unwrap_or("");
    let is = |word: &str| first.eq_ignore_ascii_case(word);
    let factor = if is("half") {
        0.5
    } else if is("twice") {
        2.0
    } else if is("three") {
        3.0
    } else if is("four") {
        4.0
    } else if (is("a") || is("one")) && ends_with_ignoring_ascii_case(g.r, "third") {
        1.0 / 3.0
    } else {
        0.25
    };
    let (_, country) = country_matches(g.c).next()?;
    let (low, high, loose) = ratio_bounds(factor, g.q);
    Some(AsManyAs {
        text: after[g.start..g.end].to_owned(),
        span: Span::new(g.start, g.end),
        low,
        high,
        loose,
        country: country.into_owned(),
    })
}

/// What [`as_many_as`] reads of a match of `AS_MANY_AS`: where group `w` starts (spaces
/// trimmed) and ends, and groups `q`, `r` and `c`.
#[derive(Debug, PartialEq)]
struct AsManyAsGroups<'a> {
    start: usize,
    end: usize,
    q: Option<&'a str>,
    r: &'a str,
    c: &'a str,
}

impl<'a> AsManyAsGroups<'a> {
    /// The groups of a match.
    fn of(c: &regex::Captures<'a>) -> AsManyAsGroups<'a> {
        let w = c.name("w").expect("group w takes part in every match");
        AsManyAsGroups {
            start: w.start() + (w.as_str().len() - w.as_str().trim_start().len()),
            end: w.end(),
            q: c.name("q").map(|q| q.as_str()),
            r: c.name("r").map_or("", |r| r.as_str()),
            c: c.name("c").map_or("", |c| c.as_str()),
        }
    }
}

/// The groups of `AS_MANY_AS` in ASCII `after` read by hand, for the common shape ("..., about
/// half as many as those from the United States"); `None` when that is not what `after` holds
/// (the capture search then decides). Every match holds a ratio word that no qualifier can
/// hold, so the first ratio word starts the leftmost match, if any match holds it.
fn as_many_as_by_hand(after: &str) -> Option<AsManyAsGroups<'_>> {
    use crate::extract::quote::hand::is_word_byte;
    if !after.is_ascii() {
        return None;
    }
    let b = after.as_bytes();
    let (at, r_len) = (0..b.len())
        .filter(|&i| i == 0 || !is_word_byte(b[i - 1]))
        .find_map(|i| Some((i, ratio_len(&after[i..])?)))?;
    let before = &after[..at];
    let gap = before.trim_end().len();
    let word_at = before[..gap].trim_end_matches(|c: char| is_word_byte(c as u8)).len();
    let q_start = match &before[word_at..gap] {
        "about" | "nearly" | "almost" | "roughly" | "some" => Some(word_at),
        // The qualifiers of two words, and "over" that may end one, are left to the search.
        "over" | "than" | "under" => return None,
        _ => None,
    };
    // Without a qualifier, the match starts at the spaces before the ratio if a word ends there.
    let start = q_start.unwrap_or(if word_at < gap { gap } else { at });
    if start > 40 || before[..start].contains(['.', ';']) {
        return None;
    }
    let rest = spaced_word(&after[at + r_len..], &["as"])?;
    let rest = spaced_word(rest, &["many", "much", "large", "high"])?;
    let rest = spaced_word(rest, &["as"])?;
    let end = after.len() - rest.len();
    let rest = spaced_word(rest, &["those", "that"]).unwrap_or(rest);
    let rest = spaced_word(rest, &["from", "in", "by", "of"])?.trim_start();
    let rest = rest
        .strip_prefix("the")
        .filter(|r| opens_with_space(r))
        .map_or(rest, str::trim_start);
    let c_start = after.len() - rest.len();
    // Capitalised words between spaces: each a capital, then letters and dots.
    let mut c_end = c_start;
    while let Some(word) = after[c_end..]
        .trim_start()
        .strip_prefix(|c: char| c.is_ascii_uppercase())
    {
        c_end = after.len()
            - word
                .trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '.')
                .len();
    }
    (c_end > c_start).then(|| AsManyAsGroups {
        start: q_start.unwrap_or(at),
        end,
        q: q_start.map(|_| &before[word_at..gap]),
        r: &after[at..at + r_len],
        c: &after[c_start..c_end],
    })
}

/// Whether `text` opens with a space.
fn opens_with_space(text: &str) -> bool {
    text.bytes().next().is_some_and(is_ascii_space)
}

/// The length of the ratio words of [`AS_MANY_AS_WORDS`] (group `r`) that `text` opens with.
fn ratio_len(text: &str) -> Option<usize> {
    const RATIOS: [(&str, &str); 7] = [
        ("half", ""),
        ("twice", ""),
        ("three", "times"),
        ("four", "times"),
        ("a", "third"),
        ("one", "third"),
        ("a", "quarter"),
    ];
    RATIOS.iter().find_map(|(first, second)| {
        let rest = text.strip_prefix(first)?;
        let second_at = text.len() - rest.trim_start().len();
        match second.is_empty() {
            true => Some(first.len()),
            false => {
                (second_at > first.len() && text[second_at..].starts_with(second)).then_some(second_at + second.len())
            }
        }
    })
}

/// What follows one of `words` after spaces at the start of `text`, when a space follows it.
fn spaced_word<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
    let rest = text.trim_start();
    (rest.len() < text.len())
        .then(|| words.iter().find_map(|w| rest.strip_prefix(w)))
        .flatten()
        .filter(|r| opens_with_space(r))
}

/// The groups of `AS_MANY_AS` in `after`: those of the leftmost match of its words, if what
/// comes before them is what its start allows (up to 40 characters, none a "." or ";"; a later
/// match would have more before it).
fn as_many_as_captures(after: &str) -> Option<regex::Captures<'_>> {
    let c = AS_MANY_AS_ANYWHERE.captures(after)?;
    let lead = &after[..c.get(0)?.start()];
    (lead.chars().count() <= 40 && !lead.contains(['.', ';'])).then_some(c)
}

/// Whether `AS_MANY_AS` may match `after`: its ratio word and the word after "as" (case as
/// written) stand before the first "." or ";", as nothing before them may be one. Most figures
/// are followed by neither.
///
/// The words are looked for with searchers built once: a `str::contains` builds its searcher
/// on every call, which cost more than the search in these short texts.
fn may_say_as_many_as(after: &str) -> bool {
    static RATIOS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
        ["half", "twice", "times", "third", "quarter"]
            .map(memchr::memmem::Finder::new)
            .into()
    });
    static SIZES: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
        ["many", "much", "large", "high"]
            .map(memchr::memmem::Finder::new)
            .into()
    });
    let head = &after.as_bytes()[..memchr::memchr2(b'.', b';', after.as_bytes()).unwrap_or(after.len())];
    let holds_any = |finders: &[memchr::memmem::Finder]| finders.iter().any(|f| f.find(head).is_some());
    holds_any(&SIZES) && holds_any(&RATIOS)
}

/// Whether `text` names `country` (canonical, as [`canonical_country`] gives it).
pub fn mentions_country(text: &str, country: &str) -> bool {
    country_matches(text).any(|(_, named)| named == country)
}

/// "exactly half of", "a third of", "two thirds of" right before a total.
static FRACTION_OF: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)\b(?P<q>exactly|precisely|about|roughly|nearly|almost|more\s+than|less\s+than|just\s+over|just\s+under)?\s*\b(?P<f>half|a\s+third|one\s+third|one-third|a\s+quarter|one\s+quarter|two\s+thirds|two-thirds|three\s+quarters|three-quarters)\s+of\s+(?:the\s+|its\s+|all\s+)?$",
    )
    .unwrap()
});

/// A fraction word right before a total ("exactly half of 4,201 requests").
#[derive(Debug, Clone, PartialEq)]
pub struct FractionClaim {
    /// The words as written.
    pub text: String,
    /// Offset of the words from the start of the searched text.
    pub start: usize,
    /// The fraction (0.5 for "half").
    pub fraction: f64,
    /// Whether a qualifier allows an approximate reading ("about half").
    pub loose: bool,
    /// Whether it is a bound: `Some(true)` for "more than", `Some(false)` for "less than".
    pub bound: Option<bool>,
}

/// The fraction words that end `before`, if any.
pub fn fraction_before(before: &str) -> Option<FractionClaim> {
    // On ASCII text the pattern ends with "of", "the", "its" or "all" and spaces: most text
    // before a figure does not, and is spared the capture search.
    if before.is_ascii() && !ends_with_word_and_spaces(before, &["of", "the", "its", "all"]) {
        return None;
    }
    let c = FRACTION_OF.captures(before)?;
    let m = c.get(0)?;
    let f = c["f"].to_ascii_lowercase().replace('-', " ");
    let fraction = match f.split_whitespace().collect::<Vec<_>>().join(" ").as_str() {
        "half" => 0.5,
        "a third" | "one third" => 1.0 / 3.0,
        "a quarter" | "one quarter" => 0.25,
        "two thirds" => 2.0 / 3.0,
        _ => 0.75,
    };
    let q = c.name("q").map(|q| q.as_str().to_ascii_lowercase());
    let bound = match q.as_deref() {
        Some(q) if q.starts_with("more") || q.ends_with("over") => Some(true),
        Some(q) if q.starts_with("less") || q.ends_with("under") => Some(false),
        _ => None,
    };
    let loose = matches!(
        q.as_deref(),
        Some("about") | Some("roughly") | Some("nearly") | Some("almost")
    );
    let words_end = c.name("f").map_or(m.end(), |f| f.end());
    let words_start = c
        .name("q")
        .map_or_else(|| c.name("f").map_or(m.start(), |f| f.start()), |q| q.start());
    Some(FractionClaim {
        text: before[words_start..words_end].to_owned(),
        start: words_start,
        fraction,
        loose,
        bound,
    })
}

/// "the remaining", "the rest", "the other" right before a share.
static COMPLEMENT_BEFORE: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(COMPLEMENT_BEFORE_PATTERN).unwrap());

/// [`COMPLEMENT_BEFORE`]'s pattern (a const so that its reader by hand is tested against it).
pub(crate) const COMPLEMENT_BEFORE_PATTERN: &str =
    r"(?i)\b(?:remaining|rest(?:\s+of\s+the)?|the\s+other)\s+(?:about\s+|nearly\s+|roughly\s+)?$";

/// Whether a share is announced as the complement of the shares before it ("the remaining 97 percent").
pub fn is_complement(before: &str) -> bool {
    COMPLEMENT_BEFORE.is_match(before)
}

/// A colon, or words that announce a breakdown ("split", "divided", "broken down").
static BREAKDOWN_CUE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i):|\b(?:split|divided|broken\s+down|broke\s+down|breakdown)\b").unwrap());

/// Whether the text before the first share of a sentence presents what follows as a breakdown.
pub fn introduces_breakdown(before: &str) -> bool {
    BREAKDOWN_CUE.is_match(before)
}

/// Text between a share and a total: "52 percent of 20,436".
static OF_BETWEEN: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^\s+of\s+(?:the\s+|all\s+|its\s+|those\s+|these\s+)?$").unwrap());

/// Whether the text between a share and a count makes the count the share's total.
pub fn is_of_between(between: &str) -> bool {
    OF_BETWEEN.is_match(between)
}

/// Text after a share that points back to an earlier total: "of them", "of those requests".
static OF_ANAPHOR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^\s+of\s+(?:them|those|these|all\s+requests|the\s+(?:requests|total|accounts|demands|orders))\b")
        .unwrap()
});

/// Whether a share refers to an earlier total ("52 percent of them").
pub fn refers_to_earlier_total(after: &str) -> bool {
    OF_ANAPHOR.is_match(after)
}

/// "of the worldwide total", "of them": what a share is a share of.
static SHARE_BASE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^\s+of\s+(?P<b>(?:the\s+|its\s+|all\s+)?[\w-]+(?:\s+[a-z-]+)?)").unwrap());

/// What the share right before `after` is a share of, as written (in any case), if the text says.
pub fn share_base(after: &str) -> Option<&str> {
    // On ASCII text the pattern opens with spaces, "of" and a space: most text after a figure
    // does not, and is spared the capture search.
    if after.is_ascii() {
        let bytes = after.as_bytes();
        let spaces = spaces_end(bytes, 0);
        let of = bytes
            .get(spaces..spaces + 3)
            .is_some_and(|w| w[..2].eq_ignore_ascii_case(b"of") && is_ascii_space(w[2]));
        if spaces == 0 || !of {
            return None;
        }
        return share_base_after_of(after, spaces + 2);
    }
    SHARE_BASE.captures(after).and_then(|c| c.name("b")).map(|b| b.as_str())
}

/// Group `b` of [`SHARE_BASE`] on ASCII text whose spaces and "of" end at `of_end`, a space
/// after them, read as the pattern reads it (the capture search cost a hundred times more):
/// after the spaces, "the", "its" or "all" with spaces when a `[\w-]` character follows them,
/// the run of `[\w-]` characters (no match without one), and spaces and a run of `[a-z-]` (any
/// case) when they follow.
fn share_base_after_of(after: &str, of_end: usize) -> Option<&str> {
    let bytes = after.as_bytes();
    let run_end = |at: usize, keep: fn(u8) -> bool| at + bytes[at..].iter().take_while(|&&b| keep(b)).count();
    let is_word_or_dash = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    let start = spaces_end(bytes, of_end);
    let article = ["the", "its", "all"].iter().any(|a| {
        bytes
            .get(start..start + 3)
            .is_some_and(|w| w.eq_ignore_ascii_case(a.as_bytes()))
    });
    let mut word_start = start;
    if article {
        let next = spaces_end(bytes, start + 3);
        if next > start + 3 && bytes.get(next).is_some_and(|&b| is_word_or_dash(b)) {
            word_start = next;
        }
    }
    let mut end = run_end(word_start, is_word_or_dash);
    if end == word_start {
        return None;
    }
    let next = spaces_end(bytes, end);
    if next > end {
        let next_end = run_end(next, |b| b.is_ascii_alphabetic() || b == b'-');
        if next_end > next {
            end = next_end;
        }
    }
    Some(&after[start..end])
}

/// Text between a share (or its total) and the part it states: "..., or 12,627".
static OR_BETWEEN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^[^.;:]{0,60}?(?:,\s*or|\(|—|–|:)\s*(?:about\s+|some\s+|roughly\s+|nearly\s+|around\s+)?$")
        .unwrap()
});

/// Whether the text between a share and a count makes the count the part the share stands for.
pub fn is_part_between(between: &str) -> bool {
    OR_BETWEEN.is_match(between)
}

/// "7,829 requests made up 14 percent", "3,182 accounted for about": a count, then the words that
/// say the share after them is its part of a total (a few words of what it counts, then the verb).
static SHARE_VERB_BETWEEN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^(?:\s+[a-z][\w'-]*){0,4}\s+(?:made\s+up|makes?\s+up|making\s+up|accounted\s+for|accounts?\s+for|accounting\s+for|represented|represents?|representing|amounted\s+to|amounting\s+to)\s+(?:about\s+|some\s+|roughly\s+|nearly\s+|around\s+|almost\s+|just\s+(?:over|under)\s+)?$")
        .unwrap()
});

/// Whether the text between a count and the share after it makes the count the share's part
/// ("India's 7,829 requests made up 14 percent of the 81,785").
pub fn is_share_verb_between(between: &str) -> bool {
    SHARE_VERB_BETWEEN.is_match(between)
}

/// ", or 12,627", "(12,627)": the figure restates a share as a count.
static RESTATES_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)(?:,\s*or|\()\s*(?:about\s+|some\s+|roughly\s+|nearly\s+|around\s+)?$").unwrap()
});

/// Whether the text before a figure makes it a restatement of a share ("52 percent, or 12,627").
pub fn restates_share(before: &str) -> bool {
    RESTATES_BEFORE.is_match(before)
}

/// "for a total of 9,823", "in all, 4,929": the figure after it is the sum of the figures before.
static TOTAL_AFTER_PARTS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)\b(?:for\s+a\s+(?:combined\s+)?total\s+of|a\s+(?:combined\s+)?total\s+of|totall?ing|in\s+all,?|altogether,?|adding\s+up\s+to|making)\s+(?:about\s+|some\s+|roughly\s+|nearly\s+)?$")
        .unwrap()
});

/// Whether the text before a figure makes it the total of the figures before it.
pub fn totals_what_precedes(before: &str) -> bool {
    TOTAL_AFTER_PARTS.is_match(before)
}

/// "Of the 5,624 demands, ...": the figure after it is a total its sentence breaks down.
static TOTAL_BEFORE_PARTS: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)(?:^|[^\w\s]\s*|\b(?:and|but)\s+)(?:of|out\s+of)\s+(?:the|its|all|those|these)\s+$").unwrap()
});

/// Whether the text before a figure (from the start of its sentence) opens a breakdown of it.
pub fn opens_breakdown(before: &str) -> bool {
    TOTAL_BEFORE_PARTS.is_match(before)
}

/// A table row flattened into a paragraph: a label and one number or more, one a column
/// ("Turkey 477", "Total 796", "Guatemala\t2,104\t14,870").
static TABLE_ROW: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^(?P<label>[A-Z][^\d\n]{0,40}?)(?P<cells>(?:\s+(?:\d{1,3}(?:,\d{3})+|\d+))+)$").unwrap()
});

/// Labels of the row that totals a table.
static TOTAL_LABEL: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^(?:total|overall|all\s+countries|worldwide|global|sum)\b").unwrap());

/// A paragraph that is one table row: whether it is the total row, and where its numbers are,
/// one for each column.
pub fn table_row(paragraph: &str) -> Option<(bool, Vec<Span>)> {
    let row = paragraph.trim_end();
    // A row starts with a capital and ends with a digit (`char::is_numeric` holds for every
    // `\d`): most paragraphs are spared the capture search.
    if !row.starts_with(|c: char| c.is_ascii_uppercase()) || !row.ends_with(char::is_numeric) {
        return None;
    }
    let c = TABLE_ROW.captures(row)?;
    let cells = c.name("cells")?;
    // each cell's place in the row: its offset in the cells' text, where the cells start
    let text = cells.as_str();
    let spans = text
        .split_whitespace()
        .map(|cell| {
            let start = cells.start() + (cell.as_ptr() as usize - text.as_ptr() as usize);
            Span::new(start, start + cell.len())
        })
        .collect();
    Some((TOTAL_LABEL.is_match(&c["label"]), spans))
}

/// "Together with the": the figure after it is added to another to make a total.
static TOGETHER_WITH: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)\b(?:together\s+with|added\s+to|along\s+with)\s+(?:the\s+)?$").unwrap());
/// "..., that took the company's total for 2015 to": the figure after it is that total.
static TOOK_TOTAL_TO: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)\b(?:took|brought|pushed|put|raised|lifted|made)\b[^.;]{0,60}?\btotal\b[^.;]{0,40}?\bto\s+(?:about\s+|some\s+|nearly\s+)?$")
        .unwrap()
});

/// Whether a figure is added to another to make a total ("Together with the 4,363 it received in
/// the first half, that took the total for the year to 9,823"), given the text before the part
/// and the text between the part and the total.
pub fn adds_up_to(before_part: &str, between: &str) -> bool {
    TOGETHER_WITH.is_match(before_part) && TOOK_TOTAL_TO.is_match(between)
}

/// "17,577 of the requests": a figure followed by a partitive is a part of a larger quantity.
static PARTITIVE_AFTER: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^\s+(?:of\s+(?:the|them|those|these|its|their|all)\b|were\b|was\b)").unwrap());

/// Where the capitalised name after " on ", " from ", " at " or " in " right after a figure is
/// (`after` is the text after it), as a range of `after`: "3,417 concerned posts on Twitter,
/// 1,743 on Facebook", "1,200 in Germany". The owner of the figure, or the place its list item
/// is of.
pub(crate) fn name_after_preposition(after: &str) -> Option<std::ops::Range<usize>> {
    let bytes = after.as_bytes();
    // a space and a lowercase "o", "f", "a" or "i" first: most figures are followed by a noun
    if bytes.first() != Some(&b' ') || !matches!(bytes.get(1), Some(b'o' | b'f' | b'a' | b'i')) {
        return None;
    }
    let from = [&b" on "[..], b" from ", b" at ", b" in "]
        .iter()
        .find(|w| bytes.starts_with(w))
        .map(|w| w.len())?;
    if !bytes.get(from).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let to = from + bytes[from..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    Some(from..to)
}

/// Whether the text after a figure makes it a part of a larger quantity rather than the quantity.
pub fn is_partitive(after: &str) -> bool {
    PARTITIVE_AFTER.is_match(after)
}

/// Countries and their adjectives, for telling country breakdowns apart from totals.
static COUNTRY: LazyLock<Pattern> = LazyLock::new(|| {
    let names: Vec<String> = COUNTRY_NAMES
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect();
    Pattern::new(&format!(r"\b(?P<c>{})\b", names.join("|"))).unwrap()
});

/// The countries [`COUNTRY`] finds, in its order (a space stands for any run of whitespace).
const COUNTRY_NAMES: &[&str] = &[
    "United States",
    "U.S.",
    "US",
    "American",
    "Germany",
    "German",
    "France",
    "French",
    "United Kingdom",
    "UK",
    "U.K.",
    "British",
    "India",
    "Indian",
    "Japan",
    "Japanese",
    "Taiwan",
    "Taiwanese",
    "Brazil",
    "Brazilian",
    "Turkey",
    "Turkish",
    "Russia",
    "Russian",
    "Australia",
    "Australian",
    "Canada",
    "Canadian",
    "Italy",
    "Italian",
    "Spain",
    "Spanish",
    "Mexico",
    "Mexican",
];

/// The matches of [`COUNTRY`] in `text` (where each is) and the countries they name, canonical
/// ([`canonical_country`]): read by hand on ASCII text ([`country_match_ascii`]), searched
/// otherwise.
fn country_matches(text: &str) -> impl Iterator<Item = (Span, Cow<'static, str>)> + '_ {
    let mut searched = (!text.is_ascii()).then(|| COUNTRY.find_iter(text));
    let mut at = 0;
    std::iter::from_fn(move || match &mut searched {
        Some(matches) => matches
            .next()
            .map(|m| (Span::new(m.start(), m.end()), Cow::Owned(canonical_country(m.as_str())))),
        None => {
            let (start, end, name) = country_match_ascii(text.as_bytes(), at)?;
            at = end;
            Some((Span::new(start, end), Cow::Borrowed(country_of_single_spaced(name))))
        }
    })
}

/// The leftmost match of [`COUNTRY`] in ASCII `bytes` that starts at or after `at` (the bytes
/// before `at` still count for `\b`), and the name of [`COUNTRY_NAMES`] it is. Every name starts
/// with a capital: the capitals that start a word are found sixteen bytes at a time, and at
/// each the names with its initial are tried in the pattern's order, the first that matches (a
/// space of the name standing for a run of spaces, a word boundary after it) being the match.
fn country_match_ascii(bytes: &[u8], at: usize) -> Option<(usize, usize, &'static str)> {
    use crate::extract::quote::hand::{ascii_capitals_of_16, is_word_byte};
    let mut i = at;
    while i < bytes.len() {
        let found = crate::extract::lanes::mask_of_sixteen_from(bytes, i, 0, ascii_capitals_of_16);
        if found == 0 {
            i += 16;
            continue;
        }
        i += found.trailing_zeros() as usize;
        if i == 0 || !is_word_byte(bytes[i - 1]) {
            let names = &COUNTRY_NAMES_BY_INITIAL[usize::from(bytes[i] - b'A')];
            if let Some((end, name)) = names.iter().find_map(|n| Some((name_end_at(bytes, i, n)?, *n))) {
                return Some((i, end, name));
            }
        }
        i += 1;
    }
    None
}

/// Where `name` (a country name) ends when it stands at `at` of ASCII `bytes` as [`COUNTRY`]
/// matches it: its bytes, a run of spaces for each space, and a word boundary after it.
fn name_end_at(bytes: &[u8], at: usize, name: &str) -> Option<usize> {
    use crate::extract::quote::hand::is_word_byte;
    let mut i = at;
    for &n in name.as_bytes() {
        if n == b' ' {
            let end = spaces_end(bytes, i);
            if end == i {
                return None;
            }
            i = end;
        } else if bytes.get(i) == Some(&n) {
            i += 1;
        } else {
            return None;
        }
    }
    let last_is_word = name.as_bytes().last().is_some_and(|&b| is_word_byte(b));
    (last_is_word != bytes.get(i).is_some_and(|&b| is_word_byte(b))).then_some(i)
}

/// [`COUNTRY_NAMES`] by their initial (a capital; `A` first), each list in the names' order.
static COUNTRY_NAMES_BY_INITIAL: LazyLock<[Vec<&'static str>; 26]> = LazyLock::new(|| {
    let mut by_initial: [Vec<&'static str>; 26] = Default::default();
    for name in COUNTRY_NAMES {
        by_initial[usize::from(name.as_bytes()[0] - b'A')].push(name);
    }
    by_initial
});

/// Whether one word is, whole, what [`COUNTRY`] finds: a name of one word that ends with a
/// letter (after "U.S." no word boundary can end the match at the end of the word): the
/// reference `is_country_word_capitalized` is tested against.
#[cfg(test)]
fn is_country_word(word: &str) -> bool {
    COUNTRY_NAMES
        .iter()
        .any(|n| *n == word && !n.contains(' ') && n.ends_with(|c: char| c.is_ascii_alphabetic()))
}

/// Whether `word`, with its first letter made a capital (when it is ASCII), is a country name of
/// one word that ends with a letter: what [`COUNTRY`] finds as the whole word. Compared in place.
fn is_country_word_capitalized(word: &str) -> bool {
    let w = word.as_bytes();
    COUNTRY_WORDS_BY_LENGTH.get(w.len()).is_some_and(|names| {
        names
            .iter()
            .any(|n| n[0] == w[0].to_ascii_uppercase() && n[1..] == w[1..])
    })
}

/// The country names of one word that end with a letter, by their length: the names a word is
/// compared with are only those of its length (most words of a measure have none).
static COUNTRY_WORDS_BY_LENGTH: LazyLock<Vec<Vec<&'static [u8]>>> = LazyLock::new(|| {
    let mut by_length: Vec<Vec<&[u8]>> = Vec::new();
    for n in COUNTRY_NAMES {
        if !n.contains(' ') && n.ends_with(|c: char| c.is_ascii_alphabetic()) {
            if by_length.len() <= n.len() {
                by_length.resize(n.len() + 1, Vec::new());
            }
            by_length[n.len()].push(n.as_bytes());
        }
    }
    by_length
});

/// A country qualifier near a figure: "from US law enforcement", "from authorities in Taiwan".
static COUNTRY_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^[^.;,]{0,60}?\b(?:from|in|by)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?(?P<c>United\s+States|U\.S\.|US|Germany|France|United\s+Kingdom|UK|India|Japan|Taiwan|Brazil|Turkey|Russia|Australia|Canada|Italy|Spain|Mexico|(?:US|U\.S\.|American|German|French|British|Indian|Japanese|Taiwanese|Brazilian|Turkish)\s+(?:law\s+enforcement|authorities|police|agencies|government|courts))\b")
        .unwrap()
});

/// The country a name or adjective stands for ("American" and "U.S." are "US").
pub fn canonical_country(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or(name);
    let name = if matches!(
        first,
        "US" | "U.S." | "American" | "German" | "French" | "British" | "Indian" | "Japanese"
    ) || matches!(first, "Taiwanese" | "Brazilian" | "Turkish")
    {
        first
    } else {
        name
    };
    // compared with one space between words: a name written so (nearly every one) as it stands
    let joined;
    let name = if is_single_spaced(name.as_bytes(), true) {
        name
    } else {
        joined = name.split_whitespace().collect::<Vec<_>>().join(" ");
        joined.as_str()
    };
    country_of_single_spaced(name).to_owned()
}

/// The country a name or adjective written with one space between words stands for; any other
/// name stands for itself.
fn country_of_single_spaced(name: &str) -> &str {
    match name {
        "United States" | "U.S." | "US" | "American" => "US",
        "United Kingdom" | "UK" | "U.K." | "British" => "UK",
        "Germany" | "German" => "Germany",
        "France" | "French" => "France",
        "India" | "Indian" => "India",
        "Japan" | "Japanese" => "Japan",
        "Taiwan" | "Taiwanese" => "Taiwan",
        "Brazil" | "Brazilian" => "Brazil",
        "Turkey" | "Turkish" => "Turkey",
        "Russia" | "Russian" => "Russia",
        "Australia" | "Australian" => "Australia",
        "Canada" | "Canadian" => "Canada",
        "Italy" | "Italian" => "Italy",
        "Spain" | "Spanish" => "Spain",
        "Mexico" | "Mexican" => "Mexico",
        other => other,
    }
}

/// Whether `bytes` are ASCII words with one `' '` between each two and no other space (what
/// `split_whitespace` and a join with `' '` give back unchanged), and with no capital unless
/// `capitals` allows them.
///
/// Read eight bytes a step ([`single_spaced_eight`]), the rest byte by byte
/// ([`single_spaced_bytes`]): a measure is tested for nearly every figure.
#[inline]
pub(crate) fn is_single_spaced(bytes: &[u8], capitals: bool) -> bool {
    let mut eights = bytes.chunks_exact(8);
    // whether the byte before is a space: true at the start, where a space may not stand
    let mut after_space = true;
    for eight in eights.by_ref() {
        let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        match single_spaced_eight(word, capitals, after_space) {
            Some(ends_in_space) => after_space = ends_in_space,
            None => return false,
        }
    }
    single_spaced_bytes(eights.remainder(), capitals, after_space)
}

/// Eight bytes a step of [`is_single_spaced`] (bytes in memory order, the first lowest):
/// whether the last of them is a space, or `None` when they cannot stand in single-spaced
/// words (`after_space`: whether the byte before them is a space). Each test is of the eight
/// bytes at once: ASCII bytes are below 0x80, so a constant below 0x80 added to each carries
/// into none after it, and the byte's top bit then tells whether it reached a bound.
fn single_spaced_eight(word: u64, capitals: bool, after_space: bool) -> Option<bool> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = ONES * 0x80;
    if word & TOPS != 0 {
        return None;
    }
    // top bit of each byte from `low` on (bytes below 0x80)
    let at_least = |low: u64| word + ONES * (0x80 - low);
    let capital = at_least(b'A' as u64) & !at_least(b'Z' as u64 + 1);
    let other_space = at_least(b'\t' as u64) & !at_least(b'\r' as u64 + 1);
    // a space is the byte that is 0 once 0x20 is taken off
    let spaces = !((word ^ (ONES * 0x20)) + ONES * 0x7f) & TOPS;
    let space_before = (spaces << 8) | u64::from(after_space) << 7;
    let wrong = (if capitals { 0 } else { capital }) | other_space | (spaces & space_before);
    (wrong & TOPS == 0).then_some(spaces >> 63 != 0)
}

/// [`is_single_spaced`] byte by byte, for bytes after others (`after_space`: whether the byte
/// before them is a space; true at the start).
fn single_spaced_bytes(bytes: &[u8], capitals: bool, mut after_space: bool) -> bool {
    // one pass: no space at either end, none after another, no space or byte outside ASCII but
    // `' '`
    for &b in bytes {
        let space = b == b' ';
        if (space && after_space)
            || !b.is_ascii()
            || (!capitals && b.is_ascii_uppercase())
            || (!space && is_ascii_space(b))
        {
            return false;
        }
        after_space = space;
    }
    !after_space
}

/// The country a figure is restricted to, from its measure ("us account requests") or the text
/// right after it ("account requests from US law enforcement").
pub fn country_of(measure: &str, after: &str) -> Option<String> {
    // Measures are lowercased by the extractor, so country words are matched case-insensitively there.
    let in_measure = words_of(measure).find_map(|w| {
        let w = match w {
            "us" | "u.s." => "US",
            "uk" | "u.k." => "UK",
            other => other,
        };
        // The word is a country when the pattern's match is the whole word, capitalized (compared
        // in place: a measure has several words, and nearly none is a country).
        is_country_word_capitalized(w).then(|| {
            let mut cap = w.to_owned();
            if let Some(first) = cap.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            canonical_country(&cap)
        })
    });
    // (COUNTRY_AFTER needs a preposition: an empty `after`, as for each word of a measure, has none.)
    in_measure.or_else(|| {
        (!after.is_empty() && may_name_country_after(after))
            .then(|| COUNTRY_AFTER.captures(after))
            .flatten()
            .map(|c| canonical_country(&c["c"]))
    })
}

/// Whether [`COUNTRY_AFTER`] may match `after`: every country it names starts with a capital
/// before the first ".", ";" or ",". Most text after a figure has none there, and is spared the
/// capture search.
fn may_name_country_after(after: &str) -> bool {
    let head = &after[..memchr::memchr3(b'.', b';', b',', after.as_bytes()).unwrap_or(after.len())];
    // (every byte is read, without an early exit, which lets the loop work on many at once)
    head.bytes().fold(false, |any, b| any | b.is_ascii_uppercase())
}

/// The measure without its country words ("us account requests" → "account requests").
pub fn measure_without_country(measure: &str) -> String {
    let words: Vec<&str> = words_of(measure).filter(|w| country_of(w, "").is_none()).collect();
    let words = match words.as_slice() {
        // "requests from the us": drop the dangling preposition and article.
        [rest @ .., "from", "the"] | [rest @ .., "from"] | [rest @ .., "in"] => rest.to_vec(),
        _ => words,
    };
    words.join(" ")
}

/// "0-999", "0 to 999", "between 15,000 and 15,999": the text before the upper bound of a range.
static RANGE_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)(?:\bbetween\s+[$€£]?[\d,.]+\s+and\s+|(?P<pre>\b\w+\s+)?[$€£]?[\d,.]+\s*(?:-|–|—|\bto\b)\s*[$€£]?|\bbetween\s+[$€£]?)$")
        .unwrap()
});
/// The text after the lower bound of a range.
static RANGE_AFTER: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^\s*(?:-|–|—|\bto\b|\band\b)\s*[$€£]?\d").unwrap());

/// Whether a figure is one bound of a range, given the text right before and after it. "from 236
/// to 425" is a change, not a range.
pub fn is_range_bound(before: &str, after: &str) -> bool {
    range_bound(before, after, may_end_range_start(before))
}

/// [`is_range_bound`], with the search of [`RANGE_BEFORE`] skipped unless `may_start`.
fn range_bound(before: &str, after: &str, may_start: bool) -> bool {
    if may_start {
        if let Some(c) = RANGE_BEFORE.captures(before) {
            let pre = c.name("pre").map(|p| p.as_str().trim().to_ascii_lowercase());
            if pre.as_deref() != Some("from") {
                return true;
            }
        }
    }
    let before_words = before.trim_end();
    let opens_range = ends_with_ignoring_ascii_case(before_words, "between");
    let dash_or_to = may_continue_range(after) && RANGE_AFTER.is_match(after) && !after.trim_start().starts_with("and");
    let from = ends_with_ignoring_ascii_case(before_words, "from");
    opens_range || (dash_or_to && !from)
}

/// Whether `text` ends with `suffix` (lowercase ASCII) in any ASCII case: what lowercasing a copy
/// and testing its end tells, without the copy.
pub(crate) fn ends_with_ignoring_ascii_case(text: &str, suffix: &str) -> bool {
    let (text, suffix) = (text.as_bytes(), suffix.as_bytes());
    text.len() >= suffix.len() && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Whether `text` starts with `prefix` (lowercase ASCII) in any ASCII case: what lowercasing a
/// copy and testing its start tells, without the copy.
pub(crate) fn starts_with_ignoring_ascii_case(text: &str, prefix: &str) -> bool {
    let (text, prefix) = (text.as_bytes(), prefix.as_bytes());
    text.len() >= prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Whether [`RANGE_AFTER`] may match `after`: after its spaces, it starts with a dash, "to" or
/// "and" (the pattern is case-sensitive). Most figures are followed by none of them.
fn may_continue_range(after: &str) -> bool {
    let words = after.trim_start();
    ["-", "–", "—", "to", "and"].iter().any(|w| words.starts_with(w))
}

/// Whether [`RANGE_BEFORE`] may match `before`: on ASCII text only when, without a last "$" and
/// the spaces before it, the text ends with a dash, "and", "to" or "between" (any case).
fn may_end_range_start(before: &str) -> bool {
    if !before.is_ascii() {
        return true;
    }
    let words = before.strip_suffix('$').unwrap_or(before);
    let words = words.trim_end_matches(|c: char| c.is_ascii() && is_ascii_space(c as u8));
    let ends_with = |w: &str| {
        words.len() >= w.len() && words.as_bytes()[words.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    };
    words.ends_with('-') || ends_with("and") || ends_with("to") || ends_with("between")
}

/// [`is_range_bound`] as written first, for the test that the shortcut changes nothing.
#[cfg(test)]
fn is_range_bound_by_patterns(before: &str, after: &str) -> bool {
    range_bound(before, after, true)
}

/// The pattern of [`APPROX_BEFORE`]; the checks read its qualifiers by hand too, and their test
/// holds their lists to its alternation.
pub(crate) const APPROX_BEFORE_PATTERN: &str = r"(?i)\b(?P<q>about|roughly|around|approximately|nearly|almost|more\s+than|over|fewer\s+than|less\s+than|up\s+to|at\s+least|at\s+most|some|just\s+under|just\s+over|close\s+to|an\s+estimated)\s+[$€£]?$";

/// An approximation word right before a figure ("about 72,000", "fewer than 1,000").
static APPROX_BEFORE: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(APPROX_BEFORE_PATTERN).unwrap());

/// The last words of the qualifiers [`approx_before`] reads ("about", "more than", "at least").
pub const APPROX_LAST_WORDS: &[&str] = &[
    "about",
    "roughly",
    "around",
    "approximately",
    "nearly",
    "almost",
    "than",
    "over",
    "to",
    "least",
    "most",
    "some",
    "under",
    "estimated",
];

/// The approximation word right before a figure, lowercased, if any.
pub fn approx_before(before: &str) -> Option<String> {
    // On ASCII text the pattern ends with the last word of a qualifier, spaces and perhaps "$":
    // most text before a figure does not, and is spared the capture search.
    if before.is_ascii() {
        let words = before.strip_suffix('$').unwrap_or(before);
        if !ends_with_word_and_spaces(words, APPROX_LAST_WORDS) {
            return None;
        }
    }
    APPROX_BEFORE.captures_at(before, last_two_runs_start(before)).map(|c| {
        c["q"]
            .to_ascii_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Where the last two runs of characters other than white space of `before` start, after which
/// every match of [`APPROX_BEFORE`] starts: a match is a qualifier of one or two words with white
/// space between them, white space, perhaps a currency sign, and the end, so its last word is the
/// last run before that white space, and its first word ends the run before. A search from
/// there reads a few words, not the whole text before a figure (some 12,000 instructions a
/// figure on real pages, where the text has characters outside ASCII).
fn last_two_runs_start(before: &str) -> usize {
    let mut chars = before.char_indices().rev().peekable();
    chars.next_if(|&(_, c)| matches!(c, '$' | '€' | '£'));
    let mut start = before.len();
    for _ in 0..2 {
        while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
        while let Some((i, _)) = chars.next_if(|&(_, c)| !c.is_whitespace()) {
            start = i;
        }
    }
    start
}

/// Head nouns a lazily matched measure may stop short of ("account" in "account requests"), as
/// [`head_noun`] reads them by length.
#[cfg(test)]
pub(crate) const HEADS: &[&str] = &[
    "requests",
    "demands",
    "orders",
    "letters",
    "warrants",
    "subpoenas",
    "notices",
];

/// The measure extended by the head noun that follows it in the text, if it stopped short
/// ("account" in "account requests", "user" in "user data requests"); the measure itself, not
/// copied, when it does not.
pub fn complete_measure<'m>(measure: &'m str, after: &str) -> Cow<'m, str> {
    match find_in_lowercased(after, measure) {
        Some(i) => complete_measure_after(measure, &after[i + measure.len()..]),
        None => Cow::Borrowed(measure),
    }
}

/// [`complete_measure`] of `measure` in a text where it first stands right before `rest`, the
/// text after it: for a caller that found it there already, spared the search for it.
pub fn complete_measure_after<'m>(measure: &'m str, rest: &str) -> Cow<'m, str> {
    let Some((between, head)) = head_after(measure, rest) else {
        return Cow::Borrowed(measure);
    };
    // (built by hand: `format!` cost more than the rest of the function)
    let mut completed = String::with_capacity(measure.len() + 32);
    completed.push_str(measure);
    if let Some(between) = between {
        completed.push(' ');
        let from = completed.len();
        completed.push_str(between);
        // (lowercased in place: by `char` it cost more than the rest of the function)
        completed[from..].make_ascii_lowercase();
    }
    completed.push(' ');
    completed.push_str(head);
    Cow::Owned(completed)
}

/// The last word (cut at white space) of [`complete_measure`] of `measure` in `after`, without
/// building the completed measure: the head noun it adds, or else the measure's own last word.
pub fn completed_last_word<'m>(measure: &'m str, after: &str) -> Option<&'m str> {
    match find_in_lowercased(after, measure) {
        Some(i) => completed_last_word_after(measure, &after[i + measure.len()..]),
        None => measure.split_whitespace().last(),
    }
}

/// [`completed_last_word`] of `measure` in a text where it first stands right before `rest`, the
/// text after it: for a caller that found it there already, spared the search for it.
pub fn completed_last_word_after<'m>(measure: &'m str, rest: &str) -> Option<&'m str> {
    match head_after(measure, rest) {
        Some((_, head)) => Some(head),
        None => measure.split_whitespace().last(),
    }
}

/// The head noun [`complete_measure`] adds to `measure` where it stands before `rest`, with the
/// word it adds before the head (as written), when the head is the second word after it.
fn head_after<'a>(measure: &str, rest: &'a str) -> Option<(Option<&'a str>, &'static str)> {
    // Most measures are followed by no word a head starts with, and are spared the words' reading.
    if !may_lengthen(rest.as_bytes()) {
        return None;
    }
    // Only the two words right after the measure are read, compared with the heads in any ASCII
    // case: what lowercasing the rest of the text and splitting it into a list found.
    let words = two_words_after(rest).map(|w| w.map(|w| w.trim_end_matches(|c: char| !c.is_alphabetic())));
    for (k, word) in words.into_iter().enumerate() {
        let Some(head) = word.and_then(head_noun) else {
            continue;
        };
        if measure.ends_with(head) {
            return None;
        }
        return Some(((k == 1).then_some(words[0]).flatten(), head));
    }
    None
}

/// The first letters of the head nouns [`complete_measure`] adds to a measure ("orders",
/// "demands", "letters", "notices", "requests", "warrants", "subpoenas").
pub(crate) const HEAD_INITIALS: [u8; 7] = *b"odlnrws";

/// Whether [`complete_measure`] may lengthen a measure that `rest` follows where it first
/// stands. It adds a head noun that is one of the first two words of `rest` (cut at white space,
/// less the characters that are no letters at their end), so one of them must start with a
/// head's first letter ([`HEAD_INITIALS`], in any ASCII case). Read on ASCII bytes, as
/// `complete_measure` reads them there: a byte outside ASCII up to the end of the second word
/// may be a space (the words are then cut otherwise) or a letter, and it may.
pub(crate) fn may_lengthen(rest: &[u8]) -> bool {
    let mut at = 0;
    for _ in 0..2 {
        let start = spaces_end(rest, at);
        let Some(&first) = rest.get(start) else {
            return false;
        };
        // (`| 0x20` lowercases a letter, and makes no other byte a lowercase letter)
        if !first.is_ascii() || HEAD_INITIALS.contains(&(first | 0x20)) {
            return true;
        }
        at = start + 1;
        while let Some(&b) = rest.get(at).filter(|&&b| !is_ascii_space(b)) {
            if !b.is_ascii() {
                return true;
            }
            at += 1;
        }
    }
    false
}

/// The head noun of `HEADS` that `word` is in any ASCII case, if any: only the heads of its
/// length are compared.
fn head_noun(word: &str) -> Option<&'static str> {
    let candidates: &[&'static str] = match word.len() {
        6 => &["orders"],
        7 => &["demands", "letters", "notices"],
        8 => &["requests", "warrants"],
        9 => &["subpoenas"],
        _ => return None,
    };
    candidates.iter().copied().find(|h| h.eq_ignore_ascii_case(word))
}

/// The first two words of `text` (split at white space, as `split_whitespace`), read on its bytes
/// while they and the spaces before them are ASCII: a non-ASCII byte there, which may be a space,
/// sends the text to `split_whitespace`.
fn two_words_after(text: &str) -> [Option<&str>; 2] {
    let bytes = text.as_bytes();
    let mut words = [None, None];
    let mut at = 0;
    for word in &mut words {
        let start = spaces_end(bytes, at);
        if start == bytes.len() {
            break;
        }
        at = start + bytes[start..].iter().take_while(|&&b| !is_ascii_space(b)).count();
        *word = Some(&text[start..at]);
    }
    if !bytes[..at].is_ascii() {
        let mut unicode = text.split_whitespace();
        return [unicode.next(), unicode.next()];
    }
    words
}

/// [`complete_measure`] as written first, for the test that reading in place changes nothing.
#[cfg(test)]
pub(crate) fn complete_measure_by_copy(measure: &str, after: &str) -> String {
    if let Some(i) = after.to_ascii_lowercase().find(measure) {
        let lower = after[i + measure.len()..].to_ascii_lowercase();
        let next: Vec<&str> = lower
            .split_whitespace()
            .take(2)
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphabetic()))
            .collect();
        if let Some(k) = next.iter().position(|w| HEADS.contains(w)) {
            if !measure.ends_with(next[k]) {
                return format!("{measure} {}", next[..=k].join(" "));
            }
        }
    }
    measure.to_owned()
}

/// Where `needle` first stands in `haystack` lowercased (ASCII letters only, which keeps every
/// byte offset), without lowercasing a copy of the whole haystack: the places where the first
/// byte of the needle may stand are found by `memchr2` (in either case), and only they are compared.
pub(crate) fn find_in_lowercased(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    let last_start = hay.len().checked_sub(needle.len())?;
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), &hay[..=last_start]).find(|&i| {
        hay[i..i + needle.len()]
            .iter()
            .zip(needle)
            .all(|(h, n)| h.to_ascii_lowercase() == *n)
    })
}

/// "requests from law enforcement agencies" is "law enforcement requests"; "requests from
/// governments" is "government requests".
static FROM_REQUESTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)^\s+from\s+(?:the\s+)?(?:(?P<le>law[\s-]+enforcement)|(?P<gov>governments?|government\s+agencies))\b",
    )
    .unwrap()
});

/// Words that do not change what is counted ("new requests", "a total of ... requests").
const FILLER: &[&str] = &["new", "total", "the", "all"];

/// The measure as a key: filler words dropped, and the requester written after the noun moved in
/// front of it ("requests from law enforcement agencies" → "law enforcement requests"), so that
/// articles wording one quantity differently still meet. Different requesters stay different
/// quantities ("government requests" and "law enforcement requests"; another requester keeps its
/// words after the noun: "requests from courts" and "requests from police").
pub fn canonical_measure(measure: &str, after_measure: &str) -> String {
    // the words kept, joined by one space, built in one string
    let mut base = String::with_capacity(measure.len());
    let mut only_word = None;
    for (k, w) in words_of(measure).filter(|w| !FILLER.contains(w)).enumerate() {
        if k > 0 {
            base.push(' ');
        }
        base.push_str(w);
        only_word = (k == 0).then_some(w);
    }
    if matches!(only_word, Some("requests" | "demands")) {
        return match requester_after(after_measure) {
            Some(Requester::Named(requester)) => format!("{requester} {base}"),
            Some(Requester::Other(words)) => format!("{base} from {words}"),
            None => base,
        };
    }
    base
}

/// Who sent the requests, as the text after "requests" says.
#[derive(Debug, PartialEq)]
enum Requester {
    /// One of the requesters reports name: "law enforcement", "government".
    Named(&'static str),
    /// Another, in its own words: "courts" ("from courts"), "state police" ("from the state
    /// police").
    Other(String),
}

/// Who sent the requests, when the text after "requests" says: "from law enforcement", "from
/// governments", or another requester in up to three lowercase words ("from courts", "from the
/// police", "from federal agencies"). Words that start a period, a comparison or a number ("from
/// the first half", "from a year earlier", "from about 2,000", "from January") name none.
fn requester_after(after_measure: &str) -> Option<Requester> {
    if let Some(c) = FROM_REQUESTER.captures(after_measure) {
        return Some(Requester::Named(if c.name("le").is_some() {
            "law enforcement"
        } else {
            "government"
        }));
    }
    other_requester_after(after_measure).map(Requester::Other)
}

/// Words that end a requester's name, or show that the words after "from" name none: those that
/// start a period, a comparison, an amount or a place ("from the first half", "from about 2,000",
/// "from just 2,420", "from outside the US", "from there").
#[rustfmt::skip]
const NOT_A_REQUESTER: &[&str] = &[
    "a", "about", "above", "abroad", "across", "after", "all", "almost", "an", "and", "another",
    "approximately", "around", "as", "at", "before", "below", "between", "both", "by", "day",
    "down", "during", "each", "earlier", "early", "eight", "elsewhere", "every", "few", "fewer",
    "fiscal", "first", "five", "for", "four", "fourth", "from", "half", "her", "here", "his",
    "hundreds", "in", "inside", "into", "it", "its", "just", "last", "late", "least", "less",
    "many", "mid", "month", "months", "more", "most", "nearly", "next", "nine", "now", "of", "on",
    "one", "only", "or", "other", "our", "outside", "over", "overseas", "per", "preceding",
    "previous", "prior", "quarter", "roughly", "same", "second", "seven", "several", "since",
    "six", "some", "such", "ten", "than", "that", "the", "their", "them", "then", "there",
    "these", "third", "this", "those", "thousands", "three", "through", "to", "two", "under",
    "until", "up", "week", "what", "when", "where", "which", "while", "who", "whom", "whose",
    "with", "within", "year", "years", "your",
];

/// The requester's words after " from " (and "the" or a possessive): one to three lowercase ASCII
/// words that end the phrase, at a word of [`NOT_A_REQUESTER`], at punctuation or at the end of
/// the text ("from courts, and" → "courts"; "from its users in 2014" → "users"). Words followed
/// by anything else name none: a capital, a digit or a hyphen ("from mid-2013", "from non-US
/// governments"), or a fourth word.
fn other_requester_after(after_measure: &str) -> Option<String> {
    let rest = after_measure
        .strip_prefix(|c: char| c.is_ascii_whitespace())?
        .trim_start();
    let rest = rest.strip_prefix("from")?;
    let mut rest = rest.strip_prefix(|c: char| c.is_ascii_whitespace())?.trim_start();
    for determiner in ["the ", "its ", "their ", "our "] {
        if let Some(after) = rest.strip_prefix(determiner) {
            rest = after.trim_start();
            break;
        }
    }
    let mut words = Vec::new();
    for piece in rest.split(' ') {
        let letters = piece.bytes().take_while(u8::is_ascii_lowercase).count();
        let word = &piece[..letters];
        let stops = NOT_A_REQUESTER.contains(&word);
        if word.is_empty() || stops {
            // a stop word, or two spaces, end the phrase; a piece that starts otherwise (a
            // capital, a digit) names none
            let ends = stops || piece.is_empty();
            return (ends && !words.is_empty()).then(|| words.join(" "));
        }
        if words.len() == 3 {
            return None;
        }
        words.push(word);
        match piece.as_bytes().get(letters) {
            None => {}
            Some(b',' | b'.' | b';' | b':' | b')' | b'!' | b'?' | b'"' | b'\'') => break,
            Some(_) => return None,
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// "transparency report for the first half of 2014", "figures covering": a report period follows.
static REPORT_FOR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)(?:\b(?:report|reports|figures|numbers|data|statistics|disclosure|update),?\s+(?:for|covering|on|about)|\bcovering|\bthis\s+time\s+for)\s+$",
    )
    .unwrap()
});

/// ", according to the transparency report": the period before it is the report's.
static ACCORDING_TO_REPORT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^,?\s+according\s+to\s+(?:the|its)\s+(?:latest\s+|new\s+)?(?:transparency\s+)?report\b").unwrap()
});

/// Whether `after` (the text right after a period mention) attributes it to the report.
pub fn attributes_to_report(after: &str) -> bool {
    ACCORDING_TO_REPORT.is_match(after)
}

/// Whether `before` (the text right before a period mention) makes it the period of a report.
pub fn announces_report_period(before: &str) -> bool {
    REPORT_FOR.is_match(before)
}

/// An announced count followed by a colon and a list: "four countries: Germany, France and Brazil".
static LIST: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i)\b(?P<n>{SMALL})\s+(?P<noun>(?:[a-z-]+\s+){{0,2}}?[a-z-]+)\s*:\s*(?P<list>[^.;:]+)"
    ))
    .unwrap()
});

/// Item separators inside a list.
static LIST_SEPARATOR: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r",\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+").unwrap());

/// An announced count checked against what the text enumerates.
#[derive(Debug, Clone, PartialEq)]
pub struct Enumeration {
    /// The announced count ("four").
    pub announced: u32,
    /// Where the announced count and its noun are written ("four countries").
    pub announced_span: Span,
    /// The enumerated items (list items, or "in two cases" / "in the third case" phrases).
    pub items: Vec<Span>,
    /// How many things the items add up to.
    pub counted: u32,
}

/// "four countries: Germany, France and Brazil" in a sentence; spans are relative to `sentence`.
pub fn list_enumerations(sentence: &str) -> Vec<Enumeration> {
    let mut out = Vec::new();
    // Every list follows a colon: most sentences have none. (A ':' byte is always the character.)
    if memchr::memchr(b':', sentence.as_bytes()).is_none() {
        return out;
    }
    // The groups are read from where the match is rather than by a capture search (which cost
    // about as much as the rest of the article's count check): see `list_groups`.
    for (start, end) in list_matches(sentence) {
        let groups = list_groups(sentence, start, end);
        let Some(n) = small_count(&sentence[groups.n.0..groups.n.1]) else {
            continue;
        };
        if ends_a_number(&sentence[..groups.n.0]) {
            continue;
        }
        let list = Span::new(groups.list.0, groups.list.1);
        if let Some(items) = counted_items(sentence, list) {
            out.push(Enumeration {
                announced: n,
                announced_span: Span::new(start, groups.noun_end),
                counted: items.len() as u32,
                items,
            });
            continue;
        }
        let pieces = list_pieces(sentence, list);
        // A list of names (short items starting with a capital) or of things (up to three
        // lowercase words each); anything longer is prose that happens to follow a colon.
        let names = pieces.iter().all(|&(a, b)| {
            let item = sentence[a..b].trim();
            let words = words_of(item).count();
            let named = item.starts_with(|ch: char| ch.is_uppercase()) && words <= 4;
            let thing = item.starts_with(|ch: char| ch.is_lowercase()) && words <= 3;
            !item.is_empty() && (named || thing)
        });
        if !names || pieces.len() < 2 {
            continue;
        }
        let items: Vec<Span> = pieces.into_iter().map(|(a, b)| Span::new(a, b)).collect();
        out.push(Enumeration {
            announced: n,
            announced_span: Span::new(start, groups.noun_end),
            counted: items.len() as u32,
            items,
        });
    }
    out
}

/// Whether `before` (the text before a count) makes the count the end of a larger number: the
/// "2" of "€1.2 billion: Meta (Facebook), Ireland, May 2023" is no count of the list after it.
fn ends_a_number(before: &str) -> bool {
    let bytes = before.as_bytes();
    match bytes {
        [.., d, b'.' | b','] | [.., d] => d.is_ascii_digit(),
        _ => false,
    }
}

/// A count before the list [`list_enumerations`] cannot reach: "five of the 14 countries",
/// "four other makers", "three of the apps", "four of the best-known platforms" (the count, its
/// noun; a count after "of the" is the whole, not the part announced).
static FAR_COUNT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i)\b(?P<n>{SMALL})\s+(?:other\s+|of\s+(?:the|its|their)\s+(?:\d[\d,]*\s+|[a-z-]+\s+)?)?[a-z-]+s\b"
    ))
    .unwrap()
});

/// Whether [`FAR_COUNT`] may match `window`: where it is ASCII, only where a small count that
/// starts a word ([`small_count_start`]) is followed by a space, as the pattern's count is (its
/// `\s+`), which the two bytes before each space tell first (the spaces found sixteen bytes at a
/// time): most windows before a colon hold none ("By country", "He said"), and are spared the
/// search for the pattern's groups. A window with a byte outside ASCII is searched (a digit of
/// another script is a `\d`, a space of Unicode's a `\s`).
fn may_hold_far_count(window: &str) -> bool {
    let bytes = window.as_bytes();
    // A count ends with a digit, or with the last two letters of a count word, in any case
    // ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    // "twelve"): most words before a space end otherwise ("the", "in", "said").
    let may_end_count = |i: usize| {
        let last = bytes[i - 1];
        last.is_ascii_digit()
            || i >= 2
                && matches!(
                    [bytes[i - 2] | 0x20, last | 0x20],
                    [b'n', b'e']
                        | [b'w', b'o']
                        | [b'e', b'e']
                        | [b'u', b'r']
                        | [b'v', b'e']
                        | [b'i', b'x']
                        | [b'e', b'n']
                        | [b'h', b't']
                )
    };
    let mut at = 0;
    while at < bytes.len() {
        let (spaces, outside) = spaces_and_outside_of_sixteen(bytes, at);
        if outside != 0 {
            return true;
        }
        // (the spaces that pad the last sixteen bytes are none of the window's)
        let mut spaces = spaces & (u32::MAX >> (32 - (bytes.len() - at).min(16)));
        while spaces != 0 {
            let i = at + spaces.trailing_zeros() as usize;
            spaces &= spaces - 1;
            if i > 0 && may_end_count(i) && small_count_start(bytes, i).is_some() {
                return true;
            }
        }
        at += 16;
    }
    false
}

/// Where the clause that ends `window` starts: after its last ";" or "." (`str::rfind` of the
/// two characters), or at its start. Found by `memrchr2` on the bytes, which is the same (no byte
/// of a character outside ASCII is an ASCII one): `rfind` read the window back a character at a
/// time, up to 100 bytes before every list separator of the text.
fn clause_start(window: &str) -> usize {
    memchr::memrchr2(b';', b'.', window.as_bytes()).map_or(0, |i| i + 1)
}

/// Where the first clause of its own after a comma starts in `text` (the comma's place): ",
/// where", ", which", ", whose", ", who", ", when", ", while", ", after" ("58 were ordered in
/// Manipur, where authorities cut mobile data in May"; "Flo, Clue and Fitbit, whose numbers").
pub fn clause_after_comma(text: &str) -> Option<usize> {
    const OPENERS: [&str; 7] = ["where ", "which ", "whose ", "who ", "when ", "while ", "after "];
    text.match_indices(", ")
        .find(|(at, _)| OPENERS.iter().any(|w| text[at + 2..].starts_with(w)))
        .map(|(at, _)| at)
}

/// Lists of names whose count stands further back than [`list_enumerations`] reads, in a
/// sentence with a colon or a dash: "Only three of the apps we reviewed publish any figures on
/// law enforcement requests: Flo, Clue, Oura and Fitbit, whose numbers ...", "five of the 14
/// countries where it operates: Nigeria, Tanzania, ... and the Democratic Republic of Congo",
/// "four other makers of cameras — Google, Arlo, Wyze, Eufy and SimpliSafe — whether". The
/// list runs from the colon or dash to the next stop, colon or dash, a relative clause after it
/// cut ("Fitbit, whose numbers are folded into ..."); every item must be a name (a capital
/// first, "the" allowed before it, up to five words), and the count the last before the
/// separator in its clause, within 100 bytes. Lists [`list_enumerations`] read (`near`, of the
/// same sentence) are left to it. `separators` are the sentence's, as [`list_marks`] finds
/// them.
pub fn far_list_enumerations(
    sentence: &str,
    separators: impl Iterator<Item = (usize, usize)>,
    near: &[Enumeration],
) -> Vec<Enumeration> {
    let mut out = Vec::new();
    for (sep, list_start) in separators {
        let rest = &sentence[list_start..];
        // a list of names starts with a capital or "the" (most lists after a colon are counts:
        // "as follows: 9,118 subpoenas ..."), and one the list pattern read is left to it
        let first_word = rest.split([' ', ',']).next().unwrap_or("");
        let names_first =
            rest.starts_with(|c: char| c.is_uppercase()) || rest.starts_with("the ") || is_domain(first_word);
        // a list of kinds may be of common nouns ("three kinds of scam ...: phishing, job scams,
        // identity theft and payment redirection")
        if !names_first && !rest.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        if near
            .iter()
            .any(|e| e.items.first().is_some_and(|i| i.start == list_start))
        {
            continue;
        }
        // the count first: the last before the separator in its clause, within 100 bytes (most
        // lists after a capital are no named things counted: "By country: United States ...")
        let mut from = sep.saturating_sub(100);
        while !sentence.is_char_boundary(from) {
            from += 1;
        }
        let window = &sentence[from..sep];
        let window_from = from + clause_start(window);
        let window = &sentence[window_from..sep];
        if !may_hold_far_count(window) {
            continue;
        }
        let Some(count) = FAR_COUNT.captures_iter(window).last() else {
            continue;
        };
        let counts_kinds = || {
            let noun = count
                .get(0)
                .expect("the match")
                .as_str()
                .rsplit(' ')
                .next()
                .unwrap_or("");
            ["kinds", "types", "categories", "forms", "sorts"]
                .iter()
                .any(|k| noun.eq_ignore_ascii_case(k))
        };
        if !names_first && !counts_kinds() {
            continue;
        }
        // (a stop inside a domain's name, "zdstresser.net", ends no list)
        let stop = |(i, c): &(usize, char)| {
            matches!(c, ';' | ':' | '\u{2014}' | '\u{2013}')
                || *c == '.' && !rest[i + 1..].starts_with(|c: char| c.is_ascii_alphanumeric())
        };
        let mut len = rest.char_indices().find(stop).map_or(rest.len(), |(i, _)| i);
        // a clause after the last name: "Fitbit, whose numbers are folded into ..."
        len = clause_after_comma(&rest[..len]).unwrap_or(len);
        let list = Span::new(list_start, list_start + rest[..len].trim_end().len());
        let pieces = list_pieces(sentence, list);
        let named = |&(a, b): &(usize, usize)| {
            let item = sentence[a..b].trim();
            let item = item.strip_prefix("the ").unwrap_or(item);
            let kind = || !names_first && !item.bytes().any(|b| b.is_ascii_digit()) && words_of(item).count() <= 4;
            item.starts_with(|c: char| c.is_uppercase()) && words_of(item).count() <= 5 || is_domain(item) || kind()
        };
        // common nouns may hold "and" themselves ("terrorist and violent extremist content"):
        // such a list is read only with one "and", its last
        let list_text = &sentence[list.start..list.end];
        if !names_first && list_text.matches(" and ").count() + list_text.matches(" or ").count() != 1 {
            continue;
        }
        if pieces.len() < 2 || !pieces.iter().all(named) {
            continue;
        }
        let (whole, n) = (count.get(0).expect("the match"), count.name("n").expect("the count"));
        let announced_span = Span::new(window_from + whole.start(), window_from + whole.end());
        let Some(announced) = small_count(n.as_str()) else {
            continue;
        };
        if near.iter().any(|e| e.announced_span.start == announced_span.start) {
            continue;
        }
        let items: Vec<Span> = pieces.into_iter().map(|(a, b)| Span::new(a, b)).collect();
        out.push(Enumeration {
            announced,
            announced_span,
            counted: items.len() as u32,
            items,
        });
    }
    out
}

/// Whether `word` is a domain's name: "zdstresser.net", "orbitalstress.xyz" (letters, digits
/// and hyphens in dotted parts, the last of two to six letters).
fn is_domain(word: &str) -> bool {
    let Some((name, top)) = word.rsplit_once('.') else {
        return false;
    };
    let part = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    (2..=6).contains(&top.len()) && top.bytes().all(|b| b.is_ascii_lowercase()) && name.split('.').all(part)
}

/// Where ": ", " — " or " – " stand in `bytes` (`ascii`: all ASCII), in order, each as (where
/// it starts, where the list after it starts), and where its colons stand ([`ListMarks`]), from
/// one pass over the bytes: the count check wants both, and a search of the text for its colons
/// apart went over it again. The dashes are found by their last byte (0x93 or 0x94) rather than
/// their first (0xE2), which every curly quote and apostrophe has too (real text has them by the
/// dozen, and each stopped the search); ASCII text has no dash, and only its colons are looked
/// for. (One pass for ':' and those bytes cost less than searches for the dashes' whole bytes,
/// which made a searcher for each text.)
pub fn list_marks(bytes: &[u8], ascii: bool) -> ListMarks {
    debug_assert_eq!(ascii, bytes.is_ascii());
    let mut marks = ListMarks::default();
    let colon = |marks: &mut ListMarks, i: usize| {
        marks.colons.push(i);
        if bytes.get(i + 1) == Some(&b' ') {
            marks.separators.push((i, i + 2));
        }
    };
    if ascii {
        for i in memchr::memchr_iter(b':', bytes) {
            colon(&mut marks, i);
        }
        return marks;
    }
    // " – " or " — ": a space, E2 80 93 or E2 80 94, a space
    let spaced_dash = |i: usize| {
        (i >= 3
            && bytes[i - 3] == b' '
            && bytes[i - 2] == 0xE2
            && bytes[i - 1] == 0x80
            && bytes.get(i + 1) == Some(&b' '))
        .then(|| (i - 3, i + 2))
    };
    for i in memchr::memchr3_iter(b':', 0x93, 0x94, bytes) {
        if bytes[i] == b':' {
            colon(&mut marks, i);
        } else {
            marks.separators.extend(spaced_dash(i));
        }
    }
    marks
}

/// What [`list_marks`] finds in a text.
#[derive(Debug, Default, PartialEq)]
pub struct ListMarks {
    /// Where each ": ", " — " or " – " starts and where the list after it starts, in order.
    pub separators: Vec<(usize, usize)>,
    /// Where each colon stands, in order.
    pub colons: Vec<usize>,
}

/// The items of a list of counts separated by semicolons, when `list` (a span of `sentence`, as
/// [`LIST`] ends it) stops at one: "four categories: 251,905 subpoenas; 79,437 court orders,
/// including pen registers; and 41,272 search warrants". The list then runs to the first `.` or
/// `:`, its items are the pieces between the semicolons (after an "and" or "or"; commas inside
/// an item are its own), and each must start with a digit. `None` for any other list.
fn counted_items(sentence: &str, list: Span) -> Option<Vec<Span>> {
    let bytes = sentence.as_bytes();
    if bytes.get(list.end) != Some(&b';') {
        return None;
    }
    let end = memchr::memchr2(b'.', b':', &bytes[list.start..]).map_or(bytes.len(), |i| list.start + i);
    let mut items = Vec::with_capacity(4);
    for piece in sentence[list.start..end].split(';') {
        let item = piece.trim();
        let item = ["and ", "or "]
            .iter()
            .find(|w| item.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)))
            .map_or(item, |w| item[w.len()..].trim_start());
        if !item.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        // (the item is a slice of the sentence: its offset is where it starts there)
        let start = item.as_ptr() as usize - sentence.as_ptr() as usize;
        items.push(Span::new(start, start + item.len()));
    }
    (items.len() >= 2).then_some(items)
}

/// The matches of [`LIST`] in `sentence` (start and end), as `find_iter` gives them: read by
/// hand on ASCII text ([`list_match_ascii`]), searched otherwise.
fn list_matches(sentence: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut searched = (!sentence.is_ascii()).then(|| LIST.find_iter(sentence));
    let mut at = 0;
    std::iter::from_fn(move || match &mut searched {
        Some(matches) => matches.next().map(|m| (m.start(), m.end())),
        None => {
            let (start, end) = list_match_ascii(sentence.as_bytes(), at)?;
            at = end;
            Some((start, end))
        }
    })
}

/// The leftmost match of [`LIST`] in ASCII `bytes` that starts at or after `at` (the bytes
/// before `at` still count for `\b`), read from the colons. On ASCII text nothing of a match but
/// its list can be a colon, so each match holds exactly one, and a later colon's matches start
/// after an earlier one: the first colon with a match has the leftmost. At a colon a match is
/// fixed by the bytes: the list runs to the first `.`, `;` or `:` after it (or the end) and
/// must hold a byte; before the colon (and perhaps spaces) stand one to three words of
/// `[A-Za-z-]` with spaces before each, and the words before the colon `\s+` cannot take part
/// of (no space in a word, no letter in a space). The count stands before the first of them;
/// the one furthest back starts the leftmost match.
fn list_match_ascii(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut from = at;
    while let Some(offset) = memchr::memchr(b':', &bytes[from..]) {
        let colon = from + offset;
        let list = &bytes[colon + 1..];
        let end = colon + 1 + memchr::memchr3(b'.', b';', b':', list).unwrap_or(list.len());
        if end > colon + 1 {
            if let Some(start) = list_count_start(bytes, colon, at) {
                return Some((start, end));
            }
        }
        from = colon + 1;
    }
    None
}

/// Where the count of a [`LIST`] match with its colon at `colon` starts, the furthest back that
/// starts at or after `at` (see [`list_match_ascii`]).
fn list_count_start(bytes: &[u8], colon: usize, at: usize) -> Option<usize> {
    let mut words_end = spaces_start(bytes, colon);
    let mut start = None;
    for _ in 0..3 {
        let word = words_end
            - bytes[..words_end]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_alphabetic() || **b == b'-')
                .count();
        let count_end = spaces_start(bytes, word);
        if word == words_end || count_end == word {
            break;
        }
        match small_count_start(bytes, count_end) {
            Some(count) if count >= at => start = Some(count),
            _ if count_end <= at => break,
            _ => {}
        }
        words_end = count_end;
    }
    start
}

/// Where a small count ([`SMALL`], any case) that ends at `end` of ASCII `bytes` starts, when a
/// word boundary stands before it.
fn small_count_start(bytes: &[u8], end: usize) -> Option<usize> {
    let before = &bytes[..end];
    let digits = before.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let start = match digits {
        1 | 2 => end - digits,
        // No count word ends another: the one that ends `before`, if any, starts a word only if
        // it is the whole run of letters that ends there, and only that run is compared.
        0 => {
            let start = letters_start(bytes, end);
            let run = &bytes[start..end];
            SMALL_WORDS.iter().find(|w| w.as_bytes().eq_ignore_ascii_case(run))?;
            start
        }
        _ => return None,
    };
    let boundary = start == 0 || !(bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_');
    boundary.then_some(start)
}

/// The pieces of a list (`list`, a span of `sentence`) between its separators
/// ([`LIST_SEPARATOR`]), after the spaces at its end are cut: read by hand on ASCII text
/// ([`list_separators_ascii`]), searched otherwise.
fn list_pieces(sentence: &str, list: Span) -> Vec<(usize, usize)> {
    let body = list.of(sentence).trim_end();
    let mut pieces: Vec<(usize, usize)> = Vec::with_capacity(4);
    let mut pos = list.start;
    let mut cut = |start: usize, end: usize| {
        pieces.push((pos, list.start + start));
        pos = list.start + end;
    };
    if body.is_ascii() {
        list_separators_ascii(body.as_bytes(), &mut cut);
    } else {
        for sep in LIST_SEPARATOR.find_iter(body) {
            cut(sep.start(), sep.end());
        }
    }
    pieces.push((pos, list.start + body.len()));
    pieces
}

/// The matches of [`LIST_SEPARATOR`] in ASCII `body`, in order, handed to `found` (start, end),
/// read by hand: at a comma, the comma, its spaces, and "and" or "or" with spaces after it if
/// they follow, else the comma and its spaces; at a run of spaces followed by "and" or "or" and
/// spaces, the run to the end of those spaces (the pattern is case-sensitive).
fn list_separators_ascii(body: &[u8], mut found: impl FnMut(usize, usize)) {
    // "and" or "or" at `at`, with at least one space after it: where the spaces end
    let conjunction_then_spaces = |at: usize| {
        let rest = &body[at..];
        let word = [&b"and"[..], b"or"].into_iter().find(|w| rest.starts_with(w))?;
        let end = spaces_end(body, at + word.len());
        (end > at + word.len()).then_some(end)
    };
    let mut i = 0;
    while i < body.len() {
        if body[i] == b',' {
            let spaces = spaces_end(body, i + 1);
            let end = conjunction_then_spaces(spaces).unwrap_or(spaces);
            found(i, end);
            i = end;
        } else if is_ascii_space(body[i]) {
            let spaces = spaces_end(body, i);
            if let Some(end) = conjunction_then_spaces(spaces) {
                found(i, end);
                i = end;
            } else {
                i = spaces;
            }
        } else {
            i += 1;
        }
    }
}

/// Where the groups of a [`LIST`] match from `start` to `end` of `sentence` stand.
#[derive(Debug, PartialEq)]
struct ListGroups {
    /// The count (`n`).
    n: (usize, usize),
    /// The end of the noun (`noun`).
    noun_end: usize,
    /// The list (`list`).
    list: (usize, usize),
}

/// The groups of the [`LIST`] match from `start` to `end` of `sentence`, read from the text: each
/// is fixed by the match alone. The count holds no space and is followed by one, so it runs to
/// the first space; the noun ends with a letter, then spaces and the match's only colon (neither
/// the count, the noun nor the list has one); the list runs from after the spaces that follow the
/// colon to the end of the match, but keeps at least one character (`\s*` gives one back when
/// the list would be empty). `\s` and `char::is_whitespace` are both Unicode's White_Space.
fn list_groups(sentence: &str, start: usize, end: usize) -> ListGroups {
    let whole = &sentence[start..end];
    let n_end = start + whole.find(char::is_whitespace).expect("a space follows the count");
    let colon = start + memchr::memchr(b':', whole.as_bytes()).expect("the match has a colon");
    let noun_end = sentence[..colon].trim_end_matches(char::is_whitespace).len();
    let after = &sentence[colon + 1..end];
    let spaces = after.len() - after.trim_start_matches(char::is_whitespace).len();
    let mut list_start = colon + 1 + spaces;
    if list_start == end {
        // the list is one character: the last of the spaces
        list_start = colon + 1 + after.char_indices().last().expect("the list is not empty").0;
    }
    ListGroups {
        n: (start, n_end),
        noun_end,
        list: (list_start, end),
    }
}

/// "three requests", "two orders": a small announced count of cases.
static ANNOUNCED_CASES: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i)\b(?P<n>{SMALL})\s+(?:[a-z-]+\s+){{0,3}}?(?:requests|cases|orders|demands|letters|warrants|subpoenas|lawsuits|challenges|appeals|complaints)\b"
    ))
    .unwrap()
});

/// "In two cases", "in one of them", "In the third case", "in the other".
static CASE_PART: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i)\b(?:in|for)\s+(?:(?P<n>{SMALL})\s+(?:cases|case|instances|of\s+them|of\s+these|of\s+those)|the\s+(?P<o>other|remaining|second|third|fourth|fifth|sixth|last|final)\s+(?:case|one|instance|request|order)s?|the\s+(?P<on>other|remaining)\s+(?P<m>{SMALL})\b)"
    ))
    .unwrap()
});

/// The match of [`ANNOUNCED_CASES`] in `paragraph` and its group `n`. On ASCII text the group is
/// read off the match: the count is one word or run of digits, and spaces follow it.
fn announced_cases(paragraph: &str) -> Option<(regex::Match<'_>, &str)> {
    if !paragraph.is_ascii() {
        let c = ANNOUNCED_CASES.captures(paragraph)?;
        return Some((
            c.get(0).expect("whole match"),
            c.name("n").expect("n is required").as_str(),
        ));
    }
    let whole = ANNOUNCED_CASES.find(paragraph)?;
    let text = whole.as_str();
    let n_end = text
        .bytes()
        .position(|b| matches!(b, b'\t'..=b'\r' | b' '))
        .expect("spaces follow the count");
    Some((whole, &text[..n_end]))
}

/// The announced cases of a paragraph and their breakdown ("three requests ... In two cases ...
/// In the third case"); spans are relative to the paragraph.
pub fn case_enumerations(paragraph: &str) -> Vec<Enumeration> {
    let mut out = Vec::new();
    let Some((whole, n)) = announced_cases(paragraph) else {
        return out;
    };
    let Some(n) = small_count(n) else {
        return out;
    };
    let rest = &paragraph[whole.end()..];
    let mut items = Vec::new();
    let mut counted = 0;
    let mut has_count = false;
    let mut has_last = false;
    let mut last_end = 0;
    for c in CASE_PART.captures_iter(rest) {
        let m = c.get(0).expect("whole match");
        // "in the remaining 32, we disclosed data, including content in 19 of them": a part of
        // the part before, not one of the breakdown's
        let since_last = &rest[last_end..m.start()];
        last_end = m.end();
        if since_last
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.eq_ignore_ascii_case("including"))
        {
            continue;
        }
        let k = if let Some(k) = c.name("n").and_then(|k| small_count(k.as_str())) {
            has_count = true;
            k
        } else if let Some(k) = c.name("m").and_then(|k| small_count(k.as_str())) {
            has_last = true;
            k
        } else {
            has_last = true;
            1
        };
        counted += k;
        items.push(Span::new(whole.end() + m.start(), whole.end() + m.end()));
    }
    // Only a breakdown that claims to be complete ("the third case", "the other") is checked.
    if has_count && has_last {
        out.push(Enumeration {
            announced: n,
            announced_span: Span::new(whole.start(), whole.end()),
            items,
            counted,
        });
    }
    out
}

/// The place value of the last digit a writer may have rounded to: 1 for "31,002", 1,000 for
/// "31,000", 100 for "65.5 thousand", 0.1 for "4.5 percent". Trailing zeros are read as
/// rounding, keeping two significant digits ("20,000" may be anything from 19,500 to 20,500).
pub fn precision_of(written: &str, value: f64) -> f64 {
    precision_of_number(plain_number(written).or_else(|| number_read_slowly(written)), value)
}

/// [`precision_of`] of a figure read plainly at its ASCII digits (a number or a percentage alone,
/// [`Mention::plain`](crate::extract::number::Mention::plain)), from its value and the place
/// value of its last digit as the number reader gives it (`place`: 1 without decimals, 0.1 and
/// 0.01 with one and two), without reading its text again: the number [`precision_of`] reads
/// there is the one the number reader read, and its digits give its value. Without decimals the
/// value, an integer below 10^15, tells the digits' count past their leading 0s and the 0s that
/// end them (most end in none: exact to the unit); with one or two decimals, their count alone
/// gives the precision. `None` for other places and larger values (rare), whose text is read.
#[inline]
pub fn precision_of_plain(value: f64, place: f64) -> Option<f64> {
    if place == 1.0 {
        // (converted and back: an integer below 10^15, exact as a double)
        let n = value as i64;
        if !(value < 1e15 && n as f64 == value && n >= 0) {
            return None;
        }
        if n % 10 != 0 {
            // no 0 ends the digits: `unscaled_precision` uses none, 10^0
            return Some(1.0);
        }
        let n = n as u64;
        let number = WrittenNumber {
            raw: Some(value),
            decimals: 0,
            significant: n.checked_ilog10().map_or(0, |log| log as usize + 1),
            zeros: trailing_zeros(n),
        };
        return Some(precision_of_number(Some(number), value));
    }
    // One or two decimals: `unscaled_precision` gives the place itself, in the table.
    (place == 0.1 || place == 0.01).then_some(place)
}

/// The first number written in digits in a figure's text, as [`precision_of`] reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct WrittenNumber {
    /// Its value as its digits give it (`None` when they cannot be read).
    raw: Option<f64>,
    /// How many decimals it has.
    decimals: usize,
    /// Without decimals: its digits from the first that is not 0, and how many 0s end them.
    significant: usize,
    zeros: usize,
}

/// [`precision_of`] for the number its text holds (`None`: a number in words).
fn precision_of_number(number: Option<WrittenNumber>, value: f64) -> f64 {
    let Some(number) = number else {
        // Number words: small ones are exact, "half a million" is rounded.
        return if value >= 1000.0 { value / 10.0 } else { 1.0 };
    };
    let raw = number.raw.unwrap_or(value);
    let (unscaled, in_table) = unscaled_precision(&number);
    // A value its digits give as they stand (nearly every one: no "million" scales it) has a
    // scale of 1, and a precision in the table, which the rounding below keeps as it is, is that
    // of its digits: spared the scale, the search of the table and the rounding. (Digits past
    // f64's range read infinite, where the scale is NaN.)
    if raw == value && in_table && value.is_finite() {
        return unscaled;
    }
    scaled_precision(unscaled, raw, value)
}

/// The precision of digits whose own is `unscaled`, that read `raw` and stand for `value`
/// ("1.5 million": 0.1, 1.5 and 1,500,000): `unscaled` times the scale, rounded to the power of
/// ten it is within float noise of.
fn scaled_precision(unscaled: f64, raw: f64, value: f64) -> f64 {
    let scale = if raw > 0.0 && value > 0.0 { value / raw } else { 1.0 };
    let precision = unscaled * scale;
    // A power of ten the rounding below keeps as it is (nearly every precision) is spared it.
    if POWERS_OF_TEN.contains(&precision) {
        return precision;
    }
    nearest_power_of_ten_if_close(precision)
}

/// The precision of a number's digits before a scale ("million") multiplies it: 0.1 for "4.5",
/// 1,000 for "31,000". With it, whether it is known to be one of [`POWERS_OF_TEN`] without a
/// search: up to two decimals, or none and up to nine zeros read as rounding (false otherwise,
/// whatever it is).
fn unscaled_precision(number: &WrittenNumber) -> (f64, bool) {
    let decimals = number.decimals;
    if decimals > 0 {
        return (ten_to_the_minus(decimals), decimals <= 2);
    }
    let (significant, zeros) = (number.significant, number.zeros);
    // Four digits and more keep two significant digits ("20,000" is 19,500 to 20,500); below
    // that only a run of zeros reads as rounding ("500" is 495 to 505, "120" is exact).
    let used = if significant >= 4 {
        zeros.min(significant - 2)
    } else {
        zeros.saturating_sub(1)
    };
    (ten_to_the(used), used <= 9)
}

/// The first number of `written` read in one pass over its bytes, when it has at most 15 digits
/// and the bytes read are ASCII (nearly always: a precision is read for every figure); `None`
/// otherwise. The bytes read are those up to the number, the number and the one or two after it
/// that end it: no digit of another script can come before the number or extend it then, and
/// the rest of the text, which is not read, does not change it.
///
/// The loop keeps the digits' value and count, how many 0s start them, and where the point is;
/// the 0s that end them are those of the value, counted once at the end (most values end in
/// none, told by one test).
fn plain_number(written: &str) -> Option<WrittenNumber> {
    let bytes = written.as_bytes();
    let start = bytes.iter().position(|b| b.is_ascii_digit() || !b.is_ascii())?;
    let (mut mantissa, mut digits, mut leading_zeros) = (0u64, 0usize, 0usize);
    // the digits read before the point, once one is
    let mut whole_digits = None;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        match b {
            b'0'..=b'9' if digits < 15 => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                digits += 1;
                leading_zeros += usize::from(mantissa == 0);
            }
            b'0'..=b'9' => return None,
            b',' if whole_digits.is_none() => {}
            b'.' if whole_digits.is_none() => match bytes.get(i + 1) {
                Some(next) if next.is_ascii_digit() => whole_digits = Some(digits),
                Some(next) if !next.is_ascii() => return None,
                _ => break,
            },
            _ if !b.is_ascii() => return None,
            _ => break,
        }
    }
    let decimals = whole_digits.map_or(0, |whole| digits - whole);
    // (below 10^15, the value converts to a float exactly, by the signed conversion's one
    // instruction)
    let value = mantissa as i64 as f64;
    Some(WrittenNumber {
        raw: Some(if decimals == 0 {
            value
        } else {
            value / POWERS_OF_TEN_UP[decimals]
        }),
        decimals,
        significant: digits - leading_zeros,
        zeros: trailing_zeros(mantissa),
    })
}

/// How many 0s end the digits of `n` (none for 0).
fn trailing_zeros(n: u64) -> usize {
    let (mut rest, mut zeros) = (n, 0);
    while rest != 0 && rest % 10 == 0 {
        rest /= 10;
        zeros += 1;
    }
    zeros
}

/// [`plain_number`] for any text: the number found by [`written_digits`], its digits copied
/// out of it and parsed. Kept out of line (rarely called): [`precision_of`], which calls it when
/// [`plain_number`] cannot read, then sets up fewer registers for every figure.
#[cold]
#[inline(never)]
fn number_read_slowly(written: &str) -> Option<WrittenNumber> {
    let (number, decimals) = written_digits(written)?;
    // the number without its group commas, in a buffer on the stack when it fits
    let mut buffer = [0u8; 32];
    let long: Vec<u8>;
    let digits = match digits_and_points_in(number, &mut buffer) {
        Some(digits) => digits,
        None => {
            long = number.bytes().filter(is_digit_or_point).collect();
            &long
        }
    };
    let trimmed = &digits[digits.iter().take_while(|&&b| b == b'0').count()..];
    Some(WrittenNumber {
        raw: parse_digits(digits),
        decimals,
        significant: trimmed.len(),
        zeros: trimmed.iter().rev().take_while(|&&b| b == b'0').count(),
    })
}

/// Powers of ten, in the order precisions are most often: [`nearest_power_of_ten_if_close`]
/// gives each back unchanged (tested).
const POWERS_OF_TEN: [f64; 12] = [
    1.0, 1000.0, 100.0, 10.0, 0.1, 10_000.0, 100_000.0, 0.01, 1e6, 1e7, 1e8, 1e9,
];

/// `precision`, or the power of ten it is within float noise of: the scale division leaves noise
/// ("1.5 million" gives 100,000 exactly).
fn nearest_power_of_ten_if_close(precision: f64) -> f64 {
    let magnitude = 10f64.powf(precision.log10().round());
    if (precision / magnitude - 1.0).abs() < 1e-6 {
        magnitude
    } else {
        precision
    }
}

/// The value of ASCII digits with at most one point, as `str::parse::<f64>` reads them (the
/// value of an unreadable text is `None`). Up to 15 digits with a point between digits, the digits
/// read as an integer and divided by a power of ten are exact, and the one division is rounded
/// as the parse rounds: the parse's own fast path, without its checks of the text.
fn parse_digits(digits: &[u8]) -> Option<f64> {
    let point = digits.iter().position(|&b| b == b'.');
    let (int, fraction) = match point {
        Some(p) => (&digits[..p], &digits[p + 1..]),
        None => (digits, &digits[..0]),
    };
    let simple = !int.is_empty()
        && (point.is_none() || !fraction.is_empty())
        && int.len() + fraction.len() <= 15
        && int.iter().chain(fraction).all(u8::is_ascii_digit);
    if !simple {
        return std::str::from_utf8(digits).ok()?.parse().ok();
    }
    let mantissa = int
        .iter()
        .chain(fraction)
        .fold(0u64, |m, &b| m * 10 + u64::from(b - b'0'));
    Some(mantissa as f64 / POWERS_OF_TEN_UP[fraction.len()])
}

/// `10f64.powi(n)`, from [`POWERS_OF_TEN_UP`] where it holds it: `powi` multiplies exact powers
/// of ten up to there, so the two are the same (tested).
fn ten_to_the(n: usize) -> f64 {
    POWERS_OF_TEN_UP.get(n).copied().unwrap_or_else(|| 10f64.powi(n as i32))
}

/// `10f64.powi(-n)`: `powi` divides 1 by the exact power of ten, as this does.
fn ten_to_the_minus(n: usize) -> f64 {
    POWERS_OF_TEN_UP
        .get(n)
        .map_or_else(|| 10f64.powi(-(n as i32)), |p| 1.0 / p)
}

/// 10 to the powers 0 to 15, each exact.
const POWERS_OF_TEN_UP: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

fn is_digit_or_point(b: &u8) -> bool {
    b.is_ascii_digit() || *b == b'.'
}

/// The ASCII digits and points of `number` written into `buffer`, when they fit.
fn digits_and_points_in<'b>(number: &str, buffer: &'b mut [u8; 32]) -> Option<&'b [u8]> {
    let mut len = 0;
    for b in number.bytes().filter(is_digit_or_point) {
        *buffer.get_mut(len)? = b;
        len += 1;
    }
    Some(&buffer[..len])
}

/// The first number written in digits in `written` (`\d[\d,]*(?:\.\d+)?`) and how many
/// decimals it has. ASCII text is scanned by hand; other text goes through the pattern, whose
/// `\d` takes every decimal digit.
fn written_digits(written: &str) -> Option<(&str, usize)> {
    static DIGITS: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\d[\d,]*(?:\.(?P<d>\d+))?").unwrap());
    if !written.is_ascii() {
        let c = DIGITS.captures(written)?;
        let whole = c.get(0).expect("whole match").as_str();
        return Some((whole, c.name("d").map_or(0, |d| d.as_str().len())));
    }
    let bytes = written.as_bytes();
    let start = bytes.iter().position(u8::is_ascii_digit)?;
    let mut end = start
        + bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b',')
            .count();
    let mut decimals = 0;
    if bytes.get(end) == Some(&b'.') {
        decimals = bytes[end + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
        if decimals > 0 {
            end += 1 + decimals;
        }
    }
    Some((&written[start..end], decimals))
}

#[cfg(test)]
mod tests {

    /// The separators of [`super::list_marks`] by the colons' and the dashes' first byte, a byte
    /// at a time around each: the reading it replaced, and the test's reference.
    fn list_separators_by_first_bytes(bytes: &[u8]) -> Vec<(usize, usize)> {
        let spaced_dash = |i: usize| {
            i > 0
                && bytes[i - 1] == b' '
                && bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0x93 | 0x94))
                && bytes.get(i + 3) == Some(&b' ')
        };
        memchr::memchr2_iter(b':', 0xE2, bytes)
            .filter_map(|i| match bytes[i] {
                b':' if bytes.get(i + 1) == Some(&b' ') => Some((i, i + 2)),
                0xE2 if spaced_dash(i) => Some((i - 1, i + 4)),
                _ => None,
            })
            .collect()
    }

    /// The separators found by the dashes' last bytes (and on ASCII text by the colons alone)
    /// are those found by their first, and the colons found with them are every colon: around
    /// curly quotes, other characters whose bytes hold 0x93 or 0x94, dashes at the edges,
    /// unspaced and doubly spaced, and on sample articles as written and as news sites print
    /// them.
    #[test]
    fn the_separators_found_by_the_dashes_last_bytes_are_those_by_their_first() {
        let mut texts: Vec<String> = [
            "Three kinds: a, b and c \u{2014} and \u{2013} more: \u{201c}quoted\u{201d} \u{2019}s",
            "\u{2014} at the start, \u{2014}unspaced\u{2014}, \u{2013}, spaced \u{2014}  twice \u{2013}",
            "Ends with a colon:",
            "Ends with a dash \u{2014}",
            "Ends with a spaced dash \u{2014} ",
            "Other characters \u{0113} \u{0153} \u{2193} \u{2094} \u{e093}: \u{3013} \u{2e94} :: : \u{2014} ",
            "A colon: then an ASCII text: and another:none",
            "Four apps \u{2014} Flo, Clue \u{2013} Oura \u{2014} \u{201c}Fitbit\u{201d} \u{2013} and two: more",
        ]
        .map(str::to_owned)
        .to_vec();
        texts.extend(crate::gen::sample_texts_and_typeset(20));
        let (mut found, mut dashes, mut colons) = (0, 0, 0);
        for text in &texts {
            let bytes = text.as_bytes();
            let expected = super::ListMarks {
                separators: list_separators_by_first_bytes(bytes),
                colons: bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, &b)| b == b':')
                    .map(|(i, _)| i)
                    .collect(),
            };
            assert_eq!(super::list_marks(bytes, text.is_ascii()), expected, "{text:?}");
            found += expected.separators.len();
            dashes += expected.separators.iter().filter(|&&(at, _)| bytes[at] == b' ').count();
            colons += expected.colons.len();
        }
        assert!(
            found >= 20 && dashes >= 6 && colons > found,
            "{found} {dashes} {colons}"
        );
    }

    /// The spaces and the bytes outside ASCII that SSE2 finds are those of each byte alone.
    #[test]
    fn the_spaces_of_sixteen_bytes_are_those_of_each_byte() {
        let mut texts = crate::gen::sample_texts_and_typeset(4);
        texts.push("\t\n\u{b}\u{c}\r \u{8}\u{e}\u{1f}!\u{7f}\u{a0}\u{2003}é".to_owned());
        let mut spaces = 0;
        for t in &texts {
            for sixteen in t.as_bytes().windows(16) {
                let sixteen: &[u8; 16] = sixteen.try_into().expect("sixteen bytes");
                let mask = super::spaces_and_outside(sixteen);
                assert_eq!(mask, super::spaces_and_outside_by_bytes(sixteen), "{sixteen:?}");
                spaces += (mask & 0xFFFF).count_ones();
            }
            // and at every place near the end, padded with spaces
            let bytes = t.as_bytes();
            for at in bytes.len().saturating_sub(16)..bytes.len() {
                let mut padded = [b' '; 16];
                padded[..bytes.len() - at].copy_from_slice(&bytes[at..]);
                let mask = super::spaces_and_outside_by_bytes(&padded);
                assert_eq!(
                    super::spaces_and_outside_of_sixteen(bytes, at),
                    (mask & 0xFFFF, mask >> 16)
                );
            }
        }
        assert!(spaces >= 10_000, "{spaces}");
    }

    /// [`super::clause_start`] is `str::rfind` of ";" and "." on windows of sample lines and
    /// articles (as written and typeset: curly quotes, dashes, letters outside ASCII) ending at
    /// every character of the short ones and at every 7th byte of the long ones, and on texts
    /// with a stop next to characters outside ASCII.
    #[test]
    fn a_clause_starts_where_rfind_finds_the_last_stop() {
        let mut texts: Vec<String> = crate::gen::sample_lines(50);
        texts.extend(crate::gen::sample_texts_and_typeset(4));
        texts.extend(["", ".", ";", "a.b;c", "\u{2014}.\u{201c};\u{e9}", "Zürich; 日本。. Ω"].map(str::to_owned));
        let (mut windows, mut stops) = (0, 0);
        for t in &texts {
            let step = if t.len() > 400 { 7 } else { 1 };
            for end in (0..=t.len()).step_by(step).filter(|&i| t.is_char_boundary(i)) {
                let start = end.saturating_sub(100);
                let Some(window) = t.get(start..end) else { continue };
                let found = window.rfind([';', '.']).map_or(0, |i| i + 1);
                assert_eq!(super::clause_start(window), found, "{window:?}");
                windows += 1;
                stops += usize::from(found > 0 && !window.is_ascii());
            }
        }
        assert!(windows >= 5_000 && stops >= 500, "{windows} {stops}");
    }

    /// Every window before a separator that [`super::FAR_COUNT`] matches is one
    /// [`super::may_hold_far_count`] lets through: the windows that end at each colon, comma and
    /// dash of sample articles (as written and typeset) and at every 11th byte, and counts that
    /// do and do not start a word or end before a space.
    #[test]
    fn the_windows_spared_the_far_count_search_hold_no_far_count() {
        let mut texts = crate::gen::sample_texts_and_typeset(30);
        texts.extend(
            [
                "five of the 14 countries",
                "Only Three of the apps",
                "It named 123 kinds",
                "It named x12 kinds",
                "It named a-12 kinds",
                "In TWELVE\tkinds",
                "In eleven\u{a0}kinds",
                "In \u{17f}ix kinds",
                "In \u{17f}even kinds",
                "In \u{663} kinds",
                "In 1\u{663} kinds",
                "In ²3 kinds",
                "In five\u{2003}kinds",
                "In five\u{3000}kinds",
                "\u{201c}Five of the apps\u{201d}",
                "\u{e9}five kinds",
                "five \u{2014} kinds",
                "The caf\u{e9} named five kinds",
                "The caf\u{e9} named \u{212a}inds",
                "In 5one kinds",
                "In one_ kinds",
                "twenty-one kinds",
                "the seven\nsorts",
                "teN\u{b}forms",
                "tens of kinds",
            ]
            .map(str::to_owned),
        );
        let (mut windows, mut matched, mut spared) = (0, 0, 0);
        for text in &texts {
            let ends = text
                .char_indices()
                .filter(|&(i, c)| matches!(c, ':' | ',' | '\u{2014}') || i % 11 == 0)
                .map(|(i, _)| i)
                .chain([text.len()]);
            for end in ends {
                let mut start = end.saturating_sub(100);
                while !text.is_char_boundary(start) {
                    start += 1;
                }
                let window = &text[start..end];
                let found = super::FAR_COUNT.captures_iter(window).next().is_some();
                let may = super::may_hold_far_count(window);
                assert!(may || !found, "{window:?}");
                windows += 1;
                matched += usize::from(found);
                spared += usize::from(!may);
            }
        }
        assert!(
            windows >= 5_000 && matched >= 100 && spared >= windows / 2,
            "{windows} {matched} {spared}"
        );
    }

    #[test]
    fn text_trimmed_by_its_ascii_spaces_is_the_text_str_trim_end_gives() {
        // every character white space to `char::is_whitespace` and some that are not (the
        // information separators U+001C to U+001F, which Python counts), before and after letters
        let pieces = [
            " ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}",
            "\u{200a}", "\u{200b}", "\u{2028}", "\u{202f}", "\u{3000}", "\u{feff}", "a", "é", "’", "",
        ];
        let mut read_back = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in [" ", "  ", "\t ", ""] {
                        let text = format!("x{a}{b}{c}{d}");
                        assert_eq!(super::trim_end_spaces(&text), text.trim_end(), "{text:?}");
                        read_back += usize::from(!c.is_empty() && !c.is_ascii());
                    }
                }
            }
        }
        assert!(read_back > 1_000, "{read_back}");
        assert_eq!(super::trim_end_spaces(" \t "), "");
        assert_eq!(super::trim_end_spaces("of \u{a0} "), "of");
    }

    #[test]
    fn spaces_start_and_end_where_the_spaces_around_a_place_do() {
        let bytes = b" \ta \t\n\r\x0b\x0cb  c\xc2\xa0 d ";
        for end in 0..=bytes.len() {
            // the spaces counted back with `char::is_whitespace` of each byte taken as a character
            let spaces = bytes[..end]
                .iter()
                .rev()
                .take_while(|&&b| b.is_ascii() && char::from(b).is_whitespace())
                .count();
            assert_eq!(super::spaces_start(bytes, end), end - spaces, "{end}");
        }
        assert_eq!(super::spaces_start(bytes, 9), 3, "the six ASCII spaces after the \"a\"");
        assert_eq!(super::spaces_start(bytes, 2), 0, "the spaces that start the text");
        for at in 0..=bytes.len() {
            let spaces = bytes[at..]
                .iter()
                .take_while(|&&b| b.is_ascii() && char::from(b).is_whitespace())
                .count();
            assert_eq!(super::spaces_end(bytes, at), at + spaces, "{at}");
        }
        assert_eq!(super::spaces_end(bytes, 3), 9, "the six ASCII spaces after the \"a\"");
        assert_eq!(super::spaces_end(bytes, 0), 2, "the spaces that start the text");
    }

    #[test]
    fn letters_read_eight_at_a_time_end_where_read_one_by_one() {
        let mut bytes: Vec<u8> = (0u8..=255).collect();
        bytes.extend(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ \xc3\xa9x");
        bytes.extend(b"requests".repeat(3));
        let mut letters = 0;
        // every start, and every end of the last 30 bytes, which cut the runs at each place of a block
        for end in bytes.len() - 30..=bytes.len() {
            for at in 0..=end {
                let expected = super::letters_end(&bytes[..end], at);
                letters += expected - at;
                assert_eq!(super::letters_end_by_eight(&bytes[..end], at), expected, "{at} {end}");
            }
        }
        assert!(letters > 10_000, "{letters}");
    }

    #[test]
    fn finding_in_the_lowercased_text_is_finding_in_a_lowercased_copy() {
        for hay in [
            "Account Requests and user DATA requests",
            "Ünïcode REQUESTS é",
            "",
            "ab",
            "aB",
            "ABab",
            "x1 2-_",
        ] {
            for needle in [
                "requests",
                "data requests",
                "",
                "ab",
                "b",
                "é",
                "Requests",
                "abc",
                "Ü",
                "1 2",
                "-",
                "_",
                "A",
            ] {
                assert_eq!(
                    find_in_lowercased(hay, needle),
                    hay.to_ascii_lowercase().find(needle),
                    "{needle:?} in {hay:?}"
                );
            }
        }
    }
    use super::*;

    #[test]
    fn a_ratio_word_hyphenated_to_the_next_is_an_adjective() {
        let claims =
            ratio_claims("Its twice-yearly report, with double-digit growth, says requests more than doubled.");
        let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["more than doubled"]);
    }

    #[test]
    fn single_spaced_eight_bytes_a_step_is_single_spaced_byte_by_byte() {
        // Random texts of the bytes at each bound of the tests (around the capitals and the
        // spaces, outside ASCII), mostly letters and spaces so that many pass, at every length
        // across two steps and more; and the texts around figures.
        let alphabet: &[&str] = &[
            "a", "a", "a", "z", " ", " ", "A", "Z", "@", "[", "`", "{", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{8}",
            "\u{e}", "!", "\u{7f}", "é", "\u{a0}", "5",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut texts: Vec<String> = texts_around_figures();
        for _ in 0..60_000 {
            let len = next(28);
            // letters and spaces only, or any byte of the alphabet
            let pick = if next(2) == 0 { 5 } else { alphabet.len() };
            texts.push((0..len).map(|_| alphabet[next(pick)]).collect());
        }
        let (mut passed_long, mut failed_long) = (0, 0);
        for t in &texts {
            for capitals in [false, true] {
                let fast = is_single_spaced(t.as_bytes(), capitals);
                assert_eq!(
                    fast,
                    single_spaced_bytes(t.as_bytes(), capitals, true),
                    "{t:?} {capitals}"
                );
                if t.len() >= 16 {
                    passed_long += usize::from(fast);
                    failed_long += usize::from(!fast);
                }
            }
        }
        assert!(
            passed_long > 3_000 && failed_long > 3_000,
            "{passed_long} {failed_long}"
        );
    }

    /// Texts before and after a figure, with the words the shortcuts look for in every case,
    /// spacing and neighbourhood.
    fn texts_around_figures() -> Vec<String> {
        let prefixes = [
            "",
            "x",
            "5",
            "the ",
            "requests, ",
            "exactly ",
            "Of the ",
            "rose from ",
            "(",
            "é ",
        ];
        let ends = [
            "",
            " ",
            "$",
            "about ",
            "About  ",
            "more than ",
            "up to $",
            "at least\t",
            "xabout ",
            "5about ",
            "about",
            "ſome ",
            "about\u{a0}",
            "an estimated €",
            "of ",
            "half of the ",
            "two-thirds of its ",
            "a third of ",
            "Of  ",
            "THE ",
            "all\n",
            "between 5 and ",
            "5 - ",
            "5 to $",
            "between $",
            "from 236 to ",
            "Between ",
            "AND ",
            "5-",
            "5 – ",
            "5 to",
            " of the requests",
            "\tof\tall users",
            " ofx",
            " Of",
            " of",
            "of them",
            " of them",
            " of ",
            " of .",
            " of the",
            " of the.",
            " of  the   requests  made",
            " of all-time highs",
            " of its 5 users",
            " of the -x",
            " of\tthe\t_x y",
            " OF THE X-y z",
            " of the  ",
            " of -",
            " of _ 5",
            " of thee x",
            " of its",
            " of x9 y9",
            "\u{a0}of the total",
            " as many as",
            " about half as many as those from the United States",
            " twice as many as in Germany.",
            " half. as many as in Germany",
            " Half as many as from US",
            " - 9",
            " to 425",
            " and 7",
            " requests from US law enforcement",
            " requests. From US",
            " in Taiwan",
            " requests, from the United States",
            " from authorities in Brazil",
        ];
        let mut texts = Vec::new();
        for p in prefixes {
            for e in ends {
                texts.push(format!("{p}{e}"));
            }
        }
        texts
    }

    #[test]
    fn the_approximation_read_from_the_last_two_runs_is_the_whole_texts() {
        let ends = [
            "about ",
            "roughly\u{a0}",
            "more than ",
            "More\u{a0}\u{2003}than  $",
            "fewer than\t€",
            "x-about ",
            "éabout ",
            "é about ",
            "just  over £",
            "just\nover ",
            "an estimated ",
            "up to $ ",
            "up to",
            "close to ",
            "to ",
            "ſome ",
            "\u{212a}about ",
            "about$",
            "",
            " ",
            "$",
        ];
        let prefixes = [
            "",
            "Müller said “we got ",
            "rose by ",
            "a — ",
            "requests\u{2019} ",
            "x\u{3000}",
        ];
        for p in prefixes {
            for e in ends {
                let t = format!("{p}{e}");
                let whole = APPROX_BEFORE.captures(&t).map(|c| {
                    c["q"]
                        .to_ascii_lowercase()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                });
                assert_eq!(approx_before(&t), whole, "{t:?}");
            }
        }
        assert_eq!(last_two_runs_start("a b  more than $"), 5);
        assert_eq!(last_two_runs_start("a é x-about\u{a0}€"), 2);
        assert_eq!(last_two_runs_start("about"), 0);
    }

    #[test]
    fn the_shortcuts_before_capture_searches_change_nothing() {
        let texts = texts_around_figures();
        for t in &texts {
            assert_eq!(approx_before(t).is_some(), APPROX_BEFORE.is_match(t), "{t:?}");
            assert_eq!(fraction_before(t).is_some(), FRACTION_OF.is_match(t), "{t:?}");
            let by_pattern = SHARE_BASE.captures(t).map(|c| c["b"].to_owned());
            assert_eq!(share_base(t).map(str::to_owned), by_pattern, "{t:?}");
            assert!(!AS_MANY_AS.is_match(t) || may_say_as_many_as(t), "{t:?}");
            assert!(!COUNTRY_AFTER.is_match(t) || may_name_country_after(t), "{t:?}");
            for a in &texts {
                assert_eq!(is_range_bound(t, a), is_range_bound_by_patterns(t, a), "{t:?} {a:?}");
            }
            assert!(!RANGE_AFTER.is_match(t) || may_continue_range(t), "{t:?}");
        }
        for after in [
            " - 5",
            "–5",
            " — $5",
            " to 5",
            " and 5",
            "to5",
            " tox 5",
            "\u{a0}to 5",
            " AND 5",
            "  -  €5",
            "\n\tand\t£7",
        ] {
            assert!(RANGE_AFTER.is_match(after) <= may_continue_range(after), "{after:?}");
        }
        assert!(approx_before("rose by about $").is_some());
        assert!(fraction_before("exactly half of the ").is_some());
        assert!(share_base(" of the worldwide total").is_some());
        assert!(as_many_as(" about half as many as those from the United States").is_some());
        assert_eq!(
            country_of("requests", " from US law enforcement").as_deref(),
            Some("US")
        );
        assert!(is_range_bound("between 5 and ", ""));
        for w in [
            "us", "u.s.", "US", "uk", "germany", "German", "gERMANY", "united", "états", "é", "x", "spain", "Spanish",
        ] {
            let mut cap = w.to_owned();
            if let Some(first) = cap.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            assert_eq!(is_country_word_capitalized(w), is_country_word(&cap), "{w:?}");
        }
    }

    #[test]
    fn reading_in_place_changes_nothing() {
        let texts = texts_around_figures();
        let approx_words = ["about", "than", "to", "least", "estimated", "over"];
        let fraction_words = ["of", "the", "its", "all"];
        for t in &texts {
            for words in [&approx_words[..], &fraction_words[..]] {
                assert_eq!(
                    ends_with_word_and_spaces(t, words),
                    ends_with_word_and_spaces_by_copy(t, words),
                    "{t:?} {words:?}"
                );
            }
        }
        for t in [
            "of ", "Of", "xof ", "5of ", "OF\t\n", "proof ", "ofof ", " ", "", "é of ",
        ] {
            assert_eq!(
                ends_with_word_and_spaces(t, &fraction_words),
                ends_with_word_and_spaces_by_copy(t, &fraction_words),
                "{t:?}"
            );
        }
        let afters = [
            " account requests from",
            " Account REQUESTS.",
            " user data requests, up",
            " user Data Requests",
            " data, requests",
            " requests",
            " requests requests",
            " the user data",
            " user ſtuff requests",
            "",
            " User \u{a0}Requests!",
            "user requests-",
        ];
        for measure in ["user", "user data", "account", "requests", "data requests", "", "é"] {
            for a in afters {
                for after in [a.to_owned(), format!("{measure}{a}"), format!("The {measure}{a}")] {
                    let completed = complete_measure(measure, &after);
                    assert_eq!(
                        completed,
                        complete_measure_by_copy(measure, &after),
                        "{measure:?} {after:?}"
                    );
                    let last = completed.split_whitespace().last();
                    assert_eq!(completed_last_word(measure, &after), last, "{measure:?} {after:?}");
                }
            }
        }
        assert_eq!(
            complete_measure("user", "4,825 user data requests"),
            "user data requests"
        );
        // From the words after the measure's first place alone: those after a later one would
        // complete it otherwise.
        let after = "user accounts, and user data requests";
        assert_eq!(complete_measure("user", after), "user");
        assert_eq!(complete_measure_after("user", &after[4..]), "user");
        assert_eq!(complete_measure_after("user", &after[23..]), "user data requests");
        assert_eq!(completed_last_word_after("user", &after[4..]), Some("user"));
        assert_eq!(completed_last_word_after("user", &after[23..]), Some("requests"));
    }

    #[test]
    fn measures_completed_in_place_are_those_completed_by_copy() {
        for w in [
            "orders",
            "ORDERS",
            "Demands",
            "letters",
            "notices",
            "requests",
            "warrants",
            "subpoenas",
            "order",
            "requestss",
            "",
        ] {
            let by_list = HEADS.iter().copied().find(|h| h.eq_ignore_ascii_case(w));
            assert_eq!(head_noun(w), by_list, "{w:?}");
        }
        // Each word of a sampled line (and the two words from it) as the measure, completed in
        // the rest of the line and in the line.
        let lines = crate::gen::sample_lines(200);
        let (mut compared, mut completed, mut spared) = (0, 0, 0);
        for line in &lines {
            let starts: Vec<usize> = line
                .char_indices()
                .filter(|&(i, c)| c.is_alphabetic() && (i == 0 || line[..i].ends_with(' ')))
                .map(|(i, _)| i)
                .collect();
            for (n, &start) in starts.iter().enumerate() {
                let ends = [line[start..].find(' '), starts.get(n + 2).map(|&e| e - start - 1)];
                for end in ends.into_iter().flatten() {
                    let measure = line[start..start + end].to_ascii_lowercase();
                    for after in [&line[start..], line.as_str()] {
                        let fast = complete_measure(&measure, after);
                        assert_eq!(fast, complete_measure_by_copy(&measure, after), "{measure:?} {after:?}");
                        let last = fast.split_whitespace().last();
                        assert_eq!(completed_last_word(&measure, after), last, "{measure:?} {after:?}");
                        let at = find_in_lowercased(after, &measure);
                        if let Some(at) = at {
                            let rest = &after[at + measure.len()..];
                            assert_eq!(complete_measure_after(&measure, rest), fast, "{measure:?} {after:?}");
                            assert_eq!(completed_last_word_after(&measure, rest), last, "{measure:?} {after:?}");
                        }
                        spared +=
                            usize::from(at.is_some_and(|at| !may_lengthen(&after.as_bytes()[at + measure.len()..])));
                        compared += 1;
                        completed += usize::from(fast.len() != measure.len());
                    }
                }
            }
        }
        assert!(
            compared > 100_000 && completed > 500 && spared > 10_000,
            "{completed} and {spared} spared of {compared}"
        );
    }

    #[test]
    fn the_direction_read_off_the_words_is_the_group() {
        let words = [
            "up",
            "rose",
            "rise",
            "rising",
            "risen",
            "increase",
            "increased",
            "increasing",
            "grew",
            "grow",
            "growing",
            "grown",
            "climb",
            "climbed",
            "climbing",
            "jump",
            "jumped",
            "jumping",
            "higher",
            "more than doubled",
            "More  Than\tDoubled",
            "doubled",
            "tripled",
            "trebled",
            "quadrupled",
            "surge",
            "surged",
            "soar",
            "soared",
            "DOWN",
            "Fell",
            "riſe",
            "draſtically dropped",
            "\u{212A}",
            "ſhrank",
        ];
        for &w in words.iter().chain(DOWN_WORDS) {
            for text in [
                w.to_owned(),
                format!("it {w} by"),
                format!("up, then {w}"),
                format!("é{w} x {w}é"),
            ] {
                let by_groups = DIRECTION_WORD
                    .find_iter(&text)
                    .last()
                    .and_then(|m| last_direction_by_groups(&text, m.start()));
                assert_eq!(last_direction(&text), by_groups, "{text:?}");
            }
        }
        for name in COUNTRY_NAMES {
            let lower_first = name[..1].to_ascii_lowercase() + &name[1..];
            for w in [name.to_string(), lower_first] {
                let mut cap = w.clone();
                cap[..1].make_ascii_uppercase();
                assert_eq!(is_country_word_capitalized(&w), is_country_word(&cap), "{w:?}");
            }
        }
        for after in [
            "",
            "x",
            "a US",
            "us, US",
            "é É",
            "from the United States",
            "x. Y",
            "z; Q",
        ] {
            let head = &after[..memchr::memchr3(b'.', b';', b',', after.as_bytes()).unwrap_or(after.len())];
            assert_eq!(
                may_name_country_after(after),
                head.bytes().any(|b| b.is_ascii_uppercase()),
                "{after:?}"
            );
        }
    }

    #[test]
    fn the_requester_after_requests_is_read_in_its_own_words() {
        let other = |words: &str| Some(Requester::Other(words.to_owned()));
        let cases = [
            (" from courts", other("courts")),
            (" from the police in 2014.", other("police")),
            (
                " from federal agencies and 200 from state police",
                other("federal agencies"),
            ),
            (" from police, and", other("police")),
            (" from copyright holders and", other("copyright holders")),
            (
                " from law enforcement agencies",
                Some(Requester::Named("law enforcement")),
            ),
            (" from governments", Some(Requester::Named("government"))),
            (" from the first half of 2014", None),
            (" from a year earlier", None),
            (" from about 2,000", None),
            (" from 2013", None),
            (" from January to June", None),
            (" from the US", None),
            (" from US law enforcement", None),
            (", up from 1,500", None),
            ("from courts", None),
            (" in 2014 from courts", None),
        ];
        for (after, expected) in cases {
            assert_eq!(requester_after(after), expected, "{after:?}");
        }
        assert_eq!(
            canonical_measure("requests", " from the state police"),
            "requests from state police"
        );
        assert_eq!(canonical_measure("new demands", " from courts"), "demands from courts");
        assert_eq!(
            canonical_measure("user data requests", " from courts"),
            "user data requests"
        );
    }

    /// [`canonical_measure`] as written first: its words collected in a list and joined.
    fn canonical_measure_by_list(measure: &str, after_measure: &str) -> String {
        let words: Vec<&str> = measure.split_whitespace().filter(|w| !FILLER.contains(w)).collect();
        let base = words.join(" ");
        if words.len() == 1 && matches!(words[0], "requests" | "demands") {
            return match requester_after(after_measure) {
                Some(Requester::Named(requester)) => format!("{requester} {base}"),
                Some(Requester::Other(words)) => format!("{base} from {words}"),
                None => base,
            };
        }
        base
    }

    #[test]
    fn the_words_cut_by_bytes_are_the_words_split_at_whitespace() {
        let texts = [
            "",
            " ",
            "requests",
            "  us account\trequests \n",
            "a\x0Bb\x0Cc\rd",
            "new requests from the us",
            "total demands",
            "the requests",
            "all new",
            "x\u{a0}y z",
            "é requests\u{2003}from",
            "requests\u{85}x",
            "requests requests",
        ];
        for t in texts {
            assert_eq!(
                words_of(t).collect::<Vec<_>>(),
                t.split_whitespace().collect::<Vec<_>>(),
                "{t:?}"
            );
            for after in ["", " from law enforcement agencies", " from governments", " from the x"] {
                assert_eq!(
                    canonical_measure(t, after),
                    canonical_measure_by_list(t, after),
                    "{t:?} {after:?}"
                );
            }
        }
    }

    /// The table of spaces is `\s` on ASCII: `char::is_whitespace` of each ASCII byte, and no
    /// byte outside ASCII (one that starts or continues a character is no space alone).
    #[test]
    fn the_table_of_spaces_is_whitespace_on_ascii() {
        for b in 0..=u8::MAX {
            let expected = b.is_ascii() && char::from(b).is_whitespace();
            assert_eq!(is_ascii_space(b), expected, "{b:#04x}");
        }
    }

    #[test]
    fn the_fast_number_reading_is_the_parse() {
        let numbers = [
            "0",
            "5",
            "05",
            "31002",
            "31000",
            "4.5",
            "65.5",
            "1.5",
            "0.001",
            "123456789012345",
            "1234567890123456",
            "12345678901234.5",
            "9007199254740993",
            "5.",
            ".5",
            ".",
            "",
            "1.2.3",
            "0.1",
            "3.14159",
            "99999999999.9999",
            "100000000000000",
            "7.000",
        ];
        for n in numbers {
            assert_eq!(
                parse_digits(n.as_bytes()).map(f64::to_bits),
                n.parse::<f64>().ok().map(f64::to_bits),
                "{n:?}"
            );
        }
        for p in POWERS_OF_TEN {
            assert_eq!(nearest_power_of_ten_if_close(p).to_bits(), p.to_bits(), "{p}");
        }
    }

    #[test]
    fn the_list_groups_read_from_the_text_are_the_captured_ones() {
        let mut lines: Vec<String> = crate::gen::sample_lines(300);
        for case in [
            "four countries: Germany, France and Brazil.",
            "four kinds: .",
            "two kinds:\u{2003}\u{2003}.",
            "two kinds :\u{a0}x",
            "12  big new kinds  :  a, b; c",
            "3 kinds:: a, b",
            "Three K\u{212A}inds: a, b",
            "\u{663}\u{664} kinds: a, b and c",
            "seven: eight words: a, b",
            "one two three four five: a, b: c, d",
        ] {
            lines.push(case.to_owned());
        }
        let mut matches = 0;
        for line in &lines {
            for c in LIST.captures_iter(line) {
                let whole = c.get(0).unwrap();
                let noun = c.name("noun").unwrap();
                let (n, list) = (c.name("n").unwrap(), c.name("list").unwrap());
                let expected = ListGroups {
                    n: (n.start(), n.end()),
                    noun_end: noun.end(),
                    list: (list.start(), list.end()),
                };
                assert_eq!(list_groups(line, whole.start(), whole.end()), expected, "{line:?}");
                matches += 1;
            }
            let found: Vec<_> = LIST.find_iter(line).map(|m| (m.start(), m.end())).collect();
            let captured: Vec<_> = LIST
                .captures_iter(line)
                .map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().end()))
                .collect();
            assert_eq!(found, captured, "{line:?}");
        }
        assert!(matches > 50, "{matches}");
    }

    /// ASCII lines that may hold lists: the sample lines with a colon, and random phrases of
    /// counts, nouns, colons and separators.
    fn lines_with_colons() -> Vec<String> {
        let mut lines: Vec<String> = crate::gen::sample_lines(300)
            .into_iter()
            .filter(|l| l.is_ascii() && l.contains(':'))
            .collect();
        let words = [
            "three", "Twelve", "ONE", "someone", "12", "4", "123", "x12", "x-12", "_7", "kinds", "big-new", "of",
            "and", "or", "andor", "Germany", "police", "a", "b2",
        ];
        let gaps = [
            " ", " ", "  ", "\t", ":", " : ", ": ", "::", ", ", ",", " and ", " or ", ",and ", ". ", ";", "-", "",
        ];
        lines.extend(crate::gen::random_phrases(&words, &gaps, 2, 8, 20_000));
        lines
    }

    #[test]
    fn the_lists_read_from_the_colons_are_the_matches_of_the_search() {
        let (mut matches, mut searches) = (0, 0);
        for line in lines_with_colons() {
            let found: Vec<_> = LIST.find_iter(&line).map(|m| (m.start(), m.end())).collect();
            assert_eq!(list_matches(&line).collect::<Vec<_>>(), found, "{line:?}");
            matches += found.len();
            // from every place, as after an earlier match
            for at in 0..=line.len() {
                let expected = LIST.find_at(&line, at).map(|m| (m.start(), m.end()));
                assert_eq!(list_match_ascii(line.as_bytes(), at), expected, "{at} in {line:?}");
                searches += usize::from(expected.is_some());
            }
        }
        assert!(matches > 1_000 && searches > 15_000, "{matches} {searches}");
    }

    #[test]
    fn the_list_separators_read_by_hand_are_the_matches_of_the_search() {
        let mut separators = 0;
        for line in lines_with_colons() {
            for (i, _) in line.char_indices() {
                let body = &line[i..];
                let mut read = Vec::new();
                list_separators_ascii(body.as_bytes(), |start, end| read.push((start, end)));
                let found: Vec<_> = LIST_SEPARATOR.find_iter(body).map(|m| (m.start(), m.end())).collect();
                assert_eq!(read, found, "{body:?}");
                separators += found.len();
            }
        }
        assert!(separators > 100_000, "{separators}");
    }

    #[test]
    fn the_countries_read_by_hand_are_the_matches_of_the_search() {
        let mut texts = crate::gen::sample_lines(300);
        // Each name in several spacings and next to what may end or join it.
        let around = [
            ("", ""),
            (" ", " "),
            ("x", ""),
            ("5", " "),
            ("_", ""),
            ("(", ")"),
            ("", "s"),
            ("", "."),
            ("", ".x"),
            ("", "-born"),
            ("the ", " law"),
            ("", "5"),
        ];
        for name in COUNTRY_NAMES {
            for (before, after) in around {
                for spaced in [name.to_string(), name.replace(' ', " \t "), name.replace(' ', "")] {
                    texts.push(format!("{before}{spaced}{after}"));
                }
            }
        }
        texts.extend(
            [
                "U.S.based",
                "U.S.A",
                "UK's and U.K.'s",
                "from the United Kingdom and Germany",
                "German-French",
                "Turkey.Turkish",
                "United Statesman",
                "Americans",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for text in texts.iter().filter(|t| t.is_ascii()) {
            let by_hand: Vec<(Span, String)> = country_matches(text).map(|(s, c)| (s, c.into_owned())).collect();
            let searched: Vec<(Span, String)> = COUNTRY
                .find_iter(text)
                .map(|m| (Span::new(m.start(), m.end()), canonical_country(m.as_str())))
                .collect();
            assert_eq!(by_hand, searched, "{text:?}");
            found += by_hand.len();
        }
        assert!(found > 500, "{found}");
    }

    #[test]
    fn qualifiers_and_countries_compared_as_written_are_those_compared_after_a_join() {
        // the readings before names and qualifiers were compared as written
        let joined = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let bounds_after_a_join = |factor: f64, qualifier: Option<&str>| {
            let q = qualifier.map(|q| joined(&q.to_ascii_lowercase()));
            match q.as_deref() {
                Some("more than") | Some("over") | Some("just over") => (factor, f64::INFINITY, false),
                Some("less than") | Some("not quite") | Some("just under") => (0.0, factor, false),
                Some("nearly") | Some("almost") | Some("close to") => (factor * 0.85, factor, true),
                Some(_) => (factor * 0.85, factor * 1.15, true),
                None => (factor * 0.95, factor * 1.05, false),
            }
        };
        let country_after_a_join = |name: &str| {
            let first = name.split_whitespace().next().unwrap_or(name);
            let adjective = [
                "US",
                "U.S.",
                "American",
                "German",
                "French",
                "British",
                "Indian",
                "Japanese",
                "Taiwanese",
                "Brazilian",
                "Turkish",
            ];
            let name = if adjective.contains(&first) { first } else { name };
            country_of_single_spaced(&joined(name)).to_owned()
        };
        let words = [
            "more", "than", "Over", "just", "over", "less", "not", "QUITE", "under", "nearly", "almost", "close", "to",
            "x", "United", "States", "U.S.", "US", "American", "Kingdom", "UK", "Germany", "German", "Mexican",
        ];
        let phrases = crate::gen::random_phrases(&words, &[" ", " ", " ", "  ", "\t", "\u{a0}", ""], 1, 3, 20_000);
        let mut as_written = 0;
        for phrase in phrases.iter().flat_map(|p| [p.as_str(), p.trim_end()]) {
            as_written += usize::from(is_single_spaced(phrase.as_bytes(), true));
            let read = ratio_bounds(3.0, Some(phrase));
            assert_eq!(read, bounds_after_a_join(3.0, Some(phrase)), "{phrase:?}");
            assert_eq!(canonical_country(phrase), country_after_a_join(phrase), "{phrase:?}");
        }
        assert_eq!(ratio_bounds(2.0, None), bounds_after_a_join(2.0, None));
        assert!(as_written > 5_000 && as_written < 35_000, "{as_written}");
    }

    #[test]
    fn the_as_many_as_words_found_anywhere_are_the_anchored_match() {
        let mut lines: Vec<String> = crate::gen::sample_texts(300)
            .iter()
            .flat_map(|t| t.lines())
            .filter(|l| l.contains(" as "))
            .map(str::to_owned)
            .collect();
        let filler = "x ".repeat(20);
        for case in [
            format!("{filler}half as many as those from the United States"),
            format!("{filler}a half as many as those from the United States"),
            format!("{filler}é half as many as those in France"),
            format!("ééééé{filler}half as many as those in France"),
            format!("{}half as many as in France", "é".repeat(40)),
            format!("{}half as many as in France", "é".repeat(41)),
            "2,400. About half as many as those from the U.S.".to_owned(),
            "2,400; about half as many as those from Germany".to_owned(),
            ", roughly twice as much as in Brazil, and half as many as from Japan".to_owned(),
            "  just over  three times as high as the figure in South Korea".to_owned(),
        ] {
            lines.push(case);
        }
        let mut found = 0;
        for line in &lines {
            for (i, _) in line.char_indices() {
                let after = &line[i..];
                let anchored = AS_MANY_AS.captures(after);
                let anywhere = as_many_as_captures(after);
                let groups =
                    |c: &regex::Captures| ["w", "q", "r", "c"].map(|g| c.name(g).map(|m| (m.start(), m.end())));
                assert_eq!(
                    anchored.as_ref().map(groups),
                    anywhere.as_ref().map(groups),
                    "{after:?}"
                );
                found += usize::from(anchored.is_some());
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn the_as_many_as_groups_read_by_hand_are_those_of_the_capture_search() {
        let lines: Vec<String> = crate::gen::sample_texts(300)
            .iter()
            .flat_map(|t| t.lines())
            .filter(|l| l.contains(" as "))
            .map(str::to_owned)
            .collect();
        // Every place in the sample lines, and generated texts from their start.
        let mut texts: Vec<&str> = lines
            .iter()
            .flat_map(|l| l.char_indices().map(|(i, _)| &l[i..]))
            .collect();
        let y = "y ".repeat(19);
        let leads = [
            "came to 7,355, ",
            "x ",
            "a ",
            "moreover ",
            "x. ",
            "x; ",
            "handsome ",
            &y,
            "",
        ];
        let parts = [
            "|about |just  over |over |more\tthan |than |less than |just under |some |nearly\u{b}",
            "half|halfway|twice|three times|four\ntimes|a third|one third|a quarter|a half",
            " as many as| as much  as| as large as| as highly as|  as high as| as many",
            " those from| that in| by|  of| the number from| those, from| thosefrom| those inside",
            " the United States.| the  U.S. The end| The Hague| the rest| Japan and Brazil| theUK| 5",
        ];
        let mut generated: Vec<String> = leads.map(str::to_owned).into();
        for part in parts {
            generated = generated
                .iter()
                .flat_map(|g| part.split('|').map(move |p| format!("{g}{p}")))
                .collect();
        }
        texts.extend(generated.iter().map(String::as_str));
        texts.extend([
            "half as many as é in France",
            "  half\u{b}as many as in France",
            "x\u{b} half as many as by Chad",
        ]);
        let (mut by_hand, mut matches) = (0, 0);
        for after in texts {
            let captured = as_many_as_captures(after);
            let expected = captured.as_ref().map(AsManyAsGroups::of);
            matches += usize::from(expected.is_some());
            if let Some(read) = as_many_as_by_hand(after) {
                assert_eq!(Some(read), expected, "{after:?}");
                by_hand += 1;
            }
        }
        assert!(by_hand > 15_000 && by_hand * 3 > matches, "{by_hand} of {matches}");
    }

    #[test]
    fn numbers_read_in_one_pass_are_those_read_slowly() {
        let lines = crate::gen::sample_lines(200);
        let mut texts: Vec<&str> = lines
            .iter()
            .flat_map(|l| l.char_indices().map(|(i, _)| &l[i..]))
            .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))
            .collect();
        texts.extend([
            "0",
            "000",
            "00100",
            "0.50",
            "1.",
            "5.x",
            "1,234,.5",
            "1.2.3",
            "1,2,3.4,5",
            "12.3456789012345",
            "123456789012345",
            "1234567890123456",
            "1.23456789012345",
            "١٢ 5",
            "x 5 é",
            "three",
            "",
            "04.0",
        ]);
        let outside_ascii = numbers_with_characters_outside_ascii(&texts);
        texts.extend(outside_ascii.iter().map(String::as_str));
        let (mut read, mut read_outside_ascii) = (0, 0);
        for t in texts {
            let slow = number_read_slowly(t);
            if let Some(fast) = plain_number(t) {
                let slow = slow.expect("a number");
                assert_eq!(
                    (fast.raw.map(f64::to_bits), fast.decimals),
                    (slow.raw.map(f64::to_bits), slow.decimals),
                    "{t:?}"
                );
                if fast.decimals == 0 {
                    assert_eq!((fast.significant, fast.zeros), (slow.significant, slow.zeros), "{t:?}");
                }
                read += 1;
            }
            let raw = slow.and_then(|n| n.raw).unwrap_or(1.0);
            for value in [0.0, 1.0, 3.0, 500.0, 20_000.0, 65_500.0, 1.5e6, 2.5e9, -4.0, raw] {
                let fast = precision_of_number(plain_number(t).or(slow), value);
                assert_eq!(
                    fast.to_bits(),
                    precision_of_number(slow, value).to_bits(),
                    "{t:?} {value}"
                );
            }
            if !t.is_ascii() && plain_number(t).is_some() {
                read_outside_ascii += 1;
            }
        }
        assert!(read > 2_000, "{read}");
        assert!(read_outside_ascii > 200, "{read_outside_ascii}");
    }

    /// Texts that start with a number, and the same with characters outside ASCII after it or in
    /// it: the reading in one pass must read the first, and send the second to the slow reading.
    fn numbers_with_characters_outside_ascii(texts: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in texts.iter().step_by(7) {
            let t = t.char_indices().nth(24).map_or(*t, |(end, _)| &t[..end]);
            let number_end = t
                .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                .unwrap_or(t.len());
            for inside in ["é", "٣", "\u{a0}", "—"] {
                out.push(format!("{t} {inside}"));
                out.push(format!("{}{inside}{}", &t[..number_end], &t[number_end..]));
                out.push(format!("{}{inside}0", &t[..number_end]));
                out.push(format!("{}.{inside}5", &t[..number_end]));
            }
        }
        out.extend(
            [
                "5٣0",
                "1,٣00",
                "1.٣5",
                "1.5٣",
                "٣5",
                "é 5",
                "12 percent — up",
                "4.\u{a0}",
            ]
            .map(String::from),
        );
        out
    }

    #[test]
    fn the_precision_of_unscaled_digits_is_that_scaled_by_one() {
        // Each number of the sample lines read, against the values its digits give and others.
        let mut lines = crate::gen::sample_lines(200);
        // digits past f64's range, read as infinite
        lines.push(format!("The agency received {} requests in 2014.", "1".repeat(320)));
        let mut spared = 0;
        for (i, line) in lines.iter().enumerate() {
            for (at, _) in line
                .match_indices(|c: char| c.is_ascii_digit())
                .filter(|&(at, _)| at == 0 || !line.as_bytes()[at - 1].is_ascii_digit())
            {
                let Some(number) = number_read_slowly(&line[at..]) else {
                    continue;
                };
                let raw = number.raw.expect("ASCII digits read");
                for value in [raw, raw * 1e3, raw * 1e6, raw + 1.0, 0.0, (i % 7) as f64] {
                    let precision = precision_of_number(Some(number), value);
                    let (unscaled, in_table) = unscaled_precision(&number);
                    assert_eq!(
                        precision.to_bits(),
                        scaled_precision(unscaled, raw, value).to_bits(),
                        "{:?} {value}",
                        &line[at..]
                    );
                    spared += usize::from(value == raw && in_table);
                }
            }
        }
        assert!(spared > 2_000, "{spared}");
    }

    #[test]
    fn powers_of_ten_from_the_table_are_those_powi_gives() {
        for n in 0..40 {
            assert_eq!(ten_to_the(n).to_bits(), 10f64.powi(n as i32).to_bits(), "{n}");
            assert_eq!(ten_to_the_minus(n).to_bits(), 10f64.powi(-(n as i32)).to_bits(), "-{n}");
        }
    }

    #[test]
    fn small_counts_are_two_digits_or_the_small_words() {
        assert_eq!(SMALL, format!(r"\d{{1,2}}|{}", SMALL_WORDS.join("|")));
    }

    #[test]
    fn precision_reads_trailing_zeros_as_rounding() {
        assert_eq!(precision_of("31,002", 31002.0), 1.0);
        assert_eq!(precision_of("31,000", 31000.0), 1000.0);
        assert_eq!(precision_of("20,000", 20000.0), 1000.0);
        assert_eq!(precision_of("65.5 thousand", 65500.0), 100.0);
        assert_eq!(precision_of("1.5 million", 1.5e6), 100_000.0);
        assert_eq!(precision_of("3 percent", 3.0), 1.0);
        assert_eq!(precision_of("50", 50.0), 1.0);
        assert_eq!(precision_of("120", 120.0), 1.0);
        assert_eq!(precision_of("500", 500.0), 10.0);
        assert_eq!(precision_of("three", 3.0), 1.0);
    }

    #[test]
    fn directions_amounts_and_ratios() {
        assert_eq!(last_direction("rose, then fell").map(|d| d.0), Some(Direction::Down));
        assert_eq!(last_direction(", up from ").map(|d| d.0), Some(Direction::Up));
        assert!(is_change_amount("named 81,311 accounts, up "));
        assert!(is_change_amount("a rise of "));
        assert!(!is_change_amount("received "));
        let r = &ratio_claims("requests more than doubled in 2015")[0];
        assert_eq!(
            (r.text.as_str(), r.low, r.high),
            ("more than doubled", 2.0, f64::INFINITY)
        );
        let r = &ratio_claims("nearly quadrupled")[0];
        assert_eq!((r.low, r.high, r.loose), (3.4, 4.0, true));
        let f = fraction_before("Apple complied with exactly half of ").unwrap();
        assert_eq!((f.text.as_str(), f.fraction), ("exactly half", 0.5));
    }

    #[test]
    fn shares_parts_and_complements() {
        assert!(is_complement("The remaining "));
        assert!(is_complement("In the rest of the "));
        assert!(!is_complement("Of the requests, "));
        assert!(is_part_between(" of them, or "));
        assert!(is_of_between(" of "));
        assert!(refers_to_earlier_total(" of them, or 12,627 requests"));
        assert!(is_partitive(" of the requests."));
        assert!(!is_partitive(" requests in 2014"));
    }

    #[test]
    fn countries_from_measures_and_context() {
        assert_eq!(country_of("us account requests", "").as_deref(), Some("US"));
        assert_eq!(
            country_of("account requests", " account requests from US law enforcement in").as_deref(),
            Some("US")
        );
        assert_eq!(country_of("requests", " requests in the second half").as_deref(), None);
        assert_eq!(measure_without_country("us account requests"), "account requests");
        assert_eq!(
            measure_without_country("government requests from the us"),
            "government requests"
        );
    }

    #[test]
    fn list_and_case_enumerations() {
        let e = list_enumerations("requests rose in four countries: Germany, France and Brazil. Then");
        assert_eq!((e[0].announced, e[0].counted), (4, 3));
        let e = list_enumerations("in three countries: Germany, France and Brazil");
        assert_eq!((e[0].announced, e[0].counted), (3, 3));
        assert!(list_enumerations("two things: it said that the numbers were wrong and it left").is_empty());
        let p = "It challenged three law enforcement requests in court. In two cases, the agency withdrew. \
                 In the third case, a judge narrowed it.";
        let e = case_enumerations(p);
        assert_eq!((e[0].announced, e[0].counted, e[0].items.len()), (3, 3, 2));
        assert!(case_enumerations("It got three requests. In two cases it refused.").is_empty());
        // a part of the part before ("including ... in 19 of them") is not counted again
        let p = "It got 93 requests. In 61 of those cases it refused; in the remaining 32, it disclosed \
                 data, including content in 19 of them.";
        let e = case_enumerations(p);
        assert_eq!((e[0].announced, e[0].counted, e[0].items.len()), (93, 93, 2));
    }

    #[test]
    fn a_list_of_counts_between_semicolons_is_enumerated() {
        let s = "The company split the total into four categories: 251,905 subpoenas; 79,437 court orders, \
                 including pen registers and wiretap orders; and 41,272 search warrants.";
        let e = list_enumerations(s);
        assert_eq!((e.len(), e[0].announced, e[0].counted), (1, 4, 3), "{e:?}");
        let items: Vec<&str> = e[0].items.iter().map(|i| i.of(s)).collect();
        assert_eq!(
            items,
            [
                "251,905 subpoenas",
                "79,437 court orders, including pen registers and wiretap orders",
                "41,272 search warrants"
            ]
        );
        // a list of names that a semicolon ends is read as before
        let e = list_enumerations("in three countries: Germany, France and Brazil; Spain came fourth.");
        assert_eq!((e[0].announced, e[0].counted), (3, 3));
        // more than three words before the colon announce no list
        let s = "The report breaks the 57 requests down by type: 30 subpoenas; 18 court orders; nine search \
                 warrants.";
        assert!(list_enumerations(s).is_empty());
    }
}
