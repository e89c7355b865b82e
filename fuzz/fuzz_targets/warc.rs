//! The WARC reader on arbitrary bytes (plain or gzipped): records or a recorded error, never a
//! panic, a hang or an unbounded allocation.
#![no_main]
use figmine::fetch::warc;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(reader) = warc::from_reader(std::io::Cursor::new(data.to_vec())) else {
        return;
    };
    for record in reader.take(1000) {
        match record {
            Ok(record) => {
                let _ = warc::response_document(&record, "fuzz.warc");
            }
            Err(_) => break,
        }
    }
});
