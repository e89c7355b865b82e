//! HTML building blocks: escaping, the page frame with its inline style sheet, file names.
//!
//! Every string that comes from an article (text, title, names, ids, messages) goes through
//! [`escape`] before it reaches the page, in text and in (always double-quoted) attributes alike.
//! Pages also carry a Content-Security-Policy that allows no script at all, so a slip in
//! escaping could not run code, and would show up as a console error in the browser test.

/// Escapes `&`, `<`, `>`, `"` and `'`, which makes any string safe as element text and as a
/// quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether `url` may become a link: only `http:` and `https:` (never `javascript:`, `data:`...).
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && !url.chars().any(char::is_control)
}

/// A link to `url` if it is a web address, else the address as plain text.
pub fn source_link(url: &str) -> String {
    if is_web_url(url) {
        format!("<a href=\"{0}\" rel=\"noreferrer\">{0}</a>", escape(url))
    } else {
        format!("<code>{}</code>", escape(url))
    }
}

/// The page file name for an article id: readable, safe on every file system, and unique
/// (a hash of the full id is appended, since different ids can sanitise alike).
pub fn page_name(id: &str) -> String {
    let readable: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let readable = readable.trim_matches('-');
    let short: String = readable.chars().take(60).collect();
    let short = if short.is_empty() { "article".to_owned() } else { short };
    format!("{}-{:016x}.html", short, fnv1a(id.as_bytes()))
}

/// FNV-1a, 64 bits: stable across runs and platforms (std's hasher is not).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A whole page: `title` is escaped here, `body` must already be HTML.
pub fn page(title: &str, body: &str) -> String {
    format!("{}{body}{PAGE_END}", page_start(title))
}

/// A page up to its body, for a page written in pieces ([`page`] writes it whole); the body
/// and [`PAGE_END`] follow.
pub fn page_start(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{} · figmine</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        escape(title)
    )
}

/// What closes a page after its body.
pub const PAGE_END: &str = "\n</body>\n</html>\n";

const CSS: &str = r#"
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header{background:#1f3a5f;color:#fff;padding:12px 24px}
header a{color:#cfe3ff}
header h1{margin:4px 0;font-size:22px}
.meta{color:#dbe6f3;font-size:13px;margin:0}
.meta code{color:#fff}
main{padding:16px 24px}
.page{display:grid;grid-template-columns:minmax(0,3fr) minmax(260px,2fr);gap:24px}
.text{background:#fff;padding:16px 20px;border-radius:6px;white-space:pre-wrap;box-shadow:0 1px 2px #0002}
aside section,.card{background:#fff;padding:12px 16px;border-radius:6px;margin-bottom:16px;box-shadow:0 1px 2px #0002}
h2{font-size:16px;margin:0 0 8px}
mark.fig{background:#ffe58a;border-bottom:2px solid #d4a100;position:relative;cursor:help;padding:0 1px}
mark.fig:hover::after{content:attr(data-tip);position:absolute;left:0;top:1.6em;z-index:2;white-space:pre;
 background:#1d232a;color:#fff;font-size:12px;padding:4px 8px;border-radius:4px}
mark.fig.ev,.ev{outline:2px solid #d33;outline-offset:1px}
.quote{background:#e3f0ff;border-radius:3px}
.who{font-size:11px;color:#1f5fa8;font-weight:600;margin-left:3px;vertical-align:super}
.error-box{background:#fde8e8;border:1px solid #d33;padding:8px 12px;border-radius:6px}
.finding{margin-bottom:10px}
.sev-error b{color:#b00}
.sev-warning b{color:#a60}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #e4e7eb;vertical-align:top}
td.p,th.n{white-space:nowrap}
.wide{overflow-x:auto}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:12px}
.chart{background:#fff;border-radius:6px;padding:8px;box-shadow:0 1px 2px #0002}
.chart h3{font-size:13px;margin:0 0 4px}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
.totals{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:16px}
.totals div{background:#fff;padding:8px 16px;border-radius:6px;box-shadow:0 1px 2px #0002}
.totals b{display:block;font-size:22px}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup_in_text_and_attributes() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert('1')">&"#),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;"
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_url("https://example.org/a"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url(" JaVaScRiPt:alert(1)"));
        assert!(!is_web_url("data:text/html,<script>"));
        assert!(source_link("javascript:alert(1)").starts_with("<code>"));
    }

    #[test]
    fn page_names_are_safe_and_distinct() {
        let a = page_name("news/2014/ms.txt");
        let b = page_name("news/2014-ms.txt");
        assert_ne!(a, b);
        assert!(a.starts_with("news-2014-ms-txt-"));
        let odd = page_name("../../<script>é\u{0}.html");
        assert!(odd.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'));
        assert!(!odd.starts_with('.'));
    }
}
