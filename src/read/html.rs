//! HTML pages: metadata plus the paragraphs of the main content only.
//!
//! Boilerplate (navigation, headers and footers, share bars, "related" and "most read" lists,
//! newsletter boxes, captions, scripts and styles) is dropped before any text is collected, so its
//! numbers never reach the extractor.

use super::meta::{read_meta, PageMeta};
use super::{normalize_whitespace, Article};
use ego_tree::NodeRef;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

/// Containers that hold the article body, most specific first.
static BODY_CANDIDATES: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    [
        "[itemprop=articleBody]",
        "article",
        ".story-body, .article-body, .entry-content, .post-content, .article-content, .story-content",
        "main, [role=main]",
        "body",
    ]
    .iter()
    .map(|css| Selector::parse(css).expect("static selector"))
    .collect()
});

/// Elements whose whole subtree is never article text.
const SKIPPED_TAGS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "form",
    "button",
    "iframe",
    "svg",
    "figure",
    "figcaption",
    "select",
    "template",
    "h1",
    "menu",
    "dialog",
];

/// Elements that make one paragraph of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "tr",
    "dd",
    "dt",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "dl",
    "br",
    "hr",
];

/// Class or id words that mark boilerplate blocks: `class="related-stories"`, `id="share-bar"`.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(^|[\s_-])(related|share|sharing|social|newsletter|subscribe|comments?|promo|most-?read|popular|trending|footer|nav|navbar|menu|breadcrumbs?|advert|ads?|sidebar|widget|byline|caption|recommended|read-?more|tags|author-bio|pull-?quote)($|[\s_-])",
    )
    .unwrap()
});

/// Reads an HTML page into an article (without id and source, which the caller sets).
pub fn read_html(content: &str) -> Article {
    let doc = Html::parse_document(content);
    let meta = read_meta(&doc);
    let paragraphs = main_paragraphs(&doc, &meta);
    let mut article = Article {
        title: meta.title,
        published: meta.published,
        publisher: meta.publisher,
        byline: meta.byline,
        ..Article::default()
    };
    article.set_paragraphs(paragraphs);
    article
}

/// The paragraphs of the best body container, falling back to JSON-LD `articleBody`.
fn main_paragraphs(doc: &Html, meta: &PageMeta) -> Vec<String> {
    let best = BODY_CANDIDATES.iter().find_map(|sel| {
        doc.select(sel)
            .map(|root| collect_blocks(root))
            .filter(|blocks| !blocks.is_empty())
            .max_by_key(|blocks| blocks.iter().map(String::len).sum::<usize>())
    });
    match (best, &meta.article_body) {
        (Some(blocks), _) if !blocks.is_empty() => blocks,
        (_, Some(body)) => body.split('\n').map(normalize_whitespace).collect(),
        _ => Vec::new(),
    }
}

/// Collects the text blocks under `root`, one string per paragraph, skipping boilerplate.
fn collect_blocks(root: ElementRef) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    walk(*root, &mut current, &mut blocks);
    flush(&mut current, &mut blocks);
    blocks
}

fn walk(node: NodeRef<Node>, current: &mut String, blocks: &mut Vec<String>) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) => current.push_str(t),
            Node::Element(e) => {
                let tag = e.name();
                if SKIPPED_TAGS.contains(&tag) || is_boilerplate(e) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&tag);
                if block {
                    flush(current, blocks);
                }
                if tag == "td" || tag == "th" {
                    current.push('\t');
                }
                walk(child, current, blocks);
                if block && tag != "td" && tag != "th" {
                    flush(current, blocks);
                }
            }
            _ => {}
        }
    }
}

fn flush(current: &mut String, blocks: &mut Vec<String>) {
    let text = normalize_whitespace(current);
    current.clear();
    if !text.is_empty() {
        blocks.push(text);
    }
}

fn is_boilerplate(e: &scraper::node::Element) -> bool {
    let hidden = e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true");
    let role = matches!(
        e.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary")
    );
    hidden
        || role
        || e.attr("class").is_some_and(|c| BOILERPLATE.is_match(c))
        || e.attr("id").is_some_and(|c| BOILERPLATE.is_match(c))
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
        let a = read_html(PAGE);
        assert_eq!(
            a.text,
            "Microsoft received 31,002 requests & more.\n\nLine one\n\nline two\n\nHalf Requests\n\nH2 2014 31,002"
        );
        assert_eq!(a.title.as_deref(), Some("Microsoft got 31,002 requests"));
    }

    #[test]
    fn json_ld_body_is_used_when_the_page_has_no_paragraphs() {
        let page = r#"<html><head><script type="application/ld+json">{"articleBody":"First 5 lines.\nSecond."}</script></head><body></body></html>"#;
        assert_eq!(read_html(page).text, "First 5 lines.\n\nSecond.");
    }
}
