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
        let Some(v) = value else {
            let (low, high) = (low?, high?);
            let range = Interval::new(low, high);
            return Some(Reading {
                value: None,
                tight: range,
                wide: range,
            });
        };
        let p = precision_of(written, v);
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

    #[test]
    fn numbers_are_formatted_as_articles_write_them() {
        assert_eq!(format_number(65496.0), "65,496");
        assert_eq!(format_number(10627.4), "10,627.4");
        assert_eq!(format_number(25.0), "25");
        assert_eq!(format_number(-3.0), "-3");
    }
}
