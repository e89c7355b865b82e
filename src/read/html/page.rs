//! One iterative pass over the parsed DOM: the page as a flat list of text blocks, each tied to the
//! element that holds it, with what later stages need to judge it (text length, link text).
//!
//! The walk keeps its own stack instead of recursing, so a page nested thousands of levels deep
//! costs heap, not call stack. Subtrees that are never article text (scripts, navigation, forms'
//! controls, hidden elements, boilerplate by class or id) are skipped here, once.

use super::rules::{self, Role};
use crate::read::normalize_whitespace;
use ego_tree::NodeRef;
use scraper::node::Element as HtmlElement;
use scraper::{Html, Node};

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
    /// A table row (`<tr>`), cells separated by spaces.
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

/// One step of the iterative walk.
enum Step<'a> {
    /// Visit a node (and then its children).
    Enter(NodeRef<'a, Node>),
    /// All children of a kept element are done.
    Leave { block: bool, link: bool, opened: bool },
}

/// Text collected since the last block boundary.
#[derive(Default)]
struct Pending {
    raw: String,
    link_chars: usize,
}

/// Walks the document's `<body>` (or the whole document when it has none) into blocks.
pub(super) fn flatten(doc: &Html) -> Page {
    let mut page = Page::default();
    let root = doc.tree.root();
    page.elements.push(Element {
        parent: None,
        tag: "#document".into(),
        role: Role::Neutral,
    });
    let mut open: Vec<(usize, BlockKind)> = vec![(0, BlockKind::Other)];
    let mut links = 0usize;
    let mut pending = Pending::default();
    let mut stack: Vec<Step> = root.children().rev().map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => match node.value() {
                Node::Text(text) => {
                    pending.raw.push_str(text);
                    if links > 0 {
                        pending.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                Node::Element(e) => {
                    let tag = e.name();
                    if rules::is_skipped(node, tag, e) || (tag == "figure" && !figure_holds_content(node)) {
                        continue;
                    }
                    if tag == "br" || tag == "hr" {
                        flush(&mut pending, &open, &mut page);
                        continue;
                    }
                    if tag == "td" || tag == "th" {
                        pending.raw.push(' ');
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
                    stack.push(Step::Leave { block, link, opened });
                    stack.extend(node.children().rev().map(Step::Enter));
                }
                _ => {}
            },
            Step::Leave { block, link, opened } => {
                links -= usize::from(link);
                if block {
                    flush(&mut pending, &open, &mut page);
                }
                if opened {
                    open.pop();
                }
            }
        }
    }
    flush(&mut pending, &open, &mut page);
    page
}

fn push_element(page: &mut Page, open: &[(usize, BlockKind)], tag: &str, e: &HtmlElement) -> usize {
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
    let text = normalize_whitespace(&pending.raw);
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    let (element, kind) = open.last().copied().unwrap_or((0, BlockKind::Other));
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

/// A `<figure>` is an image and its caption unless it wraps a table or a quotation.
fn figure_holds_content(figure: NodeRef<Node>) -> bool {
    figure.descendants().any(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "table" | "blockquote" | "p"))
            && !d
                .ancestors()
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "figcaption"))
    })
}
