//! `figmine run [INPUT...] [--out DIR]`: the whole pipeline over local files and folders.

use super::{EXIT_OK, EXIT_SOME_FAILED};
use anyhow::Context;
use figmine::batch::{self, Summary};
use figmine::export::{Fanout, JsonlSink, Tables};
use figmine::fetch::discover;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `figmine run`.
#[derive(clap::Args)]
pub struct Args {
    /// Files and folders of articles (.txt, .html, .htm, optionally .gz); folders are searched
    /// recursively.
    #[arg(default_value = "corpus")]
    inputs: Vec<PathBuf>,
    /// Folder to write articles.jsonl, figures.jsonl, quotes.jsonl and findings.jsonl into.
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// Number of worker threads (default: one per core).
    #[arg(long)]
    jobs: Option<usize>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    formats: super::export::FormatArgs,
}

/// Runs the pipeline and prints the summary.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    for input in &args.inputs {
        anyhow::ensure!(input.exists(), "input {} does not exist", input.display());
    }
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global()
            .context("cannot start worker threads")?;
    }
    let jsonl = JsonlSink::create(&args.out).with_context(|| format!("cannot write to {}", args.out.display()))?;
    let tables = args.formats.table_sinks(&args.out)?;
    let mut sink = Fanout(vec![Box::new(jsonl), Box::new(Tables(tables))]);
    let summary = batch::run(discover(&args.inputs), &mut sink).context("writing output failed")?;
    if !args.quiet {
        eprintln!("{}", describe(&summary, &args.out));
    }
    Ok(ExitCode::from(if summary.failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }))
}

fn describe(s: &Summary, out: &std::path::Path) -> String {
    let mut text = format!(
        "{} inputs: {} articles read, {} failed; {} figures, {} quotes, {} findings",
        s.inputs,
        s.articles,
        s.failed,
        s.figures,
        s.quotes,
        s.total_findings()
    );
    if !s.findings.is_empty() {
        let by_rule: Vec<String> = s.findings.iter().map(|(r, n)| format!("{r} {n}")).collect();
        text.push_str(&format!(" ({})", by_rule.join(", ")));
    }
    text.push_str(&format!("\nwritten to {}", out.display()));
    if s.failed > 0 {
        text.push_str(&format!("; see the \"error\" field of {} in articles.jsonl", s.failed));
    }
    text
}
