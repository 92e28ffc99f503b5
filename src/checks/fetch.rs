//! The checks that fetch: whether the reader is online, whether anything answers at the site's
//! address, the site's real status and the hop its headers name.

use super::{Check, Fetched, Finding, Site, Verdict, said};
use crate::i18n::{PanelMsg, Said};

/// The online check: `navigator.onLine`, then a fetch of the wizard's own origin.
pub fn online(navigator_online: bool, own_origin: &Fetched) -> Finding {
    let finding = match (navigator_online, own_origin) {
        (false, _) => Finding::new(
            Check::Online,
            "offline",
            Verdict::Problem,
            said(PanelMsg::OfflineBrowser, &[]),
        ),
        (true, Fetched::Answered { millis, .. }) => Finding::new(
            Check::Online,
            "online",
            Verdict::Ok,
            said(PanelMsg::Online, &[("millis", &millis.to_string())]),
        ),
        (true, _) => Finding::new(
            Check::Online,
            "offline",
            Verdict::Problem,
            said(PanelMsg::OfflineNetwork, &[]),
        ),
    };
    finding
        .detail_said(
            Said::verbatim("navigator.onLine"),
            Said::verbatim(navigator_online.to_string()),
        )
        .with_fetch(own_origin)
}

/// The site-answers check: a `no-cors` fetch of the failing site. From another origin the
/// answer is opaque: something answered, but whether it was the page or an error page is hidden,
/// so that reads as neither good nor bad.
pub fn site_answers(site: &Site, fetched: &Fetched) -> Finding {
    let host = site.host.as_str();
    let finding = match fetched {
        Fetched::Answered {
            millis,
            status,
            opaque: false,
            ..
        } => {
            let verdict = if *status >= 500 {
                Verdict::Problem
            } else {
                Verdict::Ok
            };
            let (millis, status) = (millis.to_string(), status.to_string());
            Finding::new(
                Check::SiteAnswers,
                "answered",
                verdict,
                said(
                    PanelMsg::SiteAnswered,
                    &[("host", host), ("millis", &millis), ("status", &status)],
                ),
            )
        }
        Fetched::Answered { millis, .. } => Finding::new(
            Check::SiteAnswers,
            "answered",
            Verdict::Unknown,
            said(
                PanelMsg::SiteAnsweredHidden,
                &[("host", host), ("millis", &millis.to_string())],
            ),
        ),
        Fetched::Failed { millis, .. } => Finding::new(
            Check::SiteAnswers,
            "no-answer",
            Verdict::Problem,
            said(
                PanelMsg::SiteNoAnswer,
                &[("host", host), ("millis", &millis.to_string())],
            ),
        ),
        Fetched::TimedOut { millis } => Finding::new(
            Check::SiteAnswers,
            "timed-out",
            Verdict::Problem,
            said(
                PanelMsg::SiteTimedOut,
                &[("host", host), ("count", &(millis / 1000).to_string())],
            ),
        ),
    };
    finding
        .detail(PanelMsg::DetailAddress, &site.url)
        .with_fetch(fetched)
}

/// A finding made over plain http because the address was typed without a scheme and https
/// did not answer: it says so.
pub fn over_http(finding: Finding, https: &Fetched) -> Finding {
    let (sentence, why) = match https {
        Fetched::TimedOut { .. } => (PanelMsg::OverHttpLate, PanelMsg::HttpsTooSlow),
        _ => (PanelMsg::OverHttp, PanelMsg::HttpsNoAnswer),
    };
    finding
        .and(said(sentence, &[]))
        .detail_said(Said::verbatim("https"), said(why, &[]))
}

/// Response headers that name a hop between the reader and the application, or the request
/// itself (for the report), in the order a finding quotes them.
pub const HOP_HEADERS: [&str; 8] = [
    "server",
    "via",
    // The request ids: REQUEST_ID_HEADERS.
    "cf-ray",
    "x-amz-cf-id",
    "x-request-id",
    "x-served-by",
    "x-cache",
    "retry-after",
];

/// Those of [`HOP_HEADERS`] that carry an id support can look the request up by.
pub const REQUEST_ID_HEADERS: &[&str] = HOP_HEADERS.split_at(2).1.split_at(3).0;

/// The site-status check: a normal (CORS) fetch of the failing site, whose status and headers
/// are readable when the wizard runs on the site's own origin or the site allows it.
pub fn site_status(site: &Site, fetched: &Fetched) -> Finding {
    let host = site.host.as_str();
    let finding = match fetched {
        Fetched::Answered {
            status,
            headers,
            opaque: false,
            ..
        } => {
            let hops: Vec<String> = HOP_HEADERS
                .iter()
                .filter_map(|name| header(headers, name).map(|value| format!("{name}: {value}")))
                .collect();
            let named = if hops.is_empty() {
                said(PanelMsg::NoProxyNamed, &[])
            } else {
                said(PanelMsg::HeadersSay, &[("headers", &hops.join(", "))])
            };
            let (outcome, verdict, what) = match status {
                502 => ("bad-gateway", Verdict::Problem, PanelMsg::SiteBadGateway),
                500..=599 => ("server-error", Verdict::Problem, PanelMsg::SiteServerError),
                _ => ("working", Verdict::Ok, PanelMsg::SiteWorking),
            };
            let status = status.to_string();
            let mut finding = Finding::new(
                Check::SiteStatus,
                outcome,
                verdict,
                said(what, &[("host", host), ("status", &status)]),
            )
            .and(named);
            for (name, value) in headers
                .iter()
                .filter(|(name, _)| HOP_HEADERS.contains(&name.as_str()))
            {
                finding = finding.detail_said(Said::verbatim(name), Said::verbatim(value));
            }
            finding
        }
        _ => hidden(Check::SiteStatus, host),
    };
    finding
        .detail(PanelMsg::DetailAddress, &site.url)
        .with_fetch(fetched)
}

/// The finding of a check that could not read the site's answer: the browser only shows it to
/// pages on the same site, or when the site allows it.
fn hidden(check: Check, host: &str) -> Finding {
    Finding::new(
        check,
        "hidden",
        Verdict::Unknown,
        said(PanelMsg::StatusHidden, &[("host", host)]),
    )
}

/// A response's status line and headers as text, for the paste analyser to read.
pub fn response_text(status: u16, headers: &[(String, String)]) -> String {
    let mut text = format!("HTTP/1.1 {status}\n");
    for (name, value) in headers {
        for part in [name, ": ", value, "\n"] {
            text.push_str(part);
        }
    }
    text
}

/// The site-hop check: which server the analyser read from the site's status and headers
/// (`named`: its component id and name), where the browser let us read them.
pub fn site_hop(site: &Site, fetched: &Fetched, named: Option<(&str, &str)>) -> Finding {
    let host = site.host.as_str();
    let finding = match (fetched, named) {
        (Fetched::Answered { opaque: false, .. }, Some((id, name))) => {
            match Check::SiteHop.outcome(id) {
                Some(outcome) => Finding::new(
                    Check::SiteHop,
                    outcome,
                    Verdict::Ok,
                    said(PanelMsg::HopNamed, &[("host", host), ("server", name)]),
                ),
                None => unnamed(host),
            }
        }
        (Fetched::Answered { opaque: false, .. }, None) => unnamed(host),
        _ => hidden(Check::SiteHop, host),
    };
    finding
        .detail(PanelMsg::DetailAddress, &site.url)
        .with_fetch(fetched)
}

fn unnamed(host: &str) -> Finding {
    Finding::new(
        Check::SiteHop,
        "unnamed",
        Verdict::Unknown,
        said(PanelMsg::HopUnnamed, &[("host", host)]),
    )
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

impl Finding {
    /// The detail that says how long the fetch took, in the words of `how`.
    fn took(self, how: PanelMsg, millis: u32) -> Finding {
        let value = said(how, &[("millis", &millis.to_string())]);
        self.detail_said(said(PanelMsg::DetailTime, &[]), value)
    }

    fn with_fetch(self, fetched: &Fetched) -> Finding {
        match fetched {
            Fetched::Answered {
                millis,
                status,
                opaque,
                ..
            } => self.took(PanelMsg::Millis, *millis).detail_said(
                said(PanelMsg::DetailStatus, &[]),
                if *opaque {
                    said(PanelMsg::StatusOpaque, &[])
                } else {
                    Said::verbatim(status.to_string())
                },
            ),
            Fetched::Failed { millis, message } => self
                .took(PanelMsg::Millis, *millis)
                .detail(PanelMsg::DetailError, message),
            Fetched::TimedOut { millis } => self.took(PanelMsg::GaveUpAfter, *millis),
        }
    }
}
