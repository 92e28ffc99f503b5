//! How a page that embeds the guide in a frame asks it to look and whom it tells what happens:
//! the frame's URL parameters (protocol version 1; `assets/embed.js` writes them).
//!
//! | parameter | value                                                      |
//! |-----------|------------------------------------------------------------|
//! | `embed`   | the embedding page's origin: events are posted there only  |
//! | `theme`   | `light` or `dark` (else the system's)                      |
//! | `compact` | `1`: the narrow layout, for sidebars                       |
//! | `accent`  | the accent colour, `#rgb` or `#rrggbb`                     |
//! | `radius`  | the corner radius in pixels, 0 to 24                       |
//! | `font`    | `system`, `sans`, `serif` or `mono`                        |
//!
//! Invalid values are ignored: the guide keeps its own look, and `assets/embed.js` warns the
//! embedding page's developer before it ever builds such a frame.

use crate::query;
use crate::url_contract as param;

/// The version of the messages posted to the embedding page.
pub const PROTOCOL: u32 = 1;

/// The tag every message carries, so the embedding page can tell them from others.
pub const MESSAGE_TYPE: &str = "fix502";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embedding {
    /// The origin of the page that embeds the guide (`https://help.example.com`).
    pub host: Option<String>,
    pub theme: Option<&'static str>,
    pub compact: bool,
    /// CSS custom properties and their values.
    pub style: Vec<(&'static str, String)>,
}

impl Embedding {
    pub fn from_query(query: &str) -> Embedding {
        let get = |key| query::get(query, key);
        let accent = get(param::ACCENT).filter(|c| is_hex_colour(c));
        let radius = get(param::RADIUS)
            .filter(|r| r.len() <= 2)
            .and_then(|r| r.parse::<u8>().ok())
            .filter(|r| *r <= 24)
            .map(|r| format!("{r}px"));
        let font = get(param::FONT).and_then(|f| {
            let stack = match f.as_str() {
                "sans" => "\"Helvetica Neue\", Arial, sans-serif",
                "serif" => "Georgia, \"Times New Roman\", serif",
                "mono" => "var(--fix502-mono)",
                _ => return None,
            };
            Some(stack.to_string())
        });
        let style = [
            ("--fix502-accent", accent),
            ("--fix502-radius", radius),
            ("--fix502-font", font),
        ]
        .into_iter()
        .filter_map(|(property, value)| Some((property, value?)))
        .collect();
        Embedding {
            host: get(param::EMBED).and_then(|origin| origin_of(&origin)),
            theme: match get(param::THEME).as_deref() {
                Some("light") => Some("light"),
                Some("dark") => Some("dark"),
                _ => None,
            },
            compact: get(param::COMPACT).as_deref() == Some("1"),
            style,
        }
    }
}

fn is_hex_colour(given: &str) -> bool {
    given
        .strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `scheme://host[:port]` of an http(s) origin, lower-cased; anything else (a path, a user, a
/// `null` origin) is refused, so messages never go to a page nobody named.
fn origin_of(given: &str) -> Option<String> {
    let lower = given.to_ascii_lowercase();
    let authority = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    // The port is what follows the last colon outside an IPv6 address's brackets.
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !port.contains(']') => (host, Some(port)),
        _ => (authority, None),
    };
    let name = |h: &str| {
        !h.is_empty()
            && h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
    };
    let ipv6 = |h: &str| {
        h.strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit() || b == b':'))
    };
    let port_ok =
        port.is_none_or(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    (lower.len() <= 300 && port_ok && (name(host) || ipv6(host))).then_some(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_help_desk_frame_is_read_in_full() {
        let embedding = Embedding::from_query(
            "?embed=https%3A%2F%2FHelp.Example.com%3A8443&theme=dark&compact=1&accent=%232ec4a0&radius=4&font=serif&a=x",
        );
        assert_eq!(
            embedding.host.as_deref(),
            Some("https://help.example.com:8443")
        );
        assert_eq!(embedding.theme, Some("dark"));
        assert!(embedding.compact);
        let style: Vec<(&str, &str)> = embedding
            .style
            .iter()
            .map(|(property, value)| (*property, value.as_str()))
            .collect();
        assert_eq!(
            style,
            [
                ("--fix502-accent", "#2ec4a0"),
                ("--fix502-radius", "4px"),
                ("--fix502-font", "Georgia, \"Times New Roman\", serif"),
            ]
        );
    }

    #[test]
    fn without_parameters_the_guide_is_not_embedded() {
        assert_eq!(Embedding::from_query(""), Embedding::default());
    }

    #[test]
    fn bad_values_are_ignored() {
        let embedding = Embedding::from_query(
            "?embed=javascript%3Aalert(1)&theme=purple&compact=yes&accent=red%3Bbackground%3Aurl(x)&radius=25&font=comic",
        );
        assert_eq!(embedding, Embedding::default());
        for origin in [
            "https://a.example/path",
            "https://user@a.example",
            "null",
            "https://",
            "ftp://a.example",
            "https://a:b:c",
            "https://a.example:",
            "https://[::1",
        ] {
            assert_eq!(origin_of(origin), None, "{origin}");
        }
        assert_eq!(
            origin_of("http://[::1]:8080").as_deref(),
            Some("http://[::1]:8080")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:3000").as_deref(),
            Some("http://127.0.0.1:3000")
        );
        assert_eq!(Embedding::from_query("?radius=004").style, []);
        assert_eq!(Embedding::from_query("?accent=%23abcd").style, []);
    }
}
