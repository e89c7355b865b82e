//! The phrase reader's search for its words ([`super::phrases`]): where the anchors and the cue
//! words are in a text, leftmost first and without overlaps, as the leftmost-first search of
//! Aho-Corasick finds them.
//!
//! A vector pass tells the places where three bytes of a word may stand ("yea" of the words
//! that hold "year", "bov" of "above"): each byte's two halves are looked up in tables of
//! eight buckets, in which the words' three bytes are spread so that few places of English
//! text fit one ([`FINGERPRINT_BUCKETS`]), as Teddy does (the search
//! [`super::super::buckets`] shares with the sentence gate's). The places that fit are read
//! as words; every place a word stands fits its bucket, so every word is found, and the words
//! found are taken as the leftmost-first search takes them: the one that starts first, of the
//! words starting there the first listed, then the next from its end on. Aho-Corasick's Teddy,
//! with sixteen buckets for the 42 words and a general reading of the places, cost some four
//! instructions a byte, this about one.

// Where the build has no AVX2 the phrases are searched by Aho-Corasick (`Search::hits`), and
// the tables and the reading of places serve the tests only.
#![cfg_attr(not(all(target_arch = "x86_64", target_feature = "avx2")), allow(dead_code))]

use super::super::buckets::Tables;
use crate::read::Span;

/// A word found in the text: its index in the words searched, and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    /// The word's index in the words searched.
    pub word: usize,
    /// Where it stands.
    pub span: Span,
}

/// The bucket of each three bytes a word is found by; each word holds one of them (see
/// [`fingerprint_of`]). Chosen with their buckets so that few places of news text (generated
/// and real) fit a bucket: some 0.8 in a thousand bytes of generated text, 2.8 of real text
/// (found by a search of the three bytes and of the assignments over both). Three bytes
/// inside a word serve its lower-case and capitalised forms at once ("bov" of "above" and
/// "Above"), and most are rarer in English than a word's first three: "abo" of "above" had
/// fit every "about", "twi" of "twice" every "Twitter", "sin" of "since" every "business" and
/// "using" (3.5 and 4.5 places in a thousand bytes).
const FINGERPRINT_BUCKETS: [(&[u8; 3], u8); 23] = [
    (b"nth", 0),
    (b"Jan", 1),
    (b"Mar", 1),
    (b"Apr", 1),
    (b"May", 1),
    (b"Jun", 1),
    (b"Jul", 1),
    (b"Aug", 1),
    (b"bov", 2),
    (b"ipl", 2),
    (b"Sep", 3),
    (b"Dec", 3),
    (b"Feb", 4),
    (b"elo", 4),
    (b"oub", 4),
    (b"wic", 5),
    (b"inc", 5),
    (b"yea", 6),
    (b"-ha", 6),
    (b"-qu", 6),
    (b"vem", 6),
    (b"Oct", 7),
    (b"sca", 7),
];

/// The three bytes of [`FINGERPRINT_BUCKETS`] that `word` holds, where they first stand in it,
/// and their bucket.
fn fingerprint_of(word: &[u8]) -> (usize, [u8; 3], u8) {
    let mut held = FINGERPRINT_BUCKETS.iter().filter_map(|&(three, bucket)| {
        let offset = word.windows(3).position(|w| w == three)?;
        Some((offset, *three, bucket))
    });
    let found = held.next().expect("every word holds three bytes of a bucket");
    assert!(held.next().is_none(), "no word holds the three bytes of two");
    found
}

/// The buckets a vector search reads.
const BUCKETS: usize = 8;

/// The three bytes of a bucket, each with the words found by them (index, and where the three
/// bytes stand in the word).
type Fingerprints = Vec<([u8; 3], Vec<(usize, usize)>)>;

/// The search for a list of words ([`Search::hits`]).
pub(super) struct Search {
    /// The words, in the order of preference where two start at one byte.
    words: Vec<&'static str>,
    /// The first eight bytes of each word (or all of a shorter one) as a little-endian number,
    /// and the bits of the eight that they cover ([`super::word_bits`]).
    heads: Vec<(u64, u64)>,
    /// Per bucket, its three bytes and their words.
    buckets: [Fingerprints; BUCKETS],
    /// The buckets each byte of the three fits, by its halves.
    tables: Tables,
    /// The leftmost-first search of Aho-Corasick, where the build has no AVX2 (and for the
    /// tests, which hold the vector search to it).
    #[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "avx2"))))]
    automaton: aho_corasick::AhoCorasick,
}

impl Search {
    /// The search for `words`, each of which holds three bytes of [`FINGERPRINT_BUCKETS`].
    pub(super) fn new(words: Vec<&'static str>) -> Search {
        let mut buckets: [Fingerprints; BUCKETS] = Default::default();
        let mut tables = Tables::EMPTY;
        for (index, word) in words.iter().enumerate() {
            let (offset, three, bucket) = fingerprint_of(word.as_bytes());
            let fingerprints = &mut buckets[usize::from(bucket)];
            match fingerprints.iter_mut().find(|(b, _)| *b == three) {
                Some((_, found)) => found.push((index, offset)),
                None => fingerprints.push((three, vec![(index, offset)])),
            }
            for (k, &b) in three.iter().enumerate() {
                tables.add(k, Some(b), bucket);
            }
        }
        Search {
            #[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "avx2"))))]
            automaton: aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(&words)
                .expect("literal words"),
            heads: words
                .iter()
                .map(|word| {
                    let (head, _, keep) = super::word_bits(word.as_bytes());
                    (head, keep)
                })
                .collect(),
            words,
            buckets,
            tables,
        }
    }

    /// The words of `bytes`, in order and without overlaps, as the leftmost-first search finds
    /// them (see the module's doc).
    #[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
    pub(super) fn hits(&self, bytes: &[u8]) -> Vec<Hit> {
        self.hits_by_vectors(bytes)
    }

    /// [`Search::hits`], by Aho-Corasick where the build has no AVX2.
    #[cfg(not(all(target_arch = "x86_64", target_feature = "avx2")))]
    pub(super) fn hits(&self, bytes: &[u8]) -> Vec<Hit> {
        self.hits_by_automaton(bytes)
    }

    /// [`Search::hits`] by Aho-Corasick.
    #[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "avx2"))))]
    fn hits_by_automaton(&self, bytes: &[u8]) -> Vec<Hit> {
        self.automaton
            .find_iter(bytes)
            .map(|m| Hit {
                word: m.pattern().as_usize(),
                span: Span::new(m.start(), m.end()),
            })
            .collect()
    }

    /// [`Search::hits`] from every place a word stands ([`Search::places`]).
    #[cfg(any(test, all(target_arch = "x86_64", target_feature = "avx2")))]
    fn hits_by_vectors(&self, bytes: &[u8]) -> Vec<Hit> {
        let mut found = self.places(bytes);
        // by start, then by the word's index: the first word listed wins its start
        found.sort_unstable();
        let mut out = Vec::with_capacity(found.len());
        let mut from = 0;
        for (start, word) in found {
            if start >= from {
                from = start + self.words[word].len();
                out.push(Hit {
                    word,
                    span: Span::new(start, from),
                });
            }
        }
        out
    }

    /// Every place a word stands in `bytes` (start, word), overlapping or not, in no order.
    #[cfg(any(test, all(target_arch = "x86_64", target_feature = "avx2")))]
    fn places(&self, bytes: &[u8]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut at = 0;
        let at = loop {
            match self.next_fitting_block(bytes, at) {
                Ok((block, fits)) => {
                    self.read_places(bytes, block, fits, &mut found);
                    at = block + 32;
                }
                Err(end) => break end,
            }
        };
        // the last places (at most 31 hold three bytes) from a copy with zeros after the text,
        // which fit no bucket (no word holds a zero): read a place at a time, the last bytes of
        // an article cost some 0.5 instructions a byte
        let mut last = [0u8; 34];
        last[..bytes.len() - at].copy_from_slice(&bytes[at..]);
        self.read_places(bytes, at, self.fits_of_32(&last), &mut found);
        found
    }

    /// The first block of 32 places from `at` on (in steps of 32, while their three bytes are
    /// all in the text) in which a place fits a bucket, with its fits ([`Search::fits_of_32`]);
    /// else where the blocks end. Most blocks hold no place that fits: the loop over them calls
    /// nothing, so that the tables stay in registers (with the reading of places in it, they
    /// were loaded again for every block, seven instructions of some 35), and tests two blocks
    /// at once where the text holds both.
    #[cfg(any(test, all(target_arch = "x86_64", target_feature = "avx2")))]
    #[inline(always)]
    fn next_fitting_block(&self, bytes: &[u8], mut at: usize) -> Result<(usize, u32), usize> {
        let block = |bytes: &[u8], k: usize| self.fits_of_32(bytes[k..k + 34].try_into().expect("34 bytes"));
        while let Some(two) = bytes.get(at..).and_then(<[u8]>::first_chunk::<66>) {
            let (first, second) = (block(two, 0), block(two, 32));
            if first | second != 0 {
                // (where both fit, the second is tested again by the next call)
                return Ok(if first != 0 { (at, first) } else { (at + 32, second) });
            }
            at += 64;
        }
        while let Some(one) = bytes.get(at..).and_then(<[u8]>::first_chunk::<34>) {
            let fits = block(one, 0);
            if fits != 0 {
                return Ok((at, fits));
            }
            at += 32;
        }
        Err(at)
    }

    /// Pushes to `found` the words that stand at the places `fits` tells, from `at` on.
    #[cfg(any(test, all(target_arch = "x86_64", target_feature = "avx2")))]
    fn read_places(&self, bytes: &[u8], at: usize, mut fits: u32, found: &mut Vec<(usize, usize)>) {
        while fits != 0 {
            let i = at + fits.trailing_zeros() as usize;
            fits &= fits - 1;
            self.read_place(bytes, i, self.buckets_at(bytes, i), found);
        }
    }

    /// The buckets whose three bytes may stand at `i` (a byte past the text is none).
    fn buckets_at(&self, bytes: &[u8], i: usize) -> u8 {
        let byte = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        self.tables.buckets_of([byte(0), byte(1), byte(2)])
    }

    /// Pushes to `found` the words that stand with their three bytes at `i`, of `buckets`.
    fn read_place(&self, bytes: &[u8], i: usize, mut buckets: u8, found: &mut Vec<(usize, usize)>) {
        let Some(&[a, b, c]) = bytes.get(i..i + 3) else {
            return;
        };
        while buckets != 0 {
            let bucket = buckets.trailing_zeros() as usize;
            buckets &= buckets - 1;
            for (three, words) in &self.buckets[bucket] {
                if *three != [a, b, c] {
                    continue;
                }
                for &(word, offset) in words {
                    if let Some(start) = i.checked_sub(offset) {
                        if self.word_at(bytes, start, word) {
                            found.push((start, word));
                        }
                    }
                }
            }
        }
    }

    /// Whether `bytes[start..]` starts with word `word`: its first eight bytes compared as one
    /// number where the text has eight bytes there (a call to compare bytes cost about twenty
    /// instructions a place, and most places fit a word's three bytes only: "about" for
    /// "above"), the rest of a longer word after them.
    fn word_at(&self, bytes: &[u8], start: usize, word: usize) -> bool {
        let text = self.words[word].as_bytes();
        match bytes.get(start..start + 8) {
            Some(eight) => {
                let (head, keep) = self.heads[word];
                u64::from_le_bytes(eight.try_into().expect("eight bytes")) & keep == head
                    && bytes[start + 8..].starts_with(text.get(8..).unwrap_or_default())
            }
            None => bytes[start..].starts_with(text),
        }
    }

    /// Bit `i` set where the three bytes at `i` of `bytes` fit a bucket, for the first 32.
    #[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
    #[inline(always)]
    fn fits_of_32(&self, bytes: &[u8; 34]) -> u32 {
        // SAFETY: the build targets AVX2 (the `cfg` above).
        unsafe { self.fits_by_avx2(bytes) }
    }

    /// [`Search::fits_of_32`] a place at a time, where the build has no AVX2 (for the tests).
    #[cfg(all(test, not(all(target_arch = "x86_64", target_feature = "avx2"))))]
    fn fits_of_32(&self, bytes: &[u8; 34]) -> u32 {
        (0..32).fold(0, |fits, i| fits | u32::from(self.buckets_at(bytes, i) != 0) << i)
    }

    /// [`Search::fits_of_32`] by AVX2 ([`Tables::fits_of_32`]).
    #[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
    #[target_feature(enable = "avx2")]
    fn fits_by_avx2(&self, bytes: &[u8; 34]) -> u32 {
        self.tables.fits_of_32(super::super::buckets::places_of_32(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::super::phrases::SEARCH;

    /// Texts with words of the search overlapping, cut and side by side ("previous financial
    /// year to ", "Mayear to ", "d last year earlier"), made of pieces of the words, spaces and
    /// other bytes, around the edges of the vector blocks.
    fn pieced_texts(search: &super::Search) -> Vec<String> {
        let mut pieces: Vec<String> = Vec::new();
        for word in &search.words {
            pieces.push(word.to_string());
            for cut in 1..word.len() {
                pieces.push(word[..cut].to_string());
                pieces.push(word[cut..].to_string());
            }
        }
        pieces.extend([" ", "x", "financial ", "fina", "é", "—", "\n", "2024", "-", "Y"].map(String::from));
        let mut next = crate::gen::fixed_random();
        (0..4000)
            .map(|_| (0..1 + next(60)).map(|_| pieces[next(pieces.len())].as_str()).collect())
            .collect()
    }

    /// The vector search finds what Aho-Corasick's leftmost-first search finds, on generated
    /// and corpus texts, texts in several scripts and texts pieced from the words.
    #[test]
    fn hits_are_those_of_the_leftmost_first_automaton() {
        let mut texts = crate::gen::sample_texts(150);
        texts.extend(crate::extract::quote::hand::texts_in_several_scripts(20));
        texts.extend(pieced_texts(&SEARCH));
        let mut hits = 0;
        for text in &texts {
            let bytes = text.as_bytes();
            let by_automaton = SEARCH.hits_by_automaton(bytes);
            assert_eq!(SEARCH.hits_by_vectors(bytes), by_automaton, "{text:?}");
            hits += by_automaton.len();
        }
        assert!(hits > 10_000, "{hits} hits");
    }
}
