//! `figmine export [--from DIR] [--format csv,sqlite,report]`: writes a previous run's JSONL
//! output in other formats; also the `--format` and `--db` options that `figmine run` shares.

use anyhow::Context;
use figmine::export::{replay, CsvSink, ReportSink, SqliteSink, TableFanout, TableSink};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// An output format besides the JSONL files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The JSONL files (always written by `run`; nothing to do for `export`).
    Jsonl,
    /// `articles.csv`, `figures.csv`, `quotes.csv`, `findings.csv`, `dataset.csv`, `duplicates.csv`.
    Csv,
    /// A SQLite database (`figmine.sqlite`, or `--db`), updated in place run by run.
    Sqlite,
    /// A static HTML report in `report/`.
    Report,
}

/// The output options shared by `run` and `export`.
#[derive(clap::Args, Debug, Clone)]
pub struct FormatArgs {
    /// Formats to write besides JSONL: csv, sqlite, report (comma-separated or repeated).
    #[arg(long = "format", value_enum, value_delimiter = ',')]
    pub formats: Vec<Format>,
    /// The SQLite database to create or update (default: OUT/figmine.sqlite).
    #[arg(long)]
    pub db: Option<PathBuf>,
}

impl FormatArgs {
    /// The sinks for the chosen formats, writing under `out`.
    pub fn table_sinks(&self, out: &Path) -> anyhow::Result<TableFanout> {
        let mut formats = self.formats.clone();
        formats.sort_by_key(|f| *f as u8);
        formats.dedup();
        let mut sinks: Vec<Box<dyn TableSink>> = Vec::new();
        for format in formats {
            match format {
                Format::Jsonl => {}
                Format::Csv => sinks.push(Box::new(CsvSink::create(out)?)),
                Format::Sqlite => {
                    let db = self.db.clone().unwrap_or_else(|| out.join("figmine.sqlite"));
                    let sink = SqliteSink::open(&db).with_context(|| format!("cannot open {}", db.display()))?;
                    sinks.push(Box::new(sink));
                }
                Format::Report => sinks.push(Box::new(ReportSink::create(&out.join("report"))?)),
            }
        }
        Ok(TableFanout(sinks))
    }
}

/// Arguments of `figmine export`.
#[derive(clap::Args)]
pub struct Args {
    /// Folder of a previous run's output (articles.jsonl, figures.jsonl, ...).
    #[arg(long, default_value = "out")]
    from: PathBuf,
    /// Folder to write into (default: the --from folder).
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    formats: FormatArgs,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

/// Reads the JSONL tables back and writes the chosen formats (all of them by default).
pub fn run(mut args: Args) -> anyhow::Result<ExitCode> {
    let articles = args.from.join("articles.jsonl");
    anyhow::ensure!(
        articles.is_file(),
        "{} not found: run `figmine run` first",
        articles.display()
    );
    if args.formats.formats.is_empty() {
        args.formats.formats = vec![Format::Csv, Format::Sqlite, Format::Report];
    }
    let out = args.out.clone().unwrap_or_else(|| args.from.clone());
    let mut sinks = args.formats.table_sinks(&out)?;
    let done = replay(&args.from, &mut sinks).with_context(|| format!("exporting {}", args.from.display()))?;
    if done.orphans > 0 {
        eprintln!(
            "figmine: warning: {} rows name articles missing from articles.jsonl, or come after a later article's rows, and were not exported",
            done.orphans
        );
    }
    if !args.quiet {
        eprintln!("{} articles exported to {}", done.articles, out.display());
    }
    Ok(ExitCode::SUCCESS)
}
