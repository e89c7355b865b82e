//! The number recognizer on arbitrary text: no panic, every span on a char boundary.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for m in figmine::extract::number::find_numbers(text) {
        assert_eq!(&text[m.start..m.end], m.text);
    }
});
