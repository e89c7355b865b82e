//! A lenient HTML parser: one linear tokenizing pass (memchr to the next `<`) feeding a light
//! tree builder, into a flat node arena in document order.
//!
//! html5ever built the same tree for figmine before, but cost about 80% of reading a page: it
//! moves every character through a buffer queue and a tendril, and applies the whole HTML5
//! tree-construction algorithm. figmine needs only the element structure that decides which
//! text is a paragraph, so this parser keeps the parts of HTML5 that shape it and drops the
//! rest:
//!
//! - kept: raw-text elements (`<script>`, `<style>`, `<noscript>`, `<iframe>`...) whose content
//!   is never parsed as markup; character references (html5ever's own table); void elements;
//!   the implied end tags (`<p>` closed by a block start, `<li>`, `<dd>`/`<dt>`, table rows and
//!   cells, options); end tags that close only within their scope and are otherwise ignored;
//!   `</br>` read as `<br>`; the implied `<html>`, `<head>` and `<body>`, with head elements
//!   ending the head when body content starts; self-closing tags in SVG and MathML.
//! - dropped: the adoption agency for misnested formatting tags (an unmatched `</b>` is ignored
//!   and the `<b>` closes with its parent), reconstructing formatting elements, foster-parenting
//!   text out of tables, quirks mode. None of these moves text from one paragraph to another.
//!
//! Text and attribute values borrow from the page unless they hold a character reference.

use crate::deadline::Deadline;
use memchr::memchr;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

/// A parsed page: nodes in document order, node 0 the document.
#[derive(Debug)]
pub(in crate::read) struct Dom<'a> {
    nodes: Vec<Node<'a>>,
}

/// One node and where its subtree ends.
#[derive(Debug)]
struct Node<'a> {
    /// One past the index of the node's last descendant: the subtree is `index..end`.
    end: usize,
    data: Data<'a>,
}

/// What a node is.
#[derive(Debug)]
pub(in crate::read) enum Data<'a> {
    /// The root.
    Document,
    /// An element.
    Element(Element<'a>),
    /// Character data, references decoded.
    Text(Cow<'a, str>),
}

/// An element: lower-case name and attributes (names lower-case, the first of duplicates kept).
#[derive(Debug)]
pub(in crate::read) struct Element<'a> {
    name: Cow<'a, str>,
    attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

impl Element<'_> {
    /// The lower-case tag name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value of the attribute `name` (lower-case).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| &**v)
    }
}

/// The most parts (elements, attributes, runs of text, and the names of elements opened) a page
/// may have: the richest of 181 real news pages has some 2,500 tags, while a 64 MiB page of `<p>word` has 19 million parts,
/// which took some 3 GB to read before its text proved too long.
pub const MAX_PARTS: usize = 2_000_000;

/// The most attributes kept of one tag (the first of them); no real tag has more than a few dozen.
const MAX_ATTRIBUTES: usize = 256;

/// Why a page was not parsed to its end.
#[derive(Debug, PartialEq, Eq)]
pub(in crate::read) enum Unfinished {
    /// It has more than [`MAX_PARTS`] parts.
    TooManyParts,
    /// The deadline passed.
    OutOfTime,
}

impl<'a> Dom<'a> {
    /// Parses a page: anything that is not markup is text. Stops once the page has more than
    /// [`MAX_PARTS`] parts, or once `deadline` has passed.
    pub fn parse_until(html: &'a str, deadline: Deadline) -> Result<Dom<'a>, Unfinished> {
        Self::parse_limited(html, deadline, MAX_PARTS)
    }

    /// Parses a page with no deadline, as long as it is.
    #[cfg(test)]
    pub fn parse(html: &'a str) -> Dom<'a> {
        Self::parse_limited(html, Deadline::NONE, usize::MAX).expect("no limit")
    }

    fn parse_limited(html: &'a str, deadline: Deadline, max_parts: usize) -> Result<Dom<'a>, Unfinished> {
        let mut builder = Builder::new();
        tokenize(html, &mut builder, deadline, max_parts)?;
        Ok(builder.finish())
    }

    /// Number of nodes (the document included).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// What node `i` is.
    pub fn data(&self, i: usize) -> &Data<'a> {
        &self.nodes[i].data
    }

    /// Node `i` as an element.
    pub fn element(&self, i: usize) -> Option<&Element<'a>> {
        match &self.nodes[i].data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }

    /// Node `i` as text.
    pub fn text(&self, i: usize) -> Option<&str> {
        match &self.nodes[i].data {
            Data::Text(t) => Some(t),
            _ => None,
        }
    }

    /// One past the last node of `i`'s subtree: its descendants are `i + 1..end(i)`.
    pub fn end(&self, i: usize) -> usize {
        self.nodes[i].end
    }

    /// Every element with its index, in document order.
    pub fn elements(&self) -> impl Iterator<Item = (usize, &Element<'a>)> {
        self.nodes.iter().enumerate().filter_map(|(i, n)| match &n.data {
            Data::Element(e) => Some((i, e)),
            _ => None,
        })
    }

    /// The direct children of `i`.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.end(i);
        let mut next = i + 1;
        std::iter::from_fn(move || {
            (next < end).then(|| {
                let child = next;
                next = self.end(child);
                child
            })
        })
    }

    /// The text of `i`'s subtree, concatenated.
    pub fn text_content(&self, i: usize) -> String {
        (i + 1..self.end(i)).filter_map(|d| self.text(d)).collect()
    }
}

/// Where the text of every subtree lies: its first bytes are gathered in time linear in the runs
/// of text that hold them, however many elements are under it.
pub(in crate::read) struct TextIndex<'d, 'a> {
    dom: &'d Dom<'a>,
    /// The text nodes, in document order.
    texts: Vec<usize>,
}

impl<'d, 'a> TextIndex<'d, 'a> {
    /// Indexes the text of `dom`, in one pass.
    pub fn new(dom: &'d Dom<'a>) -> Self {
        let texts = (0..dom.len()).filter(|&i| dom.text(i).is_some()).collect();
        TextIndex { dom, texts }
    }

    /// The first `most` bytes of the text of `i`'s subtree (as [`Dom::text_content`]; fewer
    /// where a character would be cut), gathered from no more runs of text than hold them.
    pub fn text_up_to(&self, i: usize, most: usize) -> String {
        let first = self.texts.partition_point(|&t| t <= i);
        let end = self.texts.partition_point(|&t| t < self.dom.end(i));
        let mut out = String::new();
        for run in self.texts[first..end].iter().filter_map(|&t| self.dom.text(t)) {
            if out.len() + run.len() > most {
                let mut cut = most - out.len();
                while !run.is_char_boundary(cut) {
                    cut -= 1;
                }
                out.push_str(&run[..cut]);
                break;
            }
            out.push_str(run);
        }
        out
    }
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen", "frame", "basefont", "bgsound",
];

/// Elements whose content is text up to their end tag (with scripting on, as html5ever parsed
/// for figmine, `<noscript>` is one of them).
const RAW_TEXT: &[&str] = &["script", "style", "noscript", "iframe", "xmp", "noembed", "noframes"];

/// Raw-text elements whose character references are decoded.
const ESCAPABLE_RAW_TEXT: &[&str] = &["title", "textarea"];

/// Elements that belong in `<head>`; any other start tag (or text) there starts the body.
const HEAD_CONTENT: &[&str] = &[
    "base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template", "title",
];

/// Start tags that close an open `<p>` (in button scope).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "listing",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
    "plaintext",
    "li",
    "dd",
    "dt",
];

/// HTML5's "special" elements: an end tag for another element is not looked for past them.
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "keygen",
    "li",
    "link",
    "listing",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "param",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "source",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "wbr",
    "xmp",
];

/// Elements that bound the default scope: an end tag does not close anything outside them.
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];

/// Start tags that end SVG or MathML content and are parsed as HTML again.
const BREAKS_OUT_OF_FOREIGN: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// How deep elements nest before further start tags are kept as empty elements: twice the
/// depth the reader accepts, so that the open elements (each with its boundary positions) stay
/// few whatever the depth scan missed.
const MAX_OPEN: usize = 2 * super::depth::MAX_DEPTH;

/// A token of the page.
enum Token<'a> {
    Start {
        name: Cow<'a, str>,
        attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
        self_closing: bool,
    },
    End(Cow<'a, str>),
    /// A comment, doctype, processing instruction or a tag cut off by the end of the page.
    Ignored,
}

/// How many `<` the tokenizer passes between two looks at the clock.
const CLOCK_EVERY: usize = 1024;

/// Splits the page into text and tokens and hands them to the builder, until the builder holds
/// more than `max_parts` parts or the deadline passes.
fn tokenize<'a>(
    html: &'a str,
    builder: &mut Builder<'a>,
    deadline: Deadline,
    max_parts: usize,
) -> Result<(), Unfinished> {
    let bytes = html.as_bytes();
    let mut text_start = 0;
    let mut at = 0;
    let mut passed = 0usize;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        if passed.is_multiple_of(CLOCK_EVERY) && deadline.passed() {
            return Err(Unfinished::OutOfTime);
        }
        passed += 1;
        if builder.parts() > max_parts {
            return Err(Unfinished::TooManyParts);
        }
        let lt = at + offset;
        let Some((token, next)) = markup_at(html, lt) else {
            at = lt + 1;
            continue;
        };
        builder.text(&html[text_start..lt]);
        at = next;
        match token {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                let raw = RAW_TEXT.contains(&&*name);
                let escapable = ESCAPABLE_RAW_TEXT.contains(&&*name);
                if (raw || escapable) && builder.foreign == 0 {
                    let content_end = raw_text_end(bytes, at, name.as_bytes());
                    builder.start(name.clone(), attrs, false);
                    let content = &html[at..content_end];
                    builder.raw_text(if escapable {
                        decode_references(content, false)
                    } else {
                        Cow::Borrowed(content)
                    });
                    builder.end(&name);
                    at = memchr(b'>', &bytes[content_end..]).map_or(bytes.len(), |e| content_end + e + 1);
                } else {
                    builder.start(name, attrs, self_closing);
                }
            }
            Token::End(name) => builder.end(&name),
            Token::Ignored => {}
        }
        text_start = at;
    }
    builder.text(&html[text_start..]);
    if builder.parts() > max_parts {
        return Err(Unfinished::TooManyParts);
    }
    Ok(())
}

/// Where the raw text of element `name` that starts at `from` ends: at its end tag `</name`
/// (any case, followed by a space, `/` or `>`), or at the end of the page.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let lt = at + offset;
        let rest = &bytes[lt + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
            && rest
                .get(name.len() + 1)
                .is_none_or(|&b| matches!(b, b'>' | b'/') || b.is_ascii_whitespace())
        {
            return lt;
        }
        at = lt + 1;
    }
    bytes.len()
}

/// The markup starting at the `<` at `lt` and the position after it; `None` when the `<` is
/// plain text.
fn markup_at(html: &str, lt: usize) -> Option<(Token<'_>, usize)> {
    let bytes = html.as_bytes();
    let after = |from: usize, needle: u8| memchr(needle, &bytes[from.min(bytes.len())..]).map(|e| from + e + 1);
    match *bytes.get(lt + 1)? {
        b if b.is_ascii_alphabetic() => Some(start_tag(html, lt + 1).unwrap_or((Token::Ignored, bytes.len()))),
        b'/' => match bytes.get(lt + 2) {
            Some(b) if b.is_ascii_alphabetic() => {
                let name_end = tag_name_end(bytes, lt + 2);
                let next = after(name_end, b'>').unwrap_or(bytes.len());
                Some((Token::End(lower(&html[lt + 2..name_end])), next))
            }
            Some(b'>') => Some((Token::Ignored, lt + 3)),
            Some(_) => Some((Token::Ignored, after(lt + 2, b'>').unwrap_or(bytes.len()))),
            None => None,
        },
        b'!' if bytes[lt..].starts_with(b"<!--") => Some((Token::Ignored, comment_end(bytes, lt + 4))),
        b'!' | b'?' => Some((Token::Ignored, after(lt + 2, b'>').unwrap_or(bytes.len()))),
        _ => None,
    }
}

/// The position after a comment whose text starts at `from`.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let rest = &bytes[from..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    memchr::memmem::find(rest, b"-->").map_or(bytes.len(), |e| from + e + 3)
}

fn tag_name_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| matches!(b, b'>' | b'/') || b.is_ascii_whitespace())
        .map_or(bytes.len(), |e| from + e)
}

/// A start tag whose name starts at `from`, and the position after its `>`; `None` when the page
/// ends inside it (html5ever drops such a tag too).
fn start_tag(html: &str, from: usize) -> Option<(Token<'_>, usize)> {
    let bytes = html.as_bytes();
    let name_end = tag_name_end(bytes, from);
    let name = lower(&html[from..name_end]);
    let mut attrs: Vec<(Cow<str>, Cow<str>)> = Vec::new();
    let mut seen = SeenNames::default();
    let mut at = name_end;
    loop {
        while bytes.get(at)?.is_ascii_whitespace() {
            at += 1;
        }
        match bytes[at] {
            b'>' => {
                return Some((
                    Token::Start {
                        name,
                        attrs,
                        self_closing: false,
                    },
                    at + 1,
                ))
            }
            b'/' if bytes.get(at + 1) == Some(&b'>') => {
                return Some((
                    Token::Start {
                        name,
                        attrs,
                        self_closing: true,
                    },
                    at + 2,
                ))
            }
            b'/' => {
                at += 1;
                continue;
            }
            _ => {}
        }
        let attr_start = at;
        at += 1;
        while !matches!(*bytes.get(at)?, b'>' | b'/' | b'=') && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let attr_name = lower(&html[attr_start..at]);
        while bytes.get(at)?.is_ascii_whitespace() {
            at += 1;
        }
        let mut value = Cow::Borrowed("");
        if bytes[at] == b'=' {
            at += 1;
            while bytes.get(at)?.is_ascii_whitespace() {
                at += 1;
            }
            let (raw, next) = match bytes[at] {
                quote @ (b'"' | b'\'') => {
                    let close = at + 1 + memchr(quote, &bytes[at + 1..])?;
                    (&html[at + 1..close], close + 1)
                }
                b'>' => ("", at),
                _ => {
                    let end = bytes[at..]
                        .iter()
                        .position(|&b| b == b'>' || b.is_ascii_whitespace())
                        .map_or(bytes.len(), |e| at + e);
                    (&html[at..end], end)
                }
            };
            value = decode_references(raw, true);
            at = next;
        }
        if attrs.len() < MAX_ATTRIBUTES && seen.is_new(&attr_name, &attrs) {
            attrs.push((attr_name, value));
        }
    }
}

/// How many attributes a tag has before their names are kept in a set.
const FEW_ATTRIBUTES: usize = 16;

/// The names of a tag's attributes, so that the first of duplicates is kept: looked for in the
/// list of attributes while it is short, in a set once it is long, so that a tag of thousands of
/// attributes costs time linear in them (a 1 MB tag took 9.5 s).
#[derive(Default)]
struct SeenNames(FxHashSet<String>);

impl SeenNames {
    /// Whether no attribute in `attrs` is named `name`, noting it as seen when the set is in use.
    fn is_new(&mut self, name: &str, attrs: &[(Cow<str>, Cow<str>)]) -> bool {
        if attrs.len() < FEW_ATTRIBUTES {
            return !attrs.iter().any(|(n, _)| n == name);
        }
        if self.0.is_empty() {
            self.0.extend(attrs.iter().map(|(n, _)| n.to_string()));
        }
        self.0.insert(name.to_owned())
    }
}

/// ASCII lower case, borrowing when it already is.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Decodes character references (`&amp;`, `&#8217;`, `&#x2019;`, legacy `&nbsp` without its
/// semicolon) as HTML5 does; in attribute values a legacy reference followed by a letter, digit
/// or `=` is left as it is (it is a URL's query, `?a=1&copy=2`).
pub(in crate::read) fn decode_references(s: &str, in_attribute: bool) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let Some(first) = memchr(b'&', bytes) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut at = first;
    loop {
        match character_reference(&s[at + 1..], in_attribute) {
            Some((consumed, first, second)) => {
                out.push(first);
                out.extend(second);
                at += 1 + consumed;
            }
            None => {
                out.push('&');
                at += 1;
            }
        }
        match memchr(b'&', &bytes[at..]) {
            Some(n) => {
                out.push_str(&s[at..at + n]);
                at += n;
            }
            None => {
                out.push_str(&s[at..]);
                return Cow::Owned(out);
            }
        }
    }
}

/// The reference at the start of `rest` (just after a `&`): bytes consumed and the characters.
fn character_reference(rest: &str, in_attribute: bool) -> Option<(usize, char, Option<char>)> {
    let bytes = rest.as_bytes();
    if bytes.first() == Some(&b'#') {
        return numeric_reference(bytes);
    }
    let run = bytes
        .iter()
        .take(MAX_ENTITY_NAME)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if run == 0 {
        return None;
    }
    // The table also holds every prefix of a name, mapped to no character.
    let found = |key: &str| {
        markup5ever::data::NAMED_ENTITIES
            .get(key)
            .copied()
            .filter(|&(first, _)| first != 0)
    };
    if bytes.get(run) == Some(&b';') {
        if let Some(chars) = found(&rest[..=run]) {
            return Some((run + 1, char_of(chars.0), (chars.1 != 0).then(|| char_of(chars.1))));
        }
    }
    // A legacy reference without its semicolon: the longest name that is one.
    (1..=run).rev().find_map(|len| {
        let chars = found(&rest[..len])?;
        let next = bytes.get(len).copied();
        if in_attribute && next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'=') {
            return None;
        }
        Some((len, char_of(chars.0), (chars.1 != 0).then(|| char_of(chars.1))))
    })
}

/// Longest named reference without `&` and `;` (`CounterClockwiseContourIntegral`).
const MAX_ENTITY_NAME: usize = 32;

/// `#123;` or `#x7B;` (the semicolon optional), with HTML5's replacements for code points that
/// are not characters and for the C1 controls that Windows-1252 pages mean as punctuation.
fn numeric_reference(bytes: &[u8]) -> Option<(usize, char, Option<char>)> {
    let hex = matches!(bytes.get(1), Some(b'x' | b'X'));
    let digits_start = if hex { 2 } else { 1 };
    let radix = if hex { 16 } else { 10 };
    let digits = bytes[digits_start..]
        .iter()
        .take_while(|&&b| (b as char).is_digit(radix))
        .count();
    if digits == 0 {
        return None;
    }
    let value = bytes[digits_start..digits_start + digits].iter().fold(0u32, |v, &b| {
        v.saturating_mul(radix)
            .saturating_add((b as char).to_digit(radix).unwrap_or(0))
    });
    let mut consumed = digits_start + digits;
    if bytes.get(consumed) == Some(&b';') {
        consumed += 1;
    }
    let c = match value {
        0x80..=0x9F => markup5ever::data::C1_REPLACEMENTS[(value - 0x80) as usize].unwrap_or(char_of(value)),
        _ => char_of(value),
    };
    Some((consumed, c, None))
}

/// The character of a code point; U+FFFD for none (0, surrogates, past U+10FFFF).
fn char_of(code: u32) -> char {
    if code == 0 {
        return '\u{FFFD}';
    }
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

/// Where the builder is in the page's outline.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Phase {
    /// Nothing but whitespace, comments and the doctype so far.
    BeforeHead,
    /// Inside `<head>` (opened by its tag or by the first head element).
    InHead,
    /// After `</head>`, before the body.
    AfterHead,
    /// In the body (opened by its tag or by the first body content).
    InBody,
}

/// The sets of elements that bound a search of the open elements, each a bit of
/// [`Builder::bounds`].
#[derive(Clone, Copy, Debug)]
enum Boundary {
    /// HTML5's special elements: an end tag for any other element stops at them.
    Special,
    /// Special elements but `<address>`, `<div>` and `<p>`: a new list item's search.
    ListItem,
    /// A table, its sections, `<html>`, `<template>`: a new row's search.
    TableBody,
    /// A row or what [`Boundary::TableBody`] holds: a new cell's search.
    TableRow,
    /// A table, `<html>`, `<template>`: a new section's search and table end tags'.
    Table,
    /// Button scope: an open paragraph's search.
    Button,
    /// List-item scope: `</li>`'s search.
    List,
    /// The default scope: end tags of headings and special elements.
    Scope,
}

/// How many [`Boundary`] sets there are.
const BOUNDARIES: usize = 8;

impl Boundary {
    const ALL: [Boundary; BOUNDARIES] = [
        Boundary::Special,
        Boundary::ListItem,
        Boundary::TableBody,
        Boundary::TableRow,
        Boundary::Table,
        Boundary::Button,
        Boundary::List,
        Boundary::Scope,
    ];

    /// Whether an element named `name` is in the set.
    fn holds(self, name: &str) -> bool {
        match self {
            Boundary::Special => SPECIAL.contains(&name),
            Boundary::ListItem => SPECIAL.contains(&name) && !matches!(name, "address" | "div" | "p"),
            Boundary::TableBody => matches!(name, "table" | "tbody" | "thead" | "tfoot" | "html" | "template"),
            Boundary::TableRow => matches!(name, "tr" | "table" | "tbody" | "thead" | "tfoot" | "html" | "template"),
            Boundary::Table => matches!(name, "table" | "html" | "template"),
            Boundary::Button => name == "button" || SCOPE.contains(&name),
            Boundary::List => matches!(name, "ol" | "ul") || SCOPE.contains(&name),
            Boundary::Scope => SCOPE.contains(&name),
        }
    }
}

/// An element on the stack of open elements, with what lets a search of the stack take constant
/// time: a page of thousands of open elements and as many unmatched end tags cost time
/// quadratic in the page when each end tag walked the stack.
struct Open {
    /// Its node.
    node: usize,
    /// Its name's number in [`Builder::names`].
    name: usize,
    /// Where the next open element of the same name lies below it on the stack (0 for none).
    same_name_below: usize,
    /// For each [`Boundary`], where the topmost open element of the set lies at or below it
    /// (0 for none).
    bounds: [usize; BOUNDARIES],
}

/// Builds the node arena from tokens, keeping the stack of open elements.
struct Builder<'a> {
    nodes: Vec<Node<'a>>,
    /// Open elements: the document first, the current node last.
    open: Vec<Open>,
    /// A number for each element name seen opened, and the [`Boundary`] sets it is in (bits).
    names: FxHashMap<Cow<'a, str>, (usize, u8)>,
    /// Where the topmost open element of each name lies on the stack (0 for none), by number.
    topmost: Vec<usize>,
    phase: Phase,
    html: Option<usize>,
    /// Open `<svg>` and `<math>` elements.
    foreign: usize,
    /// Open `<p>` elements: with none, block start tags need not search the open elements.
    paragraphs: usize,
    /// The text node that new text joins (the last node, when no element came after it).
    last_text: Option<usize>,
    /// Attributes of all elements so far.
    attributes: usize,
}

impl<'a> Builder<'a> {
    fn new() -> Self {
        Builder {
            nodes: vec![Node {
                end: 1,
                data: Data::Document,
            }],
            open: vec![Open {
                node: 0,
                name: usize::MAX,
                same_name_below: 0,
                bounds: [0; BOUNDARIES],
            }],
            names: FxHashMap::default(),
            topmost: Vec::new(),
            phase: Phase::BeforeHead,
            html: None,
            foreign: 0,
            paragraphs: 0,
            last_text: None,
            attributes: 0,
        }
    }

    /// The parts of the page so far: nodes, attributes, and the names of elements opened, each
    /// name once (each is kept to the end: a page of millions of made-up names, `<y0><y1>...`,
    /// cost half as much again as one of a single name).
    fn parts(&self) -> usize {
        self.nodes.len() + self.attributes + self.topmost.len()
    }

    fn finish(mut self) -> Dom<'a> {
        self.pop_to(0);
        self.nodes[0].end = self.nodes.len();
        Dom { nodes: self.nodes }
    }

    fn name(&self, i: usize) -> &str {
        match &self.nodes[i].data {
            Data::Element(e) => &e.name,
            _ => "",
        }
    }

    fn current(&self) -> &str {
        self.name(self.open.last().expect("the document stays open").node)
    }

    /// Appends an element under the current node, and opens it unless `empty`.
    fn insert(&mut self, name: Cow<'a, str>, attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>, empty: bool) {
        let index = self.nodes.len();
        self.attributes += attrs.len();
        let opens = !empty && self.open.len() < MAX_OPEN;
        if opens {
            match &*name {
                "svg" | "math" => self.foreign += 1,
                "p" => self.paragraphs += 1,
                _ => {}
            }
        }
        self.nodes.push(Node {
            end: index + 1,
            data: Data::Element(Element { name, attrs }),
        });
        if opens {
            self.push_open(index);
        }
        self.last_text = None;
    }

    /// Puts node `index`, an element, on the stack of open elements.
    fn push_open(&mut self, index: usize) {
        let (name, sets) = self.number_of(index);
        let at = self.open.len();
        let mut bounds = self.open[at - 1].bounds;
        for (b, bound) in bounds.iter_mut().enumerate() {
            if sets & (1 << b) != 0 {
                *bound = at;
            }
        }
        let same_name_below = std::mem::replace(&mut self.topmost[name], at);
        self.open.push(Open {
            node: index,
            name,
            same_name_below,
            bounds,
        });
    }

    /// The number of element `index`'s name and its [`Boundary`] sets, numbered when first seen.
    fn number_of(&mut self, index: usize) -> (usize, u8) {
        let Data::Element(e) = &self.nodes[index].data else {
            unreachable!("only elements are opened")
        };
        if let Some(&found) = self.names.get(&*e.name) {
            return found;
        }
        let sets = Boundary::ALL
            .iter()
            .enumerate()
            .filter(|(_, b)| b.holds(&e.name))
            .fold(0u8, |sets, (i, _)| sets | 1 << i);
        let numbered = (self.topmost.len(), sets);
        self.names.insert(e.name.clone(), numbered);
        self.topmost.push(0);
        numbered
    }

    /// Closes the open elements from the top down to position `keep` of the stack (exclusive:
    /// `open[keep]` is closed too, when `keep > 0`).
    fn pop_to(&mut self, keep: usize) {
        let end = self.nodes.len();
        while self.open.len() > keep.max(1) {
            let Open {
                node: i,
                name,
                same_name_below,
                ..
            } = self.open.pop().expect("checked length");
            self.topmost[name] = same_name_below;
            self.nodes[i].end = end;
            match self.name(i) {
                "svg" | "math" => self.foreign = self.foreign.saturating_sub(1),
                "p" => self.paragraphs = self.paragraphs.saturating_sub(1),
                _ => {}
            }
        }
        if keep == 0 {
            self.nodes[0].end = end;
        }
        self.last_text = None;
    }

    /// Where the topmost open element named one of `targets` lies on the stack, unless an
    /// element of the `boundary` set lies above it (an element that is both is found).
    fn find_open(&self, targets: &[&str], boundary: Boundary) -> Option<usize> {
        let target = targets
            .iter()
            .filter_map(|t| self.names.get(*t))
            .map(|&(name, _)| self.topmost[name])
            .max()
            .unwrap_or(0);
        let bound = self.open.last().expect("the document stays open").bounds[boundary as usize];
        let found = (target > 0 && target >= bound).then_some(target);
        #[cfg(test)]
        assert_eq!(
            found,
            self.find_open_by_walking(targets, boundary),
            "{targets:?} {boundary:?}"
        );
        found
    }

    /// [`find_open`](Self::find_open) by walking the stack from the top, as it once did.
    #[cfg(test)]
    fn find_open_by_walking(&self, targets: &[&str], boundary: Boundary) -> Option<usize> {
        for k in (1..self.open.len()).rev() {
            let name = self.name(self.open[k].node);
            if targets.contains(&name) {
                return Some(k);
            }
            if boundary.holds(name) {
                return None;
            }
        }
        None
    }

    /// Closes the topmost open element named one of `targets`, with everything inside it,
    /// unless an element of the `boundary` set lies above it.
    fn close(&mut self, targets: &[&str], boundary: Boundary) {
        if let Some(k) = self.find_open(targets, boundary) {
            self.pop_to(k);
        }
    }

    fn ensure_html(&mut self) {
        if self.html.is_none() {
            self.insert(Cow::Borrowed("html"), Vec::new(), false);
            self.html = Some(self.nodes.len() - 1);
        }
    }

    fn open_head(&mut self) {
        self.ensure_html();
        self.insert(Cow::Borrowed("head"), Vec::new(), false);
        self.phase = Phase::InHead;
    }

    /// Ends the head (when open) so body content can start.
    fn close_head(&mut self) {
        self.ensure_html();
        if self.phase == Phase::InHead {
            self.pop_to(2);
        }
        self.phase = Phase::AfterHead;
    }

    fn open_body(&mut self, attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>) {
        self.close_head();
        self.insert(Cow::Borrowed("body"), attrs, false);
        self.phase = Phase::InBody;
    }

    fn start(&mut self, name: Cow<'a, str>, attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>, self_closing: bool) {
        if name == "html" {
            self.ensure_html();
            return;
        }
        if self.phase < Phase::InBody {
            match &*name {
                "head" if self.phase == Phase::BeforeHead => return self.open_head(),
                "head" => return,
                "body" => return self.open_body(attrs),
                n if HEAD_CONTENT.contains(&n) => {
                    if self.phase == Phase::BeforeHead {
                        self.open_head();
                    }
                    let empty = VOID.contains(&n);
                    return self.insert(name, attrs, empty);
                }
                _ => self.open_body(Vec::new()),
            }
        }
        if matches!(&*name, "head" | "body") {
            return;
        }
        if self.foreign > 0 {
            if !BREAKS_OUT_OF_FOREIGN.contains(&&*name) {
                return self.insert(name, attrs, self_closing);
            }
            while self.foreign > 0 && self.open.len() > 1 {
                let top = self.open.len() - 1;
                self.pop_to(top);
            }
        }
        self.close_implied(&name);
        let empty = VOID.contains(&&*name) || (self_closing && matches!(&*name, "svg" | "math"));
        let table_section = matches!(self.current(), "table");
        if table_section && matches!(&*name, "tr" | "td" | "th") {
            self.insert(Cow::Borrowed("tbody"), Vec::new(), false);
        }
        if matches!(&*name, "td" | "th") && matches!(self.current(), "tbody" | "thead" | "tfoot") {
            self.insert(Cow::Borrowed("tr"), Vec::new(), false);
        }
        self.insert(name, attrs, empty);
    }

    /// Closes what a start tag `name` implicitly ends: an open paragraph, a previous list item,
    /// table row or cell, option, heading.
    fn close_implied(&mut self, name: &str) {
        match name {
            "li" => self.close(&["li"], Boundary::ListItem),
            "dd" | "dt" => self.close(&["dd", "dt"], Boundary::ListItem),
            "tr" => self.close(&["tr"], Boundary::TableBody),
            "td" | "th" => self.close(&["td", "th"], Boundary::TableRow),
            "tbody" | "thead" | "tfoot" => self.close(&["tbody", "thead", "tfoot"], Boundary::Table),
            "option" | "optgroup" => {
                if self.current() == "option" {
                    let top = self.open.len() - 1;
                    self.pop_to(top);
                }
                if name == "optgroup" && self.current() == "optgroup" {
                    let top = self.open.len() - 1;
                    self.pop_to(top);
                }
            }
            // an open ruby annotation is closed only when it is the current node
            "rb" | "rt" | "rp" | "rtc" => {
                if matches!(self.current(), "rb" | "rt" | "rp") {
                    let top = self.open.len() - 1;
                    self.pop_to(top);
                }
            }
            "a" => self.close(&["a"], Boundary::Special),
            _ => {}
        }
        if CLOSES_P.contains(&name) {
            self.close_paragraph();
        }
        if is_heading(name) && is_heading(self.current()) {
            let top = self.open.len() - 1;
            self.pop_to(top);
        }
    }

    /// Closes an open `<p>` in button scope.
    fn close_paragraph(&mut self) {
        if self.paragraphs == 0 {
            return;
        }
        self.close(&["p"], Boundary::Button);
    }

    fn end(&mut self, name: &str) {
        match name {
            "html" | "body" => {}
            "head" => {
                if self.phase == Phase::InHead {
                    self.close_head();
                }
            }
            "br" => {
                if self.phase < Phase::InBody {
                    self.open_body(Vec::new());
                }
                self.insert(Cow::Borrowed("br"), Vec::new(), true);
            }
            "p" => self.close_paragraph(),
            "li" => self.close(&["li"], Boundary::List),
            h if is_heading(h) => self.close(&HEADINGS, Boundary::Scope),
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" => {
                self.close(&[name], Boundary::Table)
            }
            _ if SPECIAL.contains(&name) => self.close(&[name], Boundary::Scope),
            _ => self.close(&[name], Boundary::Special),
        }
    }

    fn text(&mut self, raw: &'a str) {
        if raw.is_empty() {
            return;
        }
        if self.phase < Phase::InBody {
            if raw.bytes().all(|b| b.is_ascii_whitespace()) {
                return;
            }
            self.open_body(Vec::new());
        }
        self.append_text(decode_references(raw, false));
    }

    /// The content of a raw-text element, under it.
    fn raw_text(&mut self, text: Cow<'a, str>) {
        if !text.is_empty() {
            self.append_text(text);
        }
    }

    fn append_text(&mut self, text: Cow<'a, str>) {
        if let Some(i) = self.last_text {
            if let Data::Text(existing) = &mut self.nodes[i].data {
                existing.to_mut().push_str(&text);
                return;
            }
        }
        let index = self.nodes.len();
        self.nodes.push(Node {
            end: index + 1,
            data: Data::Text(text),
        });
        self.last_text = Some(index);
    }
}

/// The heading elements.
const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as `name(children)` with text in quotes, whitespace-only text left out.
    fn outline(html: &str) -> String {
        let dom = Dom::parse(html);
        fn node(dom: &Dom, i: usize, out: &mut String) {
            match dom.data(i) {
                Data::Text(t) if t.trim().is_empty() => {}
                Data::Text(t) => out.push_str(&format!("{:?}", t.trim())),
                Data::Element(e) => {
                    out.push_str(e.name());
                    let children: Vec<usize> = dom.children(i).collect();
                    if !children.is_empty() {
                        out.push('(');
                        for c in children {
                            node(dom, c, out);
                            out.push(' ');
                        }
                        out.pop();
                        out.push(')');
                    }
                }
                Data::Document => {}
            }
        }
        let mut out = String::new();
        for c in dom.children(0) {
            node(&dom, c, &mut out);
        }
        out
    }

    #[test]
    fn html_head_and_body_are_implied_and_head_content_ends_where_the_body_starts() {
        assert_eq!(
            outline("<title>T</title><p>a"),
            r#"html(head(title("T")) body(p("a")))"#
        );
        assert_eq!(
            outline("<!doctype html><HTML><head><meta charset=utf-8><div>x</div>"),
            r#"html(head(meta) body(div("x")))"#
        );
        assert_eq!(outline("text first"), r#"html(body("text first"))"#);
    }

    #[test]
    fn paragraphs_list_items_and_cells_close_without_their_end_tags() {
        assert_eq!(
            outline("<body><p>a<p>b<div>c</div><ul><li>d<li>e</ul>"),
            r#"html(body(p("a") p("b") div("c") ul(li("d") li("e"))))"#
        );
        assert_eq!(
            outline("<body><table><tr><td>1<td>2<tr><th>3</table>"),
            r#"html(body(table(tbody(tr(td("1") td("2")) tr(th("3"))))))"#
        );
        assert_eq!(
            outline("<body><dl><dt>a<dd>b</dl><h2>c<h3>d"),
            r#"html(body(dl(dt("a") dd("b")) h2("c") h3("d")))"#
        );
    }

    #[test]
    fn end_tags_close_only_what_is_open_in_their_scope() {
        assert_eq!(
            outline("<body><div><b>x</i>y</div></span>z"),
            r#"html(body(div(b("xy")) "z"))"#
        );
        assert_eq!(
            outline("<body><div><table><tr><td></div>cell</td></tr></table>after</div>"),
            r#"html(body(div(table(tbody(tr(td("cell")))) "after")))"#
        );
        assert_eq!(outline("<body><p>a</br>b</p>"), r#"html(body(p("a" br "b")))"#);
    }

    #[test]
    fn raw_text_is_not_markup() {
        assert_eq!(
            outline("<body><script>if (a<b) x('</p>')</script><p>a</p><noscript><p>no</p></noscript>"),
            r#"html(body(script("if (a<b) x('</p>')") p("a") noscript("<p>no</p>")))"#
        );
        assert_eq!(
            outline("<title>A &amp; <b>B</title>"),
            r#"html(head(title("A & <b>B")))"#
        );
        assert_eq!(outline("<body><style>p{}"), r#"html(body(style("p{}")))"#);
    }

    #[test]
    fn comments_doctypes_and_stray_angle_brackets() {
        assert_eq!(
            outline("<body><!-- <p>hidden</p> -->a < b <3 <!---->c<? pi ?>d</>"),
            r#"html(body("a < b <3 cd"))"#
        );
        assert_eq!(outline("<body>a<!-- never closed <p>x"), r#"html(body("a"))"#);
        assert_eq!(outline("<body>a<div class="), r#"html(body("a"))"#);
    }

    #[test]
    fn svg_self_closing_tags_do_not_swallow_the_page() {
        assert_eq!(
            outline("<body><svg><path d=x /><circle/></svg><p>after"),
            r#"html(body(svg(path circle) p("after")))"#
        );
        assert_eq!(
            outline("<body><svg><g><p>breaks out"),
            r#"html(body(svg(g) p("breaks out")))"#
        );
    }

    #[test]
    fn attributes_quoted_unquoted_repeated_and_with_references() {
        let dom =
            Dom::parse(r#"<a HREF="/x?a=1&copy=2&amp;b" Class='k l' id=main data-x title="a > b" class=dup hidden>"#);
        let (_, a) = dom.elements().find(|(_, e)| e.name() == "a").unwrap();
        assert_eq!(a.attr("href"), Some("/x?a=1&copy=2&b"));
        assert_eq!(a.attr("class"), Some("k l"));
        assert_eq!(a.attr("id"), Some("main"));
        assert_eq!(a.attr("data-x"), Some(""));
        assert_eq!(a.attr("title"), Some("a > b"));
        assert_eq!(a.attr("hidden"), Some(""));
    }

    #[test]
    fn character_references_are_decoded_as_html5_does() {
        let text = |s: &str| decode_references(s, false).into_owned();
        assert_eq!(
            text("a &amp; b &lt;&gt; &quot;&#39;&#x2019;&#8217;"),
            "a & b <> \"'\u{2019}\u{2019}"
        );
        assert_eq!(text("&nbsp;x&nbspy &copy 2015"), "\u{a0}x\u{a0}y \u{a9} 2015");
        assert_eq!(
            text("&notit; &#150; &#0; &#x110000; &unknown; & done"),
            "\u{ac}it; \u{2013} \u{fffd} \u{fffd} &unknown; & done"
        );
        assert_eq!(text("&NotNestedGreaterGreater;"), "\u{2aa2}\u{338}");
        assert!(matches!(decode_references("plain", false), Cow::Borrowed("plain")));
    }

    #[test]
    fn a_paragraph_inside_foreign_or_table_content_is_closed_in_its_scope_only() {
        assert_eq!(
            outline("<body><p>a<table><tr><td><p>b<div>c</div></table>d"),
            r#"html(body(p("a") table(tbody(tr(td(p("b") div("c"))))) "d"))"#
        );
    }

    #[test]
    fn nesting_past_the_open_element_limit_stays_flat() {
        let page = "<span>".repeat(MAX_OPEN + 100);
        let dom = Dom::parse(&page);
        let deepest = dom
            .elements()
            .filter(|(_, e)| e.name() == "span")
            .map(|(i, _)| i)
            .last()
            .unwrap();
        assert_eq!(dom.end(deepest), deepest + 1);
        // The document, `<html>`, `<body>` and every `<span>`.
        assert_eq!(dom.len(), 3 + MAX_OPEN + 100);
    }

    #[test]
    fn a_page_of_more_parts_than_its_most_is_not_parsed_to_its_end() {
        let parse = |html: &str, most| Dom::parse_limited(html, Deadline::NONE, most).map(|d| d.len());
        // The document, `<html>`, `<body>`, then a `<br>` and a text a piece; and the names of
        // the two elements opened, `html` and `body`.
        let page = "<br>x".repeat(20);
        assert_eq!(parse(&page, 45), Ok(43));
        assert_eq!(parse(&page, 44), Err(Unfinished::TooManyParts));
        // Attributes count too, and the name `a`.
        let tag = "<a x0 x1 x2 x3 x4 x5 x6 x7 x8 x9>";
        assert_eq!(parse(tag, 17), Ok(4));
        assert_eq!(parse(tag, 16), Err(Unfinished::TooManyParts));
        // Each name opened counts once, however often it is opened.
        let same = "<i></i>".repeat(10);
        assert_eq!(parse(&same, 16), Ok(13));
        assert_eq!(parse(&same, 15), Err(Unfinished::TooManyParts));
        let made_up: String = (0..10).map(|k| format!("<y{k}></y{k}>")).collect();
        assert_eq!(parse(&made_up, 25), Ok(13));
        assert_eq!(parse(&made_up, 24), Err(Unfinished::TooManyParts));
    }

    #[test]
    fn the_text_index_tells_each_subtree_s_text() {
        let dom = Dom::parse("<body><div>ab<p>cde</p><br></div>f<i></i>");
        let index = TextIndex::new(&dom);
        for i in 0..dom.len() {
            let whole = dom.text_content(i);
            assert_eq!(index.text_up_to(i, usize::MAX), whole, "node {i}");
            for most in 0..=whole.len() {
                assert_eq!(index.text_up_to(i, most), whole[..most], "node {i}, {most} bytes");
            }
        }
        // a character is not cut: "é" is two bytes
        let dom = Dom::parse("<body><p>aé</p>");
        let p = (0..dom.len())
            .find(|&i| dom.element(i).is_some_and(|e| e.name() == "p"))
            .unwrap();
        assert_eq!(TextIndex::new(&dom).text_up_to(p, 2), "a");
    }

    #[test]
    fn a_passed_deadline_stops_parsing() {
        let passed = Deadline::after(std::time::Duration::ZERO);
        assert_eq!(Dom::parse_until("<p>a", passed).err(), Some(Unfinished::OutOfTime));
        assert!(Dom::parse_until("<p>a", Deadline::NONE).is_ok());
    }

    #[test]
    fn a_tag_of_thousands_of_attributes_keeps_the_first_of_each_name_up_to_its_most() {
        let attrs: String = (0..1000).map(|i| format!(" a{i}=v{i}")).collect();
        let page = format!("<div{attrs} a3=late a200=late>x</div>");
        let dom = Dom::parse(&page);
        let (_, div) = dom.elements().find(|(_, e)| e.name() == "div").unwrap();
        assert_eq!(div.attr("a3"), Some("v3"));
        assert_eq!(div.attr("a200"), Some("v200"));
        assert_eq!(div.attr(&format!("a{}", MAX_ATTRIBUTES - 1)), Some("v255"));
        assert_eq!(div.attr(&format!("a{MAX_ATTRIBUTES}")), None);
        assert_eq!(div.attrs.len(), MAX_ATTRIBUTES);
    }

    /// Every subtree lies inside its parent's: the walk in `page.rs` relies on it.
    fn assert_subtrees_nest(dom: &Dom) {
        assert_eq!(dom.end(0), dom.len());
        let mut open: Vec<usize> = vec![0];
        for i in 1..dom.len() {
            while dom.end(*open.last().unwrap()) <= i {
                open.pop();
            }
            let parent = *open.last().unwrap();
            assert!(i < dom.end(i) && dom.end(i) <= dom.end(parent), "node {i}");
            open.push(i);
        }
    }

    #[test]
    fn any_soup_of_markup_parses_into_nested_subtrees_and_reads() {
        const PIECES: &[&str] = &[
            "<p>",
            "</p>",
            "<div class='a'>",
            "</div>",
            "<li>",
            "<ul>",
            "</ul>",
            "<table>",
            "<tr>",
            "<td>",
            "</table>",
            "</td>",
            "<svg>",
            "<path/>",
            "</svg>",
            "<script>",
            "</script>",
            "<title>",
            "<!--",
            "-->",
            "<b>",
            "</i>",
            "</br>",
            "&amp",
            "&#x",
            "&",
            "<",
            ">",
            "\"",
            "'",
            "=",
            " ",
            "text é ",
            "<head>",
            "<body>",
            "</html>",
            "<math>",
            "<h2>",
            "<dd>",
            "<option>",
            "<noscript>",
            "<a href=",
            "<!doctype",
            "</",
            "/>",
            "<p/",
            "\u{2019}",
            "<a>",
            "</a>",
            "</b>",
            "<span>",
            "</span>",
            "</li>",
            "<ol>",
            "</h2>",
            "<h3>",
            "<button>",
            "<caption>",
            "</caption>",
            "<rb>",
            "<rt>",
            "<tbody>",
            "</tr>",
            "<th>",
            "<template>",
            "<address>",
            "<dt>",
            "</dd>",
            "<object>",
            "</form>",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3000 {
            let len = next() % 60;
            let page: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            assert_subtrees_nest(&Dom::parse(&page));
            // The rest of the reader takes whatever the parser builds.
            let _ = crate::read::html::read_html(&page);
        }
    }
}
