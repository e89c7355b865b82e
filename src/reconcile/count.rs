//! `count_mismatch`: an announced count against its enumeration ("four countries: Germany, France
//! and Brazil"; "three requests ... In two cases ... In the third case").

use super::doc::{Doc, Words};
use super::sum::join_and;
use super::{Finding, Rule, Severity};
use crate::extract::claim::{self, Enumeration};
use crate::read::Span;
use serde_json::json;
use std::sync::LazyLock;

/// Checks the lists of every sentence and the case breakdowns of every paragraph.
pub fn check(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in doc.sentences {
        for e in claim::list_enumerations(s.of(doc.text)) {
            out.extend(mismatch(doc, s.start, &e, "lists"));
        }
    }
    for p in doc.paragraphs {
        let paragraph = p.of(doc.text);
        if !may_break_cases_down(paragraph, doc.lowercased(*p)) {
            continue;
        }
        for e in claim::case_enumerations(paragraph) {
            out.extend(mismatch(doc, p.start, &e, "accounts for"));
        }
    }
    out
}

/// Words every breakdown of cases [`claim::case_enumerations`] checks has one of: a part with a
/// count says "cases", "case", "instances" or "of them", "of these", "of those".
static COUNTED_PART_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(&["case", "instance", "them", "these", "those"]));

/// Words the closing part of such a breakdown has one of: "the other case", "the remaining two",
/// "the third case", "the last one".
static CLOSING_PART_WORDS: LazyLock<Words> = LazyLock::new(|| {
    Words::new(&[
        "other",
        "remaining",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "last",
        "final",
    ])
});

/// Whether [`claim::case_enumerations`] may find anything in the paragraph whose text is
/// `paragraph` and, with its ASCII letters lowercased, `lower`: it needs a part with a count and
/// a closing part. Nearly no paragraph has words of both, and most are spared the two pattern
/// searches over the whole paragraph.
///
/// The claim's patterns fold case as Unicode does (a "ſ" is an "s"), and read a part whose count
/// is not a small count (a digit of another script, "ſix") as a closing part: a paragraph with a
/// letter or digit outside ASCII is always searched.
fn may_break_cases_down(paragraph: &str, lower: &[u8]) -> bool {
    has_non_ascii_alphanumeric(paragraph) || (COUNTED_PART_WORDS.any_in(lower) && CLOSING_PART_WORDS.any_in(lower))
}

/// Whether `text` has a letter or digit outside ASCII.
fn has_non_ascii_alphanumeric(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(|c| !c.is_ascii() && c.is_alphanumeric())
}

fn mismatch(doc: &Doc, offset: usize, e: &Enumeration, verb: &str) -> Option<Finding> {
    if e.announced == e.counted {
        return None;
    }
    let shift = |s: Span| Span::new(offset + s.start, offset + s.end);
    let announced = shift(e.announced_span);
    let items: Vec<Span> = e.items.iter().map(|s| shift(*s)).collect();
    let names: Vec<&str> = items.iter().map(|s| s.of(doc.text).trim()).collect();
    let message = format!(
        "The article announces \"{}\" but then {verb} {}: {}.",
        announced.of(doc.text),
        e.counted,
        join_and(&names)
    );
    let mut spans = vec![announced];
    spans.extend(items);
    // Counts of named things are exact: there is no rounding to explain a difference.
    let mut f = doc.finding(Rule::CountMismatch, Severity::Error, message, &spans);
    f.expected = Some(json!(e.counted));
    f.stated = Some(json!(e.announced));
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs of the bundled corpus and of generated articles, and variants with the words
    /// the shortcut looks for.
    fn paragraphs() -> Vec<String> {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut texts: Vec<String> = std::fs::read_dir(corpus)
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
            .collect();
        let options = crate::gen::Options {
            articles: 300,
            ..Default::default()
        };
        texts.extend(crate::gen::generate(&options).map(|g| g.body));
        let mut out: Vec<String> = texts
            .iter()
            .flat_map(|t| t.split("\n\n").map(str::to_owned).collect::<Vec<_>>())
            .collect();
        out.extend(
            [
                "Google received three requests. In two cases it gave data; in the third case it did not.",
                "It got four orders. In two of them it complied, and in the other two it refused.",
                "It got four orders. In ſix cases it complied.",
                "It got four orders. In two cases it complied, in ſix cases it did not.",
                "It got four orders. In \u{663} cases it complied.",
                "It got three requests. In two CASES it complied, in the Last one it did not.",
                "It got three requests. In two caſes it complied, in the laſt one it did not.",
                "It got three demands. For one of those it complied; for the remaining two it did not.",
            ]
            .map(str::to_owned),
        );
        out
    }

    #[test]
    fn paragraphs_without_the_words_have_no_case_breakdown() {
        let paragraphs = paragraphs();
        let mut found = 0;
        for p in &paragraphs {
            let enumerations = claim::case_enumerations(p);
            found += enumerations.len();
            let lower = p.to_ascii_lowercase();
            assert!(
                may_break_cases_down(p, lower.as_bytes()) || enumerations.is_empty(),
                "{p:?}"
            );
        }
        assert!(found >= 5, "the test texts hold breakdowns ({found})");
    }
}
