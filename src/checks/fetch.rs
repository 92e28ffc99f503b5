//! The checks that fetch: whether the reader is online, whether anything answers at the site's
//! address, the site's real status and the hop its headers name.

use super::{Check, Fetched, Finding, Site, Verdict};

/// The online check: `navigator.onLine`, then a fetch of the wizard's own origin.
pub fn online(navigator_online: bool, own_origin: &Fetched) -> Finding {
    let finding = match (navigator_online, own_origin) {
        (false, _) => Finding::new(
            Check::Online,
            "offline",
            Verdict::Problem,
            "Your browser says it is offline: no network is connected.".into(),
        ),
        (true, Fetched::Answered { millis, .. }) => Finding::new(
            Check::Online,
            "online",
            Verdict::Ok,
            format!("Your browser is online: it reached this guide's own server in {millis} ms."),
        ),
        (true, _) => Finding::new(
            Check::Online,
            "offline",
            Verdict::Problem,
            "Your browser has a network, but could not reach this guide's own server: the \
             connection to the internet is not working."
                .into(),
        ),
    };
    finding
        .detail("navigator.onLine", navigator_online)
        .with_fetch(own_origin)
}

/// The site-answers check: a `no-cors` fetch of the failing site. From another origin the
/// answer is opaque: something answered, but whether it was the page or an error page is hidden,
/// so that reads as neither good nor bad.
pub fn site_answers(site: &Site, fetched: &Fetched) -> Finding {
    let host = &site.host;
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
            Finding::new(
                Check::SiteAnswers,
                "answered",
                verdict,
                format!("{host} answered your browser in {millis} ms, with status {status}."),
            )
        }
        Fetched::Answered { millis, .. } => Finding::new(
            Check::SiteAnswers,
            "answered",
            Verdict::Unknown,
            format!(
                "Something at {host} answered your browser in {millis} ms. From here this guide \
                 cannot see whether it was the page or an error page."
            ),
        ),
        Fetched::Failed { millis, .. } => Finding::new(
            Check::SiteAnswers,
            "no-answer",
            Verdict::Problem,
            format!(
                "Nothing at {host} answered your browser (after {millis} ms): the name may not \
                 resolve, the connection may be refused or blocked, or its certificate refused."
            ),
        ),
        Fetched::TimedOut { millis } => Finding::new(
            Check::SiteAnswers,
            "timed-out",
            Verdict::Problem,
            format!("{host} did not answer within {} seconds.", millis / 1000),
        ),
    };
    finding.detail("address", &site.url).with_fetch(fetched)
}

/// A finding made over plain http because the address was typed without a scheme and https
/// did not answer: it says so.
pub fn over_http(finding: Finding, https: &Fetched) -> Finding {
    let why = match https {
        Fetched::TimedOut { .. } => "did not answer in time",
        _ => "did not answer",
    };
    Finding {
        summary: format!("{} That was over http://: https:// {why}.", finding.summary),
        ..finding
    }
    .detail("https", why)
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
    let host = &site.host;
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
                String::from(" It named no proxy in its headers.")
            } else {
                format!(" Its headers say {}.", hops.join(", "))
            };
            let (outcome, verdict, what) = match status {
                502 => ("bad-gateway", Verdict::Problem, "502 Bad Gateway"),
                500..=599 => ("server-error", Verdict::Problem, "a server error"),
                _ => ("working", Verdict::Ok, "normally"),
            };
            let mut finding = Finding::new(
                Check::SiteStatus,
                outcome,
                verdict,
                format!("{host} answered {what} (status {status}).{named}"),
            );
            for (name, value) in headers
                .iter()
                .filter(|(name, _)| HOP_HEADERS.contains(&name.as_str()))
            {
                finding = finding.detail(name, value);
            }
            finding
        }
        _ => hidden(Check::SiteStatus, host),
    };
    finding.detail("address", &site.url).with_fetch(fetched)
}

/// The finding of a check that could not read the site's answer: the browser only shows it to
/// pages on the same site, or when the site allows it.
fn hidden(check: Check, host: &str) -> Finding {
    Finding::new(
        check,
        "hidden",
        Verdict::Unknown,
        format!(
            "Your browser keeps {host}'s status and headers from this page: browsers only show \
             them to pages on the same site, or when the site allows it (CORS). Open the site's \
             developer tools, or use this guide from the site's own address."
        ),
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
    let host = &site.host;
    let finding = match (fetched, named) {
        (Fetched::Answered { opaque: false, .. }, Some((id, name))) => {
            match Check::SiteHop.outcome(id) {
                Some(outcome) => Finding::new(
                    Check::SiteHop,
                    outcome,
                    Verdict::Ok,
                    format!("{host}'s headers say that {name} answered."),
                ),
                None => unnamed(host),
            }
        }
        (Fetched::Answered { opaque: false, .. }, None) => unnamed(host),
        _ => hidden(Check::SiteHop, host),
    };
    finding.detail("address", &site.url).with_fetch(fetched)
}

fn unnamed(host: &str) -> Finding {
    Finding::new(
        Check::SiteHop,
        "unnamed",
        Verdict::Unknown,
        format!("{host}'s headers do not say which server answered: choose it below."),
    )
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

impl Finding {
    fn with_fetch(self, fetched: &Fetched) -> Finding {
        match fetched {
            Fetched::Answered {
                millis,
                status,
                opaque,
                ..
            } => self.detail("time", format!("{millis} ms")).detail(
                "status",
                if *opaque {
                    "hidden (opaque response)".into()
                } else {
                    status.to_string()
                },
            ),
            Fetched::Failed { millis, message } => self
                .detail("time", format!("{millis} ms"))
                .detail("error", message),
            Fetched::TimedOut { millis } => {
                self.detail("time", format!("gave up after {millis} ms"))
            }
        }
    }
}
