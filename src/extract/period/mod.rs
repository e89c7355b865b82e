//! Periods a figure is reported for: years, halves, quarters, months and spans of months, and the
//! anaphora news text uses for them ("the same period", "the year", "last year").
//!
//! [`find_periods`] returns every period mention of a text with its resolved [`Period`].

use crate::extract::claim::{is_ascii_space, spaces_end, spaces_start};
use crate::extract::pattern::{class_holds, Pattern};
use crate::extract::quote::hand::{is_word_byte, word_character_at, word_character_before};
use crate::read::Span;
use chrono::{Datelike, NaiveDate};
use regex_syntax::hir::{Class, ClassUnicode, HirKind};
use std::sync::LazyLock;

mod outside;
mod phrases;
mod search;

/// A concrete period with its first and last day.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
}

impl Period {
    /// The calendar year.
    pub fn year(y: i32) -> Option<Period> {
        Period::months(y, 1, y, 12)
    }

    /// Half `h` (1 or 2) of year `y`.
    pub fn half(y: i32, h: u32) -> Option<Period> {
        let (first, last) = part_months(true, h);
        Period::months(y, first, y, last)
    }

    /// Quarter `q` (1 to 4) of year `y`.
    pub fn quarter(y: i32, q: u32) -> Option<Period> {
        let (first, last) = part_months(false, q);
        Period::months(y, first, y, last)
    }

    /// From the first day of month `m1` of `y1` to the last day of month `m2` of `y2`.
    pub fn months(y1: i32, m1: u32, y2: i32, m2: u32) -> Option<Period> {
        let start = NaiveDate::from_ymd_opt(y1, m1, 1)?;
        let (ny, nm) = if m2 == 12 { (y2 + 1, 1) } else { (y2, m2 + 1) };
        let end = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
        (start <= end).then_some(Period { start, end })
    }

    /// The output label: `2014`, `2014-H2`, `2014-Q3`, `2014-03`, or an ISO interval.
    pub fn label(&self) -> String {
        let (y, m1, m2) = (self.start.year(), self.start.month(), self.end.month());
        let whole_months = self.start.day() == 1 && self.end.succ_opt().is_some_and(|d| d.day() == 1);
        if whole_months && self.end.year() == y {
            match (m1, m2) {
                (1, 12) => return format!("{y}"),
                (1, 6) => return format!("{y}-H1"),
                (7, 12) => return format!("{y}-H2"),
                (a, b) if b == a + 2 && a % 3 == 1 => return format!("{y}-Q{}", a / 3 + 1),
                (a, b) if a == b => return format!("{y}-{a:02}"),
                _ => {}
            }
        }
        format!("{}/{}", self.start, self.end)
    }

    /// Parses a label written by [`Period::label`].
    pub fn parse_label(label: &str) -> Option<Period> {
        if let Some((a, b)) = label.split_once('/') {
            let start = NaiveDate::parse_from_str(a, "%Y-%m-%d").ok()?;
            let end = NaiveDate::parse_from_str(b, "%Y-%m-%d").ok()?;
            return (start <= end).then_some(Period { start, end });
        }
        let (y, rest) = label.split_once('-').unwrap_or((label, ""));
        let y: i32 = y.parse().ok()?;
        match rest {
            "" => Period::year(y),
            "H1" | "H2" => Period::half(y, rest[1..].parse().ok()?),
            r if r.starts_with('Q') => Period::quarter(y, r[1..].parse().ok()?),
            m => {
                let m: u32 = m.parse().ok()?;
                Period::months(y, m, y, m)
            }
        }
    }

    /// The period `months` back: "a year earlier" than the second half of 2015 is the second
    /// half of 2014 (a last day of a month stays the last).
    pub fn shifted_back(&self, months: u32) -> Option<Period> {
        let back = chrono::Months::new(months);
        let start = self.start.checked_sub_months(back)?;
        let end = self.end.checked_sub_months(back)?;
        let end = if self.end.succ_opt().is_some_and(|d| d.day() == 1) {
            end.with_day(1)?
                .checked_add_months(chrono::Months::new(1))?
                .pred_opt()?
        } else {
            end
        };
        Some(Period { start, end })
    }

    /// Whether it is twelve whole months (a calendar or a financial year).
    pub fn is_twelve_months(&self) -> bool {
        self.start.day() == 1 && self.end.succ_opt() == self.start.checked_add_months(chrono::Months::new(12))
    }

    /// Whether it is a calendar year, January to December.
    pub fn is_calendar_year(&self) -> bool {
        Period::year(self.start.year()).as_ref() == Some(self)
    }

    /// Which half of its year it is (1 or 2), if it is one.
    pub fn half_of_year(&self) -> Option<u32> {
        (1..=2).find(|&n| Period::half(self.start.year(), n).as_ref() == Some(self))
    }

    /// Whether it is a quarter of a year.
    pub fn is_quarter(&self) -> bool {
        (1..=4).any(|n| Period::quarter(self.start.year(), n).as_ref() == Some(self))
    }

    /// How many whole months it spans, from the first day of a month to the last of one.
    pub fn month_count(&self) -> Option<u32> {
        let next = self.end.succ_opt()?;
        let whole = self.start.day() == 1 && next.day() == 1;
        let months = (next.year() - self.start.year()) * 12 + next.month() as i32 - self.start.month() as i32;
        (whole && months > 0).then_some(months as u32)
    }

    /// Whether it is one calendar month.
    pub fn is_one_month(&self) -> bool {
        self.month_count() == Some(1)
    }

    /// Whether `other` lies within this period.
    pub fn contains(&self, other: &Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The first and last month of half (else quarter) `n` of a year, counted from 1.
fn part_months(half: bool, n: u32) -> (u32, u32) {
    if half {
        (n * 6 - 5, n * 6)
    } else {
        (n * 3 - 2, n * 3)
    }
}

/// A period named in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodMention {
    /// Where it is written.
    pub span: Span,
    /// What it resolves to, if it could be resolved.
    pub period: Option<Period>,
    /// How it refers back, if the text referred back ("the same period", "the year", "last
    /// year"): kept so that [`periods_within`] can resolve it again in another context.
    pub anaphor: Option<Anaphor>,
    /// Whether it is named only as the point of comparison ("down from 72,279 in 2013").
    pub reference: bool,
}

impl PeriodMention {
    /// Whether the text referred back rather than naming the period.
    pub fn is_anaphoric(&self) -> bool {
        self.anaphor.is_some()
    }
}

/// How a period mention that refers back is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anaphor {
    /// "the first half", "the third quarter of the year": part `n` of the context year.
    Part {
        /// A half (else a quarter).
        half: bool,
        /// Which half or quarter, from 1.
        n: u32,
    },
    /// "this year" (0 years back), "last year" (1): counted from the publication year.
    Relative {
        /// Years before the publication year.
        years_back: i32,
    },
    /// "the first half of last year" (a half, 1, 1 year back): part `n` of a year counted from
    /// the publication year.
    RelativePart {
        /// A half (else a quarter).
        half: bool,
        /// Which half or quarter, from 1.
        n: u32,
        /// Years before the publication year.
        years_back: i32,
    },
    /// "the year": the year of the previous period, or else the publication year.
    Year,
    /// "the period", "the same period": the previous period.
    Period,
    /// "the same six months": the last period named of that many months (see
    /// [`last_of_months`]), or else the previous period.
    SameMonths {
        /// How many months.
        months: u32,
        /// The year they are of, when named ("the same three months of 2023"): those months
        /// of that year.
        of_year: Option<i32>,
    },
    /// "January through June", "the first six months": months `first` to `last` (from 1) of the
    /// context year.
    Months {
        /// The first month.
        first: u32,
        /// The last month.
        last: u32,
    },
    /// "between January and June this year" (0 years back), "in October last year" (1): months
    /// `first` to `last` of a year counted from the publication year.
    RelativeMonths {
        /// The first month.
        first: u32,
        /// The last month.
        last: u32,
        /// Years before the publication year.
        years_back: i32,
    },
    /// "the year ended March 31" with no year: the twelve months to the end of the last such
    /// month before the publication (or else of the context year).
    YearTo {
        /// The month the year ends with, from 1.
        month: u32,
    },
    /// "in October": the last October up to the publication (of its year if the month had
    /// begun by then, else of the year before), or else of the context year: news names a
    /// month with no year for the last one, whatever year the figures before were for.
    Month {
        /// The month, from 1.
        month: u32,
    },
    /// "the 90 days to 9 June" with no year: the `days` that end with that day, the last one up
    /// to the publication (or else of the context year).
    DaysTo {
        /// How many days.
        days: u32,
        /// The month of the last day, from 1.
        month: u32,
        /// The last day, in its month.
        day: u32,
    },
    /// "a year earlier" (12): the previous period, `months` back.
    Earlier {
        /// How many months back.
        months: u32,
    },
    /// "the previous six-month period" (6): the `months` that end where the previous period
    /// starts.
    Before {
        /// How many months.
        months: u32,
    },
    /// "the previous year": the calendar year before the previous period's (the twelve months
    /// before a financial year), or else before the publication year.
    YearBefore,
}

impl Anaphor {
    /// The period referred to, after `last` (the previous period that is not a point of
    /// comparison) in a text published on `published`.
    pub fn resolve(self, last: Option<&Period>, published: Option<NaiveDate>) -> Option<Period> {
        let context_year = last.map(|p| p.end.year()).or(published.map(|d| d.year()));
        match self {
            Anaphor::Part { half: true, n } => context_year.and_then(|y| Period::half(y, n)),
            Anaphor::Part { half: false, n } => context_year.and_then(|y| Period::quarter(y, n)),
            Anaphor::Relative { years_back } => published.and_then(|d| Period::year(d.year() - years_back)),
            Anaphor::YearTo { month } => {
                let year = match published {
                    Some(d) if month < d.month() => d.year(),
                    Some(d) => d.year() - 1,
                    None => context_year?,
                };
                let (y1, m1, y2, m2) = phrases::months_ending(12, month, year);
                Period::months(y1, m1, y2, m2)
            }
            Anaphor::RelativeMonths {
                first,
                last: end,
                years_back,
            } => published.and_then(|d| {
                let year = d.year() - years_back;
                Period::months(year, first, year, end)
            }),
            Anaphor::RelativePart { half, n, years_back } => published.and_then(|d| {
                let year = d.year() - years_back;
                if half {
                    Period::half(year, n)
                } else {
                    Period::quarter(year, n)
                }
            }),
            // "during the year" after "the year to 30 June 2016" is that financial year
            Anaphor::Year => match last {
                Some(p) if p.is_twelve_months() => Some(p.clone()),
                _ => context_year.and_then(Period::year),
            },
            Anaphor::Period | Anaphor::SameMonths { of_year: None, .. } => last.cloned(),
            Anaphor::SameMonths {
                of_year: Some(year), ..
            } => last.and_then(|p| {
                let back = (p.end.year() - year) * 12;
                u32::try_from(back).ok().and_then(|back| p.shifted_back(back))
            }),
            Anaphor::Months { first, last: end } => context_year.and_then(|y| Period::months(y, first, y, end)),
            Anaphor::Month { month } => published
                .map(|d| if month <= d.month() { d.year() } else { d.year() - 1 })
                .or(context_year)
                .and_then(|y| Period::months(y, month, y, month)),
            Anaphor::DaysTo { days, month, day } => {
                let year = match published {
                    Some(d) if (month, day) <= (d.month(), d.day()) => d.year(),
                    Some(d) => d.year() - 1,
                    None => context_year?,
                };
                let end = NaiveDate::from_ymd_opt(year, month, day)?;
                let start = end.checked_sub_days(chrono::Days::new(u64::from(days) - 1))?;
                Some(Period { start, end })
            }
            Anaphor::Earlier { months } => last.and_then(|p| p.shifted_back(months)),
            Anaphor::Before { months } => last.and_then(|p| {
                let end = p.start.pred_opt()?;
                let start = p.start.checked_sub_months(chrono::Months::new(months))?;
                Some(Period { start, end })
            }),
            // "the previous year" after a financial year is the financial year before
            Anaphor::YearBefore if last.is_some_and(|p| p.is_twelve_months() && p.start.month() != 1) => {
                last.and_then(|p| p.shifted_back(12))
            }
            Anaphor::YearBefore => last
                .map(|p| p.start.year())
                .or(published.map(|d| d.year()))
                .and_then(|y| Period::year(y - 1)),
        }
    }

    /// Whether it counts back from the period before ("a year earlier", "the previous year"):
    /// such a period is mostly named as a point of comparison.
    pub fn counts_back(self) -> bool {
        matches!(
            self,
            Anaphor::Earlier { .. } | Anaphor::Before { .. } | Anaphor::YearBefore
        )
    }
}

/// The month names and abbreviations the patterns know, as an alternation.
pub(crate) const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

/// Every period expression, longest forms first; group names say which parts were written.
/// Years are ASCII digits (`[0-9]`, not Unicode `\d`): they must parse as numbers, and the
/// smaller automaton keeps the capture search over each match cheap.
static PERIOD: LazyLock<Pattern> = LazyLock::new(|| {
    let m = MONTHS;
    Pattern::new(&format!(
        r"(?ix)
        # January to June 2014 / July-December 2013 / between January and June 2014 / from
        # January through June 2014 (from opens the span: no comparison with January)
        (?:between\s+|from\s+)?(?P<m1>{m})\.?\s*(?P<y1>(?:19|20)[0-9][0-9])?\s*(?:-|–|—|to|through|until|and)\s*(?P<m2>{m})\.?\s+(?P<y2>(?:19|20)[0-9][0-9])\b
        # between 2014 and 2016 / from 2013 to 2015 / 2013-2015 (not in 2013 and 2014: two years)
        | (?:\bbetween\s+(?P<ya1>(?:19|20)[0-9][0-9])\s+and\s+(?P<ya2>(?:19|20)[0-9][0-9])\b
          | \b(?P<ys1>(?:19|20)[0-9][0-9])\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b)\s*(?P<ys2>(?:19|20)[0-9][0-9])\b)
        # first half of 2014 / the second half of the year / first quarter of 2014
        | (?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+(?P<part>half|quarter)\b(?:\s+of\s+(?:(?P<py>(?:19|20)[0-9][0-9])\b|(?:the|this|that)\s+year\b))?
        # H2 2014 / Q3 2014 / 2014 H2
        | \b(?P<hq>[HQ][1-4])\s*(?P<hqy>(?:19|20)[0-9][0-9])\b
        | \b(?P<hqy2>(?:19|20)[0-9][0-9])\s*(?P<hq2>[HQ][1-4])\b
        # March 2014 (but not March 27, 2014, a date)
        | \b(?P<mon>{m})\.?\s+(?P<my>(?:19|20)[0-9][0-9])\b
        # last year / this year / the year / the same period / the period
        | \b(?P<rel>last|this|previous|prior)\s+year\b
        | \bthe\s+(?:same\s+)?(?P<anaphor>period|year)\b
        # a bare year, also fiscal 2014
        | \b(?P<year>(?:19|20)[0-9][0-9])\b"
    ))
    .unwrap()
});

/// The indices of the named groups of [`PERIOD`], looked up once: finding a group by name
/// hashes the name, and each match asks for up to a dozen groups.
struct Groups {
    m1: usize,
    y1: usize,
    m2: usize,
    y2: usize,
    ya1: usize,
    ya2: usize,
    ys1: usize,
    ys2: usize,
    ord: usize,
    part: usize,
    py: usize,
    hq: usize,
    hqy: usize,
    hqy2: usize,
    hq2: usize,
    mon: usize,
    my: usize,
    rel: usize,
    anaphor: usize,
    year: usize,
}

static GROUPS: LazyLock<Groups> = LazyLock::new(|| {
    let index = |name: &str| {
        PERIOD
            .capture_names()
            .position(|n| n == Some(name))
            .expect("a group of PERIOD")
    };
    Groups {
        m1: index("m1"),
        y1: index("y1"),
        m2: index("m2"),
        y2: index("y2"),
        ya1: index("ya1"),
        ya2: index("ya2"),
        ys1: index("ys1"),
        ys2: index("ys2"),
        ord: index("ord"),
        part: index("part"),
        py: index("py"),
        hq: index("hq"),
        hqy: index("hqy"),
        hqy2: index("hqy2"),
        hq2: index("hq2"),
        mon: index("mon"),
        my: index("my"),
        rel: index("rel"),
        anaphor: index("anaphor"),
        year: index("year"),
    }
});

/// `March 27, 2015` or `27 March 2015`: a day, not a reporting period.
static DATE: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(&date_source()).unwrap());

/// The regex syntax of [`DATE`].
fn date_source() -> String {
    format!(
        r"(?i)\b(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+(?:19|20)\d\d)\b"
    )
}

/// Spans of full dates (days) in the text; years inside them are not periods of figures.
pub fn find_dates(text: &str) -> Vec<Span> {
    if dates_by_hand(text, text.is_ascii()) {
        return ascii_dates(text);
    }
    pattern_dates(text)
}

/// Whether the dates of `text` (`ascii` if it is ASCII) are read by hand: no character outside
/// ASCII in it is one the date pattern may match.
fn dates_by_hand(text: &str, ascii: bool) -> bool {
    ascii || !has_character_outside_ascii_date_may_match(text)
}

/// Whether the periods of `text` (`ascii` if it is ASCII) are read by hand: no character
/// outside ASCII in it is a space or a letter the period pattern may match.
fn periods_by_hand(text: &str, ascii: bool) -> bool {
    ascii || !has_space_or_ascii_letter_outside_ascii(text)
}

/// The matches of [`DATE`] in `text`, by the pattern.
fn pattern_dates(text: &str) -> Vec<Span> {
    DATE.find_iter(text).map(|m| Span::new(m.start(), m.end())).collect()
}

/// Whether `text` has a character outside ASCII that [`DATE`] may match
/// ([`DATE_CHARACTERS`]). Those start with one of a dozen first bytes ([`outside::FIRST_BYTES`]),
/// which most text outside ASCII has seldom (Cyrillic and most Chinese and Korean letters start
/// with others): only the characters that start with one are looked up (see the test against
/// the pattern's classes).
fn has_character_outside_ascii_date_may_match(text: &str) -> bool {
    characters_outside_ascii_patterns_may_match(text, (true, false)).0
}

/// Whether the character outside ASCII at `i` of `text`, which starts with one of
/// [`outside::FIRST_BYTES`], is one [`DATE`] may match ([`DATE_CHARACTERS`]).
fn date_may_match_at(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    match bytes[i] {
        // of General Punctuation's curly quotes, dashes and spaces, only the spaces: told by
        // their bytes, as the quotes are common
        0xE2 if at(i + 1) == 0x80 => matches!(at(i + 2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
        // most characters found (Japanese, Korean, Arabic letters) share no first two bytes
        // with one of the class: told by a table, where the class was searched for each
        lead if !DATE_PREFIXES.may_hold(lead, at(i + 1)) => false,
        _ => text[i..]
            .chars()
            .next()
            .is_some_and(|c| class_holds(&DATE_CHARACTERS, c)),
    }
}

/// Which first two bytes of the characters of two and three bytes start one of
/// [`DATE_CHARACTERS`]: bit `b & 63` of entry `lead - 0xC0` set when a character of the class
/// starts with `lead, b`.
struct Prefixes([u64; 48]);

impl Prefixes {
    /// The prefixes of the characters of `class` of two and three bytes.
    fn of(class: &ClassUnicode) -> Prefixes {
        let mut bits = [0u64; 48];
        for c in class.iter().flat_map(|r| r.start()..=r.end()) {
            let mut utf8 = [0; 4];
            if let [lead, second, ..] = *c.encode_utf8(&mut utf8).as_bytes() {
                if lead < 0xF0 {
                    bits[usize::from(lead - 0xC0)] |= 1 << (second & 63);
                }
            }
        }
        Prefixes(bits)
    }

    /// Whether a character that starts with `lead` (a first byte of [`outside::FIRST_BYTES`])
    /// and then `second` may be one of the class (`true` for those of four bytes).
    fn may_hold(&self, lead: u8, second: u8) -> bool {
        lead >= 0xF0 || self.0[usize::from(lead - 0xC0)] >> (second & 63) & 1 != 0
    }
}

/// The [`Prefixes`] of [`DATE_CHARACTERS`].
static DATE_PREFIXES: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::of(&DATE_CHARACTERS));

/// Whether `text` has a character outside ASCII that [`DATE`] may match
/// ([`has_character_outside_ascii_date_may_match`]) and one that [`PERIOD`] may match
/// ([`has_space_or_ascii_letter_outside_ascii`]), each asked only if `wanted`: both read in one
/// pass over the places of [`outside::FIRST_BYTES`], which stops once each wanted one is found.
fn characters_outside_ascii_patterns_may_match(text: &str, wanted: (bool, bool)) -> (bool, bool) {
    let bytes = text.as_bytes();
    let (mut date, mut period) = (!wanted.0, !wanted.1);
    outside::each_first_byte(bytes, |i| {
        date = date || date_may_match_at(text, i);
        period = period || period_may_match_at(bytes, i);
        date && period
    });
    (date && wanted.0, period && wanted.1)
}

/// The characters outside ASCII that [`DATE`] may match: spaces and digits (`\s` and `\d` are
/// Unicode's: "\u{a0}", "٣", "５") and the case forms of the letters of its words ("ſ" of "s").
/// Its letters are those of its source (the "i" of `(?i)` and the "b", "s", "d" of `\b`, `\s`,
/// `\d` are in month names too).
static DATE_CHARACTERS: LazyLock<ClassUnicode> = LazyLock::new(|| {
    let letters: String = date_source().chars().filter(char::is_ascii_alphabetic).collect();
    match regex_syntax::parse(&format!(r"(?i)[\s\d{letters}]")).map(|h| h.into_kind()) {
        Ok(HirKind::Class(Class::Unicode(class))) => class,
        other => unreachable!("a class of characters: {other:?}"),
    }
});

/// The matches of [`DATE`] in a `text` whose characters outside ASCII the pattern cannot match
/// ([`DATE_CHARACTERS`]), read back from the years that end them: the pattern's automaton reads
/// every byte, and a year is a "1" or "2" that `memchr` finds. Outside ASCII only the word
/// boundaries at the two ends of a match need the characters there (a letter is a word
/// character): inside one, every byte is ASCII.
///
/// Why the same: every match ends with a year (`(?:19|20)\d\d` with a boundary after it and a
/// space before it), and before it holds one day and one month, which no other match can use
/// (a year is four digits, neither a day nor a month), so matches never overlap. Read back from
/// the year, the word before it (after a comma perhaps) says the branch: a day (`5th`) for
/// "March 5th, 2014", a month for "5 March 2014"; what the branch needs before that word
/// leaves one place where the match can start. See [`date_start`].
fn ascii_dates(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', bytes)
        .filter(|&at| is_year_at(bytes, at))
        .filter_map(|at| date_ending_with_year(bytes, at))
        .collect()
}

/// The match of [`DATE`] that ends with the year ([`is_year_at`]) at `year`, if one does (see
/// [`ascii_dates`]).
fn date_ending_with_year(bytes: &[u8], year: usize) -> Option<Span> {
    if word_character_at(bytes, year + 4) {
        return None;
    }
    let start = date_start(bytes, year).filter(|&s| !word_character_before(bytes, s))?;
    Some(Span::new(start, year + 4))
}

/// Where the match of [`DATE`] that ends with the year at `year` starts, if one does: read
/// back from the year over the spaces (and comma) before it, then the day and the month in
/// either order (`March 5th`, `5 of March.`), as the pattern writes them.
fn date_start(bytes: &[u8], year: usize) -> Option<usize> {
    let at = spaces_before(bytes, year)?;
    let at = if at > 0 && bytes[at - 1] == b',' { at - 1 } else { at };
    // most years follow a word that can end neither ("of 2014")
    if !may_end_day_or_month(at.checked_sub(1).map_or(0, |i| bytes[i])) {
        #[cfg(test)]
        tests::YEARS_TURNED_AWAY.with(|n| n.set(n.get() + 1));
        return None;
    }
    let word = word_before(bytes, at);
    if is_day(&bytes[word..at]) {
        // `month\.?\s+day,?\s+year`
        let at = spaces_before(bytes, word)?;
        let at = if at > 0 && bytes[at - 1] == b'.' { at - 1 } else { at };
        let month = word_before(bytes, at);
        return is_month(&bytes[month..at]).then_some(month);
    }
    // `day\s+(?:of\s+)?month\.?,?\s+year`
    let (at, month) = if at > 0 && bytes[at - 1] == b'.' {
        (at - 1, word_before(bytes, at - 1))
    } else {
        (at, word)
    };
    if !is_month(&bytes[month..at]) {
        return None;
    }
    let at = spaces_before(bytes, month)?;
    let mut day = word_before(bytes, at);
    if bytes[day..at].eq_ignore_ascii_case(b"of") {
        let at = spaces_before(bytes, day)?;
        day = word_before(bytes, at);
        return is_day(&bytes[day..at]).then_some(day);
    }
    is_day(&bytes[day..at]).then_some(day)
}

/// Whether `last` may be the last byte of a day as [`DATE`] writes one (a digit, or the "t",
/// "d" or "h" of "st", "nd", "rd", "th"), of a month name, or the dot after a month: what
/// [`date_start`] reads before a year ends with one of these. Letters in either case (`| 0x20`
/// makes a byte one of these letters only when it is that letter).
fn may_end_day_or_month(last: u8) -> bool {
    last.is_ascii_digit()
        || last == b'.'
        || matches!(
            last | 0x20,
            b'y' | b'h' | b'l' | b'e' | b't' | b'r' | b'n' | b'b' | b'g' | b'p' | b'v' | b'c' | b'd'
        )
}

/// Where the ASCII spaces that end `bytes[..end]` start; `None` when there are none.
fn spaces_before(bytes: &[u8], end: usize) -> Option<usize> {
    let start = spaces_start(bytes, end);
    (start < end).then_some(start)
}

/// Where the run of word bytes that ends `bytes[..end]` starts (`end` when there is none):
/// a word there starts at a boundary.
fn word_before(bytes: &[u8], end: usize) -> usize {
    end - bytes[..end].iter().rev().take_while(|&&b| is_word_byte(b)).count()
}

/// Whether `word` is a day as [`DATE`] writes one: one or two digits, perhaps then "st", "nd",
/// "rd" or "th" in any case.
fn is_day(word: &[u8]) -> bool {
    let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
    let suffix = &word[digits..];
    (1..=2).contains(&digits)
        && (suffix.is_empty()
            || ["st", "nd", "rd", "th"]
                .iter()
                .any(|s| suffix.eq_ignore_ascii_case(s.as_bytes())))
}

/// The number of the month `word` names ("June", "jun", "Sept"), in any case.
pub(crate) fn month_of(word: &str) -> Option<u32> {
    is_month(word.as_bytes()).then(|| month_number(word))
}

/// Whether `word` is one of the names of [`MONTHS`], in any case.
pub(crate) fn is_month(word: &[u8]) -> bool {
    (3..=9).contains(&word.len()) && MONTH_NAMES.iter().any(|m| word.eq_ignore_ascii_case(m.as_bytes()))
}

/// Finds the period mentions of `text`, resolving anaphora against the previous explicit period
/// and relative years against `published`.
pub fn find_periods(text: &str, published: Option<NaiveDate>) -> Vec<PeriodMention> {
    find_dates_and_periods(text, published).1
}

/// [`find_periods`], given the dates of `text` ([`find_dates`]): periods inside a date are not
/// periods. With [`find_dates`], the two-pass reading that [`find_dates_and_periods`] (what the
/// extraction calls) is tested against, and the reading of a text one of whose two parts cannot
/// be read by hand.
pub fn find_periods_between(text: &str, published: Option<NaiveDate>, dates: &[Span]) -> Vec<PeriodMention> {
    mentions_of(text, published, dates, period_matches(text).into_iter())
}

/// The dates of `text` ([`find_dates`]) and its period mentions ([`find_periods_between`] of
/// those dates). Where both are read by hand, the years that end dates are those the period
/// reader finds as anchors: one pass over the text finds both, instead of one for each. That
/// pass also tells whether the text is ASCII (which decides whether both may be read by hand),
/// so it is made first: only a text outside ASCII that one of them cannot read by hand is read
/// again (its dates and starts are dropped).
pub fn find_dates_and_periods(text: &str, published: Option<NaiveDate>) -> (Vec<Span>, Vec<PeriodMention>) {
    let (dates, periods, _) = find_dates_periods_and_ascii(text, published);
    (dates, periods)
}

/// [`find_dates_and_periods`], and whether `text` is ASCII, which its anchor pass tells on the
/// way: the quote reader needs to know too, and a pass of its own cost about 0.3 instructions
/// a byte of every article.
pub(crate) fn find_dates_periods_and_ascii(
    text: &str,
    published: Option<NaiveDate>,
) -> (Vec<Span>, Vec<PeriodMention>, bool) {
    let bytes = text.as_bytes();
    let mut dates = Vec::new();
    let (starts, ascii) = hand_starts(bytes, Some(&mut dates));
    #[cfg(test)]
    tests::ASCII_BY_ANCHORS.with(|n| n.set(n.get() + usize::from(ascii)));
    // (a text outside ASCII is tested for both patterns' characters in one pass)
    let (date_characters, period_characters) = if ascii {
        (false, false)
    } else {
        characters_outside_ascii_patterns_may_match(text, (true, true))
    };
    let (dates, matches) = match (!date_characters, !period_characters) {
        (true, true) => {
            let periods = mentions_of(text, published, &dates, matches_from(bytes, starts));
            return (dates, periods, ascii);
        }
        // the dates the anchor pass pushed are those `ascii_dates` reads (see `hand_matches`)
        (true, false) => (dates, pattern_matches(text)),
        (false, true) => (pattern_dates(text), matches_from(bytes, starts).collect()),
        (false, false) => (pattern_dates(text), pattern_matches(text)),
    };
    let periods = mentions_of(text, published, &dates, matches.into_iter());
    (dates, periods, ascii)
}

/// The period mentions of the `matches` of [`PERIOD`] in `text` that lie outside its `dates`,
/// resolved in order.
fn mentions_of(
    text: &str,
    published: Option<NaiveDate>,
    dates: &[Span],
    matches: impl Iterator<Item = (Span, Reading)>,
) -> Vec<PeriodMention> {
    let mut last: Option<Period> = None;
    // the last such period that is no month named without its year
    let mut last_not_a_month: Option<Period> = None;
    // where `last` was named
    let mut last_end = 0;
    // room for every match: the hand reader's count is of the places a match may start
    let mut out = Vec::with_capacity(matches.size_hint().1.unwrap_or(0));
    let mut made = LastMade::default();
    let mut cues = Cues::default();
    let phrases = phrases::phrase_matches(text, &mut cues);
    for (span, reading) in phrases::with_phrases(text, matches, phrases) {
        // "2022-23" in a text that does not say when its years end (a year to December says
        // they are the calendar's)
        let (span, reading) = match reading {
            Reading::Months((y, 1, y2, 12)) if y == y2 && span.end - span.start == 4 && cues.fiscal_end.is_none() => {
                let southern = || ["Australia", "New Zealand"].iter().any(|name| text.contains(name));
                phrases::split_year_by_default(text.as_bytes(), y, span.end, southern)
                    .map_or((span, reading), |(end, split)| (Span::new(span.start, end), split))
            }
            _ => (span, reading),
        };
        // Dates are sorted and do not overlap: only the last one starting before the match can hold it.
        let i = dates.partition_point(|d| d.start <= span.start);
        if i > 0 && dates[i - 1].contains(span) {
            continue;
        }
        let (period, anaphor) = match reading {
            Reading::Months(months) => (made.months(months), None),
            Reading::Days(start, end) => (Some(Period { start, end }), None),
            Reading::NoPeriod => (None, None),
            // "by the end of the year": a point in time, not a period the figures are for (the
            // figures after it stay with the report's period)
            Reading::Anaphor(Anaphor::Year) if text[..span.start].ends_with("end of ") => continue,
            Reading::Anaphor(Anaphor::Year) => {
                match first_if_background(text, last.as_ref(), last_end, &out, span, Period::is_twelve_months) {
                    Some(first) => (Some(first), Some(Anaphor::Year)),
                    None => resolved(Anaphor::Year, last.as_ref(), published),
                }
            }
            // "the first half" (or "between January and March") after such an aside is a part
            // of the report's year
            Reading::Anaphor(part @ (Anaphor::Part { .. } | Anaphor::Months { .. })) => {
                let first = first_if_background(text, last.as_ref(), last_end, &out, span, |_| true);
                resolved(part, first.as_ref().or(last.as_ref()), published)
            }
            // "the same period last year" a paragraph after a breakdown by quarters is the
            // report's period a year back, not its last quarter's
            Reading::Anaphor(earlier @ Anaphor::Earlier { .. }) => {
                let first = first_if_background(text, last.as_ref(), last_end, &out, span, |_| true)
                    .or_else(|| whole_of_a_part_before(text, last.as_ref(), last_end, &out, span));
                resolved(earlier, first.as_ref().or(last.as_ref()), published)
            }
            Reading::Anaphor(Anaphor::Period) => resolved(Anaphor::Period, last_not_a_month.as_ref(), published),
            // "over the same six months" after a year's total is the six months named before it
            Reading::Anaphor(same @ Anaphor::SameMonths { months, .. }) => {
                let named = out
                    .iter()
                    .rev()
                    .filter(|m| !m.reference)
                    .filter_map(|m| m.period.as_ref());
                resolved(
                    same,
                    last_of_months(named, months).or(last_not_a_month.as_ref()),
                    published,
                )
            }
            Reading::Anaphor(anaphor) => resolved(anaphor, last.as_ref(), published),
        };
        let before = &text[..span.start];
        let window_start = comparison_window_start(before);
        let multiple = cues.multiple_within(window_start, span.start);
        let since_cue = cues.since_within(span.start.saturating_sub(60), span.start);
        let reference = is_reference_given(before, &before[window_start..], anaphor, multiple, since_cue);
        // a year that dates a name names no period (and is still no figure)
        let period = period.filter(|_| !dates_a_name(text, span));
        // a period "since" opens ("since 2010") starts a span back to it, and is no period the
        // next anaphor ("the year") refers to
        let since = || since_cue && opens_since(text, span.start);
        if let Some(p) = period.as_ref().filter(|_| !reference && !since()) {
            // a month with no year is mostly an event's ("the inspection announced in May"):
            // "the period" after it is still the one before it
            if !matches!(anaphor, Some(Anaphor::Month { .. })) {
                last_not_a_month = Some(p.clone());
            }
            last = Some(p.clone());
            last_end = span.end;
        }
        out.push(PeriodMention {
            span,
            period,
            anaphor,
            reference,
        });
    }
    out
}

/// The first of `periods` (the periods named before a mention, last first) that is `months`
/// long: what "the same six months" refers to ("2,351 for 2023 ... 341 over the same six months"
/// is the half named before the year, not the year).
fn last_of_months<'p>(mut periods: impl Iterator<Item = &'p Period>, months: u32) -> Option<&'p Period> {
    periods.find(|p| p.month_count() == Some(months))
}

/// The first period the text names that is `wanted` (its report's: twelve months for "the
/// year"; from the mentions so far, `before`) when an anaphor at `span` would refer back to a
/// period before it named in an earlier paragraph (`last`, which ended at `last_end`): after an
/// aside about a year or month before ("In the year to March 2022, Safaricom recorded 6,031.",
/// "began operations in October 2022", "reviewed some 240,000 items last year"), "during the
/// year" is the report's year again, and "the first half" a half of it.
fn first_if_background(
    text: &str,
    last: Option<&Period>,
    last_end: usize,
    before: &[PeriodMention],
    span: Span,
    wanted: fn(&Period) -> bool,
) -> Option<Period> {
    let last = last?;
    let first = first_named(before, wanted)?;
    (last.end < first.start && paragraph_ends_within(text, last_end, span.start)).then(|| first.clone())
}

/// The first period of the mentions `before` that is no point of comparison and is `wanted`.
fn first_named(before: &[PeriodMention], wanted: fn(&Period) -> bool) -> Option<&Period> {
    before
        .iter()
        .filter(|m| !m.reference)
        .find_map(|m| m.period.as_ref().filter(|p| wanted(p)))
}

/// Whether a paragraph ends in `text[from..to]`.
fn paragraph_ends_within(text: &str, from: usize, to: usize) -> bool {
    memchr::memmem::find(&text.as_bytes()[from..to], b"\n\n").is_some()
}

/// The first period the text names (its report's, from the mentions so far, `before`) when the
/// last one (`last`, which ended at `last_end`) is a part of it named in an earlier paragraph
/// than `span`: "the same period last year" after a paragraph that ends on "1,310 in the second
/// quarter" is the report's half a year back.
fn whole_of_a_part_before(
    text: &str,
    last: Option<&Period>,
    last_end: usize,
    before: &[PeriodMention],
    span: Span,
) -> Option<Period> {
    let last = last?;
    let first = first_named(before, |_| true)?;
    (first.contains(last) && first != last && paragraph_ends_within(text, last_end, span.start)).then(|| first.clone())
}

/// Whether the match at `span` is a year that ends the name of a law ("the Data Protection Act
/// 1998", "the Foreign Intelligence Surveillance Act of 1978") or of a ranking published that
/// year ("the Transparency Scorecard 2024", "the Corporate Accountability Index 2020", which
/// grade the year before): part of a name, no period the text speaks of.
fn ends_a_name(text: &str, span: Span) -> bool {
    let year = &text.as_bytes()[span.start..span.end];
    if year.len() != 4 || !year.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let before = text[..span.start].strip_suffix(' ').unwrap_or_default();
    let before = before.strip_suffix(" of").unwrap_or(before);
    // most years follow no last letter of a name
    if !before.as_bytes().last().is_some_and(|&b| ends_a_dated_name(b)) {
        return false;
    }
    DATED_NAMES.iter().any(|name| {
        before
            .strip_suffix(name)
            .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
    })
}

/// Whether the year at `span` dates a name rather than the figures: the name it ends
/// ([`ends_a_name`]), a case's number ("No. 13710 of 2022"), a law after a comma ("the
/// Information Technology Act, 2000") or rules ("the 2009 blocking rules"). Such a year names no
/// period of the text's, and is still a mention, so that it is no figure either ("the Foreign
/// Intelligence Surveillance Act of 1978" had been a count of 1,978 once its mention was dropped).
fn dates_a_name(text: &str, span: Span) -> bool {
    may_date_a_name_after(&text.as_bytes()[..span.start]) && name_dated_before(text, span)
        || names_rules_after(&text[span.end..])
}

/// The names a year may end ([`ends_a_name`]): of a law or of a ranking.
const DATED_NAMES: [&str; 5] = ["Act", "Scorecard", "Index", "Ranking", "Rankings"];

/// Whether `b` is the last letter of one of [`DATED_NAMES`].
fn ends_a_dated_name(b: u8) -> bool {
    DATED_NAMES.iter().any(|name| name.as_bytes().last() == Some(&b))
}

/// Whether `before` (the text before a year) ends as the words before a year that dates a name
/// must ([`name_dated_before`]): a space after the last letter of one of [`DATED_NAMES`], the
/// "f" of " of " or a comma. Most years follow "in" or "of the".
fn may_date_a_name_after(before: &[u8]) -> bool {
    matches!(before, [.., last, b' '] if ends_a_dated_name(*last) || matches!(last, b'f' | b','))
}

/// [`dates_a_name`] by the words before the year at `span`: the name it ends ([`ends_a_name`]),
/// a case's number or a law after a comma.
fn name_dated_before(text: &str, span: Span) -> bool {
    let before = &text[..span.start];
    let of = before.strip_suffix(" of ").unwrap_or_default();
    // "the Investigatory Powers Act, 2016", "the ... Ethics Code) Rules, 2021"
    const LAWS: [&str; 5] = ["Act, ", "Rules, ", "Regulations, ", "Ordinance, ", "Code, "];
    ends_a_name(text, span)
        || is_a_case_number(of)
        || before.ends_with(", ") && LAWS.iter().any(|law| before.ends_with(law))
}

/// Whether `before` (the text before a year, " of " taken off) ends with a case's or a law's
/// number: "W.P. No. 13710 of 2022", "Law No. 5651 of 2007".
fn is_a_case_number(before: &str) -> bool {
    let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    digits > 0 && {
        let rest = &before[..before.len() - digits];
        rest.ends_with("No. ") || rest.ends_with("No ")
    }
}

/// The words one of which names rules or a law after a year ([`names_rules_after`]).
const RULES: [&str; 5] = ["rules", "law", "act", "regulations", "guidelines"];

/// Whether `after` (the text after a year) names rules or a law the year dates, within two
/// words: "the 2009 blocking rules", "the 2018 law". Such a year is part of a name. Read a word
/// at a time up to the third, where [`names_rules_after_by_words`] looked for the clause's end
/// first (most often some fifty bytes on) and split its characters: about a hundred
/// instructions a year. A byte outside ASCII where a word or the spaces after it end (it may be
/// a space) sends the text to it.
fn names_rules_after(after: &str) -> bool {
    let bytes = after.as_bytes();
    // a space and a lowercase letter first: most years end a clause or start a count
    if bytes.first() != Some(&b' ') || !bytes.get(1).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let mut at = 1;
    for _ in 0..3 {
        let end = at + bytes[at..].iter().take_while(|b| b.is_ascii_lowercase()).count();
        let next = bytes.get(end).copied();
        if next.is_some_and(|b| !b.is_ascii()) {
            return names_rules_after_by_words(after);
        }
        let clause_ends = next.is_none_or(ends_clause);
        // a word with other bytes than lower-case letters ends the reading
        if !clause_ends && !next.is_some_and(is_ascii_space) {
            return false;
        }
        let word = &bytes[at..end];
        if RULES.iter().any(|r| r.as_bytes() == word) {
            return true;
        }
        if clause_ends {
            return false;
        }
        at = spaces_end(bytes, end);
        if bytes[end..at].contains(&b'\n') {
            return false;
        }
        // (a byte outside ASCII at `at` ends the next word, read as none: the test above sends
        // the text to the reading by words)
    }
    false
}

/// Whether `b` ends the clause [`names_rules_after`] reads.
fn ends_clause(b: u8) -> bool {
    matches!(b, b'.' | b',' | b';' | b':' | b'\n')
}

/// [`names_rules_after`] by the words of the clause, for any text.
fn names_rules_after_by_words(after: &str) -> bool {
    let bytes = after.as_bytes();
    if bytes.first() != Some(&b' ') || !bytes.get(1).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    // the words up to the clause's end, found by its bytes (all ASCII)
    let end = bytes.iter().position(|&b| ends_clause(b)).unwrap_or(bytes.len());
    let clause = &after[..end];
    clause
        .split_whitespace()
        .take(3)
        .take_while(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
        .any(|w| RULES.contains(&w))
}

/// What a match of [`PERIOD`] names: the months of a period, no period (a span of years that
/// does not go forward), or a period referred to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reading {
    /// The arguments of [`Period::months`].
    Months(Months),
    /// From the first day to the last ("28 August to 20 October 2023").
    Days(NaiveDate, NaiveDate),
    /// No period.
    NoPeriod,
    /// An anaphor, resolved in the order of the text.
    Anaphor(Anaphor),
}

/// From month `.1` of year `.0` to month `.3` of year `.2`, as [`Period::months`] takes them.
type Months = (i32, u32, i32, u32);

impl Reading {
    /// The months from `first` to `last` of `year`.
    fn of_year(year: i32, first: u32, last: u32) -> Reading {
        Reading::Months((year, first, year, last))
    }

    /// Half (else quarter) `n` of `year`.
    fn part(half: bool, n: u32, year: i32) -> Reading {
        let (first, last) = part_months(half, n);
        Reading::of_year(year, first, last)
    }
}

/// The last period [`find_periods_between`] made of months, with the months: most texts name
/// the same year or part of one again and again ("the second half of 2014"), and each period
/// made costs two dates.
#[derive(Default)]
struct LastMade(Option<(Months, Option<Period>)>);

impl LastMade {
    /// [`Period::months`] of `months`.
    fn months(&mut self, months: Months) -> Option<Period> {
        match &self.0 {
            Some((key, period)) if *key == months => period.clone(),
            _ => {
                let (y1, m1, y2, m2) = months;
                let period = Period::months(y1, m1, y2, m2);
                self.0 = Some((months, period.clone()));
                period
            }
        }
    }
}

/// The matches of [`PERIOD`] in `text`, in order, with what each names: read by hand
/// ([`hand_matches`]) where every character outside ASCII is one the pattern cannot match,
/// else by the pattern and its groups.
fn period_matches(text: &str) -> Vec<(Span, Reading)> {
    if periods_by_hand(text, text.is_ascii()) {
        return hand_matches(text, None).collect();
    }
    pattern_matches(text)
}

/// The matches of [`PERIOD`] in `text`, with what each names, by the pattern and its groups.
fn pattern_matches(text: &str) -> Vec<(Span, Reading)> {
    let g = &*GROUPS;
    PERIOD
        .captures_iter(text)
        .map(|c| {
            let m = c.get(0).expect("the whole match");
            (Span::new(m.start(), m.end()), reading_of(&c, g))
        })
        .collect()
}

/// Whether `text` holds a character outside ASCII that [`PERIOD`] may match, other than
/// the two dashes [`hand_matches`] reads: a space (`\s` is Unicode's White_Space: U+0085, U+00A0,
/// U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) or a letter that is a case
/// form of an ASCII one ("ſ" of "s", the Kelvin sign of "k"). Found by their first bytes, which
/// text in other scripts seldom has (see the test against the pattern's classes).
fn has_space_or_ascii_letter_outside_ascii(text: &str) -> bool {
    characters_outside_ascii_patterns_may_match(text, (false, true)).1
}

/// Whether the character outside ASCII at `i` of `bytes`, which starts with one of
/// [`outside::FIRST_BYTES`], is one [`PERIOD`] may match
/// ([`has_space_or_ascii_letter_outside_ascii`]).
fn period_may_match_at(bytes: &[u8], i: usize) -> bool {
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    match (bytes[i], at(i + 1), at(i + 2)) {
        (0xC2, c, _) => matches!(c, 0x85 | 0xA0),
        (0xC5, c, _) => c == 0xBF,
        (0xE1, c, d) => c == 0x9A && d == 0x80,
        (0xE2, 0x80, c) => matches!(c, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
        (0xE2, 0x81, c) => c == 0x9F,
        (0xE2, 0x84, c) => c == 0xAA,
        (0xE3, 0x80, c) => c == 0x80,
        _ => false,
    }
}

/// The matches of [`PERIOD`] in a `text` whose characters outside ASCII the pattern cannot
/// match, other than "–" and "—" ([`has_space_or_ascii_letter_outside_ascii`]), found from the words every match
/// holds instead of the pattern's pass over every byte, each with what it names as its groups
/// say ([`reading_of`]), read where it is matched.
///
/// Why the same: the pattern's matches, left to right and without overlap, are the leftmost
/// start at or after the end of the last match where the pattern matches, each read as the
/// pattern reads there ([`match_at`]). Every match holds a year or "half", "quarter", "year" or
/// "period" ([`anchors`]), and from that word back to its start the match has a form that
/// leaves one place (or few) to start ([`starts_before_year`], [`starts_before_word`]). So the
/// places found back from every such word hold every place a match starts, and trying them in
/// order finds the same matches.
///
/// With `dates`, also pushes there the matches of [`DATE`] (as [`ascii_dates`] finds them, on a
/// text it may read): every year the dates end with is an anchor. The anchors and dates are
/// read at the call, the matches as they are taken (no list of them is kept).
fn hand_matches<'t>(text: &'t str, dates: Option<&mut Vec<Span>>) -> impl Iterator<Item = (Span, Reading)> + 't {
    let bytes = text.as_bytes();
    matches_from(bytes, hand_starts(bytes, dates).0)
}

/// The places a match of [`PERIOD`] may start, read back from the anchors of `bytes` (sorted,
/// without repeats; see [`hand_matches`]), and whether `bytes` are ASCII. With `dates`, also
/// pushes there the matches of [`DATE`] as [`hand_matches`] does.
fn hand_starts(bytes: &[u8], mut dates: Option<&mut Vec<Span>>) -> (Vec<usize>, bool) {
    // room for a start about every 64 bytes (generated text has one every 100): grown from
    // empty, the list was reallocated two or three times an article
    let mut starts = Vec::with_capacity(bytes.len() / 64 + 4);
    let ascii = anchors(bytes, |anchor| match anchor {
        Anchor::Year(at) => {
            if let Some(dates) = dates.as_deref_mut() {
                dates.extend(date_ending_with_year(bytes, at));
            }
            starts_before_year(bytes, at, &mut starts)
        }
        Anchor::Word(word, at) => starts_before_word(bytes, word, at, &mut starts),
    });
    starts.sort_unstable();
    starts.dedup();
    (starts, ascii)
}

/// The matches of [`PERIOD`] in `bytes` from the places one may start ([`hand_starts`]), read
/// as they are taken.
fn matches_from(bytes: &[u8], starts: Vec<usize>) -> impl Iterator<Item = (Span, Reading)> + '_ {
    let mut from = 0;
    starts.into_iter().filter_map(move |start| {
        if start < from {
            return None;
        }
        let (end, reading) = match_at(bytes, start)?;
        from = end;
        Some((Span::new(start, end), reading))
    })
}

/// A word every match of [`PERIOD`] holds one of.
enum Anchor {
    /// A year (`(?:19|20)[0-9][0-9]`) at this byte, words before or after it or not.
    Year(usize),
    /// "half", "quarter", "year" or "period" (in any case) at this byte.
    Word(AnchorWord, usize),
}

/// The words of [`Anchor::Word`].
#[derive(Clone, Copy, PartialEq)]
enum AnchorWord {
    /// "half" or "quarter": the part of a year, after an ordinal.
    Part,
    /// "year": after "last", "this", "the"...
    Year,
    /// "period": after "the" or "the same".
    Period,
}

/// Calls `found` on every [`Anchor`] of `bytes`, left to right. Each anchor holds a pair of
/// bytes that is rare in English ([`pair_hits`]): "19" or "20" of a year, "lf" of "half", "ar"
/// of "year" and "quarter", "od" of "period" (letters in any case). Text is read a chunk of
/// bytes at a time, each byte tested against the pairs at once; the few pairs found are then
/// read as words. Returns whether `bytes` are ASCII, which the same reading tells: the
/// extraction needs to know, and a pass of its own cost about a third of an instruction a byte.
fn anchors(bytes: &[u8], mut found: impl FnMut(Anchor)) -> bool {
    // called only for the chunks with hits: most have none
    let mut read = |at: usize, mut hits: u32| {
        while hits != 0 {
            let i = at + hits.trailing_zeros() as usize;
            hits &= hits - 1;
            if let Some(anchor) = anchor_at_pair(bytes, i) {
                found(anchor);
            }
        }
    };
    let mut at = 0;
    let mut outside = 0;
    // Until a byte outside ASCII is found, the chunks are tested for one; after it, not (most
    // texts outside ASCII have one early, and an ASCII test of their own stopped there).
    while outside == 0 {
        let Some(whole) = bytes.get(at..at + CHUNK + 1) else {
            break;
        };
        let (hits, outside_here) = pair_hits(whole.try_into().expect("a chunk and one byte"));
        outside = outside_here;
        if hits != 0 {
            read(at, hits);
        }
        at += CHUNK;
    }
    while let Some(whole) = bytes.get(at..at + CHUNK + 1) {
        let hits = pair_hits(whole.try_into().expect("a chunk and one byte")).0;
        if hits != 0 {
            read(at, hits);
        }
        at += CHUNK;
    }
    // The last chunk, padded with zeros, which no pair holds. (Read apart from the loop: when
    // both came to one place, the compiler took the hits apart into bits and put them together
    // again, about forty instructions a chunk.)
    if at < bytes.len() {
        let mut chunk = [0u8; CHUNK + 1];
        chunk[..bytes.len() - at].copy_from_slice(&bytes[at..]);
        let (hits, outside_here) = pair_hits(&chunk);
        outside |= outside_here;
        read(at, hits);
    }
    outside == 0
}

/// How many bytes [`anchors`] tests at once: a bit of a `u32` for each.
const CHUNK: usize = 32;

/// The pairs of [`anchors`] as [`pair_hash`] makes them.
const PAIRS: [u8; 5] = [
    pair_hash(b'1', b'9'),
    pair_hash(b'2', b'0'),
    pair_hash(b'l', b'f'),
    pair_hash(b'a', b'r'),
    pair_hash(b'o', b'd'),
];

/// Which bytes of `chunk` (but its last) may start one of the pairs of [`anchors`]: bit `i` of
/// the result is set where `chunk[i]` may start one. A pair is tested by one number made of its
/// two bytes ([`pair_hash`]), which other pairs may make too (a few in a thousand bytes of
/// English): every pair found is read again. With the hits, a number that is not zero where a
/// byte of the chunk (but its last) is outside ASCII.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn pair_hits(chunk: &[u8; CHUNK + 1]) -> (u32, u32) {
    // SAFETY: SSE2 is part of every x86-64 processor (a baseline feature of the target).
    unsafe { pair_hits_by_sse2(chunk) }
}

/// [`pair_hits`] by SSE2: sixteen pairs hashed and compared at once and the high bits of the
/// comparisons gathered, about 55 instructions for the chunk where the compiler's vectors of
/// the byte-by-byte reading took about 85 and a loop over four words after them.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn pair_hits_by_sse2(chunk: &[u8; CHUNK + 1]) -> (u32, u32) {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_slli_epi16,
    };
    let sixteen = |k: usize| -> __m128i {
        let bytes: &[u8; 16] = chunk[k..k + 16].try_into().expect("sixteen bytes");
        // SAFETY: an unaligned load of the sixteen bytes of `bytes`.
        unsafe { _mm_loadu_si128(bytes.as_ptr().cast()) }
    };
    let hits_of_16 = |k: usize| {
        let case = _mm_set1_epi8(0x20);
        let (a, b) = (_mm_or_si128(sixteen(k), case), _mm_or_si128(sixteen(k + 1), case));
        // a + 17 b: b shifted by four in 16-bit lanes, the bits shifted in from the byte below cleared
        let times_16 = _mm_and_si128(_mm_slli_epi16::<4>(b), _mm_set1_epi8(0xF0u8 as i8));
        let hash = _mm_add_epi8(_mm_add_epi8(a, b), times_16);
        let is = |pair: u8| _mm_cmpeq_epi8(hash, _mm_set1_epi8(pair as i8));
        let any = _mm_or_si128(
            _mm_or_si128(is(PAIRS[0]), is(PAIRS[1])),
            _mm_or_si128(_mm_or_si128(is(PAIRS[2]), is(PAIRS[3])), is(PAIRS[4])),
        );
        _mm_movemask_epi8(any) as u32
    };
    // the high bits of the chunk's 32 bytes, gathered by one movemask of the two halves
    let outside = _mm_movemask_epi8(_mm_or_si128(sixteen(0), sixteen(16))) as u32;
    (hits_of_16(0) | hits_of_16(16) << 16, outside)
}

/// [`pair_hits`] elsewhere.
#[cfg(not(target_arch = "x86_64"))]
fn pair_hits(chunk: &[u8; CHUNK + 1]) -> (u32, u32) {
    pair_hits_by_bytes(chunk)
}

/// [`pair_hits`] a byte at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn pair_hits_by_bytes(chunk: &[u8; CHUNK + 1]) -> (u32, u32) {
    (0..CHUNK).fold((0, 0), |(hits, outside), i| {
        (
            hits | u32::from(PAIRS.contains(&pair_hash(chunk[i], chunk[i + 1]))) << i,
            outside | u32::from(!chunk[i].is_ascii()) << i,
        )
    })
}

/// One number for the pair of bytes `a`, `b`, the same for letters in either case (`| 0x20`):
/// of the sums of multiples that vector instructions make cheaply, the one that made fewest
/// pairs of English text look like the pairs of [`anchors`].
const fn pair_hash(a: u8, b: u8) -> u8 {
    (a | 0x20).wrapping_add((b | 0x20).wrapping_mul(17))
}

/// The anchor that holds the pair of [`pair_hits`] at `at`, if one does.
fn anchor_at_pair(bytes: &[u8], at: usize) -> Option<Anchor> {
    let word = |start: usize, word: &[u8], anchor: AnchorWord| {
        let from = at.checked_sub(start)?;
        starts_with_word(bytes, from, word).then_some(Anchor::Word(anchor, from))
    };
    match bytes[at] | 0x20 {
        b'1' | b'2' => is_year_at(bytes, at).then_some(Anchor::Year(at)),
        b'l' => word(2, b"half", AnchorWord::Part),
        b'a' => word(2, b"year", AnchorWord::Year).or_else(|| word(2, b"quarter", AnchorWord::Part)),
        _ => word(4, b"period", AnchorWord::Period),
    }
}

/// Whether a year of [`PERIOD`] (`(?:19|20)[0-9][0-9]`) is at `at`.
fn is_year_at(bytes: &[u8], at: usize) -> bool {
    bytes
        .get(at..at + 4)
        .is_some_and(|y| matches!(&y[..2], b"19" | b"20") && y[2].is_ascii_digit() && y[3].is_ascii_digit())
}

/// Whether `bytes[at..]` starts with `word` (lower case ASCII) in any case. A word of at most
/// eight bytes is compared with eight bytes of text at once (a constant word's bits fold).
#[inline(always)]
fn starts_with_word(bytes: &[u8], at: usize, word: &[u8]) -> bool {
    starts_with_bits(bytes, at, word, word_bits(word))
}

/// Whether `bytes[..end]` ends with `word` (lower case ASCII) in any case, as
/// [`starts_with_word`] compares.
#[inline(always)]
fn ends_with_word(bytes: &[u8], end: usize, word: &[u8]) -> bool {
    ends_with_bits(bytes, end, word, word_bits(word))
}

/// [`starts_with_word`] with the word's [`word_bits`] given.
#[inline(always)]
fn starts_with_bits(bytes: &[u8], at: usize, word: &[u8], (lower, case, keep): (u64, u64, u64)) -> bool {
    match bytes.get(at..at + 8) {
        Some(eight) if word.len() <= 8 => {
            (u64::from_le_bytes(eight.try_into().expect("eight bytes")) | case) & keep == lower
        }
        _ => bytes
            .get(at..at + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word)),
    }
}

/// [`ends_with_word`] with the word's [`word_bits`] given.
#[inline(always)]
fn ends_with_bits(bytes: &[u8], end: usize, word: &[u8], (lower, case, keep): (u64, u64, u64)) -> bool {
    match end.checked_sub(8).and_then(|start| bytes.get(start..end)) {
        Some(eight) if word.len() <= 8 => {
            let text = u64::from_le_bytes(eight.try_into().expect("eight bytes")) >> (64 - 8 * word.len());
            (text | case) & keep == lower
        }
        _ => end >= word.len() && bytes[end - word.len()..end].eq_ignore_ascii_case(word),
    }
}

/// A word of at most eight bytes as a little-endian number, the bits that make its letters
/// lower case (`0x20` on each), and the bytes it covers.
#[inline(always)]
const fn word_bits(word: &[u8]) -> (u64, u64, u64) {
    let (mut lower, mut case) = (0, 0);
    let mut i = 0;
    while i < word.len() && i < 8 {
        lower |= (word[i] as u64) << (8 * i);
        if word[i].is_ascii_lowercase() {
            case |= 0x20 << (8 * i);
        }
        i += 1;
    }
    let keep = if word.len() >= 8 {
        u64::MAX
    } else {
        u64::MAX >> (64 - 8 * word.len())
    };
    (lower, case, keep)
}

/// A word of a table of words to try ([`w`]), with its [`word_bits`] worked out beforehand.
struct Word {
    text: &'static str,
    bits: (u64, u64, u64),
}

/// The [`Word`] of `text` (lower case ASCII, or a dash).
const fn w(text: &'static str) -> Word {
    Word {
        text,
        bits: word_bits(text.as_bytes()),
    }
}

impl Word {
    fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether `bytes[at..]` starts with the word in any case.
    fn starts(&self, bytes: &[u8], at: usize) -> bool {
        starts_with_bits(bytes, at, self.text.as_bytes(), self.bits)
    }

    /// Whether `bytes[..end]` ends with the word in any case.
    fn ends(&self, bytes: &[u8], end: usize) -> bool {
        ends_with_bits(bytes, end, self.text.as_bytes(), self.bits)
    }
}

/// The abbreviations among [`MONTH_NAMES`] ("jan" ... "dec", "sept" and "sep").
pub(crate) const MONTH_ABBREVIATIONS: &[&str] = MONTH_NAMES.split_at(12).1;

/// The month names of [`MONTHS`], in its order.
pub(crate) const MONTH_NAMES: [&str; 24] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
];

/// The words between two months of the first branch of [`PERIOD`], in its order (the dashes
/// are the UTF-8 bytes of "–" and "—"); between two years the words must be whole words.
const SEPARATORS: [Word; 7] = [w("-"), w("–"), w("—"), w("to"), w("through"), w("until"), w("and")];

/// Where a match may start that holds the year at `at` in one of the places the start cannot
/// be read back from another word: the year itself (a bare year, "2013-2015", "2014 H2"),
/// "H2 2014", "March 2014", "between 2013 and 2015" and "January to June 2014" (from its
/// second year, which every such match has).
fn starts_before_year(bytes: &[u8], at: usize, starts: &mut Vec<usize>) {
    if !word_character_before(bytes, at) {
        starts.push(at);
    }
    // `[HQ][1-4]\s*` before the year
    let before = spaces_start(bytes, at);
    if before >= 2 && matches!(bytes[before - 1], b'1'..=b'4') && matches!(bytes[before - 2] | 0x20, b'h' | b'q') {
        starts.push(before - 2);
    }
    if before == at {
        return;
    }
    if ends_with_word(bytes, before, b"between") {
        starts.push(before - 7);
    }
    // `month\.?\s+` before the year: "March 2014", and the second month of "January to June 2014"
    let month_end = before - usize::from(before > 0 && bytes[before - 1] == b'.');
    for month in months_ending_at(bytes, month_end) {
        starts.push(month);
        starts_before_second_month(bytes, month, starts);
    }
}

/// The starts of the month names that end at `end` (a month of the first branch of [`PERIOD`]
/// needs no word boundary before it).
fn months_ending_at(bytes: &[u8], end: usize) -> impl Iterator<Item = usize> + '_ {
    let names: &[Word] = match end.checked_sub(1).map_or(0, |i| bytes[i] | 0x20) {
        b'y' => const { &[w("january"), w("february"), w("may"), w("july")] },
        b'h' => const { &[w("march")] },
        b'l' => const { &[w("april"), w("jul")] },
        b'e' => const { &[w("june")] },
        b't' => const { &[w("august"), w("sept"), w("oct")] },
        b'r' => {
            const {
                &[
                    w("september"),
                    w("october"),
                    w("november"),
                    w("december"),
                    w("mar"),
                    w("apr"),
                ]
            }
        }
        b'n' => const { &[w("jan"), w("jun")] },
        b'b' => const { &[w("feb")] },
        b'g' => const { &[w("aug")] },
        b'p' => const { &[w("sep")] },
        b'v' => const { &[w("nov")] },
        b'c' => const { &[w("dec")] },
        _ => &[],
    };
    names
        .iter()
        .filter(move |m| m.ends(bytes, end))
        .map(move |m| end - m.len())
}

/// Where "January to June 2014" (the first branch of [`PERIOD`]) may start, given that its
/// second month starts at `month`: read back over `\s*`, a separator, `\s*`, a year perhaps and
/// `\s*`, a dot perhaps, to the first month, and "between" and spaces before it perhaps.
fn starts_before_second_month(bytes: &[u8], month: usize, starts: &mut Vec<usize>) {
    let separator_end = spaces_start(bytes, month);
    for separator in SEPARATORS {
        if !separator.ends(bytes, separator_end) {
            continue;
        }
        let mut end = spaces_start(bytes, separator_end - separator.len());
        if end >= 4 && is_year_at(bytes, end - 4) {
            end = spaces_start(bytes, end - 4);
        }
        let month_end = end - usize::from(end > 0 && bytes[end - 1] == b'.');
        for first in months_ending_at(bytes, month_end) {
            starts.push(first);
            let between_end = spaces_start(bytes, first);
            if between_end < first && ends_with_word(bytes, between_end, b"between") {
                starts.push(between_end - 7);
            }
        }
    }
}

/// Where a match may start that holds `word` at `at`: the ordinal before "half" or "quarter"
/// ("second half"), "last", "this", "previous" or "prior" before "year", and "the" or "the
/// same" before "year" or "period".
fn starts_before_word(bytes: &[u8], word: AnchorWord, at: usize, starts: &mut Vec<usize>) {
    let before = spaces_start(bytes, at);
    if before == at {
        return;
    }
    // the words that may end there, by their last letter
    let last = bytes[before - 1] | 0x20;
    if word == AnchorWord::Part {
        let ordinals: &[Word] = match last {
            b't' => const { &[w("first"), w("last"), w("1st")] },
            b'd' => const { &[w("second"), w("third"), w("2nd"), w("3rd")] },
            b'h' => const { &[w("fourth"), w("4th")] },
            b'l' => const { &[w("final")] },
            _ => &[],
        };
        if let Some(o) = ordinals.iter().find(|o| o.ends(bytes, before)) {
            starts.push(before - o.len());
        }
        return;
    }
    if word == AnchorWord::Year {
        let relative: &[Word] = match last {
            b't' => const { &[w("last")] },
            b's' => const { &[w("this"), w("previous")] },
            b'r' => const { &[w("prior")] },
            _ => &[],
        };
        if let Some(w) = relative.iter().find(|w| w.ends(bytes, before)) {
            starts.push(before - w.len());
        }
    }
    if ends_with_word(bytes, before, b"the") {
        starts.push(before - 3);
    } else if ends_with_word(bytes, before, b"same") {
        let the_end = spaces_start(bytes, before - 4);
        if the_end < before - 4 && ends_with_word(bytes, the_end, b"the") {
            starts.push(the_end - 3);
        }
    }
}

/// Where the match of [`PERIOD`] that starts at `start` ends, if the pattern matches there, and
/// what it names: its branches tried in order, each read as the pattern reads it (every choice
/// a branch could take back is one that could not have led to a match, said at each).
///
/// The third branch is tried first: where it matches, an ordinal ("first", "2nd") and a space
/// start the text, where the first two cannot match (they start with "between", a month name or
/// a year, none of which starts so). Most matches of news text are of the third branch ("the
/// first half of 2014"), which so skips the reading of the first two and of the boundary.
fn match_at(bytes: &[u8], start: usize) -> Option<(usize, Reading)> {
    if let Some(found) = part_of_year_at(bytes, start) {
        #[cfg(test)]
        tests::ORDINALS_FIRST.with(|n| n.set(n.get() + 1));
        return Some(found);
    }
    let boundary = !word_character_before(bytes, start);
    months_span_at(bytes, start)
        .or_else(|| boundary.then(|| years_span_at(bytes, start)).flatten())
        .or_else(|| boundary.then(|| rest_at(bytes, start)).flatten())
}

/// The ends of the month names that start at `at`, in the pattern's order, with their months
/// (counted from 1).
fn months_starting_at(bytes: &[u8], at: usize) -> impl Iterator<Item = (usize, u32)> + '_ {
    // every name starts with its three-letter abbreviation: the three letters there say which
    // names to try (most words start with no abbreviation: "second", "first")
    let key = bytes
        .get(at..at + 3)
        .map_or([0; 3], |k| [k[0] | 0x20, k[1] | 0x20, k[2] | 0x20]);
    let names: &[(Word, u32)] = match &key {
        b"jan" => const { &[(w("january"), 1), (w("jan"), 1)] },
        b"jun" => const { &[(w("june"), 6), (w("jun"), 6)] },
        b"jul" => const { &[(w("july"), 7), (w("jul"), 7)] },
        b"feb" => const { &[(w("february"), 2), (w("feb"), 2)] },
        b"mar" => const { &[(w("march"), 3), (w("mar"), 3)] },
        b"may" => const { &[(w("may"), 5)] },
        b"apr" => const { &[(w("april"), 4), (w("apr"), 4)] },
        b"aug" => const { &[(w("august"), 8), (w("aug"), 8)] },
        b"sep" => const { &[(w("september"), 9), (w("sept"), 9), (w("sep"), 9)] },
        b"oct" => const { &[(w("october"), 10), (w("oct"), 10)] },
        b"nov" => const { &[(w("november"), 11), (w("nov"), 11)] },
        b"dec" => const { &[(w("december"), 12), (w("dec"), 12)] },
        _ => &[],
    };
    names
        .iter()
        .filter(move |(m, _)| m.starts(bytes, at))
        .map(move |(m, month)| (at + m.len(), *month))
}

/// The end of `\s+` at `at`, if there is at least one space.
fn spaces_after(bytes: &[u8], at: usize) -> Option<usize> {
    let end = spaces_end(bytes, at);
    (end > at).then_some(end)
}

/// The end of a year with a word boundary after it at `at`.
fn year_word_at(bytes: &[u8], at: usize) -> Option<usize> {
    (is_year_at(bytes, at) && !word_character_at(bytes, at + 4)).then_some(at + 4)
}

/// The number of the four ASCII digits at `at` (a year: [`is_year_at`]).
fn year_value(bytes: &[u8], at: usize) -> i32 {
    bytes[at..at + 4].iter().fold(0, |n, &d| n * 10 + i32::from(d - b'0'))
}

/// The end of a year with a word boundary after it at `at` ([`year_word_at`]), and the year.
fn year_and_end_at(bytes: &[u8], at: usize) -> Option<(usize, i32)> {
    year_word_at(bytes, at).map(|end| (end, year_value(bytes, at)))
}

/// The end of `month\.?` after a month name that ends at `end`: a name never ends in a dot, and
/// what follows in the pattern never starts with one, so a dot there is always taken.
fn after_dot(bytes: &[u8], end: usize) -> usize {
    end + usize::from(bytes.get(end) == Some(&b'.'))
}

/// The first branch: `(?:between\s+)?M\.?\s*Y?\s*SEP\s*M\.?\s+Y\b` ("January to June 2014").
/// "between" and its spaces are taken when written, as without them no month starts there.
fn months_span_at(bytes: &[u8], start: usize) -> Option<(usize, Reading)> {
    let first = if starts_with_word(bytes, start, b"between") {
        spaces_after(bytes, start + 7).unwrap_or(start)
    } else {
        start
    };
    months_starting_at(bytes, first).find_map(|(month, m1)| {
        // `\s*` `Y?` `\s*`: a year is taken when written, as no separator starts with a digit
        let mut at = spaces_end(bytes, after_dot(bytes, month));
        let mut y1 = None;
        if is_year_at(bytes, at) {
            y1 = Some(year_value(bytes, at));
            at = spaces_end(bytes, at + 4);
        }
        // the separators start with different bytes: at most one matches
        let separator = SEPARATORS.iter().find(|s| s.starts(bytes, at))?;
        let second = spaces_end(bytes, at + separator.len());
        months_starting_at(bytes, second).find_map(|(month, m2)| {
            let (end, y2) = year_and_end_at(bytes, spaces_after(bytes, after_dot(bytes, month))?)?;
            Some((end, Reading::Months((y1.unwrap_or(y2), m1, y2, m2))))
        })
    })
}

/// The second branch, after a word boundary: `between\s+Y\s+and\s+Y\b` or
/// `Y\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b)\s*Y\b` ("between 2014 and 2016", "2013-2015").
fn years_span_at(bytes: &[u8], start: usize) -> Option<(usize, Reading)> {
    if starts_with_word(bytes, start, b"between") {
        let first = spaces_after(bytes, start + 7)?;
        let and = is_year_at(bytes, first)
            .then(|| spaces_after(bytes, first + 4))
            .flatten()?;
        let second = starts_with_word(bytes, and, b"and")
            .then(|| spaces_after(bytes, and + 3))
            .flatten()?;
        let (end, y2) = year_and_end_at(bytes, second)?;
        return Some((end, years_reading(year_value(bytes, first), y2)));
    }
    if !is_year_at(bytes, start) {
        return None;
    }
    let at = spaces_end(bytes, start + 4);
    let separator = SEPARATORS[..6].iter().find(|s| s.starts(bytes, at))?;
    let end = at + separator.len();
    let is_word = separator.text.as_bytes()[0].is_ascii_alphabetic();
    if is_word && (word_character_before(bytes, at) || word_character_at(bytes, end)) {
        return None;
    }
    let (end, y2) = year_and_end_at(bytes, spaces_end(bytes, end))?;
    Some((end, years_reading(year_value(bytes, start), y2)))
}

/// The third branch: `ORD\s+(?:half|quarter)\b(?:\s+of\s+(?:Y\b|(?:the|this|that)\s+year\b))?`
/// ("second half of 2014"); the tail is taken when it matches whole.
fn part_of_year_at(bytes: &[u8], start: usize) -> Option<(usize, Reading)> {
    // with the number of each ordinal when a half, else a quarter
    let ordinals: &[(Word, u32, u32)] = match bytes[start] | 0x20 {
        b'f' => const { &[(w("first"), 1, 1), (w("fourth"), 4, 4), (w("final"), 2, 4)] },
        b's' => const { &[(w("second"), 2, 2)] },
        b't' => const { &[(w("third"), 3, 3)] },
        b'l' => const { &[(w("last"), 2, 4)] },
        b'1' => const { &[(w("1st"), 1, 1)] },
        b'2' => const { &[(w("2nd"), 2, 2)] },
        b'3' => const { &[(w("3rd"), 3, 3)] },
        b'4' => const { &[(w("4th"), 4, 4)] },
        _ => &[],
    };
    let (ordinal, of_half, of_quarter) = ordinals.iter().find(|o| o.0.starts(bytes, start))?;
    let part = spaces_after(bytes, start + ordinal.len())?;
    let half = starts_with_word(bytes, part, b"half");
    if !half && !starts_with_word(bytes, part, b"quarter") {
        return None;
    }
    let end = part + if half { 4 } else { 7 };
    if word_character_at(bytes, end) {
        return None;
    }
    let n = if half { *of_half } else { *of_quarter };
    // the tail is taken when it matches whole
    let (end, year) = of_year_after(bytes, end).unwrap_or((end, None));
    let reading = match year {
        Some(year) => Reading::part(half, n, year),
        None => Reading::Anaphor(Anaphor::Part { half, n }),
    };
    Some((end, reading))
}

/// The end of `\s+of\s+(?:Y\b|(?:the|this|that)\s+year\b)` at `at`, with the year when written.
fn of_year_after(bytes: &[u8], at: usize) -> Option<(usize, Option<i32>)> {
    let of = spaces_after(bytes, at)?;
    let at = starts_with_word(bytes, of, b"of")
        .then(|| spaces_after(bytes, of + 2))
        .flatten()?;
    if let Some((end, year)) = year_and_end_at(bytes, at) {
        return Some((end, Some(year)));
    }
    let the = ["the", "this", "that"]
        .iter()
        .find(|w| starts_with_word(bytes, at, w.as_bytes()))?;
    let year = spaces_after(bytes, at + the.len())?;
    word_at(bytes, year, b"year").map(|end| (end, None))
}

/// The end of `word\b` at `at`.
fn word_at(bytes: &[u8], at: usize, word: &[u8]) -> Option<usize> {
    (starts_with_word(bytes, at, word) && !word_character_at(bytes, at + word.len())).then_some(at + word.len())
}

/// The branches after the third, each after a word boundary: `[HQ][1-4]\s*Y\b`,
/// `Y\s*[HQ][1-4]\b`, `M\.?\s+Y\b`, `(?:last|this|previous|prior)\s+year\b`,
/// `the\s+(?:same\s+)?(?:period|year)\b` and `Y\b`.
fn rest_at(bytes: &[u8], start: usize) -> Option<(usize, Reading)> {
    let half_or_quarter = |at: usize| match (bytes.get(at).map(|b| b | 0x20), bytes.get(at + 1)) {
        (Some(h @ (b'h' | b'q')), Some(n @ b'1'..=b'4')) => Some((h == b'h', u32::from(n - b'0'))),
        _ => None,
    };
    if let Some((half, n)) = half_or_quarter(start) {
        let (end, year) = year_and_end_at(bytes, spaces_end(bytes, start + 2))?;
        return Some((end, half_or_quarter_reading(half, n, year)));
    }
    if is_year_at(bytes, start) {
        let year = year_value(bytes, start);
        let at = spaces_end(bytes, start + 4);
        if let Some((half, n)) = half_or_quarter(at).filter(|_| !word_character_at(bytes, at + 2)) {
            return Some((at + 2, half_or_quarter_reading(half, n, year)));
        }
        return year_word_at(bytes, start).map(|end| (end, Reading::of_year(year, 1, 12)));
    }
    if let Some(found) = months_starting_at(bytes, start).find_map(|(month, n)| {
        let (end, year) = year_and_end_at(bytes, spaces_after(bytes, after_dot(bytes, month))?)?;
        Some((end, Reading::of_year(year, n, n)))
    }) {
        return Some(found);
    }
    if let Some(word) = ["last", "this", "previous", "prior"]
        .iter()
        .find(|w| starts_with_word(bytes, start, w.as_bytes()))
    {
        let end = word_at(bytes, spaces_after(bytes, start + word.len())?, b"year")?;
        let years_back = i32::from(*word != "this");
        return Some((end, Reading::Anaphor(Anaphor::Relative { years_back })));
    }
    let mut at = starts_with_word(bytes, start, b"the")
        .then(|| spaces_after(bytes, start + 3))
        .flatten()?;
    // `(?:same\s+)?` is taken when written: neither "period" nor "year" starts with "same"
    if starts_with_word(bytes, at, b"same") {
        at = spaces_after(bytes, at + 4)?;
    }
    word_at(bytes, at, b"period")
        .map(|end| (end, Reading::Anaphor(Anaphor::Period)))
        .or_else(|| word_at(bytes, at, b"year").map(|end| (end, Reading::Anaphor(Anaphor::Year))))
}

/// What a [`PERIOD`] match names, from its groups.
fn reading_of(c: &regex::Captures, g: &Groups) -> Reading {
    let year_of = |group: usize| c.get(group).and_then(|y| y.as_str().parse::<i32>().ok());
    if let (Some(m1), Some(m2)) = (c.get(g.m1), c.get(g.m2)) {
        let y2 = year_of(g.y2).expect("y2 is required");
        let y1 = year_of(g.y1).unwrap_or(y2);
        Reading::Months((y1, month_number(m1.as_str()), y2, month_number(m2.as_str())))
    } else if let Some(y1) = year_of(g.ya1).or(year_of(g.ys1)) {
        let y2 = year_of(g.ya2).or(year_of(g.ys2)).expect("the second year is required");
        years_reading(y1, y2)
    } else if let Some(part) = c.get(g.part) {
        let half = part.as_str().eq_ignore_ascii_case("half");
        let n = ordinal_number(&c[g.ord], half);
        match year_of(g.py) {
            Some(year) => Reading::part(half, n, year),
            None => Reading::Anaphor(Anaphor::Part { half, n }),
        }
    } else if let Some(hq) = c.get(g.hq).or(c.get(g.hq2)) {
        let y = year_of(g.hqy).or(year_of(g.hqy2)).expect("year is required");
        let n: u32 = hq.as_str()[1..].parse().unwrap_or(1);
        half_or_quarter_reading(hq.as_str().starts_with(['H', 'h']), n, y)
    } else if let Some(mon) = c.get(g.mon) {
        let y = year_of(g.my).expect("year is required");
        let n = month_number(mon.as_str());
        Reading::of_year(y, n, n)
    } else if let Some(rel) = c.get(g.rel) {
        let years_back = if rel.as_str().eq_ignore_ascii_case("this") {
            0
        } else {
            1
        };
        Reading::Anaphor(Anaphor::Relative { years_back })
    } else if let Some(a) = c.get(g.anaphor) {
        Reading::Anaphor(if a.as_str().eq_ignore_ascii_case("year") {
            Anaphor::Year
        } else {
            Anaphor::Period
        })
    } else {
        Reading::of_year(year_of(g.year).expect("a year"), 1, 12)
    }
}

/// "between 2013 and 2015", "2013-2015": the years from `y1` to `y2`, if they go forward.
fn years_reading(y1: i32, y2: i32) -> Reading {
    if y1 < y2 {
        Reading::Months((y1, 1, y2, 12))
    } else {
        Reading::NoPeriod
    }
}

/// "H2 2014", "Q3 2014": half (else quarter) `n` of `year`; a half past the second is the second.
fn half_or_quarter_reading(half: bool, n: u32, year: i32) -> Reading {
    Reading::part(half, if half { n.min(2) } else { n }, year)
}

/// An anaphor with the period it resolves to.
fn resolved(
    anaphor: Anaphor,
    last: Option<&Period>,
    published: Option<NaiveDate>,
) -> (Option<Period>, Option<Anaphor>) {
    (anaphor.resolve(last, published), Some(anaphor))
}

/// The periods of the `mentions` of `text` (as [`find_periods`] found them) that lie within
/// `within`, resolved as [`find_periods`] would resolve them on that part of the text alone
/// with `published`: anaphora refer back only as far as the start of `within`.
///
/// This spares running the period pattern again on a sentence already searched as part of its
/// article. A match that crosses the start or end of `within` is left out, where a search of
/// the part alone could find a shorter one; sentences rarely cut through a period expression.
pub fn periods_within(
    text: &str,
    mentions: &[PeriodMention],
    within: Span,
    published: Option<NaiveDate>,
) -> Vec<Option<Period>> {
    let first = mentions.partition_point(|m| m.span.start < within.start);
    let count = mentions[first..]
        .iter()
        .take_while(|m| m.span.end <= within.end)
        .count();
    let inside = &mentions[first..first + count];
    if !inside.iter().any(PeriodMention::is_anaphoric) {
        return inside.iter().map(|m| m.period.clone()).collect();
    }
    let (mut last, mut last_not_a_month): (Option<Period>, Option<Period>) = (None, None);
    let mut out = Vec::new();
    // the periods that set `last`, kept only when "the same six months" is to be read (rarely:
    // the list is made for none of the other parts)
    let keep_named = inside
        .iter()
        .any(|m| matches!(m.anaphor, Some(Anaphor::SameMonths { .. })));
    let mut named_before: Vec<Period> = Vec::new();
    for m in inside {
        let period = match m.anaphor {
            Some(Anaphor::Period) => Anaphor::Period.resolve(last_not_a_month.as_ref(), published),
            Some(same @ Anaphor::SameMonths { months, .. }) => {
                let named = named_before.iter().rev();
                same.resolve(last_of_months(named, months).or(last_not_a_month.as_ref()), published)
            }
            Some(a) => a.resolve(last.as_ref(), published),
            None => m.period.clone(),
        };
        let part = &text[within.start..];
        if period.is_some() && !is_reference_within(text, m, within) && !opens_since(part, m.span.start - within.start)
        {
            if !matches!(m.anaphor, Some(Anaphor::Month { .. })) {
                last_not_a_month = period.clone();
            }
            if keep_named {
                named_before.extend(period.clone());
            }
            last = period.clone();
        }
        out.push(period);
    }
    out
}

/// Whether the mention `m` of `text` (as [`find_periods`] found it) is a point of comparison
/// when the text is read from the start of `within` on: judged, as on the part alone, on the
/// words before it within the part. Where the part holds all the 60 bytes before the mention
/// that the judgement reads ([`comparison_window`]), that is the judgement of the whole text.
fn is_reference_within(text: &str, m: &PeriodMention, within: Span) -> bool {
    if m.span.start - within.start >= COMPARISON_WINDOW {
        debug_assert_eq!(m.reference, is_reference(&text[within.start..m.span.start], m.anaphor));
        return m.reference;
    }
    is_reference(&text[within.start..m.span.start], m.anaphor)
}

/// Whether a mention of `anaphor` (if it refers back) after `before` is a point of comparison:
/// [`is_comparison_reference`], a period named for what "below", "above" or a multiple compares
/// with ([`BELOW_OR_ABOVE`]), a period right after a change and "on" ("a modest increase on
/// the first six months of the year": [`phrases::follows_change_on`]), a period counted back
/// from the one before in a clause that compares ([`phrases::clause_compares`]), a period
/// in a clause "since" opens ([`is_since_clause`]), or an event's date ("developed in 2009":
/// [`phrases::is_event_date`]). Reads the last [`COMPARISON_WINDOW`] bytes.
pub fn is_reference(before: &str, anaphor: Option<Anaphor>) -> bool {
    let window = comparison_window(before).as_bytes();
    // "since" or "Since" ([`CUE_WORDS`] after the multiples), by one vector search
    let since = memchr::memmem::find_iter(window, b"ince").any(|i| i > 0 && matches!(window[i - 1], b's' | b'S'));
    is_reference_given(
        before,
        comparison_window(before),
        anaphor,
        holds_multiple(window),
        since,
    )
}

/// Whether `window` holds one of the multiples of [`CUE_WORDS`] ("below", "Twice", ...), read
/// in one pass by the first letter in either case: a search of each of the ten words cost
/// about 5,000 instructions a window.
fn holds_multiple(window: &[u8]) -> bool {
    // the lower-case multiples; the capitalised ones after them differ in the first letter only
    let lower = &CUE_WORDS[..MULTIPLES / 2];
    (0..window.len()).any(|i| {
        let first = window[i] | 0x20;
        lower
            .iter()
            .any(|w| w.as_bytes()[0] == first && window[i + 1..].starts_with(&w.as_bytes()[1..]))
    })
}

/// [`is_reference`], told its [`comparison_window`] of `before` (`window`, found once for all
/// the tests that read it), and whether the window holds one of the multiples of
/// [`CUE_WORDS`] (`multiple`) and "since" (`since`): the searches after them are made only then.
fn is_reference_given(before: &str, window: &str, anaphor: Option<Anaphor>, multiple: bool, since: bool) -> bool {
    debug_assert_eq!(window, comparison_window(before));
    is_comparison_reference_in(before, window)
        || multiple && BELOW_OR_ABOVE.is_match(window)
        || phrases::follows_change_on(before.as_bytes())
        || anaphor.is_some_and(Anaphor::counts_back) && phrases::clause_compares(window)
        || since && is_since_clause(before)
        || phrases::is_event_date(window)
}

/// Whether `before` (the text before a period) ends in a clause "since" opens with words
/// between them ("the most since its CyberTipline opened in"): the period is the point the
/// comparison counts from, not one of the figures'. Right after "since" ("since 2013") it
/// starts the span of the figures ([`periods_since`]).
fn is_since_clause(before: &str) -> bool {
    opens_since(before, before.len()) && !ends_with_since(before.as_bytes(), before.len())
}

/// "down from 72,279 in 2013", "than in 2013": a period named only as the point of comparison is
/// not the period later anaphora ("the year") refer to.
static COMPARISON_REFERENCE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)(?:\b(?:from|than|compare[ds]\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+)?(?:about\s+|roughly\s+|nearly\s+)?[$€£]?\d[\d,.]*(?:\s+[\w-]+){0,4}\s+(?:in|during|for)\s+(?:the\s+)?|\b(?:than|from)\s+(?:in\s+)?(?:the\s+)?)$").unwrap()
});

/// "slightly below the 66 percent it reported for the", "above the 1,200 of the", "more than
/// double the 1,403 it received in the": the words before a period named for the figure that
/// "below", "above", "double", "triple" or "twice" compares with.
static BELOW_OR_ABOVE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)\b(?:below|above|double|triple|twice)\s+(?:the\s+)?(?:about\s+|roughly\s+|nearly\s+)?[$€£]?\d[\d,.]*(?:\s+[\w-]+){0,5}\s+(?:in|during|for|of)\s+(?:the\s+)?$").unwrap()
});

/// The words [`Cues`] keeps, in lower case or capitalised: first the [`MULTIPLES`], one of which
/// a match of [`BELOW_OR_ABOVE`] must hold to be searched for (the pattern's own
/// case-insensitive match of "BELOW" is not), then "since" and "Since".
const CUE_WORDS: [&str; MULTIPLES + 2] = [
    "below", "above", "double", "triple", "twice", "Below", "Above", "Double", "Triple", "Twice", "since", "Since",
];

/// How many of [`CUE_WORDS`] are multiples ("below", "double", ...).
const MULTIPLES: usize = 10;

/// Where [`CUE_WORDS`] are in a text, found by the phrase reader's
/// search (case sensitive, so that it skips ahead by vector instructions; a case-insensitive
/// search of its own read every byte, 18 instructions a byte): each period mention then asks
/// whether one is in the bytes before it, instead of reading them again.
#[derive(Default)]
pub(super) struct Cues {
    /// Where each multiple found starts and ends, in order.
    multiples: Vec<(usize, usize)>,
    /// Where "since" starts, in order.
    since: Vec<usize>,
    /// The month the text says its years end with, if it says ("the year to 30 June 2016").
    fiscal_end: Option<u32>,
}

impl Cues {
    /// Keeps cue `word` (its index in [`CUE_WORDS`]) found at `start..end`.
    pub(super) fn push(&mut self, word: usize, start: usize, end: usize) {
        if word < MULTIPLES {
            self.multiples.push((start, end));
        } else {
            self.since.push(start);
        }
    }

    /// Whether a multiple lies wholly in `from..to`.
    fn multiple_within(&self, from: usize, to: usize) -> bool {
        let at = self.multiples.partition_point(|&(start, _)| start < from);
        self.multiples[at..]
            .iter()
            .take_while(|&&(start, _)| start < to)
            .any(|&(_, end)| end <= to)
    }

    /// Whether "since" starts in `from..to`.
    fn since_within(&self, from: usize, to: usize) -> bool {
        let at = self.since.partition_point(|&start| start < from);
        self.since.get(at).is_some_and(|&start| start < to)
    }
}

/// Whether the text `before` a period mention names it only as the point of comparison ("down
/// from 72,279 in"), as [`find_periods`] judges it.
pub fn is_comparison_reference(before: &str) -> bool {
    is_comparison_reference_in(before, comparison_window(before))
}

/// [`is_comparison_reference`], told the [`comparison_window`] of `before`.
fn is_comparison_reference_in(before: &str, window: &str) -> bool {
    may_be_comparison_reference(before.as_bytes(), window) && {
        let plain = ends_as_plain_comparison(window.as_bytes());
        #[cfg(test)]
        tests::PLAIN_COMPARISONS.with(|n| n.set(n.get() + usize::from(plain)));
        plain || COMPARISON_REFERENCE.is_match(window)
    }
}

/// Whether `window` ends as news text most often writes a point of comparison, "from 22,191 in
/// the " or "than 645 during ": "from" or "than" at the window's start or after an ASCII byte
/// that is no word character, ASCII spaces, a number of ASCII digits, commas and dots that
/// starts with a digit, ASCII spaces, "in", "during" or "for" (in any ASCII case), ASCII spaces,
/// and perhaps "the" and ASCII spaces. Such a window is a match of the first branch of
/// [`COMPARISON_REFERENCE`] (no "about", no words after the number), told without its search
/// (about 480 instructions); `false` says nothing, and the pattern is asked.
fn ends_as_plain_comparison(bytes: &[u8]) -> bool {
    let Some(mut end) = spaces_before(bytes, bytes.len()) else {
        return false;
    };
    let [inside, during, for_, the, than, from] = &CLOSING_WORDS;
    if the.ends(bytes, end) {
        let Some(at) = spaces_before(bytes, end - 3) else {
            return false;
        };
        end = at;
    }
    let closing = [inside, during, for_].into_iter().find(|w| w.ends(bytes, end));
    let Some(number_end) = closing.and_then(|w| spaces_before(bytes, end - w.len())) else {
        return false;
    };
    let number = number_end
        - bytes[..number_end]
            .iter()
            .rev()
            .take_while(|&&b| b.is_ascii_digit() || b == b',' || b == b'.')
            .count();
    if number == number_end || !bytes[number].is_ascii_digit() {
        return false;
    }
    let Some(word_end) = spaces_before(bytes, number) else {
        return false;
    };
    let word = word_end.wrapping_sub(4);
    (from.ends(bytes, word_end) || than.ends(bytes, word_end))
        && (word == 0 || bytes[word - 1].is_ascii() && !is_word_byte(bytes[word - 1]))
}

/// Whether [`COMPARISON_REFERENCE`] may match `window`, told by two things every match has:
/// it ends with spaces after one of [`CLOSING_WORDS`], and holds one of [`COMPARISON_WORDS`]
/// with a space after it ([`has_comparison_word`]). Nine windows in ten fail it ("rose 5% in"),
/// for some dozens of instructions where the pattern's search costs about five hundred. The
/// words are compared in ASCII's cases: none of their letters has a case form outside ASCII
/// but "s" ("ſ"; see the test against the pattern's classes), and the spaces are `\s`'s
/// (Unicode's White_Space, as `str::trim_end` takes them).
///
/// `window` ends `before` (the text it was cut from), whose bytes before it are read in place
/// of padding where there are enough of them.
fn may_be_comparison_reference(before: &[u8], window: &str) -> bool {
    let word_end = trimmed_end(window);
    let bytes = window.as_bytes();
    word_end < window.len() && closing_word_ends(bytes, word_end) && has_comparison_word(before, bytes)
}

/// `window.trim_end().len()`: ASCII spaces are taken off by their bytes, and only a byte outside
/// ASCII before them sends the rest to `str::trim_end` (Unicode's White_Space).
fn trimmed_end(window: &str) -> usize {
    let bytes = window.as_bytes();
    let end = bytes.len()
        - bytes
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace() || **b == 0x0B)
            .count();
    match end.checked_sub(1).map(|i| bytes[i]) {
        Some(last) if !last.is_ascii() => window[..end].trim_end().len(),
        _ => end,
    }
}

/// Whether one of [`CLOSING_WORDS`] ends `bytes[..end]`, in any ASCII case.
fn closing_word_ends(bytes: &[u8], end: usize) -> bool {
    let [inside, during, for_, the, than, from] = &CLOSING_WORDS;
    match end.checked_sub(1).map_or(0, |i| bytes[i] | 0x20) {
        b'n' => inside.ends(bytes, end) || than.ends(bytes, end),
        b'g' => during.ends(bytes, end),
        b'r' => for_.ends(bytes, end),
        b'e' => the.ends(bytes, end),
        b'm' => from.ends(bytes, end),
        _ => false,
    }
}

/// The words one of which every match of [`COMPARISON_REFERENCE`] ends with, before its spaces.
const CLOSING_WORDS: [Word; 6] = [w("in"), w("during"), w("for"), w("the"), w("than"), w("from")];

/// The words one of which every match of [`COMPARISON_REFERENCE`] holds, a space after it
/// ("vs." with its dot).
const COMPARISON_WORDS: [Word; 7] = [
    w("from"),
    w("than"),
    w("compared"),
    w("versus"),
    w("vs"),
    w("vs."),
    w("compares"),
];

/// Whether one of [`COMPARISON_WORDS`] (in any ASCII case) ends in `bytes` (not empty, and at
/// most [`COMPARISON_WINDOW`] long) before a byte that may start a space of `\s` (one below 0x21 or
/// outside ASCII), or `bytes` hold the first byte of "ſ" (0xC5), a case form of the "s" of
/// "versus" and "vs". The places to read are found for all the bytes at once
/// ([`comparison_word_ends_may_be`]).
///
/// `bytes` end `before`: where `before` has the 66 bytes the test reads, they are read in
/// place, and the places before `bytes` are dropped; a word that ends there is outside `bytes`,
/// and where bits 0 and 1 are set by the bytes before `bytes`, the word test there fails as with
/// padding.
fn has_comparison_word(before: &[u8], bytes: &[u8]) -> bool {
    debug_assert!(!bytes.is_empty() && bytes.len() <= 64 && before.ends_with(bytes));
    let mut ends = match before.last_chunk::<COMPARISON_BYTES>() {
        // bit `i` for byte `len - 64 + i` of `before`, byte `i - (64 - bytes.len())` of `bytes`
        Some(last) => {
            #[cfg(test)]
            tests::READ_IN_PLACE.with(|n| n.set(n.get() + 1));
            comparison_word_ends_may_be(last) >> (64 - bytes.len())
        }
        None => {
            let mut padded = [0u8; COMPARISON_BYTES];
            padded[2..2 + bytes.len()].copy_from_slice(bytes);
            // bit `i` for byte `i + 2` of `padded`, byte `i` of `bytes`
            comparison_word_ends_may_be(&padded) & (u64::MAX >> (64 - bytes.len()))
        }
    };
    while ends != 0 {
        let i = ends.trailing_zeros() as usize;
        ends &= ends - 1;
        if bytes[i] == 0xC5 || comparison_word_ends(bytes, i) {
            return true;
        }
    }
    false
}

/// The bytes [`comparison_word_ends_may_be`] reads: two zeros, then up to 64 of the text.
const COMPARISON_BYTES: usize = 66;

/// Bit `i` set where byte `i + 2` of `padded` may start a space (a byte below 0x21 or outside
/// ASCII) after two bytes that may end one of [`COMPARISON_WORDS`] (its last two letters in
/// either case: "om" of "from", "ed" of "compared", "s." of "vs."), or is 0xC5. Of the places
/// after the last letter alone ("in ", "and ", "was "), some four a window, one in five is
/// left to read ("received ").
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[inline(always)]
fn comparison_word_ends_may_be(padded: &[u8; COMPARISON_BYTES]) -> u64 {
    // SAFETY: the build targets AVX2 (the `cfg` above).
    unsafe { comparison_word_ends_by_avx2(padded) }
}

/// [`comparison_word_ends_may_be`] by AVX2, 32 places at once.
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[target_feature(enable = "avx2")]
fn comparison_word_ends_by_avx2(padded: &[u8; COMPARISON_BYTES]) -> u64 {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set1_epi8,
    };
    let load = |k: usize| -> __m256i {
        let bytes: &[u8; 32] = padded[k..k + 32].try_into().expect("32 bytes");
        // SAFETY: an unaligned load of the 32 bytes of `bytes`.
        unsafe { _mm256_loadu_si256(bytes.as_ptr().cast()) }
    };
    let ends_of_32 = |k: usize| {
        let case = _mm256_set1_epi8(0x20);
        let (before, last, at) = (
            _mm256_or_si256(load(k), case),
            _mm256_or_si256(load(k + 1), case),
            load(k + 2),
        );
        let is = |v: __m256i, c: u8| _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c as i8));
        let (and, or) = (_mm256_and_si256, _mm256_or_si256);
        let s = is(last, b's');
        let pairs = or(
            or(
                and(is(before, b'o'), is(last, b'm')),
                and(is(before, b'a'), is(last, b'n')),
            ),
            or(
                and(is(before, b'e'), or(is(last, b'd'), s)),
                or(
                    and(or(is(before, b'u'), is(before, b'v')), s),
                    and(is(before, b's'), is(last, b'.')),
                ),
            ),
        );
        // signed: the bytes outside ASCII are below zero
        let space = _mm256_cmpgt_epi8(_mm256_set1_epi8(0x21), at);
        _mm256_movemask_epi8(or(and(pairs, space), is(at, 0xC5))) as u32 as u64
    };
    ends_of_32(0) | ends_of_32(32) << 32
}

/// [`comparison_word_ends_may_be`] where the build has no AVX2.
#[cfg(not(all(target_arch = "x86_64", target_feature = "avx2")))]
fn comparison_word_ends_may_be(padded: &[u8; COMPARISON_BYTES]) -> u64 {
    comparison_word_ends_by_bytes(padded)
}

/// [`comparison_word_ends_may_be`] a byte at a time, from the words themselves.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "avx2"))))]
fn comparison_word_ends_by_bytes(padded: &[u8; COMPARISON_BYTES]) -> u64 {
    (0..64).fold(0, |ends, i| {
        let (before, last, at) = (padded[i] | 0x20, padded[i + 1] | 0x20, padded[i + 2]);
        let end = COMPARISON_WORDS
            .iter()
            .any(|w| w.text.as_bytes().ends_with(&[before, last]))
            && !(0x21..0x80).contains(&at);
        ends | u64::from(end || at == 0xC5) << i
    })
}

/// Whether one of [`COMPARISON_WORDS`] ends `bytes[..end]`, in any ASCII case.
fn comparison_word_ends(bytes: &[u8], end: usize) -> bool {
    let [from, than, compared, versus, vs, vs_dot, compares] = &COMPARISON_WORDS;
    match end.checked_sub(1).map_or(0, |i| bytes[i] | 0x20) {
        b'm' => from.ends(bytes, end),
        b'n' => than.ends(bytes, end),
        b'd' => compared.ends(bytes, end),
        b's' => versus.ends(bytes, end) || vs.ends(bytes, end) || compares.ends(bytes, end),
        b'.' => vs_dot.ends(bytes, end),
        _ => false,
    }
}

/// How many bytes before a period mention [`is_comparison_reference`] reads.
const COMPARISON_WINDOW: usize = 60;
// The window, with the padding byte before it, fits the 64 lanes `has_comparison_word` reads.
const _: () = assert!(COMPARISON_WINDOW < 64);

/// The last 60 bytes of `before` (from the first character boundary there), where
/// [`COMPARISON_REFERENCE`] is searched: its `\b` and its start see only them.
fn comparison_window(before: &str) -> &str {
    &before[comparison_window_start(before)..]
}

/// Where [`comparison_window`] of `before` starts.
fn comparison_window_start(before: &str) -> usize {
    let start = before.len().saturating_sub(COMPARISON_WINDOW);
    (start..before.len())
        .find(|&i| before.is_char_boundary(i))
        .unwrap_or(before.len())
}

/// The periods that "since" opens: a period right after "since" ("since 2013", "since March
/// 2013"), or a day of `dates` up to 60 bytes after it in the same clause ("since the European
/// Court of Justice ruling of 13 May 2014"), starts a span that runs to the publication date,
/// `published`. The mentions `periods` of `text` with those spans (such a day becomes one), when
/// "since" opens any; `None` otherwise, and without a publication date.
pub(crate) fn periods_since(
    text: &str,
    dates: &[Span],
    periods: &[PeriodMention],
    published: Option<&str>,
) -> Option<Vec<PeriodMention>> {
    // a period is opened by "since" right before it, a day also by one further back (an article
    // names many periods and few days: the words before each are read, not the whole text)
    let after_since = |at: usize| ends_with_since(text.as_bytes(), at);
    // "since 2020, when we received 3,572 orders": the clause after it is about 2020 itself
    let periods_opened: Vec<usize> = (0..periods.len())
        .filter(|&i| after_since(periods[i].span.start) && when_clause_after(&text[periods[i].span.end..]).is_none())
        .collect();
    let days_opened: Vec<Span> = dates.iter().copied().filter(|d| opens_since(text, d.start)).collect();
    if periods_opened.is_empty() && days_opened.is_empty() {
        return None;
    }
    let published = NaiveDate::parse_from_str(published?, "%Y-%m-%d").ok()?;
    let mut out = periods.to_vec();
    let mut changed = false;
    for i in periods_opened {
        if let Some(start) = out[i].period.as_ref().map(|p| p.start).filter(|&s| s < published) {
            out[i].period = Some(Period { start, end: published });
            out[i].anaphor = None;
            // "the markets Telia has been selling off since 2015": the span of a relative
            // clause's event, no period of the sentence's figures
            out[i].reference |= in_relative_clause(&text[..out[i].span.start]);
            changed = true;
        }
    }
    for d in days_opened {
        let Some(start) = day_of_date(d.of(text)).filter(|&s| s < published) else {
            continue;
        };
        let at = out.partition_point(|p| p.span.start < d.start);
        let period = Some(Period { start, end: published });
        out.insert(
            at,
            PeriodMention {
                span: d,
                period,
                anaphor: None,
                reference: false,
            },
        );
        changed = true;
    }
    changed.then_some(out)
}

/// Whether the clause that ends `before` (back to a comma or a stop) is a relative clause: it
/// holds "that", "which" or "who" ("the markets that Telia has been selling off since").
fn in_relative_clause(before: &str) -> bool {
    let clause = before.rsplit([',', '.', ';', ':', '\n']).next().unwrap_or(before);
    [" that ", " which ", " who "].iter().any(|w| clause.contains(w))
}

/// The clause "when" opens right at the start of `after` (a period's end), past commas and
/// spaces: ", when we received 3,572 orders" gives "when we received 3,572 orders".
pub(crate) fn when_clause_after(after: &str) -> Option<&str> {
    let rest = after.trim_start_matches([',', ' ']);
    rest.get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("when "))
        .then_some(rest)
}

/// Whether `bytes[..end]` ends with the word "since" and a space or more.
fn ends_with_since(bytes: &[u8], end: usize) -> bool {
    // the word's bytes compared first: most periods follow another word
    spaces_before(bytes, end).is_some_and(|words_end| {
        ends_with_word(bytes, words_end, b"since") && !(words_end > 5 && is_word_byte(bytes[words_end - 6]))
    })
}

/// Whether the 60 bytes before `at` hold the word "since" (or "Since", as [`Cues`] finds it)
/// with no comma or stop between it and `at` ("since the European Court of Justice ruling of
/// 13 May 2014").
fn opens_since(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let start = (at.saturating_sub(60)..at)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(at);
    let window = &bytes[start..at];
    // the clause's start, after its last stop or comma, and its "since" or "Since" from their
    // first letters, found by vector searches: a test of each byte of the window cost some
    // 500 instructions a mention
    let clause_start = [
        memchr::memrchr3(b',', b'.', b'\n', window),
        memchr::memrchr3(b';', b'!', b'?', window),
        memchr::memrchr(b':', window),
    ]
    .into_iter()
    .flatten()
    .max()
    .map_or(start, |i| start + i + 1);
    let word_byte = |i: usize| bytes.get(i).copied().is_some_and(is_word_byte);
    memchr::memchr2_iter(b's', b'S', &bytes[clause_start..at])
        .map(|k| clause_start + k)
        .any(|i| i + 5 <= at && &bytes[i + 1..i + 5] == b"ince" && !(i > 0 && word_byte(i - 1)) && !word_byte(i + 5))
}

/// The day a date of [`DATE`] names ("13 May 2014", "May 13, 2014", "Sept. 3rd, 2014").
fn day_of_date(date: &str) -> Option<NaiveDate> {
    let mut numbers = date.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty());
    let (first, second) = (numbers.next()?, numbers.next()?);
    let (day, year) = if first.len() == 4 {
        (second, first)
    } else {
        (first, second)
    };
    let month = date
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|w| is_month(w.as_bytes()))?;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month_number(month), day.parse().ok()?)
}

fn month_number(name: &str) -> u32 {
    let n = name.to_ascii_lowercase();
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| n.starts_with(m))
    .unwrap_or(0);
    i as u32 + 1
}

fn ordinal_number(word: &str, half: bool) -> u32 {
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    if is("first") || is("1st") {
        1
    } else if is("second") || is("2nd") || (half && (is("last") || is("final"))) {
        2
    } else if is("third") || is("3rd") {
        3
    } else {
        4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// How many years [`date_start`] turned away by the last byte of the word before them
        /// ("of 2014"), on this thread.
        pub(super) static YEARS_TURNED_AWAY: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        /// How many windows [`has_comparison_word`] read in place in the text before them (not
        /// in a padded copy), on this thread.
        pub(super) static READ_IN_PLACE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        /// How many texts [`find_dates_and_periods`] took as ASCII by its anchor pass, on this
        /// thread.
        pub(super) static ASCII_BY_ANCHORS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        /// How many windows [`is_comparison_reference`] told a point of comparison by
        /// [`ends_as_plain_comparison`], without the pattern, on this thread.
        pub(super) static PLAIN_COMPARISONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        /// How many matches [`match_at`] read by the third branch tried first, on this thread.
        pub(super) static ORDINALS_FIRST: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// [`holds_multiple`] tells what a search of each multiple of [`CUE_WORDS`] tells, on
    /// windows with the words whole, cut, in other cases and at either end.
    #[test]
    fn multiples_found_by_first_letter_as_by_search() {
        let by_search = |window: &[u8]| {
            CUE_WORDS[..MULTIPLES]
                .iter()
                .any(|w| window.windows(w.len()).any(|x| x == w.as_bytes()))
        };
        for (lower, capital) in CUE_WORDS[..MULTIPLES / 2]
            .iter()
            .zip(&CUE_WORDS[MULTIPLES / 2..MULTIPLES])
        {
            assert_eq!(capital.to_lowercase(), *lower);
            assert_ne!(capital, lower);
        }
        let mut windows: Vec<String> = Vec::new();
        for word in CUE_WORDS
            .iter()
            .chain(&["BELOW", "tWice", "belo", "bove", "doubl", "trip", "twic", "Bbelow"])
        {
            for (pre, post) in [
                ("", ""),
                ("x", ""),
                ("", "x"),
                ("more than ", " the 3 in the"),
                ("\u{e9}", "\u{e9}"),
            ] {
                windows.push(format!("{pre}{word}{post}"));
                windows.push(format!("{pre}{}{post}", &word[..word.len() - 1]));
            }
        }
        for text in crate::gen::sample_texts(20) {
            for start in (0..text.len()).step_by(7) {
                let end = (start + COMPARISON_WINDOW).min(text.len());
                if let Some(w) = text.get(start..end) {
                    windows.push(w.to_string());
                }
            }
        }
        let mut found = 0;
        for w in &windows {
            assert_eq!(holds_multiple(w.as_bytes()), by_search(w.as_bytes()), "{w:?}");
            found += usize::from(by_search(w.as_bytes()));
        }
        assert!(found > 20 && found < windows.len());
    }

    /// Texts with dates: generated articles, dates written and miswritten every way, beside
    /// characters outside ASCII, and the real bodies of `FIGMINE_REAL_TEXTS` when it is set.
    fn date_texts() -> Vec<String> {
        let mut texts = crate::gen::sample_texts(300);
        texts.push(
            "On March 27, 2015, 27 March 2015, 1st of June 2014, Sept. 3rd 2019, 3 SEPT., 2019, \
             may 5 2020, 5 of of May 2020, x5 May 2020, 5x May 2020, 123 May 2020, May 123 2020, \
             May 12th,  2013, May 12th ,2013, 12 May,2013, May5 2013, _May 5 2013, 5 May_ 2013, \
             March 5, 20145, March 5, 2014x, March 5,\t1999; 05 dec 2001, 5TH OF DEC 2001, 5 of \
             May 5 June 2014, December 31 2014 2015, Mar. 1, 2021 and 2 Apr 2021, June 2014, \
             5 Jun. 2014, 5 Junee 2014, 5 Ju 2014, 1 January 1899, 1 January 2100, Jan 1, 2020"
                .to_string(),
        );
        // every way of writing the parts, and of miswriting them, in both orders
        let days = [
            "5", "05", "123", "5th", "5TH", "5x", "x5", "5 of", "5  OF", "5 of of", "5of",
        ];
        let months = ["March", "mar.", "Sept", "sept.", "SEP", "Junee", "May", "mayo", "_may"];
        let ends = ["", ",", " ,", ".,", "\t", "\n "];
        let years = ["2014", "1899", "20145", "2014x", "1999", "2000-"];
        for (day, month) in days.iter().flat_map(|d| months.iter().map(move |m| (d, m))) {
            for (end, year) in ends.iter().flat_map(|e| years.iter().map(move |y| (e, y))) {
                texts.push(format!("on {month} {day}{end} {year} and {day} {month}{end} {year}."));
            }
        }
        // outside ASCII: letters and marks at the ends of dates, and the characters the
        // pattern may match (which keep a text from the hand reader)
        let around = [
            "é",
            "\u{2019}",
            "\u{2014}",
            "ß",
            "\u{a0}",
            "\u{661}",
            "ſ",
            "\u{212a}",
            "д",
            "½",
            "²",
            "\u{966}",
            "\u{ff15}",
            "\u{ff0c}",
            "\u{3001}",
            "\u{3000}",
            "한",
            "\u{e01}",
            "\u{1d7ce}",
            "😀",
        ];
        for (i, c) in around.iter().enumerate() {
            for date in [
                "5 March 2014",
                "March 5, 2014",
                "5\u{a0}March 2014",
                "5 Marſh 2014",
                "5 of Auguſt 2014",
                "\u{ff15} March 2014",
                "March \u{966}\u{966}, 2014",
            ] {
                texts.push(format!(
                    "{c}{date}{c} and {c} {date} {c}, {date}{c}s, x{}",
                    around[(i + 1) % around.len()]
                ));
            }
        }
        // real bodies, where a directory of them is given
        if let Some(dir) = std::env::var_os("FIGMINE_REAL_TEXTS") {
            for entry in std::fs::read_dir(dir).expect("FIGMINE_REAL_TEXTS is a directory") {
                texts.push(std::fs::read_to_string(entry.unwrap().path()).unwrap());
            }
        }
        texts
    }

    /// [`may_date_a_name_after`] lets through every place [`name_dated_before`] tells a year
    /// dates a name at: every place of the texts with dates, and of names dated in other cases,
    /// spacings and punctuation, beside characters outside ASCII.
    #[test]
    fn places_the_name_pretest_turns_away_date_no_name() {
        let mut texts = date_texts();
        for name in [
            "the Data Protection Act",
            "the Surveillance Act of",
            "W.P. No. 13710 of",
            "Law No 5651 of",
            "the Technology Act,",
            "Ethics Code) Rules,",
            "the Transparency Scorecard",
            "the Accountability Index",
            "the Ranking",
            "the Rankings",
            "the ACT",
            "the Act\u{a0}",
            "the Act ",
            "the \u{e9}Act",
            "the Act of ",
            "No.\u{a0}12 of",
            "the Regulations,",
            "the Ordinance ,",
        ] {
            for year in ["1998", "2022", "20x", "\u{201c}2021\u{201d}"] {
                texts.push(format!("{name} {year}, {name}{year} and\t{name} {year}"));
            }
        }
        let (mut told, mut let_through, mut places) = (0, 0, 0);
        for text in &texts {
            for at in text.char_indices().map(|(at, _)| at).chain([text.len()]) {
                let end = (at + 4..text.len())
                    .find(|&e| text.is_char_boundary(e))
                    .unwrap_or(text.len());
                let span = Span::new(at, end);
                let (by_words, pretest) = (
                    name_dated_before(text, span),
                    may_date_a_name_after(&text.as_bytes()[..at]),
                );
                assert!(pretest || !by_words, "{:?}", &text[..end]);
                told += usize::from(by_words);
                let_through += usize::from(pretest);
                places += 1;
            }
        }
        assert!(
            told > 40 && let_through < places / 5,
            "{told} told, {let_through} of {places} let through"
        );
    }

    /// The rules named after a year, read a word at a time, are those read from the words of
    /// the clause: after every space of the date texts, and in texts built of the words, spaces
    /// of every kind and clause ends.
    #[test]
    fn rules_named_after_a_year_by_bytes_are_those_by_words() {
        let mut afters: Vec<String> = Vec::new();
        for rules in RULES.iter().chain(&["Rules", "rule", "lawful", "acts", "la"]) {
            for (before, after) in [
                ("", ""),
                ("blocking ", "."),
                ("new blocking ", ","),
                ("the new blocking ", " and"),
                ("data\u{a0}", " x"),
                ("data\n", ""),
                ("data \n", ""),
                ("data \t ", ";"),
                ("data-", ""),
                ("data ", "\u{e9}"),
                ("\u{e9}t\u{e9} ", ""),
                ("data, ", ""),
                ("data \u{2003}", ""),
                ("two ", ":"),
                ("Data ", ""),
                ("d2 ", ""),
            ] {
                afters.push(format!(" {before}{rules}{after}"));
                afters.push(format!("  {before}{rules}{after}"));
                afters.push(format!(" {before}{rules}{after} law"));
            }
        }
        for text in date_texts() {
            // (the places after a space: the reading of any other stops at its first byte)
            for (at, _) in text.match_indices(' ') {
                let end = (at + 40..=text.len())
                    .find(|&e| text.is_char_boundary(e))
                    .unwrap_or(text.len());
                afters.push(text[at..end].to_owned());
            }
        }
        let (mut named, mut read_on) = (0, 0);
        for after in &afters {
            let by_words = names_rules_after_by_words(after);
            assert_eq!(names_rules_after(after), by_words, "{after:?}");
            named += usize::from(by_words);
            read_on += usize::from(after.starts_with(' ') && !by_words);
        }
        assert!(named > 100 && read_on > 1_000, "{named} {read_on}");
    }

    #[test]
    fn the_year_of_a_laws_name_is_no_period() {
        let labels = |text: &str| -> Vec<String> {
            find_periods(text, None)
                .iter()
                .filter_map(|m| m.period.as_ref().map(Period::label))
                .collect()
        };
        assert!(labels("a report on the Telecommunications (Interception and Access) Act 1979.").is_empty());
        assert!(labels("under the Foreign Intelligence Surveillance Act of 1978, and Act 2016").is_empty());
        // a year after another word, or a word ending in "act", is a period as before
        assert_eq!(
            labels("the Act came in 2016; the impact 2015 and the Act in 2014"),
            ["2016", "2015", "2014"]
        );
    }

    #[test]
    fn dates_read_back_from_their_years_are_the_matches_of_the_date_pattern() {
        let (mut dates, mut read_outside_ascii, mut turned_away, mut turned_away_by_find) = (0, 0, 0, 0);
        for text in &date_texts() {
            let by_pattern: Vec<Span> = DATE.find_iter(text).map(|m| Span::new(m.start(), m.end())).collect();
            if !has_character_outside_ascii_date_may_match(text) {
                assert_eq!(ascii_dates(text), by_pattern, "{text}");
                read_outside_ascii += usize::from(!text.is_ascii());
                // years with no word character after them, after a word that can end no day or
                // month ("of 2014"), turned away by its last byte (the start of the text counts
                // as a byte that ends neither)
                let bytes = text.as_bytes();
                turned_away += memchr::memchr2_iter(b'1', b'2', bytes)
                    .filter(|&at| is_year_at(bytes, at) && !word_character_at(bytes, at + 4))
                    .filter_map(|at| spaces_before(bytes, at))
                    .map(|at| if at > 0 && bytes[at - 1] == b',' { at - 1 } else { at })
                    .filter(|&at| !may_end_day_or_month(at.checked_sub(1).map_or(0, |i| bytes[i])))
                    .count();
            }
            YEARS_TURNED_AWAY.with(|n| n.set(0));
            assert_eq!(find_dates(text), by_pattern);
            turned_away_by_find += YEARS_TURNED_AWAY.with(|n| n.get());
            dates += by_pattern.len();
        }
        assert!(
            dates > 500 && read_outside_ascii >= 5 && turned_away > 500,
            "{dates} dates, {read_outside_ascii} read outside ASCII, {turned_away} years turned away"
        );
        eprintln!("{turned_away_by_find} of {turned_away} years turned away by find_dates");
        // `find_dates` itself turned each of them away by that byte (`date_start`)
        assert_eq!(
            turned_away_by_find, turned_away,
            "find_dates turned away {turned_away_by_find} of {turned_away} years"
        );
    }

    /// Phrases made of the words, numbers and spaces [`PERIOD`] reads, and of some it must not
    /// take for them, joined at random (a fixed seed): every branch, glued words, missing and
    /// doubled spaces, dots, dashes, and letters outside ASCII at the ends.
    fn period_phrases(count: usize) -> Vec<String> {
        let words = [
            "between",
            "January",
            "jan.",
            "Jan",
            "june",
            "JUNE",
            "Sept.",
            "sep",
            "Mayo",
            "December",
            "to",
            "through",
            "until",
            "and",
            "-",
            "\u{2013}",
            "\u{2014}",
            "2014",
            "1999",
            "20145",
            "2015",
            "12014",
            "H1",
            "q3",
            "H5",
            "first",
            "Second",
            "last",
            "final",
            "Finally",
            "4th",
            "3rd",
            "outlast",
            "half",
            "QUARTER",
            "halfway",
            "of",
            "the",
            "this",
            "that",
            "year",
            "years",
            "same",
            "period",
            "previous",
            "prior",
            "x",
            "tojune",
            "Q12014",
            "2014Q3",
            "\u{e9}",
            "_",
            ",",
            ".",
            "fiscal",
            "FY",
            "in",
            "the same",
            "first half of",
            "of the year",
            "January to June",
            "2013-2015",
            "2013 to",
            "March 27,",
            "between 2013 and 2015",
            "between 2014",
            "Jan 2014 -",
            "between March",
        ];
        let gaps = [" ", " ", " ", "", "  ", "\t", ".", ",", "\n", "\u{e9}", "\u{2019}"];
        crate::gen::random_phrases(&words, &gaps, 3, 6, count)
    }

    #[test]
    fn periods_read_by_hand_are_the_matches_and_groups_of_the_period_pattern() {
        let g = &*GROUPS;
        let mut texts = crate::gen::sample_texts(300);
        texts.push(
            "In 2014, the year, The Same  Period, THE YEAR, last year, This\tYear, previous year, prior \
             year, the period, last quarter of the year, lastyear, the same year, 1999, 20145, H1 2014, \
             the same\u{a0}period, the\u{2003}year, fiscal 2013 and 2014; 2014 to 2016."
                .to_string(),
        );
        texts.push(
            "The second half of 2014, the First  Quarter of the year, the 2nd half, last quarter of \
             this year, 4th QUARTER of 2013; last year, the year, March 2014, H2 2014, between 2013 and \
             2015, January to June 2014, second halfway, first half of 1999x, third quarter\tof 2016, \
             third half of 2014, last half of that year, H4 2014, 2014 h3, q4 2013, 2015 to 2013, \
             between 2015 and 2015, Sept. 2014 - Feb 2015, dec 2014 to jan. 2015, MAY 1999."
                .to_string(),
        );
        texts.extend(texts.iter().map(|t| crate::gen::typeset(t)).collect::<Vec<_>>());
        texts.extend(period_phrases(30_000));
        // outside ASCII, characters the pattern may match keep a text from the hand reader
        texts.extend(
            [
                "fiscal\u{a0}2014 and the first half of 2014",
                "the firſt half of 2014, 2015",
            ]
            .map(String::from),
        );
        // real bodies, where a directory of them is given (their lines are tested as a whole)
        if let Some(dir) = std::env::var_os("FIGMINE_REAL_TEXTS") {
            for entry in std::fs::read_dir(dir).expect("FIGMINE_REAL_TEXTS is a directory") {
                texts.push(std::fs::read_to_string(entry.unwrap().path()).unwrap());
            }
        }
        let branches = [g.m1, g.ya1, g.ys1, g.ord, g.hq, g.hqy2, g.mon, g.rel, g.anaphor, g.year];
        let mut reached = [0usize; 10];
        let ordinals_first = ORDINALS_FIRST.with(|n| n.get());
        let mut outside_ascii = 0;
        for text in &texts {
            let by_pattern: Vec<Span> = PERIOD.find_iter(text).map(|m| Span::new(m.start(), m.end())).collect();
            let by_groups: Vec<(Span, Reading)> = by_pattern
                .iter()
                .map(|span| (*span, reading_of(&PERIOD.captures_at(text, span.start).unwrap(), g)))
                .collect();
            assert_eq!(period_matches(text), by_groups, "{text:?}");
            if !text.is_ascii() && has_space_or_ascii_letter_outside_ascii(text) {
                continue;
            }
            assert_eq!(hand_matches(text, None).collect::<Vec<_>>(), by_groups, "{text:?}");
            outside_ascii += usize::from(!text.is_ascii() && !by_pattern.is_empty());
            for span in &by_pattern {
                let c = PERIOD.captures_at(text, span.start).unwrap();
                let branch = branches.iter().position(|&b| c.get(b).is_some()).unwrap();
                reached[branch] += 1;
            }
        }
        assert!(reached.iter().all(|&n| n >= 50), "matches of each branch: {reached:?}");
        // the third branch's matches were read by it tried first (and perhaps more: the
        // pattern's texts read by hand are read twice above)
        let ordinals_first = ORDINALS_FIRST.with(|n| n.get()) - ordinals_first;
        assert!(
            ordinals_first >= reached[3] && reached[3] >= 1_000,
            "{ordinals_first} of {}",
            reached[3]
        );
        assert!(outside_ascii >= 100, "{outside_ascii} texts outside ASCII");
    }

    #[test]
    fn dates_and_periods_read_in_one_pass_are_those_read_apart() {
        let mut texts = date_texts();
        texts.extend(period_phrases(10_000));
        // texts where only the dates, or only the periods, may be read by hand
        let joined: Vec<String> = texts
            .iter()
            .take(400)
            .flat_map(|t| {
                [
                    format!("{t} \u{661}"),
                    format!("{t} \u{212a}"),
                    format!("{t} 5 Marſh 2014"),
                ]
            })
            .collect();
        texts.extend(joined);
        let mut one_pass = [0usize; 4];
        let (mut ascii_texts, ascii_by_anchors) = (0, ASCII_BY_ANCHORS.with(|n| n.get()));
        for text in &texts {
            let dates = find_dates(text);
            let apart = (dates.clone(), find_periods_between(text, Some(NaiveDate::MIN), &dates));
            let (dates_found, periods_found, ascii_told) = find_dates_periods_and_ascii(text, Some(NaiveDate::MIN));
            assert_eq!((dates_found, periods_found), apart, "{text:?}");
            let ascii = text.is_ascii();
            assert_eq!(ascii_told, ascii, "{text:?}");
            ascii_texts += usize::from(ascii);
            let dates_read_by_hand = dates_by_hand(text, ascii);
            if dates_read_by_hand && periods_by_hand(text, ascii) {
                one_pass[usize::from(!ascii)] += apart.0.len().min(1);
            } else {
                one_pass[2 + usize::from(dates_read_by_hand)] += 1;
            }
        }
        // texts with dates read in one pass (ASCII, outside ASCII), and texts read apart
        // (periods by hand or by the pattern)
        assert!(
            one_pass[0] >= 200 && one_pass[1] >= 5 && one_pass[2] >= 50 && one_pass[3] >= 50,
            "{one_pass:?}"
        );
        // the anchor pass told every ASCII text as ASCII (and no other: those are read apart)
        let ascii_by_anchors = ASCII_BY_ANCHORS.with(|n| n.get()) - ascii_by_anchors;
        assert!(ascii_texts >= 5_000, "{ascii_texts} ASCII texts");
        assert_eq!(ascii_by_anchors, ascii_texts);
    }

    #[test]
    fn pairs_found_sixteen_at_a_time_are_those_of_a_byte_by_byte_reading() {
        let mut texts: Vec<Vec<u8>> = crate::gen::sample_texts(100)
            .into_iter()
            .map(String::into_bytes)
            .collect();
        texts.extend(period_phrases(2_000).into_iter().map(String::into_bytes));
        // every pair of byte values, and pairs across a chunk's end
        texts.push(
            (0..=255u8)
                .flat_map(|a| (0..=255u8).flat_map(move |b| [a, b]))
                .collect(),
        );
        texts.extend((0..70).map(|n| format!("{}2019 HALF yEAr{}", "x".repeat(n), "oD".repeat(n % 7)).into_bytes()));
        let (mut chunks, mut hits, mut outside_chunks) = (0, 0, 0);
        for bytes in &texts {
            for start in 0..bytes.len() {
                let mut chunk = [0u8; CHUNK + 1];
                let end = bytes.len().min(start + CHUNK + 1);
                chunk[..end - start].copy_from_slice(&bytes[start..end]);
                let (by_bytes, outside_by_bytes) = pair_hits_by_bytes(&chunk);
                let (by_sse2, outside) = pair_hits(&chunk);
                assert_eq!(by_sse2, by_bytes, "{chunk:?}");
                assert_eq!(outside != 0, outside_by_bytes != 0, "{chunk:?}");
                chunks += 1;
                hits += by_bytes.count_ones();
                outside_chunks += usize::from(outside != 0);
            }
        }
        assert!(
            chunks > 300_000 && hits > 200_000 && outside_chunks > 50_000,
            "{chunks} chunks, {hits} hits, {outside_chunks} outside ASCII"
        );
    }

    #[test]
    fn the_characters_outside_ascii_the_period_pattern_may_match_are_found_by_their_bytes() {
        // what `\s` and the letters of a case-insensitive pattern match outside ASCII
        let space = regex::Regex::new(r"^\s$").unwrap();
        let letter = regex::Regex::new(r"(?i)^[a-z]$").unwrap();
        let mut found = 0;
        for c in ('\u{80}'..=char::MAX).filter(|c| !c.is_ascii()) {
            let text = format!("x{c}y");
            let may = space.is_match(c.encode_utf8(&mut [0; 4])) || letter.is_match(c.encode_utf8(&mut [0; 4]));
            assert_eq!(has_space_or_ascii_letter_outside_ascii(&text), may, "{c:?}");
            found += usize::from(may);
        }
        assert_eq!(found, 21);
    }

    /// The one pass for both patterns' characters outside ASCII tells of a text what each
    /// character's own test tells, whichever of them comes first, and goes on past a character
    /// only one of the patterns may match.
    #[test]
    fn characters_of_both_patterns_found_in_one_pass_are_those_found_apart() {
        // a digit (dates only), the Kelvin sign (periods only), a space (both), a curly quote,
        // a Cyrillic letter and ASCII (neither)
        let pieces = ["\u{663}", "\u{212A}", "\u{a0}", "\u{2019}", "\u{44f}", "ab "];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| {
                    pieces
                        .iter()
                        .map(move |p| format!("{t}{}{p}", "x".repeat(t.len() % 37)))
                })
                .collect();
            texts.extend(longer);
        }
        let mut kinds = [0; 4];
        for text in &texts {
            let one = |test: fn(&str) -> bool| text.chars().any(|c| test(c.encode_utf8(&mut [0; 4])));
            let apart = (
                one(has_character_outside_ascii_date_may_match),
                one(has_space_or_ascii_letter_outside_ascii),
            );
            assert_eq!(
                characters_outside_ascii_patterns_may_match(text, (true, true)),
                apart,
                "{text:?}"
            );
            kinds[usize::from(apart.0) * 2 + usize::from(apart.1)] += 1;
        }
        assert!(kinds.iter().all(|&n| n > 50), "{kinds:?}");
    }

    #[test]
    fn the_characters_outside_ascii_the_date_pattern_may_match_are_found_by_their_bytes() {
        // what `\s`, `\d` and the letters of the case-insensitive pattern match outside ASCII
        let letters: String = date_source().chars().filter(char::is_ascii_alphabetic).collect();
        let classes = [r"^\s$", r"^\d$", &format!("(?i)^[{letters}]$")].map(|c| regex::Regex::new(c).unwrap());
        let mut found = [0; 3];
        for c in ('\u{80}'..=char::MAX).filter(|c| !c.is_ascii()) {
            let text = format!("x{c}y");
            let may = classes.iter().map(|class| class.is_match(c.encode_utf8(&mut [0; 4])));
            let mut any = false;
            for (found, may) in found.iter_mut().zip(may) {
                *found += usize::from(may);
                any |= may;
            }
            assert_eq!(has_character_outside_ascii_date_may_match(&text), any, "{c:?}");
        }
        // Unicode's spaces, its decimal digits, and "ſ"
        assert_eq!(found[0], 19);
        assert!(found[1] > 600, "{} digits", found[1]);
        assert_eq!(found[2], 1);
    }

    #[test]
    fn the_places_a_comparison_word_may_end_are_found_by_vectors_as_byte_by_byte() {
        // each word, in either case, before a space or a byte outside ASCII (and not before a
        // letter), at every place
        for word in &COMPARISON_WORDS {
            for (text, after, found) in [
                (word.text.to_string(), b' ', true),
                (word.text.to_uppercase(), 0x80, true),
                (word.text.to_string(), b'x', false),
            ] {
                for end in text.len()..64 {
                    let mut padded = [b'x'; COMPARISON_BYTES];
                    padded[2 + end - text.len()..2 + end].copy_from_slice(text.as_bytes());
                    padded[2 + end] = after;
                    let ends = comparison_word_ends_may_be(&padded);
                    assert_eq!(ends, comparison_word_ends_by_bytes(&padded), "{padded:?}");
                    assert_eq!(ends == 1 << end, found, "{text:?} ending at {end}: {ends:b}");
                }
            }
        }
        let mut chunks = 0;
        for text in crate::gen::sample_texts(100) {
            let bytes = text.as_bytes();
            for at in (0..bytes.len().saturating_sub(64)).step_by(7) {
                let mut padded = [0u8; COMPARISON_BYTES];
                padded[2..].copy_from_slice(&bytes[at..at + 64]);
                // and every byte value somewhere
                padded[2 + at % 64] = at as u8;
                assert_eq!(
                    comparison_word_ends_may_be(&padded),
                    comparison_word_ends_by_bytes(&padded),
                    "{padded:?}"
                );
                chunks += 1;
            }
        }
        assert!(chunks > 10_000, "{chunks} chunks");
    }

    #[test]
    fn the_comparison_words_have_no_case_form_outside_ascii_but_that_of_s() {
        let letters: String = CLOSING_WORDS.iter().chain(&COMPARISON_WORDS).map(|w| w.text).collect();
        let class = regex::Regex::new(&format!("(?i)^[{letters}]$")).unwrap();
        let outside: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| class.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(outside, ['ſ']);
        // and `\s` is the White_Space that `str::trim_end` takes off
        let space = regex::Regex::new(r"^\s$").unwrap();
        for c in '\0'..=char::MAX {
            assert_eq!(space.is_match(c.encode_utf8(&mut [0; 4])), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn windows_the_comparison_pretest_turns_away_are_no_matches_of_the_pattern() {
        // every place before a word, in the texts with dates and in phrases made to match
        let mut texts = date_texts();
        for before in [
            "from",
            "up from",
            "xfrom",
            "x-FROM",
            "\u{e9}from",
            "Than",
            "compared  with",
            "Compares to",
            "VERSUS",
            "vs.",
            "verſus",
            "vſ",
            "x vs",
        ] {
            for amount in [
                "",
                "5 ",
                "$1,000.5 ",
                "about \u{966} ",
                "nearly 72,279 units a-b c d ",
                "22,191 ",
                "1.5.,  ",
                ",5 ",
                "5x ",
                "x5 ",
            ] {
                for after in [
                    "in",
                    "During\u{a0}the",
                    "for",
                    "in the",
                    "the",
                    "ſor",
                    "in\u{3000}",
                    "during  THE",
                    "for\tthe",
                    "in bathe",
                    "inn",
                    "xin the",
                ] {
                    texts.push(format!("down {before} {amount}{after} 2013, then {before}{after}\t"));
                }
            }
        }
        let (mut turned_away, mut matched) = (0, 0);
        let plain_comparisons = PLAIN_COMPARISONS.with(|n| n.get());
        // windows whose comparison words were read in place of a padded copy (found, not found)
        // and whose spaces were trimmed past a character outside ASCII
        let (mut in_place, mut trimmed_outside_ascii) = ([0usize; 2], 0);
        // windows whose comparison words `is_comparison_reference` reads (those the closing
        // word lets through) with enough bytes before them to read in place, and the windows
        // it read in place itself
        let (mut reached_in_place, mut read_in_place) = (0, 0);
        for text in &texts {
            for (at, _) in text.char_indices().filter(|&(at, _)| at > 0) {
                let before = &text[..at];
                let window = comparison_window(before);
                let by_pattern = COMPARISON_REFERENCE.is_match(window);
                READ_IN_PLACE.with(|n| n.set(0));
                assert_eq!(is_comparison_reference(before), by_pattern, "{window:?}");
                read_in_place += READ_IN_PLACE.with(|n| n.get());
                let word_end = window.trim_end().len();
                reached_in_place += usize::from(
                    at >= COMPARISON_BYTES && word_end < window.len() && closing_word_ends(window.as_bytes(), word_end),
                );
                turned_away += usize::from(!may_be_comparison_reference(before.as_bytes(), window));
                matched += usize::from(by_pattern);
                // a plain comparison is a match of the pattern, wherever it is asked
                assert!(!ends_as_plain_comparison(window.as_bytes()) || by_pattern, "{window:?}");
                // the bytes before the window read in place, as a padded copy of the window alone
                let found = has_comparison_word(before.as_bytes(), window.as_bytes());
                assert_eq!(
                    found,
                    has_comparison_word(window.as_bytes(), window.as_bytes()),
                    "{window:?}"
                );
                if at >= COMPARISON_BYTES {
                    in_place[usize::from(found)] += 1;
                }
                let trimmed = window.trim_end().len();
                assert_eq!(trimmed_end(window), trimmed, "{window:?}");
                trimmed_outside_ascii += usize::from(!window[trimmed..].is_ascii());
            }
        }
        assert!(
            turned_away > 500_000 && matched > 1_500,
            "{turned_away} turned away, {matched} matched"
        );
        assert!(
            in_place[0] > 300_000 && in_place[1] > 20_000 && trimmed_outside_ascii > 100,
            "{in_place:?} read in place, {trimmed_outside_ascii} trimmed outside ASCII"
        );
        eprintln!("{read_in_place} of {reached_in_place} windows read in place");
        // `is_comparison_reference` itself read each of them in place
        assert_eq!(
            read_in_place, reached_in_place,
            "is_comparison_reference read {read_in_place} of {reached_in_place} windows in place"
        );
        assert!(read_in_place > 5_000, "{read_in_place} read in place");
        // windows `is_comparison_reference` told a point of comparison without the pattern
        let plain_comparisons = PLAIN_COMPARISONS.with(|n| n.get()) - plain_comparisons;
        assert!(plain_comparisons > 500, "{plain_comparisons} plain comparisons");
    }

    #[test]
    fn month_names_are_those_of_the_pattern() {
        assert_eq!(MONTH_NAMES.join("|"), MONTHS);
        // the tables by first three letters and by last letter hold every name, in the
        // pattern's order
        for name in MONTH_NAMES {
            let upper = name.to_uppercase();
            for bytes in [name.as_bytes(), upper.as_bytes()] {
                assert!(months_ending_at(bytes, bytes.len()).any(|at| at == 0), "{name}");
            }
            let ends: Vec<(usize, u32)> = months_starting_at(name.as_bytes(), 0).collect();
            let longer_first: Vec<(usize, u32)> = MONTH_NAMES
                .iter()
                .filter(|m| name.starts_with(*m))
                .map(|m| (m.len(), month_number(m)))
                .collect();
            assert_eq!(ends, longer_first, "{name}");
        }
    }

    fn labels(text: &str, published: Option<&str>) -> Vec<String> {
        let published = published.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        find_periods(text, published)
            .into_iter()
            .map(|p| p.period.map_or("?".into(), |p| p.label()))
            .collect()
    }

    #[test]
    fn a_period_tells_whether_it_is_a_year_a_half_or_a_quarter() {
        let p = |label: &str| Period::parse_label(label).unwrap();
        let kinds = |label: &str| {
            (
                p(label).is_calendar_year(),
                p(label).half_of_year(),
                p(label).is_quarter(),
            )
        };
        assert_eq!(kinds("2023"), (true, None, false));
        assert_eq!(kinds("2023-H2"), (false, Some(2), false));
        assert_eq!(kinds("2023-Q3"), (false, None, true));
        assert_eq!(kinds("2022-07-01/2023-06-30"), (false, None, false));
        assert_eq!(kinds("2023-03"), (false, None, false));
    }

    #[test]
    fn the_year_after_a_paragraph_about_a_year_before_the_reports_is_the_reports() {
        let text = "Safaricom got 8,907 requests in the year to March 2024.\n\n\
                    In the year to March 2022, it recorded 6,031. During the year it froze 9.\n\n\
                    It froze 1,362 accounts during the year.";
        assert_eq!(
            labels(text, Some("2024-07-08")),
            [
                "2023-04-01/2024-03-31",
                "2021-04-01/2022-03-31",
                // in the paragraph of the year before: that year
                "2021-04-01/2022-03-31",
                // a paragraph later: the report's
                "2023-04-01/2024-03-31"
            ]
        );
        // so after a month before the report's year
        let text = "Safaricom got 8,907 requests in the year to March 2024.\n\n\
                    Its Ethiopian unit began operating in October 2022.\n\n\
                    It reported revenue of KSh 335.4 billion for the year.";
        assert_eq!(
            labels(text, Some("2024-07-08")),
            ["2023-04-01/2024-03-31", "2022-10", "2023-04-01/2024-03-31"]
        );
        // "the first half" after an aside about last year is a half of the report's year
        let text = "Korea sent 3,182 in the first six months of this year.\n\n\
                    The commission reviewed 240,000 items last year.\n\n\
                    Kakao received 22,410 warrants in the first half.";
        assert_eq!(labels(text, Some("2021-11-20")), ["2021-H1", "2020", "2021-H1"]);
        // "the previous year" after a financial year is the financial year before
        let text = "Spark got 6,148 in the year to 30 June 2022, up from 1,087 the previous year.";
        assert_eq!(
            labels(text, Some("2022-09-14")),
            ["2021-07-01/2022-06-30", "2020-07-01/2021-06-30"]
        );
        // a year after the report's is no background: "the year" stays with it
        let text = "It got 900 in 2014.\n\nIn 2015 it got 1,000.\n\nDuring the year it got 9 more.";
        assert_eq!(labels(text, None), ["2014", "2015", "2015"]);
    }

    #[test]
    fn halves_quarters_months_and_years() {
        assert_eq!(
            labels(
                "the first half of 2014, H2 2014, Q3 2014, 2013 Q1, the third quarter of 2015, March 2014, in 2013",
                None
            ),
            ["2014-H1", "2014-H2", "2014-Q3", "2013-Q1", "2015-Q3", "2014-03", "2013"]
        );
    }

    #[test]
    fn spans_of_months_become_halves_or_intervals() {
        assert_eq!(labels("January to June 2014", None), ["2014-H1"]);
        assert_eq!(labels("between July and December 2013", None), ["2013-H2"]);
        assert_eq!(
            labels("from December 2012 through May 2013", None),
            ["2012-12-01/2013-05-31"]
        );
    }

    #[test]
    fn spans_of_years_become_intervals() {
        assert_eq!(labels("between 2014 and 2016", None), ["2014-01-01/2016-12-31"]);
        assert_eq!(labels("from 2013 to 2015", None), ["2013-01-01/2015-12-31"]);
        assert_eq!(labels("in 2013–2015", None), ["2013-01-01/2015-12-31"]);
        // two years named side by side stay two periods
        assert_eq!(labels("in 2013 and 2014", None), ["2013", "2014"]);
        assert_eq!(labels("the total for 2014 to 59,509", None), ["2014"]);
    }

    #[test]
    fn anaphora_resolve_to_the_previous_period_or_the_publication_date() {
        assert_eq!(
            labels(
                "In the second half of 2014 ... during the same period ... for the year ... the first half of the year",
                None
            ),
            ["2014-H2", "2014-H2", "2014", "2014-H1"]
        );
        assert_eq!(labels("up from last year", Some("2015-03-27")), ["2014"]);
        assert_eq!(
            labels(
                "2,058 in the first half of 2014 and 2,871 in the second half, for the year",
                None
            ),
            ["2014-H1", "2014-H2", "2014"]
        );
    }

    #[test]
    fn a_point_of_comparison_within_a_sentence_is_that_of_the_whole_text_past_its_window() {
        let (mut reused, mut searched) = (0, 0);
        for body in crate::gen::sample_texts(300) {
            let mut article = crate::read::Article::default();
            article.set_paragraphs(body.split("\n\n"));
            let text = article.text;
            let mentions = find_periods(&text, None);
            for within in crate::extract::sentence::split_sentences(&text, &article.paragraphs) {
                for m in mentions.iter().filter(|m| within.contains(m.span)) {
                    let alone = is_reference(&text[within.start..m.span.start], m.anaphor);
                    assert_eq!(is_reference_within(&text, m, within), alone, "{:?}", within.of(&text));
                    reused += usize::from(m.span.start - within.start >= COMPARISON_WINDOW);
                    searched += usize::from(m.span.start - within.start < COMPARISON_WINDOW);
                }
            }
        }
        assert!(reused > 1_500 && searched > 500, "{reused} reused, {searched} searched");
    }

    #[test]
    fn periods_made_once_for_a_run_of_the_same_are_those_of_the_capture_groups() {
        let g = &*GROUPS;
        let (mut named, mut repeated) = (0, 0);
        for text in crate::gen::sample_texts(300) {
            let mut previous = None;
            for m in find_periods(&text, None).iter().filter(|m| !m.is_anaphoric()) {
                let c = PERIOD.captures_at(&text, m.span.start).unwrap();
                let by_groups = match reading_of(&c, g) {
                    Reading::Months((y1, m1, y2, m2)) => Period::months(y1, m1, y2, m2),
                    _ => None,
                };
                assert_eq!(m.period, by_groups, "{}", m.span.of(&text));
                named += 1;
                repeated += usize::from(previous.is_some() && previous == m.period);
                previous = m.period.clone();
            }
        }
        assert!(
            named > 2_000 && repeated > 500,
            "{named} named, {repeated} as the one before"
        );
    }

    #[test]
    fn comparison_years_are_not_the_context_of_later_anaphora() {
        assert_eq!(
            labels(
                "In the second half of 2014 it got 31,002, down from 72,279 in 2013. In the second half of the year",
                None
            ),
            ["2014-H2", "2013", "2014-H2"]
        );
    }

    #[test]
    fn days_are_not_periods() {
        assert_eq!(
            labels("On March 27, 2015 and 27 March 2015 it said", None),
            Vec::<String>::new()
        );
    }

    #[test]
    fn years_in_non_ascii_digits_are_not_periods() {
        // Unicode digits are not years: reading them as one would fail to parse the number.
        assert_eq!(
            labels("Q3 20\u{661}\u{664} and January to June 20\u{661}\u{664}", None),
            Vec::<String>::new()
        );
    }

    #[test]
    fn periods_within_a_sentence_resolve_as_if_it_stood_alone() {
        let text = "In the second half of 2014 it got 31,002. Down from 72,279 in 2013, the \
                    total for the year rose in the first half of the year and the same period, \
                    up from last year.";
        let published = NaiveDate::from_ymd_opt(2015, 3, 27);
        let context = NaiveDate::from_ymd_opt(2016, 1, 1);
        let mentions = find_periods(text, published);
        let start = text.find("Down").unwrap();
        let sentence = Span::new(start, text.len());
        let alone: Vec<_> = find_periods(&text[start..], context)
            .into_iter()
            .map(|m| m.period)
            .collect();
        assert_eq!(periods_within(text, &mentions, sentence, context), alone);
        // the same words resolved in the whole text refer back to 2014 and the publication year
        let labels: Vec<_> = alone.iter().map(|p| p.as_ref().unwrap().label()).collect();
        assert_eq!(labels, ["2013", "2016", "2016-H1", "2016-H1", "2015"]);
    }

    #[test]
    fn labels_round_trip() {
        for l in ["2014", "2014-H2", "2014-Q3", "2014-03", "2012-12-01/2013-05-31"] {
            assert_eq!(Period::parse_label(l).unwrap().label(), l);
        }
    }
}
