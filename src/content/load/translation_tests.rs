//! The translations' checks: each mistake a translator can make stops the build at its line,
//! and an English node that changed afterwards marks its translations stale.

use super::translation::*;
use super::*;
use crate::i18n::{Catalogue, Lang, Msg};

const START: &str = "+++\nid = \"start\"\ntitle = \"Who are you?\"\nkind = \"question\"\naudience = \"everyone\"\n\n[[answers]]\nlabel = \"A visitor\"\nnext = \"visitor-tip\"\n\n[[answers]]\nlabel = \"Not sure\"\nnext = \"visitor-end\"\nway_out = true\n+++\n";
const TIP: &str = "+++\nid = \"visitor-tip\"\ntitle = \"Reload\"\nkind = \"guidance\"\naudience = \"visitor\"\nnot_fixed = \"visitor-end\"\n+++\nOpen {{site.host}} again.\n\n## On a phone {.phone}\n\nPull down.\n\n```\nnot a # heading\n```\n";

fn sources() -> Vec<SourceNode> {
    vec![
        parse_file("start.md", START).unwrap(),
        parse_file("visitor/visitor-tip.md", TIP).unwrap(),
    ]
}

fn start_de(answers: &str) -> String {
    format!(
        "+++\nid = \"start\"\nenglish = \"{}\"\ntitle = \"Wer sind Sie?\"\n{answers}+++\n",
        english_hash(START)
    )
}

const TWO_ANSWERS: &str = "\n[[answers]]\nlabel = \"Besucher\"\nnext = \"visitor-tip\"\n\n[[answers]]\nlabel = \"Unsicher\"\nnext = \"visitor-end\"\nway_out = true\n";

fn tip_de(body: &str) -> String {
    format!(
        "+++\nid = \"visitor-tip\"\nenglish = \"{}\"\ntitle = \"Neu laden\"\n+++\n{body}",
        english_hash(TIP)
    )
}

const TIP_DE_BODY: &str =
    "Öffnen Sie {{site.host}} erneut.\n\n## Auf einem Smartphone {.phone}\n\nNach unten ziehen.\n";

fn error(file: &str, text: &str) -> String {
    parse_translation(file, text, &sources())
        .map(|_| String::new())
        .unwrap_or_else(|error| error.to_string())
}

#[test]
fn a_good_translation_gives_its_title_labels_and_body() {
    let start = parse_translation("start.de.md", &start_de(TWO_ANSWERS), &sources()).unwrap();
    assert_eq!(
        (start.lang, start.title.as_str()),
        (Lang::De, "Wer sind Sie?")
    );
    assert_eq!(start.labels, ["Besucher", "Unsicher"]);
    let tip = parse_translation(
        "visitor/visitor-tip.de.md",
        &tip_de(TIP_DE_BODY),
        &sources(),
    );
    assert!(tip.unwrap().body.starts_with("Öffnen Sie"));
}

#[test]
fn a_file_name_with_a_second_dot_is_a_translation() {
    assert_eq!(translation_tag("visitor-reload.pt-BR.md"), Some("pt-BR"));
    assert_eq!(translation_tag("visitor-reload.md"), None);
    assert_eq!(
        error("start.sv.md", &start_de(TWO_ANSWERS)),
        "start.sv.md: “sv” is not a language the guide is translated into; it must be one of: es, de, fr, pt-BR, ja, ar"
    );
    assert_eq!(
        error("start-later.de.md", &start_de(TWO_ANSWERS)),
        "start-later.de.md: there is no English node start-later.md to translate"
    );
}

#[test]
fn answers_must_be_the_english_ones_in_order() {
    let one = "\n[[answers]]\nlabel = \"Besucher\"\nnext = \"visitor-tip\"\n";
    assert_eq!(
        error("start.de.md", &start_de(one)),
        "start.de.md:2: the English node has 2 answer(s) to translate; this file has 1"
    );
    let three =
        format!("{TWO_ANSWERS}\n[[answers]]\nlabel = \"Noch eine\"\nnext = \"visitor-tip\"\n");
    assert!(
        error("start.de.md", &start_de(&three))
            .contains("has 2 answer(s) to translate; this file has 3")
    );
    let retargeted = TWO_ANSWERS.replacen("next = \"visitor-tip\"", "next = \"visitor-end\"", 1);
    assert_eq!(
        error("start.de.md", &start_de(&retargeted)),
        "start.de.md:8: this answer leads to \"visitor-end\"; the English answer in its place leads to \"visitor-tip\""
    );
    let no_way_out = TWO_ANSWERS.replace("way_out = true\n", "");
    assert!(
        error("start.de.md", &start_de(&no_way_out))
            .contains("way_out must be as in the English answer (true)")
    );
    let extra_key = start_de(TWO_ANSWERS).replace("title =", "kind = \"end\"\ntitle =");
    assert!(error("start.de.md", &extra_key).contains("unknown field `kind`"));
    let wrong_id = start_de(TWO_ANSWERS).replace("id = \"start\"", "id = \"begin\"");
    assert_eq!(
        error("start.de.md", &wrong_id),
        "start.de.md:2: id is \"begin\"; the English node's is \"start\""
    );
}

#[test]
fn the_body_keeps_the_english_headings_and_placeholders() {
    let file = "visitor/visitor-tip.de.md";
    assert_eq!(
        error(
            file,
            &tip_de("Öffnen Sie {{site.host}} erneut.\n\nNach unten ziehen.\n")
        ),
        "visitor/visitor-tip.de.md:6: the headings' levels and device classes must be the English ones, in order: [(2, \"{.phone}\")]; this file has []"
    );
    let other_class = TIP_DE_BODY.replace("{.phone}", "{.desktop}");
    assert!(error(file, &tip_de(&other_class)).contains("device classes"));
    let lost = TIP_DE_BODY.replace("{{site.host}}", "die Seite");
    assert!(error(file, &tip_de(&lost)).contains(
        "the body must use the English body's placeholders: [\"site.host\"]; this file has []"
    ));
    assert!(error(file, &tip_de("")).contains("has a body to translate; this file has none"));
    let untitled = tip_de(TIP_DE_BODY).replace("Neu laden", " ");
    assert!(error(file, &untitled).contains("the title is empty"));
}

#[test]
fn the_english_hash_must_look_like_one_and_tells_stale_from_current() {
    let bad = start_de(TWO_ANSWERS).replace(&english_hash(START), "latest");
    assert!(
        error("start.de.md", &bad)
            .contains("english must be the English file's hash, 16 hex digits")
    );
    let sources = sources();
    let current = parse_translation("start.de.md", &start_de(TWO_ANSWERS), &sources).unwrap();
    let english = |file: &str| match file {
        "start.md" => Some(START.to_string()),
        _ => Some(TIP.to_string()),
    };
    let status = language_status(Lang::De, &sources, std::slice::from_ref(&current), english);
    assert!(status.stale.is_empty());
    assert_eq!(status.missing, ["visitor/visitor-tip.md"]);
    // The English start changes after the translation was made.
    let changed = |file: &str| match file {
        "start.md" => Some(START.replace("Who are you?", "Who is reading?")),
        _ => Some(TIP.to_string()),
    };
    let status = language_status(Lang::De, &sources, &[current], changed);
    assert_eq!(status.stale, ["start.de.md"]);
    assert_eq!(status.missing, ["visitor/visitor-tip.md"]);
}

#[test]
fn the_translated_tree_keeps_the_structure_and_marks_what_is_english() {
    let sources = sources();
    let ends = ["visitor-end", "visitor-fixed"].map(|id| {
        let file = format!("visitor/{id}.md");
        parse_file(&file, &super::tests::end_node(id, "visitor")).unwrap()
    });
    let sources: Vec<SourceNode> = sources.into_iter().chain(ends).collect();
    let tree = validate(&sources).unwrap();
    let start = parse_translation("start.de.md", &start_de(TWO_ANSWERS), &sources).unwrap();
    let catalogue = Catalogue::new(
        Lang::De,
        [(
            Msg::NotFixed,
            crate::i18n::catalogue::Text::Plain("Nein, noch nicht".into()),
        )],
    );
    let (german, bodies) = translated(&tree, &sources, &[start], &catalogue);
    assert_eq!(german.start().title, "Wer sind Sie?");
    assert!(!german.start().untranslated);
    let tip = german.node("visitor-tip").unwrap();
    assert!(tip.untranslated);
    assert_eq!(tip.title, "Reload");
    let labels: Vec<&str> = tip.answers.iter().map(|a| a.label.as_str()).collect();
    // What the language lacks is said in English.
    assert_eq!(labels, ["Yes, that fixed it", "Nein, noch nicht"]);
    assert_eq!(
        german.encode().lines().count(),
        tree.encode().lines().count()
    );
    assert_eq!(bodies.len(), 3);
    // The flag survives the compact form the page reads.
    let read = crate::content::Tree::decode(&german.encode()).unwrap();
    assert!(read.node("visitor-tip").unwrap().untranslated);
}

#[test]
fn the_real_translations_are_valid() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let (_, sources) = load_dir(&root).expect("the English content is valid");
    let translations = load_translations(&root, &sources).unwrap_or_else(|errors| {
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{}", errors.join("\n"))
    });
    for lang in Lang::translated() {
        let file = format!("messages/{}.toml", lang.name());
        let text = std::fs::read_to_string(root.join(&file)).unwrap_or_default();
        if let Err(errors) = messages::parse_messages(&file, lang, &text) {
            let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{}", errors.join("\n"));
        }
        assert!(
            translations
                .iter()
                .any(|t| t.lang == lang && t.id == crate::content::START),
            "{} has its start question",
            lang.name()
        );
    }
}
