//! `figmine read [--out DIR] FILE...`: the article text the reader keeps from each page.
//!
//! Without `--out` each article's text is printed (a `==> name <==` line before each when there
//! are several inputs); with `--out` it goes to `DIR/<name>.txt`, `<name>` being the file name
//! without `.gz`, `.html`, `.htm` or `.txt`. `--timing` prints the pages per second of reading
//! alone (decode, parse, extract; not file input or gunzip) on standard error.

use super::{EXIT_OK, EXIT_SOME_FAILED};
use anyhow::Context;
use figmine::fetch::{fetch, FileSource, Source};
use figmine::read::read;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Arguments of `figmine read`.
#[derive(clap::Args)]
pub struct Args {
    /// HTML or text articles, optionally gzipped.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Folder to write `<name>.txt` per input into (created if missing).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Print the pages per second of reading alone on standard error.
    #[arg(long)]
    timing: bool,
    /// Print one JSON object per input instead of the text: `{"file", "title", "published",
    /// "publisher", "byline", "text"}` (ignored with `--out`).
    #[arg(long)]
    json: bool,
}

/// Reads every file and prints or writes its article text; a file that cannot be read is
/// reported on standard error and the others still processed.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    let mut reading = Duration::ZERO;
    for path in &args.files {
        let source = Source::File(FileSource {
            path: path.clone(),
            root: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        });
        let doc = match fetch(&source) {
            Ok(doc) => doc,
            Err(err) => {
                failed += 1;
                eprintln!("figmine: {}: {err}", path.display());
                continue;
            }
        };
        let started = Instant::now();
        let result = read(&doc);
        reading += started.elapsed();
        let article = match result {
            Ok(article) => article,
            Err(err) => {
                failed += 1;
                eprintln!("figmine: {}: {err}", path.display());
                continue;
            }
        };
        let text = &article.text;
        match &args.out {
            Some(dir) => {
                let target = dir.join(format!("{}.txt", output_name(path)));
                std::fs::write(&target, format!("{text}\n"))
                    .with_context(|| format!("cannot write {}", target.display()))?;
            }
            None if args.json => {
                let row = serde_json::json!({
                    "file": path.display().to_string(),
                    "title": article.title,
                    "published": article.published,
                    "publisher": article.publisher,
                    "byline": article.byline,
                    "text": article.text,
                });
                writeln!(out, "{row}")?;
            }
            None => {
                if args.files.len() > 1 {
                    writeln!(out, "==> {} <==", path.display())?;
                }
                writeln!(out, "{text}")?;
            }
        }
    }
    out.flush()?;
    if args.timing {
        let pages = args.files.len() - failed;
        let seconds = reading.as_secs_f64();
        eprintln!(
            "read {pages} pages in {seconds:.3} s: {:.0} pages/s",
            pages as f64 / seconds.max(1e-9)
        );
    }
    Ok(ExitCode::from(if failed > 0 { EXIT_SOME_FAILED } else { EXIT_OK }))
}

/// The file name without `.gz` and then without `.html`, `.htm` or `.txt`.
fn output_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = strip_suffix_ignore_case(&name, ".gz");
    [".html", ".htm", ".txt"]
        .iter()
        .find_map(|ext| {
            let stem = strip_suffix_ignore_case(name, ext);
            (stem.len() < name.len()).then_some(stem)
        })
        .unwrap_or(name)
        .to_owned()
}

fn strip_suffix_ignore_case<'a>(name: &'a str, suffix: &str) -> &'a str {
    let cut = name.len().saturating_sub(suffix.len());
    match name.get(cut..) {
        Some(tail) if cut > 0 && tail.eq_ignore_ascii_case(suffix) => &name[..cut],
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_drop_gz_and_html_suffixes() {
        assert_eq!(output_name(Path::new("a/abc.html.gz")), "abc");
        assert_eq!(output_name(Path::new("b.HTM")), "b");
        assert_eq!(output_name(Path::new("c.txt.gz")), "c");
        assert_eq!(output_name(Path::new("d.page")), "d.page");
        assert_eq!(output_name(Path::new(".html")), ".html");
    }
}
