//! The people an article names, so that a later surname ("Frank"), title ("the spokeswoman")
//! or pronoun ("he") at a quote can be resolved to the full name and role given earlier.
//!
//! A person is registered where the article names them with two or more name words next to a
//! speech verb, behind an honorific, or with an appositive role ("John Frank, Microsoft VP and
//! Deputy General Counsel,"). Every later mention of a registered surname or first name counts
//! as a mention too, which is what pronouns are resolved against.

use super::cue::{clean_name, is_org_name, split_title, NAME, VERB};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Grammatical gender, as far as the text shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Female,
    Male,
}

/// A person named in the article.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Person {
    /// Full name as first written ("John Frank").
    pub name: String,
    /// Role from the first appositive, if any.
    pub role: Option<String>,
    /// From an honorific or a gendered role word, if any.
    pub gender: Option<Gender>,
    /// Byte offset of the first mention.
    pub first: usize,
}

/// Everyone named in one article, and where.
#[derive(Debug, Default)]
pub(super) struct People {
    persons: Vec<Person>,
    /// (byte offset, index into `persons`), sorted by offset.
    mentions: Vec<(usize, usize)>,
    /// Surname or first name to the persons who carry it.
    by_part: HashMap<String, Vec<usize>>,
    /// Full name to person.
    by_full: HashMap<String, usize>,
    /// (byte offset, person) of the quotes credited so far, in text order: a speaker is the
    /// freshest mention a pronoun can refer to.
    spoken: Vec<(usize, usize)>,
    /// Organisations named ("American Civil Liberties Union") or quoted ("Microsoft said").
    orgs: Vec<String>,
    /// Organisation name to its index in `orgs`.
    org_index: HashMap<String, usize>,
    /// (byte offset, index into `orgs`) of the organisations named, sorted by offset.
    org_mentions: Vec<(usize, usize)>,
    /// (byte offset, index into `orgs`) of the organisations quoted so far, in text order.
    org_spoken: Vec<(usize, usize)>,
}

/// Two or more name words, optionally after an honorific; the name is group `name`.
static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<hon>\b(?:Mr|Mrs|Ms|Dr|Prof|Judge|Sen|Rep|Gov)\.?\s+)?\b(?P<name>{NAME})"
    ))
    .unwrap()
});

/// What may follow a name: an appositive role and then a speech verb.
static AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:,\s*(?P<role>[^,;.\x22“”«»]{{2,120}}?),)?\s+(?P<verb>{VERB})\b|^,\s*(?P<apposition>[^,;.\x22“”«»]{{2,120}}?)[,.;]"
    ))
    .unwrap()
});

/// A role right before a name in apposition: "An AT&T spokesman, Mark Siegel, declined".
static ROLE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?P<role>(?:[\p{L}&’'.-]+\s+){0,5}[\p{L}&’'.-]+),\s*$").unwrap());

/// A speech verb or "according to" right before a name.
static VERB_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?:{VERB}|according\s+to)\s+$")).unwrap());

/// Words that make an appositive a role ("general counsel", "a Yahoo spokeswoman").
static ROLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:counsel|spokes(?:wo)?man|spokesperson|director|president|officer|chief|head|manager|executive|vp|chair(?:wo)?man|chair|founder|analyst|researcher|professor|lawyer|attorney|judge|senator|minister|commissioner|secretary|member|editor|engineer|advocate|partner|adviser|advisor|representative|leader|official|ceo|cto|cfo|coo)\b").unwrap()
});

/// Single capitalised words, looked up as surnames and first names of registered persons.
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\p{Lu}[\p{L}'’-]+").unwrap());

/// How many recent mentions a pronoun or title is resolved against.
const MAX_CANDIDATE_MENTIONS: usize = 200;

/// How far after a name its role and verb are looked for.
const CONTEXT_BYTES: usize = 160;

impl People {
    /// Finds the persons `text` names, in one pass over it.
    pub fn find(text: &str) -> People {
        let mut people = People::default();
        for c in FULL_NAME.captures_iter(text) {
            let m = c.name("name").expect("group name always takes part");
            let cleaned = clean_name(m.as_str());
            if is_org_name(cleaned) {
                let i = people.org(cleaned);
                people.org_mentions.push((m.start(), i));
                continue;
            }
            let (name, title) = split_title(cleaned);
            if name.split_whitespace().count() < 2 {
                continue;
            }
            let after = window_after(text, m.end());
            let before = window_before(text, m.start());
            let context = AFTER_NAME.captures(after);
            let role = context
                .as_ref()
                .and_then(|c| c.name("role").or(c.name("apposition")))
                .or_else(|| ROLE_BEFORE.captures(before).and_then(|c| c.name("role")))
                .map(|r| r.as_str().trim())
                .filter(|r| ROLE_WORD.is_match(r))
                .or(title.as_deref());
            let speaks = context.as_ref().is_some_and(|c| c.name("verb").is_some()) || VERB_BEFORE.is_match(before);
            let honorific = c.name("hon").map(|h| h.as_str().trim().trim_end_matches('.'));
            if speaks || role.is_some() || honorific.is_some() {
                let at = m.start() + m.as_str().find(name).unwrap_or(0);
                people.register(at, name, role, honorific);
            }
        }
        people.add_part_mentions(text);
        people
    }

    fn register(&mut self, at: usize, name: &str, role: Option<&str>, honorific: Option<&str>) {
        let gender = honorific
            .and_then(gender_of_honorific)
            .or(role.and_then(gender_of_role));
        let index = match self.by_full.get(name) {
            Some(&i) => i,
            None => {
                self.persons.push(Person {
                    name: name.to_owned(),
                    role: None,
                    gender: None,
                    first: at,
                });
                let i = self.persons.len() - 1;
                self.by_full.insert(name.to_owned(), i);
                let words: Vec<&str> = name.split_whitespace().collect();
                for part in [words[0], words[words.len() - 1]] {
                    self.by_part.entry(part.to_owned()).or_default().push(i);
                }
                i
            }
        };
        let person = &mut self.persons[index];
        person.role = person.role.take().or(role.map(str::to_owned));
        person.gender = person.gender.or(gender);
        self.mentions.push((at, index));
    }

    /// Every capitalised word that is the surname or first name of exactly one registered
    /// person is a mention of that person.
    fn add_part_mentions(&mut self, text: &str) {
        for w in WORD.find_iter(text) {
            if let Some([i]) = self.by_part.get(w.as_str()).map(Vec::as_slice) {
                self.mentions.push((w.start(), *i));
            }
        }
        self.mentions.sort_unstable();
        // A full name and its first word start at the same offset: one mention.
        self.mentions.dedup_by_key(|m| m.0);
    }

    /// Records that the quote ending at `at` was credited to `name` (a person or, when no
    /// person has that name, an organisation).
    pub fn note_speaker(&mut self, at: usize, name: &str) {
        if let Some(&i) = self.by_full.get(name) {
            self.spoken.push((at, i));
        } else if !self.by_part.contains_key(name) {
            let i = self.org(name);
            self.org_spoken.push((at, i));
        }
    }

    /// The index of organisation `name`, added if new.
    fn org(&mut self, name: &str) -> usize {
        if let Some(&i) = self.org_index.get(name) {
            return i;
        }
        self.orgs.push(name.to_owned());
        self.org_index.insert(name.to_owned(), self.orgs.len() - 1);
        self.orgs.len() - 1
    }

    /// The one organisation named or quoted from `window_start` up to `at`, which "the
    /// company" or "the group" at `at` refers to.
    pub fn by_org_noun(&self, window_start: usize, at: usize) -> Option<&str> {
        let named = &self.org_mentions[..self.org_mentions.partition_point(|m| m.0 < at)];
        let quoted = &self.org_spoken[..self.org_spoken.partition_point(|m| m.0 <= at)];
        let mut found: Vec<usize> = from(named, window_start)
            .iter()
            .chain(from(quoted, window_start))
            .map(|m| m.1)
            .take(MAX_CANDIDATE_MENTIONS)
            .collect();
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [i] => Some(&self.orgs[*i]),
            _ => None,
        }
    }

    /// Whether a title ("the company", "the group") names an organisation, not a person.
    pub fn is_org_title(title: &str) -> bool {
        title
            .split_whitespace()
            .next_back()
            .is_some_and(|w| ORG_NOUNS.contains(&w.to_lowercase().as_str()))
    }

    /// The person called `name` (full name, or a surname or first name named before `at`).
    pub fn by_name(&self, name: &str, at: usize) -> Option<&Person> {
        if let Some(&i) = self.by_full.get(name) {
            return Some(&self.persons[i]);
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() != 1 {
            return None;
        }
        let named_before: Vec<usize> = self
            .by_part
            .get(words[0])?
            .iter()
            .copied()
            .filter(|&i| self.persons[i].first < at)
            .collect();
        match named_before.as_slice() {
            [i] => Some(&self.persons[*i]),
            _ => None,
        }
    }

    /// The one person a pronoun at `at` can refer to: among the persons mentioned or quoted from
    /// `window_start` on (or, if none of them fits, anywhere before), the only one whose gender
    /// fits.
    pub fn by_pronoun(&self, pronoun: &str, window_start: usize, at: usize) -> Option<&Person> {
        let gender = match pronoun.to_lowercase().as_str() {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => return None,
        };
        let before = self.mentions_before(at);
        let spoken_before = &self.spoken[..self.spoken.partition_point(|m| m.0 <= at)];
        let spoken_before = &spoken_before[spoken_before.len().saturating_sub(MAX_CANDIDATE_MENTIONS)..];
        let fits = self.fitting(
            from(before, window_start)
                .iter()
                .chain(from(spoken_before, window_start)),
            gender,
        );
        let fits = if fits.is_empty() {
            self.fitting(before.iter().chain(spoken_before), gender)
        } else {
            fits
        };
        match fits.as_slice() {
            [i] => Some(&self.persons[*i]),
            _ => None,
        }
    }

    /// The distinct persons among `mentions` whose gender is `gender` or unknown.
    fn fitting<'m>(&self, mentions: impl Iterator<Item = &'m (usize, usize)>, gender: Gender) -> Vec<usize> {
        let mut found: Vec<usize> = mentions
            .map(|m| m.1)
            .filter(|&i| self.persons[i].gender.is_none_or(|g| g == gender))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The one person named before `at` whose role contains the title ("the spokeswoman",
    /// "the company's deputy general counsel").
    pub fn by_title(&self, title: &str, at: usize) -> Option<&Person> {
        let words: Vec<&str> = title
            .split_whitespace()
            .skip_while(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
            .skip_while(|w| w.ends_with("'s") || w.ends_with("’s"))
            .collect();
        let head = words.last()?.to_lowercase();
        if ORG_NOUNS.contains(&head.as_str()) {
            return None;
        }
        let wanted = words.join(" ").to_lowercase();
        let mut found: Vec<usize> = self
            .mentions_before(at)
            .iter()
            .map(|m| m.1)
            .filter(|&i| {
                self.persons[i]
                    .role
                    .as_ref()
                    .is_some_and(|r| r.to_lowercase().contains(&wanted))
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [i] => Some(&self.persons[*i]),
            _ => None,
        }
    }

    /// The last [`MAX_CANDIDATE_MENTIONS`] mentions before `at`: bounded work per quote.
    fn mentions_before(&self, at: usize) -> &[(usize, usize)] {
        let end = self.mentions.partition_point(|m| m.0 < at);
        &self.mentions[end.saturating_sub(MAX_CANDIDATE_MENTIONS)..end]
    }
}

/// The mentions (sorted by offset) from `start` on.
fn from(mentions: &[(usize, usize)], start: usize) -> &[(usize, usize)] {
    &mentions[mentions.partition_point(|m| m.0 < start)..]
}

/// Nouns that make "the <noun>" an organisation, not a person's title.
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "department",
    "agency",
    "court",
    "government",
    "ministry",
    "office",
    "report",
    "statement",
    "group",
    "administration",
    "bureau",
    "commission",
    "service",
    "website",
    "blog",
];

fn gender_of_honorific(h: &str) -> Option<Gender> {
    match h {
        "Mr" => Some(Gender::Male),
        "Mrs" | "Ms" => Some(Gender::Female),
        _ => None,
    }
}

fn gender_of_role(role: &str) -> Option<Gender> {
    let lower = role.to_lowercase();
    if ["spokeswoman", "chairwoman", "businesswoman", "congresswoman"]
        .iter()
        .any(|w| lower.contains(w))
    {
        Some(Gender::Female)
    } else if ["spokesman", "chairman", "businessman", "congressman"]
        .iter()
        .any(|w| lower.contains(w))
    {
        Some(Gender::Male)
    } else {
        None
    }
}

fn window_after(text: &str, at: usize) -> &str {
    let mut end = (at + CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

fn window_before(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(60);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}
