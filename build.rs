//! The app's wasm keeps the linker's relocations, which scripts/split-wasm.mjs needs to split it
//! in two (docs/arch/0003); wasm-bindgen drops them from what ships. The worker's does not need
//! them.
//!
//! Nothing else happens here: content/ is not part of the compiled app. The content tool
//! (`fix502-content`, run by Trunk after each build) validates it and writes it beside the app.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=fix502=--emit-relocs");
    }
}
