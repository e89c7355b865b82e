//! Property tests: spans always index the text they came from, numbers written in the
//! supported styles parse back to their value, and generated articles raise exactly the findings
//! planted in them (none when their figures are consistent).

use figmine::extract::number::{find_numbers, MentionKind};
use figmine::extract::period::Period;
use figmine::gen::{article, Options, Truth, PLANTABLE};
use figmine::read::text::read_text;
use figmine::read::Span;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

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

/// The same cases on every run, so that `cargo test` (and CI) passes or fails reproducibly: a
/// random seed per run once failed CI on a case no run before had drawn. `PROPTEST_RNG_SEED=N`
/// draws other cases; `FIGMINE_PROPTEST_RANDOM=1` a new random seed each run, for exploring
/// (with `PROPTEST_CASES` for more of them). Failures found are kept in
/// `properties.proptest-regressions`, which every run replays first.
fn config(cases: u32) -> ProptestConfig {
    // the defaults read PROPTEST_CASES, PROPTEST_RNG_SEED and the other PROPTEST_ variables
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    if matches!(config.rng_seed, RngSeed::Random) && std::env::var("FIGMINE_PROPTEST_RANDOM").as_deref() != Ok("1") {
        config.rng_seed = RngSeed::Fixed(0xf16_0001);
    }
    config
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
    #![proptest_config(config(256))]

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

/// One generated article per entry: `None` consistent, `Some(i)` with `PLANTABLE[i]` planted;
/// `true` adds a consistent twin about the same report, which a planted wrong value contradicts.
fn plants() -> impl Strategy<Value = Vec<(Option<usize>, bool)>> {
    prop::collection::vec((prop::option::of(0..PLANTABLE.len()), prop::bool::ANY), 1..6)
}

/// Writes the articles (original number i has plant i, its twin the same subject and no plant)
/// under `dir`, runs the figmine binary on them and returns their truth records and the findings.
fn generate_and_run(dir: &Path, seed: u64, plants: &[(Option<usize>, bool)]) -> (Vec<Truth>, Vec<Value>) {
    let options = Options {
        seed,
        html: 0.5,
        ..Options::default()
    };
    let articles = dir.join("articles");
    let mut truth = Vec::new();
    for (i, (plant, twin)) in plants.iter().enumerate() {
        let g = article(&options, i, plant.map(|p| PLANTABLE[p]));
        write_article(&articles, &g.truth.id, &g.body);
        truth.push(g.truth);
        if *twin {
            // The same index draws the same company, half and measure.
            let mut g = article(&options, i, None);
            g.truth.id = format!("twin/{}", g.truth.id);
            write_article(&articles, &g.truth.id, &g.body);
            truth.push(g.truth);
        }
    }
    let out = dir.join("out");
    // No dedup: two generated originals are never copies, and every one must be checked.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_figmine"))
        .arg("run")
        .arg(&articles)
        .arg("--out")
        .arg(&out)
        .args(["--quiet", "--no-dedup"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let findings = std::fs::read_to_string(out.join("findings.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (truth, findings)
}

fn write_article(dir: &Path, id: &str, body: &str) {
    let path = dir.join(id);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, body).unwrap();
}

/// The quantity of a truth figure, as the corpus-level rule compares them.
fn quantity(f: &figmine::gen::TruthFigure) -> (String, String, Option<String>) {
    (f.entity.clone(), f.measure.clone(), f.period.clone())
}

proptest! {
    // Every case runs the binary on a few articles: a few dozen cases keep this under seconds.
    #![proptest_config(config(24))]

    #[test]
    fn generated_articles_raise_exactly_their_planted_rule(seed in any::<u64>(), plants in plants()) {
        let tmp = tempfile::tempdir().unwrap();
        let (truth, findings) = generate_and_run(tmp.path(), seed, &plants);
        let mut per_article: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        for f in &findings {
            if let Some(id) = f["article"].as_str() {
                per_article.entry(id).or_default().insert(f["rule"].as_str().unwrap());
            }
        }
        for t in &truth {
            // A wrong value only another article can contradict raises nothing within its own.
            let expected: BTreeSet<&str> =
                t.findings.iter().map(String::as_str).filter(|r| *r != "cross_document").collect();
            let got = per_article.get(t.id.as_str()).cloned().unwrap_or_default();
            prop_assert_eq!(&got, &expected, "{} planted {:?}: {:?}", t.id, t.findings, findings);
        }
        let by_id: HashMap<&str, &Truth> = truth.iter().map(|t| (t.id.as_str(), t)).collect();
        for f in findings.iter().filter(|f| f["rule"] == "cross_document") {
            let involved: Vec<&str> = f["articles"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
            prop_assert!(
                involved.iter().any(|id| by_id[id].figures.iter().any(|g| g.deviant)),
                "cross_document with no planted wrong value: {}", f
            );
        }
        // A planted cross_document value is found whenever another article states the true one.
        for t in truth.iter().filter(|t| t.findings.iter().any(|r| r == "cross_document")) {
            let wrong: Vec<_> = t.figures.iter().filter(|g| g.deviant).map(quantity).collect();
            let contradicted = truth.iter().filter(|o| o.id != t.id).any(|o| {
                o.figures.iter().any(|g| !g.deviant && wrong.contains(&quantity(g)))
            });
            if contradicted {
                prop_assert!(
                    findings.iter().any(|f| f["rule"] == "cross_document"
                        && f["articles"].as_array().unwrap().iter().any(|a| a == t.id.as_str())),
                    "{} states a wrong value another article contradicts, but no cross_document", t.id
                );
            }
        }
    }
}
