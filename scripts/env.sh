# Sourced by the scripts: puts the tools that scripts/setup installs first on PATH.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The release build's environment (docs/arch/0018): the standard library is compiled with the
# app, at its opt-level "z", with panics that abort at once and the library's smaller
# algorithms: 15,000 bytes brotli off the first screen. These are unstable Cargo and rustc
# options; RUSTC_BOOTSTRAP lets this rustc (1.95) take them, with its own library source
# (rust-src, which scripts/setup adds). Only the wasm is built so: the flags are the wasm
# target's, and Trunk.toml's hook builds the host's content tool without them.
release_env=(
  RUSTC_BOOTSTRAP=1
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
)
