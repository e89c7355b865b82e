//! Numeric mentions in a sentence: counts, percentages, money, ordinals, ranges and bounds.
//!
//! [`find_numbers`] is the one entry point; `figmine numbers` prints exactly what it returns.

use crate::read::Span;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A plain count or quantity ("31,002", "thirty-two").
    Number,
    /// A percentage ("3 percent"); `value` is the figure before the sign.
    Percent,
    /// An amount of money ("$1.2 billion"); `unit` holds the currency code.
    Money,
    /// A position ("21st", "third").
    Ordinal,
    /// A range ("0-999"); `low` and `high` hold the bounds and `unit` what they count.
    Range,
}

/// One numeric mention and what it means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// The text of the mention.
    pub text: String,
    /// Byte offset of the first byte in the searched text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: MentionKind,
    /// The stated value, or `None` for a pure range.
    pub value: Option<f64>,
    /// Lower bound implied by the text (the value itself when exact).
    pub low: Option<f64>,
    /// Upper bound implied by the text (the value itself when exact).
    pub high: Option<f64>,
    /// The approximation or bound qualifier as written, lowercased ("more than", "about").
    pub approx: Option<String>,
    /// `"percent"` for percentages and ranges of them, an ISO currency code for money.
    pub unit: Option<String>,
    /// The place value of the last stated digit (1 for "31,002", 100,000 for "1.5 million"),
    /// so later stages know how far the writer may have rounded.
    #[serde(skip)]
    pub precision: f64,
}

impl Mention {
    /// The mention's span in the searched text.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// `$1.2 billion`, `31,002`, `3 percent`, `2bn`: digits with an optional currency, scale and percent.
static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?P<cur>[$€£¥]|US\$)?
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|m|k)\b)?
        (?:\s?(?P<pct>%|\s*per\s?cent\b|\s*pct\b))?",
    )
    .unwrap()
});

/// Finds every numeric mention in `text`, in order.
pub fn find_numbers(text: &str) -> Vec<Mention> {
    DIGITS
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            if glued_to_word(text, m.start(), m.end()) {
                return None;
            }
            let digits = c["num"].replace(',', "");
            let mut value: f64 = digits.parse().ok()?;
            let decimals = digits.split('.').nth(1).map_or(0, str::len);
            let mut precision = 10f64.powi(-(decimals as i32));
            if let Some(scale) = c.name("scale") {
                let factor = scale_factor(scale.as_str());
                value *= factor;
                precision *= factor;
            }
            let (kind, unit) = if c.name("pct").is_some() {
                (MentionKind::Percent, Some("percent".to_owned()))
            } else if let Some(cur) = c.name("cur") {
                (MentionKind::Money, Some(currency_code(cur.as_str()).to_owned()))
            } else {
                (MentionKind::Number, None)
            };
            Some(Mention {
                text: m.as_str().to_owned(),
                start: m.start(),
                end: m.end(),
                kind,
                value: Some(value),
                low: Some(value),
                high: Some(value),
                approx: None,
                unit,
                precision,
            })
        })
        .collect()
}

/// A number glued to letters ("Office365", "i7") is a name, not a figure.
fn glued_to_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
}

fn scale_factor(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "thousand" | "k" => 1e3,
        "million" | "m" | "mn" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => 1.0,
    }
}

fn currency_code(sign: &str) -> &'static str {
    match sign {
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        _ => "USD",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_percent_and_money() {
        let m = find_numbers("Of 31,002 requests, 3 percent; fines of $1.2 billion.");
        assert_eq!(m.len(), 3);
        assert_eq!((m[0].kind, m[0].value), (MentionKind::Number, Some(31002.0)));
        assert_eq!(
            (m[1].kind, m[1].value, m[1].text.as_str()),
            (MentionKind::Percent, Some(3.0), "3 percent")
        );
        assert_eq!((m[2].kind, m[2].value), (MentionKind::Money, Some(1.2e9)));
        assert_eq!(m[2].precision, 1e8);
    }
}
