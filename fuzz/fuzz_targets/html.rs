//! The HTML reader (charset decoding, parsing, main-text selection) on arbitrary bytes.
#![no_main]
use figmine::fetch::{DocFormat, Document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let doc = Document {
        id: "fuzz.html".into(),
        location: "fuzz.html".into(),
        url: None,
        body: body.to_vec(),
        format: DocFormat::Html,
        charset: None,
        published: None,
    };
    if let Ok(article) = figmine::read::read(&doc) {
        for p in &article.paragraphs {
            assert!(article.text.get(p.start..p.end).is_some());
        }
    }
});
