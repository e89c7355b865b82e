//! One article's page: its text with figures, quotes and evidence marked, and beside it the
//! findings (linking to their evidence), the quotes and a table of the figures.

use super::html::{escape, page, source_link};
use crate::export::csv::number;
use crate::export::rows::{FigureRow, FindingRow};
use crate::export::tables::ArticleTables;
use std::collections::HashSet;

/// Where an article page receives the cross-article findings once the corpus is done. Cannot
/// occur in escaped article content (its `<` would be `&lt;`).
pub const CROSS_MARKER: &str = "<!-- cross-article findings -->";

/// The anchor id of a span of an article's text; evidence links point at it.
pub fn anchor(start: usize, end: usize) -> String {
    format!("s{start}-{end}")
}

/// A marked stretch of the text, rendered as an element around it.
struct Mark {
    start: usize,
    end: usize,
    /// Outer marks first when two share a span: quotes, then evidence, then figures.
    rank: u8,
    open: String,
    close: String,
}

/// The article page's HTML. Also returns how many figures were highlighted (all of them unless
/// a row's offsets do not fit the text).
pub fn render(t: &ArticleTables, index_href: &str) -> (String, usize) {
    let a = &t.article;
    let title = a.title.clone().unwrap_or_else(|| a.id.clone());
    let marks = marks(t);
    let highlighted = marks.iter().filter(|m| m.rank == FIGURE).count();
    let mut body = format!(
        "<header><a href=\"{}\">← all articles</a><h1>{}</h1><p class=\"meta\">{}</p></header>\n<main>",
        escape(index_href),
        escape(&title),
        meta_line(t)
    );
    if let Some(error) = &a.error {
        body.push_str(&format!(
            "<p class=\"error-box\">This input could not be processed: {}</p>",
            escape(error)
        ));
    }
    body.push_str("<div class=\"page\">\n<article class=\"text\">");
    body.push_str(&highlight(&a.text, marks));
    body.push_str("</article>\n<aside>");
    body.push_str(&findings_section(&t.findings, ""));
    body.push_str(CROSS_MARKER);
    body.push_str(&quotes_section(t));
    body.push_str(&figures_section(&t.figures, highlighted));
    body.push_str("</aside>\n</div></main>");
    (page(&title, &body), highlighted)
}

fn meta_line(t: &ArticleTables) -> String {
    let a = &t.article;
    let mut parts = Vec::new();
    if let Some(p) = &a.publisher {
        parts.push(escape(p));
    }
    if let Some(d) = &a.published {
        parts.push(escape(d));
    }
    parts.push(format!("id <code>{}</code>", escape(&a.id)));
    parts.push(format!("source {}", source_link(&a.source)));
    parts.join(" · ")
}

const QUOTE: u8 = 0;
const EVIDENCE: u8 = 1;
const FIGURE: u8 = 2;

/// Whether `start..end` is a non-empty span of `text` on character boundaries.
fn fits(text: &str, start: usize, end: usize) -> bool {
    start < end && text.get(start..end).is_some()
}

fn marks(t: &ArticleTables) -> Vec<Mark> {
    let text = &t.article.text;
    let mut marks = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let evidence: HashSet<(usize, usize)> = t
        .findings
        .iter()
        .flat_map(|f| &f.evidence)
        .filter(|e| e.article == t.article.id && fits(text, e.start, e.end))
        .map(|e| (e.start, e.end))
        .collect();
    for (i, q) in t.quotes.iter().enumerate().filter(|(_, q)| fits(text, q.start, q.end)) {
        let who = q
            .speaker
            .as_deref()
            .or(q.speaker_text.as_deref())
            .unwrap_or("unattributed");
        marks.push(Mark {
            start: q.start,
            end: q.end,
            rank: QUOTE,
            open: format!(
                "<span class=\"quote\" id=\"q{i}\" title=\"{}\">",
                escape(&format!("quote: {who}"))
            ),
            close: format!("</span><span class=\"who\">{}</span>", escape(who)),
        });
    }
    let figure_spans: HashSet<(usize, usize)> = t.figures.iter().map(|f| (f.start, f.end)).collect();
    for f in t.figures.iter().filter(|f| fits(text, f.start, f.end)) {
        let id = anchor(f.start, f.end);
        let id_attr = if ids.insert(id.clone()) {
            format!(" id=\"{id}\"")
        } else {
            String::new()
        };
        let class = if evidence.contains(&(f.start, f.end)) {
            "fig ev"
        } else {
            "fig"
        };
        let tip = escape(&tooltip(f));
        marks.push(Mark {
            start: f.start,
            end: f.end,
            rank: FIGURE,
            open: format!("<mark class=\"{class}\"{id_attr} title=\"{tip}\" data-tip=\"{tip}\">"),
            close: "</mark>".into(),
        });
    }
    for &(start, end) in evidence.iter().filter(|s| !figure_spans.contains(s)) {
        let id = anchor(start, end);
        if ids.insert(id.clone()) {
            marks.push(Mark {
                start,
                end,
                rank: EVIDENCE,
                open: format!("<span class=\"ev\" id=\"{id}\">"),
                close: "</span>".into(),
            });
        }
    }
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.rank));
    marks
}

/// What hovering a figure shows.
fn tooltip(f: &FigureRow) -> String {
    let value = match (f.value, f.low, f.high) {
        (Some(v), _, _) => number(v),
        (None, Some(l), Some(h)) => format!("{}–{}", number(l), number(h)),
        _ => "?".into(),
    };
    let unit = f.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    let pct = if f.kind == "percent" { "%" } else { "" };
    let approx = f.approx.as_deref().map(|a| format!(" ({a})")).unwrap_or_default();
    let or_unknown = |s: &Option<String>| s.clone().unwrap_or_else(|| "unknown".into());
    format!(
        "value: {value}{pct}{unit}{approx}\nmeasure: {}\nperiod: {}\nentity: {}",
        or_unknown(&f.measure),
        or_unknown(&f.period),
        or_unknown(&f.entity)
    )
}

/// The text with every mark around its span. Marks are sorted by start (outer first); a mark
/// that crosses the end of the one it starts in is cut at that end, so elements always nest
/// and every mark is rendered exactly once.
fn highlight(text: &str, marks: Vec<Mark>) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut open: Vec<Mark> = Vec::new();
    let mut pos = 0;
    for mut mark in marks {
        close_until(text, &mut out, &mut open, &mut pos, mark.start);
        if let Some(parent) = open.last() {
            mark.end = mark.end.min(parent.end);
        }
        out.push_str(&escape(&text[pos..mark.start]));
        pos = mark.start;
        out.push_str(&mark.open);
        open.push(mark);
    }
    close_until(text, &mut out, &mut open, &mut pos, usize::MAX);
    out.push_str(&escape(&text[pos..]));
    out
}

/// Closes every open mark that ends at or before `until`, writing the text up to each end.
fn close_until(text: &str, out: &mut String, open: &mut Vec<Mark>, pos: &mut usize, until: usize) {
    while let Some(top) = open.last() {
        if top.end > until {
            break;
        }
        out.push_str(&escape(&text[*pos..top.end]));
        *pos = top.end;
        out.push_str(&top.close);
        open.pop();
    }
}

/// The findings list; `page_prefix` is prepended to evidence links (empty on the article's
/// own page, where the evidence is in this page's text).
pub fn findings_section(findings: &[FindingRow], page_prefix: &str) -> String {
    let mut s = format!("<section><h2>Findings ({})</h2>", findings.len());
    if findings.is_empty() {
        s.push_str("<p>No inconsistency found.</p>");
    }
    for f in findings {
        s.push_str(&finding_item(f, |article| {
            if page_prefix.is_empty() {
                String::new()
            } else {
                format!("{page_prefix}{}", super::html::page_name(article))
            }
        }));
    }
    s.push_str("</section>");
    s
}

/// One finding with links to its evidence; `page_of` gives the page holding an article's text
/// (empty for this page).
pub fn finding_item(f: &FindingRow, page_of: impl Fn(&str) -> String) -> String {
    let mut s = format!(
        "<div class=\"finding sev-{}\"><b>{}</b> ({}) {}<ul>",
        escape(&f.severity),
        escape(&f.rule),
        escape(&f.severity),
        escape(&f.message)
    );
    for e in &f.evidence {
        s.push_str(&format!(
            "<li><a href=\"{}#{}\">“{}”</a>{}</li>",
            escape(&page_of(&e.article)),
            anchor(e.start, e.end),
            escape(&e.text),
            if f.articles.len() > 1 {
                format!(" in <code>{}</code>", escape(&e.article))
            } else {
                String::new()
            }
        ));
    }
    s.push_str("</ul></div>");
    s
}

fn quotes_section(t: &ArticleTables) -> String {
    let mut s = format!("<section><h2>Quotes ({})</h2><ul>", t.quotes.len());
    for (i, q) in t.quotes.iter().enumerate() {
        let who = q
            .speaker
            .as_deref()
            .or(q.speaker_text.as_deref())
            .unwrap_or("unattributed");
        let role = q
            .role
            .as_deref()
            .map(|r| format!(", {}", escape(r)))
            .unwrap_or_default();
        s.push_str(&format!(
            "<li><a href=\"#q{i}\"><b>{}</b></a>{role}: “{}”</li>",
            escape(who),
            escape(&q.text)
        ));
    }
    s.push_str("</ul></section>");
    s
}

fn figures_section(figures: &[FigureRow], highlighted: usize) -> String {
    let mut s = format!(
        "<section><h2>Figures ({})</h2><table><tr><th>as written</th><th>value</th><th>measure</th>\
         <th>entity</th><th>period</th></tr>",
        figures.len()
    );
    for f in figures {
        s.push_str(&format!(
            "<tr><td><a href=\"#{}\">{}</a></td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td class=\"p\">{}</td></tr>",
            anchor(f.start, f.end),
            escape(&f.text),
            f.value.map(number).unwrap_or_default(),
            escape(f.measure.as_deref().unwrap_or("")),
            escape(f.entity.as_deref().unwrap_or("")),
            escape(f.period.as_deref().unwrap_or(""))
        ));
    }
    s.push_str("</table>");
    if highlighted < figures.len() {
        s.push_str(&format!(
            "<p class=\"error-box\">{} figures have offsets outside the text and are not highlighted.</p>",
            figures.len() - highlighted
        ));
    }
    s.push_str("</section>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::rows::{ArticleRow, QuoteRow};

    fn figure(text: &str, start: usize, end: usize) -> FigureRow {
        FigureRow {
            article: "a".into(),
            text: text.get(start..end).unwrap_or("?").into(),
            start,
            end,
            kind: "count".into(),
            value: Some(1.0),
            low: None,
            high: None,
            approx: None,
            unit: None,
            measure: None,
            entity: None,
            period: None,
            compared_to: None,
            sentence: "".into(),
            in_quote: false,
            quantity: None,
            derived: false,
            from: Vec::new(),
        }
    }

    fn tables(text: &str, figures: Vec<FigureRow>, quotes: Vec<(usize, usize)>) -> ArticleTables {
        ArticleTables {
            article: ArticleRow {
                id: "a".into(),
                source: "a".into(),
                title: None,
                published: None,
                publisher: None,
                text: text.into(),
                error: None,
            },
            figures,
            quotes: quotes
                .into_iter()
                .map(|(start, end)| QuoteRow {
                    article: "a".into(),
                    text: text[start..end].into(),
                    start,
                    end,
                    speaker: None,
                    speaker_text: None,
                    role: None,
                    cue: None,
                    paragraphs: 1,
                })
                .collect(),
            findings: vec![],
        }
    }

    /// The text of the rendered article element with tags removed and entities decoded.
    fn visible_text(html: &str) -> String {
        let body = &html[html.find("<article class=\"text\">").unwrap()..html.find("</article>").unwrap()];
        let mut out = String::new();
        let mut in_tag = false;
        let mut in_label = false;
        for (i, c) in body.char_indices() {
            match c {
                '<' => {
                    in_tag = true;
                    if body[i..].starts_with("<span class=\"who\">") {
                        in_label = true;
                    } else if in_label && body[i..].starts_with("</span>") {
                        in_label = false;
                    }
                }
                '>' if in_tag => in_tag = false,
                c if !in_tag && !in_label => out.push(c),
                _ => {}
            }
        }
        let out = out.strip_prefix("<article class=\"text\">").unwrap_or(&out).to_string();
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn crossing_nested_and_duplicate_spans_all_render_and_keep_the_text() {
        let text = "\"About 1,200 <b>\" were 3 and 4–5 of them, café 7.";
        let q_end = text.find(" were").unwrap();
        let figures = vec![
            figure(text, 7, 12),         // inside the quote
            figure(text, 7, 12),         // the same span twice
            figure(text, 10, q_end + 6), // crosses the quote's end
            figure(text, 29, 34),        // "4–5": a multi-byte dash inside
            figure(text, 30, 34),        // nested in the previous one
        ];
        let t = tables(text, figures, vec![(0, q_end)]);
        let (html, highlighted) = render(&t, "../index.html");
        assert_eq!(highlighted, 5);
        assert_eq!(html.matches("<mark class=\"fig").count(), 5);
        assert_eq!(html.matches("</mark>").count(), 5);
        assert_eq!(visible_text(&html), text);
    }

    #[test]
    fn offsets_that_do_not_fit_the_text_are_listed_not_highlighted() {
        let text = "café 7";
        let figures = vec![
            figure(text, 5, 6),  // fine
            figure(text, 4, 6),  // starts inside "é"
            figure(text, 5, 99), // past the end
            figure(text, 3, 3),  // empty
        ];
        let t = tables(text, figures, vec![]);
        let (html, highlighted) = render(&t, "../index.html");
        assert_eq!(highlighted, 1);
        assert!(html.contains("3 figures have offsets outside the text"));
        assert_eq!(visible_text(&html), text);
    }
}
