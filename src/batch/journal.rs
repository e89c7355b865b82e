//! The run journal (`journal.jsonl` in the output folder): what makes `--resume` possible.
//!
//! After every chunk the sink is flushed (articles last), then one checkpoint line is appended:
//! the inputs the chunk finished (id, hash of the raw bytes, dedup fingerprint and verdict) and
//! the byte size of every output file at that moment. A run killed at any instant therefore
//! leaves files whose prefix up to the last checkpoint is complete and consistent. Resuming cuts
//! every file back to those sizes (which also removes a torn last line and the rows of an
//! article whose `articles.jsonl` row never made it), skips the inputs the journal lists as done
//! (an input whose bytes changed since is kept as the earlier run read it, and counted), and
//! appends the rest.
//!
//! Every checkpoint also records the options that change what a run writes ([`RunOptions`]): a
//! run resumed with other options would mix two kinds of output, so it is refused.

use super::{extract_check_and_rows, Settings, CHUNK, FAILURES_NAMED};
use crate::dedup::{self, DuplicateKind, Fingerprint};
use crate::export::rows::ArticleRow;
use crate::export::{ExportError, JSONL_FILES};
use crate::read::Article;
use crate::reconcile::Corpus;
use crate::spill::{self, Ids, Spill, SpillError};
use rayon::prelude::*;
use rusqlite::OptionalExtension;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// The journal's file name in the output folder.
pub const JOURNAL_FILE: &str = "journal.jsonl";

/// What the journal keeps of one finished input. Read with `F` = [`IgnoredAny`] by every read
/// but the dedup index's ([`EntryHead`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "F: Deserialize<'de>"))]
pub struct JournalEntry<F = Fingerprint> {
    /// The input's id.
    pub id: String,
    /// FNV-1a of the fetched bytes (null when fetching failed).
    pub hash: Option<u64>,
    /// Its dedup fingerprint, when dedup ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<F>,
    /// Whether dedup found it an exact or near duplicate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate: Option<DuplicateKind>,
    /// The article it duplicates (absent in journals written before it was recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

impl JournalEntry {
    /// An entry for an input that is not (or not yet known to be) a duplicate.
    pub fn new(id: String, hash: Option<u64>, fingerprint: Option<Fingerprint>) -> Self {
        JournalEntry {
            id,
            hash,
            fingerprint,
            duplicate: None,
            duplicate_of: None,
        }
    }
}

/// The options of a run that change what it writes: a resumed run must have the same ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunOptions {
    /// Whether duplicates were recognised (no `--no-dedup`).
    pub dedup: bool,
    /// The formats written besides JSONL (`--format`), by name, sorted.
    pub formats: Vec<String>,
}

impl std::fmt::Display for RunOptions {
    /// The options as they are written on the command line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.dedup, self.formats.is_empty()) {
            (true, true) => write!(f, "neither --no-dedup nor --format"),
            (false, true) => write!(f, "--no-dedup"),
            (true, false) => write!(f, "--format {}", self.formats.join(",")),
            (false, false) => write!(f, "--no-dedup --format {}", self.formats.join(",")),
        }
    }
}

/// One line of the journal: written with borrowed entries (`E` = `&JournalEntry`, so that no
/// fingerprint is copied to be written), read whole by the dedup index and as a
/// [`CheckpointHead`] by every other read.
#[derive(Debug, Serialize, Deserialize)]
struct Checkpoint<E = JournalEntry> {
    entries: Vec<E>,
    sizes: BTreeMap<String, u64>,
    /// The run's options (absent in journals written before they were recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    options: Option<RunOptions>,
}

/// A checkpoint without the fingerprints of its entries, which are most of a journal's bytes (a
/// sketch is 1 KB an article): they are skipped unread.
type CheckpointHead = Checkpoint<EntryHead>;

/// A [`JournalEntry`] without its fingerprint.
type EntryHead = JournalEntry<IgnoredAny>;

/// Why an earlier run cannot be resumed.
#[derive(Debug, thiserror::Error)]
pub enum ResumeError {
    /// A file could not be read, cut back or written.
    #[error("cannot resume in {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The list of finished inputs could not be kept.
    #[error(transparent)]
    Spill(#[from] SpillError),
    /// An output file is shorter than the last checkpoint says: it was changed by something else.
    #[error("cannot resume: {path} has {actual} bytes but the journal recorded {expected}")]
    Shorter {
        /// The file.
        path: PathBuf,
        /// Size at the last checkpoint.
        expected: u64,
        /// Size now.
        actual: u64,
    },
    /// The run to resume had other options, so the two runs' outputs would not match.
    #[error("cannot resume: the interrupted run had {then}, this one has {now}; resume with the same options, or start afresh without --resume")]
    OtherOptions {
        /// The options of the interrupted run.
        then: RunOptions,
        /// The options given now.
        now: RunOptions,
    },
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> ResumeError + '_ {
    move |source| ResumeError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// An open journal: appends checkpoints, and on resume knows what was done.
pub struct Journal {
    dir: PathBuf,
    path: PathBuf,
    file: File,
    /// The inputs earlier runs finished (on resume).
    done: Option<Done>,
    resumed: bool,
    /// Written into every checkpoint.
    options: RunOptions,
}

/// The inputs earlier runs finished, in a [`Spill`] database so that resuming a large run does
/// not hold them all in memory: id → hash of their bytes, and whether dedup found them a near
/// duplicate (left out of the rebuilt corpus state).
pub struct Done {
    db: Spill,
}

impl Done {
    /// Whether an earlier run finished the input `id`.
    pub fn contains(&self, id: &str) -> Result<bool, SpillError> {
        Ok(self.lookup(id)?.is_some())
    }

    fn new() -> Result<Done, SpillError> {
        let schema =
            "CREATE TABLE done (id TEXT PRIMARY KEY, hash INTEGER, near INTEGER NOT NULL, original TEXT) WITHOUT ROWID;";
        Ok(Done {
            db: Spill::open(Ids::Pushed, schema)?,
        })
    }

    /// Records a finished input; a later entry for the same id replaces an earlier one.
    fn insert(&mut self, entry: &EntryHead) -> Result<(), SpillError> {
        let near = entry.duplicate == Some(DuplicateKind::Near);
        let hash = entry.hash.map(|h| h as i64);
        self.db
            .conn()
            .prepare_cached("INSERT OR REPLACE INTO done (id, hash, near, original) VALUES (?1, ?2, ?3, ?4)")
            .and_then(|mut s| s.execute((&entry.id, hash, near, &entry.duplicate_of)))
            .map_err(spill::failed("remember a finished input"))?;
        Ok(())
    }

    /// `None` when the input was not finished; otherwise the hash of its bytes then (`None` when
    /// fetching failed) and whether it was a near duplicate.
    fn lookup(&self, id: &str) -> Result<Option<(Option<u64>, bool)>, SpillError> {
        self.db
            .conn()
            .prepare_cached("SELECT hash, near FROM done WHERE id = ?1")
            .and_then(|mut s| {
                s.query_row([id], |row| {
                    Ok((row.get::<_, Option<i64>>(0)?.map(|h| h as u64), row.get(1)?))
                })
                .optional()
            })
            .map_err(spill::failed("look up a finished input"))
    }

    /// The hash an earlier run recorded for the input `id`, if it finished it.
    pub(crate) fn get(&self, id: &str) -> Result<Option<Option<u64>>, SpillError> {
        Ok(self.lookup(id)?.map(|(hash, _)| hash))
    }

    /// `None` when the input is no near duplicate; otherwise the original it copies, when the
    /// journal recorded it.
    fn near_duplicate_of(&self, id: &str) -> Result<Option<Option<String>>, SpillError> {
        let found: Option<(bool, Option<String>)> = self
            .db
            .conn()
            .prepare_cached("SELECT near, original FROM done WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |row| Ok((row.get(0)?, row.get(1)?))).optional())
            .map_err(spill::failed("look up the original of a copy"))?;
        Ok(found.and_then(|(near, original)| near.then_some(original)))
    }
}

impl Journal {
    /// Starts a fresh journal in `dir` (for a run that starts from scratch with `options`).
    pub fn start(dir: &Path, options: RunOptions) -> Result<Journal, ResumeError> {
        let path = dir.join(JOURNAL_FILE);
        let file = File::create(&path).map_err(io_error(&path))?;
        Ok(Journal::empty(dir, path, file, false, options))
    }

    /// A journal with nothing done yet, writing to `file`.
    fn empty(dir: &Path, path: PathBuf, file: File, resumed: bool, options: RunOptions) -> Journal {
        Journal {
            dir: dir.to_path_buf(),
            path,
            file,
            done: None,
            resumed,
            options,
        }
    }

    /// Reopens the journal in `dir` and cuts every output file back to its last checkpoint.
    /// With no journal there, this is a fresh start with empty files. A journal written with
    /// other `options` is refused before anything is changed.
    pub fn resume(dir: &Path, options: RunOptions) -> Result<Journal, ResumeError> {
        std::fs::create_dir_all(dir).map_err(io_error(dir))?;
        let path = dir.join(JOURNAL_FILE);
        // One reading gives the options, the sizes to cut back to and the inputs done.
        let (mut then, mut last_sizes, mut done) = (None, BTreeMap::new(), Done::new()?);
        let valid_len = for_each_checkpoint(&path, io_error(&path), |c: CheckpointHead| {
            then = c.options.or(then.take());
            last_sizes = c.sizes;
            c.entries.iter().try_for_each(|e| done.insert(e))
        })?;
        refuse_other_options(then, &options)?;
        for name in JSONL_FILES {
            cut_back(&dir.join(name), last_sizes.get(name).copied().unwrap_or(0))?;
        }
        cut_back(&path, valid_len)?;
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(io_error(&path))?;
        let mut journal = Journal::empty(dir, path, file, true, options);
        journal.done = Some(done);
        Ok(journal)
    }

    /// The inputs earlier runs finished, when resuming: so that pages an earlier run fetched are
    /// not asked for again.
    pub fn done(&self) -> Option<&Done> {
        self.done.as_ref()
    }

    /// The inputs earlier runs finished, when resuming.
    pub(crate) fn take_done(&mut self) -> Option<Done> {
        self.done.take()
    }

    /// Teaches the dedup index the articles of earlier runs, in their order (read from the
    /// journal again, a checkpoint at a time).
    pub(crate) fn restore_index(&mut self, index: &mut dedup::Index) -> Result<(), ExportError> {
        let restore = |c: Checkpoint| {
            for entry in c.entries {
                if let (Some(fp), false) = (entry.fingerprint, entry.duplicate == Some(DuplicateKind::Exact)) {
                    index.restore(&entry.id, &fp, entry.duplicate == Some(DuplicateKind::Near))?;
                }
            }
            Ok(())
        };
        let io = |source| ExportError::Read {
            path: self.path.clone(),
            source,
        };
        let read = for_each_checkpoint(&self.path, io, restore)?;
        // Resuming cut the journal after its last line whose sizes and ids read; a line whose
        // fingerprints do not read ends this reading sooner, and the index would lack every
        // original after it.
        let whole = std::fs::metadata(&self.path).map_err(io)?.len();
        if read < whole {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "cannot resume: a dedup fingerprint after byte {read} of the journal cannot be read; \
                     run again without --resume"
                ),
            )));
        }
        Ok(())
    }

    /// Rebuilds the corpus-level state from the articles earlier runs wrote, by extracting their
    /// stored texts again (nothing is written for them), and returns the inputs they failed.
    pub(crate) fn rebuild_corpus(
        &mut self,
        settings: &Settings,
        corpus: &mut Corpus,
    ) -> Result<EarlierFailures, ExportError> {
        let mut failures = EarlierFailures::default();
        if !self.resumed {
            return Ok(failures);
        }
        let path = self.dir.join("articles.jsonl");
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(failures),
            Err(source) => return Err(ExportError::Io { path, source }),
        };
        let mut lines = BufReader::new(file).lines();
        loop {
            let chunk: Vec<String> =
                lines
                    .by_ref()
                    .take(CHUNK)
                    .collect::<Result<_, _>>()
                    .map_err(|source| ExportError::Io {
                        path: path.clone(),
                        source,
                    })?;
            if chunk.is_empty() {
                return Ok(failures);
            }
            let rows: Vec<ArticleRow> = chunk
                .into_par_iter()
                .filter_map(|line| serde_json::from_str::<ArticleRow>(&line).ok())
                .collect();
            // Each article with the original it copies, if it is a syndicated copy (a copy whose
            // original an older journal did not record is left out, as it was then).
            let mut articles = Vec::with_capacity(rows.len());
            for row in rows {
                if let Some(error) = &row.error {
                    failures.note(&row.id, error);
                    continue;
                }
                let copy_of = match &self.done {
                    Some(done) => done.near_duplicate_of(&row.id)?,
                    None => None,
                };
                match copy_of {
                    None => articles.push((row, None)),
                    Some(Some(original)) => articles.push((row, Some(original))),
                    Some(None) => {}
                }
            }
            let records: Vec<_> = articles
                .into_par_iter()
                .map(|(row, copy_of)| (extract_check_and_rows(article_of(row), settings), copy_of))
                .collect();
            // The rows the run wrote for these articles, made once as the run made them.
            for ((record, _, rows), copy_of) in &records {
                match (record.failure.is_none(), copy_of) {
                    (false, _) => {}
                    (true, None) => corpus.add_figures(rows)?,
                    (true, Some(original)) => corpus.add_copy_figures(rows, original)?,
                }
            }
        }
    }

    /// Appends one checkpoint: the entries just written and the sizes of the flushed files.
    pub(crate) fn commit<'e>(&mut self, entries: impl Iterator<Item = &'e JournalEntry>) -> Result<(), ExportError> {
        let entries: Vec<&JournalEntry> = entries.collect();
        if entries.is_empty() {
            return Ok(());
        }
        let mut sizes = BTreeMap::new();
        for name in JSONL_FILES {
            let path = self.dir.join(name);
            let len = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            sizes.insert(name.to_owned(), len);
        }
        let checkpoint = Checkpoint {
            entries,
            sizes,
            options: Some(self.options.clone()),
        };
        let mut line = serde_json::to_vec(&checkpoint).expect("checkpoints serialise");
        line.push(b'\n');
        // One write of the whole line: a kill leaves at worst a torn last line, skipped on resume.
        self.file.write_all(&line).map_err(|source| ExportError::Io {
            path: self.path.clone(),
            source,
        })
    }
}

/// The refusal of a resume whose journal recorded other options (`then`; `None` in journals
/// written before options were recorded).
fn refuse_other_options(then: Option<RunOptions>, options: &RunOptions) -> Result<(), ResumeError> {
    match then {
        Some(then) if then != *options => Err(ResumeError::OtherOptions {
            then,
            now: options.clone(),
        }),
        _ => Ok(()),
    }
}

/// The inputs earlier runs recorded as failed, for the summary and exit code of a resumed run.
#[derive(Debug, Default)]
pub(crate) struct EarlierFailures {
    /// How many, as a live run counts them: those skipped on purpose included.
    pub count: usize,
    /// Of those, the ones skipped on purpose (robots.txt, content type, size): no failures of the
    /// run for its exit code.
    pub skipped: usize,
    /// The first of them, with why (at most [`FAILURES_NAMED`]).
    pub first: Vec<(String, String)>,
}

impl EarlierFailures {
    /// Notes an input whose row says it failed with `error`.
    fn note(&mut self, id: &str, error: &str) {
        self.count += 1;
        self.skipped += usize::from(was_skipped(error));
        if self.first.len() < FAILURES_NAMED {
            self.first.push((id.to_owned(), error.to_owned()));
        }
    }
}

/// Whether an `articles.jsonl` error is that of a page or record skipped on purpose: a failure
/// of the fetch stage (`Failure`'s "stage: reason") that `WebFailure` calls "skipped: why".
fn was_skipped(error: &str) -> bool {
    error.starts_with("fetch: skipped: ")
}

/// The article an `articles.jsonl` row was made from, as far as extraction needs it.
fn article_of(row: ArticleRow) -> Article {
    let mut article = Article {
        id: row.id,
        source: row.source,
        title: row.title,
        published: row.published,
        publisher: row.publisher,
        ..Article::default()
    };
    article.set_paragraphs(row.text.split("\n\n"));
    article
}

/// Feeds the complete checkpoints at the start of the journal to `each`, one at a time, and
/// returns the length of their lines: what follows (a torn line) is not part of the journal.
/// Reading errors are made into the caller's error type by `io`.
fn for_each_checkpoint<C: serde::de::DeserializeOwned, E: From<SpillError>>(
    path: &Path,
    io: impl Fn(std::io::Error) -> E,
    mut each: impl FnMut(C) -> Result<(), SpillError>,
) -> Result<u64, E> {
    let mut reader = match File::open(path) {
        Ok(f) => BufReader::new(f),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(io(e)),
    };
    let mut line = Vec::new();
    let mut valid = 0;
    loop {
        line.clear();
        reader.read_until(b'\n', &mut line).map_err(&io)?;
        if !line.ends_with(b"\n") {
            return Ok(valid);
        }
        match serde_json::from_slice::<C>(&line) {
            Ok(c) => each(c)?,
            Err(_) => return Ok(valid),
        }
        valid += line.len() as u64;
    }
}

/// Cuts a file back to `len` bytes (creating nothing when it does not exist and `len` is 0).
fn cut_back(path: &Path, len: u64) -> Result<(), ResumeError> {
    let actual = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && len == 0 => return Ok(()),
        Err(e) => return Err(io_error(path)(e)),
    };
    if actual < len {
        return Err(ResumeError::Shorter {
            path: path.to_path_buf(),
            expected: len,
            actual,
        });
    }
    if actual > len {
        let file = OpenOptions::new().write(true).open(path).map_err(io_error(path))?;
        file.set_len(len).map_err(io_error(path))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_torn_last_line_and_rows_after_the_checkpoint_are_cut() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(
            d.join("articles.jsonl"),
            "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"",
        )
        .unwrap();
        std::fs::write(d.join("figures.jsonl"), "{\"article\":\"a\"}\n{\"article\":\"b\"}\n").unwrap();
        let mut sizes = BTreeMap::new();
        sizes.insert("articles.jsonl".to_owned(), 11);
        sizes.insert("figures.jsonl".to_owned(), 16);
        let checkpoint = Checkpoint {
            entries: vec![JournalEntry::new("a".into(), Some(7), None)],
            sizes,
            options: None,
        };
        let mut journal = serde_json::to_string(&checkpoint).unwrap();
        journal.push_str("\n{\"entries\":[{\"id\":\"b\"");
        std::fs::write(d.join(JOURNAL_FILE), journal).unwrap();

        let mut j = Journal::resume(d, RunOptions::default()).unwrap();
        assert_eq!(
            std::fs::read_to_string(d.join("articles.jsonl")).unwrap(),
            "{\"id\":\"a\"}\n"
        );
        assert_eq!(
            std::fs::read_to_string(d.join("figures.jsonl")).unwrap(),
            "{\"article\":\"a\"}\n"
        );
        assert!(std::fs::read_to_string(d.join(JOURNAL_FILE)).unwrap().ends_with("}\n"));
        assert_eq!(j.take_done().unwrap().get("a").unwrap(), Some(Some(7)));
    }

    #[test]
    fn a_file_shorter_than_its_checkpoint_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("articles.jsonl"), "{}\n").unwrap();
        let mut sizes = BTreeMap::new();
        sizes.insert("articles.jsonl".to_owned(), 100);
        let line = serde_json::to_string(&Checkpoint {
            entries: vec![JournalEntry::new("a".into(), None, None)],
            sizes,
            options: None,
        })
        .unwrap();
        std::fs::write(d.join(JOURNAL_FILE), line + "\n").unwrap();
        assert!(matches!(
            Journal::resume(d, RunOptions::default()),
            Err(ResumeError::Shorter { expected: 100, .. })
        ));
    }

    #[test]
    fn a_fingerprint_that_cannot_be_read_stops_the_resume() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let article = crate::read::Article {
            id: "a".into(),
            text: "Google received 100 requests in 2014, the company said.".into(),
            ..Default::default()
        };
        let line = |sketch_digits: Option<&str>| {
            let mut json = serde_json::to_string(&Checkpoint {
                entries: vec![JournalEntry::new(
                    "a".into(),
                    Some(7),
                    Some(dedup::fingerprint(&article)),
                )],
                sizes: BTreeMap::new(),
                options: None,
            })
            .unwrap();
            if let Some(digits) = sketch_digits {
                json = json.replace("\"sketch\":\"", &format!("\"sketch\":\"{digits}"));
            }
            json + "\n"
        };
        // The second line's sketch is one digit too long: its sizes and ids read, its
        // fingerprint does not.
        std::fs::write(d.join(JOURNAL_FILE), line(None) + &line(Some("0"))).unwrap();
        let mut journal = Journal::resume(d, RunOptions::default()).unwrap();
        let err = journal.restore_index(&mut dedup::Index::new().unwrap()).unwrap_err();
        let err = err.to_string();
        assert!(err.starts_with("cannot read "), "{err}");
        assert!(
            err.contains("a dedup fingerprint after byte") && err.contains("cannot be read"),
            "{err}"
        );
        // Whole, the same journal restores.
        std::fs::write(d.join(JOURNAL_FILE), line(None) + &line(None)).unwrap();
        let mut journal = Journal::resume(d, RunOptions::default()).unwrap();
        journal.restore_index(&mut dedup::Index::new().unwrap()).unwrap();
    }
}
