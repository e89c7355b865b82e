//! The static HTML report: `report/index.html` and one page per article in `report/articles/`.
//! No server, no script and no external asset: pages open from the file system.
//!
//! Article pages are written as articles arrive, and so are the rows of the index's list of
//! articles and its items of corpus-level findings, into side files (memory holds only the
//! index's counts and chart points); the cross-article findings wait for the pages they involve
//! in a temporary database ([`cross`]). The index is written by `finish`, with counts by rule and
//! by (entity, period), the corpus-level findings and the list of articles copied from the side
//! files, and one chart per entity and measure.

mod chart;
mod cross;
pub mod html;
mod page;

use super::tables::{ArticleTables, CorpusTables, TableSink};
use super::ExportError;
use html::{escape, page_name};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub use chart::period_position;

/// How many measures get a chart per entity (the ones stated for the most periods).
const CHARTS_PER_ENTITY: usize = 3;

/// Chart points, (period label, value), per (entity, measure).
type Series = BTreeMap<(String, String), Points>;
/// (period label, value) points of one chart.
type Points = Vec<(String, f64)>;
/// The distinct values stated for one period, in the order first stated, with how often each
/// was: memory grows with the distinct values, not with the articles.
type Stated = Vec<(f64, usize)>;

/// Where the index's rows of articles wait for `finish`, in the report folder.
const ARTICLE_ROWS: &str = "index-articles.part";
/// Where the index's items of corpus-level findings wait for `finish`, in the report folder.
const CROSS_ITEMS: &str = "index-findings.part";

/// Writes the HTML report into a folder.
pub struct ReportSink {
    dir: PathBuf,
    /// The index's rows of articles so far (a 100,000-article run's list is some 30 MB).
    article_rows: BufWriter<File>,
    /// The index's items of corpus-level findings so far.
    cross_items: BufWriter<File>,
    /// The corpus-level findings for the article pages.
    cross: cross::CrossFindings,
    articles: usize,
    failed: usize,
    quotes: usize,
    by_rule: BTreeMap<String, usize>,
    by_entity_period: BTreeMap<(String, String), usize>,
    /// Stated values per (entity, measure) and period, for the charts.
    series: BTreeMap<(String, String), BTreeMap<String, Stated>>,
    /// The consolidated dataset's points per (entity, measure), a point a row: for the charts.
    dataset: Series,
    figures: usize,
    highlighted: usize,
}

impl ReportSink {
    /// Prepares `dir` (creating `dir/articles`, removing article pages of an earlier report).
    pub fn create(dir: &Path) -> Result<Self, ExportError> {
        let pages = dir.join("articles");
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| ExportError::Io { path, source }
        };
        std::fs::create_dir_all(&pages).map_err(io(&pages))?;
        for entry in std::fs::read_dir(&pages).map_err(io(&pages))? {
            let path = entry.map_err(io(&pages))?.path();
            if path.extension().is_some_and(|e| e == "html") {
                std::fs::remove_file(&path).map_err(io(&path))?;
            }
        }
        let side_file = |name: &str| {
            let path = dir.join(name);
            File::create(&path).map(BufWriter::new).map_err(io(&path))
        };
        Ok(ReportSink {
            dir: dir.to_path_buf(),
            article_rows: side_file(ARTICLE_ROWS)?,
            cross_items: side_file(CROSS_ITEMS)?,
            cross: cross::CrossFindings::new()?,
            articles: 0,
            failed: 0,
            quotes: 0,
            by_rule: BTreeMap::new(),
            by_entity_period: BTreeMap::new(),
            series: BTreeMap::new(),
            dataset: Series::new(),
            figures: 0,
            highlighted: 0,
        })
    }

    /// Figures in the data so far, and how many of them were highlighted in the pages.
    pub fn figure_counts(&self) -> (usize, usize) {
        (self.figures, self.highlighted)
    }

    fn write(&self, path: &Path, html: &str) -> Result<(), ExportError> {
        std::fs::write(path, html).map_err(|source| ExportError::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    fn count(&mut self, t: &ArticleTables) {
        for f in &t.findings {
            *self.by_rule.entry(f.rule.clone()).or_default() += 1;
        }
        for f in &t.figures {
            let entity = f.entity.clone().unwrap_or_else(|| "(unknown)".into());
            let period = f.period.clone().unwrap_or_else(|| "(unknown)".into());
            *self.by_entity_period.entry((entity, period)).or_default() += 1;
            if let (Some(e), Some(m), Some(p), Some(v)) = (&f.entity, &f.measure, &f.period, f.value) {
                let key = (e.clone(), m.clone());
                let stated = self.series.entry(key).or_default().entry(p.clone()).or_default();
                match stated.iter_mut().find(|(w, _)| *w == v) {
                    Some((_, n)) => *n += 1,
                    None => stated.push((v, 1)),
                }
            }
        }
        self.figures += t.figures.len();
    }

    /// Writes `index.html`, with the items of its lists copied from the side files, which are
    /// removed.
    fn write_index(&mut self) -> Result<(), ExportError> {
        let path = self.dir.join("index.html");
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| ExportError::Io { path, source }
        };
        let rows = self.dir.join(ARTICLE_ROWS);
        self.article_rows.flush().map_err(io(&rows))?;
        let items = self.dir.join(CROSS_ITEMS);
        self.cross_items.flush().map_err(io(&items))?;
        let mut out = BufWriter::new(File::create(&path).map_err(io(&path))?);
        let mut head = html::page_start("figmine report");
        head.push_str(
            "<header><h1>figmine report</h1><p class=\"meta\">Figures, quotes and consistency findings \
             extracted from the corpus</p></header>\n<main>",
        );
        head.push_str(&self.totals());
        head.push_str("<div class=\"grid2\">");
        head.push_str(&self.rules_card());
        head.push_str(&self.corpus_findings_card_start());
        out.write_all(head.as_bytes()).map_err(io(&path))?;
        copy_side_file(&items, &mut out, &path)?;
        let mut middle = String::from("</section></div>");
        middle.push_str(&self.charts_card());
        middle.push_str(&self.entity_period_card());
        middle.push_str(ARTICLES_CARD_START);
        out.write_all(middle.as_bytes()).map_err(io(&path))?;
        copy_side_file(&rows, &mut out, &path)?;
        out.write_all(b"</table></section></main>").map_err(io(&path))?;
        out.write_all(html::PAGE_END.as_bytes()).map_err(io(&path))?;
        out.flush().map_err(io(&path))
    }

    fn totals(&self) -> String {
        let findings: usize = self.by_rule.values().sum();
        let cells = [
            ("articles", self.articles - self.failed),
            ("failed inputs", self.failed),
            ("figures", self.figures),
            ("quotes", self.quotes),
            ("findings", findings),
            ("dataset rows", self.dataset.values().map(Vec::len).sum()),
        ];
        let mut s = String::from("<div class=\"totals\">");
        for (label, n) in cells {
            s.push_str(&format!(
                "<div id=\"total-{}\"><b>{n}</b>{label}</div>",
                label.replace(' ', "-")
            ));
        }
        s.push_str("</div>");
        s
    }

    fn rules_card(&self) -> String {
        let mut s = String::from(
            "<section class=\"card\"><h2>Findings by rule</h2><table><tr><th>rule</th><th>findings</th></tr>",
        );
        for (rule, n) in &self.by_rule {
            s.push_str(&format!("<tr><td>{}</td><td class=\"n\">{n}</td></tr>", escape(rule)));
        }
        if self.by_rule.is_empty() {
            s.push_str("<tr><td colspan=\"2\">No findings.</td></tr>");
        }
        s.push_str("</table></section>");
        s
    }

    /// Figures per entity (rows) and period (columns, in time order).
    fn entity_period_card(&self) -> String {
        let mut periods: Vec<&str> = self.by_entity_period.keys().map(|(_, p)| p.as_str()).collect();
        periods.sort_by(|a, b| {
            let at = |p: &str| period_position(p).unwrap_or(f64::INFINITY);
            at(a).total_cmp(&at(b)).then(a.cmp(b))
        });
        periods.dedup();
        let mut s = String::from(
            "<section class=\"card wide\"><h2>Figures by entity and period</h2><table><tr><th>entity</th>",
        );
        for p in &periods {
            s.push_str(&format!("<th class=\"n\">{}</th>", escape(p)));
        }
        s.push_str("</tr>");
        let mut entities: Vec<&str> = self.by_entity_period.keys().map(|(e, _)| e.as_str()).collect();
        entities.dedup();
        for entity in entities {
            s.push_str(&format!("<tr><td>{}</td>", escape(entity)));
            for p in &periods {
                let n = self.by_entity_period.get(&(entity.to_owned(), (*p).to_owned()));
                s.push_str(&format!(
                    "<td class=\"n\">{}</td>",
                    n.map(ToString::to_string).unwrap_or_default()
                ));
            }
            s.push_str("</tr>");
        }
        s.push_str("</table></section>");
        s
    }

    /// The card of corpus-level findings up to its items (the side file's) and its end.
    fn corpus_findings_card_start(&self) -> String {
        let mut s = format!(
            "<section class=\"card\"><h2>Findings across articles ({})</h2>",
            self.cross.count()
        );
        if self.cross.count() == 0 {
            s.push_str("<p>No article contradicts another.</p>");
        }
        s
    }

    /// Values to chart per (entity, measure): the consolidated dataset's agreed values when
    /// there is a dataset, else the value most articles state for each period.
    fn chart_series(&self) -> Cow<'_, Series> {
        if !self.dataset.is_empty() {
            return Cow::Borrowed(&self.dataset);
        }
        let mut series = Series::new();
        for (key, periods) in &self.series {
            let points = periods.iter().map(|(p, vs)| (p.clone(), most_stated(vs))).collect();
            series.insert(key.clone(), points);
        }
        Cow::Owned(series)
    }

    fn charts_card(&self) -> String {
        let source = if self.dataset.is_empty() {
            "values as stated"
        } else {
            "consolidated dataset"
        };
        let mut s = format!("<section class=\"card\"><h2>Each entity over time ({source})</h2>");
        let mut by_entity: BTreeMap<&str, Vec<(&str, &Points)>> = BTreeMap::new();
        let series = self.chart_series();
        for ((entity, measure), points) in series.iter() {
            by_entity.entry(entity).or_default().push((measure, points));
        }
        for (entity, mut measures) in by_entity {
            measures.sort_by_key(|(m, points)| (std::cmp::Reverse(points.len()), *m));
            let charts: Vec<String> = measures
                .iter()
                .filter_map(|(m, points)| chart::line_chart(m, points))
                .take(CHARTS_PER_ENTITY)
                .collect();
            if !charts.is_empty() {
                s.push_str(&format!(
                    "<h3>{}</h3><div class=\"charts\">{}</div>",
                    escape(entity),
                    charts.concat()
                ));
            }
        }
        s.push_str("</section>");
        s
    }

    /// The index's row of one article.
    fn article_row(t: &ArticleTables) -> String {
        let a = &t.article;
        format!(
            "<tr><td><a href=\"articles/{}\">{}</a></td><td>{}</td><td>{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            page_name(&a.id),
            escape(a.title.as_deref().unwrap_or(&a.id)),
            escape(a.published.as_deref().unwrap_or("")),
            escape(a.publisher.as_deref().unwrap_or("")),
            t.figures.len(),
            t.quotes.len(),
            t.findings.len(),
            escape(a.error.as_deref().unwrap_or(""))
        )
    }
}

/// The index's list of articles up to its rows.
const ARTICLES_CARD_START: &str =
    "<section class=\"card\"><h2>Articles</h2><table><tr><th>title</th><th>published</th>\
     <th>publisher</th><th>figures</th><th>quotes</th><th>findings</th><th>error</th></tr>";

impl ReportSink {
    /// Adds, to the page of every article a corpus-level finding involves, a section listing
    /// those findings (the pages were written before the corpus pass ran).
    fn add_cross_findings_to_pages(&self) -> Result<(), ExportError> {
        self.cross.for_each_page(|id, count, items| {
            let path = self.dir.join("articles").join(page_name(id));
            let Ok(html) = std::fs::read_to_string(&path) else {
                return Ok(()); // An article of another run: no page here.
            };
            let Some((before, after)) = html.split_once(page::CROSS_MARKER) else {
                return Ok(()); // Not a page of this report.
            };
            let io = |source| ExportError::Io {
                path: path.clone(),
                source,
            };
            // Written in pieces: the page, its findings and the page with them are not all held.
            let mut page = BufWriter::new(File::create(&path).map_err(io)?);
            let section = format!("<section><h2>Findings across articles ({count})</h2>");
            [before, &section, items, "</section>", after]
                .iter()
                .try_for_each(|piece| page.write_all(piece.as_bytes()))
                .and_then(|()| page.flush())
                .map_err(io)
        })
    }
}

/// Appends the side file at `from` to `out` (writing `path`), and removes it.
fn copy_side_file(from: &Path, out: &mut impl Write, path: &Path) -> Result<(), ExportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Io { path, source }
    };
    let mut side = File::open(from).map_err(io(from))?;
    std::io::copy(&mut side, out).map_err(io(path))?;
    std::fs::remove_file(from).map_err(io(from))
}

/// The value stated most often (the first stated on a tie), from the distinct values in the
/// order first stated with how often each was.
fn most_stated(values: &[(f64, usize)]) -> f64 {
    let mut best = values[0];
    for &(v, n) in values {
        if n > best.1 {
            best = (v, n);
        }
    }
    best.0
}

impl TableSink for ReportSink {
    fn article(&mut self, t: &ArticleTables) -> Result<(), ExportError> {
        let (html, highlighted) = page::render(t, "../index.html");
        self.write(&self.dir.join("articles").join(page_name(&t.article.id)), &html)?;
        self.highlighted += highlighted;
        self.count(t);
        self.articles += 1;
        self.failed += usize::from(t.article.error.is_some());
        self.quotes += t.quotes.len();
        let rows = &mut self.article_rows;
        rows.write_all(Self::article_row(t).as_bytes())
            .map_err(|source| ExportError::Io {
                path: self.dir.join(ARTICLE_ROWS),
                source,
            })
    }

    fn corpus(&mut self, t: &CorpusTables) -> Result<(), ExportError> {
        for f in &t.findings {
            *self.by_rule.entry(f.rule.clone()).or_default() += 1;
            let item = page::finding_item(f, |article| format!("articles/{}", page_name(article)));
            self.cross_items
                .write_all(item.as_bytes())
                .map_err(|source| ExportError::Io {
                    path: self.dir.join(CROSS_ITEMS),
                    source,
                })?;
            self.cross.add(f)?;
        }
        for d in &t.dataset {
            let key = (d.entity.clone(), d.measure.clone());
            self.dataset.entry(key).or_default().push((d.period.clone(), d.value));
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.add_cross_findings_to_pages()?;
        self.write_index()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::csv::number;

    #[test]
    fn most_stated_prefers_the_majority_then_the_first() {
        assert_eq!(most_stated(&[(1.0, 1), (2.0, 2)]), 2.0);
        assert_eq!(most_stated(&[(3.0, 1), (1.0, 1)]), 3.0);
        assert_eq!(number(most_stated(&[(5.0, 1)])), "5");
    }
}
