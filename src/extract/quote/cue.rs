//! Speaker cues: the reporting verb and who it names, before or after a quote.
//!
//! Each pattern is anchored at the quote (or at the start of the neighbouring sentence), and
//! every window it runs on is bounded, so the work per quote is constant.

use super::hand::{self, capital_at, count_spaces, is_word_byte, name_at, word_character_at, WordSet};
use super::people::ROLE_WORD;
use crate::extract::claim::is_ascii_space;
use crate::extract::pattern::Pattern;
use std::borrow::Cow;
use std::sync::LazyLock;

/// A name: up to five capitalised words (initials and abbreviations such as "St." allowed), with
/// lower-case particles between them ("Ursula von der Leyen", "Sarah St. Vincent").
/// Read by hand in [`super::hand`] too (tests compare the two): change both together.
pub(super) const NAME: &str = concat!(
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|St|Lt|Sgt|Capt|Det|Insp|Supt|Cmdr|Col)\.\s+)?",
    r"(?:\p{Lu}\p{Ll}?\.|\p{Lu}[\p{L}&'’-]+)",
    r"(?:\s+(?:(?:de|van|von|der|da|di|du|le|la|al|bin)\s+)*",
    r"(?:\p{Lu}\p{Ll}?\.|\p{Lu}[\p{L}'’-]+|[\x22“]\p{Lu}[\p{L}'’-]+[\x22”])){0,4}",
);

/// Reporting verbs.
pub(super) const VERB: &str = concat!(
    r"(?:",
    r"said|says|say|noted|notes|added|adds|continued|continues|told|tells|wrote|writes|explained|",
    r"explains|stated|states|argued|argues|asked|asks|replied|replies|responded|responds|insisted|",
    r"insists|warned|warns|acknowledged|acknowledges|admitted|conceded|declared|emphasi[sz]ed|",
    r"stressed|repeated|recalled|observed|remarked|commented|announced|claimed|concluded|suggested|",
    r"cautioned|predicted|testified|tweeted|described|agreed|countered|urged|recounted|quipped|joked",
    ")",
);

/// Who a cue names: a name (optionally after "the"), a pronoun, or a title ("the spokeswoman",
/// "the company's general counsel").
fn who() -> String {
    // A title first: "The senators" is no name followed by the word "senators".
    format!(r"(?P<who>{TITLE}|(?:[Tt]he\s+)?{NAME}|[Hh]e|[Ss]he|{UNNAMED})")
}

/// A title: "the spokeswoman", "the company's general counsel".
const TITLE: &str = r"[Tt]he\s+[\p{Ll}'’-]+(?:\s+[\p{Ll}'’-]+){0,3}?";

/// The pattern of [`GROUPS`], as a literal for `concat!`.
macro_rules! groups {
    () => {
        concat!(
            r"(?:[Oo]fficials|[Aa]nalysts|[Cc]ritics|[Ll]awmakers|[Pp]rosecutors|[Ii]nvestigators|",
            r"[Ee]xecutives|[Rr]esearchers|[Cc]ampaigners|[Aa]ctivists|[Pp]olice|[Ee]xperts|[Ss]ources)\b"
        )
    };
}

/// [`UNNAMED`] taking every word it can, for a description that ends the sentence.
const UNNAMED_GREEDY: &str = concat!(r"(?:an?|one|another)\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,3}|", groups!());

/// A speaker described, not named: "one privacy researcher", "a spokesman".
const UNNAMED: &str = concat!(
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+[\p{L}&'’-]+(?:\s+[\p{L}&'’-]+){0,3}?|",
    groups!()
);

/// Plural nouns for speakers the article does not name ("officials said").
const GROUPS: &[&str] = &[
    "officials",
    "analysts",
    "critics",
    "lawmakers",
    "prosecutors",
    "investigators",
    "executives",
    "researchers",
    "campaigners",
    "activists",
    "police",
    "experts",
    "sources",
];

/// A possessive or article and up to three words before a name: "Her colleague Sarah St.
/// Vincent", "The company's lawyer Jane Doe".
const DESCRIPTOR: &str = r"(?:(?:[Hh]er|[Hh]is|[Tt]heir|[Ii]ts|[Tt]he|[Aa]n?)\s+(?:[\p{Ll}'’-]+\s+){1,3})??";

/// An appositive role between commas.
fn role() -> String {
    format!(r"(?:,\s*(?P<role>[^,;\x22“”«»]{{2,120}}?),|\s+of\s+(?P<of>(?:the\s+)?{NAME}))?")
}

/// After a quote: `"...," Microsoft said` / `John Frank, Microsoft VP, noted` / `he said`.
static SUBJECT_VERB: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(&subject_verb()).unwrap());

/// The source of [`SUBJECT_VERB`].
fn subject_verb() -> String {
    format!(r"^[\s,]*{}{}\s+(?P<cue>{VERB})\b", who(), role())
}

/// After a quote: `said Jane Doe, the company's general counsel.`
static VERB_SUBJECT: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(&verb_subject()).unwrap());

/// The source of [`VERB_SUBJECT`].
fn verb_subject() -> String {
    let role = r"(?:,\s*(?P<role>[^\x22“”«»]{2,160}))?";
    format!(r"^[\s,]*(?P<cue>{VERB})\s+(?P<who>(?:the\s+)?{NAME}|{UNNAMED_GREEDY}){role}")
}

/// After a quote: `said AT&T spokesman Fletcher Cook.` (taken only when the words between the
/// names hold a role word, so that `said Smith in a statement to Reuters` is Smith's).
static VERB_TITLE_SUBJECT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"^[\s,]*(?P<cue>{VERB})\s+(?P<title>{NAME}\s+(?:[\p{{Ll}}-]+\s+){{1,3}}?)(?P<who>{NAME})"
    ))
    .unwrap()
});

/// After a quote, a dash and a name with no verb: `"Nobody said this would be easy" — Sonderby.`
static DASH_NAME: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(&format!(r"^\s*[—–]\s*(?P<who>{NAME})\b")).unwrap());

/// After a quote: `according to Karen Holt, a Justice Department spokeswoman.`
static ACCORDING_TO: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(&according_to()).unwrap());

/// The source of [`ACCORDING_TO`].
fn according_to() -> String {
    format!(
        r"^[\s,]*(?P<cue>according\s+to)\s+{}(?:,\s*(?P<role>[^\x22“”«»]{{2,160}}))?",
        who()
    )
}

/// A role after a comma, up to the next comma.
const ROLE_TO_COMMA: &str = r"(?:,\s*(?P<role>[^\x22“”«»]{2,120}?))?";

/// Before a quote, in its sentence: `Brad Smith, Microsoft's general counsel, said in a
/// statement: "` / `According to Smith, "` / `Said Microsoft President Brad Smith: "`.
static LEAD_IN: LazyLock<[Pattern; 5]> = LazyLock::new(|| lead_ins().map(|re| Pattern::new(&re).unwrap()));

/// The sources of [`LEAD_IN`].
fn lead_ins() -> [String; 5] {
    let (who, role) = (who(), role());
    let tail = r"[^\x22“”«»]{0,80}?[:,]\s*$";
    [
        format!(r"^(?:[^\x22“”«»]{{0,60}}?,\s+)??{DESCRIPTOR}{who}{role}\s+(?P<cue>{VERB})\b{tail}"),
        format!(r"^(?P<cue>[Aa]ccording\s+to)\s+(?P<who>(?:the\s+)?{NAME}){ROLE_TO_COMMA},\s*$"),
        format!(r"^(?P<cue>(?i:{VERB}))\s+(?P<who>(?:the\s+)?{NAME}){tail}"),
        // A clause about the speaker ending with a colon: `Asked..., she doesn't hesitate: "`.
        format!(r"^{DESCRIPTOR}{who}{role}\s+[^\x22“”«»]{{0,80}}?:\s*$"),
        format!(r"^[^\x22“”«»]{{0,60}}?,\s+{DESCRIPTOR}{who}{role}\s+[^\x22“”«»]{{0,80}}?:\s*$"),
    ]
}

/// The sentence before a quote, naming its subject: `Colin Stretch, Facebook's general
/// counsel, said the company...` / `Brad Smith, Microsoft's president, was blunt.`
/// The subject may follow its role: `An AT&T spokesman, Mark Siegel, declined...`.
/// Tried at the start of the sentence, then after a first clause (`Asked whether..., Okafor
/// shrugged.`, `An AT&T spokesman, Mark Siegel, declined...`).
static SUBJECT_FIRST: LazyLock<[Pattern; 2]> = LazyLock::new(|| subjects_first().map(|re| Pattern::new(&re).unwrap()));

/// The sources of [`SUBJECT_FIRST`].
fn subjects_first() -> [String; 2] {
    // Not an unnamed subject: in "An AT&T spokesman, Mark Siegel, declined" the name is the subject.
    let who = format!(r"(?P<who>{TITLE}|(?:[Tt]he\s+)?{NAME}|[Hh]e|[Ss]he)");
    let subject = format!(r"{who}{},?\s+(?P<cue>\p{{Ll}}+)\b", role());
    [
        format!("^{DESCRIPTOR}{subject}"),
        format!(r"^[^,\x22“”«»]{{2,60}},\s+{subject}"),
    ]
}

/// Exactly a reporting verb.
static REPORTING: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(&format!("^{VERB}$")).unwrap());

/// The sentence after a quote, with a cue a few words in: `That was how he described it.`
static LATER_CUE: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(&later_cue()).unwrap());

/// The source of [`LATER_CUE`].
fn later_cue() -> String {
    format!(r"^\s*(?:[\p{{L}}'’]+\s+){{0,4}}?(?P<who>{NAME}|he|she)\s+(?P<cue>{VERB})\b")
}

/// Capitalised words that start sentences but never names.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "That",
    "This",
    "These",
    "Those",
    "It",
    "Its",
    "But",
    "And",
    "Or",
    "Of",
    "For",
    "As",
    "If",
    "When",
    "While",
    "According",
    "After",
    "Before",
    "He",
    "She",
    "They",
    "We",
    "I",
    "Our",
    "Their",
    "His",
    "Her",
    "There",
    "Here",
    "What",
    "Why",
    "How",
    "Who",
    "Some",
    "Many",
    "Most",
    "All",
    "Such",
    "So",
    "Yet",
    "Still",
    "Also",
    "Even",
    "Now",
    "Then",
    "Last",
    "Next",
    "First",
    "Officials",
    "Critics",
    // Honorifics: "Ms Doyle" is Doyle, "Sir Alan" is Alan.
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    // Participles that open a sentence: "Asked about it, Smith said".
    "Asked",
    "Pressed",
    "Speaking",
    "Reached",
    "Responding",
    "Writing",
    "Commenting",
    "Interviewed",
];

/// Words of a name that are a job title ("Microsoft Chief Executive Satya Nadella").
const TITLE_WORDS: &[&str] = &[
    "Chief",
    "Executive",
    "President",
    "Vice",
    "General",
    "Counsel",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "VP",
    "CEO",
    "Chairman",
    "Chairwoman",
    "Secretary",
    "Minister",
    "Senator",
    "Officer",
    "Manager",
    "Head",
    "Founder",
    "Commissioner",
    "Attorney",
    // police and court ranks ("Detective Superintendent Karen Whitlock", "Magistrate Judge
    // Helen Park", "Sheriff Dale Whitaker")
    "Detective",
    "Superintendent",
    "Inspector",
    "Sergeant",
    "Constable",
    "Commander",
    "Magistrate",
    "Judge",
    "Sheriff",
    "Deputy",
    "Captain",
    "Lieutenant",
    // elected offices ("Mayor Jane Doe", "Councilmember Tomas Rivera")
    "Mayor",
    "Governor",
    "Representative",
    "Councilmember",
    "Councilwoman",
    "Councilman",
    "Assemblymember",
];

/// Last words that make a name an organisation.
const ORG_WORDS: &[&str] = &[
    "Department",
    "Office",
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Commission",
    "Court",
    "Ministry",
    "Agency",
    "Bureau",
    "Company",
    "Group",
    "Association",
    "Union",
    "Council",
    "Parliament",
    "Foundation",
    "Institute",
    "University",
    "Research",
    "Report",
    "States",
    "Kingdom",
    "Times",
    "News",
    "Post",
    "Journal",
    "Service",
];

/// [`NOT_NAMES`], [`TITLE_WORDS`] and [`ORG_WORDS`] as sets: looked up for the words of every
/// capitalised name an article has.
static NOT_NAMES_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOT_NAMES.iter().copied()));
static TITLE_WORDS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(TITLE_WORDS.iter().copied()));
static ORG_WORDS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ORG_WORDS.iter().copied()));

/// Whether `name` is one word of ASCII characters: no space to trim or split at. Most
/// capitalised words of an article stand alone ("The", "Authorities", "Yahoo"), and the name
/// readers below take them without iterating over characters.
pub(super) fn is_one_ascii_word(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii() && !is_ascii_space(b))
}

/// What [`clean_name`], [`without_nickname`], [`is_org_name`] and [`split_title`] make of a
/// name that is one word of ASCII characters with no quotation mark, at once: the name cleaned
/// ("" for a word that is no name, like "The"), and whether it names an organisation; `None`
/// for any other name. Most names found in an article are such words, and each of the four
/// would look at it again (and a word is never split at a title).
pub(super) fn one_word_name(name: &str) -> Option<(&str, bool)> {
    let plain = !name.is_empty() && name.bytes().all(|b| b.is_ascii() && !is_ascii_space(b) && b != b'"');
    if !plain {
        return None;
    }
    if NOT_NAMES_SET.contains(name) {
        return Some(("", false));
    }
    Some((name, ORG_WORDS_SET.contains(name)))
}

/// What [`clean_name`], [`without_nickname`] and then `named_by` (people.rs) make of `name`
/// when it is two words of ASCII characters joined by one space, with no other white space
/// and no quotation mark, at once: `Some(true)` when the name as it stands names a person
/// with no title split off, `Some(false)` when it names none; `None` for any other name.
/// Most names of several words are two such words, and each of the three would look at them
/// again. Cleaning drops a first word that is no name (leaving one word: no person); a last
/// word that is an organisation word makes an organisation; a first word that is a title word
/// is split off as a title, leaving one word, unless the last word is one too (or stands in
/// the title).
pub(super) fn two_word_person(name: &str) -> Option<bool> {
    let bytes = name.as_bytes();
    let space = bytes.iter().position(|&b| is_ascii_space(b))?;
    let plain = |b: &u8| b.is_ascii() && !is_ascii_space(*b) && *b != b'"';
    let (first, last) = (&bytes[..space], &bytes[space + 1..]);
    if bytes[space] != b' ' || first.is_empty() || last.is_empty() || !first.iter().chain(last).all(plain) {
        return None;
    }
    let (first, last) = (&name[..space], &name[space + 1..]);
    if drops_first_word(first) || ORG_WORDS_SET.contains(last) {
        return Some(false);
    }
    if !TITLE_WORDS_SET.contains(first) || TITLE_WORDS_SET.contains(last) {
        return Some(true);
    }
    // The name after the title is found by a search for the last word, which could start
    // inside the title ("Executive x"): left to the steps.
    (!first.contains(last)).then_some(false)
}

/// Whether `name` (already cleaned) names an organisation.
pub(super) fn is_org_name(name: &str) -> bool {
    if is_one_ascii_word(name) {
        return ORG_WORDS_SET.contains(name);
    }
    is_org_name_by_words(name)
}

/// Whether `name` surely names an organisation once cleaned ([`clean_name`], then
/// [`without_nickname`]): its last word, after its last ASCII space, is an organisation word
/// ("United States"). Cleaning keeps a name's last word unless it is a nickname or a word that
/// is no name, and no organisation word is either. `false` tells nothing: unlike
/// [`is_org_name_by_words`], this splits at ASCII spaces only (a byte search, asked of every
/// name), so a last word after another white space ("Acme\u{a0}Corp") is not told here.
pub(super) fn surely_org_name(name: &str) -> bool {
    let last = name.bytes().rposition(is_ascii_space).map_or(0, |space| space + 1);
    ORG_WORDS_SET.contains(&name[last..])
}

/// [`is_org_name`] word by word, for any name.
fn is_org_name_by_words(name: &str) -> bool {
    name.split_whitespace()
        .next_back()
        .is_some_and(|w| ORG_WORDS_SET.contains(w))
}

/// `name` without leading words that are not names ("The Justice Department" → "Justice
/// Department"); empty when nothing is left.
pub(super) fn clean_name(name: &str) -> &str {
    if is_one_ascii_word(name) {
        return if NOT_NAMES_SET.contains(name) { "" } else { name };
    }
    clean_name_by_words(name)
}

/// Whether cleaning a name drops `first` from its front: a word that names nobody, "the", or
/// an owner's ("Google's").
fn drops_first_word(first: &str) -> bool {
    NOT_NAMES_SET.contains(first) || first.eq_ignore_ascii_case("the") || first.ends_with("'s") || first.ends_with("’s")
}

/// [`clean_name`] word by word, for any name.
fn clean_name_by_words(name: &str) -> &str {
    let mut rest = name.trim();
    while let Some((first, tail)) = first_word_and_tail(rest) {
        if !drops_first_word(first) {
            break;
        }
        rest = tail.trim_start();
    }
    if NOT_NAMES_SET.contains(rest) {
        ""
    } else {
        rest
    }
}

/// `text` split at its first white space character, as `split_once(char::is_whitespace)`
/// splits it; an ASCII `text` (most names) is searched byte by byte, without decoding
/// characters.
fn first_word_and_tail(text: &str) -> Option<(&str, &str)> {
    if !text.is_ascii() {
        return text.split_once(char::is_whitespace);
    }
    // ASCII white space is one byte: the tail starts right after it.
    let at = text.bytes().position(is_ascii_space)?;
    Some((&text[..at], &text[at + 1..]))
}

/// `name` without a nickname in marks: `Tom "Tank" Ortiz` is Tom Ortiz.
pub(super) fn without_nickname(name: &str) -> Cow<'_, str> {
    // Most names have no nickname and single spaces already: borrowed as they are.
    if is_plain_name(name) {
        return Cow::Borrowed(name);
    }
    let words: Vec<&str> = name.split_whitespace().filter(|w| !w.starts_with(['"', '“'])).collect();
    Cow::Owned(words.join(" "))
}

/// Whether `name` is its words joined by single spaces, with no quotation mark (so no
/// nickname): what [`without_nickname`] would make of it. One pass over the characters.
fn is_plain_name(name: &str) -> bool {
    if name.is_ascii() {
        return is_plain_ascii_name(name.as_bytes());
    }
    is_plain_name_by_chars(name)
}

/// [`is_plain_name`] character by character, for any name.
fn is_plain_name_by_chars(name: &str) -> bool {
    let mut after_space = true; // a leading space is not plain
    for c in name.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() || c == '"' || c == '“' {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || name.is_empty()
}

/// [`is_plain_name`] of an ASCII name, byte by byte (the curly mark is not ASCII).
fn is_plain_ascii_name(name: &[u8]) -> bool {
    let mut after_space = true; // a leading space is not plain
    for &b in name {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if is_ascii_space(b) || b == b'"' {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || name.is_empty()
}

/// What kind of reference a cue makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reference {
    /// A name as written ("John Frank", "Frank", "Microsoft").
    Name,
    /// "he", "she".
    Pronoun,
    /// "the spokeswoman".
    Title,
    /// "one privacy researcher": a speaker the article does not name.
    Unnamed,
}

/// A cue found next to a quote.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cue {
    /// Who, as written.
    pub who: String,
    /// What kind of reference `who` is.
    pub reference: Reference,
    /// The role from an appositive at the cue.
    pub role: Option<String>,
    /// The reporting verb, if the cue has one.
    pub verb: Option<String>,
}

/// A cue right after a quote's closing mark (or starting the next sentence).
pub(super) fn cue_after(window: &str) -> Option<Cue> {
    let start = window.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    let verb_first = starts_with_verb(start);
    // [`SUBJECT_VERB`] cannot match a window that starts with a verb (after spaces and
    // commas): its subject starts there, and is a capitalised name or one of a few lower-case
    // words followed by a space or comma ("the", "he", "an", "officials"), none of them a verb.
    if !verb_first && may_start_subject(start) {
        if let Some(cue) = cue_by(&SUBJECT_VERB, window, subject_verb_by_hand(window), false) {
            return Some(cue);
        }
    }
    // The other patterns start with a verb, "according to" or a dash: a window starting
    // otherwise is spared their searches.
    if verb_first {
        let titled = may_name_a_title(start)
            .then(|| VERB_TITLE_SUBJECT.captures(window))
            .flatten()
            .filter(|c| ROLE_WORD.is_match(&c["title"]));
        if let Some(c) = titled {
            if let Some(mut cue) = make_cue(&c, "who", "role", "cue", true) {
                cue.role = c.name("title").map(|t| t.as_str().trim().to_owned());
                return Some(cue);
            }
        }
        if let Some(cue) = cue_by(&VERB_SUBJECT, window, verb_subject_by_hand(window), true) {
            return Some(cue);
        }
    }
    if start.starts_with("according") {
        if let Some(cue) = cue_by(&ACCORDING_TO, window, None, true) {
            return Some(cue);
        }
    }
    if window.trim_start().starts_with(['—', '–']) {
        // Searched as written: its dashes have no stand-in ([`hand::groups_of`]).
        return DASH_NAME
            .captures(window)
            .and_then(|c| make_cue(&c, "who", "role", "cue", true));
    }
    None
}

/// Whether [`VERB_TITLE_SUBJECT`] may match a window whose text from its verb on is
/// `from_verb`: its title ends with a white space and a lower-case word (`\s+[\p{Ll}-]+\s+`), and
/// neither the title nor the name after it holds a comma. Told by the bytes up to the first
/// comma when they are ASCII (else the search decides): most windows that a verb starts name
/// the speaker right after it ("said Grace Castro, deputy general counsel"), where the capture
/// search failed for some 670 instructions.
fn may_name_a_title(from_verb: &str) -> bool {
    let bytes = from_verb.as_bytes();
    let before_comma = &bytes[..memchr::memchr(b',', bytes).unwrap_or(bytes.len())];
    !before_comma.is_ascii()
        || before_comma
            .windows(2)
            .any(|pair| is_ascii_space(pair[0]) && (pair[1].is_ascii_lowercase() || pair[1] == b'-'))
}

/// The cue `pattern` finds in `window`: made from `by_hand`, the groups a hand reader found, when
/// it read the window, and from the pattern's capture groups otherwise.
fn cue_by(pattern: &Pattern, window: &str, by_hand: Option<Groups>, role_runs_on: bool) -> Option<Cue> {
    match by_hand {
        Some(groups) => cue_of(&groups, role_runs_on),
        None => cue_groups(pattern, window).and_then(|groups| cue_of(&groups, role_runs_on)),
    }
}

/// The groups of [`SUBJECT_VERB`] in `window`, read by hand in its common forms (a
/// name or "he" or "she", or one and a role between commas, then a reporting verb: `Hale
/// added`, `he said`, `Jane Doe, the counsel, said`), on any text; `None` when the window takes
/// the pattern (other forms, or no match). The first alternatives of `who` that can match a
/// name are a title, which starts with "the", and the name itself; the name is greedy and what
/// follows it cannot extend it, so its longest reading is the one the pattern takes. A
/// lower-case "he" or "she" is no title or name, and the alternatives after it start with
/// other letters: it is the `who` of any match.
fn subject_verb_by_hand(window: &str) -> Option<Groups<'_>> {
    let bytes = window.as_bytes();
    let start = spaces_and_commas(bytes);
    let rest = &window[start..];
    if rest.starts_with("the") || rest.starts_with("The") {
        return None;
    }
    let pronoun = ["he", "she"].into_iter().find(|p| rest.starts_with(p));
    let end = match pronoun {
        Some(p) => start + p.len(),
        None => name_at(bytes, start)?,
    };
    let (role, verb) = role_and_verb_by_hand(&window[end..])?;
    Some(Groups {
        who: Some(&window[start..end]),
        role,
        of: None,
        verb: Some(verb),
    })
}

/// How many bytes of `[\s,]*` start `bytes`.
fn spaces_and_commas(bytes: &[u8]) -> usize {
    let mut at = 0;
    loop {
        let len = if bytes.get(at) == Some(&b',') {
            1
        } else {
            count_spaces(bytes, at)
        };
        if len == 0 {
            return at;
        }
        at += len;
    }
}

/// The role and verb after a name (`after` starts right after it), as the pattern's
/// `{role}\s+(?P<cue>{VERB})\b` reads them in the forms `, role, said` (the group
/// `,\s*(?P<role>[^,;\x22“”«»]{2,120}?),`, read by [`role_between_commas`]) and ` said`; `None`
/// otherwise, "of" and a name included (the pattern decides those).
fn role_and_verb_by_hand(after: &str) -> Option<(Option<&str>, &str)> {
    if after.starts_with(',') {
        let (role, comma) = role_between_commas(after)??;
        return Some((Some(role), spaces_then_verb(&after[comma + 1..])?));
    }
    if after[count_spaces(after.as_bytes(), 0)..].starts_with("of") {
        return None;
    }
    Some((None, spaces_then_verb(after)?))
}

/// The groups of [`VERB_SUBJECT`] in `window` when its `who` is a name (`said Jane Doe,
/// general counsel at Acme.`); `None` when the window takes the pattern. The name comes
/// first among the alternatives of `who` and all that follows it is optional, so its greedy
/// reading is the match; the role runs greedily to the first quotation mark, 160 characters
/// at most. Read in any script: on real pages the window after a quote seldom is ASCII.
fn verb_subject_by_hand(window: &str) -> Option<Groups<'_>> {
    let bytes = window.as_bytes();
    let start = bytes.iter().take_while(|&&b| is_ascii_space(b) || b == b',').count();
    let verb_end = start + bytes[start..].iter().take_while(|b| b.is_ascii_lowercase()).count();
    let verb = &window[start..verb_end];
    let spaces = count_spaces(bytes, verb_end);
    if !VERBS.contains(verb) || spaces == 0 || window[verb_end + spaces..].starts_with("the") {
        return None;
    }
    let name_start = verb_end + spaces;
    let name_end = name_at(bytes, name_start)?;
    let who = Some(&window[name_start..name_end]);
    let mut groups = Groups {
        who,
        role: None,
        of: None,
        verb: Some(verb),
    };
    if bytes.get(name_end) == Some(&b',') {
        let spaces = count_spaces(bytes, name_end + 1);
        let role_start = name_end + 1 + spaces;
        let run = &window[role_start..hand::stop_or_mark(bytes, role_start, b"").unwrap_or(window.len())];
        // Up to 160 bytes hold at most 160 characters: counted only in a longer run.
        let role = if run.len() > 160 {
            run.char_indices().nth(160).map_or(run, |(cut, _)| &run[..cut])
        } else {
            run
        };
        // Under two characters, the role would take back spaces: the pattern decides.
        role.chars().nth(1)?;
        groups.role = Some(role);
    }
    Some(groups)
}

/// The verb of `\s+(?P<cue>VERB)\b` at the start of `text`.
pub(super) fn spaces_then_verb(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let spaces = count_spaces(bytes, 0);
    let end = spaces + bytes[spaces..].iter().take_while(|&&b| is_word_byte(b)).count();
    // (A word character outside ASCII after the ASCII ones leaves no `\b` after them.)
    let whole = !word_character_at(bytes, end);
    (spaces > 0 && whole && VERBS.contains(&text[spaces..end])).then(|| &text[spaces..end])
}

/// The groups of the first pattern of [`LEAD_IN`] in a `lead` that opens with a name,
/// read by hand in its common forms: `Marcus Hale, Google's chief privacy officer, said: ` and
/// `Marcus Hale said on Tuesday: `; `None` when the lead takes the pattern. The pattern's
/// opening clause and descriptor are lazy, so a reading without them comes first; then, as in
/// [`subject_verb_by_hand`], the name's greedy reading, the role and the verb; the rest up to
/// the colon or comma that ends the lead may be any 80 characters but a quotation mark.
fn lead_in_by_hand(lead: &str) -> Option<Groups<'_>> {
    if lead.starts_with("the") || lead.starts_with("The") {
        return None;
    }
    let bytes = lead.as_bytes();
    let end = name_at(bytes, 0)?;
    let who = Some(&lead[..end]);
    let (role, verb) = role_and_verb_by_hand(&lead[end..])?;
    let verb_end = verb.as_ptr() as usize - lead.as_ptr() as usize + verb.len();
    let rest = lead[verb_end..].trim_end();
    let between = rest.strip_suffix([':', ','])?;
    if between.chars().count() > 80 || between.contains(['"', '“', '”', '«', '»']) {
        return None;
    }
    Some(Groups {
        who,
        role,
        of: None,
        verb: Some(verb),
    })
}

/// The reporting verbs of [`VERB`], one by one.
pub(super) static VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    let alternatives = VERB.trim_start_matches("(?:").trim_end_matches(')');
    WordSet::new(alternatives.split('|').flat_map(|v| match v.split_once("[sz]") {
        Some((a, b)) => vec![format!("{a}s{b}"), format!("{a}z{b}")],
        None => vec![v.to_owned()],
    }))
});

/// Whether `text` starts with a reporting verb and a space, as the patterns that start with
/// `(?P<cue>{VERB})\s+` need.
fn starts_with_verb(text: &str) -> bool {
    let end = text.find(|c: char| !c.is_ascii_lowercase()).unwrap_or(text.len());
    VERBS.contains(&text[..end]) && text[end..].starts_with(char::is_whitespace)
}

/// A cue in the sentence before a quote's opening mark, ending right at it.
pub(super) fn cue_before(lead: &str) -> Option<Cue> {
    // Every lead-in ends with a colon or a comma right before the quote; a quote run into its
    // sentence ("called it \"a disaster\"") is spared the five patterns. (`\s` in the patterns
    // and `trim_end` both mean Unicode White_Space.)
    let trimmed = lead.trim_end();
    if !trimmed.ends_with([':', ',']) {
        return None;
    }
    let by_hand = lead_in_by_hand(lead);
    if let Some(cue) = by_hand.and_then(|groups| cue_of(&groups, false)) {
        return Some(cue);
    }
    // The first pattern, when read by hand, gave no cue.
    let untried = usize::from(by_hand.is_some());
    let colon = trimmed.ends_with(':');
    LEAD_IN
        .iter()
        .enumerate()
        .skip(untried)
        .filter(|&(k, _)| {
            let may = may_lead_in(k, lead, colon);
            #[cfg(test)]
            if !may {
                tests::LEAD_INS_SPARED.with(|n| {
                    n.set({
                        let mut spared = n.get();
                        spared[k] += 1;
                        spared
                    })
                });
            }
            may
        })
        .find_map(|(_, re)| cue_groups(re, lead).and_then(|groups| cue_of(&groups, false)))
}

/// Whether pattern `k` of [`LEAD_IN`] may match `lead`, told without a search from how the
/// lead starts and whether it ends with a colon (`colon`; else with a comma, then spaces):
/// the second pattern starts with "according to" and ends with a comma, the last two end with
/// a colon. On real pages a failing capture search cost thousands of instructions.
fn may_lead_in(k: usize, lead: &str, colon: bool) -> bool {
    match k {
        1 => !colon && (lead.starts_with("According") || lead.starts_with("according")),
        3 | 4 => colon,
        _ => true,
    }
}

/// The subject of the sentence before a quote, if it is a name followed by a verb.
/// `person` tells whether a name is a known or full personal name; only those, or a subject
/// with a reporting verb, count ("Brad Smith was blunt." but not "Microsoft handed over...").
pub(super) fn subject_of(sentence: &str, mut person: impl FnMut(&str) -> bool) -> Option<Cue> {
    SUBJECT_FIRST.iter().enumerate().find_map(|(k, re)| {
        let at = subject_start(sentence, k).filter(|&at| may_start_who(&sentence[at..]))?;
        let groups = subject_first_by_hand(sentence, at)
            .or_else(|| may_have_subject(sentence.as_bytes(), k, at).then(|| cue_groups(re, sentence))?)?;
        let mut cue = cue_of(&groups, false)?;
        let verb = cue.verb.take().unwrap_or_default();
        if REPORTING.is_match(&verb) {
            cue.verb = Some(verb);
        } else if cue.reference != Reference::Name || !person(&cue.who) {
            return None;
        }
        Some(cue)
    })
}

/// Whether pattern `k` of [`SUBJECT_FIRST`] may match `sentence` (as bytes), whose subject
/// would start at `at` ([`subject_start`]), told without a search: its `who` must start where
/// "the", "he" or "she" (in either case) or a name ([`name_at`]) does, either at `at` or, in
/// the first pattern, after the descriptor: one of its words, spaces, and one to three runs
/// of `[\p{Ll}'’-]` each followed by spaces (a run is whole, as a space must follow it). After
/// a first clause ("Asked about it, she"), the word that starts the second is most often none
/// of those ("which", "but", "it"), and the capture search cost thousands of instructions.
fn may_have_subject(sentence: &[u8], k: usize, at: usize) -> bool {
    let may_start_at = |p: usize| {
        let rest = &sentence[p..];
        let word = |w: &[u8]| {
            rest.starts_with(w) || (rest.first() == Some(&w[0].to_ascii_uppercase()) && rest[1..].starts_with(&w[1..]))
        };
        word(b"the") || word(b"he") || word(b"she") || name_at(sentence, p).is_some()
    };
    if may_start_at(at) {
        return true;
    }
    if k != 0 {
        return false;
    }
    let first = sentence[at..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if !DESCRIPTOR_WORDS.contains(&&sentence[at..at + first]) {
        return false;
    }
    let mut p = at + first;
    for _ in 0..3 {
        let spaces = count_spaces(sentence, p);
        let word = hand::title_word_len(sentence, p + spaces);
        if spaces == 0 || word == 0 {
            return false;
        }
        p += spaces + word;
        let spaces = count_spaces(sentence, p);
        if spaces == 0 {
            return false;
        }
        if may_start_at(p + spaces) {
            return true;
        }
    }
    false
}

/// The words of [`DESCRIPTOR`] before its run of lower-case words.
const DESCRIPTOR_WORDS: [&[u8]; 14] = [
    b"Her", b"her", b"His", b"his", b"Their", b"their", b"Its", b"its", b"The", b"the", b"A", b"a", b"An", b"an",
];

/// The groups of a pattern of [`SUBJECT_FIRST`] in `sentence`, whose subject starts at `at`
/// ([`subject_start`]), read by hand in its common forms: a name, or a title of one word after
/// "the", then a role between commas or none, then a lower-case word (`Brad Smith, Microsoft's
/// president, was blunt.`, `The company declined...`); `None` when the sentence takes the
/// pattern. The descriptor before the subject is lazy, so a reading without it comes first;
/// the first alternative of `who`, a title, takes as few words as it can; a name takes as many
/// as it can, and what follows it cannot extend it. A capture search cost thousands of
/// instructions a sentence, most of all on text outside ASCII.
fn subject_first_by_hand(sentence: &str, at: usize) -> Option<Groups<'_>> {
    let who_end = who_at(sentence.as_bytes(), at)?;
    let (role, verb) = role_and_word_by_hand(sentence, who_end)?;
    Some(Groups {
        who: Some(&sentence[at..who_end]),
        role,
        of: None,
        verb: Some(verb),
    })
}

/// Where the first reading of `{TITLE}|(?:[Tt]he\s+)?{NAME}` at `at` in UTF-8 `bytes` ends: "the"
/// and the title's first word, when a title word follows "the" (the title's other words are
/// lazy); or else the name after "the", or the name at `at`.
fn who_at(bytes: &[u8], at: usize) -> Option<usize> {
    let the = bytes[at..].starts_with(b"the") || bytes[at..].starts_with(b"The");
    let spaces = if the { count_spaces(bytes, at + 3) } else { 0 };
    if spaces == 0 {
        return name_at(bytes, at);
    }
    let word = at + 3 + spaces;
    match hand::title_word_len(bytes, word) {
        0 => name_at(bytes, word),
        len => Some(word + len),
    }
}

/// The role and the word after a subject ending at `end` of `sentence`, as the pattern's
/// `{role},?\s+(?P<cue>\p{Ll}+)\b` first reads them: a role between commas and a lower-case
/// word after it, or else a lower-case word right after the subject (after a comma or not);
/// `None` when not told so: a role with characters outside ASCII before its end, "of" after the
/// subject (the pattern decides those), or no lower-case word where one is read.
fn role_and_word_by_hand(sentence: &str, end: usize) -> Option<(Option<&str>, &str)> {
    let after = &sentence[end..];
    let bytes = after.as_bytes();
    if after.starts_with(',') {
        let role = role_between_commas(after)?;
        if let Some((role, comma)) = role {
            if let Some(word) = lowercase_word_after(after, comma + 1) {
                return Some((Some(role), word));
            }
        }
    } else if after[count_spaces(bytes, 0)..].starts_with("of") {
        return None;
    }
    Some((None, lowercase_word_after(after, 0)?))
}

/// The role of `,\s*(?P<role>[^,;\x22“”«»]{2,120}?),` at the start of `after` (which starts with
/// a comma), and where the comma that ends it stands: `Some(None)` when the role surely does
/// not match there, `None` when not told (fewer than two characters after the spaces: the
/// role would take some of them back). The role holds no stop, so it runs to the first one,
/// which must be a comma.
fn role_between_commas(after: &str) -> Option<Option<(&str, usize)>> {
    let Some(stop) = hand::stop_or_mark(after.as_bytes(), 1, b",;") else {
        return Some(None);
    };
    let start = 1 + count_spaces(after.as_bytes(), 1);
    let role = &after[start.min(stop)..stop];
    let characters = role.chars().count();
    if characters < 2 {
        return None;
    }
    let comma = after.as_bytes()[stop] == b',';
    Some((comma && characters <= 120).then_some((role, stop)))
}

/// The word of `,?\s+(?P<cue>\p{Ll}+)\b` at `i` of `text`.
fn lowercase_word_after(text: &str, i: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let i = i + usize::from(bytes.get(i) == Some(&b','));
    let spaces = count_spaces(bytes, i);
    let end = hand::lowercase_word_at(bytes, i + spaces).filter(|_| spaces > 0)?;
    Some(&text[i + spaces..end])
}

/// Whether `text` starts with a character that the `who` of a cue pattern may start with: an
/// ASCII letter or a capital (`\p{Lu}`). Every alternative of `who` (and of the descriptor
/// before it) starts with one: a name with a capital, the others with words in ASCII letters.
/// A test without a search: on text with letters outside ASCII, a capture search that fails
/// at its first character still costs a pass of the slow engines over the whole window.
fn may_start_who(text: &str) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_alphabetic() || capital_at(text.as_bytes(), 0))
}

/// The lower-case words that the `who` of [`SUBJECT_VERB`] may start with: "the" of a title
/// or before a name, "he", "she", the articles and numbers of [`UNNAMED`], and [`GROUPS`].
static LOWERCASE_SUBJECTS: LazyLock<WordSet> = LazyLock::new(|| {
    let words = ["the", "he", "she", "a", "an", "one", "another"];
    WordSet::new(words.into_iter().chain(GROUPS.iter().copied()))
});

/// Whether [`SUBJECT_VERB`] may match a window whose spaces and commas end where `start`
/// starts ([`may_start_who`]), told without a search: when an ASCII lower-case letter starts
/// it, the run of such letters there must be one of [`LOWERCASE_SUBJECTS`], as a space, a
/// comma or a word boundary follows each of those words in the pattern. After a quote, the
/// words that run on its sentence ("and", "because", "after") are most often so: each spared a
/// capture search.
fn may_start_subject(start: &str) -> bool {
    let bytes = start.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_lowercase) {
        return may_start_who(start);
    }
    let end = bytes.iter().take_while(|b| b.is_ascii_lowercase()).count();
    LOWERCASE_SUBJECTS.contains(&start[..end])
}

/// Where the subject of pattern `k` of [`SUBJECT_FIRST`] would start in `sentence`, told
/// without a search; `None` when the pattern cannot match. Pattern 0 starts its subject (or
/// the descriptor before it) at the start; pattern 1 after the first comma and the spaces
/// after it, which the pattern reads as `^[^,\x22“”«»]{2,60},\s+`: the comma stands after
/// 2 to 60 characters, none of them a quotation mark, and the spaces are all those after it
/// (no subject starts with a space).
fn subject_start(sentence: &str, k: usize) -> Option<usize> {
    if k == 0 {
        return Some(0);
    }
    // Read by the bytes: the characters are counted at the bytes that start one, and the
    // quotation marks outside ASCII told by their bytes ("“" E2 80 9C, "”" E2 80 9D, "«" C2 AB,
    // "»" C2 BB).
    let bytes = sentence.as_bytes();
    let mut n = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b & 0xC0 == 0x80 {
            continue;
        }
        if n == 61 {
            break;
        }
        match b {
            b',' if n >= 2 => {
                let spaces = count_spaces(bytes, i + 1);
                return (spaces > 0).then_some(i + 1 + spaces);
            }
            b',' | b'"' => return None,
            0xE2 if matches!(bytes[i + 1..], [0x80, 0x9C | 0x9D, ..]) => return None,
            0xC2 if matches!(bytes[i + 1..], [0xAB | 0xBB, ..]) => return None,
            _ => {}
        }
        n += 1;
    }
    None
}

/// A cue a few words into the sentence after a quote ("That was how he described it").
pub(super) fn cue_later(sentence: &str) -> Option<Cue> {
    // Most quotes have no sentence after them to look in: the pattern matches no empty one.
    if sentence.is_empty() {
        return None;
    }
    cue_of(&cue_groups(&LATER_CUE, sentence)?, false)
}

/// The groups of `pattern`'s first match in `window` that a [`Cue`] is made from.
fn cue_groups<'w>(pattern: &Pattern, window: &'w str) -> Option<Groups<'w>> {
    let [who, role, of, verb] = hand::groups_of(pattern, window, ["who", "role", "of", "cue"])?;
    Some(Groups { who, role, of, verb })
}

fn make_cue(c: &regex::Captures, who: &str, role: &str, verb: &str, role_runs_on: bool) -> Option<Cue> {
    let groups = Groups {
        who: c.name(who).map(|m| m.as_str()),
        role: c.name(role).map(|m| m.as_str()),
        of: c.name("of").map(|m| m.as_str()),
        verb: c.name(verb).map(|m| m.as_str()),
    };
    cue_of(&groups, role_runs_on)
}

/// The groups of a cue pattern's match that a [`Cue`] is made from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Groups<'t> {
    who: Option<&'t str>,
    role: Option<&'t str>,
    of: Option<&'t str>,
    verb: Option<&'t str>,
}

/// The cue of a match's groups; `None` when `who` is no name after all.
fn cue_of(c: &Groups, role_runs_on: bool) -> Option<Cue> {
    let written = trimmed(c.who?);
    let reference = reference_of(written);
    let (who, title_role) = match reference {
        // Most names at a cue are plain words: cleaned, cut and split in one pass.
        Reference::Name => match plain_cue_name(written) {
            Some("") => return None,
            Some(name) => (Cow::Borrowed(name), None),
            None => name_by_steps(written)?,
        },
        _ => (without_nickname(written), None),
    };
    Some(Cue {
        who: who.into_owned(),
        reference,
        role: cue_role(c, reference, role_runs_on, title_role),
        verb: c.verb.map(str::to_owned),
    })
}

/// The speaker's name in a name at a cue (`written`, trimmed), and the title split off its
/// front, by [`clean_name`], the cut of a sentence's period, [`split_title`] and
/// [`without_nickname`]; `None` when nothing of a name is left.
fn name_by_steps(written: &str) -> Option<(Cow<'_, str>, Option<String>)> {
    let cleaned = clean_name(written);
    if cleaned.is_empty() {
        return None;
    }
    // "said Ed." ends the sentence; "John F." keeps its initial.
    let last = &cleaned[cleaned.bytes().rposition(|b| b == b' ').map_or(0, |i| i + 1)..];
    let cut = if last.len() > 2 {
        cleaned.trim_end_matches('.')
    } else {
        cleaned
    };
    let (name, title_role) = split_title(cut);
    Some((without_nickname(name), title_role))
}

/// The role of a cue made of `c`: its appositive, else its "of" phrase, else `title_role`
/// (the title split off the name).
fn cue_role(c: &Groups, reference: Reference, role_runs_on: bool, title_role: Option<String>) -> Option<String> {
    c.role
        .filter(|_| reference != Reference::Unnamed)
        .map(|r| {
            if role_runs_on {
                role_up_to_clause_end(r)
            } else {
                r.trim()
            }
        })
        .filter(|r| !r.is_empty() && !r.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_owned)
        .or_else(|| c.of.map(str::to_owned))
        .or(title_role)
}

/// `text.trim()`, told without the search when `text` starts and ends with a visible ASCII
/// character (most cue groups): no white space can stand at either end.
fn trimmed(text: &str) -> &str {
    let bytes = text.as_bytes();
    let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    if visible(bytes.first()) && visible(bytes.last()) {
        return text;
    }
    text.trim()
}

/// What [`cue_of`] makes of a name at a cue (`written`, trimmed) by [`clean_name`], the cut of
/// a sentence's period, [`split_title`] and [`without_nickname`], told in one pass over its
/// bytes when it is plain: ASCII words with no quotation mark, joined by single spaces, whose
/// first word is no word to clean off (for a name of several words), whose words hold no title
/// word, and whose last word is not all periods. `Some("")` for a word that is no name; `None`
/// for any other name, which the four steps read. Each of them would read the name again.
/// The words before the last are looked up as the pass ends them (a search of the spaces
/// again cost some two hundred instructions a name).
fn plain_cue_name(written: &str) -> Option<&str> {
    let bytes = written.as_bytes();
    let mut first_end = bytes.len();
    let mut last_start = 0;
    let mut after_space = true; // a leading space is not plain
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            // a word before a space is no name's last, of a name of several words
            if after_space || TITLE_WORDS_SET.contains(&written[last_start..i]) {
                return None;
            }
            first_end = first_end.min(i);
            last_start = i + 1;
            after_space = true;
        } else if !b.is_ascii() || b == b'"' || is_ascii_space(b) {
            return None;
        } else {
            after_space = false;
        }
    }
    if after_space {
        return None; // empty, or a trailing space
    }
    let first = &written[..first_end];
    let one_word = last_start == 0;
    if one_word && NOT_NAMES_SET.contains(first) {
        return Some("");
    }
    // Cleaning would drop such a first word: left to the steps.
    if !one_word && drops_first_word(first) {
        return None;
    }
    // "said Ed." ends the sentence; "John F." keeps its initial.
    let name = if bytes.len() - last_start > 2 {
        written.trim_end_matches('.')
    } else {
        written
    };
    if name.len() <= last_start {
        return None; // the last word was all periods
    }
    // One word is never split at a title; the words before the last were looked up above.
    if !one_word && TITLE_WORDS_SET.contains(&name[last_start..]) {
        return None;
    }
    Some(name)
}

/// What kind of reference `written` (a cue's `who`, trimmed) makes: a pronoun, a title ("the
/// spokeswoman"), a speaker described ("one researcher", "officials"), or else a name. An ASCII
/// `who` (most) is compared without lowering it into a new string: the lower case of ASCII text
/// is its ASCII lower case.
fn reference_of(written: &str) -> Reference {
    if !written.is_ascii() {
        return reference_of_lowered(written);
    }
    let is = |word: &str| written.eq_ignore_ascii_case(word);
    if is("he") || is("she") {
        return Reference::Pronoun;
    }
    let the = written.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("the "));
    if the && !written[4..].starts_with(char::is_uppercase) {
        return Reference::Title;
    }
    // `written` is trimmed: its first word ends at its first space.
    let first = &written[..written.bytes().position(is_ascii_space).unwrap_or(written.len())];
    let described = ["a", "an", "one", "another"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w));
    if described || GROUPS.iter().any(|g| is(g)) {
        return Reference::Unnamed;
    }
    Reference::Name
}

/// [`reference_of`] of any `who`, lowered first.
fn reference_of_lowered(written: &str) -> Reference {
    let lower = written.to_lowercase();
    if matches!(lower.as_str(), "he" | "she") {
        Reference::Pronoun
    } else if lower.starts_with("the ") && !written[4..].starts_with(char::is_uppercase) {
        Reference::Title
    } else if matches!(lower.split_whitespace().next(), Some("a" | "an" | "one" | "another"))
        || GROUPS.contains(&lower.as_str())
    {
        Reference::Unnamed
    } else {
        Reference::Name
    }
}

/// Splits a job title off the front of a name: "Microsoft Chief Executive Satya Nadella" is
/// Satya Nadella, whose role is "Microsoft Chief Executive".
pub(super) fn split_title(name: &str) -> (&str, Option<String>) {
    // One word is never split, title word or not.
    if is_one_ascii_word(name) {
        return (name, None);
    }
    // Most names hold no title word: an ASCII one (most) is told so by its bytes.
    if name.is_ascii() && !ascii_words(name).any(|w| TITLE_WORDS_SET.contains(w)) {
        return (name, None);
    }
    split_title_by_words(name)
}

/// The words of an ASCII `text`, as [`hand::words`] gives them (split at ASCII spaces, which
/// are all the `\s` of ASCII text), split by its bytes: [`hand::words`] reads sixteen bytes at
/// once for each word, which cost some eighty instructions a word of a name.
fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    debug_assert!(text.is_ascii());
    let bytes = text.as_bytes();
    bytes
        .split(|&b| is_ascii_space(b))
        .filter(|w| !w.is_empty())
        .map(move |w| {
            let start = w.as_ptr() as usize - bytes.as_ptr() as usize;
            &text[start..start + w.len()]
        })
}

/// [`split_title`] word by word, for any name.
fn split_title_by_words(name: &str) -> (&str, Option<String>) {
    // Most names hold no title word: found in one pass, with nothing to allocate.
    if !hand::words(name).any(|w| TITLE_WORDS_SET.contains(w)) {
        return (name, None);
    }
    let words: Vec<&str> = hand::words(name).collect();
    let Some(last_title) = words.iter().rposition(|w| TITLE_WORDS_SET.contains(w)) else {
        return (name, None);
    };
    if last_title + 1 >= words.len() {
        return (name, None);
    }
    let role = words[..=last_title].join(" ");
    let rest = &name[name.find(words[last_title + 1]).unwrap_or(0)..];
    (rest, Some(role))
}

/// A role after "said Jane Doe," runs to the end of the sentence, but not into a trailing
/// clause about the statement ("…, in a statement.").
fn role_up_to_clause_end(role: &str) -> &str {
    let end = clause_start(role);
    role[..end].trim().trim_end_matches(['.', ','])
}

/// Where a role's trailing clause or sentence ends it. Read by hand ([`clause_start`]); the
/// pattern is what the tests hold the reader to.
#[cfg(test)]
static CLAUSE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(&format!(r",\s+(?:{})\b|[.;]\s|[.;]$", CLAUSE_WORDS.join("|"))).unwrap());

/// The words that open a clause after a comma in `CLAUSE`.
const CLAUSE_WORDS: [&str; 10] = [
    "in",
    "on",
    "at",
    "during",
    "when",
    "after",
    "before",
    "adding",
    "speaking",
    "according",
];

/// Where `CLAUSE` first matches in `role` (its length if nowhere), read by hand: at a period
/// or semicolon before a space or at the end, or at a comma before spaces and one of
/// [`CLAUSE_WORDS`] as a whole word. Each alternative starts with its own character, so the
/// first place either fits is the match. A capture search on every role cost thousands; the
/// periods, semicolons and commas are found by `memchr3`, where a test of every byte of the role
/// cost about five instructions a byte.
fn clause_start(role: &str) -> usize {
    let bytes = role.as_bytes();
    let found = memchr::memchr3_iter(b'.', b';', b',', bytes).find(|&i| match bytes[i] {
        b',' => {
            let spaces = count_spaces(bytes, i + 1);
            spaces > 0 && is_clause_word_at(bytes, i + 1 + spaces)
        }
        _ => i + 1 == bytes.len() || count_spaces(bytes, i + 1) > 0,
    });
    found.unwrap_or(bytes.len())
}

/// Whether one of [`CLAUSE_WORDS`] stands at `at` with no word character after it.
fn is_clause_word_at(bytes: &[u8], at: usize) -> bool {
    let run = bytes[at..].iter().take_while(|&&b| is_word_byte(b)).count();
    let word = &bytes[at..at + run];
    CLAUSE_WORDS.iter().any(|w| w.as_bytes() == word) && !word_character_at(bytes, at + run)
}

#[cfg(test)]
mod tests {
    thread_local! {
        /// How many searches of each [`LEAD_IN`] pattern [`cue_before`] spared by
        /// [`may_lead_in`] on this thread.
        pub(super) static LEAD_INS_SPARED: std::cell::Cell<[usize; 5]> = const { std::cell::Cell::new([0; 5]) };
    }

    /// The groups of `pattern`'s match in `window`, as [`Groups`].
    fn groups_by_pattern<'t>(pattern: &Pattern, window: &'t str) -> Option<Groups<'t>> {
        pattern.captures(window).map(|c| Groups {
            who: c.name("who").map(|m| m.as_str()),
            role: c.name("role").map(|m| m.as_str()),
            of: c.name("of").map(|m| m.as_str()),
            verb: c.name("cue").map(|m| m.as_str()),
        })
    }

    /// Windows after quotation marks and commas in corpus/ (cut to ASCII), 300 generated
    /// articles and `extra`.
    fn windows(extra: &[&str]) -> Vec<String> {
        let texts: Vec<String> = crate::gen::sample_texts(300)
            .into_iter()
            .map(|t| t.chars().map(|c| if c.is_ascii() { c } else { '"' }).collect())
            .collect();
        let mut windows: Vec<String> = extra.iter().map(|w| w.to_string()).collect();
        for text in &texts {
            for (i, _) in text.match_indices(['"', ',']) {
                let end = (i + 1 + 200).min(text.len());
                windows.push(text[i + 1..end].to_owned());
            }
        }
        windows
    }

    /// The one pass over a plain name at a cue ([`plain_cue_name`]) answers as the steps it
    /// spares ([`name_by_steps`]): on the names that start at every capital of the windows, and
    /// on names written against each of its conditions (a first word cleaning drops, a title
    /// word, a quotation mark, spaces, a period to cut, a character outside ASCII such as a
    /// no-break space), each of which fails this test when its condition is left out.
    #[test]
    fn plain_cue_names_are_read_as_by_the_steps() {
        let edge_cases = [
            "The Justice Department",
            "the Justice Department",
            "THE Smith",
            "Google's Brad Smith",
            "Smith's",
            "Officials Smith",
            "Chief Executive Satya Nadella",
            "Microsoft Chief Executive Satya Nadella",
            "Satya Nadella Executive",
            "Satya Executive.",
            "Executive",
            "Tom \"Tank\" Ortiz",
            "\"Tank\"",
            "Jane  Doe",
            "Jane\tDoe",
            "Jane Doe ",
            " Jane Doe",
            "Ed.",
            "Ed",
            "John F.",
            "John Fox.",
            "Jane ...",
            "...",
            "A.",
            "Renée Doe",
            "Jane\u{a0}Doe",
            "Tom \u{201c}Tank\u{201d} Ortiz",
            "Google\u{2019}s Brad Smith",
            "Jane Doe\u{2003}",
            "",
            "The",
        ];
        let mut names: Vec<String> = edge_cases.iter().map(|n| n.to_string()).collect();
        for window in windows(&[]) {
            let bytes = window.as_bytes();
            for i in (0..bytes.len()).filter(|&i| bytes[i].is_ascii_uppercase()) {
                if let Some(end) = name_at(bytes, i) {
                    names.push(window[i..end].to_owned());
                }
            }
        }
        let mut plain = 0;
        for name in &names {
            let Some(fast) = plain_cue_name(name) else {
                continue;
            };
            plain += 1;
            // as the cue maps them: an empty name is no name, as the steps' `None`
            let steps = name_by_steps(name).map(|(n, role)| (n.to_string(), role));
            assert_eq!((!fast.is_empty()).then(|| (fast.to_owned(), None)), steps, "{name:?}");
        }
        assert!(plain * 10 >= names.len() * 8, "{plain} of {}", names.len());
    }

    #[test]
    fn cue_patterns_cannot_tell_stand_ins_apart() {
        let mut sources = vec![subject_verb(), verb_subject(), according_to(), later_cue()];
        sources.extend(lead_ins());
        sources.extend(subjects_first());
        for source in &sources {
            hand::assert_stand_ins_alike(source);
        }
    }

    #[test]
    fn cue_groups_with_stand_ins_are_those_of_the_window_as_written() {
        let patterns: Vec<&Pattern> = [&*SUBJECT_VERB, &*VERB_SUBJECT, &*ACCORDING_TO, &*LATER_CUE]
            .into_iter()
            .chain(LEAD_IN.iter())
            .chain(SUBJECT_FIRST.iter())
            .collect();
        let mut windows = Vec::new();
        for text in hand::texts_in_several_scripts(30) {
            for (i, c) in text.char_indices().filter(|&(_, c)| ".”\"\n,".contains(c)) {
                let at = i + c.len_utf8();
                let end = (at + 200..=text.len())
                    .find(|&e| text.is_char_boundary(e))
                    .unwrap_or(text.len());
                windows.push(text[at..end].to_owned());
            }
        }
        let mut stood_in_found = 0;
        for w in &windows {
            let stood_in = !w.is_ascii()
                && w.chars()
                    .all(|c| c.is_ascii() || hand::STAND_INS.iter().any(|s| s.0 == c));
            for &pattern in &patterns {
                let by_pattern = groups_by_pattern(pattern, w);
                assert_eq!(cue_groups(pattern, w), by_pattern, "{w:?}");
                stood_in_found += usize::from(stood_in && by_pattern.is_some());
            }
        }
        assert!(stood_in_found > 60, "{stood_in_found}");
    }

    #[test]
    fn searches_spared_by_first_character_are_searches_that_fail() {
        let mut windows: Vec<String> = [
            "",
            " ",
            ",",
            "Al, the x said",
            "ab, Cd said",
            "Яa, Бб said",
            " he said",
            " hex said",
            " he_ said",
            " officials said",
            " officialsé said",
            " officials_ said",
            " another one said",
            " an official said",
            " one said",
            " ones said",
            " the x said",
            " thé x said",
            " she, a, said",
            " shé said",
            ", police said",
            "A company spokesperson said in an email",
            "A new company spokesperson said",
            "The x y z Jane Doe said",
            "Its  x\u{a0}y Roe said",
            "Their x y z w Roe said",
            "His x’s Roe said",
            "An x-y he said",
            "Amid all this, a news has gone viral",
            "Asked about it, she said no",
            "Asked about it, He said no",
            "Asked about it, THE x said no",
            "Asked about it, tHe x said no",
            "Asked about it, Élodie said no",
            "Asked about it, the x said no",
        ]
        .map(str::to_owned)
        .to_vec();
        windows.extend(GROUPS.iter().map(|g| format!(" {g} said")));
        for text in hand::texts_in_several_scripts(40) {
            // Every stretch after a sentence end, quotation mark, comma or space, up to 160 bytes.
            let starts = text.char_indices().filter(|&(_, c)| ".!?\n\"“”«», —".contains(c));
            for (i, c) in starts {
                let at = i + c.len_utf8();
                let end = (at + 160..=text.len())
                    .find(|&e| text.is_char_boundary(e))
                    .unwrap_or(text.len());
                windows.push(text[at..end].to_owned());
                windows.push(text[at..end].trim_start().to_owned());
            }
        }
        let (mut spared, mut matched, mut outside_ascii, mut lowercase_spared) = (0, 0, 0, 0);
        let mut spared_by_words = 0;
        for w in &windows {
            for (k, pattern) in SUBJECT_FIRST.iter().enumerate() {
                let may = subject_start(w, k).is_some_and(|at| may_start_who(&w[at..]));
                let found = pattern.is_match(w);
                assert!(may || !found, "{k} {w:?}");
                let may_by_words = subject_start(w, k).is_some_and(|at| may_have_subject(w.as_bytes(), k, at));
                assert!(may_by_words || !found, "{k} {w:?}");
                spared_by_words += usize::from(may && !may_by_words);
                spared += usize::from(!may);
                matched += usize::from(found);
                outside_ascii += usize::from(!may && !w.is_ascii());
            }
            let start = w.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
            let found = SUBJECT_VERB.is_match(w);
            assert!(may_start_subject(start) || !found, "{w:?}");
            spared += usize::from(!may_start_subject(start));
            lowercase_spared += usize::from(may_start_who(start) && !may_start_subject(start));
            matched += usize::from(found);
        }
        assert!(LATER_CUE.captures("").is_none());
        assert!(
            spared > 20_000
                && matched > 5_000
                && outside_ascii > 500
                && lowercase_spared > 5_000
                && spared_by_words > 5_000,
            "{spared} {matched} {outside_ascii} {lowercase_spared} {spared_by_words}"
        );
    }

    #[test]
    fn subjects_read_by_hand_are_the_groups_a_capture_search_finds() {
        let mut sentences: Vec<String> = [
            "Brad Smith, Microsoft's president, was blunt.",
            "Brad Smith, Microsoft’s president, was blunt.",
            "Brad Smith, «president», was blunt.",
            "Brad Smith, “president”, was blunt.",
            "Brad Smith, a; b, was blunt.",
            "Brad Smith,  x, was blunt.",
            "Brad Smith,x, was blunt.",
            "Brad Smith, who was, Blunt.",
            "Brad Smith of Microsoft was blunt.",
            "Brad Smith offered",
            "Brad Smith, wasX",
            "Brad Smith was_",
            "Brad Smith wasé",
            "Brad Smith,\u{a0}was blunt.",
            "Ursula von der Leyen was blunt.",
            "Ursula von der Leyen Was",
            "Mr. Smith said.",
            "The company declined to comment.",
            "The company’s lawyer said.",
            "the company's lawyer, Jane, said",
            "The Justice Department said",
            "The 2019 report",
            "Theresa May said",
            "These officials said",
            "Their lawyer said",
            "He said so.",
            "An AT&T spokesman, Mark Siegel, declined.",
            "Asked whether it would, Okafor shrugged.",
            "Asked whether it would, the company declined.",
            "Édouard Philippe, premier ministre, a déclaré.",
            "Андрей Рудьков, владелец двух ресторанов, сказал.",
        ]
        .map(str::to_owned)
        .to_vec();
        for text in hand::texts_in_several_scripts(80) {
            // Every stretch after a sentence end, quotation mark or paragraph, up to 300 bytes.
            let starts = text.char_indices().filter(|&(_, c)| ".!?\n\"“”«»—".contains(c));
            for (i, c) in starts {
                let at = i + c.len_utf8();
                let end = (at + 300..=text.len())
                    .find(|&e| text.is_char_boundary(e))
                    .unwrap_or(text.len());
                sentences.push(text[at..end].trim_start().to_owned());
            }
        }
        let (mut by_hand, mut outside_ascii, mut with_role, mut titles) = (0, 0, 0, 0);
        for sentence in &sentences {
            for (k, pattern) in SUBJECT_FIRST.iter().enumerate() {
                let Some(at) = subject_start(sentence, k).filter(|&at| may_start_who(&sentence[at..])) else {
                    continue;
                };
                if let Some(groups) = subject_first_by_hand(sentence, at) {
                    assert_eq!(Some(groups), groups_by_pattern(pattern, sentence), "{k} {sentence:?}");
                    by_hand += 1;
                    outside_ascii += usize::from(!sentence.is_ascii());
                    with_role += usize::from(groups.role.is_some());
                    titles += usize::from(groups.who.is_some_and(|w| reference_of(w) == Reference::Title));
                }
            }
        }
        assert!(
            by_hand > 5_000 && outside_ascii > 2_000 && with_role > 100 && titles > 300,
            "{by_hand} {outside_ascii} {with_role} {titles}"
        );
    }

    #[test]
    fn lead_ins_read_by_hand_are_the_groups_a_capture_search_finds() {
        let mut leads: Vec<String> = [
            "Marcus Hale, Google's chief privacy officer, said: ",
            "Marcus Hale said on Tuesday that the numbers were, in his words, ",
            "Marcus Hale said: \"x\" and then:",
            "Marcus Hale, x, said:",
            "Marcus Hale,  x, said:",
            "Marcus Hale of Acme said:",
            "Marcus Hale said",
            "Hale, a spokesman; said:",
            "The company said:",
            "An official said:",
            "He said:",
            "Asked about it, Hale said:",
            "Hale said this, and that, and the other, and a long, long list of things more than eighty letters long:",
            "According to Marcus Hale, ",
            "according to Marcus Hale, the spokesman,",
            "According to Hale:",
            "According to Dr. Jane Doe, ",
            "According to the Acme Corp, ",
            "according to Jane Doe, head of policy at Acme,",
            "Asked about it, Hale was blunt: ",
            "Hale, the spokesman, was blunt:",
        ]
        .map(str::to_owned)
        .to_vec();
        leads.extend(
            [
                "Marcus Hale, Google’s chief privacy officer, said: ",
                "Marcus Hale, «x», said: ",
                "Marcus Hale, “x”, said: ",
                "Marcus Hale saidé:",
                "Marcus Hale said “x”:",
                "Marcus Hale said «x»,",
                "Marcus Hale said\u{a0}:\u{a0}",
                "Élodie Hale said, in her wörds, that it was so very long, more than eighty characters long éééé:",
                "Élodie Hale said, in her wörds, that it was long, but eighty characters at most ééééé:",
            ]
            .map(str::to_owned),
        );
        let mut windows: Vec<String> = windows(&[]);
        for text in hand::texts_in_several_scripts(100) {
            windows.extend(text.split_inclusive(['"', '“', '”', '«', '»']).map(str::to_owned));
        }
        for window in &windows {
            if let Some(end) = window.find(['"', '“', '”', '«', '»']) {
                let start = window[..end].rfind(['.', '\n', '?', '!']).map_or(0, |s| s + 1);
                leads.push(window[start..end].trim_start().to_owned());
            }
        }
        // Each lead also with curly apostrophes and no-break spaces, read outside ASCII.
        let outside: Vec<String> = leads
            .iter()
            .flat_map(|l| [l.replace('\'', "’"), l.replace(' ', "\u{a0}")])
            .collect();
        leads.extend(outside);
        let (mut by_hand, mut outside_ascii) = (0, 0);
        // (searches spared by [`may_lead_in`] per pattern, matches of each pattern)
        let (mut spared, mut matched) = ([0; 5], [0; 5]);
        LEAD_INS_SPARED.with(|n| n.set([0; 5]));
        for lead in &leads {
            assert_eq!(cue_before(lead), cue_before_by_all_patterns(lead), "{lead:?}");
            let trimmed = lead.trim_end();
            if trimmed.ends_with([':', ',']) {
                for (k, re) in LEAD_IN.iter().enumerate() {
                    let found = re.is_match(lead);
                    if !may_lead_in(k, lead, trimmed.ends_with(':')) {
                        assert!(!found, "{k} {lead:?}");
                        spared[k] += 1;
                    }
                    matched[k] += usize::from(found);
                }
            }
            if let Some(groups) = lead_in_by_hand(lead) {
                assert_eq!(Some(groups), groups_by_pattern(&LEAD_IN[0], lead), "{lead}");
                by_hand += 1;
                outside_ascii += usize::from(!lead.is_ascii());
            }
        }
        assert!(
            by_hand > 300 && outside_ascii > 150,
            "{} leads, {by_hand} read by hand, {outside_ascii} outside ASCII",
            leads.len()
        );
        // Each spared pattern matches some leads and is spared on many others.
        assert!(
            [1, 3, 4].iter().all(|&k| spared[k] > 100 && matched[k] > 10),
            "{spared:?} {matched:?}"
        );
        // And cue_before itself spared those searches, on many leads.
        let spared_by_cue_before = LEAD_INS_SPARED.with(|n| n.get());
        assert!(
            [1, 3, 4].iter().all(|&k| spared_by_cue_before[k] > 100),
            "{spared_by_cue_before:?}"
        );
    }

    /// [`cue_before`] trying every [`LEAD_IN`] pattern the reading by hand leaves.
    fn cue_before_by_all_patterns(lead: &str) -> Option<Cue> {
        if !lead.trim_end().ends_with([':', ',']) {
            return None;
        }
        let by_hand = lead_in_by_hand(lead);
        if let Some(cue) = by_hand.and_then(|groups| cue_of(&groups, false)) {
            return Some(cue);
        }
        LEAD_IN[usize::from(by_hand.is_some())..]
            .iter()
            .find_map(|re| cue_groups(re, lead).and_then(|groups| cue_of(&groups, false)))
    }

    #[test]
    fn clause_starts_by_hand_are_where_the_pattern_finds_them() {
        let mut roles: Vec<String> = [
            "head of policy at Acme, in a statement.",
            "head of policy, in\u{a0}a statement",
            "head, inx, on; at",
            "head,  during the call",
            "head,in a statement",
            "head, iné a statement",
            "head, in\u{301} a statement",
            "head, in_ x",
            "head, in. x",
            "head, in",
            "head.",
            "head;",
            "head.x; y",
            "head.\u{2009}x",
            "head.\u{200b}x",
            "J.D. Power, a firm",
            "",
            ",",
            ", ",
            ", according",
            ", accordingly",
            "Ñandú, speaking to reporters",
            "head\u{3000}, when asked; more",
        ]
        .map(str::to_owned)
        .to_vec();
        for w in windows(&[]) {
            roles.push(w.clone());
            roles.push(crate::gen::typeset(&w));
        }
        let mut found = 0;
        for role in &roles {
            let by_pattern = CLAUSE.find(role).map_or(role.len(), |m| m.start());
            assert_eq!(clause_start(role), by_pattern, "{role:?}");
            found += usize::from(by_pattern < role.len());
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn no_subject_and_verb_after_a_quote_that_a_verb_starts() {
        let mut extra: Vec<String> = Vec::new();
        for verb in VERBS.iter() {
            for after in [
                " Jane Doe",
                " he said",
                ", she said",
                " the spokeswoman said",
                "\tofficials said",
                " ",
            ] {
                extra.push(format!(" {verb}{after}"));
                extra.push(format!(",\u{a0}{verb}{after} said"));
            }
        }
        let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
        let mut verb_first = 0;
        for window in windows(&extra) {
            let start = window.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
            if starts_with_verb(start) {
                verb_first += 1;
                assert!(SUBJECT_VERB.captures(&window).is_none(), "{window}");
                assert!(subject_verb_by_hand(&window).is_none(), "{window}");
            }
        }
        assert!(verb_first > 600, "{verb_first}");
    }

    /// Where a verb starts the window and [`may_name_a_title`] says the titled pattern cannot
    /// match, its search finds nothing: on the windows after marks and commas, on verbs with
    /// names, titles and spaces of every kind after them, and in other scripts.
    #[test]
    fn titles_spared_by_their_bytes_are_searches_that_fail() {
        let mut extra: Vec<String> = Vec::new();
        for verb in ["said", "added", "says", "told"] {
            for after in [
                " AT&T spokesman Fletcher Cook.",
                " Grace Castro, deputy general counsel at Facebook.",
                " Ana de la Cruz, a lawyer",
                " Microsoft chief executive Satya Nadella",
                " Yahoo -head Ana Cruz",
                " Acme\tchief Ana Cruz",
                " Acme\u{a0}chief Ana Cruz",
                " Acme \u{e9}lu Ana Cruz",
                " Acme  vice president Ana Cruz",
                " Acme Vice President Ana Cruz",
                " Mr. Tom Hale, the head",
                " the head of Acme, Ana Cruz",
                " Acme, chief Ana Cruz",
                " Acme chief, Ana Cruz",
                " Acme chief",
                " ",
                "",
            ] {
                extra.push(format!(", {verb}{after}"));
                extra.push(format!(" \u{a0}{verb}{after}"));
            }
        }
        let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
        let mut windows = windows(&extra);
        for text in hand::texts_in_several_scripts(30) {
            for (i, _) in text.match_indices(" said ") {
                let end = (i + 120..=text.len())
                    .find(|&e| text.is_char_boundary(e))
                    .unwrap_or(text.len());
                windows.push(text[i..end].to_owned());
            }
        }
        let (mut spared, mut searched, mut found) = (0, 0, 0);
        for window in &windows {
            let start = window.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
            if !starts_with_verb(start) {
                continue;
            }
            let matched = VERB_TITLE_SUBJECT.captures(window).is_some();
            if may_name_a_title(start) {
                searched += 1;
                found += usize::from(matched);
            } else {
                spared += 1;
                assert!(!matched, "{window:?}");
            }
        }
        assert!(
            spared > 200 && searched > 200 && found > 30,
            "{spared} {searched} {found}"
        );
    }

    #[test]
    fn cues_after_a_quote_read_by_hand_are_the_groups_a_capture_search_finds() {
        let extra = [
            " Hale added.",
            ", Jane Doe, the company's counsel, said.",
            ", Jane Doe,  x, said.",
            ", Jane Doe,x, said.",
            ", Jane Doe, a; b, said.",
            " He said.",
            " he said.",
            ", she said",
            " she, a spokeswoman, said",
            " he,  x, said",
            " he of Acme said",
            " hex said",
            " he saidx",
            " sheriff said",
            "\u{a0}she\u{a0}said",
            " St. Vincent of Acme said",
            " An official said.",
            " the spokeswoman said.",
            " The Justice Department said",
            " Mr. Smith saidx",
            " Tom \"Tank\" Ortiz said_",
            " said Jane Doe, head of policy at Acme. \"",
            " said Jane Doe,  x",
            " said Jane Doe, ",
            " said Jane Doe,",
            " said the spokeswoman",
            " said Microsoft in a statement.",
            " emphasized Ursula von der Leyen, president",
            " said an official",
            "said Jane",
        ];
        let (mut by_hand, mut windows_seen, mut outside_ascii, mut verb_first_outside_ascii) = (0, 0, 0, 0);
        let mut pronouns = 0;
        let mut windows = windows(&extra);
        windows.extend(
            [
                ", Jane Doe, the company’s counsel, said.",
                ", Jane Doe, «x», said.",
                "said Jane Doe, «x»",
                "said Jane Doe, é",
                "said Jane Doe, éé",
                "said Jane Doe,\u{a0}the company’s counsel “x",
                ", Jane Doe, “x”, said.",
                "\u{a0}Jane Doe\u{a0}said.",
                " Jane Doe saidé",
                " Jane Doe ofé said",
                " Élodie Doe said",
            ]
            .map(str::to_owned),
        );
        for verb in VERBS.iter() {
            windows.push(format!(" he {verb}."));
            windows.push(format!(",\u{a0}she, the company’s counsel, {verb} on Monday"));
        }
        // Roles of 159 to 161 characters, of one or two bytes each.
        for (n, letter) in [159, 160, 161]
            .into_iter()
            .flat_map(|n| [(n, "é"), (n, "e"), (n / 2, "eé")])
        {
            windows.push(format!("said Jane Doe, {}", letter.repeat(n)));
        }
        for text in hand::texts_in_several_scripts(100) {
            for (i, c) in text.char_indices().filter(|&(_, c)| "\"”»,".contains(c)) {
                let at = i + c.len_utf8();
                let end = (at + 200..=text.len())
                    .find(|&e| text.is_char_boundary(e))
                    .unwrap_or(text.len());
                windows.push(text[at..end].to_owned());
                // The same window outside ASCII, by a character past any match.
                windows.push(format!("{}\u{a0}é", &text[at..end]));
            }
        }
        for window in windows {
            windows_seen += 1;
            if let Some(groups) = subject_verb_by_hand(&window) {
                assert_eq!(Some(groups), groups_by_pattern(&SUBJECT_VERB, &window), "{window}");
                by_hand += 1;
                pronouns += usize::from(matches!(groups.who, Some("he" | "she")));
                outside_ascii += usize::from(!window.is_ascii());
            }
            if let Some(groups) = verb_subject_by_hand(&window) {
                assert_eq!(Some(groups), groups_by_pattern(&VERB_SUBJECT, &window), "{window}");
                by_hand += 1;
                verb_first_outside_ascii += usize::from(!window.is_ascii());
            }
        }
        assert!(
            windows_seen > 5_000
                && by_hand > 300
                && outside_ascii > 80
                && verb_first_outside_ascii > 80
                && pronouns > 50,
            "{windows_seen} windows, {by_hand} read by hand ({pronouns} pronouns), {outside_ascii} and \
             {verb_first_outside_ascii} outside ASCII"
        );
    }

    #[test]
    fn the_reporting_verbs_one_by_one_are_what_the_verb_pattern_matches() {
        assert_eq!(VERBS.iter().count(), 57);
        for verb in ["said", "insists", "emphasised", "emphasized", "cautioned", "joked"] {
            assert!(VERBS.contains(verb), "{verb}");
        }
        for verb in VERBS.iter() {
            assert!(REPORTING.is_match(verb), "{verb}");
        }
        for (text, starts) in [
            ("said Jane Doe", true),
            ("emphasized the", true),
            ("emphasised\tthe", true),
            ("emphasied the", false),
            ("saidx Jane", false),
            ("said", false),
            ("said,", false),
            ("Said Jane", false),
            ("sai d", false),
        ] {
            assert_eq!(starts_with_verb(text), starts, "{text}");
        }
    }

    use super::*;

    /// [`subject_start`] as it read the characters, before it read the bytes.
    fn subject_start_by_characters(sentence: &str) -> Option<usize> {
        for (n, (i, c)) in sentence.char_indices().enumerate().take(61) {
            match c {
                ',' if n >= 2 => {
                    let spaces = count_spaces(sentence.as_bytes(), i + 1);
                    return (spaces > 0).then_some(i + 1 + spaces);
                }
                ',' | '"' | '“' | '”' | '«' | '»' => return None,
                _ => {}
            }
        }
        None
    }

    /// The subject after a first clause is found by the bytes where it was by the characters:
    /// in sample sentences, and in clauses of every length around the 61 characters read, of
    /// letters of one to four bytes, with each quotation mark and its neighbours in the table.
    #[test]
    fn subjects_after_a_clause_by_bytes_are_those_by_characters() {
        let mut sentences: Vec<String> = crate::gen::sample_texts(100)
            .iter()
            .flat_map(|t| t.split(". ").map(str::to_owned).collect::<Vec<_>>())
            .collect();
        let letters = [
            "a",
            "\u{e9}",
            "\u{2019}",
            "\u{201e}",
            "\u{1F600}",
            "\u{ab}",
            "\u{2a}",
            "\u{c2}\u{bb}",
        ];
        let marks = [
            ",", "\"", "\u{201c}", "\u{201d}", "\u{ab}", "\u{bb}", "\u{201b}", "\u{aa}",
        ];
        for letter in letters {
            for mark in marks {
                for n in [0, 1, 2, 3, 59, 60, 61, 62] {
                    for after in [", He said", ",\u{a0}She said", " it", ""] {
                        sentences.push(format!("{}{mark}{after}", letter.repeat(n)));
                        sentences.push(format!("{}{after}", letter.repeat(n)));
                    }
                }
            }
        }
        let mut found = 0;
        for s in &sentences {
            assert_eq!(subject_start(s, 1), subject_start_by_characters(s), "{s:?}");
            found += usize::from(subject_start(s, 1).is_some());
        }
        assert!(found > 500, "{found} of {}", sentences.len());
    }

    #[test]
    fn a_plain_name_is_one_without_nickname_leaves_as_it_is() {
        for name in [
            "Tom Ortiz",
            "Tom \"Tank\" Ortiz",
            "Tom “Tank” Ortiz",
            " Tom",
            "Tom ",
            "Tom  Ortiz",
            "Tom\tOrtiz",
            "Tom\u{a0}Ortiz",
            "",
            " ",
            "Tom",
        ] {
            let plain = name
                .split_whitespace()
                .filter(|w| !w.starts_with(['"', '“']))
                .collect::<Vec<_>>()
                .join(" ")
                == name
                && !name.contains(['"', '“']);
            assert_eq!(is_plain_name(name), plain, "{name:?}");
        }
    }

    /// Names and words from corpus/ and generated articles (cut to ASCII where they are not),
    /// every word of the lists, and words near them and outside ASCII.
    fn names_and_words() -> Vec<String> {
        let mut names: Vec<String> = crate::gen::sample_texts(100)
            .iter()
            .flat_map(|t| {
                let t = crate::gen::typeset(t);
                let words: Vec<String> = t.split_whitespace().map(str::to_owned).collect();
                let pairs: Vec<String> = words.windows(2).map(|w| w.join(" ")).collect();
                words.into_iter().chain(pairs).collect::<Vec<_>>()
            })
            .collect();
        for w in NOT_NAMES.iter().chain(TITLE_WORDS).chain(ORG_WORDS) {
            names.extend([
                w.to_string(),
                w.to_lowercase(),
                format!("{w}s"),
                format!("X{w}"),
                format!("{w} Smith"),
            ]);
            names.extend([
                format!("Jane {w}"),
                format!("{w}\u{a0}Smith"),
                format!(" {w}"),
                format!("{w}’s"),
            ]);
        }
        names.extend(
            [
                "",
                " ",
                "Tom",
                "Tom \"Tank\" Ortiz",
                "Tom “Tank” Ortiz",
                "\"Tank\"",
                "Émile",
                "The Émile",
                "Ñ",
            ]
            .map(str::to_owned),
        );
        names.extend(
            [
                "Tom\tOrtiz",
                "Tom  Ortiz",
                "Tom\u{85}",
                "Chief Chief",
                "The The",
                "A",
                "Inc.",
            ]
            .map(str::to_owned),
        );
        names
    }

    #[test]
    fn name_readers_on_one_ascii_word_are_those_word_by_word() {
        let names = names_and_words();
        assert!(names.len() > 20_000, "{}", names.len());
        let mut one_word = 0;
        for name in &names {
            one_word += usize::from(is_one_ascii_word(name));
            assert_eq!(clean_name(name), clean_name_by_words(name), "{name:?}");
            assert_eq!(is_org_name(name), is_org_name_by_words(name), "{name:?}");
            assert_eq!(split_title(name), split_title_by_words(name), "{name:?}");
            assert_eq!(is_plain_name(name), is_plain_name_by_chars(name), "{name:?}");
        }
        assert!(one_word > 10_000, "{one_word}");
    }

    #[test]
    fn ascii_words_by_bytes_are_those_split_at_whitespace() {
        let mut names = names_and_words();
        names.extend(["a\u{b}b", "a\tb\nc  d ", "  ", "a\u{c}\rb"].map(str::to_owned));
        let mut ascii = 0;
        for name in names.iter().filter(|n| n.is_ascii()) {
            let by_whitespace: Vec<&str> = name.split_whitespace().collect();
            assert_eq!(ascii_words(name).collect::<Vec<_>>(), by_whitespace, "{name:?}");
            ascii += 1;
        }
        assert!(ascii > 10_000, "{ascii}");
    }

    #[test]
    fn first_words_by_bytes_are_those_by_characters() {
        let mut names = names_and_words();
        names.extend(
            [
                "Tom\x0bOrtiz",
                "AT&T. Smith",
                "Jean-P. Ortiz",
                "O'Neil. Smith",
                "\u{212a}elvin Smith",
                "\u{17f}mith Jones",
                "Tom\u{a0}Ortiz",
                " Tom  Ortiz ",
                "\tTom\r\nOrtiz\x0c",
            ]
            .map(str::to_owned),
        );
        let (mut ascii_words, mut other_words) = (0, 0);
        for name in &names {
            let by_chars: Vec<&str> = name.split_whitespace().collect();
            assert_eq!(hand::words(name).collect::<Vec<_>>(), by_chars, "{name:?}");
            assert_eq!(
                first_word_and_tail(name),
                name.split_once(char::is_whitespace),
                "{name:?}"
            );
            let several = by_chars.len() > 1;
            ascii_words += usize::from(several && name.is_ascii());
            other_words += usize::from(several && !name.is_ascii());
        }
        assert!(ascii_words > 10_000 && other_words > 20, "{ascii_words} {other_words}");
    }

    #[test]
    fn references_of_ascii_speakers_are_those_told_in_lower_case() {
        let mut whos = names_and_words();
        for text in crate::gen::sample_texts(100) {
            let words: Vec<&str> = text.split_whitespace().collect();
            whos.extend((3..=4).flat_map(|n| words.windows(n).map(|w| w.join(" "))));
        }
        for w in ["he", "she", "the", "a", "an", "one", "another"].iter().chain(GROUPS) {
            let upper = w.to_uppercase();
            whos.extend([
                w.to_string(),
                upper.clone(),
                format!("{upper} x"),
                format!("{w}\tx"),
                format!("{w}s"),
                format!("x {w}"),
                format!("{w} Hale"),
                format!("{w} \u{e9}"),
                format!("{w}\u{a0}x"),
            ]);
        }
        whos.extend(
            [
                "The  Company",
                "the\tspokesman",
                "THE spokeswoman",
                "Th",
                "he ",
                "LAWMA\u{212a}ERS",
            ]
            .map(str::to_owned),
        );
        let mut reached = [0; 4];
        for who in &whos {
            let written = who.trim();
            let reference = reference_of(written);
            assert_eq!(reference, reference_of_lowered(written), "{who:?}");
            reached[reference as usize] += usize::from(written.is_ascii());
        }
        // Names, pronouns, titles, speakers described.
        let floors = [10_000, 10, 1_000, 500];
        assert!(reached.iter().zip(floors).all(|(&n, floor)| n >= floor), "{reached:?}");
    }

    #[test]
    fn names_surely_of_organisations_are_so_once_cleaned() {
        assert!(!ORG_WORDS.iter().any(|w| NOT_NAMES.contains(w)));
        let mut names = names_and_words();
        for text in crate::gen::sample_texts(100) {
            let text = crate::gen::typeset(&text);
            let bytes = text.as_bytes();
            let mut at = 0;
            while let Some(i) = super::super::hand::next_word_capital(bytes, at) {
                let end = name_at(bytes, i).unwrap_or(i + 1);
                names.push(text[i..end].to_owned());
                at = i + 1;
            }
        }
        names.extend(
            [
                "Acme \"Office\"",
                "Acme “Office”",
                "The Office",
                "Office ",
                "Acme Office\u{a0}",
            ]
            .map(str::to_owned),
        );
        let mut sure = 0;
        for name in &names {
            if surely_org_name(name) {
                assert!(is_org_name(&without_nickname(clean_name(name))), "{name:?}");
                sure += 1;
            }
        }
        assert!(sure > 500, "{sure}");
    }

    #[test]
    fn one_word_names_are_what_the_four_readers_make_of_them() {
        let mut one_word = 0;
        for name in &names_and_words() {
            let Some((cleaned, org)) = one_word_name(name) else {
                assert!(name.contains(['"', ' ']) || !is_one_ascii_word(name), "{name:?}");
                continue;
            };
            one_word += 1;
            let by_four = without_nickname(clean_name(name));
            assert_eq!(cleaned, by_four, "{name:?}");
            assert_eq!(org, is_org_name(&by_four), "{name:?}");
            assert_eq!(split_title(cleaned), (cleaned, None), "{name:?}");
            assert!(cleaned.split_whitespace().count() < 2, "{name:?}");
        }
        assert!(one_word > 10_000, "{one_word}");
    }

    #[test]
    fn word_sets_hold_what_hash_sets_hold() {
        use rustc_hash::FxHashSet;
        let lists: [(&WordSet, Vec<String>); 4] = [
            (&NOT_NAMES_SET, NOT_NAMES.iter().map(|w| w.to_string()).collect()),
            (&TITLE_WORDS_SET, TITLE_WORDS.iter().map(|w| w.to_string()).collect()),
            (&ORG_WORDS_SET, ORG_WORDS.iter().map(|w| w.to_string()).collect()),
            (&VERBS, VERBS.iter().map(str::to_owned).collect()),
        ];
        let names = names_and_words();
        for (set, list) in lists {
            let hashed: FxHashSet<&str> = list.iter().map(String::as_str).collect();
            assert_eq!(set.iter().count(), hashed.len());
            for w in names.iter().map(String::as_str).chain(hashed.iter().copied()) {
                assert_eq!(set.contains(w), hashed.contains(w), "{w:?}");
            }
        }
    }

    fn after(w: &str) -> Option<(String, Option<String>, Option<String>)> {
        cue_after(w).map(|c| (c.who, c.role, c.verb))
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_owned())
    }

    #[test]
    fn cues_after_a_quote_in_both_word_orders() {
        assert_eq!(after(" Microsoft said."), Some(("Microsoft".into(), None, s("said"))));
        assert_eq!(
            after(" John Frank, Microsoft VP and Deputy General Counsel, noted in a blog post."),
            Some((
                "John Frank".into(),
                s("Microsoft VP and Deputy General Counsel"),
                s("noted")
            ))
        );
        assert_eq!(
            after(" said Jane Doe, the company's general counsel, in a statement."),
            Some(("Jane Doe".into(), s("the company's general counsel"), s("said")))
        );
        assert_eq!(after(" said Frank."), Some(("Frank".into(), None, s("said"))));
        assert_eq!(
            after(" said AT&T spokesman Fletcher Cook."),
            Some(("Fletcher Cook".into(), s("AT&T spokesman"), s("said")))
        );
        assert_eq!(
            after(" said Smith in a statement to Reuters."),
            Some(("Smith".into(), None, s("said")))
        );
        assert_eq!(
            after(" — Sonderby, again, closing the panel."),
            Some(("Sonderby".into(), None, None))
        );
        assert_eq!(
            after(" Jane Whitfield of the Electronic Frontier Foundation told the committee."),
            Some((
                "Jane Whitfield".into(),
                s("the Electronic Frontier Foundation"),
                s("told")
            ))
        );
        assert_eq!(after(" Hale, 64, said."), Some(("Hale".into(), None, s("said"))));
        assert_eq!(
            after(" Tom \"Tank\" Ortiz said."),
            Some(("Tom Ortiz".into(), None, s("said")))
        );
        assert_eq!(after(" Frank continued."), Some(("Frank".into(), None, s("continued"))));
        assert_eq!(
            after(", according to Karen Holt, a Justice Department spokeswoman."),
            Some((
                "Karen Holt".into(),
                s("a Justice Department spokeswoman"),
                s("according to")
            ))
        );
        assert_eq!(after(" he said."), Some(("he".into(), None, s("said"))));
        assert_eq!(
            after(" officials said in a statement."),
            Some(("officials".into(), None, s("said")))
        );
        assert_eq!(after(" said Ed."), Some(("Ed".into(), None, s("said"))));
        assert_eq!(
            after(" the Justice Department said."),
            Some(("Justice Department".into(), None, s("said")))
        );
        assert_eq!(
            after(" Microsoft Chief Executive Satya Nadella said."),
            Some(("Satya Nadella".into(), s("Microsoft Chief Executive"), s("said")))
        );
    }

    #[test]
    fn no_cue_after_ordinary_text() {
        assert_eq!(after(" into secure devices and messaging apps."), None);
        assert!(cue_after(" which does not break out secrecy orders.").is_none());
    }

    #[test]
    fn cues_before_a_quote() {
        let c = cue_before("Brad Smith, Microsoft's general counsel, said in a statement: ").unwrap();
        assert_eq!(
            (c.who.as_str(), c.role.as_deref(), c.verb.as_deref()),
            ("Brad Smith", Some("Microsoft's general counsel"), Some("said"))
        );
        let c = cue_before("Said Microsoft President Brad Smith in a speech: ").unwrap();
        assert_eq!(
            (c.who.as_str(), c.role.as_deref(), c.verb.as_deref()),
            ("Brad Smith", Some("Microsoft President"), Some("Said"))
        );
        let c = cue_before("In a statement, Google's Richard Salgado said: ").unwrap();
        assert_eq!(c.who, "Richard Salgado");
        let c = cue_before("Her colleague Sarah St. Vincent, a researcher, told Reuters: ").unwrap();
        assert_eq!(
            (c.who.as_str(), c.role.as_deref()),
            ("Sarah St. Vincent", Some("a researcher"))
        );
        let c = cue_before("Asked what keeps her up at night, she doesn't hesitate: ").unwrap();
        assert_eq!((c.who.as_str(), c.verb), ("she", None));
        let c = cue_before("According to Smith, ").unwrap();
        assert_eq!((c.who.as_str(), c.verb.as_deref()), ("Smith", Some("According to")));
        assert!(cue_before("It used the term ").is_none());
    }

    #[test]
    fn the_subject_of_the_sentence_before() {
        let person = |n: &str| n.contains(' ');
        let c = subject_of("Brad Smith, Microsoft's president, was blunt.", person).unwrap();
        assert_eq!((c.who.as_str(), c.verb), ("Brad Smith", None));
        let c = subject_of("An AT&T spokesman, Mark Siegel, declined to comment but said", person).unwrap();
        assert_eq!((c.who.as_str(), c.verb), ("Mark Siegel", None));
        let c = subject_of("Asked whether the rules would change, Brad Smith shrugged.", person).unwrap();
        assert_eq!((c.who.as_str(), c.verb), ("Brad Smith", None));
        let c = subject_of("Smith argued that the ruling mattered.", person).unwrap();
        assert_eq!((c.who.as_str(), c.verb.as_deref()), ("Smith", Some("argued")));
        assert!(subject_of("Microsoft handed over account data.", person).is_none());
        assert!(subject_of("The court ruled on Thursday.", person).is_none());
        let c = subject_of("The senators said the issue was ", person).unwrap();
        assert_eq!((c.who.as_str(), c.reference), ("The senators", Reference::Title));
    }

    #[test]
    fn a_cue_a_few_words_into_the_next_sentence() {
        let c = cue_later(" That was how he described the stakes.").unwrap();
        assert_eq!((c.who.as_str(), c.verb.as_deref()), ("he", Some("described")));
    }
}
