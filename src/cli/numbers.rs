//! `figmine numbers`: what the number recognizer sees in each line of standard input.

use figmine::extract::find_numbers;
use serde_json::json;
use std::io::{BufRead, Write};
use std::process::ExitCode;

/// Arguments of `figmine numbers` (none yet: it reads lines from standard input).
#[derive(clap::Args)]
pub struct Args {}

/// Prints `{"text": line, "mentions": [...]}` for every input line.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let line = line?;
        let mentions = find_numbers(&line);
        serde_json::to_writer(&mut out, &json!({ "text": line, "mentions": mentions }))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
