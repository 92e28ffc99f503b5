//! Checks `content/` and, with `--out DIR`, writes what the app fetches into DIR: the decision
//! tree and the paste analyser's signatures in their compact forms (`tree.txt`,
//! `signatures.txt`) and every node body rendered to a safe HTML fragment
//! (keeping the folder layout: `visitor/visitor-reload.md` becomes
//! `visitor/visitor-reload.html`). Trunk runs it after each build to put them beside the app, so
//! that neither the content nor the Markdown renderer weigh on the first download.
//!
//! ```sh
//! cargo run --bin fix502-content                      # check the content, print any problems
//! cargo run --bin fix502-content -- --out dist/content
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use fix502::content::load::load_dir;
    use fix502::markdown;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = match args.as_slice() {
        [] => None,
        [flag, dir] if flag == "--out" => Some(PathBuf::from(dir)),
        _ => {
            eprintln!("usage: fix502-content [--out DIR]");
            return ExitCode::from(2);
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let (tree, sources) = match load_dir(&root) {
        Ok(loaded) => loaded,
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("content/ has {} problem(s)", errors.len());
            return ExitCode::FAILURE;
        }
    };
    let Some(out) = out else {
        println!("content/ is valid: {} nodes", tree.nodes().len());
        return ExitCode::SUCCESS;
    };
    let signatures = std::fs::read_to_string(root.join("signatures.toml"))
        .map_err(|error| error.to_string())
        .and_then(|text| fix502::analyze::load::parse(&text));
    let signatures = match signatures {
        Ok(rules) => rules.encode(),
        Err(error) => {
            eprintln!("content/signatures.toml: {error}");
            return ExitCode::FAILURE;
        }
    };
    let compact = [("tree.txt", tree.encode()), ("signatures.txt", signatures)];
    let bodies = sources
        .iter()
        .filter(|source| source.node.has_body)
        .map(|source| {
            let path = fix502::content::body_path(&source.node);
            (out.join(path), markdown::to_html(&source.body))
        });
    let compact = compact
        .into_iter()
        .map(|(name, text)| (out.join(name), text));
    for (target, text) in compact.chain(bodies) {
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, text));
        if let Err(error) = written {
            eprintln!("{}: {error}", target.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
