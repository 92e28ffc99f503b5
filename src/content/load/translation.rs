//! Translations of nodes: `visitor-reload.de.md` beside `visitor-reload.md`, with the same front
//! matter reduced to what a translator writes (the id, the English file's hash, the title and
//! the answers' labels, with the answers' targets to show they are the same) and the body in
//! that language:
//!
//! ```text
//! +++
//! id = "visitor-reload"
//! english = "9c0a33fd5d1e2b47"
//! title = "Laden Sie die Seite einmal neu. Öffnet sie sich jetzt?"
//!
//! [[answers]]
//! label = "Ja, jetzt geht es"
//! next = "visitor-reload-worked"
//! +++
//! …
//! ```
//!
//! Everything else (kind, audience, checks, where guidance leads) is the English node's. A
//! translation must have exactly the English node's answers, in its order and to its targets,
//! the same headings (with the same device classes) and the same placeholders, or the build
//! stops. `english` is [`english_hash`] of the English file the translator worked from: when
//! the English file changes, the translation is *stale*, which the build says and
//! `fix502-content --languages` lists, but it is still used.

use super::front_matter::{Locator, split_node_file};
use super::{ContentError, SourceNode};
use crate::content::{Audience, FIXED_LABEL, Kind, NOT_FIXED_LABEL, Node, Tree};
use crate::i18n::{Catalogue, Lang, Msg};
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

/// One node's translation into one language.
#[derive(Clone, Debug)]
pub struct Translation {
    pub lang: Lang,
    pub id: String,
    /// Relative to `content/`, as errors name it.
    pub file: String,
    /// The hash of the English file it was translated from.
    pub english: String,
    pub title: String,
    /// The answers' labels, in the English node's order.
    pub labels: Vec<String>,
    pub body: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslationMatter {
    id: Spanned<String>,
    english: Spanned<String>,
    title: Spanned<String>,
    #[serde(default)]
    answers: Vec<AnswerMatter>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerMatter {
    label: Spanned<String>,
    next: Spanned<String>,
    #[serde(default)]
    way_out: bool,
}

/// The hash a translation records of its English file: 64-bit FNV-1a of the file's bytes, in
/// hex (small, stable across runs and platforms; a translator's script can compute it too).
pub fn english_hash(text: &str) -> String {
    let mut hash = Fnv1a::default();
    std::hash::Hasher::write(&mut hash, text.as_bytes());
    format!("{:016x}", std::hash::Hasher::finish(&hash))
}

/// 64-bit FNV-1a: small, stable across runs and platforms, and enough to tell versions apart.
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The language a file name says it translates into: `visitor-reload.de.md` → `de` (node ids
/// have no dots, so a second dot marks a translation); `None` for a node file.
pub fn translation_tag(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(".md")?;
    stem.split_once('.').map(|(_, tag)| tag)
}

/// What the build knows of one language's translations.
#[derive(Debug, Default)]
pub struct LanguageStatus {
    /// Visitor and everyone nodes with no translation, by file.
    pub missing: Vec<String>,
    /// Translations made from an older English file, by file.
    pub stale: Vec<String>,
}

/// Reads and checks every translation under `root` (files named as [`translation_tag`] reads
/// them) against the English `sources`, as [`super::load_dir`] read them; the translations, or
/// every mistake found, with files named as `root/relative/path.md`.
pub fn load_translations(
    root: &Path,
    sources: &[SourceNode],
) -> Result<Vec<Translation>, Vec<ContentError>> {
    let mut files = Vec::new();
    super::collect_files(root, root, &mut files, true).map_err(|error| {
        vec![ContentError {
            file: root.display().to_string(),
            line: None,
            message: error.to_string(),
        }]
    })?;
    files.sort();
    let mut translations = Vec::new();
    let mut errors = Vec::new();
    for file in &files {
        let read = std::fs::read_to_string(root.join(file)).map_err(|error| ContentError {
            file: file.clone(),
            line: None,
            message: error.to_string(),
        });
        match read.and_then(|text| parse_translation(file, &text, sources)) {
            Ok(translation) => translations.push(translation),
            Err(mut error) => {
                error.file = root.join(&error.file).display().to_string();
                errors.push(error);
            }
        }
    }
    if errors.is_empty() {
        Ok(translations)
    } else {
        Err(errors)
    }
}

/// Per language: what is missing and what is stale, given the English files' texts by path.
pub fn language_status(
    lang: Lang,
    sources: &[SourceNode],
    translations: &[Translation],
    english_text: impl Fn(&str) -> Option<String>,
) -> LanguageStatus {
    let mut status = LanguageStatus::default();
    for source in sources {
        if source.node.audience == Audience::Owner {
            continue;
        }
        let translation = translations
            .iter()
            .find(|t| t.lang == lang && t.id == source.node.id);
        match translation {
            None => status.missing.push(source.node.file.clone()),
            Some(translation) => {
                let current = english_text(&source.node.file).map(|text| english_hash(&text));
                if current.as_deref() != Some(translation.english.as_str()) {
                    status.stale.push(translation.file.clone());
                }
            }
        }
    }
    status
}

/// The English file a translation file translates: `visitor/x.de.md` → `visitor/x.md`.
fn english_file(file: &str, tag: &str) -> String {
    file.replace(&format!(".{tag}.md"), ".md")
}

/// Parses one translation and checks it against its English node.
pub fn parse_translation(
    file: &str,
    text: &str,
    sources: &[SourceNode],
) -> Result<Translation, ContentError> {
    let error = |line: Option<usize>, message: String| ContentError {
        file: file.to_string(),
        line,
        message,
    };
    let name = file.rsplit('/').next().unwrap_or(file);
    let tag = translation_tag(name).unwrap_or_default();
    let lang = Lang::parse(tag)
        .filter(|lang| *lang != Lang::En)
        .ok_or_else(|| {
            let known: Vec<&str> = Lang::translated().map(Lang::name).collect();
            error(
                None,
                format!(
                    "“{tag}” is not a language the guide is translated into; it must be one of: {}",
                    known.join(", ")
                ),
            )
        })?;
    let english = english_file(file, tag);
    let source = sources
        .iter()
        .find(|source| source.node.file == english)
        .ok_or_else(|| {
            error(
                None,
                format!("there is no English node {english} to translate"),
            )
        })?;
    let parts = split_node_file(text).map_err(|_| {
        error(
            Some(1),
            "a translation begins with its settings between two +++ lines".into(),
        )
    })?;
    let locator = Locator {
        file,
        settings: parts.settings,
        settings_line: parts.settings_line,
    };
    let matter: TranslationMatter = toml::from_str(parts.settings).map_err(|problem| {
        let line = problem
            .span()
            .map_or(parts.settings_line, |span| locator.line_of(span.start));
        let message = format!(
            "the settings do not parse: {}",
            problem.message().trim_end()
        );
        locator.error(line, message)
    })?;
    let at = |field: &Spanned<String>| Some(locator.line(field));
    let node = &source.node;
    if *matter.id.get_ref() != node.id {
        return Err(error(
            at(&matter.id),
            format!(
                "id is {:?}; the English node's is {:?}",
                matter.id.get_ref(),
                node.id
            ),
        ));
    }
    let hash = matter.english.get_ref();
    if hash.len() != 16 || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(error(
            at(&matter.english),
            format!(
                "english must be the English file's hash, 16 hex digits (`fix502-content --languages` prints it): {:?}",
                hash
            ),
        ));
    }
    single_line(matter.title.get_ref(), "the title")
        .map_err(|why| error(at(&matter.title), why))?;
    // The answers a reader chooses from: a question's own; guidance's "Did this fix it?" is
    // the interface's, translated with its messages.
    let listed: &[crate::content::Answer] = if node.kind == Kind::Question {
        &node.answers
    } else {
        &[]
    };
    if matter.answers.len() != listed.len() {
        return Err(error(
            Some(parts.settings_line),
            format!(
                "the English node has {} answer(s) to translate; this file has {}",
                listed.len(),
                matter.answers.len()
            ),
        ));
    }
    let mut labels = Vec::new();
    for (given, (english, way_out)) in matter.answers.iter().zip(
        listed
            .iter()
            .zip(source.answer_lines.iter().map(|lines| lines.way_out)),
    ) {
        if *given.next.get_ref() != english.next {
            return Err(error(
                at(&given.next),
                format!(
                    "this answer leads to {:?}; the English answer in its place leads to {:?}",
                    given.next.get_ref(),
                    english.next
                ),
            ));
        }
        if given.way_out != way_out {
            return Err(error(
                at(&given.label),
                format!(
                    "way_out must be as in the English answer ({way_out}) for the answer leading to {:?}",
                    english.next
                ),
            ));
        }
        single_line(given.label.get_ref(), "a label")
            .map_err(|why| error(at(&given.label), why))?;
        labels.push(given.label.get_ref().clone());
    }
    let body = parts.body.trim().to_string();
    match (node.has_body, body.is_empty()) {
        (true, true) => {
            return Err(error(
                Some(parts.body_line),
                "the English node has a body to translate; this file has none".into(),
            ));
        }
        (false, false) => {
            return Err(error(
                Some(parts.body_line),
                "the English node has no body; this file should have none either".into(),
            ));
        }
        _ => {}
    }
    let (ours, theirs) = (shape(&body), shape(&source.body));
    if ours.headings != theirs.headings {
        return Err(error(
            Some(parts.body_line),
            format!(
                "the headings' levels and device classes must be the English ones, in order: {:?}; this file has {:?}",
                theirs.headings, ours.headings
            ),
        ));
    }
    if ours.placeholders != theirs.placeholders {
        return Err(error(
            Some(parts.body_line),
            format!(
                "the body must use the English body's placeholders: {:?}; this file has {:?}",
                theirs.placeholders, ours.placeholders
            ),
        ));
    }
    Ok(Translation {
        lang,
        id: node.id.clone(),
        file: file.to_string(),
        english: hash.clone(),
        title: matter.title.get_ref().clone(),
        labels,
        body,
    })
}

/// A title or label as the English node's must be: one line with something on it.
fn single_line(text: &str, what: &str) -> Result<(), String> {
    match super::validate::line_problem(text) {
        Some(problem) => Err(format!("{what} {problem}")),
        None => Ok(()),
    }
}

/// What a translated body must keep of its English one.
#[derive(Debug, PartialEq, Eq)]
struct Shape {
    /// Each heading's level and its `{…}` attributes, in order.
    headings: Vec<(usize, String)>,
    /// The `{{…}}` placeholders, sorted, each once.
    placeholders: Vec<String>,
}

fn shape(body: &str) -> Shape {
    let mut headings = Vec::new();
    let mut in_code = false;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        let level = line.chars().take_while(|c| *c == '#').count();
        if in_code || level == 0 || !line[level..].starts_with(' ') {
            continue;
        }
        let attributes = line
            .rfind('{')
            .filter(|_| line.trim_end().ends_with('}') && !line.trim_end().ends_with("}}"))
            .map(|open| line[open..].trim_end().to_string())
            .unwrap_or_default();
        headings.push((level, attributes));
    }
    let mut placeholders: Vec<String> = body
        .match_indices("{{")
        .filter_map(|(at, _)| {
            let rest = &body[at + 2..];
            rest.find("}}").map(|end| rest[..end].trim().to_string())
        })
        .collect();
    placeholders.sort();
    placeholders.dedup();
    Shape {
        headings,
        placeholders,
    }
}

/// What a reader of `catalogue`'s language is shown: the tree with each translated node's title
/// and labels, guidance's "Did this fix it?" answers in the language's words, and every other
/// node kept in English and marked [`Node::untranslated`](crate::content::Node); and each
/// node's Markdown body, translated where it is. Structure, ids and files stay the English
/// tree's, so a walk's address means the same in every language.
pub fn translated(
    tree: &Tree,
    sources: &[SourceNode],
    translations: &[Translation],
    catalogue: &Catalogue,
) -> (Tree, Vec<(Node, String)>) {
    let lang = catalogue.lang();
    let find = |id: &str| {
        translations
            .iter()
            .find(|translation| translation.lang == lang && translation.id == id)
    };
    let nodes: Vec<Node> = tree
        .nodes()
        .iter()
        .map(|node| {
            let mut node = node.clone();
            match find(&node.id) {
                Some(translation) => {
                    node.title = translation.title.clone();
                    if node.kind == Kind::Question {
                        for (answer, label) in node.answers.iter_mut().zip(&translation.labels) {
                            answer.label = label.clone();
                        }
                    }
                }
                None => node.untranslated = true,
            }
            if node.kind == Kind::Guidance {
                for answer in &mut node.answers {
                    match answer.label.as_str() {
                        FIXED_LABEL => answer.label = catalogue.text(Msg::Fixed).into(),
                        NOT_FIXED_LABEL => answer.label = catalogue.text(Msg::NotFixed).into(),
                        _ => {}
                    }
                }
            }
            node
        })
        .collect();
    let mut translated = Tree::new(nodes).expect("the same structure as a valid tree");
    translated.set_version(tree.version().to_string());
    let bodies = sources
        .iter()
        .filter(|source| source.node.has_body)
        .filter_map(|source| {
            let node = translated.node(&source.node.id)?.clone();
            let body = find(&node.id).map_or(&source.body, |translation| &translation.body);
            Some((node, body.clone()))
        })
        .collect();
    (translated, bodies)
}
