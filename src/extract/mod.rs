//! Extract: an [`Article`] to its [`Extraction`]: figures (with periods, measures, entities and
//! comparisons) and quotes, each with its byte span in the article text.
//!
//! This is the only stage with regexes, and it cannot fail.

pub mod figure;
pub mod number;
pub mod period;
pub mod quote;
pub mod sentence;

pub use figure::{Comparison, Direction, Figure, FigureKind};
pub use number::{find_numbers, Mention, MentionKind};
pub use period::{Period, PeriodMention};
pub use quote::Quote;

use crate::read::{Article, Span};

/// What was extracted from one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Period mentions, in order.
    pub periods: Vec<PeriodMention>,
    /// Figures, in order.
    pub figures: Vec<Figure>,
    /// Direct quotes, in order.
    pub quotes: Vec<Quote>,
}

/// Extracts everything figmine knows how to find from an article.
pub fn extract(article: &Article) -> Extraction {
    let published = article
        .published
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let sentences = sentence::split_sentences(&article.text, &article.paragraphs);
    let periods = period::find_periods(&article.text, published);
    let figures = figure::find_figures(article, &sentences, &periods);
    Extraction {
        sentences,
        periods,
        figures,
        quotes: Vec::new(),
    }
}
