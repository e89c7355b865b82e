//! Choosing the main content: score the elements holding paragraphs (text length, commas, link
//! density, class and id), take the best one with its siblings that look like the same article,
//! then drop the blocks inside it that are still boilerplate (link lists, share lines, captions).

use super::page::{Block, BlockKind, Page};
use super::rules::Role;
use regex::Regex;
use std::sync::LazyLock;

/// Short lines that are page furniture wherever they appear: "Advertisement", "Read more",
/// "Share this article", "Sign up for our newsletter", photo credits.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:advertisement|advertising|ad|sponsored|story continues below(?: advertisement)?|continue reading(?: below)?|read more\b.*|related\b.*|see also\b.*|share (?:this|on)\b.*|share|tweet|email|print|comments?|\d+ comments?|sign up\b.*|subscribe\b.*|follow us\b.*|click here\b.*|(?:photo|image|picture|video|credit|source|illustration)s?(?: credit)?:.*|\(?(?:getty images|ap photo|reuters|afp)[^.]*\)?|loading\.*|top stories|most (?:read|popular)|you may also like\b.*|recommended(?: for you)?|more from\b.*|back to top|skip to (?:main )?content|all rights reserved\.?|©.*|copyright(?:\s*(?:©|\(c\)|(?:19|20)\d\d)|(?-i:\s+[A-Z])).*|copyright\.?|tags?:?|(?:last )?(?:updated|published|posted)(?: at| on)?:?\s.{0,50}\d{1,2}:\d{2}.{0,20})$",
    )
    .unwrap()
});

/// A short line that opens a list of other stories: everything after it is not the article.
static MORE_STORIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:you (?:may|might) (?:also )?(?:like|enjoy)|more (?:stories|news|articles)(?: from\b.*)?|related (?:stories|articles|posts|coverage)|recommended (?:for you|stories|articles)|read (?:next|also)|also read|what to read next|trending now|most (?:read|popular)|você pode gostar|leia também|veja também|ti potrebbe interessare|potrebbe interessarti|leggi anche|читайте также|관련 ?기사|関連記事)\W*$",
    )
    .unwrap()
});

/// Subtree totals of one element.
#[derive(Debug, Default, Clone, Copy)]
struct Totals {
    chars: usize,
    link_chars: usize,
    paragraphs: usize,
    /// Characters of article-like blocks (long enough, few links).
    good: usize,
}

impl Totals {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// The blocks of the page's main content, in document order.
pub(super) fn main_blocks(page: &Page) -> Vec<&Block> {
    if page.blocks.is_empty() {
        return Vec::new();
    }
    let totals = subtree_totals(page);
    let scores = content_scores(page, &totals);
    let mut best: Vec<&Block> = Vec::new();
    // The best candidate almost always wins; when everything in it turns out to be furniture, the
    // next ones are tried.
    for top in ranked_elements(&scores).into_iter().take(CANDIDATES_TRIED) {
        let blocks = blocks_under(page, &scores, &totals, top);
        let chars: usize = blocks.iter().map(|b| b.chars).sum();
        if chars > best.iter().map(|b| b.chars).sum::<usize>() {
            best = blocks;
        }
        if chars >= ENOUGH_TEXT {
            break;
        }
    }
    if best.is_empty() {
        best = page.blocks.iter().filter(|b| keeps_block(b)).collect();
    }
    best
}

/// Drops each "you may also like" heading and the blocks after it that share its container (the
/// list of other stories it heads). Only headings: a "read also" line inside the article's own
/// paragraphs is followed by more of the article.
fn cut_more_stories<'p>(page: &Page, blocks: Vec<&'p Block>) -> Vec<&'p Block> {
    let mut kept = Vec::with_capacity(blocks.len());
    let mut list: Option<usize> = None;
    for b in blocks {
        if let Some(container) = list {
            if is_inside(page, b.element, container) {
                continue;
            }
            list = None;
        }
        if b.kind == BlockKind::Heading && b.chars < 60 && MORE_STORIES.is_match(&b.text) {
            list = page.elements[b.element].parent;
            continue;
        }
        kept.push(b);
    }
    kept
}

/// Whether `element` is `container` or lies under it.
fn is_inside(page: &Page, element: usize, container: usize) -> bool {
    let mut at = Some(element);
    while let Some(e) = at {
        if e == container {
            return true;
        }
        at = page.elements[e].parent;
    }
    false
}

/// How many top-scored containers are tried before giving up on finding an article.
const CANDIDATES_TRIED: usize = 5;

/// Characters of kept text that make a candidate an article without trying the next ones.
const ENOUGH_TEXT: usize = 200;

/// The kept blocks of the article rooted at the candidate `top`.
fn blocks_under<'p>(page: &'p Page, scores: &[f64], totals: &[Totals], top: usize) -> Vec<&'p Block> {
    let top = climb_while_worth_it(page, totals, top);
    let roots = with_related_siblings(page, scores, totals, top);
    let selected = selected_elements(page, &roots, totals);
    let blocks = page.blocks.iter().filter(|b| selected[b.element]).collect();
    cut_more_stories(page, blocks)
        .into_iter()
        .filter(|b| keeps_block(b))
        .collect()
}

/// Text and link characters under every element (elements are stored parents first, so one
/// backwards pass adds each element's totals into its parent).
fn subtree_totals(page: &Page) -> Vec<Totals> {
    let mut totals = vec![Totals::default(); page.elements.len()];
    for b in &page.blocks {
        let t = &mut totals[b.element];
        t.chars += b.chars;
        t.link_chars += b.link_chars;
        if b.chars >= 25 && b.kind != BlockKind::Heading {
            t.paragraphs += 1;
        }
        if is_article_like(b) {
            t.good += b.chars;
        }
    }
    for i in (1..page.elements.len()).rev() {
        if let Some(parent) = page.elements[i].parent {
            let child = totals[i];
            let t = &mut totals[parent];
            t.chars += child.chars;
            t.link_chars += child.link_chars;
            t.paragraphs += child.paragraphs;
            t.good += child.good;
        }
    }
    totals
}

/// A block that reads like article text: a sentence or more, few links.
fn is_article_like(b: &Block) -> bool {
    b.kind == BlockKind::Paragraph && b.chars >= 40 && b.link_density() < 0.3
}

/// Moves from the best-scored element to an ancestor while the ancestor adds more article-like
/// text than other text: an article split into several containers (by ads, by sections) is then
/// taken whole, a page whose other containers hold teasers and menus is not.
fn climb_while_worth_it(page: &Page, totals: &[Totals], top: usize) -> usize {
    let mut current = top;
    let mut candidate = top;
    // Look a few levels up at once: wrappers often add nothing until the level that joins parts.
    for _ in 0..6 {
        let Some(parent) = page.elements[candidate].parent else {
            break;
        };
        if parent == 0 || page.elements[parent].tag == "body" {
            break;
        }
        candidate = parent;
        let gained_good = totals[candidate].good - totals[current].good;
        let gained_other =
            (totals[candidate].chars - totals[candidate].good) - (totals[current].chars - totals[current].good);
        if gained_good >= 150 && gained_good as f64 >= 2.0 * gained_other as f64 {
            current = candidate;
        }
    }
    current
}

/// Readability-style scores: each paragraph gives points (one, plus one per comma, plus one per
/// 100 characters up to three) to its container, half to the next one up and a third of that
/// further up; a container's score is then scaled by its share of non-link text and moved by
/// what its class and id say.
fn content_scores(page: &Page, totals: &[Totals]) -> Vec<f64> {
    let mut scores = vec![0.0f64; page.elements.len()];
    for b in &page.blocks {
        if b.chars < 25 || b.kind == BlockKind::Heading || b.link_density() > 0.5 {
            continue;
        }
        let commas = b.text.matches([',', '，', '、', '،']).count() as f64;
        let points = 1.0 + commas + (b.chars as f64 / 100.0).floor().min(3.0);
        let mut element = container_of(page, b);
        for level in 0..5 {
            let Some(e) = element else { break };
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                n => n as f64 * 3.0,
            };
            scores[e] += points / divider;
            element = page.elements[e].parent;
        }
    }
    for (i, score) in scores.iter_mut().enumerate() {
        if *score == 0.0 {
            continue;
        }
        // A class name alone does not make a container: one short line in an `article-meta`
        // div must not outscore the paragraphs.
        if totals[i].paragraphs >= 2 {
            *score += role_weight(page.elements[i].role);
        }
        *score *= 1.0 - totals[i].link_density();
    }
    scores
}

/// The element that contains a paragraph block: the `<p>`'s parent, or the element itself for
/// text that sits directly in a container.
fn container_of(page: &Page, b: &Block) -> Option<usize> {
    match b.kind {
        BlockKind::Other => Some(b.element),
        _ => page.elements[b.element].parent,
    }
}

fn role_weight(role: Role) -> f64 {
    match role {
        Role::ArticleBody => 50.0,
        Role::Positive => 25.0,
        Role::Neutral => 0.0,
        Role::Negative => -25.0,
    }
}

/// Elements with a positive score, best first.
fn ranked_elements(scores: &[f64]) -> Vec<usize> {
    let mut ranked: Vec<usize> = (1..scores.len()).filter(|&i| scores[i] > 0.0).collect();
    ranked.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    ranked
}

/// The top element plus those of its siblings that score close to it or hold real paragraphs
/// (an article split in several containers by ads or pull quotes).
fn with_related_siblings(page: &Page, scores: &[f64], totals: &[Totals], top: usize) -> Vec<usize> {
    let Some(parent) = page.elements[top].parent else {
        return vec![top];
    };
    let threshold = (scores[top] * 0.2).max(10.0);
    page.elements
        .iter()
        .enumerate()
        .filter(|(_, e)| e.parent == Some(parent))
        .filter(|&(i, e)| {
            i == top
                || scores[i] >= threshold
                || (e.tag == "p" && totals[i].chars > 80 && totals[i].link_density() < 0.25)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Marks the chosen roots and everything under them, except nested containers that look like
/// link lists or boilerplate (readability's "clean conditionally").
fn selected_elements(page: &Page, roots: &[usize], totals: &[Totals]) -> Vec<bool> {
    let mut selected = vec![false; page.elements.len()];
    for &r in roots {
        selected[r] = true;
    }
    for i in 1..page.elements.len() {
        if selected[i] {
            continue;
        }
        if let Some(parent) = page.elements[i].parent {
            selected[i] = selected[parent] && !is_nested_boilerplate(page, totals, i);
        }
    }
    selected
}

/// A container inside the article that is mostly links (a related-stories list) or scored as
/// boilerplate by class with little text of its own.
fn is_nested_boilerplate(page: &Page, totals: &[Totals], i: usize) -> bool {
    let e = &page.elements[i];
    let t = totals[i];
    if !matches!(
        e.tag.as_str(),
        "div" | "section" | "ul" | "ol" | "table" | "dl" | "form" | "span"
    ) {
        return false;
    }
    let linky = t.link_density() > 0.5 || (t.link_density() > 0.25 && t.paragraphs == 0);
    linky || (e.role == Role::Negative && t.paragraphs < 2)
}

/// Whether a block inside the main content is kept: not furniture, not mostly a link.
fn keeps_block(b: &Block) -> bool {
    if b.chars < 120 && FURNITURE.is_match(&b.text) {
        return false;
    }
    b.quoted || !(b.link_density() > 0.6 && b.chars < 200)
}
