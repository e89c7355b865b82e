//! Bytes to text: byte-order marks, declared charsets, detection, and binary sniffing.

use super::ReadError;
use crate::fetch::DocFormat;
use encoding_rs::Encoding;
use regex::bytes::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
static META_CHARSET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)"#).unwrap());

/// How many leading bytes are sniffed for NULs and meta tags.
const SNIFF_BYTES: usize = 8192;

/// Decodes a document body to a string, borrowed from `body` when it is UTF-8 already (most
/// pages: a copy of each page was some 2.5% of reading HTML).
///
/// Order of trust: a byte-order mark, then the transport's charset, then (HTML) a meta charset,
/// then strict UTF-8; an HTML page that is not UTF-8 and declares nothing is detected with
/// chardetng. A plain-text file must be UTF-8 (or carry a BOM): anything else is an error, since
/// guessing would silently corrupt figures.
pub fn decode<'b>(body: &'b [u8], format: DocFormat, charset: Option<&str>) -> Result<Cow<'b, str>, ReadError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(body) {
        return decode_strict(&body[bom_len..], enc);
    }
    let head = &body[..body.len().min(SNIFF_BYTES)];
    if looks_binary(head) {
        return Err(ReadError::Binary);
    }
    let declared = charset
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        .or_else(|| match format {
            DocFormat::Html => META_CHARSET.captures(head).and_then(|c| Encoding::for_label(&c[1])),
            DocFormat::Text | DocFormat::Body => None,
        });
    if let Some(enc) = declared {
        // A page that declares a charset but is valid UTF-8 is almost always UTF-8 mislabelled.
        if enc != encoding_rs::UTF_8 && std::str::from_utf8(body).is_ok() && !body.is_ascii() {
            return decode_strict(body, encoding_rs::UTF_8);
        }
        return Ok(enc.decode_without_bom_handling(body).0);
    }
    match std::str::from_utf8(body) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(_) if format == DocFormat::Html => {
            let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(body, true);
            let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
            Ok(enc.decode_without_bom_handling(body).0)
        }
        Err(e) => Err(ReadError::InvalidEncoding {
            encoding: "UTF-8".into(),
            offset: e.valid_up_to(),
        }),
    }
}

fn decode_strict<'b>(body: &'b [u8], enc: &'static Encoding) -> Result<Cow<'b, str>, ReadError> {
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    if had_errors {
        let offset = match std::str::from_utf8(body) {
            Err(e) if enc == encoding_rs::UTF_8 => e.valid_up_to(),
            _ => 0,
        };
        return Err(ReadError::InvalidEncoding {
            encoding: enc.name().into(),
            offset,
        });
    }
    Ok(text)
}

/// Text never holds NUL bytes; images and archives almost always do in their first kilobytes.
fn looks_binary(head: &[u8]) -> bool {
    head.contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_text_is_taken_as_is() {
        assert_eq!(
            decode("31,002 “requests”".as_bytes(), DocFormat::Text, None).unwrap(),
            "31,002 “requests”"
        );
        // borrowed from the body, not copied
        let body = "31,002 “requests”".as_bytes();
        assert!(matches!(decode(body, DocFormat::Text, None), Ok(Cow::Borrowed(s)) if s.as_ptr() == body.as_ptr()));
    }

    #[test]
    fn invalid_utf8_text_is_an_error_with_its_offset() {
        let err = decode(b"abc\xff\xfe def", DocFormat::Text, None).unwrap_err();
        assert_eq!(
            err,
            ReadError::InvalidEncoding {
                encoding: "UTF-8".into(),
                offset: 3
            }
        );
    }

    #[test]
    fn binary_and_empty_bodies_are_errors() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0", DocFormat::Html, None),
            Err(ReadError::Binary)
        );
        assert_eq!(decode(b"  \n", DocFormat::Text, None), Err(ReadError::Empty));
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let mut body = vec![0xFF, 0xFE];
        for u in "Requests: 31,002".encode_utf16() {
            body.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&body, DocFormat::Text, None).unwrap(), "Requests: 31,002");
    }

    #[test]
    fn html_meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9 \x93quoted\x94</body></html>";
        let s = decode(page, DocFormat::Html, None).unwrap();
        assert!(s.contains("café “quoted”"), "{s}");
    }

    #[test]
    fn undeclared_legacy_html_is_detected() {
        let page = "<html><body><p>Les autorités ont demandé des données à la société française, été après été.</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        let s = decode(&bytes, DocFormat::Html, None).unwrap();
        assert!(s.contains("autorités"), "{s}");
    }
}
