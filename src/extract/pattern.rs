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
//! a fraction of the size. A haystack with any other character uses the pattern as written.

use regex::{CaptureMatches, Captures, Match, Matches, Regex};
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition,
};

/// A regex, with a faster twin for ASCII haystacks.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The pattern as written: used for haystacks with non-ASCII characters.
    any: Regex,
    /// The pattern with every class cut to ASCII, when it compiles to the same groups.
    ascii: Option<Regex>,
}

impl Pattern {
    /// Compiles `pattern` (regex syntax) and its ASCII twin.
    pub fn new(pattern: &str) -> Result<Pattern, regex::Error> {
        let any = Regex::new(pattern)?;
        let ascii = ascii_twin(pattern)
            .and_then(|p| Regex::new(&p).ok())
            .filter(|a| a.capture_names().eq(any.capture_names()));
        Ok(Pattern { any, ascii })
    }

    /// The regex to run on `haystack`.
    fn on(&self, haystack: &str) -> &Regex {
        match &self.ascii {
            Some(ascii) if haystack.is_ascii() => ascii,
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

/// `pattern` with every class cut to ASCII and Unicode word boundaries made ASCII ones, written
/// back as regex syntax; `None` when it does not parse.
fn ascii_twin(pattern: &str) -> Option<String> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    Some(to_ascii(&hir).to_string())
}

/// The same expression for a haystack known to be ASCII.
fn to_ascii(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0.clone()),
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
            sub: Box::new(to_ascii(&rep.sub)),
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            index: cap.index,
            name: cap.name.clone(),
            sub: Box::new(to_ascii(&cap.sub)),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(to_ascii).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(to_ascii).collect()),
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
            for t in texts {
                assert_eq!(groups(ascii, t), groups(&pattern.any, t), "{p} on {t:?}");
            }
        }
    }

    #[test]
    fn non_ascii_text_uses_the_pattern_as_written() {
        let pattern = Pattern::new(r"\p{Lu}\p{Ll}+").unwrap();
        assert_eq!(pattern.find("élan Émile").map(|m| m.as_str()), Some("Émile"));
        assert_eq!(pattern.find("elan Emile").map(|m| m.as_str()), Some("Emile"));
    }
}
