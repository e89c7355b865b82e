//! Quotation marks: which marks open and close a direct quote, and the spans they enclose.
//!
//! Two left-to-right passes over the paragraphs, linear in the text length: one for double
//! marks (straight `"`, typographic `“ ”`, low `„`) and guillemets (`« »`), in which single marks
//! are ignored (so apostrophes such as `we’ve` and nested quotes such as `‘do not extend’` never
//! end a quote), and one for single marks (`‘ ’ '`, the house style of many British outlets), in
//! which a mark between letters (`we’ve`) or after a plural (`users’ data`) is an apostrophe.
//! The two are merged: a quote inside another is nested and dropped; where the passes disagree
//! otherwise, the double marks win, and a single mark never closed is an apostrophe.

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
    /// `‘ ’` and straight `'`.
    Single,
}

/// Which marks a pass looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Double,
    Single,
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
/// paragraphs); otherwise it ends with its paragraph. `ascii` tells that `text` is ASCII.
pub(super) fn find_marked(text: &str, paragraphs: &[Span], ascii: bool) -> Vec<Marked> {
    let bytes = text.as_bytes();
    if ascii && !single_may_open_in_ascii(bytes, paragraphs) {
        // The single marks' pass would find no quote closed: the merge keeps the double ones.
        let double: Vec<usize> = memchr::memchr_iter(b'"', bytes).collect();
        return merge(scan(text, paragraphs, Pass::Double, &double), Vec::new());
    }
    let candidates = candidate_marks(bytes, ascii);
    let double = scan(text, paragraphs, Pass::Double, &candidates.double);
    let single = scan(text, paragraphs, Pass::Single, &candidates.single);
    merge(double, single)
}

/// Whether a single mark of ASCII `bytes` may open a quote in the single marks' [`scan`]
/// (`false` tells that it opens none, so closes none): [`single_role`] opens only before a
/// letter, and after no character (at the start of a paragraph) or one that is no letter or
/// digit. Most single marks of ASCII text are apostrophes in words (`company's`), told by the
/// bytes beside them, where the pass read the roles of all of them.
fn single_may_open_in_ascii(bytes: &[u8], paragraphs: &[Span]) -> bool {
    memchr::memchr_iter(b'\'', bytes).any(|at| {
        bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic)
            && (at == 0
                || !bytes[at - 1].is_ascii_alphanumeric()
                || paragraphs.binary_search_by_key(&at, |p| p.start).is_ok())
    })
}

/// Both lists in text order, without the quotes nested in another one; a single-quoted passage
/// that overlaps a double-quoted one without containing it is dropped.
fn merge(double: Vec<Marked>, single: Vec<Marked>) -> Vec<Marked> {
    // The double marks' pass leaves its quotes in text order, none inside or across another
    // (one is open at a time): without a closed single-quoted passage, the merge is that list,
    // which most articles are spared sorting and copying twice.
    if !single.iter().any(|m| m.closed) {
        #[cfg(test)]
        tests::MERGES_SPARED.with(|n| n.set(n.get() + 1));
        return double;
    }
    merge_sorted(double, single)
}

/// [`merge`] by sorting both lists together.
fn merge_sorted(double: Vec<Marked>, single: Vec<Marked>) -> Vec<Marked> {
    let mut all: Vec<(Marked, Pass)> = double
        .into_iter()
        .map(|m| (m, Pass::Double))
        // An unclosed single mark is far more often an apostrophe ('em, 'tis) than a quote.
        .chain(single.into_iter().filter(|m| m.closed).map(|m| (m, Pass::Single)))
        .collect();
    // Outer quotes first: by start, then the longer one.
    all.sort_by_key(|(m, _)| (m.outer.start, std::cmp::Reverse(m.outer.end)));
    let mut out: Vec<(Marked, Pass)> = Vec::with_capacity(all.len());
    for (m, pass) in all {
        match out.last() {
            Some((last, _)) if m.outer.start < last.outer.end && m.outer.end <= last.outer.end => {}
            Some((_, Pass::Double)) if overlaps_last(&out, m) => {}
            Some((_, Pass::Single)) if overlaps_last(&out, m) => {
                if pass == Pass::Double {
                    out.pop();
                    out.push((m, pass));
                }
            }
            _ => out.push((m, pass)),
        }
    }
    out.into_iter().map(|(m, _)| m).collect()
}

fn overlaps_last(out: &[(Marked, Pass)], m: Marked) -> bool {
    out.last().is_some_and(|(last, _)| m.outer.start < last.outer.end)
}

/// One pass over the paragraphs for the marks of `pass`, whose candidates in the whole text
/// are `candidates` ([`candidate_marks`]): found at once, as a search set up per paragraph
/// cost more than the search.
fn scan(text: &str, paragraphs: &[Span], pass: Pass, candidates: &[usize]) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut previous_end = 0;
    debug_assert!(
        paragraphs.windows(2).all(|w| w[0].end <= w[1].start),
        "paragraphs in order, none inside another"
    );
    // The first candidate not passed yet, and the paragraph read next.
    let (mut next, mut i) = (0, 0);
    while let Some(p) = paragraphs.get(i) {
        if open.is_none() {
            // With no quote open, a paragraph without a candidate changes nothing: most hold
            // none, and the reading goes on at the paragraph of the next candidate.
            next += candidates[next..].partition_point(|&c| c < p.start);
            let Some(&c) = candidates.get(next) else { break };
            if c >= p.end {
                i += paragraphs[i..].partition_point(|q| q.end <= c);
                continue;
            }
        }
        i += 1;
        let mut from = p.start;
        if let Some(mut o) = open.take() {
            match opening_mark(text, *p, o.family, pass) {
                Some(len) => {
                    o.paragraphs += 1;
                    from = p.start + len;
                    open = Some(o);
                }
                None => push_unclosed(text, o, previous_end, &mut out),
            }
        }
        let span = Span::new(from, p.end);
        // The paragraph's candidates, from the first not passed yet: counted on from it (they
        // are few, and the paragraphs in order) where two searches of the whole list found them.
        next += candidates[next..].iter().take_while(|&&c| c < span.start).count();
        let inside = candidates[next..].iter().take_while(|&&c| c < span.end).count();
        open = scan_paragraph(text, span, &candidates[next..next + inside], open, pass, &mut out);
        next += inside;
        previous_end = p.end;
    }
    if let Some(o) = open {
        push_unclosed(text, o, previous_end, &mut out);
    }
    out
}

/// The length of the mark of `family` that opens paragraph `p`, if it opens with one.
fn opening_mark(text: &str, p: Span, family: Family, pass: Pass) -> Option<usize> {
    let c = p.of(text).chars().next()?;
    match role(text, p.start, c, p, pass) {
        Some(Role::Open(f) | Role::Close(f)) if f == family => Some(c.len_utf8()),
        Some(Role::Either) if family == Family::Straight => Some(1),
        _ => None,
    }
}

/// Scans one paragraph (from `span.start`), continuing `open`; returns the quote still open.
/// `candidates` are the offsets of the bytes in it that may start a mark ([`candidate_marks`]).
fn scan_paragraph(
    text: &str,
    span: Span,
    candidates: &[usize],
    mut open: Option<Open>,
    pass: Pass,
    out: &mut Vec<Marked>,
) -> Option<Open> {
    for &at in candidates {
        let c = text[at..]
            .chars()
            .next()
            .expect("a candidate is the first byte of a character");
        let Some(r) = role(text, at, c, span, pass) else {
            continue;
        };
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
            (Some(mut o), Role::Open(f)) if f == o.family && f != Family::Single => {
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

/// The offsets of the bytes that may start a mark, in order, for each pass.
#[derive(Debug, PartialEq, Eq)]
struct Candidates {
    double: Vec<usize>,
    single: Vec<usize>,
}

/// Offsets of the bytes that start a mark of each pass: found as the ASCII marks and the first
/// bytes of the UTF-8 encodings of the others (`“ ” „ ‘ ’` start with 0xE2, `« »` with 0xC2),
/// and outside ASCII those that start no mark of a pass dropped by their bytes
/// ([`is_mark_of`]). Every other character has no role, so skipping to these (with SIMD, via
/// memchr) changes nothing but the time: testing each character was most of the cost of
/// finding quotes. Both passes' candidates are found in one search, so that each 0xE2 (curly
/// marks, apostrophes and dashes, the commonest bytes found) is found and told once, not once
/// a pass; 0xC2 (a few in a page) in a search of its own. In ASCII `bytes` (`ascii`) the two
/// ASCII marks are the only ones, each searched for by itself (one search for both, then
/// sorted into two lists, cost as much).
fn candidate_marks(bytes: &[u8], ascii: bool) -> Candidates {
    if ascii {
        return Candidates {
            double: memchr::memchr_iter(b'"', bytes).collect(),
            single: memchr::memchr_iter(b'\'', bytes).collect(),
        };
    }
    let mut candidates = Candidates {
        double: Vec::new(),
        single: Vec::new(),
    };
    for at in memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes) {
        match bytes[at] {
            b'"' => candidates.double.push(at),
            b'\'' => candidates.single.push(at),
            _ if is_mark_of(bytes, at, Pass::Double) => candidates.double.push(at),
            _ if is_mark_of(bytes, at, Pass::Single) => candidates.single.push(at),
            _ => {}
        }
    }
    let guillemets = memchr::memchr_iter(0xC2, bytes).filter(|&at| is_mark_of(bytes, at, Pass::Double));
    let before = candidates.double.len();
    candidates.double.extend(guillemets);
    if candidates.double.len() > before {
        candidates.double.sort_unstable();
    }
    candidates
}

/// Whether the byte found at `at` of `bytes` (a byte outside ASCII that [`candidate_marks`]
/// searches for; the ASCII marks it sorts itself, and only the tests' one-pass reading hands
/// them here) starts a mark of `pass`, told by its bytes: [`role`] gives every other character none, and most of those found outside ASCII
/// are others (dashes; the apostrophes ’ in the double marks' pass, double marks in the
/// single marks' pass), each read as a character there and passed by in its paragraph's
/// loop.
fn is_mark_of(bytes: &[u8], at: usize, pass: Pass) -> bool {
    let mark = match (pass, bytes[at]) {
        // the ASCII mark of the pass (the tests' one-pass reading)
        (_, b'"' | b'\'') => true,
        // « and »
        (Pass::Double, 0xC2) => matches!(bytes.get(at + 1), Some(0xAB | 0xBB)),
        // “ ” „
        (Pass::Double, _) => matches!(bytes.get(at + 1..at + 3), Some([0x80, 0x9C..=0x9E])),
        // ‘ ’
        (Pass::Single, _) => matches!(bytes.get(at + 1..at + 3), Some([0x80, 0x98 | 0x99])),
    };
    #[cfg(test)]
    tests::NO_MARKS_DROPPED.with(|n| n.set(n.get() + usize::from(!mark)));
    mark
}

/// The role of mark `c` at byte `at` of `text` in `pass`, or `None` if it is no mark there.
fn role(text: &str, at: usize, c: char, para: Span, pass: Pass) -> Option<Role> {
    if pass == Pass::Single {
        if is_apostrophe_in_ascii_word(text.as_bytes(), at, c.len_utf8(), para) {
            return None;
        }
        return matches!(c, '‘' | '’' | '\'')
            .then(|| single_role(text, at, para))
            .flatten();
    }
    Some(match c {
        '“' | '„' => Role::Open(Family::Curly),
        // Some sources open with ” as well (”Yes,” he said): it opens where a straight mark would.
        '”' if straight_role(text, at, para) == Role::Open(Family::Straight) => Role::Open(Family::Curly),
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
    let len = text[at..].chars().next().map_or(1, char::len_utf8);
    let before = text[para.start.min(at)..at].chars().next_back();
    let after = text[at + len..para.end.max(at + len)].chars().next();
    let open_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-/:".contains(b));
    let space_after = after.is_none_or(char::is_whitespace);
    match (open_before, space_after) {
        (true, false) => Role::Open(Family::Straight),
        (true, true) => Role::Either,
        (false, _) => Role::Close(Family::Straight),
    }
}

/// Whether the single mark of `len` bytes at `at` in paragraph `para` stands between an ASCII
/// letter or digit and an ASCII letter (`we’ve`, `Trump’s`): an apostrophe, which
/// [`single_role`] gives no role, told by two bytes. Most single marks of news text are such,
/// and reading the characters around each cost about a hundred instructions.
fn is_apostrophe_in_ascii_word(bytes: &[u8], at: usize, len: usize, para: Span) -> bool {
    at > para.start
        && at + len < para.end
        && bytes[at - 1].is_ascii_alphanumeric()
        && bytes[at + len].is_ascii_alphabetic()
}

/// A single mark opens before a word (but not before a digit: `’90s`), is an apostrophe between
/// letters (`we’ve`) or after a plural before a lower-case word (`users’ data`), and otherwise
/// closes after a word or punctuation.
fn single_role(text: &str, at: usize, para: Span) -> Option<Role> {
    let len = text[at..].chars().next().map_or(1, char::len_utf8);
    let before = text[para.start.min(at)..at].chars().next_back();
    let mut rest = text[at + len..para.end.max(at + len)].chars();
    let after = rest.next();
    let open_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-/:\"“«".contains(b));
    let word_after = after.is_some_and(char::is_alphabetic);
    if open_before {
        return word_after.then_some(Role::Open(Family::Single));
    }
    let letter_before = before.is_some_and(char::is_alphanumeric);
    let plural = before == Some('s') && after == Some(' ') && rest.next().is_some_and(char::is_lowercase);
    let apostrophe = plural || (letter_before && word_after);
    (!apostrophe).then_some(Role::Close(Family::Single))
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

    thread_local! {
        /// How many merges [`merge`] spared (no closed single-quoted passage), on this thread.
        pub(super) static MERGES_SPARED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        /// How many bytes found by the search for marks [`is_mark_of`] dropped, on this thread.
        pub(super) static NO_MARKS_DROPPED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// [`candidate_marks`] of a text outside ASCII as they were first found: every byte that
    /// may start a mark of `pass`, none dropped.
    fn candidate_bytes(para: &[u8], pass: Pass) -> Vec<usize> {
        match pass {
            Pass::Double => memchr::memchr3_iter(b'"', 0xE2, 0xC2, para).collect(),
            Pass::Single => memchr::memchr2_iter(b'\'', 0xE2, para).collect(),
        }
    }

    /// Where no single mark of an ASCII text may open a quote ([`single_may_open_in_ascii`]),
    /// the single marks' pass finds none closed, and [`find_marked`] finds what the two passes
    /// and their merge find: on generated texts and on texts written against each condition
    /// (a mark after a space or a bracket, at a paragraph's start right after a letter): the
    /// test fails when either condition is left out.
    #[test]
    fn texts_whose_single_marks_open_nothing_are_spared_their_pass() {
        let mut texts: Vec<(String, Vec<Span>)> = crate::gen::sample_texts(300)
            .into_iter()
            .filter(|t| t.is_ascii())
            .map(|t| {
                let p = paragraphs(&t);
                (t, p)
            })
            .collect();
        let written = [
            "He called it 'a disaster' twice.",
            "He said ('no way') twice.",
            "'Never,' he said.",
        ];
        texts.extend(written.iter().map(|t| (t.to_string(), paragraphs(t))));
        // A paragraph that starts right after a letter, with no white space between.
        texts.push(("ab'cd' ef".to_owned(), vec![Span::new(0, 2), Span::new(2, 9)]));
        let mut spared = 0;
        for (text, paras) in &texts {
            let single = scan_of(text, paras, Pass::Single, true);
            let double = scan_of(text, paras, Pass::Double, true);
            let both = merge(double, single.clone());
            assert_eq!(find_marked(text, paras, true), both, "{text:?}");
            if !single_may_open_in_ascii(text.as_bytes(), paras) {
                spared += 1;
                assert!(!single.iter().any(|m| m.closed), "{text:?}");
            }
        }
        assert!(spared * 2 >= texts.len(), "{spared} of {}", texts.len());
    }

    /// [`scan`] of the candidates of `pass` that [`candidate_marks`] finds.
    fn scan_of(text: &str, paragraphs: &[Span], pass: Pass, ascii: bool) -> Vec<Marked> {
        let candidates = candidate_marks(text.as_bytes(), ascii);
        let of_pass = match pass {
            Pass::Double => &candidates.double,
            Pass::Single => &candidates.single,
        };
        scan(text, paragraphs, pass, of_pass)
    }

    /// The candidates of `pass` as each pass searched for them by itself: the bytes that may
    /// start a mark of the pass, those that start none dropped.
    fn candidates_of_one_pass(bytes: &[u8], pass: Pass) -> Vec<usize> {
        candidate_bytes(bytes, pass)
            .into_iter()
            .filter(|&at| is_mark_of(bytes, at, pass))
            .collect()
    }

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
        find_marked(text, &paragraphs(text), text.is_ascii())
            .iter()
            .map(|m| (m.inner.of(text), m.paragraphs, m.closed))
            .collect()
    }

    /// [`scan`] as it was written first: the candidates searched for paragraph by paragraph.
    fn scan_searching_each_paragraph(text: &str, paragraphs: &[Span], pass: Pass) -> Vec<Marked> {
        let mut out = Vec::new();
        let mut open: Option<Open> = None;
        let mut previous_end = 0;
        for p in paragraphs {
            let mut from = p.start;
            if let Some(mut o) = open.take() {
                match opening_mark(text, *p, o.family, pass) {
                    Some(len) => {
                        o.paragraphs += 1;
                        from = p.start + len;
                        open = Some(o);
                    }
                    None => push_unclosed(text, o, previous_end, &mut out),
                }
            }
            let span = Span::new(from, p.end);
            let candidates: Vec<usize> = candidate_bytes(span.of(text).as_bytes(), pass)
                .into_iter()
                .map(|i| span.start + i)
                .collect();
            open = scan_paragraph(text, span, &candidates, open, pass, &mut out);
            previous_end = p.end;
        }
        if let Some(o) = open {
            push_unclosed(text, o, previous_end, &mut out);
        }
        out
    }

    /// [`scan`] as written before a paragraph's candidates were counted on from the last
    /// passed: found by two searches of the whole list.
    fn scan_searching_all_candidates(text: &str, paragraphs: &[Span], pass: Pass, candidates: &[usize]) -> Vec<Marked> {
        let within = |span: Span| {
            let start = candidates.partition_point(|&c| c < span.start);
            let end = candidates.partition_point(|&c| c < span.end);
            &candidates[start..end.max(start)]
        };
        let mut out = Vec::new();
        let mut open: Option<Open> = None;
        let mut previous_end = 0;
        let (mut next, mut i) = (0, 0);
        while let Some(p) = paragraphs.get(i) {
            if open.is_none() {
                next += candidates[next..].partition_point(|&c| c < p.start);
                let Some(&c) = candidates.get(next) else { break };
                if c >= p.end {
                    i += paragraphs[i..].partition_point(|q| q.end <= c);
                    continue;
                }
            }
            i += 1;
            let mut from = p.start;
            if let Some(mut o) = open.take() {
                match opening_mark(text, *p, o.family, pass) {
                    Some(len) => {
                        o.paragraphs += 1;
                        from = p.start + len;
                        open = Some(o);
                    }
                    None => push_unclosed(text, o, previous_end, &mut out),
                }
            }
            let span = Span::new(from, p.end);
            open = scan_paragraph(text, span, within(span), open, pass, &mut out);
            previous_end = p.end;
        }
        if let Some(o) = open {
            push_unclosed(text, o, previous_end, &mut out);
        }
        out
    }

    /// The candidates of a paragraph counted on from the last passed are those two searches
    /// find, with the paragraphs split at blank lines and as the reader makes them (with gaps
    /// between), quotes running on into the paragraph read next among them.
    #[test]
    fn candidates_counted_on_are_those_searched_for() {
        let mut texts = crate::gen::sample_texts_and_typeset(100);
        texts.push("\"Open\n\n\"Runs on,\" she said.\n\n\"x\" 'y' \"z\"\n\n\"a".to_owned());
        let mut runs_on = 0;
        for text in &texts {
            let read = crate::read::text::read_body(text);
            for (text, paras) in [
                (text.as_str(), paragraphs(text)),
                (read.text.as_str(), read.paragraphs.clone()),
            ] {
                for pass in [Pass::Double, Pass::Single] {
                    let candidates = candidate_marks(text.as_bytes(), false);
                    let of_pass = if pass == Pass::Double {
                        &candidates.double
                    } else {
                        &candidates.single
                    };
                    let counted = scan(text, &paras, pass, of_pass);
                    assert_eq!(
                        counted,
                        scan_searching_all_candidates(text, &paras, pass, of_pass),
                        "{text}"
                    );
                    runs_on += counted.iter().filter(|m| m.paragraphs > 1).count();
                }
            }
        }
        assert!(runs_on >= 4, "{runs_on}");
    }

    #[test]
    fn marks_searched_once_are_those_searched_paragraph_by_paragraph() {
        let mut texts = crate::gen::sample_texts_and_typeset(200);
        // In the single marks' house style, with the apostrophes as they were, and with every
        // other quote in single marks: passages of both kinds, nested and not, to merge.
        let house_style: Vec<String> = texts
            .iter()
            .filter(|t| t.contains('“'))
            .flat_map(|t| {
                let mut n = 0;
                let every_other: String = t
                    .chars()
                    .map(|c| match c {
                        '“' | '”' => {
                            n += 1;
                            if n % 4 < 2 {
                                if c == '“' {
                                    '‘'
                                } else {
                                    '’'
                                }
                            } else {
                                c
                            }
                        }
                        c => c,
                    })
                    .collect();
                [t.replace('“', "‘").replace('”', "’"), every_other]
            })
            .collect();
        texts.extend(house_style);
        texts.extend(
            [
                "\"Open\n\n\"Runs on,\" she said.\n\n“Curly ‘single’ «guillemet» ‚x‘ 'apos' users’ data\n\n»",
                "\n\n\"\n\n\"\n\n",
                "„Low marks open,” she said. He said „no” and «non» and ‘yes’ — it’s “fine”…\n\n„Runs on\n\n„and on,” he said.",
                "",
            ]
            .map(str::to_owned),
        );
        let (mut found, mut ascii, mut guillemets) = (0, 0, 0);
        let dropped = NO_MARKS_DROPPED.with(|n| n.get());
        let (mut merges, mut spared_here) = (0, 0);
        MERGES_SPARED.with(|n| n.set(0));
        let read: Vec<(String, Vec<Span>)> = texts
            .iter()
            .map(|t| crate::read::text::read_body(t))
            .map(|a| (a.text, a.paragraphs))
            .collect();
        let split = texts.iter().map(|t| (t.clone(), paragraphs(t)));
        // Paragraphs as the reader makes them (with gaps between), and split at blank lines.
        for (text, paras) in read.into_iter().chain(split) {
            // Merged without sorting when no single-quoted passage is closed: as by sorting.
            let (double, single) = (
                scan_of(&text, &paras, Pass::Double, false),
                scan_of(&text, &paras, Pass::Single, false),
            );
            spared_here += usize::from(!single.iter().any(|m| m.closed));
            let sorted = merge_sorted(double.clone(), single.clone());
            assert_eq!(merge(double, single), sorted, "{text}");
            merges += 1;
            for pass in [Pass::Double, Pass::Single] {
                // On ASCII text, by the search for the ASCII mark alone.
                let once = scan_of(&text, &paras, pass, text.is_ascii());
                assert_eq!(once, scan_searching_each_paragraph(&text, &paras, pass), "{text}");
                assert_eq!(once, scan_of(&text, &paras, pass, false), "{text}");
                found += once.len();
                if text.is_ascii() {
                    ascii += once.len();
                }
            }
            // Both passes' candidates found in one search are those each pass found by itself
            // (and on ASCII text, those of the search for the two ASCII marks alone).
            let bytes = text.as_bytes();
            let both = candidate_marks(bytes, false);
            assert_eq!(both.double, candidates_of_one_pass(bytes, Pass::Double), "{text}");
            assert_eq!(both.single, candidates_of_one_pass(bytes, Pass::Single), "{text}");
            if text.is_ascii() {
                assert_eq!(candidate_marks(bytes, true), both);
            }
            guillemets += usize::from(both.double.iter().any(|&at| bytes[at] == 0xC2));
        }
        assert!(
            found > 500 && ascii > 250 && guillemets > 0,
            "{found} {ascii} {guillemets}"
        );
        // bytes that start no mark dropped outside ASCII, many times
        let dropped = NO_MARKS_DROPPED.with(|n| n.get()) - dropped;
        assert!(dropped > 1_000, "{dropped}");
        // Both ways taken many times, and the merge spared each time it may be.
        let spared = MERGES_SPARED.with(|n| n.get());
        assert!(spared > 100 && merges - spared > 50, "{spared} of {merges}");
        assert_eq!(spared, spared_here);
    }

    #[test]
    fn apostrophes_told_by_their_bytes_are_those_the_single_role_gives_none() {
        let mut texts: Vec<String> = [
            "we’ve Trump’s 90’s ’90s x’ ’x x’é é’x 1’x x’1 ‘x’ ‘X’ rock ’n’ roll O'Neil '90s users' data",
            "’x\n\nx’\n\nx’\n\n’",
        ]
        .map(str::to_owned)
        .to_vec();
        texts.extend(crate::extract::quote::hand::texts_in_several_scripts(300));
        let (mut told, mut read) = (0, 0);
        for text in &texts {
            let bytes = text.as_bytes();
            for para in paragraphs(text) {
                for (i, c) in para
                    .of(text)
                    .char_indices()
                    .filter(|&(_, c)| matches!(c, '‘' | '’' | '\''))
                {
                    let at = para.start + i;
                    if is_apostrophe_in_ascii_word(bytes, at, c.len_utf8(), para) {
                        assert_eq!(single_role(text, at, para), None, "{at} {text:?}");
                        told += 1;
                    } else {
                        read += 1;
                    }
                }
            }
        }
        assert!(told > 400 && read > 50, "{told} {read}");
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
    fn single_marks_as_the_house_style_with_apostrophes_and_plurals() {
        let text = "‘Users’ data isn’t ours, and we’ve said so since the ’90s,’ she said. 'It's theirs.'";
        assert_eq!(
            quoted(text),
            [
                ("Users’ data isn’t ours, and we’ve said so since the ’90s,", 1, true),
                ("It's theirs.", 1, true)
            ]
        );
    }

    #[test]
    fn double_marks_inside_single_ones_and_single_inside_double_are_nested() {
        let text = "‘He called it “a disaster”,’ she said. \
                    “The law ‘does not extend’ that far,” he said.";
        assert_eq!(
            quoted(text),
            [
                ("He called it “a disaster”,", 1, true),
                ("The law ‘does not extend’ that far,", 1, true)
            ]
        );
    }

    #[test]
    fn an_apostrophe_that_opens_nothing_does_not_swallow_a_quote() {
        let text = "He said he'd show 'em the data. \"We have nothing to hide,\" he said.";
        assert_eq!(quoted(text), [("We have nothing to hide,", 1, true)]);
    }

    #[test]
    fn a_right_mark_used_to_open_still_opens() {
        assert_eq!(quoted("”Yes, we will,” he said."), [("Yes, we will,", 1, true)]);
    }

    #[test]
    fn closing_marks_out_of_place_and_inch_marks_open_nothing() {
        assert!(quoted("A 5\" screen and a stray ” mark.").is_empty());
    }
}
