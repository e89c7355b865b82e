//! Batch: runs fetch → read → extract → reconcile over many inputs and feeds the results, in
//! input order, to a [`Sink`].
//!
//! The pipeline streams through bounded queues:
//!
//! ```text
//! feeding thread: sources ─▶ caller thread: chunks ─▶ [≤ IN_FLIGHT chunks] ─▶ reading thread: fetch + read + fingerprint
//!                                                           (parallel), then dedup verdicts (in order)
//!                                                             │
//!                                                             ▼
//!                                                          extracting thread: extract + check (parallel)
//! caller thread: sink + corpus state ◀── results, in input order ◀┘   then checkpoint + progress
//! ```
//!
//! At most [`IN_FLIGHT`] chunks of [`CHUNK`] inputs exist at any time, and the state kept to the
//! end (the dedup index, the corpus state) lives in [`crate::spill`] databases, so memory does not
//! grow with the corpus. Output is byte-identical whatever the number of threads. One bad input
//! never stops the batch: it becomes a record with its failure. Only a failing sink or spill
//! database is fatal.

pub mod journal;
pub mod progress;

pub use journal::{Done, Journal, JournalEntry, ResumeError, RunOptions};
pub use progress::{Progress, Reporter};

use crate::dedup::{self, DuplicateKind, DuplicateRow};
use crate::export::rows::FigureRow;
use crate::export::{ExportError, Sink};
use crate::extract::{extract_until, Deadline, GaveUp, OverBudget};
use crate::fetch::{fetch_owned, Document, FetchError, Source};
use crate::read::{read, read_until, Article};
use crate::reconcile::{check_article_until, check_with_rows_until, Corpus, Finding, Rule};
use crate::record::{Record, Stage};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How many inputs travel together through the pipeline (and between two checkpoints). The
/// records in flight are most of a run's memory: with 256, the peak was 7 MB higher at 10,000
/// articles and 11 MB at 100,000 (the allocator's pages filling up), some 20% growth between
/// the two against some 10% with 128, for the same time.
pub const CHUNK: usize = 128;
/// How many chunks may be queued or in work at once: the bound on the pipeline's memory.
pub const IN_FLIGHT: usize = 3;
/// The most bytes of bodies a chunk carries in (pages fetched ahead, map input lines): a chunk
/// ends once its bodies reach this (and one body more), not at 128 pages of up to 64 MiB each;
/// a local file is read in the pipeline and carries nothing. A page's text and figure rows cost
/// a few times its body until written: 3,000 loopback pages of 300 KB peaked at 605 MB in chunks
/// of 128, 587 MB cut at 32 MiB, 310 MB cut at 8 MiB (some 28 pages), in no more time.
const CHUNK_BYTES: usize = 8 * 1024 * 1024;
/// How often the progress display is told how the run goes while a chunk is awaited.
const PROGRESS_TICK: Duration = Duration::from_secs(1);
/// The longest a chunk waits for more inputs before it goes into the pipeline: a slow source
/// (pages fetched politely, one a second per host) would otherwise hold back the output, and a
/// stop request, for the 128 inputs of a chunk. Local files fill a chunk far sooner.
const CHUNK_WAIT: Duration = Duration::from_secs(1);

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The longest one document's work after reading (extraction, then the checks and figure
    /// rows) may take before the document is recorded as failed.
    pub budget: Duration,
    /// Whether duplicates are recognised (see [`crate::dedup`]). Off for the map step, where a
    /// partition sees only part of the corpus.
    pub dedup: bool,
    /// Set (by a Ctrl-C handler) to stop taking new inputs; the run then flushes what is done.
    pub stop: Option<Arc<AtomicBool>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            budget: Duration::from_secs(30),
            dedup: false,
            stop: None,
        }
    }
}

/// What a run did, for the summary line and the exit code.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    /// Inputs seen (articles read plus inputs that failed), duplicates and resumed ones excluded.
    pub inputs: usize,
    /// Inputs read into articles.
    pub articles: usize,
    /// Inputs that failed, with their reasons in `articles.jsonl`.
    pub failed: usize,
    /// Figures extracted.
    pub figures: usize,
    /// Quotes extracted.
    pub quotes: usize,
    /// Findings by rule name.
    pub findings: BTreeMap<&'static str, usize>,
    /// Exact duplicates, skipped.
    pub duplicates: usize,
    /// Near duplicates, processed and linked to their original.
    pub near_duplicates: usize,
    /// Of the findings, those in near duplicates: mostly their originals' again.
    pub near_duplicate_findings: usize,
    /// Inputs done by an earlier run and skipped on `--resume`.
    pub resumed: usize,
    /// Of those, the ones whose bytes changed since (or which failed one time and not the
    /// other): kept as the earlier run read them, so that each input has one set of rows.
    pub changed: usize,
    /// Inputs an earlier run recorded as failed, on `--resume`, counted as [`Summary::failed`]
    /// counts them (those skipped on purpose included).
    pub earlier_failed: usize,
    /// Of those, the ones skipped on purpose (robots.txt, content type, size), which do not make
    /// the exit code 1.
    pub earlier_skipped: usize,
    /// Whether the run was stopped before the end (Ctrl-C or SIGTERM); the corpus pass did not
    /// run.
    pub interrupted: bool,
    /// The first inputs that failed, in input order, with why (at most [`FAILURES_NAMED`]): the
    /// summary names them, so that a user sees what went wrong without reading articles.jsonl.
    pub first_failures: Vec<(String, String)>,
}

/// How many failed inputs a [`Summary`] names: enough to show what went wrong, few enough for a
/// summary line (a run over a folder of images would fail on every file).
pub const FAILURES_NAMED: usize = 5;

impl Summary {
    /// All findings, whatever the rule.
    pub fn total_findings(&self) -> usize {
        self.findings.values().sum()
    }

    /// Inputs handled so far, whatever became of them (for progress).
    pub fn handled(&self) -> usize {
        self.inputs + self.duplicates + self.resumed
    }

    fn count(&mut self, record: &Record, findings: &[Finding]) {
        self.inputs += 1;
        if let Some(failure) = &record.failure {
            self.failed += 1;
            if self.first_failures.len() < FAILURES_NAMED {
                self.first_failures
                    .push((record.article.id.clone(), failure.to_string()));
            }
        } else {
            self.articles += 1;
        }
        self.figures += record.extraction.figures.len();
        self.quotes += record.extraction.quotes.len();
        self.count_findings(findings);
    }

    fn count_findings(&mut self, findings: &[Finding]) {
        for f in findings {
            *self.findings.entry(Rule::name(f.rule)).or_default() += 1;
        }
    }
}

/// Optional companions of a run: a journal for `--resume`, and a progress display.
#[derive(Default)]
pub struct Hooks<'a> {
    /// Where checkpoints go; with a resumed journal, inputs it lists as done are skipped.
    pub journal: Option<&'a mut Journal>,
    /// Told after every chunk.
    pub progress: Option<&'a mut dyn Progress>,
}

/// Processes every source with the default [`Settings`] and writes the results to `sink`.
pub fn run(
    sources: impl Iterator<Item = Result<Source, FetchError>> + Send,
    sink: &mut dyn Sink,
) -> Result<Summary, ExportError> {
    run_with(sources, &Settings::default(), sink)
}

/// Processes every source and writes the results to `sink`.
pub fn run_with(
    sources: impl Iterator<Item = Result<Source, FetchError>> + Send,
    settings: &Settings,
    sink: &mut dyn Sink,
) -> Result<Summary, ExportError> {
    run_hooked(sources, settings, sink, Hooks::default())
}

/// What happened to one input in the worker.
enum Outcome {
    /// Processed: its record, figure rows and findings, and the original it is a near duplicate of.
    Done(Box<Record>, Vec<FigureRow>, Vec<Finding>, Option<DuplicateRow>),
    /// An exact duplicate, not processed.
    Duplicate(DuplicateRow),
    /// Done by an earlier run (resume); `changed` when its bytes are not those it had then.
    Resumed { changed: bool },
}

/// One input's result with what the journal keeps of it.
struct Processed {
    outcome: Outcome,
    entry: JournalEntry,
}

/// State the reading stage needs besides the inputs: resume knowledge and the dedup index.
struct Worker {
    done: Option<journal::Done>,
    index: Option<dedup::Index>,
    /// How long reading one document may take ([`Settings::budget`]).
    budget: Duration,
}

/// Processes every source, writing results to `sink`, checkpointing into the journal and
/// reporting progress as it goes. The sources are taken on a thread of their own, so that one
/// slow to come (a page of a slow server, a long Crawl-delay) holds back neither the writing of
/// the inputs before it, nor the progress display, nor a stop (a source that can be slow should
/// end once [`Settings::stop`] is set, as [`crate::fetch::Ordered::stop_when`] does).
pub fn run_hooked(
    sources: impl Iterator<Item = Result<Source, FetchError>> + Send,
    settings: &Settings,
    sink: &mut dyn Sink,
    mut hooks: Hooks<'_>,
) -> Result<Summary, ExportError> {
    let mut summary = Summary::default();
    let mut corpus = Corpus::new()?;
    let mut worker = Worker {
        done: None,
        index: settings.dedup.then(dedup::Index::new).transpose()?,
        budget: settings.budget,
    };
    if let Some(journal) = hooks.journal.as_deref_mut() {
        // The index first: a journal it refuses is refused before the articles are read again.
        if let Some(index) = worker.index.as_mut() {
            journal.restore_index(index)?;
        }
        let earlier = journal.rebuild_corpus(settings, &mut corpus)?;
        summary.earlier_failed = earlier.count;
        summary.earlier_skipped = earlier.skipped;
        // Earlier inputs come first in input order.
        summary.first_failures = earlier.first;
        worker.done = journal.take_done();
    }
    let stopped = || settings.stop.as_ref().is_some_and(|s| s.load(Ordering::SeqCst));
    let (to_worker, work) = mpsc::channel::<Vec<Result<Source, FetchError>>>();
    let (to_writer, results) = mpsc::channel::<Result<Vec<Processed>, ExportError>>();
    std::thread::scope(|scope| {
        // Two stages, so that the dedup verdicts (in order, one thread) of one chunk overlap the
        // extraction of the one before.
        let (to_extractor, read) = mpsc::channel::<Result<Vec<Verdict>, ExportError>>();
        scope.spawn(move || {
            for chunk in work {
                if to_extractor.send(worker.read_chunk(chunk)).is_err() {
                    break;
                }
            }
        });
        scope.spawn(move || {
            for chunk in read {
                if to_writer.send(chunk.map(|c| extract_chunk(c, settings))).is_err() {
                    break;
                }
            }
        });
        let mut feed = Feed::start(scope, sources, (CHUNK, carried_bytes), settings.stop.clone());
        let mut in_flight = 0;
        loop {
            while in_flight < IN_FLIGHT && !stopped() {
                let Some(chunk) = next_chunk(&mut feed, stopped) else {
                    break;
                };
                to_worker.send(chunk).expect("the worker lives as long as the queue");
                in_flight += 1;
            }
            if in_flight == 0 {
                // Done once the feeding thread has ended: the sources ran out or stopped (or it
                // panicked, and the scope's end raises the panic here).
                if feed.closed || stopped() {
                    break;
                }
                // Nothing in work, and the next input is slow to come: the run is alive.
                if let Some(progress) = hooks.progress.as_deref_mut() {
                    progress.update(&summary);
                }
                continue;
            }
            // A failed dedup index ends the run like a failed sink; dropping the queue stops the
            // worker. The progress display is told while a slow chunk (huge pages, a slow
            // server) is awaited, so that a log shows the run is alive.
            let chunk = loop {
                match results.recv_timeout(PROGRESS_TICK) {
                    Ok(chunk) => break chunk,
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        if let Some(progress) = hooks.progress.as_deref_mut() {
                            progress.update(&summary);
                        }
                    }
                    Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the worker answers every chunk"),
                }
            }?;
            in_flight -= 1;
            write_chunk(&chunk, sink, &mut corpus, &mut summary)?;
            if let Some(journal) = hooks.journal.as_deref_mut() {
                let fresh = chunk.iter().filter(|p| !matches!(p.outcome, Outcome::Resumed { .. }));
                journal.commit(fresh.map(|p| &p.entry))?;
            }
            if let Some(progress) = hooks.progress.as_deref_mut() {
                progress.update(&summary);
            }
        }
        drop(to_worker);
        // A stop request once the sources ran out and their last input was taken leaves
        // nothing undone.
        summary.interrupted = stopped() && !feed.ended();
        Ok::<(), ExportError>(())
    })?;
    if !summary.interrupted {
        // Key by key, so the corpus-level findings (which list every article involved) are
        // never all in memory at once.
        for part in corpus.into_parts()? {
            let part = part?;
            summary.count_findings(&part.findings);
            sink.corpus(&part)?;
        }
    }
    sink.finish()?;
    if let Some(progress) = hooks.progress {
        progress.finish(&summary);
    }
    Ok(summary)
}

/// The next inputs: [`CHUNK`] of them, fewer when the bodies they carry (as the feed counts them)
/// reach [`CHUNK_BYTES`], or [`CHUNK_WAIT`] has passed since the first one came, or a stop was
/// asked for, or there are no more. `None` when no input came within [`PROGRESS_TICK`] (or there
/// are no more).
fn next_chunk<T: Send>(feed: &mut Feed<T>, stopped: impl Fn() -> bool) -> Option<Vec<T>> {
    let (first, mut carried) = feed.next_within(PROGRESS_TICK)?;
    // The clock starts when the first input has come: a slow source still fills a chunk with
    // what a second brings, not one input each.
    let started = Instant::now();
    let mut chunk = Vec::with_capacity(CHUNK);
    chunk.push(first);
    while chunk.len() < CHUNK && carried < CHUNK_BYTES && !stopped() {
        let Some(left) = CHUNK_WAIT.checked_sub(started.elapsed()) else {
            break;
        };
        match feed.next_within(left) {
            Some((source, bytes)) => {
                carried += bytes;
                chunk.push(source);
            }
            None => break,
        }
    }
    Some(chunk)
}

/// The sources, taken one after another on a thread of their own and handed over through a
/// bounded queue, so that the caller can wait for the next one for a while only. The queue holds
/// at most `ahead` sources and about [`CHUNK_BYTES`] of the bodies they carry (pages fetched
/// ahead), so that it adds at most a chunk's worth to the pipeline's memory.
struct Feed<T> {
    inputs: mpsc::Receiver<(T, usize)>,
    /// The bytes of body queued, and the feeding thread waiting for room.
    queued: Arc<(std::sync::Mutex<usize>, std::sync::Condvar)>,
    /// A source taken from the queue by [`Feed::ended`], handed over next.
    taken: Option<(T, usize)>,
    /// Set by the feeding thread once the sources ran out (not when they ended at a stop).
    ran_out: Arc<AtomicBool>,
    /// The queue is closed: the feeding thread is done.
    closed: bool,
}

impl<T: Send> Feed<T> {
    /// Starts taking `sources` on a thread of `scope`, at most `ahead` of them waiting. Sources
    /// that end once `stop` is set did not run out.
    fn start<'scope, 'env, I>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        sources: I,
        (ahead, bytes): (usize, fn(&T) -> usize),
        stop: Option<Arc<AtomicBool>>,
    ) -> Feed<T>
    where
        I: Iterator<Item = T> + Send + 'scope,
        T: 'scope,
    {
        let (to_caller, inputs) = mpsc::sync_channel(ahead);
        let ran_out = Arc::new(AtomicBool::new(false));
        let told = ran_out.clone();
        let queued = Arc::new((std::sync::Mutex::new(0), std::sync::Condvar::new()));
        let room = queued.clone();
        scope.spawn(move || {
            for source in sources {
                let size = bytes(&source);
                {
                    let (held, freed) = &*room;
                    let mut held = held.lock().unwrap_or_else(|p| p.into_inner());
                    // (the wait is cut short now and then: the caller may have gone)
                    while *held >= CHUNK_BYTES {
                        held = freed
                            .wait_timeout(held, PROGRESS_TICK)
                            .unwrap_or_else(|p| p.into_inner())
                            .0;
                        if Arc::strong_count(&room) == 1 {
                            return;
                        }
                    }
                    *held += size;
                }
                if to_caller.send((source, size)).is_err() {
                    return;
                }
            }
            let stopped = stop.is_some_and(|s| s.load(Ordering::SeqCst));
            told.store(!stopped, Ordering::SeqCst);
        });
        Feed {
            inputs,
            queued,
            taken: None,
            ran_out,
            closed: false,
        }
    }

    /// The next source, with the bytes of body it carries, if one comes within `wait`.
    fn next_within(&mut self, wait: Duration) -> Option<(T, usize)> {
        if let Some(taken) = self.taken.take() {
            return Some(self.handed_over(taken));
        }
        if self.closed {
            return None;
        }
        match self.inputs.recv_timeout(wait) {
            Ok(taken) => Some(self.handed_over(taken)),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                self.closed = true;
                None
            }
        }
    }

    /// Frees the room a source held in the queue; the source with the bytes it carries.
    fn handed_over(&self, (source, size): (T, usize)) -> (T, usize) {
        let (held, freed) = &*self.queued;
        *held.lock().unwrap_or_else(|p| p.into_inner()) -= size;
        freed.notify_one();
        (source, size)
    }

    /// Whether every source was taken: the sources ran out and none is left in the queue. (A
    /// source that ended early, at a stop, did not run out.)
    fn ended(&mut self) -> bool {
        if self.taken.is_none() && !self.closed {
            match self.inputs.try_recv() {
                Ok(source) => self.taken = Some(source),
                Err(mpsc::TryRecvError::Disconnected) => self.closed = true,
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
        self.taken.is_none() && self.closed && self.ran_out.load(Ordering::SeqCst)
    }
}

/// The bytes of body an input carries into the pipeline: a page fetched ahead or a map input
/// line has its body already; a local file is read later.
fn carried_bytes(source: &Result<Source, FetchError>) -> usize {
    match source {
        Ok(Source::Fetched(f)) => f.result.as_ref().map_or(0, |doc| doc.body.len()),
        Ok(Source::Inline(doc)) => doc.body.len(),
        Ok(Source::File(_)) | Err(_) => 0,
    }
}

/// Writes one chunk's results in order, then flushes so the checkpoint that follows is true.
fn write_chunk(
    chunk: &[Processed],
    sink: &mut dyn Sink,
    corpus: &mut Corpus,
    summary: &mut Summary,
) -> Result<(), ExportError> {
    for p in chunk {
        match &p.outcome {
            Outcome::Done(record, figures, findings, near) => {
                summary.count(record, findings);
                sink.record(record, figures, findings)?;
                match near {
                    // A syndicated copy keeps its own rows but is not counted again in the corpus;
                    // its figures are compared with its original's there. Its link follows its
                    // record: a sink that replaces a re-processed article's rows (SQLite) would
                    // delete a link written before.
                    Some(row) => {
                        sink.duplicate(row)?;
                        summary.near_duplicates += 1;
                        summary.near_duplicate_findings += findings.len();
                        if record.failure.is_none() {
                            corpus.add_copy_figures(figures, &row.duplicate_of)?;
                        }
                    }
                    None if record.failure.is_none() => corpus.add_figures(figures)?,
                    None => {}
                }
            }
            Outcome::Duplicate(row) => {
                sink.duplicate(row)?;
                summary.duplicates += 1;
            }
            Outcome::Resumed { changed } => {
                summary.resumed += 1;
                summary.changed += usize::from(*changed);
            }
        }
    }
    sink.flush()
}

/// A fetched and read input, before extraction.
enum Stage1 {
    Finished(Processed),
    Read { article: Box<Article>, entry: JournalEntry },
}

/// A read input with its dedup verdict: `Some` for a duplicate.
type Verdict = (Stage1, Option<DuplicateRow>);

impl Worker {
    /// Fetches and reads a chunk in parallel, then gives each article its dedup verdict in order.
    fn read_chunk(&mut self, chunk: Vec<Result<Source, FetchError>>) -> Result<Vec<Verdict>, ExportError> {
        let (dedup, budget) = (self.index.is_some(), self.budget);
        // What earlier runs finished, looked up here: the database is not shared between threads.
        let earlier: Vec<Option<Option<u64>>> = match &self.done {
            Some(done) => chunk.iter().map(|s| done.get(&input_id(s))).collect::<Result<_, _>>()?,
            None => vec![None; chunk.len()],
        };
        let stage1: Vec<Stage1> = chunk
            .into_par_iter()
            .zip(earlier)
            .map(|(source, earlier)| fetch_and_read(source, earlier, dedup, budget))
            .collect();
        stage1
            .into_iter()
            .map(|s| {
                let verdict = match (&s, self.index.as_mut()) {
                    (Stage1::Read { entry, .. }, Some(index)) => {
                        index.check(&entry.id, entry.fingerprint.as_ref().expect("fingerprinted"))?
                    }
                    _ => None,
                };
                Ok((s, verdict))
            })
            .collect()
    }
}

/// Extracts and checks the articles of a chunk in parallel; exact duplicates are not processed.
fn extract_chunk(chunk: Vec<Verdict>, settings: &Settings) -> Vec<Processed> {
    chunk
        .into_par_iter()
        .map(|(s, verdict)| match s {
            Stage1::Finished(p) => p,
            Stage1::Read { article, mut entry } => {
                entry.duplicate = verdict.as_ref().map(|d| d.kind);
                entry.duplicate_of = verdict.as_ref().map(|d| d.duplicate_of.clone());
                let outcome = match verdict {
                    Some(row) if row.kind == DuplicateKind::Exact => Outcome::Duplicate(row),
                    near => {
                        // The rows are built here, in parallel, once for every sink and the
                        // corpus pass.
                        let (record, findings, figures) = extract_check_and_rows(*article, settings);
                        Outcome::Done(Box::new(record), figures, findings, near)
                    }
                };
                Processed { outcome, entry }
            }
        })
        .collect()
}

/// Fetches and reads one input; skips it if an earlier run finished it (`earlier`: the hash of
/// the bytes it had then, `None` when it failed to fetch), noting whether its bytes changed since.
/// An input whose bytes changed is not done again: its rows from then would stay beside the new
/// ones, and the dedup index and corpus state already hold it as it was.
fn fetch_and_read(
    source: Result<Source, FetchError>,
    earlier: Option<Option<u64>>,
    dedup: bool,
    budget: Duration,
) -> Stage1 {
    let failed = |record: Record, hash: Option<u64>| {
        let entry = JournalEntry::new(record.article.id.clone(), hash, None);
        Stage1::Finished(Processed {
            outcome: Outcome::Done(Box::new(record), Vec::new(), Vec::new(), None),
            entry,
        })
    };
    let (id, location, doc) = match fetched(source) {
        Ok(fetched) => fetched,
        Err(record) => {
            return match earlier {
                Some(then) => resumed(record.article.id, then, then.is_some()),
                None => failed(*record, None),
            };
        }
    };
    let hash = dedup::fnv1a(&doc.body);
    if let Some(then) = earlier {
        return resumed(id, then, then != Some(hash));
    }
    // A bug in a reader must cost one article, not the batch.
    let read_and_fingerprint = catch_unwind(AssertUnwindSafe(|| {
        read_until(&doc, Deadline::after(budget)).map(|article| {
            let fingerprint = dedup.then(|| dedup::fingerprint(&article));
            (article, fingerprint)
        })
    }));
    match read_and_fingerprint {
        Ok(Ok((article, fingerprint))) => Stage1::Read {
            entry: JournalEntry::new(id, Some(hash), fingerprint),
            article: Box::new(article),
        },
        Ok(Err(e)) => failed(Record::failed(id, location, Stage::Read, e), Some(hash)),
        Err(panic) => failed(
            Record::failed(
                id,
                location,
                Stage::Read,
                format!("internal error: {}", panic_text(&*panic)),
            ),
            Some(hash),
        ),
    }
}

/// The message a panic carried.
fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "internal error".into())
}

fn resumed(id: String, hash: Option<u64>, changed: bool) -> Stage1 {
    Stage1::Finished(Processed {
        outcome: Outcome::Resumed { changed },
        entry: JournalEntry::new(id, hash, None),
    })
}

/// The id and location of an input that failed before it could be fetched.
fn names_of_failure(e: &FetchError) -> (String, String) {
    match e {
        FetchError::Walk { id, path, .. } => (id.clone(), path.display().to_string()),
        FetchError::Io { path, .. } => (path.display().to_string(), path.display().to_string()),
        FetchError::BadInput { id, .. } => (id.clone(), id.clone()),
        other => (other.to_string(), other.to_string()),
    }
}

/// The id an input's record gets, known before fetching it.
fn input_id(source: &Result<Source, FetchError>) -> String {
    match source {
        Ok(source) => source.id(),
        Err(e) => names_of_failure(e).0,
    }
}

/// The source's id, location and bytes, or the record of its failure.
fn fetched(source: Result<Source, FetchError>) -> Result<(String, String, Document), Box<Record>> {
    let source = source.map_err(|e| {
        let (id, location) = names_of_failure(&e);
        Box::new(Record::failed(id, location, Stage::Fetch, e))
    })?;
    let (id, location) = (source.id(), source.location());
    match fetch_owned(source) {
        Ok(doc) => Ok((id, location, doc)),
        Err(e) => Err(Box::new(Record::failed(id, location, Stage::Fetch, e))),
    }
}

/// Runs one input through every stage with the default [`Settings`].
pub fn process_one(source: Result<Source, FetchError>) -> (Record, Vec<Finding>) {
    process_with(source, &Settings::default())
}

/// Runs one input through every stage; never panics and always yields a record.
pub fn process_with(source: Result<Source, FetchError>, settings: &Settings) -> (Record, Vec<Finding>) {
    let (id, location, doc) = match fetched(source) {
        Ok(f) => f,
        Err(record) => return (*record, Vec::new()),
    };
    match read(&doc) {
        Ok(article) => extract_and_check(article, settings),
        Err(e) => (Record::failed(id, location, Stage::Read, e), Vec::new()),
    }
}

/// Extracts and checks one article. A bug in a recognizer costs one article, not the batch.
pub fn extract_and_check(article: Article, settings: &Settings) -> (Record, Vec<Finding>) {
    let check = |record: &Record, deadline| Ok((check_article_until(record, deadline)?, ()));
    let (record, (findings, ())) = guarded(article, settings, check);
    (record, findings)
}

/// Extracts and checks one article and makes its figure rows, from one view of it.
pub(crate) fn extract_check_and_rows(article: Article, settings: &Settings) -> (Record, Vec<Finding>, Vec<FigureRow>) {
    let (record, (findings, rows)) = guarded(article, settings, check_with_rows_until);
    (record, findings, rows)
}

/// Extracts one article and runs `then` on its record, all within the budget of
/// [`Settings::budget`]: one deadline, set now, for the extraction and then for `then`.
fn guarded<T: Default>(
    article: Article,
    settings: &Settings,
    then: impl FnOnce(&Record, Deadline) -> Result<(Vec<Finding>, T), OverBudget>,
) -> (Record, (Vec<Finding>, T)) {
    guarded_until(article, Deadline::after(settings.budget), then)
}

/// [`guarded`] with its deadline given. A bug in a recognizer or a rule, or work past the
/// deadline in either, costs one article (recorded as failed, with nothing else), not the batch.
fn guarded_until<T: Default>(
    article: Article,
    deadline: Deadline,
    then: impl FnOnce(&Record, Deadline) -> Result<(Vec<Finding>, T), OverBudget>,
) -> (Record, (Vec<Finding>, T)) {
    let (id, location) = (article.id.clone(), article.source.clone());
    match catch_unwind(AssertUnwindSafe(|| {
        let extraction = extract_until(&article, deadline)?;
        let record = Record {
            article,
            extraction,
            failure: None,
        };
        let done = then(&record, deadline)?;
        Ok::<_, GaveUp>((record, done))
    })) {
        Ok(Ok(done)) => done,
        Ok(Err(over)) => (Record::failed(id, location, Stage::Extract, over), Default::default()),
        Err(panic) => (
            Record::failed(
                id,
                location,
                Stage::Extract,
                format!("internal error: {}", panic_text(&*panic)),
            ),
            Default::default(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::DocFormat;
    use crate::reconcile::CorpusResult;

    /// Remembers what it was given, in order.
    #[derive(Default)]
    struct Collect {
        records: Vec<String>,
        duplicates: Vec<DuplicateRow>,
        corpus: bool,
        flushes: usize,
    }

    impl Sink for Collect {
        fn record(&mut self, record: &Record, _: &[FigureRow], _: &[Finding]) -> Result<(), ExportError> {
            self.records.push(record.article.id.clone());
            Ok(())
        }
        fn corpus(&mut self, _: &CorpusResult) -> Result<(), ExportError> {
            self.corpus = true;
            Ok(())
        }
        fn finish(&mut self) -> Result<(), ExportError> {
            Ok(())
        }
        fn duplicate(&mut self, row: &DuplicateRow) -> Result<(), ExportError> {
            self.duplicates.push(row.clone());
            Ok(())
        }
        fn flush(&mut self) -> Result<(), ExportError> {
            self.flushes += 1;
            Ok(())
        }
    }

    fn source(id: String, text: String) -> Result<Source, FetchError> {
        Ok(Source::Inline(Box::new(Document {
            location: id.clone(),
            id,
            url: None,
            body: text.into_bytes(),
            format: DocFormat::Body,
            charset: None,
            published: None,
        })))
    }

    fn sources(n: usize) -> impl Iterator<Item = Result<Source, FetchError>> {
        (0..n).map(|i| {
            let text = format!(
                "Report {i}: Microsoft received {} requests in {}.",
                1000 + i * 7,
                2000 + i % 20
            );
            source(format!("doc-{i:04}"), text)
        })
    }

    /// Inputs with their bodies in hand (pages fetched ahead) end a chunk once the bodies reach
    /// the byte limit; one body past it alone is a chunk; small inputs fill a chunk.
    #[test]
    fn a_chunk_ends_once_the_bodies_it_carries_reach_the_byte_limit() {
        const MIB: usize = 1024 * 1024;
        let body = |id: String, bytes: usize| source(id, "x".repeat(bytes));
        let first_chunk = |inputs: Box<dyn Iterator<Item = Result<Source, FetchError>> + Send>| {
            std::thread::scope(|scope| {
                let mut feed = Feed::start(scope, inputs, (CHUNK, carried_bytes), None);
                next_chunk(&mut feed, || false).map_or(0, |c| c.len())
            })
        };
        let pages = (0..100).map(move |i| body(format!("page-{i}"), MIB));
        assert_eq!(first_chunk(Box::new(pages)), CHUNK_BYTES / MIB);
        let huge = (0..3).map(move |i| body(format!("huge-{i}"), CHUNK_BYTES + 1));
        assert_eq!(first_chunk(Box::new(huge)), 1);
        assert_eq!(first_chunk(Box::new(sources(200))), CHUNK);
    }

    /// The feeding thread takes bodies ahead only up to the byte limit of a chunk: pages fetched
    /// ahead wait in the fetch pool, under its own budget, not in the queue.
    #[test]
    fn the_feed_holds_about_a_chunk_of_bodies_ahead() {
        const MIB: usize = 1024 * 1024;
        let taken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = taken.clone();
        let pages = (0..100).map(move |i| {
            counter.fetch_add(1, Ordering::SeqCst);
            source(format!("page-{i}"), "x".repeat(MIB))
        });
        std::thread::scope(|scope| {
            let mut feed = Feed::start(scope, pages, (CHUNK, carried_bytes), None);
            std::thread::sleep(Duration::from_millis(300));
            let ahead = taken.load(Ordering::SeqCst);
            assert!(ahead <= CHUNK_BYTES / MIB + 2, "{ahead} pages taken ahead");
            // each page handed over makes room for one more
            for _ in 0..20 {
                assert!(feed.next_within(Duration::from_secs(5)).is_some());
            }
            std::thread::sleep(Duration::from_millis(300));
            assert!(taken.load(Ordering::SeqCst) <= 20 + CHUNK_BYTES / MIB + 2);
        });
    }

    #[test]
    fn output_keeps_input_order_across_chunks_and_flushes_each_chunk() {
        let mut sink = Collect::default();
        let summary = run(sources(3 * CHUNK + 5), &mut sink).unwrap();
        let expected: Vec<String> = (0..3 * CHUNK + 5).map(|i| format!("doc-{i:04}")).collect();
        assert_eq!(sink.records, expected);
        assert_eq!(
            sink.flushes, 4,
            "one flush per chunk, so checkpoints follow written rows"
        );
        assert_eq!((summary.inputs, summary.articles), (3 * CHUNK + 5, 3 * CHUNK + 5));
        assert!(sink.corpus && !summary.interrupted);
    }

    #[test]
    fn with_dedup_a_repeated_text_is_skipped_and_linked() {
        let text = "Google received 31,698 requests for information about 48,615 users in the first half of 2014.";
        let inputs = vec![
            source("a".into(), text.into()),
            source("b".into(), "Yahoo received 21,425 requests.".into()),
            source("c".into(), text.to_uppercase()),
        ];
        let mut sink = Collect::default();
        let settings = Settings {
            dedup: true,
            ..Settings::default()
        };
        let summary = run_with(inputs.into_iter(), &settings, &mut sink).unwrap();
        assert_eq!(sink.records, ["a", "b"]);
        assert_eq!(sink.duplicates.len(), 1);
        assert_eq!(
            (sink.duplicates[0].id.as_str(), sink.duplicates[0].duplicate_of.as_str()),
            ("c", "a")
        );
        assert_eq!(summary.duplicates, 1);
    }

    /// Remembers how many inputs the source had yielded when the first record was written.
    struct FirstWrite {
        yielded: Arc<std::sync::atomic::AtomicUsize>,
        at_first_record: Option<usize>,
    }

    impl Sink for FirstWrite {
        fn record(&mut self, _: &Record, _: &[FigureRow], _: &[Finding]) -> Result<(), ExportError> {
            self.at_first_record.get_or_insert(self.yielded.load(Ordering::SeqCst));
            Ok(())
        }
        fn corpus(&mut self, _: &CorpusResult) -> Result<(), ExportError> {
            Ok(())
        }
        fn finish(&mut self) -> Result<(), ExportError> {
            Ok(())
        }
    }

    #[test]
    fn a_slow_source_is_written_as_it_goes_not_a_full_chunk_at_a_time() {
        // 80 inputs a twentieth of a second apart (pages fetched politely): chunks are cut after
        // CHUNK_WAIT, so the first is written after about three seconds' worth, not after 80.
        let yielded = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = yielded.clone();
        let slow = sources(80).inspect(move |_| {
            std::thread::sleep(Duration::from_millis(50));
            counter.fetch_add(1, Ordering::SeqCst);
        });
        let mut sink = FirstWrite {
            yielded,
            at_first_record: None,
        };
        let summary = run(slow, &mut sink).unwrap();
        assert_eq!(summary.articles, 80);
        let at_first = sink.at_first_record.unwrap();
        assert!(
            at_first < 80,
            "nothing was written before the source ended ({at_first})"
        );
    }

    /// Counts how often it is told.
    #[derive(Default)]
    struct CountUpdates {
        updates: usize,
        finished: bool,
    }

    impl Progress for CountUpdates {
        fn update(&mut self, _: &Summary) {
            self.updates += 1;
        }
        fn finish(&mut self, _: &Summary) {
            self.finished = true;
        }
    }

    /// A named pipe stands for a slow input (a huge page, a slow disk): reading it waits until
    /// its writer, another thread here, writes some 2.5 seconds later.
    #[cfg(unix)]
    #[test]
    fn the_progress_display_is_told_every_second_while_a_slow_chunk_is_awaited() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("slow.txt");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status().unwrap();
        assert!(made.success());
        let writer = {
            let pipe = pipe.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(2500));
                std::fs::write(pipe, "Slow news\n\nGoogle received 100 requests in 2014.\n").unwrap();
            })
        };
        let source = Source::File(crate::fetch::FileSource {
            path: pipe,
            root: dir.path().to_path_buf(),
        });
        let (mut sink, mut progress) = (Collect::default(), CountUpdates::default());
        let hooks = Hooks {
            journal: None,
            progress: Some(&mut progress),
        };
        let summary = run_hooked(std::iter::once(Ok(source)), &Settings::default(), &mut sink, hooks).unwrap();
        writer.join().unwrap();
        assert_eq!(
            (summary.articles, sink.records.as_slice()),
            (1, &["slow.txt".to_owned()][..])
        );
        // Two ticks at least while the chunk was read, and one when it was written.
        assert!(
            progress.updates >= 3 && progress.finished,
            "{} updates",
            progress.updates
        );
    }

    /// A document over budget in its checks is recorded as failed, with the reason that says so
    /// and nothing else, and the documents around it are written in full. A deadline that
    /// passes between the figure reader and the checks cannot be made without timing, so here
    /// the checks of the second document are given one that has passed in place of the
    /// extraction's (none). That [`guarded_until`] gives its one deadline to the checks is held
    /// on the third document; the checks' tests of it, by the tests of `reconcile`
    /// (`the_checks_give_up_once_their_deadline_has_passed`).
    #[test]
    fn a_document_over_budget_in_its_checks_is_recorded_as_failed_and_the_batch_goes_on() {
        let (passed, hour) = (Deadline::after(Duration::ZERO), Duration::from_secs(3600));
        let chunk: Vec<Processed> = (0..3)
            .map(|i| {
                let text = format!("Microsoft received {} requests in 2014. It got 900 in 2013.", 1000 + i);
                let article = crate::read::text::read_text(&format!("Report {i}\n\n{text}"));
                let entry = JournalEntry::new(format!("doc-{i}"), None, None);
                let article = Article {
                    id: entry.id.clone(),
                    ..article
                };
                let deadline = if i == 2 { Deadline::after(hour) } else { Deadline::NONE };
                let (record, (findings, rows)) = guarded_until(article, deadline, |record, given| {
                    // the checks are given the extraction's deadline, not one set anew
                    assert_eq!(given, deadline);
                    check_with_rows_until(record, if i == 1 { passed } else { given })
                });
                let outcome = Outcome::Done(Box::new(record), rows, findings, None);
                Processed { outcome, entry }
            })
            .collect();
        let (mut sink, mut summary) = (Collect::default(), Summary::default());
        let mut corpus = Corpus::new().unwrap();
        write_chunk(&chunk, &mut sink, &mut corpus, &mut summary).unwrap();
        assert_eq!(sink.records, ["doc-0", "doc-1", "doc-2"]);
        assert_eq!((summary.articles, summary.failed, summary.figures), (2, 1, 4));
        let reason = "extract: extraction ran past its time budget of 0ns (in the checks)";
        assert_eq!(summary.first_failures, [("doc-1".to_owned(), reason.to_owned())]);
        let Outcome::Done(record, rows, findings, _) = &chunk[1].outcome else {
            unreachable!("every document is done");
        };
        assert!(record.extraction.figures.is_empty() && rows.is_empty() && findings.is_empty());
    }

    /// A document over budget in the figure reader keeps the reason it always had.
    #[test]
    fn documents_over_budget_in_the_figure_reader_are_recorded_and_the_batch_goes_on() {
        let settings = Settings {
            budget: Duration::ZERO,
            ..Settings::default()
        };
        let mut sink = Collect::default();
        let summary = run_with(sources(3), &settings, &mut sink).unwrap();
        assert_eq!((sink.records.len(), summary.failed, summary.figures), (3, 3, 0));
        let reason = "extract: extraction ran past its time budget of 0ns";
        assert_eq!(summary.first_failures[2], ("doc-0002".to_owned(), reason.to_owned()));
    }

    /// Two inputs, then one that comes only after `wait` (or at a stop, when the source is told
    /// of stops as the fetch pool is): a page of a slow server.
    fn two_then_slow(
        wait: Duration,
        stop: Arc<AtomicBool>,
        yielded: Arc<std::sync::atomic::AtomicUsize>,
    ) -> impl Iterator<Item = Result<Source, FetchError>> + Send {
        sources(3).enumerate().filter_map(move |(i, source)| {
            if i == 2 {
                let started = Instant::now();
                while started.elapsed() < wait {
                    if stop.load(Ordering::SeqCst) {
                        return None;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
            yielded.fetch_add(1, Ordering::SeqCst);
            Some(source)
        })
    }

    /// The inputs before a slow one are written while it is awaited, not after it comes.
    #[test]
    fn the_inputs_before_a_slow_one_are_written_while_it_is_awaited() {
        let yielded = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let never = Arc::new(AtomicBool::new(false));
        let slow = two_then_slow(Duration::from_secs(4), never, yielded.clone());
        let mut sink = FirstWrite {
            yielded,
            at_first_record: None,
        };
        let summary = run(slow, &mut sink).unwrap();
        assert_eq!(summary.articles, 3);
        assert_eq!(sink.at_first_record, Some(2), "written only once the slow input came");
    }

    /// A stop while an input is awaited ends the run, the inputs before it written, and tells
    /// that it was interrupted.
    #[test]
    fn a_stop_while_an_input_is_awaited_ends_the_run_with_the_inputs_before_it_written() {
        let stop = Arc::new(AtomicBool::new(false));
        let yielded = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let slow = two_then_slow(Duration::from_secs(600), stop.clone(), yielded);
        let stopper = {
            let stop = stop.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(2500));
                stop.store(true, Ordering::SeqCst);
            })
        };
        let settings = Settings {
            stop: Some(stop),
            ..Settings::default()
        };
        let mut sink = Collect::default();
        let summary = run_with(slow, &settings, &mut sink).unwrap();
        stopper.join().unwrap();
        assert!(summary.interrupted);
        assert_eq!(sink.records.len(), 2);
        assert!(!sink.corpus, "no corpus pass after a stop");
    }

    /// A source that panics ends the run with its panic, as when the caller took the inputs
    /// itself (the driver would otherwise wait for inputs from a feeding thread that is gone).
    #[test]
    fn a_source_that_panics_ends_the_run_with_its_panic() {
        let (done, finished) = mpsc::channel();
        std::thread::spawn(move || {
            let panicking = sources(3).enumerate().map(|(i, source)| {
                assert!(i < 2, "a source broke");
                source
            });
            let outcome = catch_unwind(AssertUnwindSafe(|| run(panicking, &mut Collect::default())));
            let _ = done.send(outcome.is_err());
        });
        assert_eq!(finished.recv_timeout(Duration::from_secs(30)), Ok(true));
    }

    #[test]
    fn a_stop_request_ends_the_run_early_without_the_corpus_pass() {
        let stop = Arc::new(AtomicBool::new(true));
        let settings = Settings {
            stop: Some(stop),
            ..Settings::default()
        };
        let mut sink = Collect::default();
        let summary = run_with(sources(10), &settings, &mut sink).unwrap();
        assert!(summary.interrupted);
        assert!(sink.records.is_empty() && !sink.corpus);
    }
}
