//! Checks of the knowledge base in `content/` as a whole: `content/coverage.toml` proves that
//! every cause, fix and gateway the project promises has a node that talks about it. (That every
//! path ends well and soon enough, and that every piece of advice says enough, the content
//! loader checks for every build: `content::load`.)
#![cfg(not(target_arch = "wasm32"))]

use fix502::content::Tree;
use fix502::content::load::{SourceNode, load_dir};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

fn content() -> (Tree, Vec<SourceNode>) {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("content/ does not validate:\n{}", lines.join("\n"))
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Coverage {
    item: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    group: String,
    name: String,
    nodes: Vec<String>,
    /// Text that each of `nodes` must contain (title or body, ignoring case).
    mentions: String,
}

/// What the project promises to cover (every cause and fix of the source articles, every
/// gateway and platform the README names): a coverage file that drops one fails.
const PROMISED: &[(&str, &[&str])] = &[
    (
        "seed cause",
        &[
            "server overload",
            "server downtime or maintenance",
            "firewall or security settings",
            "dns problems",
            "misconfigured or outdated proxy",
            "cdn problems",
            "browser cache and cookies",
            "faulty site code or plugins",
            "php execution limits",
            "network connectivity and routing",
            "ssl/tls settings",
            "wrong port or protocol",
            "caching or load-balancing settings",
            "application errors and crashes",
        ],
    ),
    (
        "visitor fix",
        &[
            "refresh",
            "wait and retry",
            "status page or social accounts",
            "another browser, device or network",
            "clear cache and cookies",
            "restart the connection",
            "contact the site",
        ],
    ),
    (
        "owner fix",
        &[
            "restart the server or stuck processes",
            "read server and upstream logs",
            "check the upstream's status",
            "test connectivity",
            "check dns and propagation",
            "inspect firewall and proxy settings",
            "update proxy software",
            "disable plugins",
            "raise execution limits",
            "bypass or pause the cdn",
            "check tls certificates",
            "check ports and protocols",
            "check caching and load-balancer settings",
            "escalate to the hosting provider",
        ],
    ),
    (
        "prevention",
        &[
            "keep cms and plugins updated",
            "hosting that scales",
            "uptime monitoring",
            "correct firewall, cdn and cache configuration",
            "regular checks",
        ],
    ),
    (
        "gateway",
        &[
            "nginx",
            "apache httpd mod_proxy",
            "haproxy",
            "envoy/istio",
            "traefik",
            "caddy",
            "varnish",
            "squid",
            "iis",
            "aws alb/elb",
            "aws cloudfront",
            "cloudflare",
            "google cloud load balancing",
            "heroku",
            "vercel",
            "netlify",
            "fastly",
            "akamai",
            "azure front door",
            "azure application gateway",
            "azure app service",
            "azure container apps",
            "azure api management",
            "google cloud run and app engine",
            "google app engine",
            "amazon api gateway",
            "aws lambda behind a load balancer",
            "aws elastic beanstalk",
            "fly.io",
            "render",
            "railway",
            "digitalocean app platform",
            "kong",
            "spring cloud gateway",
            "cloudflare tunnel",
            "litespeed",
            "nginx proxy manager, openresty and tengine",
        ],
    ),
    (
        "app server",
        &[
            "php-fpm",
            "gunicorn/uwsgi",
            "node.js",
            "puma/unicorn",
            "tomcat/java",
            "kubernetes ingress",
            "uvicorn/hypercorn",
            "asp.net core kestrel",
            "go net/http",
            "next.js/nuxt",
        ],
    ),
    ("about", &["what a 502 is", "names of the error"]),
];

#[test]
fn coverage_lists_every_promised_item_with_nodes_that_mention_it() {
    let (tree, sources) = content();
    let bodies: HashMap<&str, String> = sources
        .iter()
        .map(|s| {
            (
                s.node.id.as_str(),
                format!("{}\n{}", s.node.title, s.body).to_lowercase(),
            )
        })
        .collect();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/coverage.toml");
    let coverage: Coverage = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut problems = Vec::new();
    for (group, names) in PROMISED {
        for name in *names {
            let listed = coverage
                .item
                .iter()
                .any(|i| i.group == *group && i.name.to_lowercase() == *name);
            if !listed {
                problems.push(format!("{group} “{name}” is not in coverage.toml"));
            }
        }
    }
    for item in &coverage.item {
        if item.nodes.is_empty() {
            problems.push(format!("{} “{}” has no node", item.group, item.name));
        }
        for id in &item.nodes {
            match bodies.get(id.as_str()) {
                None => problems.push(format!("{} “{}”: no node {id}", item.group, item.name)),
                Some(text) if !text.contains(&item.mentions.to_lowercase()) => {
                    problems.push(format!(
                        "{} “{}”: {} does not mention “{}”",
                        item.group,
                        item.name,
                        tree.node(id).map_or(id.as_str(), |n| n.file.as_str()),
                        item.mentions
                    ))
                }
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every component the paste analyser can name leads somewhere: its guide step exists, and
/// coverage.toml promises it as a gateway or an application server.
#[test]
fn every_component_the_analyser_names_has_a_branch_in_coverage() {
    let (tree, _) = content();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/coverage.toml");
    let coverage: Coverage = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let covered: Vec<&str> = coverage
        .item
        .iter()
        .filter(|i| i.group == "gateway" || i.group == "app server")
        .flat_map(|i| i.nodes.iter().map(String::as_str))
        .collect();
    let mut problems = Vec::new();
    for component in fix502::analyze::load::bundled().components {
        match component.node.as_deref() {
            None => problems.push(format!("{} names no guide step", component.id)),
            Some(node) if tree.node(node).is_none() => {
                problems.push(format!("{}: no node {node}", component.id))
            }
            Some(node) if !covered.contains(&node) => problems.push(format!(
                "{}: {node} is in no gateway or app server item of coverage.toml",
                component.id
            )),
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
