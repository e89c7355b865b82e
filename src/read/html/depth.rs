//! A cheap scan for how deeply a page nests its elements, run before parsing.
//!
//! No real page nests more than a few hundred levels, so a page deeper than [`MAX_DEPTH`] (a
//! nesting bomb of 100,000 `<div>`s) is refused before it is parsed: it costs a scan, not a
//! parse. The parser's own searches of its open elements take constant time whatever the depth,
//! and it stops nesting at twice the limit (see `dom.rs`), as elements this scan does not count
//! (`<rb>`, `<option>`, whose end tags are optional) may nest.

/// The deepest element nesting figmine parses.
pub const MAX_DEPTH: usize = 2_000;

/// Elements that never hold children (`<br>`, `<img>`).
const VOID: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"keygen",
    b"frame",
    b"basefont",
    b"bgsound",
];

/// Elements whose end tag is optional: an unclosed `<p>` or `<li>` is closed by the next one, so
/// counting them would make flat pages look deep.
const SELF_CLOSING: &[&[u8]] = &[
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"option",
    b"optgroup",
    b"rb",
    b"rt",
    b"rp",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
    b"caption",
    b"html",
    b"head",
    b"body",
];

/// Elements whose content is raw text up to their end tag (no tags inside count).
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"noembed",
    b"noframes",
];

/// The deepest nesting of start tags without their end tags, counting stops once past
/// [`MAX_DEPTH`]. An estimate that errs upwards only for pages that leave many elements open.
pub fn max_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut at = 0;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let start = at + offset + 1;
        let rest = &bytes[start..];
        if rest.starts_with(b"!--") {
            at = find(bytes, start + 3, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        let tag_end = memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |e| name_start + e);
        at = (tag_end + 1).min(bytes.len());
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = &bytes[name_start..name_start + name_len];
        if closing {
            if !is_one_of(SELF_CLOSING, name) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if is_one_of(RAW_TEXT, name) {
            // Past `</name`, or the end of the page when it never closes.
            at = (find_end_tag(bytes, at, name) + 2 + name.len()).min(bytes.len());
            continue;
        }
        let self_closed = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        if self_closed || is_one_of(VOID, name) || is_one_of(SELF_CLOSING, name) {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
        if deepest > MAX_DEPTH {
            break;
        }
    }
    deepest
}

use memchr::memchr;

/// Whether the tag name (any case) is in the list.
fn is_one_of(list: &[&[u8]], name: &[u8]) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Where `needle` first occurs at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|p| from + p)
}

/// Where `</name` starts after `from` (case-insensitive), or the end of the page.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(p) = find(bytes, at, b"</") {
        let candidate = &bytes[p + 2..];
        if candidate.len() >= name.len() && candidate[..name.len()].eq_ignore_ascii_case(name) {
            return p;
        }
        at = p + 2;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_and_closed_elements_are_not() {
        assert_eq!(
            max_depth("<html><body><div><div><span>x</span></div></div></body></html>"),
            3
        );
        assert_eq!(max_depth("<div></div><div></div><div><b>x</b></div>"), 2);
    }

    #[test]
    fn optional_end_tags_void_elements_comments_and_scripts_do_not_deepen() {
        let flat = "<p>a<p>b<li>c<li>d<br><img src=x><!-- <div><div> --><script>'<div><div>'</script>";
        assert_eq!(max_depth(&flat.repeat(1000)), 0);
    }

    #[test]
    fn counting_stops_past_the_limit() {
        let deep = "<div>".repeat(100_000);
        assert_eq!(max_depth(&deep), MAX_DEPTH + 1);
    }
}
