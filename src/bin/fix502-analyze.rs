//! Reads a log, an error page, response headers or a HAR file from FILE (or standard input) and
//! prints what fix502 recognises in it as one JSON object (the fields are documented in the
//! README): the components the text shows (hops), which one sent the error and why, the status,
//! the application server, the request ids, the guide's step, the lines that decided it, and how
//! sure it is. The input is read in pieces, in constant memory, whatever its size.
//!
//! ```sh
//! cargo run --release --bin fix502-analyze -- /var/log/nginx/error.log
//! curl -si https://shop.example/ | cargo run --release --bin fix502-analyze
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use fix502::analyze::{analyze_reader, load};
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let rules = load::bundled();
    let analysis = match args.as_slice() {
        [] => analyze_reader(&rules, std::io::stdin().lock()),
        [file] if file != "-h" && file != "--help" => {
            std::fs::File::open(file).and_then(|file| analyze_reader(&rules, file))
        }
        _ => {
            eprintln!("usage: fix502-analyze [FILE]   (reads standard input without FILE)");
            return ExitCode::from(2);
        }
    };
    match analysis {
        Ok(analysis) => {
            println!("{}", fix502::analyze::json::to_json(&analysis));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("fix502-analyze: {error}");
            ExitCode::from(2)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
