//! Reads `content/signatures.toml` (on the host: the build's content tool, the command-line
//! analyser and the tests) and checks it as the content loader checks nodes: every mistake
//! found, each as `content/signatures.toml:LINE: what is wrong`, with the allowed values listed.

use super::cause_names;
use super::rules::{Component, Layer, RequestIdRule, Rules, Shape, Signature};
use crate::content::Tree;
use serde::Deserialize;
use std::collections::HashSet;
use toml::Spanned;

/// Where the rules live, as errors name it.
pub const FILE: &str = "content/signatures.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    component: Vec<ComponentEntry>,
    request_id: Vec<RequestIdEntry>,
    signature: Vec<SignatureEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComponentEntry {
    id: Spanned<String>,
    name: String,
    layer: Spanned<String>,
    node: Option<Spanned<String>>,
    #[serde(default)]
    timeouts: Vec<u32>,
    built_on: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequestIdEntry {
    name: Spanned<String>,
    component: Option<Spanned<String>>,
    after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignatureEntry {
    id: Spanned<String>,
    component: Option<Spanned<String>>,
    cause: Option<Spanned<String>>,
    status: Option<Spanned<u16>>,
    error: Option<bool>,
    #[serde(default)]
    all: Vec<String>,
    #[serde(default)]
    any: Vec<String>,
    #[serde(default)]
    none: Vec<String>,
    shape: Option<Spanned<String>>,
    node: Option<Spanned<String>>,
    version_after: Option<String>,
    exact_case: Option<bool>,
    #[serde(default)]
    summary: bool,
    sample: String,
}

/// The rules in `text`, or every problem with them, one `file:line: …` sentence each.
pub fn parse(text: &str) -> Result<Rules, Vec<String>> {
    parse_checked(text, None)
}

/// [`parse`], also checking that every node a rule leads to is a node of `tree`.
pub fn parse_for(text: &str, tree: &Tree) -> Result<Rules, Vec<String>> {
    parse_checked(text, Some(tree))
}

fn parse_checked(text: &str, tree: Option<&Tree>) -> Result<Rules, Vec<String>> {
    let line_of = |offset: usize| 1 + text[..offset.min(text.len())].matches('\n').count();
    let file: File = toml::from_str(text).map_err(|error| {
        let line = error.span().map_or(1, |span| line_of(span.start));
        vec![format!(
            "{FILE}:{line}: the rules do not parse: {}",
            error.message().trim_end()
        )]
    })?;
    let mut errors = Vec::new();
    let mut error_at = |offset: usize, message: String| {
        errors.push(format!("{FILE}:{}: {message}", line_of(offset)));
    };
    // The node a rule leads to, checked against the tree when there is one.
    let mut errors_at_node = Vec::new();
    let mut node_of = |rule: &str, node: Option<Spanned<String>>| {
        let node = node?;
        if tree.is_some_and(|tree| tree.node(node.get_ref()).is_none()) {
            errors_at_node.push((
                node.span().start,
                format!(
                    "{rule}: node {:?} is not the id of any file in content/",
                    node.get_ref()
                ),
            ));
        }
        Some(node.into_inner())
    };
    let layers: Vec<&str> = Layer::ALL.iter().map(|layer| layer.name()).collect();
    let mut components = Vec::new();
    for entry in file.component {
        let layer = Layer::parse(entry.layer.get_ref());
        if layer.is_none() {
            error_at(
                entry.layer.span().start,
                format!(
                    "component {}: {}",
                    entry.id.get_ref(),
                    not_one_of("layer", entry.layer.get_ref(), &layers)
                ),
            );
        }
        if components
            .iter()
            .any(|c: &Component| &c.id == entry.id.get_ref())
        {
            error_at(
                entry.id.span().start,
                format!("component {} is listed twice", entry.id.get_ref()),
            );
        }
        let node = node_of(&format!("component {}", entry.id.get_ref()), entry.node);
        components.push(Component {
            id: entry.id.into_inner(),
            name: entry.name,
            layer: layer.unwrap_or(Layer::Proxy),
            node,
            timeouts: entry.timeouts,
            built_on: entry.built_on,
        });
    }
    let known: Vec<&str> = components.iter().map(|c| c.id.as_str()).collect();
    for component in &components {
        if let Some(base) = &component.built_on
            && !known.contains(&base.as_str())
        {
            error_at(
                0,
                format!(
                    "component {} is built on {base:?}, which is not a component",
                    component.id
                ),
            );
        }
    }
    let mut request_ids = Vec::new();
    for entry in file.request_id {
        if let Some(problem) = entry.after.iter().find_map(|text| text_problem(text)) {
            error_at(
                entry.name.span().start,
                format!("request id {}: {problem}", entry.name.get_ref()),
            );
        }
        if let Some(component) = &entry.component
            && !known.contains(&component.get_ref().as_str())
        {
            error_at(
                component.span().start,
                format!(
                    "request id {}: {}",
                    entry.name.get_ref(),
                    not_one_of("component", component.get_ref(), &known)
                ),
            );
        }
        request_ids.push(RequestIdRule {
            component: entry.component.map(Spanned::into_inner),
            name: entry.name.into_inner(),
            after: entry.after.iter().map(|a| a.to_ascii_lowercase()).collect(),
        });
    }
    let mut ids = HashSet::new();
    let mut signatures = Vec::new();
    for entry in file.signature {
        let id = entry.id.get_ref().clone();
        let at = entry.id.span().start;
        if !ids.insert(id.clone()) {
            error_at(at, format!("signature {id} is listed twice"));
        }
        if let Some(cause) = &entry.cause
            && !cause_names().any(|name| name == cause.get_ref())
        {
            error_at(
                cause.span().start,
                format!(
                    "signature {id}: {}",
                    not_one_of("cause", cause.get_ref(), &cause_names().collect::<Vec<_>>())
                ),
            );
        }
        if let Some(component) = &entry.component
            && !known.contains(&component.get_ref().as_str())
        {
            error_at(
                component.span().start,
                format!(
                    "signature {id}: {}",
                    not_one_of("component", component.get_ref(), &known)
                ),
            );
        }
        if let Some(status) = &entry.status
            && !(100..600).contains(status.get_ref())
        {
            error_at(
                status.span().start,
                format!(
                    "signature {id}: status {} is not an HTTP status",
                    status.get_ref()
                ),
            );
        }
        if entry.all.is_empty() && entry.any.is_empty() {
            error_at(
                at,
                format!("signature {id}: give the texts it matches in `all` or `any`"),
            );
        }
        let shape = entry.shape.as_ref().and_then(|shape| {
            let parsed = Shape::parse(shape.get_ref());
            if parsed.is_none() {
                let shapes: Vec<&str> = Shape::ALL.iter().map(|s| s.name()).collect();
                error_at(
                    shape.span().start,
                    format!(
                        "signature {id}: {}",
                        not_one_of("shape", shape.get_ref(), &shapes)
                    ),
                );
            }
            parsed
        });
        if let Some(problem) = entry
            .all
            .iter()
            .chain(&entry.any)
            .chain(&entry.none)
            .find_map(|t| text_problem(t))
        {
            error_at(at, format!("signature {id}: {problem}"));
        }
        if entry.component.is_none() && entry.cause.is_none() && entry.status.is_none() {
            error_at(
                at,
                format!("signature {id}: it says nothing: give a component, a cause or a status"),
            );
        }
        let exact_case = entry.exact_case.unwrap_or(false);
        let lower = |texts: &[String]| -> Vec<String> {
            texts
                .iter()
                .map(|text| {
                    if exact_case {
                        text.clone()
                    } else {
                        text.to_ascii_lowercase()
                    }
                })
                .collect()
        };
        signatures.push(Signature {
            // A cause, or a server error's status, says the line shows the component failing.
            error: entry.error.unwrap_or(
                entry.cause.is_some() || entry.status.as_ref().is_some_and(|s| *s.get_ref() >= 500),
            ),
            component: entry.component.map(Spanned::into_inner),
            cause: entry.cause.map(Spanned::into_inner),
            status: entry.status.map(Spanned::into_inner),
            all: lower(&entry.all),
            any: lower(&entry.any),
            none: entry.none.iter().map(|t| t.to_ascii_lowercase()).collect(),
            shape,
            node: node_of(&format!("signature {id}"), entry.node),
            version_after: entry.version_after.map(|m| m.to_ascii_lowercase()),
            exact_case,
            summary: entry.summary,
            sample: entry.sample,
            id,
        });
    }
    for (offset, message) in errors_at_node {
        errors.push(format!("{FILE}:{}: {message}", line_of(offset)));
    }
    errors.sort_by_key(|error| {
        let line = error
            .split(':')
            .nth(1)
            .and_then(|l| l.parse::<usize>().ok());
        line.unwrap_or(0)
    });
    if errors.is_empty() {
        Ok(Rules {
            components,
            signatures,
            request_ids,
        })
    } else {
        Err(errors)
    }
}

/// The error for a `field` whose `value` is none of the `allowed` ones, listing them.
fn not_one_of(field: &str, value: &str, allowed: &[&str]) -> String {
    format!(
        "{field} is {value:?}; it must be one of: {}",
        allowed.join(", ")
    )
}

/// Why a text cannot be matched or encoded, if it cannot.
fn text_problem(text: &str) -> Option<String> {
    if text.len() < 3 || text.trim().is_empty() {
        Some(format!("the text {text:?} is shorter than 3 characters"))
    } else if text.contains(['\t', '\n', '\r', '\u{1f}']) {
        Some(format!("the text {text:?} holds a tab or a line break"))
    } else {
        None
    }
}

/// The rules in `content/signatures.toml`, as this build carries them.
pub fn bundled() -> Rules {
    parse(include_str!("../../content/signatures.toml")).expect("a test checks signatures.toml")
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMPONENT: &str = "[[component]]\nid = \"nginx\"\nname = \"nginx\"\nlayer = \"proxy\"\n\n[[request_id]]\nname = \"Request id\"\nafter = [\"x-request-id:\"]\n\n";

    #[test]
    fn every_mistake_is_reported_at_its_line_with_the_choices() {
        let text = format!(
            "{COMPONENT}[[signature]]\nid = \"a\"\ncomponent = \"ngnix\"\ncause = \"refused\"\nall = [\"x\"]\nsample = \"\"\n\n[[signature]]\nid = \"a\"\nstatus = 999\nall = [\"text\\twith tab\"]\nsample = \"\"\n"
        );
        let errors = parse(&text).unwrap_err();
        assert!(
            errors[0].contains(":11: signature a: the text \"x\" is shorter"),
            "{errors:#?}"
        );
        assert!(errors[1].starts_with("content/signatures.toml:12: signature a: component is \"ngnix\"; it must be one of: nginx"), "{errors:#?}");
        assert!(errors[2].starts_with("content/signatures.toml:13: signature a: cause is \"refused\"; it must be one of: upstream-refused, "), "{errors:#?}");
        assert!(
            errors
                .iter()
                .any(|e| e.contains(":18: signature a is listed twice")),
            "{errors:#?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains(":19: signature a: status 999")),
            "{errors:#?}"
        );
        assert!(
            errors.iter().any(|e| e.contains("holds a tab")),
            "{errors:#?}"
        );
        let layer = parse("[[component]]\nid = \"x\"\nname = \"X\"\nlayer = \"cdn\"\n[[request_id]]\nname=\"r\"\nafter=[\"abc\"]\n[[signature]]\nid=\"s\"\ncomponent=\"x\"\nall=[\"abc\"]\nsample=\"abc\"\n").unwrap_err();
        assert_eq!(
            layer,
            [
                "content/signatures.toml:4: component x: layer is \"cdn\"; it must be one of: edge, balancer, proxy, app"
            ]
        );
        let shape = parse(&format!("{COMPONENT}[[signature]]\nid = \"s\"\ncomponent = \"nginx\"\nall = [\"abc\"]\nnone = [\"x\"]\nshape = \"apache-log\"\nsample = \"abc\"\n")).unwrap_err();
        assert!(
            shape.iter().any(|e| e.contains(
                ":15: signature s: shape is \"apache-log\"; it must be one of: nginx-error-log"
            )),
            "{shape:#?}"
        );
        assert!(
            shape
                .iter()
                .any(|e| e.contains("the text \"x\" is shorter than 3")),
            "{shape:#?}"
        );
        let broken = parse("[[signature]\n").unwrap_err();
        assert!(
            broken[0].starts_with("content/signatures.toml:1: the rules do not parse"),
            "{broken:?}"
        );
    }

    #[test]
    fn a_rule_that_leads_to_no_node_is_reported_at_its_line() {
        let tree = crate::content::fixture::sample();
        let text = format!(
            "{COMPONENT}[[signature]]\nid = \"s\"\ncomponent = \"nginx\"\nall = [\"abc\"]\nnode = \"fix\"\nsample = \"abc\"\n\n[[signature]]\nid = \"t\"\ncomponent = \"nginx\"\nall = [\"abc\"]\nnode = \"nowhere\"\nsample = \"abc\"\n"
        );
        assert!(
            parse(&text).is_ok(),
            "without a tree, nodes are not checked"
        );
        assert_eq!(
            parse_for(&text, &tree).unwrap_err(),
            [
                "content/signatures.toml:21: signature t: node \"nowhere\" is not the id of any file in content/"
            ]
        );
        let real = parse_for(
            include_str!("../../content/signatures.toml"),
            crate::content::fixture::real(),
        );
        assert!(real.is_ok(), "{real:?}");
    }

    #[test]
    fn good_rules_are_lower_cased_and_errors_default_from_the_cause_or_status() {
        let rules = parse(&format!(
            "{COMPONENT}[[signature]]\nid = \"page\"\ncomponent = \"nginx\"\nall = [\"<center>nginx\"]\nsample = \"\"\n\n[[signature]]\nid = \"refused\"\ncomponent = \"nginx\"\ncause = \"upstream-refused\"\nall = [\"Connection Refused\"]\nany = [\"While connecting\"]\nsample = \"\"\n"
        ))
        .unwrap();
        assert!(!rules.signatures[0].error);
        assert!(rules.signatures[1].error);
        assert_eq!(rules.signatures[1].all, ["connection refused"]);
        assert_eq!(rules.signatures[1].any, ["while connecting"]);
    }
}
