//! Direct quotes and who said them.

use crate::read::Span;

/// A direct quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words, inside the marks (across paragraphs when the quote runs on).
    pub span: Span,
    /// The speaker's full name or organisation, resolved; `None` when unknown.
    pub speaker: Option<String>,
    /// The speaker as written at the cue ("Frank", "he").
    pub speaker_text: Option<String>,
    /// The speaker's role from an appositive ("Microsoft VP and Deputy General Counsel").
    pub role: Option<String>,
    /// The reporting verb ("said", "noted", "according to").
    pub cue: Option<String>,
    /// How many paragraphs the quote spans.
    pub paragraphs: usize,
}
