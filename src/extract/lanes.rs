//! Sixteen bytes at once: how the hand-written readers take sixteen bytes of text (padded past
//! its end) and put them into one SSE2 value. Each reader keeps its own comparisons, in a `#[target_feature(enable = "sse2")]`
//! function called through one `unsafe` (SSE2 is part of every x86-64 processor), with a
//! byte-by-byte twin for other processors that its tests compare it with.

/// The sixteen bytes as one SSE2 value, read as two little-endian halves: no pointer is read,
/// so this needs no `unsafe` of its own, and the compiler makes it one unaligned load.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
pub(crate) fn lanes(sixteen: &[u8; 16]) -> std::arch::x86_64::__m128i {
    let half = |k: usize| i64::from_le_bytes(sixteen[k..k + 8].try_into().expect("eight bytes"));
    std::arch::x86_64::_mm_set_epi64x(half(8), half(0))
}

/// All ones in the lanes of `v` whose byte is one of the `count` bytes from `first` (an
/// unsigned range, `count` at most 128), zeros elsewhere: moved by an addition so that the range
/// starts at -128, a byte is in it when it is below `count - 128` as a signed byte, one addition
/// and one comparison whatever the range (the readers' classes of bytes are such ranges).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
pub(crate) fn in_range(v: std::arch::x86_64::__m128i, first: u8, count: u8) -> std::arch::x86_64::__m128i {
    use std::arch::x86_64::{_mm_add_epi8, _mm_cmplt_epi8, _mm_set1_epi8};
    debug_assert!(count <= 128, "a range of 128 bytes at most");
    let moved = _mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(first) as i8));
    _mm_cmplt_epi8(moved, _mm_set1_epi8((i16::from(count) - 128) as i8))
}

/// All ones in the lanes of `v` whose byte is an ASCII space ("\t" to "\r", and " ": what
/// `u8::is_ascii_whitespace` holds of, with the vertical tab), zeros elsewhere.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
pub(crate) fn ascii_spaces(v: std::arch::x86_64::__m128i) -> std::arch::x86_64::__m128i {
    std::arch::x86_64::_mm_or_si128(in_range(v, b'\t', 5), in_range(v, b' ', 1))
}

/// `mask` of the sixteen bytes of `bytes` from `at`; near the end, of the bytes left and
/// `pad` bytes after them (chosen so that `mask` finds nothing in them, or so that what it finds
/// there ends the search).
#[inline(always)]
pub(crate) fn mask_of_sixteen_from(bytes: &[u8], at: usize, pad: u8, mask: impl FnOnce(&[u8; 16]) -> u32) -> u32 {
    match bytes.get(at..at + 16) {
        Some(chunk) => mask(chunk.try_into().expect("sixteen bytes")),
        None => {
            let mut padded = [pad; 16];
            padded[..bytes.len() - at].copy_from_slice(&bytes[at..]);
            mask(&padded)
        }
    }
}

/// Whether `bytes` are all ASCII: [`slice::is_ascii`], which reads eight bytes a step (about
/// 0.34 instructions a byte of every article with a quote), by 64 bytes a step with no branch
/// inside, which the compiler makes two vector loads and an OR (about 0.1 a byte); the last
/// step reads the last 64 bytes again, the short texts byte by byte. Asked of every article by
/// the quote reader and of every sentence by the tokeniser.
pub(crate) fn is_ascii_text(bytes: &[u8]) -> bool {
    let or = |block: &[u8]| block.iter().fold(0u8, |all, &b| all | b);
    let mut blocks = bytes.chunks_exact(64);
    for block in &mut blocks {
        #[cfg(test)]
        ascii_tests::ASCII_BLOCKS.with(|n| n.set(n.get() + 1));
        if or(block) >= 0x80 {
            return false;
        }
    }
    match bytes.len() {
        0..64 => or(bytes) < 0x80,
        len => or(&bytes[len - 64..]) < 0x80,
    }
}

/// For the tests of each reader's SSE2 test against its byte-by-byte twin: sixteen bytes of
/// each of `fillers` with every byte value at every place, as (the sixteen, the place, the value).
#[cfg(test)]
pub(crate) fn every_byte_at_every_place(fillers: &[u8]) -> impl Iterator<Item = ([u8; 16], usize, u8)> + '_ {
    fillers.iter().flat_map(|&filler| {
        (0..16).flat_map(move |place| {
            (0..=u8::MAX).map(move |value| {
                let mut sixteen = [filler; 16];
                sixteen[place] = value;
                (sixteen, place, value)
            })
        })
    })
}

#[cfg(test)]
mod ascii_tests {
    use super::*;

    thread_local! {
        /// How many blocks of 64 bytes [`is_ascii_text`] read, on this thread.
        pub(super) static ASCII_BLOCKS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    #[test]
    fn ascii_told_by_blocks_of_64_is_what_the_standard_test_tells() {
        let mut texts = crate::extract::quote::hand::texts_in_several_scripts(40);
        texts.extend(crate::gen::sample_texts_and_typeset(20));
        let (mut ascii, mut other) = (0, 0);
        ASCII_BLOCKS.with(|n| n.set(0));
        let mut blocks = 0;
        for text in &texts {
            let bytes = text.as_bytes();
            assert_eq!(is_ascii_text(bytes), bytes.is_ascii(), "{text:?}");
            blocks += bytes.len() / 64;
            // Every prefix, ASCII ones and others.
            for end in 0..bytes.len().min(400) {
                let told = is_ascii_text(&bytes[..end]);
                assert_eq!(told, bytes[..end].is_ascii(), "{end} in {text:?}");
                ascii += usize::from(told);
                other += usize::from(!told);
            }
        }
        // One byte outside ASCII at every place of texts of every length around the blocks.
        for (len, fill) in (0..200).flat_map(|len| [(len, b'a'), (len, 0), (len, 0x7F)]) {
            let mut bytes = vec![fill; len];
            assert!(is_ascii_text(&bytes));
            for at in 0..len {
                for b in [0x80, 0xC3, 0xFF] {
                    bytes[at] = b;
                    assert!(!is_ascii_text(&bytes), "{b} at {at} of {len}");
                    bytes[at] = 0x7F;
                    assert!(is_ascii_text(&bytes), "0x7F at {at} of {len}");
                    bytes[at] = fill;
                }
            }
        }
        assert!(ascii > 5_000 && other > 5_000, "{ascii} {other}");
        // The whole texts (and the prefixes) were read a block of 64 at a time: at least the
        // blocks of the whole ASCII texts, which are read to their end.
        let read = ASCII_BLOCKS.with(|n| n.get());
        assert!(read > 1_000 && read >= blocks / 2, "{read} of {blocks}");
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;

    #[test]
    fn the_sixteen_bytes_from_a_place_are_padded_past_the_end() {
        let bytes: Vec<u8> = (1..=40).collect();
        let first_bytes = |sixteen: &[u8; 16]| u32::from(sixteen[0]) | u32::from(sixteen[15]) << 8;
        for at in 0..bytes.len() {
            let last = bytes.get(at + 15).copied().unwrap_or(0xEE);
            assert_eq!(
                mask_of_sixteen_from(&bytes, at, 0xEE, first_bytes),
                u32::from(bytes[at]) | u32::from(last) << 8,
                "{at}"
            );
        }
    }

    #[test]
    fn a_range_of_bytes_is_told_in_every_lane_as_byte_by_byte() {
        use std::arch::x86_64::{_mm_movemask_epi8, _mm_set1_epi8};
        let ranges = [
            (b'a', 26),
            (b'A', 26),
            (b'0', 10),
            (9, 5),
            (0, 1),
            (0, 128),
            (0x80, 128),
            (0xF0, 16),
            (0xFF, 1),
        ];
        for (first, count) in ranges {
            for value in 0..=255u8 {
                // SAFETY: SSE2 is part of every x86-64 processor.
                let told = unsafe { _mm_movemask_epi8(in_range(_mm_set1_epi8(value as i8), first, count)) };
                let in_it = value.wrapping_sub(first) < count;
                assert_eq!(told, if in_it { 0xFFFF } else { 0 }, "{value} in {count} from {first}");
            }
        }
    }

    #[test]
    fn the_lanes_hold_the_bytes_in_their_order() {
        let sixteen: [u8; 16] = std::array::from_fn(|k| (k as u8) * 13 + 3);
        // SAFETY: SSE2 is part of every x86-64 processor.
        let v = unsafe { lanes(&sixteen) };
        let mut back = [0u8; 16];
        // SAFETY: an unaligned store into sixteen bytes of `back`.
        unsafe { std::arch::x86_64::_mm_storeu_si128(back.as_mut_ptr().cast(), v) };
        assert_eq!(back, sixteen);
    }
}
