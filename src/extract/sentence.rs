//! Sentence boundaries inside paragraphs, aware of abbreviations and decimals.

use crate::read::Span;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "inc", "corp", "co", "ltd", "llc", "st", "jr", "sr", "vs", "no", "u.s", "u.k",
    "u.n", "e.g", "i.e", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "gov", "sen", "rep", "gen", "approx", "est", "fig", "dept",
];

/// The longest sentence passed on; longer runs (tables flattened into one line, machine
/// output) are cut at a space so that work per sentence stays bounded.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Splits each paragraph into sentences; every sentence lies inside one paragraph.
pub fn split_sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for p in paragraphs {
        let para = p.of(text);
        let mut start = 0;
        for end in sentence_ends(para) {
            push_trimmed(para, p.start, start, end, &mut out);
            start = end;
        }
        push_trimmed(para, p.start, start, para.len(), &mut out);
    }
    out
}

fn push_trimmed(para: &str, offset: usize, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &para[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return;
    }
    let (mut from, to) = (start + lead, end - trail);
    while to - from > MAX_SENTENCE_BYTES {
        let mut cut = from + MAX_SENTENCE_BYTES;
        while !para.is_char_boundary(cut) {
            cut -= 1;
        }
        // Prefer the last space before the limit, so that a number is not cut in two.
        let cut = para[from..cut].rfind(' ').map_or(cut, |i| from + i + 1).max(from + 1);
        let cut = (cut..=to).find(|&c| para.is_char_boundary(c)).unwrap_or(to);
        out.push(Span::new(offset + from, offset + cut));
        from = cut;
    }
    out.push(Span::new(offset + from, offset + to));
}

/// Byte offsets just past each sentence-ending punctuation (and closing quotes) in a paragraph.
fn sentence_ends(para: &str) -> Vec<usize> {
    let bytes = para.as_bytes();
    let mut ends = Vec::new();
    // The three marks are ASCII, so a byte search finds exactly them, at character boundaries.
    for i in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
        let c = char::from(bytes[i]);
        let mut end = i + 1;
        while let Some(n) = para[end..].chars().next() {
            if matches!(n, '"' | '”' | '’' | '\'' | ')' | '»') {
                end += n.len_utf8();
            } else {
                break;
            }
        }
        let rest = &para[end..];
        let Some(after) = rest.strip_prefix(' ').map(str::trim_start) else {
            continue;
        };
        let Some(next) = after.chars().next() else { continue };
        let starts_sentence =
            next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '‘' | '\'' | '«');
        if !starts_sentence {
            continue;
        }
        if c == '.' && is_abbreviation(&para[..i]) && !next.is_ascii_digit() {
            continue;
        }
        ends.push(end);
    }
    ends
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_ascii_lowercase();
    // Single capital initials ("John F. Kennedy") do not end sentences either.
    ABBREVIATIONS.contains(&lower.as_str()) || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, &[Span::new(0, text.len())])
            .iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation_and_keeps_closing_quotes() {
        assert_eq!(
            sentences("It got 1.5 million requests. \"We object,\" he said. Mr. Smith of the U.S. agreed. Fine!"),
            [
                "It got 1.5 million requests.",
                "\"We object,\" he said.",
                "Mr. Smith of the U.S. agreed.",
                "Fine!"
            ]
        );
    }

    #[test]
    fn overlong_runs_are_cut_at_spaces_into_bounded_sentences() {
        let text = "12,345 ".repeat(1000);
        let spans = split_sentences(&text, &[Span::new(0, text.len())]);
        assert!(spans.len() > 1);
        for s in &spans {
            assert!(s.end - s.start <= MAX_SENTENCE_BYTES);
            assert!(
                !s.of(&text).trim_end().ends_with(','),
                "a number was cut: {:?}",
                s.of(&text)
            );
        }
        assert_eq!(spans.last().unwrap().end, text.trim_end().len());
    }

    #[test]
    fn quoted_sentence_ending_inside_marks() {
        assert_eq!(
            sentences("“We fight.” Frank said so."),
            ["“We fight.”", "Frank said so."]
        );
    }
}
