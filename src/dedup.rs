//! Dedup: the same article reached twice is processed once, and syndicated copies of one press
//! release are linked to the first copy seen.
//!
//! - Exact duplicates: the same URL after [`normalize_url`], or the same text after folding case,
//!   punctuation and whitespace ([`content_key`]). They are not processed again.
//! - Near duplicates: a MinHash signature over word 3-shingles ([`minhash`]) whose estimated
//!   Jaccard similarity with an earlier original is at least [`NEAR_SIMILARITY`]. They are
//!   processed (their figures are theirs), but linked to the original so the corpus counts a
//!   figure once per original source.
//!
//! SimHash was tried first: on articles of a few hundred words, a copy with a credit line added
//! landed up to 9 bits away while two distinct releases about one report came within 8, so no
//! threshold separated them. MinHash estimates the share of shingles in common, which does.
//!
//! The [`Index`] keeps some eighty bytes per original article and thirty per copy, never the text.

use crate::ids::IdTable;
use crate::read::Article;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How many min-hashes a signature has.
pub const SIGNATURE: usize = 32;
/// Candidate lookup cuts the signature into bands of this many slots: two articles whose
/// signatures agree on one whole band are compared (locality-sensitive hashing).
const BAND: usize = 4;
/// The smallest estimated Jaccard similarity of shingles that makes a near duplicate. Copies with
/// a credit line or a new paragraph are above 0.83; distinct releases about one report, sharing
/// boilerplate sentences and the same figures, stay around 0.7 at most.
pub const NEAR_SIMILARITY: f64 = 0.78;

/// 64-bit FNV-1a: small, stable across Rust versions (the journal stores these hashes), and fast
/// enough for keys and shingles.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A URL reduced to what identifies the page: no scheme, lower-case host without `www.`, no
/// fragment, no tracking parameters (`utm_*`, `fbclid`, `gclid`), the other parameters sorted,
/// no trailing slash.
pub fn normalize_url(url: &str) -> String {
    let url = url.trim();
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or_default();
    let (location, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = location.split_once('/').unwrap_or((location, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host
        .strip_suffix(":80")
        .or_else(|| host.strip_suffix(":443"))
        .unwrap_or(host);
    let path = path.trim_end_matches('/');
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !is_tracking_param(p))
        .collect();
    params.sort_unstable();
    let mut out = format!("{host}/{path}");
    if !params.is_empty() {
        out.push('?');
        out.push_str(&params.join("&"));
    }
    out
}

fn is_tracking_param(param: &str) -> bool {
    let name = param.split('=').next().unwrap_or_default().to_ascii_lowercase();
    name.starts_with("utm_") || matches!(name.as_str(), "fbclid" | "gclid" | "mc_cid" | "mc_eid" | "ref")
}

/// FNV-1a hashes of the words of a text, lower-cased, split at everything that is not a letter
/// or digit; no allocation per word (this runs over every byte of the corpus).
fn word_hashes(text: &str) -> impl Iterator<Item = u64> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            let mut eat = |b: u8| {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            };
            if w.is_ascii() {
                w.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
            } else {
                let mut buf = [0u8; 4];
                for c in w.chars().flat_map(char::to_lowercase) {
                    c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
                }
            }
            h
        })
}

/// A hash of the text that ignores case, punctuation and whitespace: two copies of one article
/// that differ only in markup or wrapping get the same key.
pub fn content_key(text: &str) -> u64 {
    word_hashes(text).fold(0xcbf2_9ce4_8422_2325, |acc, w| mix(acc ^ w))
}

/// The MinHash signature of the text's word 3-shingles (a text of fewer than three words is one
/// shingle), by one-permutation hashing: each shingle is hashed once, the top bits pick one of
/// [`SIGNATURE`] bins and the bin keeps its smallest value. Empty bins (very short texts) borrow
/// from the next full bin, shifted by the distance, so two texts still agree only by content.
pub fn minhash(text: &str) -> [u32; SIGNATURE] {
    let mut signature = [u32::MAX; SIGNATURE];
    let mut filled = [false; SIGNATURE];
    let mut put = |s: u64| {
        let bin = (s >> 59) as usize % SIGNATURE;
        signature[bin] = signature[bin].min(s as u32);
        filled[bin] = true;
    };
    let (mut a, mut b, mut n) = (0u64, 0u64, 0usize);
    for w in word_hashes(text) {
        n += 1;
        if n >= 3 {
            put(mix(a ^ mix(b ^ mix(w))));
        }
        (a, b) = (b, w);
    }
    if n < 3 {
        put(mix(a ^ mix(b)));
    }
    densify(&mut signature, &filled);
    signature
}

fn densify(signature: &mut [u32; SIGNATURE], filled: &[bool; SIGNATURE]) {
    let original = *signature;
    for i in (0..SIGNATURE).filter(|&i| !filled[i]) {
        if let Some(d) = (1..SIGNATURE).find(|d| filled[(i + d) % SIGNATURE]) {
            let donor = original[(i + d) % SIGNATURE];
            signature[i] = donor.wrapping_add((d as u32).wrapping_mul(0x9e37_79b9));
        }
    }
}

/// The share of slots two signatures agree on: an estimate of their texts' Jaccard similarity.
pub fn similarity<T: PartialEq>(a: &[T; SIGNATURE], b: &[T; SIGNATURE]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / SIGNATURE as f64
}

/// A 64-bit finaliser (from SplitMix64) so that combined word hashes spread over all bits.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// What dedup needs to know about one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Hash of the normalised URL, when the article has one.
    pub url: Option<u64>,
    /// [`content_key`] of the text.
    pub content: u64,
    /// [`minhash`] signature of the text.
    pub minhash: [u32; SIGNATURE],
}

/// The fingerprint of an article.
pub fn fingerprint(article: &Article) -> Fingerprint {
    Fingerprint {
        url: article.url.as_deref().map(|u| fnv1a(normalize_url(u).as_bytes())),
        content: content_key(&article.text),
        minhash: minhash(&article.text),
    }
}

/// Why an article is a duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Match {
    /// Same URL after normalisation.
    Url,
    /// Same text once case, punctuation and whitespace are ignored.
    Content,
    /// MinHash similarity of at least [`NEAR_SIMILARITY`].
    Minhash,
}

/// A row of `duplicates.jsonl`: one article that duplicates an earlier one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicateRow {
    /// The duplicate's id.
    pub id: String,
    /// The id of the first article it copies.
    pub duplicate_of: String,
    /// `exact` (not processed) or `near` (processed, but not counted again in the dataset).
    pub kind: DuplicateKind,
    /// How it was recognised.
    pub by: Match,
    /// Estimated share of word 3-shingles in common, for a near duplicate.
    pub similarity: Option<f64>,
}

/// Exact or near duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DuplicateKind {
    /// The same article again: skipped.
    Exact,
    /// A syndicated or lightly edited copy: processed and linked.
    Near,
}

/// The articles seen so far, in the order they were seen.
#[derive(Debug, Default)]
pub struct Index {
    /// Every remembered id, by number.
    ids: IdTable,
    by_url: HashMap<u64, u32>,
    by_content: HashMap<u64, u32>,
    /// Signatures of originals, by original slot, cut to their low byte: verification only needs
    /// to count agreeing slots, and chance agreement of one byte (1/256) barely moves the estimate.
    signatures: Vec<[u8; SIGNATURE]>,
    /// The article each original slot belongs to.
    original_ids: Vec<u32>,
    /// Band hash (32 bits are plenty for lookup) → the first original slot with that band.
    bands: HashMap<u32, u32>,
}

impl Index {
    /// Checks an article against everything seen before and remembers it. Returns `None` for an
    /// original, or the row linking it to the first article it duplicates.
    pub fn check(&mut self, id: &str, fp: &Fingerprint) -> Option<DuplicateRow> {
        let exact = |by, of: u32| DuplicateRow {
            id: id.to_owned(),
            duplicate_of: self.id(of).to_owned(),
            kind: DuplicateKind::Exact,
            by,
            similarity: None,
        };
        if let Some(&of) = fp.url.and_then(|u| self.by_url.get(&u)) {
            return Some(exact(Match::Url, of));
        }
        if let Some(&of) = self.by_content.get(&fp.content) {
            return Some(exact(Match::Content, of));
        }
        let near = self.nearest_original(&fp.minhash);
        let me = self.remember(id, fp);
        match near {
            Some((of, similarity)) => Some(DuplicateRow {
                id: id.to_owned(),
                duplicate_of: self.id(of).to_owned(),
                kind: DuplicateKind::Near,
                by: Match::Minhash,
                similarity: Some(similarity),
            }),
            None => {
                self.add_original(me, &fp.minhash);
                None
            }
        }
    }

    /// Remembers an article checked in an earlier run (resume), with the verdict it got then.
    pub fn restore(&mut self, id: &str, fp: &Fingerprint, was_near_duplicate: bool) {
        let me = self.remember(id, fp);
        if !was_near_duplicate {
            self.add_original(me, &fp.minhash);
        }
    }

    fn id(&self, n: u32) -> &str {
        self.ids.get(n)
    }

    fn remember(&mut self, id: &str, fp: &Fingerprint) -> u32 {
        let me = self.ids.push(id);
        if let Some(u) = fp.url {
            self.by_url.entry(u).or_insert(me);
        }
        self.by_content.entry(fp.content).or_insert(me);
        me
    }

    fn add_original(&mut self, me: u32, signature: &[u32; SIGNATURE]) {
        let slot = u32::try_from(self.signatures.len()).expect("fewer than 4 billion articles");
        self.signatures.push(signature.map(|h| h as u8));
        self.original_ids.push(me);
        for band in band_hashes(signature) {
            self.bands.entry(band).or_insert(slot);
        }
    }

    /// The earliest original similar enough, with its estimated similarity.
    fn nearest_original(&self, signature: &[u32; SIGNATURE]) -> Option<(u32, f64)> {
        let low = signature.map(|h| h as u8);
        band_hashes(signature)
            .filter_map(|band| self.bands.get(&band))
            .map(|&slot| (self.original_ids[slot as usize], &self.signatures[slot as usize]))
            .map(|(id, other)| (id, similarity(&low, other)))
            .filter(|&(_, s)| s >= NEAR_SIMILARITY)
            .min_by_key(|&(id, _)| id)
    }
}

/// One hash per band of the signature, the band's position mixed in.
fn band_hashes(signature: &[u32; SIGNATURE]) -> impl Iterator<Item = u32> + '_ {
    signature.chunks(BAND).enumerate().map(|(i, band)| {
        let h = band.iter().fold(mix(i as u64), |acc, &slot| mix(acc ^ u64::from(slot)));
        (h >> 32) as u32
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, url: Option<&str>, text: &str) -> (String, Fingerprint) {
        let a = Article {
            id: id.into(),
            url: url.map(Into::into),
            text: text.into(),
            ..Article::default()
        };
        (id.into(), fingerprint(&a))
    }

    const RELEASE: &str = "Microsoft received 31,002 law enforcement requests in the second half of 2014, \
        down from 34,494 in the first half. The company disclosed content in 3 percent of cases and \
        non-content data in 76 percent. It rejected 18 percent of the requests outright. \"We review \
        every demand before anything leaves our hands,\" said John Frank, deputy general counsel. \
        The report also lists national security orders in bands of 1,000, as the law requires.";

    #[test]
    fn urls_are_normalised() {
        assert_eq!(
            normalize_url("HTTPS://www.Example.com/news/a/?utm_source=x&b=2&a=1#top"),
            normalize_url("http://example.com/news/a?a=1&b=2")
        );
        assert_ne!(
            normalize_url("https://example.com/a?id=1"),
            normalize_url("https://example.com/a?id=2")
        );
    }

    #[test]
    fn same_url_or_same_text_is_an_exact_duplicate() {
        let mut index = Index::default();
        let (id, fp) = article("a", Some("https://example.com/x"), RELEASE);
        assert_eq!(index.check(&id, &fp), None);
        let (id, fp) = article("b", Some("https://www.example.com/x/"), "Other words entirely.");
        let row = index.check(&id, &fp).unwrap();
        assert_eq!(
            (row.duplicate_of.as_str(), row.kind, row.by),
            ("a", DuplicateKind::Exact, Match::Url)
        );
        let rewrapped = RELEASE.replace(". ", ".\n\n").to_uppercase();
        let (id, fp) = article("c", None, &rewrapped);
        let row = index.check(&id, &fp).unwrap();
        assert_eq!((row.duplicate_of.as_str(), row.by), ("a", Match::Content));
    }

    #[test]
    fn a_syndicated_copy_is_a_near_duplicate_of_the_first() {
        let mut index = Index::default();
        let (id, fp) = article("original", None, RELEASE);
        assert_eq!(index.check(&id, &fp), None);
        let copy = format!("SEATTLE (Example Wire) - {RELEASE} This story first appeared on example.com.");
        let (id, fp) = article("copy", None, &copy);
        let row = index.check(&id, &fp).expect("near duplicate");
        assert_eq!((row.duplicate_of.as_str(), row.kind), ("original", DuplicateKind::Near));
        // A copy of the copy still links to the original, the first one seen.
        let (id, fp) = article("copy2", None, &format!("{copy} Reporting by staff."));
        assert_eq!(index.check(&id, &fp).unwrap().duplicate_of, "original");
    }

    #[test]
    fn another_release_with_other_figures_is_not_a_duplicate() {
        let mut index = Index::default();
        let (id, fp) = article("microsoft", None, RELEASE);
        assert_eq!(index.check(&id, &fp), None);
        let other = RELEASE
            .replace("Microsoft", "Yahoo")
            .replace("31,002", "21,425")
            .replace("34,494", "19,871")
            .replace("3 percent", "9 percent")
            .replace("76 percent", "61 percent")
            .replace("18 percent", "12 percent")
            .replace("John Frank", "Ron Bell")
            .replace("deputy general counsel", "general counsel");
        let (id, fp) = article("yahoo", None, &other);
        assert_eq!(
            index.check(&id, &fp),
            None,
            "similarity {}",
            similarity(&minhash(RELEASE), &fp.minhash)
        );
    }

    #[test]
    fn restored_articles_are_found_again() {
        let mut index = Index::default();
        let (_, fp) = article("old", None, RELEASE);
        index.restore("old", &fp, false);
        let (id, fp2) = article("new", None, RELEASE);
        assert_eq!(index.check(&id, &fp2).unwrap().duplicate_of, "old");
    }
}

#[cfg(test)]
mod generated {
    use super::*;
    use crate::gen::{generate, Options};

    /// Similarities between generated copies and their originals, and the highest similarity
    /// between two distinct originals.
    fn similarities() -> (Vec<f64>, f64) {
        let options = Options {
            articles: 600,
            duplicates: 0.2,
            ..Options::default()
        };
        let all: Vec<_> = generate(&options).collect();
        let sig = |g: &crate::gen::Generated| minhash(&g.paragraphs.join("\n\n"));
        let by_id: HashMap<&str, [u32; SIGNATURE]> = all.iter().map(|g| (g.truth.id.as_str(), sig(g))).collect();
        let copies = all
            .iter()
            .filter(|g| g.truth.duplicate_kind.as_deref() == Some("near"))
            .map(|g| similarity(&sig(g), &by_id[g.truth.duplicate_of.as_deref().unwrap()]))
            .collect();
        let originals: Vec<_> = all.iter().filter(|g| g.truth.duplicate_of.is_none()).map(sig).collect();
        let mut closest: f64 = 0.0;
        for (i, a) in originals.iter().enumerate() {
            for b in &originals[i + 1..] {
                closest = closest.max(similarity(a, b));
            }
        }
        (copies, closest)
    }

    #[test]
    fn generated_copies_are_near_and_distinct_articles_are_not() {
        let (copies, closest) = similarities();
        let lowest = copies.iter().copied().fold(1.0, f64::min);
        eprintln!(
            "{} copies, least similar {lowest}; most similar distinct originals {closest}",
            copies.len()
        );
        assert!(copies.len() > 30 && lowest >= NEAR_SIMILARITY, "{copies:?}");
        assert!(closest < NEAR_SIMILARITY, "{closest}");
    }
}
