//! One line of the map step's JSON input (`figmine extract --stdin`), through to extraction.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &[u8]| {
    if let Ok(figmine::fetch::Source::Inline(doc)) = figmine::fetch::jsonl::parse_map_line(line, 1) {
        if let Ok(article) = figmine::read::read(&doc) {
            figmine::extract::extract(&article);
        }
    }
});
