//! Name and space readers for text whose characters outside ASCII are none of them word
//! characters (ASCII text, and most news text: curly quotes and dashes are not word characters).
//! On such text the Unicode patterns of [`super::cue`] match what these read: `\p{Lu}` can only
//! match `A-Z`, `\p{L}` ASCII letters and `’`-less classes ASCII ones, and `\b` is an ASCII word
//! boundary; `\s` keeps its Unicode spaces and `’ “ ”` their place in names. The patterns run
//! over every capitalised word and every quote, and the capture searches they need cost
//! thousands of instructions each; the callers fall back to the patterns on other text, and
//! tests check each reader against its pattern. A change to `NAME` or `FULL_NAME` must be made
//! here too: those tests are what ties the two.

/// The right single quotation mark, an apostrophe in names ("O’Neil").
const APOSTROPHE: &[u8] = "’".as_bytes();
/// The curly quotation marks that may open and close a nickname (`“Tank”`).
const OPENING_MARK: &[u8] = "“".as_bytes();
const CLOSING_MARK: &[u8] = "”".as_bytes();

/// Whether `b` is a word character of `\b` on ASCII text.
pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `b` is `\s` on ASCII text (Unicode White_Space: unlike `u8::is_ascii_whitespace`,
/// it includes the vertical tab).
pub(super) fn is_space_byte(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Honorifics of group `hon` of `FULL_NAME` (people.rs).
pub(super) const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Judge", "Sen", "Rep", "Gov", "Sir", "Dame", "Lord", "Lady",
];
/// Honorifics and abbreviations that may open a [`NAME`](super::cue::NAME).
const NAME_PREFIXES: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "St"];

/// Particles between the words of a [`NAME`](super::cue::NAME).
const PARTICLES: &[&str] = &["de", "van", "von", "der", "da", "di", "du", "le", "la", "al", "bin"];

/// Where [`NAME`](super::cue::NAME) matching at `i` in ASCII `bytes` ends.
pub(super) fn ascii_name_at(bytes: &[u8], i: usize) -> Option<usize> {
    let after_prefix = word_then_spaces(bytes, i, NAME_PREFIXES, Dot::Required);
    let mut end = after_prefix
        .and_then(|p| name_word_at(bytes, p, true))
        .or_else(|| name_word_at(bytes, i, true))?;
    for _ in 0..4 {
        let spaces = count_spaces(bytes, end);
        if spaces == 0 {
            break;
        }
        let mut at = end + spaces;
        while let Some(next) = word_then_spaces(bytes, at, PARTICLES, Dot::None) {
            at = next;
        }
        match name_word_at(bytes, at, false) {
            Some(word_end) => end = word_end,
            None => break,
        }
    }
    Some(end)
}

/// What may follow a word before its spaces in [`word_then_spaces`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Dot {
    /// "Mr. Smith" and "Mr Smith".
    Optional,
    /// "St. Vincent" only.
    Required,
    /// "van Gogh" only.
    None,
}

/// After one of `words` at `i` followed by `period` and one or more spaces: where the spaces
/// end. (No word of a list is followed by a letter, so the letters at `i` must be one of them.)
pub(super) fn word_then_spaces(bytes: &[u8], i: usize, words: &[&str], period: Dot) -> Option<usize> {
    let rest = &bytes[i..];
    let mut at = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if at == 0 || at > 5 || !words.iter().any(|w| w.as_bytes() == &rest[..at]) {
        return None;
    }
    if period != Dot::None && rest.get(at) == Some(&b'.') {
        at += 1;
    } else if period == Dot::Required {
        return None;
    }
    let spaces = count_spaces(rest, at);
    (spaces > 0).then_some(i + at + spaces)
}

/// How many spaces start at `i`.
pub(super) fn count_spaces(bytes: &[u8], i: usize) -> usize {
    let mut at = i;
    while at < bytes.len() {
        match space_len(&bytes[at..]) {
            0 => break,
            n => at += n,
        }
    }
    at - i
}

/// The length in bytes of the `\s` (Unicode White_Space) character that starts `bytes`; 0 if
/// none does.
fn space_len(bytes: &[u8]) -> usize {
    match bytes {
        [b, ..] if is_space_byte(*b) => 1,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// In ASCII `after`, which starts with a comma, the phrase `\s*(?P<p>[^X\x22“”«»]{2,120}?)`
/// after it, where X is `stops` (a comma and others), and where the stop ending it stands. The
/// phrase cannot hold a stop, so it ends at the first stop or `"` (which ends nothing); it takes
/// the spaces after the comma only when it needs them to be two characters long (`\s*` gives
/// back as few as it can), and is at most 120 characters. Roles and appositions are read so.
pub(super) fn phrase_after_comma<'t>(after: &'t str, stops: &[u8]) -> Option<(&'t str, usize)> {
    let bytes = after.as_bytes();
    let spaces = count_spaces(bytes, 1);
    let end = 1 + bytes[1..].iter().position(|b| *b == b'"' || stops.contains(b))?;
    if bytes[end] == b'"' {
        return None;
    }
    let start = 1 + spaces.min((end - 1).checked_sub(2)?);
    (end - start <= 120).then(|| (&after[start..end], end))
}

/// Where one word of a [`NAME`](super::cue::NAME) at `i` ends: an initial or abbreviation ("F.", "St."), a
/// capitalised word (with `&` only as the first word), or, after the first word, a nickname
/// in marks.
fn name_word_at(bytes: &[u8], i: usize, first: bool) -> Option<usize> {
    let at = |k: usize| bytes.get(i + k).copied();
    if at(0).is_some_and(|b| b.is_ascii_uppercase()) {
        if at(1).is_some_and(|b| b.is_ascii_lowercase()) && at(2) == Some(b'.') {
            return Some(i + 3);
        }
        if at(1) == Some(b'.') {
            return Some(i + 2);
        }
        let letters = name_letters(&bytes[i + 1..], first);
        return (letters > 0).then_some(i + 1 + letters);
    }
    let open = mark_len(&bytes[i..], OPENING_MARK);
    if first || open == 0 || !at(open).is_some_and(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let letters = name_letters(&bytes[i + open + 1..], false);
    let after = i + open + 1 + letters;
    let close = mark_len(&bytes[after..], CLOSING_MARK);
    (letters > 0 && close > 0).then_some(after + close)
}

/// The length of the straight quotation mark or of `curly` that starts `bytes`; 0 if neither does.
fn mark_len(bytes: &[u8], curly: &[u8]) -> usize {
    if bytes.first() == Some(&b'"') {
        1
    } else if bytes.starts_with(curly) {
        curly.len()
    } else {
        0
    }
}

/// How many bytes of letters, apostrophes (`'` and `’`) and hyphens (and ampersands, in a first
/// word) start `bytes`.
pub(super) fn name_letters(bytes: &[u8], first: bool) -> usize {
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii_alphabetic() || b == b'\'' || b == b'-' || (first && b == b'&') {
            at += 1;
        } else if bytes[at..].starts_with(APOSTROPHE) {
            at += APOSTROPHE.len();
        } else {
            break;
        }
    }
    at
}

/// The first capital at or after `i` in `bytes` that starts a word (with `\b` before it, for
/// text whose characters outside ASCII are not word characters).
/// Capitals are a few percent of the bytes of a text: eight bytes are tested at a time.
pub(super) fn next_word_capital(bytes: &[u8], mut i: usize) -> Option<usize> {
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let eight = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if capitals(eight) == 0 {
                i += 8;
                continue;
            }
        }
        if bytes[i].is_ascii_uppercase() && (i == 0 || !is_word_byte(bytes[i - 1])) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The high bit of each byte of `eight` that is a capital letter, set.
fn capitals(eight: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Adding 0x80 - c to a byte's low seven bits sets its high bit when they are at least c
    // (and never carries into the next byte); bytes with the high bit set are no capitals.
    let low = eight & !HIGH;
    let from_a = low.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let after_z = low.wrapping_add(ONES * (0x80 - u64::from(b'Z' + 1)));
    from_a & !after_z & !eight & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_capitals_eight_bytes_at_a_time_are_those_byte_by_byte() {
        let text = b"the Quick brown fOx @Z [A `a {z Jumps_Over 9Lazy dogs AND THE END. xxxxxxxxxxxxxxxxxA Q";
        let mut by_byte = Vec::new();
        for i in 0..text.len() {
            if text[i].is_ascii_uppercase() && (i == 0 || !is_word_byte(text[i - 1])) {
                by_byte.push(i);
            }
        }
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(at) = next_word_capital(text, i) {
            found.push(at);
            i = at + 1;
        }
        assert_eq!(found, by_byte);
        assert_eq!(found.len(), 8);
        for b in 0..=255u8 {
            assert_eq!(capitals(u64::from(b)) != 0, b.is_ascii_uppercase(), "{b}");
            let eight = u64::from_le_bytes([0xFF, b, 0xC2, b'A' - 1, b'Z' + 1, 0xE2, 0x80, 0xFF]);
            assert_eq!(
                capitals(eight),
                u64::from(b.is_ascii_uppercase()) << 15,
                "{b} among others"
            );
        }
    }
}
