//! Numeric mentions in a sentence: counts, percentages, money, ordinals, ranges and bounds.
//!
//! [`find_numbers`] is the public entry point; `figmine numbers` prints exactly what it returns.
//! The figure finder calls its crate-internal twin, which leaves each mention's text to be read
//! off its span.
//!
//! The text is cut into tokens once (`lex`), numerals are read off them by a small grammar of
//! digits and number words (`words`), and this module adds what surrounds a numeral: its sign,
//! currency and percent sign, ranges ("between 1,000 and 1,499"), qualifiers ("more than",
//! "about", "or more") and what is read but not reported (clock times, "one" as a pronoun).
//! Mentions are what a number recognizer sees; whether one is a figure is decided in `figure.rs`.

use crate::extract::pattern::Pattern;
use crate::read::Span;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::sync::LazyLock;

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A plain count or quantity ("31,002", "thirty-two").
    Number,
    /// A percentage ("3 percent"); `value` is the figure before the sign.
    Percent,
    /// An amount of money ("$1.2 billion"); `unit` holds the currency code.
    Money,
    /// A position ("21st", "third").
    Ordinal,
    /// A range ("0-999"); `low` and `high` hold the bounds and `unit` what they count.
    Range,
}

/// One numeric mention and what it means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// The text of the mention.
    pub text: String,
    /// Byte offset of the first byte in the searched text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: MentionKind,
    /// The stated value, or `None` for a pure range.
    pub value: Option<f64>,
    /// Lower bound implied by the text (the value itself when exact).
    pub low: Option<f64>,
    /// Upper bound implied by the text (the value itself when exact).
    pub high: Option<f64>,
    /// The approximation or bound qualifier as written, lowercased ("more than", "about").
    pub approx: Option<String>,
    /// `"percent"` (or `"percentage points"`) for percentages and ranges of them, an ISO currency
    /// code for money.
    pub unit: Option<String>,
    /// The place value of the last stated digit (1 for "31,002", 100,000 for "1.5 million"),
    /// so later stages know how far the writer may have rounded.
    #[serde(skip)]
    pub precision: f64,
    /// Whether it was read plainly at its ASCII digits ([`plain_mention`]: "2014", "31,002",
    /// "3.5", "44 percent"), its `precision` then the place value of its last digit: later
    /// stages take its rounding from its value and that precision instead of reading its digits
    /// again (`claim::precision_of_plain`).
    #[serde(skip)]
    pub plain: bool,
}

impl Mention {
    /// The mention's span in the searched text.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

mod lex;
mod value_starts;
mod words;
pub(crate) use words::letters_of_16;

use lex::{Tk, Toks};
use words::{numeral, Numeral};

/// URLs and e-mail addresses: numbers inside them are not mentions ("%20", "report-2014").
static URL: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?i)\b(?:https?://|www\.)\S+|\S+@\S+\.\w+").unwrap());

/// Whether [`URL`] can match in `text`: every match has "://", "www." (in any case) or "@".
/// [`URL`] has no literal to skip ahead to, so it would run through every byte of every text;
/// one vectorised pass for "@", ":" and "." (checking the bytes around each) is much faster.
#[cfg(test)]
fn may_hold_url(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b'@', b':', b'.', bytes).any(|at| match bytes[at] {
        b'@' => true,
        b':' => bytes[at + 1..].starts_with(b"//"),
        _ => at >= 3 && bytes[at - 3..at].eq_ignore_ascii_case(b"www"),
    })
}

/// What a qualifier says about the stated value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// The value is a lower bound ("more than", "at least").
    Lower,
    /// The value is an upper bound ("up to", "fewer than", "nearly").
    Upper,
    /// The value is rounded ("about", "roughly").
    Approx,
    /// The value is exact ("equal to").
    Exact,
}

/// Qualifiers before a number, longest first within each first word.
const QUALIFIERS: &[(&str, Bound)] = &[
    ("greater than or equal to", Bound::Lower),
    ("more than or equal to", Bound::Lower),
    ("larger than or equal to", Bound::Lower),
    ("higher than or equal to", Bound::Lower),
    ("bigger than or equal to", Bound::Lower),
    ("greater or equal than", Bound::Lower),
    ("greater or equal to", Bound::Lower),
    ("larger or equal than", Bound::Lower),
    ("bigger or equal than", Bound::Lower),
    ("higher or equal than", Bound::Lower),
    ("more or equal than", Bound::Lower),
    ("at least or equal to", Bound::Lower),
    ("equal to or more than", Bound::Lower),
    ("equal to or greater than", Bound::Lower),
    ("equal to or higher than", Bound::Lower),
    ("less than or equal to", Bound::Upper),
    ("fewer than or equal to", Bound::Upper),
    ("smaller than or equal to", Bound::Upper),
    ("lower than or equal to", Bound::Upper),
    ("less or equal than", Bound::Upper),
    ("less or equal to", Bound::Upper),
    ("smaller or equal than", Bound::Upper),
    ("smaller or equal to", Bound::Upper),
    ("lower or equal than", Bound::Upper),
    ("equal to or less than", Bound::Upper),
    ("equal to or fewer than", Bound::Upper),
    ("equal to or lower than", Bound::Upper),
    ("no fewer than", Bound::Lower),
    ("no less than", Bound::Lower),
    ("not less than", Bound::Lower),
    ("no more than", Bound::Upper),
    ("not more than", Bound::Upper),
    ("just over", Bound::Lower),
    ("well over", Bound::Lower),
    ("just under", Bound::Upper),
    ("well under", Bound::Upper),
    ("more than", Bound::Lower),
    ("greater than", Bound::Lower),
    ("larger than", Bound::Lower),
    ("bigger than", Bound::Lower),
    ("higher than", Bound::Lower),
    ("in excess of", Bound::Lower),
    ("upwards of", Bound::Lower),
    ("north of", Bound::Lower),
    ("at least", Bound::Lower),
    ("exceeding", Bound::Lower),
    ("exceeds", Bound::Lower),
    ("exceed", Bound::Lower),
    ("surpassing", Bound::Lower),
    ("surpass", Bound::Lower),
    ("above", Bound::Lower),
    ("over", Bound::Lower),
    ("less than", Bound::Upper),
    ("fewer than", Bound::Upper),
    ("smaller than", Bound::Upper),
    ("lower than", Bound::Upper),
    ("as many as", Bound::Upper),
    ("as much as", Bound::Upper),
    ("at most", Bound::Upper),
    ("up to", Bound::Upper),
    ("close to", Bound::Upper),
    ("nearly", Bound::Upper),
    ("almost", Bound::Upper),
    ("under", Bound::Upper),
    ("below", Bound::Upper),
    ("an estimated", Bound::Approx),
    ("estimated", Bound::Approx),
    ("approximately", Bound::Approx),
    ("about", Bound::Approx),
    ("around", Bound::Approx),
    ("roughly", Bound::Approx),
    ("some", Bound::Approx),
    ("circa", Bound::Approx),
    ("approx", Bound::Approx),
    ("exactly", Bound::Exact),
    ("precisely", Bound::Exact),
    ("equals to", Bound::Exact),
    ("equaling to", Bound::Exact),
    ("equal to", Bound::Exact),
    ("equals", Bound::Exact),
];

/// Words after which "about" means "concerning", not "roughly".
const ABOUT_AS_PREPOSITION: &[&str] = &[
    "information",
    "data",
    "details",
    "detail",
    "questions",
    "question",
    "news",
    "concerns",
    "asked",
    "ask",
    "talk",
    "talked",
    "talking",
    "know",
    "knew",
    "learn",
    "records",
    "content",
    "facts",
    "told",
    "wrote",
    "said",
];

/// Qualifiers after a number ("500 or more").
const SUFFIXES: &[(&str, Bound)] = &[
    ("or more", Bound::Lower),
    ("and more", Bound::Lower),
    ("or greater", Bound::Lower),
    ("or higher", Bound::Lower),
    ("or above", Bound::Lower),
    ("and above", Bound::Lower),
    ("or over", Bound::Lower),
    ("and over", Bound::Lower),
    ("or less", Bound::Upper),
    ("or fewer", Bound::Upper),
    ("or lower", Bound::Upper),
    ("or below", Bound::Upper),
    ("and below", Bound::Upper),
    ("or under", Bound::Upper),
    ("and under", Bound::Upper),
];

/// Words before "from" that make "from 590 to 1,298" a change rather than a range.
const CHANGE_WORDS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "fell",
    "fall",
    "falls",
    "falling",
    "fallen",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "decreases",
    "decreasing",
    "grew",
    "grow",
    "grows",
    "growing",
    "grown",
    "dropped",
    "drop",
    "drops",
    "dropping",
    "declined",
    "decline",
    "declines",
    "declining",
    "climbed",
    "climb",
    "climbing",
    "jumped",
    "jump",
    "jumping",
    "up",
    "down",
    "went",
    "go",
    "going",
    "gone",
    "changed",
    "change",
    "moved",
    "shrank",
    "shrunk",
    "doubled",
    "tripled",
    "halved",
    "cut",
    "raised",
    "lowered",
    "reduced",
    "expanded",
    "surged",
    "soared",
    "slipped",
    "dipped",
    "plunged",
    "plummeted",
];

/// [`CHANGE_WORDS`] to look up: the words before every "from" and "to" after a number are, and
/// most fail the table's shape test without a comparison ("the", "of", "in").
static CHANGE_WORD_TABLE: LazyLock<words::WordTable<()>> =
    LazyLock::new(|| words::WordTable::of(CHANGE_WORDS.iter().map(|w| (*w, ()))));

/// Words before "one" that make it a pronoun ("the one", "which one").
const ONE_PRONOUN: &[&str] = &[
    "the", "this", "that", "which", "each", "every", "any", "no", "another", "some", "first", "last", "next", "other",
    "every", "little", "big", "only", "right", "wrong", "new", "old", "same",
];

/// A single number with its affixes (sign, currency, percent), before any qualifier or range.
#[derive(Debug, Clone)]
struct Simple {
    value: f64,
    first: usize,
    next: usize,
    kind: MentionKind,
    unit: Option<&'static str>,
    precision: f64,
    fraction: bool,
    /// Whether its currency or percent sign came after the number (and so may cover a range).
    trailing_unit: bool,
    /// The scale word it ends with (1e6 for "10 million", 1e3 for "20k"), or 1.
    scale: f64,
}

/// Finds every numeric mention in `text`, in order.
pub fn find_numbers(text: &str) -> Vec<Mention> {
    let mut found = find_numbers_without_text(text);
    for m in &mut found {
        m.text = text[m.start..m.end].to_owned();
    }
    found
}

/// [`find_numbers`] with every mention's `text` left empty: for callers that read it off the
/// span (`text[m.start..m.end]`, which is what `text` holds) and drop most mentions, so that a
/// copy of the text is not made for each one.
pub(crate) fn find_numbers_without_text(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    find_numbers_without_text_into(text, false, &mut out);
    out
}

/// [`find_numbers_without_text`] into `out`, which is cleared first: for a caller that reads
/// many texts one after another (the figure reader, a sentence at a time) and keeps one list,
/// so that its room is reused instead of made and grown for each text. `known_ascii` tells
/// that the text is all ASCII (a sentence of an article that is), which is then not tested
/// again; `false` has it tested.
pub(crate) fn find_numbers_without_text_into(text: &str, known_ascii: bool, out: &mut Vec<Mention>) {
    out.clear();
    if !words::may_hold_numeral(text) {
        return; // every mention holds a numeral
    }
    read_numbers_without_text_into(text, known_ascii, out);
}

/// Whether `text` may hold a numeral (the sentence gate of [`find_numbers_without_text_into`]).
#[cfg(test)]
pub(crate) fn may_hold_numeral(text: &str) -> bool {
    words::may_hold_numeral(text)
}

/// [`find_numbers_without_text_into`] of a text that may hold a numeral (its caller asked
/// [`may_hold_numeral_outside`]), into an empty `out`: the text is not tested for one again.
pub(crate) fn read_numbers_without_text_into(text: &str, known_ascii: bool, out: &mut Vec<Mention>) {
    debug_assert!(out.is_empty(), "mentions are read into an empty list");
    // What the tokeniser cuts a text by. Told wrong, it panics at the first byte outside ASCII
    // (lex.rs `ascii_cuts`); it never misreads the text.
    debug_assert!(!known_ascii || text.is_ascii(), "{text:?} is said to be ASCII");
    read_mentions(
        text,
        known_ascii || crate::extract::lanes::is_ascii_text(text.as_bytes()),
        out,
    );
}

/// Whether a mention of `text` may lie outside every span of `covered` (spans of `text` on
/// character boundaries, in any order, which may overlap one another and reach past the text;
/// sorted by start, each part between them is read once):
/// whether a numeral may stand in a part of `text` outside them, as [`words::may_hold_numeral`]
/// tells of each such part. Every mention holds a numeral whole inside its span (a digit, a
/// character outside ASCII, or a word of value: the test of the sentence gate holds of each
/// mention's text alone), so that when none stands outside, every mention overlaps a covered span:
/// a word of value cut by a span's edge overlaps it, and one outside is a whole word of its part.
pub(crate) fn may_hold_numeral_outside(text: &str, covered: impl IntoIterator<Item = Span>) -> bool {
    let mut at = 0;
    for span in covered {
        let start = span.start.min(text.len());
        if start > at && words::may_hold_numeral(&text[at..start]) {
            return true;
        }
        at = at.max(span.end);
        if at >= text.len() {
            return false;
        }
    }
    words::may_hold_numeral(&text[at..])
}

/// [`find_numbers_without_text_into`] without its test for a text that holds no numeral, into
/// an empty `out`; `ascii` tells whether the text is all ASCII.
fn read_mentions(text: &str, ascii: bool, out: &mut Vec<Mention>) {
    // a tab separates a table row's cells (`read::CELL_SEPARATOR`): no number spans two
    // ("25.2 million\t31.5 million" is two figures, not 56.7 million; "-12.99\t-5.44%" no range).
    // Told by the tokeniser, which sees every space but the one after a token (a search for a tab of its own cost some 100
    // instructions a text): a text with a tab, rare, is cut again cell by cell.
    if !read_mentions_of_one_cell(text, ascii, out) {
        read_cells(text, ascii, out);
    }
}

/// [`read_mentions`] of each tab-separated cell of `text`, their spans in `text` (each cell of
/// an `ascii` text is ASCII; any other cell is tested).
fn read_cells(text: &str, ascii: bool, out: &mut Vec<Mention>) {
    let mut cell_mentions = Vec::new();
    let mut cell_start = 0;
    for cell in text.split('\t') {
        let cell_ascii = ascii || crate::extract::lanes::is_ascii_text(cell.as_bytes());
        let one_cell = read_mentions_of_one_cell(cell, cell_ascii, &mut cell_mentions);
        debug_assert!(one_cell, "a cell holds no tab");
        out.extend(cell_mentions.drain(..).map(|mut m| {
            m.start += cell_start;
            m.end += cell_start;
            m
        }));
        cell_start += cell.len() + 1;
    }
}

/// [`read_mentions`] of a text with no tab, into an empty `out`, `ascii` telling whether it is
/// all ASCII; `false` (nothing read) when the text holds a tab.
///
/// A text that holds a tab and fails the test of a numeral outside ASCII gives `true` and
/// nothing, as its cells would: a word or a character of a cell is one of the text's, so that
/// no cell outside ASCII passes that test, and every ASCII cell fails the test of a numeral
/// that its text failed (digits and ASCII words of value: [`words::may_hold_numeral`]).
fn read_mentions_of_one_cell(text: &str, ascii: bool, out: &mut Vec<Mention>) -> bool {
    // every text outside ASCII passed the test of a numeral: told here, where the tokeniser's
    // test of ASCII is known, so that ASCII texts are tested no longer
    if !ascii && !words::may_hold_numeral_outside_ascii(text) {
        return true;
    }
    Toks::read(text, ascii, |t| {
        if t.symbols.tab {
            return false;
        }
        read_tokens(t, out);
        merge_bound_pairs(text, out);
        // every restatement merged opens a bracket
        if t.symbols.open_bracket {
            merge_restatements(text, out);
        }
        true
    })
}

/// The mentions of `text` as the recognizers read them, before the bound pairs and the
/// restatements are merged.
#[cfg(test)]
fn read_unmerged(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    let ascii = text.is_ascii();
    Toks::read(text, ascii, |t| read_tokens(t, &mut out));
    out
}

/// `read_unmerged` of the text cut into tokens, pushed to an empty `out`.
fn read_tokens(t: &Toks, out: &mut Vec<Mention>) {
    debug_assert!(out.is_empty(), "mentions are read into an empty list");
    let text = t.text;
    let urls: Vec<(usize, usize)> = if t.symbols.may_hold_url {
        URL.find_iter(text).map(|m| (m.start(), m.end())).collect()
    } else {
        Vec::new()
    };
    let in_url = |i: usize| urls.iter().any(|&(s, e)| t.start(i) >= s && t.start(i) < e);
    // the token the reading is at: the tokens before it were read as part of a mention
    let mut at = 0;
    // looked up once, not at each word that starts
    let first_words = FirstWords::get();
    for (place, &i) in t.starts.iter().enumerate() {
        let i = i as usize;
        if i < at || !first_words.may_start_mention(t, i) || in_url(i) {
            continue;
        }
        // most mentions are plain numbers and percentages, read at their digits without the
        // readings of every other kind
        let next = if t.is(i, Tk::Digits) {
            room_for_mentions(out, t.starts.len() - place);
            plain_mention(t, i, out).or_else(|| mention_at(t, i, out))
        } else if t.atom_code(i) != 0 {
            // "half" is an atom: the half of a period is told among the atoms alone
            if is_half_of_a_period(t, i) {
                at = i + 1;
                continue;
            }
            // and the ordinal words, most of them in "the first half", as ordinals first
            ordinal_word_mention(t, i, out).or_else(|| mention_at(t, i, out))
        } else {
            mention_at(t, i, out)
        };
        if let Some(next) = next {
            // every reading ends past its first token (the reading before pushing did not keep
            // one that did not): the tests run with this check
            debug_assert!(next > i, "a mention read at token {i} ends at {next}");
            at = next;
        }
    }
}

/// Makes room in a full `out` for a mention at each of the `starts_left` starts left, at digits
/// (where most mentions are read: nearly every digits start reads one, and its room is not made
/// for nothing). A hint of capacity, not a bound the reading relies on: each start reads one
/// mention at most, so the list is grown no more for the text (grown by doubling, a list of a
/// text's mentions was copied, some 150 bytes a mention, for one text in six).
#[inline]
fn room_for_mentions(out: &mut Vec<Mention>, starts_left: usize) {
    if out.len() == out.capacity() {
        out.reserve_exact(starts_left);
    }
}

/// "the second half of 2014": a "half" that [`mention_at`] reads as a numeral only for
/// [`is_skipped`] to drop it (half a period, not a share), told from the words around it
/// without the reading. A period's half comes about every 230 bytes of report coverage.
/// "half of a million" is read: the numeral runs on there; so is "half:30" or "half.5".
fn is_half_of_a_period(t: &Toks, i: usize) -> bool {
    i > 0 && t.word(i) == "half" && ends_half_of_a_period(t, i + 1) && {
        words::is_ordinal_token(t, i - 1) || matches!(t.word(i - 1), "the" | "this" | "that" | "last" | "next")
    }
}

/// Whether the token at `k`, after a "half" of a period, ends the numeral there: "of" but not "of
/// a" ("the second half of 2014"), or a symbol that nothing after a number reads ("in the
/// second half, for a total").
fn ends_half_of_a_period(t: &Toks, k: usize) -> bool {
    if t.word(k) == "of" {
        return !matches!(t.word(k + 1), "a" | "an");
    }
    t.is(k, Tk::Sym) && is_plain_symbol_after(t, k)
}

/// The test [`Toks::read`] makes of each token of an ASCII text as it cuts it, for
/// [`Toks::starts`](lex::Toks): a cheaper test than [`FirstWords::may_start_mention`], that
/// holds of every token of which that holds. Most words fail it at one table lookup.
struct MentionStarts {
    /// [`WORD_LOWER`].
    words: &'static lex::LowerWords<LowerWord>,
}

/// The words of three letters at most that may start a mention though they have no
/// [`WordCodes`]: the one-letter scales of [`words::may_be_unlisted_atom`] and the codes of
/// [`is_currency_code`] (a test holds the list to the two), as written.
const SHORT_UNLISTED_STARTS: &[&str] = &[
    "k", "K", "M", "G", "MM", "Rs", "KSh", "Ksh", "USD", "EUR", "GBP", "JPY", "CNY", "INR", "CHF", "CAD", "AUD", "RMB",
    "SEK", "KES", "ZAR", "NGN", "BRL", "MXN",
];

/// What the tokeniser looks up of an ASCII word's lower case ([`WORD_LOWER`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct LowerWord {
    /// The word's codes (zeros for a word of [`SHORT_UNLISTED_STARTS`] only).
    codes: WordCodes,
    /// Whether the word in some case is one of [`SHORT_UNLISTED_STARTS`]: the words written so
    /// are told by their case ("USD", "K", not "usd" or "Usd").
    unlisted_start: bool,
}

impl MentionStarts {
    /// The test, with its table looked up once for a text.
    fn get() -> Self {
        MentionStarts { words: &WORD_LOWER }
    }

    /// Adds token `i` of kind `kind` (ASCII, `written`, and the sixteen bytes from it of the
    /// text's lowered copy `sixteen`) to `starts` when it may start a mention; a "$" adds the
    /// token before it too ("US$", "A$"), and so do digits `after_glued_period` (".5": a period
    /// starts nothing else, and most end a sentence). Gives the [`WordCodes`] of a word (zeros
    /// for other tokens). Always inlined: the tokeniser calls it for each kind of token, and its
    /// work is specialised to the kind.
    #[inline(always)]
    fn note(
        &self,
        starts: &mut Vec<u32>,
        i: usize,
        kind: Tk,
        written: &[u8],
        sixteen: &[u8; 16],
        after_glued_period: bool,
    ) -> WordCodes {
        let mut codes = WordCodes::default();
        let may = match kind {
            Tk::Digits => {
                if after_glued_period {
                    lex::push_in_room(starts, i as u32 - 1);
                }
                true
            }
            Tk::Word => {
                // the word's lower case in an ASCII text: lowercase ASCII letters, at the start
                // of `sixteen`; most words are not held
                let shown = written.len().min(16);
                debug_assert!(
                    sixteen[..shown].iter().all(u8::is_ascii_lowercase)
                        && sixteen[..shown].eq_ignore_ascii_case(&written[..shown]),
                    "the lowered word at the start of the sixteen bytes"
                );
                let found = self.words.get_at(sixteen, written.len());
                if let Some(found) = found {
                    codes = found.codes;
                }
                codes.first != 0
                    || found.is_some_and(|f| f.unlisted_start) && Self::is_short_unlisted_start(written)
                    || written.len() >= 8 && words::glued_tens(written)
            }
            // the symbols of `may_start_with_symbol` that are ASCII
            Tk::Sym => match written[0] {
                b'$' => {
                    if i > 0 && starts.last() != Some(&(i as u32 - 1)) {
                        lex::push_in_room(starts, i as u32 - 1);
                    }
                    true
                }
                b'>' | b'<' | b'-' => true,
                _ => false,
            },
        };
        if may {
            lex::push_in_room(starts, i as u32);
        }
        codes
    }

    /// Whether `written`, a word whose lower case is that of a word of
    /// [`SHORT_UNLISTED_STARTS`], is written as one of them. Not inlined: few words ask.
    #[inline(never)]
    fn is_short_unlisted_start(written: &[u8]) -> bool {
        SHORT_UNLISTED_STARTS.iter().any(|w| w.as_bytes() == written)
    }
}

/// [`FirstWords::may_start_mention`], the list looked up for the one token.
#[cfg(test)]
fn may_start_mention(t: &Toks, i: usize) -> bool {
    FirstWords::get().may_start_mention(t, i)
}

/// [`FIRST_WORD_LIST`], looked up once for the starts of a text (at each word that starts, its
/// lazy test and its length cost some 0.1 instructions a byte of generated text).
#[derive(Clone, Copy)]
struct FirstWords(&'static [(&'static str, FirstWord)]);

impl FirstWords {
    /// The list.
    #[inline]
    fn get() -> Self {
        FirstWords(&FIRST_WORD_LIST)
    }

    /// What the word at `i` starts, when it is one of [`MENTION_FIRST_WORDS`] (the code its
    /// token holds).
    #[inline]
    fn first_word(self, t: &Toks, i: usize) -> Option<&'static FirstWord> {
        let place = t.first_code(i).checked_sub(1)?;
        Some(&self.0[usize::from(place)].1)
    }

    /// Whether [`mention_at`] can find anything at token `i`: a cheap test that lets most
    /// words of a text (which start no number, range, qualifier or currency) skip the
    /// recognizers.
    ///
    /// Every symbol and digit token may start a mention; a word may only when it starts a
    /// numeral ("thirty", "half", "a"), a qualifier ("more than"), a range ("between",
    /// "from"), a sign ("minus"), a percent named first ("percent of") or a currency written
    /// before the amount ("USD", "Rs", "US$").
    #[inline]
    fn may_start_mention(self, t: &Toks, i: usize) -> bool {
        if t.is(i, Tk::Sym) {
            return may_start_with_symbol(t, i);
        }
        if !t.is(i, Tk::Word) {
            return true;
        }
        let Some(f) = self.first_word(t, i) else {
            return may_start_unlisted(t, i);
        };
        if f.article {
            // Among the commonest words, and a numeral only before a multiplier or a fraction
            // ("a hundred", "a fifth"); "an" also starts "an estimated", and "A$" is a currency.
            let word = t.word(i);
            return words::may_follow_a(t, i + 1) || ARTICLES_STARTING_QUALIFIERS.contains(&word) || t.sym(i + 1, "$");
        }
        f.may_start_at(t, i)
    }
}

/// [`FirstWords::may_start_mention`] of a word that is none of [`FIRST_WORD_LIST`].
fn may_start_unlisted(t: &Toks, i: usize) -> bool {
    let written = t.str(i);
    words::may_be_unlisted_atom(written) && words::starts_numeral_unlisted(t, i)
        || t.sym(i + 1, "$")
        || is_currency_code(written)
}

/// Which of "a" and "an" start a qualifier ("an estimated"): looked up once, not for every
/// article of a text.
static ARTICLES_STARTING_QUALIFIERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    ["a", "an"]
        .into_iter()
        .filter(|w| QUALIFIERS_BY_FIRST_WORD.contains_key(w))
        .collect()
});

/// The symbols [`mention_at`] can start at: a bound sign (">", "≤"), a currency symbol written
/// before the amount, a dash read as a minus sign, and the symbols a numeral can start with
/// ("½", ".5"). Every other symbol (commas, quotes, brackets: most of them) reads nothing; "&"
/// joins the atoms of a numeral ("three hundred & five") but starts none. A period starts a
/// numeral only when digits touch it (".5"): most periods end a sentence, and are spared.
fn may_start_with_symbol(t: &Toks, i: usize) -> bool {
    match t.str(i) {
        ">" | "≥" | "<" | "≤" | "$" | "€" | "£" | "¥" | "₹" => return true,
        "." => return t.glued(i) && t.is(i + 1, Tk::Digits),
        _ => {}
    }
    t.dash(i) || lex::is_vulgar_fraction(t.str(i))
}

/// The words other than numerals that [`mention_at`] can start at: the first words of
/// qualifiers, of ranges ([`prefixed_range`]), of signs ([`simple`]) and of [`percent_of`].
///
/// The words that are numerals on their own ([`words::numeral_words`]) are in the set too, so
/// that one lookup settles most words; but not "and", which joins the atoms of a numeral ("one
/// hundred and five") and starts none: one of the commonest words, it is spared the recognizers.
///
/// Each word comes with the words that must follow it for a mention to start there, or none when
/// any may: a word that starts nothing but qualifiers of two words or more ("in excess of", "at
/// least", "up to", "as many as") needs the second word of one of them. "in", "at", "up" and
/// "as" are common words, and most of them (in the text's other sense) are spared the reading.
static MENTION_FIRST_WORDS: LazyLock<FxHashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let others = RANGE_FIRST_WORDS.into_iter().chain(SIGN_AND_PERCENT_WORDS);
    let mut words: FxHashMap<&'static str, Vec<&'static str>> = FxHashMap::default();
    for w in others.chain(words::numeral_words().filter(|w| *w != "and")) {
        words.insert(w, Vec::new());
    }
    for (first, phrases) in QUALIFIERS_BY_FIRST_WORD.iter() {
        let seconds: Option<Vec<&'static str>> = phrases.iter().map(|(p, _)| p.split(' ').nth(1)).collect();
        match (words.get(first), seconds) {
            (None, Some(seconds)) => words.insert(first, seconds),
            // a phrase of one word, or a word that starts something else: any word may follow
            _ => words.insert(first, Vec::new()),
        };
    }
    words
});

/// The words that start a range before its first number ([`prefixed_range`]).
const RANGE_FIRST_WORDS: [&str; 2] = ["between", "from"];

/// The words other than numerals that start a reading of a number at themselves: a sign
/// ("minus five", in [`simple`]) or a percent named first ("percent of ten", [`percent_of`]).
const SIGN_AND_PERCENT_WORDS: [&str; 5] = ["minus", "negative", "percent", "percents", "per"];

/// What a word of [`MENTION_FIRST_WORDS`] starts.
#[derive(Debug, PartialEq)]
struct FirstWord {
    /// The words that must follow it for a mention to start there, none when any may.
    seconds: Vec<&'static str>,
    /// The qualifier phrases it starts ([`QUALIFIERS_BY_FIRST_WORD`]), none when it starts none.
    qualifiers: Vec<(&'static str, Bound)>,
    /// For a word that starts only qualifiers and ranges ("from", "about", "at", "some"), the
    /// lengths in words of what it starts, in order: a mention starting at it reads a number at
    /// one of these places after it (or after a "the" in a range). None for a word that reads
    /// a number itself (a numeral, a sign, "percent"), where any token may follow.
    words_before_number: Vec<usize>,
    /// Whether it starts a range, whose number may follow a "the" ("between the tenth and the
    /// fifteenth").
    starts_range: bool,
    /// Whether it is "a" or "an", which [`FirstWords::may_start_mention`] tests on their own
    /// (told by the word's code, not by comparing every word that may start with them).
    article: bool,
}

impl FirstWord {
    /// What `word`, which needs one of `seconds` after it (or none), starts.
    fn of(word: &'static str, seconds: Vec<&'static str>) -> Self {
        let qualifiers = QUALIFIERS_BY_FIRST_WORD.get(word).cloned().unwrap_or_default();
        let starts_range = RANGE_FIRST_WORDS.contains(&word);
        let reads_number = SIGN_AND_PERCENT_WORDS.contains(&word) || words::numeral_words().any(|n| n == word);
        let mut words_before_number: Vec<usize> = if reads_number {
            Vec::new()
        } else {
            let phrases = qualifiers.iter().map(|(p, _)| p.split(' ').count());
            phrases.chain(starts_range.then_some(1)).collect()
        };
        words_before_number.sort_unstable();
        words_before_number.dedup();
        FirstWord {
            seconds,
            qualifiers,
            words_before_number,
            starts_range,
            article: matches!(word, "a" | "an"),
        }
    }

    /// Whether [`mention_at`] may find anything at this word at `i`, as the tokens after it
    /// tell: its second word, and the number that must follow what it starts.
    ///
    /// A listed word that needs a second word or a number after it and has neither ("in the",
    /// "from governments", "about its", "at least some": many of a text's starts) is neither a
    /// numeral, an unlisted atom nor a currency code in any case (a test holds it): only a "$"
    /// after it is left to test.
    #[inline]
    fn may_start_at(&self, t: &Toks, i: usize) -> bool {
        let second = self.seconds.is_empty() || self.seconds.contains(&t.word(i + 1));
        second && self.number_may_follow(t, i) || t.sym(i + 1, "$")
    }

    /// Whether a number may be read where what this word at `i` starts needs one: after one of
    /// its phrases, or after a "the" in a range. The qualifier and range readers read nothing
    /// else there, and test [`may_start_simple`] first.
    #[inline]
    fn number_may_follow(&self, t: &Toks, i: usize) -> bool {
        self.words_before_number.is_empty()
            || self.words_before_number.iter().any(|&k| may_start_simple(t, i + k))
            || self.starts_range && t.word(i + 1) == "the" && may_start_simple(t, i + 2)
    }
}

/// [`MENTION_FIRST_WORDS`] in a list, each with what it starts: a token holds the place of its
/// word plus one ([`WordCodes::first`]), so that the reader looks nothing up again.
static FIRST_WORD_LIST: LazyLock<Vec<(&'static str, FirstWord)>> = LazyLock::new(|| {
    let mut list: Vec<(&'static str, FirstWord)> = MENTION_FIRST_WORDS
        .iter()
        .map(|(w, seconds)| (*w, FirstWord::of(w, seconds.clone())))
        .collect();
    list.sort_by(|a, b| a.0.cmp(b.0));
    assert!(
        list.len() < usize::from(u8::MAX),
        "a first word's place holds in a byte"
    );
    list
});

/// The codes a token holds of its word, looked up once as the text is cut: the
/// [`words::atom_code`] of its atom and the place of its [`FirstWord`] plus one (0 for none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct WordCodes {
    pub atom: u8,
    pub first: u8,
}

/// The [`WordCodes`] of every word that has an atom or may start a mention (the words of
/// [`MENTION_FIRST_WORDS`] and "and", the one atom that starts nothing), in one
/// [`words::WordTable`], for the words outside ASCII ([`word_codes`]; an ASCII word is looked
/// up in [`WORD_LOWER`], which holds the same words) and as the tests' reference.
static WORD_CODES: LazyLock<words::WordTable<WordCodes>> =
    LazyLock::new(|| words::WordTable::of(word_code_list().into_iter()));

/// [`WORD_CODES`] and the lower case of [`SHORT_UNLISTED_STARTS`], as the tokeniser looks its
/// ASCII words up ([`lex::LowerWords`]).
static WORD_LOWER: LazyLock<lex::LowerWords<LowerWord>> = LazyLock::new(|| {
    let mut words: Vec<(String, LowerWord)> = word_code_list()
        .into_iter()
        .map(|(w, codes)| {
            (
                w.to_owned(),
                LowerWord {
                    codes,
                    unlisted_start: false,
                },
            )
        })
        .collect();
    for start in SHORT_UNLISTED_STARTS {
        let lower = start.to_ascii_lowercase();
        match words.iter_mut().find(|(w, _)| *w == lower) {
            Some((_, found)) => found.unlisted_start = true,
            None => words.push((
                lower,
                LowerWord {
                    codes: WordCodes::default(),
                    unlisted_start: true,
                },
            )),
        }
    }
    lex::LowerWords::of(words.iter().map(|(w, found)| (w.as_str(), *found)))
});

/// The words of [`WORD_CODES`] and their codes.
fn word_code_list() -> Vec<(&'static str, WordCodes)> {
    let firsts = FIRST_WORD_LIST.iter().enumerate().map(|(k, (w, _))| (*w, k as u8 + 1));
    let words: Vec<(&'static str, u8)> = firsts.chain([("and", 0)]).collect();
    for atom_word in words::numeral_words() {
        assert!(
            words.iter().any(|(w, _)| *w == atom_word),
            "{atom_word}: an atom's word is held"
        );
    }
    let codes = words.into_iter().map(|(w, first)| {
        let atom = words::atom_code(w.as_bytes());
        (w, WordCodes { atom, first })
    });
    codes.collect()
}

/// What the word at `i` starts, when it is one of [`MENTION_FIRST_WORDS`] (the code its token
/// holds).
#[inline]
fn first_word(t: &Toks, i: usize) -> Option<&'static FirstWord> {
    FirstWords::get().first_word(t, i)
}

/// The [`WordCodes`] of a lowercased word of any text (zeros for a word that has none).
fn word_codes(word: &str) -> WordCodes {
    WORD_CODES.get(word.as_bytes()).copied().unwrap_or_default()
}

/// The mention starting at token `i`, added to `out`, with the token after it; the token after
/// what is read for tokens that are read but are not a mention (a year span, a clock time);
/// `None` when nothing starts here.
///
/// Each mention is built where it is found and pushed at once: returned up the calls instead, the
/// mention (some 150 bytes) was copied three times on its way into the list.
fn mention_at(t: &Toks, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    if let Some(next) = prefixed_range(t, i, out) {
        return Some(next);
    }
    if let Some((phrase, bound, next)) = qualifier(t, i) {
        // read once: the number after the qualifier is both the low end of a range and the
        // bounded number
        let after = simple(t, next);
        if let Some(r) = after.as_ref().and_then(|low| range_from(t, next, low, out)) {
            return Some(r);
        }
        if let Some(s) = after.filter(|s| s.kind != MentionKind::Ordinal) {
            let s = ratio(t, &s).unwrap_or(s);
            let approximate = matches!(bound, Bound::Approx | Bound::Exact);
            if let Some((suffix, b, after)) = suffix(t, s.next).filter(|_| approximate) {
                // "about 500 or more": the bound after the number is the one that counts
                let first = if bound == Bound::Exact { i } else { s.first };
                out.push(qualified(t, &s, first, after, suffix, b));
                return Some(after);
            }
            return Some(bounded(t, i, phrase, bound, s, out));
        }
    }
    // read once: the number here is both the low end of a range and the mention on its own
    let here = simple(t, i);
    if let Some(r) = here.as_ref().and_then(|low| range_from(t, i, low, out)) {
        return Some(r);
    }
    if let Some(next) = percent_of(t, i, out) {
        return Some(next);
    }
    // lent, not moved: the reading is some 70 bytes
    let s = here.as_ref()?;
    if let Some(next) = skipped(t, s) {
        return Some(next);
    }
    if let Some(f) = ratio(t, s) {
        return Some(suffixed(t, &f, out));
    }
    Some(suffixed(t, s, out))
}

/// [`mention_at`] at digits `i` for the commonest mentions, read without the general readings: a
/// number ([`lex::plain_literal`]: "2014", "31,002", "3.5") alone or followed by "%", "percent"
/// or "pct", with nothing glued before it. `None` (nothing added) when what stands around it may
/// make it another reading: a word or a symbol that the numeral grammar, a percent, a currency,
/// a range, a ratio, a clock time, a year span or a bound after a number reads.
fn plain_mention(t: &Toks, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    if i > 0 && t.glued(i - 1) {
        return None; // "$5", "-5", "i7", "1995-01": affixes and chains
    }
    let l = lex::plain_literal(t, i)?;
    let k = l.next;
    let percent = if t.sym(k, "%") {
        if t.gap(k - 1).len() > 1 {
            return None;
        }
        true
    } else if t.is(k, Tk::Word) {
        if t.atom_code(k) != 0 || words::may_be_unlisted_atom(t.str(k)) {
            return None; // "5 million", "3 and a half", "10 K": the numeral runs on
        }
        match t.word(k) {
            "percent" | "percents" | "pct" => true,
            // "per cent", "percentage points", "3 points" after a change: the general reading's
            "per" | "percentage" | "points" | "point" => return None,
            // most words after a number start no currency, told without the call (as
            // `currency_after_if_may` tells it, less its test of a symbol: +0.16 instructions a
            // byte of generated text with it)
            _ if may_start_currency_word(t.word(k)) && currency_after(t, k).is_some() => return None,
            _ => false,
        }
    } else if t.is(k, Tk::Digits) || !is_plain_symbol_after(t, k) {
        return None; // "2 1/4", "5 $", "0 - 999"
    } else {
        false
    };
    let next = if percent { k + 1 } else { k };
    if reads_on_after_number(t, next) {
        return None;
    }
    let (kind, unit) = if percent {
        (MentionKind::Percent, Some("percent".to_owned()))
    } else {
        (MentionKind::Number, None)
    };
    out.push(Mention {
        text: String::new(), // filled in by find_numbers
        start: t.start(i),
        end: t.end(next - 1),
        kind,
        value: Some(l.value),
        low: Some(l.value),
        high: Some(l.value),
        approx: None,
        unit,
        precision: l.precision,
        plain: true,
    });
    Some(next)
}

/// [`mention_at`] at a word that is a singular ordinal on its own ("the first half", "second"),
/// read without the general readings: an ordinal word starts no range (only "between" joins
/// two ordinals), no qualifier, percent or ratio, and takes no affix. `None` (nothing added)
/// for other tokens and for a clock time after it ("first:30"), which is skipped.
fn ordinal_word_mention(t: &Toks, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let n = words::lone_ordinal_word(t, i)?;
    if is_clock_colon(t, i + 1) {
        return None;
    }
    out.push(Mention {
        text: String::new(), // filled in by find_numbers
        start: t.start(i),
        end: t.end(i),
        kind: MentionKind::Ordinal,
        value: Some(n.value),
        low: Some(n.value),
        high: Some(n.value),
        approx: None,
        unit: None,
        precision: n.precision,
        plain: false,
    });
    Some(n.next)
}

/// Whether token `k` after a plain number is a symbol that nothing after a number reads: one
/// ASCII punctuation mark of a few ("," "." ";" ":" "(" ")" quotes "!" "?"), with no digits after a
/// period or glued to a colon (".5", "9:30"); past the end of the text too.
fn is_plain_symbol_after(t: &Toks, k: usize) -> bool {
    match t.str(k) {
        "" => true,
        "," | ";" | "(" | ")" | "\"" | "!" | "?" => true,
        "." => !t.is(k + 1, Tk::Digits),
        ":" => !(t.glued(k) && t.is(k + 1, Tk::Digits)),
        _ => false,
    }
}

/// Whether the token at `next`, after a plain number (and its percent sign), may go on with
/// its reading: the joiner of a range before a number ("-", "~", "to 5"), of a ratio ("in 5",
/// "over 5", "out of"), a bound after it ("or more", "and above"), a clock time ("9:30", "2
/// pm", "5 p.m."), a year span ("2014/15"). "in the", "to the" and "or so" go on with nothing.
fn reads_on_after_number(t: &Toks, next: usize) -> bool {
    if t.is(next, Tk::Sym) {
        return t.dash(next)
            || matches!(t.str(next), "~" | "/")
            || t.sym(next, ":") && t.glued(next) && t.is(next + 1, Tk::Digits);
    }
    match t.word(next) {
        // a range or a ratio needs a number after its joiner: a word starts none unless it
        // may start a simple mention (a numeral, a sign, a currency)
        "to" | "through" | "thru" | "in" | "over" => may_start_simple(t, next + 1),
        "out" => t.word(next + 1) == "of",
        "or" | "and" => suffix(t, next).is_some(),
        "am" | "pm" | "a" | "p" => true,
        _ => false,
    }
}

/// Whether [`read_simple`] can read anything at token `i`: a word only starts one as a currency
/// written before the amount ("US$", "Rs", "USD"), a sign ("minus") or a numeral. Most words
/// that start a mention start a qualifier or a range instead ("in", "from", "about"), and are
/// spared the reading.
#[inline]
fn may_start_simple(t: &Toks, i: usize) -> bool {
    !t.is(i, Tk::Word)
        || words::word_starts_numeral(t, i)
        || matches!(t.word(i), "minus" | "negative")
        || t.sym(i + 1, "$")
        || is_currency_code(t.str(i))
}

/// A simple mention with an optional bound after it ("500 or more"), added to `out`: the token
/// after it.
fn suffixed(t: &Toks, s: &Simple, out: &mut Vec<Mention>) -> usize {
    if s.kind != MentionKind::Ordinal {
        if let Some((phrase, bound, next)) = suffix(t, s.next) {
            out.push(qualified(t, s, s.first, next, phrase, bound));
            return next;
        }
    }
    out.push(mention(t, s, s.first, s.next));
    s.next
}

fn mention(t: &Toks, s: &Simple, first: usize, next: usize) -> Mention {
    let (start, end) = (t.start(first), t.end(next - 1));
    Mention {
        text: String::new(), // filled in by find_numbers
        start,
        end,
        kind: s.kind,
        value: Some(s.value),
        low: Some(s.value),
        high: Some(s.value),
        approx: None,
        unit: s.unit.map(str::to_owned),
        precision: s.precision,
        plain: false,
    }
}

/// [`mention`] with a qualifier phrase as written and what it says of the value.
fn qualified(t: &Toks, s: &Simple, first: usize, next: usize, phrase: &str, bound: Bound) -> Mention {
    let v = Some(s.value);
    let (low, high) = match bound {
        Bound::Lower => (v, None),
        Bound::Upper => (None, v),
        Bound::Approx => (None, None),
        Bound::Exact => (v, v),
    };
    Mention {
        approx: Some(phrase.to_owned()),
        low,
        high,
        ..mention(t, s, first, next)
    }
}

/// A qualified mention: "more than 50", "up to $180 billion", "less than 5000 or equal", added
/// to `out`: the token after it.
fn bounded(t: &Toks, first: usize, phrase: &str, bound: Bound, s: Simple, out: &mut Vec<Mention>) -> usize {
    let mut next = s.next;
    // "less than 5000 or equal", "more than 5000 or equal to" (but not "or equal to 6000")
    if t.word(next) == "or" && t.word(next + 1) == "equal" && matches!(bound, Bound::Lower | Bound::Upper) {
        let to = t.word(next + 2) == "to";
        let after = next + 2 + usize::from(to);
        if simple(t, after).is_none() {
            next = after;
        }
    }
    out.push(qualified(t, &s, first, next, phrase, bound));
    next
}

/// The qualifier phrase at `i`: (as written, lowercased; its meaning; the token after it).
fn qualifier<'a>(t: &Toks<'a>, i: usize) -> Option<(&'a str, Bound, usize)> {
    if let Some(r) = symbol_bound(t, i) {
        return Some(r);
    }
    if !t.is(i, Tk::Word) {
        return None;
    }
    let first = t.word(i);
    // most words start no qualifier: the code the token holds skips the phrase list for them
    let phrases = &first_word(t, i)?.qualifiers;
    if phrases.is_empty() {
        return None;
    }
    if first == "about" && i > 0 && ABOUT_AS_PREPOSITION.contains(&t.word(i - 1)) {
        return None; // "information about 42,648 users": about is "concerning"
    }
    phrases.iter().find_map(|(p, b)| {
        // no "the" in between: "over the 12 months" is a period, not a bound
        let next = words_match(t, i, p)?;
        Some((*p, *b, next))
    })
}

/// The phrases of [`QUALIFIERS`] by their first word, in their order. Looked up for every word
/// of the text, so with a fast hash (no need for SipHash's resistance here: the keys are fixed).
static QUALIFIERS_BY_FIRST_WORD: LazyLock<FxHashMap<&'static str, Vec<(&'static str, Bound)>>> = LazyLock::new(|| {
    let mut by_first: FxHashMap<&'static str, Vec<(&'static str, Bound)>> = FxHashMap::default();
    for &(p, b) in QUALIFIERS {
        by_first
            .entry(p.split(' ').next().unwrap_or(p))
            .or_default()
            .push((p, b));
    }
    by_first
});

/// Whether the words of `phrase` (words of letters joined by single spaces) stand at `i`: the
/// token after them. The phrase is walked along the tokens rather than split into words first,
/// which cost more than the comparisons (every qualifier and suffix phrase is tried this way).
fn words_match(t: &Toks, i: usize, phrase: &str) -> Option<usize> {
    let mut j = i;
    let mut rest = phrase;
    loop {
        let word = t.word(j);
        // a token that is no word ("" here) matches no word of the phrase
        rest = rest.strip_prefix(word).filter(|_| !word.is_empty())?;
        j += 1;
        match rest.as_bytes().first() {
            None => return Some(j),
            Some(b' ') => rest = &rest[1..],
            Some(_) => return None, // the token is only the start of the phrase's word
        }
    }
}

/// ">30", ">= 30", "< = 100", "≤ 5" (but not "<>30", "=>30").
fn symbol_bound<'a>(t: &Toks<'a>, i: usize) -> Option<(&'a str, Bound, usize)> {
    let s = t.str(i);
    let bound = match s {
        ">" | "≥" => Bound::Lower,
        "<" | "≤" => Bound::Upper,
        _ => return None,
    };
    if i > 0 && t.glued(i - 1) && matches!(t.str(i - 1), "=" | "<" | ">") {
        return None;
    }
    let mut j = i + 1;
    let mut phrase = s;
    if t.sym(j, "=") {
        phrase = &t.text[t.start(i)..t.end(j)];
        j += 1;
    }
    if matches!(t.str(j), "<" | ">" | "=") {
        return None;
    }
    Some((phrase, bound, j))
}

/// A qualifier after a number at `j`.
#[inline(always)]
fn suffix(t: &Toks, j: usize) -> Option<(&'static str, Bound, usize)> {
    // every suffix starts with "or" or "and": most numbers are followed by neither, and are
    // spared the call
    if !matches!(t.word(j), "or" | "and") {
        return None;
    }
    suffix_phrase(t, j)
}

/// [`suffix`] at an "or" or "and".
fn suffix_phrase(t: &Toks, j: usize) -> Option<(&'static str, Bound, usize)> {
    SUFFIXES.iter().find_map(|(p, b)| {
        let mut n = words_match(t, j, p)?;
        if simple(t, n).is_some() {
            return None; // "above 1000 and below 1500": the next number's bound
        }
        // "200 or greater than" (but "200 or greater than 190" bounds the 190)
        if t.word(n) == "than" {
            if simple(t, n + 1).is_some() {
                return None;
            }
            n += 1;
        }
        Some((*p, *b, n))
    })
}

/// "between 1,000 and 1,499", "from 200 to 3000000", "between the tenth and the fifteenth",
/// added to `out`: the token after it.
fn prefixed_range(t: &Toks, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let joiners: &[&str] = match t.word(i) {
        "between" => &["and"],
        "from" => &["to", "through", "thru", "-", "–", "—"],
        _ => return None,
    };
    let the = |j: usize| if t.word(j) == "the" { j + 1 } else { j };
    let low_at = the(i + 1);
    // most "from"s are followed by no number ("from governments"), and are spared the lookups
    // of the change verbs before them; most of the others follow one ("up 8 percent from
    // 22,191"), and are spared the reading of the number
    if !may_start_simple(t, low_at) || t.word(i) == "from" && changes_before(t, i) {
        return None;
    }
    let low = read_simple(t, low_at)?;
    let k = low.next;
    let joined = joiners.iter().any(|w| t.word(k) == *w || t.str(k) == *w);
    if !joined {
        return None;
    }
    let high = simple(t, the(k + 1))?;
    range_mention(t, i, low, high, out)
}

/// Whether a change verb stands in the three words before `i` ("rose from", "up 5% from").
fn changes_before(t: &Toks, i: usize) -> bool {
    let table = &*CHANGE_WORD_TABLE;
    // most words are out at their shape, without the lookup
    (i.saturating_sub(4)..i).any(|k| {
        let word = t.word(k).as_bytes();
        table.may_hold(word) && table.get(word).is_some()
    })
}

/// "0-999", "0–999", "0 to 999", "20 through 100", "20~100", "5k-20k", "50 to 80%": the range
/// whose low end `low` was read at `i` (callers read it once for this and for the number alone,
/// and lend it: most numbers start no range, and are not copied for it), added to `out`: the
/// token after it.
#[inline(always)]
fn range_from(t: &Toks, i: usize, low: &Simple, out: &mut Vec<Mention>) -> Option<usize> {
    let k = low.next;
    // tested where it is called: most numbers are followed by no joiner
    let dash = t.dash(k) || t.sym(k, "~");
    if !(dash || matches!(t.word(k), "to" | "through" | "thru")) {
        return None;
    }
    range_after(t, i, low, dash, out)
}

/// [`range_from`] at its joiner (a dash or a tilde when `dash`).
fn range_after(t: &Toks, i: usize, low: &Simple, dash: bool, out: &mut Vec<Mention>) -> Option<usize> {
    let k = low.next;
    if dash {
        // a phone number or a date ("+1-222-2222", "1995-01") is no range
        let before_chain = i > 0 && t.glued(i - 1) && matches!(t.str(i - 1), "+" | "-" | "/" | ".");
        if before_chain {
            return None;
        }
    } else if changes_before(t, i) && !(i > 0 && t.word(i - 1) == "to") {
        // "rose from 5 to 6" is a change; "rose to 5 to 6 percent" a change to a range
        return None;
    }
    let high = simple(t, k + 1)?;
    if year_then_count(t, low, &high) {
        return None;
    }
    if dash && t.glued(high.next - 1) && (t.dash(high.next) || t.sym(high.next, "/")) && t.is(high.next + 1, Tk::Digits)
    {
        return None;
    }
    range_mention(t, i, low.clone(), high, out)
}

/// "the total for 2014 to 59,509": a year followed by a count that is no year (comma-grouped, or
/// at least five digits) names the year of a figure, not the low end of a range.
fn year_then_count(t: &Toks, low: &Simple, high: &Simple) -> bool {
    let one_token = low.next == low.first + 1 && low.kind == MentionKind::Number && low.scale == 1.0;
    let y = t.str(low.first);
    let year = one_token && y.len() == 4 && (y.starts_with("19") || y.starts_with("20"));
    let high_text = &t.text[t.start(high.first)..t.end(high.next - 1)];
    year && (high_text.contains(',') || high.value >= 10_000.0)
}

/// A range from two simple mentions, when they make one (same kind, or a unit written once,
/// after the second; low below high), added to `out`: the token after it.
fn range_mention(t: &Toks, first: usize, low: Simple, high: Simple, out: &mut Vec<Mention>) -> Option<usize> {
    use MentionKind::*;
    let joinable = match (low.kind, high.kind) {
        (a, b) if a == b => a != Ordinal || t.word(first) == "between",
        (Number, Percent | Money) => high.trailing_unit,
        _ => false,
    };
    if !joinable || low.unit.is_some() && high.unit.is_some() && low.unit != high.unit {
        return None;
    }
    // "2 to 3 million", "between $5 and $10 billion": the scale written once covers both
    let mut low = low;
    if low.scale == 1.0 && high.scale > 1.0 && low.value * high.scale < high.value {
        low.value = whole_if_nearly(low.value * high.scale);
        low.precision *= high.scale;
    }
    if low.value >= high.value || low.fraction != high.fraction {
        return None;
    }
    let (start, end) = (t.start(first), t.end(high.next - 1));
    let unit = high.unit.or(low.unit).map(str::to_owned);
    out.push(Mention {
        text: String::new(), // filled in by find_numbers
        start,
        end,
        kind: MentionKind::Range,
        value: None,
        low: Some(low.value),
        high: Some(high.value),
        approx: None,
        unit,
        precision: low.precision.min(high.precision),
        plain: false,
    });
    Some(high.next)
}

/// "percent of 10", "per cent of twenty-two": the percent named first, added to `out`: the token
/// after it.
fn percent_of(t: &Toks, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let j = match t.word(i) {
        "percent" | "percents" => i + 1,
        "per" if t.word(i + 1) == "cent" => i + 2,
        _ => return None,
    };
    if t.word(j) != "of" || (i > 0 && t.is(i - 1, Tk::Digits)) {
        return None;
    }
    let n = numeral(t, j + 1).filter(|n| !n.ordinal)?;
    let s = Simple {
        value: n.value,
        first: i,
        next: n.next,
        kind: MentionKind::Percent,
        unit: Some("percent"),
        precision: n.precision,
        fraction: n.fraction,
        trailing_unit: false,
        scale: 1.0,
    };
    out.push(mention(t, &s, i, n.next));
    Some(n.next)
}

/// Currency written before an amount: the code and the token after it.
#[inline]
fn currency_before(t: &Toks, i: usize) -> Option<(&'static str, usize)> {
    if t.is(i, Tk::Digits) {
        // every currency is a symbol or a word: the amount itself, where most readings start,
        // is spared the comparisons (a three-digit amount would be compared with every code)
        return None;
    }
    currency_at(t, i)
}

/// [`currency_before`] read at any token (digits read none).
fn currency_at(t: &Toks, i: usize) -> Option<(&'static str, usize)> {
    let code = |s: &str| -> Option<&'static str> {
        Some(match s {
            "$" => "USD",
            "€" => "EUR",
            "£" => "GBP",
            "¥" => "JPY",
            "₹" => "INR",
            _ => return None,
        })
    };
    if let Some(c) = code(t.str(i)) {
        return Some((c, i + 1));
    }
    if t.is(i, Tk::Word) && t.sym(i + 1, "$") && t.gap(i).len() <= 1 {
        let c = match t.str(i) {
            "US" | "us" | "Us" => "USD",
            "C" | "c" | "CA" => "CAD",
            "A" | "AU" => "AUD",
            "HK" | "hk" => "HKD",
            "NZ" | "nz" => "NZD",
            "S" => "SGD",
            "R" => "BRL",
            _ => return None,
        };
        return Some((c, i + 2));
    }
    // "Rs 20", "Rs. 20", "Rs20": Indian rupees
    if t.str(i) == "Rs" {
        let dot = t.sym(i + 1, ".") && t.glued(i);
        return Some(("INR", i + 1 + usize::from(dot)));
    }
    // "KSh 335.4 billion", "Ksh 20": Kenyan shillings
    if matches!(t.str(i), "KSh" | "Ksh") {
        return Some(("KES", i + 1));
    }
    let word = t.str(i);
    if word.len() != 3 {
        return None; // every code is three letters: most tokens end here
    }
    let c = CODES.iter().find(|k| **k == word)?;
    Some((c, i + 1))
}

/// Whether the word at `i` is a currency code that may be glued to its amount ("USD3.14").
/// Inlined: asked of most words read as the start of a number, which fail at the length.
#[inline(always)]
pub(super) fn is_currency_code(word: &str) -> bool {
    // two or three letters, the first a capital: most words end at these tests
    matches!(word.len(), 2 | 3)
        && word.as_bytes()[0].is_ascii_uppercase()
        && (matches!(word, "Rs" | "KSh" | "Ksh") || CODES.contains(&word))
}

/// ISO codes written before an amount ("USD 5").
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "CHF", "CAD", "AUD", "RMB", "SEK", "KES", "ZAR", "NGN", "BRL", "MXN",
];

/// The currency words: each with its ISO code and the share of the unit it names (a cent is
/// 0.01).
const CURRENCY_WORDS: &[(&str, &str, f64)] = &[
    ("dollar", "USD", 1.0),
    ("dollars", "USD", 1.0),
    ("buck", "USD", 1.0),
    ("bucks", "USD", 1.0),
    ("usd", "USD", 1.0),
    ("euro", "EUR", 1.0),
    ("euros", "EUR", 1.0),
    ("eur", "EUR", 1.0),
    ("pound", "GBP", 1.0),
    ("pounds", "GBP", 1.0),
    ("gbp", "GBP", 1.0),
    ("sterling", "GBP", 1.0),
    ("quid", "GBP", 1.0),
    ("yen", "JPY", 1.0),
    ("jpy", "JPY", 1.0),
    ("yuan", "CNY", 1.0),
    ("renminbi", "CNY", 1.0),
    ("cny", "CNY", 1.0),
    ("rmb", "CNY", 1.0),
    ("rupee", "INR", 1.0),
    ("rupees", "INR", 1.0),
    ("inr", "INR", 1.0),
    ("franc", "CHF", 1.0),
    ("francs", "CHF", 1.0),
    ("chf", "CHF", 1.0),
    ("peso", "MXN", 1.0),
    ("pesos", "MXN", 1.0),
    ("lira", "TRY", 1.0),
    ("liras", "TRY", 1.0),
    ("lire", "TRY", 1.0),
    ("peseta", "ESP", 1.0),
    ("pesetas", "ESP", 1.0),
    ("guilder", "NLG", 1.0),
    ("guilders", "NLG", 1.0),
    ("markka", "FIM", 1.0),
    ("markkaa", "FIM", 1.0),
    ("krona", "SEK", 1.0),
    ("kronor", "SEK", 1.0),
    ("krone", "NOK", 1.0),
    ("kroner", "NOK", 1.0),
    ("ruble", "RUB", 1.0),
    ("rubles", "RUB", 1.0),
    ("rouble", "RUB", 1.0),
    ("roubles", "RUB", 1.0),
    ("bitcoin", "BTC", 1.0),
    ("bitcoins", "BTC", 1.0),
    ("btc", "BTC", 1.0),
    ("cent", "USD", 0.01),
    ("cents", "USD", 0.01),
    ("penny", "GBP", 0.01),
    ("pennies", "GBP", 0.01),
    ("pence", "GBP", 0.01),
];

/// [`CURRENCY_WORDS`] to look up: the words after every number are, and most fail the table's
/// shape test without a comparison.
static CURRENCY_WORD_TABLE: LazyLock<words::WordTable<(&'static str, f64)>> =
    LazyLock::new(|| words::WordTable::of(CURRENCY_WORDS.iter().map(|&(w, code, share)| (w, (code, share)))));

/// A currency word: its ISO code and the share of the unit it names (a cent is 0.01).
fn currency_word(w: &str) -> Option<(&'static str, f64)> {
    CURRENCY_WORD_TABLE.get(w.as_bytes()).copied()
}

/// Words naming whose currency a currency word is ("Canadian dollars"): the adjective, the code
/// of the currency word it goes with, and the code they make.
const CURRENCY_ADJECTIVES: &[(&str, &str, &str)] = &[
    ("us", "USD", "USD"),
    ("american", "USD", "USD"),
    ("australian", "USD", "AUD"),
    ("canadian", "USD", "CAD"),
    ("singapore", "USD", "SGD"),
    ("swiss", "CHF", "CHF"),
    ("french", "CHF", "FRF"),
    ("belgian", "CHF", "BEF"),
    ("mexican", "MXN", "MXN"),
    ("turkish", "TRY", "TRY"),
    ("chinese", "CNY", "CNY"),
    ("japanese", "JPY", "JPY"),
    ("indian", "INR", "INR"),
    ("dutch", "NLG", "NLG"),
    ("finnish", "FIM", "FIM"),
    ("swedish", "SEK", "SEK"),
    ("norwegian", "NOK", "NOK"),
    ("danish", "NOK", "DKK"),
    ("russian", "RUB", "RUB"),
    ("british", "GBP", "GBP"),
    ("egyptian", "GBP", "EGP"),
    ("lebanese", "GBP", "LBP"),
];

/// The code an adjective of [`CURRENCY_ADJECTIVES`] makes of a currency word's code.
fn currency_adjective(adjective: &str, code: &str) -> Option<&'static str> {
    CURRENCY_ADJECTIVES
        .iter()
        .find(|(a, c, _)| *a == adjective && *c == code)
        .map(|(_, _, made)| *made)
}

/// The words a currency written after an amount starts with ([`currency_after`]): the currency
/// words, the adjectives before them and the first words of "Hong Kong" and "New Zealand". The
/// word after nearly every number is looked up, and most are none of these.
static CURRENCY_FIRST_WORD_TABLE: LazyLock<words::WordTable<()>> = LazyLock::new(|| {
    let currencies = CURRENCY_WORDS.iter().map(|(w, _, _)| *w);
    let adjectives = CURRENCY_ADJECTIVES.iter().map(|(a, _, _)| *a);
    words::WordTable::of(currencies.chain(adjectives).chain(["hong", "new"]).map(|w| (w, ())))
});

/// Whether the lowercased word `word` may start a currency written after an amount: `false`
/// only for a word that is none of [`CURRENCY_FIRST_WORD_TABLE`], where [`currency_after`] at a
/// word reads nothing.
#[inline]
fn may_start_currency_word(word: &str) -> bool {
    CURRENCY_FIRST_WORD_TABLE.may_hold(word.as_bytes())
}

/// Currency written after an amount ("10.99$", "10 €", "40 euros", "12-cent", "125 million
/// Australian dollars"): the code, the share of the unit, the token after it.
fn currency_after(t: &Toks, j: usize) -> Option<(&'static str, f64, usize)> {
    let mut j = j;
    if t.is(j, Tk::Sym) {
        let symbol = match t.str(j) {
            "$" => Some("USD"),
            "€" => Some("EUR"),
            "£" => Some("GBP"),
            "¢" => Some("USD"),
            _ => None,
        };
        if let Some(c) = symbol.filter(|_| j > 0) {
            // glued ("15€"), or spaced when no amount follows ("10 €" but not "10 $ 30")
            if t.glued(j - 1) || !(t.is(j + 1, Tk::Digits) || t.glued(j) && t.is(j + 1, Tk::Word)) {
                return Some((c, if t.str(j) == "¢" { 0.01 } else { 1.0 }, j + 1));
            }
        }
        // "12-cent", "one-yen"
        if t.dash(j) && j > 0 && t.glued(j - 1) && t.glued(j) {
            j += 1;
        }
    }
    // each word read once: this runs after nearly every number, and most words after one start
    // no currency (one lookup tells)
    let first = t.word(j);
    CURRENCY_FIRST_WORD_TABLE.get(first.as_bytes())?;
    let second = t.word(j + 1);
    if let Some((c, share)) = currency_word(first) {
        return Some((c, share, j + 1));
    }
    let (adjective, word, named) = match (first, second) {
        ("hong", "kong") => ("hong kong", j + 2, t.word(j + 2)),
        ("new", "zealand") => ("new zealand", j + 2, t.word(j + 2)),
        _ => (first, j + 1, second),
    };
    let (code, share) = currency_word(named)?;
    let code = match (adjective, code) {
        ("hong kong", "USD") => "HKD",
        ("new zealand", "USD") => "NZD",
        _ => currency_adjective(adjective, code)?,
    };
    Some((code, share, word + 1))
}

/// [`currency_after`], told without the call where the token at `j` is no symbol and no word
/// that may start a currency (a word that is none, digits, the end of the text): most are.
#[inline]
fn currency_after_if_may(t: &Toks, j: usize) -> Option<(&'static str, f64, usize)> {
    if !t.is(j, Tk::Sym) && !may_start_currency_word(t.word(j)) {
        return None;
    }
    currency_after(t, j)
}

/// "3 dollars 50 cents", "thirteen dollars and forty-five cents": the cents after an amount.
fn cents_after(t: &Toks, j: usize) -> Option<(f64, usize)> {
    let k = if t.word(j) == "and" { j + 1 } else { j };
    let n = numeral(t, k).filter(|n| !n.ordinal && !n.fraction && n.value > 0.0 && n.value < 100.0)?;
    let glued_c = t.glued(n.next - 1) && matches!(t.word(n.next), "c" | "p");
    match currency_word(t.word(n.next)) {
        Some((_, share)) if share < 1.0 => Some((n.value * share, n.next + 1)),
        _ if glued_c => Some((n.value / 100.0, n.next + 1)),
        _ => None,
    }
}

/// One number with its sign, currency and percent: "-1.2M", "$1.2 billion", "97 per cent".
#[inline]
fn simple(t: &Toks, i: usize) -> Option<Simple> {
    // most words read nothing (the readers try the word after every qualifier and joiner): one
    // test spares them the affix and numeral readings
    if !may_start_simple(t, i) {
        return None;
    }
    read_simple(t, i)
}

/// [`simple`] without its test for a token that starts no simple reading.
fn read_simple(t: &Toks, i: usize) -> Option<Simple> {
    // digits, where most readings start, have neither a currency nor a sign before them
    let (j, currency, negative) = if t.is(i, Tk::Digits) {
        (i, None, false)
    } else {
        affixes_before(t, i)?
    };
    let n: Numeral = numeral(t, j)?;
    if negative && t.is(i, Tk::Sym) && !t.glued(i) && !t.is(n.first, Tk::Digits) {
        return None; // "- two" is a dash, not a sign
    }
    let mut next = n.next;
    let mut value = n.value;
    let mut kind = MentionKind::Number;
    let mut unit = None;
    let mut trailing_unit = false;
    if n.ordinal {
        if currency.is_some() || negative {
            return None;
        }
        kind = MentionKind::Ordinal;
    } else if let Some((u, after)) = percent_after(t, next).or_else(|| points_of_a_share(t, i, next)) {
        kind = MentionKind::Percent;
        unit = Some(u);
        next = after;
        trailing_unit = true;
    } else if let Some(c) = currency {
        kind = MentionKind::Money;
        unit = Some(c);
    } else if let Some((c, share, after)) = currency_after_if_may(t, next) {
        kind = MentionKind::Money;
        unit = Some(c);
        next = after;
        trailing_unit = true;
        value *= share;
        if share == 1.0 {
            if let Some((cents, after)) = cents_after(t, next) {
                value += cents;
                next = after;
            }
        }
    }
    if currency.is_some() && kind != MentionKind::Money {
        return None;
    }
    if negative {
        value = -value;
    }
    if n.value == 0.0 && n.words && n.first + 1 == n.next && t.word(n.first) == "nil" && kind != MentionKind::Number {
        return None;
    }
    Some(Simple {
        value: whole_if_nearly(value),
        first: i,
        next,
        kind,
        unit,
        precision: n.precision,
        fraction: n.fraction,
        trailing_unit,
        scale: ends_in_scale(t, n.next - 1),
    })
}

/// `v`, or the whole number it lies within 4·ε·|v| of (four to eight units in the last place). A
/// decimal times a
/// scale stands for a whole number that binary floating point misses: "4.1 million" is
/// 4.1 × 10⁶ = 4,099,999.9999999995, "4.1bn" 4,099,999,999.9999995. Only a value written with 16
/// significant digits or more could be that near a whole number without being one.
fn whole_if_nearly(v: f64) -> f64 {
    let whole = v.round();
    if (v - whole).abs() <= 4.0 * f64::EPSILON * v.abs() {
        whole
    } else {
        v
    }
}

/// The currency and the sign before the number of a [`simple`] mention at `i` (not digits): the
/// token where the number starts, the currency, whether it is negative.
fn affixes_before(t: &Toks, i: usize) -> Option<(usize, Option<&'static str>, bool)> {
    let mut j = i;
    let mut negative = false;
    let mut currency = None;
    if let Some((c, next)) = currency_before(t, j) {
        currency = Some(c);
        j = next;
    }
    // a sign: "-5", "- 10 k", "minus five", "negative 1200000" (not "SCP-173", not "1995-01")
    let after_word_sign = |k: usize| k > 0 && matches!(t.word(k - 1), "minus" | "negative");
    let sign_here = |k: usize| {
        (t.dash(k)
            && !(k > 0 && t.glued(k - 1) && (t.is(k - 1, Tk::Digits) || t.is(k - 1, Tk::Word) && !after_word_sign(k))))
            || matches!(t.word(k), "minus" | "negative")
    };
    let sign_at = j;
    if sign_here(j) {
        if sign_here(j + 1) {
            return None; // "negative negative 5": the last sign is the one
        }
        negative = true;
        j += 1;
        if currency.is_none() {
            if let Some((c, next)) = currency_before(t, j) {
                currency = Some(c);
                j = next;
            }
        }
    }
    if negative && t.dash(sign_at) && !t.glued(sign_at) && !t.is(sign_at + 1, Tk::Digits) {
        return None; // "- $ 75 million", "- two": a dash, not a sign
    }
    Some((j, currency, negative))
}

/// The scale factor of the word at `j` when it is one ("million", glued "k"), else 1.
fn ends_in_scale(t: &Toks, j: usize) -> f64 {
    if !t.is(j, Tk::Word) {
        return 1.0;
    }
    let glued = j > 0 && t.glued(j - 1) && t.is(j - 1, Tk::Digits);
    let factor = if glued {
        lex::glued_scale(t.str(j))
    } else {
        words::scale_at(t, j)
    };
    factor.unwrap_or(1.0)
}

/// "%", "percent", "per cent", "pct", "percentage points" after a number.
fn percent_after(t: &Toks, j: usize) -> Option<(&'static str, usize)> {
    if t.sym(j, "%") && t.gap(j - 1).len() <= 1 {
        return Some(("percent", j + 1));
    }
    if t.dash(j) && t.glued(j - 1) && t.glued(j) && t.word(j + 1) == "percent" {
        return Some(("percent", j + 2)); // "a 3-percent rise"
    }
    match t.word(j) {
        "percent" | "percents" | "pct" => Some(("percent", j + 1)),
        "per" if t.word(j + 1) == "cent" || (t.dash(j + 1) && t.word(j + 2) == "cent") => {
            Some(("percent", if t.dash(j + 1) { j + 3 } else { j + 2 }))
        }
        "percentage" if matches!(t.word(j + 1), "point" | "points") => Some(("percentage points", j + 2)),
        "percentage" => Some(("percent", j + 1)),
        _ => None,
    }
}

/// "down 3 points", "nine points short of": points after a change or before a comparison are
/// percentage points (a share's change), where "scored 86 points" is a count, and "fell 102.2
/// points, or 0.36%" an index's points. `i` is the first
/// token of the number, `j` the one after it.
fn points_of_a_share(t: &Toks, i: usize, j: usize) -> Option<(&'static str, usize)> {
    // not "added", "lost" or "by", which score games and elections as often
    const CHANGED: [&str; 8] = ["up", "down", "rose", "fell", "dropped", "climbed", "slipped", "jumped"];
    const COMPARED: [&str; 7] = ["short", "higher", "lower", "above", "below", "behind", "ahead"];
    // "fell 102.2 points, or 0.36%": an index's points, restated as a share
    if !matches!(t.word(j), "points" | "point") || t.sym(j + 1, ",") && t.word(j + 2) == "or" {
        return None;
    }
    let changed = i > 0 && CHANGED.contains(&t.word(i - 1));
    (changed || COMPARED.contains(&t.word(j + 1))).then_some(("percentage points", j + 1))
}

/// Numbers read but not reported: clock times ("2 pm"), year spans ("2013-14"), "one" as a
/// pronoun ("the one you mentioned", "one of the"), "1/0". Gives the token after what is skipped.
fn skipped(t: &Toks, s: &Simple) -> Option<usize> {
    if is_clock_colon(t, s.next) {
        let mut next = s.next + 2; // "9:30", "9:30:15"
        while is_clock_colon(t, next) {
            next += 2;
        }
        return Some(next);
    }
    is_skipped(t, s).then(|| year_span_end(t, s).unwrap_or(s.next))
}

/// Whether token `k` is the colon of a clock time: glued to the digits before it and after it
/// ("9:30"). One with a space after it ends a label ("2016: 9,118").
fn is_clock_colon(t: &Toks, k: usize) -> bool {
    t.sym(k, ":") && t.glued(k - 1) && t.glued(k) && t.is(k + 1, Tk::Digits)
}

/// "2013-14", "2014/15": a span of years, to the token after it.
#[inline(always)]
fn year_span_end(t: &Toks, s: &Simple) -> Option<usize> {
    let k = s.next;
    if k != s.first + 1 {
        return None; // one token of four digits, tested where it is called
    }
    let y = t.str(s.first);
    let year = y.len() == 4 && (y.starts_with("19") || y.starts_with("20"));
    (year && (t.dash(k) || t.sym(k, "/")) && t.glued(k - 1) && t.glued(k) && t.str(k + 1).len() == 2).then_some(k + 2)
}

fn is_skipped(t: &Toks, s: &Simple) -> bool {
    if s.value.is_nan() || year_span_end(t, s).is_some() {
        return true;
    }
    // "24/7" and "9/11" are a phrase and a date, not fractions (three tokens: the others are not
    // cut out of the text to be compared)
    if s.next == s.first + 3 && matches!(&t.text[t.start(s.first)..t.end(s.next - 1)], "24/7" | "9/11") {
        return true;
    }
    // "the second half": half a period, not a share
    if t.word(s.first) == "half" && s.next == s.first + 1 && s.first > 0 {
        let before = t.word(s.first - 1);
        if words::is_ordinal_word(before) || matches!(before, "the" | "this" | "that" | "last" | "next") {
            return true;
        }
    }
    let words_one = t.word(s.first) == "one" && s.next == s.first + 1;
    if words_one {
        let before = if s.first > 0 { t.word(s.first - 1) } else { "" };
        let after = t.word(s.next);
        if ONE_PRONOUN.contains(&before) || matches!(after, "of" | "another" | "by") || t.sym(s.next, "'") {
            return true;
        }
        // "when one is too broad": a generic pronoun after a conjunction. "and one was granted"
        // stays a count, since enumerations are built of those.
        let conjunction = matches!(
            before,
            "when" | "if" | "unless" | "because" | "whether" | "where" | "once"
        );
        if conjunction
            && matches!(
                after,
                "is" | "was" | "has" | "seems" | "looks" | "goes" | "comes" | "gets"
            )
        {
            return true;
        }
        if s.first > 0 && t.is(s.first - 1, Tk::Word) && words::is_ordinal_word(before) {
            return true;
        }
    }
    if s.kind == MentionKind::Number && s.value > 0.0 && s.value < 13.0 {
        let w = t.word(s.next);
        if matches!(w, "am" | "pm") || (matches!(w, "a" | "p") && t.sym(s.next + 1, ".")) {
            return true;
        }
    }
    false
}

/// "one in five", "2 out of 3", "1 over 20": a ratio, when the first is the smaller (and the
/// second is not a year: "1 in 2014").
#[inline(always)]
fn ratio(t: &Toks, s: &Simple) -> Option<Simple> {
    if s.kind != MentionKind::Number || s.fraction {
        return None;
    }
    // tested where it is called: most numbers are followed by none of these words
    let (word_len, over) = match t.word(s.next) {
        "in" => (1, false),
        "over" => (1, true),
        "out" if t.word(s.next + 1) == "of" => (2, false),
        _ => return None,
    };
    ratio_after(t, s, word_len, over)
}

/// [`ratio`] after its joining word, of `word_len` words ("over" when `over`).
fn ratio_after(t: &Toks, s: &Simple, word_len: usize, over: bool) -> Option<Simple> {
    let n = numeral(t, s.next + word_len).filter(|n| !n.ordinal && !n.fraction)?;
    if n.value == 0.0 {
        return None;
    }
    let year = !n.words && (1800.0..2100.0).contains(&n.value) && n.value.fract() == 0.0;
    if over {
        // "2000 over 3" but not "$2000 over 3 years"
        if t.is(n.next, Tk::Word) {
            return None;
        }
    } else if s.value >= n.value || year {
        return None;
    }
    Some(Simple {
        value: s.value / n.value,
        next: n.next,
        fraction: true,
        precision: 0.01,
        ..s.clone()
    })
}

/// "larger than 10 and smaller than 20", "at most 100 and at least 20": a lower and an upper
/// bound joined by "and", "but" or a comma are one range when the lower is below the upper.
fn merge_bound_pairs(text: &str, mentions: &mut Vec<Mention>) {
    // the first pair merged is two neighbours with a qualifier each: without one, the
    // mentions are left as they are, not moved one by one into a new list
    if mentions
        .windows(2)
        .any(|w| w[0].approx.is_some() && w[1].approx.is_some())
    {
        *mentions = merge_all_bound_pairs(text, std::mem::take(mentions));
    }
}

/// [`merge_bound_pairs`] without its test for a list with no pair to merge.
fn merge_all_bound_pairs(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last() {
            let joined = matches!(text[prev.end..m.start].trim(), "and" | "but" | "," | ", and" | ", but");
            let one_sided = |x: &Mention| x.approx.is_some() && x.low.is_some() != x.high.is_some();
            if joined && one_sided(prev) && one_sided(&m) && prev.kind == m.kind {
                let low = prev.low.or(m.low);
                let high = prev.high.or(m.high);
                if let (Some(l), Some(h)) = (low, high) {
                    if l < h && prev.low.is_some() != m.low.is_some() {
                        let prev = out.pop().expect("checked above");
                        out.push(Mention {
                            text: String::new(), // filled in by find_numbers
                            start: prev.start,
                            end: m.end,
                            kind: MentionKind::Range,
                            value: None,
                            low,
                            high,
                            approx: None,
                            unit: prev.unit.clone(),
                            precision: prev.precision.min(m.precision),
                            plain: false,
                        });
                        continue;
                    }
                }
            }
        }
        out.push(m);
    }
    out
}

/// "forty-five (45)", "three (3) requests": a number restated in brackets is one mention.
fn merge_restatements(text: &str, mentions: &mut Vec<Mention>) {
    // the first restatement merged opens a bracket right after its neighbour: without one, the
    // mentions are left as they are
    if mentions.windows(2).any(|w| only_bracket(&text[w[0].end..w[1].start])) {
        *mentions = merge_all_restatements(text, std::mem::take(mentions));
    }
}

/// Whether `between` is an opening bracket with spaces around it: `between.trim() == "("`,
/// with the trimming spared when there is no bracket (between most mentions).
fn only_bracket(between: &str) -> bool {
    between.as_bytes().contains(&b'(') && between.trim() == "("
}

/// [`merge_restatements`] without its test for a list with nothing to merge.
fn merge_all_restatements(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut() {
            let between = &text[prev.end..m.start];
            let closes = text[m.end..].trim_start().starts_with(')');
            if between.trim() == "(" && closes && prev.value == m.value && prev.kind == m.kind {
                let close = m.end + text[m.end..].find(')').expect("checked above") + 1;
                prev.end = close;
                continue;
            }
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn no_number_spans_two_cells_of_a_table_row() {
        let read = |text: &str| -> Vec<(String, usize, Option<f64>)> {
            find_numbers(text)
                .into_iter()
                .map(|m| (m.text, m.start, m.value))
                .collect()
        };
        let m = |text: &str, start: usize, value: f64| (text.to_owned(), start, Some(value));
        assert_eq!(
            read("Hate speech\t25.2 million\t31.5 million"),
            [m("25.2 million", 12, 25.2e6), m("31.5 million", 25, 31.5e6)]
        );
        assert_eq!(
            read("Stock\t-12.99\t-5.44%"),
            [m("-12.99", 6, -12.99), m("-5.44%", 13, -5.44)]
        );
        // inside a cell, as in a sentence, the scale words still join
        assert_eq!(
            read("Total\t1 million 200 thousand"),
            [m("1 million 200 thousand", 6, 1.2e6)]
        );
        // the tokeniser tells the tab wherever it stands: first, after a space, after digits,
        // last, and in texts outside ASCII; each cell reads as a text of its own ("5 -\t6" is
        // no range, "5 \t-6" no "5" and "- 6")
        let texts = [
            "\t5 -\t6",
            "5 \t-6\t",
            "Café 5\t-6",
            "“Stock” 12.99\t-5.44%",
            "Café\tthé",
            "Café\t½",
            "\u{a0}\t10 €\t\t3–4",
        ];
        let mut split = 0;
        for text in texts {
            let mut by_cells = Vec::new();
            let mut cell_start = 0;
            for cell in text.split('\t') {
                by_cells.extend(read(cell).into_iter().map(|(t, start, v)| (t, start + cell_start, v)));
                cell_start += cell.len() + 1;
            }
            let whole = read(&text.replace('\t', " "));
            split += usize::from(whole != by_cells);
            assert_eq!(read(text), by_cells, "{text:?}");
        }
        // the cases tell: most read otherwise with a space for each tab
        assert!(split >= 4, "{split}");
    }

    #[test]
    fn words_said_to_start_no_simple_reading_read_none() {
        let texts = [
            "In 2014 about 5 of US$ 20, Rs. 30, USD 40, minus five, negative 3, a hundred, and twentyfive K",
            "from 5 to 10 percent of per cent over the second half, less than a third, k M G MM Us $ 5",
            "some more than ½ half-million thousands of dozens, point five, the one, eleventh hour, nil",
        ];
        let mut texts: Vec<String> = texts.map(str::to_owned).to_vec();
        texts.extend(sample_texts());
        texts.extend(phrases_around_numbers());
        let (mut spared, mut read) = (0, 0);
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for i in 0..t.len() {
                if may_start_simple(&t, i) {
                    read += usize::from(read_simple(&t, i).is_some());
                    continue;
                }
                spared += 1;
                assert!(read_simple(&t, i).is_none(), "{:?} in {text:?}", t.str(i));
            }
        }
        assert!(spared > 100_000 && read > 10_000, "{spared} spared, {read} read");
    }

    /// The paragraphs of corpus/ and of 200 generated articles, and phrases around the words
    /// the shortcuts look at ("a", "an", "and", "&").
    fn sample_texts() -> Vec<String> {
        let articles = crate::gen::sample_texts(200);
        let mut texts: Vec<String> = articles.iter().flat_map(|a| a.split('\n')).map(str::to_owned).collect();
        let leads = ["a", "A", "an", "An", "AN", "and", "And", "&", "a-", "an $", "A$"];
        let follows = [
            "hundred",
            "million",
            "M",
            "k",
            "dozen",
            "half",
            "halves",
            "quarter",
            "fifth",
            "fifths",
            "second",
            "third",
            "twenty-first",
            "twenty first",
            "twentyfifth",
            "twenty",
            "5",
            "5th",
            "½",
            "$5",
            "$ 5",
            "estimated 5",
            "five",
            "and",
            "a",
            "point five",
            "request",
            "",
            "hundred and five",
            "& 5",
        ];
        for lead in leads {
            for follow in follows {
                texts.push(format!("{lead} {follow}"));
                texts.push(format!("{lead}{follow} users"));
                texts.push(format!("three {lead} {follow} users"));
                texts.push(format!("one hundred {lead} {follow}"));
            }
        }
        // qualifiers of two words or more, and their first words in another sense
        texts.extend(
            [
                "In excess of 5, in 5, in the 5, at least 5, At most 5, at 5, up to 5, up 5, as many as 5",
                "as much as 5, as 5, no fewer than 5, no 5, not more than 5, just over 5, well under 5",
                "close to 5, north of 5, upwards of 5, equal to 5, equal to or more than 5, more than 5, more 5",
                "in $5, at US$ 5, up € 5, as ½, in ten, at two, in excess 5, at least of 5, up-to 5",
            ]
            .map(str::to_owned),
        );
        // periods before, after and between digits, glued or not
        texts.extend(
            [
                "Up .5 and -.25, x.5, 1.5. 2 . 3 .. 4 .a 5. .",
                "v.2 (.75) $.99 ~.1 .5% . 5",
            ]
            .map(str::to_owned),
        );
        texts
    }

    /// The bracket test is the trimmed comparison it spares, on gaps with and without brackets
    /// and spaces of any kind.
    #[test]
    fn only_a_bracket_is_a_trimmed_bracket() {
        let mut gaps: Vec<String> = [
            "",
            " ",
            "(",
            " ( ",
            "((",
            " x (",
            "\u{a0}(\u{2009}",
            "( )",
            "\t(\n",
            "（",
            "of (",
        ]
        .map(str::to_owned)
        .to_vec();
        for text in sample_texts() {
            gaps.extend(text.split(|c: char| c.is_ascii_digit()).map(str::to_owned));
        }
        for gap in &gaps {
            assert_eq!(only_bracket(gap), gap.trim() == "(", "{gap:?}");
        }
    }

    /// "24/7" and "9/11" are skipped however they are read, and texts like them are not.
    #[test]
    fn phrases_skipped_are_three_tokens() {
        for (text, skipped) in [
            ("24/7", true),
            ("9/11", true),
            ("24 / 7", false),
            ("24/71", false),
            ("9/11/2001", false),
        ] {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            let s = simple(&t, 0).expect("a number");
            assert_eq!(is_skipped(&t, &s), skipped, "{text}");
        }
        assert!(rows("open 24/7 since 9/11").is_empty());
    }

    /// The shape test of a word of lowercase ASCII letters holds exactly of the words that share
    /// their length and first two letters with a word of the table, on the words of the table and
    /// of texts as the tokens hold them.
    #[test]
    fn the_shape_test_of_lowercase_words_is_the_shape_test() {
        let shapes = WORD_CODES.shapes();
        let mut words: Vec<String> = MENTION_FIRST_WORDS.keys().map(|w| (*w).to_owned()).collect();
        words.extend(["a", "b", "z", "zz", "thousandthsandmore", "fifteenletterss"].map(str::to_owned));
        for text in sample_texts() {
            let mut lowered = String::new();
            let t = Toks::new(&text, &mut lowered);
            words.extend((0..t.len()).map(|i| t.word(i).to_owned()));
        }
        let table: Vec<&str> = MENTION_FIRST_WORDS.keys().copied().chain(["and"]).collect();
        let shape = |w: &str| (w.len(), w.bytes().take(2).collect::<Vec<u8>>());
        let mut held = 0;
        for w in words
            .iter()
            .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        {
            let may = table.iter().any(|k| shape(k) == shape(w));
            assert_eq!(shapes.may_hold_lowercase(w.as_bytes()), may, "{w:?}");
            held += usize::from(may);
        }
        assert!(held > 1000 && held < words.len(), "{held} of {}", words.len());
    }

    /// The table of change words holds exactly the words of the list, and its shape test
    /// ([`words::WordTable::may_hold`], which [`changes_before`] asks first) turns none of them
    /// away: every word of the sample texts (outside ASCII too) and the words of the list.
    #[test]
    fn change_words_are_looked_up_as_listed() {
        let words = token_words_of_sample_texts_and(&[
            CHANGE_WORDS.join(" "),
            "Rosé risén fell-out up, Down ROSE déclined".to_owned(),
        ]);
        let (mut held, mut turned_away) = (0, 0);
        for word in &words {
            let listed = CHANGE_WORDS.contains(&word.as_str());
            assert_eq!(CHANGE_WORD_TABLE.get(word.as_bytes()).is_some(), listed, "{word:?}");
            let may_hold = CHANGE_WORD_TABLE.may_hold(word.as_bytes());
            assert!(may_hold || !listed, "{word:?}");
            held += usize::from(listed);
            turned_away += usize::from(!may_hold);
        }
        assert!(
            held >= CHANGE_WORDS.len() && held * 10 < words.len() && turned_away * 2 > words.len(),
            "{held} held, {turned_away} turned away of {}",
            words.len()
        );
    }

    /// ASCII words to test the word tables and filters with ([`words::WordFilter`], the
    /// tokeniser's [`WORD_LOWER`], the starts it notes): a word of every first letter, second
    /// letter (either case, or none) and length up to twenty, the atoms' words and tens glued
    /// to units in three cases, with an "s" and cut short, and the words of generated articles
    /// as written.
    pub(super) fn ascii_words_of_every_shape() -> Vec<String> {
        let letters = || (b'A'..=b'Z').chain(b'a'..=b'z').map(char::from);
        let mut words: Vec<String> = Vec::new();
        for first in letters() {
            words.push(first.to_string());
            for second in letters() {
                words.extend((2..=20).map(|len| format!("{first}{second}{}", "x".repeat(len - 2))));
            }
        }
        let tens = [
            "twentyfive",
            "thirtyfirst",
            "fortyfour",
            "fiftieth",
            "sixtysix",
            "seventyth",
        ];
        let tens = tens
            .map(|w| w.to_owned())
            .into_iter()
            .chain(["eightyone", "ninetynine"].map(str::to_owned));
        for w in words::numeral_words().map(str::to_owned).chain(tens) {
            for case in [w.to_uppercase(), w[..1].to_uppercase() + &w[1..], w.clone()] {
                words.extend([format!("{case}s"), case[..case.len().div_ceil(2)].to_owned(), case]);
            }
        }
        for text in crate::gen::sample_texts(50) {
            let ascii_words = text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty());
            words.extend(ascii_words.map(str::to_owned));
        }
        words
    }

    /// The tokeniser's lookup of a word's lower case ([`WORD_LOWER`]) finds what the table
    /// finds ([`WORD_CODES`]), and tells the lower case of [`SHORT_UNLISTED_STARTS`]: words of
    /// every shape in every case, the words of the table and those words cut short, made longer
    /// and with a letter changed, each looked up alone and at the start of sixteen bytes of text
    /// that goes on after it (as the tokeniser reads it); with a floor on the words found.
    #[test]
    fn words_looked_up_by_the_tokeniser_are_the_words_of_the_table() {
        let mut words: Vec<String> = ascii_words_of_every_shape();
        for (w, _) in word_code_list() {
            words.extend([
                w.to_owned(),
                w[..w.len() - 1].to_owned(),
                format!("{w}s"),
                format!("{w}{w}"),
                format!("{}z", &w[..w.len() - 1]),
                format!("q{}", &w[1..]),
            ]);
        }
        let (mut found, mut looked) = (0, 0);
        for word in words.iter().filter(|w| !w.is_empty()) {
            let lower = word.to_ascii_lowercase();
            let listed = WORD_CODES.get_lowercase(lower.as_bytes()).copied();
            let unlisted_start = SHORT_UNLISTED_STARTS.iter().any(|w| w.eq_ignore_ascii_case(&lower));
            let want = (listed.is_some() || unlisted_start).then(|| LowerWord {
                codes: listed.unwrap_or_default(),
                unlisted_start,
            });
            assert_eq!(WORD_LOWER.get(lower.as_bytes()), want, "{word:?}");
            for after in [" ", "s", ", 5", "5 per", "thousand", "-fold more"] {
                let text = format!("{lower}{after}                ");
                let sixteen: &[u8; 16] = text.as_bytes()[..16].try_into().unwrap();
                assert_eq!(WORD_LOWER.get_at(sixteen, lower.len()), want, "{word:?}{after:?}");
            }
            found += usize::from(want.is_some());
            looked += 1;
        }
        assert!(found > 1_000 && looked > 30_000, "{found} of {looked}");
    }

    /// An ASCII word is noted as a start as the text is cut exactly when it has the code of a
    /// first word or may start a mention unlisted (a scale letter, a currency code, tens glued
    /// to a unit): words of every shape in every case, and the short unlisted starts in every
    /// case ("Usd", "kSh"), each alone in a text and among others.
    #[test]
    fn ascii_words_are_noted_as_starts_by_their_own_tests() {
        let (mut noted, mut looked) = (0, 0);
        let mut words = ascii_words_of_every_shape();
        words.extend(SHORT_UNLISTED_STARTS.iter().flat_map(|w| every_case(w)));
        for word in words {
            let lower = word.to_ascii_lowercase();
            let first = WORD_CODES.get_lowercase(lower.as_bytes()).is_some_and(|c| c.first != 0);
            let want = first || words::may_be_unlisted_atom(&word) || is_currency_code(&word);
            for text in [word.clone(), format!("the {word} of")] {
                let mut room = String::new();
                let t = Toks::new(&text, &mut room);
                let at = (0..t.len()).find(|&i| t.str(i) == word).expect("the word");
                assert_eq!(t.starts.contains(&(at as u32)), want, "{word:?} in {text:?}");
            }
            noted += usize::from(want);
            looked += 1;
        }
        assert!(noted > 1_000 && noted * 10 < looked, "{noted} of {looked}");
    }

    /// `word` (ASCII letters) in each of its cases: every letter lower or upper.
    fn every_case(word: &str) -> Vec<String> {
        let letters = word.as_bytes();
        (0..1u32 << letters.len())
            .map(|upper| {
                let case = |(k, b): (usize, &u8)| match upper >> k & 1 {
                    1 => char::from(b.to_ascii_uppercase()),
                    _ => char::from(b.to_ascii_lowercase()),
                };
                letters.iter().enumerate().map(case).collect()
            })
            .collect()
    }

    /// [`SHORT_UNLISTED_STARTS`] holds every word of three letters at most (every case of every
    /// shape) that may start a mention though it has no codes (a scale letter or a currency code,
    /// [`may_start_mention`]'s test but for a "$" after it), and nothing else; the tokeniser's
    /// table tells the lower case of each.
    #[test]
    fn short_unlisted_starts_are_the_short_words_that_may_start() {
        let letters = || (b'A'..=b'Z').chain(b'a'..=b'z');
        let mut words: Vec<Vec<u8>> = letters().map(|a| vec![a]).collect();
        for a in letters() {
            for b in letters() {
                words.push(vec![a, b]);
                words.extend(letters().map(|c| vec![a, b, c]));
            }
        }
        let (mut may, mut told) = (0, 0);
        for word in &words {
            let word = std::str::from_utf8(word).unwrap();
            let may_start = words::may_be_unlisted_atom(word) || is_currency_code(word);
            assert_eq!(may_start, SHORT_UNLISTED_STARTS.contains(&word), "{word:?}");
            let lower = word.to_ascii_lowercase();
            let tells = WORD_LOWER.get(lower.as_bytes()).is_some_and(|w| w.unlisted_start);
            // told of every case of a listed word ("usd", "Usd"), which its case then settles
            let listed_in_some_case = SHORT_UNLISTED_STARTS.iter().any(|w| w.eq_ignore_ascii_case(word));
            assert_eq!(tells, listed_in_some_case, "{word:?}");
            may += usize::from(may_start);
            told += usize::from(tells);
        }
        let lower_cases: std::collections::HashSet<String> =
            SHORT_UNLISTED_STARTS.iter().map(|w| w.to_ascii_lowercase()).collect();
        let cases = |w: &String| 1usize << w.len();
        assert_eq!(may, SHORT_UNLISTED_STARTS.len());
        assert_eq!(
            told,
            lower_cases.iter().map(cases).sum::<usize>(),
            "{may} may start, {told} told"
        );
    }

    /// Every token's word (the tokens' own lower case) of the sample texts and of `extra`.
    fn token_words_of_sample_texts_and(extra: &[String]) -> Vec<String> {
        let mut words = Vec::new();
        for text in sample_texts().iter().chain(extra) {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            words.extend((0..=t.len()).map(|i| t.word(i).to_owned()));
        }
        words
    }

    /// A word that [`may_start_currency_word`] turns away is none of the words a currency after
    /// an amount starts with, so that [`currency_after`] at it reads nothing (the reading of a
    /// plain number asks the test first, and [`currency_after_if_may`] of any token): every
    /// word of the sample texts (outside ASCII too), of phrases around numbers, and of the lists
    /// with their near misses, in several cases; and every token there, and past the end.
    #[test]
    fn words_turned_away_start_no_currency_after_an_amount() {
        let mut extra: Vec<String> = phrases_around_numbers();
        let listed = CURRENCY_WORDS.iter().map(|(w, _, _)| *w);
        let firsts: Vec<&str> = listed.chain(CURRENCY_ADJECTIVES.iter().map(|(a, _, _)| *a)).collect();
        for w in firsts.iter().chain(&["hong", "new"]) {
            let near = [
                format!("{w}s"),
                w[..w.len() - 1].to_owned(),
                format!("{w}é"),
                format!("x{w}"),
            ];
            extra.push(format!(
                "5 {w} 5 {} 5 {} {}",
                w.to_uppercase(),
                near.join(" 5 "),
                w.replace('e', "é")
            ));
        }
        let (mut turned_away, mut held) = (0, 0);
        for text in sample_texts().iter().chain(&extra) {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for k in (0..t.len()).filter(|&k| t.is(k, Tk::Word)) {
                let starts = CURRENCY_FIRST_WORD_TABLE.get(t.word(k).as_bytes()).is_some();
                if !may_start_currency_word(t.word(k)) {
                    assert!(!starts, "{:?} in {text:?}", t.word(k));
                    assert_eq!(currency_after(&t, k), None, "{:?} in {text:?}", t.word(k));
                    turned_away += 1;
                }
                held += usize::from(starts);
            }
            for j in 0..=t.len() {
                assert_eq!(currency_after_if_may(&t, j), currency_after(&t, j), "{j} in {text:?}");
            }
        }
        assert!(
            turned_away > 50_000 && held > 100,
            "{turned_away} turned away, {held} held"
        );
    }

    /// The table of currency words holds exactly the words of the list, with their code and
    /// share: every word of the sample texts (outside ASCII too) and the words of the list.
    #[test]
    fn currency_words_are_looked_up_as_listed() {
        let listed_words = CURRENCY_WORDS.iter().map(|(w, _, _)| *w).collect::<Vec<_>>().join(" ");
        let odd = "Dollars dollar's yén euro-zone CENTS cent pennies pence usd dollarss".to_owned();
        let words = token_words_of_sample_texts_and(&[listed_words, odd]);
        let mut held = 0;
        for word in &words {
            let listed = CURRENCY_WORDS
                .iter()
                .find(|(w, _, _)| *w == word.as_str())
                .map(|&(_, code, share)| (code, share));
            assert_eq!(currency_word(word), listed, "{word:?}");
            held += usize::from(listed.is_some());
        }
        assert!(
            held >= CURRENCY_WORDS.len() && held * 10 < words.len(),
            "{held} of {}",
            words.len()
        );
    }

    /// What a token's code says its word starts is what the sets say it starts (the words that
    /// must follow it, the qualifiers it starts), and its atom is its word's: every token of
    /// the sample texts, of the words of the sets and of texts outside ASCII (whose codes are
    /// looked up when asked for).
    #[test]
    fn tokens_hold_what_their_words_start() {
        let mut texts = sample_texts();
        let listed: Vec<&str> = MENTION_FIRST_WORDS.keys().copied().collect();
        texts.push(listed.join(" "));
        texts.push(format!("{} été", listed.join(" ")));
        texts.push("Über thé In AT ümlaut and And the to in about".to_owned());
        let (mut tokens, mut firsts, mut qualifiers) = (0, 0, 0);
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for i in 0..=t.len() {
                let word = t.word(i);
                let want = MENTION_FIRST_WORDS
                    .get_key_value(word)
                    .map(|(w, seconds)| FirstWord::of(w, seconds.clone()));
                assert_eq!(first_word(&t, i), want.as_ref(), "{word:?} in {text:?}");
                if let Some(codes) = WORD_CODES.get(word.as_bytes()) {
                    assert_eq!(codes.atom, words::atom_code(word.as_bytes()), "{word:?}");
                }
                tokens += 1;
                firsts += usize::from(want.is_some());
                qualifiers += usize::from(want.is_some_and(|f| !f.qualifiers.is_empty()));
            }
        }
        assert!(
            firsts > 1000 && qualifiers > 300 && firsts * 2 < tokens,
            "{firsts} {qualifiers} of {tokens}"
        );
    }

    #[test]
    fn no_currency_is_read_at_digits() {
        let mut texts = sample_texts();
        texts.extend(["100 USD 200", "USD100 $5 150$ 999 EUR", "Rs 500, 100 Rs. 20"].map(str::to_owned));
        for text in texts {
            let mut lowered = String::new();
            let t = Toks::new(&text, &mut lowered);
            for i in (0..t.len()).filter(|&i| t.is(i, Tk::Digits)) {
                assert_eq!(currency_at(&t, i), None, "{:?} in {text:?}", t.str(i));
            }
        }
    }

    /// A list kept across texts (as the figure reader keeps one across a text's sentences) holds
    /// after each text what a new list would: none of the mentions left from the text before,
    /// whether or not the next text may hold a numeral.
    #[test]
    fn mentions_read_into_a_kept_list_are_those_read_into_a_new_one() {
        let mut texts = sample_texts();
        texts.extend(crate::gen::sample_lines(300));
        // texts with no numeral after texts with mentions
        texts.extend(
            [
                "In 2014 about 5 of 20 rose.",
                "No numeral here.",
                "Up 3 percent (three)",
                "Nothing.",
            ]
            .map(str::to_owned),
        );
        let mut kept = Vec::new();
        let (mut over_mentions, mut over_mentions_without_numeral) = (0, 0);
        for text in &texts {
            let left = kept.len();
            find_numbers_without_text_into(text, false, &mut kept);
            assert_eq!(kept, find_numbers_without_text(text), "{text:?}");
            over_mentions += usize::from(left > 0);
            over_mentions_without_numeral += usize::from(left > 0 && !words::may_hold_numeral(text));
        }
        assert!(
            over_mentions >= 5_000 && over_mentions_without_numeral >= 3_000,
            "{over_mentions} {over_mentions_without_numeral}"
        );
    }

    /// A text its caller knows to be ASCII (a sentence of an ASCII article) is read as one whose
    /// ASCII is tested, cells and all (a table's ASCII cell in a text outside ASCII among them).
    #[test]
    fn texts_known_to_be_ascii_are_read_as_texts_tested() {
        let mut texts = sample_texts();
        texts.extend(
            [
                "25.2 million\t31.5 million",
                "-12.99\t-5.44% and 3 to 5\tmore than 7 percent",
                "about \u{20ac}40,000 and \u{bd} of 3 000 users\t12 000",
            ]
            .map(str::to_owned),
        );
        let (mut known, mut tested) = (Vec::new(), Vec::new());
        let mut ascii_read = 0;
        for text in &texts {
            find_numbers_without_text_into(text, text.is_ascii(), &mut known);
            find_numbers_without_text_into(text, false, &mut tested);
            assert_eq!(known, tested, "{text:?}");
            ascii_read += usize::from(text.is_ascii() && !known.is_empty());
        }
        assert!(ascii_read >= 1_000, "{ascii_read} ASCII texts read");
    }

    #[test]
    fn lists_said_to_hold_nothing_to_merge_are_merged_as_read() {
        let mut texts = sample_texts();
        texts.extend(
            [
                "larger than 10 and smaller than 20, at most 100 and at least 20",
                "more than 5 but fewer than 9 (and about 7), over 3, under 2",
                "forty-five (45) requests and three (3) users, five ( 5 ) and 6 (7)",
                "between 2 and 3 (3) or about 4 ( 4) and more than 1 and less than 8 (8)",
                "twelve (12) sites were closed, and 30 (thirty) were opened",
            ]
            .map(str::to_owned),
        );
        let (mut pairs_merged, mut restatements_merged) = (0, 0);
        for text in texts {
            let read = read_unmerged(&text);
            let mut pairs = read.clone();
            merge_bound_pairs(&text, &mut pairs);
            pairs_merged += usize::from(pairs.len() < read.len());
            assert_eq!(pairs, merge_all_bound_pairs(&text, read), "{text:?}");
            let mut restated = pairs.clone();
            merge_restatements(&text, &mut restated);
            restatements_merged += usize::from(restated.len() < pairs.len());
            assert_eq!(restated, merge_all_restatements(&text, pairs), "{text:?}");
        }
        assert!(
            pairs_merged >= 3 && restatements_merged >= 3,
            "{pairs_merged} {restatements_merged}"
        );
    }

    /// "a" and "an" are first words, told as articles by their codes, and no other word is.
    #[test]
    fn the_articles_are_the_first_words_told_as_articles() {
        let articles: Vec<&str> = FIRST_WORD_LIST
            .iter()
            .filter(|(_, f)| f.article)
            .map(|(w, _)| *w)
            .collect();
        assert_eq!(articles, ["a", "an"]);
        for text in ["a hundred", "A fifth", "an estimated 5", "An", "a$5", "A$ 5"] {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            assert!(first_word(&t, 0).is_some_and(|f| f.article), "{text:?}");
            assert!(may_start_mention(&t, 0), "{text:?}");
        }
    }

    /// The tokens noted as they are cut hold every token that may start a mention (the reader
    /// tries no other), in order; and they leave most words out.
    #[test]
    fn every_token_that_may_start_a_mention_is_noted() {
        let mut texts = sample_texts();
        texts.extend(crate::gen::sample_lines(300));
        texts.push(
            "costs$5, pay$ 3, US$ 5, A$6, Rs 7, USD 8, 10 K, 3 MM, 5 k, twentyfive, Thirtyfirst, >5 <6 .7 -8 - 9 >= 3, v.5 at.25. Then. 5 ..5 ...6 a.b"
                .to_owned(),
        );
        let (mut tokens, mut noted) = (0, 0);
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            assert!(t.starts.windows(2).all(|w| w[0] < w[1]), "{text:?}");
            for i in (0..t.len()).filter(|&i| may_start_mention(&t, i)) {
                assert!(t.starts.contains(&(i as u32)), "{:?} in {text:?}", t.str(i));
            }
            tokens += t.len();
            noted += t.starts.len();
        }
        assert!(noted * 2 < tokens, "{noted} of {tokens}");
    }

    /// Where [`is_half_of_a_period`] holds, the reading it spares finds no mention and goes
    /// on at the next token.
    #[test]
    fn a_half_of_a_period_is_what_the_reader_skips() {
        let mut texts = sample_texts();
        texts.extend(crate::gen::sample_lines(300));
        for before in [
            "the", "The", "this", "that", "last", "next", "first", "Second", "third", "fourth", "1st", "2nd", "a",
            "one", "and",
        ] {
            for after in [
                "of 2014",
                "of the year",
                "of them",
                "of 31,002",
                "of the 300 requests",
                "of-2014",
                "of",
                "a million",
                "of a million",
                "of A Billion",
                "of a billion-dollar deal",
                "of an hour",
                "of a dozen",
                "of one million",
                ", for a total",
                ". The",
                ".5",
                ":30",
                "; and",
                ")",
                "\"",
                "!",
                "?",
                "-million",
                "%",
                "$",
                "/2",
                "& more",
                "(50%)",
                "'s",
            ] {
                texts.push(format!("in {before} half {after}, and {before} Half {after}."));
                texts.push(format!("in {before} HALF {after} – {before} hAlf {after}…"));
            }
        }
        let (mut halves, mut skipped, mut before_symbol) = (0, 0, 0);
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for i in 0..t.len() {
                halves += usize::from(t.word(i) == "half");
                if is_half_of_a_period(&t, i) {
                    // the reader tells a half of a period among the words with an atom only
                    assert_ne!(t.atom_code(i), 0, "{text:?}");
                    skipped += 1;
                    before_symbol += usize::from(t.is(i + 1, Tk::Sym));
                    let mut found = Vec::new();
                    assert_eq!(mention_at(&t, i, &mut found), Some(i + 1), "{text:?}");
                    assert!(found.is_empty(), "{text:?}");
                }
            }
        }
        assert!(skipped > 500 && skipped < halves, "{skipped} of {halves}");
        assert!(before_symbol > 100, "{before_symbol} of {skipped} before a symbol");
    }

    /// A word of [`FIRST_WORD_LIST`] that needs a second word or a number after it is, written
    /// in any case, neither an unlisted atom nor a currency code: [`may_start_mention`] tests
    /// neither for it.
    #[test]
    fn first_words_skipped_by_what_follows_are_no_atom_or_code_in_any_case() {
        let mut tried = 0;
        let needs_more = |f: &FirstWord| !f.seconds.is_empty() || !f.words_before_number.is_empty();
        for (w, _) in FIRST_WORD_LIST.iter().filter(|(_, f)| needs_more(f)) {
            let letters = w.len();
            assert!(letters <= 16, "{w}");
            for case in 0..1u32 << letters {
                let written: String = w
                    .chars()
                    .enumerate()
                    .map(|(k, c)| if case >> k & 1 == 1 { c.to_ascii_uppercase() } else { c })
                    .collect();
                assert!(
                    !words::may_be_unlisted_atom(&written) && !is_currency_code(&written),
                    "{written}"
                );
                tried += 1;
            }
        }
        assert!(tried > 200, "{tried}");
    }

    #[test]
    fn tokens_said_to_start_no_mention_start_none() {
        for text in sample_texts() {
            let mut lowered = String::new();
            let t = Toks::new(&text, &mut lowered);
            for i in 0..t.len() {
                assert!(
                    may_start_mention(&t, i) || mention_at(&t, i, &mut Vec::new()).is_none(),
                    "{:?} in {text:?}",
                    t.str(i)
                );
            }
        }
    }

    /// Where a word that starts only qualifiers and ranges has no number after what it starts
    /// ([`FirstWord::number_may_follow`]: "from governments", "about its", "at least some"), the
    /// full reading finds nothing either; on the sample texts, the lines of the generator and
    /// phrases of the qualifier words, where most such words are skipped so.
    #[test]
    fn words_with_no_number_after_what_they_start_start_nothing() {
        let mut texts = sample_texts();
        texts.extend(crate::gen::sample_lines(300));
        let words = [
            "from",
            "between",
            "about",
            "some",
            "at",
            "least",
            "most",
            "up",
            "to",
            "as",
            "many",
            "more",
            "than",
            "or",
            "equal",
            "in",
            "excess",
            "of",
            "the",
            "The",
            "information",
            "5",
            "1,234",
            "five",
            "Five",
            "third",
            "half",
            "a",
            "and",
            "$",
            "US",
            "USD",
            "-",
            "minus",
            "%",
            "percent",
            "people",
            "governments",
            "over",
        ];
        texts.extend(crate::gen::random_phrases(&words, &["", " ", " ", "  "], 2, 7, 40_000));
        texts.push("between the tenth and the fifteenth, From the 5 to 10, from the third to the fifth".to_owned());
        let (mut tried, mut skipped, mut read) = (0, 0, 0);
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for i in 0..t.len() {
                let Some(f) = first_word(&t, i).filter(|f| !f.words_before_number.is_empty()) else {
                    continue;
                };
                tried += 1;
                let found = mention_at(&t, i, &mut Vec::new()).is_some();
                read += usize::from(found);
                if !f.number_may_follow(&t, i) {
                    skipped += 1;
                    assert!(!found, "{:?} in {text:?}", t.str(i));
                }
            }
        }
        assert!(
            skipped > 10_000 && read > 800 && skipped + read < tried,
            "{skipped} skipped and {read} read of {tried}"
        );
    }

    #[test]
    fn a_text_said_to_hold_no_numeral_has_no_mention() {
        let words = [
            "a",
            "A",
            "an",
            "and",
            "&",
            "point",
            "Point",
            "the",
            "of",
            "k",
            "K",
            "m",
            "M",
            "G",
            "MM",
            "b",
            "bn",
            "mil",
            "one",
            "One",
            "ONE",
            "half",
            "Half",
            "quarter",
            "thirds",
            "dozen",
            "hundred",
            "million",
            "twentyfive",
            "Thirtyfirst",
            "twentyish",
            "between",
            "from",
            "to",
            "more",
            "than",
            "about",
            "percent",
            "per",
            "cent",
            "minus",
            "US",
            "$",
            "USD",
            "Rs",
            "-",
            ".",
            "%",
            "first",
            "second",
            "nil",
            "zero",
            "requests",
            "point five",
            "a hundred",
            "seventeenths",
            "fortyish",
            "twentytwentytwenty",
        ];
        let mut texts: Vec<String> = Vec::new();
        for a in words {
            texts.push(a.to_owned());
            for b in words {
                texts.push(format!("{a} {b}"));
                texts.push(format!("{a}-{b}"));
                for c in ["a", "and", "point", "&", "the", "one"] {
                    texts.push(format!("{c} {a} {b}"));
                }
            }
        }
        for text in &texts {
            assert!(
                words::may_hold_numeral(text) || {
                    let mut read = Vec::new();
                    read_mentions(text, text.is_ascii(), &mut read);
                    read.is_empty()
                },
                "{text:?}"
            );
        }
        assert!(!words::may_hold_numeral(
            "A point and an ampersand & the rest, per cent."
        ));
        assert!(words::may_hold_numeral("Some forty users"));
        assert!(words::may_hold_numeral("Twentyfifth"));
        assert!(words::may_hold_numeral("5"));
        assert!(words::may_hold_numeral("½"));
    }

    /// The texts of the tests of a sentence's numerals outside covered spans: the sample texts,
    /// the sample lines typeset (curly quotes, dashes, spaces outside ASCII) and written cases
    /// with numbers in words, vulgar fractions, scales, currencies and merged restatements.
    fn texts_with_numerals_in_every_form() -> Vec<String> {
        let mut texts = sample_texts();
        texts.extend(crate::gen::sample_lines(100).iter().map(|l| crate::gen::typeset(l)));
        texts.extend(
            [
                "fifteen users, a dozen requests and twentyfive more in the first half",
                "between five and ten, from 3 to 4, up to 1.5 million, about \u{bd} of them",
                "US$ 5, Rs 40, 10k, 3 MM, 2 M, \u{212a}, the Kelvin sign: 5\u{212a}",
                "5 million (about 4 percent) of 20 rose, more than 3 (three) and \u{2153}",
                "half of a million, a hundred and five, a fifth, two-thirds, 1960s, 21st",
                "Ниже 5 и пять, café 7, \u{2013}12.99 and \u{2212}5%",
            ]
            .map(str::to_owned),
        );
        texts
    }

    /// Every mention holds a numeral whole inside its span (what [`may_hold_numeral_outside`]
    /// relies on): the sentence gate holds of the text of each mention alone.
    #[test]
    fn the_text_of_every_mention_holds_a_numeral_by_the_gate() {
        let mut mentions = 0;
        for text in texts_with_numerals_in_every_form() {
            for m in find_numbers(&text) {
                assert!(words::may_hold_numeral(&m.text), "{:?} of {text:?}", m.text);
                mentions += 1;
            }
        }
        assert!(mentions >= 10_000, "{mentions}");
    }

    /// A text said to hold no numeral outside its covered spans has every mention overlapping
    /// one, and a text with a mention that overlaps none is said to hold one: covered by the
    /// mentions' spans, all of them or all but one (where a mention that held no numeral would be
    /// said to hold none), in order and backwards, and by the mentions' first bytes.
    #[test]
    fn a_text_with_no_numeral_outside_its_covered_spans_has_every_mention_overlapping_one() {
        let (mut none_outside, mut one_left_out) = (0, 0);
        for text in texts_with_numerals_in_every_form() {
            let mentions = find_numbers(&text);
            let spans: Vec<Span> = mentions.iter().map(Mention::span).collect();
            let mut covers: Vec<Vec<Span>> = vec![spans.clone()];
            for k in 0..spans.len() {
                let mut others = spans.clone();
                others.remove(k);
                covers.push(others);
            }
            let first_bytes = spans.iter().map(|s| Span::new(s.start, s.start + 1));
            covers.push(first_bytes.filter(|s| text.is_char_boundary(s.end)).collect());
            covers.extend(covers.clone().into_iter().map(|c| c.into_iter().rev().collect()));
            for cover in covers {
                let overlaps = |m: &Span| cover.iter().any(|c| c.start < m.end && m.start < c.end);
                let every_mention_covered = spans.iter().all(overlaps);
                let outside = may_hold_numeral_outside(&text, cover.iter().copied());
                assert!(outside || every_mention_covered, "{text:?} {cover:?}");
                none_outside += usize::from(!outside && !spans.is_empty());
                one_left_out += usize::from(!every_mention_covered);
            }
        }
        assert!(
            none_outside >= 3_000 && one_left_out >= 10_000,
            "{none_outside} {one_left_out}"
        );
    }

    /// A text outside ASCII said to hold no numeral has no mention either: the sample lines
    /// with their digits taken out, and the words above between curly quotes, apostrophes,
    /// dashes, minus signs, non-breaking spaces and letters outside ASCII; most of the lines said
    /// to hold none hold characters outside ASCII, and a vulgar fraction or a letter whose lower
    /// case is ASCII (the Kelvin sign) is read.
    #[test]
    fn a_text_outside_ascii_said_to_hold_no_numeral_has_no_mention() {
        let mut texts: Vec<String> = crate::gen::sample_lines(300)
            .iter()
            .map(|l| l.replace(|c: char| c.is_ascii_digit(), ""))
            .collect();
        let words = [
            "a",
            "K",
            "M",
            "MM",
            "one",
            "half",
            "million",
            "twentyfive",
            "first",
            "between",
            "percent",
            "US",
            "USD",
            "Rs",
            "the",
            "requests",
            "caf",
            "é",
            "Москва",
            "\u{212a}",
        ];
        let marks = [
            "’", "‘", "“", "”", "—", "–", "−", "…", "\u{a0}", "\u{2009}", "é", "ü", "Σ", "İ", "€", "≥", "•", "×",
        ];
        for a in words {
            for b in words {
                for m in marks {
                    texts.extend([format!("{a}{m}{b}"), format!("{m}{a} {b}{m}"), format!("{a}{m} {m}{b}")]);
                }
            }
        }
        let (mut none_outside, mut mentions) = (0, 0);
        for text in &texts {
            let mut read = Vec::new();
            read_mentions(text, text.is_ascii(), &mut read);
            mentions += usize::from(!read.is_empty());
            let may_hold = match text.is_ascii() {
                true => words::may_hold_numeral(text),
                false => words::may_hold_numeral_outside_ascii(text),
            };
            if may_hold {
                continue;
            }
            let unread = Toks::read(text, text.is_ascii(), |t| {
                let mut unread = Vec::new();
                read_tokens(t, &mut unread);
                unread
            });
            // (the reading itself asks the test first: its tokens are read here without it)
            assert!(unread.is_empty(), "{text:?}: {unread:?}");
            none_outside += usize::from(!text.is_ascii());
        }
        assert!(none_outside > 1_000 && mentions > 1_000, "{none_outside} {mentions}");
        for text in [
            "½ of them",
            "a ¾ share",
            "“⅓”",
            "\u{212a}",
            "Москва ½",
            "“5”",
            "’twenty",
        ] {
            assert!(words::may_hold_numeral_outside_ascii(text), "{text:?}");
        }
    }

    #[test]
    fn a_text_the_url_pattern_matches_in_may_hold_a_url() {
        for text in [
            "see https://example.org/a for 5 more",
            "WWW.Example.com has 3",
            "wWw.x.y",
            "mail jane@example.org about 4",
            "Up 5.5% in 2014. No address here.",
            "www",
            "",
        ] {
            assert!(!URL.is_match(text) || may_hold_url(text), "{text:?}");
        }
        assert!(!may_hold_url("Up 5.5% in 2014. No address here."));
        assert!(may_hold_url("wWw.x.y"));
    }

    /// (text, kind, value, low, high) of every mention.
    type Row = (String, MentionKind, Option<f64>, Option<f64>, Option<f64>);

    fn rows(text: &str) -> Vec<Row> {
        find_numbers(text)
            .into_iter()
            .map(|m| (m.text, m.kind, m.value, m.low, m.high))
            .collect()
    }

    /// The single mention in `text` as (text, value).
    fn one(text: &str) -> (String, f64) {
        let m = find_numbers(text);
        assert_eq!(m.len(), 1, "{text:?}: {m:?}");
        (m[0].text.clone(), m[0].value.or(m[0].low).unwrap())
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    fn assert_one(text: &str, span: &str, value: f64) {
        let (t, v) = one(text);
        assert_eq!(t, span, "{text:?}");
        assert!(close(v, value), "{text:?}: {v} != {value}");
    }

    /// A decimal times a scale is the whole number it stands for, exactly, as the dataset and a
    /// reader expect: not 4,099,999.9999999995 for "4.1 million".
    #[test]
    fn scaled_decimals_are_whole_numbers_exactly() {
        for (text, value) in [
            ("It spent $4.1 million.", 4_100_000.0),
            ("It had 4.1 million users.", 4_100_000.0),
            ("Revenue was 4.1bn dollars.", 4_100_000_000.0),
            ("about four point one million", 4_100_000.0),
            ("It fined them £1.1m.", 1_100_000.0),
            ("Some 1,234.56 thousand were sent.", 1_234_560.0),
        ] {
            let m = find_numbers(text);
            assert_eq!(m.len(), 1, "{text}: {m:?}");
            assert_eq!(m[0].value.map(f64::to_bits), Some(f64::to_bits(value)), "{text}: {m:?}");
        }
        let range = find_numbers("between 1.7 and 4.1 million accounts");
        assert_eq!((range[0].low, range[0].high), (Some(1_700_000.0), Some(4_100_000.0)));
        for tenths in 1..3_000u32 {
            let text = format!("They asked for {}.{} million records.", tenths / 10, tenths % 10);
            let m = find_numbers(&text);
            assert_eq!(m[0].value, Some(f64::from(tenths) * 100_000.0), "{text}");
        }
        // A value that is no whole number stays as read.
        assert_eq!(find_numbers("2.3 dozen eggs")[0].value, Some(2.3 * 12.0));
    }

    #[test]
    fn digits_percent_and_money() {
        let m = find_numbers("Of 31,002 requests, 3 percent; fines of $1.2 billion.");
        assert_eq!(m.len(), 3);
        assert_eq!((m[0].kind, m[0].value), (MentionKind::Number, Some(31002.0)));
        assert_eq!(
            (m[1].kind, m[1].value, m[1].text.as_str()),
            (MentionKind::Percent, Some(3.0), "3 percent")
        );
        assert_eq!((m[2].kind, m[2].value), (MentionKind::Money, Some(1.2e9)));
        assert_eq!(m[2].unit.as_deref(), Some("USD"));
        assert_eq!(m[2].precision, 1e8);
    }

    #[test]
    fn number_words_with_and_and_hyphens() {
        assert_one("three", "three", 3.0);
        assert_one("for thirty-two users", "thirty-two", 32.0);
        assert_one("one hundred and five complaints", "one hundred and five", 105.0);
        assert_one(
            "Three hundred  and  thirty one",
            "Three hundred  and  thirty one",
            331.0,
        );
        assert_one(
            "seven hundred twenty-one thousand and twelve",
            "seven hundred twenty-one thousand and twelve",
            721012.0,
        );
        assert_one("two hundred and two thousand", "two hundred and two thousand", 202000.0);
        assert_one("fifty - two", "fifty - two", 52.0);
        assert_one("3 hundred and 21 yuan", "3 hundred and 21 yuan", 321.0);
        // two numbers side by side stay two
        assert_eq!(rows("3 hundred and 2 hundred").len(), 2);
        assert_eq!(rows("they were playing three-nought-four").len(), 3);
    }

    #[test]
    fn scales_dozens_and_mixed_forms() {
        assert_one("1.5 million", "1.5 million", 1.5e6);
        assert_one("nearly 2bn users", "nearly 2bn", 2e9);
        assert_one("30k", "30k", 3e4);
        assert_one("a dozen regulators", "a dozen", 12.0);
        assert_one("half a million requests", "half a million", 5e5);
        assert_one("two thirds of a million", "two thirds of a million", 2e6 / 3.0);
        assert_one("five and a half million", "five and a half million", 5.5e6);
        assert_one("3 million and a half", "3 million and a half", 3.5e6);
        assert_one("three thousand millions", "three thousand millions", 3e9);
        assert_one("12 lakhs", "12 lakhs", 1.2e6);
        assert_one("two point two million", "two point two million", 2.2e6);
        assert_one("1,674.5 G", "1,674.5 G", 1.6745e12);
        let m = find_numbers("1.5 million, half a million, thirty-two");
        assert_eq!((m[0].precision, m[1].precision, m[2].precision), (1e5, 1e5, 1.0));
    }

    #[test]
    fn fractions() {
        assert_one("three quarters", "three quarters", 0.75);
        assert_one("3/4", "3/4", 0.75);
        assert_one("2  1/4", "2  1/4", 2.25);
        assert_one("a fifth of requests", "a fifth", 0.2);
        assert_one("one and a half", "one and a half", 1.5);
        assert_one("one twenty-fifth", "one twenty-fifth", 0.04);
        assert_one("one in five users", "one in five", 0.2);
        assert_one("two out of five hundred tvs", "two out of five hundred", 0.004);
        assert_one("the result is ¾", "¾", 0.75);
        // a year is no denominator, and a date no fraction
        assert_eq!(rows("it rose to 1 in 2014").len(), 2);
        assert_eq!(rows("Any time to meet on 5/17/2018?").len(), 3);
        assert!(rows("The number 1/0 is not a valid value.").is_empty());
    }

    #[test]
    fn negative_numbers_and_signs() {
        assert_one(" -9.2321312", "-9.2321312", -9.2321312);
        assert_one("- 1,200,000", "- 1,200,000", -1.2e6);
        assert_one(
            "negative five hundred and four",
            "negative five hundred and four",
            -504.0,
        );
        assert_one("just need minus five percent", "minus five percent", -5.0);
        assert_one("-1.2M", "-1.2M", -1.2e6);
        // a hyphen after letters or digits is no sign
        assert_one("SCP-173", "173", 173.0);
    }

    #[test]
    fn ordinals() {
        for (text, v) in [
            ("21st", 21.0),
            ("twenty-first", 21.0),
            ("twentyfifth", 25.0),
            ("ninetieth", 90.0),
        ] {
            let m = find_numbers(text);
            assert_eq!((m[0].kind, m[0].value), (MentionKind::Ordinal, Some(v)), "{text}");
        }
        let m = find_numbers("one hundred twenty-fifth");
        assert_eq!((m[0].kind, m[0].value), (MentionKind::Ordinal, Some(125.0)));
        let m = find_numbers("I like the first two books.");
        assert_eq!(m[0].kind, MentionKind::Ordinal);
        assert_eq!((m[1].kind, m[1].value), (MentionKind::Number, Some(2.0)));
    }

    #[test]
    fn percent_forms() {
        for text in [
            "3%",
            "3 percent",
            "3 per cent",
            "3 pct",
            "three percent",
            "3 percentage",
        ] {
            let m = find_numbers(text);
            assert_eq!(
                (m.len(), m[0].kind, m[0].value),
                (1, MentionKind::Percent, Some(3.0)),
                "{text}"
            );
            assert_eq!(m[0].text, text);
        }
        let points = |text: &str| -> Vec<(String, Option<String>)> {
            find_numbers(text).into_iter().map(|m| (m.text, m.unit)).collect()
        };
        let pp = |t: &str| (t.to_owned(), Some("percentage points".to_owned()));
        assert_eq!(
            points(
                "It was down 3 points, nine points short of 90 percent; the team scored 86 points, he added 25 \
                 points and the Dow fell 102.2 points, or 0.36%."
            ),
            [
                pp("3 points"),
                pp("nine points"),
                ("90 percent".to_owned(), Some("percent".to_owned())),
                ("86".to_owned(), None),
                ("25".to_owned(), None),
                ("102.2".to_owned(), None),
                ("0.36%".to_owned(), Some("percent".to_owned()))
            ]
        );
        let m = find_numbers("up 2 percentage points");
        assert_eq!(m[0].unit.as_deref(), Some("percentage points"));
        assert_eq!(m[0].text, "2 percentage points");
        assert_one("per cent of twenty-two", "per cent of twenty-two", 22.0);
        // "%" inside a URL is no percentage
        assert!(rows("See https://www.test.com/search?q=30%25%2020%").is_empty());
    }

    #[test]
    fn thousands_and_decimal_conventions() {
        assert_one("1,234,567", "1,234,567", 1234567.0);
        assert_one("1 234 567", "1 234 567", 1234567.0);
        assert_one("40\u{202f}000", "40\u{202f}000", 40000.0);
        assert_one("1.111,11", "1.111,11", 1111.11);
        assert_one("12,34,567.89", "12,34,567.89", 1234567.89);
        assert_one("The number is 1,3.", "1,3", 1.3);
        assert_one(".08", ".08", 0.08);
        assert_one("1.3e6", "1.3e6", 1.3e6);
        // lists, IP addresses and phone numbers are several numbers
        assert_eq!(rows("Exercises nrs. 22,24,26,31.").len(), 4);
        assert_eq!(rows("192.168.1.2").len(), 4);
        assert_eq!(rows("1, 234, 567").len(), 3);
        assert_eq!(rows("423 0000").len(), 2);
    }

    #[test]
    fn ranges_in_digits_and_words() {
        use MentionKind::Range;
        let range = |t: &str, l: f64, h: f64| (t.to_owned(), Range, None, Some(l), Some(h));
        assert_eq!(rows("0-999"), [range("0-999", 0.0, 999.0)]);
        assert_eq!(rows("0–999 letters"), [range("0–999", 0.0, 999.0)]);
        assert_eq!(rows("0 to 999"), [range("0 to 999", 0.0, 999.0)]);
        // a change to a range ("edged up to 0.07 to 0.08 percent"), not from one value to another
        let texts = |t: &str| rows(t).into_iter().map(|r| r.0).collect::<Vec<_>>();
        assert_eq!(texts("It edged up to 0.07 to 0.08 percent"), ["0.07 to 0.08 percent"]);
        assert_eq!(texts("It rose to 5 to 6 percent"), ["5 to 6 percent"]);
        assert_eq!(texts("It rose from 5 to 6 percent"), ["5", "6 percent"]);
        assert_eq!(
            rows("between 1,000 and 1,499 accounts"),
            [range("between 1,000 and 1,499", 1000.0, 1499.0)]
        );
        assert_eq!(rows("between five and ten"), [range("between five and ten", 5.0, 10.0)]);
        assert_eq!(
            rows("from 1,000 to 1,499"),
            [range("from 1,000 to 1,499", 1000.0, 1499.0)]
        );
        assert_eq!(rows("5k-20k"), [range("5k-20k", 5000.0, 20000.0)]);
        // numbers grouped by commas, joined by a hyphen: no chain of groups
        assert_eq!(rows("4,000-4,999 selectors"), [range("4,000-4,999", 4000.0, 4999.0)]);
        assert_eq!(rows("1,000-1,999"), [range("1,000-1,999", 1000.0, 1999.0)]);
        let m = find_numbers("from 50 to 80%");
        assert_eq!((m[0].kind, m[0].unit.as_deref()), (Range, Some("percent")));
        assert_eq!(rows("2 to 3 million users"), [range("2 to 3 million", 2e6, 3e6)]);
        assert_eq!(
            rows("between 900 and 1 million"),
            [range("between 900 and 1 million", 900.0, 1e6)]
        );
        let m = find_numbers("between $5 and $10 billion");
        assert_eq!((m[0].low, m[0].high), (Some(5e9), Some(1e10)));
        let m = find_numbers("between $21.5 billion and $35 billion");
        assert_eq!(
            (m[0].kind, m[0].low, m[0].unit.as_deref()),
            (Range, Some(21.5e9), Some("USD"))
        );
        // a change is no range, nor a date or a phone number
        assert_eq!(rows("requests rose from 590 to 1,298").len(), 2);
        assert_eq!(rows("fell from 72,279 to 65,496").len(), 2);
        assert!(find_numbers("1995-01").iter().all(|m| m.kind != Range));
        // a year then a count is no range; a span of years and a range of counts stay ranges
        let total = rows("the total for 2014 to 59,509");
        assert_eq!(
            total.last().map(|r| (r.0.as_str(), r.2)),
            Some(("59,509", Some(59509.0)))
        );
        assert!(total.iter().all(|r| r.1 != Range));
        assert!(rows("up in 2015 - 12,000 requests").iter().all(|r| r.1 != Range));
        assert_eq!(rows("from 2013 to 2015"), [range("from 2013 to 2015", 2013.0, 2015.0)]);
        assert_eq!(rows("2013 to 2015"), [range("2013 to 2015", 2013.0, 2015.0)]);
        assert_eq!(rows("2000-3000 requests"), [range("2000-3000", 2000.0, 3000.0)]);
        assert!(find_numbers("+1-222-2222-2222").iter().all(|m| m.kind != Range));
    }

    #[test]
    fn approximations_and_bounds() {
        let b = |text: &str| {
            let m = find_numbers(text);
            assert_eq!(m.len(), 1, "{text}: {m:?}");
            (m[0].text.clone(), m[0].value, m[0].low, m[0].high, m[0].approx.clone())
        };
        let q = |s: &str| Some(s.to_owned());
        assert_eq!(
            b("more than 50 countries"),
            ("more than 50".into(), Some(50.0), Some(50.0), None, q("more than"))
        );
        assert_eq!(
            b("over 40"),
            ("over 40".into(), Some(40.0), Some(40.0), None, q("over"))
        );
        assert_eq!(
            b("nearly 35,000"),
            ("nearly 35,000".into(), Some(35000.0), None, Some(35000.0), q("nearly"))
        );
        assert_eq!(
            b("about 65,000"),
            ("about 65,000".into(), Some(65000.0), None, None, q("about"))
        );
        assert_eq!(
            b("roughly 40 percent"),
            ("roughly 40 percent".into(), Some(40.0), None, None, q("roughly"))
        );
        assert_eq!(
            b("fewer than 1,000"),
            (
                "fewer than 1,000".into(),
                Some(1000.0),
                None,
                Some(1000.0),
                q("fewer than")
            )
        );
        assert_eq!(
            b("at least 3"),
            ("at least 3".into(), Some(3.0), Some(3.0), None, q("at least"))
        );
        assert_eq!(
            b("up to $180 billion"),
            (
                "up to $180 billion".into(),
                Some(1.8e11),
                None,
                Some(1.8e11),
                q("up to")
            )
        );
        assert_eq!(
            b("500 or more"),
            ("500 or more".into(), Some(500.0), Some(500.0), None, q("or more"))
        );
        assert_eq!(b(">= 30"), (">= 30".into(), Some(30.0), Some(30.0), None, q(">=")));
        // two bounds make a range
        let m = find_numbers("larger than 10 and smaller than 20");
        assert_eq!(
            (m.len(), m[0].kind, m[0].low, m[0].high),
            (1, MentionKind::Range, Some(10.0), Some(20.0))
        );
        // "about" meaning "concerning" is no approximation
        assert_eq!(b("requests for information about 42,648 users").0, "42,648");
    }

    #[test]
    fn a_news_reader_decides_the_ambiguous_cases() {
        // "a" is one only before a multiplier or a fraction
        assert!(rows("a request").is_empty());
        assert_one("a hundred requests", "a hundred", 100.0);
        // "one" as a pronoun, and "one of the", is no count
        assert!(rows("The one you mentioned is invalid").is_empty());
        assert!(rows("Which one do you prefer?").is_empty());
        assert!(rows("one of the largest requesters").is_empty());
        assert_one("Let's try one last time", "one", 1.0);
        assert!(rows("we push back when one is too broad").is_empty());
        assert_one("in the end one was granted", "one", 1.0);
        // a year and a version number are numbers here; figure.rs decides they are no figures
        assert_one("in 2014", "2014", 2014.0);
        assert_one("version two", "two", 2.0);
        // a span of years, a clock time and a number glued to a unit or a name are no mentions
        assert!(rows("We produced nothing in 2013-14.").is_empty());
        assert!(rows("At 2 pm everybody will be gone.").is_empty());
        assert!(rows("at 9:30").is_empty());
        // a colon with a space after it ends a label, not a clock time
        let texts = |text: &str| rows(text).into_iter().map(|r| r.0).collect::<Vec<_>>();
        let label = texts("in the first six months of 2016: 9,118 subpoenas; 2,061 court orders");
        assert_eq!(label[label.len() - 3..], ["2016", "9,118", "2,061"]);
        assert!(rows("the 180ml liquid, Office365 and 3D").is_empty());
        // a number restated in brackets is one mention
        assert_one("forty-five (45)", "forty-five (45)", 45.0);
        // "24/7", "9/11" and "the second half" are no numbers
        assert_eq!(rows("open 24/7 since 9/11"), []);
        assert!(rows("in the second half").iter().all(|r| r.1 == MentionKind::Ordinal));
        assert_one("more than half", "more than half", 0.5);
        // British "1m" is a million; "5G" is a network, "over the 12 months" a period
        assert_one("£1m", "£1m", 1e6);
        assert!(rows("on 4G and 5G networks").is_empty());
        assert_one("over the 12 months", "12", 12.0);
    }

    #[test]
    fn suffixes_start_with_or_or_and() {
        // suffix() looks at no phrase unless the number is followed by one of these two words
        for (p, _) in SUFFIXES {
            assert!(p.starts_with("or ") || p.starts_with("and "), "{p}");
        }
    }

    #[test]
    fn words_and_symbols_that_start_no_mention_are_skipped_but_the_others_are_not() {
        let mut lowered = String::new();
        let t = Toks::new(
            "the company said between US$ 5 and Rs 6, minus thirty, a fifth, USD 4 per cent of (\"½\" -2 > .5 €3).",
            &mut lowered,
        );
        let starts: Vec<&str> = (0..t.len())
            .filter(|&i| may_start_mention(&t, i))
            .map(|i| t.str(i))
            .collect();
        assert_eq!(
            starts,
            [
                "between", "US", "$", "5", "Rs", "6", "minus", "thirty", "a", "fifth", "USD", "4", "per", "½", "-",
                "2", ">", ".", "5", "€", "3"
            ]
        );
    }

    #[test]
    fn a_letter_glued_to_a_hyphen_and_a_word_is_a_name_not_a_scale() {
        let read = |text: &str| -> Vec<(String, Option<f64>)> {
            find_numbers(text).into_iter().map(|m| (m.text, m.value)).collect()
        };
        assert_eq!(read("it froze 1,362 M-Pesa accounts"), [("1,362".into(), Some(1362.0))]);
        assert_eq!(read("it raised 3 M"), [("3 M".into(), Some(3e6))]);
        assert_eq!(read("between 5M-7M"), [("5M-7M".into(), None)]);
    }

    #[test]
    fn money_forms() {
        let money = |text: &str| {
            let m = find_numbers(text);
            assert_eq!(m.len(), 1, "{text}: {m:?}");
            assert_eq!(m[0].kind, MentionKind::Money, "{text}");
            (m[0].text.clone(), m[0].value.unwrap(), m[0].unit.clone().unwrap())
        };
        assert_eq!(money("fines of €40,000"), ("€40,000".into(), 40000.0, "EUR".into()));
        assert_eq!(
            money("a US$4.7 billion deal"),
            ("US$4.7 billion".into(), 4.7e9, "USD".into())
        );
        assert_eq!(money("c $ 300 million"), ("c $ 300 million".into(), 3e8, "CAD".into()));
        assert_eq!(
            money("fines of R$150,000"),
            ("R$150,000".into(), 150000.0, "BRL".into())
        );
        assert_eq!(
            money("revenue of KSh 335.4 billion"),
            ("KSh 335.4 billion".into(), 335.4e9, "KES".into())
        );
        assert_eq!(money("a ZAR 5 fee"), ("ZAR 5".into(), 5.0, "ZAR".into()));
        assert_eq!(money("10 €"), ("10 €".into(), 10.0, "EUR".into()));
        assert_eq!(
            money("125 million Australian dollars"),
            ("125 million Australian dollars".into(), 1.25e8, "AUD".into())
        );
        let (text, value, _) = money("thirteen dollars and forty-five cents");
        assert_eq!(
            (text.as_str(), close(value, 13.45)),
            ("thirteen dollars and forty-five cents", true)
        );
        assert_eq!(money("a 12-cent dividend").1, 0.12);
        assert_eq!(money("USD3.25"), ("USD3.25".into(), 3.25, "USD".into()));
        assert_eq!(money("Rs. 20"), ("Rs. 20".into(), 20.0, "INR".into()));
        // a spaced dash before an amount is punctuation, not a sign
        assert_eq!(money("md . - - $ 75 million").0, "$ 75 million");
        // "a second" is no half
        assert!(rows("On a second thought").iter().all(|r| r.1 == MentionKind::Ordinal));
    }

    #[test]
    fn mentions_without_text_leave_only_their_text_out() {
        // `find_numbers` is this function with the texts filled in from the spans, so comparing
        // the two would test nothing; what is checked is that no text is made, and (below) that
        // the spans of merged mentions cover what their text used to be.
        let texts = sample_texts();
        assert!(texts.len() > 1000, "{}", texts.len());
        for text in &texts {
            assert!(
                find_numbers_without_text(text).iter().all(|m| m.text.is_empty()),
                "{text:?}"
            );
        }
        // the merged mentions: a bound pair and a restatement
        let text = "more than 5 but fewer than 10 and forty-five (45) requests";
        let found = find_numbers(text);
        assert_eq!(
            found.iter().map(|m| m.text.as_str()).collect::<Vec<_>>(),
            ["more than 5 but fewer than 10", "forty-five (45)"]
        );
    }

    #[test]
    fn spans_are_byte_offsets_on_char_boundaries() {
        let text = "Über 3 000 € — fast €40,000 und ½";
        for m in find_numbers(text) {
            assert_eq!(&text[m.start..m.end], m.text);
        }
        assert!(find_numbers(text)
            .iter()
            .any(|m| m.text == "€40,000" && m.value == Some(40000.0)));
    }

    /// Made-up phrases of numbers and of the words and symbols that stand around them, glued
    /// and spaced: what the readings of a number look at before and after it.
    pub(super) fn phrases_around_numbers() -> Vec<String> {
        let words = [
            "5",
            "12",
            "2014",
            "1,234",
            "31,002",
            "1,234,567.25",
            "3.5",
            "1.234,5",
            "1.2.3",
            "12,34",
            "0",
            "007",
            "%",
            "percent",
            "pct",
            "per",
            "cent",
            "percentage",
            "points",
            "to",
            "through",
            "-",
            "–",
            "~",
            "/",
            ":",
            ".",
            ",",
            ";",
            "(",
            ")",
            "\"",
            "'",
            "&",
            "^",
            "$",
            "€",
            "½",
            "million",
            "k",
            "K",
            "a",
            "an",
            "and",
            "or",
            "more",
            "than",
            "in",
            "over",
            "out",
            "of",
            "am",
            "pm",
            "p",
            "dollars",
            "US",
            "Hong",
            "Kong",
            "cents",
            "st",
            "s",
            "people",
            "the",
            "one",
            "half",
            "from",
            "between",
            "about",
        ];
        crate::gen::random_phrases(&words, &["", " ", " ", "  ", "\u{a0}"], 2, 6, 40_000)
    }

    /// [`currency_after`] as it was before its lookup of the first word: the symbols, then the
    /// currency word, then an adjective or "Hong Kong" and "New Zealand" before one.
    fn currency_after_unfiltered(t: &Toks, j: usize) -> Option<(&'static str, f64, usize)> {
        let symbol = match t.str(j) {
            "$" => Some("USD"),
            "€" => Some("EUR"),
            "£" => Some("GBP"),
            "¢" => Some("USD"),
            _ => None,
        };
        if let Some(c) = symbol.filter(|_| j > 0 && t.is(j, Tk::Sym)) {
            if t.glued(j - 1) || !(t.is(j + 1, Tk::Digits) || t.glued(j) && t.is(j + 1, Tk::Word)) {
                return Some((c, if t.str(j) == "¢" { 0.01 } else { 1.0 }, j + 1));
            }
        }
        let j = if t.dash(j) && j > 0 && t.glued(j - 1) && t.glued(j) {
            j + 1
        } else {
            j
        };
        let (first, second) = (t.word(j), t.word(j + 1));
        if let Some((c, share)) = currency_word(first) {
            return Some((c, share, j + 1));
        }
        let (adjective, word, named) = match (first, second) {
            ("hong", "kong") => ("hong kong", j + 2, t.word(j + 2)),
            ("new", "zealand") => ("new zealand", j + 2, t.word(j + 2)),
            _ => (first, j + 1, second),
        };
        let (code, share) = currency_word(named)?;
        let code = match (adjective, code) {
            ("hong kong", "USD") => "HKD",
            ("new zealand", "USD") => "NZD",
            _ => currency_adjective(adjective, code)?,
        };
        Some((code, share, word + 1))
    }

    /// The currency after a token is what it was before the lookup of its first word, at every
    /// token of the sample texts, of made-up phrases around numbers and of phrases with every
    /// currency word, adjective and symbol, in several cases; with a floor on the currencies read.
    #[test]
    fn currencies_after_are_read_as_without_the_first_word_lookup() {
        let mut texts = sample_texts();
        texts.extend(phrases_around_numbers());
        let mut names: Vec<String> = CURRENCY_WORDS.iter().map(|(w, _, _)| (*w).to_owned()).collect();
        for (a, _, _) in CURRENCY_ADJECTIVES {
            names.extend(CURRENCY_WORDS.iter().map(|(w, _, _)| format!("{a} {w}")));
        }
        names.extend(
            [
                "hong kong dollars",
                "New Zealand dollars",
                "HONG KONG",
                "new dollars",
                "Swiss",
                "$",
                "€",
                "£",
                "¢",
            ]
            .map(str::to_owned),
        );
        for name in &names {
            for (before, after) in [
                ("5 ", ""),
                ("5", " 30"),
                ("5-", " cuts"),
                ("five ", " and 20 cents"),
                ("5 - ", ""),
                ("$5 ", ""),
            ] {
                texts.push(format!("{before}{name}{after}"));
                texts.push(format!("{before}{}{after}", name.to_uppercase()));
            }
        }
        let (mut tokens, mut read) = (0, 0);
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for j in 0..=t.len() {
                tokens += 1;
                let found = currency_after(&t, j);
                read += usize::from(found.is_some());
                assert_eq!(found, currency_after_unfiltered(&t, j), "{j} of {text:?}");
            }
        }
        assert!(read > 2_000 && tokens > 400_000, "{read} of {tokens}");
    }

    /// An ordinal word's mention is what the full reading reads at it: every word of the sample
    /// texts, of made-up phrases around numbers and of phrases around ordinal words, with a floor
    /// on the readings taken and on those left to the full reading.
    #[test]
    fn ordinal_word_mentions_are_read_as_the_full_reading_reads_them() {
        let mut texts = sample_texts();
        texts.extend(phrases_around_numbers());
        let ordinals = [
            "first",
            "Second",
            "THIRD",
            "twentieth",
            "hundredth",
            "millionth",
            "fifths",
            "twenty-first",
        ];
        let around = [
            "",
            ":30",
            " : 30",
            ":",
            "-",
            " - ",
            " to ",
            " through ",
            " and ",
            "~",
            "$",
            " $",
            "%",
            " percent",
            " of",
            " in ",
            " out of ",
            " or more",
            " million",
            "-fifth",
            " quarter",
            " half",
            " 5",
            " fifth",
        ];
        let befores = [
            "",
            "the ",
            "between the ",
            "from ",
            "about ",
            "5",
            "5 ",
            "$",
            "-",
            "minus ",
            "twenty-",
            "twenty ",
        ];
        for o in ordinals {
            for a in around {
                for b in befores {
                    texts.push(format!("{b}{o}{a}"));
                    texts.push(format!("{b}{o}{a} third"));
                    texts.push(format!("{b}{o}{a}5 users"));
                }
            }
        }
        let (mut words, mut fast_reads) = (0, 0);
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for i in 0..t.len() {
                if !t.is(i, Tk::Word) {
                    continue;
                }
                words += 1;
                let mut fast = Vec::new();
                let Some(next) = ordinal_word_mention(&t, i, &mut fast) else {
                    assert!(fast.is_empty(), "nothing added at {i} of {text:?}");
                    continue;
                };
                fast_reads += 1;
                let mut full = Vec::new();
                assert_eq!(mention_at(&t, i, &mut full), Some(next), "{i} of {text:?}");
                assert_eq!(fast, full, "{i} of {text:?}");
            }
        }
        assert!(
            fast_reads > 3_000 && words - fast_reads > 100_000,
            "{fast_reads} of {words}"
        );
    }

    /// A plain mention is what the full reading reads at its digits, token for token: every
    /// reading of digits of the sample texts and of made-up phrases around numbers, with a
    /// floor on the readings taken and on those left to the full reading.
    #[test]
    fn plain_mentions_are_read_as_the_full_reading_reads_them() {
        let mut texts = sample_texts();
        texts.extend(phrases_around_numbers());
        let (mut digits, mut plain) = (0, 0);
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for &i in &t.starts {
                let i = i as usize;
                if !t.is(i, Tk::Digits) {
                    continue;
                }
                digits += 1;
                let mut fast = Vec::new();
                let Some(next) = plain_mention(&t, i, &mut fast) else {
                    assert!(fast.is_empty(), "nothing added at {i} of {text:?}");
                    continue;
                };
                plain += 1;
                let mut full = Vec::new();
                assert_eq!(mention_at(&t, i, &mut full), Some(next), "{i} of {text:?}");
                let unmarked: Vec<Mention> = fast.into_iter().map(|m| Mention { plain: false, ..m }).collect();
                assert_eq!(unmarked, full, "{i} of {text:?}");
            }
        }
        assert!(plain > 10_000 && digits - plain > 10_000, "{plain} of {digits}");
    }
}
