//! One pass over the parsed DOM: the page as a flat list of text blocks, each tied to the
//! element that holds it, with what later stages need to judge it (text length, link text).
//!
//! The walk keeps its own stack instead of recursing, so a page nested thousands of levels deep
//! costs heap, not call stack. Subtrees that are never article text (scripts, navigation, forms'
//! controls, hidden elements, boilerplate by class or id) are skipped here, once.

use super::dom::{Data, Dom, Element as DomElement};
use super::rules::{self, Role};
use crate::read::{normalize_whitespace, CELL_SEPARATOR};

/// An element that holds text blocks, with its parent so scores can flow upwards.
#[derive(Debug)]
pub(super) struct Element {
    /// Index of the parent element in [`Page::elements`] (`None` for the root).
    pub parent: Option<usize>,
    /// Lower-case tag name.
    pub tag: String,
    /// What the element's class and id say about it.
    pub role: Role,
}

/// What kind of element a block came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BlockKind {
    /// A `<p>` (or text directly inside a container).
    Paragraph,
    /// `<h2>`..`<h6>`.
    Heading,
    /// `<li>`, `<dt>`, `<dd>`.
    ListItem,
    /// A table row (`<tr>`), cells separated by tabs ([`CELL_SEPARATOR`]).
    TableRow,
    /// `<blockquote>` or `<pre>` content.
    Quote,
    /// Any other block (loose text in a `<div>`, a `<td>` line after a `<br>`).
    Other,
}

/// A run of text between two block boundaries.
#[derive(Debug)]
pub(super) struct Block {
    /// Whitespace-normalised text.
    pub text: String,
    /// Characters of `text`.
    pub chars: usize,
    /// Characters that were inside links.
    pub link_chars: usize,
    /// The innermost block element holding the text (index into [`Page::elements`]).
    pub element: usize,
    /// The kind of that element.
    pub kind: BlockKind,
    /// Inside a `<blockquote>` (a quoted passage or an embedded post, links and all).
    pub quoted: bool,
}

impl Block {
    /// Share of the block's characters that are link text.
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// The page as blocks and the elements holding them.
#[derive(Debug, Default)]
pub(super) struct Page {
    /// Kept elements, parents before children.
    pub elements: Vec<Element>,
    /// Text blocks in document order.
    pub blocks: Vec<Block>,
}

/// An open element of the walk, closed when the walk reaches the end of its subtree.
struct Open {
    /// One past its last descendant.
    end: usize,
    /// It starts and ends a block.
    block: bool,
    /// It is a link.
    link: bool,
    /// It was pushed onto the block elements.
    opened: bool,
}

/// Text collected since the last block boundary.
#[derive(Default)]
struct Pending {
    raw: String,
    link_chars: usize,
}

/// Walks the document into blocks. Nodes are stored in document order with the end of each
/// subtree, so the walk is one pass over the nodes that jumps over skipped subtrees.
pub(super) fn flatten(dom: &Dom) -> Page {
    let mut page = Page::default();
    page.elements.push(Element {
        parent: None,
        tag: "#document".into(),
        role: Role::Neutral,
    });
    let mut open: Vec<(usize, BlockKind)> = vec![(0, BlockKind::Other)];
    let mut links = 0usize;
    let mut pending = Pending::default();
    let mut walk: Vec<Open> = Vec::new();
    let mut i = 1;
    while i < dom.len() {
        while walk.last().is_some_and(|o| o.end <= i) {
            let done = walk.pop().expect("checked");
            leave(&done, &mut links, &mut pending, &mut open, &mut page);
        }
        match dom.data(i) {
            Data::Text(text) => {
                pending.raw.push_str(text);
                if links > 0 {
                    pending.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
                }
            }
            Data::Element(e) => {
                let tag = e.name();
                if rules::is_skipped(dom, i, tag, e) || (tag == "figure" && !figure_holds_content(dom, i)) {
                    i = dom.end(i);
                    continue;
                }
                if tag == "br" || tag == "hr" {
                    flush(&mut pending, &open, &mut page);
                    i = dom.end(i);
                    continue;
                }
                if tag == "td" || tag == "th" {
                    pending.raw.push(CELL_SEPARATOR);
                }
                let block = !rules::is_inline(tag) && !matches!(tag, "td" | "th");
                let link = tag == "a";
                let mut opened = false;
                if block {
                    flush(&mut pending, &open, &mut page);
                    if !matches!(tag, "td" | "th") {
                        open.push((push_element(&mut page, &open, tag, e), kind_of(tag)));
                        opened = true;
                    }
                }
                links += usize::from(link);
                walk.push(Open {
                    end: dom.end(i),
                    block,
                    link,
                    opened,
                });
            }
            Data::Document => {}
        }
        i += 1;
    }
    while let Some(done) = walk.pop() {
        leave(&done, &mut links, &mut pending, &mut open, &mut page);
    }
    flush(&mut pending, &open, &mut page);
    page
}

/// All children of an element are done: its block ends.
fn leave(done: &Open, links: &mut usize, pending: &mut Pending, open: &mut Vec<(usize, BlockKind)>, page: &mut Page) {
    *links -= usize::from(done.link);
    if done.block {
        flush(pending, open, page);
    }
    if done.opened {
        open.pop();
    }
}

fn push_element(page: &mut Page, open: &[(usize, BlockKind)], tag: &str, e: &DomElement) -> usize {
    page.elements.push(Element {
        parent: open.last().map(|&(i, _)| i),
        tag: tag.to_owned(),
        role: rules::role_of(e),
    });
    page.elements.len() - 1
}

fn kind_of(tag: &str) -> BlockKind {
    match tag {
        "p" => BlockKind::Paragraph,
        "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "tr" => BlockKind::TableRow,
        "blockquote" | "pre" => BlockKind::Quote,
        _ => BlockKind::Other,
    }
}

/// Ends the current block: its text becomes a [`Block`] of the innermost open block element.
fn flush(pending: &mut Pending, open: &[(usize, BlockKind)], page: &mut Page) {
    if pending.raw.trim().is_empty() {
        pending.raw.clear();
        pending.link_chars = 0;
        return;
    }
    let (element, kind) = open.last().copied().unwrap_or((0, BlockKind::Other));
    let text = if kind == BlockKind::TableRow {
        row_text(&pending.raw)
    } else {
        normalize_whitespace(&pending.raw)
    };
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    page.blocks.push(Block {
        text,
        chars,
        link_chars: pending.link_chars.min(chars),
        quoted: open.iter().any(|&(_, k)| k == BlockKind::Quote),
        element,
        kind,
    });
    pending.raw.clear();
    pending.link_chars = 0;
}

/// The text of a table row: each cell's whitespace normalised, the cells joined by
/// [`CELL_SEPARATOR`] (an empty cell kept, so that columns stay where the header has them).
fn row_text(raw: &str) -> String {
    let mut cells = raw.split(CELL_SEPARATOR);
    let before_first_cell = normalize_whitespace(cells.next().unwrap_or(""));
    let cells: Vec<String> = cells.map(normalize_whitespace).collect();
    let mut text = before_first_cell;
    for (k, cell) in cells.iter().enumerate() {
        if k > 0 || !text.is_empty() {
            text.push(CELL_SEPARATOR);
        }
        text.push_str(cell);
    }
    text
}

/// A `<figure>` is an image and its caption unless it wraps a table or a quotation.
fn figure_holds_content(dom: &Dom, figure: usize) -> bool {
    let mut d = figure + 1;
    while d < dom.end(figure) {
        match dom.element(d).map(|e| e.name()) {
            Some("figcaption") => d = dom.end(d),
            Some("table" | "blockquote" | "p") => return true,
            _ => d += 1,
        }
    }
    false
}
