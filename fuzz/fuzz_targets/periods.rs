//! The period parser on arbitrary text and labels: no panic, spans on char boundaries, labels
//! that parse print back the same.
#![no_main]
use figmine::extract::period::{find_periods, Period};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let today = chrono::NaiveDate::from_ymd_opt(2015, 2, 3);
    for p in find_periods(text, today) {
        assert!(text.get(p.span.start..p.span.end).is_some());
    }
    if let Some(period) = Period::parse_label(text) {
        assert_eq!(Period::parse_label(&period.label()), Some(period));
    }
});
