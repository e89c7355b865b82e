//! Extract: an [`Article`] to its [`Extraction`]: figures (with periods, measures, entities and
//! comparisons) and quotes, each with its byte span in the article text.
//!
//! This is the only stage with regexes, and it fails only by running past its time budget or
//! finding more than [`MAX_FIGURES`] figures ([`extract_until`]).

/// A table of the 256 bytes, `true` for those `matches!` the pattern: one load in the loops that
/// read text a byte at a time, where a test of ranges took several instructions a byte.
macro_rules! bytes_matching {
    ($pattern:pat) => {{
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = matches!(b as u8, $pattern);
            b += 1;
        }
        table
    }};
}

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

pub use figure::{Comparison, Direction, Figure, FigureKind, FiguresCut};
pub use number::{find_numbers, Mention, MentionKind};
pub use period::{Anaphor, Period, PeriodMention};
pub use quote::Quote;

pub use crate::deadline::Deadline;
use crate::read::{Article, Span};
use std::time::Duration;

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

/// The most figures [`extract_until`] reads in one article: a page with more is a table or a
/// list of numbers, not an article (the richest of the benchmark's 181 real news pages has 217).
/// Each figure costs about 1 KB of memory until its article is written, and a row of some 300
/// bytes plus its sentence in `figures.jsonl`: a 4 MiB page of bare percentages, 1,047,498
/// figures, took 900 MB and wrote 2.4 GB.
pub const MAX_FIGURES: usize = 100_000;

/// Why the work on one document was given up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GaveUp {
    /// It ran past its time budget.
    #[error(transparent)]
    OverBudget(#[from] OverBudget),
    /// The article has more figures than an article may have ([`MAX_FIGURES`]).
    #[error("the article has more than {0} figures, more than an article may have (a table or a list of numbers?)")]
    TooManyFigures(usize),
}

/// Extracts like [`extract_until`], with a deadline `budget` from now.
pub fn extract_within(article: &Article, budget: Duration) -> Result<Extraction, GaveUp> {
    extract_until(article, Deadline::after(budget))
}

/// Extracts everything figmine knows how to find from an article, however long it takes and
/// however many figures it holds.
pub fn extract(article: &Article) -> Extraction {
    extract_limited(article, Deadline::NONE, usize::MAX).expect("no limit, so extraction always completes")
}

/// Extracts like [`extract`], but gives up once `deadline` has passed, so that one pathological
/// document cannot hold a worker for ever (tested between sentences and between quotes), or
/// once it has found more than [`MAX_FIGURES`] figures. The deadline is that of a document's
/// whole work, which the checks then keep ([`crate::reconcile::check_with_rows_until`]).
pub fn extract_until(article: &Article, deadline: Deadline) -> Result<Extraction, GaveUp> {
    extract_limited(article, deadline, MAX_FIGURES)
}

fn extract_limited(article: &Article, deadline: Deadline, max_figures: usize) -> Result<Extraction, GaveUp> {
    let published = article
        .published
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let sentences = sentence::split_sentences(&article.text, &article.paragraphs);
    // the period reader tells on the way whether the text is ASCII, which the quote reader asks
    let (dates, periods, ascii) = period::find_dates_periods_and_ascii(&article.text, published);
    let mut figures = figure::find_figures(article, &sentences, &periods, &dates, deadline, max_figures).map_err(
        |cut| match cut {
            FiguresCut::Deadline => GaveUp::OverBudget(OverBudget::Figures(deadline.budget())),
            FiguresCut::TooMany => GaveUp::TooManyFigures(max_figures),
        },
    )?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::read_text;

    /// The figures of `text` read with at most `max` kept.
    fn figures_at_most(text: &str, max: usize) -> Result<usize, GaveUp> {
        let article = read_text(text);
        extract_limited(&article, Deadline::NONE, max).map(|e| e.figures.len())
    }

    /// More figures than asked for end the reading, whether they come in many sentences (told
    /// between them) or in the last one (told at the end); as many as asked for are all read.
    #[test]
    fn past_its_most_figures_an_article_is_given_up() {
        let too_many = |max| Err(GaveUp::TooManyFigures(max));
        let many_sentences = "Requests\n\nApple got 700. Google got 3,000. Yahoo got 12 in 2014.";
        assert_eq!(figures_at_most(many_sentences, 3), Ok(3));
        assert_eq!(figures_at_most(many_sentences, 2), too_many(2));
        assert_eq!(figures_at_most(many_sentences, 0), too_many(0));
        let one_sentence = "Requests\n\nApple got 700, Google 3,000 and Yahoo 12.";
        assert_eq!(figures_at_most(one_sentence, 3), Ok(3));
        assert_eq!(figures_at_most(one_sentence, 2), too_many(2));
        assert_eq!(extract(&read_text(one_sentence)).figures.len(), 3);
    }

    /// A deadline passed before the first sentence gives the article up, and says so.
    #[test]
    fn past_its_deadline_an_article_is_given_up() {
        let article = read_text("Requests\n\nApple got 700 requests in 2014.");
        let over = extract_until(&article, Deadline::after(Duration::ZERO));
        let figures_over = GaveUp::OverBudget(OverBudget::Figures(Duration::ZERO));
        assert_eq!(over.map(|e| e.figures.len()), Err(figures_over));
        assert_eq!(
            extract_within(&article, Duration::from_secs(3600)).map(|e| e.figures.len()),
            Ok(1)
        );
    }
}
