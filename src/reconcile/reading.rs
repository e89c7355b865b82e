//! Readings: the interval of values a written figure can mean, so that every comparison is
//! interval arithmetic on what the text can mean.
//!
//! Each figure has a `tight` reading (rounding to its last stated digit, and the direction of a
//! bound such as "more than") and a `wide` one that also lets approximation words ("about",
//! "nearly") stretch. A check that fails on the tight readings but passes on the wide ones is a
//! warning; a check that fails on both is an error.

use super::Severity;
use crate::extract::claim::{self, precision_of};

/// A closed interval of real numbers (bounds may be infinite).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Smallest value.
    pub low: f64,
    /// Largest value.
    pub high: f64,
}

impl Interval {
    /// An interval from `low` to `high`.
    pub fn new(low: f64, high: f64) -> Interval {
        Interval { low, high }
    }

    /// The interval holding one value.
    pub fn point(v: f64) -> Interval {
        Interval::new(v, v)
    }

    /// Sum of any two values of the intervals.
    pub fn plus(self, o: Interval) -> Interval {
        Interval::new(self.low + o.low, self.high + o.high)
    }

    /// Difference of any two values of the intervals.
    pub fn minus(self, o: Interval) -> Interval {
        Interval::new(self.low - o.high, self.high - o.low)
    }

    /// Product of any two values (both intervals non-negative).
    pub fn times(self, o: Interval) -> Interval {
        Interval::new(self.low * o.low, self.high * o.high)
    }

    /// Quotient of any two values (both non-negative, divisor above zero).
    pub fn over(self, o: Interval) -> Option<Interval> {
        (o.low > 0.0).then(|| Interval::new(self.low / o.high, self.high / o.low))
    }

    /// Every value multiplied by `k` (k ≥ 0).
    pub fn scale(self, k: f64) -> Interval {
        Interval::new(self.low * k, self.high * k)
    }

    /// Whether the intervals share a value. A relative slack of 1e-9 absorbs float noise.
    pub fn overlaps(self, o: Interval) -> bool {
        let finite = |x: f64| if x.is_finite() { x.abs() } else { 0.0 };
        let eps = 1e-9
            * [self.low, self.high, o.low, o.high]
                .into_iter()
                .map(finite)
                .fold(1.0, f64::max);
        self.low <= o.high + eps && o.low <= self.high + eps
    }

    /// Whether `v` lies in the interval.
    pub fn contains(self, v: f64) -> bool {
        self.overlaps(Interval::point(v))
    }
}

/// What a written figure can mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// Its value as written, if it states one (a pure range does not).
    pub value: Option<f64>,
    /// What it means when only rounding is allowed.
    pub tight: Interval,
    /// What it means when approximation words are read loosely.
    pub wide: Interval,
}

/// How much "about" or "nearly" may stretch a figure on the loose reading.
const LOOSE: f64 = 0.1;

impl Reading {
    /// The reading of an exact, computed value.
    pub fn exact(v: f64) -> Reading {
        Reading {
            value: Some(v),
            tight: Interval::point(v),
            wide: Interval::point(v),
        }
    }

    /// The reading of a figure as written: its text, value, bounds and qualifier.
    pub fn of(
        written: &str,
        value: Option<f64>,
        low: Option<f64>,
        high: Option<f64>,
        approx: Option<&str>,
    ) -> Option<Reading> {
        Reading::of_figure(written, value, low, high, approx, None)
    }

    /// [`Reading::of`] a figure, told for one read plainly at its digits
    /// ([`Figure::plain`](crate::extract::Figure::plain)) the place value of its last digit
    /// (`plain`), from which its rounding is worked out without reading its text again
    /// ([`claim::precision_of_plain`]).
    pub fn of_figure(
        written: &str,
        value: Option<f64>,
        low: Option<f64>,
        high: Option<f64>,
        approx: Option<&str>,
        plain: Option<f64>,
    ) -> Option<Reading> {
        let Some(v) = value else {
            let (low, high) = (low?, high?);
            let range = Interval::new(low, high);
            return Some(Reading {
                value: None,
                tight: range,
                wide: range,
            });
        };
        let p = match plain.and_then(|place| claim::precision_of_plain(v, place)) {
            Some(p) => {
                debug_assert_eq!(p.to_bits(), precision_of(written, v).to_bits(), "{written:?}");
                #[cfg(test)]
                tests::HANDED_OVER.with(|n| n.set(n.get() + 1));
                p
            }
            None => precision_of(written, v),
        };
        let rounded = Interval::new(v - p / 2.0, v + p / 2.0);
        let (tight, wide) = match approx.map(qualifier) {
            None => (rounded, rounded),
            Some(Qualifier::Around) => (
                rounded,
                Interval::new(rounded.low.min(v * (1.0 - LOOSE)), rounded.high.max(v * (1.0 + LOOSE))),
            ),
            Some(Qualifier::Below) => (
                Interval::new((v - p).min(v * (1.0 - LOOSE / 2.0)), v + p / 2.0),
                Interval::new(v * (1.0 - 1.5 * LOOSE), v + p / 2.0),
            ),
            Some(Qualifier::AtLeast) => (
                Interval::new(v - p / 2.0, f64::INFINITY),
                Interval::new(v * (1.0 - LOOSE / 2.0) - p / 2.0, f64::INFINITY),
            ),
            Some(Qualifier::AtMost) => (
                Interval::new(f64::NEG_INFINITY, v + p / 2.0),
                Interval::new(f64::NEG_INFINITY, v * (1.0 + LOOSE / 2.0) + p / 2.0),
            ),
        };
        Some(Reading {
            value: Some(v),
            tight,
            wide,
        })
    }

    /// A count or an amount written to the unit with no approximation word ("27 requests",
    /// "$350") is that integer, not any value that rounds to it: parts of a breakdown that make
    /// 28 do not make 27, and "4,189" and "4,190" are two values. (Read as `v ± 0.5`, `n` such
    /// parts let a sum be off by `n / 2`: a breakdown of four parts hid an error of one.)
    pub fn exact_at_the_unit(self) -> Reading {
        match self.value {
            Some(v) if v.fract() == 0.0 && self.tight == Interval::new(v - 0.5, v + 0.5) && self.tight == self.wide => {
                Reading {
                    value: Some(v),
                    tight: Interval::point(v),
                    wide: Interval::point(v),
                }
            }
            _ => self,
        }
    }

    /// Whether approximation words make the figure loose.
    pub fn is_loose(&self) -> bool {
        self.tight != self.wide
    }
}

/// What an approximation word says about the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    /// "about", "roughly": on either side.
    Around,
    /// "nearly", "almost": a little below.
    Below,
    /// "more than", "over", "at least".
    AtLeast,
    /// "fewer than", "up to", "at most".
    AtMost,
}

/// What the approximation word `word` says, read in any ASCII case: compared in place rather
/// than on a lowercased copy (a figure with a qualifier paid an allocation for it).
fn qualifier(word: &str) -> Qualifier {
    let w = word.trim();
    let starts = |prefix: &[&str]| prefix.iter().any(|p| claim::starts_with_ignoring_ascii_case(w, p));
    if ["nearly", "almost", "just under", "close to", "not quite", "just shy of"]
        .iter()
        .any(|listed| w.eq_ignore_ascii_case(listed))
    {
        Qualifier::Below
    } else if starts(&["more", "over", "at least", "above", "upwards", "in excess", "just over"]) {
        Qualifier::AtLeast
    } else if starts(&["fewer", "less", "under", "up to", "at most", "below"]) {
        Qualifier::AtMost
    } else {
        Qualifier::Around
    }
}

/// The severity of a check's outcome: `None` when the tight readings are consistent, a warning
/// when only the wide readings are, an error when even they are not.
pub fn verdict(tight_ok: bool, wide_ok: bool) -> Option<Severity> {
    match (tight_ok, wide_ok) {
        (true, _) => None,
        (false, true) => Some(Severity::Warning),
        (false, false) => Some(Severity::Error),
    }
}

/// Formats a number the way an article would: "65,496", "4.5", "1,298.3".
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return if v > 0.0 { "no limit".into() } else { "-no limit".into() };
    }
    let rounded = (v * 10.0).round() / 10.0;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let int = abs.trunc() as u64;
    let frac = ((abs - abs.trunc()) * 10.0).round() as u64;
    let digits = int.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if negative { "-" } else { "" };
    if frac == 0 || frac == 10 {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_and_qualifiers_set_the_readings() {
        let r = Reading::of("31,000", Some(31000.0), None, None, None).unwrap();
        assert!(r.tight.contains(31002.0) && !r.is_loose());
        let r = Reading::of("65.5 thousand", Some(65500.0), None, None, None).unwrap();
        assert_eq!(r.tight, Interval::new(65450.0, 65550.0));
        let r = Reading::of("65,000", Some(65000.0), None, None, Some("about")).unwrap();
        assert!(r.tight.contains(65496.0) && !r.tight.contains(66200.0) && r.wide.contains(66200.0));
        let r = Reading::of("35,000", Some(35000.0), None, None, Some("nearly")).unwrap();
        assert!(r.tight.contains(34946.0) && !r.tight.contains(35600.0));
        let r = Reading::of("53,000", Some(53000.0), None, None, Some("more than")).unwrap();
        assert!(r.tight.contains(90000.0) && !r.tight.contains(50000.0));
        let r = Reading::of("0-999", None, Some(0.0), Some(999.0), None).unwrap();
        assert_eq!(r.tight, Interval::new(0.0, 999.0));
    }

    /// [`qualifier`] as first written: on a lowercased copy of the word.
    fn qualifier_of_copy(word: &str) -> Qualifier {
        let w = word.to_ascii_lowercase();
        let w = w.trim();
        if ["nearly", "almost", "just under", "close to", "not quite", "just shy of"].contains(&w) {
            Qualifier::Below
        } else if ["more", "over", "at least", "above", "upwards", "in excess", "just over"]
            .iter()
            .any(|p| w.starts_with(p))
        {
            Qualifier::AtLeast
        } else if ["fewer", "less", "under", "up to", "at most", "below"]
            .iter()
            .any(|p| w.starts_with(p))
        {
            Qualifier::AtMost
        } else {
            Qualifier::Around
        }
    }

    #[test]
    fn qualifiers_read_in_place_are_those_of_a_lowercased_copy() {
        let words = [
            "about",
            "nearly",
            "almost",
            "just under",
            "close to",
            "not quite",
            "just shy of",
            "more than",
            "over",
            "at least",
            "above",
            "upwards of",
            "in excess of",
            "just over",
            "fewer than",
            "less than",
            "under",
            "up to",
            "at most",
            "below",
            "roughly",
            "some",
            "an estimated",
            "approximately",
            "",
            "m",
            "ov",
            "overall",
            "underway",
            "moreover",
            "nearlyy",
            "at",
            "up",
            "ſome",
            "ﬁ",
            "é",
        ];
        for w in words {
            let upper = w.to_ascii_uppercase();
            let capital = w.get(..1).map(|c| c.to_ascii_uppercase() + &w[1..]).unwrap_or_default();
            for form in [w.to_owned(), upper, capital] {
                for spaced in [
                    form.clone(),
                    format!("  {form}\t"),
                    format!("\u{a0}{form}"),
                    format!("{form}x"),
                ] {
                    assert_eq!(qualifier(&spaced), qualifier_of_copy(&spaced), "{spaced:?}");
                }
            }
        }
        // every qualifier is read, in each case
        let kinds = words
            .iter()
            .map(|w| qualifier(&w.to_ascii_uppercase()))
            .collect::<Vec<_>>();
        for kind in [
            Qualifier::Below,
            Qualifier::AtLeast,
            Qualifier::AtMost,
            Qualifier::Around,
        ] {
            assert!(kinds.contains(&kind), "{kind:?}");
        }
    }

    /// Numbers written in many ways, each in a few sentences: the made-up inputs of
    /// [`a_plain_figure_is_rounded_as_its_text_reads`]. Digits of every count up to 17 with and
    /// without groups, trailing 0s and decimals, leading 0s, and the shapes around a number that
    /// the plain reading takes or leaves (a percent sign, a no-break space, a restatement).
    fn crafted_numbers() -> Vec<String> {
        let mut numbers: Vec<String> = [
            "0",
            "00",
            "007",
            "0.0",
            "0.5",
            "0.50",
            "0.05",
            "04.0",
            "1",
            "10",
            "100",
            "120",
            "500",
            "1000",
            "1,000",
            "20,000",
            "31,002",
            "31,000",
            "65,500",
            "999,999,999",
            "100,000,000,000",
            "123456789012345",
            "999999999999999",
            "100000000000000",
            "1000000000000000",
            "1234567890123456",
            "0000000000000012",
            "3.14",
            "3.141",
            "3.1415",
            "1,234.5",
            "1,234.56",
            "1,234.567",
            "99.99",
            "10.00",
            "1.",
            "2014",
            "1,2",
            "1.234,5",
            "12345678901234.5",
            "1234567890123.45",
        ]
        .map(str::to_owned)
        .to_vec();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for len in 1..=17usize {
            for zeros in 0..len {
                for _ in 0..3 {
                    let mut digits: String = (0..len - zeros)
                        .map(|k| char::from(b'0' + (next(9) + u64::from(k == 0)) as u8))
                        .collect();
                    digits.extend(std::iter::repeat_n('0', zeros));
                    numbers.push(digits.clone());
                    // grouped in threes from the right
                    let grouped: String = digits
                        .chars()
                        .enumerate()
                        .flat_map(|(k, c)| {
                            let comma = k > 0 && (len - k) % 3 == 0;
                            comma.then_some(',').into_iter().chain([c])
                        })
                        .collect();
                    numbers.push(grouped.clone());
                    let decimals = 1 + next(4) as usize;
                    numbers.push(format!("{grouped}.{}", &digits[..decimals.min(len)]));
                }
            }
        }
        let mut texts = Vec::new();
        for n in &numbers {
            texts.push(format!(
                "Acme received {n} requests in 2014, and {n} percent of them were met."
            ));
            texts.push(format!(
                "In the first half of 2014 Acme got {n}% more requests, or {n}\u{a0}percent."
            ));
            texts.push(format!(
                "Google said it received {n} ({n}) requests for user data in 2013; about {n} were met."
            ));
            texts.push(format!("Microsoft got {n} pct of {n} requests in 2012, up from {n}."));
        }
        texts
    }

    /// The real bodies of ../shared/article-benchmark beside the repository (or at
    /// `ARTICLE_BENCHMARK`), when they are there.
    fn real_bodies() -> Vec<String> {
        let dir = std::env::var_os("ARTICLE_BENCHMARK").map_or_else(
            || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/article-benchmark"),
            std::path::PathBuf::from,
        );
        let Ok(json) = std::fs::read_to_string(dir.join("ground-truth.json")) else {
            return Vec::new();
        };
        let truth: serde_json::Value = serde_json::from_str(&json).expect("the benchmark's JSON");
        truth
            .as_object()
            .expect("articles by id")
            .values()
            .filter_map(|a| a["articleBody"].as_str().map(str::to_owned))
            .collect()
    }

    thread_local! {
        /// How many readings took a handed-over rounding ([`Reading::of_figure`]) on this thread.
        pub(super) static HANDED_OVER: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// The rounding of a figure read plainly at its digits, worked out from its value and last
    /// place ([`claim::precision_of_plain`]), is that [`precision_of`] reads from its text, and
    /// the view's reading with it ([`Reading::of_figure`]) is [`Reading::of`]: every mention of
    /// the number reader and every figure of the extraction, of corpus/, generated articles,
    /// crafted numbers and the real bodies (when there), with floors on those worked out.
    #[test]
    fn a_plain_figure_is_rounded_as_its_text_reads() {
        let crafted = crafted_numbers();
        let real = real_bodies();
        let mut texts = crate::gen::sample_texts(300);
        texts.extend(crafted.iter().cloned());
        texts.extend(real.iter().cloned());
        // Every mention read plainly, with its value and last place.
        let (mut mentions, mut plain, mut worked_out, mut decimals) = (0, 0, 0, 0);
        for text in &texts {
            for m in crate::extract::number::find_numbers(text) {
                mentions += 1;
                let (Some(value), true) = (m.value, m.plain) else {
                    continue;
                };
                plain += 1;
                let written = &text[m.start..m.end];
                if let Some(p) = claim::precision_of_plain(value, m.precision) {
                    assert_eq!(
                        p.to_bits(),
                        precision_of(written, value).to_bits(),
                        "{written:?} in {text:?}"
                    );
                    worked_out += 1;
                    decimals += usize::from(m.precision < 1.0);
                }
            }
        }
        let counted =
            format!("{worked_out} worked out ({decimals} with decimals) of {plain} plain mentions of {mentions}");
        eprintln!("{counted}");
        assert!(
            worked_out > 15_000 && decimals > 1_500 && plain - worked_out > 1_000 && mentions - plain > 5_000,
            "{counted}"
        );
        // Every figure, as the view reads it.
        let mut records = super::super::doc::test_records(&crafted.iter().map(String::as_str).collect::<Vec<_>>());
        records.extend(real.iter().map(|body| {
            let article = crate::read::text::read_text(body);
            crate::record::Record {
                extraction: crate::extract::extract(&article),
                article,
                failure: None,
            }
        }));
        let (mut figures, mut handed, mut real_handed) = (0, 0, 0);
        let from_real = records.len() - real.len();
        for (k, record) in records.iter().enumerate() {
            let text = &record.article.text;
            for f in &record.extraction.figures {
                figures += 1;
                let written = f.span.of(text);
                let place = f.plain.then_some(f.precision);
                if let (Some(v), Some(place)) = (f.value, place) {
                    if let Some(p) = claim::precision_of_plain(v, place) {
                        assert_eq!(p.to_bits(), precision_of(written, v).to_bits(), "{written:?}");
                        handed += 1;
                        real_handed += usize::from(k >= from_real);
                    }
                }
                for approx in [None, Some("about"), Some("nearly"), Some("more than"), Some("up to")] {
                    let of = |plain| Reading::of_figure(written, f.value, f.low, f.high, approx, plain);
                    assert_eq!(of(place), of(None), "{written:?}");
                }
            }
        }
        eprintln!("{handed} of {figures} figures worked out, {real_handed} of the real bodies");
        assert!(handed > 3_000 && figures - handed > 300, "{handed} of {figures}");
        assert!(real.is_empty() || real_handed > 500, "{real_handed} of the real bodies");
        // The view itself takes the handed-over rounding for each of those figures.
        HANDED_OVER.with(|n| n.set(0));
        for record in &records {
            super::super::doc::Doc::new(record);
        }
        let taken = HANDED_OVER.with(|n| n.get());
        assert_eq!(taken, handed, "the view took the handed-over rounding {taken} times");
    }

    #[test]
    fn numbers_are_formatted_as_articles_write_them() {
        assert_eq!(format_number(65496.0), "65,496");
        assert_eq!(format_number(10627.4), "10,627.4");
        assert_eq!(format_number(25.0), "25");
        assert_eq!(format_number(-3.0), "-3");
    }
}
