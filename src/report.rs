//! The report a reader hands to support. It opens with what support asks for first: the
//! address that failed, when, the request ids, what happened and what was tried; then how the
//! walk began, every answer (marking those a check chose) and every check with its details; then
//! the technical details (browser, user agent, the guide's link and content version, the link
//! values that were left out and why). The same facts come out as plain text (to paste
//! anywhere), Markdown (for a ticket that renders it) and JSON (for help desks that read it by
//! machine). It is written in English, for support teams read English, or in the page's
//! language if the reader chooses ([`Report::words`], with that language's tree's titles); the
//! JSON's names and the checks' ids stay as they are in every language.
//!
//! Everything in it is untrusted text: the Markdown puts values in code spans and escapes prose,
//! and the JSON escapes them, so nothing a link or a site sent can change the report's
//! structure. Secret-looking parts of the failing address (see [`crate::linked_error::masked`]) are
//! hidden unless the reader chooses to include them.

use crate::checks::{Finding, REQUEST_ID_HEADERS};
use crate::content::{Kind, Node};
use crate::engine::{Began, Given, How};
use crate::i18n::{Catalogue, PanelMsg, Said};
use crate::linked_error::{self, LinkedError, Note};
use crate::reader::Reader;
use std::fmt::Write;

/// The version of the JSON layout.
pub const FORMAT: u32 = 2;

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
    pub context: &'a LinkedError,
    /// The values of the link that opened the guide that were left out, and why.
    pub dropped: &'a [Note],
    /// Where and how the walk began, and the step it began at.
    pub began: (&'a Began, &'a Node),
    /// Each question answered, with the answer given.
    pub answers: Vec<Given<'a>>,
    /// Each check that ran, with the id of the question that ran it, oldest first.
    pub findings: &'a [(String, Finding)],
    /// The step on screen.
    pub reached: &'a Node,
    /// Whether secret-looking parts of the failing address are kept.
    pub with_secrets: bool,
    /// The words it is written in: English unless the reader chose the page's language.
    pub words: &'a Catalogue<PanelMsg>,
    /// What the cause a paste showed means (`began`'s `found`), in the same language: one of
    /// the interface's messages, which the panels' words do not hold, so the page says it.
    pub cause: &'a str,
}

/// A part of the report: a heading and its lines.
struct Section<'a> {
    heading: &'a str,
    lines: Vec<Line<'a>>,
}

enum Line<'a> {
    /// A label and an untrusted value.
    Field(&'a str, String),
    /// A sentence of the guide's own, with untrusted parts already in it.
    Text(String),
    /// A numbered entry.
    Numbered(String),
    /// A detail under the entry before it: a name and an untrusted value.
    Detail(String, String),
}

impl Report<'_> {
    /// The failing address as the report shows it.
    fn address(&self) -> Option<String> {
        let url = self.context.url.as_deref()?;
        Some(if self.with_secrets {
            url.to_string()
        } else {
            linked_error::masked(url)
        })
    }

    /// A check's detail's value as the report shows it: addresses lose their secrets too. The
    /// detail is told by its name's message, not its words, which are the report's language's.
    fn detail_value(&self, name: &Said, value: &str) -> String {
        let address = matches!(name, Said::Words(PanelMsg::DetailAddress, _));
        if address && !self.with_secrets {
            linked_error::masked(value)
        } else {
            value.to_string()
        }
    }

    /// A finding's sentences and details in the report's words, an address masked unless the
    /// reader chose otherwise.
    fn told(&self, finding: &Finding) -> (String, Vec<(String, String)>) {
        let words = self.words;
        let details = finding
            .details
            .iter()
            .map(|(name, value)| (words.say(name), self.detail_value(name, &words.say(value))))
            .collect();
        (words.say_all(&finding.summary), details)
    }

    /// The text of `msg` in the report's words.
    fn t(&self, msg: PanelMsg) -> &str {
        self.words.text(msg)
    }

    /// `msg` in the report's words, with its values.
    fn fill(&self, msg: PanelMsg, values: &[(&str, &str)]) -> String {
        self.words.fill(msg, values)
    }

    /// A name and its value on one line, as the report's language writes them.
    fn labelled(&self, label: &str, value: &str) -> String {
        self.fill(
            PanelMsg::ReportLabelled,
            &[("label", label), ("value", value)],
        )
    }

    /// Every request id known: the one the error page passed on, then those in check results.
    pub fn request_ids(&self) -> Vec<(String, String)> {
        let from_page = self.context.rid.iter().map(|rid| {
            (
                self.t(PanelMsg::ReportFromErrorPage).to_string(),
                rid.clone(),
            )
        });
        let from_checks = self.findings.iter().flat_map(|(_, finding)| {
            finding.details.iter().filter_map(|detail| match detail {
                (Said::Verbatim(name), Said::Verbatim(id))
                    if REQUEST_ID_HEADERS.contains(&name.as_str()) =>
                {
                    Some((name.clone(), id.clone()))
                }
                _ => None,
            })
        });
        let mut ids: Vec<(String, String)> = Vec::new();
        for id in from_page.chain(from_checks) {
            if !ids.iter().any(|(_, known)| *known == id.1) {
                ids.push(id);
            }
        }
        ids
    }

    /// What the reader met, in one sentence.
    fn what_happened(&self) -> String {
        let status = self.context.status.map(|status| status.to_string());
        let gateway = self.context.via.as_deref();
        let got = match (&status, gateway) {
            (Some(status), Some(gateway)) => self.fill(
                PanelMsg::ReportGotStatusFrom,
                &[("status", status), ("gateway", gateway)],
            ),
            (Some(status), None) => self.fill(PanelMsg::ReportGotStatus, &[("status", status)]),
            (None, Some(gateway)) => {
                self.fill(PanelMsg::ReportGotErrorFrom, &[("gateway", gateway)])
            }
            (None, None) => self.t(PanelMsg::ReportGotError).to_string(),
        };
        let title = self.reached.title.as_str();
        let reached = match self.reached.ending {
            Some(ending) => self.fill(
                PanelMsg::ReportReachedEnding,
                &[("title", title), ("ending", ending.name())],
            ),
            None => self.fill(PanelMsg::ReportReached, &[("title", title)]),
        };
        self.words
            .say_all(&[Said::verbatim(got), Said::verbatim(reached)])
    }

    /// How the walk began, in one sentence.
    pub fn began_sentence(&self) -> String {
        let (began, first) = self.began;
        let first = [("first", first.title.as_str())];
        match began.how {
            How::Start => self.t(PanelMsg::ReportBeganStart).into(),
            How::Link => self.fill(PanelMsg::ReportBeganLink, &first),
            How::Map => self.fill(PanelMsg::ReportBeganMap, &first),
            How::ErrorPage => self.fill(PanelMsg::ReportBeganErrorPage, &first),
            How::Paste => match &began.found {
                Some(found) => self.fill(
                    PanelMsg::ReportBeganPasteFound,
                    &[first[0], ("gateway", &found.gateway), ("cause", self.cause)],
                ),
                None => self.fill(PanelMsg::ReportBeganPaste, &first),
            },
        }
    }

    fn sections(&self) -> Vec<Section<'_>> {
        use PanelMsg as M;
        let mut summary = vec![
            Line::Field(
                self.t(M::ReportFailedAddress),
                self.address()
                    .unwrap_or_else(|| self.t(M::ReportNotGiven).into()),
            ),
            Line::Field(
                self.t(M::ReportWhenItFailed),
                match &self.context.time {
                    Some(time) => time.clone(),
                    None => self.fill(
                        M::ReportNotGivenWritten,
                        &[("created", self.created), ("timezone", self.timezone)],
                    ),
                },
            ),
        ];
        let ids = self.request_ids();
        if ids.is_empty() {
            let none = self.t(M::ReportNoneKnown).into();
            summary.push(Line::Field(self.t(M::ReportRequestIds), none));
        }
        for (source, id) in ids {
            summary.push(Line::Field(
                self.t(M::ReportRequestId),
                format!("{id} ({source})"),
            ));
        }
        summary.push(Line::Text(self.what_happened()));

        let mut tried: Vec<Line> = self
            .answers
            .iter()
            .filter(|given| given.question.kind == Kind::Guidance)
            .map(|given| {
                // A guidance's answers are "fixed" then "not fixed", in any language.
                let fixed = given.question.answers.first();
                let result = if fixed.is_some_and(|fixed| fixed.next == given.answer.next) {
                    M::ReportFixedIt
                } else {
                    M::ReportStayed
                };
                Line::Text(self.fill(result, &[("title", &given.question.title)]))
            })
            .collect();
        tried.extend(self.findings.iter().map(|(_, finding)| {
            Line::Text(self.fill(
                M::ReportCheck,
                &[
                    ("check", finding.check.name()),
                    ("summary", &self.told(finding).0),
                ],
            ))
        }));
        if tried.is_empty() {
            tried.push(Line::Text(self.t(M::ReportNothingTried).into()));
        }

        let mut walk = vec![Line::Text(self.began_sentence())];
        if self.answers.is_empty() {
            walk.push(Line::Text(self.t(M::ReportNoAnswers).into()));
        }
        for given in &self.answers {
            let by = if given.by_check {
                self.t(M::ReportByCheck)
            } else {
                ""
            };
            walk.push(Line::Numbered(format!(
                "{} → {}{by}",
                given.question.title, given.answer.label
            )));
        }

        let mut checks = Vec::new();
        if self.findings.is_empty() {
            checks.push(Line::Text(self.t(M::ReportNoChecks).into()));
        }
        for (question, finding) in self.findings {
            let (summary, details) = self.told(finding);
            checks.push(Line::Numbered(self.fill(
                M::ReportCheckOn,
                &[
                    ("check", finding.check.name()),
                    ("question", question),
                    ("outcome", finding.outcome),
                    ("verdict", finding.verdict.name()),
                    ("summary", &summary),
                ],
            )));
            for (name, value) in details {
                checks.push(Line::Detail(name, value));
            }
        }

        let reader = Reader::from_user_agent(self.user_agent, false);
        let mut technical = vec![
            Line::Field(
                self.t(M::ReportWritten),
                format!("{} ({})", self.created, self.timezone),
            ),
            Line::Field(self.t(M::ReportBrowser), reader.summary),
            Line::Field(self.t(M::ReportUserAgent), self.user_agent.to_string()),
            Line::Field(self.t(M::ReportGuide), self.link.to_string()),
            Line::Field(
                self.t(M::ReportContentVersion),
                self.content_version.to_string(),
            ),
        ];
        if let Some(status) = self.context.status {
            technical.push(Line::Field(self.t(M::ReportStatus), status.to_string()));
        }
        if let Some(via) = &self.context.via {
            technical.push(Line::Field(self.t(M::ReportGateway), via.clone()));
        }
        for note in self.dropped {
            let why = [("param", note.param), ("why", self.t(note.why))];
            technical.push(Line::Field(
                self.t(M::ReportLeftOut),
                self.fill(M::ReportLeftOutWhy, &why),
            ));
        }
        if self.context.url.is_some() && !self.with_secrets && self.address() != self.context.url {
            technical.push(Line::Text(self.t(M::ReportSecretsHidden).into()));
        }
        [
            (M::ReportTheError, summary),
            (M::ReportWhatWasTried, tried),
            (M::ReportTheWalk, walk),
            (M::ReportChecks, checks),
            (M::ReportTechnical, technical),
        ]
        .into_iter()
        .map(|(heading, lines)| Section {
            heading: self.t(heading),
            lines,
        })
        .collect()
    }

    /// Plain text, to paste into any message: no markup, nothing escaped.
    pub fn text(&self) -> String {
        let mut out = format!("{}\n", self.t(PanelMsg::ReportTitle));
        for section in self.sections() {
            let _ = write!(out, "\n{}\n", section.heading.to_uppercase());
            let mut number = 0;
            for line in section.lines {
                let line = match line {
                    Line::Field(label, value) => self.labelled(label, &one_line(&value)),
                    Line::Text(text) => one_line(&text),
                    Line::Numbered(text) => {
                        number += 1;
                        format!("{number}. {}", one_line(&text))
                    }
                    Line::Detail(name, value) => {
                        format!("   {}", self.labelled(&one_line(&name), &one_line(&value)))
                    }
                };
                out.push_str(&line);
                out.push('\n');
            }
        }
        out
    }

    /// Markdown, for tickets that render it: values in code spans, prose escaped.
    pub fn markdown(&self) -> String {
        let mut out = format!("# {}\n", self.t(PanelMsg::ReportTitle));
        for section in self.sections() {
            let _ = write!(out, "\n## {}\n\n", section.heading);
            let mut number = 0;
            for line in section.lines {
                let line = match line {
                    Line::Field(label, value) => {
                        format!("- {}", self.labelled(label, &code(&value)))
                    }
                    Line::Text(text) => format!("- {}", plain(&text)),
                    Line::Numbered(text) => {
                        number += 1;
                        format!("{number}. {}", plain(&text))
                    }
                    Line::Detail(name, value) => {
                        format!("   - {}", self.labelled(&plain(&name), &code(&value)))
                    }
                };
                out.push_str(&line);
                out.push('\n');
            }
        }
        out
    }

    pub fn json(&self) -> String {
        let mut values = self.context.values();
        for (name, value) in &mut values {
            if *name == crate::url_contract::URL {
                *value = self.address();
            }
        }
        let context = object(
            values
                .into_iter()
                .map(|(name, value)| (name, value.as_deref().map_or("null".into(), string))),
        );
        let answers = array(self.answers.iter().map(|given| {
            object([
                ("question_id", string(&given.question.id)),
                ("question", string(&given.question.title)),
                ("answer", string(&given.answer.label)),
                ("next", string(&given.answer.next)),
                ("by_check", given.by_check.to_string()),
            ])
        }));
        let checks = array(self.findings.iter().map(|(question, finding)| {
            let (summary, details) = self.told(finding);
            object([
                ("question_id", string(question)),
                ("check", string(finding.check.name())),
                ("outcome", string(finding.outcome)),
                ("verdict", string(finding.verdict.name())),
                ("summary", string(&summary)),
                (
                    "details",
                    array(details.iter().map(|(name, value)| {
                        object([("name", string(name)), ("value", string(value))])
                    })),
                ),
            ])
        }));
        let reached = object([
            ("id", string(&self.reached.id)),
            ("title", string(&self.reached.title)),
            ("kind", string((self.reached.kind).name())),
            (
                "ending",
                self.reached
                    .ending
                    .map_or("null".into(), |e| string(e.name())),
            ),
        ]);
        let (began, first) = self.began;
        let began = object([
            ("at", string(&first.id)),
            ("how", string(began.how.name())),
            (
                "found",
                began.found.as_ref().map_or("null".into(), |found| {
                    object([
                        ("gateway", string(&found.gateway)),
                        ("cause", string(&found.cause)),
                    ])
                }),
            ),
        ]);
        let request_ids = array(
            self.request_ids()
                .iter()
                .map(|(source, id)| object([("id", string(id)), ("source", string(source))])),
        );
        let dropped = array(self.dropped.iter().map(|note| {
            object([
                ("param", string(note.param)),
                ("why", string(self.t(note.why))),
            ])
        }));
        let reader = Reader::from_user_agent(self.user_agent, false);
        object([
            ("fix502_report", FORMAT.to_string()),
            ("created", string(self.created)),
            ("timezone", string(self.timezone)),
            (
                "browser",
                object([
                    ("summary", string(&reader.summary)),
                    ("user_agent", string(self.user_agent)),
                ]),
            ),
            ("guide", string(self.link)),
            ("content_version", string(self.content_version)),
            ("context", context),
            ("secrets_hidden", (!self.with_secrets).to_string()),
            ("left_out", dropped),
            ("began", began),
            ("reached", reached),
            ("answers", answers),
            ("checks", checks),
            ("request_ids", request_ids),
        ]) + "\n"
    }
}

fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
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
    let text = one_line(text);
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
    use crate::content::Kind::{End, Guidance, Question};
    use crate::content::NOT_FIXED_LABEL;
    use crate::content::fixture::node;
    use crate::engine::{Found, Walk};

    const CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    struct Fixture {
        context: LinkedError,
        dropped: Vec<Note>,
        began: Began,
        question: Node,
        advice: Node,
        reached: Node,
        findings: Vec<(String, Finding)>,
        words: Catalogue<PanelMsg>,
    }

    impl Fixture {
        fn new(query: &str) -> Fixture {
            let mut advice = node(
                "visitor-cache",
                Guidance,
                &["visitor-fixed", "visitor-next"],
            );
            advice.answers[1].label = NOT_FIXED_LABEL.into();
            let context = LinkedError::from_query(query);
            Fixture {
                dropped: context.notes.clone(),
                context,
                began: Began::default(),
                question: node("visitor-scope", Question, &["visitor-cache"]),
                advice,
                reached: node("visitor-next", End, &[]),
                findings: vec![site_finding()],
                words: Catalogue::english(),
            }
        }

        fn report(&self, with_secrets: bool) -> Report<'_> {
            Report {
                words: &self.words,
                cause: self
                    .began
                    .found
                    .as_ref()
                    .map_or("", |found| crate::analyze::cause_meaning(&found.cause)),
                created: "2026-11-22T05:50:12.000Z",
                timezone: "Europe/London, UTC+00:00",
                user_agent: CHROME,
                link: "https://help.example/_fix502/?a=visitor-scope.visitor-cache.visitor-next",
                content_version: "0123456789abcdef",
                context: &self.context,
                dropped: &self.dropped,
                began: (&self.began, &self.question),
                answers: vec![
                    Given {
                        question: &self.question,
                        answer: &self.question.answers[0],
                        by_check: true,
                    },
                    Given {
                        question: &self.advice,
                        answer: &self.advice.answers[1],
                        by_check: false,
                    },
                ],
                findings: &self.findings,
                reached: &self.reached,
                with_secrets,
            }
        }
    }

    fn site_finding() -> (String, Finding) {
        let site = checks::site("https://shop.example/cart?token=s3cr3t").unwrap();
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

    const ERROR_PAGE: &str = "url=https%3A%2F%2Fshop.example%2Fcart%3Ftoken%3Ds3cr3t&status=502\
                              &time=2026-11-22T04%3A53%3A44Z&rid=abc-123&via=cloudflare";

    #[test]
    fn it_opens_with_what_support_asks_for_first() {
        let fixture = Fixture::new(ERROR_PAGE);
        let text = fixture.report(false).text();
        let order = [
            "Failed address: https://shop.example/cart?token=***",
            "When it failed: 2026-11-22T04:53:44Z",
            "Request id: abc-123 (from the error page)",
            "Request id: 8c1f2e3d4b5a6978-LHR (cf-ray)",
            "The reader got status 502 from cloudflare. The guide reached “Title of visitor-next” (informed).",
            "WHAT WAS TRIED",
            "Title of visitor-cache: the error stayed.",
            "Check site-status: shop.example answered 502 Bad Gateway",
            "THE WALK",
            "At the start: every answer below is the reader's.",
            "1. Title of visitor-scope → Go to visitor-cache (chosen by the guide's check)",
            "2. Title of visitor-cache → No, the error is still there",
            "CHECKS",
            "   address: https://shop.example/cart?token=***",
            "TECHNICAL DETAILS",
            "Browser: Chrome 131 on Linux",
            "User agent: Mozilla/5.0",
            "Content version: 0123456789abcdef",
            "Secret-looking parts of the address are hidden as ***.",
        ];
        let mut from = 0;
        for expected in order {
            let at = text[from..]
                .find(expected)
                .unwrap_or_else(|| panic!("{expected:?} missing, or out of order, in:\n{text}"));
            from += at + expected.len();
        }
        assert!(!text.contains("s3cr3t"), "{text}");
        assert!(!text.contains('\\'), "plain text has no escapes: {text}");
    }

    #[test]
    fn it_is_written_in_the_words_it_is_given_and_its_values_as_they_are() {
        use crate::i18n::{Lang, catalogue::Text};
        let mut fixture = Fixture::new(ERROR_PAGE);
        let plain = |text: &str| Text::Plain(text.into());
        fixture.words = Catalogue::new(
            Lang::De,
            [
                (PanelMsg::ReportTheError, plain("Der Fehler")),
                (PanelMsg::ReportFailedAddress, plain("Betroffene Adresse")),
                (PanelMsg::ReportStayed, plain("{title}: Der Fehler blieb.")),
                (PanelMsg::DetailAddress, plain("Adresse")),
            ],
        );
        let text = fixture.report(false).text();
        for expected in [
            "\nDER FEHLER\n",
            "Betroffene Adresse: https://shop.example/cart?token=***",
            "Title of visitor-cache: Der Fehler blieb.",
            "\nWHAT WAS TRIED\n",
            // A check's address keeps its secrets hidden in any language.
            "   Adresse: https://shop.example/cart?token=***\n",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
        assert!(!text.contains("s3cr3t"), "{text}");
        assert!(fixture.report(false).markdown().contains("## Der Fehler\n"));
    }

    #[test]
    fn a_name_and_its_value_and_why_a_value_was_left_out_are_the_language_s_too() {
        use crate::i18n::{Lang, catalogue::Text};
        let mut fixture = Fixture::new(&format!("{ERROR_PAGE}&lang=fr_FR"));
        let plain = |text: &str| Text::Plain(text.into());
        // French puts a no-break space before a colon.
        fixture.words = Catalogue::new(
            Lang::Fr,
            [
                (PanelMsg::ReportLabelled, plain("{label}\u{a0}: {value}")),
                (PanelMsg::ReportLeftOut, plain("Non repris dans le lien")),
                (
                    PanelMsg::ReportLeftOutWhy,
                    plain("La valeur « {param} » du lien n'a pas été reprise : {why}"),
                ),
                (
                    PanelMsg::LinkBadLang,
                    plain("ce n'est pas une étiquette de langue comme en ou fr-CA."),
                ),
            ],
        );
        let text = fixture.report(false).text();
        let left_out = "Non repris dans le lien\u{a0}: La valeur « lang » du lien n'a pas été reprise : ce n'est pas une étiquette de langue comme en ou fr-CA.";
        assert!(text.contains(left_out), "{text}");
        assert!(
            text.contains("   address\u{a0}: https://shop.example/"),
            "{text}"
        );
        let markdown = fixture.report(false).markdown();
        assert!(
            markdown.contains("- Failed address\u{a0}: `https://shop.example/cart?token=***`"),
            "{markdown}"
        );
    }

    #[test]
    fn secrets_are_included_only_when_the_reader_chooses() {
        let fixture = Fixture::new(ERROR_PAGE);
        for text in [
            fixture.report(false).markdown(),
            fixture.report(false).json(),
        ] {
            assert!(!text.contains("s3cr3t"), "{text}");
        }
        let with = fixture.report(true).text();
        assert!(
            with.contains("https://shop.example/cart?token=s3cr3t"),
            "{with}"
        );
        assert!(!with.contains("hidden as ***"));
    }

    #[test]
    fn markdown_escapes_prose_and_keeps_values_whole() {
        let mut fixture = Fixture::new("rid=abc-123");
        fixture.question.title = "# Heading\n[link](javascript:alert(1)) <script>".into();
        fixture.findings[0]
            .1
            .details
            .push((Said::verbatim("x"), Said::verbatim("``` \n# not a heading")));
        let text = fixture.report(false).markdown();
        assert!(
            text.contains("1. \\# Heading \\[link\\](javascript:alert(1)) \\<script\\> →"),
            "{text}"
        );
        assert!(
            text.contains("   - x: ```` ```  # not a heading ````"),
            "{text}"
        );
        assert!(text.contains("- Failed address: `not given`"), "{text}");
        assert!(!text.lines().any(|line| line.starts_with("# not")));
        let json = fixture.report(false).json();
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }

    #[test]
    fn json_holds_the_same_facts_and_escapes_them() {
        let mut fixture =
            Fixture::new("url=https%3A%2F%2Fshop.example%2F%22x%22&rid=abc&status=5020");
        fixture.began = began_from_paste(&fixture.question);
        let json = fixture.report(false).json();
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["fix502_report"], 2);
        assert_eq!(value["context"]["url"], "https://shop.example/\"x\"");
        assert_eq!(value["context"]["status"], serde_json::Value::Null);
        assert_eq!(value["left_out"][0]["param"], "status");
        assert_eq!(value["reached"]["ending"], "informed");
        assert_eq!(value["began"]["how"], "paste");
        assert_eq!(value["began"]["found"]["cause"], "upstream-reset");
        assert_eq!(value["answers"][0]["by_check"], true);
        assert_eq!(
            value["answers"][1]["answer"],
            "No, the error is still there"
        );
        assert_eq!(value["checks"][0]["outcome"], "bad-gateway");
        assert_eq!(value["request_ids"][1]["id"], "8c1f2e3d4b5a6978-LHR");
        assert_eq!(value["browser"]["summary"], "Chrome 131 on Linux");
        let text = fixture.report(false).text();
        assert!(
            text.contains("Opened at “Title of visitor-scope” from a paste, which showed nginx: the upstream reset the connection."),
            "{text}"
        );
        assert!(text.contains("Left out of the link: The link's “status” value was left out"));
    }

    fn began_from_paste(node: &Node) -> Began {
        let found = Found {
            gateway: "nginx".into(),
            cause: "upstream-reset".into(),
        };
        Walk::opened_at(node, How::Paste, Some(found))
            .began()
            .clone()
    }
}
