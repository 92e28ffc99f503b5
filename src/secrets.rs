//! What looks secret in what people paste and link: the user and password before a host, the
//! values of query and fragment parameters named like tokens, keys or passwords, and the values
//! of headers that carry credentials. The report, the share link and the paste analyser hide
//! them as `***`, so a reader can hand their text to support without leaking a session.

/// Words that, inside a parameter's name, make its value secret.
const SECRET_WORDS: [&str; 11] = [
    "token",
    "key",
    "sig",
    "session",
    "auth",
    "password",
    "passwd",
    "pwd",
    "secret",
    "code",
    "credential",
];

/// Headers whose values are credentials.
pub const SECRET_HEADERS: [&str; 6] = [
    "cookie",
    "set-cookie",
    "authorization",
    "proxy-authorization",
    "x-api-key",
    "x-amz-security-token",
];

/// Whether a parameter named `name` (any case) holds something secret.
pub fn is_secret_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SECRET_WORDS.iter().any(|word| name.contains(word))
}

/// A line of pasted text with secrets hidden: the value of a credential header (`Cookie: …`,
/// `Authorization: Bearer …`), a bearer token anywhere, the values of HAR-style JSON pairs
/// (`{"name": "Cookie", "value": "…"}`, and every cookie of a `"cookies"` list), and the
/// secret-looking parts of every `http(s)://` address in it. A HAR file that is not whole is
/// read as lines, so its lines come here too.
pub fn masked_line(line: &str) -> String {
    let line = masked_bearer(&masked_json_values(line));
    masked_headers_and_addresses(&line)
}

fn masked_headers_and_addresses(line: &str) -> String {
    let lower = line.to_ascii_lowercase();
    let content = lower.trim_start_matches(['<', '>', ' ', '\t', '-', '"']);
    for header in SECRET_HEADERS {
        if let Some(after) = content.strip_prefix(header)
            && (after.starts_with(':') || after.starts_with("\":"))
        {
            let cut = line.len() - after.len() + 1;
            return format!("{} ***", line[..cut].trim_end());
        }
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = find_address(rest) {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '`'))
            .map_or(rest.len(), |end| at + end);
        out.push_str(&masked(&rest[at..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `line` with the token after every `Bearer ` hidden.
fn masked_bearer(line: &str) -> String {
    let lower = line.to_ascii_lowercase();
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    while let Some(at) = lower[from..]
        .find("bearer ")
        .map(|i| from + i + "bearer ".len())
    {
        let token = line[at..]
            .find(|c: char| {
                !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | '+' | '/' | '='))
            })
            .unwrap_or(line.len() - at);
        out.push_str(&line[from..at]);
        if token > 0 {
            out.push_str("***");
        }
        from = at + token;
    }
    out.push_str(&line[from..]);
    out
}

/// `line` with the string after every `"value":` hidden where the pair is a credential: its
/// `"name"` is a credential header or a secret-looking name, or it is in a `"cookies"` list.
fn masked_json_values(line: &str) -> String {
    let lower = line.to_ascii_lowercase();
    if !lower.contains("\"value\"") {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    while let Some(key) = lower[from..].find("\"value\"").map(|i| from + i) {
        let after_key = key + "\"value\"".len();
        // The value's string: after the colon and any spaces, between quotes.
        let Some(open) = lower[after_key..]
            .find(|c: char| c != ':' && c != ' ')
            .map(|i| after_key + i)
            .filter(|&i| lower.as_bytes()[i] == b'"')
        else {
            out.push_str(&line[from..after_key]);
            from = after_key;
            continue;
        };
        let close = closing_quote(&lower, open + 1);
        let object_start = lower[..key].rfind('{').unwrap_or(0);
        let name = string_after(&lower[object_start..key], "\"name\"");
        let in_cookies = lower[..key]
            .rfind("\"cookies\"")
            .is_some_and(|list| !lower[list..key].contains(']'));
        let secret = in_cookies
            || name.is_some_and(|name| SECRET_HEADERS.contains(&name) || is_secret_name(name));
        out.push_str(&line[from..=open]);
        out.push_str(if secret {
            "***"
        } else {
            &line[open + 1..close]
        });
        from = close;
    }
    out.push_str(&line[from..]);
    out
}

/// Where the string that starts at `start` (after its opening quote) ends: at its closing
/// quote, past escaped ones, or at the end of a line that cuts it off.
fn closing_quote(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    text.len()
}

/// The string after `key` (and a colon) in `text`, if there is one.
fn string_after<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let at = text.find(key)? + key.len();
    let open = at + text[at..].find('"')?;
    let close = closing_quote(text, open + 1).min(text.len());
    text.get(open + 1..close)
}

/// Where the next `http://` or `https://` address starts, ignoring case.
fn find_address(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()
}

/// `url` with what looks secret hidden as `***`: a user and password before the host, and the
/// values of query and fragment parameters whose names speak of tokens, keys, signatures,
/// sessions, authentication, passwords or codes. For the report and the share link, unless the
/// reader chooses to include them.
pub fn masked(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let authority_end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after_scheme + i);
    let mut out = String::with_capacity(url.len());
    out.push_str(&url[..after_scheme]);
    let authority = &url[after_scheme..authority_end];
    match authority.rsplit_once('@') {
        Some((_, host)) => {
            out.push_str("***@");
            out.push_str(host);
        }
        None => out.push_str(authority),
    }
    let rest = &url[authority_end..];
    let mut at = 0;
    for (i, c) in rest.char_indices() {
        if matches!(c, '?' | '#' | '&' | ';') {
            out.push_str(&mask_pair(&rest[at..i]));
            out.push(c);
            at = i + 1;
        }
    }
    out.push_str(&mask_pair(&rest[at..]));
    out
}

/// A `name=value` pair with its value hidden if the name looks secret; anything else as given.
fn mask_pair(pair: &str) -> String {
    match pair.split_once('=') {
        Some((name, value)) if !value.is_empty() => {
            if is_secret_name(name) {
                format!("{}=***", &pair[..pair.len() - value.len() - 1])
            } else {
                pair.to_string()
            }
        }
        _ => pair.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_looking_parts_of_an_address_are_hidden() {
        for (given, shown) in [
            (
                "https://shop.example/cart?id=7&token=abc&X-Amz-Signature=f00",
                "https://shop.example/cart?id=7&token=***&X-Amz-Signature=***",
            ),
            (
                "https://user:hunter2@shop.example/login?next=/a&session_id=9",
                "https://***@shop.example/login?next=/a&session_id=***",
            ),
            (
                "https://app.example/callback#access_token=xyz&state=1",
                "https://app.example/callback#access_token=***&state=1",
            ),
            (
                "https://app.example/?code=123&api_key=k",
                "https://app.example/?code=***&api_key=***",
            ),
            (
                "https://shop.example/cart?page=2",
                "https://shop.example/cart?page=2",
            ),
            (
                "https://shop.example/a@b?auth=",
                "https://shop.example/a@b?auth=",
            ),
        ] {
            assert_eq!(masked(given), shown, "{given}");
        }
    }

    #[test]
    fn credential_headers_and_secret_parameters_in_a_line_are_hidden() {
        for (given, shown) in [
            ("Cookie: session=abc123; theme=dark", "Cookie: ***"),
            ("< set-cookie: sid=xyz; Path=/", "< set-cookie: ***"),
            ("> Authorization: Bearer eyJhbGciOi", "> Authorization: ***"),
            (
                "GET https://shop.example/a?token=s3cr3t&page=2 502",
                "GET https://shop.example/a?token=***&page=2 502",
            ),
            ("Server: nginx", "Server: nginx"),
            ("cookies are not the header", "cookies are not the header"),
            (
                "2026-11-22 app[web.1]: upstream said Authorization: Bearer eyJ0eXAi.abc-def; retrying",
                "2026-11-22 app[web.1]: upstream said Authorization: Bearer ***; retrying",
            ),
            (
                r#"{"headers":[{"name":"Cookie","value":"session=COOKIE"},{"name":"Accept","value":"text/html"},{"name": "X-Api-Key", "value": "KEY\"Q"}]"#,
                r#"{"headers":[{"name":"Cookie","value":"***"},{"name":"Accept","value":"text/html"},{"name": "X-Api-Key", "value": "***"}]"#,
            ),
            (
                r#""cookies":[{"name":"_ga","value":"GA1"},{"name":"theme","value":"dark"}],"queryString":[{"name":"page","value":"2"}]"#,
                r#""cookies":[{"name":"_ga","value":"***"},{"name":"theme","value":"***"}],"queryString":[{"name":"page","value":"2"}]"#,
            ),
            (
                r#"{"name":"set-cookie","value":"sid=CUT OFF HERE"#,
                r#"{"name":"set-cookie","value":"***"#,
            ),
        ] {
            assert_eq!(masked_line(given), shown, "{given}");
        }
    }
}
