//! The analysis as the command line prints it: one JSON object whose fields the README
//! documents and keeps stable (version 2 adds `app_server`, `hops`, `error_shown`, `requests`,
//! `notes` and `bytes` to version 1's; each hop's `request_ids` came later, an added field that
//! older readers skip).

use super::Analysis;
use crate::i18n::Said;
use serde_json::{Value, json};

/// The layout's version.
pub const FORMAT: u32 = 2;

pub fn to_json(analysis: &Analysis) -> Value {
    json!({
        "fix502_analysis": FORMAT,
        "error_shown": analysis.error_shown,
        "gateway": analysis.gateway,
        "version": analysis.version,
        "status": analysis.status,
        "cause": analysis.cause,
        "app_server": analysis.app_server,
        "hops": analysis.hops.iter().map(|hop| json!({
            "component": hop.component,
            "name": hop.name,
            "layer": hop.layer.name(),
            "version": hop.version,
            "said": hop.said,
            "failed": hop.failed,
            "request_ids": request_ids(&hop.request_ids),
        })).collect::<Vec<_>>(),
        "request_ids": request_ids(&analysis.request_ids),
        "node": analysis.node,
        "evidence": analysis.evidence.iter().map(|e| json!({"line": e.line, "text": e.text, "signature": e.signature})).collect::<Vec<_>>(),
        "confidence": analysis.confidence.name(),
        "also": analysis.also.iter().map(|(cause, node)| json!({"cause": cause, "node": node})).collect::<Vec<_>>(),
        "requests": analysis.requests.iter().map(|r| json!({
            "method": r.method,
            "url": r.url,
            "status": r.status,
            "wait_ms": r.wait_ms,
            "server_ip": r.server_ip,
            "error": r.error,
        })).collect::<Vec<_>>(),
        "notes": analysis.notes.iter().map(Said::english).collect::<Vec<_>>(),
        "lines": analysis.lines,
        "bytes": analysis.bytes,
    })
}

/// Request ids, kind and value, as the analysis's and each hop's `request_ids` give them.
fn request_ids(ids: &[(String, String)]) -> Value {
    ids.iter()
        .map(|(kind, id)| json!({"kind": kind, "id": id}))
        .collect()
}
