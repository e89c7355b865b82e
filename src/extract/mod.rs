//! Extract: an [`Article`] to its [`Extraction`]: figures (with periods, measures, entities and
//! comparisons) and quotes, each with its byte span in the article text.
//!
//! This is the only stage with regexes, and it fails only by running past its time budget
//! ([`extract_within`]).

mod buckets;
pub mod claim;
pub mod figure;
mod lanes;
pub mod number;
pub mod pattern;
pub mod period;
pub mod quote;
pub mod sentence;
mod table;

pub use figure::{Comparison, Direction, Figure, FigureKind};
pub use number::{find_numbers, Mention, MentionKind};
pub use period::{Anaphor, Period, PeriodMention};
pub use quote::Quote;

use crate::read::{Article, Span};
use std::time::{Duration, Instant};

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

/// A point in time after which the work on one document (extraction, then the checks and the
/// figure rows) gives up, with the budget it was set from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Deadline(Option<(Instant, Duration)>);

impl Deadline {
    /// No deadline.
    pub const NONE: Deadline = Deadline(None);

    /// A deadline `budget` from now.
    pub fn after(budget: Duration) -> Deadline {
        Deadline(Some((Instant::now() + budget, budget)))
    }

    /// Whether the deadline has passed.
    pub fn passed(&self) -> bool {
        self.0.is_some_and(|(d, _)| Instant::now() >= d)
    }

    /// The budget the deadline was set from (none for [`Deadline::NONE`]).
    pub fn budget(&self) -> Duration {
        self.0.map_or(Duration::ZERO, |(_, budget)| budget)
    }
}

/// The work on one document ran past its time budget, in the part named.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OverBudget {
    /// In the figure reader.
    #[error("extraction ran past its time budget of {0:?}")]
    Figures(Duration),
    /// In the quote reader.
    #[error("extraction ran past its time budget of {0:?} (in the quote reader)")]
    Quotes(Duration),
    /// In the checks of the article or the making of its figure rows
    /// ([`crate::reconcile::check_with_rows_until`]).
    #[error("extraction ran past its time budget of {0:?} (in the checks)")]
    Checks(Duration),
}

/// Extracts like [`extract`], but gives up once `budget` has passed, so that one pathological
/// document cannot hold a worker for ever. Checked between sentences and between quotes.
pub fn extract_within(article: &Article, budget: Duration) -> Result<Extraction, OverBudget> {
    extract_until(article, Deadline::after(budget))
}

/// Extracts everything figmine knows how to find from an article.
pub fn extract(article: &Article) -> Extraction {
    extract_until(article, Deadline::NONE).expect("no deadline, so extraction always completes")
}

/// Extracts like [`extract`], but gives up once `deadline` has passed: the deadline of a
/// document's whole work, which the checks then keep
/// ([`crate::reconcile::check_with_rows_until`]).
pub fn extract_until(article: &Article, deadline: Deadline) -> Result<Extraction, OverBudget> {
    let published = article
        .published
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let sentences = sentence::split_sentences(&article.text, &article.paragraphs);
    // the period reader tells on the way whether the text is ASCII, which the quote reader asks
    let (dates, periods, ascii) = period::find_dates_periods_and_ascii(&article.text, published);
    let mut figures = figure::find_figures(article, &sentences, &periods, &dates, deadline)
        .ok_or_else(|| OverBudget::Figures(deadline.budget()))?;
    let quotes = quote::find_quotes_until(&article.text, &article.paragraphs, &sentences, ascii, deadline)
        .ok_or_else(|| OverBudget::Quotes(deadline.budget()))?;
    mark_quoted(&mut figures, &quotes);
    Ok(Extraction {
        sentences,
        periods,
        figures,
        quotes,
    })
}

/// Sets [`Figure::in_quote`] for the figures inside a quote (both lists are in text order and
/// quotes do not overlap, so a binary search per figure finds the only candidate).
fn mark_quoted(figures: &mut [Figure], quotes: &[Quote]) {
    for f in figures {
        let after = quotes.partition_point(|q| q.span.start <= f.span.start);
        f.in_quote = after.checked_sub(1).is_some_and(|i| quotes[i].span.contains(f.span));
    }
}
