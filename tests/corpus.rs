//! The analyser against what real gateways answered and logged (corpus/, recorded by
//! corpus/record.mjs): every case must read as its manifest says. What people pasted in public
//! threads (corpus/wild/) is scored on its own, in tests/wild.rs.
#![cfg(not(target_arch = "wasm32"))]

use fix502::analyze::{analyze, load};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    file: String,
    gateway: String,
    cause: String,
    status: Option<u16>,
}

#[test]
fn every_recorded_case_reads_as_its_manifest_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let manifest: Manifest =
        toml::from_str(&std::fs::read_to_string(root.join("manifest.toml")).unwrap()).unwrap();
    let rules = load::bundled();
    let mut problems = Vec::new();
    for case in &manifest.case {
        let text = std::fs::read_to_string(root.join(&case.file)).unwrap();
        let found = analyze(&rules, &text);
        let got = (found.gateway.as_str(), found.cause.as_str(), found.status);
        if got != (case.gateway.as_str(), case.cause.as_str(), case.status) {
            problems.push(format!(
                "{}: read as {got:?}, expected {:?}",
                case.file,
                (&case.gateway, &case.cause, case.status)
            ));
        }
    }
    for gateway in std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir() && e.file_name() != "wild")
    {
        for file in std::fs::read_dir(gateway.path()).unwrap().flatten() {
            let name = format!(
                "{}/{}",
                gateway.file_name().to_string_lossy(),
                file.file_name().to_string_lossy()
            );
            if !manifest.case.iter().any(|case| case.file == name) {
                problems.push(format!("{name} is recorded but not in manifest.toml"));
            }
        }
    }
    assert!(manifest.case.len() >= 30, "the corpus covers six gateways");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
