//! Reading one line of a paste: the characters people paste without seeing them, a status in
//! any of the forms it comes in, the token after a marker (a request id), a version number.

use std::borrow::Cow;

/// `bytes` without the characters people paste without seeing (zero-width spaces and joiners,
/// byte order marks, soft hyphens), and with non-breaking spaces as plain spaces, so a rule's
/// text still matches. Bytes that are not UTF-8 stay as they are.
pub fn visible(bytes: &[u8]) -> Cow<'_, [u8]> {
    // Every character concerned starts with one of these bytes; most text has none of them.
    if memchr::memchr3(0xC2, 0xE2, 0xEF, bytes).is_none() {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let (skip, replace): (usize, Option<u8>) = match rest {
            [0xE2, 0x80, 0x8B..=0x8D, ..] | [0xE2, 0x81, 0xA0, ..] | [0xEF, 0xBB, 0xBF, ..] => {
                (3, None)
            }
            [0xC2, 0xAD, ..] => (2, None),
            [0xC2, 0xA0, ..] => (2, Some(b' ')),
            [0xE2, 0x80, 0xAF, ..] => (3, Some(b' ')),
            _ => (0, None),
        };
        if skip == 0 {
            out.push(bytes[i]);
            i += 1;
        } else {
            out.extend(replace);
            i += skip;
        }
    }
    Cow::Owned(out)
}

/// Where a status is read from, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum StatusFrom {
    /// A response's status line or pseudo-header (`HTTP/1.1 502 Bad Gateway`, `:status: 502`),
    /// or a HAR entry.
    Response,
    /// A log's field (`status=503`, `"status": 502`, an access log's `"GET / HTTP/1.1" 502`) or
    /// an error page's title.
    Field,
}

/// The status an `http/x.y` marker at `at` of the lower-cased `line` introduces: a response's
/// status line (`http/1.1 502 bad gateway`, also after `< ` or a log prefix), or an access log's
/// status after the request (`"get / http/1.1" 502 157`).
pub fn status_after_http(line: &[u8], at: usize) -> Option<(u16, StatusFrom)> {
    let rest = &line[at..];
    let version_end = rest.iter().position(|&b| b == b' ' || b == b'"')?;
    let version = &rest[5..version_end];
    if version.is_empty() || !version.iter().all(|b| b.is_ascii_digit() || *b == b'.') {
        return None;
    }
    let after = &rest[version_end..];
    if let Some(code) = after.strip_prefix(b" ").and_then(three_digits) {
        // A status line starts its line (after a prompt or a log prefix that ends in a space).
        let before = &line[..at];
        let starts = before
            .iter()
            .rev()
            .take_while(|&&b| b != b' ')
            .all(|&b| matches!(b, b'<' | b'>' | b'[' | b']' | b'|' | b':' | b'"' | b'\''));
        let from = if starts {
            StatusFrom::Response
        } else {
            StatusFrom::Field
        };
        return Some((code, from));
    }
    let code = after.strip_prefix(b"\" ").and_then(three_digits)?;
    Some((code, StatusFrom::Field))
}

/// The status after a `:status`, `"status"`, `status=`, `status_code` or `<title>` marker that
/// ends at `end`.
pub fn status_after_marker(line: &[u8], end: usize) -> Option<u16> {
    let rest = &line[end..];
    let skip = rest
        .iter()
        .position(|b| !matches!(b, b' ' | b'"' | b':' | b'=' | b'\''))?;
    three_digits(&rest[skip..])
}

/// Whether `line` holds an nginx error log entry's start: the date and time, the level in
/// brackets, the process and thread (`2026/11/22 03:17:56 [error] 17160#17160: `), anywhere on
/// the line (after a quote mark or a container's name).
pub fn is_nginx_error_log(line: &[u8]) -> bool {
    const LEVELS: [&[u8]; 8] = [
        b"debug", b"info", b"notice", b"warn", b"error", b"crit", b"alert", b"emerg",
    ];
    const STAMP: &[u8; 20] = b"dddd/dd/dd dd:dd:dd ";
    let entry_at = |start: usize| -> Option<()> {
        let stamp = line.get(start..start + STAMP.len())?;
        let stamp_fits = stamp.iter().zip(STAMP).all(|(b, p)| match p {
            b'd' => b.is_ascii_digit(),
            _ => b == p,
        });
        let rest = line[start + STAMP.len()..]
            .strip_prefix(b"[")
            .filter(|_| stamp_fits)?;
        let close = rest.iter().position(|&b| b == b']')?;
        LEVELS
            .iter()
            .any(|level| level.eq_ignore_ascii_case(&rest[..close]))
            .then_some(())?;
        // ` PID#TID:`
        let after = rest[close + 1..].strip_prefix(b" ")?;
        let pid = after.iter().take_while(|b| b.is_ascii_digit()).count();
        let after = after[pid..].strip_prefix(b"#").filter(|_| pid > 0)?;
        let tid = after.iter().take_while(|b| b.is_ascii_digit()).count();
        (tid > 0 && after.get(tid) == Some(&b':')).then_some(())
    };
    // The date's first slash is four bytes in.
    memchr::memchr_iter(b'/', line).any(|slash| slash >= 4 && entry_at(slash - 4).is_some())
}

/// Whether `line` holds ingress-nginx's access log fields after the quoted user agent: ` LENGTH
/// SECONDS [UPSTREAM] [ALTERNATIVE]`, the alternative often empty.
pub fn is_ingress_nginx_access_log(line: &[u8]) -> bool {
    let fields_at = |start: usize| -> Option<()> {
        let rest = line.get(start..)?.strip_prefix(b"\" ")?;
        let length = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let rest = rest[length..].strip_prefix(b" ").filter(|_| length > 0)?;
        let seconds = rest
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'.')
            .count();
        let rest = rest[seconds..]
            .strip_prefix(b" [")
            .filter(|_| seconds > 0)?;
        // Two names in brackets, neither with a space in it.
        let name = |rest: &[u8]| rest.iter().position(|&b| b == b']' || b == b' ');
        let upstream = name(rest).filter(|&end| rest[end] == b']')?;
        let rest = rest[upstream..].strip_prefix(b"] [")?;
        let alternative = name(rest)?;
        (rest[alternative] == b']').then_some(())
    };
    memchr::memchr_iter(b'"', line).any(|quote| fields_at(quote).is_some())
}

/// Whether `line` is one word, once the spaces and the marks of Markdown and quotes around it
/// (`>`, `*`, `_`, `` ` ``, `#`, `|`, `-`) are left out.
pub fn is_one_word(line: &str) -> bool {
    let word = line.trim_matches(|c: char| c.is_whitespace() || "<>*_`#|-".contains(c));
    !word.is_empty() && !word.contains(char::is_whitespace)
}

/// An HTTP status at the start of `bytes`, not followed by another digit.
fn three_digits(bytes: &[u8]) -> Option<u16> {
    let digits = bytes.get(..3)?;
    if !digits.iter().all(u8::is_ascii_digit) || bytes.get(3).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let code = std::str::from_utf8(digits).ok()?.parse().ok()?;
    (100..600).contains(&code).then_some(code)
}

/// The token after the marker that ends at `end` of `line`: letters, digits and `-_.=:/+`,
/// at least 6 of them.
pub fn token_after(line: &str, end: usize) -> Option<String> {
    let rest = line.get(end..)?;
    let value: String = rest
        .trim_start_matches([' ', '"', '\'', '=', ':', '\t', '#'])
        .chars()
        .take_while(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '=' | ':' | '/' | '+')
        })
        .take(128)
        .collect();
    let value = value.trim_end_matches([':', '.', '/']).to_string();
    (value.len() >= 6 && value.chars().any(|c| c.is_ascii_digit())).then_some(value)
}

/// A version such as `1.22.1` right after the marker that ends at `end`.
pub fn version_after(line: &str, end: usize) -> Option<String> {
    let version: String = line
        .get(end..)?
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .take(20)
        .collect();
    let version = version.trim_end_matches('.').to_string();
    version
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn http(line: &str) -> Option<(u16, StatusFrom)> {
        let lower = line.to_ascii_lowercase();
        status_after_http(lower.as_bytes(), lower.find("http/")?)
    }

    #[test]
    fn nginx_error_log_entries_are_told_by_their_form() {
        for line in [
            "2026/11/22 03:17:56 [error] 17160#17160: *9 connect() failed",
            "> 2020/09/08 17:58:56 [error] 3087#3087: *2 connect() failed (111: Connection ref$",
            "web_1  | 2017/12/11 16:35:02 [crit] 59#0: *244286 connect() to unix:/run/php.sock",
        ] {
            assert!(is_nginx_error_log(line.as_bytes()), "{line}");
        }
        for line in [
            "2026/11/22 03:17:56 [error] connect() failed",
            "[Sun Nov 22 03:17:56 2026] [error] [client 203.0.113.7] proxy: error",
            "2026/11/22 03:17:56 [oops] 1#1: x",
            "1/2",
        ] {
            assert!(!is_nginx_error_log(line.as_bytes()), "{line}");
        }
    }

    #[test]
    fn ingress_nginx_access_log_entries_are_told_by_their_fields() {
        for line in [
            "10.244.5.1 - - [20/Sep/2021:15:25:23 +0000] \"GET /check HTTP/1.1\" 504 160 \"-\" \"curl/7.58.0\" 93 15.004 [aks-check-80] [] 10.244.6.15:8080 0 5.000 504 5a40",
            "ingress-nginx-controller-x controller 1.2.3.4 - - [x] \"GET / HTTP/2.0\" 502 150 \"-\" \"Mozilla/5.0\" 36 0.001 [default-web-80] [default-web-canary-80] 10.0.0.9:80 0 0.000 502 abc",
        ] {
            assert!(is_ingress_nginx_access_log(line.as_bytes()), "{line}");
        }
        for line in [
            "203.0.113.7 - - [22/Nov/2026:03:00:00 +0000] \"GET / HTTP/1.1\" 502 157 \"-\" \"curl/8.5.0\"",
            "\"GET / HTTP/1.1\" 502 157 \"-\" \"curl\" 93 1.0 [a b] [] x",
            "\" 1 2 [",
        ] {
            assert!(!is_ingress_nginx_access_log(line.as_bytes()), "{line}");
        }
    }

    #[test]
    fn a_line_of_one_word_is_told_from_a_sentence() {
        for line in [
            "cloudflare",
            "  nginx\r",
            "> **openresty**",
            "| cloudflare |",
        ] {
            assert!(is_one_word(line), "{line:?}");
        }
        for line in [
            "",
            "  ",
            "> ",
            "behind cloudflare",
            "Cloudflare Ray ID: 8a1b",
        ] {
            assert!(!is_one_word(line), "{line:?}");
        }
    }

    #[test]
    fn statuses_are_read_in_every_form() {
        assert_eq!(
            http("HTTP/1.1 502 Bad Gateway"),
            Some((502, StatusFrom::Response))
        );
        assert_eq!(http("< HTTP/2 504 "), Some((504, StatusFrom::Response)));
        assert_eq!(
            http("web-1  | HTTP/1.0 503"),
            Some((503, StatusFrom::Response))
        );
        assert_eq!(
            http("203.0.113.7 - - [22/Nov/2026:03:00:00 +0000] \"GET / HTTP/1.1\" 502 157"),
            Some((502, StatusFrom::Field))
        );
        assert_eq!(http("the HTTP/1.1 spec"), None);
        assert_eq!(http("HTTP/1.1 999 nope"), None);
        assert_eq!(http("HTTP/1.1 5020"), None);
        assert_eq!(status_after_marker(b":status: 503", 7), Some(503));
        assert_eq!(status_after_marker(b"\"status\":\"502\"", 8), Some(502));
        assert_eq!(status_after_marker(b"status=503 bytes=0", 7), Some(503));
    }

    #[test]
    fn invisible_characters_go_and_the_rest_stays() {
        let text = "up\u{200b}stream\u{00a0}closed \u{feff}\u{00ad}x";
        assert_eq!(&*visible(text.as_bytes()), b"upstream closed x");
        assert!(matches!(visible(b"plain"), Cow::Borrowed(_)));
        assert_eq!(&*visible(&[0xE2, 0xFF, b'a']), &[0xE2, 0xFF, b'a']);
        assert_eq!(&*visible("Ошибка 502".as_bytes()), "Ошибка 502".as_bytes());
    }

    #[test]
    fn tokens_and_versions_follow_their_markers() {
        assert_eq!(
            token_after("cf-ray: 8a1b2c3d4e5f6789-AMS", 7).as_deref(),
            Some("8a1b2c3d4e5f6789-AMS")
        );
        assert_eq!(
            token_after("Ray ID: welcome", 7),
            None,
            "a word is not an id"
        );
        assert_eq!(
            version_after("nginx/1.22.1 (Ubuntu)", 6).as_deref(),
            Some("1.22.1")
        );
        assert_eq!(version_after("nginx/ ", 6), None);
    }
}
