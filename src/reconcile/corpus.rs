//! The corpus-level pass: `cross_document` findings and the consolidated dataset.
//!
//! The state is compact: per (entity, measure, period, kind), the distinct values stated, and on
//! disk the articles stating each — not the figures themselves. Adding figure rows is commutative
//! and idempotent per (article, span), and every output is sorted, so the result does not depend
//! on the order the rows arrive in or how they were split (the reduce step relies on this).
//!
//! Syndicated copies (near duplicates) are no sources of their own: their values are kept apart,
//! and one that no rounding reconciles with what its original states is reported as a figure
//! mis-copied.

use super::reading::{Interval, Reading};
use super::sum::period_name;
use super::{CorpusResult, DatasetEntry, Evidence, Finding, Rule, Severity};
use crate::export::rows::FigureRow;
use crate::extract::Period;
use crate::read::Span;
use crate::spill::{self, Ids, Spill};
use rusqlite::OptionalExtension;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// (entity, measure, period label, kind).
type Key = (String, String, String, String);

/// Where a value is stated: (article, start, end, text).
type Source = (String, usize, usize, String);

fn source_of(row: &FigureRow) -> Source {
    (row.article.clone(), row.start, row.end, row.text.clone())
}

/// Whose values a [`Stated`] is among: the originals' (sources) or the syndicated copies'.
#[derive(Debug, Clone, Copy)]
enum Kept {
    Stated,
    Copied,
}

/// One distinct value stated for a key. The articles stating it are in the spill database,
/// under its number.
#[derive(Debug, Clone)]
struct Stated {
    value: f64,
    reading: Reading,
    /// Its number in the `mentions` table.
    no: u32,
    /// The least source in (article, start, end, text) order: the one findings quote.
    first: Source,
}

impl Stated {
    fn add(&mut self, row: &FigureRow) {
        // Compared by reference: most rows are not the least, and need no copy.
        let (a, start, end, text) = &self.first;
        if (row.article.as_str(), row.start, row.end, row.text.as_str()) < (a.as_str(), *start, *end, text.as_str()) {
            self.first = source_of(row);
        }
    }
}

/// A distinct value with the ids of the articles stating it, sorted: what a key's findings and
/// dataset row are made from, one key at a time.
struct Sourced {
    stated: Stated,
    articles: Vec<String>,
}

/// `mentions`: which articles state which value, appended as they come (an article may state a
/// value twice); indexed once, at the end, which sorts them in a few passes instead of inserting
/// each into its place.
/// `copied`: the same for the values of syndicated copies, with the original each copies. Both
/// keep where the figure stands, so that a mis-copy's evidence is the copy's figure and its
/// original's.
const SCHEMA: &str = "CREATE TABLE mentions (stated INTEGER NOT NULL, article INTEGER NOT NULL,
         start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, text TEXT NOT NULL);
     CREATE TABLE copied (stated INTEGER NOT NULL, article INTEGER NOT NULL, original INTEGER NOT NULL,
         start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, text TEXT NOT NULL);";

/// The page cache of the corpus database, in KiB (the dedup index keeps the default
/// [`spill::CACHE_KIB`]: it is read at random). Mentions are appended in order, so few of their
/// pages are in use at a time; with the default cache, the cache and the sort of the index at the
/// end grew with the corpus (some 4 MB more at 100,000 articles than at 10,000). The ids' unique
/// index is read in the ids' order, not the articles', so past this cache its lookups read pages
/// back from the temporary file: a cost in time, not in results (the 100,000-article run took
/// 7.7 s with it, 7.2 to 7.5 s before, within the machine's noise).
const CORPUS_CACHE_KIB: u32 = 256;
const _: () = assert!(CORPUS_CACHE_KIB < spill::CACHE_KIB);

/// The corpus-level state: what cross-document checks need from every record. Per key it keeps
/// the distinct values in memory (a few hundred keys in a corpus about a few reports); the
/// article behind every mention goes to a [`Spill`] database.
#[derive(Debug)]
pub struct Corpus {
    entries: BTreeMap<Key, Values>,
    /// The values syndicated copies state, by key, apart from the originals'.
    copies: BTreeMap<Key, Values>,
    /// How many distinct values there are: the next one's number.
    values: u32,
    db: Spill,
}

impl Corpus {
    /// An empty corpus state.
    pub fn new() -> spill::Result<Corpus> {
        let db = Spill::open(Ids::Interned, SCHEMA)?;
        db.limit_cache(CORPUS_CACHE_KIB)?;
        Ok(Corpus {
            entries: BTreeMap::new(),
            copies: BTreeMap::new(),
            values: 0,
            db,
        })
    }

    /// Adds one record's figures (stated and derived).
    pub fn add(&mut self, record: &crate::record::Record) -> spill::Result<()> {
        if record.failure.is_some() {
            return Ok(());
        }
        FigureRow::all_of(record).try_for_each(|row| self.add_figure(&row))
    }

    /// Adds the figure rows of one record that did not fail, as [`FigureRow::all_of`] makes them.
    pub fn add_figures(&mut self, rows: &[FigureRow]) -> spill::Result<()> {
        rows.iter().try_for_each(|row| self.add_figure(row))
    }

    /// Adds the figure rows of a syndicated copy of the article `original`: not counted as a
    /// source, but compared with the originals' values at the end.
    pub fn add_copy_figures(&mut self, rows: &[FigureRow], original: &str) -> spill::Result<()> {
        for row in rows {
            let Some(no) = self.stated(row, Kept::Copied)? else {
                continue;
            };
            let article = self.db.intern_id(&row.article)?;
            let original = self.db.intern_id(original)?;
            self.db
                .conn()
                .prepare_cached(
                    "INSERT INTO copied (stated, article, original, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .and_then(|mut s| s.execute((no, article, original, row.start as i64, row.end as i64, &row.text)))
                .map_err(spill::failed("remember a copied value"))?;
        }
        Ok(())
    }

    /// Adds one figure row, as the map step writes it. Rows that do not name a whole quantity
    /// with an entity and a period are ignored.
    pub fn add_figure(&mut self, row: &FigureRow) -> spill::Result<()> {
        let Some(no) = self.stated(row, Kept::Stated)? else {
            return Ok(());
        };
        let article = self.db.intern_id(&row.article)?;
        self.db
            .conn()
            .prepare_cached("INSERT INTO mentions (stated, article, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)")
            .and_then(|mut s| s.execute((no, article, row.start as i64, row.end as i64, &row.text)))
            .map_err(spill::failed("remember a mention"))?;
        Ok(())
    }

    /// The number of the value a row states among the values of its key (`kept` says whose: the
    /// originals' or the copies'), a new one if it is new; `None` when the row names no whole
    /// quantity with an entity and a period.
    fn stated(&mut self, row: &FigureRow, kept: Kept) -> spill::Result<Option<u32>> {
        let (Some(entity), Some(quantity), Some(period), Some(value)) =
            (&row.entity, &row.quantity, &row.period, row.value)
        else {
            return Ok(None);
        };
        let reading = if row.derived {
            let (low, high) = (row.low.unwrap_or(value), row.high.unwrap_or(value));
            Reading {
                value: Some(value),
                tight: Interval::new(low, high),
                wide: Interval::new(low, high),
            }
        } else {
            match Reading::of(&row.text, Some(value), row.low, row.high, row.approx.as_deref()) {
                Some(r) => r,
                None => return Ok(None),
            }
        };
        let key = (entity.clone(), quantity.clone(), period.clone(), row.kind.clone());
        let map = match kept {
            Kept::Stated => &mut self.entries,
            Kept::Copied => &mut self.copies,
        };
        let values = map.entry(key).or_default();
        let no = match values.equal_mut(value, &reading) {
            Some(s) => {
                s.add(row);
                s.no
            }
            None => {
                let no = self.values;
                self.values = no.checked_add(1).expect("fewer than 4 billion values");
                values.insert(Stated {
                    value,
                    reading,
                    no,
                    first: source_of(row),
                });
                no
            }
        };
        Ok(Some(no))
    }

    /// The corpus-level findings and dataset, once every record has been added.
    pub fn finish(self) -> spill::Result<CorpusResult> {
        let mut result = CorpusResult::default();
        for part in self.into_parts()? {
            let part = part?;
            result.findings.extend(part.findings);
            result.dataset.extend(part.dataset);
        }
        Ok(result)
    }

    /// The same as [`Corpus::finish`], one key at a time and in the same order, so that a large
    /// corpus never holds all its findings, or all its articles, at once.
    pub fn into_parts(self) -> spill::Result<impl Iterator<Item = spill::Result<CorpusResult>>> {
        let db = self.db;
        let mut copies = self.copies;
        db.conn()
            .execute_batch(
                "CREATE INDEX mentions_by_value ON mentions (stated, article);
                 CREATE INDEX copied_by_value ON copied (stated, original, article);",
            )
            .map_err(spill::failed("sort the mentions"))?;
        Ok(self.entries.into_iter().map(move |(key, values)| {
            let values = values
                .into_vec()
                .into_iter()
                .map(|stated| {
                    let articles = articles_stating(&db, stated.no)?;
                    Ok(Sourced { stated, articles })
                })
                .collect::<spill::Result<Vec<_>>>()?;
            let mut findings = conflicts(&key, &values);
            // The sources' disagreement, not a copy's: copies are no sources.
            let dataset = vec![entry(&key, &values, !findings.is_empty())];
            // A key only copies state is a figure a copy added, not one it mis-copied.
            for copied in copies.remove(&key).unwrap_or_default().into_vec() {
                for (original, copies) in copies_stating(&db, copied.no)? {
                    findings.extend(miscopied(&db, &key, &copied, &copies, &original, &values)?);
                }
            }
            Ok(CorpusResult { findings, dataset })
        }))
    }
}

/// The ids of the articles stating value `no`, sorted.
fn articles_stating(db: &Spill, no: u32) -> spill::Result<Vec<String>> {
    let mut ids = db
        .conn()
        .prepare_cached(
            "SELECT ids.id FROM (SELECT DISTINCT article FROM mentions WHERE stated = ?1) m
             JOIN ids ON ids.n = m.article",
        )
        .and_then(|mut s| s.query_map([no], |row| row.get(0))?.collect::<Result<Vec<String>, _>>())
        .map_err(spill::failed("read the articles of a value"))?;
    ids.sort_unstable();
    Ok(ids)
}

/// Where the copies stating the copied value `no` state it, by the original each copies, each
/// list in (article, start, end, text) order.
fn copies_stating(db: &Spill, no: u32) -> spill::Result<BTreeMap<String, Vec<Source>>> {
    let rows = db
        .conn()
        .prepare_cached(
            "SELECT o.id, a.id, c.start, c.\"end\", c.text FROM copied c
             JOIN ids o ON o.n = c.original JOIN ids a ON a.n = c.article WHERE c.stated = ?1",
        )
        .and_then(|mut s| {
            s.query_map([no], |row| {
                Ok((
                    row.get(0)?,
                    (row.get(1)?, offset(row, 2)?, offset(row, 3)?, row.get(4)?),
                ))
            })?
            .collect::<Result<Vec<(String, Source)>, _>>()
        })
        .map_err(spill::failed("read the copies of a value"))?;
    let mut by_original: BTreeMap<String, Vec<Source>> = BTreeMap::new();
    for (original, source) in rows {
        by_original.entry(original).or_default().push(source);
    }
    by_original.values_mut().for_each(|sources| sources.sort_unstable());
    Ok(by_original)
}

/// A byte offset stored in a column (SQLite keeps integers as i64).
fn offset(row: &rusqlite::Row, column: usize) -> rusqlite::Result<usize> {
    Ok(row.get::<_, i64>(column)? as usize)
}

/// The least place where `article` states the value `no`.
fn source_in(db: &Spill, no: u32, article: &str) -> spill::Result<Option<Source>> {
    db.conn()
        .prepare_cached(
            "SELECT m.start, m.\"end\", m.text FROM mentions m JOIN ids a ON a.n = m.article
             WHERE m.stated = ?1 AND a.id = ?2 ORDER BY m.start, m.\"end\", m.text LIMIT 1",
        )
        .and_then(|mut s| {
            s.query_row((no, article), |row| {
                Ok((article.to_owned(), offset(row, 0)?, offset(row, 1)?, row.get(2)?))
            })
            .optional()
        })
        .map_err(spill::failed("read where an article states a value"))
}

/// The `cross_document` finding of a value that syndicated copies of `original` state for a key
/// (`copies`: where they state it) when no rounding reconciles it with any value the original
/// states for the key (among `values`, the originals' values). None when the original states
/// nothing for the key: the copy then adds a figure rather than mis-copies one.
fn miscopied(
    db: &Spill,
    key: &Key,
    copied: &Stated,
    copies: &[Source],
    original: &str,
    values: &[Sourced],
) -> spill::Result<Option<Finding>> {
    let Some((severity, nearest)) = nearest_of_original(copied, original, values) else {
        return Ok(None);
    };
    let Some(in_original) = source_in(db, nearest.stated.no, original)? else {
        return Ok(None);
    };
    let copy_ids: BTreeSet<&str> = copies.iter().map(|(article, ..)| article.as_str()).collect();
    let named: Vec<&str> = copy_ids.iter().copied().collect();
    let copy_names = match named.as_slice() {
        [one] => (*one).to_owned(),
        [first, rest @ ..] => format!(
            "{first} and {} other cop{}",
            rest.len(),
            if rest.len() == 1 { "y" } else { "ies" }
        ),
        [] => unreachable!("a copied value has a copy"),
    };
    let in_copy = &copies[0];
    let message = format!(
        "A syndicated copy differs from its original on {}: {} in {copy_names}, but {} in {original}.",
        quantity_words(key),
        in_copy.3,
        in_original.3
    );
    let mut involved = copy_ids;
    involved.insert(original);
    let odd = (in_copy, copied.value);
    let common = (&in_original, nearest.stated.value);
    Ok(Some(cross_document(involved, severity, message, odd, common)))
}

/// Of the values `original` states for a key, the one nearest `copied` (the mildest verdict) with
/// that verdict; `None` when the original states none, or one that rounding reconciles.
fn nearest_of_original<'v>(copied: &Stated, original: &str, values: &'v [Sourced]) -> Option<(Severity, &'v Sourced)> {
    let (verdict, nearest) = values
        .iter()
        .filter(|v| v.articles.binary_search_by(|a| a.as_str().cmp(original)).is_ok())
        .map(|v| {
            let verdict = super::reading::verdict(
                copied.reading.tight.overlaps(v.stated.reading.tight),
                copied.reading.wide.overlaps(v.stated.reading.wide),
            );
            (verdict, v)
        })
        .min_by_key(|(verdict, _)| *verdict)?;
    Some((verdict?, nearest))
}

/// "Pinterest's government requests for the second half of 2015": a key in words.
fn quantity_words(key: &Key) -> String {
    let (entity, measure, period, _) = key;
    let period_words = Period::parse_label(period).map_or_else(|| period.clone(), |p| period_name(&p));
    format!("{entity}'s {measure} for {period_words}")
}

/// The order of the values of one quantity: by value, then the most precise first.
fn in_order(a: &Stated, b: &Stated) -> std::cmp::Ordering {
    a.value
        .total_cmp(&b.value)
        .then(width(&a.reading).total_cmp(&width(&b.reading)))
}

fn width(r: &Reading) -> f64 {
    r.tight.high - r.tight.low
}

/// Past how many values a key keeps them in a B-tree rather than a vector.
const MANY_VALUES: usize = 64;

/// The distinct values of one key in order (`in_order`, then as they were first stated): a
/// vector while they are few, a B-tree past [`MANY_VALUES`], since putting a value into the
/// middle of a vector moves every value after it, which made a page stating thousands of
/// values of one quantity quadratic (4 MB of "up to N requests" lines: 15 s, most of it moves).
#[derive(Debug)]
enum Values {
    Few(Vec<Stated>),
    /// Keyed by value and width (by `f64::total_cmp`, as `in_order` compares) and then by the
    /// value's number, which grows as values are stated: the same order as the vector's.
    Many(BTreeMap<(Total, Total, u32), Stated>),
}

impl Default for Values {
    fn default() -> Values {
        Values::Few(Vec::new())
    }
}

impl Values {
    /// The value equal to `value` (by `==`, so that 0 and -0 are one) read as `reading`, if
    /// one was stated before.
    fn equal_mut(&mut self, value: f64, reading: &Reading) -> Option<&mut Stated> {
        match self {
            Values::Few(values) => {
                let equal_from = values.partition_point(|s| s.value < value);
                values[equal_from..]
                    .iter_mut()
                    .take_while(|s| s.value == value)
                    .find(|s| s.reading == *reading)
            }
            Values::Many(values) => {
                // -0 sorts just before 0 and equals it: start there for either.
                let from = if value == 0.0 { -0.0 } else { value };
                values
                    .range_mut((Total(from), Total::LEAST, 0)..)
                    .map(|(_, s)| s)
                    .take_while(|s| s.value == value)
                    .find(|s| s.reading == *reading)
            }
        }
    }

    /// Puts a value not stated before after every value that sorts with it, as a stable sort
    /// puts a value pushed last.
    fn insert(&mut self, stated: Stated) {
        match self {
            Values::Few(values) if values.len() < MANY_VALUES => {
                let at = values.partition_point(|s| in_order(s, &stated).is_le());
                values.insert(at, stated);
            }
            Values::Few(values) => {
                let mut many: BTreeMap<_, _> = values.drain(..).map(|s| (order_key(&s), s)).collect();
                many.insert(order_key(&stated), stated);
                *self = Values::Many(many);
            }
            Values::Many(values) => {
                values.insert(order_key(&stated), stated);
            }
        }
    }

    /// The values in order.
    fn into_vec(self) -> Vec<Stated> {
        match self {
            Values::Few(values) => values,
            Values::Many(values) => values.into_values().collect(),
        }
    }
}

/// A value's place in [`Values::Many`].
fn order_key(s: &Stated) -> (Total, Total, u32) {
    (Total(s.value), Total(width(&s.reading)), s.no)
}

/// An `f64` ordered by `f64::total_cmp`, for keys.
#[derive(Debug, Clone, Copy)]
struct Total(f64);

impl Total {
    /// The least of all: the NaN with the sign and every other bit set.
    const LEAST: Total = Total(f64::from_bits(u64::MAX));
}

impl PartialEq for Total {
    fn eq(&self, other: &Total) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Total {}

impl PartialOrd for Total {
    fn partial_cmp(&self, other: &Total) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Total {
    fn cmp(&self, other: &Total) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Whether every article stating `a` also states another of `values`.
fn stated_only_beside_another(a: &Sourced, values: &[Sourced]) -> bool {
    a.articles.iter().all(|n| {
        values
            .iter()
            .any(|b| !std::ptr::eq(a, b) && b.articles.binary_search(n).is_ok())
    })
}

/// The value most articles state, the most precise (then the smallest) one on a tie.
fn agreed(values: &[Sourced]) -> &Sourced {
    values
        .iter()
        .max_by(|a, b| {
            a.articles
                .len()
                .cmp(&b.articles.len())
                .then(width(&b.stated.reading).total_cmp(&width(&a.stated.reading)))
                .then(b.stated.value.total_cmp(&a.stated.value))
        })
        .expect("a key has at least one value")
}

/// The `cross_document` findings of a key: one per value that no rounding reconciles with the
/// agreed value, naming the articles on both sides.
fn conflicts(key: &Key, values: &[Sourced]) -> Vec<Finding> {
    let common = agreed(values);
    values
        .iter()
        .filter(|odd| !std::ptr::eq(*odd, common))
        .filter(|odd| {
            // A value only stated by articles that also state another value of the key is those
            // articles disagreeing with themselves (the value_conflict rule's business), or
            // counting two things under one name ("removed 186,195 apps ... the store listed
            // 1,783,232 apps"): either way not the odd value of one quantity.
            !stated_only_beside_another(odd, values)
        })
        .filter_map(|odd| {
            let severity = super::reading::verdict(
                odd.stated.reading.tight.overlaps(common.stated.reading.tight),
                odd.stated.reading.wide.overlaps(common.stated.reading.wide),
            )?;
            Some(finding(key, odd, common, severity))
        })
        .collect()
}

fn finding(key: &Key, odd: &Sourced, common: &Sourced, severity: Severity) -> Finding {
    let name = |s: &Sourced| {
        let arts = &s.articles;
        let text = s.stated.first.3.as_str();
        match arts.len() {
            1 => format!("{text} in {}", arts[0]),
            n => format!(
                "{text} in {} and {} other article{}",
                arts[0],
                n - 1,
                if n == 2 { "" } else { "s" }
            ),
        }
    };
    let message = format!(
        "Articles disagree on {}: {}, but {}.",
        quantity_words(key),
        name(odd),
        name(common)
    );
    let involved = odd
        .articles
        .iter()
        .chain(&common.articles)
        .map(String::as_str)
        .collect();
    let odd = (&odd.stated.first, odd.stated.value);
    let common = (&common.stated.first, common.stated.value);
    cross_document(involved, severity, message, odd, common)
}

/// A corpus-level `cross_document` finding involving the articles `involved`, on a value that
/// disagrees with another (`odd` and `common`: where each is stated, and the value): the first
/// evidence is the odd one.
fn cross_document(
    involved: BTreeSet<&str>,
    severity: Severity,
    message: String,
    odd: (&Source, f64),
    common: (&Source, f64),
) -> Finding {
    let evidence = [odd.0, common.0]
        .into_iter()
        .map(|(article, start, end, text)| Evidence {
            article: article.clone(),
            span: Span::new(*start, *end),
            text: text.clone(),
        })
        .collect();
    Finding {
        article: None,
        articles: involved.into_iter().map(str::to_owned).collect(),
        rule: Rule::CrossDocument,
        severity,
        message,
        evidence,
        expected: Some(json!(common.1)),
        stated: Some(json!(odd.1)),
    }
}

/// The dataset row of a key: the value most articles state, the most precise one on a tie.
fn entry(key: &Key, values: &[Sourced], conflict: bool) -> DatasetEntry {
    let agreed = agreed(values);
    let sources: BTreeSet<&str> = values.iter().flat_map(|s| &s.articles).map(String::as_str).collect();
    let (entity, measure, period, kind) = key;
    DatasetEntry {
        entity: entity.clone(),
        measure: measure.clone(),
        period: period.clone(),
        kind: kind.clone(),
        value: agreed.stated.value,
        articles: sources.len(),
        sources: sources.into_iter().map(str::to_owned).collect(),
        conflict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The corpus database runs on its smaller cache (the default one grew the peak memory of
    /// long runs; see [`CORPUS_CACHE_KIB`]).
    #[test]
    fn the_corpus_database_keeps_the_smaller_page_cache() {
        let corpus = Corpus::new().unwrap();
        let kib: i64 = corpus
            .db
            .conn()
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kib, -i64::from(CORPUS_CACHE_KIB));
    }

    /// The values of a key in the old way: one vector, each new value put in place.
    fn in_a_vector(values: &mut Vec<Stated>, stated: Stated) -> Option<u32> {
        let equal_from = values.partition_point(|s| s.value < stated.value);
        if let Some(s) = values[equal_from..]
            .iter()
            .take_while(|s| s.value == stated.value)
            .find(|s| s.reading == stated.reading)
        {
            return Some(s.no);
        }
        let at = values.partition_point(|s| in_order(s, &stated).is_le());
        values.insert(at, stated);
        None
    }

    fn stated(value: f64, low: f64, high: f64, no: u32) -> Stated {
        Stated {
            value,
            reading: Reading {
                value: Some(value),
                tight: Interval::new(low, high),
                wide: Interval::new(low, high),
            },
            no,
            first: (String::new(), 0, 0, String::new()),
        }
    }

    /// Past `MANY_VALUES`, the B-tree finds the same equal values and keeps the same order as
    /// the vector: values stated again, ties of value and width (kept as first stated), 0 and
    /// -0, widths that differ only by their reading, rising, falling and mixed values.
    #[test]
    fn many_values_are_kept_as_the_vector_kept_them() {
        let mut next = crate::gen::fixed_random();
        let mut many = 0;
        for round in 0..60 {
            let (mut values, mut vector, mut no) = (Values::default(), Vec::new(), 0u32);
            let count = 1 + next(400);
            for i in 0..count {
                let value = match round % 3 {
                    0 => i as f64,
                    1 => -(i as f64),
                    _ => next(40) as f64 - 20.0,
                };
                let value = if value == 0.0 && next(2) == 0 { -0.0 } else { value };
                let (low, high) = match next(4) {
                    0 => (value, value),
                    1 => (value - 0.5, value + 0.5),
                    2 => (0.0, value.abs()),
                    _ => (value - next(3) as f64, value + 1.0),
                };
                let new = stated(value, low, high, no);
                let old = in_a_vector(&mut vector, stated(value, low, high, no));
                let found = values.equal_mut(value, &new.reading).map(|s| s.no);
                assert_eq!(found, old, "round {round}, value {i}: {value} in [{low}, {high}]");
                if found.is_none() {
                    values.insert(new);
                    no += 1;
                }
            }
            let kept: Vec<_> = values.into_vec().iter().map(|s| (s.value.to_bits(), s.no)).collect();
            let expected: Vec<_> = vector.iter().map(|s| (s.value.to_bits(), s.no)).collect();
            assert_eq!(kept, expected, "round {round}");
            many += usize::from(kept.len() > MANY_VALUES);
        }
        assert!(many >= 20, "only {many} rounds kept their values in the B-tree");
    }
}
