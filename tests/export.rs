//! Export formats: CSV round-trips, SQLite keys and re-runs, the HTML report (checked in
//! headless Chromium), and `figmine run --format` / `figmine export` end to end.

use crate::common::figmine;
use figmine::export::report::html::page_name;
use figmine::export::rows::{ArticleRow, ComparisonRow, EvidenceRow, FigureRow, FindingRow, QuoteRow};
use figmine::export::tables::{ArticleTables, CorpusTables, DatasetRow};
use figmine::export::{csv as csv_export, CsvSink, ReportSink, SqliteSink, TableSink};
use std::path::{Path, PathBuf};
use std::process::Command;

/// An article whose figures, quotes and findings are located by searching the text, so the
/// offsets are right by construction.
fn article(
    id: &str,
    title: &str,
    text: &str,
    figures: &[(&str, f64, &str, &str)],
    quotes: &[(&str, &str)],
) -> ArticleTables {
    let at = |needle: &str| {
        let start = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
        (start, start + needle.len())
    };
    let figures = figures
        .iter()
        .map(|(written, value, entity, period)| {
            let (start, end) = at(written);
            FigureRow {
                article: id.into(),
                text: (*written).into(),
                start,
                end,
                kind: "count".into(),
                value: Some(*value),
                low: None,
                high: None,
                approx: None,
                unit: None,
                measure: Some("government requests".into()),
                entity: Some((*entity).into()),
                period: Some((*period).into()),
                compared_to: None,
                sentence: text.into(),
                in_quote: false,
                quantity: None,
                derived: false,
                from: Vec::new(),
            }
        })
        .collect();
    let quotes = quotes
        .iter()
        .map(|(words, speaker)| {
            let (start, end) = at(words);
            QuoteRow {
                article: id.into(),
                text: (*words).into(),
                start,
                end,
                speaker: Some((*speaker).into()),
                speaker_text: Some((*speaker).into()),
                role: None,
                cue: Some("said".into()),
                paragraphs: 1,
            }
        })
        .collect();
    ArticleTables {
        article: ArticleRow {
            id: id.into(),
            source: format!("corpus/{id}"),
            title: Some(title.into()),
            published: Some("2015-02-01".into()),
            publisher: Some("Example News".into()),
            text: text.into(),
            error: None,
        },
        figures,
        quotes,
        findings: Vec::new(),
    }
}

/// A finding about `tables`' first two figures.
fn sum_finding(tables: &ArticleTables, message: &str) -> FindingRow {
    FindingRow {
        article: Some(tables.article.id.clone()),
        articles: vec![tables.article.id.clone()],
        rule: "sum_mismatch".into(),
        severity: "error".into(),
        message: message.into(),
        evidence: tables
            .figures
            .iter()
            .take(2)
            .map(|f| EvidenceRow {
                article: f.article.clone(),
                text: f.text.clone(),
                start: f.start,
                end: f.end,
            })
            .collect(),
        expected: Some(serde_json::json!(300)),
        stated: Some(serde_json::json!(250)),
    }
}

fn microsoft() -> ArticleTables {
    let mut t = article(
        "ms/2014-h2.txt",
        "Microsoft requests rise",
        "Microsoft received 31,002 requests in the second half of 2014, up from 26,000.\n\n\
         \"We push back on \"overbroad\" requests, always,\" said Brad Smith, its general counsel.",
        &[
            ("31,002", 31002.0, "Microsoft", "2014-H2"),
            ("26,000", 26000.0, "Microsoft", "2014-H1"),
        ],
        &[("We push back on \"overbroad\" requests, always,", "Brad Smith")],
    );
    t.figures[0].compared_to = Some(ComparisonRow {
        value: 26000.0,
        period: Some("2014-H1".into()),
        direction: "up".into(),
    });
    t.figures[0].approx = Some("about, roughly".into());
    t.figures[1].value = Some(26000.5);
    let finding = sum_finding(&t, "Parts, \"quoted\"\nand split, do not add up");
    t.findings.push(finding);
    t
}

fn google() -> ArticleTables {
    article(
        "google/2014.txt",
        "Google: 27,477 requests",
        "Google got 27,477 requests in 2014 — ünïcödé, commas, \"quotes\".",
        &[("27,477", 27477.0, "Google", "2014")],
        &[],
    )
}

fn failed() -> ArticleTables {
    ArticleTables {
        article: ArticleRow {
            id: "bad.txt".into(),
            source: "corpus/bad.txt".into(),
            title: None,
            published: None,
            publisher: None,
            text: String::new(),
            error: Some("read: binary data".into()),
        },
        figures: vec![],
        quotes: vec![],
        findings: vec![],
    }
}

fn dataset_row(entity: &str, period: &str, value: f64, sources: &[&str]) -> DatasetRow {
    DatasetRow {
        entity: entity.into(),
        measure: "government requests".into(),
        period: period.into(),
        kind: "count".into(),
        value,
        articles: sources.len(),
        sources: sources.iter().map(|s| s.to_string()).collect(),
        conflict: false,
    }
}

fn corpus_tables() -> CorpusTables {
    let ms = microsoft();
    CorpusTables {
        findings: vec![FindingRow {
            article: None,
            articles: vec!["ms/2014-h2.txt".into(), "google/2014.txt".into()],
            rule: "cross_document".into(),
            severity: "warning".into(),
            message: "Two articles disagree".into(),
            evidence: vec![EvidenceRow {
                article: ms.article.id.clone(),
                text: ms.figures[0].text.clone(),
                start: ms.figures[0].start,
                end: ms.figures[0].end,
            }],
            expected: None,
            stated: None,
        }],
        dataset: vec![
            dataset_row("Google", "2014", 27477.0, &["google/2014.txt"]),
            dataset_row("Microsoft", "2014-H2", 31002.0, &["ms/2014-h2.txt"]),
        ],
    }
}

fn write_all(sink: &mut dyn TableSink, articles: &[ArticleTables], corpus: &CorpusTables) {
    for a in articles {
        sink.article(a).unwrap();
    }
    sink.corpus(corpus).unwrap();
    sink.finish().unwrap();
}

// ---------------------------------------------------------------- CSV

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (headers, rows)
}

#[test]
fn csv_round_trips_through_the_csv_crate() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = [microsoft(), google(), failed()];
    write_all(&mut CsvSink::create(tmp.path()).unwrap(), &articles, &corpus_tables());

    let (headers, rows) = read_csv(&tmp.path().join("articles.csv"));
    assert_eq!(headers, csv_export::ARTICLE_COLUMNS);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][0], "google/2014.txt");
    assert_eq!(rows[1][2], "Google: 27,477 requests");
    assert_eq!(rows[1][6], articles[1].article.text.len().to_string());
    assert_eq!(rows[2][5], "read: binary data");
    assert_eq!(rows[2][2], "", "a null is an empty cell");

    let (headers, rows) = read_csv(&tmp.path().join("figures.csv"));
    assert_eq!(headers, csv_export::FIGURE_COLUMNS);
    assert_eq!(rows.len(), 3);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[0][col("value")], "31002", "whole numbers have no decimal point");
    assert_eq!(rows[1][col("value")], "26000.5");
    assert_eq!(rows[0][col("approx")], "about, roughly");
    assert_eq!(rows[0][col("compared_direction")], "up");
    assert_eq!(rows[0][col("in_quote")], "false");
    assert_eq!(
        rows[0][col("sentence")],
        articles[0].article.text,
        "line breaks and quotes survive"
    );

    let (_, rows) = read_csv(&tmp.path().join("quotes.csv"));
    assert_eq!(rows[0][8], "We push back on \"overbroad\" requests, always,");

    let (headers, rows) = read_csv(&tmp.path().join("findings.csv"));
    assert_eq!(headers, csv_export::FINDING_COLUMNS);
    assert_eq!(rows.len(), 2, "the article's finding, then the corpus finding");
    assert_eq!(rows[0][4], "Parts, \"quoted\"\nand split, do not add up");
    let evidence: Vec<EvidenceRow> = serde_json::from_str(&rows[0][5]).unwrap();
    assert_eq!(evidence, articles[0].findings[0].evidence);
    assert_eq!(rows[1][0], "", "a corpus finding has no single article");

    let (headers, rows) = read_csv(&tmp.path().join("dataset.csv"));
    assert_eq!(headers, csv_export::DATASET_COLUMNS);
    assert_eq!(
        rows[1][..6],
        ["Microsoft", "government requests", "2014-H2", "count", "31002", "1"]
    );
    assert_eq!(rows[1][6], r#"["ms/2014-h2.txt"]"#);
}

#[test]
fn csv_is_rfc_4180_with_crlf_and_quoting() {
    let tmp = tempfile::tempdir().unwrap();
    write_all(
        &mut CsvSink::create(tmp.path()).unwrap(),
        &[google()],
        &CorpusTables::default(),
    );
    let raw = std::fs::read_to_string(tmp.path().join("articles.csv")).unwrap();
    assert!(
        raw.starts_with("id,source,title,published,publisher,error,text_bytes\r\n"),
        "{raw}"
    );
    assert!(
        raw.contains(",\"Google: 27,477 requests\","),
        "a field with a comma is quoted: {raw}"
    );
    assert!(!raw.starts_with('\u{feff}'), "no byte-order mark");
}

// ---------------------------------------------------------------- SQLite

fn open(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    conn
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn table_counts(conn: &rusqlite::Connection) -> Vec<(&'static str, i64)> {
    [
        "articles",
        "figures",
        "quotes",
        "findings",
        "finding_articles",
        "evidence",
        "dataset",
        "dataset_sources",
    ]
    .into_iter()
    .map(|t| (t, count(conn, &format!("SELECT count(*) FROM {t}"))))
    .collect()
}

fn write_db(path: &Path, articles: &[ArticleTables], corpus: &CorpusTables) {
    write_all(&mut SqliteSink::open(path).unwrap(), articles, corpus);
}

#[test]
fn sqlite_tables_hold_rows_and_foreign_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("sub/figmine.sqlite");
    write_db(&db, &[microsoft(), google(), failed()], &corpus_tables());
    let conn = open(&db);
    assert_eq!(
        table_counts(&conn),
        [
            ("articles", 3),
            ("figures", 3),
            ("quotes", 1),
            ("findings", 2),
            ("finding_articles", 3),
            ("evidence", 3),
            ("dataset", 2),
            ("dataset_sources", 2)
        ]
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    let orphan = conn.execute(
        "INSERT INTO figures (article, start, \"end\", text, kind, in_quote, sentence)
         VALUES ('no-such-article', 0, 1, 'x', 'count', 0, 'x')",
        [],
    );
    assert!(orphan.is_err(), "a figure must belong to an article");
    let (value, approx): (f64, String) = conn
        .query_row(
            "SELECT value, approx FROM figures WHERE entity = 'Microsoft' AND period = '2014-H2'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((value, approx.as_str()), (31002.0, "about, roughly"));
    let plan: String = conn
        .query_row(
            "EXPLAIN QUERY PLAN SELECT * FROM figures WHERE entity = 'Google' AND measure = 'm' AND period = '2014'",
            [],
            |r| r.get(3),
        )
        .unwrap();
    assert!(
        plan.contains("figures_key"),
        "the (entity, measure, period) index is used: {plan}"
    );
    let stated: String = conn
        .query_row("SELECT stated FROM findings WHERE rule = 'sum_mismatch'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stated, "250");
}

#[test]
fn sqlite_rerun_replaces_reprocessed_articles_and_keeps_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("figmine.sqlite");
    let corpus = corpus_tables();
    write_db(&db, &[microsoft(), google(), failed()], &corpus);
    let first = table_counts(&open(&db));
    write_db(&db, &[microsoft(), google(), failed()], &corpus);
    assert_eq!(
        table_counts(&open(&db)),
        first,
        "a second identical run duplicates nothing"
    );

    // Re-process Microsoft alone, now with one figure and no finding: its old rows go, the
    // corpus rows citing it go, Google's rows stay.
    let mut ms = microsoft();
    ms.figures.truncate(1);
    ms.findings.clear();
    write_db(&db, &[ms], &CorpusTables::default());
    let conn = open(&db);
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), 3);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM figures WHERE article = 'ms/2014-h2.txt'"),
        1
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM figures WHERE article = 'google/2014.txt'"),
        1
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM findings"),
        0,
        "both findings cited Microsoft"
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM dataset"), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM dataset WHERE entity = 'Google'"), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

#[test]
fn sqlite_interrupted_run_leaves_the_database_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("figmine.sqlite");
    write_db(&db, &[google()], &CorpusTables::default());
    let before = table_counts(&open(&db));
    {
        let mut sink = SqliteSink::open(&db).unwrap();
        sink.article(&microsoft()).unwrap();
        sink.article(&failed()).unwrap();
        // Dropped without finish, as when the process is killed or a later write fails.
    }
    assert_eq!(table_counts(&open(&db)), before);
}

#[test]
fn sqlite_refuses_a_database_of_another_schema_version() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("other.sqlite");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let err = SqliteSink::open(&db).err().expect("refused");
    assert!(err.to_string().contains("schema version 99"), "{err}");
}

// ---------------------------------------------------------------- HTML report

const HOSTILE_TEXT: &str = "Acme got 1,234 requests in 2014. <script>document.body.id='pwned'</script>\n\n\
    <img src=x onerror=\"document.body.id='pwned2'\"> and <a href=\"javascript:document.body.id='pwned3'\">click</a> \
    \"It's <b onmouseover=alert(1)>fine</b> & 56 more,\" said Eve.";

/// An article whose every field tries to inject markup.
fn hostile() -> ArticleTables {
    let mut t = article(
        "evil/<script>.html",
        "</title><script>document.body.id='pwned4'</script>",
        HOSTILE_TEXT,
        &[
            ("1,234", 1234.0, "Acme\"><script>x()</script>", "2014"),
            ("56", 56.0, "Acme", "2014"),
        ],
        &[(
            "It's <b onmouseover=alert(1)>fine</b> & 56 more,",
            "Eve\" onmouseover=\"alert(1)",
        )],
    );
    t.article.source = "javascript:document.body.id='pwned5'".into();
    t.figures[1].measure = Some("<img src=x onerror=alert(1)>".into());
    let finding = sum_finding(&t, "<script>document.body.id='pwned6'</script>");
    t.findings.push(finding);
    t
}

fn write_report(dir: &Path, articles: &[ArticleTables]) -> ReportSink {
    let mut sink = ReportSink::create(dir).unwrap();
    write_all(&mut sink, articles, &corpus_tables());
    sink
}

fn page_path(report: &Path, id: &str) -> PathBuf {
    report.join("articles").join(page_name(id))
}

/// The checks that hold for any report page, on its HTML as a browser's parser sees it:
/// nothing that runs, and the article text rendered exactly.
fn assert_inert(html: &str) {
    let doc = scraper::Html::parse_document(html);
    let all = scraper::Selector::parse("*").unwrap();
    for el in doc.select(&all) {
        let el = el.value();
        assert_ne!(el.name(), "script", "no script element");
        assert_ne!(el.name(), "img", "no image element");
        for (name, value) in el.attrs() {
            assert!(!name.starts_with("on"), "no event handler attribute: {name}={value}");
            if name == "href" || name == "src" {
                let v = value.trim().to_ascii_lowercase();
                assert!(
                    !v.starts_with("javascript:") && !v.starts_with("data:"),
                    "{name}={value}"
                );
            }
        }
    }
}

/// The text of the page's article element, without the speaker labels the report adds.
fn rendered_article_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let article = doc
        .select(&scraper::Selector::parse("article.text").unwrap())
        .next()
        .unwrap();
    article
        .descendants()
        .filter_map(|n| {
            let text = n.value().as_text()?;
            let parent = n.parent()?.value().as_element()?;
            (!parent.classes().any(|c| c == "who")).then(|| text.to_string())
        })
        .collect()
}

fn marks(html: &str, selector: &str) -> usize {
    let doc = scraper::Html::parse_document(html);
    doc.select(&scraper::Selector::parse(selector).unwrap()).count()
}

#[test]
fn report_pages_render_article_text_exactly_and_inertly() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = [microsoft(), google(), failed(), hostile()];
    let sink = write_report(tmp.path(), &articles);
    assert_eq!(sink.figure_counts(), (5, 5));
    for a in &articles {
        let html = std::fs::read_to_string(page_path(tmp.path(), &a.article.id)).unwrap();
        assert_inert(&html);
        assert_eq!(rendered_article_text(&html), a.article.text, "{}", a.article.id);
        assert_eq!(
            marks(&html, "mark.fig"),
            a.figures.len(),
            "every figure highlighted once"
        );
        assert_eq!(marks(&html, ".quote"), a.quotes.len());
    }
    let index = std::fs::read_to_string(tmp.path().join("index.html")).unwrap();
    assert_inert(&index);
    assert_eq!(marks(&index, "table a[href^='articles/']"), articles.len());
    assert_eq!(marks(&index, "svg circle"), 2, "one point per dataset row");
    assert!(index.contains("<div id=\"total-figures\"><b>5</b>"));
    assert!(
        index.contains("<td>sum_mismatch</td><td class=\"n\">2</td>"),
        "counts by rule"
    );
}

#[test]
fn report_figures_carry_value_measure_and_period_and_findings_link_to_evidence() {
    let tmp = tempfile::tempdir().unwrap();
    let ms = microsoft();
    write_report(tmp.path(), std::slice::from_ref(&ms));
    let html = std::fs::read_to_string(page_path(tmp.path(), &ms.article.id)).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let fig = doc
        .select(&scraper::Selector::parse("mark.fig").unwrap())
        .next()
        .unwrap();
    let tip = fig.value().attr("data-tip").unwrap();
    assert_eq!(
        tip,
        "value: 31002 (about, roughly)\nmeasure: government requests\nperiod: 2014-H2\nentity: Microsoft"
    );
    assert_eq!(fig.value().attr("title"), Some(tip));
    let link = doc
        .select(&scraper::Selector::parse("aside .finding a").unwrap())
        .next()
        .unwrap();
    let target = link.value().attr("href").unwrap().trim_start_matches('#');
    let by_id = scraper::Selector::parse(&format!("[id='{target}']")).unwrap();
    assert_eq!(doc.select(&by_id).next().unwrap().text().collect::<String>(), "31,002");
    let who = doc.select(&scraper::Selector::parse(".who").unwrap()).next().unwrap();
    assert_eq!(who.text().collect::<String>(), "Brad Smith");
}

#[test]
fn report_pages_list_the_cross_article_findings_that_involve_them() {
    let tmp = tempfile::tempdir().unwrap();
    let (ms, google) = (microsoft(), google());
    write_report(tmp.path(), &[ms.clone(), google.clone()]);
    let ms_page = std::fs::read_to_string(page_path(tmp.path(), &ms.article.id)).unwrap();
    let google_page = std::fs::read_to_string(page_path(tmp.path(), &google.article.id)).unwrap();
    for html in [&ms_page, &google_page] {
        assert!(html.contains("<h2>Findings across articles (1)</h2>"));
        assert!(html.contains("Two articles disagree"));
        assert_inert(html);
    }
    let evidence = format!("#{}-{}", ms.figures[0].start, ms.figures[0].end);
    assert!(
        ms_page.contains(&format!("href=\"#s{}", &evidence[1..])),
        "same-page link"
    );
    let other = format!("href=\"{}#s{}", page_name(&ms.article.id), &evidence[1..]);
    assert!(google_page.contains(&other), "link to the other article's page");
    assert!(
        !ms_page.contains("cross-article findings -->"),
        "the marker is replaced"
    );
}

// ---------------------------------------------------------------- headless Chromium

/// Chromium's path: `$FIGMINE_CHROMIUM` if set (and nothing else then), else `chromium` on the
/// PATH, else `/usr/bin/chromium`.
fn find_chromium(chosen: Option<std::ffi::OsString>, path: std::ffi::OsString) -> Option<PathBuf> {
    if let Some(chosen) = chosen {
        return Some(PathBuf::from(chosen)).filter(|p| p.is_file());
    }
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromium"))
        .chain([PathBuf::from("/usr/bin/chromium")])
        .find(|p| p.is_file())
}

/// Whether to run the browser checks: with Chromium, yes; without, the test fails unless
/// `skip` (FIGMINE_SKIP_BROWSER=1) says to skip: a missing browser must never pass silently
/// (`.ci/run` installs it, so CI always runs these checks).
fn browser_decision(found: Option<PathBuf>, skip: bool) -> Result<Option<PathBuf>, String> {
    match (found, skip) {
        (Some(path), _) => Ok(Some(path)),
        (None, true) => {
            eprintln!("SKIPPED: browser checks of the HTML report: chromium not found and FIGMINE_SKIP_BROWSER=1");
            Ok(None)
        }
        (None, false) => Err(
            "chromium not found (looked at $FIGMINE_CHROMIUM, PATH, /usr/bin/chromium): install \
             it (`apt-get install chromium`, as .ci/run does) or set FIGMINE_SKIP_BROWSER=1 to skip the browser checks"
                .into(),
        ),
    }
}

fn browser_or_explicit_skip() -> Option<PathBuf> {
    let found = find_chromium(
        std::env::var_os("FIGMINE_CHROMIUM"),
        std::env::var_os("PATH").unwrap_or_default(),
    );
    let skip = std::env::var("FIGMINE_SKIP_BROWSER").is_ok_and(|v| v == "1");
    browser_decision(found, skip).unwrap_or_else(|why| panic!("{why}"))
}

#[test]
fn a_missing_browser_fails_unless_skipping_is_asked_for() {
    let nowhere = tempfile::tempdir().unwrap();
    let missing = find_chromium(Some(nowhere.path().join("chromium").into()), Default::default());
    assert_eq!(missing, None, "an explicit FIGMINE_CHROMIUM is not second-guessed");
    let why = browser_decision(None, false).unwrap_err();
    assert!(
        why.contains("chromium not found") && why.contains("FIGMINE_SKIP_BROWSER=1"),
        "{why}"
    );
    assert_eq!(browser_decision(None, true), Ok(None));
    let found = PathBuf::from("/x/chromium");
    assert_eq!(browser_decision(Some(found.clone()), true), Ok(Some(found)));
}

/// Runs headless Chromium on a local page with `mode` (`--dump-dom` or `--screenshot=...`);
/// returns the standard output and the console messages the page produced.
fn headless(browser: &Path, page: &Path, mode: &str) -> (String, Vec<String>) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--window-size=1280,1500",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(mode)
        .arg(format!("file://{}", page.display()))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start chromium");
    // A hung browser must fail the test, not hang it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("chromium did not finish on {}", page.display());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let console = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(String::from)
        .collect();
    (String::from_utf8_lossy(&out.stdout).into_owned(), console)
}

#[test]
fn report_in_headless_chromium_runs_nothing_highlights_every_figure_and_screenshots() {
    let Some(browser) = browser_or_explicit_skip() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let report = tmp.path().join("report");
    let articles = [microsoft(), google(), hostile()];
    write_report(&report, &articles);

    let evil = hostile();
    let (dom, console) = headless(&browser, &page_path(&report, &evil.article.id), "--dump-dom");
    assert!(console.is_empty(), "console messages: {console:#?}");
    assert!(
        dom.contains("<body>"),
        "the body kept no id set by a script: {}",
        &dom[..dom.len().min(400)]
    );
    assert!(!dom.contains("pwned\""), "no injected id: {dom}");
    assert_inert(&dom);
    assert_eq!(
        rendered_article_text(&dom),
        evil.article.text,
        "scripts, images and links shown as text"
    );
    assert_eq!(marks(&dom, "mark.fig"), evil.figures.len());
    let doc = scraper::Html::parse_document(&dom);
    let title = doc.select(&scraper::Selector::parse("title").unwrap()).next().unwrap();
    assert!(title.text().collect::<String>().starts_with("</title><script>"));

    let (dom, console) = headless(&browser, &report.join("index.html"), "--dump-dom");
    assert!(console.is_empty(), "console messages: {console:#?}");
    assert_inert(&dom);
    let total: usize = articles.iter().map(|a| a.figures.len()).sum();
    assert!(dom.contains(&format!("<div id=\"total-figures\"><b>{total}</b>")));

    let shot = tmp.path().join("index.png");
    let (_, console) = headless(
        &browser,
        &report.join("index.html"),
        &format!("--screenshot={}", shot.display()),
    );
    assert!(console.is_empty(), "console messages: {console:#?}");
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000,
        "{} bytes",
        png.len()
    );
}

// ---------------------------------------------------------------- end to end on the corpus

fn jsonl_lines(path: &Path) -> usize {
    std::fs::read_to_string(path).unwrap().lines().count()
}

#[test]
fn run_with_formats_and_export_agree_on_the_real_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = tmp.path().join("out");
    let status = figmine()
        .args([
            "run",
            "--quiet",
            "--format",
            "csv,sqlite",
            "--format",
            "report",
            "--out",
        ])
        .arg(&out)
        .arg(&corpus)
        .status()
        .unwrap();
    assert!(status.code() == Some(0) || status.code() == Some(1), "{status}");
    let figures = jsonl_lines(&out.join("figures.jsonl"));
    let articles = jsonl_lines(&out.join("articles.jsonl"));
    assert!(figures > 100, "the corpus has many figures: {figures}");
    assert_eq!(read_csv(&out.join("figures.csv")).1.len(), figures);
    let conn = open(&out.join("figmine.sqlite"));
    assert_eq!(count(&conn, "SELECT count(*) FROM figures") as usize, figures);
    assert_eq!(count(&conn, "SELECT count(*) FROM articles") as usize, articles);
    // The links, near copies' among them, as the run wrote them (before export replays them).
    let duplicates = jsonl_lines(&out.join("duplicates.jsonl"));
    assert!(duplicates > 0, "the corpus has copies");
    assert_eq!(read_csv(&out.join("duplicates.csv")).1.len(), duplicates);
    assert_eq!(count(&conn, "SELECT count(*) FROM duplicates") as usize, duplicates);
    assert!(count(&conn, "SELECT count(*) FROM duplicates WHERE kind = 'near'") > 0);
    let mut highlighted = 0;
    for entry in std::fs::read_dir(out.join("report/articles")).unwrap() {
        let html = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert_inert(&html);
        highlighted += marks(&html, "mark.fig");
    }
    assert_eq!(
        highlighted, figures,
        "every figure of the data is highlighted in the report"
    );
    if let Some(browser) = browser_or_explicit_skip() {
        let (id, most): (String, i64) = conn
            .query_row(
                "SELECT article, count(*) AS n FROM figures GROUP BY article ORDER BY n DESC, article LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let (dom, console) = headless(&browser, &page_path(&out.join("report"), &id), "--dump-dom");
        assert!(console.is_empty(), "console messages: {console:#?}");
        assert_eq!(
            marks(&dom, "mark.fig") as i64,
            most,
            "figures of {id} highlighted in the browser"
        );
    }

    // `figmine export` from the JSONL writes the same CSV, and updates the database in place.
    let again = tmp.path().join("again");
    let status = figmine()
        .args(["export", "--quiet", "--from"])
        .arg(&out)
        .arg("--out")
        .arg(&again)
        .arg("--db")
        .arg(out.join("figmine.sqlite"))
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    for table in ["articles", "figures", "quotes", "findings", "dataset", "duplicates"] {
        let name = format!("{table}.csv");
        assert_eq!(
            std::fs::read(out.join(&name)).unwrap(),
            std::fs::read(again.join(&name)).unwrap(),
            "{name}"
        );
    }
    assert!(again.join("report/index.html").is_file());
    assert_eq!(
        count(&open(&out.join("figmine.sqlite")), "SELECT count(*) FROM figures") as usize,
        figures
    );
}

#[test]
fn export_without_a_previous_run_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let out = figmine().args(["export", "--from"]).arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("articles.jsonl not found"));
}

#[test]
fn replay_reads_a_run_back_and_counts_rows_of_unknown_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let ms = microsoft();
    let lines = |rows: Vec<String>| rows.join("\n") + "\n";
    fn json(row: &impl serde::Serialize) -> String {
        serde_json::to_string(row).unwrap()
    }
    std::fs::write(tmp.path().join("articles.jsonl"), lines(vec![json(&ms.article)])).unwrap();
    let mut stray = ms.figures[0].clone();
    stray.article = "not-in-articles.txt".into();
    let figures: Vec<String> = ms.figures.iter().chain([&stray]).map(json).collect();
    std::fs::write(tmp.path().join("figures.jsonl"), lines(figures)).unwrap();
    std::fs::write(tmp.path().join("findings.jsonl"), lines(vec![json(&ms.findings[0])])).unwrap();
    let db = tmp.path().join("db.sqlite");
    let mut sink = SqliteSink::open(&db).unwrap();
    let done = figmine::export::replay(tmp.path(), &mut sink).unwrap();
    assert_eq!((done.articles, done.orphans), (1, 1));
    let conn = open(&db);
    assert_eq!(count(&conn, "SELECT count(*) FROM figures"), 2);
    assert_eq!(count(&conn, "SELECT count(*) FROM findings"), 1);

    std::fs::write(tmp.path().join("quotes.jsonl"), "{\"article\": 3}\n").unwrap();
    let err = figmine::export::replay(tmp.path(), &mut CsvSink::create(tmp.path()).unwrap()).unwrap_err();
    assert!(err.to_string().contains("quotes.jsonl line 1"), "{err}");
}

#[test]
fn sqlite_run_that_fails_midway_leaves_the_database_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (name, n) in [("a.txt", 100), ("b.txt", 200), ("zzz.txt", 300)] {
        let body = format!("Headline {name}\n\nGoogle received {n} requests in 2014.\n");
        std::fs::write(input.join(name), body).unwrap();
    }
    let db = tmp.path().join("figmine.sqlite");
    write_db(&db, &[google()], &CorpusTables::default());
    // A fault injected into the database: the run's last article cannot be stored.
    open(&db)
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.id = 'zzz.txt'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
        )
        .unwrap();
    let before = table_counts(&open(&db));
    let out = figmine()
        .args(["run", "--quiet", "--format", "sqlite", "--out"])
        .arg(tmp.path().join("out"))
        .arg("--db")
        .arg(&db)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a sink failure is fatal");
    assert!(String::from_utf8_lossy(&out.stderr).contains("injected failure"));
    assert_eq!(table_counts(&open(&db)), before, "a.txt and b.txt were rolled back too");
}

/// Values read back from the JSONL files (resume, `export`, the reduce step) are the values
/// written, to the last bit: serde_json's `float_roundtrip` (without it, 4099999.9999999995
/// came back as 4099999.999999999 and a CSV rebuilt by `export` differed from the run's).
#[test]
fn json_floats_read_back_to_the_same_bits() {
    let mut values = vec![4099999.9999999995, 0.1 + 0.2, 1e-7 / 3.0, f64::MAX, f64::MIN_POSITIVE];
    values.extend((1..20_000).map(|k| f64::from(k) / 10.0 * 1e6));
    values.extend((1..20_000).map(|k| f64::from(k).sqrt() * 1234.5));
    for value in values {
        let back: f64 = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
        assert_eq!(back.to_bits(), value.to_bits(), "{value:?}");
    }
}

/// What a replay fed to its sink.
#[derive(Default)]
struct Collected {
    articles: Vec<ArticleTables>,
    corpus: Vec<CorpusTables>,
}

impl TableSink for Collected {
    fn article(&mut self, tables: &ArticleTables) -> Result<(), figmine::export::ExportError> {
        self.articles.push(tables.clone());
        Ok(())
    }

    fn corpus(&mut self, tables: &CorpusTables) -> Result<(), figmine::export::ExportError> {
        self.corpus.push(tables.clone());
        Ok(())
    }

    fn finish(&mut self) -> Result<(), figmine::export::ExportError> {
        Ok(())
    }
}

#[test]
fn replay_gives_each_article_its_own_rows_reading_the_files_side_by_side() {
    let tmp = tempfile::tempdir().unwrap();
    let write = |name: &str, rows: Vec<String>| std::fs::write(tmp.path().join(name), rows.join("\n") + "\n").unwrap();
    fn json(row: &impl serde::Serialize) -> String {
        serde_json::to_string(row).unwrap()
    }
    // An article with rows, one without (failed), one with rows of every kind.
    let articles = [google(), failed(), microsoft()];
    let corpus = corpus_tables();
    write("articles.jsonl", articles.iter().map(|a| json(&a.article)).collect());
    let mut stray = google().figures[0].clone();
    stray.article = "not-in-articles.txt".into();
    let late = google().figures[0].clone();
    let figures = [&articles[0].figures[..], &[stray], &articles[2].figures[..], &[late]].concat();
    write("figures.jsonl", figures.iter().map(json).collect());
    write("quotes.jsonl", articles[2].quotes.iter().map(json).collect());
    // Corpus-level findings before an article's (more than a part of them: those past the part
    // are read again when their turn comes) and after all; each its own, so that order shows.
    let before: Vec<_> = (0..300)
        .map(|i| {
            let mut f = corpus.findings[0].clone();
            f.message = format!("{} (#{i})", f.message);
            f
        })
        .collect();
    let findings = [&before[..], &articles[2].findings[..], &corpus.findings[..]].concat();
    write("findings.jsonl", findings.iter().map(json).collect());
    // More dataset rows than a part too.
    let dataset_rows: Vec<DatasetRow> = corpus.dataset.iter().cycle().take(300).cloned().collect();
    write("dataset.jsonl", dataset_rows.iter().map(json).collect());
    let mut sink = Collected::default();
    let done = figmine::export::replay(tmp.path(), &mut sink).unwrap();
    // The stray row and Google's row after Microsoft's are not written, and counted.
    assert_eq!((done.articles, done.orphans), (3, 2));
    assert_eq!(sink.articles, articles);
    // The corpus-level rows come in parts, after the articles, findings in file order.
    let fed: Vec<_> = sink.corpus.iter().flat_map(|part| part.findings.clone()).collect();
    assert_eq!(fed, [&before[..], &corpus.findings[..]].concat());
    let dataset: Vec<_> = sink.corpus.iter().flat_map(|part| part.dataset.clone()).collect();
    assert_eq!(dataset, dataset_rows);
    // No part holds more than 256 rows: memory does not grow with the corpus-level rows.
    let largest = sink
        .corpus
        .iter()
        .map(|part| part.findings.len().max(part.dataset.len()));
    assert_eq!(largest.max(), Some(256));
}

/// A sink that, once it has the first article, puts another file in the place of the run's
/// `findings.jsonl`.
struct RenamingSink {
    collected: Collected,
    replacement: PathBuf,
    findings: PathBuf,
}

impl TableSink for RenamingSink {
    fn article(&mut self, tables: &ArticleTables) -> Result<(), figmine::export::ExportError> {
        if self.collected.articles.is_empty() {
            std::fs::rename(&self.replacement, &self.findings).unwrap();
        }
        self.collected.article(tables)
    }

    fn corpus(&mut self, tables: &CorpusTables) -> Result<(), figmine::export::ExportError> {
        self.collected.corpus(tables)
    }

    fn finish(&mut self) -> Result<(), figmine::export::ExportError> {
        Ok(())
    }
}

#[test]
fn replay_reads_corpus_level_rows_again_from_the_file_it_opened() {
    let tmp = tempfile::tempdir().unwrap();
    let article = microsoft();
    let json = |row: &FindingRow| serde_json::to_string(row).unwrap();
    std::fs::write(
        tmp.path().join("articles.jsonl"),
        serde_json::to_string(&article.article).unwrap() + "\n",
    )
    .unwrap();
    // More corpus-level rows than a part before the article's: those past the part are read
    // again after the articles, by then from a file renamed away.
    let before: Vec<FindingRow> = (0..300)
        .map(|i| {
            let mut f = corpus_tables().findings[0].clone();
            f.message = format!("finding #{i}");
            f
        })
        .collect();
    let lines: Vec<String> = before.iter().chain(&article.findings).map(json).collect();
    let findings = tmp.path().join("findings.jsonl");
    std::fs::write(&findings, lines.join("\n") + "\n").unwrap();
    let replacement = tmp.path().join("other.jsonl");
    std::fs::write(&replacement, "not a row\n".repeat(20_000)).unwrap();
    let mut sink = RenamingSink {
        collected: Collected::default(),
        replacement,
        findings,
    };
    figmine::export::replay(tmp.path(), &mut sink).unwrap();
    let fed: Vec<FindingRow> = sink
        .collected
        .corpus
        .iter()
        .flat_map(|part| part.findings.clone())
        .collect();
    assert_eq!(fed, before);
}

#[test]
fn a_malformed_line_is_reported_by_file_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let row = serde_json::to_string(&microsoft().article).unwrap();
    // A torn row between two whole ones, lines ended by CRLF.
    let torn = &row[..row.len() / 2];
    std::fs::write(
        tmp.path().join("articles.jsonl"),
        format!("{row}\r\n{torn}\r\n{row}\r\n"),
    )
    .unwrap();
    let error = figmine::export::replay(tmp.path(), &mut Collected::default())
        .unwrap_err()
        .to_string();
    assert!(error.contains("articles.jsonl line 2: EOF while parsing"), "{error}");
    assert!(error.ends_with(&format!("line 1 column {}", torn.len())), "{error}");
}
