//! `figmine throughput FILE [--read-only]`: single-thread extraction speed on plain text, for
//! benches/scale.sh. FILE holds article bodies separated by form feeds (`\f`).
//!
//! The whole file is loaded first; the clock then covers, per article, UTF-8 validation and the
//! split into paragraphs, plus (unless `--read-only`, the ceiling) extraction of figures and
//! quotes and the per-article consistency checks.

use anyhow::Context;
use figmine::extract::extract;
use figmine::read::text::read_body;
use figmine::reconcile::check_article;
use figmine::record::Record;
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `figmine throughput`.
#[derive(clap::Args)]
pub struct Args {
    /// Article bodies separated by form feeds.
    file: PathBuf,
    /// Only validate UTF-8 and split paragraphs: the ceiling extraction is compared with.
    #[arg(long)]
    read_only: bool,
}

/// Measures and prints one JSON line.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let (mut articles, mut paragraphs, mut figures, mut quotes, mut findings) = (0, 0, 0, 0, 0);
    let started = Instant::now();
    for body in bytes.split(|&b| b == b'\x0c') {
        let text = std::str::from_utf8(body).context("the file is not UTF-8")?;
        let article = read_body(text);
        articles += 1;
        paragraphs += article.paragraphs.len();
        if args.read_only {
            continue;
        }
        let extraction = extract(&article);
        let record = Record {
            article,
            extraction,
            failure: None,
        };
        findings += check_article(&record).len();
        figures += record.extraction.figures.len();
        quotes += record.extraction.quotes.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    let row = json!({
        "mode": if args.read_only { "read-only" } else { "extract" },
        "bytes": bytes.len(), "articles": articles, "paragraphs": paragraphs,
        "figures": figures, "quotes": quotes, "findings": findings,
        "seconds": seconds, "mb_per_s": bytes.len() as f64 / 1e6 / seconds,
    });
    println!("{row}");
    Ok(ExitCode::SUCCESS)
}
