//! Checks `content/` and, with `--out DIR`, writes what the app fetches into DIR: the decision
//! tree and the paste analyser's signatures in their compact forms (`tree.txt`,
//! `signatures.txt`), the map of every step (`map.html`) and every node body rendered to a safe
//! HTML fragment (keeping the folder layout: `visitor/visitor-reload.md` becomes
//! `visitor/visitor-reload.html`), and each step's part of the tree (`steps/<id>.txt`, what the
//! page needs to show that step at once). Trunk runs it after each build to put them beside the app, so
//! that neither the content nor the Markdown renderer weigh on the first download.
//!
//! It also writes each audience's bodies as one bundle (`bodies-visitor.json`, a JSON object
//! from each body's path to its HTML) for the service worker to fetch in one request. With
//! `--offline DIST` it then writes `DIST/sw.js` from `assets/sw.js`: the list of every file the
//! app loads, as the app asks for them, and a name for this build that changes whenever any of
//! them does, and a Brotli and a gzip copy beside every file of `DIST` (`index.html.br`,
//! `index.html.gz`) where compressing makes it smaller, for servers that send them as they are.
//!
//! Each language the visitor's side is translated into gets a folder laid out the same way
//! (`de/tree.txt`, `de/steps/`, `de/visitor/visitor-reload.html`, `de/bodies-visitor.json`),
//! with its translated nodes (`X.de.md`, checked against `X.md`), the rest kept in English and
//! marked so (their bodies stay in the English folder), and its interface words,
//! `de/messages.txt` (from `content/messages/de.toml`). `--languages` prints, per language,
//! the nodes and messages missing and the translations older than their English node.
//!
//! `--longest-walks` prints, for every node, its kind, title, the nodes its answers lead to and
//! the query of the longest walk from the start to it (one JSON object a line), for the tests
//! that open every step the hard way.
//!
//! ```sh
//! cargo run --bin fix502-content                      # check the content, print any problems
//! cargo run --bin fix502-content -- --out dist/content
//! cargo run --bin fix502-content -- --out dist/content --offline dist
//! cargo run --bin fix502-content -- --longest-walks
//! cargo run --bin fix502-content -- --languages
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use fix502::content::Node;
    use fix502::content::load::load_dir;
    use fix502::content::load::messages::parse_messages;
    use fix502::content::load::translation::{language_status, load_translations, translated};
    use fix502::i18n::Lang;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, offline, walks, languages) = match args.as_slice() {
        [] => (None, None, false, false),
        [flag, dir] if flag == "--out" => (Some(PathBuf::from(dir)), None, false, false),
        [flag, dir, second, dist] if flag == "--out" && second == "--offline" => (
            Some(PathBuf::from(dir)),
            Some(PathBuf::from(dist)),
            false,
            false,
        ),
        [flag] if flag == "--longest-walks" => (None, None, true, false),
        [flag] if flag == "--languages" => (None, None, false, true),
        _ => {
            eprintln!(
                "usage: fix502-content [--out DIR [--offline DIST] | --longest-walks | --languages]"
            );
            return ExitCode::from(2);
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let (mut tree, sources) = match load_dir(&root) {
        Ok(loaded) => loaded,
        Err(errors) => return failed(&errors, "content/"),
    };
    let signatures = std::fs::read_to_string(root.join("signatures.toml"))
        .map_err(|error| vec![format!("content/signatures.toml: {error}")])
        .and_then(|text| fix502::analyze::load::parse_for(&text, &tree));
    let signatures = match signatures {
        Ok(rules) => rules.encode(),
        Err(errors) => return failed(&errors, "content/signatures.toml"),
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
                (node.kind).name(),
                walk.to_query(""),
                next.join(",")
            );
            if line.is_err() {
                break; // the reader of the output went away
            }
        }
        return ExitCode::SUCCESS;
    }
    let translations = match load_translations(&root, &sources) {
        Ok(translations) => translations,
        Err(errors) => return failed(&errors, "the translations"),
    };
    let mut catalogues = Vec::new();
    for lang in Lang::translated() {
        let file = format!("messages/{}.toml", lang.name());
        let text = std::fs::read_to_string(root.join(&file)).unwrap_or_default();
        match parse_messages(&format!("content/{file}"), lang, &text) {
            Ok(words) => catalogues.push(words),
            Err(errors) => return failed(&errors, &format!("content/{file}")),
        }
    }
    if languages {
        print_languages(&root, &sources, &translations, &catalogues);
        return ExitCode::SUCCESS;
    }
    for (lang, stale) in catalogues.iter().map(|words| {
        let lang = words.interface.lang();
        (
            lang,
            language_status(lang, &sources, &translations, english_text(&root)).stale,
        )
    }) {
        if !stale.is_empty() {
            eprintln!(
                "{} translation(s) into {} are older than their English node (fix502-content --languages lists them)",
                stale.len(),
                lang.name()
            );
        }
    }
    let Some(out) = out else {
        println!(
            "content/ is valid: {} nodes, their signatures and {} translations",
            tree.nodes().len(),
            translations.len()
        );
        return ExitCode::SUCCESS;
    };
    tree.set_version(content_version(
        &tree,
        &signatures,
        &sources,
        &translations,
        &catalogues,
    ));
    let root_only = [
        ("signatures.txt", signatures),
        ("map.html", fix502::map::html(&tree)),
    ]
    .map(|(name, text)| (out.join(name), text));
    let bodies: Vec<(Node, String)> = sources
        .iter()
        .filter(|source| source.node.has_body)
        .map(|source| (source.node.clone(), source.body.clone()))
        .collect();
    let mut written: Vec<(PathBuf, String)> = root_only.into_iter().collect();
    let english_copy = fix502::i18n::Msg::Copy.english();
    written.extend(content_files(&out, &tree, &bodies, english_copy));
    // Each language in a folder of its own, laid out as the English content is, so the page
    // asks for the same paths under `content/<lang>/`.
    for words in &catalogues {
        let catalogue = &words.interface;
        let (translated, mut bodies) = translated(&tree, &sources, &translations, catalogue);
        // A node kept in English has its body in the English folder only, where the app asks
        // for it: the owners' hundreds of steps are not copied into every language.
        bodies.retain(|(node, _)| !node.untranslated);
        let folder = out.join(catalogue.lang().name());
        written.push((folder.join("messages.txt"), catalogue.encode()));
        written.push((folder.join("panels.txt"), words.panels.encode()));
        let copy = catalogue.text(fix502::i18n::Msg::Copy);
        written.extend(content_files(&folder, &translated, &bodies, copy));
    }
    for (target, text) in written {
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, text));
        if let Err(error) = written {
            eprintln!("{}: {error}", target.display());
            return ExitCode::FAILURE;
        }
    }
    if let Some(dist) = offline {
        let written = write_start_question(&dist, &tree)
            .and_then(|()| write_service_worker(&dist, tree.version()))
            .and_then(|()| precompress(&dist));
        if let Err(error) = written {
            eprintln!("{}: {error}", dist.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// What the page fetches of one language's content, under `out`: the tree, each step's part of
/// it, every body rendered to HTML, and the bodies' bundles per audience.
#[cfg(not(target_arch = "wasm32"))]
fn content_files(
    out: &std::path::Path,
    tree: &fix502::content::Tree,
    bodies: &[(fix502::content::Node, String)],
    copy: &str,
) -> Vec<(std::path::PathBuf, String)> {
    let rendered: Vec<(&fix502::content::Node, String, String)> = bodies
        .iter()
        .map(|(node, body)| {
            let path = fix502::content::body_path(node);
            let html = fix502::markdown::to_html_copy_labelled(body, copy);
            (node, path, html)
        })
        .collect();
    let bundles = BUNDLES.iter().map(|(audience, name)| {
        let bundle: serde_json::Map<String, serde_json::Value> = rendered
            .iter()
            .filter(|(node, ..)| node.audience == *audience)
            .map(|(_, path, html)| (path.clone(), html.as_str().into()))
            .collect();
        (
            out.join(name),
            serde_json::Value::Object(bundle).to_string(),
        )
    });
    let files = rendered
        .iter()
        .map(|(_, path, html)| (out.join(path), html.clone()));
    // Each step's part of the tree, which the page fetches instead of the whole tree to show
    // the step a link opens (index.html; see docs/arch/0001-steps-before-the-app.md).
    let steps = tree.nodes().iter().map(|node| {
        (
            out.join(format!("steps/{}.txt", node.id)),
            tree.part_for(node),
        )
    });
    std::iter::once((out.join("tree.txt"), tree.encode()))
        .chain(bundles)
        .chain(files)
        .chain(steps)
        .collect()
}

/// The English file at `file` (relative to `root`), as translations' hashes are made of it.
#[cfg(not(target_arch = "wasm32"))]
fn english_text(root: &std::path::Path) -> impl Fn(&str) -> Option<String> + '_ {
    move |file| std::fs::read_to_string(root.join(file)).ok()
}

/// `--languages`: per language, what a translator has left to do.
#[cfg(not(target_arch = "wasm32"))]
fn print_languages(
    root: &std::path::Path,
    sources: &[fix502::content::load::SourceNode],
    translations: &[fix502::content::load::translation::Translation],
    catalogues: &[fix502::i18n::Words],
) {
    use fix502::content::load::translation::{english_hash, language_status};
    for words in catalogues {
        let catalogue = &words.interface;
        let lang = catalogue.lang();
        let status = language_status(lang, sources, translations, english_text(root));
        println!(
            "{}: {} node(s) missing, {} stale, {} message(s) missing",
            lang.name(),
            status.missing.len(),
            status.stale.len(),
            catalogue.missing().count()
                + catalogue.missing_page().count()
                + words.panels.missing().count()
        );
        for file in &status.missing {
            let hash = english_text(root)(file)
                .map(|text| english_hash(&text))
                .unwrap_or_default();
            println!("  missing  content/{file}  (english = \"{hash}\")");
        }
        for file in &status.stale {
            let english = file.replace(&format!(".{}.md", lang.name()), ".md");
            let hash = english_text(root)(&english)
                .map(|text| english_hash(&text))
                .unwrap_or_default();
            println!("  stale    content/{file}  (content/{english} is now english = \"{hash}\")");
        }
        // As lines to copy into content/messages/<lang>.toml, with their English text.
        print_missing(catalogue);
        print_missing(&words.panels);
        for (key, english) in catalogue.missing_page() {
            println!(
                "  message  {key} = {}",
                serde_json::to_string(english).unwrap_or_default()
            );
        }
    }
}

/// The messages `catalogue` lacks, each as a line of its message file with the English text.
#[cfg(not(target_arch = "wasm32"))]
fn print_missing<M: fix502::i18n::Messages>(catalogue: &fix502::i18n::Catalogue<M>) {
    // A JSON string is a TOML basic string too.
    let english = |text: &str| serde_json::to_string(text).unwrap_or_default();
    for msg in catalogue.missing() {
        let text = match msg.english_plural() {
            None => english(msg.english()),
            Some(other) => format!(
                "{{ one = {}, other = {} }}",
                english(msg.english()),
                english(other)
            ),
        };
        println!("  message  {} = {text}", msg.key());
    }
}

/// Says every problem found in `what`, and that the build stops.
#[cfg(not(target_arch = "wasm32"))]
fn failed(errors: &[impl std::fmt::Display], what: &str) -> std::process::ExitCode {
    for error in errors {
        eprintln!("{error}");
    }
    eprintln!("{what}: {} problem(s)", errors.len());
    std::process::ExitCode::FAILURE
}

/// Every file under `dir`, as paths relative to it with `/` between folders, sorted.
#[cfg(not(target_arch = "wasm32"))]
fn files_under(dir: &std::path::Path) -> std::io::Result<Vec<String>> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else if let Some(name) = path.strip_prefix(dir).ok().and_then(|p| p.to_str()) {
                found.push(name.replace('\\', "/"));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Files of `dist` that are not the app's own: the precompressed copies, and `_headers`, which
/// is for the host (assets/_headers) and never asked for by the page.
#[cfg(not(target_arch = "wasm32"))]
fn is_not_the_apps(name: &str) -> bool {
    name == "_headers" || name.ends_with(".br") || name.ends_with(".gz")
}

/// Writes `<file>.br` (Brotli, best) and `<file>.gz` (gzip, best) beside every file of `dist`,
/// each only where it is smaller than the file itself.
#[cfg(not(target_arch = "wasm32"))]
fn precompress(dist: &std::path::Path) -> std::io::Result<()> {
    use std::io::Write;
    for name in files_under(dist)? {
        if is_not_the_apps(&name) {
            continue;
        }
        let path = dist.join(&name);
        let bytes = std::fs::read(&path)?;
        let mut brotli = Vec::new();
        // Blocks of up to 16 MB (lgblock 24) rather than the encoder's choice: the app's wasm
        // comes out 130 bytes smaller, and no file of the build larger.
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            lgblock: 24,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut bytes.as_slice(), &mut brotli, &params)?;
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&bytes)?;
        let gzip = gzip.finish()?;
        for (extension, packed) in [("br", brotli), ("gz", gzip)] {
            if packed.len() < bytes.len() {
                std::fs::write(dist.join(format!("{name}.{extension}")), packed)?;
            }
        }
    }
    Ok(())
}

/// Writes the start question (`content/start.md`) into `dist/index.html`, which paints it before
/// the wasm arrives: its `<section class="step static-start">` gets the markup the app gives the
/// start, so the two never differ.
#[cfg(not(target_arch = "wasm32"))]
fn write_start_question(
    dist: &std::path::Path,
    tree: &fix502::content::Tree,
) -> std::io::Result<()> {
    let path = dist.join("index.html");
    let page = std::fs::read_to_string(&path)?;
    let written = with_start_question(&page, tree).ok_or_else(|| {
        std::io::Error::other("index.html has no <section class=\"step static-start\"> to fill")
    })?;
    std::fs::write(path, written)
}

/// `page` with the inside of its start question's section replaced by the start's heading and
/// answers; none if it has no such section.
#[cfg(not(target_arch = "wasm32"))]
fn with_start_question(page: &str, tree: &fix502::content::Tree) -> Option<String> {
    use fix502::engine::Walk;
    use fix502::html::Html;
    let class = page.find("class=\"step static-start\"")?;
    let inside = class + page[class..].find('>')? + 1;
    let end = inside + page[inside..].find("</section>")?;
    let start = tree.start();
    let mut html = Html::default();
    html.raw("<h1 id=\"step-title\" tabindex=\"-1\">")
        .text(&start.title)
        .raw("</h1><ul class=\"answers\">");
    for answer in &start.answers {
        let href = Walk::default()
            .choose(tree, &answer.next)
            .map(|walk| format!("?{}", walk.to_query("")))?;
        html.link("<li><a class=\"answer\" href=\"", &href, &answer.label)
            .raw("</li>");
    }
    html.raw("</ul>");
    Some(format!(
        "{}{}{}",
        &page[..inside],
        html.into_string(),
        &page[end..]
    ))
}

/// Each audience's bundle of bodies, by its file name in `content/`.
#[cfg(not(target_arch = "wasm32"))]
const BUNDLES: [(fix502::content::Audience, &str); 3] = [
    (fix502::content::Audience::Everyone, "bodies-everyone.json"),
    (fix502::content::Audience::Visitor, "bodies-visitor.json"),
    (fix502::content::Audience::Owner, "bodies-owner.json"),
];

/// Writes `dist/sw.js`: the service worker, with the files the app loads (every file in
/// `dist`, but the bodies, which come in their bundles, and precompressed copies) as the app
/// asks for them, and this build's name, a hash of all of them.
#[cfg(not(target_arch = "wasm32"))]
fn write_service_worker(dist: &std::path::Path, version: &str) -> std::io::Result<()> {
    use std::hash::Hasher;
    let found = files_under(dist)?;
    let mut build = std::hash::DefaultHasher::new();
    let mut files = Vec::new();
    for name in &found {
        if name == "sw.js" || is_not_the_apps(name) {
            continue;
        }
        build.write(name.as_bytes());
        build.write(&std::fs::read(dist.join(name))?);
        // What the app asks for: the page as its folder, and content as this build's version
        // (the tree both ways: the page asks for it plain, the worker with the version).
        match name.as_str() {
            "index.html" => files.push("./".to_string()),
            "content/tree.txt" => {
                files.push(name.clone());
                files.push(format!("{name}?v={version}"));
            }
            "content/signatures.txt" | "content/map.html" => {
                files.push(format!("{name}?v={version}"));
            }
            _ if name.starts_with("content/") => {} // bodies: in their bundles
            _ => files.push(name.clone()),
        }
    }
    let bundles: serde_json::Map<String, serde_json::Value> = BUNDLES
        .iter()
        .map(|(audience, name)| {
            let audience = (*audience).name().to_string();
            (audience, format!("content/{name}").into())
        })
        .collect();
    let worker = include_str!("../../assets/sw.js")
        .replace("__BUILD__", &format!("{:016x}", build.finish()))
        .replace("__CONTENT__", version)
        .replace(
            "__FILES__",
            &serde_json::to_string(&files).unwrap_or_default(),
        )
        .replace(
            "__BUNDLES__",
            &serde_json::to_string(&bundles).unwrap_or_default(),
        );
    std::fs::write(dist.join("sw.js"), worker)
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

/// The content's version: a stable hash (unlike std's randomly seeded one, which changes from
/// run to run) of the tree, the signatures and every node's file and body, so that it changes
/// exactly when something the app fetches does.
#[cfg(not(target_arch = "wasm32"))]
fn content_version(
    tree: &fix502::content::Tree,
    signatures: &str,
    sources: &[fix502::content::load::SourceNode],
    translations: &[fix502::content::load::translation::Translation],
    catalogues: &[fix502::i18n::Words],
) -> String {
    use std::hash::Hasher;
    let mut hash = fix502::content::load::translation::Fnv1a::default();
    hash.write(tree.encode().as_bytes());
    hash.write(signatures.as_bytes());
    for source in sources {
        hash.write(source.node.file.as_bytes());
        hash.write(source.body.as_bytes());
    }
    for translation in translations {
        hash.write(translation.file.as_bytes());
        hash.write(translation.title.as_bytes());
        hash.write(translation.labels.concat().as_bytes());
        hash.write(translation.body.as_bytes());
    }
    for words in catalogues {
        hash.write(words.interface.encode().as_bytes());
        hash.write(words.panels.encode().as_bytes());
    }
    format!("{:016x}", hash.finish())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::with_start_question;

    #[test]
    fn the_start_question_is_written_into_its_section_and_nowhere_else() {
        let tree = fix502::content::load::load_dir(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        )
        .map(|(tree, _)| tree)
        .unwrap_or_else(|errors| panic!("{errors:?}"));
        let page = "<main><section class=\"step static-start\" aria-labelledby=\"step-title\">STALE</section><p>after</p></main>";
        let written = with_start_question(page, &tree).unwrap();
        assert!(written.starts_with("<main><section class=\"step static-start\" aria-labelledby=\"step-title\"><h1 id=\"step-title\" tabindex=\"-1\">Who is seeing the 502 error?</h1><ul class=\"answers\"><li><a class=\"answer\" href=\"?a=visitor-other-sites\">"), "{written}");
        assert!(
            written.ends_with("</ul></section><p>after</p></main>"),
            "{written}"
        );
        assert!(
            written.contains("I&#39;m not sure") || written.contains("I&#x27;m not sure"),
            "{written}"
        );
        assert!(!written.contains("STALE"));
        assert_eq!(with_start_question("<main></main>", &tree), None);
    }
}
