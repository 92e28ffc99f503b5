//! The command-line analyser as an owner runs it on a server: a file or standard input in, one
//! JSON object out.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn analyze(input: &[u8]) -> serde_json::Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fix502-analyze"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the analyser starts");
    child.stdin.take().unwrap().write_all(input).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).expect("one JSON object")
}

#[test]
fn an_nginx_log_from_standard_input_gives_every_field() {
    let log = b"2026/11/22 03:17:54 [error] 17160#17160: *5 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 127.0.0.1, server: , request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:42515/\"\n";
    let json = analyze(log);
    assert_eq!(json["gateway"], "nginx");
    assert_eq!(json["cause"], "upstream-reset");
    assert_eq!(json["status"], 502);
    assert_eq!(json["node"], "owner-nginx-reset");
    assert_eq!(json["confidence"], "high");
    assert_eq!(json["evidence"][0]["line"], 1);
    assert!(json["version"].is_null());
    assert_eq!(json["request_ids"], serde_json::json!([]));
}

#[test]
fn curl_headers_give_the_request_id_and_bad_bytes_do_not_stop_it() {
    let mut headers = b"HTTP/1.1 502 Bad Gateway\r\nServer: cloudflare\r\n\xff\xfe\r\nCF-RAY: 8a1b2c3d4e5f6789-AMS\r\n".to_vec();
    headers.extend_from_slice(b"\r\n<p>Error code 521</p>\n");
    let json = analyze(&headers);
    assert_eq!(json["gateway"], "cloudflare");
    assert_eq!(json["cause"], "upstream-refused");
    assert_eq!(json["request_ids"][0]["id"], "8a1b2c3d4e5f6789-AMS");
    assert_eq!(json["request_ids"][0]["kind"], "Cloudflare Ray ID");
}

#[test]
fn text_without_a_gateway_error_says_so() {
    let json = analyze(b"Everything is fine here.\n");
    assert_eq!(
        (json["gateway"].as_str(), json["cause"].as_str()),
        (Some("unknown"), Some("none"))
    );
    assert_eq!(json["error_shown"], false);
    assert_eq!(json["confidence"], "none");
    assert!(json["node"].is_null());
    assert!(
        json["notes"][0]
            .as_str()
            .unwrap()
            .contains("shows no gateway error")
    );
}

#[test]
fn a_har_file_never_echoes_its_secrets() {
    let har = br#"{"log":{"version":"1.2","entries":[
      {"request":{"method":"POST","url":"https://shop.example/api/login?token=QUERYSECRET&page=2","headers":[{"name":"Cookie","value":"session=COOKIESECRET"},{"name":"Authorization","value":"Bearer BEARERSECRET"}],"cookies":[{"name":"session","value":"COOKIESECRET"}]},
       "response":{"status":502,"statusText":"Bad Gateway","httpVersion":"HTTP/1.1","headers":[{"name":"Server","value":"nginx/1.24.0"},{"name":"Set-Cookie","value":"sid=SETCOOKIESECRET"},{"name":"X-Request-Id","value":"4f1c2d3e5a6b7c8d"}],
       "content":{"text":"<html><head><title>502 Bad Gateway</title></head><body><center>nginx/1.24.0</center> Authorization: Bearer BODYSECRET</body></html>"}},
       "timings":{"wait":12.0},"serverIPAddress":"203.0.113.7"}]}}"#;
    let json = analyze(har);
    let printed = json.to_string();
    for secret in [
        "QUERYSECRET",
        "COOKIESECRET",
        "BEARERSECRET",
        "SETCOOKIESECRET",
    ] {
        assert!(!printed.contains(secret), "{secret} in {printed}");
    }
    assert_eq!(json["gateway"], "nginx");
    assert_eq!(json["status"], 502);
    assert_eq!(
        json["requests"][0]["url"],
        "https://shop.example/api/login?token=***&page=2"
    );
    assert_eq!(json["requests"][0]["server_ip"], "203.0.113.7");
    assert_eq!(json["hops"][0]["component"], "nginx");
}

#[test]
fn binary_and_empty_input_get_a_clear_note() {
    let binary: Vec<u8> = (0..20_000u32).map(|i| (i * 131 % 256) as u8).collect();
    let json = analyze(&binary);
    assert!(
        json["notes"][0].as_str().unwrap().contains("binary file"),
        "{json}"
    );
    let json = analyze(b"   \n\n");
    assert!(
        json["notes"][0]
            .as_str()
            .unwrap()
            .contains("nothing to read"),
        "{json}"
    );
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_fix502-analyze"))
        .arg("/no/such/file")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("fix502-analyze:"));
}

#[test]
fn a_har_file_cut_short_is_read_as_lines_and_still_hides_its_secrets() {
    let har = br#"{"log":{"version":"1.2","entries":[{"request":{"method":"POST","url":"https://shop.example/api/login?token=QUERYSECRET","headers":[{"name":"Cookie","value":"session=COOKIESECRET"},{"name":"Authorization","value":"Bearer BEARERSECRET"}],"cookies":[{"name":"sid","value":"CUTCOOKIESECRET"}]},"response":{"status":502,"statusText":"Bad Gateway","headers":[{"name":"Server","value":"nginx/1.24.0"},{"name":"Set-Cookie","value":"sid=SETCOOKIESECRET"}],"content":{"text":"<title>502 Bad Gateway</title>"#;
    let json = analyze(har);
    let printed = json.to_string();
    assert!(!printed.contains("SECRET"), "{printed}");
    assert!(
        json["notes"][0]
            .as_str()
            .unwrap()
            .contains("could not be read as one"),
        "{json}"
    );
    assert_eq!(
        (json["gateway"].as_str(), json["status"].as_u64()),
        (Some("nginx"), Some(502))
    );
}

#[test]
fn a_50_mb_line_is_read_in_bounded_time_and_memory() {
    let mut line = vec![b'x'; 50 * 1024 * 1024];
    line.extend_from_slice(b" upstream timed out (110: Connection timed out) while reading response header from upstream");
    let started = std::time::Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_fix502-analyze"))
        .arg("--stats")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&line));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let stats = String::from_utf8_lossy(&output.stderr);
    println!("a 50 MB line: {stats} (wall {:?})", started.elapsed());
    assert_eq!(json["lines"], 1, "one line, read in pieces");
    assert_eq!(json["cause"], "upstream-timeout", "{json}");
    let peak_kb: u64 = stats
        .split_whitespace()
        .find_map(|pair| pair.strip_prefix("peak_kb="))
        .and_then(|kb| kb.parse().ok())
        .unwrap();
    assert!(peak_kb < 48 * 1024, "{peak_kb} kB at its peak");
    assert!(started.elapsed().as_secs() < 30);
}
