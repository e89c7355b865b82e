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
//! A haystack with other characters uses the pattern as written, with one exception. The lazy
//! DFA cannot decide a Unicode word boundary (`\b`) next to a non-ASCII character, and gives
//! the whole search to the PikeVM, which is a hundred times slower: on real news text, full of
//! curly quotes and dashes, that was two thirds of all the work. But curly quotes and dashes are
//! not word characters, and on a haystack whose only non-ASCII characters are non-word ones, a
//! Unicode word boundary is exactly an ASCII one. So a pattern with Unicode word boundaries is
//! also compiled (on first need) with them made ASCII and its classes as written, and that copy
//! runs on such haystacks.

use regex::{CaptureMatches, Captures, Match, Matches, Regex};
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition,
};
use std::sync::OnceLock;

/// A regex, with a faster twin for ASCII haystacks.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The pattern as written: used for haystacks with non-ASCII characters.
    any: Regex,
    /// The pattern with every class cut to ASCII, when it compiles to the same groups.
    ascii: Option<Regex>,
    /// The pattern with its Unicode word boundaries made ASCII ones (classes as written), as
    /// regex syntax; `None` when it has no Unicode word boundary.
    ascii_words_source: Option<String>,
    /// [`Self::ascii_words_source`] compiled, on the first haystack that needs it; `None`
    /// inside when it does not compile to the same groups.
    ascii_words: OnceLock<Option<Regex>>,
}

impl Pattern {
    /// Compiles `pattern` (regex syntax) and its ASCII twin.
    pub fn new(pattern: &str) -> Result<Pattern, regex::Error> {
        let any = Regex::new(pattern)?;
        let hir = regex_syntax::Parser::new().parse(pattern).ok();
        let ascii = hir
            .as_ref()
            .and_then(|hir| Regex::new(&rewrite(hir, true).to_string()).ok())
            .filter(|a| a.capture_names().eq(any.capture_names()));
        let ascii_words_source = hir
            .as_ref()
            .filter(|hir| has_unicode_word_boundary(hir))
            .map(|hir| rewrite(hir, false).to_string());
        Ok(Pattern {
            any,
            ascii,
            ascii_words_source,
            ascii_words: OnceLock::new(),
        })
    }

    /// The regex to run on `haystack`.
    fn on(&self, haystack: &str) -> &Regex {
        if haystack.is_ascii() {
            return self.ascii.as_ref().unwrap_or(&self.any);
        }
        match &self.ascii_words_source {
            Some(source) if !has_word_character_outside_ascii(haystack) => self
                .ascii_words
                .get_or_init(|| {
                    Regex::new(source)
                        .ok()
                        .filter(|a| a.capture_names().eq(self.any.capture_names()))
                })
                .as_ref()
                .unwrap_or(&self.any),
            _ => &self.any,
        }
    }

    /// The names of the groups, by index (the same in both compilations).
    pub fn capture_names(&self) -> regex::CaptureNames<'_> {
        self.any.capture_names()
    }

    /// Whether the pattern matches somewhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.on(haystack).is_match(haystack)
    }

    /// The leftmost-first match in `haystack`.
    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.on(haystack).find(haystack)
    }

    /// Every successive non-overlapping match in `haystack`.
    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> Matches<'r, 'h> {
        self.on(haystack).find_iter(haystack)
    }

    /// The groups of the leftmost-first match in `haystack`.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.on(haystack).captures(haystack)
    }

    /// The groups of the leftmost-first match in `haystack` at or after byte `start` (the text
    /// before `start` still counts for `\b` and `^`).
    pub fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Captures<'h>> {
        self.on(haystack).captures_at(haystack, start)
    }

    /// The groups of every successive non-overlapping match in `haystack`.
    pub fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> CaptureMatches<'r, 'h> {
        self.on(haystack).captures_iter(haystack)
    }

    /// `haystack` with its leftmost-first match replaced.
    pub fn replace<'h, R: regex::Replacer>(&self, haystack: &'h str, rep: R) -> std::borrow::Cow<'h, str> {
        self.on(haystack).replace(haystack, rep)
    }
}

/// Whether `text` has a word character (of Unicode `\w`) that is not ASCII: if not, Unicode
/// and ASCII word boundaries agree on it.
pub(crate) fn has_word_character_outside_ascii(text: &str) -> bool {
    // Asked for every search on a non-ASCII haystack: ASCII runs are skipped 32 bytes at a time.
    const RUN: usize = 32;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i..i + RUN).is_some_and(<[u8]>::is_ascii) {
            i += RUN;
        } else if bytes[i].is_ascii() {
            i += 1;
        } else {
            let c = text[i..]
                .chars()
                .next()
                .expect("a character starts at a non-ASCII byte");
            if regex_syntax::is_word_character(c) {
                return true;
            }
            i += c.len_utf8();
        }
    }
    false
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
                assert_eq!(groups(ascii, t), groups(&pattern.any, t), "{p} on {t:?}");
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
                assert!(!std::ptr::eq(words, &pattern.any), "{p}: the copy runs on {t:?}");
                assert_eq!(groups(words, t), groups(&pattern.any, t), "{p} on {t:?}");
            }
        }
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
    fn a_word_character_outside_ascii_takes_the_pattern_as_written() {
        let pattern = Pattern::new(r"\b\p{Lu}\p{Ll}+\b").unwrap();
        assert!(has_word_character_outside_ascii("“Émile”"));
        assert!(std::ptr::eq(pattern.on("“Émile”"), &pattern.any));
        // Under ASCII boundaries there is none before "É", and no match.
        assert_eq!(pattern.find("“Émile”").map(|m| m.as_str()), Some("Émile"));
        let words = Regex::new(pattern.ascii_words_source.as_ref().unwrap()).unwrap();
        assert_eq!(words.find("“Émile”"), None);
        assert!(Pattern::new(r"\p{Lu}").unwrap().ascii_words_source.is_none());
    }

    #[test]
    fn non_ascii_text_uses_the_pattern_as_written() {
        let pattern = Pattern::new(r"\p{Lu}\p{Ll}+").unwrap();
        assert_eq!(pattern.find("élan Émile").map(|m| m.as_str()), Some("Émile"));
        assert_eq!(pattern.find("elan Emile").map(|m| m.as_str()), Some("Emile"));
    }
}
