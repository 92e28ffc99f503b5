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
/// `Authorization: Bearer …`, also in JSON `"name": "cookie", "value": "…"` form is the HAR
/// reader's job) and the secret-looking parts of every `http(s)://` address in it.
pub fn masked_line(line: &str) -> String {
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
        ] {
            assert_eq!(masked_line(given), shown, "{given}");
        }
    }
}
