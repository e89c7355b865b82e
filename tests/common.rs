//! Helpers shared by the integration tests.

use std::path::Path;
use std::process::Command;

/// The `figmine` binary built for these tests.
pub fn figmine() -> Command {
    Command::new(env!("CARGO_BIN_EXE_figmine"))
}

/// Every line of a JSONL file, parsed.
pub fn read_jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `data` gzipped.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}
