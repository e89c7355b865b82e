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
/// chardetng. A transport's UTF-16 is believed only of a body with NUL bytes near its start, and
/// a meta charset is read as WHATWG reads it (UTF-16 there means UTF-8). A charset that browsers
/// read as one replacement character (`iso-2022-kr`, `hz-gb-2312`...) is an error. A plain-text file must be UTF-8 (or carry a BOM): anything else is an error, since
/// guessing would silently corrupt figures.
pub fn decode<'b>(body: &'b [u8], format: DocFormat, charset: Option<&str>) -> Result<Cow<'b, str>, ReadError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(body) {
        return decode_strict(&body[bom_len..], enc);
    }
    let head = &body[..body.len().min(SNIFF_BYTES)];
    let from_transport = charset.and_then(|c| Encoding::for_label(c.trim().as_bytes()));
    if looks_binary(head) {
        // Text in UTF-16 without a byte-order mark has NUL bytes in every ASCII character.
        return match from_transport {
            Some(enc) if is_utf16(enc) => decode_strict(body, enc),
            _ => Err(ReadError::Binary),
        };
    }
    // Nor can a body without NUL bytes in its first kilobytes be UTF-16: its header is wrong.
    let declared = match from_transport.filter(|&enc| !is_utf16(enc)) {
        Some(enc) => Some((enc, charset.unwrap_or_default())),
        None => match format {
            DocFormat::Html => META_CHARSET.captures(head).and_then(|c| {
                let enc = Encoding::for_label(&c[1])?;
                let label = c.get(1).map_or(&[][..], |m| m.as_bytes());
                Some((as_meta_means(enc), std::str::from_utf8(label).unwrap_or_default()))
            }),
            DocFormat::Text | DocFormat::Body => None,
        },
    };
    if let Some((enc, label)) = declared {
        if enc == encoding_rs::REPLACEMENT {
            return Err(ReadError::UnreadableCharset {
                charset: label.trim().to_owned(),
            });
        }
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

/// Whether `enc` is UTF-16, of either byte order.
fn is_utf16(enc: &'static Encoding) -> bool {
    enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE
}

/// The encoding a meta charset of `enc` means (WHATWG, "prescan"): a page that could be read
/// as far as its meta tag in ASCII is not UTF-16 but UTF-8, and `x-user-defined` is Windows-1252.
fn as_meta_means(enc: &'static Encoding) -> &'static Encoding {
    if is_utf16(enc) {
        encoding_rs::UTF_8
    } else if enc == encoding_rs::X_USER_DEFINED {
        encoding_rs::WINDOWS_1252
    } else {
        enc
    }
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
    fn utf16_declared_on_a_page_without_nul_bytes_is_not_believed() {
        let page = "<html><head><meta charset=\"utf-16\"></head><body>Google got 3,000 requests.</body></html>";
        assert_eq!(decode(page.as_bytes(), DocFormat::Html, None).unwrap(), page);
        let page = page.replace("utf-16", "UTF-16BE");
        assert_eq!(decode(page.as_bytes(), DocFormat::Html, None).unwrap(), page);
        // From the transport: the meta charset (here none, so UTF-8) is read instead.
        let text = "Google got 3,000 requests.";
        assert_eq!(decode(text.as_bytes(), DocFormat::Html, Some("utf-16")).unwrap(), text);
        assert_eq!(
            decode(text.as_bytes(), DocFormat::Text, Some("utf-16le")).unwrap(),
            text
        );
        let latin = b"<meta charset=latin1><p>caf\xe9</p>";
        assert!(decode(latin, DocFormat::Html, Some("utf-16")).unwrap().contains("café"));
    }

    #[test]
    fn utf16_declared_by_the_transport_without_a_bom_is_decoded() {
        let body: Vec<u8> = "Requests: 31,002".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(
            decode(&body, DocFormat::Text, Some("utf-16")).unwrap(),
            "Requests: 31,002"
        );
        assert_eq!(decode(&body, DocFormat::Text, None), Err(ReadError::Binary));
    }

    #[test]
    fn x_user_defined_in_a_meta_tag_is_windows_1252() {
        let page = b"<meta charset=x-user-defined><p>caf\xe9 \x93quoted\x94</p>";
        let s = decode(page, DocFormat::Html, None).unwrap();
        assert!(s.contains("café “quoted”"), "{s}");
    }

    #[test]
    fn charsets_browsers_refuse_to_read_are_errors() {
        let page = b"<meta charset=\"hz-gb-2312\"><p>Google got 3,000 requests.</p>";
        let refused = |charset: &str| {
            Err(ReadError::UnreadableCharset {
                charset: charset.into(),
            })
        };
        assert_eq!(decode(page, DocFormat::Html, None), refused("hz-gb-2312"));
        assert_eq!(
            decode(b"Google got 3,000 requests.", DocFormat::Text, Some("ISO-2022-KR")),
            refused("ISO-2022-KR")
        );
    }

    #[test]
    fn undeclared_legacy_html_is_detected() {
        let page = "<html><body><p>Les autorités ont demandé des données à la société française, été après été.</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        let s = decode(&bytes, DocFormat::Html, None).unwrap();
        assert!(s.contains("autorités"), "{s}");
    }
}
