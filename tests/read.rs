//! The HTML reader on small hand-made pages, one per thing real pages do: charsets, AMP, JSON-LD
//! bodies, `<br>` paragraphs, tables, captions and pull quotes, paywall teasers, boilerplate
//! numbers, deep nesting; and `figmine read` on files.

use figmine::extract::Deadline;
use figmine::fetch::{DocFormat, Document};
use figmine::read::{read, read_until, Article, ReadError};
use std::process::Command;
use std::time::Duration;

fn doc(body: &[u8], charset: Option<&str>) -> Document {
    Document {
        id: "page.html".into(),
        location: "page.html".into(),
        url: None,
        body: body.to_vec(),
        format: DocFormat::Html,
        charset: charset.map(str::to_owned),
        published: None,
    }
}

fn read_page(html: &str) -> Article {
    read(&doc(html.as_bytes(), None)).expect("page reads")
}

/// A page with the usual furniture around `body` (inside `<article>`).
fn news_page(body: &str) -> String {
    format!(
        r#"<!doctype html><html><head><title>Requests rise | Daily Wire</title>
        <meta property="og:site_name" content="Daily Wire">
        <meta property="article:published_time" content="2015-02-05T09:30:00Z"></head>
        <body><header><nav><a href="/">Home</a> <a href="/top">Top 10</a></nav></header>
        <main><article><h1>Requests rise to 31,002</h1>
        <div class="byline">By Ann Smith, 5 Feb 2015</div>
        <div class="share-bar"><a>Share</a> <span>1,204 shares</span></div>
        {body}
        </article>
        <aside class="related"><h3>Related</h3><ul><li><a href="/a">Apple got 3,000 requests in 2013</a></li>
        <li><a href="/b">Yahoo says 45 percent were refused</a></li></ul></aside></main>
        <footer>© 2015 Daily Wire. Call (425) 882-8080. 77 Main St.</footer></body></html>"#
    )
}

const PARAS: &str = "<p>Microsoft received 31,002 requests in the second half of 2014, up 3 percent.</p>\
    <p>The company disclosed content in 3 percent of the cases, it said on Thursday.</p>";

#[test]
fn boilerplate_numbers_never_reach_the_text() {
    let a = read_page(&news_page(PARAS));
    assert_eq!(
        a.text,
        "Microsoft received 31,002 requests in the second half of 2014, up 3 percent.\n\n\
         The company disclosed content in 3 percent of the cases, it said on Thursday."
    );
    for furniture in [
        "1,204",
        "3,000",
        "45 percent",
        "882-8080",
        "Top 10",
        "Ann Smith",
        "Requests rise",
    ] {
        assert!(!a.text.contains(furniture), "{furniture} leaked into {:?}", a.text);
    }
}

#[test]
fn title_date_and_publisher_come_from_the_page() {
    let a = read_page(&news_page(PARAS));
    assert_eq!(a.title.as_deref(), Some("Requests rise to 31,002"));
    assert_eq!(a.published.as_deref(), Some("2015-02-05"));
    assert_eq!(a.publisher.as_deref(), Some("Daily Wire"));
}

#[test]
fn json_ld_dates_publishers_and_time_elements_are_read() {
    let page = r#"<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"NewsArticle","headline":"Google report",
         "datePublished":"2014-09-15T08:00:00-07:00","publisher":{"@type":"Organization","name":"Tech Desk"}}
        </script></head><body><article><p>Google received 31,698 requests from governments worldwide.</p>
        <p>That is 15 percent more than in the previous six months, the company said.</p></article></body></html>"#;
    let a = read_page(page);
    assert_eq!(a.published.as_deref(), Some("2014-09-15"));
    assert_eq!(a.publisher.as_deref(), Some("Tech Desk"));
    let page = r#"<html><body><article><time datetime="2013-11-14">14 Nov</time>
        <p>Yahoo received 29,470 requests in the first half of the year, it said on Thursday.</p></article></body></html>"#;
    assert_eq!(read_page(page).published.as_deref(), Some("2013-11-14"));
}

#[test]
fn json_ld_article_body_is_used_when_the_markup_has_no_paragraphs() {
    let page = r#"<html><head><script type="application/ld+json">
        {"@type":"NewsArticle","articleBody":"Twitter received 2,871 requests.\nIt complied with 52 percent of them."}
        </script></head><body><div id="app"></div></body></html>"#;
    assert_eq!(
        read_page(page).text,
        "Twitter received 2,871 requests.\n\nIt complied with 52 percent of them."
    );
}

#[test]
fn br_separated_lines_are_paragraphs() {
    let page = news_page(
        "<div class=\"story\">Facebook received 34,946 requests in the first half of 2014.<br><br>\
         The United States made 15,433 of them, the company said.<br>India was second with 4,559.</div>",
    );
    let a = read_page(&page);
    assert_eq!(
        a.text,
        "Facebook received 34,946 requests in the first half of 2014.\n\n\
         The United States made 15,433 of them, the company said.\n\nIndia was second with 4,559."
    );
}

#[test]
fn table_rows_become_lines_of_cells_separated_by_tabs() {
    let page = news_page(&format!(
        "{PARAS}<table><tr><th>Half</th><th>Requests</th></tr><tr><td>H1 2014</td><td>29,810</td></tr>\
         <tr><td>H2 2014</td><td>31,002</td></tr></table>"
    ));
    let a = read_page(&page);
    assert!(
        a.text.ends_with("Half\tRequests\n\nH1 2014\t29,810\n\nH2 2014\t31,002"),
        "{:?}",
        a.text
    );
}

#[test]
fn captions_and_pull_quotes_are_not_duplicated_into_the_body() {
    let page = news_page(&format!(
        "{PARAS}<figure><img src=\"chart.png\"><figcaption>Requests by half, 2012 to 2014</figcaption></figure>\
         <span class=\"newsCaption\">Brad Smith in 2014</span>\
         <aside class=\"pull-quote\">up 3 percent</aside><div class=\"pullquote\">31,002 requests</div>\
         <p>Requests from Germany fell to 2,491, the report showed.</p>"
    ));
    let a = read_page(&page);
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.text);
    for caption in ["Requests by half", "Brad Smith in 2014"] {
        assert!(!a.text.contains(caption), "{caption} in {:?}", a.text);
    }
    assert_eq!(a.text.matches("up 3 percent").count(), 1);
}

#[test]
fn a_paywall_teaser_keeps_the_teaser_and_drops_the_offer() {
    let page = news_page(&format!(
        "{PARAS}<div class=\"paywall-offer subscribe\"><p>Subscribe for $1 a week to keep reading. \
         Already a subscriber? Sign in to read 12 more articles.</p></div>"
    ));
    let a = read_page(&page);
    assert!(a.text.contains("31,002"));
    assert!(
        !a.text.contains("$1 a week") && !a.text.contains("12 more"),
        "{:?}",
        a.text
    );
}

#[test]
fn amp_pages_are_read_without_their_sidebar_and_ads() {
    let page = format!(
        r#"<!doctype html><html amp lang="en"><head><meta charset="utf-8"><title>AMP</title></head><body>
        <amp-sidebar id="menu" layout="nodisplay"><ul><li>Section 1</li><li>Section 22</li></ul></amp-sidebar>
        <article>{PARAS}<amp-ad width="300" height="250" type="doubleclick">Ad 300x250</amp-ad>
        <amp-img src="a.jpg" width="600" height="400"></amp-img></article></body></html>"#
    );
    let a = read_page(&page);
    assert_eq!(a.paragraphs.len(), 2, "{:?}", a.text);
    assert!(!a.text.contains("Section") && !a.text.contains("300x250"));
}

#[test]
fn a_print_variant_without_any_furniture_is_read_whole() {
    let page = format!("<html><body>{PARAS}</body></html>");
    assert_eq!(read_page(&page).paragraphs.len(), 2);
}

#[test]
fn charset_from_the_transport_wins() {
    let html = format!("<html><body>{PARAS}<p>Caf\u{e9} “quoted”.</p></body></html>");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
    let a = read(&doc(&bytes, Some("windows-1252"))).unwrap();
    assert!(a.text.contains("Café “quoted”."), "{:?}", a.text);
}

#[test]
fn charset_from_a_meta_http_equiv_tag() {
    let html = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head>\
         <body>{PARAS}<p>Роскомнадзор получил 1 200 запросов.</p></body></html>"
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
    let a = read(&doc(&bytes, None)).unwrap();
    assert!(a.text.contains("Роскомнадзор получил 1 200 запросов."), "{:?}", a.text);
}

#[test]
fn undeclared_charsets_are_detected() {
    let html = "<html><body><p>Роскомнадзор получил 1 200 запросов от правительства в прошлом году, \
         сообщила компания в четверг.</p><p>Это на 15 процентов больше, чем годом ранее, говорится в отчёте.</p></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(html);
    let a = read(&doc(&bytes, None)).unwrap();
    assert!(a.text.contains("Роскомнадзор получил 1 200 запросов"), "{:?}", a.text);
    let html = "<html><body><p>政府からの情報開示請求は前年比15パーセント増の3,102件だった、と同社は発表した。</p></body></html>";
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(html);
    let a = read(&doc(&bytes, None)).unwrap();
    assert!(a.text.contains("3,102件"), "{:?}", a.text);
}

#[test]
fn utf8_mislabelled_as_latin1_is_read_as_utf8() {
    let html =
        format!("<html><head><meta charset=\"iso-8859-1\"></head><body>{PARAS}<p>Müller said “no”.</p></body></html>");
    let a = read(&doc(html.as_bytes(), None)).unwrap();
    assert!(a.text.contains("Müller said “no”."), "{:?}", a.text);
}

/// A page read as far as its meta tag in ASCII is not UTF-16, whatever the tag or the header
/// says (such pages were once read as CJK mojibake with no figures and no error).
#[test]
fn utf16_declared_on_an_ascii_page_is_read_as_utf8() {
    let plain = read_page(&format!("<html><body>{PARAS}</body></html>"));
    let html = format!("<html><head><meta charset=\"utf-16\"></head><body>{PARAS}</body></html>");
    assert_eq!(read_page(&html).text, plain.text);
    let html = format!("<html><body>{PARAS}</body></html>");
    assert_eq!(read(&doc(html.as_bytes(), Some("utf-16"))).unwrap().text, plain.text);
}

/// A page declaring a charset that browsers read as one replacement character is an error (such
/// pages were once read as that one character, and the next such page as its duplicate).
#[test]
fn a_charset_browsers_refuse_is_a_read_error() {
    let html = format!("<html><head><meta charset=\"iso-2022-kr\"></head><body>{PARAS}</body></html>");
    let error = read(&doc(html.as_bytes(), None)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the page declares the charset \"iso-2022-kr\", which browsers refuse to read"
    );
}

#[test]
fn byte_order_marks_decide_the_encoding() {
    let html = format!("<html><body>{PARAS}<p>Zoë’s report.</p></body></html>");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in html.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    assert!(read(&doc(&utf16, None)).unwrap().text.contains("Zoë’s report."));
    let mut utf8 = vec![0xEF, 0xBB, 0xBF];
    utf8.extend_from_slice(html.as_bytes());
    // The BOM wins over a wrong transport charset.
    assert!(read(&doc(&utf8, Some("windows-1252")))
        .unwrap()
        .text
        .contains("Zoë’s report."));
}

#[test]
fn a_page_nested_100000_levels_deep_is_refused_not_a_crash() {
    let html = format!("<html><body>{}<p>deep</p></body></html>", "<div>".repeat(100_000));
    match read(&doc(html.as_bytes(), None)) {
        Err(ReadError::TooDeep { depth, limit }) => assert!(depth > limit),
        other => panic!("expected TooDeep, got {other:?}"),
    }
}

#[test]
fn a_page_nested_just_under_the_limit_is_read() {
    let depth = figmine::read::html::MAX_DEPTH - 10;
    let html = format!(
        "<html><body>{}{PARAS}{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    assert_eq!(read(&doc(html.as_bytes(), None)).unwrap().paragraphs.len(), 2);
}

/// End tags of elements that are not open, under thousands of open elements (ruby and option
/// elements the depth scan does not count among them): each was once looked for through every
/// open element, some 280 s for a 4 MB page. They close nothing; the article reads as it is.
#[test]
fn unmatched_end_tags_under_thousands_of_open_elements_close_nothing() {
    let plain = read_page(&format!("<html><body><article>{PARAS}</article></body></html>"));
    for open in ["<span>".repeat(1_999), "<rb><option>".repeat(2_100)] {
        let html = format!(
            "<html><body><article>{PARAS}</article>{open}{}</body></html>",
            "</b></x>".repeat(3_000)
        );
        assert_eq!(read_page(&html).text, plain.text);
    }
}

/// A page of millions of tags is refused once the parser has read as many parts as the most a
/// page may have, before it holds gigabytes (a 60 MB page of `<p>word` once took 2.96 GB).
#[test]
fn a_page_of_millions_of_tags_is_refused() {
    let html = format!(
        "<html><body><article>{PARAS}{}</article></body></html>",
        "<br>".repeat(2_000_000)
    );
    let limit = figmine::read::html::MAX_PARTS;
    assert_eq!(
        read(&doc(html.as_bytes(), None)),
        Err(ReadError::TooManyParts { limit })
    );
    let message = ReadError::TooManyParts { limit }.to_string();
    assert!(
        message.contains("more than 2000000 tags, attributes and runs of text"),
        "{message}"
    );
}

/// Reading an HTML page stops once its deadline passes, with a reason that says so.
#[test]
fn reading_past_its_deadline_is_an_error() {
    let html = format!("<html><body><article>{PARAS}</article></body></html>");
    let passed = Deadline::after(Duration::ZERO);
    let error = read_until(&doc(html.as_bytes(), None), passed).unwrap_err();
    assert_eq!(error, ReadError::OverBudget(Duration::ZERO));
    let budget = ReadError::OverBudget(Duration::from_secs(30)).to_string();
    assert_eq!(budget, "reading ran past its time budget of 30s");
    assert!(read_until(&doc(html.as_bytes(), None), Deadline::after(Duration::from_secs(3600))).is_ok());
}

#[test]
fn figmine_read_prints_or_writes_the_article_text() {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("story.html.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(news_page(PARAS).as_bytes()).unwrap();
    std::fs::write(&page, gz.finish().unwrap()).unwrap();
    let out = tmp.path().join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_figmine"))
        .args(["read", "--out"])
        .arg(&out)
        .arg(&page)
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(out.join("story.txt")).unwrap();
    assert!(
        text.starts_with("Microsoft received 31,002 requests") && !text.contains("1,204"),
        "{text}"
    );
    let printed = Command::new(env!("CARGO_BIN_EXE_figmine"))
        .arg("read")
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(printed.stdout).unwrap(), text);
}

#[test]
fn a_you_may_also_like_heading_ends_the_article() {
    let teaser = "<p>Apple received 3,431 requests in the second half of 2014, a rise of 12 percent over a year.</p>";
    let page = format!(
        "<html><body><div class=\"post\">{PARAS}<h3>You may also like...</h3>{teaser}{teaser}</div></body></html>"
    );
    let a = read_page(&page);
    assert_eq!(a.paragraphs.len(), 2, "{:?}", a.text);
    assert!(!a.text.contains("3,431"));
}

#[test]
fn hover_cards_and_updated_lines_stay_out_of_the_text() {
    let page = news_page(
        "<p>Rep. <a href=\"/people/x\">Jane Doe</a><span class=\"rollover-people-block\"><a>Jane Doe</a>\
         <a>Doe says 40 percent of 2,000 voters agree</a></span> said the requests rose to 31,002 last year.</p>\
         <p>Updated at 1:23 p.m.</p><p>The company disclosed content in 3 percent of the cases, it said.</p>",
    );
    let a = read_page(&page);
    assert!(
        !a.text.contains("40 percent") && !a.text.contains("1:23"),
        "{:?}",
        a.text
    );
    assert!(
        a.text.contains("Jane Doe said the requests rose to 31,002"),
        "{:?}",
        a.text
    );
}

#[test]
fn a_paywalled_teaser_gives_way_to_the_full_json_ld_body() {
    let full = "Microsoft received 31,002 requests in the second half of 2014, up 3 percent.\\n\
        The company disclosed content in 3 percent of the cases, it said on Thursday.\\n\
        Requests from Germany fell to 2,491 while those from France rose to 5,637, the report showed.\\n\
        The United Kingdom made 4,518 requests, and Turkey made 1,144, most of them about fraud.\\n\
        Microsoft said it would keep challenging orders that it considered too broad.";
    let page = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","articleBody":"{full}"}}</script>
        </head><body><article><p>Microsoft received 31,002 requests in the second half of 2014, up 3 percent.</p>
        <div class="paywall"><p>Subscribe to read the rest of this story.</p></div></article></body></html>"#
    );
    let a = read_page(&page);
    assert_eq!(a.paragraphs.len(), 5, "{:?}", a.text);
    assert!(a.text.contains("Turkey made 1,144") && !a.text.contains("Subscribe"));
}

/// A newsletter's issue is its page's article: a container named for the newsletter holds it,
/// and a short list of past issues beside it is no article. A sign-up box named "newsletter"
/// inside a news page still never reaches the text.
#[test]
fn a_newsletter_issue_is_the_article_and_a_signup_box_is_not() {
    let para = |n: usize| {
        format!(
            "<p>Dropbox received {n} search warrants from US agencies in the second half of 2017, \
             and the company said it pushed back on several of them in court.</p>"
        )
    };
    let page = format!(
        r#"<html><body><div class="container"><div class="newsletter-issue">
        <h1>The Tracker, spring 2018</h1>{}{}{}{}{}</div>
        <div class="archive-links"><h3>Past issues</h3><ul><li>Issue 16: 5 takeaways</li>
        <li>Issue 15: 3 charts on letters</li></ul></div></div></body></html>"#,
        para(1160),
        para(1161),
        para(1162),
        para(1163),
        para(1164)
    );
    let a = read_page(&page);
    for n in 1160..=1164 {
        assert!(a.text.contains(&n.to_string()), "{n} missing from {:?}", a.text);
    }
    assert!(!a.text.contains("takeaways"), "{:?}", a.text);

    let signup = r#"<div class="c-newsletter"><p>Sign up: 3 stories a day from our 12 editors.</p></div>"#;
    let a = read_page(&news_page(&format!("{PARAS}{signup}")));
    assert!(!a.text.contains("12 editors"), "{:?}", a.text);
}
