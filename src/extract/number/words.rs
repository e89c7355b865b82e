//! Numerals: digits and number words read together into one value ("thirty-two",
//! "one hundred and five", "1.5 million", "half a million", "3 hundred and 21", "two thirds",
//! "twenty-first", "two point five").
//!
//! A small left-to-right grammar over tokens: every token is looked at a bounded number of times,
//! so reading a text stays linear.

use super::lex::{glued_scale, letters_end, literal, Literal, Tk, Toks};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A numeral: its value, where it is (token indices) and what form it has.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Numeral {
    pub value: f64,
    /// First token.
    pub first: usize,
    /// Token after the last one.
    pub next: usize,
    /// Place value of the last stated digit.
    pub precision: f64,
    /// A position ("21st", "twenty-first").
    pub ordinal: bool,
    /// A fraction ("two thirds", "3/4", "half").
    pub fraction: bool,
    /// Written with words only.
    pub words: bool,
}

/// One piece of a numeral.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    /// Digits ("31,002", "3/4").
    Lit {
        value: f64,
        precision: f64,
        fraction: bool,
        ordinal: bool,
    },
    /// zero to nine.
    Unit(f64),
    /// ten to nineteen.
    Teen(f64),
    /// twenty to ninety.
    Tens(f64),
    /// hundred.
    Hundred,
    /// thousand, million, lakh, dozen...
    Scale(f64),
    /// first..., twentieth, hundredth, millionth (value, plural).
    Ord(f64, bool),
    /// half, halves, quarter(s) (denominator, plural).
    Part(f64, bool),
    /// "a", "an".
    A,
    /// "and", "&".
    And,
    /// "point".
    Point,
}

/// Zero to nine.
const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("nought", 0.0),
    ("naught", 0.0),
    ("nil", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
];

/// Ten to nineteen.
const TEENS: &[(&str, f64)] = &[
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

/// Twenty to ninety.
const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fourty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Scale words after a numeral ("million", "bn", "lakh", "dozen").
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("mil", 1e6),
    ("mio", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("trillion", 1e12),
    ("trillions", 1e12),
    ("tn", 1e12),
    ("tln", 1e12),
    ("trn", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("lac", 1e5),
    ("lacs", 1e5),
    ("lkh", 1e5),
    ("lkhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
    ("cr", 1e7),
    ("koti", 1e7),
    ("krore", 1e7),
    ("krores", 1e7),
    ("dozen", 12.0),
    ("dozens", 12.0),
    ("dz", 12.0),
    ("dzs", 12.0),
    ("doz", 12.0),
    ("dozs", 12.0),
];

/// Ordinal words (each also in the plural with an "s": "two thirds", "three fifths").
const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("nineth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
    ("hundredth", 100.0),
    ("thousandth", 1e3),
    ("millionth", 1e6),
    ("billionth", 1e9),
    ("trillionth", 1e12),
];

/// The value of `w` in `table`.
fn lookup(table: &[(&str, f64)], w: &str) -> Option<f64> {
    table.iter().find(|(word, _)| *word == w).map(|(_, v)| *v)
}

fn unit(w: &str) -> Option<f64> {
    lookup(UNITS, w)
}

fn teen(w: &str) -> Option<f64> {
    lookup(TEENS, w)
}

fn tens(w: &str) -> Option<f64> {
    lookup(TENS, w)
}

/// The scale word at token `j` ("million", "bn", "lakh", "dozen"), with the one-letter scales
/// that only count in capitals or lowercase k.
pub(super) fn scale_at(t: &Toks, j: usize) -> Option<f64> {
    let atom = token_atom(t, j);
    if atom.is_none() && starts_a_hyphenated_name(t, j) {
        return None;
    }
    scale(atom, t.str(j))
}

/// Whether the word at `j` is glued to a hyphen and a word after it: "M" in "1,362 M-Pesa
/// accounts" starts a name, and is no one-letter scale.
fn starts_a_hyphenated_name(t: &Toks, j: usize) -> bool {
    t.glued(j) && t.sym(j + 1, "-") && t.glued(j + 1) && t.is(j + 2, Tk::Word)
}

/// The scale of a word whose atom is `atom`; `case` is the word as written, for the one-letter
/// scales.
fn scale(atom: Option<Atom>, case: &str) -> Option<f64> {
    // the scale words are atoms of their own (no word of an earlier table is one): the atom settles it
    match atom {
        Some(Atom::Scale(f)) => Some(f),
        _ if matches!(case, "k" | "K" | "M" | "G" | "MM") => glued_scale(case),
        _ => None,
    }
}

fn ordinal(w: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) if s.ends_with("th") || matches!(s, "first" | "second" | "third") => (s, true),
        _ => (w, false),
    };
    Some((lookup(ORDINALS, stem)?, plural))
}

/// The atom of every word that is one atom on its own, lowercased, in the order [`atoms`]
/// tries them (the first category a word is in wins). The reader looks words up in the table
/// made from it ([`atom_code`]), once per word as the text is cut; the map stays the reference
/// the table is tested against.
static WORD_ATOMS: LazyLock<FxHashMap<String, Atom>> = LazyLock::new(|| {
    let mut atoms: Vec<(String, Atom)> = Vec::new();
    atoms.extend(UNITS.iter().map(|(w, v)| ((*w).to_owned(), Atom::Unit(*v))));
    atoms.extend(TEENS.iter().map(|(w, v)| ((*w).to_owned(), Atom::Teen(*v))));
    atoms.extend(TENS.iter().map(|(w, v)| ((*w).to_owned(), Atom::Tens(*v))));
    atoms.extend(["hundred", "hundreds"].map(|w| (w.to_owned(), Atom::Hundred)));
    atoms.extend(SCALES.iter().map(|(w, f)| ((*w).to_owned(), Atom::Scale(*f))));
    for (w, v) in ORDINALS {
        atoms.push(((*w).to_owned(), Atom::Ord(*v, false)));
        atoms.push((format!("{w}s"), Atom::Ord(*v, true)));
    }
    atoms.extend(
        [
            ("half", Atom::Part(2.0, false)),
            ("halves", Atom::Part(2.0, true)),
            ("quarter", Atom::Part(4.0, false)),
            ("quarters", Atom::Part(4.0, true)),
            ("a", Atom::A),
            ("an", Atom::A),
            ("and", Atom::And),
            ("point", Atom::Point),
        ]
        .map(|(w, a)| (w.to_owned(), a)),
    );
    let mut map = FxHashMap::default();
    for (w, a) in atoms {
        map.entry(w).or_insert(a);
    }
    map
});

/// The atoms of the token at `i` (two for a glued "twentyfifth"), with the token after them.
fn atoms(t: &Toks, i: usize) -> Option<(Atom, Option<Atom>, usize)> {
    if t.is(i, Tk::Digits) || t.is(i, Tk::Sym) {
        if t.sym(i, "&") {
            return Some((Atom::And, None, i + 1));
        }
        let l = literal(t, i)?;
        return Some((literal_atom(&l), None, l.next));
    }
    if let Some(a) = token_atom(t, i) {
        return Some((a, None, i + 1));
    }
    unlisted_word_atoms(t, i)
}

/// The atom of the digit literal `l`.
fn literal_atom(l: &Literal) -> Atom {
    Atom::Lit {
        value: l.value,
        precision: l.precision,
        fraction: l.fraction,
        ordinal: l.ordinal,
    }
}

/// The words of [`WORD_ATOMS`] and their atoms in a list, for a token to hold the place of its
/// atom in one byte ([`atom_code`]).
static WORD_ATOM_LIST: LazyLock<Vec<(&'static str, Atom)>> = LazyLock::new(|| {
    let mut list: Vec<(&'static str, Atom)> = WORD_ATOMS.iter().map(|(w, a)| (w.as_str(), *a)).collect();
    list.sort_by(|a, b| a.0.cmp(b.0));
    assert!(list.len() < usize::from(u8::MAX), "an atom's place holds in a byte");
    list
});

/// The place in [`WORD_ATOM_LIST`] of each word, plus one, as a [`WordTable`]: most words of a
/// text fail its shape test, and the others are compared with a few words rather than hashed.
static WORD_ATOM_TABLE: LazyLock<WordTable<u8>> =
    LazyLock::new(|| WordTable::of(WORD_ATOM_LIST.iter().enumerate().map(|(k, (w, _))| (*w, k as u8 + 1))));

/// The code of the atom a lowercased word is on its own ([`WORD_ATOMS`]): its place in a list
/// plus one, 0 for a word that is none. Tokens hold it ([`Toks::atom_code`]), looked up once
/// as the text is cut, where the recognizers would look it up again and again.
pub(super) fn atom_code(word: &[u8]) -> u8 {
    WORD_ATOM_TABLE.get(word).copied().unwrap_or(0)
}

/// The atom of an [`atom_code`].
fn atom_of_code(code: u8) -> Option<Atom> {
    let place = code.checked_sub(1)?;
    Some(WORD_ATOM_LIST[usize::from(place)].1)
}

/// The atom the word at token `i` is on its own (none for a token that is no word).
#[inline]
fn token_atom(t: &Toks, i: usize) -> Option<Atom> {
    atom_of_code(t.atom_code(i))
}

/// For each lowercase first letter and each lowercase second letter (or none, for a word of one
/// letter), the lengths (bit `n` for `n` letters, up to 15) of the words of a set that begin with
/// them: one lookup rejects most other words without hashing them (a test of the first and of the
/// second letter apart let through words such as "of", "it" and "was").
///
/// The lengths are kept by the [`letter_place`] of the first and the second letter (0 for
/// none), for words known to be lowercase ASCII letters, looked up without testing their
/// letters.
pub(super) struct Shapes {
    by_place: [[u16; 32]; 32],
}

impl Shapes {
    /// The shapes of `words`: lowercase ASCII words of one to fifteen letters.
    pub fn of<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let mut by_place = [[0u16; 32]; 32];
        for w in words {
            assert!(
                w.bytes().all(|b| b.is_ascii_lowercase()) && !w.is_empty() && w.len() < 16,
                "{w}: a short lowercase word"
            );
            by_place[Self::first_place(w.as_bytes())][Self::second_place(w.as_bytes())] |= 1 << w.len();
        }
        Shapes { by_place }
    }

    /// Whether the word `word` of lowercase ASCII letters (a word's lower case in an ASCII
    /// text) may be one of the words: `false` only when none has its shape. Its letters need
    /// no test: their places index the table.
    #[inline]
    pub fn may_hold_lowercase(&self, word: &[u8]) -> bool {
        !word.is_empty()
            && word.len() < 16
            && self.by_place[Self::first_place(word)][Self::second_place(word)] & (1 << word.len()) != 0
    }

    /// The [`letter_place`] of the first letter of a word of one letter or more.
    #[inline]
    fn first_place(word: &[u8]) -> usize {
        letter_place(word[0])
    }

    /// The [`letter_place`] of the second letter of a word, 0 for a word of one letter.
    #[inline]
    fn second_place(word: &[u8]) -> usize {
        word.get(1).map_or(0, |&b| letter_place(b))
    }

    /// The indices of the first and the second letter of a word of one to fifteen bytes that
    /// begins with two lowercase ASCII letters (26 for the second of a word of one letter):
    /// `None` for any other word, which no set holds.
    #[inline]
    fn letters(bytes: &[u8]) -> Option<(usize, usize)> {
        let &first = bytes.first()?;
        if bytes.len() >= 16 || !first.is_ascii_lowercase() {
            return None;
        }
        let second = match bytes.get(1) {
            None => 26,
            Some(&b) if b.is_ascii_lowercase() => usize::from(b - b'a'),
            Some(_) => return None,
        };
        Some((usize::from(first - b'a'), second))
    }
}

/// Short lowercase words with a value each, looked up by their first two letters and length
/// (the key of [`Shapes`]) and then compared with the one word or two of that shape: cheaper
/// than hashing the word, as the words of a text are looked up one after the other.
pub(super) struct WordTable<T> {
    shapes: Shapes,
    /// The words and their values, in the order of their shapes.
    words: Vec<(&'static str, T)>,
    /// For each shape (`(first * 27 + second) * 16 + length`), the range of its words.
    by_shape: Vec<(u16, u16)>,
}

/// For each of `count` shapes, the range of the places in `shapes` (sorted) that hold it; an
/// empty range (`(0, 0)`) for a shape no word has.
fn ranges_of_shapes(shapes: impl Iterator<Item = usize>, count: usize) -> Vec<(u16, u16)> {
    let mut by_shape = vec![(0u16, 0u16); count];
    for (k, shape) in shapes.enumerate() {
        let range = &mut by_shape[shape];
        if range.0 == range.1 {
            range.0 = k as u16;
        }
        range.1 = k as u16 + 1;
    }
    by_shape
}

impl<T> WordTable<T> {
    /// The table of `words`: lowercase ASCII words of one to fifteen letters, each once.
    pub fn of(words: impl Iterator<Item = (&'static str, T)>) -> Self {
        let mut words: Vec<(usize, &'static str, T)> = words
            .map(|(w, value)| {
                let (first, second) = Shapes::letters(w.as_bytes()).expect("a short lowercase word");
                (Self::shape(first, second, w.len()), w, value)
            })
            .collect();
        words.sort_by_key(|(shape, w, _)| (*shape, *w));
        let shapes = Shapes::of(words.iter().map(|(_, w, _)| *w));
        let by_shape = ranges_of_shapes(words.iter().map(|(shape, _, _)| *shape), 26 * 27 * 16);
        let words = words.into_iter().map(|(_, w, value)| (w, value)).collect();
        WordTable {
            shapes,
            words,
            by_shape,
        }
    }

    /// The place of a shape in [`WordTable::by_shape`].
    #[inline]
    fn shape(first: usize, second: usize, len: usize) -> usize {
        (first * 27 + second) * 16 + len
    }

    /// The value of the word `bytes`, if the table holds it.
    #[inline]
    pub fn get(&self, bytes: &[u8]) -> Option<&T> {
        let (first, second) = Shapes::letters(bytes)?;
        self.get_shaped(Self::shape(first, second, bytes.len()), bytes)
    }

    /// Whether the table may hold `bytes`: `false` only for a word it does not hold, told by
    /// the word's first two letters and length ([`Shapes`]) without the lookup of its shape's
    /// words (a caller that asks of most words it reads spares them the call).
    #[inline]
    pub fn may_hold(&self, bytes: &[u8]) -> bool {
        // a word under 16 bytes whose first two bytes (or one, for a word of one) are lowercase
        // ASCII letters, as every held word's are: its shape is read off them and its length
        Shapes::letters(bytes).is_some() && self.shapes.may_hold_lowercase(bytes)
    }

    /// [`WordTable::get`] of a word of lowercase ASCII letters (a word's lower case in an ASCII
    /// text), told apart by [`Shapes::may_hold_lowercase`] first: its letters need no test.
    #[inline(always)]
    pub fn get_lowercase(&self, word: &[u8]) -> Option<&T> {
        if !self.shapes.may_hold_lowercase(word) {
            return None;
        }
        let first = usize::from(word[0].wrapping_sub(b'a'));
        let second = word.get(1).map_or(26, |b| usize::from(b.wrapping_sub(b'a')));
        self.get_shaped(Self::shape(first, second, word.len()), word)
    }

    /// The value of the word `bytes` of shape `shape` ([`WordTable::shape`]), if the table
    /// holds it.
    #[inline]
    fn get_shaped(&self, shape: usize, bytes: &[u8]) -> Option<&T> {
        let (from, to) = self.by_shape[shape];
        // the words of a shape share their first two letters and their length: the rest is
        // compared, byte by byte (a call to compare a few bytes cost more)
        let rest = bytes.get(2..).unwrap_or_default();
        self.words[usize::from(from)..usize::from(to)]
            .iter()
            .find(|(w, _)| w.as_bytes()[2.min(w.len())..].iter().zip(rest).all(|(a, b)| a == b))
            .map(|(_, value)| value)
    }

    /// The shapes of the words, for a test without the lookup.
    #[cfg(test)]
    pub fn shapes(&self) -> &Shapes {
        &self.shapes
    }
}

/// The atom a lowercased word is on its own ([`WORD_ATOMS`]).
#[cfg(test)]
fn word_atom(word: &str) -> Option<Atom> {
    atom_of_code(atom_code(word.as_bytes()))
}

/// The atoms of a word that is not in [`WORD_ATOMS`].
fn unlisted_word_atoms(t: &Toks, i: usize) -> Option<(Atom, Option<Atom>, usize)> {
    let w = t.word(i);
    let one = |a: Atom| Some((a, None, i + 1));
    // "10 K", "2 M": the one-letter scales, by their case (the scale words are in the map)
    let case = t.str(i);
    if matches!(case, "k" | "K" | "M" | "G" | "MM") {
        if starts_a_hyphenated_name(t, i) {
            return None;
        }
        return glued_scale(case).and_then(|f| one(Atom::Scale(f)));
    }
    // "twentyfifth", "thirtyfirst": tens glued to a unit or an ordinal (at least eight letters;
    // the first-letter test spares the eight prefix comparisons for almost every word)
    if w.len() < 8 || !matches!(w.as_bytes().first(), Some(b't' | b'f' | b's' | b'e' | b'n')) {
        return None;
    }
    let (prefix, rest) = TENS_WORDS.iter().find_map(|p| w.strip_prefix(p).map(|r| (*p, r)))?;
    let second = unit(rest)
        .filter(|v| *v > 0.0)
        .map(Atom::Unit)
        .or_else(|| ordinal(rest).filter(|(v, _)| *v < 10.0).map(|(v, p)| Atom::Ord(v, p)))?;
    Some((Atom::Tens(tens(prefix)?), Some(second), i + 1))
}

/// The grammar's running state.
struct Acc {
    total: f64,
    group: f64,
    /// Smallest multiplier stated so far (hundred, thousand...), for "and" continuations.
    last_mult: f64,
    prev: Option<Atom>,
    words: bool,
    precision: f64,
    /// Number of atoms read.
    count: usize,
    /// Whether the whole so far is a lone "one", "a" or "an" (a numerator for "a fifth").
    lone_one: bool,
    /// Whether the atom being read was joined by a dash ("thirty-five").
    dashed: bool,
}

impl Acc {
    fn value(&self) -> f64 {
        self.total + self.group
    }
}

/// How deep readings after "and" may nest ("one hundred and three and two thirds").
const MAX_DEPTH: usize = 2;

/// [`numeral`] at a word that is a singular ordinal on its own ("first", "second", "twentieth"),
/// read without the grammar: an ordinal that starts a numeral also ends it ([`ordinal_step`]).
/// `None` for any other token.
pub(super) fn lone_ordinal_word(t: &Toks, i: usize) -> Option<Numeral> {
    let Some(Atom::Ord(value, false)) = token_atom(t, i) else {
        return None;
    };
    Some(Numeral {
        value,
        first: i,
        next: i + 1,
        precision: ordinal_precision(value),
        ordinal: true,
        fraction: false,
        words: true,
    })
}

/// [`word_precision`] of the value of an ordinal word (one to twenty, the tens, and powers of
/// ten from a hundred on), without its loop of divisions.
fn ordinal_precision(value: f64) -> f64 {
    if value >= 100.0 {
        value
    } else if value >= 10.0 && (value as u32).is_multiple_of(10) {
        10.0
    } else {
        1.0
    }
}

/// Reads the numeral that starts at token `i`.
pub(super) fn numeral(t: &Toks, i: usize) -> Option<Numeral> {
    if t.is(i, Tk::Digits) {
        // the literal is read once: alone, or as the first atom of the grammar's reading (read
        // again there, it cost some 270 instructions for each "5 million" or "$1.2 billion")
        let l = literal(t, i)?;
        if let Some(read) = lone_literal(t, i, &l) {
            return Some(read);
        }
        return numeral_from(t, i, 0, (literal_atom(&l), None, l.next));
    }
    numeral_at(t, i, 0)
}

/// [`numeral_at`] of digits at `i` read as the literal `l` when they are read alone (most
/// numerals): the literal, when what follows it starts no atom that [`step`] takes after one.
/// `None` when it may ("5 million", "3 and a half", "2 1/4"): the grammar reads those.
fn lone_literal(t: &Toks, i: usize, l: &Literal) -> Option<Numeral> {
    // the grammar adds the literal to a total of zero
    let numeral = |ordinal: bool, fraction: bool| Numeral {
        value: 0.0 + l.value,
        first: i,
        next: l.next,
        precision: l.precision,
        ordinal,
        fraction,
        words: false,
    };
    if l.ordinal || l.fraction {
        return Some(numeral(l.ordinal, l.fraction)); // read alone, whatever follows
    }
    // an atom after a dash never follows a literal; of the others, these never do either
    let alone = t.dash(l.next)
        || is_symbol_of_no_atom(t, l.next)
        || matches!(
            atoms(t, l.next),
            None | Some((
                Atom::Unit(_) | Atom::Teen(_) | Atom::Tens(_) | Atom::A | Atom::Part(..),
                _,
                _
            ))
        );
    alone.then(|| numeral(false, false))
}

/// Whether token `i` is a symbol that [`atoms`] reads as nothing, told without reading it: an
/// ASCII symbol other than "&" (which joins atoms) and a period before digits (".5"); a vulgar
/// fraction is never ASCII. These ("%", ",", ".") are the commonest tokens after a literal.
fn is_symbol_of_no_atom(t: &Toks, i: usize) -> bool {
    t.is(i, Tk::Sym)
        && match t.str(i).as_bytes() {
            [b'&'] => false,
            [b'.'] => !t.is(i + 1, Tk::Digits),
            [_] => true,
            _ => false,
        }
}

/// Whether a numeral can start at `i`: [`numeral`] reads nothing unless the token is one of
/// its atoms (a dash only joins atoms after the first).
pub(super) fn starts_numeral(t: &Toks, i: usize) -> bool {
    atoms(t, i).is_some()
}

/// The words that are atoms of value on their own: every word of [`WORD_ATOMS`] but "a", "an",
/// "and" and "point", which only join or lead atoms of value and read nothing alone.
static VALUE_WORDS: LazyLock<FxHashMap<&'static str, ()>> = LazyLock::new(|| {
    WORD_ATOMS
        .keys()
        .map(String::as_str)
        .filter(|w| !matches!(*w, "a" | "an" | "and" | "point"))
        .map(|w| (w, ()))
        .collect()
});

/// The words of value of the sentence gate ([`VALUE_WORDS`]), and the one-letter scales and
/// "MM" it takes as written: the words whose starts [`super::value_starts`] must find.
#[cfg(test)]
pub(super) fn value_words_and_scales() -> impl Iterator<Item = &'static str> {
    VALUE_WORDS.keys().copied().chain(["k", "K", "M", "G", "MM"])
}

/// [`VALUE_WORDS`] to look up by shape, without hashing: the words of a text that pass
/// [`VALUE_WORD_PAIRS`] are looked up one after the other.
static VALUE_WORD_TABLE: LazyLock<WordTable<()>> =
    LazyLock::new(|| WordTable::of(VALUE_WORDS.keys().map(|w| (*w, ()))));

/// For each first and second letter of a word (either case, by [`letter_place`]), the lengths
/// (bit `n` for `n` letters, up to 15) of the words of [`VALUE_WORDS`] that begin with those
/// two letters: one lookup rejects most words without hashing them (no value word begins "th").
static VALUE_WORD_PAIRS: LazyLock<[[u16; 32]; 32]> = LazyLock::new(|| {
    let mut pairs = [[0u16; 32]; 32];
    for w in VALUE_WORDS.keys() {
        assert!(w.len() >= 2 && w.len() < 16, "value words have 2 to 15 letters");
        let [first, second, ..] = *w.as_bytes() else {
            unreachable!("two letters at least")
        };
        pairs[letter_place(first)][letter_place(second)] |= 1 << w.len();
    }
    pairs
});

/// A test of ASCII words that most words fail at one lookup, by their first letter as written,
/// their second letter in either case and their length: it passes every word of which the test
/// it was made from ([`WordFilter::of`]) holds, and some others, which the caller then tests.
pub(super) struct WordFilter {
    /// For the six low bits of the first letter (the case kept) and the [`letter_place`] of the
    /// second (0 for a word of one letter), the lengths that pass: bit `n` for `n` letters, bit
    /// 15 for 15 letters or more.
    lengths: [[u16; 32]; 64],
}

impl WordFilter {
    /// The filter that passes every word `may_pass` may hold of: it is asked of every first
    /// letter (either case), second letter (lowercase, standing for both cases; `None` for a
    /// word of one letter) and length (15 standing for 15 letters or more), and must hold of
    /// those whenever it may hold of a word that begins so.
    pub fn of(may_pass: impl Fn(u8, Option<u8>, usize) -> bool) -> Self {
        let mut lengths = [[0u16; 32]; 64];
        for first in (b'A'..=b'Z').chain(b'a'..=b'z') {
            let one = std::iter::once((None, 1..=1));
            let longer = (b'a'..=b'z').map(|second| (Some(second), 2..=15));
            for (second, lens) in one.chain(longer) {
                for len in lens.filter(|&len| may_pass(first, second, len)) {
                    lengths[usize::from(first & 63)][second.map_or(0, letter_place)] |= 1 << len;
                }
            }
        }
        WordFilter { lengths }
    }

    /// Whether the ASCII word `word` (a run of letters, one at least) passes.
    #[inline(always)]
    pub fn may_pass(&self, word: &[u8]) -> bool {
        let second = if word.len() > 1 { letter_place(word[1]) } else { 0 };
        self.lengths[usize::from(word[0] & 63)][second] >> word.len().min(15) & 1 != 0
    }
}

/// The words [`may_be_value_word`] may hold of: most words of a text are out at one lookup.
static VALUE_WORD_FILTER: LazyLock<WordFilter> = LazyLock::new(|| {
    let pairs = &*VALUE_WORD_PAIRS;
    WordFilter::of(|first, second, len| match second {
        None => matches!(first, b'k' | b'K' | b'M' | b'G'),
        Some(second) => {
            first == b'M' && second == b'm' && len == 2
                || len < 16 && pairs[letter_place(first)][letter_place(second)] & (1 << len) != 0
                || len >= 8 && may_start_tens(first)
        }
    })
});

/// The place of an ASCII letter in [`VALUE_WORD_PAIRS`] and [`Shapes`]' table of letters: its
/// five low bits, the same for both cases (1 for `a` and `A` to 26 for `z` and `Z`), and below
/// 32 without a bounds test.
#[inline]
fn letter_place(letter: u8) -> usize {
    usize::from(letter & 31)
}

/// Whether a numeral may stand anywhere in `text`: `false` only when no token of it can read a
/// value, so that [`numeral`] reads nothing at any token.
///
/// Every numeral holds an atom of value (digits, a vulgar fraction, a number, scale, ordinal or
/// fraction word): "a", "an", "and", "&" and "point" stop the reading when nothing of value
/// follows them. So a text without digits, without characters other than ASCII (vulgar
/// fractions, letters whose lower case this test does not handle: see
/// [`may_hold_numeral_outside_ascii`]) and without a word that is an atom of value
/// ([`VALUE_WORDS`], a one-letter scale, tens glued to a unit) has no numeral, and no mention:
/// this spares most sentences the tokens and the recognizers.
pub(super) fn may_hold_numeral(text: &str) -> bool {
    let bytes = text.as_bytes();
    if has_digit_or_non_ascii(bytes) {
        return true;
    }
    ascii_words_may_hold_value(bytes)
}

/// [`may_hold_numeral`] of a text outside ASCII (which that passes without looking further: the
/// caller tells a text outside ASCII anyway, and asks this then, so that the test of ASCII texts
/// stays as short). A word with a letter outside ASCII ("café", "Москва") is no atom: its lower
/// case is not ASCII (the characters whose lower case is ASCII may be read,
/// [`may_read_value_outside_ascii`]), and every atom's word is. The ASCII letters of such a word,
/// a run of their own here, may be taken for a value word: a `true` that the reading settles.
/// A curly quote, an apostrophe or a dash is no reason to read a text (a third of real text is
/// in sentences without digits but with one).
pub(super) fn may_hold_numeral_outside_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    has_digit(bytes) || may_read_value_outside_ascii(bytes) || ascii_words_may_hold_value(bytes)
}

/// Whether a run of ASCII letters of `bytes` may be an atom of value ([`may_be_value_word`]):
/// only the words that start where the vector pass of [`super::value_starts`] finds a word of
/// value may start are read (some 5 to 15 in a thousand bytes of news text), not every word.
/// Inlined: [`may_hold_numeral`] stays as it was before the test outside ASCII shared it.
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[inline(always)]
fn ascii_words_may_hold_value(bytes: &[u8]) -> bool {
    let (pairs, filter) = (&*VALUE_WORD_PAIRS, &*VALUE_WORD_FILTER);
    super::value_starts::any_fitting_word(bytes, |start| {
        let word = &bytes[start..letters_end(bytes, start)];
        filter.may_pass(word) && may_be_value_word(pairs, word)
    })
}

/// [`ascii_words_may_hold_value`] where the build has no AVX2.
#[cfg(not(all(target_arch = "x86_64", target_feature = "avx2")))]
#[inline(always)]
fn ascii_words_may_hold_value(bytes: &[u8]) -> bool {
    ascii_words_may_hold_value_by_blocks(bytes)
}

/// [`ascii_words_may_hold_value`] reading every word: found 64 bytes at a time from a mask of
/// the block's letters, without a turn of a loop for each byte between them (a byte outside
/// ASCII is no letter of the mask). Where the build has no AVX2, and for the tests.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "avx2"))))]
#[inline(always)]
fn ascii_words_may_hold_value_by_blocks(bytes: &[u8]) -> bool {
    let (pairs, filter) = (&*VALUE_WORD_PAIRS, &*VALUE_WORD_FILTER);
    let mut before = 0; // 1 when the byte before the block is a letter
    for at in (0..bytes.len()).step_by(BLOCK) {
        let letters = letters_of_block(bytes, at);
        let mut starts = letters & !(letters << 1 | before);
        while starts != 0 {
            let place = starts.trailing_zeros();
            let run = (!letters >> place).trailing_zeros().min(64 - place);
            let start = at + place as usize;
            // a word that runs to the block's end may go on past it
            let end = if place + run == 64 {
                letters_end(bytes, at + BLOCK)
            } else {
                start + run as usize
            };
            let word = &bytes[start..end];
            if filter.may_pass(word) && may_be_value_word(pairs, word) {
                return true;
            }
            starts &= starts - 1;
        }
        before = letters >> 63;
    }
    false
}

/// The bytes [`ascii_words_may_hold_value_by_blocks`] finds the words of at a time.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "avx2"))))]
const BLOCK: usize = 64;

/// The ASCII letters among the [`BLOCK`] bytes of `bytes` from `at`: bit `k` set when byte
/// `at + k` is one (none past the end).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "avx2"))))]
#[inline]
fn letters_of_block(bytes: &[u8], at: usize) -> u64 {
    let sixteen = |k: usize| {
        let from = at + 16 * k;
        if from >= bytes.len() {
            return 0;
        }
        u64::from(crate::extract::lanes::mask_of_sixteen_from(
            bytes,
            from,
            b' ',
            letters_of_16,
        )) << (16 * k)
    };
    sixteen(0) | sixteen(1) | sixteen(2) | sixteen(3)
}

/// Bit `k` set for each byte `k` of `sixteen` that is an ASCII letter.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(crate) fn letters_of_16(sixteen: &[u8; 16]) -> u32 {
    // SAFETY: SSE2 is part of every x86-64 processor (a baseline feature of the target).
    unsafe { letters_by_sse2(sixteen) }
}

/// [`letters_of_16`] by SSE2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn letters_by_sse2(sixteen: &[u8; 16]) -> u32 {
    use crate::extract::lanes::{in_range, lanes};
    use std::arch::x86_64::{_mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8};
    // A letter is one in lower case (a byte outside ASCII keeps its high bit: no letter)
    let lower = _mm_or_si128(lanes(sixteen), _mm_set1_epi8(0x20));
    _mm_movemask_epi8(in_range(lower, b'a', 26)) as u32
}

/// [`letters_of_16`] a byte at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn letters_by_bytes(sixteen: &[u8; 16]) -> u32 {
    (0..16)
        .filter(|&k| sixteen[k].is_ascii_alphabetic())
        .map(|k| 1 << k)
        .sum()
}

/// [`letters_of_16`] elsewhere.
#[cfg(not(target_arch = "x86_64"))]
pub(crate) fn letters_of_16(sixteen: &[u8; 16]) -> u32 {
    letters_by_bytes(sixteen)
}

/// Whether `bytes` hold an ASCII digit or a byte of a character that is not ASCII: tested a
/// block at a time without branching inside it, which the compiler turns into vector code.
fn has_digit_or_non_ascii(bytes: &[u8]) -> bool {
    let hit = |b: &u8| b.wrapping_sub(b'0') < 10 || *b >= 0x80;
    let block_hit = |block: &[u8; 32]| block.iter().fold(false, |any, b| any | hit(b));
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        if block_hit(block.try_into().expect("a block")) {
            return true;
        }
    }
    match bytes.len().checked_sub(32) {
        // the bytes past the last block: the last 32 bytes tested as a block (some again)
        Some(last) => block_hit(bytes[last..].try_into().expect("a block")),
        None => blocks.remainder().iter().any(hit),
    }
}

/// Whether `bytes` hold an ASCII digit: sixteen bytes at a time ([`digits_of_16`]; a fold of
/// the bytes' test, which the compiler turned into a loop a byte at a time, cost more), the
/// bytes past the last sixteen as the last sixteen of the text (some again), or one at a time in
/// a text shorter than that.
fn has_digit(bytes: &[u8]) -> bool {
    let digits = |sixteen: &[u8]| digits_of_16(sixteen.try_into().expect("sixteen bytes")) != 0;
    let mut chunks = bytes.chunks_exact(16);
    if chunks.any(digits) {
        return true;
    }
    match bytes.len().checked_sub(16) {
        Some(last) => digits(&bytes[last..]),
        None => chunks.remainder().iter().any(u8::is_ascii_digit),
    }
}

/// For each byte `k` of `sixteen`, bit `k` set when it is an ASCII digit.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn digits_of_16(sixteen: &[u8; 16]) -> u32 {
    // SAFETY: SSE2 is part of every x86-64 processor (a baseline feature of the target).
    unsafe { digits_by_sse2(sixteen) }
}

/// [`digits_of_16`] by SSE2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn digits_by_sse2(sixteen: &[u8; 16]) -> u32 {
    use crate::extract::lanes::{in_range, lanes};
    use std::arch::x86_64::_mm_movemask_epi8;
    _mm_movemask_epi8(in_range(lanes(sixteen), b'0', 10)) as u32
}

/// [`digits_of_16`] a byte at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn digits_by_bytes(sixteen: &[u8; 16]) -> u32 {
    (0..16).filter(|&k| sixteen[k].is_ascii_digit()).map(|k| 1 << k).sum()
}

/// [`digits_of_16`] elsewhere.
#[cfg(not(target_arch = "x86_64"))]
fn digits_of_16(sixteen: &[u8; 16]) -> u32 {
    digits_by_bytes(sixteen)
}

/// Whether `bytes` (UTF-8) hold a character outside ASCII that [`numeral`] may read as a value
/// or as part of a word of value: a vulgar fraction ("½", U+00BC to U+00BE; "⅓" to "⅞", U+2153 to
/// U+215E) or a letter whose lower case is ASCII (the Kelvin sign, U+212A, is "k"), told by
/// their first two bytes (C2 BC to BE; E2 84 or E2 85, U+2100 to U+217F, the letter-like symbols
/// and the start of the number forms, which hold both; the rest of them, Roman numerals among
/// them, are read as nothing, and pass here for the reading to settle). Curly quotes, apostrophes and dashes (E2 80) and
/// letters of other scripts are none.
fn may_read_value_outside_ascii(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(0xC2, 0xE2, bytes).any(|at| {
        matches!(
            (bytes[at], bytes.get(at + 1)),
            (0xC2, Some(0xBC..=0xBE)) | (0xE2, Some(0x84 | 0x85))
        )
    })
}

/// Whether an ASCII word (a run of letters) may be an atom of value: see [`may_hold_numeral`].
/// `pairs` is [`VALUE_WORD_PAIRS`] (looked up once by the caller, for every word).
fn may_be_value_word(pairs: &[[u16; 32]; 32], word: &[u8]) -> bool {
    match word.len() {
        1 => return matches!(word[0], b'k' | b'K' | b'M' | b'G'), // one-letter scales, by their case
        2 if word == b"MM" => return true,
        16.. => return glued_tens(word),
        _ => {}
    }
    if pairs[letter_place(word[0])][letter_place(word[1])] & (1 << word.len()) == 0 {
        return word.len() >= 8 && glued_tens(word);
    }
    let mut lower = [0u8; 16];
    for (l, b) in lower.iter_mut().zip(word) {
        *l = b.to_ascii_lowercase();
    }
    VALUE_WORD_TABLE.get_lowercase(&lower[..word.len()]).is_some() || word.len() >= 8 && glued_tens(word)
}

/// The tens words, which [`glued_tens`] looks for at the start of a word.
const TENS_WORDS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Whether a word starts with tens ("twentyfive", "thirtyfirst"), in any case: the words
/// [`unlisted_word_atoms`] may read. Tested for every long word of a text: its first two letters
/// leave one of [`TENS_WORDS`] to compare. Inlined: the tokeniser tests every word of eight
/// letters or more, and most are out at their first letter, without a call.
#[inline]
pub(super) fn glued_tens(word: &[u8]) -> bool {
    let Some(first) = word.first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    may_start_tens(first) && tens_at_start(word, first)
}

/// Whether the letter `letter` (either case) starts one of [`TENS_WORDS`].
#[inline]
pub(super) fn may_start_tens(letter: u8) -> bool {
    matches!(letter.to_ascii_lowercase(), b't' | b'f' | b's' | b'e' | b'n')
}

/// [`glued_tens`] of a word whose first letter in lower case, `first`, starts a tens word.
fn tens_at_start(word: &[u8], first: u8) -> bool {
    let second = word.get(1).map_or(0, u8::to_ascii_lowercase);
    let tens = match (first, second) {
        (b't', b'w') => "twenty",
        (b't', _) => "thirty",
        (b'f', b'o') => "forty",
        (b'f', _) => "fifty",
        (b's', b'i') => "sixty",
        (b's', _) => "seventy",
        (b'e', _) => "eighty",
        _ => "ninety",
    };
    word.get(..tens.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(tens.as_bytes()))
}

/// The words that are atoms on their own (lowercased), for a lookup set of words that may start
/// a numeral.
pub(super) fn numeral_words() -> impl Iterator<Item = &'static str> {
    WORD_ATOMS.keys().map(String::as_str)
}

/// Whether the token at `j` may follow a leading "a" or "an" in a numeral: [`step`] counts "a"
/// as one only before a multiplier, a fraction word, or tens before an ordinal ("a hundred",
/// "a million", "a half", "a fifth", "a twenty-first"), and those are all these atoms.
pub(super) fn may_follow_a(t: &Toks, j: usize) -> bool {
    matches!(
        atoms(t, j),
        Some((
            Atom::Hundred | Atom::Scale(_) | Atom::Part(..) | Atom::Ord(..) | Atom::Tens(_),
            _,
            _
        ))
    )
}

/// [`starts_numeral`] for a word token: the atom the token holds ([`token_atom`]) first.
pub(super) fn word_starts_numeral(t: &Toks, i: usize) -> bool {
    token_atom(t, i).is_some() || may_be_unlisted_atom(t.str(i)) && unlisted_word_atoms(t, i).is_some()
}

/// [`starts_numeral`] for a token that is none of [`numeral_words`] (the caller looked): for a
/// word, a one-letter scale ("10 K") or tens glued to a unit ("twentyfive").
pub(super) fn starts_numeral_unlisted(t: &Toks, i: usize) -> bool {
    if t.is(i, Tk::Word) {
        return may_be_unlisted_atom(t.str(i)) && unlisted_word_atoms(t, i).is_some();
    }
    starts_numeral(t, i)
}

/// Whether a word as written may be read by [`unlisted_word_atoms`]: a one-letter scale by its
/// case ("K", "MM") or tens glued to a unit (eight letters or more). Tested inline for nearly
/// every word of a text, which has three to seven letters and fails at the length (always
/// inlined: a call cost more than the test).
#[inline(always)]
pub(super) fn may_be_unlisted_atom(word: &str) -> bool {
    match word.len() {
        1 | 2 => matches!(word, "k" | "K" | "M" | "G" | "MM"),
        0 | 3..8 => false,
        _ => glued_tens(word.as_bytes()),
    }
}

/// A dash that may join two number words ("thirty-two", "one-eighth").
fn joiner(t: &Toks, j: usize) -> bool {
    t.dash(j)
}

/// Reads a numeral at `i`; `depth` bounds the nested reads after "and", so every token is read a
/// bounded number of times.
fn numeral_at(t: &Toks, i: usize, depth: usize) -> Option<Numeral> {
    let first = atoms(t, i)?;
    numeral_from(t, i, depth, first)
}

/// [`numeral_at`] with the [`atoms`] at `i` already read (`first`), so that a caller that read
/// them does not have them read again.
fn numeral_from(t: &Toks, i: usize, depth: usize, first: (Atom, Option<Atom>, usize)) -> Option<Numeral> {
    let mut first = Some(first);
    let mut acc = Acc {
        total: 0.0,
        group: 0.0,
        last_mult: f64::INFINITY,
        prev: None,
        words: true,
        precision: 1.0,
        count: 0,
        lone_one: false,
        dashed: false,
    };
    let mut j = i;
    let mut end = i; // token after the last accepted atom
    let mut ordinal = false;
    let mut fraction = false;
    let mut pending: Option<Atom> = None;
    loop {
        // a hyphen or dash joins "thirty-two", "one-eighth", "fifty - two"
        let mut k = j;
        if acc.count > 0 && joiner(t, k) && pending.is_none() {
            k += 1;
        }
        let (atom, next) = match pending.take() {
            Some(a) => (a, j),
            // the first atom is the one read at `i` (`k` is `i` there: no joiner comes first)
            None => match first.take().or_else(|| atoms(t, k)) {
                Some((a, second, next)) => {
                    pending = second;
                    (a, next)
                }
                None => break,
            },
        };
        if k > j
            && !matches!(
                (acc.prev, atom),
                (Some(Atom::Tens(_)), Atom::Unit(_) | Atom::Ord(..))
                    | (
                        Some(Atom::Unit(_) | Atom::Teen(_) | Atom::Tens(_) | Atom::A),
                        Atom::Ord(..) | Atom::Part(..)
                    )
                    | (Some(Atom::Hundred), Atom::Ord(..))
            )
        {
            break;
        }
        acc.dashed = k > j;
        match step(t, &mut acc, atom, next, depth) {
            Step::Take => {
                j = next;
                end = next;
                acc.count += 1;
                acc.prev = Some(atom);
            }
            Step::TakeAndStop {
                value,
                next,
                ordinal: o,
                fraction: f,
            } => {
                acc.total = value;
                acc.group = 0.0;
                end = next;
                ordinal = o;
                fraction = f;
                acc.count += 1;
                break;
            }
            Step::Stop => break,
        }
        if pending.is_some() {
            continue;
        }
    }
    if acc.count == 0 || end == i {
        return None;
    }
    // a lone "a", "an", "and", "point" is no number
    if matches!(acc.prev, Some(Atom::A | Atom::And | Atom::Point)) && acc.count == 1 {
        return None;
    }
    // drop a trailing "and" or "a" that led nowhere
    let mut last = end;
    while last > i && matches!(t.word(last - 1), "and" | "a" | "an" | "point") && !ordinal && !fraction {
        last -= 1;
    }
    if last == i {
        return None;
    }
    if let Some(Atom::Ord(..)) = acc.prev {
        if !fraction {
            ordinal = true;
        }
    }
    if let Some(Atom::Lit {
        ordinal: o,
        fraction: f,
        ..
    }) = acc.prev
    {
        ordinal |= o;
        fraction |= f;
    }
    if let Some(Atom::Part(..)) = acc.prev {
        fraction = true;
    }
    let value = acc.value();
    Some(Numeral {
        value,
        first: i,
        next: last,
        precision: if acc.words {
            word_precision(value)
        } else {
            acc.precision
        },
        ordinal,
        fraction,
        words: acc.words,
    })
}

/// The place value a number in words is stated to: the largest power of ten dividing it ("half a
/// million": 100,000; "thirty-two": 1), or a hundredth for fractions.
fn word_precision(value: f64) -> f64 {
    if value.fract() != 0.0 || value == 0.0 || !value.is_finite() {
        return 0.01;
    }
    let mut p = 1.0;
    while p < 1e15 && (value / (p * 10.0)).fract() == 0.0 {
        p *= 10.0;
    }
    p
}

/// What the grammar does with an atom.
enum Step {
    Take,
    TakeAndStop {
        value: f64,
        next: usize,
        ordinal: bool,
        fraction: bool,
    },
    Stop,
}

/// Whether an atom is a plain unit, teen or tens word (a numerator for "two thirds").
fn is_simple(a: Option<Atom>) -> bool {
    matches!(a, Some(Atom::Unit(_) | Atom::Teen(_) | Atom::Tens(_)))
}

/// Adds one atom to the numeral read so far, or says where the numeral ends.
fn step(t: &Toks, acc: &mut Acc, atom: Atom, next: usize, depth: usize) -> Step {
    let started = acc.count > 0;
    let prev = acc.prev;
    match atom {
        Atom::Lit {
            value,
            precision,
            fraction,
            ordinal,
        } => {
            if !started {
                acc.group = value;
                acc.words = false;
                acc.precision = precision;
                if ordinal || fraction {
                    return Step::TakeAndStop {
                        value,
                        next,
                        ordinal,
                        fraction,
                    };
                }
                return Step::Take;
            }
            // "2 1/4": an integer and a proper fraction
            if fraction
                && value < 1.0
                && matches!(prev, Some(Atom::Lit { fraction: false, .. }))
                && acc.group.fract() == 0.0
            {
                return Step::TakeAndStop {
                    value: acc.value() + value,
                    next,
                    ordinal: false,
                    fraction: true,
                };
            }
            // "4 thousand 3 hundred": digits again only after a multiplier
            if matches!(prev, Some(Atom::Scale(_) | Atom::Hundred))
                && acc.group == 0.0
                && value > 0.0
                && value < acc.last_mult
                && !fraction
                && !ordinal
            {
                acc.group = value;
                acc.words = false;
                return Step::Take;
            }
            if matches!(prev, Some(Atom::And)) && value > 0.0 && value < acc.last_mult && !fraction && !ordinal {
                acc.group += value;
                acc.words = false;
                return Step::Take;
            }
            Step::Stop
        }
        Atom::Unit(v) | Atom::Teen(v) => {
            let is_unit = matches!(atom, Atom::Unit(_));
            match prev {
                None => {
                    acc.group = v;
                    acc.lone_one = v == 1.0;
                    Step::Take
                }
                Some(Atom::Tens(_)) if is_unit && acc.group % 10.0 == 0.0 && v > 0.0 => {
                    acc.group += v;
                    acc.lone_one = false;
                    Step::Take
                }
                Some(Atom::Hundred | Atom::Scale(_) | Atom::And) if v > 0.0 => {
                    acc.group += v;
                    acc.lone_one = false;
                    Step::Take
                }
                _ => Step::Stop,
            }
        }
        Atom::Tens(v) => match prev {
            None => {
                acc.group = v;
                Step::Take
            }
            Some(Atom::Hundred | Atom::Scale(_) | Atom::And) => {
                acc.group += v;
                acc.lone_one = false;
                Step::Take
            }
            // "one twenty-fifth", "a twenty-first": one over a compound ordinal
            Some(Atom::Unit(_) | Atom::A) if acc.lone_one && ordinal_ahead(t, next - 1) == Some(true) => {
                match numeral_at(t, next - 1, depth + 1) {
                    Some(sub) if sub.ordinal => Step::TakeAndStop {
                        value: 1.0 / sub.value,
                        next: sub.next,
                        ordinal: false,
                        fraction: true,
                    },
                    _ => Step::Stop,
                }
            }
            // "one twenty two": a hundreds digit spoken before the tens
            Some(Atom::Unit(u)) if acc.count == 1 && u > 0.0 && !is_ordinal_ahead(t, next - 1) => {
                acc.group = u * 100.0 + v;
                acc.lone_one = false;
                Step::Take
            }
            _ => Step::Stop,
        },
        Atom::Hundred => {
            if acc.group >= 100.0 && acc.words || acc.group % 100.0 == 0.0 && acc.group > 0.0 && acc.words {
                return Step::Stop;
            }
            match prev {
                Some(Atom::A) => acc.group = 100.0,
                Some(Atom::Unit(_) | Atom::Teen(_) | Atom::Tens(_) | Atom::Lit { .. }) if acc.group > 0.0 => {
                    acc.group *= 100.0
                }
                _ => return Step::Stop,
            }
            acc.last_mult = acc.last_mult.min(100.0);
            acc.lone_one = false;
            acc.precision = acc.precision.max(if acc.words { 1.0 } else { acc.precision * 100.0 });
            Step::Take
        }
        Atom::Scale(f) => {
            let base = match prev {
                Some(Atom::A) => 1.0,
                Some(Atom::Unit(_) | Atom::Teen(_) | Atom::Tens(_) | Atom::Hundred | Atom::Lit { .. }) => acc.group,
                Some(Atom::Scale(g)) if f > g && acc.group == 0.0 => 0.0, // "lakh crore", "thousand millions"
                _ => return Step::Stop,
            };
            if base == 0.0 && !matches!(prev, Some(Atom::Scale(_))) {
                return Step::Stop;
            }
            if matches!(prev, Some(Atom::Scale(g)) if f > g) && acc.group == 0.0 {
                acc.total *= f;
            } else {
                acc.total += base * f;
            }
            if !acc.words || f >= 1e3 {
                acc.precision = if acc.words { f } else { acc.precision * f };
            }
            acc.group = 0.0;
            acc.last_mult = acc.last_mult.min(f);
            acc.lone_one = false;
            Step::Take
        }
        Atom::A => {
            if started {
                return Step::Stop;
            }
            // "a" counts as one only before a multiplier or a fraction word
            match atoms(t, next).map(|a| a.0) {
                Some(Atom::Hundred | Atom::Scale(_) | Atom::Part(..)) => {}
                Some(Atom::Ord(v, false)) if v >= 3.0 => {} // "a second" is never a half
                Some(Atom::Tens(_)) if matches!(ordinal_ahead(t, next), Some(true)) => {}
                _ => return Step::Stop,
            }
            acc.group = 1.0;
            acc.lone_one = true;
            Step::Take
        }
        Atom::And => and(t, acc, next, depth),
        Atom::Point => {
            if started
                && !matches!(
                    prev,
                    Some(Atom::Unit(_) | Atom::Teen(_) | Atom::Tens(_) | Atom::Hundred | Atom::Lit { .. })
                )
            {
                return Step::Stop;
            }
            let Some((digits, after)) = decimal_digits(t, next) else {
                return Step::Stop;
            };
            let value = acc.value() + format!("0.{digits}").parse::<f64>().unwrap_or(0.0);
            let precision = 10f64.powi(-(digits.len() as i32));
            // "two point two million"
            if let Some(f) = scale_at(t, after) {
                return Step::TakeAndStop {
                    value: value * f,
                    next: after + 1,
                    ordinal: false,
                    fraction: false,
                };
            }
            acc.precision = precision;
            Step::TakeAndStop {
                value,
                next: after,
                ordinal: false,
                fraction: false,
            }
        }
        Atom::Ord(v, plural) => ordinal_step(t, acc, v, plural, next, depth),
        Atom::Part(d, plural) => {
            let numerator = if started { acc.value() } else { 1.0 };
            if started && !(acc.lone_one || plural && is_simple(prev)) {
                return Step::Stop;
            }
            if !started && (plural || d == 4.0 && scale_after(t, next).is_none()) {
                return Step::Stop; // "quarter" alone is a period, not a number
            }
            let value = numerator / d;
            fraction_of_scale(t, value, next, depth)
        }
    }
}

/// "half a million", "two thirds of a million", "quarter million", "half a dozen": a fraction
/// of a scale; otherwise the fraction alone.
fn fraction_of_scale(t: &Toks, value: f64, next: usize, depth: usize) -> Step {
    if let Some((f, after)) = scale_after(t, next).filter(|_| depth == 0) {
        return Step::TakeAndStop {
            value: value * f,
            next: after,
            ordinal: false,
            fraction: false,
        };
    }
    Step::TakeAndStop {
        value,
        next,
        ordinal: false,
        fraction: true,
    }
}

/// A scale word at `j`, optionally after "a", "an", "of a": (factor, token after).
fn scale_after(t: &Toks, j: usize) -> Option<(f64, usize)> {
    let mut k = j;
    if t.word(k) == "of" {
        k += 1;
    }
    if matches!(t.word(k), "a" | "an") {
        k += 1;
    } else if k > j {
        return None;
    }
    let f = scale_at(t, k).filter(|_| t.is(k, Tk::Word))?;
    Some((f, k + 1))
}

/// An ordinal word: a position ("twenty-first"), or the denominator of a fraction ("a fifth",
/// "two thirds", "a hundred trillionths").
fn ordinal_step(t: &Toks, acc: &mut Acc, v: f64, plural: bool, next: usize, depth: usize) -> Step {
    let prev = acc.prev;
    let started = acc.count > 0;
    let multiplier = v >= 100.0;
    if !started {
        if plural {
            return Step::Stop;
        }
        acc.group = v;
        return Step::TakeAndStop {
            value: v,
            next,
            ordinal: true,
            fraction: false,
        };
    }
    // "a fifth", "one eighth", "a hundredth": one over the ordinal
    if acc.lone_one && !plural && v != 2.0 && !matches!(prev, Some(Atom::Hundred | Atom::Scale(_))) {
        return fraction_of_scale(t, 1.0 / v, next, depth);
    }
    match prev {
        // "twenty-first", "thirty fifths"
        Some(Atom::Tens(_)) if v < 10.0 => {
            let n = acc.value() + v;
            if plural && acc.dashed {
                Step::Stop // "thirty-fifths": a compound denominator
            } else if plural {
                fraction_of_scale(t, acc.value() / v, next, depth) // "twenty fifths"
            } else {
                Step::TakeAndStop {
                    value: n,
                    next,
                    ordinal: true,
                    fraction: false,
                }
            }
        }
        // "two thirds", "twenty fifths", "a hundred trillionths"
        _ if plural && (is_simple(prev) || matches!(prev, Some(Atom::Hundred | Atom::Scale(_) | Atom::A))) => {
            fraction_of_scale(t, acc.value() / v, next, depth)
        }
        // "one hundred twenty fifth", "two hundredth", "three trillionth"
        Some(Atom::Hundred | Atom::Scale(_) | Atom::And) if !multiplier => Step::TakeAndStop {
            value: acc.value() + v,
            next,
            ordinal: true,
            fraction: false,
        },
        Some(Atom::Unit(_) | Atom::Teen(_) | Atom::Tens(_) | Atom::Hundred | Atom::A) if multiplier => {
            let base = acc.group.max(1.0);
            Step::TakeAndStop {
                value: acc.total + base * v,
                next,
                ordinal: true,
                fraction: false,
            }
        }
        _ => Step::Stop,
    }
}

/// Whether an ordinal word follows at `j` (after an optional dash): "twenty-first".
fn is_ordinal_ahead(t: &Toks, j: usize) -> bool {
    ordinal_ahead(t, j).is_some()
}

/// At `j` (a tens word): whether a unit ordinal follows it, and whether it is singular.
fn ordinal_ahead(t: &Toks, j: usize) -> Option<bool> {
    let mut k = j + 1;
    if t.dash(k) {
        k += 1;
    }
    let glued = tens(t.word(j))
        .is_none()
        .then(|| atoms(t, j))
        .flatten()
        .and_then(|(_, s, _)| s);
    match glued {
        Some(Atom::Ord(_, plural)) => Some(!plural),
        _ => ordinal(t.word(k)).filter(|(v, _)| *v < 10.0).map(|(_, plural)| !plural),
    }
}

/// "and" inside a numeral: "one hundred and five", "two thousand and two hundred", "one and a
/// half", "three million and a quarter", "twenty and three fifths".
fn and(t: &Toks, acc: &mut Acc, next: usize, depth: usize) -> Step {
    if depth >= MAX_DEPTH || acc.count == 0 {
        return Step::Stop;
    }
    let Some(sub) = numeral_at(t, next, depth + 1) else {
        return Step::Stop;
    };
    if sub.ordinal && !matches!(acc.prev, Some(Atom::Hundred | Atom::Scale(_))) {
        return Step::Stop;
    }
    if sub.fraction && sub.value >= 1.0 {
        return Step::Stop; // "one hundred and thirty-two fifths": no reading is safe
    }
    if sub.fraction || (sub.value < 1.0 && sub.value > 0.0) {
        // the fraction is of the last scale when the number ends with one ("3 million and a half")
        let unit = match acc.prev {
            Some(Atom::Scale(f)) if scale_after(t, sub.next).is_none() => f,
            _ => 1.0,
        };
        if let Some((f, after)) = scale_after(t, sub.next).filter(|_| acc.group > 0.0 || acc.total == 0.0) {
            // "five and a half million"
            let value = acc.total + (acc.group + sub.value) * f;
            return Step::TakeAndStop {
                value,
                next: after,
                ordinal: false,
                fraction: false,
            };
        }
        if let Some((f, after)) = scale_after(t, sub.next) {
            // "one billion and a half million"
            return Step::TakeAndStop {
                value: acc.value() + sub.value * f,
                next: after,
                ordinal: false,
                fraction: false,
            };
        }
        let whole = acc.value() + sub.value * unit;
        return Step::TakeAndStop {
            value: whole,
            next: sub.next,
            ordinal: false,
            fraction: acc.value() == 0.0, // a mixed number ("three and two thirds") is no bare fraction
        };
    }
    // "two hundred and two thousand": the scale covers the whole
    if acc.prev == Some(Atom::Hundred) && acc.total == 0.0 && sub.next > 0 {
        if let Some(f) = scale_at(t, sub.next - 1).filter(|f| *f >= 1e3) {
            if sub.value / f < 100.0 && sub.value >= f {
                let value = (acc.group + sub.value / f) * f;
                return Step::TakeAndStop {
                    value,
                    next: sub.next,
                    ordinal: false,
                    fraction: false,
                };
            }
        }
    }
    if matches!(acc.prev, Some(Atom::Hundred | Atom::Scale(_))) && sub.value > 0.0 && sub.value < acc.last_mult {
        let value = acc.value() + sub.value;
        return Step::TakeAndStop {
            value,
            next: sub.next,
            ordinal: sub.ordinal,
            fraction: false,
        };
    }
    Step::Stop
}

/// The digits after "point": "zero three" -> "03", "seventy-one" -> "71", "77" -> "77".
fn decimal_digits(t: &Toks, j: usize) -> Option<(String, usize)> {
    if t.is(j, Tk::Digits) {
        return Some((t.str(j).to_owned(), j + 1));
    }
    let mut digits = String::new();
    let mut k = j;
    if let Some(v) = tens(t.word(k)) {
        let mut n = v as u32;
        k += 1;
        let mut m = k;
        if t.dash(m) {
            m += 1;
        }
        if let Some(u) = unit(t.word(m)).filter(|u| *u > 0.0) {
            n += u as u32;
            k = m + 1;
        }
        return Some((n.to_string(), k));
    }
    if let Some(v) = teen(t.word(k)) {
        return Some(((v as u32).to_string(), k + 1));
    }
    while let Some(u) = unit(t.word(k)) {
        digits.push(char::from(b'0' + u as u8));
        k += 1;
    }
    (!digits.is_empty()).then_some((digits, k))
}

/// Whether `w` is an ordinal word ("first", "twentieth").
pub(super) fn is_ordinal_word(w: &str) -> bool {
    ordinal(w).is_some_and(|(_, plural)| !plural)
}

/// [`is_ordinal_word`] of the word at `i`, told by the atom its token holds (a singular
/// ordinal's atom is its own: no word of an earlier table is one) instead of the list.
pub(super) fn is_ordinal_token(t: &Toks, i: usize) -> bool {
    matches!(token_atom(t, i), Some(Atom::Ord(_, false)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token is told an ordinal word by its atom as by the list, at every token of the
    /// number reader's sample texts and of every ordinal word in several forms.
    #[test]
    fn ordinal_tokens_are_the_ordinal_words() {
        let mut texts = super::super::tests::phrases_around_numbers();
        for (w, _) in ORDINALS {
            texts.push(format!(
                "the {w} half, {w}s, {}, the {}-{w}",
                w.to_uppercase(),
                w.to_uppercase()
            ));
        }
        texts.extend(crate::gen::sample_texts(50));
        let mut ordinals = 0;
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for i in 0..=t.len() {
                let ordinal = is_ordinal_word(t.word(i));
                ordinals += usize::from(ordinal);
                assert_eq!(is_ordinal_token(&t, i), ordinal, "{i} of {text:?}");
            }
        }
        assert!(ordinals > 500, "{ordinals}");
    }

    /// The precision of every ordinal word's value is its [`word_precision`].
    #[test]
    fn ordinal_precision_is_the_word_precision() {
        for (w, v) in ORDINALS {
            assert_eq!(ordinal_precision(*v), word_precision(*v), "{w}");
        }
    }

    /// The filter before [`may_be_value_word`] passes every word that it holds of: words of
    /// every shape, value words in three cases and the words of generated articles.
    #[test]
    fn the_value_word_filter_passes_every_value_word() {
        let (mut values, mut out) = (0, 0);
        for word in super::super::tests::ascii_words_of_every_shape() {
            let value = may_be_value_word(&VALUE_WORD_PAIRS, word.as_bytes());
            let passes = VALUE_WORD_FILTER.may_pass(word.as_bytes());
            assert!(passes || !value, "{word:?}");
            values += usize::from(value);
            out += usize::from(!passes);
        }
        assert!(values > 500 && out > 20_000, "{values} value words, {out} out");
    }

    /// The value words looked up by shape are the value words of the set: words of every
    /// shape, value words in three cases and the words of generated articles (runs of ASCII
    /// letters, as the scan gives them).
    #[test]
    fn value_words_are_looked_up_as_the_set_holds_them() {
        let in_the_set = |word: &[u8]| {
            let lower = String::from_utf8(word.to_ascii_lowercase()).expect("ASCII");
            match word.len() {
                1 => matches!(word[0], b'k' | b'K' | b'M' | b'G'),
                2 if word == b"MM" => true,
                16.. => glued_tens(word),
                _ => VALUE_WORDS.contains_key(lower.as_str()) || word.len() >= 8 && glued_tens(word),
            }
        };
        let mut words = super::super::tests::ascii_words_of_every_shape();
        words.extend(words_to_try());
        let (mut values, mut tried) = (0, 0);
        for word in words
            .iter()
            .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            let value = may_be_value_word(&VALUE_WORD_PAIRS, word.as_bytes());
            assert_eq!(value, in_the_set(word.as_bytes()), "{word:?}");
            values += usize::from(value);
            tried += 1;
        }
        assert!(values > 500 && tried > values * 10, "{values} value words of {tried}");
    }

    /// The tests of digits and bytes outside ASCII, which test the bytes past the last block as a
    /// block again, are the byte-by-byte tests: texts of every length up to three blocks, with a
    /// digit or a byte outside ASCII at every place or none, and another byte elsewhere.
    #[test]
    fn digits_and_bytes_outside_ascii_are_found_as_byte_by_byte() {
        let by_byte = |bytes: &[u8]| bytes.iter().any(|b| b.is_ascii_digit() || !b.is_ascii());
        let (mut found, mut digits) = (0, 0);
        for len in 0..100 {
            let plain = vec![b'a'; len];
            assert!(!has_digit_or_non_ascii(&plain) && !has_digit(&plain), "{len}");
            for place in 0..len {
                for b in [b'0', b'9', 0x80, 0xff, b'/', b':'] {
                    for other in [None, Some((len - 1 - place, 0xC3)), Some(((place + 40) % len, b'5'))] {
                        let mut bytes = plain.clone();
                        bytes[place] = b;
                        if let Some((at, byte)) = other {
                            bytes[at] = byte;
                        }
                        let (held, digit) = (by_byte(&bytes), bytes.iter().any(u8::is_ascii_digit));
                        assert_eq!(has_digit_or_non_ascii(&bytes), held, "{len} {place} {b} {other:?}");
                        assert_eq!(has_digit(&bytes), digit, "{len} {place} {b} {other:?}");
                        found += usize::from(held);
                        digits += usize::from(digit);
                    }
                }
            }
        }
        assert!(found > 15_000 && digits > 9_000, "{found} {digits}");
    }

    /// The sixteen-byte test of digits by SSE2 tells what the byte-by-byte test tells: every
    /// byte value at every place, among bytes of each kind.
    #[test]
    fn digits_by_lanes_are_told_byte_by_byte() {
        let fillers = [b'a', b'0', b'9', b' ', b'/', b':', 0x80, 0xC3, 0xff];
        for (sixteen, place, b) in crate::extract::lanes::every_byte_at_every_place(&fillers) {
            assert_eq!(
                digits_of_16(&sixteen),
                digits_by_bytes(&sixteen),
                "{b:#x} at {place} in {sixteen:?}"
            );
        }
    }

    /// Every character outside ASCII that may be read as a value or in a word of value (a vulgar
    /// fraction, a letter whose lower case is ASCII) is told by its bytes; curly quotes,
    /// apostrophes, dashes, the minus sign, spaces and letters of other scripts are not.
    #[test]
    fn characters_outside_ascii_that_may_read_a_value_are_told_by_their_bytes() {
        let (mut may_read, mut told) = (0, 0);
        for c in (0x80..=0x10_ffff).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let written = c.encode_utf8(&mut buf);
            let by_bytes = may_read_value_outside_ascii(written.as_bytes());
            if super::super::lex::is_vulgar_fraction(written) || c.to_lowercase().all(|l| l.is_ascii()) {
                assert!(by_bytes, "{c:?}");
                may_read += 1;
            }
            told += usize::from(by_bytes);
        }
        assert!(may_read >= 16 && told < 200, "{may_read} {told}");
        let plain = "’‘“”—–−…•€≥\u{a0}\u{2009}\u{202f}éüΣİМосква日本語😀";
        assert!(!may_read_value_outside_ascii(plain.as_bytes()));
    }

    /// The shape tests before the lookup let every value word through, in any case.
    #[test]
    fn every_value_word_passes_the_shape_tests() {
        for w in VALUE_WORDS.keys() {
            for case in [w.to_string(), w.to_uppercase(), w[..1].to_uppercase() + &w[1..]] {
                assert!(may_be_value_word(&VALUE_WORD_PAIRS, case.as_bytes()), "{case}");
            }
        }
        let rejected = |w: &[u8]| !may_be_value_word(&VALUE_WORD_PAIRS, w);
        assert!(rejected(b"the") && rejected(b"The") && rejected(b"x") && rejected(b"Mm") && rejected(b"tw"));
    }

    /// A lowercase word is looked up in a table as any word is: the words to try that are
    /// lowercase ASCII letters, in the table of value words.
    #[test]
    fn lowercase_words_are_looked_up_as_any_word() {
        let table = WordTable::of(VALUE_WORDS.keys().map(|w| (*w, w.len())));
        let (mut tried, mut held) = (0, 0);
        for w in words_to_try()
            .iter()
            .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        {
            assert_eq!(table.get_lowercase(w.as_bytes()), table.get(w.as_bytes()), "{w}");
            tried += 1;
            held += usize::from(table.get(w.as_bytes()).is_some());
        }
        assert!(held > 100 && tried > held + 100, "{held} of {tried}");
    }

    /// Words to try the lookups on: the words of the tables in three cases, the words of
    /// generated articles and of corpus/ lowercased as the tokens hold them, and words of other
    /// scripts and shapes.
    fn words_to_try() -> Vec<String> {
        let mut words: Vec<String> = WORD_ATOMS.keys().cloned().collect();
        let cased: Vec<String> = words
            .iter()
            .flat_map(|w| [w.to_uppercase(), w[..1].to_uppercase() + &w[1..], format!("{w}s")])
            .collect();
        words.extend(cased);
        words.extend(
            [
                "",
                "k",
                "K",
                "M",
                "MM",
                "G",
                "über",
                "été",
                "tü",
                "aé",
                "ß",
                "Ⅻ",
                "thousandthsandmore",
                "the",
                "of",
            ]
            .map(str::to_owned),
        );
        for text in crate::gen::sample_texts(100) {
            let mut lowered = String::new();
            let t = Toks::new(&text, &mut lowered);
            words.extend((0..t.len()).flat_map(|i| [t.word(i).to_owned(), t.str(i).to_owned()]));
        }
        words
    }

    /// The atom each token holds is the one its word is on its own, on texts with characters
    /// other than ASCII and without.
    #[test]
    fn tokens_hold_the_atoms_of_their_words() {
        let mut texts = crate::gen::sample_lines(300);
        texts.extend(words_to_try());
        texts.push(words_to_try().join(" "));
        texts.push(format!("{} é", words_to_try().join(" ")));
        let mut atoms = 0;
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for i in 0..=t.len() {
                assert_eq!(token_atom(&t, i), word_atom(t.word(i)), "{:?} in {text:?}", t.str(i));
                atoms += usize::from(token_atom(&t, i).is_some());
            }
        }
        assert!(atoms > 1000, "{atoms}");
    }

    /// [`is_symbol_of_no_atom`] holds only where [`atoms`] reads nothing.
    #[test]
    fn a_symbol_of_no_atom_reads_as_no_atom() {
        let mut texts = crate::gen::sample_lines(300);
        texts.push("5 & 6, 7 .8 9.10 ½ 3⅓ 4% 5, 6. 7.5. 8&9 ...5 .. 4 -3 (2) $1".to_owned());
        let mut reached = 0;
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for i in (0..=t.len()).filter(|&i| is_symbol_of_no_atom(&t, i)) {
                assert!(atoms(&t, i).is_none(), "{:?} in {text:?}", t.str(i));
                reached += 1;
            }
        }
        assert!(reached > 1000, "{reached}");
    }

    /// The reading of a lone literal is the grammar's, at every token of the sample lines and of
    /// numbers followed by what may continue them.
    #[test]
    fn lone_literals_are_read_as_the_grammar_reads_them() {
        let mut texts = crate::gen::sample_lines(300);
        for follow in [
            "million",
            "hundred",
            "and a half",
            "and 5",
            "& 5",
            "1/4",
            "point 5",
            "thirds",
            "half",
            "a",
            "five",
            "twenty",
            "twentyfive",
            "fifteen",
            "-five",
            "- 3",
            "k",
            "M",
            "st",
            "1/0",
            "th",
            "",
        ] {
            for number in [
                "5", "21", "1,500", "2.5", "3/4", "1/0", "21st", "10k", "1960s", "½", "0", "007",
            ] {
                texts.push(format!("about {number} {follow} more"));
                texts.push(format!("{number}{follow}"));
            }
        }
        let (mut lone, mut seeded) = (0, 0);
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for i in 0..t.len() {
                let read = format!("{:?}", numeral(&t, i));
                assert_eq!(
                    read,
                    format!("{:?}", numeral_at(&t, i, 0)),
                    "{:?} in {text:?}",
                    t.str(i)
                );
                let l = literal(&t, i).filter(|_| t.is(i, Tk::Digits));
                lone += usize::from(l.is_some_and(|l| lone_literal(&t, i, &l).is_some()));
                // read by the grammar from the literal read first
                seeded += usize::from(l.is_some_and(|l| lone_literal(&t, i, &l).is_none()));
            }
        }
        assert!(lone > 1000 && seeded > 200, "{lone} lone, {seeded} read on");
    }

    /// The shape test before the table lookup lets every word of the map through: a word's
    /// atom is the one the map holds.
    #[test]
    fn word_atoms_are_the_atoms_of_the_map() {
        for w in words_to_try() {
            assert_eq!(word_atom(&w), WORD_ATOMS.get(&w).copied(), "{w:?}");
        }
    }

    /// A scale read off the atoms is the one read off the table of scales.
    #[test]
    fn scales_are_read_as_the_table_of_scales_reads_them() {
        let by_table = |w: &str, case: &str| match lookup(SCALES, w) {
            Some(f) => Some(f),
            None if matches!(case, "k" | "K" | "M" | "G" | "MM") => glued_scale(case),
            None => None,
        };
        let words = words_to_try();
        for w in &words {
            for case in [w.as_str(), "k", "K", "M", "G", "MM", "m", ""] {
                assert_eq!(scale(word_atom(w), case), by_table(w, case), "{w:?} {case:?}");
            }
        }
    }

    /// The scan of words eight bytes at a time finds what a scan byte by byte finds: on texts
    /// with their digits and other characters taken out (so that the words are scanned), and
    /// words at the end of a text.
    #[test]
    fn may_hold_numeral_scans_the_words_a_byte_scan_finds() {
        let byte_by_byte = |text: &str| {
            let bytes = text.as_bytes();
            if bytes.iter().any(|b| b.is_ascii_digit() || !b.is_ascii()) {
                return true;
            }
            let mut i = 0;
            while i < bytes.len() {
                if !bytes[i].is_ascii_alphabetic() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                if may_be_value_word(&VALUE_WORD_PAIRS, &bytes[start..i]) {
                    return true;
                }
            }
            false
        };
        let mut texts: Vec<String> = crate::gen::sample_texts(100)
            .iter()
            .flat_map(|a| a.split('\n'))
            .map(|l| l.chars().filter(|c| c.is_ascii() && !c.is_ascii_digit()).collect())
            .collect();
        for w in [
            "million",
            "Millions",
            "thousandths",
            "twentyfive",
            "K",
            "MM",
            "requests",
            "x",
        ] {
            texts.extend([
                w.to_owned(),
                format!("the {w}"),
                format!("{w}."),
                format!("Our reports, {w}"),
            ]);
        }
        // words at every place around the edges of the 64-byte blocks, after spaces or after a
        // long word, and long words running over an edge
        for w in ["million", "K", "requests", "twentyfive", "x"] {
            for pad in 0..140 {
                texts.extend([
                    format!("{}{w}", " ".repeat(pad)),
                    format!("{} {w}", "a".repeat(pad)),
                    format!("{}{w} and more", "b.".repeat(pad)),
                ]);
            }
        }
        let mut holding = 0;
        for text in &texts {
            assert_eq!(may_hold_numeral(text), byte_by_byte(text), "{text:?}");
            holding += usize::from(may_hold_numeral(text));
        }
        assert!(
            holding > 10 && holding + 10 < texts.len(),
            "{holding} of {}",
            texts.len()
        );
    }

    /// The gate's words read only where the vector pass finds a word of value may start tell
    /// what reading every word tells: on the lines of corpus/, fixtures/ and generated articles
    /// (as written, typeset, and with their digits taken out, so that their words are read),
    /// and on every word of value and near misses in four cases, at every place around the
    /// 32-byte windows and the end of the text, after spaces, letters and dots, and before
    /// nothing, a space, a letter, a dot and a letter outside ASCII, and beside every ASCII byte.
    /// Only where the build has AVX2: without it the gate is the reading of every word, and the
    /// test would compare a path with itself.
    #[test]
    #[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
    fn the_gate_reads_the_words_a_reading_of_every_word_reads() {
        let mut texts = crate::gen::sample_texts_and_typeset(150);
        texts.extend(crate::gen::fixture_texts());
        let mut lines: Vec<String> = texts.iter().flat_map(|t| t.lines()).map(str::to_owned).collect();
        lines.extend(
            texts
                .iter()
                .flat_map(|t| t.split(['\n', '.']))
                .map(|l| l.chars().filter(|c| !c.is_ascii_digit()).collect::<String>()),
        );
        let mut words: Vec<String> = value_words_and_scales().map(str::to_owned).collect();
        words.extend(
            [
                "twentyfive",
                "Thirtyfirst",
                "seventyseventhousandths",
                "thre",
                "thousandfold",
                "mill",
                "kk",
                "Mm",
                "mm",
                "m",
                "g",
                "Ms",
                "bnx",
                "crx",
                "tens",
                "one's",
                "for",
                "those",
                "x",
            ]
            .map(str::to_owned),
        );
        let cases = |w: &str| {
            let odd: String = w
                .chars()
                .enumerate()
                .map(|(k, c)| if k % 2 == 1 { c.to_ascii_uppercase() } else { c })
                .collect();
            [w.to_owned(), w.to_uppercase(), w[..1].to_uppercase() + &w[1..], odd]
        };
        for w in &words {
            for case in cases(w) {
                for pad in 0..72 {
                    for (before, after) in [
                        (" ", ""),
                        ("ab ", " and more"),
                        ("a", ""),
                        ("b.", "."),
                        (" ", "s"),
                        ("-", "\u{e9}"),
                    ] {
                        lines.push(format!("{}{case}{after}", before.repeat(pad)));
                    }
                }
            }
        }
        // every ASCII byte before and after each word, and two before it
        for w in value_words_and_scales() {
            for b in (0..0x80u8).map(char::from) {
                lines.extend([format!("{b}{w}{b}"), format!("{b}{b}{w}"), format!("{w}{b}{b}")]);
            }
        }
        let (mut holding, mut not) = (0, 0);
        for line in &lines {
            let bytes = line.as_bytes();
            let by_blocks = ascii_words_may_hold_value_by_blocks(bytes);
            assert_eq!(ascii_words_may_hold_value(bytes), by_blocks, "{line:?}");
            holding += usize::from(by_blocks);
            not += usize::from(!by_blocks);
        }
        assert!(holding > 100_000 && not > 50_000, "{holding} holding, {not} not");
    }

    /// The letters of sixteen bytes by SSE2 are the letters read a byte at a time: every byte
    /// value at every place, among letters and among other bytes.
    #[test]
    fn letters_of_sixteen_are_the_ascii_letters() {
        let mut letters = 0;
        for (sixteen, place, _) in crate::extract::lanes::every_byte_at_every_place(&[b'a', b' ', b'Z', 0xC3]) {
            assert_eq!(letters_of_16(&sixteen), letters_by_bytes(&sixteen), "{sixteen:?}");
            letters += usize::from(letters_by_bytes(&sixteen) >> place & 1 == 1);
        }
        assert_eq!(letters, 4 * 16 * 52);
    }

    /// Every word the unlisted reading reads passes the test before it: tens glued to units
    /// and ordinals in any case, the one-letter scales, and the words of sentences with numbers.
    /// The tens found by their first two letters are the tens found by comparing every tens
    /// word, on the words of generated text and on tens in any case, cut short and run on.
    #[test]
    fn glued_tens_are_the_tens_any_of_the_words_starts() {
        let every = |word: &[u8]| {
            TENS_WORDS
                .iter()
                .any(|p| word.len() >= p.len() && word[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
        };
        let mut words: Vec<String> = crate::gen::sample_lines(300)
            .iter()
            .flat_map(|line| {
                line.split(|c: char| !c.is_ascii_alphabetic())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        for ten in TENS_WORDS {
            for cut in 1..=ten.len() {
                for rest in ["", "five", "First", "x", "ty"] {
                    let w = format!("{}{rest}", &ten[..cut]);
                    words.extend([w.to_uppercase(), w.clone(), w[..1].to_uppercase() + &w[1..]]);
                }
            }
            words.push(ten.replace('t', "f"));
            words.push(ten.replace('e', "i"));
        }
        let mut tens = 0;
        for w in &words {
            assert_eq!(glued_tens(w.as_bytes()), every(w.as_bytes()), "{w:?}");
            tens += usize::from(every(w.as_bytes()));
        }
        assert!(tens >= 8 * 3 * 5, "{tens} tens among {} words", words.len());
    }

    #[test]
    fn every_unlisted_atom_passes_the_test_before_it() {
        let mut texts = vec![
            "k K M G MM m g mm Mm kk".to_owned(),
            "Our 12 MM, 5 K, 2 G and 3 M requests in 2014 (up 5.5% from a year before).".to_owned(),
        ];
        let tens = [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ];
        let rests = [
            "one", "five", "nine", "first", "fifth", "ninths", "seconds", "zero", "ten", "x", "",
        ];
        for ten in tens {
            for rest in rests {
                let w = format!("{ten}{rest}");
                texts.push(format!("{w} {} {}", w.to_uppercase(), w[..1].to_uppercase() + &w[1..]));
            }
        }
        for text in texts {
            let mut lowered = String::new();
            let t = Toks::new(&text, &mut lowered);
            for i in (0..t.len()).filter(|&i| t.is(i, Tk::Word)) {
                assert!(
                    may_be_unlisted_atom(t.str(i)) || unlisted_word_atoms(&t, i).is_none(),
                    "{:?} in {text:?}",
                    t.str(i)
                );
            }
        }
    }
}
