//! # figmine
//!
//! Turns a corpus of press releases and news articles into a checked dataset of figures.
//!
//! ```text
//! Source ─fetch─▶ Document ─read─▶ Article ─extract─▶ Extraction{figures, quotes}
//!                                                        │
//!                      a failure at any stage ───────────┤
//!                                                        ▼
//!                                                     Record ─reconcile─▶ Vec<Finding>  (+ corpus state)
//!                                                        │                      │
//!                                                        └────────export────────┴──▶ out/*.jsonl
//! ```
//!
//! - [`fetch`]: where bytes come from (files and folders, gzip, HTTP with robots.txt, politeness,
//!   retries and a cache, feeds, sitemaps, WARC); knows nothing of HTML.
//! - [`read`]: bytes to an [`read::Article`] with one normalised `text` that every span indexes.
//! - [`extract`]: the only place with regexes; numbers, periods, figures and quotes. Fails only
//!   past its time budget or [`extract::MAX_FIGURES`].
//! - [`record`]: one input's complete result, or the reason it failed.
//! - [`reconcile`]: consistency checks, per article and across the corpus.
//! - [`export`]: the only module that writes output.
//! - [`batch`]: the driver that streams many inputs through the stages on rayon, resumably.
//! - [`deadline`]: the time budget of one document's work, which reading, extraction and the
//!   checks test.
//! - [`dedup`]: exact and near duplicates (syndicated copies).
//! - [`spill`]: a private temporary SQLite database for the state a batch keeps to its end.
//! - [`gen`]: a synthetic corpus with a truth file, for accuracy and speed at scale.
//!
//! ```
//! let mentions = figmine::extract::number::find_numbers("Requests fell 3 percent to 31,002.");
//! assert_eq!(mentions.len(), 2);
//! assert_eq!(mentions[1].value, Some(31002.0));
//! ```
#![warn(missing_docs)]

pub mod batch;
pub mod deadline;
pub mod dedup;
pub mod export;
pub mod extract;
pub mod fetch;
pub mod gen;
pub mod read;
pub mod reconcile;
pub mod record;
pub mod spill;
