//! Checks `content/` and, with `--out DIR`, renders every node body to a safe HTML fragment in
//! DIR (keeping the folder layout: `visitor/visitor-reload.md` becomes
//! `visitor/visitor-reload.html`). Trunk runs it after each build to put the bodies beside the
//! app, so that neither the bodies nor the Markdown renderer weigh on the first download.
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
    for source in sources.iter().filter(|source| source.node.has_body) {
        let target = out.join(fix502::content::body_path(&source.node));
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, markdown::to_html(&source.body)));
        if let Err(error) = written {
            eprintln!("{}: {error}", target.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
