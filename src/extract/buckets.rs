//! The vector search of three bytes in eight buckets, as Teddy does, that two readers share:
//! the sentence gate's search for the words of value ([`super::number`]'s `value_starts`) and
//! the phrase reader's search for its words ([`super::period`]'s `search`).
//!
//! Each reader spreads the three bytes its words are found by over eight buckets, and keeps
//! them in [`Tables`]: per byte of the three, the buckets that each value of its low half and
//! of its high half fits. A place fits a bucket when each of its three bytes fits the bucket in
//! both halves. The vector pass looks 32 places up at once ([`Tables::fits_of_32`]), after the
//! reader has made its three vectors of bytes (the gate lowers them first); the places that fit
//! are a superset of those where a word stands, which the reader then reads.

// Where the build has no AVX2 the readers search otherwise, and the tables serve the tests.
#![cfg_attr(not(all(target_arch = "x86_64", target_feature = "avx2")), allow(dead_code))]

#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
use std::arch::x86_64::__m256i;

/// Per byte of a place's three, the buckets (a bit each) that each value of its low half and
/// each value of its high half fits.
#[derive(Debug, PartialEq)]
pub(super) struct Tables {
    /// Per byte of the three, the buckets of its low half (by its value).
    low: [[u8; 16]; 3],
    /// Per byte of the three, the buckets of its high half (by its value).
    high: [[u8; 16]; 3],
}

impl Tables {
    /// Tables in which no place fits a bucket.
    pub(super) const EMPTY: Tables = Tables {
        low: [[0; 16]; 3],
        high: [[0; 16]; 3],
    };

    /// Lets byte `k` (0, 1 or 2) of a place fit `bucket` (0 to 7) when it is `byte`, or whatever
    /// it is when `byte` is `None`.
    pub(super) const fn add(&mut self, k: usize, byte: Option<u8>, bucket: u8) {
        let bit = 1 << bucket;
        let mut half = 0;
        while half < 16 {
            let (low_fits, high_fits) = match byte {
                Some(b) => (b & 15 == half, b >> 4 == half),
                None => (true, true),
            };
            if low_fits {
                self.low[k][half as usize] |= bit;
            }
            if high_fits {
                self.high[k][half as usize] |= bit;
            }
            half += 1;
        }
    }

    /// The buckets (a bit each) that the place of bytes `three` fits.
    #[inline(always)]
    pub(super) fn buckets_of(&self, three: [u8; 3]) -> u8 {
        (0..3).fold(u8::MAX, |fits, k| {
            let b = three[k];
            fits & self.low[k][usize::from(b & 15)] & self.high[k][usize::from(b >> 4)]
        })
    }

    /// For 32 places whose first, second and third bytes are the lanes of `three`: bit `i` set
    /// where place `i` fits a bucket. Each byte's halves are looked up in the tables by a
    /// shuffle, 32 at once.
    #[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
    #[target_feature(enable = "avx2")]
    #[inline]
    pub(super) fn fits_of_32(&self, three: [__m256i; 3]) -> u32 {
        use std::arch::x86_64::{
            _mm256_and_si256, _mm256_broadcastsi128_si256, _mm256_cmpeq_epi8, _mm256_movemask_epi8, _mm256_set1_epi8,
            _mm256_setzero_si256, _mm256_shuffle_epi8, _mm256_srli_epi16, _mm_loadu_si128,
        };
        let table = |t: &[u8; 16]| -> __m256i {
            // SAFETY: an unaligned load of the 16 bytes of `t`.
            _mm256_broadcastsi128_si256(unsafe { _mm_loadu_si128(t.as_ptr().cast()) })
        };
        let nibble = _mm256_set1_epi8(0x0F);
        let fits = |k: usize| {
            let v = three[k];
            let low = _mm256_shuffle_epi8(table(&self.low[k]), _mm256_and_si256(v, nibble));
            let high = _mm256_shuffle_epi8(table(&self.high[k]), _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
            _mm256_and_si256(low, high)
        };
        let all = _mm256_and_si256(_mm256_and_si256(fits(0), fits(1)), fits(2));
        !(_mm256_movemask_epi8(_mm256_cmpeq_epi8(all, _mm256_setzero_si256())) as u32)
    }
}

/// The three vectors of the first 32 places of `bytes`: their first bytes, their second and
/// their third (the 32 bytes from 0, from 1 and from 2).
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[target_feature(enable = "avx2")]
#[inline]
pub(super) fn places_of_32(bytes: &[u8; 34]) -> [__m256i; 3] {
    use std::arch::x86_64::_mm256_loadu_si256;
    let load = |k: usize| -> __m256i {
        let bytes: &[u8; 32] = bytes[k..k + 32].try_into().expect("32 bytes");
        // SAFETY: an unaligned load of the 32 bytes of `bytes`.
        unsafe { _mm256_loadu_si256(bytes.as_ptr().cast()) }
    };
    [load(0), load(1), load(2)]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tables of a few places, some with any byte in them.
    fn some_tables() -> Tables {
        let mut tables = Tables::EMPTY;
        for (three, bucket) in [(*b"abc", 0), (*b"Abd", 1), (*b"x\0y", 2), (*b"\xC3\xA9e", 7)] {
            for (k, b) in three.into_iter().enumerate() {
                tables.add(k, Some(b), bucket);
            }
        }
        tables.add(0, Some(b'q'), 5);
        tables.add(1, None, 5);
        tables.add(2, None, 5);
        tables
    }

    /// A place fits the buckets its bytes were added to, and no other.
    #[test]
    fn a_place_fits_the_buckets_its_bytes_were_added_to() {
        let tables = some_tables();
        assert_eq!(tables.buckets_of(*b"abc"), 1);
        assert_eq!(tables.buckets_of(*b"Abd"), 2);
        assert_eq!(tables.buckets_of(*b"x\0y"), 4);
        assert_eq!(tables.buckets_of(*b"\xC3\xA9e"), 1 << 7);
        assert_eq!(tables.buckets_of(*b"q\xFF!"), 1 << 5);
        for miss in [*b"abd", *b"Abc", *b"xay", *b"\xC3\xA9f", *b"Qab", *b"   "] {
            assert_eq!(tables.buckets_of(miss), 0, "{miss:?}");
        }
        assert_eq!(Tables::EMPTY.buckets_of(*b"abc"), 0);
    }

    /// The vector lookup fits the places that the lookup a place at a time fits: every byte
    /// value at every place of 34 bytes around the tables' words.
    #[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
    #[test]
    fn the_vector_lookup_fits_the_places_a_place_at_a_time_does() {
        let tables = some_tables();
        let by_places = |bytes: &[u8; 34]| {
            (0..32).fold(0u32, |fits, i| {
                let three = [bytes[i], bytes[i + 1], bytes[i + 2]];
                fits | u32::from(tables.buckets_of(three) != 0) << i
            })
        };
        let mut fitting = 0;
        for filler in [*b"abc", *b"x\0y", *b"qAb", *b"\xC3\xA9e"] {
            for place in 0..34 {
                for value in 0..=u8::MAX {
                    let mut bytes: [u8; 34] = std::array::from_fn(|i| filler[i % 3]);
                    bytes[place] = value;
                    // SAFETY: the build targets AVX2 (the `cfg` above).
                    let by_vectors = unsafe { tables.fits_of_32(places_of_32(&bytes)) };
                    assert_eq!(by_vectors, by_places(&bytes), "{bytes:?}");
                    fitting += by_vectors.count_ones();
                }
            }
        }
        assert!(fitting > 10_000, "{fitting}");
    }
}
