//! Where a word of value may start in a text: the sentence gate's search for the number,
//! scale, ordinal and fraction words ([`super::words::may_hold_numeral`]) without reading each
//! word of the text.
//!
//! A vector pass looks at the first three bytes of the word that may start at each place, in
//! lower case, as Teddy does: each byte's two halves are looked up in tables of eight buckets
//! (the search [`super::super::buckets`] shares with the phrase reader's), in which the first
//! three letters of the words of value are spread ([`FINGERPRINT_BUCKETS`]), so that a place
//! fits a bucket when each of its three bytes fits one of the bucket's words in both halves. Every word of value fits its bucket at its start, so the places that fit are a
//! superset of the starts of words of value: some 6 to 16 in a thousand bytes of news text
//! (the words of value among them; "for", "this", "those" and "security" most of the others),
//! which the gate then reads as words. A word read there passes the same word test as before,
//! so the gate's answer is unchanged. Reading every word of a sentence (some 60 instructions a
//! word, a word every six bytes) cost the gate 11.6 instructions a byte of generated text with
//! its numbers masked; the pass costs 2.7 and the words it reads 0.75 (about 115 each).

// Where the build has no AVX2 the gate reads every word
// (`words::ascii_words_may_hold_value_by_blocks`), and the tables and the pass a place at a
// time serve the tests only.
#![cfg_attr(not(all(target_arch = "x86_64", target_feature = "avx2")), allow(dead_code))]

#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
use super::super::buckets::places_of_32;
use super::super::buckets::Tables;

/// The bucket of the first bytes of each word of value, in lower case: the first three letters
/// of the words of three letters or more (the gate's words, `words::VALUE_WORDS`, and the tens
/// that start a glued "twentyfive", which are among them), the two letters of those of two
/// ("mn", "cr"; and "mm" for "MM"), then any third byte; and the one-letter scales ("k", "m",
/// "g": "K", "M", "G" in lower case), then a byte that is no letter and any third byte. Spread
/// so that few word starts of news text fit a bucket (found by a search of the assignments over
/// generated, real and masked text).
pub(super) const FINGERPRINT_BUCKETS: [(&[u8], u8); 50] = [
    (b"hun", 0),
    (b"nil", 0),
    (b"nin", 0),
    (b"qua", 0),
    (b"sev", 0),
    (b"six", 0),
    (b"bil", 1),
    (b"eig", 1),
    (b"ele", 1),
    (b"mil", 1),
    (b"mio", 1),
    (b"twe", 1),
    (b"two", 1),
    (b"fir", 2),
    (b"for", 2),
    (b"fou", 2),
    (b"kot", 2),
    (b"ten", 3),
    (b"thi", 3),
    (b"tho", 3),
    (b"thr", 3),
    (b"tln", 3),
    (b"tri", 3),
    (b"trn", 3),
    (b"zer", 3),
    (b"bln", 4),
    (b"bn", 4),
    (b"cr", 4),
    (b"mln", 4),
    (b"mn", 4),
    (b"cro", 5),
    (b"hal", 5),
    (b"kro", 5),
    (b"lac", 5),
    (b"lak", 5),
    (b"sec", 5),
    (b"doz", 6),
    (b"fif", 6),
    (b"fiv", 6),
    (b"nau", 6),
    (b"nou", 6),
    (b"one", 6),
    (b"dz", 7),
    (b"dzs", 7),
    (b"g", 7),
    (b"k", 7),
    (b"lkh", 7),
    (b"m", 7),
    (b"mm", 7),
    (b"tn", 7),
];

/// [`FINGERPRINT_BUCKETS`] as the vector pass reads them ([`Tables`]): the bytes of a place are
/// lowered (`| 0x20`), the second made 0 where it is no letter (so that a one-letter word is
/// told from a longer one).
pub(super) const TABLES: Tables = tables();

/// [`TABLES`], made at compile time.
const fn tables() -> Tables {
    let mut tables = Tables::EMPTY;
    let mut w = 0;
    while w < FINGERPRINT_BUCKETS.len() {
        let (start, bucket) = FINGERPRINT_BUCKETS[w];
        let mut k = 0;
        while k < 3 {
            // a word of one letter has no second letter (0 in the pass); past a word's letters
            // listed, any byte
            let byte = match (start.len(), k) {
                (1, 1) => Some(0),
                (len, k) if k < len => Some(start[k]),
                _ => None,
            };
            tables.add(k, byte, bucket);
            k += 1;
        }
        w += 1;
    }
    tables
}

/// The three bytes of the place `i` of `bytes` as the pass reads them (0 past the end): the
/// first and third lowered, the second lowered when it is a letter and 0 when it is not.
#[cfg(test)]
fn place_bytes(bytes: &[u8], i: usize) -> [u8; 3] {
    let byte = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    let second = if byte(1).is_ascii_alphabetic() {
        byte(1) | 0x20
    } else {
        0
    };
    [byte(0) | 0x20, second, byte(2) | 0x20]
}

/// The buckets the place `i` of `bytes` fits (a byte past the end is 0): the vector pass's
/// reading of one place, for the tests.
#[cfg(test)]
pub(super) fn buckets_at(bytes: &[u8], i: usize) -> u8 {
    TABLES.buckets_of(place_bytes(bytes, i))
}

/// Whether `is_value` holds at a place of `bytes` where a word (a run of ASCII letters) starts
/// and the pass finds a word of value may start: asked of those places in order, until it holds.
/// `is_value` is to test the word that starts there; every word of value that starts in
/// `bytes` is asked of (see the module's doc).
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
pub(super) fn any_fitting_word(bytes: &[u8], mut is_value: impl FnMut(usize) -> bool) -> bool {
    let len = bytes.len();
    let mut at = 0;
    let mut before = 0; // 1 when the byte before `at` is a letter
                        // 32 places at once, while their three bytes are in the text
    while at + 34 <= len {
        let (fits, letters) = fits_of_32(bytes[at..at + 34].try_into().expect("34 bytes"));
        let starts = fits & letters & !(letters << 1 | before);
        if starts != 0 && any_at(at, starts, &mut is_value) {
            return true;
        }
        before = letters >> 31;
        at += 32;
    }
    // the places left but the last two: the last 34 bytes read again (their places before `at`
    // masked off), or a short text from a copy with zeros after it, which fit as its end does
    if at + 2 < len {
        let (fits, letters, from) = match len.checked_sub(34) {
            Some(from) => {
                let (fits, letters) = fits_of_32(bytes[from..].try_into().expect("34 bytes"));
                (fits, letters, from)
            }
            None => {
                let mut copy = [0u8; 34];
                copy[..len].copy_from_slice(bytes);
                let (fits, letters) = fits_of_32(&copy);
                (fits, letters, 0)
            }
        };
        let before = u32::from(from > 0 && bytes[from - 1].is_ascii_alphabetic());
        let starts = fits & letters & !(letters << 1 | before) & u32::MAX << (at - from);
        if starts != 0 && any_at(from, starts, &mut is_value) {
            return true;
        }
    }
    // a word of one or two letters in the last two places ("k", "bn"): no window of three
    // bytes in the text holds them
    (len.saturating_sub(2)..len)
        .any(|i| bytes[i].is_ascii_alphabetic() && (i == 0 || !bytes[i - 1].is_ascii_alphabetic()) && is_value(i))
}

/// Whether `is_value` holds at one of the places `at + k` for the bits `k` of `starts`, asked in
/// order.
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[inline(always)]
fn any_at(at: usize, mut starts: u32, is_value: &mut impl FnMut(usize) -> bool) -> bool {
    while starts != 0 {
        if is_value(at + starts.trailing_zeros() as usize) {
            return true;
        }
        starts &= starts - 1;
    }
    false
}

/// For the first 32 places of `bytes`: bit `i` set where the place fits a bucket, and bit `i`
/// set where its byte is an ASCII letter.
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[inline(always)]
fn fits_of_32(bytes: &[u8; 34]) -> (u32, u32) {
    // SAFETY: the build targets AVX2 (the `cfg` above).
    unsafe { fits_by_avx2(bytes) }
}

/// [`fits_of_32`] a place at a time, for the tests.
#[cfg(test)]
pub(super) fn fits_by_bytes(bytes: &[u8; 34]) -> (u32, u32) {
    (0..32).fold((0, 0), |(fits, letters), i| {
        (
            fits | u32::from(buckets_at(&bytes[..], i) != 0) << i,
            letters | u32::from(bytes[i].is_ascii_alphabetic()) << i,
        )
    })
}

/// [`fits_of_32`] by AVX2: the places' bytes lowered, the second made 0 where it is no letter,
/// then looked up in the tables 32 at once ([`Tables::fits_of_32`]).
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[target_feature(enable = "avx2")]
pub(super) fn fits_by_avx2(bytes: &[u8; 34]) -> (u32, u32) {
    use std::arch::x86_64::{
        __m256i, _mm256_add_epi8, _mm256_and_si256, _mm256_cmpgt_epi8, _mm256_movemask_epi8, _mm256_or_si256,
        _mm256_set1_epi8,
    };
    let lowered = |v: __m256i| _mm256_or_si256(v, _mm256_set1_epi8(0x20));
    // all ones where a lowered byte is a letter: moved so that `a` is -128, below -102
    let letters = |lowered: __m256i| {
        let moved = _mm256_add_epi8(lowered, _mm256_set1_epi8(0x80u8.wrapping_sub(b'a') as i8));
        _mm256_cmpgt_epi8(_mm256_set1_epi8((26 - 128i16) as i8), moved)
    };
    let [first, second, third] = places_of_32(bytes).map(lowered);
    let second = _mm256_and_si256(second, letters(second));
    let fit = TABLES.fits_of_32([first, second, third]);
    (fit, _mm256_movemask_epi8(letters(first)) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of value fits its bucket at its start, in any case, whatever follows it (a
    /// letter only after a word of three letters or more: after a shorter one it makes another).
    #[test]
    fn every_word_of_value_fits_at_its_start() {
        let mut words = 0;
        for word in super::super::words::value_words_and_scales() {
            for case in [
                word.to_owned(),
                word.to_uppercase(),
                word[..1].to_uppercase() + &word[1..],
            ] {
                // (a letter after a shorter word makes another word)
                let afters = ["", " ", ".", "@", "_", "{", "\u{e9}", "s", "five"];
                for after in &afters[..if word.len() >= 3 { 9 } else { 7 }] {
                    let text = format!("{case}{after}");
                    assert!(buckets_at(text.as_bytes(), 0) != 0, "{text:?}");
                    words += 1;
                }
            }
        }
        assert!(words > 100 * 3 * 8, "{words}");
    }

    /// The first bytes of the words of value are in the list, and each list entry starts one.
    #[test]
    fn the_buckets_list_the_first_bytes_of_the_words_of_value() {
        let starts: std::collections::BTreeSet<Vec<u8>> = super::super::words::value_words_and_scales()
            .map(|w| w.to_lowercase().into_bytes().into_iter().take(3).collect())
            .collect();
        let listed: std::collections::BTreeSet<Vec<u8>> = FINGERPRINT_BUCKETS.iter().map(|(s, _)| s.to_vec()).collect();
        assert_eq!(listed, starts);
        assert_eq!(listed.len(), FINGERPRINT_BUCKETS.len(), "each start listed once");
    }

    /// The vector pass tells the places that fit as the tables a place at a time do: every byte
    /// value at every place of 34 bytes of letters, spaces and bytes outside ASCII, and words
    /// of value at every place.
    #[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
    #[test]
    fn the_vector_pass_fits_the_places_the_tables_fit() {
        let mut fitting = 0;
        for filler in [b'a', b' ', b'Z', 0xC3, b'k', b'o'] {
            for place in 0..34 {
                for value in 0..=u8::MAX {
                    let mut bytes = [filler; 34];
                    bytes[place] = value;
                    // SAFETY: the build targets AVX2 (the `cfg` above).
                    let by_vectors = unsafe { fits_by_avx2(&bytes) };
                    assert_eq!(by_vectors, fits_by_bytes(&bytes), "{bytes:?}");
                    fitting += by_vectors.0.count_ones();
                }
            }
        }
        for word in super::super::words::value_words_and_scales() {
            for place in 0..32 {
                let mut bytes = [b' '; 34];
                for (b, w) in bytes[place..].iter_mut().zip(word.bytes()) {
                    *b = w;
                }
                // SAFETY: the build targets AVX2 (the `cfg` above).
                let by_vectors = unsafe { fits_by_avx2(&bytes) };
                assert_eq!(by_vectors, fits_by_bytes(&bytes), "{bytes:?}");
                assert!(by_vectors.0 >> place & 1 == 1, "{word:?} at {place}");
            }
        }
        assert!(fitting > 10_000, "{fitting}");
    }
}
