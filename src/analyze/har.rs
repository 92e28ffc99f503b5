//! Reading a HAR 1.2 file (what browsers' developer tools export and support teams ask for):
//! the requests that failed (a 5xx, or no response at all), each with its status, the response
//! headers and the start of the body as lines for the scanner, and how long it waited for its
//! response. Request headers are never read, so cookies and tokens sent never reach the output;
//! response headers that carry credentials (`Set-Cookie`…) are left out, and addresses lose
//! their secret-looking parts.

use crate::i18n::{PanelMsg, Said};
use crate::secrets::{SECRET_HEADERS, masked, masked_line};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// How much of a response body is read.
const BODY_CHARS: usize = 16 * 1024;

/// A request of the HAR that failed.
#[derive(Clone, Debug, PartialEq)]
pub struct FailedRequest {
    pub method: String,
    /// Its address, secret-looking parts hidden.
    pub url: String,
    /// 0 when no response came (the browser reports why in `error`).
    pub status: u16,
    /// How long it waited for the first byte of the response, in milliseconds.
    pub wait_ms: Option<f64>,
    pub server_ip: Option<String>,
    /// The browser's reason when no response came (`net::ERR_CONNECTION_REFUSED`).
    pub error: Option<String>,
}

/// Whether `text` looks like a HAR file (a JSON object with a `log` and its `entries`).
pub fn looks_like_har(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&head[..head.len().min(64 * 1024)]);
    let trimmed = text.trim_start_matches(['\u{feff}', ' ', '\n', '\r', '\t']);
    trimmed.starts_with('{') && trimmed.contains("\"log\"") && trimmed.contains("\"entries\"")
}

/// The failed requests of a HAR file, and the lines to scan for each (its status line, its
/// response headers, the start of its body); or why it cannot be read.
pub fn read(text: &str) -> Result<Vec<(FailedRequest, Vec<String>)>, Said> {
    let har: Har = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|error| Said::new(PanelMsg::NoteHarUnreadable, &[("why", &reason(&error))]))?;
    let mut failed = Vec::new();
    for entry in har.log.entries {
        let status = entry.response.status.clamp(0, 999) as u16;
        let error = entry.response.error.map(|e| e.0).filter(|e| !e.is_empty());
        if status != 0 && status < 500 {
            continue;
        }
        let version = entry
            .response
            .http_version
            .map(|v| v.0)
            .filter(|v| v.to_ascii_lowercase().starts_with("http/"))
            .unwrap_or_else(|| "HTTP/1.1".into());
        let mut lines = Vec::new();
        if status > 0 {
            let text = entry.response.status_text.map(|t| t.0).unwrap_or_default();
            lines.push(format!("{version} {status} {text}").trim_end().to_string());
        }
        for header in entry.response.headers {
            let name = header.name.0.to_ascii_lowercase();
            if SECRET_HEADERS.contains(&name.as_str()) {
                continue;
            }
            lines.push(masked_line(&format!(
                "{}: {}",
                header.name.0, header.value.0
            )));
        }
        if let Some(body) = entry.response.content.and_then(|c| c.text) {
            lines.extend(body.0.lines().map(masked_line));
        }
        if let Some(error) = &error {
            lines.push(error.clone());
        }
        let wait_ms = entry.timings.and_then(|t| t.wait).filter(|w| *w >= 0.0);
        failed.push((
            FailedRequest {
                method: entry.request.method.map(|m| m.0).unwrap_or_default(),
                url: masked(&entry.request.url.map(|u| u.0).unwrap_or_default()),
                status,
                wait_ms,
                server_ip: entry.server_ip.map(|ip| ip.0).filter(|ip| !ip.is_empty()),
                error,
            },
            lines,
        ));
    }
    Ok(failed)
}

/// serde_json's reason, without its own line and column (a HAR is often one line).
fn reason(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Eof => "it ends before its last entry: the file may be cut short".into(),
        Category::Syntax if error.to_string().contains("recursion limit") => {
            "it is nested too deeply".into()
        }
        Category::Syntax => format!("it is not valid JSON at line {}", error.line()),
        Category::Data => "it has no list of requests (log.entries)".into(),
        Category::Io => "it could not be read".into(),
    }
}

#[derive(Deserialize)]
struct Har {
    log: Log,
}

#[derive(Deserialize)]
struct Log {
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    request: Request,
    response: Response,
    timings: Option<Timings>,
    #[serde(rename = "serverIPAddress")]
    server_ip: Option<Text>,
}

#[derive(Deserialize, Default)]
struct Request {
    method: Option<Text>,
    url: Option<Text>,
}

#[derive(Deserialize)]
struct Response {
    #[serde(default)]
    status: i64,
    #[serde(rename = "statusText")]
    status_text: Option<Text>,
    #[serde(rename = "httpVersion")]
    http_version: Option<Text>,
    #[serde(default)]
    headers: Vec<Header>,
    content: Option<Content>,
    /// Chrome's reason for a request that got no response.
    #[serde(rename = "_error")]
    error: Option<Text>,
}

#[derive(Deserialize)]
struct Header {
    name: Text,
    value: Text,
}

#[derive(Deserialize)]
struct Content {
    text: Option<Text>,
}

#[derive(Deserialize)]
struct Timings {
    wait: Option<f64>,
}

/// A string of the HAR, of which only the first [`BODY_CHARS`] characters are kept: a body can
/// be megabytes of base64.
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text(text.chars().take(BODY_CHARS).collect()))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Text, E> {
                Ok(Text(String::new()))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HAR: &str = r#"{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"entries":[
      {"request":{"method":"GET","url":"https://shop.example/","headers":[{"name":"Cookie","value":"session=SECRET1"}]},
       "response":{"status":200,"statusText":"OK","httpVersion":"http/2.0","headers":[],"content":{"size":5,"text":"hello"}},"timings":{"wait":12.5}},
      {"request":{"method":"POST","url":"https://shop.example/api/cart?token=SECRET2&id=7","headers":[{"name":"Authorization","value":"Bearer SECRET3"}]},
       "response":{"status":502,"statusText":"Bad Gateway","httpVersion":"http/2.0","headers":[{"name":"server","value":"cloudflare"},{"name":"cf-ray","value":"8a1b2c3d4e5f6789-AMS"},{"name":"set-cookie","value":"__cf_bm=SECRET4"}],
       "content":{"size":120,"mimeType":"text/html","text":"<title>shop.example | 502: Bad gateway</title>\n<span class=\"code-label\">Error code 502</span>"}},
       "timings":{"blocked":1,"dns":-1,"connect":-1,"ssl":-1,"send":0.2,"wait":100012.3,"receive":1.1},"serverIPAddress":"104.16.0.1"},
      {"request":{"method":"GET","url":"https://api.example/x"},"response":{"status":0,"statusText":"","headers":[],"_error":"net::ERR_CONNECTION_REFUSED"},"timings":{"wait":-1}}
    ]}}"#;

    #[test]
    fn failed_requests_are_read_without_their_secrets() {
        assert!(looks_like_har(HAR.as_bytes()));
        let failed = read(HAR).unwrap();
        assert_eq!(failed.len(), 2, "the 200 is left out");
        let (request, lines) = &failed[0];
        assert_eq!(request.status, 502);
        assert_eq!(request.url, "https://shop.example/api/cart?token=***&id=7");
        assert_eq!(request.wait_ms, Some(100012.3));
        assert_eq!(request.server_ip.as_deref(), Some("104.16.0.1"));
        assert_eq!(lines[0], "http/2.0 502 Bad Gateway");
        assert!(lines.contains(&"cf-ray: 8a1b2c3d4e5f6789-AMS".to_string()));
        let everything = format!("{failed:?}");
        for secret in ["SECRET1", "SECRET2", "SECRET3", "SECRET4"] {
            assert!(!everything.contains(secret), "{secret} in {everything}");
        }
        let (refused, lines) = &failed[1];
        assert_eq!(
            (refused.status, refused.error.as_deref()),
            (0, Some("net::ERR_CONNECTION_REFUSED"))
        );
        assert_eq!(lines, &["net::ERR_CONNECTION_REFUSED".to_string()]);
    }

    #[test]
    fn broken_hars_say_why() {
        let cut = &HAR[..HAR.len() / 2];
        assert!(
            read(cut)
                .unwrap_err()
                .english()
                .contains("ends before its last entry"),
            "{:?}",
            read(cut)
        );
        let deep = format!("{{\"log\":{{\"entries\":[{{\"x\":{}", "[".repeat(100_000));
        assert!(
            read(&deep).is_err(),
            "deep nesting is an error, not a crash"
        );
        assert!(
            read("{\"log\": {\"pages\": []}}")
                .unwrap_err()
                .english()
                .contains("log.entries")
        );
        assert!(!looks_like_har(b"[1, 2]"));
        assert!(!looks_like_har(b"2026/11/22 [error] log"));
    }
}
