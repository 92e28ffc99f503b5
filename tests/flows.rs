//! Flows through the real decision trees in `content/`, without a browser, in the style of
//! GOV.UK Smart Answers' flow tests: a reader's clicks, written as the answer labels they read
//! (or the first words of them, case aside), lead from the start question to a given step. Each
//! walk must also survive the URL: written with `to_query` and read back with `from_query`, it
//! shows the same step and reports no problem.
//!
//! When content changes so that a click is no longer offered, the failure names the step and
//! lists the answers it does offer.
#![cfg(not(target_arch = "wasm32"))]

use fix502::content::load::load_dir;
use fix502::content::{FIXED_LABEL, NOT_FIXED_LABEL, Tree};
use fix502::engine::Walk;
use std::path::Path;
use std::sync::OnceLock;

/// The first answers of the start question, for the two trees.
const VISITOR: &str = "I was visiting a website";
const OWNER: &str = "I run or develop the site";
/// "Did this fix it?" on every piece of advice.
const YES: &str = FIXED_LABEL;
const NO: &str = NOT_FIXED_LABEL;

/// The tree in `content/`, read and validated once for all the tests.
fn tree() -> &'static Tree {
    static TREE: OnceLock<Tree> = OnceLock::new();
    TREE.get_or_init(|| {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let (tree, _) = load_dir(&content).unwrap_or_else(|errors| {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("content/ does not validate:\n{}", lines.join("\n"))
        });
        tree
    })
}

/// The walk of a reader who, from the start question, clicks each of `clicks` in turn.
fn walk(clicks: &[&str]) -> Walk {
    go_on(Walk::default(), clicks)
}

/// `walk`, after the reader clicks each of `clicks` in turn.
fn go_on(walk: Walk, clicks: &[&str]) -> Walk {
    clicks.iter().fold(walk, |walk, label| click(walk, label))
}

/// The reader clicks the one answer of the step on screen whose label begins with `label`.
fn click(walk: Walk, label: &str) -> Walk {
    let tree = tree();
    let step = walk.shown(tree);
    let wanted = label.to_lowercase();
    let matching: Vec<_> = step
        .answers
        .iter()
        .filter(|answer| answer.label.to_lowercase().starts_with(&wanted))
        .collect();
    let [answer] = matching[..] else {
        let offered: Vec<String> = step
            .answers
            .iter()
            .map(|answer| format!("\n  “{}”", answer.label))
            .collect();
        panic!(
            "{} “{label}” at {} (“{}”), reached by {:?}; it offers:{}",
            match matching.len() {
                0 => "no answer begins with",
                _ => "more than one answer begins with",
            },
            step.id,
            step.title,
            walk.to_query(""),
            match offered.is_empty() {
                true => " nothing, it is an end".to_string(),
                false => offered.concat(),
            }
        )
    };
    walk.choose(tree, &answer.next)
        .unwrap_or_else(|| panic!("{} refuses its own answer {}", step.id, answer.next))
}

/// The reader changes their answer to the question whose title begins with `title`, from the
/// list of the answers they gave.
fn change(walk: &Walk, title: &str) -> Walk {
    let tree = tree();
    let answered = walk.answered(tree);
    let wanted = title.to_lowercase();
    let question = answered
        .iter()
        .find(|given| given.question.title.to_lowercase().starts_with(&wanted))
        .unwrap_or_else(|| {
            let titles: Vec<String> = answered
                .iter()
                .map(|given| format!("\n  “{}”", given.question.title))
                .collect();
            panic!(
                "no answered question begins with “{title}”; answered:{}",
                titles.concat()
            )
        });
    walk.change(tree, &question.question.id)
        .expect("an answered question can be changed")
}

/// The id of the step `walk` shows, once it is checked to come back the same from its URL.
fn shown(walk: &Walk) -> &'static str {
    let tree = tree();
    let query = walk.to_query("");
    let (read, problem) = Walk::from_query(tree, &query);
    assert_eq!(problem, None, "reading back ?{query}");
    assert_eq!(
        read.shown(tree).id,
        walk.shown(tree).id,
        "reading back ?{query}"
    );
    assert_eq!(&read, walk, "reading back ?{query}");
    &walk.shown(tree).id
}

/// The id of the step the reader reaches by clicking each of `clicks` from the start.
fn reached(clicks: &[&str]) -> &'static str {
    shown(&walk(clicks))
}

// Where readers begin.

#[test]
fn someone_not_sure_is_sent_to_the_owners_or_the_visitors_by_whether_they_can_change_the_site() {
    assert_eq!(
        reached(&["Someone told me about it", "Yes: I or my team"]),
        "owner-site-check"
    );
    assert_eq!(
        reached(&["Someone told me about it", "No: I only use the site"]),
        "visitor-other-sites"
    );
}

#[test]
fn a_reader_who_wants_to_understand_502s_learns_what_one_is() {
    assert_eq!(
        reached(&["I want to understand", "What a 502 Bad Gateway is"]),
        "about-502"
    );
}

#[test]
fn a_reader_who_wants_to_prevent_502s_sets_up_monitoring() {
    assert_eq!(
        reached(&[
            "I want to understand",
            "How to keep 502s from happening",
            "Uptime and performance monitoring"
        ]),
        "owner-prevent-monitoring"
    );
}

// Visitors.

#[test]
fn a_visitor_whose_reload_worked_is_fixed() {
    assert_eq!(
        reached(&[VISITOR, "Yes, only this site", "Yes, it works now", YES]),
        "visitor-fixed"
    );
}

#[test]
fn a_visitor_whose_reload_worked_only_for_a_moment_learns_the_fault_is_at_the_site() {
    assert_eq!(
        reached(&[VISITOR, "Yes, only this site", "Yes, it works now", NO]),
        "visitor-site-side"
    );
}

#[test]
fn a_visitor_for_whom_other_sites_fail_too_restarts_the_connection_and_is_fixed() {
    assert_eq!(
        reached(&[VISITOR, "No, other sites fail"]),
        "visitor-connection"
    );
    assert_eq!(
        reached(&[VISITOR, "No, other sites fail", YES]),
        "visitor-fixed"
    );
}

#[test]
fn a_visitor_whose_connection_is_not_to_blame_tries_each_next_cause_then_tells_the_site() {
    let clicks = [VISITOR, "No, other sites fail", NO, NO, NO, NO];
    assert_eq!(reached(&clicks[..4]), "visitor-ip-blocked");
    assert_eq!(reached(&clicks), "visitor-contact-site");
}

#[test]
fn a_visitor_whose_page_opens_in_a_private_window_clears_the_cache_then_tells_the_site() {
    let clicks = [
        VISITOR,
        "Yes, only this site",
        "No, it still says 502",
        "Yes, it answers, but with the error",
        "Yes, in a private window",
        NO,
        NO,
    ];
    assert_eq!(reached(&clicks[..5]), "visitor-clear-cache");
    assert_eq!(reached(&clicks), "visitor-contact-site");
}

#[test]
fn a_visitor_whose_page_opens_only_on_another_network_restarts_the_connection() {
    assert_eq!(
        reached(&[
            VISITOR,
            "Yes, only this site",
            "No, it still says 502",
            "Yes, it answers, but with the error",
            "Yes, but only on another network",
        ]),
        "visitor-connection"
    );
}

#[test]
fn a_visitor_whose_site_does_not_answer_at_all_refreshes_dns() {
    assert_eq!(
        reached(&[
            VISITOR,
            "Yes, only this site",
            "No, it still says 502",
            "No, nothing answers"
        ]),
        "visitor-dns"
    );
}

#[test]
fn a_visitor_for_whom_the_site_fails_everywhere_waits_and_follows_its_incident() {
    let clicks = [
        VISITOR,
        "Yes, only this site",
        "No, it still says 502",
        "Yes, it answers, but with the error",
        "No, it fails everywhere",
        NO,
        "Yes, it reports an incident",
    ];
    assert_eq!(reached(&clicks[..5]), "visitor-site-side");
    assert_eq!(reached(&clicks), "visitor-status-incident");
}

#[test]
fn a_visitor_whose_status_page_says_all_is_well_tells_the_site() {
    assert_eq!(
        reached(&[
            VISITOR,
            "Yes, only this site",
            "No, it still says 502",
            "Yes, it answers, but with the error",
            "No, it fails everywhere",
            NO,
            "No, it says everything is working",
        ]),
        "visitor-contact-site"
    );
}

#[test]
fn a_visitor_without_a_status_page_looks_for_news_then_tells_the_site() {
    let clicks = [
        VISITOR,
        "Yes, only this site",
        "No, it still says 502",
        "Yes, it answers, but with the error",
        "No, it fails everywhere",
        NO,
        "I can't find a status page",
        NO,
    ];
    assert_eq!(reached(&clicks[..7]), "visitor-status-page");
    assert_eq!(reached(&clicks), "visitor-contact-site");
}

#[test]
fn a_visitor_who_has_not_tried_elsewhere_is_shown_how_then_learns_the_fault_is_at_the_site() {
    let clicks = [
        VISITOR,
        "Yes, only this site",
        "No, it still says 502",
        "Yes, it answers, but with the error",
        "I have not tried yet",
        NO,
    ];
    assert_eq!(reached(&clicks[..5]), "visitor-try-elsewhere");
    assert_eq!(reached(&clicks), "visitor-site-side");
}

#[test]
fn a_visitor_with_mixed_results_works_out_which_part_is_at_fault() {
    assert_eq!(
        reached(&[
            VISITOR,
            "Yes, only this site",
            "No, it still says 502",
            "Yes, it answers, but with the error",
            "Something else, or the results are mixed",
        ]),
        "visitor-mixed-results"
    );
}

// Owners: a CDN in front.

#[test]
fn an_owner_behind_cloudflare_with_a_521_follows_it_to_nginx_refusing_connections() {
    let clicks = [
        OWNER,
        "Yes, it answers 502",
        "A CDN",
        "Cloudflare",
        "Error 521, 522 or 523",
        "521",
        NO,
        "nginx",
        "connect() failed (111",
    ];
    assert_eq!(reached(&clicks[..6]), "owner-cloudflare-521");
    assert_eq!(reached(&clicks), "owner-nginx-refused");
}

#[test]
fn an_owner_behind_cloudflare_with_a_526_gathers_what_support_needs_then_hands_it_over() {
    let clicks = [
        OWNER,
        "Yes, it answers 502",
        "A CDN",
        "Cloudflare",
        "Error 525 or 526",
        "526",
        NO,
        NO,
    ];
    assert_eq!(reached(&clicks[..6]), "owner-cloudflare-526");
    assert_eq!(reached(&clicks[..7]), "owner-cloudflare-support");
    assert_eq!(reached(&clicks), "owner-escalate");
}

#[test]
fn an_owner_behind_cloudfront_with_a_dns_error_fixes_the_origin_name() {
    assert_eq!(
        reached(&[
            OWNER,
            "Yes, it answers 502",
            "A CDN",
            "Amazon CloudFront",
            "DNS error"
        ]),
        "owner-cloudfront-dns"
    );
}

// Owners: a cloud load balancer.

#[test]
fn an_owner_behind_an_aws_alb_with_scattered_502s_tries_each_next_cause_then_escalates() {
    let clicks = [
        OWNER,
        "Yes, it answers 502",
        "A cloud load balancer",
        "AWS Application",
        "A few scattered 502s",
        NO,
        NO,
        NO,
    ];
    assert_eq!(reached(&clicks[..5]), "owner-aws-alb-keepalive");
    assert_eq!(reached(&clicks[..6]), "owner-aws-alb-deregistration");
    assert_eq!(reached(&clicks[..7]), "owner-aws-alb-refused");
    assert_eq!(reached(&clicks), "owner-escalate");
}

#[test]
fn an_owner_whose_aws_load_balancer_answers_504_looks_at_slow_targets() {
    assert_eq!(
        reached(&[
            OWNER,
            "Yes, it answers 502",
            "A cloud load balancer",
            "AWS Application",
            "It is a 503 or a 504",
            "504 Gateway Time-out",
        ]),
        "owner-aws-alb-504"
    );
}

// Owners: their own web server or proxy.

#[test]
fn an_owner_whose_nginx_is_denied_the_upstream_socket_fixes_its_permissions() {
    assert_eq!(
        reached(&[
            OWNER,
            "Yes, it answers 502",
            "A web server we run",
            "nginx",
            "connect() to",
            "(13: Permission denied)",
        ]),
        "owner-nginx-permission"
    );
}

#[test]
fn an_owner_behind_nginx_with_php_fpm_reaches_the_max_children_fix_and_is_fixed() {
    let clicks = [
        OWNER,
        "Yes, it answers 502",
        "A web server we run",
        "nginx",
        "upstream prematurely closed",
        NO,
        "PHP with PHP-FPM",
        "FPM log: server reached pm.max_children",
        YES,
    ];
    assert_eq!(reached(&clicks[..6]), "owner-app-server");
    assert_eq!(reached(&clicks[..8]), "owner-php-fpm-max-children");
    assert_eq!(reached(&clicks), "owner-fixed");
}

#[test]
fn an_owner_behind_nginx_with_gunicorn_reaches_the_worker_timeout_fix() {
    assert_eq!(
        reached(&[
            OWNER,
            "Yes, it answers 502",
            "A web server we run",
            "nginx",
            "Something else (could not be resolved",
            "No error line at that time",
            NO,
            "Python with Gunicorn",
            "Gunicorn: [CRITICAL] WORKER TIMEOUT",
        ]),
        "owner-python-worker-timeout"
    );
}

#[test]
fn an_owner_behind_apache_with_fcgi_errors_fixes_the_link_to_php_fpm() {
    assert_eq!(
        reached(&[
            OWNER,
            "Yes, it answers 502",
            "A web server we run",
            "Apache httpd",
            "FCGI errors from PHP-FPM",
        ]),
        "owner-apache-fcgi"
    );
}

#[test]
fn an_owner_behind_haproxy_whose_server_closed_early_reads_the_sh_state() {
    assert_eq!(
        reached(&[
            OWNER,
            "Yes, it answers 502",
            "A web server we run",
            "HAProxy",
            "SH-- with status 502",
        ]),
        "owner-haproxy-sh"
    );
}

#[test]
fn an_owner_behind_caddy_with_no_upstreams_goes_on_to_refused_connections() {
    let clicks = [
        OWNER,
        "Yes, it answers 502",
        "A web server we run",
        "Caddy",
        "no upstreams available",
        NO,
    ];
    assert_eq!(reached(&clicks[..5]), "owner-caddy-no-upstreams");
    assert_eq!(reached(&clicks), "owner-caddy-refused");
}

#[test]
fn an_owner_behind_traefik_with_eof_now_and_then_fixes_reused_connections() {
    assert_eq!(
        reached(&[
            OWNER,
            "Yes, it answers 502",
            "A web server we run",
            "Traefik",
            "caused by: EOF",
        ]),
        "owner-traefik-eof"
    );
}

// Owners: a platform or a cluster.

#[test]
fn an_owner_on_kubernetes_with_ingress_nginx_and_restarting_pods_fixes_oom_kills() {
    assert_eq!(
        reached(&[
            OWNER,
            "Yes, it answers 502",
            "Kubernetes",
            "The NGINX ingress controller",
            "Pods restart",
        ]),
        "owner-k8s-ingress-oom"
    );
}

#[test]
fn an_owner_on_heroku_with_h12_looks_at_slow_requests() {
    assert_eq!(
        reached(&[
            OWNER,
            "Yes, it answers 502",
            "Our hosting platform",
            "Heroku",
            "H12"
        ]),
        "owner-heroku-h12"
    );
}

// Owners: what changed, DNS, firewall and TLS.

#[test]
fn an_owner_who_moved_hosting_restores_dns_then_checks_the_firewall_and_tls() {
    let clicks = [
        OWNER,
        "Yes, it answers 502",
        "Something else, or I can't tell",
        "We moved hosting or changed DNS records",
        "No: the name does not exist",
        NO,
        NO,
        NO,
    ];
    assert_eq!(reached(&clicks[..5]), "owner-dns-missing");
    assert_eq!(reached(&clicks[..6]), "owner-dns");
    assert_eq!(reached(&clicks[..7]), "owner-firewall");
    assert_eq!(reached(&clicks), "owner-tls");
}

#[test]
fn an_owner_whose_log_shows_an_ssl_handshake_failure_checks_tls_between_the_hops() {
    assert_eq!(
        reached(&[
            OWNER,
            "Yes, it answers 502",
            "Something else, or I can't tell",
            "Nothing that I know of",
            "A network, DNS or TLS error",
            "SSL handshake failed",
        ]),
        "owner-tls"
    );
}

#[test]
fn an_owner_whose_502s_come_and_go_catches_them_then_finds_the_server_that_sent_them() {
    let clicks = [OWNER, "No, it works right now", NO];
    assert_eq!(reached(&clicks[..2]), "owner-intermittent");
    assert_eq!(reached(&clicks), "owner-gateway");
}

// Going back and changing an answer.

#[test]
fn an_owner_going_back_sees_each_earlier_question_again() {
    let at_the_fix = walk(&[
        OWNER,
        "Yes, it answers 502",
        "A web server we run",
        "nginx",
        "connect() failed (111",
    ]);
    assert_eq!(shown(&at_the_fix), "owner-nginx-refused");
    let back = at_the_fix.back(tree());
    assert_eq!(shown(&back), "owner-nginx");
    assert_eq!(shown(&back.back(tree())), "owner-web-server");
    assert_eq!(
        shown(&go_on(back, &["upstream prematurely closed"])),
        "owner-nginx-premature"
    );
}

#[test]
fn an_owner_changing_the_web_server_is_asked_the_new_servers_question() {
    let on_nginx = walk(&[
        OWNER,
        "Yes, it answers 502",
        "A web server we run",
        "nginx",
        "connect() failed (111",
    ]);
    let changing = change(&on_nginx, "Which web server or proxy");
    assert_eq!(shown(&changing), "owner-web-server");
    assert_eq!(shown(&changing.back(tree())), "owner-nginx-refused");
    assert_eq!(shown(&go_on(changing, &["Apache httpd"])), "owner-apache");
}

#[test]
fn a_reader_who_first_was_not_sure_keeps_their_later_answers_after_saying_they_run_the_site() {
    let not_sure = walk(&[
        "Someone told me about it",
        "Yes: I or my team",
        "Yes, it answers 502",
        "A web server we run",
        "Caddy",
    ]);
    assert_eq!(shown(&not_sure), "owner-caddy");
    let changed = go_on(change(&not_sure, "Who is seeing the 502"), &[OWNER]);
    assert_eq!(
        shown(&changed),
        "owner-caddy",
        "the later answers still apply"
    );
    assert_eq!(changed.answer_count(), 4);
}
