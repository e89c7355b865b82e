//! `figmine numbers`: the JSON contract of each mention (text, byte span, kind, value, bounds,
//! qualifier, unit) on the forms issue 2 names.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

/// The mentions `figmine numbers` prints for each input line.
fn mentions(lines: &[&str]) -> Vec<Vec<Value>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_figmine"))
        .arg("numbers")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let rows: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), lines.len());
    for (row, line) in rows.iter().zip(lines) {
        assert_eq!(row["text"], *line);
        for m in row["mentions"].as_array().unwrap() {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&line[s..e], m["text"].as_str().unwrap(), "spans are byte offsets");
        }
    }
    rows.into_iter()
        .map(|r| r["mentions"].as_array().unwrap().clone())
        .collect()
}

/// (text, kind, value, low, high, approx) of a mention, with null as `None`.
fn fields(m: &Value) -> (String, String, Option<f64>, Option<f64>, Option<f64>, Option<String>) {
    (
        m["text"].as_str().unwrap().to_owned(),
        m["kind"].as_str().unwrap().to_owned(),
        m["value"].as_f64(),
        m["low"].as_f64(),
        m["high"].as_f64(),
        m["approx"].as_str().map(str::to_owned),
    )
}

#[test]
fn numbers_prints_words_ranges_bounds_percent_and_money() {
    let rows = mentions(&[
        "Microsoft got three requests for thirty-two users — “0–999” letters, between 1,000 and 1,499 accounts.",
        "Some 3 percent, the remaining 97 per cent, fines of up to $1.2 billion and €40,000.",
        "More than 50 countries, nearly 2bn users, about half a million links and the 21st report.",
    ]);
    let f = |r: usize| rows[r].iter().map(fields).collect::<Vec<_>>();
    let row = |t: &str, k: &str, v: Option<f64>, l: Option<f64>, h: Option<f64>, q: Option<&str>| {
        (t.to_owned(), k.to_owned(), v, l, h, q.map(str::to_owned))
    };
    let exact = |t: &str, k: &str, v: f64| row(t, k, Some(v), Some(v), Some(v), None);
    assert_eq!(
        f(0),
        [
            exact("three", "number", 3.0),
            exact("thirty-two", "number", 32.0),
            row("0–999", "range", None, Some(0.0), Some(999.0), None),
            row(
                "between 1,000 and 1,499",
                "range",
                None,
                Some(1000.0),
                Some(1499.0),
                None
            ),
        ]
    );
    assert_eq!(
        f(1),
        [
            row("Some 3 percent", "percent", Some(3.0), None, None, Some("some")),
            exact("97 per cent", "percent", 97.0),
            row(
                "up to $1.2 billion",
                "money",
                Some(1.2e9),
                None,
                Some(1.2e9),
                Some("up to")
            ),
            exact("€40,000", "money", 40000.0),
        ]
    );
    assert_eq!(rows[1][3]["unit"], "EUR");
    assert_eq!(
        f(2),
        [
            row(
                "More than 50",
                "number",
                Some(50.0),
                Some(50.0),
                None,
                Some("more than")
            ),
            row("nearly 2bn", "number", Some(2e9), None, Some(2e9), Some("nearly")),
            row("about half a million", "number", Some(5e5), None, None, Some("about")),
            exact("21st", "ordinal", 21.0),
        ]
    );
}
