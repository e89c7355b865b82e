//! The bad-input corpus (fixtures/bad/ plus inputs made here): every input ends as exactly one
//! record, either read or failed with its reason, and the good articles beside them are processed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const GOOD: &str = "Microsoft request totals\n\nMicrosoft received 31,002 requests in the second half of 2014.\n";

/// What must become of an input: an error containing the text, or an article whose text contains it.
#[derive(Debug)]
enum Expect {
    Error(&'static str),
    Read(&'static str),
    /// Root can read a file without read permission, so either outcome is right there.
    ErrorOrRead(&'static str, &'static str),
}

fn fixtures_bad() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bad")
}

fn copy_fixtures(into: &Path) {
    for entry in std::fs::read_dir(fixtures_bad()).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() != "README.md" {
            std::fs::copy(&path, into.join(path.file_name().unwrap())).unwrap();
        }
    }
}

/// Inputs too big for git or impossible to commit (links, FIFOs, permissions, raw byte names).
fn make_generated(into: &Path) {
    let line = "Requests rose to 1,234 in 2014 and ".repeat(50 * 1024 * 1024 / 35);
    std::fs::write(into.join("long-line.txt"), format!("One line\n\n{line}\n")).unwrap();

    let deep = format!(
        "<html><body>{}<p>The agency received 12 requests.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    std::fs::write(into.join("deep-nesting.html"), deep).unwrap();

    let sub = into.join("loop");
    std::fs::create_dir(&sub).unwrap();
    std::os::unix::fs::symlink("..", sub.join("up")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", into.join("dangling.txt")).unwrap();

    let unreadable = into.join("unreadable.txt");
    std::fs::write(&unreadable, "Locked\n\nApple received 3,431 requests in 2013.\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000)).unwrap();

    let fifo = into.join("fifo.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo failed");

    use std::os::unix::ffi::OsStrExt;
    let raw_name = std::ffi::OsStr::from_bytes(b"latin1-\xe9t\xe9.txt");
    std::fs::write(
        into.join(raw_name),
        "Summer\n\nFacebook received 35,051 requests in 2014.\n",
    )
    .unwrap();

    // more figures than an article may have (`extract::MAX_FIGURES`): a list of numbers
    let numbers = "5% ".repeat(figmine::extract::MAX_FIGURES + 10);
    std::fs::write(into.join("many-figures.txt"), format!("Shares\n\n{numbers}\n")).unwrap();

    std::fs::write(into.join("good.txt"), GOOD).unwrap();
}

fn expectations() -> BTreeMap<&'static str, Expect> {
    use Expect::*;
    BTreeMap::from([
        ("empty.txt", Error("read: empty document")),
        ("image-named-as-article.html", Error("read: binary content")),
        ("invalid-utf8.txt", Error("read: invalid UTF-8 at byte")),
        ("utf16-bom.txt", Read("Google received 27,477 requests")),
        ("truncated.txt.gz", Error("fetch: corrupt or truncated gzip")),
        ("gzip-bomb.html.gz", Error("larger than the 67108864-byte limit")),
        (
            "odd name é — \"quoted\" ;$(rm -rf x) & #1.txt",
            Read("Yahoo received 6,000 requests"),
        ),
        ("long-line.txt", Error("bytes an article may have")),
        ("deep-nesting.html", Error("read: elements nested")),
        ("loop/up", Error("File system loop")),
        ("dangling.txt", Error("No such file")),
        (
            "unreadable.txt",
            ErrorOrRead("Permission denied", "Apple received 3,431 requests"),
        ),
        ("fifo.txt", Error("not a regular file")),
        (
            "latin1-\u{FFFD}t\u{FFFD}.txt",
            Read("Facebook received 35,051 requests"),
        ),
        (
            "many-figures.txt",
            Error("extract: the article has more than 100000 figures"),
        ),
        ("good.txt", Read("Microsoft received 31,002 requests")),
    ])
}

fn articles_by_id(out: &Path) -> BTreeMap<String, serde_json::Value> {
    std::fs::read_to_string(out.join("articles.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("every line is whole JSON"))
        .map(|row| (row["id"].as_str().unwrap().to_string(), row))
        .collect()
}

fn check(name: &str, expect: &Expect, row: &serde_json::Value) -> Result<(), String> {
    let error = row["error"].as_str();
    let text = row["text"].as_str().unwrap_or("");
    let ok = match (expect, error) {
        (Expect::Error(want), Some(e)) => e.contains(want),
        (Expect::Read(want), None) => text.contains(want),
        (Expect::ErrorOrRead(want, _), Some(e)) => e.contains(want),
        (Expect::ErrorOrRead(_, want), None) => text.contains(want),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        let shown: String = text.chars().take(80).collect();
        Err(format!(
            "{name}: expected {expect:?}, got error {error:?}, text {shown:?}"
        ))
    }
}

#[test]
fn every_bad_input_is_recorded_and_the_batch_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    copy_fixtures(&input);
    make_generated(&input);
    let out = tmp.path().join("out");

    let run = Command::new(env!("CARGO_BIN_EXE_figmine"))
        .args(["run", "--quiet", "--out"])
        .arg(&out)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(1),
        "stderr: {}",
        String::from_utf8_lossy(&run.stderr)
    );

    let rows = articles_by_id(&out);
    let expected = expectations();
    let mut problems: Vec<String> = Vec::new();
    for (name, expect) in &expected {
        match rows.get(*name) {
            Some(row) => problems.extend(check(name, expect, row).err()),
            None => problems.push(format!("{name}: no record at all")),
        }
    }
    for id in rows.keys().filter(|id| !expected.contains_key(id.as_str())) {
        problems.push(format!("{id}: an unexpected record"));
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );

    let figures = std::fs::read_to_string(out.join("figures.jsonl")).unwrap();
    assert!(
        figures.contains("\"value\":31002.0"),
        "the good article's figure is extracted"
    );
}
