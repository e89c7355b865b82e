//! Golden test: every corpus article against its hand-checked expectation in
//! `fixtures/expected/<article>.json` (figures, quotes and findings).
//!
//! A figure matches when an extracted figure has the same text (same occurrence), and is correct
//! when its value, kind and period also agree. The test prints every difference, article by
//! article, then asserts the scores below; raise them as the extractor improves.

use figmine::batch::process_one;
use figmine::export::rows::{FigureRow, FindingRow, QuoteRow};
use figmine::fetch::discover;
use figmine::reconcile::Corpus;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Expected {
    article: String,
    #[serde(default)]
    figures: Vec<ExpectedFigure>,
    #[serde(default)]
    quotes: Vec<ExpectedQuote>,
    #[serde(default)]
    findings: Vec<ExpectedFinding>,
}

#[derive(Deserialize)]
struct ExpectedFigure {
    text: String,
    kind: String,
    value: Option<f64>,
    period: Option<String>,
}

#[derive(Deserialize)]
struct ExpectedQuote {
    starts: String,
    speaker: Option<String>,
}

#[derive(Deserialize)]
struct ExpectedFinding {
    rule: String,
}

/// What the pipeline produced for one article, as output rows.
#[derive(Default)]
struct Actual {
    figures: Vec<FigureRow>,
    quotes: Vec<QuoteRow>,
    findings: Vec<FindingRow>,
}

/// Counts over the whole corpus.
#[derive(Default, Debug)]
struct Score {
    expected_figures: usize,
    found: usize,
    correct: usize,
    extracted: usize,
    expected_findings: usize,
    findings_right: usize,
    spurious_findings: usize,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every article's figures, quotes and findings; a corpus-level finding counts for the article
/// it blames (the one whose value the others contradict).
fn run_corpus() -> BTreeMap<String, Actual> {
    let mut out: BTreeMap<String, Actual> = BTreeMap::new();
    let mut corpus = Corpus::default();
    for source in discover(&[root().join("corpus")]) {
        let (record, findings) = process_one(source);
        corpus.add(&record);
        assert!(
            record.failure.is_none(),
            "{} failed: {:?}",
            record.article.id,
            record.failure
        );
        let a = &record.article;
        out.insert(
            a.id.clone(),
            Actual {
                figures: record.extraction.figures.iter().map(|f| FigureRow::new(a, f)).collect(),
                quotes: record.extraction.quotes.iter().map(|q| QuoteRow::new(a, q)).collect(),
                findings: findings.iter().map(FindingRow::new).collect(),
            },
        );
    }
    for f in corpus.finish().findings {
        let blamed = f.article.clone().unwrap_or_else(|| "<corpus>".into());
        out.entry(blamed).or_default().findings.push(FindingRow::new(&f));
    }
    out
}

fn load_expected(dir: &Path) -> Vec<Expected> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap_or_else(|e| panic!("{p:?}: {e}")))
        .collect()
}

fn same_value(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

fn compare_figures(exp: &Expected, act: &Actual, score: &mut Score, report: &mut String) {
    let mut used = vec![false; act.figures.len()];
    score.expected_figures += exp.figures.len();
    score.extracted += act.figures.len();
    for e in &exp.figures {
        let hit = act
            .figures
            .iter()
            .enumerate()
            .find(|(i, f)| !used[*i] && f.text == e.text);
        let Some((i, f)) = hit else {
            writeln!(
                report,
                "  missing figure {:?} ({} {:?} {:?})",
                e.text, e.kind, e.value, e.period
            )
            .unwrap();
            continue;
        };
        used[i] = true;
        score.found += 1;
        if f.kind == e.kind && same_value(f.value, e.value) && f.period == e.period {
            score.correct += 1;
        } else {
            writeln!(
                report,
                "  figure {:?}: expected {} {:?} {:?}, got {} {:?} {:?}",
                e.text, e.kind, e.value, e.period, f.kind, f.value, f.period
            )
            .unwrap();
        }
    }
    for (f, _) in act.figures.iter().zip(&used).filter(|(_, u)| !**u) {
        writeln!(
            report,
            "  unexpected figure {:?} ({} {:?} {:?})",
            f.text, f.kind, f.value, f.period
        )
        .unwrap();
    }
}

fn compare_findings(exp: &Expected, act: &Actual, score: &mut Score, report: &mut String) {
    let mut expected: Vec<&str> = exp.findings.iter().map(|f| f.rule.as_str()).collect();
    let mut got: Vec<&str> = act.findings.iter().map(|f| f.rule.as_str()).collect();
    expected.sort();
    got.sort();
    score.expected_findings += expected.len();
    for rule in &got {
        if let Some(i) = expected.iter().position(|e| e == rule) {
            expected.remove(i);
            score.findings_right += 1;
        } else {
            score.spurious_findings += 1;
            writeln!(report, "  unexpected finding {rule}").unwrap();
        }
    }
    for rule in expected {
        writeln!(report, "  missing finding {rule}").unwrap();
    }
}

fn compare_quotes(exp: &Expected, act: &Actual, report: &mut String) {
    for e in &exp.quotes {
        match act.quotes.iter().find(|q| q.text.starts_with(&e.starts)) {
            None => writeln!(report, "  missing quote {:?}", e.starts).unwrap(),
            Some(q) if q.speaker != e.speaker => writeln!(
                report,
                "  quote {:?}: speaker {:?}, expected {:?}",
                e.starts, q.speaker, e.speaker
            )
            .unwrap(),
            Some(_) => {}
        }
    }
}

#[test]
fn corpus_matches_its_hand_checked_expectations() {
    let actual = run_corpus();
    let expected = load_expected(&root().join("fixtures/expected"));
    assert!(
        expected.len() >= 20,
        "expected fixtures for at least 20 articles, found {}",
        expected.len()
    );
    let mut score = Score::default();
    let mut report = String::new();
    for exp in &expected {
        let act = actual
            .get(&exp.article)
            .unwrap_or_else(|| panic!("no corpus article {}", exp.article));
        let mut diff = String::new();
        compare_figures(exp, act, &mut score, &mut diff);
        compare_quotes(exp, act, &mut diff);
        compare_findings(exp, act, &mut score, &mut diff);
        if !diff.is_empty() {
            writeln!(report, "{}:\n{diff}", exp.article).unwrap();
        }
    }
    eprintln!("{report}\n{score:#?}");
    let recall = score.correct as f64 / score.expected_figures as f64;
    let precision = score.found as f64 / score.extracted.max(1) as f64;
    eprintln!(
        "figures correct (value, kind, period): {}/{} = {recall:.3}; precision {precision:.3}",
        score.correct, score.expected_figures
    );
    assert!(
        recall >= MIN_FIGURE_RECALL,
        "figure recall {recall:.3} below {MIN_FIGURE_RECALL}\n{report}"
    );
    assert!(
        precision >= MIN_FIGURE_PRECISION,
        "figure precision {precision:.3} below {MIN_FIGURE_PRECISION}\n{report}"
    );
    // Findings are strict: every planted finding is found, and nothing else is raised.
    assert_eq!(
        (score.findings_right, score.spurious_findings),
        (score.expected_findings, 0),
        "findings differ from the fixtures\n{report}"
    );
    assert!(
        !actual.contains_key("<corpus>"),
        "a corpus finding blames no single article: {:#?}",
        actual.get("<corpus>").map(|a| &a.findings)
    );
}

/// Share of expected figures found with the right value, kind and period.
const MIN_FIGURE_RECALL: f64 = 0.7;
/// Share of extracted figures that are expected ones.
const MIN_FIGURE_PRECISION: f64 = 0.7;
