//! Argument parsing: one file per subcommand, each with its `Args` and a `run`.

mod export;
mod extract;
mod fetch;
mod gen;
mod numbers;
mod read;
mod reconcile;
mod run;
mod throughput;
mod warc2jsonl;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Every input was processed.
pub const EXIT_OK: u8 = 0;
/// The run finished, but some inputs failed (their reasons are in `articles.jsonl`).
pub const EXIT_SOME_FAILED: u8 = 1;
/// Usage error or a fatal error (output could not be written).
pub const EXIT_FATAL: u8 = 2;

/// figmine: turn press releases and news articles into a checked dataset of figures.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Process articles (files and folders) and write the checked dataset.
    Run(run::Args),
    /// Download pages (URLs, lists, feeds, sitemaps) into the cache and report each outcome.
    Fetch(fetch::Args),
    /// Print the numeric mentions found in each line of standard input, as JSON.
    Numbers(numbers::Args),
    /// Turn WARC files into the map step's input lines ({"id", "url", "html"}).
    Warc2jsonl(warc2jsonl::Args),
    /// Map step: read JSON-lines documents on stdin, write tagged records on stdout.
    Extract(extract::Args),
    /// Reduce step: read tagged records (files, folders or stdin) and write the corpus-level
    /// findings and the consolidated dataset.
    Reconcile(reconcile::Args),
    /// Write a previous run's output as CSV, SQLite and an HTML report.
    Export(export::Args),
    /// Write a synthetic corpus with a truth file (for accuracy and speed tests at scale).
    Gen(gen::Args),
    /// Measure single-thread extraction speed on plain text (used by benches/scale.sh).
    #[command(hide = true)]
    Throughput(throughput::Args),
    /// Print (or write to --out) the article text the reader keeps from each page.
    Read(read::Args),
}

/// Parses the command line and runs the chosen subcommand.
pub fn main() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => run::run(args),
        Command::Fetch(args) => fetch::run(args),
        Command::Numbers(args) => numbers::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Reconcile(args) => reconcile::run(args),
        Command::Export(args) => export::run(args),
        Command::Warc2jsonl(args) => warc2jsonl::run(args),
        Command::Gen(args) => gen::run(args),
        Command::Throughput(args) => throughput::run(args),
        Command::Read(args) => read::run(args),
    }
}
