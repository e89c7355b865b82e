//! HTML pages: metadata plus the paragraphs of the main content only.
//!
//! The page is parsed once (by figmine's own lenient parser, [`dom`]), flattened into text blocks by one iterative walk
//! ([`page`]) that skips what is never article text, and the main content is chosen by scoring
//! ([`select`]). Boilerplate (navigation, headers and footers, share bars, "related" and "most
//! read" lists, newsletter boxes, captions, scripts and styles) never reaches the text, so its
//! numbers never reach the extractor.

mod depth;
pub(in crate::read) mod dom;
mod page;
mod rules;
mod select;

pub use depth::MAX_DEPTH;
pub use dom::MAX_PARTS;

use super::meta::read_meta;
use super::{normalize_whitespace, Article, ReadError};
use crate::deadline::Deadline;
use dom::{Dom, Unfinished};

/// Reads an HTML page into an article (without id and source, which the caller sets), with no
/// time budget.
pub fn read_html(content: &str) -> Result<Article, ReadError> {
    read_html_until(content, Deadline::NONE)
}

/// Reads an HTML page into an article (without id and source, which the caller sets), giving up
/// once `deadline` has passed.
///
/// A page nested deeper than [`MAX_DEPTH`] elements is refused before parsing: no real page
/// comes close. A page of more than [`MAX_PARTS`] elements, attributes and runs of text is
/// refused once the parser has read that many, before it holds gigabytes.
pub fn read_html_until(content: &str, deadline: Deadline) -> Result<Article, ReadError> {
    let depth = depth::max_depth(content);
    if depth > MAX_DEPTH {
        return Err(ReadError::TooDeep {
            depth,
            limit: MAX_DEPTH,
        });
    }
    let doc = Dom::parse_until(content, deadline).map_err(|unfinished| match unfinished {
        Unfinished::TooManyParts => ReadError::TooManyParts { limit: MAX_PARTS },
        Unfinished::OutOfTime => ReadError::OverBudget(deadline.budget()),
    })?;
    let over_budget = || {
        if deadline.passed() {
            return Err(ReadError::OverBudget(deadline.budget()));
        }
        Ok(())
    };
    let meta = read_meta(&doc);
    over_budget()?;
    let page = page::flatten(&doc);
    over_budget()?;
    let mut paragraphs: Vec<String> = select::main_blocks(&page).into_iter().map(|b| b.text.clone()).collect();
    if let Some(body) = &meta.article_body {
        if json_ld_body_is_fuller(&paragraphs, body) {
            paragraphs = body.split('\n').map(normalize_whitespace).collect();
        }
    }
    let mut article = Article {
        title: meta.title,
        published: meta.published,
        publisher: meta.publisher,
        byline: meta.byline,
        ..Article::default()
    };
    article.set_paragraphs(paragraphs);
    Ok(article)
}

/// Whether the JSON-LD `articleBody` should replace the text found in the markup: there is none,
/// or the markup shows only a teaser (a paywall) of the same article that JSON-LD holds whole.
/// Bodies that are themselves HTML are not used.
fn json_ld_body_is_fuller(paragraphs: &[String], body: &str) -> bool {
    if body.contains("<p") || body.contains("<body") || body.contains("<div") {
        return false;
    }
    let Some(first) = paragraphs.first() else {
        return !body.trim().is_empty();
    };
    let found: usize = paragraphs.iter().map(|p| p.len()).sum();
    let opening: String = first.chars().take(60).collect();
    body.len() > found * 3 / 2 + 200 && normalize_whitespace(body).contains(&opening)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>T</title></head><body>
      <nav><a href="/">Home</a> <a>Top 10 stories</a></nav>
      <article><h1>Microsoft got 31,002 requests</h1>
        <div class="share-bar">Share 1,204</div>
        <p>Microsoft received 31,002 requests &amp; more.</p>
        <figure><img src="x.png"><figcaption>Chart of 2014</figcaption></figure>
        <p>Line one<br>line two</p>
        <table><tr><th>Half</th><th>Requests</th></tr><tr><td>H2 2014</td><td>31,002</td></tr></table>
        <ul class="related-stories"><li>Apple got 3,000 requests</li></ul>
      </article>
      <footer>© 2015 Wire, (425) 882-8080</footer></body></html>"#;

    #[test]
    fn only_the_article_body_is_kept() {
        let a = read_html(PAGE).unwrap();
        assert_eq!(
            a.text,
            "Microsoft received 31,002 requests & more.\n\nLine one\n\nline two\n\nHalf\tRequests\n\nH2 2014\t31,002"
        );
        assert_eq!(a.title.as_deref(), Some("Microsoft got 31,002 requests"));
    }

    #[test]
    fn table_cells_are_separated_by_tabs_and_keep_their_columns() {
        let page = "<html><body><article><p>Requests to Rogers for customer information by year.</p>\
            <table><tr><th></th><th>2013</th><th> 2014 </th></tr>\
            <tr><td>Other  requests</td><td>246</td><td>312</td></tr>\
            <tr><td>Total</td><td></td><td>1,874</td></tr></table></article></body></html>";
        assert_eq!(
            read_html(page).unwrap().text,
            "Requests to Rogers for customer information by year.\n\n2013\t2014\n\n\
             Other requests\t246\t312\n\nTotal\t\t1,874"
        );
    }

    #[test]
    fn a_copyright_line_is_furniture_but_copyright_figures_are_not() {
        let page = "<html><body><article><p>Mozilla published its transparency report for 2023, with the \
            requests it received over the year.</p><p>Copyright notices rose to 51.</p>\
            <table><tr><td>Copyright takedown notices</td><td>38</td><td>51</td></tr></table>\
            <p>Copyright \u{a9} 2024 Example Media</p><p>Copyright 2024</p><p>Copyright Reuters</p>\
            <p>Copyright</p></article></body></html>";
        assert_eq!(
            read_html(page).unwrap().text,
            "Mozilla published its transparency report for 2023, with the requests it received over the year.\n\n\
             Copyright notices rose to 51.\n\nCopyright takedown notices\t38\t51"
        );
    }

    #[test]
    fn json_ld_body_is_used_when_the_page_has_no_paragraphs() {
        let page = r#"<html><head><script type="application/ld+json">{"articleBody":"First 5 lines.\nSecond."}</script></head><body></body></html>"#;
        assert_eq!(read_html(page).unwrap().text, "First 5 lines.\n\nSecond.");
    }
}
