//! Sentence boundaries inside paragraphs, aware of abbreviations and decimals.

use crate::extract::claim::{spaces_end, spaces_start};
use crate::extract::period::MONTH_ABBREVIATIONS;
use crate::read::Span;

/// Words that end with a period without ending a sentence: the list [`is_listed_abbreviation`]
/// matches (a test holds the two to the same words).
#[cfg(test)]
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "inc", "corp", "co", "ltd", "llc", "st", "jr", "sr", "vs", "no", "u.s", "u.k",
    "u.n", "e.g", "i.e", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "gov", "sen", "rep", "gen", "approx", "est", "fig", "dept", "lt", "sgt", "capt", "det", "insp", "supt",
    "cmdr", "col",
];

/// The longest sentence passed on; longer runs (tables flattened into one line, machine
/// output) are cut at a space so that work per sentence stays bounded.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Splits each paragraph into sentences; every sentence lies inside one paragraph. Sentences
/// split at their marks are trimmed, so a space at least lies between two of them; a run cut
/// for its length (past [`MAX_SENTENCE_BYTES`]) is not, so that each piece but the first starts
/// where the one before it ends, which tells the cut pieces apart.
pub fn split_sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(paragraphs.len());
    if paragraphs.windows(2).all(|pair| pair[0].end <= pair[1].start) {
        // Paragraphs in order (an article's): the marks of the whole text are found in one
        // search, which costs less than one search per paragraph (most are a sentence or two).
        let mut marks = memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()).peekable();
        for p in paragraphs {
            while marks.next_if(|&i| i < p.start).is_some() {}
            let inside = std::iter::from_fn(|| marks.next_if(|&i| i < p.end)).map(|i| i - p.start);
            split_paragraph(p.of(text), p.start, inside, &mut out);
        }
    } else {
        for p in paragraphs {
            let para = p.of(text);
            split_paragraph(
                para,
                p.start,
                memchr::memchr3_iter(b'.', b'!', b'?', para.as_bytes()),
                &mut out,
            );
        }
    }
    out
}

/// Pushes the sentences of `para` (at `offset` in the text) to `out`, given the places of its
/// sentence marks (".", "!" and "?") in order. Only the paragraph's ends are trimmed: a sentence
/// ending at a mark ends with the mark or a closing quote, and the next starts at the word
/// [`sentence_end`] found after the spaces.
fn split_paragraph(para: &str, offset: usize, marks: impl Iterator<Item = usize>, out: &mut Vec<Span>) {
    let (lead, trail) = spaces_around(para);
    if lead + trail >= para.len() {
        // all spaces, so no mark either
        return;
    }
    let mut start = lead;
    for (end, next) in marks.filter_map(|i| sentence_end(para, i)) {
        push_cut(para, offset, start, end, out);
        start = next;
    }
    push_cut(para, offset, start, para.len() - trail, out);
}

/// Pushes the sentence from `from` to `to` of `para` (at `offset` in the text; it neither starts
/// nor ends with a space) to `out`, cut into pieces of at most [`MAX_SENTENCE_BYTES`].
fn push_cut(para: &str, offset: usize, mut from: usize, to: usize, out: &mut Vec<Span>) {
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

/// How many bytes of whitespace `s` starts and ends with (as `str::trim_start` and
/// `str::trim_end` would take off; all of it counts twice when `s` is all whitespace). Read by
/// the bytes while they are ASCII, by the characters past one that is not.
fn spaces_around(s: &str) -> (usize, usize) {
    let bytes = s.as_bytes();
    let lead = spaces_end(bytes, 0);
    let lead = match bytes.get(lead) {
        Some(b) if !b.is_ascii() => s.len() - s.trim_start().len(),
        _ => lead,
    };
    let trail = bytes.len() - spaces_start(bytes, bytes.len());
    let trail = match bytes.len().checked_sub(trail + 1).map(|i| bytes[i]) {
        Some(b) if !b.is_ascii() => s.len() - s.trim_end().len(),
        _ => trail,
    };
    (lead, trail)
}

/// Where the sentence that the mark at `i` of `para` may end ends (past the mark and its closing
/// quotes), if it ends there, and where the next starts: a space and a word that may start a
/// sentence follow, and the mark ends no abbreviation.
fn sentence_end(para: &str, i: usize) -> Option<(usize, usize)> {
    let bytes = para.as_bytes();
    let end = past_closing_quotes(para, i + 1);
    if bytes.get(end) != Some(&b' ') {
        return None;
    }
    let next = word_start(para, end + 1);
    let &first = bytes.get(next)?;
    // (read by the byte where ASCII, where `is_uppercase` is `is_ascii_uppercase`)
    let starts_sentence = if first.is_ascii() {
        first.is_ascii_uppercase() || first.is_ascii_digit() || matches!(first, b'"' | b'\'')
    } else {
        para[next..]
            .chars()
            .next()
            .is_some_and(|n| n.is_uppercase() || matches!(n, '“' | '‘' | '«'))
    };
    if !starts_sentence {
        return None;
    }
    // before a digit, an abbreviation may end a sentence ("... at Acme Inc. 2015 was ..."), but
    // a month's does not ("Oct. 11" is a day), nor "No." ("Law No. 7253" is a number's)
    if bytes[i] == b'.' && is_abbreviation(&para[..i]) && (!first.is_ascii_digit() || numbers_what_follows(&para[..i]))
    {
        return None;
    }
    Some((end, next))
}

/// Where the closing quotes and brackets from `at` of `para` end (`"`, `”`, `’`, `'`, `)`, `»`):
/// read by the byte where ASCII.
fn past_closing_quotes(para: &str, mut at: usize) -> usize {
    let bytes = para.as_bytes();
    loop {
        match bytes.get(at) {
            Some(b'"' | b'\'' | b')') => at += 1,
            Some(b) if !b.is_ascii() => match para[at..].chars().next() {
                Some(n @ ('”' | '’' | '»')) => at += n.len_utf8(),
                _ => return at,
            },
            _ => return at,
        }
    }
}

/// Where the spaces from `at` of `para` end, as `str::trim_start` takes them off: read by the
/// byte while they are ASCII.
fn word_start(para: &str, at: usize) -> usize {
    let bytes = para.as_bytes();
    let ascii_end = spaces_end(bytes, at);
    match bytes.get(ascii_end) {
        Some(b) if !b.is_ascii() => para.len() - para[ascii_end..].trim_start().len(),
        _ => ascii_end,
    }
}

/// The word that ends `before` (after its last space, bracket or quote): read back by the bytes
/// while they are ASCII, by the characters from the first that is not.
fn last_word(before: &str) -> &str {
    let bytes = before.as_bytes();
    let mut start = bytes.len();
    while let Some(&b) = start.checked_sub(1).and_then(|i| bytes.get(i)) {
        if !b.is_ascii() {
            return last_word_by_chars(before);
        }
        // the ASCII characters `char::is_whitespace` takes, a bracket and a quote
        if matches!(b, b'\t'..=b'\r' | b' ' | b'(' | b'"') {
            break;
        }
        start -= 1;
    }
    &before[start..]
}

/// [`last_word`] read by the characters: a word may end at a space outside ASCII.
fn last_word_by_chars(before: &str) -> &str {
    before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("")
}

/// Whether `before` ends with an abbreviation that numbers the digits after it: a capitalised
/// month's ("Oct. 11") or "No" ("No. 7253"), or "no" in brackets ("a registered charity (no.
/// 1187342)").
fn numbers_what_follows(before: &str) -> bool {
    is_month_abbreviation(before) || last_word(before) == "No" || before.ends_with("(no")
}

/// Whether `before` ends with a capitalised month's abbreviation ("Oct", "Sept").
fn is_month_abbreviation(before: &str) -> bool {
    let word = last_word(before);
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && MONTH_ABBREVIATIONS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

fn is_abbreviation(before: &str) -> bool {
    let word = last_word(before);
    is_listed_abbreviation(word) || (word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase())
}

/// Whether `word` is one of [`ABBREVIATIONS`] in any ASCII case, by one `match` of its lowered
/// bytes (the list read one by one cost some 150 instructions a sentence mark).
fn is_listed_abbreviation(word: &str) -> bool {
    // every abbreviation is lower case ASCII of at most six bytes: comparing in any ASCII case
    // is comparing the word's ASCII lower case
    let mut lower = [0u8; 6];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"prof"
            | b"inc"
            | b"corp"
            | b"co"
            | b"ltd"
            | b"llc"
            | b"st"
            | b"jr"
            | b"sr"
            | b"vs"
            | b"no"
            | b"u.s"
            | b"u.k"
            | b"u.n"
            | b"e.g"
            | b"i.e"
            | b"a.m"
            | b"p.m"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"gov"
            | b"sen"
            | b"rep"
            | b"gen"
            | b"approx"
            | b"est"
            | b"fig"
            | b"dept"
            | b"lt"
            | b"sgt"
            | b"capt"
            | b"det"
            | b"insp"
            | b"supt"
            | b"cmdr"
            | b"col"
    )
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

    /// The splitter as it was written before the marks were found once per text and spaces
    /// trimmed by their bytes: what [`split_sentences`] must still give.
    fn split_sentences_as_written(text: &str, paragraphs: &[Span]) -> Vec<Span> {
        let mut out = Vec::new();
        for p in paragraphs {
            let para = p.of(text);
            let mut start = 0;
            let ends: Vec<usize> = memchr::memchr3_iter(b'.', b'!', b'?', para.as_bytes())
                .filter_map(|i| {
                    let c = char::from(para.as_bytes()[i]);
                    let mut end = i + 1;
                    while let Some(n) = para[end..].chars().next() {
                        if matches!(n, '"' | '”' | '’' | '\'' | ')' | '»') {
                            end += n.len_utf8();
                        } else {
                            break;
                        }
                    }
                    let after = para[end..].strip_prefix(' ').map(str::trim_start)?;
                    let next = after.chars().next()?;
                    let starts_sentence =
                        next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '‘' | '\'' | '«');
                    let word = para[..i]
                        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
                        .next()
                        .unwrap_or("");
                    let lower = word.to_ascii_lowercase();
                    let abbreviation = ABBREVIATIONS.contains(&lower.as_str())
                        || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()));
                    let month = word.starts_with(|c: char| c.is_ascii_uppercase())
                        && MONTH_ABBREVIATIONS.contains(&lower.as_str())
                        || word == "No";
                    (starts_sentence && !(c == '.' && abbreviation && (!next.is_ascii_digit() || month))).then_some(end)
                })
                .collect();
            for end in ends.into_iter().chain([para.len()]) {
                let s = &para[start..end];
                let lead = s.len() - s.trim_start().len();
                let trail = s.len() - s.trim_end().len();
                if lead + trail < s.len() {
                    let mut spans = Vec::new();
                    push_cut(para, p.start, start + lead, end - trail, &mut spans);
                    assert_eq!(spans[0].start, p.start + start + lead);
                    assert_eq!(spans.last().unwrap().end, p.start + end - trail);
                    out.extend(spans);
                }
                start = end;
            }
        }
        out
    }

    /// Paragraphs made of sentences, abbreviations, initials, decimals, quotes and spaces of
    /// every kind, joined at random (a fixed seed).
    fn sentence_phrases(count: usize) -> Vec<String> {
        let words = [
            "It rose.",
            "Mr.",
            "MR.",
            "mr.",
            "U.S.",
            "u.k.",
            "e.g.",
            "Inc.",
            "approx.",
            "Dept.",
            "F.",
            "f.",
            "Jan.",
            "Oct.",
            "oct.",
            "Sept.",
            "Smith",
            "smith",
            "1.5",
            "2.",
            "3!",
            "Why?",
            "\"Yes.\"",
            "“Fine.”",
            "(so.)",
            "'a.'",
            "»x.»",
            "«We",
            "‘ok",
            "\u{c9}t\u{e9}.",
            "\u{e9}.",
            "\u{df}.",
            "Ωmega.",
            "ωmega",
            "5",
            "x",
            ".",
            "!",
            "?",
            "...",
            "\u{a0}",
            "\u{2003}",
            "\u{85}",
            "\t",
            "\n",
            "\u{b}",
            "\u{1c}",
            "Dr.(",
            "(Dr.",
            "\"Mr.",
        ];
        let gaps = [" ", " ", " ", "  ", "", "\u{a0}", "\t", " \u{a0}", "\u{2003} ", "\n"];
        crate::gen::random_phrases(&words, &gaps, 1, 12, count)
    }

    #[test]
    fn sentences_are_those_of_the_splitter_as_written() {
        let mut texts = crate::gen::sample_texts_and_typeset(200);
        let phrases = sentence_phrases(20_000);
        // the phrases one by one, and joined into texts of paragraphs
        texts.extend(phrases.chunks(10).map(|c| c.join("\n\n")));
        texts.extend(phrases);
        // runs longer than a sentence may be, cut at spaces or not
        texts.extend(["12,345 ".repeat(700), "x".repeat(4100), "\u{e9} Word. ".repeat(400)]);
        let (mut sentences, mut outside_ascii, mut cut) = (0, 0, 0);
        for text in &texts {
            // the whole text as one paragraph, its paragraphs as an article has them, and out
            // of order
            let mut article = crate::read::Article::default();
            article.set_paragraphs(text.split("\n\n"));
            let mut reversed = article.paragraphs.clone();
            reversed.reverse();
            for (text, paragraphs) in [
                (text.as_str(), vec![Span::new(0, text.len())]),
                (article.text.as_str(), article.paragraphs.clone()),
                (article.text.as_str(), reversed),
            ] {
                let found = split_sentences(text, &paragraphs);
                assert_eq!(found, split_sentences_as_written(text, &paragraphs), "{text:?}");
                sentences += found.len();
                outside_ascii += found.iter().filter(|s| !s.of(text).is_ascii()).count();
                cut += found.windows(2).filter(|w| w[0].end == w[1].start).count();
            }
        }
        assert!(
            sentences > 100_000 && outside_ascii > 10_000 && cut > 10,
            "{sentences} sentences, {outside_ascii} outside ASCII, {cut} cut"
        );
    }

    /// The abbreviations matched by bytes are those of the list, in any ASCII case and no
    /// other word; the last word read by bytes is the one read by characters.
    #[test]
    fn abbreviations_and_last_words_by_bytes_are_those_by_characters() {
        let mut words: Vec<String> = Vec::new();
        for a in ABBREVIATIONS {
            words.extend([a.to_string(), a.to_uppercase(), a[..1].to_uppercase() + &a[1..]]);
            // one byte more, one less, one changed, one past ASCII
            words.extend([
                format!("{a}s"),
                format!("x{a}"),
                a[1..].to_string(),
                format!("{a}\u{e9}"),
            ]);
            words.push(a.replacen(|c: char| c.is_ascii_lowercase(), "q", 1));
        }
        for text in crate::gen::sample_texts_and_typeset(50) {
            words.extend(text.split(' ').map(str::to_owned));
        }
        let mut listed = 0;
        for word in &words {
            let by_list = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
            assert_eq!(is_listed_abbreviation(word), by_list, "{word:?}");
            listed += usize::from(by_list);
        }
        assert!(listed >= 3 * ABBREVIATIONS.len(), "{listed}");
        let ends = [
            "Mr",
            "a (Dr",
            "x \"No",
            "1\u{a0}Inc",
            "b\u{b}St",
            "c\u{1c}Co",
            "\u{e9}t\u{e9} Jr",
            "\u{2003}Sen",
            "",
            " ",
        ];
        for before in words.iter().map(String::as_str).chain(ends) {
            for before in [before.to_owned(), format!("It is {before}"), format!("{before}\ttail")] {
                assert_eq!(last_word(&before), last_word_by_chars(&before), "{before:?}");
            }
        }
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
    fn a_month_abbreviation_before_a_day_ends_no_sentence() {
        // the abbreviations are the twelve short names (with "sept" and "sep" for September)
        assert_eq!(MONTH_ABBREVIATIONS.len(), 12);
        assert!(
            MONTH_ABBREVIATIONS.iter().all(|m| (3..=4).contains(&m.len())),
            "{MONTH_ABBREVIATIONS:?}"
        );
        assert_eq!(
            sentences("On Oct. 11 and Sept. 3 it met. It sold Acme Inc. 2015 was good. The oct. 5 rule."),
            [
                "On Oct. 11 and Sept. 3 it met.",
                "It sold Acme Inc.",
                "2015 was good.",
                "The oct.",
                "5 rule."
            ]
        );
        // nor does "No." before the number it names
        assert_eq!(
            sentences("Law No. 7253 took effect. It said no. 5 came."),
            ["Law No. 7253 took effect.", "It said no.", "5 came."]
        );
        assert_eq!(
            sentences("It is a registered charity (no. 1187342). Call us."),
            ["It is a registered charity (no. 1187342).", "Call us."]
        );
    }

    /// The pieces of a run cut for its length, and only they, start where the sentence before
    /// them ends, whatever the byte before the cut: a letter, a bracket, a percent sign, or no
    /// space at all.
    #[test]
    fn only_the_pieces_of_a_cut_start_where_the_sentence_before_ends() {
        for unit in ["word ", "(a) ", "12% ", "x"] {
            let mut article = crate::read::Article::default();
            let run = unit.repeat(4100 / unit.len());
            article.set_paragraphs(["It began. It went on.", &run, "It ended here."]);
            let (text, spans) = (&article.text, split_sentences(&article.text, &article.paragraphs));
            let touching: Vec<bool> = spans.windows(2).map(|w| w[0].end == w[1].start).collect();
            let pieces = spans.len() - 3;
            assert!(pieces >= 3, "{unit:?}: {pieces} pieces");
            assert_eq!(spans[2].of(text), &run[..spans[2].end - spans[2].start]);
            // "It began." "It went on." | the pieces of the run, each after the first touching the
            // one before | "It ended here."
            let mut expected = vec![false; spans.len() - 1];
            expected[2..1 + pieces].fill(true);
            assert_eq!(touching, expected, "{unit:?}");
        }
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
