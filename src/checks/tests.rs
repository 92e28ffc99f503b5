use super::*;
use crate::i18n::{Catalogue, Msg, PanelMsg, Said};

/// A finding's sentences, in English.
fn told(finding: &Finding) -> String {
    Catalogue::<PanelMsg>::english().say_all(&finding.summary)
}

/// A finding's details, in English.
fn details(finding: &Finding) -> Vec<(String, String)> {
    let english = Catalogue::<PanelMsg>::english();
    let said = |(name, value): &(Said, Said)| (english.say(name), english.say(value));
    finding.details.iter().map(said).collect()
}

/// Why an address was refused, in English.
fn refused(said: Said<Msg>) -> String {
    Catalogue::<Msg>::english().say(&said)
}

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
    assert!(refused(site(&"a".repeat(5000)).unwrap_err()).contains("too long"));
    assert!(
        refused(site("<b>bold</b>").unwrap_err()).contains("<b>bold</b>"),
        "quoted as given, shown as text by the page"
    );
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
        told(&finding),
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
    assert!(told(&readable(502)).contains("with status 502"));
    assert_eq!(readable(200).verdict, Verdict::Ok);
    let http = over_http(readable(200), &Fetched::TimedOut { millis: 8000 });
    assert!(
        told(&http).ends_with("That was over http://, as https:// did not answer in time."),
        "{}",
        told(&http)
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
    assert!(details(&failed).contains(&("error".into(), "TypeError: Failed to fetch".into())));
    let slow = site_answers(&shop(), &Fetched::TimedOut { millis: 8000 });
    assert_eq!(told(&slow), "shop.example did not answer within 8 seconds.");
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
        told(&named),
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
        told(&finding),
        "shop.example answered 502 Bad Gateway (status 502). Its headers say server: nginx/1.22.1, cf-ray: 8a1b2c3d4e5f-AMS."
    );
    assert!(details(&finding).contains(&("cf-ray".into(), "8a1b2c3d4e5f-AMS".into())));
    assert!(
        !details(&finding)
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
    assert!(told(&finding).contains("CORS"));
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
        told(&resolves),
        "shop.example resolves to 104.16.1.1. It points to Cloudflare."
    );
    assert_eq!(
        details(&resolves)
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
    let cnames: Vec<String> = details(&chained)
        .into_iter()
        .filter(|(name, _)| name == "CNAME")
        .map(|(_, value)| value)
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
        (finding.outcome, told(&finding).as_str()),
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
        told(&finding).contains("Current incidents: Checkout errors."),
        "{}",
        told(&finding)
    );
    let refused = status_page(
        "https://status.shop.example",
        Err(&Said::new(PanelMsg::WhyUnreadable, &[])),
    );
    assert_eq!(
        (refused.outcome, refused.verdict),
        ("unreadable", Verdict::Unknown)
    );
    assert!(
        told(&refused).ends_with(
            "Open it yourself: https://status.shop.example It did not answer, or it does not let other sites read its answer."
        ),
        "{}",
        told(&refused)
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
    let note = resolvers(Some("javascript:alert(1)")).unwrap_err();
    assert!(
        Catalogue::english()
            .say(&note)
            .contains("default resolvers")
    );
    assert!(
        resolvers(Some("dns.example")).is_err(),
        "a resolver is given in full"
    );
    let failed = dns_unreachable(&shop(), Said::new(PanelMsg::WhyNotJson, &[]));
    assert_eq!(
        (failed.outcome, failed.verdict),
        ("no-resolver", Verdict::Unknown)
    );
}

#[test]
fn the_request_id_headers_are_the_hop_headers_that_carry_an_id() {
    assert_eq!(
        REQUEST_ID_HEADERS,
        ["cf-ray", "x-amz-cf-id", "x-request-id"]
    );
}

#[test]
fn check_names_round_trip_and_outcomes_are_unique() {
    for check in Check::ALL {
        assert_eq!(Check::parse(check.name()), Some(check));
        let unique: std::collections::HashSet<_> = check.outcomes().iter().collect();
        assert_eq!(unique.len(), check.outcomes().len(), "{check:?}");
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
    finding.link = Some((
        Said::new(PanelMsg::OpenStatusPage, &[]),
        "https://status.example/".into(),
    ));
    let findings = vec![("owner-site-check".to_string(), finding)];
    let back = decode_findings(&encode_findings(&findings));
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].0, "owner-site-check");
    assert_eq!(back[0].1.outcome, "bad-gateway");
    assert_eq!(told(&back[0].1), told(&findings[0].1).replace('\t', " "));
    assert_eq!(back[0].1.link, findings[0].1.link);
    assert!(details(&back[0].1).contains(&("cf-ray".into(), "8c1f-LHR with a tab".into())));
    assert_eq!(details(&back[0].1).len(), details(&findings[0].1).len());
    assert!(decode_findings("F\tq\tnot-a-check\tx\tok\ts\nD\tname\tvalue\n").is_empty());
}
