//! Figures: numeric mentions that state a quantity, with what is counted (measure), whose it is
//! (entity), the period it is for, and what it is compared to.
//!
//! Mentions that are not figures are dropped here: years and dates, times, phone numbers, URLs,
//! ordinals, and numbers that are part of a name ("Office 365", "Section 702").

use super::claim::{
    self, is_single_spaced, letters_end_by_eight, letters_start, spaces_end, spaces_start, word_by_bytes,
};
use super::number::{may_hold_numeral_outside, read_numbers_without_text_into, Mention, MentionKind};
use super::period::{is_month, Anaphor, Period, PeriodMention};
use super::Deadline;
use crate::extract::pattern::{has_digit_outside_ascii, Pattern};
use crate::extract::quote::hand::ascii_capitals_of_16;
use crate::extract::quote::hand::{is_word_byte, word_character_at, word_character_before};
use crate::read::{Article, Span};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::FxHashSet;
use serde::Serialize;
use std::cell::Cell;
use std::sync::LazyLock;

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A count of things.
    Count,
    /// A share, in percent.
    Percent,
    /// An amount of money.
    Money,
}

/// The stated direction of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// An increase.
    Up,
    /// A decrease.
    Down,
    /// No change.
    Same,
}

/// The earlier value a figure is compared to ("down from 72,279 in 2013").
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The earlier value.
    pub value: f64,
    /// Its period, if stated.
    pub period: Option<Period>,
    /// The direction the text states.
    pub direction: Direction,
    /// Where the earlier value is written.
    pub span: Span,
}

/// A figure found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Where it is written in the article text.
    pub span: Span,
    /// Count, percent or money.
    pub kind: FigureKind,
    /// The stated value, or `None` for a pure range.
    pub value: Option<f64>,
    /// Lower bound implied by the text.
    pub low: Option<f64>,
    /// Upper bound implied by the text.
    pub high: Option<f64>,
    /// Approximation qualifier as written ("more than", "about"), if any.
    pub approx: Option<String>,
    /// Currency code for money.
    pub unit: Option<String>,
    /// Place value of the last stated digit (see [`Mention::precision`]).
    pub precision: f64,
    /// Whether its number was read plainly at its digits ([`Mention::plain`]): its rounding is
    /// then worked out from `value` and `precision`, not read again from its text
    /// ([`precision_of_plain`](super::claim::precision_of_plain)). It holds only while `value`
    /// is the mention's number as written: code that changes a figure's value must clear it.
    pub plain: bool,
    /// What is counted ("law enforcement requests").
    pub measure: Option<String>,
    /// Whose figure it is ("Microsoft"): one of the organisations figmine knows by name, so
    /// borrowed from its list, not copied for every figure.
    pub entity: Option<&'static str>,
    /// The period it is reported for.
    pub period: Option<Period>,
    /// The earlier value it is compared to.
    pub compared_to: Option<Comparison>,
    /// The sentence it stands in.
    pub sentence: Span,
    /// Whether it stands inside a direct quote.
    pub in_quote: bool,
}

/// Organisations whose transparency reports figmine knows by name (longest names first).
static ENTITY: LazyLock<Pattern> = LazyLock::new(|| {
    let names: Vec<&str> = ENTITY_NAMES
        .iter()
        .map(|n| if *n == "Yahoo" { "Yahoo!?" } else { n })
        .collect();
    Pattern::new(&format!(r"\b({})\b", names.join("|"))).unwrap()
});

/// What one pass over an article's text tells, 32 bytes a step: the matches of [`ENTITY`],
/// whether the text is ASCII, and where the dots `may_hold_non_figures` reads are. The first
/// and the last were passes of their own (`is_ascii`, and `memchr3` for the dots with "-" and
/// ":", which cost about a hundred instructions a call at each of the ten or so dots that end an
/// article's sentences; "-", ":" and "@" are rare, and are still found by `memchr3`).
struct Scan {
    /// The matches of [`ENTITY`] (see [`scan`]).
    entities: Vec<(usize, usize)>,
    /// Whether every byte of the text is ASCII.
    ascii: bool,
    /// What `may_hold_non_figures` tells of the text.
    may_hold_non_figures: bool,
}

/// The [`Scan`] of `text`.
///
/// The matches of [`ENTITY`] are found by looking for the names at the capitals that
/// start a word, with the word boundaries tested by hand (the pattern's automaton reads every
/// byte). The capitals of each block of 32 bytes are found at once ([`capitals_of_32`]; most
/// blocks have none, or one that starts a sentence), and each is read in turn ([`entity_at`]).
///
/// Why the same: every name is ASCII, starts with a capital and ends with a letter (tested), so
/// a match is a name at a capital with no word character before it and none after it (a letter
/// outside ASCII is one: the characters there are read). No name is a prefix of another
/// (tested), so at most one name starts anywhere and the order of the alternatives never
/// chooses. A match ends the search at its end: capitals inside it start none. A name that fails
/// its boundary after it ends no search: the next capital is read, since another name may start
/// inside it ("LinkedInstagram").
///
/// The same blocks' dots and bytes outside ASCII are found at once too
/// ([`dots_and_outside_of_32`]); the dots are read as `may_hold_non_figures` reads them.
fn scan(text: &str) -> Scan {
    let bytes = text.as_bytes();
    let mut scanning = Scanning {
        // about one name in every 140 bytes of generated text: room made once, not grown twice
        entities: Vec::with_capacity(text.len() / 64),
        at: 0,
        outside: 0,
        anchored: false,
    };
    let mut block = 0;
    while let Some(chunk) = bytes.get(block..).and_then(<[u8]>::first_chunk::<32>) {
        scanning.read(bytes, block, chunk);
        block += 32;
    }
    // the last bytes, fewer than 32, with zeros after them
    if block < bytes.len() {
        let mut padded = [0u8; 32];
        padded[..bytes.len() - block].copy_from_slice(&bytes[block..]);
        scanning.read(bytes, block, &padded);
    }
    let ascii = scanning.outside == 0;
    Scan {
        entities: scanning.entities,
        ascii,
        may_hold_non_figures: scanning.anchored
            || memchr::memchr3_iter(b'-', b':', b'@', bytes).any(|at| may_anchor_non_figure(bytes, at))
            || (!ascii && has_digit_outside_ascii(text)),
    }
}

/// What [`scan`] knows after the blocks it has read.
struct Scanning {
    /// The names found so far.
    entities: Vec<(usize, usize)>,
    /// Names start at or after it.
    at: usize,
    /// The blocks' bytes outside ASCII, or'ed together.
    outside: u32,
    /// Whether a dot a non-figure may be anchored at was found.
    anchored: bool,
}

impl Scanning {
    /// Reads the 32 bytes from `first` (`chunk`, perhaps padded with zeros past the end).
    #[inline(always)]
    fn read(&mut self, bytes: &[u8], first: usize, chunk: &[u8; 32]) {
        entities_at_capitals(bytes, first, capitals_of_32(chunk), &mut self.at, &mut self.entities);
        let (mut dots, outside) = dots_and_outside_of_32(chunk);
        self.outside |= outside;
        while dots != 0 && !self.anchored {
            self.anchored = may_anchor_non_figure(bytes, first + dots.trailing_zeros() as usize);
            dots &= dots - 1;
        }
    }
}

/// The matches of [`ENTITY`] in `text` ([`scan`]).
#[cfg(test)]
fn entities_by_hand(text: &str) -> Vec<(usize, usize)> {
    scan(text).entities
}

/// Bit `k` set for each byte `k` of `block` that is an ASCII capital, sixteen bytes at once.
#[inline(always)]
fn capitals_of_32(block: &[u8; 32]) -> u32 {
    let (first, second) = block.split_at(16);
    let sixteen = |half: &[u8]| ascii_capitals_of_16(half.try_into().expect("sixteen bytes"));
    sixteen(first) | sixteen(second) << 16
}

/// The names of `entities_by_hand` that start at the capitals of the 32 bytes from `first`
/// (`capitals` has bit `k` set for byte `first + k`) and at or after `at`, pushed to `found`;
/// `at` is moved to the end of each.
#[inline(always)]
fn entities_at_capitals(
    bytes: &[u8],
    first: usize,
    mut capitals: u32,
    at: &mut usize,
    found: &mut Vec<(usize, usize)>,
) {
    while capitals != 0 {
        let start = first + capitals.trailing_zeros() as usize;
        capitals &= capitals - 1;
        if start >= *at {
            if let Some(end) = entity_at(bytes, start) {
                found.push((start, end));
                *at = end;
            }
        }
    }
}

/// The end of the match of [`ENTITY`] that starts at the capital at `start`, if one does: the
/// name its first two bytes tell ([`ENTITY_BY_TWO_BYTES`]; most capitals start none, "The",
/// "United"), if written there with word boundaries around it. "Yahoo!?" is greedy: "Yahoo!"
/// when a word character follows the "!" (the boundary after it holds only then), else "Yahoo"
/// when its own boundary holds.
#[inline(always)]
fn entity_at(bytes: &[u8], start: usize) -> Option<usize> {
    let name = name_at(bytes, start)?;
    if word_character_before(bytes, start) {
        return None;
    }
    let mut end = start + name.len();
    // after "Yahoo!" the boundary holds by the word character that follows
    let banged = name == "Yahoo" && bytes.get(end) == Some(&b'!') && word_character_at(bytes, end + 1);
    if banged {
        end += 1;
    }
    (banged || !word_character_at(bytes, end)).then_some(end)
}

/// The one of [`ENTITY_NAMES`] written in `bytes` from `start`, boundaries aside: the name its
/// first two bytes tell ([`ENTITY_BY_TWO_BYTES`]), if the bytes there are it.
#[inline(always)]
fn name_at(bytes: &[u8], start: usize) -> Option<&'static str> {
    let initial = bytes.get(start)?.wrapping_sub(b'A');
    if initial >= 26 {
        return None;
    }
    let second = *bytes.get(start + 1)?;
    let which = ENTITY_BY_TWO_BYTES[usize::from(initial) * 64 + usize::from(second & 63)];
    let name = ENTITY_NAMES.get(usize::from(which).checked_sub(1)?)?;
    (bytes.get(start..start + name.len()) == Some(name.as_bytes())).then_some(name)
}

/// Whether `bytes` end with one of [`ENTITY_NAMES`]: the name that starts at each of the last
/// [`LONGEST_NAME`] places, told by [`name_at`], instead of every name compared.
fn ends_with_name(bytes: &[u8]) -> bool {
    (bytes.len().saturating_sub(LONGEST_NAME)..bytes.len())
        .any(|i| name_at(bytes, i).is_some_and(|n| i + n.len() == bytes.len()))
}

/// The length of the longest of [`ENTITY_NAMES`].
const LONGEST_NAME: usize = longest_name();

const fn longest_name() -> usize {
    let (mut longest, mut i) = (0, 0);
    while i < ENTITY_NAMES.len() {
        if ENTITY_NAMES[i].len() > longest {
            longest = ENTITY_NAMES[i].len();
        }
        i += 1;
    }
    longest
}

/// Per first letter of [`ENTITY_NAMES`] (`A` at 0) and the low six bits of a second byte (64
/// places a letter), the name that starts so, as its place in the list plus one (0 for none): no
/// two names share their first letter and the low six bits of their second byte (tested as the
/// table is built).
static ENTITY_BY_TWO_BYTES: [u8; 26 * 64] = entity_by_two_bytes();

const fn entity_by_two_bytes() -> [u8; 26 * 64] {
    // a name's place plus one must fit in a byte
    assert!(ENTITY_NAMES.len() < u8::MAX as usize, "too many names for a byte");
    let mut table = [0u8; 26 * 64];
    let mut i = 0;
    while i < ENTITY_NAMES.len() {
        let name = ENTITY_NAMES[i].as_bytes();
        let at = (name[0] - b'A') as usize * 64 + (name[1] & 63) as usize;
        assert!(table[at] == 0, "two names start with the same two bytes");
        table[at] = i as u8 + 1;
        i += 1;
    }
    table
}

/// The names [`ENTITY`] finds, in its order ("Yahoo" stands for "Yahoo" and "Yahoo!").
const ENTITY_NAMES: [&str; 36] = [
    "Microsoft",
    "Google",
    "Facebook",
    "Twitter",
    "Apple",
    "Yahoo",
    "Amazon",
    "LinkedIn",
    "Dropbox",
    "Tumblr",
    "Verizon",
    "AT&T",
    "Snapchat",
    "Pinterest",
    "WordPress",
    "Automattic",
    "Reddit",
    "Wikimedia",
    "Instagram",
    "WhatsApp",
    "Skype",
    "Cloudflare",
    "Comcast",
    "Adobe",
    "Vodafone",
    "Deutsche Telekom",
    "Telstra",
    "T-Mobile",
    "Sprint",
    "Uber",
    "Airbnb",
    "TikTok",
    "Slack",
    "GitHub",
    "Swisscom",
    "Mozilla",
];

/// What is counted: up to three modifiers and a head noun, right after the number
/// ("31,002 law enforcement requests", "3 percent of requests", "thirty-two users").
static MEASURE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?ix)^[\s,]*(?:of\s+(?:the\s+|all\s+|those\s+|these\s+|its\s+)?)?(?:new\s+)?{}",
        measured()
    ))
    .unwrap()
});

/// The head nouns of a measure, in the order the pattern tries them; the words of "pieces of
/// content" are separated by any spaces.
const MEASURE_HEADS: &[&str] = &[
    "requests",
    "request",
    "demands",
    "orders",
    "letters",
    "users",
    "user",
    "accounts",
    "account",
    "subscribers",
    "customers",
    "items",
    "posts",
    "tweets",
    "urls",
    "cases",
    "countries",
    "governments",
    "agencies",
    "warrants",
    "subpoenas",
    "people",
    "devices",
    "identifiers",
    "selectors",
    "pages",
    "videos",
    "records",
    "notices",
    "complaints",
    "queries",
    "applications",
    "petitions",
    "emails",
    "messages",
    "apps",
    "websites",
    "sites",
    "pieces of content",
    "disclosures",
    "specifiers",
    "removals",
    "takedowns",
    "reports",
    "files",
];

/// The measure proper (group `m` of [`MEASURE`]): up to three modifiers and a head noun
/// ([`MEASURE_HEADS`]), as a pattern.
fn measured() -> String {
    let heads: Vec<String> = MEASURE_HEADS.iter().map(|h| h.replace(' ', r"\s+")).collect();
    format!(r"(?P<m>(?:[a-z][a-z-]*\s+){{0,3}}?(?:{}))\b", heads.join("|"))
}

/// Where the measure that starts `after` ends, read by hand as the anchored [`measured`] pattern
/// reads ASCII text: as few modifiers (`[a-z][a-z-]*` and spaces) as possible, up to three, then
/// the first head noun in the pattern's order that ends at a word boundary.
///
/// Most calls read two words or more (three calls in five find no measure, many after reading
/// four words): the letters of the first 32 bytes (or 16, for a shorter text) are found at once,
/// and each word's run of letters is a count of bits, where eight bytes at a time took some 17
/// instructions a block and a word took two blocks or more; a single space before a letter is
/// told by the same bits.
fn measured_here_ascii(after: &[u8]) -> Option<usize> {
    // a measure starts with a letter: most figures followed by none are told so at once
    if !after.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // about half the texts after a figure are shorter than 32 bytes (its sentence ends)
    let (window, window_len) = match (after.first_chunk::<32>(), after.first_chunk::<16>()) {
        (Some(block), _) => (letters_of_32(block), 32),
        (None, Some(sixteen)) => (crate::extract::number::letters_of_16(sixteen), 16),
        (None, None) => (0, 0),
    };
    let letters_at = |at: usize| -> usize {
        if at < window_len {
            let run = (!(window >> at)).trailing_zeros() as usize;
            if at + run < window_len {
                #[cfg(test)]
                tests::WORDS_BY_WINDOW.with(|n| n.set(n.get() + 1));
                return run;
            }
        }
        letters_end_by_eight(after, at) - at
    };
    let mut at = 0;
    for modifiers in 0..=3 {
        // the letters at `at`, read once for the heads and for a modifier
        let letters = letters_at(at);
        if let Some(end) = head_at(after, at, letters) {
            return Some(end);
        }
        if modifiers == 3 || letters == 0 {
            return None;
        }
        // the letters end at a byte that is no letter: the word goes on only after a "-"
        let mut word_end = at + letters;
        // most words are followed by one space and the next word's letter
        if after.get(word_end) == Some(&b' ') && word_end + 1 < window_len && window >> (word_end + 1) & 1 == 1 {
            #[cfg(test)]
            tests::SPACES_BY_WINDOW.with(|n| n.set(n.get() + 1));
            at = word_end + 1;
            continue;
        }
        if after.get(word_end) == Some(&b'-') {
            word_end += after[word_end..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic() || **b == b'-')
                .count();
        }
        let spaces = spaces_end(after, word_end) - word_end;
        if spaces == 0 {
            return None;
        }
        at = word_end + spaces;
    }
    None
}

/// Bit `k` set for each byte `k` of `block` that is an ASCII letter.
#[inline(always)]
fn letters_of_32(block: &[u8; 32]) -> u32 {
    let (first, second) = block.split_at(16);
    let sixteen = |half: &[u8]| crate::extract::number::letters_of_16(half.try_into().expect("sixteen bytes"));
    sixteen(first) | sixteen(second) << 16
}

/// The first word of a head of [`MEASURE_HEADS`] as one number, for [`head_at`]: `length`
/// bytes (0 for no head), their little-endian `key`, and whether the head has more words. The
/// keys of an initial are in the order of [`MEASURE_HEADS_BY_INITIAL`]'s heads of that initial.
#[derive(Clone, Copy)]
struct HeadKey {
    length: usize,
    key: u128,
    more_words: bool,
}

/// The most heads of [`MEASURE_HEADS`] that share a first letter.
const HEADS_PER_INITIAL: usize = 5;

/// [`HeadKey`]s of [`MEASURE_HEADS`] by their first letter (`a` at 0), in the pattern's order.
const HEAD_KEYS_BY_INITIAL: [[HeadKey; HEADS_PER_INITIAL]; 26] = head_keys_by_initial();

const fn head_keys_by_initial() -> [[HeadKey; HEADS_PER_INITIAL]; 26] {
    let none = HeadKey {
        length: 0,
        key: 0,
        more_words: false,
    };
    let mut by_initial = [[none; HEADS_PER_INITIAL]; 26];
    let mut counts = [0usize; 26];
    let mut i = 0;
    while i < MEASURE_HEADS.len() {
        let head = MEASURE_HEADS[i].as_bytes();
        let mut length = 0;
        let mut key = 0u128;
        while length < head.len() && head[length] != b' ' {
            key |= (head[length] as u128) << (8 * length);
            length += 1;
        }
        assert!(length <= 16, "a first word fits in sixteen bytes");
        let initial = (head[0] - b'a') as usize;
        by_initial[initial][counts[initial]] = HeadKey {
            length,
            key,
            more_words: length < head.len(),
        };
        counts[initial] += 1;
        i += 1;
    }
    by_initial
}

/// [`MEASURE_HEADS`] by their first letter (`a` at 0), each cut into its words, in the
/// pattern's order.
static MEASURE_HEADS_BY_INITIAL: LazyLock<[Vec<Vec<&'static str>>; 26]> = LazyLock::new(|| {
    let mut by_initial: [Vec<Vec<&'static str>>; 26] = Default::default();
    for head in MEASURE_HEADS {
        by_initial[usize::from(head.as_bytes()[0] - b'a')].push(head.split(' ').collect());
    }
    by_initial
});

/// Per first letter of [`MEASURE_HEADS`] (`a` at 0), the lengths of their first words as bits
/// (bit `n` for length `n`): most words after a number start no head, and are told so by one
/// bit, before the heads are read.
const HEAD_LENGTHS_BY_INITIAL: [u64; 26] = head_lengths_by_initial();

const fn head_lengths_by_initial() -> [u64; 26] {
    let mut by_initial = [0u64; 26];
    let mut i = 0;
    while i < MEASURE_HEADS.len() {
        let head = MEASURE_HEADS[i].as_bytes();
        let mut length = 0;
        while length < head.len() && head[length] != b' ' {
            length += 1;
        }
        by_initial[(head[0] - b'a') as usize] |= 1 << length;
        i += 1;
    }
    by_initial
}

/// The end of the first of [`MEASURE_HEADS`] written at `at` (any case) and followed by a word
/// boundary; `letters` ASCII letters start at `at`.
///
/// Only heads whose first word is `letters` long are compared: a head's first word is letters
/// followed by a space or by the boundary. A shorter single word that matches first would fail
/// the boundary and end the search with none, but no head's first word starts a later head's
/// (tested), so the first head found is the same.
///
/// Where sixteen bytes follow `at`, the first words are compared as numbers ([`HeadKey`]):
/// one compare where the heads' words were compared a byte at a time, through a list of lists.
fn head_at(bytes: &[u8], at: usize, letters: usize) -> Option<usize> {
    let initial = usize::from(bytes.get(at)?.to_ascii_lowercase().wrapping_sub(b'a'));
    let lengths = HEAD_LENGTHS_BY_INITIAL.get(initial)?;
    if letters >= 64 || lengths & (1 << letters) == 0 {
        return None;
    }
    let end = match bytes.get(at..at + 16) {
        Some(sixteen) if letters <= 16 => {
            #[cfg(test)]
            tests::HEADS_BY_KEY.with(|n| n.set(n.get() + 1));
            // `b | 0x20` is the byte compared with a head's letter (see `words_at`)
            const CASE: u128 = u128::from_le_bytes([0x20; 16]);
            let written = u128::from_le_bytes(sixteen.try_into().expect("sixteen bytes")) | CASE;
            let written = written & (u128::MAX >> (8 * (16 - letters)));
            HEAD_KEYS_BY_INITIAL[initial]
                .iter()
                .enumerate()
                .filter(|(_, h)| h.length == letters && h.key == written)
                // the keys of an initial are in the order of its heads cut into words
                .find_map(|(k, h)| match h.more_words {
                    false => Some(at + letters),
                    true => words_at(bytes, at, &MEASURE_HEADS_BY_INITIAL[initial][k]),
                })
        }
        _ => head_at_by_words(bytes, at, letters, initial),
    };
    end.filter(|&end| !bytes.get(end).copied().is_some_and(is_word_byte))
}

/// [`head_at`]'s search by the heads' words compared a byte at a time, near the end of the text
/// (and in tests); `initial` is the first letter's place (`a` at 0).
fn head_at_by_words(bytes: &[u8], at: usize, letters: usize, initial: usize) -> Option<usize> {
    MEASURE_HEADS_BY_INITIAL[initial]
        .iter()
        .filter(|words| words[0].len() == letters)
        .find_map(|words| words_at(bytes, at, words))
}

/// The end of `words` (ASCII lower-case letters) written at `at` in any case, with one or more
/// spaces between them.
#[inline(always)]
fn words_at(bytes: &[u8], mut at: usize, words: &[&str]) -> Option<usize> {
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let spaces = spaces_end(bytes, at) - at;
            if spaces == 0 {
                return None;
            }
            at += spaces;
        }
        let end = at + word.len();
        // `word` is ASCII lower-case letters (tested): a byte is its letter in either case when
        // it is the letter once bit 0x20 is set, one test a byte where a case fold takes several
        let written = bytes.get(at..end)?;
        written
            .iter()
            .zip(word.as_bytes())
            .all(|(b, w)| b | 0x20 == *w)
            .then_some(())?;
        at = end;
    }
    Some(at)
}

/// The measure right after a number: group `m` of [`MEASURE`]. On ASCII text without a capture
/// search: the words the pattern may skip first ("of the", "new") are read by hand, each way in
/// the order the pattern tries them (taken before left out), and the first way after which
/// the measure proper is read ([`measured_here_ascii`]) is the pattern's. `ascii`: whether the
/// article's text is known to be ASCII (else `after` is tested, and read up to its first
/// character outside ASCII where the match there is the same: [`measure_in_ascii_start`]).
fn measure_after(after: &str, ascii: bool) -> Option<&str> {
    if !(ascii || after.is_ascii()) {
        return match measure_in_ascii_start(after) {
            Some(measure) => measure,
            None => MEASURE.captures(after).and_then(|c| c.name("m")).map(|m| m.as_str()),
        };
    }
    let bytes = after.as_bytes();
    // A word (any case) and the spaces after it (at least one) at `at`: where the next begins.
    let word_then_spaces = |at: usize, word: &str| -> Option<usize> {
        let end = words_at(bytes, at, &[word])?;
        let spaces = spaces_end(bytes, end) - end;
        (spaces > 0).then_some(end + spaces)
    };
    // `[\s,]*` takes every leading space and comma: none of what follows starts with one.
    let start = bytes
        .iter()
        .take_while(|&&b| matches!(b, b'\t'..=b'\r' | b' ' | b','))
        .count();
    // Most measures follow the number at once ("27,477 requests"): where the first word cannot
    // be "of" or "new", there is no way but the measure proper at `start`.
    if !bytes.get(start).is_some_and(|&b| matches!(b | 0x20, b'o' | b'n')) {
        return measured_here_ascii(&bytes[start..]).map(|end| &after[start..start + end]);
    }
    // The first way there decides: each later way starts before it, at words ("of", its
    // determiner, "new") that are no head and that a modifier reads as it reads any word, so it
    // reads what the first reads with fewer modifiers left, and finds a measure only where the
    // first does: a phrase the first finds none in ("of the total") is read once, not once a way.
    let of = word_then_spaces(start, "of");
    let of_the = of.and_then(|o| {
        ["the", "all", "those", "these", "its"]
            .iter()
            .find_map(|w| word_then_spaces(o, w))
    });
    let at = of_the.or(of).unwrap_or(start);
    let at = word_then_spaces(at, "new").unwrap_or(at);
    measured_here_ascii(&bytes[at..]).map(|end| &after[at..at + end])
}

/// The measure that starts `after` (which has a character outside ASCII) read in its ASCII start
/// alone, when that is the same; `None` when it may not be. [`MEASURE`] matches only white
/// space, commas, hyphens and letters, and no character outside ASCII but "ſ" and the Kelvin sign
/// (by `(?i)`): where the first character outside ASCII is none of these, no way of matching
/// passes it, so each way reads the same characters in both texts but the `\b` after its last
/// letter, and that one only where the way ends right before that character. There the end of
/// the ASCII start is a boundary, and the character a boundary only if it is no word character
/// (a curly quote or a dash, not "é"). So the ASCII start's match is the text's unless it ends
/// there before a word character (the text's `\b` may then fail). On real pages the capture
/// search on such text cost some 7,000 instructions a figure.
fn measure_in_ascii_start(after: &str) -> Option<Option<&str>> {
    let end = after.bytes().position(|b| !b.is_ascii())?;
    let next = after[end..].chars().next()?;
    if next.is_whitespace() || matches!(next, '\u{17F}' | '\u{212A}') {
        return None;
    }
    let measure = measure_after(&after[..end], true);
    let ends_there = measure.is_some_and(|m| end_of(m, after) == end);
    match ends_there && regex_syntax::is_word_character(next) {
        true => None,
        false => Some(measure),
    }
}

/// Where `part`, a slice of `text`, ends in it.
fn end_of(part: &str, text: &str) -> usize {
    part.as_ptr() as usize + part.len() - text.as_ptr() as usize
}

/// The words before a mention that make it the earlier value of a comparison: a word of rise or
/// fall, verb or noun (group `dir`), then "from", "against" or "on the" ("up 5 percent from
/// 4,582", "up 12 per cent on the 5,512", "a rise of 23 percent from the 140,875"), or
/// "compared" (group `cmp`) then "from", "with", "to" or "against".
///
/// After a word of rise or fall, "to" names the value reached, not the earlier one ("revenue
/// rose 3.5 percent to $27.2 billion", "fell to 300"), and "with" opens another clause ("rose
/// 3 percent, with 584 new cases"): neither names what the figure was before.
static COMPARED_FROM: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)\b(?:(?P<dir>down|up|decreased?|decreasing|increased?|increasing|declined?|declining|rose|rising|fell|falling|dropped|dropping|dipped|grew|growing|climbed|climbing|jumped|jumping|rise|gain|jump|growth|climb|drop|fall)\s+(?:[\w.,%$€£]+\s+){0,3}?(?:(?:from|against)\s+(?:the\s+)?(?:record\s+)?|on\s+the\s+)|(?P<cmp>compared|compares|comparing)\s+(?:[\w.,%$€£]+\s+){0,3}?(?:from|with|to|against)\s+(?:the\s+)?)(?:about\s+|roughly\s+|nearly\s+)?$").unwrap()
});

/// "more than 72,279", "higher than the 28,147", "slightly below the 66 percent": the figure after
/// `than` (or "below the", "above the") is a point of comparison.
static THAN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)\b(?:(?:than|versus|vs\.?)\s+(?:the\s+)?|(?:below|above)\s+the\s+)(?:about\s+|nearly\s+|roughly\s+)?$",
    )
    .unwrap()
});

/// "a 37% rise from the 851", "a 28 percent increase on the 134": the noun of change right
/// ([`super::claim::CHANGE_NOUNS`]) before "from", "on" or "against" (then perhaps "the" and a qualifier) that makes the figure
/// after them the earlier value, as [`COMPARED_FROM`] does for verbs ("rose ... from"). Read by
/// hand from the end of `before`, ASCII words only: a few byte compares for most figures, where
/// a larger pattern cost some 10 instructions a byte of real text.
fn noun_of_change_before(before: &str) -> Option<&str> {
    let bytes = before.as_bytes();
    let (w, mut end) = word_before_figure(bytes)?;
    if ![&b"from"[..], b"on", b"against"]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
    {
        return None;
    }
    let noun = spaced_word_before(bytes, &mut end)?;
    super::claim::is_change_noun(noun).then(|| &before[end..end + noun.len()])
}

/// The word before the spaces that end `bytes[..end]`, with `end` moved to its start; `None`
/// when no space ends them or no word is there.
fn spaced_word_before<'b>(bytes: &'b [u8], end: &mut usize) -> Option<&'b [u8]> {
    let (words_end, word_start) = word_by_bytes(&bytes[..*end]);
    let spaced = words_end < *end;
    *end = word_start;
    (spaced && word_start < words_end).then(|| &bytes[word_start..words_end])
}

/// The word before a figure (`bytes` is the text before it), past "record", a qualifier and
/// "the" ("from about the ", "from the record "), with where it starts.
fn word_before_figure(bytes: &[u8]) -> Option<(&[u8], usize)> {
    let mut end = bytes.len();
    let mut w = spaced_word_before(bytes, &mut end)?;
    for optional in [&["record"][..], &["about", "nearly", "roughly", "some"], &["the"]] {
        if optional.iter().any(|o| w.eq_ignore_ascii_case(o.as_bytes())) {
            w = spaced_word_before(bytes, &mut end)?;
        }
    }
    Some((w, end))
}

/// "19 percent of the demands, against 12 percent": "against" right after a comma (then perhaps
/// "the" and a qualifier) sets the figure after it beside the one before, as its earlier value.
/// Without the comma "against" is seldom a comparison ("requests against 1,200 accounts").
fn comma_against_before(before: &str) -> bool {
    let bytes = before.as_bytes();
    word_before_figure(bytes).is_some_and(|(w, end)| {
        w.eq_ignore_ascii_case(b"against")
            && spaces_start(bytes, end)
                .checked_sub(1)
                .is_some_and(|k| bytes[k] == b',')
    })
}

/// "more than double the 11,225", "twice the 28", "three times the 23.24 lakh", "twice as many
/// as the 21": a multiple (perhaps with "as many as") and "the" right before the figure make
/// it a point of comparison, as "than" does.
fn multiple_before(before: &str) -> bool {
    let bytes = before.as_bytes();
    let the_end = spaces_start(bytes, bytes.len());
    if the_end == bytes.len() || the_end < 4 || !bytes[the_end - 3..the_end].eq_ignore_ascii_case(b"the") {
        return false;
    }
    let word_end = spaces_start(bytes, the_end - 3);
    if word_end == the_end - 3 {
        return false;
    }
    // "twice as many as the 21", "three times as much as the"
    for as_many_as in [&b"as many as"[..], b"as much as"] {
        if word_end >= as_many_as.len() && bytes[word_end - as_many_as.len()..word_end].eq_ignore_ascii_case(as_many_as)
        {
            let before_as = word_end - as_many_as.len();
            let spaced = spaces_start(bytes, before_as);
            return spaced < before_as && ends_with_multiple(bytes, spaced);
        }
    }
    ends_with_multiple(bytes, word_end)
}

/// Whether `bytes[..word_end]` ends with a word of multiple: "double", "triple", "twice",
/// "half", "times".
fn ends_with_multiple(bytes: &[u8], word_end: usize) -> bool {
    ["double", "triple", "twice", "half", "times"].iter().any(|m| {
        word_end >= m.len()
            && bytes[word_end - m.len()..word_end].eq_ignore_ascii_case(m.as_bytes())
            && (word_end == m.len() || !bytes[word_end - m.len() - 1].is_ascii_alphanumeric())
    })
}

/// "rising to 1,298 from 590": after another figure, the one after `from` is the earlier value.
static FROM: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)\bfrom\s+(?:about\s+|nearly\s+|roughly\s+)?$").unwrap());

/// Bits of [`comparisons_that_may_end`]: [`COMPARED_FROM`] may match.
const MAY_COMPARE_FROM: u8 = 1;
/// [`THAN`] may match.
const MAY_THAN: u8 = 2;
/// [`FROM`] may match.
const MAY_FROM: u8 = 4;

/// The last words of [`COMPARED_FROM`], [`THAN`] and [`FROM`], each with the patterns that may
/// end with it: a qualifier ends any of them, "the" the first two, and the other words the
/// patterns that have them right before their optional words.
const COMPARISON_ENDINGS: [(&str, u8); 12] = [
    ("from", MAY_COMPARE_FROM | MAY_FROM),
    // "a drop from the record $12 million"
    ("record", MAY_COMPARE_FROM),
    ("with", MAY_COMPARE_FROM),
    ("to", MAY_COMPARE_FROM),
    ("against", MAY_COMPARE_FROM),
    ("the", MAY_COMPARE_FROM | MAY_THAN),
    ("about", MAY_COMPARE_FROM | MAY_THAN | MAY_FROM),
    ("roughly", MAY_COMPARE_FROM | MAY_THAN | MAY_FROM),
    ("nearly", MAY_COMPARE_FROM | MAY_THAN | MAY_FROM),
    ("than", MAY_THAN),
    ("versus", MAY_THAN),
    ("vs", MAY_THAN),
];

/// [`COMPARISON_ENDINGS`] packed as [`last_letters_packed`] packs the last word of a text.
const COMPARISON_ENDINGS_PACKED: [u64; COMPARISON_ENDINGS.len()] = comparison_endings_packed();

const fn comparison_endings_packed() -> [u64; COMPARISON_ENDINGS.len()] {
    let mut packed = [0; COMPARISON_ENDINGS.len()];
    let mut i = 0;
    while i < COMPARISON_ENDINGS.len() {
        let word = COMPARISON_ENDINGS[i].0.as_bytes();
        let mut k = word.len();
        while k > 0 {
            packed[i] = packed[i] << 8 | word[k - 1] as u64;
            k -= 1;
        }
        i += 1;
    }
    packed
}

/// The run of ASCII letters that ends `words`, in lower case, the last letter in the high byte
/// of those it takes, with how many letters it has; `None` when it has more than seven (more
/// than any of [`COMPARISON_ENDINGS`]). In place of a count of the letters back and a
/// comparison of them with each ending, for the figures after a word that ends in a letter some
/// ending ends with: [`comparisons_that_may_end`] cost 0.20 instructions a byte less of
/// generated text.
fn last_letters_packed(words: &[u8]) -> Option<(u64, usize)> {
    let (mut packed, mut len) = (0u64, 0);
    while let Some(&b) = words.len().checked_sub(len + 1).map(|at| &words[at]) {
        if !b.is_ascii_alphabetic() {
            break;
        }
        if len == 7 {
            return None;
        }
        packed = packed << 8 | u64::from(b | 0x20);
        len += 1;
    }
    Some((packed, len))
}

/// The last two letters of [`COMPARISON_ENDINGS`]: for each last letter (`a` at 0), the
/// letters before it (`a` at bit 0). Every ending has two letters at least.
const COMPARISON_ENDING_PAIRS: [u32; 26] = comparison_ending_pairs();

const fn comparison_ending_pairs() -> [u32; 26] {
    let (mut pairs, mut i) = ([0; 26], 0);
    while i < COMPARISON_ENDINGS.len() {
        let word = COMPARISON_ENDINGS[i].0.as_bytes();
        assert!(word.len() >= 2, "an ending has two letters at least");
        let (before_last, last) = (word[word.len() - 2], word[word.len() - 1]);
        pairs[(last - b'a') as usize] |= 1 << (before_last - b'a');
        i += 1;
    }
    pairs
}

/// Whether `words` end in an ASCII letter that ends no word of [`COMPARISON_ENDINGS`] with the
/// byte before it: a pair of ASCII letters no ending ends with, or a letter after an ASCII byte
/// that is no letter, or alone (every ending has two letters). No comparison pattern ends with
/// such a word, whatever comes before it: ASCII letters match only ASCII letters of the
/// patterns' words, in either case.
fn ends_in_no_ending_letters(words: &[u8]) -> bool {
    let Some((&last, rest)) = words.split_last() else {
        return false;
    };
    if !last.is_ascii_alphabetic() {
        return false;
    }
    let pairs = COMPARISON_ENDING_PAIRS[usize::from((last | 0x20) - b'a')];
    match rest.last() {
        Some(&b) if b.is_ascii_alphabetic() => pairs & 1 << ((b | 0x20) - b'a') == 0,
        Some(&b) => b.is_ascii(),
        None => true,
    }
}

/// Which of [`COMPARED_FROM`], [`THAN`] and [`FROM`] may match `before` (bits `MAY_*`): only
/// those that end with its last word before the spaces that end it (and perhaps a ".", as in
/// "vs."). Most figures follow other words, and are spared the three searches; "from" and "to"
/// are spared the searches that cannot end with them. A character outside ASCII right after
/// that word or among those spaces may be a space or a letter of the word (`\s` is Unicode, and
/// "ſ" folds to "s"): all three may match. One before its last letter may not: a word that ends
/// in an ASCII letter no comparison word ends with matches none, whatever comes before it.
fn comparisons_that_may_end(before: &str) -> u8 {
    const ALL: u8 = MAY_COMPARE_FROM | MAY_THAN | MAY_FROM;
    let bytes = before.as_bytes();
    let words_end = spaces_start(bytes, bytes.len());
    if words_end > 0 && !bytes[words_end - 1].is_ascii() {
        return ALL;
    }
    if words_end == bytes.len() {
        return 0;
    }
    let words = &bytes[..words_end];
    let words = words.strip_suffix(b".").unwrap_or(words);
    // a word that ends in ASCII letters no ending ends with is none (most words before a
    // figure: "received", "in", "and"): told by its last two bytes, before it is read back
    if ends_in_no_ending_letters(words) {
        return 0;
    }
    let Some((last, len)) = last_letters_packed(words) else {
        // longer than any ending: no pattern ends with it, whatever stands before it (no `\b`
        // inside a run of ASCII letters)
        return 0;
    };
    if len < words.len() && !words[words.len() - len - 1].is_ascii() {
        return ALL;
    }
    let may = COMPARISON_ENDINGS_PACKED
        .iter()
        .position(|&ending| ending == last)
        .map_or(0, |i| COMPARISON_ENDINGS[i].1);
    if may & MAY_COMPARE_FROM != 0 && !may_end_a_comparison_from(bytes, words, len) {
        return may & !MAY_COMPARE_FROM;
    }
    may
}

/// Whether [`COMPARED_FROM`] (and the nouns of change read with it) may end with the last word
/// of `words` (`before` to its last word, which is `len` ASCII letters after an ASCII byte or
/// none): after "to" and "with" only its "compared ... to" branch may, which needs "compar" in
/// `before` (no letter of it has a case outside ASCII); after "the" only "from", "against",
/// "on", "with" or "to" right before it may (after spaces for the pattern, after any byte that
/// is no letter or digit for the nouns of change and "against"). "to" and "the" end most of the texts
/// [`comparisons_that_may_end`] lets through ("rose to 5,000", "of the 1,200"), and a search
/// of the pattern costs some 500 instructions. A word before "the" with bytes outside ASCII (a
/// space of another script may be in it) may be any.
fn may_end_a_comparison_from(before: &[u8], words: &[u8], len: usize) -> bool {
    let start = words.len() - len;
    match &words[start..] {
        w if w.eq_ignore_ascii_case(b"to") || w.eq_ignore_ascii_case(b"with") => {
            memchr::memchr2_iter(b'c', b'C', before).any(|at| {
                before
                    .get(at..at + 6)
                    .is_some_and(|c| c.eq_ignore_ascii_case(b"compar"))
            })
        }
        w if w.eq_ignore_ascii_case(b"the") => {
            // the letters and digits before the spaces before "the", as the nouns of change and
            // "against" after a comma read them ("demands,against the"); the run back to the
            // space before (a space outside ASCII may be in it)
            let (end, word_start) = word_by_bytes(&words[..start]);
            if end == start {
                return false;
            }
            let run_start = end
                - words[..end]
                    .iter()
                    .rev()
                    .take_while(|&&b| !super::claim::is_ascii_space(b))
                    .count();
            !words[run_start..end].is_ascii()
                || [&b"from"[..], b"against", b"on", b"with", b"to"]
                    .iter()
                    .any(|w| words[word_start..end].eq_ignore_ascii_case(w))
        }
        _ => true,
    }
}

/// URLs, dates, e-mail addresses, phone numbers and clock times: numbers inside them are not
/// figures. They are the matches of one case-insensitive alternation of these branches, in this
/// order; see [`not_figures`] for how it is searched.
const NOT_FIGURE_BRANCHES: [&str; 6] = [
    r"\b(?:https?://|www\.)\S+",
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\S+@\S+\.\w+",
    r"(?:\b1[\s.-])?\(?\b\d{3}\)?[\s.-]\d{3}[.-]\d{4}\b|\b0\d{1,3}-\d{3,4}-\d{4}\b",
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?",
    r"\b\d{1,2}\s*[ap]\.m\.",
];

/// [`NOT_FIGURE_BRANCHES`] in four patterns, in order: the URL branch without its `\b` (tested
/// by hand), the date branch, the e-mail branch, and the other three. On text with letters
/// outside ASCII a Unicode `\b` keeps a search out of the regex engine's fast automata unless
/// the pattern cannot match such letters (see [`super::pattern`]); `\S` and `\w` can, so the
/// two branches that have them are searched without any `\b`, and the rest with no `\S`.
static NOT_FIGURES: LazyLock<[Pattern; 4]> = LazyLock::new(|| not_figure_parts(NOT_FIGURE_BRANCHES));

/// [`NOT_FIGURES`] with every `\d` an ASCII digit, for texts where `\d` matches no character
/// outside ASCII ([`has_digit_outside_ascii`]), where they match the same. A `\b` beside an ASCII digit is one beside an ASCII
/// word character, which a search on text with letters outside ASCII can tell without first
/// copying the text with its letters masked (see [`super::pattern`]).
static NOT_FIGURES_OF_ASCII_DIGITS: LazyLock<[Pattern; 4]> =
    LazyLock::new(|| not_figure_parts(NOT_FIGURE_BRANCHES.map(|b| b.replace(r"\d", "[0-9]"))));

/// The four parts of [`NOT_FIGURES`] made of `branches`.
fn not_figure_parts<B: AsRef<str>>(branches: [B; 6]) -> [Pattern; 4] {
    let b = branches.each_ref().map(AsRef::as_ref);
    let url = b[0].strip_prefix(r"\b").expect("the URL branch starts with \\b");
    [url, b[1], b[2], &[b[3], b[4], b[5]].join("|")].map(|p| Pattern::new(&format!("(?i){p}")).unwrap())
}

/// The spans of the matches of the alternation of [`NOT_FIGURE_BRANCHES`] in `text`, found
/// through [`NOT_FIGURES`]: the alternation's next match is the leftmost match of any of its
/// parts, and of parts matching at the same place, the first (the alternation prefers its
/// first branch that matches there). Each part's next match is kept until the search passes
/// its start, when it is still the part's next match. A part is searched only from where the
/// marks its matches hold let a match start ([`NonFigureMarks`]): most pages have a few such
/// matches or none, and a search with no literal to skip to reads the whole text at each call.
fn not_figures(text: &str) -> Vec<Span> {
    let marks = NonFigureMarks::of(text);
    let mut next: [Option<Span>; 4] = [None; 4];
    let mut spans = Vec::new();
    let mut at = 0;
    loop {
        for (part, kept) in next.iter_mut().enumerate() {
            if kept.is_none_or(|m| m.start < at) {
                *kept = match part {
                    ADDRESS_PART => next_address(text, &marks, at),
                    _ => marks
                        .search_from(part, at)
                        .and_then(|from| marks.next(text, part, from)),
                };
            }
        }
        // The leftmost, and the first part of those as far left.
        let Some(found) = next.iter().flatten().min_by_key(|m| m.start).copied() else {
            return spans;
        };
        spans.push(found);
        at = found.end;
    }
}

/// For each part of [`NOT_FIGURES`], the marks that every match of the part holds, each with
/// the earliest place such a match may start: a web address holds "://" or starts with
/// "www."; an e-mail address holds "@" and starts no earlier than the run of non-spaces
/// before it; a date holds "-" after four digits and before "dd-dd"; a phone number holds "."
/// or "-" after three digits and before four, a clock time ":" after a digit and before two,
/// "a.m." or "p.m." its dot, a few bytes or one run of spaces after the start. A part with no
/// mark from `at` on has no match there, and a match from `at` starts no earlier than the
/// earliest start of the marks from `at` (each match's own mark is among them), so the search
/// may begin there.
///
/// The marks of the dates, phone numbers and times hold where `\d` is an ASCII digit: on a
/// text where it may match a character outside ASCII, those parts are searched from `at`.
#[derive(Debug, Default)]
struct NonFigureMarks {
    /// Per part, its marks in the order of the text: (the mark's place, the earliest start of
    /// a match holding this mark or a later one).
    parts: [Vec<(usize, usize)>; 4],
    /// Whether `\d` may match a character of the text outside ASCII ([`has_digit_outside_ascii`]).
    digits_outside_ascii: bool,
}

impl NonFigureMarks {
    /// The marks of `text`.
    fn of(text: &str) -> NonFigureMarks {
        let bytes = text.as_bytes();
        let mut marks = NonFigureMarks {
            digits_outside_ascii: !text.is_ascii() && has_digit_outside_ascii(text),
            ..NonFigureMarks::default()
        };
        let digits = |from: usize, to: usize| bytes.get(from..to).is_some_and(|r| r.iter().all(u8::is_ascii_digit));
        let digits_around = |at: usize, before: usize, after: usize| {
            at >= before && digits(at - before, at) && digits(at + 1, at + 1 + after)
        };
        for at in memchr::memchr3_iter(b'-', b'.', b':', bytes) {
            match bytes[at] {
                b':' if bytes[at + 1..].starts_with(b"//") => marks.add(URL_PART, at, back(text, at, 8)),
                b':' if digits_around(at, 1, 2) => marks.add(PHONE_AND_TIME_PART, at, back(text, at, 2)),
                b'-' if digits_around(at, 4, 2) && bytes.get(at + 3) == Some(&b'-') && digits(at + 4, at + 6) => {
                    marks.add(DATE_PART, at, at - 4)
                }
                b'.' if at >= 3 && bytes[at - 3..at].eq_ignore_ascii_case(b"www") => {
                    marks.add(URL_PART, at - 3, at - 3)
                }
                b'.' if is_meridiem_dot(bytes, at) => {
                    marks.add(PHONE_AND_TIME_PART, at, back(text, spaces_before(text, at - 1), 2))
                }
                _ => {}
            }
            // a phone number's mark may also be any of the above
            if matches!(bytes[at], b'-' | b'.') && digits_around(at, 3, 4) {
                marks.add(PHONE_AND_TIME_PART, at, back(text, at, 16));
            }
        }
        for at in memchr::memchr_iter(b'@', bytes) {
            marks.add(ADDRESS_PART, at, non_spaces_before(text, at));
        }
        for part in &mut marks.parts {
            part.sort_unstable();
            let mut earliest = usize::MAX;
            for mark in part.iter_mut().rev() {
                earliest = earliest.min(mark.1);
                mark.1 = earliest;
            }
        }
        marks
    }

    /// Keeps a mark of part `part` at `at` of a match starting at `earliest` or later.
    fn add(&mut self, part: usize, at: usize, earliest: usize) {
        self.parts[part].push((at, earliest));
    }

    /// Where a search for the next match of part `part` at or after `at` may begin; `None`
    /// when the part has no match there.
    fn search_from(&self, part: usize, at: usize) -> Option<usize> {
        if self.digits_outside_ascii && DIGIT_PARTS.contains(&part) {
            return Some(at);
        }
        self.from(part, at).first().map(|&(_, earliest)| earliest.max(at))
    }

    /// The next match of part `part` at or after `at`, by the parts that read the text's digits.
    fn next(&self, text: &str, part: usize, at: usize) -> Option<Span> {
        let parts = match self.digits_outside_ascii {
            true => &NOT_FIGURES,
            false => &NOT_FIGURES_OF_ASCII_DIGITS,
        };
        next_not_figure(&parts[part], text, part, at)
    }

    /// The marks of part `part` at or after `at`.
    fn from(&self, part: usize, at: usize) -> &[(usize, usize)] {
        let marks = &self.parts[part];
        &marks[marks.partition_point(|&(mark, _)| mark < at)..]
    }
}

/// The part of [`NOT_FIGURES`] that finds web addresses.
const URL_PART: usize = 0;
/// The part of [`NOT_FIGURES`] that finds dates.
const DATE_PART: usize = 1;
/// The part of [`NOT_FIGURES`] that finds e-mail addresses.
const ADDRESS_PART: usize = 2;
/// The part of [`NOT_FIGURES`] that finds phone numbers and clock times.
const PHONE_AND_TIME_PART: usize = 3;

/// The parts of [`NOT_FIGURES`] whose marks are ASCII digits and symbols.
const DIGIT_PARTS: [usize; 2] = [DATE_PART, PHONE_AND_TIME_PART];

/// The next e-mail address at or after `at`, found in the run of non-spaces around each "@"
/// from `at` on. The same as a search of the whole text: its pattern has no look-around and
/// matches no white space, so each match lies in one run, and a run with no "@" has none. (A
/// search of the whole text from an "@" that starts no address, as in a name on a social
/// network, read the rest of the page: the pattern has no literal to skip to.)
fn next_address(text: &str, marks: &NonFigureMarks, at: usize) -> Option<Span> {
    marks.from(ADDRESS_PART, at).iter().find_map(|&(mark, _)| {
        let run_end = mark + text[mark..].find(char::is_whitespace).unwrap_or(text.len() - mark);
        let run_start = non_spaces_before(text, mark).max(at);
        let m = NOT_FIGURES[ADDRESS_PART].find_at(&text[..run_end], run_start)?;
        Some(Span::new(m.start(), m.end()))
    })
}

/// Whether the dot at `at` is the first of "a.m." or "p.m." (in any case).
fn is_meridiem_dot(bytes: &[u8], at: usize) -> bool {
    at >= 1
        && matches!(bytes[at - 1] | 0x20, b'a' | b'p')
        && bytes.get(at + 1).is_some_and(|b| b | 0x20 == b'm')
        && bytes.get(at + 2) == Some(&b'.')
}

/// The character boundary at most `n` bytes before `at` (the furthest back).
fn back(text: &str, at: usize, n: usize) -> usize {
    let mut i = at.saturating_sub(n);
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Where the run of white space (as `\s` reads it) that ends at `at` starts.
fn spaces_before(text: &str, at: usize) -> usize {
    at - text[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum::<usize>()
}

/// Where the run of characters other than white space (`\S`) that ends at `at` starts.
fn non_spaces_before(text: &str, at: usize) -> usize {
    at - text[..at]
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .map(char::len_utf8)
        .sum::<usize>()
}

/// The next match of `pattern`, part `part` of [`NOT_FIGURES`], at or after `at`.
fn next_not_figure(pattern: &Pattern, text: &str, part: usize, mut at: usize) -> Option<Span> {
    loop {
        let m = pattern.find_at(text, at)?;
        // The URL part lost its `\b`: it matches only where the one before its first letter holds.
        if part == URL_PART
            && text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(regex_syntax::is_word_character)
        {
            at = m.start() + 1;
            continue;
        }
        return Some(Span::new(m.start(), m.end()));
    }
}

/// Whether [`not_figures`] may find any in `text`. On ASCII text every match holds "@" (an
/// address), "://" or "www." in any case (a web address), a digit, ":" and a digit (a clock
/// time), four digits, "-" and two (a date), three digits, "." or "-" and four (a phone number),
/// or "a.m." or "p.m." in any case: a look for "@", "-", "." and ":" (checking the bytes around
/// each, [`may_anchor_non_figure`]) spares most articles the search, which has no literal to
/// skip ahead to. Told by [`scan`], the dots in its pass.
///
/// The same holds of a text outside ASCII where `\d` matches no character outside ASCII
/// ([`has_digit_outside_ascii`]): there `\d` is any ASCII digit, but no letter of "www",
/// "a.m." or "p.m." folds to a character outside ASCII under `(?i)` (only "k" and "s" do),
/// and the other anchors are symbols.
#[cfg(test)]
fn may_hold_non_figures(text: &str) -> bool {
    scan(text).may_hold_non_figures
}

/// [`may_hold_non_figures`] by its passes of its own (`memchr` and `memchr3`), as it was read
/// before [`scan`].
#[cfg(test)]
fn may_hold_non_figures_by_memchr(text: &str) -> bool {
    if !text.is_ascii() && has_digit_outside_ascii(text) {
        return true;
    }
    let bytes = text.as_bytes();
    memchr::memchr(b'@', bytes).is_some()
        || memchr::memchr3_iter(b'-', b'.', b':', bytes).any(|at| may_anchor_non_figure(bytes, at))
}

/// Whether a match of [`not_figures`] may hold the mark ("@", "-", "." or ":") at `at`, by the
/// bytes around it (see `may_hold_non_figures`).
#[inline(always)]
fn may_anchor_non_figure(bytes: &[u8], at: usize) -> bool {
    let digits = |from: usize, to: usize| bytes.get(from..to).is_some_and(|r| r.iter().all(u8::is_ascii_digit));
    let digits_around =
        |before: usize, after: usize| at >= before && digits(at - before, at) && digits(at + 1, at + 1 + after);
    let lowercase_at = |i: usize| bytes.get(i).map(|b| b.to_ascii_lowercase());
    match bytes[at] {
        b'@' => true,
        b':' => bytes[at + 1..].starts_with(b"//") || digits_around(1, 1),
        b'-' => digits_around(4, 2) || digits_around(3, 4),
        _ => {
            // a dot that ends a sentence (most dots) has no digit, "m" or "w" beside it: told by
            // the two bytes around it before the rest is read
            let next = lowercase_at(at + 1);
            let www = at >= 3 && bytes[at - 1] | 0x20 == b'w' && bytes[at - 3..at].eq_ignore_ascii_case(b"www");
            let meridiem = next == Some(b'm')
                && at >= 1
                && matches!(lowercase_at(at - 1), Some(b'a' | b'p'))
                && bytes.get(at + 2) == Some(&b'.');
            (next.is_some_and(|b| b.is_ascii_digit()) && digits_around(3, 4)) || www || meridiem
        }
    }
}

/// Bit `k` of the first for each byte `k` of `block` that is a dot, of the second for each byte
/// outside ASCII; sixteen bytes at once.
#[inline(always)]
fn dots_and_outside_of_32(block: &[u8; 32]) -> (u32, u32) {
    let (first, second) = block.split_at(16);
    let (dots, outside) = dots_and_outside_of_16(first.try_into().expect("sixteen bytes"));
    let (more_dots, more_outside) = dots_and_outside_of_16(second.try_into().expect("sixteen bytes"));
    (dots | more_dots << 16, outside | more_outside << 16)
}

/// [`dots_and_outside_of_32`] for sixteen bytes.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn dots_and_outside_of_16(sixteen: &[u8; 16]) -> (u32, u32) {
    // SAFETY: SSE2 is part of every x86-64 processor (a baseline feature of the target).
    unsafe { dots_and_outside_by_sse2(sixteen) }
}

/// [`dots_and_outside_of_16`] by SSE2: the sixteen compared with a dot at once and their high
/// bits gathered.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn dots_and_outside_by_sse2(sixteen: &[u8; 16]) -> (u32, u32) {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_movemask_epi8, _mm_set1_epi8};
    let v = crate::extract::lanes::lanes(sixteen);
    let dots = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'.' as i8));
    (_mm_movemask_epi8(dots) as u32, _mm_movemask_epi8(v) as u32)
}

/// [`dots_and_outside_of_16`] elsewhere.
#[cfg(not(target_arch = "x86_64"))]
fn dots_and_outside_of_16(sixteen: &[u8; 16]) -> (u32, u32) {
    dots_and_outside_by_bytes(sixteen)
}

/// [`dots_and_outside_of_16`] a byte at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn dots_and_outside_by_bytes(sixteen: &[u8; 16]) -> (u32, u32) {
    sixteen.iter().enumerate().fold((0, 0), |(dots, outside), (k, &b)| {
        (
            dots | u32::from(b == b'.') << k,
            outside | u32::from(!b.is_ascii()) << k,
        )
    })
}

/// Words that may precede a number at the start of a clause without naming a product.
const CLAUSE_WORDS: &[&str] = &[
    "In",
    "Of",
    "About",
    "Some",
    "Nearly",
    "Over",
    "More",
    "Just",
    "Only",
    "All",
    "Around",
    "Roughly",
    "And",
    "But",
    "The",
    "By",
    "With",
    "To",
    "From",
    "For",
    "At",
    "Almost",
    "Approximately",
    "Fewer",
    "Less",
    "Than",
    "Another",
    "Those",
    "These",
    "Its",
];

/// How far around a number its context (measure, comparison words, entity) is looked for; it
/// also keeps the work per number constant however long a sentence is.
const CONTEXT_BYTES: usize = 120;

/// The last `n` bytes of `s` (or fewer, to stay on a char boundary).
fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// The first `n` bytes of `s` (or fewer, to stay on a char boundary).
fn head(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The items (sorted by position) that lie inside `span`, found by binary search.
#[cfg(test)]
fn within<T>(items: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> &[T] {
    let start = items.partition_point(|i| span_of(i).start < span.start);
    let end = items.partition_point(|i| span_of(i).start < span.end);
    let slice = &items[start..end.max(start)];
    let inside = slice.partition_point(|i| span_of(i).end <= span.end);
    &slice[..inside]
}

/// What `items.partition_point(before)` finds (`before` holds for a prefix of `items`), walked
/// from `from`, which `before` holds for every item before: searches made in order walk past
/// each item once, where each binary search reads several (a text's sentences ask a few each).
fn partition_point_from<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    from + items[from..].iter().take_while(|i| before(i)).count()
}

/// The items (sorted by position) that lie inside `span`, for spans asked in order: `from` is
/// where the items of the spans before start (0 for the first span, or one that starts before
/// the last), and is moved to where this span's start.
fn within_from<'a, T>(items: &'a [T], from: &mut usize, span: Span, span_of: impl Fn(&T) -> Span) -> &'a [T] {
    *from = partition_point_from(items, *from, |i| span_of(i).start < span.start);
    let end = partition_point_from(items, *from, |i| span_of(i).start < span.end);
    let slice = &items[*from..end];
    let inside = slice.partition_point(|i| span_of(i).end <= span.end);
    &slice[..inside]
}

/// The spans (sorted by start, not nested) that may overlap `span`: those starting inside it and
/// the one before, which may reach into it.
fn overlapping(spans: &[Span], span: Span) -> &[Span] {
    let start = spans.partition_point(|e| e.start < span.start).saturating_sub(1);
    let end = spans.partition_point(|e| e.start < span.end);
    &spans[start..end.max(start)]
}

/// Whether a mention of the sentence `s` (at `sentence`) may be a figure, told before it is read:
/// a sentence with no numeral has no mention, and a mention that overlaps a date, a non-figure
/// (`excluded`, sorted) or a period of the sentence (`periods`, sorted) is no figure
/// ([`is_figure`]); when every numeral of the sentence stands inside those, every mention does
/// ([`may_hold_numeral_outside`]). A sentence that names only a period or a date ("in the second
/// half of 2015, according to ...": a sixth of the sentences with a numeral in generated text,
/// a quarter of their bytes) is then not cut into tokens and read for nothing.
fn may_hold_a_figure(s: &str, sentence: Span, excluded: &[Span], periods: &[&PeriodMention]) -> bool {
    #[cfg(test)]
    if !FIGURELESS_SENTENCES_SKIPPED.with(Cell::get) {
        return true;
    }
    // the spans of the two lists by start, in the sentence
    let (mut next_excluded, mut next_period) = (0, 0);
    let covered = std::iter::from_fn(|| {
        let span = match (excluded.get(next_excluded), periods.get(next_period)) {
            (Some(e), Some(p)) if p.span.start < e.start => {
                next_period += 1;
                p.span
            }
            (Some(&e), _) => {
                next_excluded += 1;
                e
            }
            (None, Some(p)) => {
                next_period += 1;
                p.span
            }
            (None, None) => return None,
        };
        Some(Span::new(
            span.start.saturating_sub(sentence.start),
            span.end.saturating_sub(sentence.start),
        ))
    });
    let may = may_hold_numeral_outside(s, covered);
    #[cfg(test)]
    SENTENCES_SPARED.with(|n| n.set(n.get() + usize::from(!may && super::number::may_hold_numeral(s))));
    may
}

#[cfg(test)]
thread_local! {
    /// Whether [`may_hold_a_figure`] spares the sentences it may (a test-build switch: the tests
    /// compare the figures read both ways).
    static FIGURELESS_SENTENCES_SKIPPED: Cell<bool> = const { Cell::new(true) };
    /// How many sentences with a numeral [`may_hold_a_figure`] spared (a test-build counter: the
    /// tests' floor).
    static SENTENCES_SPARED: Cell<usize> = const { Cell::new(0) };
}

/// Why [`find_figures`] stopped before the end of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FiguresCut {
    /// The deadline passed.
    Deadline,
    /// More than the figures asked for were found.
    TooMany,
}

/// Finds the figures of an article; stops when the deadline passes first, or once more than
/// `max_figures` are found (tested between sentences). `dates` are the article's dates
/// ([`super::period::find_dates`]): their numbers are not figures.
pub fn find_figures(
    article: &Article,
    sentences: &[Span],
    periods: &[PeriodMention],
    dates: &[Span],
    deadline: Deadline,
    max_figures: usize,
) -> Result<Vec<Figure>, FiguresCut> {
    let text = &article.text;
    // the periods "since" opens, which run to the publication date ("since 2013")
    let opened = crate::extract::period::periods_since(text, dates, periods, article.published.as_deref());
    let periods: &[PeriodMention] = opened.as_deref().unwrap_or(periods);
    let scan = scan(text);
    let columns = super::table::ColumnPeriods::of(article, periods);
    let mut excluded: Vec<Span> = dates.to_vec();
    if scan.may_hold_non_figures {
        excluded.extend(not_figures(text));
    }
    excluded.sort();
    // about one figure in every 113 bytes of generated text: seldom grown (each growth copies
    // every figure so far), not seven times
    let mut figures: Vec<Figure> = Vec::with_capacity(text.len() / 96);
    let mut current_period: Option<Period> = None;
    // whether `current_period` holds for its own paragraph only: named with another part of the
    // report's period (a breakdown by halves), an event's month, or counted back from the
    // report's ("A year earlier")
    let mut current_holds_its_paragraph = false;
    // the period of the first sentence with figures, the report's: a paragraph that names none
    // is about it, not about a period outside it named in an aside before ("A year earlier the
    // split was ...", "the law lapses at the end of this year")
    let mut report_period: Option<Period> = None;
    // whether the article covers requests ([`reports_on_requests`]): asked only when it matters
    let mut covers_requests: Option<bool> = None;
    // the paragraph `current_period` was named in, and the figures that took it in another
    // paragraph: kept only by the figures of an organisation, once owners are known
    // (`keep_carried_periods_of_owned_figures`); paragraphs are walked from the last one found
    let (mut carry_paragraphs_from, mut period_paragraph) = (0, None);
    // (that list, `carried_across`, and the figures that name no owner around them, `unowned`,
    // with room kept from the thread's articles before: taken at the first sentence with
    // figures, [`KEPT_FIGURE_LISTS`])
    let mut figure_lists: Option<FigureLists> = None;
    // the periods the last sentence named, and the year a total of this sentence was given
    let mut last_sentence_periods: Vec<Period> = Vec::new();
    let mut summed_year: Option<Period> = None;
    // borrowed from the text, and copied only for the figures that take it: counting names and
    // passing sentences that name one copy none
    let entities = Entities::new(text, &scan.entities);
    // the names inside the sentences that state a figure: they may own the figures that name
    // no owner around them (`unowned`), given one once every figure is read
    let mut named_with_figures = 0u64;
    // Per-sentence lists, kept across sentences so that their room is reused (and made at
    // once for a sentence's few items, not grown from none).
    let mut sentence_periods: Vec<&PeriodMention> = Vec::with_capacity(8);
    let mut compared_from: Vec<Option<bool>> = Vec::with_capacity(16);
    let mut references: Vec<Span> = Vec::with_capacity(4);
    // the changes written "from X to Y" after a comparison word ("increased from 5425 to 5641"):
    // few, and seldom any
    let mut from_to: Vec<FromTo> = Vec::new();
    // the sentence's mentions: one list, its room reused across the sentences and the thread's
    // articles (a new list for each sentence was made, and grown, for every other one)
    let mut candidates: Vec<Mention> = KEPT_MENTIONS.with(Cell::take);
    #[cfg(test)]
    KEPT_ROOM_TAKEN.with(|n| n.set(n.get() + usize::from(candidates.capacity() > 0)));
    // where the periods and entity names of the last sentence start (sentences come in order)
    let (mut periods_from, mut entities_from, mut last_start) = (0, 0, 0);
    // where the paragraph of the last sentence that asked for one is ([`paragraph_from`])
    let mut paragraphs_from = 0;
    for &sentence in sentences {
        if deadline.passed() {
            return Err(FiguresCut::Deadline);
        }
        if figures.len() > max_figures {
            return Err(FiguresCut::TooMany);
        }
        if sentence.start < last_start {
            (periods_from, entities_from) = (0, 0);
        }
        last_start = sentence.start;
        let paragraph = paragraph_from(&article.paragraphs, &mut carry_paragraphs_from, sentence);
        let s = sentence.of(text);
        // the sentence's figures are `figures[first..]`: pushed where they stay
        let first = figures.len();
        sentence_periods.clear();
        sentence_periods.extend(within_from(periods, &mut periods_from, sentence, |p| p.span));
        // a total of a year's parts needs two parts named, here or in the sentence before: told
        // once for the sentence, not asked of each figure
        let may_sum_parts = last_sentence_periods.len() + sentence_periods.len() >= 2;
        let excluded = overlapping(&excluded, sentence);
        let entities = entities.around_from(sentence, &mut entities_from);
        let span_of = |m: &Mention| Span::new(sentence.start + m.start, sentence.start + m.end);
        // the mentions' text is read off their spans: most are not figures, and are passed by
        // (not removed first, which moved every mention after one)
        // (every sentence of an ASCII article is ASCII: not tested again)
        candidates.clear();
        if may_hold_a_figure(s, sentence, excluded, &sentence_periods) {
            read_numbers_without_text_into(s, scan.ascii, &mut candidates);
        }
        // Figures named only as the point of comparison ("down from 72,279 in 2013") own the
        // period after them; other figures share it ("27,477 requests for 42,648 users in 2013").
        // Whether a comparison word comes right before each figure: read once, for the
        // references and for linking the comparison (`None` for a mention that is no figure).
        // The words before most figures end no comparison: tested once for the three patterns.
        compared_from.clear();
        references.clear();
        from_to.clear();
        let mut after_a_figure = false;
        // the period the sentence's last figure that is no point of comparison took from it
        let mut last_taken: Option<Period> = None;
        // the last figure's place among the candidates, and whether a comparison word came before it
        let mut last_figure: Option<(usize, bool)> = None;
        // whether a figure of the sentence counts other than a service's public: a sentence
        // that only sizes its public ("Snapchat averaged 414 million daily active users in the
        // fourth quarter") names a period for that alone, not for the sentences after it
        let mut counts_other_than_a_public = false;
        // the cells of a row under a header that names their periods are figures
        let table_row = is_table_row(s, &candidates) && !columns.as_ref().is_some_and(|c| c.holds(sentence));
        for (index, m) in candidates.iter().enumerate() {
            let cell_or_marker = (table_row || m.start == 0 && is_list_marker(s, m)) && is_digits_only(s, m);
            if cell_or_marker || !is_figure(m, s, span_of(m), excluded, &sentence_periods) {
                compared_from.push(None);
                continue;
            }
            // the figure after "to" is a newer value, and the period after it is its own: the
            // figure after "from" does not take it
            let closes_from_to = match last_figure {
                Some((last, true)) if opens_from_to(s, &candidates[last], m) => {
                    from_to.push(FromTo {
                        opener: last,
                        closer: index,
                        opener_start: candidates[last].start,
                    });
                    true
                }
                _ => false,
            };
            let before = tail(&s[..m.start], CONTEXT_BYTES);
            let may = comparisons_that_may_end(before);
            let compared = may & MAY_COMPARE_FROM != 0
                && (COMPARED_FROM.is_match(before)
                    || noun_of_change_before(before).is_some()
                    || comma_against_before(before));
            compared_from.push(Some(compared));
            let than = || may & MAY_THAN != 0 && (THAN.is_match(before) || multiple_before(before));
            let from = || after_a_figure && may & MAY_FROM != 0 && FROM.is_match(before);
            if closes_from_to || compared || than() || from() {
                references.push(span_of(m));
            }
            after_a_figure = true;
            last_figure = Some((index, compared));
        }
        // a period the sentence names for its own figures: no point of comparison, nor named for one
        let of_the_sentence =
            |p: &PeriodMention| !p.reference && !is_named_for_a_reference(p, &sentence_periods, &references);
        // taken by reference: a mention is some 150 bytes, and most are no figures; a sentence
        // with no figure skips the loop (its invariants, read before it, cost some 40
        // instructions a sentence: most sentences of real text have no figure), where it would
        // pass every mention by (the tests run with this check)
        debug_assert!(
            after_a_figure || compared_from.iter().all(Option::is_none),
            "a sentence with a figure is told"
        );
        if after_a_figure {
            let FigureLists {
                unowned,
                carried_across,
            } = figure_lists.get_or_insert_with(|| KEPT_FIGURE_LISTS.with(Cell::take));
            for (index, (m, &compared)) in candidates.iter_mut().zip(&compared_from).enumerate() {
                let Some(compared) = compared else { continue };
                let span = span_of(m);
                let kind = figure_kind(m);
                let after = head(&s[m.end..], CONTEXT_BYTES);
                let before = tail(&s[..m.start], CONTEXT_BYTES * 2);
                let measure = measure_after(after, scan.ascii)
                    .map(lowercase_single_spaced)
                    .or_else(|| {
                        let (earlier, in_sentence) = figures.split_at(first);
                        let paragraph = paragraph_from(&article.paragraphs, &mut paragraphs_from, sentence);
                        // asked only of the figures that would inherit one: fewer than those with none
                        inherited_measure(kind, in_sentence, earlier, sentence, paragraph)
                            .filter(|_| is_bare_number(before, after))
                    });
                let before_start = span.start - before.len();
                let after_start = span.end;
                // "3,417 concerned posts on Twitter, 1,743 on Facebook": a name right after "on",
                // "from", "at" or "in" after the figure is its owner, before any name further back
                let named_after = || {
                    super::claim::name_after_preposition(after)
                        .and_then(|name| entities.first_in(after_start + name.start, after_start + name.end))
                };
                let entity = named_after()
                    .or_else(|| entities.last_in(before_start, span.start))
                    .or_else(|| entities.first_in(after_start, after_start + after.len()));
                if entity.is_none() {
                    unowned.push(figures.len());
                }
                let column = columns.as_ref().and_then(|c| c.period_of(span)).cloned();
                let is_reference = references.contains(&span);
                let stated = column.or_else(|| {
                    let own = period_for(span, is_reference, &sentence_periods, &references, text);
                    // (not a period of comparison: "18% more than in 2023, when the figure was 312")
                    let named_here = || sentence_periods.iter().any(|p| p.period == own && of_the_sentence(p));
                    if !is_reference && own.is_some() && named_here() {
                        last_taken.clone_from(&own);
                    }
                    own
                });
                if stated.is_none() && current_period.is_some() && period_paragraph != paragraph {
                    carried_across.push(figures.len());
                }
                let across = period_paragraph != paragraph;
                let counts_public = counts_a_public(m.value, measure.as_deref());
                counts_other_than_a_public |= !counts_public;
                // the rounded size of a service's public ("more than 150 million monthly users"): a
                // present fact, not one of the report's counts, taking no period from the sentences
                // before it
                let population = m.approx.is_some() && counts_public;
                let present_size = is_present_size(before, m.value, m.approx.is_some(), population)
                    || is_a_limit(before, &s[m.start..m.end], after);
                let period = stated
                    .filter(|_| !present_size)
                    .or_else(|| {
                        if present_size || population {
                            return None;
                        }
                        let covers = || *covers_requests.get_or_insert_with(|| reports_on_requests(article));
                        carried_period(
                            current_period.as_ref(),
                            report_period.as_ref(),
                            across,
                            current_holds_its_paragraph,
                            covers,
                        )
                    })
                    .map(|p| {
                        if let Some(half) = elided_half(after, &p) {
                            return half;
                        }
                        // (not the first of "increased from 1061 to 1128", a change with no time)
                        let opens_from_to = from_to.iter().any(|c| c.opener == index);
                        if compared && !opens_from_to {
                            if let Some(earlier) = earlier_period_unnamed(&p, span, &sentence_periods, before) {
                                return earlier;
                            }
                        }
                        let total = || whole_year_of_total(&p, before, &sentence_periods, &last_sentence_periods);
                        match may_sum_parts.then(total).flatten() {
                            Some(year) => {
                                summed_year = Some(year.clone());
                                year
                            }
                            None => p,
                        }
                    });
                // pushed, then linked to the figures before it in the list: linked first, from a
                // figure on the stack, each figure took some 34 more instructions (fat LTO)
                figures.push(Figure {
                    span,
                    kind,
                    value: m.value,
                    low: m.low,
                    high: m.high,
                    approx: m.approx.take(),
                    unit: if kind == FigureKind::Money { m.unit.take() } else { None },
                    precision: m.precision,
                    plain: m.plain,
                    measure,
                    entity,
                    period,
                    compared_to: None,
                    sentence,
                    in_quote: false,
                });
                // "increased from 5425 to 5641": the figure after "from" is the earlier value of the one
                // after "to", not of a figure before it
                if compared && !from_to.iter().any(|c| c.opener == index) {
                    let before = tail(&s[..m.start], CONTEXT_BYTES);
                    let (figure, in_sentence) = figures[first..].split_last_mut().expect("a figure was pushed");
                    let stands = |newer: Span| {
                        let (start, end) = (newer.start - sentence.start, newer.end - sentence.start);
                        let before_newer = &s[..start];
                        let close_before = tail(before_newer, CONTEXT_BYTES);
                        // "up 9 percent from 3,887 ... and up 26 percent from 3,341": an earlier value
                        // is not the newer value of the next comparison
                        let earlier_value = || {
                            comparisons_that_may_end(close_before) != 0
                                && comparison_word(close_before, scan.ascii).is_some()
                        };
                        if is_in_an_aside(before_newer, &s[end..m.start]) || earlier_value() {
                            Newer::NotIt
                        } else if [" in", " across"].iter().any(|w| before_newer.trim_end().ends_with(w)) {
                            Newer::Scope
                        } else {
                            Newer::Subject
                        }
                    };
                    link_comparison(before, scan.ascii, figure, in_sentence, stands);
                }
                if let Some(change) = from_to.iter().find(|c| c.closer == index) {
                    let before = tail(&s[..change.opener_start], CONTEXT_BYTES);
                    link_from_to(before, scan.ascii, &mut figures[first..]);
                }
            }
        }
        // a month with no year that no figure took is an event's ("which the government suspended
        // in June"), not what the next sentences are about
        let an_event_month = |p: &&&PeriodMention| {
            matches!(p.anaphor, Some(Anaphor::Month { .. })) && p.period.is_some() && p.period != last_taken
        };
        if let Some(p) = sentence_periods
            .iter()
            .rev()
            .filter(|p| of_the_sentence(p))
            .filter(|p| !an_event_month(p))
            .find_map(|p| p.period.clone())
            .filter(|p| {
                if figures.len() > first {
                    counts_other_than_a_public || report_period.is_none()
                } else {
                    !is_dateline(p, paragraph, article)
                }
            })
        {
            // the periods the sentence names for its own figures, read afresh for each question
            let named = || {
                sentence_periods
                    .iter()
                    .filter(|p| of_the_sentence(p))
                    .filter_map(|p| p.period.as_ref())
            };
            // "1,274 requests in 2023: 701 from January through June and 573 from July through
            // December": after a whole and its parts, the sentences go on about the whole
            let whole = (sentence_periods.len() >= 3)
                .then(|| named().find(|w| holds_two_parts(w, named())))
                .flatten();
            // a period named after the sentence's figures that none of them took is an aside's
            // ("4,312 in the first quarter of 2025, ... a policy change it made last year")
            current_period = Some(whole.cloned().or(last_taken.take()).unwrap_or(p));
            period_paragraph = paragraph;
            // "117 arrived from January through June and 104 in the second half": parts of the
            // report's period, after which another paragraph is about the whole again
            current_holds_its_paragraph =
                sentence_periods.len() >= 2 && report_period.as_ref().is_some_and(|r| holds_two_parts(r, named()));
            // so does an event's month named with no figure: "Meta finished turning on encryption
            // in December 2023." (the next paragraph's figures are the report's year's), where
            // the figures after it in its paragraph may be of it ("the sums it had said in July
            // 2019 it would impose. BA's penalty came down from £183.39m")
            current_holds_its_paragraph |= figures.len() == first
                && current_period
                    .as_ref()
                    .is_some_and(|p| dates_an_event(p, &report_period));
            // and so does a period counted back from the report's ("A year earlier, 703
            // researchers had shared in the rewards"): an aside on the past
            current_holds_its_paragraph |= report_period.is_some()
                && sentence_periods
                    .iter()
                    .any(|m| m.period == current_period && m.anaphor.is_some_and(Anaphor::counts_back));
        }
        if figures.len() > first {
            // (the names around the sentence: those inside it are the whole text's inside it)
            named_with_figures |= entities.names_inside(sentence);
        }
        if report_period.is_none() && figures.len() > first {
            report_period = current_period.clone();
        }
        // the year its halves were summed to is what the sentences after it speak of ("Together
        // they make 65.5 thousand. That is down about 9 percent from 72,279 in 2013.")
        if let Some(year) = summed_year.take() {
            current_period = Some(year);
            period_paragraph = paragraph;
        }
        last_sentence_periods.clear();
        last_sentence_periods.extend(
            sentence_periods
                .iter()
                .filter(|p| of_the_sentence(p))
                .filter_map(|p| p.period.clone()),
        );
    }
    if let Some(year) = publication_year(article) {
        this_years_values_of_last_years(&mut figures, year);
    }
    if let Some(mut lists) = figure_lists {
        if !lists.unowned.is_empty() {
            let mut owners = Owners::of(article, &scan.entities, named_with_figures);
            for &k in &lists.unowned {
                figures[k].entity = owners.before(figures[k].sentence, sentences);
            }
        }
        let covers = || *covers_requests.get_or_insert_with(|| reports_on_requests(article));
        keep_carried_periods_of_owned_figures(&mut figures, &lists.carried_across, covers);
        if lists.unowned.capacity().max(lists.carried_across.capacity()) <= MAX_KEPT_ROOM {
            lists.unowned.clear();
            lists.carried_across.clear();
            KEPT_FIGURE_LISTS.with(|kept| kept.set(lists));
        }
    }
    if candidates.capacity() <= MAX_KEPT_ROOM {
        candidates.clear();
        KEPT_MENTIONS.with(|kept| kept.set(candidates));
    }
    if figures.len() > max_figures {
        return Err(FiguresCut::TooMany);
    }
    Ok(figures)
}

thread_local! {
    /// [`find_figures`]' mention list between articles, empty: taken at an article's start and
    /// put back at its end, so that its room is made once for the thread's articles.
    static KEPT_MENTIONS: Cell<Vec<Mention>> = const { Cell::new(Vec::new()) };
}

/// [`find_figures`]' lists of figures (indices into the figures): made, and grown, for every
/// article, about one and a half times each an article of generated text, before their room
/// was kept between a thread's articles ([`KEPT_FIGURE_LISTS`]).
#[derive(Default)]
struct FigureLists {
    /// The figures that name no owner around them.
    unowned: Vec<usize>,
    /// The figures that took a period named in another paragraph.
    carried_across: Vec<usize>,
}

thread_local! {
    /// [`find_figures`]' [`FigureLists`] between articles, empty: taken at an article's first
    /// sentence with figures (an article with none reads none) and put back at its end, unless
    /// one has grown past [`MAX_KEPT_ROOM`] items.
    static KEPT_FIGURE_LISTS: Cell<FigureLists> = const {
        Cell::new(FigureLists {
            unowned: Vec::new(),
            carried_across: Vec::new(),
        })
    };
}

#[cfg(test)]
thread_local! {
    /// How many articles [`find_figures`] read with room taken from [`KEPT_MENTIONS`] (a
    /// test-build counter: the tests' floor).
    static KEPT_ROOM_TAKEN: Cell<usize> = const { Cell::new(0) };
}

/// The most mentions whose room [`KEPT_MENTIONS`] keeps (some 150 KB), and the most figures of
/// each list of [`KEPT_FIGURE_LISTS`]: a list grown past it by an article with a very long
/// sentence (or very many figures) is freed with the article.
const MAX_KEPT_ROOM: usize = 1024;

/// A period named in an earlier paragraph stays with the figures of an organisation that took
/// it (`carried`, indices into `figures`): a report's period goes on through the paragraphs
/// about its figures ("Yahoo received 6,621 requests in the second half of 2014. ... The
/// requests were split: 33 percent came from ..."), but news of other things names years in
/// passing ("they had not met since 1965", "of 1909 Jolinda Drive", "revenue of $75bn last
/// year") that are no period of the figures paragraphs later. Not asked of coverage of requests
/// (`covers`: [`reports_on_requests`]), where every figure is the report's.
///
/// `covers` is asked only when a carried figure has no owner: where every one has (most
/// articles of generated text), no period is dropped whatever it says, and its search of the
/// headline and lede cost some 900 instructions an article.
fn keep_carried_periods_of_owned_figures(figures: &mut [Figure], carried: &[usize], covers: impl FnOnce() -> bool) {
    let unowned = |k: &usize| figures[*k].entity.is_none();
    if !carried.iter().any(unowned) || covers() {
        return;
    }
    for &k in carried {
        if figures[k].entity.is_none() {
            figures[k].period = None;
        }
    }
}

/// Whether `period`, named in a `paragraph` with no figure, is the month of the publication
/// in a short line of its own ("Policy Brief No. 14 · September 2024", "Updated March 2023"):
/// a dateline, not the period of the figures after it.
fn is_dateline(period: &Period, paragraph: Option<Span>, article: &Article) -> bool {
    let short = paragraph.is_some_and(|p| p.end - p.start < 120);
    let published = || {
        let date = article.published.as_deref()?.get(..10)?;
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
    };
    short && period.is_one_month() && published().is_some_and(|d| period.start <= d && d <= period.end)
}

/// The year `article` was published in, if its date is known.
fn publication_year(article: &Article) -> Option<i32> {
    article.published.as_deref()?.get(..4)?.parse().ok()
}

/// "counted 10 disruption windows over the exam, down from 15 last year": a figure with no
/// period compared with a value of the year before publication (`published`) is this year's.
fn this_years_values_of_last_years(figures: &mut [Figure], published: i32) {
    for f in figures.iter_mut().filter(|f| f.period.is_none()) {
        let last_years = f
            .compared_to
            .as_ref()
            .and_then(|c| c.period.as_ref())
            .is_some_and(|p| Period::year(published - 1).as_ref() == Some(p));
        if last_years {
            f.period = Period::year(published);
        }
    }
}

/// Whether a figure counts a service's public: a million or more "users", "customers",
/// "subscribers" and the like ("414 million daily active users").
fn counts_a_public(value: Option<f64>, measure: Option<&str>) -> bool {
    const PUBLICS: [&str; 7] = [
        "users",
        "customers",
        "subscribers",
        "people",
        "members",
        "listings",
        "websites",
    ];
    value.is_some_and(|v| v >= 1e6) && measure.is_some_and(|m| m.split(' ').any(|word| PUBLICS.contains(&word)))
}

/// Whether a figure (`text`, between `before` and `after`) is a limit a rule sets, not a count
/// of a period: "capped at €20,000", "fines of up to €20 million", "penalties of up to $50
/// million", "reimburse victims up to £415,000 per claim" (not a rate: "up to 250 per day").
/// It takes no period, not even one its sentence names (the date a rule takes effect: "From 7
/// October, ... up to £415,000 per claim").
fn is_a_limit(before: &str, text: &str, after: &str) -> bool {
    const CAPS: [&str; 3] = ["capped at", "a cap of", "limited to"];
    const LIMITED: [&str; 7] = [
        "fines of",
        "fine of",
        "penalties of",
        "penalty of",
        "reward of",
        "rewards of",
        "fees of",
    ];
    if text.starts_with("up to ") {
        let before = super::claim::trim_end_spaces(before);
        return LIMITED.iter().any(|l| before.ends_with(l))
            || after.starts_with(" for each ")
            || after
                .strip_prefix(" per ")
                .is_some_and(|unit| !starts_with_a_time_unit(unit));
    }
    // (every cap ends with "at", "of" or "to": one byte spares the rest for nearly every figure)
    let before = super::claim::trim_end_spaces(before);
    matches!(before.as_bytes().last(), Some(b't' | b'f' | b'o')) && CAPS.iter().any(|c| before.ends_with(c))
}

/// Whether `text` starts with a unit of time as a whole word: "day", "week", "month", "year",
/// "hour" (a rate's).
fn starts_with_a_time_unit(text: &str) -> bool {
    let word = text.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    matches!(word, "day" | "week" | "month" | "year" | "hour" | "minute")
}

/// Whether a figure is the present size of an organisation's public, which takes none of its
/// sentence's periods: a figure of a million or more after "which has", "which hosts" or "which
/// serves" (`before` is the sentence before it), set off from the sentence ("MTN, which has some
/// 272 million subscribers, published its first report in 2020"); the size of a public
/// (a rounded [`counts_a_public`], `population`) after "used by" ("LINE, the app used by more
/// than 80 million people, received ..."); or a rounded figure (`approx`) of a thousand or more
/// right after a verb of having in the present ("it counts more than 263 million customers",
/// "it sits in front of more than 4 million websites").
fn is_present_size(before: &str, value: Option<f64>, approx: bool, population: bool) -> bool {
    value.is_some_and(|value| may_be_a_present_size(value, approx))
        && is_present_size_by_words(before, value, approx, population)
}

/// Whether a figure's value may be a present size on either of [`is_present_size`]'s ways: a
/// million or more, or a rounded thousand or more. Most figures are told so before the words
/// before them are read.
#[inline]
fn may_be_a_present_size(value: f64, approx: bool) -> bool {
    value >= 1e6 || approx && value >= 1e3
}

/// [`is_present_size`] by the words before the figure and its value, without the test of the
/// value first.
#[inline]
fn is_present_size_by_words(before: &str, value: Option<f64>, approx: bool, population: bool) -> bool {
    const ASIDES: [&str; 4] = ["which has", "which have", "which hosts", "which serves"];
    const HAVING: [&str; 8] = [
        "has",
        "have",
        "hosts",
        "serves",
        "counts",
        "lists",
        "employs",
        "in front of",
    ];
    let Some(value) = value else {
        return false;
    };
    let before = super::claim::trim_end_spaces(before);
    let ends_with_word = |word: &str| {
        before
            .strip_suffix(word)
            .is_some_and(|rest| rest.ends_with(' ') || rest.is_empty())
    };
    value >= 1e6
        && (population && before.ends_with("used by")
            || ASIDES
                .iter()
                .any(|aside| before.ends_with(aside) && before[..before.len() - aside.len()].trim_end().ends_with(',')))
        || approx && value >= 1e3 && HAVING.iter().any(|verb| ends_with_word(verb))
}

/// Whether `period`, named in a sentence with no figure once the report's period (`report`) is
/// known, dates an event rather than the figures of the paragraphs after it: a single month
/// ("Meta finished turning on encryption in December 2023", "signed in May 2024") in coverage
/// of a year's figures is news of when something happened, and the next paragraph's "10.8
/// million" is still the year's.
fn dates_an_event(period: &Period, report: &Option<Period>) -> bool {
    report.as_ref().is_some_and(Period::is_twelve_months) && period.is_one_month()
}

/// The period a figure that states none takes: the last one named (`current`), except in another
/// paragraph (`across`) of coverage of requests (`covers`, asked only then) when it is no part of
/// the report's (`report`): an aside about another period ("A year earlier ...", "For 2019 as a
/// whole ...") holds for its own paragraph. On other news the period of the first sentence with
/// figures is no report's. Some periods hold for their own paragraph on any news (`own_paragraph`):
/// a part of the report's period named with another part ("117 from January through June and
/// 104 in the second half"), an event's month named with no figure ([`dates_an_event`]), a
/// period counted back from the report's ("A year earlier, 703 researchers ...").
fn carried_period(
    current: Option<&Period>,
    report: Option<&Period>,
    across: bool,
    own_paragraph: bool,
    covers: impl FnOnce() -> bool,
) -> Option<Period> {
    let current = current?;
    match report {
        Some(r) if across && (own_paragraph || !r.contains(current) && covers()) => Some(r.clone()),
        _ => Some(current.clone()),
    }
}

/// Whether `article` covers requests, orders or removals (or the data and notices of such
/// reports), by its headline and first paragraph, or its second after a short first (a
/// dateline, a byline or a desk's name: "FOR IMMEDIATE RELEASE · March 12, 2024"): such
/// coverage reports a period's figures, so a period its lede names holds for the figures after
/// it whoever owns them (an operator, a court or a city figmine does not know by name), where
/// on other news a period named paragraphs before seldom does.
fn reports_on_requests(article: &Article) -> bool {
    // whole phrases where a word alone has an everyday sense ("task orders", "demand side")
    const WORDS: [&str; 72] = [
        "request",
        "demands",
        "warrant",
        "subpoena",
        "court order",
        "authoris",
        "authoriz",
        "intercept",
        "wiretap",
        "eavesdropping",
        "geofence",
        "takedown",
        "removal",
        "copyright",
        "dmca",
        "piracy",
        "transparency report",
        "disclosure report",
        "surveillance",
        "intelligence service",
        "intelligence agenc",
        "spy agenc",
        "national security letter",
        "license plate",
        "licence plate",
        "data protection",
        "user data",
        "users' data",
        "law enforcement",
        "investigators",
        // governments' blocking and shutdowns
        "blocking",
        "blocked",
        "access ban",
        "referral",
        "shutdown",
        "internet cut",
        "throttl",
        "internet disruption",
        "network disruption",
        // platforms' enforcement of their own rules
        "enforcement report",
        "community standards",
        "community guidelines",
        "content moderation",
        "took down",
        "taken down",
        // reports of statistics: crime and fraud, complaints, freedom of information
        "annual report",
        "report says",
        "report shows",
        "report finds",
        "report found",
        "figures show",
        "figures published",
        "vulnerability",
        "vulnerabilities",
        "bounty",
        "bounties",
        "fraud",
        "scams",
        "scam ",
        "internet crime",
        "cybercrime",
        "complaints",
        "freedom of information",
        "foia",
        "public records",
        "access to information",
        // platforms' reports of child abuse to the hotlines
        "child sexual",
        "child exploitation",
        "child abuse",
        "child-abuse",
        "cybertipline",
        "ncmec",
    ];
    // one search for all the words, in ASCII case, by a DFA: a search for each word in each
    // part cost some 2.4 instructions a byte of every article, and a lower-cased copy of the
    // parts searched by the default automaton (past Teddy's 64 words) some 3
    static SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
        // curly apostrophes as straight ones ("users’ data")
        let curly = WORDS
            .iter()
            .filter(|w| w.contains('\''))
            .map(|w| w.replace('\'', "\u{2019}"));
        let words: Vec<String> = WORDS.iter().map(|w| w.to_string()).chain(curly).collect();
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(words)
            .expect("literal words")
    });
    let lede = |k: usize| article.paragraphs.get(k).map_or("", |p| p.of(&article.text));
    // the second paragraph only after a short first one: a dateline, not a lede
    let second = if lede(0).len() < 120 { lede(1) } else { "" };
    let title = article.title.as_deref().unwrap_or_default();
    // each part on its own: no word spans two of them
    [title, lede(0), second].into_iter().any(|part| SEARCH.is_match(part))
}

/// The organisations that own the figures that name none around them: those the headline names
/// and those named in a sentence that states a figure. A name only where no figure is stated
/// ("ridicule across Twitter on Monday", "from its Twitter account") owns none of the article's
/// figures; one that reports them ("Pinterest published its report. The company said it received
/// 141 requests") owns those after it.
struct Owners<'t, 'f> {
    /// Every name of the article's text.
    entities: Entities<'t, 'f>,
    /// The names that may own figures, a bit for each place in [`ENTITY_NAMES`].
    owners: u64,
    /// The one of `owners` the text names most often, for the figures before any is named.
    default: Option<&'static str>,
    /// The sentence last asked of and its answer (a sentence's figures ask one after another).
    last: Option<(Span, Option<&'static str>)>,
}

impl<'t, 'f> Owners<'t, 'f> {
    /// The owners of `article`'s figures; `found` are the names of its text, and
    /// `named_with_figures` those inside the sentences that state a figure (bits as in
    /// [`Entities::names_inside`]), gathered as its sentences are read.
    fn of(article: &'t Article, found: &'f [(usize, usize)], named_with_figures: u64) -> Self {
        let entities = Entities::new(&article.text, found);
        let title = article.title.as_deref().unwrap_or_default();
        let owners = names_in_headline(title) | named_with_figures;
        let default = most_named(&entities, owners);
        Owners {
            entities,
            owners,
            default,
            last: None,
        }
    }

    /// Whether `name` (its place in [`ENTITY_NAMES`]) may own figures.
    fn owns(&self, place: usize) -> bool {
        self.owners >> place & 1 != 0
    }

    /// The owner of a figure that names none around it, in `sentence` (one of `sentences`; asked
    /// in order): for a sentence that opens by referring back ([`opens_by_referring_back`]), the
    /// last name of the sentence before it (what "It received 0-999 of them" after "Facebook chose
    /// to combine its requests" refers to), which then owns figures as one named with a figure
    /// does ("That was 12 more than..."); else the last owner named before it; else the default.
    fn before(&mut self, sentence: Span, sentences: &[Span]) -> Option<&'static str> {
        if let Some((_, answer)) = self.last.filter(|(asked, _)| *asked == sentence) {
            return answer;
        }
        let found = self.entities.found;
        let before = found.partition_point(|m| m.1 <= sentence.start);
        let previous = sentences[..sentences.partition_point(|s| s.start < sentence.start)].last();
        let referred = found[..before]
            .last()
            .filter(|m| previous.is_some_and(|p| m.0 >= p.start))
            .filter(|_| opens_by_referring_back(sentence.of(self.entities.text)))
            .map(|&(s, _)| self.entities.place_of(s));
        if let Some(place) = referred {
            self.owners |= 1u64 << place;
        }
        let place = referred.or_else(|| {
            found[..before]
                .iter()
                .rev()
                .map(|&(s, _)| self.entities.place_of(s))
                .find(|&place| self.owns(place))
        });
        let answer = place.map(|p| ENTITY_NAMES[p]).or(self.default);
        self.last = Some((sentence, answer));
        answer
    }
}

/// The names of [`ENTITY`] in a headline (a bit for each place in [`ENTITY_NAMES`]), as [`scan`]
/// finds them in a text, read at each capital: a headline is short, and a second caller of
/// [`scan`] kept it from being inlined into [`find_figures`] (some 2.5 instructions a byte).
fn names_in_headline(headline: &str) -> u64 {
    let bytes = headline.as_bytes();
    let (mut names, mut at) = (0, 0);
    for start in 0..bytes.len() {
        if start >= at && bytes[start].is_ascii_uppercase() {
            if let Some(end) = entity_at(bytes, start) {
                names |= 1u64 << entity_place(bytes, start);
                at = end;
            }
        }
    }
    names
}

/// The place in [`ENTITY_NAMES`] of the name that starts at `start` of `bytes` (a match of
/// [`ENTITY`]), told by its first two bytes ([`ENTITY_BY_TWO_BYTES`]).
#[inline(always)]
fn entity_place(bytes: &[u8], start: usize) -> usize {
    let at = usize::from(bytes[start] - b'A') * 64 + usize::from(bytes[start + 1] & 63);
    let place = usize::from(ENTITY_BY_TWO_BYTES[at]) - 1;
    debug_assert_eq!(Some(ENTITY_NAMES[place]), name_at(bytes, start));
    place
}

/// Whether `sentence` opens with a word that refers back to what the sentence before it named
/// ("It received", "The company said", "That was up"), so that a name there is its subject.
fn opens_by_referring_back(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    let first = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = |w: &[u8], of: &[u8]| w.eq_ignore_ascii_case(of);
    let (opener, rest) = bytes.split_at(first);
    match (first, rest.first()) {
        (2..=5, Some(b' ')) => {
            ["it", "its", "they", "their", "that", "this", "these", "those"]
                .iter()
                .any(|w| word(opener, w.as_bytes()))
                || word(opener, b"the") && the_referring_noun(&rest[1..])
        }
        _ => false,
    }
}

/// Whether `after_the` (the text after "The ") opens with a noun that refers back to an
/// organisation or its figure ("company", "firm", "companies", "figure", "number", "total").
fn the_referring_noun(after_the: &[u8]) -> bool {
    let len = after_the.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let noun = &after_the[..len];
    ["company", "firm", "companies", "figure", "number", "total"]
        .iter()
        .any(|w| noun.eq_ignore_ascii_case(w.as_bytes()))
}

/// `words` in lower case with single spaces between them (one allocation on ASCII text, nearly
/// every measure: a measure is read for nearly every figure).
fn lowercase_single_spaced(words: &str) -> String {
    // Most measures are written so already ("law enforcement requests"): copied whole.
    if is_single_spaced(words.as_bytes(), false) {
        return words.to_owned();
    }
    let lower = if words.is_ascii() {
        std::borrow::Cow::Borrowed(words)
    } else {
        std::borrow::Cow::Owned(words.to_lowercase())
    };
    let mut out = String::with_capacity(lower.len());
    for w in lower.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.make_ascii_lowercase();
    out
}

/// The matches of [`ENTITY`] in a whole text, found once, and the matches it would find in a
/// part of the text searched alone (the words before or after a figure, its sentence).
///
/// Inside a part, the text around each match is the same as in the whole text, so the part
/// has the whole text's matches that lie in it, provided that its edges do not cut words (a
/// word boundary at an edge then means the same in both) and no match of the whole text runs
/// across an edge. When that is not so, the part is searched.
///
/// `found` may be narrowed to the matches around a span (`Entities::around`), which answer
/// for every part of that span as the whole text's do.
#[derive(Clone, Copy)]
struct Entities<'t, 'f> {
    text: &'t str,
    found: &'f [(usize, usize)],
}

impl<'t, 'f> Entities<'t, 'f> {
    /// `found` are the matches of [`ENTITY`] in the whole `text` (`entities_by_hand`).
    fn new(text: &'t str, found: &'f [(usize, usize)]) -> Entities<'t, 'f> {
        Entities { text, found }
    }

    /// The same for parts of `span` only, from the matches that overlap `span` (a sentence's
    /// few, so that each figure's searches are short). Every match before them ends at or
    /// before any such part starts, every one after starts at or after it ends: the
    /// binary searches of [`Entities::within`] find the same matches among these.
    ///
    /// For spans asked in order (see [`within_from`]): `from` is where the matches around the
    /// spans before start (0 for the first), and is moved to where those around `span` start.
    fn around_from(&self, span: Span, from: &mut usize) -> Entities<'t, 'f> {
        *from = partition_point_from(self.found, *from, |m| m.1 <= span.start);
        // every match before `from` ends by the span's start, so starts before its end
        let to = partition_point_from(self.found, *from, |m| m.0 < span.end);
        Entities {
            text: self.text,
            found: &self.found[*from..to],
        }
    }

    /// [`Entities::around_from`] by binary search, for any span.
    #[cfg(test)]
    fn around(&self, span: Span) -> Entities<'t, 'f> {
        let from = self.found.partition_point(|m| m.1 <= span.start);
        let to = self.found.partition_point(|m| m.0 < span.end);
        Entities {
            text: self.text,
            found: &self.found[from..to.max(from)],
        }
    }

    /// The matches in `text[start..end]` searched alone, when the whole text's tell them.
    ///
    /// An edge that cuts a word changes what a word boundary means there only: the part can
    /// have a match the whole text has not only when a name starts right at a cut start or ends
    /// (perhaps before a "!") right at a cut end. Elsewhere the part has the whole text's matches.
    #[inline(always)]
    fn within(&self, start: usize, end: usize) -> Option<&[(usize, usize)]> {
        let bytes = self.text.as_bytes();
        // read as bytes: the callers' edges lie on char boundaries, and a `str` slice tests them
        let part = &bytes[start..end];
        // every name starts with a capital and ends with a letter: most parts fail these tests,
        // made before the characters around the part are read. Most parts start a sentence, with
        // a capital and a space before it, and a sentence's first word is a name more often than
        // not (a call of `bcmp`): the character before is read first, an ASCII byte mostly.
        let may_start_name = part.first().is_some_and(u8::is_ascii_uppercase);
        if may_start_name && word_character_before(bytes, start) && name_at(part, 0).is_some() {
            return None;
        }
        let unbanged = part.strip_suffix(b"!").unwrap_or(part);
        let may_end_name = unbanged.last().is_some_and(u8::is_ascii_alphabetic);
        if may_end_name && word_character_at(bytes, end) && ends_with_name(unbanged) {
            return None;
        }
        if self.found.is_empty() {
            return Some(self.found);
        }
        let from = self.found.partition_point(|m| m.1 <= start);
        let to = self.found.partition_point(|m| m.0 < end);
        let inside = &self.found[from..to.max(from)];
        let across = inside.first().is_some_and(|m| m.0 < start) || inside.last().is_some_and(|m| m.1 > end);
        (!across).then_some(inside)
    }

    /// The last match in `text[start..end]` searched alone, as a figure's entity
    /// ([`known_entity`]).
    fn last_in(&self, start: usize, end: usize) -> Option<&'static str> {
        match self.within(start, end) {
            Some(inside) => inside.last().map(|&(s, _)| self.name_of(s)),
            None => self.last_searched(start, end),
        }
    }

    /// The first match in `text[start..end]` searched alone, as a figure's entity
    /// ([`known_entity`]).
    fn first_in(&self, start: usize, end: usize) -> Option<&'static str> {
        match self.within(start, end) {
            Some(inside) => inside.first().map(|&(s, _)| self.name_of(s)),
            None => self.first_searched(start, end),
        }
    }

    /// [`Entities::last_in`] by search, where the whole text's matches do not tell: out of
    /// line, so that the common path keeps a small frame (the search's state took 200 bytes of
    /// stack and six saved registers at every call).
    #[cold]
    #[inline(never)]
    fn last_searched(&self, start: usize, end: usize) -> Option<&'static str> {
        ENTITY
            .find_iter(&self.text[start..end])
            .last()
            .map(|m| known_entity(m.as_str()))
    }

    /// [`Entities::first_in`] by search (see [`Entities::last_searched`]).
    #[cold]
    #[inline(never)]
    fn first_searched(&self, start: usize, end: usize) -> Option<&'static str> {
        ENTITY.find(&self.text[start..end]).map(|m| known_entity(m.as_str()))
    }

    /// The names of the matches that lie inside `span`, a bit for each place in [`ENTITY_NAMES`].
    fn names_inside(&self, span: Span) -> u64 {
        self.inside(span)
            .fold(0, |bits, (s, _)| bits | 1u64 << self.place_of(s))
    }

    /// The matches that lie inside `span`.
    fn inside(&self, span: Span) -> impl Iterator<Item = (usize, usize)> + '_ {
        let from = self.found.partition_point(|m| m.0 < span.start);
        let to = self.found.partition_point(|m| m.0 < span.end);
        self.found[from..to].iter().copied().filter(move |m| m.1 <= span.end)
    }

    /// The name of the match that starts at `start`, one of `found`: told by its first two
    /// bytes alone ([`ENTITY_BY_TWO_BYTES`]), since the match is that name (the bytes were
    /// compared as it was found). [`known_entity`] of the match's text compared them again
    /// (a call of `bcmp`), after the slice's bounds and character boundaries were tested.
    #[inline(always)]
    fn name_of(&self, start: usize) -> &'static str {
        #[cfg(test)]
        NAMED_BY_TABLE.with(|n| n.set(n.get() + 1));
        ENTITY_NAMES[self.place_of(start)]
    }

    /// The place in [`ENTITY_NAMES`] of the name of the match that starts at `start` (see
    /// [`Entities::name_of`]).
    #[inline(always)]
    fn place_of(&self, start: usize) -> usize {
        entity_place(self.text.as_bytes(), start)
    }
}

#[cfg(test)]
thread_local! {
    /// How many names [`Entities::name_of`] told (a test-build counter: the tests' floor).
    static NAMED_BY_TABLE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A mention's figure kind: a range is a share or an amount of money when its unit says so.
fn figure_kind(m: &Mention) -> FigureKind {
    match (m.kind, m.unit.as_deref()) {
        (MentionKind::Percent, _) | (MentionKind::Range, Some("percent" | "percentage points")) => FigureKind::Percent,
        (MentionKind::Money, _) | (MentionKind::Range, Some(_)) => FigureKind::Money,
        _ => FigureKind::Count,
    }
}

/// Whether a mention states a quantity rather than a date, a name or a position.
/// `m` is a mention of `sentence` (its `text` may be left empty: it is read off its span).
fn is_figure(m: &Mention, sentence: &str, span: Span, excluded: &[Span], periods: &[&PeriodMention]) -> bool {
    // read as bytes: a mention's span lies on char boundaries, which a `str` slice tests
    let text = &sentence.as_bytes()[m.start..m.end];
    if m.kind == MentionKind::Ordinal || is_word_fraction(m, text) || is_decade(text) {
        return false;
    }
    let overlaps = |o: &Span| o.start < span.end && span.start < o.end;
    if excluded.iter().any(overlaps) || periods.iter().any(|p| overlaps(&p.span)) {
        return false;
    }
    // most numbers are plain, and are spared the tests that cannot say no there
    is_figure_by_its_tests(m, sentence, text, plain_word_before(sentence.as_bytes(), m, text))
}

/// [`is_figure`] past its first tests (the mention is no ordinal, word fraction or decade, and
/// is inside no non-figure or period): the tests of the mention's kind. `text` is its text;
/// `plain`, the word before a plain number ([`plain_word_before`]), leaves out the tests that
/// cannot say no there (`None` asks them all). One chain for both, so that each test is called
/// from one place (and inlined there).
fn is_figure_by_its_tests(m: &Mention, sentence: &str, text: &[u8], plain: Option<&[u8]>) -> bool {
    let every = plain.is_none();
    let number = m.kind == MentionKind::Number;
    let may_name_a_product = plain.is_none_or(word_may_name_a_product);
    if number
        && (may_name_a_product && names_a_product(sentence, m)
            || every && (hyphenated(sentence, m) || is_side_of_a_score(sentence, m)))
    {
        return false;
    }
    // "1-800-CALL-FBI": a range joined by a hyphen to a word is a code's part
    if m.kind == MentionKind::Range && hyphenated(sentence, m) {
        return false;
    }
    let counts_a_unit = number || m.kind == MentionKind::Range && m.unit.is_none();
    if counts_a_unit && is_a_measurement(&sentence[m.end..]) {
        return false;
    }
    // only a verb of calling before three digits makes a plain number a phone's: "2,5" (a
    // decimal comma) is no digits, which `is_a_phone_number` tells first
    let (before, after) = (&sentence.as_bytes()[..m.start], &sentence.as_bytes()[m.end..]);
    let phone_number = || {
        if every {
            is_a_phone_number(sentence, m, text)
        } else {
            text.iter().all(u8::is_ascii_digit) && is_a_number_called(before, text, after)
        }
    };
    if number
        && (is_a_set_time(sentence, m)
            || every && is_part_of_an_address(sentence, m, text)
            || phone_number()
            || is_the_length_of_a_period(sentence, m)
            || every
                && (is_part_of_a_dotted_code(sentence, m)
                    || is_part_of_a_legal_citation(sentence, m)
                    || is_a_number_word_not_counting(sentence, m, text)))
    {
        return false;
    }
    !(every && is_day_of_month(sentence, m, text))
}

/// When the mention `m` of `sentence` (its `text`) is a plain number: the lower-case word right
/// before it, where most numbers of a text stand ("received 20,316 information requests", "from
/// 511 in"). Plain is written in digits and commas, the first digit 1 to 9; after a whole word of
/// ASCII lower-case letters (the start of the sentence or an ASCII byte that is no letter or
/// digit before it) and one space; and before a space and an ASCII lower-case letter, the end,
/// or a punctuation mark (`,.;:)!?`) that no digit follows.
///
/// Of [`is_figure`]'s tests of a number, these can then say no figure only as
/// [`is_figure_by_its_tests`] asks them: a product's name needs a capital in the word before or
/// one of the words of [`word_may_name_a_product`]; a phone's number, three digits after a verb
/// of calling; a unit, a set time and a period's length start with the space and the letter after
/// it, and are asked. A hyphen, a dash, a dot between digits, a "+", a leading zero, a group of
/// digits beside it, a code's or a street's capital, "No", "§", a month's capital and a number in
/// words are none of them there: the tests of scores, addresses, codes, citations, numbers in
/// words and days of months are left out.
fn plain_word_before<'s>(sentence: &'s [u8], m: &Mention, text: &[u8]) -> Option<&'s [u8]> {
    if m.kind != MentionKind::Number {
        return None;
    }
    let plain_after = match &sentence[m.end..] {
        [] => true,
        [b' ', next, ..] => next.is_ascii_lowercase(),
        [mark, rest @ ..] => {
            matches!(mark, b',' | b'.' | b';' | b':' | b')' | b'!' | b'?')
                && !rest.first().is_some_and(u8::is_ascii_digit)
        }
    };
    // (the bytes next to the number first: they tell most numbers that are not plain)
    let before = &sentence[..m.start];
    if !plain_after || !matches!(before, [.., letter, b' '] if letter.is_ascii_lowercase()) {
        return None;
    }
    let before = &before[..before.len() - 1];
    if !is_whole_number_read_plainly(m, text) {
        return None;
    }
    let start = before.len() - before.iter().rev().take_while(|b| b.is_ascii_lowercase()).count();
    let whole = start == 0 || before[start - 1].is_ascii() && !before[start - 1].is_ascii_alphanumeric();
    (start < before.len() && whole).then(|| &before[start..])
}

/// Whether the number `m` (its `text`) was read plainly at its digits ([`Mention::plain`]) as a
/// whole number, its first digit no zero: then it is written in digits and commas, the first 1
/// to 9 (a plain number is digits, groups of three after commas and perhaps decimals, which a
/// last digit's place of one rules out), without a read of its bytes. A number written so but
/// read otherwise ("2,5" with a decimal comma) is not plain for [`plain_word_before`], and is
/// asked every test.
fn is_whole_number_read_plainly(m: &Mention, text: &[u8]) -> bool {
    m.plain && m.precision == 1.0 && text.first().is_some_and(|&b| b != b'0')
}

/// Whether a lower-case `word` before a number may make [`names_a_product`] say yes: one of
/// its words of versions and laws' parts ([`NAMING_WORDS`], [`NAMING_VERBS`]); any other
/// lower-case word names none.
fn word_may_name_a_product(word: &[u8]) -> bool {
    NAMING_WORDS.iter().chain(&NAMING_VERBS).any(|w| w.as_bytes() == word)
}

/// A number of an address or a register, not a count: a street number ("410 Terry Ave.", "1718
/// Connecticut Ave NW"), a postcode after a state's two capitals ("Redmond, WA 98052"), or a
/// number after "No." ("Law No. 7253", "charity no. 1187342"), or a Dutch postcode ("2517 KK
/// The Hague"). `text` is the mention's text: digits, or a capitalised word for a street's
/// number ("One Microsoft Way").
fn is_part_of_an_address(sentence: &str, m: &Mention, text: &[u8]) -> bool {
    let after = &sentence.as_bytes()[m.end..];
    // "One Microsoft Way": a street's number may be written in words
    if text.first().is_some_and(u8::is_ascii_uppercase) {
        return is_street_number(after);
    }
    // "1425 K Street NW": the letter of a lettered street, not a thousand
    if let [digits @ .., b' ', letter] = text {
        return letter.is_ascii_uppercase() && digits.iter().all(u8::is_ascii_digit) && is_street_number(after);
    }
    let before = &sentence.as_bytes()[..m.start];
    // a register's number may be long ("a registered charity (no. 1187342)")
    let numbered = [&b"No. "[..], b"No ", b"no. "].iter().any(|n| before.ends_with(n));
    if numbered && !text.is_empty() && text.iter().all(u8::is_ascii_digit) {
        return true;
    }
    if text.is_empty() || text.len() > 5 || !text.iter().all(u8::is_ascii_digit) {
        return false;
    }
    is_postcode(before, text) || is_dutch_postcode(before, text, after) || is_street_number(after)
}

/// "Eisenhowerlaan 73, 2517 KK The Hague": four digits and two capitals after a street's number and
/// a comma are a Dutch postcode (the comma and the house number tell it from "4000 UK users").
fn is_dutch_postcode(before: &[u8], text: &[u8], after: &[u8]) -> bool {
    let letters =
        |a: &[u8]| matches!(a, [b' ', x, y, b' ' | b',', ..] if x.is_ascii_uppercase() && y.is_ascii_uppercase());
    // the house number: one to three digits after a word ("Eisenhowerlaan 73, "; not "In 2023, ")
    let house_number = |b: &[u8]| {
        let digits = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
        (1..=3).contains(&digits)
            && b[..b.len() - digits].ends_with(b" ")
            && b.len() > digits + 1
            && b[b.len() - digits - 2].is_ascii_alphabetic()
    };
    text.len() == 4 && letters(after) && before.strip_suffix(b", ").is_some_and(house_number)
}

/// A phone number or a part of one, not a count: three digits or more one space from three
/// digits or more, which the number reader did not join as one number grouped by spaces ("1800
/// 333 000", "+1 555 0142"), digits with a leading zero ("Triple Zero (000)"; a count has
/// none), or three digits right after a verb of calling ("call 111", "a caller to 111"). `text`
/// is the mention's text.
fn is_a_phone_number(sentence: &str, m: &Mention, text: &[u8]) -> bool {
    let Some(first_digit) = text.iter().position(u8::is_ascii_digit) else {
        return false;
    };
    if text[first_digit] == b'0' && text.get(first_digit + 1).is_some_and(u8::is_ascii_digit) {
        return true;
    }
    if !text.iter().all(|b| b.is_ascii_digit() || *b == b' ') {
        return false;
    }
    let before = &sentence.as_bytes()[..m.start];
    let after = &sentence.as_bytes()[m.end..];
    // groups of three digits or more: "25 30 countries" is a slip, not a phone
    let long = |run: usize| run >= 3;
    let first_group = text.iter().take_while(|b| b.is_ascii_digit()).count();
    let last_group = text.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let group_before = before
        .strip_suffix(b" ")
        .map_or(0, |b| b.iter().rev().take_while(|b| b.is_ascii_digit()).count());
    let group_after = after
        .strip_prefix(b" ")
        .map_or(0, |a| a.iter().take_while(|b| b.is_ascii_digit()).count());
    if long(group_before) && long(first_group) || long(group_after) && long(last_group) || before.ends_with(b"+") {
        return true;
    }
    // a group of an international number: "+41 41 555 01 47"
    let groups = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit() || **b == b' ')
        .count();
    if groups > 0 && before[..before.len() - groups].ends_with(b"+") && before[before.len() - groups].is_ascii_digit() {
        return true;
    }
    is_a_number_called(before, text, after)
}

/// Whether a number of digits (`text`, between `before` and `after`) is one that is called: three
/// digits right after a verb of calling ("call 111", "a caller to 111"), not before a plural
/// they count ("calls to 150 agencies").
fn is_a_number_called(before: &[u8], text: &[u8], after: &[u8]) -> bool {
    // the verb first: fewer numbers of three digits follow one than precede a plural
    text.len() == 3 && follows_a_verb_of_calling(before) && !counts_a_plural(after)
}

/// Whether `after` (the text after a number) starts with a space and a plural noun in lower case
/// ("calls to 150 agencies"), which a number counts: a number that is called is followed by
/// punctuation or a clause ("call 111 or", "a caller to 111 was").
fn counts_a_plural(after: &[u8]) -> bool {
    word_after_space(after).is_some_and(|word| {
        word.len() > 2
            && word.iter().all(u8::is_ascii_lowercase)
            && word.ends_with(b"s")
            && !matches!(word, b"was" | b"has")
    })
}

/// Whether `before` (the text before a number) ends with a verb of calling and a space ("call ",
/// "dialled ", "on the hotline "), or "calls to" and the like ("a caller to ").
fn follows_a_verb_of_calling(before: &[u8]) -> bool {
    const CALLING: [&[u8]; 10] = [
        b"call",
        b"dial",
        b"dialled",
        b"dialed",
        b"dialling",
        b"dialing",
        b"phone",
        b"ring",
        b"hotline",
        b"helpline",
    ];
    const CALLERS: [&[u8]; 4] = [b"call", b"calls", b"caller", b"callers"];
    let mut end = before.len();
    let Some(word) = spaced_word_before(before, &mut end) else {
        return false;
    };
    if CALLING.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        return true;
    }
    word.eq_ignore_ascii_case(b"to")
        && spaced_word_before(before, &mut end).is_some_and(|w| CALLERS.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// "WA 98052": five digits after ", " and two capitals.
fn is_postcode(before: &[u8], text: &[u8]) -> bool {
    text.len() == 5
        && before.len() >= 5
        && before.ends_with(b" ")
        && before[before.len() - 3..before.len() - 1]
            .iter()
            .all(u8::is_ascii_uppercase)
        && before[..before.len() - 3].ends_with(b", ")
}

/// Whether `after` (the text after a number) names a street: up to three capitalised words,
/// then a street's kind ("Terry Ave.", "Connecticut Avenue", "Main St").
fn is_street_number(after: &[u8]) -> bool {
    const KINDS: [&[u8]; 17] = [
        b"Ave",
        b"Avenue",
        b"St",
        b"Street",
        b"Rd",
        b"Road",
        b"Blvd",
        b"Boulevard",
        b"Drive",
        b"Way",
        b"Lane",
        b"Place",
        b"Parkway",
        b"Square",
        b"Plaza",
        b"Circle",
        b"Terrace",
    ];
    // a space and a capital first: most figures are followed by neither
    if after.first() != Some(&b' ') || !after.get(1).is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let mut rest = &after[1..];
    for _ in 0..4 {
        let len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let word = &rest[..len];
        if len == 0 || !word[0].is_ascii_uppercase() {
            return false;
        }
        if KINDS.contains(&word) {
            return true;
        }
        match rest.get(len) {
            Some(b' ') => rest = &rest[len + 1..],
            // an initial ("1 Frank H. Ogawa Plaza")
            Some(b'.') if len == 1 && rest.get(len + 1) == Some(&b' ') => rest = &rest[len + 2..],
            _ => return false,
        }
    }
    false
}

/// "For the six months from July 1 to December 31", "the three years to June": the months or
/// years of a period whose bounds follow, after "the" (or "past", "last", "first", ...), are its
/// length, not a count. A duration alone is one ("over the next three months").
fn is_the_length_of_a_period(sentence: &str, m: &Mention) -> bool {
    const UNITS: [&[u8]; 2] = [b"months", b"years"];
    const BEFORE: [&[u8]; 6] = [b"the", b"past", b"last", b"first", b"previous", b"next"];
    let after = &sentence.as_bytes()[m.end..];
    // the first letter first: most figures are followed by neither unit
    if m.approx.is_some() || after.first() != Some(&b' ') || !matches!(after.get(1), Some(b'm' | b'y')) {
        return false;
    }
    let unit = word_after_space(after).unwrap_or_default();
    let unit_end = 1 + unit.len();
    if !UNITS.contains(&unit) || m.value.is_none_or(|v| v > 24.0) {
        return false;
    }
    const BOUNDS: [&[u8]; 7] = [
        b" from ",
        b" to ",
        b" ended",
        b" ending",
        b" through ",
        b" until ",
        b" between ",
    ];
    if !BOUNDS.iter().any(|b| after[unit_end..].starts_with(b)) {
        return false;
    }
    let before = &sentence.as_bytes()[..m.start];
    let mut end = before.len();
    spaced_word_before(before, &mut end).is_some_and(|w| BEFORE.iter().any(|b| w.eq_ignore_ascii_case(b)))
}

/// "for 90 days", "within 24 hours", "have 30 days to respond", "15 business days": a whole
/// number of days, hours or weeks after "for" or "within", or given to do something, is a time
/// the rules set (how long a record is kept, how soon a post must come down), not a count the
/// report gives. A time stated as a measure ("nearly eight hours", "no longer than 72 hours")
/// is a figure.
fn is_a_set_time(sentence: &str, m: &Mention) -> bool {
    const UNITS: [&[u8]; 6] = [b"days", b"hours", b"weeks", b"day", b"hour", b"week"];
    const GIVEN: [&[u8]; 6] = [b"have", b"has", b"had", b"get", b"gets", b"given"];
    let after = &sentence.as_bytes()[m.end..];
    // the first letter first: most figures are followed by none of the units
    if m.approx.is_some() || after.first() != Some(&b' ') || !matches!(after.get(1), Some(b'd' | b'h' | b'w' | b'b')) {
        return false;
    }
    // "15 business days", "10 working days": always a deadline a rule sets
    if after[1..].starts_with(b"business day") || after[1..].starts_with(b"working day") {
        return true;
    }
    let unit = word_after_space(after).unwrap_or_default();
    let unit_end = 1 + unit.len();
    if !UNITS.contains(&unit) {
        return false;
    }
    let before = &sentence.as_bytes()[..m.start];
    let mut end = before.len();
    let Some(word) = spaced_word_before(before, &mut end) else {
        return false;
    };
    // "have 30 days to respond": the time allowed
    word.eq_ignore_ascii_case(b"for")
        || word.eq_ignore_ascii_case(b"within")
        || after[unit_end..].starts_with(b" to ") && GIVEN.iter().any(|g| word.eq_ignore_ascii_case(g))
}

/// "Oct. 11", "Sept. 3", "March 12", "Nov. 28-29", "6 July", "between 11 and 13 June": one or two
/// digits (or a range of them) of 1 to 31 after (or before) a capitalised month's name or
/// abbreviation, with or without its period, is a day of the month, not a count. (A full date with
/// its year is found by the date search; news pages mostly write the day without it.) `text` is the
/// mention's text.
fn is_day_of_month(sentence: &str, m: &Mention, text: &[u8]) -> bool {
    let is_day = |v: Option<f64>| v.is_some_and(|v| (1.0..=31.0).contains(&v) && v.fract() == 0.0);
    // digits and dashes only (the en dash is E2 80 93), the first run of one or two digits; a
    // range's words too ("Between 11 and 13 June"), each run of one or two digits
    let days_only = || match m.kind {
        MentionKind::Range if text.iter().any(u8::is_ascii_alphabetic) => {
            text.split(|b| !b.is_ascii_digit()).all(|run| run.len() <= 2)
        }
        _ => {
            text.iter().all(|&b| b.is_ascii_digit() || b == b'-' || !b.is_ascii())
                && text.iter().take_while(|b| b.is_ascii_digit()).count() <= 2
        }
    };
    let days = match m.kind {
        MentionKind::Number => is_day(m.value),
        MentionKind::Range => is_day(m.low) && is_day(m.high),
        _ => false,
    };
    days && days_only() && (month_before(&sentence.as_bytes()[..m.start]) || month_after(&sentence.as_bytes()[m.end..]))
}

/// Whether `after` starts with a space and a capitalised month's name or abbreviation, a whole
/// word: "6 July", "13 Feb." (British and European dates put the day first).
fn month_after(after: &[u8]) -> bool {
    // a space and a capital first: most figures are followed by neither
    if after.first() != Some(&b' ') || !after.get(1).is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let word = word_after_space(after).unwrap_or_default();
    let whole = after.get(1 + word.len()).is_none_or(|b| !b.is_ascii_alphanumeric());
    whole && is_month(word)
}

/// The ASCII letters right after the one space that starts `after` (the text after a number):
/// its next word, empty when no letter follows; `None` when no space starts `after`.
fn word_after_space(after: &[u8]) -> Option<&[u8]> {
    let rest = after.strip_prefix(b" ")?;
    Some(&rest[..rest.iter().take_while(|b| b.is_ascii_alphabetic()).count()])
}

/// Whether `before` ends with a capitalised month's name or abbreviation ("October", "Oct",
/// "Oct."), a whole word, then at least one space.
fn month_before(before: &[u8]) -> bool {
    let end = spaces_start(before, before.len());
    if end == before.len() {
        return false;
    }
    let end = end - usize::from(end > 0 && before[end - 1] == b'.');
    let start = letters_start(before, end);
    let word = &before[start..end];
    let whole = start == 0 || !before[start - 1].is_ascii_alphanumeric();
    whole && word.first().is_some_and(u8::is_ascii_uppercase) && is_month(word)
}

/// "the 1960s": a decade is a period, not a count.
fn is_decade(text: &[u8]) -> bool {
    text.len() == 5 && text.ends_with(b"s") && text[..4].iter().all(u8::is_ascii_digit)
}

/// "half", "two thirds", "a fifth": a share in words is not a count (and "half" mostly names a
/// half-year); a fraction of a scale ("half a million") is a whole number and stays.
/// `text` is the mention's text.
fn is_word_fraction(m: &Mention, text: &[u8]) -> bool {
    m.kind == MentionKind::Number
        // below one, a value's fraction is the value: `v.fract()` is a call of `trunc`
        && m.value.is_some_and(|v| v.abs() < 1.0 && v != 0.0)
        && !text.iter().any(u8::is_ascii_digit)
}

/// "COVID-19", "F-35" (a name) or "one-time", "three-judge", "10-year" (a modifier): a number
/// joined by a hyphen to a word is not a figure of its own.
fn hyphenated(sentence: &str, m: &Mention) -> bool {
    let before = sentence[..m.start].strip_suffix('-');
    let after = sentence[m.end..].strip_prefix('-');
    before.is_some_and(|b| b.chars().next_back().is_some_and(char::is_alphabetic))
        || after.is_some_and(|a| a.chars().next().is_some_and(char::is_alphabetic))
}

/// Whether `m` is a number written in digits only ("27", "5027"; not "31,002", "2.5", "$5").
fn is_digits_only(sentence: &str, m: &Mention) -> bool {
    m.kind == MentionKind::Number && sentence.as_bytes()[m.start..m.end].iter().all(u8::is_ascii_digit)
}

/// Whether `sentence` is a row of a table: three numbers or more in digits in a row, with only
/// a space or a cell's edge between each and the next ("4 Denny Hamlin 5027 6 3 19 24"), which
/// prose never writes (a number grouped by spaces, "1 234 567", is one mention). Its numbers are
/// cells, whose meaning is in a header figmine does not read (unless it names their periods,
/// [`super::table`]), not figures. A year is the row's name, no cell: "Q1 2023 · 412 · 171" is
/// a quarter's two figures.
fn is_table_row(sentence: &str, mentions: &[Mention]) -> bool {
    let is_cell = |m: &Mention| {
        is_digits_only(sentence, m) && !(m.end - m.start == 4 && m.value.is_some_and(|v| (1900.0..2100.0).contains(&v)))
    };
    let mut run = 1;
    for pair in mentions.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let spaced = a.end < b.start
            && sentence.as_bytes()[a.end..b.start]
                .iter()
                .all(|&c| c == b' ' || c == crate::read::CELL_SEPARATOR as u8);
        run = if spaced && is_cell(a) && is_cell(b) { run + 1 } else { 1 };
        if run >= 3 {
            return true;
        }
    }
    false
}

/// Whether `m`, at the start of its sentence, marks an item of a list: "2. Don't throw...", "8)
/// Magnum P.I.", "15." alone: one to three digits, then a dot or a closing bracket that ends the
/// sentence or comes before a space.
fn is_list_marker(sentence: &str, m: &Mention) -> bool {
    let after = &sentence.as_bytes()[m.end..];
    m.end - m.start <= 3 && matches!(after, [b'.' | b')'] | [b'.' | b')', b' ' | b'\n', ..])
}

/// "won 6-4", "led 109-98", "beat Belarus 4-0", "voted 5-4": two whole numbers of up to three
/// digits joined by a hyphen or an en dash, the first the larger, are the sides of a score, a
/// record or a vote, not figures (a range goes up: "0-999", "2-8" stay ranges).
fn is_side_of_a_score(sentence: &str, m: &Mention) -> bool {
    let bytes = sentence.as_bytes();
    let digits_before = |end: usize| end - bytes[..end].iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let digits_after = |start: usize| start + bytes[start..].iter().take_while(|b| b.is_ascii_digit()).count();
    // a hyphen or an en dash
    const DASHES: [&[u8]; 2] = [b"-", "\u{2013}".as_bytes()];
    let dash_after = |at: usize| DASHES.into_iter().find(|d| bytes[at..].starts_with(d));
    let dash_before = |at: usize| DASHES.into_iter().find(|d| bytes[..at].ends_with(d));
    // a side: one to three digits, a whole number with no digit group or decimal glued to it
    let side = |start: usize, end: usize| -> Option<u32> {
        let joined_before = start >= 2 && matches!(bytes[start - 1], b',' | b'.') && bytes[start - 2].is_ascii_digit();
        let joined_after = bytes.get(end).is_some_and(u8::is_ascii_digit)
            || matches!(bytes.get(end), Some(b',' | b'.')) && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        let whole = (1..=3).contains(&(end - start)) && !joined_before && !joined_after;
        whole.then(|| sentence[start..end].parse().ok()).flatten()
    };
    let (start, end) = (m.start, m.end);
    // most numbers have no dash beside them (the en dash ends in 0x93, starts with 0xE2)
    let dash_beside =
        matches!(bytes.get(end), Some(b'-' | 0xE2)) || start > 0 && matches!(bytes[start - 1], b'-' | 0x93);
    if !dash_beside {
        return false;
    }
    let Some(this) = side(start, end) else { return false };
    if let Some(dash) = dash_after(end) {
        let (other_start, other_end) = (end + dash.len(), digits_after(end + dash.len()));
        if side(other_start, other_end).is_some_and(|other| this > other) {
            return true;
        }
    }
    if let Some(dash) = dash_before(start) {
        let other_end = start - dash.len();
        let other_start = digits_before(other_end);
        if side(other_start, other_end).is_some_and(|other| other > this) {
            return true;
        }
    }
    false
}

/// The units of measurement written out that [`is_a_measurement`] knows, in lower case: a word
/// in any case is one ("miles", "Grams").
const UNIT_WORDS: [&str; 64] = [
    "mile",
    "miles",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "meter",
    "meters",
    "metre",
    "metres",
    "foot",
    "feet",
    "inch",
    "inches",
    "yard",
    "yards",
    "gram",
    "grams",
    "kilogram",
    "kilograms",
    "milligram",
    "milligrams",
    "ounce",
    "ounces",
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "liter",
    "liters",
    "litre",
    "litres",
    "gallon",
    "gallons",
    "cup",
    "cups",
    "teaspoon",
    "teaspoons",
    "tablespoon",
    "tablespoons",
    "pint",
    "pints",
    "quart",
    "quarts",
    "watt",
    "watts",
    "kilowatts",
    "megawatts",
    "gigawatts",
    "volts",
    "calorie",
    "calories",
    "degree",
    "degrees",
    "pixel",
    "pixels",
    "acre",
    "acres",
    "hectare",
    "hectares",
    "knots",
    "kilobytes",
    "megabytes",
    "gigabytes",
];

/// The units of measurement abbreviated in ASCII that [`is_a_measurement`] knows, as written
/// (case tells "MB" from "mb"); "m" is left out, as British news writes a million so ("1.5m
/// users").
const UNIT_ABBREVIATIONS: [&str; 43] = [
    "mm", "cm", "km", "kg", "mg", "g", "lb", "lbs", "oz", "ft", "yd", "mph", "kph", "ml", "mL", "tsp", "Tbsp", "tbsp",
    "W", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "mAh", "kcal", "KB", "MB", "GB", "TB", "PB", "Mbps", "Gbps",
    "GHz", "MHz", "Hz", "dB", "dBA", "px", "sq", "mi",
];

/// The units of measurement abbreviated outside ASCII that [`is_a_measurement`] knows, as
/// written.
const UNIT_ABBREVIATIONS_OUTSIDE_ASCII: [&str; 9] = ["г", "кг", "мг", "л", "мл", "км", "ккал", "Ккал", "°F"];

/// The words before a unit that make a measurement of it ("3.7 metric tons", "500 square feet",
/// "2 cubic meters"), in lower case (any case is one).
const UNIT_QUALIFIERS: [&str; 3] = ["metric", "square", "cubic"];

/// The words of a page's reading time before " read" ("4 min read"), as written.
const READING_TIME_WORDS: [&str; 2] = ["min", "minute"];

/// [`UNIT_WORDS`], and the abbreviations of both lists, to look up (a scan of a list cost some
/// 250 instructions a unit, on pages of recipes).
static UNITS: LazyLock<(FxHashSet<&[u8]>, FxHashSet<&str>)> = LazyLock::new(|| {
    let abbreviations = UNIT_ABBREVIATIONS.iter().chain(&UNIT_ABBREVIATIONS_OUTSIDE_ASCII);
    (
        UNIT_WORDS.iter().map(|w| w.as_bytes()).collect(),
        abbreviations.copied().collect(),
    )
});

/// Whether `word` is one of [`UNIT_WORDS`] in any case.
fn is_unit_word(word: &str) -> bool {
    if !(2..=11).contains(&word.len()) {
        return false;
    }
    let mut lower = [0u8; 11];
    lower[..word.len()].copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    UNITS.0.contains(&lower[..word.len()])
}

/// Whether `word` is one of [`UNIT_ABBREVIATIONS`] or [`UNIT_ABBREVIATIONS_OUTSIDE_ASCII`] as
/// written.
fn is_unit_abbreviation(word: &str) -> bool {
    UNITS.1.contains(word)
}

/// For the first two letters of an ASCII word (by [`letter_place`], either case; 0 for the
/// second of a one-letter word), bit `n` set when a word of `n` letters that starts so is one of
/// [`UNIT_WORDS`], [`UNIT_ABBREVIATIONS`], [`UNIT_QUALIFIERS`] or [`READING_TIME_WORDS`] in some
/// case: the words [`is_a_measurement`] reads further. Most words after a number ("in", "of",
/// "users") start no such word, or are not as long, and are out at one lookup.
static MEASUREMENT_WORD_SHAPES: [[u16; 32]; 32] = {
    let lists: [&[&str]; 4] = [&UNIT_WORDS, &UNIT_ABBREVIATIONS, &UNIT_QUALIFIERS, &READING_TIME_WORDS];
    let mut shapes = [[0u16; 32]; 32];
    let mut list = 0;
    while list < lists.len() {
        let mut k = 0;
        while k < lists[list].len() {
            let word = lists[list][k].as_bytes();
            assert!(word[0].is_ascii_alphabetic() && word.len() < 16, "an ASCII word");
            let second = if word.len() > 1 { letter_place(word[1]) } else { 0 };
            shapes[letter_place(word[0])][second] |= 1 << word.len();
            k += 1;
        }
        list += 1;
    }
    shapes
};

/// The place of an ASCII letter in [`MEASUREMENT_WORD_SHAPES`]: its five low bits, the same for
/// both cases.
const fn letter_place(letter: u8) -> usize {
    (letter & 31) as usize
}

/// Whether the word that starts `after` (the text after a number and its one space) may be one
/// [`is_a_measurement`] reads: `false` when no letter or character outside ASCII starts it,
/// when its ASCII letters' first two and their number are no ASCII word's
/// ([`MEASUREMENT_WORD_SHAPES`]; a word that goes on outside ASCII, "Mbps’", is one only when
/// they are), or when its first two bytes outside ASCII start no unit's
/// ([`UNIT_ABBREVIATIONS_OUTSIDE_ASCII`]: a dash or a curly quote, most Cyrillic words).
fn may_start_a_measurement(after: &[u8]) -> bool {
    if after.first().is_some_and(|b| !b.is_ascii()) {
        let units = UNIT_ABBREVIATIONS_OUTSIDE_ASCII.iter();
        return units.map(|u| &u.as_bytes()[..2]).any(|start| after.starts_with(start));
    }
    let letters = after.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 {
        return false;
    }
    let second = if letters > 1 { letter_place(after[1]) } else { 0 };
    MEASUREMENT_WORD_SHAPES[letter_place(after[0])][second] >> letters.min(15) & 1 != 0
}

/// Whether `after` (the text after a number) starts with a unit of measurement, after at most one
/// space: "277 miles", "16 grams", "4 oz.", "11 kW", "3.7 metric tons", "300 г". figmine reads
/// counts, shares and money; a measurement in a physical unit (a recipe's cups, a car's range, a
/// plant's gigawatts) is none of them.
fn is_a_measurement(after: &str) -> bool {
    let after = after
        .strip_prefix(' ')
        .or_else(|| after.strip_prefix('\u{a0}'))
        .unwrap_or(after);
    may_start_a_measurement(after.as_bytes()) && starts_with_a_unit(after)
}

/// [`is_a_measurement`] of the text after a number and its one space, `after`, read in full.
fn starts_with_a_unit(after: &str) -> bool {
    fn word_at(text: &str) -> (&str, &str) {
        // ASCII letters read as bytes; a character outside ASCII as a char
        let ascii_letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
        let end = match text.as_bytes().get(ascii_letters) {
            Some(b) if !b.is_ascii() => text[ascii_letters..]
                .find(|c: char| !c.is_alphabetic() && c != '°')
                .map_or(text.len(), |n| ascii_letters + n),
            _ => ascii_letters,
        };
        text.split_at(end)
    }
    let (word, rest) = word_at(after);
    if word.is_empty() {
        return false;
    }
    // "4 min read": a page's reading time
    if READING_TIME_WORDS.contains(&word) && rest.starts_with(" read") {
        return true;
    }
    let is_unit = |word: &str| is_unit_abbreviation(word) || is_unit_word(word);
    // "3.7 metric tons", "500 square feet", "2 cubic meters"
    if UNIT_QUALIFIERS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return rest.strip_prefix(' ').is_some_and(|rest| is_unit(word_at(rest).0));
    }
    is_unit(word)
}

/// The words before a number that make it a version's or a law's part in any case ("version 2",
/// "Section 702"; see [`names_a_product`]), in lower case.
const NAMING_WORDS: [&str; 11] = [
    "version",
    "v",
    "model",
    "section",
    "article",
    "principle",
    "clause",
    "paragraph",
    "chapter",
    "rule",
    "iso",
];

/// The words before a number that are verbs too, and make it a build's or a release's number
/// only capitalised or before one ("build 22621"; see [`names_a_product`]), in lower case.
const NAMING_VERBS: [&str; 2] = ["release", "build"];

/// "Office 365", "Windows 10", "iOS 8", "Section 702", "version 2.1": a short number right after
/// a name (a word with a capital letter that does not start the sentence) or after "version" or
/// the name of a law's part ("section", "article", "principle", ...).
/// A number after a tab is a table's cell ("United States\t282"), whatever names its row.
fn names_a_product(sentence: &str, m: &Mention) -> bool {
    if sentence.as_bytes()[..m.start].last() == Some(&b'\t') {
        return false;
    }
    let Some((word, sentence_start)) = word_before_spaces(&sentence[..m.start]) else {
        return false;
    };
    let text = &sentence[m.start..m.end];
    // words that are verbs too name a version only capitalised ("Build 22621") or before a
    // build's or a version's number ("build 22621", "release 3.2"): as verbs they count ("build
    // more than 7,000 attacks", "release 300 prisoners", "agreed to release 300."); "model" is
    // seldom a verb there ("a Kanomax model 4431 audio meter")
    if NAMING_VERBS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase());
        let digits = text.bytes().all(|b| b.is_ascii_digit());
        let build_number = digits && text.len() >= 4;
        let version = text.contains('.') && text.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        return capitalised || build_number || version;
    }
    // also a law's parts, at a sentence's start or in lower case ("Section 702 of the law",
    // "information privacy principle 11")
    if NAMING_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        return true;
    }
    // the tests that read least come first (none has an effect: the order changes no answer)
    let bare = text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit())
        || text.chars().next().is_some_and(char::is_uppercase) && !text.contains(' ') // "Xbox One"
        || is_short_version(text); // "Enterprise Server 3.3", "SMC 14.18"
    bare && !sentence_start
        && word.chars().any(char::is_uppercase)
        && !CLAUSE_WORDS.contains(&word)
        && !ends_an_elliptic_list(sentence, m)
}

/// Whether `m` closes a list whose verb and noun were given once, after "and" and a name: "The
/// State Security Agency made 47 applications, military intelligence 21 and the Financial
/// Intelligence Centre 13." (a count at the clause's end, after a figure in the same clause, and
/// "and" in the words before the name), not a product's number ("Windows 10").
fn ends_an_elliptic_list(sentence: &str, m: &Mention) -> bool {
    let at_end = matches!(sentence.as_bytes().get(m.end), None | Some(b'.' | b';'));
    if !at_end {
        return false;
    }
    let before = &sentence[..m.start];
    let clause = before.rsplit(';').next().unwrap_or(before);
    let Some(and) = clause.rfind(" and ") else { return false };
    // the name after "and" is capitalised words (and "the"), and a figure comes before "and"
    let name = &clause[and + 5..];
    let name_only = name
        .split_whitespace()
        .all(|w| w == "the" || w.starts_with(|c: char| c.is_uppercase()));
    name_only && clause[..and].bytes().any(|b| b.is_ascii_digit())
}

/// A number in words that counts nothing: "one" as a pronoun ("every one of these", "miss one,",
/// "a regular one."), in an idiom ("one by one", "one way or the other"; "one each" counts), a
/// frequency ("every three months") or a time of day ("at two in the morning"). `text` is the
/// mention's text.
fn is_a_number_word_not_counting(sentence: &str, m: &Mention, text: &[u8]) -> bool {
    // numbers in words only: most figures start with a digit
    if !text.first().is_some_and(u8::is_ascii_alphabetic) || text.iter().any(u8::is_ascii_digit) {
        return false;
    }
    let bytes = sentence.as_bytes();
    let before = &bytes[..m.start];
    let after = &bytes[m.end..];
    let mut end = before.len();
    let word_before = spaced_word_before(before, &mut end).unwrap_or_default();
    let after_is = |words: &[&[u8]]| words.iter().any(|w| after.starts_with(w));
    if word_before.eq_ignore_ascii_case(b"every") {
        // "every one of", "every three months" (but "every 10,000 users" is in digits)
        return text.eq_ignore_ascii_case(b"one") || after_is(&[b" months", b" weeks", b" years", b" days", b" hours"]);
    }
    if after_is(&[
        b" in the morning",
        b" in the afternoon",
        b" in the evening",
        b" at night",
        b" o'clock",
    ]) {
        return true;
    }
    // "Together the three accounted for", "the two were": a number after "the" with a verb
    // right after it stands for things named before
    // ("of the six assessed, only two": a participle after a partitive, which counts)
    if word_before.eq_ignore_ascii_case(b"the") && is_followed_by_a_verb(after) {
        let partitive = spaced_word_before(before, &mut end)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"of") || w.eq_ignore_ascii_case(b"among"));
        return !partitive;
    }
    if !text.eq_ignore_ascii_case(b"one") {
        return false;
    }
    const COUNTING: [&[u8]; 14] = [
        b"to", b"from", b"than", b"only", b"just", b"exactly", b"about", b"nearly", b"least", b"by", b"of", b"was",
        b"were", b"is",
    ];
    let clause_ends = matches!(
        after.first(),
        None | Some(b',' | b'.' | b';' | b':' | b'!' | b'?' | b'"')
    ) || after.starts_with("\u{201d}".as_bytes())
        || after.starts_with("\u{2019}".as_bytes());
    (clause_ends && !COUNTING.iter().any(|w| word_before.eq_ignore_ascii_case(w)))
        || after_is(&[b" by one", b" way or", b" another"])
        || before.ends_with(b"one by ")
}

/// Whether `after` starts with a space and a verb: a form of "be" or "have", a modal, or a word
/// in the past tense ("accounted for", "received."; not "hundred", nor an adjective before a
/// noun, "invited witnesses").
fn is_followed_by_a_verb(after: &[u8]) -> bool {
    const VERBS: [&[u8]; 10] = [
        b"are", b"were", b"have", b"had", b"will", b"would", b"can", b"could", b"did", b"do",
    ];
    const PARTICLES: [&[u8]; 14] = [
        b"for", b"to", b"in", b"on", b"with", b"by", b"at", b"from", b"that", b"as", b"up", b"out", b"about", b"over",
    ];
    let Some(word) = word_after_space(after).filter(|w| w.iter().all(u8::is_ascii_lowercase)) else {
        return false;
    };
    if VERBS.contains(&word) {
        return true;
    }
    // a word in "-ed" before a noun is an adjective ("the two invited witnesses"); a verb is
    // followed by a particle or the clause's end ("the three accounted for")
    let next = word_after_space(&after[1 + word.len()..]);
    word.len() > 4
        && word.ends_with(b"ed")
        && word != b"hundred"
        && next.is_none_or(|n| !n.first().is_some_and(u8::is_ascii_lowercase) || PARTICLES.contains(&n))
}

/// "3.3", "14.18": digits, one dot and digits, five bytes at most, as a version or a code's
/// section is written after a name.
fn is_short_version(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() <= 5
        && bytes.iter().filter(|&&b| b == b'.').count() == 1
        && bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes.last().is_some_and(u8::is_ascii_digit)
        && bytes.iter().all(|&b| b.is_ascii_digit() || b == b'.')
}

/// Whether `m` is the title or the section of a citation of US federal law ("45 CFR 164.512",
/// "18 U.S.C. 2702", "47 USC § 230"): the number right before the code's name or after it.
fn is_part_of_a_legal_citation(sentence: &str, m: &Mention) -> bool {
    const CODES: [&[u8]; 4] = [b"CFR", b"C.F.R.", b"U.S.C.", b"USC"];
    let bytes = sentence.as_bytes();
    let (before, after) = (&bytes[..m.start], &bytes[m.end..]);
    // every code starts with "C" or "U" and ends with "R", "." or "C", told first: most numbers
    // have none of them next to them, and are spared the eight compares
    let code_after = matches!(after, [b' ', b'C' | b'U', ..]) && {
        let a = &after[1..];
        CODES
            .iter()
            .any(|c| a.starts_with(c) && !a.get(c.len()).is_some_and(u8::is_ascii_alphanumeric))
    };
    let before = before.strip_suffix("§ ".as_bytes()).unwrap_or(before);
    let code_before = matches!(before, [.., b'R' | b'.' | b'C', b' '])
        && CODES.iter().any(|c| before[..before.len() - 1].ends_with(c));
    code_after || code_before
}

/// Whether the digits of `m` are one part of a dotted code ("1.1.1.1", "2.4.1", an address or a
/// version), which the number reader read as numbers of their own.
fn is_part_of_a_dotted_code(sentence: &str, m: &Mention) -> bool {
    let bytes = sentence.as_bytes();
    let digit = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_digit);
    let dot_after = bytes.get(m.end) == Some(&b'.') && digit(Some(m.end + 1));
    let dot_before = m.start >= 2 && bytes[m.start - 1] == b'.' && digit(m.start.checked_sub(2));
    dot_after || dot_before
}

/// When `before` ends with spaces: the word before them (its letters and digits at the end, perhaps
/// none) and whether that word starts `before`. Read by bytes while ASCII tells: a character outside
/// ASCII before the spaces or before the word may be a space or a letter, and is read as a char.
///
/// The spaces and the word are read off the sixteen bytes that end `before` at once
/// ([`word_in_last_16`]): a byte at a time, through a reversed iterator, took some seventeen
/// instructions a letter, and most numbers that may name a product are read so.
fn word_before_spaces(before: &str) -> Option<(&str, bool)> {
    let bytes = before.as_bytes();
    let (words_end, word_start) = word_in_last_16(bytes).unwrap_or_else(|| word_by_bytes(bytes));
    if word_start > 0 && !bytes[word_start - 1].is_ascii() {
        return word_before_spaces_by_chars(before);
    }
    (words_end < bytes.len()).then(|| (&before[word_start..words_end], word_start == 0))
}

/// [`word_by_bytes`] told by the sixteen bytes that end `bytes`, all at once
/// ([`spaces_and_alphanumerics_of_16`]); `None` when fewer bytes are there, or when the spaces
/// and the word fill the sixteen (they may go on before them).
#[inline(always)]
fn word_in_last_16(bytes: &[u8]) -> Option<(usize, usize)> {
    let first = bytes.len().checked_sub(16)?;
    let sixteen = bytes[first..].try_into().expect("sixteen bytes");
    let (spaces, alphanumerics) = spaces_and_alphanumerics_of_16(sixteen);
    // Both runs end at the last byte (bit 15): moved to the top of 32 bits, each is a count of
    // leading ones, the word's once the spaces are shifted out.
    let spaces_run = (spaces << 16).leading_ones() as usize;
    let word_run = (alphanumerics << 16 << spaces_run).leading_ones() as usize;
    if spaces_run + word_run >= 16 {
        return None;
    }
    #[cfg(test)]
    tests::WORDS_IN_LAST_16.with(|n| n.set(n.get() + 1));
    let words_end = bytes.len() - spaces_run;
    Some((words_end, words_end - word_run))
}

/// Bit `k` of the first for each byte `k` of `sixteen` that is an ASCII space (as
/// [`is_ascii_space`](super::claim::is_ascii_space) tells), of the second for each that is an
/// ASCII letter or digit.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn spaces_and_alphanumerics_of_16(sixteen: &[u8; 16]) -> (u32, u32) {
    // SAFETY: SSE2 is part of every x86-64 processor (a baseline feature of the target).
    unsafe { spaces_and_alphanumerics_by_sse2(sixteen) }
}

/// [`spaces_and_alphanumerics_of_16`] by SSE2: each class is a range or two, which a byte is in
/// when, moved so that the range starts at -128, it is below the range's end as a signed byte.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn spaces_and_alphanumerics_by_sse2(sixteen: &[u8; 16]) -> (u32, u32) {
    use crate::extract::lanes::{ascii_spaces, in_range, lanes};
    use std::arch::x86_64::{_mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8};
    let v = lanes(sixteen);
    let spaces = ascii_spaces(v);
    // a letter is one in lower case (a byte outside ASCII keeps its high bit, outside the range)
    let letters = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
    let digits = in_range(v, b'0', 10);
    let alphanumerics = _mm_or_si128(letters, digits);
    (
        _mm_movemask_epi8(spaces) as u32,
        _mm_movemask_epi8(alphanumerics) as u32,
    )
}

/// [`spaces_and_alphanumerics_of_16`] elsewhere.
#[cfg(not(target_arch = "x86_64"))]
fn spaces_and_alphanumerics_of_16(sixteen: &[u8; 16]) -> (u32, u32) {
    spaces_and_alphanumerics_by_bytes(sixteen)
}

/// [`spaces_and_alphanumerics_of_16`] a byte at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn spaces_and_alphanumerics_by_bytes(sixteen: &[u8; 16]) -> (u32, u32) {
    sixteen
        .iter()
        .enumerate()
        .fold((0, 0), |(spaces, alphanumerics), (k, &b)| {
            (
                spaces | u32::from(super::claim::is_ascii_space(b)) << k,
                alphanumerics | u32::from(b.is_ascii_alphanumeric()) << k,
            )
        })
}

/// [`word_before_spaces`] read by chars, Unicode spaces, letters and digits included.
fn word_before_spaces_by_chars(before: &str) -> Option<(&str, bool)> {
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let word = trimmed.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    Some((word, trimmed.len() == word.len()))
}

/// The period a figure is for: the first period after it in the same clause unless a comparison
/// figure stands between them (a point of comparison only for a figure of comparison or right
/// after the figure), otherwise the nearest period before it in the sentence. A figure
/// in a clause opened by "when" right after a period of comparison is that period's ("up 6
/// percent from the first half of the year, when it logged 25,879 requests"), and so is one
/// after "for" right after an event's date ("bought in 2018 for roughly $1 billion").
fn period_for(
    span: Span,
    is_reference: bool,
    periods: &[&PeriodMention],
    references: &[Span],
    text: &str,
) -> Option<Period> {
    let blocked = |p: &PeriodMention| references.iter().any(|f| f.start >= span.end && f.end <= p.span.start);
    // a period of comparison right after a figure is that figure's ("and 7,204 a year earlier")
    let right_after = |p: &PeriodMention| text[span.end..p.span.start].bytes().all(|b| b == b' ');
    let after = periods
        .iter()
        .find(|p| p.span.start >= span.end && p.period.is_some())
        .filter(|p| !blocked(p) && (is_reference || !p.reference || right_after(p)));
    // a semicolon ends the clause ("75 percent; in the first half of 2021, 76 percent"); a
    // month with no year is an event's in a clause of its own ("58 were ordered in Manipur,
    // where authorities cut mobile data in May") and far after the figure
    let month = |p: &PeriodMention| matches!(p.anaphor, Some(Anaphor::Month { .. }));
    // so does a clause of its own after ", and" ("The total for 2022 was 98 811, and it remains
    // well below the peak of 2017")
    // Each test of the clause needs a comma or a semicolon between the figure and the period
    // after it (", and it", ", where", ";"): most figures have none, told by one search where
    // each test searched (`between_may_break_a_clause`).
    let punctuated = after.is_some_and(|p| between_may_break_a_clause(&text[span.end..p.span.start]));
    let coordinated = punctuated && after.is_some_and(|p| opens_a_coordinated_clause(&text[span.end..p.span.start]));
    let clause_ends = |p: &PeriodMention| {
        let between = &text[span.end..p.span.start];
        punctuated
            && (between.contains(';') || month(p) && super::claim::clause_after_comma(between).is_some() || coordinated)
    };
    if let Some(p) = after.filter(|p| p.span.start - span.end < 60 && !clause_ends(p)) {
        return p.period.clone();
    }
    let after = after.filter(|p| !month(p) && !coordinated);
    let nearest_before = periods.iter().rev().find(|p| p.span.end <= span.start);
    // "when" after a period of comparison, or "for" after an event's date ("the maker it bought
    // in 2018 for roughly $1 billion"): the figure is that period's
    let its_own = |between: &str| opens_when_clause(between) || between.trim() == "for";
    if let Some(p) = nearest_before.filter(|p| p.reference && its_own(&text[p.span.end..span.start])) {
        return p.period.clone();
    }
    // a month before the figure, past a comma, is an event's too ("designated in April, each
    // with at least 45 million users"), unless it opens the clause ("; in February, after ...,
    // the price was cut by $350 million")
    let opens_a_clause = |p: &PeriodMention| {
        let before = text[..p.span.start].trim_end();
        let before = before
            .strip_suffix("in")
            .or(before.strip_suffix("In"))
            .unwrap_or(before);
        before.trim_end().ends_with([';', ',', ':', '.', '\n']) || before.trim_end().is_empty()
    };
    let past_a_comma = |p: &PeriodMention| month(p) && text[p.span.end..span.start].contains(',') && !opens_a_clause(p);
    periods
        .iter()
        .rev()
        .find(|p| p.span.end <= span.start && p.period.is_some() && !p.reference)
        .filter(|p| !past_a_comma(p))
        .or(after)
        .and_then(|p| p.period.clone())
}

/// Whether `between` (the text from a figure to a period after it) holds a comma or a semicolon,
/// without which [`period_for`] reads no clause in it: neither [`opens_a_coordinated_clause`], nor
/// a clause after a comma ([`super::claim::clause_after_comma`]), nor a semicolon that ends one.
fn between_may_break_a_clause(between: &str) -> bool {
    memchr::memchr2(b',', b';', between.as_bytes()).is_some()
}

/// Whether `between` (the text from a figure to a period after it) opens a clause of its own
/// with ", and" or ", but" and a subject of its own: ", and it remains", ", but they said"
/// (not ", and 7,204 in 2023", the list's next figure, nor ", and complied with 4,000 of them,
/// in 2023", whose period is the figure's too).
fn opens_a_coordinated_clause(between: &str) -> bool {
    const SUBJECTS: [&str; 6] = ["it ", "they ", "he ", "she ", "we ", "its "];
    // most texts between a figure and a period hold no comma: one byte search spares the rest
    memchr::memchr_iter(b',', between.as_bytes()).any(|at| {
        let after_comma = &between[at + 1..];
        let Some(rest) = after_comma
            .strip_prefix(" and ")
            .or_else(|| after_comma.strip_prefix(" but "))
        else {
            return false;
        };
        SUBJECTS.iter().any(|w| rest.starts_with(w))
    })
}

/// The period of a figure named as the earlier value of a change ("up from 918"), which took the
/// period of the figures around it (`period`), when no period is named after it in its
/// sentence and no other comparison words than a change from it come before ("against" may set
/// a rival's figure beside another's for the same year): the year before for twelve months, the
/// quarter before for a quarter ("27 disruptions in the third quarter, up from 21"). Halves
/// are left: news compares them with the half before and with the same half a year earlier.
fn earlier_period_unnamed(period: &Period, span: Span, periods: &[&PeriodMention], before: &str) -> Option<Period> {
    // a period the sentence names as a point of comparison is the earlier one already ("higher
    // than the 201 documented in 2022, and ... rose by four, from 35")
    let compared_with = || periods.iter().any(|p| p.reference && p.period.as_ref() == Some(period));
    let named_after = periods.iter().any(|p| p.span.start >= span.end);
    if named_after || comma_against_before(before) || compared_with() {
        return None;
    }
    if period.is_twelve_months() {
        period.shifted_back(12)
    } else if period.is_quarter() {
        period.shifted_back(3)
    } else {
        None
    }
}

/// "rose to 51 in the second half from 38 in the first,": a half named by its number alone right
/// after a figure, where the figure took a half of that year (`period`), is that half.
fn elided_half(after: &str, period: &Period) -> Option<Period> {
    let rest = after.strip_prefix(" in the ")?;
    let (n, rest) = match rest.as_bytes().first()? {
        b'f' => (1, rest.strip_prefix("first")?),
        b's' => (2, rest.strip_prefix("second")?),
        _ => return None,
    };
    if !matches!(rest.as_bytes().first(), None | Some(b',' | b'.' | b';' | b')')) {
        return None;
    }
    period.half_of_year()?;
    Period::half(chrono::Datelike::year(&period.start), n)
}

/// Whether two different periods of `named` lie within `whole` and are not it, its parts
/// ("January through June" and "July through December" of "2023").
fn holds_two_parts<'p>(whole: &Period, named: impl Iterator<Item = &'p Period>) -> bool {
    let mut parts = named.filter(|q| whole.contains(q) && *q != whole);
    parts.next().is_some_and(|a| parts.any(|b| b != a))
}

/// Whether `p` is the period a figure named as a point of comparison takes ([`period_for`]):
/// the first period after one of `references` in its clause ("more than double the 11,225 it
/// reported for H1 2015"). Such a period is not the one the sentences after speak of.
fn is_named_for_a_reference(p: &PeriodMention, periods: &[&PeriodMention], references: &[Span]) -> bool {
    references.iter().any(|r| {
        p.span.start >= r.end
            && p.span.start - r.end < 60
            && periods
                .iter()
                .find(|q| q.span.start >= r.end && q.period.is_some())
                .is_some_and(|q| q.span == p.span)
    })
}

/// Whether `between` (the text from a period to a figure after it) opens a clause with "when"
/// and holds no other clause: ", when the company logged ".
fn opens_when_clause(between: &str) -> bool {
    crate::extract::period::when_clause_after(between)
        .is_some_and(|rest| rest.len() < 60 && ![", ", "; ", ". "].iter().any(|end| rest.contains(end)))
}

/// The year of `period` when it is one of that year's halves or quarters and the figure is
/// named the total of them all, each named in its sentence (`here`) or the one before
/// (`before_sentence`): "1,257 in the first half and 1,622 in the second half, for a total of
/// 2,879" is the year's, not the second half's. `before` is the figure's sentence before it.
fn whole_year_of_total(
    period: &Period,
    before: &str,
    here: &[&PeriodMention],
    before_sentence: &[Period],
) -> Option<Period> {
    use chrono::Datelike;
    // the words first: nearly every figure is named no total, told by a byte or two, where the
    // period's months and days are each worked out from its dates
    if !is_named_a_total(before) {
        return None;
    }
    let (start, end) = (period.start, period.end);
    let whole_year = start.month() == 1 && start.day() == 1 && end.month() == 12 && end.day() == 31;
    if start.year() != end.year() || whole_year {
        return None;
    }
    let y = start.year();
    let year = Period::year(y)?;
    let named = |part: &Period| {
        here.iter().any(|p| p.period.as_ref() == Some(part) && !p.reference) || before_sentence.contains(part)
    };
    let halves = (1..=2).filter_map(|n| Period::half(y, n)).all(|h| named(&h));
    let quarters = (1..=4).filter_map(|n| Period::quarter(y, n)).all(|q| named(&q));
    (halves || quarters).then_some(year)
}

/// Whether the words before a figure name it a total: "for a total of", "in total,", "Together
/// they make".
fn is_named_a_total(before: &str) -> bool {
    last_byte_may_end_a_total_word(before.as_bytes()) && is_named_a_total_by_words(before)
}

/// Whether the last byte before a figure (past at most two spaces or commas, as
/// [`is_named_a_total_by_words`] reads them) may end a word that names it a total: every word the
/// last may be ("total", "totalling", "totaled", "of", "make") ends in one of these letters, in
/// either case, so most figures are told by that byte before their words are read.
#[inline]
fn last_byte_may_end_a_total_word(bytes: &[u8]) -> bool {
    let spaced = bytes[bytes.len().saturating_sub(2)..]
        .iter()
        .rev()
        .take_while(|b| matches!(b, b' ' | b','))
        .count();
    let last_byte = bytes.len().checked_sub(spaced + 1).map(|k| bytes[k]);
    last_byte.is_some_and(|b| matches!(b | 0x20, b'l' | b'g' | b'd' | b'f' | b'e'))
}

/// [`is_named_a_total`] by the words before the figure alone.
#[inline]
fn is_named_a_total_by_words(before: &str) -> bool {
    let bytes = before.as_bytes();
    // the word ending at `end` (after at most two spaces or commas), read back a byte at a time:
    // most figures' last word is no "total", "of" or "make", told in a few bytes
    let word_before = |end: usize| {
        let end = end
            - bytes[end.saturating_sub(2)..end]
                .iter()
                .rev()
                .take_while(|b| matches!(b, b' ' | b','))
                .count();
        let start = end
            - bytes[end.saturating_sub(10)..end]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
        (start, &before[start..end])
    };
    let (start, last) = word_before(bytes.len());
    let is = |word: &str, as_written: &str| word.eq_ignore_ascii_case(as_written);
    if ["total", "totalling", "totaling", "totalled", "totaled"]
        .iter()
        .any(|t| is(last, t))
    {
        return true;
    }
    if !is(last, "of") && !is(last, "make") {
        return false;
    }
    let (start, second) = word_before(start);
    if is(last, "of") {
        return is(second, "total");
    }
    is(second, "together") || is(second, "they") && is(word_before(start).1, "together")
}

/// The paragraph that may hold `sentence`: the first that does not end before it does (as
/// `paragraphs.partition_point` finds it), walked from `from` for sentences asked in order, where
/// a binary search over the article's paragraphs was made for every figure with no noun of its
/// own. `from` is where the last one asked was found (0 at first), and is moved to this one's.
fn paragraph_from(paragraphs: &[Span], from: &mut usize, sentence: Span) -> Option<Span> {
    // the walk needs every paragraph before `from` to end before the sentence does
    if paragraphs
        .get(from.wrapping_sub(1))
        .is_some_and(|p| p.end >= sentence.end)
    {
        *from = 0;
    }
    #[cfg(test)]
    PARAGRAPHS_WALKED_FROM_LAST.with(|n| n.set(n.get() + usize::from(*from > 0)));
    *from = partition_point_from(paragraphs, *from, |p| p.end < sentence.end);
    paragraphs.get(*from).copied()
}

#[cfg(test)]
thread_local! {
    /// How many paragraphs [`paragraph_from`] walked to from the last one found (a test-build
    /// counter: the tests' floor).
    static PARAGRAPHS_WALKED_FROM_LAST: Cell<usize> = const { Cell::new(0) };
}

/// A figure with no noun of its own ("65,496 for the year") counts what the previous figure of
/// its kind in the same paragraph counts; `paragraph` is the one that may hold `sentence`
/// ([`paragraph_from`]).
fn inherited_measure(
    kind: FigureKind,
    in_sentence: &[Figure],
    earlier: &[Figure],
    sentence: Span,
    paragraph: Option<Span>,
) -> Option<String> {
    let paragraph = paragraph.filter(|p| p.contains(sentence))?;
    in_sentence
        .iter()
        .rev()
        .chain(earlier.iter().rev().take_while(|f| paragraph.contains(f.span)).take(8))
        .find(|f| f.kind == kind && f.measure.is_some())
        .and_then(|f| f.measure.clone())
}

/// A change written "from X to Y" after a comparison word ("increased from 5425 to 5641"): the
/// places of X and Y among a sentence's mentions, and where X starts in it.
struct FromTo {
    opener: usize,
    closer: usize,
    opener_start: usize,
}

/// Links the last figure of `in_sentence` (Y of "from X to Y") to the one before it (X), in the
/// direction of the word before X; `before` is the text before X.
fn link_from_to(before: &str, ascii: bool, in_sentence: &mut [Figure]) {
    let [.., earlier, newer] = in_sentence else { return };
    link_comparison(before, ascii, earlier, std::slice::from_mut(newer), |_| Newer::Subject);
}

/// How the last figure of its kind before a comparison stands to it.
#[derive(Clone, Copy, PartialEq)]
enum Newer {
    /// The figure the comparison compares.
    Subject,
    /// Not what the comparison compares, nor is any figure before it: in an aside, or itself
    /// the earlier value of a comparison before.
    NotIt,
    /// A count of places after "in" or "across" ("69 requests from agencies in 14 countries,
    /// down 16 percent from the 82"): the figure of its kind before it is the subject, if any.
    Scope,
}

/// Whether the last word of `before` (between white space) is "of": read from its end, where
/// `split_whitespace` read every word of the sentence before the figure (0.07 instructions a
/// byte of generated text more).
fn last_word_is_of(before: &str) -> bool {
    let Some(word_start) = super::claim::trim_end_spaces(before).strip_suffix("of") else {
        return false;
    };
    word_start.chars().next_back().is_none_or(char::is_whitespace)
}

/// Whether a figure with `before` and `between` it and a comparison is in an aside the
/// comparison is not about: a relative clause set off by commas that closes before it ("The
/// requests, which covered more than 152,000 accounts, were up 14 percent from the 61,284").
fn is_in_an_aside(before: &str, between: &str) -> bool {
    // "made up 17 percent of the worldwide total of 38,524, and were down 12 percent from
    // 7,410": a total named after "of" is not the subject of the verb after ", and"
    let and_verb = || {
        between.split_once(", and ").is_some_and(|(_, verb)| {
            ["was ", "were ", "is ", "are ", "had ", "have ", "has "]
                .iter()
                .any(|v| verb.starts_with(v))
        })
    };
    if last_word_is_of(before) && and_verb() {
        return true;
    }
    let Some(opened) = (0..before.len())
        .rev()
        .find(|&at| breaks_a_clause(before.as_bytes(), at))
    else {
        return false;
    };
    let first_word = before[opened + 1..].split_whitespace().next().unwrap_or_default();
    matches!(first_word, "which" | "who" | "that" | "covering" | "including")
        && (0..between.len()).any(|at| breaks_a_clause(between.as_bytes(), at))
}

/// Whether the byte at `at` ends a clause: a comma, semicolon or bracket, but no comma inside a
/// number ("152,000").
fn breaks_a_clause(bytes: &[u8], at: usize) -> bool {
    let digit = |k: Option<usize>| k.and_then(|k| bytes.get(k)).is_some_and(u8::is_ascii_digit);
    matches!(bytes[at], b',' | b';' | b'(' | b')') && !(digit(at.checked_sub(1)) && digit(Some(at + 1)))
}

/// Whether `first` opens a change written "from A to B" that `second` closes ("increased from
/// 5,425 to 5,641"), in `sentence`: as the reconciling reads it ([`claim::is_from_to`]).
fn opens_from_to(sentence: &str, first: &Mention, second: &Mention) -> bool {
    let before = tail(&sentence[..first.start], CONTEXT_BYTES);
    claim::is_from_to(before, &sentence[first.end..second.start])
}

/// Whether a number, with the text `before` and `after` it, is bare: it names nothing it counts,
/// and so counts what the figure before it counts ("4,825 requests, up from 4,582 in 2013").
///
/// A number followed by a word of its own counts that word ("3,248 cases, with 584 deaths",
/// "210 people and 3.7 metric tons"): only punctuation, the end, or a word that cannot name a
/// thing ([`NAMES_NOTHING`]: "in", "and", "were") may follow a bare number. And a number right
/// after "age" or "aged" is an age ("people age 12 and older"), not a count.
fn is_bare_number(before: &str, after: &str) -> bool {
    !is_followed_by_its_own_word(after) && !is_an_age(before)
}

/// Whether the first thing after a number (past spaces) is a word that may name what it counts:
/// a word that is not one of [`NAMES_NOTHING`].
///
/// Read by bytes where the word is ASCII: its letters, lowercased, are one number found among the
/// list's ([`NAMES_NOTHING_KEYS`]), where a search of the list compared bytes a word at a time
/// (most figures whose measure is inherited are followed by "in" or "from"). A byte outside ASCII
/// after the spaces or right after the letters (a no-break space, a letter) sends the text to
/// [`is_followed_by_its_own_word_by_chars`].
fn is_followed_by_its_own_word(after: &str) -> bool {
    let bytes = after.as_bytes();
    let start = bytes.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
    let rest = &bytes[start..];
    match rest.first() {
        Some(b) if b.is_ascii_alphabetic() => {}
        Some(b) if !b.is_ascii() => return is_followed_by_its_own_word_by_chars(after),
        _ => return false,
    }
    let letters = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    match rest.get(letters) {
        Some(b) if !b.is_ascii() => is_followed_by_its_own_word_by_chars(after),
        // "out-of-county", "people's": longer than any word of the list
        Some(b'-' | b'\'') => true,
        _ => word_key(&rest[..letters]).is_none_or(|key| NAMES_NOTHING_KEYS.binary_search(&key).is_err()),
    }
}

/// ASCII letters of up to sixteen bytes as one number, lowercased (bit 0x20 set), little-endian;
/// `None` for a longer word.
fn word_key(letters: &[u8]) -> Option<u128> {
    let mut padded = [0u8; 16];
    padded.get_mut(..letters.len())?.copy_from_slice(letters);
    let case = u128::MAX >> (128 - 8 * letters.len().max(1)) & 0x2020_2020_2020_2020_2020_2020_2020_2020;
    Some(u128::from_le_bytes(padded) | case)
}

/// [`NAMES_NOTHING`] as [`word_key`]s, sorted.
static NAMES_NOTHING_KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| {
    let mut keys: Vec<u128> = NAMES_NOTHING
        .iter()
        .map(|w| word_key(w).expect("short words"))
        .collect();
    keys.sort_unstable();
    keys
});

/// [`is_followed_by_its_own_word`] read by chars: the spaces are Unicode's, and the word's letters
/// any alphabetic character's.
fn is_followed_by_its_own_word_by_chars(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '\t', '\u{a0}']);
    let word_len = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '\''))
        .map_or(rest.len(), |(i, _)| i);
    let word = &rest[..word_len];
    if !word.starts_with(char::is_alphabetic) {
        return false;
    }
    // lowercased on the stack: every word of the list is short ASCII, and any other is no word of it
    let mut lower = [0u8; LONGEST_WORD_NAMING_NOTHING];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return true;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    NAMES_NOTHING.binary_search(&&*lower).is_err()
}

/// Words that name no thing, so that a number followed by one of them counts nothing of its own
/// ("4,582 in 2013", "1,128 and", "2,576 were"): prepositions, conjunctions, articles and
/// determiners, pronouns, the forms of "be", "have" and "do" and the modal verbs, and adverbs
/// that compare or place a count ("2,000 more", "4,582 earlier"). English has a closed list of
/// these; any other word may be a noun. Sorted, as bytes (tested).
#[rustfmt::skip]
const NAMES_NOTHING: &[&[u8]] = &[
    b"a", b"about", b"above", b"across", b"after", b"again", b"against", b"ago", b"all", b"alone", b"along",
    b"already", b"also", b"although", b"altogether", b"am", b"amid", b"among", b"an", b"and", b"apiece", b"are",
    b"around", b"as", b"at", b"be", b"because", b"been", b"before", b"behind", b"being", b"below", b"beneath",
    b"beside", b"besides", b"between", b"beyond", b"both", b"but", b"by", b"can", b"combined", b"could", b"despite",
    b"did", b"do", b"does", b"down", b"during", b"each", b"earlier", b"either", b"even", b"every", b"except",
    b"fewer", b"for", b"from", b"had", b"has", b"have", b"having", b"he", b"her", b"his", b"i", b"if", b"in",
    b"inside", b"instead", b"into", b"is", b"it", b"its", b"just", b"last", b"later", b"least", b"less", b"like",
    b"may", b"might", b"more", b"most", b"must", b"my", b"near", b"neither", b"next", b"nor", b"now", b"of", b"off",
    b"on", b"once", b"only", b"onto", b"or", b"our", b"out", b"outside", b"over", b"overall", b"past", b"per",
    b"previously", b"respectively", b"shall", b"she", b"should", b"since", b"so", b"still", b"than", b"that",
    b"the", b"their", b"them", b"then", b"these", b"they", b"this", b"those", b"though", b"through", b"throughout",
    b"till", b"to", b"too", b"total", b"toward", b"towards", b"under", b"unless", b"until", b"up", b"upon",
    b"versus", b"via", b"vs", b"was", b"we", b"were", b"what", b"when", b"where", b"whereas", b"whether", b"which",
    b"while", b"who", b"whom", b"whose", b"will", b"with", b"within", b"without", b"would", b"yet", b"you", b"your",
];

/// No word of [`NAMES_NOTHING`] is longer (each is one [`word_key`]; tested).
const LONGEST_WORD_NAMING_NOTHING: usize = 16;

/// Whether the number after `before` is someone's age: right after "age", "aged" or "ages", or
/// "the age of" ("people age 12 and older", "children aged 5", "at the age of 70").
fn is_an_age(before: &str) -> bool {
    let bytes = before.as_bytes();
    let is_age = |word: &[u8]| {
        [&b"age"[..], b"aged", b"ages"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
    };
    // most numbers follow a word that ends otherwise: told by its last bytes
    let end = spaces_start(bytes, bytes.len());
    let ends_with = |w: &[u8]| bytes[..end].len() >= w.len() && bytes[end - w.len()..end].eq_ignore_ascii_case(w);
    if !(ends_with(b"age") || ends_with(b"ged") || ends_with(b"ges") || ends_with(b"of")) {
        return false;
    }
    let Some(word) = word_before_ascii_spaces(bytes) else {
        return false;
    };
    if word.eq_ignore_ascii_case(b"of") {
        // the text before "of", which ends where the spaces after it start
        let rest = &bytes[..spaces_start(bytes, bytes.len()) - word.len()];
        return word_before_ascii_spaces(rest).is_some_and(is_age);
    }
    is_age(word)
}

/// The word of ASCII letters that ends `bytes` before ASCII spaces, when they do end it and the word
/// is whole (the start of `bytes`, or an ASCII byte of no word, comes before it).
fn word_before_ascii_spaces(bytes: &[u8]) -> Option<&[u8]> {
    let end = spaces_start(bytes, bytes.len());
    if end == bytes.len() {
        return None;
    }
    let letters = bytes[..end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let start = end - letters;
    let whole = start == 0 || bytes[start - 1].is_ascii() && !is_word_byte(bytes[start - 1]);
    (letters > 0 && whole).then(|| &bytes[start..end])
}

/// "65,496, down from 72,279 in 2013": the figure after `down from` is the earlier value of the
/// figure before it, as that figure `stands` to it (by its span: [`Newer`]).
/// `ascii`: whether the article's text is ASCII (else `before` is tested).
#[inline(always)]
fn link_comparison(
    before: &str,
    ascii: bool,
    figure: &Figure,
    in_sentence: &mut [Figure],
    stands: impl Fn(Span) -> Newer,
) {
    // the figure it compares with, told before the search for the word ("That was up from 511"
    // has none)
    let Some(value) = figure.value else { return };
    let mut candidates = in_sentence
        .iter_mut()
        .rev()
        .filter(|f| f.kind == figure.kind && f.compared_to.is_none());
    let Some(mut newer) = candidates.next() else {
        return;
    };
    match stands(newer.span) {
        Newer::NotIt => return,
        Newer::Scope => {
            if let Some(earlier) = candidates.next() {
                newer = earlier;
            }
        }
        Newer::Subject => {}
    }
    let Some(word) = comparison_word(before, ascii) else {
        return;
    };
    let word = word.to_ascii_lowercase();
    let direction = match word.as_str() {
        "down" | "decrease" | "decreased" | "decreasing" | "decline" | "declined" | "declining" | "fell"
        | "falling" | "dropped" | "dropping" | "dipped" => Direction::Down,
        noun if super::claim::CHANGE_NOUNS.iter().any(|(n, fall)| *fall && *n == noun) => Direction::Down,
        "compared" | "compares" | "comparing" => match newer.value {
            Some(v) if v > value => Direction::Up,
            Some(v) if v < value => Direction::Down,
            _ => Direction::Same,
        },
        _ => Direction::Up,
    };
    newer.compared_to = Some(Comparison {
        value,
        period: figure.period.clone(),
        direction,
        span: figure.span,
    });
}

/// Group `dir` or `cmp` of [`COMPARED_FROM`] in `before` ("down" in "down from "). On ASCII text
/// without a capture search: the group starts the match (after a `\b`, which takes no bytes) and is
/// letters followed by a space, so it is the letters that start the match; the match itself
/// comes from a search backwards from the end the pattern is anchored at. `ascii`: whether the
/// article's text is known to be ASCII (else `before` is tested).
fn comparison_word(before: &str, ascii: bool) -> Option<&str> {
    if !(ascii || before.is_ascii()) {
        return COMPARED_FROM
            .captures(before)
            .map(|c| {
                c.name("dir")
                    .or_else(|| c.name("cmp"))
                    .expect("one word is required")
                    .as_str()
            })
            .or_else(|| noun_of_change_before(before));
    }
    let Some(matched) = COMPARED_FROM.find(before) else {
        return noun_of_change_before(before);
    };
    let matched = matched.as_str();
    let letters = matched.bytes().take_while(u8::is_ascii_alphabetic).count();
    Some(&matched[..letters])
}

/// A name as a figure's entity ("Yahoo!" is "Yahoo").
fn canonical_entity(name: &str) -> &str {
    name.trim_end_matches('!')
}

/// A match of [`ENTITY`] as a figure's entity: [`canonical_entity`], as the one of
/// [`ENTITY_NAMES`] it is (every match is one, perhaps with a "!"), borrowed for every figure.
fn known_entity(name: &str) -> &'static str {
    let known = name_at(name.as_bytes(), 0).expect("a match of ENTITY is one of its names");
    debug_assert_eq!(known, canonical_entity(name));
    known
}

/// The one of `owners` (a bit for each place in [`ENTITY_NAMES`]) that `entities` name most
/// often (the last of those named equally often, in the order first named).
fn most_named(entities: &Entities<'_, '_>, owners: u64) -> Option<&'static str> {
    let mut counts = [0u32; ENTITY_NAMES.len()];
    // the places in the order first named: at most one each, so room for all on the stack (a list
    // grown from none was made and freed for every article with figures)
    let mut order = [0usize; ENTITY_NAMES.len()];
    let mut named = 0;
    for place in entities.found.iter().map(|&(s, _)| entities.place_of(s)) {
        if owners >> place & 1 == 0 {
            continue;
        }
        if counts[place] == 0 {
            order[named] = place;
            named += 1;
        }
        counts[place] += 1;
    }
    let order = &order[..named];
    let most = order.iter().map(|&p| counts[p]).max()?;
    order
        .iter()
        .rev()
        .find(|&&p| counts[p] == most)
        .map(|&p| ENTITY_NAMES[p])
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// How many words [`measured_here_ascii`] read off its window of letters, on this thread.
        pub(super) static WORDS_BY_WINDOW: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        /// How many heads [`head_at`] compared as numbers, on this thread.
        pub(super) static HEADS_BY_KEY: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        /// How many single spaces [`measured_here_ascii`] read off its window, on this thread.
        pub(super) static SPACES_BY_WINDOW: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        /// How many words before spaces [`word_in_last_16`] told from its sixteen bytes, on this
        /// thread.
        pub(super) static WORDS_IN_LAST_16: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    #[test]
    fn the_measure_read_by_windows_and_keys_is_the_one_the_pattern_finds() {
        // Every head, in three cases, after up to three modifiers, each at several distances
        // from the end of the window of 32 bytes and of the text (the byte-wise reading takes over
        // there), and followed by a boundary or by more letters.
        let anchored = Pattern::new(&format!("(?ix)^{}", measured())).unwrap();
        let modifiers = [
            "",
            "law ",
            "law-enforcement ",
            "a b ",
            "new  user ",
            "x-y-z\tq ",
            "of the ",
        ];
        let pads = ["", "ab ", "abcdefghijkl ", "abcdefghijklmnopqrstu ", "ab\n  cd "];
        let afters = [
            " ",
            "",
            ".",
            "s",
            "_",
            "1",
            "-x",
            " of content",
            "  and more words to go past 32 bytes",
        ];
        let (mut compared, mut hits) = (0, 0);
        WORDS_BY_WINDOW.with(|n| n.set(0));
        HEADS_BY_KEY.with(|n| n.set(0));
        SPACES_BY_WINDOW.with(|n| n.set(0));
        for head in MEASURE_HEADS
            .iter()
            .chain(&["pieces  of\ncontent", "request-", "userx", "pieces of contents"])
        {
            for cased in [
                head.to_string(),
                head.to_uppercase(),
                head[..1].to_uppercase() + &head[1..],
            ] {
                for m in modifiers {
                    for pad in pads {
                        for a in afters {
                            let text = format!("{pad}{m}{cased}{a}");
                            let by_pattern = anchored.find(&text).map(|m| m.end());
                            assert_eq!(measured_here_ascii(text.as_bytes()), by_pattern, "{text:?}");
                            compared += 1;
                            hits += usize::from(by_pattern.is_some());
                        }
                    }
                }
            }
        }
        let (by_window, by_key) = (WORDS_BY_WINDOW.with(|n| n.get()), HEADS_BY_KEY.with(|n| n.get()));
        let spaces = SPACES_BY_WINDOW.with(|n| n.get());
        assert!(compared > 40_000 && hits > 20_000, "{compared} compared, {hits} found");
        assert!(
            by_window > 80_000 && by_key > 15_000 && spaces > 40_000,
            "{by_window} words by window, {by_key} heads by key, {spaces} spaces by window"
        );
    }

    #[test]
    fn not_figures_are_the_matches_of_the_alternation_of_their_branches() {
        let alternation = Pattern::new(&format!("(?i){}", NOT_FIGURE_BRANCHES.join("|"))).unwrap();
        let texts = [
            "Call 555-123-4567 at 10:30 a.m. on 2015-06-30, Müller said.",
            "See https://example.org/r?p=1 or WWW.Example.com; mail press@example.com at 9 p.m.",
            "Ré: 3pm, (212) 555.0100 and x@y.z, 12:30:15 PM, éhttp://x.y ehttp://x _www.x.y www.x",
            "Nothing here but 31,002 requests; not a@b, nor http:/x, nor ww.w",
            "2015-06-30@x.com 10:30@x.org www.2015-06-30.com 555-123-4567@a.b.c http://a@b.c 9 a.m.@x.y",
            "Почта: info@пример.рф, сайт: https://пример.рф/2015-06-30, телефон (495) 123-4567 в 10:30.",
            "",
        ];
        assert_eq!(not_figures(texts[4]).len(), 6);
        // Where the marks say a search may begin (NonFigureMarks): marks that start nothing
        // (a year range, "@" of a name, "Note:"), marks far apart and out of the order of their
        // earliest starts, spaces of every width, and digits outside ASCII.
        let marked = [
            "From 2010-2014 and 1.2345, @figmine said 10:30 x 2015-06-30; call 555-123-4567 at 9\u{a0}p.m.",
            "@a @b c@d.e f@g x@y.com, then 12:30 555-123-4567 and 10 \u{2009}\u{3000} a.m. and 7 A.M.",
            "ré 1\u{3000}(212)\u{a0}555.0100; 01-234-5678 é2015-06-30 2015-06-30é www.x.org/é a.m.",
            "Müller: 3-4, 1234-56-78-90 https://x/é?y=2 and httpſ://x.y at 9:30pm, ½ 2015-06-30 ² 12:30",
            "Тел. ٣ 10:30 2015-06-30 (495) 123-4567 and ١٢:٣٠",
            "1.2345 1.2345 1.2345 a.m. p.m. 9 p.m. 2015-06-3 2015-6-30 12:3 1:30 www. WWW.A.B ://",
        ];
        let spread: Vec<String> = marked
            .iter()
            .flat_map(|t| {
                [
                    t.to_string(),
                    format!("é {t} ü"),
                    format!("{} {t}", "filler ".repeat(30)),
                ]
            })
            .collect();
        // The written cases, and every line of corpus/ and generated articles (typeset too).
        let samples = crate::gen::sample_texts(200);
        let typeset: Vec<String> = samples.iter().map(|t| crate::gen::typeset(t)).collect();
        let lines = samples.iter().chain(&typeset).flat_map(|t| t.lines());
        let mut found = 0;
        for text in texts.into_iter().chain(spread.iter().map(String::as_str)).chain(lines) {
            let spans: Vec<Span> = alternation
                .find_iter(text)
                .map(|m| Span::new(m.start(), m.end()))
                .collect();
            found += spans.len();
            assert_eq!(not_figures(text), spans, "{text:?}");
        }
        assert!(found > 30, "{found}");
    }

    /// Every block of 32 bytes with one byte of every value at every place, among bytes drawn
    /// from `others`.
    fn blocks_with_every_byte_everywhere(others: &[u8]) -> impl Iterator<Item = [u8; 32]> + '_ {
        (0..=255u8).flat_map(move |value| {
            (0..32).map(move |place| std::array::from_fn(|k| if k == place { value } else { others[k % others.len()] }))
        })
    }

    #[test]
    fn the_capitals_of_32_bytes_found_at_once_are_those_tested_byte_by_byte() {
        let mut blocks = 0;
        for block in blocks_with_every_byte_everywhere(b"aZ@[`{ 9A\xff\x80zM.") {
            let by_bytes = (0..32).fold(0u32, |bits, k| bits | u32::from(block[k].is_ascii_uppercase()) << k);
            assert_eq!(capitals_of_32(&block), by_bytes, "{block:?}");
            blocks += usize::from(by_bytes != 0);
        }
        assert!(blocks > 8000, "{blocks} blocks with capitals");
    }

    #[test]
    fn the_dots_and_bytes_outside_ascii_of_32_bytes_found_at_once_are_those_tested_byte_by_byte() {
        let mut blocks = 0;
        for block in blocks_with_every_byte_everywhere(b"aZ@[`{ 9A\xff\x80zM.-:,/") {
            let (first, second) = block.split_at(16);
            let (dots, outside) = dots_and_outside_by_bytes(first.try_into().unwrap());
            let (more_dots, more_outside) = dots_and_outside_by_bytes(second.try_into().unwrap());
            let by_bytes = (dots | more_dots << 16, outside | more_outside << 16);
            assert_eq!(dots_and_outside_of_32(&block), by_bytes, "{block:?}");
            blocks += usize::from(by_bytes.0 != 0 && by_bytes.1 != 0);
        }
        assert!(blocks > 8000, "{blocks} blocks with dots and bytes outside ASCII");
        // and the bytes tests themselves, on every byte value
        for value in 0..=255u8 {
            let (dots, outside) = dots_and_outside_by_bytes(&[value; 16]);
            assert_eq!(dots != 0, value == b'.', "{value}");
            assert_eq!(outside != 0, value >= 0x80, "{value}");
        }
    }

    #[test]
    fn the_literal_search_for_entities_finds_what_the_entity_pattern_finds() {
        // at most one name starts anywhere: no name is a prefix of another
        for a in ENTITY_NAMES {
            for b in ENTITY_NAMES {
                assert!(a == b || !b.starts_with(a), "{a} {b}");
            }
        }
        let written = [
            "XMicrosoft and Google; Yahoo!5 then AT&T, Yahoo! said Apple_s Facebook.AT&Twitter",
            "xYahoo!Apple Adobes 5Skype AT&TT LinkedInstagram WhatsApple Yahoo!! Yahoo!_ Yahoo",
            "Yahoo!Yahoo Google_Google Google-Google GoogleGoogle (Comcast) Verizon's Reddit.",
        ];
        // each written line at every place of a block of 32 bytes and of a word of eight, and
        // cut short at every place of its last block
        let padded: Vec<String> = (0..64)
            .flat_map(|pad| {
                written
                    .iter()
                    .map(move |w| format!("{}{w}", "Ax".repeat(pad / 2) + &"x".repeat(pad % 2)))
            })
            .flat_map(|p| (0..40).map(move |cut| p[..p.len() - cut].to_string()))
            .collect();
        let samples = crate::gen::sample_texts(200);
        let typeset: Vec<String> = samples.iter().map(|t| crate::gen::typeset(t)).collect();
        let texts = written
            .iter()
            .copied()
            .chain(samples.iter().chain(&typeset).chain(&padded).map(String::as_str));
        let (mut found, mut outside_ascii) = (0, 0);
        for text in texts.chain(OUTSIDE_ASCII) {
            let by_pattern: Vec<(usize, usize)> = ENTITY.find_iter(text).map(|m| (m.start(), m.end())).collect();
            found += by_pattern.len();
            outside_ascii += usize::from(!text.is_ascii());
            assert_eq!(entities_by_hand(text), by_pattern, "{text:?}");
        }
        assert!(
            found > 200 && outside_ascii > 100,
            "{found} found, {outside_ascii} texts outside ASCII"
        );
    }

    #[test]
    fn a_figures_entity_borrowed_from_the_list_is_the_match_it_was_copied_from() {
        // every match of the pattern, "Yahoo!" included, as the figure's entity was: the
        // match without its "!", copied
        let samples = crate::gen::sample_texts(200);
        let (mut matches, mut banged) = (0, 0);
        for text in samples
            .iter()
            .map(String::as_str)
            .chain(OUTSIDE_ASCII)
            .chain(["Yahoo! and Yahoo!x, Yahoo AT&T"])
        {
            for m in ENTITY.find_iter(text) {
                let copied = m.as_str().trim_end_matches('!').to_owned();
                assert_eq!(known_entity(m.as_str()), copied, "{:?}", m.as_str());
                assert!(ENTITY_NAMES.contains(&known_entity(m.as_str())));
                matches += 1;
                banged += usize::from(m.as_str().ends_with('!'));
            }
        }
        assert!(matches > 500 && banged >= 2, "{matches} matches, {banged} with a \"!\"");
    }

    #[test]
    fn a_word_fraction_told_without_trunc_is_the_one_told_by_fract() {
        let values = [
            0.0,
            -0.0,
            0.5,
            -0.5,
            0.999,
            1.0,
            -1.0,
            1.5,
            2.0 / 3.0,
            1e-300,
            f64::NAN,
            f64::INFINITY,
            12.0,
        ];
        let mut fractions = 0;
        for v in values.into_iter().chain((0..4000).map(|k| f64::from(k - 2000) / 977.0)) {
            let m = Mention {
                text: String::new(),
                start: 0,
                end: 4,
                kind: MentionKind::Number,
                value: Some(v),
                low: None,
                high: None,
                approx: None,
                unit: None,
                precision: 1.0,
                plain: false,
            };
            let by_fract = v.fract() != 0.0 && v.abs() < 1.0;
            assert_eq!(is_word_fraction(&m, b"half"), by_fract, "{v}");
            fractions += usize::from(by_fract);
        }
        assert!(fractions > 1500, "{fractions} fractions");
    }

    #[test]
    fn names_told_by_their_first_two_bytes_are_those_found_comparing_every_name() {
        let samples = crate::gen::sample_texts(40);
        let written = "XMicrosoft and Google; Yahoo!5 then AT&T, Yahoo! said Apple_s Facebook.AT&Twitter AT&TT \
                       LinkedInstagram WhatsApple Cloudflare Automattic Adobe Comcas Skyp Twitte";
        let (mut starting, mut ending) = (0, 0);
        for text in [written]
            .into_iter()
            .chain(OUTSIDE_ASCII)
            .chain(samples.iter().map(String::as_str))
        {
            let bytes = text.as_bytes();
            for start in 0..bytes.len() {
                // every part that starts at `start` and is at most a few bytes longer than a name
                for end in start..bytes.len().min(start + LONGEST_NAME + 3) + 1 {
                    let part = &bytes[start..end];
                    let starts = ENTITY_NAMES.iter().any(|n| part.starts_with(n.as_bytes()));
                    let ends = ENTITY_NAMES.iter().any(|n| part.ends_with(n.as_bytes()));
                    assert_eq!(name_at(part, 0).is_some(), starts, "{part:?}");
                    assert_eq!(ends_with_name(part), ends, "{part:?}");
                    (starting, ending) = (starting + usize::from(starts), ending + usize::from(ends));
                }
            }
        }
        assert!(
            starting > 500 && ending > 500,
            "{starting} starting, {ending} ending with a name"
        );
    }

    #[test]
    fn entities_in_a_part_are_those_the_part_searched_alone_has() {
        // Entities::within skips the name comparisons at an edge that cannot start or end one
        for name in ENTITY_NAMES {
            assert!(name.as_bytes()[0].is_ascii_uppercase(), "{name}");
            assert!(name.as_bytes()[name.len() - 1].is_ascii_alphabetic(), "{name}");
        }
        let ascii = "XMicrosoft and Google; Yahoo!5 then AT&T, Yahoo! said Apple_s Facebook.AT&Twitter xYahoo!Apple \
                    Adobes 5Skype AT&TT";
        for text in [ascii].into_iter().chain(OUTSIDE_ASCII) {
            let found = entities_by_hand(text);
            let entities = Entities::new(text, &found);
            for (start, end) in (0..=text.len()).flat_map(|s| (s..=text.len()).map(move |e| (s, e))) {
                let Some(part) = text.get(start..end) else {
                    continue;
                };
                let last = ENTITY.find_iter(part).last().map(|m| known_entity(m.as_str()));
                let first = ENTITY.find(part).map(|m| known_entity(m.as_str()));
                assert_eq!(entities.last_in(start, end), last, "{part:?}");
                assert_eq!(entities.first_in(start, end), first, "{part:?}");
            }
        }
    }

    #[test]
    fn a_plain_number_is_told_a_figure_as_every_test_of_its_kind_tells_it() {
        // Numbers that every test would keep from being figures, beside words that would make
        // them plain but for one condition of `plain_word_before` (a capital inside the word
        // before, a leading zero, a digit after a dot, a capital after), and plain numbers that
        // the tests asked of a plain number tell.
        let written = [
            "Microsoft said the iPhone 6 was popular, and Windows 10 users agreed.",
            "It happened on March 12 in Paris, and on 6 July too.",
            "Dial the number 0800 now, or call 111 for help, or the 999 line.",
            "Servers at 1.1.1.1 were down, as was 2.4.1 today.",
            "The office at 410 Terry Ave. opened; a unit at 12 Main St was sold.",
            "Agencies filed under section 702 of the act, model 4431 and clause 7 too.",
            "The company will build 22621 units; the build 22621 is out; release 300 prisoners.",
            "They drove 500 miles away and ate 20 grams of it, in 4 min read.",
            "Firms have 30 days to respond, within 24 hours or for 90 days.",
            "For the last 6 months to June, the past 2 years ended in May.",
            "They sent 5 and 6-4 won, a 10-year plan, a COVID-19 wave and under law No 7253 in force.",
            "It cited 45 CFR 164.512 and 18 U.S.C. 2702 and at 2517 KK The Hague.",
            "the company received 20,316 information requests, down from 22,191.",
            // three bytes after a verb of calling, but a decimal comma: no phone's number
            "In 2023 callers in Spain had to dial 2,5 on average, or call 1,5 now, or call 112.",
        ];
        let samples = crate::gen::sample_texts(200);
        let typeset: Vec<String> = samples.iter().map(|t| crate::gen::typeset(t)).collect();
        let lines = samples.iter().chain(&typeset).flat_map(|t| t.lines());
        let (mut plain, mut not_figures, mut mentions) = (0, 0, Vec::new());
        for text in written.into_iter().chain(lines) {
            super::super::number::find_numbers_without_text_into(text, false, &mut mentions);
            for m in &mentions {
                let bytes = &text.as_bytes()[m.start..m.end];
                let Some(word) = plain_word_before(text.as_bytes(), m, bytes) else {
                    continue;
                };
                let by_every_test = is_figure_by_its_tests(m, text, bytes, None);
                assert_eq!(
                    is_figure_by_its_tests(m, text, bytes, Some(word)),
                    by_every_test,
                    "{text:?} {m:?}"
                );
                plain += 1;
                not_figures += usize::from(!by_every_test);
            }
        }
        assert!(
            plain > 2_000 && not_figures >= 10,
            "{plain} plain numbers, {not_figures} no figures"
        );
    }

    #[test]
    fn entities_around_a_span_answer_for_its_parts_as_the_whole_texts_do() {
        let ascii = "XMicrosoft and Google; Yahoo!5 then AT&T, Yahoo! said Apple_s Facebook.AT&Twitter xYahoo!Apple \
                    Adobes 5Skype AT&TT";
        let (mut named, mut dropped) = (0, 0);
        for text in [ascii].into_iter().chain(OUTSIDE_ASCII) {
            let found = entities_by_hand(text);
            let entities = Entities::new(text, &found);
            let spans = (0..=text.len())
                .step_by(7)
                .flat_map(|s| (s..=text.len()).step_by(5).map(move |e| (s, e)));
            for (span_start, span_end) in spans {
                let around = entities.around(Span::new(span_start, span_end));
                dropped += usize::from(around.found.len() < found.len());
                // the names inside the span, which find_figures reads off the names around it
                let span = Span::new(span_start, span_end);
                assert_eq!(around.names_inside(span), entities.names_inside(span), "{span:?}");
                for (start, end) in (span_start..=span_end).flat_map(|s| (s..=span_end).map(move |e| (s, e))) {
                    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                        continue;
                    }
                    let last = entities.last_in(start, end);
                    named += usize::from(last.is_some());
                    assert_eq!(
                        around.last_in(start, end),
                        last,
                        "{span_start} {span_end} {start} {end}"
                    );
                    assert_eq!(around.first_in(start, end), entities.first_in(start, end));
                }
            }
        }
        assert!(named > 10_000 && dropped > 300, "{named} named, {dropped} narrowed");
    }

    #[test]
    fn a_sentences_periods_and_names_walked_in_order_are_those_found_by_search() {
        let texts = crate::gen::sample_texts(200);
        let (mut periods_found, mut names_found, mut sentences) = (0, 0, 0);
        for text in &texts {
            let paragraphs = [Span::new(0, text.len())];
            let mut spans = crate::extract::sentence::split_sentences(text, &paragraphs);
            // and the same again from the start, as sentences out of order
            spans.extend(spans.clone());
            let dates = super::super::period::find_dates(text);
            let periods = super::super::period::find_periods_between(text, None, &dates);
            let found = entities_by_hand(text);
            let entities = Entities::new(text, &found);
            let (mut periods_from, mut entities_from, mut last_start) = (0, 0, 0);
            for &span in &spans {
                // as in find_figures
                if span.start < last_start {
                    (periods_from, entities_from) = (0, 0);
                }
                last_start = span.start;
                let walked = within_from(&periods, &mut periods_from, span, |p| p.span);
                assert_eq!(walked, within(&periods, span, |p| p.span), "{span:?} in {text:?}");
                let around = entities.around_from(span, &mut entities_from);
                assert_eq!(around.found, entities.around(span).found, "{span:?} in {text:?}");
                periods_found += walked.len();
                names_found += around.found.len();
                sentences += 1;
            }
        }
        assert!(
            periods_found > 1_000 && names_found > 1_000 && sentences > 800,
            "{periods_found} periods and {names_found} names in {sentences} sentences"
        );
    }

    #[test]
    fn coverage_of_requests_is_told_in_any_case_and_with_curly_apostrophes_but_not_across_parts() {
        let covers = |title: Option<&str>, text: &str| {
            let mut article = crate::read::Article {
                title: title.map(str::to_string),
                ..Default::default()
            };
            article.set_paragraphs(text.split("\n\n"));
            reports_on_requests(&article)
        };
        assert!(covers(None, "Google got 40,677 REQUESTS for data."));
        assert!(covers(Some("Wiretap Report Out"), "Nothing else here."));
        assert!(covers(None, "It shared users\u{2019} data with police."));
        assert!(covers(None, "It shared users' Data with police."));
        // a short first paragraph (a dateline) lets the second speak; a long one does not
        assert!(covers(None, "LONDON, 3 May\n\nThe ICO issued 12 fines for fraud."));
        let long = "The company held its annual meeting and talked about its new phones at length. ".repeat(2);
        assert!(!covers(None, &format!("{long}\n\nThe ICO issued 12 fines for fraud.")));
        // "scam " needs its space: a word at a part's end does not run into the next part
        assert!(!covers(Some("A scam"), "nothing"));
        assert!(covers(Some("A scam warning"), "nothing"));
        assert!(!covers(Some("Phones sold well"), "Apple sold 50 million phones."));
    }

    /// An article of `text`'s paragraphs (split at blank lines), its sentences, and the names
    /// found in its text by hand.
    fn article_with_sentences_and_names(text: &str) -> (crate::read::Article, Vec<Span>, Vec<(usize, usize)>) {
        let mut article = crate::read::Article::default();
        article.set_paragraphs(text.split("\n\n"));
        let sentences = crate::extract::sentence::split_sentences(&article.text, &article.paragraphs);
        let found = entities_by_hand(&article.text);
        (article, sentences, found)
    }

    #[test]
    fn the_owner_of_a_sentence_is_the_name_ending_the_one_it_refers_back_to_or_the_last_owner_named() {
        let mut texts = crate::gen::sample_texts_and_typeset(200);
        texts.push(format!(
            "Yahoo said so. {} Then it rose 5 percent. Google rose 7 percent.",
            OUTSIDE_ASCII.join(" ")
        ));
        let (mut asked, mut by_previous, mut by_owner, mut defaulted, mut passed_by) = (0, 0, 0, 0, 0);
        for text in &texts {
            let (mut article, sentences, found) = article_with_sentences_and_names(text);
            article.title = Some("Microsoft and Twitter report".to_owned());
            let figures = find_figures(&article, &sentences, &[], &[], Deadline::NONE, usize::MAX).expect("no limit");
            // the names inside the sentences of the figures, read from the whole text's
            let entities = Entities::new(&article.text, &found);
            let named_with_figures = figures
                .iter()
                .fold(0, |bits, f| bits | entities.names_inside(f.sentence));
            let mut owners = Owners::of(&article, &found, named_with_figures);
            // the headline's names own figures whatever the text says
            let place = |name: &str| ENTITY_NAMES.iter().position(|n| *n == name).expect("a name");
            assert!(owners.owns(place("Microsoft")) && owners.owns(place("Twitter")));
            // as each sentence searched alone names them, in order
            let mut owner_names: Vec<&str> = ENTITY_NAMES
                .iter()
                .copied()
                .filter(|&n| owners.owns(place(n)))
                .collect();
            let (mut named, mut sentence_last): (Vec<&'static str>, Option<&'static str>) = (Vec::new(), None);
            for &sentence in &sentences {
                let answer = owners.before(sentence, &sentences);
                // the sentence before names the subject of one that opens by referring back
                let previous_last = sentence_last.filter(|_| opens_by_referring_back(sentence.of(&article.text)));
                let last_owner = named.iter().rev().find(|n| owner_names.contains(n)).copied();
                assert_eq!(
                    answer,
                    previous_last.or(last_owner).or(owners.default),
                    "{:?} of {text:?}",
                    sentence.of(&article.text)
                );
                asked += 1;
                by_previous += usize::from(previous_last.is_some());
                by_owner += usize::from(previous_last.is_none() && last_owner.is_some());
                defaulted += usize::from(previous_last.is_none() && last_owner.is_none() && answer.is_some());
                // a name that ends the sentence before owns figures from then on
                if let Some(name) = previous_last.filter(|n| !owner_names.contains(n)) {
                    owner_names.push(name);
                }
                sentence_last = None;
                for m in ENTITY.find_iter(sentence.of(&article.text)) {
                    let name = known_entity(m.as_str());
                    sentence_last = Some(name);
                    named.push(name);
                    passed_by += usize::from(!owner_names.contains(&name));
                }
            }
        }
        assert!(
            asked > 1_000 && by_previous > 100 && by_owner > 100 && defaulted > 100 && passed_by > 0,
            "{asked} asked: {by_previous} by the sentence referred to, {by_owner} by an owner, {defaulted} \
             defaulted; {passed_by} names owning nothing"
        );
    }

    #[test]
    fn a_figures_names_told_by_table_are_those_its_parts_searched_alone_have() {
        // the parts find_figures asks of: the words before and after each number of a sentence,
        // and the sentence itself; the names read by ENTITY_BY_TWO_BYTES from the whole text's
        // matches (Entities::name_of) must be the search's, and must be read often
        let mut texts = crate::gen::sample_texts_and_typeset(200);
        texts.push(format!(
            "Yahoo said 5 so. {} Then 7 rose. Google rose 9.",
            OUTSIDE_ASCII.join(" 3 ")
        ));
        let searched = |text: &str, start: usize, end: usize| {
            let part = &text[start..end];
            let last = ENTITY.find_iter(part).last().map(|m| known_entity(m.as_str()));
            (last, ENTITY.find(part).map(|m| known_entity(m.as_str())))
        };
        let (mut parts, mut named, mut starting_a_sentence) = (0, 0, 0);
        let told_before = NAMED_BY_TABLE.with(|n| n.get());
        for text in &texts {
            let (article, sentences, found) = article_with_sentences_and_names(text);
            let text = &article.text;
            let whole = Entities::new(text, &found);
            let mut entities_from = 0;
            for &sentence in &sentences {
                let entities = whole.around_from(sentence, &mut entities_from);
                let s = sentence.of(text);
                let mut asked = vec![(sentence.start, sentence.end)];
                for m in crate::extract::number::find_numbers_without_text(s) {
                    let before = tail(&s[..m.start], CONTEXT_BYTES * 2);
                    let after = head(&s[m.end..], CONTEXT_BYTES);
                    let at = sentence.start + m.start;
                    asked.push((at - before.len(), at));
                    asked.push((sentence.start + m.end, sentence.start + m.end + after.len()));
                }
                for (start, end) in asked {
                    let (last, first) = searched(text, start, end);
                    assert_eq!(entities.last_in(start, end), last, "{:?}", &text[start..end]);
                    assert_eq!(entities.first_in(start, end), first, "{:?}", &text[start..end]);
                    parts += 1;
                    named += usize::from(last.is_some());
                    // a part that starts at a capital with no word character before it: the
                    // name there, if any, is the whole text's
                    let bytes = text.as_bytes();
                    starting_a_sentence += usize::from(
                        bytes.get(start).is_some_and(u8::is_ascii_uppercase) && !word_character_before(bytes, start),
                    );
                }
            }
        }
        let told = NAMED_BY_TABLE.with(|n| n.get()) - told_before;
        // each name found is read twice (last and first), by the table unless searched
        assert!(
            parts > 20_000 && named > 8_000 && told > 2 * named * 95 / 100 && starting_a_sentence > 7_000,
            "{parts} parts, {named} named, {told} told by table, {starting_a_sentence} starting a sentence"
        );
    }

    /// Names next to characters outside ASCII: letters (word characters), and quotes, dashes
    /// and spaces (not).
    const OUTSIDE_ASCII: [&str; 3] = [
        "éMicrosoft Googleé \u{2019}Apple\u{2019} Yahoo!é Yahoo!\u{2014} дAmazon Skype\u{a0}Adobeß",
        "\u{201c}Yahoo!\u{201d} Yahoo\u{2019}s AT&Tä LinkedInд Yahooé Yahoo!\u{661} \u{661}Reddit x\u{2014}Tumblr",
        "Ünd Comcast\u{2009}Verizon, Wikimedia\u{2026} ſnapchat Pinterest\u{212a}",
    ];

    #[test]
    fn a_text_the_non_figure_pattern_matches_in_may_hold_non_figures() {
        let texts = crate::gen::sample_texts(200);
        let mut lines: Vec<String> = texts.iter().flat_map(|t| t.lines()).map(str::to_owned).collect();
        for case in [
            "see HTTPS://x.org",
            "WwW.example.com",
            "a@b.c",
            "on 2015-03-27",
            "call 425 882-8080",
            "(425) 882.8080",
            "at 9:30",
            "at 9:30 P.M.",
            "at 9 a.m.",
            "at 9 A.M.",
            "at 9 pm",
            "12:00",
            "1:2",
            "2013-14",
            "3.0 million",
            "4,200-5,000",
            "ab.m.",
            "p.m",
            "",
            ":",
            "-",
            ".",
            "www",
            "x://",
            "9-",
            "-9",
            "1234-5",
            "123.456",
        ] {
            lines.push(case.to_owned());
            lines.push(format!("x {case} y"));
        }
        // Outside ASCII: typeset lines (curly quotes, dashes, no-break spaces), digits of other
        // scripts, and letters that fold to ASCII ones.
        let typeset: Vec<String> = texts.iter().map(|t| crate::gen::typeset(t)).collect();
        lines.extend(typeset.iter().flat_map(|t| t.lines()).map(str::to_owned));
        for case in [
            "Müller at 9:30 a.m.",
            "at \u{661}\u{662}:\u{663}\u{664}",
            "on \u{662}\u{660}\u{661}\u{665}-\u{660}\u{663}-\u{662}\u{667}",
            "call \u{966}\u{967}\u{968}-\u{969}\u{96a}\u{96b}\u{96c}",
            "at 9\u{a0}p.m. é",
            "at 9\u{2009}A.M. é",
            "httpſ://x.org",
            "ſee ẞ https://x",
            "wWw.пример.рф",
            "инфо@пример.рф",
            "tel. (425)\u{a0}882-8080 ü",
            "ⅩⅡ:30 and ½-2015 é",
        ] {
            lines.push(case.to_owned());
            lines.push(format!("é {case} y"));
        }
        let mut spared_outside_ascii = 0;
        for line in &lines {
            assert!(not_figures(line).is_empty() || may_hold_non_figures(line), "{line:?}");
            spared_outside_ascii += usize::from(!line.is_ascii() && !may_hold_non_figures(line));
        }
        assert!(spared_outside_ascii > 100, "{spared_outside_ascii}");
        // The scan's pass tells what the passes of its own told, and whether the text is ASCII,
        // with each line at every place of a block of 32 bytes (marks at its edges and past
        // its end).
        let (mut may, mut may_not) = (0, 0);
        for line in &lines {
            for pad in 0..32 {
                let text = format!("{}{line}", "x".repeat(pad));
                let scanned = scan(&text);
                assert_eq!(
                    scanned.may_hold_non_figures,
                    may_hold_non_figures_by_memchr(&text),
                    "{text:?}"
                );
                assert_eq!(scanned.ascii, text.is_ascii(), "{text:?}");
                may += usize::from(scanned.may_hold_non_figures);
                may_not += usize::from(!scanned.may_hold_non_figures);
            }
        }
        assert!(may > 2_000 && may_not > 20_000, "{may} may, {may_not} may not");
        assert!(!may_hold_non_figures(
            "Yahoo got 20,316 requests, down 8.5 percent (from 22,191) in 2014."
        ));
        assert!(!may_hold_non_figures(
            "Müller got 20,316 requests \u{2014} 8.5\u{a0}percent."
        ));
    }

    #[test]
    fn text_said_to_end_no_comparison_matches_no_comparison_pattern() {
        let befores = [
            "down from ",
            "up 5 percent from about ",
            "compared with the ",
            "Compared  To roughly ",
            "more than ",
            "higher than the nearly ",
            "slightly below the ",
            "Above the about ",
            "vs. ",
            "VS ",
            "versus the ",
            "against ",
            "rose to ",
            "received ",
            "of ",
            "about",
            "",
            " ",
            "xfrom ",
            "5from ",
            "fell 3 percent, from\t",
            "was 5 vs.",
            "dropped é from ",
            "from\u{a0}",
            "down from\u{2009}\t",
            "higher than\u{a0} ",
            "verſus ",
            "vſ. ",
            "\u{2014}from ",
            "éfrom ",
            "fell to é ",
            "5 vs.\u{a0}",
            // every ending, after a letter outside ASCII, a letter, a mark and nothing
            "a drop from the record ",
            "compared with ",
            "up against ",
            "up from about ",
            "compared to roughly ",
            "down from nearly ",
            "higher than ",
            "higher versus ",
            "caféfrom ",
            "caférecord ",
            "cafévs ",
            "éthan ",
            "xthan ",
            "(than ",
            "than ",
            "a ",
            "é ",
            "rose ſ ",
        ];
        let mut samples: Vec<String> = Vec::new();
        for text in crate::gen::sample_texts(100) {
            let typeset = crate::gen::typeset(&text);
            for t in [text, typeset] {
                // the text before every digit, as the figures' comparisons read it
                for (i, _) in t.match_indices(|c: char| c.is_ascii_digit()) {
                    samples.push(tail(&t[..i], CONTEXT_BYTES).to_string());
                }
            }
        }
        let (mut compared, mut outside_ascii, mut spared_outside_ascii) = (0, 0, 0);
        // searches spared where another pattern may match (after "from" or "to")
        let mut spared_beside = 0;
        // words told by their last two bytes alone, and the words those let through
        let (mut told_by_letters, mut read_back) = (0, 0);
        for b in befores.iter().copied().chain(samples.iter().map(String::as_str)) {
            let may = comparisons_that_may_end(b);
            let word = b.trim_end_matches(|c: char| c.is_ascii_whitespace());
            let word = word.strip_suffix('.').unwrap_or(word);
            if word.len() < b.len() && word.ends_with(|c: char| c.is_ascii_alphabetic()) {
                // the last two letters, or a letter after a byte outside ASCII
                let bytes = word.as_bytes();
                let last_two = &bytes[bytes.len().saturating_sub(2)..];
                let may_end_one = !last_two[0].is_ascii()
                    || COMPARISON_ENDINGS
                        .iter()
                        .any(|(w, _)| last_two.eq_ignore_ascii_case(&w.as_bytes()[w.len() - last_two.len()..]))
                        && (last_two.len() == 2 && last_two[0].is_ascii_alphabetic());
                assert_eq!(ends_in_no_ending_letters(bytes), !may_end_one, "{b:?}");
                told_by_letters += usize::from(!may_end_one);
                read_back += usize::from(may_end_one);
            }
            let mut any = false;
            for (pattern, bit) in [(&COMPARED_FROM, MAY_COMPARE_FROM), (&THAN, MAY_THAN), (&FROM, MAY_FROM)] {
                let matches = pattern.is_match(b);
                assert!(!matches || may & bit != 0, "{b:?} {bit}");
                any |= matches;
                spared_beside += usize::from(may != 0 && may & bit == 0);
            }
            // the nouns of change and "against" after a comma are asked under the same bit
            if noun_of_change_before(b).is_some() || comma_against_before(b) {
                assert!(may & MAY_COMPARE_FROM != 0, "{b:?}");
                any = true;
            }
            compared += usize::from(any);
            outside_ascii += usize::from(any && !b.is_ascii());
            spared_outside_ascii += usize::from(!b.is_ascii() && may == 0);
        }
        assert!(
            compared > 200
                && outside_ascii > 15
                && spared_outside_ascii > 1000
                && spared_beside > 200
                && told_by_letters > 1000
                && read_back > 500,
            "{compared} compared, {outside_ascii} outside ASCII, {spared_outside_ascii} spared outside ASCII, \
             {spared_beside} spared beside another, {told_by_letters} told by two bytes, {read_back} read back"
        );
        assert_eq!(comparisons_that_may_end("in "), 0);
        assert_eq!(comparisons_that_may_end("and "), 0);
        assert_eq!(comparisons_that_may_end("a "), 0);
        assert_eq!(comparisons_that_may_end("caféed "), 0);
        assert_eq!(
            comparisons_that_may_end("cafévs "),
            MAY_COMPARE_FROM | MAY_THAN | MAY_FROM
        );
        assert_eq!(comparisons_that_may_end("received "), 0);
        assert_eq!(comparisons_that_may_end("\u{201c}we received "), 0);
        assert_eq!(comparisons_that_may_end("rose to "), 0);
        assert_eq!(comparisons_that_may_end("Compared with "), MAY_COMPARE_FROM);
        assert_eq!(comparisons_that_may_end("up 5%, compared to "), MAY_COMPARE_FROM);
        assert_eq!(comparisons_that_may_end("of the "), MAY_THAN);
        assert_eq!(comparisons_that_may_end("down from the "), MAY_COMPARE_FROM | MAY_THAN);
        assert_eq!(comparisons_that_may_end("up\u{a0}on the "), MAY_COMPARE_FROM | MAY_THAN);
        assert_eq!(comparisons_that_may_end("figures on the "), MAY_COMPARE_FROM | MAY_THAN);
        assert_eq!(comparisons_that_may_end("5the "), MAY_THAN);
        assert_eq!(
            comparisons_that_may_end("of the demands,against the "),
            MAY_COMPARE_FROM | MAY_THAN
        );
        assert_eq!(
            comparisons_that_may_end("a rise,from the "),
            MAY_COMPARE_FROM | MAY_THAN
        );
        assert_eq!(
            comparisons_that_may_end("from\u{2009} the "),
            MAY_COMPARE_FROM | MAY_THAN
        );
        // "compar" is told in ASCII case: none of its letters has a case outside ASCII
        for letter in "compar".chars() {
            let pattern = regex::Regex::new(&format!("(?i)^{letter}$")).expect("a pattern");
            let cases = (0..=char::MAX as u32)
                .filter_map(char::from_u32)
                .filter(|c| pattern.is_match(c.encode_utf8(&mut [0; 4])));
            assert!(
                cases.clone().all(|c| c.is_ascii()),
                "{letter}: {:?}",
                cases.collect::<Vec<_>>()
            );
        }
        assert_eq!(comparisons_that_may_end("more than "), MAY_THAN);
    }

    #[test]
    fn the_last_letters_packed_are_those_counted_back_and_the_last_word_of_is_the_split_ones() {
        let mut texts: Vec<String> = Vec::new();
        for line in crate::gen::sample_texts_and_typeset(100).iter().flat_map(|t| t.lines()) {
            for (i, _) in line.match_indices(|c: char| c.is_ascii_digit() || c == ' ') {
                texts.push(tail(&line[..i], CONTEXT_BYTES).to_string());
            }
        }
        let words = [
            "of", "OF", "Of", "than", "against", "roughly", "Against", "xagainst", "ofof", "é", "5",
        ];
        let gaps = [" ", "\t", "", "\u{a0}", "\u{2009}", ",", "."];
        texts.extend(crate::gen::random_phrases(&words, &gaps, 1, 4, 20_000));
        let (mut endings, mut of) = (0, 0);
        for t in &texts {
            let words = t.trim_end_matches(|c: char| c.is_ascii_whitespace()).as_bytes();
            // the letters counted back, and the ending they are
            let len = words.iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
            let last = &words[words.len() - len..];
            let ending = COMPARISON_ENDINGS
                .iter()
                .position(|(w, _)| last.eq_ignore_ascii_case(w.as_bytes()));
            match last_letters_packed(words) {
                Some((packed, read)) => {
                    assert_eq!(read, len, "{t:?}");
                    assert_eq!(
                        COMPARISON_ENDINGS_PACKED.iter().position(|&p| p == packed),
                        ending,
                        "{t:?}"
                    );
                }
                None => assert!(len > 7 && ending.is_none(), "{t:?}"),
            }
            endings += usize::from(ending.is_some());
            let split_of = t.split_whitespace().next_back() == Some("of");
            assert_eq!(last_word_is_of(t), split_of, "{t:?}");
            of += usize::from(split_of);
        }
        assert!(
            endings > 2_000 && of > 2_000,
            "{endings} endings, {of} ending in \"of\""
        );
    }

    #[test]
    fn the_comparison_word_read_by_hand_is_the_group_of_the_capture_search() {
        let mut befores: Vec<String> = Vec::new();
        for line in crate::gen::sample_lines(300) {
            // the text before every digit, as the figures' comparisons read it
            for (i, _) in line.match_indices(|c: char| c.is_ascii_digit()) {
                befores.push(tail(&line[..i], CONTEXT_BYTES).to_string());
            }
        }
        for case in [
            "Requests DECREASED by 5 percent, to ",
            "rose 12.5% in 2014 from about ",
            "up\tfrom the ",
            "Compared  With roughly ",
            "it dipped sharply, from ",
            "fell 5, 6 and 7 against the nearly ",
            "jumped from  ",
            "growing more to ",
            "upfrom ",
            "xdown from ",
            "down é from ",
        ] {
            befores.push(case.to_string());
        }
        let mut words = 0;
        for b in &befores {
            let by_groups = COMPARED_FROM.captures(b).map(|c| {
                c.name("dir")
                    .or_else(|| c.name("cmp"))
                    .expect("a word")
                    .as_str()
                    .to_string()
            });
            assert_eq!(comparison_word(b, b.is_ascii()).map(str::to_string), by_groups, "{b:?}");
            words += usize::from(by_groups.is_some());
        }
        assert!(words > 300, "{words} comparison words");
    }

    #[test]
    fn coverage_is_asked_only_when_a_carried_figure_has_no_owner_and_drops_the_same_periods() {
        let text = "Yahoo received 20,316 requests in 2014. It got 645 more. Then 1,032 came.";
        let figures = figures_of(text);
        assert!(
            figures.len() >= 3 && figures.iter().all(|f| f.period.is_some()),
            "{figures:?}"
        );
        let (mut asked, mut dropped) = (0, 0);
        // every set of owners and of carried figures, either answer
        for owned in 0..1u32 << figures.len() {
            for carried_bits in 0..1u32 << figures.len() {
                for covers in [false, true] {
                    let mut these = figures.clone();
                    for (k, f) in these.iter_mut().enumerate() {
                        f.entity = (owned >> k & 1 == 1).then_some("Yahoo");
                    }
                    let carried: Vec<usize> = (0..these.len()).filter(|k| carried_bits >> k & 1 == 1).collect();
                    // as it read before: asked whenever a figure was carried
                    let mut expected = these.clone();
                    if !carried.is_empty() && !covers {
                        for &k in &carried {
                            if expected[k].entity.is_none() {
                                expected[k].period = None;
                            }
                        }
                    }
                    let mut was_asked = false;
                    keep_carried_periods_of_owned_figures(&mut these, &carried, || {
                        was_asked = true;
                        covers
                    });
                    let periods = |fs: &[Figure]| fs.iter().map(|f| f.period.clone()).collect::<Vec<_>>();
                    assert_eq!(periods(&these), periods(&expected), "{owned} {carried_bits} {covers}");
                    let unowned_carried = carried.iter().any(|&k| these[k].entity.is_none());
                    assert_eq!(was_asked, unowned_carried, "{owned} {carried_bits}");
                    asked += usize::from(was_asked);
                    dropped += periods(&these).iter().filter(|p| p.is_none()).count();
                }
            }
        }
        assert!(asked > 0 && dropped > 0, "{asked} {dropped}");
    }

    fn figures_of(text: &str) -> Vec<Figure> {
        let mut article = Article::default();
        article.set_paragraphs(text.split(
            "

",
        ));
        extract(&article).figures
    }

    #[test]
    fn text_between_with_no_comma_or_semicolon_breaks_no_clause() {
        let mut texts: Vec<String> = Vec::new();
        for line in crate::gen::sample_lines(300) {
            // every piece from a digit to a later place, as a figure's text before a period
            let digits: Vec<usize> = line
                .match_indices(|c: char| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            for &from in digits.iter().step_by(3) {
                for (to, _) in line[from..].char_indices().step_by(7).take(12) {
                    texts.push(line[from..from + to].to_string());
                }
            }
        }
        for case in [
            ", and it ",
            ", but they",
            "; in 2020 ",
            ", where ",
            " and it ",
            "but they ",
            " where ",
        ] {
            texts.push(format!("5 requests{case}"));
        }
        let (mut unbroken, mut broken) = (0, 0);
        for between in &texts {
            let breaks = opens_a_coordinated_clause(between)
                || super::super::claim::clause_after_comma(between).is_some()
                || between.contains(';');
            assert!(between_may_break_a_clause(between) || !breaks, "{between:?}");
            unbroken += usize::from(!between_may_break_a_clause(between));
            broken += usize::from(breaks);
        }
        assert!(unbroken > 5_000 && broken > 100, "{unbroken} {broken}");
    }

    #[test]
    fn totals_and_present_sizes_told_by_a_byte_or_the_value_are_those_told_by_the_words() {
        let words = [
            "total",
            "TOTAL",
            "Totalled",
            "totaling",
            "totalling",
            "totaled",
            "of",
            "OF",
            "make",
            "Make",
            "Together",
            "they",
            "for a",
            "in",
            "requests",
            "old",
            "used by",
            "which has",
            "which serves",
            "has",
            "Has",
            "employs",
            "in front of",
            "lists",
            "\u{a0}",
            "’",
            "é",
            "",
        ];
        let ends = ["", " ", ",", ", ", "  ", ",,", " ,", "\u{a0}", " \t"];
        let values = [
            None,
            Some(12.0),
            Some(999.0),
            Some(1e3),
            Some(2.5e4),
            Some(1e6),
            Some(3e7),
            Some(f64::NAN),
        ];
        let (mut totals, mut sizes, mut texts) = (0, 0, 0);
        for a in words {
            for b in words {
                for c in words {
                    for end in ends {
                        let before = format!("{a} {b}, {c}{end}");
                        texts += 1;
                        let total = is_named_a_total_by_words(&before);
                        assert_eq!(is_named_a_total(&before), total, "{before:?}");
                        totals += usize::from(total);
                        for value in values {
                            for (approx, population) in [(false, false), (true, false), (false, true), (true, true)] {
                                let size = is_present_size_by_words(&before, value, approx, population);
                                assert_eq!(is_present_size(&before, value, approx, population), size, "{before:?}");
                                sizes += usize::from(size);
                            }
                        }
                    }
                }
            }
        }
        assert!(
            texts > 150_000 && totals > 1_000 && sizes > 10_000,
            "{texts} {totals} {sizes}"
        );
    }

    /// [`is_part_of_a_legal_citation`] as it read before its first-letter tests: every code
    /// compared on both sides.
    fn is_part_of_a_legal_citation_by_codes(sentence: &str, m: &Mention) -> bool {
        const CODES: [&[u8]; 4] = [b"CFR", b"C.F.R.", b"U.S.C.", b"USC"];
        let bytes = sentence.as_bytes();
        let (before, after) = (&bytes[..m.start], &bytes[m.end..]);
        let code_after = after.strip_prefix(b" ").is_some_and(|a| {
            CODES
                .iter()
                .any(|c| a.starts_with(c) && !a.get(c.len()).is_some_and(u8::is_ascii_alphanumeric))
        });
        let before = before.strip_suffix("§ ".as_bytes()).unwrap_or(before);
        let code_before = before
            .strip_suffix(b" ")
            .is_some_and(|b| CODES.iter().any(|c| b.ends_with(c)));
        code_after || code_before
    }

    #[test]
    fn legal_citations_told_by_first_letters_are_those_told_by_every_code() {
        let codes = ["CFR", "C.F.R.", "U.S.C.", "USC", "CF", "U.S", "CFRs", "USC1", "Code"];
        let mut lines = crate::gen::sample_lines(100);
        for code in codes {
            for (before, after) in [(" ", ""), (" ", " "), (" § ", ""), ("§ ", "."), ("", " "), (" ", "x")] {
                lines.push(format!(
                    "Title 45 {code}{before}164.512 and 18{after}{code} 2702{after}"
                ));
            }
        }
        let (mut citations, mut mentions) = (0, 0);
        for line in &lines {
            for m in crate::extract::number::find_numbers(line) {
                let by_codes = is_part_of_a_legal_citation_by_codes(line, &m);
                assert_eq!(
                    is_part_of_a_legal_citation(line, &m),
                    by_codes,
                    "{:?} in {line:?}",
                    m.text
                );
                (citations, mentions) = (citations + usize::from(by_codes), mentions + 1);
            }
        }
        assert!(
            citations > 50 && mentions > 3_000,
            "{citations} citations of {mentions} mentions"
        );
    }

    #[test]
    fn words_after_a_number_passed_by_their_shape_start_no_measurement() {
        // every word read in full, in three cases, with what may follow it
        let abbreviations = UNIT_ABBREVIATIONS.iter().chain(&UNIT_ABBREVIATIONS_OUTSIDE_ASCII);
        let known = UNIT_WORDS.iter().chain(abbreviations).chain(&UNIT_QUALIFIERS);
        let cased = known.chain(&READING_TIME_WORDS).flat_map(|w| {
            let title: String = w
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .chain(w.chars().skip(1))
                .collect();
            [w.to_string(), w.to_uppercase(), title]
        });
        let tails = ["", " read", " tons", " Feet", ".", "s", "é", "°", "1"];
        let mut afters: Vec<String> = cased.flat_map(|w| tails.map(|tail| format!(" {w}{tail}"))).collect();
        // and the text after every digit of the sample lines, typeset too (no-break spaces)
        for text in crate::gen::sample_texts_and_typeset(100) {
            let digits = text.bytes().enumerate().filter(|(_, b)| b.is_ascii_digit());
            afters.extend(digits.map(|(at, _)| head(&text[at + 1..], 40).to_owned()));
        }
        afters.extend(
            [
                "",
                " ",
                "\u{a0}kg",
                " кг",
                " °F",
                " Ккал",
                " x",
                " m",
                " in",
                " inch",
                " Mb",
            ]
            .map(String::from),
        );
        let (mut measurements, mut passed_by) = (0, 0);
        for after in &afters {
            let spaced = after.strip_prefix(' ').or_else(|| after.strip_prefix('\u{a0}'));
            let read = spaced.unwrap_or(after);
            let in_full = starts_with_a_unit(read);
            assert_eq!(is_a_measurement(after), in_full, "{after:?}");
            measurements += usize::from(in_full);
            passed_by += usize::from(!may_start_a_measurement(read.as_bytes()));
        }
        assert!(
            measurements > 1_500 && passed_by > 18_000,
            "{measurements} measurements, {passed_by} passed by of {}",
            afters.len()
        );
    }

    #[test]
    fn the_measure_read_by_hand_is_the_group_of_the_capture_search() {
        let afters = [
            " law enforcement requests in 2014",
            ", of the requests",
            " of these new user accounts",
            " OF THE Accounts",
            " of requests",
            " of the the requests",
            " of its   new   subscribers.",
            " new requests",
            " newer requests",
            " of new of the items",
            " pieces of content removed",
            " of them",
            " other people and devices",
            " thesis requests",
            "",
            " ,, , users",
            " of\tthe\nrequests",
            " requestsx",
            " of all of those requests",
            " requests\u{2019} share",
            " new requests\u{2014}most",
            " of the\u{a0}requests\u{201d}",
            " requestsé",
            " requests\u{2019}é",
            " reque\u{17f}ts\u{2019}",
            " ſ requests\u{2013}",
            " \u{212a}ey requests\u{2026}",
            " law-enforcement\u{2010}requests",
            " of\u{2003}the requests\u{201c}",
            " requests\u{3000}",
            " requests\u{2028}x",
            " \u{2019}requests",
            " requests\u{200d}",
            " requests from Müller",
            " new users in Zürich",
            " of the requests\u{e9}",
            " of the é requests",
            " of Müller's requests",
        ];
        let mut read_by_hand = 0;
        for after in afters {
            let by_groups = MEASURE.captures(after).and_then(|c| c.name("m")).map(|m| m.as_str());
            assert_eq!(measure_after(after, after.is_ascii()), by_groups, "{after:?}");
            read_by_hand += usize::from(!after.is_ascii() && measure_in_ascii_start(after).is_some());
        }
        assert_eq!(read_by_hand, 9);
    }
    #[test]
    fn the_measure_read_by_hand_is_the_group_of_the_capture_search_on_every_short_phrase() {
        // Every sequence of up to four of these pieces, each after a space, a comma or a tab:
        // heads, modifiers, the words the pattern skips, near-heads and word boundaries.
        let pieces = [
            "requests",
            "Request",
            "USERS",
            "userx",
            "of",
            "the",
            "new",
            "law-enforcement",
            "pieces",
            "content",
            "-",
            "2014",
        ];
        let seps = [" ", ", ", "\t"];
        let mut afters = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = afters
                .iter()
                .enumerate()
                .flat_map(|(i, a)| pieces.iter().map(move |p| format!("{a}{}{p}", seps[(i + p.len()) % 3])))
                .collect();
            afters.extend(longer.into_iter().filter(|a| a.len() < 48));
            afters.dedup();
        }
        assert!(afters.len() > 10_000, "{}", afters.len());
        // both sides of the shortcut for a first word that cannot be "of" or "new"
        let other_first = afters
            .iter()
            .filter(|a| !a.trim_start_matches([' ', ',', '\t']).starts_with(['o', 'O', 'n', 'N']))
            .count();
        assert!(
            other_first > 5_000 && afters.len() - other_first > 2_000,
            "{other_first}"
        );
        let anchored = Pattern::new(&format!("(?ix)^{}", measured())).unwrap();
        for after in &afters {
            let by_groups = MEASURE.captures(after).and_then(|c| c.name("m")).map(|m| m.as_str());
            assert_eq!(measure_after(after, after.is_ascii()), by_groups, "{after:?}");
            let trimmed = after.trim_start();
            let by_pattern = anchored.find(trimmed).map(|m| m.end());
            assert_eq!(measured_here_ascii(trimmed.as_bytes()), by_pattern, "{trimmed:?}");
        }
    }

    #[test]
    fn the_word_before_spaces_read_by_bytes_is_the_one_read_by_chars() {
        let written = [
            "Office ",
            "Office\u{a0}",
            "Café ",
            "Straße 1 ",
            "x\u{2009}Windows  ",
            "version\t",
            "  ",
            "",
            "Windows",
            "é ",
            "AT&T ",
            "\u{2003}",
            "Ⅻ ",
        ];
        let lines = crate::gen::sample_lines(100);
        let (mut words, mut by_chars, mut compared) = (0, 0, 0);
        for text in lines.iter().map(String::as_str).chain(written) {
            // every prefix that ends before a character, as a mention's start cuts a sentence
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let before = &text[..at];
                let expected = word_before_spaces_by_chars(before);
                compared += 1;
                words += usize::from(expected.is_some_and(|(w, _)| !w.is_empty()));
                let bytes = before.as_bytes();
                let words_end = spaces_start(bytes, bytes.len());
                let word_start = words_end
                    - bytes[..words_end]
                        .iter()
                        .rev()
                        .take_while(|b| b.is_ascii_alphanumeric())
                        .count();
                by_chars += usize::from(word_start > 0 && !bytes[word_start - 1].is_ascii());
                assert_eq!(word_before_spaces(before), expected, "{before:?}");
            }
        }
        assert!(
            words > 10_000 && by_chars > 20 && compared > 100_000,
            "{words} words, {by_chars} by chars in {compared}"
        );
    }

    #[test]
    fn the_spaces_and_alphanumerics_of_16_bytes_found_at_once_are_those_tested_byte_by_byte() {
        let mut blocks = 0;
        for block in blocks_with_every_byte_everywhere(b"aZ09 \t\r\n\x0b\x0c\x08\x0e@[`{/:\xff\x80\xe2\xa0_-.") {
            for sixteen in [&block[..16], &block[16..]] {
                let sixteen: &[u8; 16] = sixteen.try_into().unwrap();
                let by_bytes = spaces_and_alphanumerics_by_bytes(sixteen);
                assert_eq!(spaces_and_alphanumerics_of_16(sixteen), by_bytes, "{sixteen:?}");
                blocks += usize::from(by_bytes.0 != 0 && by_bytes.1 != 0);
            }
        }
        assert!(blocks > 16_000, "{blocks} blocks with spaces and letters or digits");
        // and the bytes test itself, on every byte value
        for value in 0..=255u8 {
            let (spaces, alphanumerics) = spaces_and_alphanumerics_by_bytes(&[value; 16]);
            assert_eq!(
                spaces != 0,
                value.is_ascii() && char::from(value).is_whitespace(),
                "{value}"
            );
            assert_eq!(alphanumerics != 0, value.is_ascii_alphanumeric(), "{value}");
        }
        // and every byte value at every place of a block of each filling, both ways
        for (sixteen, place, value) in crate::extract::lanes::every_byte_at_every_place(b"a \xe2") {
            let by_bytes = spaces_and_alphanumerics_by_bytes(&sixteen);
            assert_eq!(spaces_and_alphanumerics_of_16(&sixteen), by_bytes, "{value} at {place}");
        }
    }

    #[test]
    fn the_word_before_spaces_told_by_the_last_16_bytes_is_the_one_read_byte_by_byte() {
        let written = [
            "Office ",
            "Microsoft Office 365 ",
            "the version\t\t",
            "                  ",
            "abcdefghijklmnopqrstuvwxyz ",
            "x abcdefghijklmn ",
            "x abcdefghijklm  ",
            "x abcdefghijklmno",
            "in the Café Windows ",
            "in the Straße\u{a0}",
            "\u{2003}\u{2003}\u{2003}\u{2003}\u{2003}\u{2003} ",
            "worth 12,000 and 365 ",
            "AT&T and Verizon\x0b\x0c",
        ];
        let lines = crate::gen::sample_lines(100);
        let texts: Vec<&str> = lines.iter().map(String::as_str).chain(written).collect();
        let before = WORDS_IN_LAST_16.with(std::cell::Cell::get);
        let mut compared = 0;
        for text in texts {
            // every prefix, as a mention's start cuts a sentence (the bytes are read alone)
            for at in 0..=text.len() {
                let bytes = &text.as_bytes()[..at];
                if let Some(told) = word_in_last_16(bytes) {
                    assert_eq!(told, word_by_bytes(bytes), "{bytes:?}");
                }
                compared += 1;
            }
        }
        let told = WORDS_IN_LAST_16.with(std::cell::Cell::get) - before;
        assert!(compared > 100_000 && told > compared / 2, "{told} told of {compared}");
    }

    #[test]
    fn the_paragraph_walked_from_the_last_is_the_one_found_by_binary_search() {
        let by_search = |paragraphs: &[Span], sentence: Span| {
            paragraphs
                .get(paragraphs.partition_point(|p| p.end < sentence.end))
                .copied()
        };
        let walked_before = PARAGRAPHS_WALKED_FROM_LAST.with(Cell::get);
        let mut asked = 0;
        for text in crate::gen::sample_lines(60).chunks(4).map(|c| c.join("\n\n")) {
            let (article, sentences, _) = article_with_sentences_and_names(&text);
            let paragraphs = &article.paragraphs;
            // in order, in order with repeats (several figures of a sentence), backwards, and
            // spans that are no sentence: inside a paragraph, across two, past the last
            let repeated: Vec<Span> = sentences.iter().flat_map(|&s| [s, s, s]).collect();
            let backwards: Vec<Span> = sentences.iter().rev().copied().collect();
            let odd: Vec<Span> = (0..text.len())
                .step_by(37)
                .map(|start| Span::new(start, (start + 90).min(text.len() + 5)))
                .collect();
            for order in [&sentences, &repeated, &backwards, &odd] {
                let mut from = 0;
                for &sentence in order {
                    assert_eq!(
                        paragraph_from(paragraphs, &mut from, sentence),
                        by_search(paragraphs, sentence),
                        "{sentence:?} in {paragraphs:?}"
                    );
                    asked += 1;
                }
            }
        }
        let walked = PARAGRAPHS_WALKED_FROM_LAST.with(Cell::get) - walked_before;
        assert!(
            asked > 5_000 && walked > asked / 2,
            "{walked} walked from the last of {asked}"
        );
    }

    /// [`head_at`] comparing every head of the initial.
    fn head_at_by_every_head(bytes: &[u8], at: usize) -> Option<usize> {
        let first = bytes.get(at)?.to_ascii_lowercase();
        let heads = MEASURE_HEADS_BY_INITIAL.get(usize::from(first.wrapping_sub(b'a')))?;
        heads
            .iter()
            .find_map(|words| words_at(bytes, at, words))
            .filter(|&end| !bytes.get(end).copied().is_some_and(is_word_byte))
    }

    #[test]
    fn words_compared_by_bit_0x20_are_those_equal_ignoring_ascii_case() {
        // every word words_at compares is ASCII lower-case letters ...
        let read = ["of", "the", "all", "those", "these", "its", "new"];
        for word in MEASURE_HEADS.iter().flat_map(|h| h.split(' ')).chain(read) {
            assert!(
                !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()),
                "{word:?}"
            );
        }
        // ... and a byte with bit 0x20 set is such a letter exactly when it is it in any case
        let mut equal = 0;
        for w in b'a'..=b'z' {
            for b in 0..=255u8 {
                assert_eq!(b | 0x20 == w, b.eq_ignore_ascii_case(&w), "{b} {w}");
                equal += usize::from(b | 0x20 == w);
            }
        }
        assert_eq!(equal, 52);
        assert_eq!(
            words_at(b"Pieces \t OF  contenT.", 0, &["pieces", "of", "content"]),
            Some(20)
        );
        assert_eq!(
            words_at(b"PIECES OF CONTENTS", 0, &["pieces", "of", "content"]),
            Some(17)
        );
        assert_eq!(words_at(b"pieces-of content", 0, &["pieces", "of", "content"]), None);
        assert_eq!(words_at(b"Pieces\x0dof", 0, &["pieces", "of"]), Some(9));
        assert_eq!(words_at(b"pieceS-", 0, &["pieces", "of"]), None);
    }

    #[test]
    fn heads_compared_by_the_length_of_the_word_are_those_found_comparing_every_head() {
        // no head's first word starts a later head's first word (the first found stays first)
        for (i, a) in MEASURE_HEADS.iter().enumerate() {
            let first = a.split(' ').next().unwrap();
            assert!(a.bytes().all(|b| b.is_ascii_lowercase() || b == b' '), "{a}");
            for b in &MEASURE_HEADS[i + 1..] {
                let later = b.split(' ').next().unwrap();
                assert!(first == later || !later.starts_with(first), "{a} {b}");
            }
        }
        // at every byte of sample lines, and of heads cut, lengthened and run together
        let lines = crate::gen::sample_lines(200);
        let written = "requests requestsx Request REQUESTS userss users_ user1 pieces of\tcontent pieces ofcontent \
                       piecesof content pieces  of  contentx apps applications app sites siteS url urls- requests";
        let (mut heads, mut compared) = (0, 0);
        for line in lines.iter().map(String::as_str).chain([written]) {
            let bytes = line.as_bytes();
            for at in 0..bytes.len() {
                let letters = bytes[at..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
                let by_every_head = head_at_by_every_head(bytes, at);
                heads += usize::from(by_every_head.is_some());
                compared += 1;
                assert_eq!(head_at(bytes, at, letters), by_every_head, "{line:?} at {at}");
            }
        }
        assert!(heads > 1_000 && compared > 100_000, "{heads} heads in {compared}");
    }

    /// [`lowercase_single_spaced`] without its copy of words written so already.
    fn lowercase_single_spaced_by_words(words: &str) -> String {
        words.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn words_copied_whole_are_those_lowercased_and_spaced_word_by_word() {
        let written = [
            " Law \x0b Enforcement\t\nREQUESTS ",
            "pieces\x0cof\rcontent",
            "",
            "   ",
            "a",
            "Étapes  USERS\u{a0}x \u{2009}y",
            "\u{212a}elvin ſ",
            "law enforcement requests",
            "law enforcement requests ",
            " law",
            "law\x0brequests",
            "pieces of content",
        ];
        let lines = crate::gen::sample_lines(100);
        // every line, and every run of up to four of its words as a measure is read
        let words: Vec<String> = lines
            .iter()
            .flat_map(|l| {
                let w: Vec<&str> = l.split(' ').collect();
                (0..w.len()).map(move |i| w[i..w.len().min(i + 4)].join(" "))
            })
            .collect();
        let (mut copied, mut outside_ascii) = (0, 0);
        let texts = written
            .iter()
            .copied()
            .chain(lines.iter().chain(&words).map(String::as_str));
        for text in texts {
            outside_ascii += usize::from(!text.is_ascii());
            copied += usize::from(is_single_spaced(text.as_bytes(), false));
            // with capitals allowed: the names (not empty) that a split and a join give back
            // unchanged
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let unchanged = text.is_ascii() && !text.is_empty() && joined == text;
            assert_eq!(is_single_spaced(text.as_bytes(), true), unchanged, "{text:?}");
            assert_eq!(
                lowercase_single_spaced(text),
                lowercase_single_spaced_by_words(text),
                "{text:?}"
            );
        }
        assert!(
            outside_ascii >= 2 && copied > 1_000,
            "{outside_ascii} outside ASCII, {copied} copied"
        );
    }

    #[test]
    fn the_hand_read_measure_takes_the_pieces_of_content_phrase_and_up_to_three_modifiers() {
        assert_eq!(measured_here_ascii(b"pieces \n of  content removed"), Some(20));
        assert_eq!(measured_here_ascii(b"pieces of contents"), None);
        assert_eq!(measured_here_ascii(b"a b c requests"), Some(14));
        assert_eq!(measured_here_ascii(b"a b c d requests"), None);
        assert_eq!(
            measured_here_ascii(b"new user accounts"),
            Some(8),
            "the fewest modifiers: `user`"
        );
    }

    use crate::extract::extract;

    /// (text, period, measure, entity) of each figure.
    type Row = (String, Option<String>, Option<String>, Option<String>);

    /// The figures of `text` (paragraphs split at blank lines) with their periods.
    fn figure_periods(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        figures(text, published).into_iter().map(|f| (f.0, f.1)).collect()
    }

    /// (text, period) of each of the `figures`, borrowed, to compare with a table of literals.
    fn text_and_period(figures: &[Row]) -> Vec<(&str, Option<&str>)> {
        figures.iter().map(|f| (f.0.as_str(), f.1.as_deref())).collect()
    }

    fn figures(text: &str, published: Option<&str>) -> Vec<Row> {
        let mut a = Article {
            published: published.map(str::to_owned),
            ..Article::default()
        };
        a.set_paragraphs(text.split("\n\n"));
        extract(&a)
            .figures
            .iter()
            .map(|f| {
                (
                    f.span.of(&a.text).to_owned(),
                    f.period.as_ref().map(Period::label),
                    f.measure.clone(),
                    f.entity.map(str::to_owned),
                )
            })
            .collect()
    }

    /// A quarter's coverage: "the final quarter" is the fourth; a period named after the lede's
    /// figures in an aside ("a policy change the company made last year") is not what the next
    /// paragraphs are about, and "between January and March" there is the report's quarter.
    #[test]
    fn an_aside_after_the_ledes_figures_leaves_the_report_period_in_place() {
        let text = "Telegram handed user data to Indian authorities in 4,312 cases in the first \
                    quarter of 2025, as police make use of a policy change the company made last year.\n\n\
                    The number was up 41% from 3,262 in the final quarter of 2024. The requests, \
                    fulfilled between January and March, covered 6,908 users.\n\n\
                    Germany came next, with 612 affected users.";
        let got = figure_periods(text, Some("2025-04-24"));
        assert_eq!(
            as_pairs(&got),
            [
                ("4,312", Some("2025-Q1")),
                ("41%", Some("2025-Q1")),
                ("3,262", Some("2024-Q4")),
                ("6,908", Some("2025-Q1")),
                ("612", Some("2025-Q1")),
            ]
        );
        // a period of comparison after the figures is no aside: the sentence's own stays
        let text = "The 2016 total was 6% higher than the 1,428 requests of 2015, which had risen 34% \
                    from 1,063 the year before. Across the three years the count rose by 444.";
        assert_eq!(period_labels(text).last(), Some(&Some("2016".to_owned())));
    }

    /// A month with no year is a figure's in its clause ("surveyed 2,104 adults in October"),
    /// an event's in a clause of its own or past a comma before the figure, and an event's
    /// month that no figure took is not what the next sentences are about.
    #[test]
    fn a_month_with_no_year_is_an_events_outside_the_figures_clause() {
        let periods = |text: &str| periods_published(text, "2024-03-01");
        let text = "India had 116 shutdowns in 2023. Of them, 58 were ordered in Manipur, where \
                    authorities cut mobile data in May amid violence. Kashmir accounted for 17.";
        assert_eq!(
            periods(text),
            [Some("2023"), Some("2023"), Some("2023")].map(|p| p.map(str::to_owned))
        );
        let text = "The 19 platforms the Commission designated in April, each with at least 45 \
                    million users, report twice a year. We surveyed 2,104 adults in October; 62 \
                    percent said so.";
        assert_eq!(
            periods(text),
            [Some("2023-04"), None, Some("2023-10"), Some("2023-10")].map(|p| p.map(str::to_owned))
        );
        // a month that opens its clause is the figures' after it
        let text = "Verizon agreed to buy it in 2016; in February, after the breaches, the price \
                    was cut by $350 million.";
        assert_eq!(periods(text), [Some("2024-02".to_owned())]);
        // an inspection announced in May: "the period" after it is the report's
        let text = "Regulators handled 300 cases in the first half of 2023.\n\nAn inspection \
                    was announced in May.\n\nInspectors handled 124 cases during the period.";
        assert_eq!(
            periods(text),
            [Some("2023-H1"), Some("2023-H1")].map(|p| p.map(str::to_owned))
        );
    }

    /// A short line with the month of the publication and no figure is a dateline: the figures
    /// after it take the period they name, not that month.
    #[test]
    fn the_publication_month_in_a_short_line_is_a_dateline() {
        let text = "Policy Brief No. 14 · September 2024\n\nWe looked at four search engines' data requests.\n\n\
                    Yandex received 6,214 requests in 2023. Its rival handled 412.";
        let periods = |published: &str| periods_published(text, published);
        let (none, y2023) = (None, Some("2023".to_owned()));
        assert_eq!(periods("2024-09-10"), [none.clone(), y2023.clone(), y2023.clone()]);
        // another month than the publication's is a period the text names
        assert_eq!(periods("2024-11-10")[0], Some("2024-09".to_owned()));
    }

    /// A month with its year named in a sentence with no figure, once the report's year is
    /// known, dates an event: the next paragraph's figures stay the year's, those of its own
    /// paragraph take it. Before any figure it is still the period the figures after it take.
    #[test]
    fn a_month_named_with_no_figure_after_the_reports_year_dates_an_event() {
        let text = "Facebook filed 20.5 million reports to the hotline in 2024.\n\nFacebook finished \
                    turning on encryption in December 2023.\n\nFacebook's apps filed 10.8 million.";
        assert_eq!(
            as_pairs(&figure_periods(text, Some("2025-05-09"))),
            [("20.5 million", Some("2024")), ("10.8 million", Some("2024"))]
        );
        // in its own paragraph the month is what the figures after it are about
        let text = "Facebook filed 20.5 million reports to the hotline in 2024. It had said in \
                    July 2023 what it would file. Facebook's apps filed 10.8 million.";
        assert_eq!(
            as_pairs(&figure_periods(text, Some("2025-05-09"))),
            [("20.5 million", Some("2024")), ("10.8 million", Some("2023-07"))]
        );
        let text = "Figures for December 2023 are out.\n\nFacebook's apps filed 10.8 million.";
        assert_eq!(
            as_pairs(&figure_periods(text, Some("2025-05-09"))),
            [("10.8 million", Some("2023-12"))]
        );
    }

    /// "three times the 23.24 lakh it banned a year earlier" compares: the figure after the
    /// multiple is the earlier period's, and the figures after it stay with the report's month;
    /// the year of "Rules, 2021" names no period.
    #[test]
    fn a_multiple_of_an_earlier_value_is_a_comparison() {
        let text = "WhatsApp banned 75.48 lakh accounts in October, under the IT Rules, 2021. The \
                    figure is more than three times the 23.24 lakh accounts it banned a year \
                    earlier.\n\nIt received 9,063 grievance reports during the period.";
        let got = figure_periods(text, Some("2023-12-02"));
        assert_eq!(
            as_pairs(&got),
            [
                ("75.48 lakh", Some("2023-10")),
                ("more than three", Some("2023-10")),
                ("23.24 lakh", Some("2022-10")),
                ("9,063", Some("2023-10")),
            ]
        );
    }

    /// Coverage of a platform's enforcement report ("took down", "community guidelines") keeps
    /// the report's quarter after a paragraph about the quarter before.
    #[test]
    fn coverage_of_an_enforcement_report_keeps_its_period_after_an_aside() {
        let text = "YouTube removed 11,401,696 videos under its community guidelines in the April-June \
                    quarter of 2020.\n\nIn the \
                    January-March period, fewer than 42,000 appealed videos had been put back.\n\n\
                    Child safety accounted for 3,819,566 videos.";
        let periods = periods_published(text, "2020-08-26");
        let q = |p: &str| Some(p.to_owned());
        assert_eq!(periods, [q("2020-Q2"), q("2020-Q1"), q("2020-Q2")]);
    }

    /// A period in a clause of its own after ", and" is not the figure's before it: the period
    /// named before the figure is, or none; the next figure of a list still takes it.
    #[test]
    fn a_period_in_a_coordinated_clause_is_not_the_figure_before() {
        let text = "The total for 2022 was 98,811, and it remains well below the peak of 2017.";
        assert_eq!(period_labels(text), [Some("2022".to_owned())]);
        let text = "It received 6,120 requests, and complied with 4,000 of them, in 2023.";
        assert_eq!(period_labels(text), [Some("2023".to_owned()), Some("2023".to_owned())]);
        let text = "It received 6,120 requests, and 7,204 in 2023.";
        assert_eq!(period_labels(text), [Some("2023".to_owned()), Some("2023".to_owned())]);
    }

    /// A sentence that only sizes a service's public names its period for that size alone: the
    /// figures after it stay with the report's half.
    #[test]
    fn the_period_of_a_publics_size_is_not_carried() {
        let text = "Snap submitted 402,143 reports in the second half of 2023.\n\nSnapchat \
                    averaged 414 million daily active users in the fourth quarter of 2023.\n\n\
                    Reports of sextortion made up 20,310 of the total.";
        let got = figure_periods(text, Some("2024-04-02"));
        assert_eq!(
            as_pairs(&got),
            [
                ("402,143", Some("2023-H2")),
                ("414 million", Some("2023-Q4")),
                ("20,310", Some("2023-H2")),
            ]
        );
        // a count of other things in the quarter is what the sentences after it are about
        let text = text.replace("daily active users", "pieces of content");
        assert_eq!(
            figure_periods(&text, Some("2024-04-02"))[2].1.as_deref(),
            Some("2023-Q4")
        );
    }

    /// Reports by oversight bodies on intelligence services, platforms' reports to the child-abuse
    /// hotline, fraud statistics, freedom of information figures, annual reports, what "a report
    /// says" and bug bounties are coverage of a report: the lede's year holds for the figures of
    /// the paragraphs after it that no organisation figmine knows owns. On other news it does not.
    #[test]
    fn oversight_of_intelligence_services_and_child_abuse_reports_are_coverage() {
        let after = "\n\nOf the 412 orders, 318 went to the domestic agency.";
        for lede in [
            "German intelligence services were allowed to monitor suspects in 412 cases in 2021.",
            "The spy agencies' permits were vetted in 412 cases in 2021.",
            "Reports of child sexual exploitation from games reached 412 in 2021.",
            "Canadians lost $412 million to fraud in 2021, the centre said.",
            "Agencies logged 412 freedom of information appeals in 2021.",
            "The watchdog's annual report counted 412 cases in 2021.",
            "Hackers earned $412 million in 2021, a report says.",
            "Researchers filed 412 vulnerability reports in 2021.",
            "The scheme paid out 412 bug bounties in 2021.",
        ] {
            let periods = periods_published(&format!("{lede}{after}"), "2023-01-24");
            assert_eq!(
                periods[1..],
                [Some("2021".to_owned()), Some("2021".to_owned())],
                "{lede}"
            );
        }
        let text = format!("The charity's shops served customers on 412 days in 2021.{after}");
        assert_eq!(periods_published(&text, "2023-01-24")[1..], [None, None]);
    }

    /// "since 2015" in a relative clause spans that clause's event, no period of the figures
    /// around it; in the main clause it is theirs.
    #[test]
    fn a_span_since_a_year_in_a_relative_clause_is_not_the_figures() {
        let text = "Telia received 12 requests in 2019.\n\nOf the 12, five came from the markets that \
                    Telia has been selling off since 2015.";
        assert_eq!(periods_published(text, "2020-03-12")[2], Some("2019".to_owned()));
        let text = "Telia has received 340 requests since 2015.";
        assert_eq!(
            periods_published(text, "2020-03-12"),
            [Some("2015-01-01/2020-03-12".to_owned())]
        );
    }

    /// The periods of the figures of `text` published on `published`.
    fn periods_published(text: &str, published: &str) -> Vec<Option<String>> {
        figures(text, Some(published)).into_iter().map(|f| f.1).collect()
    }

    /// [`figure_periods`]' pairs, borrowed, to compare with a table of literals.
    fn as_pairs(got: &[(String, Option<String>)]) -> Vec<(&str, Option<&str>)> {
        got.iter().map(|(t, p)| (t.as_str(), p.as_deref())).collect()
    }

    /// The period labels of the figures of `text`, published on no known date.
    fn period_labels(text: &str) -> Vec<Option<String>> {
        figures(text, None).into_iter().map(|f| f.1).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        figures(text, None).into_iter().map(|f| f.0).collect()
    }

    /// The figures of each article read after others on one thread, with the lists kept from
    /// them ([`KEPT_MENTIONS`], [`KEPT_FIGURE_LISTS`]), are those read on a new thread, where
    /// none is kept.
    #[test]
    fn figures_read_with_a_kept_mention_list_are_those_read_with_none() {
        let mut texts = crate::gen::sample_texts(80);
        // a long list of mentions, then a short one
        texts.insert(
            40,
            (1..=1100).map(|n| format!("{n} users")).collect::<Vec<_>>().join(", "),
        );
        texts.insert(41, "Requests rose 5 percent to 31,002.".to_owned());
        let taken_before = KEPT_ROOM_TAKEN.with(Cell::get);
        for text in &texts {
            let alone = {
                let text = text.clone();
                std::thread::spawn(move || figures(&text, None))
                    .join()
                    .expect("no panic")
            };
            assert_eq!(figures(text, None), alone, "{text:?}");
        }
        let taken = KEPT_ROOM_TAKEN.with(Cell::get) - taken_before;
        assert!(taken >= 110, "{taken} of {} articles read with room kept", texts.len());
        // a sentence of more mentions than the list keeps room for: its room is not kept
        let kept_room = |text: &str| {
            let mut a = Article::default();
            a.set_paragraphs([text]);
            let whole = [Span::new(0, a.text.len())];
            find_figures(&a, &whole, &[], &[], Deadline::NONE, usize::MAX).expect("no limit");
            let kept = KEPT_MENTIONS.with(Cell::take);
            let room = kept.capacity();
            KEPT_MENTIONS.with(|k| k.set(kept));
            room
        };
        let long: Vec<String> = (1..=1100).map(|n| format!("{n} users")).collect();
        assert_eq!(kept_room(&long.join(", ")), 0);
        let room = kept_room(&long[..MAX_KEPT_ROOM].join(", "));
        assert!((MAX_KEPT_ROOM / 2..=MAX_KEPT_ROOM).contains(&room), "{room}");
    }

    /// The figures of articles whose sentences naming only periods and dates are not read
    /// ([`may_hold_a_figure`]) are those read with every sentence read: the sample articles,
    /// typeset, and sentences with numerals inside and outside dates, periods and non-figures.
    #[test]
    fn figures_read_without_the_sentences_that_name_only_periods_are_those_read_with_them() {
        let mut texts = crate::gen::sample_texts_and_typeset(150);
        texts.extend(
            [
                "Authorities kept up their demands in the second half of 2015, according to the report.",
                "In 2013, Google said so. On March 5, 2014, it got 5 requests. Since 2010 it has 7.",
                "The first half of 2014 saw a dozen requests, and 2014\u{2013}15 saw more.",
                "It fielded requests in the first half of 2015.\n\nIt got 903 in the first half of 2015.",
                "Call 555-0100 or visit www.example.com/2014 by 5 pm on June 3, 2019, in the year 2019.",
                "In fifteen years, from 2001 to 2016, a third of them; in the 1990s, twenty.",
            ]
            .map(str::to_owned),
        );
        let read_with = |text: &str, spared: bool| {
            FIGURELESS_SENTENCES_SKIPPED.with(|s| s.set(spared));
            let mut a = Article::default();
            a.set_paragraphs(text.split("\n\n"));
            let figures = extract(&a).figures;
            FIGURELESS_SENTENCES_SKIPPED.with(|s| s.set(true));
            figures
        };
        let spared_before = SENTENCES_SPARED.with(Cell::get);
        for text in &texts {
            assert_eq!(read_with(text, true), read_with(text, false), "{text:?}");
        }
        let spared = SENTENCES_SPARED.with(Cell::get) - spared_before;
        assert!(spared >= 300, "{spared} sentences spared");
    }

    /// [`plain_word_before`] with the number's digits read from its bytes, as it read them before
    /// it asked [`is_whole_number_read_plainly`].
    fn plain_word_before_by_bytes<'s>(sentence: &'s [u8], m: &Mention, text: &[u8]) -> Option<&'s [u8]> {
        let digits = matches!(text.first(), Some(b'1'..=b'9')) && text.iter().all(|&b| b.is_ascii_digit() || b == b',');
        let whole_plain = Mention {
            plain: true,
            precision: 1.0,
            ..m.clone()
        };
        plain_word_before(sentence, if digits { &whole_plain } else { m }, text).filter(|_| digits)
    }

    /// A number told a whole number read plainly ([`is_whole_number_read_plainly`]) is written
    /// in digits and commas, the first 1 to 9: [`plain_word_before`] gives the word that it gave
    /// reading the number's bytes, or none (a number read by the general reading, "a total of
    /// 773", asks every test), and that word for nine in ten. Every number mention of the sample
    /// lines, typeset, and of written cases with decimals, decimal commas, leading zeros and
    /// groups.
    #[test]
    fn whole_numbers_read_plainly_are_written_in_digits_and_commas() {
        let samples = crate::gen::sample_lines(200);
        let typeset: Vec<String> = samples.iter().map(|l| crate::gen::typeset(l)).collect();
        let written = [
            "rose to 31,002 from 2,5 and 0,5 or 05 and 0 and 3.0 and 1,234.5 and 1 234 and 10,00 users",
            "got 5 and 1,000,000 and 12,345,678.9 and 7 percent and 2014 and 001 and 1,5 and 0 in all",
        ];
        let (mut by_flag, mut by_bytes) = (0, 0);
        let texts = samples.iter().chain(&typeset).map(String::as_str).chain(written);
        for text in texts {
            for m in crate::extract::number::find_numbers(text) {
                let bytes = m.text.as_bytes();
                let flag = plain_word_before(text.as_bytes(), &m, bytes);
                let read = plain_word_before_by_bytes(text.as_bytes(), &m, bytes);
                assert!(flag.is_none() || flag == read, "{:?} of {text:?}", m.text);
                by_flag += usize::from(flag.is_some());
                by_bytes += usize::from(read.is_some());
            }
        }
        assert!(
            by_flag > 2_000 && by_flag * 100 >= by_bytes * 90,
            "{by_flag} of {by_bytes}"
        );
    }

    #[test]
    fn years_dates_times_phones_urls_and_products_are_not_figures() {
        assert_eq!(
            texts(
                "On March 27, 2015 at 9:30 a.m. Microsoft, which makes Windows 10, Office 365 and iOS 8 apps, \
                 released version 2.1 of its report for 2014 at https://example.com/report-2014 (call (425) 882-8080), \
                 dated 2015-03-27, listing 31,002 requests."
            ),
            ["31,002"]
        );
        // numbers of other countries' phones, with an area code that starts with 0
        assert_eq!(
            texts("Call 02-555-0147 or 030-1234-5678 about the 2,000 requests; 2014-2015-2016 is no phone."),
            ["2,000"]
        );
    }

    #[test]
    fn codes_versions_reading_times_deadlines_and_streets_are_not_figures() {
        assert_eq!(
            texts(
                "Its free 1.1.1.1 resolver and fw-2.4.1 got 36,270 reports. If you run Enterprise Server 3.3, \
                 under SMC 14.18, none of the 1,828 notices count. By Ernesto Vale, 4 min read. Each ISP has 15 \
                 business days to comply; a post is restored 10 working days later, and claimants have 30 days to \
                 respond, against 12 days to 3.5 percent. Write to 1 Frank H. Ogawa Plaza about the 2.5 million."
            ),
            ["36,270", "1,828", "12", "3.5 percent", "2.5 million"]
        );
    }

    #[test]
    fn a_name_right_after_on_or_from_owns_the_figure_before_it() {
        let owners: Vec<_> = figures(
            "In 2022, 3,417 concerned posts on Twitter, 1,743 on Facebook and 200 from Google, while Apple \
             got 90 at once.",
            None,
        )
        .into_iter()
        .map(|f| (f.0, f.3))
        .collect();
        let o = |t: &str, e: &str| (t.to_owned(), Some(e.to_owned()));
        assert_eq!(
            owners,
            [
                o("3,417", "Twitter"),
                o("1,743", "Facebook"),
                o("200", "Google"),
                o("90", "Apple")
            ]
        );
    }

    #[test]
    fn a_figure_with_no_period_compared_with_last_years_is_this_years() {
        assert_eq!(
            figure_periods(
                "Monitors counted 10 disruption windows over the exam, down from 15 last year. A tool \
                 costs $5, up from $4 in 2019.",
                Some("2024-06-15")
            ),
            [
                ("10".to_owned(), Some("2024".to_owned())),
                ("15".to_owned(), Some("2023".to_owned())),
                ("$5".to_owned(), None),
                ("$4".to_owned(), Some("2019".to_owned())),
            ]
        );
    }

    #[test]
    fn a_day_before_its_month_is_no_figure() {
        assert_eq!(
            texts("At its press conference on 6 July the ministry said 124 cases closed by 13 Feb. and 7 more."),
            ["124", "7"]
        );
    }

    #[test]
    fn number_words_that_count_nothing_are_not_figures() {
        assert_eq!(
            texts(
                "It got three requests and answered every one of them. It would rather answer a request at two in \
                 the morning than miss one, she said, and it publishes every six months. Posts come down one by \
                 one, at one each day. It fell from two to one. Every one of 40 requests was read. Together the three accounted for \
                 most; the two were sealed, and the two agencies reported 12. Of the six assessed, two publish. \
                 The two invited witnesses spoke."
            ),
            ["three", "one", "two", "one", "40", "two", "12", "six", "two", "two"]
        );
    }

    #[test]
    fn phone_numbers_written_with_spaces_or_after_a_call_are_not_figures() {
        assert_eq!(
            texts(
                "Police took 1,204 calls. Contact Crime Stoppers on 1800 333 000 or call +1 555 0142. \
                 In an emergency, call Triple Zero (000). A caller to 111 was found; 35 callers were not."
            ),
            ["1,204", "35"]
        );
        // a number grouped by spaces is one figure, and "calls" counted is no phone's
        assert_eq!(
            texts("It received 333 000 requests and 20 calls to 120 agencies."),
            ["333 000", "20", "120"]
        );
    }

    /// A count closing a list whose verb and noun were given once, after a name, is a figure;
    /// a product's number after a name is not.
    #[test]
    fn the_last_count_of_an_elliptic_list_after_a_name_is_a_figure() {
        assert_eq!(
            texts(
                "The State Security Agency made 47 applications, military intelligence 21 and the \
                 Financial Intelligence Centre 13. Most staff use Windows 10."
            ),
            ["47", "21", "13"]
        );
    }

    /// International and US toll-free numbers, a lettered street's number and a citation of
    /// federal law are no figures.
    #[test]
    fn international_numbers_lettered_streets_and_legal_citations_are_not_figures() {
        assert_eq!(
            texts(
                "We got 367 requests. Reach our press office at +41 41 555 01 47 or our helpline at \
                 1-800-555-0137, or write to 1425 K Street NW. We rejected 304 under 45 CFR 164.512 \
                 and 18 U.S.C. § 2702; 1425 K users asked."
            ),
            ["367", "304", "1425 K"]
        );
    }

    /// "build" and "release" name a build's or a version's number ("build 22621", "release
    /// 3.2") but, as verbs, count ("build more than 7,000 attacks", "release 300 prisoners").
    #[test]
    fn a_verb_that_may_name_a_version_counts_the_noun_after_it() {
        assert_eq!(
            texts(
                "The services were used to build more than 7,000 attacks. Courts may release 300 \
                 Palestinian prisoners, and agreed to release 40. It runs Windows build 22621, and \
                 its release 3.2 fixed 12 bugs."
            ),
            ["more than 7,000", "300", "40", "12"]
        );
    }

    /// A lettered phone number, a register's number after "no.", a Dutch postcode and the days
    /// of a range before a month are no figures; four digits and two capitals elsewhere are.
    #[test]
    fn lettered_phones_registers_dutch_postcodes_and_day_ranges_are_not_figures() {
        assert_eq!(
            texts(
                "Police searched 300 homes between 11 and 13 June. Call 1-800-CALL-FBI. The Trust \
                 is a registered charity (no. 1187342). Write to Eisenhowerlaan 73, 2517 KK The \
                 Hague. It counted 4000 UK users and 12-15 arrests. In 2023, 4000 UK users complained."
            ),
            ["300", "4000", "12-15", "4000"]
        );
    }

    #[test]
    fn a_name_owns_figures_beyond_its_sentence_only_when_the_headline_or_a_figure_names_it() {
        let entities = |title: Option<&str>, text: &str| -> Vec<(String, Option<String>)> {
            let mut a = Article {
                title: title.map(str::to_owned),
                ..Article::default()
            };
            a.set_paragraphs(text.split("\n\n"));
            let e = extract(&a);
            e.figures
                .iter()
                .map(|f| (f.span.of(&a.text).to_owned(), f.entity.map(str::to_owned)))
                .collect()
        };
        let owned = |pairs: &[(&str, Option<&str>)]| -> Vec<(String, Option<String>)> {
            pairs
                .iter()
                .map(|(t, e)| (t.to_string(), e.map(str::to_owned)))
                .collect()
        };
        let slogan = "The slogan drew ridicule across Twitter on Monday. Critics were unkind. The state paid \
                      $449,000 for it.\n\nAbout 964,000 people use the drug, the agency said. Some Twitter users laughed.";
        /// A headline, a text, and each figure's text and owner.
        type Case<'a> = (Option<&'a str>, &'a str, &'a [(&'a str, Option<&'a str>)]);
        let cases: [Case; 6] = [
            // named only where no figure is stated: owns none, before or after (past the sentence
            // right after it, below)
            (
                Some("A state's slogan"),
                slogan,
                &[("$449,000", None), ("About 964,000", None)],
            ),
            // named in the headline: owns them
            (
                Some("Twitter's drug report"),
                slogan,
                &[("$449,000", Some("Twitter")), ("About 964,000", Some("Twitter"))],
            ),
            // named with a figure: owns the figures after its first naming, and by default those
            // before it; a name owning nothing is passed by
            (
                None,
                "Some 500 requests came in 2013. Google published its report on Monday. Twitter users \
                 mocked it. Critics were unkind. The company said it got 31,002 requests. Google complied \
                 with 64 percent.",
                &[
                    ("Some 500", Some("Google")),
                    ("31,002", Some("Google")),
                    ("64 percent", Some("Google")),
                ],
            ),
            // a sentence that does not refer back takes no name from the one before
            (
                Some("A state's slogan"),
                "Some Twitter users mocked it. \"Try harder,\" one user wrote. The state paid $449,000.",
                &[("one", None), ("$449,000", None)],
            ),
            // a sentence that refers back by a pronoun takes the name that ends the one before, and
            // the name then owns the figures after it
            (
                None,
                "Google reported 500 letters. Facebook chose to combine its requests. It received 0-999 \
                 of them. That was 12 more than a year before.",
                &[
                    ("500", Some("Google")),
                    ("0-999", Some("Facebook")),
                    ("12", Some("Facebook")),
                ],
            ),
            // the default is the owner named most often, not the name
            (
                None,
                "In all, 700 orders came. Microsoft, Microsoft and Microsoft were praised.\n\n\
                 Apple got 12 orders. Apple then got 15 more.",
                &[("700", Some("Apple")), ("12", Some("Apple")), ("15", Some("Apple"))],
            ),
        ];
        for (title, text, expected) in cases {
            assert_eq!(entities(title, text), owned(expected), "{title:?}: {text:?}");
        }
    }

    #[test]
    fn sentences_referring_back_open_with_a_pronoun_or_the_company() {
        for yes in [
            "It received 5.",
            "Its 12 cases",
            "THEY got 3",
            "The company's 7",
            "the firm said 2",
            "Those 12 were",
        ] {
            assert!(opens_by_referring_back(yes), "{yes:?}");
        }
        for no in [
            "Italy got 5.",
            "The state paid 3",
            "Then it rose",
            "\u{201c}It said",
            "It",
            "The",
            "Thesis 4",
        ] {
            assert!(!opens_by_referring_back(no), "{no:?}");
        }
    }

    #[test]
    fn the_names_of_a_headline_are_those_the_scan_finds() {
        let mut headlines = crate::gen::sample_texts(40);
        headlines.extend([
            "Yahoo!Mail and Yahoo! report".to_owned(),
            "XGoogle, AppleMicrosoft Google".to_owned(),
        ]);
        let mut named = 0;
        for h in &headlines {
            let scanned: Vec<&str> = scan(h).entities.iter().map(|&(s, e)| known_entity(&h[s..e])).collect();
            let bits = scanned.iter().fold(0, |bits, name| {
                bits | 1 << ENTITY_NAMES.iter().position(|n| n == name).expect("a name")
            });
            assert_eq!(names_in_headline(h), bits, "{h:?}");
            named += scanned.len();
        }
        assert!(named > 40, "{named} names");
    }

    #[test]
    fn days_after_a_month_are_not_figures() {
        assert_eq!(
            texts(
                "Oct. 11 was the day Google said it got 500 requests. On Sept. 3 and again on Nov 28-29 and \
                 Dec. 1–2 it met 12 officials, and on June 19 it had 40 more. March 12 saw 7 orders."
            ),
            ["500", "12", "40", "7"]
        );
        // what is no day stays a figure: past 31, a fraction, a month in lower case, a year, no
        // space between
        assert_eq!(
            texts(
                "In Oct. 45 requests came, in Oct. 2.5 percent of them, the stock may 5 times, \
                 in Oct. 2014 some 31,002, and Oct.7 said 8."
            ),
            ["45", "2.5 percent", "5", "some 31,002", "7", "8"]
        );
    }

    #[test]
    fn period_measure_and_entity_are_attributed() {
        let f = figures(
            "According to the report, Microsoft received 31,002 law enforcement requests in the second half of 2014. \
             That brought the total for the year to 65,496, down from 72,279 in 2013.",
            None,
        );
        let expect = |t: &str, p: &str, m: &str| {
            (
                t.to_owned(),
                Some(p.to_owned()),
                Some(m.to_owned()),
                Some("Microsoft".to_owned()),
            )
        };
        assert_eq!(
            f,
            [
                expect("31,002", "2014-H2", "law enforcement requests"),
                expect("65,496", "2014", "law enforcement requests"),
                expect("72,279", "2013", "law enforcement requests"),
            ]
        );
    }

    #[test]
    fn comparisons_link_the_earlier_value_with_the_stated_direction() {
        let mut a = Article::default();
        a.set_paragraphs(["Twitter got 2,871 requests in the second half of 2014, up from 2,058 in the first half."]);
        let e = extract(&a);
        let c = e.figures[0].compared_to.as_ref().unwrap();
        assert_eq!((c.value, c.direction), (2058.0, Direction::Up));
        assert_eq!(c.period.as_ref().map(Period::label).as_deref(), Some("2014-H1"));
        assert_eq!(
            e.figures[1].period.as_ref().map(Period::label).as_deref(),
            Some("2014-H1")
        );
    }

    #[test]
    fn a_year_in_a_clause_since_opens_is_no_period_of_the_figures_after_it() {
        let f = figures(
            "The hotline received 36.2 million reports last year, the most since its CyberTipline \
             opened in 1998. That was up 13 percent. Since 2020 it has logged 90 million.",
            Some("2024-05-08"),
        );
        assert_eq!(
            text_and_period(&f),
            [
                ("36.2 million", Some("2023")),
                ("13 percent", Some("2023")),
                // right after "since", the year opens the span of the figure
                ("90 million", Some("2020-01-01/2024-05-08"))
            ]
        );
    }

    #[test]
    fn a_time_the_rules_set_is_no_figure_and_a_time_measured_is() {
        let f = figures(
            "Apple got 1,611 requests to keep an account for 90 days, and posts must come down \
             within 24 hours. The outage lasted nearly eight hours, no longer than 72 hours, and \
             took 3 days.",
            None,
        );
        let texts: Vec<_> = f.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(texts, ["1,611", "nearly eight", "72", "3"]);
    }

    #[test]
    fn compares_with_names_points_of_comparison_and_from_opens_a_span_of_months() {
        let f = figures(
            "Facebook got 173,592 requests in the first six months of 2020. Emergency requests made up \
             11,850. That compares with 8,964 in the second half of 2019 and 7,204 a year earlier. \
             US authorities sent 61,528 requests from January through June.",
            Some("2020-11-13"),
        );
        assert_eq!(
            text_and_period(&f),
            [
                ("173,592", Some("2020-H1")),
                ("11,850", Some("2020-H1")),
                ("8,964", Some("2019-H2")),
                // right before the period it is compared at
                ("7,204", Some("2019-H1")),
                // neither the half of comparison nor a comparison with January
                ("61,528", Some("2020-H1"))
            ]
        );
    }

    #[test]
    fn the_number_of_a_laws_part_is_no_figure() {
        let f = figures(
            "Section 702 of the law lapses in 2023. Police use information privacy principle 11 or \
             Article 31 for 3,371 requests, and rule 41 for 12.",
            None,
        );
        let texts: Vec<_> = f.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(texts, ["3,371", "12"]);
    }

    #[test]
    fn numbers_of_addresses_and_registers_are_no_figures() {
        let f = figures(
            "Amazon, based at 410 Terry Ave. North in Seattle, got 3,793 requests. Write to One \
             Microsoft Way, Redmond, WA 98052, or to 1718 Connecticut Ave NW. Law No. 7253 and ISO \
             27001 apply to 12 Main offices and 98052 users.",
            None,
        );
        let texts: Vec<_> = f.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(texts, ["3,793", "12", "98052"]);
    }

    #[test]
    fn a_number_after_a_tab_is_a_cell_not_a_products_number() {
        let f = figures(
            "Country\tRequests\n\nUnited States\t282\n\nUnited Kingdom\t109\n\nAll other countries\t91",
            None,
        );
        let texts: Vec<_> = f.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(texts, ["282", "109", "91"]);
        // with a space, a short number after a name is the name's
        assert!(figures("It runs on Windows 10 and got 282.", None)
            .iter()
            .all(|f| f.0 != "10"));
    }

    #[test]
    fn a_paragraph_after_a_breakdown_by_halves_is_about_the_whole_year() {
        let f = figures(
            "Automattic received 221 requests in 2019. They were spread across the year: 117 arrived \
             from January through June and 104 in the second half.\n\n\
             It produced information for 64 of them.",
            None,
        );
        assert_eq!(
            text_and_period(&f),
            [
                ("221", Some("2019")),
                ("117", Some("2019-H1")),
                ("104", Some("2019-H2")),
                ("64", Some("2019"))
            ]
        );
        // one half named alone goes on into the next paragraph
        let f = figures(
            "Automattic received 221 requests in 2019. In the second half it got 104.\n\nIt answered 64.",
            None,
        );
        assert_eq!(f[2].1.as_deref(), Some("2019-H2"));
    }

    #[test]
    fn an_events_date_is_no_period_of_the_figures_around_it_but_of_its_price() {
        let f = figures(
            "Microsoft found 13,921 items in the first half of 2022. Almost all, 99.6 percent, were \
             found by PhotoDNA, the technology Microsoft developed with Dartmouth College in 2009 and \
             now licenses to more than 200 groups. It reported 9,643 of them. Ring, the maker it \
             bought in 2018 for roughly $1 billion, reports on its own.",
            None,
        );
        assert_eq!(
            text_and_period(&f),
            [
                ("13,921", Some("2022-H1")),
                ("99.6 percent", Some("2022-H1")),
                ("more than 200", Some("2022-H1")),
                ("9,643", Some("2022-H1")),
                ("roughly $1 billion", Some("2018"))
            ]
        );
    }

    #[test]
    fn a_rise_on_the_figure_after_it_compares_with_that_figure() {
        let mut a = Article::default();
        a.set_paragraphs([
            "Spark received 6,148 requests in 2022, up 12 per cent on the 5,512 it received the year \
             before.",
        ]);
        let e = extract(&a);
        let c = e.figures[0].compared_to.as_ref().unwrap();
        assert_eq!((c.value, c.direction), (5512.0, Direction::Up));
        assert_eq!(e.figures[2].period.as_ref().map(Period::label).as_deref(), Some("2021"));
        // a noun of change with its amount before "from"
        a.set_paragraphs([
            "Facebook received 173,592 requests in the first six months of 2020, a rise of 23 percent \
             from the 140,875 it logged in the previous six-month period.",
        ]);
        let e = extract(&a);
        let c = e.figures[0].compared_to.as_ref().unwrap();
        assert_eq!((c.value, c.direction), (140875.0, Direction::Up));
        assert_eq!(c.period.as_ref().map(Period::label).as_deref(), Some("2019-H2"));
    }

    #[test]
    fn a_period_shared_by_two_figures_of_one_clause() {
        let f = figures(
            "Google received 27,477 requests for information about 42,648 users in the second half of 2013.",
            None,
        );
        assert_eq!(f[0].1.as_deref(), Some("2013-H2"));
        assert_eq!(f[1].1.as_deref(), Some("2013-H2"));
        assert_eq!(
            (f[0].2.as_deref(), f[1].2.as_deref()),
            (Some("requests"), Some("users"))
        );
    }

    #[test]
    fn the_period_carries_over_to_later_sentences() {
        let f = figures(
            "Yahoo got 21,425 requests in the first half of 2014.\n\nThey covered 30,000 accounts.",
            None,
        );
        assert_eq!(f[1].1.as_deref(), Some("2014-H1"));
        assert_eq!(f[1].3.as_deref(), Some("Yahoo"));
    }

    #[test]
    fn the_earlier_value_of_a_change_with_no_period_of_its_own_is_the_year_or_quarter_befores() {
        let periods = |text: &str| -> Vec<(String, Option<String>)> {
            figures(text, None).into_iter().map(|f| (f.0, f.1)).collect()
        };
        let p = |t: &str, period: &str| (t.to_owned(), Some(period.to_owned()));
        assert_eq!(
            periods(
                "Courts froze 1,362 accounts in 2023, up from 918. Apple got 400 requests in 2023, \
                 up from 310 in 2021, and Google 19 percent in 2023, against 12 percent.\n\n\
                 Yahoo got 5,000 in the first half of 2015, down from 6,000.\n\nCourts froze 1,362 accounts in \
                 2023. Scores increased from 1,061 to 1,128.\n\nIn 2023 it got 283, up from 201 documented in 2022, \
                 and countries rose to 39, from 35."
            ),
            [
                p("1,362", "2023"),
                p("918", "2022"),
                p("400", "2023"),
                p("310", "2021"),
                p("19 percent", "2023"),
                p("12 percent", "2023"),
                p("5,000", "2015-H1"),
                p("6,000", "2015-H1"),
                p("1,362", "2023"),
                p("1,061", "2023"),
                p("1,128", "2023"),
                p("283", "2023"),
                p("201", "2022"),
                p("39", "2023"),
                p("35", "2022"),
            ]
        );
        // a quarter's earlier value is the quarter before's
        assert_eq!(
            periods("Cloudflare logged 27 disruptions in the third quarter of 2024, up from 21."),
            [p("27", "2024-Q3"), p("21", "2024-Q2")]
        );
    }

    #[test]
    fn a_half_named_by_its_number_alone_after_a_figure_is_that_half() {
        let periods = period_labels;
        assert_eq!(
            periods("Notices rose to 51 in the second half of 2023 from 38 in the first, a 34% increase."),
            ["2023-H2", "2023-H1", "2023-H2"].map(|p| Some(p.to_owned()))
        );
        assert_eq!(
            periods(
                "Notices fell to 38 in the first half of 2023 from 51 in the second half of 2022. It was the first."
            ),
            ["2023-H1", "2022-H2"].map(|p| Some(p.to_owned()))
        );
    }

    #[test]
    fn after_a_whole_and_its_parts_the_next_sentence_is_about_the_whole() {
        let periods = period_labels;
        assert_eq!(
            periods(
                "Zoom received 1,274 requests in 2023: 701 from January through June and 573 from July \
                 through December. It produced data in 38 percent of cases."
            ),
            ["2023", "2023-H1", "2023-H2", "2023"].map(|p| Some(p.to_owned()))
        );
        // parts alone: the last one named goes on
        assert_eq!(
            periods(
                "Zoom received 701 requests in the first half of 2023 and 573 in the second half of 2023. It \
                 produced data in 38 percent of cases."
            ),
            ["2023-H1", "2023-H2", "2023-H2"].map(|p| Some(p.to_owned()))
        );
    }

    #[test]
    fn a_period_after_a_semicolon_is_the_next_clauses() {
        let periods = period_labels;
        assert_eq!(
            periods("In the second half of 2020, Snap answered 75 percent; in the first half of 2021, 76 percent."),
            [Some("2020-H2".to_owned()), Some("2021-H1".to_owned())]
        );
    }

    #[test]
    fn the_months_or_years_of_a_period_are_its_length_not_a_count() {
        assert_eq!(
            texts(
                "For the six months from July 1, Snap got 14,962 requests. In the three years to June it \
                 hired 12 lawyers and 4 years of logs were kept; 30 months later it had 36 months of data, \
                 and over the next three months 9 more."
            ),
            ["14,962", "12", "4", "30", "36", "three", "9"]
        );
    }

    #[test]
    fn a_fiscal_year_named_before_the_text_says_when_its_years_end_is_read_by_that_end() {
        let periods = period_labels;
        let fy = |y: i32| Some(format!("{}-07-01/{y}-06-30", y - 1));
        for stated in [
            "Oakland's fiscal year runs from July 1 to June 30.",
            "The city's fiscal year begins July 1.",
            "Its fiscal year ends June 30.",
        ] {
            let text = format!(
                "The police logged 1.3 million scans in fiscal 2022.\n\n{stated} Scans fell from 1.62 million in \
                 fiscal 2021."
            );
            assert_eq!(periods(&text), [fy(2022), fy(2021)], "{stated}");
        }
        // no end stated: the fiscal year's number, as before
        assert_eq!(
            periods("The police logged 1.3 million scans in fiscal 2022. Its fiscal year is long."),
            [Some("2022".to_owned())]
        );
    }

    /// "a drop from the record $12 million it handed out in 2022" compares: 2022 is the earlier
    /// value's, and the figures after it stay with the report's year; a paragraph opened by "A
    /// year earlier" is an aside on the past, after which the next paragraph is the report's
    /// year again.
    #[test]
    fn a_record_compared_with_and_a_year_earlier_aside_leave_the_reports_year() {
        let text = "Google paid some $10 million to researchers last year, a drop from the record \
                    $12 million it handed out in 2022.\n\nThe money went to 632 researchers.\n\n\
                    A year earlier, 703 researchers had shared in the rewards.\n\n\
                    Google's Chrome program paid $2.1 million.";
        let got = figure_periods(text, Some("2024-03-13"));
        assert_eq!(
            as_pairs(&got),
            [
                ("some $10 million", Some("2023")),
                ("$12 million", Some("2022")),
                ("632", Some("2023")),
                ("703", Some("2022")),
                ("$2.1 million", Some("2023")),
            ]
        );
    }

    /// "twice as many as the 21 it handed down in 2022" compares: 2022 is the earlier value's,
    /// and the sentence after it is about the report's year.
    #[test]
    fn a_multiple_as_many_as_an_earlier_value_compares() {
        let text = "The regulator issued 42 sanctions last year, twice as many as the 21 it handed \
                    down in 2022. It imposed 24 fines.";
        assert_eq!(
            as_pairs(&figure_periods(text, Some("2024-05-22"))),
            [("42", Some("2023")), ("21", Some("2022")), ("24", Some("2023"))]
        );
    }

    /// "the same three months of 2023" is the months named before, in 2023.
    #[test]
    fn the_same_months_of_another_year_are_those_months_then() {
        let text = "Departments received 14,102 requests between April and June 2024, 6 per cent \
                    more than the 13,288 they received in the same three months of 2023.";
        assert_eq!(
            as_pairs(&figure_periods(text, Some("2024-09-26"))),
            [
                ("14,102", Some("2024-Q2")),
                ("6 per cent", Some("2024-Q2")),
                ("13,288", Some("2023-Q2"))
            ]
        );
    }

    /// A limit a rule sets takes no period: "fines of up to €20 million", "capped at
    /// €20,000", "up to £415,000 per claim"; "up to 300" people arrested is a count of the year.
    #[test]
    fn a_limit_set_by_a_rule_takes_no_period() {
        let text = "The CNIL issued 42 sanctions in 2023. Fines are capped at €20,000 under the \
                    simplified procedure, and the law allows fines of up to €20 million. Banks \
                    must reimburse up to £415,000 per claim. Police arrested up to 300 people. \
                    They detained up to 250 per day in 2024.";
        assert_eq!(
            as_pairs(&figure_periods(text, Some("2024-05-22"))),
            [
                ("42", Some("2023")),
                ("€20,000", None),
                ("up to €20 million", None),
                ("up to £415,000", None),
                ("up to 300", Some("2023")),
                ("up to 250", Some("2024")),
            ]
        );
    }

    /// "the 90 days to 9 June" is the days that end on that day, of the year written or else
    /// the last one up to the publication.
    #[test]
    fn days_counted_to_a_day_are_a_period() {
        let text = "Advertisers spent €31.4 million in the 90 days to 9 June, against €19.1 million \
                    in the 90 days to 26 May 2019 and 412 ads in the 28 days to March 5, 2024.";
        assert_eq!(
            periods_published(text, "2024-06-14"),
            [
                Some("2024-03-12/2024-06-09".to_owned()),
                Some("2019-02-26/2019-05-26".to_owned()),
                Some("2024-02-07/2024-03-05".to_owned()),
            ]
        );
        // a day after the publication's is the year before's
        assert_eq!(
            periods_published("They spent €31.4 million in the 90 days to 9 June.", "2024-05-01"),
            [Some("2023-03-12/2023-06-09".to_owned())]
        );
    }

    /// "in March of that year" is March of the year named before, not the last March before
    /// the publication.
    #[test]
    fn a_month_of_that_year_is_of_the_year_named_before() {
        let text = "Enel Energia was fined €26.5 million in January 2022 and Clearview AI \
                    €20 million in March of that year.";
        assert_eq!(
            periods_published(text, "2023-07-07"),
            [Some("2022-01".to_owned()), Some("2022-03".to_owned())]
        );
    }

    /// The US government's fiscal years end in September: a text about its departments that
    /// states no span for them reads "fiscal year 2023" so; a text that names Canada does not.
    #[test]
    fn the_us_governments_fiscal_years_end_in_september() {
        let text = "Federal agencies received 1,503,977 requests in fiscal year 2023, the Justice \
                    Department said, 25 percent more than the 1,201,873 filed in fiscal 2022.";
        let fy = |y: i32| Some(format!("{}-10-01/{y}-09-30", y - 1));
        assert_eq!(period_labels(text), [fy(2023), fy(2023), fy(2022)]);
        let canada = text.replace("Federal agencies", "Canadian agencies");
        assert_eq!(
            period_labels(&canada),
            [
                Some("2023".to_owned()),
                Some("2023".to_owned()),
                Some("2022".to_owned())
            ]
        );
    }

    #[test]
    fn coverage_of_a_reports_data_is_told_past_a_dateline_and_its_lede_period_carries_on() {
        let text = "FOR IMMEDIATE RELEASE \u{b7} March 12, 2024\n\nThe city's license plate readers recorded \
                    4,812,560 reads in 2023.\n\nThe review is public.\n\nPatrol cars made 2,964,537 reads.";
        assert_eq!(
            figures(text, None).into_iter().map(|f| f.1).collect::<Vec<_>>(),
            [Some("2023".to_owned()), Some("2023".to_owned())]
        );
        // a count of shutdowns is a report's too; other news keeps a lede's year to its paragraph
        let periods = |text: &str| figures(text, None).into_iter().map(|f| f.1).collect::<Vec<_>>();
        let text = |subject: &str| {
            format!("Governments imposed {subject} 283 times in 2023.\n\nThe tally is public.\n\nIndia had 116.")
        };
        assert_eq!(
            periods(&text("internet shutdowns")),
            [Some("2023".to_owned()), Some("2023".to_owned())]
        );
        assert_eq!(periods(&text("curfews")), [Some("2023".to_owned()), None]);
    }

    #[test]
    fn the_year_of_a_law_is_no_figure() {
        assert_eq!(
            texts("Under the Foreign Intelligence Surveillance Act of 1978, Google got 500 requests in 2015."),
            ["500"]
        );
    }

    #[test]
    fn the_year_of_a_scorecard_or_an_index_is_part_of_its_name() {
        let text = "The Transparency Scorecard 2024 rated 15 services. The Corporate Accountability Index 2020 \
                    ranked 26 companies. In 2019, 9 scored well.";
        assert_eq!(
            figures(text, None).into_iter().map(|f| f.1).collect::<Vec<_>>(),
            [None, None, Some("2019".to_owned())]
        );
        // so are a case's number and the year that dates rules
        let text = "The petition (W.P. No. 13710 of 2022) concerned 10 orders. It contested 39 URLs under the 2009 \
                    blocking rules.\n\nIt contested 12 under the Information Technology Act, 2000. It lost 4 cases in \
                    2022.";
        assert_eq!(
            figures(text, None).into_iter().map(|f| f.1).collect::<Vec<_>>(),
            [None, None, None, Some("2022".to_owned())]
        );
    }

    #[test]
    fn a_paragraph_that_names_no_period_is_about_the_ledes_not_an_earlier_or_later_aside() {
        let periods = |text: &str| -> Vec<(String, Option<String>)> {
            figures(text, Some("2016-06-30"))
                .into_iter()
                .map(|f| (f.0, f.1))
                .collect()
        };
        let p = |t: &str, period: &str| (t.to_owned(), Some(period.to_owned()));
        // the year before, named in passing, is an aside: the paragraphs after it are about the
        // lede's year
        assert_eq!(
            periods(
                "Yahoo got 4,148 requests last year, 17 percent more than in 2014.\n\n\
                 A year earlier the split was 2,275 and 1,279.\n\n\
                 Narcotics cases made up 79 percent of them.\n\n\
                 The average request named 1,581 accounts."
            ),
            [
                p("4,148", "2015"),
                p("17 percent", "2015"),
                p("2,275", "2014"),
                p("1,279", "2014"),
                p("79 percent", "2015"),
                p("1,581", "2015")
            ]
        );
        // on other news, the last period named goes on, as before, unless it was counted back
        // from the first ("A year earlier"), an aside on the past
        assert_eq!(
            periods("Apple sold 4,148 phones last year.\n\nIn 2014 it sold 2,275.\n\nApple made 1,581 more."),
            [p("4,148", "2015"), p("2,275", "2014"), p("1,581", "2014")]
        );
        assert_eq!(
            periods("Apple sold 4,148 phones last year.\n\nA year earlier it sold 2,275.\n\nApple made 1,581 more."),
            [p("4,148", "2015"), p("2,275", "2014"), p("1,581", "2015")]
        );
        // a part of the lede's period, named later, goes on into the paragraphs after it
        assert_eq!(
            periods(
                "Yahoo got 4,148 requests last year.\n\n\
                 In the second half of 2015 it got 2,000.\n\n\
                 They named 3,000 accounts."
            ),
            [p("4,148", "2015"), p("2,000", "2015-H2"), p("3,000", "2015-H2")]
        );
        // so is the whole year of a half's report, named in passing
        assert_eq!(
            periods(
                "Microsoft got 24,611 requests in the second half of 2015.\n\n\
                 For 2015 as a whole, it got 50,245.\n\n\
                 Of the 24,611 requests, 1,132 were disclosed."
            ),
            [
                p("24,611", "2015-H2"),
                p("50,245", "2015"),
                p("24,611", "2015-H2"),
                p("1,132", "2015-H2")
            ]
        );
    }

    #[test]
    fn the_figure_below_or_above_compares_with_takes_the_period_named_for_it() {
        let f = figures(
            "In the second half of 2019 Google produced data in 64 percent of cases, slightly below \
             the 66 percent it reported for the first half of the year. It got 81,785 during the period.",
            None,
        );
        assert_eq!(
            text_and_period(&f),
            [
                ("64 percent", Some("2019-H2")),
                ("66 percent", Some("2019-H1")),
                ("81,785", Some("2019-H2"))
            ]
        );
    }

    #[test]
    fn a_figure_in_a_relative_clause_is_not_what_the_comparison_after_it_compares() {
        let compared = |text: &str| -> Vec<(String, Option<f64>)> {
            let mut a = Article::default();
            a.set_paragraphs([text]);
            extract(&a)
                .figures
                .iter()
                .map(|f| (f.span.of(&a.text).to_owned(), f.compared_to.as_ref().map(|c| c.value)))
                .collect()
        };
        let pair = |t: &str, v: Option<f64>| (t.to_owned(), v);
        assert_eq!(
            compared("The requests, which covered more than 152,000 accounts, were up 14 percent from the 61,284."),
            [
                pair("more than 152,000", None),
                pair("14 percent", None),
                pair("61,284", None)
            ]
        );
        // a figure of the main clause, or one whose clause runs on to the comparison, is compared
        assert_eq!(
            compared("Google got 69,870 requests, which was up 14 percent from the 61,284."),
            [
                pair("69,870", Some(61284.0)),
                pair("14 percent", None),
                pair("61,284", None)
            ]
        );
        assert_eq!(
            compared("The requests covered 152,000 accounts, up 14 percent from 133,000."),
            [
                pair("152,000", Some(133000.0)),
                pair("14 percent", None),
                pair("133,000", None)
            ]
        );
        // nor is an earlier value the newer value of the next comparison
        assert_eq!(
            compared("That was up 9 percent from 3,887 in the previous period and up 26 percent from 3,341."),
            [
                pair("9 percent", None),
                pair("3,887", None),
                pair("26 percent", None),
                pair("3,341", None)
            ]
        );
        // nor is a count of places after "in", when a figure comes before it
        assert_eq!(
            compared("It got 69 requests from agencies in 14 countries, down 16 percent from the 82."),
            [
                pair("69", Some(82.0)),
                pair("14", None),
                pair("16 percent", None),
                pair("82", None)
            ]
        );
        // nor is a total named after "of" the subject of the verb after ", and"
        assert_eq!(
            compared("Its demands made up 17 percent of the total of 38,524, and were down 12 percent from 7,410."),
            [
                pair("17 percent", None),
                pair("38,524", None),
                pair("12 percent", None),
                pair("7,410", None)
            ]
        );
        assert_eq!(
            compared("It got 38,524, and was down 12 percent from 7,410."),
            [
                pair("38,524", Some(7410.0)),
                pair("12 percent", None),
                pair("7,410", None)
            ]
        );
    }

    #[test]
    fn a_year_that_names_a_tables_row_is_no_cell() {
        let f = figures(
            "Tuta received 1,896 orders in 2023.\n\nQuarter\tOrders\tDisclosed\n\n\
             Q1 2023\t412\t171\n\nQ2 2023\t455\t182\n\nFinal 4\t5027\t6\t3",
            None,
        );
        // a row of three numbers or more is still one of cells whose meaning figmine cannot read
        assert_eq!(
            text_and_period(&f),
            [
                ("1,896", Some("2023")),
                ("412", Some("2023-Q1")),
                ("171", Some("2023-Q1")),
                ("455", Some("2023-Q2")),
                ("182", Some("2023-Q2"))
            ]
        );
    }

    #[test]
    fn the_rounded_size_of_a_services_public_takes_no_period_from_the_sentences_before() {
        let f = figures(
            "Pinterest received 141 requests in the third quarter of 2016. \
             The service has more than 150 million monthly users. \
             The requests named 1,250,000 users and some 2 million accounts.",
            None,
        );
        assert_eq!(
            text_and_period(&f),
            [
                ("141", Some("2016-Q3")),
                ("more than 150 million", None),
                // exact, or of another measure, it is a count of the report
                ("1,250,000", Some("2016-Q3")),
                ("some 2 million", Some("2016-Q3"))
            ]
        );
    }

    #[test]
    fn the_present_size_of_a_public_takes_none_of_the_sentences_periods() {
        let f = figures(
            "MTN, which has some 272 million subscribers, published its first report in 2020. \
             Tumblr, which hosts more than 475 million blogs, joins the report in the first half of 2020. \
             LINE, the app used by more than 80 million people, got 2,314 requests in 2019. \
             The company, which has 2,300 staff, got 1,250,000 requests in 2020 and has 12 million users. \
             Sprint, with revenue of $33 billion in 2016, counts more than 263 million customers and \
             sits in front of about 4 million websites; it has 3,000 cases open in 2016.",
            None,
        );
        assert_eq!(
            text_and_period(&f),
            [
                ("some 272 million", None),
                ("more than 475 million", None),
                ("more than 80 million", None),
                ("2,314", Some("2019")),
                // under a million, or after no comma: a figure of the sentence
                ("2,300", Some("2020")),
                ("1,250,000", Some("2020")),
                ("12 million", Some("2020")),
                ("$33 billion", Some("2016")),
                // rounded, after a verb of having in the present
                ("more than 263 million", None),
                ("about 4 million", None),
                // exact: a count of its sentence
                ("3,000", Some("2016"))
            ]
        );
    }

    #[test]
    fn a_period_named_paragraphs_before_stays_with_every_figure_of_coverage_of_requests() {
        let periods_of = |title: &str, lede: &str| -> Vec<Option<String>> {
            let mut a = Article {
                title: Some(title.into()),
                ..Article::default()
            };
            // Telia is no organisation figmine knows by name
            a.set_paragraphs([lede, "Sweden accounted for 38 % of them, and Finland for 6,087."]);
            extract(&a)
                .figures
                .iter()
                .map(|f| f.period.as_ref().map(Period::label))
                .collect()
        };
        let lede = "Telia was asked for customer data just over 200,000 times in 2016.";
        let y2016 = Some("2016".to_owned());
        let all = vec![y2016.clone(); 3];
        // the headline or the lede tells coverage of requests, orders or removals
        assert_eq!(periods_of("Telia logs over 200,000 data requests", lede), all);
        assert_eq!(
            periods_of(
                "Telia's year",
                "Telia answered 200,000 police requests for customer data in 2016."
            ),
            all
        );
        // other news keeps the period in its own paragraph
        assert_eq!(periods_of("Telia's year", lede), [y2016, None, None]);
    }

    #[test]
    fn a_period_named_paragraphs_before_stays_only_with_the_figures_of_an_organisation() {
        let periods = |text: &str| -> Vec<(String, Option<String>)> {
            figures(text, None).into_iter().map(|f| (f.0, f.1)).collect()
        };
        let p = |t: &str, period: Option<&str>| (t.to_owned(), period.map(str::to_owned));
        // a report's period goes on through the paragraphs about its figures
        assert_eq!(
            periods("Yahoo got 21,425 requests in the first half of 2014.\n\nThey covered 30,000 accounts."),
            [p("21,425", Some("2014-H1")), p("30,000", Some("2014-H1"))]
        );
        // a year named in passing is not the period of the news paragraphs after it
        assert_eq!(
            periods(
                "The sides had met 15 times before, though not since 1965.\n\n\
                 The home side scored 24 points in the second period. Fans bought 3,000 tickets."
            ),
            [p("15", Some("1965")), p("24", None), p("3,000", None)]
        );
        // inside its paragraph it still goes on
        assert_eq!(
            periods("Stores sold 208,560 cars in 2019. Dealers held 40,000 more."),
            [p("208,560", Some("2019")), p("40,000", Some("2019"))]
        );
    }

    #[test]
    fn organisations_past_the_thirty_second_own_figures_and_keep_their_periods() {
        // TikTok and Mozilla are past the 32 names a u32 set held
        let mut a = Article {
            title: Some("Mozilla and TikTok publish reports".into()),
            ..Article::default()
        };
        a.set_paragraphs([
            "TikTok received 2,158 requests in the third quarter of 2021.",
            "The requests named 6,041 videos and accounts.",
        ]);
        let found: Vec<_> = extract(&a)
            .figures
            .iter()
            .map(|f| (f.entity, f.period.as_ref().map(Period::label)))
            .collect();
        let q3 = Some("2021-Q3".to_owned());
        assert_eq!(found, [(Some("TikTok"), q3.clone()), (Some("TikTok"), q3)]);
        assert_eq!(names_in_headline("Mozilla and TikTok publish reports").count_ones(), 2);
    }

    #[test]
    fn measurements_in_physical_units_are_no_figures() {
        assert_eq!(
            texts(
                "Officers seized 2.4 metric tons, 16 grams and 1,931 kilometers (1,200 miles) of road; \
                 add 1 tsp. of salt, 1 1/2 cups of rice and 300 г of beef to 375\u{2013}500 ml of water; \
                 the car goes 60 mph on 11 kW, and the plant makes 8.69 GW. It got 12 requests, \
                 3 miners, 20 metrics and 1.5m users."
            ),
            ["12", "3", "20", "1.5m"]
        );
    }

    #[test]
    fn the_cells_of_a_table_row_and_the_marks_of_a_list_are_no_figures() {
        // rows of numbers with a space between, and the items of a numbered list
        assert_eq!(
            texts(
                "Standings after 34 races.\n\n4 Denny Hamlin 5027 6 3 19 24\n\n5 Joey Logano 2380 2 3 12 21\n\n\
                 2. Do not throw it away.\n\n8) Magnum, complete in 12 discs\n\n15.\n\nSeek help from 3 friends."
            ),
            ["34", "12", "3"]
        );
        // two numbers with a space between, one grouped by spaces, a count ending a sentence
        assert_eq!(
            texts("Google got 1 234 567 requests from 25 30 countries. The total was 300. Of those, 45 were sealed."),
            ["1 234 567", "25", "30", "300", "45"]
        );
    }

    #[test]
    fn the_sides_of_a_score_a_record_or_a_vote_are_no_figures() {
        assert_eq!(
            texts(
                "Spain won 6-4 and led 109-98 when the court voted 5-4, and Wales beat Hungary 2\u{2013}0. \
                 It got 0-999 requests, 2-8 percent of them, 3.5-2 more, 1,000-10 less and 1200-900 others."
            ),
            ["0-999", "2-8 percent", "3.5", "2", "1,000", "10", "1200", "900"]
        );
    }

    #[test]
    fn a_noun_of_change_or_a_multiple_names_a_point_of_comparison_whose_period_is_not_carried_on() {
        let text = "Apple received 30,687 requests in the second half of 2015, more than double the 11,225 it \
                    reported for H1 2015. German authorities sent 11,989 of them.\n\nAmazon received 1,083 \
                    subpoenas in the second half of 2016, a 37% rise from the 851 it reported for the first six \
                    months of the year. It answered 46 percent.\n\nLinkedIn received 172 requests between July \
                    and December 2015, a 28 percent increase on the 134 it logged in the first half of 2015. \
                    They concerned 256 accounts.";
        let p = |t: &str, period: &str| (t.to_owned(), Some(period.to_owned()));
        assert_eq!(
            figure_periods(text, Some("2017-02-23")),
            [
                p("30,687", "2015-H2"),
                p("11,225", "2015-H1"),
                p("11,989", "2015-H2"),
                p("1,083", "2016-H2"),
                p("37%", "2016-H2"),
                p("851", "2016-H1"),
                p("46 percent", "2016-H2"),
                p("172", "2015-H2"),
                p("28 percent", "2015-H2"),
                p("134", "2015-H1"),
                p("256", "2015-H2"),
            ]
        );
        // the newer value is compared with the one after the noun of change
        let mut a = Article::default();
        a.set_paragraphs(["Amazon received 1,083 subpoenas in 2016, a 37% rise from the 851 of 2015."]);
        let found = extract(&a).figures;
        let compared = found[0].compared_to.as_ref().expect("1,083 is compared");
        assert_eq!((compared.value, compared.direction), (851.0, Direction::Up));
    }

    #[test]
    fn a_figure_after_a_comma_and_against_is_a_point_of_comparison() {
        let text = "Twitter received 4,434 demands in the first half of 2016. Turkey made 19 percent of the \
                    demands, against 12 percent in the first half of 2015. Courts sent 1,102 of them.";
        let p = |t: &str, period: &str| (t.to_owned(), Some(period.to_owned()));
        assert_eq!(
            figure_periods(text, Some("2016-09-20")),
            [
                p("4,434", "2016-H1"),
                p("19 percent", "2016-H1"),
                p("12 percent", "2015-H1"),
                p("1,102", "2016-H1"),
            ]
        );
        // without the comma, "against" is no comparison
        let mut a = Article::default();
        a.set_paragraphs(["It got 30 requests against 1,200 accounts in 2016."]);
        assert!(extract(&a).figures.iter().all(|f| f.compared_to.is_none()));
    }

    #[test]
    fn since_opens_a_period_that_runs_to_the_publication() {
        let text = "Google asked for no data. Those requests, made since the ruling of 13 May 2014, asked it to \
                    remove 1.5 million addresses. It had 3,000 more since 2015. Since March 2013 it got 40 \
                    orders. In 2012 it got 12.";
        let periods = |published: Option<&str>| -> Vec<(String, Option<String>)> {
            figures(text, published).into_iter().map(|f| (f.0, f.1)).collect()
        };
        let p = |t: &str, period: Option<&str>| (t.to_owned(), period.map(str::to_owned));
        assert_eq!(
            periods(Some("2016-05-13")),
            [
                p("1.5 million", Some("2014-05-13/2016-05-13")),
                p("3,000", Some("2015-01-01/2016-05-13")),
                p("40", Some("2013-03-01/2016-05-13")),
                p("12", Some("2012")),
            ]
        );
        // a "when" clause right after the year is about that year
        assert_eq!(
            figures(
                "The growth since 2020, when it received 3,572 orders, is slow.",
                Some("2023-02-14")
            )[0]
            .1
            .as_deref(),
            Some("2020")
        );
        // with no publication date, "since" opens nothing
        assert_eq!(
            periods(None),
            [
                p("1.5 million", None),
                p("3,000", Some("2015")),
                p("40", Some("2013-03")),
                p("12", Some("2012"))
            ]
        );
    }

    #[test]
    fn a_figure_in_a_when_clause_after_a_period_of_comparison_is_that_periods() {
        let f = figures(
            "Google received 27,477 requests in the second half of 2013. That was up 6 percent from the first \
             half of the year, when the company logged 25,879 requests covering 39,121 users.",
            None,
        );
        let periods: Vec<(&str, Option<&str>)> = f.iter().map(|f| (f.0.as_str(), f.1.as_deref())).collect();
        assert_eq!(
            periods,
            [
                ("27,477", Some("2013-H2")),
                ("6 percent", Some("2013-H2")),
                ("25,879", Some("2013-H1")),
                ("39,121", Some("2013-H1")),
            ]
        );
        // without "when", the clause after the comparison is still the sentence's period
        let f = figures(
            "Google received 27,477 requests in the second half of 2013. That was up 6 percent from the first \
             half of the year, and 25,879 of them came from police.",
            None,
        );
        assert_eq!(f[2].1.as_deref(), Some("2013-H2"));
    }

    #[test]
    fn a_total_of_both_halves_is_the_years() {
        let periods = period_labels;
        let labels = |l: &[Option<&str>]| -> Vec<Option<String>> { l.iter().map(|p| p.map(str::to_owned)).collect() };
        // in the sentence of the halves
        assert_eq!(
            periods(
                "Twitter got 2,058 requests in the first half of 2014. The United States sent 1,257 in the \
                 first half and 1,622 in the second half, for a total of 2,879."
            ),
            labels(&[Some("2014-H1"), Some("2014-H1"), Some("2014-H2"), Some("2014")])
        );
        // in the sentence after them, and the year goes on to the next
        assert_eq!(
            periods(
                "Microsoft had 34,494 requests in the first half of 2014 and 31,002 in the second half. \
                 Together they make 65.5 thousand. That is down about 9 percent from 72,279 in 2013."
            ),
            labels(&[
                Some("2014-H1"),
                Some("2014-H2"),
                Some("2014"),
                Some("2014"),
                Some("2013")
            ])
        );
        // a total of one half only, or a figure not named a total, keeps its half
        assert_eq!(
            periods("Google had 9,707 requests in the second half of 2014, for a total of 12,000 users."),
            labels(&[Some("2014-H2"), Some("2014-H2")])
        );
        assert_eq!(
            periods("Twitter got 1,257 in the first half of 2014 and 1,622 in the second half, and 800 later."),
            labels(&[Some("2014-H1"), Some("2014-H2"), Some("2014-H2")])
        );
    }

    /// (text, kind, value, low, high, approx) of a figure.
    type Bounds = (
        String,
        FigureKind,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<String>,
    );

    #[test]
    fn ranges_and_bounds_become_figures_with_low_and_high() {
        let mut a = Article::default();
        a.set_paragraphs([
            "Microsoft received between 1,000 and 1,499 national security letters, more than 50 countries sent \
             requests, up to 4 per cent of turnover, and fines between $21.5 billion and $35 billion.",
        ]);
        let f: Vec<Bounds> = extract(&a)
            .figures
            .iter()
            .map(|f| {
                (
                    f.span.of(&a.text).to_owned(),
                    f.kind,
                    f.value,
                    f.low,
                    f.high,
                    f.approx.clone(),
                )
            })
            .collect();
        let row = |t: &str, k, v, l, h, q: Option<&str>| (t.to_owned(), k, v, l, h, q.map(str::to_owned));
        assert_eq!(
            f,
            [
                row(
                    "between 1,000 and 1,499",
                    FigureKind::Count,
                    None,
                    Some(1000.0),
                    Some(1499.0),
                    None
                ),
                row(
                    "more than 50",
                    FigureKind::Count,
                    Some(50.0),
                    Some(50.0),
                    None,
                    Some("more than")
                ),
                row(
                    "up to 4 per cent",
                    FigureKind::Percent,
                    Some(4.0),
                    None,
                    Some(4.0),
                    Some("up to")
                ),
                row(
                    "between $21.5 billion and $35 billion",
                    FigureKind::Money,
                    None,
                    Some(21.5e9),
                    Some(35e9),
                    None
                ),
            ]
        );
    }

    #[test]
    fn word_fractions_pronouns_and_product_names_are_not_figures() {
        assert_eq!(
            texts(
                "One of the largest requesters asked about half of the accounts. The one that mattered ran on \
                 Xbox One in the 1990s and cut two thirds of the backlog with a one-time fix for COVID-19 and \
                 10-year-old cases; three requests remained."
            ),
            ["three"]
        );
    }

    /// The measure of each figure of `text`, with its text.
    fn measures(text: &str) -> Vec<(String, Option<String>)> {
        figures(text, None).into_iter().map(|f| (f.0, f.2)).collect()
    }

    fn counting(text: &str, measure: Option<&str>) -> (String, Option<String>) {
        (text.to_owned(), measure.map(str::to_owned))
    }

    #[test]
    fn a_number_followed_by_its_own_noun_counts_that_noun() {
        assert_eq!(
            measures(
                "Health officials counted 1,412 cases across the region in 2018, with 96 deaths. Customs \
                 officers seized 310 people and 24 crates of fireworks in 2019."
            ),
            [
                counting("1,412", Some("cases")),
                counting("96", None),
                counting("310", Some("people")),
                counting("24", None),
            ]
        );
        // a bare number still counts what the figure before it counts
        assert_eq!(
            measures("Apple got 4,825 requests in 2014, up from 4,582 in 2013, and 1,128 more in 2015."),
            [
                counting("4,825", Some("requests")),
                counting("4,582", Some("requests")),
                counting("1,128", Some("requests")),
            ]
        );
    }

    #[test]
    fn a_number_after_age_is_an_age_not_a_count() {
        assert_eq!(
            measures(
                "In 2018, 641,000 people age 16 and older reported the condition, as did 12,000 people \
                 aged 70, and 9,000 people at the age of 80."
            ),
            [
                counting("641,000", Some("people")),
                counting("16", None),
                counting("12,000", Some("people")),
                counting("70", None),
                counting("9,000", Some("people")),
                counting("80", None),
            ]
        );
    }

    #[test]
    fn the_words_that_name_nothing_are_sorted_lowercase_words() {
        assert!(NAMES_NOTHING.windows(2).all(|w| w[0] < w[1]));
        assert!(NAMES_NOTHING.iter().all(|w| w.iter().all(u8::is_ascii_lowercase)));
        assert!(NAMES_NOTHING.iter().all(|w| w.len() <= LONGEST_WORD_NAMING_NOTHING));
        for (after, own) in [
            (" deaths.", true),
            (" metric tons", true),
            (" Swiss francs", true),
            (" respectively.", false),
            (" In 2013", false),
            (", down", false),
            ("", false),
            (" \u{e9}t\u{e9}s", true),
            (" extraordinarily-long-words", true),
        ] {
            assert_eq!(is_followed_by_its_own_word(after), own, "{after:?}");
        }
    }

    #[test]
    fn the_own_word_read_by_bytes_is_the_one_read_by_chars() {
        let mut afters: Vec<String> = Vec::new();
        for line in crate::gen::sample_lines(300) {
            // the text after every digit, as the figures' measures read it
            for (i, _) in line.match_indices(|c: char| c.is_ascii_digit()) {
                afters.push(head(&line[i + 1..], CONTEXT_BYTES).to_string());
            }
        }
        for case in [
            " In 2013",
            " in2013",
            " AND",
            "\u{a0}in",
            "\u{a0}deaths",
            " \u{e9}t\u{e9}s",
            " in\u{e9}",
            " per-share",
            " people's",
            " respectively.",
            " respectivelyx",
            " abcdefghijklmnopq",
            "\tfor",
            "\nfor",
            " _in",
            " a",
            " A-",
            " x'",
            "",
        ] {
            afters.push(case.to_string());
        }
        let (mut own, mut bare) = (0, 0);
        for a in &afters {
            let by_chars = is_followed_by_its_own_word_by_chars(a);
            assert_eq!(is_followed_by_its_own_word(a), by_chars, "{a:?}");
            own += usize::from(by_chars);
            bare += usize::from(!by_chars && a.trim_start().starts_with(char::is_alphabetic));
        }
        assert!(own > 100 && bare > 100, "{own} own words, {bare} words naming nothing");
    }

    #[test]
    fn after_a_word_of_rise_to_names_the_value_reached_not_the_earlier_one() {
        let mut a = Article::default();
        a.set_paragraphs([
            "The retailer earned $3.1 billion, or $2.10 a share, as sales grew 4 percent to $24.6 billion in 2019. \
             Orders fell to 300, with 120 cancelled.",
        ]);
        let e = extract(&a);
        assert!(e.figures.iter().all(|f| f.compared_to.is_none()), "{:?}", e.figures);
        // "compared to" still names the earlier value
        a.set_paragraphs(["Orders reached 300 in 2019, compared to 240 in 2018."]);
        let e = extract(&a);
        let c = e.figures[0].compared_to.as_ref().expect("a comparison");
        assert_eq!((c.value, c.direction), (240.0, Direction::Up));
    }

    #[test]
    fn a_figure_opening_from_to_after_a_comparison_word_is_the_earlier_value_of_the_one_after_to() {
        let mut a = Article::default();
        a.set_paragraphs([
            "Read speeds increased from 310 to 350 and write speeds increased from 1,200 to 1,260 in 2019.",
        ]);
        let e = extract(&a);
        let compared: Vec<_> = e
            .figures
            .iter()
            .map(|f| f.compared_to.as_ref().map(|c| (c.value, c.direction)))
            .collect();
        assert_eq!(
            compared,
            [None, Some((310.0, Direction::Up)), None, Some((1200.0, Direction::Up))]
        );
        // a figure after "up from" that opens no pair is the earlier value of the one before it
        a.set_paragraphs(["Sales reached 350 in 2019, up from 310 a year earlier."]);
        let e = extract(&a);
        assert_eq!(e.figures[0].compared_to.as_ref().map(|c| c.value), Some(310.0));
    }
}
