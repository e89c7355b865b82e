//! Quotation marks: which marks open and close a direct quote, and the spans they enclose.
//!
//! Only double marks (straight `"`, typographic `“ ”`, low `„`) and guillemets (`« »`) open a
//! top-level quote. Single marks (`' ‘ ’`) are left alone: inside a quote they are nested
//! quotes or apostrophes (`we’ve`, `Microsoft’s`), and outside they are apostrophes far more
//! often than quotes, so they never end a quote early.
//!
//! One left-to-right pass over the paragraphs: linear in the text length.

use crate::read::Span;

/// The family of a quotation mark; a quote closes with a mark of the family it opened with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `"`, which opens or closes depending on what stands around it.
    Straight,
    /// `“ ”` and the low `„`.
    Curly,
    /// `« »`.
    Guillemet,
}

/// What one mark does where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open(Family),
    Close(Family),
    /// A straight mark between two spaces: closes an open quote, otherwise opens one.
    Either,
}

/// A quote as the marks delimit it, before anyone is credited with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marked {
    /// The quoted words, without the marks and the spaces just inside them.
    pub inner: Span,
    /// From the opening mark to just past the closing mark (or the end of the last paragraph
    /// when the quote is never closed).
    pub outer: Span,
    /// Paragraphs the quote spans.
    pub paragraphs: usize,
    /// Whether a closing mark ends it.
    pub closed: bool,
}

/// A quote opened and not closed yet.
#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    /// Byte offset of the opening mark.
    mark: usize,
    /// Byte offset just past it.
    content: usize,
    /// Nested quotes of the same family opened inside it.
    depth: usize,
    /// Paragraphs seen so far.
    paragraphs: usize,
}

/// Finds every double-quoted or guillemet-quoted passage in the paragraphs of `text`, in order.
///
/// A quote left open at the end of a paragraph runs on into the next paragraph only when that
/// paragraph opens with a mark of the same family (the news convention for a quote over several
/// paragraphs); otherwise it ends with its paragraph.
pub(super) fn find_marked(text: &str, paragraphs: &[Span]) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut previous_end = 0;
    for p in paragraphs {
        let mut from = p.start;
        if let Some(mut o) = open.take() {
            match opening_mark(text, *p, o.family) {
                Some(len) => {
                    o.paragraphs += 1;
                    from = p.start + len;
                    open = Some(o);
                }
                None => push_unclosed(text, o, previous_end, &mut out),
            }
        }
        open = scan_paragraph(text, Span::new(from, p.end), open, &mut out);
        previous_end = p.end;
    }
    if let Some(o) = open {
        push_unclosed(text, o, previous_end, &mut out);
    }
    out
}

/// The length of the mark of `family` that opens paragraph `p`, if it opens with one.
fn opening_mark(text: &str, p: Span, family: Family) -> Option<usize> {
    let c = p.of(text).chars().next()?;
    match role(text, p.start, c, p) {
        Some(Role::Open(f) | Role::Close(f)) if f == family => Some(c.len_utf8()),
        Some(Role::Either) if family == Family::Straight => Some(1),
        _ => None,
    }
}

/// Scans one paragraph (from `span.start`), continuing `open`; returns the quote still open.
fn scan_paragraph(text: &str, span: Span, mut open: Option<Open>, out: &mut Vec<Marked>) -> Option<Open> {
    let para = span.of(text);
    for (i, c) in para.char_indices() {
        let at = span.start + i;
        let Some(r) = role(text, at, c, span) else { continue };
        open = match (open, r) {
            (None, Role::Open(family)) => Some(Open {
                family,
                mark: at,
                content: at + c.len_utf8(),
                depth: 0,
                paragraphs: 1,
            }),
            (None, Role::Either) => Some(Open {
                family: Family::Straight,
                mark: at,
                content: at + 1,
                depth: 0,
                paragraphs: 1,
            }),
            (None, Role::Close(_)) => None,
            (Some(mut o), Role::Open(f)) if f == o.family => {
                o.depth += 1;
                Some(o)
            }
            (Some(mut o), Role::Close(f)) if f == o.family && o.depth > 0 => {
                o.depth -= 1;
                Some(o)
            }
            (Some(o), Role::Close(f)) if f == o.family => {
                push(text, o, Span::new(o.content, at), at + c.len_utf8(), true, out);
                None
            }
            (Some(o), Role::Either) if o.family == Family::Straight => {
                push(text, o, Span::new(o.content, at), at + 1, true, out);
                None
            }
            (o, _) => o,
        };
    }
    open
}

/// The role of mark `c` at byte `at` of `text`, or `None` if `c` is no double mark.
fn role(text: &str, at: usize, c: char, para: Span) -> Option<Role> {
    Some(match c {
        '“' | '„' => Role::Open(Family::Curly),
        '”' => Role::Close(Family::Curly),
        '«' => Role::Open(Family::Guillemet),
        '»' => Role::Close(Family::Guillemet),
        '"' => straight_role(text, at, para),
        _ => return None,
    })
}

/// A straight mark opens after a space or an opening bracket and before a word; it closes after
/// a word or punctuation.
fn straight_role(text: &str, at: usize, para: Span) -> Role {
    let before = text[para.start.min(at)..at].chars().next_back();
    let after = text[at + 1..para.end.max(at + 1)].chars().next();
    let open_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-/:".contains(b));
    let space_after = after.is_none_or(char::is_whitespace);
    match (open_before, space_after) {
        (true, false) => Role::Open(Family::Straight),
        (true, true) => Role::Either,
        (false, _) => Role::Close(Family::Straight),
    }
}

fn push_unclosed(text: &str, o: Open, end: usize, out: &mut Vec<Marked>) {
    push(text, o, Span::new(o.content, end), end, false, out);
}

fn push(text: &str, o: Open, inner: Span, outer_end: usize, closed: bool, out: &mut Vec<Marked>) {
    let Some(inner) = trimmed(text, inner) else { return };
    out.push(Marked {
        inner,
        outer: Span::new(o.mark, outer_end),
        paragraphs: o.paragraphs,
        closed,
    });
}

/// `span` without the white space (including no-break spaces) at either end; `None` if empty.
fn trimmed(text: &str, span: Span) -> Option<Span> {
    let s = span.of(text);
    let t = s.trim_start();
    let start = span.start + (s.len() - t.len());
    let t = t.trim_end();
    (!t.is_empty()).then(|| Span::new(start, start + t.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            out.push(Span::new(start, start + part.len()));
            start += part.len() + 2;
        }
        out
    }

    fn quoted(text: &str) -> Vec<(&str, usize, bool)> {
        find_marked(text, &paragraphs(text))
            .iter()
            .map(|m| (m.inner.of(text), m.paragraphs, m.closed))
            .collect()
    }

    #[test]
    fn straight_and_typographic_marks_with_apostrophes_inside() {
        let text = "\"We've won,\" he said. “Microsoft’s data isn’t theirs,” she said.";
        assert_eq!(
            quoted(text),
            [("We've won,", 1, true), ("Microsoft’s data isn’t theirs,", 1, true)]
        );
    }

    #[test]
    fn nested_single_quotes_do_not_end_the_quote() {
        let text = "“The law ‘does not extend’ that far,” he said. \"It said 'no.'\" She left.";
        assert_eq!(
            quoted(text),
            [
                ("The law ‘does not extend’ that far,", 1, true),
                ("It said 'no.'", 1, true)
            ]
        );
    }

    #[test]
    fn guillemets_without_the_no_break_spaces_inside() {
        let text = "Il a dit : «\u{a0}Les données restent ici\u{a0}», said Claire.";
        assert_eq!(quoted(text), [("Les données restent ici", 1, true)]);
    }

    #[test]
    fn a_quote_runs_on_only_into_a_paragraph_that_opens_with_a_mark() {
        let text = "\"First part.\n\n\"Second part,\" said Frank.\n\n\"Left open.\n\nNot a quote.";
        let found = quoted(text);
        assert_eq!(found[0], ("First part.\n\n\"Second part,", 2, true));
        assert_eq!(found[1], ("Left open.", 1, false));
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn closing_marks_out_of_place_and_inch_marks_open_nothing() {
        assert!(quoted("A 5\" screen and a stray ” mark.").is_empty());
    }
}
