//! Gen: a synthetic corpus with known answers, for accuracy and throughput at scale.
//!
//! [`generate`] writes articles (plain text and HTML pages with boilerplate) about transparency
//! reports from sentence templates, together with a truth record per article: every figure
//! (text, value, kind, period, entity, measure), every direct quote (text, speaker), the
//! inconsistencies planted in it (by rule name) and, for syndicated or repeated copies, the
//! original it copies.
//!
//! The figures come from a deterministic "world": the number of requests a company received in a
//! half-year is a pure function of (seed, company, period, measure), so every article about one
//! report agrees with every other, and a planted inconsistency is the only disagreement.
//! The companies are real, the figures are invented: the corpus says so in its README.

mod templates;
mod world;

pub use templates::{Writer, PLANTABLE};
pub use world::World;

use crate::dedup::content_key;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// How many articles (copies included).
    pub articles: usize,
    /// Seed of every random choice: the same options give the same corpus, byte for byte.
    pub seed: u64,
    /// Share of articles that copy an earlier one (exact repeats and syndicated copies).
    pub duplicates: f64,
    /// Share of original articles with one planted inconsistency.
    pub planted: f64,
    /// Share of articles written as HTML pages (the rest are `.txt`).
    pub html: f64,
    /// The rules planted inconsistencies are drawn from (each one of [`PLANTABLE`]); empty: all.
    pub rules: Vec<&'static str>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            articles: 1000,
            seed: 1,
            duplicates: 0.05,
            planted: 0.3,
            html: 0.4,
            rules: Vec::new(),
        }
    }
}

/// A figure as a careful reader would record it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthFigure {
    /// The figure as written ("31,002", "3 percent", "$1.5 million").
    pub text: String,
    /// Its value (percent points for a percentage, units of currency for money).
    pub value: f64,
    /// `count`, `percent` or `money`.
    pub kind: String,
    /// Period label (`2014-H2`, `2014`), or null when the text gives none.
    pub period: Option<String>,
    /// Whose figure.
    pub entity: String,
    /// What it counts.
    pub measure: String,
    /// Whether the value departs from the world (a planted error): other articles disagree.
    #[serde(default)]
    pub deviant: bool,
}

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthQuote {
    /// The words inside the quotation marks (of the first paragraph, for a multi-paragraph quote).
    pub text: String,
    /// Who said it (full name).
    pub speaker: String,
}

/// One generated article's truth record (a line of `truth.jsonl`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Truth {
    /// The article's id: its path relative to the `articles/` folder.
    pub id: String,
    /// `txt` or `html`.
    pub format: String,
    /// The URL the article was published at.
    pub url: String,
    /// Headline.
    pub title: String,
    /// ISO publication date.
    pub published: String,
    /// Publisher.
    pub publisher: String,
    /// The figures of the body, in order.
    pub figures: Vec<TruthFigure>,
    /// The quotes, in order.
    pub quotes: Vec<TruthQuote>,
    /// The rules of the inconsistencies planted in this article.
    pub findings: Vec<String>,
    /// For a copy: the id of the original.
    pub duplicate_of: Option<String>,
    /// For a copy: `exact` or `near`.
    pub duplicate_kind: Option<String>,
}

/// One generated article.
#[derive(Debug, Clone)]
pub struct Generated {
    /// What it is and what it says.
    pub truth: Truth,
    /// The file's bytes.
    pub body: String,
    /// The body's paragraphs as written (what copies are made from).
    pub paragraphs: Vec<String>,
}

/// A small, fast, seedable generator (SplitMix64): the corpus must be reproducible, and the
/// `rand` crate would be a dependency for twenty lines.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// `text` typeset as news sites print it: straight quotation marks made curly (alternately
/// opening and closing), apostrophes `’` and hyphens en dashes. Generated articles are ASCII;
/// this is what tests and benchmarks use to read them as real pages are written.
pub fn typeset(text: &str) -> String {
    let mut open = false;
    text.chars()
        .map(|c| match c {
            '"' => {
                open = !open;
                if open {
                    '“'
                } else {
                    '”'
                }
            }
            '\'' => '’',
            '-' => '–',
            c => c,
        })
        .collect()
}

/// The texts the differential tests compare a shortcut and its pattern on: every file of
/// corpus/ and the bodies of the first `generated` articles of the default generated corpus.
#[cfg(test)]
pub(crate) fn sample_texts(generated: usize) -> Vec<String> {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut texts: Vec<String> = std::fs::read_dir(corpus)
        .expect("corpus/ is there")
        .map(|e| std::fs::read_to_string(e.expect("a corpus file").path()).expect("corpus files are text"))
        .collect();
    let options = Options::default();
    texts.extend((0..generated).map(|i| article(&options, i, None).body));
    texts
}

/// The plain-text articles of fixtures/ (the held-out sets and the quote set), as written.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut texts = Vec::new();
    for set in std::fs::read_dir(fixtures).expect("fixtures/ is there") {
        let Ok(articles) = std::fs::read_dir(set.expect("a fixture set").path().join("articles")) else {
            continue;
        };
        for article in articles {
            let path = article.expect("a fixture").path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(path).expect("fixtures are text"));
            }
        }
    }
    texts
}

/// [`sample_texts`] as written, then each typeset as news sites print it ([`typeset`]: curly
/// quotes and apostrophes, dashes, no-break spaces): the texts most differential tests read.
#[cfg(test)]
pub(crate) fn sample_texts_and_typeset(generated: usize) -> Vec<String> {
    let mut texts = sample_texts(generated);
    texts.extend(texts.iter().map(|t| typeset(t)).collect::<Vec<_>>());
    texts
}

/// The lines of [`sample_texts`]: paragraphs and header lines one by one, for the tests of
/// readers that work on a paragraph or a sentence.
#[cfg(test)]
pub(crate) fn sample_lines(generated: usize) -> Vec<String> {
    sample_texts(generated)
        .iter()
        .flat_map(|t| t.lines())
        .map(str::to_owned)
        .collect()
}

/// Numbers below each bound asked, in a fixed sequence (xorshift from a fixed seed): the random
/// cases of the differential tests, so that a failure is found again.
#[cfg(test)]
pub(crate) fn fixed_random() -> impl FnMut(usize) -> usize {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    move |n| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}

/// `count` phrases of `words`, each word followed by one of `gaps`, with `fewest` words a phrase
/// and up to `spread` less one more, drawn at random with a fixed seed: the made-up inputs of the
/// differential tests, beside [`sample_texts`].
#[cfg(test)]
pub(crate) fn random_phrases(words: &[&str], gaps: &[&str], fewest: usize, spread: usize, count: usize) -> Vec<String> {
    let mut next = fixed_random();
    (0..count)
        .map(|_| {
            let mut phrase = String::new();
            for _ in 0..fewest + next(spread) {
                phrase += words[next(words.len())];
                phrase += gaps[next(gaps.len())];
            }
            phrase
        })
        .collect()
}

/// Original article number `index` of the corpus of `options`, with exactly the planted
/// inconsistency given (one of [`PLANTABLE`]) or none, whatever `options.planted` says: what a test
/// needs to check that a rule fires on its plant and nothing fires on a clean article.
pub fn article(options: &Options, index: usize, plant: Option<&'static str>) -> Generated {
    let world = World::new(options.seed);
    let rng = Rng::new(options.seed ^ (index as u64 + 1).wrapping_mul(0x2545_f491_4f6c_dd1d));
    Writer::new(&world, rng, index, options).original_with(plant)
}

/// The articles of a corpus, generated lazily in order (copies refer only to earlier articles).
pub fn generate(options: &Options) -> impl Iterator<Item = Generated> + '_ {
    let world = World::new(options.seed);
    let mut rng = Rng::new(options.seed ^ 0x5eed);
    // Originals kept for copying later: a bounded sample, so memory stays flat at any size.
    let mut recent: Vec<Generated> = Vec::new();
    // Two syndicated copies with the same credit line are the same text: the truth must then
    // say the second repeats the first exactly, as a reader (and figmine) would see it.
    let mut texts: HashMap<u64, String> = HashMap::new();
    (0..options.articles).map(move |i| {
        let mut writer = Writer::new(&world, Rng::new(rng.next_u64()), i, options);
        let copy = i > 0 && !recent.is_empty() && rng.chance(options.duplicates);
        let mut article = if copy {
            let original = rng.pick(&recent).clone();
            writer.copy_of(&original)
        } else {
            writer.original()
        };
        let key = content_key(&article.paragraphs.join("\n\n"));
        match texts.get(&key) {
            Some(first) => {
                article.truth.duplicate_of = Some(first.clone());
                article.truth.duplicate_kind = Some("exact".into());
            }
            None => {
                texts.insert(key, article.truth.id.clone());
            }
        }
        if !copy {
            if recent.len() < 64 {
                recent.push(article.clone());
            } else {
                let slot = rng.below(64) as usize;
                recent[slot] = article.clone();
            }
        }
        article
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let options = Options {
            articles: 30,
            ..Options::default()
        };
        let a: Vec<String> = generate(&options).map(|g| g.body).collect();
        let b: Vec<String> = generate(&options).map(|g| g.body).collect();
        assert_eq!(a, b);
        let other = Options { seed: 2, ..options };
        assert_ne!(a, generate(&other).map(|g| g.body).collect::<Vec<_>>());
    }

    #[test]
    fn every_truth_figure_is_in_its_article() {
        let options = Options {
            articles: 200,
            ..Options::default()
        };
        for g in generate(&options) {
            for f in &g.truth.figures {
                assert!(g.body.contains(&f.text), "{} lacks {:?}", g.truth.id, f.text);
            }
            for q in &g.truth.quotes {
                assert!(
                    g.body.contains(&q.text[..20.min(q.text.len())]),
                    "{} lacks {:?}",
                    g.truth.id,
                    q.text
                );
            }
        }
    }

    #[test]
    fn copies_point_to_earlier_articles_and_plants_are_recorded() {
        let options = Options {
            articles: 400,
            duplicates: 0.2,
            ..Options::default()
        };
        let all: Vec<Generated> = generate(&options).collect();
        let ids: Vec<&str> = all.iter().map(|g| g.truth.id.as_str()).collect();
        let copies = all.iter().filter(|g| g.truth.duplicate_of.is_some()).count();
        assert!((40..=120).contains(&copies), "{copies} copies");
        for (i, g) in all.iter().enumerate() {
            if let Some(of) = &g.truth.duplicate_of {
                assert!(ids[..i].contains(&of.as_str()));
            }
        }
        let planted = all.iter().filter(|g| !g.truth.findings.is_empty()).count();
        assert!(planted > 60, "{planted} planted");
    }
}
