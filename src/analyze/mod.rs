//! Reads what people paste when they meet a 502 and says what it shows: the components between
//! the browser and the application (the hop chain), whether a gateway error is shown at all,
//! which component sent it and why the request failed there, the request ids, and the lines
//! that show it. It reads error pages (as copied from the screen or as HTML), response headers
//! (curl, devtools, HTTP/2 lower case), `curl -v`, HAR files, and logs (plain, with the prefixes
//! docker compose, kubectl or journald add, or one JSON object a line), in any mix.
//!
//! The rules are data (`content/signatures.toml`, see [`load`] and [`rules`]), so authors add a
//! signature without writing Rust. [`scan`] runs one multi-pattern pass over the text in
//! constant memory; [`decide`] turns what it saw into the answer. [`Stream`] takes the text in
//! pieces (a file the worker reads, standard input); [`analyze`] takes it whole.

pub mod decide;
pub mod har;
#[cfg(not(target_arch = "wasm32"))]
pub mod json;
pub mod lines;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;
pub mod rules;
pub mod scan;

use crate::i18n::{Msg, PanelMsg, Said};
pub use rules::{Component, Layer, RequestIdRule, Rules, Signature};
pub use scan::EVIDENCE_CHARS;

/// The causes the analyser reports (the catalogue's), each with what it means in a sentence a
/// site owner understands: an interface message, so that a page in another language says it in
/// its own. The README's table of causes is held to this list by a test.
pub const CAUSES: [(&str, Msg); 15] = [
    ("upstream-refused", Msg::CauseUpstreamRefused),
    ("upstream-reset", Msg::CauseUpstreamReset),
    ("upstream-closed-early", Msg::CauseUpstreamClosedEarly),
    (
        "upstream-invalid-response",
        Msg::CauseUpstreamInvalidResponse,
    ),
    ("upstream-header-too-big", Msg::CauseUpstreamHeaderTooBig),
    ("upstream-timeout", Msg::CauseUpstreamTimeout),
    ("upstream-tls", Msg::CauseUpstreamTls),
    ("dns", Msg::CauseDns),
    ("no-healthy-upstream", Msg::CauseNoHealthyUpstream),
    ("app-crashed", Msg::CauseAppCrashed),
    ("app-not-started", Msg::CauseAppNotStarted),
    ("response-too-large", Msg::CauseResponseTooLarge),
    ("permission-denied", Msg::CausePermissionDenied),
    ("socket-missing", Msg::CauseSocketMissing),
    ("worker-limit", Msg::CauseWorkerLimit),
];

/// The name of every cause, in the order of [`CAUSES`].
pub fn cause_names() -> impl Iterator<Item = &'static str> {
    CAUSES.iter().map(|(name, _)| *name)
}

/// What a cause means, as a message ([`Msg::CauseNotRecognised`] for a name not in [`CAUSES`],
/// which a link may give).
pub fn cause_message(cause: &str) -> Msg {
    CAUSES
        .iter()
        .find(|(name, _)| *name == cause)
        .map_or(Msg::CauseNotRecognised, |(_, meaning)| *meaning)
}

/// What a cause means, in English.
pub fn cause_meaning(cause: &str) -> &'static str {
    cause_message(cause).english()
}

/// A line of the paste that a rule matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// 1-based line number in the paste.
    pub line: usize,
    /// The line as pasted (trimmed, secrets hidden, at most [`EVIDENCE_CHARS`] characters).
    pub text: String,
    pub signature: String,
}

/// A component the text shows between the browser and the application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    /// Its id in the rules (`cloudflare`, `nginx`, `gunicorn`).
    pub component: String,
    pub name: String,
    pub layer: Layer,
    pub version: Option<String>,
    /// The line that shows it best (its error, if it has one).
    pub said: Option<String>,
    /// Whether it is the component that sent the error response.
    pub failed: bool,
    /// The first line that shows it.
    pub first_line: usize,
    /// Its request ids, kind and value: those of its own kind (Cloudflare's Ray ID), and
    /// generic ones (`x-request-id`) on its lines.
    pub request_ids: Vec<(String, String)>,
}

/// How sure the analyser is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    /// A component shows an error of its own and the cause is known.
    High,
    /// A gateway error is shown, but which component sent it or why is not.
    Medium,
    /// No gateway error is shown.
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

/// What the text shows, best guess first.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// The component that sent the error response, or `unknown`.
    pub gateway: String,
    pub version: Option<String>,
    pub status: Option<u16>,
    /// A cause from [`CAUSES`]; `unknown` when a gateway error shows but not why; `none` when no
    /// gateway error shows.
    pub cause: String,
    /// The application server behind the gateway, when the text shows one.
    pub app_server: Option<String>,
    /// Kind and value of each request id found, in order of appearance, without repeats.
    pub request_ids: Vec<(String, String)>,
    /// The guide's step to go to.
    pub node: Option<String>,
    /// The lines that decided it, most telling first.
    pub evidence: Vec<Evidence>,
    pub confidence: Confidence,
    /// Other causes the text also shows, with their steps.
    pub also: Vec<(String, Option<String>)>,
    /// Every component the text shows, from the browser in.
    pub hops: Vec<Hop>,
    /// Whether the text shows a gateway error at all.
    pub error_shown: bool,
    /// The requests of a HAR file that failed.
    pub requests: Vec<har::FailedRequest>,
    /// What the reader should know about how the text was read.
    pub notes: Vec<Said>,
    /// How many lines were read.
    pub lines: usize,
    /// How many bytes were read.
    pub bytes: u64,
}

/// Reads `text` with `rules`.
pub fn analyze(rules: &Rules, text: &str) -> Analysis {
    analyze_with(rules, &scan::Matcher::new(rules), text)
}

/// Reads `text` with `rules` compiled once into `matcher`, for many texts.
pub fn analyze_with(rules: &Rules, matcher: &scan::Matcher, text: &str) -> Analysis {
    let mut stream = Stream::new(rules, matcher);
    stream.feed(text.as_bytes());
    stream.finish()
}

/// Reads everything `input` gives, in pieces, in constant memory (a HAR file, which is one JSON
/// document, is read whole, up to [`HAR_LIMIT`] bytes; a larger one is read line by line).
#[cfg(not(target_arch = "wasm32"))]
pub fn analyze_reader(rules: &Rules, mut input: impl std::io::Read) -> std::io::Result<Analysis> {
    let matcher = scan::Matcher::new(rules);
    let mut stream = Stream::new(rules, &matcher);
    let mut buffer = vec![0; 1 << 20];
    loop {
        match input.read(&mut buffer)? {
            0 => break,
            n => stream.feed(&buffer[..n]),
        }
    }
    Ok(stream.finish())
}

/// How much of a text is looked at before deciding what it is (text, HAR, binary).
const HEAD: usize = 64 * 1024;

/// A text read in pieces of any size (a file read in the worker, standard input): it is scanned
/// as it comes, in constant memory, except a HAR file, which is kept whole (up to
/// [`HAR_LIMIT`]) to be read as the JSON document it is.
pub struct Stream<'r> {
    rules: &'r Rules,
    matcher: &'r scan::Matcher,
    /// The first bytes, until there are enough to tell what the text is.
    head: Vec<u8>,
    reading: Option<Reading<'r>>,
    /// All of a HAR file so far.
    har: Option<Vec<u8>>,
    /// How many bytes came in.
    bytes: u64,
}

impl<'r> Stream<'r> {
    pub fn new(rules: &'r Rules, matcher: &'r scan::Matcher) -> Stream<'r> {
        Stream {
            rules,
            matcher,
            head: Vec::new(),
            reading: None,
            har: None,
            bytes: 0,
        }
    }

    /// Reads the next piece.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.bytes += bytes.len() as u64;
        if self.reading.is_none() {
            self.head.extend_from_slice(bytes);
            if self.head.len() >= HEAD {
                self.start();
            }
            return;
        }
        self.take(bytes);
    }

    /// What the whole text shows.
    pub fn finish(mut self) -> Analysis {
        if self.reading.is_none() {
            self.start();
        }
        let reading = self.reading.expect("started above");
        let mut analysis = match self.har {
            Some(all) => reading.har(&String::from_utf8_lossy(&all)),
            None => reading.finish(),
        };
        analysis.bytes = self.bytes;
        analysis
    }

    fn start(&mut self) {
        let head = std::mem::take(&mut self.head);
        let reading = Reading::new(self.rules, self.matcher, &head);
        if reading.is_har() {
            self.har = Some(Vec::new());
        }
        self.reading = Some(reading);
        self.take(&head);
    }

    fn take(&mut self, bytes: &[u8]) {
        let reading = self.reading.as_mut().expect("started before taking");
        match &mut self.har {
            Some(all) if all.len() + bytes.len() <= HAR_LIMIT => all.extend_from_slice(bytes),
            Some(all) => {
                // Too large to hold: read as lines of text instead.
                reading.feed(&std::mem::take(all));
                reading.feed(bytes);
                self.har = None;
            }
            None => reading.feed(bytes),
        }
    }
}

/// The largest HAR file read as one JSON document.
pub const HAR_LIMIT: usize = 256 * 1024 * 1024;

/// What a text is, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Empty,
    Binary,
    Har,
    Text,
}

fn kind_of(head: &[u8]) -> Kind {
    let sample = &head[..head.len().min(8 * 1024)];
    if sample.iter().all(|b| b.is_ascii_whitespace()) {
        return Kind::Empty;
    }
    // Text has no NUL bytes and few control characters; an image or an archive has many.
    let control = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x1b | 0x0c)))
        .count();
    if sample.contains(&0) || control * 20 > sample.len() {
        Kind::Binary
    } else if har::looks_like_har(head) {
        Kind::Har
    } else {
        Kind::Text
    }
}

/// One text being read.
struct Reading<'r> {
    rules: &'r Rules,
    scanner: scan::Scanner<'r>,
    kind: Kind,
    notes: Vec<Said>,
}

impl<'r> Reading<'r> {
    fn new(rules: &'r Rules, matcher: &'r scan::Matcher, head: &[u8]) -> Reading<'r> {
        let kind = kind_of(head);
        let notes = match kind {
            Kind::Empty => vec![Said::new(PanelMsg::NoteEmpty, &[])],
            Kind::Binary => vec![Said::new(PanelMsg::NoteBinary, &[])],
            _ => Vec::new(),
        };
        Reading {
            rules,
            scanner: scan::Scanner::new(rules, matcher),
            kind,
            notes,
        }
    }

    fn is_har(&self) -> bool {
        self.kind == Kind::Har
    }

    fn feed(&mut self, bytes: &[u8]) {
        if self.kind != Kind::Binary {
            self.scanner.feed(bytes);
        }
    }

    fn har(mut self, text: &str) -> Analysis {
        let requests = match har::read(text) {
            Ok(failed) => failed,
            Err(why) => {
                self.notes.push(why);
                self.scanner.feed(text.as_bytes());
                return self.finish();
            }
        };
        let mut shown = Vec::new();
        for (request, lines) in requests {
            for line in &lines {
                self.scanner.feed_line(line);
            }
            if let Some(wait) = request.wait_ms {
                self.scanner.wait(request.status, wait / 1000.0);
            }
            shown.push(request);
        }
        if shown.is_empty() {
            self.notes
                .push(Said::new(PanelMsg::NoteHarAllAnswered, &[]));
        }
        let seen = self.scanner.finish();
        decide::decide(self.rules, seen, shown, self.notes)
    }

    fn finish(self) -> Analysis {
        let seen = self.scanner.finish();
        decide::decide(self.rules, seen, Vec::new(), self.notes)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn rules() -> Rules {
        load::bundled()
    }

    #[test]
    fn every_signature_matches_its_own_sample() {
        let rules = rules();
        let matcher = scan::Matcher::new(&rules);
        let mut problems = Vec::new();
        for (index, signature) in rules.signatures.iter().enumerate() {
            let mut scanner = scan::Scanner::new(&rules, &matcher);
            scanner.feed(signature.sample.as_bytes());
            let seen = scanner.finish();
            if seen.counts[index] == 0 {
                problems.push(format!("{}: its sample does not match", signature.id));
            }
            let analysis = analyze_with(&rules, &matcher, &signature.sample);
            if let Some(cause) = &signature.cause
                && signature.component.is_some()
                && analysis.cause != *cause
            {
                problems.push(format!(
                    "{}: its sample reads as {} instead of {cause}",
                    signature.id, analysis.cause
                ));
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
        assert_eq!(analysis.status, Some(502));
        assert_eq!(analysis.node.as_deref(), Some("owner-nginx-refused"));
        assert_eq!(analysis.confidence, Confidence::High);
        assert!(analysis.error_shown);
        assert_eq!(
            analysis.evidence[0].line, 8,
            "the line that decided the cause comes first"
        );
    }

    #[test]
    fn a_line_the_log_repeats_is_evidence_once() {
        let line = "2026/11/22 03:17:56 [error] 17160#17160: *9 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1";
        let analysis = analyze(&rules(), &[line, line, "", line].join("\n"));
        assert_eq!(analysis.cause, "upstream-refused");
        let texts: Vec<&str> = analysis.evidence.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts.len(), 1, "{texts:?}");
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
    fn each_hop_lists_its_own_request_ids() {
        let text = "HTTP/2 503\nserver: cloudflare\ncf-ray: 8a1b2c3d4e5f6789-AMS\n\n2026-11-22T03:00:00.000000+00:00 heroku[router]: at=error code=H10 desc=\"App crashed\" method=GET path=\"/\" host=shop.example request_id=5b0d3c1e-9f7a-4e2b-8c6d-1a2b3c4d5e6f fwd=\"203.0.113.7\" status=503";
        let analysis = analyze(&rules(), text);
        let ids_of = |component: &str| -> Vec<String> {
            let hop = analysis
                .hops
                .iter()
                .find(|h| h.component == component)
                .unwrap();
            hop.request_ids.iter().map(|(_, id)| id.clone()).collect()
        };
        assert_eq!(ids_of("cloudflare"), ["8a1b2c3d4e5f6789-AMS"]);
        assert_eq!(ids_of("heroku"), ["5b0d3c1e-9f7a-4e2b-8c6d-1a2b3c4d5e6f"]);
        assert_eq!(analysis.request_ids.len(), 2, "the paste's list keeps both");
    }

    #[test]
    fn a_status_of_the_gateways_own_gives_its_meaning() {
        let rules = rules();
        // Only the headers: Cloudflare's 522 says what failed, without its page.
        let headers = "HTTP/1.1 522 Origin Connection Time-out\r\nServer: cloudflare\r\nCF-RAY: 8a1b2c3d4e5f6789-AMS\r\n";
        let analysis = analyze(&rules, headers);
        assert_eq!(
            (analysis.gateway.as_str(), analysis.status),
            ("cloudflare", Some(522))
        );
        assert_eq!(analysis.cause, "upstream-timeout");
        assert_eq!(analysis.node.as_deref(), Some("owner-cloudflare-522"));
        // A 502 means many things to one gateway: it stays unknown.
        let plain = "HTTP/1.1 502 Bad Gateway\r\nServer: cloudflare\r\n";
        assert_eq!(analyze(&rules, plain).cause, "unknown");
    }

    #[test]
    fn text_without_a_gateway_error_names_no_gateway_and_no_cause() {
        let rules = rules();
        let lorem =
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\nSed do eiusmod tempor.";
        let page = "<!doctype html><html><head><title>Welcome</title></head><body><h1>Our shop</h1></body></html>";
        let healthy = "HTTP/2 200\r\nserver: cloudflare\r\ncf-ray: 8a1b2c3d4e5f6789-AMS\r\nvia: 1.1 varnish\r\n";
        let not_found = "<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx/1.24.0</center></body></html>";
        let refused =
            "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Connection refused";
        let noise: String = (0..20_000u32)
            .map(|i| char::from_u32(33 + (i * 7919) % 90).unwrap_or('x'))
            .collect();
        for text in [
            lorem,
            page,
            healthy,
            not_found,
            refused,
            noise.as_str(),
            "",
            "\u{200b}\u{feff}",
        ] {
            let analysis = analyze(&rules, text);
            assert_eq!(
                (
                    analysis.gateway.as_str(),
                    analysis.cause.as_str(),
                    analysis.confidence
                ),
                ("unknown", "none", Confidence::None),
                "{text:.60}"
            );
            assert!(
                analysis.node.is_none() && !analysis.error_shown,
                "{text:.60}"
            );
        }
        let healthy = analyze(&rules, healthy);
        assert_eq!(healthy.status, Some(200));
        assert_eq!(
            healthy.hops[0].component, "cloudflare",
            "the components seen are still listed"
        );
    }

    #[test]
    fn invisible_characters_and_other_languages_do_not_hide_a_signature() {
        let paste = "upstream\u{200b} prematurely closed connection while reading response header from upstream\u{00a0}— Ошибка 502, 错误";
        assert_eq!(analyze(&rules(), paste).cause, "upstream-closed-early");
    }

    #[test]
    fn rules_survive_the_encoding_the_worker_reads() {
        let rules = rules();
        let mut decoded = Rules::decode(&rules.encode()).unwrap();
        for (signature, original) in decoded.signatures.iter_mut().zip(&rules.signatures) {
            signature.sample = original.sample.clone();
        }
        assert_eq!(decoded, rules);
        assert!(Rules::decode("S\tbroken").is_err());
    }

    #[test]
    fn the_readme_lists_every_cause_once_with_its_meaning() {
        let readme = include_str!("../../README.md");
        let table = readme
            .split("| cause | meaning |\n|---|---|\n")
            .nth(1)
            .expect("the README has a table of causes");
        let rows: Vec<&str> = table.lines().take_while(|l| l.starts_with('|')).collect();
        let expected: Vec<String> = CAUSES
            .iter()
            .map(|(name, meaning)| format!("| `{name}` | {} |", meaning.english()))
            .collect();
        assert_eq!(rows, expected);
        let unique: std::collections::HashSet<_> = cause_names().collect();
        assert_eq!(unique.len(), CAUSES.len());
        assert_eq!(cause_message("made-up"), Msg::CauseNotRecognised);
    }

    #[test]
    fn the_innermost_component_with_an_error_sent_it_and_the_innermost_cause_explains_it() {
        let paste = "Bad gateway Error code 502\nCloudflare Ray ID: 8a1b2c3d4e5f6789\n\
                     2026/11/22 03:20:11 [error] 812#812: *40 upstream prematurely closed connection while reading response header from upstream, client: 203.0.113.7\n\
                     [2026-11-22 03:20:11 +0000] [7] [CRITICAL] WORKER TIMEOUT (pid:42)";
        let analysis = analyze(&rules(), paste);
        assert_eq!(analysis.gateway, "nginx");
        assert_eq!(analysis.app_server.as_deref(), Some("gunicorn"));
        let chain: Vec<(&str, bool)> = analysis
            .hops
            .iter()
            .map(|h| (h.component.as_str(), h.failed))
            .collect();
        assert_eq!(
            chain,
            [("cloudflare", false), ("nginx", true), ("gunicorn", false)]
        );
        assert_eq!(
            analysis.cause, "app-crashed",
            "the worker's own reason: killed for time"
        );
        assert!(
            analysis
                .also
                .iter()
                .any(|(cause, _)| cause == "upstream-closed-early")
        );
    }

    #[test]
    fn a_specific_reason_wins_over_a_summary_and_over_what_followed() {
        let read = |paste: &str| {
            let analysis = analyze(&rules(), paste);
            (analysis.gateway, analysis.cause)
        };
        // cloudflared's summary, then Go's reason.
        assert_eq!(
            read(
                "2024-07-10T17:08:33Z ERR error=\"Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: dial tcp 192.0.2.10:3000: i/o timeout\" connIndex=0"
            ),
            ("cloudflare-tunnel".into(), "upstream-timeout".into())
        );
        // HAProxy's one 502 page for several failures, then its log's flags.
        assert_eq!(
            read(
                "<html><body><h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n</body></html>\n\
                  127.0.0.1:43014 [22/Nov/2026:04:01:30.193] fe be/app 0/0/0/-1/0 502 209 - - SH-- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\""
            ),
            ("haproxy".into(), "upstream-closed-early".into())
        );
        // The first failure, not the refusals that followed as the server went down.
        assert_eq!(
            read(
                "2023/10/20 09:37:21 [error] 1258#1258: *11896 upstream prematurely closed connection while reading response header from upstream\n\
                  2023/10/20 09:37:22 [error] 1258#1258: *11897 connect() failed (111: Connection refused) while connecting to upstream"
            ),
            ("nginx".into(), "upstream-closed-early".into())
        );
    }

    #[test]
    fn forms_and_exclusions_tell_components_apart() {
        // Cloudflare's old page says "cloudflare-nginx": that is not nginx.
        let old = analyze(
            &rules(),
            "<head><title>523 Origin Unreachable</title></head>\n<hr><center>cloudflare-nginx</center>",
        );
        assert_eq!(
            (old.gateway.as_str(), old.cause.as_str(), old.status),
            ("cloudflare", "upstream-refused", Some(523))
        );
        assert!(old.hops.iter().all(|hop| hop.component != "nginx"));
        // An nginx error log line, told by its form, says who met a cause that names no one.
        let wrapped = analyze(
            &rules(),
            "2019/01/14 16:26:56 [error] 11370#11370: *34 recv() failed (104: Connection reset by peer)\nwhile reading response header from upstream",
        );
        assert_eq!(
            (wrapped.gateway.as_str(), wrapped.cause.as_str()),
            ("nginx", "upstream-reset")
        );
        // A status told in words on the page: Cloudflare relaying a gateway time-out.
        let relayed = analyze(
            &rules(),
            "GATEWAY TIME-OUT\nThe web server reported a gateway time-out error.\nRay ID: 6870868cfdb351bf\nError reference number: 504",
        );
        assert_eq!(
            (
                relayed.gateway.as_str(),
                relayed.cause.as_str(),
                relayed.status
            ),
            ("cloudflare", "upstream-timeout", Some(504))
        );
    }

    #[test]
    fn bad_input_gets_a_clear_note_and_no_answer() {
        let rules = rules();
        let binary: Vec<u8> = (0..4096u32).map(|i| (i * 31 % 256) as u8).collect();
        let analysis = analyze(&rules, &String::from_utf8_lossy(&binary));
        assert!(
            analysis.notes[0].english().contains("binary file"),
            "{:?}",
            analysis.notes
        );
        assert_eq!(analysis.gateway, "unknown");
        let empty = analyze(&rules, " \n\t \n");
        assert!(
            empty.notes[0].english().contains("nothing to read"),
            "{:?}",
            empty.notes
        );
        let cut = analyze(
            &rules,
            "{\"log\": {\"entries\": [{\"response\": {\"status\": 502, \"headers\": [",
        );
        assert!(
            cut.notes[0].english().contains("could not be read as one"),
            "{:?}",
            cut.notes
        );
        let deep = format!("{{\"log\":{{\"entries\":[{{\"x\":{}", "[".repeat(100_000));
        let started = std::time::Instant::now();
        let deep = analyze(&rules, &deep);
        assert!(
            deep.notes[0].english().contains("could not be read as one"),
            "{:?}",
            deep.notes
        );
        assert!(started.elapsed().as_secs() < 5);
        let long = format!(
            "{} connect() failed (111: Connection refused) while connecting to upstream",
            "x".repeat(5_000_000)
        );
        assert_eq!(analyze(&rules, &long).lines, 1);
    }

    #[test]
    fn a_har_file_gives_its_failed_requests_without_their_secrets() {
        let har = r#"{"log":{"version":"1.2","entries":[{"request":{"method":"GET","url":"https://shop.example/?session=abc123","headers":[{"name":"Cookie","value":"sid=SECRET"}]},"response":{"status":504,"statusText":"Gateway Timeout","httpVersion":"HTTP/1.1","headers":[{"name":"Server","value":"cloudflare"},{"name":"CF-RAY","value":"8a1b2c3d4e5f6789-LHR"}],"content":{"text":""}},"timings":{"wait":100004.0}}]}}"#;
        let analysis = analyze(&rules(), har);
        assert_eq!(
            (analysis.gateway.as_str(), analysis.status),
            ("cloudflare", Some(504))
        );
        // Read in pieces, as the worker reads a dropped file, it is still read as one document.
        let rules = rules();
        let matcher = scan::Matcher::new(&rules);
        let mut stream = Stream::new(&rules, &matcher);
        for piece in har.as_bytes().chunks(13) {
            stream.feed(piece);
        }
        assert_eq!(stream.finish(), analysis);
        assert_eq!(
            analysis.cause, "upstream-timeout",
            "a wait of Cloudflare's 100 s limit"
        );
        assert!(
            analysis
                .notes
                .iter()
                .any(|n| n.english().contains("100.0 s, which is Cloudflare's limit")),
            "{:?}",
            analysis.notes
        );
        assert_eq!(
            analysis.requests[0].url,
            "https://shop.example/?session=***"
        );
        assert!(
            !format!("{analysis:?}").contains("SECRET")
                && !format!("{analysis:?}").contains("abc123")
        );
    }
}
