//! The live checks, in plain terms: which checks exist and what outcomes each can have (the
//! names authors use in `check` and `when`), and how a raw observation (a fetch that answered
//! or failed, a DNS-over-HTTPS reply, a status page) becomes a result a reader understands.
//!
//! The browser side (`app::probe`) only observes and hands its observations here, so all of
//! the interpretation is plain Rust and tested natively.

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

pub const CHECKS: [Check; 6] = [
    Check::Online,
    Check::SiteAnswers,
    Check::SiteStatus,
    Check::Dns,
    Check::StatusPage,
    Check::SiteHop,
];

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

impl Check {
    /// The name authors write in `check = "…"`.
    pub fn name(self) -> &'static str {
        match self {
            Check::Online => "online",
            Check::SiteAnswers => "site-answers",
            Check::SiteStatus => "site-status",
            Check::Dns => "dns",
            Check::StatusPage => "status-page",
            Check::SiteHop => "site-hop",
        }
    }

    pub fn parse(name: &str) -> Option<Check> {
        CHECKS.into_iter().find(|check| check.name() == name)
    }

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
    pub fn doing(self) -> &'static str {
        match self {
            Check::Online => "Checking your connection…",
            Check::SiteAnswers => "Asking the site whether it answers…",
            Check::SiteStatus => "Reading the site's status and headers…",
            Check::Dns => "Looking up the site's name…",
            Check::StatusPage => "Reading the site's status page…",
            Check::SiteHop => "Reading which server answered…",
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
    pub fn prompt(self) -> &'static str {
        match self {
            Input::Site => "Which address shows the error?",
            Input::StatusPage => "What is the address of the site's status page?",
        }
    }
}

/// The DNS-over-HTTPS resolvers asked by default, in order (JSON API, CORS-enabled).
pub const DEFAULT_RESOLVERS: [&str; 2] = [
    "https://cloudflare-dns.com/dns-query",
    "https://dns.google/resolve",
];

/// The DNS-over-HTTPS resolvers to ask: the `doh` parameter (comma-separated http(s) URLs,
/// for a help desk that runs its own) or the defaults.
pub fn resolvers(param: Option<&str>) -> Result<Vec<String>, String> {
    let Some(param) = param.filter(|p| !p.trim().is_empty()) else {
        return Ok(DEFAULT_RESOLVERS.iter().map(|r| r.to_string()).collect());
    };
    param
        .split(',')
        .map(|resolver| match site(resolver) {
            Ok(found) if resolver.trim().to_ascii_lowercase().starts_with("http") => Ok(found.url),
            _ => Err(format!(
                "The resolver “{}” is not an http(s) address, so the default resolvers are used.",
                shorten(resolver.trim())
            )),
        })
        .collect()
}

/// How a result reads at a glance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    Problem,
    Unknown,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Problem => "problem",
            Verdict::Unknown => "unknown",
        }
    }

    pub fn parse(name: &str) -> Option<Verdict> {
        [Verdict::Ok, Verdict::Problem, Verdict::Unknown]
            .into_iter()
            .find(|verdict| verdict.name() == name)
    }
}

/// Writes findings, each with the id of the question that ran it, as lines of tab-separated
/// fields (`F` a finding, `D` one of its details, `L` its link), for the page's worker.
pub fn encode_findings(findings: &[(String, Finding)]) -> String {
    let field = |text: &str| text.replace(['\t', '\n', '\r'], " ");
    let mut out = String::new();
    for (question, f) in findings {
        let head = [
            "F",
            question,
            f.check.name(),
            f.outcome,
            f.verdict.name(),
            &f.summary,
        ];
        let details = f.details.iter().map(|(name, value)| ["D", name, value]);
        let link = f.link.iter().map(|(label, href)| ["L", label, href]);
        let lines = std::iter::once(head.to_vec()).chain(details.chain(link).map(|l| l.to_vec()));
        for line in lines {
            let line: Vec<String> = line.into_iter().map(field).collect();
            out.push_str(&line.join("\t"));
            out.push('\n');
        }
    }
    out
}

/// Reads what [`encode_findings`] wrote; lines it does not understand are skipped.
pub fn decode_findings(text: &str) -> Vec<(String, Finding)> {
    let mut findings: Vec<(String, Finding)> = Vec::new();
    for line in text.lines() {
        match line.split('\t').collect::<Vec<_>>().as_slice() {
            ["F", question, check, outcome, verdict, summary] => {
                let Some(check) = Check::parse(check) else {
                    continue;
                };
                let (Some(outcome), Some(verdict)) =
                    (check.outcome(outcome), Verdict::parse(verdict))
                else {
                    continue;
                };
                let finding = Finding::new(check, outcome, verdict, summary.to_string());
                findings.push((question.to_string(), finding));
            }
            ["D", name, value] => {
                if let Some((_, finding)) = findings.last_mut() {
                    finding.details.push((name.to_string(), value.to_string()));
                }
            }
            ["L", label, href] => {
                if let Some((_, finding)) = findings.last_mut() {
                    finding.link = Some((label.to_string(), href.to_string()));
                }
            }
            _ => {}
        }
    }
    findings
}

/// What a check found: the outcome that picks the branch, a plain-language line, and the raw
/// details behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub check: Check,
    /// One of `check.outcomes()`.
    pub outcome: &'static str,
    pub verdict: Verdict,
    /// One sentence a reader understands: "Your browser reached example.com in 240 ms."
    pub summary: String,
    /// The raw observations, as name and value.
    pub details: Vec<(String, String)>,
    /// A page the reader can open to see for themselves (an http(s) address), with its label.
    pub link: Option<(String, String)>,
}

impl Finding {
    fn new(check: Check, outcome: &'static str, verdict: Verdict, summary: String) -> Finding {
        debug_assert!(check.outcomes().contains(&outcome));
        Finding {
            check,
            outcome,
            verdict,
            summary,
            details: Vec::new(),
            link: None,
        }
    }

    fn detail(mut self, name: &str, value: impl fmt::Display) -> Finding {
        self.details.push((name.to_string(), value.to_string()));
        self
    }
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
/// itself (for the report).
pub const HOP_HEADERS: [&str; 8] = [
    "server",
    "via",
    "cf-ray",
    "x-amz-cf-id",
    "x-request-id",
    "x-served-by",
    "x-cache",
    "retry-after",
];

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

/// A DNS-over-HTTPS JSON reply (the format Cloudflare's and Google's resolvers share).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DnsReply {
    /// The DNS response code: 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN.
    pub status: u32,
    /// Record type and data of each answer.
    pub answers: Vec<(u16, String)>,
}

pub const DNS_A: u16 = 1;
pub const DNS_CNAME: u16 = 5;
pub const DNS_AAAA: u16 = 28;

/// Host name endings that reveal the CDN or platform a CNAME points to.
const PLATFORMS: [(&str, &str); 20] = [
    (".cdn.cloudflare.net", "Cloudflare"),
    (".cloudfront.net", "Amazon CloudFront"),
    (".elb.amazonaws.com", "an AWS load balancer"),
    (".fastly.net", "Fastly"),
    (".fastlylb.net", "Fastly"),
    (".akamaiedge.net", "Akamai"),
    (".akamai.net", "Akamai"),
    (".edgekey.net", "Akamai"),
    (".edgesuite.net", "Akamai"),
    (".azurewebsites.net", "Azure App Service"),
    (".azureedge.net", "Azure CDN"),
    (".azurefd.net", "Azure Front Door"),
    (".trafficmanager.net", "Azure Traffic Manager"),
    (".herokuapp.com", "Heroku"),
    (".herokudns.com", "Heroku"),
    (".vercel-dns.com", "Vercel"),
    (".vercel.app", "Vercel"),
    (".netlify.app", "Netlify"),
    (".github.io", "GitHub Pages"),
    (".ghs.googlehosted.com", "Google"),
];

/// The platform a CNAME target belongs to, if it is a known one.
pub fn platform_of(cname: &str) -> Option<&'static str> {
    let name = format!(".{}", cname.trim_end_matches('.').to_ascii_lowercase());
    PLATFORMS
        .iter()
        .find(|(suffix, _)| name.ends_with(suffix))
        .map(|(_, platform)| *platform)
}

/// The DNS check, from the replies for the A and AAAA records (CNAMEs come along in both).
pub fn dns(site: &Site, resolver: &str, replies: &[DnsReply]) -> Finding {
    let host = &site.host;
    let records = |kind: u16| -> Vec<&str> {
        replies
            .iter()
            .flat_map(|reply| &reply.answers)
            .filter(|(t, _)| *t == kind)
            .map(|(_, data)| data.as_str())
            .collect()
    };
    let addresses: Vec<&str> = [records(DNS_A), records(DNS_AAAA)].concat();
    // The A and the AAAA reply each carry the whole chain of aliases: each alias once, in order.
    let mut cnames: Vec<&str> = Vec::new();
    for cname in records(DNS_CNAME) {
        if !cnames.contains(&cname) {
            cnames.push(cname);
        }
    }
    let platform = cnames.iter().find_map(|cname| platform_of(cname));
    let worst = replies.iter().map(|reply| reply.status).max().unwrap_or(0);
    let finding = if !addresses.is_empty() {
        let through = platform.map_or(String::new(), |p| format!(" It points to {p}."));
        Finding::new(
            Check::Dns,
            "resolves",
            Verdict::Ok,
            format!("{host} resolves to {}.{through}", addresses.join(", ")),
        )
    } else if worst == 3 {
        Finding::new(
            Check::Dns,
            "nxdomain",
            Verdict::Problem,
            format!(
                "{host} does not exist in DNS (NXDOMAIN): the name is wrong, expired or its records were removed."
            ),
        )
    } else if worst == 2 {
        Finding::new(
            Check::Dns,
            "servfail",
            Verdict::Problem,
            format!(
                "The DNS servers for {host} failed to answer (SERVFAIL): often a DNSSEC or name-server problem."
            ),
        )
    } else {
        Finding::new(
            Check::Dns,
            "no-address",
            Verdict::Problem,
            format!("{host} exists in DNS but has no address (no A or AAAA record)."),
        )
    };
    let mut finding = finding.detail("resolver", resolver);
    for cname in cnames {
        finding = finding.detail("CNAME", cname);
    }
    for address in addresses {
        finding = finding.detail("address", address);
    }
    if let Some(platform) = platform {
        finding = finding.detail("platform", platform);
    }
    finding.detail("DNS status", worst)
}

/// The DNS check when no resolver could be asked at all.
pub fn dns_unreachable(site: &Site, error: &str) -> Finding {
    Finding::new(
        Check::Dns,
        "no-resolver",
        Verdict::Unknown,
        format!(
            "No DNS-over-HTTPS resolver could be asked about {} from here ({error}).",
            site.host
        ),
    )
    .detail("error", error)
}

/// A Statuspage `summary.json` (or `status.json`), reduced to what matters here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusReport {
    /// `status.indicator`: none, minor, major or critical.
    pub indicator: String,
    /// `status.description`, e.g. "All Systems Operational".
    pub description: String,
    /// Name and status of each unresolved incident.
    pub incidents: Vec<(String, String)>,
}

/// The status-page check: what the page reports, or why it could not be read.
pub fn status_page(page: &str, report: Result<&StatusReport, &str>) -> Finding {
    let finding = match report {
        Ok(report) if report.indicator == "none" && report.incidents.is_empty() => Finding::new(
            Check::StatusPage,
            "operational",
            Verdict::Ok,
            format!(
                "The status page reports no incident: “{}”.",
                report.description
            ),
        ),
        Ok(report) => {
            let incidents: Vec<&str> = report
                .incidents
                .iter()
                .map(|(name, _)| name.as_str())
                .collect();
            let listed = if incidents.is_empty() {
                String::new()
            } else {
                format!(" Current incidents: {}.", incidents.join("; "))
            };
            Finding::new(
                Check::StatusPage,
                "incident",
                Verdict::Problem,
                format!(
                    "The status page reports a problem ({}): “{}”.{listed}",
                    report.indicator, report.description
                ),
            )
        }
        Err(reason) => Finding {
            link: Some(("Open the status page".into(), page.to_string())),
            ..Finding::new(
                Check::StatusPage,
                "unreadable",
                Verdict::Unknown,
                format!(
                    "The status page can't be read from here ({reason}). Open it yourself: {page}"
                ),
            )
        },
    };
    let mut finding = finding.detail("status page", page);
    if let Ok(report) = report {
        finding = finding.detail("indicator", &report.indicator);
        for (name, status) in &report.incidents {
            finding = finding.detail("incident", format!("{name} ({status})"));
        }
    }
    finding
}

/// The site a reader is asking about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// An absolute http(s) URL, as the reader would read it (an international name stays in
    /// its own script; the browser turns it into the form requests use).
    pub url: String,
    /// Its host name, lowercase, without port.
    pub host: String,
    /// Whether the reader left out the scheme, so `https://` was assumed and `http://` may be
    /// tried next.
    pub guessed: bool,
}

impl Site {
    /// The same address over plain http, for a guessed scheme that did not answer.
    pub fn over_http(&self) -> Option<Site> {
        let rest = self.url.strip_prefix("https://")?;
        self.guessed.then(|| Site {
            url: format!("http://{rest}"),
            host: self.host.clone(),
            guessed: false,
        })
    }

    /// The scheme, host and port: `https://shop.example:8443`.
    pub fn origin(&self) -> &str {
        let after_scheme = self.url.find("://").map_or(0, |i| i + 3);
        let end = self.url[after_scheme..]
            .find(['/', '?', '#'])
            .map_or(self.url.len(), |i| after_scheme + i);
        &self.url[..end]
    }

    /// Where the site's icon would be, at the root of its origin: the watch loads it as an
    /// image, which fails while the site answers with an HTML error page.
    pub fn icon(&self) -> String {
        format!("{}/favicon.ico", self.origin())
    }
}

/// Reads what a reader typed (or a link passed) as the failing site: a full `http(s)://` URL, or
/// an address without its scheme (`shop.example.com/cart`, `127.0.0.1:8080`), for which
/// `https://` is assumed first. Spaces around it are ignored; international names are kept.
pub fn site(input: &str) -> Result<Site, String> {
    let input = input.trim();
    if input.is_empty() {
        return Err("Type the address of the page that shows the error.".into());
    }
    if input.len() > URL_LIMIT {
        return Err("That address is too long to be a web address.".into());
    }
    let lower = input.to_ascii_lowercase();
    let given = lower.starts_with("http://") || lower.starts_with("https://");
    let url = if given {
        input.to_string()
    } else if lower.contains("://")
        || lower.starts_with("javascript:")
        || lower.starts_with("data:")
    {
        return Err("Only web addresses (http:// or https://) can be checked.".into());
    } else {
        format!("https://{input}")
    };
    let rest = &url[url.find("://").map_or(0, |i| i + 3)..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let (host, port) = if let Some(bracketed) = host_port.strip_prefix('[') {
        let (host, after) = bracketed.split_once(']').unwrap_or((bracketed, ""));
        (host, after.strip_prefix(':'))
    } else {
        match host_port.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        }
    };
    let valid_host = !host.is_empty()
        && host.len() <= 253
        && host
            .chars()
            .all(|c| !c.is_ascii() || c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    let valid_port = port.is_none_or(|p| {
        p.is_empty()
            || (p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok())
    });
    if !valid_host || !valid_port || authority.contains(char::is_whitespace) {
        return Err(format!(
            "“{}” is not a web address this guide can check. Type it as it appears in the \
             address bar, such as shop.example.com/cart.",
            shorten(input)
        ));
    }
    Ok(Site {
        // Letters outside ASCII keep their case: the browser's URL parser folds an
        // international name when it turns it into the form requests use.
        host: host.to_ascii_lowercase(),
        url,
        guessed: !given,
    })
}

/// The longest address a check or a link may carry.
pub const URL_LIMIT: usize = 2048;

fn shorten(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shop() -> Site {
        site("https://shop.example/cart?x=1").unwrap()
    }

    #[test]
    fn sites_are_read_from_urls_and_bare_names() {
        assert_eq!(
            shop(),
            Site {
                url: "https://shop.example/cart?x=1".into(),
                host: "shop.example".into(),
                guessed: false,
            }
        );
        assert_eq!(site(" Shop.Example ").unwrap().url, "https://Shop.Example");
        assert!(site("Shop.Example").unwrap().guessed);
        assert_eq!(site("Shop.Example").unwrap().host, "shop.example");
        assert_eq!(site("http://127.0.0.1:8080/x").unwrap().host, "127.0.0.1");
        assert_eq!(site("http://[::1]:8080/").unwrap().host, "::1");
        assert_eq!(
            site("https://user@host.example/").unwrap().host,
            "host.example"
        );
    }

    #[test]
    fn addresses_are_taken_as_people_type_them() {
        let typed = site("127.0.0.1:18510/shop ").unwrap();
        assert_eq!(
            (typed.url.as_str(), typed.host.as_str(), typed.guessed),
            ("https://127.0.0.1:18510/shop", "127.0.0.1", true)
        );
        let plain = typed.over_http().unwrap();
        assert_eq!(plain.url, "http://127.0.0.1:18510/shop");
        assert_eq!(plain.over_http(), None, "http is the last thing tried");
        assert_eq!(shop().over_http(), None, "a scheme the reader gave is kept");
        let international = site("https://Бутик.example/корзина").unwrap();
        assert_eq!(international.host, "Бутик.example");
        assert!(
            site("https://exa\u{200b}mple.com/").is_ok(),
            "the browser judges what is not ASCII"
        );
        assert!(site("https://exa mple.com/").is_err());
        assert_eq!(international.url, "https://Бутик.example/корзина");
        assert_eq!(
            site("xn--90aefcfr.example").unwrap().host,
            "xn--90aefcfr.example"
        );
        assert!(
            site("shop.example:99999").is_err(),
            "a port is at most 65535"
        );
        assert!(site("shop.example:80a").is_err());
    }

    #[test]
    fn the_icon_is_at_the_root_of_the_sites_origin() {
        assert_eq!(shop().icon(), "https://shop.example/favicon.ico");
        assert_eq!(
            site("http://127.0.0.1:8080?x=/y").unwrap().icon(),
            "http://127.0.0.1:8080/favicon.ico"
        );
        assert_eq!(
            site("https://[::1]:8443/a/b#c").unwrap().icon(),
            "https://[::1]:8443/favicon.ico"
        );
    }

    #[test]
    fn bad_sites_get_a_message_instead_of_a_check() {
        for bad in [
            "",
            "   ",
            "javascript:alert(1)",
            "ftp://files.example",
            "data:text/html,x",
            "https://",
            "exa mple.com",
            "<script>",
        ] {
            assert!(site(bad).is_err(), "{bad:?}");
        }
        assert!(site(&"a".repeat(5000)).unwrap_err().contains("too long"));
        assert!(
            site("<b>bold</b>").unwrap_err().contains("<b>bold</b>"),
            "quoted as given, shown as text by the page"
        );
    }

    #[test]
    fn every_finding_uses_an_outcome_its_check_declares() {
        let answered = Fetched::Answered {
            millis: 240,
            status: 0,
            headers: vec![],
            opaque: true,
        };
        let failed = Fetched::Failed {
            millis: 31,
            message: "TypeError: Failed to fetch".into(),
        };
        let findings = [
            online(true, &answered),
            online(false, &answered),
            online(true, &failed),
            site_answers(&shop(), &answered),
            site_answers(&shop(), &failed),
            site_answers(&shop(), &Fetched::TimedOut { millis: 8000 }),
            site_status(&shop(), &answered),
        ];
        for finding in findings {
            assert!(
                finding.check.outcomes().contains(&finding.outcome),
                "{finding:?}"
            );
        }
    }

    #[test]
    fn the_site_answers_check_says_what_happened_in_plain_words() {
        let answered = Fetched::Answered {
            millis: 240,
            status: 0,
            headers: vec![],
            opaque: true,
        };
        let finding = site_answers(&shop(), &answered);
        assert_eq!(
            (finding.outcome, finding.verdict),
            ("answered", Verdict::Unknown),
            "an opaque answer may be the error page: it is neither good nor bad"
        );
        assert_eq!(
            finding.summary,
            "Something at shop.example answered your browser in 240 ms. From here this guide \
             cannot see whether it was the page or an error page."
        );
        let readable = |status| {
            site_answers(
                &shop(),
                &Fetched::Answered {
                    millis: 5,
                    status,
                    headers: vec![],
                    opaque: false,
                },
            )
        };
        assert_eq!(readable(502).verdict, Verdict::Problem);
        assert!(readable(502).summary.contains("with status 502"));
        assert_eq!(readable(200).verdict, Verdict::Ok);
        let http = over_http(readable(200), &Fetched::TimedOut { millis: 8000 });
        assert!(
            http.summary
                .ends_with("That was over http://: https:// did not answer in time."),
            "{}",
            http.summary
        );
        let failed = site_answers(
            &shop(),
            &Fetched::Failed {
                millis: 31,
                message: "TypeError: Failed to fetch".into(),
            },
        );
        assert_eq!(
            (failed.outcome, failed.verdict),
            ("no-answer", Verdict::Problem)
        );
        assert!(
            failed
                .details
                .contains(&("error".into(), "TypeError: Failed to fetch".into()))
        );
        let slow = site_answers(&shop(), &Fetched::TimedOut { millis: 8000 });
        assert_eq!(
            slow.summary,
            "shop.example did not answer within 8 seconds."
        );
    }

    #[test]
    fn the_site_hop_check_says_which_server_answered_or_why_it_cannot() {
        let site = site("https://shop.example/").unwrap();
        let answered = |opaque| Fetched::Answered {
            status: 502,
            millis: 120,
            headers: vec![("fly-request-id".into(), "01J4-ams".into())],
            opaque,
        };
        let named = site_hop(&site, &answered(false), Some(("fly", "Fly.io")));
        assert_eq!((named.outcome, named.verdict), ("fly", Verdict::Ok));
        assert_eq!(
            named.summary,
            "shop.example's headers say that Fly.io answered."
        );
        // An id the check does not know, or none, is "unnamed": the reader chooses.
        assert_eq!(
            site_hop(&site, &answered(false), Some(("zork", "Zork"))).outcome,
            "unnamed"
        );
        assert_eq!(site_hop(&site, &answered(false), None).outcome, "unnamed");
        // Under no-cors, or when nothing answered, the browser keeps the headers from us.
        assert_eq!(site_hop(&site, &answered(true), None).outcome, "hidden");
        let failed = Fetched::Failed {
            millis: 30,
            message: "Failed to fetch".into(),
        };
        assert_eq!(site_hop(&site, &failed, None).outcome, "hidden");
        assert!(Check::SiteHop.once_a_walk() && !Check::SiteStatus.once_a_walk());
        assert_eq!(
            response_text(502, &[("server".into(), "nginx".into())]),
            "HTTP/1.1 502\nserver: nginx\n"
        );
    }

    #[test]
    fn readable_status_and_hop_headers_are_reported() {
        let headers = vec![
            ("server".to_string(), "nginx/1.22.1".to_string()),
            ("cf-ray".to_string(), "8a1b2c3d4e5f-AMS".to_string()),
            ("content-type".to_string(), "text/html".to_string()),
        ];
        let finding = site_status(
            &shop(),
            &Fetched::Answered {
                millis: 12,
                status: 502,
                headers,
                opaque: false,
            },
        );
        assert_eq!(
            (finding.outcome, finding.verdict),
            ("bad-gateway", Verdict::Problem)
        );
        assert_eq!(
            finding.summary,
            "shop.example answered 502 Bad Gateway (status 502). Its headers say server: nginx/1.22.1, cf-ray: 8a1b2c3d4e5f-AMS."
        );
        assert!(
            finding
                .details
                .contains(&("cf-ray".into(), "8a1b2c3d4e5f-AMS".into()))
        );
        assert!(
            !finding
                .details
                .iter()
                .any(|(name, _)| name == "content-type")
        );
        let fine = site_status(
            &shop(),
            &Fetched::Answered {
                millis: 12,
                status: 200,
                headers: vec![],
                opaque: false,
            },
        );
        assert_eq!(fine.outcome, "working");
        let other = site_status(
            &shop(),
            &Fetched::Answered {
                millis: 12,
                status: 503,
                headers: vec![],
                opaque: false,
            },
        );
        assert_eq!(other.outcome, "server-error");
    }

    #[test]
    fn hidden_status_is_explained() {
        let opaque = Fetched::Answered {
            millis: 9,
            status: 0,
            headers: vec![],
            opaque: true,
        };
        let finding = site_status(&shop(), &opaque);
        assert_eq!(
            (finding.outcome, finding.verdict),
            ("hidden", Verdict::Unknown)
        );
        assert!(finding.summary.contains("CORS"));
        let refused = site_status(
            &shop(),
            &Fetched::Failed {
                millis: 9,
                message: "TypeError".into(),
            },
        );
        assert_eq!(refused.outcome, "hidden");
    }

    #[test]
    fn the_online_check_needs_both_signals() {
        let answered = Fetched::Answered {
            millis: 20,
            status: 200,
            headers: vec![],
            opaque: false,
        };
        assert_eq!(online(true, &answered).outcome, "online");
        assert_eq!(online(false, &answered).outcome, "offline");
        assert_eq!(
            online(true, &Fetched::TimedOut { millis: 5000 }).outcome,
            "offline"
        );
    }

    #[test]
    fn dns_replies_become_outcomes_and_reveal_platforms() {
        let resolves = dns(
            &shop(),
            "https://dns.example/resolve",
            &[
                DnsReply {
                    status: 0,
                    answers: vec![
                        (DNS_CNAME, "shop.example.cdn.cloudflare.net.".into()),
                        (DNS_A, "104.16.1.1".into()),
                    ],
                },
                DnsReply {
                    status: 0,
                    answers: vec![(DNS_CNAME, "shop.example.cdn.cloudflare.net.".into())],
                },
            ],
        );
        assert_eq!(
            (resolves.outcome, resolves.verdict),
            ("resolves", Verdict::Ok)
        );
        assert_eq!(
            resolves.summary,
            "shop.example resolves to 104.16.1.1. It points to Cloudflare."
        );
        assert_eq!(
            resolves
                .details
                .iter()
                .filter(|(n, _)| n == "CNAME")
                .count(),
            1
        );

        // A chain of two aliases in both replies is listed once, in its order.
        let alias = |to: &str| (DNS_CNAME, to.to_string());
        let chain = vec![
            alias("www.shop.example."),
            alias("shop.example.cdn.cloudflare.net."),
        ];
        let chained = dns(
            &shop(),
            "r",
            &[
                DnsReply {
                    status: 0,
                    answers: [chain.clone(), vec![(DNS_A, "104.16.1.1".into())]].concat(),
                },
                DnsReply {
                    status: 0,
                    answers: chain,
                },
            ],
        );
        let cnames: Vec<&str> = chained
            .details
            .iter()
            .filter(|(name, _)| name == "CNAME")
            .map(|(_, value)| value.as_str())
            .collect();
        assert_eq!(
            cnames,
            ["www.shop.example.", "shop.example.cdn.cloudflare.net."]
        );

        let missing = dns(
            &shop(),
            "r",
            &[
                DnsReply {
                    status: 3,
                    answers: vec![],
                },
                DnsReply {
                    status: 3,
                    answers: vec![],
                },
            ],
        );
        assert_eq!(
            (missing.outcome, missing.verdict),
            ("nxdomain", Verdict::Problem)
        );
        assert_eq!(
            dns(
                &shop(),
                "r",
                &[DnsReply {
                    status: 2,
                    answers: vec![]
                }]
            )
            .outcome,
            "servfail"
        );
        assert_eq!(
            dns(
                &shop(),
                "r",
                &[DnsReply {
                    status: 0,
                    answers: vec![]
                }]
            )
            .outcome,
            "no-address"
        );
    }

    #[test]
    fn platforms_are_recognised_by_their_cname_endings() {
        assert_eq!(
            platform_of("d111111abcdef8.cloudfront.net."),
            Some("Amazon CloudFront")
        );
        assert_eq!(platform_of("my-app.herokudns.com"), Some("Heroku"));
        assert_eq!(platform_of("site.netlify.app"), Some("Netlify"));
        assert_eq!(platform_of("cname.vercel-dns.com."), Some("Vercel"));
        assert_eq!(platform_of("user.github.io"), Some("GitHub Pages"));
        assert_eq!(platform_of("e1234.a.akamaiedge.net"), Some("Akamai"));
        assert_eq!(platform_of("prod.global.fastly.net"), Some("Fastly"));
        assert_eq!(
            platform_of("app.azurewebsites.net"),
            Some("Azure App Service")
        );
        assert_eq!(platform_of("notcloudfront.net"), None);
        assert_eq!(platform_of("www.example.com"), None);
    }

    #[test]
    fn status_pages_report_incidents_or_why_they_cannot_be_read() {
        let fine = StatusReport {
            indicator: "none".into(),
            description: "All Systems Operational".into(),
            incidents: vec![],
        };
        let finding = status_page("https://status.shop.example", Ok(&fine));
        assert_eq!(
            (finding.outcome, finding.summary.as_str()),
            (
                "operational",
                "The status page reports no incident: “All Systems Operational”."
            )
        );
        let down = StatusReport {
            indicator: "major".into(),
            description: "Partial System Outage".into(),
            incidents: vec![("Checkout errors".into(), "investigating".into())],
        };
        let finding = status_page("https://status.shop.example", Ok(&down));
        assert_eq!(finding.outcome, "incident");
        assert!(
            finding
                .summary
                .contains("Current incidents: Checkout errors."),
            "{}",
            finding.summary
        );
        let refused = status_page(
            "https://status.shop.example",
            Err("it does not allow other sites to read it"),
        );
        assert_eq!(
            (refused.outcome, refused.verdict),
            ("unreadable", Verdict::Unknown)
        );
        assert!(
            refused
                .summary
                .ends_with("Open it yourself: https://status.shop.example")
        );
    }

    #[test]
    fn resolvers_come_from_the_doh_parameter_or_the_defaults() {
        assert_eq!(resolvers(None).unwrap(), DEFAULT_RESOLVERS);
        assert_eq!(resolvers(Some(" ")).unwrap(), DEFAULT_RESOLVERS);
        assert_eq!(
            resolvers(Some(
                "http://127.0.0.1:5380/dns-query,https://dns.example/resolve"
            ))
            .unwrap(),
            [
                "http://127.0.0.1:5380/dns-query",
                "https://dns.example/resolve"
            ]
        );
        assert!(
            resolvers(Some("javascript:alert(1)"))
                .unwrap_err()
                .contains("default resolvers")
        );
        assert!(
            resolvers(Some("dns.example")).is_err(),
            "a resolver is given in full"
        );
        let failed = dns_unreachable(&shop(), "it did not answer");
        assert_eq!(
            (failed.outcome, failed.verdict),
            ("no-resolver", Verdict::Unknown)
        );
    }

    #[test]
    fn check_names_round_trip_and_outcomes_are_unique() {
        for check in CHECKS {
            assert_eq!(Check::parse(check.name()), Some(check));
            let mut outcomes = check.outcomes().to_vec();
            outcomes.dedup();
            assert_eq!(outcomes.len(), check.outcomes().len());
        }
        assert_eq!(Check::parse("ping"), None);
    }

    #[test]
    fn findings_survive_the_trip_to_the_worker() {
        let site = site("https://shop.example/cart").unwrap();
        let fetched = Fetched::Answered {
            millis: 80,
            status: 502,
            headers: vec![("cf-ray".into(), "8c1f-LHR\twith a tab".into())],
            opaque: false,
        };
        let mut finding = site_status(&site, &fetched);
        finding.link = Some(("Open it".into(), "https://status.example/".into()));
        let findings = vec![("owner-site-check".to_string(), finding)];
        let back = decode_findings(&encode_findings(&findings));
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].0, "owner-site-check");
        assert_eq!(back[0].1.outcome, "bad-gateway");
        assert_eq!(back[0].1.summary, findings[0].1.summary.replace('\t', " "));
        assert_eq!(back[0].1.link, findings[0].1.link);
        assert!(
            back[0]
                .1
                .details
                .contains(&("cf-ray".into(), "8c1f-LHR with a tab".into()))
        );
        assert_eq!(back[0].1.details.len(), findings[0].1.details.len());
        assert!(decode_findings("F\tq\tnot-a-check\tx\tok\ts\nD\tname\tvalue\n").is_empty());
    }
}
