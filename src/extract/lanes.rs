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
