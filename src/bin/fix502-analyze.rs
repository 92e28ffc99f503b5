//! Reads a log, an error page or response headers from FILE (or standard input) and prints what
//! fix502 recognises in it as one JSON object: gateway, version, status, cause, request ids, the
//! content node it leads to, the lines that decided it, and how sure it is.
//!
//! ```sh
//! cargo run --release --bin fix502-analyze -- /var/log/nginx/error.log
//! curl -si https://shop.example/ | cargo run --release --bin fix502-analyze
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use fix502::analyze::{analyze, load};
    use std::io::Read;
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut bytes = Vec::new();
    let read = match args.as_slice() {
        [] => std::io::stdin().read_to_end(&mut bytes).map(|_| ()),
        [file] if file != "-h" && file != "--help" => std::fs::read(file).map(|read| bytes = read),
        _ => {
            eprintln!("usage: fix502-analyze [FILE]   (reads standard input without FILE)");
            return ExitCode::from(2);
        }
    };
    if let Err(error) = read {
        eprintln!("fix502-analyze: {error}");
        return ExitCode::from(2);
    }
    // Logs are not always valid UTF-8; an odd byte must not hide the lines around it.
    let text = String::from_utf8_lossy(&bytes);
    let analysis = analyze(&load::bundled(), &text);
    let json = serde_json::json!({
        "gateway": analysis.gateway,
        "version": analysis.version,
        "status": analysis.status,
        "cause": analysis.cause,
        "request_ids": analysis.request_ids.iter().map(|(kind, id)| serde_json::json!({"kind": kind, "id": id})).collect::<Vec<_>>(),
        "node": analysis.node,
        "evidence": analysis.evidence.iter().map(|e| serde_json::json!({"line": e.line, "text": e.text, "signature": e.signature})).collect::<Vec<_>>(),
        "confidence": analysis.confidence.name(),
        "also": analysis.also.iter().map(|(cause, node)| serde_json::json!({"cause": cause, "node": node})).collect::<Vec<_>>(),
    });
    println!("{json}");
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
