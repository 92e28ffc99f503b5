//! Validates `content/` and the paste analyser's signatures for every build of the app. An
//! authoring mistake stops the build with one `file:line: what is wrong` line per problem.
//!
//! The tree (ids, titles, answers), the signatures and the bodies are written beside the app
//! after each build (`fix502-content`) and fetched at run time; `OUT_DIR` keeps the compact tree
//! and signatures for the tests. A hash of all of it versions those fetches, so a new
//! deployment never shows stale text.

use std::hash::Hasher;
use std::path::Path;

// The build script shares the content module (and the check names it uses) with the app, but
// uses only part of them.
#[allow(dead_code, unused_imports)]
#[path = "src/analyze/mod.rs"]
mod analyze;
#[allow(dead_code)]
#[path = "src/checks.rs"]
mod checks;
#[allow(dead_code)]
#[path = "src/content/mod.rs"]
mod content;
#[allow(dead_code)]
#[path = "src/reader.rs"]
mod reader;
#[allow(dead_code)]
#[path = "src/secrets.rs"]
mod secrets;
#[allow(dead_code)]
#[path = "src/url_contract.rs"]
mod url_contract;

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=src/content");
    println!("cargo::rerun-if-changed=src/analyze");
    println!("cargo::rerun-if-changed=src/secrets.rs");
    println!("cargo::rerun-if-changed=src/checks.rs");
    println!("cargo::rerun-if-changed=src/reader.rs");
    println!("cargo::rerun-if-changed=src/url_contract.rs");
    // The app's wasm keeps the linker's relocations, which scripts/split-wasm.mjs needs to split
    // it in two (docs/arch/0003); wasm-bindgen drops them from what ships. The worker's does not
    // need them.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=fix502=--emit-relocs");
    }
    let (tree, sources) = content::load::load_dir(Path::new("content")).unwrap_or_else(|errors| {
        eprintln!("content/ has {} problem(s):", errors.len());
        for error in &errors {
            eprintln!("{error}");
        }
        std::process::exit(1);
    });
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("tree.txt"), tree.encode())
        .expect("OUT_DIR is writable");

    let signatures = std::fs::read_to_string("content/signatures.toml").unwrap_or_default();
    let rules = analyze::load::parse(&signatures).unwrap_or_else(|errors| {
        eprintln!("content/signatures.toml has {} problem(s):", errors.len());
        for error in &errors {
            eprintln!("{error}");
        }
        std::process::exit(1);
    });
    let nodes = rules.signatures.iter().filter_map(|s| s.node.as_ref());
    for node in nodes.chain(rules.components.iter().filter_map(|c| c.node.as_ref())) {
        if tree.node(node).is_none() {
            eprintln!("content/signatures.toml: no node has id {node:?}");
            std::process::exit(1);
        }
    }
    let signatures = rules.encode();
    std::fs::write(Path::new(&out_dir).join("signatures.txt"), &signatures)
        .expect("OUT_DIR is writable");

    // A stable hash (unlike std's randomly seeded one) of the tree and every file and body.
    let mut hash = Fnv1a::default();
    hash.write(tree.encode().as_bytes());
    hash.write(signatures.as_bytes());
    for source in &sources {
        hash.write(source.node.file.as_bytes());
        hash.write(source.body.as_bytes());
    }
    println!(
        "cargo::rustc-env=FIX502_CONTENT_VERSION={:016x}",
        hash.finish()
    );
}

struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
