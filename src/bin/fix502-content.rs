//! Checks `content/` and, with `--out DIR`, writes what the app fetches into DIR: the decision
//! tree and the paste analyser's signatures in their compact forms (`tree.txt`,
//! `signatures.txt`), the map of every step (`map.html`) and every node body rendered to a safe
//! HTML fragment (keeping the folder layout: `visitor/visitor-reload.md` becomes
//! `visitor/visitor-reload.html`). Trunk runs it after each build to put them beside the app, so
//! that neither the content nor the Markdown renderer weigh on the first download.
//!
//! `--longest-walks` prints, for every node, its kind, title, the nodes its answers lead to and
//! the query of the longest walk from the start to it (one JSON object a line), for the tests
//! that open every step the hard way.
//!
//! ```sh
//! cargo run --bin fix502-content                      # check the content, print any problems
//! cargo run --bin fix502-content -- --out dist/content
//! cargo run --bin fix502-content -- --longest-walks
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use fix502::content::load::load_dir;
    use fix502::markdown;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, walks) = match args.as_slice() {
        [] => (None, false),
        [flag, dir] if flag == "--out" => (Some(PathBuf::from(dir)), false),
        [flag] if flag == "--longest-walks" => (None, true),
        _ => {
            eprintln!("usage: fix502-content [--out DIR | --longest-walks]");
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
    if walks {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        for (node, walk) in longest_walks(&tree) {
            let next: Vec<String> = node
                .answers
                .iter()
                .map(|answer| format!("\"{}\"", answer.next))
                .collect();
            // Ids are plain and titles hold no control characters (the validator sees to
            // both); a quote or backslash in a title is escaped.
            let title = node.title.replace('\\', "\\\\").replace('"', "\\\"");
            let line = writeln!(
                stdout,
                "{{\"id\":\"{}\",\"kind\":\"{}\",\"title\":\"{title}\",\"query\":\"{}\",\"next\":[{}]}}",
                node.id,
                fix502::content::kind_name(node.kind),
                walk.to_query(""),
                next.join(",")
            );
            if line.is_err() {
                break; // the reader of the output went away
            }
        }
        return ExitCode::SUCCESS;
    }
    let Some(out) = out else {
        println!("content/ is valid: {} nodes", tree.nodes().len());
        return ExitCode::SUCCESS;
    };
    let signatures = std::fs::read_to_string(root.join("signatures.toml"))
        .map_err(|error| vec![format!("content/signatures.toml: {error}")])
        .and_then(|text| fix502::analyze::load::parse(&text));
    let signatures = match signatures {
        Ok(rules) => rules.encode(),
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("content/signatures.toml has {} problem(s)", errors.len());
            return ExitCode::FAILURE;
        }
    };
    let compact = [
        ("tree.txt", tree.encode()),
        ("signatures.txt", signatures),
        ("map.html", fix502::map::html(&tree)),
    ];
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

/// The longest walk from the start to every node, in the order of the tree. The validated tree
/// has no loops, so each node's longest walk extends the longest walk to one of the nodes that
/// lead to it.
#[cfg(not(target_arch = "wasm32"))]
fn longest_walks(
    tree: &fix502::content::Tree,
) -> Vec<(&fix502::content::Node, fix502::engine::Walk)> {
    use fix502::engine::Walk;
    use std::collections::HashMap;
    // Depth-first finishing order, reversed, puts every node after all the nodes leading to it.
    fn finish<'t>(
        tree: &'t fix502::content::Tree,
        node: &'t fix502::content::Node,
        done: &mut std::collections::HashSet<&'t str>,
        order: &mut Vec<&'t fix502::content::Node>,
    ) {
        if !done.insert(&node.id) {
            return;
        }
        for next in node.answers.iter().filter_map(|a| tree.node(&a.next)) {
            finish(tree, next, done, order);
        }
        order.push(node);
    }
    let mut order = Vec::new();
    finish(tree, tree.start(), &mut Default::default(), &mut order);
    order.reverse();
    let mut walks: HashMap<&str, Walk> =
        HashMap::from([(tree.start().id.as_str(), Walk::default())]);
    for node in &order {
        let Some(walk) = walks.get(node.id.as_str()).cloned() else {
            continue;
        };
        for answer in &node.answers {
            let Some(longer) = walk.choose(tree, &answer.next) else {
                continue;
            };
            let known = walks
                .get(answer.next.as_str())
                .map_or(0, Walk::answer_count);
            if longer.answer_count() >= known {
                walks.insert(&answer.next, longer);
            }
        }
    }
    tree.nodes()
        .iter()
        .filter_map(|node| Some((node, walks.remove(node.id.as_str())?)))
        .collect()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
