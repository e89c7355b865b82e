//! Speaker cues: the reporting verb and who it names, before or after a quote.
//!
//! Each pattern is anchored at the quote (or at the start of the neighbouring sentence), and
//! every window it runs on is bounded, so the work per quote is constant.

use regex::Regex;
use std::sync::LazyLock;

/// A name: up to five capitalised words (initials allowed), with lower-case particles between
/// them ("Ursula von der Leyen").
pub(super) const NAME: &str = r"(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)(?:\s+(?:(?:de|van|von|der|da|di|du|le|la|al|bin)\s+)*(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)){0,4}";

/// Reporting verbs.
pub(super) const VERB: &str = r"(?:said|says|say|noted|notes|added|adds|continued|continues|told|tells|wrote|writes|explained|explains|stated|states|argued|argues|asked|asks|replied|replies|responded|responds|insisted|insists|warned|warns|acknowledged|acknowledges|admitted|conceded|declared|emphasi[sz]ed|stressed|repeated|recalled|observed|remarked|commented|announced|claimed|concluded|suggested|cautioned|predicted|testified|tweeted|described|agreed|countered|urged|recounted|quipped|joked)";

/// Who a cue names: a name (optionally after "the"), a pronoun, or a title ("the spokeswoman",
/// "the company's general counsel").
fn who() -> String {
    format!(r"(?P<who>(?:[Tt]he\s+)?{NAME}|[Hh]e|[Ss]he|{TITLE}|{UNNAMED})")
}

/// A title: "the spokeswoman", "the company's general counsel".
const TITLE: &str = r"the\s+[\p{Ll}'’-]+(?:\s+[\p{Ll}'’-]+){0,3}?";

/// [`UNNAMED`] taking every word it can, for a description that ends the sentence.
const UNNAMED_GREEDY: &str = r"(?:an?|one|another)\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,3}";

/// A speaker described, not named: "one privacy researcher", "a spokesman".
const UNNAMED: &str = r"(?:an?|one|another)\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,3}?";

/// An appositive role between commas.
const ROLE: &str = r"(?:,\s*(?P<role>[^,;\x22“”«»]{2,120}?),)?";

/// After a quote: `"...," Microsoft said` / `John Frank, Microsoft VP, noted` / `he said`.
static SUBJECT_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^[\s,]*{}{ROLE}\s+(?P<cue>{VERB})\b", who())).unwrap());

/// After a quote: `said Jane Doe, the company's general counsel.`
static VERB_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*(?P<cue>{VERB})\s+(?P<who>(?:the\s+)?{NAME}|{UNNAMED_GREEDY})(?:,\s*(?P<role>[^\x22“”«»]{{2,160}}))?"
    ))
    .unwrap()
});

/// After a quote: `according to Karen Holt, a Justice Department spokeswoman.`
static ACCORDING_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*(?P<cue>according\s+to)\s+{}(?:,\s*(?P<role>[^\x22“”«»]{{2,160}}))?",
        who()
    ))
    .unwrap()
});

/// Before a quote, in its sentence: `Brad Smith, Microsoft's general counsel, said in a
/// statement: "` / `According to Smith, "`.
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[^\x22“”«»]{{0,60}}?,\s+)??{}{ROLE}\s+(?P<cue>{VERB})\b[^\x22“”«»]{{0,80}}?[:,]\s*$|^(?P<cue2>[Aa]ccording\s+to)\s+(?P<who2>(?:the\s+)?{NAME})(?:,\s*(?P<role2>[^\x22“”«»]{{2,120}}?))?,\s*$",
        who()
    ))
    .unwrap()
});

/// The sentence before a quote, naming its subject: `Colin Stretch, Facebook's general
/// counsel, said the company...` / `Brad Smith, Microsoft's president, was blunt.`
static SUBJECT_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{}{ROLE}\s+(?P<cue>\p{{Ll}}+)\b", who())).unwrap());

/// Exactly a reporting verb.
static REPORTING: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("^{VERB}$")).unwrap());

/// The sentence after a quote, with a cue a few words in: `That was how he described it.`
static LATER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:[\p{{L}}'’]+\s+){{0,4}}?(?P<who>{NAME}|he|she)\s+(?P<cue>{VERB})\b"
    ))
    .unwrap()
});

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

/// Whether `name` (already cleaned) names an organisation.
pub(super) fn is_org_name(name: &str) -> bool {
    name.split_whitespace()
        .next_back()
        .is_some_and(|w| ORG_WORDS.contains(&w))
}

/// `name` without leading words that are not names ("The Justice Department" → "Justice
/// Department"); empty when nothing is left.
pub(super) fn clean_name(name: &str) -> &str {
    let mut rest = name.trim();
    while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
        if !NOT_NAMES.contains(&first) && !first.eq_ignore_ascii_case("the") {
            break;
        }
        rest = tail.trim_start();
    }
    if NOT_NAMES.contains(&rest) {
        ""
    } else {
        rest
    }
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
    if let Some(c) = SUBJECT_VERB.captures(window) {
        if let Some(cue) = make_cue(&c, "who", "role", "cue", false) {
            return Some(cue);
        }
    }
    for re in [&*VERB_SUBJECT, &*ACCORDING_TO] {
        if let Some(c) = re.captures(window) {
            if let Some(cue) = make_cue(&c, "who", "role", "cue", true) {
                return Some(cue);
            }
        }
    }
    None
}

/// A cue in the sentence before a quote's opening mark, ending right at it.
pub(super) fn cue_before(lead: &str) -> Option<Cue> {
    let c = LEAD_IN.captures(lead)?;
    make_cue(&c, "who", "role", "cue", false).or_else(|| make_cue(&c, "who2", "role2", "cue2", false))
}

/// The subject of the sentence before a quote, if it is a name followed by a verb.
/// `person` tells whether a name is a known or full personal name; only those, or a subject
/// with a reporting verb, count ("Brad Smith was blunt." but not "Microsoft handed over...").
pub(super) fn subject_of(sentence: &str, person: impl Fn(&str) -> bool) -> Option<Cue> {
    let c = SUBJECT_FIRST.captures(sentence)?;
    let mut cue = make_cue(&c, "who", "role", "cue", false)?;
    let verb = cue.verb.take().unwrap_or_default();
    if REPORTING.is_match(&verb) {
        cue.verb = Some(verb);
    } else if cue.reference != Reference::Name || !person(&cue.who) {
        return None;
    }
    Some(cue)
}

/// A cue a few words into the sentence after a quote ("That was how he described it").
pub(super) fn cue_later(sentence: &str) -> Option<Cue> {
    let c = LATER_CUE.captures(sentence)?;
    make_cue(&c, "who", "role", "cue", false)
}

fn make_cue(c: &regex::Captures, who: &str, role: &str, verb: &str, role_runs_on: bool) -> Option<Cue> {
    let w = c.name(who)?;
    let written = w.as_str().trim();
    let lower = written.to_lowercase();
    let (who_text, reference) = if matches!(lower.as_str(), "he" | "she") {
        (written, Reference::Pronoun)
    } else if written.starts_with("the ") && !written[4..].starts_with(char::is_uppercase) {
        (written, Reference::Title)
    } else if written.starts_with(char::is_lowercase) {
        (written, Reference::Unnamed)
    } else {
        let cleaned = clean_name(written);
        if cleaned.is_empty() {
            return None;
        }
        (cleaned, Reference::Name)
    };
    let (who_text, title_role) = match reference {
        Reference::Name => split_title(who_text),
        _ => (who_text, None),
    };
    let role = c
        .name(role)
        .filter(|_| reference != Reference::Unnamed)
        .map(|r| {
            if role_runs_on {
                role_up_to_clause_end(r.as_str())
            } else {
                r.as_str().trim()
            }
        })
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .or(title_role);
    Some(Cue {
        who: who_text.to_owned(),
        reference,
        role,
        verb: c.name(verb).map(|v| v.as_str().to_owned()),
    })
}

/// Splits a job title off the front of a name: "Microsoft Chief Executive Satya Nadella" is
/// Satya Nadella, whose role is "Microsoft Chief Executive".
pub(super) fn split_title(name: &str) -> (&str, Option<String>) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last_title) = words.iter().rposition(|w| TITLE_WORDS.contains(w)) else {
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
    static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",\s+(?:in|on|at|during|when|after|before|adding|speaking|according)\b|[.;]\s|[.;]$").unwrap()
    });
    let end = CLAUSE.find(role).map_or(role.len(), |m| m.start());
    role[..end].trim().trim_end_matches(['.', ','])
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let c = cue_before("According to Smith, ").unwrap();
        assert_eq!((c.who.as_str(), c.verb.as_deref()), ("Smith", Some("According to")));
        assert!(cue_before("It used the term ").is_none());
    }

    #[test]
    fn the_subject_of_the_sentence_before() {
        let person = |n: &str| n.contains(' ');
        let c = subject_of("Brad Smith, Microsoft's president, was blunt.", person).unwrap();
        assert_eq!((c.who.as_str(), c.verb), ("Brad Smith", None));
        let c = subject_of("Smith argued that the ruling mattered.", person).unwrap();
        assert_eq!((c.who.as_str(), c.verb.as_deref()), ("Smith", Some("argued")));
        assert!(subject_of("Microsoft handed over account data.", person).is_none());
        assert!(subject_of("The court agreed.", person).is_none());
    }

    #[test]
    fn a_cue_a_few_words_into_the_next_sentence() {
        let c = cue_later(" That was how he described the stakes.").unwrap();
        assert_eq!((c.who.as_str(), c.verb.as_deref()), ("he", Some("described")));
    }
}
