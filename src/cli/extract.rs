//! `figmine extract --stdin`: the map step for a distributed engine. Reads JSON lines
//! (`{"id", "url", "html"}` or `{"id", "url", "text"}`, optional `"title"`, `"published"`) and
//! writes tagged records (`article`, `figure`, `quote`, `finding`, `error`) for each, streaming.

use anyhow::Context;
use figmine::batch;
use figmine::export::TaggedSink;
use figmine::fetch::jsonl::read_map_input;
use std::process::ExitCode;

/// Arguments of `figmine extract`.
#[derive(clap::Args)]
pub struct Args {
    /// Read the JSON-lines input from standard input (the only input mode).
    #[arg(long, required = true)]
    stdin: bool,
}

/// Runs the map step. Bad lines become `error` records; the exit code is 0 unless the output
/// cannot be written, since a partition with some bad documents is a normal partition.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    debug_assert!(args.stdin);
    // Not locked: the batch takes its inputs on a thread of its own.
    let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut sink = TaggedSink::new(stdout, false);
    let summary = batch::run(read_map_input(stdin), &mut sink).context("writing records failed")?;
    eprintln!("figmine extract: {} inputs, {} failed", summary.inputs, summary.failed);
    Ok(ExitCode::SUCCESS)
}
