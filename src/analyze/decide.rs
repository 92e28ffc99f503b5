//! From what the scan saw to an answer: the components the text shows, in order from the
//! browser in (the hop chain); whether it shows a gateway error at all; which component sent
//! the error response and why it failed; how sure that is.
//!
//! The rules of thumb, in order:
//! - A gateway error is shown only by a component's error (an error page, an error log line, a
//!   cause it reports) or by a gateway status (502, 503, 504, 52x). A healthy response, a 4xx, an
//!   application's own 500, a browser's connection error: no gateway error, no cause.
//! - The component that sent the error is the innermost one with an error of its own: when an
//!   edge's error page and the origin's proxy log both show, the proxy's log explains the page.
//!   Without one, it is the innermost component the text names.
//! - The cause is the innermost one: the application server's own reason (a worker killed for
//!   time) over the proxy's view of it (the upstream closed the connection), and the gateway's
//!   own over a cause that names no component; any more specific reason over what a summary
//!   usually means (HAProxy shows one 502 page for several failures, and its log's flags say
//!   which; cloudflared's "Unable to reach the origin service" is followed by Go's reason).
//!   Among equals, the first failure, and on one line the signature that asks more of it.

use super::har::FailedRequest;
use super::lines::StatusFrom;
use super::rules::{Layer, Rules, Signature};
use super::scan::{Hit, Seen, SeenRequestId};
use super::{Analysis, Confidence, Evidence, Hop};
use crate::i18n::{PanelMsg, Said};
use std::collections::BTreeMap;

/// Statuses that a gateway answers when what is behind it failed.
pub fn is_gateway_status(status: u16) -> bool {
    matches!(status, 502..=504 | 520..=527 | 530)
}

/// How close to a known limit a wait must be to count as hitting it, in seconds.
const LIMIT_SLACK: f64 = 1.5;

/// How many lines of evidence are kept.
const EVIDENCE_LINES: usize = 8;

/// What the scan saw of one component.
struct Sighting<'r> {
    layer: Layer,
    first_line: usize,
    /// It shows an error of its own (a 5xx page, an error log line).
    error: bool,
    /// The signatures that named a cause for it, with their first line.
    causes: Vec<(&'r Signature, usize)>,
}

pub fn decide<'r>(
    rules: &'r Rules,
    seen: Seen,
    requests: Vec<FailedRequest>,
    notes: Vec<Said>,
) -> Analysis {
    let first_line = |index: usize| {
        seen.hits
            .iter()
            .find(|hit| hit.signature == index)
            .map_or(usize::MAX, |hit| hit.line)
    };
    let matched: Vec<(usize, &Signature)> = rules
        .signatures
        .iter()
        .enumerate()
        .filter(|(index, _)| seen.counts[*index] > 0)
        .collect();

    // A component built on another, where the text shows it, owns the other's lines.
    let shown: std::collections::HashSet<&str> = matched
        .iter()
        .filter_map(|(_, s)| s.component.as_deref())
        .collect();
    let owner = |id: &'r str| -> &'r str {
        rules
            .components
            .iter()
            .find(|c| c.built_on.as_deref() == Some(id) && shown.contains(c.id.as_str()))
            .map_or(id, |c| c.id.as_str())
    };
    // The components the text shows, and what it shows of each.
    let mut sightings: BTreeMap<&str, Sighting> = BTreeMap::new();
    for &(index, signature) in &matched {
        let Some(id) = signature.component.as_deref() else {
            continue;
        };
        let Some(component) = rules.component(owner(id)) else {
            continue;
        };
        let line = first_line(index);
        let sighting = sightings.entry(&component.id).or_insert(Sighting {
            layer: component.layer,
            first_line: line,
            error: false,
            causes: Vec::new(),
        });
        sighting.first_line = sighting.first_line.min(line);
        // A page that shows a 4xx is that component answering, not a gateway error.
        let erring = signature.error && signature.status.is_none_or(|s| s >= 500);
        sighting.error |= erring;
        if signature.cause.is_some() {
            sighting.causes.push((signature, line));
        }
    }

    // A line that shows a gateway status in words (a browser's "HTTP ERROR 502", Cloudflare's
    // "Error reference number: 504") shows an error whatever component sent it.
    let signature_status = matched
        .iter()
        .filter(|(_, s)| s.error && s.status.is_some_and(is_gateway_status))
        .min_by_key(|(index, _)| first_line(*index))
        .and_then(|(_, s)| s.status);
    // The status shown: a gateway status wherever it shows (a response line first), else the
    // first response's status.
    let statuses = &seen.statuses;
    let gateway_status = [StatusFrom::Response, StatusFrom::Field]
        .iter()
        .find_map(|from| {
            statuses
                .iter()
                .find(|(code, source, _)| source == from && is_gateway_status(*code))
        })
        .map(|(code, ..)| *code)
        .or_else(|| {
            seen.waits
                .iter()
                .map(|(status, _)| *status)
                .find(|s| is_gateway_status(*s))
        })
        .or(signature_status);
    let response_status = statuses
        .iter()
        .find(|(_, source, _)| *source == StatusFrom::Response)
        .map(|(code, ..)| *code);

    let erring: Vec<(&str, &Sighting)> = sightings
        .iter()
        .filter(|(_, s)| s.error && s.layer != Layer::App)
        .map(|(id, s)| (*id, s))
        .collect();
    // Whether an application server (or else a proxy or platform) names why it failed.
    let names_a_cause = |app: bool| {
        sightings
            .values()
            .any(|s| (s.layer == Layer::App) == app && !s.causes.is_empty())
    };
    let app_failing = names_a_cause(true);
    // A proxy that names why it failed, whatever status it sent (Traefik answers a failed TLS
    // handshake with the backend with a 500).
    let proxy_failing = names_a_cause(false);
    // A response shown with another status (a 200, a 404, the application's own 500) and
    // nothing failing in it is no gateway error.
    let healthy_response = response_status.is_some_and(|s| !is_gateway_status(s))
        && gateway_status.is_none()
        && !proxy_failing;
    // A cause that names no component (a Go proxy's "connect: connection refused", Lambda's
    // "Task timed out") shows an error when the text shows a component it happened in.
    let generic_cause = matched
        .iter()
        .any(|(_, s)| s.component.is_none() && s.cause.is_some());
    let failing = app_failing || (generic_cause && !sightings.is_empty());
    // A component's error page served with a status of the application's own (Google's "Server
    // Error" page as a 500) is that status, not a gateway error.
    let error_shown =
        gateway_status.is_some() || (!healthy_response && (!erring.is_empty() || failing));

    // The innermost component with an error of its own; else the innermost one named.
    let innermost = |candidates: &mut dyn Iterator<Item = (&str, &Sighting)>| {
        candidates
            .max_by_key(|(_, s)| {
                (
                    s.layer,
                    !s.causes.is_empty(),
                    std::cmp::Reverse(s.first_line),
                )
            })
            .map(|(id, _)| id.to_string())
    };
    let gateway = if !error_shown {
        None
    } else if erring.is_empty() {
        innermost(
            &mut sightings
                .iter()
                .filter(|(_, s)| s.layer != Layer::App)
                .map(|(id, s)| (*id, s)),
        )
    } else {
        innermost(&mut erring.iter().copied())
    };
    let app_server = sightings
        .iter()
        .filter(|(_, s)| s.layer == Layer::App)
        .min_by_key(|(_, s)| s.first_line)
        .map(|(id, _)| id.to_string());

    // Every cause the text gives, innermost and most specific first.
    let mut causes: Vec<(&'r Signature, usize)> = matched
        .iter()
        .filter(|(_, s)| s.cause.is_some())
        .map(|&(index, s)| (s, first_line(index)))
        .collect();
    let rank = |signature: &'r Signature| -> u8 {
        let layer = signature
            .component
            .as_deref()
            .and_then(|id| rules.component(id))
            .map(|c| c.layer);
        // A summary's usual meaning after any more specific reason.
        match (layer, signature.component.as_deref().map(owner)) {
            (Some(Layer::App), _) => 0,
            (_, Some(id)) if Some(id) == gateway.as_deref() && !signature.summary => 1,
            (None, _) => 2,
            (_, Some(id)) if Some(id) == gateway.as_deref() => 3,
            _ => 4,
        }
    };
    // Then the first failure (what followed is often its consequence), and on one line the
    // signature that asks more of it.
    causes.sort_by_key(|(signature, line)| {
        (
            rank(signature),
            *line,
            std::cmp::Reverse(signature.specificity()),
        )
    });
    // One line per cause: the first, best ranked, of each.
    let mut named = std::collections::HashSet::new();
    causes.retain(|(signature, _)| named.insert(signature.cause.clone()));
    let top = causes
        .first()
        .map(|(signature, _)| *signature)
        .filter(|_| error_shown);

    // A failed request that waited almost exactly a known limit timed out there.
    let at_limit = seen.waits.iter().find_map(|(status, seconds)| {
        if !is_gateway_status(*status) {
            return None;
        }
        rules
            .components
            .iter()
            .filter(|c| {
                gateway.is_none()
                    || gateway.as_deref() == Some(c.id.as_str())
                    || sightings.contains_key(c.id.as_str())
            })
            .flat_map(|c| c.timeouts.iter().map(move |limit| (c, *limit)))
            .find(|(_, limit)| (seconds - f64::from(*limit)).abs() <= LIMIT_SLACK)
            .map(|(component, limit)| (component, limit, *seconds))
    });

    let shown_status = gateway_status.or(response_status);
    // A status of the gateway's own (Cloudflare's 522) means what its signatures for that
    // status say, when they all say one thing.
    let own_status = shown_status.filter(|s| !matches!(s, 502..=504));
    let status_meaning = own_status
        .zip(gateway.as_deref())
        .filter(|_| top.is_none() && error_shown)
        .and_then(|(status, gateway)| {
            let mut meanings = rules.signatures.iter().filter(|s| {
                s.status == Some(status)
                    && s.cause.is_some()
                    && s.component.as_deref().map(owner) == Some(gateway)
            });
            let first = meanings.next()?;
            meanings.all(|s| s.cause == first.cause).then_some(first)
        });
    let top = top.or(status_meaning);
    // A gateway timeout is what its name says: the upstream did not answer in time.
    let timed_out = at_limit.is_some() || shown_status == Some(504);
    let cause = top
        .and_then(|s| s.cause.clone())
        .or_else(|| timed_out.then(|| "upstream-timeout".to_string()))
        .unwrap_or_else(|| if error_shown { "unknown" } else { "none" }.to_string());
    let gateway_errs = gateway
        .as_deref()
        .and_then(|id| sightings.get(id))
        .is_some_and(|s| s.error);
    let confidence = match (error_shown, gateway.is_some(), cause.as_str()) {
        (false, ..) => Confidence::None,
        (true, true, "unknown") | (true, false, _) => Confidence::Medium,
        (true, true, _) if gateway_errs => Confidence::High,
        _ => Confidence::Medium,
    };
    let node = top
        .and_then(|s| s.node.clone())
        .or_else(|| {
            gateway
                .as_deref()
                .and_then(|g| rules.component(g))
                .and_then(|c| c.node.clone())
        })
        .filter(|_| error_shown);

    // Whose request id each is: its rule's component, else the component shown on its line.
    let id_owner = |seen_id: &SeenRequestId| -> Option<&'r str> {
        let rule = &rules.request_ids[seen_id.rule];
        rule.component.as_deref().map(owner).or_else(|| {
            seen.hits
                .iter()
                .filter(|hit| hit.line == seen_id.line)
                .find_map(|hit| rules.signatures[hit.signature].component.as_deref())
                .map(owner)
        })
    };
    // The hop chain, from the browser in.
    let mut hops: Vec<Hop> = sightings
        .iter()
        .filter_map(|(id, sighting)| {
            let component = rules.component(id)?;
            let said = seen
                .hits
                .iter()
                .filter(|hit| {
                    rules.signatures[hit.signature]
                        .component
                        .as_deref()
                        .map(owner)
                        == Some(*id)
                })
                .min_by_key(|hit| {
                    let s = &rules.signatures[hit.signature];
                    (!s.error, s.cause.is_none(), hit.line)
                })
                .map(|hit| hit.text.clone());
            Some(Hop {
                component: id.to_string(),
                name: component.name.clone(),
                layer: sighting.layer,
                version: seen.versions.get(*id).cloned(),
                said,
                failed: gateway.as_deref() == Some(*id),
                first_line: sighting.first_line,
                request_ids: seen
                    .request_ids
                    .iter()
                    .filter(|seen_id| id_owner(seen_id) == Some(*id))
                    .map(|seen_id| request_id(rules, seen_id))
                    .collect(),
            })
        })
        .collect();
    hops.sort_by_key(|hop| (hop.layer, hop.first_line));

    let mut notes = notes;
    if let Some((component, limit, seconds)) = at_limit {
        let values = [
            ("seconds", format!("{seconds:.1}")),
            ("component", component.name.clone()),
            ("limit", limit.to_string()),
        ];
        notes.push(Said::Words(PanelMsg::NoteTimedOutAtLimit, values.into()));
    }
    if !error_shown && seen.bytes > 0 {
        notes.push(Said::new(PanelMsg::NoteNoGatewayError, &[]));
    }

    Analysis {
        version: gateway
            .as_deref()
            .and_then(|g| seen.versions.get(g).cloned()),
        status: gateway_status
            .or(response_status)
            .or_else(|| top.and_then(|s| s.status).filter(|_| error_shown)),
        cause,
        app_server,
        request_ids: seen
            .request_ids
            .iter()
            .map(|seen_id| request_id(rules, seen_id))
            .collect(),
        node,
        evidence: evidence(rules, &seen.hits, &causes, gateway.as_deref()),
        confidence,
        also: causes
            .iter()
            .skip(1)
            .filter(|_| error_shown)
            .filter_map(|(s, _)| Some((s.cause.clone()?, s.node.clone())))
            .collect(),
        hops,
        error_shown,
        requests,
        notes,
        lines: seen.lines,
        bytes: seen.bytes,
        gateway: gateway.unwrap_or_else(|| "unknown".into()),
    }
}

/// A request id as the analysis gives it: its kind's name and its value.
fn request_id(rules: &Rules, seen_id: &SeenRequestId) -> (String, String) {
    (
        rules.request_ids[seen_id.rule].name.clone(),
        seen_id.id.clone(),
    )
}

/// The lines that decided it: the cause's first, then the failing component's, then the rest,
/// each line once, and each text once (a log repeats the same error line many times).
fn evidence(
    rules: &Rules,
    hits: &[Hit],
    causes: &[(&Signature, usize)],
    gateway: Option<&str>,
) -> Vec<Evidence> {
    let rank = |hit: &Hit| {
        let signature = &rules.signatures[hit.signature];
        let cause_rank = causes
            .iter()
            .position(|(s, _)| s.id == signature.id)
            .unwrap_or(usize::MAX);
        let of_gateway = signature.component.as_deref() == gateway && gateway.is_some();
        (cause_rank, !of_gateway, !signature.error, hit.line)
    };
    let mut sorted: Vec<&Hit> = hits.iter().collect();
    sorted.sort_by_key(|hit| rank(hit));
    let mut shown: Vec<Evidence> = Vec::new();
    for hit in sorted {
        if shown
            .iter()
            .any(|e| e.line == hit.line || e.text == hit.text)
        {
            continue;
        }
        shown.push(Evidence {
            line: hit.line,
            text: hit.text.clone(),
            signature: rules.signatures[hit.signature].id.clone(),
        });
        if shown.len() == EVIDENCE_LINES {
            break;
        }
    }
    shown
}
