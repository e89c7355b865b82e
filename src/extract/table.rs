//! Tables whose header names a period a column: "Country · Q2 2021 · Q3 2021", then "Russia ·
//! 976 · 1,314". A cell's figure is for its column's period, whatever the sentences around the
//! table name; prose never says so, so the figure reader cannot tell it from the row alone.
//!
//! A table reaches the text as paragraphs whose cells are separated by
//! [`CELL_SEPARATOR`](crate::read::CELL_SEPARATOR): a run of such paragraphs is one table, its
//! first row the header when every digit in it is part of a period ("2019", "H1 2016"). Columns
//! are matched from the right, as a header often leaves the corner above the row names empty.
//!
//! A table whose rows name periods ("Q1 2023 · 412 · 171", ...) often ends with a "Total" row:
//! its cells are for all the rows' periods together (2023), not for the last row's.

use super::period::{Period, PeriodMention};
use crate::read::{Article, Span, CELL_SEPARATOR};

/// The cells of an article's tables that are for their column's period.
#[derive(Debug, Default)]
pub(super) struct ColumnPeriods {
    /// Each cell with the period its column's header names, in text order.
    cells: Vec<(Span, Period)>,
    /// The rows that hold such cells.
    rows: Vec<Span>,
    /// The total rows of tables whose rows name periods, each with the span of those periods.
    totals: Vec<(Span, Period)>,
}

impl ColumnPeriods {
    /// The cells of `article`'s tables that are for a period named by their column's header
    /// (`periods` are the article's period mentions, in order); `None` when it has none. Costs
    /// one search for a tab in texts without a table.
    pub fn of(article: &Article, periods: &[PeriodMention]) -> Option<ColumnPeriods> {
        let text = &article.text;
        memchr::memchr(CELL_SEPARATOR as u8, text.as_bytes())?;
        let mut found = ColumnPeriods::default();
        let is_row = |p: &Span| p.of(text).contains(CELL_SEPARATOR);
        let mut at = 0;
        while at < article.paragraphs.len() {
            if !is_row(&article.paragraphs[at]) {
                at += 1;
                continue;
            }
            let end = at + article.paragraphs[at..].iter().take_while(|p| is_row(p)).count();
            found.add_table(text, &article.paragraphs[at..end], periods);
            found.add_total_row(text, &article.paragraphs[at..end], periods);
            at = end;
        }
        (!found.cells.is_empty() || !found.totals.is_empty()).then_some(found)
    }

    /// Adds the "Total" row of a table (`rows`) whose other rows, below a header, each name one
    /// period in their first cell: the total is for the span of those periods.
    fn add_total_row(&mut self, text: &str, rows: &[Span], periods: &[PeriodMention]) {
        let Some((total, above)) = rows.split_last() else {
            return;
        };
        let first_cell = |row: Span| cells_of(text, row)[0];
        let label = first_cell(*total).of(text).trim().to_ascii_lowercase();
        if !matches!(label.split(' ').next(), Some("total" | "all" | "overall" | "combined")) {
            return;
        }
        // one period, or one within each of the others ("2023 (January\u{2013}June)")
        let period_of_row = |row: &Span| {
            let cell = first_cell(*row);
            let inside: Vec<&Period> = periods
                .iter()
                .filter(|p| cell.start <= p.span.start && p.span.end <= cell.end && !p.reference)
                .map(|p| p.period.as_ref())
                .collect::<Option<_>>()?;
            inside
                .iter()
                .find(|p| inside.iter().all(|q| q.contains(p)))
                .map(|p| (*p).clone())
        };
        // the header names none
        let body = match above.split_first() {
            Some((header, body)) if period_of_row(header).is_none() => body,
            _ => above,
        };
        let named: Option<Vec<Period>> = body.iter().map(period_of_row).collect();
        let Some(named) = named.filter(|n| n.len() >= 2) else {
            return;
        };
        let start = named.iter().map(|p| p.start).min().expect("two periods");
        let end = named.iter().map(|p| p.end).max().expect("two periods");
        self.totals.push((*total, Period { start, end }));
    }

    /// Adds the cells of one table (`rows`, its paragraphs) when its header names periods.
    fn add_table(&mut self, text: &str, rows: &[Span], periods: &[PeriodMention]) {
        let Some((header, body)) = rows.split_first() else {
            return;
        };
        let Some(columns) = header_periods(text, *header, periods) else {
            return;
        };
        for &row in body {
            let cells = cells_of(text, row);
            let mut any = false;
            // matched from the right: the last cell of the row is the header's last column
            for (cell, period) in cells.iter().rev().zip(columns.iter().rev()) {
                if let Some(period) = period {
                    self.cells.push((*cell, period.clone()));
                    any = true;
                }
            }
            if any {
                self.rows.push(row);
            }
        }
        self.cells.sort_by_key(|(span, _)| span.start);
    }

    /// The period of the column whose cell holds `span`, else of the total row that holds it.
    pub fn period_of(&self, span: Span) -> Option<&Period> {
        let at = self.cells.partition_point(|(cell, _)| cell.end < span.end);
        self.cells
            .get(at)
            .filter(|(cell, _)| cell.start <= span.start && span.end <= cell.end)
            .map(|(_, period)| period)
            .or_else(|| {
                self.totals
                    .iter()
                    .find(|(row, _)| row.start <= span.start && span.end <= row.end)
                    .map(|(_, period)| period)
            })
    }

    /// Whether `sentence` lies in a row of such a table: its numbers are figures, as the header
    /// tells what they are for.
    pub fn holds(&self, sentence: Span) -> bool {
        self.rows
            .iter()
            .any(|row| row.start <= sentence.start && sentence.end <= row.end)
    }
}

/// The spans of the cells of the row `row`.
fn cells_of(text: &str, row: Span) -> Vec<Span> {
    let mut cells = Vec::new();
    let mut start = row.start;
    for (k, _) in row.of(text).match_indices(CELL_SEPARATOR) {
        cells.push(Span::new(start, row.start + k));
        start = row.start + k + CELL_SEPARATOR.len_utf8();
    }
    cells.push(Span::new(start, row.end));
    cells
}

/// The period each column of the header row `header` names (`None` for a column that names
/// none); `None` when no column names one, or when a digit of the header is outside the
/// periods it names (a row of figures, not a header).
fn header_periods(text: &str, header: Span, periods: &[PeriodMention]) -> Option<Vec<Option<Period>>> {
    let named: Vec<&PeriodMention> = periods
        .iter()
        .filter(|p| header.start <= p.span.start && p.span.end <= header.end && !p.reference)
        .collect();
    if named.is_empty() {
        return parts_of_the_year_before(text, header, periods);
    }
    let bytes = text.as_bytes();
    let digit_outside_periods = (header.start..header.end)
        .filter(|&k| bytes[k].is_ascii_digit())
        .any(|k| !named.iter().any(|p| p.span.start <= k && k < p.span.end));
    if digit_outside_periods {
        return None;
    }
    let columns: Vec<Option<Period>> = cells_of(text, header)
        .into_iter()
        .map(|cell| {
            let mut inside = named
                .iter()
                .filter(|p| cell.start <= p.span.start && p.span.end <= cell.end);
            match (inside.next(), inside.next()) {
                (Some(p), None) => p.period.clone(),
                _ => None,
            }
        })
        .collect();
    columns.iter().any(Option::is_some).then_some(columns)
}

/// The periods of a header whose columns name parts of a year without it ("Jan\u{2013}Jun",
/// "Jul\u{2013}Dec", "H1", "Q3"), a part of the calendar year named last before the table
/// (its caption or the sentence that introduces it: "Requests received by Mozilla, 2023").
/// `None` when no column names such a part, or when another cell holds a digit.
fn parts_of_the_year_before(text: &str, header: Span, periods: &[PeriodMention]) -> Option<Vec<Option<Period>>> {
    let cells = cells_of(text, header);
    let parts: Vec<Option<(u32, u32)>> = cells.iter().map(|c| part_of_a_year(c.of(text))).collect();
    let other_digit = cells
        .iter()
        .zip(&parts)
        .any(|(c, part)| part.is_none() && c.of(text).bytes().any(|b| b.is_ascii_digit()));
    if parts.iter().all(Option::is_none) || other_digit {
        return None;
    }
    let year = periods
        .iter()
        .rev()
        .filter(|p| p.span.end <= header.start && !p.reference)
        .find_map(|p| p.period.as_ref())
        .filter(|p| p.is_calendar_year())?;
    let y = chrono::Datelike::year(&year.start);
    Some(
        parts
            .into_iter()
            .map(|part| part.and_then(|(first, last)| Period::months(y, first, y, last)))
            .collect(),
    )
}

/// The first and last month of a part of a year a header cell names without its year: "H1",
/// "Q3", "Jan\u{2013}Jun", "July-December".
fn part_of_a_year(cell: &str) -> Option<(u32, u32)> {
    let cell = cell.trim().to_ascii_lowercase().replace('\u{2013}', "-");
    match cell.as_str() {
        "h1" | "1h" => return Some((1, 6)),
        "h2" | "2h" => return Some((7, 12)),
        "q1" => return Some((1, 3)),
        "q2" => return Some((4, 6)),
        "q3" => return Some((7, 9)),
        "q4" => return Some((10, 12)),
        _ => {}
    }
    let (first, last) = cell.split_once('-')?;
    let month = |name: &str| super::period::month_of(name.trim().trim_end_matches('.'));
    let (first, last) = (month(first)?, month(last)?);
    (first < last).then_some((first, last))
}

#[cfg(test)]
mod tests {
    use crate::read::Article;

    fn article(paragraphs: &[&str]) -> Article {
        let mut a = Article {
            published: Some("2021-11-20".into()),
            ..Article::default()
        };
        a.set_paragraphs(paragraphs);
        a
    }

    /// The figures of `a` with their periods.
    fn figures(a: &Article) -> Vec<(String, Option<String>)> {
        crate::extract::extract(a)
            .figures
            .iter()
            .map(|f| (f.span.of(&a.text).to_owned(), f.period.as_ref().map(|p| p.label())))
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
        expected
            .iter()
            .map(|(t, p)| (t.to_string(), Some(p.to_string())))
            .collect()
    }

    #[test]
    fn a_cell_is_for_the_period_its_column_names() {
        let a = article(&[
            "Twitter received 2,158 requests in the third quarter of 2021.",
            "Country\tQ2 2021\tQ3 2021",
            "Pakistan\t246\t312",
            "Total\t1,647\t2,158",
            "Twitter got 97 from Turkey.",
        ]);
        assert_eq!(
            figures(&a),
            pairs(&[
                ("2,158", "2021-Q3"),
                ("246", "2021-Q2"),
                ("312", "2021-Q3"),
                ("1,647", "2021-Q2"),
                ("2,158", "2021-Q3"),
                ("97", "2021-Q3"),
            ])
        );
    }

    #[test]
    fn columns_are_matched_from_the_right_and_a_row_of_cells_is_read() {
        // the corner above the row names is empty, and the cells are numbers in digits only
        // (without a header naming periods, three of them in a row are the cells of a table
        // whose meaning figmine does not know)
        let a = article(&["Requests to Rogers.", "\t2013\t2014\t2015", "Other\t3307\t2150\t1874"]);
        assert_eq!(
            figures(&a),
            pairs(&[("3307", "2013"), ("2150", "2014"), ("1874", "2015")])
        );
        let a = article(&["Results.", "Team\tWon\tLost\tPoints", "Hamlin\t5027\t6\t3"]);
        assert_eq!(figures(&a), []);
    }

    #[test]
    fn a_total_row_under_rows_that_name_periods_is_for_all_of_them() {
        let a = article(&[
            "Tuta received 1,896 orders in 2023.",
            "Quarter\tOrders\tDisclosed",
            "Q1 2023\t412\t171",
            "Q2 2023\t455\t182",
            "Total\t867\t353",
        ]);
        assert_eq!(
            figures(&a),
            pairs(&[
                ("1,896", "2023"),
                ("412", "2023-Q1"),
                ("171", "2023-Q1"),
                ("455", "2023-Q2"),
                ("182", "2023-Q2"),
                ("867", "2023-H1"),
                ("353", "2023-H1"),
            ])
        );
        // a row that names a year and a part of it is for the part
        let a = article(&[
            "Orders from 2021 to mid-2023.",
            "Period\tOrders",
            "2022\t26",
            "2023 (January\u{2013}June)\t12",
            "Total\t38",
        ]);
        assert_eq!(
            figures(&a),
            pairs(&[("26", "2022"), ("12", "2023-H1"), ("38", "2022-01-01/2023-06-30")])
        );
        // a row of another name is no total (here, outside coverage of requests, it takes none)
        let a = article(&["Orders in 2023.", "Q1 2023\t412", "Q2 2023\t455", "Germany\t867"]);
        assert_eq!(figures(&a)[2], ("867".to_owned(), None));
        let a = article(&["Orders in 2023.", "Q1 2023\t412", "Q2 2023\t455", "Total\t867"]);
        assert_eq!(figures(&a)[2], ("867".to_owned(), Some("2023-H1".to_owned())));
    }

    #[test]
    fn a_header_of_parts_of_a_year_without_it_takes_the_year_named_before_the_table() {
        let a = article(&[
            "Mozilla published its transparency report for 2023.",
            "Requests received by Mozilla, 2023",
            "Request type\tJan\u{2013}Jun\tJul\u{2013}Dec",
            "Copyright notices\t38\t51",
            "Total\t54\t66",
        ]);
        assert_eq!(
            figures(&a),
            pairs(&[
                ("38", "2023-H1"),
                ("51", "2023-H2"),
                ("54", "2023-H1"),
                ("66", "2023-H2")
            ])
        );
        let a = article(&["Requests in 2021.", "Type\tH1\tH2", "Orders\t38\t51"]);
        assert_eq!(figures(&a), pairs(&[("38", "2021-H1"), ("51", "2021-H2")]));
        // no year before the table: the columns name none
        let a = article(&["Requests by half.", "Type\tQ1\tQ2", "Orders\t38\t51"]);
        assert_eq!(figures(&a), [("38".to_owned(), None), ("51".to_owned(), None)]);
    }

    #[test]
    fn a_header_with_figures_in_it_is_a_row_and_periods_down_the_rows_stay_theirs() {
        // the first row holds a figure, so it is no header: its year is the row's period
        let a = article(&["Requests by year.", "2014\t1,063\t1,229", "2015\t1,428\t1,659"]);
        assert_eq!(
            figures(&a),
            pairs(&[
                ("1,063", "2014"),
                ("1,229", "2014"),
                ("1,428", "2015"),
                ("1,659", "2015")
            ])
        );
    }
}
