//! `figmine reconcile [INPUT...] [--out DIR]`: the reduce step. Reads the tagged records of
//! `figmine extract --stdin` (JSONL files, optionally gzipped, folders of them, or standard input)
//! in any order and any split, and writes the corpus-level findings and the consolidated dataset.

use anyhow::Context;
use figmine::export::write_reduced;
use figmine::reconcile::reduce::{LineError, Reduce};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `figmine reconcile`.
#[derive(clap::Args)]
pub struct Args {
    /// JSONL files (`.jsonl`, `.json`, optionally `.gz`) and folders of them; `-` or nothing
    /// reads standard input.
    inputs: Vec<PathBuf>,
    /// Folder to write findings.jsonl and dataset.jsonl into.
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs the reduce step. Lines that are not tagged records are reported and skipped; the exit
/// code is 1 when there were any, 0 otherwise.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut reduce = Reduce::new()?;
    let mut bad = 0usize;
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    for input in &inputs {
        for file in files_of(input)? {
            bad += read_into(&file, &mut reduce)?;
        }
    }
    let reduced =
        write_reduced(&args.out, reduce).with_context(|| format!("cannot write to {}", args.out.display()))?;
    if !args.quiet {
        eprintln!(
            "{} articles, {} failed inputs, {} figure rows; {} article findings passed through, {} corpus findings, \
             {} dataset rows; {bad} unreadable lines\nwritten to {}",
            reduced.read.articles,
            reduced.read.errors,
            reduced.read.figures,
            reduced.article_findings,
            reduced.corpus_findings,
            reduced.dataset,
            args.out.display()
        );
    }
    Ok(ExitCode::from(if bad > 0 {
        super::EXIT_SOME_FAILED
    } else {
        super::EXIT_OK
    }))
}

/// The files an input names: itself, or the JSONL files of a folder, sorted.
fn files_of(input: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if input == Path::new("-") || input.is_file() {
        return Ok(vec![input.to_path_buf()]);
    }
    anyhow::ensure!(input.is_dir(), "input {} does not exist", input.display());
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot read {}", input.display()))?;
        let name = entry.file_name().to_string_lossy();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        if entry.file_type().is_file() && (name.ends_with(".jsonl") || name.ends_with(".json")) {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Feeds every line of one file (or standard input) to the reduce step; returns how many lines
/// could not be read as tagged records.
fn read_into(file: &Path, reduce: &mut Reduce) -> anyhow::Result<usize> {
    let name = file.display().to_string();
    let reader: Box<dyn Read> = if file == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(file).with_context(|| format!("cannot open {name}"))?;
        if name.ends_with(".gz") {
            Box::new(flate2::read::MultiGzDecoder::new(f))
        } else {
            Box::new(f)
        }
    };
    let mut bad = 0;
    for (i, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {name}"))?;
        match reduce.add_line(&line) {
            Ok(()) => {}
            Err(LineError::NotATaggedRecord(e)) => {
                bad += 1;
                eprintln!("figmine reconcile: {name}:{}: not a tagged record: {e}", i + 1);
            }
            Err(LineError::Spill(e)) => return Err(e).context("cannot keep the corpus state"),
        }
    }
    Ok(bad)
}
