//! Runs the real `figmine` binary in temporary folders.

use crate::common::{figmine, gzip, read_jsonl};
use std::path::Path;

fn write(dir: &Path, name: &str, body: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, body).unwrap();
}

#[test]
fn bad_files_are_recorded_and_the_rest_processed() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(
        &input,
        "good.txt",
        b"Headline\n\nMicrosoft received 31,002 requests in the second half of 2014.\n",
    );
    write(
        &input,
        "nested/good.html.gz",
        &gzip(b"<html><body><article><p>Google got 27,477 requests.</p></article></body></html>"),
    );
    write(&input, "binary.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(&input, "latin1.txt", b"Headline\n\nCaf\xe9 requests: 12.\n");
    write(&input, "empty.txt", b"");
    let truncated = gzip(b"Headline\n\nA long enough article body with 1,000 requests in it.\n");
    write(&input, "truncated.txt.gz", &truncated[..truncated.len() - 12]);
    write(&input, "ignored.png", b"not an article");
    let out = tmp.path().join("out");

    let status = figmine()
        .arg("run")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(1), "some inputs failed, so exit code 1");
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(stderr.contains("6 inputs: 2 articles read, 4 failed"), "{stderr}");
    // the summary names each failed input with why, in input order
    let named: Vec<&str> = stderr.lines().filter(|l| l.starts_with("  failed ")).collect();
    assert_eq!(named.len(), 4, "{stderr}");
    assert!(
        named[0].starts_with("  failed binary.html: read: ") && named[0].contains("binary"),
        "{stderr}"
    );
    assert!(
        named
            .iter()
            .any(|l| l.starts_with("  failed latin1.txt: read: ") && l.contains("invalid UTF-8")),
        "{stderr}"
    );
    assert!(!stderr.contains("more"), "{stderr}");

    let articles = read_jsonl(&out.join("articles.jsonl"));
    let error_of = |id: &str| {
        let a = articles
            .iter()
            .find(|a| a["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing"));
        a["error"].as_str().map(str::to_owned)
    };
    assert_eq!(error_of("good.txt"), None);
    assert_eq!(error_of("nested/good.html.gz"), None);
    assert!(error_of("binary.html").unwrap().contains("binary"));
    assert!(error_of("latin1.txt").unwrap().contains("invalid UTF-8 at byte 13"));
    assert!(error_of("empty.txt").unwrap().contains("empty"));
    assert!(error_of("truncated.txt.gz").unwrap().contains("gzip"));
    let figures = read_jsonl(&out.join("figures.jsonl"));
    let values: Vec<f64> = figures.iter().map(|f| f["value"].as_f64().unwrap()).collect();
    assert_eq!(values, [31002.0, 27477.0]);
    assert_eq!(figures[0]["period"], "2014-H2");
    assert!(out.join("quotes.jsonl").exists() && out.join("findings.jsonl").exists());
}

#[test]
fn a_clean_run_exits_zero_and_spans_index_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "a.txt",
        "Title\nPublished: 2015-03-27\n\n“Quoted” text: Microsoft got 3 percent, or 1,000 requests.\n".as_bytes(),
    );
    let out = tmp.path().join("out");
    let status = figmine()
        .arg("run")
        .arg(tmp.path().join("a.txt"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(0));
    let article = &read_jsonl(&out.join("articles.jsonl"))[0];
    assert_eq!(article["published"], "2015-03-27");
    let text = article["text"].as_str().unwrap();
    for f in read_jsonl(&out.join("figures.jsonl")) {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], f["text"].as_str().unwrap());
    }
}

#[test]
fn numbers_prints_one_json_object_per_line() {
    use std::io::Write;
    let mut child = figmine()
        .arg("numbers")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"31,002 requests\nno numbers here\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["mentions"][0]["value"], 31002.0);
    assert_eq!(lines[0]["mentions"][0]["kind"], "number");
    assert_eq!(lines[1]["mentions"].as_array().unwrap().len(), 0);
}

#[test]
fn a_missing_input_is_a_usage_error() {
    let out = figmine().args(["run", "/no/such/folder"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
}

#[test]
fn a_time_limit_of_no_time_for_one_url_is_a_usage_error() {
    let out = figmine()
        .args(["run", "http://127.0.0.1:9/a", "--give-up-after", "0", "--out"])
        .arg(tempfile::tempdir().unwrap().path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--give-up-after must be more than 0 seconds"),
        "{stderr}"
    );
}

#[test]
fn extract_stdin_streams_tagged_records_and_survives_bad_lines() {
    use std::io::Write;
    let mut child = figmine()
        .args(["extract", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input = concat!(
        r#"{"id":"a","title":"T","text":"Microsoft got 31,002 requests in the second half of 2014."}"#,
        "\nnot json\n",
        r#"{"id":"b","url":"https://example.test/b","html":"<article><p>Google had 27,477 requests.</p></article>"}"#,
        "\n",
        r#"{"id":"c"}"#,
        "\n"
    );
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            let key = r["id"].as_str().or(r["article"].as_str()).unwrap_or("").to_owned();
            (r["type"].as_str().unwrap().to_owned(), key)
        })
        .collect();
    let expected = [
        ("article", "a"),
        ("figure", "a"),
        ("error", "line-2"),
        ("article", "b"),
        ("figure", "b"),
        ("error", "c"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(t, k)| (t.to_string(), k.to_string())).collect();
    assert_eq!(summary, expected);
    assert_eq!(rows[1]["period"], "2014-H2");
    assert!(rows[5]["error"].as_str().unwrap().contains("neither"));
}

/// `throughput --passes N` reads the file N times under one clock: its counts are N times
/// those of one pass, in both modes, and the figures found are those of a single pass times N
/// (the untimed first pass of extraction is not counted).
#[test]
fn throughput_counts_every_pass_over_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("bodies.txt");
    let body = "Microsoft received 31,002 requests in the second half of 2014.\n\nIt complied with 3 percent.";
    std::fs::write(&file, format!("{body}\x0c{body}\x0cNo figures here.")).unwrap();
    let measure = |args: &[&str]| -> serde_json::Value {
        let out = figmine().arg("throughput").arg(&file).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let size = std::fs::metadata(&file).unwrap().len();
    let once = measure(&[]);
    let thrice = measure(&["--passes", "3"]);
    assert_eq!(
        (once["bytes"].as_u64(), once["articles"].as_u64()),
        (Some(size), Some(3))
    );
    assert_eq!(
        (thrice["bytes"].as_u64(), thrice["articles"].as_u64()),
        (Some(3 * size), Some(9))
    );
    assert_eq!(once["figures"].as_u64(), Some(4));
    assert_eq!(thrice["figures"].as_u64(), Some(12));
    assert_eq!(thrice["passes"].as_u64(), Some(3));
    for run in [&once, &thrice] {
        let (bytes, seconds) = (run["bytes"].as_f64().unwrap(), run["seconds"].as_f64().unwrap());
        let rate = run["mb_per_s"].as_f64().unwrap();
        assert!(
            (rate * seconds * 1e6 - bytes).abs() <= 1e-6 * bytes,
            "the rate is of every pass's bytes: {run}"
        );
    }
    let ceiling = measure(&["--read-only", "--passes", "2"]);
    assert_eq!(
        (ceiling["articles"].as_u64(), ceiling["paragraphs"].as_u64()),
        (Some(6), Some(10))
    );
    assert_eq!(ceiling["figures"].as_u64(), Some(0));
    // extraction passes once over the file untimed first (its counts are not in the row); the
    // ceiling compiles nothing and does not
    for run in [&once, &thrice] {
        assert!(run["first_pass_seconds"].as_f64().unwrap() > 0.0, "{run}");
    }
    assert_eq!(ceiling["first_pass_seconds"].as_f64(), Some(0.0));
    let without = measure(&["--no-first-pass"]);
    assert_eq!(without["first_pass_seconds"].as_f64(), Some(0.0));
    assert_eq!(without["figures"].as_u64(), Some(4));
    let refused = figmine()
        .arg("throughput")
        .arg(&file)
        .args(["--passes", "0"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2), "clap refuses zero passes");
}
