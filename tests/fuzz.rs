//! Property tests of everything that reads text from outside: the content loader, the tree
//! decoder, the URL reader (walk, error context and embedding parameters), the signatures
//! loaders, the paste analyser and its HAR reader, and the worker's paste job that strings them
//! together. For arbitrary input and for real input with random damage, each must return (an
//! error is fine, a panic is not) within a time bound far above what it needs.
//!
//! Each property runs a fixed number of cases from a fixed seed (proptest's deterministic RNG),
//! so the suite's time and its result are the same on every run.
#![cfg(not(target_arch = "wasm32"))]

use fix502::analyze::scan::Matcher;
use fix502::analyze::{self, Rules, har, load};
use fix502::content::Tree;
use fix502::content::load::{load_dir, parse_file};
use fix502::embedding::Embedding;
use fix502::engine::Walk;
use fix502::jobs;
use fix502::linked_error::LinkedError;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Far above what any single case takes (a few milliseconds); a case over it is a bug.
const BOUND: Duration = Duration::from_secs(2);

fn tree() -> &'static Tree {
    static TREE: OnceLock<Tree> = OnceLock::new();
    TREE.get_or_init(|| {
        load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
            .expect("a test checks content/")
            .0
    })
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(load::bundled)
}

/// Reads `text` with the bundled rules, compiled once (as the worker and the command line do).
fn read(text: &str) -> analyze::Analysis {
    thread_local! {
        static MATCHER: Matcher = Matcher::new(rules());
    }
    MATCHER.with(|matcher| analyze::analyze_with(rules(), matcher, text))
}

/// Runs `property` on `cases` inputs from `strategy`, from a fixed seed, and fails on the
/// first input that panics or takes longer than [`BOUND`].
fn check<S: Strategy>(cases: u32, strategy: S, property: impl Fn(S::Value))
where
    S::Value: std::fmt::Debug,
{
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]);
    let mut runner = TestRunner::new_with_rng(config, rng);
    runner
        .run(&strategy, |input| {
            let started = Instant::now();
            property(input);
            let took = started.elapsed();
            prop_assert!(took < BOUND, "took {took:?}");
            Ok(())
        })
        .unwrap();
}

/// Text made of arbitrary characters, weighted towards the ones parsers care about.
fn text(max: usize) -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        any::<char>().prop_map(String::from),
        proptest::sample::select(vec![
            "\n", "\r\n", "\t", " ", "=", "&", "?", "%", "%2", "%ZZ", "%00", "+", ".", "~", "#",
            "\"", "'", "{", "}", "[", "]", ":", ",", "\\", "\u{0}", "\u{fffd}", "é", "💥",
        ])
        .prop_map(String::from),
    ];
    proptest::collection::vec(pieces, 0..max).prop_map(|pieces| pieces.concat())
}

/// `real` with up to a few random cuts, insertions and swaps of characters: text that is
/// nearly right, which reaches further into a parser than noise does.
fn damaged(real: &'static str) -> impl Strategy<Value = String> {
    let edit = (any::<prop::sample::Index>(), 0..3u8, any::<char>());
    proptest::collection::vec(edit, 1..6).prop_map(move |edits| {
        let mut chars: Vec<char> = real.chars().collect();
        for (at, kind, with) in edits {
            if chars.is_empty() {
                chars.push(with);
                continue;
            }
            let at = at.index(chars.len());
            match kind {
                0 => {
                    chars.truncate(at);
                }
                1 => chars.insert(at, with),
                _ => chars[at] = with,
            }
        }
        chars.into_iter().collect()
    })
}

/// The words of `list`, separated by spaces.
fn words(list: &'static str) -> Vec<&'static str> {
    list.split_whitespace().collect()
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// The text of `path`, a file of this repository.
fn shipped(path: &str) -> &'static str {
    leak(std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap())
}

#[test]
fn the_content_loader_takes_any_file_without_panicking() {
    let real = shipped("content/owner/nginx/owner-nginx-backlog.md");
    check(300, text(400), |file| {
        let _ = parse_file("fuzz.md", &file);
    });
    check(300, damaged(real), |file| {
        let _ = parse_file("fuzz.md", &file);
    });
}

#[test]
fn the_tree_decoder_takes_any_text_without_panicking() {
    let whole = leak(tree().encode());
    let part = leak(tree().part_for(tree().start()));
    check(200, text(400), |text| {
        let _ = Tree::decode(&text);
    });
    check(100, damaged(whole), |text| {
        let _ = Tree::decode(&text);
    });
    check(300, damaged(part), |text| {
        let _ = Tree::decode(&text);
    });
}

/// A query string as links write them: known names (and a few unknown) with arbitrary values.
fn query() -> impl Strategy<Value = String> {
    let names = proptest::sample::select(words(
        "a from by found change step audience url status time rid via lang embed theme compact \
         accent radius font statuspage doh map x",
    ));
    let pair = (names, text(40)).prop_map(|(name, value)| format!("{name}={value}"));
    proptest::collection::vec(pair, 0..8).prop_map(|pairs| format!("?{}", pairs.join("&")))
}

/// A walk's answers built from the tree's real ids, some in an order the tree does not allow.
fn answers() -> impl Strategy<Value = String> {
    let ids: Vec<String> = tree().nodes().iter().map(|node| node.id.clone()).collect();
    let id = proptest::sample::select(ids);
    let step = (id, any::<bool>()).prop_map(
        |(id, by_check)| {
            if by_check { format!("~{id}") } else { id }
        },
    );
    proptest::collection::vec(step, 0..12).prop_map(|steps| format!("?a={}", steps.join(".")))
}

#[test]
fn the_url_reader_takes_any_address_without_panicking() {
    let read = |query: &str| {
        let (walk, _) = Walk::from_query(tree(), query);
        let _ = walk.shown(tree());
        let _ = walk.to_query(query);
        let context = LinkedError::from_query(query);
        let _ = context.without_dropped(query);
        let _ = Embedding::from_query(query);
    };
    check(300, text(200), |query| read(&query));
    check(500, query(), |query| read(&query));
    check(500, answers(), |query| {
        read(&query);
        // Whatever the link said, the walk it leads to is one the tree holds.
        let (walk, _) = Walk::from_query(tree(), &query);
        assert!(walk.is_held_by(tree()), "{query}");
    });
}

#[test]
fn the_signatures_loaders_take_any_text_without_panicking() {
    let toml = shipped("content/signatures.toml");
    let encoded = leak(rules().encode());
    check(100, text(400), |text| {
        let _ = load::parse(&text);
        let _ = Rules::decode(&text);
    });
    // The whole catalogue is long: a few damaged copies of each reach every part of the loaders.
    check(40, damaged(toml), |text| {
        let _ = load::parse(&text);
    });
    check(60, damaged(encoded), |text| {
        let _ = Rules::decode(&text);
    });
}

/// Pastes as people make them: lines of real error text, cut and mixed with noise.
fn paste() -> impl Strategy<Value = String> {
    // A line that each signature matches: its required pieces, and one of its alternatives.
    let samples: Vec<String> = rules()
        .signatures
        .iter()
        .map(|signature| {
            let mut line = signature.all.join(" … ");
            if let Some(one) = signature.any.first() {
                line = format!("{line} {one}");
            }
            line
        })
        .collect();
    let line = prop_oneof![
        3 => proptest::sample::select(samples),
        1 => text(120),
    ];
    let damaged_line = (line, any::<prop::sample::Index>()).prop_map(|(line, cut)| {
        let chars: Vec<char> = line.chars().collect();
        if chars.len() > 8 && cut.index(4) == 0 {
            chars[..cut.index(chars.len())].iter().collect()
        } else {
            line
        }
    });
    proptest::collection::vec(damaged_line, 0..12).prop_map(|lines| lines.join("\n"))
}

#[test]
fn the_analyser_reads_any_paste_in_bounded_time() {
    check(300, text(2000), |text| {
        let _ = read(&text);
    });
    check(300, paste(), |text| {
        let _ = read(&text);
    });
}

/// JSON values nested a few levels deep, shaped now and then like a HAR file's parts.
fn json() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_string()),
        any::<bool>().prop_map(|b| b.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| format!("{n:?}")),
        text(20).prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    leaf.prop_recursive(4, 64, 6, |inner| {
        let keys = proptest::sample::select(words(
            "log entries request response url method status statusText headers name value \
             content text time startedDateTime x",
        ));
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6)
                .prop_map(|items| format!("[{}]", items.join(","))),
            proptest::collection::vec((keys, inner), 0..6).prop_map(|fields| {
                let fields: Vec<String> = fields
                    .into_iter()
                    .map(|(key, value)| format!("\"{key}\":{value}"))
                    .collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}

#[test]
fn the_har_reader_takes_any_json_without_panicking() {
    check(300, json(), |json| {
        let har = format!("{{\"log\":{{\"entries\":[{json}]}}}}");
        let _ = har::read(&har);
        let _ = har::read(&json);
        let _ = read(&har);
    });
    check(200, text(400), |text| {
        let _ = har::read(&text);
    });
}

#[test]
fn the_paste_job_answers_any_text_and_link_with_html() {
    // Each paste job compiles the rules afresh, as the worker does once per page: fewer cases.
    check(30, (paste(), query()), |(text, query)| {
        let html = jobs::paste(
            rules(),
            tree(),
            &text,
            &query,
            &fix502::i18n::Words::english(),
        );
        assert!(!html.is_empty());
        assert!(!html.contains("<script"), "{html}");
    });
}
