//! Recognises a gateway and the cause of a 502 in pasted evidence: an error page (HTML source
//! or rendered text), response headers (curl, devtools, HTTP/2 lower case), or log lines (plain
//! or JSON). The rules are data (`content/signatures.toml`), so authors add a signature without
//! writing Rust.
//!
//! Matching is plain substring search on each line, lower-cased, with no regular expressions:
//! the time taken grows with the size of the paste times the number of rules and nothing else,
//! so a paste of several megabytes cannot blow up.

use std::collections::HashMap;

/// The cause names the analyser reports (the catalogue's), documented in the README.
pub const CAUSES: [&str; 15] = [
    "upstream-refused",
    "upstream-reset",
    "upstream-closed-early",
    "upstream-invalid-response",
    "upstream-header-too-big",
    "upstream-timeout",
    "upstream-tls",
    "dns",
    "no-healthy-upstream",
    "app-crashed",
    "app-not-started",
    "response-too-large",
    "permission-denied",
    "socket-missing",
    "worker-limit",
];

/// What a cause means, in a sentence a site owner understands.
pub fn cause_meaning(cause: &str) -> &'static str {
    match cause {
        "upstream-refused" => "nothing accepted the connection at the upstream's address",
        "upstream-reset" => "the upstream reset the connection",
        "upstream-closed-early" => "the upstream closed the connection before a complete response",
        "upstream-invalid-response" => {
            "the upstream answered with something that is not valid HTTP"
        }
        "upstream-header-too-big" => "the response headers did not fit the proxy's buffers",
        "upstream-timeout" => "the upstream did not answer in time",
        "upstream-tls" => "the TLS handshake with the upstream failed",
        "dns" => "the upstream's name did not resolve",
        "no-healthy-upstream" => "every server of the upstream group is marked down",
        "app-crashed" => "the application crashed or was killed",
        "app-not-started" => "the application is not running or failed to start",
        "response-too-large" => "the response was larger than the platform allows",
        "permission-denied" => "the proxy may not open the upstream's socket",
        "socket-missing" => "the upstream's Unix socket does not exist",
        "worker-limit" => "every worker is busy, or the socket's queue is full",
        _ => "not recognised",
    }
}

/// One rule: every `all` text must appear in the same line (ignoring case).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub id: String,
    pub gateway: Option<String>,
    pub cause: Option<String>,
    pub status: Option<u16>,
    /// Lower-cased texts that must all be on one line.
    pub all: Vec<String>,
    /// The content node this leads to.
    pub node: Option<String>,
    /// Text after which the gateway's version follows (`nginx/` in `nginx/1.22.1`).
    pub version_after: Option<String>,
    /// A line of real evidence that must match (a test checks every sample).
    pub sample: String,
}

/// A kind of request id and the lower-cased texts it follows (`cf-ray:`, `ray id:`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestIdRule {
    pub name: String,
    pub after: Vec<String>,
}

/// A gateway the analyser can name, and the node its branch starts at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gateway {
    pub id: String,
    pub name: String,
    pub node: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    pub signatures: Vec<Signature>,
    pub request_ids: Vec<RequestIdRule>,
    pub gateways: Vec<Gateway>,
}

/// A line of the paste that a rule matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// 1-based line number in the paste.
    pub line: usize,
    /// The line as pasted (trimmed, at most [`EVIDENCE_CHARS`] characters).
    pub text: String,
    pub signature: String,
}

/// How much of a matched line is kept as evidence.
pub const EVIDENCE_CHARS: usize = 300;

/// How sure the analyser is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    /// The gateway and the cause both came from rules that name them.
    High,
    /// Only the gateway, or only the cause, is known.
    Medium,
    /// Nothing matched.
    None,
}

impl Confidence {
    pub fn name(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::None => "none",
        }
    }
}

/// What the paste says, best guess first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis {
    /// A gateway id from the rules, or `unknown`.
    pub gateway: String,
    pub version: Option<String>,
    pub status: Option<u16>,
    /// A cause from [`CAUSES`], or `unknown`.
    pub cause: String,
    /// Kind and value of each request id found, in order of appearance, without repeats.
    pub request_ids: Vec<(String, String)>,
    /// The content node to go to.
    pub node: Option<String>,
    /// The lines that decided it, most telling first.
    pub evidence: Vec<Evidence>,
    pub confidence: Confidence,
    /// Other causes the paste also shows, with their nodes, in order of strength.
    pub also: Vec<(String, Option<String>)>,
}

impl Rules {
    /// Writes the rules (without their samples) in the line format [`Rules::decode`] reads:
    /// tab-separated fields, `-` for none, list items separated by U+001F. The build embeds this
    /// in the app; the parser in [`load`] rejects texts that contain tabs or line breaks.
    pub fn encode(&self) -> String {
        let or_dash = |field: &Option<String>| field.clone().unwrap_or_else(|| "-".into());
        let mut out = String::new();
        for g in &self.gateways {
            out.push_str(&format!("G\t{}\t{}\t{}\n", g.id, g.name, g.node));
        }
        for r in &self.request_ids {
            out.push_str(&format!("R\t{}\t{}\n", r.name, r.after.join("\u{1f}")));
        }
        for s in &self.signatures {
            let status = s.status.map_or("-".into(), |status| status.to_string());
            let fields = [
                s.id.clone(),
                or_dash(&s.gateway),
                or_dash(&s.cause),
                status,
                or_dash(&s.node),
                or_dash(&s.version_after),
                s.all.join("\u{1f}"),
            ];
            out.push_str(&format!("S\t{}\n", fields.join("\t")));
        }
        out
    }

    pub fn decode(text: &str) -> Result<Rules, String> {
        let some = |field: &str| (field != "-").then(|| field.to_string());
        let list = |field: &str| {
            field
                .split('\u{1f}')
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        let mut rules = Rules::default();
        for line in text.lines() {
            match line.split('\t').collect::<Vec<_>>().as_slice() {
                ["G", id, name, node] => rules.gateways.push(Gateway {
                    id: id.to_string(),
                    name: name.to_string(),
                    node: node.to_string(),
                }),
                ["R", name, after] => rules.request_ids.push(RequestIdRule {
                    name: name.to_string(),
                    after: list(after),
                }),
                ["S", id, gateway, cause, status, node, version_after, all] => {
                    rules.signatures.push(Signature {
                        id: id.to_string(),
                        gateway: some(gateway),
                        cause: some(cause),
                        status: status.parse().ok(),
                        all: list(all),
                        node: some(node),
                        version_after: some(version_after),
                        sample: String::new(),
                    })
                }
                _ => return Err(format!("the embedded signatures are corrupt: {line:?}")),
            }
        }
        Ok(rules)
    }
}

/// Characters people paste without seeing them: zero-width spaces and joiners, byte order
/// marks, soft hyphens. Non-breaking spaces count as spaces.
fn visible(line: &str) -> String {
    line.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
            )
        })
        .map(|c| {
            if matches!(c, '\u{00a0}' | '\u{202f}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Reads `text` with `rules`.
pub fn analyze(rules: &Rules, text: &str) -> Analysis {
    let mut evidence = Vec::new();
    let mut request_ids: Vec<(String, String)> = Vec::new();
    let mut status = None;
    let mut version: HashMap<&str, String> = HashMap::new();
    for (number, raw) in text.lines().enumerate() {
        let line = visible(raw);
        // Signatures are ASCII, so ASCII case folding is enough, keeps byte offsets the same,
        // and spares the app Unicode's case tables.
        let lower = line.to_ascii_lowercase();
        if status.is_none() {
            status = status_line(&lower);
        }
        for rule in &rules.request_ids {
            for marker in &rule.after {
                if let Some(id) = value_after(&line, &lower, marker)
                    && !request_ids.iter().any(|(_, known)| *known == id)
                {
                    request_ids.push((rule.name.clone(), id));
                }
            }
        }
        for signature in &rules.signatures {
            if signature
                .all
                .iter()
                .all(|needle| lower.contains(needle.as_str()))
            {
                if let (Some(gateway), Some(marker)) =
                    (&signature.gateway, &signature.version_after)
                    && let Some(found) = version_after(&lower, marker)
                {
                    version.entry(gateway.as_str()).or_insert(found);
                }
                evidence.push((signature, number + 1, line.trim().to_string()));
            }
        }
    }
    decide(rules, evidence, request_ids, status, version)
}

fn decide(
    rules: &Rules,
    matches: Vec<(&Signature, usize, String)>,
    request_ids: Vec<(String, String)>,
    status: Option<u16>,
    version: HashMap<&str, String>,
) -> Analysis {
    // A rule that names a cause says more than one that only names a product; among equals,
    // the one matched most often wins, then the earliest.
    let mut gateway_votes: HashMap<&str, usize> = HashMap::new();
    for (signature, ..) in &matches {
        if let Some(gateway) = &signature.gateway {
            *gateway_votes.entry(gateway.as_str()).or_default() +=
                if signature.cause.is_some() { 3 } else { 1 };
        }
    }
    let gateway = gateway_votes
        .iter()
        .max_by_key(|(name, votes)| (**votes, std::cmp::Reverse(first_line(&matches, name))))
        .map(|(name, _)| name.to_string());
    let mut causes: Vec<(&Signature, usize)> = Vec::new();
    for (signature, line, _) in &matches {
        if signature.cause.is_some() && !causes.iter().any(|(known, _)| known.id == signature.id) {
            causes.push((signature, *line));
        }
    }
    // Causes seen with the chosen gateway (or with none) come first; among them, the rule that
    // needs more texts together is the more specific one (a log line beats the error page).
    causes.sort_by_key(|(signature, line)| {
        let agrees = signature.gateway.is_none() || signature.gateway == gateway;
        (
            !agrees,
            signature.gateway.is_none(),
            std::cmp::Reverse(signature.all.len()),
            *line,
        )
    });
    let top = causes.first().map(|(signature, _)| *signature);
    let node = top.and_then(|s| s.node.clone()).or_else(|| {
        gateway
            .as_deref()
            .and_then(|g| rules.gateways.iter().find(|gw| gw.id == g))
            .map(|gw| gw.node.clone())
    });
    let confidence = match (top, &gateway) {
        (Some(signature), Some(_)) if signature.gateway.is_some() => Confidence::High,
        (None, None) => Confidence::None,
        _ => Confidence::Medium,
    };
    let mut evidence: Vec<Evidence> = matches
        .iter()
        .map(|(signature, line, text)| Evidence {
            line: *line,
            text: text.chars().take(EVIDENCE_CHARS).collect(),
            signature: signature.id.clone(),
        })
        .collect();
    let rank = |id: &str| {
        causes
            .iter()
            .position(|(s, _)| s.id == id)
            .unwrap_or(usize::MAX)
    };
    evidence.sort_by_key(|e| (rank(&e.signature), e.line));
    evidence.dedup_by(|a, b| a.line == b.line);
    Analysis {
        version: gateway.as_deref().and_then(|g| version.get(g).cloned()),
        status: status.or_else(|| top.and_then(|s| s.status)),
        cause: top
            .and_then(|s| s.cause.clone())
            .unwrap_or_else(|| "unknown".into()),
        gateway: gateway.unwrap_or_else(|| "unknown".into()),
        request_ids,
        node,
        evidence,
        confidence,
        also: causes
            .iter()
            .skip(1)
            .filter_map(|(s, _)| Some((s.cause.clone()?, s.node.clone())))
            .collect(),
    }
}

fn first_line(matches: &[(&Signature, usize, String)], gateway: &str) -> usize {
    matches
        .iter()
        .filter(|(s, ..)| s.gateway.as_deref() == Some(gateway))
        .map(|(_, line, _)| *line)
        .min()
        .unwrap_or(usize::MAX)
}

/// The status of an `HTTP/1.1 502 Bad Gateway`, `HTTP/2 502` or `:status: 502` line, or of an
/// error page's `<title>502 Bad Gateway</title>`.
fn status_line(lower: &str) -> Option<u16> {
    let trimmed = lower.trim_start();
    let rest = if let Some(rest) = trimmed.strip_prefix("http/") {
        rest.split_once(' ')?.1
    } else if let Some(title) = lower.find("<title>") {
        &lower[title + "<title>".len()..]
    } else {
        trimmed.strip_prefix(":status:")?
    };
    let code: String = rest
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    code.parse().ok().filter(|code| (100..600).contains(code))
}

/// The token after `marker` (ignoring case and spaces): letters, digits and `-_.=:`.
fn value_after(line: &str, lower: &str, marker: &str) -> Option<String> {
    let at = lower.find(marker)? + marker.len();
    // Lower-casing can change byte lengths outside ASCII; fall back to the lower-case text.
    let source = if line.len() == lower.len() {
        line
    } else {
        lower
    };
    let value: String = source
        .get(at..)?
        .trim_start_matches([' ', '"', '\'', '='])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '=' | ':'))
        .collect();
    let value = value.trim_end_matches([':', '.']).to_string();
    (value.len() >= 6).then_some(value)
}

/// A version such as `1.22.1` right after `marker`.
fn version_after(lower: &str, marker: &str) -> Option<String> {
    let at = lower.find(marker)? + marker.len();
    let version: String = lower[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let version = version.trim_end_matches('.').to_string();
    version
        .chars()
        .next()
        .filter(char::is_ascii_digit)
        .map(|_| version)
}

/// Reading `content/signatures.toml` (on the host: the command-line analyser and the tests).
#[cfg(not(target_arch = "wasm32"))]
pub mod load {
    use super::{CAUSES, Gateway, RequestIdRule, Rules, Signature};
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        gateway: Vec<GatewayEntry>,
        request_id: Vec<RequestIdEntry>,
        signature: Vec<SignatureEntry>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct GatewayEntry {
        id: String,
        name: String,
        node: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RequestIdEntry {
        name: String,
        after: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct SignatureEntry {
        id: String,
        gateway: Option<String>,
        cause: Option<String>,
        status: Option<u16>,
        all: Vec<String>,
        node: Option<String>,
        version_after: Option<String>,
        sample: String,
    }

    /// Parses the rules, or says what is wrong with them.
    pub fn parse(text: &str) -> Result<Rules, String> {
        let file: File = toml::from_str(text).map_err(|error| error.to_string())?;
        let gateways: Vec<Gateway> = file
            .gateway
            .into_iter()
            .map(|g| Gateway {
                id: g.id,
                name: g.name,
                node: g.node,
            })
            .collect();
        let mut signatures = Vec::new();
        for entry in file.signature {
            if let Some(cause) = &entry.cause
                && !CAUSES.contains(&cause.as_str())
            {
                return Err(format!("signature {}: unknown cause {cause:?}", entry.id));
            }
            if let Some(gateway) = &entry.gateway
                && !gateways.iter().any(|g| &g.id == gateway)
            {
                return Err(format!(
                    "signature {}: unknown gateway {gateway:?}",
                    entry.id
                ));
            }
            if entry.all.is_empty() || entry.all.iter().any(|text| text.trim().len() < 3) {
                return Err(format!(
                    "signature {}: `all` needs texts of 3 characters or more",
                    entry.id
                ));
            }
            signatures.push(Signature {
                id: entry.id,
                gateway: entry.gateway,
                cause: entry.cause,
                status: entry.status,
                all: entry
                    .all
                    .iter()
                    .map(|text| text.to_ascii_lowercase())
                    .collect(),
                node: entry.node,
                version_after: entry
                    .version_after
                    .map(|marker| marker.to_ascii_lowercase()),
                sample: entry.sample,
            });
        }
        Ok(Rules {
            signatures,
            request_ids: file
                .request_id
                .into_iter()
                .map(|r| RequestIdRule {
                    name: r.name,
                    after: r.after.iter().map(|a| a.to_ascii_lowercase()).collect(),
                })
                .collect(),
            gateways,
        })
    }

    /// The rules in `content/signatures.toml`.
    pub fn bundled() -> Rules {
        parse(include_str!("../content/signatures.toml")).expect("a test checks signatures.toml")
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn rules() -> Rules {
        load::bundled()
    }

    #[test]
    fn every_signature_matches_its_own_sample_and_leads_somewhere_real() {
        let rules = rules();
        let tree =
            crate::content::Tree::decode(include_str!(concat!(env!("OUT_DIR"), "/tree.txt")))
                .unwrap();
        let mut problems = Vec::new();
        for signature in &rules.signatures {
            let analysis = analyze(&rules, &signature.sample);
            if !analysis
                .evidence
                .iter()
                .any(|e| e.signature == signature.id)
            {
                problems.push(format!("{}: its sample does not match", signature.id));
            }
            if let Some(cause) = &signature.cause
                && analysis.cause != *cause
            {
                problems.push(format!(
                    "{}: its sample reads as {} instead of {cause}",
                    signature.id, analysis.cause
                ));
            }
            if let Some(node) = &signature.node
                && tree.node(node).is_none()
            {
                problems.push(format!("{}: no node {node}", signature.id));
            }
        }
        for gateway in &rules.gateways {
            if tree.node(&gateway.node).is_none() {
                problems.push(format!("gateway {}: no node {}", gateway.id, gateway.node));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn an_nginx_page_and_log_line_give_gateway_version_cause_and_node() {
        let paste = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.22.1</center>\n</body>\n</html>\n2026/11/22 03:17:56 [error] 17160#17160: *9 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: , request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:36791/\", host: \"127.0.0.1:43015\"";
        let analysis = analyze(&rules(), paste);
        assert_eq!(analysis.gateway, "nginx");
        assert_eq!(analysis.version.as_deref(), Some("1.22.1"));
        assert_eq!(analysis.cause, "upstream-refused");
        assert_eq!(analysis.node.as_deref(), Some("owner-nginx-refused"));
        assert_eq!(analysis.confidence, Confidence::High);
        assert_eq!(
            analysis.evidence[0].line, 8,
            "the line that decided the cause comes first"
        );
    }

    #[test]
    fn headers_in_any_form_give_status_and_request_ids() {
        let curl = "HTTP/2 502 \r\ndate: Sun, 22 Nov 2026 03:00:00 GMT\r\nserver: cloudflare\r\ncf-ray: 8a1b2c3d4e5f6789-AMS\r\n";
        let analysis = analyze(&rules(), curl);
        assert_eq!(analysis.status, Some(502));
        assert_eq!(analysis.gateway, "cloudflare");
        assert_eq!(
            analysis.request_ids,
            [(
                "Cloudflare Ray ID".to_string(),
                "8a1b2c3d4e5f6789-AMS".to_string()
            )]
        );
        let devtools = ":status: 502\nx-amz-cf-id: Abc123_def-456GHIjkl==\nvia: 1.1 abcdef.cloudfront.net (CloudFront)";
        let analysis = analyze(&rules(), devtools);
        assert_eq!(
            (analysis.status, analysis.gateway.as_str()),
            (Some(502), "cloudfront")
        );
        assert_eq!(analysis.request_ids[0].1, "Abc123_def-456GHIjkl==");
    }

    #[test]
    fn text_without_an_error_is_unknown() {
        let rules = rules();
        let lorem =
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\nSed do eiusmod tempor.";
        let page = "<!doctype html><html><head><title>Welcome</title></head><body><h1>Our shop</h1></body></html>";
        let noise: String = (0..20_000u32)
            .map(|i| char::from_u32(33 + (i * 7919) % 90).unwrap_or('x'))
            .collect();
        for text in [lorem, page, noise.as_str(), "", "\u{200b}\u{feff}"] {
            let analysis = analyze(&rules, text);
            assert_eq!(
                (analysis.gateway.as_str(), analysis.cause.as_str()),
                ("unknown", "unknown"),
                "{text:.60}"
            );
            assert_eq!(analysis.confidence, Confidence::None);
            assert!(analysis.node.is_none());
        }
    }

    #[test]
    fn invisible_characters_and_other_languages_do_not_hide_a_signature() {
        let paste = "upstream\u{200b} prematurely closed connection while reading response header from upstream\u{00a0}— Ошибка 502, 错误";
        let analysis = analyze(&rules(), paste);
        assert_eq!(analysis.cause, "upstream-closed-early");
    }

    #[test]
    fn rules_survive_the_encoding_the_app_embeds() {
        let rules = rules();
        let mut decoded = Rules::decode(&rules.encode()).unwrap();
        for (signature, original) in decoded.signatures.iter_mut().zip(&rules.signatures) {
            signature.sample = original.sample.clone();
        }
        assert_eq!(decoded, rules);
        assert!(Rules::decode("S\tbroken").is_err());
        let embedded =
            Rules::decode(include_str!(concat!(env!("OUT_DIR"), "/signatures.txt"))).unwrap();
        assert_eq!(embedded.signatures.len(), rules.signatures.len());
    }

    #[test]
    fn every_cause_has_a_meaning() {
        for cause in CAUSES {
            assert_ne!(cause_meaning(cause), "not recognised", "{cause}");
        }
    }

    #[test]
    fn status_lines_are_read_in_every_form() {
        assert_eq!(status_line("http/1.1 502 bad gateway"), Some(502));
        assert_eq!(status_line("http/2 504"), Some(504));
        assert_eq!(status_line(":status: 503"), Some(503));
        assert_eq!(status_line("http/1.1 999 nope"), None);
        assert_eq!(
            status_line("<head><title>502 bad gateway</title></head>"),
            Some(502)
        );
        assert_eq!(status_line("<title>welcome</title>"), None);
        assert_eq!(status_line("the http/1.1 spec"), None);
    }
}
