//! The places of a text outside ASCII where a character the date or period pattern may match
//! can start, found in one vector pass: the two tests of whether a text's dates and periods can
//! be read by hand had made six `memchr` passes over it (about two instructions a byte of real
//! text, nearly all of whose bodies have a curly quote or a dash).

/// The first bytes of the characters outside ASCII that the date pattern may match (those of
/// the period pattern are among them). Each starts a character: none continues one.
pub(super) const FIRST_BYTES: [u8; 12] = [0xC2, 0xC5, 0xD9, 0xDB, 0xDF, 0xE0, 0xE1, 0xE2, 0xE3, 0xEA, 0xEF, 0xF0];

/// Calls `place` on every place of `bytes` that holds one of [`FIRST_BYTES`], left to right,
/// until it returns `true`; but not on the places of U+200B to U+2027 (`E2 80 8B` to `E2 80 A7`:
/// the curly quotes, dashes, bullets and ellipses real text is full of), which neither pattern
/// may match (the spaces of General Punctuation are U+2000 to U+200A, U+2028, U+2029, U+202F).
pub(super) fn each_first_byte(bytes: &[u8], place: impl FnMut(usize) -> bool) {
    #[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
    // SAFETY: the build targets AVX2 (the `cfg` above).
    unsafe {
        each_first_byte_by_avx2(bytes, place)
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "avx2")))]
    each_first_byte_by_bytes(bytes, place)
}

/// [`each_first_byte`] a byte at a time.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "avx2"))))]
fn each_first_byte_by_bytes(bytes: &[u8], mut place: impl FnMut(usize) -> bool) {
    for (i, b) in bytes.iter().enumerate() {
        if FIRST_BYTES.contains(b) && !is_quote_or_dash(bytes, i) && place(i) {
            return;
        }
    }
}

/// Whether the character at `i` of `bytes` is one of U+200B to U+2027, passed over by
/// [`each_first_byte`].
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "avx2"))))]
fn is_quote_or_dash(bytes: &[u8], i: usize) -> bool {
    matches!(bytes[i..], [0xE2, 0x80, 0x8B..=0xA7, ..])
}

/// Per high half of a byte (C to F), the bit [`LOW_HALVES`] sets for it.
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
const HIGH_HALVES: [u8; 16] = halves().0;

/// Per low half of a byte, the bits of the high halves that make one of [`FIRST_BYTES`] with it.
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
const LOW_HALVES: [u8; 16] = halves().1;

/// [`HIGH_HALVES`] and [`LOW_HALVES`], from [`FIRST_BYTES`] (all of whose high halves are C to F).
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
const fn halves() -> ([u8; 16], [u8; 16]) {
    let (mut high, mut low) = ([0u8; 16], [0u8; 16]);
    let mut k = 0;
    while k < FIRST_BYTES.len() {
        let b = FIRST_BYTES[k];
        let bit = 1 << ((b >> 4) - 0xC);
        high[(b >> 4) as usize] = bit;
        low[(b & 15) as usize] |= bit;
        k += 1;
    }
    (high, low)
}

/// [`each_first_byte`] by AVX2: 64 bytes all ASCII (most of them) are passed by their high
/// bits; in the others, each byte's two halves are looked up by shuffles, 32 at once.
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[target_feature(enable = "avx2")]
fn each_first_byte_by_avx2(bytes: &[u8], mut place: impl FnMut(usize) -> bool) {
    use std::arch::x86_64::{__m256i, _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256};
    // SAFETY: unaligned loads of 32 bytes from `k` of `chunk`, which holds them.
    let load = |chunk: &[u8], k: usize| -> __m256i { unsafe { _mm256_loadu_si256(chunk[k..k + 32].as_ptr().cast()) } };
    let mut at = 0;
    // (two bytes more than the block: a quote or dash at its end is told by the bytes after it)
    while let Some(chunk) = bytes.get(at..at + 66) {
        let (a, b) = (load(chunk, 0), load(chunk, 32));
        if _mm256_movemask_epi8(_mm256_or_si256(a, b)) != 0 {
            let hits = u64::from(places_of_32(chunk, 0)) | u64::from(places_of_32(chunk, 32)) << 32;
            if first_byte_place(at, hits, &mut place) {
                return;
            }
        }
        at += 64;
    }
    // the last bytes (up to 65), padded with zeros (none of the first bytes, nor a quote's last two)
    while let Some(rest) = bytes.get(at..) {
        if rest.is_empty() {
            break;
        }
        let mut last = [0u8; 66];
        let rest = &rest[..rest.len().min(66)];
        last[..rest.len()].copy_from_slice(rest);
        let hits = u64::from(places_of_32(&last, 0)) | u64::from(places_of_32(&last, 32)) << 32;
        if first_byte_place(at, hits, &mut place) {
            return;
        }
        at += 64;
    }
}

/// Bit `i` set where byte `k + i` of `chunk` is one of [`FIRST_BYTES`] and starts no character
/// of U+200B to U+2027 (`E2 80 8B` to `E2 80 A7`), for `i` below 32; `chunk` holds two bytes
/// past them.
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[target_feature(enable = "avx2")]
#[inline]
fn places_of_32(chunk: &[u8], k: usize) -> u32 {
    use std::arch::x86_64::{
        _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8, _mm256_movemask_epi8,
        _mm256_set1_epi8, _mm256_sub_epi8,
    };
    // SAFETY: unaligned loads of 32 bytes from `k`, `k + 1` and `k + 2` of `chunk`, which holds them.
    let load = |from: usize| unsafe { _mm256_loadu_si256(chunk[from..from + 32].as_ptr().cast()) };
    let (first, second, third) = (load(k), load(k + 1), load(k + 2));
    // the third byte from 0x8B to 0xA7: less 0x8B, at most 0x1C
    let third = _mm256_sub_epi8(third, _mm256_set1_epi8(0x8Bu8 as i8));
    let third_fits = _mm256_cmpeq_epi8(_mm256_min_epu8(third, _mm256_set1_epi8(0x1C)), third);
    let quote = _mm256_and_si256(
        _mm256_and_si256(
            _mm256_cmpeq_epi8(first, _mm256_set1_epi8(0xE2u8 as i8)),
            _mm256_cmpeq_epi8(second, _mm256_set1_epi8(0x80u8 as i8)),
        ),
        third_fits,
    );
    first_bytes_of_32(first) & !(_mm256_movemask_epi8(quote) as u32)
}

/// Calls `place` on `at` plus each bit set in `hits`, lowest first, until it returns `true`;
/// returns whether it did.
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[inline(always)]
fn first_byte_place(at: usize, mut hits: u64, place: &mut impl FnMut(usize) -> bool) -> bool {
    while hits != 0 {
        let i = at + hits.trailing_zeros() as usize;
        hits &= hits - 1;
        if place(i) {
            return true;
        }
    }
    false
}

/// Bit `i` set where lane `i` of `v` is one of [`FIRST_BYTES`].
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[target_feature(enable = "avx2")]
#[inline]
fn first_bytes_of_32(v: std::arch::x86_64::__m256i) -> u32 {
    use std::arch::x86_64::{
        _mm256_and_si256, _mm256_broadcastsi128_si256, _mm256_cmpeq_epi8, _mm256_movemask_epi8, _mm256_set1_epi8,
        _mm256_setzero_si256, _mm256_shuffle_epi8, _mm256_srli_epi16, _mm_loadu_si128,
    };
    // SAFETY: unaligned loads of the 16 bytes of each table.
    let (high, low) = unsafe {
        (
            _mm256_broadcastsi128_si256(_mm_loadu_si128(HIGH_HALVES.as_ptr().cast())),
            _mm256_broadcastsi128_si256(_mm_loadu_si128(LOW_HALVES.as_ptr().cast())),
        )
    };
    let nibble = _mm256_set1_epi8(0x0F);
    let h = _mm256_shuffle_epi8(high, _mm256_and_si256(_mm256_srli_epi16::<4>(v), nibble));
    let l = _mm256_shuffle_epi8(low, _mm256_and_si256(v, nibble));
    let none = _mm256_cmpeq_epi8(_mm256_and_si256(h, l), _mm256_setzero_si256());
    !(_mm256_movemask_epi8(none) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every place of `bytes` that [`each_first_byte`] calls, and those it calls until the
    /// `stop`-th.
    fn places(bytes: &[u8], stop: usize, each: fn(&[u8], &mut dyn FnMut(usize) -> bool)) -> Vec<usize> {
        let mut found = Vec::new();
        each(bytes, &mut |i| {
            found.push(i);
            found.len() == stop
        });
        found
    }

    fn by_vectors(bytes: &[u8], place: &mut dyn FnMut(usize) -> bool) {
        each_first_byte(bytes, place);
    }

    fn by_bytes(bytes: &[u8], place: &mut dyn FnMut(usize) -> bool) {
        each_first_byte_by_bytes(bytes, place);
    }

    /// Every byte value at every place of texts across the halves of one and two blocks and a tail is found
    /// (or not) as the byte-by-byte reading finds it, and the search stops where it is told.
    #[test]
    fn first_bytes_found_by_vectors_are_those_found_byte_by_byte() {
        let (mut found, mut passed) = (0, 0);
        for len in [1, 31, 32, 33, 63, 64, 65, 100, 130] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut text = vec![b'a'; len];
                    // a second byte outside ASCII in the same block, and one in the next
                    text[(at + 5) % len] = 0xE2;
                    text[(at + 40) % len] = 0xD0;
                    text[at] = b;
                    let expected = places(&text, usize::MAX, by_bytes);
                    assert_eq!(
                        places(&text, usize::MAX, by_vectors),
                        expected,
                        "{b:#x} at {at} of {len}"
                    );
                    assert_eq!(places(&text, 1, by_vectors), expected[..expected.len().min(1)]);
                    found += usize::from(FIRST_BYTES.contains(&b));
                    // `b` after "\u{2000}"'s first two bytes at `at`, across the blocks' ends
                    let mut text = vec![b'a'; len + 2];
                    text[at..at + 3].copy_from_slice(&[0xE2, 0x80, b]);
                    text[(at + 40) % len] = 0xE2;
                    let expected = places(&text, usize::MAX, by_bytes);
                    assert_eq!(
                        places(&text, usize::MAX, by_vectors),
                        expected,
                        "E2 80 {b:#x} at {at} of {len}"
                    );
                    passed += usize::from(!expected.contains(&at));
                }
            }
        }
        assert!(found > 1000 && passed > 1000, "{found} found, {passed} passed over");
        // the twin holds the list itself, and passes over U+200B to U+2027 alone
        for b in 0..=255u8 {
            assert_eq!(
                places(&[b], usize::MAX, by_bytes).len(),
                usize::from(FIRST_BYTES.contains(&b))
            );
        }
        for c in '\u{1FFF}'..='\u{2030}' {
            let passed_over = ('\u{200B}'..='\u{2027}').contains(&c);
            let first_byte = FIRST_BYTES.contains(&c.to_string().as_bytes()[0]);
            assert_eq!(
                places(c.to_string().as_bytes(), usize::MAX, by_bytes).len(),
                usize::from(first_byte && !passed_over),
                "{c:?}"
            );
        }
    }
}
