//! The report a reader hands to support: when and where the error happened, their browser and
//! system, every answer given, every check with its raw details, the step the guide reached and
//! the request ids known. The same facts come out as Markdown (to paste into a ticket or an
//! email) and as JSON (for help desks that read it by machine).
//!
//! Everything in it is untrusted text: the Markdown puts values in code spans, and the JSON
//! escapes them, so nothing a link or a site sent can change the report's structure.

use crate::checks::Finding;
use crate::content::{Node, kind_name};
use crate::context::Context;
use std::fmt::Write;

/// The version of the JSON layout.
pub const FORMAT: u32 = 1;

/// Response headers whose values identify one request at a CDN or proxy.
const REQUEST_ID_HEADERS: [&str; 3] = ["cf-ray", "x-amz-cf-id", "x-request-id"];

/// What the report says, gathered by the page.
pub struct Report<'a> {
    /// When the report was made, in UTC (`2026-11-22T05:50:12.000Z`).
    pub created: &'a str,
    /// The reader's timezone and its offset (`Europe/London, UTC+00:00`).
    pub timezone: &'a str,
    /// The browser's user-agent string.
    pub user_agent: &'a str,
    /// A link that reopens the guide at the step reached.
    pub link: &'a str,
    /// Which version of the guide's content was used.
    pub content_version: &'a str,
    pub context: &'a Context,
    /// Each question answered, with the answer given.
    pub answers: Vec<(&'a Node, &'a str)>,
    /// Each check that ran, with the id of the question that ran it, oldest first.
    pub findings: &'a [(String, Finding)],
    /// The step on screen.
    pub reached: &'a Node,
}

impl Report<'_> {
    /// Every request id known: the one the error page passed on, then those in check results.
    pub fn request_ids(&self) -> Vec<(String, String)> {
        let from_page = self
            .context
            .rid
            .iter()
            .map(|rid| ("from the error page".to_string(), rid.clone()));
        let from_checks = self.findings.iter().flat_map(|(_, finding)| {
            finding
                .details
                .iter()
                .filter(|(name, _)| REQUEST_ID_HEADERS.contains(&name.as_str()))
                .cloned()
        });
        let mut ids: Vec<(String, String)> = Vec::new();
        for id in from_page.chain(from_checks) {
            if !ids.iter().any(|(_, known)| *known == id.1) {
                ids.push(id);
            }
        }
        ids
    }

    pub fn markdown(&self) -> String {
        let mut out = String::from("# 502 Bad Gateway: report for support\n\n");
        let ending = self.reached.ending.map_or("", |e| e.name());
        let _ = writeln!(
            out,
            "- Reached: **{}** {}{}",
            plain(&self.reached.title),
            code(&self.reached.id),
            if ending.is_empty() {
                String::new()
            } else {
                format!(" ({ending})")
            }
        );
        let _ = writeln!(
            out,
            "- Created: {} ({})",
            code(self.created),
            plain(self.timezone)
        );
        let _ = writeln!(
            out,
            "- Browser: {} {}",
            plain(&browser_and_system(self.user_agent)),
            code(self.user_agent)
        );
        let _ = writeln!(out, "- Guide: <{}>", self.link.replace(['<', '>', ' '], ""));

        out.push_str("\n## The error\n\n");
        let facts = self.context.facts();
        if facts.is_empty() {
            out.push_str("No details came with the link that opened the guide.\n");
        }
        for (label, value) in facts {
            let _ = writeln!(out, "- {label}: {}", code(&value));
        }
        let ids = self.request_ids();
        if !ids.is_empty() {
            out.push_str("\nRequest ids:\n\n");
            for (source, id) in &ids {
                let _ = writeln!(out, "- {} ({})", code(id), plain(source));
            }
        }

        out.push_str("\n## Answers\n\n");
        if self.answers.is_empty() {
            out.push_str("No questions answered yet.\n");
        }
        for (number, (question, answer)) in self.answers.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. {} → {}",
                number + 1,
                plain(&question.title),
                plain(answer)
            );
        }

        out.push_str("\n## Checks\n\n");
        if self.findings.is_empty() {
            out.push_str("No live checks ran.\n");
        }
        for (question, finding) in self.findings {
            let _ = writeln!(
                out,
                "- {} on {}: {} ({}). {}",
                code(finding.check.name()),
                code(question),
                code(finding.outcome),
                finding.verdict.name(),
                plain(&finding.summary)
            );
            for (name, value) in &finding.details {
                let _ = writeln!(out, "  - {}: {}", plain(name), code(value));
            }
        }
        out
    }

    pub fn json(&self) -> String {
        let context = object(
            self.context
                .values()
                .map(|(name, value)| (name, value.as_deref().map_or("null".into(), string))),
        );
        let answers = array(self.answers.iter().map(|(question, answer)| {
            object([
                ("question_id", string(&question.id)),
                ("question", string(&question.title)),
                ("answer", string(answer)),
            ])
        }));
        let checks = array(self.findings.iter().map(|(question, finding)| {
            object([
                ("question_id", string(question)),
                ("check", string(finding.check.name())),
                ("outcome", string(finding.outcome)),
                ("verdict", string(finding.verdict.name())),
                ("summary", string(&finding.summary)),
                (
                    "details",
                    array(finding.details.iter().map(|(name, value)| {
                        object([("name", string(name)), ("value", string(value))])
                    })),
                ),
            ])
        }));
        let reached = object([
            ("id", string(&self.reached.id)),
            ("title", string(&self.reached.title)),
            ("kind", string(kind_name(self.reached.kind))),
            (
                "ending",
                self.reached
                    .ending
                    .map_or("null".into(), |e| string(e.name())),
            ),
        ]);
        let request_ids = array(
            self.request_ids()
                .iter()
                .map(|(source, id)| object([("id", string(id)), ("source", string(source))])),
        );
        object([
            ("fix502_report", FORMAT.to_string()),
            ("created", string(self.created)),
            ("timezone", string(self.timezone)),
            (
                "browser",
                object([
                    ("summary", string(&browser_and_system(self.user_agent))),
                    ("user_agent", string(self.user_agent)),
                ]),
            ),
            ("guide", string(self.link)),
            ("content_version", string(self.content_version)),
            ("context", context),
            ("reached", reached),
            ("answers", answers),
            ("checks", checks),
            ("request_ids", request_ids),
        ]) + "\n"
    }
}

/// "Chrome 131 on Linux", from a user-agent string, as far as it tells.
pub fn browser_and_system(user_agent: &str) -> String {
    let version_after = |marker: &str| {
        let at = user_agent.find(marker)? + marker.len();
        let version: String = user_agent[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        (!version.is_empty()).then_some(version)
    };
    // Order matters: Edge and Opera also say Chrome, and Chrome also says Safari.
    let browsers = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Version/", "Safari"),
    ];
    let browser = browsers
        .iter()
        .find_map(|(marker, name)| Some(format!("{name} {}", version_after(marker)?)))
        .unwrap_or_else(|| "an unknown browser".into());
    let systems = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("CrOS", "ChromeOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];
    let system = systems
        .iter()
        .find(|(marker, _)| user_agent.contains(marker))
        .map_or("an unknown system", |(_, name)| name);
    format!("{browser} on {system}")
}

/// Text for Markdown prose, with the characters that would start markup escaped.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A Markdown code span holding `text` exactly, whatever backticks it contains.
fn code(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A JSON string.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn object<'k>(fields: impl IntoIterator<Item = (&'k str, String)>) -> String {
    let fields: Vec<String> = fields
        .into_iter()
        .map(|(name, value)| format!("{}:{value}", string(name)))
        .collect();
    format!("{{{}}}", fields.join(","))
}

fn array(items: impl Iterator<Item = String>) -> String {
    format!("[{}]", items.collect::<Vec<_>>().join(","))
}

// The tests read the JSON back with serde_json, a host-only dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::checks::{self, Fetched};
    use crate::content::Kind::{End, Question};
    use crate::content::fixture::node;

    const CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    fn report<'a>(
        context: &'a Context,
        question: &'a Node,
        reached: &'a Node,
        findings: &'a [(String, Finding)],
    ) -> Report<'a> {
        Report {
            created: "2026-11-22T05:50:12.000Z",
            timezone: "Europe/London, UTC+00:00",
            user_agent: CHROME,
            link: "https://help.example/_fix502/?a=visitor-scope.visitor-fixed",
            content_version: "0123456789abcdef",
            context,
            answers: vec![(question, "It fails everywhere")],
            findings,
            reached,
        }
    }

    fn site_finding() -> (String, Finding) {
        let site = checks::site("https://shop.example/cart").unwrap();
        let fetched = Fetched::Answered {
            millis: 120,
            status: 502,
            headers: vec![
                ("server".into(), "cloudflare".into()),
                ("cf-ray".into(), "8c1f2e3d4b5a6978-LHR".into()),
            ],
            opaque: false,
        };
        ("visitor-scope".into(), checks::site_status(&site, &fetched))
    }

    #[test]
    fn markdown_tells_support_what_they_ask_for() {
        let context = Context::from_query(
            "url=https%3A%2F%2Fshop.example%2Fcart&status=502&rid=abc-123&via=cloudflare",
        );
        let question = node("visitor-scope", Question, &["visitor-fixed"]);
        let reached = node("visitor-fixed", End, &[]);
        let findings = [site_finding()];
        let text = report(&context, &question, &reached, &findings).markdown();
        for expected in [
            "- Reached: **Title of visitor-fixed** `visitor-fixed` (informed)",
            "- Created: `2026-11-22T05:50:12.000Z` (Europe/London, UTC+00:00)",
            "- Browser: Chrome 131 on Linux `Mozilla/5.0",
            "- Guide: <https://help.example/_fix502/?a=visitor-scope.visitor-fixed>",
            "- Failed address: `https://shop.example/cart`",
            "- Request id: `abc-123`",
            "- `abc-123` (from the error page)",
            "- `8c1f2e3d4b5a6978-LHR` (cf-ray)",
            "1. Title of visitor-scope → It fails everywhere",
            "- `site-status` on `visitor-scope`: `bad-gateway` (problem).",
            "  - status: `502`",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
    }

    #[test]
    fn json_holds_the_same_facts_and_escapes_them() {
        let context = Context::from_query("url=https%3A%2F%2Fshop.example%2F%22x%22&rid=abc");
        let question = node("visitor-scope", Question, &["visitor-fixed"]);
        let reached = node("visitor-fixed", End, &[]);
        let findings = [site_finding()];
        let json = report(&context, &question, &reached, &findings).json();
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["fix502_report"], 1);
        assert_eq!(value["context"]["url"], "https://shop.example/\"x\"");
        assert_eq!(value["context"]["status"], serde_json::Value::Null);
        assert_eq!(value["reached"]["ending"], "informed");
        assert_eq!(value["answers"][0]["answer"], "It fails everywhere");
        assert_eq!(value["checks"][0]["outcome"], "bad-gateway");
        assert_eq!(value["checks"][0]["details"][1]["name"], "cf-ray");
        assert_eq!(value["request_ids"][1]["id"], "8c1f2e3d4b5a6978-LHR");
        assert_eq!(value["browser"]["summary"], "Chrome 131 on Linux");
    }

    #[test]
    fn hostile_text_cannot_change_the_report_structure() {
        let mut question = node("visitor-scope", Question, &["visitor-fixed"]);
        question.title = "# Heading\n[link](javascript:alert(1)) <script>".into();
        let reached = node("visitor-fixed", End, &[]);
        let context = Context::default();
        let mut finding = site_finding();
        finding
            .1
            .details
            .push(("x".into(), "``` \n# not a heading".into()));
        let findings = [finding];
        let text = report(&context, &question, &reached, &findings).markdown();
        assert!(text.contains("1. \\# Heading \\[link\\](javascript:alert(1)) \\<script\\>"));
        assert!(text.contains("  - x: ```` ```  # not a heading ````"));
        assert!(!text.lines().any(|line| line.starts_with("# not")));
        let json = report(&context, &question, &reached, &findings).json();
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }

    #[test]
    fn browsers_and_systems_are_named() {
        assert_eq!(browser_and_system(CHROME), "Chrome 131 on Linux");
        assert_eq!(
            browser_and_system(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86"
            ),
            "Edge 131 on Windows"
        );
        assert_eq!(
            browser_and_system(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
            ),
            "Safari 18 on iOS"
        );
        assert_eq!(
            browser_and_system("curl/8.5.0"),
            "an unknown browser on an unknown system"
        );
    }
}
