//! `figmine warc2jsonl [FILE...]`: WARC files (`.warc`, `.warc.gz`; `-` or nothing for standard
//! input) to the map step's input lines `{"id", "url", "html"}` (plain-text payloads become
//! `{"id", "url", "text"}`), one line per readable HTML or text response record, in file order,
//! streaming. `id` and `url` are the record's target URI. Records that are not pages (a
//! non-200 status, an image, a truncated record) are counted on standard error, not written.

use anyhow::Context;
use figmine::fetch::warc::{self, response_document, WarcRecord};
use figmine::fetch::DocFormat;
use figmine::read::decode;
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `figmine warc2jsonl`.
#[derive(clap::Args)]
pub struct Args {
    /// WARC files, plain or gzipped; `-` reads standard input (the default).
    files: Vec<PathBuf>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

/// Writes one map-input line per page record and counts the rest.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let files = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut counts = Counts::default();
    for file in &files {
        let reader = if file.as_os_str() == "-" {
            warc::from_reader(std::io::stdin())
        } else {
            warc::open(file)
        }
        .with_context(|| format!("cannot open {}", file.display()))?;
        convert(reader, &file.display().to_string(), &mut out, &mut counts)?;
    }
    out.flush()?;
    if !args.quiet {
        eprintln!("{}", counts.describe());
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Default)]
struct Counts {
    written: usize,
    not_pages: BTreeMap<String, usize>,
}

impl Counts {
    fn skip(&mut self, reason: impl Into<String>) {
        *self.not_pages.entry(reason.into()).or_default() += 1;
    }

    fn describe(&self) -> String {
        let skipped: usize = self.not_pages.values().sum();
        let mut text = format!(
            "figmine warc2jsonl: {} pages written, {skipped} records left out",
            self.written
        );
        for (reason, n) in &self.not_pages {
            text.push_str(&format!("\n  {n} × {reason}"));
        }
        text
    }
}

fn convert(
    records: impl Iterator<Item = Result<WarcRecord, warc::WarcError>>,
    location: &str,
    out: &mut impl Write,
    counts: &mut Counts,
) -> anyhow::Result<()> {
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                counts.skip(format!("{location}: {e}"));
                continue;
            }
        };
        let Some(page) = response_document(&record, location) else {
            continue;
        };
        let doc = match page.result {
            Ok(doc) => doc,
            Err(failure) => {
                counts.skip(failure.reason);
                continue;
            }
        };
        // The map input is JSON text, so the payload is decoded here with the reader's rules.
        let content = match decode(&doc.body, doc.format, doc.charset.as_deref()) {
            Ok(text) => text,
            Err(e) => {
                counts.skip(e.to_string());
                continue;
            }
        };
        let field = if doc.format == DocFormat::Html { "html" } else { "text" };
        serde_json::to_writer(&mut *out, &json!({ "id": doc.id, "url": doc.url, field: content }))?;
        out.write_all(b"\n")?;
        counts.written += 1;
    }
    Ok(())
}
