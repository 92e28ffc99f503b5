//! The DNS check: which resolvers to ask (DNS over HTTPS, JSON API) and what their replies
//! for the site's name mean.

use super::{Check, Finding, Site, Verdict, said, site};
use crate::i18n::{PanelMsg, Said};
use crate::quote::quote;

/// The DNS-over-HTTPS resolvers asked by default, in order (JSON API, CORS-enabled).
pub const DEFAULT_RESOLVERS: [&str; 2] = [
    "https://cloudflare-dns.com/dns-query",
    "https://dns.google/resolve",
];

/// The DNS-over-HTTPS resolvers to ask: the `doh` parameter (comma-separated http(s) URLs,
/// for a help desk that runs its own) or the defaults.
pub fn resolvers(param: Option<&str>) -> Result<Vec<String>, Said> {
    let Some(param) = param.filter(|p| !p.trim().is_empty()) else {
        return Ok(DEFAULT_RESOLVERS.iter().map(|r| r.to_string()).collect());
    };
    param
        .split(',')
        .map(|resolver| match site(resolver) {
            Ok(found) if resolver.trim().to_ascii_lowercase().starts_with("http") => Ok(found.url),
            _ => Err(said(
                PanelMsg::ResolverNotWeb,
                &[("given", &quote(resolver.trim()))],
            )),
        })
        .collect()
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
    (".elb.amazonaws.com", "AWS Elastic Load Balancing"),
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
    let host = site.host.as_str();
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
        let resolves = said(
            PanelMsg::DnsResolves,
            &[("host", host), ("addresses", &addresses.join(", "))],
        );
        let finding = Finding::new(Check::Dns, "resolves", Verdict::Ok, resolves);
        match platform {
            Some(platform) => finding.and(said(PanelMsg::DnsPointsTo, &[("platform", platform)])),
            None => finding,
        }
    } else {
        let (outcome, msg) = match worst {
            3 => ("nxdomain", PanelMsg::DnsNxdomain),
            2 => ("servfail", PanelMsg::DnsServfail),
            _ => ("no-address", PanelMsg::DnsNoAddress),
        };
        Finding::new(
            Check::Dns,
            outcome,
            Verdict::Problem,
            said(msg, &[("host", host)]),
        )
    };
    let mut finding = finding.detail(PanelMsg::DetailResolver, resolver);
    for cname in cnames {
        finding = finding.detail_said(Said::verbatim("CNAME"), Said::verbatim(cname));
    }
    for address in addresses {
        finding = finding.detail(PanelMsg::DetailAddress, address);
    }
    if let Some(platform) = platform {
        finding = finding.detail(PanelMsg::DetailPlatform, platform);
    }
    finding.detail(PanelMsg::DetailDnsStatus, worst)
}

/// The DNS check when no resolver could be asked at all; `why` says what the last one did.
pub fn dns_unreachable(site: &Site, why: Said) -> Finding {
    Finding::new(
        Check::Dns,
        "no-resolver",
        Verdict::Unknown,
        said(PanelMsg::DnsNoResolver, &[("host", &site.host)]),
    )
    .and(why.clone())
    .detail_said(said(PanelMsg::DetailError, &[]), why)
}
