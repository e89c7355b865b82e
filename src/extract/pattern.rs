//! [`Pattern`]: a regex compiled twice, as written and for ASCII text only.
//!
//! The extraction patterns are written with Unicode classes (`\p{Lu}`, `\p{L}`, `\s`, `\b`),
//! which compile to large automata: a name pattern is thousands of NFA states, and the
//! backtracker that resolves capture groups clears a visited table of (states × haystack
//! length) bits on every search. Most text is ASCII, and on an ASCII haystack a class can only
//! ever match its ASCII members; so each pattern is also compiled with every class cut down to
//! ASCII (and Unicode word boundaries made ASCII ones, which agree on ASCII text). The
//! structure of the pattern (its alternatives in order, greediness, groups) is unchanged, so on
//! an ASCII haystack the cut pattern finds the same matches and the same groups, with automata
//! a fraction of the size.
//!
//! A haystack with other characters uses the pattern as written, with three exceptions. The lazy
//! DFA cannot decide a Unicode word boundary (`\b`) next to a non-ASCII character, and gives
//! the whole search to the PikeVM, which is a hundred times slower: on real news text, full of
//! curly quotes and dashes, that was two thirds of all the work. But curly quotes and dashes are
//! not word characters, and on a haystack whose only non-ASCII characters are non-word ones, a
//! Unicode word boundary is exactly an ASCII one. So a pattern with Unicode word boundaries is
//! also compiled (on first need) with them made ASCII and its classes as written, and that copy
//! runs on such haystacks.
//!
//! Text with letters outside ASCII ("Müller", a page in Russian) cannot use that copy as it is,
//! because a boundary next to "é" differs. But many patterns can never match such a letter:
//! the period pattern matches ASCII letters, digits, spaces and dashes. For those, the copy runs
//! on a *masked* haystack, where each letter outside ASCII is replaced by as many `_` bytes as
//! it has: `_` is a word character, like the letter, so every boundary is the same, and the
//! pattern can match neither, so every match is the same (see [`Masking`]). The masked haystack
//! only finds where a match starts; the pattern as written then reads it from the real
//! haystack at that start, which is a short search.
//!
//! Many patterns need no mask: where every Unicode `\b` stands right before or after a
//! character that can only be an ASCII word character (`\b(?i)(?:down|up)\s+from\b`), the
//! Unicode `\b` implies the ASCII one, so the copy with ASCII boundaries matches wherever the
//! pattern does (and after "é" where it does not). On any haystack, the copy finds where
//! matches may start; `is_match` and `find_at` ask it first, without reading the haystack's
//! characters, and most haystacks end there with no match. A match is read again by the
//! pattern as written only on a haystack with word characters outside ASCII
//! ([`boundaries_beside_ascii_words`]).

use regex::{CaptureMatches, Captures, Match, Matches, Regex};
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition,
};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

/// A regex, with a faster twin for ASCII haystacks.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The pattern as written, as regex syntax.
    source: Box<str>,
    /// [`Self::source`] compiled, on the first haystack that needs it ([`Self::any`]): for
    /// haystacks with characters outside ASCII that no copy can search, and to read again a
    /// match whose start a copy found. Real text reaches some 80 patterns, and most of the time
    /// of compiling them went to this form, which most never run: ASCII haystacks take
    /// [`Self::ascii`], and those whose only characters outside ASCII are no word characters
    /// (curly quotes, dashes) [`Self::ascii_words`].
    any: OnceLock<Regex>,
    /// The name of each group by its index, group 0 first, read from the parsed pattern: what
    /// every compiled form must give (`Regex::capture_names`).
    group_names: Box<[Option<Box<str>>]>,
    /// The pattern with every class cut to ASCII, when it compiles to the same groups.
    ascii: Option<Regex>,
    /// The pattern with its Unicode word boundaries made ASCII ones (classes as written), as
    /// regex syntax; `None` when it has no Unicode word boundary.
    ascii_words_source: Option<String>,
    /// [`Self::ascii_words_source`] compiled, on the first haystack that needs it; `None`
    /// inside when it does not compile to the same groups.
    ascii_words: OnceLock<Option<Regex>>,
    /// What the pattern can match, when [`Self::ascii_words`] may run on masked haystacks.
    masking: Option<Masking>,
    /// Whether [`Self::ascii_words`] finds every match of the pattern on any haystack (and maybe
    /// more), so that it may find where matches start on text with letters outside ASCII
    /// ([`boundaries_beside_ascii_words`]).
    words_find_every_start: bool,
    /// The class of a pattern that is one character of it and nothing else (`^\p{L}$`), which
    /// [`Self::is_match`] reads without a search (asked a character at a time).
    one_character: Option<ClassUnicode>,
}

/// The characters a pattern can match, for patterns whose ASCII-boundary copy may search a
/// masked haystack ([`Masked`]) in place of the real one.
///
/// Why that finds the same matches: the masked haystack differs from the real one only where
/// the real one has a word character outside ASCII, and there it has `_` bytes. A position is
/// a word boundary in one exactly when it is in the other (`_` and the letter are both word
/// characters; the other non-ASCII characters are kept, and are non-word ones both ways). The
/// pattern can consume neither `_` nor any of the text's letters it replaced (checked per
/// text), and never matches the empty string, so no match starts, ends or passes inside a
/// masked run in either haystack, and everything else is the same bytes.
#[derive(Debug, Clone)]
struct Masking {
    /// Every character a class or literal of the pattern can match.
    consumable: ClassUnicode,
}

impl Masking {
    /// The masking of a pattern, if it has Unicode word boundaries, cannot match `_` and never
    /// matches the empty string.
    fn of(hir: &Hir) -> Option<Masking> {
        let mut consumable = ClassUnicode::empty();
        if !has_unicode_word_boundary(hir) || hir.properties().minimum_len().unwrap_or(0) == 0 {
            return None;
        }
        if !collect_consumable(hir, &mut consumable) || class_holds(&consumable, MASK as char) {
            return None;
        }
        Some(Masking { consumable })
    }

    /// Whether the pattern can match none of `words` (the masked characters of a haystack).
    fn allows(&self, words: &[char]) -> bool {
        // Asked on every search: the shorter of the two lists is walked, and the other
        // searched (a page in Korean masks hundreds of kinds of letters).
        let ranges = self.consumable.ranges();
        if words.len() <= ranges.len() {
            return !words.iter().any(|&c| class_holds(&self.consumable, c));
        }
        !ranges.iter().any(|r| {
            let i = words.partition_point(|&c| c < r.start());
            words.get(i).is_some_and(|&c| c <= r.end())
        })
    }
}

/// The byte that stands for a word character outside ASCII in a masked haystack.
const MASK: u8 = b'_';

/// Adds every character `hir` can match to `into`; `false` if that cannot be told (a byte
/// class, which text patterns do not have).
fn collect_consumable(hir: &Hir, into: &mut ClassUnicode) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(lit) => match std::str::from_utf8(&lit.0) {
            Ok(text) => {
                into.union(&ClassUnicode::new(text.chars().map(|c| ClassUnicodeRange::new(c, c))));
                true
            }
            Err(_) => false,
        },
        HirKind::Class(Class::Unicode(class)) => {
            into.union(class);
            true
        }
        HirKind::Class(Class::Bytes(_)) => false,
        HirKind::Repetition(rep) => collect_consumable(&rep.sub, into),
        HirKind::Capture(cap) => collect_consumable(&cap.sub, into),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().all(|h| collect_consumable(h, into)),
    }
}

/// Whether `class` holds `c` (its ranges are sorted and disjoint).
pub(crate) fn class_holds(class: &ClassUnicode, c: char) -> bool {
    let ranges = class.ranges();
    let i = ranges.partition_point(|r| r.end() < c);
    ranges.get(i).is_some_and(|r| r.start() <= c)
}

/// A haystack with word characters outside ASCII, masked: each such character replaced by as
/// many [`MASK`] bytes as it has (so every offset stays the same).
#[derive(Debug)]
struct Masked {
    /// The haystack as given, to recognise it (or a part of it) on later searches.
    original: Box<str>,
    /// Where the haystack it was made from was in memory: a later haystack that is a slice of
    /// the same text (a sentence of an article) is found at an offset from it.
    address: usize,
    /// The masked copy.
    masked: Box<str>,
    /// The distinct characters that were masked, sorted.
    words: Vec<char>,
}

/// A word-character test with its answers remembered ([`IS_WORD`]).
type WordsRemembered = Remembered<fn(char) -> bool, 1024>;

thread_local! {
    /// Whether a character outside ASCII is a word character for [`Masked::of`], remembered by
    /// the thread across texts (a property of the character alone). Letters are the common case,
    /// and `is_alphabetic` is the cheaper test; both look the character up in tables (some
    /// hundred instructions for a letter of Russian), and a page in Korean has hundreds of kinds
    /// of syllables, so it keeps many answers; made once, not cleared for each mask (4 KB, which
    /// masks of short texts paid again and again).
    static IS_WORD: RefCell<WordsRemembered> =
        RefCell::new(Remembered::new(|c: char| c.is_alphabetic() || regex_syntax::is_word_character(c)));
}

impl Masked {
    fn of(haystack: &str) -> Masked {
        let mut masked = haystack.as_bytes().to_vec();
        let mut words = std::collections::BTreeSet::new();
        // the characters of this text already among `words`
        let mut listed: Remembered<_, REMEMBERED> = Remembered::new(|_| true);
        IS_WORD.with_borrow_mut(|is_word| {
            for (i, c) in chars_outside_ascii(haystack) {
                if !is_word.holds(c) {
                    continue;
                }
                // Byte by byte: a `fill` or copy of a length known only at run time calls
                // `memset` or `memcpy`, and a character outside ASCII is 2 to 4 bytes.
                let len = c.len_utf8();
                masked[i] = MASK;
                masked[i + 1] = MASK;
                if len > 2 {
                    masked[i + 2] = MASK;
                }
                if len > 3 {
                    masked[i + 3] = MASK;
                }
                if !listed.knows(c) {
                    listed.holds(c);
                    words.insert(c);
                }
            }
        });
        Masked {
            original: haystack.into(),
            address: haystack.as_ptr() as usize,
            masked: String::from_utf8(masked)
                .expect("whole characters replaced by ASCII bytes")
                .into(),
            words: words.into_iter().collect(),
        }
    }

    /// Where `haystack` is in this text, if it is a slice of it: a haystack whose address
    /// falls inside the text's former place, and whose bytes are those at that offset. The
    /// address only says where to look; the bytes decide, since memory is reused, and a mask is
    /// a function of the bytes alone.
    fn find(&self, haystack: &str) -> Option<usize> {
        let offset = (haystack.as_ptr() as usize).checked_sub(self.address)?;
        let part = self.original.get(offset..offset.checked_add(haystack.len())?)?;
        (part == haystack).then_some(offset)
    }
}

/// A masked haystack: a part of a [`Masked`] text.
struct MaskedView {
    text: Rc<Masked>,
    from: usize,
    to: usize,
}

impl MaskedView {
    /// The masked haystack.
    fn masked(&self) -> &str {
        &self.text.masked[self.from..self.to]
    }

    /// The characters that were masked (of the whole text, which is never fewer).
    fn words(&self) -> &[char] {
        &self.text.words
    }
}

thread_local! {
    /// The texts masked last on this thread, most recent first: an article's text, and its
    /// sentences, are searched by several patterns in turn.
    static MASKED: RefCell<Vec<Rc<Masked>>> = const { RefCell::new(Vec::new()) };
}

/// How many masked texts each thread keeps, and how many bytes of text at most (beyond the
/// most recent one, kept whatever its size).
const MASKED_KEPT: usize = 8;
const MASKED_BYTES_KEPT: usize = 1 << 20;

/// `haystack` masked, from this thread's recent texts when it is one of them or a part of one.
fn masked(haystack: &str) -> MaskedView {
    MASKED.with(|kept| {
        let mut kept = kept.borrow_mut();
        let found = kept
            .iter()
            .enumerate()
            .find_map(|(i, m)| m.find(haystack).map(|at| (i, at)));
        let (text, from) = match found {
            Some((i, at)) => (kept.remove(i), at),
            None => (Rc::new(Masked::of(haystack)), 0),
        };
        kept.insert(0, Rc::clone(&text));
        kept.truncate(MASKED_KEPT);
        // Each kept text is two copies: a few long pages must not hold memory for the run.
        while kept.len() > 1 && kept.iter().map(|m| m.original.len()).sum::<usize>() > MASKED_BYTES_KEPT {
            kept.pop();
        }
        MaskedView {
            text,
            from,
            to: from + haystack.len(),
        }
    })
}

/// Which compiled regex searches a haystack, and on what.
enum Plan<'r> {
    /// This regex, on the haystack itself.
    Direct(&'r Regex),
    /// This regex on the masked haystack finds where matches start; the pattern as written
    /// then reads each match from the haystack.
    Masked(&'r Regex, MaskedView),
    /// This regex on the haystack itself finds every place a match may start, and maybe
    /// others; the pattern as written then reads the match from there (if any).
    Candidates(&'r Regex),
}

/// What a search wants of [`Pattern::plan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    /// Every match (and its groups), or the groups of the first.
    Every,
    /// Whether there is a match, or where the first is.
    First,
}

impl Pattern {
    /// Parses `pattern` (regex syntax) and compiles its ASCII twin; the pattern as written is
    /// compiled on first need. A pattern that does not parse is the regex crate's error; one
    /// that parses compiles (the crate's size limit, 10 MB compiled, is far above any pattern
    /// here: the largest copy, 71 KB of syntax, compiles to far less).
    pub fn new(pattern: &str) -> Result<Pattern, regex::Error> {
        let hir = match regex_syntax::Parser::new().parse(pattern) {
            Ok(hir) => hir,
            Err(_) => return Err(Regex::new(pattern).expect_err("a pattern that does not parse does not compile")),
        };
        let group_names = group_names(&hir);
        let ascii = printed(&rewrite(&hir, true))
            .and_then(|source| Regex::new(&source).ok())
            .filter(|a| same_groups(a, &group_names));
        let word_boundary = has_unicode_word_boundary(&hir);
        let ascii_words_source = word_boundary.then(|| ascii_boundaries_source(pattern, &hir)).flatten();
        let masking = Masking::of(&hir);
        let words_find_every_start =
            word_boundary && hir.properties().minimum_len().unwrap_or(0) > 0 && boundaries_beside_ascii_words(&hir);
        let one_character = one_character_class(&hir);
        Ok(Pattern {
            source: pattern.into(),
            any: OnceLock::new(),
            group_names,
            ascii,
            ascii_words_source,
            ascii_words: OnceLock::new(),
            masking,
            words_find_every_start,
            one_character,
        })
    }

    /// The regex that searches `haystack` itself (for the tests: which copy a haystack takes).
    #[cfg(test)]
    fn on(&self, haystack: &str) -> &Regex {
        match self.plan(haystack, Wanted::Every) {
            Plan::Direct(regex) | Plan::Candidates(regex) => regex,
            Plan::Masked(..) => self.any(),
        }
    }

    /// How to search `haystack`, for every match (`Wanted::Every`) or for the first one only
    /// (`Wanted::First`).
    #[inline(always)]
    fn plan(&self, haystack: &str, wanted: Wanted) -> Plan<'_> {
        if haystack.is_ascii() {
            return Plan::Direct(self.ascii.as_ref().unwrap_or_else(|| self.any()));
        }
        self.plan_outside_ascii(haystack, wanted)
    }

    /// How to search `haystack` from byte `start` ([`Self::find_at`], [`Self::captures_at`]): the
    /// plan of the part a search from `start` reads, from the character before it on (a `\b` at
    /// `start` reads that one), and where that part starts. A search from far into a long text
    /// (the next date or e-mail address of a page) then reads only the rest of it, not the whole
    /// text, to be planned; the regex still searches the whole haystack, so that `\b` and `^`
    /// are read as before.
    #[inline(always)]
    fn plan_from(&self, haystack: &str, start: usize, wanted: Wanted) -> (Plan<'_>, usize) {
        let from = read_from(haystack, start);
        (self.plan(&haystack[from..], wanted), from)
    }

    /// How to search `haystack`, which has characters outside ASCII.
    fn plan_outside_ascii(&self, haystack: &str, wanted: Wanted) -> Plan<'_> {
        let Some(words) = self.ascii_words() else {
            return Plan::Direct(self.any());
        };
        // A search for the first match, which most haystacks lack, asks the copy before
        // reading the haystack's characters; what it finds is then read again, if the
        // haystack has letters outside ASCII (`is_match` and `find_at`). Other searches take
        // the copy as it is where no word character outside ASCII tells the boundaries apart.
        if self.words_find_every_start && wanted == Wanted::First {
            return self.candidates(words);
        }
        if !has_word_character_outside_ascii(haystack) {
            return Plan::Direct(words);
        }
        // a masked haystack finds no false starts (the copy on the haystack itself may, after
        // a letter outside ASCII: "2014年")
        if let Some(masking) = &self.masking {
            let masked = masked(haystack);
            if masking.allows(masked.words()) {
                return Plan::Masked(words, masked);
            }
        }
        match self.words_find_every_start {
            true => self.candidates(words),
            false => Plan::Direct(self.any()),
        }
    }

    /// The plan of searching from the starts the copy `words` finds on the haystack itself.
    fn candidates<'r>(&self, words: &'r Regex) -> Plan<'r> {
        #[cfg(test)]
        tests::CANDIDATE_PLANS.with(|n| n.set(n.get() + 1));
        Plan::Candidates(words)
    }

    /// The copy with ASCII word boundaries, compiled on first need; `None` when the pattern
    /// has no Unicode word boundary or the copy does not compile to the same groups.
    fn ascii_words(&self) -> Option<&Regex> {
        let source = self.ascii_words_source.as_ref()?;
        self.ascii_words
            .get_or_init(|| Regex::new(source).ok().filter(|a| same_groups(a, &self.group_names)))
            .as_ref()
    }

    /// The names of the groups, by index (the same in every compilation).
    pub fn capture_names(&self) -> regex::CaptureNames<'_> {
        self.ascii.as_ref().unwrap_or_else(|| self.any()).capture_names()
    }

    /// The pattern as written, compiled on first need.
    #[inline]
    fn any(&self) -> &Regex {
        match self.any.get() {
            Some(regex) => regex,
            None => self.compile_any(),
        }
    }

    /// [`Self::any`] the first time: out of line, so that [`Self::plan`] stays small (it is
    /// always inlined: once the pattern as written was compiled lazily, the compiler stopped
    /// inlining it into the searches, +0.3 instructions a byte of generated text in `is_match`).
    #[cold]
    #[inline(never)]
    fn compile_any(&self) -> &Regex {
        self.any.get_or_init(|| {
            #[cfg(test)]
            tests::ANY_COMPILED.with(|n| n.set(n.get() + 1));
            Regex::new(&self.source).expect("a pattern that parses compiles")
        })
    }

    /// Whether the pattern matches somewhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        if let Some(class) = &self.one_character {
            let mut chars = haystack.chars();
            return chars.next().is_some_and(|c| class_holds(class, c)) && chars.next().is_none();
        }
        match self.plan(haystack, Wanted::First) {
            Plan::Direct(regex) => regex.is_match(haystack),
            Plan::Masked(regex, masked) => regex.is_match(masked.masked()),
            // most haystacks have no match, and are answered by the copy alone
            Plan::Candidates(regex) => regex.find(haystack).is_some_and(|m| {
                !has_word_character_outside_ascii(haystack) || self.any().find_at(haystack, m.start()).is_some()
            }),
        }
    }

    /// The leftmost-first match in `haystack`.
    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.find_at(haystack, 0)
    }

    /// The leftmost-first match in `haystack` at or after byte `start` (the text before `start`
    /// still counts for `\b` and `^`).
    pub fn find_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Match<'h>> {
        match self.plan_from(haystack, start, Wanted::First) {
            (Plan::Direct(regex), _) => regex.find_at(haystack, start),
            (Plan::Masked(regex, masked), from) => {
                let at = from + regex.find_at(masked.masked(), start - from)?.start();
                Some(self.any().find_at(haystack, at).expect("the match found again"))
            }
            (Plan::Candidates(regex), from) => {
                let m = regex.find_at(haystack, start)?;
                match has_word_character_outside_ascii(&haystack[from..]) {
                    false => Some(m),
                    true => self.any().find_at(haystack, m.start()),
                }
            }
        }
    }

    /// Every successive non-overlapping match in `haystack`.
    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> FindIter<'r, 'h> {
        match self.plan(haystack, Wanted::Every) {
            Plan::Direct(regex) => FindIter::Direct(regex.find_iter(haystack)),
            Plan::Masked(regex, masked) => FindIter::ReadAgain(ReadAgainIter::new(self, regex, Some(masked), haystack)),
            Plan::Candidates(regex) => FindIter::ReadAgain(ReadAgainIter::new(self, regex, None, haystack)),
        }
    }

    /// The groups of the leftmost-first match in `haystack`.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.captures_at(haystack, 0)
    }

    /// The groups of the leftmost-first match in `haystack` at or after byte `start` (the text
    /// before `start` still counts for `\b` and `^`).
    pub fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Captures<'h>> {
        match self.plan_from(haystack, start, Wanted::Every) {
            (Plan::Direct(regex), _) => regex.captures_at(haystack, start),
            (Plan::Masked(regex, masked), from) => {
                let at = from + regex.find_at(masked.masked(), start - from)?.start();
                Some(self.any().captures_at(haystack, at).expect("the match found again"))
            }
            (Plan::Candidates(regex), _) => self
                .any()
                .captures_at(haystack, regex.find_at(haystack, start)?.start()),
        }
    }

    /// The groups of every successive non-overlapping match in `haystack`.
    pub fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> CapturesIter<'r, 'h> {
        match self.plan(haystack, Wanted::Every) {
            Plan::Direct(regex) => CapturesIter::Direct(regex.captures_iter(haystack)),
            Plan::Masked(regex, masked) => {
                CapturesIter::ReadAgain(ReadAgainIter::new(self, regex, Some(masked), haystack))
            }
            Plan::Candidates(regex) => CapturesIter::ReadAgain(ReadAgainIter::new(self, regex, None, haystack)),
        }
    }
}

/// The matches of a [`Pattern`] in a haystack ([`Pattern::find_iter`]).
pub enum FindIter<'r, 'h> {
    /// Searched directly.
    Direct(Matches<'r, 'h>),
    /// Found by a copy, each read again by the pattern as written.
    ReadAgain(ReadAgainIter<'r, 'h>),
}

impl<'h> Iterator for FindIter<'_, 'h> {
    type Item = Match<'h>;

    fn next(&mut self) -> Option<Match<'h>> {
        match self {
            FindIter::Direct(matches) => matches.next(),
            FindIter::ReadAgain(iter) => {
                let at = iter.next_start()?;
                let m = iter.pattern.any().find_at(iter.haystack, at);
                iter.resume(m.as_ref().map(Match::end))?;
                m
            }
        }
    }
}

/// The groups of each match of a [`Pattern`] in a haystack ([`Pattern::captures_iter`]).
pub enum CapturesIter<'r, 'h> {
    /// Searched directly.
    Direct(CaptureMatches<'r, 'h>),
    /// Found by a copy, each read again by the pattern as written.
    ReadAgain(ReadAgainIter<'r, 'h>),
}

impl<'h> Iterator for CapturesIter<'_, 'h> {
    type Item = Captures<'h>;

    fn next(&mut self) -> Option<Captures<'h>> {
        match self {
            CapturesIter::Direct(matches) => matches.next(),
            CapturesIter::ReadAgain(iter) => {
                let at = iter.next_start()?;
                let groups = iter.pattern.any().captures_at(iter.haystack, at);
                iter.resume(groups.as_ref().map(|g| g.get(0).expect("group 0 is the match").end()))?;
                groups
            }
        }
    }
}

/// Successive matches whose starts a copy of the pattern finds (on a masked haystack, or on the
/// haystack itself), each read again from the haystack by the pattern as written.
pub struct ReadAgainIter<'r, 'h> {
    pattern: &'r Pattern,
    regex: &'r Regex,
    /// The masked haystack the copy searches; `None` when it searches the haystack itself.
    masked: Option<MaskedView>,
    haystack: &'h str,
    /// Where the next search starts.
    at: usize,
}

impl<'r, 'h> ReadAgainIter<'r, 'h> {
    fn new(pattern: &'r Pattern, regex: &'r Regex, masked: Option<MaskedView>, haystack: &'h str) -> Self {
        ReadAgainIter {
            pattern,
            regex,
            masked,
            haystack,
            at: 0,
        }
    }

    /// Where the next match starts, or may start, if anywhere.
    fn next_start(&mut self) -> Option<usize> {
        if self.at > self.haystack.len() {
            return None;
        }
        let searched = self.masked.as_ref().map_or(self.haystack, MaskedView::masked);
        let found = self.regex.find_at(searched, self.at).map(|m| m.start());
        if found.is_none() {
            self.at = self.haystack.len() + 1;
        }
        found
    }

    /// Continues after a match read again that ended at `end` (never empty: patterns read
    /// again cannot match the empty string), or stops when none was found (`None`, which it
    /// gives back). On a masked haystack the match is always found again.
    fn resume(&mut self, end: Option<usize>) -> Option<()> {
        assert!(end.is_some() || self.masked.is_none(), "the match found again");
        match end {
            Some(end) => self.at = end,
            None => self.at = self.haystack.len() + 1,
        }
        end.map(|_| ())
    }
}

/// Whether `text` has a word character (of Unicode `\w`) that is not ASCII: if not, Unicode
/// and ASCII word boundaries agree on it.
///
/// Asked for every search of a pattern with `\b` on such a text, often of a whole article: the
/// characters outside ASCII of English news (no-break spaces, curly quotes, dashes) are told by
/// their bytes, and the others decoded.
pub(crate) fn has_word_character_outside_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut holds = None;
    let mut i = 0;
    while let Some(at) = next_outside_ascii(bytes, i) {
        if let Some(len) = punctuation_at(bytes, at) {
            i = at + len;
            continue;
        }
        let c = text[at..]
            .chars()
            .next()
            .expect("a character starts at a non-ASCII byte");
        let holds = holds.get_or_insert_with(|| Remembered::<_, REMEMBERED>::new(regex_syntax::is_word_character));
        if holds.holds(c) {
            return true;
        }
        i = at + c.len_utf8();
    }
    false
}

/// The length of the character at `at` of `bytes` (UTF-8, a character starts there) if it is
/// one of U+0080 to U+00BF or U+2000 to U+203F (spaces, quotes, dashes, bullets) and no word
/// character; `None` for any other.
#[inline]
fn punctuation_at(bytes: &[u8], at: usize) -> Option<usize> {
    let (len, last, words) = match bytes[at] {
        0xC2 => (2, *bytes.get(at + 1)?, WORDS_OF_C2),
        0xE2 if bytes.get(at + 1) == Some(&0x80) => (3, *bytes.get(at + 2)?, WORDS_OF_E2_80),
        _ => return None,
    };
    // `last` is a continuation byte, 0x80 to 0xBF
    (words >> (last & 0x3F) & 1 == 0).then_some(len)
}

/// The word characters (Unicode `\w`) among U+0080 to U+00BF, a bit each: ª, µ and º.
const WORDS_OF_C2: u64 = 1 << 0x2A | 1 << 0x35 | 1 << 0x3A;
/// The word characters among U+2000 to U+203F: the zero-width (non-)joiners and the undertie.
const WORDS_OF_E2_80: u64 = 1 << 0x0C | 1 << 0x0D | 1 << 0x3F;

/// Whether `text` has a character outside ASCII that `\d` may match: a numeric character
/// (`is_numeric`, which holds of every decimal digit) from U+0660 on, outside U+2000 to U+2FFF.
/// No decimal digit lies below U+0660 (the Arabic-Indic zero) or in that block (tested), and
/// those are most of the characters outside ASCII of news text in Latin script (accented
/// letters, curly quotes, dashes): only characters whose first byte is 0xD9 or more, other than
/// 0xE2, are read, and those bytes are looked for 64 at a time, with no branch a byte.
pub(crate) fn has_digit_outside_ascii(text: &str) -> bool {
    // (a continuation byte is below 0xC0: every byte this holds of starts a character)
    let may_start_a_digit = |b: u8| b >= 0xD9 && b != 0xE2;
    let mut remembered: Option<Remembered<_, REMEMBERED>> = None;
    let mut is_numeric_at = |at: usize| {
        let c = text[at..].chars().next().expect("a character starts at the byte");
        remembered
            .get_or_insert_with(|| Remembered::new(char::is_numeric))
            .holds(c)
    };
    let bytes = text.as_bytes();
    let mut blocks = bytes.chunks_exact(64);
    let mut from = 0;
    for block in &mut blocks {
        let flagged = block.iter().fold(0u8, |any, &b| any | u8::from(may_start_a_digit(b)));
        if flagged != 0 && (from..from + 64).any(|at| may_start_a_digit(bytes[at]) && is_numeric_at(at)) {
            return true;
        }
        from += 64;
    }
    (from..bytes.len()).any(|at| may_start_a_digit(bytes[at]) && is_numeric_at(at))
}

/// Where the characters that a search of `haystack` from byte `start` reads begin: at the
/// character before `start` (a `\b` at `start` reads it), or at the start.
fn read_from(haystack: &str, start: usize) -> usize {
    let mut from = start.saturating_sub(1).min(haystack.len());
    while !haystack.is_char_boundary(from) {
        from -= 1;
    }
    from
}

/// The characters of `text` outside ASCII, with their offsets.
fn chars_outside_ascii(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let at = next_outside_ascii(text.as_bytes(), i)?;
        let c = text[at..]
            .chars()
            .next()
            .expect("a character starts at a non-ASCII byte");
        i = at + c.len_utf8();
        Some((at, c))
    })
}

/// Where the first byte outside ASCII at or after `from` is. Asked for every search on a
/// non-ASCII haystack: ASCII runs are skipped 32 bytes at a time, and a run with a byte outside
/// ASCII is read to that byte. `from` is at a character's start.
fn next_outside_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const RUN: usize = 32;
    // In a page in Russian the next character is most often outside ASCII itself.
    if *bytes.get(from)? >= 0x80 {
        return Some(from);
    }
    let mut i = from;
    while i < bytes.len() {
        let run = &bytes[i..(i + RUN).min(bytes.len())];
        if !run.is_ascii() {
            return Some(i + run.iter().take_while(|b| b.is_ascii()).count());
        }
        i += run.len();
    }
    None
}

/// A property of characters outside ASCII, with the answers for the characters seen lately
/// remembered: the Unicode tables behind `is_alphabetic`, `is_numeric` or `\w` cost up to some
/// hundreds of instructions a look-up, and a text repeats a few dozen kinds of characters.
struct Remembered<F, const SLOTS: usize> {
    property: F,
    /// A character outside ASCII shifted left by one with its answer in the low bit, in the
    /// slot of its low bits; 0 (no such character) is an empty slot.
    seen: [u32; SLOTS],
}

/// How many answers a [`Remembered`] keeps at least: the 128 code points from a multiple of 128 (a
/// Latin-1 letter, the Cyrillic alphabet's two cases, the General Punctuation block's first
/// half) fall in different slots.
const REMEMBERED: usize = 128;

impl<F: Fn(char) -> bool, const SLOTS: usize> Remembered<F, SLOTS> {
    fn new(property: F) -> Self {
        Remembered {
            property,
            seen: [0; SLOTS],
        }
    }

    /// Whether the answer for `c` is remembered.
    #[inline]
    fn knows(&self, c: char) -> bool {
        self.seen[c as usize % SLOTS] >> 1 == c as u32
    }

    /// Whether `c`, a character outside ASCII, has the property.
    #[inline]
    fn holds(&mut self, c: char) -> bool {
        let slot = &mut self.seen[c as usize % SLOTS];
        if *slot >> 1 != c as u32 {
            *slot = (c as u32) << 1 | u32::from((self.property)(c));
        }
        *slot & 1 == 1
    }
}

/// The class of `hir` if it is `^class$`: one character of the class, from the start of the
/// haystack to its end.
fn one_character_class(hir: &Hir) -> Option<ClassUnicode> {
    let HirKind::Concat(subs) = hir.kind() else {
        return None;
    };
    match subs.as_slice() {
        [start, class, end]
            if matches!(start.kind(), HirKind::Look(Look::Start)) && matches!(end.kind(), HirKind::Look(Look::End)) =>
        {
            match class.kind() {
                HirKind::Class(Class::Unicode(class)) => Some(class.clone()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `hir` as regex syntax, if it reads back as `hir`: regex-syntax prints a repetition of a
/// repetition without brackets (`(?:\s+)?` as `\s+?`, a lazy `+`), which would make a copy
/// another pattern; such a copy is not made.
fn printed(hir: &Hir) -> Option<String> {
    let source = hir.to_string();
    let read_back = regex_syntax::Parser::new().parse(&source).ok()?;
    (read_back == *hir).then_some(source)
}

/// The source of `pattern` (parsed as `hir`) with its Unicode word boundaries made ASCII ones:
/// each word-boundary assertion of the source wrapped in `(?-u:...)`, kept when it parses to
/// exactly [`rewrite`]`(hir, false)` (a boundary already ASCII is unchanged by the wrapping),
/// else that rewrite [`printed`]. The printed form spells every Unicode class out range by
/// range (71 KB for a 1.5 KB quote cue), and reading it again, here and when the copy is
/// compiled, cost a quarter of compiling the patterns real text reaches.
fn ascii_boundaries_source(pattern: &str, hir: &Hir) -> Option<String> {
    let wanted = rewrite(hir, false);
    let spliced = regex_syntax::ast::parse::Parser::new().parse(pattern).ok().map(|ast| {
        let mut spans = Vec::new();
        word_boundary_spans(&ast, &mut spans);
        spans.sort_unstable();
        let mut source = String::with_capacity(pattern.len() + 6 * spans.len());
        let mut from = 0;
        for (start, end) in spans {
            source.push_str(&pattern[from..start]);
            source.push_str("(?-u:");
            source.push_str(&pattern[start..end]);
            source.push(')');
            from = end;
        }
        source.push_str(&pattern[from..]);
        source
    });
    match spliced {
        Some(source) if regex_syntax::Parser::new().parse(&source).is_ok_and(|h| h == wanted) => Some(source),
        _ => {
            #[cfg(test)]
            tests::BOUNDARIES_PRINTED.with(|n| n.set(n.get() + 1));
            printed(&wanted)
        }
    }
}

/// The byte spans of the word-boundary assertions of `ast` (`\b`, `\B`, `\<`, `\b{start}`...).
fn word_boundary_spans(ast: &regex_syntax::ast::Ast, spans: &mut Vec<(usize, usize)>) {
    use regex_syntax::ast::{AssertionKind, Ast};
    match ast {
        Ast::Assertion(a) => {
            let boundary = !matches!(
                a.kind,
                AssertionKind::StartLine | AssertionKind::EndLine | AssertionKind::StartText | AssertionKind::EndText
            );
            if boundary {
                spans.push((a.span.start.offset, a.span.end.offset));
            }
        }
        Ast::Repetition(rep) => word_boundary_spans(&rep.ast, spans),
        Ast::Group(group) => word_boundary_spans(&group.ast, spans),
        Ast::Alternation(alt) => alt.asts.iter().for_each(|a| word_boundary_spans(a, spans)),
        Ast::Concat(concat) => concat.asts.iter().for_each(|a| word_boundary_spans(a, spans)),
        Ast::Empty(_)
        | Ast::Flags(_)
        | Ast::Literal(_)
        | Ast::Dot(_)
        | Ast::ClassUnicode(_)
        | Ast::ClassPerl(_)
        | Ast::ClassBracketed(_) => {}
    }
}

/// Whether `hir` has a Unicode word boundary (of any kind).
fn has_unicode_word_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(look) => ascii_look(*look) != *look,
        HirKind::Repetition(rep) => has_unicode_word_boundary(&rep.sub),
        HirKind::Capture(cap) => has_unicode_word_boundary(&cap.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(has_unicode_word_boundary),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => false,
    }
}

/// The name of each group of `hir` by its index, group 0 (the match) first: what
/// `Regex::capture_names` gives once the pattern is compiled.
fn group_names(hir: &Hir) -> Box<[Option<Box<str>>]> {
    fn walk(hir: &Hir, names: &mut Vec<Option<Box<str>>>) {
        match hir.kind() {
            HirKind::Capture(cap) => {
                let index = cap.index as usize;
                if names.len() <= index {
                    names.resize(index + 1, None);
                }
                names[index] = cap.name.clone();
                walk(&cap.sub, names);
            }
            HirKind::Repetition(rep) => walk(&rep.sub, names),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().for_each(|sub| walk(sub, names)),
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
        }
    }
    let mut names = vec![None];
    walk(hir, &mut names);
    names.into()
}

/// Whether `regex` has the groups `names` (by index, group 0 first).
fn same_groups(regex: &Regex, names: &[Option<Box<str>>]) -> bool {
    regex.capture_names().eq(names.iter().map(Option::as_deref))
}

/// Whether every Unicode word boundary of `hir` is a `\b` right before or after a character
/// that can only be an ASCII word character (`[0-9A-Za-z_]`, as in `\b(?i)down\b`), so that
/// its copy with ASCII word boundaries matches wherever it matches, on any haystack: there the
/// Unicode `\b` holds when the character on the other side is no word character; then that
/// character (or the haystack's edge) is no ASCII word character either, and the ASCII `\b`
/// holds too. (The copy may match more: after a letter outside ASCII, "édown".) Other kinds of
/// Unicode word boundary (`\B`), or a `\b` beside a class with characters outside ASCII
/// (`\b\w`, `\b\d`, and under `(?i)` a `k` or an `s`, which match the Kelvin sign and the
/// long s), make it `false`.
fn boundaries_beside_ascii_words(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(look) => ascii_look(*look) == *look,
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => true,
        HirKind::Repetition(rep) => boundaries_beside_ascii_words(&rep.sub),
        HirKind::Capture(cap) => boundaries_beside_ascii_words(&cap.sub),
        HirKind::Alternation(subs) => subs.iter().all(boundaries_beside_ascii_words),
        HirKind::Concat(subs) => subs.iter().enumerate().all(|(i, sub)| match sub.kind() {
            HirKind::Look(Look::WordUnicode) => {
                let only_ascii_words = |class: Option<ClassUnicode>| class.is_some_and(|c| is_ascii_word_class(&c));
                subs.get(i + 1)
                    .is_some_and(|next| only_ascii_words(edge_characters(next, Edge::First)))
                    || i > 0 && only_ascii_words(edge_characters(&subs[i - 1], Edge::Last))
            }
            _ => boundaries_beside_ascii_words(sub),
        }),
    }
}

/// Which end of a match [`edge_characters`] tells.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    First,
    Last,
}

/// Every character that the first (or last) character of a match of `hir` can be; `None` when
/// that cannot be told simply, or when `hir` may match the empty string (the character would
/// then be another expression's).
fn edge_characters(hir: &Hir, edge: Edge) -> Option<ClassUnicode> {
    match hir.kind() {
        HirKind::Literal(lit) => {
            let text = std::str::from_utf8(&lit.0).ok()?;
            let c = match edge {
                Edge::First => text.chars().next(),
                Edge::Last => text.chars().next_back(),
            }?;
            Some(ClassUnicode::new([ClassUnicodeRange::new(c, c)]))
        }
        HirKind::Class(Class::Unicode(class)) => Some(class.clone()),
        HirKind::Class(Class::Bytes(_)) | HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Capture(cap) => edge_characters(&cap.sub, edge),
        HirKind::Repetition(rep) => (rep.min > 0).then(|| edge_characters(&rep.sub, edge))?,
        HirKind::Alternation(subs) => subs.iter().try_fold(ClassUnicode::empty(), |mut all, sub| {
            all.union(&edge_characters(sub, edge)?);
            Some(all)
        }),
        HirKind::Concat(subs) => {
            // looks take no character; the first other part must take one
            let consuming = |sub: &&Hir| !matches!(sub.kind(), HirKind::Look(_));
            let part = match edge {
                Edge::First => subs.iter().find(consuming),
                Edge::Last => subs.iter().rev().find(consuming),
            }?;
            (part.properties().minimum_len()? > 0).then(|| edge_characters(part, edge))?
        }
    }
}

/// Whether every character of `class` is an ASCII word character, `[0-9A-Za-z_]`.
fn is_ascii_word_class(class: &ClassUnicode) -> bool {
    let mut outside = class.clone();
    outside.difference(&ClassUnicode::new(
        [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')].map(|(a, b)| ClassUnicodeRange::new(a, b)),
    ));
    outside.ranges().is_empty()
}

/// The same expression with Unicode word boundaries made ASCII ones, and, if `cut_classes`,
/// every class cut to ASCII: for a haystack known to be ASCII, that is the same expression.
fn rewrite(hir: &Hir, cut_classes: bool) -> Hir {
    let sub = |h: &Hir| Box::new(rewrite(h, cut_classes));
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0.clone()),
        HirKind::Class(class) if !cut_classes => Hir::class(class.clone()),
        HirKind::Class(Class::Unicode(class)) => {
            let mut cut = class.clone();
            cut.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')]));
            Hir::class(Class::Unicode(cut))
        }
        HirKind::Class(Class::Bytes(class)) => {
            let mut cut = class.clone();
            cut.intersect(&ClassBytes::new([ClassBytesRange::new(0, 0x7f)]));
            Hir::class(Class::Bytes(cut))
        }
        HirKind::Look(look) => Hir::look(ascii_look(*look)),
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            min: rep.min,
            max: rep.max,
            greedy: rep.greedy,
            sub: sub(&rep.sub),
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            index: cap.index,
            name: cap.name.clone(),
            sub: sub(&cap.sub),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| rewrite(h, cut_classes)).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(|h| rewrite(h, cut_classes)).collect()),
    }
}

/// A Unicode word boundary as the ASCII one, which it equals on ASCII text (the ASCII
/// characters of `\w` are exactly `[0-9A-Za-z_]`).
fn ascii_look(look: Look) -> Look {
    match look {
        Look::WordUnicode => Look::WordAscii,
        Look::WordUnicodeNegate => Look::WordAsciiNegate,
        Look::WordStartUnicode => Look::WordStartAscii,
        Look::WordEndUnicode => Look::WordEndAscii,
        Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
        Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Searches planned as [`Plan::Candidates`] (a test-build counter).
        pub(super) static CANDIDATE_PLANS: Cell<usize> = const { Cell::new(0) };
        /// Patterns as written compiled ([`Pattern::any`]; a test-build counter).
        pub(super) static ANY_COMPILED: Cell<usize> = const { Cell::new(0) };
        /// Copies with ASCII boundaries printed from the rewritten pattern, not spliced into its
        /// source ([`ascii_boundaries_source`]; a test-build counter).
        pub(super) static BOUNDARIES_PRINTED: Cell<usize> = const { Cell::new(0) };
    }

    /// The groups of every match, as (group index, start, end).
    fn groups(re: &Regex, hay: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(hay)
            .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
            .collect()
    }

    #[test]
    fn the_ascii_twin_finds_the_same_groups_on_ascii_text() {
        let patterns = [
            r"(?P<hon>\b(?:Mr|Dr)\.?\s+)?\b(?P<name>(?:\p{Lu}\p{Ll}?\.|\p{Lu}[\p{L}&'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){0,4})",
            r"(?i)\b(?P<dir>down|up|rose|fell)\s+(?:[\w.,%$€£]+\s+){0,3}?(?:from|to)\s+$",
            r"^(?:[^\x22“”«»]{0,60}?,\s+)??(?P<who>[Tt]he\s+[\p{Ll}'’-]+(?:\s+[\p{Ll}'’-]+){0,3}?|\p{Lu}\w+)\s+(?P<cue>said|says)\b[^\x22“”«»]{0,80}?[:,]\s*$",
            r"(?i)(?:\bbetween\s+[$€£]?[\d,.]+\s+and\s+|(?P<pre>\b\w+\s+)?[$€£]?[\d,.]+\s*(?:-|–|—|\bto\b)\s*[$€£]?)$",
            r"\b\p{Lu}[\p{L}'’-]+",
        ];
        let texts = [
            "Mr. John Frank, Microsoft VP, said: ",
            "The company's general counsel said in a statement, ",
            "up 12% from 27,700 in the first half, down from ",
            "between 60 and 70 percent, 5 to ",
            "Dr Jane O'Neil-Smith and Ursula von Leyen met K. Ito.",
            "",
        ];
        for p in patterns {
            let pattern = Pattern::new(p).unwrap();
            let ascii = pattern.ascii.as_ref().expect("the twin compiles");
            assert!(std::ptr::eq(pattern.on(texts[0]), ascii));
            for t in texts {
                assert_eq!(groups(ascii, t), groups(pattern.any(), t), "{p} on {t:?}");
            }
        }
    }

    #[test]
    fn ascii_word_boundaries_find_the_same_groups_on_text_whose_other_characters_are_not_words() {
        let patterns = [
            r"(?P<hon>\b(?:Mr|Dr)\.?\s+)?\b(?P<name>(?:\p{Lu}\p{Ll}?\.|\p{Lu}[\p{L}&'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){0,4})",
            r"(?i)\b(?P<ord>first|second)\s+(?P<part>half|quarter)\b(?:\s+of\s+(?P<py>20[0-9][0-9])\b)?|\b(?P<year>(?:19|20)[0-9][0-9])\b",
            r"^(?:[^\x22“”«»]{0,60}?,\s+)??(?P<who>\p{Lu}\w+)\s+(?P<cue>said|says)\b[^\x22“”«»]{0,80}?[:,]\s*$",
            r"\B-\w+\b",
        ];
        let texts = [
            "“We object,” said Mr. John Frank — Microsoft’s VP — in the second half of 2014…",
            "In the first half of 2015 – and 2016 – “Dr Jane O’Neil” said: ",
            "Frank said, “no”:\u{a0}",
            "x-ray “y-z” 2014’s",
        ];
        for p in patterns {
            let pattern = Pattern::new(p).unwrap();
            for t in texts {
                assert!(!t.is_ascii() && !has_word_character_outside_ascii(t));
                let words = pattern.on(t);
                assert!(!std::ptr::eq(words, pattern.any()), "{p}: the copy runs on {t:?}");
                assert_eq!(groups(words, t), groups(pattern.any(), t), "{p} on {t:?}");
            }
        }
    }

    /// Everything a pattern can be asked, as offsets: every match and its groups, the first
    /// match and the groups of the first match from each character boundary, and `is_match`.
    fn answers(p: &Pattern, hay: &str) -> String {
        let spans = |c: Option<Captures>| c.map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>());
        let mut out = format!("{:?}\n", p.find_iter(hay).map(|m| m.range()).collect::<Vec<_>>());
        out += &format!(
            "{:?}\n",
            p.captures_iter(hay).map(|c| spans(Some(c))).collect::<Vec<_>>()
        );
        out += &format!("{:?} {:?}\n", p.is_match(hay), p.find(hay).map(|m| m.range()));
        for (at, _) in hay.char_indices() {
            out += &format!(
                "{at}: {:?} {:?}\n",
                spans(p.captures_at(hay, at)),
                p.find_at(hay, at).map(|m| m.range())
            );
        }
        out
    }

    /// The same answers from the pattern as written, searched directly.
    fn answers_as_written(p: &Pattern, hay: &str) -> String {
        let direct = Pattern {
            ascii: None,
            ascii_words_source: None,
            ascii_words: OnceLock::new(),
            masking: None,
            words_find_every_start: false,
            one_character: None,
            ..p.clone()
        };
        answers(&direct, hay)
    }

    /// Patterns with `\b` beside ASCII words, as the extractors write them, and patterns whose
    /// `\b` is beside other characters; texts with letters outside ASCII right beside them.
    const BOUNDARY_PATTERNS: [&str; 9] = [
        r"(?i)\b(?P<dir>down|up|rose|fell|compared)\s+(?:[\w.,%$€£]+\s+){0,3}?(?:from|with|to)\s+(?:the\s+)?$",
        r"(?i)\b(?:than|versus|vs\.?)\s+(?:the\s+)?(?:about\s+|nearly\s+)?$",
        r"(?i)\bthe\s+(?:same\s+)?(?P<anaphor>period|year)\b",
        r"\bsaid\b|\b[A-Z][a-z]+\b",
        r"[0-9]+\b",
        r"(?i)\b(?:first|second)\s+half\b",
        r"\b\w+\b",
        r"\B-[a-z]+",
        r"\b(?:Yahoo!?|Kik)\b",
    ];
    const BOUNDARY_TEXTS: [&str; 9] = [
        "“Requests rose — 12% — from ” the year’s, Said said: more than\u{a0}",
        "Requests rose 12% from 27,700 and fell éfrom 3 compared with ",
        "édown from the ",
        "Müller said the year was down 5 per cent from ",
        "more thané the same period, more than the ",
        "Ångström the yearé, éthe year; “the same period” in 2014é and 2015",
        "ſecond half and second half, Yahoo!é Yahoo! Kik \u{212A}ik x-ray é-ray",
        "В первой половине, the year, said Павел, Saidé said",
        "_down from the year_ 12_ 12",
    ];

    #[test]
    fn the_copy_with_ascii_boundaries_finds_every_start_where_its_boundaries_are_beside_ascii_words() {
        CANDIDATE_PLANS.with(|n| n.set(0));
        for p in BOUNDARY_PATTERNS {
            let pattern = Pattern::new(p).unwrap();
            // each text, and its first half (ending inside a word)
            let half = |t: &'static str| &t[..t.char_indices().nth(t.chars().count() / 2).map_or(0, |(i, _)| i)];
            for t in BOUNDARY_TEXTS.into_iter().chain(BOUNDARY_TEXTS.map(half)) {
                assert_eq!(answers(&pattern, t), answers_as_written(&pattern, t), "{p} on {t:?}");
            }
        }
        // each of the first five patterns, on the texts with characters outside ASCII, at least
        let planned = CANDIDATE_PLANS.with(Cell::get);
        assert!(planned >= 5 * 9, "{planned} searches planned from candidates");
    }

    /// A copy is made only where it reads back as the pattern rewritten: regex-syntax prints a
    /// repetition of a repetition as a lazy one (`(?:\s+)?` as `\s+?`), which would find
    /// nothing in "said" where the pattern finds "said", so the printed ASCII twin is refused;
    /// the copy with ASCII boundaries is the source with its `\b` wrapped, which reads back.
    #[test]
    fn a_copy_is_the_pattern_rewritten_or_none() {
        BOUNDARIES_PRINTED.with(|n| n.set(0));
        let bracketed = Pattern::new(r"\bsaid(?:\s+)?").unwrap();
        assert!(bracketed.ascii.is_none());
        assert_eq!(bracketed.ascii_words_source.as_deref(), Some(r"(?-u:\b)said(?:\s+)?"));
        let words = bracketed.ascii_words().expect("the spliced copy");
        assert!(std::ptr::eq(bracketed.on("“said”"), words));
        for hay in ["said", "Müller said", "“said”", "he said  so", "“he said  so”"] {
            assert_eq!(answers(&bracketed, hay), answers_as_written(&bracketed, hay), "{hay:?}");
        }
        for p in BOUNDARY_PATTERNS {
            let pattern = Pattern::new(p).unwrap();
            assert!(pattern.ascii.is_some() && pattern.ascii_words().is_some(), "{p}");
        }
        assert_eq!(BOUNDARIES_PRINTED.with(Cell::get), 0, "every copy spliced");
    }

    /// The copy with ASCII boundaries is spliced into the pattern's source where that reads
    /// back as the pattern rewritten (boundaries of every kind, some already ASCII, inside
    /// groups, repetitions and case-insensitive parts), which is far shorter than printing the
    /// rewritten pattern; printed where it does not.
    #[test]
    fn ascii_boundaries_are_spliced_into_the_source() {
        let patterns = [
            r"\bsaid\b",
            r"(?i)(?:\bfrom|\Bto)+\b{start}x\b{end}",
            r"(?-u:\b)x\b(?u:\b)",
            r"\<\p{Lu}\p{Ll}+\>|\b{start-half}[\p{L}'’-]{2,40}\b{end-half}",
            r"^(?:[^\x22“”«»]{0,60}?,\s+)??(?P<who>\p{Lu}\w+)\s+(?P<cue>said|says)\b[^\x22“”«»]{0,80}?[:,]\s*$",
        ];
        for p in patterns {
            BOUNDARIES_PRINTED.with(|n| n.set(0));
            let hir = regex_syntax::Parser::new().parse(p).unwrap();
            let source = ascii_boundaries_source(p, &hir).unwrap();
            assert_eq!(BOUNDARIES_PRINTED.with(Cell::get), 0, "{p} spliced");
            assert_eq!(
                regex_syntax::Parser::new().parse(&source).unwrap(),
                rewrite(&hir, false),
                "{p}"
            );
            assert!(source.len() < p.len() + 40, "{p}: {source}");
            assert!(
                source.len() * 10 < printed(&rewrite(&hir, false)).unwrap().len() || p.is_ascii(),
                "{p}"
            );
        }
        // the splice is checked: made from a source that is not the parsed pattern's, it is
        // refused, and the rewrite printed
        BOUNDARIES_PRINTED.with(|n| n.set(0));
        let hir = regex_syntax::Parser::new().parse(r"\bx").unwrap();
        assert_eq!(ascii_boundaries_source(r"\by", &hir), printed(&rewrite(&hir, false)));
        assert_eq!(
            BOUNDARIES_PRINTED.with(Cell::get),
            1,
            "the splice of another source is refused"
        );
    }

    #[test]
    fn boundaries_are_beside_ascii_words_only_before_or_after_ascii_word_characters() {
        let beside = |p: &str| Pattern::new(p).unwrap().words_find_every_start;
        for p in &BOUNDARY_PATTERNS[..5] {
            assert!(beside(p), "{p}");
        }
        for p in &BOUNDARY_PATTERNS[5..] {
            assert!(!beside(p), "{p}");
        }
        // a boundary with nothing known beside it, one beside what may be empty, a pattern that
        // may match nothing, and one without a Unicode boundary
        for p in [r"(?:\b|y)x", r"\b(?:x)?y", r"(?:\bx)?", r"(?-u:\b)x", r"\b\d+"] {
            assert!(!beside(p), "{p}");
        }
        for p in [r"x\b", r"\b(?:ab|c)+", r"(?:\bx|y)\b", r"\b[_a]"] {
            assert!(beside(p), "{p}");
        }
    }

    #[test]
    fn masked_haystacks_find_the_same_matches_and_groups() {
        let patterns = [
            r"(?i)\b(?P<ord>first|second)\s+(?P<part>half|quarter)\b(?:\s+of\s+(?P<py>20[0-9][0-9])\b)?|\b(?P<year>(?:19|20)[0-9][0-9])\b",
            r"(?i)\b(?:march|august)\.?\s+(?P<y>20[0-9]{2})\b|\b[0-9]{1,2}:[0-9]{2}\b",
            r"\bsaid\b|\b[A-Z][a-z]+\b",
            r"\B-[a-z]+\b",
            r"(?i)\bthe\s+(?:same\s+)?(?P<anaphor>period|year)\b",
        ];
        let texts = [
            "Müller said in the first half of 2014 that the year was good.",
            "В первой половине 2014 года, in the second half of 2015, Žižek—2016—said…",
            "2014é first half of 2014é éthe year the year, «March 2015» x-ray é-ray",
            "Ångström’s 12:30 the same period; 2019’s “first quarter of 2020”",
            "ſecond half of 2014 and the ſame period, Kelvin \u{212A}2014 second half of 2013",
            "東京 2014年 first half of 2014 東京",
            "_2014 a_b second_half 2014_ the_year",
        ];
        for p in patterns {
            let pattern = Pattern::new(p).unwrap();
            assert!(pattern.masking.is_some(), "{p} can be searched masked");
            for t in texts {
                assert_eq!(answers(&pattern, t), answers_as_written(&pattern, t), "{p} on {t:?}");
            }
        }
    }

    #[test]
    fn masking_is_used_only_where_it_is_exact() {
        let period = Pattern::new(r"(?i)\b(?:first|second)\s+half\s+of\s+(?:19|20)[0-9][0-9]\b").unwrap();
        let masked = |p: &Pattern, t: &str| matches!(p.plan(t, Wanted::Every), Plan::Masked(..));
        assert!(masked(&period, "Müller: the first half of 2014"));
        // "ſ" is a case form of "s", which the pattern can match: masking it would lose a match.
        assert!(!masked(&period, "Müller: the firſt half of 2014"));
        assert_eq!(
            period.find("the firſt half of 2014").map(|m| m.as_str()),
            Some("firſt half of 2014")
        );
        // A pattern that can match the text's letters outside ASCII is not masked on it.
        let name = Pattern::new(r"\b\p{Lu}\p{Ll}+\b").unwrap();
        assert!(!masked(&name, "Müller said") && !masked(&name, "Муллер said"));
        // Digits outside ASCII are word characters but not letters.
        assert!(masked(&name, "٣٤ Jane said"));
        assert_eq!(name.find("٣٤Jane, Jane").map(|m| m.start()), Some("٣٤Jane, ".len()));
        // Patterns that can match `_`, or nothing, are never masked.
        for p in [r"\b\w+@", r"\b[a-z_]+\b", r"\b(?:x)?"] {
            assert!(Pattern::new(p).unwrap().masking.is_none(), "{p}");
        }
        // Text without letters outside ASCII takes the copy directly.
        assert!(!masked(&period, "“the first half of 2014”"));
    }

    #[test]
    fn a_masked_haystack_keeps_every_offset() {
        let m = Masked::of("Ré “x” 東京 ſ");
        assert_eq!(&*m.masked, "R__ “x” ______ __");
        assert_eq!(m.words, ['é', 'ſ', '京', '東']);
    }

    #[test]
    fn long_masked_texts_are_not_kept_past_a_megabyte() {
        let kept = || MASKED.with(|k| k.borrow().iter().map(|m| m.original.len()).collect::<Vec<_>>());
        let long = |c: char| format!("{c} ").repeat(200_000);
        let (a, b) = (long('é'), long('ü'));
        masked(&a);
        assert_eq!(kept(), [a.len()]);
        masked(&b);
        assert_eq!(kept(), [b.len()], "two would be over a megabyte");
        masked("Ré");
        masked("Mü");
        assert_eq!(kept(), ["Mü".len(), "Ré".len(), b.len()]);
    }

    #[test]
    fn a_part_of_a_masked_text_is_read_from_its_mask_and_only_when_the_bytes_agree() {
        let text = String::from("Müller said so. Then the first half of 2014 ended; Ré.");
        let whole = Masked::of(&text);
        let part = &text["Müller said so. ".len()..];
        assert_eq!(whole.find(part), Some("Müller said so. ".len()));
        assert_eq!(whole.find(&text), Some(0));
        // The same bytes elsewhere in memory are not a part of it (nor would it matter).
        let copy = part.to_owned();
        assert_eq!(whole.find(&copy), None);
        // A text written over the same memory is recognised by its bytes, not its address.
        let mut reused = text.clone().into_bytes();
        let other = Masked::of(std::str::from_utf8(&reused).unwrap());
        reused[0] = b'N';
        assert_eq!(other.find(std::str::from_utf8(&reused).unwrap()), None);
        // On this thread: the whole text masked once, a sentence of it read from that mask.
        let whole = masked(&text);
        assert_eq!(
            whole.masked(),
            "M__ller said so. Then the first half of 2014 ended; R__."
        );
        let view = masked(part);
        assert!(Rc::ptr_eq(&view.text, &whole.text));
        assert_eq!(view.masked(), "Then the first half of 2014 ended; R__.");
    }

    #[test]
    fn a_one_character_pattern_is_answered_as_the_regex_answers() {
        let patterns = [r"^\p{L}$", r"^[a-z]$", r"(?i)^[a-z]$", r"^\s$", r"^\w$", r"^[^\d\n]$"];
        let chars = (0..=0x10_FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_ascii() || (*c as u32).is_multiple_of(7));
        let mut texts: Vec<String> = chars.map(String::from).collect();
        texts.extend(["", "ab", "a\n", "\na", "é", "éa", "aé", "Ж ", " ", "\u{212A}"].map(String::from));
        for p in patterns {
            let pattern = Pattern::new(p).unwrap();
            assert!(pattern.one_character.is_some(), "{p}");
            let regex = Regex::new(p).unwrap();
            let mut matched = 0;
            for t in &texts {
                assert_eq!(pattern.is_match(t), regex.is_match(t), "{p} on {t:?}");
                matched += usize::from(regex.is_match(t));
            }
            assert!(
                (5..texts.len() - 50).contains(&matched),
                "{p}: {matched} of {}",
                texts.len()
            );
        }
        for p in [r"^\p{L}", r"\p{L}$", r"^\p{L}+$", r"^a$", r"(?m)^\p{L}$", r"^(\p{L})$"] {
            assert!(Pattern::new(p).unwrap().one_character.is_none(), "{p}");
        }
    }

    #[test]
    fn masking_allows_exactly_the_texts_whose_letters_the_pattern_cannot_match() {
        let patterns = [
            r"(?i)\bfirst\s+half\s+of\s+20[0-9]{2}\b",
            r"\b\p{Lu}\p{Ll}+\b",
            r"\b[a-zé]+\b",
        ];
        let letters: Vec<char> = "éüſ\u{212A}ЖжК京東한국어٣".chars().collect();
        let mut allowed = [0; 2];
        for p in patterns {
            let Some(masking) = Pattern::new(p).unwrap().masking else {
                continue;
            };
            // Every sorted set of up to three of the letters, and all of them.
            let mut sets: Vec<Vec<char>> = vec![letters.clone()];
            for (i, &a) in letters.iter().enumerate() {
                for (j, &b) in letters.iter().enumerate().skip(i) {
                    for &c in &letters[j..] {
                        sets.push(vec![a, b, c]);
                    }
                }
            }
            for mut words in sets {
                words.sort_unstable();
                words.dedup();
                let allows = !words.iter().any(|&c| class_holds(&masking.consumable, c));
                assert_eq!(masking.allows(&words), allows, "{p} {words:?}");
                allowed[usize::from(allows)] += 1;
            }
        }
        assert!(allowed.iter().all(|&n| n >= 100), "{allowed:?}");
    }

    #[test]
    fn remembered_answers_are_the_properties_answers() {
        // Every character outside ASCII in order (each slot taken by turns by characters with
        // different answers), in a scattered order, then the first blocks again and again.
        let chars: Vec<char> = (0x80..=0x10_FFFF_u32).filter_map(char::from_u32).collect();
        let scattered = (0..chars.len()).map(|i| chars[i * 7919 % chars.len()]);
        let again = chars[..REMEMBERED].iter().copied().cycle().take(0x4000);
        let properties: [fn(char) -> bool; 3] =
            [char::is_alphabetic, char::is_numeric, regex_syntax::is_word_character];
        for property in properties {
            let mut remembered: Remembered<_, REMEMBERED> = Remembered::new(property);
            let mut recalled = 0;
            for c in chars.iter().copied().chain(scattered.clone()).chain(again.clone()) {
                recalled += usize::from(remembered.knows(c));
                assert_eq!(remembered.holds(c), property(c), "{c:?}");
            }
            assert!((0x3000..chars.len()).contains(&recalled), "{recalled}");
        }
    }

    #[test]
    fn characters_outside_ascii_and_masks_are_those_read_a_character_at_a_time() {
        // ASCII runs of every length around 32 between runs of characters of 2, 3 and 4 bytes,
        // word characters and others.
        let others = ["é", "Жж", "’", "“—”", "前", "٣", "\u{a0}", "😀x", "ſ"];
        let mut texts = Vec::new();
        for run in 0..70 {
            for (i, other) in others.iter().enumerate() {
                let next = others[(i + run) % others.len()];
                texts.push(format!("{other}{}{next}{}", "a ".repeat(run / 2), "b".repeat(run % 3)));
            }
        }
        let mut found = 0;
        for t in &texts {
            let expected: Vec<(usize, char)> = t.char_indices().filter(|(_, c)| !c.is_ascii()).collect();
            assert_eq!(chars_outside_ascii(t).collect::<Vec<_>>(), expected, "{t:?}");
            let mask: String = t
                .chars()
                .map(|c| match c.is_ascii() || !regex_syntax::is_word_character(c) {
                    true => c.to_string(),
                    false => "_".repeat(c.len_utf8()),
                })
                .collect();
            assert_eq!(&*Masked::of(t).masked, mask, "{t:?}");
            found += expected.len();
        }
        assert!(found >= 1500, "{found}");
    }

    /// The characters told by their bytes are told as the regex crate tells them: every one of
    /// U+0080 to U+00BF and U+2000 to U+203F, alone and among others.
    #[test]
    fn punctuation_told_by_bytes_is_no_word_character() {
        let mut told = 0;
        for c in ('\u{80}'..='\u{bf}').chain('\u{2000}'..='\u{203f}') {
            let word = regex_syntax::is_word_character(c);
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(punctuation_at(bytes, 0), (!word).then_some(bytes.len()), "{c:?}");
            told += usize::from(!word);
            for text in [format!("a{c}b"), format!("“{c}”"), format!("{c}—{c}"), format!("x{c}")] {
                let by_chars = text
                    .chars()
                    .any(|c| !c.is_ascii() && regex_syntax::is_word_character(c));
                assert_eq!(has_word_character_outside_ascii(&text), by_chars, "{text:?}");
            }
        }
        // the next characters are decoded
        for c in ['\u{c0}', '\u{d7}', '\u{2040}', '\u{2054}', '\u{20ac}', '\u{2122}'] {
            let mut buf = [0; 4];
            assert_eq!(punctuation_at(c.encode_utf8(&mut buf).as_bytes(), 0), None, "{c:?}");
        }
        assert!(told >= 120, "{told}");
    }

    #[test]
    fn word_characters_outside_ascii_are_found_anywhere() {
        let ascii = "a".repeat(70);
        for c in ['é', 'Ж', '前', '٣'] {
            for at in [0, 1, 31, 32, 33, 64, 70] {
                let text = format!("{}“{c}”{}", &ascii[..at], &ascii[at..]);
                assert!(has_word_character_outside_ascii(&text), "{c} at {at}");
                let text = format!("{}“—”{}", &ascii[..at], &ascii[at..]);
                assert!(!has_word_character_outside_ascii(&text), "no word character at {at}");
            }
        }
    }

    #[test]
    fn every_character_outside_ascii_that_a_digit_class_matches_is_told() {
        let HirKind::Class(Class::Unicode(digits)) = regex_syntax::parse(r"\d").unwrap().into_kind() else {
            panic!("\\d is a class");
        };
        let ascii = "a".repeat(40);
        let mut told = 0;
        for c in digits
            .iter()
            .flat_map(|r| r.start()..=r.end())
            .filter(|c| !c.is_ascii())
        {
            for at in [0, 1, 31, 33, 40] {
                let text = format!("{}é’{c}{}", &ascii[..at], &ascii[at..]);
                assert!(has_digit_outside_ascii(&text), "{c:?} ({:X}) at {at}", c as u32);
            }
            told += 1;
        }
        assert!(told > 600, "{told}");
        // what news text in Latin script has outside ASCII, numeric or not, is passed over
        assert!(!has_digit_outside_ascii(
            "Müller’s “½” — ² ¹ ¼ … ⁵ ₂ ① Ⅻ naïve ‰ €5 \u{a0}"
        ));
        assert!(has_digit_outside_ascii("x ٣ y") && has_digit_outside_ascii("１２") && has_digit_outside_ascii("𝟙"));
    }

    #[test]
    fn a_word_character_outside_ascii_takes_the_pattern_as_written() {
        let pattern = Pattern::new(r"\b\p{Lu}\p{Ll}+\b").unwrap();
        assert!(has_word_character_outside_ascii("“Émile”"));
        assert!(std::ptr::eq(pattern.on("“Émile”"), pattern.any()));
        // Under ASCII boundaries there is none before "É", and no match.
        assert_eq!(pattern.find("“Émile”").map(|m| m.as_str()), Some("Émile"));
        let words = Regex::new(pattern.ascii_words_source.as_ref().unwrap()).unwrap();
        assert_eq!(words.find("“Émile”"), None);
        assert!(Pattern::new(r"\p{Lu}").unwrap().ascii_words_source.is_none());
    }

    /// The pattern as written is compiled on the first haystack that needs it, once: not for
    /// ASCII haystacks (the ASCII copy), nor for haystacks whose only characters outside ASCII
    /// are no word characters (the copy with ASCII boundaries), and every search gives what the
    /// pattern as written gives; a pattern that does not parse is the regex crate's error.
    #[test]
    fn the_pattern_as_written_is_compiled_on_first_need() {
        let compiled = || ANY_COMPILED.with(Cell::get);
        let pattern = Pattern::new(r"(?P<who>\b\p{Lu}\p{Ll}+)\s+(?P<cue>said)\b").unwrap();
        let before = compiled();
        assert_eq!(
            pattern.capture_names().collect::<Vec<_>>(),
            [None, Some("who"), Some("cue")]
        );
        let ascii = ["Then Jane Doe said so.", "Doe said", "nobody spoke", ""];
        let quotes = ["“We object,” Frank said — twice.", "‘no’ – said"];
        let letters = ["“Yes,” Émile said.", "Ünal said é"];
        let found = |hay: &str| {
            let by_captures = pattern
                .captures(hay)
                .map(|c| (c["who"].to_string(), c.get(0).unwrap().range()));
            (pattern.is_match(hay), pattern.find(hay).map(|m| m.range()), by_captures)
        };
        let seen: Vec<_> = ascii.iter().chain(&quotes).map(|hay| found(hay)).collect();
        assert_eq!(compiled(), before, "no haystack so far needs the pattern as written");
        let seen_after: Vec<_> = letters.iter().map(|hay| found(hay)).collect();
        assert_eq!(compiled(), before + 1, "letters outside ASCII need it, once");
        let written = Regex::new(&pattern.source).unwrap();
        for (hay, got) in ascii
            .iter()
            .chain(&quotes)
            .chain(&letters)
            .zip(seen.iter().chain(&seen_after))
        {
            let by_captures = written
                .captures(hay)
                .map(|c| (c["who"].to_string(), c.get(0).unwrap().range()));
            let want = (written.is_match(hay), written.find(hay).map(|m| m.range()), by_captures);
            assert_eq!(got, &want, "{hay:?}");
        }
        assert_eq!(seen_after[0].2.as_ref().map(|(who, _)| who.as_str()), Some("Émile"));
        let unclosed = ["(?P<x>", "a"].concat(); // (built, so that clippy does not refuse it)
        let error = Pattern::new(&unclosed).unwrap_err();
        assert_eq!(error.to_string(), Regex::new(&unclosed).unwrap_err().to_string());
    }

    #[test]
    fn non_ascii_text_uses_the_pattern_as_written() {
        let pattern = Pattern::new(r"\p{Lu}\p{Ll}+").unwrap();
        assert_eq!(pattern.find("élan Émile").map(|m| m.as_str()), Some("Émile"));
        assert_eq!(pattern.find("elan Emile").map(|m| m.as_str()), Some("Emile"));
    }
}
