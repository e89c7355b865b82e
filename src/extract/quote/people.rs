//! The people an article names, so that a later surname ("Frank"), title ("the spokeswoman")
//! or pronoun ("he") at a quote can be resolved to the full name and role given earlier.
//!
//! A person is registered where the article names them with two or more name words next to a
//! speech verb, behind an honorific, or with an appositive role ("John Frank, Microsoft VP and
//! Deputy General Counsel,"). Every later mention of a registered surname or first name counts
//! as a mention too, which is what pronouns are resolved against. Other full names are kept as
//! named in passing; organisations (a name ending in an organisation word, or a single name
//! with a reporting verb) are what "the company" or "the group" is resolved against.

#[cfg(test)]
use super::cue::is_one_ascii_word;
use super::cue::{
    clean_name, is_org_name, one_word_name, spaces_then_verb, split_title, surely_org_name, two_word_person,
    without_nickname, NAME, VERB, VERBS,
};
use super::hand::{
    count_spaces, count_spaces_before, is_name_word_byte, is_word_byte, name_at, name_letters, next_name_capital,
    next_name_capital_up_to, next_word_capital, phrase_after_comma, word_character_before, word_then_spaces, Dot,
    WordFilter, HONORIFIC_WORDS, NAME_PREFIX_WORDS, PARTICLE_WORDS,
};
#[cfg(test)]
use super::hand::{groups_of, stop_or_mark, surely_one_word, HONORIFICS};
use crate::extract::claim::{is_ascii_space, letters_start};
use crate::extract::pattern::Pattern;
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::LazyLock;

/// Grammatical gender, as far as the text shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Female,
    Male,
}

/// A person named in the article.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Person<'t> {
    /// Full name as first written ("John Frank"): nearly always a slice of the text.
    pub name: Cow<'t, str>,
    /// Role from the first appositive, if any: a slice of the text, or the title split off
    /// the front of a name.
    pub role: Option<Cow<'t, str>>,
    /// From an honorific or a gendered role word where the person is first named, if any; an
    /// honorific before a later mention is read on first need ([`People::fits`] tells both).
    pub gender: Option<Gender>,
    /// Byte offset of the first mention.
    pub first: usize,
    /// Named only in passing ("Priya Natarajan knew what it meant"): found by surname when no
    /// registered person carries it, and a candidate for a pronoun only when nobody else fits.
    pub loose: bool,
}

/// Everyone named in one article, and where.
///
/// The persons are read at once; what only a pronoun, a title or "the company" needs (every
/// later mention of a surname, the genders those mentions tell, the organisations named) is
/// read on first need: most articles have no such cue.
#[derive(Debug, Default)]
pub(super) struct People<'t> {
    /// The article.
    text: &'t str,
    /// Organisations are noted only where named before this offset (see [`People::read_persons`]).
    orgs_until: usize,
    persons: Vec<Person<'t>>,
    /// (byte offset, index into `persons`) where a person is registered, in order.
    registered: Vec<(usize, usize)>,
    /// Surname or first name to the persons who carry it. The names, and so these keys, are
    /// nearly always slices of the text: borrowed, not copied.
    by_part: NameMap<'t, Carriers>,
    /// Full name to person, once there are more than [`FEW_NAMES`] persons: until then the
    /// persons are searched by name ([`People::index_of`]; their names are distinct).
    by_full: HashMap<Cow<'t, str>, usize>,
    /// Surname to the persons named only in passing, in the order they are first named.
    loose_by_surname: NameMap<'t, Carriers>,
    /// The keys of `by_part` and `loose_by_surname`: most single names are neither, and the
    /// filter tells so without hashing.
    parts: WordFilter,
    /// (byte offset, person) where the persons named only in passing are first named, in order.
    loose_mentions: Vec<(usize, usize)>,
    /// (byte offset, person) of the quotes credited so far, in text order: a speaker is the
    /// freshest mention a pronoun can refer to.
    spoken: Vec<(usize, usize)>,
    /// (byte offset, name) of the organisations quoted so far, in text order.
    org_spoken: Vec<(usize, String)>,
    /// Every mention of a person and the genders mentions tell, read on first need.
    mentions: OnceCell<Mentions>,
    /// (byte offset, name) of the organisations named ("American Civil Liberties Union") or
    /// quoted ("Microsoft said") before `orgs_until`, in order; read on first need.
    org_mentions: OnceCell<Vec<(usize, String)>>,
}

/// How many names a [`NameMap`] holds before it hashes them.
const FEW_NAMES: usize = 16;

/// Names (slices of the text, nearly always) to values, for the handful of persons an article
/// names: searched in order while few, so that no table is allocated, hashed into and freed
/// for them (one person cost about a thousand instructions in three hash maps); hashed once
/// more than [`FEW_NAMES`], so that an article naming thousands is not searched quadratically.
#[derive(Debug)]
struct NameMap<'t, V> {
    /// The entries while there are at most [`FEW_NAMES`]; empty after.
    few: Vec<(Cow<'t, str>, V)>,
    /// Every entry once there are more.
    many: HashMap<Cow<'t, str>, V>,
}

impl<V> Default for NameMap<'_, V> {
    fn default() -> Self {
        NameMap {
            few: Vec::new(),
            many: HashMap::default(),
        }
    }
}

impl<'t, V> NameMap<'t, V> {
    /// The value of `name`, if any.
    fn get(&self, name: &str) -> Option<&V> {
        if self.many.is_empty() {
            return self.few.iter().find(|(key, _)| key == name).map(|(_, value)| value);
        }
        self.many.get(name)
    }

    /// The value of `name`, if any, to change.
    fn get_mut(&mut self, name: &str) -> Option<&mut V> {
        if self.many.is_empty() {
            return self.few.iter_mut().find(|(key, _)| key == name).map(|(_, value)| value);
        }
        self.many.get_mut(name)
    }

    /// Whether `name` has a value.
    fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Whether no name has a value.
    fn is_empty(&self) -> bool {
        self.few.is_empty() && self.many.is_empty()
    }

    /// Gives `name`, which has no value yet, `value`.
    fn insert_new(&mut self, name: Cow<'t, str>, value: V) {
        debug_assert!(!self.contains_key(&name), "{name} is in the map");
        if self.many.is_empty() {
            if self.few.len() < FEW_NAMES {
                self.few.push((name, value));
                return;
            }
            self.many.extend(self.few.drain(..));
        }
        self.many.insert(name, value);
    }
}

/// The persons who carry a name part, and where the name that first gave it was read.
#[derive(Debug)]
struct Carriers {
    /// The start of the name whose reading added the part: a single name read after this
    /// offset is someone's and no organisation.
    since: usize,
    /// Indices into `persons`, in the order first named.
    persons: Indices,
}

/// Indices into `persons`: nearly always one, kept without allocating.
#[derive(Debug)]
enum Indices {
    One(usize),
    Several(Vec<usize>),
}

impl Indices {
    /// The indices, in order.
    fn as_slice(&self) -> &[usize] {
        match self {
            Indices::One(i) => std::slice::from_ref(i),
            Indices::Several(all) => all,
        }
    }

    /// Adds `i` at the end.
    fn push(&mut self, i: usize) {
        match self {
            Indices::One(first) => *self = Indices::Several(vec![*first, i]),
            Indices::Several(all) => all.push(i),
        }
    }
}

/// Every mention of a person: where registered, and every later capitalised word that is the
/// surname or first name of exactly one registered person.
#[derive(Debug)]
struct Mentions {
    /// (byte offset, index into `persons`), sorted by offset.
    at: Vec<(usize, usize)>,
    /// Each person's gender: as registered, else as an honorific before a mention tells it
    /// ("Mr. Hale").
    gender: Vec<Option<Gender>>,
}

/// Two or more name words, optionally after an honorific; the name is group `name`. Read by
/// hand ([`full_names`]); the pattern is what the tests hold the reader to.
#[cfg(test)]
static FULL_NAME: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?P<hon>\b(?:{})\.?\s+)?\b(?P<name>{NAME})",
        HONORIFICS.join("|")
    ))
    .unwrap()
});

/// The matches of `FULL_NAME` in `text`, in order, each as its groups `hon` and `name`, read
/// by hand ([`full_name_at`]) at the capitals that start words ([`next_word_capital`]): the
/// regex runs over every capitalised word of every article, and each match needed two more
/// searches to split off its honorific. A match starts at a word capital, and the next is
/// looked for from its end on.
fn full_names(text: &str) -> impl Iterator<Item = (Option<&str>, Name<'_>)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = next_word_capital(bytes, from) {
            from = i + 1;
            if let Some((start, end)) = full_name_at(bytes, i) {
                let hon = (start > i).then(|| &text[i..start]);
                from = end;
                let text = &text[start..end];
                return Some((hon, Name { start, end, text }));
            }
        }
        None
    })
}

/// The matches of [`full_names`] that are more than one word ([`is_one_word`]), the only ones
/// that may name a person ([`person_named`] of one word is `None`): a capital where the name
/// read is surely one word (`hand::surely_one_word_ending`, `surely_one_word_outside_ascii`)
/// is passed by without reading the name ([`next_name_capital`] finds the others). (The next capital is then looked for right after it,
/// not after the name: any capital inside that name starts a word that ends where it ends,
/// and so is surely one word as well; that test tells no word with other than letters
/// before a period, where that could fail.)
/// `ascii` tells that `text` is ASCII.
fn names_of_several_words(text: &str, ascii: bool) -> impl Iterator<Item = (Option<&str>, Name<'_>)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        next_name_of_several_words(text, &mut from, |from| next_name_capital(bytes, from, ascii))
    })
}

/// The next name of several words read in `text` at the capitals `next_capital` finds from
/// `*from` on ([`names_of_several_words`]), with its honorific; `*from` is moved past the
/// capitals and names read on the way.
#[inline(always)]
fn next_name_of_several_words<'t>(
    text: &'t str,
    from: &mut usize,
    mut next_capital: impl FnMut(usize) -> Option<usize>,
) -> Option<NameRead<'t>> {
    let bytes = text.as_bytes();
    while let Some(i) = next_capital(*from) {
        *from = i + 1;
        if let Some((start, end)) = full_name_at(bytes, i) {
            *from = end;
            let name = &text[start..end];
            if is_one_word(name) {
                continue;
            }
            let hon = (start > i).then(|| &text[i..start]);
            return Some((hon, Name { start, end, text: name }));
        }
    }
    None
}

/// Whether the name [`full_name_at`] read, `name`, is fewer than two words (as
/// [`str::split_whitespace`] splits it): then it names no person, in any script. Cleaning only
/// drops words, and a name of one word is no person ([`named_by`]). Such a name neither starts
/// nor ends with a space, and has spaces only between its words: it is one word when it holds
/// no space. On a page in Russian most capitalised words are one word outside ASCII, which the
/// cleaning and sorting of names read again, character by character, only to turn away.
fn is_one_word(name: &str) -> bool {
    !name.bytes().any(is_ascii_space) && (name.is_ascii() || !name.chars().any(char::is_whitespace))
}

/// What a cleaned name ([`clean_name`], then [`without_nickname`]) names ([`named_by`]).
enum Named<'n> {
    /// An organisation ([`is_org_name`]).
    Org,
    /// A person: the name, of two or more words once its title is split off, and the title.
    Person(&'n str, Option<String>),
    /// One name word, or none: an organisation if it speaks ([`People::read_org_mentions`]).
    Single(&'n str),
}

/// What the cleaned name `cleaned` names: sorted alike for the persons and the organisations.
fn named_by(cleaned: &str) -> Named<'_> {
    if is_org_name(cleaned) {
        return Named::Org;
    }
    let (name, title) = split_title(cleaned);
    if name.split_whitespace().count() < 2 {
        return Named::Single(name);
    }
    Named::Person(name, title)
}

/// The person `written` names once cleaned ([`clean_name`], then [`without_nickname`], then
/// [`named_by`]), borrowed from the text when the cleaned name is, and the title split off its
/// front; `None` if it names no person. Most names of several words are two plain words, told
/// at once ([`two_word_person`]).
fn person_named(written: &str) -> Option<(Cow<'_, str>, Option<String>)> {
    match two_word_person(written) {
        Some(true) => return Some((Cow::Borrowed(written), None)),
        Some(false) => return None,
        None => {}
    }
    match without_nickname(clean_name(written)) {
        Cow::Borrowed(cleaned) => match named_by(cleaned) {
            Named::Person(name, title) => Some((Cow::Borrowed(name), title)),
            _ => None,
        },
        Cow::Owned(cleaned) => match named_by(&cleaned) {
            Named::Person(name, title) => Some((Cow::Owned(name.to_owned()), title)),
            _ => None,
        },
    }
}

/// The match of `FULL_NAME` starting at `i` (a capital after a word boundary) in UTF-8
/// `bytes`, as (start of group `name`, end), read the way the regex reads it: everything after
/// the first name word is optional, so the leftmost-first match takes the first alternative that
/// fits at each step and never backtracks out of it. The honorific is taken when a name follows
/// it; otherwise the name starts at `i`.
fn full_name_at(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    let after_honorific = word_then_spaces(bytes, i, HONORIFIC_WORDS, Dot::Optional);
    if let Some(end) = after_honorific.and_then(|p| name_at(bytes, p)) {
        return Some((after_honorific.unwrap_or(i), end));
    }
    name_at(bytes, i).map(|end| (i, end))
}

/// The role of the person named by `m`, with the title `title` split off its front, and
/// whether a reporting verb follows the name: an appositive after it or a phrase before it
/// ([`role_before`], its 60 bytes `before`) that holds a role word, else the title.
#[inline(always)]
fn role_where_named<'t>(
    text: &'t str,
    m: Name<'t>,
    before: &'t str,
    title: Option<String>,
    ascii: bool,
) -> (Option<Cow<'t, str>>, bool) {
    let (role_after, verb_after) = after_name(window_after(text, m.end()), ascii);
    let is_role = |r: &&str| ROLE_WORD.is_match(r);
    let role = role_after
        .filter(is_role)
        .or_else(|| role_before(before).filter(is_role))
        .map(|r| Cow::Borrowed(r.trim()))
        .or(title.map(Cow::Owned));
    (role, verb_after)
}

/// Where a name stands, and the name.
#[derive(Debug, Clone, Copy)]
struct Name<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

impl<'t> Name<'t> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &'t str {
        self.text
    }
}

/// Where `name` is first found in `written` (0 if it is not): `written.find(name)`, which for
/// most names is the start, as nothing was cut off the front: that is told without a search.
fn offset_in(written: &str, name: &str) -> usize {
    if written.starts_with(name) {
        return 0;
    }
    written.find(name).unwrap_or(0)
}

/// What may follow a name: an appositive role or "of" and a name, then a speech verb (group
/// `verb`); failing that, an apposition alone (`APPOSITION`). Read by [`after_name`].
fn role_then_verb() -> String {
    format!(r"^(?:,\s*(?P<role>[^,;.\x22“”«»]{{2,120}}?),|\s+of\s+(?:the\s+)?{NAME})?\s+(?P<verb>{VERB})\b")
}

/// An apposition after a name: ", a Yahoo spokeswoman,". Read by hand
/// ([`comma_phrase_then_verb`]); the pattern is what the tests hold the reader to.
#[cfg(test)]
const APPOSITION: &str = r"^,\s*(?P<apposition>[^,;.\x22“”«»]{2,120}?)[,.;]";

/// [`role_then_verb`], for a match only (no capture search).
static VERB_AFTER_NAME: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(&role_then_verb()).unwrap());

/// The comma branch of [`role_then_verb`] alone, for its role: what the tests hold the reader
/// by hand ([`comma_phrase_then_verb`]) to.
#[cfg(test)]
static ROLE_THEN_VERB: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(&role_then_verb_by_comma()).unwrap());

/// The source of [`ROLE_THEN_VERB`].
#[cfg(test)]
fn role_then_verb_by_comma() -> String {
    format!(r"^,\s*(?P<role>[^,;.\x22“”«»]{{2,120}}?),\s+(?:{VERB})\b")
}

/// [`APPOSITION`] compiled: what the tests hold the reader by hand ([`after_name`]) to.
#[cfg(test)]
static APPOSITION_AFTER_NAME: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(APPOSITION).unwrap());

/// The role written right after a name and whether a speech verb follows it: the groups `role`
/// or `apposition`, and `verb`, that a capture search of `role_then_verb|apposition` finds.
/// Both branches are anchored and the first one wins; in it, the role stands only in the comma
/// form, which no other form can match (they start with a space), and the apposition starts
/// with a comma too. So a window that starts with a comma is read by hand in any script
/// ([`comma_phrase_then_verb`]), and no other has a role.
///
/// `ascii` tells that `after` is known to be ASCII (the whole text is), which this and the
/// readers below then need not scan each window for.
fn after_name(after: &str, ascii: bool) -> (Option<&str>, bool) {
    if after.starts_with(',') {
        // The role before a verb and the apposition are the same phrase, read once: a role
        // when a comma and a verb follow it.
        return match comma_phrase_then_verb(after) {
            Some((phrase, verb)) => (Some(phrase), verb),
            None => (None, false),
        };
    }
    (None, verb_after_name(after, ascii))
}

/// Whether [`VERB_AFTER_NAME`] matches `after`: a role or "of" and a name, then a reporting
/// verb. It is asked after every capitalised word; it is read by hand when a comma starts
/// `after` ([`comma_phrase_then_verb`]), and on ASCII text unless "of" follows the name.
fn verb_after_name(after: &str, ascii: bool) -> bool {
    if after.starts_with(',') {
        return comma_phrase_then_verb(after).is_some_and(|(_, verb)| verb);
    }
    if !(ascii || after.is_ascii()) {
        return may_be_verb_after_name(after) && VERB_AFTER_NAME.is_match(after);
    }
    if spaces_then_verb(after).is_some() {
        return true;
    }
    let rest = after.trim_start_matches(|c: char| is_ascii_space(c as u8));
    if rest.len() < after.len() && rest.starts_with("of") {
        return VERB_AFTER_NAME.is_match(after);
    }
    false
}

/// Whether [`VERB_AFTER_NAME`] may match `after`, which starts with no comma, told without a
/// search (`false` for most names): spaces come first, then "of" or the verb, each a whole run
/// of ASCII lower-case letters (a space or a word boundary follows them, and a letter would be
/// a word character). On text with letters outside ASCII the search is a pass of the slow
/// engines over the whole window, even where it fails at once.
fn may_be_verb_after_name(after: &str) -> bool {
    let bytes = after.as_bytes();
    let spaces = count_spaces(bytes, 0);
    let word = &after[spaces..spaces + bytes[spaces..].iter().take_while(|b| b.is_ascii_lowercase()).count()];
    spaces > 0 && (word == "of" || VERBS.contains(word))
}

/// The phrase after the comma that `after` starts with ([`phrase_after_comma`]), and
/// whether a comma and a reporting verb follow it (then it is a role, else an apposition):
/// the groups of `ROLE_THEN_VERB` and `APPOSITION`, read in any script. Past the phrase
/// they read only a comma, spaces and a verb, which [`spaces_then_verb`] reads in any script.
fn comma_phrase_then_verb(after: &str) -> Option<(&str, bool)> {
    let (phrase, end) = phrase_after_comma(after, b",;.")?;
    let verb = after.as_bytes()[end] == b',' && spaces_then_verb(&after[end + 1..]).is_some();
    Some((phrase, verb))
}

/// The last run of word characters of ASCII `text`, and where it starts.
fn last_word(text: &str) -> (usize, &str) {
    let start = text.len() - text.bytes().rev().take_while(|&b| is_word_byte(b)).count();
    (start, &text[start..])
}

/// Whether [`VERB_BEFORE`] matches `before`: a reporting verb or "according to" and spaces at
/// its end. On ASCII text by hand: the verb must be the whole last word, as `\b` stands before it.
fn verb_before(before: &str, ascii: bool) -> bool {
    if !(ascii || before.is_ascii()) {
        return VERB_BEFORE.is_match(before);
    }
    let trimmed = before.trim_end_matches(|c: char| is_ascii_space(c as u8));
    if trimmed.len() == before.len() {
        return false;
    }
    let (start, word) = last_word(trimmed);
    if VERBS.contains(word) {
        return true;
    }
    let before_to = &trimmed[..start];
    let spaced = before_to.trim_end_matches(|c: char| is_ascii_space(c as u8));
    word == "to" && spaced.len() < before_to.len() && last_word(spaced).1 == "according"
}

/// The role in apposition right before a name (group `role` of [`ROLE_BEFORE`]: the match
/// without its comma and the spaces after it, as the role ends with no space or comma).
fn role_before(before: &str) -> Option<&str> {
    // The pattern ends with a comma and spaces (`\s` and `trim_end` are both White_Space): a
    // text ending otherwise is spared the search.
    if !before.trim_end().ends_with(',') {
        return None;
    }
    ROLE_BEFORE.find(before).map(|m| {
        m.as_str()
            .trim_end()
            .strip_suffix(',')
            .expect("the match ends with a comma")
    })
}

/// A role right before a name in apposition: "An AT&T spokesman, Mark Siegel, declined".
static ROLE_BEFORE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?P<role>(?:[\p{L}&’'.-]+\s+){0,5}[\p{L}&’'.-]+),\s*$").unwrap());

/// An honorific right before a word. Read by hand ([`honorific_before`]); the pattern is what
/// the tests hold the reader to.
#[cfg(test)]
static HONORIFIC_BEFORE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\b(Mr|Mrs|Ms|Sir|Dame|Lord|Lady)\.?\s+$").unwrap());

/// The honorific that `HONORIFIC_BEFORE` finds at the end of `before` (its group 1), read by
/// hand: it runs before every mention of a registered person. The pattern ends with spaces, so
/// its word ends where the spaces that end `before` begin (or at a period there), and is the
/// whole run of letters before that point, with a `\b` before it.
fn honorific_before(before: &str) -> Option<&str> {
    let bytes = before.as_bytes();
    let spaces = count_spaces_before(bytes, bytes.len());
    let mut end = bytes.len() - spaces;
    if spaces == 0 {
        return None;
    }
    if end > 0 && bytes[end - 1] == b'.' {
        end -= 1;
    }
    let start = letters_start(bytes, end);
    let word = &before[start..end];
    let honorific = matches!(word, "Mr" | "Mrs" | "Ms" | "Sir" | "Dame" | "Lord" | "Lady");
    (honorific && !word_character_before(bytes, start)).then_some(word)
}

/// A speech verb or "according to" right before a name.
static VERB_BEFORE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(&format!(r"\b(?:{VERB}|according\s+to)\s+$")).unwrap());

/// Words that make an appositive a role ("general counsel", "a Yahoo spokeswoman").
pub(super) static ROLE_WORD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(concat!(
        r"(?i)\b(?:counsel|spokes(?:wo)?man|spokesperson|director|president|officer|chief|head|manager|",
        r"executive|vp|chair(?:wo)?man|chair|founder|analyst|researcher|professor|lawyer|attorney|judge|",
        r"senator|minister|commissioner|secretary|member|editor|engineer|advocate|partner|adviser|advisor|",
        r"representative|leader|official|ceo|cto|cfo|coo)\b",
    ))
    .unwrap()
});

/// Single capitalised words, looked up as surnames and first names of registered persons. Read
/// by hand ([`capitalised_words`]); the pattern is what the tests hold the reader to.
#[cfg(test)]
static WORD: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\b\p{Lu}[\p{L}'’-]+").unwrap());

/// The matches of `WORD` in `text`, (start, word), in order, read by hand at the capitals
/// that start words ([`next_word_capital`]) (the same matches: a capital after a non-word
/// character, and at least one more letter, apostrophe or hyphen).
fn capitalised_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = next_word_capital(bytes, from) {
            from = i + 1;
            let after = i + text[i..].chars().next().map_or(1, char::len_utf8);
            let end = after + name_letters(&bytes[after..], false);
            if end > after {
                from = end;
                return Some((i, &text[i..end]));
            }
        }
        None
    })
}

/// How many recent mentions a pronoun or title is resolved against.
const MAX_CANDIDATE_MENTIONS: usize = 200;

/// How far after a name its role and verb are looked for.
const CONTEXT_BYTES: usize = 160;

impl<'t> People<'t> {
    /// Finds the persons `text` names, in one pass over it ([`People::read_persons`]).
    #[cfg(test)]
    pub fn find(text: &'t str, orgs_until: usize, ascii: bool) -> People<'t> {
        let mut people = People::nobody(text, orgs_until);
        people.read_persons(ascii);
        people
    }

    /// Nobody yet, in `text`: [`People::read_persons`] reads the persons it names.
    pub fn nobody(text: &'t str, orgs_until: usize) -> People<'t> {
        People {
            text,
            orgs_until,
            ..People::default()
        }
    }

    /// Reads the persons the text names, in one pass over it, into these, which are nobody
    /// yet. Organisations, and later mentions of a surname, are read on first need;
    /// organisations only where named before `orgs_until`: [`People::by_org_noun`] is asked
    /// about those named before a quote, and no quote ends after `orgs_until` (persons are all
    /// noted: a person's role and gender may be told after the last quote). `ascii` tells that
    /// the text is ASCII.
    pub fn read_persons(&mut self, ascii: bool) {
        debug_assert!(self.persons.is_empty(), "the persons are read once");
        // One word is an organisation or nothing ([`People::read_org_mentions`]); most names
        // are one word.
        for (hon, m) in names_of_several_words(self.text, ascii) {
            self.note_person(hon, m, ascii);
        }
    }

    /// Registers or notes the person `m` names (after honorific `hon`), if it names one: two or
    /// more name words, once cleaned, that are no organisation.
    // Inlined in both its callers, the reading of every name and of the names that hold a word:
    // the first is most of the persons' cost, and was slower with a call a name.
    #[inline(always)]
    fn note_person(&mut self, hon: Option<&str>, m: Name<'t>, ascii: bool) {
        if surely_org_name(m.as_str()) {
            return;
        }
        let Some((name, title)) = person_named(m.as_str()) else {
            return;
        };
        let before = window_before(self.text, m.start());
        let (role, verb_after) = role_where_named(self.text, m, before, title, ascii);
        let speaks = verb_after || verb_before(before, ascii);
        let honorific = hon.map(|h| h.trim().trim_end_matches('.'));
        let at = m.start() + offset_in(m.as_str(), &name);
        if speaks || role.is_some() || honorific.is_some() {
            self.register(m.start(), at, name, role, honorific);
        } else {
            self.note_loose(m.start(), at, name);
        }
    }

    /// Registers `name`, named at `at` in the name read from `read_at` on.
    fn register(
        &mut self,
        read_at: usize,
        at: usize,
        name: Cow<'t, str>,
        role: Option<Cow<'t, str>>,
        honorific: Option<&str>,
    ) {
        let gender = honorific
            .and_then(gender_of_honorific)
            .or(role.as_deref().and_then(gender_of_role));
        // "St. Vincent said" after "Sarah St. Vincent": a mention of her, not a new person.
        let known = self.by_surnames(&name, at).map(|p| p.name.clone());
        let name = known.unwrap_or(name);
        let index = match self.index_of(&name) {
            Some(i) if !self.persons[i].loose => i,
            known => {
                let i = known.unwrap_or_else(|| self.add_person(at, name.clone()));
                self.persons[i].loose = false;
                let first = part_of(&name, |n| n.split_whitespace().next().expect("a name has a word"));
                let last = part_of(&name, |n| n.split_whitespace().next_back().expect("a name has a word"));
                for part in [first, last] {
                    self.parts.insert(&part);
                    carry(&mut self.by_part, part, read_at, i);
                }
                i
            }
        };
        let person = &mut self.persons[index];
        person.role = person.role.take().or(role);
        person.gender = person.gender.or(gender);
        self.registered.push((at, index));
    }

    /// Adds the person called `name`, whom nobody is called yet, first named at `at`.
    fn add_person(&mut self, at: usize, name: Cow<'t, str>) -> usize {
        debug_assert!(self.index_of(&name).is_none(), "{name} is someone's name");
        self.persons.push(Person {
            name,
            role: None,
            gender: None,
            first: at,
            loose: true,
        });
        let i = self.persons.len() - 1;
        if self.persons.len() > FEW_NAMES {
            if self.by_full.is_empty() {
                let names = self.persons.iter().enumerate().map(|(k, p)| (p.name.clone(), k));
                self.by_full.extend(names);
            } else {
                self.by_full.insert(self.persons[i].name.clone(), i);
            }
        }
        i
    }

    /// The index of the person whose full name is `name`.
    fn index_of(&self, name: &str) -> Option<usize> {
        if self.by_full.is_empty() {
            return self.persons.iter().position(|p| p.name == name);
        }
        self.by_full.get(name).copied()
    }

    /// Records a full name named in passing at `at`, in the name read from `read_at` on.
    fn note_loose(&mut self, read_at: usize, at: usize, name: Cow<'t, str>) {
        // "Singh Guliani" after "Neema Singh Guliani" is her surname, not someone new.
        if self.index_of(&name).is_some() || self.by_surnames(&name, at).is_some() {
            return;
        }
        let i = self.add_person(at, name.clone());
        let surname = part_of(&name, |n| n.split_whitespace().next_back().unwrap_or(n));
        self.parts.insert(&surname);
        carry(&mut self.loose_by_surname, surname, read_at, i);
        self.loose_mentions.push((at, i));
    }

    /// The organisations named before `orgs_until` ([`People::read_org_mentions`]).
    fn org_mentions(&self) -> &[(usize, String)] {
        self.org_mentions.get_or_init(|| self.read_org_mentions())
    }

    /// The organisations named before `orgs_until`, read the way [`People::read_persons`] reads the
    /// names: a name with an organisation word, or a single name that speaks and is no
    /// registered or passing person's name part when it is read ("Facebook said in a blog
    /// post"), which "the company" may refer to later.
    fn read_org_mentions(&self) -> Vec<(usize, String)> {
        let text = self.text;
        let ascii = text.is_ascii();
        let mut found = Vec::new();
        for (_, m) in full_names(text).take_while(|(_, m)| m.start() < self.orgs_until) {
            let single = match one_word_name(m.as_str()) {
                Some((name, true)) => {
                    found.push((m.start(), name.to_owned()));
                    continue;
                }
                Some((name, false)) => Cow::Borrowed(name),
                None => {
                    let cleaned = without_nickname(clean_name(m.as_str()));
                    match named_by(&cleaned) {
                        Named::Org => {
                            found.push((m.start(), cleaned.into_owned()));
                            continue;
                        }
                        Named::Person(..) => continue,
                        Named::Single(name) => Cow::Owned(name.to_owned()),
                    }
                }
            };
            if self.speaks_as_org(m, &single, ascii) {
                found.push((m.start(), single.into_owned()));
            }
        }
        found
    }

    /// Whether the single name `name`, read as `m`, speaks and was nobody's name part when read.
    fn speaks_as_org(&self, m: Name, name: &str, ascii: bool) -> bool {
        let part_before = |carriers: &NameMap<Carriers>| carriers.get(name).is_some_and(|c| c.since < m.start());
        let someones = self.parts.may_hold(name) && (part_before(&self.by_part) || part_before(&self.loose_by_surname));
        !someones && !name.is_empty() && verb_after_name(window_after(self.text, m.end()), ascii)
    }

    /// Every mention of a person ([`People::read_mentions`]).
    fn mentions(&self) -> &Mentions {
        self.mentions.get_or_init(|| self.read_mentions())
    }

    /// The registered mentions and every capitalised word that is the surname or first name
    /// of exactly one registered person, with the genders an honorific before one tells.
    fn read_mentions(&self) -> Mentions {
        let mut at = self.registered.clone();
        let mut gender: Vec<Option<Gender>> = self.persons.iter().map(|p| p.gender).collect();
        if self.by_part.is_empty() {
            // Nobody registered: no word can be a mention (and `at` is already in order).
            return Mentions { at, gender };
        }
        let text = self.text;
        // Most capitalised words are nobody's name: the filter turns them away without hashing.
        for (start, word) in capitalised_words(text) {
            if !self.parts.may_hold(word) {
                continue;
            }
            if let Some([i]) = self.by_part.get(word).map(|c| c.persons.as_slice()) {
                at.push((start, *i));
                // "Mr. Hale" tells Robert Hale's gender.
                let honorific = honorific_before(window_before(text, start));
                gender[*i] = gender[*i].or(honorific.and_then(gender_of_honorific));
            }
        }
        at.sort_unstable();
        // A full name and its first word start at the same offset: one mention.
        at.dedup_by_key(|m| m.0);
        Mentions { at, gender }
    }

    /// Records that the quote ending at `at` was credited to `name` (a person or, when no
    /// person has that name, an organisation).
    pub fn note_speaker(&mut self, at: usize, name: &str) {
        if let Some(i) = self.index_of(name) {
            self.spoken.push((at, i));
        } else if !self.by_part.contains_key(name) {
            self.org_spoken.push((at, name.to_owned()));
        }
    }

    /// The one organisation named or quoted from `window_start` up to `at`, which "the
    /// company" or "the group" at `at` refers to.
    pub fn by_org_noun(&self, window_start: usize, at: usize) -> Option<&str> {
        let named = self.org_mentions();
        let named = &named[..named.partition_point(|m| m.0 < at)];
        let quoted = &self.org_spoken[..self.org_spoken.partition_point(|m| m.0 <= at)];
        let mut found: Vec<&str> = from(named, window_start)
            .iter()
            .chain(from(quoted, window_start))
            .map(|m| m.1.as_str())
            .take(MAX_CANDIDATE_MENTIONS)
            .collect();
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [name] => Some(name),
            _ => None,
        }
    }

    /// Whether a title ("the company", "the group") names an organisation, not a person.
    pub fn is_org_title(title: &str) -> bool {
        title
            .split_whitespace()
            .next_back()
            .is_some_and(|w| ORG_NOUNS.contains(&w.to_lowercase().as_str()))
    }

    /// The person called `name` (full name, or a surname or first name named before `at`).
    pub fn by_name(&self, name: &str, at: usize) -> Option<&Person<'t>> {
        if let Some(i) = self.index_of(name) {
            return Some(&self.persons[i]);
        }
        let mut words = name.split_whitespace();
        let (Some(word), None) = (words.next(), words.next()) else {
            return self.by_surnames(name, at);
        };
        // Persons are registered in the order they are first named: a binary search finds
        // those named before `at`.
        if let Some(p) = self.one_named_before(self.by_part.get(word), at) {
            return Some(p);
        }
        self.one_named_before(self.loose_by_surname.get(word), at)
    }

    /// The one person named before `at` whose full name ends with the several words of `name`
    /// ("Singh Guliani" for Neema Singh Guliani).
    fn by_surnames(&self, name: &str, at: usize) -> Option<&Person<'t>> {
        // Until a name part is noted (the first person registered, most often) nobody fits.
        if self.by_part.is_empty() && self.loose_by_surname.is_empty() {
            return None;
        }
        let last = name.split_whitespace().next_back()?;
        // Most names' last word is nobody's name part: told by the filter, without hashing.
        if !self.parts.may_hold(last) {
            return None;
        }
        let carriers = self
            .by_part
            .get(last)
            .into_iter()
            .chain(self.loose_by_surname.get(last))
            .flat_map(|c| c.persons.as_slice());
        let mut found =
            carriers.filter(|&&i| self.persons[i].first < at && ends_with_spaced(&self.persons[i].name, name));
        match (found.next(), found.next()) {
            (Some(&i), None) => Some(&self.persons[i]),
            _ => None,
        }
    }

    /// The one person of `carriers` (in the order first named) named before `at`.
    fn one_named_before(&self, carriers: Option<&Carriers>, at: usize) -> Option<&Person<'t>> {
        // Persons are registered in the order they are first named: a binary search finds
        // those named before `at`.
        let carriers = carriers?.persons.as_slice();
        match &carriers[..carriers.partition_point(|&i| self.persons[i].first < at)] {
            [i] => Some(&self.persons[*i]),
            _ => None,
        }
    }

    /// The one person a pronoun at `at` can refer to: among the persons mentioned or quoted from
    /// `window_start` on (or, if none of them fits, named in passing from there, or else named
    /// anywhere before), the only one whose gender fits.
    pub fn by_pronoun(&self, pronoun: &str, window_start: usize, at: usize) -> Option<&Person<'t>> {
        let gender = match pronoun.to_lowercase().as_str() {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => return None,
        };
        let before = self.mentions_before(at);
        let spoken_before = &self.spoken[..self.spoken.partition_point(|m| m.0 <= at)];
        let spoken_before = &spoken_before[spoken_before.len().saturating_sub(MAX_CANDIDATE_MENTIONS)..];
        let fits = self.fitting(
            from(before, window_start)
                .iter()
                .chain(from(spoken_before, window_start)),
            gender,
        );
        // Then someone named in passing nearby ("Every morning, Dana Whitlock opens..."), then
        // anyone named before.
        let loose = &self.loose_mentions[..self.loose_mentions.partition_point(|m| m.0 < at)];
        let fits = if fits.is_empty() {
            self.fitting(from(loose, window_start).iter(), gender)
        } else {
            fits
        };
        let fits = if fits.is_empty() {
            self.fitting(before.iter().chain(spoken_before), gender)
        } else {
            fits
        };
        match fits.as_slice() {
            [i] => Some(&self.persons[*i]),
            _ => None,
        }
    }

    /// The distinct persons among `mentions` whose gender is `gender` or unknown.
    fn fitting<'m>(&self, mentions: impl Iterator<Item = &'m (usize, usize)>, gender: Gender) -> Vec<usize> {
        let genders = &self.mentions().gender;
        let mut found: Vec<usize> = mentions
            .map(|m| m.1)
            .filter(|&i| genders[i].is_none_or(|g| g == gender))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Whether a pronoun may refer to `person`, one of these persons.
    pub fn fits(&self, person: &Person, pronoun: &str) -> bool {
        // Full names are the persons' keys.
        let gender = self.mentions().gender[self.index_of(&person.name).expect("a person's name is someone's")];
        match pronoun.to_lowercase().as_str() {
            "he" => gender != Some(Gender::Female),
            "she" => gender != Some(Gender::Male),
            _ => false,
        }
    }

    /// The one person named before `at` whose role contains the title ("the spokeswoman",
    /// "the company's deputy general counsel").
    pub fn by_title(&self, title: &str, at: usize) -> Option<&Person<'t>> {
        let words: Vec<&str> = title
            .split_whitespace()
            .skip_while(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
            .skip_while(|w| w.ends_with("'s") || w.ends_with("’s"))
            .collect();
        let head = words.last()?.to_lowercase();
        if ORG_NOUNS.contains(&head.as_str()) {
            return None;
        }
        let wanted = words.join(" ").to_lowercase();
        let mut found: Vec<usize> = self
            .mentions_before(at)
            .iter()
            .map(|m| m.1)
            .filter(|&i| {
                self.persons[i]
                    .role
                    .as_ref()
                    .is_some_and(|r| r.to_lowercase().contains(&wanted))
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [i] => Some(&self.persons[*i]),
            _ => None,
        }
    }

    /// The last [`MAX_CANDIDATE_MENTIONS`] mentions before `at`: bounded work per quote.
    fn mentions_before(&self, at: usize) -> &[(usize, usize)] {
        let mentions = &self.mentions().at;
        let end = mentions.partition_point(|m| m.0 < at);
        &mentions[end.saturating_sub(MAX_CANDIDATE_MENTIONS)..end]
    }
}

/// A name read, with the honorific before it.
type NameRead<'t> = (Option<&'t str>, Name<'t>);

/// The persons of the names that hold a few words, read from those names alone: what
/// [`People::by_name`] tells of a name, for the many articles whose quotes ask nothing else of
/// the persons (no pronoun or title to resolve), without reading every name of the article.
///
/// A person's name is words of the name read that named them, and reading a name reads and
/// changes only the persons whose last word is the last word of the person it names (a
/// "group": [`People::by_surnames`] and [`People::index_of`] find no other). So the names that
/// hold a word, read in text order, are every name of that word's group; and
/// [`People::by_name`] of a name of several words asks only of its last word's group, and of
/// one word, of that word's group and the groups of the persons whose first word it is (who
/// are named in names that hold it). Persons of other groups read on the way may be read
/// differently than the whole article would read them, but no such question reaches them.
///
/// The words, names of one word and groups asked about are kept in maps ([`Noted`]), and the
/// groups of each persons read sorted: a page of thousands of quotes, each credited by another
/// name, asks about thousands.
#[derive(Debug)]
pub(super) struct NamedPeople<'t> {
    /// The article.
    text: &'t str,
    /// Whether the text is ASCII.
    ascii: bool,
    /// Each word looked for, and the names of several words that hold it (with their
    /// honorifics), in text order.
    holding: Noted<Vec<NameRead<'t>>>,
    /// How many words were looked for around their places in the text ([`names_holding`]).
    scans: usize,
    /// Every name of several words, found by the bytes of its words: read once
    /// [`SCANS_BEFORE_INDEX`] words were looked for around their places.
    index: Option<NameIndex<'t>>,
    /// Each name of one word asked about, and the groups read for it
    /// ([`Self::groups_of_word`]).
    word_groups: Noted<Vec<String>>,
    /// The persons read so far, each with the groups (last words) read whole for them, sorted.
    read: Vec<(Vec<String>, People<'t>)>,
    /// Each group read whole, and which persons of `read` it was read for, in order, once
    /// there are more than [`FEW_NAMES`] persons read (searched in order until then).
    read_with: HashMap<String, Vec<usize>>,
}

/// How many words [`NamedPeople`] looks for around their places in the text, a pass over it
/// each, before it reads every name of several words once and finds the names that hold a
/// word in their index ([`NameIndex`]): most articles ask about a few words, and reading every
/// name would cost them more than the passes.
const SCANS_BEFORE_INDEX: usize = 32;

impl<'t> NamedPeople<'t> {
    /// Nobody yet, in `text` (ASCII if `ascii`).
    pub fn nobody(text: &'t str, ascii: bool) -> NamedPeople<'t> {
        NamedPeople {
            text,
            ascii,
            holding: Noted::default(),
            scans: 0,
            index: None,
            word_groups: Noted::default(),
            read: Vec::new(),
            read_with: HashMap::default(),
        }
    }

    /// The article.
    #[cfg(test)]
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// What [`People::by_name`] of the whole text finds for `name` at `at`, read from the
    /// names that hold its last word (of a name of one word, also the last words of the
    /// persons those names name).
    pub fn by_name(&mut self, name: &str, at: usize) -> Option<&Person<'t>> {
        let mut words = name.split_whitespace();
        let last_word;
        let groups: &[String] = match (words.next(), words.next()) {
            // Nobody is called nothing.
            (None, _) => return None,
            (Some(word), None) => {
                let k = self.groups_of_word(word);
                &self.word_groups.entries[k].1
            }
            (Some(_), Some(_)) => {
                last_word = [name.split_whitespace().next_back().expect("two words").to_owned()];
                &last_word
            }
        };
        let k = match self.first_read_with(groups) {
            Some(k) => k,
            None => {
                let groups = groups.to_vec();
                let people = self.persons_of(&groups);
                self.note_read(groups, people)
            }
        };
        self.read[k].1.by_name(name, at)
    }

    /// The first persons of `read` that every one of `groups` (not empty) was read whole for,
    /// if any.
    fn first_read_with(&self, groups: &[String]) -> Option<usize> {
        debug_assert!(!groups.is_empty(), "a name has a group");
        if self.read_with.is_empty() {
            return self
                .read
                .iter()
                .position(|(all, _)| groups.iter().all(|g| all.contains(g)));
        }
        let read_for_all = |k: &usize| groups.iter().all(|g| self.read[*k].0.binary_search(g).is_ok());
        self.read_with.get(groups.first()?)?.iter().copied().find(read_for_all)
    }

    /// Keeps `people`, read whole for `groups`: their index in `read`. The groups are kept
    /// sorted, to be searched in halves: a word held by many names has many groups.
    fn note_read(&mut self, mut groups: Vec<String>, people: People<'t>) -> usize {
        groups.sort_unstable();
        self.read.push((groups, people));
        let k = self.read.len() - 1;
        if k >= FEW_NAMES {
            let from = if self.read_with.is_empty() { 0 } else { k };
            for (j, (groups, _)) in self.read.iter().enumerate().skip(from) {
                for group in groups {
                    self.read_with.entry(group.clone()).or_default().push(j);
                }
            }
        }
        k
    }

    /// The groups read for a name of one word, `word` (its index in `word_groups`, made once):
    /// the word itself, then the last words of the persons the names that hold it name.
    fn groups_of_word(&mut self, word: &str) -> usize {
        if let Some(k) = self.word_groups.position(word) {
            return k;
        }
        let mut groups = vec![word.to_owned()];
        groups.extend(
            self.names_holding(word)
                .iter()
                .filter_map(|(_, m)| group_of(m.as_str())),
        );
        firsts_only(&mut groups);
        self.word_groups.push(word.to_owned(), groups)
    }

    /// The persons of the names that hold one of `groups`, read in text order.
    fn persons_of(&mut self, groups: &[String]) -> People<'t> {
        let mut names = Vec::new();
        for group in groups {
            names.extend_from_slice(self.names_holding(group));
        }
        if groups.len() > 1 {
            names.sort_unstable_by_key(|(_, m)| m.start());
            names.dedup_by_key(|(_, m)| m.start());
        }
        let mut people = People::nobody(self.text, 0);
        for (hon, m) in names {
            people.note_person(hon, m, self.ascii);
        }
        people
    }

    /// The names of several words that hold `word`, found once.
    fn names_holding(&mut self, word: &str) -> &[NameRead<'t>] {
        let k = match self.holding.position(word) {
            Some(k) => k,
            None => {
                let names = self.find_names_holding(word);
                self.holding.push(word.to_owned(), names)
            }
        };
        &self.holding.entries[k].1
    }

    /// The names of several words that hold `word`, in text order: found around its places in
    /// the text ([`names_holding`]) for the first [`SCANS_BEFORE_INDEX`] words, and then in the
    /// index of every name ([`NameIndex`]), which finds the same ones, read at the first need.
    fn find_names_holding(&mut self, word: &str) -> Vec<NameRead<'t>> {
        if self.scans < SCANS_BEFORE_INDEX || word.contains(char::is_whitespace) {
            self.scans += 1;
            let mut names = Vec::new();
            names_holding(self.text, word, self.ascii, &mut names);
            return names;
        }
        let (text, ascii) = (self.text, self.ascii);
        self.index
            .get_or_insert_with(|| NameIndex::of(text, ascii))
            .names_holding(word)
    }
}

/// Values by word, in the order noted: searched in order while few, as in most articles; found
/// by a hash map past [`FEW_NAMES`], as on a page of thousands of quotes.
#[derive(Debug)]
struct Noted<V> {
    /// The words and their values.
    entries: Vec<(String, V)>,
    /// The index of each word in `entries`, once there are more than [`FEW_NAMES`].
    by_word: HashMap<String, usize>,
}

impl<V> Default for Noted<V> {
    fn default() -> Self {
        Noted {
            entries: Vec::new(),
            by_word: HashMap::default(),
        }
    }
}

impl<V> Noted<V> {
    /// The index of `word` in `entries`, if noted.
    fn position(&self, word: &str) -> Option<usize> {
        if self.by_word.is_empty() {
            return self.entries.iter().position(|(w, _)| w == word);
        }
        self.by_word.get(word).copied()
    }

    /// Notes `word`, not noted yet, with `value`: its index in `entries`.
    fn push(&mut self, word: String, value: V) -> usize {
        let k = self.entries.len();
        if k >= FEW_NAMES {
            if self.by_word.is_empty() {
                self.by_word
                    .extend(self.entries.iter().enumerate().map(|(k, (w, _))| (w.clone(), k)));
            }
            self.by_word.insert(word.clone(), k);
        }
        self.entries.push((word, value));
        k
    }
}

/// Keeps the first place of each item of `items`, in order: searched in order while few, as
/// most are; hashed past [`FEW_NAMES`].
fn firsts_only(items: &mut Vec<String>) {
    if items.len() > FEW_NAMES {
        let mut seen = FxHashSet::default();
        items.retain(|item| seen.insert(item.clone()));
        return;
    }
    let mut kept = 0;
    for i in 0..items.len() {
        if !items[..kept].contains(&items[i]) {
            items.swap(kept, i);
            kept += 1;
        }
    }
    items.truncate(kept);
}

/// Every name of several words of a text, as [`names_of_several_words`] reads it, found by the
/// bytes of its words: [`names_holding`] around the places of a word finds the names read
/// whole that hold it, and a word with no white space stands in a name only within one of its
/// words. The distinct words are joined, each followed by a space, and the places in them
/// sorted by the bytes from there on: those where the word asked stands are together.
#[derive(Debug)]
struct NameIndex<'t> {
    /// The names, with their honorifics, in text order.
    names: Vec<NameRead<'t>>,
    /// The distinct words of the names (split at white space), each followed by a space.
    words: Vec<u8>,
    /// Where each word starts in `words`, in order.
    starts: Vec<usize>,
    /// The names that each word stands in, as indices of `names` in order.
    names_of: Vec<Vec<usize>>,
    /// The offsets of `words`, sorted by the bytes from each on ([`sorted_suffixes`]).
    suffixes: Vec<usize>,
}

impl<'t> NameIndex<'t> {
    /// The names of several words of `text` (ASCII if `ascii`), indexed.
    fn of(text: &'t str, ascii: bool) -> NameIndex<'t> {
        let (bytes, mut from) = (text.as_bytes(), 0);
        let next_capital = |from| next_name_capital_up_to(bytes, from, usize::MAX, ascii);
        // As `names_of_several_words` reads them, without calling it or `next_name_capital`: the
        // whole reading calls them alone, which inlines them.
        let names: Vec<NameRead<'t>> =
            std::iter::from_fn(|| next_name_of_several_words(text, &mut from, next_capital)).collect();
        let mut ids: HashMap<&str, usize> = HashMap::default();
        let (mut words, mut starts, mut names_of) = (Vec::new(), Vec::new(), Vec::<Vec<usize>>::new());
        for (i, (_, m)) in names.iter().enumerate() {
            for word in m.as_str().split_whitespace() {
                let id = *ids.entry(word).or_insert_with(|| {
                    starts.push(words.len());
                    words.extend_from_slice(word.as_bytes());
                    words.push(b' ');
                    names_of.push(Vec::new());
                    names_of.len() - 1
                });
                if names_of[id].last() != Some(&i) {
                    names_of[id].push(i);
                }
            }
        }
        let suffixes = sorted_suffixes(&words);
        NameIndex {
            names,
            words,
            starts,
            names_of,
            suffixes,
        }
    }

    /// The names that hold `word`, which holds no white space, in text order.
    fn names_holding(&self, word: &str) -> Vec<NameRead<'t>> {
        let word = word.as_bytes();
        if word.is_empty() {
            return Vec::new();
        }
        let from = self.suffixes.partition_point(|&s| &self.words[s..] < word);
        let places = self.suffixes[from..]
            .iter()
            .take_while(|&&s| self.words[s..].starts_with(word));
        let word_at = |s: usize| self.starts.partition_point(|&start| start <= s) - 1;
        let mut held: Vec<usize> = places.flat_map(|&s| &self.names_of[word_at(s)]).copied().collect();
        held.sort_unstable();
        held.dedup();
        held.into_iter().map(|i| self.names[i]).collect()
    }
}

/// The offsets of `bytes`, sorted by the bytes from each on (a suffix array): by prefix
/// doubling, each round sorting by the ranks of the first half and the second half of twice as
/// many bytes, until the ranks are distinct; O(n log² n) at worst.
fn sorted_suffixes(bytes: &[u8]) -> Vec<usize> {
    let n = bytes.len();
    let mut order: Vec<usize> = (0..n).collect();
    if n == 0 {
        return order;
    }
    let mut rank: Vec<usize> = bytes.iter().map(|&b| usize::from(b)).collect();
    let mut next = vec![0; n];
    let mut width = 1;
    loop {
        // A suffix that ends within the first half sorts before those that go on.
        let key = |i: usize| (rank[i], rank.get(i + width).map_or(0, |r| r + 1));
        order.sort_unstable_by_key(|&i| key(i));
        next[order[0]] = 0;
        for j in 1..n {
            next[order[j]] = next[order[j - 1]] + usize::from(key(order[j - 1]) != key(order[j]));
        }
        std::mem::swap(&mut rank, &mut next);
        if rank[order[n - 1]] == n - 1 {
            return order;
        }
        width *= 2;
    }
}

/// Whether `word` stands in `bytes` (short: a name).
fn holds(bytes: &[u8], word: &[u8]) -> bool {
    bytes.len() >= word.len() && bytes.windows(word.len()).any(|w| w == word)
}

/// The last word of the person the name `written` names when read, if it names one: the
/// group that reading it reads and changes ([`People::note_person`]).
fn group_of(written: &str) -> Option<String> {
    if surely_org_name(written) {
        return None;
    }
    let (name, _) = person_named(written)?;
    name.split_whitespace().next_back().map(str::to_owned)
}

/// Whether the byte at `k` of `bytes` stands in no name that [`full_name_at`] reads, honorific
/// included. A name is letters, spaces, apostrophes, hyphens, ampersands, straight quotation
/// marks (around a nickname), bytes outside ASCII and periods; and a period only after an
/// initial ("J.", "Ed.") or an honorific or prefix ("Mrs.", "Capt."): after a word that starts
/// with a capital. A period after a lower-case ASCII word (a sentence's end) is in none.
fn stands_in_no_name(bytes: &[u8], k: usize) -> bool {
    // (a byte other than a period told by one lookup: the test is asked of every byte back from
    // a place of a name's word to the last that stands in none)
    match NAME_BYTES[usize::from(bytes[k])] {
        NameByte::May => false,
        NameByte::Never => true,
        NameByte::Period => {
            let word = bytes[..k].iter().rev().take_while(|b| b.is_ascii_lowercase()).count();
            word > 0
                && bytes
                    .get(k.wrapping_sub(word + 1))
                    .is_none_or(|b| b.is_ascii() && !b.is_ascii_alphabetic())
        }
    }
}

/// What a byte tells of whether it stands in a name ([`stands_in_no_name`]).
#[derive(Clone, Copy, PartialEq, Debug)]
enum NameByte {
    /// It may stand in one: a letter, a space, `&`, `'`, `-`, `"`, or a byte outside ASCII.
    May,
    /// It stands in none: any other ASCII byte but the period.
    Never,
    /// A period, which stands in a name only after an initial, an honorific or a prefix.
    Period,
}

/// The [`NameByte`] of each byte.
static NAME_BYTES: [NameByte; 256] = name_bytes();

const fn name_bytes() -> [NameByte; 256] {
    let mut out = [NameByte::May; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        let in_name = byte.is_ascii_alphabetic() || matches!(byte, b'\t'..=b'\r' | b' ' | b'&' | b'\'' | b'-' | b'"');
        out[b] = if byte == b'.' {
            NameByte::Period
        } else if in_name {
            NameByte::May
        } else {
            NameByte::Never
        };
        b += 1;
    }
    out
}

/// Adds to `names` the names of several words that [`names_of_several_words`] reads in `text`
/// (ASCII if `ascii`) and whose text holds `word`, read only around the places `word` stands
/// at. A name read holds no byte that [`stands_in_no_name`], so after such a byte the reading
/// of the whole text is at rest: no name it read runs on past it, and it reads from the next
/// capital on what a reading started there reads. A name that holds `word` at `at` is read
/// from a capital after the last such byte before `at`, and no later than `at`.
fn names_holding<'t>(text: &'t str, word: &str, ascii: bool, names: &mut Vec<NameRead<'t>>) {
    let Some(&first) = word.as_bytes().first() else {
        return;
    };
    let bytes = text.as_bytes();
    // A word's first byte, a capital most often, is found without setting up a searcher for
    // the word; but a letter outside ASCII starts with a byte that most of its script share.
    // Every place counts, those inside an earlier place too ("Ан-Ан" twice in "яАн-Ан-Ан"), as
    // in the index of the names (`NameIndex`) that answers past a few words.
    let places: Box<dyn Iterator<Item = usize>> = if first.is_ascii() {
        Box::new(memchr::memchr_iter(first, bytes).filter(|&at| bytes[at..].starts_with(word.as_bytes())))
    } else {
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        Box::new(std::iter::successors(finder.find(bytes), move |&at| {
            finder.find(&bytes[at + 1..]).map(|k| at + 1 + k)
        }))
    };
    // Every capital before `from` has been read from (or passed by) as the whole text is.
    let mut from = 0;
    for at in places {
        if at < from {
            continue;
        }
        from = (from..at)
            .rev()
            .find(|&k| stands_in_no_name(bytes, k))
            .map_or(from, |k| k + 1);
        let next_capital = |from| next_name_capital_up_to(bytes, from, at, ascii);
        while let Some((hon, name)) = next_name_of_several_words(text, &mut from, next_capital) {
            // A name read here holds no place of `word` before `at`: those were read about.
            let rest = bytes.get(name.start().max(at)..name.end()).unwrap_or_default();
            if holds(rest, word.as_bytes()) {
                names.push((hon, name));
            }
        }
    }
}

/// Whether no person that `text` names can be called by a longer name that ends with a space
/// and `name`, a name of several words (`false` for a name of fewer; `false` tells nothing):
/// then [`People::by_name`] of `name`, at any offset, finds the person called `name` or
/// nobody, however the persons are read, as only [`People::by_surnames`] finds another. Told
/// without reading a name: such a person's name would hold a word before the first word of
/// `name` ([`no_name_word_before_any`]).
pub(super) fn nobody_longer_called(text: &str, name: &str) -> bool {
    first_of_several_words(name).is_some_and(|first| no_name_word_before_any(text, first))
}

/// The first word of `name` when it has several (split at white space, as
/// [`str::split_whitespace`] splits it). An ASCII name (most) is read by its bytes, where the
/// split decoded each character of the name from both ends: ASCII white space is the ASCII
/// bytes of `\s`.
fn first_of_several_words(name: &str) -> Option<&str> {
    if !name.is_ascii() {
        let mut words = name.split_whitespace();
        return words.next().filter(|_| words.next_back().is_some());
    }
    let bytes = name.as_bytes();
    let start = bytes.iter().position(|&b| !is_ascii_space(b))?;
    let end = start + bytes[start..].iter().position(|&b| is_ascii_space(b))?;
    bytes[end..]
        .iter()
        .any(|&b| !is_ascii_space(b))
        .then(|| &name[start..end])
}

/// The last word of `name` (split at white space, as [`str::split_whitespace`] splits it),
/// and whether a word stands before it. An ASCII name (most) is read by its bytes from the end,
/// where the split decoded its characters.
pub(super) fn last_name_word(name: &str) -> Option<(&str, bool)> {
    if !name.is_ascii() {
        let mut words = name.split_whitespace();
        let last = words.next_back()?;
        return Some((last, words.next().is_some()));
    }
    let bytes = name.as_bytes();
    let end = bytes.iter().rposition(|&b| !is_ascii_space(b))? + 1;
    let start = bytes[..end]
        .iter()
        .rposition(|&b| is_ascii_space(b))
        .map_or(0, |k| k + 1);
    let several = bytes[..start].iter().any(|&b| !is_ascii_space(b));
    Some((&name[start..end], several))
}

/// Whether no person's name that `text` gives can hold a word right before `word` (`false`
/// tells nothing): no word of a name read there can stand before any place of `word`, with
/// only spaces between ([`no_name_word_before`]). A person is called by the words of one name
/// read ([`person_named`] only drops its first words, a title and nicknames, and may cut its
/// first word short), or by the name of a person read before; and such a word stands before
/// the next word of the name, with only spaces between, or with a nickname.
fn no_name_word_before_any(text: &str, word: &str) -> bool {
    let (bytes, word) = (text.as_bytes(), word.as_bytes());
    memchr::memchr_iter(word[0], bytes)
        .filter(|&at| bytes[at..].starts_with(word))
        .all(|at| no_name_word_before(bytes, at))
}

/// [`nobody_longer_called`] asked of one text about many names: the first
/// [`ASKS_BEFORE_INDEX`] asks look at every place of the name's first word, a pass over the
/// text each, and the later ones in the index of the places that may follow a word of a name
/// ([`PlacesAfterNameWords`]), read at the first need: a page of thousands of quotes, each
/// credited by a name with a role, asks as many, most often about another first word.
#[derive(Debug)]
pub(super) struct LongerNames<'t> {
    /// The article.
    text: &'t str,
    /// How many names were asked about.
    asked: usize,
    /// The places that may follow a word of a name, read once `asked` reached
    /// [`ASKS_BEFORE_INDEX`].
    index: Option<PlacesAfterNameWords<'t>>,
}

/// How many names [`LongerNames`] asks about by a pass over the text each before it indexes
/// the places that may follow a word of a name: most articles ask about a few, and the index
/// would cost them more than the passes.
const ASKS_BEFORE_INDEX: usize = 32;

impl<'t> LongerNames<'t> {
    /// Nothing asked yet of `text`.
    pub fn of(text: &'t str) -> LongerNames<'t> {
        LongerNames {
            text,
            asked: 0,
            index: None,
        }
    }

    /// [`nobody_longer_called`] of `name` in the text.
    pub fn nobody_longer_called(&mut self, name: &str) -> bool {
        let Some(first) = first_of_several_words(name) else {
            return false;
        };
        if self.asked < ASKS_BEFORE_INDEX {
            self.asked += 1;
            return no_name_word_before_any(self.text, first);
        }
        let text = self.text;
        let index = self.index.get_or_insert_with(|| PlacesAfterNameWords::of(text));
        !index.any_starts_with(first.as_bytes())
    }
}

/// The places of a text where a word of a name may stand right before ([`no_name_word_before`]
/// tells nothing of them), sorted by their heads: the bytes from each up to the next ASCII space
/// or [`HEAD_BYTES`] on. A word with no white space stands at one of them when it starts the
/// head of one (if longer than [`HEAD_BYTES`], its first bytes do, and the rest of the text
/// tells). A place after an ASCII byte that is no space is none, and so a place inside a run
/// of spaces would follow a space only: only the places a word may start at are kept.
#[derive(Debug)]
struct PlacesAfterNameWords<'t> {
    /// The text.
    bytes: &'t [u8],
    /// The heads of the places, sorted.
    heads: Vec<(usize, usize)>,
}

/// How many bytes from a place [`PlacesAfterNameWords`] sorts it by, at most.
const HEAD_BYTES: usize = 64;

impl<'t> PlacesAfterNameWords<'t> {
    /// The places of `text` that may follow a word of a name.
    fn of(text: &'t str) -> PlacesAfterNameWords<'t> {
        let bytes = text.as_bytes();
        let mut heads: Vec<(usize, usize)> = (1..bytes.len())
            .filter(|&at| {
                let (before, first) = (bytes[at - 1], bytes[at]);
                // A word starts with a character, and with no space.
                let may_start_word = !is_ascii_space(first) && !(0x80..0xc0).contains(&first);
                may_start_word && (!before.is_ascii() || is_ascii_space(before)) && !no_name_word_before(bytes, at)
            })
            .map(|at| {
                let most = &bytes[at..bytes.len().min(at + HEAD_BYTES)];
                (
                    at,
                    at + most.iter().position(|&b| is_ascii_space(b)).unwrap_or(most.len()),
                )
            })
            .collect();
        heads.sort_unstable_by(|&(a, a_end), &(b, b_end)| bytes[a..a_end].cmp(&bytes[b..b_end]));
        PlacesAfterNameWords { bytes, heads }
    }

    /// Whether `word`, with no white space, stands at one of the places.
    fn any_starts_with(&self, word: &[u8]) -> bool {
        let key = &word[..word.len().min(HEAD_BYTES)];
        let head = |&(at, end): &(usize, usize)| &self.bytes[at..end];
        let from = self.heads.partition_point(|h| head(h) < key);
        self.heads[from..]
            .iter()
            .take_while(|h| head(h).starts_with(key))
            .any(|&(at, _)| self.bytes[at..].starts_with(word))
    }
}

/// The person [`People::by_name`] of the whole reading finds for the last word of `name`, a
/// name of several words, at `at`, and their role, told without reading every name (`None`
/// tells nothing): the person called `name`, when they are the only one with that word in
/// their name, and their role is read where they are first named. So it is when nobody can be
/// called by a longer name ending with `name` ([`nobody_longer_called`]), and each place of the
/// word in `text` that is the word of a name ([`name_ends_after`]) either ends a place of
/// `name` read whole ([`full_name_at`]), or follows no word of a name
/// ([`no_name_word_before`]): a name of one word, which is no person. The first place of
/// `name`, before `at`, then registers the person with the role read there (a later reading
/// keeps it), if there is one. `alone` tells that [`nobody_longer_called`] of `name` was
/// found to hold already (a speaker credited by the name at the cue), which is not asked
/// again then.
pub(super) fn person_by_last_word<'t>(
    text: &'t str,
    name: &str,
    at: usize,
    ascii: bool,
    alone: bool,
) -> Option<Cow<'t, str>> {
    let (word, _) = last_name_word(name)?;
    let lead = name.strip_suffix(word)?.as_bytes();
    // A period after a word of three ASCII letters or more ends it, and the name.
    if lead.is_empty() || word.len() < 3 || !word.is_ascii() || !(alone || nobody_longer_called(text, name)) {
        return None;
    }
    let bytes = text.as_bytes();
    let mut first = None;
    for p in memchr::memchr_iter(word.as_bytes()[0], bytes).filter(|&p| bytes[p..].starts_with(word.as_bytes())) {
        let end = p + word.len();
        // Within a longer word ("McCastro", "Castro's"), which is another word of a name.
        let joined = |b: u8| is_word_byte(b) || matches!(b, b'\'' | b'-' | b'&');
        if p.checked_sub(1).is_some_and(|k| joined(bytes[k])) || bytes.get(end).is_some_and(|&b| joined(b)) {
            continue;
        }
        if !name_ends_after(bytes, end) {
            return None;
        }
        let start = p.checked_sub(lead.len()).filter(|&s| &bytes[s..p] == lead);
        match start {
            Some(s) if s == 0 || bytes[s - 1].is_ascii() && !joined(bytes[s - 1]) => {
                first.get_or_insert(s);
            }
            Some(_) => return None,
            None if no_name_word_before(bytes, p) => {}
            None => return None,
        }
    }
    let start = first.filter(|&s| s < at)?;
    let end = start + name.len();
    if full_name_at(bytes, start) != Some((start, end)) {
        return None;
    }
    let written = &text[start..end];
    if surely_org_name(written) {
        return None;
    }
    let (named, title) = person_named(written)?;
    if named != written {
        return None;
    }
    let m = Name {
        start,
        end,
        text: written,
    };
    role_where_named(text, m, window_before(text, start), title, ascii).0
}

/// Whether a name read in UTF-8 `bytes` through a word that ends at `end` ends there
/// ([`name_at`]), told by the bytes after it (`false` tells nothing): the text ends; or an
/// ASCII byte follows that is in no word of a name (no letter, apostrophe, hyphen or
/// ampersand: a period after a word of three letters or more is none, as the caller's words
/// are); or ASCII spaces and then an ASCII byte that starts no word of a name (no capital, no
/// mark of a nickname), or a whole word of lower-case ASCII letters that is no particle.
fn name_ends_after(bytes: &[u8], end: usize) -> bool {
    let Some(&next) = bytes.get(end) else {
        return true;
    };
    if !is_ascii_space(next) {
        return next.is_ascii() && !is_name_word_byte(next, true);
    }
    let from = end + bytes[end..].iter().take_while(|&&b| is_ascii_space(b)).count();
    let Some(&after) = bytes.get(from) else {
        return true;
    };
    if !after.is_ascii() || after.is_ascii_uppercase() || after == b'"' {
        return false;
    }
    let letters = bytes[from..].iter().take_while(|b| b.is_ascii_lowercase()).count();
    letters == 0 || !PARTICLE_WORDS.holds(&bytes[from..from + letters])
}

/// Whether no word of a name read in UTF-8 `bytes` ([`name_at`]) can stand right before a
/// word of the name that starts at `at`, with only spaces or a nickname between (`false`
/// tells nothing). The words of a name are split at white space; each ends with a letter, an
/// apostrophe, a hyphen, an ampersand, a period or a closing mark; one that starts in lower
/// case is a particle, with no period (the first starts with a capital); and one that ends
/// with a period is an initial of one or two letters ("F.", "Ed.") or "St.": an honorific or
/// prefix ("Mrs.", "Capt.") opens a name but is no word of it ([`full_name_at`]).
/// So none does when nothing but spaces stands before `at`; or a byte that is no space does (a
/// word of the name starts at `at` only as its first); or the ASCII spaces before `at` follow
/// an ASCII byte that ends no word of a name, or a whole word of lower-case ASCII letters, with
/// a period or not, that is no particle, or a whole word of three ASCII letters or more and a
/// period (a sentence's end: "the United States."), or a straight quotation mark after an
/// ASCII byte that ends no nickname (a nickname in marks is a capital and letters: a quote
/// closed before `at`).
fn no_name_word_before(bytes: &[u8], at: usize) -> bool {
    let Some(&before) = at.checked_sub(1).map(|k| &bytes[k]) else {
        return true;
    };
    if !before.is_ascii() {
        // maybe a space outside ASCII
        return false;
    }
    if !is_ascii_space(before) {
        return true;
    }
    let Some(end) = bytes[..at].iter().rposition(|&b| !is_ascii_space(b)) else {
        return true;
    };
    let last = bytes[end];
    if !last.is_ascii() {
        return false;
    }
    if !(is_name_word_byte(last, true) || matches!(last, b'.' | b'"')) {
        return true;
    }
    if last == b'"' {
        // A nickname's closing mark follows a letter, an apostrophe or a hyphen; this one
        // closes a quote (`it," Castro added`).
        let mark_of_nickname = end
            .checked_sub(1)
            .is_none_or(|k| !bytes[k].is_ascii() || is_name_word_byte(bytes[k], false));
        return !mark_of_nickname;
    }
    let letters_at = letters_ending_at(bytes, end);
    let (start, letters) = (letters_at.start, letters_at.len());
    let word = &bytes[letters_at];
    let whole = start == 0 || is_ascii_space(bytes[start - 1]);
    if letters == 0 || !whole {
        return false;
    }
    if word.iter().all(u8::is_ascii_lowercase) {
        return !PARTICLE_WORDS.holds(word);
    }
    // An honorific or prefix of three letters or more opens a name, and is no word of it; but a
    // name prefix after a title is kept ("Lt. Col. Grace Castro": the person is "Col. Grace
    // Castro").
    last == b'.' && letters >= 3 && !(NAME_PREFIX_WORDS.holds(word) && may_follow_a_title(&bytes[..start]))
}

/// Whether `bytes` may end with a title (an honorific or name prefix, with a period or not,
/// after ASCII spaces), or with a byte outside ASCII (maybe a space after one).
fn may_follow_a_title(bytes: &[u8]) -> bool {
    let Some(end) = bytes.iter().rposition(|&b| !is_ascii_space(b)) else {
        return false;
    };
    if !bytes[end].is_ascii() {
        return true;
    }
    let word = &bytes[letters_ending_at(bytes, end)];
    HONORIFIC_WORDS.holds(word) || NAME_PREFIX_WORDS.holds(word)
}

/// Where the ASCII letters of the word whose last byte is `bytes[end]` (a letter, or a period
/// after it, which is left out) stand; empty when there are none.
fn letters_ending_at(bytes: &[u8], end: usize) -> std::ops::Range<usize> {
    let letters_end = if bytes[end] == b'.' { end } else { end + 1 };
    let letters = bytes[..letters_end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    letters_end - letters..letters_end
}

/// Adds person `i` to the carriers of `part`, read in the name from `read_at` on.
fn carry<'t>(carriers: &mut NameMap<'t, Carriers>, part: Cow<'t, str>, read_at: usize, i: usize) {
    match carriers.get_mut(&part) {
        Some(c) => c.persons.push(i),
        None => carriers.insert_new(
            part,
            Carriers {
                since: read_at,
                persons: Indices::One(i),
            },
        ),
    }
}

/// The part of `name` that `pick` takes, borrowed from the text when `name` is.
fn part_of<'t>(name: &Cow<'t, str>, pick: impl Fn(&str) -> &str) -> Cow<'t, str> {
    match name {
        Cow::Borrowed(name) => Cow::Borrowed(pick(name)),
        Cow::Owned(name) => Cow::Owned(pick(name).to_owned()),
    }
}

/// Whether `full` ends with a space and `name`: `full.ends_with(&format!(" {name}"))`, without
/// the string.
fn ends_with_spaced(full: &str, name: &str) -> bool {
    full.strip_suffix(name).is_some_and(|rest| rest.ends_with(' '))
}

/// The mentions (sorted by offset) from `start` on.
fn from<T>(mentions: &[(usize, T)], start: usize) -> &[(usize, T)] {
    &mentions[mentions.partition_point(|m| m.0 < start)..]
}

/// Nouns that make "the <noun>" an organisation, not a person's title.
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "department",
    "agency",
    "court",
    "government",
    "ministry",
    "office",
    "report",
    "statement",
    "group",
    "administration",
    "bureau",
    "commission",
    "service",
    "website",
    "blog",
    "carrier",
    "organisation",
    "organization",
    "union",
    "network",
    "provider",
    "platform",
    "operator",
    "startup",
    "regulator",
    "watchdog",
    "newspaper",
    "magazine",
    "charity",
    "campaign",
    "coalition",
    "bank",
    "university",
    "foundation",
    "council",
];

fn gender_of_honorific(h: &str) -> Option<Gender> {
    match h {
        "Mr" | "Sir" | "Lord" => Some(Gender::Male),
        "Mrs" | "Ms" | "Dame" | "Lady" => Some(Gender::Female),
        _ => None,
    }
}

/// Female when the role holds "spokeswoman", "chairwoman", "businesswoman" or "congresswoman",
/// else male when it holds one of those words with "man": each "man" found once and the word
/// before it read, rather than eight substring searches. ("man" cannot overlap itself, so every
/// place it starts is a match a substring search finds; roles are short, and setting up a
/// searcher cost more than looking at each byte.)
fn gender_of_role(role: &str) -> Option<Gender> {
    if role.is_ascii() {
        return gender_of_ascii_role(role.as_bytes());
    }
    gender_of_role_lowered(role)
}

/// [`gender_of_role`] of an ASCII role, without lowering it into a new string: the lower case
/// of ASCII text is its ASCII lower case, compared byte by byte.
fn gender_of_ascii_role(role: &[u8]) -> Option<Gender> {
    const WORDS: [&str; 4] = ["spokes", "chair", "business", "congress"];
    let ends_with = |text: &[u8], word: &[u8]| {
        text.len() >= word.len() && text[text.len() - word.len()..].eq_ignore_ascii_case(word)
    };
    let mut male = false;
    // Each "man" starts at an "m" or "M", found by memchr rather than testing every byte.
    let starts = memchr::memchr2_iter(b'm', b'M', role)
        .filter(|&i| role.get(i..i + 3).is_some_and(|man| man.eq_ignore_ascii_case(b"man")));
    for i in starts {
        let before = &role[..i];
        if ends_with(before, b"wo") {
            let start = &before[..before.len() - 2];
            if WORDS.iter().any(|w| ends_with(start, w.as_bytes())) {
                return Some(Gender::Female);
            }
        }
        male |= WORDS.iter().any(|w| ends_with(before, w.as_bytes()));
    }
    male.then_some(Gender::Male)
}

/// [`gender_of_role`] of any role, lowered first.
fn gender_of_role_lowered(role: &str) -> Option<Gender> {
    const WORDS: [&str; 4] = ["spokes", "chair", "business", "congress"];
    let lower = role.to_lowercase();
    let mut male = false;
    let starts = (0..lower.len().saturating_sub(2)).filter(|&i| &lower.as_bytes()[i..i + 3] == b"man");
    for i in starts {
        let before = &lower.as_bytes()[..i];
        if let Some(start) = before.strip_suffix(b"wo") {
            if WORDS.iter().any(|w| start.ends_with(w.as_bytes())) {
                return Some(Gender::Female);
            }
        }
        male |= WORDS.iter().any(|w| before.ends_with(w.as_bytes()));
    }
    male.then_some(Gender::Male)
}

fn window_after(text: &str, at: usize) -> &str {
    let mut end = (at + CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

fn window_before(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(60);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`stands_in_no_name`] as written before its table: every byte value, after a lower-case
    /// word, a capital, a space and nothing, is told as it tells.
    #[test]
    fn bytes_in_no_name_by_the_table_are_those_by_the_byte_tests() {
        let by_tests = |bytes: &[u8], k: usize| match bytes[k] {
            b'.' => {
                let word = bytes[..k].iter().rev().take_while(|b| b.is_ascii_lowercase()).count();
                word > 0
                    && bytes
                        .get(k.wrapping_sub(word + 1))
                        .is_none_or(|b| b.is_ascii() && !b.is_ascii_alphabetic())
            }
            b => {
                b.is_ascii()
                    && !b.is_ascii_alphabetic()
                    && !is_ascii_space(b)
                    && !matches!(b, b'&' | b'\'' | b'-' | b'"')
            }
        };
        let mut never = 0;
        for b in 0..=255u8 {
            for before in [&b""[..], b"word", b" word", b"Mr", b"x J", b" ", b"\xC3\xA9t\xC3\xA9"] {
                let bytes = [before, &[b]].concat();
                let k = before.len();
                assert_eq!(stands_in_no_name(&bytes, k), by_tests(&bytes, k), "{bytes:?}");
                never += usize::from(by_tests(&bytes, k));
            }
        }
        assert!(never > 400, "{never}");
    }

    #[test]
    fn first_and_last_words_by_bytes_are_those_of_the_split() {
        fn by_split(name: &str) -> Option<&str> {
            let mut words = name.split_whitespace();
            let (first, last) = (words.next(), words.next_back());
            last.and(first)
        }
        let names = [
            "Grace Castro",
            "Lt. Col. Grace Castro",
            "Castro",
            "",
            " ",
            " Grace  Castro ",
            "Grace\tCastro",
            "Grace\x0BCastro",
            "Grace\x0CCastro\r\n",
            "Castro ",
            " Castro",
            "\tCastro\n",
            "Grace\u{a0}Castro",
            "José García",
            "José\u{2003}",
            "Zoë Castro-Díaz",
        ];
        let mut several = 0;
        for name in names {
            assert_eq!(first_of_several_words(name), by_split(name), "{name:?}");
            several += usize::from(by_split(name).is_some());
        }
        // names of several words and of one, with and without ASCII white space at either end
        assert!(several >= 8 && several < names.len(), "{several}");
        for name in names {
            let mut words = name.split_whitespace();
            let last = words.next_back().map(|w| (w, words.next().is_some()));
            assert_eq!(last_name_word(name), last, "{name:?}");
        }
    }

    #[test]
    fn roles_with_stand_ins_are_those_of_the_window_as_written() {
        super::super::hand::assert_stand_ins_alike(&role_then_verb_by_comma());
        super::super::hand::assert_stand_ins_alike(APPOSITION);
        let mut found = 0;
        for text in super::super::hand::texts_in_several_scripts(40) {
            for (i, _) in text.match_indices(',') {
                let after = window_after(&text, i);
                let stood_in = after
                    .chars()
                    .all(|c| c.is_ascii() || super::super::hand::STAND_INS.iter().any(|s| s.0 == c));
                for (pattern, name) in [(&*ROLE_THEN_VERB, "role"), (&*APPOSITION_AFTER_NAME, "apposition")] {
                    let by_pattern = pattern.captures(after).and_then(|c| c.name(name)).map(|m| m.as_str());
                    assert_eq!(
                        groups_of(pattern, after, [name]).and_then(|[g]| g),
                        by_pattern,
                        "{after:?}"
                    );
                    found += usize::from(stood_in && !after.is_ascii() && by_pattern.is_some());
                }
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn comma_phrases_read_by_hand_outside_ascii_are_what_the_patterns_read() {
        let combined = Pattern::new(&format!("{}|{APPOSITION}", role_then_verb())).unwrap();
        let long = |n: usize| format!(", {}, said", "é".repeat(n));
        let mut windows: Vec<String> = [
            ",é, said",
            ", é, said",
            ",  é, said",
            ",\u{a0}é, said",
            ",\u{a0}\u{a0}é.",
            ", \u{2003}é; said",
            ",\u{a0}’, said",
            ",’, said",
            ", ’x, said",
            ", ab, saidé",
            ", ab, said’",
            ", ab “c",
            ", ab«",
            ", aé “c, said",
            ", aé, «said",
            ",\u{a0}ab, said é",
            ", l’avocat, said",
            ", a spokesman for Müller,\u{a0}said",
        ]
        .map(str::to_owned)
        .to_vec();
        windows.extend([119, 120, 121].map(long));
        windows.extend([118, 119, 120].map(|n| format!(",\u{a0}\u{a0}{}é, said", "a".repeat(n))));
        for text in super::super::hand::texts_in_several_scripts(40) {
            for (i, _) in text.match_indices(',') {
                windows.push(window_after(&text, i).to_owned());
            }
        }
        let (mut phrases_outside_ascii, mut found) = (0, 0);
        for w in windows.iter().filter(|w| !w.is_ascii()) {
            let c = combined.captures(w);
            let verb = c.as_ref().is_some_and(|c| c.name("verb").is_some());
            let role = c
                .as_ref()
                .and_then(|c| c.name("role").or(c.name("apposition")))
                .map(|r| r.as_str());
            assert_eq!(after_name(w, false), (role, verb), "{w:?}");
            assert_eq!(verb_after_name(w, false), VERB_AFTER_NAME.is_match(w), "{w:?}");
            let end = stop_or_mark(w.as_bytes(), 1, b",;.");
            let outside = end.is_some_and(|end| !w[..end].is_ascii());
            phrases_outside_ascii += usize::from(w.starts_with(',') && outside);
            found += usize::from(outside && role.is_some());
        }
        // Many phrases after a comma on typeset pages have a character outside ASCII, read by
        // their characters.
        assert!(
            phrases_outside_ascii > 300 && found > 100,
            "{phrases_outside_ascii} {found}"
        );
    }

    #[test]
    fn searches_spared_around_names_are_searches_that_fail() {
        let mut windows: Vec<String> = [
            "",
            " ",
            ",",
            " of",
            " said",
            " saidé",
            " said—",
            " sa",
            " ofx",
            "\u{a0}said,",
        ]
        .map(str::to_owned)
        .to_vec();
        for text in super::super::hand::texts_in_several_scripts(40) {
            let bytes = text.as_bytes();
            // After and before every capitalised word, as the name readers take them.
            for (start, word) in capitalised_words(&text) {
                let end = start + word.len();
                windows.push(window_after(&text, end).to_owned());
                windows.push(window_before(&text, start).to_owned());
                if let Some(name_end) = full_name_at(bytes, start).map(|(_, end)| end) {
                    windows.push(window_after(&text, name_end).to_owned());
                }
            }
        }
        let (mut spared, mut found, mut outside_ascii) = (0, 0, 0);
        for w in &windows {
            let checks = [
                (
                    w.starts_with(',') || may_be_verb_after_name(w),
                    VERB_AFTER_NAME.is_match(w),
                ),
                (w.starts_with(','), APPOSITION_AFTER_NAME.is_match(w)),
                (w.trim_end().ends_with(','), ROLE_BEFORE.is_match(w)),
            ];
            for (may, is) in checks {
                assert!(may || !is, "{w:?}");
                spared += usize::from(!may);
                found += usize::from(is);
                outside_ascii += usize::from(!may && !w.is_ascii());
            }
        }
        assert!(
            spared > 20_000 && found > 1_000 && outside_ascii > 2_000,
            "{spared} {found} {outside_ascii}"
        );
    }

    #[test]
    fn gender_of_a_role_is_what_the_eight_words_say() {
        let by_words = |role: &str| {
            let lower = role.to_lowercase();
            let has = |words: [&str; 4]| words.iter().any(|w| lower.contains(w));
            if has(["spokeswoman", "chairwoman", "businesswoman", "congresswoman"]) {
                Some(Gender::Female)
            } else if has(["spokesman", "chairman", "businessman", "congressman"]) {
                Some(Gender::Male)
            } else {
                None
            }
        };
        for role in [
            "a Yahoo spokeswoman",
            "the company's chairman",
            "Spokesman",
            "CONGRESSWOMAN",
            "human rights head",
            "chairman and spokeswoman",
            "spokeswomanman",
            "woman",
            "man",
            "",
            "businessman, businesswoman",
            "chairperson",
            "spokesmen",
            "ex-chairman",
            "Chairwoman of the board",
            "superman",
            "SpokesWoMan of the Board",
            "BUSINESSMAN",
            "Ünternehmer and chairman",
            "the spokeswoman’s aide, née Smith",
            "İstanbul spokesman",
            "chairwo man",
            "wo",
            "ma",
        ] {
            assert_eq!(gender_of_role(role), by_words(role), "{role}");
            assert_eq!(gender_of_role_lowered(role), by_words(role), "{role}");
            if role.is_ascii() {
                assert_eq!(gender_of_ascii_role(role.as_bytes()), by_words(role), "{role}");
            }
        }
    }

    #[test]
    fn capitalised_words_by_hand_are_the_pattern_matches() {
        for text in [
            "Mr. O'Neil-Smith met McDonald and x-Ray, A B_C _Dee 9Ed Anti-Ray's -Lee 'Tom' E",
            "",
            "Z",
            "ab Cd",
            "O’Neil-Smith’s “Tom” ’Tis —Lee Anne\u{a0}Marie",
            UNICODE_NAMES,
        ] {
            let by_pattern: Vec<(usize, &str)> = WORD.find_iter(text).map(|w| (w.start(), w.as_str())).collect();
            assert_eq!(capitalised_words(text).collect::<Vec<_>>(), by_pattern, "{text}");
        }
    }

    /// Names in other scripts and with letters outside ASCII, and the characters near them that
    /// the Unicode classes of the patterns tell apart: a title-case letter (ǅ, not `\p{Lu}`),
    /// a Roman numeral and a circled letter (upper case, but not letters), combining accents
    /// and digits outside ASCII (word characters, but not letters).
    const UNICODE_NAMES: &str = "Émile Zola met José Núñez and Ángela Merkel-Müller; O’Brien-Ñandú said. \
        Мария Иванова сказала, что Пётр Петров и Dr. Žižek, Mr. Øystein Ødegaard, Ms. Łucja Wałęsa. \
        ǅemal Bijedić, Ⅻ Smith, Ⓐbc Def, Jose\u{301} Garci\u{301}a, e\u{301}Tom Hale, ٣Tom Smith, \
        Αλέξης Τσίπρας, 東京 Tanaka Taro, ÆØÅ Ærø, Tom “Ñandú” Ortiz, Éd. Smith, É. Smith, Mr.Émile, \
        Mr. Émile Ñ. Zola, de la Érnő Rubik, xÉmile Zola, Ǉubljana Łódź, Sen. Ōe Kenzaburō, ÉÉ";

    /// The groups `hon` and `name` of every match of [`FULL_NAME`], by a capture search.
    fn full_names_by_pattern(text: &str) -> Vec<(Option<&str>, usize, usize)> {
        FULL_NAME
            .captures_iter(text)
            .map(|c| {
                let name = c.name("name").unwrap();
                (c.name("hon").map(|h| h.as_str()), name.start(), name.end())
            })
            .collect()
    }

    fn full_names_by_hand(text: &str) -> Vec<(Option<&str>, usize, usize)> {
        full_names(text).map(|(h, n)| (h, n.start(), n.end())).collect()
    }

    /// `text` typeset, with no-break and thin spaces after honorifics too.
    fn typeset(text: &str) -> String {
        crate::gen::typeset(text)
            .replace("Mr. ", "Mr.\u{a0}")
            .replace("Ms ", "Ms\u{2009}")
    }

    #[test]
    fn full_names_by_hand_are_the_groups_a_capture_search_finds() {
        let texts = [
            "Mrs. Jane Doe said so, and Mr Hale agreed with Ms. Okafor.",
            "Judge de Souza ruled; Judge said nothing; Judge \"Bob\" Smith and Judge Ed. Smith did.",
            "Mr said, Dr. Ed. Smith, Sir  Elton John, Lady Gaga, Mr. and Mrs. Smith.",
            "Prof. Sen. Rep. Jane Roe, Gov.Jane Roe, Dame\tJudi Dench, Lord von der Leyen.",
            "Mrs. St. Vincent wrote to Dr. O'Neil-Smith and Mr. Al. Capone, St.Louis, St. louis.",
            "An AT&T spokesman, Mark Siegel, declined; a Yahoo spokeswoman,\x0bJane Roe, said.",
            "McDonald x-Ray A B_C _Dee 9Ed I. Q A& B&C Tom \"Tank\" Ortiz \"Tank\" Ortiz Tom \"tank\" Ortiz",
            "Ursula von der Leyen, Maria de la Cruz, Osama bin Laden, Ana de  van Dyke, Jo de, Jo de x",
            "One Two Three Four Five Six Seven. Mrs Mr. Dr. Mr.Smith Mr. smith Mr.  Jo. Jr. Sr Sen.Smith",
            "Lady. Lady.. Judge. Rep Rep. Rep.Roe Gov Go. G. A.B. C.D.E. Ab.Cd.",
            "Z",
            "",
            "end with Mr",
            "end with Mr.",
            "end with Dr. J",
        ];
        for text in texts {
            assert_eq!(full_names_by_hand(text), full_names_by_pattern(text), "{text}");
        }
        for text in [
            "Tom “Tank” Ortiz, Tom \"Tank” Ortiz, Tom “Tank\" Ortiz, Tom “tank” Ortiz, Tom “Tank Ortiz",
            "Dr. O’Neil-Smith — and Mr.\u{a0}Hale, Ms.\u{2009}Okafor, Jane\u{3000}Roe, Jane\u{85}Doe",
            "Ursula von\u{202f}der Leyen, Sir\u{2028}Elton John, ’Tis Tom’s “Ace” Hale",
            UNICODE_NAMES,
        ] {
            assert_eq!(full_names_by_hand(text), full_names_by_pattern(text), "{text}");
        }
    }

    #[test]
    fn full_names_by_hand_are_the_groups_a_capture_search_finds_in_the_corpus_and_generated_articles() {
        let mut texts = crate::gen::sample_texts(200);
        // Typeset as news sites print: curly quotes and apostrophes, dashes, no-break spaces.
        let typeset: Vec<String> = texts.iter().map(|t| typeset(t)).collect();
        texts.extend(typeset);
        assert!(texts.len() > 430);
        let mut names = 0;
        for text in &texts {
            let by_pattern = full_names_by_pattern(text);
            assert_eq!(full_names_by_hand(text), by_pattern);
            names += by_pattern.len();
        }
        assert!(names > 5_000, "{names}");
    }

    #[test]
    fn two_word_persons_are_what_cleaning_and_sorting_make_of_the_name() {
        // What `person_named` made of every name before two plain words were told at once.
        let by_steps = |written: &str| match named_by(&without_nickname(clean_name(written))) {
            Named::Person(name, title) => Some((name.to_owned(), title)),
            _ => None,
        };
        let texts = crate::gen::sample_texts_and_typeset(200);
        let mut names: Vec<String> = texts
            .iter()
            .flat_map(|t| full_names(t).map(|(_, m)| m.as_str().to_owned()).collect::<Vec<_>>())
            .collect();
        let words = [
            "The",
            "the",
            "THE",
            "A",
            "In",
            "Mr.",
            "Asked",
            "Yahoo's",
            "Jo’s",
            "Chief",
            "Executive",
            "VP",
            "Corp",
            "Corp.",
            "Inc",
            "Group",
            "States",
            "Jane",
            "Doe",
            "O'Neil",
            "\"Tank\"",
            "“Tank”",
            "Roe-Smith",
            "Émile",
            "",
            "x",
        ];
        for a in words {
            for b in words {
                for space in [" ", "  ", "\t", "\u{a0}", "\x0b"] {
                    names.push(format!("{a}{space}{b}"));
                    names.push(format!("{a}{space}{b} Roe"));
                    names.push(format!(" {a}{space}{b}"));
                }
            }
        }
        let (mut told, mut persons) = (0, 0);
        for name in &names {
            let by_steps = by_steps(name);
            if let Some(person) = two_word_person(name) {
                told += 1;
                persons += usize::from(person);
                assert_eq!(by_steps, person.then(|| (name.clone(), None)), "{name:?}");
            }
            let named = person_named(name).map(|(n, t)| (n.into_owned(), t));
            assert_eq!(named, by_steps, "{name:?}");
        }
        assert!(told > 1_500 && persons > 800, "{told} {persons}");
    }

    #[test]
    fn names_of_several_words_are_the_full_names_that_are_more_than_one_word() {
        let mut texts = crate::gen::sample_texts_and_typeset(200);
        texts.extend(super::super::hand::texts_in_several_scripts(40));
        texts.extend(
            [
                "Yahoo said. O'Neil said, O'Neil Smith said, O'Neil-Smith Jones, A&B Co said, A1 Smith, A Smith.",
                "Mr so, Mr. so, Mr Smith, Ed. Smith, E.J. Smith, Ed.Smith, St. Vincent, Jo de Souza, Jo da,",
                "Jo  Smith, Jo\tSmith, Jo \"Tank\" Ortiz, Jo “Tank” Ortiz, Jo\u{a0}Roe, Jo’s Roe, Jo-Ann Roe",
                "Jo van, Jo al, Jo bin Laden, Jo le Roy, Jo la, Jo du, Jo di, Jo Dé, Jo Émile, Jo! Roe, Jo",
                "Jo $ Roe, Jo 6 Roe, Jo , Roe, Jo ! Roe, Jo \" Roe, Jo ' Roe, Jo's Roe, Jo-' Roe, End Jo ",
                "Jo da Roe, Jo dan Roe, Jo de  Roe, Jo de\u{a0}Roe, Jo bin, Jo binary, Jo la. Jo al-Roe, Jo van.",
                "Roe. Smith. Mr. Roe, Mrs. Roe, Prof. Roe, Judge. Roe, Lady. Roe, St. Roe, Gov. Roe, Abc. Roe,",
                "Ed. Roe, Edw. Roe, E. Roe, Ab-. Roe, O'Neil. Roe, Lord. Roe, Sir. Roe, Sen. Roe, Dame. Roe.",
                "Deal with AT&T. John Smith said. Ex-Gov. Jerry Brown was there. Jean-P. Sartre wrote. S&P. Analysts",
                "Пётр\u{2003}Петров, Ён\u{3000}Ли, Åsa\u{85}Öberg, Ōe\u{1680}Kenzaburō, Ивan\u{a0}Пётр, Ярослав.",
                UNICODE_NAMES,
            ]
            .map(str::to_owned),
        );
        let (mut several, mut told, mut told_outside_ascii, mut one_word_outside_ascii) = (0, 0, 0, 0);
        for text in &texts {
            // The names passed by name nobody: whatever their script, once cleaned, they are
            // no person.
            for (_, m) in full_names(text) {
                let one = m.as_str().split_whitespace().nth(1).is_none();
                assert_eq!(is_one_word(m.as_str()), one, "{m:?}");
                assert!(!one || person_named(m.as_str()).is_none(), "{m:?}");
                one_word_outside_ascii += usize::from(one && !m.as_str().is_ascii());
            }
            let by_full_names: Vec<_> = full_names(text)
                .filter(|(_, m)| m.as_str().split_whitespace().nth(1).is_some())
                .map(|(h, m)| (h, m.start(), m.end()))
                .collect();
            let by_several: Vec<_> = names_of_several_words(text, false)
                .map(|(h, m)| (h, m.start(), m.end()))
                .collect();
            assert_eq!(by_several, by_full_names, "{text}");
            if text.is_ascii() {
                let by_several_in_ascii: Vec<_> = names_of_several_words(text, true)
                    .map(|(h, m)| (h, m.start(), m.end()))
                    .collect();
                assert_eq!(by_several_in_ascii, by_full_names, "{text}");
            }
            several += by_several.len();
            let bytes = text.as_bytes();
            for i in (0..bytes.len()).filter(|&i| next_word_capital(bytes, i) == Some(i)) {
                if surely_one_word(bytes, i) {
                    let name = full_name_at(bytes, i).map(|(start, end)| &text[start..end]);
                    if bytes[i].is_ascii() {
                        assert!(name.is_none_or(is_one_ascii_word), "{name:?} at {i} in {text}");
                    } else {
                        // A capital outside ASCII: a name of one word in any script, or none.
                        let one_word = |n: &str| n.split_whitespace().nth(1).is_none();
                        assert!(name.is_none_or(one_word), "{name:?} at {i} in {text}");
                        told_outside_ascii += 1;
                    }
                    told += 1;
                }
            }
        }
        assert!(
            several > 1_000 && told > 5_000 && told_outside_ascii > 500 && one_word_outside_ascii > 1_000,
            "{several} {told} {told_outside_ascii} {one_word_outside_ascii}"
        );
    }

    #[test]
    fn role_before_reads_the_group_a_capture_search_finds() {
        let texts = [
            "Mrs. Jane Doe said so, and Mr Hale agreed with Ms. Okafor.",
            "Judge de Souza ruled; Judge said nothing; Judge “Bob” Smith and Judge Ed. Smith did.",
            "Mr said, Dr. Ed. Smith, Sir  Elton John, Lady Gaga, Mr. and Mrs. Smith.",
            "Prof. Sen. Rep. Jane Roe, Gov.Jane Roe, Dame\u{a0}Judi Dench, Lord von der Leyen.",
            "Mrs. St. Vincent wrote to Dr. O’Neil-Smith and Mr. Al. Capone.",
            "An AT&T spokesman, Mark Siegel, declined; a Yahoo spokeswoman,\u{2003}Jane Roe, said.",
        ];
        for text in texts {
            for r in ROLE_BEFORE.captures_iter(text) {
                let whole = r.get(0).unwrap().as_str();
                assert_eq!(role_before(whole), r.name("role").map(|m| m.as_str()));
            }
        }
    }

    #[test]
    fn after_name_reads_what_the_combined_capture_search_reads() {
        let windows = [
            " said on Monday.",
            ", a spokesman, said the rules",
            ", a spokesman, declined to comment.",
            " of the American Civil Liberties Union told reporters",
            " of Acme said",
            " of acme said",
            "of Acme said",
            " offered said",
            " said",
            " saidx",
            "said",
            " \t said.",
            ", who founded it, said",
            " and others said",
            ", 45, wrote",
            ", Microsoft VP and Deputy General Counsel, noted",
            ",  an analyst at Gartner; he",
            "",
            ",x, said",
            ", a, said",
            ",   , said",
            ",\t two ,  said",
            ", an analyst. said",
            ", a spokesman,said",
            ", the \"boss\", said",
            ", a spokesman, saidx",
            ",  NINETEEN_CHARS_ROLE_, wrote",
            ", LONG, said",
            ", a Yahoo spokeswoman.",
            ", a Yahoo spokeswoman; x",
            ", ab\"c, d.",
            ",  x.",
            ", xy",
            ",",
        ];
        let combined = Pattern::new(&format!("{}|{APPOSITION}", role_then_verb())).unwrap();
        let long = [119, 120, 121].map(|n| format!(", {}, said", "r".repeat(n)));
        for w in windows.iter().copied().chain(long.iter().map(String::as_str)) {
            let c = combined.captures(w);
            let verb = c.as_ref().is_some_and(|c| c.name("verb").is_some());
            let role = c
                .as_ref()
                .and_then(|c| c.name("role").or(c.name("apposition")))
                .map(|r| r.as_str());
            for ascii in [false, w.is_ascii()] {
                assert_eq!(after_name(w, ascii), (role, verb), "{w:?}");
                assert_eq!(verb_after_name(w, ascii), VERB_AFTER_NAME.is_match(w), "{w:?}");
            }
        }
    }

    #[test]
    fn honorific_before_by_hand_is_what_the_pattern_finds() {
        let mut windows: Vec<String> = [
            "Mr ",
            "Mr. ",
            "Mr.  ",
            "Mr",
            "Mr.",
            "xMr ",
            "x Mr ",
            "éMr ",
            "é Mr\u{a0}",
            "_Mr ",
            "9Mr ",
            "Mrs.\t",
            "Ms\u{2009}",
            "Sir\u{3000}",
            "Dame\u{85}",
            "Lord\u{2028}",
            "Lady \u{202f}",
            "Lady.. ",
            "Lady .",
            "MrMr ",
            "Dr. ",
            "Judge ",
            "said Mr.\u{1680}",
            " Mr.\u{200b}",
            "Mr.\u{2000}\u{200a} ",
            "(Mr. ",
            "“Ms ",
            "Mr \u{a0}x ",
            "",
            " ",
            ". ",
            "Sir Mr ",
            "e\u{301}Mr ",
            "Ⓐ Mr ",
            "ΑMr ",
            "Mr.\u{e9} ",
            "Mr\u{2060} ",
        ]
        .map(str::to_owned)
        .to_vec();
        for h in ["Mr", "Mrs", "Ms", "Sir", "Dame", "Lord", "Lady", "Dr", "Mx"] {
            for before in ["", " ", "x", "é", "(", "said ", "_", "\u{301}"] {
                for after in [" ", ". ", ".\u{a0}", "\u{2009}", "", ".", " x", "s ", "..  "] {
                    windows.push(format!("{before}{h}{after}"));
                }
            }
        }
        for text in crate::gen::sample_texts(50) {
            let text = typeset(&text);
            for (i, _) in text.char_indices() {
                windows.push(window_before(&text, i).to_owned());
            }
        }
        let mut found = 0;
        for w in &windows {
            let by_pattern = HONORIFIC_BEFORE
                .find(w)
                .map(|h| h.as_str().trim_end().trim_end_matches('.'));
            assert_eq!(honorific_before(w), by_pattern, "{w:?}");
            found += usize::from(by_pattern.is_some());
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn organisations_noted_up_to_a_point_answer_as_all_do_up_to_it() {
        let texts = crate::gen::sample_texts_and_typeset(150);
        let mut answers = 0;
        for text in &texts {
            let all = People::find(text, usize::MAX, text.is_ascii());
            for until in [0, text.len() / 3, text.len() / 2, text.len()] {
                let some = People::find(text, until, text.is_ascii());
                assert_eq!(some.persons, all.persons);
                assert_eq!(some.mentions().at, all.mentions().at);
                for at in (0..=until).step_by(40) {
                    for back in [0, 100, 400, usize::MAX] {
                        let window_start = at.saturating_sub(back);
                        let answer = all.by_org_noun(window_start, at);
                        assert_eq!(some.by_org_noun(window_start, at), answer, "{at} {until} {text}");
                        answers += usize::from(answer.is_some());
                    }
                }
            }
        }
        assert!(answers > 1_000, "{answers}");
    }

    /// What [`People::find`] noted in its one pass before organisations and mentions were read
    /// on first need: the organisations (each single name judged against the name parts
    /// registered so far, no further), every mention, and each person's gender with the
    /// honorific of every mention written into it. With the persons it registered.
    fn noted_in_one_pass(text: &str, orgs_until: usize) -> OnePass<'_> {
        let mut people = People {
            text,
            orgs_until,
            ..People::default()
        };
        let ascii = text.is_ascii();
        let mut orgs = Vec::new();
        for (hon, m) in full_names(text) {
            let single = if let Some((name, org)) = one_word_name(m.as_str()) {
                if org && m.start() < orgs_until {
                    orgs.push((m.start(), name.to_owned()));
                    continue;
                }
                name.to_owned()
            } else {
                let cleaned = without_nickname(clean_name(m.as_str()));
                match named_by(&cleaned) {
                    Named::Org => {
                        if m.start() < orgs_until {
                            orgs.push((m.start(), cleaned.into_owned()));
                        }
                        continue;
                    }
                    Named::Person(..) => {
                        people.note_person(hon, m, ascii);
                        continue;
                    }
                    Named::Single(name) => name.to_owned(),
                }
            };
            let someones =
                people.by_part.contains_key(single.as_str()) || people.loose_by_surname.contains_key(single.as_str());
            let speaks = verb_after_name(window_after(text, m.end()), ascii);
            if m.start() < orgs_until && !someones && !single.is_empty() && speaks {
                orgs.push((m.start(), single));
            }
        }
        let mut mentions = people.registered.clone();
        if !people.by_part.is_empty() {
            for (start, word) in capitalised_words(text) {
                if let Some([i]) = people.by_part.get(word).map(|c| c.persons.as_slice()) {
                    mentions.push((start, *i));
                    let honorific = honorific_before(window_before(text, start));
                    let person = &mut people.persons[*i];
                    person.gender = person.gender.or(honorific.and_then(gender_of_honorific));
                }
            }
            mentions.sort_unstable();
            mentions.dedup_by_key(|m| m.0);
        }
        OnePass { orgs, mentions, people }
    }

    /// What [`noted_in_one_pass`] notes.
    struct OnePass<'t> {
        orgs: Vec<(usize, String)>,
        mentions: Vec<(usize, usize)>,
        people: People<'t>,
    }

    #[test]
    fn organisations_and_mentions_read_on_need_are_those_noted_in_one_pass() {
        let mut texts = crate::gen::sample_texts_and_typeset(200);
        texts.extend(
            [
                // A single name before, at and after the name part it becomes; speaking or not.
                "Hale said it would. Jane Hale said so. Hale said no. Mr. Hale agreed. Acme said yes.",
                "Dana Whitlock knew. Whitlock said it. Tom Ortiz, a spokesman, said so. Ortiz said no.",
                "Ms. Okafor said. Rita Okafor, the director, said. Okafor said. Mrs Okafor wrote. Ms Rita said.",
                "The Justice Department said. Justice said. The Acme Group said. Rita Lee said. Lee said.",
                "Jane Doe said. Jane said. Sir Jane said. Lord Doe said. John Doe said. Doe said. Jane said.",
                "Émile Zola a dit. Zola said. Mr. Émile Zola said. Mr Zola wrote. Zola said. “Ñandú” said.",
                "Ann Roe said \"x\" and Ann Roe-Smith said. Roe-Smith said. Mr. Roe said. Chief Roe said.",
                UNICODE_NAMES,
            ]
            .map(str::to_owned),
        );
        let (mut orgs, mut mentions, mut genders) = (0, 0, 0);
        for text in &texts {
            for until in [0, text.len() / 2, text.len()] {
                let one_pass = noted_in_one_pass(text, until);
                let people = People::find(text, until, text.is_ascii());
                let no_gender = |p: &Person| {
                    (
                        p.name.to_string(),
                        p.role.as_deref().map(str::to_owned),
                        p.first,
                        p.loose,
                    )
                };
                let persons: Vec<_> = people.persons.iter().map(no_gender).collect();
                assert_eq!(
                    persons,
                    one_pass.people.persons.iter().map(no_gender).collect::<Vec<_>>()
                );
                assert_eq!(people.registered, one_pass.people.registered, "{text}");
                assert_eq!(people.org_mentions(), one_pass.orgs, "{until} {text}");
                assert_eq!(people.mentions().at, one_pass.mentions, "{text}");
                let gender: Vec<_> = one_pass.people.persons.iter().map(|p| p.gender).collect();
                assert_eq!(people.mentions().gender, gender, "{text}");
                for p in &one_pass.people.persons {
                    for pronoun in ["he", "she", "it"] {
                        let by_gender = match pronoun {
                            "he" => p.gender != Some(Gender::Female),
                            "she" => p.gender != Some(Gender::Male),
                            _ => false,
                        };
                        assert_eq!(people.fits(p, pronoun), by_gender);
                    }
                }
                orgs += one_pass.orgs.len();
                mentions += one_pass.mentions.len() - one_pass.people.registered.len();
                genders += one_pass
                    .people
                    .persons
                    .iter()
                    .zip(&people.persons)
                    .filter(|(p, q)| p.gender != q.gender)
                    .count();
            }
        }
        assert!(
            orgs > 800 && mentions > 1_500 && genders >= 5,
            "{orgs} {mentions} {genders}"
        );
        // A single name is an organisation until it is someone's name part.
        let last = &texts[texts.len() - 8];
        let people = People::find(last, usize::MAX, last.is_ascii());
        let orgs: Vec<&str> = people.org_mentions().iter().map(|o| o.1.as_str()).collect();
        assert_eq!(orgs, ["Hale", "Acme"]);
    }

    /// Names whose persons share words, are named again with a role or by a shorter name
    /// ("St. Vincent"), first in passing, with nicknames and titles, and in long runs of
    /// words with no byte that ends a name.
    const SHARED_NAMES: [&str; 7] = [
        "Sarah St. Vincent knew. St. Vincent, a spokeswoman, said so. Vincent Hale said. Hale Vincent said.",
        "Smith Jones said it. John Smith knew it. John Smith, the director, said so. Smith said no. Jones said.",
        "Neema Singh Guliani spoke and Singh Guliani said so and Singh said and Guliani and Neema agreed",
        "Tom \"Tank\" Ortiz said it. Ortiz said. President Joe Biden said so. Biden and Joe Ortiz agreed. Joe said",
        "Mr. Lee said. Lee Lee said. Priya Lee, Yahoo's deputy general counsel, said. Lee said. Mr Priya Lee wrote",
        "Dana Whitlock opens the door and Whitlock says hello and Dana says no and Ann Dana said and Dana Ann said",
        "He met Capt. Ana Lopez. Lopez said. Dr. J. R. Ewing, a lawyer, said. Ewing said. Mrs. Ewing knew, e.g. Ewing \
         knew. Ed. Lopez said. Mrs. Ana Ewing said. Ana said.",
    ];

    /// The persons read from the names that hold a name's words ([`NamedPeople`]) are what the
    /// reading of every name tells of it, for every name of several words of the sample texts,
    /// the fixtures and some crafted ones, each of its words and its last two, before it, after
    /// it and anywhere: asked of one reading that grows question by question (the names that hold
    /// a word found around its places or in the index of every name), and of a new one.
    #[test]
    fn persons_read_from_the_names_that_hold_a_word_are_those_of_the_whole_text() {
        let mut texts = crate::gen::sample_texts_and_typeset(120);
        texts.extend(crate::gen::fixture_texts());
        texts.extend(super::super::hand::texts_in_several_scripts(40));
        texts.extend(SHARED_NAMES.map(str::to_owned));
        texts.push(UNICODE_NAMES.to_owned());
        // Articles run together name many persons, sharing names.
        texts.push(texts[..60].concat());
        let (mut asked, mut found, mut found_by_one_word) = (0, 0, 0);
        for text in &texts {
            let ascii = text.is_ascii();
            let all = People::find(text, text.len(), ascii);
            let mut growing = NamedPeople::nobody(text, ascii);
            // The names that hold each word found in the index of every name from the start.
            let mut indexed = NamedPeople::nobody(text, ascii);
            indexed.scans = SCANS_BEFORE_INDEX;
            for (_, m) in names_of_several_words(text, ascii) {
                let words: Vec<&str> = m.as_str().split_whitespace().collect();
                let last_two = words[words.len() - 2..].join(" ");
                let names = words.iter().copied().chain([m.as_str(), last_two.as_str()]);
                for name in names {
                    for at in [0, m.start(), m.end(), usize::MAX] {
                        let whole = all.by_name(name, at);
                        assert_eq!(growing.by_name(name, at), whole, "{name:?} at {at} in {text:?}");
                        assert_eq!(indexed.by_name(name, at), whole, "{name:?} at {at} in {text:?}");
                        asked += 1;
                        found += usize::from(whole.is_some());
                        found_by_one_word += usize::from(whole.is_some() && !name.contains(' '));
                    }
                    let mut new = NamedPeople::nobody(text, ascii);
                    assert_eq!(
                        new.by_name(name, m.end()),
                        all.by_name(name, m.end()),
                        "{name:?} in {text:?}"
                    );
                }
            }
        }
        assert!(
            asked > 60_000 && found > 20_000 && found_by_one_word > 6_000,
            "{asked} {found} {found_by_one_word}"
        );
    }

    /// Texts each naming a person called by a longer name that ends with a name of several
    /// words ("Grace Castro", "der Berg"), whose first word follows a word of the name after a
    /// byte that [`no_name_word_before`] must not pass: a rank after a title, a particle, a nickname, an initial, an
    /// apostrophe, a hyphen, an ampersand, a capital inside a word, a letter and spaces outside
    /// ASCII.
    const LONGER_NAMES: [&str; 18] = [
        "Vincent van der Berg said so.",
        "Lt. Col. Grace Castro said so.",
        "Det. Sgt. Grace Castro said so.",
        "Ed. Grace Castro said so.",
        "Ann Li. Grace Castro said so.",
        "St. Grace Castro said so.",
        "Joe van Grace Castro said so.",
        "Ann \"Jo\" Grace Castro said so.",
        "J. Grace Castro said so.",
        "DeLuca Grace Castro, a lawyer, said it.",
        "O' Grace Castro said so.",
        "Al-  Grace Castro said so.",
        "A&  Grace Castro said so.",
        "Zoë Grace Castro said so.",
        "Ann\u{a0}Grace Castro said so.",
        "Ann \u{2003}Grace Castro said so.",
        "Sarah St. Vincent knew. St. Vincent, a spokeswoman, said so.",
        "Mary Ann Lee said it, and Ann Lee said so.",
    ];

    /// Texts where [`no_name_word_before`] tells that nobody is called by a longer name ending
    /// with "Grace Castro": it follows a sentence's end, a word in lower case, punctuation, a
    /// digit.
    const TOLD_APART: [&str; 5] = [
        "The company. Grace Castro said so; Grace Castro, a lawyer, said it. \"Yes,\" said Grace Castro.",
        "The United States. Grace Castro said so. Ann Lee. Grace Castro: yes. Mrs. Grace Castro said so.",
        "Capt. Grace Castro said so. Prof. Grace Castro and Judge. Grace Castro, a lawyer, said it.",
        "\"We read it,\" said Grace Castro, a lawyer. (Grace Castro said so.) Grace Castro: yes.",
        "Grace Castro, a lawyer, said so.\n\nGrace Castro said it again, 42 Grace Castro.",
    ];

    /// The texts the name shortcuts are compared with the whole reading on: the sample texts, the
    /// fixtures, texts in several scripts, [`SHARED_NAMES`] and [`LONGER_NAMES`].
    fn texts_with_names() -> Vec<String> {
        let mut texts: Vec<String> = crate::gen::sample_texts_and_typeset(120);
        texts.extend(crate::gen::fixture_texts());
        texts.extend(super::super::hand::texts_in_several_scripts(40));
        texts.extend(SHARED_NAMES.map(str::to_owned));
        texts.extend(LONGER_NAMES.map(str::to_owned));
        texts
    }

    /// A name of several words that [`nobody_longer_called`] tells nobody is called by a longer
    /// name ending with is so: no person of the whole reading is, and [`People::by_name`] finds
    /// the person called so or nobody. Asked of every name of several words of the sample
    /// texts, the fixtures and some crafted ones, each of its last words, and the last words of
    /// the persons' names: it tells many so, and many persons are called by a longer name that
    /// ends with a name asked, in each of [`LONGER_NAMES`] (the test fails if one of its tests
    /// is dropped).
    #[test]
    fn nobody_is_called_by_a_longer_name_where_none_is_told() {
        let mut texts = texts_with_names();
        texts.extend(TOLD_APART.map(str::to_owned));
        texts.push(UNICODE_NAMES.to_owned());
        let (mut told, mut longer) = (0, 0);
        for text in &texts {
            let all = People::find(text, text.len(), text.is_ascii());
            let written = names_of_several_words(text, text.is_ascii()).map(|(_, m)| m.as_str().to_owned());
            let called = all.persons.iter().map(|p| p.name.to_string());
            let mut longer_here = 0;
            for full in written.chain(called) {
                let words: Vec<&str> = full.split_whitespace().collect();
                for k in 0..words.len() {
                    let name = words[k..].join(" ");
                    let someone_longer = all.persons.iter().any(|p| ends_with_spaced(&p.name, &name));
                    longer_here += usize::from(someone_longer);
                    if !nobody_longer_called(text, &name) {
                        continue;
                    }
                    told += 1;
                    assert!(!someone_longer, "{name:?} in {text:?}");
                    for at in [0, text.len() / 2, usize::MAX] {
                        let found = all.by_name(&name, at);
                        assert!(found.is_none_or(|p| p.name == name), "{name:?} at {at} in {text:?}");
                    }
                }
            }
            assert!(longer_here > 0 || !LONGER_NAMES.contains(&text.as_str()), "{text:?}");
            longer += longer_here;
        }
        for text in TOLD_APART {
            assert!(nobody_longer_called(text, "Grace Castro"), "{text:?}");
        }
        assert!(told > 3_000 && longer > 5_000, "{told} {longer}");
    }

    /// Texts where someone besides Grace Castro has "Castro" in their name, or may have, each
    /// told apart by one test of [`person_by_last_word`] (it tells nothing of them): a name
    /// that runs into hers ("MacGrace Castro"), a later word ("Castro Smith", "Castro van
    /// Dijk"), an earlier word ("Maria Castro"), a nickname (`"Jo" Castro`); and one where she
    /// is named after the place asked about.
    const OTHER_CASTROS: [&str; 6] = [
        "MacGrace Castro, a lawyer, said so. Grace Castro, a lawyer, said it. Castro added it.",
        "Grace Castro, a lawyer, said it. Castro Smith, an analyst, said so.",
        "Grace Castro, a lawyer, said it. Castro van Dijk, an analyst, said so.",
        "Maria Castro, a lawyer, said so. Grace Castro, an analyst, said it.",
        "Ann \"Jo\" Castro, a lawyer, said so. Grace Castro, an analyst, said it.",
        "\"We read it,\" Castro said. \"Yes,\" said Grace Castro, a lawyer. \"No,\" Castro added.",
    ];

    /// The person [`person_by_last_word`] tells for the last word of a name of several words is
    /// the one the whole reading finds ([`People::by_name`]), with the same role. Asked of
    /// every name of several words of the sample texts, the fixtures and [`OTHER_CASTROS`], of
    /// the persons' names, at places before, between and after the places of the word: it
    /// tells many, and nothing wrong of any of [`OTHER_CASTROS`] (the test fails if one of its
    /// tests is dropped).
    #[test]
    fn persons_told_by_a_last_word_are_those_of_the_whole_reading() {
        let mut texts = texts_with_names();
        texts.extend(OTHER_CASTROS.map(str::to_owned));
        let mut told = 0;
        for text in &texts {
            let ascii = text.is_ascii();
            let all = People::find(text, text.len(), ascii);
            let written = names_of_several_words(text, ascii).map(|(_, m)| m.as_str().to_owned());
            let called = all.persons.iter().map(|p| p.name.to_string());
            for name in written.chain(called) {
                let Some(word) = name.split_whitespace().next_back() else {
                    continue;
                };
                let places = text.match_indices(word).map(|(k, _)| k + word.len());
                for at in [0, text.len() / 2, text.len()].into_iter().chain(places) {
                    let Some(role) = person_by_last_word(text, &name, at, ascii, false) else {
                        continue;
                    };
                    told += 1;
                    let found = all.by_name(word, at);
                    assert_eq!(
                        found.map(|p| p.name.as_ref()),
                        Some(name.as_str()),
                        "{name:?} at {at} in {text:?}"
                    );
                    assert_eq!(
                        found.and_then(|p| p.role.as_deref()),
                        Some(role.as_ref()),
                        "{name:?} in {text:?}"
                    );
                }
            }
        }
        assert!(told > 1_000, "{told}");
        assert!(person_by_last_word(OTHER_CASTROS[5], "Grace Castro", usize::MAX, true, false).is_some());
    }

    #[test]
    fn name_maps_answer_as_hash_maps_do_with_few_names_and_with_many() {
        let mut texts = crate::gen::sample_texts(60);
        // Articles run together name many more persons than one does.
        texts.push(texts.concat());
        texts.push(UNICODE_NAMES.to_owned());
        let (mut few, mut many) = (0, 0);
        for text in &texts {
            let mut names: NameMap<Vec<usize>> = NameMap::default();
            let mut hashed: HashMap<Cow<str>, Vec<usize>> = HashMap::default();
            let mut indices: NameMap<Carriers> = NameMap::default();
            for (start, word) in capitalised_words(text) {
                assert_eq!(names.get(word), hashed.get(word), "{word}");
                assert_eq!(names.contains_key(word), hashed.contains_key(word));
                match (names.get_mut(word), hashed.get_mut(word)) {
                    (Some(a), Some(b)) => {
                        a.push(start);
                        b.push(start);
                    }
                    (None, None) => {
                        names.insert_new(Cow::Borrowed(word), vec![start]);
                        hashed.insert(Cow::Borrowed(word), vec![start]);
                    }
                    (a, b) => panic!("{word}: {a:?} {b:?}"),
                }
                carry(&mut indices, Cow::Borrowed(word), start, start);
                assert_eq!(
                    indices.get(word).map(|c| c.persons.as_slice()),
                    hashed.get(word).map(Vec::as_slice)
                );
                assert_eq!(names.is_empty(), hashed.is_empty());
                if names.many.is_empty() {
                    few += 1;
                } else {
                    assert!(names.few.is_empty());
                    many += 1;
                }
            }
            for word in hashed.keys() {
                assert_eq!(names.get(word), hashed.get(word));
                assert_eq!(indices.get(word).map(|c| c.since), hashed.get(word).map(|s| s[0]));
            }
        }
        assert!(few > 1_000 && many > 1_000, "{few} {many}");
        // The persons by full name, searched or hashed.
        let (mut searched, mut hashed) = (0, 0);
        for text in &texts {
            let people = People::find(text, usize::MAX, text.is_ascii());
            let by_name: HashMap<&str, usize> = people.persons.iter().enumerate().map(|(i, p)| (&*p.name, i)).collect();
            assert_eq!(by_name.len(), people.persons.len(), "the names are distinct");
            let capitalised = capitalised_words(text).map(|(_, w)| w);
            for name in full_names(text)
                .map(|(_, m)| m.as_str())
                .chain(capitalised)
                .chain(by_name.keys().copied())
            {
                assert_eq!(people.index_of(name), by_name.get(name).copied(), "{name}");
                if people.by_full.is_empty() {
                    searched += 1;
                } else {
                    hashed += 1;
                }
            }
        }
        assert!(searched > 1_000 && hashed > 1_000, "{searched} {hashed}");
    }

    #[test]
    fn last_words_the_part_filter_turns_away_have_no_carriers() {
        let (mut turned_away, mut carried) = (0, 0);
        for text in super::super::hand::texts_in_several_scripts(40) {
            let people = People::find(&text, text.len(), text.is_ascii());
            for (_, m) in full_names(&text) {
                let Some(last) = m.as_str().split_whitespace().next_back() else {
                    continue;
                };
                let carriers = people.by_part.get(last).is_some() || people.loose_by_surname.get(last).is_some();
                assert!(people.parts.may_hold(last) || !carriers, "{last:?}");
                turned_away += usize::from(!people.parts.may_hold(last));
                carried += usize::from(carriers);
            }
        }
        assert!(turned_away > 1_000 && carried > 1_000, "{turned_away} {carried}");
    }

    #[test]
    fn surname_tests_without_strings_are_those_with() {
        let names = [
            "Jane Doe",
            "Doe",
            "Jane Doe Doe",
            "Doe Doe",
            "Jane  Doe",
            "JaneDoe",
            "Ann",
            "",
            " ",
            "Jane Doé",
        ];
        for full in names {
            for name in names {
                let suffix = format!(" {name}");
                assert_eq!(
                    ends_with_spaced(full, name),
                    full.ends_with(&suffix),
                    "{full:?} {name:?}"
                );
                assert_eq!(offset_in(full, name), full.find(name).unwrap_or(0), "{full:?} {name:?}");
            }
        }
    }

    #[test]
    fn verb_before_a_name_by_hand_is_what_the_pattern_matches() {
        for w in [
            "the rules, said ",
            "said  ",
            "said",
            "unsaid ",
            "x_said ",
            "-said ",
            "Said ",
            "according to ",
            "according  to\t",
            "according to",
            "xaccording to ",
            "accordingto ",
            " according to ",
            "as he told ",
            "told reporters ",
            "",
            " ",
            "to ",
        ] {
            for ascii in [false, w.is_ascii()] {
                assert_eq!(verb_before(w, ascii), VERB_BEFORE.is_match(w), "{w:?}");
            }
        }
    }

    /// Texts made at random of pieces that start, end, join and run into names: capitals,
    /// particles, honorifics, initials, nicknames, marks, words in lower case, letters and spaces
    /// outside ASCII, names that hold another ("Smithson", "McSmith"), and a word outside ASCII
    /// that holds itself twice ("Ан-Ан" in "яАн-Ан-Ан").
    fn random_texts_with_names(count: usize, seed: u64) -> Vec<String> {
        const PIECES: [&str; 33] = [
            "Ann",
            "Lee",
            "Smith",
            "Smithson",
            "McSmith",
            "Ann-Lee",
            "O'Lee",
            "van",
            "der",
            "Mr.",
            "Dr.",
            "J.",
            "St.",
            "\"Jo\"",
            "said",
            "the",
            "Co.",
            "Inc",
            ",",
            ".",
            "said:",
            "é",
            "Zoë",
            "Ёлка",
            "\u{a0}",
            "&",
            "\n\n",
            "\"We",
            "Lt. Col.",
            "US",
            "Ан-Ан",
            "яАн-Ан-Ан",
            "Петров",
        ];
        let mut rng = crate::gen::Rng::new(seed);
        (0..count)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..rng.between(2, 30) {
                    let (piece, space): (&&str, &&str) = (rng.pick(&PIECES), rng.pick(&[" ", " ", " ", "", "  "]));
                    text.push_str(piece);
                    text.push_str(space);
                }
                text
            })
            .collect()
    }

    /// Every piece of each word of `text` (split at white space), once.
    fn pieces_of_words(text: &str) -> Vec<&str> {
        let mut pieces = Vec::new();
        for word in text.split_whitespace() {
            let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).chain([word.len()]).collect();
            for (k, &from) in bounds.iter().enumerate() {
                pieces.extend(bounds[k + 1..].iter().map(|&to| &word[from..to]));
            }
        }
        pieces.sort_unstable();
        pieces.dedup();
        pieces
    }

    /// The names that [`NameIndex`] finds holding a word are those that [`names_holding`] finds
    /// around its places, in the same order: asked of every piece of every word of random texts
    /// and crafted ones, and of every word of the sample texts and fixtures. Many are found, and
    /// many hold the word within a longer word ("Smith" in "Smithson").
    #[test]
    fn the_index_finds_the_names_found_around_the_places_of_a_word() {
        fn places<'t>(names: &[NameRead<'t>]) -> Vec<(Option<&'t str>, usize, usize)> {
            names.iter().map(|(hon, m)| (*hon, m.start(), m.end())).collect()
        }
        let mut texts = random_texts_with_names(1500, 47);
        texts.extend(SHARED_NAMES.map(str::to_owned));
        texts.extend(LONGER_NAMES.map(str::to_owned));
        texts.extend(OTHER_CASTROS.map(str::to_owned));
        texts.push(UNICODE_NAMES.to_owned());
        let crafted = texts.len();
        texts.extend(texts_with_names());
        let (mut asked, mut found, mut within) = (0, 0, 0);
        for (k, text) in texts.iter().enumerate() {
            let ascii = text.is_ascii();
            let index = NameIndex::of(text, ascii);
            let mut words = if k < crafted {
                pieces_of_words(text)
            } else {
                text.split_whitespace().collect()
            };
            words.sort_unstable();
            words.dedup();
            for word in words {
                let mut around = Vec::new();
                names_holding(text, word, ascii, &mut around);
                assert_eq!(
                    places(&index.names_holding(word)),
                    places(&around),
                    "{word:?} in {text:?}"
                );
                asked += 1;
                found += usize::from(!around.is_empty());
                within += usize::from(
                    around
                        .iter()
                        .any(|(_, m)| !m.as_str().split_whitespace().any(|w| w == word)),
                );
            }
        }
        assert!(
            asked > 50_000 && found > 10_000 && within > 5_000,
            "{asked} {found} {within}"
        );
    }

    /// [`sorted_suffixes`] sorts the offsets as a sort by the bytes from each on does: for
    /// random bytes of small alphabets, with long repeats.
    #[test]
    fn suffixes_are_sorted_by_their_bytes() {
        let mut rng = crate::gen::Rng::new(7);
        for _ in 0..3000 {
            let (len, letters) = (rng.below(70), rng.between(1, 4));
            let bytes: Vec<u8> = (0..len).map(|_| b'a' + rng.below(letters) as u8).collect();
            let mut by_bytes: Vec<usize> = (0..bytes.len()).collect();
            by_bytes.sort_by_key(|&i| &bytes[i..]);
            assert_eq!(sorted_suffixes(&bytes), by_bytes, "{bytes:?}");
        }
    }

    /// [`firsts_only`] keeps what the search of the items kept so far keeps, few or many.
    #[test]
    fn firsts_only_keeps_the_first_place_of_each() {
        let mut rng = crate::gen::Rng::new(9);
        for _ in 0..3000 {
            let items: Vec<String> = (0..rng.below(40)).map(|_| rng.below(30).to_string()).collect();
            let mut searched: Vec<String> = Vec::new();
            for item in &items {
                if !searched.contains(item) {
                    searched.push(item.clone());
                }
            }
            let mut kept = items.clone();
            firsts_only(&mut kept);
            assert_eq!(kept, searched, "{items:?}");
        }
    }

    /// [`NamedPeople::first_read_with`] finds the first persons read whole for every group
    /// asked, as a search of every persons read finds them: for random sets of groups, read or
    /// not.
    #[test]
    fn the_persons_read_with_groups_are_the_first_read_for_all_of_them() {
        let mut rng = crate::gen::Rng::new(11);
        let (mut found, mut missed) = (0, 0);
        for _ in 0..300 {
            let mut named = NamedPeople::nobody("", true);
            let mut read: Vec<Vec<String>> = Vec::new();
            for _ in 0..60 {
                let mut groups: Vec<String> = (0..rng.between(1, 4)).map(|_| rng.below(7).to_string()).collect();
                firsts_only(&mut groups);
                let searched = read.iter().position(|all| groups.iter().all(|g| all.contains(g)));
                assert_eq!(named.first_read_with(&groups), searched, "{groups:?} of {read:?}");
                found += usize::from(searched.is_some());
                missed += usize::from(searched.is_none());
                if searched.is_none() || rng.chance(0.3) {
                    named.note_read(groups.clone(), People::nobody("", 0));
                    read.push(groups);
                }
            }
        }
        assert!(found > 1_000 && missed > 1_000, "{found} {missed}");
    }

    /// [`PlacesAfterNameWords`] tells that a word stands at a place that may follow a word of a
    /// name when [`no_name_word_before_any`] does not hold of it, and [`LongerNames`] past its
    /// first asks tells what [`nobody_longer_called`] tells: asked of every piece of every word
    /// of random texts and crafted ones, of every word of the sample texts and fixtures, and of
    /// words longer than [`HEAD_BYTES`] that share their first bytes with others.
    #[test]
    fn the_index_of_places_after_name_words_tells_what_their_search_tells() {
        let long = format!("B{}", "b".repeat(HEAD_BYTES + 4));
        let mut texts = random_texts_with_names(1500, 48);
        texts.extend(LONGER_NAMES.map(str::to_owned));
        texts.extend(TOLD_APART.map(str::to_owned));
        texts.extend(SHARED_NAMES.map(str::to_owned));
        texts.push(format!("Ann {long} Lee said. {long}x Lee, Joe {long}y said. {long}"));
        texts.push(format!("Ask the {long} Lee, said {long}x Lee."));
        texts.push(format!("Ann {}c Lee. the {long} Lee", &long[..HEAD_BYTES + 2]));
        let crafted = texts.len();
        texts.extend(texts_with_names());
        let (mut asked, mut after_name_words, mut long_after_name_words) = (0, 0, 0);
        for (k, text) in texts.iter().enumerate() {
            let index = PlacesAfterNameWords::of(text);
            let mut longer = LongerNames::of(text);
            longer.asked = ASKS_BEFORE_INDEX;
            let mut words = if k < crafted {
                pieces_of_words(text)
            } else {
                text.split_whitespace().collect()
            };
            words.extend([long.as_str(), &long[..HEAD_BYTES], &long[..HEAD_BYTES + 1]]);
            words.sort_unstable();
            words.dedup();
            for word in words {
                let searched = no_name_word_before_any(text, word);
                assert_eq!(
                    index.any_starts_with(word.as_bytes()),
                    !searched,
                    "{word:?} in {text:?}"
                );
                let name = format!("{word} Castro");
                assert_eq!(
                    longer.nobody_longer_called(&name),
                    nobody_longer_called(text, &name),
                    "{name:?} in {text:?}"
                );
                asked += 1;
                after_name_words += usize::from(!searched);
                long_after_name_words += usize::from(!searched && word.len() > HEAD_BYTES);
            }
        }
        assert!(
            asked > 50_000
                && after_name_words > 5_000
                && asked - after_name_words > 20_000
                && long_after_name_words >= 2,
            "{asked} {after_name_words} {long_after_name_words}"
        );
    }
}
