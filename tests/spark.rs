//! Runs examples/spark/job.py for real under PySpark (`local[2]`) on a few hundred articles and
//! checks that its dataset is the one `figmine run` writes for the same articles.
//!
//! It needs Java and a Python with pyspark: `$FIGMINE_SPARK_PYTHON`, else the virtual environment
//! `.ci/run` creates at `~/.cache/figmine-spark-venv`. Without them the test says why and passes,
//! unless `FIGMINE_SPARK_REQUIRED=1` (set by `.ci/run`), where it fails instead.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const JOB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/spark/job.py");
const FILES_TO_JSONL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/spark/files_to_jsonl.py");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

/// The Python that has pyspark, or why there is none.
fn spark_python() -> Result<PathBuf, String> {
    let python = match std::env::var_os("FIGMINE_SPARK_PYTHON") {
        Some(p) => PathBuf::from(p),
        None => {
            let home = std::env::var_os("HOME").ok_or("HOME is not set")?;
            Path::new(&home).join(".cache/figmine-spark-venv/bin/python")
        }
    };
    if !python.exists() {
        return Err(format!(
            "{} does not exist (create it: python3 -m venv ~/.cache/figmine-spark-venv && \
             ~/.cache/figmine-spark-venv/bin/pip install pyspark)",
            python.display()
        ));
    }
    let probe = Command::new(&python).args(["-c", "import pyspark"]).output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            return Err(format!(
                "{} cannot import pyspark: {}",
                python.display(),
                String::from_utf8_lossy(&o.stderr)
            ))
        }
        Err(e) => return Err(format!("cannot start {}: {e}", python.display())),
    }
    match Command::new("java").arg("-version").output() {
        Ok(o) if o.status.success() => Ok(python),
        _ => Err("no working `java` on PATH (Spark needs Java 17 or later)".into()),
    }
}

/// Copies the bundled corpus into `copies` folders, so every dataset row has several sources
/// that reach the reducers through different partitions.
fn replicated_corpus(dir: &Path, copies: usize) -> usize {
    let mut n = 0;
    for copy in 0..copies {
        let target = dir.join(format!("copy{copy}"));
        std::fs::create_dir_all(&target).unwrap();
        for entry in std::fs::read_dir(CORPUS).unwrap() {
            let path = entry.unwrap().path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
            if matches!(ext, "txt" | "html") && path.file_name().unwrap() != "README.md" {
                std::fs::copy(&path, target.join(path.file_name().unwrap())).unwrap();
                n += 1;
            }
        }
    }
    n
}

/// A JSON value with every number as a float and no null fields, since Spark writes a count as
/// `8` where figmine writes it the same, but may infer `8.0`-typed columns, and drops nulls.
fn normalized(v: &Value) -> Value {
    match v {
        Value::Number(n) => Value::from(n.as_f64().unwrap()),
        Value::Array(a) => Value::Array(a.iter().map(normalized).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), normalized(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Dataset rows by (entity, measure, period, kind).
fn rows_by_key(lines: &str) -> BTreeMap<String, Value> {
    lines
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let row = normalized(&serde_json::from_str(l).unwrap());
            let key = ["entity", "measure", "period", "kind"]
                .map(|k| row[k].to_string())
                .join("|");
            (key, row)
        })
        .collect()
}

/// The one part file in a Spark output folder.
fn spark_part(dir: &Path, suffix: &str) -> PathBuf {
    let parts: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name().unwrap().to_string_lossy().starts_with("part-") && p.to_string_lossy().ends_with(suffix)
        })
        .collect();
    assert_eq!(parts.len(), 1, "one part file in {}: {parts:?}", dir.display());
    parts[0].clone()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn run_ok(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn spark_job_writes_the_dataset_figmine_run_writes() {
    let python = match spark_python() {
        Ok(p) => p,
        Err(why) if std::env::var("FIGMINE_SPARK_REQUIRED").as_deref() == Ok("1") => {
            panic!("the Spark test must run (FIGMINE_SPARK_REQUIRED=1) but cannot: {why}")
        }
        Err(why) => {
            eprintln!("SKIPPED spark_job_writes_the_dataset_figmine_run_writes: {why}");
            return;
        }
    };
    let tmp = tempfile::tempdir().unwrap();
    let articles = tmp.path().join("articles");
    let n = replicated_corpus(&articles, 8);
    assert!(n >= 300, "a few hundred articles, got {n}");

    let run_out = tmp.path().join("run");
    run_ok(
        Command::new(env!("CARGO_BIN_EXE_figmine"))
            .arg("run")
            .arg(&articles)
            .arg("--out")
            .arg(&run_out)
            .arg("--quiet"),
    );
    let expected = rows_by_key(&std::fs::read_to_string(run_out.join("dataset.jsonl")).unwrap());
    assert!(
        expected.len() >= 10,
        "a dataset worth comparing: {} rows",
        expected.len()
    );
    assert!(
        expected.values().all(|r| r["articles"].as_f64() >= Some(8.0)),
        "every row has all its copies"
    );

    let input = tmp.path().join("input.jsonl");
    let lines = run_ok(Command::new(&python).arg(FILES_TO_JSONL).arg(&articles)).stdout;
    std::fs::write(&input, lines).unwrap();
    let spark_out = tmp.path().join("spark");
    let job = run_ok(
        Command::new(&python)
            .arg(JOB)
            .args(["--master", "local[2]", "--partitions", "4", "--reduce-partitions", "3"])
            .arg("--figmine")
            .arg(env!("CARGO_BIN_EXE_figmine"))
            .arg("--out")
            .arg(&spark_out)
            .arg(&input)
            .env("SPARK_LOCAL_IP", "127.0.0.1"),
    );
    let summary = String::from_utf8_lossy(&job.stdout);
    assert!(summary.contains(&format!("{n} articles, 0 failed inputs")), "{summary}");

    let got = rows_by_key(&read(&spark_part(&spark_out.join("dataset.json"), ".json")));
    let missing: Vec<_> = expected.keys().filter(|k| !got.contains_key(*k)).collect();
    let extra: Vec<_> = got.keys().filter(|k| !expected.contains_key(*k)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}\nextra {extra:?}"
    );
    for (key, row) in &expected {
        assert_eq!(&got[key], row, "dataset row {key}");
    }
    let csv = read(&spark_part(&spark_out.join("dataset.csv"), ".csv"));
    let header: Vec<&str> = csv.lines().next().unwrap_or_default().split(',').collect();
    assert!(
        ["entity", "measure", "period", "value", "sources"]
            .iter()
            .all(|c| header.contains(c)),
        "{header:?}"
    );
    assert_eq!(
        csv.lines().count(),
        expected.len() + 1,
        "a header and one CSV line per row"
    );
    let parquet = std::fs::read(spark_part(&spark_out.join("dataset.parquet"), ".parquet")).unwrap();
    assert!(
        parquet.starts_with(b"PAR1") && parquet.ends_with(b"PAR1"),
        "a Parquet file"
    );
}
