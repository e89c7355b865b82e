//! The whole extractor (sentences, periods, figures, quotes) on a text article.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let article = figmine::read::text::read_text(text);
    let extraction = figmine::extract::extract(&article);
    let spans = extraction.figures.iter().map(|f| f.span);
    for span in spans.chain(extraction.quotes.iter().map(|q| q.span)) {
        assert!(article.text.get(span.start..span.end).is_some());
    }
});
