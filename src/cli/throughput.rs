//! `figmine throughput FILE [--read-only] [--passes N]`: single-thread extraction speed on plain
//! text, for benches/scale.sh. FILE holds article bodies separated by form feeds (`\f`).
//!
//! The whole file is loaded first; the clock then covers, per article and for each of `--passes`
//! passes over the file, UTF-8 validation and the split into paragraphs, plus (unless
//! `--read-only`, the ceiling) extraction of figures and quotes and the per-article consistency
//! checks.
//!
//! Patterns are compiled once per process, on first use, so the clock starts after two warm-ups:
//! a short built-in article (`warmup_seconds`), then, unless `--read-only`, one untimed pass over
//! the whole file (`first_pass_seconds`), which compiles what the file's text needs beyond the
//! article. Real text reaches some 80 patterns that the built-in article does not (cues of
//! quotes, copies for letters outside ASCII): about 0.3 s, a third of a timed pass over 17.5 MB
//! of it. `seconds` is then the per-byte work alone, and the difference between the first pass
//! and a timed one is the compilation the file added.

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
    /// Passes over the file under one clock (bytes and counts are those of all passes): the
    /// ceiling's single pass over 18 MB lasts about 35 ms, short enough for its speed to fall
    /// in one of two groups a third apart from run to run.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    passes: u32,
    /// Skip the untimed first pass over the file (benches/instructions.sh, which counts the
    /// difference between two files, so that the compilation cancels out there).
    #[arg(long)]
    no_first_pass: bool,
}

/// Measures and prints one JSON line.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let warmup_seconds = if args.read_only { 0.0 } else { warm_up() };
    let first_pass_seconds = match args.read_only || args.no_first_pass {
        true => 0.0,
        false => timed(|| pass(&bytes, 1, false))?.0,
    };
    let (seconds, counts) = timed(|| pass(&bytes, args.passes, args.read_only))?;
    let read = bytes.len() * args.passes as usize;
    let row = json!({
        "mode": if args.read_only { "read-only" } else { "extract" },
        "bytes": read, "passes": args.passes, "articles": counts.articles, "paragraphs": counts.paragraphs,
        "figures": counts.figures, "quotes": counts.quotes, "findings": counts.findings,
        "seconds": seconds, "mb_per_s": read as f64 / 1e6 / seconds,
        "warmup_seconds": warmup_seconds, "first_pass_seconds": first_pass_seconds,
    });
    println!("{row}");
    Ok(ExitCode::SUCCESS)
}

/// What a pass over the file found.
#[derive(Default)]
struct Counts {
    articles: usize,
    paragraphs: usize,
    figures: usize,
    quotes: usize,
    findings: usize,
}

/// `passes` passes over the bodies of `bytes`: each read, and unless `read_only`, extracted and
/// checked.
fn pass(bytes: &[u8], passes: u32, read_only: bool) -> anyhow::Result<Counts> {
    let mut counts = Counts::default();
    for body in (0..passes).flat_map(|_| bodies(bytes)) {
        let text = std::str::from_utf8(body).context("the file is not UTF-8")?;
        let article = read_body(text);
        counts.articles += 1;
        counts.paragraphs += article.paragraphs.len();
        if read_only {
            continue;
        }
        let record = extract_and_check(article);
        counts.findings += record.1;
        counts.figures += record.0.extraction.figures.len();
        counts.quotes += record.0.extraction.quotes.len();
    }
    Ok(counts)
}

/// How long `work` took, with what it returned.
fn timed<T>(work: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<(f64, T)> {
    let started = Instant::now();
    let out = work()?;
    Ok((started.elapsed().as_secs_f64(), out))
}

/// The article bodies of the file: the slices between form feeds, found by `memchr`. Splitting
/// byte by byte cost 5 instructions a byte, 18% of the ceiling, which no real input pays (`run`
/// reads an article a file) and which made extraction look closer to the ceiling than it is.
fn bodies(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let ends = memchr::memchr_iter(b'\x0c', bytes).chain(std::iter::once(bytes.len()));
    ends.scan(0, |from, end| {
        let body = &bytes[*from..end];
        *from = end + 1;
        Some(body)
    })
}

/// Extracts an article and checks it: the record and its number of findings.
fn extract_and_check(article: figmine::read::Article) -> (Record, usize) {
    let extraction = extract(&article);
    let record = Record {
        article,
        extraction,
        failure: None,
    };
    let findings = check_article(&record).len();
    (record, findings)
}

/// An article written to reach most patterns: figures, ranges, shares, periods, quotes with
/// cues before and after them, a pronoun, a title and a breakdown of cases.
const WARM_UP: &str = "Microsoft said it received 31,002 requests in the second half of 2014, up 12% from \
27,700 in the first half of the year, and about 1.5 million in 2013.\n\n\
\"We object to this,\" said John Frank, Microsoft VP and Deputy General Counsel. The company \
complied with between 60 and 70 percent of them. \"It is a matter of principle,\" he said.\n\n\
According to Karen Holt, a Justice Department spokeswoman, the agency sent three requests from \
January to June 2015. In two cases the company disclosed data; in the other it refused.\n\n\
Mr. Frank told reporters: \"Nobody said this would be easy.\" Officials said last year that 2,058 \
of the 4,000 accounts, or 51.5%, were affected.";

/// Compiles the patterns before the clock starts; returns how long that took. The article is
/// also read with curly quotes and a dash, for the copies of the patterns that such text takes
/// (see `figmine::extract::pattern`), which are compiled on first need.
fn warm_up() -> f64 {
    let started = Instant::now();
    extract_and_check(read_body(WARM_UP));
    extract_and_check(read_body(&figmine::gen::typeset(WARM_UP)));
    started.elapsed().as_secs_f64()
}

#[cfg(test)]
mod tests {
    use super::bodies;

    /// The bodies are the pieces a split at every form feed gives, empty ones included.
    #[test]
    fn bodies_are_the_pieces_between_form_feeds() {
        for file in ["", "a", "\x0c", "a\x0cb", "\x0ca\x0c\x0cbc\x0c", "one\ntwo\x0cthree"] {
            let bytes = file.as_bytes();
            let split: Vec<&[u8]> = bytes.split(|&b| b == b'\x0c').collect();
            assert_eq!(bodies(bytes).collect::<Vec<_>>(), split, "{file:?}");
        }
        assert_eq!(bodies(b"a\x0c\x0cb").count(), 3);
    }
}
