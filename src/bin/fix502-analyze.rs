//! Reads a log, an error page, response headers or a HAR file from FILE (or standard input) and
//! prints what fix502 recognises in it as one JSON object (the fields are documented in the
//! README): the components the text shows (hops), which one sent the error and why, the status,
//! the application server, the request ids, the guide's step, the lines that decided it, and how
//! sure it is. The input is read in pieces, in constant memory, whatever its size.
//!
//! ```sh
//! cargo run --release --bin fix502-analyze -- /var/log/nginx/error.log
//! curl -si https://shop.example/ | cargo run --release --bin fix502-analyze
//! cargo run --release --bin fix502-analyze -- --stats big.log   # and how fast, in how much memory
//! cargo run --release --bin fix502-analyze -- --texts           # the texts its rules look for
//! ```

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str =
    "usage: fix502-analyze [--stats] [FILE]   reads FILE, or standard input without one
       fix502-analyze --texts                 prints the texts its rules look for, one per line
  --stats  also says on standard error how many bytes it read, in how long, and its peak memory";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use fix502::analyze::analyze_reader;
    use std::process::ExitCode;

    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let stats = args.first().is_some_and(|arg| arg == "--stats");
    if stats {
        args.remove(0);
    }
    let rules = fix502::analyze::load::bundled();
    let started = std::time::Instant::now();
    let analysis = match args.as_slice() {
        [flag] if flag == "--texts" => {
            print!("{}", texts(&rules).join("\n") + "\n");
            return ExitCode::SUCCESS;
        }
        [] => analyze_reader(&rules, std::io::stdin().lock()),
        [file] if !file.starts_with('-') => {
            std::fs::File::open(file).and_then(|file| analyze_reader(&rules, file))
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match analysis {
        Ok(analysis) => {
            println!("{}", fix502::analyze::json::to_json(&analysis));
            if stats {
                eprintln!("{}", statistics(started.elapsed(), &analysis));
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("fix502-analyze: {error}");
            ExitCode::from(2)
        }
    }
}

/// Every text the rules look for, once each, sorted: what `grep -F -i -f` is given to compare.
#[cfg(not(target_arch = "wasm32"))]
fn texts(rules: &fix502::analyze::Rules) -> Vec<String> {
    let mut texts: Vec<String> = rules
        .signatures
        .iter()
        .flat_map(|s| s.all.iter().chain(&s.any))
        .chain(rules.request_ids.iter().flat_map(|r| &r.after))
        .cloned()
        .collect();
    texts.sort();
    texts.dedup();
    texts
}

/// `bytes=… lines=… ms=… mb_per_s=… peak_kb=…`: what was read, how fast, and the process's peak
/// resident memory (Linux's VmHWM; 0 where the system does not say).
#[cfg(not(target_arch = "wasm32"))]
fn statistics(elapsed: std::time::Duration, analysis: &fix502::analyze::Analysis) -> String {
    let peak_kb = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .unwrap_or(0);
    let seconds = elapsed.as_secs_f64().max(1e-9);
    format!(
        "bytes={} lines={} ms={:.1} mb_per_s={:.1} peak_kb={peak_kb}",
        analysis.bytes,
        analysis.lines,
        seconds * 1000.0,
        analysis.bytes as f64 / 1_000_000.0 / seconds
    )
}

#[cfg(target_arch = "wasm32")]
fn main() {}
