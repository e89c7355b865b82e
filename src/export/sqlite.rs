//! SQLite output (embedded, no server): tables `articles`, `figures`, `quotes`, `findings`,
//! `evidence`, `finding_articles`, `dataset`, `dataset_sources` and `duplicates` (added in the
//! same schema version: a database without it gets it), with foreign keys and indexes
//! on (entity, measure, period). See README "Export" for the schema and sample queries.
//!
//! A database grows run by run: writing an article first removes every row that came from an
//! earlier processing of the same article id (its figures, quotes and findings, and the
//! corpus-level findings and dataset rows that cite it), so re-processed articles are replaced
//! and all others kept. A whole run is one transaction, committed by `finish`: a run that is
//! interrupted or fails leaves the database exactly as it was before the run.

use super::rows::{ArticleRow, FigureRow, FindingRow, QuoteRow};
use super::tables::{ArticleTables, CorpusTables, DatasetRow, TableSink};
use super::ExportError;
use crate::dedup::DuplicateRow;
use rusqlite::{params, Connection};
use std::path::{Path, PathBuf};

/// The schema version stored in `PRAGMA user_version`; a database with another is refused.
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT,
    published TEXT,
    publisher TEXT,
    text TEXT NOT NULL,
    error TEXT
);
CREATE TABLE IF NOT EXISTS figures (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    value REAL,
    low REAL,
    high REAL,
    approx TEXT,
    unit TEXT,
    measure TEXT,
    entity TEXT,
    period TEXT,
    compared_value REAL,
    compared_period TEXT,
    compared_direction TEXT,
    in_quote INTEGER NOT NULL,
    sentence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS figures_key ON figures(entity, measure, period);
CREATE INDEX IF NOT EXISTS figures_article ON figures(article);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_text TEXT,
    role TEXT,
    cue TEXT,
    paragraphs INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY,
    article TEXT REFERENCES articles(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    expected TEXT,
    stated TEXT
);
CREATE INDEX IF NOT EXISTS findings_article ON findings(article);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule);
CREATE TABLE IF NOT EXISTS finding_articles (
    finding INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (finding, article)
);
CREATE INDEX IF NOT EXISTS finding_articles_article ON finding_articles(article);
CREATE TABLE IF NOT EXISTS evidence (
    id INTEGER PRIMARY KEY,
    finding INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS evidence_finding ON evidence(finding);
CREATE INDEX IF NOT EXISTS evidence_article ON evidence(article);
CREATE TABLE IF NOT EXISTS dataset (
    entity TEXT NOT NULL,
    measure TEXT NOT NULL,
    period TEXT NOT NULL,
    kind TEXT NOT NULL,
    value REAL NOT NULL,
    articles INTEGER NOT NULL,
    conflict INTEGER NOT NULL,
    PRIMARY KEY (entity, measure, period)
);
CREATE TABLE IF NOT EXISTS dataset_sources (
    entity TEXT NOT NULL,
    measure TEXT NOT NULL,
    period TEXT NOT NULL,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (entity, measure, period, article),
    FOREIGN KEY (entity, measure, period) REFERENCES dataset(entity, measure, period) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS dataset_sources_article ON dataset_sources(article);
CREATE TABLE IF NOT EXISTS duplicates (
    id TEXT PRIMARY KEY,
    duplicate_of TEXT NOT NULL,
    kind TEXT NOT NULL,
    by TEXT NOT NULL,
    similarity REAL
);
"#;

/// Writes results into a SQLite database file, replacing re-processed articles' rows.
pub struct SqliteSink {
    path: PathBuf,
    conn: Connection,
}

impl SqliteSink {
    /// Opens (creating if needed) the database at `path`, creates the schema and starts the
    /// run's transaction.
    pub fn open(path: &Path) -> Result<Self, ExportError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| ExportError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let err = |source| ExportError::Sqlite {
            path: path.to_path_buf(),
            what: "opening".into(),
            source,
        };
        let conn = Connection::open(path).map_err(err)?;
        // Room for every statement the sink runs (14 today; rusqlite keeps 16 by default), with
        // some to spare for the next ones.
        conn.set_prepared_statement_cache_capacity(32);
        conn.execute_batch("PRAGMA cache_size = -32768").map_err(err)?;
        let sink = SqliteSink {
            path: path.to_path_buf(),
            conn,
        };
        sink.prepare_schema()?;
        sink.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| sink.error("starting the run's transaction", e))?;
        Ok(sink)
    }

    fn prepare_schema(&self) -> Result<(), ExportError> {
        self.conn
            .execute_batch("PRAGMA foreign_keys = ON")
            .map_err(|e| self.error("enabling foreign keys", e))?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.error("reading the schema version", e))?;
        if version != 0 && version != SCHEMA_VERSION {
            return Err(ExportError::Schema {
                path: self.path.clone(),
                found: version,
                expected: SCHEMA_VERSION,
            });
        }
        self.conn
            .execute_batch(&format!(
                "BEGIN; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
            ))
            .map_err(|e| self.error("creating the schema", e))
    }

    /// Runs one statement, compiled once per run: compiling each insert anew took most of a
    /// 100,000-article export's time.
    fn run(&self, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize> {
        self.conn.prepare_cached(sql)?.execute(params)
    }

    fn error(&self, what: &str, source: rusqlite::Error) -> ExportError {
        ExportError::Sqlite {
            path: self.path.clone(),
            what: what.to_owned(),
            source,
        }
    }

    /// Removes every row an earlier processing of article `id` left, including corpus-level
    /// findings and dataset rows that cite it (they are recomputed by the run that re-processes it).
    fn forget_article(&self, id: &str) -> rusqlite::Result<()> {
        self.run(
            "DELETE FROM findings WHERE id IN (SELECT finding FROM finding_articles WHERE article = ?1)
                OR id IN (SELECT finding FROM evidence WHERE article = ?1)",
            [id],
        )?;
        self.run(
            "DELETE FROM dataset WHERE (entity, measure, period) IN
                (SELECT entity, measure, period FROM dataset_sources WHERE article = ?1)",
            [id],
        )?;
        self.run("DELETE FROM articles WHERE id = ?1", [id])?;
        self.run("DELETE FROM duplicates WHERE id = ?1", [id])?;
        Ok(())
    }

    fn insert_article(&self, a: &ArticleRow) -> rusqlite::Result<()> {
        self.run(
            "INSERT INTO articles (id, source, title, published, publisher, text, error)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![a.id, a.source, a.title, a.published, a.publisher, a.text, a.error],
        )?;
        Ok(())
    }

    fn insert_figure(&self, f: &FigureRow) -> rusqlite::Result<()> {
        let cmp = f.compared_to.as_ref();
        self.run(
            "INSERT INTO figures (article, start, \"end\", text, kind, value, low, high, approx, unit, measure,
                entity, period, compared_value, compared_period, compared_direction, in_quote, sentence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            params![
                f.article,
                f.start as i64,
                f.end as i64,
                f.text,
                f.kind,
                f.value,
                f.low,
                f.high,
                f.approx,
                f.unit,
                f.measure,
                f.entity,
                f.period,
                cmp.map(|c| c.value),
                cmp.and_then(|c| c.period.clone()),
                cmp.map(|c| c.direction.clone()),
                f.in_quote,
                f.sentence,
            ],
        )?;
        Ok(())
    }

    fn insert_quote(&self, q: &QuoteRow) -> rusqlite::Result<()> {
        self.run(
            "INSERT INTO quotes (article, start, \"end\", text, speaker, speaker_text, role, cue, paragraphs)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                q.article,
                q.start as i64,
                q.end as i64,
                q.text,
                q.speaker,
                q.speaker_text,
                q.role,
                q.cue,
                q.paragraphs as i64
            ],
        )?;
        Ok(())
    }

    fn insert_finding(&self, f: &FindingRow) -> rusqlite::Result<()> {
        let json = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string());
        self.run(
            "INSERT INTO findings (article, rule, severity, message, expected, stated)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                f.article,
                f.rule,
                f.severity,
                f.message,
                json(&f.expected),
                json(&f.stated)
            ],
        )?;
        let finding = self.conn.last_insert_rowid();
        let mut involved: Vec<&String> = f.articles.iter().chain(f.article.as_ref()).collect();
        involved.sort();
        involved.dedup();
        for article in involved {
            self.run(
                "INSERT INTO finding_articles (finding, article) VALUES (?1, ?2)",
                params![finding, article],
            )?;
        }
        for e in &f.evidence {
            self.run(
                "INSERT INTO evidence (finding, article, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![finding, e.article, e.start as i64, e.end as i64, e.text],
            )?;
        }
        Ok(())
    }

    fn insert_dataset_row(&self, d: &DatasetRow) -> rusqlite::Result<()> {
        // The same key from an earlier run whose sources were not re-processed is superseded.
        self.run(
            "DELETE FROM dataset WHERE entity = ?1 AND measure = ?2 AND period = ?3",
            params![d.entity, d.measure, d.period],
        )?;
        self.run(
            "INSERT INTO dataset (entity, measure, period, kind, value, articles, conflict)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                d.entity,
                d.measure,
                d.period,
                d.kind,
                d.value,
                d.articles as i64,
                d.conflict
            ],
        )?;
        for source in &d.sources {
            self.run(
                "INSERT OR IGNORE INTO dataset_sources (entity, measure, period, article) VALUES (?1, ?2, ?3, ?4)",
                params![d.entity, d.measure, d.period, source],
            )?;
        }
        Ok(())
    }

    fn write_article(&self, t: &ArticleTables) -> rusqlite::Result<()> {
        self.forget_article(&t.article.id)?;
        self.insert_article(&t.article)?;
        t.figures.iter().try_for_each(|f| self.insert_figure(f))?;
        t.quotes.iter().try_for_each(|q| self.insert_quote(q))?;
        t.findings.iter().try_for_each(|f| self.insert_finding(f))
    }
}

impl TableSink for SqliteSink {
    fn article(&mut self, t: &ArticleTables) -> Result<(), ExportError> {
        self.write_article(t)
            .map_err(|e| self.error(&format!("writing article {}", t.article.id), e))
    }

    fn corpus(&mut self, t: &CorpusTables) -> Result<(), ExportError> {
        t.findings
            .iter()
            .try_for_each(|f| self.insert_finding(f))
            .map_err(|e| self.error("writing corpus findings", e))?;
        t.dataset
            .iter()
            .try_for_each(|d| self.insert_dataset_row(d))
            .map_err(|e| self.error("writing the dataset", e))
    }

    fn duplicate(&mut self, row: &DuplicateRow) -> Result<(), ExportError> {
        self.run(
            "INSERT OR REPLACE INTO duplicates (id, duplicate_of, kind, by, similarity) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![row.id, row.duplicate_of, row.kind.name(), row.by.name(), row.similarity],
        )
        .map(drop)
        .map_err(|e| self.error(&format!("writing duplicate {}", row.id), e))
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        if self.conn.is_autocommit() {
            return Ok(());
        }
        self.conn
            .execute_batch("COMMIT")
            .map_err(|e| self.error("committing the run", e))
    }
}
