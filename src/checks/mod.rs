//! The live checks, in plain terms: which checks exist and what outcomes each can have (the
//! names authors use in `check` and `when`), and how a raw observation (a fetch that answered
//! or failed, a DNS-over-HTTPS reply, a status page) becomes a result a reader understands.
//!
//! The browser side (`app::browser::probe`) only observes and hands its observations here, so all of
//! the interpretation is plain Rust and tested natively.
//!
//! One file per concern: [`site`] reads the address a reader gives, [`fetch`] the checks that
//! fetch the site (online, site-answers, site-status, site-hop), [`dns`] the DNS check,
//! [`status_page`] the status-page check, and [`encoding`] carries findings to and from the
//! page's worker.

mod dns;
mod encoding;
mod fetch;
mod site;
mod status_page;

pub use dns::*;
pub use encoding::*;
pub use fetch::*;
pub use site::*;
pub use status_page::*;

use crate::i18n::{Msg, PanelMsg, Said};
use std::fmt;

/// A check a question can run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Check {
    /// Is the reader's browser online? `navigator.onLine`, confirmed by fetching the wizard's
    /// own origin.
    Online,
    /// Does anything answer at the site's address? A `no-cors` fetch: an opaque answer means
    /// something answered, a network error means nothing did.
    SiteAnswers,
    /// The site's real status and the headers that name the hop, where the browser lets us
    /// read them (same origin, or CORS).
    SiteStatus,
    /// Does the site's name resolve? DNS over HTTPS, JSON API.
    Dns,
    /// What does the site's own status page (Atlassian Statuspage format) report?
    StatusPage,
    /// Which server answered the site's request, as the paste analyser reads its status and
    /// headers (where the browser lets us read them). Asked once a walk: every question that
    /// lists servers takes the same answer.
    SiteHop,
}

named!(Check {
    Online => "online",
    SiteAnswers => "site-answers",
    SiteStatus => "site-status",
    Dns => "dns",
    StatusPage => "status-page",
    SiteHop => "site-hop",
});

/// The site-hop check's outcomes: the id of every component the paste analyser names outside
/// the application layer (`content/signatures.toml`, which a test keeps this in step with),
/// then "unnamed" (the headers name none) and "hidden" (the browser keeps them from us).
pub const HOP_OUTCOMES: [&str; 36] = [
    "cloudflare",
    "cloudfront",
    "fastly",
    "akamai",
    "azure-front-door",
    "aws-alb",
    "aws-api-gateway",
    "gcp-lb",
    "cloud-run",
    "app-engine",
    "azure-app-gateway",
    "azure-app-service",
    "azure-apim",
    "heroku",
    "vercel",
    "netlify",
    "fly",
    "render",
    "railway",
    "digitalocean",
    "nginx",
    "ingress-nginx",
    "apache",
    "haproxy",
    "envoy",
    "traefik",
    "caddy",
    "varnish",
    "squid",
    "iis",
    "kong",
    "spring-cloud-gateway",
    "litespeed",
    "cloudflare-tunnel",
    "unnamed",
    "hidden",
];

/// Authors write a check's name in `check = "…"`.
impl Check {
    /// Every outcome this check can report; authors map them to answers with `when = "…"`.
    pub fn outcomes(self) -> &'static [&'static str] {
        match self {
            Check::Online => &["online", "offline"],
            Check::SiteAnswers => &["answered", "no-answer", "timed-out"],
            Check::SiteStatus => &["working", "bad-gateway", "server-error", "hidden"],
            Check::Dns => &[
                "resolves",
                "nxdomain",
                "servfail",
                "no-address",
                "no-resolver",
            ],
            Check::StatusPage => &["operational", "incident", "unreadable"],
            Check::SiteHop => &HOP_OUTCOMES,
        }
    }

    /// The outcome called `name`, as the `'static` name this check reports.
    pub fn outcome(self, name: &str) -> Option<&'static str> {
        self.outcomes()
            .iter()
            .find(|outcome| **outcome == name)
            .copied()
    }

    /// Whether what it finds holds for the whole walk, so that it runs once and answers every
    /// question that asks it (which server answered does not change from one step to the next).
    pub fn once_a_walk(self) -> bool {
        self == Check::SiteHop
    }

    /// The address the check needs, if any.
    pub fn input(self) -> Option<Input> {
        match self {
            Check::Online => None,
            Check::StatusPage => Some(Input::StatusPage),
            _ => Some(Input::Site),
        }
    }

    /// What the check is doing, for the line shown while it runs.
    pub fn doing(self) -> PanelMsg {
        match self {
            Check::Online => PanelMsg::DoingOnline,
            Check::SiteAnswers => PanelMsg::DoingSiteAnswers,
            Check::SiteStatus => PanelMsg::DoingSiteStatus,
            Check::Dns => PanelMsg::DoingDns,
            Check::StatusPage => PanelMsg::DoingStatusPage,
            Check::SiteHop => PanelMsg::DoingSiteHop,
        }
    }
}

/// An address a check needs before it can run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// The page that shows the error (the `url` parameter).
    Site,
    /// The site's status page (the `statuspage` parameter).
    StatusPage,
}

impl Input {
    /// What the reader is asked for when it is not known yet.
    pub fn prompt(self) -> Msg {
        match self {
            Input::Site => Msg::AskSite,
            Input::StatusPage => Msg::AskStatusPage,
        }
    }
}

/// How a result reads at a glance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    Problem,
    Unknown,
}

named!(Verdict {
    Ok => "ok",
    Problem => "problem",
    Unknown => "unknown",
});

/// What a check found: the outcome that picks the branch, a plain-language line, and the raw
/// details behind it, in no language yet ([`Said`]): the panel says it in the page's language,
/// the report for support in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub check: Check,
    /// One of `check.outcomes()`.
    pub outcome: &'static str,
    pub verdict: Verdict,
    /// A sentence or a few a reader understands: "Your browser reached example.com in 240 ms."
    pub summary: Vec<Said>,
    /// The raw observations, as name and value.
    pub details: Vec<(Said, Said)>,
    /// A page the reader can open to see for themselves (an http(s) address), with its label.
    pub link: Option<(Said, String)>,
}

impl Finding {
    fn new(check: Check, outcome: &'static str, verdict: Verdict, summary: Said) -> Finding {
        debug_assert!(check.outcomes().contains(&outcome));
        Finding {
            check,
            outcome,
            verdict,
            summary: vec![summary],
            details: Vec::new(),
            link: None,
        }
    }

    /// The finding with one more sentence.
    fn and(mut self, said: Said) -> Finding {
        self.summary.push(said);
        self
    }

    /// A detail whose name the panels' words give and whose value is said as it is.
    fn detail(self, name: PanelMsg, value: impl fmt::Display) -> Finding {
        self.detail_said(Said::new(name, &[]), Said::verbatim(value.to_string()))
    }

    fn detail_said(mut self, name: Said, value: Said) -> Finding {
        self.details.push((name, value));
        self
    }
}

/// Words a finding says: `msg` with its values.
fn said(msg: PanelMsg, values: &[(&'static str, &str)]) -> Said {
    Said::new(msg, values)
}

/// How a fetch ended, as the browser reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetched {
    /// Something answered. Under `no-cors` the answer is opaque: status 0, no headers.
    Answered {
        millis: u32,
        status: u16,
        headers: Vec<(String, String)>,
        opaque: bool,
    },
    /// The browser could not get an answer (DNS, refused, TLS, blocked): a `TypeError`.
    Failed { millis: u32, message: String },
    /// No answer before the check's time limit.
    TimedOut { millis: u32 },
}

#[cfg(test)]
mod tests;
