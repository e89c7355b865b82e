//! `period_mismatch`: the period the headline or lede announces for the report against the
//! periods the body's figures are given for.

use super::doc::Doc;
use super::sum::period_name;
use super::{Finding, Rule, Severity};
use crate::extract::claim;
use crate::extract::period::{self, find_periods, is_reference};
use crate::extract::{Period, PeriodMention};
use crate::read::Span;
use serde_json::json;

/// Compares the report period the lede (or else the headline) announces with the periods of the
/// body's figures.
pub fn check(doc: &Doc) -> Vec<Finding> {
    if !has_body_period(doc) {
        return Vec::new();
    }
    check_announced(doc)
}

/// Whether a figure of the body has a period and is not named only as the point of comparison:
/// what every [`mismatch`] needs, so that an article without one (one with no figure at all, and
/// many pages whose figures are of no period) is spared the reading of its lede and headline.
fn has_body_period(doc: &Doc) -> bool {
    doc.figs.iter().any(|g| g.f.period.is_some() && !doc.is_reference(g))
}

/// [`check`] whether or not a figure of the body has a period.
fn check_announced(doc: &Doc) -> Vec<Finding> {
    let lede = announced_period(doc).map(|(p, span)| (p, Some(span), "introduces the report as covering"));
    let headline = headline_period(doc).map(|p| (p, None, "says in its headline that its figures are for"));
    // One finding at most: the lede's claim first, then the headline's.
    lede.into_iter()
        .chain(headline)
        .find_map(|(announced, span, source)| mismatch(doc, announced, span, source))
        .into_iter()
        .collect()
}

fn mismatch(doc: &Doc, announced: Period, span: Option<Span>, source: &str) -> Option<Finding> {
    // Figures named only as the point of comparison are about another period on purpose.
    let body = || {
        doc.figs
            .iter()
            .filter(|g| !doc.is_reference(g))
            .filter_map(|g| g.f.period.as_ref().map(|p| (p, g.f.span)))
    };
    if body().any(|(p, _)| announced.contains(p)) {
        return None;
    }
    let (other, example) = body().find(|(p, _)| p.end < announced.start || p.start > announced.end)?;
    let message = format!(
        "The article {source} {}, but the figures it gives are for {} (for example {}).",
        period_name(&announced),
        period_name(other),
        example.of(doc.text)
    );
    let spans: Vec<Span> = span.into_iter().chain([example]).collect();
    let mut f = doc.finding(Rule::PeriodMismatch, Severity::Error, message, &spans);
    f.stated = Some(json!(announced.label()));
    f.expected = Some(json!(other.label()));
    Some(f)
}

/// A half, quarter or month the headline names ("... requests in first half of 2015"); a bare
/// year in a headline is too often the year of the news rather than of the figures.
fn headline_period(doc: &Doc) -> Option<Period> {
    let title = doc.title?;
    let published = doc
        .published
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    find_periods(title, published)
        .into_iter()
        .filter(|m| !m.is_anaphoric() && !m.reference)
        .filter_map(|m| m.period)
        .find(|p| p.label().contains('-'))
}

/// "its transparency report for the first half of 2014" in the first paragraph.
fn announced_period(doc: &Doc) -> Option<(Period, Span)> {
    let published = doc
        .published
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    // The lede: the paragraphs up to the first one of prose (a page may open with a headline,
    // a dateline or header lines), or the first paragraph when none is prose. Most ledes open
    // with the announcement: whether a paragraph is prose is asked only when it has none.
    let is_prose = |p: &Span| has_words(p.of(doc.text), 20);
    if let Some(found) = announced_in(doc, *doc.paragraphs.first()?, published) {
        return Some(found);
    }
    if is_prose(&doc.paragraphs[0]) {
        return None;
    }
    // The first paragraph of prose after the first, found once: the paragraphs before it are
    // none, and are not counted again (a page's header lines are long to count).
    let prose = 1 + doc.paragraphs[1..].iter().position(is_prose)?;
    doc.paragraphs[1..=prose]
        .iter()
        .find_map(|lede| announced_in(doc, *lede, published))
}

/// [`announced_period`] as written first, for the test that asking lazily changes nothing.
#[cfg(test)]
fn announced_period_by_position(doc: &Doc) -> Option<(Period, Span)> {
    let published = doc
        .published
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let first_prose = doc
        .paragraphs
        .iter()
        .position(|p| p.of(doc.text).split_whitespace().nth(19).is_some())
        .unwrap_or(0);
    doc.paragraphs[..doc.paragraphs.len().min(first_prose + 1)]
        .iter()
        .find_map(|lede| announced_in(doc, *lede, published))
}

fn announced_in(doc: &Doc, lede: Span, published: Option<chrono::NaiveDate>) -> Option<(Period, Span)> {
    lede_mentions(doc, lede, published).into_iter().find_map(|m| {
        let span = Span::new(lede.start + m.span.start, lede.start + m.span.end);
        let before = doc.before(span, 40);
        let before = before.strip_suffix("the ").unwrap_or(before);
        let after = doc.after(span, 60);
        // (a point of comparison, or a mention of no period, is none the report's: the patterns
        // are spared)
        if m.reference || m.period.is_none() {
            return None;
        }
        let announces = super::doc::announces_report_period(before) || attributes_to_report(after);
        announces.then_some(())?;
        Some((m.period?, span))
    })
}

/// [`claim::attributes_to_report`], spared for a text after a period that does not open with
/// perhaps a comma, whitespace and "according" in any case, as its pattern's matches do
/// (Unicode case folding gives the word's letters no other characters): nearly every one. The
/// commonest, "according to the transparency report" as words, is read without the pattern.
fn attributes_to_report(after: &str) -> bool {
    let rest = after.strip_prefix(',').unwrap_or(after);
    let words = rest.trim_start();
    words.len() < rest.len()
        && words
            .as_bytes()
            .get(..9)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"according"))
        && (super::doc::opens_with_word(words, "according to the transparency report")
            || claim::attributes_to_report(after))
}

/// Whether `text` has at least `n` words between whitespace (what `str::split_whitespace`
/// counts): sixteen ASCII bytes at a time where they are (a word starts at each byte that is no
/// space after one that is, the bytes read as the bits of two masks; the byte before the first is
/// the last one read before), and byte by byte elsewhere ([`count_words_of_bytes`]). The header
/// lines a page may open with are read whole: byte by byte, that cost about half an instruction
/// a byte of real text.
fn has_words(text: &str, n: usize) -> bool {
    let bytes = text.as_bytes();
    let (mut words, mut in_word) = (0, false);
    let mut at = 0;
    while words < n && at < bytes.len() {
        let end = (at + 16).min(bytes.len());
        // (the bytes past the end read as spaces: no word starts there)
        let (spaces, outside) = claim::spaces_and_outside_of_sixteen(bytes, at);
        if outside == 0 {
            let others = !spaces & 0xFFFF;
            words += (others & (spaces << 1 | u32::from(!in_word))).count_ones() as usize;
            in_word = others & 0x8000 != 0;
        } else {
            count_words_of_bytes(text, at..end, (&mut words, &mut in_word));
        }
        at = end;
    }
    words >= n
}

/// Counts the words that start in `range` of `text` into `words`, one byte at a time, with
/// `in_word` whether the byte before is a word's (and then the last byte of the range): a
/// character outside ASCII is looked at only by its first byte.
fn count_words_of_bytes(text: &str, range: std::ops::Range<usize>, (words, in_word): (&mut usize, &mut bool)) {
    let bytes = text.as_bytes();
    for i in range {
        let b = bytes[i];
        let space = match b {
            0..0x80 => claim::is_ascii_space(b),
            // The rest of a character outside ASCII: as its first byte.
            0x80..0xC0 => continue,
            _ => text[i..].chars().next().is_some_and(char::is_whitespace),
        };
        if !space && !*in_word {
            *words += 1;
        }
        *in_word = !space;
    }
}

/// The period mentions of the lede paragraph `lede` as [`find_periods`] finds them in its text
/// alone (spans relative to it), taken from the extraction's search of the whole text where no
/// match of that search can cross the lede's ends (see [`cut_cleanly`]): the search of the whole
/// text then finds within the lede the same matches as a search of the lede alone. Whether a
/// mention is a point of comparison is judged again on the lede's words before it, and anaphora
/// are resolved again against the lede's periods only, as the search of the lede alone does.
fn lede_mentions(doc: &Doc, lede: Span, published: Option<chrono::NaiveDate>) -> Vec<PeriodMention> {
    if !cut_cleanly(doc.text, lede) {
        return find_periods(lede.of(doc.text), published);
    }
    let first = doc.periods.partition_point(|m| m.span.start < lede.start);
    let mut last: Option<Period> = None;
    doc.periods[first..]
        .iter()
        .take_while(|m| m.span.end <= lede.end)
        .map(|m| {
            let period = match m.anaphor {
                Some(a) => a.resolve(last.as_ref(), published),
                None => m.period.clone(),
            };
            let reference = reference_in_lede(doc.text, lede, m);
            if let Some(p) = period.as_ref().filter(|_| !reference) {
                last = Some(p.clone());
            }
            PeriodMention {
                span: Span::new(m.span.start - lede.start, m.span.end - lede.start),
                period,
                anaphor: m.anaphor,
                reference,
            }
        })
        .collect()
}

/// Whether the mention `m` of the extraction's search is a point of comparison when the lede
/// `lede` is read alone ([`is_reference`] of the lede's words before it). A lede at
/// the start of the text has the whole text's words before the mention: the extraction judged
/// those same words, and its judgement is taken (most ledes open the text).
fn reference_in_lede(text: &str, lede: Span, m: &PeriodMention) -> bool {
    if lede.start == 0 {
        debug_assert_eq!(m.reference, is_reference(&text[..m.span.start], m.anaphor));
        return m.reference;
    }
    is_reference(&text[lede.start..m.span.start], m.anaphor)
}

/// Whether no match of the period or date patterns can cross the start or the end of `lede`:
/// each is at an end of the text or in whitespace (so a word boundary there is one in the lede
/// alone too), and the text before that whitespace ends with a character that no match can
/// hold before a space. Matches neither start nor end with a space, and hold spaces only
/// between words, after a letter, a digit, a dash, a comma, or a dot after a month ("Jan.").
fn cut_cleanly(text: &str, lede: Span) -> bool {
    let spaced_before = text[..lede.start].chars().next_back().is_none_or(char::is_whitespace);
    let spaced_after = text[lede.end..].chars().next().is_none_or(char::is_whitespace);
    spaced_before
        && spaced_after
        && ends_outside_matches(&text[..lede.start])
        && ends_outside_matches(&text[..lede.end])
}

/// Whether no period or date match can hold the last character of `before` (spaces at its end
/// aside) and go on past it.
fn ends_outside_matches(before: &str) -> bool {
    let words = before.trim_end();
    match words.chars().next_back() {
        None => true,
        Some('.') => !ends_with_month(&words[..words.len() - 1]),
        Some(c) => !(c.is_alphanumeric() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | ',' | '_')),
    }
}

/// Whether `text` ends with a month's name or abbreviation in any case, or with a letter
/// outside ASCII (which case folding may read as one of theirs, as "ſ" for "s").
fn ends_with_month(text: &str) -> bool {
    let letters = text.len() - text.trim_end_matches(char::is_alphabetic).len();
    let word = &text[text.len() - letters..];
    // Most ledes end with a year or a number: no letter, so no month, and no list to go through.
    // Of the others, a name is compared only when its last letter is the word's (names are
    // lowercase).
    let Some(last) = word.bytes().next_back() else {
        return false;
    };
    if !word.is_ascii() {
        return true;
    }
    // (an ASCII word of letters: its last byte is one; most end with no month's last letter)
    let last = last.to_ascii_lowercase();
    if !may_end_month(last) {
        #[cfg(test)]
        tests::MONTH_LISTS_SPARED.with(|n| n.set(n.get() + 1));
        return false;
    }
    period::MONTH_NAMES
        .iter()
        .any(|m| m.bytes().next_back() == Some(last) && claim::ends_with_ignoring_ascii_case(word, m))
}

/// The last letters of [`period::MONTH_NAMES`], as bits (`a` the lowest): the words a lede
/// ends with ("requests.") mostly end with none, and are spared the list of names.
const MONTH_LAST_LETTERS: u32 = month_last_letters();

const fn month_last_letters() -> u32 {
    let (mut bits, mut i) = (0, 0);
    while i < period::MONTH_NAMES.len() {
        let name = period::MONTH_NAMES[i].as_bytes();
        bits |= 1 << (name[name.len() - 1] - b'a');
        i += 1;
    }
    bits
}

/// Whether a month's name may end with the lowercase ASCII letter `last`.
fn may_end_month(last: u8) -> bool {
    MONTH_LAST_LETTERS & 1 << (last - b'a') != 0
}

/// [`ends_with_month`] as written first, for the test that the shortcuts change nothing.
#[cfg(test)]
fn ends_with_month_by_split(text: &str) -> bool {
    let letters = text.len() - text.trim_end_matches(char::is_alphabetic).len();
    let word = &text[text.len() - letters..];
    !word.is_ascii()
        || period::MONTHS
            .split('|')
            .any(|m| claim::ends_with_ignoring_ascii_case(word, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Words [`ends_with_month`] told from the month names' last letters alone (a test-build
        /// counter).
        pub(super) static MONTH_LISTS_SPARED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// An article whose body has no figure of a period, but for points of comparison, has no
    /// mismatch ([`has_body_period`]): on the bundled and generated articles and on ledes that
    /// announce a period, with body figures of other periods that are or are not points of
    /// comparison, of no period, or none.
    #[test]
    fn an_article_without_a_figure_of_a_period_in_its_body_has_no_mismatch() {
        let lede = "Google released its transparency report for the first half of 2014 on Monday.";
        let written = [
            format!("{lede}\n\nIt received 3,000 requests in the second half of 2013."),
            format!("{lede}\n\nIt received 3,000 requests, up from 2,000 in the second half of 2013."),
            format!("{lede}\n\nIt received 3,000 requests, a record."),
            format!("{lede}\n\nIt received many requests."),
            format!("{lede}\n\nThat was up from 2,000 in the second half of 2013."),
            "It received 3,000 requests.\n\nIt got more than ever.".to_owned(),
        ];
        let written: Vec<&str> = written.iter().map(String::as_str).collect();
        let (mut spared, mut found) = (0, 0);
        for record in super::super::doc::test_records(&written) {
            let doc = Doc::new(&record);
            let in_full = check_announced(&doc);
            assert_eq!(check(&doc), in_full, "{}", doc.text);
            spared += usize::from(!has_body_period(&doc));
            found += in_full.len();
        }
        assert!(spared >= 2 && found >= 1, "{spared} {found}");
    }

    #[test]
    fn a_report_period_announced_without_the_pattern_is_one_of_its() {
        for before in [
            "in its transparency report for ",
            "figures covering ",
            "the data, on ",
            "statistics about ",
            "requests in ",
            "this time for",
            "report for\u{a0}",
        ] {
            assert_eq!(
                super::super::doc::announces_report_period(before),
                claim::announces_report_period(before),
                "{before:?}"
            );
        }
        assert!(claim::announces_report_period(
            "about the people who use its services, this time for "
        ));
    }

    #[test]
    fn a_text_attributed_to_the_report_opens_with_according() {
        // Unicode case folding gives the letters of "according" no other characters.
        let letter = regex::Regex::new("(?i)^[acording]$").unwrap();
        assert!(('\u{80}'..=char::MAX).all(|c| !letter.is_match(c.encode_utf8(&mut [0; 4]))));
        for after in [
            ", according to the transparency report",
            " According to its latest report",
            ",\u{a0}according to the report",
            "\taccording to the new report.",
            ",according to the report",
            " accordingly, the report",
            " in the report",
            "",
        ] {
            assert_eq!(
                attributes_to_report(after),
                claim::attributes_to_report(after),
                "{after:?}"
            );
        }
    }

    #[test]
    fn the_extractions_mentions_are_those_of_a_search_of_each_paragraph() {
        let written = [
            "Requests fell in Jan.\n\n2014 brought 300 more, in the first half of the year.",
            "It was down from 5,000.\n\nIn the second half of 2014, it got 4,000, up from the year before.",
            "The report covers the first\n\nhalf of 2014 and the period before.",
            "It was published on March\n\n27, 2015, for the second half of 2014.",
            "It covers H2\n\n2014 and Q1 2015 - \n\n2016 and the same period of last year.",
            "Figures for the year,\n\n2014 - 2015: more than in 2013.\n\nThan the year before, 2012.",
            "Numbers for ſept.\n\n2014; for auguſt\n\n2014 \u{2014}\n\n2015 and the third quarter.",
            "In 2014 it got more\n\nthan in the first half of 2013; the period after was calmer.",
        ];
        let published = chrono::NaiveDate::from_ymd_opt(2015, 3, 1);
        let (mut reused, mut mentions, mut judged_at_start) = (0, 0, 0);
        for record in super::super::doc::test_records(&written) {
            let doc = Doc::new(&record);
            for p in doc.paragraphs {
                let mut alone = Vec::new();
                for published in [None, published] {
                    alone = find_periods(p.of(doc.text), published);
                    assert_eq!(lede_mentions(&doc, *p, published), alone, "{:?}", p.of(doc.text));
                    mentions += alone.len();
                }
                reused += usize::from(cut_cleanly(doc.text, *p));
                if p.start == 0 && cut_cleanly(doc.text, *p) {
                    judged_at_start += alone.len();
                }
            }
        }
        assert!(mentions > 1000 && reused > 1000, "{mentions} {reused}");
        assert!(judged_at_start > 300, "{judged_at_start}");
    }

    #[test]
    fn the_lede_is_read_as_when_its_paragraphs_were_counted_first() {
        let prose = "Google said it received many more requests from governments than ever before, and it \
                     expects that number to keep growing over the coming years, it said on Monday.";
        let written = [
            format!("Figures for the first half of 2014\n\n{prose}"),
            format!("By Ann Lee\n\nMarch 2015\n\n{prose} Its figures for the second half of 2014."),
            format!("{prose}\n\nIts figures for the second half of 2014."),
            "Report for 2014\n\nIts figures for the second half of 2014.\n\nData for 2013".to_owned(),
            "Short\n\nIts figures for the second half of 2014.".to_owned(),
            format!("Short\n\nLines\n\n{prose}\n\nIts figures for the first half of 2014."),
            format!("Short\n\nIts figures for the second half of 2014.\n\n{prose}"),
        ];
        let written: Vec<&str> = written.iter().map(String::as_str).collect();
        let mut found = 0;
        for record in super::super::doc::test_records(&written) {
            let doc = Doc::new(&record);
            let announced = announced_period(&doc);
            assert_eq!(announced, announced_period_by_position(&doc), "{:?}", doc.text);
            found += usize::from(announced.is_some());
        }
        assert!(found >= 100, "{found}");
    }

    /// Words counted sixteen bytes at a time, and byte by byte around characters outside ASCII,
    /// as `split_whitespace` counts them: in lines and whole sample articles, as written and as
    /// news sites print them, cut at every character (at every 37th byte of the long ones).
    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let mut texts: Vec<String> = crate::gen::sample_lines(50);
        texts.extend(crate::gen::sample_texts_and_typeset(4));
        texts.extend(
            [
                "",
                " ",
                "one",
                " one  two\tthree\u{b}four\u{c}five\rsix\nseven ",
                "a\u{a0}b\u{2003}c\u{85}d\u{3000}e\u{2028}f\u{202f}g\u{1680}h",
                "\u{201c}Quoted\u{201d} words \u{2014} and Müller's café, \u{65e5}\u{672c} text",
                "x\u{200b}y",
                "sixteen letters.sixteen letters. and then\u{a0}some \u{2003} more\u{3000}words",
            ]
            .map(str::to_owned),
        );
        let (mut cut, mut many) = (0, 0);
        for t in &texts {
            let cuts: Vec<usize> = if t.len() > 400 {
                (0..=t.len()).step_by(37).filter(|&i| t.is_char_boundary(i)).collect()
            } else {
                (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect()
            };
            for end in cuts {
                let t = &t[..end];
                let count = t.split_whitespace().count();
                for n in (0..=25).chain([count, count + 1, 100]) {
                    assert_eq!(has_words(t, n), count >= n, "{t:?} {n}");
                }
                cut += 1;
                many += usize::from(count >= 25 && !t.is_ascii());
            }
        }
        assert!(cut >= 2_000 && many >= 50, "{cut} {many}");
    }

    #[test]
    fn months_are_found_at_the_end_as_by_splitting_the_list_each_time() {
        let mut texts: Vec<String> = crate::gen::sample_lines(30);
        texts.extend(
            [
                "",
                " ",
                "2014",
                "in Jan",
                "in JANUARY",
                "Sept",
                "in sep",
                "decemberx",
                "x dec",
                "ſept",
                "auguſt",
                "Mai",
                "\u{212A}",
                "café",
                "in may",
                "1 Nov",
                "the Oct",
                "MAR",
                "prov",
                "no",
            ]
            .map(str::to_owned),
        );
        let mut months = 0;
        MONTH_LISTS_SPARED.with(|n| n.set(0));
        for t in &texts {
            for end in 0..=t.len() {
                if t.is_char_boundary(end) {
                    let text = &t[..end];
                    assert_eq!(ends_with_month(text), ends_with_month_by_split(text), "{text:?}");
                    months += usize::from(ends_with_month(text));
                }
            }
        }
        // (texts whose last letter no month's name ends with: the list not read)
        let spared = MONTH_LISTS_SPARED.with(std::cell::Cell::get);
        assert!(months >= 50 && spared >= 1000, "{months} {spared}");
    }
}
