//! Read: a fetched [`Document`] to an [`Article`].
//!
//! The article's `text` is the normalised body (paragraphs joined by a blank line, without the
//! headline); every span figmine produces later indexes into it. This stage knows nothing of
//! numbers.

mod decode;
pub mod html;
mod meta;
pub mod text;

pub use decode::decode;

use crate::deadline::Deadline;
use crate::fetch::{DocFormat, Document};
use serde::{Deserialize, Serialize};

/// A byte range `start..end` into [`Article::text`], always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text the span covers.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// An article: metadata and the normalised text every span indexes into.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Stable id (input path relative to its root, or URL).
    pub id: String,
    /// Path or URL the article came from.
    pub source: String,
    /// Final URL of a web article.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date, ISO `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Publisher or site name.
    pub publisher: Option<String>,
    /// Byline (author names), when the page states one.
    pub byline: Option<String>,
    /// Body text: paragraphs separated by `"\n\n"`, no headline.
    pub text: String,
    /// One span per paragraph of `text`.
    pub paragraphs: Vec<Span>,
}

impl Article {
    /// Builds the text and paragraph spans from a list of paragraphs (blank ones are dropped).
    pub fn set_paragraphs<S: AsRef<str>>(&mut self, paragraphs: impl IntoIterator<Item = S>) {
        self.text.clear();
        self.paragraphs.clear();
        for p in paragraphs {
            let p = p.as_ref().trim();
            if p.is_empty() {
                continue;
            }
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            let start = self.text.len();
            self.text.push_str(p);
            self.paragraphs.push(Span::new(start, self.text.len()));
        }
    }

    /// Appends the blank-line separated blocks of `lines` as paragraphs, whitespace normalised
    /// and each soft wrap read as a space, as [`set_paragraphs`](Self::set_paragraphs) would
    /// append the blocks joined and normalised; but each byte is copied once.
    pub(crate) fn push_line_blocks<'l>(&mut self, lines: impl IntoIterator<Item = &'l str>) {
        let mut open = None; // where the paragraph being written began
        let mut pending_space = false;
        for line in lines {
            if is_blank(line) {
                if let Some(start) = open.take() {
                    self.close_paragraph(start);
                }
                continue;
            }
            // a list item is a paragraph of its own, as an HTML page's `<li>` is
            let line = match list_item(line) {
                Some(item) => {
                    if let Some(start) = open.take() {
                        self.close_paragraph(start);
                    }
                    pending_space = false;
                    item
                }
                None => line,
            };
            let start = *open.get_or_insert_with(|| self.open_paragraph());
            push_normalized(&mut self.text, start, line, &mut pending_space);
            pending_space = true; // the soft wrap
        }
        if let Some(start) = open {
            self.close_paragraph(start);
        }
    }

    /// Starts a paragraph at the end of the text, after a blank line if one came before it.
    fn open_paragraph(&mut self) -> usize {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.text.len()
    }

    /// Ends the paragraph begun at `start`: spanned, or taken back with its blank line when
    /// nothing visible was written into it.
    fn close_paragraph(&mut self, start: usize) {
        if self.text.len() > start {
            self.paragraphs.push(Span::new(start, self.text.len()));
        } else if start > 0 {
            self.text.truncate(start - 2);
        }
    }
}

/// The item of a line that is one of a bulleted list ("- 1,132 (5%) resulted in ...", "* Japan:
/// 1,585", "• Taiwan: 447"): the line after its bullet and the spaces after that. The bullet is
/// no minus sign, and the item no continuation of the line before it.
pub(crate) fn list_item(line: &str) -> Option<&str> {
    let trimmed = line.trim_start_matches([' ', '\t']);
    // most lines start with a letter or a digit: told by one byte
    if !matches!(trimmed.as_bytes().first(), Some(b'-' | b'*' | 0xC2 | 0xE2)) {
        return None;
    }
    let rest = [
        "- ",
        "* ",
        "\u{2022} ",
        "\u{2013} ",
        "\u{b7} ",
        "-\t",
        "*\t",
        "\u{2022}\t",
    ]
    .iter()
    .find_map(|bullet| trimmed.strip_prefix(bullet))?;
    let item = rest.trim_start();
    (!item.is_empty()).then_some(item)
}

/// Whether a line holds only whitespace (or nothing).
fn is_blank(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => false,
        _ => line.trim().is_empty(),
    }
}

/// Why a document could not be read as an article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReadError {
    /// The body looks like binary data (NUL bytes, an image).
    #[error("binary content, not text or HTML")]
    Binary,
    /// The body is not valid in its encoding.
    #[error("invalid {encoding} at byte {offset}")]
    InvalidEncoding {
        /// The encoding that was expected.
        encoding: String,
        /// The first bad byte.
        offset: usize,
    },
    /// The document declares a charset that browsers refuse to read (WHATWG's "replacement").
    #[error("the page declares the charset \"{charset}\", which browsers refuse to read")]
    UnreadableCharset {
        /// The charset as declared.
        charset: String,
    },
    /// The document is empty.
    #[error("empty document")]
    Empty,
    /// Nothing of the page remained once boilerplate was removed.
    #[error("no article text found")]
    NoText,
    /// The page nests elements deeper than any real page (a parser bomb).
    #[error("elements nested {depth} deep, more than the {limit} a page may have")]
    TooDeep {
        /// The depth found (counting stops just past the limit).
        depth: usize,
        /// [`html::MAX_DEPTH`].
        limit: usize,
    },
    /// The page has more parts than any article page (a bomb of tags, or a dump).
    #[error("the page has more than {limit} tags, attributes and runs of text, far more than any article page")]
    TooManyParts {
        /// [`html::MAX_PARTS`].
        limit: usize,
    },
    /// Reading the page ran past the document's time budget.
    #[error("reading ran past its time budget of {0:?}")]
    OverBudget(std::time::Duration),
    /// The text is far longer than any article (a log, a dump, a single 50 MB line).
    #[error("the text is {bytes} bytes long, more than the {limit} bytes an article may have")]
    TooLong {
        /// Length of the text.
        bytes: usize,
        /// [`MAX_TEXT_BYTES`].
        limit: usize,
    },
}

/// The longest article text figmine extracts from (4 MiB; long news articles are under 100 KB).
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// Reads a document into an article, by its format, however long it takes.
pub fn read(doc: &Document) -> Result<Article, ReadError> {
    read_until(doc, Deadline::NONE)
}

/// Reads a document into an article, by its format, giving up on an HTML page once `deadline`
/// has passed (text is read in time linear in it).
pub fn read_until(doc: &Document, deadline: Deadline) -> Result<Article, ReadError> {
    let content = decode(&doc.body, doc.format, doc.charset.as_deref())?;
    // Checked before parsing as well as after, so a huge text file costs no parsing at all.
    if doc.format != DocFormat::Html && content.len() > MAX_TEXT_BYTES {
        return Err(ReadError::TooLong {
            bytes: content.len(),
            limit: MAX_TEXT_BYTES,
        });
    }
    let mut article = match doc.format {
        DocFormat::Text => text::read_text(&content),
        DocFormat::Body => text::read_body(&content),
        DocFormat::Html => html::read_html_until(&content, deadline)?,
    };
    if article.text.is_empty() {
        return Err(ReadError::NoText);
    }
    if article.text.len() > MAX_TEXT_BYTES {
        return Err(ReadError::TooLong {
            bytes: article.text.len(),
            limit: MAX_TEXT_BYTES,
        });
    }
    article.id = doc.id.clone();
    article.source = doc.location.clone();
    article.url = doc.url.clone();
    if article.published.is_none() {
        article.published = doc.published.as_deref().and_then(meta::parse_date);
    }
    Ok(article)
}

/// What stands between the cells of a table row in an article's text: a tab, which no other
/// text keeps (whitespace is otherwise one space), so that two cells' numbers never read as one
/// ("246 312" is a number grouped by a space) and the extractor can tell the columns apart.
pub const CELL_SEPARATOR: char = '\t';

/// Normalises whitespace inside a paragraph: runs of spaces, tabs and newlines become one space;
/// non-breaking and other Unicode spaces become a plain space; soft hyphens and zero-width
/// characters are dropped. Typographic quotes and dashes are kept as they are.
pub fn normalize_whitespace(s: &str) -> String {
    if is_normal_ascii(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    push_normalized(&mut out, 0, s, &mut false);
    out
}

/// Appends `s` to `out` as [`normalize_whitespace`] reads it, continuing a paragraph that began
/// at byte `start` of `out`: `pending_space` carries a space owed from the text before `s`, which
/// is written only between two visible pieces of the paragraph.
fn push_normalized(out: &mut String, start: usize, s: &str, pending_space: &mut bool) {
    if is_normal_ascii(s) {
        #[cfg(test)]
        tests::NORMAL_PIECES.with(|n| n.set(n.get() + 1));
        if !s.is_empty() {
            if *pending_space && out.len() > start {
                out.push(' ');
            }
            *pending_space = false;
            out.push_str(s);
        }
        return;
    }
    let mut rest = s;
    while !rest.is_empty() {
        // Most of a text is runs of characters kept as they are, in any script, with single
        // spaces between them: each is copied in one piece.
        let run = run_kept_as_is(rest.as_bytes());
        let (piece, c) = if run > 0 {
            #[cfg(test)]
            if !rest[..run].is_ascii() && rest[..run].contains(' ') {
                tests::RUNS_OUTSIDE_ASCII.with(|n| n.set(n.get() + 1));
            }
            (&rest[..run], None)
        } else {
            let c = rest.chars().next().expect("rest is not empty");
            (&rest[..c.len_utf8()], Some(c))
        };
        rest = &rest[piece.len()..];
        match c {
            Some('\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}') => {}
            Some(c) if c.is_whitespace() => *pending_space = true,
            _ => {
                if *pending_space && out.len() > start {
                    out.push(' ');
                }
                *pending_space = false;
                out.push_str(piece);
            }
        }
    }
}

/// The length of the run at the start of `bytes` that [`push_normalized`] copies as it is:
/// characters none of whose first bytes [`may_start_odd_char`], and single spaces between two
/// of them. It ends on a character's boundary.
fn run_kept_as_is(bytes: &[u8]) -> usize {
    if bytes.first() == Some(&b' ') {
        return 0;
    }
    let ends_at = |i: usize| {
        let single_space = bytes[i] == b' ' && bytes.get(i + 1).is_some_and(|&b| !may_start_odd_char(b));
        may_start_odd_char(bytes[i]) && !single_space
    };
    // Windows of 33 bytes with no end among their first 32 are stepped over, each tested without
    // a branch a byte (vector code, as in `is_normal_ascii`); the end is then found byte by byte.
    let mut at = 0;
    while let Some(window) = bytes.get(at..at + 33) {
        if has_run_end(window.try_into().expect("33 bytes")) {
            break;
        }
        #[cfg(test)]
        tests::WINDOWS_STEPPED_OVER.with(|n| n.set(n.get() + 1));
        at += 32;
    }
    (at..bytes.len()).find(|&i| ends_at(i)).unwrap_or(bytes.len())
}

/// Whether a run kept as it is ends at one of the first 32 bytes of `w`: a byte that
/// [`may_start_odd_char`], unless it is a space before a byte that does not.
fn has_run_end(w: &[u8; 33]) -> bool {
    let mut end = false;
    for i in 0..32 {
        let single_space = (w[i] == b' ') & !may_start_odd_char(w[i + 1]);
        end |= may_start_odd_char(w[i]) & !single_space;
    }
    end
}

/// Whether byte `b` may start a character that [`push_normalized`] does not copy as it is:
/// an ASCII control or space, or the first byte of any character from U+0080 to U+00BF (U+0085,
/// U+00A0 and U+00AD among them), from U+1000 to U+1FFF (U+1680), from U+2000 to U+2FFF
/// (U+2000 to U+200D, U+2028, U+2029, U+202F, U+205F), from U+3000 to U+3FFF (U+3000) or from
/// U+F000 to U+FFFF (U+FEFF). A byte inside a character is never one of them, so a run of other
/// bytes ends on a character's boundary.
fn may_start_odd_char(b: u8) -> bool {
    matches!(b, 0..=b' ' | 0x7f | 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef)
}

/// Whether `s` is printable ASCII with single spaces between its words and none around them:
/// what [`normalize_whitespace`] leaves as it is, and what most paragraphs are.
fn is_normal_ascii(s: &str) -> bool {
    let bytes = s.as_bytes();
    match (bytes.first(), bytes.last()) {
        (None, _) => return true,
        (Some(b' '), _) | (_, Some(b' ')) => return false,
        (_, Some(last)) if !is_printable_ascii(*last) => return false,
        _ => {}
    }
    // Windows of 33 bytes, tested without a branch a byte, which the compiler turns into vector
    // code: this test runs over every byte of every text read. Each window tests its first 32
    // bytes and the pairs they begin; the last window ends at the text's end, overlapping the
    // one before it, and a short text is padded with letters.
    const N: usize = 32;
    let window = |at: usize| <&[u8; N + 1]>::try_from(&bytes[at..at + N + 1]).expect("N + 1 bytes");
    if bytes.len() <= N {
        let mut padded = [b'x'; N + 1];
        padded[..bytes.len()].copy_from_slice(bytes);
        return !has_odd_byte_or_double_space(&padded);
    }
    let mut at = 0;
    while at + N < bytes.len() {
        if has_odd_byte_or_double_space(window(at)) {
            return false;
        }
        at += N;
    }
    !has_odd_byte_or_double_space(window(bytes.len() - N - 1))
}

/// Whether one of the first 32 bytes of `w` is not printable ASCII, or is a space followed by
/// a space.
fn has_odd_byte_or_double_space(w: &[u8; 33]) -> bool {
    let mut odd = false;
    for i in 0..32 {
        odd |= !is_printable_ascii(w[i]) | ((w[i] == b' ') & (w[i + 1] == b' '));
    }
    odd
}

/// A printable ASCII byte or a space.
fn is_printable_ascii(b: u8) -> bool {
    (b' '..=b'~').contains(&b)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Pieces [`push_normalized`] copied whole as normal ASCII (a test-build counter).
        pub(crate) static NORMAL_PIECES: Cell<usize> = const { Cell::new(0) };
        /// Runs with bytes outside ASCII and a space inside them that [`push_normalized`]
        /// copied in one piece.
        pub(crate) static RUNS_OUTSIDE_ASCII: Cell<usize> = const { Cell::new(0) };
        /// Windows of 32 bytes with no end of a run that [`run_kept_as_is`] stepped over.
        pub(crate) static WINDOWS_STEPPED_OVER: Cell<usize> = const { Cell::new(0) };
    }

    #[test]
    fn paragraphs_are_joined_with_blank_lines_and_spanned() {
        let mut a = Article::default();
        a.set_paragraphs(["One.", "  ", "Two."]);
        assert_eq!(a.text, "One.\n\nTwo.");
        assert_eq!(a.paragraphs[1].of(&a.text), "Two.");
    }

    #[test]
    fn whitespace_is_folded_and_invisible_characters_dropped() {
        assert_eq!(normalize_whitespace(" a\u{a0}\u{a0}b\n c\u{ad}d "), "a b cd");
    }

    /// The rule applied one character at a time, as [`normalize_whitespace`] states it.
    pub(crate) fn normalize_char_by_char(s: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in s.chars() {
            match c {
                '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => {}
                c if c.is_whitespace() => pending_space = true,
                c => {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.push(c);
                }
            }
        }
        out
    }

    #[test]
    fn whitespace_normalized_by_words_is_normalized_char_by_char() {
        let mut texts = crate::gen::sample_texts_and_typeset(200);
        texts.extend(
            [
                "",
                " ",
                "\u{ad}",
                "a\u{ad} b",
                "\u{feff}x",
                "x\u{200b}\u{200b}y",
                "\x01\x7f a\x0b\x0cb\r\n",
                "  lead and trail \u{2003}",
                "a",
                "a ",
                " a",
                "a  b",
                "a b",
                "a\tb",
                "é—🙂 «x»\u{a0}\u{202f}y\u{85}z\u{2028}w",
                "tab\there",
                "©\u{1680}ሀ\u{3000}ひらがな\u{205f}x\u{feff}y\u{fffd}z\x1c\x1f",
                "Привет,\u{200b}мир\u{200d}! 世界\u{2009}“quoted”\u{ad}",
            ]
            .map(String::from),
        );
        texts.extend(crate::extract::quote::hand::texts_in_several_scripts(100));
        RUNS_OUTSIDE_ASCII.with(|n| n.set(0));
        WINDOWS_STEPPED_OVER.with(|n| n.set(0));
        let mut normal = 0;
        for text in &texts {
            assert_eq!(normalize_whitespace(text), normalize_char_by_char(text), "{text:?}");
            normal += usize::from(is_normal_ascii(text));
            for line in text.lines() {
                assert_eq!(normalize_whitespace(line), normalize_char_by_char(line), "{line:?}");
                normal += usize::from(is_normal_ascii(line));
            }
        }
        assert!(normal > 1_000, "{normal}");
        // Runs in other scripts are copied whole too, single spaces and all; the test fails if
        // they stop being so.
        let runs = RUNS_OUTSIDE_ASCII.with(Cell::get);
        assert!(runs > 2_000, "{runs} runs outside ASCII with spaces copied whole");
        let stepped = WINDOWS_STEPPED_OVER.with(Cell::get);
        assert!(stepped > 2_000, "{stepped} windows stepped over");
    }
}
