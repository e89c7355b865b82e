//! The cross-article findings on their way to the article pages they involve, kept in a private
//! temporary database ([`crate::spill`]) rather than in memory: in the 100,000-article benchmark
//! run 4,704 findings involve 1.2 million (article, finding) pairs, a finding up to 506 articles.

use super::html::page_name;
use super::page;
use crate::export::rows::FindingRow;
use crate::export::ExportError;
use crate::spill::{failed, Ids, Spill};

const SCHEMA: &str = "CREATE TABLE items (n INTEGER PRIMARY KEY, html TEXT NOT NULL);
                      CREATE TABLE involved (article TEXT NOT NULL, finding INTEGER NOT NULL);";

/// The cross-article findings so far, each rendered once, and the articles each involves.
pub struct CrossFindings {
    db: Spill,
    count: u32,
}

impl CrossFindings {
    /// An empty set, in a fresh temporary database.
    pub fn new() -> Result<Self, ExportError> {
        Ok(CrossFindings {
            db: Spill::open(Ids::Pushed, SCHEMA)?,
            count: 0,
        })
    }

    /// How many findings were added.
    pub fn count(&self) -> usize {
        self.count as usize
    }

    /// Keeps `f` for the pages of every article it names or cites.
    pub fn add(&mut self, f: &FindingRow) -> Result<(), ExportError> {
        let n = self.count;
        let conn = self.db.conn();
        // Evidence links point at sibling pages; a page's own become in-page links when read.
        let html = page::finding_item(f, page_name);
        conn.prepare_cached("INSERT INTO items (n, html) VALUES (?1, ?2)")
            .and_then(|mut s| s.execute((n, html)))
            .map_err(failed("keep a cross-article finding"))?;
        let mut insert = conn
            .prepare_cached("INSERT INTO involved (article, finding) VALUES (?1, ?2)")
            .map_err(failed("keep a cross-article finding"))?;
        for id in involved(f) {
            insert
                .execute((id, n))
                .map_err(failed("keep a cross-article finding"))?;
        }
        self.count += 1;
        Ok(())
    }

    /// Calls `page` with each involved article's id, how many findings involve it, and their
    /// HTML items one after the other, in the order the findings were added; articles in id
    /// order.
    pub fn for_each_page(
        &self,
        mut page: impl FnMut(&str, usize, &str) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        let conn = self.db.conn();
        // An index sorts in bounded memory (spill's page cache); ORDER BY alone may sort in RAM.
        conn.execute_batch("CREATE INDEX involved_by_article ON involved (article, finding);")
            .map_err(failed("sort the cross-article findings"))?;
        let mut rows = conn
            .prepare(
                "SELECT involved.article, items.html FROM involved INDEXED BY involved_by_article
                 JOIN items ON items.n = involved.finding ORDER BY involved.article, involved.finding",
            )
            .map_err(failed("read the cross-article findings"))?;
        let mut rows = rows.query([]).map_err(failed("read the cross-article findings"))?;
        // One article's items, as one string: an article in thousands of findings holds
        // megabytes of them.
        let mut current: Option<String> = None;
        let (mut count, mut items) = (0, String::new());
        while let Some(row) = rows.next().map_err(failed("read the cross-article findings"))? {
            let id: String = row.get(0).map_err(failed("read the cross-article findings"))?;
            let html: String = row.get(1).map_err(failed("read the cross-article findings"))?;
            if current.as_deref() != Some(id.as_str()) {
                if let Some(done) = current.replace(id.clone()) {
                    page(&done, count, &items)?;
                    (count, items) = (0, String::new());
                }
            }
            count += 1;
            items.push_str(&html_for_page(&html, &id));
        }
        match current {
            Some(last) => page(&last, count, &items),
            None => Ok(()),
        }
    }
}

/// Every article `f` names or cites, each once.
fn involved(f: &FindingRow) -> Vec<&str> {
    let mut ids: Vec<&str> = f.articles.iter().map(String::as_str).collect();
    ids.extend(f.evidence.iter().map(|e| e.article.as_str()));
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// A finding's item as shown on the page of `id`: links to that page's own spans stay on it.
/// Page names are `[a-z0-9.-]`, so the link text is unescaped and cannot occur in escaped text.
fn html_for_page(item: &str, id: &str) -> String {
    item.replace(&format!("href=\"{}#", page_name(id)), "href=\"#")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::rows::EvidenceRow;

    fn finding(articles: &[&str], evidence: &[&str]) -> FindingRow {
        FindingRow {
            article: None,
            articles: articles.iter().map(|a| a.to_string()).collect(),
            rule: "cross_document".into(),
            severity: "warning".into(),
            message: "Two figures disagree.".into(),
            evidence: evidence
                .iter()
                .map(|a| EvidenceRow {
                    article: a.to_string(),
                    text: "7,191".into(),
                    start: 3,
                    end: 8,
                })
                .collect(),
            expected: None,
            stated: None,
        }
    }

    fn pages(cross: &CrossFindings) -> Vec<(String, usize, String)> {
        let mut seen = Vec::new();
        cross
            .for_each_page(|id, count, items| {
                seen.push((id.to_owned(), count, items.to_owned()));
                Ok(())
            })
            .unwrap();
        seen
    }

    #[test]
    fn each_involved_article_gets_its_findings_in_order_with_its_own_links_in_page() {
        let mut cross = CrossFindings::new().unwrap();
        cross.add(&finding(&["b", "a"], &["a", "b"])).unwrap();
        cross.add(&finding(&["c"], &["a", "c"])).unwrap();
        let seen = pages(&cross);
        let ids: Vec<&str> = seen.iter().map(|(id, _, _)| id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let counts: Vec<usize> = seen.iter().map(|(_, count, _)| *count).collect();
        assert_eq!(counts, [2, 1, 1], "a is in both findings");
        for (id, _, items) in &seen {
            let own = format!("href=\"{}#", page_name(id));
            assert!(!items.contains(&own), "{id} links to itself by name: {items}");
            assert!(items.contains("href=\"#"), "{id} has no in-page link: {items}");
        }
        // As the page of `a` showed them when the findings were kept in memory.
        let on_a = |x: &str| if x == "a" { String::new() } else { page_name(x) };
        let expected = page::finding_item(&finding(&["b", "a"], &["a", "b"]), on_a)
            + &page::finding_item(&finding(&["c"], &["a", "c"]), on_a);
        assert!(expected.contains(&format!("href=\"{}#", page_name("b"))), "{expected}");
        assert_eq!(seen[0].2, expected);
    }

    #[test]
    fn no_findings_call_no_page() {
        assert!(pages(&CrossFindings::new().unwrap()).is_empty());
    }
}
