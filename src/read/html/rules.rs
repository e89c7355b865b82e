//! Site-independent rules: which elements are never article text, which are inline, and what an
//! element's class and id say about it.

use super::dom::{Dom, Element};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;
use std::sync::LazyLock;

/// Elements whose whole subtree is never article text.
const SKIPPED_TAGS: &[&str] = &[
    "head",
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "button",
    "input",
    "select",
    "textarea",
    "option",
    "iframe",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "object",
    "embed",
    "figcaption",
    "template",
    "h1",
    "menu",
    "dialog",
    "title",
    "link",
    "meta",
    "amp-sidebar",
    "amp-ad",
    "amp-analytics",
    "amp-social-share",
];

/// Elements that do not break the text flow; everything else starts and ends a block.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img",
    "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
    "tt", "u", "var", "wbr",
];

/// Whole-word class or id parts of boilerplate containers: `class="related-stories"`,
/// `id="share_bar"`, `class="c-newsletter"`. Words are separated by spaces, `-` or `_`.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s_-])(?:related|share|shares|sharing|sharebar|social|socials|newsletter|subscribe|subscription|signup|comments?|promo|promos|most-?read|mostpopular|popular|trending|footer|nav|navbar|navigation|menu|breadcrumbs?|advert|advertisement|ads?|adslot|dfp|sponsor|sponsored|sidebar|byline|bylines|caption|credit|credits|recommended|recommendations|read-?more|more-?stories|tags|tag-list|author-bio|pull-?quote|pullquote|outbrain|taboola|disqus|toolbar|popup|modal|cookie|cookies|gdpr|consent|skip|sr-only|visually-hidden|screen-reader-text|dateline|timestamp|article-meta|post-meta|entry-meta|see-also|also-read|pagination|rating|tooltip)(?:$|[\s_-])",
    )
    .unwrap()
});

/// Class or id parts of containers that are never the article even when they hold long
/// paragraphs: comment threads, related and recommended stories. ("newsletter" is not one: a
/// sign-up box holds no long paragraphs, and a page of a newsletter's issue is an article.)
static NEVER_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)caption|rollover|popover|hovercard|tooltip|(?:^|[\s_-])(?:comments?|comment-list|commentlist|comments-area|related|more-?news|more-?stories|more-?articles|latest-news|read-?next|up-?next|recommended|outbrain|taboola|disqus|most-?read|popular|trending)(?:$|[\s_-])",
    )
    .unwrap()
});

/// Class or id parts that name the article body itself (`l-article-body-segment`): such a
/// container is never skipped for another word in its class (`l-sidebar-fixed`).
static ARTICLE_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)article-?body|article-?content|article-?text|story-?body|story-?content|entry-?content|post-?content|post-?body|main-?content").unwrap()
});

/// Class or id words of containers that usually hold the article: raise their score.
static POSITIVE: LazyLock<AnyCaseWords> = LazyLock::new(|| {
    AnyCaseWords::new(&[
        "article",
        "body",
        "content",
        "entry",
        "hentry",
        "main",
        "post",
        "text",
        "blog",
        "story",
        "prose",
        "richtext",
        "rich-text",
    ])
});

/// Class or id words of containers that usually do not (weaker than [`BOILERPLATE`]: only scored).
static NEGATIVE: LazyLock<AnyCaseWords> = LazyLock::new(|| {
    AnyCaseWords::new(&[
        "comment", "foot", "masthead", "media", "promo", "related", "scroll", "shoutbox", "sponsor", "shopping",
        "tool", "widget", "card", "teaser", "list", "rail", "carousel", "gallery", "video", "embed",
    ])
});

/// Words found anywhere in a class or id value, in any case. An ASCII value (nearly every one)
/// is searched by one automaton in ASCII case; another by the pattern `(?i)word|word...`,
/// whose Unicode case also takes "ſ" for "s" and the Kelvin sign for "k". The pattern alone
/// cost some 500 instructions an element, 9% of reading a page.
struct AnyCaseWords {
    ascii: AhoCorasick,
    pattern: Regex,
}

impl AnyCaseWords {
    fn new(words: &[&str]) -> Self {
        AnyCaseWords {
            ascii: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(AhoCorasickKind::DFA))
                .build(words)
                .expect("literal words"),
            pattern: Regex::new(&format!("(?i){}", words.join("|"))).expect("literal words"),
        }
    }

    fn is_match(&self, value: &str) -> bool {
        match value.is_ascii() {
            true => self.ascii.is_match(value),
            false => self.pattern.is_match(value),
        }
    }
}

/// What an element's class and id say about it, for scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::read) enum Role {
    /// `itemprop="articleBody"`: the page says this is the body.
    ArticleBody,
    /// A class or id like `article-content`.
    Positive,
    /// Nothing either way.
    Neutral,
    /// A class or id like `related-list`.
    Negative,
}

/// Whether the element and its subtree are skipped: a non-text tag, hidden, a navigation role, or
/// a boilerplate class or id (never for the page's main landmarks, nor when [`holds_article`]).
pub(super) fn is_skipped(dom: &Dom, node: usize, tag: &str, e: &Element) -> bool {
    if SKIPPED_TAGS.contains(&tag) || is_hidden(e) {
        return true;
    }
    if matches!(
        e.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary" | "menu" | "menubar" | "dialog" | "alert")
    ) {
        return true;
    }
    if matches!(
        tag,
        "html" | "body" | "main" | "article" | "table" | "tbody" | "tr" | "td" | "th"
    ) || e.attr("itemprop") == Some("articleBody")
        || class_or_id_matches(e, |v| ARTICLE_BODY.is_match(v))
    {
        return false;
    }
    class_or_id_matches(e, |v| NEVER_ARTICLE.is_match(v))
        || (class_or_id_matches(e, |v| BOILERPLATE.is_match(v)) && !holds_article(dom, node))
}

/// Whether a class- or id-matched container still holds the article: several long paragraphs
/// (a wrapper named `content-with-sidebar`, a blog's `widget Blog` post list).
pub(super) fn holds_article(dom: &Dom, node: usize) -> bool {
    (node + 1..dom.end(node))
        .filter(|&d| dom.element(d).is_some_and(|e| e.name() == "p"))
        .filter(|&p| {
            let chars: usize = (p + 1..dom.end(p)).filter_map(|t| dom.text(t)).map(str::len).sum();
            chars >= 100
        })
        .nth(3)
        .is_some()
}

/// Hidden by attribute or inline style.
fn is_hidden(e: &Element) -> bool {
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s = s.to_ascii_lowercase().replace(' ', "");
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whether the tag keeps the text flowing (no block boundary).
pub(super) fn is_inline(tag: &str) -> bool {
    INLINE_TAGS.contains(&tag)
}

/// The element's role for scoring.
pub(super) fn role_of(e: &Element) -> Role {
    if e.attr("itemprop") == Some("articleBody") {
        return Role::ArticleBody;
    }
    if e.attr("class").is_none() && e.attr("id").is_none() {
        return Role::Neutral;
    }
    let positive = class_or_id_matches(e, |v| POSITIVE.is_match(v));
    let negative = class_or_id_matches(e, |v| NEGATIVE.is_match(v));
    match (positive, negative) {
        (true, false) => Role::Positive,
        (false, true) => Role::Negative,
        _ => Role::Neutral,
    }
}

/// Whether the class or the id attribute matches (`is_match` holds of its value).
fn class_or_id_matches(e: &Element, is_match: impl Fn(&str) -> bool) -> bool {
    e.attr("class").is_some_and(&is_match) || e.attr("id").is_some_and(is_match)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_are_found_in_any_case_as_the_patterns_they_replace_find_them() {
        let patterns = [
            (
                &*POSITIVE,
                r"(?i)article|body|content|entry|hentry|main|post|text|blog|story|prose|rich-?text",
            ),
            (
                &*NEGATIVE,
                r"(?i)comment|foot|masthead|media|promo|related|scroll|shoutbox|sponsor|shopping|tool|widget|card|teaser|list|rail|carousel|gallery|video|embed",
            ),
        ];
        let values = [
            "article-body",
            "ARTICLE",
            "l-sidebar",
            "Rich-Text",
            "poſt",
            "ſhoutbox",
            "widget-card",
            "nav main-nav",
            "",
            "x",
            "Мedia",
            "médiа",
            "site-footer",
            "TeAsEr",
            "promotion carousel",
            "bloc",
            "\u{212a}",
        ];
        for (words, written) in patterns {
            let pattern = Regex::new(written).expect("a pattern");
            for value in values {
                assert_eq!(words.is_match(value), pattern.is_match(value), "{written} on {value:?}");
            }
        }
        assert!(POSITIVE.is_match("poſt"), "Unicode case outside ASCII");
        assert!(NEGATIVE.is_match("TeAsEr") && !NEGATIVE.is_match("l-sidebar"));
    }
}
