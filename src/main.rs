//! The browser entry point: starts the app on the page Trunk serves.

#[cfg(target_arch = "wasm32")]
fn main() {
    fix502::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("fix502 runs in the browser: `scripts/serve` builds and serves it.");
    std::process::exit(2);
}
