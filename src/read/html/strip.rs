//! Empties `<script>` and `<style>` elements before parsing.
//!
//! On real news pages more than half of the bytes are scripts and styles, which are never article
//! text; html5ever would tokenize every one of those bytes. Cutting them out first, in one linear
//! byte scan, roughly halves the parse. JSON-LD scripts are kept (they carry dates, publishers
//! and sometimes the full text), and comments are copied whole so a `<script>` inside a comment
//! is not mistaken for a real one.

/// The page with the contents of every non-JSON-LD `<script>` and every `<style>` removed (the
/// tags themselves stay, so the parse sees the same elements).
pub fn strip_scripts_and_styles(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let Some(name) = raw_element(rest) else {
            at = start + 1;
            continue;
        };
        let Some(tag_end) = bytes[start..].iter().position(|&b| b == b'>').map(|e| start + e + 1) else {
            break;
        };
        let content_end = find_end_tag(bytes, tag_end, name);
        if !is_json_ld(&html[start..tag_end]) {
            out.push_str(&html[copied..tag_end]);
            copied = content_end;
        }
        at = content_end;
    }
    out.push_str(&html[copied..]);
    out
}

/// `script` or `style` when `rest` starts with that start tag.
fn raw_element(rest: &[u8]) -> Option<&'static [u8]> {
    [&b"script"[..], &b"style"[..]].into_iter().find(|name| {
        rest.len() > name.len() + 1
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
            && matches!(
                rest[name.len() + 1],
                b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
            )
    })
}

fn is_json_ld(start_tag: &str) -> bool {
    start_tag.to_ascii_lowercase().contains("ld+json")
}

/// Where `needle` first occurs at or after `from`.
pub(super) fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Where `</name` starts after `from` (case-insensitive), or the end of the page.
pub(super) fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
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
    fn scripts_and_styles_are_emptied_and_json_ld_kept() {
        let page = r#"<p>a</p><SCRIPT src=x>if (a<b) { x("</p>") }</SCRIPT ><style>p{}</style><script type="application/ld+json">{"a":1}</script><p>b</p>"#;
        assert_eq!(
            strip_scripts_and_styles(page),
            r#"<p>a</p><SCRIPT src=x></SCRIPT ><style></style><script type="application/ld+json">{"a":1}</script><p>b</p>"#
        );
    }

    #[test]
    fn comments_and_lookalike_tags_are_left_alone() {
        let page = "<!-- <script> --><p>kept</p><scripts>also kept</scripts><stylesheet>x";
        assert_eq!(strip_scripts_and_styles(page), page);
    }

    #[test]
    fn an_unclosed_script_runs_to_the_end() {
        assert_eq!(strip_scripts_and_styles("<p>a</p><script>var x"), "<p>a</p><script>");
    }
}
