//! Reads and writes single parameters of a URL query string, leaving the others exactly as they
//! were: the walk shares the query string with parameters that other parts of the page (and the
//! sites that link here) own.

/// The decoded value of the first `key` parameter. Malformed escapes are kept as typed and
/// invalid UTF-8 becomes U+FFFD, so hostile input never fails.
pub fn get(query: &str, key: &str) -> Option<String> {
    pairs(query)
        .find(|(k, _)| decode(k) == key)
        .map(|(_, v)| decode(v.unwrap_or_default()))
}

/// `query` with every `key` parameter removed and, if `value` is given, one `key=value` put where
/// the first one stood (or at the end). Other parameters are written back as they came. The
/// result has no leading `?`.
pub fn set(query: &str, key: &str, value: Option<&str>) -> String {
    let ours = value.map(|v| format!("{}={}", encode(key), encode(v)));
    let mut out: Vec<String> = Vec::new();
    let mut placed = false;
    for (k, v) in pairs(query) {
        if decode(k) != key {
            out.push(v.map_or_else(|| k.to_string(), |v| format!("{k}={v}")));
        } else if !placed {
            placed = true;
            out.extend(ours.clone());
        }
    }
    if !placed {
        out.extend(ours);
    }
    out.join("&")
}

/// The raw `key` and, where the pair has an `=`, the raw value.
fn pairs(query: &str) -> impl Iterator<Item = (&str, Option<&str>)> {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (pair, None),
        })
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let hex = |i: usize| bytes.get(i).and_then(|&b| (b as char).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
            (b'+', ..) => out.push(b' '),
            (byte, ..) => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `text` percent-encoded for a URL: everything but letters, digits and `-._~`, as
/// `encodeURIComponent` does (and `~` too).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_decodes_escapes_and_plus() {
        assert_eq!(
            get("?a=x.y&url=https%3A%2F%2Fexample.com%2F%3Fq%3D1+2", "url").as_deref(),
            Some("https://example.com/?q=1 2")
        );
        assert_eq!(get("a=x.y", "a").as_deref(), Some("x.y"));
        assert_eq!(get("a=x.y", "b"), None);
        assert_eq!(get("a", "a").as_deref(), Some(""));
    }

    #[test]
    fn get_survives_broken_escapes_and_bad_utf8() {
        assert_eq!(get("a=%", "a").as_deref(), Some("%"));
        assert_eq!(get("a=%4", "a").as_deref(), Some("%4"));
        assert_eq!(get("a=%zz", "a").as_deref(), Some("%zz"));
        assert_eq!(get("a=%ff%fe", "a").as_deref(), Some("\u{fffd}\u{fffd}"));
    }

    #[test]
    fn set_replaces_in_place_and_keeps_the_rest_verbatim() {
        assert_eq!(
            set("?url=a%20b&a=old&rid=1", "a", Some("x.y")),
            "url=a%20b&a=x.y&rid=1"
        );
        assert_eq!(set("url=a%20b&flag", "a", Some("x")), "url=a%20b&flag&a=x");
        assert_eq!(set("a=1&b=2&a=3", "a", None), "b=2");
        assert_eq!(set("", "a", Some("x y")), "a=x%20y");
        assert_eq!(set("", "a", None), "");
    }
}
