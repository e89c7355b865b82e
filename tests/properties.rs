//! Property tests: spans always index the text they came from, and numbers written in the
//! supported styles parse back to their value.

use figmine::extract::number::{find_numbers, MentionKind};
use figmine::extract::period::Period;
use figmine::read::text::read_text;
use figmine::read::Span;
use proptest::prelude::*;

/// Pieces that exercise the recognizers: numbers in every style, periods, quote marks, multi-byte
/// characters and arbitrary printable text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("31,002".to_string()),
        Just("1.5 million".to_string()),
        Just("thirty-two".to_string()),
        Just("3 percent".to_string()),
        Just("97 per cent".to_string()),
        Just("$1.2 billion".to_string()),
        Just("€40,000".to_string()),
        Just("0–999".to_string()),
        Just("between 1,000 and 1,499".to_string()),
        Just("more than 50".to_string()),
        Just("in the second half of 2014".to_string()),
        Just("down from 72,279 in 2013".to_string()),
        Just("requests".to_string()),
        Just("said John Frank.".to_string()),
        Just("Microsoft".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("\"".to_string()),
        Just("\u{2019}".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("\u{a0}".to_string()),
        Just("\n\n".to_string()),
        Just("é—🙂".to_string()),
        "\\PC{0,12}",
        (0u64..10_000_000).prop_map(|n| n.to_string()),
    ]
}

fn article_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(piece(), 0..60),
        prop::collection::vec(prop::bool::ANY, 60),
    )
        .prop_map(|(pieces, gaps)| {
            let mut text = String::from("A headline\n\n");
            for (piece, gap) in pieces.iter().zip(gaps) {
                text.push_str(piece);
                if gap {
                    text.push(' ');
                }
            }
            text
        })
}

fn assert_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} out of range"
    );
    prop_assert!(
        text.get(span.start..span.end).is_some(),
        "{what} span {span:?} splits a character"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_span_indexes_a_char_boundary_of_the_article_text(content in article_text()) {
        let article = read_text(&content);
        let text = &article.text;
        for p in &article.paragraphs {
            assert_span(text, *p, "paragraph")?;
        }
        let extraction = figmine::extract::extract(&article);
        for s in &extraction.sentences {
            assert_span(text, *s, "sentence")?;
        }
        for p in &extraction.periods {
            assert_span(text, p.span, "period")?;
        }
        for f in &extraction.figures {
            assert_span(text, f.span, "figure")?;
            prop_assert!(f.span.start < f.span.end, "empty figure span");
        }
        for q in &extraction.quotes {
            assert_span(text, q.span, "quote")?;
        }
        for m in find_numbers(text) {
            assert_span(text, m.span(), "mention")?;
            prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
        }
    }

    #[test]
    fn digits_with_separators_parse_back(n in 0u64..1_000_000_000_000) {
        let written = with_commas(n);
        let sentence = format!("The company received {written} requests.");
        let mentions = find_numbers(&sentence);
        prop_assert_eq!(mentions.len(), 1, "{:?}", mentions);
        prop_assert_eq!(mentions[0].value, Some(n as f64));
        prop_assert_eq!(&mentions[0].text, &written);
    }

    #[test]
    fn decimals_with_scale_words_parse_back(whole in 1u32..1000, tenth in 0u32..10, scale in 0usize..3) {
        let (word, factor) = [("thousand", 1e3), ("million", 1e6), ("billion", 1e9)][scale];
        let sentence = format!("Users numbered {whole}.{tenth} {word} last year.");
        let mentions = find_numbers(&sentence);
        prop_assert_eq!(mentions.len(), 1, "{:?}", mentions);
        let expected = (whole as f64 + tenth as f64 / 10.0) * factor;
        let got = mentions[0].value.unwrap();
        prop_assert!((got - expected).abs() < 1e-6 * expected.max(1.0), "{} != {}", got, expected);
    }

    #[test]
    fn percent_forms_parse_back(n in 0u32..1000, form in 0usize..3) {
        let written = [format!("{n}%"), format!("{n} percent"), format!("{n} per cent")][form].clone();
        let sentence = format!("Content requests were {written} of the total.");
        let mentions = find_numbers(&sentence);
        prop_assert_eq!(mentions.len(), 1, "{:?}", mentions);
        prop_assert_eq!(mentions[0].kind, MentionKind::Percent);
        prop_assert_eq!(mentions[0].value, Some(n as f64));
    }

    #[test]
    fn period_labels_parse_back(year in 1990i32..2040, half in 1u32..=2, quarter in 1u32..=4, month in 1u32..=12) {
        for period in [
            Period::year(year),
            Period::half(year, half),
            Period::quarter(year, quarter),
            Period::months(year, month, year, month),
            Period::months(year - 1, month, year, month),
        ] {
            let period = period.unwrap();
            prop_assert_eq!(Period::parse_label(&period.label()), Some(period));
        }
    }
}

fn with_commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
