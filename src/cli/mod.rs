//! Argument parsing: one file per subcommand, each with its `Args` and a `run`.

mod extract;
mod numbers;
mod read;
mod run;

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
    /// Print the numeric mentions found in each line of standard input, as JSON.
    Numbers(numbers::Args),
    /// Map step: read JSON-lines documents on stdin, write tagged records on stdout.
    Extract(extract::Args),
    /// Print (or write to --out) the article text the reader keeps from each page.
    Read(read::Args),
}

/// Parses the command line and runs the chosen subcommand.
pub fn main() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => run::run(args),
        Command::Numbers(args) => numbers::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Read(args) => read::run(args),
    }
}
