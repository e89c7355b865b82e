//! The streaming side of `figmine run`: journal (fresh or resumed), progress display, and a clean
//! stop on Ctrl-C or SIGTERM.

use super::super::export::Format;
use super::Args;
use anyhow::Context;
use clap::ValueEnum;
use figmine::batch::{self, Hooks, Journal, Reporter, RunOptions, Settings, Summary};
use figmine::export::{Fanout, JsonlSink, Sink};
use figmine::fetch::{discover, FetchError, Source};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// Exit code of a run stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report Ctrl-C).
pub const EXIT_INTERRUPTED: u8 = 130;

/// Runs the batch over `sources` into `--out` (JSONL, plus `tables` for the other formats),
/// resumably: appending to the outputs of `resumed`, the journal of the interrupted run, when
/// given; `paths` are the local inputs, counted for the progress display.
pub fn run_streaming(
    args: &Args,
    paths: &[PathBuf],
    sources: impl Iterator<Item = Result<Source, FetchError>> + Send,
    tables: Option<Box<dyn Sink>>,
    resumed: Option<Journal>,
    stop: Arc<AtomicBool>,
) -> anyhow::Result<Summary> {
    let out = &args.out;
    let context = || format!("cannot write to {}", out.display());
    let (mut journal, jsonl) = match resumed {
        Some(journal) => (journal, JsonlSink::append(out).with_context(context)?),
        None => {
            std::fs::create_dir_all(out).with_context(context)?;
            let sink = JsonlSink::create(out).with_context(context)?;
            (Journal::start(out, options_of(args))?, sink)
        }
    };
    let mut sink = Fanout(
        std::iter::once(Box::new(jsonl) as Box<dyn Sink>)
            .chain(tables)
            .collect(),
    );
    let settings = Settings {
        dedup: !args.no_dedup,
        stop: Some(stop_on_ctrl_c_or_sigterm(stop)),
        ..Settings::default()
    };
    let total = count_inputs_in_background(args.quiet, paths);
    let mut reporter = Reporter::new(args.quiet, total);
    let hooks = Hooks {
        journal: Some(&mut journal),
        progress: Some(&mut reporter),
    };
    batch::run_hooked(sources, &settings, &mut sink, hooks).context("writing output failed")
}

/// The options that change what the run writes, as the journal records them.
pub(super) fn options_of(args: &Args) -> RunOptions {
    let mut formats: Vec<String> = args
        .formats
        .formats
        .iter()
        .filter(|f| **f != Format::Jsonl)
        .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_owned()))
        .collect();
    formats.sort();
    formats.dedup();
    RunOptions {
        dedup: !args.no_dedup,
        formats,
    }
}

/// Makes Ctrl-C and SIGTERM set `stop`, which it returns; the batch then stops taking inputs and
/// flushes what it has done.
fn stop_on_ctrl_c_or_sigterm(stop: Arc<AtomicBool>) -> Arc<AtomicBool> {
    let flag = stop.clone();
    // Failing to install the handler (one is already set) only loses the clean stop.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    stop
}

/// Counts the inputs on another thread so the progress display can show an ETA.
fn count_inputs_in_background(quiet: bool, paths: &[PathBuf]) -> Arc<AtomicUsize> {
    let total = Arc::new(AtomicUsize::new(0));
    if !quiet {
        let (inputs, total) = (paths.to_vec(), total.clone());
        std::thread::spawn(move || total.store(discover(&inputs).count(), Ordering::Relaxed));
    }
    total
}
