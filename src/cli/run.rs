//! `figmine run [INPUT...] [--out DIR]`: the whole pipeline over local files and folders, WARC
//! files, URLs, URL lists, feeds and sitemaps.

use super::fetch::{describe_stats, is_url, web_sources, WebArgs};
use super::{EXIT_OK, EXIT_SOME_FAILED};
use anyhow::Context;
use figmine::batch::{Journal, Summary};
use figmine::export::{replay, Sink, Tables};
use figmine::fetch::{discover, FetchError, Outcome, Source, Stats};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// Streaming, resume, progress and Ctrl-C for this command.
mod scale;

/// Arguments of `figmine run`.
#[derive(clap::Args)]
pub struct Args {
    /// Files and folders of articles (.txt, .html, .htm, optionally .gz; .warc and .warc.gz),
    /// searched recursively, and http(s) URLs [default: corpus].
    inputs: Vec<String>,
    #[command(flatten)]
    web: WebArgs,
    /// Folder to write into: articles, figures, quotes, findings, dataset and duplicates (.jsonl),
    /// the journal that --resume reads, the other formats asked for, and the HTTP cache (cache/,
    /// unless --cache says otherwise).
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// Number of worker threads (default: one per core); also pages fetched at once (default 8).
    #[arg(long)]
    jobs: Option<usize>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    formats: super::export::FormatArgs,
    /// Continue an interrupted run into the same --out folder, skipping inputs already done.
    #[arg(long)]
    resume: bool,
    /// Process duplicates (same URL or text, syndicated copies) like any other article.
    #[arg(long)]
    no_dedup: bool,
}

/// Runs the pipeline and prints the summary.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (urls, mut paths): (Vec<String>, Vec<String>) = args.inputs.iter().cloned().partition(|i| is_url(i));
    if paths.is_empty() && urls.is_empty() && !args.web.has_inputs() {
        paths.push("corpus".into());
    }
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    for input in &paths {
        anyhow::ensure!(input.exists(), "input {} does not exist", input.display());
    }
    // The one reading of the journal on resume (its fingerprints aside): a resume with other
    // options is refused before any page is fetched or file touched. Otherwise the outputs are
    // cut back to the last checkpoint here, before URL lists, feeds and sitemaps are read: if
    // one of them then cannot be, only what a resume cuts anyway is gone (and a resume into a
    // folder with no run in it leaves an empty journal there).
    let resumed = match args.resume {
        true => Some(Journal::resume(&args.out, scale::options_of(&args))?),
        false => None,
    };
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global()
            .context("cannot start worker threads")?;
    }
    // Pages and WARC records skipped on purpose (robots.txt, content type, size) are recorded
    // with their reason but are not failures of the run.
    let skipped = AtomicUsize::new(0);
    let count_skips = |source: &Result<Source, FetchError>| {
        if matches!(source, Ok(Source::Fetched(f)) if f.outcome() == Outcome::Skipped) {
            skipped.fetch_add(1, Ordering::Relaxed);
        }
    };
    // Tables written during a resumed run would hold only its new part: rebuild them afterwards.
    let tables: Option<Box<dyn Sink>> = if args.resume || args.formats.formats.is_empty() {
        None
    } else {
        Some(Box::new(Tables(args.formats.table_sinks(&args.out)?)))
    };
    let local = discover(&paths).inspect(count_skips);
    // Set by Ctrl-C or SIGTERM once the batch starts (`run_streaming`): it stops taking inputs,
    // and a page still being fetched is given up. (Until then, while feeds and sitemaps are
    // read, a signal ends the process at once, as nothing is written yet.)
    let stop = Arc::new(AtomicBool::new(false));
    let (summary, web_stats) = if urls.is_empty() && !args.web.has_inputs() {
        (scale::run_streaming(&args, &paths, local, tables, resumed, stop)?, None)
    } else {
        let done = resumed.as_ref().and_then(Journal::done);
        let (fetcher, web, finished) = web_sources(&args.web, urls, &args.out, args.jobs, done, Some(stop.clone()))?;
        let sources = local.chain(web.map(Ok::<Source, FetchError>).inspect(count_skips));
        let mut summary = scale::run_streaming(&args, &paths, sources, tables, resumed, stop)?;
        // Pages the earlier run finished were not fetched again, so the batch never saw them.
        summary.resumed += finished;
        (summary, Some(fetcher.stats()))
    };
    if args.resume && !args.formats.formats.is_empty() && !summary.interrupted {
        let mut sinks = args.formats.table_sinks(&args.out)?;
        replay(&args.out, &mut sinks).context("rebuilding the --format outputs after resuming")?;
    }
    if !args.quiet {
        eprintln!(
            "{}",
            describe(&summary, web_stats.as_ref(), skipped.load(Ordering::Relaxed), &args.out)
        );
    }
    if summary.interrupted {
        eprintln!("figmine: interrupted; what was done is saved, continue with --resume");
        return Ok(ExitCode::from(scale::EXIT_INTERRUPTED));
    }
    // Failures of an earlier run that this one resumed count as failures of the whole job.
    Ok(ExitCode::from(
        if summary.failed + summary.earlier_failed > skipped.load(Ordering::Relaxed) + summary.earlier_skipped {
            EXIT_SOME_FAILED
        } else {
            EXIT_OK
        },
    ))
}

fn describe(s: &Summary, web: Option<&Stats>, skipped: usize, out: &std::path::Path) -> String {
    let mut text = format!(
        "{} inputs: {} articles read, {} failed; {} figures, {} quotes, {} findings",
        s.inputs,
        s.articles,
        s.failed,
        s.figures,
        s.quotes,
        s.total_findings()
    );
    if s.near_duplicate_findings > 0 {
        text.push_str(&format!(" ({} of them in near duplicates)", s.near_duplicate_findings));
    }
    if s.duplicates + s.near_duplicates > 0 {
        text.push_str(&format!(
            "; {} exact duplicates skipped, {} near duplicates linked",
            s.duplicates, s.near_duplicates
        ));
    }
    if s.resumed > 0 {
        text.push_str(&format!("; {} inputs done by the earlier run skipped", s.resumed));
        if s.earlier_failed > 0 {
            text.push_str(&format!(" ({} of them failed then)", s.earlier_failed));
        }
    }
    if !s.findings.is_empty() {
        let by_rule: Vec<String> = s.findings.iter().map(|(r, n)| format!("{r} {n}")).collect();
        text.push_str(&format!(" ({})", by_rule.join(", ")));
    }
    if let Some(stats) = web {
        text.push('\n');
        text.push_str(&describe_stats(stats));
    }
    let skipped = skipped + s.earlier_skipped;
    if skipped > 0 {
        text.push_str(&format!(
            "\n{skipped} of the failed were skipped on purpose (robots.txt, content type, size, status in archive)"
        ));
    }
    if s.changed > 0 {
        text.push_str(&format!(
            "\n{} of the inputs done by the earlier run changed since; their rows are those of the \
             earlier run: run without --resume to read them again",
            s.changed
        ));
    }
    text.push_str(&format!("\nwritten to {}", out.display()));
    let failed = s.failed + s.earlier_failed;
    if failed > 0 {
        text.push_str(&format!("; see the \"error\" field of {failed} in articles.jsonl"));
        text.push_str(&name_failures(&s.first_failures, failed));
    }
    text
}

/// A line for each of the first failed inputs (`id: stage: reason`), and how many more failed.
fn name_failures(first: &[(String, String)], failed: usize) -> String {
    let mut text: String = first
        .iter()
        .map(|(id, why)| format!("\n  failed {id}: {why}"))
        .collect();
    if failed > first.len() {
        text.push_str(&format!("\n  and {} more", failed - first.len()));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::name_failures;

    #[test]
    fn failures_past_those_named_are_counted() {
        let first: Vec<(String, String)> = (1..=5)
            .map(|k| (format!("{k}.txt"), "read: the file is empty".to_owned()))
            .collect();
        let text = name_failures(&first, 7);
        assert!(
            text.starts_with("\n  failed 1.txt: read: the file is empty\n  failed 2.txt"),
            "{text}"
        );
        assert!(
            text.ends_with("\n  failed 5.txt: read: the file is empty\n  and 2 more"),
            "{text}"
        );
        assert!(!name_failures(&first, 5).contains("more"));
    }
}
