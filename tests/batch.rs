//! Batch at scale: generated corpora checked against their truth file, duplicates, and runs
//! killed (SIGKILL) or interrupted (SIGINT) and resumed, with the real binary.

use crate::common::figmine;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: bad line {l:?}: {e}", path.display())))
        .collect()
}

/// The lines of a JSON-lines file that a killed writer finished (ended with a newline), each
/// checked to be JSON; a torn last line is left out.
fn complete_lines(path: &Path) -> Vec<Value> {
    // (lossy: a torn line may end inside a character)
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8_lossy(&bytes)
        .split_inclusive('\n')
        .filter(|l| l.ends_with('\n'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: bad line {l:?}: {e}", path.display())))
        .collect()
}

/// Generates `n` articles into `dir` (articles under `dir/articles`, truth in `dir/truth.jsonl`).
fn generate(dir: &Path, n: usize, extra: &[&str]) {
    let status = figmine()
        .args(["gen", "--articles", &n.to_string(), "--out"])
        .arg(dir)
        .args(extra)
        .status()
        .unwrap();
    assert!(status.success());
}

fn run(input: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    figmine()
        .arg("run")
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

/// A generated corpus of `n` articles (`extra`: options of `gen`) and the output of an
/// uninterrupted run over it, which a stopped and resumed run must end with: the temporary
/// folder holding both, the articles' folder and the clean output's folder.
fn corpus_and_clean_run(n: usize, extra: &[&str]) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    generate(&corpus, n, extra);
    let input = corpus.join("articles");
    let clean = tmp.path().join("clean");
    assert_eq!(run(&input, &clean, &["--quiet"]).status.code(), Some(0));
    (tmp, input, clean)
}

/// Figures of the output grouped by article: (text, value, period) each.
fn figures_by_article(out: &Path) -> HashMap<String, Vec<(String, f64, Option<String>)>> {
    let mut by: HashMap<String, Vec<_>> = HashMap::new();
    for f in jsonl(&out.join("figures.jsonl")) {
        by.entry(f["article"].as_str().unwrap().to_owned()).or_default().push((
            f["text"].as_str().unwrap().to_owned(),
            f["value"].as_f64().unwrap_or(f64::NAN),
            f["period"].as_str().map(str::to_owned),
        ));
    }
    by
}

#[test]
fn generated_articles_are_extracted_as_their_truth_says() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, out) = (tmp.path().join("corpus"), tmp.path().join("out"));
    generate(&corpus, 400, &["--seed", "7"]);
    let result = run(&corpus.join("articles"), &out, &["--quiet"]);
    assert_eq!(
        result.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );

    let truth = jsonl(&corpus.join("truth.jsonl"));
    let rows = jsonl(&out.join("figures.jsonl"));
    let matched = true_figures_matched(&truth, &rows);
    let originals: HashSet<&str> = truth
        .iter()
        .filter(|t| t["duplicate_kind"] != "exact")
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    let extracted = rows
        .iter()
        .filter(|r| originals.contains(r["article"].as_str().unwrap()))
        .count();
    let found: Vec<(&Value, &Value)> = matched.iter().filter_map(|(f, row)| Some((*f, (*row)?))).collect();
    let right_period = found.iter().filter(|(f, row)| row["period"] == f["period"]).count();
    let recall = found.len() as f64 / matched.len() as f64;
    let precision = found.len() as f64 / extracted as f64;
    let period = right_period as f64 / found.len() as f64;
    eprintln!(
        "figures: recall {recall:.3}, precision {precision:.3}, period accuracy {period:.3} over {}",
        matched.len()
    );
    // Measured when this test was written: recall 0.956 (number words such as "three kinds" are
    // not figures yet), precision 0.999, periods 0.999. The floors leave room for the seed only.
    assert!(recall >= 0.93, "figure recall {recall}");
    assert!(precision >= 0.98, "figure precision {precision}");
    assert!(period >= 0.97, "period accuracy {period}");

    check_entities_and_quantities(&found);
    check_quotes(&truth, &out);
    check_findings(&truth, &out);
}

/// Each true figure of the articles that are no exact copies, with the output row that matches it
/// (the first of its article with its text and value), if any.
fn true_figures_matched<'t>(truth: &'t [Value], rows: &'t [Value]) -> Vec<(&'t Value, Option<&'t Value>)> {
    let mut by_figure: HashMap<(&str, &str, u64), &Value> = HashMap::new();
    for row in rows {
        let key = (
            row["article"].as_str().unwrap(),
            row["text"].as_str().unwrap(),
            row["value"].as_f64().unwrap_or(f64::NAN).to_bits(),
        );
        by_figure.entry(key).or_insert(row);
    }
    let mut matched = Vec::new();
    for t in truth.iter().filter(|t| t["duplicate_kind"] != "exact") {
        for f in t["figures"].as_array().unwrap() {
            let key = (
                t["id"].as_str().unwrap(),
                f["text"].as_str().unwrap(),
                f["value"].as_f64().unwrap().to_bits(),
            );
            matched.push((f, by_figure.get(&key).copied()));
        }
    }
    matched
}

/// Each true figure found (with its output row) names the true entity, and each true count found
/// with a quantity (what the dataset groups by) names the true measure: a regression in reading
/// whose figure a number is, or what it counts, fails here, not only one in finding it.
fn check_entities_and_quantities(found: &[(&Value, &Value)]) {
    let right_entity = found.iter().filter(|(f, row)| row["entity"] == f["entity"]).count();
    let counts: Vec<_> = found.iter().filter(|(f, _)| f["kind"] == "count").collect();
    let quantities: Vec<(&Value, &str)> = counts
        .iter()
        .filter_map(|(f, row)| Some((*f, row["quantity"].as_str()?)))
        .collect();
    let right_quantity = quantities.iter().filter(|(f, q)| f["measure"] == *q).count();
    let entity = right_entity as f64 / found.len() as f64;
    let coverage = quantities.len() as f64 / counts.len() as f64;
    let quantity = right_quantity as f64 / quantities.len() as f64;
    eprintln!("entities {entity:.3}; counts with a quantity {coverage:.3}, of which right {quantity:.3}");
    // Measured when written (2026-12-04; seed 7, 400 articles, and seed 5, 300): entities 1.000;
    // a quantity on 55% and 52% of the counts (the others count what the dataset does not group:
    // kinds of authority, accounts, a country's requests), every one of them the true measure.
    assert!(entity >= 0.98, "entity accuracy {entity}");
    assert!(coverage >= 0.45, "counts with a quantity {coverage}");
    assert!(quantity >= 0.98, "quantity accuracy {quantity}");
}

/// Every extracted quote that matches a true one (by its first words) names the true speaker, and
/// no quote comes from outside the quotation marks the generator wrote.
fn check_quotes(truth: &[Value], out: &Path) {
    let true_quotes: HashMap<(&str, String), &str> = truth
        .iter()
        .flat_map(|t| {
            t["quotes"].as_array().unwrap().iter().map(move |q| {
                let text = q["text"].as_str().unwrap();
                (
                    (t["id"].as_str().unwrap(), opening(text)),
                    q["speaker"].as_str().unwrap(),
                )
            })
        })
        .collect();
    let mut found = HashSet::new();
    for q in jsonl(&out.join("quotes.jsonl")) {
        let key = (q["article"].as_str().unwrap(), opening(q["text"].as_str().unwrap()));
        let speaker = true_quotes
            .get(&key)
            .unwrap_or_else(|| panic!("quote not in the truth: {q}"));
        assert_eq!(q["speaker"].as_str(), Some(*speaker), "{q}");
        found.insert((key.0.to_owned(), key.1));
    }
    // Exact copies are not processed again, so their quotes are not expected.
    let expected: Vec<(String, String)> = truth
        .iter()
        .filter(|t| t["duplicate_kind"] != "exact")
        .flat_map(|t| {
            let id = t["id"].as_str().unwrap();
            t["quotes"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |q| (id.to_owned(), opening(q["text"].as_str().unwrap())))
        })
        .collect();
    let recall = expected.iter().filter(|k| found.contains(k)).count() as f64 / expected.len() as f64;
    eprintln!("quotes: recall {recall:.3} over {}", expected.len());
    // Measured when this floor was set: 576 of 576 (seed 7); the margin is for the seed only.
    assert!(recall >= 0.97, "quote recall {recall}");
}

fn opening(text: &str) -> String {
    text.split_whitespace().take(6).collect::<Vec<_>>().join(" ")
}

/// Findings only where the generator planted something: a finding on one article names a rule
/// planted there; a cross_document finding involves at least one article with a planted wrong
/// value (any planted rule may leave one, so the clean side of the pair is allowed).
fn check_findings(truth: &[Value], out: &Path) {
    let planted: HashMap<&str, Vec<&str>> = truth
        .iter()
        .map(|t| {
            let rules = t["findings"].as_array().unwrap().iter().map(|r| r.as_str().unwrap());
            (t["id"].as_str().unwrap(), rules.collect())
        })
        .collect();
    let findings = jsonl(&out.join("findings.jsonl"));
    check_planted_recall(truth, &findings);
    for f in findings {
        let rule = f["rule"].as_str().unwrap();
        if rule == "cross_document" {
            let involved = f["articles"].as_array().unwrap().iter().filter_map(Value::as_str);
            assert!(
                involved.clone().any(|id| !planted[id].is_empty()),
                "nothing planted: {f}"
            );
            continue;
        }
        let id = f["article"]
            .as_str()
            .unwrap_or_else(|| panic!("{rule} without an article: {f}"));
        assert!(
            planted[id].contains(&rule),
            "{rule} in {id}, planted {:?}: {f}",
            planted[id]
        );
    }
}

/// How many planted inconsistencies were found, per rule: every rule is planted often enough to
/// measure, and found at least at its floor. Measured when the floors were set (seed 7, 400
/// articles): every rule 1.00 (6 to 13 plants each; 1000 articles, seeds 1 to 3: all 1.00 but
/// cross_document 0.93 on seed 2). A floor of 0.8 allows one miss in the rarest rule's plants, not more.
fn check_planted_recall(truth: &[Value], findings: &[Value]) {
    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for t in truth.iter().filter(|t| t["duplicate_of"].is_null()) {
        let id = t["id"].as_str().unwrap();
        for rule in t["findings"].as_array().unwrap().iter().filter_map(Value::as_str) {
            let found = findings.iter().any(|f| {
                f["rule"] == rule
                    && (f["article"] == id || f["articles"].as_array().is_some_and(|a| a.iter().any(|x| x == id)))
            });
            let entry = tally.entry(rule).or_default();
            entry.0 += usize::from(found);
            entry.1 += 1;
        }
    }
    eprintln!("planted findings found (found, planted): {tally:?}");
    assert_eq!(tally.len(), figmine::gen::PLANTABLE.len(), "rules planted: {tally:?}");
    for (rule, (found, planted)) in tally {
        assert!(planted >= 5, "{rule} planted only {planted} times");
        let recall = found as f64 / planted as f64;
        assert!(recall >= 0.8, "{rule}: {found} of {planted} plants found");
    }
}

#[test]
fn copies_are_skipped_or_linked_to_their_original() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, out) = (tmp.path().join("corpus"), tmp.path().join("out"));
    generate(&corpus, 300, &["--seed", "3", "--duplicates", "0.2"]);
    let result = run(&corpus.join("articles"), &out, &["--quiet"]);
    assert_eq!(result.status.code(), Some(0));

    let truth = jsonl(&corpus.join("truth.jsonl"));
    let expected: BTreeMap<String, (String, String)> = truth
        .iter()
        .filter(|t| !t["duplicate_of"].is_null())
        .map(|t| {
            let (id, of, kind) = (&t["id"], &t["duplicate_of"], &t["duplicate_kind"]);
            (
                id.as_str().unwrap().into(),
                (of.as_str().unwrap().into(), kind.as_str().unwrap().into()),
            )
        })
        .collect();
    let found: BTreeMap<String, (String, String)> = jsonl(&out.join("duplicates.jsonl"))
        .iter()
        .map(|d| {
            let (id, of, kind) = (&d["id"], &d["duplicate_of"], &d["kind"]);
            (
                id.as_str().unwrap().into(),
                (of.as_str().unwrap().into(), kind.as_str().unwrap().into()),
            )
        })
        .collect();
    assert!(expected.len() > 30, "the corpus has copies");
    // Every link found is true; every exact copy is found, and nearly every near one (an
    // edited copy of a short article can be less than 72% the same as its original).
    for (id, link) in &found {
        assert_eq!(Some(link), expected.get(id), "{id}");
    }
    let missed: Vec<_> = expected.iter().filter(|(id, _)| !found.contains_key(*id)).collect();
    let near = expected.values().filter(|(_, kind)| kind == "near").count();
    eprintln!("near copies {near}, missed {missed:?}");
    assert!(missed.iter().all(|(_, (_, kind))| kind == "near"), "{missed:?}");
    assert!(
        missed.len() * 20 <= near,
        "{} of {near} near copies missed",
        missed.len()
    );

    // Exact copies are not processed again; near copies are, under their own id.
    let articles: Vec<String> = jsonl(&out.join("articles.jsonl"))
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    for (id, (_, kind)) in &expected {
        assert_eq!(articles.contains(id), kind == "near", "{id} ({kind})");
    }
    assert_eq!(
        articles.len(),
        truth.len() - expected.values().filter(|(_, k)| k == "exact").count()
    );
}

/// The files of a finished run, except the journal (which records how the run went).
fn outputs(out: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "journal.jsonl")
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// Starts a run in the background and waits until it has written some articles.
fn start_and_wait_for_progress(input: &Path, out: &Path) -> std::process::Child {
    let child = figmine()
        .arg("run")
        .arg(input)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let journal = out.join("journal.jsonl");
    let started = Instant::now();
    // A checkpoint line is written in several pieces when long (a chunk's inputs): wait for a
    // whole one, so that a kill right after leaves at least one.
    while !std::fs::read(&journal).is_ok_and(|bytes| bytes.contains(&b'\n')) {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the run never checkpointed"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child
}

fn assert_every_line_is_json(out: &Path) {
    for (name, content) in outputs(out) {
        assert!(
            content.is_empty() || content.ends_with('\n'),
            "{name} ends in a torn line"
        );
        for line in content.lines() {
            serde_json::from_str::<Value>(line).unwrap_or_else(|e| panic!("{name}: {e}: {line}"));
        }
    }
}

#[test]
fn a_run_killed_with_sigkill_resumes_into_the_same_output() {
    let (tmp, input, clean) = corpus_and_clean_run(3000, &["--seed", "11"]);

    let out = tmp.path().join("out");
    let mut child = start_and_wait_for_progress(&input, &out);
    child.kill().unwrap(); // SIGKILL on Unix: no chance to flush anything.
    let status = child.wait().unwrap();
    assert_eq!(status.code(), None, "killed by a signal, not finished");
    // The kill may land inside a checkpoint line: the whole lines before it are what counts.
    let done_before = complete_lines(&out.join("journal.jsonl")).len();
    assert!(done_before > 0);

    let resumed = run(&input, &out, &["--resume"]);
    let stderr = String::from_utf8_lossy(&resumed.stderr);
    assert_eq!(resumed.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("inputs done by the earlier run skipped"), "{stderr}");
    assert_every_line_is_json(&out);
    assert_eq!(
        outputs(&out),
        outputs(&clean),
        "resumed output differs from an uninterrupted run"
    );

    // Resuming a finished run does nothing more and changes nothing.
    assert_eq!(run(&input, &out, &["--resume", "--quiet"]).status.code(), Some(0));
    assert_eq!(outputs(&out), outputs(&clean));
}

#[test]
fn a_torn_line_left_in_the_output_is_repaired_on_resume() {
    let (tmp, input, clean) = corpus_and_clean_run(600, &["--seed", "5"]);

    // A run that stopped after its first checkpoint, mid-way through writing more rows.
    let out = tmp.path().join("out");
    let mut child = start_and_wait_for_progress(&input, &out);
    child.kill().unwrap();
    child.wait().unwrap();
    for name in ["articles.jsonl", "figures.jsonl"] {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().append(true).open(out.join(name)).unwrap();
        f.write_all(b"{\"id\": \"torn").unwrap();
    }
    assert_eq!(run(&input, &out, &["--resume", "--quiet"]).status.code(), Some(0));
    assert_every_line_is_json(&out);
    assert_eq!(outputs(&out), outputs(&clean));
}

/// Sends `signal` to a run under way: it stops cleanly (exit 130, every line whole) and the
/// output resumed is that of an uninterrupted run.
fn stops_cleanly_on(signal: &str, seed: &str) {
    let (tmp, input, clean) = corpus_and_clean_run(3000, &["--seed", seed]);

    let out = tmp.path().join("out");
    let child = start_and_wait_for_progress(&input, &out);
    let kill = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(kill.success());
    let result = child.wait_with_output().unwrap();
    // Either it stopped early (130) or it had already taken its last input (0).
    assert!(
        matches!(result.status.code(), Some(130) | Some(0)),
        "{signal}: {:?}",
        result.status
    );
    assert_every_line_is_json(&out);
    assert_eq!(run(&input, &out, &["--resume", "--quiet"]).status.code(), Some(0));
    assert_eq!(outputs(&out), outputs(&clean));
}

#[test]
fn ctrl_c_stops_cleanly_and_the_run_can_be_resumed() {
    stops_cleanly_on("INT", "13");
}

#[test]
fn sigterm_stops_as_cleanly_as_ctrl_c() {
    stops_cleanly_on("TERM", "29");
}

#[test]
fn quiet_prints_nothing_and_the_summary_counts_duplicates() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    generate(&corpus, 100, &["--duplicates", "0.3"]);
    let quiet = run(&corpus.join("articles"), &tmp.path().join("a"), &["--quiet"]);
    assert!(quiet.stderr.is_empty(), "{}", String::from_utf8_lossy(&quiet.stderr));
    let loud = run(&corpus.join("articles"), &tmp.path().join("b"), &[]);
    let stderr = String::from_utf8_lossy(&loud.stderr);
    assert!(
        stderr.contains("exact duplicates skipped") && stderr.contains("near duplicates linked"),
        "{stderr}"
    );
    let off = run(
        &corpus.join("articles"),
        &tmp.path().join("c"),
        &["--no-dedup", "--quiet"],
    );
    assert_eq!(off.status.code(), Some(0));
    assert_eq!(jsonl(&tmp.path().join("c/articles.jsonl")).len(), 100);
    assert!(jsonl(&tmp.path().join("c/duplicates.jsonl")).is_empty());
}

#[test]
fn the_map_input_gives_the_same_figures_as_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    generate(&corpus, 120, &["--map-input", "--duplicates", "0"]);
    let out = tmp.path().join("out");
    assert_eq!(run(&corpus.join("articles"), &out, &["--quiet"]).status.code(), Some(0));
    let map = figmine()
        .args(["extract", "--stdin"])
        .stdin(std::fs::File::open(corpus.join("map-input.jsonl")).unwrap())
        .output()
        .unwrap();
    assert!(map.status.success());
    let mut from_map: HashMap<String, Vec<(String, f64, Option<String>)>> = HashMap::new();
    for line in String::from_utf8(map.stdout).unwrap().lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        if row["type"] == "figure" {
            from_map
                .entry(row["article"].as_str().unwrap().to_owned())
                .or_default()
                .push((
                    row["text"].as_str().unwrap().to_owned(),
                    row["value"].as_f64().unwrap_or(f64::NAN),
                    row["period"].as_str().map(str::to_owned),
                ));
        }
    }
    let from_files = figures_by_article(&out);
    assert_eq!(from_map.len(), from_files.len());
    for (id, figures) in &from_files {
        assert_eq!(from_map.get(id), Some(figures), "{id}");
    }
}

/// Cuts a finished run's journal back to its first checkpoint: the run as if it had been
/// interrupted after its first chunk (resuming cuts the outputs back to match).
pub(crate) fn keep_first_checkpoint(out: &Path) -> Vec<String> {
    let path = out.join("journal.jsonl");
    let journal = std::fs::read_to_string(&path).unwrap();
    let first = &journal[..=journal.find('\n').expect("a checkpoint")];
    std::fs::write(&path, first).unwrap();
    let checkpoint: Value = serde_json::from_str(first).unwrap();
    checkpoint["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn an_input_changed_before_resuming_keeps_its_earlier_rows_once() {
    let (tmp, input, clean) = corpus_and_clean_run(300, &["--seed", "17", "--duplicates", "0"]);
    let out = tmp.path().join("out");
    assert_eq!(run(&input, &out, &["--quiet"]).status.code(), Some(0));
    let done = keep_first_checkpoint(&out);

    // An article the interrupted run had done is edited before the resume.
    let edited = input.join(&done[3]);
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, text + "\nMicrosoft received 999 requests in 2015.\n").unwrap();
    let resumed = run(&input, &out, &["--resume"]);
    let stderr = String::from_utf8_lossy(&resumed.stderr);
    assert_eq!(resumed.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("1 of the inputs done by the earlier run changed since"),
        "{stderr}"
    );
    // One row per article, as the earlier run read them: the same output as a run before the edit.
    let ids: Vec<String> = jsonl(&out.join("articles.jsonl"))
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), ids.iter().collect::<HashSet<_>>().len(), "an id twice");
    assert_eq!(outputs(&out), outputs(&clean));
}

#[test]
fn a_resume_with_other_options_is_refused_before_anything_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    generate(&corpus, 300, &["--seed", "19"]);
    let input = corpus.join("articles");
    let out = tmp.path().join("out");
    assert_eq!(run(&input, &out, &["--quiet", "--no-dedup"]).status.code(), Some(0));
    keep_first_checkpoint(&out);
    let before = outputs(&out);

    let refused = run(&input, &out, &["--resume", "--format", "csv"]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_ne!(refused.status.code(), Some(0));
    assert!(
        stderr.contains("the interrupted run had --no-dedup, this one has --format csv"),
        "{stderr}"
    );
    assert_eq!(outputs(&out), before, "a refused resume changed the output");

    let clean = tmp.path().join("clean");
    assert_eq!(run(&input, &clean, &["--quiet", "--no-dedup"]).status.code(), Some(0));
    assert_eq!(
        run(&input, &out, &["--resume", "--quiet", "--no-dedup"]).status.code(),
        Some(0)
    );
    assert_eq!(outputs(&out), outputs(&clean));
}

#[test]
fn a_resume_where_no_run_was_started_is_a_fresh_start() {
    let (tmp, input, clean) = corpus_and_clean_run(200, &["--seed", "29"]);
    // No folder at all, then a folder holding only the empty journal that a run stopped before
    // its first checkpoint leaves.
    let absent = tmp.path().join("absent");
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("journal.jsonl"), "").unwrap();
    for out in [absent, empty] {
        let resumed = run(&input, &out, &["--resume"]);
        let stderr = String::from_utf8_lossy(&resumed.stderr);
        assert_eq!(resumed.status.code(), Some(0), "{stderr}");
        assert!(!stderr.contains("done by the earlier run"), "{stderr}");
        assert_eq!(outputs(&out), outputs(&clean), "{}", out.display());
    }
}

#[test]
fn a_resumed_run_still_reports_the_failures_of_the_earlier_one() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    generate(&corpus, 200, &["--seed", "23"]);
    let input = corpus.join("articles");
    // First in input order, so that the earlier run's first chunk holds it.
    std::fs::write(input.join("000/000000-aaa-binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let out = tmp.path().join("out");
    let first = run(&input, &out, &[]);
    assert_eq!(first.status.code(), Some(1));
    let done = keep_first_checkpoint(&out);
    assert!(done.iter().any(|id| id.ends_with("000000-aaa-binary.txt")), "{done:?}");

    let resumed = run(&input, &out, &["--resume"]);
    let stderr = String::from_utf8_lossy(&resumed.stderr);
    assert_eq!(resumed.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("(1 of them failed then)"), "{stderr}");
    assert!(stderr.contains("failed 000/000000-aaa-binary.txt: read:"), "{stderr}");
}

#[test]
fn gen_replaces_its_earlier_corpus_whole_and_refuses_other_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("g");
    generate(&dir, 60, &["--seed", "3", "--map-input"]);
    generate(&dir, 20, &["--seed", "4"]);
    let files = walkdir_files(&dir.join("articles"));
    assert_eq!(files, 20, "articles of the earlier corpus left beside the new truth");
    assert_eq!(jsonl(&dir.join("truth.jsonl")).len(), 20);
    assert!(!dir.join("map-input.jsonl").exists());

    // A file of the user's beside the corpus: refused, and nothing removed.
    std::fs::write(dir.join("articles/000/notes.txt"), "my notes").unwrap();
    let refused = figmine()
        .args(["gen", "--articles", "5", "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("which figmine gen did not write"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.join("articles/000/notes.txt")).unwrap(),
        "my notes"
    );
    assert_eq!(walkdir_files(&dir.join("articles")), 21);
}

/// How many files a folder holds, at any depth.
fn walkdir_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| if p.is_dir() { walkdir_files(&p) } else { 1 })
        .sum()
}

/// An article of our own for the syndication tests: a report with one changed figure makes a copy.
fn syndicated(headline: &str, earlier: &str) -> String {
    format!(
        "{headline}\n\nPublished: 2016-09-19\nPublisher: Harbour Ledger\n\n\
         Pinterest has put out its transparency report for the first half of 2016, setting out how \
         often police and other authorities asked it to hand over details about the people who use it.\n\n\
         The company said it received 141 government requests in the first half of 2016, down from \
         {earlier} in the second half of 2015.\n\n\
         The demands reached 258 accounts in all, and the company handed over some data in about \
         half of the cases it was sent.\n\n\
         Authorities in the United States made 40 of the requests, and German police made 20.\n\n\
         \"Every demand is read by a lawyer before anything leaves the building,\" said Daniel Webb, \
         general counsel at Pinterest.\n\n\
         Privacy groups welcomed the report but said the figures still leave out too much about \
         requests that come with a gag order attached.\n"
    )
}

#[test]
fn a_figure_miscopied_into_a_syndicated_copy_is_reported_and_counted_once() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    // An article of its own stating the same value first, so that the value's least source is
    // not the original: the evidence must still cite the original.
    std::fs::write(
        input.join("00-independent.txt"),
        "Pinterest data requests\n\nPinterest received 220 government requests in the second half of 2015, \
         its report said. The company did not say how many it answered.\n",
    )
    .unwrap();
    let original = syndicated("Pinterest reports fewer government requests", "220");
    std::fs::write(input.join("01-original.txt"), &original).unwrap();
    // The same release under another headline, "220" copied as "260".
    std::fs::write(
        input.join("02-copy.txt"),
        syndicated("Requests to Pinterest fall in early 2016", "260"),
    )
    .unwrap();
    // A faithful copy: no finding.
    let credited = syndicated("Pinterest: government requests down", "220")
        + "\nThis story first ran in the Harbour Ledger and is shared with its permission.\n";
    std::fs::write(input.join("03-faithful-copy.txt"), credited).unwrap();
    let out = tmp.path().join("out");
    let result = run(&input, &out, &["--quiet"]);
    assert_eq!(result.status.code(), Some(0));
    let links = jsonl(&out.join("duplicates.jsonl"));
    assert_eq!(links.len(), 2, "{links:?}");
    assert!(links
        .iter()
        .all(|l| l["kind"] == "near" && l["duplicate_of"] == "01-original.txt"));

    let miscopied: Vec<Value> = jsonl(&out.join("findings.jsonl"))
        .into_iter()
        .filter(|f| f["rule"] == "cross_document")
        .collect();
    assert_eq!(miscopied.len(), 1, "{miscopied:#?}");
    let message = miscopied[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("A syndicated copy differs from its original")
            && message.contains("260 in 02-copy.txt, but 220 in 01-original.txt"),
        "{message}"
    );
    let cited: Vec<&str> = miscopied[0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["article"].as_str().unwrap())
        .collect();
    assert_eq!(cited, ["02-copy.txt", "01-original.txt"]);
    assert_eq!(
        miscopied[0]["articles"],
        serde_json::json!(["01-original.txt", "02-copy.txt"])
    );
    // Copies are no sources: the dataset counts the figure once per original, and the sources
    // agree (a copy's mis-copy is no conflict among them).
    let dataset = jsonl(&out.join("dataset.jsonl"));
    let half = dataset
        .iter()
        .find(|d| d["value"] == 220.0)
        .unwrap_or_else(|| panic!("{dataset:#?}"));
    assert_eq!(
        half["sources"],
        serde_json::json!(["00-independent.txt", "01-original.txt"])
    );
    assert_eq!(half["conflict"], false);

    // Resuming the finished run cuts the corpus pass's rows and rebuilds its state from the
    // stored articles, copies included (the journal names their originals): the same output.
    let before = outputs(&out);
    assert_eq!(run(&input, &out, &["--resume", "--quiet"]).status.code(), Some(0));
    assert_eq!(outputs(&out), before);
}

#[test]
fn the_summary_says_how_many_findings_are_in_near_copies() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let plant = [
        "--plant",
        "direction",
        "--planted",
        "1",
        "--duplicates",
        "0",
        "--html",
        "0",
    ];
    generate(&corpus, 1, &plant);
    let truth = jsonl(&corpus.join("truth.jsonl"));
    let original = std::fs::read_to_string(corpus.join("articles").join(truth[0]["id"].as_str().unwrap())).unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("01-original.txt"), &original).unwrap();
    let credited = format!("{original}\nThis story was distributed by The Harbour Ledger.\n");
    std::fs::write(input.join("02-copy.txt"), credited).unwrap();
    let result = run(&input, &tmp.path().join("out"), &[]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    // The planted wrong direction, once in the original and once in its copy.
    assert!(
        stderr.contains("2 findings (1 of them in near duplicates)") && stderr.contains("1 near duplicates linked"),
        "{stderr}"
    );
}
